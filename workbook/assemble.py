"""Turn one document's :class:`~workbook.extract.base.Extraction` into table rows, and merge the
per-document rows of a corpus into the corpus tables.

Pure functions: no I/O. The build calls :func:`extraction_rows` once per document, keeps the rows
of unchanged documents from the previous build, and calls :func:`assemble_tables` at the end, with
the documents' rows streamed into column batches (:mod:`workbook.rowbatches`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd

from workbook.corpus_links import (
    entity_links,
    link_claims,
    link_doc_entities,
    link_doc_places,
    link_events,
    link_mentions,
    most_frequent,
    with_aliases,
)
from workbook.errors import ExtractionError
from workbook.extract.base import Extraction
from workbook.extract.speaker_fullname import fuller_name
from workbook.ids import entity_id, span_id
from workbook.labels import as_text, labels_series
from workbook.model import (
    CONFIDENCE_BANDS,
    COORD_SOURCES,
    DATE_PRECISIONS,
    DATE_RESOLUTIONS,
    ENTITY_TYPES,
    MENTION_RESOLUTIONS,
    QUOTE_KINDS,
    conform,
)
from workbook.rowbatches import DocRows, RowBatch, RowCollector, concat_rows

__all__ = ["ASSEMBLED_TABLES", "PRIVATE_TABLES", "DocRows", "assemble_tables", "extraction_rows", "iter_tables"]

#: Per-document tables kept in each snapshot so that a rebuild can reuse unchanged documents.
PRIVATE_TABLES = ("_doc_entities", "_doc_places")


def _check_span(kind: str, doc_id: str, n: int, start: int, end: int) -> None:
    if not (0 <= start < end <= n):
        raise ExtractionError(
            f"The extractor gave a {kind} span [{start}, {end}) outside document {doc_id} of {n} characters; "
            "this is a bug in the extractor: report it with the document."
        )


def _check_value(kind: str, column: str, value: Any, allowed: Sequence[str]) -> None:
    if value not in allowed:
        raise ExtractionError(
            f"The extractor gave a {kind} with {column}={value!r}; allowed values are {list(allowed)}."
        )


def extraction_rows(doc_id: str, text: str, ex: Extraction) -> DocRows:
    """Rows for the tables from one document's extraction, with stable ids and checked offsets.

    Raises :class:`ExtractionError` when a record points outside the text, names an entity key the
    extraction does not define, or uses a value outside the declared categories.
    """
    n = len(text)
    rows = DocRows()
    key_to_id: dict[str, str] = {}
    for e in ex.entities:
        _check_value("entity", "type", e.type, ENTITY_TYPES)
        eid = entity_id(e.type, e.name)
        key_to_id[e.key] = eid
        rows.doc_entities.append(
            {
                "doc_id": doc_id,
                "entity_id": eid,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "origin": e.origin,
            }
        )

    def eid_of(key: str) -> str:
        try:
            return key_to_id[key]
        except KeyError:
            raise ExtractionError(
                f"The extractor referred to entity key {key!r} in document {doc_id} without defining it."
            ) from None

    for m in ex.mentions:
        _check_span("mention", doc_id, n, m.start, m.end)
        _check_value("mention", "resolution", m.resolution, MENTION_RESOLUTIONS)
        rows.mentions.append(
            {
                "mention_id": span_id("m", doc_id, m.start, m.end),
                "doc_id": doc_id,
                "start": m.start,
                "end": m.end,
                "entity_id": eid_of(m.entity_key),
                "surface": text[m.start : m.end],
                "sentence": m.sentence,
                "resolution": m.resolution,
                "candidates": [eid_of(k) for k in m.candidates],
            }
        )
    for c in ex.claims:
        _check_span("claim", doc_id, n, c.start, c.end)
        _check_value("claim", "quote_kind", c.quote_kind, QUOTE_KINDS)
        _check_value("claim", "confidence", c.confidence, CONFIDENCE_BANDS)
        rows.claims.append(
            {
                "claim_id": span_id("c", doc_id, c.start, c.end),
                "doc_id": doc_id,
                "start": c.start,
                "end": c.end,
                "text": text[c.start : c.end],
                "sentence": c.sentence,
                "speaker_id": eid_of(c.speaker_key) if c.speaker_key else None,
                "speaker_text": c.speaker_text,
                "speaker_as_written": c.speaker_as_written,
                "quote_kind": c.quote_kind,
                "cue": c.cue,
                "hedge": c.hedge,
                "confidence": c.confidence,
                "entity_ids": sorted({eid_of(k) for k in c.entity_keys}),
            }
        )
    for v in ex.events:
        _check_span("event", doc_id, n, v.start, v.end)
        _check_value("event", "precision", v.precision, DATE_PRECISIONS)
        _check_value("event", "resolution", v.resolution, DATE_RESOLUTIONS)
        rows.events.append(
            {
                "event_id": span_id("v", doc_id, v.start, v.end),
                "doc_id": doc_id,
                "start": v.start,
                "end": v.end,
                "text": text[v.start : v.end],
                "sentence": v.sentence,
                "context": v.context,
                "date_start": v.date_start,
                "date_end": v.date_end,
                "precision": v.precision,
                "resolution": v.resolution,
                "anchor": v.anchor,
                "kind": v.kind,
                "entity_ids": sorted({eid_of(k) for k in v.entity_keys}),
            }
        )
    for p in ex.places:
        _check_value("place", "coord_source", p.coord_source, COORD_SOURCES)
        rows.doc_places.append(
            {
                "doc_id": doc_id,
                "entity_id": eid_of(p.entity_key),
                "lat": p.lat,
                "lon": p.lon,
                "uncertainty_km": p.uncertainty_km,
                "coord_source": p.coord_source,
                "source_name": p.source_name,
                "admin_area": p.admin_area,
            }
        )
    return rows


def _merge_entities(doc_entities: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per entity id: the most frequent spelling as name, all other spellings as aliases,
    counts from the mentions. Vectorised: one groupby per column, not one per entity."""
    if doc_entities.empty:
        return conform("entities", [])
    de = doc_entities.astype({"entity_id": str, "name": str, "origin": str})
    name = most_frequent(de, "name")
    origin = most_frequent(de, "origin")
    type_ = de.groupby("entity_id", sort=True)["type"].first()
    spelled = with_aliases(de[["entity_id", "aliases"]]).explode("aliases").dropna()
    pool = pd.concat(
        [de[["entity_id", "name"]], spelled.rename(columns={"aliases": "name"}).astype({"name": str})]
    ).drop_duplicates()
    pool = pool[pool["name"].to_numpy() != pool["entity_id"].map(name).to_numpy()]
    aliases = pool.sort_values(["entity_id", "name"]).groupby("entity_id", sort=False)["name"].agg(list)
    grouped = mentions.groupby("entity_id")
    out = pd.DataFrame(
        {"entity_id": type_.index, "name": name.reindex(type_.index).to_numpy(), "type": type_.to_numpy()}
    )
    out["aliases"] = [list(a) if isinstance(a, list) else [] for a in aliases.reindex(type_.index)]
    out["n_mentions"] = grouped.size().reindex(type_.index, fill_value=0).to_numpy()
    out["n_docs"] = grouped["doc_id"].nunique().reindex(type_.index, fill_value=0).to_numpy()
    out["origin"] = origin.reindex(type_.index).to_numpy()
    return conform("entities", out)


