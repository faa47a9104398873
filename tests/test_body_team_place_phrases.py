"""Bodies with "of" or "and" inside their names, teams named by a plural alone, and places a phrase
names (round seventeen, ner17: `body_names`, `team_plurals`, `place_phrases`, and a sentence's full
stop in a name joined by "&"). Every text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import default_extractor, typed_mentions


def _read(text: str) -> list[tuple[str, str]]:
    return typed_mentions(default_extractor(), text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Leeds Chamber of Commerce said exports fell in May.", "Leeds Chamber of Commerce"),  # business
        ("Bristol Chamber of Commerce and Industry backed the plan.", "Bristol Chamber of Commerce and Industry"),
        ("The Royal College of Nursing balloted its members on pay.", "Royal College of Nursing"),  # health
        ("Members of the Chartered Institute of Building met in Ascot.", "Chartered Institute of Building"),  # trade
        ("The Health and Safety Executive fined the builder after a fall.", "Health and Safety Executive"),  # courts
        ("The Competition and Markets Authority blocked the merger.", "Competition and Markets Authority"),  # business
        (
            "The Energy and Petroleum Regulatory Authority kept tariffs flat.",
            "Energy and Petroleum Regulatory Authority",
        ),
        ("The Fire and Rescue Service sent six engines to the blaze.", "Fire and Rescue Service"),  # local news
    ],
)
def test_a_body_with_of_or_and_inside_is_one_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Transport for London confirmed that the line will close. Buses run by Arriva London.",
            "Transport for London",
        ),
        ("Transport for Wales said trains were delayed by flooding.", "Transport for Wales"),  # a UK nation
        ("Teach for America announced a new director on Monday.", "Teach for America"),  # education
    ],
)
def test_a_word_for_a_place_that_speaks_is_one_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Minister for London said the plan was ready.",  # an office
        "Tickets for London go on sale on Friday.",  # no reporting verb
        "Funding for Scotland has risen.",  # business
    ],
)
def test_a_word_for_a_place_that_does_not_speak_is_no_organisation(text: str) -> None:
    assert not any(t == "organization" for _, t in _read(text))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Leeds and Bradford Council agreed the budget.", ["Leeds"]),  # two places are no field
        ("The Bank of England raised rates on Thursday.", ["Bank of England"]),  # a place after "of": as before
        ("Greater Manchester Police and Merseyside Police arrested two men.", ["Merseyside Police"]),
        ("The duty of the officials of our Party and Government was stressed.", []),  # two bodies
    ],
)
def test_names_joined_by_and_or_of_stay_as_they_were(text: str, names: list[str]) -> None:
    read = [n for n, _ in _read(text)]
    assert all(n in read for n in names), read
    assert not any(" and " in n and ("Bradford" in n or "Party" in n) for n in read)


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("The Lions beat the Sharks 24-10 in Durban. Lions coach Ivan van Rooyen was pleased.", ["Lions", "Sharks"]),
        ("The Falcons hosted the Saints on Sunday, and the Saints lost again.", ["Falcons", "Saints"]),  # NFL
        ("The Yankees defeated the Orioles in Baltimore. The Orioles had won five straight.", ["Yankees", "Orioles"]),
        ("The Bears and the Packers meet at Soldier Field on Sunday night.", ["Bears", "Packers"]),
        ("Boston stretched its lead after beating the Bucks 118-102.", ["Bucks"]),  # a result, one side
        ("The Gas were unlucky, said Rovers manager Joey Barton.", ["Rovers"]),  # a staff word after the plural
        ("The Indians host the Tigers on Friday night.", ["Indians", "Tigers"]),  # a people's plural against a team
    ],
)
def test_a_plural_in_a_match_is_a_team(text: str, teams: list[str]) -> None:
    read = _read(text)
    for team in teams:
        assert (team, "organization") in read, read


@pytest.mark.parametrize(
    "text",
    [
        "The Kurds faced the army near Kobani on Tuesday.",  # a people, no team on the other side
        "The Israelis defeated the Egyptians in 1967.",  # peoples on both sides
        "The Smiths host a party for the street every June.",  # no team, no result
    ],
)
def test_a_people_or_a_family_is_no_team(text: str) -> None:
    assert not any(t == "organization" for _, t in _read(text))


def test_a_plural_opening_a_sentence_before_a_staff_word_is_left_to_the_speaker_rules() -> None:
    read = _read('"It was a sending-off." Rangers coach Maria Santos was furious at the whistle.')
    assert ("Maria Santos", "person") in read
    assert not any(t == "organization" for _, t in read)


def test_a_country_named_by_a_plural_is_no_team() -> None:
    assert ("Netherlands", "place") in _read(
        "Voters in the Netherlands beat the odds, and Belgium played the Netherlands."
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The city of Portland said it would appeal the ruling.", "Portland"),  # courts
        ("Officials in the town of Chester disagreed with the plan.", "Chester"),  # local news
        ("The state of New South Wales will fund the line.", "New South Wales"),  # transport
        ("She was born in the village of Clyst St. Mary, near Exeter.", "Clyst St. Mary"),  # a biography
        ("Speakers in the village of Banjal’, the largest, agreed.", "Banjal"),  # a closing quote is no part of it
    ],
)
def test_the_name_after_the_city_of_is_a_place(text: str, place: str) -> None:
    read = _read(text)
    assert (place, "place") in read
    assert not any(t == "person" for _, t in read)


@pytest.mark.parametrize(
    ("text", "streets"),
    [
        ("Bin collections on Windsor Drive and Nelson Way move to Friday.", ["Windsor Drive", "Nelson Way"]),  # council
        ("Police closed Kingston Lane after a crash.", ["Kingston Lane"]),  # police
        ("Residents of Chester Close were told to stay inside.", ["Chester Close"]),  # fire
        ("The shop on Victoria Drive in Bournemouth reopened.", ["Victoria Drive"]),  # business
    ],
)
def test_a_street_after_a_preposition_is_one_place(text: str, streets: list[str]) -> None:
    read = _read(text)
    for street in streets:
        assert (street, "place") in read, read


def test_a_person_named_like_a_street_stays_a_person() -> None:
    assert ("Nathan Lane", "person") in _read("The films of Nathan Lane were shown at the festival.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It owns Marks & Spencer. The shares fell.", "Marks & Spencer"),  # business
        ("The board met on Monday. Ernst & Young audited it.", "Ernst & Young"),  # audit
        ("Anglian Water and Essex & Suffolk Water. The regulator agreed.", "Essex & Suffolk Water"),  # utility
    ],
)
def test_a_name_joined_by_ampersand_stops_at_a_sentence_end(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)
