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
