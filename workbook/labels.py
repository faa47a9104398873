"""The model's ``labels`` columns: text repeated across rows, held as pandas categoricals.

Ids and names that repeat (``mentions.doc_id``, ``entity_id`` and ``surface``, the claims' speakers,
``events.context``, publishers, ...) are declared ``labels`` in :mod:`workbook.model`. In memory such a
column is a :class:`pandas.Categorical` whose categories are the distinct values present, sorted (so
sorting the column or grouping by it orders rows as the strings do), with one int32 code per row: a
2.5M-row ``doc_id`` column is 10 MB of codes and 100k strings instead of 2.5M strings, and taking rows
from it (a filter) copies codes, not text. On disk the column is plain Parquet text, as before.

A categorical reads as its strings (``==``, ``isin``, ``.str``, iteration, ``tolist``, grouping, joins,
exports), but pandas treats its categories as a closed set where a string column has none. The helpers
here are what the package uses where that shows:

* :func:`labels_series` makes a column (from strings, Arrow, or a categorical) with sorted categories;
* :func:`map_labels` replaces values through a mapping (entity merges and splits give new ids:
  ``Series.map(...).astype(old_dtype)`` would turn a new id into NaN);
* :func:`set_labels` / :func:`fill_labels` / :func:`add_labels` write values that may be new (``s.loc[mask] = new`` and
  ``fillna(new)`` raise on a value not among the categories);
* :func:`count_labels` counts the values present (``value_counts`` of a filtered categorical also lists
  every category it does not hold, with 0) and :func:`count_pairs` counts pairs of columns
  (``DataFrame.value_counts`` of two categoricals is their cartesian product);
* :func:`concat_frames` concatenates tables keeping such columns categorical (``pd.concat`` of
  categoricals with different categories returns plain strings);
* :func:`as_text` gives the column as a string column (``.str`` methods of a categorical return
  ``object`` columns; go through this where a string dtype is wanted).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "add_labels",
    "as_text",
    "concat_frames",
    "count_labels",
    "count_pairs",
    "fill_labels",
    "is_labels",
    "labels_from_arrow",
    "labels_series",
    "map_labels",
    "set_labels",
]

_STR = pd.StringDtype(na_value=np.nan)  # pandas' default ``str`` dtype: what the categories are held as


def is_labels(values: Any) -> bool:
    """Whether ``values`` (a Series or array) is held as a categorical (a ``labels`` column)."""
    return isinstance(getattr(values, "dtype", None), pd.CategoricalDtype)


def _sorted(codes: np.ndarray[Any, Any], categories: pd.Index, index: pd.Index | None) -> pd.Series:
    """A categorical of ``codes`` into ``categories`` (unique, any order) with its categories sorted."""
    cats = pd.Index(categories, dtype=_STR) if categories.dtype != _STR else categories
    if len(cats) > 1 and not cats.is_monotonic_increasing:
        order = np.asarray(pc.array_sort_indices(pa.array(cats.array, type=pa.large_string())).to_numpy())
        rank = np.empty(len(order), dtype=np.int32)
        rank[order] = np.arange(len(order), dtype=np.int32)
        codes = np.where(codes >= 0, rank[np.maximum(codes, 0)], -1).astype(np.int32)
        cats = cats.take(order)
    return pd.Series(pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(cats)), index=index, copy=False)


def labels_from_arrow(values: pa.Array | pa.ChunkedArray, index: pd.Index | None = None) -> pd.Series:
    """Arrow strings (or a dictionary of strings) as a ``labels`` Series: Arrow's hash kernel codes the
    column's own buffers (no Python string per row); the categories are then sorted."""
    if isinstance(values, pa.ChunkedArray):
        if pa.types.is_dictionary(values.type) and values.num_chunks > 1:
            values = values.unify_dictionaries()
        values = values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    if not pa.types.is_dictionary(values.type):
        if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
            values = values.cast(pa.large_string())  # null-typed or non-text values: as text
        values = pc.dictionary_encode(values)
    codes = np.asarray(values.indices.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int32)
    categories = pd.Index(pd.array(values.dictionary, dtype=_STR), dtype=_STR)
    return _sorted(codes, categories, index)


def labels_series(values: Any, index: pd.Index | None = None) -> pd.Series:
    """``values`` (strings, Arrow, a categorical, None/NaN for nulls) as a ``labels`` Series: a
    categorical with the distinct values as sorted categories. Non-text values become their text."""
    if isinstance(values, pa.Array | pa.ChunkedArray):
        return labels_from_arrow(values, index)
    s = values if isinstance(values, pd.Series) else pd.Series(values, index=index)
    idx = s.index if index is None else index
    if is_labels(s):
        cat = s.array
        assert isinstance(cat, pd.Categorical)
        if cat.categories.dtype == _STR and cat.categories.is_monotonic_increasing:
            return s if index is None else pd.Series(cat, index=index, copy=False)
        categories = pd.Index(cat.categories.astype(str), dtype=_STR)
        if categories.has_duplicates:
            return labels_series(s.astype(object).where(s.notna(), None), idx)
        return _sorted(np.asarray(cat.codes, dtype=np.int32), categories, idx)
    arr = s.array
    if hasattr(arr, "__arrow_array__"):
        return labels_from_arrow(arr.__arrow_array__(), idx)
    obj = np.asarray(s.astype(object).where(s.notna(), None), dtype=object)
    text = [None if v is None or (isinstance(v, float) and v != v) else str(v) for v in obj]
    return labels_from_arrow(pa.array(text, type=pa.large_string()), idx)


