"""Speakers that are several people or a body named another way: a family or a couple, a sports club, a
research team.

Pure functions over a document's text, read by :class:`~workbook.extract.speakers.SpeakerResolver` and
:class:`~workbook.extract.speaker_memory.SpeakerMemory`:

* :func:`group_of_people`: "The family of a cyclist who died on the A39", "The couple", "Her parents" speak
  as a group no one entity is: the claim is kept with no speaker shown, never given to a person or a place
  named inside the phrase (the cyclist who died, the road).
* :func:`club_name`: a speaker's name that ends in a sports club's word ("Kestrel Park Rangers", "Harlow
  United"), an organisation for "the club said" even when the entity stage did not find it.
* :func:`research_body`: the institution whose researchers a study is by ("Researchers at the University
  of Tromsø have found …" then "The study … found that"), when the study is named for the first time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence

from workbook.extract.base import MentionRecord
from workbook.extract.org_names import CLUB_SUFFIXES
from workbook.extract.speaker_words import BODY_HEAD_NAMES

__all__ = [
    "GROUP_NOUNS",
    "RESEARCH_DOCUMENTS",
    "club_name",
    "club_subject",
    "group_of_people",
    "group_speaker",
    "names_body",
    "research_body",
    "widest_body",
]

#: Nouns of several people who speak together and are no one entity: "the family said", "the couple announced".
GROUP_NOUNS = frozenset(
    {"family", "families", "couple", "parents", "relatives", "siblings", "grandparents", "neighbours", "neighbors"}
)
#: Where a group noun's own words end: a postmodifier ("of a cyclist who died", "who won the lottery", ", both 58").
_GROUP_TAIL = re.compile(r"\s+(?:of|who|whose|from|in|at)\s|,")
#: The words before a group noun: a determiner or possessive, a name in the possessive, a few modifiers.
_GROUP_LEAD = re.compile(r"(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y|[Aa])\s+|[A-Z][\w'’-]*(?:'s|’s)\s+)")
#: Researchers of an institution: "Researchers at the University of X", "a team from X", "scientists with X".
_RESEARCHERS_OF = re.compile(
    r"\b(?:[Rr]esearchers|[Ss]cientists|[Aa]cademics|(?:[Aa]|[Tt]he)\s+(?:research\s+)?team)\s+(?:at|from|of|with)\s+"
    r"(?:the\s+)?"
)
#: The documents researchers publish, which speak for their institution.
RESEARCH_DOCUMENTS = frozenset({"study", "survey", "report"})
#: How far before a study its researchers are looked for.
_RESEARCH_WINDOW = 1500


def group_of_people(phrase: str) -> bool:
    """Is the speaker phrase a group of people, no one entity ("The family", "The couple", "his family",
    "The parents of a boy who drowned at Filey", "the Hoskins family")? Its head noun (before "of", "who" or
    a comma) is a :data:`GROUP_NOUNS` written in lower case after at most three other words; "Friends of
    the Earth", a name, is capitalised."""
    head = phrase[: m.start()] if (m := _GROUP_TAIL.search(phrase)) is not None else phrase
    words = head.split()
    if not words or len(words) > 4 or words[-1] not in GROUP_NOUNS:
        return False
    return len(words) == 1 or _GROUP_LEAD.match(head) is not None or words[0][:1].isupper()


def names_body(head: str, name: str) -> bool:
    """Does the organisation's ``name`` fit "the <head>" ("the museum": "Horniman Museum"; "the force": a
    police force, :data:`~workbook.extract.speaker_words.BODY_HEAD_NAMES`; "the club" / "the team": a name
    holding the word or a club's name, :func:`club_name`: "Kestrel Park Rangers", not "United Nations")?"""
    words = set(name.casefold().split())
    if head in ("club", "team"):
        return head in words or club_name(name)
    return bool(BODY_HEAD_NAMES.get(head, frozenset({head})) & words)


