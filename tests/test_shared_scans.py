"""Whole-text scans run from the word-start capitals (:mod:`workbook.extract.shared_scans`) and the cheap
document checks of the entity rules find what the plain scans find.

``capital_matches(p, text)`` against ``p.finditer(text)`` for every pattern that uses it, on made-up texts
in other topics and on random texts of the patterns' own words (hypothesis); a pattern whose match may open
elsewhere than at a word-start capital tells them apart (the test can fail). ``titled_streets`` with its
street-word check against the bare pattern; ``about_business`` over the lowered text against the case-blind
pattern, with case variants and the letters lowering changes ("İ", "ı", "ſ")."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import entity_bounds, longer_org_names, org_names, person_firms, person_shapes, ranks
from workbook.extract.shared_scans import (
    capital_matches,
    literal_matches,
    shared_finditer,
    word_start_capitals,
)

#: each pattern run from the word-start capitals, and the digits its matches may open with too
_PATTERNS = {
    "_INITIALLED": (person_shapes._INITIALLED, ""),
    "_TWO_WORDS": (person_shapes._TWO_WORDS, ""),
    "_CLUB": (entity_bounds._CLUB, ""),
    "_RANK": (ranks._RANK, "12"),
    "_FIRM": (person_firms._FIRM, ""),  # speed21
    "_AND_NAME": (longer_org_names._AND_NAME, ""),  # speed21
}
_MADE_UP = [
    "J. K. Rowling spoke; Chairman N. Dorjsuren met W. W. Rouse Ball and U.S. President Joe Biden.",
    "Real Madrid beat Bayern Munich 2-1; Manchester United's coach, Erik ten Hag, said Blackburn Rovers lost.",
    "In court, Judge Mary O'Neill heard Sarah Bankman-Fried; the firm (Becky A. Stephens Litigation Unit) appealed.",
    "The council of Queen Street met on King Road; Bishop Lane's residents complained to Mr. T. J. Smith.",
    "Sgt. 1st Class Maria Delgado-Ruiz and Lt. Cmdr. Aaron Pike met Army Maj. Gen. Lee; 2nd Lt. Ray left.",
    "Dr. A. B. Chen, of MIT, and Prof. Élan Duvall found Cape Town's Inter Milan fans at the lab.",
    "KCNA said Kim Jong Un watched the Hwasong-18; Choe Son Hui met Sergei Lavrov in Pyongyang.",
    "X.Y. Zed, A.b. Cee,O. Malley -Paul Frew _Tom Ray 9Ann Lee ÀBob Day",
    "Business: Ostrava Logistics Group and Dawson Haulage bid; Keller Analytics and O'Hara Fabrication Works lost.",
    "Science: the Department of Health and Human Services and the Office of Science and Technology Policy met.",
    "Local news: Scottish Fire and Rescue Service, Leeds and Bradford Council and Moss Securities; US-Harlan Ventures.",
    "",
]
_WORDS = [
    "J.", "K.", "A.", "W.", "U.S.", "Rowling", "Rouse", "Ball", "Real", "Madrid", "Bayern", "Munich",
    "Manchester", "United", "Rovers", "City", "FC", "Cape", "Town", "Queen", "Street", "King", "Road",
    "O'Neill", "McDonald", "Bankman-Fried", "Sarah", "Erik", "ten", "Hag's", "the", "The", "Élan", "Chen",
    "Inter", "Milan", "said", "1", "AB", "Àb", "_X", "x", "Sgt.", "1st", "2nd", "Class", "Lt.", "Gen.", "Maj.",
    "Army", "Navy", "Colonel", "Col", "Petty", "Officer", "12", "21st",
    "Ostrava", "Logistics", "Haulage", "Group", "Works", "and", "of", "Department", "Health", "Human", "Services",
    "Fire", "Rescue", "Service", "Office", "Science", "Capital", "AND", "And",
]  # fmt: skip
_SEPARATORS = [" ", " ", "  ", "\n", "", "\t", ". ", ", ", "-", "'", "’", "&", "(", "_", "."]


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(k) for k in range(m.re.groups + 1)) for m in matches]


def _random_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=18))
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


texts = st.composite(_random_text)


def test_word_start_capitals_are_the_capitals_no_word_character_precedes() -> None:
    text = "Ann met BOB at 9Am; _Cy and é-Dee (Eve) ÀFay.Gus"
    want = [i for i, c in enumerate(text) if "A" <= c <= "Z" and not (i and re.match(r"\w", text[i - 1]))]
    assert list(word_start_capitals(text)) == want


def test_made_up_texts_match_as_finditer() -> None:
    for name, (pattern, digits) in _PATTERNS.items():
        for text in _MADE_UP:
            found = capital_matches(pattern, text, digits)
            assert _spans(found) == _spans(list(pattern.finditer(text))), (name, text)
    assert all(any(p.search(t) for t in _MADE_UP) for p, _ in _PATTERNS.values())  # the texts hold matches


@settings(max_examples=300, deadline=None)
@given(texts())
def test_random_texts_match_as_finditer(text: str) -> None:
    for name, (pattern, digits) in _PATTERNS.items():
        assert _spans(capital_matches(pattern, text, digits)) == _spans(list(pattern.finditer(text))), name


_RANK_WORDS = ["Major", "General", "Private", "Specialist", "Majors", "major", "GENERAL", "Baker", "Kim", "said", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_RANK_WORDS), max_size=8), st.lists(st.sampled_from(_SEPARATORS), max_size=8))
def test_ambiguous_ranks_from_their_words_as_finditer(words: list[str], seps: list[str]) -> None:
    text = "".join(w + (seps[k] if k < len(seps) else " ") for k, w in enumerate(words))
    found = literal_matches(ranks._AMBIGUOUS, text, ranks.AMBIGUOUS_RANKS)
    assert _spans(found) == _spans(list(ranks._AMBIGUOUS.finditer(text)))


def test_ambiguous_ranks_made_up() -> None:
    for text in [
        *_MADE_UP,
        "Defence: Major Baker and General Kim met; Private Ryan, Specialist Ana Ruiz, Major-General Lee.",
    ]:
        found = literal_matches(ranks._AMBIGUOUS, text, ranks.AMBIGUOUS_RANKS)
        assert _spans(found) == _spans(list(ranks._AMBIGUOUS.finditer(text)))


def test_about_business_asked_twice_answers_the_same() -> None:
    text = "Court news: the shares of the firm were frozen. " * 3
    assert org_names.about_business(text) is org_names.about_business(text) is True
    long_text = "the team won the cup; " * 10_000  # longer than what is kept: searched again
    assert org_names.about_business(long_text) is False


@settings(max_examples=300, deadline=None)
@given(texts())
def test_and_inside_org_check_skips_only_texts_without_a_match(text: str) -> None:
    if longer_org_names._AND_CAPITAL.search(text) is None:
        assert list(longer_org_names._AND_NAME.finditer(text)) == []


def test_and_inside_org_check_made_up() -> None:
    for text in _MADE_UP:
        if longer_org_names._AND_CAPITAL.search(text) is None:
            assert list(longer_org_names._AND_NAME.finditer(text)) == []
    assert longer_org_names._AND_CAPITAL.search(_MADE_UP[-2])  # "Scottish Fire and Rescue Service"


def test_a_pattern_opening_elsewhere_is_told_apart() -> None:
    lower_first = re.compile(r"(?<![\w.])[a-z]+[ \t]+[A-Z][a-z]+")  # opens with a lower-case word
    text = "met Rowling and said Ball"
    assert _spans(capital_matches(lower_first, text)) != _spans(list(lower_first.finditer(text)))
    rank = ranks._RANK  # "1st Lt." opens with a digit: without "12" it is missed
    assert _spans(capital_matches(rank, "1st Lt. Ray")) != _spans(list(rank.finditer("1st Lt. Ray")))
    with pytest.raises(ValueError):
        capital_matches(rank, "1st Lt. Ray", "a-z")


@settings(max_examples=300, deadline=None)
@given(texts())
def test_titled_streets_as_the_bare_pattern(text: str) -> None:
    assert person_shapes.titled_streets(text) == [m.span() for m in person_shapes._TITLED_STREET.finditer(text)]


def test_titled_streets_made_up() -> None:
    for text in _MADE_UP:
        assert person_shapes.titled_streets(text) == [m.span() for m in person_shapes._TITLED_STREET.finditer(text)]
    assert person_shapes.titled_streets(_MADE_UP[3])  # "Queen Street", "King Road", "Bishop Lane"


_BUSINESS_WORDS = [
    "shares", "SHAREHOLDER", "Investors", "analysts", "Revenue", "profit", "earnings", "Chief  Executive",
    "chief executive", "CEO", "stock market", "Nasdaq", "quarterly", "subsidiary", "acquisition", "takeover",
    "merger", "market value", "smartphones", "İnvestor", "ınvestor", "ſhares", "share", "xshares", "shares_",
    "goal", "verdict", "missile", "the", "ceos",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BUSINESS_WORDS), max_size=6), st.sampled_from([" ", "", "-", ". ", "\n", "_"]))
def test_about_business_as_the_case_blind_pattern(words: list[str], sep: str) -> None:
    text = sep.join(words)
    assert org_names.about_business(text) == (org_names._BUSINESS_CUES.blind.search(text) is not None), text


def test_about_business_made_up() -> None:
    assert org_names.about_business("Apple's shares rose after the quarterly results.")
    assert org_names.about_business("The CHIEF EXECUTIVE resigned.")
    assert not org_names.about_business("The court heard the case; the team won the cup.")
    assert not org_names.about_business("sharesx and xrevenue")


@settings(max_examples=100, deadline=None)
@given(texts())
def test_shared_finditer_as_finditer(text: str) -> None:
    pattern = entity_bounds._PAIR
    first = shared_finditer(pattern, text)
    assert _spans(list(first)) == _spans(list(pattern.finditer(text)))
    assert shared_finditer(pattern, text) is first  # the second pass reads the first one's matches


def test_given_name_pairs_both_calls_as_with_plain_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    names = {"erik": "g", "tim": "g", "bruno": "g", "marc": "g", "luis": "g", "cook": "s"}
    texts = [
        "Tim Cook said Erik ten Hag's side lost; Marc-André ter Stegen and Bruno Fernandes scored.",
        "Manager Erik ten Hag met Luis de la Fuente in court; Bruno Fernandes, a witness, left.",
    ]

    def both(text: str) -> list[list[tuple[int, int]]]:
        taken = bytearray(len(text) + 1)
        return [
            [(p.start, p.end) for p in entity_bounds.given_name_pairs(text, names, frozenset(), lambda w: None,
                                                                        frozenset(), taken, particles_only=only)]
            for only in (False, True)
        ]  # fmt: skip

    fast = [both(t) for t in texts]
    monkeypatch.setattr(entity_bounds, "shared_finditer", lambda p, t: tuple(p.finditer(t)))
    assert fast == [both(t) for t in texts]
    assert all(pairs and particles for pairs, particles in fast)  # both kinds of call find names here


def test_long_texts_are_scanned_each_time_and_match_the_same() -> None:
    text = "Tim Cook met J. K. Rowling on Queen Street. " * 6000  # longer than what is kept
    assert len(text) > 200_000
    assert list(word_start_capitals(text)) == [m.start() for m in re.finditer(r"[A-Z](?<!\w[A-Z])", text)]
    for pattern, digits in _PATTERNS.values():
        assert _spans(capital_matches(pattern, text, digits)) == _spans(list(pattern.finditer(text)))
    first = shared_finditer(entity_bounds._PAIR, text)
    assert _spans(list(first)) == _spans(list(entity_bounds._PAIR.finditer(text)))
    assert shared_finditer(entity_bounds._PAIR, text) is not first  # not kept
