"""Units named with a number, written whole (round twenty-one, people22: `unit_names`): an ordinal or "No."
and a number before a unit, a number after a unit's head word, chains of units joined by commas. Every
text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import default_extractor, typed_mentions


def _orgs(text: str) -> set[str]:
    return {n for n, t in typed_mentions(default_extractor(), text) if t == "organization"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A crew chief with the 37th Airlift Squadron inspected the aircraft.", "37th Airlift Squadron"),
        (
            "Wing Commander Ngaire Whitcombe has taken command of No. 120 Squadron at RAF Lossiemouth.",
            "No. 120 Squadron",
        ),
        ("The commander of Escort Flotilla 1 hosted the visitors on Tuesday.", "Escort Flotilla 1"),
        ("Officers of the 7th Fleet met in Yokosuka.", "7th Fleet"),
    ],
)
def test_a_unit_keeps_its_number(text: str, name: str) -> None:
    assert name in _orgs(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Lt. Col. Marisol Okafor-Reyes assumed command of the 2nd Battalion, 327th Infantry Regiment on Friday.",
            "2nd Battalion, 327th Infantry Regiment",
        ),
        (
            "Sgt. 1st Class Tomasz Kowalczyk of the 3rd Battalion, 504th Parachute Infantry Regiment, "
            "82nd Airborne Division, was named instructor of the year.",
            "3rd Battalion, 504th Parachute Infantry Regiment, 82nd Airborne Division",
        ),
    ],
)
def test_units_joined_by_commas_are_one_organisation(text: str, name: str) -> None:
    assert name in _orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "On the 2nd Monday of the month the fair reopened on 3rd Street.",  # a date, a street
        "Sgt. 1st Class Maria Delgado-Ruiz spoke to the press.",  # a rank's ordinal before no head word
        "The squadron flew 3,000 sorties; Fighter Squadron 32.5 is no unit.",  # a number with a mark
    ],
)
def test_an_ordinal_before_no_unit_reads_no_unit(text: str) -> None:
    assert not any(n[:1].isdigit() or n.endswith(("32", "32.5")) for n in _orgs(text))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Delegates gathered for the 8th Party Congress in the capital.", "8th Party Congress"),
        ("The 14th Supreme People's Assembly met on Tuesday.", "14th Supreme People's Assembly"),
    ],
)
def test_a_number_before_a_body_that_is_no_unit_is_its_session(text: str, body: str) -> None:
    assert body not in _orgs(text)
