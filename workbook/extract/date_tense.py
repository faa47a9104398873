"""Tense and the year of a date written without one: "on May 25", "in March", "on Thursday".

The year of a day and month is resolved against the anchor (the publication date) by
:func:`year_for`: the latest occurrence up to :data:`FUTURE_MARGIN_DAYS` ahead; never after the anchor
when a past-tense verb leads the clause ("took place in Seoul on September 5"); the next one on or
after the anchor after a future cue ("will", "is due to", "scheduled"...; a timetable in the present
tense: "the series starts on 14 March", "doors open on Saturday"; a decision that sets a later date:
"set sentencing for March 14", "adjourned the case until 3 May"), unless that is over half a year
ahead while the past reading is within a month. A past verb nearer the date than the cue governs it
("will go ahead despite the storm that closed the road on Monday"; "will launch on Wednesday, a
spokesperson said Tuesday"); a full stop of "a.m." or "Oct." ends no clause. A future cue inside a quotation that closes
before the date ('a statement "We will respond..." on Saturday') or after a past auxiliary ("was
scheduled to end on June 9") does not count: both pushed KCNA dates a year forward. A timetable verb
counts after a name ("City travel to Brighton on Saturday") or after a relative clause closed by a comma
("the women, who last toured India in 2018-19, arrive in Mumbai on Monday"); a cue may follow the date
("celebrations on Tuesday go ahead"); a deadline ("his lawyers have until the 15th") points ahead, and so
does an order's deadline ("ordered him to surrender by Jan. 9", "gave the defence until Friday") and a term set
by a modal or a present verb ("must submit proposals no later than June 30", "funds the government through
Dec. 20", "would last until June 2"), read from two months before the anchor; so is a deadline set by a
decision ("the council voted to close the depot by the end of January", "agreed to repay the loan by March 15")
or an extension ("extended the review through Feb. 20"). "would" is a future cue ("said it would close the store
on Saturday"; a day of saying written before it is handled by :mod:`workbook.extract.date_reported`), and a
weekday after a deadline word in a clause told in no past tense is the next one ("fans who buy tickets by Sunday
get a discount"). Past verbs are a word class (:data:`workbook.extract.date_words.PAST_VERB`: the irregular
pasts and "-ed" forms), not a list of the ones seen.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from workbook.extract.date_words import PAST_VERB, SENTENCE_END, TIMETABLE_RUNS, S

__all__ = [
    "DEADLINE_PAST_DAYS",
    "FUTURE_MARGIN_DAYS",
    "any_deadline",
    "before_clock_time",
    "deadline_cue",
    "future_after",
    "future_cue",
    "guess_year",
    "is_name",
    "nearest_occurrence",
    "open_deadline",
    "past_cue",
    "since_before",
    "term_deadline",
    "year_for",
]

_S = S
#: How far after the anchor a month-and-day without a year may land before the previous year is
#: chosen instead: news names upcoming events by date a few weeks ahead, past ones any time back.
FUTURE_MARGIN_DAYS = 30

#: Verbs of a timetable in the present: "the doors open on Saturday", "Rovers host the final on June 21", "schools
#: break up on Thursday" (an -s form, or a base form after a pronoun, a plural or a name: "City travel to Brighton
#: on Saturday"). Words often plural nouns ("launches", "hosts", "visits", "leaves") are not -s forms; "runs" only
#: right before its days (:data:`~workbook.extract.date_words.TIMETABLE_RUNS`).
_SCHEDULE_VERBS = (
    "open|start|begin|resume|reopen|restart|arrive|return|end|close|run|kick"
    + _S
    + "+off|take"
    + _S
    + "+place|go|play|face|host|meet|expire|travel|fly|depart|leave|break|sail|adjourn|convene|reconvene|sit"
)
_SCHEDULE_S_FORMS = (
    "opens|starts|begins|resumes|reopens|restarts|arrives|returns|ends|closes|kicks"
    + _S
    + "+off|takes"
    + _S
    + "+place|goes|plays|faces|meets|expires|travels|departs|flies|adjourns|convenes|reconvenes|sits|"
    + TIMETABLE_RUNS
)
#: The end of a plural before a base form ("Rovers host", "the doors open"), not of "as", "is", "his"...
_PLURAL_END = r"\Bs" + "".join(
    rf"(?<!\b{w})" for w in ("as", "is", "was", "has", "his", "its", "this", "us", "thus", "does")
)
#: An intention in the present tense: "expects it to peak in April", "plans to open the plant in March".
_INTENT = r"(?:expects?|plans?|intends?|aims?|hopes?)(?:" + _S + r"+[\w']+){0,4}?" + _S + r"+to"
#: A decision that puts a date after it: "set sentencing for March 14", "adjourned the case until 3 May".
_SET_FOR = (
    r"(?:set|adjourned|postponed|deferred|rescheduled|delayed|pushed"
    + _S
    + r"+back)(?:"
    + _S
    + r"+[\w']+){0,3}"
    + _S
    + r"+(?:for|until|till|to)"
)
#: A deadline in the present tense: "his lawyers have until the 15th", "the firm has until 3 May to reply".
_HAS_UNTIL = r"(?:has|have)" + _S + r"+until"
#: A deadline set by an order, a decision or an extension, whose date follows the act (recent news, but past;
#: see :func:`deadline_cue`): "ordered the defendant to surrender by Jan. 9", "gave the defence until Friday",
#: "the council voted to close the car park by the end of January", "the airline agreed to pay by March",
#: "regulators extended the review through Feb. 20", "the league prolonged the ban to Nov. 30".
_ORDER_VERBS = "ordered|told|asked|required|directed|instructed|given|gave|granted"
_DECISION_VERBS = "voted|agreed|decided|promised|pledged|vowed|resolved|undertook|offered|proposed|committed"
_EXTEND_VERBS = "extended|extends|extend|prolonged|prolongs|prolong|renewed|renews|renew"
_WORDS_0_4 = r"(?:" + _S + r"+[\w']+){0,4}?" + _S + r"+"
_DEADLINE = re.compile(
    r"\b(?:(?:"
    + _ORDER_VERBS
    + "|"
    + _DECISION_VERBS
    + r")"
    + _WORDS_0_4
    + r"to"
    + _S
    + r"+(?!(?:the|a|an|his|her|its|their|this|that|these|those|it|them|him|me|us)\b)[a-z]+(?:"
    + _S
    + r"+[\w']+){0,5}?"
    + _S
    + r"+(?:by|before|until|(?:no|not)"
    + _S
    + r"+later"
    + _S
    + r"+than)|(?:"
    + _ORDER_VERBS
    + r")"
    + _WORDS_0_4
    + r"until|(?:"
    + _EXTEND_VERBS
    + r")"
    + _WORDS_0_4
    + r"(?:until|till|through|to|into))"
    + _S
    + r"*\Z",
    re.IGNORECASE,
)
_HAD_BEFORE = re.compile(r"\bhad(?:" + _S + r"+(?:been|to" + _S + r"+be))?" + _S + r"+\Z", re.IGNORECASE)
#: The words :data:`_DEADLINE` ends with, right before the date: a cheap test before the long pattern.
_DEADLINE_WORD_END = re.compile(r"\b(?:by|before|until|till|through|to|into|than)" + _S + r"*\Z", re.IGNORECASE)
#: How far before the anchor an order's deadline may fall and still be read in the anchor's year: an order
#: reported now was given days or weeks ago; its deadline is rarely two months past.
DEADLINE_PAST_DAYS = 60
# A future cue in the clause before an expression: a cue, then no sentence end up to the expression.
_SENTENCE_END = re.compile(SENTENCE_END, re.IGNORECASE)
_FUTURE = re.compile(
    r"(?:\b(?:will|shall|won't|would(?!"
    + _S
    + r"+(?:have|not"
    + _S
    + r"+have)\b)|upcoming|forthcoming|scheduled|slated|expects?|anticipates?|predicts?|(?:is|are|am)"
    + _S
    + r"+(?:due|set|expected|going|planned|forecast|predicted|likely|poised|held|to"
    + _S
    + r"+be)|to"
    + _S
    + r"+be"
    + _S
    + r"+held|"
    + _SCHEDULE_S_FORMS
    + r"|"
    + _INTENT
    + r"|(?:they|we|you)"
    + _S
    + r"+(?:"
    + _SCHEDULE_VERBS
    + r")|"
    + _SET_FOR
    + r"|"
    + _HAS_UNTIL
    + r")\b|'ll\b|"
    + _PLURAL_END
    + _S
    + r"+(?:"
    + _SCHEDULE_VERBS
    + r")\b|\b(?-i:[A-Z][a-z]+"
    + _S
    + r"+(?:"
    + _SCHEDULE_VERBS
    + r"))\b)",
    re.IGNORECASE,
)
#: A timetable verb after a relative clause closed by a comma: "England's women, who last toured India in
#: 2018-19, arrive in Mumbai on Monday" (the cue is the verb, not the clause's past).
_VERB_AFTER_RELATIVE = re.compile(
    r"\b(?:who|which)\b[^.;!?\n]{1,100}?," + _S + r"+(?P<verb>(?:" + _SCHEDULE_VERBS + r")\b)", re.IGNORECASE
)
#: A future cue right after the expression: "celebrations on Tuesday go ahead as planned", "the vote on
#: Thursday will decide", "the hearing on 3 May is expected to last a day".
_FUTURE_AFTER = re.compile(
    _S
    + r"+(?:will|shall|(?:go|goes)"
    + _S
    + r"+ahead|(?:is|are)"
    + _S
    + r"+(?:due|set|expected|scheduled|planned|going))\b",
    re.IGNORECASE,
)
#: "the April 25 Hostel", "the May 1 Stadium": a day and month inside a name.
_NAME_AFTER = re.compile(_S + r"+[A-Z][a-z]")
_THE_BEFORE = re.compile(r"\bthe" + _S + r"+\Z")
#: A future cue is cancelled by a past auxiliary right before it ("was scheduled", "had been set").
_PAST_AUX = re.compile(r"\b(?:was|were|had|had" + _S + r"+been|been)" + _S + r"+\Z", re.IGNORECASE)
_CLAUSE_CUT = re.compile(r"[.,;:!?\n()\"\u201c\u201d]|\band\b|\bbut\b")
_PAST_VERB = re.compile(PAST_VERB)
#: A relative clause in the past between a future cue and the date: "will go ahead despite the storm that
#: closed the seafront on Monday" (the date belongs to the nearer, past verb).
_PAST_RELATIVE = re.compile(
    r"\b(?:that|which|who|where)" + _S + r"+(?:(?!(?:is|are|will|would|has|have|be)\b)[a-z]+" + _S + r"+)?" + PAST_VERB
)
#: A clause of what happened, opened by a conjunction between a future cue and the date: "the council will meet
#: after talks collapsed on Friday", "will appeal because the jury ruled on Monday" (not "as expected").
_PAST_SUBORDINATE = re.compile(
    r"\b(?:after|because|since|when|once)"
    + _S
    + r"+(?:(?!(?:will|would|is|are|be|has|have|to|shall|can|must)\b)[\w']+"
    + _S
    + r"+){0,3}?"
    + PAST_VERB
)
_AUX_BEFORE = re.compile(
    r"\b(?:be|been|being|is|are|am|was|were|has|have|had|get|gets|got)" + _S + r"+\Z", re.IGNORECASE
)
#: A modal of possibility, a future cue for a weekday only ("temperatures could reach 41C on Friday"): a day and
#: month after it may be a past's future in a history ("the government might collapse around June 10").
_MODAL = re.compile(r"\b(?:could|might)(?!" + _S + r"+(?:not|never|have|only|hardly|still)\b)\b")
_CLOSE_QUOTE = re.compile(r"[\u201d\u00bb]|\"(?=[^\w\s]|\s)")
#: A time of day written between a deadline word and its date: "until midday on Sunday", "through 8 p.m. Saturday",
#: "by 5pm on Friday", "until 2359 GMT on March 3", "till noon Tuesday".
_CLOCK_BEFORE = re.compile(
    r"(?:\b(?:midday|noon|midnight)|\b[0-9]{1,2}(?:[:.][0-9]{2})?"
    + _S
    + r"*(?i:[ap]\.m\.|[ap]m\b)|\b[0-9]{1,2}:[0-9]{2}|\b[0-9]{4}"
    + _S
    + r"*(?:GMT|UTC|[A-Z]{2,4}T|hours|hrs)\b)(?:"
    + _S
    + r"+(?:local"
    + _S
    + r"+time|GMT|UTC|[A-Z]{2,4}T))?(?:"
    + _S
    + r"+on)?"
    + _S
    + r"+\Z",
    re.IGNORECASE,
)


def before_clock_time(text: str, start: int) -> int:
    """Where the time of day written right before the date at ``start`` begins ("until midday on Sunday": the
    position of "midday"), or ``start`` when there is none: the deadline word before the time governs the date."""
    before = text[max(0, start - 6) : start]
    if not any(c.isdigit() for c in before) and not before.rstrip().endswith(("on", "noon", "night", "day", ".")):
        return start  # a cheap test: most dates have no time before them
    m = _CLOCK_BEFORE.search(text, max(0, start - 32), start)
    return start if m is None else m.start()


def future_cue(text: str, start: int, *, reported: bool = True, modal: bool = False) -> bool:
    """Is there a future cue ("will", "is due to"...) in the clause before ``start``? A cue does not count
    inside a quotation that closes before the expression (a title: '"We will respond..." on Saturday'),
    after a past auxiliary ("was scheduled to end on June 9"), or when a past verb nearer the date
    governs it (a relative clause: "will go ahead despite the storm that closed the road on Monday"; a clause of
    what happened: "will meet after talks collapsed on Friday";
    a later clause: "will launch on Wednesday, a spokesperson said Tuesday" or "... would only precipitate its
    ruin, warns Rodong Sinmun Saturday"). With ``reported`` False "would" is no cue: it speaks from the day of a
    past narrative, not from the publication date. With ``modal`` "could" and "might" are cues too (for a weekday,
    :data:`_MODAL`)."""
    lo = max(0, start - 120)
    for end in _SENTENCE_END.finditer(text, lo, start):  # a cue counts only in the sentence of the date
        lo = end.end()
    cues: Iterator[int] = (m.start() for m in _FUTURE.finditer(text, lo, start))
    if text.find("who", lo, start) >= 0 or text.find("which", lo, start) >= 0:
        relative = (m.start("verb") for m in _VERB_AFTER_RELATIVE.finditer(text, lo, start))
        cues = itertools.chain(cues, relative)
    if modal:
        cues = itertools.chain(cues, (m.start() for m in _MODAL.finditer(text, lo, start)))
    for cue in cues:
        if not reported and text.startswith(("would", "Would"), cue):
            continue  # a future seen from a past day ("would conduct an operation in July" in a history)
        if text[cue - 3 : cue] in ("to ", "be ") and text.startswith(("expect", "anticipate", "predict"), cue):
            continue  # "impossible to expect the advance of": no forecast of the writer's time
        if not (
            _CLOSE_QUOTE.search(text, cue, start)
            or _PAST_AUX.search(text, max(0, cue - 12), cue)
            or _PAST_RELATIVE.search(text, cue, start)
            or _PAST_SUBORDINATE.search(text, cue, start)
            or (_CLAUSE_CUT.search(text, cue, start) and (_finite_past(text, start) or _reporting_clause(text, start)))
        ):
            return True
    return False


def deadline_cue(text: str, start: int) -> bool:
    """Is the expression at ``start`` the deadline of an order ("ordered him to leave by", "given until")?"""
    if _DEADLINE_WORD_END.search(text, max(0, start - 12), start) is None:
        return False  # no deadline word right before the date: the long pattern need not run
    m = _DEADLINE.search(text, max(0, start - 90), start)
    # "had to be prolonged to April", "had ordered them to leave by May 3": a past before the past, not ahead
    return m is not None and _HAD_BEFORE.search(text, max(0, m.start() - 16), m.start()) is None


#: A deadline word right before a date: "until Friday", "through Dec. 20", "by Sunday", "no later than June 30".
_DEADLINE_PREP = re.compile(
    r"\b(?:until|till|through|by|(?:no|not)" + _S + r"+later" + _S + r"+than)(?:" + _S + r"+the)?" + _S + r"+\Z",
    re.IGNORECASE,
)
#: A modal, or a present verb of a term, that sets a deadline ahead: "must submit proposals no later than",
#: "would last until", "the measure funds the government through", "the offer runs until" (lower case only:
#: "May" is a month).
_TERM_VERB = re.compile(
    r"\b(?:would|must|should|could|can|may|might|(?:has|have|need|needs)"
    + _S
    + r"+to|runs|lasts|funds|covers|extends|remains|stays|applies|continues|(?:is|are)"
    + _S
    + r"+(?:valid|open|available))\b"
)


def term_deadline(text: str, start: int) -> bool:
    """Is the date at ``start`` the end of a term set by a modal or a present verb ("teams must submit proposals
    no later than June 30", "the stopgap signed in September funds the government through Dec. 20", "said the
    walkout would last until June 2")? A deadline word stands right before the date, and a modal or present
    verb of a term after the last past verb of its sentence (not "the ban lasted until", "had to leave by")."""
    if _DEADLINE_PREP.search(text, max(0, start - 25), start) is None:
        return False
    lo = max(0, start - 120)
    for end in _SENTENCE_END.finditer(text, lo, start):
        lo = end.end()
    last_term = -1
    for m in _TERM_VERB.finditer(text, lo, start):
        last_term = m.end()
    if last_term < 0:
        return False
    return not any(
        not _AUX_BEFORE.search(text, max(0, v.start() - 12), v.start())
        for v in _PAST_VERB.finditer(text, last_term, start)
    )


_SINCE = re.compile(r"\bsince" + _S + r"+(?:the" + _S + r"+)?\Z", re.IGNORECASE)


def since_before(text: str, start: int) -> bool:
    """Does "since" stand right before the date at ``start``? A date after it is never after the anchor, whatever
    the tense ("will sit again for the first time since the 2nd of July")."""
    return _SINCE.search(text, max(0, start - 12), start) is not None


def future_after(text: str, end: int) -> bool:
    """Does a future cue follow the expression ending at ``end`` ("celebrations on Tuesday go ahead")?"""
    return _FUTURE_AFTER.match(text, end) is not None


def _finite_past(text: str, start: int) -> bool:
    """Does the clause right before ``start`` hold a past verb that is no participle after an auxiliary
    ("said", not "to be finished")?"""
    lo = max(0, start - 80)
    clause = lo
    for m in _CLAUSE_CUT.finditer(text, lo, start):
        clause = m.end()
    return any(
        not _AUX_BEFORE.search(text, max(0, v.start() - 12), v.start())
        for v in _PAST_VERB.finditer(text, clause, start)
    )


#: A reporting verb in the present: "..., warns Rodong Sinmun Saturday", "..., the paper says Monday".
_REPORTING_PRESENT = re.compile(
    r"\b(?:says|warns|notes|stresses|claims|insists|adds|reports|writes|asserts|argues|declares|comments)\b"
)


def _reporting_clause(text: str, start: int) -> bool:
    """Does the clause right before ``start`` hold a reporting verb in the present ("warns Rodong Sinmun")?"""
    lo = max(0, start - 80)
    clause = lo
    for m in _CLAUSE_CUT.finditer(text, lo, start):
        clause = m.end()
    return _REPORTING_PRESENT.search(text, clause, start) is not None


def past_cue(text: str, start: int) -> bool:
    """Does the clause right before ``start`` hold a past-tense verb ("took place in Seoul on")?"""
    lo = max(0, start - 80)
    clause = lo
    for m in _CLAUSE_CUT.finditer(text, lo, start):
        clause = m.end()
    return _PAST_VERB.search(text, clause, start) is not None


def year_for(text: str, start: int, month: int, day: int, anchor: date, end: int | None = None) -> int:
    """The year of a month and day written without one, resolved against ``anchor``: the latest
    occurrence up to :data:`FUTURE_MARGIN_DAYS` ahead; on or before the anchor after a past-tense verb
    (never a year forward on a past-tense sentence) or "since"; the next one on or after the anchor after a
    future cue, unless that is more than half a year ahead while the past reading is within a month
    (then the nearest reading: reports often appear after the event they announced). The deadline of an
    order ("ordered him to surrender by Jan. 9") or of a term (:func:`term_deadline`: "must submit no later
    than June 30") is the first one at most :data:`DEADLINE_PAST_DAYS` before the anchor; a term's is never
    moved into the past by a past verb earlier in its sentence. No reading ahead is more than a year after the
    anchor ("would no longer be bound by the February 29 agreement" is no date four years on)."""
    if since_before(text, start):
        return guess_year(month, day, anchor, False, margin_days=0)
    year = guess_year(month, day, anchor, False)
    d = date(year, month, day)
    if d < shifted(anchor, -DEADLINE_PAST_DAYS) and any_deadline(text, start):
        ahead = guess_year(month, day, shifted(anchor, -DEADLINE_PAST_DAYS), True)
        return ahead if (date(ahead, month, day) - anchor).days <= 366 else year
    if d < anchor and (future_cue(text, start) or (end is not None and future_after(text, end))):
        fut = guess_year(month, day, anchor, True)
        ahead = (date(fut, month, day) - anchor).days
        if (ahead > 183 and (anchor - d).days <= 31) or ahead > 366:
            return year  # the nearest reading; never a year ahead ("the February 29 agreement" is no 2016 date)
        return fut
    if d > anchor and not future_cue(text, start) and past_cue(text, start) and not any_deadline(text, start):
        return guess_year(month, day, anchor, False, margin_days=0)  # a deadline is not moved by its order's verb
    return year


def any_deadline(text: str, start: int) -> bool:
    """Is the date at ``start`` the deadline of a term (:func:`term_deadline`) or of an order, a decision or an
    extension (:func:`deadline_cue`)? Such a date is read from :data:`DEADLINE_PAST_DAYS` before the anchor."""
    return term_deadline(text, start) or deadline_cue(text, start)


#: The deadline words of :func:`open_deadline` ("through Sunday" is no deadline in "as seen through Sunday visit").
_OPEN_DEADLINE_PREP = re.compile(
    r"\b(?:until|till|by|(?:no|not)" + _S + r"+later" + _S + r"+than)" + _S + r"+\Z", re.IGNORECASE
)


def open_deadline(text: str, start: int, end: int) -> bool:
    """Is the weekday at ``start`` a deadline in a clause told in no past tense ("shoppers who buy a heater by
    Sunday can return it", "entries close; send yours by Friday")? A deadline word stands right before it and
    no finite past verb in its clause before it nor in its sentence after it ("the rebels had taken the town by
    Sunday", "by Sunday, the toll had risen")."""
    if _OPEN_DEADLINE_PREP.search(text, max(0, start - 25), start) is None or _finite_past(text, start):
        return False
    stop = _SENTENCE_END.search(text, end, end + 100)
    tail = text[end : stop.start() if stop else end + 100]
    return _PAST_VERB.search(tail) is None


def shifted(d: date, days: int) -> date:
    """``d`` moved by ``days``, held inside the calendar (an anchor of 9999-12-31 plus a margin is
    9999-12-31, not an OverflowError)."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def is_name(text: str, start: int, end: int) -> bool:
    """Is the day and month ``text[start:end]`` part of a name ("the April 25 Hostel")?"""
    return bool(_THE_BEFORE.search(text, max(0, start - 5), start) and _NAME_AFTER.match(text, end))


def guess_year(month: int, day: int, anchor: date, future: bool, margin_days: int = FUTURE_MARGIN_DAYS) -> int:
    """The year for a month and day given without one (see the module rules); ValueError if none."""
    limit = shifted(anchor, margin_days)
    years = range(anchor.year - 1, anchor.year + 9) if future else range(anchor.year + 1, anchor.year - 9, -1)
    for y in years:
        if not 1 <= y <= 9999 or ((month, day) == (2, 29) and not calendar.isleap(y)):
            continue
        d = date(y, month, day)  # ValueError for a day the month never has ("February 30")
        if (d >= anchor) if future else (d <= limit):
            return y
    raise ValueError("no year fits")


def nearest_occurrence(
    text: str, start: int, anchor: date, date_in: Callable[[int], date], end: int | None = None
) -> date | None:
    """The occurrence of a yearly day whose date in year ``y`` is ``date_in(y)`` (a movable feast such as
    Easter, or a fixed day) that the text means, by the rules of :func:`year_for`; None when no year near
    the anchor has it."""
    days = []
    for y in range(max(1, anchor.year - 9), min(9999, anchor.year + 9) + 1):
        try:
            days.append(date_in(y))
        except ValueError:  # February 29 in a common year
            continue
    past = [d for d in days if d <= shifted(anchor, FUTURE_MARGIN_DAYS)]
    if not past:
        return None
    d = past[-1]
    if d < shifted(anchor, -DEADLINE_PAST_DAYS) and deadline_cue(text, start):
        return next((x for x in days if x >= shifted(anchor, -DEADLINE_PAST_DAYS)), None)
    if d < anchor and (future_cue(text, start) or (end is not None and future_after(text, end))):
        fut = next((x for x in days if x >= anchor), None)
        if fut is None or ((fut - anchor).days > 183 and (anchor - d).days <= 31):
            return d
        return fut
    if d > anchor and not future_cue(text, start) and past_cue(text, start):
        before = [x for x in days if x <= anchor]
        return before[-1] if before else None
    return d
