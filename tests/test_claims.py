"""Hedges and their ICD 203 bands; direct, indirect and unattributed claims; the seed end to end."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS
from workbook.extract.base import ClaimRecord
from workbook.extract.claims import extract_claims, quote_spans
from workbook.extract.entities import extract_entities
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.hedges import HEDGE_BANDS, NEGATED_BANDS, band_of, find_hedges
from workbook.extract.sentences import split_sentences
from workbook.model import CONFIDENCE_BANDS, QUOTE_KINDS

pytestmark = pytest.mark.unit

SEED = (SEEDS / "000_835897a5739e6757.txt").read_text(encoding="utf-8")


def claims_of(text: str) -> tuple[list[ClaimRecord], dict[str, str]]:
    sentences = split_sentences(text)
    ents, ments, _ = extract_entities(text, sentences, builtin_gazetteer())
    return extract_claims(text, sentences, ents, ments), {e.key: e.name for e in ents}


def summary(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """(kind, claim text, speaker name or text, cue, hedge) per claim."""
    claims, names = claims_of(text)
    return [
        (c.quote_kind, text[c.start : c.end], names.get(c.speaker_key or "", c.speaker_text), c.cue, c.hedge)
        for c in claims
    ]


def hedge_words(text: str) -> list[tuple[str, str]]:
    return [(h.word, h.band) for h in find_hedges(text)]


# --- hedges ------------------------------------------------------------------------------------------


def test_every_hedge_maps_to_a_declared_band() -> None:
    assert set(HEDGE_BANDS.values()) <= set(CONFIDENCE_BANDS) - {"unhedged"}
    assert set(NEGATED_BANDS) | set(NEGATED_BANDS.values()) <= set(CONFIDENCE_BANDS)
    assert set(HEDGE_BANDS.values()) <= set(NEGATED_BANDS)


@pytest.mark.parametrize(
    ("phrase", "band"),
    [
        ("almost no chance", "almost no chance"),
        ("remote chance", "almost no chance"),
        ("very unlikely", "very unlikely"),
        ("highly improbable", "very unlikely"),
        ("unlikely", "unlikely"),
        ("improbable", "unlikely"),
        ("roughly even chance", "roughly even chance"),
        ("roughly even odds", "roughly even chance"),
        ("likely", "likely"),
        ("probable", "likely"),
        ("very likely", "very likely"),
        ("highly probable", "very likely"),
        ("almost certain", "almost certain"),
        ("nearly certain", "almost certain"),
    ],
)
def test_icd_203_words_map_to_their_own_band(phrase: str, band: str) -> None:
    assert hedge_words(f"It is {phrase} to happen.") == [(phrase, band)]


@pytest.mark.parametrize(
    ("sentence", "word", "band"),
    [
        ("North Korea may be reluctant.", "may", "roughly even chance"),
        ("It might fail.", "might", "roughly even chance"),
        ("It could fail.", "could", "roughly even chance"),
        ("Plants possibly linked to it.", "possibly", "roughly even chance"),
        ("A possible link.", "possible", "roughly even chance"),
        ("Perhaps not.", "perhaps", "roughly even chance"),
        ("It was probably a test.", "probably", "likely"),
        ("Factories believed to be linked.", "believed", "likely"),
        ("He is thought to be ill.", "thought", "likely"),
        ("It is suspected of cheating.", "suspected", "roughly even chance"),
        ("It reportedly flew.", "reportedly", "roughly even chance"),
        ("It allegedly flew.", "allegedly", "roughly even chance"),
        ("It apparently flew.", "apparently", "likely"),
        ("It appears to have flown.", "appears", "likely"),
        ("It seems to have flown.", "seems", "likely"),
        ("It is expected to fly.", "expected", "likely"),
        ("The missile is said to fly far.", "is said to", "roughly even chance"),
        ("Success is doubtful.", "doubtful", "unlikely"),
        ("It certainly flew.", "certainly", "almost certain"),
        ("It almost certainly flew.", "almost certainly", "almost certain"),
        ("It is highly likely.", "highly likely", "very likely"),
        ("It is feared that it flew.", "it is feared", "roughly even chance"),
    ],
)
def test_news_hedges(sentence: str, word: str, band: str) -> None:
    assert hedge_words(sentence)[0] == (word, band)


def test_multiword_hedges_win_over_their_last_word() -> None:
    assert hedge_words("It almost certainly flew and is very likely to fly.") == [
        ("almost certainly", "almost certain"),
        ("very likely", "very likely"),
    ]


def test_negation_moves_the_band_and_is_part_of_the_span() -> None:
    text = "It is not likely; it isn't believed; it is not unlikely; it is not almost certain; it may not."
    assert hedge_words(text) == [
        ("not likely", "unlikely"),
        ("not believed", "unlikely"),
        ("not unlikely", "roughly even chance"),
        ("not almost certain", "roughly even chance"),
        ("may", "roughly even chance"),
    ]
    h = find_hedges(text)[0]
    assert text[h.start : h.end] == "not likely"
    assert band_of("not likely") == "unlikely" and band_of("Likely") == "likely" and band_of("banana") == "unhedged"


@pytest.mark.parametrize(
    "sentence",
    [
        "It happened in May 2019 and Theresa May spoke.",
        "They could not reach him.",
        "Study the Juche thought; a thought occurred.",
        "Do it as soon as possible; it made it possible.",
        "The might of the army grew.",
        "A version appeared in print.",
        "The expected result came.",
    ],
)
def test_homographs_and_set_phrases_are_not_hedges(sentence: str) -> None:
    assert hedge_words(sentence) == []


def test_find_hedges_in_a_window() -> None:
    text = "It may rain. It is likely to snow."
    assert [(h.word, text[h.start : h.end]) for h in find_hedges(text, 13, len(text))] == [("likely", "likely")]


# --- direct quotes -----------------------------------------------------------------------------------


def test_quote_spans_pair_straight_and_curly_marks_and_close_at_paragraph_end() -> None:
    text = 'He said "one two," and “three”.\n"An open quote running on\nNext'
    assert [text[s:e] for s, e in quote_spans(text)] == ["one two,", "three", "An open quote running on"]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"The missile may fly far," said Jeffrey Lewis.', "Jeffrey Lewis", "said"),
        ('"The missile may fly far," Jeffrey Lewis said.', "Jeffrey Lewis", "said"),
        (
            "“The missile may fly far,” Mr Jeffrey Lewis, an expert at the Middlebury Institute, said in a report.",
            "Jeffrey Lewis",
            "said",
        ),
        ('Jeffrey Lewis said: "The missile may fly far."', "Jeffrey Lewis", "said"),
        ('Jeffrey Lewis told reporters, "The missile may fly far."', "Jeffrey Lewis", "told"),
        ('According to Jeffrey Lewis, "the missile may fly far."', "Jeffrey Lewis", "according to"),
    ],
)
def test_direct_quote_attributions(text: str, speaker: str, cue: str) -> None:
    (kind, quote, who, found_cue, hedge), *_ = summary(text)
    assert (kind, who, found_cue, hedge) == ("direct", speaker, cue, "may")
    assert quote.lstrip('"“').lower().startswith("the missile may fly far")
    assert not quote.startswith(('"', "“"))  # the marks are not part of the claim


def test_he_said_is_the_previous_person_speaker() -> None:
    text = 'Jeffrey Lewis met Kim Jong Un. "It was likely a test," he said.'
    assert summary(text) == [("direct", "It was likely a test,", "Jeffrey Lewis", "said", "likely")]


def test_an_unattributed_quote_paragraph_continues_the_speaker() -> None:
    text = '"It may fly," said Mr Jeffrey Lewis.\n\n"In other cases it may not."\n\nThe end came.'
    out = summary(text)
    assert [(k, w, c) for k, _, w, c, _ in out] == [
        ("direct", "Jeffrey Lewis", "said"),
        ("direct", "Jeffrey Lewis", None),
    ]


def test_scare_quotes_are_not_claims() -> None:
    assert summary('They staged the so-called "Iron Mace" drill and a "use of nuclear weapons" scenario.') == []


# --- reported speech -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jeffrey Lewis said that the plants are likely linked to missiles.",
            ("indirect", "the plants are likely linked to missiles", "Jeffrey Lewis", "said", "likely"),
        ),
        (
            "Jeffrey Lewis said the plants are linked to missiles.",
            ("indirect", "the plants are linked to missiles", "Jeffrey Lewis", "said", None),
        ),
        (
            "According to Jeffrey Lewis, the plants make missiles.",
            ("indirect", "the plants make missiles", "Jeffrey Lewis", "according to", None),
        ),
        (
            "The plants make missiles, according to US officials.",
            ("indirect", "The plants make missiles", "US officials", "according to", None),
        ),
        (
            "Jeffrey Lewis told reporters that the plants make missiles.",
            ("indirect", "the plants make missiles", "Jeffrey Lewis", "told", None),
        ),
        (
            "Jeffrey Lewis told The Straits Times the plants make missiles.",
            ("indirect", "the plants make missiles", "Jeffrey Lewis", "told", None),
        ),
        (
            "US intelligence officials believed some of the plants produced armoured vehicles.",
            (
                "indirect",
                "some of the plants produced armoured vehicles",
                "US intelligence officials",
                "believed",
                "believed",
            ),
        ),
        (
            "Mr Kim vowed to work towards denuclearisation.",
            ("indirect", "to work towards denuclearisation", "Kim", "vowed", None),
        ),
        (
            "Analysts warned that a test could come soon.",
            ("indirect", "a test could come soon", None, "warned", "could"),
        ),
        (
            "Kim Jong Un claimed the launch succeeded.",
            ("indirect", "the launch succeeded", "Kim Jong Un", "claimed", None),
        ),
        (
            "The plants make tanks, the ministry said.",
            ("indirect", "The plants make tanks", None, "said", None),
        ),
    ],
)
def test_reported_speech(text: str, expected: tuple[str, str, str, str, str | None]) -> None:
    assert summary(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The claims were false.",  # "claims" is a noun here
        "It is said that nothing happened.",  # no speaker: a hedge, not reported speech
    ],
)
def test_not_reported_speech(text: str) -> None:
    assert all(kind != "indirect" for kind, *_ in summary(text))


# --- unattributed hedged statements -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claim", "hedge"),
    [
        (
            "Six factories believed to be linked to the programme were found.",
            "Six factories believed to be linked to the programme were found",
            "believed",
        ),
        (
            "Instead, the country is suspected of continuing its work, despite the talks.",
            "the country is suspected of continuing its work",
            "suspected",
        ),
        (
            "One factory was believed to have two campuses, with a plant nearby.",
            "One factory was believed to have two campuses",
            "believed",
        ),
        (
            "But until now, their probable links had not been publicised.",
            "their probable links had not been publicised",
            "probable",
        ),
    ],
)
def test_unattributed_hedged_clauses(text: str, claim: str, hedge: str) -> None:
    assert summary(text) == [("unattributed", claim, None, None, hedge)]


def test_claims_reported_through_a_possessive_noun() -> None:
    assert summary("It grew despite Mr Trump's claims of progress in the talks.") == [
        ("indirect", "progress in the talks", "Trump", "claims", None)
    ]
    assert summary("Kim Jong Un's pledge that he would stop was broken.")[0][:4] == (
        "indirect",
        "he would stop was broken",
        "Kim Jong Un",
        "pledge",
    )


def test_unhedged_statements_without_speakers_are_not_claims() -> None:
    assert summary("The factories make tanks. North Korea keeps them underground.") == []


# --- the seed, end to end ---------------------------------------------------------------------------------

#: (kind, a phrase inside the claim, speaker, cue, hedge), written by reading the seed.
SEED_CLAIMS = [
    ("unattributed", "factories possibly linked to North Korea's missile programme", None, None, "possibly"),
    ("unattributed", "six such factories believed to be linked", None, None, "believed"),
    ("direct", "North Korea may be reluctant to share those locations", "Jeffrey Lewis", "said", "may"),
    ("direct", "the visits may have been related", "Jeffrey Lewis", None, "may"),
    ("unattributed", "steps towards denu-clearisation in the North that could lay the groundwork", None, None, "could"),
    ("unattributed", "some of them believed to be capable of reaching North America", None, None, "believed"),
    ("indirect", "to work towards the complete denuclearisation", "Kim Jong Un", "vowed", None),
    ("unattributed", "is suspected of continuing to improve its missile capabilities", None, None, "suspected"),
    ("indirect", "progress in efforts to denuclearise the North", "Donald Trump", "claims", None),
    ("indirect", "some of the plants produced armoured vehicles", "US intelligence officials", "believed", "believed"),
    ("unattributed", "their probable links to the North's missile programme", None, None, "probable"),
    ("unattributed", "One factory the researchers located was believed to have two campuses", None, None, "believed"),
    ("direct", "Kim was visiting factories", "Jeffrey Lewis", "said", "likely"),
]


def _matches(found: tuple[str, str, str | None, str | None, str | None], expected: tuple[str, ...]) -> bool:
    kind, text, speaker, cue, hedge = found
    return (kind, speaker, cue, hedge) == (expected[0], *expected[2:]) and expected[1] in text


def seed_precision_recall() -> tuple[float, float, list[tuple[str, ...]], list[tuple[str, ...]]]:
    found = summary(SEED)
    hits = [f for f in found if any(_matches(f, e) for e in SEED_CLAIMS)]
    missed = [e for e in SEED_CLAIMS if not any(_matches(f, e) for f in found)]
    extra = [f for f in found if f not in hits]
    return len(hits) / len(found), (len(SEED_CLAIMS) - len(missed)) / len(SEED_CLAIMS), missed, extra  # type: ignore[return-value]


def test_seed_claims_precision_and_recall() -> None:
    precision, recall, missed, extra = seed_precision_recall()
    # known gap: the print-edition footer repeats the headline's "possibly linked" as a second claim
    assert missed == []
    assert [f[1] for f in extra] == [
        "with the headline 'US analysts locate 6 factories possibly linked to N. Korea's missile programme'"
    ]
    assert precision >= 0.9 and recall >= 0.9


def test_seed_direct_quotes() -> None:
    claims, names = claims_of(SEED)
    direct = [c for c in claims if c.quote_kind == "direct"]
    assert [names[c.speaker_key or ""] for c in direct] == ["Jeffrey Lewis"] * 3
    assert [(c.cue, c.hedge, c.confidence) for c in direct] == [
        ("said", "may", "roughly even chance"),
        (None, "may", "roughly even chance"),
        ("said", "likely", "likely"),
    ]
    assert SEED[direct[0].start : direct[0].end].startswith("North Korea may be reluctant")
    assert [c.speaker_text for c in direct] == ["Jeffrey Lewis"] * 3  # shown: the resolved name
    assert [c.speaker_as_written for c in direct] == ["Mr Jeffrey Lewis", "Mr Jeffrey Lewis", "Mr Lewis"]
    kim = next(k for k, n in names.items() if n == "Kim Jong Un")
    assert kim in direct[2].entity_keys  # "In some cases, Kim was visiting factories ..."


def test_seed_reported_claims_keep_speaker_text() -> None:
    claims, names = claims_of(SEED)
    officials = [c for c in claims if c.speaker_text == "US intelligence officials"]
    assert len(officials) == 1 and officials[0].speaker_key is None
    assert (officials[0].quote_kind, officials[0].hedge, officials[0].confidence) == ("indirect", "believed", "likely")
    vow = next(c for c in claims if c.cue == "vowed")
    assert names[vow.speaker_key or ""] == "Kim Jong Un" == vow.speaker_text and vow.speaker_as_written == "Mr Kim"
    assert all(c.speaker_key is None for c in claims if c.quote_kind == "unattributed")


def test_seed_claims_are_well_formed() -> None:
    claims, names = claims_of(SEED)
    sentences = split_sentences(SEED)
    for c in claims:
        assert 0 <= c.start < c.end <= len(SEED)
        assert c.quote_kind in QUOTE_KINDS and c.confidence in CONFIDENCE_BANDS
        assert (c.hedge is None) == (c.confidence == "unhedged")
        assert sentences[c.sentence].start <= c.start < sentences[c.sentence].end
        assert set(c.entity_keys) <= set(names)


# --- robustness -------------------------------------------------------------------------------------------

_PIECES = [
    '"',
    "“",
    "”",
    ",",
    ".",
    ":",
    "\n",
    "\n\n",
    "said",
    "says",
    "told",
    "according to",
    "believed",
    "vowed",
    "Mr",
    "Kim",
    "Jeffrey",
    "Lewis",
    "he",
    "she",
    "officials",
    "US",
    "that",
    "may",
    "likely",
    "not",
    "is",
    "to",
    "the",
    "plants",
    "North",
    "Korea",
    "'s",
    "claims",
    "of",
    "—",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=50).map(" ".join) | st.text(max_size=100))
def test_any_text_gives_well_formed_claims(text: str) -> None:
    claims, names = claims_of(text)
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert c.quote_kind in QUOTE_KINDS and c.confidence in CONFIDENCE_BANDS
        assert c.speaker_key is None or c.speaker_key in names
        assert set(c.entity_keys) <= set(names)


def test_long_sentences_with_many_cues_stay_fast() -> None:
    import time

    text = "Officials said " + "and analysts said, reportedly, that it may fly " * 2000 + "."
    started = time.perf_counter()
    claims, _ = claims_of(text)
    assert time.perf_counter() - started < 10
    assert all(0 <= c.start < c.end <= len(text) for c in claims)
