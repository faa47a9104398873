"""Capitalised runs of words classified into candidate entity spans (the entity rules' core).

:func:`capitalised_runs` finds maximal runs of capitalised words (with connectors such as "of"
between them) and :func:`classify_run` reads each as people announced by an honorific or a title,
Korean three-part names, known organisations, head-word organisations and facilities, and weaker
person evidence (see :mod:`workbook.extract.entities`, which combines these candidates with the
weapon designations, the gazetteer and the learned classifier). A :class:`Candidate` carries its
precedence (:data:`WEAPON` highest, :data:`WEAK` lowest; the higher wins an overlap).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbook.extract.and_joins import continues_complement, fields_before_and
from workbook.extract.coref import PersonSpan, is_korean_syllable
from workbook.extract.entity_bounds import PLACE_TAILS, common_opener_len, place_of_name
from workbook.extract.gazetteer import Gazetteer, GazetteerMatch
from workbook.extract.org_names import (
    AMBIGUOUS_FIRMS,
    BUSINESS_ORGS,
    DEFENCE_ORGS,
    UNIT_HEADS,
    about_business,
    installation_len,
)
from workbook.extract.rule_tokens import TITLE_WORDS, Token, headline_tokens
from workbook.extract.title_phrases import MAX_TITLE, TITLE_FIRST_WORDS, modifier_len, title_len, title_tail_len
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
    STREET_WORDS,
    SURNAME_FIRST,
    TITLES,
    WEEKDAYS,
)
from workbook.ids import normalise_name

__all__ = [
    "CUED_PERSON",
    "GAZETTEER",
    "LEARNED",
    "MAX_PARTICLES",
    "NAMED",
    "NAME_PARTICLES",
    "WEAK",
    "WEAPON",
    "Candidate",
    "RunContext",
    "capitalised_runs",
    "classify_run",
    "head_follows",
    "name_tokens",
    "person_candidate",
    "quick_key",
]

_SPACES = re.compile(r"[ \t\u00a0]+")
_NOT_NAME = NEVER_NAME_START | NAME_CONNECTORS | MONTHS | WEEKDAYS | HONORIFICS
_HEADS = ORG_HEADS | FACILITY_HEADS | UNIT_HEADS
#: Words after which a first word is a head ("Bank of England", "Office for National Statistics").
_HEAD_LINKS = frozenset({"of", "for"})
_ORG_HEADS = ORG_HEADS | UNIT_HEADS
_ORG_NAMES = KNOWN_ORGS | DEFENCE_ORGS | BUSINESS_ORGS
_CUE_FIRST_WORDS = HONORIFICS | SURNAME_FIRST | TITLE_FIRST_WORDS  # a word that may open a cued person
_TITLE_LAST_WORDS = frozenset(t[-1] for t in TITLES)  # the word a title before a run ends with
_NO_FIRST = TITLE_WORDS | STREET_WORDS  # no name opens with a title or "Street" ("Queen Street", "King Road")
#: The last word of a place name the gazetteer need not know, but "state" and "city" ("Islamic State"); a
#: name the gazetteer knows before it ("Uiju County") is left to the gazetteer, which has its coordinates.
_COMMON_TAILS = frozenset({"state", "city"})  # "Islamic State", "Inner City": a place only after uncommon words
_PLACE_TAILS = PLACE_TAILS - _COMMON_TAILS
_NO_PLACE_WORDS = NAME_CONNECTORS | _HEADS  # "Residents of Gangnam District": no place of four words
_KNOWN_ORG_FIRST_WORDS = frozenset(k.split()[0] for k in _ORG_NAMES)
#: Lower-case particles inside a person's name ("Mohammed bin Salman", "Laura da Silva"); the
#: tokenizer keeps them as connectors.
NAME_PARTICLES = frozenset({"bin", "al", "van", "von", "der", "de", "del", "della", "da", "du", "la", "le"})
MAX_PARTICLES = 2

# precedence of candidate spans (higher wins an overlap, then the longer span)
WEAPON, CUED_PERSON, NAMED, LEARNED, GAZETTEER, WEAK = 6, 5, 4, 3, 2, 1


def quick_key(words: Sequence[str]) -> str:
    """``normalise_name`` of the words."""
    return normalise_name(" ".join(words))


@dataclass
class Candidate:
    """A candidate entity span: its extent, type, precedence (``strength``) and name."""

    start: int
    end: int
    type: str
    strength: int
    name: str
    person: PersonSpan | None = None
    gaz: GazetteerMatch | None = None
    splittable: bool = False  # a head-word organisation or facility the classifier may split


class RunContext:
    """Per-document context of the run classifier."""

    def __init__(
        self, text: str, tokens: list[Token], gazetteer: Gazetteer, common: frozenset[str] = frozenset()
    ) -> None:
        self.text, self.tokens, self.gazetteer = text, tokens, gazetteer
        self.common = common  # words usually written in lower case (the learned model's list; empty without it)
        self.firms = AMBIGUOUS_FIRMS if about_business(text) else frozenset()  # "Apple" in business news
        self.headline = headline_tokens(text, tokens)
        self.titles: list[tuple[int, int]] = []  # the titles that cued a person (:func:`classify_run`)
        self.hon_surnames = {
            b.lower
            for a, b in itertools.pairwise(tokens)
            if a.lower in HONORIFICS and a.text[1:].islower() and a.cap and b.cap and self.joinable(a, b)
        }

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


def capitalised_runs(doc: RunContext, blocked: set[int]) -> list[list[int]]:
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


def _korean_name_len(doc: RunContext, idx: Sequence[int]) -> int:
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


def name_tokens(doc: RunContext, run: Sequence[int], k: int) -> list[int]:
    """The name words starting at position ``k`` of a run (after an honorific or a title)."""
    rest = run[k : k + 4]
    korean = _korean_name_len(doc, rest)
    if korean:
        return list(rest[:korean])
    limit = 4
    if rest and rest[0] in doc.headline:
        limit = 2 if doc.tokens[rest[0]].lower in GIVEN_NAMES else 1
    out: list[int] = []
    for i in run[k : k + 4 + MAX_PARTICLES]:
        t = doc.tokens[i]
        if out and t.lower in NAME_PARTICLES and _particle_joins(doc, run, i):
            out.append(i)  # "Mohammed bin Salman", "Pieter van der Berg"
            continue
        if (out or i + 1 in run) and t.cap and t.lower in MONTHS and len(t.lower) == 3 and not _date_follows(doc, i):
            out.append(i)  # "Dong Jun", "Kim Jan", "Col. Jan Kowalski": a month's abbreviation in a name, no date
            continue
        if not t.cap or t.lower in _NOT_NAME or t.lower in _HEADS or (not out and t.lower in _NO_FIRST):
            break
        out.append(i)
        if t.possessive or len(out) - _particles(doc, out) == limit:
            break
    while out and doc.tokens[out[-1]].lower in NAME_PARTICLES:
        out.pop()
    return out


def _date_follows(doc: RunContext, i: int) -> bool:
    return doc.text[doc.tokens[i].full_end : doc.tokens[i].full_end + 3].lstrip(". ")[:1].isdigit()


def _particles(doc: RunContext, idx: Sequence[int]) -> int:
    return sum(1 for i in idx if doc.tokens[i].lower in NAME_PARTICLES)


def _particle_joins(doc: RunContext, run: Sequence[int], i: int) -> bool:
    """A particle inside a name: a capitalised name word follows (through one more: "van der Berg")."""
    pos = run.index(i) if i in run else -1
    for j in run[pos + 1 : pos + 3] if pos >= 0 else ():
        t = doc.tokens[j]
        if t.lower in NAME_PARTICLES:
            continue
        if t.cap:
            return t.lower not in _HEADS and t.lower not in _NOT_NAME
        return False
    return False


def head_follows(doc: RunContext, run: Sequence[int], k: int, name: list[int]) -> bool:
    """Is the name followed by an organisation head ("General Reconnaissance Bureau")?"""
    after = k + len(name)
    return after < len(run) and doc.tokens[run[after]].lower in _HEADS


def person_candidate(
    doc: RunContext, name_idx: list[int], title: str | None, honorific: Token | None, strength: int
) -> Candidate:
    s, e, name = doc.span(name_idx)
    if honorific is not None and len(name_idx) == 1:
        s = honorific.start  # "Mr Lewis": the honorific is part of a partial mention
    span = PersonSpan(s, e, tuple(name.split()), title, honorific.text if honorific else None)
    return Candidate(s, e, "person", strength, name, person=span)


def classify_run(doc: RunContext, run: list[int]) -> list[Candidate]:
    """The candidate spans of one capitalised run (token indexes): people after an honorific or a
    title, then the other words (:func:`_classify_plain`)."""
    toks, out, plain = doc.tokens, [], []
    lower = [toks[i].lower for i in run]
    j = run[0]  # a lower-case title right before the run: "leader Kim Jong Un"
    before: list[str] = []
    while (
        j > 0
        and len(before) < MAX_TITLE
        and not toks[j - 1].cap
        and (before or toks[j - 1].lower in _TITLE_LAST_WORDS)  # every title read below ends with this word
        and doc.joinable(toks[j - 1], toks[j])
    ):
        j -= 1
        before.insert(0, toks[j].lower)
    pre_title = (
        next((" ".join(before[-n:]) for n in range(len(before), 0, -1) if tuple(before[-n:]) in TITLES), None)
        if before
        else None
    )
    if not pre_title and _CUE_FIRST_WORDS.isdisjoint(lower):
        if len(run) == 1 and lower[0] not in _KNOWN_ORG_FIRST_WORDS and lower[0] not in doc.firms:
            return []  # one plain word: only a known organisation's name makes it a candidate (below)
        return _classify_plain(doc, list(run))  # no word opens a cued person: every word is plain (below)
    i = 0
    while i < len(run):
        name: list[int] = []
        t = toks[run[i]]
        if t.lower not in _CUE_FIRST_WORDS and (i or not pre_title):  # no honorific, title or Korean name
            plain.append(run[i])
            i += 1
            continue
        honorific = t.lower in HONORIFICS and t.text[:1].isupper() and t.text[1:].islower()
        korean = _korean_name_len(doc, run[i : i + 3])
        tl = 0 if honorific or korean else title_len(lower[i : i + MAX_TITLE])
        if tl and _known_org_len(doc, run, i) > tl:
            tl = 0  # "General Dynamics", "General Atomics": a known organisation, no title
        while tl and (more := title_len(lower[i + tl : i + tl + MAX_TITLE])):  # "Comrade General Secretary Kim Jong Un"
            tl += more
        if tl and i > 0 and all(w in ROLE_NOUNS for w in lower[i : i + tl]):
            tl = 0  # "Choe Son Hui": a capitalised role noun inside a name is part of it
        if tl:  # "... and Minister for Defence Richard Marles": a second title, a portfolio
            tl += title_tail_len(lower, [toks[k].cap for k in run], i + tl)
            tl += i + tl + 1 < len(run) and lower[i + tl] in HONORIFICS  # "Raksha Mantri Shri Rajnath Singh"
        if honorific:
            name = name_tokens(doc, run, i + 1)
            if name and doc.gazetteer.lookup(doc.span([run[i], *name])[2]) is not None:
                name = []  # "Sri Lanka": a place, no honorific
            cand = person_candidate(doc, name, None, t, CUED_PERSON) if name else None
        elif tl:
            name = name_tokens(doc, run, i + tl)
            ok = name and doc.gazetteer.lookup(doc.span(name)[2]) is None and not head_follows(doc, run, i + tl, name)
            cand = person_candidate(doc, name, " ".join(lower[i : i + tl]), None, CUED_PERSON) if ok else None
        elif i == 0 and pre_title:
            name = name_tokens(doc, run, 0)
            ok = name and doc.gazetteer.lookup(doc.span(name)[2]) is None
            cand = person_candidate(doc, name, pre_title, None, CUED_PERSON) if ok else None
        else:
            cand = None
        if cand is None:
            step = korean or 1  # a Korean name stays whole: "Choe Son Hui" holds no title "Son"
            plain.extend(run[i : i + step])
            i += step
            continue
        if tl:  # "Chief Cabinet Secretary Yoshimasa Hayashi": "Chief Cabinet" opens the title
            m = modifier_len([toks[k].lower for k in plain], [toks[k].cap for k in plain])
            doc.titles.append((toks[plain[-m] if m else run[i]].start, toks[run[i + tl - 1]].end))
            plain = plain[: len(plain) - m]
        out += _classify_plain(doc, plain)
        plain = []
        out.append(cand)
        i += (1 if honorific else tl) + len(name)
    return out + _classify_plain(doc, plain)


def _trim(doc: RunContext, idx: list[int]) -> list[int]:
    a, b = 0, len(idx)
    while a < b and doc.tokens[idx[a]].lower in _NOT_NAME:
        a += 1
    while b > a and doc.tokens[idx[b - 1]].lower in NAME_CONNECTORS:
        b -= 1
    return idx[a:b] if (a, b) != (0, len(idx)) else idx


def _has_head(doc: RunContext, idx: Sequence[int]) -> bool:
    """A head word past the first, or first before "of" or "for" ("Office for National Statistics")."""
    words = [doc.tokens[i].lower for i in idx]
    return any(w in _HEADS and (k > 0 or (len(words) > 1 and words[1] in _HEAD_LINKS)) for k, w in enumerate(words))


def _looks_like_name(doc: RunContext, idx: Sequence[int]) -> bool:
    return (
        bool(_korean_name_len(doc, idx[:3]))
        or doc.tokens[idx[0]].lower in GIVEN_NAMES
        or (doc.gazetteer.lookup(doc.span(idx)[2]) is not None)
    )


def _classify_plain(doc: RunContext, idx: list[int]) -> list[Candidate]:
    idx = _trim(doc, idx)
    if len(idx) < 2:  # one word: one part, trimmed already (the steps below leave it as it is)
        return _classify_part(doc, idx) if idx else []
    parts: list[list[int]] = [[]]
    for i in idx:  # "A and B": one name ("Ministry of Science and Technology") or two
        if doc.tokens[i].lower == "and" and parts[-1]:
            parts.append([])
        parts[-1].append(i)
    # "A and the B" names two ("the Bundesbank and the European Central Bank"): the article opens a new name
    apart = [len(p) > 1 and doc.tokens[p[1]].lower == "the" for p in parts]
    parts = [_trim(doc, p) for p in parts]
    merged: list[list[int]] = []
    for p, after_the in ((p, t) for p, t in zip(parts, apart, strict=True) if p):
        if merged and not after_the:
            left = merged[-1]
            lh, ph = _has_head(doc, left), _has_head(doc, p)
            words = [doc.tokens[i].lower for i in left]
            if (lh and not ph and not _looks_like_name(doc, p) and continues_complement(words, _HEADS)) or (
                ph
                and not lh
                and not _looks_like_name(doc, left)
                and fields_before_and(words, [doc.tokens[i].lower for i in p], doc.gazetteer.type_of)
            ):
                merged[-1] = list(range(left[0], p[-1] + 1))
                continue
        merged.append(p)
    return [c for p in merged for c in _classify_part(doc, p)]


def _known_org_len(doc: RunContext, idx: Sequence[int], a: int) -> int:
    """Length of the longest known organisation name ("KCNA", "Rodong Sinmun") at position ``a``."""
    first = doc.tokens[idx[a]].lower
    if first in doc.firms and (idx[a] == 0 or doc.tokens[idx[a] - 1].lower != "the"):
        return 1  # "Apple said" in business news; not "the Amazon"
    if first not in _KNOWN_ORG_FIRST_WORDS:
        return 0
    words = [doc.tokens[i].text for i in idx[a : a + 6]]
    for n in range(len(words), 0, -1):
        if quick_key(words[:n]) in _ORG_NAMES and (n > 1 or words[0].isupper() or len(words[0]) > 4):
            return n
    return 0


def _classify_part(doc: RunContext, idx: list[int]) -> list[Candidate]:
    """Known organisations first; the words between them are classified by :func:`_classify_rest`."""
    out: list[Candidate] = []
    if len(idx) > 1 and len(idx) > installation_len([doc.tokens[i].lower for i in idx]) > 0:
        return _classify_rest(doc, idx)  # "RAF Lossiemouth": an installation, not the known "RAF"
    a = last = 0
    while a < len(idx):
        n = _known_org_len(doc, idx, a)
        if not n:
            a += 1
            continue
        acronym = doc.tokens[idx[a]].text.isupper()  # "ROK JCS", "EU China": apart
        lead = a - last if last < a and not acronym and _is_country(doc, idx[last:a]) else 0  # "U.S. State Department"
        tail = len(idx) - a - n if a + n < len(idx) and not acronym and _is_country(doc, idx[a + n :]) else 0
        s, e, name = doc.span(idx[a - lead : a + n + tail])
        out += [*_classify_rest(doc, idx[last : a - lead]), Candidate(s, e, "organization", NAMED, name)]
        a = last = a + n + tail
    return out + _classify_rest(doc, idx[last:])


def _is_country(doc: RunContext, idx: Sequence[int]) -> bool:
    """The words name a country in the gazetteer (a place in no admin area): "U.S.", "Australia"."""
    if len(idx) > 3:
        return False
    entry = doc.gazetteer.lookup(doc.span(idx)[2])
    return entry is not None and entry.type == "place" and entry.admin_area is None


def _classify_rest(doc: RunContext, idx: list[int]) -> list[Candidate]:
    if len(idx) < 2:  # one word is no Korean name, installation, place, head-word name or weak person
        return []
    toks, out, a = doc.tokens, [], 0
    idx = _trim(doc, idx)
    while a < len(idx) and (korean := _korean_name_len(doc, idx[a : a + 3])):
        if idx[a] not in doc.headline and len(idx) - a > korean and _has_head(doc, idx[a:]):
            break  # "Kim Il Sung University"
        out.append(person_candidate(doc, list(idx[a : a + korean]), None, None, NAMED))
        a += korean
        while a < len(idx) and toks[idx[a]].lower in _NOT_NAME:
            a += 1
    idx = _trim(doc, idx[a:]) if a else idx
    if not idx:
        return out
    if opener := common_opener_len(doc.text, toks[idx[0]].start, [toks[i].lower for i in idx], doc.common):
        idx = idx[opener:]  # "Counsel for the Police Service of Northern Ireland": the name after "the"
    headline = idx[0] in doc.headline
    lead = installation_len([toks[i].lower for i in idx])
    if (
        lead
        and lead < len(idx) <= lead + 3
        and not any(toks[i].lower in _HEADS for i in idx[lead:])
        and not any(doc.gazetteer.lookup(doc.span(idx[:n])[2]) for n in range(lead + 1, len(idx) + 1))
    ):
        s, e, name = doc.span(idx)  # "Fort Campbell", "Camp Lejeune", "Joint Base Lewis-McChord"
        return [*out, Candidate(s, e, "facility", NAMED, name)]
    if place_of_name([toks[i].lower for i in idx], doc.common, lambda: doc.gazetteer.lookup(doc.span(idx[2:])[2])):
        s, e, name = doc.span(idx)  # "Gulf of Mexico", "Bay of Bengal", "Line of Control"
        return [*out, Candidate(s, e, "place", NAMED, name)]
    last = toks[idx[-1]].lower  # "Borno State", "Rakhine State", "Quezon City", not "Deep State"
    uncommon = bool(doc.common) and not any(toks[i].lower in doc.common for i in idx[:-1])
    tail = (last in _PLACE_TAILS or (last in _COMMON_TAILS and uncommon)) and not any(
        toks[i].lower in _NO_PLACE_WORDS for i in idx[:-1]
    )
    if not headline and 2 <= len(idx) <= 4 and tail and doc.gazetteer.lookup(doc.span(idx[:-1])[2]) is None:
        s, e, name = doc.span(idx)  # "Cook County", "Hubei Province", "Gangnam District"
        return [*out, Candidate(s, e, "place", NAMED, name)]
    if not headline and len(idx) >= 2 and _has_head(doc, idx):
        s, e, name = doc.span(idx)
        head = toks[idx[max(k for k, i in enumerate(idx) if toks[i].lower in _HEADS)]].lower
        type_ = "organization" if head in _ORG_HEADS else "facility"
        words = [toks[i].lower for i in idx]  # "Bank of England": a head before "of" holds the name whole
        whole = "of" in words and words.index("of") > 0 and words[words.index("of") - 1] in _HEADS
        whole = whole or opener > 0  # the name read after "Members of the": the rules saw where it starts
        return [*out, Candidate(s, e, type_, NAMED, name, splittable=not whole)]
    if headline or not 2 <= len(idx) <= 3 or any(toks[i].lower in _HEADS for i in idx):
        return out
    if toks[idx[0]].lower in GIVEN_NAMES or toks[idx[-1]].lower in doc.hon_surnames:
        out.append(person_candidate(doc, idx, None, None, WEAK))
    return out
