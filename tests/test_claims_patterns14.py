"""Reported speech, round fourteen: made-up cases of the round's rules in other topics than its set (sport, courts,
business, science, local news, defence)."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, speaker_of

pytestmark = pytest.mark.unit


# --- a public body named by its function, no organisation named before that holds its head ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Floods close roads\n\nHeavy rain flooded two villages overnight. The highways department said crews "
            "had cleared the main road by noon.",
            "crews had cleared the main road by noon",
            "The highways department",
        ),
        (
            "Grain deal\n\nThe agriculture ministry said exports of wheat had doubled since March.",
            "exports of wheat had doubled since March",
            "The agriculture ministry",
        ),
        (
            "Border clash\n\nTwo soldiers were wounded in the shelling. The defence ministry in Tbilisi said the "
            "shells had come from across the river.",
            "the shells had come from across the river",
            "The defence ministry",  # the place after it left out, as for "China's embassy in Washington"
        ),
        (
            "Vote count\n\nThe central election commission said turnout had reached 58 percent.",
            "turnout had reached 58 percent",
            "The central election commission",
        ),
        (
            "Rescue at sea\n\nThe coast guard said the crew of the yacht had been lifted to safety.",
            "the crew of the yacht had been lifted to safety",
            "The coast guard",
        ),
        (  # a body named by its head only, or one of those named before: nobody shown
            "Budget\n\nThe ministry said spending on schools would rise by 4 percent.",
            "spending on schools would rise by 4 percent",
            None,
        ),
        (
            "Budget\n\nThe same agency said the figures were provisional.",
            "the figures were provisional",
            None,
        ),
        (  # a kind of body that has a name of its own, or no body at all
            "Visit\n\nThe news agency said the delegation had left on Monday.",
            "the delegation had left on Monday",
            None,
        ),
        (
            "Massacre remembered\n\nThe memorial service recalled that 100 villagers were killed in 1950.",
            "100 villagers were killed in 1950",
            None,
        ),
    ],
)
def test_public_body_named_by_its_function(text: str, snippet: str, speaker: str | None) -> None:
    assert speaker_of(text, snippet) == speaker


def test_public_body_named_before_is_resolved_not_written() -> None:
    """ "the ministry" after the Ministry of Transport was named is that ministry, as before."""
    text = (
        "Rail strike\n\nThe Ministry of Transport announced new timetables on Monday. The ministry said "
        "trains would run every hour."
    )
    assert speaker_of(text, "trains would run every hour") == "Ministry of Transport"


# --- "the force" for a police force named before ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Burglary arrests\n\nWestshire Police said two men had been arrested in Kelby. Both have been "
            "released on bail, the force said.",
            "Both have been released on bail",
            "Westshire Police",
        ),
        (
            "Missing walker\n\nCumbria Police said the search for a walker missing on Helvellyn had resumed. The "
            "force said a helicopter had joined the teams on Sunday.",
            "a helicopter had joined the teams on Sunday",
            "Cumbria Police",
        ),
    ],
)
def test_the_force_is_the_police_force_named_before(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


# --- "the company's chief" after "The company's chief executive, X," ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Club accounts\n\nThe club's chief executive, Mark Dean, said ticket sales had fallen. The club's "
            "chief admitted that the stadium plan was on hold.",
            "the stadium plan was on hold",
            "Mark Dean",
        ),
        (
            "Lab results\n\nThe institute's scientific director, Ruth Adler, said the trial had been stopped. "
            "The institute's director conceded that two patients had fallen ill.",
            "two patients had fallen ill",
            "Ruth Adler",
        ),
    ],
)
def test_body_role_is_the_person_named_with_the_longer_role(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_a_body_is_not_its_spokesman() -> None:
    """ "the army said" before "Army spokesman Major Idris Kallo" stays the army's (nobody named)."""
    text = (
        "Attack\n\nMilitants attacked a checkpoint overnight, killing three soldiers, the army said in a "
        "statement.\n\nArmy spokesman Major Idris Kallo told reporters the attackers had fled."
    )
    assert speaker_of(text, "Militants attacked a checkpoint overnight") is None


