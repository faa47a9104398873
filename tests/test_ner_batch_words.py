"""The learned entity stage's fast forms of speed round fifteen against the forms they replace, kept here as
the reference: a batch's word-table rows looked up straight into an array (new words found by a -1, not by
a ``None`` in a list), and its bool columns made from their bytes; over random batches of words, with the
word table filling up and starting afresh (words too long for the CRC tables among them); and the
decoding's thresholds by shape read for the whole batch with numpy, not per candidate."""

from __future__ import annotations

import dataclasses
import random
from itertools import compress
from operator import not_
from typing import cast

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import workbook.extract.ner_words as ner_words
from workbook.extract.ner_features import Candidate, Tokens, candidates, tokens
from workbook.extract.ner_featurize import Featurizer, _bools
from workbook.extract.ner_model import EntityModel, ScoredSpan, _weak, default_entity_model

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
    [
        "Kim",
        "kim",
        "the",
        "Bank",
        "of",
        "England",
        "Real",
        "Madrid",
        ".",
        ",",
        "’s",
        "ǅemal",
        "١٢",
        "x" * 60,
        "€" * 70,
        "a" * 201,
    ]
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
            rows, tok_rows = fast._rows(words, np.array(lens, dtype=np.intp), at)
            expected = reference_rows(slow, words, lens)
            assert np.array_equal(rows, expected)
            assert np.array_equal(tok_rows, expected[at])
            assert [fast._table.text[r] for r in tok_rows.tolist()] == words
            table = fast._table  # a number per lower-case form, in the order the rows were added
            numbers: dict[str, int] = {}
            expected_ids = [numbers.setdefault(w.casefold(), len(numbers)) for w in table.text]
            assert table.low_id[: len(table)].tolist() == expected_ids


@settings(max_examples=100, deadline=None)
@given(st.lists(st.booleans(), max_size=50))
def test_bool_columns_are_those_of_numpy_array(values: list[bool]) -> None:
    assert np.array_equal(_bools(values), np.array(values, dtype=bool))
    assert _bools(values).dtype == bool
    numpy_bools = list(np.array(values, dtype=bool))  # numpy's own bools, which ``bytes`` refuses
    assert np.array_equal(_bools(numpy_bools), np.array(values, dtype=bool))


_TEXTS = [
    "Striker Ana Lopez of Real Madrid scored twice; Coach Tom Reed said the FIFA panel agreed. Lopez left.",
    "Judge Mary O'Neil of the Supreme Court ruled. The ACLU and Sgt. Ana Ruiz said so. NATO Summit ends.",
    "Shares of Acme Corp rose; CEO Li Wei met the U.S. Treasury chief. Acme said IBM and GE fell.",
    "Dr. Ada Byrne at the Max Planck Institute said the Hadron Collider run worked, NASA said. Byrne agreed.",
    "The Springfield City Council met on Tuesday. Mayor Joe Quimby of Springfield spoke. KPA units drilled.",
    "Green Tea Or White Tea? Green Green Tea. Market Watch: Court News said Rich Young of Fleet Street won.",
]


def reference_decode(
    model: EntityModel, toks: Tokens, cands: list[Candidate], probs: np.ndarray, weak: np.ndarray
) -> list[ScoredSpan]:
    """One document's decoding as speed round fourteen did it (the thresholds by shape read per candidate),
    with round nineteen's person of common words (``threshold_common``)."""
    best = probs[:, 1:].argmax(axis=1) + 1
    one, multi, acronym = model.threshold, model.threshold_multi_org, model.threshold_acronym
    multi = one if multi is None else multi
    acronym = one if acronym is None else acronym
    by_shape = multi != one or acronym != one
    keep = np.flatnonzero(probs[:, 0] < max(one, multi, acronym))
    order = keep[np.argsort(probs[keep, 0], kind="stable")]
    txt, lows = toks.text, toks.lower
    taken = bytearray(len(toks) + 1)
    found = []
    for k in order.tolist():
        i, j, kind, p_none = cands[k][0], cands[k][1], model.classes[best[k]], float(probs[k, 0])
        org = kind in ("organization", "other")
        if by_shape and p_none >= (
            (multi if org else one) if j - i > 1 else acronym if len(txt[i]) > 1 and txt[i].isupper() else one
        ):
            continue
        letters = [w for w in lows[i:j] if w.isalpha()]
        plain = bool(letters) and all(len(w) > 1 and w in model.common for w in letters)
        if model.threshold_common is not None and kind == "person" and plain and p_none >= model.threshold_common:
            continue
        if taken.find(1, i, j) >= 0:
            continue
        taken[i:j] = b"\x01" * (j - i)
        left = lows[i - 1] if i > 0 else ""
        span = (cands[k][4], cands[k][5], kind, float(probs[k, best[k]]), p_none, tuple(txt[i:j]), left, bool(weak[k]))
        found.append(ScoredSpan(*span))
    return sorted(found, key=lambda s: s.start)


@settings(max_examples=120, deadline=None)
@given(
    st.sampled_from(_TEXTS),
    st.sampled_from([0.3, 0.5, 0.6, 0.8]),
    st.sampled_from([None, 0.3, 0.5, 0.6, 0.8]),
    st.sampled_from([None, 0.3, 0.5, 0.6, 0.8]),
    st.sampled_from([None, 0.2, 0.4, 0.6]),
    st.randoms(use_true_random=False),
)
def test_decoding_with_thresholds_by_shape_is_the_reference(
    text: str, one: float, multi: float | None, acronym: float | None, common: float | None, rng: random.Random
) -> None:
    model = dataclasses.replace(
        default_entity_model(),
        threshold=one,
        threshold_multi_org=multi,
        threshold_acronym=acronym,
        threshold_common=common,
    )
    toks = tokens(text)
    cands = candidates(text, toks)
    raw = np.array([[rng.random() for _ in model.classes] for _ in cands], dtype=np.float32).reshape(-1, 5)
    probs = (raw / np.maximum(raw.sum(axis=1, keepdims=True), 1e-6)).astype(np.float32)
    expected = reference_decode(model, toks, cands, model.pool(toks, cands, probs), _weak(toks, cands))
    assert model.decode(toks, cands, probs) == expected
    batch = model.predict_batch([(text, None)], lambda s: None)[0][0]  # the batch's form, scored by the model
    scored = model.score_text(text, lambda s: None)
    assert batch == model.decode(*scored)
