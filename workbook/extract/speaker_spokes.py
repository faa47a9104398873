"""A body's spokesperson with no name of their own (round fifteen of issue 12).

A news report often gives a body's words through a nameless spokesperson: "a foreign ministry
spokesman said", "A council spokeswoman said", "an embassy spokeswoman said", "a spokesman for the
regional government said", "A Rovers spokesman said". The spokesperson speaks for the body
(:func:`spokesperson_body` reads the body's words from the phrase; the resolver finds the body: an
organisation named before whose name holds the body's head, a body written before with a modifier
("The Canadian embassy" for "an embassy spokeswoman"), or the body's words as written). A "he" / "she"
in the next sentence, with no person named in between, is the same spokesperson
(:func:`spokesperson_before`): "…, a spokesman for the regional government said. The work will start in
April, he said."

Pure functions over the text; each looks at one phrase, or at most the sentence before a pronoun.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence

from workbook.extract.base import MentionRecord
from workbook.extract.speaker_words import (
    ORG_ANAPHORS,
    PUBLIC_BODY_HEADS,
    QUANTIFIERS,
    UNNAMING_MODIFIERS,
    Speaker,
    is_title,
)
from workbook.extract.vocabulary import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES

__all__ = [
    "BODY_HEADS",
    "SPOKESPERSON_FOR",
    "body_spoken_for",
    "fits_pronoun",
    "ministry_of_minister",
    "other_spokesperson",
    "spokesperson_before",
    "spokesperson_body",
    "titled_spokesperson",
    "written_body",
]

_NOUN = r"(?P<noun>spokes(?:wo)?man|spokesperson)"
#: "a foreign ministry spokesman", "A Rovers spokesman": the body's words before the noun.
_BODY_BEFORE = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?P<body>(?:[\w'’.&-]+\s+){1,3}?)" + _NOUN)
#: "a spokesman for the regional government", "a spokesperson for the council": the body after it.
_BODY_AFTER = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+" + _NOUN + r"\s+(?:for|of|at)\s+(?:the\s+)?(?P<body>[\w'’.&-]+(?:\s+[\w'’.&-]+){0,3})"
)
#: The words before the body in "a spokesman for the DPRK Ministry of National Defence".
SPOKESPERSON_FOR = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:spokes(?:wo)?man|spokesperson)\s+(?:for|of|at)\s+")
#: The same phrase inside a sentence, up to the cue or a comma: found before a pronoun.
_IN_SENTENCE = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:(?:[\w'’.&-]+\s+){1,3}?" + _NOUN + r"|(?P<noun2>spokes(?:wo)?man|spokesperson)"
    r"\s+(?:for|of|at)\s+(?:the\s+)?[\w'’.&-]+(?:\s+(?!said\b|says\b|told\b|added\b|on\b)[\w'’.&-]+){0,3})"
    r"(?=\s+(?:said|says|told|added|confirmed|announced|on)\b)"
)
#: The heads of a body a spokesperson may speak for, written lower-case ("an embassy spokeswoman").
BODY_HEADS = ORG_ANAPHORS | PUBLIC_BODY_HEADS
_WORD = re.compile(r"[\w'’.&-]+")


def spokesperson_body(phrase: str) -> tuple[list[str], str] | None:
    """The body's words and the role noun of a nameless spokesperson phrase ("a foreign ministry
    spokesman" → (["foreign", "ministry"], "spokesman")), or None when the phrase is not one. The body's
    words are all lower-case with a body's head last, or all capitalised ("A Rovers spokesman")."""
    m = _BODY_BEFORE.fullmatch(phrase) or _BODY_AFTER.fullmatch(phrase)
    if m is None:
        return None
    body = m.group("body").split()
    lows = [w.casefold() for w in body]
    if all(w[:1].isupper() for w in body):
        return body, m.group("noun").casefold()
    if not all(w.islower() and w.isalpha() for w in body) or lows[-1] not in BODY_HEADS:
        return None
    if any(w in UNNAMING_MODIFIERS or w in QUANTIFIERS for w in lows[:-1]):
        return None  # "the same ministry spokesman": which body is not said
    return body, m.group("noun").casefold()


def body_spoken_for(
    text: str,
    mentions: Sequence[MentionRecord],
    mention_starts: Sequence[int],
    types: Mapping[str, str],
    names: Mapping[str, str],
    phrase: str,
    at: int,
    organisation: Callable[[str, list[str], int], Speaker | None],
) -> Speaker | None:
    """The body a nameless spokesperson phrase at ``at`` speaks for ("a foreign ministry spokesman", "A
    council spokeswoman", "a spokesman for the regional government", "A Rovers spokesman"): an organisation
    named in the 3,000 characters before whose name holds the body's capitalised words, or (``organisation``,
    the resolver's "the <head>" look-up) its head; else a body written before with a modifier ("The
    Canadian embassy" for "an embassy spokeswoman"); else the body's words as written when they name it
    (capitalised, or a public body's head after one or two modifiers); None when the phrase is not one."""
    parsed = spokesperson_body(phrase)
    if parsed is None:
        return None
    body = parsed[0]
    lows = [w.casefold() for w in body]
    if body[0][:1].isupper():
        if any(is_title(w) or w in MALE_GIVEN_NAMES or w in FEMALE_GIVEN_NAMES for w in lows):
            return None  # "a Senator Reed spokesman", "a Maria spokeswoman": a person's
        i = bisect.bisect_left(mention_starts, at) - 1
        for j in range(i, max(-1, i - 60), -1):
            m = mentions[j]
            if at - m.start > 3000:
                break
            name = names.get(m.entity_key, "").casefold().split()
            if types.get(m.entity_key) == "organization" and set(lows) <= set(name):
                return Speaker(m.entity_key, names[m.entity_key], phrase)  # "A Brenwick spokesman"
        return Speaker(None, " ".join(body), phrase)
    org = organisation(phrase, ["the", *body], at)
    if org is not None and org.shown:
        return org
    written = written_body(text, body, at)
    if written is not None:
        return Speaker(None, written, phrase)
    if 2 <= len(body) <= 3 and lows[-1] in BODY_HEADS:  # "a foreign ministry spokesman": as written
        return Speaker(None, " ".join(body), phrase)
    return None


