"""People read from the words around a name (round seventeen, people18;
:mod:`workbook.extract.person_context`): "the city of X" is a place, nicknames in quotes inside a name,
plural titles, the Nordic "Per", a place's possessive and a nationality word before a name. Every text is
made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import people_in
from workbook.extract.base import DocumentInput
from workbook.extract.pipeline import DefaultExtractor

# --- "the city of X" is a place -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Austin Energy raised rates. The city of Austin said the pool would close in June.", "Austin"),  # local
        ("The state of Georgia had asked for a life sentence, prosecutors said.", "Georgia"),  # courts
        ("Tracy Ames won the seat. The city of Tracy said the count was final.", "Tracy"),  # elections
        ("Officials from the town of Florence said the bridge would reopen.", "Florence"),  # transport
        ("The county of Madison will pay half the cost of the new arena.", "Madison"),  # sport, business
    ],
)
def test_a_name_after_the_city_of_is_a_place(extractor: DefaultExtractor, text: str, place: str) -> None:
    at = text.index(f" of {place}") + 4
    ex = extractor.extract(DocumentInput("t", text))
    types = {e.key: e.type for e in ex.entities}
    assert [types[m.entity_key] for m in ex.mentions if m.start == at] == ["place"]


def test_the_city_of_x_said_makes_no_person_of_x_elsewhere(extractor: DefaultExtractor) -> None:
    text = "Austin Energy raised rates. The city of Austin said the pool would close in June."  # local news
    assert "Austin" not in people_in(extractor, text)


def test_a_person_of_the_same_name_elsewhere_stays_a_person(extractor: DefaultExtractor) -> None:
    text = "Councillor Austin Reyes said the city of Austin had not consulted residents."
    assert "Austin Reyes" in people_in(extractor, text)


# --- a nickname in quotes inside a name ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Goalkeeper Emiliano "Dibu" Martínez saved two penalties.', 'Emiliano "Dibu" Martínez'),  # sport
        ('Marjorie "Madge" Pettigrew, who ran the post office, died on Tuesday.', 'Marjorie "Madge" Pettigrew'),
        ("Prosecutors said Joaquín “El Chapo” Guzmán ran the cartel for decades.", "Joaquín “El Chapo” Guzmán"),
        ('The fund was founded by Robert "Bob" Hendry in 1994.', 'Robert "Bob" Hendry'),  # business
    ],
)
def test_a_nickname_in_quotes_is_inside_the_name(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


def test_a_quoted_title_between_names_is_no_nickname(extractor: DefaultExtractor) -> None:
    text = 'The band Muse "Absolution" Tour opened in London.'
    assert not any('"' in p for p in people_in(extractor, text))


# --- a plural title before a name ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Present: Councillors Florence Adeyemi (chair), Dallas Whitcombe and Jordan Ellery.", "Florence Adeyemi"),
        ("Senators Ann Whitfield and Paul Lincoln voted against the bill.", "Ann Whitfield"),  # politics
    ],
)
def test_a_plural_title_is_no_part_of_the_name(extractor: DefaultExtractor, text: str, name: str) -> None:
    people = people_in(extractor, text)
    assert name in people
    assert not any(p.split()[0] in {"Councillors", "Senators"} for p in people)


# --- the Nordic "Per" -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In 1968 she married the conductor Per Olav Dahl, who died in 2011.", "Per Olav Dahl"),  # obituary
        ("A director of Halden Freight, Per Aune, was jailed on Friday.", "Per Aune"),  # courts
        ("The goal came from a cross by Per Lindqvist in the last minute.", "Per Lindqvist"),  # sport
    ],
)
def test_per_before_a_name_is_a_given_name(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Per Capita Income rose by 3 percent in the state last year.",
        "The charge is 40 dollars Per Person and Per Night.",
    ],
)
def test_per_before_everyday_words_is_no_person(extractor: DefaultExtractor, text: str) -> None:
    assert not any(p.startswith("Per") for p in people_in(extractor, text))


# --- a place's possessive or a nationality word before a name --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kenya's Faith Chepkoech won the 10,000 metres ahead of two Ethiopians.", "Faith Chepkoech"),  # sport
        ("Britain's Eilish McColgan-Reid dropped out after six laps.", "Eilish McColgan-Reid"),  # sport
        ("The race was won by the American Chelsea Moore, who led from the start.", "Chelsea Moore"),  # sport
        ("Ghana's Kwame Mensah, the finance minister, presented the budget.", "Kwame Mensah"),  # politics
    ],
)
def test_a_name_after_a_place_or_nationality_is_a_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's Rift Valley is home to several lakes.",
        "Japan's Toyota Motor reported record profits on Tuesday.",
        "Shares of American Eagle Outfitters fell 4 percent.",
    ],
)
def test_a_possessive_before_a_place_or_firm_stays_no_person(extractor: DefaultExtractor, text: str) -> None:
    assert not people_in(extractor, text)


# --- letters of office after a name ---------------------------------------------------------------------


def test_senior_counsel_letters_are_no_part_of_the_name(extractor: DefaultExtractor) -> None:
    text = "The accused is represented by Michael Ryan SC, who asked for bail."
    assert "Michael Ryan" in people_in(extractor, text)


# --- an age between commas: a person before it, a place after "of" ----------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Anna Reid, 34, of Footscray, pleaded guilty to dangerous driving.", "Footscray"),  # courts
        ("The winner, Tom Price, 61, of Tracy, took home a trophy.", "Tracy"),  # local news, a given-name town
        ("A man, aged 41, of Croydon was cleared by the jury.", "Croydon"),  # courts
    ],
)
def test_the_name_after_an_age_and_of_is_a_place(extractor: DefaultExtractor, text: str, place: str) -> None:
    assert place not in people_in(extractor, text)


def test_an_age_after_a_place_given_name_and_a_family_name_is_a_persons_word(extractor: DefaultExtractor) -> None:
    text = "Dallas Young, 52, of Leeds, was fined for speeding on the ring road."  # courts
    assert "Dallas Young" in people_in(extractor, text)
