"""People read from the shape of a list of people (issue 12, round nineteen).

Two rules over the chosen candidates of a document, each general to English lists of any publisher:

* *A cast list*: two or more items "Role – Actor" in a row, separated by semicolons ("Hamlet – Tom Avery;
  Ophelia – Rose Kinsella; Gertrude – Geneva Holt"), with a dash between spaces (en dash, em dash or
  hyphen), the role one to three capitalised words opening the item (after a semicolon, a colon, a
  line's start) and the actor two or three name words ending the item (before a semicolon, a full stop
  or a line's end), the last a family name (listed, or a word no list knows) or some stage's person.
  Both sides are people: the character and the actor. A weekday, a month or a place's or a body's word
  opening a side leaves the item out ("Friday – Sydney Harrow; Saturday – …" is a bill by day, "Arsenal
  – Chelsea; Everton – Spurs" has no person's name after the dash).
* *A place read as a given name in a list of people*: a one-word place of the gazetteer right before a
  family name (listed and no English word, or a word nothing knows) with no capitalised word after it is
  a person when the pair is a member of a list whose next or previous member is a person of two words
  or more ("Vienna Osei; Jordan Pike, Brooklyn Adeyemi", "co-authors Savannah Ruiz-Beltran (ETH Zurich),
  Hunter Ngata"): the members are separated by a comma, a semicolon or "and", a bracketed note after a
  member allowed. A list of places ("Paris, Lyon and Marseille"), a place before a body ("Vienna
  Philharmonic, Berlin Phil") and a town after a person ("Jo Derby, Austin Texas") stay what they were.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from workbook.extract.entity_bounds import PLACE_OPENERS, PLACE_TAILS
from workbook.extract.entity_runs import Candidate
from workbook.extract.person_words import (
    GazType,
    Kinds,
    cued_person,
    may_end_name,
    name_kind,
    name_word,
    replace_with_person,
)
from workbook.extract.vocabulary import FACILITY_HEADS, MONTHS, ORG_HEADS, STREET_WORDS, WEEKDAYS

__all__ = ["people_in_list_shapes"]

_WORD = r"[A-Z][A-Za-z\u00c0-\u024f'’]*[a-z\u00c0-\u024f](?:-[A-Z][A-Za-z\u00c0-\u024f'’]*[a-z\u00c0-\u024f])?"
#: The dashes between a role and its actor, each between spaces.
_DASHES = (" – ", " — ", " - ")
#: One item of a cast list around its dash: the role right before it, the actor right after it.
_ROLE = re.compile(rf"(?:^|(?<=[;:\n])|(?<=[;:][ \t]))({_WORD}(?:[ \t]+{_WORD}){{0,2}})\Z")
_ACTOR = re.compile(rf"({_WORD}(?:[ \t]+{_WORD}){{1,2}})[ \t]*(?=[;\n]|\.(?:\s|\Z)|\Z)")
#: The gap between two items of a cast list.
_ITEM_GAP = re.compile(r"[ \t]*;[ \t\n]*")
#: Words that make a side of a dash no person's name.
_NO_PERSON = MONTHS | WEEKDAYS | ORG_HEADS | FACILITY_HEADS | STREET_WORDS | PLACE_TAILS | PLACE_OPENERS
#: A list's separator between two members, a bracketed note after the first allowed ("(ETH Zurich), ").
_GAP = r"(?:[ \t]*\([^()\n]{1,60}\))?(?:[ \t]*,[ \t]+and[ \t]+|[ \t]*[,;][ \t]*|[ \t]+(?:and|&)[ \t]+)"
_MEMBER_GAP = re.compile(_GAP)
#: How every gap ends before its blanks.
_GAP_ENDS = (",", ";", "and", "&")
#: A member of two name words: the next one after a gap (it ends the list or another gap follows), or the
#: previous one before a gap (a list's start, a colon or another gap before it).
_END = r"(?=[ \t]*\(|[ \t]*[,;.:]|[ \t]+(?:and|&)[ \t]|[ \t]*\Z)"
_PAIR_AHEAD = re.compile(rf"{_WORD}[ \t]+{_WORD}{_END}")
_PAIR_BEHIND = re.compile(rf"(?:^|(?<=[,;:(\n])[ \t]*|(?<=[a-z])[ \t]+)({_WORD}[ \t]+{_WORD}){_GAP}\Z")


def people_in_list_shapes(
    text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: GazType
) -> None:
    """Cast lists and places read as given names in lists of people, in ``out`` in place (see the module
    docstring)."""
    if ";" in text and any(d in text for d in _DASHES):
        _cast_lists(text, out, names, common, gaz_type)
    if "," in text or ";" in text:
        _list_members(text, out, names, common, gaz_type)


def _side_words_ok(words: Sequence[str]) -> bool:
    return not any(w.casefold() in _NO_PERSON for w in words)


def _cast_lists(text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: GazType) -> None:
    items: list[tuple[int, int, int, int]] = []  # role start, role end, actor start, actor end
    person_spans = {(c.start, c.end) for c in out if c.type == "person"}
    for dash in sorted(_dash_places(text)):
        role = _ROLE.search(text, max(0, dash - 60), dash)
        actor = _ACTOR.match(text, dash + 3)
        if role is None or actor is None:
            continue
        role_words, actor_words = role.group(1).split(), actor.group(1).split()
        if not _side_words_ok(role_words) or not _side_words_ok(actor_words):
            continue
        if actor.span(1) not in person_spans and not _actor_shape(actor_words, names, common, gaz_type):
            continue
        items.append((role.start(1), role.end(1), actor.start(1), actor.end(1)))
    group: list[tuple[int, int, int, int]] = []
    for item in [*items, None]:
        if item is not None and group and _ITEM_GAP.fullmatch(text, group[-1][3], item[0]):
            group.append(item)
            continue
        if len(group) >= 2:
            for a, b, c, d in group:
                replace_with_person(out, a, b, cued_person(a, b, tuple(text[a:b].split())))
                replace_with_person(out, c, d, cued_person(c, d, tuple(text[c:d].split())))
        group = [item] if item is not None else []


def _dash_places(text: str) -> set[int]:
    places: set[int] = set()
    for dash in _DASHES:
        at = text.find(dash)
        while at >= 0:
            places.add(at)
            at = text.find(dash, at + 1)
    return places


def _actor_shape(words: Sequence[str], names: Kinds, common: frozenset[str], gaz_type: GazType) -> bool:
    """Two or three name words, the last a family name: "Tom Avery", "Israel Boateng"."""
    given = all(name_word(w, common) or "g" in name_kind(w, names) for w in words[:-1])
    return given and may_end_name(words[-1], names, common, gaz_type)


def _list_members(text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: GazType) -> None:
    for _ in range(2):  # a member read as a person names the next one
        people = [c for c in out if c.type == "person" and len(text[c.start : c.end].split()) >= 2]
        person_spans = {(c.start, c.end) for c in out if c.type == "person"}
        found: list[tuple[int, int]] = []
        for p in people:
            after = _MEMBER_GAP.match(text, p.end)
            if after is not None and (pair := _PAIR_AHEAD.match(text, after.end())) is not None:
                found.append(pair.span())
            before = (
                _PAIR_BEHIND.search(text, max(0, p.start - 120), p.start)
                if text[max(0, p.start - 120) : p.start].rstrip(" \t").endswith(_GAP_ENDS)
                else None  # every match ends with a gap: a comma, a semicolon, "and" or "&", then blanks
            )
            if before is not None:
                found.append(before.span(1))
        found = [span for span in found if span not in person_spans]
        if not found:
            return
        index = _SpanIndex(out)
        for a, b in found:
            first, last = text[a:b].split()
            inside = index.overlapping(a, b)
            if not _given_or_place(a, first, inside, names) or not may_end_name(last, names, common, gaz_type):
                continue
            if any(not _given_or_pair(c, a, a + len(first), b) for c in inside):
                continue  # only the given name, or the pair by the classifier, may have been read
            replace_with_person(out, a, b, cued_person(a, b, (first, last)))


class _SpanIndex:
    """The candidates overlapping a short span, found by their starts (a long candidate is checked apart)."""

    _LONG = 200

    def __init__(self, cands: Sequence[Candidate]) -> None:
        short = sorted((c for c in cands if c.end - c.start <= self._LONG), key=_start)
        self._short, self._starts = short, [c.start for c in short]
        self._long = [c for c in cands if c.end - c.start > self._LONG]

    def overlapping(self, a: int, b: int) -> list[Candidate]:
        lo, hi = bisect_left(self._starts, a - self._LONG), bisect_left(self._starts, b)
        return [c for c in (*self._short[lo:hi], *self._long) if c.start < b and a < c.end]


def _start(c: Candidate) -> int:
    return c.start


def _given_or_pair(c: Candidate, a: int, given_end: int, b: int) -> bool:
    """``c`` is the given name read alone, or the pair read by the classifier (no gazetteer entry)."""
    return (c.start, c.end) == (a, given_end) or ((c.start, c.end) == (a, b) and c.gaz is None)


def _given_or_place(a: int, word: str, inside: Sequence[Candidate], names: Kinds) -> bool:
    """``word`` at ``a`` is a listed given name (an everyday word too: "Rose") or a one-word place some stage
    read (``inside``: the candidates over the pair)."""
    if word.casefold() in _NO_PERSON:
        return False
    if "g" in name_kind(word, names):
        return True
    return any(c.start == a and c.end == a + len(word) and c.type == "place" for c in inside)
