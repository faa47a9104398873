"""Text normalisation at ingest: glued words split, CSV-doubled quotes undone, each fix recorded.

Runs on every document :func:`workbook.ingest.iter_documents` yields, before the build stores its
text: all offsets index into the normalised text and ``sha256``/``doc_id`` are computed from it, as
from any text. What was changed is kept in the document's ``meta`` under ``"normalised"``, e.g.
``{"glued_words": 3, "examples": ["ComradeKim -> Comrade Kim"]}``, so that the analyst can see why the
stored text differs from the file.

Glued words. Some archives lose the space between words ("ComradeKim Jong Un", "SecretaryKim",
"Kim Jong Unvisited", "Kim Il Sungmet"), and a glued token then becomes an entity of its own. A
token is split only where both halves are known, so legitimate camel case (iPhone, McDonald,
MacArthur, DeSantis, YouTube, PlayStation, LinkedIn) is left alone:

* lower→Upper ("ComradeKim", "wishedKim"): the left half is a title or honorific of
  :mod:`workbook.extract.vocabulary` ("Comrade", "Secretary", "Presidents"), or a lower-case known
  word of 3 letters or more (the built-in list, or a word the same document uses standalone); the
  right half is a name: not in the word list, and seen standalone in the document or followed by
  another capitalised word ("Kim Jong"). A capitalised left half that is not a title
  is never split off: that is how brands are written (YouTube, PlayStation, BlackRock).
  Or the left half ends a name the document writes standalone with the previous word ("Il Sung"
  in "Kim Il SungPrize") and the right half is a known word.
* Upper→lower ("Unvisited"): the token ends a name and a known lower-case word follows inside it:
  the previous word and the left half form a name the document writes standalone elsewhere
  ("Jong Un", "Il Sung"), or glued to two or more different known words ("Unvisited", "Unsaid":
  a surname such as "Johnson" is always the same token), and the right half is a known word that
  is not a common ending of surnames and place names ("son", "ford", "ville": "Boris Johnson" stays
  whole even when the text also names a "Boris John").

The built-in word list (``workbook/data/words_en.txt``, about 9,600 words, CC BY-SA 4.0) is made by
``scripts/make_words.py`` from the GUM training genres and Universal NER English-EWT; see its header.

CSV-doubled quotes. Text exported through CSV without unquoting doubles every quotation mark
(``""We will stay,"" Omar told…``) and then no quote is found. When the document shows the pattern
consistently (two or more ``""`` and no lone ``"`` except around the whole text), each ``""`` becomes
``"`` and a wrapping pair of quotes around the whole text is removed.

Both passes are linear in the text: one regex scan for tokens, sets for the lookups, tokens longer
than 40 letters skipped.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

from workbook.extract.vocabulary import HONORIFICS, TITLES
from workbook.ingest.base import IngestFailure, RawDocument

__all__ = ["NormalisedText", "builtin_words", "normalise_document", "normalise_item", "normalise_text"]

_TOKEN = re.compile(r"[A-Za-z]+")
_LOWER_UPPER = re.compile(r"(?<=[a-z])(?=[A-Z])")
_UPPER_LOWER_CUT = re.compile(r"^[A-Z][a-z]*?(?=[a-z]{2})")
_PARTICLES = frozenset(["mac", "mc", "van", "von", "der", "den", "del", "della", "de", "di", "da", "la", "le", "du",
                        "st", "san", "ibn", "bin", "al", "el", "abu", "ben"])  # fmt: skip
#: Titles and honorifics written before a name ("Comrade", "Secretary", "Marshal"): known left halves.
_TITLE_WORDS = frozenset(t[0] for t in TITLES if len(t) == 1) | HONORIFICS
#: Endings of surnames and place names that are also words ("Johnson", "Stanford", "Greenville"):
#: never split off a name.
_NAME_ENDINGS = frozenset(
    re.split(
        r"\s+",
        """son sen ton town ville berg burg borough stein man mann men field ford ley land wood worth well more
        by ham dale wick ridge shire stone bury port mouth hill brook smith ston sey ing er ers es ess way gate
        bridge water side lake park view wall house hall cliff castle""",
    )
)
_MAX_TOKEN = 40
_MAX_EXAMPLES = 5


@cache
def builtin_words() -> frozenset[str]:
    """The built-in lower-case English word list (see the module docs)."""
    text = resources.files("workbook").joinpath("data/words_en.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


class NormalisedText:
    """The normalised text and what was changed (``report`` is empty when nothing was)."""

    __slots__ = ("report", "text")

    def __init__(self, text: str, report: dict[str, Any]) -> None:
        self.text = text
        self.report = report


def _undouble_quotes(text: str) -> tuple[str, int]:
    pairs = text.count('""')
    if pairs < 2:
        return text, 0
    lone = [m.start() for m in re.finditer(r'(?<!")"(?!")', text)]
    wrapped = text.strip()
    outer = wrapped.startswith('"') and wrapped.endswith('"') and not wrapped.startswith('""')
    if any(0 < i < len(text) - 1 and text[:i].strip() and text[i + 1 :].strip() for i in lone):
        return text, 0  # a lone quote inside the text: not the CSV pattern
    if lone and not outer:
        return text, 0
    out = text.replace('""', '"')
    if lone and outer:
        s = out.index('"')
        e = out.rindex('"')
        out = out[:s] + out[s + 1 : e] + out[e + 1 :]
    return out, pairs


def _standalone(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    """Tokens written standalone (not glued to another case run), and adjacent capitalised pairs."""
    seen: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    prev: str | None = None
    prev_end = -2
    for m in _TOKEN.finditer(text):
        w = m.group()
        glued = len(w) > _MAX_TOKEN or _LOWER_UPPER.search(w) is not None
        if not glued:
            seen.add(w)
            if prev is not None and m.start() == prev_end + 1 and text[prev_end] == " " and w[0].isupper():
                pairs.add((prev, w))
        prev = w if not glued and w[0].isupper() else None
        prev_end = m.end()
    return seen, pairs


def _split_points(text: str, words: frozenset[str]) -> list[tuple[int, str, int]]:
    """(offset, token, offset in the token) where a space goes in, in text order."""
    seen, pairs = _standalone(text)
    vocab_lower = {w.lower() for w in seen if w.islower() or w.istitle()}
    known = words | vocab_lower | _TITLE_WORDS
    pairs |= _names_before_words(text, known)
    cuts: list[tuple[int, str, int]] = []
    prev: str | None = None
    prev_end = -2
    for m in _TOKEN.finditer(text):
        w = m.group()
        start = m.start()
        after_space = start == prev_end + 1 and text[prev_end] == " "
        if len(w) <= _MAX_TOKEN:
            bounds = [b.start() for b in _LOWER_UPPER.finditer(w)]
            if len(bounds) == 1:
                i = bounds[0]
                left, right = w[:i], w[i:]
                nxt = _TOKEN.match(text, m.end() + 1) if text.startswith(" ", m.end()) else None
                is_name = right.lower() not in words and len(right) >= 2 and right[1:].islower() and (
                    right in seen or (nxt is not None and nxt.group()[0].isupper()))
                low = left.lower()
                title_then_name = is_name and (
                    (len(left) >= 3 and left[1:].islower()
                     and (low in _TITLE_WORDS or low.removesuffix("s") in _TITLE_WORDS))
                    or (len(left) >= 2 and left.islower() and low in known and low not in _PARTICLES))  # fmt: skip
                name_then_word = (prev is not None and after_space and (prev, left) in pairs
                                  and right[1:].islower() and (right.lower() in known or right in seen))  # fmt: skip
                if title_then_name or name_then_word:
                    cuts.append((start + i, w, i))
            elif not bounds and w[0].isupper() and prev is not None and after_space:
                cut = _name_then_word(w, prev, pairs, known)
                if cut:
                    cuts.append((start + cut, w, cut))
        prev = w if w[:1].isupper() else None
        prev_end = m.end()
    return cuts


def _names_before_words(text: str, known: frozenset[str] | set[str]) -> set[tuple[str, str]]:
    """Name pairs ("Jong", "Un") the document writes glued to two or more different known words
    ("Kim Jong Unvisited", "Kim Jong Unsaid"): a name followed by varying words, where a surname with
    a word-like ending ("Johnson") is always the same token."""
    rights: dict[tuple[str, str], set[str]] = {}
    prev: str | None = None
    prev_end = -2
    for m in _TOKEN.finditer(text):
        w = m.group()
        after_space = m.start() == prev_end + 1 and text[prev_end] == " "
        if prev is not None and after_space and w[0].isupper() and len(w) <= _MAX_TOKEN:
            bounds = [b.start() for b in _LOWER_UPPER.finditer(w)]
            if len(bounds) == 1 and w[bounds[0] + 1 :].islower() and w[bounds[0] :].lower() in known:
                rights.setdefault((prev, w[: bounds[0]]), set()).add(w[bounds[0] :].lower())
            elif not bounds:
                for i in range(2, len(w) - 1):
                    if w[i:] in known:
                        rights.setdefault((prev, w[:i]), set()).add(w[i:])
        prev = w if w[:1].isupper() else None
        prev_end = m.end()
    return {k for k, v in rights.items() if len(v) >= 2}


def _name_then_word(w: str, prev: str, pairs: set[tuple[str, str]], known: frozenset[str] | set[str]) -> int:
    """Where "Unvisited" (after "Jong") splits into a name seen as "Jong Un" and a known word, or 0."""
    for i in range(2, len(w) - 1):
        if not w[i:].islower():
            return 0
        if (prev, w[:i]) in pairs and w[i:] in known and w[i:] not in _NAME_ENDINGS:
            return i
    return 0


def normalise_text(text: str, words: frozenset[str] | None = None) -> NormalisedText:
    """``text`` with CSV-doubled quotes undone and glued words split (see the module docs)."""
    report: dict[str, Any] = {}
    text, n_quotes = _undouble_quotes(text)
    if n_quotes:
        report["doubled_quotes"] = n_quotes
    cuts = _split_points(text, builtin_words() if words is None else words)
    if cuts:
        parts: list[str] = []
        last = 0
        for pos, _, _ in cuts:
            parts.append(text[last:pos])
            last = pos
        parts.append(text[last:])
        text = " ".join(parts)
        report["glued_words"] = len(cuts)
        report["examples"] = list(dict.fromkeys(f"{w} -> {w[:i]} {w[i:]}" for _, w, i in cuts))[:_MAX_EXAMPLES]
    return NormalisedText(text, report)


def normalise_document(raw: RawDocument) -> RawDocument:
    """``raw`` with its text normalised and the changes recorded in ``meta["normalised"]``."""
    result = normalise_text(raw.text)
    if not result.report:
        return raw
    return replace(raw, text=result.text, meta={**raw.meta, "normalised": result.report})


def normalise_item(item: RawDocument | IngestFailure) -> RawDocument | IngestFailure:
    """:func:`normalise_document` for documents; failures pass through."""
    return normalise_document(item) if isinstance(item, RawDocument) else item
