"""Military and other units named with a number, written whole (issue 12, round twenty-one).

Defence releases name units by an ordinal or a number and a head word: "the 37th Airlift Squadron", "No. 120
Squadron", "Escort Flotilla 1", and chain them with commas from the smallest to the largest ("2nd Battalion,
327th Infantry Regiment", "3rd Battalion, 504th Parachute Infantry Regiment, 82nd Airborne Division"). The
run rules read the words after the number and lost it ("Airlift Squadron"), and a chain came apart into its
last parts. One pass over a document's candidates (:func:`numbered_units`, before selection):

* an ordinal ("37th", "2nd") or "No." and a number before one to four capitalised words ending in a
  military unit's head word (:data:`MILITARY_HEADS`) is one organisation with its number;
* a unit's head word ("Flotilla", "Squadron", "Wing") and a number of one to three digits after it (no more
  digits, no decimal or thousands mark) is one organisation with it ("Escort Flotilla 1", "Fighter Squadron
  32");
* such units joined by a comma and a space, each after an ordinal, are one organisation.

What was read inside the span gives way; a candidate crossing its edge or a cued person inside leaves the
reading as it was. The pass runs only where an ordinal or "No." and a number stand before a capital, or a
unit's head word before a number (literal pre-checks).
"""

from __future__ import annotations

import re

from workbook.extract.entity_runs import NAMED, Candidate
from workbook.extract.org_names import UNIT_HEADS
from workbook.extract.place_org_extents import replace_inside

__all__ = ["MILITARY_HEADS", "numbered_units"]

#: Head words of military units: a number before one names the unit ("2nd Infantry Division"); before the
#: head of another body it names a session or a term ("8th Party Congress", "14th Supreme People's
#: Assembly", "79th UN General Assembly"), which stays the body it was read as.
MILITARY_HEADS: frozenset[str] = UNIT_HEADS | frozenset(
    {
        "battalion",
        "regiment",
        "brigade",
        "division",
        "corps",
        "fleet",
        "group",
        "company",
        "army",
        "command",
        "team",
        "force",
    }
)
_HEADS = MILITARY_HEADS
_CAP = r"[A-Z][\w'’&-]*"
#: An ordinal or "No." and a number, then capitalised words (the head is checked after).
_NUMBERED = re.compile(
    rf"(?<![\w.])(?:\d{{1,3}}(?:st|nd|rd|th)|No\.[ \t]?\d{{1,4}})[ \t]+({_CAP}(?:[ \t]+{_CAP}){{0,3}})(?![\w'’-])"
)
_NUMBERED_CHECK = re.compile(r"(?:\d(?:st|nd|rd|th)|No\.[ \t]?\d)[\w]*[ \t]+[A-Z]")
#: A unit's head word and a number after it: "Escort Flotilla 1".
_NUMBER_AFTER = re.compile(r"[ \t]+(\d{1,3})(?![\d\w]|[.,:]\d)")
#: The comma between two units of a chain.
_CHAIN = re.compile(r",[ \t]+")


def _unit_end(text: str, start: int, words_at: int, words: str) -> int | None:
    """The end of the longest run of ``words`` (at ``words_at``) ending in a head word, or None."""
    parts = words.split()
    for k in range(len(parts), 0, -1):
        if parts[k - 1].casefold() in _HEADS:
            pos = words_at
            for p in parts[:k]:
                pos = text.index(p, pos) + len(p)
            return pos
    return None


def numbered_units(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with the units of the module docstring read."""
    spans: list[tuple[int, int]] = []
    if _NUMBERED_CHECK.search(text):
        for m in _NUMBERED.finditer(text):
            end = _unit_end(text, m.start(), m.start(1), m.group(1))
            if end is not None:
                spans.append((m.start(), end))
    for c in cands:
        if c.type == "organization" and text[c.start : c.end].split()[-1].casefold() in UNIT_HEADS:
            after = _NUMBER_AFTER.match(text, c.end)
            if after is not None and not any(a <= c.start < b for a, b in spans):
                spans.append((c.start, after.end()))
    if not spans:
        return cands
    spans.sort()
    chained: list[tuple[int, int]] = []
    for a, b in spans:
        if chained and (gap := _CHAIN.match(text, chained[-1][1])) is not None and gap.end() == a:
            chained[-1] = (chained[-1][0], b)
        elif not chained or a >= chained[-1][1]:
            chained.append((a, b))
    out = cands
    for a, b in chained:
        name = " ".join(text[a:b].split())
        new = replace_inside(out, Candidate(a, b, "organization", NAMED, name))
        if new is not None:
            out = new
    return sorted(out, key=lambda c: c.start)
