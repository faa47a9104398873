"""A DataFrame as an Arrow table and back, exactly: what a build writes to its temporary files.

:mod:`workbook.rowspill` keeps a build's column batches on disk as Arrow IPC files (no pickle: nothing in
the package unpickles data). pandas' own Arrow conversion (``pa.Table.from_pandas`` / ``to_pandas``) is
not exact for every column a batch can hold (an ``object`` column's None and NaN both become null; the
dtype of a categorical's categories and of a string column's missing value are guessed back), so each
column is encoded here by its pandas dtype, and the decoding is declared once per kind of dtype in
:data:`_KINDS`, recorded beside the data in the table's schema metadata (never a list of columns):

* numpy numbers, booleans and datetimes: their values as they are (datetimes and timedeltas as their
  int64 ticks, booleans as bytes), so NaN, NaT and ``-0.0`` come back bit for bit;
* pandas masked arrays (``Int64``, ``boolean``, ...): values and mask;
* strings (``string``/``str``, either storage and missing value): Arrow strings, the dtype recorded;
* categoricals (the model's ``category`` and ``labels`` columns): Arrow dictionaries of their codes and
  categories (the categories encoded as a column themselves), ordered or not;
* Arrow-backed columns (the model's ``list`` columns): the Arrow arrays as they are;
* ``object`` columns: Arrow strings when every cell is a string or None; otherwise each cell as JSON
  text, when every cell is None, a bool, an int, a float (NaN and infinities included), a string (lone
  surrogates included), or a list or a dict (of string keys) of those: types JSON gives back exactly.

A frame holding anything else (another index than a RangeIndex, non-string or repeated column names,
other dtypes, other Python objects in an object column) is not encoded: :func:`frame_to_arrow` returns
None and the caller keeps that frame as it is. :func:`frame_from_arrow` returns a frame equal to the one
encoded, dtypes included, in buffers of its own (copies of those read: a frame does not hold the file it
was read from).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbook.errors import WorkspaceError

__all__ = ["frame_from_arrow", "frame_to_arrow"]

#: The schema metadata key holding how each column was encoded.
_META_KEY = b"workbook.frame"
_JSON_SCALARS = (type(None), bool, int, float, str)
_FOREIGN = (
    "A build's temporary file holds {what}: this build did not write it. Remove the workspace's "
    "snapshots/.tmp-* folders and build again."
)


class _NotEncodable(Exception):
    """A column this module cannot encode exactly (the frame is then kept as it is)."""


def _chunk(values: pa.ChunkedArray | pa.Array) -> pa.Array:
    """One Arrow array of ``values`` (chunks combined only when there are several)."""
    if isinstance(values, pa.ChunkedArray):
        return values.chunk(0) if values.num_chunks == 1 else values.combine_chunks()
    return values


def _raw(arr: pa.Array, dtype: np.dtype[Any]) -> np.ndarray[Any, Any]:
    """The values buffer of a fixed-width Arrow array as numpy ``dtype`` (a copy: writable), whatever its
    null slots hold."""
    buf = arr.buffers()[1]
    if buf is None:
        return np.zeros(len(arr), dtype=dtype)
    return np.frombuffer(buf, dtype=dtype, count=arr.offset + len(arr))[arr.offset :].copy()


def _own(arr: pa.Array) -> pa.Array:
    """``arr`` in buffers of its own (a copy). Read from a memory-mapped file, a column kept zero-copy would
    hold the whole file's mapping (its numbers and codes, copied out already, too) for as long as the table
    it ends up in lives: +27 MB of resident memory at the end of a synth-20k build."""
    return pa.concat_arrays([arr])


def _valid(arr: pa.Array) -> np.ndarray[Any, np.dtype[np.bool_]]:
    if not arr.null_count:
        return np.ones(len(arr), dtype=bool)
    return np.asarray(arr.is_valid().to_numpy(zero_copy_only=False), dtype=bool)


# --- numpy columns -------------------------------------------------------------------------------------


def _storage(dtype: np.dtype[Any]) -> np.dtype[Any]:
    """The numpy dtype a numpy column is written as: itself for numbers, int64 ticks for datetimes and
    timedeltas, one byte per boolean."""
    if dtype.kind in "Mm":
        return np.dtype(np.int64)
    if dtype.kind == "b":
        return np.dtype(np.uint8)
    return dtype


def _enc_numpy(values: Any) -> tuple[pa.Array, dict[str, Any]]:
    data = np.asarray(values)
    dtype = data.dtype
    if dtype.kind not in "biufMm" or dtype.byteorder == ">":
        raise _NotEncodable(str(dtype))
    return pa.array(np.ascontiguousarray(data).view(_storage(dtype))), {"dtype": dtype.str}


def _dec_numpy(arr: pa.Array, desc: dict[str, Any]) -> Any:
    dtype = np.dtype(desc["dtype"])
    return _raw(arr, _storage(dtype)).view(dtype)


# --- pandas masked arrays (Int64, boolean, Float64, ...) -----------------------------------------------


_MASKED = (pd.arrays.IntegerArray, pd.arrays.FloatingArray, pd.arrays.BooleanArray)


def _enc_masked(values: Any) -> tuple[pa.Array, dict[str, Any]]:
    np_dtype = np.dtype(getattr(values.dtype, "numpy_dtype", object))
    mask = np.asarray(values.isna(), dtype=bool)
    data = np.ascontiguousarray(values.to_numpy(dtype=np_dtype, na_value=np_dtype.type(0))).view(_storage(np_dtype))
    return pa.array(data, mask=mask if mask.any() else None), {"dtype": str(values.dtype), "np": np_dtype.str}


def _dec_masked(arr: pa.Array, desc: dict[str, Any]) -> Any:
    np_dtype = np.dtype(desc["np"])
    data = _raw(arr, _storage(np_dtype)).view(np_dtype)
    dtype: Any = pd.api.types.pandas_dtype(desc["dtype"])
    cls: Any = dtype.construct_array_type()
    return cls(data, ~_valid(arr))


# --- strings ------------------------------------------------------------------------------------------


def _enc_string(values: Any) -> tuple[pa.Array, dict[str, Any]]:
    dtype = values.dtype
    assert isinstance(dtype, pd.StringDtype)
    desc = {"storage": dtype.storage, "na": "NA" if dtype.na_value is pd.NA else "nan", "json": False}
    if dtype.storage == "pyarrow":
        return _chunk(pa.array(values)), desc
    cells = values.to_numpy(dtype=object, na_value=None)
    try:
        return _text_array(cells), desc
    except _NotEncodable:  # lone surrogates (only Python strings hold them): JSON escapes them
        text = [None if v is None else json.dumps(v, ensure_ascii=True) for v in cells]
        return pa.array(text, type=pa.large_string()), {**desc, "json": True}


def _dec_string(arr: pa.Array, desc: dict[str, Any]) -> Any:
    dtype = pd.StringDtype(desc["storage"], na_value=pd.NA if desc["na"] == "NA" else np.nan)
    if desc["storage"] == "pyarrow":
        if not pa.types.is_large_string(arr.type):
            arr = arr.cast(pa.large_string())
        make: Any = pd.arrays.ArrowStringArray  # its dtype argument (the missing value) is not in the stubs
        return make(pa.chunked_array([_own(arr)], type=arr.type), dtype=dtype)
    cells = arr.to_pylist()
    if desc["json"]:
        cells = [None if v is None else json.loads(v) for v in cells]
    return pd.array(np.asarray(cells, dtype=object), dtype=dtype)


def _text_array(values: np.ndarray[Any, Any]) -> pa.Array:
    """Python strings and None as Arrow strings; text that is not valid Unicode cannot be."""
    try:
        return pa.array(values, type=pa.large_string())
    except (UnicodeEncodeError, pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise _NotEncodable(str(exc)) from None


# --- categoricals ---------------------------------------------------------------------------------------


def _enc_category(cat: Any) -> tuple[pa.Array, dict[str, Any]]:
    assert isinstance(cat, pd.Categorical)
    dictionary, cat_desc = _encode(cat.categories.array)
    codes = np.asarray(cat.codes)
    missing = codes < 0
    indices = pa.array(codes, mask=missing if missing.any() else None)
    return pa.DictionaryArray.from_arrays(indices, dictionary), {"ordered": bool(cat.ordered), "categories": cat_desc}


def _dec_category(arr: pa.Array, desc: dict[str, Any]) -> Any:
    assert isinstance(arr, pa.DictionaryArray)
    indices = arr.indices
    codes = _raw(indices, indices.type.to_pandas_dtype())
    if indices.null_count:
        codes[~_valid(indices)] = -1
    dictionary = arr.dictionary
    if dictionary.null_count or pc.count_distinct(dictionary).as_py() != len(dictionary):
        raise WorkspaceError(_FOREIGN.format(what="a categorical column whose categories repeat or are missing"))
    if len(codes) and (int(codes.min()) < -1 or int(codes.max()) >= len(dictionary)):
        raise WorkspaceError(_FOREIGN.format(what="a categorical column whose codes are out of range"))
    categories = pd.Index(_decode(dictionary, desc["categories"]), copy=False)
    # the categories were checked above, by Arrow's hash kernel on their buffers: pandas' own check would
    # make a Python string of each (most of the time of reading a batch back)
    make = getattr(pd.CategoricalDtype, "_from_fastpath", None)
    dtype = make(categories, desc["ordered"]) if make is not None else pd.CategoricalDtype(categories, desc["ordered"])
    return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)


# --- Arrow-backed columns (the model's list columns) -------------------------------------------------


def _enc_arrow(values: Any) -> tuple[pa.Array, dict[str, Any]]:
    return _chunk(pa.array(values)), {}


def _dec_arrow(arr: pa.Array, desc: dict[str, Any]) -> Any:
    return pd.arrays.ArrowExtensionArray(pa.chunked_array([_own(arr)], type=arr.type))


# --- object columns ----------------------------------------------------------------------------------


def _jsonable(v: Any) -> bool:
    """Does JSON give ``v`` back as it is (same types, same values)?"""
    if type(v) in _JSON_SCALARS:
        return True
    if type(v) is list:
        return all(_jsonable(x) for x in v)
    if type(v) is dict:
        return all(type(k) is str and _jsonable(x) for k, x in v.items())
    return False


def _enc_object(column: Any) -> tuple[pa.Array, dict[str, Any]]:
    values = np.asarray(column, dtype=object)
    if all(v is None or type(v) is str for v in values):
        try:
            return _text_array(values), {"as": "text"}
        except _NotEncodable:
            pass  # lone surrogates: JSON escapes them
    if not all(_jsonable(v) for v in values):
        raise _NotEncodable("object column of other Python objects")
    text = [json.dumps(v, ensure_ascii=True, allow_nan=True) for v in values]
    return pa.array(text, type=pa.large_string()), {"as": "json"}


def _dec_object(arr: pa.Array, desc: dict[str, Any]) -> Any:
    out = np.empty(len(arr), dtype=object)
    if desc["as"] == "text":
        out[:] = arr.to_numpy(zero_copy_only=False)
    else:
        for i, text in enumerate(arr.to_pylist()):
            out[i] = None if text is None else json.loads(text)  # one by one: a list value stays one cell
    return pd.Series(out, dtype=object, copy=False)  # as objects: a frame would infer strings of an array


# --- one column, one frame ------------------------------------------------------------------------------

Encoder = Callable[[Any], tuple[pa.Array, dict[str, Any]]]  # a pandas array (Series.array) in
Decoder = Callable[[pa.Array, dict[str, Any]], Any]

#: Each kind of column: how it is encoded and decoded (declared once; the kind is recorded per column).
_KINDS: dict[str, tuple[Encoder, Decoder]] = {
    "numpy": (_enc_numpy, _dec_numpy),
    "masked": (_enc_masked, _dec_masked),
    "string": (_enc_string, _dec_string),
    "category": (_enc_category, _dec_category),
    "arrow": (_enc_arrow, _dec_arrow),
    "object": (_enc_object, _dec_object),
}


def _kind(dtype: Any) -> str:
    if isinstance(dtype, pd.CategoricalDtype):
        return "category"
    if isinstance(dtype, pd.StringDtype):
        return "string"
    if isinstance(dtype, pd.ArrowDtype):
        return "arrow"
    if isinstance(dtype, pd.api.extensions.ExtensionDtype):
        if issubclass(dtype.construct_array_type(), _MASKED):
            return "masked"
        raise _NotEncodable(str(dtype))
    return "object" if np.dtype(dtype).kind == "O" else "numpy"


def _encode(values: Any) -> tuple[pa.Array, dict[str, Any]]:
    """A column's values (a pandas array: ``Series.array``, ``Index.array``) as Arrow, and how."""
    if type(values) is pd.arrays.NumpyExtensionArray:
        values = values.to_numpy()  # numbers and objects: a numpy array (no copy)
    kind = _kind(values.dtype)
    arr, desc = _KINDS[kind][0](values)
    return arr, {"kind": kind, **desc}


