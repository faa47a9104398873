"""The filter rules both executors read: :func:`workbook.filtering.apply.apply` (numpy over a Book) and
its twin :mod:`workbook.filtering.duckdb` (SQL over a workspace's Parquet files).

Each rule that both executors state is declared here once, as data or a predicate on the spec; the
numpy code and the SQL text are generated from it (see the semantics in :mod:`workbook.filtering.apply`):

* which spec fields narrow claims (and so make a document need a surviving claim): :data:`CLAIM_FIELDS`;
* when a spec sets the events window, the publication window or the entity lens;
* how ``date_match`` compares an event's interval with the window: :data:`DATE_MATCH_RULES`, and a
  publication day with its window: :data:`PUBLICATION_RULES`;
* a bounding box's longitude as one or two ranges (two across the antimeridian): :func:`lon_ranges`;
* which fields keep the rows whose column value they list: :data:`LISTED_FIELDS`;
* which rows a mark (``tags``, ``stars_only``) reaches from a claim or an event: :data:`MARK_REACH`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbook.filtering.spec import BBox, FilterSpec

__all__ = [
    "CLAIM_FIELDS",
    "DATE_MATCH_RULES",
    "LISTED_FIELDS",
    "MARK_REACH",
    "PUBLICATION_RULES",
    "has_event_window",
    "has_lens",
    "has_publication_window",
    "lon_ranges",
    "narrows_claims",
]

#: Spec fields that narrow claims on their own terms; a document then needs a surviving claim. (``text``
#: and ``entity_ids`` narrow claims too, but do not on their own require a document to hold one.)
CLAIM_FIELDS: tuple[str, ...] = ("speakers", "quote_kinds", "confidence_bands", "claim_statuses")

#: Per ``date_match``: the comparisons an event's interval ``[start, end]`` must all pass against the
#: window ``[lo, hi]``, as (event bound, operator, window bound).
DATE_MATCH_RULES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "overlaps": (("start", "<=", "hi"), ("end", ">=", "lo")),
    "within": (("start", ">=", "lo"), ("end", "<=", "hi")),
}
#: The comparisons a document's publication day must pass against the publication window ``[lo, hi]``.
PUBLICATION_RULES: tuple[tuple[str, str, str], ...] = (("day", ">=", "lo"), ("day", "<=", "hi"))

#: Fields that keep the rows of a table whose column value is one of theirs: field -> (table, column).
LISTED_FIELDS: dict[str, tuple[str, str]] = {
    "doc_ids": ("documents", "doc_id"),
    "publishers": ("documents", "publisher"),
    "quote_kinds": ("claims", "quote_kind"),
    "confidence_bands": ("claims", "confidence"),
}

#: A claim or an event is marked (for ``tags`` / ``stars_only``) when one of these is marked: ``self``
#: (the row), a column naming a document (``doc_id``) or an entity (``speaker_id``), or ``entity_ids``.
MARK_REACH: dict[str, tuple[str, ...]] = {
    "claims": ("self", "doc_id", "speaker_id", "entity_ids"),
    "events": ("self", "doc_id", "entity_ids"),
}


def narrows_claims(spec: FilterSpec) -> bool:
    """True when a field of :data:`CLAIM_FIELDS` is set."""
    return any(getattr(spec, f) for f in CLAIM_FIELDS)


def has_event_window(spec: FilterSpec) -> bool:
    """True when the events window ("events between") has a side set."""
    return spec.date_from is not None or spec.date_to is not None


def has_publication_window(spec: FilterSpec) -> bool:
    """True when the publication window ("published between") has a side set."""
    return spec.published_from is not None or spec.published_to is not None


def has_lens(spec: FilterSpec) -> bool:
    """True when the entity lens (``entity_types``, ``bbox``) is set."""
    return bool(spec.entity_types) or spec.bbox is not None


def lon_ranges(bbox: BBox) -> tuple[tuple[float, float], ...]:
    """The longitudes of ``bbox`` as inclusive (low, high) ranges, any of which a point may lie in: one,
    or two open-ended ones when the box crosses the antimeridian (``min_lon > max_lon``)."""
    min_lon, _, max_lon, _ = bbox
    if min_lon > max_lon:
        return ((min_lon, math.inf), (-math.inf, max_lon))
    return ((min_lon, max_lon),)
