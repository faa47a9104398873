"""Round eighteen's new scans run from the word-start capitals (lead, on the merge) and find what the plain
``finditer`` of their patterns finds.

``trade_bodies``' six patterns and ``person_context``'s pairs of given names and months as given names open
with a look-behind, so ``re`` tried them at every character; they now run from
:func:`workbook.extract.shared_scans.capital_matches` (``_SHARES_IN`` and the months from their literals, the
pairs from a cue). The given
names read apart were found by a pattern compiled per document from its family names; one pattern now
finds every plain name word before a name word that ends the run, and the family names are kept from its
matches. ``place_trade_bodies`` runs only in a text with a trade's word after a space. Each fast form is
checked against its original on made-up texts in several topics and on random
texts of the patterns' own words (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import person_context, trade_bodies
from workbook.extract.shared_scans import capital_matches, cue_matches, literal_matches

_CAPITAL_PATTERNS = {
    "_TRADE_RUN": trade_bodies._TRADE_RUN,
    "_DEPARTMENT": trade_bodies._DEPARTMENT,
    "_SHARES_AFTER": trade_bodies._SHARES_AFTER,
    "_OF_REGULATOR": trade_bodies._OF_REGULATOR,
    "_NATION_BODY": trade_bodies._NATION_BODY,
    "_END_WORD_RUN": trade_bodies._END_WORD_RUN,
}
_MADE_UP = [
    "Business: Shares in Rolls-Royce rose; Severn Vale Water and Anglian Water said Ofwat had fined them. "
    "Natural Resources Wales said; Fisheries and Oceans Canada confirmed. Korea Exchange (KRX) shares fell.",
    "Notices: June Fairbrother and April Nwosu; Carolina and Ray Okafor; Sisters June and Ivy Calloway-Reese. "
    "In June Smith was elected. The late Chike Amadi; Councillor Ellery asked; Jordan Ellery of Leeds.",
    "Sport: Kent Wildlife Trust and the National Stock Exchange; Ana-Maria Lopez and Tom Lopez; "
    "Hallé Orchestra played. NHS England has refused; Food Standards Scotland has recalled.",
]
_WORDS = st.sampled_from(
    [
        "Water", "WATER", "Rail", "rail", "Energy", "Canada", "and", "Ofwat", "Ofgem", "Shares", "shares", "in",
        "June", "May", "Ray",
        "Okafor", "Ellery", "Trust", "Exchange", "Wales", "England", "said", "has", "Ana-Maria", "Lopez",
        "Mc", "O'Neil", "Chike", "Amadi", "-", ".", ",", "'", "’", "&", "(KRX)", "Anglian", "National",
    ]
)  # fmt: skip
_TEXTS = st.lists(st.tuples(_WORDS, st.sampled_from([" ", "  ", "\t", "", "\n", ". "])), max_size=24).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def _given_apart_original(text: str, families: set[str]) -> list[tuple[int, int]]:
    alternatives = "|".join(map(re.escape, sorted(families)))
    name = person_context._PLAIN_NAME
    pattern = re.compile(rf"(?<![\w'’.&-])({name})[ \t]+({alternatives})(?![\w'’-]|[ \t]+[A-Z])")
    return [m.span() for m in pattern.finditer(text)]


def _given_apart_fast(text: str, families: set[str]) -> list[tuple[int, int]]:
    found = capital_matches(person_context._GIVEN_BEFORE_FAMILY, text)
    return [m.span() for m in found if m.group(2) in families]


def _same(text: str) -> None:
    for name, pattern in _CAPITAL_PATTERNS.items():
        assert _spans(capital_matches(pattern, text)) == _spans(list(pattern.finditer(text))), (name, text)
    pair, pair_cue = person_context._PAIR, person_context._PAIR_CUE
    assert _spans(cue_matches(pair, text, pair_cue)) == _spans(list(pair.finditer(text))), text
    month, months = person_context._MONTH_GIVEN, person_context._MONTH_GIVEN_WORDS
    assert _spans(literal_matches(month, text, months)) == _spans(list(month.finditer(text))), text
    shares = trade_bodies._SHARES_IN
    assert _spans(literal_matches(shares, text, ("Shares", "shares"))) == _spans(list(shares.finditer(text)))
    if trade_bodies._TRADE_CUE.search(text) is None:  # the pre-check: no run holds a trade's word after its first
        for m in trade_bodies._TRADE_RUN.finditer(text):
            assert not any(w.casefold() in trade_bodies.TRADE_WORDS for w in m.group(0).split()[1:]), text
    for families in ({"Ellery"}, {"Amadi", "Lopez"}, {"Okafor", "Ellery", "Lopez", "Amadi"}):
        assert _given_apart_fast(text, families) == _given_apart_original(text, families), (families, text)


def test_made_up_texts_match_as_before() -> None:
    for text in _MADE_UP:
        _same(text)
    assert _given_apart_fast(_MADE_UP[1], {"Ellery", "Amadi"}), "the made-up text holds names read apart"
    assert trade_bodies._TRADE_CUE.search(_MADE_UP[0]) and not trade_bodies._TRADE_CUE.search(_MADE_UP[1])


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_random_texts_match_as_before(text: str) -> None:
    _same(text)
