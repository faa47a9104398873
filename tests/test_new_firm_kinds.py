"""Names described as a start-up, a fintech, a bank or a chain are firms (round twenty-one, ner23:
`new_firm_kinds`). Every text is made up (the firms' names are invented)."""

from __future__ import annotations

import pytest

from tests.extraction_support import default_extractor, typed_mentions
from workbook.extract.firm_cues import FIRM_KIND_WORDS
from workbook.extract.new_firm_kinds import NEW_FIRM_KINDS


def _read(text: str) -> list[tuple[str, str]]:
    return typed_mentions(default_extractor(), text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brixtel, the Leeds payments start-up, said it had raised £40 million.", "Brixtel"),
        ("Money moved to Kestral, the digital bank, last year.", "Kestral"),
    ],
)
def test_a_name_described_as_a_new_kind_of_firm_is_an_organisation(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


def test_a_person_described_by_a_firm_is_still_a_person() -> None:
    assert ("Tom Harris", "person") in _read("Tom Harris, the bank's chief economist, said rates would fall.")
    assert NEW_FIRM_KINDS <= FIRM_KIND_WORDS
    assert "platform" not in NEW_FIRM_KINDS
