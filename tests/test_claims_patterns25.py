"""Reported speech, round twenty-five (quotes25): bodies named again by their kind ("the alliance said" after
NATO, "the company said" after a firm), one made-up case per rule in other words than the round's gold
(``benchmarks/data/quotes_fresh24.json``; its offsets: test_quote_golds.py)."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding
from workbook.extract.speaker_kinds import is_alliance_name, is_company_name

pytestmark = pytest.mark.unit


# --- a body named by its kind (workbook/extract/speaker_kinds.py) ---------------------------------------


def test_a_firm_and_an_alliance_have_the_shape_of_their_kind() -> None:
    assert is_company_name("Brightwater Marine Systems") and is_company_name("Olsen Holdings plc")
    assert is_company_name("Tarrant Aerospace Corp.") and not is_company_name("Ministry of Defence")
    assert not is_company_name("Royal Navy") and not is_company_name("Systems")
    assert is_alliance_name("NATO") and is_alliance_name("North Atlantic Treaty Organization")
    assert not is_alliance_name("European Union") and not is_alliance_name("NATO Headquarters")


def test_the_company_is_the_firm_named_before_not_the_latest_organisation() -> None:
    text = (
        "Brightwater Marine Systems has been awarded a contract to refit four patrol boats for the Irish Naval "
        "Service, the company said on Thursday.\n\n"
        "The Department of Defence confirmed the award. The company said the work would start in May."
    )
    assert claim_holding(text, "has been awarded a contract").speaker_text == "Brightwater Marine Systems"
    assert claim_holding(text, "the work would start in May").speaker_text == "Brightwater Marine Systems"


def test_the_company_after_two_firms_named_since_either_spoke_is_nobody() -> None:
    text = (
        "Olsen Holdings plc said on Monday that it had agreed to buy a shipyard in Gdansk.\n\n"
        "The deal was contested by Tarrant Aerospace Corp., which had bid for the same yard. "
        "The company said it would appeal."
    )
    assert claim_holding(text, "it had agreed to buy").speaker_text == "Olsen Holdings plc"
    claim = claim_holding(text, "it would appeal")
    assert claim is not None and claim.speaker_key is None


def test_the_company_after_two_firms_is_the_one_that_spoke_when_no_other_was_named_since() -> None:
    text = (
        "Tarrant Aerospace Corp. lost the bid to Olsen Holdings plc in March.\n\n"
        "Olsen Holdings plc said it would open the yard in June. The company said it would hire 200 welders."
    )
    assert (claim_holding(text, "it would hire 200 welders").speaker_text or "").startswith("Olsen Holdings")


def test_the_alliance_is_the_alliance_named_before() -> None:
    text = (
        "NATO will send two more ships to patrol undersea cables in the North Sea, officials said.\n\n"
        "The ships will arrive in January, the alliance said in a statement."
    )
    assert claim_holding(text, "The ships will arrive in January").speaker_text == "NATO"


def test_the_alliance_with_no_alliance_named_is_no_organisation_of_another_kind() -> None:
    text = "The European Union announced new fishing quotas.\n\nThe alliance said the quotas were unfair."
    claim = claim_holding(text, "the quotas were unfair")
    assert claim is None or claim.speaker_text != "European Union"


# --- surveys and published figures (workbook/extract/claim_findings.py) ---------------------------------


def test_a_survey_of_a_number_with_thousands_is_the_survey_of_whoever_ran_it() -> None:
    text = (
        "Most teachers plan to leave within five years, according to a survey by the National Education Union.\n\n"
        "A survey of 12,450 teachers found that two in three worked more than 50 hours a week."
    )
    claim = claim_holding(text, "two in three worked more")
    assert claim is not None and claim.speaker_text == "National Education Union"
    assert claim.speaker_as_written == "A survey"


def test_a_survey_of_a_number_with_nobody_named_keeps_the_whole_phrase_and_no_speaker() -> None:
    text = "A survey of 4,800 drivers found that most had never had an eye test since passing."
    claim = claim_holding(text, "most had never had an eye test")
    assert claim is not None and claim.speaker_key is None
    assert claim.speaker_as_written == "A survey of 4,800 drivers"  # not "800 drivers": the comma is no boundary


def test_figures_published_by_a_body_show_its_claim() -> None:
    text = (
        "Rail fares to rise again\n\n"
        "Figures published by the Office of Rail and Road show that fewer than two-thirds of trains ran on time."
    )
    claim = claim_holding(text, "fewer than two-thirds of trains")
    assert claim is not None and claim.speaker_text == "Office of Rail and Road"
    text = "Data from the Met Office showed that the summer was the wettest since records began in 1836."
    assert (claim_holding(text, "the summer was the wettest").speaker_text or "").endswith("Met Office")


def test_show_is_no_cue_without_published_figures_and_a_body() -> None:
    assert claim_holding("The photographs show that the bridge had cracked long before.", "the bridge had") is None
    assert claim_holding("Figures show that the bridge had cracked long before.", "the bridge had") is None


# --- a hearing body is told (workbook/extract/claim_hearings.py) ----------------------------------------


def test_a_headline_court_told_of_is_no_speech_by_the_court() -> None:
    text = "Inquest told of climber's last call\n\nA climber who died on Ben Nevis phoned his sister an hour before."
    assert claim_holding(text, "climber's last call") is None
    text = "Tribunal told that nurse was sacked for speaking out\n\nA nurse was dismissed in March."
    assert claim_holding(text, "nurse was sacked") is None


def test_told_with_its_object_or_without_a_hearing_body_is_still_speech() -> None:
    claim = claim_holding("The court told him that he would be jailed for six years.", "he would be jailed")
    assert claim is not None and claim.cue == "told"
    claim = claim_holding("She told of her years in the camp and of the guards who beat her.", "her years in the camp")
    assert claim is not None and claim.cue == "told"


# --- a second clause after an inverted cue (workbook/extract/claim_conjoined.py) ------------------------


def test_a_clause_joined_after_an_inverted_cue_is_the_same_speakers() -> None:
    text = (
        "Frigate to return to Portsmouth\n\n"
        "HMS Calderbrook will return to Portsmouth in March, the Royal Navy said on Monday, and its crew of 190 "
        "would be given six weeks of leave."
    )
    first, second = claim_holding(text, "HMS Calderbrook will return"), claim_holding(text, "its crew of 190")
    assert first is not None and second is not None and first is not second
    assert second.speaker_text == first.speaker_text == "Royal Navy"


def test_a_second_verb_or_another_speaker_after_the_conjunction_is_no_continuation() -> None:
    text = "The depot will close in June, the company said, and thanked its staff for 40 years of work."
    assert claim_holding(text, "thanked its staff") is None
    text = "The depot will close in June, the company said, but the union said the talks were not over."
    claim = claim_holding(text, "the talks were not over")
    assert claim is None or claim.speaker_text != "the company"


# --- a person with their body in an appositive (workbook/extract/claim_person_of.py) --------------------


def test_a_person_of_a_body_after_a_possessive_subject_speaks() -> None:
    text = (
        "Rivers warming faster than expected\n\n"
        "Its lead author, Dr Paulina Ferreira-Quist of the University of Uppsala, said the warming had doubled."
    )
    claim = claim_holding(text, "the warming had doubled")
    assert claim is not None and (claim.speaker_text or "").endswith("Paulina Ferreira-Quist")


def test_a_role_appositive_of_a_body_is_not_read_as_a_persons_name() -> None:
    from workbook.extract.claim_person_of import _PERSON_OF

    assert _PERSON_OF.fullmatch(" Dr Paulina Ferreira-Quist of the University of Uppsala") is not None
    assert _PERSON_OF.fullmatch(" commander of the 3rd Division") is None  # no capitalised name first
    text = "The ministry's spokesman, Chief Inspector of Prisons, said the jail was overcrowded."
    claim = claim_holding(text, "the jail was overcrowded")
    assert claim is None or claim.speaker_text != "Chief Inspector"


# --- people in general with a named source after them (claim_findings.source_named_after) ---------------


def test_people_in_a_place_say_is_no_speech_by_the_place() -> None:
    text = "Most farmers in Cornwall say the spring was the wettest they remember."
    claim = claim_holding(text, "the spring was the wettest")
    assert claim is not None and claim.speaker_text != "Cornwall" and claim.speaker_key is None
    text = "Shopkeepers in Leeds and Bradford say trade has fallen by a third since the roadworks began."
    claim = claim_holding(text, "trade has fallen by a third")
    assert claim is not None and claim.speaker_key is None  # not "Bradford"


def test_what_people_say_according_to_a_named_survey_is_the_surveys_claim() -> None:
    text = (
        "Most midwives in Wales say they cannot take their breaks, according to a survey by the Royal College of "
        "Midwives and Birth Workers."
    )
    claim = claim_holding(text, "Most midwives in Wales say they cannot take their breaks")
    assert claim is not None and claim.cue == "according to"
    assert claim.speaker_text == "Royal College of Midwives and Birth Workers"


def test_a_named_or_singular_subject_keeps_its_words_before_a_source() -> None:
    text = "The minister said the plan was sound, according to a transcript released by Downing Street."
    claim = claim_holding(text, "the plan was sound")
    assert claim is not None and claim.cue == "said"
