"""Person errors left after round fifteen (round sixteen, people17): a given name the gazetteer knows as a
large city or a country, read as a person where the sentence says so, firms named by a name and a word
of finance, and a classifier's person ending in a street's word. Every text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import people_in, typed_mentions
from workbook.extract.ner_model import ScoredSpan, default_entity_model
from workbook.extract.person_firms import FINANCE_WORDS, is_trade_word
from workbook.extract.person_places import street_not_person
from workbook.extract.pipeline import DefaultExtractor

# --- a place's given name before a family name, with a person's word -------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Denver, a pharmacist, replaces Dallas Young, who moved to Amarillo last year.", "Dallas Young"),  # schools
        ("The Mavericks trained in Dallas. Coach Dallas Young praised the defence.", "Dallas Young"),  # sport
        ("Prosecutors in Jordan said Jordan Bardella, who leads the party, broke no law.", "Jordan Bardella"),  # courts
        ("Sales rose in Houston. Austin Young said the plant in Austin would hire.", "Austin Young"),  # business
        ("The probe left Madison on Monday; Madison Keys said the data looked clean.", "Madison Keys"),  # science
    ],
)
def test_a_place_given_name_with_a_persons_word_is_a_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Georgia Power said it would raise rates in Georgia.", "Georgia"),  # a rare family name, an everyday word
        ("Jordan Valley farmers said they lost crops.", "Jordan Valley"),  # a place word
        ("Dallas Police said the suspect fled on foot.", "Dallas Police"),  # a head word
        ("He moved to Madison, Wisconsin, in 2010 and taught there.", "Madison"),  # a comma between
    ],
)
def test_a_place_before_a_word_of_no_family_name_stays_what_it_was(
    extractor: DefaultExtractor, text: str, place: str
) -> None:
    typed = set(typed_mentions(extractor, text))
    assert (place, "person") not in typed
    assert not any(t == "person" for _, t in typed)


# --- a name and a word of finance are a firm ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("Brandon Lowell, the founder of Lowell Capital, was convicted of fraud.", "Lowell Capital"),  # courts
        ("The club's new owner is Harlan Ventures, a fund from Ohio.", "Harlan Ventures"),  # sport
        ("Regulators fined Moss Securities on Tuesday.", "Moss Securities"),  # business
        ("The lab's spin-out was backed by Ortiz Investments.", "Ortiz Investments"),  # science
    ],
)
def test_a_name_and_a_word_of_finance_are_a_firm(extractor: DefaultExtractor, text: str, firm: str) -> None:
    typed = set(typed_mentions(extractor, text))
    assert (firm, "organization") in typed


def test_everyday_capital_words_are_no_firm(extractor: DefaultExtractor) -> None:
    text = "Venture Capital funds and Global Capital fell. The capital, Canberra, was quiet."
    assert not any(t == "organization" for _, t in typed_mentions(extractor, text))
    assert {"capital", "ventures"} <= FINANCE_WORDS
    assert is_trade_word("Capital", {}, frozenset({"capital"}), frozenset()) and not is_trade_word(
        "capital", {}, frozenset(), frozenset()
    )


# --- a classifier's person ending in a street's word is a street ---------------------------------------


def _person(words: tuple[str, ...], left: str) -> ScoredSpan:
    return ScoredSpan(0, len(" ".join(words)), "person", 0.7, 0.2, words, left)


@pytest.mark.parametrize(
    ("words", "left", "kind"),
    [
        (("Madison", "Avenue"), "crowded", "place"),  # retail news
        (("Kevin", "Road"), "along", "place"),  # sport: fans queued along it
        (("Victoria", "Drive"), "of", "place"),  # local news
        (("Sarah", "Lane"), "on", "place"),  # a family name's word after a preposition of place
        (("Diane", "Lane"), "stars", "person"),  # culture: the actress
        (("Picabo", "Street"), "skier", "person"),  # sport: the skier
        (("Martin", "Luther", "King"), "on", "person"),  # no street's word
    ],
)
def test_a_persons_reading_ending_in_a_streets_word_is_a_street(
    extractor: DefaultExtractor, words: tuple[str, ...], left: str, kind: str
) -> None:
    names = default_entity_model().names
    assert street_not_person(_person(words, left), names).type == kind


def test_a_street_in_a_sentence_stays_a_place(extractor: DefaultExtractor) -> None:
    text = "Shoppers crowded Madison Avenue on Saturday, and Madison Keys said she loved it."
    typed = set(typed_mentions(extractor, text))
    assert ("Madison Avenue", "place") in typed and ("Madison Keys", "person") in typed


# --- a town read as a middle name --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The board named Paul Lincoln Kingsley as its new chair on Monday.", "Paul Lincoln Kingsley"),  # business
        ("The court heard that Mary Florence Whitaker had signed the will.", "Mary Florence Whitaker"),  # courts
        ("Survivors include her son, James Preston Hale, of Ohio.", "James Preston Hale"),  # obituaries
    ],
)
def test_a_town_between_a_given_and_a_family_name_is_a_middle_name(
    extractor: DefaultExtractor, text: str, name: str
) -> None:
    assert name in people_in(extractor, text)


def test_a_given_name_and_a_town_before_no_family_name_stay_as_they_were(extractor: DefaultExtractor) -> None:
    typed = set(typed_mentions(extractor, "Council members Tracy Ames and Dora Fitch voted against the budget."))
    assert ("Tracy Ames", "person") in typed and ("Dora Fitch", "person") in typed
