"""A family name written first, later used alone ("Ishiba Shigeru" ... "Ishiba said"):
:func:`workbook.extract.family_names.family_first_words` and the ``family_first`` of
:func:`workbook.extract.coref.resolve_people`. Made-up sentences (sport, business, science)."""

from __future__ import annotations

import pytest

from workbook.extract.base import DocumentInput
from workbook.extract.coref import PersonSpan, resolve_people
from workbook.extract.family_names import family_first_words
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit

NAMES = {"claire": "gs2", "foy": "s1", "minoru": "xg", "kihara": "xs", "smith": "s0", "taro": "xg"}


def person(text: str, name: str) -> PersonSpan:
    a = text.index(name)
    return PersonSpan(a, a + len(name), tuple(name.split()))


def test_which_full_names_are_written_family_name_first() -> None:
    text = "Okabe Ryota, Claire Foy, Taulbee Smith, Kihara Minoru and Dynamic Equivalence; dynamic-equivalence."
    spans = [person(text, n) for n in ("Okabe Ryota", "Claire Foy", "Taulbee Smith", "Kihara Minoru")]
    spans.append(person(text, "Dynamic Equivalence"))
    spans.append(person(text, "Kihara Minoru and"))  # three words: not read
    assert family_first_words(text, spans, NAMES, frozenset({"and"})) == {"okabe", "kihara"}
    assert family_first_words(text, spans, NAMES, frozenset({"okabe"})) == {"kihara"}  # a common word


def test_a_bare_family_name_resolves_to_the_person() -> None:
    text = "Okabe Ryota won the sprint. Okabe said the wind helped."
    spans = [person(text, "Okabe Ryota")]
    bare = [(text.index("Okabe said"), text.index("Okabe said") + 5, "Okabe")]
    persons, resolved = resolve_people(spans, bare, {"okabe"})
    assert [p.name for p in persons] == ["Okabe Ryota"]
    assert [(r.start, r.key, r.resolution) for r in resolved][-1] == (bare[0][0], persons[0].key, "alias")
    _, resolved = resolve_people(spans, bare)  # without it, a bare word is no surname of anyone
    assert len(resolved) == 1


@pytest.mark.parametrize(
    ("text", "full", "later"),
    [
        (
            "Ishiba Shigeru, the prime minister, visited Seoul. Ishiba said relations were improving.",
            "Ishiba Shigeru",
            "Ishiba",
        ),
        ("The chemist Nakaoka Hiroshi led the trial. Nakaoka said the yield doubled.", "Nakaoka Hiroshi", "Nakaoka"),
    ],
)
def test_the_extractor_links_the_later_family_name(
    extractor: DefaultExtractor, text: str, full: str, later: str
) -> None:
    ex = extractor.extract(DocumentInput("t", text))
    keys = {text[m.start : m.end]: m.entity_key for m in ex.mentions}
    assert keys[full] == keys[later]
    assert {e.key: e.type for e in ex.entities}[keys[full]] == "person"


def test_a_particle_led_end_of_a_longer_name_is_that_person() -> None:
    text = "Pieter van den Berg won. Van den Berg smiled; Ana de Souza and Luis de Souza lost. De Souza left."
    spans = [
        person(text, "Pieter van den Berg"),
        person(text, "Van den Berg"),
        person(text, "Ana de Souza"),
        person(text, "Luis de Souza"),
        person(text, "De Souza"),
    ]
    persons, resolved = resolve_people(spans)
    assert sorted(p.name for p in persons) == ["Ana de Souza", "De Souza", "Luis de Souza", "Pieter van den Berg"]
    by_start = {r.start: r.key for r in resolved}
    assert by_start[text.index("Van den Berg")] == by_start[0]  # one longer name: that person
    assert by_start[text.index("De Souza")] not in (by_start[text.index("Ana")], by_start[text.index("Luis")])
