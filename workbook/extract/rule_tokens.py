"""The words the entity rules read: capitalised words and the lower-case words names care about
("of", "leader"), with offsets (:func:`tokenize`). A word glued to a title ("ComradeKim") or to the end of
a Korean name ("Kim Jong Unexpressed") is split here, so no entity is made of the glued form.

With the learned stage's tokens of the same text (:func:`workbook.extract.ner_features.tokens`: every
word and punctuation mark), :func:`tokenize` picks its words from them instead of scanning the text
again with :func:`token_pattern`: the same words at the same offsets (see :func:`_matches_from`), so a
document is tokenised once for both stages."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter
from typing import NamedTuple

from workbook.extract.coref import is_korean_syllable
from workbook.extract.ner_features import Tokens
from workbook.extract.vocabulary import (
    GLUED_WORDS,
    HONORIFICS,
    NAME_CONNECTORS,
    POSSESSIVE_NAME_WORDS,
    SURNAME_FIRST,
    TITLES,
)

__all__ = ["TITLE_WORDS", "Token", "headline_tokens", "token_pattern", "tokenize", "unglue"]

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
    after_surname = compress(range(2, len(tokens)), map(SURNAME_FIRST.__contains__, map(_lower_of, tokens[:-2])))
    first = next((k for k in after_surname if _glued_split(tokens[k - 2], tokens[k - 1], tokens[k])), None)
    if first is None:  # nothing glued (the usual case): no step per token
        return list(tokens)
    out = tokens[:first]
    for t in tokens[first:]:
        split = _glued_split(out[-2], out[-1], t) if len(out) >= 2 else None
        if split is not None:
            out += split
        else:
            out.append(t)
    return out


_lower_of = itemgetter(4)  # Token.lower


def _glued_split(before_last: Token, last: Token, t: Token) -> tuple[Token, Token] | None:
    """``t`` split into a Korean syllable and a glued word after a name's first two words ("Kim Jong"
    + "Unexpressed"), or None."""
    if not t.cap or t.possessive:  # only a capitalised word can hold a glued syllable
        return None
    name_so_far = before_last.lower in SURNAME_FIRST and last.cap and is_korean_syllable(last.text)
    if name_so_far and not is_korean_syllable(t.text):
        for k in range(1, min(5, len(t.text) - 1)):
            head, tail = t.text[:k], t.text[k:]
            if tail in GLUED_WORDS and is_korean_syllable(head):
                return (
                    Token(t.start, t.start + k, t.start + k, head, head.casefold(), True, False),
                    Token(t.start + k, t.end, t.full_end, tail, tail, False, t.possessive),
                )
    return None


@lru_cache(maxsize=1)
def token_pattern() -> re.Pattern[str]:
    """Capitalised words, plus the lower-case words the rules look at (connectors, titles)."""
    lower = sorted(NAME_CONNECTORS | TITLE_WORDS, key=len, reverse=True)
    words = "|".join(re.escape(w) for w in lower)
    return re.compile(
        rf"(?<![\w'’])(?<![\w'’]-)(?:(?:[^\W\d_]\.){{2,}}|[^\W\d_a-z]\w*(?:[-'’]\w+)*|(?:{words})(?![\w'’-]))"
    )


def tokenize(text: str, words: Tokens | None = None) -> list[Token]:
    """Capitalised words of ``text`` and the lower-case words names care about ("of", "leader"), with
    offsets. Other words are skipped: the gap between two tokens shows whether they are adjacent.
    "Korea's" gives "Korea" marked possessive, but "People's" (a possessive that belongs to names)
    stays whole; a title glued to a name ("ComradeKim") is split. ``words``: the learned stage's
    tokens of ``text``, read instead of the text when they can be (the result is the same)."""
    found = _matches_from(text, words) if words is not None else None
    if found is None:
        matches = list(token_pattern().finditer(text))
        return unglue(_tokens(map(re.Match.start, matches), map(re.Match.group, matches)))
    if _MAYBE_GLUED.search(text) is not None:
        return unglue(_tokens(found.starts, found.words))
    return unglue(_plain_tokens(found, words))  # type: ignore[arg-type]  # words is not None here


def _tokens(starts: Iterable[int], words: Iterable[str]) -> list[Token]:
    """The tokens of the matches of :func:`token_pattern` (their starts and words)."""
    out: list[Token] = []
    append = out.append
    make = tuple.__new__  # a Token without the Python-level _make of a NamedTuple (one per token)
    possessive_ends = ("'s", "’s")
    for s, w in zip(starts, words, strict=True):
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
    return out


class _Picked(NamedTuple):
    """:func:`token_pattern`'s matches picked from the learned stage's tokens (:func:`_matches_from`)."""

    starts: list[int]
    words: list[str]
    at: list[int]  # the number of each match's token among the learned stage's tokens
    odd: list[int]  # matches :func:`_plain_tokens` makes one by one: "U.S.", "Korea's"


def _plain_tokens(found: _Picked, words: Tokens) -> list[Token]:
    """:func:`_tokens` of matches picked from the learned stage's tokens, made column by column from
    those tokens' ends and lower-case forms: the same tokens when no word is a title glued to a name
    (:data:`_MAYBE_GLUED`); dotted abbreviations and possessives are made one by one."""
    starts, found_words, at, odd = found
    ends = list(map(words.end.__getitem__, at))
    lows = list(map(words.lower.__getitem__, at))
    caps = map(str.isupper, map(_first_char, found_words))
    out = list(map(tuple.__new__, repeat(Token), zip(starts, ends, ends, found_words, lows, caps, repeat(False))))
    for n in odd:
        out[n] = _tokens((starts[n],), (found_words[n],))[0]
    return out


#: A word that may be a title glued to a name ("ComradeKim"): see :func:`_tokens`.
_MAYBE_GLUED = re.compile(r"[A-Z][a-z]{3,}[A-Z][a-z]")
#: Where the learned stage's tokens and :func:`token_pattern` may part (see :func:`_matches_from`): a
#: word joined by "&" ("AT&T"), a word after a quote that opens it ("'Kim") or after a quote and a
#: hyphen, a long s (which folds to "s").
_TOKENS_PART_AROUND = r"(?:(?<=\w&)(?=\w)|(?<=['’])(?<!\w['’])(?=\w)|(?<=['’])-\w|(?<=ſ))"
_TOKENS_PART = re.compile("[&'’ſ]" + _TOKENS_PART_AROUND)  # the mark first, then what is around it: a fast scan
#: :data:`_TOKENS_PART` one pattern per mark: ``re`` skips to a literal far faster than to a class
_TOKENS_PARTS = tuple(re.compile(mark + _TOKENS_PART_AROUND) for mark in "&'’ſ")
_CAP_START = re.compile(r"[^\W\d_a-z]")  # the first letter of token_pattern's capitalised words
_POSSESSIVE_PIECE = frozenset(q + s for q in "'’" for s in "sS")  # the "'s" ner_features splits off
_first_char = itemgetter(0)


class _CapStarts(dict[str, bool]):
    """Whether a character may open one of :func:`token_pattern`'s capitalised words, by character."""

    def __missing__(self, c: str) -> bool:
        self[c] = v = _CAP_START.match(c) is not None
        return v


