"""Reported speech, round twenty-four: made-up cases of the round's rules in other topics than its set (sport,
courts, business, science, local news, defence): a person before a post of two or three comma-separated parts
or a post written as a body's possessive, ranks abbreviated in British, Commonwealth and US unit styles ("CPO",
"Sqn Ldr", "Gnr", "SFC") kept out of the speaker's name, "…, telling reporters that …" as the subject's speech,
and "according to a statement from" a body named at length."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, default_extractor, people_in, speaker_of

pytestmark = pytest.mark.unit


# --- a person before a post of several comma-separated parts, or a body's possessive ---


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (  # sport: the league after the club is no speaker
            "Rugby league\n\nTom Harris, head coach of the Leeds Rhinos, Super League champions, said the team had "
            "trained twice a day all week.",
            "the team had trained twice a day",
            "Tom Harris",
        ),
        (  # defence: a battalion and its regiment after the post
            "Exercise ends\n\nMajor Helen Croft, Officer Commanding of B Company, 2nd Battalion, The Rifles, said the "
            "company had walked 40 miles in two days.",
            "the company had walked 40 miles",
            "Helen Croft",
        ),
        (  # science: a city after the institute
            "Grant\n\nDr Amy Fox, director of the Kelso Institute, Edinburgh, said the grant would fund four posts "
            "for five years.",
            "the grant would fund four posts",
            "Amy Fox",
        ),
        (  # business: a post written as the firm's possessive
            "Recall\n\nAnna Berg, Volvo's head of safety, said the new seats had passed every test.",
            "the new seats had passed every test",
            "Anna Berg",
        ),
        (  # local news: a post as a capitalised body's possessive, with a rank
            "Storm\n\nCmdr. Luis Ortega, Sector Delaware Bay's chief of response, said boat owners should check "
            "their moorings before the weekend.",
            "boat owners should check their moorings",
            "Luis Ortega",
        ),
        (  # courts: a direct quote after the long post
            'Verdict\n\nClare Rowe, head of the Crown Prosecution Service, Wessex, said: "The jury has spoken '
            'clearly today."',
            "The jury has spoken clearly today.",
            "Clare Rowe",
        ),
    ],
)
def test_a_person_before_a_long_or_possessive_post_speaks(text: str, clause: str, speaker: str) -> None:
    assert speaker_of(text, clause) == speaker


def test_a_name_set_off_by_commas_after_a_role_still_speaks() -> None:
    text = "Appeal\n\nThe defendant's lawyer, Mark Ellis, said the appeal would be lodged on Monday."
    assert speaker_of(text, "the appeal would be lodged on Monday") == "Mark Ellis"


# --- ranks abbreviated in several styles: before a name, never part of it ---


@pytest.mark.parametrize(
    ("text", "snippet", "person"),
    [
        ('Patrol\n\n"We did it," said CPO Bree Hallett, the boat\'s senior sailor.', "We did it", "Bree Hallett"),
        (
            "Flypast\n\nSqn Ldr Ana Ruiz said the squadron would fly over the stadium at noon.",
            "the squadron would fly",
            "Ana Ruiz",
        ),
        (
            'Floods\n\n"The water rose fast," said Tpr Jack Hale of the Household Cavalry.',
            "The water rose fast",
            "Jack Hale",
        ),
        (
            "Range day\n\nSFC Ray Dunn said the range would reopen on Friday after the repairs.",
            "the range would reopen",
            "Ray Dunn",
        ),
        (
            "Gunnery\n\nMaj Tom Reed, the battery commander, said the guns were ready for the salute.",
            "the guns were ready",
            "Tom Reed",
        ),
        (
            'Rescue\n\n"Keep your lifejacket on," said PO2 Dana Whitfield, the rescue swimmer.',
            "Keep your lifejacket on",
            "Dana Whitfield",
        ),
    ],
)
def test_an_abbreviated_rank_is_no_part_of_the_speaker(text: str, snippet: str, person: str) -> None:
    claim = claim_holding(text, snippet)
    assert claim is not None and claim.speaker_text == person and claim.speaker_key is not None
    assert person in people_in(default_extractor(), text)


# --- "…, telling reporters that …": the sentence's subject speaks ---


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Ruling\n\nSarah Cole welcomed the ruling, telling the BBC that the club would not appeal.",
            "the club would not appeal",
            "Sarah Cole",
        ),
        (
            "Talks\n\nThe Ukrainian foreign minister, Petro Hnat, welcomed the decision, telling reporters that his "
            "country would send a delegation.",
            "his country would send a delegation",
            "Petro Hnat",
        ),
        (
            "Plant\n\nAna Lopes, the plant manager, confirmed the closure on Tuesday, telling staff in a letter that "
            "about 300 jobs would go.",
            "about 300 jobs would go",
            "Ana Lopes",
        ),
    ],
)
def test_telling_someone_that_after_a_clause_is_the_subjects_speech(text: str, clause: str, speaker: str) -> None:
    assert speaker_of(text, clause) == speaker


def test_telling_a_story_is_no_speech() -> None:
    text = "Film\n\nThe festival opened with a film by Ana Sousa, telling the story of a fishing village."
    assert claim_holding(text, "the story of a fishing village") is None


# --- "according to a statement from" a body named at length ---


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Launch\n\nThe missile flew about 350 kilometres, according to a statement from South Korea's Joint "
            "Chiefs of Staff.",
            "The missile flew about 350 kilometres",
            "Joint Chiefs of Staff",
        ),
        (
            "Museum\n\nThe gallery will reopen in May, according to a statement from Canada's Department of "
            "Canadian Heritage and Official Languages.",
            "The gallery will reopen in May",
            "Department of Canadian Heritage and Official Languages",
        ),
    ],
)
def test_according_to_a_statement_from_a_long_body_name(text: str, clause: str, speaker: str) -> None:
    assert speaker_of(text, clause) == speaker


# --- a name with "the Hon" and post-nominal letters set off by commas after a title ---


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (  # sport and local government
            "Stadium\n\nMinister for Sport, the Hon Claire Whitby MP, said the stadium would open next year.",
            "the stadium would open next year",
            "Claire Whitby",
        ),
        (  # business and the budget
            "Budget\n\nThe Treasurer, the Hon Jim Pallas, said the budget would return to surplus in 2027.",
            "the budget would return to surplus",
            "Jim Pallas",
        ),
        (  # roads, with "told reporters that"
            "Bridge\n\nPremier of Ontario, the Honourable Ana Lee MPP, told reporters that the bridge would reopen in "
            "May.",
            "the bridge would reopen in May",
            "Ana Lee",
        ),
        (  # defence, a direct quote
            "Veterans\n\nThe Minister for Veterans' Affairs, the Hon Ross Tallis, said: \"Every veteran deserves a "
            'home."',
            "Every veteran deserves a home.",
            "Ross Tallis",
        ),
    ],
)
def test_a_name_styled_the_hon_after_a_title_speaks(text: str, clause: str, speaker: str) -> None:
    assert speaker_of(text, clause) == speaker
