"""Short names of a place the document names in full: "the North" and "the South" for North and South
Korea (:data:`~workbook.extract.vocabulary.SHORT_PLACE_NAMES`), read by the entity rules
(:mod:`workbook.extract.entities`) after their selection."""

from __future__ import annotations

import re
from itertools import compress
from operator import attrgetter

from workbook.extract.entity_runs import GAZETTEER, Candidate
from workbook.extract.gazetteer import GazetteerMatch
from workbook.extract.rule_tokens import Token
from workbook.extract.vocabulary import SHORT_PLACE_NAMES

__all__ = ["short_place_names"]

_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_text_of = attrgetter("text")


def short_place_names(text: str, tokens: list[Token], chosen: list[Candidate], covered: bytearray) -> list[Candidate]:
    """ "the North" / "the South" for North / South Korea, when the document names that country."""
    named = {c.gaz.entry.name: c.gaz.entry for c in chosen if c.gaz is not None}
    out: list[Candidate] = []
    if not any(name in named for name in SHORT_PLACE_NAMES.values()):
        return out  # the document names neither country: no token to look at
    for i in compress(range(len(tokens)), map(SHORT_PLACE_NAMES.__contains__, map(_text_of, tokens))):
        t = tokens[i]  # only the tokens that are a short name (the others have no entry: no name is empty)
        entry = named.get(SHORT_PLACE_NAMES.get(t.text, ""))
        if (
            entry is None
            or covered.find(1, t.start, t.end) >= 0
            or not _THE_BEFORE.search(text, max(0, t.start - 5), t.start)
        ):
            continue
        if i + 1 < len(tokens) and tokens[i + 1].cap and not text[t.full_end : tokens[i + 1].start].strip():
            continue  # "the North Atlantic"
        out.append(
            Candidate(
                t.start, t.end, entry.type, GAZETTEER, entry.name, gaz=GazetteerMatch(t.start, t.end, entry, True)
            )
        )
    return out
