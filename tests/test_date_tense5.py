"""Tense cues of the dates5 round: "since" never points ahead, irregular past verbs end a future cue's reach,
"flies" is a timetable verb. Made-up sentences in sport, courts, business, science and defence."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.dates import find_dates

TUE = date(2025, 9, 30)  # a Tuesday


def _found(text: str, anchor: date = TUE) -> dict[str, tuple[date | None, date | None]]:
    return {m.text: (m.date_start, m.date_end) for m in find_dates(text, anchor)}


def test_since_is_never_ahead() -> None:
    d = _found("The court will sit again on 14 October, its first hearing since the 2nd of July.")
    assert d["2nd of July"] == (date(2025, 7, 2), date(2025, 7, 2))
    d = _found("The squad will train at home, the first time since Friday.")
    assert d["Friday"] == (date(2025, 9, 26), date(2025, 9, 26))


def test_an_irregular_past_ends_the_future_cue() -> None:
    d = _found("Nurses plan to walk out from Monday, after talks broke down on Friday.")
    assert d["Monday"] == (date(2025, 10, 6), date(2025, 10, 6))
    assert d["Friday"] == (date(2025, 9, 26), date(2025, 9, 26))
    d = _found("The firm will cut jobs, after its shares fell on Thursday.")
    assert d["Thursday"] == (date(2025, 9, 25), date(2025, 9, 25))


def test_flies_is_a_timetable_verb() -> None:
    d = _found("The relay team won gold on Sunday; it flies home on Thursday.")
    assert d["Thursday"] == (date(2025, 10, 2), date(2025, 10, 2))
    assert d["Sunday"] == (date(2025, 9, 28), date(2025, 9, 28))


@settings(max_examples=40, deadline=None)
@given(
    day=st.integers(1, 28),
    month=st.sampled_from(["January", "March", "May", "July", "October", "December"]),
    lead=st.sampled_from(["The board will meet again", "The frigate is due to sail", "Play will resume"]),
)
def test_a_date_after_since_is_never_after_the_report(day: int, month: str, lead: str) -> None:
    (m,) = [x for x in find_dates(f"{lead}, for the first time since {day} {month}.", TUE) if x.date_start]
    assert m.date_end is not None and m.date_end <= TUE


def test_an_orders_deadline_is_not_pushed_into_the_past() -> None:
    d = _found("The tribunal ordered the club to hand over its accounts no later than Nov. 10.")
    assert d["Nov. 10"] == (date(2025, 11, 10), date(2025, 11, 10))


def test_a_southern_dateline_gives_southern_seasons() -> None:
    d = _found("CAPE TOWN, June 5 — Grape growers expect a wet harvest after this winter.", date(2025, 6, 5))
    assert d["this winter"] == (date(2025, 6, 1), date(2025, 8, 31))
    d = _found("AUCKLAND, May 2 (Wire) - The ferry timetable changes next summer.", date(2025, 5, 2))
    assert d["next summer"] == (date(2025, 12, 1), date(2026, 2, 28))
    assert "summer of 2019" not in _found("SYDNEY, May 2 — A rebuilt stand opened in the summer of 2019.")


def test_a_northern_dateline_keeps_northern_seasons() -> None:
    d = _found("LONDON — The rowing crew flew to Brisbane after training during the autumn.", date(2025, 12, 4))
    assert d["the autumn"] == (date(2025, 9, 1), date(2025, 11, 30))
    d = _found("PERTH, Scotland, Oct 30 — The court will rule on the appeal in the spring.", date(2025, 10, 30))
    assert d["the spring"] == (date(2026, 3, 1), date(2026, 5, 31))
    assert "this winter" not in _found("Ski fields near Queenstown reported snow this winter.", date(2025, 8, 1))
