"""The words the entity rules read: capitalised words and the lower-case words names care about
("of", "leader"), with offsets (:func:`tokenize`). A word glued to a title ("ComradeKim") or to the end of
a Korean name ("Kim Jong Unexpressed") is split here, so no entity is made of the glued form."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from workbook.extract.coref import is_korean_syllable
from workbook.extract.vocabulary import (
    GLUED_WORDS,
    HONORIFICS,
    NAME_CONNECTORS,
    POSSESSIVE_NAME_WORDS,
    SURNAME_FIRST,
    TITLES,
)

__all__ = ["TITLE_WORDS", "Token", "token_pattern", "tokenize", "unglue"]

#: Every word of a title ("general", "secretary", ...): lower-case words the tokenizer keeps.
TITLE_WORDS = frozenset(w for t in TITLES for w in t)
_GLUED = re.compile(r"([A-Z][a-z]{3,})(?=[A-Z][a-z])")


class Token(NamedTuple):
    """A word: ``text[start:end]`` without a possessive "'s" (kept in ``full_end``)."""

    start: int
    end: int
    full_end: int
    text: str
    lower: str
    cap: bool
    possessive: bool


def unglue(tokens: list[Token]) -> list[Token]:
    """Split a word glued to the end of a Korean name ("Kim Jong Unexpressed" → "Un", "expressed"),
    a common defect of KCNA's text."""
    out: list[Token] = []
    for t in tokens:
        if not t.cap or t.possessive:  # only a capitalised word can hold a glued syllable
            out.append(t)
            continue
        name_so_far = (
            len(out) >= 2 and out[-2].lower in SURNAME_FIRST and out[-1].cap and is_korean_syllable(out[-1].text)
        )
        if name_so_far and not is_korean_syllable(t.text):
            for k in range(1, min(5, len(t.text) - 1)):
                head, tail = t.text[:k], t.text[k:]
                if tail in GLUED_WORDS and is_korean_syllable(head):
                    out.append(Token(t.start, t.start + k, t.start + k, head, head.casefold(), True, False))
                    t = Token(t.start + k, t.end, t.full_end, tail, tail, False, t.possessive)
                    break
        out.append(t)
    return out


@lru_cache(maxsize=1)
def token_pattern() -> re.Pattern[str]:
    """Capitalised words, plus the lower-case words the rules look at (connectors, titles)."""
    lower = sorted(NAME_CONNECTORS | TITLE_WORDS, key=len, reverse=True)
    words = "|".join(re.escape(w) for w in lower)
    return re.compile(
        rf"(?<![\w'’])(?<![\w'’]-)(?:(?:[^\W\d_]\.){{2,}}|[^\W\d_a-z]\w*(?:[-'’]\w+)*|(?:{words})(?![\w'’-]))"
    )


def tokenize(text: str) -> list[Token]:
    """Capitalised words of ``text`` and the lower-case words names care about ("of", "leader"), with
    offsets. Other words are skipped: the gap between two tokens shows whether they are adjacent.
    "Korea's" gives "Korea" marked possessive, but "People's" (a possessive that belongs to names)
    stays whole; a title glued to a name ("ComradeKim") is split."""
    out: list[Token] = []
    append = out.append
    make = tuple.__new__  # a Token without the Python-level _make of a NamedTuple (one per token)
    possessive_ends = ("'s", "’s")
    for m in token_pattern().finditer(text):
        w = m.group()
        s = m.start()
        e = s + len(w)
        low = w.casefold()
        cap = w[0].isupper()  # a glued title is split off before a capital: the rest keeps it
        if cap and not w[1:].islower() and (glued := _GLUED.match(w)) is not None:
            head = glued.group(1)  # "ComradeKim": a title glued to the name
            if head.casefold() in TITLE_WORDS or head.casefold() in HONORIFICS:
                append(make(Token, (s, s + len(head), s + len(head), head, head.casefold(), True, False)))
                w, s, low = w[len(head) :], s + len(head), low[len(head) :]
        if low.endswith(possessive_ends) and len(w) > 2 and low not in POSSESSIVE_NAME_WORDS:
            append(make(Token, (s, e - 2, e, w[:-2], low[:-2], cap, True)))
        else:
            append(make(Token, (s, e, e, w, low.rstrip(".") if low[-1] == "." else low, cap, False)))
    return unglue(out)
