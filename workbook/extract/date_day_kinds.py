"""Named days that stand for a kind of day or a custom, not for one date: "Boxing Day is traditionally the busiest
day", "Black Friday has grown into a month-long event", "Harwick play every Boxing Day at home".

A holiday or shopping day (:mod:`workbook.extract.date_holidays`) names one date only when the text means one
year's: "Black Friday falls on 28 November", "sales on Boxing Day rose". Two grammatical shapes say the text
means the day as it comes back every year, and :func:`holiday_as_kind` leaves them out:

* "every"/"each" (or "every other") right before the name: "play every Boxing Day", "each Easter Monday";
* the name as the subject of a present-tense copula or perfect that describes it: "is", "are", "remains",
  "has", "have" followed by a frequency adverb ("traditionally", "usually", "typically", "often", "always",
  "generally", "normally", "still"), by "become"/"grown"/"long been", or by an article that opens a description
  ("is the busiest day", "remains a bank holiday", "is one of"). A name that is the subject of a verb that
  places it in time ("falls on", "is on", "was", "will be") keeps its date; so does one whose sentence names the
  year meant ("this year", "last year", a four-digit year) before its end.
"""

from __future__ import annotations

import re

from workbook.extract.date_words import S

__all__ = ["holiday_as_kind"]

_EVERY_BEFORE = re.compile(r"\b(?i:every|each)(?:" + S + r"+other)?" + S + r"+\Z")
_KIND_AFTER = re.compile(
    S
    + r"+(?:is|are|remains|remain|has|have)"
    + S
    + r"+(?:traditionally|usually|typically|often|always|generally|normally|still|become|grown|long|the|a|an|one)\b"
)
_SENTENCE_REST = re.compile(r"[^.!?\n]*")
_YEAR_NAMED = re.compile(r"\b(?:(?:this|last|next)" + S + r"+year|(?:19|20)[0-9]{2})\b", re.IGNORECASE)


def holiday_as_kind(text: str, start: int, end: int) -> bool:
    """Does the holiday name at ``text[start:end]`` stand for the day as a kind or a custom (see the module)?"""
    if _EVERY_BEFORE.search(text, max(0, start - 12), start):
        return True
    if not _KIND_AFTER.match(text, end):
        return False
    rest = _SENTENCE_REST.match(text, end)
    return rest is None or _YEAR_NAMED.search(text, end, rest.end()) is None
