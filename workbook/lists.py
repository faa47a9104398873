"""The model's ``list`` columns (``entities.aliases``, ``mentions.candidates``, ``claims.entity_ids``,
``events.entity_ids``) as Arrow lists of strings, and the few vectorised operations the workbook does on them.

A list column is a pandas Series of dtype :data:`LIST_DTYPE` (``pd.ArrowDtype(pa.list_(pa.string()))``): one
Arrow offsets buffer and one string buffer per column, not one Python list per row (2.5M mostly empty
``candidates`` lists at 100k documents held hundreds of MB of Python objects, and opening such a workspace
spent a third of its time making them). A cell read from it (``s.iloc[i]``, iterating) is still a Python
list of strings; whole-column work goes through Arrow: :func:`flat_values` (row positions and values, what
``explode`` gives without the empty rows), :func:`list_lengths`, :func:`lists_from_flat` (the inverse) and
:func:`remap_lists` (ids replaced element-wise, as entity merges need).

Null rows are not kept: a list column holds ``[]`` where a row has no values. **A null item is not a value**
(None, NaN, NA or an Arrow null inside a list): it is left out wherever a list is read (:func:`list_items`,
the one reading of a list column's items, which :func:`flat_values` and the filters'
:func:`workbook.filtering.columns.list_elements` share) or made (:func:`as_list`), so a filter never matches
it and no list stores it as the text ``"None"``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "LIST_DTYPE",
    "LIST_TYPE",
    "arrow_lists",
    "arrow_table",
    "as_list",
    "flat_values",
    "frame_of",
    "is_list_dtype",
    "is_null_item",
    "list_items",
    "list_lengths",
    "list_series",
    "lists_from_flat",
    "python_lists",
    "remap_lists",
    "replace_lists",
]

#: The Arrow type of a list column: a list of strings.
LIST_TYPE = pa.list_(pa.string())
#: The pandas dtype of a list column (:meth:`workbook.model.Column.pandas_dtype` of a ``list`` column).
LIST_DTYPE = pd.ArrowDtype(LIST_TYPE)
_EMPTY = pa.scalar([], type=LIST_TYPE)


def is_null_item(v: Any) -> bool:
    """Is ``v`` a null (None, NaN, ``pd.NA``, ``pd.NaT``): a cell or item that holds no value?"""
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def as_list(v: Any) -> list[str]:
    """One cell as a list of strings: None and NaN are ``[]``, a string is a one-item list, any other
    iterable (list, tuple, numpy array) its items as strings, null items left out (not a value)."""
    if is_null_item(v):
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v if not is_null_item(x)]


def is_list_dtype(dtype: Any) -> bool:
    """Is ``dtype`` a pandas Arrow dtype of lists (of any value type)?"""
    return isinstance(dtype, pd.ArrowDtype) and (
        pa.types.is_list(dtype.pyarrow_dtype) or pa.types.is_large_list(dtype.pyarrow_dtype)
    )


def _is_list_type(t: pa.DataType) -> bool:
    """Is ``t`` exactly :data:`LIST_TYPE`, its item field's name included (Parquet calls it ``element``)?"""
    return bool(t == LIST_TYPE and t.value_field.name == LIST_TYPE.value_field.name)


