"""Bodies whose names hold "of", "and" or "for" (issue 12, round seventeen).

Three passes over one document's candidates (both stages', before selection), after
:mod:`workbook.extract.longer_org_names`:

* :func:`body_of_field`: an organisation a body's word ends ("Leeds Chamber", "Royal College") and
  "of" with one to three capitalised words after it is one organisation: "Cork Chamber of Commerce"
  (the town "Commerce" read there), "Royal College of Nursing", "Chartered Institute of Building",
  "Chamber of Commerce and Industry", "Football Association of Wales". Not when a person, another
  organisation or a gazetteer country or region follows "of" ("the Audit Committee of Tesco", "the
  National Democratic Congress of Ghana"), nor over a word that never starts a
  name, a month, a weekday or an acronym ("Central Committee of the ...", "Ministry of April");
* :func:`field_and_field_body`: one common word, "and" or "&", and capitalised words a body's word
  ends ("Health and Safety Executive", "Competition and Markets Authority", "Energy and Petroleum
  Regulatory Authority", "Fire and Rescue Service") is one organisation. The first word must be a
  word usually written in lower case (the learned model's list: "Health", "Competition", "Energy"),
  so two names joined by "and" stay apart ("Leeds and Bradford Council", "Siemens and Hitachi
  Rail"), and no body's word itself ("our Party and Government": two bodies); no head word inside
  the part after "and" but the last ("Army and Navy Command" stays two);
* :func:`for_place_bodies`: a capitalised word, "for" and a place the gazetteer knows (or one of the
  UK's nations), said to speak
  ("Transport for London confirmed ...", "Transport for Wales said", "Teach for America announced")
  is one organisation, and so is the same phrase elsewhere in the document. Not after a title
  ("Minister for London said": a person's office) nor inside a longer capitalised run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from workbook.extract.entity_runs import NAMED, Candidate
from workbook.extract.firm_cues import firm_cues
from workbook.extract.longer_org_names import ORG_END_WORDS, not_a_name_word
from workbook.extract.ner_features import TITLE_WORDS
from workbook.extract.ner_model import EntityModel
from workbook.extract.place_org_extents import COUNTRY_SUFFIXES, TOWN_KM, replace_inside
from workbook.extract.regional_operators import regional_operators
from workbook.extract.reporting_words import CLAUSE_REPORTING_VERBS, REPORTING_VERBS
from workbook.extract.shared_scans import cue_matches
from workbook.extract.trade_bodies import trade_bodies
from workbook.extract.travel_places import travel_places
from workbook.extract.unannounced_names import unannounced_names
from workbook.extract.unannounced_places import unannounced_places
from workbook.extract.vocabulary import NEVER_NAME_START

__all__ = ["BODY_END_WORDS", "body_names", "body_of_field", "field_and_field_body", "for_place_bodies"]

#: Last words of a body's name: an organisation's end words and a few more that end a public body's or a
#: partnership's name only in Title Case ("Health and Safety Executive", "Care Quality Inspectorate").
BODY_END_WORDS: frozenset[str] = ORG_END_WORDS | frozenset({"executive", "inspectorate", "partnership"})

_CAP_WORD = r"[A-Z][\w'’-]*"
_OF_FIELD = re.compile(
    rf"[ \t]+of[ \t]+({_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,2}}(?:[ \t]+(?:and|&)[ \t]+{_CAP_WORD})?)"
    r"(?![\w'’&-])(?![ \t]+(?:[A-Z]|of[ \t]))"
)
_FIELD_AND = re.compile(
    rf"(?<![\w'’.&-])([A-Z][a-z]+)[ \t]+(?:and|&)[ \t]+((?:{_CAP_WORD}[ \t]+){{0,2}}{_CAP_WORD})"
    r"(?![\w'’&-])(?![ \t]+(?:[A-Z]|of[ \t]))"
)
#: Where a field-and-field match can start: the pattern opens with a look-behind (``shared_scans``).
_FIELD_AND_CUE = re.compile(r"[A-Z](?=[a-z]+[ \t]+(?:and|&)[ \t]+[A-Z])")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CAP_BEFORE = re.compile(rf"({_CAP_WORD})[ \t]+\Z")


def _not_a_name_word(word: str) -> bool:
    """:func:`not_a_name_word`, or an acronym ("NHS"): no word of a body's spelled-out name."""
    return not_a_name_word(word) or (word.isupper() and len(word) > 1)


def _read_as_place_or_person(cands: list[Candidate], start: int, end: int) -> bool:
    return any(
        c.start < end and c.end > start and (c.person is not None or c.type in ("person", "place")) for c in cands
    )


def body_of_field(text: str, cands: list[Candidate]) -> list[Candidate]:
    """An organisation a body's word ends and "of" with capitalised words after it as one
    organisation (see the module docs)."""
    if " of " not in text:
        return cands
    for c in [c for c in cands if c.type == "organization"]:
        words = _WORD.findall(text[c.start : c.end])
        if not words or words[-1].casefold() not in BODY_END_WORDS:
            continue
        m = _OF_FIELD.match(text, c.end)
        if m is None:
            continue
        field = _WORD.findall(m.group(1))
        if any(w.casefold() in BODY_END_WORDS or _not_a_name_word(w) for w in field if w not in ("and",)):
            continue  # "Council of Europe Office": another body; "of April", "of NATO"
        if any(
            d.start < m.end() and d.end > m.start(1) and (d.person is not None or d.type in ("person", "organization"))
            for d in cands
        ):
            continue  # "Institute of Peter ...", "the Audit Committee of Tesco": a person or another body
        if any(
            d.gaz is not None and d.type == "place" and d.gaz.entry.uncertainty_km >= TOWN_KM
            for d in cands
            if d.start < m.end() and d.end > m.start(1)
        ):
            continue  # "the National Democratic Congress of Ghana": the body's country, not its name
        name = " ".join(text[c.start : m.end()].split())
        done = replace_inside(cands, Candidate(c.start, m.end(), "organization", NAMED, name))
        if done is not None:
            cands = done
    return cands


