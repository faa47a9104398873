"""Issue 12 regressions for dates: written years honoured, ranges as one interval, tense-aware years,
"day" precision is one day, and properties over generated text."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.dates import find_dates

pytestmark = pytest.mark.unit

D = date
MONTHS = list(calendar.month_name)[1:]  # English names (Python never sets the locale itself)


def found(text: str, anchor: date | None) -> list[tuple[str, date | None, date | None, str]]:
    return [(m.text, m.date_start, m.date_end, m.precision) for m in find_dates(text, anchor)]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        (
            "the Battle of Hastings was fought on 14 October 1066.",
            D(2018, 12, 1),
            [("14 October 1066", D(1066, 10, 14), D(1066, 10, 14), "day")],
        ),
        ("In 1066 the Normans came.", D(2018, 12, 1), [("1066", D(1066, 1, 1), D(1066, 12, 31), "year")]),
        ("on March 3, 1871 the", None, [("March 3, 1871", D(1871, 3, 3), D(1871, 3, 3), "day")]),
        (
            "Between March and May 2018 prices rose.",
            D(2019, 1, 20),
            [("March and May 2018", D(2018, 3, 1), D(2018, 5, 31), "month")],
        ),
        ("from 2016 to 2019 it grew", D(2020, 1, 1), [("2016 to 2019", D(2016, 1, 1), D(2019, 12, 31), "year")]),
        ("between 2016 and 2019 it", D(2020, 1, 1), [("2016 and 2019", D(2016, 1, 1), D(2019, 12, 31), "year")]),
        ("in March–May 2018 it grew", None, [("March–May 2018", D(2018, 3, 1), D(2018, 5, 31), "month")]),
        ("from 3 to 5 June 2020 there", None, [("3 to 5 June 2020", D(2020, 6, 3), D(2020, 6, 5), "days")]),
        ("from 1914 to 1918 war", None, [("1914 to 1918", D(1914, 1, 1), D(1918, 12, 31), "year")]),
        (
            "from November 2018 to March 2019",
            None,
            [("November 2018 to March 2019", D(2018, 11, 1), D(2019, 3, 31), "month")],
        ),
        (
            "from December 28 to January 3, 2019",
            None,
            [("December 28 to January 3, 2019", D(2018, 12, 28), D(2019, 1, 3), "days")],
        ),
        (
            "a drill near Kanto from July 19 to 25.",
            D(2024, 7, 15),
            [("July 19 to 25", D(2024, 7, 19), D(2024, 7, 25), "days")],
        ),
    ],
)
def test_written_years_and_ranges(text: str, anchor: date | None, expected: list[object]) -> None:
    assert found(text, anchor) == expected


def test_a_range_whose_ends_disagree_is_two_dates() -> None:
    assert [m.text for m in find_dates("from 2019 to 2016 it", None)] == ["2019", "2016"]


def test_a_range_without_from_or_between_needs_a_dash() -> None:
    got = found("in March and May 2018", None)
    assert ("May 2018", D(2018, 5, 1), D(2018, 5, 31), "month") in got
    assert all(t != "March and May 2018" for t, *_ in got)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # a future cue inside a quoted title does not make the date future
        (
            'issued a press statement "Security will be protected with strong power" on May 25:',
            D(2024, 5, 26),
            D(2024, 5, 25),
        ),
        ('a press statement "We will deter the threat" on Friday:', D(2024, 7, 13), D(2024, 7, 12)),
        ("Our reaction was scheduled to end on June 9, but", D(2024, 6, 10), D(2024, 6, 9)),
        # past tense: never forward, even within the margin
        ("Talks were held on January 5.", D(2024, 12, 20), D(2024, 1, 5)),
        ("A rally took place in Seoul on September 5 to denounce", D(2024, 8, 13), D(2023, 9, 5)),
        # no tense: the margin for upcoming dates stays
        ("Talks on January 5 are expected", D(2024, 12, 20), D(2025, 1, 5)),
        # clearly future
        ("The finals will be held on Nov. 3.", D(2024, 11, 1), D(2024, 11, 3)),
        ("The congress will open on March 1.", D(2024, 5, 1), D(2025, 3, 1)),
        # future cue, but the date just passed and the next one is most of a year away: the nearest
        ("The meeting will be held on May 25.", D(2024, 5, 26), D(2024, 5, 25)),
    ],
)
def test_the_year_of_a_day_and_month_follows_tense(text: str, anchor: date, expected: date) -> None:
    (m,) = find_dates(text, anchor)
    assert m.date_start == m.date_end == expected


@pytest.mark.parametrize(
    "text",
    ["services at the April 25 Hostel and", "on 14 October 0966 the", "on May 25 2400 the"],
)
def test_unsafe_day_and_month_are_left_out(text: str) -> None:
    assert find_dates(text, D(2024, 8, 10)) == []


@pytest.mark.parametrize("text", ["in 1200 cases", "since 1500 people", "the 1700 troops", "a 1066 score"])
def test_counts_outside_the_era_are_not_years(text: str) -> None:
    assert find_dates(text, D(2024, 8, 10)) == []


def test_day_precision_is_one_day_in_ranges_and_weeks() -> None:
    for text in ("on June 17-20 the", "this week", "two weeks ago", "from 3 to 5 June"):
        (m,) = find_dates(text, D(2024, 6, 24))
        assert m.precision == "days" and m.date_start is not None and m.date_start < m.date_end  # type: ignore[operator]


_WORDS = st.sampled_from(
    [
        "on",
        "in",
        "from",
        "between",
        "to",
        "and",
        "the",
        "will",
        "was",
        "held",
        "since",
        "-",
        "–",
        ",",
        "(KCNA)",
        "last",
        "next",
        "week",
        "ago",
        "two",
        "Thursday",
        "1066",
        "1871",
        "2018",
        "2019",
        "2200",
        "14",
        "3",
        "25",
        "5th",
        "May",
        "March",
        "June",
        "Oct.",
        "December",
        "year",
        "Hostel",
        '"',
        "said",
        "early",
        "mid-",
    ]
)


@settings(max_examples=400, deadline=None)
@given(words=st.lists(_WORDS, max_size=14), anchor=st.one_of(st.none(), st.dates(D(1900, 1, 1), D(2100, 12, 31))))
def test_properties(words: list[str], anchor: date | None) -> None:
    text = " ".join(words)
    for m in find_dates(text, anchor):
        assert text[m.start : m.end] == m.text
        if m.date_start is not None and m.date_end is not None:
            assert m.date_start <= m.date_end
            if m.precision == "day":
                assert m.date_start == m.date_end


@settings(max_examples=300, deadline=None)
@given(
    year=st.integers(1000, 2199),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    anchor=st.dates(D(1950, 1, 1), D(2100, 12, 31)),
    style=st.integers(0, 3),
)
def test_an_explicit_four_digit_year_is_honoured(year: int, month: int, day: int, anchor: date, style: int) -> None:
    name = MONTHS[month - 1]
    text = [
        f"It was fought on {day} {name} {year}.",
        f"It was fought on {name} {day}, {year}.",
        f"It happened in {name} {year}.",
        f"It happened in {year}.",
    ][style]
    (m,) = find_dates(text, anchor)
    assert m.date_start is not None and m.date_start.year == year
    assert m.date_end is not None and m.date_end.year == year
    assert m.resolution == "absolute"
    if style < 2:
        assert m.date_start == m.date_end == date(year, month, day)


@settings(max_examples=200, deadline=None)
@given(anchor=st.dates(D(1950, 1, 1), D(2100, 12, 31)), month=st.integers(1, 12), day=st.integers(1, 28))
def test_a_past_tense_day_and_month_is_within_a_year_before(anchor: date, month: int, day: int) -> None:
    (m,) = find_dates(f"The ceremony took place on {MONTHS[month - 1]} {day}.", anchor)
    assert m.date_start is not None and anchor - timedelta(days=366) < m.date_start <= anchor


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        (
            "In 2013, Holt played in Triple-A. He debuted for Boston after getting called up on July 6 in Anaheim.",
            D(2011, 4, 13),
        ),
        ("Galois was arrested in 1831. Poisson's report was made before Galois' July 14 arrest.", D(2004, 8, 18)),
        ("The protégé of Pope Damasus, who died in 1384, was known. In March he left.", D(2001, 8, 28)),
    ],
)
def test_an_implicit_year_that_disagrees_with_the_narrative_is_left_out(text: str, anchor: date) -> None:
    got = find_dates(text, anchor)
    assert all(m.resolution == "absolute" for m in got), got


def test_an_implicit_year_that_agrees_with_the_narrative_or_names_its_relation_stays() -> None:
    text = "In 2024 the plant was built. It opened on May 25. Last June it closed, and on Thursday it reopened."
    got = {m.text: m.date_start for m in find_dates(text, D(2024, 5, 26))}
    assert got["May 25"] == D(2024, 5, 25)
    assert got["Last June"] == D(2023, 6, 1)
    assert got["Thursday"] == D(2024, 5, 23)
    far = "In 2011 the plant was built. " + "x " * 700 + "The plant opened on May 25."
    assert [m.date_start for m in find_dates(far, D(2024, 5, 26))][-1] == D(2024, 5, 25)
    other_era = "In 1950 the war began. " + "x " * 700 + "The bridge fell on May 25."  # a history: no safe year
    assert [m.text for m in find_dates(other_era, D(2024, 5, 26))] == ["1950"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "in March and May 2018 it",
            [("March", D(2018, 3, 1), D(2018, 3, 31), "month"), ("May 2018", D(2018, 5, 1), D(2018, 5, 31), "month")],
        ),
        (
            "on 3 or 5 June 2018 the",
            [("3", D(2018, 6, 3), D(2018, 6, 3), "day"), ("5 June 2018", D(2018, 6, 5), D(2018, 6, 5), "day")],
        ),
        (
            "on June 3 and June 5, 2018",
            [("June 3", D(2018, 6, 3), D(2018, 6, 3), "day"), ("June 5, 2018", D(2018, 6, 5), D(2018, 6, 5), "day")],
        ),
        # December of which year? Left out rather than guessed
        ("in December and May 2018", [("May 2018", D(2018, 5, 1), D(2018, 5, 31), "month")]),
    ],
)
def test_coordinated_dates_share_the_written_year(text: str, expected: list[object]) -> None:
    assert found(text, D(2020, 1, 1)) == expected
