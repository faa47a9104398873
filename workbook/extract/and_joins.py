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
* the head word comes last (:func:`fields_before_and`): "and" joins two fields, so the word before it
  is a word of the language, one the model's list or the built-in English list writes in lower case
  ("Food and Drug Administration", "Northern Ireland Fire and Rescue Service", "Navy and Marine Corps
  ..."); a word that is no dictionary word ("Jet2", "Klarna") ends a name of its own. Without the
  learned model's list of common words the old reading stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from workbook.ingest.normalise import builtin_words

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


def fields_before_and(left: Sequence[str], common: frozenset[str]) -> bool:
    """Is the last of the words before "and" (lower case) a field of a body's name: a common word or a
    word of the built-in English list? Always true without a list of common words (rules only: the old
    reading)."""
    return not common or not left or left[-1] in common or left[-1] in _english()


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    return builtin_words()
