"""Round eighteen's speed work (speed24) finds what the plain scans find.

:func:`workbook.extract.shared_scans.cue_matches` searches the cues of one first class (``[A-Z](?=...)``,
``[Tt](?=...)``) together, once per text: every cue the entity rules use and made-up cues of the same
form, in every order and with cues first seen after a text's places were kept, against
``pattern.finditer`` on made-up texts in other topics and on random texts of the cues' own words
(hypothesis); cues of other forms (groups in the look-ahead, flags, a look-ahead that is not the whole
rest) are scanned alone. ``weapon_words.has_model_number`` with one pattern per letter against the class
pattern, and ``place_short_names.short_place_names`` looking only at the tokens that are a short name
against the loop over every token, on random texts; the whole-text checks of
``claim_single_quotes.as_double_quotes`` and ``rule_tokens.tokenize`` one mark at a time, and
``trade_bodies``' trade-word check one blank at a time, against the class patterns."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import (
    body_names,
    claim_single_quotes,
    person_context,
    place_phrases,
    place_short_names,
    rule_tokens,
    shared_scans,
    team_plurals,
    trade_bodies,
    weapon_words,
)
from workbook.extract.entity_runs import GAZETTEER, Candidate
from workbook.extract.gazetteer import GazetteerEntry, GazetteerMatch
from workbook.extract.rule_tokens import Token, tokenize
from workbook.extract.shared_scans import cue_matches
from workbook.extract.vocabulary import SHORT_PLACE_NAMES

#: (pattern, cue) of every pass that runs from a cue, and made-up ones of the same and of other forms
_PASSES = [
    (body_names._FIELD_AND, body_names._FIELD_AND_CUE),
    (body_names._FOR_PLACE, body_names._FOR_PLACE_CUE),
    (person_context._NICKNAMED, person_context._NICKNAMED_CUE),
    (person_context._POSSESSIVE, person_context._POSSESSIVE_CUE),
    (person_context._PAIR, person_context._PAIR_CUE),
    (place_phrases._CITY_OF, place_phrases._CITY_OF_CUE),
    (team_plurals._THE_PLURAL, team_plurals._THE_PLURAL_CUE),
    (team_plurals._STAFF_AFTER, team_plurals._STAFF_AFTER_CUE),
    (re.compile(r"(?<!\w)[A-Z][a-z]+ (?:FC|United)"), re.compile(r"[A-Z](?=[a-z]+ (?:FC|United))")),
    (re.compile(r"(?<!\w)[A-Z]\w* Court"), re.compile(r"[A-Z](?=\w* Court)")),
    (re.compile(r"(?<!\w)[Tt]he (?:court|club)"), re.compile(r"[Tt](?=he (?:court|club))")),
    (re.compile(r"(?<!\w)[A-Z]\w* Inc"), re.compile(r"[A-Z](?=(\w*) Inc)")),  # a group: scanned alone
    (re.compile(r"(?<!\w)[A-Z]\w* ltd", re.I), re.compile(r"[A-Z](?=\w* ltd)", re.I)),  # flags: alone
    (re.compile(r"(?<!\w)[A-Z]\w* Ltd"), re.compile(r"[A-Z](?=\w*)(?=\w* Ltd)")),  # two look-aheads: alone
]
_MADE_UP = [
    "Manchester United's coach, Erik ten Hag, said Leeds United and Blackburn Rovers' staff met the club.",
    'Judge Mary "Molly" O\'Neill of the Court of Appeal heard Smith and Jones; the court sat in the city of Leeds.',
    "Business: Ostrava Logistics and Dawson Haulage bid; Keller Analytics Inc and the Office for Students lost.",
    "Science: the Department of Health and Human Services and Friends of the Earth; Tom's Lab and Ann's team.",
    "Local news: The Wildcats beat the Rovers; the Lions coach Sam Hill and the Tigers' manager left; Ray FC won.",
    "KCNA: Kim Jong Un and Choe Son Hui met in the city of Pyongyang; the Ministry for Foreign Affairs said.",
    'Defence: the Navy\'s staff and the Army Corps of Engineers; Admiral "Bull" Halsey and Nimitz met at Midway.',
    "",
]
_WORDS = [
    "Smith", "Jones", "and", "&", "for", "the", "The", "city", "of", "Leeds", "Rovers", "United", "FC",
    "Court", "court", "club", "Inc", "ltd", "Ltd", "coach", "staff", "Tom's", "Ann’s", '"Molly"', "“Bull”",
    "O'Neill", "Élan", "Students", "Office", "Wildcats", "manager", "Lions", "x", "A", "Mc-Don",
]  # fmt: skip
_SEPARATORS = [" ", " ", "  ", "\t", "\n", ", ", ". ", "-", "'", "’", '"', "“", ""]


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


def _check(text: str, order: list[int]) -> None:
    for k in order:
        pattern, cue = _PASSES[k]
        assert _spans(cue_matches(pattern, text, cue)) == _spans(list(pattern.finditer(text))), (k, text)


def test_made_up_texts_as_finditer() -> None:
    for text in _MADE_UP:
        _check(text, list(range(len(_PASSES))))
        _check(text, list(reversed(range(len(_PASSES)))))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=30),
    st.permutations(list(range(len(_PASSES)))),
)
def test_random_texts_as_finditer(words: list[tuple[str, str]], order: list[int]) -> None:
    _check("".join(w + s for w, s in words), order)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("AThe anddfor&\"“’' \tsCcoUrtI\nnFl"), max_size=60))
def test_random_characters_as_finditer(text: str) -> None:
    _check(text, list(range(len(_PASSES))))


def test_a_cue_seen_after_a_text_was_kept_is_found_too() -> None:
    text = "Bayern Munich and Real Madrid met Hertha Berlin for Europe in the city of Rome."
    first = re.compile(r"[A-Z](?=[a-z]+ Madrid)")
    later = re.compile(r"[A-Z](?=[a-z]+ for Europe)")
    word = re.compile(r"(?<!\w)[A-Z][a-z]+")
    assert [m.start() for m in cue_matches(word, text, first)] == [text.index("Real")]
    assert [m.start() for m in cue_matches(word, text, later)] == [text.index("Berlin")]
    assert [m.start() for m in cue_matches(word, text, first)] == [text.index("Real")]


def test_only_cues_of_one_class_and_a_whole_look_ahead_are_searched_together() -> None:
    family = shared_scans._cue_family
    assert family(re.compile(r"[A-Z](?=[a-z]+ and)")) is not None
    assert family(re.compile(r"[A-Z](?=(x) and)")) is None  # a group
    assert family(re.compile(r"[A-Z](?=x)(?=y)")) is None  # the last bracket closes another look-ahead
    assert family(re.compile(r"[A-Z](?=x)", re.IGNORECASE)) is None
    assert family(re.compile(r"[Tt]he[ \t]")) is None  # consumes more than one character
    assert family(re.compile(r"t(?=he)")) is None
    assert [u.pattern[0] for u in family(re.compile(r"[Tt](?=he)")) or ()] == ["T", "t"]  # one per letter
    assert [u.pattern[:5] for u in family(re.compile(r"[A-Z](?=he)")) or ()] == ["[A-Z]"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("MKmk19 -\n.Ó"), max_size=40))
def test_model_numbers_as_the_class_pattern(text: str) -> None:
    weapon_words.has_model_number.cache_clear()
    assert weapon_words.has_model_number(text) == (re.search(r"[MK]\d", text) is not None)


def _short_names_plain(text: str, tokens: list[Token], chosen: list[Candidate], covered: bytearray) -> list[Candidate]:
    """``short_place_names`` before speed24: every token looked up."""
    named = {c.gaz.entry.name: c.gaz.entry for c in chosen if c.gaz is not None}
    out: list[Candidate] = []
    if not any(name in named for name in SHORT_PLACE_NAMES.values()):
        return out
    for i, t in enumerate(tokens):
        entry = named.get(SHORT_PLACE_NAMES.get(t.text, ""))
        if (
            entry is None
            or covered.find(1, t.start, t.end) >= 0
            or not place_short_names._THE_BEFORE.search(text, max(0, t.start - 5), t.start)
        ):
            continue
        if i + 1 < len(tokens) and tokens[i + 1].cap and not text[t.full_end : tokens[i + 1].start].strip():
            continue
        out.append(
            Candidate(
                t.start, t.end, entry.type, GAZETTEER, entry.name, gaz=GazetteerMatch(t.start, t.end, entry, True)
            )
        )
    return out


_KOREAS = [
    GazetteerEntry("North Korea", "place", ("DPRK",), 40.0, 127.0, 300.0, "test"),
    GazetteerEntry("South Korea", "place", ("ROK",), 36.0, 128.0, 300.0, "test"),
    GazetteerEntry("Korea", "place", (), 38.0, 127.5, 500.0, "test"),
]
_SHORT_WORDS = ["the", "The", "North", "South", "Korea", "North's", "Atlantic", "said", "of", "THE", "north"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_SHORT_WORDS), st.sampled_from([" ", "  ", "\n", ", ", ". ", "-"])), max_size=20
    ),
    st.lists(st.sampled_from([0, 1, 2]), max_size=3),
    st.lists(st.integers(0, 80), max_size=4),
)
def test_short_place_names_as_every_token_looked_up(
    words: list[tuple[str, str]], named: list[int], marks: list[int]
) -> None:
    text = "".join(w + s for w, s in words)
    tokens = tokenize(text)
    chosen = [
        Candidate(0, 1, "place", GAZETTEER, _KOREAS[k].name, gaz=GazetteerMatch(0, 1, _KOREAS[k], True)) for k in named
    ]
    covered = bytearray(len(text) + 1)
    for at in marks:
        if at < len(covered):
            covered[at] = 1
    got = place_short_names.short_place_names(text, tokens, chosen, covered)
    assert got == _short_names_plain(text, tokens, chosen, covered), text


def test_short_place_names_made_up() -> None:
    text = "North Korea fired; the North said the South and South Korea's allies met. The North Atlantic was calm."
    tokens = tokenize(text)
    chosen = [Candidate(0, 11, "place", GAZETTEER, "North Korea", gaz=GazetteerMatch(0, 11, _KOREAS[0], True))]
    got = place_short_names.short_place_names(text, tokens, chosen, bytearray(len(text) + 1))
    assert [text[c.start : c.end] for c in got] == ["North"]
    assert got == _short_names_plain(text, tokens, chosen, bytearray(len(text) + 1))


_MARKS = "'‘’&ſ-\"“ \t\nabAB1é_(—"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_MARKS), max_size=30))
def test_checks_one_mark_at_a_time_as_the_class_pattern(text: str) -> None:
    singles = all(o.search(text) is None for o in claim_single_quotes._OPENINGS)
    assert singles == (claim_single_quotes._OPENING.search(text) is None), text
    parts = any(p.search(text) is not None for p in rule_tokens._TOKENS_PARTS)
    assert parts == (rule_tokens._TOKENS_PART.search(text) is not None), text


def test_checks_one_mark_at_a_time_made_up() -> None:
    for text in [
        *_MADE_UP,
        "He said 'we will win' (‘no doubt’) at AT&T; 'em and ’twas; ſtreet",
        "rock 'n' roll, the '90s",
    ]:
        assert all(o.search(text) is None for o in claim_single_quotes._OPENINGS) == (
            claim_single_quotes._OPENING.search(text) is None
        )
        assert any(p.search(text) for p in rule_tokens._TOKENS_PARTS) == bool(rule_tokens._TOKENS_PART.search(text))


_TRADES = [
    *(w.capitalize() for w in sorted(trade_bodies.TRADE_WORDS)[:8]),
    *(w.upper() for w in sorted(trade_bodies.TRADE_WORDS)[8:12]),
    *sorted(trade_bodies.TRADE_WORDS)[12:16],
    "Railways-",
    "Water's",
    "Kelvin",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_TRADES), st.sampled_from([" ", "\t", "  ", "\n", "", "'", " \t"])), max_size=8)
)
def test_trade_word_check_one_blank_at_a_time_as_the_class_pattern(words: list[tuple[str, str]]) -> None:
    text = "".join(s + w for w, s in words)
    split = all(cue.search(text) is None for cue in trade_bodies._TRADE_CUES)
    assert split == (trade_bodies._TRADE_CUE.search(text) is None), text
