"""Reported speech, round six: the general causes the stage breakdown of ``benchmarks/eval_claims.py
--stages`` counted (a cue found but no claim made; a quote left without its speaker), one made-up
case per rule in other words than the dev sets, the non-speech uses next to them, the stage
classifier itself (the gold's offsets: test_quote_golds.py)."""

from __future__ import annotations

import pytest

from benchmarks.quote_stages import STAGES, cue_near, cue_word, stage_of
from tests.extraction_support import claim_holding, claims_of
from workbook.extract.sentences import split_sentences

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "content", "written"),
    [
        ("The farmers said the rain came too late for the barley.", "the rain came too late", "The farmers"),
        ("Nurses told reporters that the ward had been closed twice.", "the ward had been closed", "Nurses"),
        ("The leaders of both unions said the strike would go ahead.", "the strike would go ahead", "The leaders"),
        ("Several historians maintain that the letter was forged.", "the letter was forged", "historians"),
        ("Recent surveys suggest that commuting times have grown.", "commuting times have grown", "surveys"),
        ("Rebels threatened to burn the depot if the talks failed.", "to burn the depot", "Rebels"),
        ("The deputy chairman said the channel would stay shut.", "the channel would stay shut", "chairman"),
    ],
)
def test_generic_subject_keeps_the_claim_without_a_speaker(text: str, content: str, written: str) -> None:
    claim = claim_holding(text, content)
    assert claim is not None, text
    assert claim.speaker_key is None and claim.speaker_text is None
    assert claim.speaker_as_written is not None and written in claim.speaker_as_written


@pytest.mark.parametrize(
    "text",
    [
        "The floods claimed forty lives along the coast.",  # a plural subject, but no clause: no speech
        "The plan said nothing new.",  # a singular thing is no speaker
        "Talks focused on rising prices and said little else.",  # the noun after "on" is no subject
        "The storms warned of nothing.",
    ],
)
def test_generic_subject_needs_a_person_like_head_and_a_clause(text: str) -> None:
    assert not [c for c in claims_of(text) if c.quote_kind == "indirect"], text


def test_a_quote_of_its_own_continues_the_speaker_of_the_sentence_before() -> None:
    text = (
        'Coach Marta Ilves said the squad had trained through the snow. "Nobody missed a single session." '
        "The club opened a new stand in May."
    )
    claim = claim_holding(text, "Nobody missed a single session")
    assert claim is not None and claim.quote_kind == "direct"
    assert claim.speaker_text is not None and "Ilves" in claim.speaker_text


def test_a_quote_opening_the_next_paragraph_continues_the_speaker_too() -> None:
    text = (
        "The engineer Pavel Rusu described the old bridge as a hazard to every driver.\n\n"
        '"We patched it for years. The steel under the deck is simply gone." Work starts in June.'
    )
    claim = claim_holding(text, "We patched it for years")
    assert claim is not None and claim.speaker_text is not None and "Rusu" in claim.speaker_text


def test_a_quote_after_narration_or_inside_a_sentence_is_not_continued() -> None:
    text = 'Ines Varga said the vote was fair. The hall was then closed. "Next year will be different," a fan shouted.'
    claim = claim_holding(text, "Next year will be different")
    assert claim is None or claim.speaker_text is None
    text = 'Ines Varga said the vote was fair. Her rivals called it a "managed outcome" at best.'
    claim = claim_holding(text, "managed outcome")
    assert claim is None or claim.speaker_text is None


def test_stage_classifier_orders_the_stages() -> None:
    assert stage_of(False, False, False, "not found") == "no cue"
    assert stage_of(True, False, False, "not found") == "cue, no claim"
    assert stage_of(True, True, False, "not found") == "claim, wrong span"
    assert stage_of(True, True, True, "wrong speaker") == "speaker wrong"
    assert stage_of(True, True, True, "unresolved") == "pronoun unresolved"
    assert len(STAGES) == 5


