"""Reported speech, round nine: the speaker named before the quote's paragraph, unlabelled interview
answers, titles without a period, names the entity stage did not give, pronoun antecedents; one
made-up case per rule in other words than the dev sets (the gold's offsets: test_quote_golds.py)."""

from __future__ import annotations

import pytest

from workbook.extract.base import MentionRecord

pytestmark = pytest.mark.unit


# --- interviews written as questions and answers (workbook/extract/claim_interview.py) ---------

_REEF = (
    "Coral bleaching: Radio Norte interviews a marine biologist\n\n"
    "Radio Norte interviewed Elena Castro, a marine biologist at the University of Porto, about the "
    "bleaching of reefs off the Azores.\n\n"
    "What first drew you to coral reefs?\n\n"
    "I grew up on a small island and spent every summer snorkelling. The colours stayed with me.\n\n"
    "How bad is the bleaching this year?\n\n"
    "It is the worst season we have recorded. Almost half of the shallow colonies have lost their algae.\n\n"
    "A bleached colony near Faial. Image: Marta Silva.\n\n"
    "Can the reefs recover?\n\n"
    "Some can, if the water cools within a few weeks. Others will not."
)


def test_unlabelled_interview_answers_are_the_interviewees() -> None:
    from tests.extraction_support import claim_holding

    for answer in ("I grew up on a small island", "It is the worst season we have recorded", "Some can, if the water"):
        claim = claim_holding(_REEF, answer)
        assert claim is not None and claim.quote_kind == "direct", answer
        assert claim.speaker_text == "Elena Castro", answer
    assert claim_holding(_REEF, "How bad is the bleaching this year") is None  # a question is no claim
    assert claim_holding(_REEF, "A bleached colony near Faial") is None  # a caption is no answer


def test_interviewee_is_the_subject_of_answered_questions_not_the_reporter() -> None:
    from tests.extraction_support import claim_holding

    text = (
        "Attorney Maria Lopez, the Green Party's candidate for mayor, answered four questions sent by "
        "reporter Tom Grant.\n\n"
        "Why are you running?\n\nThe city has neglected its parks for a decade.\n\n"
        "What would you change first?\n\nI would reopen the library on Sundays."
    )
    for answer in ("The city has neglected its parks", "I would reopen the library"):
        claim = claim_holding(text, answer)
        # the entity stage may keep the title ("Attorney Maria Lopez"): the reporter is never shown
        assert claim is not None and "Maria Lopez" in (claim.speaker_text or ""), answer


def test_a_headline_x_tells_outlet_about_names_the_interviewee() -> None:
    from tests.extraction_support import claim_holding

    text = (
        "Glaciologist Ruth Ayala tells Radio Sur about the retreating ice of the Andes\n\n"
        "When did you first notice the retreat?\n\nIn 2009 the lower camp was already bare rock.\n\n"
        "Is it speeding up?\n\nYes, the front now moves back about forty metres a year."
    )
    for answer in ("In 2009 the lower camp", "the front now moves back"):
        claim = claim_holding(text, answer)
        assert claim is not None and claim.speaker_text == "Ruth Ayala", answer


def test_inline_q_and_a_labels_with_the_interviewee_named_after() -> None:
    from tests.extraction_support import claim_holding

    text = (
        "Q: What surprised you most about the harvest? A: The rain came early and the barley suffered. "
        "Q: Will bread prices rise? A: Probably by the autumn, once the stocks run low.\n\n"
        "Joan Whitby, chair of the Valley Growers' Cooperative, spoke to the Valley Gazette after the fair."
    )
    for answer in ("The rain came early", "Probably by the autumn"):
        claim = claim_holding(text, answer)
        assert claim is not None and claim.speaker_text == "Joan Whitby", answer
    assert claim_holding(text, "Will bread prices rise") is None


def test_reports_inside_an_answer_are_not_the_interviewees_words() -> None:
    from tests.extraction_support import claim_holding

    text = _REEF.replace("Others will not.", "Others will not. The harbour office wrote, 'the boats stay in port'.")
    claim = claim_holding(text, "the boats stay in port")
    assert claim is None or claim.speaker_text != "Elena Castro"
    claim = claim_holding(text, "Some can, if the water")
    assert claim is not None and claim.speaker_text == "Elena Castro"
    quoting = _REEF.replace("Others will not.", 'As an old diver told me once, "the reef forgives but never forgets".')
    claim = claim_holding(quoting, "the reef forgives but never forgets")
    assert claim is None or claim.speaker_text != "Elena Castro"


