"""The glued-word search's faster form (speed round fourteen) gives exactly what its original gave
(``tests/normalise_reference.py``): the glued tokens found from their lower->upper boundaries, and the
word sets skipped for a text where no two words after the same word share their first two letters and
no token is glued."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.normalise_reference import reference_glued_tokens, reference_split_points
from workbook.ingest import normalise
from workbook.ingest.normalise import builtin_words

pytestmark = pytest.mark.unit

#: Pieces of made-up text in several topics: names, names glued to words and titles, camel case, particles.
_PIECES = [
    "Kim", "Jong", "Un", "Unvisited", "Unsaid", "Unwas", "Il", "Sung", "Ilwho", "SungPrize", "ComradeKim",
    "SecretaryKim", "wishedKim", "theKim", "Comrade", "Secretary", "Coach", "CoachRivera", "Rivera", "Riverasaid",
    "Judge", "JudgeOkafor", "Okafor", "Okaforruled", "Okaforsaid", "Boris", "Johnson", "John", "Johnsaid",
    "McDonald", "iPhone", "YouTube", "BlackRock", "Stanford", "Stan", "Stanfordwon", "de", "Abu", "al", "Ri",
    "Song", "Songsaid", "the", "said", "visited", "won", "ruled", "met", "who", "and", "of", "aB", "AbcDef",
    "é", "éKim", "1Kim", "X", "A", "Jo", "Joh", "NASA", "Minuteman", "Park", "Parkwho", "Lee", "Leesaid",
]  # fmt: skip
_SEPARATORS = [" ", " ", " ", ". ", ", ", "\n", "-", "'", '"', "(", ") "]

_texts = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts)
)
_EDGE_TEXTS = [
    "",
    "aA",
    "aBcD eF",
    "The respected ComradeKim Jong Unvisited the farm. Kim Jong Un said so.",
    "Kim Jong Ilwho met Kim Jong Il.",
    "Jong Un was greeted. Jong Unwas greeted. Jong Unsaid it. Jong Unvisited.",
    "CoachRivera said. Rivera won. Coach Rivera won. Riverasaid it.",
    "x" * 50 + "AbcDef Ghi",
    "é1aKim Jong Un",
    "Jong Un saidKim",
]


def _matches(found: list) -> list:
    return [(m.span(), m.groups()) for m in found]


@pytest.mark.parametrize("text", _EDGE_TEXTS)
def test_edge_texts_give_the_original_cuts(text: str) -> None:
    words = builtin_words()
    assert normalise._split_points(text, words) == reference_split_points(text, words)
    assert _matches(normalise._glued_tokens(text)) == _matches(reference_glued_tokens(text))


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_made_up_texts_give_the_original_cuts(text: str) -> None:
    words = builtin_words()
    assert normalise._split_points(text, words) == reference_split_points(text, words)
    assert _matches(normalise._glued_tokens(text)) == _matches(reference_glued_tokens(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aAbBzZé1 .-'", max_size=60))
def test_letter_soup_gives_the_original_glued_tokens(text: str) -> None:
    assert _matches(normalise._glued_tokens(text)) == _matches(reference_glued_tokens(text))
    words = frozenset({"ab", "ba", "aa", "bb", "az"})
    assert normalise._split_points(text, words) == reference_split_points(text, words)


@pytest.mark.realdata
def test_the_kcna_archive_gives_the_original_cuts(shared_data: Path) -> None:
    rows = json.loads((shared_data / "kcna-archive_stiles" / "headlines_2024-11-11.json").read_text("utf-8"))
    words = builtin_words()
    texts = sorted({r.get("story_text") or "" for r in rows})
    n_cut = 0
    for text in texts:
        got = normalise._split_points(text, words)
        assert got == reference_split_points(text, words), text[:80]
        n_cut += bool(got)
    assert n_cut > 100  # the archive has glued words: the comparison is not vacuous
