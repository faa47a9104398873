"""Discovery (what is read, skipped or reported) and read_document's guarantees (sources, size guard)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from workbook.errors import DocumentTooLargeError, IngestError
from workbook.ingest import (
    IngestFailure,
    RawDocument,
    discover,
    iter_documents,
    read_bytes,
    read_document,
)

pytestmark = pytest.mark.unit

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def _sources(root: Path, paths: tuple[Path, ...]) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_folder_walk_is_recursive_sorted_and_skips_hidden_and_workspaces(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "b.txt": "b",
            "a/z.md": "z",
            "a/c.html": "<p>c</p>",
            "a/deeper/d.json": "[]",
            ".hidden.txt": "h",
            ".git/config.txt": "g",
            "a/.cache/e.txt": "e",
            "corpus.workbook/tables.json": "[]",
            "a/old.WORKBOOK/x.txt": "x",
            "a/z.md.meta.json": "{}",
            "~$draft.docx": "lock",
            "Thumbs.db": "",
        },
    )
    found = discover([tmp_path])
    assert found.root == tmp_path
    assert _sources(tmp_path, found.files) == ["a/c.html", "a/deeper/d.json", "a/z.md", "b.txt"]
    assert found.failures == ()


def test_unsupported_files_in_a_walk_are_reported_with_the_supported_formats(tmp_path: Path) -> None:
    _tree(tmp_path, {"doc.txt": "x", "LICENSE": "MIT", "data.csv": "a,b", "scan.JPG": "not really"})
    found = discover([tmp_path])
    assert _sources(tmp_path, found.files) == ["doc.txt"]
    failures = {f.source: f for f in found.failures}
    assert set(failures) == {"LICENSE", "data.csv", "scan.JPG"}
    for f in failures.values():
        assert (f.stage, f.error) == ("discover", "UnsupportedFormatError")
        assert ".txt" in f.message and ".pdf" in f.message and ".docx" in f.message
    assert "no extension" in failures["LICENSE"].message
    assert "'.csv'" in failures["data.csv"].message


def test_extensions_are_case_insensitive(tmp_path: Path) -> None:
    _tree(tmp_path, {"UPPER.TXT": "Text here", "Page.HTM": "<p>hi</p>"})
    assert _sources(tmp_path, discover(tmp_path).files) == ["Page.HTM", "UPPER.TXT"]


def test_orphan_sidecar_is_reported(tmp_path: Path) -> None:
    _tree(tmp_path, {"gone.txt.meta.json": "{}", "here.txt": "x"})
    found = discover([tmp_path])
    assert [(f.source, f.error) for f in found.failures] == [("gone.txt.meta.json", "MetadataError")]


def test_symlink_loop_is_reported_and_does_not_hang(tmp_path: Path) -> None:
    _tree(tmp_path, {"a/doc.txt": "x", "a/b/inner.txt": "y"})
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "loop")
    os.symlink(tmp_path / "a" / "b", tmp_path / "a" / "b" / "self")
    found = discover([tmp_path])
    assert _sources(tmp_path, found.files) == ["a/b/inner.txt", "a/doc.txt"]
    loops = sorted(f.source for f in found.failures)
    assert loops == ["a/b/loop", "a/b/self"]
    assert all("loop" in f.message for f in found.failures)


def test_folder_linked_twice_is_walked_once_and_broken_link_reported(tmp_path: Path) -> None:
    _tree(tmp_path, {"real/doc.txt": "x"})
    os.symlink(tmp_path / "real", tmp_path / "alias")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    found = discover([tmp_path])
    assert len(found.files) == 1
    assert [(f.source, f.stage) for f in found.failures] == [("broken.txt", "read")]
    assert "broken symbolic link" in found.failures[0].message


def test_special_files_are_reported_not_opened(tmp_path: Path) -> None:
    _tree(tmp_path, {"doc.txt": "x"})
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block forever
    found = discover([tmp_path])
    assert _sources(tmp_path, found.files) == ["doc.txt"]
    assert [(f.source, f.stage) for f in found.failures] == [("pipe.txt", "read")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read files without permission")
def test_unreadable_file_is_a_read_failure(tmp_path: Path) -> None:
    _tree(tmp_path, {"secret.txt": "x"})
    (tmp_path / "secret.txt").chmod(0)
    found = discover([tmp_path])
    assert [(f.source, f.stage) for f in found.failures] == [("secret.txt", "read")]


def test_permission_denied_is_a_read_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, {"secret.txt": "x", "open.txt": "y"})
    real_open = Path.open

    def deny(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    real_os_open = os.open

    def deny_os(path: Any, *args: Any, **kwargs: Any) -> int:  # reading opens without blocking (os.open)
        if os.path.basename(path) == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    monkeypatch.setattr(os, "open", deny_os)
    found = discover([tmp_path])
    assert _sources(tmp_path, found.files) == ["open.txt"]
    [failure] = found.failures
    assert (failure.source, failure.stage, failure.error) == ("secret.txt", "read", "PermissionError")
    assert "Permission denied" in failure.message
    [item] = read_document(tmp_path / "secret.txt", tmp_path)
    assert isinstance(item, IngestFailure) and item.stage == "read"


def test_file_vanishing_before_reading_is_a_read_failure(tmp_path: Path) -> None:
    [item] = read_document(tmp_path / "gone.txt", tmp_path)
    assert isinstance(item, IngestFailure)
    assert (item.source, item.stage, item.error) == ("gone.txt", "read", "FileNotFoundError")


def test_several_inputs_share_a_root_and_files_are_listed_once(tmp_path: Path) -> None:
    _tree(tmp_path, {"one/a.txt": "a", "two/b.txt": "b"})
    found = discover([tmp_path / "two" / "b.txt", tmp_path / "one", tmp_path / "one" / "a.txt"])
    assert found.root == tmp_path
    assert _sources(tmp_path, found.files) == ["one/a.txt", "two/b.txt"]


def test_single_file_input_has_its_folder_as_root(tmp_path: Path) -> None:
    _tree(tmp_path, {"x/.hidden-but-explicit.txt": "given on purpose"})
    found = discover(tmp_path / "x" / ".hidden-but-explicit.txt")
    assert found.root == tmp_path / "x"
    assert len(found.files) == 1


def test_missing_input_and_workspace_input_are_failures(tmp_path: Path) -> None:
    (tmp_path / "built.workbook").mkdir()
    found = discover([tmp_path / "nope", tmp_path / "built.workbook"])
    assert found.files == ()
    assert [f.stage for f in found.failures] == ["discover", "discover"]
    assert "no such file" in found.failures[0].message
    assert "workspace" in found.failures[1].message


def test_no_input_is_an_error() -> None:
    with pytest.raises(IngestError, match="at least one"):
        discover([])


def test_unicode_and_space_file_names(tmp_path: Path) -> None:
    _tree(tmp_path, {"북한 뉴스/김정은 visit notes.txt": "Title line\n\nBody.", "café report.md": "# Café\n\nText."})
    items = list(iter_documents([tmp_path]))
    assert all(isinstance(i, RawDocument) for i in items)
    assert [i.source for i in items] == ["café report.md", "북한 뉴스/김정은 visit notes.txt"]


def test_iter_documents_yields_discovery_failures_then_documents_in_order(tmp_path: Path) -> None:
    _tree(tmp_path, {"b.txt": "B doc", "a.txt": "A doc", "c.xyz": "?", "d.txt": ""})
    items = list(iter_documents(tmp_path))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("IngestFailure", "c.xyz"),
        ("RawDocument", "a.txt"),
        ("RawDocument", "b.txt"),
        ("IngestFailure", "d.txt"),
    ]


def test_size_guard_refuses_big_files_without_reading_them(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # a sparse 150 MB file: refusing it must not need the bytes
        fh.truncate(150 * 1024 * 1024)
    with pytest.raises(DocumentTooLargeError, match="100 MB"):
        read_bytes(big)
    [item] = read_document(big, tmp_path)
    assert isinstance(item, IngestFailure)
    assert (item.stage, item.error) == ("read", "DocumentTooLargeError")
    (tmp_path / "small.txt").write_text("x" * 50)
    [item] = read_document(tmp_path / "small.txt", tmp_path, max_bytes=10)
    assert isinstance(item, IngestFailure) and item.error == "DocumentTooLargeError"


def test_unsupported_file_read_directly_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "sheet.xlsx").write_bytes(b"PK")
    [item] = read_document(tmp_path / "sheet.xlsx", tmp_path)
    assert isinstance(item, IngestFailure)
    assert item.error == "UnsupportedFormatError"


def test_seed_document_reads_with_its_sidecar() -> None:
    items = list(iter_documents([SEEDS]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [i for i in items if isinstance(i, IngestFailure)] == []
    [doc] = docs
    assert doc.source == "000_835897a5739e6757.txt"
    assert doc.title == "US analysts locate 6 factories possibly linked to North Korea's missile programme"
    assert doc.publisher == "The Straits Times"
    assert str(doc.published) == "2019-01-19"
    assert doc.language == "en"
    assert doc.url is None
    assert "print edition" in doc.meta["date_note"]
    assert doc.encoding == "utf-8"
    assert doc.warnings == ()
    assert "Mr Jeffrey Lewis" in doc.text
