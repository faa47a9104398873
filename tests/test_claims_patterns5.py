"""Reported speech in others' real text, round five: one made-up case per general cause found on
the tuning part of ``benchmarks/data/quotes_dev_others.json`` (biographies, weblogs, newsgroup
posts, e-mails), the non-speech uses next to them, and the real-text set's score as a floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extraction_support import claim_holding, claims_of, speaker_of

pytestmark = pytest.mark.unit

OTHERS_GOLD = Path(__file__).parents[1] / "benchmarks" / "data" / "quotes_dev_others.json"


def test_passive_description_with_nobody_named_is_a_claim_without_speaker() -> None:
    text = 'The old bridge has been described as "the most graceful crossing on the river".'
    claim = claim_holding(text, "the most graceful crossing on the river")
    assert claim is not None and claim.speaker_key is None and claim.speaker_text is None
    assert claim.speaker_as_written is not None and "described" in claim.speaker_as_written


def test_passive_agent_written_with_initials() -> None:
    text = 'Her first novel was praised by K. L. Marwick as "a quiet triumph of the form".'
    assert speaker_of(text, "a quiet triumph of the form") == "K. L. Marwick"
    text = 'The plan was dismissed by the engineer, Priya Nair, as "a fantasy on paper".'
    assert speaker_of(text, "a fantasy on paper") == "Priya Nair"


def test_called_the_thing_a_quote() -> None:
    text = 'Mayor Ruth Adler called the proposal "a gift to developers" on Monday.'
    assert speaker_of(text, "a gift to developers") == "Ruth Adler"


def test_called_without_a_determined_object_is_no_quote_attribution() -> None:
    text = 'Friends called her "Bee" all her life, and she kept the name.'
    assert all(c.speaker_text is None for c in claims_of(text))


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Senator Paul Okoye demanded that the report be published in full.", "the report be published", "Paul Okoye"),
        ("Dana Pruitt mentioned that the budget was two weeks late.", "the budget was two weeks late", "Dana Pruitt"),
        ("Carla Mendes indicated that the firm would bid again next year.", "the firm would bid again", "Carla Mendes"),
        ("Ivo Stanek asserted that the vote had been rigged.", "the vote had been rigged", "Ivo Stanek"),
        ("Mona Reyes called and informed me that the lease would end.", "the lease would end", "Mona Reyes"),
    ],
)
def test_more_clause_verbs_report_speech(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


def test_clause_verbs_without_a_clause_are_still_no_speech() -> None:
    for text in (
        "The union demanded higher wages from the owners.",
        "The gauge indicated a drop in pressure overnight.",
        "The suspect was charged with theft on Friday.",
        "She mentioned the concert to her brother.",
    ):
        assert all(c.speaker_text is None for c in claims_of(text)), text


def test_charging_that_after_a_lawsuit() -> None:
    text = "The Northfield Tenants Association sued the city, charging that repairs had been ignored for years."
    assert speaker_of(text, "repairs had been ignored for years") == "Northfield Tenants Association"


def test_given_name_alone_shows_the_full_name_written_before() -> None:
    text = (
        "I spoke to Bruce Garcey at the utility about the tender. Bruce said that four firms had bid lower. "
        "He also said that the shortlist would be out on Friday."
    )
    assert speaker_of(text, "four firms had bid lower") == "Bruce Garcey"
    assert speaker_of(text, "the shortlist would be out on Friday") == "Bruce Garcey"


def test_given_name_with_two_surnames_before_stays_as_written() -> None:
    text = "Bruce Allen and Bruce Garcey met the board. Bruce said that the bid was too high."
    assert speaker_of(text, "the bid was too high") not in ("Bruce Allen", "Bruce Garcey")


def test_lower_case_role_before_the_name_after_a_quote() -> None:
    text = '"We will not leave the city," rebel commander Tomas Ferrer said on Friday.'
    assert speaker_of(text, "We will not leave the city") == "Tomas Ferrer"
    text = '"The talks are over," Sunni cleric Harith Obeidi said in his sermon.'
    assert speaker_of(text, "The talks are over") == "Harith Obeidi"


def test_according_to_an_unnamed_source_opening_the_sentence() -> None:
    text = "According to local tradition, the chapel was built by sailors."
    claim = claim_holding(text, "the chapel was built by sailors")
    assert claim is not None and claim.speaker_key is None and claim.speaker_as_written == "local tradition"


def test_according_to_plan_inside_a_sentence_is_no_claim() -> None:
    text = "The ferry sailed according to plan, and the crew arrived on time."
    assert claims_of(text) == []


def test_it_announced_this_week_after_the_content() -> None:
    text = "The Northern Ferry Agency will sell its two oldest ferries next spring, it announced this week."
    assert speaker_of(text, "will sell its two oldest ferries") == "Northern Ferry Agency"


def test_it_is_the_organisation_opening_the_sentence_before() -> None:
    text = (
        "The Coastal Fisheries Board published its annual review on Monday. "
        "It says that cod stocks have fallen for a third year."
    )
    assert speaker_of(text, "cod stocks have fallen for a third year") == "Coastal Fisheries Board"


def test_he_is_the_subject_of_his_own_sentence_before_the_last_speaker() -> None:
    text = (
        "Abbot Pavel Hrabe said that the rules must be kept. The order was falling apart, and Tomas Lenk "
        "rushed north. Soon after his arrival, Tomas Lenk was the new leader, though he claimed to act for the abbot."
    )
    assert speaker_of(text, "to act for the abbot") == "Tomas Lenk"
    text = (
        "Mayor Iris Dahl said the vote would go ahead. The intrepid Oskar Lind of the Gazette has more on the "
        "boycott. He reports that two parties are wavering."
    )
    assert speaker_of(text, "two parties are wavering") == "Oskar Lind"


def test_a_possessor_opening_the_sentence_is_no_subject_for_he() -> None:
    text = (
        "Foreign Minister Anton Reger said that the talks had gone well. Noting that President Ivan Kolar's "
        "visit was a historic event, he said that the treaty had entered into force."
    )
    assert speaker_of(text, "the treaty had entered into force") == "Anton Reger"


def test_he_after_a_list_of_companions_stays_with_the_leader() -> None:
    text = (
        "Premier Jan Oster said that the plant would open in May. He was accompanied by Karel Dusek, "
        "Petr Lukas and Ota Benes. Seeing the plans, he said that the work must be finished by winter."
    )
    assert speaker_of(text, "the work must be finished by winter") == "Jan Oster"


def test_described_as_without_quote_marks() -> None:
    text = "Professor Lena Vogt described him as the most gifted student she had ever taught."
    assert speaker_of(text, "the most gifted student she had ever taught") == "Lena Vogt"


def test_described_as_with_nobody_named_or_without_as_is_no_claim() -> None:
    for text in (
        "The castle was described as a ruin by the early 1800s.",
        "The guidebook describes the old harbour in two pages.",
    ):
        assert all(c.cue != "described" and c.cue != "describes" for c in claims_of(text)), text


def test_block_after_a_second_predicate_and_wrote() -> None:
    text = (
        "Anna Weld was a lifelong critic of the plan and wrote:\n\n"
        '"Nothing in the proposal answers the simple question of who will pay for the bridge."'
    )
    assert speaker_of(text, "Nothing in the proposal answers the simple question") == "Anna Weld"


def test_quote_paragraph_does_not_continue_a_quote_followed_by_another_speaker() -> None:
    text = (
        'Her teacher, Ruth Ames, called her "a natural." Colm Byrne described her as the best pupil he had.\n\n'
        '"She drew every building as if it were about to take off from the ground, every single one."'
    )
    claim = claim_holding(text, "She drew every building")
    assert claim is not None and claim.speaker_text != "Ruth Ames"


def test_saying_without_that_before_a_clause() -> None:
    text = "Minister Olga Brandt rejected the plan on Tuesday, saying there were no funds left for it."
    assert speaker_of(text, "there were no funds left for it") == "Olga Brandt"


def test_claiming_lives_is_no_speech() -> None:
    text = "The floods hit India in August, claiming their homes and their harvest."
    assert all(c.speaker_text is None for c in claims_of(text))


def test_real_text_dev_set_offsets_and_score_floor(shared_data: Path) -> None:
    """Every gold snippet of the real-text set sits at its offsets in the text rebuilt from the shared
    data, and the extractor keeps at least half of it with the right speaker (43% untouched before
    round five, 54% when this test was written: tune part 63%, check part 43%)."""
    from benchmarks.eval_claims import document_text, evaluate, load_gold

    gold = load_gold(OTHERS_GOLD)
    assert len(gold) >= 150 and {g["set"] for g in gold} == {"others-tune", "others-check"}
    cache: dict[Path, dict[str, str]] = {}
    for g in gold:
        assert document_text(shared_data, g["set"], g["doc"], cache)[g["start"] : g["end"]] == g["text"]
        assert g["kind"] in ("direct", "indirect")
    result = evaluate(shared_data, gold)
    n = sum(result[s]["all"][0] for s in result)
    right = sum(result[s]["all"][2] for s in result)
    assert right / n >= 0.5


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The Northern Ferry Agency has indicated it will bid for the route.",
            "it will bid for the route",
            "Northern Ferry Agency",
        ),
        ("Bruce Garcey mentioned we were a close sixth in the tender.", "we were a close sixth", "Bruce Garcey"),
    ],
)
def test_clause_verbs_before_a_clause_without_that(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


def test_clause_verbs_before_a_pronoun_object_are_still_no_speech() -> None:
    for text in ("The gauge indicated it clearly to the crew.", "Firefighters responded to it within minutes."):
        assert all(c.speaker_text is None for c in claims_of(text)), text
