"""Reported speech, round seven: the rules that refused a cue most often (``benchmarks/eval_claims.py
--stages`` now names the refusing rule), one made-up case per rule in other words than the dev sets
and the probes, the non-speech uses next to them, and the refusal trace itself."""

from __future__ import annotations

import pytest

from benchmarks.quote_stages import NO_RULE, refusal_near
from tests.extraction_support import claim_holding, claims_of, speaker_of
from workbook.extract.base import EntityRecord, MentionRecord
from workbook.extract.claims import extract_claims
from workbook.extract.sentences import split_sentences

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Nadia Petrov confirmed the dam had held overnight.", "the dam had held overnight"),
        ("Ivo Maric recalled his first ship was a coal freighter.", "his first ship was a coal freighter"),
        ("Nadia Petrov asked if the runway was clear.", "the runway was clear"),
        ("Ivo Maric replied: the fee had been paid in full.", "the fee had been paid in full"),
    ],
)
def test_a_clause_verb_reports_a_clause_without_that(text: str, content: str) -> None:
    claim = claim_holding(text, content)
    assert claim is not None, text
    assert claim.quote_kind == "indirect" and claim.speaker_text in ("Nadia Petrov", "Ivo Maric")


@pytest.mark.parametrize(
    "text",
    [
        "Nadia Petrov observed the drill which was held at dawn.",  # a relative clause, no report
        "Ivo Maric clarified the firm will of the members to stay.",  # "will" the noun
        "Nadia Petrov confirmed her booking for the spring.",  # an object, no clause
    ],
)
def test_a_clause_verb_before_a_noun_phrase_alone_reports_nothing(text: str) -> None:
    assert not [c for c in claims_of(text) if c.quote_kind == "indirect"], text


@pytest.mark.parametrize(
    ("text", "content", "written"),
    [
        ("Nurses at the clinic said they had worked double shifts.", "they had worked double shifts", "Nurses"),
        ("Teachers in Oldham told the inquiry the roof leaked.", "the roof leaked", "Teachers"),
        ("Several analysts now predict that oil will fall.", "oil will fall", "analysts"),
    ],
)
def test_a_generic_subject_keeps_its_claim_past_a_preposition_or_an_adverb(
    text: str, content: str, written: str
) -> None:
    claim = claim_holding(text, content)
    assert claim is not None, text
    assert claim.speaker_key is None and claim.speaker_text is None
    assert claim.speaker_as_written is not None and written in claim.speaker_as_written


def test_a_noun_after_a_preposition_is_still_no_subject_without_a_person_like_head() -> None:
    assert not [c for c in claims_of("The fire at the depot claimed three lives.") if c.quote_kind == "indirect"]


def test_a_passive_of_telling_reports_speech_of_its_agent_or_of_nobody() -> None:
    text = "Passengers were told that the ferry would not sail."
    claim = claim_holding(text, "the ferry would not sail")
    assert claim is not None and claim.speaker_text is None
    assert claim.speaker_as_written == "were told"
    text = "We were advised by Dr Lucy Ferris that the samples were clean."
    assert speaker_of(text, "the samples were clean") == "Lucy Ferris"


def test_an_impersonal_estimate_is_a_claim_without_a_speaker() -> None:
    claim = claim_holding("It is estimated that the castle held 300 men.", "the castle held 300 men")
    assert claim is not None and claim.speaker_text is None and claim.speaker_as_written == "It is estimated"


def test_a_passive_without_a_clause_is_no_speech() -> None:
    assert not claims_of("The crowd was estimated at four thousand.")


def test_an_adverb_before_a_pronoun_is_not_part_of_the_speaker() -> None:
    text = "Mira Holt entered the hall at noon. Gradually she said that the vote was lost."
    claim = claim_holding(text, "the vote was lost")
    assert claim is not None and claim.speaker_text == "Mira Holt"


def test_the_refusal_trace_names_the_rule_and_changes_nothing() -> None:
    text = "The treaty was signed in Oslo. The depot was reported to be empty. Ana Lind testified before the panel."
    sentences = split_sentences(text)
    refusals: list[tuple[int, str]] = []
    traced = extract_claims(text, sentences, [], [], refusals=refusals)
    assert traced == extract_claims(text, sentences, [], [])
    reasons = [why for _, why in refusals]
    assert any("passive" in why for why in reasons)
    assert any("clause verb with no clause after it (testified)" in why for why in reasons)
    at = text.index("before the panel")
    assert "testified" in refusal_near(refusals, sentences, at, at + 16)
    assert refusal_near([], sentences, 0, 5) == NO_RULE


