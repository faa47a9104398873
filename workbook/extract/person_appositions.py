"""People of any origin read from the words right after their name (issue 12, round twenty-one).

The name lists and the learned stage know the given and family names of some cultures better than others:
"Chinonso Eze-Whitfield", "Kwabena Asante-Forde", "Ayodele Fashola-Grey" (hyphenated family names, names
with diacritics, Yoruba, Igbo, Akan, Lithuanian, Turkish or Maori names) went unread or half read. English
prose says what such a name is by the words right after it, whoever the person is:

* *an age between commas*: "Kwabena Asante-Forde, 27, of Harehills", "Aiste Vilkaite, 41, a nurse" (also
  ", aged 27");
* *an apposition naming a person's role or kin*: "Chinonso Eze-Whitfield, the jazz pianist, has died",
  "Funmilayo Ogunleye-Watts, a retired midwife," (a role noun of :func:`is_role_noun`'s shapes:
  "pianist", "teacher", "spokesman"; a word of kin; or one of :data:`PERSON_APPOSITION_NOUNS`; no body's
  head: ", a company", ", the agency" stay what they were);
* *a person's verb*: "Ayodele Fashola-Grey said", "... Marlowe told" (:data:`PERSON_VERBS`).

The pass runs from those cues (a one-character cue, then one pattern at each), looks back for two to four
capitalised name words (hyphenated parts and any Latin letters allowed) and reads them as one person when
each is a name word (no head, title, rank, demonym or everyday word), the first a listed name (given or
family: "Hudson James Marlowe") or a word no list knows, the last one that may end a name
(:func:`may_end_name`), and neither the whole nor its first word a gazetteer place (a town before a listed
given name passes). An everyday word, a role or a gerund opening the run is dropped ("Sentencing Kwabena
Asante-Forde, 27,", "Lecturer Ayodele Fashola-Grey,"). Candidates inside the span give way to the person;
one crossing its edge or an organisation inside leaves everything as it was.

Three smaller passes of the same module (round twenty-one): a hyphenated family name or a name after a
capitalised particle joins the person read right before it (:func:`people_with_family_after`); "the Harris
administration" names a person (:func:`people_of_administrations`); a rank or title, an initial and a family
name ("Rear Adm. Y. Tanaka") are a person (:func:`people_by_initial`); a name after a title ending in "of"
and a word loses that word ("Deputy Chief of Mission Lorna Vitale": :func:`people_after_title_of`).
"""

from __future__ import annotations

import re

from workbook.extract.entity_runs import NAME_PARTICLES, Candidate
from workbook.extract.ner_features import TITLE_WORDS
from workbook.extract.person_words import (
    GazType,
    Kinds,
    cued_person,
    may_end_name,
    name_kind,
    name_word,
    replace_with_person,
    unknown_word,
)
from workbook.extract.ranks import RANK_WORDS
from workbook.extract.shared_scans import cue_matches
from workbook.extract.speaker_words import FEMALE_NOUNS, INFORMAL_TITLES, MALE_NOUNS, PUBLIC_BODY_HEADS, is_role_noun
from workbook.extract.vocabulary import MONTHS, ORG_HEADS, PERSON_VERBS, WEEKDAYS
from workbook.ingest.normalise import builtin_words


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


__all__ = [
    "CAPITAL_PARTICLES",
    "PERSON_APPOSITION_NOUNS",
    "people_after_title_of",
    "people_by_apposition",
    "people_by_initial",
    "people_of_administrations",
    "people_with_family_after",
]

#: Nouns of a person's calling or state that the role shapes ("-ist", "-er", "-or", "-man") miss.
PERSON_APPOSITION_NOUNS = _words(
    """nurse midwife doctor surgeon paramedic chef cook student pupil graduate veteran pensioner nun monk
    priest vicar imam rabbi poet athlete coach mp councillor cllr mayor judge clerk carer volunteer
    mum dad grandfather grandmother parent child teenager pilot diplomat specialist expert
    """
)

