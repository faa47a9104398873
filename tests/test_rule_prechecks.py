"""The cheap checks speed21 put before two per-candidate steps skip only what the steps would leave as it is.

``not_names.title_cut`` cuts a title and "of the" / "for the" from a span's start only when "the" stands
inside the span: where it does not, the pattern's match (if any) ends at or past the span's end and the
span is kept. ``person_lists.given_names_in_lists`` retypes only a member holding a gazetteer given name:
where no candidate holds one, it returns the candidates as they are without reading the lists. Tested on
made-up texts in other topics and on random texts and spans (hypothesis): the check's "no" is never a cut,
and the lists of a text read with a given name elsewhere retype nothing. ``claim_quotes.direct_claims`` works
out why a quote found no speaker (a few searches around it) only when the claims stage is traced
(``refusals``): the claims are the same, and a traced run still gives the reason."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import not_names, person_lists
from workbook.extract.claims import extract_claims
from workbook.extract.entity_runs import GAZETTEER, NAMED, Candidate
from workbook.extract.ner_model import ScoredSpan
from workbook.extract.sentences import split_sentences

pytestmark = pytest.mark.unit

_WORDS = [
    "Minister", "Secretary", "Director", "Deputy", "Chairman", "of", "for", "to", "the", "The", "then", "other",
    "Health", "Defence", "Court", "Appeal", "Science", "Museum", "Board", "Club", "Union", "NHS", "Tracy", "Ann",
    "Holbrook", "Marion", "Judge", "Coach", "and", "Ltd", "Anthem",
]  # fmt: skip
_SEPARATORS = [" ", " ", "  ", "\t", "\n", ", ", ". ", "-", ""]


@st.composite
def _texts_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14))
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)))
    text = "".join(w + s for w, s in zip(words, seps, strict=True))
    starts = [0] + [k for k in range(1, len(text)) if text[k - 1] in " \t\n,.-" and text[k] not in " \t\n,.-"]
    spans = []
    for _ in range(draw(st.integers(1, 4))):
        a = draw(st.sampled_from(starts))
        spans.append((a, draw(st.integers(a + 1, len(text)))))
    return text, spans


def _kept_by_the_pattern(text: str, c: Candidate) -> bool:
    m = not_names._TITLE_BEFORE_NAME.match(text, c.start)
    return m is None or m.end() >= c.end


@settings(max_examples=400, deadline=None)
@given(_texts_and_spans())
def test_title_cut_skips_only_spans_the_pattern_keeps(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    for a, b in spans:
        c = Candidate(a, b, "organization", NAMED, text[a:b])
        if text.find("the", a, b) < 0:
            assert _kept_by_the_pattern(text, c)
            assert not_names.title_cut(text, c) is c


def test_title_cut_made_up() -> None:
    cases = [
        ("Sport: Secretary of the Football Association Mark Bullingham said.", "Football Association Mark Bullingham"),
        ("Courts: Minister for the Cabinet Office Ann Lee testified.", "Cabinet Office Ann Lee"),
        ("Science: Director of the Natural History Museum Doug Gurr spoke.", "Natural History Museum Doug Gurr"),
    ]
    for text, want in cases:
        start = text.index(":") + 2
        c = Candidate(start, text.rindex(" "), "organization", NAMED, "")
        assert not_names.title_cut(text, c).name == want
    text = "Defence: the Ministry of Defence said."
    c = Candidate(9, 29, "organization", NAMED, "Ministry of Defence")
    assert not_names.title_cut(text, c) is c


def _candidates(text: str, types: list[str]) -> list[Candidate]:
    out, at = [], 0
    for k, word in enumerate(text.split()):
        at = text.index(word, at)
        kind = types[k % len(types)]
        strength = GAZETTEER if kind == "place" else NAMED
        out.append(Candidate(at, at + len(word.strip(",.")), kind, strength, word.strip(",.")))
        at += len(word)
    return out


_LIST_TEXTS = [
    "Sport: Arsenal, Chelsea and Leeds, Harrow, Enfield and Barnet won.",
    "Courts: Judge Ann Holbrook, Marion Tracy and Lee Smith heard Dover, Kent and Essex cases.",
    "Business: Acme, Globex and Initech bid; Tracy and Ann Holbrook sold.",
]


@pytest.mark.parametrize("text", _LIST_TEXTS)
@pytest.mark.parametrize("types", [["person", "place"], ["place"], ["organization", "place", "person"]])
def test_lists_without_a_given_name_retype_nothing(
    text: str, types: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cands = _candidates(text, types)
    learned = [ScoredSpan(c.start, c.end, "person", 0.95, 0.05, (c.name,), "") for c in cands[::3]]
    monkeypatch.setattr(person_lists, "_given_word", lambda *a: None)
    assert person_lists.given_names_in_lists(text, cands, learned, {}, frozenset()) == cands  # the check's exit
    # the lists read in full: a given name on its own paragraph after them makes the function read them
    far = text + "\n\nMarion"
    alone = Candidate(len(far) - 6, len(far), "place", GAZETTEER, "Marion")
    monkeypatch.setattr(person_lists, "_given_word", lambda t, c, n, m: "marion" if c is alone else None)
    assert person_lists.given_names_in_lists(far, [*cands, alone], learned, {}, frozenset()) == [*cands, alone]


def test_a_given_name_in_a_list_is_still_read(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Local news: Sisters Tracy and Ann Holbrook opened the shop."
    tracy = Candidate(20, 25, "place", GAZETTEER, "Tracy")
    ann = Candidate(30, 42, "person", NAMED, "Ann Holbrook")
    monkeypatch.setattr(person_lists, "_given_word", lambda t, c, n, m: "tracy" if c is tracy else None)
    out = person_lists.given_names_in_lists(text, [tracy, ann], [], {}, frozenset())
    assert out[0].type == "person" and out[1] is ann


def test_an_unattributed_quote_is_explained_in_the_trace_only() -> None:
    """``direct_claims`` works out why a quote found no speaker only when the claims stage is traced."""
    text = (
        'Local news: the mayor\'s "plan" was a "joke" to many residents of the town.\n\n'
        '"We will not move," a sign read on the door of the old mill. Sport: the so-called "super league" failed.'
    )
    sentences = split_sentences(text)
    refusals: list[tuple[int, str]] = []
    traced = extract_claims(text, sentences, [], [], refusals=refusals)
    assert traced == extract_claims(text, sentences, [], [])
    reasons = [why for _, why in refusals]
    assert reasons.count("direct: no cue next to the quote (scare quote, title or mid-sentence)") == 3
    assert "direct: verb after the quote, speaker phrase refused" in reasons
