"""Who speaks, read from the words around a speaker phrase: the roles and bodies a phrase stands beside.

:class:`SpeakerRoles` builds on :class:`~workbook.extract.speaker_memory.SpeakerMemory` (a document's
entities, mentions and speakers so far) with the readings that look outside the phrase the claim stage
gives, and :class:`~workbook.extract.speakers.SpeakerResolver` builds on it:

* **a person before the body** the phrase names: "Sergeant Paul Vermeulen of the port police's organised
  crime unit in Rotterdam said" gives the phrase "the port police's organised crime unit in Rotterdam"
  when the subject is longer than the claim stage reads; the titled person opening the sentence before
  "of" / "at" / "from" speaks, not the body (:meth:`SpeakerRoles.around`).
* **a person after a body and a role**: "Kelby boss Lucia Ferreira praised …, saying that" gives the
  phrase "Kelby"; a role noun ("boss", "manager", "head coach", "chair") and a person's name right after
  it make that person the speaker, not the club.
* **a name in apposition** after a described body: "According to a report by the UN's humanitarian
  office, OCHA, …": the organisation named between the commas.
* **a body named by two portfolios and a country**: "Fisheries and Oceans Canada said" (the entity stage
  may read "Oceans Canada" as a person): the body as written, which "the department" then stands for.
* the wire lede's delayed identification, an age noun's person and the person opening a sentence
  (:meth:`SpeakerRoles.described_person`, :meth:`SpeakerRoles.person_opening`).
"""

from __future__ import annotations

import bisect
import re

from workbook.extract.base import MentionRecord
from workbook.extract.reporting_words import REPORTING_VERBS
from workbook.extract.speaker_memory import SpeakerMemory
from workbook.extract.speaker_titles import only_titles
from workbook.extract.speaker_words import (
    FEMALE_NOUNS,
    IDENTIFYING_APPOSITIVE,
    INFORMAL_TITLES,
    MALE_NOUNS,
    ORG_ANAPHORS,
    VERDICT_LEAD,
    Speaker,
    is_title,
)
from workbook.extract.vocabulary import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES

__all__ = ["SpeakerRoles", "joined_body"]

#: A person's link to a body named in lower case, up to the cue: " of the force's road policing unit in
#: Rotterdam", " at the university's centre for coastal and marine ecology" (no comma, quote or bracket).
_BODY_TAIL = re.compile(r"\s+(?:of|at|from|with)\s+(?P<body>(?:the|its|his|her|their)\s+[a-z][^,;:\"“”.!?()\n]*?)\s*")
#: Words that open a clause inside what would be a body's phrase.
_CLAUSE_WORDS = frozenset({"who", "which", "that", "whose", "where", "when", "but"})
#: One or two lower-case words after a name, the last a role ("boss", "head coach", "chief executive").
_ROLE_AFTER = re.compile(r"\s+((?:[a-z][a-z-]+\s+){1,2})")
#: An organisation or person between commas right after a described body ("…'s humanitarian office, OCHA,").
_APPOSITION_OPEN = re.compile(r",\s*")
_APPOSITION_CLOSE = re.compile(r"\s*,")
#: A name the entity stage did not find, between those commas: "NCIS", "Unison", "Save Marlow Fields".
_APPOSED_NAME = re.compile(r"(?P<name>[A-Z][A-Za-z&.'’-]*(?:\s+[A-Z][A-Za-z&.'’-]*){0,4}),")
#: A body named by two or more portfolios joined by "and", then its country: "Fisheries and Oceans Canada",
#: "Environment and Climate Change Canada", "Immigration, Refugees and Citizenship Canada".
_JOINED_BODY_WORDS = (
    r"(?P<body>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:,\s+[A-Z][a-z]+)*\s+and\s+[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)*\s+[A-Z][a-z]+)"
)
_JOINED_BODY = re.compile(r"(?:The\s+)?" + _JOINED_BODY_WORDS)
#: The same body named anywhere in a text ("… ruled that Fisheries and Oceans Canada had failed …").
_JOINED_BODY_IN_TEXT = re.compile(r"(?<![\w-])" + _JOINED_BODY_WORDS + r"(?![\w-])")
#: Words before a title that qualify it ("assistant manager", "interim head coach", "first-team coach").
_TITLE_MODIFIERS = frozenset({"assistant", "interim", "caretaker", "acting", "team", "club", "first-team", "deputy"})
_PORTFOLIO_BODY_HEADS = frozenset({"department", "ministry", "agency"})
_PERSON_TYPES = frozenset({"person"})
_APPOSED_TYPES = frozenset({"person", "organization"})


def joined_body(phrase: str) -> str | None:
    """The body a phrase like "Fisheries and Oceans Canada" names (three capitalised words or more, two
    portfolios joined by "and" and a last word; no word a given name or a title), or None."""
    found = _JOINED_BODY.fullmatch(phrase)
    if found is None:
        return None
    words = [w.strip(",").casefold() for w in found.group("body").split() if w != "and"]
    if any(w in MALE_GIVEN_NAMES or w in FEMALE_GIVEN_NAMES or is_title(w) for w in words):
        return None
    return " ".join(found.group("body").split())


