"""Snapshot tables into pandas with the declared dtypes, one column at a time.

A snapshot's Parquet was conformed (:func:`workbook.model.conform`) when it was built, so its columns
only need converting to the declared dtypes, not checking row by row. :func:`table_from_arrow` does that
for an Arrow table already in memory (a DuckDB result, a test's table); :func:`read_parquet_table` reads a
table file column by column and converts each column before reading the next, so opening a Book never
holds the whole decoded Arrow table beside its pandas columns, and the memory the Parquet reader freed is
handed back to the system after each column (``MemoryPool.release_unused``) instead of being kept by the
allocator: the peak of an open is the tables, not the tables plus a decoded copy.

Integer and float columns without nulls become numpy arrays over the Arrow buffers (no copy when the
column is one chunk); strings stay Arrow-backed (:class:`pandas.StringDtype`), list columns Arrow lists,
``labels`` columns are read as Parquet dictionaries (codes, never a string per row) and become categoricals
(:mod:`workbook.labels`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from workbook.labels import labels_from_arrow
from workbook.lists import frame_of, list_series
from workbook.model import Column, conform, empty_frame
from workbook.model import table as declared_table

__all__ = ["column_from_arrow", "read_parquet_table", "table_from_arrow"]

_NUMPY_DTYPES = frozenset({"int64", "float64"})


def column_from_arrow(column: Column, values: pa.ChunkedArray | pa.Array) -> pd.Series:
    """Arrow ``values`` of a snapshot's column as a pandas Series of the declared dtype of ``column``
    (what :func:`workbook.model.conform` gives for it, without its checks)."""
    if isinstance(values, pa.Array):
        values = pa.chunked_array([values])
    if column.dtype == "list":
        return list_series(values)
    if column.dtype == "labels":
        return labels_from_arrow(values)
    want = column.pandas_dtype()
    if column.dtype in _NUMPY_DTYPES and values.null_count == 0 and pa.types.is_primitive(values.type):
        arr = values.chunk(0) if values.num_chunks == 1 else pa.concat_arrays(values.chunks)
        s = pd.Series(arr.to_numpy(zero_copy_only=False), copy=False)
    elif column.dtype == "string" and (pa.types.is_large_string(values.type) or pa.types.is_string(values.type)):
        s = pd.Series(pd.array(values, dtype=want), copy=False)
    else:
        s = values.to_pandas()
    return s if s.dtype == want else s.astype(want)


def table_from_arrow(name: str, table: pa.Table) -> pd.DataFrame:
    """Table ``name`` of a snapshot of this schema version as :func:`workbook.model.conform` returns it,
    without conform's per-row work: the snapshot's Parquet was conformed when it was built, so its
    columns are converted to the declared dtypes as they are (list columns stay Arrow lists: no Python
    list is made) and the key is not checked again. A table lacking a declared column goes through conform()."""
    decl = declared_table(name)
    if any(c.name not in table.column_names for c in decl.columns):
        return conform(name, frame_of(table))
    if table.num_rows == 0:
        return empty_frame(name)
    return pd.DataFrame({c.name: column_from_arrow(c, table.column(c.name)) for c in decl.columns}, copy=False)


def read_parquet_table(
    name: str, path: Path, replace: dict[str, pa.ChunkedArray] | None = None, memory_map: bool = False
) -> pd.DataFrame:
    """Declared table ``name`` from the Parquet file ``path``, read one column at a time (see the module
    docstring). ``replace`` gives columns from elsewhere (the documents' memory-mapped text), which are
    not read from the file. A file lacking a declared column is read whole and goes through conform().
    Raises what :mod:`pyarrow` raises for a file it cannot read."""
    decl = declared_table(name)
    replace = replace or {}
    stored = set(pq.read_schema(path, memory_map=memory_map).names)
    labels = [c.name for c in decl.columns if c.dtype == "labels" and c.name not in replace and c.name in stored]
    pf = pq.ParquetFile(path, memory_map=memory_map, read_dictionary=labels)  # codes, not a string per row
    names = set(pf.schema_arrow.names) | set(replace)
    if any(c.name not in names for c in decl.columns):
        table = pf.read()
        for col, values in replace.items():
            if col in table.column_names:
                table = table.set_column(table.column_names.index(col), col, values)
        return conform(name, frame_of(table))
    if pf.metadata.num_rows == 0:
        return empty_frame(name)
    return pd.DataFrame(dict(_columns(decl.columns, pf, replace)), copy=False)


def _columns(
    columns: Iterable[Column], pf: pq.ParquetFile, replace: dict[str, pa.ChunkedArray]
) -> Iterable[tuple[str, pd.Series]]:
    pool = pa.default_memory_pool()
    for c in columns:
        values = replace[c.name] if c.name in replace else pf.read(columns=[c.name]).column(0)
        yield c.name, column_from_arrow(c, values)
        del values  # the Arrow column goes before the next is read (strings and lists keep their buffers)
        pool.release_unused()  # the reader's freed buffers go back to the system, not kept for the next column
