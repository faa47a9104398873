"""How the learned classifier's spans and the rules' spans are combined.

The rules keep precedence where they are certain: weapon designations, people cued by an honorific
or a title, known organisations, Korean three-part names. The classifier decides the rest:

* its spans outrank gazetteer matches that they overlap and contain ("George Washington Bridge" over
  "Washington"), while a span with exactly a gazetteer entry's extent stays the gazetteer's (which
  knows the coordinates);
* it vetoes weak rule decisions: a gazetteer place overlapped by a span it reads as a person ("Ann",
  "Regina", "Irving" as given names); a rule organisation built on a head word that it reads as no
  name while it finds names inside ("Wu Chi-wai of the Democratic Party" → "Wu Chi-wai" +
  "Democratic Party"); the weak "given name + capitalised word" person rule (its given-name list is
  one of the classifier's features).

A lone capitalised word opening a sentence, never capitalised elsewhere in the document, is weak
evidence: the classifier's span is kept only when it is very sure (:data:`WEAK_KEEP`). A span
ending in a nationality adjective (``ner_features.DEMONYMS``) is no entity, and no person follows
"the".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from workbook.extract.ner_features import DEMONYMS
from workbook.extract.ner_model import ScoredSpan
from workbook.extract.vocabulary import GIVEN_NAMES

__all__ = ["PERSON_VETO", "PERSON_VETO_EXACT", "SPLIT_VETO", "WEAK_KEEP", "RuleSpan", "merge_learned"]

#: A person span at least this probable vetoes a gazetteer place it overlaps.
PERSON_VETO = 0.5
#: A person span with exactly a gazetteer match's extent vetoes it from this probability, when the
#: word is a common given name ("Ann said"); a later surname of a person is handled by the caller.
PERSON_VETO_EXACT = 0.85
#: A rule span whose own P(none) under the classifier exceeds this may be split by it.
SPLIT_VETO = 0.5


#: A lone word that opens a sentence (and is never capitalised mid-sentence) needs this probability.
WEAK_KEEP = 0.9


_COMPASS = frozenset({"north", "south", "east", "west"})  # "the North": the rules know which one


class RuleSpan(NamedTuple):
    start: int
    end: int
    kind: str  # certain | named | gazetteer | weak


def merge_learned(
    rules: Sequence[RuleSpan], learned: Sequence[ScoredSpan], p_none: Mapping[tuple[int, int], float]
) -> tuple[set[int], list[ScoredSpan]]:
    """Indices of the rule spans the classifier vetoes, and the learned spans to add (see the module
    docstring). ``p_none`` gives the classifier's P(none) of the candidate spans it scored."""
    vetoed: set[int] = set()
    people = [s for s in learned if s.type == "person" and s.prob >= PERSON_VETO]
    for k, r in enumerate(rules):
        if r.kind == "weak":
            vetoed.add(k)
        elif r.kind == "gazetteer":
            if any(
                p.start < r.end
                and r.start < p.end
                and ((p.start, p.end) != (r.start, r.end) or (p.prob >= PERSON_VETO_EXACT and _given_name(p)))
                for p in people
            ):
                vetoed.add(k)
        elif r.kind == "named":
            inside = [
                s for s in learned if r.start <= s.start and s.end <= r.end and (s.start, s.end) != (r.start, r.end)
            ]
            if inside and p_none.get((r.start, r.end), 0.0) > SPLIT_VETO:
                vetoed.add(k)
    added = [s for s in learned if _plausible(s)]
    return vetoed, added


def _given_name(s: ScoredSpan) -> bool:
    return len(s.words) == 1 and s.words[0].casefold() in GIVEN_NAMES


def _plausible(s: ScoredSpan) -> bool:
    """Drop what the classifier's context window cannot see: a lone sentence-opening word without
    other evidence, a nationality adjective ("North Korean"), a "person" after "the"."""
    if s.weak and s.prob < WEAK_KEEP:
        return False
    if s.words[-1].casefold() in DEMONYMS or (len(s.words) == 1 and s.words[0].casefold() in _COMPASS):
        return False
    return not (s.type == "person" and s.left == "the")
