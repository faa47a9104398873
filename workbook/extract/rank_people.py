"""People named right after a rank phrase ("Sgt. 1st Class Maria Delgado-Ruiz", "Lt. Cmdr. Aaron Pike"):
the rank phrases come from :mod:`workbook.extract.ranks`, the name words are read by the run rules of
:mod:`workbook.extract.entity_runs` (moved out of it when it passed the module size limit)."""

from __future__ import annotations

from collections.abc import Sequence

from workbook.extract.entity_runs import (
    CUED_PERSON,
    MAX_PARTICLES,
    NAME_PARTICLES,
    Candidate,
    RunContext,
    head_follows,
    name_tokens,
    person_candidate,
)
from workbook.extract.ranks import RankSpan

__all__ = ["ranked_people"]


def ranked_people(doc: RunContext, ranks: Sequence[RankSpan]) -> list[Candidate]:
    """The person named right after each rank phrase ("Sgt. 1st Class Maria Delgado-Ruiz", "Lt. Cmdr.
    Aaron Pike", "Crown Prince Mohammed bin Salman"): a cued person, its title the rank; none when
    the words after the rank are a head-word name ("Petty Officer Training School")."""
    if not ranks:
        return []
    at = {t.start: i for i, t in enumerate(doc.tokens)}
    out: list[Candidate] = []
    for r in ranks:
        first = at.get(r.name_at)
        if first is None:
            continue
        run = [first]
        while run[-1] + 1 < len(doc.tokens) and len(run) < 4 + MAX_PARTICLES:
            a, b = doc.tokens[run[-1]], doc.tokens[run[-1] + 1]
            if not doc.joinable(a, b) or not (b.cap or b.lower in NAME_PARTICLES):
                break
            run.append(run[-1] + 1)
        name = name_tokens(doc, run, 0)
        if not name or head_follows(doc, run, 0, name):
            continue
        title = " ".join(doc.text[r.start : r.end].lower().split())
        out.append(person_candidate(doc, name, title, None, CUED_PERSON))
    return out
