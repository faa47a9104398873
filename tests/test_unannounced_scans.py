"""The faster scans of :mod:`workbook.extract.unannounced_names` and :mod:`workbook.extract.unannounced_places`
find what the patterns they replace find (``_KIND_OPENER_FAST``, ``_PUNCTUATED_FAST`` and ``_PORTFOLIO_PAIR_FAST``
too):
``_LONE_ASCII`` (``finditer``, the capital first) what ``capital_matches(_LONE, ...)`` finds, the verbs
grouped by first letter the same verbs, and ``_OBJECT`` from its opening words (behind its pre-check) what
``_OBJECT.finditer`` finds; on made-up texts and random texts of the patterns' own words (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import unannounced_names as un
from workbook.extract import unannounced_places as up
from workbook.extract.shared_scans import capital_matches, literal_matches

_TEXTS = (
    "Panasonic said on Monday it would cut jobs. Equinor and RWE also said they had signed the deal.",
    "Ofgem has fined Utilita, and a factory run by Vestel closed. BHP said; RATP cancelled trains.",
    "Ørsted scrapped plans. Shoppers complained. The CEO said. Kestravo and Ulmindor also said so.",
    "a unit acquired Brindlecorp last year; it was owned by Tamsford and backed by Quellin Ventures.",
    "KCNA reported that Kim Jong Un inspected the plant, and the Party will now hold talks.",
    "Spotify raised prices; easyJet posted results.\tNovoran\tsaid\tit was confined by rules.",
)
_WORDS = [
    "Panasonic",
    "Equinor",
    "RWE",
    "BHP",
    "RATP",
    "ABCDEFG",
    "Ørsted",
    "Ulmindor",
    "U.S.",
    "Co-op",
    "O'Neill",
    "Kestravo2",
    "and",
    "also",
    "has",
    "have",
    "will",
    "now",
    "on",
    "Monday",
    "said",
    "says",
    "saying",
    "agreed",
    "raised",
    "raise",
    "fined",
    "confined",
    "acquired",
    "run",
    "rerun",
    "owned",
    "made",
    "by",
    "Vestel",
    "the",
    "it",
    "-",
    "'s",
    "@",
    ".",
    ",",
]
_SEPARATORS = st.sampled_from([" ", " ", " ", "\t", "", "\n", ". ", "-"])
_RANDOM = st.lists(st.tuples(st.sampled_from(_WORDS), _SEPARATORS), max_size=14).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def _objects(text: str) -> list[re.Match[str]]:
    if "fined" in text or "acquired" in text or un._BY_CHECK.search(text):
        return literal_matches(un._OBJECT, text, un._OBJECT_WORDS)
    return []


def _same(text: str) -> None:
    assert _spans(list(un._LONE_ASCII.finditer(text))) == _spans(capital_matches(un._LONE, text))
    assert _spans(_objects(text)) == _spans(list(un._OBJECT.finditer(text)))


def test_made_up_texts() -> None:
    for text in _TEXTS:
        _same(text)
    assert [m.group(1) for m in un._LONE_ASCII.finditer(_TEXTS[0])] == ["Panasonic", "Equinor"]
    assert [m.group(1) for m in _objects(_TEXTS[1])] == ["Utilita", "Vestel"]
    assert _objects("It was confined by rules.") == []  # "confined" is no word of its own


def test_verbs_by_first_letter() -> None:
    verbs = re.compile(rf"(?:{un._by_first_letter(frozenset({'said', 'says', 'sa', 'agreed', 'add'}))})\Z")
    assert all(verbs.match(w) for w in ("said", "says", "sa", "agreed", "add"))
    assert not any(verbs.match(w) for w in ("sai", "agree", "ad", "s", ""))


@settings(max_examples=300, deadline=None)
@given(_RANDOM)
def test_random_texts(text: str) -> None:
    _same(text)


_CAMEL_WORDS = ["eBay", "iRobot", "easyJet", "eToroX", "aBcDe", "abcdeFg", "McAdam", "SoftBank", "TenneT", "the", "x"]
_CAMEL_RANDOM = st.lists(st.tuples(st.sampled_from(_CAMEL_WORDS + _WORDS), _SEPARATORS), max_size=10).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


def _camel_places(text: str) -> set[int]:
    return {at.start() - 1 - k for at in un._CAMEL_CHECK.finditer(text) for k in range(4)}


def _camel_same(text: str) -> None:
    assert bool(un._CAMEL_CHECK.search(text)) == bool(re.search("[a-z][A-Z][a-z]", text))
    assert bool(un._INNER_CHECK.search(text)) == bool(re.search("[a-z][A-Z]", text))
    every = {at for at in range(len(text)) if un._CAMEL.match(text, at)}
    assert every <= _camel_places(text)  # each place a camel-case name opens is tried


def test_camel_checks() -> None:
    for text in ("eBay and iRobot said", "aBcDe", "Shop at easyJet.", "no capitals", "SoftBank", "TenneT x"):
        _camel_same(text)
    assert 0 in _camel_places("eBay") and not un._INNER_CHECK.search("Kim Jong Un")


@settings(max_examples=300, deadline=None)
@given(_CAMEL_RANDOM)
def test_camel_random_texts(text: str) -> None:
    _camel_same(text)


_OPENER_WORDS = ["Rival", "Rivals", "Chipmaker", "Carmaker", "Bank", "Banks", "Yahoo!", "Which?", "Why?", "Really?"]
_OPENER_WORDS += ["Health", "Justice", "State", "of", "Ministry", "Lidl", "Nvidia", "he", "are", "said", "x"]
_OPENER_RANDOM = st.lists(st.tuples(st.sampled_from(_OPENER_WORDS + _WORDS), _SEPARATORS), max_size=10).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


def _opener_same(text: str) -> None:
    assert _spans(list(un._KIND_OPENER_FAST.finditer(text))) == _spans(capital_matches(un._KIND_OPENER, text))
    assert _spans(list(un._PUNCTUATED_FAST.finditer(text))) == _spans(list(un._PUNCTUATED.finditer(text)))
    pairs = literal_matches(up._PORTFOLIO_PAIR, text, ("of ", "of\t"))
    assert _spans(list(up._PORTFOLIO_PAIR_FAST.finditer(text))) == _spans(pairs)


def test_opener_scans() -> None:
    texts = ("Rival Lidl said. Chipmaker Nvidia rose", "Which? has urged; Yahoo! is selling", "of Health and Justice")
    for text in (*texts, *_TEXTS):
        _opener_same(text)
    assert [m.group(2) for m in un._KIND_OPENER_FAST.finditer(texts[0])] == ["Lidl", "Nvidia"]
    assert [m.group(1) for m in un._PUNCTUATED_FAST.finditer(texts[1])] == ["Which?", "Yahoo!"]
    assert [
        m.groups() for m in up._PORTFOLIO_PAIR_FAST.finditer("ministers of Health and Justice, Chief of State")
    ] == [("Health", "Justice")]
    assert not up._PORTFOLIO_PAIR_FAST.search("a spoof Health and Justice")  # "of" ending a word


@settings(max_examples=300, deadline=None)
@given(_OPENER_RANDOM)
def test_opener_random_texts(text: str) -> None:
    _opener_same(text)
