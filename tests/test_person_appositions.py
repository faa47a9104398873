"""People of any origin read from the words around their names (round twenty-one, people22:
`person_appositions`): an age or a role in apposition or a person's verb after a name of any origin, a
hyphenated family name or a name after a capitalised particle, "the X administration", a rank and an
initial; captions without a final full stop are prose, not title-case headlines (`rule_tokens`). Every
text is made up and the people are invented."""

from __future__ import annotations

import pytest

from tests.extraction_support import default_extractor, typed_mentions
from workbook.extract.rule_tokens import headline_tokens, tokenize


def _read(text: str) -> list[tuple[str, str]]:
    return typed_mentions(default_extractor(), text)


def _people(text: str) -> set[str]:
    return {n for n, t in _read(text) if t == "person"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an apposition naming a role (obituary; education news)
        ("Chinonso Eze-Whitfield, the jazz pianist, has died at 74.", "Chinonso Eze-Whitfield"),
        ("Ayodele Fashola-Grey, a specialist in coastal erosion, has joined the university.", "Ayodele Fashola-Grey"),
        # an age between commas after a gerund opening the sentence (court report)
        (
            "Sentencing Kwabena Asante-Forde, 27, at the crown court, the judge said it was cowardly.",
            "Kwabena Asante-Forde",
        ),
        # a role word opening the sentence is no part of the name
        ("Lecturer Ayodele Fashola-Grey, a specialist in erosion, will lead it.", "Ayodele Fashola-Grey"),
        # a family name used as a given name before a listed given name (court report)
        ("Hudson James Marlowe, 52, denied causing death by dangerous driving.", "Hudson James Marlowe"),
    ],
)
def test_a_name_before_an_age_a_role_or_a_persons_verb_is_a_person(text: str, name: str) -> None:
    assert name in _people(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Harbour Zentrix, a company based in Leeds, reported a loss.", "Harbour Zentrix"),  # a firm's apposition
        ("New Zealand, a country of five million, voted on Saturday.", "New Zealand"),  # a place's apposition
        ("Lake Tovrana, the largest reservoir in the region, is full.", "Lake Tovrana"),  # a place word opens it
    ],
)
def test_an_apposition_naming_no_person_reads_no_person(text: str, name: str) -> None:
    assert name not in _people(text)


def test_the_apposition_phrase_must_name_a_person() -> None:
    from workbook.extract.person_appositions import _person_phrase

    assert _person_phrase("retired midwife")
    assert _person_phrase("specialist in coastal erosion")
    assert not _person_phrase("company based in Leeds")
    assert not _person_phrase("city of two million")


def test_a_hyphenated_family_name_after_a_given_name_joins_it() -> None:
    text = (
        "Volunteers led by Mereana Kawhia-Stone planted 2,000 trees along the River Avon last weekend. "
        "Kawhia-Stone, a 34-year-old ecologist, said the Avon Rivers Trust would monitor the site."
    )
    assert "Mereana Kawhia-Stone" in _people(text)
    assert "Mereana" not in _people(text)


def test_a_name_after_a_capitalised_particle_joins_it() -> None:
    text = (
        "Dublin's Saoirse Ní Bhriain and Lagos-born Temitope Afolabi-Quinn will meet in Saturday's final "
        "at the National Boxing Stadium."
    )
    assert "Saoirse Ní Bhriain" in _people(text)


def test_a_place_word_after_a_person_is_not_joined() -> None:
    text = "He thanked Mereana Walker-Smith and flew to Auckland-Manukau on Friday."
    assert "Mereana Walker-Smith" in _people(text) or "Walker-Smith" in " ".join(_people(text))
    assert not any("Auckland" in n for n in _people(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Harris administration on Thursday named a new ambassador.", "Harris"),
        ("Critics of the Okonjo presidency marched in Abuja.", "Okonjo"),
    ],
)
def test_the_x_administration_names_a_person(text: str, name: str) -> None:
    assert name in _people(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Labour government and the Federal administration disagreed.",  # a party, an everyday word
        "The Kenya administration of the tournament was praised.",  # a place
    ],
)
def test_the_x_administration_of_no_name_reads_no_person(text: str) -> None:
    assert not _people(text)


def test_a_rank_and_an_initial_before_a_family_name_are_a_person() -> None:
    text = "YOKOSUKA, Japan — Rear Adm. Y. Tanaka hosted the visiting commander on Tuesday."
    assert "Y. Tanaka" in _people(text)


def test_an_initial_after_no_rank_or_title_is_left_alone() -> None:
    text = "Our readers wrote in from the U.S. Senate and the A. Tanaka Foundation."
    assert "A. Tanaka" not in _people(text)


def test_a_caption_without_a_full_stop_is_prose_and_keeps_the_whole_name() -> None:
    text = "Staff Sgt. Mikael Strand, 2nd Battalion, prepares a parachute at Fort Campbell, Ky., Jan. 5, 2026"
    assert not headline_tokens(text, tokenize(text))
    assert "Mikael Strand" in _people(text)


def test_a_title_case_headline_stays_a_headline() -> None:
    text = "Council Approves Riverside Arena Despite Objections Through Winter\nThe council voted on Monday."
    tokens = tokenize(text)
    assert {tokens[i].text for i in headline_tokens(text, tokens)} >= {"Council", "Approves", "Arena"}


def test_a_name_after_a_title_ending_in_of_and_its_word_is_a_person() -> None:
    text = "Deputy Chief of Mission Lorna Vitale met the minister on Monday."
    assert _people(text) == {"Lorna Vitale"}


def test_a_body_named_with_of_keeps_its_name() -> None:
    text = "The Bank of England Lorna Trust opened a gallery."
    assert "Lorna Trust" not in _people(text)
    assert not _people(text)


def test_a_writing_in_apposition_is_no_person_and_a_place_ends_no_name() -> None:
    text = "This is the proud national trait peculiar to Juche Korea, the editorial says."
    assert not _people(text)
