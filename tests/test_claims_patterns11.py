"""Reported speech, round eleven: made-up cases of the round's rules in other words than the dev sets."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, claims_of, speaker_of

pytestmark = pytest.mark.unit


# --- an acronym in brackets between the speaker's name and the cue ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "The National Weather Service (NWS) said on Friday that the storm would reach the coast by noon.",
            "the storm would reach the coast by noon",
            "National Weather Service",
        ),
        (
            "Match report\n\nThe International Cricket Council (ICC) also announced that the final would be replayed.",
            "the final would be replayed",
            "International Cricket Council",
        ),
        (
            "The European Space Agency (ESA) confirmed that the probe had entered orbit around Jupiter.",
            "the probe had entered orbit around Jupiter",
            "European Space Agency",
        ),
    ],
)
def test_an_acronym_in_brackets_before_the_cue_is_passed_over(text: str, snippet: str, speaker: str) -> None:
    shown = speaker_of(text, snippet)
    assert shown is not None and speaker in shown


# --- "stating that" after a clause: a second claim of the same speaker ---


def test_stating_that_after_an_inverted_attribution_is_a_second_claim() -> None:
    text = (
        "A freight train derailed near Millbrook on Sunday, Westline said, "
        "stating that no passengers had been on board."
    )
    first = claim_holding(text, "A freight train derailed near Millbrook on Sunday")
    second = claim_holding(text, "no passengers had been on board")
    assert first is not None and second is not None and first is not second
    assert first.speaker_text == second.speaker_text == "Westline"


def test_stating_that_after_a_that_clause_ends_the_first_claim() -> None:
    text = (
        "Mayor Ruth Alden announced on Monday that the library would close for repairs, "
        "stating that the roof had been damaged in the storm."
    )
    first = claim_holding(text, "the library would close for repairs")
    second = claim_holding(text, "the roof had been damaged in the storm")
    assert first is not None and second is not None and first is not second
    assert "the roof" not in text[first.start : first.end]
    assert second.speaker_text == "Ruth Alden"


# --- two named bodies as one subject ---


def test_two_named_bodies_as_one_subject_give_a_claim() -> None:
    text = (
        "The Hanover Rowing Club and the Elbe Canoe Association said on Tuesday that the regatta "
        "would move to September."
    )
    claim = claim_holding(text, "the regatta would move to September")
    assert claim is not None and claim.speaker_key is not None
    assert claim.speaker_text is not None and (
        "Elbe Canoe Association" in claim.speaker_text or "Hanover" in claim.speaker_text
    )


# --- "confirmed" with a gerund, with "X as Y", with "in its statement" before a clause ---


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        (
            "The Coastal Observatory separately confirmed detecting a magnitude 5.1 earthquake off the coast.",
            "detecting a magnitude 5.1 earthquake off the coast",
        ),
        (
            "Interpol confirmed the arrest as the largest in the agency's history.",
            "the arrest as the largest in the agency's history",
        ),
        (
            "The Marlow Hospital Trust mentioned in its statement the ward had been closed for cleaning.",
            "the ward had been closed for cleaning",
        ),
    ],
)
def test_a_clause_verb_with_a_gerund_an_as_phrase_or_a_statement_adjunct_reports(text: str, snippet: str) -> None:
    claim = claim_holding(text, snippet)
    assert claim is not None and claim.quote_kind == "indirect" and claim.speaker_key is not None


def test_confirmed_with_a_plain_object_is_still_no_speech() -> None:
    text = "The referee confirmed the result and the teams left the pitch."
    assert claim_holding(text, "the result and the teams left the pitch") is None


# --- an organisation, a role and a title before a person's name after a quote ---


def test_the_person_after_an_organisation_role_and_title_speaks() -> None:
    text = (
        "The Harbour Authority (HA) closed the inner port on Monday.\n\n"
        '"The channel is not safe for large ships," HA spokesperson Captain Ines Moreau said.'
    )
    assert speaker_of(text, "The channel is not safe for large ships") == "Ines Moreau"


# --- the document a speaker issued, and the head of a delegation ---


def test_the_statement_said_after_in_a_statement_x_said() -> None:
    """ "In a statement read out …, X said …" then '"…," the statement said': X's words (the quote's
    claim is made before the indirect one, so the issuer is read from the sentence itself)."""
    text = (
        "In a statement read out at the club's annual meeting, the chairman, Walter Ngata, said the "
        "stadium would be sold. "
        '"This club has lived beyond its means for too long," the statement said.'
    )
    assert speaker_of(text, "This club has lived beyond its means for too long") == "Walter Ngata"


def test_the_message_said_speaks_for_its_sender() -> None:
    text = (
        "The mayor received a message from Astrid Lundqvist, head of the twin-town association, on Monday. "
        "The message said the choir would visit in June."
    )
    assert speaker_of(text, "the choir would visit in June") == "Astrid Lundqvist"


def test_the_head_of_the_delegation_is_the_person_it_was_led_by() -> None:
    text = (
        "The mayor met a trade delegation from Porto Alegre led by Mariana Costa, the city's business "
        "secretary, at the town hall on Monday. The head of the delegation said the two cities would "
        "open a joint office for exporters."
    )
    assert speaker_of(text, "the two cities would open a joint office for exporters") == "Mariana Costa"


def test_the_head_of_a_delegation_no_one_led_names_nobody() -> None:
    text = "The head of the delegation said the talks had been useful."
    claim = claim_holding(text, "the talks had been useful")
    assert claim is None or claim.speaker_key is None


# --- a plural common noun names nobody; a declaration reported through a possessive ---


def test_a_plural_common_noun_typed_as_an_entity_names_nobody() -> None:
    """ "Analysts said …": whatever type the entity stage gives the word, the claim has no speaker entity."""
    from workbook.extract.base import EntityRecord, MentionRecord
    from workbook.extract.claims import extract_claims
    from workbook.extract.sentences import split_sentences

    text = "The airline cut 400 jobs on Monday. Analysts said the cuts could lift its shares."
    at = text.index("Analysts")
    entity = EntityRecord(key="person:analysts", name="Analysts", type="person")
    mention = MentionRecord(start=at, end=at + len("Analysts"), entity_key=entity.key, sentence=1)
    claims = extract_claims(text, split_sentences(text), [entity], [mention])
    claim = next(c for c in claims if "the cuts could lift its shares" in text[c.start : c.end])
    assert claim.speaker_key is None


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Fans gathered after Harwick United's formal declaration that the stadium would be sold.",
            "the stadium would be sold",
            "Harwick United",
        ),
        (
            "Markets rose after the European Central Bank's latest statement that rates would stay unchanged.",
            "rates would stay unchanged",
            "European Central Bank",
        ),
    ],
)
def test_a_declaration_reported_through_a_possessive_with_an_adjective(text: str, snippet: str, speaker: str) -> None:
    shown = speaker_of(text, snippet)
    assert shown is not None and speaker in shown


# --- "…, per X": the named source's words ---


def test_per_a_named_source_reports_the_clause_before_it() -> None:
    text = "Unemployment fell to 3.9 percent in May, per the Bureau of Labor Statistics."
    assert speaker_of(text, "Unemployment fell to 3.9 percent in May") == "Bureau of Labor Statistics"


@pytest.mark.parametrize(
    "text",
    [
        "Petrol prices rose by 4 per cent over the summer.",
        "The club paid 12 dollars per ticket, per the contract.",
        "The ferry runs twice per day, per the timetable.",
    ],
)
def test_per_cent_per_unit_and_an_unnamed_source_are_no_speech(text: str) -> None:

    assert [c for c in claims_of(text) if c.cue == "per"] == []


def test_in_the_letter_the_recipient_named_after_a_pronoun_is_not_its_writer() -> None:
    """ "In the letter, they thanked Mayor X …": X received the letter; "the letter said" is not X's."""
    text = (
        "Mayor Ruth Alden received a letter from the residents of Elm Street on Monday. "
        "In the letter, they thanked Mayor Ruth Alden for the new crossing. "
        "The letter said the street was safer than it had been for years."
    )
    claim = claim_holding(text, "the street was safer than it had been for years")
    assert claim is None or claim.speaker_text != "Ruth Alden"


@pytest.mark.parametrize(
    "text",
    [
        "Youths in Alder and Birch counties of Westshire Province vowed to work at the new mine.",
        "Members of the Anglo-Danish Friendship and Trade Association said that the fair had been a success.",
    ],
)
def test_and_inside_one_name_or_after_common_nouns_is_no_pair_of_speakers(text: str) -> None:

    for claim in claims_of(text):
        assert claim.speaker_text not in ("Westshire Province", "Westshire", "Trade Association"), claim


@pytest.mark.parametrize(
    "text",
    [
        "Harwick Foods posted rising profits for a third year.",
        "The central bank signalled growing concern about household debt.",
    ],
)
def test_a_participle_adjective_after_a_clause_verb_is_no_speech(text: str) -> None:

    assert [c for c in claims_of(text) if c.quote_kind == "indirect"] == []
