"""What ingest gives the build: documents as text plus metadata, or failures as rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = ["IngestFailure", "RawDocument"]


@dataclass(frozen=True)
class RawDocument:
    """One document read from disk: its plain text and what is known about it.

    ``source`` is the path relative to the corpus root given to the build (for a record of a
    JSON/JSONL collection: ``path#index``). ``published`` is None when the date is unknown: it is
    never filled with today's date.

    ``warnings`` lists problems that did not stop the document from loading (a sidecar date that
    is not a date, a publication date in the future, ...), each a message saying what to fix. The
    build turns each into a ``build_issues`` row with the document's id.
    """

    text: str
    source: str
    format: str
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    language: str | None = None
    section: str | None = None
    url: str | None = None
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class IngestFailure:
    """A document (or record) that could not be ingested; becomes a ``build_issues`` row."""

    source: str
    stage: str  # one of model.BUILD_STAGES
    error: str  # the exception class name
    message: str  # what went wrong and what to do
