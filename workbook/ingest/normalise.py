"""Text normalisation at ingest: glued words split, CSV-doubled quotes undone, word hyphens made plain,
each fix recorded.

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
consistently (two or more ``""`` and every run of quotes of even length, in the text or inside a
pair of quotes wrapping the whole text, as a CSV field has), each ``""`` becomes ``"`` and the
wrapping pair is removed.

Word hyphens other than "-". Some publishers and word processors write the hyphen inside a name as
U+2011 (non-breaking hyphen) or U+2010 (hyphen): "Kim Jong\u2011un", "Jean\u2010Pierre". The name rules
read "-", so each such hyphen becomes "-" (one character for one: no offset moves) and their number is
recorded (``{"unicode_hyphens": 2}``).

The passes are linear in the text: regex scans for words, capitalised pairs and glued tokens, sets
for the lookups, at most 40 letters of a token tried.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, partial
from importlib import resources
from typing import Any

from workbook.extract.coref import is_korean_syllable
from workbook.extract.vocabulary import GLUED_WORDS, HONORIFICS, SURNAME_FIRST, TITLES
from workbook.ingest.base import IngestFailure, RawDocument

__all__ = ["NormalisedText", "Normaliser", "builtin_words", "normalise_document", "normalise_item", "normalise_text"]

#: A word written apart: capitalised or lower case, letters only.
_WORD = re.compile(r"(?<![A-Za-z])[A-Z]?[a-z]+(?![A-Za-z])")
#: Two capitalised words in a row ("Jong Un", "Jong Unvisited"), overlapping.
#: (The look-behinds of these patterns come after their first capital, so that ``re`` scans ahead to a
#: capital letter in C instead of trying the whole pattern at every character: same matches, 2-5x less CPU.)
_PAIR = re.compile(r"([A-Z](?<![A-Za-z][A-Z])[a-z]*) (?=([A-Z][a-z]+)(?![A-Za-z]))")
#: Three capitalised words in a row, the last with lower-case letters only after its capital: a Korean
#: name whose last syllable may carry a glued word ("Kim Jong Ilwho").
#: The surname may itself be glued to the word before it ("ComradeKim Jong Ilwho": lower->Upper).
#: (After no letter or after a lower-case one is: not after a capital.)
_KOREAN_TRIPLE = re.compile(r"([A-Z](?<![A-Z][A-Z])[a-z]+) (?=([A-Z][a-z]+) ([A-Z][a-z]+)(?![A-Za-z'’-]))")
#: A token with one lower->Upper boundary: "ComradeKim", "theKim", "SungPrize".
_GLUED = re.compile(r"(?<![A-Za-z])([A-Z]?[a-z]+)([A-Z][a-z]+)(?![A-Za-z])")
#: The boundary every glued token has: a text without it has no glued token (most texts).
_LOWER_UPPER = re.compile(r"[a-z][A-Z]")
#: A run of letters (from where it is matched: the rest of a run).
_LETTERS = re.compile(r"[A-Za-z]*")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_QUOTE_RUN = re.compile(r'"+')
_PREV = re.compile(r"(?<![A-Za-z])([A-Z][a-z]*) \Z")
_NEXT = re.compile(r" [A-Z][a-z]")
_PARTICLES = frozenset(
    [
        "mac",
        "mc",
        "van",
        "von",
        "der",
        "den",
        "del",
        "della",
        "de",
        "di",
        "da",
        "la",
        "le",
        "du",
        "st",
        "san",
        "ibn",
        "bin",
        "al",
        "el",
        "abu",
        "ben",
    ]
)
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
#: Hyphens written inside words other than "-": U+2010 (hyphen) and U+2011 (non-breaking hyphen).
_WORD_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
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


def _all_doubled(body: str) -> bool:
    """Is every run of quotation marks in ``body`` of even length (two or more pairs in all)?"""
    runs = [len(m.group()) for m in _QUOTE_RUN.finditer(body)]
    return sum(runs) >= 4 and all(n % 2 == 0 for n in runs)


def _undouble_quotes(text: str) -> tuple[str, int]:
    """``text`` with CSV-doubled quotes undone, and how many pairs, when the pattern is consistent:
    every run of quotes even, in the text or inside a wrapping pair around the whole text."""
    if text.count('""') < 2:
        return text, 0
    if _all_doubled(text):
        return text.replace('""', '"'), text.count('""')
    core = text.strip()
    if len(core) > 2 and core[0] == '"' and core[-1] == '"' and _all_doubled(core[1:-1]):
        lead = text.index(core)
        body = core[1:-1]
        return text[:lead] + body.replace('""', '"') + text[lead + len(core) :], body.count('""')
    return text, 0


def _shares_a_head(pair_hits: Sequence[tuple[str, str, int]]) -> bool:
    """Do two different words follow the same word in ``pair_hits`` with the same first two letters
    ("Jong Un" and "Jong Unvisited")? Without that, and without a glued token, no cut but the Korean
    names' can be made: an Upper->lower cut needs a name and the same name with a word after it, after
    the same word (a name of two letters or more), or a name glued to two different words; a lower->Upper
    cut needs a glued token."""
    heads: dict[tuple[str, str], str] = {}
    for p, w, _ in pair_hits:
        first = heads.setdefault((p, w[:2]), w)
        if first != w:
            return True
    return False


def _split_points(text: str, words: frozenset[str]) -> list[tuple[int, str, int]]:
    """(offset, token, offset in the token) where a space goes in, in text order."""
    pair_hits = [(m[1], m[2], m.start(2)) for m in _PAIR.finditer(text)]
    glued = _glued_tokens(text)
    if not glued and not _shares_a_head(pair_hits):  # most texts: the word sets below are not needed
        return sorted(_korean_name_cuts(text, set()))
    seen = set(_WORD.findall(text))
    own = set(map(str.lower, seen))

    def known(w: str) -> bool:
        return w in words or w in own or w in _TITLE_WORDS

    pairs = {(p, w) for p, w, _ in pair_hits}
    lefts: dict[str, set[str]] = {}
    for p, w in pairs:
        lefts.setdefault(p, set()).add(w)
    rights: dict[tuple[str, str], set[str]] = {}  # (prev, name) -> the known words glued to it
    for p, w in pairs:  # each distinct pair once: the sets below do not depend on how often it is seen
        for i in range(2, min(len(w), _MAX_TOKEN) - 1):
            tail = w[i:]
            if tail in words or tail in own or tail in _TITLE_WORDS:
                rights.setdefault((p, w[:i]), set()).add(tail)
    for m in glued:
        b = _PREV.search(text, max(0, m.start() - 30), m.start())
        if b is not None and m[2][1:].islower() and known(m[2].lower()):
            rights.setdefault((b[1], m[1]), set()).add(m[2].lower())
    for key, found in rights.items():
        if len(found) >= 2:  # a name glued to varying words: "Unvisited", "Unsaid"
            pairs.add(key)
            lefts.setdefault(key[0], set()).add(key[1])
    cuts: list[tuple[int, str, int]] = []
    for m in glued:  # lower->Upper: "ComradeKim", "wishedKim", "SungPrize"
        left, right = m[1], m[2]
        nxt = _NEXT.match(text, m.end())
        is_name = right.lower() not in words and len(right) >= 2 and (right in seen or nxt is not None)
        low = left.lower()
        title_then_name = is_name and (
            (len(left) >= 3 and left[1:].islower() and (low in _TITLE_WORDS or low.removesuffix("s") in _TITLE_WORDS))
            or (len(left) >= 2 and left.islower() and known(low) and low not in _PARTICLES)
        )
        b = _PREV.search(text, max(0, m.start() - 30), m.start())
        name_then_word = b is not None and (b[1], left) in pairs and (known(right.lower()) or right in seen)
        if title_then_name or name_then_word:
            cuts.append((m.start(2), m[0], len(left)))
    # Candidates for the name before a glued word, in a fixed order (never a set's, which changes with the
    # hash seed and so would change the text and the doc_id between runs): the name seen most often as a
    # word of its own after ``p`` first ("Un" after "Jong", not "Unw" from "Unwas"), then the shorter.
    seen_after = Counter((p, w) for p, w, _ in pair_hits)

    def order(p: str, left: str) -> tuple[int, int, str]:
        return (-seen_after[(p, left)], len(left), left)

    ordered = {p: sorted(found, key=partial(order, p)) for p, found in lefts.items()}
    for p, w, pos in pair_hits:  # Upper->lower: "Unvisited" after "Jong"
        for left in ordered.get(p, ()):
            i = len(left)
            if (
                len(w) - i >= 2
                and w.startswith(left)
                and (p, left) in pairs
                and known(w[i:])
                and w[i:] not in _NAME_ENDINGS
                and left != w
            ):
                cuts.append((pos + i, w, i))
                break
    cuts.extend(_korean_name_cuts(text, {c[0] for c in cuts}))
    cuts.sort()
    return cuts


def _glued_tokens(text: str) -> list[re.Match[str]]:
    """The matches of ``_GLUED`` in ``text`` (``_GLUED.finditer``), found from its lower->upper boundaries:
    a match is a whole run of letters with one such boundary in it, so it is tried only at the start of
    the run of each boundary (most texts have none; the others a few), not along the whole text."""
    found: list[re.Match[str]] = []
    done = -1  # the runs of letters before this offset are tried already
    for boundary in _LOWER_UPPER.finditer(text):
        start = boundary.start()
        if start < done:
            continue
        while start and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        m = _GLUED.match(text, start)
        if m is not None:
            found.append(m)
        rest = _LETTERS.match(text, boundary.end())  # the rest of the run: its other boundaries are done
        done = rest.end() if rest is not None else boundary.end()
    return found


def _korean_name_cuts(text: str, taken: set[int]) -> list[tuple[int, str, int]]:
    """Upper->lower after a Korean name written surname first, seen once or not standalone: "Kim Jong
    Ilwho" -> "Il who". The rule of the extractor's ``unglue`` (one known surname, romanised syllables,
    a word from :data:`~workbook.extract.vocabulary.GLUED_WORDS` after the last syllable), so a text split
    here and one split by the tokenizer give the same names."""
    cuts: list[tuple[int, str, int]] = []
    for m in _KOREAN_TRIPLE.finditer(text):
        surname, middle, last = m[1], m[2], m[3]
        if surname.lower() not in SURNAME_FIRST or not is_korean_syllable(middle) or is_korean_syllable(last):
            continue
        for k in range(1, min(5, len(last) - 1)):
            head, tail = last[:k], last[k:]
            if tail in GLUED_WORDS and is_korean_syllable(head):
                if m.start(3) + k not in taken:
                    cuts.append((m.start(3) + k, last, k))
                break
    return cuts


def _plain_hyphens(text: str) -> tuple[str, int]:
    """``text`` with U+2010 and U+2011 written as "-" (same length), and how many there were."""
    n = text.count("\u2011") + text.count("\u2010")
    return (text.translate(_WORD_HYPHENS), n) if n else (text, 0)


def _result(text: str, n_quotes: int, n_hyphens: int, cuts: Sequence[tuple[int, str, int]]) -> NormalisedText:
    """``text`` (its quotes undone and hyphens made plain already) with a space put in at each cut, and the
    report."""
    report: dict[str, Any] = {}
    if n_quotes:
        report["doubled_quotes"] = n_quotes
    if n_hyphens:
        report["unicode_hyphens"] = n_hyphens
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


def normalise_text(text: str, words: frozenset[str] | None = None) -> NormalisedText:
    """``text`` with CSV-doubled quotes undone, word hyphens made plain and glued words split (see the
    module docs)."""
    text, n_quotes = _undouble_quotes(text)
    text, n_hyphens = _plain_hyphens(text)
    return _result(text, n_quotes, n_hyphens, _split_points(text, builtin_words() if words is None else words))


def _with_result(raw: RawDocument, result: NormalisedText) -> RawDocument:
    if not result.report:
        return raw
    return replace(raw, text=result.text, meta={**raw.meta, "normalised": result.report})


def normalise_document(raw: RawDocument) -> RawDocument:
    """``raw`` with its text normalised and the changes recorded in ``meta["normalised"]``."""
    return _with_result(raw, normalise_text(raw.text))


def normalise_item(item: RawDocument | IngestFailure) -> RawDocument | IngestFailure:
    """:func:`normalise_document` for documents; failures pass through."""
    return normalise_document(item) if isinstance(item, RawDocument) else item


class Normaliser:
    """:func:`normalise_item` for the documents of one corpus, searching each distinct text once: the
    cuts found in a text are remembered by a 16-byte BLAKE2b digest of it, so a record read again (an
    archive files one story under several sections: 811 of KCNA 2024's 2,111 records) is only cut,
    not searched. Same results as :func:`normalise_item`; holds about 100 bytes per distinct text."""

    __slots__ = ("_cuts", "_words")

    def __init__(self, words: frozenset[str] | None = None) -> None:
        self._words = builtin_words() if words is None else words
        self._cuts: dict[bytes, tuple[tuple[int, str, int], ...]] = {}

    def text(self, text: str) -> NormalisedText:
        """:func:`normalise_text` of ``text``."""
        text, n_quotes = _undouble_quotes(text)
        text, n_hyphens = _plain_hyphens(text)
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        cuts = self._cuts.get(key)
        if cuts is None:
            cuts = self._cuts[key] = tuple(_split_points(text, self._words))
        return _result(text, n_quotes, n_hyphens, cuts)

    def item(self, item: RawDocument | IngestFailure) -> RawDocument | IngestFailure:
        """:func:`normalise_item` of ``item``."""
        return _with_result(item, self.text(item.text)) if isinstance(item, RawDocument) else item
