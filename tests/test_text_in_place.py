"""The text search scans the given text in place (ASCII letters folded) and keeps a lower-cased copy only
of rows that Unicode lower-casing changes beyond ASCII: it finds exactly the rows whose ``utf8_lower``
holds the lower-cased needle, whichever rows are copied and however the column is chunked."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.filtering import text as text_module
from workbook.filtering.query import match_query
from workbook.filtering.text import TextColumn, lower

#: ASCII in both cases, punctuation RE2 treats specially, and characters whose lower-casing is special:
#: Kelvin sign and dotted capital I (lower-case to ASCII), sharp s, long s (RE2 folds it to "s"),
#: Greek capitals, a title-case digraph, curly quotes and a dash (non-ASCII, no case).
_ALPHABET = "aAbBkKsSiI .*(\n\u212a\u0130\u00df\u1e9e\u017f\u03a3\u03c3\u01c5\u2019\u2014\u00e9\u00c9"


def _reference(texts: list[str | None], needle: str) -> list[bool]:
    return [t is not None and lower(needle) in lower(t) for t in texts]


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(st.text(alphabet=_ALPHABET, max_size=14) | st.none(), max_size=8),
    needle=st.text(alphabet=_ALPHABET, min_size=1, max_size=3),
    split=st.integers(min_value=0, max_value=8),
)
def test_every_method_finds_what_python_finds_in_utf8_lower(texts: list[str | None], needle: str, split: int) -> None:
    expected = _reference(texts, needle)
    chunks = [pa.array(texts[:split], type=pa.string()), pa.array(texts[split:], type=pa.string())]
    for values in (pd.Series(pd.array(texts, dtype="string")), pa.chunked_array(chunks)):
        column = TextColumn.build(values)
        for method in ("auto", "scan", "re2"):
            assert column.contains(needle, method=method).tolist() == expected, method


def test_only_rows_lower_cased_beyond_ascii_are_copied() -> None:
    texts = ["Plain ASCII", "curly \u2019quote\u2019 \u2014 dash", "\u00c9T\u00c9", None, "\u212a is kelvin"]
    texts.append("caf\u00e9")
    column = TextColumn.build(pd.Series(texts, dtype="string"))
    assert column.kept_rows.tolist() == [2, 4]
    assert column.kept.to_pylist() == ["\u00e9t\u00e9", "k is kelvin"]
    assert column.contains("k is").tolist() == [False, False, False, False, True, False]
    assert column.contains("\u00e9t\u00e9").tolist() == [False, False, True, False, False, False]
    assert column.contains("CAF\u00c9").tolist() == [False, False, False, False, False, True]
    assert column.nbytes < 200


def test_the_scan_in_small_pieces_finds_matches_across_piece_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["xx MISSILE launch", "no", "a Missile", "missiles and more missiles", None, "MiSsIlE"] * 3
    whole = TextColumn.build(pd.Series(texts, dtype="string")).contains("missile", method="scan")
    monkeypatch.setattr(text_module, "_SCAN_BYTES", 3)
    pieces = TextColumn.build(pd.Series(texts, dtype="string"))
    np.testing.assert_array_equal(pieces.contains("missile", method="scan"), whole)
    assert whole.tolist() == _reference(texts, "missile")


def test_search_syntax_over_copied_and_in_place_rows() -> None:
    texts = ["PYONGYANG said", "\u00c9COLE in Pyongyang", "Phyongyang \u2014 KCNA", None]
    column = TextColumn.build(pd.Series(texts, dtype="string"))
    assert match_query("pyongyang", column).tolist() == [True, True, True, False]
    assert match_query("\u00e9cole", column).tolist() == [False, True, False, False]
    assert match_query("pyong*", column).tolist() == [True, True, True, False]
    assert pc.utf8_lower(pa.array(texts)).to_pylist() == column.lowered().to_pylist()


def test_lowered_rows_of_a_chunked_column_in_any_order() -> None:
    texts = ["A", "\u00c9b", None, "Cd", "eF", "G\u212a"]
    chunked = pa.chunked_array(
        [pa.array(texts[:2]), pa.array([], type=pa.string()), pa.array(texts[2:5]), pa.array(texts[5:])]
    )
    column = TextColumn.build(chunked)
    expected = pc.utf8_lower(pa.array(texts)).to_pylist()
    for rows in ([5, 0, 1, 3], [2, 2, 4], [], [0, 1, 2, 3, 4, 5]):
        assert column.lowered(np.array(rows, dtype=np.int64)).to_pylist() == [expected[r] for r in rows]
