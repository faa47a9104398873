"""Where a title before a person's name begins and ends, read over lower-case words of a capitalised run.

:func:`title_len` is the longest title of :data:`~workbook.extract.vocabulary.TITLES` opening the words
("Deputy Prime Minister", "Sheriff"); :func:`title_tail_len` the words after it that still belong to the
title: a second title joined by "and" ("Deputy Prime Minister and Minister for Defence Richard Marles") and
the portfolio the title holds ("Minister for Foreign Affairs Penny Wong", "Secretary of the Navy John
Phelan"), which leaves the last two words for the name; :func:`modifier_len` the capitalised words
before a title that open it ("Chief Cabinet Secretary Yoshimasa Hayashi": "Chief Cabinet").
"""

from __future__ import annotations

from collections.abc import Sequence

from workbook.extract.vocabulary import (
    NAME_CONNECTORS,
    PORTFOLIO_CONNECTORS,
    PORTFOLIO_TITLES,
    TITLE_MODIFIERS,
    TITLES,
)

__all__ = ["MAX_TITLE", "TITLE_FIRST_WORDS", "modifier_len", "title_len", "title_tail_len"]

_MAX_STAFF = 5  # "Chief of the Naval Staff": "staff" at most the fifth word
MAX_TITLE = max(_MAX_STAFF, *(len(t) for t in TITLES))
#: The words that open a title of ``TITLES`` (a word outside them opens none).
TITLE_FIRST_WORDS = frozenset(t[0] for t in TITLES if t)
_MAX_MODIFIED = 3  # words from a modifier to the title: "Chief Cabinet Secretary", "Deputy National Security Adviser"
_NAME_WORDS = 2  # a portfolio leaves the run's last two words for the name


def title_len(words: Sequence[str]) -> int:
    """How many of the lower-case ``words`` are the longest title of ``TITLES`` opening them, or a
    chief of a staff ("Chief of the General Staff", "Chief of Army Staff", "Chief of Defence Staff";
    0: none)."""
    if not words or words[0] not in TITLE_FIRST_WORDS:  # most words start no title
        return 0
    if words[0] == "chief" and len(words) > 2 and words[1] == "of":
        staff = next((k for k in range(2, min(len(words), _MAX_STAFF)) if words[k] == "staff"), 0)
        if staff:
            return staff + 1
    for n in range(min(MAX_TITLE, len(words)), 0, -1):
        if tuple(words[:n]) in TITLES:
            return n
    return 0


def title_tail_len(words: Sequence[str], caps: Sequence[bool], k: int) -> int:
    """How many words from position ``k`` (right after a title) still belong to it: "and" and another
    title, then "for" or "of" and a portfolio of capitalised words (connectors inside; only after a
    title ending in a word of ``PORTFOLIO_TITLES``), when the run's last two words, capitalised and no
    connector, are left for the name. ``caps[i]`` says whether ``words[i]`` is capitalised; the words
    are the rest of one capitalised run."""
    n = 0
    while k + n < len(words) and words[k + n] == "and":
        more = title_len(words[k + n + 1 : k + n + 1 + MAX_TITLE])
        if not more:
            break
        n += 1 + more
    at = k + n
    if at >= len(words) or words[at] not in PORTFOLIO_CONNECTORS or words[at - 1] not in PORTFOLIO_TITLES:
        return n
    portfolio = range(at + 1, len(words) - _NAME_WORDS)
    name = range(len(words) - _NAME_WORDS, len(words))
    if (
        len(portfolio) >= 1
        and (caps[at + 1] or words[at + 1] == "the")
        and caps[portfolio[-1]]
        and all(caps[i] or words[i] in NAME_CONNECTORS for i in portfolio)
        and all(caps[i] and words[i] not in NAME_CONNECTORS for i in name)
    ):
        return n + 1 + len(portfolio)
    return n


def modifier_len(words: Sequence[str], caps: Sequence[bool]) -> int:
    """How many of the last words (capitalised words right before a title) open that title: from a
    word of ``TITLE_MODIFIERS`` ("Chief Cabinet" of "Chief Cabinet Secretary"), at most three words."""
    for m in range(1, min(_MAX_MODIFIED, len(words)) + 1):
        if not caps[-m]:
            return 0
        if words[-m] in TITLE_MODIFIERS:
            return m
    return 0
