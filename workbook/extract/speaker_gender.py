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
:func:`marked_genders` reads the marks beside a mention first: an honorific ("Mr.", "Ms.") or a
gendered role before it ("A spokeswoman for the department, Caroline Leclerc").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from workbook.extract.base import MentionRecord
from workbook.extract.speaker_words import FEMALE_MARKS, MALE_MARKS, ROLE_GENDER, gender_of_name

__all__ = ["MIN_VOTES", "marked_genders", "pronoun_genders"]

#: Pronouns that must agree (and none disagree) before they settle a person's gender.
MIN_VOTES = 2
_PRONOUN = re.compile(r"\b(?:(?P<m>[Hh]e|[Hh]im|[Hh]is|[Hh]imself)|(?P<f>[Ss]he|[Hh]er|[Hh]ers|[Hh]erself))\b")
#: The most characters a role of :data:`ROLE_GENDER` has before its "man" ("congresswo").
_ROLE_LEAD = len("congresswo")
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


def _role_before(text: str, lowered: str | None, at: int) -> re.Match[str] | None:
    """:data:`ROLE_GENDER` in the 80 characters before ``at``; ``lowered`` is ``text.lower()`` (same
    length) or None."""
    lo = max(0, at - 80)
    if lowered is not None:
        first = lowered.find("man", lo, at)
        if first < 0 or text.rfind(",", first + 3, at) < 0:
            return None  # a role ends in "man", and a comma follows it before ``at``
        lo = max(lo, first - _ROLE_LEAD)  # no match opens before the first "man"'s role could
    return ROLE_GENDER.search(text, lo, at)


def marked_genders(
    text: str,
    mentions: Sequence[MentionRecord],
    types: Mapping[str, str],
    names: Mapping[str, str],
    named: Mapping[str, str | None],
) -> dict[str, str | None]:
    """The gender the marks beside each mention (sorted) give: an honorific before or opening a person's
    mention ("Mr.", "Ms."), unless the given name says otherwise, else a gendered role before it; the role
    also for a mention not typed a person ("A spokeswoman …, Caroline Leclerc" read as a place). ``named``:
    the genders the given names gave, which a later mark without a role does not undo."""
    gender: dict[str, str | None] = dict(named)
    lowered = text.lower()
    # every role of ROLE_GENDER ends in "man" (in any case: only M/m, A/a, N/n match it), so a window
    # without it is not searched; lower() keeps the offsets unless it lengthened a character
    role_cue = lowered if len(lowered) == len(text) else None
    for m in mentions:  # an honorific before a mention settles the gender
        if types.get(m.entity_key) != "person":
            role = _role_before(text, role_cue, m.start)
            if role is not None:  # "A spokeswoman for the department, Caroline Leclerc": a woman
                gender[m.entity_key] = "f" if role.group("role").casefold().endswith("woman") else "m"
            continue
        before = text[max(0, m.start - 20) : m.start].split()
        surface = text[m.start : m.end].split()
        # a judge's honorific stands before the judicial title: "Mr Justice Colton", "Lady Justice Hale"
        lead = before[-2:] if before[-1:] and before[-1].casefold() == "justice" else before[-1:]
        marks = [w.casefold().rstrip(".") for w in (lead + surface[:1])]
        # a given name settles it: "Mr. Marbles" (her dog, her father) is not "Jenna Marbles" retitled
        given = gender_of_name(names.get(m.entity_key, ""))
        if any(w in MALE_MARKS for w in marks) and given in (None, "m"):
            gender[m.entity_key] = "m"
        elif any(w in FEMALE_MARKS for w in marks) and given in (None, "f"):
            gender[m.entity_key] = "f"
        elif gender.get(m.entity_key) is None:
            role = _role_before(text, role_cue, m.start)
            if role is not None:
                gender[m.entity_key] = "f" if role.group("role").casefold().endswith("woman") else "m"
    return gender
