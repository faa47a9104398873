"""Dates of the dates7 round: a month's part named by its modifier ("early June", "mid-March 2019", "late
December") is the same interval as "the beginning / middle / end of" it (days 1-10, 11-20, 21 to the last,
precision ``days``), and a narrative that last wrote a year of another era is read in that era at any distance.
Made-up sentences in sport, courts, business, science, local news, health and defence."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.date_context import NARRATIVE_REACH, OTHER_ERA_YEARS
from workbook.extract.date_relative import month_span
from workbook.extract.dates import find_dates

D = date
REPORT = D(2025, 11, 12)


def _found(text: str, anchor: date = REPORT) -> dict[str, tuple[date | None, date | None, str]]:
    return {m.text: (m.date_start, m.date_end, m.precision) for m in find_dates(text, anchor)}


@pytest.mark.parametrize(
    ("text", "surface", "span"),
    [
        ("The striker tore a hamstring in early March 2019.", "early March 2019", (D(2019, 3, 1), D(2019, 3, 10))),
        ("The appeal was heard in mid-February 2024.", "mid-February 2024", (D(2024, 2, 11), D(2024, 2, 20))),
        ("Quarterly sales peaked in late February 2024.", "late February 2024", (D(2024, 2, 21), D(2024, 2, 29))),
        ("The probe reached orbit in late June.", "late June", (D(2025, 6, 21), D(2025, 6, 30))),
        ("The clinic ran out of vaccine in mid-September.", "mid-September", (D(2025, 9, 11), D(2025, 9, 20))),
        ("The frigate will sail in early December.", "early December", (D(2025, 12, 1), D(2025, 12, 10))),
        ("Roadworks on the bypass begin in late January.", "late January", (D(2026, 1, 21), D(2026, 1, 31))),
    ],
)
def test_a_month_modifier_names_a_part_of_the_month(text: str, surface: str, span: tuple[date, date]) -> None:
    assert _found(text)[surface] == (*span, "days")


def test_a_part_on_the_wrong_side_of_the_report_keeps_the_whole_month() -> None:
    # said on the 5th: late November has not come yet, so "fell" cannot be read as its days
    assert _found("Ticket sales fell in late November, the club said.", D(2025, 11, 5))["late November"] == (
        D(2025, 11, 1),
        D(2025, 11, 30),
        "month",
    )
    # early November is over by the 25th: the future cue cannot put the hearing in its days
    assert _found("The court will sit again in early November.", D(2025, 11, 25))["early November"][2] == "month"


def test_years_and_decades_are_cut_in_thirds() -> None:
    # dates8: "early 2018" is January-April and "the late 1990s" 1997-1999 (the gold sets' convention)
    d = _found("Output doubled in early 2018 and again in the late 1990s.")
    assert d["early 2018"] == (D(2018, 1, 1), D(2018, 4, 30), "month")
    assert d["late 1990s"] == (D(1997, 1, 1), D(1999, 12, 31), "decade")


@settings(max_examples=60, deadline=None)
@given(
    year=st.integers(1950, 2090),
    month=st.integers(1, 12),
    mod=st.sampled_from(["early", "mid-", "late", "the beginning of", "the middle of", "the end of"]),
)
def test_a_modifier_and_its_phrase_give_the_same_days(year: int, month: int, mod: str) -> None:
    name = date(2001, month, 1).strftime("%B")
    sep = "" if mod.endswith("-") else " "
    found = find_dates(f"The depot was shut in {mod}{sep}{name} {year}.", REPORT)
    assert len(found) == 1
    lo, hi = month_span(year, month)
    first = {"early": 1, "mid-": 11, "late": 21, "the beginning of": 1, "the middle of": 11, "the end of": 21}[mod]
    assert found[0].date_start == lo.replace(day=first)
    assert found[0].date_end == (hi if first == 21 else lo.replace(day=first + 9))
    assert found[0].precision == "days"


_FILLER = " The people of the valley remembered those months for the rest of their lives."


@pytest.mark.parametrize(
    ("history", "later"),
    [
        ("The miners' strike began in the spring of 1926.", "Some 400 men had been jailed by the end of May."),
        ("The flood of 1953 broke the sea wall at dawn.", "Rebuilding was finished on September 9."),
        ("The club was founded in 1888 by railway workers.", "Its first match was played on October 6."),
        ("The court first sat in the old town hall in 1911.", "The judges moved out on July 14."),
    ],
)
def test_a_history_keeps_its_era_beyond_the_reach(history: str, later: str) -> None:
    text = history + _FILLER * (NARRATIVE_REACH // len(_FILLER) + 2) + " " + later
    found = find_dates(text, REPORT)
    assert all(m.date_start is None or m.date_start.year != REPORT.year for m in found)
    assert all(m.start < len(history) for m in found)


def test_a_recent_year_far_back_still_gives_way_to_the_report() -> None:
    text = "The ward opened in 2019." + _FILLER * (NARRATIVE_REACH // len(_FILLER) + 2) + " It shut on Oct. 3."
    assert _found(text)["Oct. 3"][:2] == (D(2025, 10, 3), D(2025, 10, 3))


def test_a_deictic_word_brings_a_history_back_to_the_report() -> None:
    text = (
        "The regiment fought at the Somme in 1916."
        + _FILLER * (NARRATIVE_REACH // len(_FILLER) + 2)
        + " Its veterans' association said last week that the memorial would be cleaned on November 20."
    )
    assert _found(text)["November 20"][:2] == (D(2025, 11, 20), D(2025, 11, 20))


@settings(max_examples=40, deadline=None)
@given(
    gap=st.integers(OTHER_ERA_YEARS + 1, 400),
    filler=st.integers(0, 40),
    day=st.integers(1, 28),
    month=st.integers(1, 12),
)
def test_no_day_of_the_report_year_after_a_year_of_another_era(gap: int, filler: int, day: int, month: int) -> None:
    name = date(2001, month, 1).strftime("%B")
    text = f"The bridge was opened in {REPORT.year - gap}." + _FILLER * filler + f" It was closed on {name} {day}."
    found = find_dates(text, REPORT)
    assert [m.text for m in found] == [str(REPORT.year - gap)]  # the closing day has no safe year: left out


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "span"),
    [
        # a hemisphere named settles the season, in a text that names southern places and has no dateline
        (
            "The survey ship will sail from Cape Town to the ice shelf in the southern spring.",
            D(2025, 7, 10),
            "the southern spring",
            (D(2025, 9, 1), D(2025, 11, 30)),
        ),
        (
            "The Chilean side will tour Europe during the northern summer, its federation said.",
            D(2025, 3, 2),
            "the northern summer",
            (D(2025, 6, 1), D(2025, 8, 31)),
        ),
        # "all summer" in its clause's tense, in the writer's hemisphere
        (
            "OSLO — The goalkeeper had trained alone all winter, the club said.",
            D(2025, 4, 2),
            "winter",
            (D(2024, 12, 1), D(2025, 2, 28)),
        ),
        (
            "The county court will sit in the annex all summer while the roof is mended.",
            D(2025, 5, 20),
            "summer",
            (D(2025, 6, 1), D(2025, 8, 31)),
        ),
        # a season expected or forecast: the one under way or the next
        (
            "PERTH, Australia — Grain growers expect a dry winter after a wet autumn.",
            D(2025, 4, 15),
            "winter",
            (D(2025, 6, 1), D(2025, 8, 31)),
        ),
        (
            "Utilities in Ohio brace for a cold winter as gas stocks run low.",
            D(2025, 10, 1),
            "winter",
            (D(2025, 12, 1), D(2026, 2, 28)),
        ),
    ],
)
def test_seasons_named_by_hemisphere_all_and_expected(
    text: str, anchor: date, surface: str, span: tuple[date, date]
) -> None:
    assert _found(text, anchor)[surface] == (*span, "month")


@pytest.mark.parametrize(
    "text",
    [
        "Analysts expect a fall in bond prices.",
        "Shares all fall when rates rise, traders say.",
        "Every farmer fears a dry summer.",
        "In summer the lido opens at six.",
        "The squad trains indoors all winter.",  # a habit: no tense to read it by
    ],
)
def test_seasons_that_are_no_date(text: str) -> None:
    assert not [m for m in find_dates(text, REPORT) if m.date_start is not None]


@pytest.mark.parametrize(
    ("text", "surface", "span"),
    [
        (
            "Between early March and late May 2018 the pit was shut.",
            "early March and late May 2018",
            (D(2018, 3, 1), D(2018, 5, 31)),
        ),
        (
            "The exhibition ran from mid-June to the end of August 2019.",
            "mid-June to the end of August 2019",
            (D(2019, 6, 11), D(2019, 8, 31)),
        ),
        (
            "The trial was adjourned from the end of March to late May 2021.",
            "the end of March to late May 2021",
            (D(2021, 3, 21), D(2021, 5, 31)),
        ),
        ("between March and late May 2018", "March and late May 2018", (D(2018, 3, 1), D(2018, 5, 31))),
    ],
)
def test_a_range_starting_with_a_month_part_takes_the_year_of_its_end(
    text: str, surface: str, span: tuple[date, date]
) -> None:
    assert _found(text)[surface][:2] == span


def test_a_month_part_coordinated_with_a_dated_month_shares_its_year() -> None:
    d = _found("The club sold shirts in late March and May 2018.")
    assert d["late March"] == (D(2018, 3, 21), D(2018, 3, 31), "days")


@settings(max_examples=60, deadline=None)
@given(
    year=st.integers(1950, 2090),
    first=st.integers(1, 6),
    gap=st.integers(1, 6),
    mod=st.sampled_from(["early ", "mid-", "late ", "the end of ", "the middle of ", ""]),
)
def test_a_ranges_start_is_never_in_another_year_than_its_end(year: int, first: int, gap: int, mod: str) -> None:
    a, b = (date(2001, m, 1).strftime("%B") for m in (first, first + gap))
    for m in find_dates(f"The bridge was shut from {mod}{a} to late {b} {year}.", REPORT):
        assert m.date_start is not None and m.date_start.year == year
