"""In-document coreference of people: "Mr Lewis" and "Lewis" are Jeffrey Lewis.

Input: the person names the rules found (full names such as "Jeffrey Lewis" or "Kim Jong Un",
and partial ones such as the "Lewis" of "Mr Lewis" or the "Trump" of "President Trump"), plus bare
capitalised words not claimed by anything else. Output: one :class:`Person` per distinct full name
and one :class:`ResolvedMention` per occurrence.

Rules:

* A full name is its own entity (key ``person:<normalised name>``); spellings that normalise alike
  ("Kim Jong-un", "Kim Jong Un") are one person.
* A partial name or a bare word is matched on the surname: the last word of a Western name, the
  first of a Korean ("Kim Jong Un" → "Kim") or two-word Chinese name ("Wang Yi" → "Wang"); failing
  that, a one-word person name (and a bare word after one) on a first word that is no listed given name and
  belongs to one person (a family name written first: "Kihara" of "Kihara Minoru"), and so a bare word
  when the caller's name lists say the full name is written family name first ("Ishiba Shigeru").
* A two- or three-word name that is the particle-led end of one longer name ("Da Costa" after "Maria
  Fernanda da Costa") is that person.
* One candidate: resolution ``alias``. Several (two Kims in play): resolution ``ambiguous`` with
  every candidate listed, the chosen one first. The choice: the candidate whose title matches the
  title before the mention ("leader Kim"), else the one mentioned most recently before it, else the
  first one mentioned after it. Nothing is chosen silently.
* A partial name with an honorific or title but no full name anywhere in the document ("Mr
  Schmerler" alone) becomes a person named by the surname. A bare word that matches no surname is
  not a mention.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from workbook.extract.vocabulary import CHINESE_SURNAMES, GIVEN_NAMES, NEVER_NAME_START, SURNAME_FIRST
from workbook.ids import normalise_name

__all__ = [
    "Person",
    "PersonSpan",
    "ResolvedMention",
    "is_korean_syllable",
    "person_key",
    "resolve_people",
    "surname_of",
]

_KOREAN_SYLLABLE = re.compile(
    r"^(?:kk|tt|pp|ss|jj|ch|ph|th|kh|[gkndtrlmbpsjhc])?[yw]?(?:ae|eo|eu|oe|ui|oo|ee|ou|a|e|i|o|u)(?:ng|n|m|l|k|p|t)?$"
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@lru_cache(maxsize=1 << 16)
def is_korean_syllable(word: str) -> bool:
    """Is ``word`` one romanised Korean syllable ("Jong", "Un", "Chol", "Hui")? Hyphenated words
    ("Jong-un") are checked part by part."""
    parts = word.casefold().split("-")
    return all(_KOREAN_SYLLABLE.match(p) for p in parts) and len(parts) <= 2


@dataclass(frozen=True)
class PersonSpan:
    """A person name the rules found: ``words`` are the name's words (without honorific or title);
    ``start``/``end`` delimit the mention's surface (which includes an honorific: "Mr Lewis")."""

    start: int
    end: int
    words: tuple[str, ...]
    title: str | None = None
    honorific: str | None = None


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    surname: str
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResolvedMention:
    start: int
    end: int
    key: str
    resolution: str  # exact | alias | ambiguous
    candidates: tuple[str, ...] = ()


def surname_of(words: Sequence[str]) -> str:
    """The surname of a name given as words: first for Korean ("Kim Jong Un", "Moon Jae-in") and
    two-word Chinese names ("Xi Jinping"), else the last word that is not a suffix ("Jr")."""
    if not words:
        return ""
    first = words[0].casefold()
    if first in SURNAME_FIRST and (
        (len(words) == 3 and all(is_korean_syllable(w) for w in words[1:]))
        or (len(words) == 2 and "-" in words[1] and is_korean_syllable(words[1]))
    ):
        return words[0]
    if first in CHINESE_SURNAMES and len(words) == 2:
        return words[0]
    rest = [w for w in words if w.casefold().rstrip(".") not in _SUFFIXES]
    return (rest or list(words))[-1]


def person_key(name: str) -> str:
    """The document-local key of a person."""
    return f"person:{normalise_name(name)}"


def _choose(
    cands: list[str],
    title: str | None,
    start: int,
    persons: dict[str, Person],
    last_seen: dict[str, int],
    first_seen: dict[str, int],
) -> str:
    if title:
        titled = [k for k in cands if title in persons[k].titles]
        if len(titled) == 1:
            return titled[0]
    seen = [k for k in cands if k in last_seen]
    if seen:
        return max(seen, key=lambda k: last_seen[k])
    return min(cands, key=lambda k: first_seen.get(k, start))


def _family_names_first(persons: dict[str, Person], by_surname: dict[str, list[str]]) -> dict[str, list[str]]:
    """The first word of a full name that is no listed given name and no one's surname, when one person
    has it: a family name written first ("Kihara" of "Kihara Minoru", "Ishiba" of "Ishiba Shigeru")."""
    firsts: dict[str, list[str]] = {}
    for key, p in persons.items():
        words = p.name.split()
        first = words[0].casefold()
        if len(words) >= 2 and first != p.surname.casefold() and first not in GIVEN_NAMES and first not in by_surname:
            firsts.setdefault(first, []).append(key)
    return {w: keys for w, keys in firsts.items() if len(keys) == 1 and w not in NEVER_NAME_START and len(w) > 2}


