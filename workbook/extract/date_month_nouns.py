"""A month written before a noun: "a June deadline", "the September cabinet", "the December concerts", "the
committee's January report", "the September attacks" (dates12).

Such a month has no preposition, so :mod:`workbook.extract.dates` leaves it out. It is read only when the
tense makes its year certain; otherwise it stays out ("never a wrong date"):

* The month follows an article or a possessive ("a", "the", "its", "the club's") and comes before a word in
  lower case that is no function word ("the March on Washington", "the May 4 rally", "the June Fourth
  Movement" stay out). "May" is read only before a deadline noun ("a May deadline": "the May government" is a
  name).
* A record or a superlative ("the coldest January on record", "the December record") is no date.
* Ahead: a future cue before the month in its clause (:func:`workbook.extract.date_tense.future_cue`), a deadline
  word or noun ("ahead of a June deadline"), or a future cue after the noun phrase ("A September product event
  is planned"): the next such month (the anchor's own month counts). A deadline noun outweighs a past verb
  before it ("told MPs that the March deadline would be met"); an earlier year in the text does not make it
  a narrative's past (:func:`noun_ahead`).
* Behind: a past verb before the month in its clause or after the noun phrase ("the September attacks had
  added urgency"): the most recent such month, read only when the sentence names its year ("the committee's
  January report, published on 14 January 2026") or the text names no other past year ("adopted in a December
  special session" beside "drawn in 2023" stays out: December 2023 or 2024?).
* Both cues or none ("the December concerts are sold out"): left out.
"""

from __future__ import annotations

import re
from datetime import date

from workbook.extract.date_relative import month_span, relative_match
from workbook.extract.date_tense import any_deadline, future_after, future_cue, past_cue
from workbook.extract.date_words import PAST_VERB, SENTENCE_END

__all__ = ["month_before_noun", "noun_ahead", "past_verb_after"]

Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

#: An article or a possessive right before the month.
_DETERMINER = re.compile(r"(?:\b(?:a|an|the|this|its|their|his|her|our)|['\u2019]s?)[^\S\n]+\Z", re.IGNORECASE)
_WORD = re.compile(r"[^\S\n]+([a-z][a-z-]*)")
#: Function words that end the noun phrase or show the month is no modifier.
_NOT_NOUN = frozenset(
    [
        "of",
        "and",
        "or",
        "to",
        "through",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "has",
        "have",
        "had",
        "in",
        "on",
        "at",
        "for",
        "by",
        "that",
        "which",
        "who",
        "the",
        "a",
        "an",
        "as",
        "than",
        "with",
        "from",
        "into",
        "until",
        "since",
        "be",
        "been",
        "being",
    ]
)
_DEADLINE_NOUNS = frozenset(("deadline", "deadlines", "cut-off", "cutoff", "target"))
#: A noun that makes the month a recurring trading season ("the January sales"), not a date.
_SEASON_NOUNS = frozenset(("sales",))
_RECORD = re.compile(r"\b(?:record|records)\b", re.IGNORECASE)
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:[a-z]+est|most|least)[^\S\n]+\Z", re.IGNORECASE)
_CLAUSE_AFTER = re.compile(r"[.,;:!?\n()\"\u201c\u201d]|\bbut\b|\band\b")
_PAST_AFTER = re.compile(r"\b(?:had|was|were)\b|" + PAST_VERB)
_PRESENT_AUX = re.compile(r"\b(?:is|are|be|been|being|am|get|gets)[^\S\n]+\Z", re.IGNORECASE)
#: A finite past verb right after the month ("the mid-year update in December showed"), not "followed by".
_PAST_NEXT = re.compile(r"[^\S\n]+(?:" + PAST_VERB + r")(?![^\S\n]+by\b)")
_YEAR = re.compile(r"(?<![\w.,/-])(?:19|20)[0-9]{2}(?![0-9])")
_SENTENCE = re.compile(SENTENCE_END, re.IGNORECASE)


def _noun_words(text: str, e: int) -> tuple[list[str], int]:
    """The words in lower case after the month (at most three, up to a function word) and where they end."""
    words: list[str] = []
    end = e
    for _ in range(3):
        m = _WORD.match(text, end)
        if m is None or m[1] in _NOT_NOUN:
            break
        words.append(m[1])
        end = m.end()
    return words, end


def _sentence_bounds(text: str, s: int) -> tuple[int, int]:
    lo = 0
    for m in _SENTENCE.finditer(text, max(0, s - 300), s):
        lo = m.end()
    hi_m = _SENTENCE.search(text, s)
    return lo, hi_m.start() if hi_m else len(text)


def month_before_noun(text: str, s: int, e: int, month: int, anchor: date | None) -> Resolved | None:
    """The month at ``text[s:e]`` (number ``month``) read as a modifier of a noun (see the module rules), or
    None when it is none or its year is not certain."""
    if anchor is None or not _DETERMINER.search(text, max(0, s - 8), s):
        return None
    if _SUPERLATIVE_BEFORE.search(text, max(0, s - 30), s - 1):
        return None
    words, np_end = _noun_words(text, e)
    if not words:
        return None
    if _SEASON_NOUNS & set(words):
        return None  # "the January sales" recur and start in December
    if month == 5 and not (_DEADLINE_NOUNS & set(words)):
        return None  # "the May government": a name
    lo, hi = _sentence_bounds(text, s)
    if "record" in words or _RECORD.search(text, np_end, min(hi, np_end + 30)):
        return None  # "the coldest January on record"
    cut = _CLAUSE_AFTER.search(text, np_end, hi)
    clause_end = cut.start() if cut else hi
    future_before = future_cue(text, s)
    deadline = bool(_DEADLINE_NOUNS & set(words))
    ahead = future_before or any_deadline(text, s) or deadline or future_after(text, np_end)
    past_after = any(
        not _PRESENT_AUX.search(text, max(0, m.start() - 8), m.start())
        for m in _PAST_AFTER.finditer(text, np_end, clause_end)
    )  # "had added", "was adopted"; not "are sold out", "will be reviewed"
    # a past verb before counts unless a future cue or a deadline noun governs ("told MPs that the March
    # deadline would be met"); one after the noun phrase always does ("the September attacks had added")
    behind = (not future_before and not deadline and past_cue(text, s)) or past_after
    if ahead == behind:
        return None
    if ahead:
        y = anchor.year + (month < anchor.month)
    else:
        y = anchor.year - (month > anchor.month)
        named = {int(m[0]) for m in _YEAR.finditer(text)}
        in_sentence = {int(m[0]) for m in _YEAR.finditer(text, lo, hi)}
        if y not in in_sentence and any(x != y and x <= anchor.year for x in named):
            return None
    return relative_match(s, e, "month", anchor, month_span(y, month))


def noun_ahead(text: str, e: int) -> bool:
    """Does the month ending at ``e`` modify a deadline noun or a noun phrase a future cue follows ("a June
    deadline", "the July cabinet will set out")? Such a reading is about what comes next, not a narrative's past
    (:func:`workbook.extract.date_context.drop_out_of_narrative` keeps it)."""
    words, np_end = _noun_words(text, e)
    return bool(words) and (bool(_DEADLINE_NOUNS & set(words)) or future_after(text, np_end))


def past_verb_after(text: str, end: int) -> bool:
    """Is the month ending at ``end`` the end of a subject whose verb is in the past ("the update in December
    showed receipts up", after "the budget will be handed down on 12 May, and")? Such a month is the last one,
    whatever future cue an earlier clause holds."""
    return _PAST_NEXT.match(text, end) is not None
