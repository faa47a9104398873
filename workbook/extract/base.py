"""What an extractor takes and gives back.

An extractor is any object with a ``name``, a ``settings()`` dict (recorded in the build manifest so
that a change of settings triggers re-extraction) and ``extract(doc) -> Extraction``. It is pure: it
reads nothing from disk and keeps no state between documents. Records carry character offsets into
``doc.text``; the build turns them into the tables of :mod:`workbook.model` and fills in ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, runtime_checkable

__all__ = [
    "ClaimRecord",
    "DocumentInput",
    "EntityRecord",
    "EventRecord",
    "Extraction",
    "Extractor",
    "MentionRecord",
    "PlaceRecord",
]


@dataclass(frozen=True)
class DocumentInput:
    """The part of a document an extractor sees."""

    doc_id: str
    text: str
    title: str = ""
    published: date | None = None
    language: str | None = None


@dataclass(frozen=True)
class EntityRecord:
    """An entity found in one document. ``key`` is the extractor's local handle for it, used by
    mentions and claims of the same Extraction; the build computes the corpus-wide entity id from
    ``type`` and ``name``."""

    key: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    origin: str = "rules"


@dataclass(frozen=True)
class MentionRecord:
    start: int
    end: int
    entity_key: str
    sentence: int
    resolution: str = "exact"  # exact | alias | ambiguous
    candidates: tuple[str, ...] = ()  # entity keys, when ambiguous


@dataclass(frozen=True)
class ClaimRecord:
    start: int
    end: int
    sentence: int
    quote_kind: str  # direct | indirect | unattributed
    speaker_key: str | None = None
    speaker_text: str | None = None  # shown: the entity's name when resolved, else the words as written
    cue: str | None = None
    hedge: str | None = None
    confidence: str = "unhedged"
    entity_keys: tuple[str, ...] = ()
    speaker_as_written: str | None = None  # the speaker's words as written ("he", "Mr Lewis", "officials")


@dataclass(frozen=True)
class EventRecord:
    start: int
    end: int
    sentence: int
    context: str
    date_start: date | None
    date_end: date | None
    precision: str  # day | month | year | decade
    resolution: str  # absolute | relative | unanchored
    anchor: date | None = None
    kind: str | None = None
    entity_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceRecord:
    entity_key: str
    lat: float
    lon: float
    uncertainty_km: float
    coord_source: str  # gazetteer | dataset | analyst
    source_name: str
    admin_area: str | None = None


@dataclass
class Extraction:
    """Everything an extractor found in one document."""

    entities: list[EntityRecord] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    places: list[PlaceRecord] = field(default_factory=list)


@runtime_checkable
class Extractor(Protocol):
    @property
    def name(self) -> str: ...

    def settings(self) -> dict[str, Any]: ...

    def extract(self, doc: DocumentInput) -> Extraction: ...
