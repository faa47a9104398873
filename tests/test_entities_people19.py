"""People read from the words around a name (round eighteen, people19; :mod:`workbook.extract.person_context`
and :mod:`workbook.extract.person_places`): two given names sharing one family name, months that are given
names, an honorific alone, and given names that are places before "of" and a town or a noun phrase in
apposition. Every text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import people_in, typed_mentions
from workbook.extract.pipeline import DefaultExtractor

# --- two given names sharing one family name -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The striker's parents, Carolina and Ray Okafor, watched from the stand.", "Carolina", "Ray Okafor"),  # sport
        (
            "Grandparents Rose and Albert Pinnock travelled from Leeds for the hearing.",
            "Rose",
            "Albert Pinnock",
        ),  # courts
        ("Sisters June and Ivy Calloway-Reese raised money for Oxfam.", "June", "Ivy Calloway-Reese"),  # charity
        ("The court heard that Jordan and Israel Katz had agreed terms.", "Jordan", "Israel Katz"),  # business
        ("Twins Austin and Sydney Whitehurst shared the science medal.", "Austin", "Sydney Whitehurst"),  # schools
        (
            "He is survived by his daughters, India and Savannah Morrow-Pike.",
            "India",
            "Savannah Morrow-Pike",
        ),  # notices
    ],
)
def test_two_given_names_and_one_family_name_are_two_people(
    extractor: DefaultExtractor, text: str, first: str, second: str
) -> None:
    people = people_in(extractor, text)
    assert first in people and second in people


def test_a_name_ending_in_a_given_name_before_a_pair_stays_whole(extractor: DefaultExtractor) -> None:
    text = "For the respondents: Kirk M. Bart and Celeste Pollock."  # courts: an initial is no sentence's end
    people = people_in(extractor, text)
    assert "Kirk M. Bart" in people and "Celeste Pollock" in people


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Victoria and Albert Museum said the loan would end in May.", "Victoria"),  # culture
        ("Trinidad and Tobago beat Jamaica in the final.", "Trinidad"),  # sport
        ("Flights between Jordan and Israel Airports Authority sites resumed.", "Jordan"),  # transport
    ],
)
def test_places_joined_by_and_stay_places(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert not any(name in p for p in people_in(extractor, text))


# --- a month that is a given name ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("June Hargreaves finished second in the ladies' medal.", "June Hargreaves"),  # sport
        ("April Nwosu held the seat for Labour with 1,204 votes.", "April Nwosu"),  # elections
        ("The bridesmaids were June Fairbrother and Ruth Amadi.", "June Fairbrother"),  # notices
        ("Defending, May Okonkwo told the court her client had repaid the money.", "May Okonkwo"),  # courts
    ],
)
def test_a_month_before_a_family_name_is_a_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "In June Smith was elected chairman of the club.",  # local news: the month
        "The festival opened on 14 June Hargreaves said.",  # a date before a name
        "May Day celebrations were held in Oxford.",  # a holiday
        "Since April Harris has led the council.",
    ],
)
def test_a_month_after_a_word_of_time_or_a_number_stays_a_month(extractor: DefaultExtractor, text: str) -> None:
    people = people_in(extractor, text)
    assert not any(p.startswith(("June", "May", "April")) for p in people)


# --- an honorific alone is no person -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mr and Mrs Keith Fairbrother of Church Stretton hosted the reception.", "Keith Fairbrother"),  # notices
        ("Dr and Mrs Anand Patel thanked the ward's nurses.", "Anand Patel"),  # health
    ],
)
def test_an_honorific_alone_is_no_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    people = people_in(extractor, text)
    assert name in people
    assert not people & {"Mr", "Mrs", "Dr"}


# --- a given name that is a place, before "of" and a town or an apposition -----------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jordan Ellery of Leeds pulled a driver from the burning car.", "Jordan Ellery"),  # local news
        ("Israel Dunmore of Scarborough rescued a dog walker cut off by the tide.", "Israel Dunmore"),  # rescue
        ("Houston Blake, the principal of Lincoln Elementary School, said classes would resume.", "Houston Blake"),
        ("Austin Carver, a spokesman for the district, said repairs could take weeks.", "Austin Carver"),  # schools
        ("Dallas Okafor, the club's new striker, scored twice on Saturday.", "Dallas Okafor"),  # sport
    ],
)
def test_a_place_given_name_before_of_a_town_or_an_apposition(
    extractor: DefaultExtractor, text: str, name: str
) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Jordan Valley of Israel is a farming region.", "Jordan"),  # geography: "Valley" is an English word
        ("Dallas County, the largest in the state, has 2.6 million people.", "Dallas"),  # local government
        ("Austin Energy of Texas raised prices again.", "Austin"),  # business
    ],
)
def test_places_before_of_or_an_apposition_stay_places(extractor: DefaultExtractor, text: str, place: str) -> None:
    mentions = typed_mentions(extractor, text)
    assert not any(surface.startswith(place) and type_ == "person" for surface, type_ in mentions)


# --- another given name before a family name the document gives a person -------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The bride is the daughter of Dr Ngozi Amadi and the late Chike Amadi of Enfield.", "Chike Amadi"),  # notices
        ("Defender Tariq Osei was booked; his brother Kwabena Osei scored twice.", "Kwabena Osei"),  # sport
        ("The groom is the son of Phoenix Marlowe of Asheville and the late Reid Marlowe.", "Phoenix Marlowe"),
        ("Lawyers for Dana Whitcombe said Orlando Whitcombe, who owns the firm, would appeal.", "Orlando Whitcombe"),
    ],
)
def test_another_given_name_before_a_known_family_name(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Jordan Ellery of Leeds spoke first. Councillor Ellery asked whether the bypass was funded.",
            "Councillor Ellery",
        ),
        ("Rita Okafor won the seat. Sergeant Okafor said the count was fair.", "Sergeant Okafor"),  # police
        ("Chike Amadi joined the club in 2001. Coach Amadi said the squad was ready.", "Coach Amadi"),  # sport
    ],
)
def test_a_title_before_a_known_family_name_is_no_given_name(
    extractor: DefaultExtractor, text: str, wrong: str
) -> None:
    """Lead, on the merge: a title or rank before a family name the document gives a person is the title, not
    another given name ("Councillor Ellery" had become a second person, and the speaker of its claim)."""
    assert wrong not in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Reid Marlowe said flights from Phoenix Marlowe had booked were late.", "Phoenix"),  # no person's word
        ("Sarah Lincoln moved to Boston; Boston Lincoln dealers said sales were up.", "Boston"),  # business
    ],
)
def test_a_place_before_a_known_family_name_without_a_persons_word(
    extractor: DefaultExtractor, text: str, place: str
) -> None:
    assert not any(p.startswith(place) for p in people_in(extractor, text))


# --- a person ending in an everyday word before more of a name is a body --------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The walkers raised £12,000 for Macmillan Cancer Support by crossing Wales.", "Macmillan"),  # charity
    ],
)
def test_a_person_ending_in_an_everyday_word_before_a_name_is_no_person(
    extractor: DefaultExtractor, text: str, body: str
) -> None:
    assert not any(p.startswith(body) for p in people_in(extractor, text))


def test_a_family_name_before_a_head_word_stays_with_the_name(extractor: DefaultExtractor) -> None:
    text = "Donations go to the Florence Nightingale Hospital in Derby."  # health: no person, no body cut
    assert not any(p.startswith("Florence") and p != "Florence Nightingale" for p in people_in(extractor, text))
