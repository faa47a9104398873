"""Organisations longer than what was read inside them (issue 12, round sixteen).

Two passes over one document's candidates (both stages', before selection), after
:mod:`workbook.extract.place_org_extents`:

* :func:`place_inside_org`: a place the gazetteer knows inside a longer capitalised run that ends in
  an organisation's head word ("London Stock Exchange", "New York Stock Exchange", "Sheffield
  Hospitals Charity") is that organisation, not the place, when the run's other words are no place
  and no person was read there; so is a street read as a place before such words ("Great Ormond
  Street Hospital Charity", "Wall Street Journal");
* :func:`and_inside_org`: "and" between two capitalised words inside one name that a head word ends
  ("Scottish Fire and Rescue Service", "Department of Health and Human Services", "Office of Science
  and Technology Policy"). The part before "and" must not be a whole name itself: no head word or
  plural last ("Greater Manchester Police and Merseyside Police", "Royal Marines and Special
  Forces"), no place inside ("University of Michigan and Ohio State University", "Leeds and Bradford
  Council"), no possessive ("... and Ecuador's National Institute"); and it is two capitalised words
  or more, or a head word and "of" before a name ("Department of Health").
"""

from __future__ import annotations

import re

from workbook.extract.entity_runs import NAMED, Candidate
from workbook.extract.place_org_extents import replace_inside
from workbook.extract.shared_scans import capital_matches
from workbook.extract.unit_names import numbered_units
from workbook.extract.vocabulary import FACILITY_HEADS, MONTHS, NEVER_NAME_START, ORG_HEADS, STREET_WORDS, WEEKDAYS

__all__ = ["ORG_END_WORDS", "and_inside_org", "longer_org_names", "not_a_name_word", "place_inside_org"]

#: Last words of an organisation's name: the head words, and a few that end names only in Title Case
#: ("Stock Exchange", "Hospitals Charity", "Memorial Trust", "Philharmonic Orchestra").
ORG_END_WORDS: frozenset[str] = ORG_HEADS | frozenset({"exchange", "charity", "trust", "chamber", "orchestra"})

_CAP_WORD = r"[A-Z][\w'’&-]*"
_RUN_BEFORE = re.compile(rf"((?:{_CAP_WORD}[ \t]){{1,3}})\Z")
_RUN_AFTER = re.compile(rf"(?:[ \t]{_CAP_WORD}){{1,4}}(?![\w'’-])")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_BLANKS = re.compile(r"[ \t]*")


def not_a_name_word(word: str) -> bool:
    """A word no name is made of: one that never starts a name, a month or a weekday."""
    low = word.casefold()
    return low in NEVER_NAME_START or low in MONTHS or low in WEEKDAYS


def _no_place_or_person(cands: list[Candidate], start: int, end: int, keep: Candidate | None) -> bool:
    return not any(
        c is not keep
        and c.start < end
        and c.end > start
        and (c.person is not None or c.type == "person" or (c.gaz is not None and c.type == "place"))
        for c in cands
    )


def _street(text: str, c: Candidate) -> bool:
    words = _WORD.findall(text[c.start : c.end])
    return len(words) >= 2 and words[-1].casefold() in STREET_WORDS


