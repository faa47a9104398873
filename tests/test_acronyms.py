"""Acronyms and their expansions within a document (workbook.extract.acronyms)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.acronyms import acronym_matches, find_definitions, is_acronym, link_acronyms
from workbook.extract.base import DocumentInput
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("WPK", "Workers' Party of Korea"),
        ("KPA", "Korean People's Army"),
        ("DPRK", "Democratic People's Republic of Korea"),
        ("ROK", "Republic of Korea"),
        ("GFTUK", "General Federation of Trade Unions of Korea"),
        ("ICBM", "intercontinental ballistic missile"),
        ("ICBMs", "intercontinental ballistic missiles"),
        ("KCTV", "Korean Central Television"),
        ("IRGC", "Islamic Revolutionary Guard Corps"),
        ("MoU", "Memorandum of Understanding"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("AU", "African Union"),
        ("UAV", "unmanned aerial vehicle"),
        ("SLBM", "submarine-launched ballistic missile"),
    ],
)
def test_expansions_match(short: str, long: str) -> None:
    assert acronym_matches(short, long.split())


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("WPK", "Korean People's Army"),
        ("KPA", "People's Army"),  # every letter must be spelt
        ("UN", "United Nations Security Council"),  # every content word must give a letter
        ("CIA", "the Central Intelligence"),
        ("AB", "of Bob"),  # a long form starts with a content word
        ("US", "United"),  # two words at least
    ],
)
def test_non_expansions_do_not_match(short: str, long: str) -> None:
    assert not acronym_matches(short, long.split())


def test_is_acronym() -> None:
    assert is_acronym("WPK") and is_acronym("MoFA") and is_acronym("ICBMs")
    assert not is_acronym("Korea") and not is_acronym("A") and not is_acronym("KN-23") and not is_acronym("wpk")


def test_definitions_in_the_three_shapes() -> None:
    text = (
        "Members of the Central Committee of the Workers' Party of Korea (WPK) met. "
        "KPA (Korean People's Army) units moved. NATO, the North Atlantic Treaty Organization, said so. "
        "The Houthis (Ansar Allah) spoke."
    )
    got = {(d.short, d.long) for d in find_definitions(text)}
    assert got == {
        ("WPK", "Workers' Party of Korea"),  # the shortest run of words that spells it
        ("KPA", "Korean People's Army"),
        ("NATO", "North Atlantic Treaty Organization"),
    }
    for d in find_definitions(text):
        assert text[d.short_start : d.short_end] == d.short
        assert " ".join(text[d.long_start : d.long_end].split()) == d.long


def test_initials_are_preferred_to_letters_inside_words() -> None:
    text = "The Secretariat of the International Institute of the Juche Idea (IIJI) met."
    assert [d.long for d in find_definitions(text)] == ["International Institute of the Juche Idea"]
    assert acronym_matches("SLBM", ["submarine-launched", "ballistic", "missile"], interior=False)
    assert not acronym_matches("ICBM", ["intercontinental", "ballistic", "missile"], interior=False)
    assert [d.long for d in find_definitions("An intercontinental ballistic missile (ICBM) flew.")] == [
        "intercontinental ballistic missile"
    ]


def test_brackets_that_are_not_definitions() -> None:
    assert find_definitions("The talks (US) went on. He won (GOP primary) easily. Seoul (AFP) - A report.") == []


def _extract(text: str) -> tuple[dict[str, tuple[str, tuple[str, ...]]], list[tuple[str, str, str]]]:
    ex = DefaultExtractor().extract(DocumentInput("d", text))
    names = {e.key: e.name for e in ex.entities}
    ents = {e.name: (e.type, e.aliases) for e in ex.entities}
    ments = [(text[m.start : m.end], names[m.entity_key], m.resolution) for m in ex.mentions]
    return ents, ments


def test_acronym_mentions_point_at_the_expansion() -> None:
    text = (
        "The Islamic Revolutionary Guard Corps (IRGC) fired drones. Later the IRGC said the strike "
        "was over. IRGC officers celebrated."
    )
    ents, ments = _extract(text)
    assert "IRGC" not in ents
    assert ents["Islamic Revolutionary Guard Corps"][0] == "organization"
    assert "IRGC" in ents["Islamic Revolutionary Guard Corps"][1]
    irgc = [m for m in ments if m[0] == "IRGC"]
    assert len(irgc) == 3 and all(m[1:] == ("Islamic Revolutionary Guard Corps", "alias") for m in irgc)


def test_expansion_after_the_acronym_and_known_acronyms() -> None:
    text = "WPK, the Workers' Party of Korea, met. The KPA (Korean People's Army) drilled; the KPA is big."
    ents, ments = _extract(text)
    assert "WPK" not in ents and "KPA" not in ents
    assert {m[1] for m in ments if m[0] in ("WPK", "KPA")} == {"Workers' Party of Korea", "Korean People's Army"}


def test_expansion_inside_a_longer_name_gets_its_own_entity() -> None:
    text = "The Central Committee of the General Federation of Trade Unions of Korea (GFTUK) met. GFTUK members spoke."
    _, ments = _extract(text)
    gftuk = [m for m in ments if m[0] == "GFTUK"]
    assert gftuk and {m[1] for m in gftuk} == {"General Federation of Trade Unions of Korea"}


def test_people_and_undefined_acronyms_are_left_alone() -> None:
    text = "Kim Jong Un (KJU) spoke to the KCNA. The WPK met."
    ents, _ = _extract(text)
    assert "Kim Jong Un" in ents and ents["Kim Jong Un"][0] == "person"
    assert "WPK" in ents  # no definition in this document: the corpus pass merges it


def test_no_definition_returns_the_same_objects() -> None:
    ex = DefaultExtractor().extract(DocumentInput("d", "Nothing to see here."))
    out = link_acronyms("Nothing to see here.", [], ex.entities, ex.mentions, ex.places)
    assert out[0] is ex.entities and out[1] is ex.mentions


_WORDS = st.sampled_from(
    [
        "Korean",
        "People's",
        "Army",
        "of",
        "the",
        "Party",
        "Workers'",
        "Korea",
        "Central",
        "Committee",
        "and",
        "for",
        "International",
        "Atomic",
        "Energy",
        "Agency",
        "missile",
        "said",
        ",",
        ".",
        "(",
        ")",
        "the",
        "WPK",
        "KPA",
        "IAEA",
        "UN",
        "CIA",
        "X-ray",
        "Hwasong-18",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join) | st.text(max_size=150))
def test_definitions_are_spans_of_the_text_and_match(text: str) -> None:
    for d in find_definitions(text):
        assert text[d.short_start : d.short_end] == d.short
        assert " ".join(text[d.long_start : d.long_end].split()) == d.long
        assert acronym_matches(d.short, d.long.split())


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_linked_extractions_stay_consistent(text: str) -> None:
    ex = DefaultExtractor().extract(DocumentInput("d", text))
    keys = {e.key for e in ex.entities}
    assert len(keys) == len(ex.entities)
    assert {m.entity_key for m in ex.mentions} <= keys
    assert keys <= {m.entity_key for m in ex.mentions}  # no entity without a mention
    spans = [(m.start, m.end) for m in ex.mentions]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # no overlaps


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=6), min_size=2, max_size=6))
def test_initials_of_content_words_always_match(words: list[str]) -> None:
    content = [w for w in words if w not in ("of", "the", "and", "for", "a", "de", "la", "le", "du")]
    if len(content) < 2:
        return
    short = "".join(w[0] for w in content).upper()
    assert acronym_matches(short, content)
    assert not acronym_matches(short + "Z", content)