#: Lower-case particles that open the family-name part of a name ("da Costa", "Le Pen", "van den Berg").
_PARTICLES: frozenset[str] = frozenset(
    {
        "bin",
        "ibn",
        "al",
        "el",
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "da",
        "di",
        "du",
        "dos",
        "das",
        "la",
        "le",
        "ten",
        "ter",
    }
)


def _particle_tails(persons: dict[str, Person]) -> dict[str, str]:
    """Persons whose whole name is the particle-led end of one longer person's name ("Da Costa" of
    "Maria Fernanda da Costa", "Le Pen" of "Marine Le Pen"), mapped to that person's key."""
    tails: dict[str, list[str]] = {}
    for key, p in persons.items():
        words = p.name.split()
        for k in range(1, len(words) - 1):
            if words[k].casefold() in _PARTICLES:
                tails.setdefault(normalise_name(" ".join(words[k:])), []).append(key)
    out = {}
    for key, p in persons.items():
        longer = tails.get(normalise_name(p.name), [])
        if len(longer) == 1 and longer[0] != key:
            out[key] = longer[0]
    return out


def resolve_people(
    spans: Sequence[PersonSpan], bare: Sequence[tuple[int, int, str]] = (), family_first: Collection[str] = ()
) -> tuple[list[Person], list[ResolvedMention]]:
    """Persons and their resolved mentions from the rules' person spans and the bare capitalised
    words ``(start, end, word)`` that might be surnames. ``family_first``: first words (case-folded)
    of full names the caller knows are written family name first ("ishiba" of "Ishiba Shigeru"): a
    bare one resolves to that person as a one-word person name does. Mentions come back in text
    order."""
    persons: dict[str, Person] = {}
    first_seen: dict[str, int] = {}
    by_surname: dict[str, list[str]] = {}
    titles: dict[str, list[str]] = {}
    for s in sorted(spans, key=lambda s: s.start):
        if len(s.words) < 2:
            continue
        name = " ".join(s.words)
        key = person_key(name)
        old = persons.get(key)
        if old is None or len(name) > len(old.name):
            persons[key] = Person(key, name, surname_of(s.words))
        first_seen.setdefault(key, s.start)
        if s.title:
            titles.setdefault(key, []).append(s.title)
    for key, p in persons.items():
        persons[key] = Person(key, p.name, p.surname, tuple(dict.fromkeys(titles.get(key, ()))))
        by_surname.setdefault(p.surname.casefold(), []).append(key)
    tail_of = _particle_tails(persons)
    for key in tail_of:  # "Da Costa": Maria Fernanda da Costa, not a person of its own
        del persons[key]
    by_surname = {w: [k for k in keys if k not in tail_of] for w, keys in by_surname.items()}
    by_surname = {w: keys for w, keys in by_surname.items() if keys}
    by_first = _family_names_first(persons, by_surname)
    for word in family_first:  # "Ishiba Shigeru", then a bare "Ishiba"
        if word in by_first and word not in by_surname:
            by_surname[word] = by_first[word]
    for s in sorted(spans, key=lambda s: s.start):  # "Mr Schmerler" with no full name anywhere
        word = s.words[0].casefold()
        if len(s.words) == 1 and word in by_first and word not in by_surname:
            by_surname[word] = by_first[word]  # "Kihara": Kihara Minoru, and so is a bare "Kihara" later
        if len(s.words) == 1 and word not in by_surname:
            key = person_key(s.words[0])
            persons[key] = Person(key, s.words[0], s.words[0], (s.title,) if s.title else ())
            first_seen[key] = s.start
            by_surname[s.words[0].casefold()] = [key]

    events: list[tuple[int, int, tuple[str, ...], str | None, bool]] = [
        (s.start, s.end, s.words, s.title, True) for s in spans
    ]
    events += [(a, b, (w,), None, False) for a, b, w in bare if w.casefold() not in NEVER_NAME_START]
    events.sort(key=lambda e: e[0])
    last_seen: dict[str, int] = {}
    out: list[ResolvedMention] = []
    for start, end, words, title, _from_rules in events:
        if len(words) >= 2:
            key = person_key(" ".join(words))
            key = tail_of.get(key, key)
            last_seen[key] = start
            exact = normalise_name(" ".join(words)) == normalise_name(persons[key].name)
            out.append(ResolvedMention(start, end, key, "exact" if exact else "alias"))
            continue
        cands = by_surname.get(words[0].casefold())
        if not cands:
            continue
        chosen = _choose(cands, title, start, persons, last_seen, first_seen)
        last_seen[chosen] = start
        if len(cands) > 1:
            ordered = (chosen, *(k for k in cands if k != chosen))
            out.append(ResolvedMention(start, end, chosen, "ambiguous", ordered))
        else:
            exact = end - start == len(words[0]) and persons[chosen].name == words[0]
            out.append(ResolvedMention(start, end, chosen, "exact" if exact else "alias"))
    return list(persons.values()), out