def _normalised(arr: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    """``arr`` as a chunked ``list<string>`` array without null rows (``[]`` instead)."""
    chunked = arr if isinstance(arr, pa.ChunkedArray) else pa.chunked_array([arr])
    if not _is_list_type(chunked.type):
        if pa.types.is_null(chunked.type):
            chunked = pa.chunked_array([pa.nulls(len(chunked), LIST_TYPE)])
        else:
            chunked = chunked.cast(LIST_TYPE)
    if chunked.null_count:
        chunked = pc.fill_null(chunked, _EMPTY)
    return chunked


def _plain_lists(cells: list[Any]) -> pa.Array | None:
    """``cells`` as one ``list<string>`` array when every cell is a list of ``str`` (what a build's rows
    hold): :func:`as_list` would give each cell as it is, so Arrow converts them in one call; else None."""
    if all(type(v) is list for v in cells) and all(type(x) is str for v in cells for x in v):
        return pa.array(cells, type=LIST_TYPE)
    return None


def arrow_lists(values: pd.Series | pa.Array | pa.ChunkedArray | Iterable[Any]) -> pa.ChunkedArray:
    """A list column's values as Arrow (``list<string>``, null rows as ``[]``): from a Series of
    :data:`LIST_DTYPE` without a copy, from Arrow arrays by a cast, from Python cells by :func:`as_list`.
    A null *item* inside a list is left out (see :func:`as_list`)."""
    if isinstance(values, pa.Array | pa.ChunkedArray):
        out = _normalised(values)
    elif isinstance(values, pd.Series) and is_list_dtype(values.dtype):
        out = _normalised(values.array._pa_array)
    else:
        cells = values if isinstance(values, list) else list(values)
        plain = _plain_lists(cells)
        made = plain if plain is not None else pa.array([as_list(v) for v in cells], type=LIST_TYPE)
        return pa.chunked_array([made], type=LIST_TYPE)
    if sum(c.values.null_count for c in out.chunks if len(c)):
        return pa.chunked_array([pa.array([as_list(v) for v in out.to_pylist()], type=LIST_TYPE)], type=LIST_TYPE)
    return out


def list_series(values: pd.Series | pa.Array | pa.ChunkedArray | Iterable[Any], index: Any = None) -> pd.Series:
    """``values`` as a list column (a Series of :data:`LIST_DTYPE`), on ``index`` (a Series keeps its own
    index when none is given)."""
    if index is None and isinstance(values, pd.Series):
        index = values.index
    if (
        isinstance(values, pd.Series)
        and values.dtype == LIST_DTYPE
        and _is_list_type(values.array._pa_array.type)
        and not values.array._pa_array.null_count
    ):
        return values if index is values.index else pd.Series(values.array, index=index, copy=False)
    return pd.Series(pd.arrays.ArrowExtensionArray(arrow_lists(values)), index=index, copy=False)


def list_lengths(s: pd.Series) -> np.ndarray[Any, np.dtype[np.int64]]:
    """The number of items in each row of a list column (object columns of lists too)."""
    if is_list_dtype(s.dtype):
        arr = arrow_lists(s)
        return np.asarray(pc.list_value_length(arr).to_numpy(zero_copy_only=False), dtype=np.int64)
    return np.fromiter((len(as_list(v)) for v in s), dtype=np.int64, count=len(s))


def _is_any_list(t: pa.DataType) -> bool:
    return bool(pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t))


def list_items(
    values: pd.Series | pa.Array | pa.ChunkedArray | Iterable[Any],
) -> tuple[np.ndarray[Any, np.dtype[np.int64]], pa.ChunkedArray]:
    """(row position, item) of every item of a list column, in row order, items as Arrow strings; null rows
    and null items give nothing (a null item is not a value). Any representation: Arrow lists (of any
    item type) read as they are, without a copy; other cells (Python lists, tuples, arrays, strings, None)
    through :func:`as_list`."""
    lists: Any = values
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.ArrowDtype):
        lists = values.array.__arrow_array__()
    if not (isinstance(lists, pa.Array | pa.ChunkedArray) and _is_any_list(lists.type)):
        cells = lists.to_pylist() if isinstance(lists, pa.Array | pa.ChunkedArray) else lists
        lists = pa.array([as_list(v) for v in cells], type=LIST_TYPE)
    if isinstance(lists, pa.Array):
        lists = pa.chunked_array([lists], type=lists.type)
    lengths = pc.list_value_length(lists).fill_null(0)
    positions = np.repeat(np.arange(len(lists), dtype=np.int64), np.asarray(lengths.to_numpy(), dtype=np.int64))
    flat = pc.list_flatten(lists)  # the items of the rows that are not null, in order
    if flat.null_count:
        valid = flat.is_valid()
        positions, flat = positions[np.asarray(valid.to_numpy(zero_copy_only=False), dtype=bool)], flat.filter(valid)
    if not (pa.types.is_string(flat.type) or pa.types.is_large_string(flat.type)):
        flat = flat.cast(pa.large_string())
    return positions, flat


def flat_values(s: pd.Series) -> tuple[np.ndarray[Any, np.dtype[np.int64]], pd.Series]:
    """(row position, value) of every item of a list column, in row order: what ``s.explode()`` gives
    without the rows of empty lists and the null items (:func:`list_items`), with positions 0..len(s)-1
    instead of the index, and values as a string Series (index 0..n_items-1)."""
    positions, items = list_items(s)
    return positions, pd.Series(pd.arrays.ArrowExtensionArray(items), copy=False).astype("string")


def lists_from_flat(
    positions: np.ndarray[Any, Any], values: Sequence[str] | pd.Series | pa.Array, n_rows: int
) -> pa.Array:
    """The inverse of :func:`flat_values`: a ``list<string>`` array of ``n_rows`` rows whose row ``i`` holds
    the ``values`` at the ``positions`` equal to ``i`` (``positions`` sorted ascending; rows without values
    are ``[]``)."""
    pos = np.asarray(positions, dtype=np.int64)
    if len(pos) > 1 and bool(np.any(pos[1:] < pos[:-1])):
        raise ValueError("lists_from_flat needs the positions sorted ascending.")
    offsets = np.zeros(n_rows + 1, dtype=np.int32)
    np.cumsum(np.bincount(pos, minlength=n_rows), out=offsets[1:])
    flat = values if isinstance(values, pa.Array) else pa.array(pd.Series(values, dtype=object), type=pa.string())
    return pa.ListArray.from_arrays(pa.array(offsets), flat.cast(pa.string()))


