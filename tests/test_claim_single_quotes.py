"""Single quotation marks used as quotes (British and Irish press style), made-up sentences on several
topics, and apostrophes that never make a quote (issue 12, quotes round twenty-two)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.base import ClaimRecord
from workbook.extract.claim_single_quotes import as_double_quotes
from workbook.extract.claims import extract_claims
from workbook.extract.entities import extract_entities
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.sentences import split_sentences

pytestmark = pytest.mark.unit


def claims_of(text: str) -> list[ClaimRecord]:
    sentences = split_sentences(text)
    ents, ments, _ = extract_entities(text, sentences, builtin_gazetteer())
    return extract_claims(text, sentences, ents, ments)


def direct(text: str) -> list[tuple[str, str | None]]:
    return [(text[c.start : c.end], c.speaker_text) for c in claims_of(text) if c.quote_kind == "direct"]


def spoken(text: str) -> list[tuple[str, str | None]]:
    """(claim text, speaker shown) of the direct and indirect claims (a quoted phrase inside a reported
    sentence is read with the sentence, as it is in double marks)."""
    return [(text[c.start : c.end], c.speaker_text) for c in claims_of(text) if c.quote_kind != "unattributed"]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("'We will rebuild the stand by August,' said club chairman Martin Hale.", "We will rebuild", "Martin Hale"),
        (
            "‘The lab’s results don’t support the claim,’ said Professor Ruth Adair.",
            "results don’t support",
            "Ruth Adair",
        ),
        (
            "Judge Clare Dunne told the court: 'You've shown no remorse for the victims' families.'",
            "no remorse",
            "Clare Dunne",
        ),
        (
            "The chief executive, Tom Askew, said the takeover was 'a good deal for everyone'.",
            "a good deal",
            "Tom Askew",
        ),
        ("Councillor Priya Nair said the plan would put 'the town's parks' at risk.", "the town's parks", "Priya Nair"),
        (
            "'It isn't about the money,' the striker Sean Quinn said. 'It's the fans' club.'",
            "It's the fans' club",
            "Sean Quinn",
        ),
    ],
)
def test_single_quotes_give_a_claim_with_its_speaker(text: str, quote: str, speaker: str) -> None:
    found = [(q, s) for q, s in spoken(text) if quote in q]
    assert found and speaker in (found[0][1] or ""), spoken(text)
    assert not [c for c in claims_of(text.replace("'", "’").replace("‘", "’")) if c.quote_kind == "direct"]


def test_a_double_quote_nested_in_a_single_one_stays_inside_it() -> None:
    text = "'He called the ruling \"a farce\", and he was right,' said Sheriff Alan Reid."
    assert direct(text) == [('He called the ruling "a farce", and he was right,', "Alan Reid")]


def test_offsets_and_length_carry_over() -> None:
    text = "The minister said the plan was 'a disgrace'. 'We're not done,' she added."
    doubled = as_double_quotes(text)
    assert len(doubled) == len(text)
    assert doubled == "The minister said the plan was “a disgrace”. “We're not done,” she added."


@pytest.mark.parametrize(
    "text",
    [
        "\"We will stay,\" the coach said of the team's 'plan'.",  # double quotes: the text's style
        "“The club’s board has ‘no plans’ to sell,” said Ann Lee.",
        "I don't think the club's '90s kit was rock 'n' roll, said the Joneses' neighbour.",
        "The players' union and the owners' group met on the '24 season's fixtures.",
        "O'Brien's side won; the Rovers' fans sang 'til late.",
    ],
)
def test_texts_with_double_quotes_or_only_apostrophes_are_unchanged(text: str) -> None:
    assert as_double_quotes(text) == text


_APOSTROPHE_WORDS = st.sampled_from(
    [
        "don't", "isn't", "we'll", "they'd", "club's", "O'Neill", "players'", "Joneses'", "'90s", "'n'", "'em",
        "it's", "can’t", "nurses’", "’80s", "James'", "rock", "the", "fans", "said", "won", "money", "union",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_APOSTROPHE_WORDS, min_size=1, max_size=14), st.sampled_from([".", "", "!", "?"]))
def test_apostrophes_in_words_make_no_quote(words: list[str], end: str) -> None:
    text = " ".join(words) + end
    assert as_double_quotes(text) == text


def test_many_pairs_and_nested_marks_cost_linear_time() -> None:
    para = "'He said \"no\" to the club's offer,' said Ann Lee. "
    text = para * 4000
    doubled = as_double_quotes(text)
    assert len(doubled) == len(text) and doubled.count("“") == 4000
    mixed = text + '"A double quote of its own."'
    assert as_double_quotes(mixed) == mixed
