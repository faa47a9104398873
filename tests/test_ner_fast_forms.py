"""The learned entity stage's fast forms (speed round eleven) against the forms they replace, kept here as
the reference: the tokens (line breaks, sentence punctuation, hyphenated particles and possessives found
by a search of the text instead of a look at every token), on made-up texts in several topics and on
random ones; the featurizer's remembered spellings (a store of rows) past their limit; the row numbers of
a spelling's words packed into fewer sort keys; the pooled sums by ``bincount`` instead of ``np.add.at``;
the weights' rows gathered by ``np.take``."""

from __future__ import annotations

import re
from itertools import accumulate, compress, repeat
from operator import add, itemgetter, or_, sub

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.ner_features import Tokens, candidates, tokens
from workbook.extract.ner_featurize import Featurizer, _row_numbers, id_index
from workbook.extract.ner_model import default_entity_model

pytestmark = pytest.mark.unit

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[-'’&]\w+)*|[^\w\s]")
_PAIRS = re.compile(rf"(\s*)({_TOKEN.pattern})")
_POSSESSIVE_END = re.compile(r"(?<=\w)['’][sS](?!\w)")
_OPENS_NEXT = frozenset('.!?:;"“”‘()[]—–•|')  # no apostrophes
_PARTICLES = frozenset(["al", "el", "ad", "ad", "ash", "as", "at", "az", "bin", "ibn", "abu"])


def _particle_cap(word: str) -> bool:
    head, _, tail = word.partition("-")
    return head.casefold() in _PARTICLES and tail[:1].isupper()


def reference_tokens(text: str) -> Tokens:
    """The tokens as speed round ten made them (a look at every token's gap, word and hyphen)."""
    pairs = _PAIRS.findall(text)
    if not pairs:
        return Tokens([], [], [], [], [], [])
    gaps = list(map(itemgetter(0), pairs))
    words = list(map(itemgetter(1), pairs))
    sizes = list(map(len, words))
    ends = list(accumulate(map(add, map(len, gaps), sizes)))
    starts = list(map(sub, ends, sizes))
    n = len(words)
    initial = list(map(str.__contains__, gaps, repeat("\n")))
    initial[0] = True
    initial[1:] = map(or_, initial[1:], map(_OPENS_NEXT.__contains__, words[:-1]))
    caps = list(map(str.isupper, map(itemgetter(0), words)))
    if "-" in text:
        for k in compress(range(n), map(str.__contains__, words, repeat("-"))):
            if not caps[k] and words[k][0].isalpha():
                caps[k] = _particle_cap(words[k])
    lows = list(map(str.casefold, words))
    toks = Tokens(starts, ends, words, lows, caps, initial)
    if "'" in text or "’" in text:
        at = dict(zip(ends, range(n), strict=True))
        found = [at.get(m.end()) for m in _POSSESSIVE_END.finditer(text)]
        for k in reversed([j for j in found if j is not None and sizes[j] > 2]):
            e = toks.end[k]
            w = toks.text[k][:-2]
            toks.cap[k] = toks.cap[k] or (w[0].isalpha() and "-" in w and _particle_cap(w))
            toks.end[k], toks.text[k], toks.lower[k] = e - 2, w, w.casefold()
            toks.start.insert(k + 1, e - 2)
            toks.end.insert(k + 1, e)
            toks.text.insert(k + 1, text[e - 2 : e])
            toks.lower.insert(k + 1, text[e - 2 : e].casefold())
            toks.cap.insert(k + 1, False)
            toks.initial.insert(k + 1, False)
    return toks


#: made-up texts: sport, courts, business, science, local news, defence, and edges
TEXTS = [
    'Striker Ana Lopez of Real Madrid scored twice; Coach Tom Reed said: "We won." (The fans cheered!)',
    "Judge Mary O'Neil of the Supreme Court's bench ruled. Sgt. Ana Ruiz's testimony — for the State — held.",
    "Shares of Acme Corp & Sons' rivals rose; CEO Li Wei met the U.S. Treasury’s chief. [Monday] The end?",
    "Dr. Ada Byrne at the Max Planck Institute said the Hadron Collider's 2nd run ‘worked’ – NASA’S view.",
    "The Springfield City Council met on Tuesday.\n\nMayor Joe Quimby spoke|then left • bye\r\nNext item",
    "The KN-23 and F-16 flew; al-Baghdadi's men and bin-Laden fled. ibn-Sina, abu-Bakr, al-qaeda, Al-Jazeera's",
    "a-B -x - -- x- al- al-X's IBN-Sina’s aL-Zawahiri ſ's don't isn't it’s O'Brien's 1990's X’S",
    "",
    "  \n ",
    "'s",
    "A",
    "\n.\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_are_the_reference_tokens(text: str) -> None:
    assert tokens(text)._columns() == reference_tokens(text)._columns()


_PIECES = ["Kim", "al-Sadr", "bin-Laden", "U.S.", "don't", "Korea's", "Ruiz’s", "NASA'S", "x-Y", "-", "--", "'s"]
_PIECES += [*".!?:;\"“”'‘’()[]—–•|,-&", "\n", "\n\n", " ", "  ", "\t", "a", "é", "9", "_"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_random_texts_give_the_reference_tokens(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert tokens(text)._columns() == reference_tokens(text)._columns()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_any_text_gives_the_reference_tokens(text: str) -> None:
    assert tokens(text)._columns() == reference_tokens(text)._columns()


def _ids(vec: Featurizer, texts: list[str]) -> np.ndarray:
    docs = []
    for text in texts:
        toks = tokens(text)
        docs.append((toks, np.array(candidates(text, toks), dtype=np.int64).reshape(-1, 6)))
    return vec.matrix(docs, lambda s: "place" if s in ("Real Madrid", "Bank of England") else None)


@pytest.mark.parametrize("limit", [1, 4, 40])
def test_spellings_remembered_past_their_limit_give_the_same_ids(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    import workbook.extract.ner_words as words

    fresh = [_ids(Featurizer(14), [t]) for t in TEXTS]
    vec = Featurizer(14)
    monkeypatch.setattr(words, "SPELLING_LIMIT", limit)
    for _ in range(3):  # the store grows, starts afresh at the limit, and is read again
        assert all(np.array_equal(_ids(vec, [t]), f) for t, f in zip(TEXTS, fresh, strict=True))
        assert np.array_equal(_ids(vec, TEXTS), np.concatenate(fresh))


def _reference_row_numbers(rows: np.ndarray) -> np.ndarray:
    return np.unique(rows, axis=0, return_inverse=True)[1].reshape(-1)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 40),
    st.integers(1, 7),
    st.sampled_from([2, 5, 1 << 21, 1 << 40]),
    st.randoms(use_true_random=False),
)
def test_row_numbers_are_those_of_unique_rows(n: int, width: int, top: int, rng: object) -> None:
    rows = np.array([[rng.randrange(-1, top) for _ in range(width)] for _ in range(n)], dtype=np.int64)  # type: ignore[attr-defined]
    if n:
        rows[n // 2] = rows[0]  # equal rows
    assert _row_numbers(rows).tolist() == _reference_row_numbers(rows).reshape(-1).tolist()


def _reference_pool(pooling: float, key: np.ndarray, n_keys: int, probs: np.ndarray) -> np.ndarray:
    out = probs.astype(np.float64)
    sums = np.zeros((n_keys, probs.shape[1]), dtype=np.float64)
    np.add.at(sums, key, probs)
    counts = np.bincount(key, minlength=n_keys)[:, None]
    return (1 - pooling) * out + pooling * (sums / counts)[key]


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 300), st.integers(1, 50), st.randoms(use_true_random=False))
def test_pooled_sums_are_those_of_add_at(n: int, n_keys: int, rng: object) -> None:
    model = default_entity_model()
    key = np.array([rng.randrange(n_keys) for _ in range(n)], dtype=np.int64)  # type: ignore[attr-defined]
    key = np.unique(key, return_inverse=True)[1].reshape(-1).astype(np.int64)  # every number used
    n_keys = int(key.max()) + 1 if n else 0
    probs = np.array([[rng.random() for _ in range(5)] for _ in range(n)], dtype=np.float32).reshape(n, 5)  # type: ignore[attr-defined]
    probs /= np.maximum(probs.sum(axis=1, keepdims=True), 1e-9)
    plain = type(model)(model.weights, model.bias, model.classes, model.bits, "t", pooling=0.5, consistency=0.0)
    assert (
        plain._pool(key, n_keys, probs).tobytes()
        == _reference_pool(0.5, key, n_keys, probs).astype(np.float32).tobytes()
    )


def test_probabilities_are_those_of_the_indexed_weights() -> None:
    model = default_entity_model()
    ids = _ids(model._featurizer, TEXTS)
    cols, offsets = id_index(ids, model._featurizer.absent)
    scores = np.add.reduceat(model.weights[cols], offsets[:-1], axis=0) + model.bias
    scores -= scores.max(axis=1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=1, keepdims=True)
    assert len(ids) > 50
    assert model.probabilities(ids).tobytes() == scores.tobytes()
