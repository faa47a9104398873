"""Person errors left after round thirteen (round fourteen, people15): a company's word after a rank
spelled out that the classifier reads as a person, a firm named by a plural, and a given name the
gazetteer knows as a town after a preposition of place. Every text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import people_in, typed_mentions
from workbook.extract.person_shapes import after_place_preposition
from workbook.extract.pipeline import DefaultExtractor


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("General Motors said on Tuesday it would cut 2,000 jobs at its plant in Ohio.", "Motors"),  # business
        ("Shares of General Electric fell 3% after the results.", "Electric"),  # markets
        ("The team's new sponsor, General Motors, unveiled the kit on Friday.", "Motors"),  # sport
        ("A jury found that General Electric had hidden the defect from regulators.", "Electric"),  # courts
    ],
)
def test_a_companys_word_after_a_spelled_out_rank_is_no_person(
    extractor: DefaultExtractor, text: str, word: str
) -> None:
    assert word not in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("General Petraeus said the plan would work.", "Petraeus"),  # defence: no word, no listed name
        ("General Grant took the city in July.", "Grant"),  # history: a listed name that is also a word
        ("Colonel Baker told the inquiry the convoy had left at dawn.", "Baker"),  # a listed family name
    ],
)
def test_a_rank_before_a_name_stays_a_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Federal prosecutors in Virginia said the man had laundered money for two years.", "Virginia"),  # courts
        ("Voters in Tracy said the new library was long overdue.", "Tracy"),  # local news
        ("Farmers across Regina said the frost had cut the harvest by half.", "Regina"),  # agriculture
    ],
)
def test_a_given_name_town_after_a_preposition_of_place_stays_a_place(
    extractor: DefaultExtractor, text: str, place: str
) -> None:
    assert place not in people_in(extractor, text)


def test_the_person_and_the_town_of_the_same_name_are_read_apart(extractor: DefaultExtractor) -> None:
    text = "Tracy said she would stay. A school near Tracy closed last year."  # local news
    typed = set(typed_mentions(extractor, text))
    assert ("Tracy", "person") in typed and ("Tracy", "place") in typed


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("prosecutors in Virginia", 15, True),
        ("a school near Tracy", 14, True),
        ("In Regina", 3, True),
        ("Mercedes said", 0, False),
        ("a letter to Tracy", 12, False),
        ("within Marion's reach", 7, True),
    ],
)
def test_after_place_preposition(text: str, at: int, expected: bool) -> None:
    assert after_place_preposition(text, at) is expected


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("Kelwood Partners bought the building in March, the agent said.", "Kelwood Partners"),  # business
        ("The club's shirts are made by Harlan Motors, its sponsor since 2019.", "Harlan Motors"),  # sport
        ("We booked a car with Dallas Great Limos for the wedding.", "Dallas Great Limos"),  # local news
        ("The court heard that Ostrava Trucks had not paid its drivers.", "Ostrava Trucks"),  # courts
    ],
)
def test_a_name_ending_in_the_plural_of_a_common_word_is_a_firm(
    extractor: DefaultExtractor, text: str, firm: str
) -> None:
    assert firm not in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Harry Styles played two nights at the arena.", "Harry Styles"),  # culture: a listed family name
        ("Eric Banks scored twice in the second half.", "Eric Banks"),  # sport: a common family name
        ("Judge Helen Waters sentenced him to four years.", "Helen Waters"),  # courts
        ("Dr. Amara Fields led the trial of the vaccine.", "Amara Fields"),  # science
    ],
)
def test_a_family_name_that_is_a_plural_stays_a_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The theatre staged Le Petit Prince for a third season.", "Le Petit Prince"),  # culture
        ("She had read Les Misérables twice before the exam.", "Les Misérables"),  # books
        ("The striker's favourite film is La Grande Vadrouille, he told the club magazine.", "La Grande Vadrouille"),
    ],
)
def test_a_title_opening_with_a_french_article_is_no_person(extractor: DefaultExtractor, text: str, title: str) -> None:
    assert title not in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The poet Les Murray signed copies at the library.", "Les Murray"),  # culture: "Les" a given name
        ("Le Duc Tho met the envoy in Paris in 1972.", "Le Duc Tho"),  # diplomacy: a Vietnamese name
        ("Le Pen said the vote had been close.", "Le Pen"),  # politics: a family name of two words
    ],
)
def test_a_name_opening_with_le_or_les_stays_a_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The ambassador, Aingeal O'Donoghue, met officials in Dublin on Monday.", "Aingeal O'Donoghue"),  # diplomacy
        ("The referee, Ciarán O'Halloran, sent off two players.", "Ciarán O'Halloran"),  # sport
        ("The Minister for Health, Aoife O'Brien, said waiting lists would fall.", "Aoife O'Brien"),  # government
        ("Judge Máire O’Sullivan adjourned the case until May.", "Máire O’Sullivan"),  # courts, curly apostrophe
    ],
)
def test_given_names_before_an_o_family_name_are_a_person(extractor: DefaultExtractor, text: str, name: str) -> None:
    assert name in people_in(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials said Abdullah bin Zayed Al Nahyan would attend the summit.", "Abdullah bin Zayed Al Nahyan"),
        ("The cup was presented by Mohammed bin Rashid Al Maktoum after the race.", "Mohammed bin Rashid Al Maktoum"),
        ("The court heard that Khalid ibn Saud had signed the lease.", "Khalid ibn Saud"),  # courts
        ("Fatima bint Mubarak opened the new school on Sunday.", "Fatima bint Mubarak"),  # local news
    ],
)
def test_given_names_before_a_chain_of_bin_names_are_a_person(
    extractor: DefaultExtractor, text: str, name: str
) -> None:
    assert name in people_in(extractor, text)
