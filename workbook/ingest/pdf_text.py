"""PDF documents: the text layer, read with pypdf.

* A password-protected PDF raises :class:`~workbook.errors.EncryptedDocumentError`. PDFs that are
  encrypted only against editing (an empty open password) are read normally.
* A damaged or truncated PDF raises :class:`~workbook.errors.DocumentParseError`. pypdf can raise
  almost any exception on damaged input (``NotImplementedError`` for a mangled filter name,
  ``struct.error``, ...), so every exception it raises while reading is taken to mean damage.
* A PDF whose pages carry no text (scanned images) raises
  :class:`~workbook.errors.EmptyDocumentError` saying it needs OCR.

Pages are separated by a blank line. The PDF's ``Title`` property is the title unless it is a
placeholder ("untitled", "Microsoft Word - x.docx"). The PDF's ``CreationDate`` is when the *file*
was made (often when someone printed a web page to PDF), not when the text was published, so it is
kept in ``meta["pdf_created"]`` and never used as ``published``; give the publication date in a
sidecar. ``Author``, ``Subject`` and ``Keywords`` go to ``meta`` too.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from workbook.errors import DocumentParseError, EmptyDocumentError, EncryptedDocumentError
from workbook.ingest.metadata import DocumentMetadata, ParsedDocument, clean_title
from workbook.ingest.plain_text import require_text
from workbook.ingest.text_decoding import normalise_newlines

if TYPE_CHECKING:  # pypdf is imported when a PDF is read: ``import workbook`` does not pay for it
    from pypdf import PdfReader

__all__ = ["read_pdf"]

_PLACEHOLDER_TITLE = re.compile(r"^(?:untitled|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|txt|html?))$", re.I)
_META_KEYS = (("/Author", "author"), ("/Subject", "subject"), ("/Keywords", "keywords"))


def _open(data: bytes, origin: str) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # pypdf on a damaged file: see the module docstring
        raise DocumentParseError(
            f"{origin}: the PDF is damaged or not a PDF ({type(exc).__name__}: {exc}). "
            "Download it again or re-save it from a PDF viewer."
        ) from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except (DependencyError, NotImplementedError) as exc:
            raise EncryptedDocumentError(
                f"{origin}: the PDF is encrypted with a method this installation cannot open ({exc}). "
                "Save an unencrypted copy (print to PDF) and add that instead."
            ) from exc
        except Exception as exc:  # a damaged encryption dictionary
            raise DocumentParseError(
                f"{origin}: the PDF's encryption data is damaged ({type(exc).__name__}: {exc}). "
                "Download it again or re-save it from a PDF viewer."
            ) from exc
        if not opened:
            raise EncryptedDocumentError(
                f"{origin}: the PDF is password-protected. Open it with the password and save an unprotected "
                "copy (e.g. with qpdf --decrypt), then add that copy to the corpus."
            )
    return reader


def _text(reader: PdfReader, origin: str) -> str:
    from pypdf.errors import FileNotDecryptedError

    pages: list[str] = []
    try:
        for page in reader.pages:
            pages.append(normalise_newlines(page.extract_text() or "").strip())
    except FileNotDecryptedError as exc:
        raise EncryptedDocumentError(f"{origin}: the PDF is password-protected; add an unprotected copy.") from exc
    except Exception as exc:  # pypdf on a damaged file: see the module docstring
        raise DocumentParseError(
            f"{origin}: the PDF is damaged ({type(exc).__name__}: {exc}). Download it again or re-save it."
        ) from exc
    return "\n\n".join(p for p in pages if p)


def _properties(reader: PdfReader) -> DocumentMetadata:
    try:
        info: Any = reader.metadata
    except Exception:  # damaged properties are no properties; the text was read
        info = None
    if not info:
        return DocumentMetadata()
    meta: dict[str, Any] = {}
    for key, name in _META_KEYS:
        value = clean_title(str(info.get(key) or ""))
        if value:
            meta[name] = value
    try:
        created = info.creation_date
    except Exception:
        created = None
    if created is not None:
        meta["pdf_created"] = created.isoformat()
    title = clean_title(str(info.get("/Title") or ""))
    if title and _PLACEHOLDER_TITLE.match(title):
        title = None
    return DocumentMetadata(title=title, meta=meta)


def read_pdf(data: bytes, origin: str) -> ParsedDocument:
    """Read a PDF file's bytes: its text layer and properties (see the module docstring)."""
    reader = _open(data, origin)
    text = _text(reader, origin)
    if not text.strip():
        n = len(reader.pages)
        raise EmptyDocumentError(
            f"{origin}: the PDF has no text layer ({n} page{'s' if n != 1 else ''} of images, probably a scan). "
            "Run OCR on it (e.g. ocrmypdf) and add the OCR'd PDF."
        )
    try:
        metadata = _properties(reader)
    except Exception:  # damaged properties are no properties; the text was read
        metadata = DocumentMetadata()
    return ParsedDocument(require_text(text, origin), metadata=metadata)