def test_a_first_person_report_and_a_pull_quote_in_an_interview_are_the_interviewees() -> None:
    from tests.extraction_support import claim_holding

    text = _REEF.replace("The colours stayed with me.", "I say the sea is the best teacher there is.")
    text = text.replace(
        "Radio Norte interviewed",
        '"Almost half of the shallow colonies have lost their algae"\n\nRadio Norte interviewed',
    )
    claim = claim_holding(text, "the sea is the best teacher")
    assert claim is not None and claim.speaker_text == "Elena Castro"
    claim = claim_holding(text, "Almost half")  # the pull quote, before the questions
    assert claim is not None and claim.speaker_text == "Elena Castro"


@pytest.mark.parametrize(
    "text",
    [
        # an essay's rhetorical questions, answered by its author: nobody is interviewed
        "Why do cities flood?\n\nBecause the drains are old and too small.\n\n"
        "What can be done?\n\nThe council must replace them before the winter.",
        # questions to "you" but no person named anywhere: no interviewee
        "What do you grow?\n\nMostly barley and some oats.\n\nWhere do you sell it?\n\nAt the market in town.",
        # a court record: a lawyer's questions, a witness's answers, no interview cue
        "Judge Helen Ward presided. Counsel for the claimant, Peter Hale, examined the witness.\n\n"
        "Where were you on the night of the fire?\n\nAt home with my sister.\n\n"
        "Did you see the smoke?\n\nNo, the curtains were closed.",
    ],
)
def test_no_interview_no_answer_claims(text: str) -> None:
    from tests.extraction_support import claims_of

    assert not [c for c in claims_of(text) if c.quote_kind == "direct"]


# --- a quote paragraph after a clause ending in ";" whose subject speaks (claim_quotes._subject_above) ---


def test_a_quote_paragraph_after_a_clause_that_speaks_ending_in_a_semicolon() -> None:
    from tests.extraction_support import claim_holding

    text = (
        "Oskar Lindqvist has long criticised the ferry timetable; he was interviewed by the local radio "
        "on the latest cuts;\n\n"
        '"To cut the morning boat in winter is to cut the island off from its school and its doctor." '
        "The operator has not answered."
    )
    claim = claim_holding(text, "To cut the morning boat")
    assert claim is not None and claim.speaker_text == "Oskar Lindqvist"


# --- the gender a document gives a person by its pronouns (workbook/extract/speaker_gender.py) ---

_CLINIC = (
    "Kestrel Aldana was born in Leeds, where she trained as a nurse. Aldana later moved to Bristol, where "
    "she opened a clinic with Dr. Ana Ruiz. Her cat, Mr. Aldana, sleeps in the waiting room.\n\n"
    "In an interview last year, she said the clinic would stay open on Sundays."
)


def test_she_follows_the_person_the_pronouns_describe_not_a_namesakes_honorific() -> None:
    from tests.extraction_support import claim_holding

    claim = claim_holding(_CLINIC, "the clinic would stay open")
    assert claim is not None and claim.speaker_text == "Kestrel Aldana"  # not Ana Ruiz ("Mr. Aldana" is a cat)


def _mentions(text: str, names: dict[str, str]) -> list[MentionRecord]:
    out = []
    for surface, key in names.items():
        start = 0
        while (at := text.find(surface, start)) >= 0:
            out.append(MentionRecord(at, at + len(surface), key, 0))
            start = at + len(surface)
    return sorted(out, key=lambda m: m.start)


def _genders(text: str, names: dict[str, str]) -> dict[str, str]:
    from workbook.extract.speaker_gender import pronoun_genders

    def sentence_end(offset: int) -> int:
        ends = [i + 1 for i, ch in enumerate(text) if ch == "." and i >= offset]
        return ends[0] if ends else len(text)

    def opens(m: MentionRecord) -> bool:
        return m.start == 0 or text[: m.start].rstrip().endswith(".")

    return pronoun_genders(text, _mentions(text, names), lambda key: True, opens, sentence_end)


_ORR = {"Sasha Orr": "p"}


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Sasha Orr chairs the board, and she votes last. Sasha Orr left early. She took the train.", _ORR, "f"),
        ("Sasha Orr chairs the board, and he votes last. Sasha Orr left early. He took the train.", _ORR, "m"),
        ("Sasha Orr chairs the board, and she votes last. Sasha Orr left early. He took the train.", _ORR, None),
        ("Sasha Orr chairs the board, and she votes last. Sasha Orr left early.", _ORR, None),  # one is not enough
        # the pronoun after another person named in between is not Orr's
        (
            "Orr met Lee Tan, and she spoke. Orr met Lee Tan again, and she spoke again.",
            {"Orr": "p", "Lee Tan": "q"},
            None,
        ),
    ],
)
def test_pronoun_genders(text: str, names: dict[str, str], expected: str | None) -> None:
    assert _genders(text, names).get("p") == expected
