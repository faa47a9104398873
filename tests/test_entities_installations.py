"""Military installations named by a leading word ("Fort Hood", "Camp Humphreys", "Joint Base
Lewis-McChord"; :data:`workbook.extract.org_names.INSTALLATION_OPENERS`) are facilities; a town of
the same name the gazetteer knows stays its place. Made-up sentences in the style of defence press
releases."""

from __future__ import annotations

import pytest

from tests.extraction_support import typed_mentions
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


mentions = typed_mentions


@pytest.mark.parametrize(
    ("text", "facility"),
    [
        ("The brigade moved from Fort Hood, Texas, to Fort Bliss last spring.", "Fort Hood"),
        ("The brigade moved from Fort Hood, Texas, to Fort Bliss last spring.", "Fort Bliss"),
        ("Marines trained at Camp Lejeune with Norwegian forces.", "Camp Lejeune"),
        ("Airmen from Joint Base Lewis-McChord flew the relief cargo.", "Joint Base Lewis-McChord"),
        ("The squadron returned to Naval Air Station Whidbey Island on Friday.", "Naval Air Station Whidbey Island"),
        ("Soldiers at Camp Humphreys held a change of command.", "Camp Humphreys"),
    ],
)
def test_an_installation_is_a_facility(extractor: DefaultExtractor, text: str, facility: str) -> None:
    assert (facility, "facility") in mentions(extractor, text)


def test_a_town_of_that_name_stays_a_place(extractor: DefaultExtractor) -> None:
    got = mentions(extractor, "The council of Fort Worth approved the budget.")
    assert ("Fort Worth", "place") in got


def test_a_dateline_with_a_state_abbreviation_makes_no_person(extractor: DefaultExtractor) -> None:
    text = "FORT CAMPBELL, Ky. -- Soldiers of the 101st Airborne Division returned home on Friday."
    got = mentions(extractor, text)
    assert not [m for m in got if m[1] == "person"]
    assert not [m for m in got if text.index(m[0]) < len("FORT CAMPBELL, Ky. --")]
