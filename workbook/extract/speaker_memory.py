"""What a document's speakers are so far: the state behind "he", "she", "it" and "the ministry".

:class:`SpeakerMemory` holds a document's entities and sorted mentions, the gender of each person
(from an honorific, a role noun or the given name) and the speakers of the claims found so far; it
resolves a pronoun ("he", "she": :meth:`SpeakerMemory.pronoun`) and an organisation anaphor ("it",
"the ministry": :meth:`SpeakerMemory.organisation`). :class:`~workbook.extract.speakers.SpeakerResolver`
builds on it to read a whole speaker phrase.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from workbook.extract.base import EntityRecord, MentionRecord
from workbook.extract.date_words import MONTH_NAMES, WEEKDAYS
from workbook.extract.speaker_bodies import club_name, club_subject, names_body, research_body, widest_body
from workbook.extract.speaker_gender import marked_genders, pronoun_genders
from workbook.extract.speaker_issuers import DOCUMENT_PHRASE, ISSUED_NOUNS, document_agent
from workbook.extract.speaker_kinds import body_of_kind
from workbook.extract.speaker_nearby import (
    NAME_WINDOW,
    document_opening_subject,
    document_subject,
    self_referring_subject,
    written_name_before,
)
from workbook.extract.speaker_role_names import role_named_between
from workbook.extract.speaker_spokes import titled_spokesperson
from workbook.extract.speaker_titles import only_titles, title_phrase, titled_name, titled_name_of, written_full_name
from workbook.extract.speaker_words import (
    NAME_THEN_ROLE,
    NAMED_ROLE,
    OPENING_PHRASE,
    ORG_ANAPHORS,
    QUOTE_MARKS,
    RELATION_FIRST,
    ROLE_FIRST,
    Speaker,
    gender_of_name,
    is_role_before_name,
)
from workbook.extract.vocabulary import NEVER_NAME_START

__all__ = ["ORG_HYPERNYMS", "SpeakerMemory"]

_CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(m.casefold() for m in MONTH_NAMES)
#: Nouns that stand for any organisation named before, whatever its name: "the group", "the company".
ORG_HYPERNYMS = frozenset({"group", "company", "firm", "organisation", "organization", "movement", "corporation"})
_NAME_LINE_JOINS = frozenset({"of", "the", "and", "de", "da", "van", "von", "al", "bin"})
#: A sentence opening with "he" / "she" as its subject, after at most an opening phrase ending in a comma.
_PRONOUN_OPENING = re.compile(r"[\s\"“‘'(\[]*(?:[A-Z][^,;:.!?\"“”]{0,60},\s*)?(?P<p>[Hh]e|[Ss]he)\s+[a-z]")
_ISSUE_VERB = re.compile(r"\b(?:issued|released|published|put\s+out|sent|posted|signed|adopted|made\s+public)\b")
#: "The RNLI said in a statement that …": a subject that spoke in the document named after the cue.
_SPOKE_IN = re.compile(
    r"\b(?:said|says|stated|announced|added|wrote|confirmed|warned)\s+(?:on\s+[A-Z]\w+\s+)?in\s+(?:a|an|its|his|her|their)\b"
)


class SpeakerMemory:
    """The entities, mentions, genders and speakers so far of one document (its sorted mentions)."""

    def __init__(
        self, text: str, sent_starts: Sequence[int], entities: Sequence[EntityRecord], mentions: Sequence[MentionRecord]
    ) -> None:
        self.text = text
        self.sent_starts = list(sent_starts)
        self.types = {e.key: e.type for e in entities}
        self.names = {e.key: e.name for e in entities}
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.gender: dict[str, str | None] = {e.key: gender_of_name(e.name) for e in entities if e.type == "person"}
        self.gender.update(marked_genders(text, self.mentions, self.types, self.names, self.gender))
        # the pronouns that follow a person's mentions settle a gender no given name gave ("Mr. Marbles",
        # a woman's dog, does not make her male when "she" follows her mentions)
        for key, said in pronoun_genders(
            text, self.mentions, self._is_typed_person, self._opens_sentence, self._sent_end
        ).items():
            if gender_of_name(self.names.get(key, "")) is None:
                self.gender[key] = said
        self._spoke_at: list[int] = []  # offsets of person speakers' claims, sorted
        self._spoke: list[Speaker] = []
        self._any_at: list[int] = []  # offsets of all shown speakers' claims, sorted ("the spokesperson added")
        self._any: list[Speaker] = []
        self._org_at: list[int] = []  # offsets of organisation speakers' claims, sorted
        self._org: list[Speaker] = []

    def sentence_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, offset) - 1, 0)

    def _sent_end(self, offset: int) -> int:
        """Where the sentence holding ``offset`` ends (the next sentence's start, or the text's end)."""
        i = self.sentence_of(offset) + 1
        return self.sent_starts[i] if i < len(self.sent_starts) else len(self.text)

    def _is_typed_person(self, key: str) -> bool:
        return self.types.get(key) == "person"

    def inside(self, s: int, e: int) -> list[MentionRecord]:
        i = bisect.bisect_left(self.mention_starts, s)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < e:
            if self.mentions[i].end <= e:
                out.append(self.mentions[i])
            i += 1
        return out

    def shown(self, key: str | None, fallback: str | None) -> str | None:
        return self.names.get(key, fallback) if key else fallback

    def note_speaker(self, speaker: Speaker | None, at: int) -> None:
        """Record that a person speaks at ``at`` (claims are not found in text order); an
        organisation speaker is recorded apart, for "it said" / "the ministry added"."""
        if speaker is not None and speaker.shown:
            i = bisect.bisect_right(self._any_at, at)
            self._any_at.insert(i, at)
            self._any.insert(i, speaker)
        if speaker is not None and speaker.shown and self._is_org_speaker(speaker) and not self._personal(speaker.key):
            i = bisect.bisect_right(self._org_at, at)
            self._org_at.insert(i, at)
            self._org.insert(i, speaker)
            return
        if speaker is None or not (self._personal(speaker.key) or speaker.is_name):
            return
        i = bisect.bisect_right(self._spoke_at, at)
        self._spoke_at.insert(i, at)
        self._spoke.insert(i, speaker)

    def _same_role(self, noun: str, at: int) -> Speaker | None:
        """The latest shown speaker within 1,500 characters written with the role noun ``noun``."""
        i, lo = bisect.bisect_left(self._any_at, at) - 1, max(0, at - 1500)
        for j in range(i, max(-1, i - 5), -1):
            if at - self._any_at[j] > 1500:
                break
            written = self._any[j].as_written  # not "transport spokesman Y" after "A spokesman for X said"
            if noun in written.casefold().split() and not titled_spokesperson(written, noun, self.text, lo, at):
                return self._any[j]
        # "a spokesperson for U.S. Central Command said": the organisation named after the role
        role = re.compile(rf"\b{re.escape(noun)}\s+(?:for|of|at)\s+(?:the\s+)?", re.I)
        last = None
        for found in role.finditer(self.text[max(0, at - 1500) : at]):
            last = found
        if last is not None:
            pos = max(0, at - 1500) + last.end()
            i = bisect.bisect_left(self.mention_starts, pos)
            if i < len(self.mentions) and self.mentions[i].start == pos:
                key = self.mentions[i].entity_key
                if self.types.get(key) in ("organization", "country"):
                    return Speaker(key, self.names[key], noun)
        return None

    def _is_org_speaker(self, speaker: Speaker) -> bool:
        """An organisation (entity) or a qualified organisation phrase ("China's coast guard"), never a place."""
        if speaker.key:  # or a club the entity stage typed a person ("Kestrel Vale Rovers")
            return self.types.get(speaker.key) == "organization" or club_name(self.names.get(speaker.key))
        words = (speaker.shown or "").casefold().split()
        return (not speaker.is_name and bool(words) and words[-1] in ORG_ANAPHORS) or club_name(speaker.shown)

    def organisation(self, phrase: str, words: list[str], at: int) -> Speaker | None:
        """ "it" / "the ministry" / "the Army" at ``at``: the organisation spoken of before. "it": the
        issuer of a document that was the latest speaker ("The report said … It warned"), else the
        latest organisation speaker within 600 characters, else an organisation opening this sentence
        or the one before ("NASA is looking …, it announced"); "the <head>": the latest organisation
        (speaker, else mention within 3,000 characters) whose name holds the head word, when only one
        such organisation is named (or of its kind: ``body_of_kind``); else a capitalised head as written."""
        low = [w.casefold().removesuffix("'s").removesuffix("’s") for w in words]
        if low == ["it"]:
            i = bisect.bisect_left(self._any_at, at) - 1
            recent = i >= 0 and at - self._any_at[i] < 600
            document = DOCUMENT_PHRASE.fullmatch(self._any[i].as_written) if recent else None
            if document is not None and document.group("noun").casefold() in ISSUED_NOUNS:
                last = self._any[i]  # "The report said … It warned …": the report's issuer again
                return Speaker(last.key, last.shown, phrase, last.is_name)
            i = bisect.bisect_left(self._org_at, at) - 1
            if i >= 0 and at - self._org_at[i] < 600:
                last = self._org[i]
                return Speaker(last.key, last.shown, phrase)
            here = self.sentence_of(at)
            for j in range(bisect.bisect_left(self.mention_starts, at) - 1, -1, -1):
                m = self.mentions[j]  # else the organisation opening this sentence or the one before
                if self.sentence_of(m.start) < here - 1 or at - m.start > 600:
                    break
                if self.types.get(m.entity_key) == "organization" and self._opens_sentence(m):
                    return Speaker(m.entity_key, self.names[m.entity_key], phrase)
            return self._place_subject(phrase, at, here)
        head = low[-1]
        if kind := body_of_kind(head, phrase, at, self):  # "the alliance", "the company": a body by its kind
            return kind[0]
        i = bisect.bisect_left(self._org_at, at) - 1
        for j in range(i, max(-1, i - 10), -1):
            if at - self._org_at[j] > 3000:
                break
            sp = self._org[j]
            if names_body(head, sp.shown or ""):  # "the force": a police force named before
                return Speaker(sp.key, sp.shown, phrase)
        club = club_subject(self.text, at) if head in ("club", "team") else None
        if club is not None:  # "Hartvik United have dismissed …", then "according to the club"
            return Speaker(None, club, phrase)
        i = bisect.bisect_left(self.mention_starts, at) - 1
        keys: list[str] = []
        for j in range(i, max(-1, i - 60), -1):
            m = self.mentions[j]
            if at - m.start > 3000:
                break
            org = self.types.get(m.entity_key) in ("organization", "facility") or club_name(self.names[m.entity_key])
            if org and names_body(head, self.names[m.entity_key]) and m.entity_key not in keys:
                keys.append(m.entity_key)
        if (widest := widest_body(keys, self.names)) is not None:  # one, or one holding the others' names
            return Speaker(widest, self.names[widest], phrase)
        if head in ORG_HYPERNYMS and not keys:  # "the group", "the company": any organisation named before
            latest = self._latest_organisation(at)
            if latest is not None:
                return Speaker(latest.key, latest.shown, phrase, latest.is_name)
        if words[-1][:1].isupper() and len(words) <= 3:  # "the Army", "the Coast Guard": a name
            return Speaker(None, " ".join(words[1:]) if low[0] == "the" else phrase, phrase)
        return None

    def _place_subject(self, phrase: str, at: int, here: int) -> Speaker | None:
        """ "It said" opening a sentence, no organisation named: the country or place opening the
        sentence before as its subject ("North Korea conducted a test … It said the drone …"), when
        nothing else is named between it and the pronoun."""
        if self.text[at : at + 2] != "It" or (self.sent_starts and self.sent_starts[here] != at):
            return None
        j = bisect.bisect_left(self.mention_starts, at) - 1
        firsts = [m for m in self.mentions[max(0, j - 40) : j + 1] if self.sentence_of(m.start) == here - 1]
        if not firsts or self.types.get(firsts[0].entity_key) != "place" or not self._opens_sentence(firsts[0]):
            return None
        if any(self.types.get(m.entity_key) in ("person", "organization") for m in firsts):
            return None
        key = firsts[0].entity_key
        return Speaker(key, self.names[key], phrase)

    def _latest_organisation(self, at: int) -> Speaker | None:
        """The organisation "the group" / "the company" at ``at`` stands for: the later of the latest
        organisation speaker and the latest organisation opening a sentence (its subject) or named
        earlier in the phrase's own sentence, within 1,500 characters; an organisation named only as
        an object of an earlier sentence ("told CBC News") is not one."""
        best: tuple[int, Speaker] | None = None
        i = bisect.bisect_left(self._org_at, at) - 1
        if i >= 0 and at - self._org_at[i] <= 1500 and self._org[i].key is not None:
            best = (self._org_at[i], self._org[i])
        i = bisect.bisect_left(self.mention_starts, at) - 1
        for j in range(i, max(-1, i - 40), -1):
            m = self.mentions[j]
            if at - m.start > 1500 or (best is not None and m.start <= best[0]):
                break
            same = self.sentence_of(m.start) == self.sentence_of(at)  # "On the site of X, the group declared"
            if self.types.get(m.entity_key) == "organization" and (same or self._opens_sentence(m)):
                best = (m.start, Speaker(m.entity_key, self.names[m.entity_key], ""))
                break
        named = self_referring_subject(self.text, max(0, at - 1500), at)  # "Corvin Telecom said it …"
        if named is not None and (best is None or named[1] > best[0]):
            i = bisect.bisect_left(self.mention_starts, named[1])
            key = self.mentions[i].entity_key if i < len(self.mentions) and self.mentions[i].start == named[1] else None
            return Speaker(key, self.shown(key, named[0]), "", is_name=True)
        return best[1] if best is not None else None

    def _gender(self, speaker: Speaker) -> str | None:
        return self._key_gender(speaker.key) if speaker.key else gender_of_name(speaker.shown or "")

    def _key_gender(self, key: str) -> str | None:
        return self.gender[key] if key in self.gender else gender_of_name(self.names.get(key, ""))

    def personal(self, key: str | None) -> bool:
        return self._personal(key)  # is the entity ``key`` a person (see :meth:`_personal`)?

    def _personal(self, key: str | None) -> bool:
        """A person, or an entity typed otherwise whose name is a person's ("Caroline Leclerc" read as
        an organisation): two or three words, the first a known given name."""
        if key is None or self.names.get(key, "").casefold() in _CALENDAR_WORDS:
            return False  # "Sunday" typed a person by the entity stage is no one "she" can be
        if self.types.get(key) == "person" or self.gender.get(key) is not None:
            return True
        words = self.names.get(key, "").split()
        return 2 <= len(words) <= 3 and gender_of_name(words[0]) is not None

    def pronoun(self, word: str, offset: int) -> Speaker:
        """The person "he"/"she" at ``offset`` refers to: the latest person speaker (within 2,000
        characters) when its gender fits, else the first person of the latest sentence that names
        a person whose gender fits. Only the last 60 mentions are looked at (linear time)."""
        want = "m" if word.casefold() == "he" else "f"
        i = bisect.bisect_left(self._spoke_at, offset) - 1
        if i >= 0 and offset - self._spoke_at[i] < 2000 and self._gender(self._spoke[i]) in (None, want):
            last = self._spoke[i]
            newer = self._latest_subject(want, self._spoke_at[i], offset)
            if newer is not None and newer.entity_key != last.key:  # a person named since then
                return Speaker(newer.entity_key, self.shown(newer.entity_key, None), word)
            role = role_named_between(self.text, self._spoke_at[i], offset, want)  # "chief executive, X," since
            if role is not None and role[0] != last.shown:
                return Speaker(None, role[0], word, is_name=True)
            return Speaker(last.key, last.shown, word, last.is_name)
        i = bisect.bisect_left(self.mention_starts, offset) - 1
        chosen: MentionRecord | None = None
        subject: MentionRecord | None = None
        for j in range(i, max(-1, i - 60), -1):
            m = self.mentions[j]
            if not self._personal(m.entity_key) or self._key_gender(m.entity_key) not in (None, want):
                continue
            if only_titles(self.text, m.start, m.end):  # "the General Secretary" read as a person: a title
                continue
            if self._name_line(m):  # "John FitzGibbon, 2nd Earl of Clare" alone on its line: a heading
                continue
            if self._pronoun_subject(m, want) and not self._opens_sentence(m):
                continue  # "He served as Bertrand Russell's interpreter": the chain of "he" goes on past Russell
            if subject is None and offset - m.start < 1500 and self._opens_sentence(m):
                subject = m
            if chosen is None or self.sentence_of(m.start) == self.sentence_of(chosen.start):
                chosen = m  # ends as the first person of the latest sentence naming one
        pick = subject or chosen  # the latest person opening a sentence (its subject), else that one
        if pick is None:  # a person's name the entity rules missed, written shortly before ("Councillor Maria Okafor")
            written = self._written_person_before(want, offset) or self._titled_in_organisation(offset)
            if written is not None:
                return Speaker(None, written, word, is_name=True)
        if pick is None:  # a lede naming its speaker after the quote: the next person named, 600 characters on
            pick = self._next_person(want, offset)
            if pick is None:
                named = NAME_THEN_ROLE.search(self.text, offset, offset + 600)
                if named is not None and named.group(1).split()[0].casefold() not in NEVER_NAME_START:
                    return Speaker(None, named.group(1), word, is_name=True)
        key = pick.entity_key if pick is not None else None
        if pick is not None and len(self.names.get(key or "", "").split()) == 1:  # "Bruce" after "Bruce Garcey"
            full = written_full_name(self.text, self.names[pick.entity_key], pick.start)
            if full is not None:
                return self._full_named(full, word)
        return Speaker(key, self.shown(key, None), word)

    def _name_line(self, m: MentionRecord) -> bool:
        """Is the mention alone on a line of names only (a heading or caption: "John FitzGibbon, 2nd
        Earl of Clare"; no lower-case word but "of", "the", "and"; at most 12 words; no final stop)?"""
        lo = self.text.rfind("\n", max(0, m.start - 200), m.start) + 1
        hi = self.text.find("\n", m.end, m.end + 200)
        if (lo == 0 and m.start >= 200) or hi < 0:
            return False
        line = self.text[lo:hi].strip()
        words = line.split()
        if not words or len(words) > 12 or line.endswith((".", "!", "?", '"', "”", ":")):
            return False
        return all(not w[:1].islower() or w in _NAME_LINE_JOINS for w in words)

    def _pronoun_subject(self, m: MentionRecord, want: str) -> bool:
        """Is the subject of the sentence holding ``m`` a "he" (``want`` "m") or "she" before it, after
        at most an opening phrase ("The following autumn, he went up …, where he met X")? A person
        named later in such a sentence is not what the next "he" refers to: the same "he" goes on."""
        start = self.sent_starts[self.sentence_of(m.start)] if self.sent_starts else 0
        opening = _PRONOUN_OPENING.match(self.text, start, m.start)
        return opening is not None and (opening.group("p").casefold() == "he") == (want == "m")

    def _full_named(self, full: str, phrase: str) -> Speaker:
        """The speaker shown under the full name ``full``: the person entity of that name if any."""
        keys = [k for k, n in self.names.items() if n == full and self._personal(k)]
        return Speaker(keys[0] if keys else None, full, phrase, is_name=True)

    def _written_person_before(self, want: str, offset: int) -> str | None:
        """A name written shortly before ``offset`` for "he"/"she" when no person entity fits: the
        latest speaker already shown under a person-like name of unknown or fitting gender ("Dovile
        Sakaliene said … She called for"), else the last name starting with a fitting given name
        (:func:`~workbook.extract.speaker_nearby.written_name_before`), whichever is later."""
        written = written_name_before(self.text, want, offset)
        i = bisect.bisect_left(self._any_at, offset) - 1
        if i >= 0 and offset - self._any_at[i] < NAME_WINDOW:
            sp = self._any[i]
            words = (sp.shown or "").split()
            at = self.text.rfind(sp.shown or "\0", max(0, offset - NAME_WINDOW), offset)
            org = sp.key is not None and self.types.get(sp.key) == "organization"
            if (
                not org
                and 2 <= len(words) <= 3
                and all(w[:1].isupper() for w in words)
                and self._gender(sp) in (None, want)
                and (written is None or at > written[1])
            ):
                return sp.shown
        return written[0] if written is not None else None

    def _titled_in_organisation(self, offset: int) -> str | None:
        """The person's name in the latest mention read whole as an organisation that opens its
        sentence within :data:`NAME_WINDOW` characters before ``offset`` ("Detective Inspector Marcus
        Oyelaran of the Brenmouth Police said …": :func:`titled_name_of`; a titled name read whole as a
        place, "Brigadier-General Nadine Okafor": :func:`titled_name`)."""
        for j in range(bisect.bisect_left(self.mention_starts, offset) - 1, -1, -1):
            m = self.mentions[j]
            if offset - m.start > NAME_WINDOW:
                break
            if self.types.get(m.entity_key) != "person" and self._opens_sentence(
                m
            ):  # or "Brigadier-General X" read a place
                name = titled_name_of(self.text, m.start, m.end) or titled_name(self.text, m.start, m.end)
                if name is not None:
                    return name
        return None

    def _next_person(self, want: str, offset: int) -> MentionRecord | None:
        """The first person of fitting gender named after ``offset`` (within 600 characters and 30
        mentions), for a "he"/"she" with nobody named before it."""
        i = bisect.bisect_right(self.mention_starts, offset)
        for m in self.mentions[i : i + 30]:
            if m.start - offset > 600:
                break
            personal = self._personal(m.entity_key) and not only_titles(self.text, m.start, m.end)
            if personal and self._key_gender(m.entity_key) in (None, want):
                return m
        return None

    def _latest_subject(self, want: str, after: int, offset: int) -> MentionRecord | None:
        """The latest person of fitting gender opening a sentence between ``after`` and ``offset``:
        the subject of an earlier sentence, or of the pronoun's own when no quote stands between
        ("Theodorus was the new leader, though he claimed …")."""
        here = self.sentence_of(offset)
        i = bisect.bisect_left(self.mention_starts, offset) - 1
        for j in range(i, max(-1, i - 30), -1):
            m = self.mentions[j]
            if m.start <= after:
                break
            if (
                self._personal(m.entity_key)
                and self._key_gender(m.entity_key) in (None, want)
                and (self.sentence_of(m.start) != here or not QUOTE_MARKS.search(self.text, m.start, offset))
                and not self.text.startswith(("'s", "’s"), m.end)  # a possessor is no subject
                and self._opens_sentence(m)
                and not only_titles(self.text, m.start, m.end)
                and not self._name_line(m)
            ):
                return m
        return None

    def _opens_sentence(self, m: MentionRecord) -> bool:
        """Does the mention open its sentence (after a dateline "Pyongyang, May 26 (KCNA) --" and titles)?"""
        start = self.sent_starts[self.sentence_of(m.start)] if self.sent_starts else 0
        if m.start - start > 120:
            return False
        dash = self.text.rfind("--", start, m.start)
        lead = dash + 2 if dash >= 0 else start
        if only_titles(self.text, lead, m.start) or title_phrase(self.text, lead, m.start):
            return True
        if OPENING_PHRASE.fullmatch(self.text, lead, m.start):  # "Soon after his arrival, X", "The intrepid X"
            return True
        if RELATION_FIRST.fullmatch(self.text, lead, m.start):  # "His former crewmate Alan Robson remembered"
            return True
        role = ROLE_FIRST.match(self.text, lead, m.start)  # "The U.S. ambassador in Manila, MaryKay Carlson, said"
        if role is not None and only_titles(self.text, role.end(), m.start):
            return True
        named_role = NAMED_ROLE.fullmatch(self.text, lead, m.start)  # "Environment Canada meteorologist Jill Marsh"
        return named_role is not None and is_role_before_name(named_role.group("role"))

    def issuer(self, noun: str, phrase: str, at: int) -> Speaker | tuple[int, int] | None:
        """ "The statement said" at ``at``: whoever issued the statement last named before it, within
        1,500 characters — the speaker of a claim in the sentence naming it ("X said in a
        statement"), its owner ("X's statement"), the agent after it ("a statement from X"), or the
        person or organisation opening a sentence that issued it ("X issued a statement"); else the
        span of the words opening a sentence that issued it, for the caller to read as a speaker."""
        lo = max(0, at - 1500)
        named = list(re.finditer(rf"\b{re.escape(noun)}\b", self.text[lo:at], re.IGNORECASE))
        if not named:  # "The study … found that" after "Researchers at the University of X have found …"
            key = research_body(self.text, self.mentions, self.mention_starts, self.types, noun, at)
            return Speaker(key, self.names[key], phrase) if key is not None else None
        pos = lo + named[-1].start()
        here = self.sentence_of(pos)
        sent_start = self.sent_starts[here] if self.sent_starts else 0
        sent_end = self.sent_starts[here + 1] if here + 1 < len(self.sent_starts) else len(self.text)
        if sent_end > at:  # the noun in the phrase's own sentence: no issuer named before
            return None
        i = bisect.bisect_left(self._any_at, sent_start)
        if i < len(self._any_at) and self._any_at[i] < sent_end:  # "X said in a statement that …"
            sp = self._any[i]
            return Speaker(sp.key, sp.shown, phrase, sp.is_name)
        j = bisect.bisect_left(self.mention_starts, sent_start)
        found = []
        while j < len(self.mentions) and self.mentions[j].start < sent_end:
            m = self.mentions[j]
            if self.types.get(m.entity_key) in ("organization", "person", "country", "facility"):
                found.append(m)
            j += 1
        subject = document_subject(self.text, found, sent_start, pos)  # "In a statement read out …, Captain X said"
        if subject is not None:
            return Speaker(subject.entity_key, self.names[subject.entity_key], phrase)
        for m in found:
            if self.text.startswith(("'s", "’s"), m.end) and 0 <= pos - m.end <= 30:  # "X's statement"
                return Speaker(m.entity_key, self.names[m.entity_key], phrase)
            agent = re.match(r"\s+of\s+(?:the\s+)?", self.text[pos + len(noun) :])
            if agent is not None and m.start == pos + len(noun) + agent.end():  # "a statement of X"
                return Speaker(m.entity_key, self.names[m.entity_key], phrase)
        agent_of = document_agent(self.text, pos + len(noun), found)  # "a report published on Monday by X"
        if agent_of is not None:
            return Speaker(agent_of.entity_key, self.names[agent_of.entity_key], phrase)
        opening = document_opening_subject(self.text, sent_start, pos, sent_end)
        if opening is not None:  # "In a press release issued to the exchange, the company blamed …"
            return opening
        issued = found and (  # "X issued a statement", "X said in a statement that …"
            _ISSUE_VERB.search(self.text, found[0].end, pos) or _SPOKE_IN.search(self.text, found[0].end, pos)
        )
        if issued and self._opens_sentence(found[0]):
            return Speaker(found[0].entity_key, self.names[found[0].entity_key], phrase)
        verb = _ISSUE_VERB.search(self.text, sent_start, pos)
        if verb is not None and len(self.text[sent_start : verb.start()].split()) <= 6:
            return sent_start, verb.start()  # "The radical Sadr movement issued a statement": that phrase
        return None
