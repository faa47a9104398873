"""speed25's pre-checks skip only texts where the scans cannot match: every match of ``firm_cues._POSSESSIVE``,
``firm_cues._KIND_BEFORE``, ``firm_cues._DEED``, ``firm_cues._LIST`` and ``person_notices._AFTER_FAMILY_WORD`` holds
its check's piece, on made-up texts and on random texts of the patterns' own words (hypothesis), and a text without
the piece is skipped; the patterns matched from :func:`pair_capitals` and the reporting cue searched from the
characters before words find what ``finditer`` finds."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import (
    firm_cues,
    person_casts,
    person_context,
    person_firms,
    person_notices,
    person_shapes,
    speaker_unnamed,
    trade_bodies,
)
from workbook.extract.claim_phrases import CUE
from workbook.extract.firm_cues import FIRM_KIND_WORDS
from workbook.extract.shared_scans import capital_pair_matches, pair_capitals

_TEXTS = (
    "Ryanair cut its profit forecast on Monday. Glencore and Anglo American both\tcut their output forecasts.",
    "Sainsbury's chief executive said sales rose. Centrica’s shareholders voted on Tuesday.",
    "Tesco's full-year profits fell, and Unilever's share price slipped after Aviva's chairman spoke.",
    "Shares of the airline Qantas rose. The regulator Ofgem, which sets the cap, said the train operator\tNorthern"
    " would pay. The supplier, Bakkavor, said it would close.",
    "Beloved wife of the late Samuel, mother of Adaeze and Paul. He was father to Hope\tand Lincoln.",
    "Survived by his sons of Leeds, Tomasz and Ravi; grandmother\tto\tEliska. Fiancée of Jun.",
)
_CHECKS: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...] = (
    (firm_cues._DEED, firm_cues._deed_may_match),
    (firm_cues._LIST, firm_cues._list_may_match),
    (firm_cues._POSSESSIVE, lambda t: any(c.search(t) for c in firm_cues._POSSESSIVE_CHECKS)),
    (firm_cues._KIND_BEFORE, firm_cues._kind_before_may_match),
    (person_notices._AFTER_FAMILY_WORD, person_notices._family_word_may_match),
)
#: Patterns matched from :func:`pair_capitals` only.
_PAIR_PATTERNS = (
    firm_cues._SAID,
    person_firms._FIRM,
    person_shapes._TWO_WORDS,
    person_shapes._CAPITAL_PARTICLE,
    person_context._GIVEN_BEFORE_FAMILY,
    trade_bodies._TRADE_RUN,
    trade_bodies._END_WORD_RUN,
)
_WORDS = [
    "Ostrava",
    "Logistics",
    "Marine",
    "Le",
    "De",
    "la",
    "Pen",
    "Mc",
    "McKay",
    "O’Neill",
    "Bankman-Fried",
    "U.S.",
    "Zoë",
    ".",
    "Ryanair",
    "Glencore",
    "Network",
    "Rail",
    "said",
    "has",
    "cut",
    "its",
    "forecast",
    "won",
    "a",
    "contract",
    "Vodafone",
    "Virgin",
    "Media",
    "Sainsbury's",
    "Centrica’s",
    "Tesco",
    "'s",
    "’s",
    "chief",
    "executive",
    "financial",
    "officer",
    "chairman",
    "chairwoman",
    "shareholders",
    "share",
    "price",
    "annual",
    "full-year",
    "pre-tax",
    "profits",
    "results",
    "the",
    "The",
    "train",
    "of",
    "to",
    "late",
    "and",
    "&",
    ",",
    "Samuel",
    "Adaeze",
    "O'Hara",
    "wife",
    "mother",
    "sons",
    "son",
    "fiancée",
    "person",
    *sorted(FIRM_KIND_WORDS)[::3],
]


def _holds_check(text: str) -> None:
    for pattern, holds in _CHECKS:
        for m in pattern.finditer(text):
            assert holds(m.group(0)), (pattern.pattern[:40], m.group(0))
            assert holds(text), (pattern.pattern[:40], text)
    for pattern in _PAIR_PATTERNS:
        assert [m.span() for m in capital_pair_matches(pattern, text)] == [m.span() for m in pattern.finditer(text)]
    # a list member before a person: every match before the person ends with a gap's last mark
    for m in person_casts._PAIR_BEHIND.finditer(text):
        assert text[: m.end()].rstrip(" \t").endswith(person_casts._GAP_ENDS), m.group(0)


def test_every_match_of_the_made_up_texts_holds_its_check() -> None:
    for text in _TEXTS:
        _holds_check(text)
    for pattern, _ in _CHECKS:  # the texts match every pattern, tabs too
        assert any(pattern.search(t) for t in _TEXTS), pattern.pattern[:40]
    assert person_notices._AFTER_FAMILY_WORD.search("grandmother\tto\tEliska.")
    assert person_notices._family_word_may_match("grandmother\tto\tEliska.")
    assert firm_cues._kind_before_may_match("the train operator\tNorthern")


def test_texts_without_the_piece_are_skipped() -> None:
    assert not any(c.search("Kim's visit. The chief of staff.") for c in firm_cues._POSSESSIVE_CHECKS)
    assert not firm_cues._kind_before_may_match("The company. A firmly held view of the union")
    assert firm_cues._kind_before_may_match("the union Verdi")
    assert not person_notices._family_word_may_match("The person of the year and the reason to go")
    assert not firm_cues._list_may_match("Vodafone, Virgin Media and others")
    assert firm_cues._list_may_match("Vodafone, Virgin Media\tand TalkTalk")
    assert person_notices._family_word_may_match("the son of Tom")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=14), st.sampled_from([" ", "\t", "  ", " \t"]))
def test_every_match_of_random_texts_holds_its_check(words: list[str], gap: str) -> None:
    _holds_check(gap.join(words).replace(f"{gap},", ","))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=14), st.lists(st.sampled_from([" ", "\t", ", "])))
def test_every_match_of_random_texts_with_mixed_gaps_holds_its_check(words: list[str], gaps: list[str]) -> None:
    text = words[0]
    for k, word in enumerate(words[1:]):
        text += (gaps[k] if k < len(gaps) else " ") + word
    _holds_check(text)


def test_the_pair_capitals_find_what_the_patterns_find() -> None:
    text = "Network Rail said on Monday. Vodafone, Virgin Media and TalkTalk\tand BT agreed; O'Neill's Bar and Kim said"
    found = [m.span() for m in capital_pair_matches(firm_cues._SAID, text)]
    assert found and found == [m.span() for m in firm_cues._SAID.finditer(text)]
    assert pair_capitals("Network Rail said. A\tB and c. Vodafone, Virgin Media. x Y") == (0, 19, 30, 40)
    for text in _TEXTS:
        _holds_check(text)
    assert any(p.search(t) for t in _TEXTS for p in _PAIR_PATTERNS)


def test_a_list_member_before_a_person_needs_a_gap_before_the_person() -> None:
    assert person_casts._PAIR_BEHIND.search("Tom Avery, ")
    assert person_casts._PAIR_BEHIND.search("Tom Avery (ETH Zurich) and\t")
    assert "Tom Avery (ETH Zurich) and\t".rstrip(" \t").endswith(person_casts._GAP_ENDS)
    assert not person_casts._PAIR_BEHIND.search("met Tom Avery ")


def test_relation_start_needs_a_relation_noun_in_its_window() -> None:
    text = "A lawyer for Mr Doyle said the case was closed."
    assert speaker_unnamed.relation_start(text, 0, 13, 21) == 0
    assert speaker_unnamed.relation_start("A friend for Mr Doyle said it.", 0, 13, 21) is None
    assert speaker_unnamed.relation_start("The mother of one of the injured passengers said it.", 0, 14, 43) == 0


_CUE_WORDS = [
    "said",
    "says",
    "told",
    "reporters",
    "According",
    "according",
    "to",
    "issued",
    "the",
    "following",
    "statement",
    ":",
    "quoted",
    "as",
    "saying",
    "unsaid",
    "Kim",
    "—",
    '"',
    "“",
    "(",
    ".",
    ",",
    "\n",
    "stated",
    "added",
    "adds",
    "warned",
    "é",
    "_said",
    "2024",
]


def _same_as_the_pattern(text: str, pos: int, endpos: int) -> None:
    fast, plain = CUE, CUE.compiled
    assert [m.span() for m in fast.finditer(text, pos, endpos)] == [m.span() for m in plain.finditer(text, pos, endpos)]
    got, want = fast.search(text, pos, endpos), plain.search(text, pos, endpos)
    assert (got and got.span()) == (want and want.span())


def test_the_reporting_cue_searched_from_non_word_characters_finds_what_the_pattern_finds() -> None:
    text = 'According to Kim, the ministry said: "It issued the following statement: …" Unsaid, he was quoted as saying'
    found = [m.group() for m in CUE.finditer(text)]
    assert found == ["According to", "said", "issued the following statement", "quoted as saying"]
    for pos in range(len(text)):
        for endpos in (pos, pos + 5, pos + 40, len(text)):
            _same_as_the_pattern(text, pos, endpos)
    assert CUE.match(text, 0) is not None and CUE.search("nothing here") is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_CUE_WORDS), min_size=1, max_size=14),
    st.sampled_from([" ", "", "\t", "  "]),
    st.integers(-2, 60),
    st.integers(-2, 90),
)
def test_the_reporting_cue_on_random_texts_and_windows(words: list[str], gap: str, pos: int, endpos: int) -> None:
    _same_as_the_pattern(gap.join(words), pos, endpos)
