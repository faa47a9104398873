"""Capitalised spans whose words are titles or common words: no names (issue 12, round eighteen).

News capitalises many words that name nothing: a title alone ("the Mayor", "Former Mayor"), a
portfolio before a title ("the Defence Secretary", "Health Minister"), a headline's verbs and nouns
("Prime Minister Wins Confidence Vote", "Obituary: ... Dies At 88"), and common nouns written in
Title Case in running text or a heading ("Business Promotion", "Search Engine Optimization").
Each test below looks at one candidate the rules or the classifier made and says whether its words
are such words; :func:`without_common_word_spans` drops those candidates:

* :func:`title_alone`: a person of title, role and modifier words only ("Former Mayor", "Chief
  Inspector"), or of one title word after an article, a possessive or "as" ("the Mayor", "as Mayor of
  Dunedin") or opening a line as its label ("Defence: Navy Orders Frigates"); a one-word title that
  is a given name ("King", "Prince"), a word of another person's name in the document ("Major" after
  "John Major") or a surname where a surname stands ("Bishop said") stays;
* :func:`portfolio_before_title`: a one-word person, no given name, right before a title word
  ("Defence Secretary", "Finance Director", "Transport Minister"): the portfolio of the title;
* :func:`common_words_person`: a person of two words or more, every one a common lower-case word
  (the built-in word list and the model's, with their plurals), none a given name or a name
  particle ("Wins Confidence Vote", "Dies At", "Equity Derivatives"; "Rich Young", "Bin Laden" stay);
* :func:`common_noun_phrase`: a place or organisation of two words or more that no gazetteer and no
  list of known names holds, every word a common lower-case word, no word the head of an
  organisation, facility, street or place ("Agency", "Hall", "Street", "Bay"), its last word a noun of
  action in "-tion" or "-sion" ("Business Promotion", "Search Engine Optimization", "Sales
  Promotion"; "Live Nation", a body's noun, stays; a plural is no sign: "Garage Pros" is a firm), and
  over no gazetteer name;
* :func:`happening_noun_phrase` (round nineteen): any name of words that are common words, diseases or
  crimes (:mod:`workbook.extract.vocabulary_common_nouns`), one word a disease or a crime and the last
  a disease, a crime or a headline's noun after one ("Cholera", "Armed Robbery", "Measles Cases",
  "Fraud Charges"; "Epilepsy Action", "Cancer Research UK" stay). Not when the gazetteer knows it, when
  it opens with a given name, or when a title cues a person. ("the Town Hall" stays a name: GUM tags a
  capitalised "City Hall" as proper nouns.)
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

from workbook.extract.entity_bounds import PLACE_TAILS
from workbook.extract.entity_runs import CUED_PERSON, GAZETTEER, NAME_PARTICLES, NAMED, Candidate
from workbook.extract.ner_features import TITLE_WORDS
from workbook.extract.ner_model import EntityModel
from workbook.extract.vocabulary import FACILITY_HEADS, ORG_HEADS, ROLE_NOUNS, STREET_WORDS, TITLE_MODIFIERS
from workbook.extract.vocabulary_common_nouns import (
    CRIME_MODIFIERS,
    CRIME_NOUNS,
    DISEASE_NOUNS,
    HAPPENING_TAILS,
)
from workbook.ingest.normalise import builtin_words

__all__ = [
    "common_noun_phrase",
    "common_words_person",
    "happening_noun_phrase",
    "portfolio_before_title",
    "title_alone",
    "without_common_word_spans",
]

_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
_CONNECTORS = frozenset({"of", "the", "and", "for", "&"})
#: Words of a title alone: titles and ranks, role nouns, their modifiers, and "former" / "late".
_TITLE_ALONE = TITLE_WORDS | ROLE_NOUNS | TITLE_MODIFIERS | frozenset({"former", "late", "then", "outgoing"})
#: Words before a title alone ("the Mayor", "as Mayor of Dunedin", "her Deputy").
_BEFORE_TITLE = frozenset(
    ["the", "a", "an", "as", "his", "her", "their", "its", "our", "your", "my", "former", "new", "then", "late"]
)
_LAST_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")
#: Words after which a capitalised word is a portfolio ("Defence Secretary", "Health Minister").
_HOLDERS = frozenset(
    [
        "minister",
        "secretary",
        "director",
        "officer",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "correspondent",
        "editor",
        "commissioner",
        "chief",
        "chairman",
        "chairwoman",
        "manager",
        "inspector",
        "adviser",
        "advisor",
    ]
)
#: No common-noun phrase holds one of these: a name's head ("Agency", "Court", "Hall", "Street", "Bay").
_NAME_HEADS = ORG_HEADS | FACILITY_HEADS | STREET_WORDS | PLACE_TAILS
#: Endings of nouns of action ("Promotion", "Optimization", "Admission").
_NOUN_ENDINGS = ("tion", "sion")
#: Nouns of those endings that name a body of people: a firm's or a group's last word ("Live Nation").
_BODY_NOUNS = frozenset(
    [
        "nation",
        "coalition",
        "federation",
        "confederation",
        "mission",
        "delegation",
        "convention",
        "foundation",
        "generation",
        "congregation",
        "division",
        "legion",
        "union",
        "television",
        "station",
        "institution",
    ]
)
_NAME_TYPES = frozenset({"place", "organization", "facility"})
_HAPPENING_TYPES = _NAME_TYPES | {"person"}


def _words(text: str, start: int, end: int) -> list[str]:
    return [w for w in map(str.casefold, _WORD.findall(text, start, end)) if w not in _CONNECTORS]


def _common(word: str, vocabulary: Collection[str]) -> bool:
    """Is ``word`` (lower case) a common word of ``vocabulary`` or the plural of one?"""
    if word in vocabulary:
        return True
    if not word.endswith("s"):
        return False
    return (
        word[:-1] in vocabulary
        or (word.endswith("es") and word[:-2] in vocabulary)
        or (word.endswith("ies") and word[:-3] + "y" in vocabulary)
    )


def _given(word: str, names: Mapping[str, str]) -> bool:
    return "g" in names.get(word, "")


def title_alone(text: str, start: int, end: int, names: Mapping[str, str], name_words: Collection[str]) -> bool:
    """Is ``text[start:end]`` a title alone, not a one-word name (see the module docs)? One word is a
    title only after an article, a possessive, "as" or a modifier ("the Mayor", "as Mayor of Dunedin",
    "his Chief") or as a line's label ("Defence: ..."), never a given name or a word of the document's
    full names ("Major" of "John Major")."""
    words = _words(text, start, end)
    if not words or not all(w in _TITLE_ALONE for w in words):
        return False
    if len(words) > 1:
        return True
    lead = text[max(0, start - 8) : start]  # only spaces between the line's start and the word: a label
    label = text[end : end + 1] == ":" and ("\n" in lead or start <= 8) and not lead.rsplit("\n", 1)[-1].strip()
    before = _LAST_WORD.search(text, max(0, start - 30), start)
    return (label or (before is not None and before.group(1).casefold() in _BEFORE_TITLE)) and not (
        _given(words[0], names) or words[0] in name_words
    )


def portfolio_before_title(text: str, start: int, end: int, names: Mapping[str, str]) -> bool:
    """Is the one word ``text[start:end]`` a portfolio before a title ("Defence Secretary")?"""
    words = _words(text, start, end)
    if len(words) != 1 or _given(words[0], names):
        return False
    m = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return m is not None and m.group().casefold() in _HOLDERS


def common_words_person(words: Sequence[str], vocabulary: Collection[str], names: Mapping[str, str]) -> bool:
    """Are the person's ``words`` (lower case, two or more) all common words, none a given name?"""
    return (
        len(words) >= 2
        and all(_common(w, vocabulary) for w in words)
        and not any(_given(w, names) or w in NAME_PARTICLES for w in words)
    )


