"""Speakers, round eight: the causes of a wrong speaker that ``benchmarks/eval_claims.py --stages``
counts (``quote_stages.wrong_cause``), one made-up case per rule in other words than the dev sets,
and the uses that must stay as they were next to them."""

from __future__ import annotations

import pytest

from benchmarks.quote_stages import WRONG_CAUSES, wrong_cause
from tests.extraction_support import claim_holding, claims_of, speaker_of

pytestmark = pytest.mark.unit


def test_a_person_after_a_named_role_opens_the_sentence_for_she() -> None:
    text = (
        "Karen Holt opened the shelter on Monday.\n\n"
        "Harbour Authority engineer Rita Moss explained that the sea wall had cracked overnight. "
        '"It simply gave way," she said.'
    )
    assert speaker_of(text, "It simply gave way") == "Rita Moss"


def test_a_verb_before_a_name_is_no_role() -> None:
    text = 'When Karen Holt met Rita Moss on Monday the shelter was full. "We had no beds left," she said.'
    claim = claim_holding(text, "We had no beds left")
    assert claim is not None and claim.speaker_text == "Karen Holt"


def test_an_honorific_on_a_relative_does_not_change_a_given_names_gender() -> None:
    text = (
        "Laura Finch opened the bakery in 1990 with help from her father. Mr. Finch still bakes there on "
        'Sundays. "We never close early," she said.'
    )
    claim = claim_holding(text, "We never close early")
    assert claim is not None and claim.speaker_text == "Laura Finch" and claim.speaker_key is not None


def test_a_bare_capitalised_organisation_noun_is_the_organisation_named_before() -> None:
    text = (
        "The Riverside Police Department appealed for witnesses on Friday. "
        "Police believe the van was stolen earlier that night."
    )
    assert speaker_of(text, "the van was stolen") == "Riverside Police Department"


def test_the_group_is_the_organisation_that_opened_a_sentence_before() -> None:
    text = (
        "The Harbor Workers Alliance held a rally outside the town hall. "
        'Later the group declared, "We will not accept these cuts."'
    )
    claim = claim_holding(text, "We will not accept these cuts")
    assert claim is not None and claim.speaker_text == "Harbor Workers Alliance"
    assert claim.speaker_as_written == "the group"  # the adverb is not part of the speaker's words


def test_the_company_is_not_an_organisation_named_only_as_an_object() -> None:
    text = (
        "Peter Gregg, president of Nova Scotia Power, told Coast Radio that crews were on their way. "
        "The company said repairs would take days."
    )
    claim = claim_holding(text, "repairs would take days")
    assert claim is not None and claim.speaker_key is None  # not "Coast Radio", which was told


def test_a_quote_paragraph_goes_on_from_a_person_who_describes_in_the_paragraph_before() -> None:
    text = (
        "Tomas Lindqvist opened the exhibition on Friday and described how the wreck was found.\n\n"
        '"We searched that bay for eleven summers before the sonar finally showed the hull."'
    )
    assert speaker_of(text, "We searched that bay") == "Tomas Lindqvist"


@pytest.mark.parametrize(
    "text",
    [  # no verb of speaking: the quote keeps no speaker; an organisation is not taken either
        "Tomas Lindqvist opened the exhibition on Friday and cut the ribbon at noon.\n\n"
        '"We searched that bay for eleven summers before the sonar finally showed the hull."',
        "The Harbor Workers Alliance described the cuts in a letter to members.\n\n"
        '"We searched that bay for eleven summers before the sonar finally showed the hull."',
    ],
)
def test_a_quote_paragraph_is_not_given_a_speaker_without_a_person_who_speaks(text: str) -> None:
    claim = claim_holding(text, "We searched that bay")
    assert claim is not None and claim.speaker_key is None and claim.speaker_text is None


@pytest.mark.parametrize(
    ("gold", "shown", "written", "cause"),
    [
        ("Rita Moss", "Karen Holt", "she", 2),
        ("Rita Moss", None, "she", 3),
        ("Rita Moss", None, None, 0),
        ("Harbor Workers Alliance", None, "the group", 1),
        ("Gen Nakatani", "Nakatani", "Nakatani", 4),
        ("Lisa Franchetti", "Navy", "The Navy's top officer", 5),
        ("Ali Sadr", "AP", "April 2 AP", 6),
        (None, "Easthaven", "the port of Easthaven", 7),
    ],
)
def test_wrong_speaker_causes(gold: str | None, shown: str | None, written: str | None, cause: int) -> None:
    assert wrong_cause(gold, shown, written) == WRONG_CAUSES[cause]


def test_the_firm_is_a_speaker_phrase_for_the_organisation_before() -> None:
    text = (
        "The Meridian Water Company raised its prices on Monday. "
        "Later the firm said the increase would pay for repairs."
    )
    claim = claim_holding(text, "the increase would pay for repairs")
    assert claim is not None and claim.speaker_text == "Meridian Water Company"


@pytest.mark.parametrize(
    "text",
    [
        "A teacher from Ohio said the school had closed early.",
        "Two farmers near Lyon said the hail had ruined the harvest.",
    ],
)
def test_a_role_qualified_by_a_place_is_nobody_named(text: str) -> None:
    claim = claim_holding(text, " had ")
    assert claim is not None and claim.speaker_key is None and claim.speaker_text is None
    assert claim.speaker_as_written is not None and claim.speaker_as_written.split()[1] in ("teacher", "farmers")


def test_an_organisation_after_a_role_still_speaks() -> None:
    text = "A spokesman at the Ministry of Transport said the line would reopen."
    assert speaker_of(text, "the line would reopen") == "Ministry of Transport"


def test_an_adverb_between_the_group_and_its_cue_and_the_organisation_in_its_sentence() -> None:
    text = (
        'On the website of the Harbor Workers Alliance, the group allegedly declared, "We will not accept these cuts."'
    )
    direct = [c for c in claims_of(text) if c.quote_kind == "direct"]
    assert [c.speaker_text for c in direct] == ["Harbor Workers Alliance"]
    assert claim_holding(text, "On the website of") is None  # the clause before is not what the group said


def test_an_ly_noun_is_no_adverb_before_the_cue() -> None:
    text = "The National Assembly met on Friday. The assembly said the budget would pass."
    assert speaker_of(text, "the budget would pass") == "National Assembly"
