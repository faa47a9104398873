"""A speaker the entity stage did not read as a person, whom "he" and "she" may still mean.

"Lithuania's defence minister, Aiste Vilkaite, said …" then '"We do not have our own fighters," she told
reporters': the entity stage may type an unfamiliar name a place, or not find it at all, and then "she" finds
nobody, or an older speaker ("Defence Secretary Harriet Quayle said: … Caldmore's chief executive, Tobias
Nwachukwu-Hale, said … he said" is not Quayle). A name set off by commas after a person's role ("defence
minister, X,"; "chief executive, X,") is a person's, whatever the entity stage made of it:
:func:`role_named_between` finds the last such name before a pronoun, for the speaker memory. The name must
look like a person's — two or three capitalised words, none a body's word ("Council") nor a firm's ending
("The carrier, Pacific Airways,") — and its given name, when known, must fit the pronoun.
"""

from __future__ import annotations

import re

from workbook.extract.speaker_kinds import is_company_name
from workbook.extract.speaker_words import ORG_ANAPHORS, gender_of_name, is_role_before_name

__all__ = ["role_named_between"]

#: A person's name as written: two or three capitalised words (hyphens and apostrophes inside them).
_PERSON_SHAPE = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*(?:\s+[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*){1,2}")


#: A name set off after a role: "defence minister, Aiste Vilkaite," / "chief executive, Tobias Nwachukwu-Hale,".
_ROLE_THEN_NAME = re.compile(
    r"(?<![\w'’-])(?P<words>(?:[a-z][\w-]*\s+)?[a-z][\w-]*),\s+(?P<name>" + _PERSON_SHAPE.pattern + r"),"
)


def role_named_between(text: str, lo: int, hi: int, want: str | None = None) -> tuple[str, int] | None:
    """The last name ``text[lo:hi]`` sets off after a person's role ("Lithuania's defence minister, Aiste
    Vilkaite, said"), with where it starts: a person "he" or "she" may mean though the entity stage typed the
    name a place or missed it; with ``want`` ("m"/"f"), not a name whose given name is of the other gender.
    Reads only at commas."""
    if text.find(",", lo, hi) < 0:
        return None
    last: tuple[str, int] | None = None
    for m in _ROLE_THEN_NAME.finditer(text, lo, hi):
        name = m.group("name")
        if any(w.casefold() in ORG_ANAPHORS for w in name.split()) or is_company_name(name):
            continue  # "The carrier, Pacific Airways,": a firm
        if want is not None and gender_of_name(name) not in (None, want):
            continue
        if any(is_role_before_name(w) for w in m.group("words").split()[-2:]):
            last = (name, m.start("name"))
    return last
