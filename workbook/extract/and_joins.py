"""When "A and B" in one capitalised run is one organisation's name (issue 12, round twenty-one).

:func:`~workbook.extract.entity_runs.classify_run` reads a run of capitalised words joined by "and"
as one name when one side has an organisation's head word and the other does not ("Ministry of
Science and Technology", "Food and Drug Administration"). Two names joined by "and" have that shape
too ("Jet2 and British Airways", "Imperial College London and Jaguar Land Rover", "Medical Research
Council and Cancer Research UK"); the grammar of a body's name tells them apart:

* the head word comes first (:func:`continues_complement`): the part after "and" continues the
  complement of "of" or "for" ("Department of Health and Social Care", "Office of Rail and Road",
  "Department for Culture, Media and Sport") once; a head with no "of" or "for" after it ends a name
  ("Imperial College London", "Medical Research Council"), and the words after "and" are another;
* the head word comes last (:func:`fields_before_and`): "and" joins two fields of one body ("Food and
  Drug Administration", "Disarmament and Peace Institute", "England and Wales Cricket Board"), unless
  the words after "and" open a name of their own, with a nationality or a place the gazetteer knows
  ("Jet2 and British Airways", "Klarna and German Bank ..."; not a place that "and" itself names:
  "Trinidad and Tobago ..."), or the word before "and" holds a digit, which no field's word does
  ("Jet2 and ...").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from workbook.extract.ner_features import DEMONYMS

__all__ = ["HEAD_LINKS", "continues_complement", "fields_before_and"]

#: Words after a head word that open its complement ("Ministry of", "Department for").
HEAD_LINKS = frozenset({"of", "for"})


def continues_complement(left: Sequence[str], heads: frozenset[str]) -> bool:
    """Can "and" continue ``left`` (lower-case words, a head word among them)? Only when "of" or "for"
    follows a head word in it ("Department of Health" + "and Social Care"), and no "and" has joined it
    already ("Office of Rail and Road" + "and Great British Railways": a second name)."""
    return "and" not in left and any(
        w in heads and k + 1 < len(left) and left[k + 1] in HEAD_LINKS for k, w in enumerate(left)
    )


def fields_before_and(left: Sequence[str], right: Sequence[str], place_type: Callable[[str], str | None]) -> bool:
    """Can "and" join the fields ``left`` and ``right`` (lower-case words) of one body's name (see the
    module docs)?"""
    if not left or not right or any(ch.isdigit() for ch in left[-1]):
        return False
    if right[0] in DEMONYMS:
        return False  # "... and British Airways"
    return place_type(right[0]) != "place" or place_type(f"{left[-1]} and {right[0]}") == "place"
