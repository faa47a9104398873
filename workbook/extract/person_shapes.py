"""People the shape of the words names: initials inside a name, and a person "of" an organisation.

* Middle initials ("Gregor J. M. Weber", "Lewis A. Kaplan", "George W. Bush") and initials opening a
  name ("M. S. Dhoni", "J. R. R. Tolkien"): a capitalised word, one to three single capital letters
  each with a full stop, and a family name is a person (:func:`initialled_people`). The first word is a
  listed given name, or a word usually written in lower case neither it nor the family name ("Plan B.
  Smith", "Vitamin D. Researchers" are none); initials first need two or more ("A. Smith" is left to the
  other rules: "Vitamin C. Sales" has the same shape). The rules take the span as a cued person, so a
  head-word name after "of" ("... Weber of the University of Leeds") is read apart.
* A head-word organisation the rules read over a person before "of" ("Local MLA Paul Frew of the
  Democratic Unionist Party", "Coach Ana Ruiz of the Tigers Football Club"): the words before "of" end
  with a listed given name and a family name, no head word among them; the person and the organisation
  after "of" are two names (:func:`person_before_of`).
* A given name the gazetteer knows as a town ("Tracy", "Mercedes", "Regina", "Alvin", "Irving") is a
  person in a document that writes it once with a person's verb or ", who" right after it ("Tracy
  said", "Mercedes loved", "Regina, who ..."): every mention of it there (:func:`given_name_towns`). A
  country or a city of a million people or more is left a place ("Paris said", "Houston said"), and
  so is the word after a preposition of place ("prosecutors in Virginia said", "a school near Tracy"):
  that mention is no evidence and stays a place (:func:`after_place_preposition`).
* Two capitalised words nothing else read ("Salman Rushdie spoke ...") are a person when the document
  says so twice: the family name, alone or after the first word, is followed once by a person's verb or
  ", who" ("Rushdie said"), and "he", "she", "his" or "her" follows the first mention within its
  sentence or the next (an organisation takes "it": "Goldman Sachs said ... it"); neither word usually
  written in lower case, a gazetteer name, a title or a head word (:func:`people_by_document`).
* A listed given name before a capitalised particle and a family name is a person, the given name
  inside it, where the rules read no name there ("Marine Le Pen", "Will De Souza", "Ursula Von der
  Leyen"): the given name may be a common word ("marine", "will"), the family name is none and no
  gazetteer name, and no capitalised word stands right before (but a sentence's first word) or after
  (:func:`capitalised_particle_people`; "Le Pen" alone stays the classifier's person).
* A title and a street's word are a street, no person ("Queen Street", "King Road", "President Avenue",
  "Bishop Lane"; :func:`titled_streets`): a place.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence

from workbook.extract.coref import PersonSpan
from workbook.extract.entity_runs import CUED_PERSON, NAMED, Candidate
from workbook.extract.family_names import GIVEN_KINDS
from workbook.extract.gazetteer import Gazetteer, GazetteerMatch, fold_key
from workbook.extract.ner_features import TITLE_WORDS
from workbook.extract.shared_scans import capital_matches, capital_pair_matches
from workbook.extract.vocabulary import (
    FACILITY_HEADS,
    GIVEN_NAMES,
    ORG_HEADS,
    PERSON_VERBS,
    PLACE_NOUNS_BEFORE_OF,
    STREET_WORDS,
    TITLES,
)

__all__ = [
    "after_place_of",
    "capitalised_particle_people",
    "given_name_towns",
    "initialled_candidates",
    "initialled_people",
    "people_by_document",
    "person_apart",
    "person_before_of",
    "titled_streets",
]

_HEADS = ORG_HEADS | FACILITY_HEADS | STREET_WORDS
_WORD = r"[A-Z][a-zà-ÿ]+(?:['’-][A-Z]?[a-zà-ÿ]+)*"  # "Weber", "O'Neill", "Bankman-Fried"
_FAMILY = r"(?:Mc|Mac|O['’])?[A-Z][a-zà-ÿ]+(?:[-'’][A-Z][a-zà-ÿ]+)?"
_INITIALS = r"(?:[A-Z]\.[ \t]+){1,3}"  # "J. M. ", not "U.S. "
#: a given name (optional), initials, a family name; no letter or full stop right before it
_INITIALLED = re.compile(rf"(?<![\w.])(?:({_WORD})[ \t]+)?({_INITIALS})({_FAMILY})(?![\w'’-])")
#: what follows the family name: one more capitalised word ("W. W. Rouse Ball") and what comes after it
_AFTER = re.compile(rf"[ \t]+({_WORD})(?![\w'’-])")
_AMPERSAND = re.compile(r"[ \t]*&")
_ONE_INITIAL = re.compile(r"[A-Z]\.")
#: What every match of ``_INITIALLED`` holds: an initial, after no word character or full stop, then a
#: space or tab and a family name's capital ("J. Smith"; not "U.S. Army", "the DPRK. The").
_INITIAL_CUE = re.compile(r"\.(?<![\w.][A-Z]\.)(?<=[A-Z]\.)[ \t]+(?:Mc|Mac|O['’])?[A-Z]")


def _given(word: str, names: Mapping[str, str]) -> bool:
    w = word.casefold()
    return w in GIVEN_NAMES or names.get(w, "") in GIVEN_KINDS or names.get(w.split("-")[0], "") in GIVEN_KINDS


def initialled_people(
    text: str, names: Mapping[str, str], common: frozenset[str], never: frozenset[str]
) -> list[tuple[int, int]]:
    """Spans of names with initials (see the module docstring). ``names`` is the name lexicon (word →
    kind), ``common`` the words usually written in lower case, ``never`` words that open no name
    (months, days, sentence openers)."""
    out: list[tuple[int, int]] = []
    if _INITIAL_CUE.search(text) is None:
        return out
    for m in capital_matches(_INITIALLED, text):  # _INITIALLED.finditer(text), from the word-start capitals
        first, initials, family = m.group(1), m.group(2), m.group(3)
        fam = family.casefold()
        if fam in _HEADS or fam in never:
            continue
        if first is not None:
            f = first.casefold()
            if f in never or f in _HEADS or f.rstrip(".") in TITLE_WORDS:
                first = None  # "In J. K. Rowling's ...", "Chairman N. Dorjsuren": the initials open the name
            elif not _given(first, names) and (f in common or fam in common):
                continue  # "Plan B. Smith", "Vitamin D. Researchers"
        if first is None and (len(_ONE_INITIAL.findall(initials)) < 2 or fam in common):
            continue
        end = _end_of_name(text, m.end(), never)
        if end is not None:
            out.append((m.start() if first is not None else m.start(2), end))
    return out


def _end_of_name(text: str, end: int, never: frozenset[str]) -> int | None:
    """Where a name with initials ends: after its family name, or one capitalised word later ("W. W.
    Rouse Ball"); None when a head word or "&" follows ("Michael L. Beatty & Associates", "Becky A.
    Stephens Litigation Unit" are organisations)."""
    if _AMPERSAND.match(text, end):
        return None
    more = _AFTER.match(text, end)
    if more is None or more.group(1).casefold() in never:  # "... Kaplan Tuesday said"
        return end
    if more.group(1).casefold() in _HEADS or _AMPERSAND.match(text, more.end()):
        return None
    after = _AFTER.match(text, more.end())
    if after is not None:
        return None if after.group(1).casefold() in _HEADS else end
    return more.end()


_OF_THE = re.compile(r"[ \t]+of(?:[ \t]+the)?[ \t]+")


def person_before_of(
    text: str,
    start: int,
    end: int,
    names: Mapping[str, str],
    common: frozenset[str],
    gaz_type: Callable[[str], str | None],
) -> tuple[int, int, int] | None:
    """A head-word name read over a person before "of" ("Local MLA Paul Frew of the Democratic Unionist
    Party"): ``(person start, person end, organisation start)``, or None. The words right before the
    first "of" end with a listed given name and one or two family names (no head word, no gazetteer
    name, no word usually written in lower case: "Summer Sports Contest of ...", "Golden Age of ..."
    are no people), and the words after "of" hold a head word."""
    m = _OF_THE.search(text, start, end)
    if m is None:
        return None
    left, right = text[start : m.start()].split(), text[m.end() : end].split()
    if len(left) < 2 or not right or not any(w.casefold() in ORG_HEADS | FACILITY_HEADS for w in right):
        return None
    if any(w.casefold() in _HEADS for w in left) or not all(w[:1].isupper() for w in left[-3:]):
        return None
    for n in (3, 2):  # "Paul Frew", "Ana Ruiz Lopez"
        if len(left) >= n and _given(left[-n].rstrip(","), names) and gaz_type(" ".join(left[-n:])) is None:
            words = left[-n:]
            if any(w.casefold() in common for w in words):
                return None
            if any(gaz_type(w) is not None and not _given(w, names) for w in words[1:]):
                return None  # "John Lewis Newcastle of ...": a place inside
            at = text.rindex(words[0], start, m.start())
            return at, m.start(), m.end()
    return None


_TITLE_ALTERNATION = "|".join(sorted((t[0].capitalize() for t in TITLES if len(t) == 1), key=len, reverse=True))
_STREET_ALTERNATION = "|".join(sorted((w.capitalize() for w in STREET_WORDS), key=len, reverse=True))
_TITLED_STREET = re.compile(rf"(?<![\w.-])(?:{_TITLE_ALTERNATION})[ \t]+(?:{_STREET_ALTERNATION})(?![\w-])")
#: The street words as the pattern writes them: a text holding none of them holds no titled street.
_STREET_CUES = tuple(w.capitalize() for w in STREET_WORDS)


def titled_streets(text: str) -> list[tuple[int, int]]:
    """Spans of a title and a street's word ("Queen Street", "King Road", "Bishop Lane")."""
    if not any(w in text for w in _STREET_CUES):
        return []
    return [m.span() for m in _TITLED_STREET.finditer(text)]


def _overlaps(taken: bytearray, a: int, b: int) -> bool:
    return taken.find(1, a, b) >= 0


def initialled_candidates(
    text: str, cands: Sequence[Candidate], names: Mapping[str, str], common: frozenset[str], never: frozenset[str]
) -> list[Candidate]:
    """People named with initials (:func:`initialled_people`) as cued persons, outside ``cands`` (weapons)."""
    taken = bytearray(len(text) + 1)
    for c in cands:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    out = []
    for a, b in initialled_people(text, names, common, never):
        if not _overlaps(taken, a, b):
            words = tuple(text[a:b].split())
            out.append(Candidate(a, b, "person", CUED_PERSON, " ".join(words), PersonSpan(a, b, words, None)))
    return out


def person_apart(
    text: str, c: Candidate, names: Mapping[str, str], common: frozenset[str], gazetteer: Gazetteer
) -> list[Candidate]:
    """A rules' head-word name read over a person before "of" ("Paul Frew of the Democratic Unionist
    Party"): the person and the organisation apart (:func:`person_before_of`); otherwise ``[c]``."""
    if c.type not in ("organization", "facility") or c.gaz is not None or c.strength != NAMED:
        return [c]
    found = person_before_of(text, c.start, c.end, names, common, gazetteer.type_of)
    if found is None:
        return [c]
    a, b, org = found
    words = tuple(text[a:b].split())
    person = Candidate(a, b, "person", NAMED, " ".join(words), PersonSpan(a, b, words, None))
    return [person, dataclasses.replace(c, start=org, name=" ".join(text[org : c.end].split()))]


_PERSON_AFTER = re.compile(r"(?:[ \t]+([a-z]+)\b|,[ \t]+(who)\b)")
#: A town this large is named for its people or government ("Paris said", "Houston said"), not a person.
MAX_TOWN_POPULATION = 1_000_000


def given_name_towns(text: str, matches: Sequence[GazetteerMatch], names: Mapping[str, str]) -> frozenset[str]:
    """Folded names (``gazetteer.fold_key``) of one-word gazetteer towns that are given names and that
    the document writes at least once with a person's verb or ", who" right after them (see the
    module docstring)."""
    out = set()
    for m in matches:
        e = m.entry
        word = text[m.start : m.end]
        if " " in word.strip() or e.type != "place" or e.admin_area is None:
            continue  # a country ("Jordan said", "Chad said") stays a place
        if (e.population or 0) >= MAX_TOWN_POPULATION or not _given(word, names):
            continue
        after = _PERSON_AFTER.match(text, m.end)
        if after is None or not (after.group(2) or after.group(1) in PERSON_VERBS):
            continue
        if not after_place_preposition(text, m.start):
            out.add(fold_key(word))
    return frozenset(out)


def given_name_town_person(text: str, m: GazetteerMatch, towns: frozenset[str]) -> Candidate | None:
    """The person that the gazetteer's match ``m`` is, when its word is one of ``towns``
    (:func:`given_name_towns`) and no preposition of place stands before it; None otherwise."""
    if not towns or fold_key(text[m.start : m.end]) not in towns or after_place_preposition(text, m.start):
        return None
    given = (text[m.start : m.end].strip(),)
    return Candidate(m.start, m.end, "person", NAMED, given[0], PersonSpan(m.start, m.end, given, None))


_PLACE_PREPOSITION = re.compile(r"(?<![\w'’-])(?:[Ii]n|near|across|outside|throughout|around|within)[ \t]+\Z")


_PLACE_OF = re.compile(r"(?<![\w'’-])([A-Za-z]+)[ \t]+of[ \t]+\Z")


def after_place_of(text: str, start: int) -> bool:
    """ "the city of", "the state of", … stands right before ``start``: the name there is a place."""
    before = _PLACE_OF.search(text, max(0, start - 24), start)
    return before is not None and before.group(1).casefold() in PLACE_NOUNS_BEFORE_OF


def after_place_preposition(text: str, start: int) -> bool:
    """A preposition of place ("in Virginia", "near Tracy") or "the city of" ("the city of Austin")
    stands right before ``start``: the word there is a place, even when the document calls a namesake a
    person elsewhere."""
    return _PLACE_PREPOSITION.search(text, max(0, start - 16), start) is not None or after_place_of(text, start)


_TWO_WORDS = re.compile(rf"(?<![\w'’.&-])({_WORD})[ \t]+({_FAMILY})(?![\w'’-])")
_CAPITALISED_NEAR = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+\Z)")
_PRONOUN_AFTER = re.compile(r"\b(?:he|she|his|her|him)\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?[ \t\n]+")


