"""Whole-text scans of the entity rules made once per text and shared, or run from the few places a
match can start.

**Word-start capitals.** A pattern such as ``(?<![\\w.])(?:([A-Z][a-z]+)[ \\t]+)?((?:[A-Z]\\.[ \\t]+){1,3})...``
opens with a look-behind, so ``re`` finds no first character to skip to and runs the pattern at every
position of the text. Every match of such a pattern opens with an ASCII capital that no word character
precedes: the positions of those capitals (:func:`word_start_capitals`, one scan of a charset ``re`` skips
to in C, made once per text and shared by every pattern) are the only places where a match can start, so
``pattern.match`` at each of them, in text order and skipping those inside the last match, finds what
``pattern.finditer`` finds (:func:`capital_matches`).

**From its literals.** A pattern such as ``\\b(?:destroyer|frigate|...)\\s+...`` opens with ``\\b``: ``re``
runs it at every position too. When every match opens with one of a few literals, the literals' places
(``str.find``) are the only places a match can start (:func:`literal_matches`).

**From a cue.** A pattern such as ``(?<![\\w'’.-])[Tt]he[ \\t]+([A-Z]...)s`` opens with a look-behind
too, and its first character is common. A *cue*, a pattern that consumes one character (the pattern's
first) and looks ahead for a few more of the words every match must hold (``[Tt](?=he[ \\t]+[A-Z]...)``),
opens with a character class that ``re`` skips to in C; its places are the only places a match can start,
and :func:`cue_matches` matches the pattern there, as :func:`capital_matches` does.

**One scan for every cue.** Most of a cue scan's cost is ``re`` skipping from character to character of its
class, not the look-ahead tried where one is found: the cues of the form ``[A-Z](?=...)`` (five passes'
cues) or ``[Tt](?=...)`` are each one scan of the whole text. The cues of one first class seen so far are
searched together, once per text, as one pattern (``[A-Z](?=(?:...)|(?:...))``, :func:`_cue_family`): every
place a cue matches is a place the union matches, and each cue is then matched at those places only. A class
of two or three letters (``[Tt]``) is searched as one pattern per letter (``T(?=...)``, ``t(?=...)``): ``re``
skips to a literal first character far faster than to a class.

**Two capitalised words.** Many patterns open with two capitalised words in a row ("Network Rail",
"Ostrava Logistics", "Marine Le Pen"): their matches can start only at a word-start capital whose word is
followed by blanks and another capital. Those capitals (:func:`pair_capitals`, one scan per text shared by
the passes) are about half of all; :func:`capital_pair_matches` matches such a pattern there only.

**One scan for two passes.** :func:`shared_finditer` keeps the last few texts' matches of a pattern, for
a pass that runs twice over the same text (``entity_bounds.given_name_pairs``, with and without
``particles_only``).

Each is tested against ``pattern.finditer`` on random texts in ``tests/test_shared_scans.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = [
    "KEPT_LENGTH",
    "capital_matches",
    "capital_pair_matches",
    "cue_matches",
    "literal_matches",
    "pair_capitals",
    "shared_finditer",
    "word_start_capitals",
]

#: An ASCII capital with no word character right before it (the look-behind after the capital, so that
#: ``re`` skips in C from capital to capital).
_WORD_START_CAPITAL = re.compile(r"[A-Z](?<!\w[A-Z])")


#: Texts longer than this are scanned again on each call rather than kept (a long document's offsets
#: and matches would stay in memory until 64 other texts had pushed them out).
KEPT_LENGTH = 200_000


def word_start_capitals(text: str) -> tuple[int, ...]:
    """The offsets of the ASCII capitals of ``text`` that no word character (``\\w``) precedes."""
    return _kept_capitals(text) if len(text) <= KEPT_LENGTH else _capitals(text)


def _capitals(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _WORD_START_CAPITAL.finditer(text))


_kept_capitals = lru_cache(maxsize=64)(_capitals)  # a document's rules and later passes; a batch is 32


#: A word-start capital whose word (no white space in it) is followed by blanks and another capital.
_PAIR_CAPITAL = re.compile(r"[A-Z](?<!\w[A-Z])(?=\S*[ \t]+[A-Z])")


def pair_capitals(text: str) -> tuple[int, ...]:
    """The offsets of the capitals of :func:`word_start_capitals` whose word is followed by blanks (spaces and
    tabs) and another ASCII capital."""
    return _kept_pairs(text) if len(text) <= KEPT_LENGTH else _pairs(text)


def _pairs(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _PAIR_CAPITAL.finditer(text))


_kept_pairs = lru_cache(maxsize=64)(_pairs)


def capital_pair_matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a ``pattern`` whose every match opens with an ASCII capital that no
    word character precedes, then characters other than white space, then blanks (spaces or tabs) and another
    ASCII capital: two capitalised words in a row (its own look-behind may ask for more)."""
    out: list[re.Match[str]] = []
    end = 0
    match = pattern.match
    for at in pair_capitals(text):
        if at >= end and (m := match(text, at)) is not None:
            out.append(m)
            end = m.end()
    return out


def _word_starts(text: str, digits: str) -> list[int]:
    """The offsets of the ASCII capitals and of ``digits`` in ``text`` that no word character precedes,
    in text order (the capitals are those of :func:`word_start_capitals`, made once per text)."""
    first = f"[{digits}]"
    return sorted([*word_start_capitals(text), *(m.start() for m in re.finditer(rf"{first}(?<!\w{first})", text))])


