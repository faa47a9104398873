"""The claim rules' pre-checks never skip a text their pattern would match in.

A whole-text claim pattern (``claim_clauses._IMPERSONAL``, ``_TOLD_PASSIVE``, ``_PUT_IT``,
``_DESCRIBED_AS``, ``claim_interview._INLINE``, ``claim_turns._CAPS_LABEL``, ``_NAME_LABEL``) is searched only when its
gate passes: a piece every match holds, found in C far faster than the pattern is tried at every possible
first letter. A gate is exact when no text fails it and holds a match; these tests check that on edge
texts in several topics and on random texts made of the patterns' own words, pieces of them, case variants
and separators (hypothesis), and that each rule finds its claims when the gate lets the text through.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import claim_clauses, claim_interview, claim_turns
from workbook.extract.claims import extract_claims
from workbook.extract.entities import extract_entities
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.sentences import split_sentences

pytestmark = pytest.mark.unit

# name, pattern, gate (True: the text may hold a match), words of the random texts
_GATED: list[tuple[str, re.Pattern[str], Callable[[str], bool], list[str]]] = [
    (
        "impersonal",
        claim_clauses._IMPERSONAL,
        lambda t: claim_clauses._IMPERSONAL_GATE.search(t) is not None,
        ["It", "it was", "It is", "bit", "has been", "had\nbeen", "will be", "announced", "feared", "widely", "that"]
        + ["It was announced", "it has been widely feared", "It is understood", "it will be argued"] * 3,
    ),
    (
        "told passive",
        claim_clauses._TOLD_PASSIVE,
        claim_clauses._may_be_told_passive,
        ["was", "were told", "is warned", "am", "informed", "notified", "by the coach", "that", "tha", "also", "They"]
        + ["were told", "was also warned by the mayor", "am informed", "being reminded"] * 3,
    ),
    (
        "put it",
        claim_clauses._PUT_IT,
        lambda t: claim_clauses._PUT_IT_GATE.search(t) is not None,
        ["As", "as the coach", "Kofi Mensah", ",", "put it", "puts it", "its", "once", "phrased it", "phrases", "it"],
    ),
    (
        "described as",
        claim_clauses._DESCRIBED_AS,
        claim_clauses._may_be_described_as,
        ["described", "describes", "characterised", "characterizes", "her as", "it", "as", "the", "best", "the club"],
    ),
    (
        "inline Q/A",
        claim_interview._INLINE,
        lambda t: claim_interview._INLINE_GATE.search(t) is not None,
        ["Q", "A", ":", "Q:", "A:", "Q :", "end.", "end?", '"', "”", "the", "\n", "\t"],
    ),
    (
        "capitals label",
        claim_turns._CAPS_LABEL,
        lambda t: claim_turns._CAPS_LABEL_GATE.search(t) is not None,
        ["JUDGE", "MR. KIM", "O'NEIL", "Q", ":", ":\t", "said", "\n", " ", "\t", "UPDATE", "-"],
    ),
    (
        "name label",
        claim_turns._NAME_LABEL,
        lambda t: claim_turns._CAPS_LABEL_GATE.search(t) is not None,
        ["Rosalind Okafor", "Wikinews", "Dr. Ruiz", "van", "Ann", ":", ":\t", "said", "\n", " ", "\t", "-"],
    ),
]

_SEPARATORS = [" ", " ", " ", " ", "  ", "\n", "", "\t", ". ", ", ", ":", ": ", "-", "(", ";", "\u00a0"]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    pieces = st.sampled_from(words * 4 + [w.upper() for w in words] + [w[:2] for w in words] + ["é", "1", "x"])
    separators = st.sampled_from([" "] * 8 + _SEPARATORS)
    return st.lists(st.tuples(pieces, separators).map("".join), min_size=1, max_size=30).map("".join)


@pytest.mark.parametrize(("name", "pattern", "may_match", "words"), _GATED, ids=[g[0] for g in _GATED])
@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_a_text_its_gate_skips_holds_no_match(
    name: str, pattern: re.Pattern[str], may_match: Callable[[str], bool], words: list[str], data: st.DataObject
) -> None:
    text = data.draw(_texts(words))
    if not may_match(text):
        assert pattern.search(text) is None, (name, text)


@pytest.mark.parametrize(("name", "pattern", "may_match", "words"), _GATED, ids=[g[0] for g in _GATED])
def test_a_text_its_gate_skips_holds_no_match_over_seeded_texts(
    name: str, pattern: re.Pattern[str], may_match: Callable[[str], bool], words: list[str]
) -> None:
    """The same over 3,000 seeded random texts, of which a share match (a wrong gate is caught: a gate
    missing one of its pattern's words fails here)."""
    rng = random.Random(16)
    pieces = words * 4 + [w.upper() for w in words] + [w[:2] for w in words] + ["é", "1", "x"]
    separators = [" "] * 8 + _SEPARATORS
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(separators) for _ in range(rng.randint(1, 14)))
        found = pattern.search(text) is not None
        matched += found
        assert may_match(text) or not found, (name, text)
    assert matched >= 30, (name, matched)  # the texts do reach the pattern


