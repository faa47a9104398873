"""Word documents (.docx): paragraphs and table cells in reading order, with python-docx.

Before parsing, the zip's members are checked: a file that is not a zip raises
:class:`~workbook.errors.DocumentParseError` (an old binary ``.doc`` renamed, or a damaged
download; a password-protected Word file, which is not a zip either, raises
:class:`~workbook.errors.EncryptedDocumentError`), and a zip whose members would unpack to more
than ``max_unpacked_bytes`` (a "zip bomb") raises :class:`~workbook.errors.DocumentTooLargeError`
without unpacking anything. A member may *declare* a small size and still inflate to gigabytes
(``zipfile`` inflates a member's whole compressed data before it cuts it to the declared size), so
each member is then inflated once, a megabyte at a time and thrown away, and one that unpacks to
more than it declares is refused the same way.

Paragraphs are separated by blank lines (as in the HTML and text readers); a table's cells are
separated by tabs and its rows by line breaks. Headers, footers and comments are left out.

Core properties: ``title`` is the title. ``author``, ``subject``, ``keywords`` go to ``meta``.
``created`` is when the *file* was made, not when the text was published, so it is kept in
``meta["docx_created"]`` and never used as ``published``; give the publication date in a sidecar.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import TYPE_CHECKING, Any

from workbook.errors import DocumentParseError, DocumentTooLargeError, EncryptedDocumentError
from workbook.ingest.metadata import DocumentMetadata, ParsedDocument, clean_title
from workbook.ingest.plain_text import require_text
from workbook.ingest.text_decoding import normalise_newlines

if TYPE_CHECKING:  # python-docx is imported when a .docx is read: ``import workbook`` does not pay for it
    from docx.table import Table

__all__ = ["DEFAULT_MAX_UNPACKED_BYTES", "check_zip", "read_docx"]

#: A .docx whose members unpack to more than this is refused.
DEFAULT_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_MAX_MEMBERS = 10_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_IN_CHUNK = 1 << 16
_OUT_CHUNK = 1 << 20


def _inflated_size(data: bytes, info: zipfile.ZipInfo, limit: int, origin: str) -> int:
    """How many bytes member ``info`` of the zip ``data`` really unpacks to, inflating at most a megabyte at a
    time and stopping as soon as it is more than ``limit``."""
    damaged = DocumentParseError(
        f"{origin}: the .docx is damaged (part {info.filename} cannot be unpacked). "
        "Open it in Word or LibreOffice and save it again as .docx."
    )
    start = info.header_offset
    if data[start : start + 4] != b"PK\x03\x04":
        raise damaged
    name_len, extra_len = struct.unpack_from("<HH", data, start + 26)
    begin = start + 30 + name_len + extra_len
    raw = memoryview(data)[begin : begin + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return len(raw)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise DocumentParseError(
            f"{origin}: part {info.filename} uses zip compression method {info.compress_type}, which Word never "
            "writes; this is not a normal .docx. Open it in Word or LibreOffice and save it again as .docx."
        )
    inflater = zlib.decompressobj(-15)
    total = 0
    try:
        for i in range(0, len(raw), _IN_CHUNK):
            piece: bytes = bytes(raw[i : i + _IN_CHUNK])
            while piece:
                total += len(inflater.decompress(piece, _OUT_CHUNK))
                if total > limit:
                    return total
                piece = inflater.unconsumed_tail
            if inflater.eof:
                break
        total += len(inflater.flush())
    except zlib.error as exc:
        raise damaged from exc
    return total


def check_zip(data: bytes, origin: str, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES) -> None:
    """Check that ``data`` is a zip that unpacks to at most ``max_unpacked_bytes``; raise otherwise."""
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_PACKAGE in data:
        raise EncryptedDocumentError(
            f"{origin}: the Word document is password-protected. Open it in Word with the password, save an "
            "unprotected copy (File > Info > Protect Document > Encrypt with Password, cleared) and add that copy."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except NotImplementedError as exc:  # zipfile refuses a part that needs a newer zip version ("zip file version 8.4")
        raise DocumentParseError(
            f"{origin}: the .docx needs a zip feature Word never writes ({exc}); it is damaged or not a normal "
            ".docx. Open it in Word or LibreOffice and save it again as .docx."
        ) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise DocumentParseError(
            f"{origin}: not a valid .docx (it is not a zip archive: {exc}). If it is an old Word .doc or a "
            "damaged download, open it in Word or LibreOffice and save it as .docx."
        ) from exc
    if len(infos) > _MAX_MEMBERS:
        raise DocumentTooLargeError(f"{origin}: the .docx holds {len(infos)} parts; that is not a normal document.")
    unpacked = sum(i.file_size for i in infos)
    if unpacked > max_unpacked_bytes:
        raise DocumentTooLargeError(
            f"{origin}: the .docx would unpack to {unpacked / 2**20:.1f} MB (limit {max_unpacked_bytes / 2**20:g} MB); "
            "it may be a zip bomb. If it is genuine, save its text as .txt or raise the limit."
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedDocumentError(
                f"{origin}: part {info.filename} of the .docx is encrypted. Save an unprotected copy and add that."
            )
        actual = _inflated_size(data, info, info.file_size, origin)
        if actual > info.file_size:
            raise DocumentTooLargeError(
                f"{origin}: part {info.filename} of the .docx declares {info.file_size:,} bytes but unpacks to more "
                "(a zip bomb, or a damaged file); it was not unpacked. Open it in Word or LibreOffice and save it "
                "again as .docx, or save its text as .txt."
            )


def _table_lines(table: Table) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in every column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(_blocks(cell)))
        line = "\t".join(c for c in cells if c)
        if line:
            lines.append(line)
    return lines


def _blocks(container: Any) -> list[str]:
    """Non-empty paragraphs and tables (rows joined by line breaks) in reading order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            text = normalise_newlines(block.text).strip()
        elif isinstance(block, Table):
            text = "\n".join(_table_lines(block))
        else:
            continue
        if text:
            blocks.append(text)
    return blocks


def _properties(document: Any) -> DocumentMetadata:
    props = document.core_properties
    meta: dict[str, Any] = {}
    for name in ("author", "subject", "keywords"):
        value = clean_title(getattr(props, name, None) or "")
        if value:
            meta[name] = value
    created = props.created
    if created is not None:
        meta["docx_created"] = created.isoformat()
    return DocumentMetadata(title=clean_title(props.title or ""), meta=meta)


def read_docx(data: bytes, origin: str, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES) -> ParsedDocument:
    """Read a .docx file's bytes: paragraphs and tables as text, core properties as metadata."""
    check_zip(data, origin, max_unpacked_bytes)
    import docx  # here, not at the top: ``import workbook`` does not pay for python-docx and lxml

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document)
        metadata = _properties(document)
    except Exception as exc:  # python-docx and lxml on a damaged package can raise almost anything
        raise DocumentParseError(
            f"{origin}: the .docx is damaged or not a Word document ({type(exc).__name__}: {exc}). "
            "Open it in Word or LibreOffice and save it again as .docx."
        ) from exc
    return ParsedDocument(require_text("\n\n".join(blocks), origin), metadata=metadata)
