"""The rule patterns rewritten for speed find exactly what their forms as first written find.

A pattern that opens with a look-behind (``(?<=\\()``, ``\\b``, ``^`` in multi-line mode) makes ``re`` try
the whole pattern at every character; written with its first letter first and the look-behind after it
(``[A-Z](?<=\\([A-Z])``), ``re`` skips in C to the next possible first letter. The plain forms are kept
here only as the reference: each fast form is compared with its plain form on edge texts at every start
offset and on random texts made of the pattern's own words, pieces of them and punctuation.
"""

from __future__ import annotations

import random
import re

import pytest

from workbook.extract import claim_clauses, claim_interview, ner_document, ner_merge, ranks
from workbook.extract.entity_bounds import ampersand_names

# module, name, plain form, flags, words the random texts are made of
_PLAIN_PATTERNS: list[tuple[object, str, str, int, list[str]]] = [
    (
        ner_merge,
        "_SPEAKS",
        r"(?<![\w'’.&-])(?<![A-Z][\w'’-] )([A-Z][A-Z&]*[A-Z])(?= (?:said|says|told|tells|announced|declined|confirmed"
        r"|denied|added|stated|warned)\b)",
        0,
        ["USPS", "NASA", "A&P", "AT&T", "said", "told", "warned", "Mr", "X", "the", "Ab", "1", "K-", "O’"],
    ),
    (
        ner_merge,
        "_OPENS_SPEAKING",
        r"(?:^|(?<=[.!?] )|(?<=[.!?][\"”’] ))([A-Z][\w&-]*[A-Za-z])(?= (?:said|says|told|tells|announced|declined"
        r"|confirmed|denied|added|stated|warned)\b)",
        re.M,
        ["Google", "It", "A&B", "said", "says", "told", "added", "end.", "end!", "”", '"', "’", "X-ray", "a"],
    ),
    (
        claim_clauses,
        "_IMPERSONAL",
        r"\b[Ii]t\s+(?:was|is|has\s+been|had\s+been|will\s+be)\s+(?:also\s+|officially\s+|now\s+|widely\s+)?"
        r"(?P<cue>announced|reported|understood|claimed|alleged|learned|learnt|confirmed|stated|believed|feared"
        r"|expected|thought|rumou?red|estimated|suggested|argued|predicted)\b"
        r"(?:\s+by\s+(?P<by>[^;:.!?\"“”]{1,100}?)(?=,?\s+that\b)|(?=(?:[\s,]+[\w'’.-]+){0,6}?[\s,]+that\b))",
        0,
        ["It", "it", "bit", "was", "is", "has", "been", "announced", "feared", "widely", "that", "the", "I", "t", "by"],
    ),
    (
        claim_clauses,
        "_TOLD_PASSIVE",
        r"\b(?:was|were|been|being|is|are|am)\s+(?:also\s+|repeatedly\s+|later\s+)?"
        r"(?P<cue>told|informed|assured|advised|notified|reminded|warned)"
        r"(?:\s+by\s+(?P<by>[^,;:.!?\"“”]{1,80}?))?(?=,?\s+that\b)",
        0,
        ["was", "were", "being", "been", "is", "am", "this", "told", "informed", "by", "the", "that", "also", "wasam"],
    ),
    (
        claim_clauses,
        "_DESCRIBED_AS",
        r"\b(?P<cue>described|describes|characteri[sz]ed|characteri[sz]es)\s+(?:him|her|them|it|himself|herself"
        r"|themselves|(?:the|this|that|these|those|his|her|its|their)\s+[\w'’-]+(?:\s+[\w'’-]+)?)\s+as\s+"
        r"(?=(?:the|a|an|one|his|her|its|their|being|[a-z]+(?:est|ly))\b)",
        0,
        ["described", "describes", "characterised", "characterizes", "undescribed", "her", "as", "the", "best"],
    ),
    (
        claim_clauses,
        "_PUT_IT",
        r"\b[Aa]s\s+(?P<spk>[^,.;:!?\"“”\n]{2,60}?(?:,\s*[^,.;:!?\"“”\n]{2,60},)?)\s+"
        r"(?:(?:once|later|famously|memorably|aptly|so\s+aptly|so\s+well|has|had|would)\s+)?"
        r"(?:put|puts|phrased|phrases)\s+it\b",
        0,
        ["As", "as", "has", "Kofi", "Mensah", "the", "director", "put", "it", "once", "phrased", ","],
    ),
    (
        claim_interview,
        "_INLINE",
        r"(?:^|(?<=[.!?\"”]\s))(?P<label>Q|A)\s?:\s+",
        re.MULTILINE,
        ["Q", "A", ":", "Q:", "A:", "end.", "end?", '"', "”", "AQ", "the", "\n"],
    ),
]