def widest_body(keys: Sequence[str], names: Mapping[str, str]) -> str | None:
    """Of the organisations "the <head>" may stand for, the one whose name holds every other's words ("the
    court" after the headline's "Court" and "The Rotterdam District Court": the latter); a single one as
    it is; None when two differ ("the court" after the High Court and the Court of Appeal)."""
    if not keys:
        return None
    widest = max(keys, key=lambda k: len(names[k]))
    words = set(names[widest].casefold().split())
    return widest if all(set(names[k].casefold().split()) <= words for k in keys) else None


#: A sentence opening with a group noun and its postmodifier ("The family of a cyclist who died after a crash
#: with a lorry on the A39 near", "Relatives of"), with no comma, colon or quote mark up to the speaker phrase.
_GROUP_OPENING = re.compile(
    r"(?:(?:The|His|Her|Their)\s+(?:[a-z][\w'’-]*\s+){0,2}|(?:[A-Z][\w'’-]*(?:'s|’s)\s+))?(?P<noun>[Ff]amil(?:y|ies)"
    r"|[Cc]ouple|[Pp]arents|[Rr]elatives|[Ss]iblings|[Gg]randparents|[Nn]eighbou?rs)\s+(?:of|who|whose)\s[^,;:\"“”.!?]*$"
)
#: How far back the opening of a group's sentence is looked for.
_GROUP_REACH = 250


def group_speaker(text: str, s: int, phrase: str) -> bool:
    """Is the speaker phrase at ``s`` a group of people (:func:`group_of_people`), or words inside the
    postmodifier of a group opening its sentence ("… on the A39 near Bridgwater" of "The family of a cyclist
    who died … on the A39 near Bridgwater have described him as")? The speaker is then nobody one named."""
    if group_of_people(phrase):
        return True
    lo = max(0, s - _GROUP_REACH)
    stop = max(text.rfind(". ", lo, s), text.rfind("\n", lo, s))
    start = stop + 1 if stop >= 0 else lo
    while start < s and text[start].isspace():
        start += 1
    if stop < 0 and lo > 0:
        return False
    return _GROUP_OPENING.match(text[start:s]) is not None


#: A club's name opening a sentence, its subject: "Hartvik United have dismissed …", "Kestrel Park Rangers have
#: confirmed …" (one to three capitalised words, then a word that closes a club's name).
_CLUB_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>(?:[A-Z][\w'’.-]*[ \t]+){1,3}(?:"
    + "|".join(sorted(w for w in CLUB_SUFFIXES if w != "Town"))
    + r"))(?=\s+[a-z])",
    re.MULTILINE,
)
#: How far before "the club" its subject is looked for.
_CLUB_REACH = 3000


def club_subject(text: str, at: int) -> str | None:
    """The club whose name last opened a sentence within :data:`_CLUB_REACH` characters before ``at``: "the
    club" of a report that began "Hartvik United have dismissed their manager after a defeat to Brenner
    Athletic" is Hartvik United, the subject, not the club it lost to."""
    found = list(_CLUB_SUBJECT.finditer(text, max(0, at - _CLUB_REACH), at))
    return " ".join(found[-1].group("name").split()) if found else None


def club_name(shown: str | None) -> bool:
    """Is ``shown`` a sports club's name of two words or more, ending in a club's word ("Harlow Rangers",
    "Ajax FC")?"""
    words = (shown or "").split()
    return len(words) >= 2 and words[-1] in CLUB_SUFFIXES and words[-1] != "Town"


def research_body(
    text: str,
    mentions: Sequence[MentionRecord],
    mention_starts: Sequence[int],
    types: Mapping[str, str],
    noun: str,
    at: int,
) -> str | None:
    """The entity key of the organisation whose researchers were last written of within
    :data:`_RESEARCH_WINDOW` characters before ``at`` ("Researchers at the University of Tromsø have found …"),
    for a study, survey or report named at ``at`` for the first time; None when none is."""
    if noun not in RESEARCH_DOCUMENTS:
        return None
    found = list(_RESEARCHERS_OF.finditer(text, max(0, at - _RESEARCH_WINDOW), at))
    if not found:
        return None
    i = bisect.bisect_left(mention_starts, found[-1].end())
    if i < len(mentions) and mentions[i].start == found[-1].end():
        key = mentions[i].entity_key
        if types.get(key) in ("organization", "facility"):
            return key
    return None
