"""The new entity filters' fast forms (speed23) find what their originals find.

``common_word_spans._words`` folds each word once and reads the span in place (``findall`` with a start and
an end instead of a slice), and ``without_common_word_spans`` splits a candidate's words only on the branches
that read them; ``not_names.opening_hours_word`` says no at once to a span longer than any weekday
abbreviation without a full stop at its end, and ``review_heading`` to a span whose first word is no adjective
of praise or blame. ``trade_bodies.country_departments`` runs its scan only where "and" stands between a
lower-case letter and a capital, ``end_word_bodies`` only in a text whose folded form holds one of its end
words; ``bracket_defined_bodies`` finds its acronyms from the opening brackets, and searches for a run's word
before a bracket only where one can end (:mod:`workbook.extract.trade_body_scans`). Each is checked against
its original on made-up texts and on random texts of its own words (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import common_word_spans, not_names, trade_bodies, trade_body_scans
from workbook.extract.shared_scans import capital_matches

_WORDS = st.sampled_from(
    [
        "Mon", "Tues", "thurs", "Thurs.", "SAT", "Sun", "Monday", "of", "the", "The", "and", "&", "for",
        "Mayor", "Chief", "Executive", "Defence", "Secretary", "O'Neil", "St.", "U.S.", "Jean-Luc", "ß", "Straße",
        "İstanbul", "Ǆemal", "9am", "10:30", "-", "–", "5pm", ".", ",", "’s", "Club", "Foundation", "Union",
        "Great", "GREAT", "Service", "Staff", "Trust", "TRUST", "Truﬆ", "Exchange", "Stock", "Kent", "(KCNA)",
        "(DFO)", "(KRX)(AB)", "(", ")", "(A&B)", "May", "26", "Fisheries", "Oceans", "Canada", "F16", "_x",
        "Group7", "l'Ouest", "Ofwat", "and", "And", "band", "Fisheries,", "Rwanda",
    ]
)  # fmt: skip
_TEXTS = st.lists(st.tuples(_WORDS, st.sampled_from([" ", "  ", "\t", "", "\n", ". ", "..."])), max_size=20).map(
    lambda parts: "".join(w + s for w, s in parts)
)
_MADE_UP = [
    "Business: the National Stock Exchange and Kent Wildlife Trust; Fisheries and Oceans Canada (DFO) said. "
    "Pyongyang, May 26 (KCNA) -- Great Service, Poor Staff; the Korea Exchange (KRX) & Co (AC), of (OF).",
    "Courts: the Chief Executive of Harlow Foundation and the Mayor; Defence Secretary Ana Ruiz said.",
    "Opening hours: Mon - Fri 9am to 5pm, Sat 10:30-4, Sun. closed; Thurs. and Tues 8.30.",
    "Sport: O'Neil's Club of the Year & the Union; Jean-Luc Picard of U.S. Straße Wanderers.",
]


def _words_original(text: str, start: int, end: int) -> list[str]:
    connectors = common_word_spans._CONNECTORS
    return [w.casefold() for w in common_word_spans._WORD.findall(text[start:end]) if w.casefold() not in connectors]


def _opening_hours_original(text: str, start: int, end: int) -> bool:
    word = text[start:end].rstrip(".")
    if word.casefold() not in not_names.WEEKDAY_ABBREVIATIONS or not word[:1].isupper():
        return False
    return not_names._HOURS_AFTER.match(text, start + len(word)) is not None or (
        not_names._HOURS_BEFORE.search(text, max(0, start - 12), start) is not None
    )


_BRACKETED = re.compile(r"[ \t]+\(([A-Z][A-Z&]{1,6})\)")


def _review_heading_original(text: str, start: int, end: int) -> bool:
    words = [w.casefold() for w in not_names._WORD.findall(text[start:end])]
    return 2 <= len(words) <= 4 and words[0] in not_names._JUDGING and any(w in not_names._JUDGED for w in words[1:3])


def _check_all_spans(text: str) -> None:
    n = len(text)
    assert trade_body_scans.bracketed_acronyms(text) == [(b.start(), b.group(1)) for b in _BRACKETED.finditer(text)]
    for at in range(n + 1):
        if trade_bodies._RUN_WORD.search(text, max(0, at - 40), at) is not None:
            assert trade_body_scans.run_word_may_end(text, at), at
    if capital_matches(trade_bodies._DEPARTMENT, text):
        assert trade_body_scans.department_may_match(text)
    ends = [
        m for m in capital_matches(trade_bodies._END_WORD_RUN, text) if m[2].casefold() in trade_bodies._TITLE_CASE_ENDS
    ]
    if ends:
        assert any(word in text.casefold() for word in trade_bodies._TITLE_CASE_ENDS)
    for start in range(n + 1):
        for end in range(start, min(n, start + 14) + 1):
            assert common_word_spans._words(text, start, end) == _words_original(text, start, end), (start, end)
            assert not_names.opening_hours_word(text, start, end) == _opening_hours_original(text, start, end)
            assert not_names.review_heading(text, start, end) == _review_heading_original(text, start, end)


def test_made_up_texts() -> None:
    for text in _MADE_UP:
        _check_all_spans(text)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_random_texts(text: str) -> None:
    _check_all_spans(text)