#: The cues after a name: an age between commas, ", aged N", an apposition's article ("phrase": the words
#: after it), a person's verb ("verb"); each found from its one-character cue.
_COMMA_CUE = re.compile(r",(?=[ \t]+(?:aged[ \t]+)?\d|[ \t]+(?:the|a|an)[ \t])")
_COMMA = re.compile(
    r",[ \t]+(?:aged[ \t]+)?\d{1,3}(?=[,.;])"
    r"|,[ \t]+(?:the|a|an)[ \t]+(?P<phrase>(?:[a-z][a-z'’-]*[ \t]+){0,4}[a-z][a-z'’-]*)"
)
_VERB_CUE = re.compile(rf"[ \t](?=(?:{'|'.join(sorted(PERSON_VERBS))})\b)")
_VERB = re.compile(r"[ \t]+[a-z]+\b")
#: Up to four capitalised words (hyphenated parts, any Latin letters) ending right before a cue.
_NAME_PART = r"[^\W\d_][\w'’]*"
_RUN_BEFORE = re.compile(
    rf"(?<![\w'’.&-])((?:{_NAME_PART}(?:-{_NAME_PART})*[ \t]+){{1,3}}{_NAME_PART}(?:-{_NAME_PART})*)\Z"
)
#: Words that stop an apposition's phrase before its head noun: "a specialist in coastal erosion".
_PHRASE_STOPS = _words("of in at for from with on to and who which that")
#: Nouns of bodies and writings the role test counts among the speakers of a sentence ("the editorial
#: says", "the ministry said"): no person's apposition.
_NOT_PERSON_HEADS = (
    ORG_HEADS
    | PUBLIC_BODY_HEADS
    | _words(
        """intelligence government governments ministry military agency police authorities authority media
        statement report study survey people army command committee navy group groups organisation
        organization company newspaper commentary article editorial"""
    )
)


def _person_phrase(phrase: str) -> bool:
    """Does the apposition's phrase (after its article) name a person: a role noun, kin or calling?"""
    words = []
    for w in phrase.split():
        if w in _PHRASE_STOPS:
            break
        words.append(w)
    return any(
        w not in _NOT_PERSON_HEADS
        and (w in PERSON_APPOSITION_NOUNS or w in MALE_NOUNS or w in FEMALE_NOUNS or is_role_noun(w))
        for w in words
    )


def _capitalised(word: str) -> bool:
    return all(part[:1].isupper() and not part.isupper() for part in word.split("-"))


def _everyday(word: str, common: frozenset[str]) -> bool:
    """An everyday word, a title or role ("Lecturer", "Recorder") or a gerund ("Sentencing") that may
    open a sentence before a name."""
    w = word.casefold()
    return (
        w in common
        or w in builtin_words()
        or not name_word(word, common)
        or is_role_noun(w)
        or (w.endswith("ing") and "-" not in w)
    )


def _title_like(word: str, following: str, names: Kinds) -> bool:
    """A word no name list holds before a listed given name ("Supremo Dana Whitlock"): a title's place."""
    return word.casefold() in INFORMAL_TITLES or (not name_kind(word, names) and "g" in name_kind(following, names))


def _name_run(
    text: str, end: int, names: Kinds, common: frozenset[str], gaz_type: GazType
) -> tuple[int, list[str]] | None:
    """The start and words of the person's name ending at ``end``, or None."""
    m = _RUN_BEFORE.search(text, max(0, end - 90), end)
    if m is None:
        return None
    words = m.group(1).split()
    start = m.start(1)
    if not all(_capitalised(w) for w in words):
        # Keep the capitalised tail only ("met Chinonso Eze-Whitfield"): the regex allows lower-case words.
        k = max((i + 1 for i, w in enumerate(words) if not _capitalised(w)), default=0)
        for w in words[:k]:
            start = text.index(w, start) + len(w)
        words = words[k:]
        start = text.index(words[0], start) if words else start
    while len(words) > 2 and (_everyday(words[0], common) or _title_like(words[0], words[1], names)):
        start = text.index(words[0], start) + len(words[0])
        words = words[1:]
        start = text.index(words[0], start)
    if len(words) < 2 or not all(name_word(w, common) for w in words):
        return None
    first, last = words[0], words[-1]
    if first.casefold() in MONTHS or first.casefold() in WEEKDAYS:
        return None  # "on 14 June Hargreaves said": the date (a month before a name is person_context's)
    if not (name_kind(first, names) or unknown_word(first, names, common, gaz_type)):
        return None
    # A town before a listed given name and a family name is a given name too ("Hudson James Marlowe").
    town_given = len(words) >= 3 and "g" in name_kind(words[1], names)
    if gaz_type(first) == "place" and "g" not in name_kind(first, names) and not town_given:
        return None
    if not may_end_name(last, names, common, gaz_type) or gaz_type(" ".join(words)) is not None:
        return None
    if gaz_type(last) == "place":  # "Juche Korea, the editorial says"
        return None
    for w in words[1:-1]:
        if not (name_kind(w, names) or unknown_word(w, names, common, gaz_type)):
            return None
    return start, words


