"""Reported speech, round eighteen: made-up cases of the round's rules in other topics than its set (sport,
courts, business, science, local news, defence, health)."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, speaker_of
from workbook.extract.speaker_bodies import group_of_people

pytestmark = pytest.mark.unit


# --- letters after a name ("KC", "MP") and a judge's honorific before "Justice" ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # courts: "she" is the barrister, not the judge (a man: "Mr Justice")
            "Appeal\n\nMr Justice Harlow said he would rule next week. Counsel for the tenants, Siobhan Keane KC, "
            'told the court the landlord had ignored repairs. "They lived with damp for years," she said.',
            "They lived with damp for years",
            "Siobhan Keane",
        ),
        (  # local politics
            "Bypass\n\nThe local MP, Aoife Brennan MP, said the bypass was overdue.",
            "the bypass was overdue",
            "Aoife Brennan",
        ),
        (  # business
            "Takeover\n\nThe chairman, Sir Alan Pike CBE, told shareholders the offer undervalued the firm.",
            "the offer undervalued the firm",
            "Alan Pike",
        ),
    ],
)
def test_letters_after_a_name_are_no_part_of_the_speaker(text: str, snippet: str, speaker: str) -> None:
    claim = claim_holding(text, snippet)
    assert claim is not None and claim.speaker_key == f"person:{speaker.casefold()}"


# --- "the judge" after "Mr Justice X" or "Recorder Y" ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # a planning hearing
            "Quarry\n\nA challenge to a quarry was adjourned on Tuesday. Mr Justice Colby asked for more papers. "
            "The case will return in May, the judge said.",
            "The case will return in May",
            "Colby",
        ),
        (  # a fraud trial
            "Fraud\n\nMrs Justice Ellison heard the case at Leeds Crown Court. The judge said the jury could go "
            "home for the weekend.",
            "the jury could go home for the weekend",
            "Ellison",
        ),
    ],
)
def test_the_judge_is_the_person_named_with_a_title_of_the_bench(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


# --- a titled person of a body named by its kind, lower case ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # police
            "Crash\n\nSergeant Mark Ellery of the road policing unit said officers wanted footage.",
            "officers wanted footage",
            "Mark Ellery",
        ),
        (  # health
            "Stroke\n\nDr Omar Haddad of the hospital's stroke unit said waiting times had fallen.",
            "waiting times had fallen",
            "Omar Haddad",
        ),
        (  # defence
            "Drill\n\nCaptain Lena Fors of the visiting navy said the exercise went well.",
            "the exercise went well",
            "Lena Fors",
        ),
    ],
)
def test_a_titled_person_of_a_body_named_by_its_kind_speaks(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


# --- a family, a couple, parents: a group, no one entity, never a person or place inside the phrase ---


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        (  # an accident
            "Tribute\n\nThe family of a climber who died in a fall on Ben Nevis said he had climbed since he was "
            "twelve.",
            "he had climbed since he was twelve",
        ),
        (  # a beach
            "Beach\n\nThe parents of a boy who drowned at Filey said the beach needed lifeguards.",
            "the beach needed lifeguards",
        ),
        (  # retirement of a couple named before
            "Bakery\n\nTom and Ann Reed, who ran the bakery for 40 years, have retired. The couple announced that "
            "they would sell the shop.",
            "they would sell the shop",
        ),
        (  # sport: a named family
            "Jockey\n\nThe Kerrigan family said the jockey was recovering well.",
            "the jockey was recovering well",
        ),
    ],
)
def test_a_group_of_people_speaks_with_no_speaker_shown(text: str, snippet: str) -> None:
    claim = claim_holding(text, snippet)
    assert claim is not None and claim.speaker_key is None and claim.speaker_text is None


def test_a_name_that_holds_a_group_noun_is_no_group_of_people() -> None:
    assert group_of_people("The family") and group_of_people("the Kerrigan family") and group_of_people("Her parents")
    assert not group_of_people("Friends of the Earth") and not group_of_people("The Family Court")
    assert not group_of_people("The couple's lawyer, Jane Doe") and not group_of_people("a family friend")


# --- "the club" after a club the entity stage did not find ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # football
            "Manager\n\nKestrel Vale Rovers have appointed Dana Price as manager. The club said she would start on "
            "Monday.",
            "she would start on Monday",
            "Kestrel Vale Rovers",
        ),
        (  # rugby, "according to the club"
            "Injury\n\nBrennan Bay Athletic have confirmed that their captain will miss the final. The injury "
            "happened in training, according to the club.",
            "The injury happened in training",
            "Brennan Bay Athletic",
        ),
    ],
)
def test_the_club_is_the_club_named_before(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


# --- a study named for the first time speaks for the institution of its researchers ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # science
            "Bees\n\nResearchers at the University of Leeds have tracked bees across three farms. The study, "
            "published in the journal Ecology, found that hedges doubled the bees' range.",
            "hedges doubled the bees' range",
            "University of Leeds",
        ),
        (  # health
            "Sleep\n\nA team at the University of Bristol asked 2,000 nurses about their shifts. The survey found "
            "that night shifts cut sleep by two hours.",
            "night shifts cut sleep by two hours",
            "University of Bristol",
        ),
    ],
)
def test_a_study_speaks_for_its_researchers_institution(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


# --- "According to a report by X, Y said that …": Y's claim, not the report's source's ---


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (  # sport
            "Stadium\n\nAccording to a report by the Harlow Star, club chairman Ian Rook said that the stadium would "
            "be sold.",
            "the stadium would be sold",
            "Ian Rook",
        ),
        (  # defence
            "Missiles\n\nAccording to a report by the broadcaster NHK, the Japanese defence ministry said that two "
            "missiles were fired.",
            "two missiles were fired",
            "the Japanese defence ministry",
        ),
    ],
)
def test_a_speaker_inside_a_reports_content_speaks_for_it(text: str, snippet: str, speaker: str) -> None:
    assert speaker_of(text, snippet) == speaker


def test_the_club_is_the_club_opening_the_report_not_the_one_it_played() -> None:
    text = (
        "Sacked\n\nDenby Vale Rovers have sacked their coach after a 5-0 defeat to Ostrava Athletic. A new coach "
        "will be named next week, according to the club."
    )
    assert speaker_of(text, "A new coach will be named next week") == "Denby Vale Rovers"
