"""Titles, ranks and names written in a speaker phrase (moved out of ``speakers.py``).

Pure functions over a document's text, used by :class:`~workbook.extract.speakers.SpeakerResolver`:

* :func:`only_titles` / :func:`title_phrase`: is a stretch of text titles, ranks and determiners
  only ("the Defense Minister", "Sgt. 1st Class"), or capitalised words ending in a title
  ("Homeland Security Secretary")?
* :func:`titled_name`: the person's name closing a mention that starts with titles ("Secretary of
  the Navy Carla Ortega").
* :func:`written_full_name`: the full name written before a surname ("Troy Patterson … Patterson
  said").
* :func:`unresolved_speaker`: a speaker phrase with no entity: a generic noun phrase, an
  organisation's name or a person's name as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from workbook.extract.person_forms import POSTNOMINALS
from workbook.extract.speaker_words import (
    FUNCTION_WORD_GIVEN_NAMES,
    GENERIC_EXTRA,
    NAME_JOINS,
    ORDINAL,
    ORG_ANAPHORS,
    PORTFOLIO_NOUNS,
    PUBLIC_BODY_HEADS,
    QUANTIFIERS,
    SPEAKER_DETERMINERS,
    SPEAKER_WORD,
    UNNAMING_MODIFIERS,
    Speaker,
    gender_of_name,
    is_title,
)
from workbook.extract.vocabulary import (
    FEMALE_GIVEN_NAMES,
    HUMAN_NOUNS,
    MALE_GIVEN_NAMES,
    MONTHS,
    NEVER_NAME_START,
    ORG_HEADS,
    WEEKDAYS,
)

__all__ = ["only_titles", "title_phrase", "titled_name", "titled_name_of", "unresolved_speaker", "written_full_name"]


def titled_name(text: str, start: int, end: int) -> str | None:
    """The person's name closing the mention ``text[start:end]`` when it starts with titles
    ("Secretary of the Navy Carla Ortega"): two to four capitalised words after titles, "of" and
    "the" only."""
    words = [(w.start(), w.group()) for w in SPEAKER_WORD.finditer(text, start, end)]
    lows = [w.casefold().rstrip(".") for _, w in words]
    lead = 0
    while lead < len(words) and (is_title(lows[lead]) or lows[lead] in ("of", "the", "for")):
        lead += 1
    rest = words[lead:]
    joins = ("of", "the", "for")
    if lead == 0 or not 2 <= len(rest) <= 4 or lows[0] in joins or lows[lead - 1] in joins:
        return None
    if not all(w[:1].isupper() for _, w in rest) or lows[-1] in ORG_HEADS:
        return None
    return text[rest[0][0] : end]


def titled_name_of(text: str, start: int, end: int) -> str | None:
    """The person's name opening the mention ``text[start:end]`` read whole as an organisation when it
    is titles, a name and "of" an organisation ("Detective Inspector Marcus Oyelaran of the Brenmouth
    Police"): two or three capitalised words after at least one title."""
    words = [(w.start(), w.end(), w.group()) for w in SPEAKER_WORD.finditer(text, start, end)]
    lows = [w.casefold().rstrip(".") for _, _, w in words]
    if "of" not in lows:
        return None
    of = lows.index("of")
    lead = 0
    while lead < of and is_title(lows[lead]):
        lead += 1
    name = words[lead:of]
    if lead == 0 or not 2 <= len(name) <= 3 or name[0][2].casefold() in NEVER_NAME_START:
        return None
    if not all(w[:1].isupper() and not is_title(w.casefold()) for _, _, w in name):
        return None
    return text[name[0][0] : name[-1][1]]


def only_titles(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` made of titles, ranks and determiners only ("the Defense Minister",
    "Sgt. 1st Class"), or of the honour, degree or office letters written after a name ("KC", "MP")?"""
    for w in SPEAKER_WORD.findall(text, s, e):
        lw = w.casefold().rstrip(".").removesuffix("'s").removesuffix("’s")
        if w.rstrip(".") in POSTNOMINALS:  # "Counsel for the group, Niamh Quigley KC, told the court"
            continue
        if not is_title(lw) and lw not in SPEAKER_DETERMINERS and not ORDINAL.fullmatch(lw):
            return False
    return True


def title_phrase(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` capitalised words ending in a title ("Homeland Security Secretary",
    "FBI Director", "Japan's Defense Minister")?"""
    ws = SPEAKER_WORD.findall(text, s, e)
    if not ws or len(ws) > 6:
        return False
    last = ws[-1].casefold().rstrip(".")
    return is_title(last) and all(w[:1].isupper() or w.casefold() in SPEAKER_DETERMINERS for w in ws)


#: The patterns of :func:`written_full_name`, ``{w}`` for the word: the surname after one or two
#: capitalised words, the family name first, the given name first.
_NAME_TEMPLATES = (
    r"\b((?:[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?){{1,2}}){w}\b",
    r"\b{w}\s+([A-Z][a-z]+(?:-[a-z]+)?)(?=\s*,|\s+(?:said|says|told)\b)",
    r"\b{w}\s+([A-Z][a-z][\w'’-]*)\b",
)


@lru_cache(maxsize=1024)
def _name_pattern(kind: int, word: str) -> re.Pattern[str]:
    """Pattern ``kind`` of :data:`_NAME_TEMPLATES` for ``word``, compiled once per word (the same words
    come back document after document, and the per-document patterns push them out of re's cache)."""
    return re.compile(_NAME_TEMPLATES[kind].format(w=re.escape(word)))


def written_full_name(text: str, word: str, at: int) -> str | None:
    """The full name written in the 5,000 characters before ``at`` that ends with the surname
    ``word`` ("Troy Patterson … Patterson said"; titles dropped: "Commodore Jay Tarriela"), else
    one that starts with it, family name first, before a comma or a cue ("Zhang Xiaogang, a
    spokesman … Zhang said"); a given name alone takes the one surname written after it before
    ("Bruce Garcey … Bruce said")."""
    if text.find(word, max(0, at - 5000), at) < 0:
        return None  # every pattern holds the word itself: none can match, and none is compiled
    full = None
    for m in _name_pattern(0, word).finditer(text, max(0, at - 5000), at):
        given = [w for w in m.group(1).split() if not is_title(w.casefold().rstrip("."))]
        if given and given[0].casefold() not in NEVER_NAME_START:
            full = " ".join([*given, word])
    if full is None:
        for m in _name_pattern(1, word).finditer(text, max(0, at - 5000), at):
            full = f"{word} {m.group(1)}"
    low = word.casefold()
    if full is None and (low in MALE_GIVEN_NAMES or low in FEMALE_GIVEN_NAMES):
        # a given name alone ("Bruce indicated …") after the full name ("I spoke to Bruce Garcey"):
        # the one full name written with it
        names = {
            m.group(1)
            for m in _name_pattern(2, word).finditer(text, max(0, at - 5000), at)
            if not is_title(m.group(1).casefold()) and m.group(1).casefold() not in NEVER_NAME_START
        }
        if len(names) == 1:
            full = f"{word} {names.pop()}"
    return full


def _public_body(lows: list[str]) -> bool:
    """ "the defence ministry", "the air force", "the central election commission": a public body named by
    its function (one or two lower-case modifiers before a body's head), shown as written when no
    organisation named before holds its head; "the ministry", "the same agency", "the ministry's" stay
    unshown."""
    modifiers = lows[1:-1]
    return (
        lows[0] == "the"
        and lows[-1] in PUBLIC_BODY_HEADS
        and 1 <= len(modifiers) <= 2
        and all(w.isalpha() and w not in UNNAMING_MODIFIERS and w not in QUANTIFIERS for w in modifiers)
    )


def unresolved_speaker(
    phrase: str,
    words: list[str],
    at: int,
    sentence_initial: bool,
    by_surname: Callable[[str, int], Speaker | None],
) -> Speaker | None:
    """The speaker of a phrase holding no usable mention: a generic noun phrase (shown only when
    qualified: "US intelligence officials"), an organisation's name as written, a person's name
    (``by_surname(word, at)``: the known person whose surname a lone word is), else None."""
    lows = [w.casefold().rstrip(".,") for w in words]
    head = lows[-1].strip("'’")
    if head in HUMAN_NOUNS or head in GENERIC_EXTRA or (head in ORG_ANAPHORS and lows[0] != "of"):
        if len(words) > 5:
            return None
        # "US intelligence officials", "Pentagon spokesman" are shown; "Officials", "an article" not
        qualified = "of" not in lows and any(
            w[:1].isupper() and lw not in SPEAKER_DETERMINERS and lw not in QUANTIFIERS
            for w, lw in zip(words[:-1], lows, strict=False)
        )
        return Speaker(None, phrase if qualified or _public_body(lows) else None, phrase)
    if (  # "The Center for Strategic and International Studies": an organisation's name as written
        3 <= len(words) <= 8
        and any(lw in ORG_HEADS for lw in lows)
        and all(w[:1].isupper() or lw in NAME_JOINS for w, lw in zip(words, lows, strict=True))
        and lows[-1] not in NAME_JOINS
    ):
        name = words[1:] if lows[0] == "the" else words
        return Speaker(None, " ".join(name), phrase)
    name = words[1:] if lows[0] == "the" else words
    portfolio = 2 <= len(name) <= 4 and lows[-1] in PORTFOLIO_NOUNS and all(w[:1].isupper() for w in name)
    if portfolio and not any(is_title(w.casefold()) for w in name[:-1]):  # not "the Chief Justice"
        return Speaker(None, " ".join(name), phrase)  # "National Defence announced": a body by its portfolio
    rest = [
        w
        for w, lw in zip(words, lows, strict=True)
        if not is_title(lw) and lw not in SPEAKER_DETERMINERS and not ORDINAL.fullmatch(lw)
    ]
    lead = len(words) - len(rest)
    if len(rest) == 1 and words[-1] == rest[0] and lows[-1] not in ORG_HEADS:  # "Patterson observed"
        known = by_surname(rest[0], at)
        if known is not None:
            return Speaker(known.key, known.shown, phrase, known.is_name)
        if not sentence_initial and rest[0][:1].isupper() and rest[0].casefold() not in NEVER_NAME_START:
            return Speaker(None, rest[0], phrase, is_name=True)
    if (
        1 <= len(rest) <= 4
        and all(w[:1].isupper() for w in rest)
        and (
            rest[0].casefold() not in NEVER_NAME_START
            or (len(rest) >= 2 and not sentence_initial and rest[0].casefold() in FUNCTION_WORD_GIVEN_NAMES)
        )
        and (len(rest) >= 2 or lead >= 1)
        and words[-len(rest) :] == rest
    ):
        return Speaker(None, " ".join(rest), phrase, is_name=True)
    run = 0  # "Homeland Security Secretary Alejandro Mayorkas": the name after the last title
    while run < len(words) and words[-1 - run][:1].isupper() and not is_title(lows[-1 - run]):
        run += 1
    role_noun = run < len(words) and words[-1 - run].islower() and gender_of_name(words[-run]) is not None
    if 2 <= run <= 4 and run < len(words) and (is_title(lows[-1 - run]) or role_noun):  # "treasurer Nadia Brooks"
        name = words[-run:]
        if name[0].casefold() not in NEVER_NAME_START and lows[-1] not in ORG_HEADS:
            return Speaker(None, " ".join(name), phrase, is_name=True)
    body_noun = run < len(words) and words[-1 - run].islower() and lows[-1 - run] in ORG_ANAPHORS
    calendar = any(w in MONTHS or w in WEEKDAYS for w in lows[-run:]) if run else True  # "daily Tuesday"
    if 1 <= run <= 4 and body_noun and not calendar and lows[-run] not in NEVER_NAME_START:
        return Speaker(None, " ".join(words[-run:]), phrase)  # "The consumer group Fairtrade Watch": the body
    return None
