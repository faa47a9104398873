"""Reported speech, round ten: one made-up case per rule of the round in other words than the dev sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extraction_support import claim_holding, speaker_of
from workbook.extract.base import MentionRecord

pytestmark = pytest.mark.unit


# --- the speaker shown is the fullest name the document writes (workbook/extract/speaker_fullname.py) ---


def _full_names(text: str, surface: str) -> dict[str, str]:
    """:func:`document_full_names` for one person entity named ``surface``, mentioned where ``surface``
    first stands in ``text``."""
    from workbook.extract.base import EntityRecord
    from workbook.extract.speaker_fullname import document_full_names

    key = "person:" + surface.lower()
    at = text.index(surface)
    mention = MentionRecord(start=at, end=at + len(surface), entity_key=key, sentence=0)
    return document_full_names(text, [EntityRecord(key=key, name=surface, type="person")], [mention])


def test_given_name_read_as_a_rank_after_a_civil_title_is_shown() -> None:
    """ "Interior Minister Gen Okabe": "Gen" after a civil title is a given name (the entity stage
    reads it as a rank); the claim shows "Gen Okabe", the words as written stay."""
    text = (
        "Interior Minister Gen Okabe opened the new courthouse in Sendai on Friday. "
        '"Justice must be close to the people," Okabe said. '
        "He said two more courthouses would open next year."
    )
    assert speaker_of(text, "Justice must be close to the people") == "Gen Okabe"
    assert speaker_of(text, "two more courthouses would open next year") == "Gen Okabe"


def test_initials_then_surname_are_one_name() -> None:
    """ "Harbour police chief RK Mehta said …": a name of initials is shown with the surname after it."""
    text = "Harbour police chief RK Mehta said the divers had found the second boat."
    assert _full_names(text, "RK") == {"person:rk": "RK Mehta"}


def test_given_name_before_a_surname_mention_joins_it() -> None:
    text = "Striker Daniel Dias scored twice. Dias said the team had earned the points."
    assert _full_names(text, "Dias") == {"person:dias": "Daniel Dias"}


def test_a_compound_rank_or_a_period_keeps_the_abbreviation_a_rank() -> None:
    """ "Lt. Gen Park", "Major Gen Park", "Army chief Gen. Park": the abbreviation is a rank there."""
    for text in (
        "Lt. Gen Park said the drill was over.",
        "Major Gen Park said the drill was over.",
        "Army chief Gen. Park said the drill was over.",
    ):
        assert _full_names(text, "Park") == {}, text


def test_fuller_name_only_adds_words() -> None:
    from workbook.extract.speaker_fullname import fuller_name

    assert fuller_name("Nakatani", "Gen Nakatani") == "Gen Nakatani"
    assert fuller_name("Kim Jong Un", "Kim") == "Kim Jong Un"  # shorter: the corpus name stays
    assert fuller_name("Nadia Brooks", "Nadia Brookes") == "Nadia Brooks"  # another name: the corpus name stays
    assert fuller_name(None, "he") == "he"


def test_the_build_keeps_the_fuller_name_of_a_document(tmp_path: Path) -> None:
    """The claims table shows a document's fuller name over the entity's shorter corpus name; a
    document that writes only the surname shows the corpus name."""
    import workbook as wb

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Interior Minister Gen Okabe opened the new courthouse in Sendai on Friday. "
        '"Justice must be close to the people," Okabe said.\n',
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text("Okabe said the courthouse would open on Monday.\n", encoding="utf-8")
    wb.build([corpus], tmp_path / "ws", progress=False)
    claims = wb.open(tmp_path / "ws").claims
    shown = {str(t)[:7]: str(s) for t, s in zip(claims["text"], claims["speaker_text"], strict=True)}
    assert shown["Justice"] == "Gen Okabe"
    assert shown["the cou"] == "Okabe"


# --- he / she: the chain of a pronoun subject, headings (workbook/extract/speaker_memory.py) -----------


def test_a_person_named_in_a_sentence_whose_subject_is_she_is_not_the_next_she() -> None:
    """ "She was accompanied by engineer Carla Diaz …": the next "she" is still the mayor (local news)."""
    text = (
        "After a long review of the budget that had divided the council, Mayor Ruth Adler visited the new "
        "flood barrier on Monday. She was accompanied by engineer Carla Diaz and council member Helen Park. "
        "She said the barrier would be finished by May."
    )
    assert speaker_of(text, "the barrier would be finished by May") == "Ruth Adler"


def test_the_chain_of_he_goes_past_an_object_and_a_possessor() -> None:
    """A science biography: "He later served as Maria Lopez's assistant … He also coached Tom Reed"."""
    text = (
        "Born in Leeds, Daniel Hart moved to Boston in 1990 to study physics. He later served as Maria "
        "Lopez's assistant when Lopez visited Japan. He also coached Tom Reed for two seasons. In his "
        "memoir, he wrote that he had never liked winter."
    )
    assert speaker_of(text, "he had never liked winter") == "Daniel Hart"


def test_a_name_alone_on_its_line_is_a_heading_not_an_antecedent() -> None:
    text = (
        "Daniel Hart studied chemistry in Leeds. He wrote that the laboratory had changed his life.\n\n"
        "Thomas Reed, 3rd Baron of Leigh\n\n"
        "The next spring, he moved to Oxford, where he met the younger Paul Adams. He wrote that Adams was "
        "the best student he had taught."
    )
    assert speaker_of(text, "Adams was the best student he had taught") == "Daniel Hart"


def test_a_sentence_opening_with_the_other_pronoun_keeps_its_named_person() -> None:
    """ "He met Anna Berg … She said": she is Anna Berg (sport)."""
    text = "Coach Tom Reed met striker Anna Berg after the final. She said the team had deserved the cup."
    assert speaker_of(text, "the team had deserved the cup") == "Anna Berg"


# --- "the minister said": the person written with that title before (workbook/extract/speaker_nearby.py) ---


def test_the_title_finds_the_person_across_a_given_name_the_entity_stage_left_out() -> None:
    text = (
        "Interior Minister Gen Okabe opened the new courthouse in Sendai on Friday. "
        "The minister said two more courthouses would open next year."
    )
    assert speaker_of(text, "two more courthouses would open next year") == "Gen Okabe"


def test_civil_titles_of_police_courts_and_regulators_are_titles() -> None:
    """ "the sheriff", "the commissioner", "the superintendent" after the person's titled name."""
    cases = {
        'Sheriff Dana Cole closed the county road after the flood. "Nobody should drive there tonight," '
        "the sheriff said.": ("Nobody should drive there tonight", "Dana Cole"),
        "Commissioner Helen Marsh opened an inquiry into the merger on Monday. "
        '"We will look closely at prices," the commissioner said.': ("We will look closely at prices", "Helen Marsh"),
        'Superintendent Claire Odum said the number of burglaries had doubled. "This was a calculated scheme," '
        "the superintendent said.": ("This was a calculated scheme", "Claire Odum"),
    }
    for text, (snippet, name) in cases.items():
        shown = speaker_of(text, snippet)
        assert shown is not None and name in shown, (snippet, shown)


