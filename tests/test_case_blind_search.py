"""Case-blind patterns searched case-sensitively over the text lowered
(:class:`workbook.extract.phrase_regex.CaseBlindSearch`) find exactly what ``re.IGNORECASE`` finds:
the hedges (against the hedge list's pattern written out plainly here) and the event kinds' cues, for
any text and window; and the letters where lowering and ``re.IGNORECASE`` disagree are the three the
search falls back on, over every code point."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import events, hedges
from workbook.extract.events import guess_kind
from workbook.extract.hedges import HEDGE_BANDS, band_of, find_hedges
from workbook.extract.phrase_regex import CaseBlindSearch

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
    "Launched",
    "TEST-FIRED",
    "Talks",
    "war games",
    "Print Edition",
    "on Monday",
    "May 3",
    "2024",
    "-",
    "’",
    ".",
    ",",
    '"',
]
_SEPARATORS = [" ", " ", " ", "  ", "\n", "", "-", "’", "'", ". ", "\u00a0"]


def _outcome(text: str, start: int, end: int | None) -> object:
    """The hedges found (an error fails the test: a hedge spelled with "ı" once raised KeyError)."""
    return find_hedges(text, start, end)


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
        mp.setattr(hedges, "_search", lambda: CaseBlindSearch(_CASE_BLIND, _CASE_BLIND))
        expected = _outcome(text, start, end)
    assert found == expected
    assert hedges._search().spans(text, start, min(end, len(text))) == [
        (m.start(), m.end(), None) for m in _CASE_BLIND.finditer(text, start, end)
    ]


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.integers(0, 60), st.integers(0, 60), st.integers(1, 12))
def test_event_kinds_read_as_with_the_case_blind_pattern(text: str, sent_start: int, start: int, length: int) -> None:
    sent_start = min(sent_start, len(text))
    start = min(sent_start + start, len(text))
    end = min(start + length, len(text))
    found = guess_kind(text, start, end, sent_start, len(text))
    blind = events._CUES.blind
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(events, "_CUES", CaseBlindSearch(blind, blind))
        assert found == guess_kind(text, start, end, sent_start, len(text))
    assert events._CUES.spans(text, sent_start, len(text)) == [
        (m.start(), m.end(), m.lastgroup) for m in blind.finditer(text, sent_start)
    ]


def test_lowering_and_ignorecase_disagree_only_on_the_three_letters_searched_case_blind() -> None:
    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    one_char = "".join(c for c in every if len(c.lower()) == 1)
    lowered = one_char.lower()
    differ = set()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        blind = {m.start() for m in re.finditer(letter, one_char, re.IGNORECASE)}
        exact = {m.start() for m in re.finditer(letter, lowered)}
        differ |= {one_char[i] for i in blind ^ exact}
    for cls in (r"\w", r"\s", r"\d"):  # classes keep their members when lowered
        a = {m.start() for m in re.finditer(cls, one_char)}
        b = {m.start() for m in re.finditer(cls, lowered)}
        differ |= {one_char[i] for i in a ^ b}
    assert differ == {"ı", "ſ"}
    assert {c for c in every if len(c.lower()) != 1} == {"İ"}


def test_a_pattern_with_capitals_is_refused() -> None:
    with pytest.raises(ValueError):
        CaseBlindSearch.of(r"\bA\w+")


def test_special_letters_fall_back_to_the_case_blind_search() -> None:
    assert [h.word for h in find_hedges("İstanbul is LIKELY to vote; Kelvin is likely.")] == ["likely", "likely"]
    assert [h.word for h in find_hedges("It is ſeemingly odd; it ſeems to work.")] == ["seems"]
    # "ı" and "İ" match "i" case-blind and are read as "i" (the search once raised KeyError on them)
    assert [(h.word, h.band) for h in find_hedges("It is possıbly so; it is POSSİBLY not.")] == [
        ("possibly", band_of("possibly")),
        ("possibly", band_of("possibly")),
    ]


_EDGES = [
    "unlikely, Likely; possibly-not likely",
    "It is thought, not believed.MAY it? The Might of May 3 may not.",
    "retested launched; Talks-met TEST-FIRED at war  games, said KCNA.",
    "İt may; ıt may; ſeems likely",
]


@pytest.mark.parametrize("text", _EDGES)
def test_every_window_start_and_end_of_edge_texts(text: str) -> None:
    for start in range(len(text) + 1):
        for end in (start + 3, start + 9, len(text)):
            assert hedges._search().spans(text, start, min(end, len(text))) == [
                (m.start(), m.end(), None) for m in _CASE_BLIND.finditer(text, start, end)
            ]
            blind = events._CUES.blind
            assert events._CUES.spans(text, start, min(end, len(text))) == [
                (m.start(), m.end(), m.lastgroup) for m in blind.finditer(text, start, end)
            ]
