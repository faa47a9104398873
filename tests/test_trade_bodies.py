"""Organisations with no head word (round eighteen, ner18: `trade_bodies`): a place and a trade's word,
departments "X and Y Canada", names an acronym in brackets defines, firms whose shares trade, the UK's
"Of" regulators, bodies named with a UK nation; and the benchmark's reading of a dateline. Every text is
made up."""

from __future__ import annotations

import pytest

from benchmarks.eval_entities import dateline_preds
from tests.extraction_support import default_extractor, typed_mentions


def _read(text: str) -> list[tuple[str, str]]:
    return typed_mentions(default_extractor(), text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Welsh Water was fined after a sewage spill near the beach.", "Welsh Water"),  # local news
        ("Customers of Thames Water face higher bills from April.", "Thames Water"),  # business
        ("Scottish Power said it would cut standing charges.", "Scottish Power"),  # energy
        ("British Gas engineers walked out over pay on Monday.", "British Gas"),  # strikes
        ("National Grid warned that supply would be tight next week.", "National Grid"),  # energy
        ("Indian Railways will hire 20,000 staff this year.", "Indian Railways"),  # transport
        ("The trains will be built by Hitachi Rail Europe at its plant in Durham.", "Hitachi Rail Europe"),
        ("Tohoku Electric Power restarted the reactor on Tuesday.", "Tohoku Electric Power"),  # science
    ],
)
def test_a_place_or_firm_word_and_a_trade_word_is_one_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Drinking Water standards were tightened by the ministry.", "Drinking Water"),
        ("Light Rail services resumed on Monday after the storm.", "Light Rail"),
        ("Jordan Power scored twice for the Tigers on Saturday.", "Jordan Power"),  # sport: a person
        ("The People's Power rally filled the square.", "People's Power"),
    ],
)
def test_common_words_possessives_and_people_before_a_trade_word_stay_apart(text: str, absent: str) -> None:
    assert all(name != absent or kind != "organization" for name, kind in _read(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fisheries and Oceans Canada closed the lobster season early.", "Fisheries and Oceans Canada"),
        ("Environment and Climate Change Canada issued a heat warning.", "Environment and Climate Change Canada"),
        ("Agriculture and Agri-Food Canada funded the wheat trial.", "Agriculture and Agri-Food Canada"),
    ],
)
def test_a_department_named_x_and_y_and_a_country_is_one_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


def test_two_places_or_a_body_and_a_place_joined_by_and_stay_apart() -> None:
    read = _read("Britain and Ireland signed the accord. The Environment Agency and Natural England said so.")
    assert ("Environment Agency", "organization") in read
    assert not any(" and " in name for name, _ in read)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The World Food Programme (WFP) appealed for $200 million. WFP said stocks were low.",  # aid
            ["World Food Programme", "WFP"],
        ),
        ("Shares rose on the Korea Exchange (KRX) on Monday, and the KRX said volumes were high.", ["KRX"]),
        ("Fisheries and Oceans Canada (DFO) closed the fishery. DFO officers will visit.", ["DFO"]),
    ],
)
def test_a_run_and_the_acronym_in_brackets_after_it_are_organisations(text: str, names: list[str]) -> None:
    read = _read(text)
    for name in names:
        assert (name, "organization") in read


def test_places_and_bodies_read_already_keep_their_reading_before_an_acronym() -> None:
    read = _read("The Democratic Republic of the Congo (DRC) and the Korean People's Army (KPA) met.")
    assert ("Democratic Republic of the Congo", "place") in read
    assert ("Korean People's Army", "organization") in read


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares in Rolls-Royce rose 6 percent on Thursday.", "Rolls-Royce"),  # business
        ("Sasol shares fell after the fire at its plant.", "Sasol"),  # industry
    ],
)
def test_a_name_whose_shares_trade_is_a_firm(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


def test_a_sector_or_a_country_before_shares_is_no_firm() -> None:
    read = _read("Tech shares fell. UK shares closed higher. Asian shares slipped.")
    assert not any(kind == "organization" for _, kind in read)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ofwat set tighter limits on bills.", "Ofwat"),  # utilities
        ("Ofsted rated the school inadequate.", "Ofsted"),  # education
        ("Natural Resources Wales said the river was polluted.", "Natural Resources Wales"),  # environment
        ("Food Standards Scotland has recalled the cheese.", "Food Standards Scotland"),  # food
    ],
)
def test_regulators_and_bodies_named_with_a_uk_nation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


def test_officers_offers_and_regions_of_a_nation_are_no_body() -> None:
    read = _read("The Chief Executive Officer resigned. Offers were made. Northern England has seen rain.")
    assert ("Northern England", "place") in read
    assert not any(kind == "organization" for _, kind in read)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("SEOUL — The court ruled on Friday.", [("SEOUL", "place")]),
        ("CAMBRIDGE, Mass. — Researchers said.", [("CAMBRIDGE", "place"), ("Mass.", "place")]),
        ("ABUJA, March 4 (Reuters) - Shares rose.", [("ABUJA", "place"), ("Reuters", "organization")]),
        ("Shares rose in Seoul on Friday.", []),
    ],
)
def test_the_benchmark_reads_a_dateline_as_the_documents_place_and_source(
    text: str, read: list[tuple[str, str]]
) -> None:
    assert [(text[p.start : p.end], p.type) for p in dateline_preds(text)] == read


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Its shares ended higher on the National Stock Exchange on Friday.", "National Stock Exchange"),  # markets
        ("Kent Wildlife Trust bought the marsh for £2m.", "Kent Wildlife Trust"),  # environment
        ("The Halle Orchestra played Elgar to a full hall.", "Halle Orchestra"),  # arts
    ],
)
def test_a_run_nothing_read_ending_in_an_organisations_title_case_word_is_one(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


def test_a_common_word_opening_a_sentence_before_such_a_word_is_no_organisation() -> None:
    assert _read("Foreign Exchange rates fell. Student Exchange programmes grew.") == []


def test_common_words_in_title_case_before_such_a_word_are_no_organisation() -> None:
    assert _read("I sold it to the Mobile Phone Exchange down the road.") == []
