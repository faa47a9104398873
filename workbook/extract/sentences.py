"""Sentence spans with character offsets.

A rule-based splitter good enough for news prose: it breaks at line breaks and after ``.``, ``!``
or ``?`` (and any closing quotes or brackets) followed by space and a capital, digit or opening
quote, except after common abbreviations and initials ("Mr", "Dr", "U.S.", "Jan.", "J.").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

__all__ = ["Sentence", "sentence_index", "split_sentences"]

_ABBREVIATIONS = frozenset(
    (
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "rev",
        "hon",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "d.c",
        "brig",
        "spc",
        "pfc",
        "cpl",
        "pvt",
        "sfc",
        "cdr",
        "amb",
    )
)
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*")
_NEXT = re.compile(r"\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_LINEBREAK = re.compile(r"\n+")
#: ", " and a capital after a full stop: paragraphs a scrape joined with ", " (KCNA 2012's stories).
_JOINED = re.compile(r",\s+(?=[\"'\u201c\u2018(\[]?[A-Z])")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the '.' at ``dot`` the end of an abbreviation or an initial?"""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].casefold()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "J. Lewis"; not a plural's "s": "KN-23s.", "1990s."
        return j == 0 or not text[j - 1].isalnum()
    return word in _ABBREVIATIONS


def _joined_paragraphs(text: str, dot: int, lo: int) -> bool:
    """Is the '.' at ``dot``, followed by ", " and a capital, the end of a paragraph that a scrape joined
    to the next with ", " ("… on April 23., The message said")? Only after a digit or a lower-case word
    that is no abbreviation ("U.S., Japan", "Corp., of Japan", "a.m., Tuesday" are not)."""
    return dot > lo and (text[dot - 1].isdigit() or text[dot - 1].islower()) and not _is_abbreviation(text, dot)


def _split_block(text: str, lo: int, hi: int, out: list[tuple[int, int]]) -> None:
    pos = lo
    for m in _END.finditer(text, lo, hi):
        nxt = _NEXT.match(text, m.end(), hi)
        if not nxt:
            joined = _JOINED.match(text, m.end(), hi) if m.end() - m.start() == 1 and text[m.start()] == "." else None
            if joined is not None and _joined_paragraphs(text, m.start(), lo):
                out.append((pos, m.end()))
                pos = joined.end()
            continue
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        out.append((pos, m.end()))
        pos = nxt.end()
    if pos < hi:
        out.append((pos, hi))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; each span is stripped of surrounding white space and
    ``text[s.start:s.end]`` is the sentence. Spans are in order and do not overlap."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _LINEBREAK.finditer(text):
        _split_block(text, pos, m.start(), spans)
        pos = m.end()
    _split_block(text, pos, len(text), spans)
    out: list[Sentence] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(len(out), s, e))
    return out


def sentence_index(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence containing ``offset`` (or the last one starting before it)."""
    starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    return max(i, 0)
