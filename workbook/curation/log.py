"""The analyst's append-only logs in a workspace: which files there are, and who writes them.

Layout, beside the rebuilt snapshots (a build never touches it)::

    WORKSPACE/
      analyst/annotations.jsonl   tags, stars, notes, claim statuses (workbook.curation.annotations)
      analyst/curation.jsonl      entity merges, splits, renames, aliases, rejected suggestions
      analyst/links.jsonl         dataset records confirmed or rejected as entities (workbook.tables.linking)
      analyst/views.jsonl         saved views (workbook.curation.saved_views)

Every log is an :class:`~workbook.durable.AppendLog`: one JSON object per line, never rewritten, with
``v``, ``id``, ``op``, ``author``, ``created`` and ``ns``; safe for concurrent writers (the guarantees
are in :mod:`workbook.durable`, where the log is coded, and re-exported here).
"""

from __future__ import annotations

from pathlib import Path

from workbook.book import Book
from workbook.durable import (
    ANALYST_DIR,
    LOG_VERSION,
    AppendLog,
    LogContents,
    LogProblem,
    active_records,
    analyst_dir,
    default_author,
    new_record_id,
    utc_now,
)
from workbook.errors import AnnotationError

__all__ = [
    "ANALYST_DIR",
    "ANNOTATIONS_LOG",
    "CURATION_LOG",
    "LOG_VERSION",
    "AppendLog",
    "LogContents",
    "LogProblem",
    "active_records",
    "analyst_dir",
    "annotation_log",
    "curation_log",
    "default_author",
    "new_record_id",
    "utc_now",
    "workspace_of",
]

ANNOTATIONS_LOG = "annotations.jsonl"
CURATION_LOG = "curation.jsonl"


def workspace_of(book: Book | str | Path) -> Path:
    """The workspace folder of ``book`` (a Book opened from a workspace, or a workspace path)."""
    if isinstance(book, Book):
        if book.workspace is None:
            raise AnnotationError(
                "This Book has no workspace to keep annotations in; open one with wb.open(CORPUS_OR_WORKSPACE)."
            )
        return Path(book.workspace)
    return Path(book)


def annotation_log(book: Book | str | Path) -> AppendLog:
    """The annotation log of a Book's workspace (or of a workspace path)."""
    return AppendLog(analyst_dir(workspace_of(book)) / ANNOTATIONS_LOG)


def curation_log(book: Book | str | Path) -> AppendLog:
    """The curation log of a Book's workspace (or of a workspace path)."""
    return AppendLog(analyst_dir(workspace_of(book)) / CURATION_LOG)