def _is_title_word(word: str) -> bool:
    """A title before a name, ranks and formal ones ("captain", "head", "manager") or informal ("boss")."""
    return is_title(word) or word in INFORMAL_TITLES


class SpeakerRoles(SpeakerMemory):
    """The readings of a speaker phrase that look at the words around it (see the module docstring)."""

    def around(self, s: int, e: int, phrase: str) -> Speaker | None:
        """The speaker the words around the phrase ``text[s:e]`` name (a person before the body it names,
        a person after it and a role, a name in apposition after it, a body named by its portfolios),
        else None: the phrase is then read on its own."""
        person = self._person_before_body(s, e) or self._person_after_role(s, e)
        if person is not None:
            return Speaker(person.entity_key, self.names[person.entity_key], phrase)
        apposed = self._apposed_name(s, e)
        if apposed is not None:
            return Speaker(apposed.key, apposed.shown, phrase)
        body = joined_body(phrase)
        if body is not None and not any(self.types.get(m.entity_key) == "organization" for m in self.inside(s, e)):
            return Speaker(None, body, phrase)
        return None

    def portfolio_body(self, head: str, at: int, phrase: str) -> Speaker | None:
        """ "the department" / "the ministry" / "the agency" at ``at``, when no organisation named before
        holds the word: the latest speaker within 1,500 characters that is a body named by its portfolios
        ("Fisheries and Oceans Canada announced …. The department said"), else the latest such body named in
        those 1,500 characters ("… ruled that Fisheries and Oceans Canada had failed …"), else None."""
        if head not in _PORTFOLIO_BODY_HEADS:
            return None
        i = bisect.bisect_left(self._any_at, at) - 1
        for j in range(i, max(-1, i - 5), -1):
            if at - self._any_at[j] > 1500:
                break
            said = self._any[j]
            if said.key is None and said.shown and joined_body(said.shown) == said.shown:
                return Speaker(None, said.shown, phrase)
        named = [joined_body(m.group("body")) for m in _JOINED_BODY_IN_TEXT.finditer(self.text, max(0, at - 1500), at)]
        named = [body for body in named if body is not None]  # else named as the object of a sentence before
        return Speaker(None, named[-1], phrase) if named else None

    def _sentence_start(self, at: int) -> int:
        return self.sent_starts[self.sentence_of(at)] if self.sent_starts else 0

    def _mention_at(self, start: int | None = None, end: int | None = None) -> MentionRecord | None:
        """The mention starting at ``start`` (or ending at ``end``), if any."""
        at = start if start is not None else end
        if at is None:
            return None
        i = bisect.bisect_left(self.mention_starts, at if start is not None else at - 120)
        while i < len(self.mentions) and self.mentions[i].start <= at:
            m = self.mentions[i]
            if (start is not None and m.start == start) or (end is not None and m.end == end):
                return m
            i += 1
        return None

    def _person_before_body(self, s: int, e: int) -> MentionRecord | None:
        """ "Sergeant Paul Vermeulen of the port police's organised crime unit in Rotterdam said": the claim
        stage gives part of the long subject ("the port police's …", "Rotterdam", "of the force's …"); when
        the sentence opens with a person named in full (after titles only) and "of" / "at" / "from" / "with"
        and a body phrase in lower case (:data:`_BODY_TAIL`) runs from there to the cue, the person speaks."""
        text = self.text
        sent_start = self._sentence_start(s)
        i = bisect.bisect_left(self.mention_starts, sent_start)
        person = self.mentions[i] if i < len(self.mentions) and self.mentions[i].start < s else None
        if person is None or person.end > s or not self._personal(person.entity_key):
            return None
        if len(self.names.get(person.entity_key, "").split()) < 2 or not only_titles(text, sent_start, person.start):
            return None
        tail = _BODY_TAIL.fullmatch(text, person.end, e)
        if tail is None or len(tail.group("body").split()) > 14:
            return None
        if any(w.casefold() in _CLAUSE_WORDS for w in tail.group("body").split()):
            return None  # "… of the club who …": a clause, not a body's name
        if any(self.types.get(m.entity_key) in _PERSON_TYPES for m in self.inside(tail.start("body"), e)):
            return None
        return person

    def _person_after_role(self, s: int, e: int) -> MentionRecord | None:
        """ "Kelby | boss Lucia Ferreira praised …": a capitalised phrase of one to four words followed by one
        or two lower-case words ending in a role ("boss", "head coach", "manager") and a person named in
        full: that person."""
        words = self.text[s:e].split()
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return None
        role = _ROLE_AFTER.match(self.text, e)
        roles = role.group(1).split() if role is not None else []
        if role is None or not all(_is_title_word(w) or w in _TITLE_MODIFIERS for w in roles):
            return None  # "Hill | said winger Tom Baird would …" is no title
        if not _is_title_word(roles[-1]) or any(w in REPORTING_VERBS for w in roles):
            return None
        person = self._mention_at(start=role.end())
        if person is None or not self._personal(person.entity_key):
            return None
        return person if len(self.names.get(person.entity_key, "").split()) >= 2 else None

    def _apposed_name(self, s: int, e: int) -> Speaker | None:
        """ "a report by the UN's humanitarian office, | OCHA, …": a phrase ending in a body's word ("office",
        "union", "service") followed by a name between commas: the organisation, or a name the entity stage
        did not find (an acronym or up to five capitalised words, no person's full name, no place) as
        written. A person after a role noun is not read here: in "…", A section chief, Kim Yong Gon, said:"
        the name opens the next statement."""
        words = self.text[s:e].split()
        last = words[-1].casefold() if words else ""
        if len(words) < 2 or not last.isalpha() or not words[-1].islower():
            return None
        opened = _APPOSITION_OPEN.match(self.text, e)
        if opened is None:
            return None
        if last not in ORG_ANAPHORS:  # a person after a role noun is left to the claim stage ("A section
            return None  # chief, Kim Yong Gon, said:" opens the next statement, it does not close a quote)
        name = self._mention_at(start=opened.end())
        closed = name is not None and _APPOSITION_CLOSE.match(self.text, name.end) is not None
        if name is not None and closed and self.types.get(name.entity_key) == "organization":
            return Speaker(name.entity_key, self.names[name.entity_key], self.text[s:e])
        written = _APPOSED_NAME.match(self.text, opened.end())
        if written is None:
            return None
        inside = self.inside(*written.span("name"))
        if any(len(self.names[m.entity_key].split()) > 1 or self.types.get(m.entity_key) == "place" for m in inside):
            return None  # a person's full name or a place after a body's word is no name of the body
        return Speaker(None, written.group("name"), self.text[s:e])

    def _identified_next(self, at: int, role: list[str]) -> MentionRecord | None:
        """Wire style's delayed identification: a lede whose subject is a role only ("A senior senator said
        …", "The agency's director warned …") names its person in the next sentence, opening it in full with
        an apposition ("Senator Ruth Calloway, a Republican from Maine, told"): that person, when the title or
        the apposition repeats a word of the role ("senator"; "The home side's captain … Tom Hartley, the
        visiting manager," is someone else)."""
        here = self.sentence_of(at)
        if here + 1 >= len(self.sent_starts):
            return None
        start = self.sent_starts[here + 1]
        end = self.sent_starts[here + 2] if here + 2 < len(self.sent_starts) else len(self.text)
        person = self.person_opening(start, end)
        apposition = IDENTIFYING_APPOSITIVE.match(self.text, person.end, end) if person is not None else None
        if person is None or apposition is None:
            return None
        written = {w.casefold().strip(".,'’") for w in self.text[start : apposition.end()].split()}
        return person if any(len(w) >= 4 and w in written for w in role) else None

    def described_person(self, phrase: str, offset: int) -> Speaker | None:
        """The person an age noun ("the 24-year-old", "the 71-year-old grandmother") at ``offset``
        stands for: the later of the latest person speaker and the latest person opening a sentence
        (its subject), within 1,500 characters, of the sex a noun in the phrase gives; None when
        neither is there."""
        nouns = set(phrase.casefold().split())
        want = "m" if nouns & MALE_NOUNS else "f" if nouns & FEMALE_NOUNS else None
        best: tuple[int, Speaker] | None = None
        i = bisect.bisect_left(self._spoke_at, offset) - 1
        if i >= 0 and offset - self._spoke_at[i] <= 1500 and want in (None, self._gender(self._spoke[i]) or want):
            last = self._spoke[i]
            best = (self._spoke_at[i], Speaker(last.key, last.shown, phrase, last.is_name))
        i = bisect.bisect_left(self.mention_starts, offset) - 1
        for j in range(i, max(-1, i - 40), -1):
            m = self.mentions[j]
            if offset - m.start > 1500 or (best is not None and m.start <= best[0]):
                break
            if want is not None and self._key_gender(m.entity_key) not in (None, want):
                continue
            if self._personal(m.entity_key) and self._opens_sentence(m) and not only_titles(self.text, m.start, m.end):
                best = (m.start, Speaker(m.entity_key, self.shown(m.entity_key, None), phrase))
                break
        return best[1] if best is not None else None

    def person_opening(self, s: int, e: int) -> MentionRecord | None:
        """The person named in full (two words or more) opening the sentence ``text[s:e]`` (after
        titles or a role: "Inspector Gareth Lloyd spoke …"; or after a lead that names the words before
        as theirs: "That was the verdict of Coach Dana Price …", "That was how Dr Ann Lee put it"), or None."""
        lead = VERDICT_LEAD.match(self.text, s, e)
        i = bisect.bisect_left(self.mention_starts, lead.end() if lead is not None else s)
        if i >= len(self.mentions) or self.mentions[i].start >= e:
            return None
        m = self.mentions[i]
        named = len(self.names.get(m.entity_key, "").split()) >= 2 and not only_titles(self.text, m.start, m.end)
        opens = only_titles(self.text, lead.end(), m.start) if lead is not None else self._opens_sentence(m)
        return m if named and self._personal(m.entity_key) and opens else None
