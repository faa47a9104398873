"""Dates written against another date of the text: "the following day", "two days later", "the day after",
"the following week", "the 17th", "the 19th of next month".

:func:`add_anchored` runs after every other date expression of a text is read. Each expression here is
resolved against the *reference*: the nearest date before it in the same sentence or the one before,
resolved to one day (a week or a range of days up to a week for "the following week"). Safe readings
only, else none:

* "the following day", "the next day", "the previous day", "N days later/earlier" (N up to 30), "a week
  later", "two weeks earlier" (up to four weeks: 7 days a week), "the day
  after/before" with nothing after it ("the day after, shares fell"; "the day after a public meeting" is
  anchored on the meeting, which is no written date: left out), "the following week" (the Monday-Sunday
  week after the reference's), "the following / previous month" and "the following / previous year" (of a
  reference within one month or one year: "retired in 1997 and was made an OBE the following year" is 1998),
  "later / earlier that week / month / year" after a day (the rest of its period after it, or the part before).
* No reference when a word of time stands between it and the expression ("On the third day, ...; two
  days later": counted from a day the text does not date): left out.
* "the 17th" (after on/by/until/for/from/since/before/after/through/and, or "the 25th and 26th"), with no
  noun after it ("the 17th floor", "the 21st century" are no dates): in the month of the reference
  (a day, a range of days or a month) when it is not before the reference's day; "of next/last/this
  month" names the month; with no reference, the publication month when the clause points ahead and the
  day is still to come, or back and the day has passed; otherwise (the next month's? the last's?) none.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from workbook.extract.date_relative import month_span, shift_month, week_span, year_span
from workbook.extract.date_tense import deadline_cue, future_after, future_cue, past_cue
from workbook.extract.date_words import NUMBER_WORDS, SENTENCE_END, S

__all__ = ["MAX_CHAIN_DAYS", "add_anchored"]

_S = S
Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

#: The largest "N days later/earlier" read: past a month writers count loosely.
MAX_CHAIN_DAYS = 30

#: "the following day", "the next day", "the previous day", "the following week", "the day after/before":
#: (phrase after "the", kind, step in days); found with a plain substring search, the cheapest way through a
#: text that rarely holds one.
_THE_PHRASES: tuple[tuple[str, str, int], ...] = (
    ("following day", "step", 1),
    ("next day", "step", 1),
    ("previous day", "step", -1),
    ("following week", "week", 7),
    ("following month", "month", 1),
    ("previous month", "month", -1),
    ("following year", "year", 1),
    ("previous year", "year", -1),
    ("day after", "bare", 1),
    ("day before", "bare", -1),
)
#: The leading words scanned once for all their phrases.
_LEADS: dict[str, tuple[tuple[str, str, int], ...]] = {
    lead: tuple(p for p in _THE_PHRASES if p[0].startswith(lead)) for lead in ("following ", "previous ")
}
_THE_BEFORE = re.compile(r"\b[Tt]he" + _S + r"+\Z")
_WORD_GOES_ON = re.compile(r"[\w-]")
#: "two days later", "a day earlier": found from "later"/"earlier", the count read back from there.
_COUNT_BEFORE = re.compile(
    r"(?<![\w.,-])(?P<n>[0-9]{1,2}|(?i:"
    + "|".join(NUMBER_WORDS)
    + r"))"
    + _S
    + r"+(?P<unit>days?|weeks?)"
    + _S
    + r"+\Z"
)
#: "later that week", "earlier that month", "later that year": the rest of the reference's period after its day,
#: or the part before it.
_REST_OF = re.compile(r"\b(?P<way>(?i:later|earlier))" + _S + r"+\Z")
_RANGE_END_BEFORE = re.compile(r"\b(?:to|until|till|through)" + _S + r"+\Z")
#: After "the day after/before": nothing that could be its object.
_BARE_END = re.compile(_S + r"*(?:[,.;:!?)\u2014\u2013]|\Z)|" + _S + r"+(?:and|but)\b")
#: "the 17th", "the 19th of next month", "and 26th": found from the digits (a pattern that opens with a
#: character class is skipped through fast), the lead read back from there.
_ORDINAL = re.compile(
    r"[1-9][0-9]?(?:st|nd|rd|th)(?P<ofm>" + _S + r"+of" + _S + r"+(?P<rel>next|last|this)" + _S + r"+month)?(?![\w-])"
)
_ORDINAL_LEAD = re.compile(
    r"\b(?P<lead>(?i:on|by|until|till|for|from|since|before|after|through|and))" + _S + r"+(?P<the>the" + _S + r"+)?\Z"
)
#: What may follow a day of the month: the end, punctuation, or a word that starts no noun it would number.
_ORDINAL_END = re.compile(
    r"(?:\Z|" + _S + r"*[^\w\s]|" + _S + r"+(?:and|or|but|when|while|as|to|until|through|in|at|on|with|for"
    r"|from|after|before|the|a|an|he|she|they|it|we|I|is|was|will|would|are|were|has|had|have)\b)"
)
#: A word of time between the reference and the expression: a day the text counts from without dating it.
_TIME_WORD = re.compile(
    r"\b(?:days?|weeks?|months?|years?|nights?|mornings?|afternoons?|evenings?|hours?|weekends?|later|earlier)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(SENTENCE_END, re.IGNORECASE)


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _window_start(starts: list[int], pos: int) -> int:
    """The start of the sentence before the one holding ``pos`` (the reference's reach)."""
    i = 0
    while i + 1 < len(starts) and starts[i + 1] <= pos:
        i += 1
    return starts[max(0, i - 1)]


def _reference(done: list[Resolved], start: int, lo: int) -> Resolved | None:
    """The nearest resolved expression ending before ``start`` and starting at or after ``lo``."""
    for r in reversed(done):
        if r[1] <= start:
            return r if r[0] >= lo and r[4] is not None and r[5] is not None else None
    return None


#: A candidate: start, end, kind ("week", "step" or "ordinal"), and the step in days, the day of the month or
#: the month named ("next"/"last"/"this", or "" for none), the start of the text before a lead.
_Candidate = tuple[int, int, str, int, str]


def _phrase_ends(text: str, phrase: str) -> list[int]:
    """Where ``phrase`` starts in ``text`` as whole words."""
    out = []
    i = text.find(phrase)
    while i >= 0:
        j = i + len(phrase)
        if (i == 0 or not _WORD_GOES_ON.match(text, i - 1)) and not _WORD_GOES_ON.match(text, j):
            out.append(i)
        i = text.find(phrase, j)
    return out


def _the_phrases(text: str) -> list[tuple[int, str, str, int]]:
    """Where each phrase of :data:`_THE_PHRASES` starts, as whole words: one scan for all the phrases that
    "following" or "previous" lead, one per other phrase."""
    hits: list[tuple[int, str, str, int]] = []
    for lead, phrases in _LEADS.items():
        i = text.find(lead)
        while i >= 0:
            if i == 0 or not _WORD_GOES_ON.match(text, i - 1):
                for phrase, kind, step in phrases:
                    if text.startswith(phrase, i) and not _WORD_GOES_ON.match(text, i + len(phrase)):
                        hits.append((i, phrase, kind, step))
            i = text.find(lead, i + len(lead))
    for phrase, kind, step in _THE_PHRASES:
        if phrase.split(" ", 1)[0] + " " not in _LEADS:
            hits.extend((i, phrase, kind, step) for i in _phrase_ends(text, phrase))
    return hits


def _chain_candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    for i, phrase, kind, step in _the_phrases(text):
        the = _THE_BEFORE.search(text, max(0, i - 8), i)
        end = i + len(phrase)
        if the is None or (kind == "bare" and not _BARE_END.match(text, end)):
            continue
        if kind in ("month", "year") and _RANGE_END_BEFORE.search(text, max(0, the.start() - 10), the.start()):
            continue  # "from 2007 to the previous year": the year before the report's, not before 2007
        out.append((the.start(), end, kind if kind in ("week", "month", "year") else "step", step, ""))
    for unit in ("week", "month", "year") if "r that " in text else ():  # "later that", "earlier that"
        for i in _phrase_ends(text, "that " + unit):
            m = _REST_OF.search(text, max(0, i - 9), i)
            if m is not None:
                out.append((m.start(), i + 5 + len(unit), "rest " + unit, 1 if m["way"].lower() == "later" else -1, ""))
    for way, sign in (("later", 1), ("earlier", -1)):
        for i in _phrase_ends(text, way):
            c = _COUNT_BEFORE.search(text, max(0, i - 24), i)
            if c is None:
                continue
            n = int(c["n"]) if c["n"].isdigit() else NUMBER_WORDS[c["n"].lower()]
            days = n * 7 if c["unit"].startswith("week") else n
            if 1 <= days <= MAX_CHAIN_DAYS and (n == 1) == (c["unit"] in ("day", "week")):
                out.append((c.start(), i + len(way), "step", sign * days, ""))
    return out


def _ordinal_candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _ORDINAL.finditer(text):
        if m.start() > 0 and (_WORD_GOES_ON.match(text, m.start() - 1) or text[m.start() - 1] in ".,/:"):
            continue  # "121st", "1.5th"
        day = int(text[m.start() : m.start() + (2 if text[m.start() + 1].isdigit() else 1)])
        if day > 31 or not _ORDINAL_END.match(text, m.end()):
            continue  # "the 17th floor", "by the 21st century"
        lead = _ORDINAL_LEAD.search(text, max(0, m.start() - 12), m.start())
        if lead is None or (lead["the"] is None and lead["lead"].lower() != "and"):
            continue  # "on 17th" is rare; "and 26th" continues "the 25th"
        start = lead.start("the") if lead["the"] is not None else m.start()
        out.append((start, m.end(), "ordinal", day, m["rel"] or ""))
    return out


def _chain(text: str, c: _Candidate, ref: Resolved | None) -> Resolved | None:
    start, end, kind, step, _ = c
    if ref is None or _TIME_WORD.search(text, ref[1], start):
        return None
    ds, de = ref[4], ref[5]
    assert ds is not None and de is not None
    if kind == "week":
        if (de - ds).days > 6:
            return None
        lo, hi = week_span(de + timedelta(days=7))
        return start, end, "days", ref[3], lo, hi, ref[6]
    if kind in ("month", "year"):  # "the following month", "the previous year": of the reference's month or year
        if ds.year != de.year or (kind == "month" and ds.month != de.month):
            return None
        if kind == "year":
            lo, hi = year_span(ds.year + step)
        else:
            lo, hi = month_span(*shift_month(ds.year, ds.month, step))
        return start, end, kind, ref[3], lo, hi, ref[6]
    if ds != de:
        return None  # "held on 13-14 June and two days later": from which day?
    if kind.startswith("rest "):  # "later that week" after a Tuesday: Wednesday to Sunday
        unit = kind[5:]
        first, last = (
            week_span(ds)
            if unit == "week"
            else month_span(ds.year, ds.month)
            if unit == "month"
            else year_span(ds.year)
        )
        lo, hi = (ds + timedelta(days=1), last) if step > 0 else (first, ds - timedelta(days=1))
        return None if lo > hi else (start, end, "days", ref[3], lo, hi, ref[6])
    d = ds + timedelta(days=step)
    return start, end, "day", ref[3], d, d, ref[6]


def _ordinal(text: str, c: _Candidate, ref: Resolved | None, anchor: date | None) -> Resolved | None:
    s, end, _, day, rel = c
    res, anc = "relative", anchor
    if rel:
        if anchor is None:
            return None
        y, mo = shift_month(anchor.year, anchor.month, {"last": -1, "this": 0, "next": 1}[rel])
    elif ref is not None and ref[2] in ("day", "days", "month") and not _TIME_WORD.search(text, ref[1], s):
        ref_day = ref[5] if ref[2] != "month" else ref[4]
        assert ref_day is not None
        if ref[2] != "month" and day < ref_day.day:
            return None  # the next month's, or an earlier day of the same month?
        y, mo = ref_day.year, ref_day.month
        res, anc = ref[3], ref[6]
    elif anchor is not None:
        if future_cue(text, s) or future_after(text, end) or deadline_cue(text, s):
            y, mo = shift_month(anchor.year, anchor.month, 0 if day >= anchor.day else 1)
        elif past_cue(text, s):
            y, mo = shift_month(anchor.year, anchor.month, 0 if day <= anchor.day else -1)
        else:
            return None
    else:
        return None
    if day > calendar.monthrange(y, mo)[1]:
        return None
    d = date(y, mo, day)
    return s, end, "day", res, d, d, anc


def add_anchored(text: str, items: list[Resolved], anchor: date | None) -> list[Resolved]:
    """``items`` (in text order, without overlaps) with the expressions anchored on them added (see the
    module docs); an expression that overlaps one of ``items`` is not added."""
    found = _chain_candidates(text) + _ordinal_candidates(text)
    if not found:
        return items
    starts = _sentence_starts(text)
    done = list(items)
    for c in sorted(found):
        start, end = c[0], c[1]
        inside = [r for r in done if r[0] < end and start < r[1]]
        if inside and not (c[4] and all(start <= r[0] and r[1] <= end for r in inside)):
            continue  # overlaps a date read before ("the 19th of next month" holds "next month")
        ref = _reference(done, start, _window_start(starts, start))
        r = _chain(text, c, ref) if c[2] != "ordinal" else _ordinal(text, c, ref, anchor)
        if r is not None:
            done = [x for x in done if x not in inside]
            done.append(r)
            done.sort(key=lambda x: x[0])
    return done
