"""Reported speech written without "say", round four: one made-up case per pattern found on the
news dev set (``tests/data/quotes_dev_news.json``), the non-speech uses of the same verbs, and that
set's score as a regression floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_claims_patterns import claims_of
from tests.test_claims_patterns2 import speaker_of

pytestmark = pytest.mark.unit

NEWS_GOLD = Path(__file__).parent / "data" / "quotes_dev_news.json"


def _spoken(text: str) -> list[str]:
    return [text[c.start : c.end] for c in claims_of(text) if c.quote_kind != "unattributed"]


def test_clause_verbs_report_speech_before_a_clause() -> None:
    text = "Former treasurer Nadia Brooks testified that the accounts had been altered."
    assert speaker_of(text, "the accounts had been altered") == "Nadia Brooks"
    text = "Coach Peter Lund maintained throughout the season that the team was improving."
    assert speaker_of(text, "the team was improving") == "Peter Lund"
    text = "Asked about the delay, Governor Hal Moss responded that the contract was being reviewed."
    assert speaker_of(text, "the contract was being reviewed") == "Hal Moss"
    text = "Senator Joan Pike asked why the audit had not been published."
    assert speaker_of(text, "the audit had not been published") == "Joan Pike"
    text = "Researchers at the Kiel Institute estimate that exports fell by a tenth."
    assert speaker_of(text, "exports fell by a tenth") == "Kiel Institute"


def test_clause_verbs_without_a_clause_are_no_speech() -> None:
    for text in (
        "The county maintained the bridge until 1990.",
        "Firefighters responded to the blaze on Elm Street within minutes.",
        "Dr. Lena Ford testified before the committee on Monday.",
        "Senator Joan Pike conceded defeat on Tuesday night.",
        "The mayor asked residents for patience.",
    ):
        assert _spoken(text) == [], text


def test_verb_phrases_and_urged() -> None:
    text = "Chief Inspector Omar Reid pointed out that the road had been closed twice."
    assert speaker_of(text, "the road had been closed twice") == "Omar Reid"
    text = "Mayor Ruth Gale urged drivers to avoid the bridge."
    assert speaker_of(text, "to avoid the bridge") == "Ruth Gale"
    text = "Union leader Frank Dole called for an independent inquiry into the closure."
    assert speaker_of(text, "an independent inquiry into the closure") == "Frank Dole"


def test_however_between_the_cue_and_its_clause() -> None:
    text = "Professor Alan Shore cautioned, however, that the sample was small."
    assert speaker_of(text, "the sample was small") == "Alan Shore"


def test_quote_after_described_as_and_accused_of() -> None:
    text = 'Opposition leader Greta Holm described the budget as "a missed opportunity for the north".'
    assert speaker_of(text, "a missed opportunity for the north") == "Greta Holm"
    text = 'Prosecutor Liam Best accused the firm of "hiding losses from its own board".'
    assert speaker_of(text, "hiding losses from its own board") == "Liam Best"


def test_passive_as_quote_takes_the_agent() -> None:
    text = 'The plan was dismissed by the city\'s auditor, Carla Wynn, as "a wish list without a budget".'
    assert speaker_of(text, "a wish list without a budget") == "Carla Wynn"


def test_described_as_without_a_speaker_is_no_claim() -> None:
    text = 'The concert was described as "a triumph of the season" in the local paper.'
    assert all(c.speaker_text is None for c in claims_of(text))


def test_second_predicate_takes_the_subject() -> None:
    text = "Judge Nora Kent adjourned the hearing and told the defendant he would be held in custody."
    assert speaker_of(text, "he would be held in custody") == "Nora Kent"
    text = "Residents who argued the school should stay open filled the hall."
    claims = [c for c in claims_of(text) if "the school should stay open" in text[c.start : c.end]]
    assert claims and claims[0].speaker_key is None  # generic "residents": no speaker entity


def test_nominal_report_that() -> None:
    text = (
        "Premier Dana Voss spoke in Halifax on Monday. Voss's announcement that tolls would be "
        "scrapped surprised her own ministers."
    )
    assert speaker_of(text, "tolls would be scrapped") == "Dana Voss"


def test_person_of_an_organisation_speaks() -> None:
    text = "Economist Dr. Ines Moreau of the University of Leeds thinks rates will fall next year."
    assert speaker_of(text, "rates will fall next year") == "Ines Moreau"


def test_place_resident_then_name_speaks() -> None:
    text = '"The water came up to the windows," said Leeds resident Tom Askew, whose house flooded.'
    assert speaker_of(text, "The water came up to the windows") == "Tom Askew"


def test_organisation_spokesperson_is_the_organisation() -> None:
    text = 'The Home Office confirmed the change. A Home Office spokesperson said: "The rules apply from May."'
    assert speaker_of(text, "The rules apply from May") == "Home Office"


def test_capitalised_role_appositive_is_skipped() -> None:
    text = "Air Marshal Ken Bray, Chief of Air Staff, said the jets would be retired in 2030."
    assert speaker_of(text, "the jets would be retired in 2030") == "Ken Bray"


def test_pull_quote_signed_on_the_next_line() -> None:
    text = (
        "Quotes\n\n"
        '"Teachers have waited a decade for this. It is a fair settlement."\n'
        "— Olga Brandt, General Secretary, Teachers Union\n"
    )
    assert speaker_of(text, "Teachers have waited a decade for this") == "Olga Brandt"


def test_pronoun_after_a_name_the_entity_rules_missed() -> None:
    """ "she" goes back to a woman's name written before, not ahead to the next woman named."""
    text = (
        'Councillor Maria Okonjo voted against the plan. "It was rushed," she told the Courier.\n\n'
        "Later, Gloria Pinto described the vote as unfair."
    )
    assert speaker_of(text, "It was rushed") == "Maria Okonjo"


def test_news_dev_set_offsets_and_score_floor() -> None:
    """Every gold snippet sits at its offsets, and the extractor keeps at least 85% of the news dev
    set with the right speaker (55% untouched before round four, 95% when this test was written)."""
    from benchmarks.eval_claims import evaluate, load_gold

    gold = load_gold(NEWS_GOLD)
    for g in gold:
        assert g["doc_text"][g["start"] : g["end"]] == g["text"]
    n, _, right = evaluate(Path("."), gold)["news"]["all"]
    assert n >= 60
    assert right / n >= 0.85


def test_non_speech_uses_of_reporting_verbs() -> None:
    """KCNA's "Yoon, …, who adds to his crimes" and "declared a war" are no speech; "declared that" is."""
    text = "The paper describes Yoon Suk Yeol, a puppet, who adds to his crimes in a bid to escape ruin."
    assert all("his crimes" not in text[c.start : c.end] for c in claims_of(text) if c.speaker_text)
    text = "President Lena Marsh spoke on Monday and declared a state of emergency in the north."
    assert all("state of emergency" not in text[c.start : c.end] for c in claims_of(text) if c.speaker_text)
    text = "President Lena Marsh declared that the border would stay closed."
    assert speaker_of(text, "the border would stay closed") == "Lena Marsh"
