"""The filter layer: :class:`FilterSpec` (what to show), :class:`FilterIndex` (a Book coded for
speed) and :func:`apply` (a consistent, filtered Book). :mod:`workbook.filters` re-exports all of it."""

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