_SEPARATORS = [" ", " ", "  ", "\n", "", "\t", ". ", ", ", "-", "(", ")", ";"]


def _random_texts(words: list[str], n: int = 400, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pieces = words + [w[: rng.randint(1, len(w))] for w in words] + [w.upper() for w in words] + ["é", "1"]
    out = []
    for _ in range(n):
        toks = [rng.choice(pieces) for _ in range(rng.randint(1, 25))]
        out.append("".join(t + rng.choice(_SEPARATORS) for t in toks))
    return out


def _found(pattern: re.Pattern[str], text: str, start: int = 0) -> list[tuple[object, ...]]:
    return [(m.span(), *(m.span(k) for k in range(1, pattern.groups + 1))) for m in pattern.finditer(text, start)]


@pytest.mark.parametrize(("module", "name", "plain", "flags", "words"), _PLAIN_PATTERNS, ids=lambda x: str(x)[:20])
def test_fast_pattern_finds_what_the_plain_form_finds(
    module: object, name: str, plain: str, flags: int, words: list[str]
) -> None:
    fast, slow = getattr(module, name), re.compile(plain, flags)
    assert fast.groupindex == slow.groupindex
    texts = _random_texts(words)
    for text in texts:
        assert _found(fast, text) == _found(slow, text), text
    for text in texts[:60]:
        for start in range(len(text) + 1):
            assert _found(fast, text, start) == _found(slow, text, start), (text, start)


# cited authors: the fast pattern's groups 1 and 3 start after the capital, cited_authors puts it back
_PLAIN_CITED = re.compile(
    r"(?:(?<=\()|(?<=; )|(?<=\(see )|(?<=\(e\.g\. )|(?<=\(cf\. ))"
    r"([A-Z][\w'’-]*[a-z])(?:,? (?:&|and) ([A-Z][\w'’-]*[a-z]))?,? (?:1[5-9]|20)\d\d[a-z]?(?=[;),:])"
    r"|(?<![\w'’-])([A-Z][\w'’-]*[a-z]) et al\.?,? \(?(?:1[5-9]|20)\d\d"
)


def _plain_cited(text: str, never: frozenset[str]) -> list[tuple[int, int]]:
    out = []
    for m in _PLAIN_CITED.finditer(text):
        for k in (1, 2, 3):
            if m.start(k) >= 0 and m.group(k).casefold() not in never:
                out.append((m.start(k), m.end(k)))
    return out


_CITED_EDGES = [
    "(Brieber 2014; Heidenreich & Turano 2011)",
    "Binderman et al., 2005 and (see Baron and Beresford 2014). (e.g. Smith 1999a), (cf. Lee 2001:",
    "(May 2014) (Xavier-Lo 1888; O’Neil 2020)",
    "Ab et al. 2010 xAb et al. 2010 -Ab et al. (2010",
    "(B 2014) (Bb 2014) (BB 2014) (Bb, 2014,",
    "",
]


def test_cited_authors_finds_what_the_plain_form_finds() -> None:
    words = ["(", "(see", "(e.g.", "(cf.", ";", "Brieber", "May", "O’Neil", "and", "&", "et", "al.", "2014", "1999a"]
    words += ["2014)", "2014;", "2014,", "(2014", "Ab", "x"]
    never = frozenset({"may"})
    for text in _CITED_EDGES + _random_texts(words, n=1500):
        assert ner_document.cited_authors(text) == _plain_cited(text, frozenset()), text
        assert ner_document.cited_authors(text, never) == _plain_cited(text, never), text


def test_cited_authors_in_a_science_report() -> None:
    text = "Sleep improves recall (Walker 2009; Diekelmann & Born 2010), as Stickgold et al., 2001 found."
    assert [text[s:e] for s, e in ner_document.cited_authors(text)] == ["Walker", "Diekelmann", "Born", "Stickgold"]


def test_ampersand_names_without_an_ampersand_is_empty_and_with_one_unchanged() -> None:
    assert ampersand_names("Procter and Gamble reported a profit at the court in Leeds.") == []
    assert ampersand_names("Shares of Procter & Gamble rose; Ernst & Young audited.") == [
        (10, 26, "Procter & Gamble"),
        (33, 46, "Ernst & Young"),
    ]


def test_rank_spans_name_at_skips_any_white_space() -> None:
    for text in ("Sgt. Ana Ruiz said", "Sgt.\u00a0\n Ana Ruiz", "Army Maj. Gen.\t\tLee"):
        for span in ranks.rank_spans(text):
            rest = text[span.end :]
            assert span.name_at == span.end + len(rest) - len(rest.lstrip())
            assert not text[span.name_at].isspace()


_PLAIN_ADDRESS = re.compile(
    r"(?:^|(?<=[.!?:;]))[ \t]*"
    r"(?i:hi|hello|hey|dear|thanks|thank\s+you|many\s+thanks|regards|best\s+regards|kind\s+regards|best\s+wishes"
    r"|cheers|sincerely|good\s+(?:morning|afternoon|evening))[ \t]*,?[ \t]+"
    r"([A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+)?)[ \t]*(?=[,.!:;\n]|$)"
    r"|^[ \t]*([A-Z][a-z'’-]+)(?=,[ \t])",
    re.M,
)


def test_address_pattern_searched_after_a_newline_finds_what_the_plain_form_finds() -> None:
    fast = ner_merge._ADDRESS
    words = ["Hi", "hi", "Dear", "Thanks", "thank", "you", "Good", "morning", "Kevin", "Lee", "Ms", "x", "O’Neil"]
    words += ["Best", "regards", "Cheers", "team", "Martin", "\n", ",", "!", ":", "é"]
    for text in [*_random_texts(words, n=1500), "Kevin, please send it", "Hi Kevin,", "Thanks, Martin\nDear Ana Ruiz:"]:
        got = [tuple((m.start(k) - 1, m.end(k) - 1) for k in (1, 2)) for m in fast.finditer("\n" + text)]
        want = [(m.span(1), m.span(2)) for m in _PLAIN_ADDRESS.finditer(text)]
        assert [tuple(s if s[0] >= 0 else (-1, -1) for s in g) for g in got] == want, text


def test_addressed_people_in_club_letters() -> None:
    text = "Dear Martin,\nthe match is moved. Thanks, Sarah\nKevin, please book the pitch."
    found = ner_merge.addressed_people(text, {"martin": "g", "sarah": "g", "kevin": "g"})
    assert [(text[s.start : s.end], s.type) for s in found] == [
        ("Martin", "person"),
        ("Sarah", "person"),
        ("Kevin", "person"),
    ]


def test_role_before_a_mention_is_searched_only_where_man_is_written() -> None:
    from workbook.extract import speaker_gender
    from workbook.extract.speaker_words import ROLE_GENDER

    role_before = speaker_gender._role_before
    words = ["spokeswoman", "Chairman", "MAN", "police", "woman", "manager", "the", ",", "Dr.", "Ana", "Ruiz", "İ"]
    for text in [*_random_texts(words, n=300), "A spokeswoman for the court, Dr. Ana Ruiz"]:
        lowered = text.lower()
        for at in range(len(text) + 1):
            want = ROLE_GENDER.search(text, max(0, at - 80), at)
            for low in (lowered if len(lowered) == len(text) else None, None):
                got = role_before(text, low, at)
                assert (got and (got.span(), got.group("role"))) == (want and (want.span(), want.group("role")))


def test_particle_orgs_skip_only_texts_that_cannot_hold_one() -> None:
    from workbook.extract import entity_bounds
    from workbook.extract.entity_bounds import particle_orgs

    plain = entity_bounds._PARTICLE_ORG
    for text in [
        "Fighters of Hayat Tahrir al-Sham took the town; AL-SHABAAB denied it.",
        "Lashkar-e-Taiba and JAISH-E-MOHAMMED were named in court.",
        "The striker joined the club from Leeds for a record fee.",
        "QAİDA AL: al Qaıda",  # the two letters that match i in any case without folding to it
        "al ſhabaab, Al Shabaab",  # the long s folds to s
    ]:
        want = [(m.start(), m.end(), " ".join(m.group().split())) for m in plain.finditer(text)]
        assert particle_orgs(text) == [w for w in want if any(c.isupper() for c in w[2])], text


def test_the_only_letters_ignorecase_matches_without_case_folding_to_them_are_dotted_and_dotless_i() -> None:
    every = "".join(map(chr, range(0x110000)))
    odd = {(x, c) for x in "abcdefghijklmnopqrstuvwxyz" for c in re.findall(f"(?i){x}", every) if c.casefold() != x}
    assert odd == {("i", "İ"), ("i", "ı")}


def test_written_full_name_patterns_are_the_ones_first_written() -> None:
    from workbook.extract import speaker_titles

    for word in ["Patterson", "O'Neil", "Zhang", "a.b{1}"]:
        w = re.escape(word)
        plain = [
            rf"\b((?:[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?){{1,2}}){w}\b",
            rf"\b{w}\s+([A-Z][a-z]+(?:-[a-z]+)?)(?=\s*,|\s+(?:said|says|told)\b)",
            rf"\b{w}\s+([A-Z][a-z][\w'’-]*)\b",
        ]
        assert [speaker_titles._name_pattern(k, word).pattern for k in range(3)] == plain
    text = "Our coach Troy Patterson spoke first. Later, Patterson said the team was ready."
    assert speaker_titles.written_full_name(text, "Patterson", text.index("Patterson said")) == "Troy Patterson"


@pytest.mark.parametrize(
    ("key", "plain_start", "words"),
    [
        ("calibre", r"(?<![\w-])\d{2,3}", ["122mm", "240", "mm", "-calibre", "multiple", "rocket", "launchers", "MRL"]),
        (
            "new_type",
            r"(?<![\w-])[Nn]ew-type",
            ["new-type", "New-type", "xnew-type", "tactical", "missiles", "systems"],
        ),
    ],
)
def test_weapon_patterns_with_the_word_start_behind_the_first_character(
    key: str, plain_start: str, words: list[str]
) -> None:
    from workbook.extract import weapons

    fast = weapons._patterns()[key]
    first = {"calibre": r"\d(?<![\w-]\d)\d{1,2}", "new_type": r"[Nn](?<![\w-][Nn])ew-type"}[key]
    slow = re.compile(plain_start + fast.pattern.removeprefix(first))
    assert fast.pattern.startswith(first)
    for text in [
        *_random_texts([*words, "1", "12", "1234", "-", "the"]),
        "fired 240mm MRLS and 122 mm rocket launchers",
    ]:
        assert _found(fast, text) == _found(slow, text), text


def test_every_hansard_label_holds_the_cue_that_lets_a_text_be_skipped() -> None:
    from workbook.extract import claim_turns

    label, cue = claim_turns._HANSARD_LABEL, claim_turns._HANSARD_CUE
    words = ["Mr", "James", "Cartlidge", "(South Suffolk)", "(Con)", "The", "Secretary", "(John Healey):", ":", "("]
    words += [")", "x", "Defence"]
    seen = 0
    for text in [*_random_texts(words, n=1500), "The Secretary of State for Defence (John Healey) (Lab): We will."]:
        for m in label.finditer(text):
            assert cue.search(m.group()), m.group()
            seen += 1
    assert seen > 10


def test_named_storms_are_searched_only_in_texts_holding_a_storm_word() -> None:
    assert ner_document.named_events("Katrina scored twice for the home side in Leeds.") == []
    text = "Hurricane Katrina hit New Orleans. Katrina's damage, and Super Typhoon Haiyan's, were studied."
    assert [(text[e.start : e.end], e.name) for e in ner_document.named_events(text)] == [
        ("Hurricane Katrina", "Hurricane Katrina"),
        ("Katrina", "Hurricane Katrina"),
        ("Super Typhoon Haiyan", "Super Typhoon Haiyan"),
    ]


def _weapon_words() -> list[str]:
    from workbook.extract import weapon_words
    from workbook.names import WEAPON_FAMILIES

    lists = (
        WEAPON_FAMILIES,
        weapon_words.WEAPON_NAMES,
        weapon_words.WEAPON_NAMES_IN_CONTEXT,
        weapon_words.WEAPON_PREFIX_DESIGNATIONS,
        weapon_words.WEAPON_LETTER_PREFIXES,
        weapon_words.SHIP_PREFIXES,
        weapon_words.WARSHIP_NOUNS,
        weapon_words.WEAPON_NAME_HEADS,
        weapon_words.WEAPON_HEAD_NOUNS,
    )
    rng = random.Random(13)
    words = [w for lst in lists for w in rng.sample(sorted(lst), min(12, len(lst)))]
    designations = [
        f"{w}{rng.choice(['-', ' ', '‑'])}{rng.choice(['18', '3', 'II', 'A', '11Da-4.5'])}" for w in words[:60]
    ]
    return [*words, *designations, "-", "18", "II", "Block", "class", "destroyer", "missiles", "the", "and", "Ralph"]


def test_weapon_patterns_with_factored_word_lists_find_what_the_plain_lists_find() -> None:
    """The weapon finders' word lists written as prefix trees (``phrase_regex.literal_alternation``)
    match as the plain alternations, longest first, did: at every start, with every group."""
    from workbook.extract import weapons

    fast, slow = weapons._patterns(), weapons._compiled_patterns(weapons._plain_alternation)
    assert fast.keys() == slow.keys()
    texts = _random_texts(_weapon_words(), n=300)
    texts += ["the Hwasong-18 and -19, Iron Dome, HIMARS launchers, USS Ralph Johnson (DDG 114) and F/A-18E/F jets"]
    for key in fast:
        assert fast[key].groupindex == slow[key].groupindex, key
        for text in texts:
            assert _found(fast[key], text) == _found(slow[key], text), (key, text)
        for text in texts[:60]:
            for pos in range(len(text)):
                a, b = fast[key].match(text, pos), slow[key].match(text, pos)
                assert (a and a.regs) == (b and b.regs), (key, text, pos)
