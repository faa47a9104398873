"""People's names by their form, read where the other rules leave a name short, typed as a place or
unread (issue 12, round thirteen).

* A family name the gazetteer knows as a small town, right after a given name or a capitalised word no
  list knows, is that family name: "Hope Martinez" (Martinez, California), "Micheál Martin" (Martin,
  Tennessee), and after a listed given name that is itself a small town ("Tracy Ames": two towns side by
  side with no comma between are a person). Not after another word the gazetteer knows or a title; not
  a town of a million ("Jordan Houston"), a country or a region; the town must be a listed family name.
  The same holds the other way round: a small town that is a listed given name before a listed family
  name no list knows as a place, no common, head or title word and no English word unless a frequent
  family name, with no capitalised word after it ("Madison Keys", "Chelsea Manning"; not "Madison
  Avenue", "Chelsea Barracks").
* A generational suffix ends a name: "Gilberto Teodoro Jr.", "Roger B. Turner Jr." keeps its full stop.
* A rank spelled out that opens a company's name is no rank: "General Motors", "General Electric" (a
  word usually written in lower case and no listed name after it; "General Grant" and "General Lee" stay
  people). The word is looked up in the classifier's common words and in the built-in English word
  list (:func:`workbook.ingest.normalise.builtin_words`), a plural also by its singular ("Motors",
  "Mills", "Dynamics").
* A classifier's person of two or more words ending in the plural of a word usually written in lower
  case, no common family name, is a firm: "Kelwood Partners", "Harlan Motors", "Vagabond Tours"
  (:func:`plural_company`); not a common family name ("Eric Banks"), nor a listed family name after a
  listed given name in a two-word name ("Harry Styles").
* One or two given names before an Irish family name with "O'" or an Arabic chain of "bin"/"ibn"
  names are a person where nothing else read them: "Aingeal O'Donoghue", "Ciarán O'Halloran",
  "Mohammed bin Rashid Al Maktoum" (:func:`o_family_people`).
* A one-word person the classifier read, no gazetteer name, right after a capitalised word nothing else
  read is that word's family name when the word may be a given name (a listed given name or no common
  word; no particle, place or street word): "Lando Norris", "Virat Kohli"; not "County Durham".
* A classifier's person that is only title words after "the" or a possessive is a title, no name.
* Honour, degree and office letters after a name are no part of it ("Imran Qureshi KC", "Anne Ryan SC").
* An institution named after a saint is read to its head word ("St Wilfrid's Church"), no person.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from workbook.extract.coref import PersonSpan
from workbook.extract.entity_bounds import PLACE_OPENERS, PLACE_TAILS
from workbook.extract.entity_runs import CUED_PERSON, Candidate
from workbook.extract.family_names import GIVEN_KINDS
from workbook.extract.gazetteer import GazetteerMatch
from workbook.extract.ner_features import TITLE_WORDS
from workbook.extract.ner_model import ScoredSpan
from workbook.extract.person_places import place_given_people, street_not_person, with_family_after
from workbook.extract.person_shapes import MAX_TOWN_POPULATION
from workbook.extract.person_vietnamese import VIETNAMESE_MIDDLE_NAMES
from workbook.extract.ranks import RANK_WORDS
from workbook.extract.vocabulary import FACILITY_HEADS, ORG_HEADS, STREET_ABBREVIATIONS, STREET_WORDS, TITLES
from workbook.ingest.normalise import builtin_words

__all__ = [
    "POSTNOMINALS",
    "company_after_rank",
    "family_name_towns",
    "given_name_before",
    "name_edges",
    "no_person_name",
    "o_family_people",
    "people_by_form",
    "person_before_particle",
    "person_candidate",
    "plural_company",
    "saint_institutions",
    "small_town",
    "suffix_end",
    "suffixed_people",
    "title_only_person",
    "with_suffix",
    "without_postnominal",
]

_HEADS = ORG_HEADS | FACILITY_HEADS
_OPENERS = frozenset({"the", "a", "an", "and", "but", "or", "in", "on", "at", "by", "for", "from", "with", "to"})
_PARTICLES = frozenset({"de", "del", "da", "di", "du", "dos", "das", "la", "le", "van", "von", "al", "el", "san", "st"})
#: Words of no given or family name here: sentence openers, particles ("Del Frisco"), place and street
#: words ("Camps Bay", "County Durham").
_NOT_GIVEN = _OPENERS | _PARTICLES | PLACE_TAILS | PLACE_OPENERS | STREET_WORDS
_NAME_WORD = r"[A-Z][a-z\u00c0-\u024f'’]+(?:-[A-Z][a-z\u00c0-\u024f'’]+)?"
#: The word right before a span, separated by one space or tab, not after another name-like character.
_WORD_JUST_BEFORE = re.compile(rf"(?<![\w'’.&-])({_NAME_WORD})[ \t]\Z")
#: Street words as written short ("1214 Anderson Ave", "Lincoln Blvd").
#: The capitalised word right after a span, one space or tab away, with no capitalised word after it.
_FAMILY_JUST_AFTER = re.compile(rf"[ \t]({_NAME_WORD})(?![\w'’-]|[ \t]+[A-Z])")
#: A capitalised word (or "the") right before the word before a span: the pair is part of a longer name.
_LONGER_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*|[Tt]he)[ \t]+\Z")


def _unlisted_or_given(word: str, names: Mapping[str, str], common: frozenset[str], never: frozenset[str]) -> bool:
    """``word`` may be a given name: a listed given name or no common word; never a title, rank, head
    word, sentence opener or a word of ``never`` (months, days)."""
    w = word.casefold()
    if w.endswith(("'s", "’s")):
        return False  # a possessive: "People's Wellbeing"
    if w in never or w in TITLE_WORDS or w in RANK_WORDS or w in _HEADS or w in _NOT_GIVEN or len(w) < 3:
        return False
    return w not in common or names.get(w) in GIVEN_KINDS  # "Hope Martinez"; "Lando" is listed as a family name


def small_town(text: str, m: GazetteerMatch, *, counted: bool = False) -> bool:
    """The match is one word naming a town under a million (not a country); ``counted``: with a
    population the gazetteer gives (its first-level regions, "Louisiana", "Arizona", have none)."""
    e = m.entry
    one_word = " " not in text[m.start : m.end].strip()
    population = e.population or 0
    if counted and population <= 0:
        return False
    return one_word and e.type == "place" and e.admin_area is not None and population < MAX_TOWN_POPULATION


def family_name_towns(
    text: str,
    matches: Sequence[GazetteerMatch],
    names: Mapping[str, str],
    common: frozenset[str],
    never: frozenset[str],
    gaz_type: Callable[[str], str | None],
) -> dict[int, tuple[int, int]]:
    """One-word gazetteer towns read as a family name after a given name (see the module docstring): the
    match's start → the person's span."""
    out: dict[int, tuple[int, int]] = {}
    towns = {m.start: m for m in matches if small_town(text, m)}
    for m in towns.values():  # "Madison Keys": a given name the gazetteer knows, a family name it does not
        given = text[m.start : m.end].strip()
        if not small_town(text, m, counted=True):
            continue
        after = _FAMILY_JUST_AFTER.match(text, m.start + len(given))
        if after is None or "g" not in names.get(given.casefold(), "") or given.casefold() in common:
            continue
        family = after.group(1).casefold()
        if "s" not in names.get(family, "") or family in common or family in _NOT_GIVEN or family in never:
            continue
        if (
            family in _HEADS
            or family in TITLE_WORDS
            or family in STREET_ABBREVIATIONS
            or gaz_type(after.group(1)) is not None
        ):
            continue
        if family in builtin_words() and not names.get(family, "").endswith("0"):
            continue  # "Chelsea Barracks", "Tracy Press": an English word no frequent family name
        if _LONGER_BEFORE.search(text, max(0, m.start - 40), m.start) is None:
            out[m.start] = (m.start, after.end(1))
    for m in towns.values():
        word = text[m.start : m.end]
        folded = word.strip().casefold()
        if "s" not in names.get(folded, "") or folded in common or folded in _NOT_GIVEN:
            continue  # "Camps Bay": a place word
        before = _WORD_JUST_BEFORE.search(text, max(0, m.start - 40), m.start)
        if before is None or not _unlisted_or_given(before.group(1), names, common, never):
            continue
        given_at = towns.get(before.start(1))
        given_town = given_at is not None and small_town(text, given_at, counted=True)
        given_town = given_town and "g" in names.get(before.group(1).casefold(), "")
        if gaz_type(before.group(1)) is not None and not given_town:
            continue  # "Tracy Ames": two small towns side by side, a given name and a family name
        if _LONGER_BEFORE.search(text, max(0, before.start() - 40), before.start()):
            continue
        out[m.start] = (before.start(1), m.start + len(word.rstrip()))
    taken = {a for a, _ in out.values()}  # "Dallas Young, who ...": the sentence calls the place's given name a person
    places = place_given_people(text, matches, names, common, never, gaz_type)
    out |= {k: v for k, v in places.items() if v[0] not in taken}
    return with_family_after(text, out, names, common, never, gaz_type)  # "Paul Lincoln Kingsley"


_SUFFIX = re.compile(r",?[ \t]+(?:Jr|Sr)\.?(?![\w'’-])")


def suffix_end(text: str, end: int) -> int:
    """The end of a name at ``end`` with its generational suffix ("Jr.", ", Sr."); ``end`` if none follows.
    A name that already ends in "Jr" gets its full stop."""
    if text[max(0, end - 3) : end] in (" Jr", " Sr") and text[end : end + 1] == ".":
        return end + 1
    m = _SUFFIX.match(text, end)
    return m.end() if m is not None else end


_NAME_OR_INITIAL = rf"(?:{_NAME_WORD}|[A-Z]\.)"
_SUFFIXED = re.compile(rf"(?<![\w'’.&-])({_NAME_OR_INITIAL}(?:[ \t]+{_NAME_OR_INITIAL}){{1,3}})(?=,?[ \t]+(?:Jr|Sr)\b)")


def suffixed_people(
    text: str, taken: bytearray, names: Mapping[str, str], common: frozenset[str], never: frozenset[str]
) -> list[tuple[int, int]]:
    """Spans of two to four capitalised words (or initials) and a generational suffix nothing else read
    (``taken``: a character mask of what was): "Gilberto Teodoro Jr.", "Martin Luther King Jr."; the first
    word may be a given name (:func:`_unlisted_or_given`), no word is a head word."""
    out: list[tuple[int, int]] = []
    if "Jr" not in text and "Sr" not in text:
        return out  # every match is followed by one (the pattern's look-ahead), and the scan reads every place
    for m in _SUFFIXED.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        while words and not _unlisted_or_given(words[0].group(), names, common, never):
            words = words[1:]  # "Defence Secretary Gilberto Teodoro Jr."
        if len(words) < 2 or any(w.group().casefold() in _HEADS for w in words):
            continue
        a, b = m.start(1) + words[0].start(), suffix_end(text, m.end())
        if taken.find(1, a, b) < 0:
            out.append((a, b))
    return out


_LETTERS = r"[^\W\d_]+"
_O_FAMILY = re.compile(
    rf"(?<![\w'’.&-])((?:[A-Z]{_LETTERS}(?:-[A-Z]{_LETTERS})?[ \t]+){{1,2}})(O['’][A-Z]{_LETTERS})(?![\w'’-])"
)
_PATRONYMIC = re.compile(
    rf"(?<![\w'’.&-])((?:[A-Z]{_LETTERS}[ \t]+){{1,2}})((?:(?:bin|bint|ibn)[ \t]+[A-Z]{_LETTERS}[ \t]*)+"
    rf"(?:(?:Al|al)(?:[ \t]+|-)[A-Z]{_LETTERS})?)(?![\w'’-])"
)
#: What every match of ``_PATRONYMIC`` holds: a "bin" (or "bint") or "ibn" after a space or tab.
_PATRONYMIC_CUES = (" bin", "\tbin", " ibn", "\tibn")


def o_family_people(
    text: str, taken: bytearray, names: Mapping[str, str], common: frozenset[str], never: frozenset[str]
) -> list[tuple[int, int]]:
    """Spans of one or two given names and a family name of a known form nothing else read
    (``taken``): an Irish family name with "O'" ("Aingeal O'Donoghue", "Ciarán O'Halloran") or an
    Arabic chain of "bin"/"bint"/"ibn" names with the family's "Al" ("Abdullah bin Zayed Al Nahyan",
    "Mohammed bin Rashid Al Maktoum"; this form is read even over a rule's gazetteer word inside it,
    the town "Rashid"). Each given word may be a given name
    (:func:`_unlisted_or_given`: "Minister Aoife O'Brien" is read from "Aoife")."""
    out = []
    # Each scan opens with a look-behind and so runs at every place: only where the text holds its cue.
    irish = _O_FAMILY.finditer(text) if "O'" in text or "O’" in text else ()
    arabic = _PATRONYMIC.finditer(text) if any(cue in text for cue in _PATRONYMIC_CUES) else ()
    for m in [*irish, *arabic]:
        words = list(re.finditer(r"\S+", m.group(1)))
        while words and not _unlisted_or_given(words[0].group(), names, common, never):
            words = words[1:]
        if not words:
            continue
        a, b = m.start(1) + words[0].start(), m.start(2) + len(m.group(2).rstrip())
        if taken.find(1, a, b) < 0 or m.re is _PATRONYMIC:
            out.append((a, b))
    return out


def company_after_rank(c: Candidate, names: Mapping[str, str], common: frozenset[str]) -> bool:
    """A rank's person that is a company's name: a rank written out in full ("General", not "Gen.") and
    one word after it usually written in lower case and no listed name ("General Motors", "General
    Electric"; "General Grant" stays a person)."""
    p = c.person
    if p is None or len(p.words) != 1 or p.title is None or "." in p.title or " " in p.title:
        return False
    return _company_word(p.words[0], names, common)


def _company_word(word: str, names: Mapping[str, str], common: frozenset[str]) -> bool:
    """``word`` is no listed name and is usually written in lower case (the classifier's common words
    or the built-in English word list; a plural also by its singular: "Motors", "Dynamics")."""
    w = word.casefold()
    if w in names:
        return False
    english = builtin_words()
    return any(f in common or f in english for f in (w, w.removesuffix("s") if len(w) > 4 else w))


_FRENCH_ARTICLES = frozenset({"Le", "La", "Les"})


def _work_title(s: ScoredSpan, names: Mapping[str, str]) -> bool:
    """A person that opens with a French article is a work's title: "Les" before a word no list of
    names holds ("Les Misérables"; "Les Murray" stays a person), "Le"/"La" before two words or more
    when the next is no listed given name nor a Vietnamese middle name ("Le Petit Prince"; "La Toya
    Jackson", "Le Duc Tho" and the two-word "Le Pen" stay people)."""
    if s.type != "person" or len(s.words) < 2 or s.words[0] not in _FRENCH_ARTICLES:
        return False
    second = s.words[1].casefold()
    if s.words[0] == "Les":
        return second not in names
    return len(s.words) >= 3 and "g" not in names.get(second, "g") and second not in VIETNAMESE_MIDDLE_NAMES


_SPELLED_RANK_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+)[ \t]+\Z")