# --- "according to": the source inside a longer run of words (workbook/extract/claim_phrases.py) --------


def test_according_to_a_source_with_its_acronym_in_brackets() -> None:
    text = (
        "The river rose overnight. According to the National Weather Service (NWS), the water would "
        "peak on Friday afternoon."
    )
    claim = claim_holding(text, "the water would peak on Friday afternoon")
    assert claim is not None and claim.speaker_text is not None and "Weather Service" in claim.speaker_text


def test_according_to_a_source_with_no_comma_before_its_clause() -> None:
    text = "The match was stopped twice. According to the Harbour City medical staff the player had a mild concussion."
    claim = claim_holding(text, "the player had a mild concussion")
    assert claim is not None and claim.speaker_text is not None and "medical staff" in claim.speaker_text


def test_according_to_a_source_followed_by_a_participle() -> None:
    text = (
        "Harlow Foods will close two factories next year, according to Harlow Foods Group without giving "
        "a reason for the closures."
    )
    claim = claim_holding(text, "Harlow Foods will close two factories next year")
    assert claim is not None and claim.speaker_text is not None and "Harlow Foods" in claim.speaker_text


def test_a_capitalised_according_after_an_abbreviation_opens_a_sentence() -> None:
    """ "… at 9:40 a.m. According to X, …": the splitter kept one sentence; the content follows X."""
    text = (
        "The first train left the depot at 9:40 a.m. According to the Rail Safety Board, the brakes had "
        "failed twice that week."
    )
    claim = claim_holding(text, "the brakes had failed twice that week")
    assert claim is not None and claim.speaker_text is not None and "Rail Safety Board" in claim.speaker_text
    assert claim_holding(text, "The first train left the depot") is None


# --- "It said" after a sentence whose subject is a country (workbook/extract/speaker_memory.py) ---------


def test_it_said_after_a_country_opening_the_sentence_before() -> None:
    text = (
        "Norway completed the first test of a floating wind turbine off Bergen on Tuesday. "
        "It said the turbine had run at full power for six hours."
    )
    assert speaker_of(text, "the turbine had run at full power for six hours") == "Norway"


def test_it_said_prefers_an_organisation_and_needs_a_place_subject() -> None:
    org = "Veldt Mining reported a loss for the year in Canada. It said the copper price had fallen by a third."
    assert speaker_of(org, "the copper price had fallen by a third") == "Veldt Mining"
    no_place = "The storm passed over Norway during the night. It said the roads were closed."
    claim = claim_holding(no_place, "the roads were closed")
    assert claim is None or claim.speaker_key is None


# --- a titled person "of" an organisation (workbook/extract/speaker_titles.py, speakers.py) -------------


def test_a_long_titled_speaker_of_an_organisation_is_the_person() -> None:
    """Nine words before "said": the person before "of the …" speaks, and "he" is that person."""
    text = (
        "Station Commander Darren Pike of the Northshire Fire Service said the blaze had started in a "
        'kitchen.\n\n"The smoke alarms saved their lives," he said.'
    )
    assert speaker_of(text, "the blaze had started in a kitchen") == "Darren Pike"
    assert speaker_of(text, "The smoke alarms saved their lives") == "Darren Pike"


def test_titled_name_of_reads_the_person_in_a_mention_typed_an_organisation() -> None:
    from workbook.extract.speaker_titles import titled_name_of

    for mention, name in {
        "Detective Inspector Marcus Oyelaran of the Brenmouth Police": "Marcus Oyelaran",
        "Senior Prosecutor Lena Vogt of the Hamburg District Court": "Lena Vogt",
        "Chief Executive Dana Whitcombe of Corvane Systems": "Dana Whitcombe",
    }.items():
        assert titled_name_of(mention, 0, len(mention)) == name, mention
    for mention in ("Bank of England", "University of Eastham", "Minister of Defence", "Church of St Mary"):
        assert titled_name_of(mention, 0, len(mention)) is None, mention
