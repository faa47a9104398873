"""The filter layer, one home for it: :class:`FilterSpec` (what to show), :class:`FilterIndex` (a Book
coded for speed) and :func:`apply` (a consistent, filtered Book)::

    from workbook.filtering import FilterSpec, apply
    view = apply(book, FilterSpec(entity_ids=(kim,)))     # the Book's index: built once, reused

The modules: :mod:`~workbook.filtering.spec` (the spec, its JSON and helpers),
:mod:`~workbook.filtering.index` (the coded Book), :mod:`~workbook.filtering.apply` (the semantics of
every field, documented there), :mod:`~workbook.filtering.rows` (its numpy steps over the index),
:mod:`~workbook.filtering.query` and :mod:`~workbook.filtering.text`
(the search syntax), :mod:`~workbook.filtering.dates`, and :mod:`~workbook.filtering.duckdb`, the twin of
:func:`apply` in SQL over a workspace's Parquet files (imported on its own: it loads DuckDB).
"""

from __future__ import annotations

from workbook.filtering.apply import FILTERED_TABLES, FilterMasks, apply, compute_masks
from workbook.filtering.index import ANNOTATION_TARGETS, FilterIndex, FilterIndexError
from workbook.filtering.spec import (
    CLOSED_VOCABULARIES,
    NO_STATUS,
    SPEC_SCHEMA,
    SPEC_VERSION,
    TUPLE_FIELDS,
    UNSTAR_VALUES,
    BBox,
    FilterSpec,
    diff_specs,
)

__all__ = [
    "ANNOTATION_TARGETS",
    "CLOSED_VOCABULARIES",
    "FILTERED_TABLES",
    "NO_STATUS",
    "SPEC_SCHEMA",
    "SPEC_VERSION",
    "TUPLE_FIELDS",
    "UNSTAR_VALUES",
    "BBox",
    "FilterIndex",
    "FilterIndexError",
    "FilterMasks",
    "FilterSpec",
    "apply",
    "compute_masks",
    "diff_specs",
]
