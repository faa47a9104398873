"""Habits and schedules are left out; terms set by a modal or a present verb point ahead (dates5 round).

Made-up sentences in sport, courts, business, science, local news and defence; none from a gold set.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.date_habits import HABIT_WORDS
from workbook.extract.dates import find_dates

THU = date(2025, 3, 13)  # a Thursday


def _found(text: str, anchor: date = THU) -> dict[str, tuple[date | None, date | None]]:
    return {m.text: (m.date_start, m.date_end) for m in find_dates(text, anchor)}


def test_habits_are_left_out() -> None:
    assert "late October" not in _found("The regatta is usually held in late October.")
    assert "July" not in _found("Hospital admissions typically peak in July.")
    assert "Saturday" not in _found("The reserve side, which trains every Saturday, lost again.")
    assert "April" not in _found("The magistrates' court traditionally clears its backlog in April.")
    assert "June" not in _found("Live-fire drills are held each year in June at the range.")
    assert "Tuesday" not in _found("Board members normally meet on Tuesday to Thursday.")
    assert "winter" not in _found("Ferry crossings are often cancelled in the winter.")


def test_habit_ends_with_its_clause() -> None:
    d = _found("The board usually meets in March; this year it met on Monday.")
    assert "March" not in d
    assert d["Monday"] == (date(2025, 3, 10), date(2025, 3, 10))
    d = _found("Results are usually strong, but the lab said on Tuesday it would cut staff.")
    assert d["Tuesday"] == (date(2025, 3, 11), date(2025, 3, 11))


def test_a_habit_keeps_dates_that_say_which_one() -> None:
    d = _found("The fair, usually held in May, took place in April 2023 and last June.")
    assert d["April 2023"] == (date(2023, 4, 1), date(2023, 4, 30))
    assert "last June" in d


def test_terms_set_by_a_modal_or_present_verb_point_ahead() -> None:
    d = _found("Applicants must file their claims no later than June 30.", date(2025, 4, 17))
    assert d["June 30"] == (date(2025, 6, 30), date(2025, 6, 30))
    d = _found("The bill signed in September funds the agency through Dec. 20.", date(2024, 11, 21))
    assert d["Dec. 20"] == (date(2024, 12, 20), date(2024, 12, 20))
    d = _found("The union said the stoppage would last until April 2.", date(2025, 3, 27))
    assert d["April 2"] == (date(2025, 4, 2), date(2025, 4, 2))
    d = _found("The judge gave the club until Friday to pay the fine.", date(2025, 2, 12))
    assert d["Friday"] == (date(2025, 2, 14), date(2025, 2, 14))


def test_a_past_term_stays_past() -> None:
    d = _found("The ban lasted until Dec. 20.", date(2024, 11, 21))
    assert d["Dec. 20"] == (date(2023, 12, 20), date(2023, 12, 20))
    d = _found("The club had to pay by Friday.", date(2025, 2, 12))
    assert d["Friday"] == (date(2025, 2, 7), date(2025, 2, 7))


def test_timetable_of_a_chamber_points_ahead() -> None:
    d = _found("The Senate adjourns on Friday; the court sits on Monday.", date(2024, 11, 21))
    assert d["Friday"] == (date(2024, 11, 22), date(2024, 11, 22))
    assert d["Monday"] == (date(2024, 11, 25), date(2024, 11, 25))


_WHEN = st.sampled_from(["in late March", "in July", "on Saturday", "in the autumn", "on May 4", "in mid-June"])


@settings(max_examples=60, deadline=None)
@given(habit=st.sampled_from(HABIT_WORDS), when=_WHEN, subject=st.sampled_from(["The derby", "The audit", "Sales"]))
def test_a_habit_never_adds_a_date(habit: str, when: str, subject: str) -> None:
    """A habit word before a recurring expression leaves it out, and never dates anything else."""
    plain = find_dates(f"{subject} was held {when}.", THU)
    habitual = find_dates(f"{subject} is {habit} held {when}.", THU)
    assert plain, when
    assert not [m for m in habitual if m.date_start is not None]
