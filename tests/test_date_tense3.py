"""Which way a date points, third round (dates3): timetable verbs after a name or a relative clause, a cue
after the date, deadlines ("have until", "ordered ... to ... by"). Made-up sentences in several topics:
sport, courts, business, science, local news, defence; and the readings that must not move."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extraction_support import only_date as only

pytestmark = pytest.mark.unit

D = date


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "day"),
    [
        # a timetable verb after a name (British sport writes a club as a plural)
        ("City travel to Brighton on Saturday before the break.", D(2025, 3, 17), "Saturday", D(2025, 3, 22)),
        ("Leinster face Toulouse on Sunday in Dublin.", D(2023, 4, 25), "Sunday", D(2023, 4, 30)),
        # a base form after a plural
        ("Tickets go on sale Wednesday at 10 a.m.", D(2026, 1, 20), "Wednesday", D(2026, 1, 21)),
        ("Schools break up on Thursday for Easter.", D(2024, 3, 25), "Thursday", D(2024, 3, 28)),
        ("Both frigates sail from Portsmouth on Friday.", D(2025, 7, 7), "Friday", D(2025, 7, 11)),
        # after a relative clause closed by a comma
        (
            "The champions, who won the league in May, arrive in Tokyo on Monday for a tour.",
            D(2025, 7, 16),
            "Monday",
            D(2025, 7, 21),
        ),
        # a cue after the date
        ("Bonfire night celebrations on Tuesday go ahead as planned.", D(2024, 11, 4), "Tuesday", D(2024, 11, 5)),
        ("The vote on Thursday will decide the leadership.", D(2025, 5, 12), "Thursday", D(2025, 5, 15)),
        ("The hearing on Jan. 12 is expected to last a day.", D(2022, 12, 5), "Jan. 12", D(2023, 1, 12)),
        # deadlines
        ("The firm's lawyers have until March 3 to respond.", D(2025, 1, 20), "March 3", D(2025, 3, 3)),
        (
            "The judge ordered the defendant to surrender by Jan. 9.",
            D(2022, 12, 5),
            "Jan. 9",
            D(2023, 1, 9),
        ),
        (
            "The regulator told the lab to submit its data before Feb. 10.",
            D(2023, 11, 28),
            "Feb. 10",
            D(2024, 2, 10),
        ),
        # an order whose deadline has just passed stays in the anchor's year
        (
            "In February the agency ordered the bank to repay customers by 3 March; it did not.",
            D(2025, 4, 20),
            "3 March",
            D(2025, 3, 3),
        ),
        ("The council told residents to leave by Friday.", D(2024, 9, 2), "Friday", D(2024, 9, 6)),
    ],
)
def test_which_way_a_date_points_round_three(text: str, anchor: date, surface: str, day: date) -> None:
    m = only(text, anchor, surface)
    assert (m.date_start, m.date_end) == (day, day)


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "day"),
    [
        # a capitalised word before "Open" in a name is no verb
        (
            "A concert took place at the Riverside Park Open-Air Theatre on Tuesday.",
            D(2024, 10, 9),
            "Tuesday",
            D(2024, 10, 8),
        ),
        # "gave ... to a question raised by" is no deadline
        (
            "A spokesperson gave the following answer to a question raised by reporters on Tuesday.",
            D(2024, 10, 1),
            "Tuesday",
            D(2024, 10, 1),
        ),
        ("The storm on Monday closed the seafront.", D(2024, 1, 10), "Monday", D(2024, 1, 8)),
        ("Councillors, who met on Monday, rejected the plan.", D(2024, 1, 10), "Monday", D(2024, 1, 8)),
    ],
)
def test_readings_that_stay(text: str, anchor: date, surface: str, day: date) -> None:
    m = only(text, anchor, surface)
    assert (m.date_start, m.date_end) == (day, day)


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@settings(max_examples=60, deadline=None)
@given(
    anchor=st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 12, 31)),
    wd=st.sampled_from(WEEKDAYS),
    lead=st.sampled_from(["United travel to Leeds on", "Fans go to the ground on", "Tickets go on sale"]),
)
def test_a_timetable_after_a_name_or_plural_is_in_the_next_seven_days(anchor: date, wd: str, lead: str) -> None:
    m = only(f"{lead} {wd}.", anchor, wd)
    assert m.date_start is not None
    assert timedelta(days=0) <= m.date_start - anchor < timedelta(days=7)  # the anchor's weekday: that day (dates12)
    assert m.date_start.strftime("%A") == wd
