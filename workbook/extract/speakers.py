"""Who is speaking: the speaker phrase of a claim, resolved to an entity of the document.

A reporting cue ("said", "told", "according to") comes with a noun phrase: "Mr Lewis", "Sgt. Ana
Ruiz", "Defense Minister Lee Jong-sup", "US intelligence officials", "he", "an article". This
module decides what that phrase is (:func:`SpeakerResolver.resolve`):

* a **mention** of an entity (a person, an organisation, a country): the speaker is that entity.
  Titles and ranks before the name ("Adm.", "Defense Minister", "the company's spokesman") are
  skipped.
* **he / she**: the person it most plausibly refers to, gender-aware (:meth:`SpeakerResolver.pronoun`): the
  latest person speaker if compatible, else the first compatible person of the latest sentence naming one
  (gender: the honorific before a mention, "Mr", "Ms", or the given name; unknown fits both).
* a **name** the entity rules did not find ("said Sgt. Ana Ruiz" in a document with no other
  mention of her): the capitalised words after the titles, shown as the speaker, with no entity.
* a **generic** phrase: other pronouns ("they", "it", "we") and bare human or document nouns
  ("officials", "the spokesman", "an article", "the report"). Never a speaker entity and never
  shown as a speaker; the words as written are kept (``as_written``). A qualified generic phrase
  ("US intelligence officials", "KPA General Staff spokesman") is shown as written.
* anything else: not a speaker (``None``): "the attack claimed", "the plan said".
"""

from __future__ import annotations

import bisect
import re

from workbook.extract.speaker_bodies import group_speaker
from workbook.extract.speaker_issuers import (
    DOCUMENT_PHRASE,
    ISSUED_BY_ADJECTIVE,
    ISSUED_NOUNS,
    LEGAL_ACTION,
    LEGAL_DOCUMENTS,
    LEGAL_PASSIVE,
    TIME_AFTER_SUBJECT,
    country_of_adjective,
    shared_head_body,
)
from workbook.extract.speaker_memory import ORG_HYPERNYMS, SpeakerMemory
from workbook.extract.speaker_nearby import (
    DELEGATION_HEAD,
    body_before_appositive,
    delegation_leader,
    named_group,
    opening_body_name,
    organisation_spokesperson,
    person_beside,
    titled_name_written,
    titled_person,
)
from workbook.extract.speaker_spokes import (
    SPOKESPERSON_FOR,
    body_spoken_for,
    fits_pronoun,
    ministry_of_minister,
    spokesperson_before,
)
from workbook.extract.speaker_ties import SpeakerTies
from workbook.extract.speaker_titles import (
    only_titles,
    title_phrase,
    titled_name,
    titled_name_of,
    unresolved_speaker,
    written_full_name,
)
from workbook.extract.speaker_unnamed import COUNSEL_NOUNS, unnamed_relation
from workbook.extract.speaker_words import (
    AT_PLACE,
    INITIALS_BEFORE,
    LOWER_ROLE,
    OF_BODY_TAIL,
    OF_LOWER_BODY,
    ORG_ANAPHORS,
    OWNER_DOCUMENT,
    POSTMODIFIER,
    SOURCE_OF,
    SPEAKER_ABBREVIATIONS,
    SPEAKER_WORD,
    UNRESOLVED_PRONOUNS,
    Speaker,
    is_role_noun,
    is_title,
    speaker_name_pattern,
)
from workbook.extract.vocabulary import FEMALE_GIVEN_NAMES, HUMAN_NOUNS, MALE_GIVEN_NAMES

__all__ = ["SPEAKER_ABBREVIATIONS", "Speaker", "SpeakerMemory", "SpeakerResolver", "speaker_name_pattern"]


#: An adverb opening a sentence before its pronoun subject ("Suddenly he asked", "Later they said").
_ADVERB = re.compile(r"[A-Za-z]+ly|[Tt]hen|[Ll]ater|[Ss]oon|[Aa]gain|[Nn]ow")
#: A person written of by age: "the 24-year-old", "the 71-year-old grandmother" (lower case).
AGE_NOUN = re.compile(r"the\s+\d{1,3}-year-old(?:\s+[a-z]+)?")
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_DETERMINERS = frozenset({"the", "its", "this", "that"})
_SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_NAMING_TYPES = frozenset({"person", "organization", "country"})  # a mention the spokesperson rules of old read
_BODY_TYPES = frozenset({"organization", "country"})


