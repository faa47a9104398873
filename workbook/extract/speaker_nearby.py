"""Speakers read from the words beside a speaker phrase or a pronoun (round four of issue 12).

* :func:`person_beside`: in a speaker phrase whose chosen mention is a place or an organisation,
  the person that phrase is about: "Owen Price of the University of Eastham" (the person, then
  of/at/from and the organisation), "Halifax resident Dana Boyd" (the place, lower-case role words,
  then the person).
* :func:`organisation_spokesperson`: "a Ministry of Defence spokesperson" speaks for the ministry.
* :func:`written_name_before`: a person's name the entity rules missed, written shortly before a
  "he"/"she" ("Councillor Maria Okafor … she told"), when the given name's gender fits.
* :func:`titled_person`: the person written right after a title ("the General Secretary" →
  "General Secretary Kim Jong Un").
* :func:`document_subject`: "In a statement read out at the meeting, the chairman, Walter Ngata,
  said": the person whose statement it is (the subject after the opening phrase).
* :func:`self_referring_subject`: "Corvin Telecom said it accepted the fine": a name that reports of
  itself as "it" is an organisation's, whatever the entity stage made of it (for "the company said").
* :func:`delegation_leader`: "the head of the delegation" is the person a delegation was "led by"
  before ("a delegation of the Rowing Federation led by Tom Hale").

Pure functions over the document's text and mentions; each looks at one phrase or at most
:data:`NAME_WINDOW` characters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence

from workbook.extract.base import MentionRecord
from workbook.extract.speaker_role_names import role_named_between
from workbook.extract.speaker_spokes import other_spokesperson
from workbook.extract.speaker_titles import only_titles
from workbook.extract.speaker_words import ORG_ANAPHORS, ROLE_TITLES, gender_of_name, is_title
from workbook.extract.vocabulary import NEVER_NAME_START, ORG_HEADS

__all__ = [
    "DELEGATION_HEAD",
    "NAME_WINDOW",
    "SPOKESPERSONS",
    "body_before_appositive",
    "delegation_leader",
    "document_opening_subject",
    "document_subject",
    "named_group",
    "opening_body_name",
    "organisation_spokesperson",
    "person_beside",
    "self_referring_subject",
    "title_words",
    "titled_name_written",
    "titled_person",
    "written_name_before",
]

#: How far before a pronoun a written name is looked for.
NAME_WINDOW = 600
#: Role words that speak for the organisation written right before them.
SPOKESPERSONS = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})
#: Between a person and the organisation it qualifies: "X of the", "X at", and the head of a name the
#: entity stage cut ("Raj Mehta of the Institute of Zoology": "Zoology" found, "Institute of" left).
_OF_ORG = re.compile(
    r",?\s+(?:of|at|from|with)\s+(?:the\s+)?(?:(?:[A-Z][\w'’&.-]*\s+){1,3}(?:of|for|on)\s+(?:the\s+)?)?"
)
_ROLE_WORDS = re.compile(r"(?:-based|['’]s)?(?:\s+[a-z][\w'’-]*){1,3},?\s+")
#: A person's name as written ("Maria Okafor"): a capitalised word and one or two more; looked for
#: at every word (zero-width, so "Councillor Maria Okafor" also yields "Maria Okafor").
_WRITTEN_NAME = re.compile(r"(?=\b([A-Z][a-z]+)((?:\s+[A-Z][\w'’-]+){1,2}))")


#: "the head of the delegation", "the delegation leader", "the leader of the visiting delegation".
DELEGATION_HEAD = re.compile(
    r"(?:the|its)\s+(?:(?:head|leader|chief)\s+of\s+the\s+(?:[a-z-]+\s+)?delegation|delegation\s+(?:head|leader|chief))",
    re.IGNORECASE,
)
_LED_BY = re.compile(r"\bdelegation\b[^.;!?]{0,160}?\b(?:led|headed)\s+by\s+", re.IGNORECASE)


def delegation_leader(
    text: str, mentions: Sequence[MentionRecord], mention_starts: Sequence[int], types: Mapping[str, str], at: int
) -> MentionRecord | None:
    """The person mention right after the last "delegation … led by" (or "headed by") within 3,000
    characters before ``at``, or None: the speaker of "the head of the delegation said"."""
    found = list(_LED_BY.finditer(text, max(0, at - 3000), at))
    if not found:
        return None
    last = found[-1]
    i = bisect.bisect_left(mention_starts, last.end())
    while i < len(mentions) and mentions[i].start < last.end() + 40:  # a title may come first: "led by Minister X"
        m = mentions[i]
        if types.get(m.entity_key) == "person" and only_titles(text, last.end(), m.start):
            return m
        i += 1
    return None


#: A sentence opening with the document it reports from: "In a statement read out at a news conference, …".
_IN_A_DOCUMENT = re.compile(r"[\s\"“]*(?:In|in)\s+(?:a|an|its|his|her|their|the|a\s+joint)\s+(?:[\w-]+\s+)?\w")
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def document_subject(text: str, found: Sequence[MentionRecord], sent_start: int, pos: int) -> MentionRecord | None:
    """In a sentence opening "In a statement …," (the document's noun at ``pos``), the person or
    organisation of ``found`` (the sentence's mentions) that is the subject after the opening phrase:
    the first mention after the phrase's comma, with at most six words, no pronoun and no past verb
    before it ("the district commander, Captain Lena Okoro"; not "they extended their thanks to X")."""
    if not _IN_A_DOCUMENT.match(text, sent_start, pos + 1):
        return None
    after = next((m for m in found if m.start > pos), None)
    comma = text.find(",", pos, after.start) if after is not None else -1
    if after is None or comma < 0:
        return None
    gap = text[comma + 1 : after.start].replace(",", " ").split()
    if len(gap) > 6 or any(w.casefold() in _SUBJECT_PRONOUNS or w.casefold().endswith("ed") for w in gap):
        return None
    return after


#: After an opening "In a statement …," phrase: a body's anaphor as the subject, then a verb ("the company
#: blamed", "the ministry also said").
_ANAPHOR_SUBJECT = re.compile(
    r",\s*(?P<subject>(?:the|its)\s+(?:[a-z]+\s+)?(?P<head>[a-z]+))\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b"
)


def document_opening_subject(text: str, sent_start: int, pos: int, sent_end: int) -> tuple[int, int] | None:
    """In a sentence opening "In a press release …," (the document's noun at ``pos``), the span of its
    subject when that is a body's anaphor ("the company", "the ministry"; :data:`ORG_ANAPHORS`), for the
    caller to resolve; else None."""
    if not _IN_A_DOCUMENT.match(text, sent_start, pos + 1):
        return None
    comma = text.find(",", pos, sent_end)
    subject = _ANAPHOR_SUBJECT.match(text, comma, sent_end) if comma >= 0 else None
    if subject is None or subject.group("head") not in ORG_ANAPHORS:
        return None
    return subject.span("subject")


def person_beside(
    text: str,
    types: Mapping[str, str],
    found: Sequence[MentionRecord],
    hit: MentionRecord,
    only_titles: Callable[[int, int], bool],
) -> MentionRecord | None:
    """The person mention of ``found`` that the place or organisation mention ``hit`` qualifies, or
    None (``only_titles(s, e)``: the words are titles only, "Secretary" read as a person)."""
    for m in found:
        if types.get(m.entity_key) != "person" or m is hit or only_titles(m.start, m.end):
            continue
        if m.end <= hit.start and _OF_ORG.fullmatch(text, m.end, hit.start):
            return m
        if m.start >= hit.end and _ROLE_WORDS.fullmatch(text, hit.end, m.start):
            return m
        role = _ROLE_WORDS.match(text, hit.end, m.start)  # "PCG spokesperson Commodore Ramon Dizon": a title too
        if m.start >= hit.end and role is not None and only_titles(role.end(), m.start):
            return m
    return None


def organisation_spokesperson(
    text: str, types: Mapping[str, str], found: Sequence[MentionRecord], e: int
) -> MentionRecord | None:
    """The organisation (or country) mention that a phrase ending at ``e`` in a spokesperson word
    speaks for: the last mention, followed by that word only."""
    if not found:
        return None
    last = found[-1]
    rest = text[last.end : e].split()
    if types.get(last.entity_key) in ("organization", "country") and len(rest) == 1 and rest[0] in SPOKESPERSONS:
        return last
    return None


def written_name_before(text: str, want: str, offset: int) -> tuple[str, int] | None:
    """The last name written in the :data:`NAME_WINDOW` characters before ``offset`` whose first word
    is a given name of gender ``want`` ("m"/"f"), or that is set off after a person's role (a given name of
    unknown gender: :func:`~workbook.extract.speaker_role_names.role_named_between`), with where it starts."""
    last: tuple[str, int] | None = None
    for m in _WRITTEN_NAME.finditer(text, max(0, offset - NAME_WINDOW), offset):
        if gender_of_name(m.group(1)) == want:
            last = (m.group(1) + m.group(2), m.start())
    role = role_named_between(text, max(0, offset - NAME_WINDOW), offset, want)  # "minister, Aiste Vilkaite,"
    return role if role is not None and (last is None or role[1] > last[1]) else last


def title_words(title: list[str]) -> str:
    """A pattern of the title ``title`` (lower-case words) as written before a name, or of the titles a
    role noun stands for (:data:`ROLE_TITLES`: "the judge" is "Justice" or "Recorder" too)."""
    forms = ROLE_TITLES.get(" ".join(title), (" ".join(title),))
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in form.split()) for form in forms) + ")"


def titled_person(
    text: str,
    mentions: Sequence[MentionRecord],
    mention_starts: Sequence[int],
    types: Mapping[str, str],
    title: list[str],
    at: int,
    *,
    forward: bool = False,
    title_tail: bool = False,
) -> str | None:
    """The person last written right after the title ``title`` (lower-case words) within 3,000
    characters before ``at`` ("the General Secretary" → "General Secretary Kim Jong Un"), or with
    ``forward`` the first one within 600 characters after it; a person with the title in apposition
    counts too ("Jo Chun Ryong, secretary of the Central Committee, …" for "the secretary"). With
    ``title_tail``, one more title word may follow the title ("The company's chief executive, Ingrid
    Sola" for "the company's chief"; not for a body's name: "the army" is no "Army spokesman")."""
    words = title_words(title)
    # the title, then at most two capitalised words the entity stage left out of the mention
    # ("Defense Minister Gen Nakatani" for "the minister": the mention is "Nakatani"), or a comma before the
    # name in apposition ("The transport minister, Helen Okonjo, told"); one more title word may follow the
    # title ("The company's chief executive, Ingrid Sola" for "the company's chief")
    pattern = re.compile(r"\b(?i:" + words + r")(?:\s+(?P<more>[a-z]+))?,?\s+(?:[A-Z][\w'’-]*\s+){0,2}")
    appositive = re.compile(r",\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}?" + words + r"\b", re.IGNORECASE)
    lo = max(0, at - 3000)
    i = bisect.bisect_left(mention_starts, at) - 1
    order = range(i + 1, min(len(mentions), i + 31)) if forward else range(i, max(-1, i - 60), -1)
    for j in order:
        m = mentions[j]
        if m.start < lo or (forward and m.start - at > 600):
            break
        if types.get(m.entity_key) != "person" or only_titles(text, m.start, m.end):
            continue
        before = pattern.search(text, max(lo, m.start - 40), m.start)
        inside = pattern.match(text, m.start, m.end)  # "Superintendent Claire Odum" read whole as the name
        if before is not None and before.group("more") and not (title_tail and is_title(before.group("more"))):
            before = None  # "the minister said Ingrid Sola …": no title
        if before is not None and len(title) == 1 and other_spokesperson(text, title[0], before.start(), lo, at):
            continue  # "The spokesman said" after "A spokesman for X said": that one, not "defence spokesman Y"
        if (before is not None and before.end() == m.start) or inside or appositive.match(text, m.end):
            return m.entity_key
    return None


def titled_name_written(text: str, title: list[str], at: int) -> str | None:
    """The name last written right after the title ``title`` (lower-case words) within 3,000
    characters before ``at``, when the entity rules gave no person there ("Commissioner Helen Marsh
    opened …" then "the commissioner said"): two or three capitalised words, none a title, not a qualified
    spokesperson's after a nameless one (as in :func:`titled_person`)."""
    words = title_words(title)
    pattern = re.compile(r"\b(?i:" + words + r")\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\b")
    last = None
    for m in pattern.finditer(text, max(0, at - 3000), at):
        name = m.group(1).split()
        if name[0].casefold() in NEVER_NAME_START or any(is_title(w.casefold().rstrip(".")) for w in name):
            continue
        if len(title) == 1 and other_spokesperson(text, title[0], m.start(), max(0, at - 3000), at):
            continue
        last = " ".join(name)
    return last


#: A capitalised name opening a sentence, reporting of itself as "it": "Corvin Telecom said it accepted the
#: fine", "Kaltris Semiconductor said on Tuesday it would build …", "Northgate Foods announced that its profit …".
_SELF_REFERRING = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>(?:[A-Z][\w&'’.-]*[ \t]+){0,3}[A-Z][\w&'’-]+)\s+(?:also\s+)?"
    r"(?:said|says|announced|confirmed|reported|stated|added)(?:\s+on\s+[A-Z]\w+)?(?:\s+that)?\s+(?:it|its)\s",
    re.MULTILINE,
)


def self_referring_subject(text: str, lo: int, at: int) -> tuple[str, int] | None:
    """The last name opening a sentence between ``lo`` and ``at`` that reports of itself as "it"
    (:data:`_SELF_REFERRING`), with its offset; a name starting with a pronoun, a determiner or a
    known given name is not one."""
    last = None
    for m in _SELF_REFERRING.finditer(text, lo, at):
        first = m.group("name").split()[0]
        if first.casefold() in NEVER_NAME_START or gender_of_name(first) is not None:
            continue
        last = (" ".join(m.group("name").split()), m.start("name"))
    return last


#: A body's appositive after its name: ", the union representing bin crews,", ", a charity that …,", ", which
#: represents 600 drivers,".
_BODY_APPOSITIVE = re.compile(r",\s+(?:which\b|(?:the|a|an)\s+(?P<words>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}))")


def body_before_appositive(text: str, words: Sequence[str], end: int) -> bool:
    """Is the subject ``words`` (ending at ``end``) a body's name the entity stage missed, told by the
    appositive after it ("Unison, the union representing bin crews, said", "Shelter, a housing charity,
    said", "Unite, which represents …, said")? One to four capitalised words, none opening with a
    function word."""
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if words[0].casefold() in NEVER_NAME_START or gender_of_name(words[0]) is not None:
        return False
    m = _BODY_APPOSITIVE.match(text, end)
    return m is not None and (m.group("words") is None or any(w in ORG_ANAPHORS for w in m.group("words").split()))


_GROUP_HEADS = ORG_HEADS | frozenset({"movement", "campaign", "network", "militia", "brigade", "brigades", "faction"})


def named_group(phrase: str) -> str | None:
    """A group named by capitalised words before a lower-case organisation head: "The radical Shiite
    Sadr movement" gives "Shiite Sadr movement"; None when the phrase is not so built."""
    words = phrase.split()
    if len(words) < 2 or words[-1] not in _GROUP_HEADS or not words[-2][:1].isupper():
        return None
    k = len(words) - 1
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1].casefold() not in ("the", "a", "an"):
        k -= 1
    return " ".join(words[k:]) if k < len(words) - 1 else None


#: A name opening a sentence as its subject, then its verb: "Brenwick Appliances has recalled", "Halvard
#: Capital will cut", "Corrib Freight Ltd announced".
_OPENING_NAME = re.compile(
    r"[\s\"“‘'(\[]*(?P<name>(?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’-]+)\s+"
    r"(?:has|have|had|is|are|was|were|will|would|plans|[a-z]+ed)\b"
)


def opening_body_name(text: str, sentence_start: int, at: int) -> tuple[int, int] | None:
    """Where the name opening the sentence that "the company" / "the group" at ``at`` ends is written, when
    the phrase closes it after a comma ("Brenwick Appliances has recalled 12,000 kettles …, the company
    said"): the body the entity stage did not name. A name opening with a function word or a known given
    name is not one."""
    m = _OPENING_NAME.match(text, sentence_start, at)
    if m is None or not text[m.end() : at].rstrip().endswith(","):
        return None
    first = m.group("name").split()[0]
    if first.casefold() in NEVER_NAME_START or gender_of_name(first) is not None:
        return None
    return m.span("name")
