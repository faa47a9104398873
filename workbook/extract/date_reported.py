"""Dates said by someone else, on another day: titles, quoted speeches and older documents.

:mod:`workbook.extract.dates` reads every expression against the publication date. Three kinds of text
speak from another time, and :func:`adjust_reported` reads them again (or leaves them out: no date is
better than a wrong one):

* **Titles and dated names.** A date inside a quoted title ("the song 'Snow Is Falling on New Year's Day'",
  "author of 'The Long Winter of 1998'": a quoted passage of at most twelve words whose words of four
  letters or more are all capitalised) or a day and month naming a thing ("the Sept. 11 commission", "the
  May 4 movement", "the June 4 crackdown", "the June 15 joint declaration", "the September 19 military
  agreement": a yearless day and month right before a noun of :data:`DATED_NAME_NOUNS`, or one or two words
  before it) is not the date of anything the text reports: left out.
* **A quoted speech given on another day.** "yesterday", "today", "tonight", "this morning", "last night"
  and "tomorrow" inside a quotation are counted from the day the words were said, when the text dates the
  speech: "In a speech on Friday that was published on Sunday, the governor said: 'today ...'" (Friday),
  "the coach said on Tuesday: 'We trained yesterday'" (Monday), "'We won yesterday,' the coach said on
  Monday". The speech's day is a day-date after a speaking word ("speech", "address", "interview",
  "said", "told", "recorded", ...: :data:`SPEAKING`) with no publishing word ("released", "published",
  "broadcast", ...) between them, in the quote's sentence or the sentence before it, at most 14 days
  before the publication date.
* **An older document.** "A 2019 report said the plant opened last year", "According to a 2016 audit, the
  bridge was repaired last year", "the council's 2018 study warned that it would need new cables next
  year", "In 2019, the minister said the plant opened last year": "last/this/next year" after a dated
  document (a year before a noun of :data:`DOCUMENT_NOUNS`) or after the speaking verb of a sentence that
  opens with "In <year>," is counted from that year (2018, 2015, 2019, 2018); any other expression read
  against the publication date there ("last spring", "in March", "last week") is left out: the document's
  day within its year is unknown.
* **A reported future.** "said on Monday that its chief executive would step down on Friday" in a
  Thursday report: a weekday after "would" / "was due to" / "was set to" (:data:`REPORTED_FUTURE`) that
  the publication date would put on or before the day the words were said, or over a week after a day of
  saying that is not after publication ("would" is a future cue: "said on Monday that the match would be
  replayed on Wednesday" in a Thursday report is the day before it), is the first such weekday after that day;
  a day after publication is no day of saying ("extended its offer through Nov. 30 and said it would close the
  store on Saturday").

:func:`find_document_years` finds the document's year itself ("a 2019 report", "the regulator's 2021
review"), which the bare-year rule of :mod:`workbook.extract.dates` does not read after "a" or "'s".
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from workbook.extract.date_words import SENTENCE_END, WEEKDAYS, S

__all__ = [
    "DATED_NAME_NOUNS",
    "DOCUMENT_NOUNS",
    "REPORTED_FUTURE",
    "SPEAKING",
    "adjust_reported",
    "enclosing_quote",
    "find_document_years",
]

Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

#: Nouns a dated document is named by: "a 2019 report", "the council's 2018 study".
DOCUMENT_NOUNS: tuple[str, ...] = (
    "report",
    "review",
    "study",
    "audit",
    "paper",
    "survey",
    "census",
    "assessment",
    "inquiry",
    "memo",
    "memorandum",
    "letter",
    "article",
    "analysis",
    "evaluation",
    "inspection",
    "investigation",
    "interview",
    "book",
    "briefing",
    "statement",
    "speech",
    "testimony",
    "filing",
    "cable",
    "email",
    "e-mail",
)
#: Nouns a day and month can name a thing with: "the Sept. 11 commission", "the May 4 movement".
DATED_NAME_NOUNS: tuple[str, ...] = (
    "commission",
    "attack",
    "attacks",
    "attackers",
    "hijackers",
    "movement",
    "uprising",
    "revolution",
    "massacre",
    "incident",
    "riot",
    "riots",
    "rioters",
    "agreement",
    "accord",
    "accords",
    "declaration",
    "crackdown",
    "coup",
    "memorial",
    "museum",
    "victims",
)
#: Words that say words were spoken or written: the day after them is the day of the speech.
SPEAKING = (
    r"speech|address|remarks|interview|briefing|testimony|statement|lecture|sermon|hearing|podcast|"
    r"said|says|told|spoke|speaking|recorded|wrote|added|declared|announced"
)
#: Words that say the speech reached the public later: the day after them is not the speech's.
_PUBLISHING = r"released|published|broadcast|aired|posted|issued|printed|reported|shown|screened|made public"
#: A future said in the past: the weekday after it comes after the day it was said.
REPORTED_FUTURE = (
    r"would|(?:was|were)" + S + r"+(?:due|set|expected|scheduled|going|planning|about)" + S + r"+to|"
    r"(?:planned|intended|promised|vowed|pledged)" + S + r"+to"
)

_SENTENCE = re.compile(SENTENCE_END, re.IGNORECASE)
_DOC = "|".join(DOCUMENT_NOUNS)
#: Words that may stand between a document's year and its noun: "its 2023 annual report".
_DOC_ADJ = (
    r"annual|final|interim|internal|official|confidential|classified|independent|government|federal|draft|"
    r"leaked|secret|special|national|joint|public|landmark|quarterly|scientific|medical|safety|court"
)
#: A year before a document's noun: "2019 report", "2023 annual report" (what stands before the year is
#: checked apart). It opens with a character class, so that the engine skips fast to the digits.
_DOCUMENT_YEAR = re.compile(r"[12][0-9]{3}" + S + r"+(?:(?:" + _DOC_ADJ + r")" + S + r"+){0,2}(?:" + _DOC + r")s?\b")
_NOT_BEFORE_YEAR = frozenset("0123456789.,/-_" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
#: What stands before a document's year: "a", "an", "the", "its", "their", "his", "her" or a possessive.
_DOCUMENT_LEAD = re.compile(r"(?:\b(?i:an?|the|its|their|his|her)|[\w.]['\u2019]s?)" + S + r"+\Z")
_SAID_AFTER = re.compile(
    r"\b(?:said|says|found|finds|warned|concluded|noted|stated|showed|shows|reported|estimated|predicted|"
    r"recommended|argued|claimed|suggested|described|wrote|added|recorded|observed|forecast)\b"
)
#: A sentence that opens with its year: "In 2019, the minister said ...".
_IN_YEAR = re.compile(r"In" + S + r"+(?P<yr>1[89][0-9]{2}|20[0-9]{2}),")
_ACCORDING = re.compile(r"\b[Aa]ccording" + S + r"+to" + S + r"+(?:[\w.'\u2019-]+" + S + r"+){0,3}\Z")
#: A speaking word right before a date: "said on", "In a speech on", "address to parliament on", "told
#: Reuters on", "said Tuesday".
_SPEAKING_LEAD = re.compile(
    r"\b(?i:"
    + SPEAKING
    + r")(?:"
    + S
    + r"+(?i:to|before|at|in|with)"
    + S
    + r"+(?:the"
    + S
    + r"+)?[\w'\u2019.-]+(?:"
    + S
    + r"+[\w'\u2019.-]+)?|"
    + S
    + r"+(?:reporters|journalists|parliament|lawmakers|the"
    + S
    + r"+press|[A-Z][\w.'\u2019-]*(?:"
    + S
    + r"+[A-Z][\w.'\u2019-]*)?))?,?"
    + S
    + r"+(?:(?:on|last|this)"
    + S
    + r"+)?\Z"
)
_PUBLISHING_RE = re.compile(r"\b(?:" + _PUBLISHING + r")\b", re.IGNORECASE)
_REPORTED_FUTURE_RE = re.compile(r"\b(?:" + REPORTED_FUTURE + r")\b")
#: The noun of a dated name, right after the day and month or after one or two modifiers ("the June 15 joint
#: declaration", "the February 29 DPRK-U.S. agreement", "the Sept. 11 terror attacks").
_DATED_NAME = re.compile(r"(?:" + S + r"+[\w.'-]+){0,2}?" + S + r"+(?:" + "|".join(DATED_NAME_NOUNS) + r")\b")
_YEARLESS_DAY = re.compile(
    r"(?:[A-Z][a-z]+\.?" + S + r"+[0-9]{1,2}|[0-9]{1,2}(?:st|nd|rd|th)?" + S + r"+[A-Z][a-z]+\.?)\Z"
)
_OPENING_SINGLE = re.compile(r"(?<!\w)['\u2018](?=\w)")
_CLOSING_SINGLE = re.compile(r"(?<=[\w.,!?])['\u2019](?!\w)")
_THE_BEFORE = re.compile(r"\b(?i:the)" + S + r"+\Z")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
_DAY_WORDS = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "this morning": 0, "tomorrow": 1}
_YEAR_WORDS = {"last year": -1, "this year": 0, "next year": 1}
#: How far (characters) a quotation mark is looked for on each side of an expression.
QUOTE_REACH = 400
#: How many days before the publication date a dated speech may be.
SPEECH_REACH_DAYS = 14


def enclosing_quote(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the content of the passage in quotation marks ("...", “...”, '...', ‘...’) that holds
    ``text[start:end]``, within its line (at most :data:`QUOTE_REACH` characters each side), or None; a
    single mark inside a word ("minister's") opens or closes none."""
    lo = max(text.rfind("\n", 0, start) + 1, start - QUOTE_REACH)
    hi = text.find("\n", end)
    hi = min(len(text) if hi < 0 else hi, end + QUOTE_REACH)
    straight = text.count('"', lo, start)
    if straight % 2 == 1:
        close = text.find('"', end, hi)
        if close >= 0:
            return text.rfind('"', lo, start) + 1, close
    curly = text.rfind("\u201c", lo, start)
    if curly >= 0 and text.find("\u201d", curly, start) < 0:
        close = text.find("\u201d", end, hi)
        if close >= 0:
            return curly + 1, close
    if "'" in text[lo:hi] or "\u2018" in text[lo:hi] or "\u2019" in text[lo:hi]:
        opens = [m.end() for m in _OPENING_SINGLE.finditer(text, lo, start + 1)]
        if opens and not _CLOSING_SINGLE.search(text, opens[-1], start):
            close_m = _CLOSING_SINGLE.search(text, end, hi)
            if close_m is not None:
                return opens[-1], close_m.start()
    return None


