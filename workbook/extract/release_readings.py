"""Words of press releases that the classifier and the run rules read as the wrong kind of name (issue 12,
round twenty): a lone word the classifier alone read as a person that the words around it call a place or a
firm, and decorations read as organisations.

The classifier reads a one-word name it has not seen from its shape and its neighbours, and a surname-like
place or firm ("Wales", "Tesco") comes out a person with a low probability. Two readings of the grammar
around it overrule that guess; both look only at the classifier's own one-word people (a handful per
document), never at the text as a whole:

* :func:`place_after_in`: the word right after "in", "across" or "throughout" ("customers in Wales",
  "flooding across Cumbria") is where something is: a place. Not after a noun or verb of belief, which takes
  a person ("confidence in Obama", "faith in Mbeki"), not before a possessive ("in Smith's view") or another
  capitalised word, and not when the word is the surname of a person the document names in full;
* :func:`firm_possessive`: in a document about business (:func:`~workbook.extract.org_names.about_business`),
  the word before a possessive of what only a firm has ("Tesco's results", "Asda's sales", "Ocado's
  shares", "Halma's dividend") is a firm;
* :func:`decorations`: a name of a medal or decoration — its last word "Medal" ("Meritorious Service Medal",
  "Navy and Marine Corps Commendation Medal", "Bronze Star Medal", "Medal of Honor" too) or one of the
  decorations named without that word (:data:`DECORATIONS`: "Purple Heart", "Bronze Star") — is a name of
  another kind (``other``), no organisation, place or person; a decoration's name right before "Medal" takes
  that word in ("Bronze Star" of "Bronze Star Medal"). A person a rank or title cued is never changed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence

from workbook.extract.entity_runs import CUED_PERSON, Candidate
from workbook.extract.ner_model import ScoredSpan
from workbook.extract.org_names import about_business

__all__ = [
    "BELIEF_WORDS",
    "DECORATIONS",
    "FIRM_POSSESSIONS",
    "decorations",
    "firm_possessive",
    "lone_word_readings",
    "place_after_in",
]

#: Prepositions of where, before a place: "in Wales", "across Cumbria", "throughout Bavaria".
_WHERE_WORDS = frozenset({"in", "across", "throughout"})
#: Words before "in" whose object is a person ("confidence in Obama", "believed in Mbeki").
BELIEF_WORDS = frozenset(
    [
        "confidence",
        "faith",
        "trust",
        "belief",
        "believe",
        "believes",
        "believed",
        "believing",
        "interest",
        "interested",
        "invest",
        "invested",
        "investing",
        "stake",
        "hope",
    ]
)
#: What a firm has and a person has not, after a possessive: "Tesco's results", "Ocado's shares".
FIRM_POSSESSIONS = frozenset(
    [
        "results",
        "figures",
        "sales",
        "profit",
        "profits",
        "earnings",
        "revenue",
        "revenues",
        "shares",
        "stores",
        "dividend",
        "shareholders",
        "outlets",
        "branches",
        "turnover",
    ]
)
#: The classifier's probability under which a one-word person may be read again.
_UNSURE = 0.6
_POSSESSIVE_NOUN = re.compile(r"['’]s[ \t]+([a-z]+)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")


def _lone_person(s: ScoredSpan, surnames: Collection[str]) -> bool:
    return s.type == "person" and len(s.words) == 1 and s.prob < _UNSURE and s.words[0].casefold() not in surnames


def place_after_in(text: str, s: ScoredSpan, surnames: Collection[str]) -> bool:
    """Whether the one-word person ``s`` is a place after "in" (see the module docstring)."""
    if not _lone_person(s, surnames) or s.left not in _WHERE_WORDS:
        return False
    after = text[s.end : s.end + 3]
    if after[:1] in ("'", "’") or (after[:1] == " " and after[1:2].isupper()):
        return False  # "in Smith's view", "in Santa Clara": not a lone word
    at = text.rfind(s.left, max(0, s.start - 40), s.start)
    before = _WORD_BEFORE.search(text, max(0, at - 30), at) if at > 0 else None
    return before is None or before.group(1).casefold() not in BELIEF_WORDS


def firm_possessive(text: str, s: ScoredSpan, surnames: Collection[str]) -> bool:
    """Whether the one-word person ``s`` is a firm before a firm's possession (the caller checks that the
    document is about business; see the module docstring)."""
    if not _lone_person(s, surnames):
        return False
    m = _POSSESSIVE_NOUN.match(text, s.end)
    return m is not None and m.group(1) in FIRM_POSSESSIONS


def lone_word_readings(text: str, added: Sequence[ScoredSpan], surnames: Collection[str]) -> list[ScoredSpan]:
    """``added`` (the classifier's spans of one document) with each lone-word person that the grammar around
    it calls a place or a firm retyped (see the module docstring); ``surnames``: the document's people's
    surnames, case-folded, which stay people."""
    out = list(added)
    business: bool | None = None
    for k, s in enumerate(out):
        if s.type != "person" or len(s.words) != 1:
            continue
        if place_after_in(text, s, surnames):
            out[k] = dataclasses.replace(s, type="place")
            continue
        if firm_possessive(text, s, surnames):
            if business is None:
                business = about_business(text)
            if business:
                out[k] = dataclasses.replace(s, type="organization")
    return out


#: Decorations named without the word "Medal" (US, UK and Commonwealth): "awarded the Purple Heart".
DECORATIONS = frozenset(
    ["Purple Heart", "Bronze Star", "Silver Star", "Legion of Merit", "Medal of Honor", "Medal of Honour"]
)
#: Pieces one of which every decoration's name holds: a text with none of them is left as it is.
_DECORATION_CHECK = ("Medal", "Heart", "Star", "Merit")
_MEDAL_AFTER = re.compile(r"[ \t]+Medals?\b")


def _decoration(surface: str) -> bool:
    words = surface.split()
    return bool(words) and (words[-1] in ("Medal", "Medals") or " ".join(words) in DECORATIONS)


def decorations(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` (one document's candidates) with each decoration's name read as ``other`` (see the module
    docstring)."""
    if not any(piece in text for piece in _DECORATION_CHECK):
        return cands
    out: list[Candidate] = []
    for c in cands:
        if c.type in ("other", "weapon_system") or (c.type == "person" and c.strength >= CUED_PERSON):
            out.append(c)
            continue
        end = c.end
        surface = text[c.start : c.end]
        if surface in DECORATIONS and (medal := _MEDAL_AFTER.match(text, c.end)) is not None:
            end = medal.end()  # "Bronze Star" of "Bronze Star Medal"
        if _decoration(text[c.start : end]):
            out.append(dataclasses.replace(c, end=end, type="other", name=text[c.start : end], person=None, gaz=None))
        else:
            out.append(c)
    return out