_MATCHING = [
    ("impersonal", "Shares fell. It was widely reported on Friday that the merger would fail."),
    ("told passive", "Residents were told by the council that the bridge would close."),
    ("put it", "As the striker, Kofi Mensah, put it, the season is not over."),
    ("described as", "The judge described him as the most careful witness she had heard."),
    ("inline Q/A", "Q: Will the trial start?\nA: It starts Monday."),
    ("capitals label", "JUDGE HALE: The court will rise.\nMR. KIM: Thank you."),
    ("name label", "Radio Kent: Will the pier reopen?\nMayor Ann Pryor: Yes, in May."),
]


@pytest.mark.parametrize(("name", "text"), _MATCHING, ids=[m[0] for m in _MATCHING])
def test_a_text_holding_a_match_passes_its_gate(name: str, text: str) -> None:
    _, pattern, may_match, _ = next(g for g in _GATED if g[0] == name)
    assert pattern.search(text) is not None
    assert may_match(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("It is understood that the club will sell its stadium to a developer next year.", "understood"),
        ("Shareholders were told by the chairman that profits would fall this year.", "told"),
        ("Dr Ana Ruiz described the result as the largest effect measured in the trial so far.", "described"),
        ('As the defence minister, Tom Reed, put it, "we cannot wait for the next war."', "put it"),
    ],
)
def test_the_gated_rules_still_find_their_claims(text: str, cue: str) -> None:
    sentences = split_sentences(text)
    entities, mentions, _ = extract_entities(text, sentences, builtin_gazetteer())
    claims = extract_claims(text, sentences, entities, mentions)
    assert any(c.cue == cue for c in claims), claims


@settings(max_examples=500, deadline=None)
@given(_texts(_GATED[0][3]))
def test_the_impersonal_passive_searched_from_its_gate_finds_every_match(text: str) -> None:
    gate = claim_clauses._IMPERSONAL_GATE.search(text)
    every = [m.span() for m in claim_clauses._IMPERSONAL.finditer(text)]
    from_gate = (
        [] if gate is None else [m.span() for m in claim_clauses._IMPERSONAL.finditer(text, max(0, gate.start() - 1))]
    )
    assert from_gate == every


def test_the_impersonal_passive_searched_from_its_gate_over_seeded_texts() -> None:
    rng = random.Random(12)
    pieces = _GATED[0][3] + ["bit was", "It  is", "\tit was", "wit was", "I", "t"]
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice([" "] * 8 + _SEPARATORS) for _ in range(rng.randint(1, 14)))
        gate = claim_clauses._IMPERSONAL_GATE.search(text)
        every = [m.span() for m in claim_clauses._IMPERSONAL.finditer(text)]
        matched += bool(every)
        assert every == (
            []
            if gate is None
            else [m.span() for m in claim_clauses._IMPERSONAL.finditer(text, max(0, gate.start() - 1))]
        )
    assert matched >= 30