def no_person_name(text: str, s: ScoredSpan, names: Mapping[str, str], common: frozenset[str]) -> bool:
    """A classifier's person that names no person: title words only (:func:`title_only_person`), or
    one word a company's name holds after a rank spelled out ("General Motors": "Motors", as
    :func:`company_after_rank` reads the rules' rank)."""
    if title_only_person(text, s) or _work_title(s, names):
        return True
    if s.type != "person" or len(s.words) != 1:
        return False
    rank = _SPELLED_RANK_BEFORE.search(text, max(0, s.start - 20), s.start)
    return rank is not None and rank.group(1).casefold() in RANK_WORDS and _company_word(s.words[0], names, common)


def plural_company(s: ScoredSpan, names: Mapping[str, str], common: frozenset[str]) -> ScoredSpan:
    """``s`` as an organisation when it is a person whose last word is the plural of a word usually
    written in lower case (see the module docstring), ``s`` otherwise."""
    if s.type != "person" or len(s.words) < 2:
        return s
    last = s.words[-1]
    kind = names.get(last.casefold(), "")
    if not last[:1].isupper() or len(last) < 5 or not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return s
    family = "s" in kind and (kind.endswith("0") or "g" in names.get(s.words[0].casefold(), ""))
    if (family and len(s.words) == 2) or kind.endswith("0"):
        return s  # "Eric Banks", "Harry Styles": a family name, common or after a given name
    singular = last[:-1].casefold()
    english = builtin_words()
    if singular not in common and singular not in english:
        return s
    return dataclasses.replace(s, type="organization")


