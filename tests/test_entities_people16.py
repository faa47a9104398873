"""Person errors left after round fourteen (round fifteen, people16): a given name and a family name both
known as towns, given names in lists of people, spelled-out ranks that are also words, firms named by a
name and a trade word, capitalised particles and a given name the gazetteer knows before a family name.
Every text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import people_in, typed_mentions
from workbook.extract.person_firms import is_trade_word
from workbook.extract.pipeline import DefaultExtractor
from workbook.extract.ranks import rank_spans, spelled_ranks

# --- a given name and a family name, both small towns ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Council members Tracy Ames and Dora Fitch voted against the budget.", "Tracy Ames"),  # local news
        ("The jury heard that Tracy Ames had signed the lease in 2019.", "Tracy Ames"),  # courts
        ("Striker Tracy Ames scored twice before half-time.", "Tracy Ames"),  # sport
        ("The chief executive, Paul Lincoln, said margins had held.", "Paul Lincoln"),  # business
    ],
)
def test_two_towns_side_by_side_as_given_and_family_name_are_a_person(
    extractor: DefaultExtractor, text: str, name: str
) -> None:
    assert name in people_in(extractor, text)


def test_towns_apart_by_a_comma_stay_places(extractor: DefaultExtractor) -> None:
    typed = set(typed_mentions(extractor, "The team trains in Lincoln, Nebraska, and plays in Ames."))
    assert ("Lincoln", "place") in typed and ("Ames", "place") in typed


# --- given names in lists of people ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The sisters Tracy and Ann Holbrook opened a bakery on the high street.", {"Ann Holbrook", "Tracy"}),
        ("Madison, Paul Lincoln and Jo Derby were elected to the board.", {"Madison", "Paul Lincoln"}),  # schools
        ("Goals from Regina, Kelly Marsh and Laura Pike sealed the win.", {"Regina", "Kelly Marsh"}),  # sport
    ],
)
def test_a_given_name_town_in_a_list_with_a_person_is_a_person(
    extractor: DefaultExtractor, text: str, names: set[str]
) -> None:
    assert names <= people_in(extractor, text)


def test_a_list_of_given_names_of_the_documents_people_is_people(extractor: DefaultExtractor) -> None:
    text = "The sisters Tracy and Ann Holbrook run the shop. Tracy and Ann trained at a college in Boston."
    typed = typed_mentions(extractor, text)
    assert typed.count(("Tracy", "person")) >= 1 and ("Ann", "person") in typed
    assert ("Tracy", "place") not in typed and ("Ann", "place") not in typed


@pytest.mark.parametrize(
    "text",
    [
        "The company has depots in Tracy and Lodi, its spokesman said.",  # business
        "Storms closed roads between Austin and Dallas on Sunday.",  # weather
        "Flights from Madison, Regina and Tracy were cancelled.",  # travel: no person in the list
    ],
)
def test_a_list_of_towns_stays_places(extractor: DefaultExtractor, text: str) -> None:
    assert not people_in(extractor, text)


# --- spelled-out ranks that are also words -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Major Ellen Baker, a spokeswoman for the division, said the brigade would deploy.", "Ellen Baker"),
        ("Major Baker said the convoy had left at dawn.", "Baker"),  # defence
        ("General Kim said the allies were ready.", "Kim"),  # diplomacy
        ("Specialist Kim Anderson was decorated for pulling two drivers from a flood.", "Kim Anderson"),  # local
    ],
)
def test_a_spelled_out_rank_opening_a_sentence_cues_the_person(
    extractor: DefaultExtractor, text: str, name: str
) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Major League Baseball said the game was off.",  # sport
        "Private Eye printed the story on Wednesday.",  # media
        "Major Crimes detectives arrived at noon.",  # police
        "Workers of the General Bureau of the Tanchon Area Mining Industry sent aid.",  # industry: a head word
    ],
)
def test_a_spelled_out_rank_before_words_is_no_rank(extractor: DefaultExtractor, text: str) -> None:
    assert not people_in(extractor, text)


def test_spelled_ranks_leave_declared_ranks_alone() -> None:
    names = {"baker": "s0", "dwayne": "g", "austin": "gs1"}
    text = "Sergeant Major Dwayne Austin and Major Baker spoke."
    ranks = rank_spans(text)
    found = spelled_ranks(text, ranks, names, frozenset(), frozenset())
    assert [text[r.start : r.end] for r in found] == ["Major"] and text[found[0].name_at :].startswith("Baker")


# --- firms named by a name and a trade word ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("Drivers sued Ostrava Logistics for unpaid overtime.", "Ostrava Logistics"),  # courts
        ("The Leeds engineering firm Harrison Fabrication has been sold.", "Harrison Fabrication"),  # business
        ("Dawson Haulage signed a five-year contract with the port.", "Dawson Haulage"),  # transport
        ("The club's new shirt sponsor is Keller Analytics.", "Keller Analytics"),  # sport
    ],
)
def test_a_name_and_a_trade_word_are_a_firm(extractor: DefaultExtractor, text: str, firm: str) -> None:
    typed = set(typed_mentions(extractor, text))
    assert (firm, "organization") in typed
    assert not people_in(extractor, text)


def test_everyday_words_and_names_are_no_trade_words() -> None:
    names = {"savage": "s1", "marion": "gs1"}
    english = frozenset({"village", "station", "passage"})
    assert is_trade_word("Logistics", names, frozenset(), english)
    assert is_trade_word("Haulage", names, frozenset(), english)
    for word in ("Village", "Station", "Passage", "Savage", "Marion", "logistics", "Image"):
        assert not is_trade_word(word, names, frozenset(), english)


def test_a_place_before_an_everyday_word_stays_a_place(extractor: DefaultExtractor) -> None:
    typed = set(typed_mentions(extractor, "She lives in Greenwich Village, a short walk from the river."))
    assert ("Greenwich Village", "organization") not in typed


# --- capitalised particles and given names the gazetteer knows ---------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Marine Le Pen met the president on Thursday.", "Marine Le Pen"),  # politics: a common given name
        ("The striker Will De Souza scored twice in the second half.", "Will De Souza"),  # sport
        ("Lawyer Maria De la Torre objected to the question.", "Maria De la Torre"),  # courts
    ],
)
def test_a_given_name_before_a_capitalised_particle_is_one_person(
    extractor: DefaultExtractor, text: str, name: str
) -> None:
    assert name in people_in(extractor, text)


def test_places_with_a_capitalised_particle_stay_places(extractor: DefaultExtractor) -> None:
    text = "Flights to Des Moines and La Paz resumed on Monday."  # travel
    assert not people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Iga Swiatek beat Madison Keys 6-3 6-2 in the semi-final.", "Madison Keys"),  # tennis
        ("Chelsea Manning spoke at the conference on Friday.", "Chelsea Manning"),  # politics
    ],
)
def test_a_given_name_town_before_a_listed_family_name_is_a_person(
    extractor: DefaultExtractor, text: str, name: str
) -> None:
    assert name in people_in(extractor, text)


def test_a_given_name_town_before_a_place_word_stays_a_place(extractor: DefaultExtractor) -> None:
    text = "The old Chelsea Barracks closed in 2008. Crowds gathered at the Lincoln Memorial."
    assert not people_in(extractor, text)
