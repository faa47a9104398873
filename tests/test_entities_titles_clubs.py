"""Round nine of the entity rules (issue 12): spelled-out titles before a name ("Sheriff", "Councilwoman",
"Prosecutor", "Coach"; ``vocabulary.TITLES``), sports clubs named by a town and a club word
(:func:`workbook.extract.entity_bounds.club_names`), a listed given name and a family name nothing else
read (:func:`workbook.extract.entity_bounds.given_name_pairs`), and English city names that a smaller
namesake had taken (``gazetteer_exonyms.EXONYMS``). Made-up sentences: local news, courts, police,
sport, business, science and defence."""

from __future__ import annotations

import pytest

from tests.extraction_support import typed_mentions
from workbook.extract.base import DocumentInput
from workbook.extract.entity_bounds import club_names
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Sheriff Grady Judd said deputies arrested a man after a standoff.", "Grady Judd"),
        ("Councilwoman Maria Delgado asked the board to fund a library.", "Maria Delgado"),
        ("The Monroe County Sheriff Rick Ramsay's office joined the search.", "Rick Ramsay"),
        ("Prosecutor Lena Hartmann told the regional court the parts were sold abroad.", "Lena Hartmann"),
        ("Chief Superintendent Paul Cleary praised the operation.", "Paul Cleary"),
        ("Coach Carlo Ancelotti said his side had been careless.", "Carlo Ancelotti"),
        ("Supervisor Kevin Jeffries opposed the plan.", "Kevin Jeffries"),
        ("District Attorney Alvin Bragg filed the charges on Tuesday.", "Alvin Bragg"),
        ("The club's goalkeeper André Onana saved a penalty.", "André Onana"),
    ],
)
def test_spelled_out_titles_cue_the_name(rules_only: DefaultExtractor, text: str, person: str) -> None:
    """Even without the classifier, the name after a spelled-out title is a person, the title no part of it."""
    assert (person, "person") in typed_mentions(rules_only, text)


@pytest.mark.parametrize(
    ("text", "club"),
    [
        ("Real Madrid beat Bayern Munich 2-1 on Wednesday.", "Real Madrid"),
        ("Real Madrid beat Bayern Munich 2-1 on Wednesday.", "Bayern Munich"),
        ("Erik ten Hag's Manchester United lost at home.", "Manchester United"),
        ("Manchester United's players left the pitch.", "Manchester United"),
        ("The Blackburn Rovers manager resigned.", "Blackburn Rovers"),
        ("Xabi Alonso's Real Madrid drew with Inter Milan.", "Inter Milan"),
    ],
)
def test_a_town_and_a_club_word_is_the_club(rules_only: DefaultExtractor, text: str, club: str) -> None:
    assert (club, "organization") in typed_mentions(rules_only, text)


def test_club_names_leave_places_and_longer_names_alone() -> None:
    gaz = builtin_gazetteer().type_of
    assert club_names("She flew to Cape Town and then George Town.", gaz) == []
    assert club_names("West Ham United lost again.", gaz) == []  # a capitalised word before: not this rule's
    assert club_names("Real estate prices in Madrid rose.", gaz) == []
    assert club_names("Prices rose in Manchester. United we stand.", gaz) == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Tim Cook said Apple would invest in the fund, the companies said.", "Tim Cook"),
        ("Bruno Fernandes scored twice before the break.", "Bruno Fernandes"),
        ("Erik ten Hag's side beat Ajax on Sunday.", "Erik ten Hag"),
        ("The council heard from residents. Grace Okafor said the road floods every spring.", "Grace Okafor"),
    ],
)
def test_a_listed_given_name_and_a_family_name_is_a_person(extractor: DefaultExtractor, text: str, person: str) -> None:
    assert (person, "person") in typed_mentions(extractor, text)


@pytest.mark.parametrize(
    ("text", "not_person"),
    [
        ("He was awarded the Victoria Cross for valour.", "Victoria Cross"),
        ("Unnamed Japanese military sources said the launch failed.", "Unnamed Japanese"),
        ("The team played in the Rose Bowl last year.", "Rose Bowl"),
        ("Trading in May Sharply slowed, analysts said.", "May Sharply"),
    ],
)
def test_given_name_pairs_leave_places_demonyms_and_things(
    extractor: DefaultExtractor, text: str, not_person: str
) -> None:
    assert (not_person, "person") not in typed_mentions(extractor, text)


def _place_names(extractor: DefaultExtractor, text: str) -> list[str]:
    ex = extractor.extract(DocumentInput("t", text))
    return [e.name for e in ex.entities if e.type == "place"]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Russian drones struck the port of Odessa overnight.", "Odesa"),
        ("The regional court in Hanover adjourned the trial.", "Hannover"),
        ("Traders bought tea in Canton in the 1830s.", "Guangzhou"),
        ("He grew up in Odessa, Texas, and played football there.", "Odessa, Texas"),
        ("The plant in Canton, Ohio, will close.", "Canton, Ohio"),
    ],
)
def test_an_english_city_name_is_the_larger_city_unless_its_state_is_written(
    extractor: DefaultExtractor, text: str, city: str
) -> None:
    assert city in _place_names(extractor, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Judge Tom Dart of Cook County said the jail was full.", "Cook County"),
        ("Flooding hit Hubei Province and the Kurdistan Region this week.", "Hubei Province"),
        ("Officials said residents of Gangnam District complained.", "Gangnam District"),
    ],
)
def test_a_name_ending_in_a_place_word_is_a_place(rules_only: DefaultExtractor, text: str, place: str) -> None:
    """After a cued person and "of", or alone: "County", "Province", "District" close a place name."""
    assert (place, "place") in typed_mentions(rules_only, text)