def _is_title(passage: str) -> bool:
    words = _TITLE_WORD.findall(passage)
    if not 2 <= len(words) <= 12 or not words[0][0].isupper() or passage.rstrip()[-1:] in ".,;":
        return False
    return all(w[0].isupper() or len(w) < 4 for w in words)


@functools.lru_cache(maxsize=4)
def _document_years(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start of the year, end of the document's noun, year) of each dated document ("a 2019 report"). Both
    :func:`find_document_years` and the reading of older documents ask for the same text, one after the other:
    the answer is kept for the last few texts (a string hashes once)."""
    out = []
    for m in _DOCUMENT_YEAR.finditer(text):
        s = m.start()
        year = int(text[s : s + 4])
        lead_ok = s == 0 or text[s - 1] not in _NOT_BEFORE_YEAR
        if lead_ok and 1800 <= year <= 2099 and _DOCUMENT_LEAD.search(text, max(0, s - 8), s):
            out.append((s, m.end(), year))
    return tuple(out)


def find_document_years(text: str) -> list[Resolved]:
    """The year of a dated document after "a", "an", "its" or a possessive: "a 2019 report", "the
    regulator's 2021 review" (the year only)."""
    out: list[Resolved] = []
    for start, _end, y in _document_years(text):
        out.append((start, start + 4, "year", "absolute", date(y, 1, 1), date(y, 12, 31), None))
    return out


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - 400)
    start = lo
    for m in _SENTENCE.finditer(text, lo, pos):
        start = m.end()
    return start


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE.search(text, pos, min(len(text), pos + 400))
    return m.start() if m else min(len(text), pos + 400)


