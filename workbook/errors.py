"""Named exceptions of the workbook.

Every error a user can meet is one of these classes, raised at the boundary with a message that says
what went wrong and what to do about it. Catch :class:`WorkbookError` to catch them all.
"""

from __future__ import annotations

__all__ = [
    "AnalystLogError",
    "AnalystLogWarning",
    "AnnotationError",
    "AssetError",
    "CellTypeError",
    "ChartError",
    "ChromiumNotFoundError",
    "CurationError",
    "DatasetNotFoundError",
    "DecodingError",
    "DocumentParseError",
    "DocumentTooLargeError",
    "DuckDBExecError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "EngineError",
    "EntityModelError",
    "ExploreError",
    "ExportDependencyError",
    "ExportError",
    "ExportExistsError",
    "ExportWriteError",
    "ExtractionError",
    "FieldMappingError",
    "FigureViewError",
    "FilterIndexError",
    "FilterSpecError",
    "FtmError",
    "GazetteerError",
    "ImageExportError",
    "IngestError",
    "LabError",
    "LinkStoreError",
    "MetadataError",
    "OrphanedAnnotationWarning",
    "OutsideCorpusError",
    "ReportManifestError",
    "ReportMismatchError",
    "ReportSourceChangedError",
    "SavedViewError",
    "SchemaError",
    "SearchSyntaxError",
    "TableError",
    "TableLoadError",
    "TooManyEventsError",
    "UnsupportedFormatError",
    "WatchlistError",
    "WorkbookError",
    "WorkspaceError",
    "WorkspaceIntegrityError",
    "WorkspaceLockedError",
    "WorkspaceNotFoundError",
    "WorkspaceWriteError",
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


class OutsideCorpusError(IngestError):
    """A symbolic link in the corpus points outside the corpus folder; it is not followed unless asked
    (``follow_links=True``, ``--follow-links``)."""


class MetadataError(IngestError):
    """A sidecar file or front matter has a value of the wrong kind (for example a date that is not one)."""


class FieldMappingError(IngestError):
    """A JSON/JSONL collection does not fit the declared field mapping."""


class ExtractionError(WorkbookError):
    """An extractor failed on a document."""


class EntityModelError(ExtractionError):
    """The learned entity model is missing or unreadable (reinstall, or retrain it)."""


class GazetteerError(WorkbookError):
    """A user-supplied gazetteer table could not be read or lacks required columns."""


class SchemaError(WorkbookError):
    """A table does not match its declaration in :mod:`workbook.model`."""


class WorkspaceError(WorkbookError):
    """A workspace folder cannot be read or written."""


class WorkspaceWriteError(WorkspaceError):
    """The workspace folder cannot be written (a read-only file system, no permission, a full disk)."""


class WorkspaceIntegrityError(WorkspaceError):
    """The stored text of some documents no longer matches its sha256 (changed or damaged on disk); the
    message names them. Rebuild the workspace with ``workbook build --force``."""


class WorkspaceNotFoundError(WorkspaceError):
    """The path is neither a workspace nor a corpus that can be built into one."""


class WorkspaceLockedError(WorkspaceError):
    """Another build holds the workspace's lock."""


class FilterSpecError(WorkbookError):
    """A FilterSpec (or its JSON) is malformed or names values that do not exist."""


class SearchSyntaxError(FilterSpecError):
    """A search query (``FilterSpec.text``, the entity search) does not follow the search syntax; ``position``
    is the 0-based character offset where the problem is."""

    def __init__(self, message: str, query: str, position: int) -> None:
        self.query = query
        self.position = position
        excerpt = query[max(0, position - 20) : position + 20]
        caret = " " * (min(position, 20)) + "^"
        super().__init__(
            f"Search syntax error at position {position} of {query!r}: {message}\n  {excerpt}\n  {caret}\n"
            'Write "exact phrase", AND / OR / NOT, (parentheses), prefix*, word~1; put a bracket '
            "or an operator word between double quotes to search for it literally."
        )


class ChartError(WorkbookError):
    """A chart was asked for with an option it does not know, or for a row that is not in the Book."""


class ExportError(WorkbookError):
    """A chart, table or report could not be exported (see :mod:`workbook.export`)."""


class TooManyEventsError(ExportError):
    """A TimelineJS export would hold more slides than the viewer can page through; narrow the filter or
    raise the cap (``max_events``)."""


class ExportExistsError(ExportError):
    """The export's destination already exists and the caller asked for an error instead of a new name."""


class ExportWriteError(ExportError):
    """The export's destination folder cannot be written (a read-only file system, no permission)."""


class ExportDependencyError(ExportError):
    """A format needs an optional package or program that is not installed (kaleido, openpyxl, chromium)."""


class ChromiumNotFoundError(ExportDependencyError):
    """PNG, SVG and PDF exports need a Chromium browser for kaleido, and none was found."""


class ImageExportError(ExportError):
    """kaleido (the headless browser) failed to render a figure to PNG, SVG or PDF."""


class ReportManifestError(ExportError):
    """A report bundle's manifest.json is missing, malformed or from an unknown version."""


class ReportSourceChangedError(ExportError):
    """The documents a report was made from are missing from the workspace, or their text changed (sha256)."""


class ReportMismatchError(ExportError):
    """Re-applying a report's filter to its workspace does not reproduce the exported tables."""


class TableLoadError(WorkbookError):
    """A structured table (CSV, XLSX, JSON, Parquet) could not be loaded as asked.

    ``problems`` lists the cells that did not fit their declared type as ``(row, column, value, reason)``,
    ``row`` being the number an analyst finds in the source (CSV line, spreadsheet row, JSON record).
    """

    def __init__(self, message: str, problems: list[tuple[int, str, str, str]] | None = None) -> None:
        super().__init__(message)
        self.problems: list[tuple[int, str, str, str]] = list(problems or [])


class CellTypeError(WorkbookError, ValueError):
    """One cell does not fit its column's declared type. Raised and caught inside table loading: the cell
    is reported (row, reason) in the load's issues, never raised to the caller."""


class DatasetNotFoundError(TableLoadError):
    """A declared dataset (see :mod:`workbook.tables.adapters`) is not where it should be."""


class LinkStoreError(WorkbookError):
    """The analyst's link decisions (``analyst/links.jsonl`` in a workspace) cannot be read or written."""


class AnalystLogError(WorkspaceError):
    """The analyst's logs (``analyst/*.jsonl`` in a workspace) cannot be read or written."""


class SavedViewError(WorkbookError):
    """A saved view is asked for by a name the workspace does not hold, or given an empty name."""


class AnnotationError(WorkbookError):
    """An annotation names a target that is not in the Book, or a kind, status or link that is not allowed."""


class CurationError(WorkbookError):
    """An entity curation decision (merge, split, rename, alias) names entities that are not in the Book,
    or names one ambiguously."""


class WatchlistError(WorkbookError):
    """An analyst watchlist file cannot be read, or one of its rows is invalid (the message names the row)."""


class FtmError(WorkbookError):
    """FollowTheMoney entities could not be exported, validated or imported.

    ``problems`` lists what failed validation, one message per entity and property.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems: list[str] = list(problems or [])


class FilterIndexError(WorkbookError):
    """A FilterIndex cannot be built from a Book, or was built from a different Book."""


class DuckDBExecError(WorkbookError):
    """A workspace cannot be queried with DuckDB (missing or unreadable snapshot, wrong schema version)."""


class EngineError(WorkbookError):
    """A build engine could not run: a worker died, a cluster could not be reached, or an engine
    name or setting is unknown."""


class ExploreError(WorkbookError):
    """An explorer event that cannot be turned into a filter (an unknown view or control, a malformed click)."""


class TableError(WorkbookError):
    """A table was asked for with an unknown kind, column or page."""


class AssetError(WorkbookError):
    """A browser asset (plotly.js, the map data) cannot be found in the installed packages."""


class FigureViewError(WorkbookError):
    """:func:`~workbook.widgets.plot_host.figure_view` was given no figure, something that is not a figure,
    or one name twice."""


class LabError(WorkbookError):
    """JupyterLab cannot be started: it is not installed, or the notebook folder does not exist."""


class OrphanedAnnotationWarning(UserWarning):
    """Some annotations or curation decisions no longer find their target after a rebuild; they are kept,
    and ``workbook.curation.orphaned_annotations(book)`` lists them with the reason."""


class AnalystLogWarning(UserWarning):
    """Some lines of an analyst log could not be read (a write was interrupted, or a hand edit went wrong);
    they are ignored and the rest of the log is used."""
