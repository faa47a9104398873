"""What the explorer's document reader shows: a document with its selected span, or why it is empty."""

from __future__ import annotations

import html

from workbook.book import Book
from workbook.charts import document_reader_html
from workbook.errors import WorkbookError

__all__ = ["READER_EMPTY", "READER_LEFT", "reader_html"]

#: The reader before anything is selected.
READER_EMPTY = (
    '<div class="wb-reader-empty" style="color:#666">Select a table row or a timeline event to read '
    "its document here.</div>"
)
#: The reader once the filter no longer holds the document being read.
READER_LEFT = (
    '<div class="wb-reader-empty" style="color:#666">The document you were reading is not in the current '
    "filter any more. Select a table row or a timeline event to read another.</div>"
)


def reader_html(book: Book, reading: tuple[str, str] | None) -> str:
    """The reader's HTML for ``reading`` (document id, selected span id or ""): the document with the
    span marked, :data:`READER_EMPTY` when nothing is read, or the error when the document cannot be shown."""
    if reading is None:
        return READER_EMPTY
    doc_id, selected = reading
    try:
        return document_reader_html(book, doc_id, selected=selected or None)
    except WorkbookError as exc:
        return f'<div class="wb-reader-empty">{html.escape(str(exc))}</div>'
