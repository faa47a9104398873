"""Two names joined by "and" in one capitalised run, and bodies before a body's act (round twenty-one,
ner23: `and_joins`, `body_verbs`). Every text is made up (the firms' names are invented or changed)."""

from __future__ import annotations

import pytest

from tests.extraction_support import default_extractor, typed_mentions
from workbook.extract.and_joins import continues_complement, fields_before_and
from workbook.extract.body_verbs import SAID_BODY_VERBS


def _read(text: str) -> list[tuple[str, str]]:
    return typed_mentions(default_extractor(), text)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Jetvia and British Airways both said flights to Malaga were hit.", "Jetvia", "British Airways"),
        (
            "The Medical Research Council and Cancer Research UK will fund a trials unit.",
            "Medical Research Council",
            "Cancer Research UK",
        ),
        (
            "The centre has partners at Imperial College London and Jaguar Land Rover.",
            "Imperial College London",
            "Jaguar Land Rover",
        ),
        (
            "The Office of Rail and Road and Great British Railways will publish a review.",
            "Office of Rail and Road",
            "Great British Railways",
        ),
    ],
)
def test_two_names_joined_by_and_stay_apart(text: str, first: str, second: str) -> None:
    names = {n for n, _ in _read(text)}
    assert first in names
    assert not any(first in n and second in n for n in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Department of Health and Social Care said waiting lists fell.", "Department of Health and Social Care"),
        ("Inspectors from the Food and Drug Administration visited the plant.", "Food and Drug Administration"),
        ("The Health and Safety Executive opened an inquiry on Friday.", "Health and Safety Executive"),
        ("The England and Wales Cricket Board said the match would go ahead.", "England and Wales Cricket Board"),
    ],
)
def test_one_body_named_with_and_stays_whole(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


def test_and_continues_a_complement_only_after_of_or_for_once() -> None:
    heads = frozenset({"department", "college", "council", "office"})
    assert continues_complement(["department", "of", "health"], heads)
    assert not continues_complement(["imperial", "college", "london"], heads)
    assert not continues_complement(["office", "of", "rail", "and", "road"], heads)


def test_fields_before_and_unless_a_name_opens_after_it() -> None:
    def place_type(name: str) -> str | None:
        return "place" if name in ("london", "trinidad and tobago", "tobago") else None

    assert fields_before_and(["food"], ["drug", "administration"], place_type)
    assert fields_before_and(["disarmament"], ["peace", "institute"], place_type)  # a rare word: still a field
    assert not fields_before_and(["jet2"], ["cargo", "services"], place_type)  # a digit
    assert not fields_before_and(["klarna"], ["british", "airways"], place_type)  # a nationality
    assert not fields_before_and(["klarna"], ["london", "stock", "exchange"], place_type)  # a place
    assert fields_before_and(["trinidad"], ["tobago", "football", "association"], place_type)  # "and" in a place


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Passengers face delays after Network Rail confirmed engineering work near Preston.", "Network Rail"),
        ("Customers were angry, and Southern Water apologised on Tuesday for the outage.", "Southern Water"),
        ("The review, which Citizens Advice welcomed, will cost £5 million.", "Citizens Advice"),
    ],
)
def test_title_case_common_words_before_a_body_act_are_a_body(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


def test_common_words_in_lower_case_before_an_act_are_no_body() -> None:
    names = {n for n, _ in _read("Officials said heavy rain confirmed fears along the coast.")}
    assert not any("rain" in n.casefold() for n in names)
    assert "confirmed" in SAID_BODY_VERBS and "apologised" in SAID_BODY_VERBS
    assert "walked" not in SAID_BODY_VERBS
