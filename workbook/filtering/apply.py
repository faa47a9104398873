"""Evaluate a FilterSpec against a Book: :func:`apply` returns a consistent, filtered Book.

What each field keeps
=====================

Fields combine with AND; the values of one tuple field combine with OR. A field left at its
default constrains nothing. ``text`` is a query in the search syntax of :mod:`workbook.filtering.query`
(phrases, AND / OR / NOT, prefix*, word~1, romanisation-insensitive words; plain words match as
case-insensitive substrings, as they always did).

**Documents** survive when they pass every set field below.

* ``doc_ids`` / ``publishers``: their id / publisher is listed (a document with no publisher never
  matches ``publishers``).
* ``text``: their text matches the query.
* ``entity_ids``: they mention one of the entities.
* The *entity lens* — ``entity_types`` and ``bbox`` together pick the entities an analyst wants to
  see: an entity is *in the lens* when its type is listed (if ``entity_types`` is set) and it is not
  geolocated outside the box (if ``bbox`` is set; "geolocated" means it has a ``places`` row).
  With ``entity_types`` set a document must mention an entity in the lens; with ``bbox`` set it must
  mention a *geolocated* entity in the lens, that is a place inside the box of a listed type. (So a
  box with ``entity_types=("person",)`` keeps nothing unless persons have coordinates: to see who is
  named in documents about a region, set only ``bbox`` and read the person rows.)
* Claim fields (``speakers``, ``quote_kinds``, ``confidence_bands``, ``claim_statuses``): they hold a
  surviving claim (below). ``text`` and ``entity_ids`` narrow claims but do not on their own
  require a document to hold one.
* Events window (``date_from``/``date_to``, "events between"): they hold a surviving event (below).
  Publication dates are not used: the window is about when things happened.
* Publication window (``published_from``/``published_to``, "published between"): their ``published``
  day lies in it (inclusive; an undated document never matches).
* ``tags`` / ``stars_only``: the document is marked (tagged with a listed tag / starred), or it
  mentions a marked entity, or it holds a surviving claim or event (which, below, must itself be
  marked, lie in a marked document or involve a marked entity).

**Claims** survive when their document survives and they pass every set field: ``speakers``
(``speaker_id`` listed, or ``speaker_text`` listed case-insensitively), ``quote_kinds``,
``confidence_bands``, ``claim_statuses`` (the value of the claim's latest ``status`` annotation,
:data:`NO_STATUS` when it has none), ``text`` (the claim text matches the query), ``entity_ids`` (the
speaker or one of the claim's ``entity_ids`` is listed), ``tags``/``stars_only`` (the claim, its
document, its speaker or one of its ``entity_ids`` is marked).

**Events** survive when their document survives and they pass: the window (the interval
``[date_start, date_end]`` intersects ``[date_from, date_to]`` with ``date_match="overlaps"``, or lies
wholly inside it with ``date_match="within"``; either side open; an event with only one bound is the
one day; an event with no date is excluded once a window is set), ``entity_ids``
(one of its ``entity_ids`` is listed), ``tags``/``stars_only`` (the event, its document or one of its
entities is marked). ``text`` does not test event text (a date expression): events follow their
documents.

**Mentions** survive when their document survives and their entity is in the lens — or is
*selected*: listed in ``entity_ids`` or, with ``tags``/``stars_only``, marked. Selected entities stay
visible whatever the lens, so ``entity_ids=(kim,), entity_types=("place",)`` shows Kim plus the
places named in documents that mention Kim. ``entity_ids`` does not hide other entities: the
entities table of a filtered Book is the co-occurrence view "who else is named alongside".

**Entities** are the rows with at least one surviving mention, with ``n_mentions``/``n_docs``
recomputed from the surviving mentions; the others are dropped (no exception: widgets list their
options from the unfiltered Book). **Places** are the rows of surviving entities, inside ``bbox``
when it is set. ``documents.text`` is never altered; ``annotations`` and ``build_issues`` are passed
through whole. Any non-empty spec drops mentions, claims and events whose ``doc_id`` names no
document, and mentions whose ``entity_id`` names no entities row (such mentions also select nothing).

Marks: a ``tag`` annotation with a listed value marks its target for ``tags``; a target is starred
when its latest ``star`` annotation's value is null or not in :data:`UNSTAR_VALUES`; a claim's
status is its latest ``status`` annotation's value (null counts as none, i.e. :data:`NO_STATUS`).
"Latest" is by ``created``, ties going to the later row. Annotation targets are ``document``,
``entity``, ``claim`` or ``event`` rows by id; other target kinds are ignored.

Invariants (tested): every filtered table is a subset of the original; every mention, claim and
event belongs to a surviving document; every mention's entity and every place is in the entities
table; the empty spec returns the Book itself; and ``apply(apply(b, s), s)`` equals ``apply(b, s)``
(every row that justifies a document survives with it).

Speed: all the work is on numpy arrays of the :class:`FilterIndex` (dense int32 codes, bitmaps
over documents and entities, CSR lists from entity to documents, claims and events and from document to
mentions), each step visiting the fewest rows it can (:mod:`workbook.filtering.rows`);
the only string work per call is the ``text`` search (:class:`~workbook.filtering.text.TextColumn`,
a vectorised byte scan over the Book's own text, ASCII letters folded).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workbook.book import Book
from workbook.filtering.index import NO_DAY, BoolArray, FilterIndex, IntArray
from workbook.filtering.query import match_query
from workbook.filtering.rows import (
    bitmap,
    docs_mentioning,
    ext,
    member,
    mentions_complement,
    mentions_dense,
    mentions_sparse,
    spread,
    touching,
)
from workbook.filtering.rows import mentions as count_mentions
from workbook.filtering.rules import (
    DATE_MATCH_RULES,
    MARK_REACH,
    PUBLICATION_RULES,
    has_event_window,
    has_lens,
    has_publication_window,
    lon_ranges,
    narrows_claims,
)
from workbook.filtering.spec import NO_STATUS, FilterSpec
from workbook.filtering.text import lower
from workbook.lazybook import RecentViews, RowSelection, SelectedBook
from workbook.model import CONFIDENCE_BANDS, ENTITY_TYPES, QUOTE_KINDS

__all__ = ["FILTERED_TABLES", "RECENT_VIEWS", "FilterMasks", "apply", "compute_masks"]

#: The tables apply() narrows; ``annotations`` and ``build_issues`` pass through whole.
FILTERED_TABLES: tuple[str, ...] = ("documents", "mentions", "claims", "events", "entities", "places")
#: How many filtered Books each Book keeps for :func:`apply`, the most recently asked specs'.
RECENT_VIEWS = 4

Marks = tuple[BoolArray, BoolArray, BoolArray, BoolArray]

_COMPARE: dict[str, Callable[[Any, Any], BoolArray]] = {"<=": operator.le, ">=": operator.ge}


@dataclass(frozen=True, eq=False)
class FilterMasks:
    """Which rows of each table survive (boolean arrays aligned with the Book's rows), and the
    recomputed counts of every entities row. Cheap to compute; :func:`apply` materialises them."""

    documents: BoolArray
    mentions: BoolArray
    claims: BoolArray
    events: BoolArray
    entities: BoolArray
    places: BoolArray
    n_mentions: IntArray
    n_docs: IntArray

    def __repr__(self) -> str:
        return "<FilterMasks: " + ", ".join(f"{k}={v}" for k, v in self.counts().items()) + ">"

    def counts(self) -> dict[str, int]:
        """Surviving row count per table."""
        return {n: int(np.count_nonzero(getattr(self, n))) for n in FILTERED_TABLES}

    def selection(self, book: Book, name: str) -> RowSelection:
        """The surviving rows of the filtered table ``name`` of ``book`` (the Book the masks were
        computed on), not copied yet; ``entities`` carries its recomputed counts."""
        mask: BoolArray = getattr(self, name)
        assign = {"n_mentions": self.n_mentions[mask], "n_docs": self.n_docs[mask]} if name == "entities" else None
        return RowSelection.of_mask(book.table(name), mask, assign)

    def take(self, book: Book, name: str) -> pd.DataFrame:
        """The filtered table ``name`` of ``book`` (the Book the masks were computed on), alone:
        cheaper than :func:`apply` when a view shows one table. ``entities`` gets its recomputed
        counts; tables that are not filtered come back whole."""
        if name not in FILTERED_TABLES:
            return book.table(name)
        return self.selection(book, name).materialise()


def _claims_touching(ix: FilterIndex, ent_mask: BoolArray) -> BoolArray:
    """Claims whose ``entity_ids`` name an entity in ``ent_mask``."""
    return touching(ix.ce_rows, ix.ce_ptr, ix.ce_claim, ix.ce_ent, ent_mask, ix.n_claims)


def _events_touching(ix: FilterIndex, ent_mask: BoolArray) -> BoolArray:
    """Events whose ``entity_ids`` name an entity in ``ent_mask``."""
    return touching(ix.ve_rows, ix.ve_ptr, ix.ve_event, ix.ve_ent, ent_mask, ix.n_events)


def _spoken_by(ix: FilterIndex, ent_mask: BoolArray) -> BoolArray:
    """Claims whose ``speaker_id`` is an entity in ``ent_mask``."""
    return touching(ix.cs_rows, ix.cs_ptr, None, ix.c_speaker, ent_mask, ix.n_claims)


def _inside(bbox: tuple[float, float, float, float], lon: np.ndarray[Any, Any], lat: np.ndarray[Any, Any]) -> BoolArray:
    in_lon = np.zeros(len(lon), dtype=bool)
    for low, high in lon_ranges(bbox):
        in_lon |= (lon >= low) & (lon <= high)
    return np.asarray((lat >= bbox[1]) & (lat <= bbox[3]) & in_lon, dtype=bool)


def _marks(spec: FilterSpec, ix: FilterIndex) -> list[Marks]:
    """Per requested mark (tags, stars): flags over (documents, entity universe, claims, events),
    each with the trailing -1 slot."""
    sizes = (ix.n_docs, ix.n_universe, ix.n_claims, ix.n_events)
    out: list[Marks] = []
    if spec.tags:
        hit = ix.value_mask(ix.tag_values, spec.tags)[ix.tag_value]
        flags = [ext(bitmap(ix.tag_target[hit & (ix.tag_kind == k)], n)) for k, n in enumerate(sizes)]
        out.append((flags[0], flags[1], flags[2], flags[3]))
    if spec.stars_only:
        out.append(ix.starred)
    return out


def _reached(m: Marks, table: str, ix: FilterIndex) -> BoolArray:
    """Rows of ``table`` (claims or events) that mark ``m`` reaches (see ``MARK_REACH``)."""
    claims = table == "claims"
    own, n = (m[2], ix.n_claims) if claims else (m[3], ix.n_events)
    out = np.zeros(n, dtype=bool)
    for via in MARK_REACH[table]:
        if via == "self":
            out |= own[:n]
        elif via == "entity_ids":
            out |= _claims_touching(ix, m[1]) if claims else _events_touching(ix, m[1])
        elif via == "speaker_id":
            out |= _spoken_by(ix, m[1])
        else:  # the row's document
            out |= (
                spread(m[0][:-1], ix.c_doc, ix.c_order, ix.c_ptr)
                if claims
                else spread(m[0][:-1], ix.v_doc, ix.v_order, ix.v_ptr)
            )
    return out


def _claims_mask(spec: FilterSpec, ix: FilterIndex, entity_sel: BoolArray, marks: list[Marks]) -> BoolArray:
    """Claims passing every claim rule (their document's survival aside)."""
    nc = ix.n_claims
    claims = np.ones(nc, dtype=bool)
    if spec.speakers:
        by_id = _spoken_by(ix, ix.value_mask(ix.universe, spec.speakers))
        by_text = member(ix.value_mask(ix.speaker_texts, tuple(lower(s) for s in spec.speakers)), ix.c_speaker_text)
        claims &= by_id | by_text
    if spec.quote_kinds:
        claims &= member(_closed_lut(spec.quote_kinds, QUOTE_KINDS), ix.c_kind)
    if spec.confidence_bands:
        claims &= member(_closed_lut(spec.confidence_bands, CONFIDENCE_BANDS), ix.c_conf)
    if spec.claim_statuses:
        status_lut = ix.value_mask(ix.statuses, spec.claim_statuses)
        status_lut[-1] = NO_STATUS in spec.claim_statuses  # code -1: no status annotation
        claims &= member(status_lut, ix.c_status)
    if spec.text:
        claims &= match_query(spec.text, ix.c_text)
    if spec.entity_ids:
        claims &= _spoken_by(ix, entity_sel) | _claims_touching(ix, entity_sel)
    for m in marks:
        claims &= _reached(m, "claims", ix)
    return claims


def _events_mask(spec: FilterSpec, ix: FilterIndex, entity_sel: BoolArray, marks: list[Marks]) -> BoolArray:
    """Events passing every event rule (their document's survival aside)."""
    nv = ix.n_events
    events = np.ones(nv, dtype=bool)
    if has_event_window(spec):
        bounds = {"start": ix.v_start, "end": ix.v_end}
        events &= ix.v_dated & _in_window(DATE_MATCH_RULES[spec.date_match], bounds, spec.date_from, spec.date_to)
    if spec.entity_ids:
        events &= _events_touching(ix, entity_sel)
    for m in marks:
        events &= _reached(m, "events", ix)
    return events


def compute_masks(spec: FilterSpec, index: FilterIndex) -> FilterMasks:
    """The surviving rows of every table of ``index.book`` under ``spec`` (see the module docstring)."""
    ix = index
    nd, nu = ix.n_docs, ix.n_universe
    docs = np.ones(nd, dtype=bool)
    if spec.doc_ids:
        docs &= ix.value_mask(ix.doc_index, spec.doc_ids)[:nd]
    if spec.publishers:
        docs &= member(ix.value_mask(ix.publishers, spec.publishers), ix.doc_pub)
    if spec.text:
        docs &= match_query(spec.text, ix.doc_text)
    if has_publication_window(spec):
        bounds = {"day": ix.doc_day}
        docs &= (ix.doc_day != NO_DAY) & _in_window(PUBLICATION_RULES, bounds, spec.published_from, spec.published_to)

    entity_sel = np.zeros(nu + 1, dtype=bool)  # over the entity universe, plus the -1 slot
    if spec.entity_ids:
        sel_codes = ix.lookup(ix.universe, spec.entity_ids)
        entity_sel[sel_codes] = True
        docs &= docs_mentioning(ix, sel_codes)
    lens: BoolArray | None = None
    if has_lens(spec):
        lens = np.ones(nu + 1, dtype=bool)
        lens[-1] = False
        if spec.entity_types:
            type_lut = np.zeros(len(ENTITY_TYPES) + 1, dtype=bool)
            type_lut[[ENTITY_TYPES.index(t) for t in spec.entity_types]] = True
            lens[:nu] &= type_lut[ix.ent_type]
            docs &= docs_mentioning(ix, np.flatnonzero(lens[:nu]))
        if spec.bbox is not None:
            lens[:nu] &= ~ix.ent_geo | _inside(spec.bbox, ix.ent_lon, ix.ent_lat)
            docs &= docs_mentioning(ix, np.flatnonzero(lens[:nu] & ix.ent_geo))

    marks = _marks(spec, ix)
    claims = _claims_mask(spec, ix, entity_sel, marks)
    events = _events_mask(spec, ix, entity_sel, marks)
    if narrows_claims(spec):
        docs &= bitmap(ix.c_doc[claims], nd)
    if has_event_window(spec):
        docs &= bitmap(ix.v_doc[events], nd)
    for m in marks:
        docs &= (
            m[0][:nd]
            | docs_mentioning(ix, np.flatnonzero(m[1][:nu]))
            | bitmap(ix.c_doc[claims], nd)
            | bitmap(ix.v_doc[events], nd)
        )

    claims &= spread(docs, ix.c_doc, ix.c_order, ix.c_ptr)
    events &= spread(docs, ix.v_doc, ix.v_order, ix.v_ptr)
    selected = entity_sel.copy()  # entities kept visible whatever the lens
    for m in marks:
        selected |= m[1]
    mentions, n_mentions, n_docs = count_mentions(ix, docs, None if lens is None else lens | selected)
    entities = n_mentions > 0
    places = ext(np.concatenate([entities, np.zeros(nu - ix.n_entity_rows, dtype=bool)]))[ix.pl_ent]
    if spec.bbox is not None:
        places &= _inside(spec.bbox, ix.pl_lon, ix.pl_lat)
    return FilterMasks(docs, mentions, claims, events, entities, places, n_mentions, n_docs)


#: The three ways :func:`~workbook.filtering.rows.mentions` counts (tests compare them).
_mentions_sparse = mentions_sparse
_mentions_complement = mentions_complement
_mentions_dense = mentions_dense


def _closed_lut(values: tuple[str, ...], vocabulary: tuple[str, ...]) -> BoolArray:
    lut = np.zeros(len(vocabulary) + 1, dtype=bool)
    lut[[vocabulary.index(v) for v in values]] = True
    return lut


def _day(d: Any) -> int:
    return int(np.datetime64(d, "D").astype(np.int64))


def _in_window(rule: tuple[tuple[str, str, str], ...], bounds: dict[str, IntArray], first: Any, last: Any) -> BoolArray:
    """Rows whose day numbers ``bounds`` pass the date window ``rule`` (see :mod:`workbook.filtering.rules`)
    against ``[first, last]``; an open side (None) compares nothing."""
    limits = {"lo": first, "hi": last}
    out = np.ones(len(next(iter(bounds.values()))), dtype=bool)
    for side, op, limit in rule:
        if limits[limit] is not None:
            out &= _COMPARE[op](bounds[side], _day(limits[limit]))
    return out


def apply(book: Book, spec: FilterSpec, index: FilterIndex | None = None, masks: FilterMasks | None = None) -> Book:
    """``book`` narrowed to ``spec``: every table a consistent subset (see the module docstring).

    ``index`` must have been built from this very Book; without it the Book's own index is used
    (``FilterIndex.of(book)``: built on the first call, reused by every later one). ``masks``: the
    spec's masks on that index (``compute_masks(spec, index)``) when the caller has them already (the
    explorer), so that they are not computed twice.
    The empty spec returns ``book`` itself. The result is a
    :class:`~workbook.lazybook.SelectedBook`: it holds row selections and builds each filtered table
    when it is first read, so tables nobody reads are never copied. The Book keeps the filtered Books
    of the last :data:`RECENT_VIEWS` specs (:class:`~workbook.lazybook.RecentViews`): asking again for
    one of them returns that same filtered Book, whose tables read before are already built.
    """
    if spec.is_empty:
        return book
    if index is None:
        index = FilterIndex.of(book)
    index.check(book)

    def select() -> Book:
        rows = compute_masks(spec, index) if masks is None else masks
        return SelectedBook.from_selections(book, {name: rows.selection(book, name) for name in FILTERED_TABLES})

    return book.memo("recent_views", lambda: RecentViews(RECENT_VIEWS)).get(spec, select)