def field_and_field_body(text: str, cands: list[Candidate], common: frozenset[str]) -> list[Candidate]:
    """One common word, "and" and capitalised words a body's word ends as one organisation (see the
    module docs); nothing without the learned model's list of common words."""
    if not common or (" and " not in text and " & " not in text):
        return cands
    for m in cue_matches(_FIELD_AND, text, _FIELD_AND_CUE):
        first, right = m.group(1), m.group(2).split()
        if first.casefold() not in common or _not_a_name_word(first) or right[-1].casefold() not in BODY_END_WORDS:
            continue
        if first.casefold() in BODY_END_WORDS:
            continue  # "our Party and Government": two bodies
        if any(w.casefold() in BODY_END_WORDS or _not_a_name_word(w) for w in right[:-1]):
            continue  # "Health and Army Command": a head word inside
        before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None and before.group(1).casefold() not in NEVER_NAME_START:
            continue  # "Scottish Fire and Rescue Service": a longer run, the run rules' and ner16's ground
        if _read_as_place_or_person(cands, m.start(), m.end()):
            continue
        if any(c.type == "organization" and c.start <= m.start() and c.end >= m.end() for c in cands):
            continue  # read whole already
        name = " ".join(text[m.start() : m.end()].split())
        done = replace_inside(cands, Candidate(m.start(), m.end(), "organization", NAMED, name))
        if done is not None:
            cands = done
    return cands


_FOR_PLACE = re.compile(
    rf"(?<![\w'’.&-])([A-Z][a-z]+)[ \t]+for[ \t]+({_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,2}})(?![\w'’-])"
    r"[ \t]+(?:(?:has|had|have|also|later)[ \t]+)?([a-z]+)"
)
_FOR_PLACE_CUE = re.compile(r"[A-Z](?=[a-z]+[ \t]+for[ \t]+[A-Z])")  # where a match can start (``shared_scans``)


def for_place_bodies(
    text: str, cands: list[Candidate], place_type: Callable[[str], str | None] = lambda _: None
) -> list[Candidate]:
    """A capitalised word, "for" and a gazetteer place before a reporting verb as one organisation,
    and the same words elsewhere in the document (see the module docs)."""
    if " for " not in text:
        return cands
    names: set[str] = set()
    for m in cue_matches(_FOR_PLACE, text, _FOR_PLACE_CUE):
        first, verb = m.group(1), m.group(3)
        if verb not in REPORTING_VERBS and verb not in CLAUSE_REPORTING_VERBS:
            continue
        if first.casefold() in TITLE_WORDS or _not_a_name_word(first):
            continue  # "Minister for London said": an office
        before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None and before.group(1).casefold() not in NEVER_NAME_START:
            continue  # "Shadow Minister for Wales", "Mayor Sadiq Khan for London"
        if m.group(2) not in COUNTRY_SUFFIXES and place_type(" ".join(m.group(2).split())) != "place":
            continue  # "Counsel for Smith said", "Support for Ukrainian ...": no place after "for"
        names.add(" ".join(text[m.start(1) : m.end(2)].split()))
    for name in sorted(names):
        spelled = r"[ \t]+".join(re.escape(w) for w in name.split())
        for m in re.finditer(rf"(?<![\w'’.&-]){spelled}(?![\w'’-])(?![ \t]+[A-Z])", text):
            before = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before is not None and before.group(1).casefold() not in NEVER_NAME_START:
                continue
            done = replace_inside(cands, Candidate(m.start(), m.end(), "organization", NAMED, name))
            if done is not None:
                cands = done
    return cands


def body_names(
    text: str,
    cands: list[Candidate],
    model: EntityModel | None,
    place_type: Callable[[str], str | None],
) -> list[Candidate]:
    """The passes of this module over one document's candidates, in order (``model``: the learned model,
    whose common words, given names and surnames the passes read; ``place_type``: the gazetteer's type of a
    name), then :func:`workbook.extract.trade_bodies.trade_bodies` (names with no head word) and
    :func:`workbook.extract.firm_cues.firm_cues` (names the words around them call a firm) and
    :func:`workbook.extract.unannounced_names.unannounced_names` and
    :func:`workbook.extract.unannounced_places.unannounced_places` (names no cue word announces) and
    :func:`workbook.extract.travel_places.travel_places` (airports and stations after a verb of travel) and
    :func:`workbook.extract.regional_operators.regional_operators` ("Avanti West Coast")."""
    common: frozenset[str] = model.common if model else frozenset()
    names: Mapping[str, str] = model.names if model else {}
    cands = for_place_bodies(text, body_of_field(text, field_and_field_body(text, cands, common)), place_type)
    cands = firm_cues(text, trade_bodies(text, cands, common, place_type), common, place_type, names)
    cands = unannounced_names(text, cands, common, names, place_type)
    cands = unannounced_places(text, cands, common, names, place_type)
    return regional_operators(text, travel_places(text, cands, common, names, place_type), common, place_type)
