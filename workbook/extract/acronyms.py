"""Acronyms and their expansions within one document: "Workers' Party of Korea (WPK)" makes "WPK" a
name of the Workers' Party of Korea wherever the document uses it.

Pure functions over strings and extraction records:

* :func:`acronym_matches` — Schwartz–Hearst style test of a short form against the words of a long
  form: the letters of the short form are found, in order, in the long form; every content word gives
  at least its initial, a word may give further letters from inside it ("InterContinental Ballistic
  Missile" for ICBM; each part of a hyphenated word counts as a word start, and a long form spelt by
  initials alone is preferred to a shorter one that needs inside letters), and function words
  (of, the, and, for, ...) may give their initial ("Republic of Korea", ROK) or be skipped. A
  possessive "'s" or a trailing "'" ("Workers'") is not part of the word.
* :func:`find_definitions` — where a document defines a short form: "Long Form (LF)", "LF (Long
  Form)" and "LF, the Long Form". Before the brackets, the shortest run of words that matches is
  the long form: "the Central Committee of the Workers' Party of Korea (WPK)" defines WPK as
  "Workers' Party of Korea", not the Central Committee.
* :func:`link_acronyms` — the extraction step: every mention of the short form (including the ones
  no rule recognised) is tied to the long form's entity with resolution ``alias``; the short form's
  own entity disappears and its spelling becomes an alias. When the long form is not an entity on
  its own but is capitalised and holds an organisation or facility head word (or the short form is
  an entity), an entity is made for it.

Across documents, :mod:`workbook.corpus_links` merges an acronym entity into the expansion that some
document defined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from workbook.extract.base import EntityRecord, MentionRecord, PlaceRecord
from workbook.extract.sentences import Sentence
from workbook.extract.vocabulary import FACILITY_HEADS, ORG_HEADS
from workbook.ids import normalise_name

__all__ = [
    "ACRONYM_FUNCTION_WORDS",
    "Definition",
    "acronym_matches",
    "find_definitions",
    "is_acronym",
    "link_acronyms",
]

#: Words an expansion may skip when its short form does not spell them ("Workers' Party of Korea").
ACRONYM_FUNCTION_WORDS: frozenset[str] = frozenset(
    (
        "of",
        "the",
        "and",
        "for",
        "on",
        "in",
        "at",
        "to",
        "a",
        "an",
        "de",
        "del",
        "la",
        "le",
        "du",
        "des",
        "van",
        "von",
        "und",
        "y",
    )
)

_ACRONYM = re.compile(r"[A-Z][A-Za-z&]{0,9}")
_SHORT = r"[A-Z](?:[A-Za-z&]{0,8}[A-Z])s?"
_WORD = re.compile(r"[^\W\d_][\w'’.-]*[\w'’]|[^\W\d_]|\d+")
_BEFORE = re.compile(rf"\(\s*(?P<sf>{_SHORT})\s*\)")
# Both start at a literal ("(", ", the") so the regex engine skips ahead; the short form before is
# checked on a few characters only (a pattern that starts with it would be tried at every capital).
_AFTER = re.compile(r"\s*\(\s*(?P<lf>[^()\n]{3,120}?)\s*\)")
_APPOSITION = re.compile(r",\s+the\s+(?P<lf>[A-Z][^,;:.()\n]{2,120})")
_SHORT_BEFORE = re.compile(rf"(?<![\w-])(?P<sf>{_SHORT})$")
_STOP = re.compile(r"[.;:!?()\[\]\"“”,\n]")


@dataclass(frozen=True)
class Definition:
    """A short form defined in the text: ``text[short_start:short_end]`` is the short form,
    ``text[long_start:long_end]`` its expansion."""

    short: str
    short_start: int
    short_end: int
    long: str
    long_start: int
    long_end: int


def is_acronym(word: str) -> bool:
    """Is ``word`` written like an acronym: 2–10 letters, starting with a capital and holding at
    least two capitals ("WPK", "MoFA", "ICBMs")?"""
    return bool(_ACRONYM.fullmatch(word)) and sum(c.isupper() for c in word) >= 2


def _letters(short: str) -> str:
    """The letters a long form must spell: "ICBMs" → "icbm", "R&D" → "rd"."""
    core = short[:-1] if len(short) > 2 and short.endswith("s") and short[:-1].isupper() else short
    return "".join(c for c in core.casefold() if c.isalnum())


def _clean(word: str) -> str:
    w = word.casefold()
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    return w.rstrip("'’.")


@lru_cache(maxsize=4096)
def _match(letters: str, words: tuple[str, ...], interior: bool) -> bool:
    n, m = len(letters), len(words)
    memo: dict[tuple[int, int], bool] = {}

    def word_from(i: int, w: int) -> bool:
        """Letters ``i:`` matched by words ``w:``."""
        if w == m:
            return i == n
        key = (i, w)
        if key in memo:
            return memo[key]
        word = words[w]
        ok = False
        if word in ACRONYM_FUNCTION_WORDS:
            ok = word_from(i, w + 1)
        if not ok and i < n and word[:1] == letters[i]:
            ok = inside(i + 1, w, 1)
        memo[key] = ok
        return ok

    def inside(i: int, w: int, pos: int) -> bool:
        """Letters ``i:`` matched by the rest of word ``w`` from ``pos``, then the next words."""
        if word_from(i, w + 1):
            return True
        if i == n:
            return False
        word = words[w]
        q = word.find(letters[i], pos)
        while q != -1:
            if (interior or word[q - 1] == "-") and inside(i + 1, w, q + 1):
                return True
            q = word.find(letters[i], q + 1)
        return False

    return word_from(0, 0)


def acronym_matches(short: str, long_words: Sequence[str], interior: bool = True) -> bool:
    """Does ``short`` abbreviate the words ``long_words``? (See the module docs.) At least two
    words, the first and last of them content words. ``interior=False`` allows only word (and
    hyphen-part) initials: "International Institute of the Juche Idea" for IIJI, where the letters
    inside "Institute" would also spell it from "Institute of the Juche Idea"."""
    letters = _letters(short)
    words = tuple(w for w in (_clean(x) for x in long_words) if w)
    if len(letters) < 2 or len(words) < 2 or len(words) > 2 * len(letters) + 2:
        return False
    if words[0] in ACRONYM_FUNCTION_WORDS or words[-1] in ACRONYM_FUNCTION_WORDS:
        return False
    return _match(letters, words, interior)


def _words_before(text: str, end: int, limit: int) -> list[re.Match[str]]:
    """Up to ``limit`` words right before ``end``, not across punctuation that ends a phrase."""
    lo = max(0, end - 12 * limit)
    window = text[lo:end]
    stop = max((m.end() for m in _STOP.finditer(window)), default=0)
    return list(_WORD.finditer(text, lo + stop, end))[-limit:]


def _definition_before(text: str, m: re.Match[str]) -> Definition | None:
    sf = m.group("sf")
    n = len(_letters(sf))
    words = _words_before(text, m.start(), min(n + 5, 2 * n + 2))
    for interior in (False, True):  # initials first, then letters inside words ("InterContinental")
        for k in range(len(words) - 2, -1, -1):  # the shortest run of words that matches
            run = words[k:]
            if acronym_matches(sf, [w.group() for w in run], interior):
                s, e = run[0].start(), run[-1].end()
                return Definition(sf, m.start("sf"), m.end("sf"), " ".join(text[s:e].split()), s, e)
    return None


def _definition_after(text: str, sf: str, sf_start: int, lf_start: int, lf_end: int, whole: bool) -> Definition | None:
    words = list(_WORD.finditer(text, lf_start, lf_end))
    ends = [len(words)] if whole else range(2, min(len(words), 2 * len(_letters(sf)) + 2) + 1)
    for interior in (False, True):
        for k in ends:
            run = words[:k]
            if len(run) >= 2 and acronym_matches(sf, [w.group() for w in run], interior):
                s, e = run[0].start(), run[-1].end()
                if whole and text[lf_start:lf_end].strip() != text[s:e]:
                    return None
                return Definition(sf, sf_start, sf_start + len(sf), " ".join(text[s:e].split()), s, e)
    return None


def _after(text: str, pattern: re.Pattern[str], whole: bool) -> list[Definition]:
    """Definitions whose long form follows the short form ("KPA (Korean People's Army)")."""
    out = []
    for m in pattern.finditer(text):
        lo = max(0, m.start() - 11)
        sf = _SHORT_BEFORE.search(text, lo, m.start())
        if sf is None or (sf.start() == lo and lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] in "_-")):
            continue
        d = _definition_after(text, sf.group("sf"), sf.start(), m.start("lf"), m.end("lf"), whole=whole)
        if d is not None:
            out.append(d)
    return out


def find_definitions(text: str) -> list[Definition]:
    """Short forms the text defines, in text order (see the module docs)."""
    out: list[Definition] = []
    if "(" in text:
        for m in _BEFORE.finditer(text):
            d = _definition_before(text, m)
            if d is not None:
                out.append(d)
        out += _after(text, _AFTER, whole=True)
    if ", the " in text:
        out += _after(text, _APPOSITION, whole=False)
    out.sort(key=lambda d: min(d.short_start, d.long_start))
    return out


def _head_type(long: str) -> str | None:
    """The entity type a capitalised long form's head word gives it, if any."""
    raw = long.split()
    content = [(w, r) for w, r in zip((_clean(r) for r in raw), raw, strict=True) if w not in ACRONYM_FUNCTION_WORDS]
    if not content or not all(r[:1].isupper() for _, r in content):
        return None
    heads = [w for w, _ in content if w in ORG_HEADS or w in FACILITY_HEADS]
    if not heads:
        return None
    return "organization" if heads[-1] in ORG_HEADS else "facility"


