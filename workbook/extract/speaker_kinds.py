"""Bodies named again by the kind of body they are: "the alliance said" after NATO, "the company said" after
Acme Corp.

A release names a body once and then calls it by its kind, the way it calls a person by a title: "NATO jets
were scrambled …, the alliance said"; "The ministry has signed a contract with Caldmore Systems … The company
said it would take on apprentices". The kind noun says which of the bodies named before is meant — not the
latest organisation named (the customer in "a contract to supply the US Army …, the company said"), but the
one whose name has that kind's shape: a firm's name ends in a legal form or a trade word ("Inc", "plc",
"Systems", "Aerospace"); an alliance's name holds "Alliance", "Treaty" or "Pact", or is one of the few
alliances known by an acronym alone (a closed class, like the months).

:func:`body_of_kind` reads "the <kind>" at an offset: the one body of that kind named in the 3,000 characters
before it (a shorter name inside a longer one is the same body: "Caldmore" and "Caldmore Systems"); with two
or more, the one that spoke last, when no other was named after it spoke; else nobody — the claim keeps
"the company" with no speaker rather than guess ("Harrowgate beat a bid from Pellworth Aerospace Corp. The
company said it was disappointed": either firm). A kind with no body of its shape named before is left to
the caller's other readings (the latest organisation, as before).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from workbook.extract.base import MentionRecord
from workbook.extract.firm_cues import FIRM_FORM_WORDS, LEGAL_FORMS
from workbook.extract.speaker_words import Speaker

__all__ = ["ALLIANCE_HEADS", "COMPANY_HEADS", "KnownBodies", "body_of_kind", "is_alliance_name", "is_company_name"]

#: Nouns that call a firm named before by its kind ("the company said", "the manufacturer added").
COMPANY_HEADS = frozenset({"company", "firm", "corporation", "manufacturer", "contractor", "shipbuilder"})
#: Nouns that call an alliance named before by its kind ("the alliance said").
ALLIANCE_HEADS = frozenset({"alliance"})
#: Last words of a firm's name besides its legal form (``firm_cues``): the trades defence and industry
#: releases name firms by ("BAE Systems", "General Dynamics", "Pellworth Aerospace", "Rolls-Royce Holdings").
_TRADE_ENDINGS = frozenset(
    {"corp", "co", "llc", "systems", "dynamics", "aerospace", "industries", "technologies", "technology"}
    | {"airlines", "airways", "shipyards", "shipbuilding", "electric", "electronics", "engineering"}
)
_ALLIANCE_WORDS = frozenset({"alliance", "treaty", "pact"})
#: Alliances known by an acronym alone, with no kind word in their name (a closed class).
_ALLIANCE_ACRONYMS = frozenset({"nato", "otan", "aukus", "anzus", "csto"})
_WINDOW = 3000


def _words(name: str) -> list[str]:
    return [w.strip(".,").casefold() for w in name.split() if w.strip(".,")]


def is_company_name(name: str) -> bool:
    """Has ``name`` a firm's shape: it ends in a legal form or a trade word ("Acme Corp.", "Caldmore
    Systems"), or holds the word "Company"?"""
    words = _words(name)
    return len(words) >= 2 and (words[-1] in LEGAL_FORMS | FIRM_FORM_WORDS | _TRADE_ENDINGS or "company" in words)


def is_alliance_name(name: str) -> bool:
    """Has ``name`` an alliance's shape ("North Atlantic Treaty Organization", "NATO", "Quad Alliance")?"""
    words = set(_words(name))
    return bool(words & _ALLIANCE_WORDS) or (len(words) == 1 and bool(words & _ALLIANCE_ACRONYMS))


_FITS: dict[str, Callable[[str], bool]] = {
    **{head: is_company_name for head in COMPANY_HEADS},
    **{head: is_alliance_name for head in ALLIANCE_HEADS},
}


def _same_body(a: str, b: str) -> bool:
    """One name inside the other ("Caldmore" and "Caldmore Systems")."""
    wa, wb = set(_words(a)), set(_words(b))
    return wa <= wb or wb <= wa


class KnownBodies(Protocol):
    """What :func:`body_of_kind` reads of a document (a :class:`~workbook.extract.speaker_memory.SpeakerMemory`):
    its mentions sorted by start, their starts, each entity's type and name, and the organisation speakers of
    the claims so far with their offsets, both in text order."""

    @property
    def mentions(self) -> Sequence[MentionRecord]: ...
    @property
    def mention_starts(self) -> Sequence[int]: ...
    @property
    def types(self) -> Mapping[str, str]: ...
    @property
    def names(self) -> Mapping[str, str]: ...
    @property
    def _org_at(self) -> Sequence[int]: ...
    @property
    def _org(self) -> Sequence[Speaker]: ...


def body_of_kind(head: str, phrase: str, at: int, doc: KnownBodies) -> tuple[Speaker] | None:
    """The body "the <head>" (``phrase``, at ``at``) stands for, as a 1-tuple: the one body named before
    whose name has the kind's shape, or the last of several to speak when none was named after it spoke;
    ``(Speaker(None, None, phrase),)`` when several could be meant; None when ``head`` is not a kind noun or
    no body of its shape is named before (the caller reads it another way)."""
    fits = _FITS.get(head)
    if fits is None:
        return None
    mentions, types, names = doc.mentions, doc.types, doc.names
    latest: dict[str, int] = {}  # each fitting body's key: where it was last named before ``at``
    i = bisect.bisect_left(doc.mention_starts, at) - 1
    for j in range(i, max(-1, i - 80), -1):
        m = mentions[j]
        if at - m.start > _WINDOW:
            break
        key = m.entity_key
        if key not in latest and types.get(key) in ("organization", "facility") and fits(names.get(key, "")):
            latest[key] = m.start
    if not latest:
        return None
    bodies: list[list[str]] = []  # the fitting keys grouped by body, a shorter name with a longer one
    for key in sorted(latest, key=lambda k: -len(names[k])):
        group = next((g for g in bodies if _same_body(names[g[0]], names[key])), None)
        if group is None:
            bodies.append([key])
        else:
            group.append(key)
    if len(bodies) == 1:
        return (Speaker(bodies[0][0], names[bodies[0][0]], phrase),)
    for spoke_at, sp in reversed(list(zip(doc._org_at, doc._org, strict=True))):
        if spoke_at >= at:
            continue
        shown = names.get(sp.key or "", sp.shown or "")
        body = next((g for g in bodies if sp.key in g or (shown and _same_body(names[g[0]], shown))), None)
        if body is None:
            continue  # a body of another kind spoke last ("the ministry said"): look further back
        if all(latest[k] < spoke_at for g in bodies if g is not body for k in g):
            return (Speaker(body[0], names[body[0]], phrase),)
        break
    return (Speaker(None, None, phrase),)