def people_by_form(
    text: str,
    spans: Iterable[ScoredSpan],
    taken: bytearray,
    names: Mapping[str, str],
    common: frozenset[str],
    never: frozenset[str],
    gaz_type: Callable[[str], str | None],
) -> list[ScoredSpan]:
    """The classifier's spans with no person that names none (:func:`no_person_name`), a firm named by
    a plural as an organisation (:func:`plural_company`) and a one-word person with the given name
    nothing read before it (:func:`given_name_before`; ``taken`` marks what was read)."""
    return [
        given_name_before(
            text, plural_company(street_not_person(s, names), names, common), taken, names, common, never, gaz_type
        )
        for s in spans
        if not no_person_name(text, s, names, common)
    ]


def given_name_before(
    text: str,
    s: ScoredSpan,
    taken: bytearray,
    names: Mapping[str, str],
    common: frozenset[str],
    never: frozenset[str],
    gaz_type: Callable[[str], str | None],
) -> ScoredSpan:
    """A classifier's one-word person with its given name when a capitalised word nothing read
    (``taken``) stands right before it (see the module docstring); ``s`` otherwise."""
    if s.type != "person" or len(s.words) != 1 or gaz_type(s.words[0]) is not None:
        return s  # "Camps Bay", "County Durham", "Del Frisco": a place's words
    before = _WORD_JUST_BEFORE.search(text, max(0, s.start - 40), s.start)
    if before is None or taken.find(1, before.start(1), before.end(1)) >= 0:
        return s
    given = before.group(1)
    if not _unlisted_or_given(given, names, common, never) or gaz_type(given) is not None:
        return s
    if _LONGER_BEFORE.search(text, max(0, before.start() - 40), before.start()):
        return s
    return dataclasses.replace(s, start=before.start(1), words=(given, *s.words))