def _sentence_of(sentences: Sequence[Sentence], offset: int) -> int:
    best = 0
    for s in sentences:
        if s.start > offset:
            break
        best = s.index
    return best


def link_acronyms(
    text: str,
    sentences: Sequence[Sentence],
    entities: list[EntityRecord],
    mentions: list[MentionRecord],
    places: list[PlaceRecord],
) -> tuple[list[EntityRecord], list[MentionRecord], list[PlaceRecord]]:
    """Tie the short forms the document defines to their expansions' entities (module docs).
    Returns the inputs unchanged when the document defines none."""
    defs = find_definitions(text)
    if not defs:
        return entities, mentions, places
    by_key = {e.key: e for e in entities}
    at_span = {(m.start, m.end): m.entity_key for m in mentions}
    key_of_name: dict[str, list[str]] = {}
    for e in entities:
        key_of_name.setdefault(e.name, []).append(e.key)
    repoint: dict[str, str] = {}
    added: list[MentionRecord] = []
    new_entities: dict[str, EntityRecord] = {}
    seen: set[str] = set()
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    for d in defs:
        if d.short in seen:
            continue  # the first definition in the document holds
        # a short form the document defines is the long form, whatever a reader of the short form
        # alone guessed (the learned classifier may call "GFTUK" a person or "other")
        short_keys = key_of_name.get(d.short, [])
        target = at_span.get((d.long_start, d.long_end))
        if target is not None and (by_key[target].type == "person" or target in short_keys):
            continue
        if target is None:
            types = {by_key[k].type for k in short_keys} - {"person", "other"}
            type_ = _head_type(d.long) or (types.pop() if len(types) == 1 else None)
            if type_ is None:
                continue
            target = f"{type_}:{normalise_name(d.long)}"
            if target not in by_key and target not in new_entities:
                new_entities[target] = EntityRecord(target, d.long, type_)
            if not any(covered[d.long_start : d.long_end]):
                added.append(MentionRecord(d.long_start, d.long_end, target, _sentence_of(sentences, d.long_start)))
                covered[d.long_start : d.long_end] = b"\x01" * (d.long_end - d.long_start)
        seen.add(d.short)
        for k in short_keys:
            repoint[k] = target
        for hit in re.finditer(rf"(?<![\w-]){re.escape(d.short)}(?![\w-])", text):
            a, b = hit.span()
            if not any(covered[a:b]):
                added.append(MentionRecord(a, b, target, _sentence_of(sentences, a), "alias"))
                covered[a:b] = b"\x01" * (b - a)
    if not repoint and not added:
        return entities, mentions, places
    out_mentions = [
        replace(
            m,
            entity_key=repoint[m.entity_key],
            resolution="alias",
            candidates=tuple(repoint.get(c, c) for c in m.candidates),
        )
        if m.entity_key in repoint
        else m
        for m in mentions
    ] + added
    out_mentions.sort(key=lambda m: m.start)
    extra_aliases: dict[str, dict[str, None]] = {}
    for m in out_mentions:
        surface = " ".join(text[m.start : m.end].split())
        target_entity = by_key.get(m.entity_key) or new_entities[m.entity_key]
        if normalise_name(surface) != normalise_name(target_entity.name) and surface not in target_entity.aliases:
            extra_aliases.setdefault(m.entity_key, {})[surface] = None
    used = {m.entity_key for m in out_mentions}
    out_entities = []
    for e in [*entities, *new_entities.values()]:
        if e.key in used:
            more = tuple(a for a in extra_aliases.get(e.key, {}) if a not in e.aliases)
            out_entities.append(replace(e, aliases=e.aliases + more) if more else e)
    has_place = {p.entity_key for p in places}
    out_places = []
    for p in places:
        if p.entity_key in used:
            out_places.append(p)
        elif p.entity_key in repoint and repoint[p.entity_key] not in has_place:
            out_places.append(replace(p, entity_key=repoint[p.entity_key]))
            has_place.add(repoint[p.entity_key])
    return out_entities, out_mentions, out_places
