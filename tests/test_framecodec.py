"""A DataFrame through Arrow IPC and back (workbook.framecodec, what a build's spill files hold): every kind
of column a batch can hold comes back exactly, dtypes, None against NaN and categories included; what
cannot be encoded exactly is refused, and a file this codec did not write is an error, not data."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.ipc as ipc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.errors import WorkspaceError
from workbook.framecodec import frame_from_arrow, frame_to_arrow
from workbook.labels import labels_series
from workbook.lists import LIST_DTYPE
from workbook.model import QUOTE_KINDS
from workbook.rowspill import FrameSpill

pytestmark = pytest.mark.unit

# text as the build can carry it (valid Unicode; NULs and any other code point), and as an object column
# can hold it (lone surrogates too)
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
_ANY_TEXT = st.text(max_size=8)
_FLOATS = st.floats(allow_nan=True, allow_infinity=True)
_JSON: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | _FLOATS | _ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_ANY_TEXT, inner, max_size=3),
    max_leaves=6,
)


def _objects(*values: Any) -> np.ndarray[Any, Any]:
    """A 1-d object array of ``values`` as they are (numpy would make lists of lists a 2-d array)."""
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        out[i] = v
    return out


def _column(values: Any) -> pd.Series:
    """A Series of ``values`` (an object array stays object: pandas would infer strings of it)."""
    dtype = object if isinstance(values, np.ndarray) and values.dtype.kind == "O" else None
    return pd.Series(values, dtype=dtype, copy=False)


def _through_file(frame: pd.DataFrame, tmp: Path) -> pd.DataFrame:
    """``frame`` written to an Arrow IPC file and read back memory-mapped, as the spill does."""
    table = frame_to_arrow(frame)
    assert table is not None
    path = tmp / "f.arrow"
    with pa.OSFile(str(path), "wb") as sink, ipc.new_file(sink, table.schema) as writer:
        writer.write_batch(table)
    source = pa.memory_map(str(path), "r")
    try:
        return frame_from_arrow(ipc.open_file(source).get_batch(0))
    finally:
        source.close()
        path.unlink()


def _same_cell(a: Any, b: Any) -> bool:
    """Identical values: same type, NaN equal to NaN only, containers element by element."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_cell(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same_cell(a[k], b[k]) for k in a)
    return bool(a == b)


def _assert_same(back: pd.DataFrame, frame: pd.DataFrame) -> None:
    pd.testing.assert_index_equal(back.columns, frame.columns, exact=True)
    pd.testing.assert_index_equal(back.index, frame.index, exact=True)
    objects = [name for name in frame.columns if frame[name].dtype == object]  # compared cell by cell below
    pd.testing.assert_frame_equal(back.drop(columns=objects), frame.drop(columns=objects), check_exact=True)
    for name in frame.columns:
        a, b = back[name], frame[name]
        assert a.dtype == b.dtype, name
        if isinstance(b.dtype, pd.CategoricalDtype):
            assert a.cat.categories.dtype == b.cat.categories.dtype and list(a.cat.categories) == list(b.cat.categories)
            assert np.array_equal(a.cat.codes.to_numpy(), b.cat.codes.to_numpy())
        elif b.dtype == object:
            assert all(_same_cell(x, y) for x, y in zip(a, b, strict=True)), name  # None is not NaN
        elif isinstance(b.dtype, np.dtype) and b.dtype.kind in "fMm":  # NaN, NaT and -0.0 bit for bit
            assert a.to_numpy().tobytes() == b.to_numpy().tobytes(), name
        if isinstance(b.dtype, np.dtype):
            a.iloc[:1] = b.iloc[:1]  # numpy columns read back are writable (pandas writes in place)


