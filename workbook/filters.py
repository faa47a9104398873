"""Filters over a Book: the public entry point of the filter layer.

    >>> from workbook.filters import FilterSpec, FilterIndex, apply
    >>> index = FilterIndex.build(book)                       # once per Book
    >>> view = apply(book, FilterSpec(entity_ids=(kim,)), index=index)

The implementation lives in :mod:`workbook.filtering`: :mod:`~workbook.filtering.spec` (the spec,
its JSON and helpers), :mod:`~workbook.filtering.index` (the coded Book) and
:mod:`~workbook.filtering.apply` (the semantics of every field, documented there).
"""

from __future__ import annotations

from workbook.filtering import (
    ANNOTATION_TARGETS,
    CLOSED_VOCABULARIES,
    FILTERED_TABLES,
    NO_STATUS,
    SPEC_SCHEMA,
    SPEC_VERSION,
    TUPLE_FIELDS,
    UNSTAR_VALUES,
    BBox,
    FilterIndex,
    FilterIndexError,
    FilterMasks,
    FilterSpec,
    apply,
    compute_masks,
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