def test_an_appositive_may_hold_a_quoted_name_before_the_verb() -> None:
    text = '"The hall will stay open," Omar Haddad, chair of the "Old Mill" trust and its treasurer, said.'
    assert speaker_of(text, "The hall will stay open") == "Omar Haddad"


def test_a_quote_elsewhere_in_the_paragraph_still_ends_the_attribution() -> None:
    text = '"Prices are up," said Omar Haddad. Shoppers called the rise "a scandal that nobody explains to us."'
    claim = claim_holding(text, "a scandal that nobody explains")
    assert claim is None or claim.speaker_text != "Omar Haddad"


def test_a_name_in_apposition_after_a_role_speaks_the_quote_before() -> None:
    text = '"We start at dawn," said the foreman, Liam Byrne. "Bring boots."'
    assert speaker_of(text, "We start at dawn") == "Liam Byrne"
    assert speaker_of(text, "Bring boots") == "Liam Byrne"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Ministry of Transport released a statement on Monday. The statement said the tunnel would reopen.",
            "Ministry of Transport",
        ),
        (
            "A letter from the Nursing Council reached the board. The letter said wards were understaffed.",
            "Nursing Council",
        ),
        (
            "The militant Red Dawn movement issued a statement overnight. The statement said the truce was over.",
            "Red Dawn",
        ),
    ],
)
def test_the_statement_speaks_for_whoever_issued_it_before(text: str, speaker: str) -> None:
    claim = claims_of(text)[-1]
    assert claim.speaker_text is not None and speaker in claim.speaker_text


def test_a_statement_with_no_issuer_named_before_has_no_speaker() -> None:
    text = "The statement said the tunnel would reopen. The Ministry of Transport did not comment."
    assert claim_holding(text, "the tunnel would reopen") is not None
    assert speaker_of(text, "the tunnel would reopen") is None


def test_as_x_put_it_gives_x_the_clause_joined_to_it() -> None:
    text = 'As the coroner, Hana Sato, put it, "nobody here was to blame."'
    claim = claim_holding(text, "nobody here was to blame")
    assert claim is not None and claim.quote_kind == "direct" and claim.speaker_text == "Hana Sato"
    text = 'The bypass was a "road to ruin" for the high street, as Hana Sato put it.'
    claim = claim_holding(text, "The bypass was a")
    assert claim is not None and claim.quote_kind == "indirect" and claim.speaker_text == "Hana Sato"


def test_as_x_put_it_does_not_claim_a_scare_quote_of_another_clause() -> None:
    text = 'As Hana Sato put it, the vote was close. Critics called the result a "farce" anyway.'
    assert speaker_of(text, "the vote was close") == "Hana Sato"
    claim = claim_holding(text, "farce")
    assert claim is None or claim.speaker_text != "Hana Sato"


def test_a_second_predicate_takes_the_opening_noun_phrase_when_no_name_opens_the_sentence() -> None:
    text = "A steward for the club declined to give details but said tickets would be refunded."
    claim = claim_holding(text, "tickets would be refunded")
    assert claim is not None and claim.speaker_text is None
    assert claim.speaker_as_written is not None and "steward" in claim.speaker_as_written
    assert not claims_of("It is a plain truth and denied that nobody was hurt.")


def test_a_weekday_typed_a_person_is_no_one_a_pronoun_refers_to() -> None:
    text = 'Rosa Lind came back. Sunday brought no answer. "The vote was rigged," she said.'
    sentences = split_sentences(text)
    entities = [EntityRecord("p:rosa", "Rosa Lind", "person"), EntityRecord("p:sun", "Sunday", "person")]
    mentions = [
        MentionRecord(0, 9, "p:rosa", 0),
        MentionRecord(text.index("Sunday"), text.index("Sunday") + 6, "p:sun", 0),
    ]
    claim = next(c for c in extract_claims(text, sentences, entities, mentions) if c.quote_kind == "direct")
    assert claim.speaker_key == "p:rosa"
