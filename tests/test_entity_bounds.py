"""Where a name begins and ends (:mod:`workbook.extract.entity_bounds` and the "X of the Y" split of
:mod:`workbook.extract.ner_merge`): two names joined by "of" are two names, a capitalised common noun
opening a sentence is no part of the name after its "of". Made-up sentences (local news, courts,
business, sport)."""

from __future__ import annotations

import pytest

from workbook.extract.base import DocumentInput
from workbook.extract.entity_bounds import common_opener_of, split_person_of
from workbook.extract.ner_model import ScoredSpan
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def extractor() -> DefaultExtractor:
    return DefaultExtractor()


def mentions(extractor: DefaultExtractor, text: str) -> list[tuple[str, str]]:
    ex = extractor.extract(DocumentInput("t", text))
    types = {e.key: e.type for e in ex.entities}
    return [(text[m.start : m.end], types[m.entity_key]) for m in ex.mentions]


def span(text: str, surface: str, type_: str, prob: float = 0.6) -> ScoredSpan:
    a = text.index(surface)
    return ScoredSpan(a, a + len(surface), type_, prob, 1 - prob, tuple(surface.split()), "")


def no_gazetteer(name: str) -> str | None:
    return {"Lakeview": "place", "Bern": "place"}.get(name)


@pytest.mark.parametrize(
    ("text", "surface", "parts"),
    [
        (
            "Sheriff Tom Dart of Cook County said the jail was full.",
            "Tom Dart of Cook County",
            [("Tom Dart", "person"), ("Cook County", "place")],
        ),
        (
            "Coach Lena Voss of Lakeview said the pitch was frozen.",
            "Lena Voss of Lakeview",
            [("Lena Voss", "person"), ("Lakeview", "place")],
        ),
        (
            "Priya Raman of the Bern Institute for Soil Science led the study.",
            "Priya Raman of the Bern Institute for Soil Science",
            [("Priya Raman", "person"), ("Bern Institute for Soil Science", "organization")],
        ),
        (
            "Dale Ortiz of the Riverside Stadium Trust spoke first.",
            "Dale Ortiz of the Riverside Stadium Trust",
            [("Dale Ortiz", "person"), ("Riverside Stadium Trust", "facility")],
        ),
    ],
)
def test_a_person_of_a_place_or_organisation_is_two_names(
    text: str, surface: str, parts: list[tuple[str, str]]
) -> None:
    out = split_person_of(text, span(text, surface, "person"), {}, no_gazetteer)
    assert [(text[s.start : s.end], s.type) for s in out] == parts
    assert [" ".join(s.words) for s in out] == [p for p, _ in parts]


@pytest.mark.parametrize(
    ("text", "surface", "type_"),
    [
        ("The Duke of Lakeview opened the fair.", "Duke of Lakeview", "person"),  # a title, no name
        ("Bank of Lakeview raised its rates.", "Bank of Lakeview", "person"),  # a head word before "of"
        ("Joan Marsh of Nowhere Special came too.", "Joan Marsh of Nowhere Special", "person"),  # unknown rest
        ("Lena Voss of Lakeview won.", "Lena Voss of Lakeview", "organization"),  # no person
        ("Tom of Lakeview won.", "Tom of Lakeview", "person"),  # one word before "of": no full name
        ("President Hale of Bern sat.", "President Hale of Bern", "person"),  # a title inside
    ],
)
def test_what_stays_one_span(text: str, surface: str, type_: str) -> None:
    s = span(text, surface, type_)
    assert split_person_of(text, s, {}, no_gazetteer) == [s]


def test_the_person_keeps_the_classifier_reading_of_its_part() -> None:
    text = "Sheriff Tom Dart of Cook County said so."
    whole = span(text, "Tom Dart of Cook County", "person", 0.44)
    part = span(text, "Tom Dart", "person")
    probs = {(part.start, part.end): (0.1, 0.85, 0.03, 0.01, 0.01)}
    person, place = split_person_of(text, whole, probs, no_gazetteer)
    assert (person.prob, person.p_none) == (0.85, 0.1)
    assert (place.type, place.left) == ("place", "of")


def test_a_common_noun_opening_a_sentence_is_no_part_of_the_name() -> None:
    text = "Shares of Northwind Traders fell. Residents of Lakeview said the water was brown."
    tesla = span(text, "Shares of Northwind Traders", "person", 0.36)
    rest = span(text, "Northwind Traders", "organization")
    probs = {(rest.start, rest.end): (0.2, 0.1, 0.6, 0.05, 0.05)}
    common = frozenset({"shares", "residents", "university", "mount"})
    got = common_opener_of(text, tesla, probs, common)
    assert got is not None and (text[got.start : got.end], got.type, got.prob) == (
        "Northwind Traders",
        "organization",
        0.6,
    )
    assert common_opener_of(text, tesla, {}, common) is None  # a person with no name read after "of"
    residents = span(text, "Residents of Lakeview", "place")
    got = common_opener_of(text, residents, {}, common)
    assert got is not None and (text[got.start : got.end], got.type) == ("Lakeview", "place")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("University of Lakeview researchers said so.", "University of Lakeview"),  # a head word
        ("Mount of Olives is steep.", "Mount of Olives"),  # a common word the model does not list
        ("They sold Shares of Northwind Traders.", "Shares of Northwind Traders"),  # opens no sentence
        ("Residents said so. Maple of Lakeview won.", "Maple of Lakeview"),  # no common word
    ],
)
def test_what_keeps_its_first_word(text: str, surface: str) -> None:
    s = span(text, surface, "organization")
    assert common_opener_of(text, s, {}, frozenset({"shares", "residents", "university"})) is s


def test_a_work_keeps_its_first_word() -> None:
    text = "Song of the Lakeview Shore was sung."
    s = span(text, "Song of the Lakeview Shore", "other")
    assert common_opener_of(text, s, {}, frozenset({"song"})) is s


def test_a_district_of_a_city_is_two_places() -> None:
    text = "Workers of the Riverside District of Lakeview met."
    s = span(text, "Riverside District of Lakeview", "person")
    out = split_person_of(text, s, {}, no_gazetteer)
    assert [(text[x.start : x.end], x.type) for x in out] == [("Riverside District", "place"), ("Lakeview", "place")]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Sheriff Tom Dart of Cook County said the jail was full.",
            [("Tom Dart", "person"), ("Cook County", "place")],
            ["Tom Dart of Cook County"],
        ),
        (
            "The judge, Amit Mehta of the U.S. District Court for the District of Columbia, ruled on Monday.",
            [("Amit Mehta", "person"), ("U.S. District Court for the District of Columbia", "organization")],
            ["Amit Mehta of the U.S. District Court for the District of Columbia"],
        ),
        ("Shares of Tesla fell 4% after the report.", [], ["Shares of Tesla"]),
    ],
)
def test_the_extractor_reads_two_names(
    extractor: DefaultExtractor, text: str, expected: list[tuple[str, str]], absent: list[str]
) -> None:
    got = mentions(extractor, text)
    for item in expected:
        assert item in got
    assert not [g for g in got if g[0] in absent]
