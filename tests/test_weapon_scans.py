"""The weapon finders' cheap checks and literal starts find what their plain scans find (speed17).

``literal_matches(p, text, literals)`` against ``p.finditer(text)`` for the warship pattern, on made-up
texts in other topics and random texts of its own words (hypothesis); ``find_weapons`` with its checks
(a listed family somewhere, an "M" or "K" before a digit, a digit before "mm", " system" for the
programme cue, the warship nouns' places) against ``find_weapons`` with the plain scans; and
``written_full_name``'s check that the word is in the window: no pattern of its three matches where it
is not."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import speaker_titles, weapon_shapes, weapons
from workbook.extract.shared_scans import literal_matches
from workbook.extract.weapon_words import WARSHIP_NOUNS, has_model_number

pytestmark = pytest.mark.unit

_MADE_UP = [
    "The destroyer USS Ralph Johnson (DDG 114) and the frigate “Admiral Gorshkov” sailed; the landing ship Minsk.",
    "Club leadership and the friendship of the aircraft carrier Queen Elizabeth; a helicopter carrier Mistral.",
    "Court filings name the carrier Delta Air Lines; the minesweeper HMS Bangor; a warship, the Kazan, docked.",
    "Scientists on the research submarine Alvin; KCNA said the Hwasong-18 and Pukguksong-3 flew; M113 carriers.",
    "A 240mm multiple rocket launcher, 600 mm-calibre MRLS, the committee; the council's patrol ship Triton.",
    "Firms tested a K9 howitzer; the Air Defense system; Iron Dome; Patriot missiles; the 2 mm gap.",
    "assault shipping, destroyers Arleigh Burke-class, cruiser\nMoskva, corvette 'Steregushchiy'",
    "",
]
_WORDS = [
    *WARSHIP_NOUNS, "leadership", "ship", "landing", "aircraft", "carriers", "Minsk", "Queen", "Elizabeth", "of",
    "the", "The", "“", "\"", "'", "Admiral", "Gorshkov", "USS", "HMS", "Hwasong-18", "Hwasong", "Scud", "Leopard",
    "Minuteman", "III", "2A6", "M113", "K9", "M1A2", "Abrams", "MQ-9", "Reaper", "missile", "missiles", "tanks",
    "Air", "Defense", "Capability", "system", "systems", "said", "court", "council", "club", "DDG", "(", ")",
    "Type", "055", "240mm", "600", "mm", "mm-calibre", "committee", "²", "MRLS", "rocket", "launchers",
    "new-type", "Iron", "Dome", "Patriot", "x", "_", "1",
]  # fmt: skip
_SEPARATORS = [" ", " ", "  ", "\n", "", "-", ", ", ". ", "'", "“", "”"]


def _random_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=20))
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


texts = st.composite(_random_text)


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(k) for k in range(m.re.groups + 1)) for m in matches]


def _warship_as_finditer(text: str) -> None:
    pattern = weapons._patterns()["warship"]
    assert _spans(literal_matches(pattern, text, WARSHIP_NOUNS)) == _spans(list(pattern.finditer(text)))


def test_warship_matches_from_the_nouns_made_up() -> None:
    for text in _MADE_UP:
        _warship_as_finditer(text)


@settings(max_examples=300, deadline=None)
@given(texts())
def test_warship_matches_from_the_nouns_random(text: str) -> None:
    _warship_as_finditer(text)


def test_a_pattern_opening_elsewhere_is_told_apart() -> None:
    pattern = re.compile(r"\w+ ship")  # opens before the literal "ship"
    assert literal_matches(pattern, "the landing ship", ["ship"]) != list(pattern.finditer("the landing ship"))
    with pytest.raises(ValueError):
        literal_matches(pattern, "text", [""])


def _plain_find_weapons(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, str]]:
    with monkeypatch.context() as m:
        m.setattr(weapons, "literal_matches", lambda p, t, _: list(p.finditer(t)))
        m.setattr(weapons, "has_model_number", lambda _: True)
        m.setattr(weapons, "_calibre_cue", lambda _: True)
        m.setattr(weapon_shapes, "has_model_number", lambda _: True)
        patterns = {**weapons._patterns(), "any_family": re.compile("")}
        m.setattr(weapons, "_patterns", lambda: patterns)
        return weapons.find_weapons(text)


def test_find_weapons_as_with_plain_scans_made_up(monkeypatch: pytest.MonkeyPatch) -> None:
    for text in _MADE_UP:
        assert weapons.find_weapons(text) == _plain_find_weapons(text, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(texts())
def test_find_weapons_as_with_plain_scans_random(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert weapons.find_weapons(text) == _plain_find_weapons(text, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(texts())
def test_the_checks_skip_only_texts_without_a_match(text: str) -> None:
    p, shapes = weapons._patterns(), weapon_shapes._patterns()
    if p["any_family"].search(text) is None:
        assert not list(p["family"].finditer(text)) and not list(p["bare_family"].finditer(text))
    if not has_model_number(text):
        assert not list(p["bare"].finditer(text)) and not list(shapes["model"].finditer(text))
    if not weapons._calibre_cue(text):
        assert not list(p["calibre"].finditer(text))
    if " system" not in text:
        assert shapes["programme_cue"].search(text) is None


_NAME_WORDS = ["Troy", "Patterson", "Zhang", "Xiaogang", "Bruce", "Garcey", "said", "told", "Gen.", "the", "J.", ","]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=14),
    st.sampled_from(["Patterson", "Zhang", "Bruce", "Garcey", "Troy"]),
    st.integers(min_value=0, max_value=120),
)
def test_written_full_name_needs_the_word_in_its_window(words: list[str], word: str, at: int) -> None:
    text = " ".join(words)
    if text.find(word, max(0, at - 5000), at) < 0:
        for kind in range(3):
            assert not list(speaker_titles._name_pattern(kind, word).finditer(text, max(0, at - 5000), at))
