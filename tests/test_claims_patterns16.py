"""Reported speech, round sixteen: made-up cases of the round's rules in other topics than its set (sport,
courts, business, science, local news, defence, health)."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, claims_of, speaker_of

pytestmark = pytest.mark.unit


# --- a function word that is also a given name opens a name after the cue ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # sport: a Scandinavian "Per" after the quote, an appositive after the name
            'Jump\n\nThe hill record fell on Sunday. "The wind was perfect," said Per Lindholm, the team\'s coach. '
            '"We will not see that again soon."',
            "The wind was perfect,",
            "Per Lindholm",
        ),
        (  # business: the second half of the split quote goes to the same speaker
            'Profits\n\nShares rose 4 per cent. "This was our best quarter," said Per Ostberg. "Costs are down."',
            "Costs are down.",
            "Per Ostberg",
        ),
    ],
)
def test_a_given_name_like_a_function_word_opens_a_name_after_the_cue(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_per_opening_a_sentence_is_still_according_to() -> None:
    """ "Per the report, …" keeps its old reading: no speaker "Per …" is made of a sentence opening."""
    text = "Audit\n\nPer the audit, the county overspent by 2 million pounds. The council said it would respond."
    assert all(not (c.speaker_text or "").startswith("Per ") for c in claims_of(text))


# --- interview turns labelled with a name ---


def test_answers_labelled_with_a_name_are_one_claim_each_and_questions_none() -> None:
    """Science interview: "Name: answer" paragraphs, "Publication: question?" paragraphs."""
    text = (
        "Interview: the diver who mapped a wreck\n\n"
        "Marine archaeologist Tomasz Wierzba mapped the wreck of a 17th-century merchant ship off Gotland.\n\n"
        "Radio Baltic: How deep is the wreck?\n\n"
        "Tomasz Wierzba: About forty metres. The cold water kept the timber almost perfect.\n\n"
        "Radio Baltic: Will it be raised?\n\n"
        "Tomasz Wierzba: No. It is safer where it is."
    )
    assert speaker_of(text, "The cold water kept the timber almost perfect.") == "Tomasz Wierzba"
    assert speaker_of(text, "It is safer where it is.") == "Tomasz Wierzba"
    assert claim_holding(text, "About forty metres.") == claim_holding(text, "The cold water kept the timber")
    assert claim_holding(text, "How deep is the wreck?") is None


def test_a_name_label_written_once_is_no_turn() -> None:
    """A press release's one "Contact: …" line, or one "Ann Pryor: …" caption, is not a transcript."""
    text = (
        "Fair\n\nThe summer fair opens on Saturday.\n\nAnn Pryor: organiser of the fair since 2019.\n\n"
        "Note: free entry."
    )
    assert claim_holding(text, "organiser of the fair since 2019") is None


# --- institutions named by their kind once named ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # culture: a museum named first, "the museum said" at the end of the lede
            "Loan\n\nThe Kelvingrove Museum in Glasgow will lend two paintings to Madrid, the museum said on Friday.",
            "will lend two paintings to Madrid",
            "Kelvingrove Museum",
        ),
        (  # health: a hospital named before
            "Ward\n\nNorthgate General Hospital opened a new cancer ward on Monday. The hospital said 40 nurses "
            "had been hired.",
            "40 nurses had been hired",
            "Northgate General Hospital",
        ),
    ],
)
def test_an_institution_by_its_kind(text: str, snippet: str, speaker: str) -> None:
    shown = speaker_of(text, snippet)
    assert shown is not None and speaker in shown


def test_a_body_role_named_later_in_apposition() -> None:
    """Health: "the trust's chief executive said" before "the chief executive, Dr Ruth Bell," names her."""
    text = (
        "Waits\n\nWaiting times at Eastmoor Hospital fell by a third last year, the hospital's chief executive said "
        'on Tuesday.\n\n"Staff have worked extremely hard," the chief executive, Dr Ruth Bell, told the board.'
    )
    assert speaker_of(text, "Waiting times at Eastmoor Hospital fell by a third") in ("Ruth Bell", "Dr Ruth Bell")