_TITLE_ONLY_WORDS = frozenset(w for t in TITLES for w in t) | RANK_WORDS
_THE_TITLES = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[A-Z][\w.-]*\s+){0,3}$")


def title_only_person(text: str, s: ScoredSpan) -> bool:
    """A classifier's person that is only title words after "the" or a possessive ("The Defense
    Secretary, Pete Hegseth": "Secretary"; "the Crown Prince") is a title, no name."""
    return (
        s.type == "person"
        and all(w.casefold().rstrip(".") in _TITLE_ONLY_WORDS for w in s.words)
        and _THE_TITLES.search(text, max(0, s.start - 60), s.start) is not None
    )


def with_suffix(text: str, c: Candidate) -> Candidate:
    """A person candidate with the generational suffix after it ("Alvaro Quintana Sr.") or the full stop
    of the one that ends it ("Roger B. Turner Jr")."""
    end = suffix_end(text, c.end) if c.type == "person" else c.end
    if end == c.end:
        return c
    person = dataclasses.replace(c.person, end=end) if isinstance(c.person, PersonSpan) else c.person
    return dataclasses.replace(c, end=end, person=person)


#: Letters written after a name that are no part of it: honours, degrees, offices ("Imran Qureshi KC", "Anne Ryan SC").
POSTNOMINALS = frozenset({"KC", "QC", "SC", "MP", "MEP", "MSP", "MLA", "MS", "TD", "MBE", "OBE", "CBE", "KBE", "DBE"})
POSTNOMINALS |= {"PhD"}


