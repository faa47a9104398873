"""People by the form of their names (round thirteen, people14): a family name the gazetteer knows as a
town after a given name, a generational suffix, a rank word opening a company's name, a given name
nothing read before a family name. Every text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import people_in, typed_mentions
from workbook.extract.person_forms import suffix_end
from workbook.extract.person_vietnamese import vietnamese_people
from workbook.extract.pipeline import DefaultExtractor


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The fair was opened by Bill Young, and Hope Martinez, 9, won the pie contest.", "Hope Martinez"),  # local
        ("Irish taoiseach Micheál Martin met the president in Brussels.", "Micheál Martin"),  # government
        ("The striker Dwayne Martinez scored twice before half-time.", "Dwayne Martinez"),  # sport
        ("Defence lawyer Aoife Martin told the jury her client was at home.", "Aoife Martin"),  # courts
    ],
)
def test_a_family_name_the_gazetteer_knows_as_a_town_after_a_given_name_is_a_person(
    extractor: DefaultExtractor, text: str, name: str
) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Flooding closed roads around Martinez on Monday.", "Martinez"),  # no word before it
        ("The team flew from Jordan to Houston on Friday.", "Houston"),  # a city of millions
    ],
)
def test_a_town_without_a_given_name_before_it_stays_a_place(
    extractor: DefaultExtractor, text: str, place: str
) -> None:
    assert (place, "place") in set(typed_mentions(extractor, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gilberto Teodoro Jr., the defence secretary, spoke on Monday.", "Gilberto Teodoro Jr."),  # defence
        ("Lt. Gen. Roger B. Turner Jr. praised the unit.", "Roger B. Turner Jr."),  # defence, a rank
        ("Shares fell after Alvaro Quintana Sr. sold his stake.", "Alvaro Quintana Sr."),  # business
        ("The plaintiff, Desmond Achterberg Jr., sued the city in May.", "Desmond Achterberg Jr."),  # courts
    ],
)
def test_a_generational_suffix_ends_the_name(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


def test_suffix_end() -> None:
    text = "Gilberto Teodoro Jr., the secretary; Tom Reed, Sr. spoke; Ann Lee left."
    assert suffix_end(text, text.index(" Jr")) == text.index(",")
    assert suffix_end(text, text.index(", Sr")) == text.index(" spoke")
    assert suffix_end(text, text.index(" left")) == text.index(" left")


@pytest.mark.parametrize(
    "text",
    [
        "General Foods said on Monday that sales rose.",  # business
        "Orders at General Instruments doubled in the quarter.",
    ],
)
def test_a_rank_word_opening_a_company_s_name_makes_no_person(extractor: DefaultExtractor, text: str) -> None:
    assert not people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("General Petraeus said the plan would work.", "Petraeus"),  # defence: no listed name, no common word
        ("General Grant took the city in July.", "Grant"),  # history: a listed name that is also a word
    ],
)
def test_a_general_with_a_name_stays_a_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lando Norris of McLaren won on Sunday ahead of Oscar Piastri.", "Lando Norris"),  # sport
        ("India won in Adelaide. Virat Kohli made 88 and was named man of the match.", "Virat Kohli"),  # sport
    ],
)
def test_a_given_name_nothing_read_before_a_family_name_joins_it(
    extractor: DefaultExtractor, text: str, name: str
) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "I highly recommend the hotel if you are looking for a room in Camps Bay.",  # travel: a place word
        "The team trained in County Durham before the final.",  # sport: a place word before the town
        "We ate at Del Frisco on the way to the game.",  # a particle opens a restaurant's name
    ],
)
def test_place_words_make_no_person(extractor: DefaultExtractor, text: str) -> None:
    assert not people_in(extractor, text)


def test_a_country_before_a_family_name_stays_apart(extractor: DefaultExtractor) -> None:
    typed = set(typed_mentions(extractor, "Kenya's Kipchoge won; in Berlin Kipchoge said he was happy."))
    assert not any(s.startswith(("Kenya", "Berlin")) and t == "person" for s, t in typed)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Imran Qureshi KC said his client had not known about the knife.", "Imran Qureshi"),  # courts
        ("The bill was tabled by Helen Morgan MP on Tuesday.", "Helen Morgan"),  # government
        ("The research prize went to Professor Amara Okoye PhD on Friday.", "Amara Okoye"),  # science
    ],
)
def test_letters_after_a_name_are_no_part_of_it(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The funeral will be held at St Wilfrid's Church on Friday.", "St Wilfrid's Church"),  # local news
        ("Volunteers from St. Mary's Hospital ran the stall.", "St. Mary's Hospital"),  # health
        ("Pupils at Saint Joseph's Catholic Primary School raised £400.", "Saint Joseph's Catholic Primary School"),
        ("St Thomas' Hospital said the patient was stable.", "St Thomas' Hospital"),
    ],
)
def test_an_institution_named_after_a_saint_is_no_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    typed = set(typed_mentions(extractor, text))
    assert (name, "organization") in typed
    assert not people_in(extractor, text)


def test_a_city_named_after_a_saint_stays_a_place(extractor: DefaultExtractor) -> None:
    assert ("St. Louis", "place") in set(typed_mentions(extractor, "St. Louis beat Chicago on Sunday."))


def test_a_spanish_particle_pair_is_one_person(extractor: DefaultExtractor) -> None:
    assert "Maria Cristina de los Santos" in people_in(extractor, "Photos were taken by Maria Cristina de los Santos.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The work was led by Nguyen Thi Lan, who said the cathode was cheap.", "Nguyen Thi Lan"),  # science
        ("Striker Tran Quoc Bao scored twice for the visitors.", "Tran Quoc Bao"),  # sport
        ("The boat's owner, Nguyen Van Hung of Wanchese, was taken to hospital.", "Nguyen Van Hung"),  # local news
        ("The court fined Le Van Thanh for fraud.", "Le Van Thanh"),  # courts: "Le" with a middle name
    ],
)
def test_a_vietnamese_name_is_one_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


def test_a_vietnamese_family_name_alone_later_is_the_person(extractor: DefaultExtractor) -> None:
    text = "Nguyen Thi Lan said Vietnam would fund a pilot line. Nguyen said it would open in May."
    assert {"Nguyen Thi Lan", "Nguyen"} <= people_in(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "She read Le Petit Prince on the train.",  # a book: "Le" needs a Vietnamese middle name
        "Flights to Ho Chi Minh City resumed on Monday.",  # a city: a capitalised word follows
        "Fans of Nguyen Van Club cheered.",  # a head word
    ],
)
def test_other_three_word_names_are_no_vietnamese_person(text: str) -> None:
    assert vietnamese_people(text, frozenset({"club"}), lambda _: None) == []


def test_a_possessive_is_no_given_name(extractor: DefaultExtractor) -> None:
    text = "Delegates praised the Ministry of People's Wellbeing and its Wellbeing plan."
    assert not any(p.startswith("People") for p in people_in(extractor, text))
