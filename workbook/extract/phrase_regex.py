"""A regular expression for a list of phrases, factored by shared prefixes, matching as the plain list.

``re`` tries the branches of ``(?:almost no chance|remote chance|...|feared)`` one after the other at
every position where the pattern may start; with sixty phrases most of the time goes into branches that
fail on their first letter. :func:`phrase_alternation` writes the same alternation as a prefix tree
(``(?:a(?:lmost\\s+no\\s+chance|...)|r(?:emote\\s+...)|...)``) so that each position costs a few
character tests.

It matches exactly what the plain alternation matches, at the same places, with the same extent:
branches that begin with different characters (compared case-insensitively when the pattern is meant
for ``re.IGNORECASE``, which is allowed for ASCII phrases only) cannot both match at one position, so
grouping them keeps, between any two branches that could both match, the order of the given list; where
a phrase ends and a longer one continues it, the tree is factored only when the list tried the longer
one first (as a list sorted longest first does).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["CaseBlindSearch", "literal_alternation", "phrase_alternation"]

_END = ""  # the atom that ends a phrase
_SPACE = r"\s+"  # the atom between the words of a phrase


def _atoms(phrase: str) -> list[str]:
    out: list[str] = []
    for k, word in enumerate(phrase.split()):
        if k:
            out.append(_SPACE)
        out += list(word)
    return [*out, _END]


def _tree(branches: list[list[str]], fold: bool) -> str:
    groups: dict[str, list[list[str]]] = {}
    for b in branches:  # dicts keep insertion order: each group where its first member was
        groups.setdefault(b[0].lower() if fold else b[0], []).append(b)
    if any(b[0] == _END for b in branches[:-1]):
        # a phrase that ends here is tried before a longer one that continues it: keep the list as it is
        return "(?:" + "|".join("".join(_lit(a) for a in b) for b in branches) + ")"
    parts = []
    for key, members in groups.items():
        if key == _END:
            parts.append("")
            continue
        head = members[0][0]
        rest = [m[1:] for m in members]
        parts.append(_lit(head) + (_tree(rest, fold) if len(rest) > 1 else "".join(_lit(a) for a in rest[0])))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _lit(atom: str) -> str:
    return atom if atom in (_END, _SPACE) else re.escape(atom)


def phrase_alternation(phrases: Sequence[str], ignore_case: bool = False) -> str:
    """A non-capturing group matching any of ``phrases`` (words separated by ``\\s+``), trying them in
    the given order, as ``(?:p1|p2|...)`` would, but factored by shared prefixes (see the module
    docstring). With ``ignore_case`` (for a pattern compiled with ``re.IGNORECASE``; ASCII phrases)
    branches that differ only in case share a prefix. Phrases must not be empty."""
    if not phrases or any(not p.split() for p in phrases):
        raise ValueError("phrase_alternation needs at least one phrase and no empty phrase")
    if ignore_case and not all(p.isascii() for p in phrases):
        raise ValueError("phrase_alternation folds case for ASCII phrases only")
    return "(?:" + _tree([_atoms(p) for p in phrases], ignore_case) + ")"


def literal_alternation(words: Sequence[str]) -> str:
    """A non-capturing group matching any of ``words`` as written (a space is one space, case as
    given), trying them in the given order as ``(?:w1|w2|...)`` of the escaped words would, factored
    by shared prefixes like :func:`phrase_alternation`. Words must not be empty."""
    if not words or not all(words):
        raise ValueError("literal_alternation needs at least one word and no empty word")
    return "(?:" + _tree([[*w, _END] for w in words], False) + ")"


class CaseBlindSearch(NamedTuple):
    """A case-blind pattern searched as a case-sensitive one over the text lowered, which ``re`` runs
    faster than ``re.IGNORECASE``: the same matches at the same places (and the same ``lastgroup``)
    wherever lowering keeps every character one character and gives no ASCII letter that
    ``re.IGNORECASE`` would not match: "İ" lowers to two characters, and ``re.IGNORECASE`` matches "i"
    with "ı" and "s" with "ſ", which lower to themselves (tested over every code point in
    ``tests/test_hedges_lowered.py``). A window holding any of the three is searched case-blind.

    The pattern's source must hold no upper-case ASCII letter (its literals lower case, no ``\\W``,
    ``\\S``, ``\\B`` or ``[A-Z]``) and may look at most one character behind the window's start."""

    blind: re.Pattern[str]
    lowered: re.Pattern[str]

    @classmethod
    def of(cls, pattern: str, flags: int = 0) -> CaseBlindSearch:
        if any("A" <= c <= "Z" for c in pattern.replace("(?P<", "").replace("(?P=", "")):
            raise ValueError("a case-blind search needs a pattern without upper-case letters")
        return cls(re.compile(pattern, flags | re.IGNORECASE), re.compile(pattern, flags & ~re.IGNORECASE))

    def spans(self, text: str, lo: int, hi: int) -> list[tuple[int, int, str | None]]:
        """(start, end, lastgroup) of the matches in ``text[lo:hi]``, as ``blind.finditer(text, lo, hi)``."""
        a = lo - 1 if lo > 0 else lo  # the character a look-behind or \\b at ``lo`` reads
        window = text[a:hi]
        lowered = window.lower()
        if len(lowered) != len(window) or "ı" in window or "ſ" in window:
            return [(m.start(), m.end(), m.lastgroup) for m in self.blind.finditer(text, lo, hi)]
        return [(m.start() + a, m.end() + a, m.lastgroup) for m in self.lowered.finditer(lowered, lo - a)]