def common_noun_phrase(words: Sequence[str], vocabulary: Collection[str]) -> bool:
    """Are a place's or organisation's ``words`` (lower case, two or more) a common noun phrase?"""
    if len(words) < 2 or any(w in _NAME_HEADS for w in words):
        return False
    last = words[-1]
    action = last.endswith(_NOUN_ENDINGS) and last not in _BODY_NOUNS
    return action and all(_common(w, vocabulary) for w in words)


_HAPPENINGS = DISEASE_NOUNS | CRIME_NOUNS
_HAPPENING_ENDS = _HAPPENINGS | HAPPENING_TAILS


def _last_word(name: str) -> str:
    parts = name.rsplit(None, 1)
    return parts[-1].casefold() if parts else ""


def happening_noun_phrase(words: Sequence[str], vocabulary: Collection[str]) -> bool:
    """Are a name's ``words`` (lower case) a disease or a crime (see the module docs)?"""
    if not words:
        return False
    last = words[-1]
    if last not in _HAPPENINGS and (last not in HAPPENING_TAILS or len(words) < 2):
        return False
    return any(w in _HAPPENINGS for w in words) and all(
        w in _HAPPENINGS or w in CRIME_MODIFIERS or _common(w, vocabulary) for w in words
    )


@lru_cache(maxsize=4)
def _vocabulary(common: frozenset[str]) -> frozenset[str]:
    """The built-in lower-case word list and the model's common words (one set per model)."""
    return builtin_words() | common


