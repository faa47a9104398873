"""Structured tables: CSV, XLSX, JSON and Parquet files as typed DataFrames, and the datasets we know.

* :func:`load_table` reads any table with declared column types and a clear error for cells that do
  not fit (:mod:`workbook.tables.load`, :mod:`workbook.tables.parsing`, :mod:`workbook.tables.readers`);
* :mod:`workbook.tables.adapters` declares the datasets in ``../shared/data`` (nagix launches and
  facilities, the CNS/NTI database, CSIS provocations; :func:`load_dataset` by name) and
  :mod:`workbook.tables.admin` the DPRK administrative divisions, also as a gazetteer;
* :mod:`workbook.tables.linking` ties their names to the Book's place entities (romanisation variants,
  curated aliases, fuzzy suggestions the analyst confirms; confirmed links persist in the workspace);
* :mod:`workbook.tables.layers` adds launches as their own layer to the timeline and the place map.
"""

from __future__ import annotations

from workbook.tables.adapters import DATASETS, find_shared_data, load_dataset
from workbook.tables.load import load_table
from workbook.tables.parsing import NA_TOKENS, TYPE_NAMES, ColumnType

__all__ = ["DATASETS", "NA_TOKENS", "TYPE_NAMES", "ColumnType", "find_shared_data", "load_dataset", "load_table"]
