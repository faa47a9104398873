"""Shops and firms named by a possessive alone (issue 12, round nineteen).

"theft from Sainsbury's;", "a job at McDonald's in Leeds", "queues outside Morrison's.": a capitalised
word and "'s" with no noun after it (a punctuation mark, the text's end, or a preposition of place:
"in", "on", "at", "near") after "from", "at", "outside", "inside", "near" or "into" is the name of a shop or a
firm, written with its possessive, never a person. A listed given name ("at Mary's", "from John's": a
home), a weekday or a month ("from Monday's.") and a word some stage read as anything but a person are
left alone; a possessive before a noun ("from Sainsbury's profits") is a person's or a firm's and also
left alone.
"""

from __future__ import annotations

import re

from workbook.extract.entity_runs import NAMED, Candidate
from workbook.extract.person_words import Kinds, name_kind
from workbook.extract.vocabulary import MONTHS, WEEKDAYS

__all__ = ["shops_by_possessive"]

_BEFORE = re.compile(r"(?<![\w'’-])(?:from|at|outside|inside|near|into)[ \t]+([A-Z][A-Za-z\u00c0-\u024f'’-]*)\Z")
_NO_NOUN_AFTER = re.compile(r"[ \t]*(?:[,;.:)!?]|\Z)|[ \t]+(?:in|on|at|near)[ \t]")
_NOT_SHOPS = MONTHS | WEEKDAYS


def shops_by_possessive(text: str, out: list[Candidate], names: Kinds) -> None:
    """The shops named by a possessive alone, as organisations in ``out`` in place (see the module docstring)."""
    for mark in ("'s", "’s"):
        at = text.find(mark)
        while at >= 0:
            end = at + 2
            before = _BEFORE.search(text, max(0, at - 40), at)
            if before is not None and _NO_NOUN_AFTER.match(text, end) is not None:
                _as_shop(text, out, names, before.start(1), end)
            at = text.find(mark, end)


def _as_shop(text: str, out: list[Candidate], names: Kinds, a: int, b: int) -> None:
    word = text[a : b - 2]
    if "g" in name_kind(word, names) or word.casefold() in _NOT_SHOPS:
        return
    inside = [k for k, c in enumerate(out) if c.start < b and a < c.end]
    if any(out[k].type != "person" or out[k].start != a or out[k].end > b for k in inside):
        return
    strength = max((out[k].strength for k in inside), default=NAMED)
    for k in reversed(inside):
        del out[k]
    out.append(Candidate(a, b, "organization", strength, text[a:b]))
