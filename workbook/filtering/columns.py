"""Reading a Book's columns as Arrow arrays, and coding them, for the FilterIndex.

The index turns id and category columns of millions of rows into integer codes. Doing that through
pandas (``pd.Index(values).get_indexer``, ``pd.factorize``, ``Series.explode``) makes one Python string
per row first; Arrow's hash kernels (``index_in``, ``dictionary_encode``) code the column's own buffers
without making any. The helpers here read a column as Arrow whatever its pandas representation (Arrow
strings, ``object`` strings, categoricals; list columns as Arrow lists or as ``object`` cells holding
Python lists) and return numpy codes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbook.lists import list_items

__all__ = [
    "CodeArray",
    "arrow_of",
    "codes_in",
    "dictionary_codes",
    "distinct_strings",
    "list_elements",
    "lower_codes",
    "strings_of",
]

CodeArray = np.ndarray[Any, np.dtype[np.int32]]


def arrow_of(values: pd.Series | pd.Index | pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    """``values`` as an Arrow chunked array, zero-copy when the column is Arrow-backed."""
    if isinstance(values, pa.ChunkedArray):
        return values
    if isinstance(values, pa.Array):
        return pa.chunked_array([values], type=values.type)
    arr = values.array
    out = arr.__arrow_array__() if hasattr(arr, "__arrow_array__") else pa.array(values, from_pandas=True)
    return out if isinstance(out, pa.ChunkedArray) else pa.chunked_array([out], type=out.type)


def strings_of(values: pd.Series | pd.Index | pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    """``values`` as Arrow (large) strings: categoricals decoded, other scalars cast to text."""
    arr = arrow_of(values)
    if pa.types.is_dictionary(arr.type):
        arr = arr.cast(arr.type.value_type)
    if pa.types.is_null(arr.type):
        return pa.chunked_array([pa.nulls(len(arr), type=pa.large_string())], type=pa.large_string())
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = arr.cast(pa.large_string())
    return arr


def codes_in(values: pd.Series | pd.Index | pa.Array | pa.ChunkedArray, value_set: pa.Array) -> CodeArray:
    """Positions of ``values`` in ``value_set`` (Arrow strings, unique), -1 for nulls and values not in it.
    A dictionary column (a ``labels`` categorical) is coded through its dictionary: no string per row."""
    coded = _by_dictionary(values, lambda d: codes_in(d, value_set))
    if coded is not None:
        return coded
    arr = strings_of(values)
    if len(arr) == 0:
        return np.zeros(0, dtype=np.int32)
    if len(value_set) == 0:
        return np.full(len(arr), -1, dtype=np.int32)
    found = pc.index_in(arr, value_set=value_set.cast(arr.type))
    return np.array(found.fill_null(-1).to_numpy(), dtype=np.int32)  # writable, as callers mark rows -1


def dictionary_codes(values: pd.Series | pa.Array | pa.ChunkedArray) -> tuple[CodeArray, pd.Index]:
    """(codes, distinct values): like ``pd.factorize`` (values in order of first appearance, -1 for
    null), by Arrow's dictionary encoding."""
    if isinstance(getattr(values, "dtype", None), pd.CategoricalDtype):
        cat = values.array
        assert isinstance(cat, pd.Categorical)
        category_codes = np.asarray(cat.codes)
        valid = category_codes >= 0
        out = np.full(len(category_codes), -1, dtype=np.int32)
        found, first = pd.factorize(category_codes[valid])  # categories in order of first appearance
        out[valid] = found
        return out, pd.Index(np.asarray(cat.categories.take(first), dtype=object), dtype=object)
    arr = strings_of(values)
    if len(arr) == 0:
        return np.zeros(0, dtype=np.int32), pd.Index([], dtype=object)
    encoded = pc.dictionary_encode(arr.combine_chunks())
    codes = np.array(encoded.indices.fill_null(-1).to_numpy(), dtype=np.int32)
    return codes, pd.Index(encoded.dictionary.to_pylist(), dtype=object)


def distinct_strings(values: pd.Series | pa.Array | pa.ChunkedArray) -> pa.Array:
    """The distinct non-null values of ``values`` as Arrow (large) strings, in no set order; a categorical
    gives the categories its rows use, without decoding a string per row."""
    if isinstance(getattr(values, "dtype", None), pd.CategoricalDtype):
        cat = values.array
        assert isinstance(cat, pd.Categorical)
        codes = np.asarray(cat.codes)
        used = np.bincount(codes[codes >= 0], minlength=len(cat.categories)) > 0
        return pa.array(cat.categories[used].to_numpy(dtype=object), type=pa.large_string())
    unique = pc.unique(strings_of(values).combine_chunks())
    return unique.filter(unique.is_valid()).cast(pa.large_string())


def lower_codes(values: pd.Series) -> tuple[CodeArray, pd.Index]:
    """(codes, distinct lower-cased values) of text ``values``: ``dictionary_codes`` of their lower-cased
    text; a categorical is lower-cased category by category, not row by row."""
    if not isinstance(values.dtype, pd.CategoricalDtype):
        return dictionary_codes(pc.utf8_lower(strings_of(values)))
    cat = values.array
    assert isinstance(cat, pd.Categorical)
    per_category, distinct = dictionary_codes(pc.utf8_lower(strings_of(pd.Series(cat.categories.array))))
    codes = np.append(per_category, np.int32(-1))[np.asarray(cat.codes)]
    present = np.bincount(codes[codes >= 0], minlength=len(distinct)) > 0
    if bool(present.all()):
        return np.asarray(codes, dtype=np.int32), distinct
    renumber = np.cumsum(present, dtype=np.int64) - 1  # the distinct values rows use, numbered as before
    out = np.where(codes >= 0, renumber[np.maximum(codes, 0)], -1).astype(np.int32)
    return out, distinct[present]


def _by_dictionary(values: Any, code: Any) -> CodeArray | None:
    """``code`` (strings -> int32 codes) applied to the categories of a categorical ``values`` and spread
    to its rows through the category codes; None for any other column."""
    if not isinstance(getattr(values, "dtype", None), pd.CategoricalDtype):
        return None
    cat = values.array
    assert isinstance(cat, pd.Categorical)
    per_category = np.append(code(pd.Series(cat.categories.array)), np.int32(-1))  # the last one: null rows
    return np.asarray(per_category[np.asarray(cat.codes)], dtype=np.int32)


def list_elements(values: pd.Series) -> tuple[CodeArray, pa.ChunkedArray]:
    """(row positions, elements as Arrow strings) of a list column, one pair per element that is a value.

    The one place the filter layer reads list columns (``entity_ids``, ``candidates``, ``aliases``), through
    :func:`workbook.lists.list_items`, as every reader of a list's items does: Arrow lists read zero-copy, or
    ``object`` cells holding lists, tuples or arrays (None and NaN cells are empty). A null element (None,
    NaN, an Arrow null) is not a value, so no filter can match it: it is left out."""
    positions, items = list_items(values)
    return positions.astype(np.int32), strings_of(items)