def _person_verb_after(text: str, family: str) -> bool:
    """The document writes ``family`` once with a person's verb or ", who" right after it."""
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(family)}(?![\w'’-])", text):
        after = _PERSON_AFTER.match(text, m.end())
        if after is not None and (after.group(2) or after.group(1) in PERSON_VERBS):
            return True
    return False


def _pronoun_follows(text: str, end: int) -> bool:
    """ "he", "she", "his", "her" or "him" within the sentence that ends after ``end`` or the next one."""
    stop = end
    for _ in range(2):
        m = _SENTENCE_END.search(text, stop)
        stop = m.end() if m is not None else len(text)
    return _PRONOUN_AFTER.search(text, end, stop) is not None


def people_by_document(
    text: str,
    taken: bytearray,
    common: frozenset[str],
    never: frozenset[str],
    gaz_type: Callable[[str], str | None],
) -> list[tuple[int, int]]:
    """Spans of two-word people nothing else read (``taken``: a character mask of what was), by the
    document's evidence (see the module docstring)."""
    out: list[tuple[int, int]] = []
    seen: dict[str, bool] = {}
    for m in capital_pair_matches(_TWO_WORDS, text):  # _TWO_WORDS.finditer(text), from two capitalised words
        a, b = m.span()
        if taken.find(1, a, b) >= 0:
            continue
        first, family = m.group(1), m.group(2)
        words = (first.casefold(), family.casefold())
        if any(w in common or w in never or w in _HEADS or w.rstrip(".") in TITLE_WORDS for w in words):
            continue
        if _CAPITALISED_NEAR.search(text, max(0, a - 40), a) or re.match(r"[ \t]+[A-Z]", text[b : b + 3]):
            continue  # part of a longer name
        if gaz_type(first) is not None or gaz_type(family) is not None or gaz_type(f"{first} {family}") is not None:
            continue
        if family not in seen:
            seen[family] = _person_verb_after(text, family) and _pronoun_follows(text, b)
        if seen[family]:
            out.append((a, b))
    return out


#: A capitalised word, a capitalised particle (one or two: "De la", "Von der"), a capitalised family name;
#: no capitalised word right after.
_CAPITAL_PARTICLE = re.compile(
    r"(?<![\w'’.&-])([A-Z][a-z\u00c0-\u024f]+)[ \t]+((?:Le|La|De|Di|Da|Du|Del|Della|Des|Dos|Van|Von|Ten|Ter)"
    r"(?:[ \t]+(?:la|le|los|las|der|den))?)[ \t]+([A-Z][a-z\u00c0-\u024f'’-]+)(?![\w'’-]|[ \t]+[A-Z])"
)
#: The words that may open a sentence before a name ("Then Marine Le Pen spoke" has none such: a
#: capitalised word right before the given name is allowed only as the sentence's first word).
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n\"“”—–-])[ \t\"“”]*\Z")


def capitalised_particle_people(
    text: str,
    names: Mapping[str, str],
    common: frozenset[str],
    never: frozenset[str],
    gaz_type: Callable[[str], str | None],
    taken: bytearray,
) -> list[tuple[int, int]]:
    """People written as a listed given name, a capitalised particle and a family name (see the module
    docstring), as (start, end), where ``taken`` (a character mask of the rules' names) has nothing."""
    out = []
    for m in capital_pair_matches(_CAPITAL_PARTICLE, text):  # _CAPITAL_PARTICLE.finditer(text)
        given, family = m.group(1), m.group(3)
        g, f = given.casefold(), family.casefold()
        if "g" not in names.get(g, "") or g in never or g in TITLE_WORDS or g in _HEADS:
            continue
        if f in common or f in never or f in _HEADS or gaz_type(family) is not None:
            continue
        if gaz_type(f"{m.group(2)} {family}") is not None or gaz_type(text[m.start() : m.end()]) is not None:
            continue  # "Des Moines", "La Paz"
        a, b = m.start(), m.end()
        before = text[max(0, a - 40) : a]
        if re.search(r"[A-Z][\w'’.-]*[ \t]+\Z", before) and not _opens_after_word(before):
            continue  # "Royal Marine Le Pen" or any longer name
        if taken.find(1, a, b) < 0:
            out.append((a, b))
    return out


def _opens_after_word(before: str) -> bool:
    """The capitalised word right before opens its sentence ("Lawyer Marine Le Pen", "Then Marine ...")."""
    word = re.search(r"([A-Z][\w'’.-]*)[ \t]+\Z", before)
    return word is not None and _SENTENCE_START.search(before, 0, word.start()) is not None
