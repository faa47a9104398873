"""Organisations of defence news named without a head word (:data:`workbook.extract.org_names.DEFENCE_ORGS`)."""

from __future__ import annotations

import pytest

from tests.extraction_support import typed_mentions
from workbook.extract.org_names import DEFENCE_ORGS
from workbook.extract.pipeline import DefaultExtractor
from workbook.ids import normalise_name

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module", params=["default", "rules"])
def extractor(request: pytest.FixtureRequest) -> DefaultExtractor:
    return DefaultExtractor() if request.param == "default" else DefaultExtractor(entity_model=None)


def typed(extractor: DefaultExtractor, text: str) -> dict[str, str]:
    return dict(typed_mentions(extractor, text))


def test_names_are_folded() -> None:
    assert all(normalise_name(n) == n for n in DEFENCE_ORGS)


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("Raytheon won a contract. Lockheed Martin said it would protest.", ["Raytheon", "Lockheed Martin"]),
        ("General Dynamics and Northrop Grumman delivered the systems.", ["General Dynamics", "Northrop Grumman"]),
        ("Hezbollah fired rockets; the IRGC denied involvement.", ["Hezbollah", "IRGC"]),
        ("The Wagner Group withdrew.", ["Wagner Group"]),
    ],
)
def test_defence_orgs(extractor: DefaultExtractor, text: str, orgs: list[str]) -> None:
    found = typed(extractor, text)
    assert all(found.get(o) == "organization" for o in orgs), found


def test_people_and_titles_stay(extractor: DefaultExtractor) -> None:
    found = typed(extractor, "Richard Wagner wrote operas. Rafael Nadal won in Paris. General Smith said so.")
    assert found.get("Richard Wagner") == "person"
    assert not [m for m, t in found.items() if t == "organization"]  # "Rafael", "General" are no organisations
    assert found.get("Smith") == "person"


def test_military_units_are_organisations(extractor: DefaultExtractor) -> None:
    found = typed(extractor, "Okafor met airmen of the 86th Airlift Wing and the 555th Fighter Squadron.")
    # round twenty-one (unit_names): a unit keeps its ordinal, as the defence gold sets write it
    assert found.get("86th Airlift Wing") == "organization"
    assert found.get("555th Fighter Squadron") == "organization"


def test_a_title_after_the_is_no_person() -> None:
    text = "The Defense Secretary, Pete Hegseth, visited troops. The Crown Prince met them later."
    found = typed(DefaultExtractor(), text)
    assert found.get("Pete Hegseth") == "person"
    assert not [m for m in found if m in ("Secretary", "Defense Secretary", "Crown Prince", "Prince")]