def as_text(values: pd.Series) -> pd.Series:
    """``values`` as a string column (:class:`pandas.StringDtype`), whatever it is held as."""
    return values if isinstance(values.dtype, pd.StringDtype) else values.astype(pd.StringDtype())


def map_labels(values: pd.Series, mapping: Mapping[Any, Any] | Callable[[Any], Any]) -> pd.Series:
    """``values`` with each value ``v`` replaced by ``mapping[v]`` (or ``mapping(v)``), values the mapping
    lacks kept; new values (new ids) are allowed. A ``labels`` column stays one (its categories are
    mapped, not its rows); any other column is mapped row by row and keeps its dtype."""
    get: Callable[[Any], Any] = mapping if callable(mapping) else (lambda v: mapping.get(v, v))
    if not is_labels(values):
        return values.map(lambda v: get(v) if isinstance(v, str) else v).astype(values.dtype)
    cat = values.array
    assert isinstance(cat, pd.Categorical)
    new = [get(v) for v in cat.categories]
    codes, uniques = pd.factorize(pd.Series(new, dtype=object), use_na_sentinel=True)
    old = np.asarray(cat.codes, dtype=np.int64)
    recoded = np.where(old >= 0, np.asarray(codes, dtype=np.int64)[np.maximum(old, 0)], -1).astype(np.int32)
    return _sorted(recoded, pd.Index(uniques.astype(str), dtype=_STR), values.index)


def add_labels(values: pd.Series, extra: Iterable[Any]) -> pd.Series:
    """``values`` able to hold each of ``extra`` too (a ``labels`` column gains them as categories, so
    ``.at``/``.loc`` can write them); any other column is returned as it is."""
    if not is_labels(values):
        return values
    cat = values.array
    assert isinstance(cat, pd.Categorical)
    new = [str(v) for v in dict.fromkeys(extra) if v is not None and v == v and str(v) not in cat.categories]
    if not new:
        return values
    grown = pd.Index([*cat.categories, *new], dtype=_STR)
    return _sorted(np.asarray(cat.codes, dtype=np.int32), grown, values.index)


def set_labels(values: pd.Series, where: Any, new: Any) -> pd.Series:
    """A copy of ``values`` with ``new`` (one value, or one per selected row) at the rows ``where`` (a
    boolean mask or index labels, as ``.loc`` takes); new values are allowed in a ``labels`` column."""
    out = values.copy()
    if is_labels(out):
        extra = [new] if isinstance(new, str) or not hasattr(new, "__iter__") else list(new)
        out = add_labels(out, extra)
    out.loc[where] = new
    return out


def fill_labels(values: pd.Series, fill: Any) -> pd.Series:
    """``values.fillna(fill)`` (one value, or a Series aligned with ``values``) that allows new values in
    a ``labels`` column."""
    if not is_labels(values):
        return values.fillna(fill)
    extra = list(fill) if isinstance(fill, pd.Series) else [fill]
    return add_labels(values, extra).fillna(fill)


def count_labels(values: pd.Series, dropna: bool = True) -> pd.Series:
    """``values.value_counts(dropna=dropna)`` listing only the values present (most common first, as
    value_counts orders them): a filtered ``labels`` column does not list the categories it lost."""
    counts = values.value_counts(dropna=dropna)
    if is_labels(values):
        counts = counts[counts > 0]
        counts.index = pd.Index(counts.index.astype(object), name=counts.index.name)
    return counts


def count_pairs(frame: pd.DataFrame, columns: list[str], dropna: bool = True, sort: bool = True) -> pd.Series:
    """``frame[columns].value_counts(dropna=dropna, sort=sort)`` over the combinations present only
    (value_counts of several categoricals is the cartesian product of their categories)."""
    counts = frame.groupby(columns, observed=True, dropna=dropna, sort=False).size()
    return counts.sort_values(ascending=False, kind="stable") if sort else counts


def concat_frames(frames: list[pd.DataFrame], ignore_index: bool = True) -> pd.DataFrame:
    """``pd.concat(frames, ignore_index=ignore_index)`` keeping ``labels`` columns categorical (with the
    union of the frames' categories, sorted) where pandas would make them plain strings."""
    frames = [f for f in frames if f is not None]
    if not frames:
        return pd.DataFrame()
    out = pd.concat(frames, ignore_index=ignore_index)
    for name in frames[0].columns:
        if is_labels(frames[0][name]) and name in out.columns and not is_labels(out[name]):
            out[name] = labels_series(out[name])
    return out
