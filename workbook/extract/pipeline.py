"""The default extractor: rules and gazetteers, no model, nothing downloaded.

It composes the pure steps of :mod:`workbook.extract`: sentences → entities and mentions (with
gazetteer coordinates and in-document coreference) → acronyms tied to their expansions → claims →
dated events. Nothing inside the text's dateline (:mod:`workbook.extract.dateline`) is a mention: its
place and agency are the document's ``dateline_place`` and ``dateline_source``; its date stays a
``publication`` event. Gazetteer files are
read once, when the extractor is made (:meth:`DefaultExtractor.from_options`), never per document.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.errors import GazetteerError
from workbook.extract.acronyms import link_acronyms
from workbook.extract.base import DocumentInput, EntityRecord, Extraction, MentionRecord, PlaceRecord
from workbook.extract.claims import extract_claims
from workbook.extract.dateline import parse_dateline
from workbook.extract.entities import extract_entities_batch
from workbook.extract.events import extract_events
from workbook.extract.gazetteer import (
    Gazetteer,
    builtin_gazetteer,
    load_gazetteer,
    load_nagix_facilities,
    merge_gazetteers,
)
from workbook.extract.ner_model import EntityModel, default_entity_model
from workbook.extract.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from workbook.extract.watchlist import Watchlist

__all__ = ["RULES_VERSION", "DefaultExtractor", "load_gazetteer_file"]

#: Bump when a rule changes what the extractor finds: workspaces then extract every document again.
RULES_VERSION = "20"


def load_gazetteer_file(path: str | Path) -> Gazetteer:
    """Read a user's gazetteer: the nagix facility list (``{"facilities": {...}}``) or a generic
    CSV/TSV/JSON table with name, lat, lon (see :func:`workbook.extract.gazetteer.load_gazetteer`)."""
    p = Path(path)
    if not p.is_file():
        raise GazetteerError(f"Gazetteer file {p} does not exist.")
    if p.suffix.lower() == ".json":
        try:
            head = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GazetteerError(f"Gazetteer {p} is not readable JSON: {exc}.") from exc
        if isinstance(head, dict) and "facilities" in head:
            return load_nagix_facilities(p)
    return load_gazetteer(p)


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class DefaultExtractor:
    """Rules + gazetteers (+ an analyst watchlist). ``gazetteer`` defaults to the built-in one
    (countries, cities, Korean places); ``sources`` describes extra gazetteers for the build manifest;
    ``watchlist`` names are guaranteed entities (:mod:`workbook.curation.watchlist`), described by
    ``watchlist_sources``."""

    gazetteer: Gazetteer = field(default_factory=builtin_gazetteer)
    sources: tuple[dict[str, str], ...] = ()
    name: str = "workbook-rules"
    watchlist: Watchlist | None = None
    watchlist_sources: tuple[dict[str, str], ...] = ()
    entity_model: EntityModel | None = field(default_factory=default_entity_model)

    @classmethod
    def from_options(
        cls, gazetteers: Sequence[str | Path] = (), watchlists: Sequence[str | Path] = ()
    ) -> DefaultExtractor:
        """The default extractor with the built-in gazetteer plus the user's gazetteer files, and the
        analyst's watchlist files (CSV/JSON/YAML or FollowTheMoney; earlier files win a shared name)."""
        extra = [load_gazetteer_file(p) for p in gazetteers]
        gaz = merge_gazetteers(builtin_gazetteer(), *extra) if extra else builtin_gazetteer()
        sources = tuple({"path": Path(p).name, "sha256": _file_digest(Path(p))} for p in gazetteers)
        watchlist = None
        if watchlists:
            from workbook.extract.watchlist import Watchlist, load_watchlist

            loaded = [load_watchlist(p) for p in watchlists]
            entries = tuple(e for w in loaded for e in w.entries)
            watchlist = Watchlist(entries, name="+".join(w.name for w in loaded))
        watch_sources = tuple(
            {"path": Path(p).name, "sha256": hashlib.sha256(Path(p).read_bytes()).hexdigest()} for p in watchlists
        )
        return cls(gazetteer=gaz, sources=sources, watchlist=watchlist, watchlist_sources=watch_sources)

    def settings(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rules_version": RULES_VERSION,
            "gazetteers": list(self.sources),
            "gazetteer_entries": len(self.gazetteer),
            "entity_model": self.entity_model.version if self.entity_model is not None else None,
        }
        if self.watchlist is not None:  # absent otherwise, so workspaces without one keep their fingerprint
            out["watchlists"] = list(self.watchlist_sources)
            out["watchlist_entries"] = len(self.watchlist)
        return out

    def extract(self, doc: DocumentInput) -> Extraction:
        return self.extract_many([doc])[0]

    def __reduce_ex__(self, protocol: Any) -> str | tuple[Any, ...]:
        """What a worker process receives (``workbook build --workers N``, Dask): the built-in
        gazetteer and the shipped entity model are named, and the worker reads them from package data
        itself (:func:`_from_package_data`), instead of being sent 14.5 MB that it unpickles in as much
        CPU as the reading costs; a user's gazetteer, model or watchlist travels as it is. Same
        extractor, same output. A subclass is sent whole (its own fields are unknown here)."""
        if type(self) is not DefaultExtractor:
            return super().__reduce_ex__(protocol)
        builtin = _cached_builtin_gazetteer()
        gazetteer = None if self.gazetteer is builtin else self.gazetteer
        shipped = _cached_default_model()
        model = None if self.entity_model is shipped else self.entity_model
        settings = (self.sources, self.name, self.watchlist, self.watchlist_sources)
        return _from_package_data, (gazetteer, self.entity_model is None, model, settings)

    def extract_many(self, docs: Sequence[DocumentInput]) -> list[Extraction]:
        """:meth:`extract` of each document, the learned entity stage run once over them all
        (:func:`~workbook.extract.entities.extract_entities_batch`): the same result per document as
        one at a time, less CPU. A build hands over 16-32 documents at a time
        (:func:`workbook.engines.extract_batch`); an error fails the whole call, so the caller
        extracts those documents one by one to find the bad one."""
        sentences = [split_sentences(d.text) for d in docs]
        found = extract_entities_batch(
            [(d.text, s) for d, s in zip(docs, sentences, strict=True)], self.gazetteer, self.entity_model
        )
        return [self._after_entities(d, s, *f) for d, s, f in zip(docs, sentences, found, strict=True)]

    def _after_entities(
        self,
        doc: DocumentInput,
        sentences: list[Sentence],
        entities: list[EntityRecord],
        mentions: list[MentionRecord],
        places: list[PlaceRecord],
    ) -> Extraction:
        text = doc.text
        if self.watchlist is not None:
            entities, mentions, places = self.watchlist.apply(text, sentences, entities, mentions, places)
        dateline = parse_dateline(text)  # its place and agency are document columns, not mentions
        if dateline is not None:
            mentions = [m for m in mentions if m.end <= dateline.start or m.start >= dateline.end]
            used = {m.entity_key for m in mentions}
            entities = [e for e in entities if e.key in used]
            places = [p for p in places if p.entity_key in used]
        entities, mentions, places = link_acronyms(text, sentences, entities, mentions, places)
        claims = extract_claims(text, sentences, entities, mentions)
        spans = [(m.start, m.end, m.entity_key) for m in mentions]
        events = extract_events(text, sentences, doc.published, spans)
        return Extraction(entities=entities, mentions=mentions, claims=claims, events=events, places=places)


def _cached_builtin_gazetteer() -> Gazetteer | None:
    """The built-in gazetteer if this process has read it (never read here only to compare)."""
    return builtin_gazetteer() if builtin_gazetteer.cache_info().currsize else None


def _cached_default_model() -> EntityModel | None:
    return default_entity_model() if default_entity_model.cache_info().currsize else None


def _from_package_data(
    gazetteer: Gazetteer | None,
    no_model: bool,
    model: EntityModel | None,
    settings: tuple[tuple[dict[str, str], ...], str, Watchlist | None, tuple[dict[str, str], ...]],
) -> DefaultExtractor:
    """A :class:`DefaultExtractor` as :meth:`DefaultExtractor.__reduce_ex__` described it: ``None`` for
    the built-in gazetteer / the shipped model, read from package data in this process."""
    sources, name, watchlist, watchlist_sources = settings
    return DefaultExtractor(
        gazetteer=builtin_gazetteer() if gazetteer is None else gazetteer,
        sources=sources,
        name=name,
        watchlist=watchlist,
        watchlist_sources=watchlist_sources,
        entity_model=None if no_model else (default_entity_model() if model is None else model),
    )