def without_common_word_spans(text: str, cands: list[Candidate], model: EntityModel | None) -> list[Candidate]:
    """``cands`` without the people and names whose words are titles or common words (the tests
    above). Cued people ("Mayor Jules Radich"), gazetteer entries and known names are never dropped.
    Without a ``model`` (its given names and common words), only titles alone are tested."""
    names: Mapping[str, str] = model.names if model is not None else {}
    vocabulary = _vocabulary(model.common if model is not None else frozenset())
    name_words = {  # the words of the document's full names ("Major" of "John Major"), not of a title ("Former Mayor")
        w.casefold()
        for c in cands
        if c.person is not None and len(c.person.words) > 1 and not title_alone(c.name, 0, len(c.name), names, ())
        for w in c.person.words
    }
    gazetteer = bytearray(len(text) + 1)  # "United States" the classifier read where the gazetteer did too
    for c in cands:
        if c.gaz is not None:
            gazetteer[c.start : c.end] = b"\x01" * (c.end - c.start)
    out = []
    for c in cands:
        person = c.type == "person"
        if person and names and common_words_person(_words(text, c.start, c.end), vocabulary, names):
            continue  # "Prime Minister Wins Confidence Vote": even after a title
        if (
            c.strength < CUED_PERSON
            and c.strength != GAZETTEER
            and c.gaz is None
            and c.type in _HAPPENING_TYPES
            and _last_word(c.name) in _HAPPENING_ENDS  # a cheap look first: most names end otherwise
            and happening_noun_phrase(_words(text, c.start, c.end), vocabulary)
            and not _given(c.name.split()[0].casefold(), names)
        ):
            continue  # "Cholera Cases Climb", "Armed Robbery At Jewellers"
        if c.strength >= CUED_PERSON or c.gaz is not None or c.strength == GAZETTEER:
            out.append(c)
            continue
        if person and (
            title_alone(text, c.start, c.end, names, name_words)
            or (names and portfolio_before_title(text, c.start, c.end, names))
        ):
            continue
        if (
            c.type in _NAME_TYPES
            and c.strength < NAMED
            and names
            and common_noun_phrase(_words(text, c.start, c.end), vocabulary)
            and gazetteer.find(1, c.start, c.end) < 0
        ):
            continue
        out.append(c)
    return out
