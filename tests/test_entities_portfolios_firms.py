"""Round ten of the entity rules (issue 12): titles that hold a portfolio or open with a modifier
("Minister for Defence Richard Marles", "Chief Cabinet Secretary Yoshimasa Hayashi";
:mod:`workbook.extract.title_phrases`), the title's words left unread by the classifier, and firms
and aid groups named without a head word (``org_names.BUSINESS_ORGS``: "Goldman Sachs", "Wells
Fargo", "Amnesty International"), and places named by a feature word or "State" the gazetteer lacks
("Second Thomas Shoal", "Borno State"). Made-up sentences: ministries, courts, business, sport, science,
local news and defence."""

from __future__ import annotations

import pytest

from tests.extraction_support import typed_mentions
from workbook.extract.pipeline import DefaultExtractor
from workbook.extract.title_phrases import modifier_len, title_len, title_tail_len

pytestmark = pytest.mark.unit


def _lower_caps(text: str) -> tuple[list[str], list[bool]]:
    words = text.split()
    return [w.lower() for w in words], [w[:1].isupper() for w in words]


@pytest.mark.parametrize(
    ("run", "title", "tail"),
    [
        ("Minister for Defence Richard Marles", 1, 2),
        ("Minister of Home Affairs Amit Shah", 1, 3),
        ("Secretary of the Navy John Phelan", 1, 3),
        ("Deputy Prime Minister and Minister for Sport Anika Wells", 3, 4),
        ("Minister for Foreign Affairs", 1, 0),  # no name left after the portfolio
        ("Minister of State Security", 1, 0),
        ("Chief of the Defence Staff Ana Ruiz", 5, 0),
        ("Commander of Pacific Air Forces Kevin Schneider", 1, 0),  # a commander holds no portfolio
        ("Minister for Trade Amit Shah of India", 1, 0),  # more after the name: not read
    ],
)
def test_title_and_its_portfolio(run: str, title: str, tail: int) -> None:
    lower, caps = _lower_caps(run)
    assert title_len(lower) == title
    assert title_tail_len(lower, caps, title) == tail


def test_modifier_opens_a_title() -> None:
    assert modifier_len(*_lower_caps("Chief Cabinet")) == 2
    assert modifier_len(*_lower_caps("Deputy National Security")) == 3
    assert modifier_len(*_lower_caps("NATO")) == 0
    assert modifier_len(*_lower_caps("Estonian Defence")) == 0


@pytest.mark.parametrize(
    ("text", "person", "not_entities"),
    [
        (
            "Minister for Sport Anika Wells opened the new stadium in Perth on Friday.",
            "Anika Wells",
            ["Sport", "Minister for Sport"],
        ),
        (
            "Minister of Home Affairs Amit Shah told the court the border fence would be finished.",
            "Amit Shah",
            ["Home Affairs"],
        ),
        (
            "Secretary of the Air Force Troy Meink visited the base.",
            "Troy Meink",
            ["Air Force"],
        ),
        (
            "Chief Cabinet Secretary Yoshimasa Hayashi told reporters the ships had left.",
            "Yoshimasa Hayashi",
            ["Chief Cabinet", "Secretary"],
        ),
        (
            "Deputy Prime Minister and Minister for Health Mark Butler announced the trial results.",
            "Mark Butler",
            ["Health"],
        ),
        (
            "Chief of the General Staff Tomasz Wrona inspected the brigade.",
            "Tomasz Wrona",
            ["Chief of the General Staff", "Chief of the General Staff Tomasz Wrona"],
        ),
        (
            "Chief of Naval Staff Admiral Rhea Kapoor launched the survey ship.",
            "Rhea Kapoor",
            ["Chief of Naval Staff"],
        ),
        (
            "Acting Attorney General Carla Moreno filed the appeal.",
            "Carla Moreno",
            ["Acting"],
        ),
    ],
)
def test_portfolio_and_modifier_titles(
    extractor: DefaultExtractor, rules_only: DefaultExtractor, text: str, person: str, not_entities: list[str]
) -> None:
    for ex in (extractor, rules_only):
        got = typed_mentions(ex, text)
        assert (person, "person") in got
        assert not any(surface in not_entities for surface, _ in got), got


def test_a_later_surname_follows_the_portfolio_title(extractor: DefaultExtractor) -> None:
    text = "Minister for Science Ed Husic opened the laboratory. Husic said it would employ 80 people."
    assert [m for m in typed_mentions(extractor, text) if m[1] == "person"] == [
        ("Ed Husic", "person"),
        ("Husic", "person"),
    ]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Analysts at Goldman Sachs raised their forecast for the steelmaker.", "Goldman Sachs"),
        ("Wells Fargo agreed to pay a fine over its sanctions screening.", "Wells Fargo"),
        ("The club's shirt deal with Morgan Stanley ends next season.", "Morgan Stanley"),
        ("Amnesty International asked the prosecutor to release the footage.", "Amnesty International"),
        ("Researchers at Kaspersky found the implant on the council's servers.", "Kaspersky"),
        ("Islamic State claimed the attack on the checkpoint.", "Islamic State"),
        ("The Houthis said they had fired a drone at the ship.", "Houthis"),
    ],
)
def test_firms_and_groups_without_a_head_word(
    extractor: DefaultExtractor, rules_only: DefaultExtractor, text: str, org: str
) -> None:
    for ex in (extractor, rules_only):
        assert (org, "organization") in typed_mentions(ex, text)