def place_inside_org(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A gazetteer place and the capitalised words around it as one organisation (see the module docs)."""
    for c in [c for c in cands if c.type == "place" and (c.gaz is not None or _street(text, c))]:
        start = c.start
        before = _RUN_BEFORE.search(text, max(0, c.start - 60), c.start)
        if before is not None:
            start = before.start()
            for w in before.group(1).split():  # "The London Stock Exchange": from "London"
                if not not_a_name_word(w):
                    break
                start = text.index(w, start) + len(w) + 1
        after = _RUN_AFTER.match(text, c.end)
        if after is None:
            continue
        words = _WORD.findall(text[start : after.end()])
        if not words or words[-1].casefold() not in ORG_END_WORDS | FACILITY_HEADS:
            continue
        inner = _WORD.findall(text[c.end : after.end()])
        if any(not_a_name_word(w) or w.isupper() for w in inner):
            continue  # "London Monday", "London UK": no name's words
        # the checks against every candidate come last: only runs that read as a name get that far (a check
        # per place candidate made a long document's work grow with the square of its length)
        if any(d.type in ("organization", "facility") and d.start <= c.start and d.end >= c.end for d in cands):
            continue  # already inside an organisation's or a facility's reading
        if not _no_place_or_person(cands, start, c.start, None) or not _no_place_or_person(
            cands, c.end, after.end(), None
        ):
            continue  # "Paris London Office", "Mayor Sadiq Khan": another place or a person in the run
        name = " ".join(text[start : after.end()].split())
        done = replace_inside(cands, Candidate(start, after.end(), "organization", NAMED, name))
        if done is not None:
            cands = done
    return cands


_HEAD_OF = re.compile(rf"([A-Z][a-z]+)[ \t]+of[ \t]+((?:{_CAP_WORD}[ \t]+){{0,2}}{_CAP_WORD})\Z")
_AND_CAPITAL = re.compile(r"and[ \t]+[A-Z]")  # "and" first: ``re`` skips to it in C
_AND_NAME = re.compile(
    rf"(?<![\w'’.&-])((?:[A-Z][a-z]+[ \t]+of[ \t]+)?{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,3}})"
    rf"[ \t]+and[ \t]+({_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,2}})(?![\w'’&-])(?![ \t]+(?:[A-Z]|of[ \t]))"
)


def _whole_name_alone(words: list[str]) -> bool:
    """Is the part before "and" a name of its own (a head word or a plural last, a possessive)?"""
    last = words[-1].casefold()
    return (
        last in ORG_END_WORDS
        or (last.endswith("s") and not last.endswith("ss"))
        or any(w.endswith(("'s", "’s")) for w in words)
    )


def and_inside_org(text: str, cands: list[Candidate]) -> list[Candidate]:
    """ "A and B Head" as one organisation (see the module docs)."""
    if " and " not in text or _AND_CAPITAL.search(text) is None:
        return cands  # every match holds "and" before a capital
    for m in capital_matches(_AND_NAME, text):  # _AND_NAME.finditer(text), from the word-start capitals
        start, left = m.start(1), m.group(1).split()
        while left and not_a_name_word(left[0]):  # "The Scottish Fire ...": from "Scottish"
            start = text.index(left[0], start) + len(left[0])
            blanks = _BLANKS.match(text, start)  # always a match (maybe empty)
            start = blanks.end() if blanks else start
            left = left[1:]
        right = m.group(2).split()
        if not left or _whole_name_alone(left) or right[-1].casefold() not in ORG_END_WORDS:
            continue
        inner = [w for w in right[:-1] + left[1:] if w != "of"]
        if any(w.casefold() in ORG_END_WORDS or not_a_name_word(w) or w.isupper() for w in inner):
            continue  # "Navy and Air Force Command": a head word inside; single letters, acronyms
        head = _HEAD_OF.match(" ".join(left))
        if len(left) < 2 or (head is None and "of" in left):
            continue  # "Food and Drug Administration" is read whole already; "of" only after a head word
        if head is not None and head.group(1).casefold() not in ORG_END_WORDS:
            continue  # "Friends of Health and ...": not an institution's head before "of"
        if not _no_place_or_person(cands, start, m.end(), None):
            continue  # "University of Michigan and Ohio State University", "Kim Il Sung and ..."
        name = " ".join(text[start : m.end()].split())
        done = replace_inside(cands, Candidate(start, m.end(), "organization", NAMED, name))
        if done is not None:
            cands = done
    return cands


def longer_org_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """The passes of this module over one document's candidates, in order, then the numbered units of
    :mod:`workbook.extract.unit_names` (round twenty-one)."""
    return numbered_units(text, and_inside_org(text, place_inside_org(text, cands)))
