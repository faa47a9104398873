"""Word tests and edits shared by the passes that read people from the words around a name (issue 12).

:mod:`workbook.extract.person_context`, :mod:`workbook.extract.person_casts` and
:mod:`workbook.extract.person_notices` ask the same questions of a word (is it a listed given name, may it
end a person's name, does any list know it) and make the same edit (a person over a span instead of the
candidates inside it); they are declared here once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from workbook.extract.coref import PersonSpan
from workbook.extract.entity_bounds import PLACE_OPENERS, PLACE_TAILS
from workbook.extract.entity_runs import CUED_PERSON, Candidate
from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS
from workbook.extract.ranks import RANK_WORDS
from workbook.extract.vocabulary import FACILITY_HEADS, ORG_HEADS, STREET_WORDS
from workbook.ingest.normalise import builtin_words

__all__ = [
    "NOT_NAME_WORDS",
    "GazType",
    "Kinds",
    "cued_person",
    "may_end_name",
    "name_kind",
    "name_word",
    "replace_with_person",
    "unknown_word",
]

#: Words that are no part of a person's name: heads of bodies and facilities, streets, place words, ranks, titles.
NOT_NAME_WORDS = ORG_HEADS | FACILITY_HEADS | STREET_WORDS | PLACE_TAILS | PLACE_OPENERS | RANK_WORDS | TITLE_WORDS

#: The name lexicon: folded word → its kinds ("g" given, "s" family, a digit for how frequent).
Kinds = Mapping[str, str]
#: The gazetteer's type of a surface, or None.
GazType = Callable[[str], str | None]


def name_kind(word: str, names: Kinds) -> str:
    """The name-lexicon kind of ``word`` (of its first part when hyphenated and the whole is unlisted)."""
    w = word.casefold()
    return names.get(w) or names.get(w.split("-")[0], "")


def unknown_word(word: str, names: Kinds, common: frozenset[str], gaz_type: GazType) -> bool:
    """No name list, English word list or gazetteer knows ``word``."""
    w = word.casefold()
    return not name_kind(w, names) and w not in common and w not in builtin_words() and gaz_type(word) is None


def name_word(word: str, common: frozenset[str]) -> bool:
    """``word`` may be part of a person's name: no head, title, rank, demonym, common word or possessive."""
    w = word.casefold()
    return w not in NOT_NAME_WORDS and w not in DEMONYMS and w not in common and not w.endswith(("'s", "’s"))


def may_end_name(word: str, names: Kinds, common: frozenset[str], gaz_type: GazType) -> bool:
    """``word`` may end a person's name: a listed family name (an English word only when a frequent
    family name: "Young", not "Valley") or a word nothing knows."""
    if not name_word(word, common):
        return False
    kind = name_kind(word, names)
    if "s" in kind:
        return word.casefold() not in builtin_words() or kind.endswith("0")
    return unknown_word(word, names, common, gaz_type)


def replace_with_person(cands: list[Candidate], a: int, b: int, person: Candidate) -> bool:
    """``cands`` with ``person`` over ``a:b`` instead of the candidates inside it; False (unchanged)
    when a candidate crosses an edge of ``a:b`` or an organisation lies inside."""
    inside = [k for k, c in enumerate(cands) if c.start < b and a < c.end]
    if any(cands[k].start < a or cands[k].end > b or cands[k].type == "organization" for k in inside):
        return False
    for k in reversed(inside):
        del cands[k]
    cands.append(person)
    return True


def cued_person(a: int, b: int, words: tuple[str, ...]) -> Candidate:
    """A person candidate over ``a:b`` named by ``words``, read from the words around it."""
    return Candidate(a, b, "person", CUED_PERSON, " ".join(words), PersonSpan(a, b, words, None))