# --- legal documents that allege, with nobody named; a medium after a cue that ends the sentence ---


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        ("Tenants sue\n\nThe lawsuit claims that the landlord ignored repeated warnings about damp.", "the landlord"),
        ("Coach accused\n\nThe complaint says the coach ignored warnings about the heat.", "the coach ignored"),
        ("Fraud case\n\nThe indictment alleges that the treasurer moved $90,000 into his own account.", "treasurer"),
    ],
)
def test_legal_document_alleges_with_nobody_named(text: str, snippet: str) -> None:
    claim = claim_holding(text, snippet)
    assert claim is not None and claim.speaker_key is None and claim.speaker_text is None
    assert claim.speaker_as_written is not None


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Bridge works\n\nThe bridge will reopen on Friday, Halden Council said in a post on Facebook.",
            "The bridge will reopen on Friday",
            "Halden Council",
        ),
        (
            "Match off\n\nThe game has been postponed because of snow, Redmere United said in a statement to fans.",
            "The game has been postponed because of snow",
            "Redmere United",
        ),
    ],
)
def test_medium_after_a_sentence_final_cue(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_medium_then_a_clause_is_still_read_after_the_cue() -> None:
    text = "Plan dropped\n\nAfter the meeting, the minister said in an interview the plan was dead."
    claim = claim_holding(text, "the plan was dead")
    assert claim is not None and claim.start == text.index("the plan was dead")


# --- "the statement said" after "X said in a statement that …" ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Club statement\n\nThe manager has left the club. Redmere Rugby Club said in a statement that the parting "
            'was by mutual consent. "We thank him for four memorable years," the statement said.',
            "We thank him for four memorable years",
            "Redmere Rugby Club",
        ),
        (
            "Recall\n\nThe company recalled 40,000 kettles on Monday. Corvane Foods Ltd said on Monday in a "
            'statement that no one had been hurt. "Safety comes first," the statement added.',
            "Safety comes first",
            "Corvane Foods Ltd",
        ),
    ],
)
def test_statement_named_by_its_speaker_before(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_statement_never_named_before_has_no_issuer() -> None:
    text = 'Pitch report\n\nThe RFU said the match would go ahead. "The pitch is fine," the statement added.'
    assert speaker_of(text, "The pitch is fine") is None


# --- a quote opening its paragraph, then "His former crewmate Alan Robson remembered …" ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Coach dies\n\nFormer coach Tom Harker has died aged 79.\n\n"
            '"He never once raised his voice, whatever the score." His former assistant Alan Robson remembered '
            "Harker as a quiet man.",
            "He never once raised his voice",
            "Alan Robson",
        ),
        (
            'Trial\n\nThe defendant, Mark Price, said nothing.\n\n"My client will appeal." His lawyer Ann Cole '
            "spoke outside the court.",
            "My client will appeal",
            "Ann Cole",
        ),
        (
            'Lab\n\nThe study was published on Monday.\n\n"We were amazed by the numbers." Her colleague Ruth '
            "Adler described the first results as striking.",
            "We were amazed by the numbers",
            "Ruth Adler",
        ),
    ],
)
def test_possessive_relation_then_name_opens_the_sentence(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


# --- wire style's delayed identification: a role in the lede, the person named in the next sentence ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Budget\n\nA senior senator said on Tuesday that the budget deal was dead. Senator Ruth Calloway, a "
            "Republican from Maine, told reporters the votes were not there.",
            "the budget deal was dead",
            "Ruth Calloway",
        ),
        (
            "Courts\n\nA senior judge said on Friday that the court was overwhelmed. Judge Amir Haddad, the senior "
            "judge at Leeds Crown Court, said cases now waited two years.",
            "the court was overwhelmed",
            "Amir Haddad",
        ),
        (  # the next sentence names someone in another role: not the lede's speaker
            "Match\n\nThe visiting captain said the referee had been poor. Tom Hartley, the home manager, said "
            "the result was fair.",
            "the referee had been poor",
            None,
        ),
    ],
)
def test_role_in_the_lede_named_in_the_next_sentence(text: str, snippet: str, speaker: str | None) -> None:
    assert speaker_of(text, snippet) == speaker


# --- a government body named by its portfolio alone ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Wildfires\n\nOTTAWA - National Defence announced on Sunday that 350 troops would be sent north.",
            "350 troops would be sent north",
            "National Defence",
        ),
        (
            "Storm\n\nWASHINGTON - Homeland Security said on Monday that 2,000 staff would be sent to Florida.",
            "2,000 staff would be sent to Florida",
            "Homeland Security",
        ),
        (
            "Pensions\n\nVeterans Affairs confirmed that payments would resume in May.",
            "payments would resume in May",
            "Veterans Affairs",
        ),
    ],
)
def test_body_named_by_its_portfolio(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_a_title_ending_in_a_portfolio_is_no_body() -> None:
    text = "Ruling\n\nThe Chief Justice wrote that change in such matters is often slow."
    claim = claim_holding(text, "change in such matters is often slow")
    assert claim is None or claim.speaker_text != "Chief Justice"
