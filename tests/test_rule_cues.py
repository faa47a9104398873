"""The round-seventeen rule scans run from their cues (:func:`workbook.extract.shared_scans.cue_matches`,
speed22) find what ``pattern.finditer`` finds.

Each pattern that opens with a look-behind and now runs from a cue (``person_context``'s nickname,
"Per" and possessive patterns, ``team_plurals``' "the" + plural and staff patterns, ``place_phrases``'
"the city of", ``body_names``' field-and-field and "X for Place" patterns) against its plain
``finditer``, on made-up texts in sport, courts, business, science, local news and defence and on
random texts of the patterns' own words (hypothesis); the street pattern's check (no ambiguous street
word standing alone, no match) likewise. A cue that misses a place where a match starts, or consumes
more than one character, is told apart (the test can fail)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import body_names, person_context, place_phrases, team_plurals
from workbook.extract.shared_scans import cue_matches, literal_matches

#: each pattern and the cue it runs from (``None``: "Per", its literal)
_CUED = {
    "_NICKNAMED": (person_context._NICKNAMED, person_context._NICKNAMED_CUE),
    "_PER": (person_context._PER, None),
    "_POSSESSIVE": (person_context._POSSESSIVE, person_context._POSSESSIVE_CUE),
    "_THE_PLURAL": (team_plurals._THE_PLURAL, team_plurals._THE_PLURAL_CUE),
    "_STAFF_AFTER": (team_plurals._STAFF_AFTER, team_plurals._STAFF_AFTER_CUE),
    "_CITY_OF": (place_phrases._CITY_OF, place_phrases._CITY_OF_CUE),
    "_FIELD_AND": (body_names._FIELD_AND, body_names._FIELD_AND_CUE),
    "_FOR_PLACE": (body_names._FOR_PLACE, body_names._FOR_PLACE_CUE),
}
_MADE_UP = [
    'Sport: the Tigers beat the Royals; said Crusaders coach Rob Penney. Emiliano "Dibu" Martínez saved; '
    "Kenya's Faith Chepkoech won and the Chiefs and the Hurricanes meeting in Hamilton drew.",
    'Courts: Judge Marjorie "Madge" Pettigrew heard Per Olav Dahl; Per Aune and Per Capita Income; '
    "Britain's Eilish McColgan-Reid testified. The city of Austin said the state of Georgia had asked.",
    "Business: Transport for London confirmed; Teach for America announced; Competition and Markets "
    "Authority and Health and Safety Executive fined Siemens and Hitachi Rail. Japan's Toyota Motor rose.",
    "Science: the town of Chester and the Royal College of Nursing; Energy and Petroleum Regulatory "
    "Authority said; the province of Ontario's lab; Qatar's Mohammed Al-Khelaifi-Nasr spoke.",
    "Local news: residents on Victoria Drive and Nelson Way; closed Kingston Lane; the Knicks play the "
    "Pistons; lost to the Lions; Tigers manager A.J. Hinch; The Bucks host the Saints.",
    'Defence: Minister for Wales said; Support for Ukrainian forces; Maj. Gen. Tom "Hawk" Reed and '
    "the Marines; the county of Kent's base; Fire and Rescue Service; Korea's Kim Jong Un.",
    'KCNA: ComradeKim Jong Un met the Koreans; "Rodong Sinmun" said the DPRK\'s Choe Son Hui; '
    "the city of Pyongyang and the Workers' Party of Korea (WPK).",
    "x'Per Ola, _Per Ola, Per\tOla Nord, Pers Ola, the\tSaints’ coach, THE Bears, tHe Rams, Xs for Ys said",
    "",
]
_WORDS = [
    "the", "The", "Per", "Olav", "Dahl", "Capita", "Tigers", "Royals", "Saints", "Rams", "Bears", "beat", "host",
    "coach", "manager", "Rob", "Penney", "Emiliano", '"Dibu"', "“Dibu”", '"El', 'Chapo"', "Martínez", "Kenya's",
    "Britain’s", "Faith", "Chepkoech", "McColgan-Reid", "city", "state", "town", "province", "of", "Austin",
    "Georgia", "St.", "Mt.", "Transport", "for", "London", "Wales", "said", "confirmed", "has", "Health", "and",
    "&", "Safety", "Executive", "Competition", "Markets", "Authority", "Fire", "Rescue", "Service", "Kim", "Jong",
    "Un", "Korea's", "K", "s", "'s", "x", "A.J.", "1", "Àb", "de", "Drive", "Lane", "Way", "Victoria", "on",
    "the Tigers", "The Saints", "Bears coach", "Kenya's Faith", "Qatar’s Eilish", "the city of", "the state of",
    "Per Olav", 'Emiliano "Dibu"', "Marjorie “Madge”", "Health and", "Fire &", "Transport for", "Teach for",
    "on Victoria", "Rams manager", "Rob Penney", "London said", "Wales has confirmed", "Kingston Lane",
]  # fmt: skip
_SEPARATORS = [*[" "] * 6, "  ", "\n", "", "\t", ". ", ", ", "-", "'", "’", "&", '"', "“", "(", "_", "."]


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(len(m.groups()) + 1)) for m in matches]


def _cued(name: str, text: str) -> list[re.Match[str]]:
    pattern, cue = _CUED[name]
    return literal_matches(pattern, text, ("Per",)) if cue is None else cue_matches(pattern, text, cue)


@st.composite
def texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), max_size=14))
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


def test_made_up_texts_match_as_finditer() -> None:
    found = 0
    for text in _MADE_UP:
        for name, (pattern, _) in _CUED.items():
            plain = list(pattern.finditer(text))
            assert _spans(_cued(name, text)) == _spans(plain), (name, text)
            found += len(plain)
    assert found >= 20  # the made-up texts hold matches of every kind, not only texts with none


def test_every_pattern_matches_some_made_up_text() -> None:
    for name, (pattern, _) in _CUED.items():
        assert any(pattern.search(t) for t in _MADE_UP), name


@settings(max_examples=600, deadline=None)
@given(texts())
def test_random_texts_match_as_finditer(text: str) -> None:
    for name, (pattern, _) in _CUED.items():
        assert _spans(_cued(name, text)) == _spans(list(pattern.finditer(text))), name


@settings(max_examples=300, deadline=None)
@given(texts())
def test_street_check_skips_only_texts_without_a_match(text: str) -> None:
    if place_phrases._STREET_WORD_ALONE.search(text) is None:
        assert place_phrases._STREET.search(text) is None


def test_street_check_made_up() -> None:
    for text in _MADE_UP:
        if place_phrases._STREET.search(text):
            assert place_phrases._STREET_WORD_ALONE.search(text)
    assert place_phrases._STREET.search("residents on Victoria Drive")
    assert place_phrases._STREET_WORD_ALONE.search("Drives and Lanes") is None


def test_a_cue_missing_a_start_or_consuming_more_is_told_apart() -> None:
    text = "the Tigers beat the Royals and The Bears host the Saints"
    plain = _spans(list(team_plurals._THE_PLURAL.finditer(text)))
    assert _spans(cue_matches(team_plurals._THE_PLURAL, text, re.compile(r"t(?=he[ \t])"))) != plain
    assert _spans(cue_matches(team_plurals._THE_PLURAL, text, re.compile(r"[Tt]he[ \t]"))) == plain
    overlapping = "the The Bears"  # a cue of more than one character steps over the second "The"
    plain = _spans(list(team_plurals._THE_PLURAL.finditer(overlapping)))
    assert _spans(cue_matches(team_plurals._THE_PLURAL, overlapping, re.compile(r"[Tt]he[ \t]+[A-Z]"))) != plain
