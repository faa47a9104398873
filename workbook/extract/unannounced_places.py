"""Places and bodies named by their shape, with no cue word around them (issue 12, round twenty).

Passes over one document's candidates (both stages', before selection), run after
:func:`workbook.extract.unannounced_names.unannounced_names`, in the order of :func:`unannounced_places`:

* :func:`main_lines`: one to three capitalised words and "Main Line" are one place ("West Coast Main
  Line", "East Coast Main Line");
* :func:`portfolio_pairs`: "of" A "and" B, two portfolio words in Title Case ("secretaries of State and
  Defense", "ministers of Health and Justice"), are organisations (each one where nothing or only the
  classifier read it);
* :func:`portfolio_lists`: "Department", "Ministry", "Office" or "Secretariat", "for" or "of", and a list of
  fields in Title Case joined by commas and "and" ("Department for Work and Pensions", "Department for
  Environment, Food and Rural Affairs", "Ministry of Agriculture, Fisheries and Food") is one organisation
  when every field's word is a word usually written in lower case or no name or place the lists know,
  and none a body's last word ("Department for Education, Leeds City Council and ...": two bodies);
* :func:`place_pairs`: after a preposition of place ("in", "across", "between", "from", "near", ...), two
  names of one or two capitalised words joined by "and" or "or", one a place and nothing read at the
  other, make the other a place when its first word is no word usually written in lower case, no given
  name, month or weekday (a family name may be a town's: "Dorset"), or when the gazetteer knows it
  ("customers in Hampshire and Dorset"; not a capitalised run going on after it);
* :func:`uk_names`: one or two capitalised words and "UK" are one organisation ("Age UK", "Allergy UK",
  "Cancer Research UK"), not after "in", "across" or "throughout", nor when the words are a place the
  gazetteer knows, a direction ("South West UK"), a nationality, a title or a word that never opens a
  name, nor over a person a rule read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from workbook.extract.entity_runs import LEARNED, NAMED, Candidate
from workbook.extract.longer_org_names import ORG_END_WORDS, not_a_name_word
from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS
from workbook.extract.place_org_extents import put_inside, read_between
from workbook.extract.shared_scans import capital_matches, cue_matches, literal_matches
from workbook.extract.speaker_words import PORTFOLIO_NOUNS
from workbook.extract.unannounced_names import usual_word
from workbook.extract.vocabulary import NEVER_NAME_START

__all__ = ["main_lines", "place_pairs", "portfolio_lists", "portfolio_pairs", "uk_names", "unannounced_places"]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_MAIN_LINE = re.compile(r"(?<![\w'’.&-])((?:[A-Z][\w'’-]*[ \t]+){1,3})Main[ \t]+Line(?![\w'’-])")
_PORTFOLIO_PAIR = re.compile(r"(?<![\w'’-])of[ \t]+([A-Z][a-z]+)[ \t]+and[ \t]+([A-Z][a-z]+)(?![\w'’-])(?![ \t]+[A-Z])")
#: :data:`_PORTFOLIO_PAIR` with its look-behind after "of": ``re`` skips in C to the literal.
_PORTFOLIO_PAIR_FAST = re.compile(
    r"of(?<![\w'’-]of)[ \t]+([A-Z][a-z]+)[ \t]+and[ \t]+([A-Z][a-z]+)(?![\w'’-])(?![ \t]+[A-Z])"
)
_UK_NAME_AT = re.compile(r"[ \t]UK(?![\w'’.-])(?![ \t]+[A-Z])")
_CAP_WORDS_BEFORE = re.compile(r"(?<![\w'’.&-])([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\Z")
_DIRECTIONS = _words("north south east west northern southern eastern western central greater")
_PORTFOLIO_LIST = re.compile(
    r"(?<![\w'’.&-])((?:Department|Ministry|Office|Secretariat)[ \t]+(?:for|of)[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?"
    r"((?:,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)*),?[ \t]+(?:and|&)[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?))"
    r"(?![\w'’-])(?![ \t]+[A-Z])"
)
_PLACE_PAIR = re.compile(
    r"([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]+(?:and|or)[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)"
    r"(?![\w'’-])(?![ \t]+[A-Z])"
)
_PLACE_PAIR_CUE = re.compile(r"[A-Z](?=[a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:and|or)[ \t]+[A-Z])")
_PLACE_PREPOSITIONS = _words("in across between from near around throughout through into within")
_WORD_BEFORE = re.compile(r"([\w'’]+)[ \t]+\Z")


def place_pairs(
    text: str,
    cands: list[Candidate],
    common: frozenset[str],
    names: Mapping[str, str],
    place_type: Callable[[str], str | None],
) -> list[Candidate]:
    """The other of two names joined by "and" or "or" after a preposition of place, one of them a place,
    as a place (see the module docs)."""
    if not common or (" and " not in text and " or " not in text):
        return cands
    for m in cue_matches(_PLACE_PAIR, text, _PLACE_PAIR_CUE):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if before is None or before.group(1) not in _PLACE_PREPOSITIONS:
            continue
        read = [read_between(cands, *m.span(k)) for k in (1, 2)]
        for k, other in ((1, 2), (2, 1)):
            if read[k - 1] or not any(c.type == "place" and c.start == m.start(other) for c in read[other - 1]):
                continue
            words = m.group(k).split()
            low = words[0].casefold()
            if place_type(m.group(k)) != "place" and (
                usual_word(low, common) or "g" in names.get(low, "") or not_a_name_word(words[0])
            ):
                continue  # "in London and Jack": a given name; "in London or Sunday"
            cands = put_inside(cands, Candidate(m.start(k), m.end(k), "place", NAMED, " ".join(words)))
    return cands


def uk_names(
    text: str,
    cands: list[Candidate],
    common: frozenset[str],
    place_type: Callable[[str], str | None],
) -> list[Candidate]:
    """One or two capitalised words and "UK" as one organisation (see the module docs)."""
    if " UK" not in text:
        return cands
    for m in literal_matches(_UK_NAME_AT, text, (" UK",)):
        named = _CAP_WORDS_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if named is None:
            continue
        start = named.start(1)
        words = named.group(1).split()
        while words and words[0].casefold() in NEVER_NAME_START:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.start()
            words = words[1:]
        if not words or start == m.start():
            continue
        first = words[0].casefold()
        if first in DEMONYMS or first in TITLE_WORDS or first in _DIRECTIONS or not_a_name_word(words[0]):
            continue  # "South West UK", "British UK", "Monday UK"
        if place_type(" ".join(words)) == "place" or place_type(words[0]) == "place":
            continue  # "London UK": a town and its country
        before = _WORD_BEFORE.search(text, max(0, start - 20), start)
        if before is not None and before.group(1) in ("in", "across", "throughout"):
            continue  # "in Greater Manchester UK"
        if any(c.type == "person" and c.strength > LEARNED for c in read_between(cands, start, m.end())):
            continue
        cands = put_inside(cands, Candidate(start, m.end(), "organization", NAMED, " ".join([*words, "UK"])))
    return cands


def main_lines(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Capitalised words and "Main Line" as one place (see the module docs)."""
    if "Main Line" not in text:
        return cands
    for m in _MAIN_LINE.finditer(text):
        words = m.group(1).split()
        while words and words[0].casefold() in NEVER_NAME_START:
            words = words[1:]
        if not words:
            continue
        start = text.index(words[0], m.start())
        name = " ".join([*words, "Main", "Line"])
        cands = put_inside(cands, Candidate(start, m.end(), "place", NAMED, name))
    return cands


