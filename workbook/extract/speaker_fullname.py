"""The fullest name a document writes for a person who speaks: what the speaker column shows.

The entity stage may name a person by part of the name the document writes: "Nakatani" for
"Defense Minister Gen Nakatani" (a given name that is also a rank's abbreviation, read as a title),
"KK" for "Delhi police chief KK Paul" (initials, the surname left out). A claim whose speaker is that
person shows the fullest name written for the person in the document (:func:`document_full_names`),
the words as written staying in ``speaker_as_written``; the build keeps it over a shorter corpus name
of the same entity (:func:`fuller_name`, read by ``workbook.assemble``).

Written names are read next to the entity's own mentions only (no search of the text), so the cost is
linear in the mentions.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from workbook.extract.base import ClaimRecord, EntityRecord, MentionRecord
from workbook.extract.speaker_words import SPEAKER_ABBREVIATIONS, SPEAKER_WORD, gender_of_name, is_role_noun, is_title
from workbook.extract.vocabulary import NEVER_NAME_START, ORG_HEADS

__all__ = ["document_full_names", "fuller_name", "with_full_names"]

#: Initials standing for given names: "KK", "JP", "R.K.".
_INITIALS = re.compile(r"[A-Z]{1,3}|(?:[A-Z]\.){1,3}")
_WORD_BEFORE = re.compile(r"(?:^|\s)(\S+)[ \t]+(\S+)[ \t]+$")
#: Words that make a compound rank with an abbreviation after them ("Lt. Gen", "Major Gen", "Rear Adm"):
#: there the abbreviation is the rank, not a given name.
_RANK_PREFIXES = frozenset({"lieutenant", "lt", "major", "maj", "brigadier", "brig", "vice", "rear", "sub", "lance"})
_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z][\w'’-]*)(?=[\s,;:.!?)]|$)")


def _name_words(name: str) -> list[str]:
    return [w.casefold() for w in SPEAKER_WORD.findall(name)]


def fuller_name(name: str | None, written: str | None) -> str | None:
    """``written`` when it names the same person more fully than ``name`` (every word of ``name`` and
    more: "Gen Nakatani" for "Nakatani", "KK Paul" for "KK"), else ``name``."""
    if not written or not name:
        return name or written
    have, more = _name_words(name), _name_words(written)
    return written if len(more) > len(have) and set(have) <= set(more) else name


def _given_before(text: str, start: int) -> str | None:
    """The word right before a mention at ``start`` when it is part of the person's name: a known
    given name ("Jay" before "Tarriela"), or a rank's abbreviation written without a period right
    after a title or role noun, where no second rank can stand ("Defense Minister Gen Nakatani")."""
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)
    if before is None:
        return None
    prev, word = before.group(1), before.group(2)
    if not word[:1].isupper() or not word.isalpha():
        return None
    low = word.casefold()
    if gender_of_name(word) is not None and not is_title(low) and low not in NEVER_NAME_START:
        return word
    prev_low = prev.casefold().rstrip(",.").removesuffix("'s").removesuffix("’s")
    civil = (is_title(prev_low) or is_role_noun(prev_low)) and prev_low not in _RANK_PREFIXES
    if low in SPEAKER_ABBREVIATIONS and civil and prev_low not in SPEAKER_ABBREVIATIONS:
        return word
    return None


def _surname_after(text: str, end: int, others: set[int]) -> str | None:
    """The capitalised word right after a mention that is initials or a given name alone ("KK" in
    "KK Paul named …"), when it is no title, organisation head, calendar word or other entity."""
    after = _WORD_AFTER.match(text, end)
    if after is None or after.start(1) in others:
        return None
    word = after.group(1)
    low = word.casefold()
    if is_title(low) or low in ORG_HEADS or low in NEVER_NAME_START:
        return None
    return word


def _written_name(text: str, m: MentionRecord, others: set[int]) -> str:
    """The person's name written at the mention ``m``, titles dropped, with the parts the entity
    stage left out next to it (:func:`_given_before`, :func:`_surname_after`)."""
    words = SPEAKER_WORD.findall(text, m.start, m.end)
    k = 0
    while k < len(words) - 1 and (is_title(words[k].casefold().rstrip(".")) or words[k].casefold() == "the"):
        k += 1
    name = words[k:]
    if k == 0:
        given = _given_before(text, m.start)
        if given is not None:
            name = [given, *name]
    if len(name) == 1 and (_INITIALS.fullmatch(name[0]) or gender_of_name(name[0]) is not None):
        surname = _surname_after(text, m.end, others)
        if surname is not None:
            name = [*name, surname]
    return " ".join(name)


def document_full_names(
    text: str, entities: Sequence[EntityRecord], mentions: Sequence[MentionRecord]
) -> dict[str, str]:
    """For each person entity of a document, the fullest name written at one of its mentions when it
    is fuller than the entity's name (:func:`fuller_name`); the first such name of most words wins."""
    persons = {e.key: e.name for e in entities if e.type == "person"}
    others = {m.start for m in mentions if m.entity_key not in persons}
    best: dict[str, str] = {}
    for m in mentions:
        name = persons.get(m.entity_key)
        if name is None:
            continue
        written = _written_name(text, m, others)
        current = best.get(m.entity_key, name)
        if fuller_name(current, written) == written and written != current:
            best[m.entity_key] = written
    return best


def with_full_names(
    claims: list[ClaimRecord], text: str, entities: Sequence[EntityRecord], mentions: Sequence[MentionRecord]
) -> list[ClaimRecord]:
    """``claims`` with the speaker text of each claim spoken by a person the document names more
    fully than its entity's name replaced by that fuller name (:func:`document_full_names`)."""
    if not any(c.speaker_key for c in claims):
        return claims
    full = document_full_names(text, entities, mentions)
    if not full:
        return claims
    out = []
    for c in claims:
        better = full.get(c.speaker_key) if c.speaker_key else None
        if better is not None and fuller_name(c.speaker_text, better) == better:
            c = dataclasses.replace(c, speaker_text=better)
        out.append(c)
    return out
