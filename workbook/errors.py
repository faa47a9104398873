"""Named exceptions of the workbook.

Every error a user can meet is one of these classes, raised at the boundary with a message that says
what went wrong and what to do about it. Catch :class:`WorkbookError` to catch them all.
"""

from __future__ import annotations

__all__ = [
    "ChartError",
    "DecodingError",
    "DocumentParseError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "ExtractionError",
    "FieldMappingError",
    "FilterSpecError",
    "GazetteerError",
    "IngestError",
    "MetadataError",
    "SchemaError",
    "UnsupportedFormatError",
    "WorkbookError",
    "WorkspaceError",
    "WorkspaceLockedError",
    "WorkspaceNotFoundError",
]


class WorkbookError(Exception):
    """Base class of every error the workbook raises on purpose."""


class IngestError(WorkbookError):
    """A document could not be read into text and metadata."""


class UnsupportedFormatError(IngestError):
    """The file's extension is not one the workbook can read."""


class EmptyDocumentError(IngestError):
    """The document holds no text (an empty file, or a PDF without a text layer)."""


class DecodingError(IngestError):
    """The bytes could not be decoded as text in any plausible encoding."""


class DocumentParseError(IngestError):
    """The file is damaged or not what its extension says (a .docx that is not a zip, a corrupt PDF)."""


class EncryptedDocumentError(DocumentParseError):
    """The document is password-protected (an encrypted PDF) and cannot be read without the password."""


class DocumentTooLargeError(IngestError):
    """The file (or, for a .docx, its uncompressed content) is larger than the configured limit."""


class MetadataError(IngestError):
    """A sidecar file or front matter has a value of the wrong kind (for example a date that is not one)."""


class FieldMappingError(IngestError):
    """A JSON/JSONL collection does not fit the declared field mapping."""


class ExtractionError(WorkbookError):
    """An extractor failed on a document."""


class GazetteerError(WorkbookError):
    """A user-supplied gazetteer table could not be read or lacks required columns."""


class SchemaError(WorkbookError):
    """A table does not match its declaration in :mod:`workbook.model`."""


class WorkspaceError(WorkbookError):
    """A workspace folder cannot be read or written."""


class WorkspaceNotFoundError(WorkspaceError):
    """The path is neither a workspace nor a corpus that can be built into one."""


class WorkspaceLockedError(WorkspaceError):
    """Another build holds the workspace's lock."""


class FilterSpecError(WorkbookError):
    """A FilterSpec (or its JSON) is malformed or names values that do not exist."""


class ChartError(WorkbookError):
    """A chart was asked for with an option it does not know, or for a row that is not in the Book."""
