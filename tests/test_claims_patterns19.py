"""Reported speech, round nineteen: made-up cases of the round's rules in other topics than its set (sport,
courts, business, science, local news, defence): quoted phrases inside a sentence, cues after a quote or a
claim already read, passives with an agent and clause verbs after what they report."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, claims_of, speaker_of

pytestmark = pytest.mark.unit


# --- a quote answered with "shot back", "hit back", "fired back" ---


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (  # local politics
            'Council row\n\nCouncillor Maria Lopez asked when the library would reopen. "Not this year," council '
            "leader Peter Grant shot back.",
            "Not this year,",
            "Peter Grant",
        ),
        (  # sport
            'Cup tie\n\nThe visitors complained about the pitch. "They lost because they were second best," Harford '
            "manager Dean Walsh hit back.",
            "They lost because they were second best,",
            "Dean Walsh",
        ),
        (  # business
            'Takeover\n\nAnalysts doubted the bid. "Our shareholders will decide, not the analysts," chief executive '
            "Sandra Kim fired back.",
            "Our shareholders will decide, not the analysts,",
            "Sandra Kim",
        ),
    ],
)
def test_a_quote_answered_with_shot_back_is_the_speakers(text: str, quote: str, speaker: str) -> None:
    assert speaker in (speaker_of(text, quote) or "")


# --- "rose to call it "…"" ---


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (  # courts
            'Sentencing\n\nThe defence barrister, Helen Ashworth, rose to call it "a sentence without mercy", and '
            "the judge adjourned.",
            "a sentence without mercy",
            "Helen Ashworth",
        ),
        (  # local politics
            'Budget\n\nOpposition leader Gareth Powell went on to call it "a budget for nobody" before walking out.',
            "a budget for nobody",
            "Gareth Powell",
        ),
    ],
)
def test_to_call_it_after_a_verb_quotes_the_subject(text: str, quote: str, speaker: str) -> None:
    assert speaker in (speaker_of(text, quote) or "")


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (  # a name given, not words quoted (local news)
            'Bridge\n\nVillagers used to call the old crossing "the Devil\'s Steps" for its slippery stones.',
            "the Devil's Steps",
        ),
        (  # a scare-quoted noun after a verb of judgement (defence)
            'Drills\n\nThe committee denounced the "government" authorities for the drills.',
            "government",
        ),
        (  # a scare quote after "so-called" (science)
            'Diet\n\nProfessor Alan Moss criticised the so-called "miracle" diet on Monday.',
            "miracle",
        ),
    ],
)
def test_a_name_or_a_scare_quote_is_no_direct_claim(text: str, quote: str) -> None:
    claim = claim_holding(text, quote)
    assert claim is None or claim.quote_kind != "direct"


# --- a pronoun after a prepositional phrase is the subject ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # courts
            "Appeal\n\nThe barrister Tom Reid lost the case. In an interview on Friday he admitted that the ruling "
            '"hurt" his client.',
            "the ruling",
            "Tom Reid",
        ),
        (  # defence
            "Exercise\n\nGeneral Maria Santos visited the base. At a briefing on Tuesday she said the drills would "
            "end next week.",
            "the drills would end next week",
            "Maria Santos",
        ),
    ],
)
def test_a_pronoun_after_a_prepositional_phrase_speaks(text: str, snippet: str, speaker: str) -> None:
    assert speaker in (speaker_of(text, snippet) or "")


# --- a clause verb after what it reports: "…, the court ruled on Friday." ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # courts
            "Levy\n\nThe parking charge is unlawful, the High Court ruled on Friday.",
            "The parking charge is unlawful",
            "High Court",
        ),
        (  # sport
            "Injury\n\nThe striker will miss the derby with a hamstring injury, Rovers confirmed in a statement.",
            "The striker will miss the derby",
            "Rovers",
        ),
    ],
)
def test_a_clause_verb_after_its_clause_reports_it(text: str, snippet: str, speaker: str) -> None:
    assert speaker in (speaker_of(text, snippet) or "")


def test_a_clause_verb_after_a_subordinate_clause_reports_nothing() -> None:
    text = "Fire\n\nWhen the alarm sounded at the depot, the Northfield Fire Brigade responded within minutes."
    assert claim_holding(text, "the alarm sounded") is None


# --- a passive with its agent: "It was confirmed by X that …", "…, it was announced by X on Thursday." ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # local news
            "Budget\n\nIt was confirmed by the council's finance officer, Mark Tillotson, that reserves would fall "
            "to two million pounds.",
            "reserves would fall",
            "Mark Tillotson",
        ),
        (  # science
            "Telescope\n\nThe telescope found a planet the size of Neptune, it was announced by the European "
            "Southern Observatory on Thursday.",
            "The telescope found a planet",
            "European Southern Observatory",
        ),
        (  # business
            "Plant\n\nIt was reported by Reuters on Monday that the Halden plant would close in June.",
            "the Halden plant would close",
            "Reuters",
        ),
    ],
)
def test_a_passive_with_an_agent_is_the_agents(text: str, snippet: str, speaker: str) -> None:
    assert speaker in (speaker_of(text, snippet) or "")


def test_a_passive_with_no_agent_named_keeps_nobody() -> None:
    text = "Vote\n\nIt was announced by officials that the vote would be delayed."
    claim = claim_holding(text, "the vote would be delayed")
    assert claim is not None and claim.speaker_key is None


# --- "The authors write that …" ---


def test_write_in_the_present_reports_a_clause() -> None:
    text = (
        "Sleep study\n\nThe authors, from the University of Bergen, write that teenagers who sleep less than seven "
        "hours are twice as likely to be injured."
    )
    claim = claim_holding(text, "teenagers who sleep less than seven hours")
    assert claim is not None and claim.quote_kind == "indirect" and (claim.cue or "").startswith("write")


def test_write_with_no_clause_is_no_claim() -> None:
    text = "Classes\n\nThe pupils write essays every week at Hill Park School."
    assert claim_holding(text, "essays every week") is None


# --- a second claim after an attributed quote, and a second speaker after ", and" ---


def test_a_relative_clause_after_a_quotes_attribution_is_the_speakers() -> None:
    text = (
        'Relegation\n\n"We were poor in the first half," said coach Tom Hale, who warned that the club could not '
        "afford another defeat."
    )
    claim = claim_holding(text, "the club could not afford another defeat")
    assert claim is not None and "Tom Hale" in (claim.speaker_text or "") and claim.cue == "warned"


def test_a_second_speaker_after_and_is_read() -> None:
    text = (
        "Ban\n\nRovers said they would appeal against the ban, and the Football Association told reporters that "
        "a hearing would be held on Monday."
    )
    first = claim_holding(text, "they would appeal")
    second = claim_holding(text, "a hearing would be held on Monday")
    assert first is not None and "Rovers" in (first.speaker_text or "")
    assert second is not None and "Football Association" in (second.speaker_text or "")
    assert len(claims_of(text)) == 2


# --- a court's decision as the subject: found, nobody shown ---


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        (  # local news
            'Levy\n\nThe ruling says the levy "was introduced without the consultation the law requires" and '
            "orders the council to stop collecting it.",
            "was introduced without the consultation",
        ),
        (  # business
            "Cartel\n\nThe judgment states that the three firms fixed the price of cement for six years.",
            "the three firms fixed the price of cement",
        ),
    ],
)
def test_a_courts_decision_reports_speech_with_nobody_shown(text: str, snippet: str) -> None:
    claim = claim_holding(text, snippet)
    assert claim is not None and claim.speaker_key is None and claim.speaker_as_written is not None


def test_a_ruling_that_reports_nothing_is_no_claim() -> None:
    assert claims_of("Levy\n\nThe ruling was a blow to the council and its tourism plans.") == []