_cap_starts = _CapStarts()


def _matches_from(text: str, words: Tokens) -> _Picked | None:
    """The starts and words of :func:`token_pattern`'s matches in ``text``, picked from the learned
    stage's tokens of it, or None where the two tokenisations may part (:data:`_TOKENS_PART`).

    Why they are the same elsewhere: every match of the pattern starts on a word character not after
    a word character, a quote, or a hyphen after either; the learned stage's words are maximal runs of
    word characters joined by "-", "'", "’" or "&", or letters with full stops ("U.S."), so without "&"
    joins and quotes that open words a match starts where one of its words starts, and a capitalised
    word or dotted abbreviation ends where that word ends. A listed lower-case word ("of", "general")
    is a match when it is a whole word not followed by a hyphen or a quote. The learned stage splits a
    possessive "'s" off its word: it is joined back here, and the rules split it themselves."""
    if any(part.search(text) is not None for part in _TOKENS_PARTS):  # _TOKENS_PART.search(text)
        return None
    txt, starts, ends = words.text, words.start, words.end
    lower = _lower_words()
    pick = list(map(_cap_starts.__getitem__, map(_first_char, txt)))
    for k in compress(range(len(txt)), map(lower.__contains__, txt)):
        e = ends[k]
        pick[k] = text[e : e + 1] not in ("-", "'", "’")
    dotted: list[int] = []
    if "." in text:  # dotted abbreviations, in lower case too ("e.g.")
        for k in compress(range(len(txt)), map(str.__contains__, txt, repeat("."))):
            pick[k] = len(txt[k]) > 1
            dotted += [k] if pick[k] else []
    at = list(compress(range(len(txt)), pick))
    out_words = list(compress(txt, pick))
    odd = [bisect_left(at, k) for k in dotted]
    if "'" in text or "’" in text:  # "Korea's": one match, split as the rules split it
        for k in compress(range(1, len(txt)), map(_POSSESSIVE_PIECE.__contains__, txt[1:])):
            n = bisect_left(at, k - 1)
            if n < len(at) and at[n] == k - 1 and ends[k - 1] == starts[k]:
                out_words[n] = text[starts[k - 1] : ends[k]]
                odd.append(n)
    return _Picked(list(compress(starts, pick)), out_words, at, odd)


