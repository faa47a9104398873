"""find_hedges searches a lowered copy of its window case-sensitively: it finds exactly what the
case-blind pattern of the hedge list (written out plainly here) finds, for any text and window."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import hedges
from workbook.extract.hedges import HEDGE_BANDS, find_hedges

_PHRASES = sorted(HEDGE_BANDS, key=len, reverse=True)
_CASE_BLIND = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in _PHRASES) + r")(?![\w-])",
    re.IGNORECASE,
)
_WORDS = [w for p in _PHRASES for w in p.split()]
_PIECES = [
    *_WORDS,
    *(w.upper() for w in _WORDS[::3]),
    *(w.title() for w in _WORDS[1::3]),
    *(w[:-1] for w in _WORDS[::4]),
    "not",
    "n't",
    "never",
    "the",
    "as soon as",
    "in",
    "Theresa",
    "26",
    "İ",  # lowered to two characters
    "ı",  # read as "i" by re.IGNORECASE, kept by lower()
    "ſ",  # read as "s" likewise
    "K",  # Kelvin sign: lowered to "k"
    "uNLİKELY",
    "ſeems",
    "possıbly",
    "—",
    "-",
    "’",
    ".",
    ",",
    '"',
]
_SEPARATORS = [" ", " ", " ", "  ", "\n", "", "-", "’", "'", ". ", "\u00a0"]


def _case_blind(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [m.span() for m in _CASE_BLIND.finditer(text, lo, hi)]


def _outcome(text: str, start: int, end: int | None) -> object:
    """The hedges found, or the error raised (main's case-blind search raises KeyError on a hedge
    spelled with "ı", which stays "ı" case-folded and so is no key of HEDGE_BANDS: kept as it was)."""
    try:
        return find_hedges(text, start, end)
    except KeyError as e:
        return ("KeyError", str(e))


_TEXTS = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=40).map(
    lambda parts: "".join(p + s for p, s in parts)
) | st.text(alphabet=st.sampled_from("mayMAYlikeLYnotseemſıİK -’'\n."), max_size=60)


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.integers(0, 80), st.integers(0, 400))
def test_lowered_search_finds_what_the_case_blind_pattern_finds(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = start + length
    found = _outcome(text, start, end)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(hedges, "_spans", _case_blind)
        expected = _outcome(text, start, end)
    assert found == expected


def test_special_letters_fall_back_to_the_case_blind_search() -> None:
    assert [h.word for h in find_hedges("İstanbul is LIKELY to vote; Kelvin is likely.")] == ["likely", "likely"]
    assert [h.word for h in find_hedges("It is ſeemingly odd; it ſeems to work.")] == ["seems"]
    with pytest.raises(KeyError):  # as on main: "possıbly" case-folded is no key of HEDGE_BANDS
        find_hedges("It is possıbly so.")
