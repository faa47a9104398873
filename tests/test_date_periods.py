"""Quarters and halves of a written year, one-way numeric dates, fiscal years and clock times (dates2).
Made-up sentences in several topics: business, courts, science, sport, local news, defence."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.dates import find_dates

pytestmark = pytest.mark.unit

D = date
ANCHOR = D(2024, 7, 22)


def spans(text: str, anchor: date | None = ANCHOR) -> list[tuple[str, date | None, date | None]]:
    return [(m.text, m.date_start, m.date_end) for m in find_dates(text, anchor)]


@pytest.mark.parametrize(
    ("text", "surface", "first", "last"),
    [
        (
            "GDP grew 0.6% in the third quarter of 2023, the statistics office said.",
            "the third quarter of 2023",
            D(2023, 7, 1),
            D(2023, 9, 30),
        ),
        (
            "Voltaris said its first-quarter 2026 shipments rose 18%.",
            "first-quarter 2026",
            D(2026, 1, 1),
            D(2026, 3, 31),
        ),
        ("Ticket sales in Q4 2023 beat the club's forecast.", "Q4 2023", D(2023, 10, 1), D(2023, 12, 31)),
        ("The lab expects results in H2 2025.", "H2 2025", D(2025, 7, 1), D(2025, 12, 31)),
        (
            "Burglaries fell in the first half of 2024 across the county.",
            "the first half of 2024",
            D(2024, 1, 1),
            D(2024, 6, 30),
        ),
        (
            "Deliveries of the new frigates slipped to the second half of the year 2027.",
            "the second half of the year 2027",
            D(2027, 7, 1),
            D(2027, 12, 31),
        ),
        ("Police allege the drugs arrived at the port on 19/05/2024.", "19/05/2024", D(2024, 5, 19), D(2024, 5, 19)),
        ("The filing is dated 05/19/2024.", "05/19/2024", D(2024, 5, 19), D(2024, 5, 19)),
        (
            "Die Messe endet am 14.10.2023 in Berlin; the fair closed on 14.10.2023.",
            "14.10.2023",
            D(2023, 10, 14),
            D(2023, 10, 14),
        ),
    ],
)
def test_parts_of_a_year_and_numeric_dates(text: str, surface: str, first: date, last: date) -> None:
    assert (surface, first, last) in spans(text)


@pytest.mark.parametrize(
    ("text", "unsafe"),
    [
        ("He has been held since his arrest on 10/03/2023.", "10/03"),  # March 10 or October 3
        ("Apple's fiscal Q3 2023 revenue fell.", "Q3"),  # a fiscal quarter: months unknown
        ("Deliveries begin in the second quarter of fiscal year 2026.", "2026"),
        ("The budget for financial year 2023 was cut.", "2023"),
        ("Harbour Foods expects to open 40 stores in its fiscal first half of 2025.", "first half"),
        ("The company will report Q1 results on Thursday.", "Q1"),  # no year written
        ("Growth slowed in the fourth quarter.", "fourth quarter"),
        ("The ceasefire holds until 2100 GMT, the army said.", "2100"),  # a clock time
        ("Polls close by 2000 KST in Seoul.", "2000"),
        ("The battalion moved out at 0600 local on Monday.", "0600"),
    ],
)
def test_unsafe_periods_are_left_out(text: str, unsafe: str) -> None:
    assert not any(unsafe in surface for surface, _, _ in spans(text))


@settings(max_examples=300, deadline=None)
@given(d=st.dates(min_value=D(1000, 1, 1), max_value=D(2999, 12, 31)), sep=st.sampled_from("/."))
def test_a_numeric_date_is_read_only_when_one_reading_exists(d: date, sep: str) -> None:
    for a, b in ((d.day, d.month), (d.month, d.day)):
        found = spans(f"The hearing on {a:02d}{sep}{b:02d}{sep}{d.year} was short.")
        if d.day == d.month or d.day > 12:
            assert found == [(f"{a:02d}{sep}{b:02d}{sep}{d.year}", d, d)]
        else:
            assert found == []


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "first"),
    [
        # "since"/"by" years set no narrative year
        (
            "Bus fares will rise, the first increase since April 2019. A consultation runs until 31 May.",
            D(2023, 5, 3),
            "31 May",
            D(2023, 5, 31),
        ),
        (
            "Officials hope to reach 95% coverage by 2025. The survey was carried out between 10 and 24 January.",
            D(2022, 2, 25),
            "10 and 24 January",
            D(2022, 1, 10),
        ),
        # what comes next keeps its reading after a year from the past
        (
            "The parade, first held in 1952, was cancelled in 2001. Road closures will be in place on 5 April.",
            D(2026, 4, 2),
            "5 April",
            D(2026, 4, 5),
        ),
        (
            "Okafor's 2019 conviction was quashed. His lawyers will ask for compensation on 3 July.",
            D(2025, 6, 19),
            "3 July",
            D(2025, 7, 3),
        ),
        # an intention points forward
        ("The Bank expects inflation to peak in April.", D(2022, 2, 25), "April", D(2022, 4, 1)),
        ("The navy plans to commission the carrier in March.", D(2023, 11, 2), "March", D(2024, 3, 1)),
    ],
)
def test_narrative_years_and_intentions(text: str, anchor: date, surface: str, first: date) -> None:
    found = {s: a for s, a, _ in spans(text, anchor)}
    assert found.get(surface) == first, found


def test_a_narrative_year_still_rules_a_past_date() -> None:
    # the biography case the narrative rule was written for stays left out
    text = "In 2013, Holt played for Dockside. He was called up on July 6 and scored twice."
    assert "July 6" not in {s for s, _, _ in spans(text, D(2019, 8, 1))}


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "first"),
    [
        # a deictic date in the publication year brings the narrative back to that year
        (
            "The old library was flooded in November 2019. The council approved a new one last June and work "
            "began in July.",
            D(2021, 9, 6),
            "July",
            D(2021, 7, 1),
        ),
        (
            "The club was founded in 1898. Its stand was damaged by fire on Monday and the match of 3 September was "
            "moved.",
            D(2023, 9, 14),
            "3 September",
            D(2023, 9, 3),
        ),
        # a deictic date in another year does not ("May last year" then "in February")
        (
            "The minister visited the shrine in 2019. That he went again in May last year was disclosed in February.",
            D(2024, 3, 30),
            "February",
            None,
        ),
    ],
)
def test_a_deictic_date_in_the_publication_year_resets_the_narrative(
    text: str, anchor: date, surface: str, first: date | None
) -> None:
    found = {s: a for s, a, _ in spans(text, anchor)}
    assert found.get(surface) == first, found
