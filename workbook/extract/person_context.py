"""People read from the words around a name, after the merge (issue 12, round seventeen).

One pass over the chosen candidates of a document (:func:`people_in_context`), each rule general to
English prose of any publisher:

* *"the city of X" is a place*: a person right after "the city of", "the state of", "the town of",
  "the county of", "the province of", … ("The city of Austin said", "the state of Georgia had asked")
  is the place, whatever the name lists say of the word (the gazetteer's reading when it has one).
* *", 34, of X" is a place*: the name after a person's age and "of" ("Victoria Lane, 34, of Footscray",
  "a man, aged 41, of Croydon") is where the person lives.
* *A nickname in quotes inside a name*: a listed given name, a nickname of one to three capitalised
  words in double quotes, and a family name ("Emiliano "Dibu" Martínez", "Marjorie "Madge" Pettigrew",
  "Joaquín "El Chapo" Guzmán") are one person, named without the nickname.
* *A plural title before a name*: "Councillors Florence Adeyemi", "Senators Ann Lee": the title's
  plural is no part of the person, as a title is not.
* *"Per" as a given name*: the Nordic "Per" is an everyday word, so "Per Olav Dahl" and "Per Aune"
  went unread; "Per" before a listed given name or a family name (listed, or a word no list, English
  word list or gazetteer knows), with no everyday word after it ("Per Capita Income", "Per Diem" stay
  words), is a person.
* *A place's possessive before a name*: "Kenya's Faith Chepkoech", "Britain's Eilish McColgan-Reid",
  "Qatar's Mohammed Al-Khelaifi": a capitalised pair after a gazetteer place's "'s", of a listed given
  name and a family name (or an unknown word and a listed family name), no head, title or place word,
  with no capitalised word after it, is a person when nothing else was read across it
  ("Japan's Toyota Motor", "Kenya's Rift Valley" stay what they were).
* *A nationality word before a name*: a span of three words read as anything, a nationality word
  ("American", "Briton", "Kenyan") and a listed given name and family name after it ("the American
  Chelsea Moore", "the Briton Lewis Hamilton"), is the person of the last two ("American Eagle
  Outfitters" stays a firm: "Outfitters" is no family name).

Round eighteen adds:

* *Two given names sharing one family name*: "June and Ivy Calloway-Reese", "Carolina and Ray Okafor",
  "Rose and Albert Pinnock" are two people, the first named by its given name alone, whatever the
  gazetteer or the classifier read in it ("India and Savannah", "Austin and Sydney" are also places):
  two listed given names joined by "and" or "&", a family name after the second (listed, or a word no
  list knows), no capitalised word after it, and before the first nothing but a sentence's start, a
  title or a word of family ("Sisters", "Grandparents") or a lower-case word that is no preposition of
  place ("Victoria and Albert Museum", "Trinidad and Tobago", "in Austin and Dallas Young" stay what
  they were).
* *A month that is a given name before a family name*: "June Fairbrother", "April Nwosu held the
  seat", "May Ellison": "January", "April", "May", "June", "August" when the name lists hold them as
  given names, before a family name (listed and no English word, or a word no list knows) with no
  capitalised word after it, and not after a number or a word of time ("in June Smith was elected",
  "14 June Hargreaves", "since May Day" stay dates or words).
* *Another given name before a family name the document gives a person*: after "Reid Marlowe" or
  "Ngozi Amadi", a capitalised word right before "Marlowe" or "Amadi" that nothing read is one person
  with it when no list, English word list or gazetteer knows the word ("the late Chike Amadi"); a
  one-word place there that the name lists hold (as a given or a family name) is one person with it
  when a person's word follows the pair (a person's verb, ", who", an age, an apposition, "of" and a
  town: "the son of Phoenix Marlowe of Asheville").
* *A person ending in an everyday word before more of a name is a body*: a person of two or more words
  whose last word is an English word no name list holds, right before another capitalised word ("for
  Macmillan Cancer Support": "Macmillan Cancer" was a person), is the organisation of the whole run
  of capitalised words (up to four more; "Florence Nightingale Hospital" is left alone: "Nightingale"
  is a family name).
* *An honorific alone is no person*: "Mr", "Mrs", "Dr" read as a person by themselves ("Mr and Mrs
  Keith Fairbrother") are dropped; the person is the name after them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from workbook.extract.coref import PersonSpan
from workbook.extract.entity_runs import Candidate
from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS
from workbook.extract.person_appositions import (
    people_after_title_of,
    people_by_apposition,
    people_by_initial,
    people_of_administrations,
    people_with_family_after,
)
from workbook.extract.person_casts import people_in_list_shapes
from workbook.extract.person_notices import people_in_notices
from workbook.extract.person_places import person_cue
from workbook.extract.person_shapes import after_place_of, after_place_preposition
from workbook.extract.person_shops import shops_by_possessive
from workbook.extract.person_words import (
    NOT_NAME_WORDS,
    Kinds,
    cued_person,
    may_end_name,
    name_kind,
    name_word,
    replace_with_person,
    unknown_word,
)
from workbook.extract.shared_scans import capital_pair_matches, cue_matches, literal_matches
from workbook.extract.speaker_words import INFORMAL_TITLES
from workbook.ingest.normalise import builtin_words

__all__ = ["HONORIFICS", "people_in_context"]

#: Honorifics that are never a person's name by themselves ("Mr and Mrs Keith Fairbrother").
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "mx", "miss", "dr", "drs", "messrs", "mme", "mlle", "mister", "madam", "prof"}
)
#: Months the name lists may hold as given names ("June Fairbrother", "April Nwosu").
_MONTH_GIVEN_WORDS = ("January", "April", "May", "June", "August")
_MONTH_GIVEN = re.compile(rf"(?<![\w'’.&-])({'|'.join(_MONTH_GIVEN_WORDS)})[ \t]+")
#: Words before a month that make it the month: "in June Smith was elected", "since May Day".
_TIME_WORDS = frozenset(
    {
        "in",
        "on",
        "of",
        "since",
        "by",
        "until",
        "till",
        "from",
        "last",
        "next",
        "early",
        "late",
        "mid",
        "during",
        "through",
        "before",
        "after",
        "to",
        "this",
        "each",
        "every",
        "between",
        "and",
        "or",
        "the",
        "that",
        "throughout",
    }
)
#: The word right before a name.
_WORD_BEFORE = re.compile(r"(?<![\w'’.&-])([A-Za-z][\w'’.-]*)[ \t]+\Z")
#: A family's words before a pair of given names: "Sisters June and Ivy Calloway-Reese".
_FAMILY_WORDS = frozenset(
    {
        "sisters",
        "brothers",
        "twins",
        "siblings",
        "parents",
        "grandparents",
        "couple",
        "cousins",
        "daughters",
        "sons",
        "children",
        "granddaughters",
        "grandsons",
    }
)

_AGE_OF = re.compile(r",[ \t]+(?:aged[ \t]+)?\d{1,3},[ \t]+of[ \t]+\Z")

#: A capitalised name word (not all capitals), a hyphenated second part allowed: "McColgan-Reid".
_NAME = r"[A-Z][A-Za-z\u00c0-\u024f'’]*[a-z\u00c0-\u024f](?:-[A-Z][A-Za-z\u00c0-\u024f'’]*[a-z\u00c0-\u024f])?"
_NICKNAMED = re.compile(
    rf"(?<![\w'’.&-])({_NAME})[ \t]+[\"“]([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,2}})[\"”][ \t]+({_NAME})(?![\w'’-])"
)
_PER = re.compile(rf"(?<![\w'’.&-])Per[ \t]+({_NAME})(?:[ \t]+({_NAME}))?(?![\w'’-]|[ \t]+[A-Z])")
_POSSESSIVE = re.compile(rf"(?<![\w'’.&-])({_NAME})['’]s[ \t]+({_NAME})[ \t]+({_NAME})(?![\w'’-]|[ \t]+[A-Z])")
#: Where a nicknamed or possessive match can start (a capital before a quoted or a possessive's capital):
#: the patterns open with a look-behind, so ``re`` would try them at every character (``shared_scans``).
_NICKNAMED_CUE = re.compile(r"[A-Z](?=[A-Za-z\u00c0-\u024f'’-]*[ \t]+[\"“][A-Z])")
_POSSESSIVE_CUE = re.compile(r"[A-Z](?=[A-Za-z\u00c0-\u024f'’-]*['’]s[ \t]+[A-Z])")
_PAIR = re.compile(rf"(?<![\w'’.&-])({_NAME})[ \t]+(?:and|&)[ \t]+({_NAME})[ \t]+({_NAME})(?![\w'’-]|[ \t]+[A-Z])")
#: Where a pair can start: a capital before "and" or "&" and a capital (the pattern opens with a look-behind).
_PAIR_CUE = re.compile(r"[A-Z](?=[A-Za-z\u00c0-\u024f'’-]*[ \t]+(?:and|&)[ \t]+[A-Z])")
_NAME_ONLY = re.compile(_NAME)
#: A name word with no capital inside ("Chike", "Ana-Maria"; not the glued "ComradeKim").
_PLAIN_NAME = r"[A-Z][a-z\u00c0-\u024f'’]+(?:-[A-Z][a-z\u00c0-\u024f'’]+)?"
_MORE_CAPITALISED = re.compile(r"(?:[ \t]+[A-Z][A-Za-z'’-]*){1,4}(?![\w'’-])")
_FAMILY_ONLY = re.compile(rf"({_NAME})(?![\w'’-]|[ \t]+[A-Z])")
#: A plain name word before a name word that ends the run; ``_given_read_apart`` keeps those whose second word is
#: a family name the document gives a person (one pattern for every document: compiling the document's family
#: names into a pattern cost more than the scan).
_GIVEN_BEFORE_FAMILY = re.compile(rf"(?<![\w'’.&-])({_PLAIN_NAME})[ \t]+({_NAME})(?![\w'’-]|[ \t]+[A-Z])")


def _place_of(text: str, c: Candidate) -> bool:
    if after_place_of(text, c.start):
        return True
    return _AGE_OF.search(text, max(0, c.start - 24), c.start) is not None


def _without_plural_title(text: str, c: Candidate) -> Candidate:
    """``c`` without a plural title ("Councillors Florence Adeyemi") or an informal title ("Skipper Reed
    Galloway", "Boss Gareth Southgate") as its first word."""
    first = text[c.start : c.end].split(maxsplit=1)
    if len(first) < 2:
        return c
    word = first[0].casefold().rstrip(".")
    plural = word.endswith("s") and word[:-1] in TITLE_WORDS and word not in TITLE_WORDS
    if not plural and not (word in INFORMAL_TITLES and first[0][:1].isupper()):
        return c
    start = c.start + text[c.start : c.end].index(first[1])
    words = tuple(text[start : c.end].split())
    return Candidate(start, c.end, "person", c.strength, " ".join(words), PersonSpan(start, c.end, words, None))


def _after_nationality(
    text: str, c: Candidate, names: Kinds, common: frozenset[str], gaz_type: Callable[[str], str | None]
) -> Candidate:
    """``c`` as the person after its nationality word ("American Chelsea Moore" → "Chelsea Moore")."""
    words = text[c.start : c.end].split()
    if len(words) != 3 or words[0].casefold() not in DEMONYMS or not words[0][:1].isupper():
        return c
    given, family = words[1], words[2]
    if (
        "g" not in name_kind(given, names)
        or not name_word(given, common)
        or not may_end_name(family, names, common, gaz_type)
    ):
        return c
    start = c.start + text[c.start : c.end].index(given, len(words[0]))
    return cued_person(start, c.end, (given, family))


def people_in_context(
    text: str,
    cands: Sequence[Candidate],
    names: Kinds,
    common: frozenset[str],
    gaz_type: Callable[[str], str | None],
) -> list[Candidate]:
    """``cands`` with the rules of the module docstring applied."""
    by_span = {(c.start, c.end): c for c in cands if c.gaz is not None}
    out: list[Candidate] = []
    for c in cands:
        if c.type == "person" and text[c.start : c.end].casefold().rstrip(".") in HONORIFICS:
            continue  # "Mr and Mrs Keith Fairbrother": "Mr" alone is no one
        if c.type == "person" and names and (body := _body_after_word(text, c, names)) is not None:
            c = body
        elif c.type == "person" and _place_of(text, c):
            c = by_span.get((c.start, c.end)) or Candidate(c.start, c.end, "place", c.strength, c.name)
        elif c.type == "person":
            c = _without_plural_title(text, c)
        elif names:
            c = _after_nationality(text, c, names, common, gaz_type)
        out.append(c)
    if not names:
        return out
    for m in cue_matches(_NICKNAMED, text, _NICKNAMED_CUE):
        given, family = m.group(1), m.group(3)
        if (
            "g" in name_kind(given, names)
            and name_word(given, common)
            and may_end_name(family, names, common, gaz_type)
        ):
            replace_with_person(out, m.start(), m.end(), cued_person(m.start(), m.end(), (given, family)))
    for m in literal_matches(_PER, text, ("Per",)):
        words = [w for w in m.groups() if w]
        last = words[-1]
        middle_given = len(words) == 1 or ("g" in name_kind(words[0], names) and name_word(words[0], common))
        if middle_given and may_end_name(last, names, common, gaz_type):
            replace_with_person(out, m.start(), m.end(), cued_person(m.start(), m.end(), ("Per", *words)))
    for m in cue_matches(_POSSESSIVE, text, _POSSESSIVE_CUE):
        place, given, family = m.groups()
        if (
            gaz_type(place) != "place"
            or not name_word(given, common)
            or not may_end_name(family, names, common, gaz_type)
        ):
            continue
        listed_given = "g" in name_kind(given, names)
        if listed_given or ("s" in name_kind(family, names) and unknown_word(given, names, common, gaz_type)):
            a = m.start(2)
            if not any(c.type == "person" and c.start < m.end() and a < c.end for c in out):
                replace_with_person(out, a, m.end(), cued_person(a, m.end(), (given, family)))
    _given_read_apart(text, out, names, common, gaz_type)
    _shared_family_pairs(text, out, names, common, gaz_type)
    _month_given_names(text, out, names, common, gaz_type)
    people_in_list_shapes(text, out, names, common, gaz_type)  # round nineteen: casts, lists, notices
    people_in_notices(text, out, names, common, gaz_type)
    people_by_apposition(text, out, names, common, gaz_type)  # round twenty-one: ", 27,", ", a nurse,", "said"
    people_with_family_after(text, out, names, common, gaz_type)
    people_of_administrations(text, out, names, common, gaz_type)
    people_by_initial(text, out, names, common, gaz_type)
    people_after_title_of(text, out, names, common, gaz_type)
    if "'s" in text or "’s" in text:
        shops_by_possessive(text, out, names)  # "theft from Sainsbury's;": no person "Sainsbury"
    return sorted(out, key=lambda c: c.start)


def _given_read_apart(
    text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: Callable[[str], str | None]
) -> None:
    """Another given name before a family name the document gives a person, in ``out`` in place (see the
    module docstring)."""
    families = {c.person.words[-1] for c in out if c.person is not None and len(c.person.words) >= 2}
    families = {f for f in families if _NAME_ONLY.fullmatch(f) and may_end_name(f, names, common, gaz_type)}
    if not families:
        return
    for m in capital_pair_matches(_GIVEN_BEFORE_FAMILY, text):  # it opens with a capital no word character precedes
        if m.group(2) not in families:
            continue  # a match ends where no capitalised word follows, so no family name is hidden inside it
        first = m.group(1)
        if first.casefold() in NOT_NAME_WORDS or first.casefold() in HONORIFICS:
            continue  # a title or a rank before the family name ("Councillor Ellery"): no given name
        inside = [c for c in out if c.start < m.end() and m.start() < c.end]
        if any(c.start <= m.start() and m.end() <= c.end for c in inside):
            continue  # read whole already
        over_first = [c for c in inside if c.start < m.end(1)]
        if not over_first:
            if not unknown_word(first, names, common, gaz_type):
                continue
        elif all((c.start, c.end) == m.span(1) and c.type == "place" for c in over_first):
            if not name_kind(first, names) or first.casefold() in NOT_NAME_WORDS:
                continue
            if after_place_preposition(text, m.start()) or not person_cue(text, m.start(), m.end(), gaz_type, True):
                continue
        else:
            continue
        replace_with_person(out, m.start(), m.end(), cued_person(m.start(), m.end(), (first, m.group(2))))


def _body_after_word(text: str, c: Candidate, names: Kinds) -> Candidate | None:
    """The organisation ``c`` opens when it ends in an unlisted English word before more capitalised
    words (see the module docstring)."""
    words = text[c.start : c.end].split()
    last = words[-1].casefold()
    if len(words) < 2 or name_kind(last, names) or last not in builtin_words():
        return None
    more = _MORE_CAPITALISED.match(text, c.end)
    if more is None:
        return None
    name = " ".join(text[c.start : more.end()].split())
    return Candidate(c.start, more.end(), "organization", c.strength, name)


def _family_word_before(text: str, start: int, name_start: int) -> bool:
    """``text[start:name_start]`` is one family's word or title and a space ("Twins ", "Sisters ")."""
    words = text[start:name_start].split()
    return start < name_start and len(words) == 1 and words[0].casefold().rstrip(".") in _FAMILY_WORDS | TITLE_WORDS


def _pair_may_open(text: str, start: int) -> bool:
    """The words before a pair of given names let it be two people (see the module docstring)."""
    if after_place_preposition(text, start):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return True  # a sentence's or a line's start, a comma, a bracket
    word = before.group(1)
    folded = word.casefold().rstrip(".")
    if folded in TITLE_WORDS or folded in _FAMILY_WORDS:
        return True
    if word.endswith((".", "!", "?")):
        return len(word.rstrip(".!?")) > 1  # a sentence's end, not an initial ("Kirk M. Bart and Celeste Pollock")
    return not word[:1].isupper()


def _shared_family_pairs(
    text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: Callable[[str], str | None]
) -> None:
    """Two people named by one family name ("June and Ivy Calloway-Reese"), in ``out`` in place."""
    if " and " not in text and "&" not in text:
        return
    for m in cue_matches(_PAIR, text, _PAIR_CUE):
        first, second, family = m.groups()
        if "g" not in name_kind(first, names) or "g" not in name_kind(second, names):
            continue
        if any(w.casefold() in NOT_NAME_WORDS or w.casefold() in DEMONYMS for w in (first, second)):
            continue
        if not may_end_name(family, names, common, gaz_type) or not _pair_may_open(text, m.start()):
            continue
        if replace_with_person(out, m.start(2), m.end(), cued_person(m.start(2), m.end(), (second, family))):
            # a family's word or a title read into the first name ("Twins Austin") is cut
            out[:] = [c for c in out if not (c.end == m.end(1) and _family_word_before(text, c.start, m.start(1)))]
            replace_with_person(out, m.start(1), m.end(1), cued_person(m.start(1), m.end(1), (first,)))


def _month_given_names(
    text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: Callable[[str], str | None]
) -> None:
    """Months that are given names before a family name ("June Fairbrother"), in ``out`` in place."""
    for m in literal_matches(_MONTH_GIVEN, text, _MONTH_GIVEN_WORDS):
        after = _FAMILY_ONLY.match(text, m.end())
        if after is None or "g" not in name_kind(m.group(1), names):
            continue
        family = after.group(1)
        if not may_end_name(family, names, common, gaz_type) or family.casefold() in builtin_words():
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None and (before.group(1).casefold() in _TIME_WORDS or before.group(1)[-1:].isdigit()):
            continue
        if re.search(r"\d[ \t]*\Z", text[max(0, m.start() - 4) : m.start()]):
            continue  # "14 June Hargreaves"
        replace_with_person(out, m.start(), after.end(1), cued_person(m.start(), after.end(1), (m.group(1), family)))