def without_postnominal(text: str, c: Candidate) -> Candidate:
    """A person candidate of two words or more without the honour, degree or office letters that end it
    ("Imran Qureshi KC" → "Imran Qureshi", "Keir Starmer MP")."""
    if c.type != "person" or c.person is None or len(c.person.words) < 3:
        return c
    last = c.person.words[-1]
    if last not in POSTNOMINALS or not text[c.start : c.end].endswith(f" {last}"):
        return c
    end = c.end - len(last) - 1
    words = c.person.words[:-1]
    person = dataclasses.replace(c.person, end=end, words=words)
    return dataclasses.replace(c, end=end, name=" ".join(words), person=person)


_CHURCH_WORDS = frozenset({"church", "cathedral", "chapel", "abbey", "basilica", "minster", "parish"})
#: Houses of care named after a saint ("St Luke's Hospice", "St Cross Almshouses").
_CARE_WORDS = frozenset({"hospice", "hospices", "almshouse", "almshouses", "infirmary"})
_INSTITUTION_HEADS = ORG_HEADS | FACILITY_HEADS | _CHURCH_WORDS | _CARE_WORDS
_SAINT = re.compile(r"(?<![\w.])(?:St\.?|Saint)[ \t]+[A-Z][a-z]+(?:['’]s?)?((?:[ \t]+[A-Z][A-Za-z]+){1,4})")
#: What every match of ``_SAINT`` holds: "St", "St." or "Saint" before a space or tab.
_SAINT_CUE = re.compile(r"S(?:t\.?|aint)[ \t]")


