"""Given names in lists of people (issue 12, round fifteen).

The list step of the merge (:func:`~workbook.extract.ner_merge.harmonise_lists`) gives a classifier's
span the reading of the surest member of its list, but never changes a rule's span: a given name the
gazetteer knows as a town stays a place in "Tracy and Ann Holbrook" or "Tracy, Paul Lincoln and Ann
Whitfield". This pass reads such a gazetteer span as a person when it is one word, a listed given name
no common word and a town under a million (:func:`~workbook.extract.person_forms.small_town`), and
either

* the list holds a person the extractor is sure of (a rule's person, or the classifier's at
  :data:`SURE_PERSON` or more): "Sisters Tracy and Ann Holbrook", "Madison, Paul Lincoln and Jo Derby";
* or each member of the list is such a word that is the given name of a person the document names,
  or a span some stage read as a person: "Tracy and Ann trained in Boston" after "Tracy and Ann
  Holbrook".

A list has a conjunction ("and", "or", "&") or at least three members (as in the list step). Lists of
places ("Tracy and Lodi", "Madison, Austin and Dallas") have no such person and stay places.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from workbook.extract.entity_runs import GAZETTEER, NAMED, Candidate
from workbook.extract.ner_merge import LIST_GAP, LIST_TYPES
from workbook.extract.ner_model import ScoredSpan
from workbook.extract.person_forms import person_candidate, small_town

__all__ = ["SURE_PERSON", "given_names_in_lists"]

#: The classifier's probability at which its person leads a list's reading over a gazetteer town.
SURE_PERSON = 0.9


def _given_word(text: str, c: Candidate, names: Mapping[str, str], common: frozenset[str]) -> str | None:
    """The folded word of a one-word gazetteer town under a million that is a listed given name (no
    common word)."""
    word = text[c.start : c.end].strip()
    folded = word.casefold()
    if c.gaz is None or c.type != "place" or " " in word or not word[:1].isupper() or folded in common:
        return None
    return folded if "g" in names.get(folded, "") and small_town(text, c.gaz, counted=True) else None


def given_names_in_lists(
    text: str,
    cands: Sequence[Candidate],
    learned: Sequence[ScoredSpan],
    names: Mapping[str, str],
    common: frozenset[str],
) -> list[Candidate]:
    """``cands`` with the gazetteer given names of lists of people read as people (see the module
    docstring); ``learned`` are the classifier's spans kept by the merge."""
    # members as (start, end, is a sure person, given-name words, indices in cands); overlapping spans
    # ("Sisters Tracy" of the classifier, "Tracy" of the gazetteer) are one member
    items: list[tuple[int, int, str, bool, str | None, int]] = []
    for k, c in enumerate(cands):
        if c.type in LIST_TYPES:
            given = _given_word(text, c, names, common) if c.strength == GAZETTEER else None
            items.append((c.start, c.end, c.type, c.type == "person" and c.strength >= NAMED, given, k))
    if all(item[4] is None for item in items):
        return list(cands)  # no gazetteer given name: no list below retypes anything
    items += [
        (s.start, s.end, s.type, s.type == "person" and s.prob >= SURE_PERSON, None, -1)
        for s in learned
        if s.type in LIST_TYPES
    ]
    items.sort(key=lambda x: (x[0], x[1]))
    members: list[_Member] = []
    for a, b, type_, sure, given, k in items:
        if not members or a >= members[-1].end:
            members.append(_Member(a, b, sure=False, person=False))
        last = members[-1]
        last.end, last.sure, last.person = max(last.end, b), last.sure or sure, last.person or type_ == "person"
        if given is not None:
            members[-1].given[k] = given
    people = [c.person.words for c in cands if c.person is not None] + [s.words for s in learned if s.type == "person"]
    first_names = {w[0].casefold() for w in people if w}
    retyped: set[int] = set()
    for _ in range(2):  # a list read as people names the given names a later list holds
        for group in _lists(text, members):
            if not any(m.given for m in group):
                continue
            # a sure person among the other members (a member's own reading is no evidence for it)
            if any(m.sure and not m.given for m in group) or all(_named_person(m, first_names) for m in group):
                for m in group:
                    if m.given:  # read: a sure person for the next pass
                        retyped.update(m.given)
                        first_names.update(m.given.values())
                        m.given, m.person, m.sure = {}, True, True
    return [person_candidate(text, c.start, c.end, NAMED) if k in retyped else c for k, c in enumerate(cands)]


@dataclass
class _Member:
    """A member of a possible list: its extent, whether it is a sure person, and its gazetteer given
    names (index in the candidates → folded word)."""

    start: int
    end: int
    sure: bool
    person: bool  # some reading of it is a person
    given: dict[int, str] = field(default_factory=dict)


def _named_person(m: _Member, first_names: set[str]) -> bool:
    """The member's gazetteer given names are given names of the document's people, or (none) some
    reading of it is a person."""
    return set(m.given.values()) <= first_names if m.given else m.person


def _lists(text: str, members: Sequence[_Member]) -> list[list[_Member]]:
    """The lists among ``members`` (in text order): members separated by
    :data:`~workbook.extract.ner_merge.LIST_GAP`, with a conjunction or three members or more."""
    out = []
    group: list[_Member] = []
    conjoined = False
    for member in members:
        gap = LIST_GAP.fullmatch(text, group[-1].end, member.start) if group else None
        if gap is not None:
            group.append(member)
            conjoined = conjoined or gap.group().strip() != ","
            continue
        if len(group) > 2 or (len(group) == 2 and conjoined):
            out.append(group)
        group, conjoined = [member], False
    if len(group) > 2 or (len(group) == 2 and conjoined):
        out.append(group)
    return out