# --- a body the entity stage missed, told by the words around it ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # local news: a lower-case kind before the name
            'Plan\n\nThe county approved the bypass. The campaign group Save Corley Woods called the plan "reckless".',
            "reckless",
            "Save Corley Woods",
        ),
        (  # transport: "the union X said"
            "Rail\n\nThe union Transdyne Workers said in a letter that drivers would strike in March.",
            "drivers would strike in March",
            "Transdyne Workers",
        ),
        (  # housing: a body's appositive between the name and the cue
            "Rents\n\nBrightlane, a housing charity, said the figures showed rents rising fastest in the north.",
            "the figures showed rents rising fastest in the north",
            "Brightlane",
        ),
        (  # defence industry: "which" after a body's name
            "Order\n\nKestrel Dynamics, which builds drones for the navy, said in a statement that it had won a "
            "new order.",
            "it had won a new order",
            "Kestrel Dynamics",
        ),
        (  # business: the lede's own subject, "the company said" at its end
            "Recall\n\nMarrowby Foods has withdrawn 8,000 jars of pesto after a labelling error, the company said.",
            "Marrowby Foods has withdrawn 8,000 jars of pesto",
            "Marrowby Foods",
        ),
        (  # science: "the group said" after a firm opening the sentence
            "Chips\n\nHalvard Semiconductor will build a plant in Ohio, the group said on Monday.",
            "Halvard Semiconductor will build a plant in Ohio",
            "Halvard Semiconductor",
        ),
    ],
)
def test_a_body_named_by_the_words_around_it(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        (  # a country opening the sentence is no company
            "Ships\n\nBritain has sent two warships to the Gulf, the group said.",
            "Britain has sent two warships to the Gulf",
        ),
        (  # a person's name opening the sentence is no company
            "Deal\n\nMaria Lopez has sold her stake in the club, the company said.",
            "Maria Lopez has sold her stake in the club",
        ),
    ],
)
def test_a_name_that_is_no_body_does_not_speak_for_the_company(text: str, snippet: str) -> None:
    claim = claim_holding(text, snippet)
    assert claim is None or claim.speaker_text not in ("Britain", "United Kingdom", "Maria Lopez")


def test_a_person_with_an_appositive_is_not_read_as_a_body() -> None:
    """Courts: "Gorran, the town's mayor, said" names no body (the mayor's words, not "Gorran" as a body)."""
    text = "Bridge\n\nGorran, the town's mayor, said the bridge would reopen in May."
    claim = claim_holding(text, "the bridge would reopen in May")
    assert claim is None or claim.speaker_text != "Gorran"


def test_a_day_after_a_kind_of_body_is_no_name() -> None:
    """Media: "The Hallam Courier daily Tuesday reported" names no body "Tuesday"."""
    text = "Poll\n\nMost voters want an early election, the Hallam Courier daily Tuesday reported."
    claim = claim_holding(text, "Most voters want an early election")
    assert claim is None or claim.speaker_text != "Tuesday"


# --- "found that": a finding reported, by a document for its issuer ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # science: a report after its issuer published it, and its "It says" after
            "Rivers\n\nThe Marine Conservation Society published its annual survey on Monday. The survey found that "
            "plastic litter on beaches had fallen by a fifth. It says bottle deposits made the difference.",
            "plastic litter on beaches had fallen by a fifth",
            "Marine Conservation Society",
        ),
        (  # courts: a named tribunal's finding
            "Ruling\n\nThe Employment Appeal Tribunal found that the drivers were workers, not contractors.",
            "the drivers were workers, not contractors",
            "Employment Appeal Tribunal",
        ),
    ],
)
def test_a_finding_is_reported_speech(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_found_with_an_object_is_no_cue() -> None:
    """Sport: "found his form" reports nothing."""
    text = "Golf\n\nAfter a poor spring the Dane found his form in Dubai and won by three shots."
    assert claim_holding(text, "his form in Dubai") is None
