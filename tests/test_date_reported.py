"""Dates said by someone else, on another day (dates4): titles and dated names left out, quoted speeches
read from the day they were given, older documents' "last year" read from their year, reported futures
after the day they were said. Made-up sentences in several topics: sport, courts, business, science, local
news, defence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extraction_support import only_date as only
from workbook.extract.dates import find_dates

pytestmark = pytest.mark.unit

D = date
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _resolved(text: str, anchor: date) -> dict[str, tuple[date | None, date | None]]:
    return {m.text: (m.date_start, m.date_end) for m in find_dates(text, anchor) if m.date_start is not None}


@pytest.mark.parametrize(
    ("text", "anchor", "left_out"),
    [
        ("The choir closed with 'Snow Falls on Christmas Eve' and an encore.", D(2024, 1, 3), "Christmas Eve"),
        ('Her memoir, "The Summer of 1976", sold well in Leeds.', D(2024, 5, 2), "1976"),
        ("The band played \u201cJuly 4th Parade\u201d at the stadium.", D(2024, 7, 10), "July 4th"),
        ("Members of the Sept. 11 commission testified to the court.", D(2023, 6, 1), "Sept. 11"),
        ("Historians of the May 4 movement met at the university.", D(2025, 5, 10), "May 4"),
        ("Veterans recalled the June 25 attacks on the border posts.", D(2025, 7, 1), "June 25"),
    ],
)
def test_titles_and_dated_names_are_left_out(text: str, anchor: date, left_out: str) -> None:
    assert not any(left_out in t or t in left_out for t in _resolved(text, anchor))


def test_a_quoted_sentence_is_no_title_and_a_dated_deadline_is_no_name() -> None:
    m = only("'We will open the new ward on 3 March,' the hospital said.", D(2025, 2, 20), "3 March")
    assert m.date_start == D(2025, 3, 3)
    m = only("Clubs must register before the March 15 deadline, the league said.", D(2025, 3, 1), "March 15")
    assert m.date_start == D(2025, 3, 15)


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "day"),
    [
        # a speech dated before the quote, published later
        (
            "In a speech on Friday that was published on Sunday, the bank's governor said: 'Today I can say "
            "rates will fall.'",
            D(2024, 12, 30),
            "Today",
            D(2024, 12, 27),
        ),
        # a transcript of an address, released later
        (
            "Transcript of the judge's address on Tuesday, released on Thursday. JUDGE: 'Yesterday the jury "
            "was sworn in.'",
            D(2025, 6, 12),
            "Yesterday",
            D(2025, 6, 9),
        ),
        # an interview recorded before its broadcast
        (
            "In an interview recorded on Monday and broadcast on Wednesday, the striker said: 'We fly to "
            "Milan tomorrow.'",
            D(2024, 8, 29),
            "tomorrow",
            D(2024, 8, 27),
        ),
        # the speaking clause after the quote
        ("'We lost the vote yesterday,' the councillor said on Monday.", D(2025, 3, 5), "yesterday", D(2025, 3, 2)),
        # said on the publication day: unchanged
        ("The minister said on Thursday: 'Yesterday the bill passed.'", D(2025, 6, 12), "Yesterday", D(2025, 6, 11)),
        # no dated speech: the publication date
        ("'The results came in yesterday,' the lab's director said.", D(2025, 6, 12), "yesterday", D(2025, 6, 11)),
    ],
)
def test_quoted_speech_is_read_from_the_day_it_was_given(text: str, anchor: date, surface: str, day: date) -> None:
    m = only(text, anchor, surface)
    assert (m.date_start, m.date_end) == (day, day)


@settings(max_examples=60, deadline=None)
@given(
    anchor=st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31)),
    back=st.integers(min_value=1, max_value=6),
    word=st.sampled_from([("yesterday", -1), ("today", 0), ("tomorrow", 1)]),
)
def test_a_dated_speech_moves_its_day_words_with_it(anchor: date, back: int, word: tuple[str, int]) -> None:
    spoken = anchor - timedelta(days=back)
    weekday = WEEKDAY_NAMES[spoken.weekday()]
    text = f"The coach said on {weekday}: 'We train {word[0]} at the stadium.'"
    m = only(text, anchor, word[0])
    assert m.date_start == m.date_end == spoken + timedelta(days=word[1])


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "year"),
    [
        ("A 2019 report by the inspectorate said the mine opened last year.", D(2025, 2, 27), "last year", 2018),
        ("According to a 2016 audit, the stadium roof was repaired last year.", D(2024, 3, 28), "last year", 2015),
        (
            "The council's 2018 study warned that the ferry would need new engines next year.",
            D(2024, 3, 28),
            "next year",
            2019,
        ),
        ("A 2012 paper found that the vaccine trial began this year.", D(2024, 3, 28), "this year", 2012),
    ],
)
def test_an_older_documents_year_words_count_from_its_year(text: str, anchor: date, surface: str, year: int) -> None:
    m = only(text, anchor, surface)
    assert (m.date_start, m.date_end) == (D(year, 1, 1), D(year, 12, 31))


def test_an_older_documents_other_relative_dates_are_left_out_and_its_year_is_read() -> None:
    found = _resolved("The regulator's 2021 review found that the leaks were fixed last spring.", D(2025, 2, 27))
    assert "last spring" not in found
    assert found["2021"] == (D(2021, 1, 1), D(2021, 12, 31))
    # a relative date before the document's verb is the publication date's
    m = only("The 2019 report, published last year, said the dam was safe.", D(2025, 2, 27), "last year")
    assert m.date_start == D(2024, 1, 1)
    # a count is no year
    assert "2000" not in _resolved("He filed a 2000 page report on the merger.", D(2025, 2, 27))


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "day"),
    [
        (
            "Shares fell on Thursday after the bank said on Monday that its chairman would step down on Friday.",
            D(2024, 10, 31),
            "Friday",
            D(2024, 11, 1),
        ),
        (
            "The navy said on Tuesday the frigate was due to dock on Sunday, a day after a drill on Saturday.",
            D(2025, 3, 6),
            "Saturday",
            D(2025, 3, 8),
        ),
        # the weekday already after the day it was said: unchanged
        (
            "The club said on Monday that the match would be replayed on Wednesday.",
            D(2024, 10, 31),
            "Wednesday",
            D(2024, 10, 30),
        ),
    ],
)
def test_a_reported_future_comes_after_the_day_it_was_said(text: str, anchor: date, surface: str, day: date) -> None:
    m = only(text, anchor, surface)
    assert m.date_start == m.date_end == day


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "first", "last"),
    [
        # a week counted from a written date
        (
            "The bill, passed on 12 March, was signed a week later.",
            D(2026, 4, 29),
            "a week later",
            D(2026, 3, 19),
            D(2026, 3, 19),
        ),
        (
            "The striker was injured on 2 May and returned two weeks later.",
            D(2025, 6, 1),
            "two weeks later",
            D(2025, 5, 16),
            D(2025, 5, 16),
        ),
        # both ends of a range written in full, "the" before the end
        (
            "Patients were enrolled between 3 May 2021 and the 31st of December 2022.",
            D(2024, 10, 31),
            "3 May 2021 and the 31st of December 2022",
            D(2021, 5, 3),
            D(2022, 12, 31),
        ),
        (
            "The audit covers the period from the 3rd of May to the 9th of May 2021.",
            D(2024, 10, 31),
            "3rd of May to the 9th of May 2021",
            D(2021, 5, 3),
            D(2021, 5, 9),
        ),
        (
            "Flight logs kept between June 5, 2023 and October 8, 2024 were seized.",
            D(2024, 10, 28),
            "June 5, 2023 and October 8, 2024",
            D(2023, 6, 5),
            D(2024, 10, 8),
        ),
        # shopping days counted from US Thanksgiving
        (
            "Shoppers spent a record $9.8 billion online on Black Friday.",
            D(2023, 11, 29),
            "Black Friday",
            D(2023, 11, 24),
            D(2023, 11, 24),
        ),
        (
            "Traffic to the site doubled on Cyber Monday, the retailer said.",
            D(2024, 12, 4),
            "Cyber Monday",
            D(2024, 12, 2),
            D(2024, 12, 2),
        ),
    ],
)
def test_chains_ranges_and_shopping_days(text: str, anchor: date, surface: str, first: date, last: date) -> None:
    m = only(text, anchor, surface)
    assert (m.date_start, m.date_end) == (first, last)


def test_named_black_days_and_shopping_day_nouns_are_left_out() -> None:
    for text in ("Traders recall Black Monday.", "Black Friday sales began early.", "The Black Friday of 1869."):
        assert not [m for m in find_dates(text, D(2023, 11, 29)) if "Black" in m.text], text


def test_a_speech_dated_by_a_span_or_a_sentence_opened_by_its_year() -> None:
    # said "last week": the day of "yesterday" is unknown
    assert "yesterday" not in _resolved("'We signed the lease yesterday,' the club said last week.", D(2025, 3, 6))
    # a date after a verb that is no speaking word does not date the quote
    m = only("He said the deal collapsed on Monday. 'Yesterday was hard,' he added.", D(2025, 3, 6), "Yesterday")
    assert m.date_start == D(2025, 3, 5)
    m = only("The mayor told Reuters on Monday: 'We voted yesterday.'", D(2025, 3, 6), "yesterday")
    assert m.date_start == D(2025, 3, 2)
    # a sentence opened by its year and a speaking verb
    m = only("In 2019, the coach said the academy opened last year.", D(2025, 3, 6), "last year")
    assert m.date_start == D(2018, 1, 1)
    m = only("In 2019, the plant opened; last year it closed.", D(2025, 3, 6), "last year")
    assert m.date_start == D(2024, 1, 1)
    # a birth and a death are two dates
    found = _resolved("Ada Park (8 February 1900 \u2013 17 March 1982) was a chemist.", D(2025, 3, 6))
    assert found["8 February 1900"] == (D(1900, 2, 8), D(1900, 2, 8))
