"""Airports and stations after a verb of travel, and a name before a compass region (round twenty-one,
ner23: `travel_places`, `regional_operators`). Every text is made up (the operators' names are invented
or changed)."""

from __future__ import annotations

import pytest

from tests.extraction_support import default_extractor, typed_mentions
from workbook.extract.regional_operators import COMPASS_WORDS
from workbook.extract.travel_places import TRAVEL_WORDS


def _read(text: str) -> list[tuple[str, str]]:
    return typed_mentions(default_extractor(), text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Holidaymakers flying out of Gatwick faced delays of four hours.", "Gatwick"),
        ("Passengers arriving at Stansted queued for an hour at passport control.", "Stansted"),
        ("The last train departed from Marylebone twenty minutes late.", "Marylebone"),
    ],
)
def test_a_word_after_a_verb_of_travel_is_a_place(text: str, name: str) -> None:
    assert (name, "place") in _read(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Flights were cancelled, and Sarah flew to Harriet's wedding anyway.", "Harriet"),  # a possessive
        ("Crews landed at Christmas with the supplies.", "Christmas"),  # no place: a holiday
    ],
)
def test_people_and_words_after_a_verb_of_travel_are_no_place(text: str, absent: str) -> None:
    assert (absent, "place") not in _read(text)
    assert "flew" in TRAVEL_WORDS and "said" not in TRAVEL_WORDS


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Trains run by Avanti West Coast were cancelled on Sunday.", "Avanti West Coast"),
        ("Fares on Avanti West Coast rose, Kestrix North West said.", "Kestrix North West"),
    ],
)
def test_a_name_before_a_compass_region_is_an_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Across North West England, rain fell all day.", "North West England"),  # a common word opening
        ("Storms hit the North West on Monday.", "North West"),
        ("Paul West said the plan would work.", "Paul West"),
    ],
)
def test_a_compass_region_after_a_common_word_stays_as_read(text: str, region: str) -> None:
    read = dict(_read(text))
    assert region in read
    assert not any(n.endswith(region) and n != region for n in read)
    assert "west" in COMPASS_WORDS