def replace_lists(s: pd.Series, rows: Mapping[Any, Sequence[str]]) -> pd.Series:
    """List column ``s`` with the rows of the index labels in ``rows`` replaced by the given lists (one
    Arrow ``take``, not one cell at a time: an Arrow-backed column cannot be set cell by cell)."""
    if not rows:
        return list_series(s)
    arr = arrow_lists(s).combine_chunks()
    where = s.index.get_indexer(pd.Index(list(rows)))
    if (where < 0).any():
        missing = [k for k, w in zip(rows, where, strict=True) if w < 0]
        raise KeyError(f"replace_lists: labels {missing[:5]} are not in the column's index.")
    extra = pa.array([as_list(v) for v in rows.values()], type=LIST_TYPE)
    take = np.arange(len(arr), dtype=np.int64)
    take[where] = len(arr) + np.arange(len(extra), dtype=np.int64)
    joined = pa.concat_arrays([arr, extra]).take(pa.array(take))
    return list_series(joined, index=s.index)


def remap_lists(
    s: pd.Series, fn: Callable[[np.ndarray[Any, Any], pd.Series], pd.Series], *, sort: bool = True
) -> pd.Series:
    """List column ``s`` with its items mapped by ``fn(positions, values)`` (the :func:`flat_values` of
    ``s``; it returns the new values, same length). Rows where some item changed keep each new value
    once (its first occurrence), sorted when ``sort``; the other rows are kept as they are. Vectorised:
    no Python list per row."""
    positions, values = flat_values(s)
    if not len(values):
        return list_series(s)
    got = fn(positions, values)
    if isinstance(got, pd.Series):  # compared as Arrow strings: no Python string per item
        mapped = got.reset_index(drop=True).astype("string")
    else:
        mapped = pd.Series(np.asarray(got, dtype=object), dtype="string")
    same = mapped.eq(values.reset_index(drop=True)).fillna(False).to_numpy(dtype=bool)
    changed = ~same & mapped.notna().to_numpy()
    if not changed.any():
        return list_series(s)
    rows = np.unique(positions[changed])
    sel = np.isin(positions, rows)
    flat = pd.DataFrame({"row": positions[sel], "value": mapped[sel].to_numpy(dtype=object)})
    flat = flat.drop_duplicates(["row", "value"], keep="first")
    flat = flat.sort_values(["row", "value"] if sort else ["row"], kind="stable")
    new = pd.Series(
        pd.arrays.ArrowExtensionArray(
            pa.chunked_array(
                [lists_from_flat(np.searchsorted(rows, flat["row"].to_numpy()), list(flat["value"]), len(rows))]
            )
        ),
        copy=False,
    )
    arr = arrow_lists(s).combine_chunks()
    take = np.arange(len(arr), dtype=np.int64)
    take[rows] = len(arr) + np.arange(len(rows), dtype=np.int64)
    joined = pa.concat_arrays([arr, arrow_lists(new).combine_chunks()]).take(pa.array(take))
    return list_series(joined, index=s.index)


def python_lists(s: pd.Series) -> list[list[str]]:
    """A list column as Python lists (for the few places that need them row by row: small tables such
    as ``entities``, or an export)."""
    if is_list_dtype(s.dtype):
        return arrow_lists(s).to_pylist()
    return [as_list(v) for v in s]


def _plain_metadata(table: pa.Table) -> pa.Table:
    """``table`` with Arrow list dtypes recorded as ``object`` in its pandas metadata (see :func:`arrow_table`)."""
    meta = dict(table.schema.metadata or {})
    if b"pandas" not in meta:
        return table
    pandas_meta = json.loads(meta[b"pandas"])
    touched = False
    for col in pandas_meta.get("columns", []):
        if str(col.get("numpy_type", "")).startswith(("list<", "large_list<")):
            col["numpy_type"], touched = "object", True
    if not touched:
        return table
    meta[b"pandas"] = json.dumps(pandas_meta).encode()
    return table.replace_schema_metadata(meta)


def frame_of(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as pandas, its list columns as Arrow list columns (not numpy arrays per cell), also
    when the table came from a DataFrame holding them (whose pandas metadata pandas cannot read back)."""

    def mapper(t: pa.DataType) -> Any:
        return pd.ArrowDtype(t) if pa.types.is_list(t) or pa.types.is_large_list(t) else None

    return _plain_metadata(table).to_pandas(types_mapper=mapper)


def arrow_table(df: pd.DataFrame) -> pa.Table:
    """``df`` as an Arrow table to write to Parquet (no index). pandas records an Arrow list column's dtype
    as ``list<item: string>[pyarrow]`` in the file's pandas metadata, a name pandas cannot parse back
    (``pq.read_table(f).to_pandas()`` would fail); it is recorded as ``object``, as Python-list columns
    were, so that any reader gets what it got before (numpy arrays per cell)."""
    return _plain_metadata(pa.Table.from_pandas(df, preserve_index=False))
