"""Ranks and titles before a name in defence press releases and news (:mod:`workbook.extract.ranks`),
and particles inside names ("bin", "al", "van der"): made-up sentences in the hidden set's style."""

from __future__ import annotations

import pytest

from workbook.extract.base import DocumentInput
from workbook.extract.coref import PersonSpan, resolve_people
from workbook.extract.pipeline import DefaultExtractor
from workbook.extract.ranks import rank_spans

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module", params=["default", "rules"])
def extractor(request: pytest.FixtureRequest) -> DefaultExtractor:
    return DefaultExtractor() if request.param == "default" else DefaultExtractor(entity_model=None)


def mentions(extractor: DefaultExtractor, text: str) -> list[tuple[str, str, str]]:
    ex = extractor.extract(DocumentInput("t", text))
    ents = {e.key: (e.type, e.name) for e in ex.entities}
    for m in ex.mentions:
        assert text[m.start : m.end] == text[m.start : m.end].strip()
    return [(text[m.start : m.end], *ents[m.entity_key]) for m in ex.mentions]


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("Sgt. 1st Class Maria Ruiz spoke.", "Sgt. 1st Class"),
        ("Lt. Cmdr. Aaron Pike spoke.", "Lt. Cmdr."),
        ("Chief Master Sgt. Lorraine Okafor spoke.", "Chief Master Sgt."),
        ("Master Chief Petty Officer of the Navy James Honea spoke.", "Master Chief Petty Officer of the Navy"),
        ("Sergeant Major of the Army Michael Weimer spoke.", "Sergeant Major of the Army"),
        ("Army Maj. Daniel Cho died.", "Maj."),
        ("Marine Corps Cpl. Luis Peña was hurt.", "Cpl."),
        ("Chief Warrant Officer 3 Brian Tanaka flew.", "Chief Warrant Officer 3"),
        ("Petty Officer 2nd Class Marcus Lee and others.", "Petty Officer 2nd Class"),
        ("Sergeant First Class Robert Mills trained them.", "Sergeant First Class"),
        ("Command Sgt. Maj. Denise Walters spoke.", "Command Sgt. Maj."),
        ("Senior Airman Tyler Brooks repaired it.", "Senior Airman"),
        ("Lt. j.g. Pieter van der Berg joined.", "Lt. j.g."),
        ("Lieutenant General Oleksandr Syrskyi said so.", "Lieutenant General"),
        ("Spc. José Hernández was 22.", "Spc."),
    ],
)
def test_rank_spans(text: str, rank: str) -> None:
    spans = rank_spans(text)
    assert [text[r.start : r.end] for r in spans] == [rank]
    assert text[spans[0].name_at].isupper()


@pytest.mark.parametrize(
    "text",
    [
        "General Motors said sales rose.",
        "Major League Baseball opened its season.",
        "Captain America was a hit.",
        "The Chief Executive resigned.",
        "Senior Staff attended.",
        "The general said Colonel.",
        "Repairs began in Det.",
        "Private Equity firms bought it.",
    ],
)
def test_no_rank(text: str) -> None:
    assert rank_spans(text) == []


@pytest.mark.parametrize(
    ("text", "person", "not_entities"),
    [
        ("Lt. Cmdr. Aaron Pike, a spokesman, said the ship arrived.", "Aaron Pike", ["Cmdr", "Lt"]),
        ("Petty Officer 2nd Class Marcus Lee was injured.", "Marcus Lee", ["Petty Officer"]),
        ("Lance Cpl. Dylan Ortiz was injured.", "Dylan Ortiz", ["Lance"]),
        ("Chief Warrant Officer 3 Brian Tanaka flew the helicopter.", "Brian Tanaka", ["Warrant Officer"]),
        ("Senior Airman Tyler Brooks repaired the aircraft.", "Tyler Brooks", ["Senior Airman"]),
        ("Sgt. 1st Class Maria Delgado-Ruiz received the Silver Star.", "Maria Delgado-Ruiz", ["Delgado"]),
        (
            "Master Chief Petty Officer of the Navy James Honea visited sailors.",
            "James Honea",
            ["Master Chief Petty Officer of the Navy James Honea"],
        ),
        (
            "Sergeant Major of the Army Michael Weimer spoke at the base.",
            "Michael Weimer",
            ["Sergeant Major of the Army Michael Weimer"],
        ),
        ("Crown Prince Mohammed bin Salman met the emir.", "Mohammed bin Salman", ["Crown Prince", "Mohammed"]),
        ("Ens. Laura da Silva joined the crew.", "Laura da Silva", ["Laura"]),
        ("Lt. j.g. Pieter van der Berg joined the crew.", "Pieter van der Berg", ["Berg"]),
        ("The emir, Sheikh Tamim bin Hamad Al Thani, spoke.", "Tamim bin Hamad Al Thani", ["Tamim"]),
    ],
)
def test_person_after_rank(extractor: DefaultExtractor, text: str, person: str, not_entities: list[str]) -> None:
    found = mentions(extractor, text)
    assert (person, "person", person) in found
    assert not [m for m in found if m[0] in not_entities]


