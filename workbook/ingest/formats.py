"""Which files ingest reads, how sidecars are named, and how errors become failure rows.

Formats are chosen by file extension (case-insensitive):

============================  ========
extension                     format
============================  ========
``.txt``                      txt
``.md``, ``.markdown``        md
``.html``, ``.htm``           html
``.pdf``                      pdf
``.docx``                     docx
``.json``                     json
``.jsonl``, ``.ndjson``       jsonl
============================  ========

A *sidecar* holds metadata for the document beside it and is named after the document's full file
name plus ``.meta.json`` (or ``.meta.yaml`` / ``.meta.yml``): ``report.pdf`` → ``report.pdf.meta.json``.
Sidecars are never read as documents themselves.
"""

from __future__ import annotations

from pathlib import Path

from workbook.errors import (
    DecodingError,
    DocumentParseError,
    DocumentTooLargeError,
    EmptyDocumentError,
    FieldMappingError,
    IngestError,
    MetadataError,
    UnsupportedFormatError,
)
from workbook.ingest.base import IngestFailure

__all__ = [
    "FORMATS_BY_EXTENSION",
    "SIDECAR_SUFFIXES",
    "document_of_sidecar",
    "failure_from_error",
    "format_of",
    "is_sidecar",
    "stage_of",
    "supported_extensions_text",
]

FORMATS_BY_EXTENSION: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

#: Suffixes that make a file a metadata sidecar of the document named by the rest of its name.
SIDECAR_SUFFIXES: tuple[str, ...] = (".meta.json", ".meta.yaml", ".meta.yml")


def supported_extensions_text() -> str:
    """The supported extensions as a readable list, for error messages."""
    return ", ".join(FORMATS_BY_EXTENSION)


def format_of(path: Path, source: str | None = None) -> str:
    """The format name of ``path`` from its extension; raises :class:`UnsupportedFormatError`.

    ``source`` names the file in the message (defaults to its name).
    """
    ext = path.suffix.lower()
    try:
        return FORMATS_BY_EXTENSION[ext]
    except KeyError:
        what = f"extension {ext!r}" if ext else "no extension"
        raise UnsupportedFormatError(
            f"{source or path.name}: not read: files with {what} are not supported. "
            f"Supported: {supported_extensions_text()}. "
            "Convert it to one of these (e.g. save as .docx or .pdf, or rename plain text to .txt)."
        ) from None


def is_sidecar(path: Path) -> bool:
    """Whether ``path`` is named like a metadata sidecar (``<document file name>.meta.json``)."""
    name = path.name.lower()
    return any(name.endswith(s) and len(name) > len(s) for s in SIDECAR_SUFFIXES)


def document_of_sidecar(path: Path) -> Path:
    """The document a sidecar describes: ``a/b.txt.meta.json`` → ``a/b.txt``."""
    name = path.name
    for s in SIDECAR_SUFFIXES:
        if name.lower().endswith(s):
            return path.with_name(name[: -len(s)])
    raise ValueError(f"{path} is not a sidecar")


_STAGES: tuple[tuple[type[BaseException], str], ...] = (
    (DecodingError, "decode"),
    (MetadataError, "metadata"),
    (FieldMappingError, "metadata"),
    (DocumentTooLargeError, "read"),
    (UnsupportedFormatError, "discover"),
    (EmptyDocumentError, "parse"),
    (DocumentParseError, "parse"),
    (OSError, "read"),
)


def stage_of(exc: BaseException) -> str:
    """The build stage (:data:`workbook.model.BUILD_STAGES`) an error belongs to."""
    for cls, stage in _STAGES:
        if isinstance(exc, cls):
            return stage
    return "parse"


def failure_from_error(source: str, exc: BaseException, stage: str | None = None) -> IngestFailure:
    """An :class:`IngestFailure` row for ``exc`` raised while ingesting ``source``.

    Named ingest errors keep their message; an operating-system error says the file could not be
    read; anything else is reported as an unexpected error with its class name.
    """
    if isinstance(exc, IngestError):
        message = str(exc)
    elif isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        message = f"{source}: could not read the file ({reason}). Check that it exists and that you may read it."
    else:
        message = (
            f"{source}: unexpected {type(exc).__name__} while reading: {exc}. The file may be damaged; "
            "if it opens fine elsewhere, report this with the file."
        )
    return IngestFailure(source=source, stage=stage or stage_of(exc), error=type(exc).__name__, message=message)
