"""Organisations longer than what was read inside them (round sixteen, ner16): a place inside a name
that a head word ends, "and" inside one name, and "PO Box" in an address. Every text is made up."""

from __future__ import annotations

import pytest

from tests.extraction_support import default_extractor, typed_mentions
from workbook.extract.not_names import po_box


def _read(text: str) -> list[tuple[str, str]]:
    return typed_mentions(default_extractor(), text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares in the miner fell on the London Stock Exchange on Tuesday.", "London Stock Exchange"),  # business
        ("The New York Stock Exchange closed higher on Friday.", "New York Stock Exchange"),  # markets
        ("The Toronto Stock Exchange fell 2 per cent.", "Toronto Stock Exchange"),  # markets
        ("Sheffield Hospitals Charity raised 2 million pounds last year.", "Sheffield Hospitals Charity"),  # charity
        ("The Lincoln Memorial Trust repaired the roof of the chapel.", "Lincoln Memorial Trust"),  # local news
        ("The Berlin Philharmonic Orchestra played Brahms on Sunday.", "Berlin Philharmonic Orchestra"),  # culture
        ("Great Ormond Street Hospital Charity thanked donors.", "Great Ormond Street Hospital Charity"),  # a street
        ("The Wall Street Journal reported the takeover.", "Wall Street Journal"),  # business press
    ],
)
def test_a_place_inside_a_name_a_head_word_ends_is_that_organisation(text: str, name: str) -> None:
    read = _read(text)
    assert (name, "organization") in read
    assert not any(t == "place" for _, t in read)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Police in London said the man had been arrested.", "London"),  # courts
        ("Mayor of London Sadiq Khan opened the station.", "London"),  # politics: a person after it
        ("The striker left Leeds United for Chelsea in May.", "Chelsea"),  # sport: no head word after it
        ("Protesters gathered in Downing Street on Friday.", "Downing Street"),  # a street alone
    ],
)
def test_a_place_outside_a_longer_name_stays_a_place(text: str, place: str) -> None:
    assert (place, "place") in _read(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Scottish Fire and Rescue Service said crews were called at 3am.", "Scottish Fire and Rescue Service"),
        (
            "The Department of Health and Human Services issued new guidance on Monday.",  # health
            "Department of Health and Human Services",
        ),
        (
            "The Office of Science and Technology Policy published the report.",  # science
            "Office of Science and Technology Policy",
        ),
        (
            "Scientists at the Defence Science and Technology Laboratory tested the drone.",  # defence
            "Defence Science and Technology Laboratory",
        ),
        (
            "Northern Ireland Fire and Rescue Service crews attended the blaze.",  # local news
            "Northern Ireland Fire and Rescue Service",
        ),
    ],
)
def test_and_inside_one_name_that_a_head_word_ends(text: str, name: str) -> None:
    assert (name, "organization") in _read(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Researchers at the University of Michigan and Ecuador's National Institute of Biodiversity found it.",
            ["University of Michigan", "National Institute of Biodiversity"],  # science: a possessive, a place
        ),
        (
            "Greater Manchester Police and Merseyside Police said the men were held.",  # courts: two whole names
            ["Greater Manchester Police", "Merseyside Police"],
        ),
        ("The Royal Marines and Special Forces trained together.", ["Royal Marines"]),  # defence: a plural
        ("The Ministry of Defence and the Royal Navy said the ship had docked.", ["Ministry of Defence", "Royal Navy"]),
        ("Police in Manchester and Liverpool arrested two men.", ["Manchester", "Liverpool"]),  # places
    ],
)
def test_and_between_whole_names_joins_nothing(text: str, names: list[str]) -> None:
    read = [n for n, _ in _read(text)]
    assert all(n in read for n in names)
    assert not any(" and " in n for n in read)


@pytest.mark.parametrize(
    "text",
    [
        "Donations can be sent to PO Box 123, Leeds LS1 4AB.",  # charity
        "Objections to: Licensing Team, Borough Council, PO Box C45, Town Hall, Wigan.",  # local notices
        "Write to the Office of Fair Trading, PO Box 366, Hayes.",  # business
        "Entries to the club at P.O. Box 45, Springfield, by Friday.",  # sport
    ],
)
def test_po_box_is_no_place_and_no_organisation(text: str) -> None:
    assert not any(n.startswith(("PO", "P.O.")) for n, _ in _read(text))


def test_po_box_needs_a_number() -> None:
    text = "PO Box 12 and the PO Boxing Club"
    assert po_box(text, 0, 2)
    assert not po_box(text, text.index("PO Boxing"), text.index("PO Boxing") + 2)
