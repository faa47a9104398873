"""Organisations and places the sentence does not announce (round twenty, ner22: `unannounced_names`):
names that open in lower case or end in punctuation, words with a capital inside, one unknown word before a
reporting verb or a firm's act, kind words opening a sentence, "Main Line" rail lines, two portfolio words
after "of". Every text is made up (the firms' names are invented or changed)."""

from __future__ import annotations

import pytest

from tests.extraction_support import default_extractor, typed_mentions
from workbook.extract.entity_runs import LEARNED, Candidate
from workbook.extract.unannounced_names import lone_firms


def _read(text: str) -> list[tuple[str, str]]:
    return typed_mentions(default_extractor(), text)


def _names(text: str) -> set[str]:
    return {n for n, _ in _read(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shoppers complained that parcels sent through eVendra went missing.", "eVendra"),  # consumer news
        ("Shares in iCleanix fell 9 percent after the recall.", "iCleanix"),  # tech news
        ("zipFleet said it would add twelve routes next spring.", "zipFleet"),  # transport
    ],
)
def test_a_name_opening_in_lower_case_is_an_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    "text",
    [
        "Customers queued for the iVenta 12 outside the store.",  # a product and its number
        "Her new iVenta was stolen on the train.",  # a product after "new"
    ],
)
def test_a_product_in_lower_case_is_no_organisation(text: str) -> None:
    assert "iVenta" not in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Consumer group Whichever? has urged buyers to check their locks.", "Whichever?"),  # consumer news
        ("Yodelo! is closing its photo service in March.", "Yodelo!"),  # tech news
    ],
)
def test_a_name_ending_in_punctuation_before_a_lower_case_word_is_an_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    "text",
    [
        "Why? he asked the committee.",  # a question and a pronoun
        "Really? no, not again.",  # an answer word
        "Kelso? are they still running trains there?",  # a verb and a pronoun: a question
    ],
)
def test_a_question_is_no_organisation(text: str) -> None:
    assert not any(n.endswith("?") for n in _names(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The customer, grid operator VentaLink, said the cable would be ready in 2031.", "VentaLink"),
        ("Power will be carried by HorneT from next year.", "HorneT"),
    ],
)
def test_a_word_with_a_capital_inside_is_an_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("She finished her PhD in Leeds.", "PhD"),  # an abbreviation's letters
        ("Paste the StoryID into the form.", "StoryID"),
        ("Coach McAdam praised the defence.", "McAdam"),  # a person's prefix
        ("Pupils of Kim Il SungUniversity met.", "SungUniversity"),  # two words run together
    ],
)
def test_abbreviations_and_person_prefixes_are_no_inner_capital_firm(text: str, absent: str) -> None:
    assert (absent, "organization") not in _read(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vorantec said on Tuesday it would close its plant in Pilsen.", "Vorantec"),  # business wire
        ("Brelluna agreed to sell its tea brand for an undisclosed sum.", "Brelluna"),  # consumer goods
        ("Kestravo and Ulmindor also said this year that they had paused projects.", "Ulmindor"),  # energy
        ("Ofgem has fined Quintaro 2 million pounds for overcharging customers.", "Quintaro"),  # regulator
    ],
)
def test_one_unknown_word_before_a_firm_verb_is_an_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Shoppers complained about the queues.", "Shoppers"),  # a plural noun opening the sentence
        ("Campaigners said the road should close.", "Campaigners"),
        ("Expressing hope that the talks would go well, he left.", "Expressing"),  # a form of a common word
        ("Ten Hag said his players had been unlucky.", "Hag"),  # a particle before the name
        ("Amara Velkonen joined the board in May. Velkonen said the firm would grow.", "Velkonen"),  # a person
    ],
)
def test_plural_nouns_particles_and_people_are_no_lone_firm(text: str, absent: str) -> None:
    assert (absent, "organization") not in _read(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rival Stavemark cut its prices on Friday.", "Stavemark"),  # retail
        ("Chipmaker Vorlith said sales rose 8 percent.", "Vorlith"),  # tech news
        ("Rival Deverto left its prices unchanged.", "Deverto"),  # nothing read after the kind word
    ],
)
def test_a_kind_word_opening_a_sentence_is_cut_from_the_firm(text: str, name: str) -> None:
    read = _read(text)
    assert (name, "organization") in read
    assert not any(n.startswith(("Rival", "Chipmaker")) for n, _ in read)


def test_a_given_name_after_rival_stays_a_person() -> None:
    assert ("Rival Tom", "organization") not in _read("Rival Tom Hale said the vote was rigged.")
    assert ("Tom Hale", "organization") not in _read("Rival Tom Hale said the vote was rigged.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Passengers on the West Coast Main Line face a weekend of disruption.", "West Coast Main Line"),
        ("Work on the Great Western Main Line will close the route.", "Great Western Main Line"),
    ],
)
def test_a_main_line_is_one_place(text: str, name: str) -> None:
    assert (name, "place") in _read(text)


def test_two_portfolio_words_after_of_are_organisations() -> None:
    read = _read("The secretaries of State and Defense met in Washington.")
    assert ("State", "organization") in read
    assert ("Defense", "organization") in read


