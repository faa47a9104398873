"""Reported speech, round seventeen: made-up cases of the round's rules in other topics than its sets (sport,
courts, business, science, local news, defence)."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, speaker_of

pytestmark = pytest.mark.unit


# --- two speakers in one sentence, joined by "while", "whereas" or "but" ---


@pytest.mark.parametrize(
    ("text", "first", "first_speaker", "second", "second_speaker"),
    [
        (  # sport
            "Derby\n\nCoach Tom Hale said the referee had made a mistake, while league chairman Piet Mols said the "
            "footage would be reviewed on Monday.",
            "the referee had made a mistake",
            "Tom Hale",
            "the footage would be reviewed",
            "Piet Mols",
        ),
        (  # courts
            "Trial\n\nProsecutor Anna Berg said the defendant lied to the jury, whereas defence lawyer Mark Oyelaran "
            "argued that the evidence was thin.",
            "the defendant lied to the jury",
            "Anna Berg",
            "the evidence was thin",
            "Mark Oyelaran",
        ),
        (  # defence
            "Drill\n\nThe Royal Navy said the exercise would last three days while Japan's Defense Ministry stated it "
            "detected two submarines near the strait.",
            "the exercise would last three days",
            "Royal Navy",
            "it detected two submarines",
            "Defense Ministry",
        ),
        (  # business
            "Merger\n\nHarlow Foods said the deal would close in May, but analyst Grace Mbeki said regulators could "
            "delay it.",
            "the deal would close in May",
            "Harlow Foods",
            "regulators could delay it",
            "Grace Mbeki",
        ),
    ],
)
def test_a_second_speaker_in_the_same_sentence_gets_a_claim_of_their_own(
    text: str, first: str, first_speaker: str, second: str, second_speaker: str
) -> None:
    one = claim_holding(text, first)
    assert one is not None and one.speaker_text == first_speaker
    assert second not in text[one.start : one.end]
    assert speaker_of(text, second) == second_speaker


def test_a_second_predicate_of_the_same_subject_is_not_cut() -> None:
    """ "… but said …" has no subject of its own: the first claim is not cut there (science)."""
    text = "Study\n\nDr Lena Forde said the sample was small but stressed that the effect was large."
    claim = claim_holding(text, "the sample was small")
    assert claim is not None and claim.speaker_text == "Lena Forde"


def test_a_quote_followed_by_while_and_another_speaker_is_not_that_speakers() -> None:
    """'"…," while X stated …' : X opens a clause of their own, not the quote's attribution (local news)."""
    text = (
        'Bridge\n\nThe Harwich Town Council said the repairs were meant to "keep the crossing open all winter," '
        "while the county's engineers stated they had found new cracks in the deck."
    )
    quoted = claim_holding(text, "keep the crossing open all winter")
    assert quoted is None or "while" not in (quoted.speaker_text or "")


# --- adverbs of judgement and time between the speaker and the cue ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # courts
            "Appeal\n\nThe Appeals Court correctly concluded that the statute did not apply to tenants.",
            "the statute did not apply",
            "Appeals Court",
        ),
        (  # health
            "Plant\n\nDr Lena Forde rightly said the ward was unsafe for patients.",
            "the ward was unsafe",
            "Lena Forde",
        ),
        (  # business
            "Board\n\nAcme Steel then announced that its chief executive would retire in June.",
            "its chief executive would retire",
            "Acme Steel",
        ),
    ],
)
def test_an_adverb_of_judgement_or_time_between_speaker_and_cue_is_skipped(
    text: str, snippet: str, speaker: str
) -> None:
    assert speaker_of(text, snippet) == speaker


# --- "the spokesman" after a nameless spokesperson is that one, not a person titled spokesman ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # local news
            "Roads\n\nA spokesman for the Department of Transport said the roads were safe. Opposition transport "
            "spokesman Tom Hardy said they were not. The spokesman said repairs would start in May.",
            "repairs would start in May",
            "Department of Transport",
        ),
        (  # sport
            "Stadium\n\nA spokeswoman for Harlow Rovers said the stand would reopen. Supporters' trust spokeswoman "
            "Ellen Park said fans had waited too long. The spokeswoman said tickets would go on sale on Friday.",
            "tickets would go on sale",
            "Harlow Rovers",
        ),
    ],
)
def test_the_spokesperson_after_a_nameless_one_is_that_one(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_a_named_spokesperson_is_still_the_spokesperson_when_no_nameless_one_was_written() -> None:
    """ "Club spokesman Tom Hale said … The spokesman added …": Tom Hale, as before (sport)."""
    text = (
        "Transfer\n\nClub spokesman Tom Hale said the fee was agreed. The spokesman said the player would sign on "
        "Monday."
    )
    assert speaker_of(text, "the player would sign") == "Tom Hale"


def test_a_spokesperson_named_later_with_a_bare_title_is_the_nameless_one() -> None:
    """ "a club spokesman said … spokesman Tom Hale replied … The spokesman added": Tom Hale names the nameless
    spokesman, so the bare title is kept (business)."""
    text = (
        "Recall\n\nHarlow Foods has withdrawn a batch of soup, a company spokesman said on Friday. Asked about the "
        "cost, spokesman Tom Hale replied that it was small. The spokesman added that no one had fallen ill."
    )
    assert speaker_of(text, "no one had fallen ill") == "Tom Hale"
