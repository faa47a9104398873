"""List columns as Arrow lists (workbook.lists): conversions, the vectorised operations the build and
curation use, equal to the row-by-row Python they replace; older snapshots (Python-list era) still read."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_tiny_book
from workbook.book import TABLE_NAMES
from workbook.filtering.columns import list_elements
from workbook.lists import (
    LIST_DTYPE,
    arrow_lists,
    arrow_table,
    flat_values,
    frame_of,
    list_lengths,
    list_series,
    lists_from_flat,
    python_lists,
    remap_lists,
    replace_lists,
)
from workbook.model import TABLES, conform, empty_frame
from workbook.workspace import SnapshotTables, read_book, write_snapshot

pytestmark = pytest.mark.unit


def _random_lists(seed: int, n: int = 300) -> list[list[str]]:
    rng = random.Random(seed)
    return [[f"e{rng.randrange(12)}" for _ in range(rng.choice((0, 0, 0, 1, 2, 4)))] for _ in range(n)]


def test_every_declared_list_column_is_an_arrow_list_column() -> None:
    lists = [(t.name, c.name) for t in TABLES.values() for c in t.columns if c.dtype == "list"]
    assert lists == [
        ("entities", "aliases"),
        ("mentions", "candidates"),
        ("claims", "entity_ids"),
        ("events", "entity_ids"),
    ]
    book = make_tiny_book()
    for name, column in lists:
        assert empty_frame(name)[column].dtype == LIST_DTYPE
        assert book.table(name)[column].dtype == LIST_DTYPE, name
        assert all(type(v) is list for v in book.table(name)[column])


def test_conversions_keep_the_cells_and_make_nulls_empty() -> None:
    cells: list[object] = [["a", "b"], None, [], ("c",), "d", np.array(["e", "f"]), float("nan"), ["g", None]]
    want = [["a", "b"], [], [], ["c"], ["d"], ["e", "f"], [], ["g"]]  # a null item is not a value
    s = list_series(pd.Series(cells, dtype=object))
    assert s.dtype == LIST_DTYPE and s.tolist() == want
    assert python_lists(s) == want == python_lists(pd.Series(cells, dtype=object))
    assert list_lengths(s).tolist() == [2, 0, 0, 1, 1, 2, 0, 1]
    assert arrow_lists(pa.array([["x"], None], pa.large_list(pa.large_string()))).to_pylist() == [["x"], []]
    assert list_series(s) is s  # already a list column: not copied


def test_flat_values_is_explode_without_the_empty_rows() -> None:
    data = _random_lists(1)
    s = list_series(pd.Series(data, dtype=object), index=pd.RangeIndex(100, 100 + len(data)))
    positions, values = flat_values(s)
    ex = pd.Series(data, dtype=object).explode().dropna()
    assert positions.tolist() == ex.index.tolist() and values.tolist() == ex.tolist()
    back = lists_from_flat(positions, values, len(data))
    assert back.to_pylist() == data
    with pytest.raises(ValueError, match="sorted"):
        lists_from_flat(np.array([1, 0]), ["a", "b"], 2)


@pytest.mark.parametrize("sort", [True, False])
@pytest.mark.parametrize("seed", [2, 3, 4])
def test_remap_lists_equals_the_row_by_row_mapping(seed: int, sort: bool) -> None:
    data = _random_lists(seed)
    mapping = {"e1": "e2", "e3": "e0", "e5": "e11", "e7": "e7"}
    s = list_series(pd.Series(data, dtype=object), index=pd.RangeIndex(5, 5 + len(data)))

    def one(items: list[str]) -> list[str]:
        if not any(mapping.get(x, x) != x for x in items):
            return items
        out = list(dict.fromkeys(mapping.get(x, x) for x in items))
        return sorted(out) if sort else out

    got = remap_lists(s, lambda _pos, ids: ids.map(lambda x: mapping.get(x, x)), sort=sort)
    assert got.dtype == LIST_DTYPE and got.index.equals(s.index)
    assert got.tolist() == [one(v) for v in data]


def test_remap_lists_sees_the_row_of_each_value() -> None:
    s = list_series([["a", "b"], ["a"], []])
    got = remap_lists(
        s, lambda pos, ids: pd.Series([f"{v}{p}" if p == 1 else v for p, v in zip(pos, ids, strict=True)])
    )
    assert got.tolist() == [["a", "b"], ["a1"], []]


def test_replace_lists_by_index_label() -> None:
    s = list_series([["a"], ["b"], ["c"]], index=pd.Index([10, 20, 30]))
    got = replace_lists(s, {30: ["z", "y"], 10: []})
    assert got.tolist() == [[], ["b"], ["z", "y"]] and got.index.tolist() == [10, 20, 30]
    assert replace_lists(s, {}).tolist() == s.tolist()
    with pytest.raises(KeyError, match="99"):
        replace_lists(s, {99: ["x"]})


def test_written_list_columns_read_back_by_plain_pyarrow_and_pandas(tmp_path: Path) -> None:
    df = conform("claims", make_tiny_book().claims)
    pq.write_table(arrow_table(df), tmp_path / "c.parquet")
    plain = pq.read_table(tmp_path / "c.parquet").to_pandas()  # any reader: numpy arrays per cell, as before
    assert [list(v) for v in plain["entity_ids"]] == df["entity_ids"].tolist()
    assert frame_of(pq.read_table(tmp_path / "c.parquet"))["entity_ids"].dtype == LIST_DTYPE


def test_a_snapshot_of_schema_1_2_reads_as_arrow_lists(tmp_path: Path) -> None:
    """Schema 1.2 wrote list columns from Python lists (pandas metadata: object); they read as Arrow lists,
    equal to today's tables."""
    book = make_tiny_book()
    tables = {n: book.table(n) for n in TABLE_NAMES}
    old = {
        n: t.assign(**{c: t[c].map(list).astype(object) for c in t.columns if t[c].dtype == LIST_DTYPE})
        for n, t in tables.items()
    }
    write_snapshot(tmp_path / "ws", "old", old, {"schema_version": "1.2"})
    snap = tmp_path / "ws" / "snapshots" / "old"
    meta = json.loads(pq.read_schema(snap / "claims.parquet").metadata[b"pandas"])
    assert {c["name"]: c["numpy_type"] for c in meta["columns"]}["entity_ids"] == "object"
    got = read_book(tmp_path / "ws")
    for name in ("entities", "mentions", "claims", "events"):
        pd.testing.assert_frame_equal(got.table(name), conform(name, tables[name]), obj=name)
    lazy = SnapshotTables(snap)
    assert "claims" in lazy and len(lazy) >= len(TABLE_NAMES) - 1
    pd.testing.assert_frame_equal(lazy["claims"], got.claims)