def portfolio_pairs(text: str, cands: list[Candidate]) -> list[Candidate]:
    """ "of" and two portfolio words joined by "and" as organisations (see the module docs)."""
    if " and " not in text or " of " not in text:
        return cands
    for m in _PORTFOLIO_PAIR_FAST.finditer(text):
        pair = (m.group(1).casefold(), m.group(2).casefold())
        if not all(w in PORTFOLIO_NOUNS or w == "state" for w in pair):
            continue
        for k in (1, 2):
            inside = read_between(cands, m.start(k), m.end(k))
            if all(c.strength <= LEARNED and c.start == m.start(k) and c.end == m.end(k) for c in inside):
                cands = put_inside(cands, Candidate(m.start(k), m.end(k), "organization", NAMED, m.group(k)))
    return cands


def portfolio_lists(
    text: str,
    cands: list[Candidate],
    common: frozenset[str],
    names: Mapping[str, str],
    place_type: Callable[[str], str | None],
) -> list[Candidate]:
    """A department "for" or "of" a list of fields in Title Case as one organisation (see the module docs)."""
    if not common or ("Department " not in text and "Ministry " not in text and "Office " not in text):
        return cands
    for m in capital_matches(_PORTFOLIO_LIST, text):
        words = re.findall(r"[A-Z][a-z]+", m.group(1))[1:]
        lows = [w.casefold() for w in words]
        if any(w in ORG_END_WORDS for w in lows) or not all(
            usual_word(w, common) or (w not in names and place_type(w.title()) is None) for w in lows
        ):
            continue  # "Department for Education, Leeds City Council and ...": another body, a place
        if any(c.type in ("place", "person") and c.strength > LEARNED for c in read_between(cands, m.start(), m.end())):
            continue
        cands = put_inside(cands, Candidate(m.start(1), m.end(1), "organization", NAMED, " ".join(m.group(1).split())))
    return cands


def unannounced_places(
    text: str,
    cands: list[Candidate],
    common: frozenset[str],
    names: Mapping[str, str],
    place_type: Callable[[str], str | None],
) -> list[Candidate]:
    """The passes of this module over one document's candidates, in order (``common``, ``names``: the
    learned model's common words and given names and surnames; ``place_type``: the gazetteer's type of a
    name)."""
    cands = portfolio_pairs(text, main_lines(text, cands))
    cands = uk_names(text, place_pairs(text, cands, common, names, place_type), common, place_type)
    return portfolio_lists(text, cands, common, names, place_type)
