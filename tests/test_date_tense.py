"""Which way a date written without its year or week points: the report's own weekday, timetables in the
present tense, decisions that set a later date, and past verbs nearer the date than a future cue
(dates2). Made-up sentences in several topics: sport, courts, business, science, local news, defence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extraction_support import only_date as only
from workbook.extract.dates import find_dates

pytestmark = pytest.mark.unit

D = date
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "day"),
    [
        # the report's own weekday (wire copy, KCNA's "Rodong Sinmun Monday says")
        ("The consortium said on Thursday that footfall rose.", D(2025, 1, 9), "Thursday", D(2025, 1, 9)),
        ("The Court of Appeal on Thursday overturned the conviction.", D(2025, 6, 19), "Thursday", D(2025, 6, 19)),
        (
            "Rodong Sinmun Monday says in an article that the harvest was good.",
            D(2024, 8, 12),
            "Monday",
            D(2024, 8, 12),
        ),
        ("Police closed the road last Thursday.", D(2025, 1, 9), "last Thursday", D(2025, 1, 2)),
        # a future cue reaches past "a.m." and "Oct."
        (
            "The rocket will lift off at 4:27 a.m. Beijing time on Wednesday.",
            D(2024, 10, 31),
            "Wednesday",
            D(2024, 11, 6),
        ),
        ("The regiment will march from Fort Lee at 6 a.m. on Saturday.", D(2023, 10, 12), "Saturday", D(2023, 10, 14)),
        # a past verb nearer the date than the cue governs it
        (
            "The parade will go ahead despite the storm that closed the seafront on Monday.",
            D(2026, 4, 2),
            "Monday",
            D(2026, 3, 30),
        ),
        (
            "The launch will take place on Wednesday, a spokesperson said Tuesday.",
            D(2024, 10, 31),
            "Tuesday",
            D(2024, 10, 29),
        ),
        (
            "The launch will take place on Wednesday, a spokesperson said Tuesday.",
            D(2024, 10, 31),
            "Wednesday",
            D(2024, 11, 6),
        ),
        # a timetable in the present tense
        ("Gates open at 9 a.m. on Saturday and the fair runs all week.", D(2021, 9, 6), "Saturday", D(2021, 9, 11)),
        (
            "The exhibition of Bronze Age tools opens on Friday at the county museum.",
            D(2022, 5, 3),
            "Friday",
            D(2022, 5, 6),
        ),
        ("Rovers host the final on June 21.", D(2025, 6, 19), "June 21", D(2025, 6, 21)),
        ("The second test starts on 14 March in Wellington.", D(2024, 3, 8), "14 March", D(2024, 3, 14)),
        ("The county trial of the new drug begins on 2 February.", D(2023, 12, 20), "2 February", D(2024, 2, 2)),
        # a decision that sets a later date
        ("A federal judge set sentencing for March 14.", D(2025, 1, 9), "March 14", D(2025, 3, 14)),
        ("The magistrate adjourned the case until 3 February.", D(2022, 12, 12), "3 February", D(2023, 2, 3)),
        # past readings stay past
        ("The museum opened its new wing on Saturday.", D(2022, 5, 3), "Saturday", D(2022, 4, 30)),
        ("The frigate sailed from Portsmouth on 2 February.", D(2023, 5, 3), "2 February", D(2023, 2, 2)),
        ("The firm's shares, which opened on June 2, fell.", D(2025, 6, 19), "June 2", D(2025, 6, 2)),
        # plural nouns and function words are no timetable
        (
            "Talks with the minister, in London as head of a trade delegation, ended on Tuesday.",
            D(2024, 8, 28),
            "Tuesday",
            D(2024, 8, 27),
        ),
        ("Two home runs on Saturday sealed the series for the Hawks.", D(2024, 7, 22), "Saturday", D(2024, 7, 20)),
        ("Analysts counted the missile launches on Monday.", D(2024, 7, 24), "Monday", D(2024, 7, 22)),
    ],
)
def test_which_way_a_date_points(text: str, anchor: date, surface: str, day: date) -> None:
    m = only(text, anchor, surface)
    assert (m.date_start, m.date_end) == (day, day)


def test_a_participle_after_the_cue_does_not_cancel_it() -> None:
    text = (
        "A decision will be made to prolong the housing projects, scheduled to be finished by early November, "
        "to early December."
    )
    m = only(text, D(2024, 10, 22), "early November")
    assert (m.date_start, m.date_end) == (D(2024, 11, 1), D(2024, 11, 10))


@settings(max_examples=200, deadline=None)
@given(
    anchor=st.dates(min_value=D(1900, 1, 8), max_value=D(2100, 12, 20)),
    wd=st.sampled_from(WEEKDAYS),
    lead=st.sampled_from(
        ["The shop opens on ", "The team plays on ", "Doors open at 10 a.m. on ", "It will resume on "]
    ),
)
def test_a_timetable_weekday_lands_in_the_week_after_the_anchor(anchor: date, wd: str, lead: str) -> None:
    m = only(f"{lead}{wd}.", anchor, wd)
    assert m.date_start is not None and m.date_start == m.date_end
    # the anchor's own weekday is the day of publication (dates12: 'the debate on Thursday will be followed')
    assert anchor <= m.date_start < anchor + timedelta(days=7)
    assert m.date_start.weekday() == WEEKDAYS.index(wd)


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "first", "last"),
    [
        (
            "Residents will get a new library this weekend.",
            D(2021, 9, 6),
            "this weekend",
            D(2021, 9, 11),
            D(2021, 9, 12),
        ),
        (
            "The North launched 500 balloons over the weekend, the military said.",
            D(2024, 7, 22),
            "the weekend",
            D(2024, 7, 20),
            D(2024, 7, 21),
        ),
        (
            "Last weekend police arrested two men in Leeds.",
            D(2024, 7, 20),
            "Last weekend",
            D(2024, 7, 13),
            D(2024, 7, 14),
        ),
        ("The regatta will be held over the weekend.", D(2023, 6, 14), "the weekend", D(2023, 6, 17), D(2023, 6, 18)),
        ("Ruiz scored 31 goals in the 2023/24 season.", D(2024, 7, 22), "2023/24", D(2023, 1, 1), D(2024, 12, 31)),
    ],
)
def test_weekends_and_seasons(text: str, anchor: date, surface: str, first: date, last: date) -> None:
    m = only(text, anchor, surface)
    assert (m.date_start, m.date_end, m.precision) == (first, last, "days" if "weekend" in surface else "year")


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("The team travels next weekend.", D(2024, 7, 22)),  # this one or the one after?
        ("Shops were busy over the weekend.", D(2024, 7, 20)),  # on a Saturday: this weekend or the last?
        ("The weekend edition sold out.", D(2024, 7, 22)),
        ("Sales between 2019/2023 doubled.", D(2024, 7, 22)),  # not one season
    ],
)
def test_unsafe_weekends_and_seasons_are_left_out(text: str, anchor: date) -> None:
    assert all("weekend" not in m.text and "/" not in m.text for m in find_dates(text, anchor))