def written_body(text: str, body: list[str], at: int) -> str | None:
    """A body written in the 3,000 characters before ``at`` with a modifier before the head ``body``
    holds ("The Canadian embassy in Lima" for "an embassy spokeswoman": "Canadian embassy"), when
    ``body`` is one lower-case head word; the latest such, or None."""
    if len(body) != 1:
        return None
    found = re.compile(
        r"\b(?:[Tt]he|[A-Z][\w]*['’]s)\s+((?:[A-Z][\w'’-]+\s+){1,2}|[a-z]{3,}\s+)" + re.escape(body[0]) + r"\b"
    )
    last = None
    for m in found.finditer(text, max(0, at - 3000), at):
        modifier = m.group(1).split()
        if not any(w.casefold() in UNNAMING_MODIFIERS or w.casefold() in QUANTIFIERS for w in modifier):
            last = " ".join([*modifier, body[0]])
    return last


#: A minister titled by portfolio: "Interior Minister Jakub Wrona", "Foreign Minister Ana Ruiz" (not "Prime").
_PORTFOLIO_MINISTER = re.compile(r"\b([A-Z][a-z]{3,}(?: [A-Z][a-z]{3,})?) Minister\s+[A-Z]")


def ministry_of_minister(text: str, at: int) -> str | None:
    """ "the ministry" at ``at`` with no ministry named before: the ministry of the one portfolio whose
    minister is written by title in the 3,000 characters before ("The ministry in Warsaw said" after
    "Interior Minister Jakub Wrona": "interior ministry"); None when no portfolio or two are written."""
    portfolios = {m.group(1).casefold() for m in _PORTFOLIO_MINISTER.finditer(text, max(0, at - 3000), at)}
    if any("prime" in p.split() for p in portfolios):
        return None  # "Prime Minister X": no portfolio, and the ministry meant is not said
    return f"{portfolios.pop()} ministry" if len(portfolios) == 1 else None


def spokesperson_before(text: str, lo: int, at: int) -> tuple[int, int, str] | None:
    """The last nameless spokesperson phrase written as a speaker in ``text[lo:at]`` (the sentence
    before a pronoun and the pronoun's own), with its role noun."""
    last = None
    for m in _IN_SENTENCE.finditer(text, lo, at):
        last = (m.start(), m.end(), (m.group("noun") or m.group("noun2")).casefold())
    return last


def titled_spokesperson(as_written: str, noun: str, text: str, lo: int, at: int) -> bool:
    """Is ``as_written`` a person with the role ``noun`` as a qualified title before the name ("Opposition
    transport spokesman Tom Hardy") while a nameless spokesperson with that noun was written in ``text[lo:at]``?
    Then a bare "the spokesman" at ``at`` is the nameless one. A bare title ("spokesman Wang Lei" after "a
    foreign ministry spokesman said") may name that same spokesperson and is kept."""
    titled = re.search(rf"\w\s+{re.escape(noun)}\s+[A-Z]", as_written, re.IGNORECASE) is not None
    return titled and nameless_spokesperson(text, noun, lo, at)


def other_spokesperson(text: str, noun: str, title_at: int, lo: int, at: int) -> bool:
    """The same test on the text: is the title ``noun`` written at ``title_at`` qualified (a word right
    before it: "defence spokesman") while a nameless spokesperson with that noun was written in ``text[lo:at]``?"""
    qualified = re.search(r"\w\s+$", text[max(0, title_at - 40) : title_at]) is not None
    return qualified and nameless_spokesperson(text, noun, lo, at)


def nameless_spokesperson(text: str, noun: str, lo: int, at: int) -> bool:
    """Was a nameless spokesperson with the role ``noun`` ("spokesman") written as a speaker in
    ``text[lo:at]`` ("A spokesman for the Department of Transport said")?"""
    nameless = spokesperson_before(text, lo, at)
    return nameless is not None and nameless[2] == noun


def fits_pronoun(noun: str, pronoun: str) -> bool:
    """Can ``pronoun`` ("he"/"she") stand for a spokesperson written with the role noun ``noun``?"""
    if noun == "spokesman":
        return pronoun == "he"
    if noun == "spokeswoman":
        return pronoun == "she"
    return True