def capital_matches(pattern: re.Pattern[str], text: str, digits: str = "") -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a ``pattern`` whose every match is non-empty and opens with an
    ASCII capital (``[A-Z]``), or one of ``digits`` ("12": "1st Lt."), that no word character precedes
    (its own look-behind may ask for more)."""
    if not digits.isdigit() and digits:
        raise ValueError(f"capital_matches takes digits only as other first characters, not {digits!r}")
    out: list[re.Match[str]] = []
    end = 0
    match = pattern.match
    for at in _word_starts(text, digits) if digits else word_start_capitals(text):
        if at >= end and (m := match(text, at)) is not None:
            out.append(m)
            end = m.end()
    return out


def literal_matches(pattern: re.Pattern[str], text: str, literals: Iterable[str]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a ``pattern`` whose every match is non-empty and opens with one
    of ``literals`` (non-empty strings, as the pattern writes them)."""
    starts: set[int] = set()
    for literal in literals:
        if not literal:
            raise ValueError("literal_matches takes non-empty literals only")
        at = text.find(literal)
        while at >= 0:
            starts.add(at)
            at = text.find(literal, at + 1)
    out: list[re.Match[str]] = []
    end = 0
    match = pattern.match
    for at in sorted(starts):
        if at >= end and (m := match(text, at)) is not None:
            out.append(m)
            end = m.end()
    return out


def cue_matches(pattern: re.Pattern[str], text: str, cue: re.Pattern[str]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a ``pattern`` whose every match is non-empty and starts where
    ``cue`` matches (``cue`` must match one character, looking ahead for more if it likes, so that its
    places overlap nothing and every place is tried)."""
    out: list[re.Match[str]] = []
    end = 0
    match = pattern.match
    family = _cue_family(cue)
    if family is None:
        places: Iterable[int] = map(re.Match.start, cue.finditer(text))
    else:  # the places of every cue of its class, one scan per text; this cue's among them
        cue_match = cue.match
        places = [at for at in _family_places(family, text) if cue_match(text, at) is not None]
    for at in places:
        if at >= end and (m := match(text, at)) is not None:
            out.append(m)
            end = m.end()
    return out


#: A cue of one character class and a look-ahead: ``[A-Z](?=[a-z]+[ \t]+for[ \t]+[A-Z])``.
_CUE_FORM = re.compile(r"(\[[^\]\\]+\])\(\?=(.+)\)", re.DOTALL)
_PLAIN_FLAGS = re.compile("").flags
#: the look-aheads of the cues seen so far by their first class, each class's union of them, and each
#: cue's class (None: a cue of another form)
_CUE_BODIES: dict[str, list[str]] = {}
_FAMILIES: dict[str, tuple[re.Pattern[str], ...]] = {}
_FEW_LETTERS = re.compile(r"\[([A-Za-z]{2,3})\]")
_CLASS_OF: dict[re.Pattern[str], str | None] = {}


def _cue_family(cue: re.Pattern[str]) -> tuple[re.Pattern[str], ...] | None:
    """The union of ``cue`` and the other cues of its first class seen so far (``[A-Z](?=(?:a)|(?:b))``; for
    a class of a few letters one union per letter), or None for a cue of another form (it is scanned alone).
    The look-ahead must be a pattern on its own (so the last bracket closes the first) with no groups, and
    the cue without flags."""
    if cue not in _CLASS_OF:
        form = _CUE_FORM.fullmatch(cue.pattern)
        if form is None or cue.flags != _PLAIN_FLAGS or not _lone_pattern(form.group(2)):
            _CLASS_OF[cue] = None
        else:
            first, body = form.groups()
            bodies = _CUE_BODIES.setdefault(first, [])
            if body not in bodies:
                bodies.append(body)
                union = "(?=" + "|".join(f"(?:{b})" for b in bodies) + ")"
                letters = _FEW_LETTERS.fullmatch(first)
                firsts = list(letters.group(1)) if letters is not None else [first]
                _FAMILIES[first] = tuple(re.compile(f + union) for f in firsts)
            _CLASS_OF[cue] = first
    first = _CLASS_OF[cue]
    return None if first is None else _FAMILIES[first]


def _lone_pattern(body: str) -> bool:
    try:
        return re.compile(body).groups == 0
    except re.error:
        return False


def _family_places(family: tuple[re.Pattern[str], ...], text: str) -> list[int]:
    """The offsets where the union of cues ``family`` matches in ``text`` (kept for the text's other cues)."""
    return _kept_places(family, text) if len(text) <= KEPT_LENGTH else _places(family, text)


def _places(family: tuple[re.Pattern[str], ...], text: str) -> list[int]:
    if len(family) == 1:
        return [m.start() for m in family[0].finditer(text)]
    return sorted(m.start() for union in family for m in union.finditer(text))


_kept_places = lru_cache(maxsize=64)(_places)


def shared_finditer(pattern: re.Pattern[str], text: str) -> tuple[re.Match[str], ...]:
    """``tuple(pattern.finditer(text))``, kept for the next pass over the same text."""
    return _kept_matches(pattern, text) if len(text) <= KEPT_LENGTH else _matches(pattern, text)


def _matches(pattern: re.Pattern[str], text: str) -> tuple[re.Match[str], ...]:
    return tuple(pattern.finditer(text))


_kept_matches = lru_cache(maxsize=4)(_matches)
