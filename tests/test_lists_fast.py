"""A list column made from Python cells in one Arrow call when every cell is a list of ``str`` (speed round
fourteen) equals the column made cell by cell with :func:`workbook.lists.as_list`, whatever the cells."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.lists import LIST_TYPE, arrow_lists, as_list, list_series

pytestmark = pytest.mark.unit


def _cell_by_cell(cells: list[Any]) -> pa.ChunkedArray:
    return pa.chunked_array([pa.array([as_list(v) for v in cells], type=LIST_TYPE)], type=LIST_TYPE)


class _Named(str):
    def __str__(self) -> str:
        return "another text"


_items = st.one_of(
    st.text(max_size=5),
    st.sampled_from([None, float("nan"), pd.NA, 3, True, b"bytes", np.str_("np"), _Named("named")]),
)
_cells = st.one_of(
    st.lists(st.text(max_size=5), max_size=4),
    st.lists(_items, max_size=4),
    st.lists(_items, max_size=3).map(tuple),
    st.sampled_from([None, float("nan"), "one text", ()]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_cells, max_size=8))
def test_cells_give_the_cell_by_cell_column(cells: list[Any]) -> None:
    assert arrow_lists(cells).equals(_cell_by_cell(cells))
    assert arrow_lists(iter(cells)).equals(_cell_by_cell(cells))
    assert arrow_lists(pd.Series(cells, dtype=object)).equals(_cell_by_cell(cells))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.text(max_size=5), max_size=4), max_size=8))
def test_lists_of_texts_give_the_cell_by_cell_column(cells: list[list[str]]) -> None:
    assert arrow_lists(cells).equals(_cell_by_cell(cells))
    assert list_series(cells).tolist() == [as_list(v) for v in cells]


def test_a_text_that_cannot_be_encoded_fails_as_before() -> None:
    with pytest.raises(UnicodeEncodeError):
        _cell_by_cell([["a\udc80"]])
    with pytest.raises(UnicodeEncodeError):
        arrow_lists([["a\udc80"]])