def people_by_apposition(
    text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: GazType
) -> None:
    """``out`` with the people of the module docstring read (in place)."""
    if not names:
        return
    for m in [*cue_matches(_COMMA, text, _COMMA_CUE), *cue_matches(_VERB, text, _VERB_CUE)]:
        phrase = m.groupdict().get("phrase")
        if phrase is not None and not _person_phrase(phrase):
            continue
        found = _name_run(text, m.start(), names, common, gaz_type)
        if found is None:
            continue
        start, words = found
        end = m.start()
        if any(c.type == "person" and c.start == start and c.end == end for c in out):
            continue
        replace_with_person(out, start, end, cued_person(start, end, tuple(words)))


#: Particles of Irish, Scottish and Arabic family names written capitalised inside a name and always followed
#: by the rest of it ("Saoirse Ní Bhriain", "Gráinne Nic Aodha"); the lower-case ones ("bin", "van", "de")
#: are :data:`workbook.extract.entity_runs.NAME_PARTICLES`.
CAPITAL_PARTICLES = _words("ní nic ó ua mac binti ibn")
#: A capitalised word right after a person: a hyphenated family name ("Kawhia-Stone") or any name word
#: (after a particle), with no capitalised word after it.
_NEXT_NAME = re.compile(rf"[ \t]({_NAME_PART}(?:-{_NAME_PART})*)(?![\w'’-]|[ \t]+[A-Z])")


def people_with_family_after(
    text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: GazType
) -> None:
    """A person read without the family name written right after it gets it (in place): a hyphenated
    family name each of whose parts may end a name ("Mereana" + "Kawhia-Stone") or any name word after a
    name particle the person ends in ("Saoirse Ní" + "Bhriain")."""
    if not names:
        return
    for k, c in enumerate(out):
        if c.type != "person" or c.person is None:
            continue
        m = _NEXT_NAME.match(text, c.end)
        if m is None:
            continue
        word = m.group(1)
        last = c.person.words[-1].casefold() if c.person.words else ""
        after_particle = last in CAPITAL_PARTICLES | NAME_PARTICLES and len(c.person.words) >= 2
        if after_particle:
            ok = _capitalised(word) and name_word(word, common) and gaz_type(word) is None
        else:
            parts = word.split("-")
            ok = (
                len(parts) == 2
                and _capitalised(word)
                and all(may_end_name(p, names, common, gaz_type) for p in parts)
                and gaz_type(word) is None
            )
        if not ok or any(d.start < m.end() and m.start(1) < d.end for d in out):
            continue
        out[k] = cued_person(c.start, m.end(), (*c.person.words, word))


#: "the Harris administration", "the Okonjo presidency": the person whose government is meant.
_ADMINISTRATION = re.compile(
    rf"(?<![\w'’-])[Tt]he[ \t]+({_NAME_PART}(?:-{_NAME_PART})*)[ \t]+(?:administration|presidency)\b"
)


