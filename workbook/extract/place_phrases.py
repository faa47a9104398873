"""Places a phrase around them says are places (issue 12, round seventeen).

Two passes over one document's candidates (both stages', before selection):

* :func:`city_of_places`: "the city of Austin", "the town of Chester", "the state of New South
  Wales": the capitalised words after a lower-case place word and "of" are a place, over a person
  read there ("The city of Austin said ..." gave the person "Austin");
* :func:`streets_after_prepositions`: capitalised words and a street's word that names a person or a
  thing as often as a street ("Drive", "Lane", "Way", "Close", "Row", "Mews", "Grove", "Walk",
  "Alley") after a word that places something on a street ("on Victoria Drive", "closed Kingston
  Lane", "residents of Chester Close", "and Nelson Way" after a street) are one place, over the town
  or given name read in them ("Victoria"). Not when a person is read over the whole ("the films of
  Nathan Lane"), nor over a word that never starts a name. ner15's
  :func:`~workbook.extract.place_org_extents.street_places` reads the unambiguous street words
  ("Road", "Street", "Avenue") anywhere.
"""

from __future__ import annotations

import re

from workbook.extract.entity_runs import CUED_PERSON, NAMED, Candidate
from workbook.extract.shared_scans import cue_matches
from workbook.extract.vocabulary import (
    MONTHS,
    NEVER_NAME_START,
    ORG_HEADS,
    PLACE_NOUNS_BEFORE_OF,
    STREET_WORDS,
    WEEKDAYS,
)

__all__ = ["STREET_PREPOSITIONS", "place_phrases"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

#: Street words that end a person's or a thing's name as often as a street's ("Nathan Lane", "Test Drive").
_AMBIGUOUS_STREET_WORDS = (STREET_WORDS - {"street", "road", "avenue", "boulevard", "terrace", "crescent"}) | set(
    _WORD.findall("way close row mews grove walk")
)
#: Words before a street's name that place something on it.
STREET_PREPOSITIONS: frozenset[str] = frozenset(
    _WORD.findall(
        """on along off in at into from near via down up past
    of closed reopened closing reopening"""
    )
)

_CAP_WORD = r"[A-Z][\w'’-]*"
_PLACE_WORD = r"(?:St\.|Mt\.|Ft\.|[A-Z]\w*(?:[-'’][A-Z]\w*)*)"  # "St. Mary", "Thionk Essil", "Banjal’" without "’"
_CITY_OF = re.compile(
    rf"(?<![\w'’-])[Tt]he[ \t]+({'|'.join(sorted(PLACE_NOUNS_BEFORE_OF))})[ \t]+of[ \t]+"
    rf"({_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,2}}?)(?![\w-])(?![ \t]+[A-Z])"
)
_STREET_WORD = "|".join(sorted(w.capitalize() for w in _AMBIGUOUS_STREET_WORDS))
_STREET = re.compile(
    rf"(?<![\w'’-])([a-z]+)[ \t]+((?:{_CAP_WORD}[ \t]+){{1,2}}(?:{_STREET_WORD}))"
    r"(?![\w'’-])(?![ \t]+[A-Z])"
)
#: Where "the city of ..." can start, and the street word every street match holds: both patterns open
#: with a look-behind, so ``re`` would try them at every character (``shared_scans``).
_CITY_OF_CUE = re.compile(rf"[Tt](?=he[ \t]+(?:{'|'.join(sorted(PLACE_NOUNS_BEFORE_OF))})[ \t]+of[ \t])")
_STREET_WORD_ALONE = re.compile(rf"(?:{_STREET_WORD})(?![\w'’-])")


def _place_over(cands: list[Candidate], new: Candidate, over_people: bool) -> list[Candidate] | None:
    """``cands`` with ``new`` in place of what was read inside it; ``None`` when a candidate crosses
    its edge, or a person is read inside and ``over_people`` is false."""
    out = []
    for c in cands:
        if c.end <= new.start or c.start >= new.end:
            out.append(c)
        elif (
            c.start < new.start
            or c.end > new.end
            or (not over_people and (c.person is not None or c.type == "person" or c.strength >= CUED_PERSON))
        ):
            return None
    out.append(new)
    return out


def city_of_places(text: str, cands: list[Candidate]) -> list[Candidate]:
    """The name after "the city of", "the town of", ... as a place (see the module docs)."""
    if " of " not in text:
        return cands
    for m in cue_matches(_CITY_OF, text, _CITY_OF_CUE):
        words = m.group(2).split()
        if any(w.casefold() in ORG_HEADS or w.casefold() in NEVER_NAME_START for w in words):
            continue  # "the city of Austin Police ...": a body, not the town
        if any(c.type == "place" and c.start == m.start(2) and c.end == m.end(2) for c in cands):
            continue  # read as that place already (the gazetteer's entry kept: "the port of Odessa" is Odesa)
        name = " ".join(words)
        done = _place_over(cands, Candidate(m.start(2), m.end(2), "place", NAMED, name), over_people=True)
        if done is not None:
            cands = done
    return cands


def streets_after_prepositions(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Capitalised words and an ambiguous street word after a preposition as one place (see the
    module docs)."""
    street_ends: set[int] = set()
    if _STREET_WORD_ALONE.search(text) is None:
        return cands
    for m in _STREET.finditer(text):
        word = m.group(1)
        after_street = word == "and" and m.start() - 1 in street_ends
        if word not in STREET_PREPOSITIONS and not after_street:
            continue
        words = m.group(2).split()
        if any(w.casefold() in NEVER_NAME_START or w.casefold() in MONTHS | WEEKDAYS for w in words):
            continue
        if any(c.type == "place" and c.start <= m.start(2) and c.end >= m.end(2) for c in cands):
            street_ends.add(m.end())
            continue
        name = " ".join(words)
        done = _place_over(cands, Candidate(m.start(2), m.end(2), "place", NAMED, name), over_people=False)
        if done is not None:
            cands = done
            street_ends.add(m.end())
    return cands


def place_phrases(text: str, cands: list[Candidate]) -> list[Candidate]:
    """The passes of this module over one document's candidates, in order."""
    return streets_after_prepositions(text, city_of_places(text, cands))