def test_a_listed_firm_is_not_its_town(extractor: DefaultExtractor) -> None:
    got = typed_mentions(extractor, "A branch of Wells Fargo in Fargo, North Dakota, was robbed.")
    assert ("Wells Fargo", "organization") in got
    assert ("Fargo", "place") in got


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The supply boat was blocked near Second Thomas Shoal on Sunday.", "Thomas Shoal"),
        ("Fishermen were detained near Mischief Reef by a patrol.", "Mischief Reef"),
        ("Gunmen abducted 40 pupils in Zamfara State, the police said.", "Zamfara State"),
        ("The league's final was moved from Kachin State after the floods.", "Kachin State"),
    ],
)
def test_places_named_by_a_feature_word_or_state(extractor: DefaultExtractor, text: str, place: str) -> None:
    got = typed_mentions(extractor, text)
    assert any(place in surface and type_ == "place" for surface, type_ in got), got


def test_a_common_word_before_state_is_no_place(extractor: DefaultExtractor) -> None:
    got = typed_mentions(extractor, "The senator warned of a Police State and praised the Free State.")
    assert not any(type_ == "place" for _, type_ in got), got


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Raksha Mantri Shri Rajnath Singh reviewed the passing-out parade.", "Rajnath Singh"),
        ("The award was presented by Smt. Droupadi Murmu at the ceremony.", "Droupadi Murmu"),
        ("Minister of State Shri Sanjay Seth inaugurated the hangar.", "Sanjay Seth"),
        ("Shri Rajnath Singh met the envoy of Sri Lanka at South Block.", "Rajnath Singh"),
    ],
)
def test_indian_honorifics_and_titles(
    extractor: DefaultExtractor, rules_only: DefaultExtractor, text: str, person: str
) -> None:
    for ex in (extractor, rules_only):
        got = typed_mentions(ex, text)
        assert (person, "person") in got
        assert not any(type_ == "person" and surface != person for surface, type_ in got), got


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The Defence Headquarters said two soldiers were wounded.", "Defence Headquarters"),
        ("Bharat Electronics Limited won the radar order.", "Bharat Electronics Limited"),
    ],
)
def test_headquarters_and_limited_are_organisations(rules_only: DefaultExtractor, text: str, org: str) -> None:
    assert (org, "organization") in typed_mentions(rules_only, text)


@pytest.mark.parametrize(
    ("text", "org", "not_places"),
    [
        ("The U.S. State Department approved the sale of the radars.", "U.S. State Department", ["U.S."]),
        ("Airbus Australia will service the helicopters in Brisbane.", "Airbus Australia", ["Australia"]),
        ("The striker signed with a club sponsored by Morgan Stanley Japan.", "Morgan Stanley Japan", ["Japan"]),
    ],
)
def test_a_country_beside_a_known_organisation_is_part_of_it(
    rules_only: DefaultExtractor, text: str, org: str, not_places: list[str]
) -> None:
    got = typed_mentions(rules_only, text)
    assert (org, "organization") in got
    assert not any(surface in not_places for surface, _ in got), got


def test_an_acronym_beside_a_country_stays_apart(rules_only: DefaultExtractor) -> None:
    got = typed_mentions(rules_only, "Leaders met at the EU China summit in Brussels.")
    assert ("EU", "organization") in got
    assert ("China", "place") in got


def test_an_air_force_station_is_a_facility_and_the_air_force_an_organisation(rules_only: DefaultExtractor) -> None:
    got = typed_mentions(rules_only, "Typhoons from RAF Coningsby shadowed the bombers, the RAF said.")
    assert ("RAF Coningsby", "facility") in got
    assert ("RAF", "organization") in got


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Abdel Aziz al-Rantisi met the mediators in Jeddah.", "Abdel Aziz al-Rantisi"),
        ("Mohammed al-Bashir was named prime minister of the interim government.", "Mohammed al-Bashir"),
        ("The court heard that Ahmed al-Masri had wired the money.", "Ahmed al-Masri"),
    ],
)
def test_given_name_and_an_arabic_particle_name(extractor: DefaultExtractor, text: str, person: str) -> None:
    assert (person, "person") in typed_mentions(extractor, text)


def test_a_place_with_a_particle_stays_a_place(extractor: DefaultExtractor) -> None:
    got = typed_mentions(extractor, "Shelling near Deir al-Balah and Ras al-Khaimah was reported.")
    assert not any(type_ == "person" for _, type_ in got), got


def test_an_honorific_that_opens_a_place_name(rules_only: DefaultExtractor) -> None:
    assert ("Sri Lanka", "place") in typed_mentions(rules_only, "Sri Lanka's navy detained the trawler.")


def test_a_country_before_an_acronym_stays_apart(rules_only: DefaultExtractor) -> None:
    # the acronym is the same organisation as its bare mentions (and the speaker of "the JCS said")
    got = typed_mentions(rules_only, "The ROK JCS said the launch was detected. The JCS added details.")
    assert [m for m in got if m[0].endswith("JCS")] == [("JCS", "organization"), ("JCS", "organization")]