def test_cue_near_looks_around_the_instance_but_not_inside_it() -> None:
    text = "The mayor banned the march. Rain fell all day. Nobody said anything."
    sentences = split_sentences(text)
    s = text.index("the march")
    assert not cue_near(text, sentences, s, s + len("the march"))  # "said" is two sentences away
    inner = text.index("Nobody said anything")
    assert not cue_near(text, sentences, inner, inner + len("Nobody said anything"))
    text = "Ana Ruiz said the depot was empty."
    s = text.index("the depot")
    assert cue_near(text, split_sentences(text), s, len(text) - 1)
    assert cue_word(text, s) == "said"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ivo Petrak made it clear that the pier would stay closed.", "the pier would stay closed"),
        ("Ivo Petrak went on to say that the pier would stay closed.", "the pier would stay closed"),
        ("Ivo Petrak expressed hope that the pier would reopen soon.", "the pier would reopen soon"),
        ("Ivo Petrak assured residents that the pier was safe.", "the pier was safe"),
        ("Judge Ivo Petrak ruled that the lease was void.", "the lease was void"),
        ("Ivo Petrak recommended that the pier be rebuilt.", "the pier be rebuilt"),
        ("Ivo Petrak hinted that the pier would be sold.", "the pier would be sold"),
    ],
)
def test_more_verbs_and_phrases_before_a_clause(text: str, content: str) -> None:
    claim = claim_holding(text, content)
    assert claim is not None and claim.speaker_text is not None and "Petrak" in claim.speaker_text, text


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Petrak made clear progress on the pier.",
        "The ruling party observed a minute of silence.",
        "Ivo Petrak repeated the exercise twice.",
        "Ivo Petrak recommended a new contractor.",
    ],
)
def test_the_same_verbs_without_a_clause_are_no_speech(text: str) -> None:
    assert not [c for c in claims_of(text) if c.speaker_text], text


def test_the_role_goes_to_the_person_it_was_written_beside() -> None:
    """KCNA's "Jo Chun Ryong, secretary of the WPK Central Committee, … The secretary mentioned
    that …" went to the organisation; in other words:"""
    text = (
        "Lena Brandt, secretary of the Northern Dock Workers Union, opened the session. "
        "The secretary mentioned that the port would need two new cranes."
    )
    claim = claim_holding(text, "the port would need two new cranes")
    assert claim is not None and claim.speaker_text == "Lena Brandt"


def test_a_name_inside_a_participle_phrase_is_not_the_speaker() -> None:
    """KCNA's "the Southeast Asian countries neighboring Australia asserted" went to Australia."""
    text = "The Nordic countries bordering Finland asserted that the pipeline was safe."
    claim = claim_holding(text, "the pipeline was safe")
    assert claim is None or (claim.speaker_key is None and claim.speaker_text is None)
    text = "Residents living near the Halden plant said the air smelled of sulphur."
    claim = claim_holding(text, "the air smelled of sulphur")
    assert claim is not None and claim.speaker_text is None


@pytest.mark.parametrize("verb", ["underscored", "remarked", "tweeted", "clarified", "confessed", "speculated"])
def test_speech_verbs_before_that(verb: str) -> None:
    text = f"Colonel Dana Whitfield {verb} that the convoy had reached the border at dawn."
    claim = claim_holding(text, "the convoy had reached the border")
    assert claim is not None and claim.speaker_text is not None and "Whitfield" in claim.speaker_text


def test_speech_verbs_without_a_clause_are_no_speech() -> None:
    for text in ("Dana Whitfield remarked on the weather.", "Dana Whitfield underscored the point twice."):
        assert not [c for c in claims_of(text) if c.speaker_text], text


@pytest.mark.parametrize("agent", ["The Lakeside Courier", "state radio"])
def test_quoted_by_an_agent_as_saying(agent: str) -> None:
    text = f"Deputy mayor Ines Varga was quoted by {agent} as saying the ferry would resume in June."
    claim = claim_holding(text, "the ferry would resume in June")
    assert claim is not None and claim.speaker_text is not None and "Varga" in claim.speaker_text
