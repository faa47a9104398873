"""Fixes to single entity candidates of the rules (:mod:`workbook.extract.entities`): a gazetteer name
that is part of a hyphenated surname, Arabic particles inside a person's name, a town before its state, a
weapon designation cut at a sentence end, and no entity holding a rank's words."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from workbook.extract.entity_runs import LEARNED, WEAPON, Candidate
from workbook.extract.gazetteer import Gazetteer, GazetteerMatch

__all__ = ["hyphen_part", "outside_ranks", "particle_surname", "town_before_state", "weapon_in_sentence"]

_WORD_AFTER = re.compile(r"[^\W\d_][\w'’.]*")
_WORD_BEFORE = re.compile(r"[\w'’.]*[^\W\d_]$")


def hyphen_part(
    text: str, m: GazetteerMatch, gazetteer: Gazetteer, names: Mapping[str, str], surnames: set[str]
) -> bool:
    """Is the gazetteer name one part of a hyphenated name ("Delgado" of "Delgado-Ruiz")? So when the
    whole word is the surname of a person of the document, or its other part is a listed given name
    or surname and no place or acronym. "Seoul-Washington", "Tongsin-Kanggye", "Korea-Japan" and
    "U.S.-Japan" stay places."""
    for word, whole in (
        (_WORD_AFTER.match(text, m.end + 1), (m.start, -1)) if text[m.end : m.end + 1] == "-" else (None, (0, 0)),
        (_WORD_BEFORE.search(text, max(0, m.start - 40), m.start - 1), (-1, m.end))
        if text[m.start - 1 : m.start] == "-"
        else (None, (0, 0)),
    ):
        if word is None:
            continue
        w = word.group().strip(".")
        a, b = (whole[0], word.end()) if whole[1] < 0 else (word.start(), whole[1])
        if text[a:b].casefold() in surnames:
            return True
        listed = names.get(w.casefold(), "")[:1] in ("g", "s", "x")
        if listed and w[:1].isupper() and not w.replace(".", "").isupper() and gazetteer.lookup(w) is None:
            return True
    return False


_PARTICLE_SURNAME = re.compile(
    r"[ \t]+(?:(?:al|el|ad|ash|as|at|az|an|ar)-|(?:ibn|bin|bint|abu|ould)[ \t]+)"
    r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*(?![\w-])"
)


def particle_surname(text: str, c: Candidate) -> Candidate:
    """A person's name goes on over a lower-case Arabic particle the tokenizer does not keep
    ("Abdul Malik al-Houthi", "Abdel Fattah el-Sisi", "Ali ibn Hussein")."""
    m = _PARTICLE_SURNAME.match(text, c.end)
    if m is None:
        return c
    end = m.end()
    words = tuple(text[c.start : end].split()) if c.person is None else (*c.person.words, *m.group().split())
    person = dataclasses.replace(c.person, end=end, words=words) if c.person is not None else None
    return dataclasses.replace(c, end=end, name=" ".join(text[c.start : end].split()), person=person)


_PLACE_PREPOSITION = re.compile(r"\b(?:of|in|from|near|outside|at)\s+$")
_PLACE_LIST_END = re.compile(r"[,.;:)]|\s+(?:and|or)\b|\s*$")


def town_before_state(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A classifier's person or organisation written "of Corryton, Tennessee" (a preposition before
    it, a gazetteer place and the end of the phrase after the comma) is a place."""
    after_comma = {c.start: c for c in cands if c.gaz is not None and c.type == "place"}
    out = []
    for c in cands:
        state = after_comma.get(c.end + 2) if text[c.end : c.end + 2] == ", " else None
        if (
            state is not None
            and c.strength == LEARNED
            and c.type != "place"
            and _PLACE_PREPOSITION.search(text, max(0, c.start - 10), c.start)
            and _PLACE_LIST_END.match(text, state.end)
        ):
            c = dataclasses.replace(c, type="place", person=None)
        out.append(c)
    return out


_SENTENCE_BREAK = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[A-Z])")


def weapon_in_sentence(text: str, start: int, end: int, name: str) -> Candidate:
    """A weapon designation cut at a sentence end inside it ("USS Kidd. Rahimi repaired ..." is
    "USS Kidd"; "Mk. 48" and "Mk. II" stay whole)."""
    m = _SENTENCE_BREAK.search(text, start, end)
    if m is not None:
        end = m.start()
        name = " ".join(text[start:end].split())
    return Candidate(start, end, "weapon_system", WEAPON, name)


def outside_ranks(text: str, cands: list[Candidate], rank_mask: bytearray) -> list[Candidate]:
    """No entity holds a rank's words ("Cmdr" of "Lt. Cmdr.", "Petty Officer", "Lance" of "Lance
    Cpl."): a span reaching into a rank is cut before it when it starts before it and is no person
    or gazetteer name ("Marine Corps Cpl." → "Marine Corps"), else dropped. A weapon keeps its words: a
    ship or class named after an officer is the ship ("the frigate "Admiral Gorshkov"", "Admiral
    Grigorovich-class frigates"; :func:`~workbook.extract.weapons.find_weapons` decides)."""
    out = []
    for c in cands:
        at = rank_mask.find(1, c.start, c.end) if c.strength != WEAPON else -1
        if at < 0:
            out.append(c)
            continue
        head = text[c.start : at].rstrip()
        if c.person is None and c.gaz is None and at > c.start and head[-1:].isalnum():
            out.append(dataclasses.replace(c, end=c.start + len(head), name=" ".join(head.split())))
    return out
