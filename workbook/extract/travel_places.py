"""Airports and stations named after a verb of travel (issue 12, round twenty-one).

Travel news names airports and stations by one word the gazetteer rarely knows and the sentence does
not announce ("holidaymakers flying out of Gatwick", "passengers arriving at Stansted", "flights
from Luton", "the train departed from Euston"); the classifier, seeing an unknown capitalised word,
may read a person there. After a verb or noun of travelling by air or rail in its past, present or
"-ing" form (fly, depart, arrive, land, be diverted; "flights", "trains") and a preposition of motion
("out of", "from", "at", "into", "to", "via"), one or two capitalised words are the place travelled
from or to (:func:`travel_places`), where nothing was read or only the classifier read them; not a
word usually written in lower case, a given name the model knows, a month, weekday or holiday
("arrived at Christmas"), a title, a possessive ("arrived at Smith's"), nor words a capitalised run
goes on after ("flew to Jet2 Holidays Group": the run's own rules decide). The verb, not a list of
airports, is the reason: what one flies out of or arrives at is a place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from workbook.extract.date_holidays import is_holiday_name
from workbook.extract.entity_runs import LEARNED, NAMED, Candidate
from workbook.extract.longer_org_names import not_a_name_word
from workbook.extract.ner_features import DEMONYMS, TITLE_WORDS
from workbook.extract.place_org_extents import replace_inside
from workbook.extract.shared_scans import literal_matches
from workbook.extract.unannounced_names import usual_word

__all__ = ["TRAVEL_WORDS", "travel_places"]

#: Verbs and nouns of travelling by air or rail, in the forms a report writes before "from", "at", "to".
TRAVEL_WORDS: frozenset[str] = frozenset(
    [
        "fly",
        "flies",
        "flew",
        "flown",
        "flying",
        "depart",
        "departs",
        "departed",
        "departing",
        "arrive",
        "arrives",
        "arrived",
        "arriving",
        "land",
        "lands",
        "landed",
        "landing",
        "diverted",
        "flight",
        "flights",
        "train",
        "trains",
    ]
)
_TRAVEL = re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(sorted(TRAVEL_WORDS, key=len, reverse=True))})[ \t]+"
    r"(?:out[ \t]+of|from|at|into|to|via)[ \t]+"
    r"([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![\w'’&-])(?![ \t]+[A-Z0-9])"
)
#: Each word of :data:`TRAVEL_WORDS` as it opens a match (the scan's literal pre-check).
_LITERALS = tuple(sorted(TRAVEL_WORDS))


def travel_places(
    text: str,
    cands: list[Candidate],
    common: frozenset[str],
    names: Mapping[str, str],
    place_type: Callable[[str], str | None],
) -> list[Candidate]:
    """One or two capitalised words after a verb of travel and a preposition of motion as a place (see the
    module docs); nothing without the learned model's list of common words."""
    if not common:
        return cands
    for m in literal_matches(_TRAVEL, text, _LITERALS):
        start, end = m.span(1)
        read = [c for c in cands if c.start < end and c.end > start]
        if any(c.strength > LEARNED or c.type != "person" for c in read):
            continue  # read already (a place the gazetteer knows, an operator's name): the rules' ground
        words = m.group(1).split()
        low = [w.casefold() for w in words]
        if place_type(m.group(1)) not in (None, "place"):
            continue
        if any(usual_word(w, common) or w in TITLE_WORDS or w in DEMONYMS for w in low) or not_a_name_word(words[0]):
            continue  # "flew to Paris on Monday" is read; "arrived at Christmas", "flew to Doctor"
        if "g" in names.get(low[0], "") or is_holiday_name(m.group(1)):
            continue  # "flew to Sarah": a given name; "arrived at Easter": a time
        new = Candidate(start, end, "place", NAMED, " ".join(words))
        cands = replace_inside(cands, new) or cands
    return cands
