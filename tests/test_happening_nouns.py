"""Diseases and crimes in Title Case are no names (issue 12, round nineteen)."""

from __future__ import annotations

import pytest

from workbook.extract.base import DocumentInput
from workbook.extract.common_word_spans import happening_noun_phrase
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit

_VOCABULARY = frozenset({"armed", "cases", "outbreak", "charges", "action", "research", "suspect", "vaccine"})


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["cholera"], True),
        (["armed", "robbery"], True),
        (["measles", "cases"], True),
        (["fraud", "charges"], True),
        (["town", "hall"], False),  # GUM tags a capitalised "City Hall" as proper nouns
        (["epilepsy", "action"], False),  # a charity: the last word is no disease, crime or headline noun
        (["cancer", "research", "uk"], False),
        (["halifax", "town", "hall"], False),
        (["cases"], False),
        (["outbreak"], False),
        ([], False),
    ],
)
def test_happening_noun_phrase(words: list[str], expected: bool) -> None:
    assert happening_noun_phrase(words, _VOCABULARY) is expected


def _names(text: str) -> set[str]:
    ex = DefaultExtractor().extract(DocumentInput("d", text))
    return {text[m.start : m.end] for m in ex.mentions}


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        (  # health
            "Cholera Cases Climb In Flooded Districts\nCholera has killed 41 people in Karonga, the ministry said.",
            {"Cholera", "Cholera Cases"},
            {"Karonga"},
        ),
        (  # courts
            "Armed Robbery Trial Opens\nTwo men deny Armed Robbery at Snaresbrook Crown Court.",
            {"Armed Robbery"},
            {"Snaresbrook Crown Court"},
        ),
        (  # local news
            "Residents met in Dumfries after the Armed Robbery, and Mugging figures fell in Lockerbie.",
            {"Armed Robbery", "Mugging"},
            {"Dumfries", "Lockerbie"},
        ),
        (  # science
            "Measles and Tuberculosis rose in Lagos, the Nigeria Centre for Disease Control said.",
            {"Measles", "Tuberculosis"},
            {"Lagos"},
        ),
        (  # sport and business: names stay
            "Mark Fraud scored twice for Leeds United, and shares in Halifax Town Hall Ltd rose.",
            set(),
            {"Leeds United"},
        ),
        (  # defence
            "Burglary At Army Base\nA Burglary at Catterick Garrison is investigated by the Royal Military Police.",
            {"Burglary"},
            {"Catterick Garrison", "Royal Military Police"},
        ),
    ],
)
def test_no_name_for_a_disease_or_a_crime(text: str, absent: set[str], present: set[str]) -> None:
    names = _names(text)
    assert not names & absent, names
    assert present <= names, names
