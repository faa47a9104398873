"""speed25's pre-checks skip only texts where the scans cannot match: every match of ``firm_cues._POSSESSIVE``,
``firm_cues._KIND_BEFORE`` and ``person_notices._AFTER_FAMILY_WORD`` holds its check's piece, on made-up texts and
on random texts of the patterns' own words (hypothesis); and a text without the piece is skipped."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import firm_cues, person_notices
from workbook.extract.firm_cues import FIRM_KIND_WORDS

_TEXTS = (
    "Sainsbury's chief executive said sales rose. Centrica’s shareholders voted on Tuesday.",
    "Tesco's full-year profits fell, and Unilever's share price slipped after Aviva's chairman spoke.",
    "Shares of the airline Qantas rose. The regulator Ofgem, which sets the cap, said the train operator\tNorthern"
    " would pay. The supplier, Bakkavor, said it would close.",
    "Beloved wife of the late Samuel, mother of Adaeze and Paul. He was father to Hope\tand Lincoln.",
    "Survived by his sons of Leeds, Tomasz and Ravi; grandmother\tto\tEliska. Fiancée of Jun.",
)
_CHECKS: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...] = (
    (firm_cues._POSSESSIVE, lambda t: any(c.search(t) for c in firm_cues._POSSESSIVE_CHECKS)),
    (firm_cues._KIND_BEFORE, firm_cues._kind_before_may_match),
    (person_notices._AFTER_FAMILY_WORD, person_notices._family_word_may_match),
)
_WORDS = [
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