_ITEM = st.none() | st.just(float("nan")) | st.sampled_from(["e1", "e2", "None", "", "é"]) | st.integers(0, 3)
_CELL = st.none() | st.just(float("nan")) | st.lists(_ITEM, max_size=4) | st.tuples(_ITEM, _ITEM)


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(_CELL, max_size=12), as_arrow=st.booleans())
def test_list_items_are_one_reading_for_filters_and_flat_values(cells: list[Any], as_arrow: bool) -> None:
    """A null item (None, NaN, an Arrow null) is not a value: the filters (list_elements) and flat_values
    leave it out alike, for Python cells and for Arrow lists holding nulls; every other item is its text."""
    want = [
        (i, str(x))
        for i, cell in enumerate(cells)
        if cell is not None and not isinstance(cell, float)
        for x in cell
        if x is not None and not (isinstance(x, float) and x != x)
    ]
    if as_arrow:  # Arrow lists of strings with null rows and null items (what another writer may give)
        arrow = pa.array(
            [
                None if c is None or isinstance(c, float) else [None if x is None or x != x else str(x) for x in c]
                for c in cells
            ],
            type=pa.list_(pa.string()),
        )
        s = pd.Series(pd.arrays.ArrowExtensionArray(arrow), index=pd.RangeIndex(5, 5 + len(cells)))
    else:
        s = pd.Series(cells, dtype=object, index=pd.RangeIndex(5, 5 + len(cells)))
    positions, values = flat_values(s)
    assert list(zip(positions.tolist(), values.tolist(), strict=True)) == want
    rows, elements = list_elements(s)
    assert rows.dtype == np.int32 and list(zip(rows.tolist(), elements.to_pylist(), strict=True)) == want
    stored = list_series(s)  # what a table holds: the same items, no "None" text for a null
    assert list(zip(*(a.tolist() for a in flat_values(stored)), strict=True)) == want