def test_surname_later_resolves_to_the_ranked_person(extractor: DefaultExtractor) -> None:
    text = (
        "Chief Master Sgt. Lorraine Okafor visited the wing. Okafor met airmen.\n\n"
        "Tech. Sgt. Ana María Gutiérrez repaired the aircraft. Gutiérrez said it took nine hours."
    )
    found = mentions(extractor, text)
    assert ("Okafor", "person", "Lorraine Okafor") in found
    assert ("Gutiérrez", "person", "Ana María Gutiérrez") in found


def test_service_before_rank_stays_an_organisation(extractor: DefaultExtractor) -> None:
    found = mentions(extractor, "Marine Corps Cpl. Luis Ángel Peña received the medal.")
    assert ("Luis Ángel Peña", "person", "Luis Ángel Peña") in found
    assert not [m for m in found if "Cpl" in m[0]]


def test_head_word_after_rank_is_no_person(extractor: DefaultExtractor) -> None:
    found = mentions(extractor, "He trained at the Petty Officer Training School in Texas.")
    assert not [m for m in found if m[1] == "person"]


def test_particle_needs_a_name_after_it(extractor: DefaultExtractor) -> None:
    found = mentions(extractor, "Gen. Omar Haddad of the army spoke. The visit of Gen. Ali de la Cruz ended.")
    assert ("Omar Haddad", "person", "Omar Haddad") in found  # "of" is no particle
    assert ("Ali de la Cruz", "person", "Ali de la Cruz") in found


def test_hyphenated_surname_is_no_place(extractor: DefaultExtractor) -> None:
    text = "Sgt. Maria Delgado-Ruiz led the patrol. Later, Delgado-Ruiz said it was hard."
    found = mentions(extractor, text)
    assert ("Delgado-Ruiz", "person", "Maria Delgado-Ruiz") in found
    assert not [m for m in found if m[1] == "place"]


def test_hyphenated_places_stay_places(extractor: DefaultExtractor) -> None:
    text = (
        "The Seoul-Washington alliance held; DPRK-China ties and U.S.-Japan drills grew in the Asia-Pacific. "
        "The Tongsin-Kanggye railways were restored."
    )
    places = {m[0] for m in mentions(extractor, text) if m[1] == "place"}
    assert {"Seoul", "Washington", "DPRK", "China", "U.S.", "Japan", "Asia", "Kanggye"} <= places


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Houthi leader Abdul Malik al-Houthi threatened shipping.", "Abdul Malik al-Houthi"),
        ("Egyptian President Abdel Fattah el-Sisi called for calm.", "Abdel Fattah el-Sisi"),
        ("Chinese Defense Minister Dong Jun met his counterpart.", "Dong Jun"),
    ],
)
def test_names_with_particles_and_month_words(extractor: DefaultExtractor, text: str, person: str) -> None:
    assert (person, "person", person) in mentions(extractor, text)


def test_particles_need_a_hyphen_or_a_name_word(extractor: DefaultExtractor) -> None:
    found = mentions(extractor, "President John Smith at Google spoke on Jun 5. Minister Kim Jun 12 visited.")
    assert ("John Smith", "person", "John Smith") in found
    assert not [m for m in found if "Jun" in m[0] and m[1] == "person"]


def test_town_before_a_state_is_a_place() -> None:
    text = "Staff Sgt. Ryan Knauss, 23, of Corryton, Tennessee, was killed. Knauss had served in Iraq."
    found = mentions(DefaultExtractor(), text)
    assert ("Ryan Knauss", "person", "Ryan Knauss") in found
    assert [m[1] for m in found if m[0] == "Corryton"] == ["place"]


def test_surname_with_particle_later_is_the_person() -> None:
    text = "Lt. Gen. Khalid al-Rashidi met Maj. Gen. Andrea Costa of Italy. Al-Rashidi thanked Costa."
    found = mentions(DefaultExtractor(), text)
    assert ("Al-Rashidi", "person", "Khalid al-Rashidi") in found


def test_seaman_apprentice_is_a_rank(extractor: DefaultExtractor) -> None:
    found = mentions(extractor, "Seaman Apprentice Jacob Tull was recognised.")
    assert ("Jacob Tull", "person", "Jacob Tull") in found


def test_a_ship_name_ends_at_the_sentence_end(extractor: DefaultExtractor) -> None:
    found = mentions(extractor, "The sailors served aboard the USS Kidd. Rahimi repaired a radar. It fired a Mk. 48.")
    assert ("USS Kidd", "weapon_system", "USS Kidd") in found
    assert ("Mk. 48", "weapon_system", "Mk. 48") in found


def test_family_name_first_links_a_one_word_person() -> None:
    spans = [
        PersonSpan(0, 13, ("Kihara", "Minoru"), "minister"),
        PersonSpan(30, 36, ("Kihara",)),
    ]
    persons, resolved = resolve_people(spans, [(50, 56, "Ishiba"), (60, 66, "Kihara")])
    assert [p.name for p in persons] == ["Kihara Minoru"]
    key = persons[0].key  # the bare "Kihara" too, as the one-word person's; a bare "Ishiba" is nobody
    assert [(r.start, r.key) for r in resolved] == [(0, key), (30, key), (60, key)]


def test_given_name_first_is_no_family_name() -> None:
    persons, _ = resolve_people([PersonSpan(0, 10, ("John", "Smith")), PersonSpan(20, 24, ("John",))])
    assert sorted(p.name for p in persons) == ["John", "John Smith"]
