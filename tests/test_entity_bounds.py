"""Where a name begins and ends (:mod:`workbook.extract.entity_bounds` and the "X of the Y" split of
:mod:`workbook.extract.ner_merge`): two names joined by "of" are two names, a capitalised common noun
opening a sentence is no part of the name after its "of". Made-up sentences (local news, courts,
business, sport)."""

from __future__ import annotations

import pytest

from tests.extraction_support import typed_mentions
from workbook.extract.base import DocumentInput
from workbook.extract.entity_bounds import (
    ampersand_names,
    common_opener_of,
    join_particle_names,
    particle_orgs,
    split_person_of,
)
from workbook.extract.ner_model import ScoredSpan
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


mentions = typed_mentions


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


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("McKinsey & Company and Ernst & Young advised the board.", ["McKinsey & Company", "Ernst & Young"]),
        ("Shares of Procter & Gamble rose; Johnson & Johnson fell.", ["Procter & Gamble", "Johnson & Johnson"]),
        ("The Marks & Spencer store on the high street closed.", ["Marks & Spencer"]),
        ("Invoices from Michael L. Beatty & Associates, PC were paid.", ["Michael L. Beatty & Associates"]),
        ("We shop at Barnes & Noble.", ["Barnes & Noble"]),
        ("Cited before (Dye & Bavelier, 2010; Feng, Spence, & Pratt, 2007).", []),
        ("A long history (Baron & Beresford 2014) and Heidenreich & Turano et al. agree.", []),
        ("The Q & A session ran late.", []),
    ],
)
def test_names_joined_by_an_ampersand(text: str, names: list[str]) -> None:
    got = ampersand_names(text)
    assert [n for _, _, n in got] == names
    assert all(text[a:b] == n for a, b, n in got)


def test_the_extractor_reads_an_ampersand_name_as_one_organisation(extractor: DefaultExtractor) -> None:
    got = mentions(extractor, "Ernst & Young and Procter & Gamble were fined by the regulator.")
    assert ("Ernst & Young", "organization") in got and ("Procter & Gamble", "organization") in got
    assert not [g for g in got if g[0] in ("Ernst", "Procter", "Young", "Gamble")]


def test_a_given_name_joins_the_particle_family_name_after_it() -> None:
    text = "Both Marine Le Pen and Rosa Da Silva spoke; Paris La Defense did not."
    marine, le_pen = span(text, "Marine", "organization", 0.75), span(text, "Le Pen", "person", 0.4)
    rosa, da_silva = span(text, "Rosa", "person", 0.5), span(text, "Da Silva", "person", 0.6)
    paris, la_defense = span(text, "Paris", "place", 0.9), span(text, "La Defense", "person", 0.3)
    names = {"marine": "gs2", "rosa": "g", "paris": "xg"}
    out = join_particle_names(text, [marine, le_pen, rosa, da_silva, paris, la_defense], names)
    got = [(text[s.start : s.end], s.type) for s in out]
    assert got[:2] == [("Marine Le Pen", "person"), ("Rosa Da Silva", "person")]
    assert out[0].words == ("Marine", "Le", "Pen") and out[0].prob == 0.4
    assert got[2:] == [("Paris La Defense", "person")]  # a listed given name: joined
    assert join_particle_names(text, [paris, la_defense], {}) == [paris, la_defense]  # no listed given name


def test_a_particle_family_name_later_is_the_person(extractor: DefaultExtractor) -> None:
    text = "Maria Fernanda da Costa won the final in straight sets. Da Costa said it was a dream."
    ex = extractor.extract(DocumentInput("t", text))
    keys = {text[m.start : m.end]: m.entity_key for m in ex.mentions}
    assert keys["Da Costa"] == keys["Maria Fernanda da Costa"]
    assert [e.name for e in ex.entities if e.type == "person"] == ["Maria Fernanda da Costa"]


def test_known_organisations_with_particles_as_written() -> None:
    text = "Hayat Tahrir al-Sham and al-Shabaab claimed it; Lashkar-e-Taiba denied it; ansar al islam, no."
    assert [n for _, _, n in particle_orgs(text)] == ["Hayat Tahrir al-Sham", "al-Shabaab", "Lashkar-e-Taiba"]


def test_the_extractor_keeps_the_particle_of_an_armed_group(extractor: DefaultExtractor) -> None:
    got = mentions(extractor, "Fighters of Hayat Tahrir al-Sham entered the city on Sunday, residents said.")
    assert ("Hayat Tahrir al-Sham", "organization") in got
    assert not [g for g in got if g[1] == "person"]
