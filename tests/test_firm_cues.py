"""Firms and bodies the words around them name (round nineteen, ner20: `firm_cues`): what only a firm does,
appositions and kind words, a firm's possessive roles, firms' forms and foreign firm words, two firms
joined by "and", common-word bodies before a reporting verb, lists holding an organisation. Every text is
made up (the firms' names are invented or changed)."""

from __future__ import annotations

import pytest

from tests.extraction_support import default_extractor, typed_mentions


def _read(text: str) -> list[tuple[str, str]]:
    return typed_mentions(default_extractor(), text)


def _org(text: str, name: str) -> bool:
    return any(n == name and kind in ("organization", "place") for n, kind in _read(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brenvaro cut its profit forecast for the year on Monday, blaming fuel costs.", "Brenvaro"),  # airlines
        ("Quellmark raised its annual dividend after a strong year in Asia.", "Quellmark"),  # results
        ("Tarvenix beat forecasts again, with revenue up 12 percent.", "Tarvenix"),  # tech earnings
        ("Halvoro has won a 40 million pound contract to repair the county's bridges.", "Halvoro"),  # procurement
        ("Dremoval issued a profit warning after a wet summer.", "Dremoval"),  # retail
        ("Passengers were stranded as Skelvair grounded flights at two airports.", "Skelvair"),  # transport
        ("Zentrova reported a 14 percent fall in underlying profit.", "Zentrova"),  # mining
        ("Orvanta and Kelmscore both cut their output forecasts on Tuesday.", "Kelmscore"),  # energy
    ],
)
def test_a_name_before_what_only_a_firm_does_is_an_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Verdano, the services union, said staff would stay out until Thursday.", "Verdano"),  # strikes
        ("Stepwell, the debt charity, said calls had doubled.", "Stepwell"),  # charity
        ("Transport Focus, the passenger watchdog, said refunds were too slow.", "Transport Focus"),  # rail
        ("The club was bought by Arcadino, a lithium producer, last year.", "Arcadino"),  # sport / business
        ("Complaints about the airline Qorvair rose sharply in March.", "Qorvair"),  # consumer news
        ("Mr Hale, Sandervik's chief executive, said the plant would close.", "Sandervik"),  # local news
    ],
)
def test_an_apposition_or_a_kind_word_names_a_firm_or_a_body(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Dave Brennan, a film producer, said the studio was closing.", "Dave Brennan"),  # culture
        ("Tom Hardcastle, a retired miner, said the pit had shaped the town.", "Tom Hardcastle"),  # local news
        ("Sarah Ellison, the head of the union, said members would vote.", "Sarah Ellison"),  # strikes
    ],
)
def test_people_a_kind_word_describes_stay_people(text: str, absent: str) -> None:
    assert (absent, "organization") not in _read(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kastora Motor said quarterly profit rose on hybrid sales.", "Kastora Motor"),  # cars
        ("Deutsche Fernbahn added extra trains between the two cities.", "Deutsche Fernbahn"),  # transport
        ("Velmont Holdings will sell its hotels in Spain.", "Velmont Holdings"),  # property
    ],
)
def test_a_firms_form_or_a_foreign_firm_word_is_no_person(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


def test_two_firms_joined_by_and_after_a_legal_form_are_two() -> None:
    read = _read("Chip stocks rose after shares of Harunami Group and Osaka Vantel led the index higher.")
    assert ("Harunami Group", "organization") in read
    assert ("Harunami Group and Osaka Vantel", "organization") not in read


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Network Rail said the line would reopen on Sunday.", "Network Rail"),  # transport
        ("Citizens Advice said it had helped a record number of renters.", "Citizens Advice"),  # advice
        ("Energy Saving Trust warned that installers were scarce.", "Energy Saving Trust"),  # energy
    ],
)
def test_common_words_in_title_case_before_a_reporting_verb_are_a_body(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Human Rights Groups said the rules were too harsh.", "Human Rights Groups"),  # a plural
        ("Mark Field said the council had acted too late.", "Mark Field"),  # a given name first
    ],
)
def test_plurals_and_given_names_before_a_reporting_verb_are_no_body(text: str, absent: str) -> None:
    assert (absent, "organization") not in _read(text)


def test_other_members_of_a_list_with_a_firm_are_firms() -> None:
    assert ("Trelvane", "organization") in _read("The contract went to Microsoft, Trelvane and Kelbrook Systems.")
    read = _read("Complaints were about Vodafone, Brelcom and Sky Mobile.")  # consumer news
    assert ("Vodafone", "organization") in read
    assert ("Brelcom", "organization") in read


def test_a_list_of_people_or_places_is_left_alone() -> None:
    read = _read("Smith, Jones and Patel scored for Leeds and Bradford in the cup.")
    assert all(kind != "organization" for _, kind in read)


def test_a_list_of_counties_or_with_a_place_is_no_list_of_firms() -> None:
    read = _read("Builders sent to Usi, Kyongsong and Kumya counties worked with the Youth League.")
    assert all(kind != "organization" for name, kind in read if name in ("Usi", "Kyongsong"))


def test_a_country_cutting_its_forecast_stays_a_place() -> None:
    assert ("Germany", "place") in _read("Germany cut its growth forecast for next year.")


def test_a_uk_body_before_a_verb_is_one_organisation() -> None:
    assert ("Age UK", "organization") in _read("Age UK said it had received 40,000 calls about pensions.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares in Brellco rose. Harvanta fell after Vostrell walked away from a bid.", "Harvanta"),  # markets
        ("The regulator said Tixmart customers had paid more than advertised.", "Tixmart"),  # consumer news
        ("Results were strong at Tata Motors. Korvanda reports on Friday.", "Korvanda"),  # earnings diary
        ("Elvoria cut power to parts of the city on Tuesday, the utility said.", "Elvoria"),  # energy
        ("Banvaro has raised its stake in Crestline to 28 per cent.", "Banvaro"),  # banking
        ("The supplier, Morvelle, said the affected batches were made in June.", "Morvelle"),  # food safety
    ],
)
def test_market_moves_firm_customers_results_days_and_supplies_name_firms(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


def test_a_fall_outside_business_news_is_no_firm() -> None:
    assert ("Hartley", "organization") not in _read("Hartley fell after a late tackle and left the pitch.")  # sport


def test_a_place_before_the_company_said_is_no_apposition() -> None:
    read = _read("Trains will be built in Hexworth, the company said.")  # manufacturing
    assert ("Hexworth", "organization") not in read
