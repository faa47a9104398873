"""Reported speech in the style of government press releases and defence news: made-up sentences,
one per pattern that failed on documents nobody here wrote (issue "Extraction that holds on
anyone's documents"), plus the hedge homographs."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.extract.base import ClaimRecord
from workbook.extract.claims import extract_claims, quote_spans
from workbook.extract.entities import extract_entities
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.hedges import find_hedges
from workbook.extract.sentences import split_sentences

pytestmark = pytest.mark.unit


def claims_of(text: str) -> list[ClaimRecord]:
    sentences = split_sentences(text)
    ents, ments, _ = extract_entities(text, sentences, builtin_gazetteer())
    claims = extract_claims(text, sentences, ents, ments)
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
    return claims


def spoken(text: str) -> list[tuple[str, str | None, str | None]]:
    """(claim text, speaker shown, speaker as written) of the direct and indirect claims."""
    return [
        (text[c.start : c.end], c.speaker_text, c.speaker_as_written)
        for c in claims_of(text)
        if c.quote_kind != "unattributed"
    ]


def speakers(text: str) -> list[str | None]:
    return [s for _, s, _ in spoken(text)]


# --- direct quotes ---------------------------------------------------------------------------------


def test_both_halves_of_a_split_quote_have_the_speaker() -> None:
    text = '"We are ready to respond," said Defense Minister Lee Jong-sup. "Our forces stand on alert."'
    assert spoken(text) == [
        ("We are ready to respond,", "Lee Jong-sup", "Defense Minister Lee Jong-sup"),
        ("Our forces stand on alert.", "Lee Jong-sup", "Defense Minister Lee Jong-sup"),
    ]


def test_split_quote_around_speaker_first_attribution() -> None:
    text = '"The drills are defensive," Col. Dana Whitfield said, "and they will continue next month."'
    assert speakers(text) == ["Dana Whitfield", "Dana Whitfield"]


def test_quote_continued_in_the_next_paragraph() -> None:
    text = '"We are proud of our sailors," Capt. Laura Diaz said.\n\n"They trained for months for this mission."'
    assert speakers(text) == ["Laura Diaz", "Laura Diaz"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The exercise went as planned," said Sgt. Ana Ruiz.', "Ana Ruiz"),
        ('"We moved fast," said Maj. Gen. Paul Hart, commander of the 3rd Division.', "Paul Hart"),
        ('"The talks were productive," said Foreign Minister Sarah Collins.', "Sarah Collins"),
        ('"Our crews performed well," Spc. Marcus Bell said.', "Marcus Bell"),
        ('Lt. Gen. Robert Park said: "The mission is complete."', "Robert Park"),
    ],
)
def test_ranks_and_titles_before_the_name(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_appositive_between_name_and_cue_is_skipped() -> None:
    text = 'Adm. Tom Reed, commander of U.S. Pacific Fleet said, "The drills strengthen our alliance."'
    assert speakers(text) == ["Tom Reed"]


def test_quote_in_the_paragraph_after_said_colon() -> None:
    text = 'In a statement on Friday, Brig. Gen. Pat Ryder said:\n\n"The aircraft returned safely to base."'
    assert spoken(text) == [("The aircraft returned safely to base.", "Pat Ryder", "Brig. Gen. Pat Ryder")]


def test_doubled_csv_quotes() -> None:
    text = '""We will stay,"" Omar Haddad told the crowd.'
    assert spoken(text) == [("We will stay,", "Omar Haddad", "Omar Haddad")]
    assert quote_spans(text) == [(2, 15)]


def test_generic_speaker_is_kept_as_written_only() -> None:
    text = '"The situation on the border is stable," the ministry said.'
    assert spoken(text) == [("The situation on the border is stable,", None, "the ministry")]


# --- reported speech -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Col. Dana Whitfield, a spokeswoman for the Army, said the convoy was attacked near the border.",
            "the convoy was attacked near the border",
            "Dana Whitfield",
        ),
        (
            "According to Pentagon spokesman John Kirby, the strike hit a weapons depot.",
            "the strike hit a weapons depot",
            "John Kirby",
        ),
        (
            "Secretary of Defense Mark Ellison told reporters that the deployment would continue.",
            "the deployment would continue",
            "Mark Ellison",
        ),
        (
            "General Kim Hyun-soo warned that further provocations would be met with force.",
            "further provocations would be met with force",
            "Kim Hyun-soo",
        ),
        (
            "Defence Minister Richard Marles said on Tuesday that two frigates would be built in Perth.",
            "two frigates would be built in Perth",
            "Richard Marles",
        ),
    ],
)
def test_reported_speech(text: str, content: str, speaker: str) -> None:
    assert [(t, s) for t, s, _ in spoken(text)] == [(content, speaker)]


def test_said_in_a_statement_skips_the_adjunct() -> None:
    text = "The Ministry of National Defense said in a statement that two missiles were launched."
    assert [t for t, _, _ in spoken(text)] == ["two missiles were launched"]


def test_statement_block_without_quote_marks() -> None:
    text = "Brig. Gen. Pat Ryder said:\n\nThe aircraft returned safely to base after the mission. No one was hurt."
    block = "The aircraft returned safely to base after the mission. No one was hurt."
    assert spoken(text) == [(block, "Pat Ryder", "Brig. Gen. Pat Ryder")]


@pytest.mark.parametrize(
    "text",
    [
        "The attack, claimed by the group, killed three soldiers near Kandahar.",
        "The sanctions announced by the Treasury on Monday target ten companies.",
        "An attack in Kabul claimed by the group killed three soldiers.",
    ],
)
def test_passives_are_not_speech(text: str) -> None:
    assert spoken(text) == []


# --- pronouns and generic nouns --------------------------------------------------------------------


def test_she_resolves_to_the_woman() -> None:
    text = "I met Maria Lopez and her husband John Lopez at the base. She tells me the families are proud."
    assert speakers(text) == ["Maria Lopez"]


def test_he_resolves_to_the_man_by_honorific() -> None:
    text = "Mrs Chen and Mr Park spoke to the press on Friday. He said the funding for the new base was secured."
    assert speakers(text) == ["Park"]


def test_he_skips_a_woman_named_more_recently() -> None:
    text = 'General John Brooks met Maria Lopez in Seoul. "We agreed on the plan," he said.'
    assert speakers(text) == ["John Brooks"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("They said the bridge over the river was destroyed.", "They"),
        ("An article said the enemy was preparing a new attack.", "An article"),
        ("Officials said the launch failed shortly after take-off.", "Officials"),
        ("It said the drills would go on for a week.", "It"),
    ],
)
def test_pronouns_and_generic_nouns_are_never_shown_as_speakers(text: str, written: str) -> None:
    [(_, shown, as_written)] = spoken(text)
    assert shown is None and as_written == written


def test_qualified_generic_speaker_is_shown() -> None:
    [(_, shown, _)] = spoken("U.S. defense officials said the test was a failure.")
    assert shown == "U.S. defense officials"


# --- hedges ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The parade displayed the surging might of the revolutionary armed forces.",
        "Our military might is growing.",
        "The army will defend the country with all its might.",
        "Nothing is impossible for our heroic people.",
        "Nothing was impossible to the workers of the plant.",
        "The soldiers made the impossible possible.",
        "May 26 marks the anniversary of the founding of the unit.",
        "The exercise ran from April to May and ended in June.",
    ],
)
def test_homographs_are_not_hedges(text: str) -> None:
    assert find_hedges(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The missile might fail on re-entry.", "might"),
        ("It is impossible to verify the claim independently.", "impossible"),
        ("May the talks succeed.", "may"),
        ("The test may take place next week.", "may"),
    ],
)
def test_hedges_still_found(text: str, word: str) -> None:
    assert [h.word for h in find_hedges(text)] == [word]


# --- tables ----------------------------------------------------------------------------------------


def test_claims_table_shows_the_resolved_name_and_keeps_the_words() -> None:
    from workbook.assemble import assemble_tables, extraction_rows
    from workbook.extract.base import DocumentInput
    from workbook.extract.pipeline import DefaultExtractor

    text = "Kim Jong Un visited the tractor plant on Monday. He said the work would go on through the winter."
    rows = extraction_rows("d1", text, DefaultExtractor().extract(DocumentInput("d1", text)))
    claims = assemble_tables([], [rows], [])["claims"]
    said = claims[claims["cue"] == "said"].iloc[0]
    assert (said["speaker_text"], said["speaker_as_written"]) == ("Kim Jong Un", "He")
    assert said["text"] == "the work would go on through the winter"


# --- the quote gold --------------------------------------------------------------------------------


def test_quote_gold_points_into_the_rebuilt_gum_texts(shared_data: Path) -> None:
    from benchmarks.eval_claims import FOLDERS, conllu_text, load_gold, speaker_right

    gold = load_gold()
    assert len(gold) >= 100 and {g["set"] for g in gold} == {"dev", "heldout"}
    texts: dict[tuple[str, str], str] = {}
    for g in gold:
        key = (g["set"], g["doc"])
        if key not in texts:
            texts[key] = conllu_text(shared_data / FOLDERS[g["set"]] / f"{g['doc']}.conllu")
        assert texts[key][g["start"] : g["end"]] == g["text"]
        assert g["kind"] in ("direct", "indirect")
    assert speaker_right("Tom Reed", [], "k", "Adm. Tom Reed") and not speaker_right("Nick Bos", [], None, "Bos")
    assert speaker_right(None, [], None, "officials") and not speaker_right(None, [], "k", "Kim")