@st.composite
def frames(draw: st.DrawFn) -> pd.DataFrame:
    """A frame with a column of every kind a build's batches hold, and more."""
    n = draw(st.integers(0, 6))

    def cells(strategy: st.SearchStrategy[Any]) -> list[Any]:
        return draw(st.lists(strategy, min_size=n, max_size=n))

    text_or_none = st.none() | _TEXT
    days = st.none() | st.integers(-20_000, 40_000)
    cols: dict[str, Any] = {
        "int64": np.array(cells(st.integers(-(2**63), 2**63 - 1)), dtype=np.int64),
        "float64": np.array(cells(_FLOATS), dtype=np.float64),
        "bool": np.array(cells(st.booleans()), dtype=bool),
        "datetime": pd.Series(
            [np.datetime64("NaT") if d is None else np.datetime64(d, "D") for d in cells(days)], dtype="M8[s]"
        ),
        "timedelta": np.array(cells(st.integers(-(10**12), 10**12)), dtype="m8[s]"),
        "Int64": pd.array(cells(st.none() | st.integers(-(2**40), 2**40)), dtype="Int64"),
        "boolean": pd.array(cells(st.none() | st.booleans()), dtype="boolean"),
        "string": pd.array(cells(text_or_none), dtype=pd.StringDtype()),
        "str": pd.array(cells(text_or_none), dtype=pd.StringDtype(na_value=np.nan)),
        "python string": pd.array(cells(st.none() | _ANY_TEXT), dtype=pd.StringDtype("python")),
        "labels": labels_series(cells(text_or_none)),
        "category": pd.Categorical(cells(st.none() | st.sampled_from(QUOTE_KINDS)), categories=list(QUOTE_KINDS)),
        "ordered": pd.Categorical(cells(st.sampled_from("abc")), categories=list("cba"), ordered=True),
        "int categories": pd.Categorical(cells(st.none() | st.integers(0, 3))),
        "list": pd.array(cells(st.none() | st.lists(text_or_none, max_size=3)), dtype=LIST_DTYPE),
        "object text": _objects(*cells(text_or_none)),
        "object any": _objects(*cells(_JSON)),
        "all None": _objects(*[None] * n),
    }
    names = draw(st.permutations(list(cols)))
    start = draw(st.integers(-3, 3))
    index = pd.RangeIndex(start, start + n, name=draw(st.none() | st.just("row")))
    frame = pd.DataFrame({name: _column(cols[name]).set_axis(index) for name in names})
    assert all(frame[name].dtype == object for name in ("object text", "object any", "all None"))
    if draw(st.booleans()):  # a private batch's column names are plain strings (object)
        frame.columns = pd.Index(list(frame.columns), dtype=object)
    return frame


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(frame=frames())
def test_every_kind_of_column_comes_back_exactly(frame: pd.DataFrame, tmp_path: Path) -> None:
    _assert_same(_through_file(frame, tmp_path), frame)


def test_text_with_nuls_surrogates_and_none_against_nan(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "text": pd.array(["a\x00b", None, "é\U0001f600"], dtype=pd.StringDtype()),
            "object": _column(_objects("x\ud800", None, float("nan"))),  # JSON keeps None and NaN apart
            "nested": _column(_objects({"k": [1, 2.5, None]}, [], {"": {"z": "\udfff"}})),
            "nul": _column(_objects("a\x00", None, "b")),
        }
    )
    back = _through_file(frame, tmp_path)
    _assert_same(back, frame)
    assert back["object"][1] is None and isinstance(back["object"][2], float)


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame({"a": [1, 2]}, index=[5, 7]),  # not a RangeIndex
        pd.DataFrame([[1, 2]], columns=["a", "a"]),  # repeated names
        pd.DataFrame({1: [1]}),  # a name that is not text
        pd.DataFrame({"a": _column(_objects((1, 2)))}),  # a tuple: JSON would give a list
        pd.DataFrame({"a": _column(_objects(np.float64(1.5)))}),  # a numpy scalar, not a float
        pd.DataFrame({"a": pd.period_range("2020", periods=2, freq="M")}),  # no encoding for periods
    ],
)
def test_what_cannot_come_back_exactly_is_not_encoded(frame: pd.DataFrame) -> None:
    assert frame_to_arrow(frame) is None


def test_a_file_this_codec_did_not_write_is_an_error() -> None:
    with pytest.raises(WorkspaceError, match="did not write it"):
        frame_from_arrow(pa.table({"a": [1, 2]}))
    table = frame_to_arrow(pd.DataFrame({"c": pd.Categorical(["x", "y"])}))
    assert table is not None
    repeated = pa.DictionaryArray.from_arrays(pa.array([0, 1], pa.int8()), pa.array(["x", "x"]))
    bad = pa.RecordBatch.from_arrays([repeated], names=["0"], metadata=table.schema.metadata)
    with pytest.raises(WorkspaceError, match="repeat"):
        frame_from_arrow(bad)
    meta = table.schema.metadata[b"workbook.frame"].replace(b'"category"', b'"pickle"')
    with pytest.raises(WorkspaceError, match="did not write it"):
        frame_from_arrow(table.replace_schema_metadata({b"workbook.frame": meta}))


def test_a_frame_that_cannot_be_encoded_keeps_its_place_in_memory(tmp_path: Path) -> None:
    spill = FrameSpill(tmp_path)
    odd = pd.DataFrame({"a": _column(_objects((1, 2)))})
    frames = [pd.DataFrame({"a": _column(_objects("x"))}), odd, pd.DataFrame({"a": _column(_objects(None))})]
    for f in frames:
        spill.append("k", f)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k-000000.arrow", "k-000002.arrow"]
    back = spill.read("k")
    assert back[1] is odd
    for a, b in zip(back, frames, strict=True):
        _assert_same(a, b)
    assert list(tmp_path.iterdir()) == []
