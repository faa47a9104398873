"""The learned entity stage's fast forms of speed round fifteen against the forms they replace, kept here as
the reference: a batch's word-table rows looked up straight into an array (new words found by a -1, not by
a ``None`` in a list), and its bool columns made from their bytes; over random batches of words, with the
word table filling up and starting afresh."""

from __future__ import annotations

from itertools import compress
from operator import not_
from typing import cast

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import workbook.extract.ner_words as ner_words
from workbook.extract.ner_featurize import Featurizer, _bools

pytestmark = pytest.mark.unit

_START, _STOP = 0, 1


def reference_rows(table: Featurizer, words: list[str], lens: list[int]) -> np.ndarray:
    """The rows as speed round eleven looked them up (``dict.get`` into a list, ``None`` for a new word)."""
    index = table._table.index
    looked_up = list(map(index.get, words))
    known: list[int]
    if None not in looked_up:
        known = cast("list[int]", looked_up)
    else:
        new = list(dict.fromkeys(compress(words, map(not_, looked_up))))
        if len(table._table) + len(new) > ner_words._WORD_LIMIT and len(table._table) > ner_words.NULL + 1:
            table._new_table()
            table._add(list(dict.fromkeys(words)))
            known = list(map(table._table.index.__getitem__, words))
        else:
            table._add(new)
            rows = dict(zip(new, map(index.__getitem__, new), strict=True))
            known = cast("list[int]", list(map(rows.get, words, looked_up)))
    n = np.asarray(lens, dtype=np.intp)
    out = np.full(len(words) + 4 * len(n), _START, dtype=np.int64)
    ends = np.cumsum(n + 4)
    out[ends - 1] = _STOP
    out[ends - 2] = _STOP
    out[np.arange(len(words)) + 2 + 4 * np.repeat(np.arange(len(n)), n)] = known
    return out


_WORDS = st.sampled_from(
    ["Kim", "kim", "the", "Bank", "of", "England", "Real", "Madrid", ".", ",", "’s", "ǅemal", "١٢"]
)
_BATCHES = st.lists(st.lists(st.lists(_WORDS | st.text(min_size=1, max_size=6), max_size=12), max_size=5), max_size=6)


@settings(max_examples=150, deadline=None)
@given(_BATCHES, st.sampled_from([8, 20, 1 << 18]))
def test_batch_rows_are_the_reference_rows(batches: list[list[list[str]]], limit: int) -> None:
    fast, slow = Featurizer(12), Featurizer(12)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ner_words, "_WORD_LIMIT", limit)  # small limits: the table fills and starts afresh
        for docs in batches:
            words = [w for d in docs for w in d]
            lens = [len(d) for d in docs]
            at = np.arange(len(words)) + 2 + 4 * np.repeat(np.arange(len(lens)), lens)
            rows, tok_rows = fast._rows(words, lens, at)
            expected = reference_rows(slow, words, lens)
            assert np.array_equal(rows, expected)
            assert np.array_equal(tok_rows, expected[at])
            assert [fast._table.text[r] for r in tok_rows.tolist()] == words


@settings(max_examples=100, deadline=None)
@given(st.lists(st.booleans(), max_size=50))
def test_bool_columns_are_those_of_numpy_array(values: list[bool]) -> None:
    assert np.array_equal(_bools(values), np.array(values, dtype=bool))
    assert _bools(values).dtype == bool
    numpy_bools = list(np.array(values, dtype=bool))  # numpy's own bools, which ``bytes`` refuses
    assert np.array_equal(_bools(numpy_bools), np.array(values, dtype=bool))
