"""Use a spaCy pipeline as the workbook's entity extractor.

:class:`SpacyExtractor` wraps any spaCy ``Language`` object (a trained model, or ``spacy.blank`` plus
an ``entity_ruler`` of the analyst's own patterns) and implements the
:class:`~workbook.extract.base.Extractor` protocol: it maps ``doc.ents`` to entities and mentions
(offsets are spaCy's character offsets), ties surnames to full names with
:mod:`workbook.extract.coref`, looks places up in an optional gazetteer for coordinates, and finds
claims on top with :func:`workbook.extract.claims.extract_claims`.

spaCy is an optional dependency (``pip install workbook[spacy]``): this module imports it only when
asked to load a model by name.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from workbook.errors import ExtractionError
from workbook.extract.base import DocumentInput, EntityRecord, Extraction, MentionRecord, PlaceRecord
from workbook.extract.claims import extract_claims
from workbook.extract.coref import PersonSpan, resolve_people
from workbook.extract.gazetteer import Gazetteer
from workbook.extract.sentences import sentence_index, split_sentences
from workbook.ids import normalise_name
from workbook.model import ENTITY_TYPES

__all__ = ["DEFAULT_LABELS", "SpacyExtractor", "require_spacy"]

#: spaCy entity labels → workbook entity types. Labels not listed (DATE, CARDINAL, NORP, ...) are
#: ignored. PRODUCT is "other": general models tag phones and aircraft as products, not only weapons;
#: map it (or a custom WEAPON label) to ``weapon_system`` with ``label_map`` when that fits.
DEFAULT_LABELS: dict[str, str] = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "facility",
    "WEAPON": "weapon_system",
    "PRODUCT": "other",
}
_INSTALL_HINT = "spaCy is not installed; install it with `pip install workbook[spacy]`."


def require_spacy() -> Any:
    """The ``spacy`` module, or :class:`ExtractionError` saying how to install it."""
    try:
        return importlib.import_module("spacy")
    except ImportError as exc:
        raise ExtractionError(_INSTALL_HINT) from exc


class SpacyExtractor:
    """Entities from a spaCy pipeline, plus the workbook's coreference, gazetteer and claims.

    ``nlp``: a spaCy ``Language`` (anything callable on text that returns a Doc with ``ents``).
    ``label_map`` replaces :data:`DEFAULT_LABELS`. ``gazetteer`` gives coordinates to place and
    facility entities whose text it knows. ``claims=False`` skips claim extraction.
    """

    def __init__(
        self,
        nlp: Any,
        name: str = "spacy",
        *,
        label_map: Mapping[str, str] | None = None,
        gazetteer: Gazetteer | None = None,
        claims: bool = True,
    ) -> None:
        if not callable(nlp) or not hasattr(nlp, "pipe_names"):
            raise ExtractionError(
                f"SpacyExtractor needs a spaCy Language object (for example spacy.blank('en') with an "
                f"entity_ruler, or spacy.load(<model>)); got {type(nlp).__name__}."
            )
        labels = dict(DEFAULT_LABELS if label_map is None else label_map)
        bad = {k: v for k, v in labels.items() if v not in ENTITY_TYPES}
        if bad:
            raise ExtractionError(f"label_map maps to unknown entity types {bad}; use one of {list(ENTITY_TYPES)}.")
        self.nlp = nlp
        self.name = name
        self.label_map = labels
        self.gazetteer = gazetteer
        self.claims = claims

    @classmethod
    def from_model(cls, model: str, **kwargs: Any) -> SpacyExtractor:
        """Load an installed spaCy model by name (``spacy.load``) and wrap it."""
        spacy = require_spacy()
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise ExtractionError(
                f"spaCy model {model!r} is not installed ({exc}); install it as a package, or build a pipeline "
                "with spacy.blank('en') and an entity_ruler and pass it to SpacyExtractor."
            ) from exc
        return cls(nlp, **kwargs)

    def settings(self) -> dict[str, Any]:
        meta = getattr(self.nlp, "meta", {}) or {}
        return {
            "model": f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}",
            "pipeline": list(self.nlp.pipe_names),
            "labels": dict(sorted(self.label_map.items())),
            "gazetteer": f"{self.gazetteer.name}:{len(self.gazetteer)}" if self.gazetteer is not None else None,
            "claims": self.claims,
        }

    def extract(self, doc: DocumentInput) -> Extraction:
        text = doc.text
        sentences = split_sentences(text)
        try:
            sdoc = self.nlp(text)
        except Exception as exc:  # spaCy components raise anything; name the document
            raise ExtractionError(
                f"spaCy pipeline failed on document {doc.doc_id}: {type(exc).__name__}: {exc}"
            ) from exc
        people: list[PersonSpan] = []
        others: list[tuple[int, int, str, str]] = []  # start, end, type, name
        for ent in sdoc.ents:
            type_ = self.label_map.get(ent.label_)
            start, end = int(ent.start_char), int(ent.end_char)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if type_ is None or start >= end:
                continue
            surface = text[start:end]
            if type_ == "person":
                people.append(PersonSpan(start, end, tuple(surface.split())))
            else:
                others.append((start, end, type_, " ".join(surface.split())))
        persons, resolved = resolve_people(people)
        names: dict[str, tuple[str, str]] = {p.key: (p.name, "person") for p in persons}
        places: dict[str, PlaceRecord] = {}
        mentions = [
            MentionRecord(r.start, r.end, r.key, sentence_index(sentences, r.start), r.resolution, r.candidates)
            for r in resolved
        ]
        for start, end, type_, name in others:
            entry = (
                self.gazetteer.lookup(name) if self.gazetteer is not None and type_ in ("place", "facility") else None
            )
            canonical, kind = (entry.name, entry.type) if entry is not None else (name, type_)
            key = f"{kind}:{normalise_name(canonical)}"
            names.setdefault(key, (canonical, kind))
            if entry is not None:
                places.setdefault(
                    key,
                    PlaceRecord(
                        key,
                        entry.lat,
                        entry.lon,
                        entry.uncertainty_km,
                        entry.coord_source,
                        entry.source_name,
                        entry.admin_area,
                    ),
                )
            exact = normalise_name(name) == normalise_name(canonical)
            mentions.append(
                MentionRecord(start, end, key, sentence_index(sentences, start), "exact" if exact else "alias")
            )
        mentions.sort(key=lambda m: m.start)
        aliases: dict[str, dict[str, None]] = {}
        for m in mentions:
            surface = " ".join(text[m.start : m.end].split())
            if normalise_name(surface) != normalise_name(names[m.entity_key][0]):
                aliases.setdefault(m.entity_key, {})[surface] = None
        entities = [EntityRecord(k, n, t, tuple(aliases.get(k, {})), self.name) for k, (n, t) in names.items()]
        claims = extract_claims(text, sentences, entities, mentions) if self.claims else []
        return Extraction(entities=entities, mentions=mentions, claims=claims, places=list(places.values()))
