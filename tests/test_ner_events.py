"""The entity recogniser's document pass (:mod:`workbook.extract.ner_document`): named storms are
events ("Hurricane Katrina" and a later bare "Katrina": one event, type ``other``, not a person),
and authors cited with a year are people ("(Brieber 2014; Heidenreich & Turano 2011)")."""

from __future__ import annotations

import pytest

from workbook.extract.base import DocumentInput
from workbook.extract.ner_document import cited_authors, named_events
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


def read(extractor: DefaultExtractor, text: str) -> list[tuple[str, str, str]]:
    ex = extractor.extract(DocumentInput("t", text))
    entities = {e.key: e for e in ex.entities}
    return [(text[m.start : m.end], entities[m.entity_key].type, entities[m.entity_key].name) for m in ex.mentions]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Hurricane Katrina struck New Orleans.", [("Hurricane Katrina", "Hurricane Katrina")]),
        (
            "Typhoon Haiyan hit the Philippines. Haiyan was the strongest storm of the year.",
            [("Typhoon Haiyan", "Typhoon Haiyan"), ("Haiyan", "Typhoon Haiyan")],
        ),
        ("Tropical Storm Rita's rain reached Texas.", [("Tropical Storm Rita", "Tropical Storm Rita")]),
        ("The damage of Cyclone Idai-Kenneth was vast.", [("Cyclone Idai-Kenneth", "Cyclone Idai-Kenneth")]),
    ],
)
def test_named_storms(text: str, events: list[tuple[str, str]]) -> None:
    assert [(text[e.start : e.end], e.name) for e in named_events(text)] == events


@pytest.mark.parametrize(
    "text",
    [
        "The US National Hurricane Center said the storm would weaken.",  # an organisation's name
        "The Hurricane Center issued a warning.",  # a head word, no storm's name
        "Hurricane Katrina Smith arrived.",  # a longer capitalised run: not read as a storm
        "the hurricane katrina season",  # lower case: no name
        "Rita said the storm would pass.",  # no storm named in the text: Rita is left alone
    ],
)
def test_no_storm(text: str) -> None:
    assert named_events(text) == []


def test_bare_name_joined_to_another_word_is_not_the_storm() -> None:
    text = "Hurricane Rita hit Texas. Rita Moreno sang."
    assert [text[e.start : e.end] for e in named_events(text)] == ["Hurricane Rita"]


def test_storm_and_its_short_name_are_one_event(extractor: DefaultExtractor) -> None:
    text = (
        "Hurricane Katrina struck New Orleans in 2005. The destructive power of Katrina surprised "
        "officials, who said Katrina had killed hundreds."
    )
    got = read(extractor, text)
    storms = [(surface, type_, name) for surface, type_, name in got if "Katrina" in surface]
    assert storms == [
        ("Hurricane Katrina", "other", "Hurricane Katrina"),
        ("Katrina", "other", "Hurricane Katrina"),
        ("Katrina", "other", "Hurricane Katrina"),
    ]
    assert ("New Orleans", "place", "New Orleans") in got


def test_a_person_named_like_a_storm_stays_a_person(extractor: DefaultExtractor) -> None:
    text = "Katrina Smith, a nurse, met survivors of Hurricane Rita in Houston."
    got = read(extractor, text)
    assert ("Katrina Smith", "person", "Katrina Smith") in got
    assert ("Hurricane Rita", "other", "Hurricane Rita") in got
    assert not any(type_ == "person" and "Rita" in surface for surface, type_, _ in got)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("(Brieber 2014; Binderman et al., 2005)", ["Brieber", "Binderman"]),
        ("as shown before (Heidenreich & Turano 2011; Milekic 2010).", ["Heidenreich", "Turano", "Milekic"]),
        ("a long history in scholarship (Baron and Beresford 2014), and", ["Baron", "Beresford"]),
        ("(see Okafor 1998: 12)", ["Okafor"]),
        ("Nakamura et al. (2019) found", ["Nakamura"]),
    ],
)
def test_cited_authors(text: str, authors: list[str]) -> None:
    assert [text[a:b] for a, b in cited_authors(text, frozenset({"may", "march"}))] == authors


@pytest.mark.parametrize(
    "text",
    [
        "He returned to Italy (1821) and later to Paris.",  # a place and a year, no citation
        "The war (May 2012) ended.",  # a month
        "the superhero film Watchmen (2009) was a success",  # a work's year
        "In 2015, a new law was passed.",
    ],
)
def test_no_cited_author(text: str) -> None:
    assert cited_authors(text, frozenset({"may", "march"})) == []


def test_cited_authors_are_people(extractor: DefaultExtractor) -> None:
    text = (
        "Museum visits have been studied widely (Brieber 2014; Okonkwo & Lindqvist 2011). "
        "Filippini Fantoni et al., 2013 found the same."
    )
    got = read(extractor, text)
    assert ("Brieber", "person", "Brieber") in got
    assert ("Okonkwo", "person", "Okonkwo") in got
    assert ("Lindqvist", "person", "Lindqvist") in got
