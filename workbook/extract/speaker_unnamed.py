"""People a report quotes without naming them: a lawyer or a relative of someone (round twenty-three of issue 12).

"A lawyer for Mr Doyle said …", "The mother of one of the injured passengers said …", "the victim's sister told
reporters …", "His solicitor said …": the speaker is a person the text does not name, and a name inside the phrase
(Mr Doyle) is the person spoken for or about, not the speaker. Such a phrase (:func:`unnamed_relation`) is a generic
speaker: the claim is kept with nobody shown and the words as written, as the issue asks for "officials". A "he" /
"she" in the next sentence (or later in the same one), with no person named in between, is that same unnamed person
(:func:`relation_before`) when the noun's gender fits the pronoun ("the mother …" is "she", "a lawyer …" either).
A lawyer for a body ("a lawyer for Rosewood Lodge Ltd", "counsel for the ministry") speaks for it, as its
spokesperson would: the resolver reads that phrase as the body's.

A spokesperson is not one of them: "a spokesman for the council" speaks for the council
(:mod:`workbook.extract.speaker_spokes`). Pure functions over the text; each looks at one phrase, or at most the
sentence before a pronoun and the pronoun's own.
"""

from __future__ import annotations

import re

__all__ = ["COUNSEL_NOUNS", "RELATION_NOUNS", "relation_before", "relation_start", "unnamed_relation"]

#: Those who speak for a person in court or to the press: never the person they speak for.
COUNSEL_NOUNS = frozenset({"lawyer", "solicitor", "barrister", "attorney", "counsel"})
#: Relatives by gender, for the pronoun that may stand for them.
FEMALE_KIN = frozenset(
    {"mother", "daughter", "wife", "widow", "sister", "aunt", "niece", "grandmother", "granddaughter", "stepmother"}
)
MALE_KIN = frozenset(
    {"father", "son", "husband", "widower", "brother", "uncle", "nephew", "grandfather", "grandson", "stepfather"}
)
#: A singular person the text names only by their tie to someone else.
RELATION_NOUNS = COUNSEL_NOUNS | FEMALE_KIN | MALE_KIN | frozenset({"cousin", "neighbour", "neighbor"})

_NOUNS_BY_LENGTH = tuple(sorted(RELATION_NOUNS, key=len, reverse=True))
_NOUNS = "|".join(_NOUNS_BY_LENGTH)
#: What may stand before the noun: a determiner or possessive pronoun, a name or a noun in the possessive
#: ("Mr Doyle's", "the victim's"), then at most two lower-case modifiers ("defence", "elder", "grieving").
_LEAD = (
    r"(?:(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne)\s+(?:[a-z][\w-]*(?:'s|’s)\s+)?"
    r"|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:'s|’s)\s+)"
    r"(?:[a-z][\w-]*\s+){0,2}"
)
#: The person the noun ties the speaker to: "for Mr Doyle", "of one of the injured passengers", "representing the
#: family" (no comma, colon, quote mark or sentence end: an apposed name, "lawyer, Ana Ruiz,", names the speaker).
_TIE = r"(?:\s+(?:for|of|to|representing)\s+[^,;:\"“”.!?\n]{1,80}?)?"
_PHRASE = re.compile(_LEAD + rf"(?P<noun>{_NOUNS})" + _TIE)
#: The same phrase written as a speaker in a sentence, before its cue.
_IN_SENTENCE = re.compile(
    r"\b" + _LEAD + rf"(?P<noun>{_NOUNS})\b" + _TIE + r"(?=\s+(?:said|says|told|tells|added|adds|described)\b)"
)


def unnamed_relation(phrase: str) -> str | None:
    """The noun ("lawyer", "mother") when the whole speaker ``phrase`` is a person named only by a tie to
    someone else ("A lawyer for Mr Doyle", "The mother of one of the injured passengers", "the victim's
    sister", "His solicitor"), else None."""
    m = _PHRASE.fullmatch(phrase)
    return m.group("noun").casefold() if m is not None else None


#: How far before a subject phrase its relation noun is looked for ("The mother of | one of the injured passengers").
_REACH = 120
#: What may stand before a subject: the sentence's start (after a quote mark or bracket), a comma, or a
#: conjunction ("After talking to his lawyer for two hours Smith said" has no such subject).
_CLAUSE_OPENS = re.compile(r"(?:,|\b(?:and|but|while|as|when))[\s\"“'‘(]*\Z")
_WORD_START = re.compile(r"(?<![\w'’.-])[A-Za-z]")


def relation_start(text: str, lo: int, s: int, e: int) -> int | None:
    """Where an unnamed relation holding the subject phrase ``text[s:e]`` starts, when the phrase is the object
    of its tie ("Mr Doyle" of "A lawyer for Mr Doyle", "one of the injured passengers" of "The mother of one of
    the injured passengers"): the earliest word start in the :data:`_REACH` characters before ``s`` (not before
    ``lo``, the sentence's start) that opens a clause and from which the words up to ``e`` are one such phrase;
    else None."""
    window = text[max(lo, s - _REACH) : e]
    if not any(tie in window for tie in ("for ", "of ", "to ", "representing ")):
        return None
    if not any(noun in window for noun in _NOUNS_BY_LENGTH):
        return None  # every phrase holds its noun (most windows hold none: no word start to try)
    for w in _WORD_START.finditer(text, max(lo, s - _REACH), s):  # at most some 20 words, each one match
        opens = not text[lo : w.start()].strip(" \n\"“'‘(") or _CLAUSE_OPENS.search(text, lo, w.start())
        if opens and _PHRASE.fullmatch(text, w.start(), e) is not None:
            if text[lo : w.start()].rstrip().endswith(",") and text[e : e + 3].lstrip().startswith(","):
                return None  # in apposition: "Kim Yo Jong, the sister of Kim Jong Un, said" is hers
            return w.start()
    return None


def _fits(noun: str, pronoun: str) -> bool:
    if noun in FEMALE_KIN:
        return pronoun == "she"
    if noun in MALE_KIN:
        return pronoun == "he"
    return pronoun in ("he", "she")


def relation_before(text: str, lo: int, at: int, pronoun: str) -> tuple[int, int, int] | None:
    """The last unnamed relation written as a speaker in ``text[lo:at]`` (the sentence before a pronoun and
    the pronoun's own) whose noun fits ``pronoun`` ("he" / "she"), else None: its start, its end, and where a
    person named after it would make the pronoun that person's — the phrase's end for a relative, whose gender
    is known; its noun's end for a lawyer, whose client the pronoun may be ("A lawyer for Ms Ruiz said …")."""
    last = None
    for m in _IN_SENTENCE.finditer(text, lo, at):
        last = m
    if last is None or not _fits(last.group("noun").casefold(), pronoun.casefold()):
        return None
    named_from = last.end("noun") if last.group("noun").casefold() in COUNSEL_NOUNS else last.end()
    return last.start(), last.end(), named_from