def _decode(arr: pa.Array, desc: dict[str, Any]) -> Any:
    try:
        decoder = _KINDS[desc["kind"]][1]
    except (KeyError, TypeError):
        raise WorkspaceError(_FOREIGN.format(what=f"a column encoded as {desc!r}")) from None
    return decoder(arr, desc)


def frame_to_arrow(frame: pd.DataFrame) -> pa.RecordBatch | None:
    """``frame`` as one Arrow record batch (what one IPC file holds, even without rows) that
    :func:`frame_from_arrow` turns back into an equal frame (dtypes, index and column names included); None
    when some part of it cannot be encoded exactly (see the module's docstring)."""
    index, names = frame.index, frame.columns
    if type(index) is not pd.RangeIndex or not (index.name is None or type(index.name) is str):
        return None
    if not all(type(n) is str for n in names) or names.has_duplicates or str(names.dtype) not in ("object", "str"):
        return None
    if not (names.name is None or type(names.name) is str):
        return None
    arrays: list[pa.Array] = []
    columns: list[dict[str, Any]] = []
    try:
        for name, column in frame.items():
            arr, desc = _encode(column.array)
            arrays.append(arr)
            columns.append({"name": name, **desc})
    except _NotEncodable:
        return None
    meta = {
        "index": [index.start, index.stop, index.step, index.name],
        "names": [str(names.dtype), names.name],
        "columns": columns,
    }
    fields = [f"{i}" for i in range(len(arrays))]  # positions: names may be any text
    return pa.RecordBatch.from_arrays(arrays, names=fields, metadata={_META_KEY: json.dumps(meta).encode()})


def frame_from_arrow(table: pa.RecordBatch | pa.Table) -> pd.DataFrame:
    """The frame :func:`frame_to_arrow` encoded as ``table`` (the record batch, or a table of it)."""
    raw = (table.schema.metadata or {}).get(_META_KEY)
    if raw is None:
        raise WorkspaceError(_FOREIGN.format(what="no column descriptions"))
    meta = json.loads(raw)
    start, stop, step, index_name = meta["index"]
    index = pd.RangeIndex(start, stop, step, name=index_name)
    columns = meta["columns"]
    if len(columns) != table.num_columns or any(len(c) != len(index) for c in table.columns):
        raise WorkspaceError(_FOREIGN.format(what="columns that do not match their descriptions"))
    data = {i: _decode(_chunk(table.column(i)), desc) for i, desc in enumerate(columns)}
    frame = pd.DataFrame(data, copy=False) if data else pd.DataFrame(index=pd.RangeIndex(len(index)))
    names_dtype, names_name = meta["names"]
    frame.columns = pd.Index([desc["name"] for desc in columns], dtype=names_dtype, name=names_name)
    frame.index = index
    return frame
