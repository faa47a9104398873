"""The gendered role before a mention is searched in less of its window, with the same result.

:func:`workbook.extract.speaker_gender._role_before` searches :data:`~workbook.extract.speaker_words.ROLE_GENDER`
only when the lowered window holds "man" with a comma after it, and from 10 characters before the first
"man" on (no role is longer before its "man"). Compared here with the plain search of the whole 80-character
window at every offset of edge texts and of random texts made of the roles, their pieces, names and marks.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.speaker_gender import _role_before
from workbook.extract.speaker_words import ROLE_GENDER

pytestmark = pytest.mark.unit

_WORDS = [
    "spokeswoman",
    "Spokesman",
    "CHAIRMAN",
    "congresswoman",
    "businessman",
    "policewoman",
    "man",
    "woman",
    "human",
    "Manning",
    "German",
    "for",
    "the",
    "club",
    "Dr.",
    "Gen.",
    "Ana",
    "Ruiz",
    "ſpokesman",
    "Ӎan",
]
_SEPARATORS = [" ", " ", " ", ", ", ",", ". ", "\n", ";", "", "-"]


def _plain(text: str, at: int) -> object:
    m = ROLE_GENDER.search(text, max(0, at - 80), at)
    return None if m is None else (m.span(), m.group("role"))


def _fast(text: str, at: int) -> object:
    lowered = text.lower()
    m = _role_before(text, lowered if len(lowered) == len(text) else None, at)
    return None if m is None else (m.span(), m.group("role"))


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = _WORDS + [w[-4:] for w in _WORDS] + ["x" * 30, "Caroline Leclerc"]
    return ["".join(rng.choice(pieces) + rng.choice(_SEPARATORS) for _ in range(rng.randint(1, 25))) for _ in range(n)]


_EDGES = [
    "A spokeswoman for the department, Caroline Leclerc",
    "The congresswoman from Ohio, Dr. Ana Ruiz",
    "human rights, chairman of the board, Gen. ",
    "x" * 75 + "wo man, ",
]


def test_the_narrowed_search_finds_what_the_whole_window_finds() -> None:
    found = 0
    for text in [*_texts(1500, 16), *_EDGES]:
        for at in range(len(text) + 1):
            plain = _plain(text, at)
            found += plain is not None
            assert _fast(text, at) == plain, (text, at)
    assert found > 500


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)).map("".join), max_size=20).map("".join)
)
def test_the_narrowed_search_on_random_texts(text: str) -> None:
    for at in range(len(text) + 1):
        assert _fast(text, at) == _plain(text, at), (text, at)
