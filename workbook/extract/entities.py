"""Entities and their mentions, found by rules and a gazetteer.

:func:`extract_entities` combines, in order of precedence when spans overlap:

1. weapon-system designations ("Hwasong-14", "Hwasongpho-19" → Hwasong-19, "KN-23", and the "-15"
   of "Hwasong-14 and -15");
2. people announced by an honorific ("Mr Lewis"; the honorific is part of a partial mention's
   surface) or a title or role ("President Donald Trump", "leader Kim Jong Un", "his colleague David
   Schmerler"; the title is not part of the name and is kept as a cue for coreference);
3. organisations and facilities: capitalised phrases holding a head word ("Middlebury Institute of
   International Studies", "Straits Times", "Sinpho Shipyard") or known names ("KCNA", "Rodong
   Sinmun"); a leading "The" is never part of the name, so one newspaper has one name everywhere;
   Korean three-part names ("Kim Yong Chol", "Choe Son Hui");
4. gazetteer places and facilities, with their coordinates (a rule span with exactly the same
   extent yields to the gazetteer, which knows where it is); "the North" is North Korea when the
   document names North Korea (``vocabulary.SHORT_PLACE_NAMES``);
5. weaker person evidence: two or three capitalised words starting with a common given name, or
   ending with a surname seen after an honorific elsewhere in the document.

Longer spans win ties. Capitalised words that open sentences ("The", "But", "Since") and phrases
nothing classifies are not entities. Person mentions are resolved by :mod:`workbook.extract.coref`
("Mr Kim" → the right Kim, marked ``ambiguous`` when several fit). Entity keys are local to the
document: ``f"{type}:{normalise_name(name)}"``. Every mention satisfies ``text[start:end] ==``
its surface.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from workbook.extract.base import EntityRecord, MentionRecord, PlaceRecord
from workbook.extract.coref import Person, PersonSpan, ResolvedMention, is_korean_syllable, resolve_people, surname_of
from workbook.extract.gazetteer import Gazetteer, GazetteerMatch, fold_key
from workbook.extract.ner_merge import RuleSpan, merge_learned
from workbook.extract.ner_model import EntityModel
from workbook.extract.rule_tokens import TITLE_WORDS, Token, tokenize
from workbook.extract.sentences import Sentence
from workbook.extract.vocabulary import (
    ABBREVIATED_TITLES,
    FACILITY_HEADS,
    GIVEN_NAMES,
    HONORIFICS,
    KNOWN_ORGS,
    MONTHS,
    NAME_CONNECTORS,
    NEVER_NAME_START,
    ORG_HEADS,
    POSSESSIVE_NAME_WORDS,
    ROLE_NOUNS,
    SHORT_PLACE_NAMES,
    SURNAME_FIRST,
    TITLES,
    WEEKDAYS,
    find_weapons,
)
from workbook.ids import normalise_name

__all__ = ["Token", "entity_key", "extract_entities", "tokenize"]

_SPACES = re.compile(r"[ \t\u00a0]+")
_NOT_NAME = NEVER_NAME_START | NAME_CONNECTORS | MONTHS | WEEKDAYS | HONORIFICS
_HEADS = ORG_HEADS | FACILITY_HEADS
_MAX_TITLE = max(len(t) for t in TITLES)
_TITLE_FIRST_WORDS = frozenset(t[0] for t in TITLES if t)
_KNOWN_ORG_FIRST_WORDS = frozenset(k.split()[0] for k in KNOWN_ORGS)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_LONG_WORD = re.compile(r"\b[^\W\d_]{3,}\b")
_NON_WORD = re.compile(r"[^\w]+")

# precedence of candidate spans (higher wins an overlap, then the longer span)
_WEAPON, _CUED_PERSON, _NAMED, _LEARNED, _GAZETTEER, _WEAK = 6, 5, 4, 3, 2, 1


def _quick_key(words: Sequence[str]) -> str:
    """``normalise_name`` of the words."""
    return normalise_name(" ".join(words))


def entity_key(type_: str, name: str) -> str:
    """The document-local key of an entity."""
    return f"{type_}:{normalise_name(name)}"


@dataclass
class _Cand:
    start: int
    end: int
    type: str
    strength: int
    name: str
    person: PersonSpan | None = None
    gaz: GazetteerMatch | None = None
    splittable: bool = False  # a head-word organisation or facility the classifier may split


class _Doc:
    """Per-document context of the run classifier."""

    def __init__(self, text: str, tokens: list[Token], gazetteer: Gazetteer) -> None:
        self.text, self.tokens, self.gazetteer = text, tokens, gazetteer
        self.headline = self._headline_tokens()
        self.hon_surnames = {
            b.lower
            for a, b in itertools.pairwise(tokens)
            if a.lower in HONORIFICS and a.text[1:].islower() and a.cap and b.cap and self.joinable(a, b)
        }

    def _headline_tokens(self) -> set[int]:
        """Tokens on title-case lines ("Kim Jong Un Inspects Munitions Factory"), where capitals
        say nothing about names."""
        out: set[int] = set()
        line_start = 0
        i = 0
        tokens = self.tokens
        n = len(tokens)
        for line in self.text.split("\n"):
            line_end = line_start + len(line)
            j = i
            while j < n and tokens[j].start < line_end:
                j += 1
            # fewer than four words, or a line ending in a full stop (most of them): no title-case line
            if j - i >= 4 and not line.rstrip().endswith("."):
                caps = sum(1 for t in tokens[i:j] if t.cap and len(t.text) >= 3 and t.text.isalpha())
                if caps >= 4 and caps >= 0.8 * max(5, len(_LONG_WORD.findall(line))):
                    out.update(range(i, j))
            i, line_start = j, line_end + 1
        return out

    def joinable(self, a: Token, b: Token) -> bool:
        if a.possessive:
            return False
        gap = self.text[a.full_end : b.start]
        if gap == " " or _SPACES.fullmatch(gap):  # one space: most pairs, without the regex
            return True
        if gap[:1] == "." and _SPACES.fullmatch(gap[1:]):
            return a.lower in HONORIFICS or a.lower in ABBREVIATED_TITLES or (len(a.text) == 1 and a.text.isupper())
        return gap[:1] in "'’" and bool(_SPACES.fullmatch(gap[1:])) and a.lower + "'" in POSSESSIVE_NAME_WORDS

    def span(self, idx: Sequence[int]) -> tuple[int, int, str]:
        s, e = self.tokens[idx[0]].start, self.tokens[idx[-1]].end
        return s, e, " ".join(self.text[s:e].split())


def _runs(doc: _Doc, blocked: set[int]) -> list[list[int]]:
    """Maximal runs of capitalised words (with connectors such as "of" between them)."""
    toks = doc.tokens
    runs: list[list[int]] = []
    cur: list[int] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if i in blocked or not (t.cap or t.lower in NAME_CONNECTORS):
            if cur:
                runs.append(cur)
            cur, i = [], i + 1
            continue
        if t.cap:
            if cur and not doc.joinable(toks[cur[-1]], t):
                runs.append(cur)
                cur = []
            cur.append(i)
            i += 1
            continue
        j = i  # connectors: keep them only between capitalised words
        while j < len(toks) and toks[j].lower in NAME_CONNECTORS and not toks[j].cap and j not in blocked:
            j += 1
        chain = list(range(i, j))
        ok = (
            cur
            and j < len(toks)
            and toks[j].cap
            and j not in blocked
            and toks[j].lower not in MONTHS
            and toks[j].lower not in WEEKDAYS
            and all(doc.joinable(toks[a], toks[b]) for a, b in zip([cur[-1], *chain], [*chain, j], strict=False))
        )
        if ok:
            cur.extend(chain)
        else:
            if cur:
                runs.append(cur)
            cur = []
        i = j
    if cur:
        runs.append(cur)
    return runs


def _title_len(words: Sequence[str]) -> int:
    if not words or words[0] not in _TITLE_FIRST_WORDS:  # most words start no title
        return 0
    for n in range(min(_MAX_TITLE, len(words)), 0, -1):
        if tuple(words[:n]) in TITLES:
            return n
    return 0


def _korean_name_len(doc: _Doc, idx: Sequence[int]) -> int:
    if not idx or doc.tokens[idx[0]].lower not in SURNAME_FIRST:
        return 0
    w = [doc.tokens[i] for i in idx[:3]]
    if len(w) >= 2 and "-" in w[1].text and is_korean_syllable(w[1].text) and w[1].cap:
        return 2
    if (
        len(w) == 3
        and all(
            t.cap
            and "-" not in t.text
            and t.lower not in _NOT_NAME
            and t.lower not in _HEADS
            and is_korean_syllable(t.text)
            for t in w[1:]
        )
        and not w[1].possessive
    ):
        return 3
    return 0


def _name_tokens(doc: _Doc, run: Sequence[int], k: int) -> list[int]:
    """The name words starting at position ``k`` of a run (after an honorific or a title)."""
    rest = run[k : k + 4]
    korean = _korean_name_len(doc, rest)
    if korean:
        return list(rest[:korean])
    limit = 4
    if rest and rest[0] in doc.headline:
        limit = 2 if doc.tokens[rest[0]].lower in GIVEN_NAMES else 1
    out: list[int] = []
    for i in rest:
        t = doc.tokens[i]
        if not t.cap or t.lower in _NOT_NAME or t.lower in _HEADS or (not out and t.lower in TITLE_WORDS):
            break
        out.append(i)
        if t.possessive or len(out) == limit:
            break
    return out


def _head_follows(doc: _Doc, run: Sequence[int], k: int, name: list[int]) -> bool:
    """Is the name followed by an organisation head ("General Reconnaissance Bureau")?"""
    after = k + len(name)
    return after < len(run) and doc.tokens[run[after]].lower in _HEADS


def _person(doc: _Doc, name_idx: list[int], title: str | None, honorific: Token | None, strength: int) -> _Cand:
    s, e, name = doc.span(name_idx)
    if honorific is not None and len(name_idx) == 1:
        s = honorific.start  # "Mr Lewis": the honorific is part of a partial mention
    span = PersonSpan(s, e, tuple(name.split()), title, honorific.text if honorific else None)
    return _Cand(s, e, "person", strength, name, person=span)


def _classify_run(doc: _Doc, run: list[int]) -> list[_Cand]:
    toks, out, plain = doc.tokens, [], []
    lower = [toks[i].lower for i in run]
    j = run[0]  # a lower-case title right before the run: "leader Kim Jong Un"
    before: list[str] = []
    while j > 0 and len(before) < _MAX_TITLE and not toks[j - 1].cap and doc.joinable(toks[j - 1], toks[j]):
        j -= 1
        before.insert(0, toks[j].lower)
    pre_title = next((" ".join(before[-n:]) for n in range(len(before), 0, -1) if tuple(before[-n:]) in TITLES), None)
    i = 0
    while i < len(run):
        name: list[int] = []
        t = toks[run[i]]
        honorific = t.lower in HONORIFICS and t.text[:1].isupper() and t.text[1:].islower()
        korean = _korean_name_len(doc, run[i : i + 3])
        tl = 0 if honorific or korean else _title_len(lower[i : i + _MAX_TITLE])
        while tl and (
            more := _title_len(lower[i + tl : i + tl + _MAX_TITLE])
        ):  # "Comrade General Secretary Kim Jong Un"
            tl += more
        if tl and i > 0 and all(w in ROLE_NOUNS for w in lower[i : i + tl]):
            tl = 0  # "Choe Son Hui": a capitalised role noun inside a name is part of it
        if honorific:
            name = _name_tokens(doc, run, i + 1)
            cand = _person(doc, name, None, t, _CUED_PERSON) if name else None
        elif tl:
            name = _name_tokens(doc, run, i + tl)
            ok = name and doc.gazetteer.lookup(doc.span(name)[2]) is None and not _head_follows(doc, run, i + tl, name)
            cand = _person(doc, name, " ".join(lower[i : i + tl]), None, _CUED_PERSON) if ok else None
        elif i == 0 and pre_title:
            name = _name_tokens(doc, run, 0)
            ok = name and doc.gazetteer.lookup(doc.span(name)[2]) is None
            cand = _person(doc, name, pre_title, None, _CUED_PERSON) if ok else None
        else:
            cand = None
        if cand is None:
            step = korean or 1  # a Korean name stays whole: "Choe Son Hui" holds no title "Son"
            plain.extend(run[i : i + step])
            i += step
            continue
        out += _classify_plain(doc, plain)
        plain = []
        out.append(cand)
        i += (1 if honorific else tl) + len(name)
    return out + _classify_plain(doc, plain)


def _trim(doc: _Doc, idx: list[int]) -> list[int]:
    a, b = 0, len(idx)
    while a < b and doc.tokens[idx[a]].lower in _NOT_NAME:
        a += 1
    while b > a and doc.tokens[idx[b - 1]].lower in NAME_CONNECTORS:
        b -= 1
    return idx[a:b] if (a, b) != (0, len(idx)) else idx


def _has_head(doc: _Doc, idx: Sequence[int]) -> bool:
    words = [doc.tokens[i].lower for i in idx]
    return any(w in _HEADS and (k > 0 or (len(words) > 1 and words[1] == "of")) for k, w in enumerate(words))


def _looks_like_name(doc: _Doc, idx: Sequence[int]) -> bool:
    return (
        bool(_korean_name_len(doc, idx[:3]))
        or doc.tokens[idx[0]].lower in GIVEN_NAMES
        or (doc.gazetteer.lookup(doc.span(idx)[2]) is not None)
    )


def _classify_plain(doc: _Doc, idx: list[int]) -> list[_Cand]:
    idx = _trim(doc, idx)
    if not idx:
        return []
    parts: list[list[int]] = [[]]
    for i in idx:  # "A and B": one name ("Ministry of Science and Technology") or two
        if doc.tokens[i].lower == "and" and parts[-1]:
            parts.append([])
        parts[-1].append(i)
    parts = [_trim(doc, p) for p in parts]
    merged: list[list[int]] = []
    for p in (p for p in parts if p):
        if merged:
            left = merged[-1]
            lh, ph = _has_head(doc, left), _has_head(doc, p)
            if (lh and not ph and not _looks_like_name(doc, p)) or (ph and not lh and not _looks_like_name(doc, left)):
                merged[-1] = list(range(left[0], p[-1] + 1))
                continue
        merged.append(p)
    return [c for p in merged for c in _classify_part(doc, p)]


def _known_org_len(doc: _Doc, idx: Sequence[int], a: int) -> int:
    """Length of the longest known organisation name ("KCNA", "Rodong Sinmun") at position ``a``."""
    if doc.tokens[idx[a]].lower not in _KNOWN_ORG_FIRST_WORDS:
        return 0
    words = [doc.tokens[i].text for i in idx[a : a + 6]]
    for n in range(len(words), 0, -1):
        if _quick_key(words[:n]) in KNOWN_ORGS and (n > 1 or words[0].isupper() or len(words[0]) > 4):
            return n
    return 0


def _classify_part(doc: _Doc, idx: list[int]) -> list[_Cand]:
    """Known organisations first; the words between them are classified by :func:`_classify_rest`."""
    out: list[_Cand] = []
    a = last = 0
    while a < len(idx):
        n = _known_org_len(doc, idx, a)
        if not n:
            a += 1
            continue
        s, e, name = doc.span(idx[a : a + n])
        out += [*_classify_rest(doc, idx[last:a]), _Cand(s, e, "organization", _NAMED, name)]
        a = last = a + n
    return out + _classify_rest(doc, idx[last:])


def _classify_rest(doc: _Doc, idx: list[int]) -> list[_Cand]:
    toks, out, a = doc.tokens, [], 0
    idx = _trim(doc, idx)
    while a < len(idx) and (korean := _korean_name_len(doc, idx[a : a + 3])):
        if idx[a] not in doc.headline and len(idx) - a > korean and _has_head(doc, idx[a:]):
            break  # "Kim Il Sung University"
        out.append(_person(doc, list(idx[a : a + korean]), None, None, _NAMED))
        a += korean
        while a < len(idx) and toks[idx[a]].lower in _NOT_NAME:
            a += 1
    idx = _trim(doc, idx[a:]) if a else idx
    if not idx:
        return out
    headline = idx[0] in doc.headline
    if not headline and len(idx) >= 2 and _has_head(doc, idx):
        s, e, name = doc.span(idx)
        head = toks[idx[max(k for k, i in enumerate(idx) if toks[i].lower in _HEADS)]].lower
        type_ = "organization" if head in ORG_HEADS else "facility"
        return [*out, _Cand(s, e, type_, _NAMED, name, splittable=True)]
    if headline or not 2 <= len(idx) <= 3 or any(toks[i].lower in _HEADS for i in idx):
        return out
    if toks[idx[0]].lower in GIVEN_NAMES or toks[idx[-1]].lower in doc.hon_surnames:
        out.append(_person(doc, idx, None, None, _WEAK))
    return out


def _select(cands: list[_Cand], n: int) -> list[_Cand]:
    gaz_spans = {(c.start, c.end) for c in cands if c.gaz is not None}
    cands = [c for c in cands if c.gaz is not None or c.strength >= _CUED_PERSON or (c.start, c.end) not in gaz_spans]
    cands.sort(key=lambda c: (-c.strength, c.start - c.end, c.gaz is None, c.start))
    taken = bytearray(n + 1)
    out = []
    for c in cands:
        if c.start >= c.end or any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    return sorted(out, key=lambda c: c.start)


def _short_place_names(text: str, tokens: list[Token], chosen: list[_Cand], covered: bytearray) -> list[_Cand]:
    """ "the North" / "the South" for North / South Korea, when the document names that country."""
    named = {c.gaz.entry.name: c.gaz.entry for c in chosen if c.gaz is not None}
    out = []
    for i, t in enumerate(tokens):
        entry = named.get(SHORT_PLACE_NAMES.get(t.text, ""))
        if entry is None or any(covered[t.start : t.end]) or not _THE_BEFORE.search(text, max(0, t.start - 5), t.start):
            continue
        if i + 1 < len(tokens) and tokens[i + 1].cap and not text[t.full_end : tokens[i + 1].start].strip():
            continue  # "the North Atlantic"
        out.append(
            _Cand(t.start, t.end, entry.type, _GAZETTEER, entry.name, gaz=GazetteerMatch(t.start, t.end, entry, True))
        )
    return out


def _rule_kind(c: _Cand) -> str:
    if c.gaz is not None:
        return "gazetteer"
    if c.strength == _WEAK:
        return "weak"
    return "named" if c.splittable else "certain"


def _names_person(words: tuple[str, ...], people: set[str], surnames: set[str]) -> bool:
    return _quick_key(words) in people or (len(words) == 1 and words[0].casefold() in surnames)


def _learned(text: str, cands: list[_Cand], gazetteer: Gazetteer, model: EntityModel) -> list[_Cand]:
    """The rules' candidates combined with the classifier's (:mod:`workbook.extract.ner_merge`)."""

    certain = bytearray(len(text) + 1)  # the classifier need not score what the rules are sure of
    for c in cands:
        if c.strength >= _CUED_PERSON or (c.strength == _NAMED and not c.splittable):
            certain[c.start : c.end] = b"\x01" * (c.end - c.start)
    spans, probs = model.predict_with_probs(text, gazetteer.type_of, certain)
    rules = [RuleSpan(c.start, c.end, _rule_kind(c)) for c in cands]
    vetoed, added = merge_learned(text, rules, spans, probs, model.common)
    full_names = [s.words for s in added if s.type == "person" and len(s.words) > 1]
    full_names += [c.person.words for c in cands if c.person is not None and len(c.person.words) > 1]
    surnames = {surname_of(w).casefold() for w in full_names}
    people = {_quick_key(w) for w in full_names}
    added = [  # one reading per person: "Truffaut" or "François Truffaut" typed a place elsewhere is the person
        dataclasses.replace(s, type="person") if s.type != "person" and _names_person(s.words, people, surnames) else s
        for s in added
    ]
    out = [  # a lone surname of someone the classifier found is that person, not a gazetteer place
        c
        for k, c in enumerate(cands)
        if k not in vetoed and not (c.gaz is not None and fold_key(text[c.start : c.end]) in surnames)
    ]
    for s in added:
        name = " ".join(s.words)
        if s.type == "person":
            title = s.left if (s.left,) in TITLES else None
            out.append(_Cand(s.start, s.end, "person", _LEARNED, name, PersonSpan(s.start, s.end, s.words, title)))
        else:
            out.append(_Cand(s.start, s.end, s.type, _LEARNED, name))
    return out


def extract_entities(
    text: str, sentences: list[Sentence], gazetteer: Gazetteer, model: EntityModel | None = None
) -> tuple[list[EntityRecord], list[MentionRecord], list[PlaceRecord]]:
    """Entities, mentions and place coordinates of one document (see the module docstring). With
    a ``model``, the learned classifier adds and vetoes spans (:mod:`workbook.extract.ner_merge`)."""
    tokens = tokenize(text)
    doc = _Doc(text, tokens, gazetteer)
    cands = [_Cand(s, e, "weapon_system", _WEAPON, name) for s, e, name in find_weapons(text)]
    starts = [t.start for t in tokens]
    blocked: set[int] = set()
    for c in cands:
        blocked.update(range(bisect.bisect_left(starts, c.start), bisect.bisect_left(starts, c.end)))
    for run in _runs(doc, blocked):
        cands += _classify_run(doc, run)
    surnames = {surname_of(c.person.words).casefold() for c in cands if c.person and len(c.person.words) > 1}
    surnames |= doc.hon_surnames
    for m in gazetteer.find(text):  # a lone surname of someone in the document is that person
        if " " in text[m.start : m.end].strip() or fold_key(text[m.start : m.end]) not in surnames:
            cands.append(_Cand(m.start, m.end, m.entry.type, _GAZETTEER, m.entry.name, gaz=m))
    if model is not None:
        cands = _learned(text, cands, gazetteer, model)
    chosen = _select(cands, len(text))
    covered = bytearray(len(text) + 1)
    for c in chosen:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    short = _short_place_names(text, tokens, chosen, covered)
    for c in short:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    chosen += short
    bare = [
        (t.start, t.end, t.text)
        for i, t in enumerate(tokens)
        if t.cap and i not in blocked and not any(covered[t.start : t.end])
    ]
    persons, resolved = resolve_people([c.person for c in chosen if c.person], bare)
    return _records(text, sentences, chosen, persons, resolved)


def _records(
    text: str,
    sentences: Sequence[Sentence],
    chosen: list[_Cand],
    persons: Sequence[Person],
    resolved: Sequence[ResolvedMention],
) -> tuple[list[EntityRecord], list[MentionRecord], list[PlaceRecord]]:
    sent_starts = [s.start for s in sentences]
    norm = lru_cache(maxsize=None)(normalise_name)  # per call: names repeat within a document

    def sentence_of(offset: int) -> int:
        return max(bisect.bisect_right(sent_starts, offset) - 1, 0)

    names: dict[str, tuple[str, str, str]] = {}  # key -> (name, type, origin)
    places: dict[str, PlaceRecord] = {}
    mentions: list[MentionRecord] = []
    for p in persons:
        names[p.key] = (p.name, "person", "rules")
    for r in resolved:
        mentions.append(MentionRecord(r.start, r.end, r.key, sentence_of(r.start), r.resolution, r.candidates))
    for c in chosen:
        if c.person is not None:
            continue
        key = f"{c.type}:{norm(c.name)}"
        surface = text[c.start : c.end]
        if c.gaz is not None:
            e = c.gaz.entry
            names.setdefault(key, (e.name, e.type, f"gazetteer:{e.source_name}"))
            places.setdefault(
                key, PlaceRecord(key, e.lat, e.lon, e.uncertainty_km, e.coord_source, e.source_name, e.admin_area)
            )
        else:
            old = names.get(key)
            if old is None or len(c.name) > len(old[0]):
                names[key] = (c.name, c.type, "rules")
        exact = norm(surface) == norm(names[key][0])
        mentions.append(MentionRecord(c.start, c.end, key, sentence_of(c.start), "exact" if exact else "alias"))
    mentions.sort(key=lambda m: m.start)
    aliases: dict[str, dict[str, None]] = {}
    for m in mentions:
        surface = " ".join(text[m.start : m.end].split())
        if norm(surface) != norm(names[m.entity_key][0]):
            aliases.setdefault(m.entity_key, {})[surface] = None
    used = {m.entity_key for m in mentions}
    entities = [
        EntityRecord(k, n, t, tuple(aliases.get(k, {})), origin) for k, (n, t, origin) in names.items() if k in used
    ]
    return entities, mentions, [p for k, p in places.items() if k in used]
