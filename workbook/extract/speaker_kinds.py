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
from workbook.extract.speaker_kind_nouns import KIND_NOUNS, introduced_kind, introduced_names, name_fits_kind
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


def _named_of_kind(head: str, m: MentionRecord, kind: str | None, name: str, text: str) -> bool:
    """Is the body named by ``m`` of the kind ``head``: its name's head word ("Leeds City Council"), or the
    words that introduce it there ("Europol, the EU's police agency")? A name the entity stage typed a
    person or a place counts by its head word alone ("Norfolk Constabulary"), never as a union (the Soviet
    Union)."""
    if kind in ("organization", "facility"):
        return name_fits_kind(head, name) or introduced_kind(text, m.start, m.end) == head
    return kind in ("person", "place") and head != "union" and len(name.split()) >= 2 and name_fits_kind(head, name)


def _same_body(a: str, b: str) -> bool:
    """One name inside the other ("Caldmore" and "Caldmore Systems")."""
    wa, wb = set(_words(a)), set(_words(b))
    return wa <= wb or wb <= wa


class KnownBodies(Protocol):
    """What :func:`body_of_kind` reads of a document (a :class:`~workbook.extract.speaker_memory.SpeakerMemory`):
    its mentions sorted by start, their starts, each entity's type and name, and the organisation speakers of
    the claims so far with their offsets, both in text order."""

    @property
    def text(self) -> str: ...
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
    if fits is None and head not in KIND_NOUNS:
        return None
    mentions, types, names = doc.mentions, doc.types, doc.names
    latest: dict[str, int] = {}  # each fitting body's key: where it was last named before ``at``
    i = bisect.bisect_left(doc.mention_starts, at) - 1
    for j in range(i, max(-1, i - 80), -1):
        m = mentions[j]
        if at - m.start > _WINDOW:
            break
        key = m.entity_key
        if key in latest:
            continue
        if fits is not None:
            if types.get(key) in ("organization", "facility", "place") and fits(names.get(key, "")):  # "Clydeport
                # Marine Engineering" typed a place: a firm's shape is no place's
                latest[key] = m.start
        elif _named_of_kind(head, m, types.get(key), names.get(key, ""), doc.text):
            latest[key] = m.start
    if fits is None:  # "The Council of the European Union said": a speaker written with its head word
        for k in range(bisect.bisect_left(doc._org_at, at) - 1, -1, -1):
            sp, spoke_at = doc._org[k], doc._org_at[k]
            if at - spoke_at > _WINDOW:
                break
            if sp.key and sp.key not in latest and name_fits_kind(head, sp.as_written):
                latest[sp.key] = spoke_at
    named = dict(names)
    if fits is None:  # "Relief Access Watch, a group that …": a body introduced by its kind, found or not
        by_name: dict[str, str] | None = None
        for start, name in introduced_names(doc.text, max(0, at - _WINDOW), at, head):
            j = bisect.bisect_right(doc.mention_starts, start) - 1
            hit = mentions[j] if j >= 0 and mentions[j].start <= start < mentions[j].end else None
            if hit is not None and types.get(hit.entity_key) not in ("organization", "facility"):
                hit = None  # a name the entity stage read as a person or a place: the introduction's name
            if by_name is None:
                by_name = {v.casefold(): k for k, v in names.items()}
            key = hit.entity_key if hit is not None else by_name.get(name.casefold(), f"\0{name}")
            named.setdefault(key, name)
            latest[key] = max(latest.get(key, start), start)
    if not latest:
        return None
    bodies: list[list[str]] = []  # the fitting keys grouped by body, a shorter name with a longer one
    for key in sorted(latest, key=lambda k: -len(named[k])):
        group = next((g for g in bodies if _same_body(named[g[0]], named[key])), None)
        if group is None:
            bodies.append([key])
        else:
            group.append(key)
    if len(bodies) == 1:
        return (_speaker(bodies[0][0], named, names, phrase),)
    for spoke_at, sp in reversed(list(zip(doc._org_at, doc._org, strict=True))):
        if spoke_at >= at:
            continue
        shown = named.get(sp.key or "", sp.shown or "")
        body = next((g for g in bodies if sp.key in g or (shown and _same_body(named[g[0]], shown))), None)
        if body is None:
            continue  # a body of another kind spoke last ("the ministry said"): look further back
        if all(latest[k] < spoke_at for g in bodies if g is not body for k in g):
            return (_speaker(body[0], named, names, phrase),)
        break
    return (Speaker(None, None, phrase),)


def _speaker(key: str, named: Mapping[str, str], names: Mapping[str, str], phrase: str) -> Speaker:
    """The speaker for a fitting body: an entity, or a name only the introduction gave (no entity)."""
    return Speaker(key if key in names else None, named[key], phrase, key not in names)