def test_portfolio_words_need_a_portfolio_pair() -> None:
    assert ("Defense", "organization") not in _read("The firm of Smith and Defense lawyers met.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The heaters are made by Zevrano in Manisa.", "Zevrano"),  # a firm after "made by"
        ("Ofgem has fined Quintaro for overcharging customers.", "Quintaro"),  # after "fined"
    ],
)
def test_an_unknown_word_a_firm_makes_or_is_fined_is_an_organisation(text: str, name: str) -> None:
    out = lone_firms(text, [], frozenset({"heaters", "the"}), {}, lambda _: None)
    assert (name, "organization") in [(text[c.start : c.end], c.type) for c in out]


def test_an_unknown_word_after_made_by_the_classifier_read_stays() -> None:
    text = "The heaters are made by Zevrano in Manisa."
    at = text.index("Zevrano")
    person = Candidate(at, at + 7, "person", LEARNED, "Zevrano")
    assert lone_firms(text, [person], frozenset({"the"}), {}, lambda _: None) == [person]


@pytest.mark.parametrize(
    "name",
    [
        "Department for Environment, Food and Rural Affairs",
        "Department for Digital, Culture, Media and Sport",
        "Ministry of Agriculture, Fisheries and Food",
    ],
)
def test_a_department_of_a_list_of_fields_is_one_organisation(name: str) -> None:
    assert (name, "organization") in _read(f"The {name} said the office would close.")


def test_a_department_before_another_body_in_a_list_is_not_joined() -> None:
    read = _read("He met officials from the Department for Education, Leeds City Council and Ofsted.")
    assert not any(n.startswith("Department for Education,") for n, _ in read)


def test_a_punctuated_name_before_a_comma_inside_a_sentence_is_an_organisation() -> None:
    text = "Rosa Concha, director of policy at the consumer group Whichever?, said prices rose."
    assert ("Whichever?", "organization") in _read(text)


def test_a_department_for_two_fields_is_one_organisation() -> None:
    text = "Caroline Abrams said the Department for Work and Pensions should write to every household."
    assert ("Department for Work and Pensions", "organization") in _read(text)


def test_an_acronym_only_the_classifier_read_as_a_person_is_an_organisation() -> None:
    from workbook.extract.unannounced_names import acronym_people

    text = "LNER and Grand Central passengers should travel via Sheffield."
    person = Candidate(0, 4, "person", LEARNED, "LNER")
    assert [(c.start, c.end, c.type) for c in acronym_people(text, [person])] == [(0, 4, "organization")]


def test_an_acronym_a_rule_read_as_a_person_stays() -> None:
    from workbook.extract.entity_runs import CUED_PERSON
    from workbook.extract.unannounced_names import acronym_people

    text = "President JFK spoke."
    person = Candidate(10, 13, "person", CUED_PERSON, "JFK")
    assert acronym_people(text, [person]) == [person]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hundreds of customers in Hampshire and Dorset were moved onto prepayment meters.", "Dorset"),
        ("Flood warnings remain in force across Cumbria and Wesdale.", "Wesdale"),
    ],
)
def test_the_other_of_two_names_after_a_preposition_of_place_is_a_place(text: str, name: str) -> None:
    assert (name, "place") in _read(text)


def test_a_weekday_after_a_place_and_or_is_no_place() -> None:
    assert ("Tuesday", "place") not in _read("She moved from Paris or Tuesday.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Verdant UK and Mind have warned that cuts would hurt pensioners.", "Verdant UK"),  # charity appeal
        ("A peanut allergy can kill, Allergy UK warned.", "Allergy UK"),  # recall notice
    ],
)
def test_words_and_uk_are_one_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Sales in the South West UK fell.", "South West UK"),  # a direction
        ("He moved to London UK in May.", "London UK"),  # a town and its country
    ],
)
def test_a_place_or_a_direction_and_uk_is_no_organisation(text: str, absent: str) -> None:
    assert (absent, "organization") not in _read(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Workers struck and RATQ cancelled trains into Paris.", "RATQ"),  # transport
    ],
)
def test_an_acronym_that_speaks_or_acts_is_an_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


def test_an_officer_s_title_is_no_organisation() -> None:
    assert not any(kind == "organization" for _, kind in _read("The CEO said sales fell."))
    for text in ("The CEO said sales fell.", "Her CFO said costs rose.", "The BHQ said no."):
        found = [text[c.start : c.end] for c in lone_firms(text, [], frozenset({"the", "her"}), {}, lambda _: None)]
        assert found == (["BHQ"] if "BHQ" in text else [])


def test_shared_reading_helpers() -> None:
    from workbook.extract.entity_runs import NAMED, Candidate
    from workbook.extract.place_org_extents import put_inside, read_between

    a = Candidate(0, 5, "person", NAMED, "Alpha")
    b = Candidate(10, 14, "place", NAMED, "Beta")
    assert read_between([a, b], 4, 11) == [a, b] and read_between([a, b], 5, 10) == []
    whole = Candidate(8, 20, "organization", NAMED, "Beta Group")
    assert put_inside([a, b], whole) == [a, whole]
    crossing = Candidate(3, 12, "organization", NAMED, "pha Be")
    assert put_inside([a, b], crossing) == [a, b]  # crosses a reading's edge: left as it was
