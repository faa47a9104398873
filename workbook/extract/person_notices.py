"""People named in notices, families and court lists (issue 12, round nineteen).

Rules over the chosen candidates of a document, each general to English notices of any publisher:

* *"SURNAME, Given" opening a notice*: a family name in capitals, a comma and one to three given names
  opening a line ("OKAFOR, Margaret (née Bell).", "WHITTLE, Arthur James. Passed away …") are two people
  as the notices write them: the family name and the given names. The first given name must be a listed
  given name and no month or weekday, and a full stop or a bracket must follow the given names; a
  dateline ("PYONGYANG, May 26 (KCNA) --", "ATLANTA, Georgia —") does not pass.
* *"née X"*: the capitalised word after "née" (or "nee") is the person's maiden name ("(née Bell)").
* *Given names after a word of family*: the one-word names after "wife of", "mother of", "grandmother
  of", "father to", "survived by his sons" … ("Beloved wife of the late Samuel, mother of Adaeze and
  Paul") are people when each is a listed given name, whatever else read them ("father of Lincoln and
  Hope": a town, an everyday word). A name of two words is left to the other rules.
* *"R v X"*: the two or three name words after a court list's "R v" ("R v Sterling Adebowale") are the
  defendant, a person, when the last is a family name.
"""

from __future__ import annotations

import re

from workbook.extract.entity_runs import Candidate
from workbook.extract.person_words import GazType, Kinds, cued_person, may_end_name, name_kind, replace_with_person
from workbook.extract.shared_scans import literal_matches
from workbook.extract.vocabulary import MONTHS, WEEKDAYS
from workbook.ingest.normalise import builtin_words

__all__ = ["people_in_notices"]

_WORD = r"[A-Z][a-z\u00c0-\u024f'’]+(?:-[A-Z][a-z\u00c0-\u024f'’]+)?"
#: A notice's opening: a family name in capitals, a comma, given names, then a full stop or a bracket.
_SURNAME_FIRST = re.compile(
    rf"[ \t]*([A-Z][A-Z'’]{{2,}}(?:-[A-Z][A-Z'’]+)?),[ \t]+({_WORD}(?:[ \t]+{_WORD}){{0,2}})(?=\.|[ \t]*\()"
)
_NEE = re.compile(rf"(?<![\w'’-])n[ée]e[ \t]+({_WORD})(?![\w'’-]|[ \t]+[A-Z])")
#: The words of family before given names.
_FAMILY_WORDS = (
    "wife", "husband", "widow", "widower", "partner", "mother", "father", "mum", "mom", "dad", "son", "daughter",
    "sons", "daughters", "brother", "sister", "brothers", "sisters", "grandmother", "grandfather", "grandma",
    "grandpa", "grandad", "granddad", "nan", "grandchildren", "grandson", "granddaughter", "aunt", "uncle",
    "niece", "nephew", "stepmother", "stepfather", "stepson", "stepdaughter", "fiancée", "fiancé", "children",
)  # fmt: skip
_AFTER_FAMILY_WORD = re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(_FAMILY_WORDS)})[ \t]+(?:of|to)[ \t]+(?:the[ \t]+late[ \t]+)?"
    rf"({_WORD}(?:(?:,[ \t]+(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)(?:the[ \t]+late[ \t]+)?{_WORD})*)"
    r"(?![\w'’-]|[ \t]+[A-Z])"
)
#: A piece every ``_AFTER_FAMILY_WORD`` match holds, searched in the reversed text: a word of family, blanks, "of"
#: or "to" and a blank (reversed, so that the search opens with a literal blank ``re`` skips to rather than with the
#: family words' many first letters; texts without it skip the scan from every family word's places); the second
#: form for a tab after "of" or "to".
_FAMILY_REVERSED = "|".join(w[::-1] for w in _FAMILY_WORDS)
_AFTER_FAMILY_CHECKS = (
    re.compile(rf" (?:fo|ot)[ \t]+(?:{_FAMILY_REVERSED})(?![\w'’-])"),
    re.compile(rf"[ \t](?:fo|ot)[ \t]+(?:{_FAMILY_REVERSED})(?![\w'’-])"),
)
_MEMBER = re.compile(rf"{_WORD}")
_R_V = re.compile(rf"(?<![\w'’-])R[ \t]+v\.?[ \t]+({_WORD}(?:[ \t]+{_WORD}){{1,2}})(?![\w'’-])")
_NOT_GIVEN = MONTHS | WEEKDAYS


def people_in_notices(text: str, out: list[Candidate], names: Kinds, common: frozenset[str], gaz_type: GazType) -> None:
    """The people of notices, families and court lists, in ``out`` in place (see the module docstring)."""
    if ", " in text:
        _surname_first(text, out, names)
    for m in literal_matches(_NEE, text, ("née", "nee")):
        a, b = m.span(1)
        replace_with_person(out, a, b, cued_person(a, b, (m.group(1),)))
    if (" of " in text or " to " in text) and _family_word_may_match(text):
        for m in literal_matches(_AFTER_FAMILY_WORD, text, _FAMILY_WORDS):
            _given_members(text, out, names, m)
    for m in literal_matches(_R_V, text, ("R v",)):
        words = tuple(m.group(1).split())
        last = words[-1].casefold()
        if may_end_name(words[-1], names, common, gaz_type) or (last not in common and last not in builtin_words()):
            replace_with_person(out, m.start(1), m.end(1), cued_person(m.start(1), m.end(1), words))


def _family_word_may_match(text: str) -> bool:
    """Whether ``text`` holds the piece of :data:`_AFTER_FAMILY_CHECKS` (a necessary condition of a match)."""
    backwards = text[::-1]
    return _AFTER_FAMILY_CHECKS[0].search(backwards) is not None or (
        "\t" in text and _AFTER_FAMILY_CHECKS[1].search(backwards) is not None
    )


def _surname_first(text: str, out: list[Candidate], names: Kinds) -> None:
    line_start = 0
    while line_start >= 0:
        m = _SURNAME_FIRST.match(text, line_start)
        line_start = text.find("\n", line_start) + 1 or -1
        if m is None:
            continue
        given = m.group(2).split()
        if given[0].casefold() in _NOT_GIVEN or "g" not in name_kind(given[0], names):
            continue
        if replace_with_person(out, m.start(1), m.end(1), cued_person(m.start(1), m.end(1), (m.group(1),))):
            replace_with_person(out, m.start(2), m.end(2), cued_person(m.start(2), m.end(2), tuple(given)))


def _given_members(text: str, out: list[Candidate], names: Kinds, m: re.Match[str]) -> None:
    members = [w for w in _MEMBER.finditer(text, m.start(1), m.end(1))]
    if not members or any(
        "g" not in name_kind(w.group(), names) or w.group().casefold() in _NOT_GIVEN for w in members
    ):
        return
    for w in members:
        if not any(c.type == "person" and c.start == w.start() and c.end == w.end() for c in out):
            replace_with_person(out, w.start(), w.end(), cued_person(w.start(), w.end(), (w.group(),)))