def _merge_places(doc_places: pd.DataFrame) -> pd.DataFrame:
    """One row per place entity: the coordinates with the smallest uncertainty win."""
    if doc_places.empty:
        return conform("places", [])
    best = doc_places.sort_values(["entity_id", "uncertainty_km", "source_name"]).drop_duplicates("entity_id")
    return conform("places", best.drop(columns=["doc_id"]))


def _speaker_names(claims: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """``speaker_text`` of every claim with a speaker entity becomes that entity's corpus name (after
    merging), so that tables, reports and citations show "Kim Jong Un", not "he" or "Mr Kim", unless
    the claim's document names the person more fully ("Gen Nakatani" for the corpus name "Nakatani":
    :func:`~workbook.extract.speaker_fullname.fuller_name`); the words as written stay in
    ``speaker_as_written``."""
    if claims.empty or entities.empty:
        return claims
    names = pd.Series(entities["name"].to_numpy(), index=entities["entity_id"].to_numpy())
    resolved = as_text(claims["speaker_id"].map(names))  # text: labels columns do not mix categories in where()
    written = as_text(claims["speaker_text"])
    differs = (resolved.notna() & written.notna() & (resolved != written)).to_numpy(dtype=bool, na_value=False)
    if differs.any():  # only the few claims whose document wrote another name are compared
        resolved = resolved.copy()
        at = resolved.index[differs]
        resolved.loc[at] = [fuller_name(n, w) for n, w in zip(resolved.loc[at], written.loc[at], strict=True)]
    out = claims.copy()
    out["speaker_text"] = labels_series(resolved.where(resolved.notna(), written))
    return out


#: The tables :func:`assemble_tables` returns, in this order.
ASSEMBLED_TABLES: tuple[str, ...] = (
    "documents",
    "entities",
    "mentions",
    "claims",
    "events",
    "places",
    "build_issues",
    *PRIVATE_TABLES,
)


def iter_tables(
    documents: list[dict[str, Any]] | pd.DataFrame,
    per_doc: Sequence[DocRows | RowBatch] | RowCollector,
    build_issues: list[dict[str, Any]],
) -> Iterator[tuple[str, pd.DataFrame]]:
    """The tables of :func:`assemble_tables` as (name, table), each as soon as it is final and not kept
    here afterwards: a build writes each to its Parquet file and drops it (the documents, with their
    text, go first, before the rows are merged). The caller must not hold ``documents`` itself if it
    wants it freed once written."""

    def cat(attr: str) -> pd.DataFrame:
        if isinstance(per_doc, RowCollector):
            return per_doc.take(attr)
        return concat_rows(per_doc, attr)

    yield "documents", conform("documents", documents)
    documents = []  # the caller's rows or table, no longer held here
    yield "build_issues", conform("build_issues", build_issues)
    # one entity per thing: acronyms and shorter forms merged into their longer names, applied table by
    # table, each written and dropped before the next is taken (the linked tables are never all held)
    doc_entities = cat("doc_entities")
    found = entity_links(doc_entities)
    doc_entities = link_doc_entities(doc_entities, found)
    mentions = link_mentions(cat("mentions"), found)
    entities = _merge_entities(doc_entities, mentions)
    yield "_doc_entities", doc_entities
    del doc_entities
    table = conform("mentions", mentions)
    del mentions
    yield "mentions", table
    del table
    doc_places = link_doc_places(cat("doc_places"), found)
    yield "places", _merge_places(doc_places)
    yield "_doc_places", doc_places
    del doc_places
    table = conform("events", link_events(cat("events"), found))
    yield "events", table
    del table
    table = _speaker_names(conform("claims", link_claims(cat("claims"), found)), entities)
    yield "claims", table
    del table
    yield "entities", entities


def assemble_tables(
    documents: list[dict[str, Any]] | pd.DataFrame,
    per_doc: Sequence[DocRows | RowBatch] | RowCollector,
    build_issues: list[dict[str, Any]],
) -> dict[str, pd.DataFrame]:
    """The corpus tables (and the private per-document tables) from every document's rows, given
    per document (:class:`DocRows`), as column batches of several (:class:`RowBatch`), in order, or
    as a :class:`RowCollector`, whose batches of each kind are dropped once concatenated (a build's
    memory then holds one kind's batches and tables at a time, not every batch beside every table).

    ``documents`` are the document rows, or a table of them.

    Entities that are one thing (an acronym and its expansion, a shorter and a longer form) are merged
    by :func:`workbook.corpus_links.entity_links`, applied table by table; the private per-document
    tables keep the merged ids, so a rebuild that reuses a document keeps its merges. (A build writes
    the tables one by one as :func:`iter_tables` makes them, instead of holding this dict.)"""
    made = dict(iter_tables(documents, per_doc, build_issues))
    return {name: made[name] for name in ASSEMBLED_TABLES}