@lru_cache(maxsize=1)
def _lower_words() -> frozenset[str]:
    return NAME_CONNECTORS | TITLE_WORDS


_LONG_WORD = re.compile(r"\b[^\W\d_]{3,}\b")
#: A lower-case word of five letters or more (round twenty-one): a title-case line capitalises every such
#: word but a long preposition or conjunction (:data:`_HEADLINE_LOWER`), so a line holding another ("Staff
#: Sgt. Mikael Strand, 2nd Battalion, prepares a parachute at Fort Campbell, Ky.") is a caption's prose.
_LOWER_LONG_WORD = re.compile(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])")
_HEADLINE_LOWER = frozenset(
    re.findall(
        r"\w+",
        """about above across after against along among amid around before behind below beneath beside
        besides between beyond despite during except inside outside since through throughout toward towards
        under underneath until unlike versus while within without""",
    )
)


#: The most words a line of an address or a signature block holds.
_BLOCK_LINE_WORDS = 8


def _block_lines(lines: Sequence[str]) -> set[int]:
    """The indices of lines inside a block of three or more short lines after the first line ("Prof
    Lars Chittka / School of Biological Sciences / Queen Mary University of London / Mile End Road"):
    a signature's or an address's lines, each one name, not a headline."""
    short = [
        bool(ln.strip()) and len(ln.split()) <= _BLOCK_LINE_WORDS and not ln.rstrip().endswith(".") for ln in lines
    ]
    first = next((k for k, ln in enumerate(lines) if ln.strip()), 0)
    out: set[int] = set()
    k = 0
    while k < len(lines):
        if not short[k]:
            k += 1
            continue
        end = k
        while end < len(lines) and short[end]:
            end += 1
        if end - k >= 3:
            out.update(m for m in range(k, end) if m != first)
        k = end
    return out


def _prose_line(line: str) -> bool:
    """Does ``line`` hold a lower-case word a title-case line would capitalise (``_LOWER_LONG_WORD``)?"""
    return any(w not in _HEADLINE_LOWER for w in _LOWER_LONG_WORD.findall(line))


def headline_tokens(text: str, tokens: Sequence[Token]) -> set[int]:
    """The indices of tokens on title-case lines ("Kim Jong Un Inspects Munitions Factory"), where
    capitals say nothing about names; not the lines of a signature or an address block (:func:`_block_lines`)."""
    out: set[int] = set()
    line_start = 0
    i = 0
    n = len(tokens)
    lines = text.split("\n")
    block = _block_lines(lines) if text.count("\n") >= 3 else set()
    for k, line in enumerate(lines):
        line_end = line_start + len(line)
        j = i
        while j < n and tokens[j].start < line_end:
            j += 1
        # fewer than four words, or a line ending in a full stop (most of them): no title-case line
        if j - i >= 4 and not line.rstrip().endswith(".") and k not in block and not _prose_line(line):
            caps = sum(1 for t in tokens[i:j] if t.cap and len(t.text) >= 3 and t.text.isalpha())
            if caps >= 4 and caps >= 0.8 * max(5, len(_LONG_WORD.findall(line))):
                out.update(range(i, j))
        i, line_start = j, line_end + 1
    return out