def people_of_administrations(
    text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: GazType
) -> None:
    """A capitalised word between "the" and a lower-case "administration" or "presidency" that is a listed
    family name or a word no list knows, no gazetteer place and no everyday word ("the Harris administration",
    "the Okonjo presidency"; "the Kenya administration", "the Federal administration" stay what they were)
    is a person (in place); a span ending in it and reaching back over "the" is dropped."""
    if not names or ("administration" not in text and "presidency" not in text):
        return
    for m in _ADMINISTRATION.finditer(text):
        word = m.group(1)
        if not _capitalised(word) or not name_word(word, common) or gaz_type(word) == "place":
            continue
        if "s" not in name_kind(word, names) and not unknown_word(word, names, common, gaz_type):
            continue
        if word.casefold() in builtin_words():
            continue
        a, b = m.span(1)
        # a span ending in the name and reaching back over "the" ("Critics of the Okonjo") is no name
        out[:] = [c for c in out if not (c.end == b and c.start < a and c.type != "organization")]
        replace_with_person(out, a, b, cued_person(a, b, (word,)))


#: An initial and a family name ("Y. Tanaka", "K. Mensah-Bonsu") after a rank or a title word ending in a
#: full stop or not ("Rear Adm. Y. Tanaka", "Dr A. Okonkwo"); found from the initial.
_INITIAL_CUE = re.compile(r"[A-Z](?=\.[ \t]+[A-Z][a-z])")
_INITIAL = re.compile(rf"[A-Z]\.[ \t]+({_NAME_PART}(?:-{_NAME_PART})*)(?![\w'’-]|[ \t]+[A-Z])")
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Za-z]+)\.?[ \t]+\Z")


def people_by_initial(text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: GazType) -> None:
    """An initial and a family name right after a rank or a title ("Rear Adm. Y. Tanaka", "Dr A. Okonkwo",
    "Judge R. Haverford") is a person named so (in place), when the family name may end a name and no
    capitalised word follows it ("Gen. J. Smith Company" is left alone)."""
    if not names:
        return
    for m in cue_matches(_INITIAL, text, _INITIAL_CUE):
        if text[m.start() - 1 : m.start()] not in (" ", "\t"):
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if before is None or before.group(1).casefold() not in RANK_WORDS | TITLE_WORDS:
            continue
        family = m.group(1)
        if not _capitalised(family) or not may_end_name(family, names, common, gaz_type):
            continue
        if any(c.type == "person" and c.start == m.start() and c.end == m.end() for c in out):
            continue
        replace_with_person(
            out, m.start(), m.end(), cued_person(m.start(), m.end(), (text[m.start() : m.start() + 2], family))
        )


#: A title ending in "of", the word it governs, a given name and a family name: "Deputy Chief of Mission
#: Lorna Vitale", "Head of Delegation Tomasz Nowicki".
_TITLE_OF_NAME = re.compile(
    r"(?<![\w'’.-])([A-Z][a-z]+)[ \t]+of[ \t]+([A-Z][a-z]+)[ \t]+([A-Z][\w'’-]+)[ \t]+([A-Z][\w'’-]+)"
    r"(?![\w'’-]|[ \t]+[A-Z])"
)


def people_after_title_of(
    text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: GazType
) -> None:
    """A listed given name and a name's last word right after a title ending in "of" and the word it governs
    ("Deputy Chief of Mission Lorna Vitale", "Head of Delegation Tomasz Nowicki") are a person (in place);
    a span of another kind reaching from the governed word into the name ("Mission Lorna Vitale" read as
    an event) is dropped first. The governed word must be no listed given name itself."""
    if not names or " of " not in text:
        return
    for m in _TITLE_OF_NAME.finditer(text):
        title, governed, given, family = m.groups()
        if title.casefold() not in TITLE_WORDS | RANK_WORDS or "g" in name_kind(governed, names):
            continue
        if "g" not in name_kind(given, names) or not name_word(given, common):
            continue
        if not may_end_name(family, names, common, gaz_type):
            continue
        a, b = m.start(3), m.end()
        out[:] = [c for c in out if not (c.start < a < c.end and c.type not in ("person", "organization"))]
        replace_with_person(out, a, b, cued_person(a, b, (given, family)))
