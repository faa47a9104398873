"""PDF (text layer, encryption, damage, scans) and DOCX (paragraphs, tables, properties, zip checks)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

import docx
import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from workbook.errors import DocumentParseError, DocumentTooLargeError, EmptyDocumentError, EncryptedDocumentError
from workbook.ingest import IngestFailure, RawDocument, read_document, read_docx, read_pdf
from workbook.ingest.docx_text import check_zip

pytestmark = pytest.mark.unit


def make_pdf(
    lines: tuple[str, ...] = ("Missile factory near Sinpho.", "Second line here."),
    *,
    title: str | None = None,
    encrypt: pdfencrypt.StandardEncryption | None = None,
    pages: int = 1,
) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt)
    if title:
        c.setTitle(title)
        c.setAuthor("A. Analyst")
    for page in range(pages):
        if lines:
            for i, line in enumerate(lines):
                c.drawString(72, 720 - 20 * i, f"{line}" if page == 0 else f"Page {page + 1}: {line}")
        else:
            c.rect(100, 100, 200, 200, fill=1)  # a picture, no text
        c.showPage()
    c.save()
    return buf.getvalue()


def _read(path: Path) -> RawDocument | IngestFailure:
    items = list(read_document(path, path.parent))
    assert len(items) == 1
    return items[0]


# --- pdf --------------------------------------------------------------------------------------


def test_pdf_text_and_title(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(make_pdf(title="Six factories report", pages=2))
    doc = _read(tmp_path / "report.pdf")
    assert isinstance(doc, RawDocument)
    assert doc.text.startswith("Missile factory near Sinpho.\nSecond line here.")
    assert "\n\nPage 2: Missile factory near Sinpho." in doc.text
    assert doc.title == "Six factories report"
    assert doc.format == "pdf"
    assert doc.meta["author"] == "A. Analyst"


def test_pdf_creation_date_is_meta_not_published(tmp_path: Path) -> None:
    (tmp_path / "r.pdf").write_bytes(make_pdf(title="T"))
    doc = _read(tmp_path / "r.pdf")
    assert isinstance(doc, RawDocument)
    assert doc.published is None
    assert datetime.fromisoformat(doc.meta["pdf_created"]).year >= 2020


def test_pdf_placeholder_title_is_ignored() -> None:
    parsed = read_pdf(make_pdf(title="Microsoft Word - draft.docx"), "x.pdf")
    assert parsed.metadata.title is None


def test_password_protected_pdf(tmp_path: Path) -> None:
    data = make_pdf(encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    with pytest.raises(EncryptedDocumentError, match="password-protected"):
        read_pdf(data, "locked.pdf")
    (tmp_path / "locked.pdf").write_bytes(data)
    item = _read(tmp_path / "locked.pdf")
    assert isinstance(item, IngestFailure)
    assert (item.error, item.stage) == ("EncryptedDocumentError", "parse")
    assert "password" in item.message


def test_pdf_encrypted_only_against_editing_is_read() -> None:
    data = make_pdf(encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner"))
    assert "Sinpho" in read_pdf(data, "x.pdf").text


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_pdf_is_a_parse_error(tmp_path: Path, fraction: float) -> None:
    data = make_pdf()
    cut = data[: int(len(data) * fraction)]
    with pytest.raises(DocumentParseError):
        read_pdf(cut, "cut.pdf")
    (tmp_path / "cut.pdf").write_bytes(cut)
    item = _read(tmp_path / "cut.pdf")
    assert isinstance(item, IngestFailure)
    assert item.error == "DocumentParseError"


def test_not_a_pdf_is_a_parse_error() -> None:
    with pytest.raises(DocumentParseError, match="not a PDF"):
        read_pdf(b"hello, I am a text file", "fake.pdf")


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path) -> None:
    with pytest.raises(EmptyDocumentError, match="OCR"):
        read_pdf(make_pdf(lines=()), "scan.pdf")
    (tmp_path / "scan.pdf").write_bytes(make_pdf(lines=(), pages=2))
    item = _read(tmp_path / "scan.pdf")
    assert isinstance(item, IngestFailure)
    assert item.error == "EmptyDocumentError" and "2 pages" in item.message


# --- docx -------------------------------------------------------------------------------------


def make_docx(path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Factory visits"
    document.core_properties.author = "Analyst One"
    document.add_heading("Factory visits", level=1)
    document.add_paragraph("Kim Jong Un visited the plant.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Site"
    table.cell(0, 1).text = "Province"
    table.cell(1, 0).text = "Sinpho"
    table.cell(1, 1).text = "South Hamgyong"
    document.add_paragraph("After the table.")
    document.save(str(path))


def test_docx_paragraphs_tables_and_properties(tmp_path: Path) -> None:
    make_docx(tmp_path / "visits.docx")
    doc = _read(tmp_path / "visits.docx")
    assert isinstance(doc, RawDocument)
    assert doc.text == (
        "Factory visits\n\nKim Jong Un visited the plant.\n\nSite\tProvince\nSinpho\tSouth Hamgyong\n\nAfter the table."
    )
    assert doc.title == "Factory visits"
    assert doc.meta["author"] == "Analyst One"
    assert "docx_created" in doc.meta
    assert doc.published is None  # the file's creation date is not a publication date
    assert doc.format == "docx"


def test_docx_merged_cells_are_not_repeated(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "wide"
    table.cell(0, 2).text = "narrow"
    document.save(str(tmp_path / "m.docx"))
    doc = _read(tmp_path / "m.docx")
    assert isinstance(doc, RawDocument)
    assert doc.text == "wide\tnarrow"


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an old binary .doc")
    item = _read(tmp_path / "old.docx")
    assert isinstance(item, IngestFailure)
    assert (item.error, item.stage) == ("DocumentParseError", "parse")
    assert "not a zip" in item.message and ".docx" in item.message


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not word")
    with pytest.raises(DocumentParseError):
        read_docx(buf.getvalue(), "fake.docx")


def test_zip_that_needs_a_newer_zip_version_is_a_parse_error() -> None:
    # zipfile raises NotImplementedError("zip file version 8.4") for such an archive; found by hypothesis
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    damaged = bytearray(buf.getvalue())
    central = damaged.index(b"PK\x01\x02")
    damaged[central + 6] = 84  # "version needed to extract" of the central directory entry
    with pytest.raises(DocumentParseError, match=r"save it again as \.docx"):
        check_zip(bytes(damaged), "new.docx")
    with pytest.raises(DocumentParseError):
        read_docx(bytes(damaged), "new.docx")


def test_zip_bomb_is_refused_before_unpacking() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\x00" * 2_000_000)
    assert len(buf.getvalue()) < 50_000
    with pytest.raises(DocumentTooLargeError, match="zip bomb"):
        check_zip(buf.getvalue(), "bomb.docx", max_unpacked_bytes=1_000_000)
    with pytest.raises(DocumentTooLargeError):
        read_docx(buf.getvalue(), "bomb.docx", max_unpacked_bytes=1_000_000)


def test_empty_docx_is_empty_document(tmp_path: Path) -> None:
    docx.Document().save(str(tmp_path / "blank.docx"))
    item = _read(tmp_path / "blank.docx")
    assert isinstance(item, IngestFailure)
    assert item.error == "EmptyDocumentError"
