"""Given names that are places, read as people where the words around them say so (issue 12, round sixteen).

A place the gazetteer knows of any size, a country too, that is a listed given name ("Dallas", "Madison",
"Jordan", "Israel", "Austin") before a family name is a person when the sentence says the pair is one: a
person's verb, ", who" or an age between commas right after the family name ("Dallas Young, who moved to
Amarillo", "Jordan Bardella said", "Dallas Young, 52, of Leeds"), or a title right before the given name
("Coach Dallas Young"); round eighteen adds "of" and a place after the family name ("Jordan Ellery of
Leeds", "Israel Dunmore of Scarborough") and a noun phrase in apposition ("Houston Blake, the principal
of …", "Austin Carver, a spokesman for …") when the family name is no English word or a frequent family
name ("Jordan Valley of Israel" stays a place). A given name that is also an everyday word of the
model's lower-case list ("Houston", "Hope", "Rose") passes only before a listed family name. The family
name is a listed family name ("Young", "Keys", "Katz"; a word usually written in lower case only when it
is a frequent family name: "Young", not "Power") or a capitalised word no list, no English word list and
no gazetteer knows ("Bardella"); it may be a small town ("Young", New South Wales) but no large city or
country, and no head, street, title or place word ("Austin Energy said", "Georgia Power said", "Jordan
Valley farmers", "Dallas Police said" stay what they were). A preposition of
place before the given name ("in Dallas Young ..."), a capitalised word before it or after the family name
(a longer name: "Dallas Morning News") or a comma between ("Madison, Wisconsin") leaves it a place.

A classifier's person of two or more words ending in a street's word is a street: "Madison Avenue",
"Kevin Road", "Victoria Drive" (:func:`street_not_person`); a street's word that is also a family name
("Lane", "Street", "Alley": "Diane Lane") only after a preposition of place ("on Sarah Lane", "down
Kevin Lane").

A family name no gazetteer knows right after a given name and a town read as its family name is the
name's last word: the town was a middle name ("Paul Lincoln Kingsley", "Mary Florence Whitaker"; no
capitalised word after it; :func:`with_family_after`).

Round thirteen's rule (:func:`workbook.extract.person_forms.family_name_towns`) reads small towns by
their form alone; this one needs the sentence's word and so reaches the large cities and countries.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence

from workbook.extract.entity_bounds import PLACE_OPENERS, PLACE_TAILS
from workbook.extract.gazetteer import GazetteerMatch
from workbook.extract.ner_features import TITLE_WORDS
from workbook.extract.ner_model import ScoredSpan
from workbook.extract.person_shapes import MAX_TOWN_POPULATION, after_place_preposition
from workbook.extract.ranks import RANK_WORDS
from workbook.extract.vocabulary import FACILITY_HEADS, ORG_HEADS, PERSON_VERBS, STREET_ABBREVIATIONS, STREET_WORDS
from workbook.ingest.normalise import builtin_words

__all__ = ["person_cue", "place_given_people", "street_not_person", "with_family_after"]

_NAME_WORD = r"[A-Z][a-z\u00c0-\u024f'’]+(?:-[A-Z][a-z\u00c0-\u024f'’]+)?"
#: The family name right after the given name, one space or tab away, no capitalised word after it.
_FAMILY_AFTER = re.compile(rf"[ \t]({_NAME_WORD})(?![\w'’-]|[ \t]+[A-Z])")
#: A person's word after the family name: a verb ("said", "told"), ", who" or an age between commas
#: ("Houston Blake, 29, of Atlanta").
_PERSON_CUE = re.compile(r"(?:[ \t]+([a-z]+)\b|,[ \t]+(who\b|\d{1,3},))")
#: The word right before the given name: a title ("Coach", "leader") or another capitalised word.
#: Round eighteen's cues after the family name: "of" and a capitalised word ("Jordan Ellery of Leeds"; the
#: word must be a gazetteer place) or a noun phrase in apposition (", the principal of", ", a spokesman").
_OF_PLACE = re.compile(r"[ \t]+of[ \t]+([A-Z][\w'’-]+)(?![\w'’-]|[ \t]+[A-Z])")
_APPOSITION = re.compile(r",[ \t]+(?:the|a|an)[ \t]+[a-z]")
_WORD_BEFORE = re.compile(r"(?<![\w'’.&-])([A-Za-z][\w'’.-]*)[ \t]+\Z")
_NOT_FAMILY = ORG_HEADS | FACILITY_HEADS | STREET_WORDS | PLACE_TAILS | PLACE_OPENERS | RANK_WORDS | TITLE_WORDS


def _large(m: GazetteerMatch) -> bool:
    return (m.entry.population or 0) >= MAX_TOWN_POPULATION


def _family_word(
    word: str, names: Mapping[str, str], common: frozenset[str], never: frozenset[str], town: bool
) -> bool:
    """``word`` may be a family name after a place's given name (see the module docstring); ``town``:
    the gazetteer knows it as a small town."""
    w = word.casefold()
    if w in _NOT_FAMILY or w in STREET_ABBREVIATIONS or w in never or w.endswith(("'s", "’s")) or len(w) < 3:
        return False
    kind = names.get(w, "")
    if "s" in kind:
        return w not in common or kind.endswith("0")  # "Young", "Keys", "Katz"; not "Power" (a rare one)
    return not town and w not in common and w not in builtin_words() and w not in names  # "Bardella"


def person_cue(text: str, start: int, end: int, gaz_type: Callable[[str], str | None], wider: bool) -> bool:
    """A title right before ``start`` or a person's verb, ", who", an age, or (``wider``) an apposition or
    "of" and a place right after ``end``."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and before.group(1).casefold().rstrip(".") in TITLE_WORDS:
        return True
    if before is not None and before.group(1)[:1].isupper() and not before.group(1).endswith((".", "!", "?")):
        return False  # a longer name ("The Dallas Young Professionals said"); after a sentence's end it passes
    after = _PERSON_CUE.match(text, end)
    if after is not None and (after.group(2) is not None or after.group(1) in PERSON_VERBS):
        return True
    if not wider:
        return False
    if _APPOSITION.match(text, end):
        return True
    of_place = _OF_PLACE.match(text, end)
    return of_place is not None and gaz_type(of_place.group(1)) == "place"


