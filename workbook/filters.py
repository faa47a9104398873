"""Filters over a Book: the public entry point of the filter layer.

    >>> from workbook.filters import FilterSpec, FilterIndex, apply
    >>> view = apply(book, FilterSpec(entity_ids=(kim,)))     # the Book's index: built once, reused

The implementation lives in :mod:`workbook.filtering`: :mod:`~workbook.filtering.spec` (the spec,
its JSON and helpers), :mod:`~workbook.filtering.index` (the coded Book) and
:mod:`~workbook.filtering.apply` (the semantics of every field, documented there). This module
re-exports exactly the names of :mod:`workbook.filtering`.
"""

from __future__ import annotations

from workbook.filtering import *  # noqa: F403
from workbook.filtering import __all__ as __all__
