"""People read from the shape of lists and notices (round nineteen, people20; :mod:`workbook.extract.person_casts`,
:mod:`workbook.extract.person_notices`, informal titles in :mod:`workbook.extract.person_context` and houses of care
in :mod:`workbook.extract.person_forms`): cast lists, places read as given names in lists of people, "SURNAME,
Given" notices, "née X", given names after a word of family, "R v X". Every text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import people_in, typed_mentions
from workbook.extract.pipeline import DefaultExtractor

# --- cast lists -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Rep's Othello: Othello – Kwame Boateng; Desdemona – Rose Halloran; Iago – Dennis Pryor. Until May.",
            {"Othello", "Kwame Boateng", "Desdemona", "Rose Halloran", "Iago", "Dennis Pryor"},
        ),  # theatre
        (
            "Opera North's Tosca: Tosca — Vienna Adjei; Cavaradossi — Troy Maddox; Scarpia — Graham Whitlow.",
            {"Tosca", "Vienna Adjei", "Cavaradossi", "Troy Maddox", "Scarpia", "Graham Whitlow"},
        ),  # opera
        (
            "Voice cast: Narrator - Israel Okonjo; Badger - Hope Castellan; Ratty - Simon Penrose.",
            {"Narrator", "Israel Okonjo", "Badger", "Hope Castellan", "Ratty", "Simon Penrose"},
        ),  # radio drama
    ],
)
def test_a_cast_list_names_characters_and_actors(extractor: DefaultExtractor, text: str, expected: set[str]) -> None:
    assert expected <= people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "not_people"),
    [
        ("Fixtures: Arsenal – Chelsea; Everton – Leeds United; Fulham – Brentford.", {"Arsenal", "Chelsea"}),  # sport
        ("Timetable: Monday – Leeds City Station; Tuesday – York Minster.", {"Monday", "Tuesday"}),  # travel
        ("Flights: London – Paris; Madrid – Lisbon; Rome – Vienna.", {"London", "Madrid", "Vienna"}),  # business
    ],
)
def test_a_dash_list_of_places_or_days_is_no_cast(extractor: DefaultExtractor, text: str, not_people: set[str]) -> None:
    assert not (not_people & people_in(extractor, text))


def test_one_role_and_actor_alone_is_no_list(extractor: DefaultExtractor) -> None:
    # courts: a single "X – Y" is a heading, not a cast
    people = people_in(extractor, "Verdict – Guilty. The jury at Leeds Crown Court deliberated for an hour.")
    assert "Verdict" not in people and "Guilty" not in people


# --- places read as given names in lists of people ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Harlow: Vienna Osei; Jordan Pike, Tyler Marsh, Sam Teague.", "Vienna Osei"),  # rugby team sheet
        (
            "Authors: Savannah Ruiz-Beltran (ETH Zurich), Hunter Ngata (University of Otago) and Orla Brennan.",
            "Savannah Ruiz-Beltran",
        ),  # science
        ("The bill brings Rose Adebayo, Troy Castellan and Megan Tully to the Leadmill.", "Rose Adebayo"),  # music
        ("Co-defendants Kevin Marsh, Cairo Whitfield and Dean Oyelaran were remanded.", "Cairo Whitfield"),  # courts
    ],
)
def test_a_place_given_name_in_a_list_of_people_is_a_person(
    extractor: DefaultExtractor, text: str, person: str
) -> None:
    assert person in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The tour visits Paris, Lyon and Marseille before Vienna in May.", "Vienna"),  # travel
        ("Offices in Vienna Osaka and Lima were closed, said Kevin Marsh.", "Lima"),  # business
        ("Jo Derby, Austin and Dallas were named as host cities by Ann Reeve.", "Dallas"),  # sport
    ],
)
def test_places_in_lists_stay_places(extractor: DefaultExtractor, text: str, place: str) -> None:
    assert place not in people_in(extractor, text)


# --- notices, families and court lists -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OKAFOR, Margaret (née Bell). Died peacefully at home in Crawley on 3 March, aged 88.",
            {"OKAFOR", "Margaret", "Bell"},
        ),  # death notice
        (
            "WHITTLE, Arthur James. Passed away at Derriford Hospital, Plymouth, aged 79.",
            {"WHITTLE", "Arthur James"},
        ),  # death notice
        (
            "Notices\nHARGREAVES, Pearl. Born 1931, a teacher at Burnley Grammar School for forty years.",
            {"HARGREAVES", "Pearl"},
        ),  # a notice opening a line
    ],
)
def test_a_surname_first_notice_names_two_people(extractor: DefaultExtractor, text: str, expected: set[str]) -> None:
    assert expected <= people_in(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "PYONGYANG, May 26 (KCNA) -- The delegation left the capital.",  # state media dateline
        "ATLANTA, Georgia — The Braves beat the Mets on Sunday.",  # US wire dateline
        "LONDON, Tuesday. Markets fell as the pound weakened.",  # a dateline with a weekday
    ],
)
def test_a_dateline_is_no_notice(extractor: DefaultExtractor, text: str) -> None:
    people = people_in(extractor, text)
    assert not ({"PYONGYANG", "ATLANTA", "LONDON", "May", "Georgia", "Tuesday"} & people)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beloved wife of the late Samuel, mother of Adaeze and Paul, died aged 90.", {"Samuel", "Adaeze", "Paul"}),
        ("He was the father of Lincoln and Hope and a stalwart of Plymouth Argyle.", {"Lincoln", "Hope"}),
        ("The striker, son of Austin, and brother to Chelsea and Jordan, signed on Friday.", {"Austin", "Chelsea"}),
    ],
)
def test_given_names_after_a_word_of_family_are_people(
    extractor: DefaultExtractor, text: str, expected: set[str]
) -> None:
    assert expected <= people_in(extractor, text)


def test_a_word_of_family_before_no_given_name_leaves_it(extractor: DefaultExtractor) -> None:
    # science and local news: "daughter of Europe", "son of Manchester" are no people
    people = people_in(extractor, "The theory, a daughter of Europe's Enlightenment, reached Manchester.")
    assert "Europe" not in people
    assert "Manchester" not in people_in(extractor, "The son of Manchester returned to open the library.")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Listed this week: R v Sterling Adebowale (fraud, trial day three).", "Sterling Adebowale"),
        ("R v Paris Kowalczyk and another was adjourned to June.", "Paris Kowalczyk"),
        ("In R v Chase Tumelty the judge passed a suspended sentence.", "Chase Tumelty"),
    ],
)
def test_the_defendant_after_r_v_is_a_person(extractor: DefaultExtractor, text: str, person: str) -> None:
    assert person in people_in(extractor, text)


# --- informal titles, houses of care -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Skipper Reed Galloway kept Whitby Town top of the league.", "Reed Galloway"),  # football
        ("The trophy was lifted by Skipper Tom Avery at Twickenham.", "Tom Avery"),  # rugby
        ("Supremo Dana Whitlock told the board the deal was done.", "Dana Whitlock"),  # business
    ],
)
def test_an_informal_title_is_no_part_of_the_name(extractor: DefaultExtractor, text: str, person: str) -> None:
    assert person in people_in(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Donations to St Luke's Hospice, Sheffield.",  # notices
        "The fun run raised £4,000 for St Catherine's Hospice in Crawley.",  # charity
    ],
)
def test_a_saints_hospice_is_no_person(extractor: DefaultExtractor, text: str) -> None:
    mentions = typed_mentions(extractor, text)
    assert not any(type_ == "person" for _, type_ in mentions)


# --- shops named by a possessive alone -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shop"),
    [
        ("She was given a community order for theft from Sainsbury's; the court heard.", "Sainsbury's"),  # courts
        ("He got his first job at McDonald's in Leeds.", "McDonald's"),  # business
        ("Queues formed outside Morrison's.", "Morrison's"),  # local news
    ],
)
def test_a_shop_named_by_its_possessive_is_no_person(extractor: DefaultExtractor, text: str, shop: str) -> None:
    mentions = typed_mentions(extractor, text)
    assert (shop, "organization") in mentions
    assert not any(type_ == "person" for _, type_ in mentions)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("We stayed at Mary's in Leeds after the match.", "Mary"),  # a home: a given name
        ("The quote was taken from Tony Blair's.", "Tony Blair"),  # a person of two words
    ],
)
def test_a_persons_possessive_stays_a_person(extractor: DefaultExtractor, text: str, person: str) -> None:
    assert person in people_in(extractor, text)