def place_given_people(
    text: str,
    matches: Sequence[GazetteerMatch],
    names: Mapping[str, str],
    common: frozenset[str],
    never: frozenset[str],
    gaz_type: Callable[[str], str | None],
) -> dict[int, tuple[int, int]]:
    """People whose given name the gazetteer knows as a place (see the module docstring): the start of
    the match the person replaces (the family name's when the gazetteer knows it too, else the given
    name's) → the person's span."""
    out: dict[int, tuple[int, int]] = {}
    by_start = {m.start: m for m in matches}
    for m in matches:
        given = text[m.start : m.end]
        if " " in given.strip() or m.entry.type != "place" or "g" not in names.get(given.casefold(), ""):
            continue
        if after_place_preposition(text, m.start):
            continue
        after = _FAMILY_AFTER.match(text, m.end)
        if after is None:
            continue
        if given.casefold() in common and "s" not in names.get(after.group(1).casefold(), ""):
            continue  # "Houston Blake" passes ("Blake" is a family name), a lone everyday word does not
        family_match = by_start.get(after.start(1))
        town = family_match is not None
        if family_match is not None and (family_match.entry.admin_area is None or _large(family_match)):
            continue  # "Jordan Houston": a large city or a country
        if not town and gaz_type(after.group(1)) is not None:
            continue
        if not _family_word(after.group(1), names, common, never, town):
            continue
        family = after.group(1).casefold()  # the wider cues need no English word ("Jordan Valley of Israel")
        wider = family not in builtin_words() or names.get(family, "").endswith("0")
        if person_cue(text, m.start, after.end(1), gaz_type, wider):
            out[after.start(1) if town else m.start] = (m.start, after.end(1))
    return out


#: Prepositions before a street, not before a person: "on Sarah Lane", "along Kevin Lane".
_STREET_PREPOSITIONS = frozenset({"on", "along", "down", "up", "off", "onto", "into", "across", "near"})


def street_not_person(s: ScoredSpan, names: Mapping[str, str]) -> ScoredSpan:
    """``s`` as a place when it is a person ending in a street's word (see the module docstring), ``s``
    otherwise."""
    if s.type != "person" or len(s.words) < 2 or s.words[-1].casefold() not in STREET_WORDS:
        return s
    if "s" in names.get(s.words[-1].casefold(), "") and s.left not in _STREET_PREPOSITIONS:
        return s  # "Diane Lane", "Picabo Street": a family name
    return dataclasses.replace(s, type="place")


def with_family_after(
    text: str,
    spans: dict[int, tuple[int, int]],
    names: Mapping[str, str],
    common: frozenset[str],
    never: frozenset[str],
    gaz_type: Callable[[str], str | None],
) -> dict[int, tuple[int, int]]:
    """``spans`` (a match's start → a person's span) each with the listed family name no gazetteer knows
    that follows it, one space away with no capitalised word after it (see the module docstring)."""
    out = {}
    for key, (a, b) in spans.items():
        after = _FAMILY_AFTER.match(text, b)
        word = after.group(1) if after is not None else ""
        listed = "s" in names.get(word.casefold(), "") and gaz_type(word) is None
        if after is not None and listed and _family_word(word, names, common, never, town=False):
            b = after.end(1)  # "Paul Lincoln Kingsley"
        out[key] = (a, b)
    return out
