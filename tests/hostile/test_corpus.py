"""One corpus full of hostile files, built once with the default extractor: every case ends as a document
(possibly with a warning row) or a ``build_issues`` row with its error class and an actionable message,
the good documents build, and nothing in the folder disappears without a trace.

Unreadable files: the tests run as root, and ``chmod 000`` does not stop root from reading. So
"unreadable" is covered three honest ways: a FIFO (a special file that would block a reader forever), a
dangling symbolic link, and ``secret.txt``, for which ``Path.open`` and ``os.open`` are *monkeypatched* to raise
``PermissionError`` during the build (a simulation of a permission problem, not a real one).
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.hostile.conftest import document_row, issue_rows
from tests.hostile.hostile_data import (
    PAYLOAD_TEXT,
    SCRIPT,
    docx_bytes,
    docx_with_document_xml,
    lying_docx,
    patch_zip_member,
    pdf_bytes,
    pdf_flate_bomb,
    real_docx_bomb,
    write_files,
)
from workbook.book import Book
from workbook.build import BuildReport, build
from workbook.extract.pipeline import DefaultExtractor
from workbook.workspace import read_book

pytestmark = pytest.mark.unit

GOOD = (
    "Kim Jong Un visited the Sinpho shipyard on Monday, KCNA said.\n\n"
    '"The missile may fly far," said Jeffrey Lewis, who believes it is likely linked to Pyongyang.'
)
SECRET = "TOP-SECRET-FILE-CONTENT-1f2e3d"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MARKER = "pwned-by-yaml"


def _laughs() -> bytes:
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    return (
        f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document {W}><w:body><w:p><w:r>'
        "<w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


def _xxe(secret_file: Path) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret_file.as_uri()}">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>Leaked: &x;</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>An ordinary paragraph after the entity.</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


def _fake_declared_docx() -> bytes:
    """A small honest .docx whose central directory and local header claim word/document.xml is ~4 GiB."""
    return patch_zip_member(docx_bytes(["tiny"]), "word/document.xml", file_size=0xFFFF0000)


def _corpus_files(secret_file: Path) -> dict[str, str | bytes]:
    good_pdf = pdf_bytes()
    euc_kr = "평양에서 김정은 위원장이 미사일 발사를 참관했다고 조선중앙통신이 보도했다.\n두 번째 문장입니다."
    return {
        # good documents: the rest of the build must complete around the hostile ones
        "good/report.txt": GOOD,
        "good/statement.md": "# Statement\n\nThe ministry said the test was *likely* a success.",
        "good/paper.pdf": good_pdf,
        "good/memo.docx": docx_bytes(["A memo about the Yongbyon reactor.", "Second paragraph."]),
        # empty and binary
        "empty.txt": b"",
        "blank.md": b"   \r\n\t\n  ",
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "controls.md": bytes(range(1, 9)) * 200 + b"some text",
        "binary.html": bytes(range(256)) * 8,
        "report-pdf.txt": good_pdf,
        "nul.txt": b"Stray NUL\x00 bytes in\x00 otherwise plain text.\n" * 3,
        # PDFs
        "truncated.pdf": good_pdf[: len(good_pdf) * 3 // 5],
        "corrupt.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage \xff\xfe" * 20,
        "not-a-pdf.pdf": b"<html><body>404 Not Found</body></html>",
        "locked.pdf": pdf_bytes(("Secret text",), password="hunter2"),
        "scan.pdf": pdf_bytes(()),
        "bomb.pdf": pdf_flate_bomb(128),
        # .docx
        "old-word.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + b"an old binary .doc",
        # a *simulated* password-protected Word file: an OLE header and the name of its encrypted stream
        "locked.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"),
        "bomb.docx": real_docx_bomb(2),
        "liar.docx": lying_docx(256),
        "declared.docx": _fake_declared_docx(),
        "laughs.docx": docx_with_document_xml(_laughs()),
        "xxe.docx": docx_with_document_xml(_xxe(secret_file)),
        # encodings
        "cp1252.txt": "“Café” — résumé of the naïve minister’s visit.".encode("cp1252"),
        "korean.txt": euc_kr.encode("euc-kr"),
        "utf16.txt": codecs.BOM_UTF16_LE + "Tschüß from a UTF-16 file.".encode("utf-16-le"),
        "mixed.txt": "Café in UTF-8 here.\n".encode() + "Café and “quotes” in cp1252.\n".encode("cp1252"),
        # collections
        "nested.json": "[" * 100_000 + "]" * 100_000,
        "records.json": json.dumps(
            [
                {"title": SCRIPT, "text": f"Record text with {SCRIPT} inside.", "date": "2024-01-10"},
                "not an object",
                {"title": "No text field"},
            ]
        ),
        # sidecars
        "s-bad-date.txt": "Sidecar with a vague date.",
        "s-bad-date.txt.meta.json": json.dumps({"published": "last Tuesday", "title": "Vague date"}),
        "s-feb30.txt": "Sidecar with an impossible date.",
        "s-feb30.txt.meta.json": json.dumps({"published": "2019-02-30"}),
        "s-types.txt": "Sidecar with values of the wrong types.",
        "s-types.txt.meta.json": json.dumps(
            {"published": 20190119, "title": ["a", "list"], "language": 7, "publisher": True, "url": {"x": 1}}
        ),
        "s-unknown.txt": "Sidecar with unknown fields.",
        "s-unknown.txt.meta.json": json.dumps(
            {"title": "Known title", "author": "A. Analyst", "nested": {"deep": [1, 2, {"x": None}]}, "n": 1.5}
        ),
        "s-list.txt": "Sidecar that is a list.",
        "s-list.txt.meta.json": "[1, 2, 3]",
        "s-syntax.txt": "Sidecar with broken JSON.",
        "s-syntax.txt.meta.json": '{"title": "unclosed',
        "s-yaml.txt": "Sidecar in YAML with a Python tag.",
        "s-yaml.txt.meta.yaml": f"title: !!python/object/apply:os.system ['touch {MARKER}']\n",
        "s-binary.txt": "Sidecar that is binary.",
        "s-binary.txt.meta.json": b"\x00\x01\x02\x03" * 64,
        "s-huge.txt": "Sidecar larger than any metadata.",
        "s-huge.txt.meta.json": '{"title": "' + "x" * (6 * 1024 * 1024) + '"}',
        "future.txt": "A document dated in the future.",
        "future.txt.meta.json": json.dumps({"published": "2999-01-01"}),
        "ancient.txt": "A document dated in year one.",
        "ancient.txt.meta.json": json.dumps({"published": "0001-01-01"}),
        # duplicates under two names (and a third copy in another encoding)
        "dup-a.txt": "The same story, filed twice under two names.",
        "dup b (copy).txt": "The same story, filed twice under two names.",
        "dup-utf16.txt": codecs.BOM_UTF16_LE + "The same story, filed twice under two names.".encode("utf-16-le"),
        # file names
        "Пхеньян 평양 ü.txt": "A document with a unicode name.",
        "  spaced   name .txt": "A document with spaces in its name.",
        "line\nbreak.txt": "A document with a newline in its name.",
        "<img src=x onerror=alert(1)>.txt": "A document whose name is markup.",
        # markup in documents
        "page.html": (
            "<html><head><title>&lt;script&gt;window.__pwned=1&lt;/script&gt; Page</title>"
            "<script>window.__pwned='inline'</script><style>body{}</style></head><body>"
            "<p onclick=\"window.__pwned='click'\">Visible text.</p>"
            "<a href=\"javascript:window.__pwned='link'\">link text</a> <img src=x onerror=alert(1)></body></html>"
        ),
        "links.md": "# Links\n\nSee [the report](javascript:alert(1)) and ![img](javascript:alert(2)).",
        "payloads.txt": f"Payload title line\n\n{PAYLOAD_TEXT}",
        # not documents
        "table.xlsx": b"PK\x03\x04 not really",
        "README": "no extension",
    }


def _special_files(root: Path) -> None:
    os.mkfifo(root / "pipe.txt")
    os.symlink("nowhere.txt", root / "dangling.txt")
    (root / "loop").mkdir()
    (root / "loop" / "inside.txt").write_text("A document inside the looping folder.", encoding="utf-8")
    os.symlink("..", root / "loop" / "again")
    (root / "secret.txt").write_text("Simulated unreadable file.", encoding="utf-8")


class Built:
    """The hostile corpus, its build report and the Book read back."""

    def __init__(self, root: Path, book: Book, report: BuildReport, written: list[str]) -> None:
        self.root = root
        self.book = book
        self.report = report
        self.written = written


@contextlib.contextmanager
def _secret_txt_unreadable() -> Iterator[None]:
    """Simulate a permission problem (see the module docs): opening any ``secret.txt`` raises PermissionError."""
    real_open = Path.open

    def deny(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    real_os_open = os.open

    def deny_os(path: Any, *args: Any, **kwargs: Any) -> int:  # the reader opens without blocking (os.open)
        if os.path.basename(path) == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_os_open(path, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Path, "open", deny)
        mp.setattr(os, "open", deny_os)
        yield


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, extractor: DefaultExtractor) -> Built:
    base = tmp_path_factory.mktemp("hostile")
    secret_file = base / "secret-outside-corpus.txt"
    secret_file.write_text(SECRET, encoding="utf-8")
    root = write_files(base / "corpus", _corpus_files(secret_file))
    _special_files(root)
    written = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if not p.is_dir() or p.is_symlink())
    with contextlib.chdir(base), _secret_txt_unreadable():  # the YAML payload would touch MARKER here if it ran
        report = build([root], base / "ws", extractor=extractor, progress=False)
    return Built(root, read_book(base / "ws"), report, written)


ISSUES = [
    # (path, stage, error class, words of the message)
    ("empty.txt", "parse", "EmptyDocumentError", "empty"),
    ("blank.md", "parse", "EmptyDocumentError", "only whitespace"),
    ("photo.txt", "decode", "DecodingError", "PNG image"),
    ("controls.md", "decode", "DecodingError", "control characters"),
    ("binary.html", "decode", "DecodingError", "binary"),
    ("report-pdf.txt", "decode", "DecodingError", "PDF document (give it the extension .pdf)"),
    ("nul.txt", "decode", "DecodingError", "NUL bytes"),
    ("truncated.pdf", "parse", "DocumentParseError", "Download it again"),
    ("corrupt.pdf", "parse", "DocumentParseError", "damaged"),
    ("not-a-pdf.pdf", "parse", "DocumentParseError", "not a PDF"),
    ("locked.pdf", "parse", "EncryptedDocumentError", "password-protected"),
    ("scan.pdf", "parse", "EmptyDocumentError", "OCR"),
    ("bomb.pdf", "parse", "DocumentParseError", "Limit reached while decompressing"),
    ("old-word.docx", "parse", "DocumentParseError", "not a zip archive"),
    ("locked.docx", "parse", "EncryptedDocumentError", "password-protected"),
    ("bomb.docx", "read", "DocumentTooLargeError", "would unpack to 2048"),
    ("liar.docx", "read", "DocumentTooLargeError", "declares 2,048 bytes but unpacks to more"),
    ("declared.docx", "read", "DocumentTooLargeError", "zip bomb"),
    ("laughs.docx", "parse", "DocumentParseError", "amplification"),
    ("nested.json#0", "parse", "DocumentParseError", "nested thousands of levels deep"),
    ("records.json#1", "metadata", "FieldMappingError", "not a JSON object"),
    ("records.json#2", "metadata", "FieldMappingError", "has no 'text' field"),
    ("pipe.txt", "read", "IngestError", "not a regular file"),
    ("dangling.txt", "read", "IngestError", "broken symbolic link"),
    ("loop/again", "discover", "IngestError", "symbolic link loop"),
    ("secret.txt", "read", "PermissionError", "Permission denied"),
    ("table.xlsx", "discover", "UnsupportedFormatError", "Supported: .txt"),
    ("README", "discover", "UnsupportedFormatError", "no extension"),
]


@pytest.mark.parametrize(("path", "stage", "error", "needle"), ISSUES, ids=[c[0] for c in ISSUES])
def test_a_hostile_file_becomes_one_build_issue_row(
    built: Built, path: str, stage: str, error: str, needle: str
) -> None:
    rows = issue_rows(built.book, path)
    assert len(rows) == 1, built.book.build_issues[["path", "error"]].to_string()
    row = rows.iloc[0]
    assert (row["stage"], row["error"]) == (stage, error)
    assert needle in row["message"]
    assert not built.book.documents["source"].astype(str).str.startswith(path).any()


WARNINGS = [
    # (document, words of the warning): the document loads, the problem is a MetadataWarning row
    ("s-bad-date.txt", "published 'last Tuesday' is not a date. Write it as YYYY-MM-DD"),
    ("s-feb30.txt", "published '2019-02-30' is not a date"),
    ("s-list.txt", "a sidecar must be an object of fields"),
    ("s-syntax.txt", "not valid JSON"),
    ("s-yaml.txt", "not valid YAML"),
    ("s-binary.txt", "cannot decode the sidecar"),
    ("s-huge.txt", "larger than 5 MB is not metadata"),
    ("future.txt", "publication date 2999-01-01 is in the future; it is kept"),
    ("mixed.txt", "mixes text encodings"),
]


@pytest.mark.parametrize(("source", "needle"), WARNINGS, ids=[c[0] for c in WARNINGS])
def test_a_bad_detail_keeps_the_document_and_adds_a_warning_row(built: Built, source: str, needle: str) -> None:
    doc = document_row(built.book, source)
    rows = issue_rows(built.book, source)
    assert list(rows["error"]) == ["MetadataWarning"] * len(rows) and len(rows) >= 1
    assert any(needle in m for m in rows["message"]), list(rows["message"])
    assert set(rows["doc_id"]) == {doc["doc_id"]}


def test_wrong_types_in_a_sidecar_are_one_warning_each_and_left_out(built: Built) -> None:
    doc = document_row(built.book, "s-types.txt")
    messages = " | ".join(issue_rows(built.book, "s-types.txt")["message"])
    for needle in (
        "published must be a date written as text",
        "not the number 20190119",
        "title must be text",
        "language must be a two-letter code",
        "publisher must be text, not the boolean True",
        "url must be text, not an object",
    ):
        assert needle in messages
    assert pd.isna(doc["published"]) and pd.isna(doc["language"]) and pd.isna(doc["publisher"])
    assert doc["title"] == "s-types"  # the file name, since the sidecar's title was unusable


def test_unknown_sidecar_fields_are_kept_in_meta_without_an_issue(built: Built) -> None:
    doc = document_row(built.book, "s-unknown.txt")
    assert doc["title"] == "Known title"
    assert json.loads(doc["meta"]) == {"author": "A. Analyst", "nested": {"deep": [1, 2, {"x": None}]}, "n": 1.5}
    assert issue_rows(built.book, "s-unknown.txt").empty


def test_a_yaml_python_tag_is_refused_and_never_runs(built: Built) -> None:
    assert not (built.root.parent / MARKER).exists()
    assert document_row(built.book, "s-yaml.txt")["title"] == "s-yaml"


def test_dates_at_the_ends_of_the_calendar_are_kept(built: Built) -> None:
    assert document_row(built.book, "future.txt")["published"] == pd.Timestamp("2999-01-01")
    assert document_row(built.book, "ancient.txt")["published"] == pd.Timestamp("0001-01-01")
    assert issue_rows(built.book, "ancient.txt").empty


@pytest.mark.parametrize(
    ("source", "encoding", "text"),
    [
        ("cp1252.txt", "cp1252", "“Café” — résumé of the naïve minister’s visit."),
        ("utf16.txt", "utf-16", "Tschüß from a UTF-16 file."),
        ("mixed.txt", "utf-8+cp1252", "Café in UTF-8 here.\nCafé and “quotes” in cp1252."),
    ],
)
def test_wrong_and_mixed_encodings_are_read_right(built: Built, source: str, encoding: str, text: str) -> None:
    doc = document_row(built.book, source)
    assert (doc["encoding"], doc["text"]) == (encoding, text)


def test_korean_in_euc_kr_is_detected(built: Built) -> None:
    doc = document_row(built.book, "korean.txt")
    assert doc["text"].startswith("평양에서 김정은 위원장이") and doc["encoding"] in ("euc_kr", "cp949")


def test_duplicates_under_other_names_and_encodings_are_stored_once_and_listed(built: Built) -> None:
    docs = built.book.documents
    assert (docs["text"] == "The same story, filed twice under two names.").sum() == 1
    kept = document_row(built.book, "dup b (copy).txt")  # the first in sorted path order is kept
    dups = {d["source"]: d["duplicate_of"] for d in built.book.manifest["duplicates"]}
    assert dups == {"dup-a.txt": "dup b (copy).txt", "dup-utf16.txt": "dup b (copy).txt"}
    assert {d["doc_id"] for d in built.report.duplicates} == {kept["doc_id"]}


@pytest.mark.parametrize(
    "name",
    [
        "Пхеньян 평양 ü.txt",
        "  spaced   name .txt",
        "line\nbreak.txt",
        "<img src=x onerror=alert(1)>.txt",
        "loop/inside.txt",
    ],
)
def test_odd_file_names_load_with_their_exact_source(built: Built, name: str) -> None:
    doc = document_row(built.book, name)
    assert doc["title"] == Path(name).stem  # one-line documents fall back to the file name


def test_xxe_in_a_docx_reads_no_local_file(built: Built) -> None:
    doc = document_row(built.book, "xxe.docx")
    assert "An ordinary paragraph after the entity." in doc["text"]
    for name in ("documents", "mentions", "claims", "events", "entities", "build_issues"):
        frame = built.book.table(name)
        assert not frame.astype(str).apply(lambda col: col.str.contains(SECRET, regex=False)).any().any(), name


def test_html_scripts_and_javascript_links_do_not_reach_the_text(built: Built) -> None:
    doc = document_row(built.book, "page.html")
    assert doc["text"] == "Visible text.\n\nlink text"
    assert doc["title"] == "<script>window.__pwned=1</script> Page"  # the page's title, kept as text
    md = document_row(built.book, "links.md")
    assert "javascript" not in md["text"] and "the report" in md["text"]


def test_markup_in_plain_text_is_kept_verbatim_as_text(built: Built) -> None:
    doc = document_row(built.book, "payloads.txt")
    assert doc["text"] == f"Payload title line\n\n{PAYLOAD_TEXT}"
    records = built.book.documents[built.book.documents["source"] == "records.json#0"].iloc[0]
    assert records["title"] == SCRIPT and SCRIPT in records["text"]


def test_the_good_documents_build_completely(built: Built) -> None:
    for source in ("good/report.txt", "good/statement.md", "good/paper.pdf", "good/memo.docx"):
        assert issue_rows(built.book, source).empty
        document_row(built.book, source)
    report_id = document_row(built.book, "good/report.txt")["doc_id"]
    mentions = built.book.mentions[built.book.mentions["doc_id"] == report_id]
    assert {"Kim Jong Un", "Jeffrey Lewis"} <= set(mentions["surface"])
    assert (built.book.claims["doc_id"] == report_id).any()


def test_nothing_in_the_folder_disappears_without_a_trace(built: Built) -> None:
    """Every file, link and pipe written is a document, a listed duplicate, a build issue, a sidecar of a
    document, or inside a reported link loop."""
    book = built.book
    sources = {str(s).split("#")[0] for s in book.documents["source"]}
    accounted = sources | {d["source"] for d in book.manifest["duplicates"]}
    accounted |= {str(p).split("#")[0] for p in book.build_issues["path"]}
    for name in built.written:
        if name.endswith((".meta.json", ".meta.yaml")):
            assert name.rsplit(".meta.", 1)[0] in accounted, name
        else:
            assert name in accounted, f"{name!r} vanished"
    assert stat.S_ISFIFO((built.root / "pipe.txt").lstat().st_mode)  # never opened, still there


def test_the_summary_lists_the_issues(built: Built) -> None:
    summary = built.report.summary()
    assert f"build issues: {len(built.book.build_issues)}" in summary
    assert "DocumentTooLargeError" in summary and "duplicates skipped: 2" in summary


def test_a_rebuild_of_the_same_hostile_corpus_changes_nothing(built: Built, extractor: DefaultExtractor) -> None:
    """Hostile files are reported the same way again and do not defeat the incremental build."""
    ws = Path(str(built.book.workspace))
    with _secret_txt_unreadable():
        report = build([built.root], ws, extractor=extractor, progress=False)
    assert not report.written and report.n_extracted == 0
    assert read_book(ws).manifest["build_id"] == built.book.manifest["build_id"]
