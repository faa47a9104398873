"""Reported speech, round twenty: made-up cases of the round's speaker rules in other topics than its set
(police, hospitals, defence, science, sport, unions, business, museums, weather): a titled person before a
long body phrase, a title after a club's or a body's name ("Kelby boss …"), a name in apposition after a
described body, "the court" after a headline's bare "Court", and bodies named by their portfolios and a
country ("Environment and Climate Change Canada") that "the department" then stands for."""

from __future__ import annotations

import pytest

from tests.extraction_support import claim_holding, speaker_of

pytestmark = pytest.mark.unit


# --- a titled person "of" a body the subject phrase names at length ---


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (  # police
            "Crash on the bypass\n\nThe road was closed for six hours. Inspector Dana Whitlow of the county "
            "force's serious collision investigation unit in Barnstaple said the driver had been arrested.",
            "the driver had been arrested",
            "Dana Whitlow",
        ),
        (  # hospital
            "Measles warning\n\nCases have risen in the city. Dr Amrit Gill of the hospital's paediatric "
            "infectious diseases team in Leicester said most of the children had not been vaccinated.",
            "most of the children had not been vaccinated",
            "Amrit Gill",
        ),
        (  # defence
            "Drill ends\n\nThe exercise ended on Friday. Colonel Irena Novak of the army's newly formed "
            "air defence training wing at Ustka said the crews had fired forty missiles.",
            "the crews had fired forty missiles",
            "Irena Novak",
        ),
        (  # science
            "Seabird numbers\n\nThe survey covered 40 islands. Professor Callum Reid of the university's "
            "centre for coastal and marine ecology said puffin numbers had halved since 2000.",
            "puffin numbers had halved since 2000",
            "Callum Reid",
        ),
    ],
)
def test_a_titled_person_before_a_long_body_phrase_is_the_speaker(text: str, said: str, speaker: str) -> None:
    assert speaker_of(text, said) == speaker


# --- a title after a club's or a body's name: "Kelby boss Lucia Ferreira … , saying that" (the club typed a
# person by the entity stage, so the claim stage reads its first word as the subject) ---


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (  # football
            "Late draw\n\nTilbury Rovers's Jonah Hale scored in added time to earn a 1-1 draw at Ashcombe on "
            'Saturday.\n\nTilbury boss Dean Walsh praised his players\' "spirit", saying that they had earned the '
            "point.",
            "they had earned the point",
            "Dean Walsh",
        ),
        (  # rugby
            "Cup exit\n\nHarwood Wanderers's Lewis Pryce missed two penalties as the side lost 3-0 at home on "
            'Sunday.\n\nHarwood head coach Martin Pryce criticised the "soft" penalty, saying that the referee had '
            "been wrong.",
            "the referee had been wrong",
            "Martin Pryce",
        ),
    ],
)
def test_a_person_after_a_name_and_a_title_is_the_speaker_not_the_club(text: str, said: str, speaker: str) -> None:
    assert speaker_of(text, said) == speaker


def test_a_verb_between_a_name_and_a_player_is_no_title() -> None:
    text = (
        'Rovers win\n\nRovers beat Harlow 20-12. "A win is a win," Coach Sam Hill of the Rovers said.\n\n'
        "Hill said winger Tom Baird would miss next week's match with a hamstring injury."
    )
    assert speaker_of(text, "winger Tom Baird would miss") != "Tom Baird"


# --- a name in apposition after a described body ---


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (  # defence
            "Ship fire\n\nAccording to a report by the navy's criminal investigation service, NCIS, the fire "
            "began in a storeroom.",
            "the fire began in a storeroom",
            "NCIS",
        ),
        (  # unions
            "Strike vote\n\nAccording to a statement from the region's largest health union, Unison, the "
            "strike will go ahead on Monday.",
            "the strike will go ahead on Monday",
            "Unison",
        ),
    ],
)
def test_a_name_in_apposition_after_a_described_body_is_the_speaker(text: str, said: str, speaker: str) -> None:
    assert speaker_of(text, said) == speaker


# --- "the court" / "the museum" after a headline's bare word and the body's full name ---


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (  # courts
            "Court jails fraudster\n\nThe Leeds Crown Court on Monday jailed a former bank clerk for four years. "
            "The clerk had taken 400,000 pounds from elderly customers, the court said.",
            "The clerk had taken 400,000 pounds from elderly customers",
            "Leeds Crown Court",
        ),
        (  # culture
            "Museum returns bronzes\n\nThe Horniman Museum in London handed back 72 objects on Tuesday. The "
            "museum said the objects had been taken by force in 1897.",
            "the objects had been taken by force in 1897",
            "Horniman Museum",
        ),
    ],
)
def test_the_body_word_stands_for_the_full_name_holding_the_headlines_word(text: str, said: str, speaker: str) -> None:
    assert speaker_of(text, said) == speaker


# --- a body named by its portfolios and a country, and "the department" after it ---


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        (  # weather
            "Heat warning for Manitoba\n\nTemperatures will reach 38C on Thursday, Environment and Climate Change "
            "Canada said. The department said the heat would last until Sunday.",
            "the heat would last until Sunday",
            "Environment and Climate Change Canada",
        ),
        (  # farming, the body named as an object first
            "Grain subsidy ruled unlawful\n\nA federal court ruled on Monday that Agriculture and Agri-Food Canada "
            "had broken trade rules. The department said in a statement that it would appeal.",
            "it would appeal",
            "Agriculture and Agri-Food Canada",
        ),
    ],
)
def test_a_body_named_by_its_portfolios_speaks_and_is_the_department(text: str, said: str, speaker: str) -> None:
    assert speaker_of(text, said) == speaker


def test_two_people_joined_by_and_are_no_body() -> None:
    text = "Shop closes\n\nSam and Ruth Kerrigan said the bakery would close after forty years."
    claim = claim_holding(text, "the bakery would close after forty years")
    assert claim is None or claim.speaker_text != "Sam and Ruth Kerrigan"
