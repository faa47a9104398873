"""The gender a document gives a person through the pronouns that follow its mentions.

A person's gender decides whom "he" or "she" can be (:meth:`workbook.extract.speaker_memory.
SpeakerMemory.pronoun`). A known given name settles it; otherwise an honorific next to a mention
did ("Mr.", "Ms."), which a namesake can mislead: "Mr. Marbles", a woman's dog, made the
woman male, and "she stated" then went to someone else. The document itself says more: a person
opening a sentence is referred to by the next personal pronoun ("Marbles was born in Rochester,
where she graduated …"; "Okafor chairs the board. He …"). :func:`pronoun_genders` counts, for each
person, the first "he/him/his" or "she/her/hers" after each mention that opens its sentence — in
the rest of that sentence or as the first word of the next, with no other person named between —
and gives the gender when at least :data:`MIN_VOTES` such pronouns agree and none disagrees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from workbook.extract.base import MentionRecord

__all__ = ["MIN_VOTES", "pronoun_genders"]

#: Pronouns that must agree (and none disagree) before they settle a person's gender.
MIN_VOTES = 2
_PRONOUN = re.compile(r"\b(?:(?P<m>[Hh]e|[Hh]im|[Hh]is|[Hh]imself)|(?P<f>[Ss]he|[Hh]er|[Hh]ers|[Hh]erself))\b")
#: How far after a mention its pronoun is looked for (linear time).
_REACH = 250


def pronoun_genders(
    text: str,
    mentions: Sequence[MentionRecord],
    is_person: Callable[[str], bool],
    opens_sentence: Callable[[MentionRecord], bool],
    sentence_end: Callable[[int], int],
) -> dict[str, str]:
    """Entity key → "m" or "f" for the persons of ``mentions`` (sorted by start) whose pronouns
    agree (see the module docstring). ``sentence_end(offset)`` is the end of the sentence holding
    ``offset``."""
    votes: dict[str, list[int]] = {}
    persons = [m for m in mentions if is_person(m.entity_key)]
    for i, m in enumerate(persons):
        if not opens_sentence(m):
            continue
        limit = min(persons[i + 1].start if i + 1 < len(persons) else len(text), m.end + _REACH)
        p = _PRONOUN.search(text, m.end, limit)
        if p is None:
            continue
        end = sentence_end(m.start)
        if p.start() >= end and text[end : p.start()].strip(" \t\n\"”’'"):
            continue  # past its sentence, and not the next sentence's first word
        counts = votes.setdefault(m.entity_key, [0, 0])
        counts[0 if p.group("m") else 1] += 1
    out: dict[str, str] = {}
    for key, (male, female) in votes.items():
        if male >= MIN_VOTES and not female:
            out[key] = "m"
        elif female >= MIN_VOTES and not male:
            out[key] = "f"
    return out