def _speech_day(text: str, q_start: int, q_end: int, dated: list[Resolved], anchor: date) -> tuple[bool, date | None]:
    """(dated, day): whether the text dates the quoted words (see the module rules: the last dated speaking
    clause before the quote in its sentence or the one before, else the first one after it in its
    sentence) and the day, or None when that date is no single day within reach ("said last week")."""
    lo = _sentence_start(text, max(0, _sentence_start(text, q_start) - 1))
    hi = _sentence_end(text, q_end + 1)
    before_quote: tuple[bool, date | None] = (False, None)
    for s, e, _prec, _res, ds, de, _anc in dated:
        if e <= lo or s >= hi or ds is None or q_start <= s < q_end:
            continue
        lead = text[max(lo, s - 80) : s]
        if not _SPEAKING_LEAD.search(lead) or _PUBLISHING_RE.search(lead):
            continue
        within = ds == de and anchor - timedelta(days=SPEECH_REACH_DAYS) <= ds <= anchor
        found = (True, ds if within else None)
        if s < q_start:
            before_quote = found
        else:
            return before_quote if before_quote[0] else found
    return before_quote


def _reanchor_speech(text: str, kept: list[Resolved], anchor: date) -> list[Resolved]:
    dated = [r for r in kept if r[4] is not None]
    out: list[Resolved] = []
    for r in kept:
        s, e = r[0], r[1]
        shift = _DAY_WORDS.get(text[s:e].lower()) if r[3] == "relative" else None
        quote = enclosing_quote(text, s, e) if shift is not None else None
        if shift is not None and quote is not None:
            known, spoken = _speech_day(text, quote[0], quote[1], [d for d in dated if d is not r], anchor)
            if known and spoken is None:
                continue  # "'We signed it yesterday,' he said last week": which day is unknown
            if spoken is not None and spoken != anchor:
                d = spoken + timedelta(days=shift)
                r = (s, e, r[2], r[3], d, d, spoken)
        out.append(r)
    return out