def saint_institutions(text: str) -> list[tuple[int, int]]:
    """Spans of institutions named after a saint, to their head word ("St Wilfrid's Church", "St.
    Mary's Hospital", "Saint Joseph's Catholic Primary School"): no person "Wilfrid"."""
    out: list[tuple[int, int]] = []
    if _SAINT_CUE.search(text) is None:
        return out  # the scan opens with a look-behind and runs at every place
    for m in _SAINT.finditer(text):
        end = 0
        for w in re.finditer(r"[A-Za-z]+", m.group(1)):
            if w.group().casefold() in _INSTITUTION_HEADS:
                end = m.start(1) + w.end()
        if end:
            out.append((m.start(), end))
    return out


def name_edges(text: str, c: Candidate) -> Candidate:
    """A person candidate without the letters after its name and with its generational suffix."""
    return with_suffix(text, without_postnominal(text, c))


_PARTICLE_AFTER = re.compile(r"(?:[ \t]+(?:ten|ter|van|von|der|den|de|da|del|di|du|dos|das|los|las|le|la))+[ \t]+[A-Z]")


def person_before_particle(text: str, c: Candidate) -> bool:
    """A rules' person that stops right before a family-name particle ("Manager Erik" of "Manager Erik ten
    Hag"): the name goes on."""
    return c.type == "person" and _PARTICLE_AFTER.match(text, c.end) is not None


def person_candidate(text: str, a: int, b: int, strength: int = CUED_PERSON) -> Candidate:
    """The rules' person of ``text[a:b]`` (a cued person unless ``strength`` says otherwise)."""
    words = tuple(text[a:b].split())
    return Candidate(a, b, "person", strength, " ".join(words), PersonSpan(a, b, words, None))