_OF_ORGANISATION = re.compile(r"\s(?:of|at|from)\s+(?:the\s+)?[A-Z]|" + OF_LOWER_BODY.pattern)


class SpeakerResolver(SpeakerTies):
    """Resolves speaker phrases of one document (its entities and sorted mentions)."""

    def resolve(self, s: int, e: int, *, at_end: bool) -> Speaker | None:
        """The speaker of the phrase ``text[s:e]`` (see the module docstring), or None when the
        phrase is not a speaker. ``at_end``: the phrase ends right before the cue ("US officials
        said"), so a mention must end it; otherwise ("said Mr Lewis", "Mr Lewis, an expert,
        said") the first mention after the titles is the speaker."""
        text = self.text
        while s < e and (text[s].isspace() or text[s] in ",-–—•'"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",-–—•"):
            e -= 1
        time = TIME_AFTER_SUBJECT.search(text, s, e)
        if time is not None and time.start() > s:  # "The Ministry of Energy on Monday said": the ministry
            e = time.start()
        phrase = " ".join(text[s:e].split())
        words = phrase.split()
        if at_end and group_speaker(text, s, phrase):  # "The family of a cyclist who died …", "The couple"
            return Speaker(None, None, phrase)
        near = self.around(s, e, phrase)
        if near is not None:  # "Sgt X of | the force's unit said", "Kelby | boss X", "…'s office, | OCHA,"
            return near
        body = shared_head_body(phrase)
        if body is not None:  # "The South Korean and U.S. militaries said": the last, as for "X and Y said"
            return Speaker(None, body, phrase)
        by_country = ISSUED_BY_ADJECTIVE.fullmatch(phrase)
        if by_country is not None:  # "A North Korean press release stated": North Korea, when the document names it
            country = country_of_adjective(by_country.group("adj"), self.mentions, self.types, self.names)
            if country is not None:
                return Speaker(country, self.names[country], phrase)
        named_body = SPOKESPERSON_FOR.match(text, s, e)
        if named_body is not None:  # "A spokesman for the DPRK Ministry of National Defence": the body
            mentioned = any(self.types.get(m.entity_key) in _NAMING_TYPES for m in self.inside(named_body.end(), e))
            spokes = None if mentioned else self._spokesperson(phrase, s)
            inner = spokes or self.resolve(named_body.end(), e, at_end=True)  # else the body's words alone
            return Speaker(inner.key, inner.shown, phrase, inner.is_name) if inner is not None else None
        source = SOURCE_OF.match(text, s, e)
        if source is not None and source.end() < e:  # "a statement from the ministry": the ministry, however long
            inner = self.resolve(source.end(), e, at_end=at_end)
            if inner is not None:
                return Speaker(inner.key, inner.shown, phrase, inner.is_name)
        if len(words) > 8:  # "Station Commander Darren Pike of the Northshire Fire Service": the person
            return self._person_of(s, e, phrase)
        if not words:
            return None
        low = phrase.casefold()
        if low in ("he", "she"):  # "…, a spokesman for the council said. He said …": the council
            return self._spokesperson_pronoun(phrase, s) or self.relation_pronoun(phrase, s) or self.gendered(phrase, s)
        if AGE_NOUN.fullmatch(low):  # "The 24-year-old, who trains in Leeds, said": the person written of
            return self.described_person(phrase, s)
        if len(words) == 1 and low in HUMAN_NOUNS and low.endswith("s") and words[0][1:].islower():
            # "Analysts said", "Residents told": a plural common noun names nobody, even typed as an entity
            sent_start = self.sent_starts[self.sentence_of(s)] if self.sent_starts else 0
            initial = not self.text[sent_start:s].strip(" \"“”'‘’([")
            return unresolved_speaker(phrase, words, s, initial, self._by_surname)
        if len(words) == 2 and _ADVERB.fullmatch(words[0]) and words[1].casefold() in _SUBJECT_PRONOUNS:
            return self.resolve(e - len(words[1]), e, at_end=at_end)  # "Suddenly he asked": "he"
        if len(words) >= 3 and _ADVERB.fullmatch(words[0]) and words[1].casefold() in _DETERMINERS:
            return self.resolve(s + len(words[0]), e, at_end=at_end)  # "Later the group declared": "the group"
        post = POSTMODIFIER.search(text, s, e)
        if post is not None and post.start() > s:  # "two officials familiar with the plans": "two officials"
            inner = self.resolve(s, post.start(), at_end=True)
            return Speaker(inner.key, inner.shown, phrase, inner.is_name) if inner is not None else None
        lows = [w.casefold().removesuffix("'s").removesuffix("’s") for w in words]
        bare = len(words) == 1 and words[0][:1].isupper() and lows[0] in ORG_ANAPHORS  # "Police believe"
        if low == "it" or (
            (bare or (len(words) <= 3 and lows[0] in ("the", "its")))
            and lows[-1] in ORG_ANAPHORS
            and not self.inside(s, e)
        ):
            org = self.organisation(phrase, words, s)
            sent_start = self.sent_starts[self.sentence_of(s)] if self.sent_starts else 0
            opening = opening_body_name(text, sent_start, s) if lows[-1] in ORG_HYPERNYMS else None
            if (
                org is None and opening is not None and not self.inside(*opening)
            ):  # "X has recalled …, the company said"
                org = Speaker(None, " ".join(text[opening[0] : opening[1]].split()), phrase)
            if org is not None:
                return org
            portfolio = ministry_of_minister(text, s) if lows[-2:] == ["the", "ministry"] else None
            if portfolio is not None:  # "The ministry said" after "Interior Minister Jakub Wrona": his ministry
                return Speaker(None, portfolio, phrase)
            kind = self.portfolio_body(lows[-1], s, phrase)
            if kind is not None:  # "The department said" after "Fisheries and Oceans Canada announced"
                return kind
        if low in UNRESOLVED_PRONOUNS:
            return Speaker(None, None, phrase)
        if not any(self.types.get(m.entity_key) in _NAMING_TYPES for m in self.inside(s, e)):
            # "a foreign ministry spokesman", "A council spokeswoman", "A Harlow spokesman": the body
            spokes = self._spokesperson(phrase, s)
            if spokes is not None:
                return spokes
        body_role = (  # "The company's chief" after "The company's chief executive, Ingrid Sola,": the person
            3 <= len(words) <= 5
            and lows[0] == "the"
            and words[1].endswith(("'s", "’s"))
            and lows[1] in ORG_ANAPHORS
            and only_titles(self.text, s + len(" ".join(words[:2])), e)
        )
        if body_role:
            titled = titled_person(text, self.mentions, self.mention_starts, self.types, lows[2:], s, title_tail=True)
            if titled is None:  # "the hospital's chief executive said" before "the chief executive, Dr Helen Marsh,"
                titled = titled_person(
                    text, self.mentions, self.mention_starts, self.types, lows[2:], e, forward=True, title_tail=True
                )
            if titled is not None:
                return Speaker(titled, self.names[titled], phrase)
        possessor = words[0].endswith(("'s", "’s")) and words[0][:1].isupper()  # "Finland's president"
        if 2 <= len(words) <= 5 and (lows[0] == "the" or possessor) and only_titles(self.text, s + len(words[0]), e):
            # "the General Secretary" after "General Secretary Kim Jong Un"
            titled = titled_person(text, self.mentions, self.mention_starts, self.types, lows[1:], s)
            if titled is None:  # "Finland's president says …" before "President Alexander Stubb said"
                titled = titled_person(text, self.mentions, self.mention_starts, self.types, lows[1:], e, forward=True)
            if titled is not None:
                return Speaker(titled, self.names[titled], phrase)
            written = titled_name_written(text, lows[1:], s)  # a titled name the entity rules did not find
            if written is not None:
                return Speaker(None, written, phrase, is_name=True)
        document = DOCUMENT_PHRASE.fullmatch(phrase)
        if document is not None and document.group("noun").casefold() in ISSUED_NOUNS:
            noun = document.group("noun").casefold()  # "The statement said" after "X issued a statement"
            issued = self.issuer(noun, phrase, s)
            if isinstance(issued, tuple):
                inner = self.resolve(*issued, at_end=True)
                group = named_group(text[issued[0] : issued[1]])  # "The radical Sadr movement": "Sadr movement"
                if inner is not None and inner.shown:
                    issued = Speaker(inner.key, inner.shown, phrase, inner.is_name)
                else:
                    issued = Speaker(None, group, phrase) if group else None
            if issued is not None:
                return issued
        if document is not None and document.group("noun").casefold() in LEGAL_DOCUMENTS:
            filer = self._filer(phrase, s)  # "The complaint alleges" after "The regulator sued X": the regulator
            if filer is not None:
                return filer
        if DELEGATION_HEAD.fullmatch(text, s, e):  # "The head of the delegation said" after "… led by X"
            leader = delegation_leader(text, self.mentions, self.mention_starts, self.types, s)
            if leader is not None:
                return Speaker(leader.entity_key, self.names[leader.entity_key], phrase)
        if len(words) == 2 and lows[0] == "the" and lows[1] in HUMAN_NOUNS:
            same = self._same_role(lows[1], s)  # "A spokesperson for X said ... The spokesperson added"
            if same is not None:
                return Speaker(same.key, same.shown, phrase, same.is_name)
            if lows[1] in _SPOKES_NOUNS:  # "the spokesman told" after "a foreign ministry spokesman said"
                spokes = self._spokesperson_pronoun(phrase, s, role=lows[1])
                if spokes is not None:
                    return spokes
        owner = OWNER_DOCUMENT.fullmatch(text, s, e)
        if owner is not None:  # "the ministry's statement added": the ministry
            inner = self.resolve(owner.start("owner"), owner.end("owner"), at_end=True)
            if inner is not None:
                return Speaker(inner.key, inner.shown, phrase, inner.is_name)
        relation = unnamed_relation(phrase)  # "A lawyer for Mr Doyle", "the victim's sister": nobody named
        if relation is not None and not (  # but a lawyer for a body speaks for it: "a lawyer for Acme Ltd"
            relation in COUNSEL_NOUNS and any(self.types.get(m.entity_key) in _BODY_TYPES for m in self.inside(s, e))
        ):
            return Speaker(None, None, phrase)
        found = [  # not a rank read as a person ("Lt. Cmdr. Brian Holt": "Cmdr"), nor part of a word ("Tom|as")
            m
            for m in self.inside(s, e)
            if not (self.types.get(m.entity_key) == "person" and only_titles(self.text, m.start, m.end))
            and not (m.end < len(text) and (text[m.end].isalnum() or text[m.start - 1 : m.start].isalnum()))
        ]
        if at_end:
            hits = [m for m in found if m.end == e]
            if not hits:  # "Kim Jong Un's spokesman"? no: only a phrase ending in a mention
                hits = [
                    m for m in found if only_titles(self.text, m.end, e) and self.types.get(m.entity_key) == "person"
                ]
            if not hits:  # "Coach Dana Price of the Falcons": a titled person of a body no mention holds
                hits = [
                    m
                    for m in found
                    if self.types.get(m.entity_key) == "person"
                    and only_titles(self.text, s, m.start)
                    and OF_BODY_TAIL.fullmatch(self.text, m.end, e)
                ]
        else:
            hits = [m for m in found if only_titles(self.text, s, m.start)]
            if not hits:  # "Homeland Security Secretary Alejandro Mayorkas": a person ending a title phrase
                hits = [
                    m
                    for m in found
                    if m.end == e
                    and self.types.get(m.entity_key) == "person"
                    and (title_phrase(self.text, s, m.start) or LOWER_ROLE.fullmatch(self.text, s, m.start))
                ]  # or a lower-case role before it: "Shiite cleric Muqtada al-Sadr", "rebel commander X"
        hit = (hits[-1] if at_end else hits[0]) if hits else None
        if hit is not None and self.types.get(hit.entity_key) != "person":
            person = person_beside(text, self.types, found, hit, self.only_titles)
            if person is not None:  # "Owen Price of the University of Eastham", "Halifax resident Dana Boyd"
                return Speaker(person.entity_key, self.shown(person.entity_key, phrase), phrase)
        spoken_for = organisation_spokesperson(text, self.types, found, e) if not hits else None
        if spoken_for is not None:  # "a Ministry of Defence spokesperson": the ministry
            return Speaker(spoken_for.entity_key, self.names[spoken_for.entity_key], phrase)
        if at_end and hits and self.types.get(hits[-1].entity_key) == "place":
            at_place = AT_PLACE.search(text, s, hits[-1].start)  # "China's embassy in Washington"
            if at_place is not None and at_place.start() > s:
                inner = self.resolve(s, at_place.start(), at_end=True)
                if inner is None and is_role_noun(words[len(text[s : at_place.start()].split()) - 1]):
                    return Speaker(None, None, phrase)  # "A teacher from Ohio": nobody named, the words kept
                return Speaker(inner.key, inner.shown, phrase, inner.is_name) if inner is not None else None
        if hits and self.types.get(hits[-1].entity_key) != "person":
            # "Secretary of the Navy Carla Ortega" read as an organisation
            titled = titled_name(self.text, hits[-1].start, hits[-1].end)
            if titled is None:  # "Detective Inspector Marcus Oyelaran of the Brenmouth Police" read as one
                titled = titled_name_of(self.text, hits[-1].start, hits[-1].end)
            if titled is not None:
                return Speaker(None, titled, phrase, is_name=True)
        if hits and self.types.get(hits[-1].entity_key) != "person" and hits[-1].end == e:
            before = SPEAKER_WORD.findall(text, max(s, hits[-1].start - 30), hits[-1].start)
            given = before[-1].casefold() if before else ""
            if given in MALE_GIVEN_NAMES or given in FEMALE_GIVEN_NAMES:  # "Maria Delgado": a person's name
                return Speaker(None, f"{before[-1]} {text[hits[-1].start : e]}", phrase, is_name=True)
            initials = INITIALS_BEFORE.search(text, max(s, hits[-1].start - 12), hits[-1].start)
            if initials is not None:  # "W. W. Rouse Ball": initials make a person's name
                return Speaker(None, " ".join(text[initials.start() : e].split()), phrase, is_name=True)
        if hits and len(words) == 1 and self.types.get(hits[0].entity_key) != "person":
            named = self._by_surname(words[0], s)  # "Delgado said" after "Sgt. Maria Delgado" (typed a place)
            if named is not None and named.shown and len(named.shown.split()) > 1:
                return Speaker(named.key, named.shown, phrase, named.is_name)
        if hits:
            key = (hits[-1] if at_end else hits[0]).entity_key
            hit = hits[-1] if at_end else hits[0]
            single = self._personal(key) and len(self.names.get(key, "").split()) == 1
            if single and (len(words) == 1 or hit.end == e):  # "Tarriela" after "Commodore Jay Tarriela"
                full = written_full_name(
                    self.text, text[hit.start : hit.end], hit.start if len(words) == 1 else hit.end
                )
                if full is not None:
                    return self._full_named(full, phrase)
            return Speaker(key, self.shown(key, phrase), phrase)
        sent_start = self.sent_starts[self.sentence_of(s)] if self.sent_starts else 0
        initial = not self.text[sent_start:s].strip(" \"“”'‘’([")
        unresolved = unresolved_speaker(phrase, words, s, initial, self._by_surname)
        if unresolved is None and body_before_appositive(text, words, e):  # "Unison, the union …, said"
            return Speaker(None, phrase, phrase)
        if initial and (unresolved is None or not (unresolved.key or unresolved.is_name)) and is_role_noun(lows[-1]):
            identified = self._identified_next(s, lows)  # "A senior senator said …. Senator X, a …,"
            if identified is not None:
                return Speaker(identified.entity_key, self.shown(identified.entity_key, phrase), phrase)
        return unresolved

    def _spokesperson(self, phrase: str, at: int) -> Speaker | None:
        """The body a nameless spokesperson phrase speaks for (:func:`body_spoken_for`)."""
        return body_spoken_for(
            self.text, self.mentions, self.mention_starts, self.types, self.names, phrase, at, self.organisation
        )

    def _spokesperson_pronoun(self, phrase: str, at: int, role: str | None = None) -> Speaker | None:
        """ "he" / "she" (or, with ``role``, "the spokesman") at ``at`` standing for a nameless spokesperson
        written as a speaker before it (in the sentence before or this one for a pronoun, 1,500 characters
        for the role noun), when the role noun fits the pronoun and is not written again in between nor a
        person named in between (for a pronoun); the body that spokesperson speaks for, else None."""
        here = self.sentence_of(at)
        lo = max(0, at - 1500) if role else (self.sent_starts[here - 1] if here > 0 and self.sent_starts else 0)
        found = spokesperson_before(self.text, lo, at)
        if found is None:
            return None
        start, end, noun = found
        if role is not None and role != noun:
            return None
        if role is None and (
            not fits_pronoun(noun, phrase.casefold())
            or any(self.types.get(m.entity_key) == "person" for m in self.inside(end, at))
        ):
            return None
        if re.search(rf"\b{noun}\b", self.text[end:at], re.IGNORECASE) and role is None:
            return None
        spoken = self.resolve(start, end, at_end=True)
        if spoken is None or not spoken.shown or spoken.is_name or self._personal(spoken.key):
            return None
        return Speaker(spoken.key, spoken.shown, phrase)

    def _filer(self, phrase: str, at: int) -> Speaker | None:
        """The party that brought a legal document ("the complaint", "the lawsuit", "the indictment") at
        ``at``: the person or organisation opening the latest sentence, within 1,500 characters before,
        whose verb sued, charged, indicted or filed ("The Securities and Exchange Commission on Thursday
        sued …"), else the shown speaker of a claim in that sentence ("Two men were charged …, the Justice
        Department said"); None when no such sentence is there ("federal prosecutors said": nobody named)."""
        verbs = list(LEGAL_ACTION.finditer(self.text, max(0, at - 1500), at))
        if not verbs:
            return None
        pos = verbs[-1].start()
        here = self.sentence_of(pos)
        start = self.sent_starts[here] if self.sent_starts else 0
        end = self._sent_end(pos)
        passive = LEGAL_PASSIVE.search(self.text, max(start, pos - 30), pos) is not None
        opening = None if passive else self.person_opening(start, pos)
        if opening is None and not passive:
            i = bisect.bisect_left(self.mention_starts, start)
            first = self.mentions[i] if i < len(self.mentions) and self.mentions[i].start < pos else None
            if first is not None and self.types.get(first.entity_key) == "organization" and self._opens_sentence(first):
                opening = first
        if opening is not None:
            return Speaker(opening.entity_key, self.names[opening.entity_key], phrase)
        subject = self.text[start:pos]
        time = TIME_AFTER_SUBJECT.search(subject)
        words = (subject[: time.start()] if time is not None else subject).split()
        if not passive and 2 <= len(words) <= 8 and all(w[:1].isupper() or w in ("of", "and", "for") for w in words):
            lead = 4 if words[0] == "The" else 0  # a name the entity stage missed, without "The"
            named = self.resolve(start + lead, start + len(subject.rstrip()), at_end=True)
            if named is not None and named.shown:
                return Speaker(named.key, named.shown, phrase, named.is_name)
        i = bisect.bisect_left(self._any_at, start)
        if i < len(self._any_at) and self._any_at[i] < end and not self._any[i].is_name:
            said = self._any[i]
            return Speaker(said.key, said.shown, phrase) if said.key else None
        return None

    def _person_of(self, s: int, e: int, phrase: str) -> Speaker | None:
        """A long speaker phrase that is a titled person "of", "at" or "from" an organisation: the
        person before that word (two to six words holding a title, no determiner first), else None."""
        of = _OF_ORGANISATION.search(self.text, s, e)
        lead = self.text[s : of.start()].split() if of is not None else []
        lows = [w.casefold().rstrip(".") for w in lead]
        if of is None or not 2 <= len(lead) <= 6 or lows[0] in _DETERMINERS or lows[0] == "a":
            return None
        if not any(is_title(w) for w in lows[:-1]):  # "Station Commander …", not "The Second National Meeting"
            return None
        inner = self.resolve(s, of.start(), at_end=True)
        if inner is None or not (inner.is_name or self._personal(inner.key)):
            return None
        return Speaker(inner.key, inner.shown, phrase, inner.is_name)

    def only_titles(self, s: int, e: int) -> bool:
        """Is ``text[s:e]`` titles, ranks and determiners only
        (:func:`~workbook.extract.speaker_titles.only_titles`)?"""
        return only_titles(self.text, s, e)

    def by_surname(self, word: str, at: int) -> Speaker | None:
        """The person whose surname ``word`` is (see :meth:`_by_surname`): "MR. PARNELL" in a transcript."""
        return self._by_surname(word, at)

    def _by_surname(self, word: str, at: int) -> Speaker | None:
        """The person (entity or earlier named speaker) whose surname ``word`` is, when only one is."""
        low = word.casefold()
        keys = {k for k, n in self.names.items() if self.types.get(k) == "person" and n.split()[-1].casefold() == low}
        if len(keys) == 1:
            key = keys.pop()
            return Speaker(key, self.names[key], word)
        if keys:
            return None
        i = bisect.bisect_left(self._spoke_at, at)
        named = {sp.shown for sp in self._spoke[max(0, i - 50) : i] if sp.is_name and sp.shown}
        matches = [n for n in named if len(n.split()) > 1 and n.split()[-1].casefold() == low]
        if len(matches) == 1:
            return Speaker(None, matches[0], word, is_name=True)
        full = written_full_name(self.text, word, at)
        return Speaker(None, full, word, is_name=True) if full else None