def _drop_titles(text: str, kept: list[Resolved]) -> list[Resolved]:
    out = []
    marks = any(c in text for c in "'\"\u201c\u2018")
    for r in kept:
        s, e = r[0], r[1]
        quote = enclosing_quote(text, s, e) if marks else None
        if quote is not None and _is_title(text[quote[0] : quote[1]]):
            continue
        if (
            r[2] == "day"
            and _YEARLESS_DAY.search(text[s:e])
            and _DATED_NAME.match(text, e)
            and _THE_BEFORE.search(text, max(0, s - 6), s)
        ):
            continue
        out.append(r)
    return out


def _reanchor_documents(text: str, kept: list[Resolved]) -> list[Resolved]:
    if not any(r[3] == "relative" for r in kept):
        return kept
    spans: list[tuple[int, int, int]] = []  # (after the document noun, sentence end, document year)
    for m in _IN_YEAR.finditer(text):  # "In 2019, the minister said the plant opened last year"
        said = _SAID_AFTER.search(text, m.end(), _sentence_end(text, m.end()))
        if said is not None and not text[_sentence_start(text, m.start() + 1) : m.start()].strip():
            spans.append((said.end(), _sentence_end(text, said.end()), int(m["yr"])))
    for start, noun_end, year in _document_years(text):
        end = _sentence_end(text, noun_end)
        said = _SAID_AFTER.search(text, noun_end, end)
        according = _ACCORDING.search(text, max(0, start - 50), start)
        if according is not None:
            spans.append((noun_end, end, year))
        elif said is not None:
            spans.append((said.end(), end, year))
    if not spans:
        return kept
    out = []
    for r in kept:
        s, e = r[0], r[1]
        doc = next((y for a, b, y in spans if a <= s and e <= b), None)
        if doc is not None and r[3] == "relative":
            shift = _YEAR_WORDS.get(text[s:e].lower())
            if shift is None:
                continue  # "last spring" in a 2021 review: which spring is unknown
            y = doc + shift
            r = (s, e, "year", "relative", date(y, 1, 1), date(y, 12, 31), date(y - shift, 1, 1))
        out.append(r)
    return out


def _reported_future(text: str, kept: list[Resolved]) -> list[Resolved]:
    out: list[Resolved] = []
    for i, r in enumerate(kept):
        s, e, _prec, res, ds = r[0], r[1], r[2], r[3], r[4]
        word = text[s:e].lower()
        if res == "relative" and ds is not None and word in WEEKDAYS and i > 0:
            lo = _sentence_start(text, s)
            said = next(
                (
                    p
                    for p in reversed(kept[:i])
                    if p[0] >= lo
                    and p[2] == "day"
                    and p[4] is not None
                    and p[4] == p[5]
                    and _REPORTED_FUTURE_RE.search(text, p[1], s)
                ),
                None,
            )
            if (
                said is not None
                and said[4] is not None
                and r[6] is not None
                and said[4] <= r[6]  # a day after publication is no day of saying ("extended through Nov. 30")
                # before the day it was said, or over a week after it (a "would" read ahead from publication)
                and (ds <= said[4] or (ds - said[4]).days > 7)
            ):
                wd = WEEKDAYS.index(word)
                d = said[4] + timedelta(days=(wd - said[4].weekday()) % 7 or 7)
                r = (s, e, r[2], res, d, d, r[6])
        out.append(r)
    return out


def adjust_reported(text: str, kept: list[Resolved], anchor: date | None) -> list[Resolved]:
    """``kept`` (in text order) with titles and dated names left out and the expressions of quoted
    speeches, older documents and reported futures read from the day they were said (module rules)."""
    kept = _drop_titles(text, kept)
    if anchor is None:
        return kept
    return _reported_future(text, _reanchor_documents(text, _reanchor_speech(text, kept, anchor)))
