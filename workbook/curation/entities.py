"""Entity curation: merge, split and rename entities, add aliases; the decisions are logged.

Every decision is a record of ``WORKSPACE/analyst/curation.jsonl`` (see :mod:`workbook.curation.log`),
re-applied to the freshly built tables every time the workspace is opened
(:func:`workbook.curation.apply.apply_curation`), so the analyst's identity decisions win over the
extractor's, build after build.

    >>> from workbook import curation as cur
    >>> cur.merge(book, ["Kim Jong-un", "Kim Jong Un"], into="Kim Jong Un")   # names or entity ids
    >>> cur.split(book, "Kim", "Kim Yo Jong", doc_ids=[doc])                 # those mentions are someone else
    >>> cur.rename(book, "Straits Times", "The Straits Times")
    >>> cur.add_aliases(book, "Kim Jong Un", ["Marshal Kim"])
    >>> book = wb.open(book.workspace)                                       # the tables with the decisions

Entities are named by id or by name (case- and accent-insensitive; a name two entities share needs
``type=`` or the id). The decisions keep the ids: a merge keeps the id of ``into`` (so annotations
on it stay attached, and annotations on the merged entities follow it), a rename keeps the id, a
split moves mentions to the entity ``workbook.ids.entity_id(new_type, new_name)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from workbook.book import Book
from workbook.curation.log import (
    LogContents,
    active_records,
    curation_log,
    default_author,
    new_record_id,
)
from workbook.errors import CurationError
from workbook.ids import entity_id, normalise_name
from workbook.model import CURATION_OPS, ENTITY_TYPES

__all__ = [
    "CURATION_OPS",
    "add_aliases",
    "append_decision",
    "curation_history",
    "curation_log",
    "entity_id_map",
    "find_entity",
    "merge",
    "read_decisions",
    "rename",
    "split",
]

# CURATION_OPS (the ``op`` of a decision) is declared in workbook.model; curation_log in workbook.curation.log.


def read_decisions(book: Book | Any) -> LogContents:
    """Every record of the curation log, in file order (undo records included)."""
    return curation_log(book).read()


def find_entity(book: Book, ref: str, type: str | None = None) -> str:
    """The id of the entity ``ref`` names: an entity id, or a name or alias (case- and accent-blind,
    names before aliases). Raises :class:`CurationError` when none or several entities fit."""
    ents = book.entities
    if type is not None and type not in ENTITY_TYPES:
        raise CurationError(f"Unknown entity type {type!r}; the types are {list(ENTITY_TYPES)}.")
    pool = ents if type is None else ents.loc[ents["type"] == type]
    if (pool["entity_id"] == ref).any():
        return ref
    key = normalise_name(ref)
    by_name = pool.loc[pool["name"].map(lambda n: normalise_name(str(n)) == key)]
    if by_name.empty:
        by_name = pool.loc[pool["aliases"].map(lambda a: any(normalise_name(str(x)) == key for x in a))]
    if len(by_name) == 1:
        return str(by_name["entity_id"].iloc[0])
    if by_name.empty:
        raise CurationError(
            f"No entity is called {ref!r}"
            + (f" among the {type} entities" if type else "")
            + "; look it up in book.entities (name, aliases) or pass its entity_id."
        )
    options = ", ".join(f"{r.entity_id} ({r.name}, {r.type})" for r in by_name.itertuples())
    raise CurationError(f"{ref!r} names several entities: {options}; pass type= or the entity_id.")


def _anchor(book: Book, eid: str) -> dict[str, Any]:
    row = book.entities.loc[book.entities["entity_id"] == eid].iloc[0]
    return {"name": str(row["name"]), "type": str(row["type"]), "n_mentions": int(row["n_mentions"])}


def entity_id_map(decisions: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Entity id → the id it was merged into (transitively), from the merges in effect.

    Decisions only: a split that moved *every* mention of an entity also redirects it, but that is
    known only with the tables (see :func:`workbook.curation.apply.curate`)."""
    parent: dict[str, str] = {}

    def resolve(x: str) -> str:
        while x in parent:
            x = parent[x]
        return x

    for d in active_records(list(decisions)):
        if d.get("op") != "merge":
            continue
        into = resolve(str(d["into"]))
        for m in d.get("entities", []):
            r = resolve(str(m))
            if r != into:
                parent[r] = into
    return {k: resolve(k) for k in parent}


def append_decision(book: Book, rec: dict[str, Any], same: Any = None) -> str:
    """Append the curation decision ``rec`` (given an id when it has none) to the curation log, unless
    ``same(decisions in effect)``, called under the log's lock, returns the id of an equivalent decision:
    then nothing is written and that id is returned (actions stay idempotent). Returns the id in effect."""
    existing: list[str] = []

    def skip(records: tuple[dict[str, Any], ...]) -> bool:
        if same is None:
            return False
        found = same(active_records(list(records)))
        if found:
            existing.append(found)
        return bool(found)

    rec.setdefault("id", new_record_id("k"))
    written = curation_log(book).append([rec], skip_if=skip)
    return str(written[0]["id"]) if written else existing[0]


def merge(
    book: Book,
    entities: str | Sequence[str],
    into: str,
    *,
    name: str | None = None,
    author: str | None = None,
    via: str = "manual",
) -> str:
    """Merge ``entities`` into the entity ``into`` (names or ids); returns the decision's id.

    The merged entity keeps ``into``'s id, type and coordinates (or the best coordinates of the
    others when it has none), takes ``name`` when given, and lists every other name as an alias.
    Merging what is already merged writes nothing and returns the decision in effect.
    """
    members = [entities] if isinstance(entities, str) else list(entities)
    target = find_entity(book, into)
    ids = [e for e in dict.fromkeys(find_entity(book, m) for m in members) if e != target]
    if not ids:
        done = _latest_about(book, target) if members else None
        if done:  # the names already lead to the merged entity: merged before
            return done
        raise CurationError(f"Nothing to merge into {into!r}: name at least one other entity.")
    rec = {
        "op": "merge",
        "entities": ids,
        "into": target,
        "name": name,
        "via": via,
        "author": author or default_author(),
        "anchor": {e: _anchor(book, e) for e in [target, *ids]},
    }

    def same(active: list[dict[str, Any]]) -> str | None:
        mapping = entity_id_map(active)
        final = mapping.get(target, target)
        done = all(mapping.get(e, e) == final for e in ids) and (name is None or _named(active, final, name))
        merges = [d for d in active if d.get("op") == "merge" and target in (d["into"], *d["entities"])]
        return str(merges[-1]["id"]) if done and merges else None

    return append_decision(book, rec, same)


def _named(active: list[dict[str, Any]], eid: str, name: str) -> bool:
    for d in reversed(active):
        if d.get("op") == "rename" and d.get("entity_id") == eid and d.get("name"):
            return bool(d["name"] == name)
        if d.get("op") == "merge" and d.get("into") == eid and d.get("name"):
            return bool(d["name"] == name)
    return False


def split(
    book: Book,
    entity: str,
    new_name: str,
    *,
    new_type: str | None = None,
    mention_ids: Sequence[str] = (),
    surfaces: Sequence[str] = (),
    doc_ids: Sequence[str] = (),
    author: str | None = None,
) -> str:
    """Move some mentions of ``entity`` to the entity ``new_name`` (of ``new_type``, default the same
    type): those listed in ``mention_ids``, written as one of ``surfaces``, or in one of ``doc_ids``.
    Claims and events follow their mentions. Returns the decision's id."""
    src = find_entity(book, entity)
    src_type = str(book.entities.loc[book.entities["entity_id"] == src, "type"].iloc[0])
    new_type = new_type or src_type
    if new_type not in ENTITY_TYPES:
        raise CurationError(f"Unknown entity type {new_type!r}; the types are {list(ENTITY_TYPES)}.")
    new_name = " ".join(str(new_name).split())
    if not new_name:
        raise CurationError("A split needs the name of the entity the mentions belong to.")
    if not (mention_ids or surfaces or doc_ids):
        raise CurationError("Say which mentions to move: mention_ids=, surfaces= or doc_ids=.")
    m = book.mentions
    surface_keys = {normalise_name(s) for s in surfaces}
    sel = (m["entity_id"] == src) & (
        m["mention_id"].isin(list(mention_ids))
        | m["surface"].map(lambda s: normalise_name(str(s)) in surface_keys)
        | m["doc_id"].isin(list(doc_ids))
    )
    if not sel.any():
        raise CurationError(
            f"No mention of {entity!r} ({src}) matches mention_ids={list(mention_ids)}, surfaces={list(surfaces)}, "
            f"doc_ids={list(doc_ids)}; see book.mentions.query('entity_id == \"{src}\"')."
        )
    new_id = entity_id(new_type, new_name)
    if new_id == src:
        raise CurationError(f"{new_name!r} ({new_type}) is {entity!r} itself; give the other entity's name.")
    rec = {
        "op": "split",
        "entity_id": src,
        "new_id": new_id,
        "new_name": new_name,
        "new_type": new_type,
        "mention_ids": list(mention_ids),
        "surfaces": list(surfaces),
        "doc_ids": list(doc_ids),
        "author": author or default_author(),
        "anchor": {src: _anchor(book, src), "n_moved": int(sel.sum())},
    }
    return append_decision(book, rec)


def rename(
    book: Book,
    entity: str,
    name: str | None = None,
    *,
    type: str | None = None,
    author: str | None = None,
) -> str:
    """Give an entity a new canonical ``name`` (the old one becomes an alias) and/or a new ``type``;
    the id stays. Returns the decision's id."""
    eid = find_entity(book, entity)
    if name is None and type is None:
        raise CurationError("rename() needs a new name=, a new type=, or both.")
    if type is not None and type not in ENTITY_TYPES:
        raise CurationError(f"Unknown entity type {type!r}; the types are {list(ENTITY_TYPES)}.")
    name = " ".join(name.split()) if name is not None else None
    if name == "":
        raise CurationError("A new name must not be empty.")
    row = book.entities.loc[book.entities["entity_id"] == eid].iloc[0]
    if (name is None or name == row["name"]) and (type is None or type == row["type"]):
        return _latest_about(book, eid) or append_decision(book, _rename_rec(book, eid, name, type, author))
    return append_decision(book, _rename_rec(book, eid, name, type, author))


def _rename_rec(book: Book, eid: str, name: str | None, type_: str | None, author: str | None) -> dict[str, Any]:
    return {
        "op": "rename",
        "entity_id": eid,
        "name": name,
        "type": type_,
        "author": author or default_author(),
        "anchor": _anchor(book, eid),
    }


def _latest_about(book: Book, eid: str) -> str | None:
    active = active_records(list(read_decisions(book).records))
    hits = [d for d in active if d.get("entity_id") == eid or d.get("into") == eid]
    return str(hits[-1]["id"]) if hits else None


def add_aliases(book: Book, entity: str, aliases: str | Sequence[str], *, author: str | None = None) -> str:
    """Add other names of an entity to its ``aliases``; returns the decision's id. (To make the
    extractor *find* a new spelling in the text, put it in a watchlist: ``workbook build --watchlist``.)"""
    eid = find_entity(book, entity)
    items = [" ".join(str(a).split()) for a in ([aliases] if isinstance(aliases, str) else aliases)]
    items = [a for a in dict.fromkeys(items) if a]
    if not items:
        raise CurationError("add_aliases() needs at least one non-empty alias.")
    row = book.entities.loc[book.entities["entity_id"] == eid].iloc[0]
    have = {normalise_name(str(x)) for x in [row["name"], *row["aliases"]]}
    if all(normalise_name(a) in have for a in items):
        found = _latest_about(book, eid)
        if found:
            return found
    rec = {
        "op": "alias",
        "entity_id": eid,
        "aliases": items,
        "author": author or default_author(),
        "anchor": _anchor(book, eid),
    }
    return append_decision(book, rec)


def _summary(d: Mapping[str, Any]) -> str:
    anchor = d.get("anchor", {}) or {}

    def nm(eid: str) -> str:
        a = anchor.get(eid)
        return f"{a['name']} ({eid})" if isinstance(a, Mapping) and "name" in a else eid

    op = d.get("op")
    if op == "merge":
        named = f" named {d['name']!r}" if d.get("name") else ""
        return f"merge {', '.join(nm(e) for e in d.get('entities', []))} into {nm(str(d.get('into')))}{named}"
    if op == "split":
        how = {k: d.get(k) for k in ("mention_ids", "surfaces", "doc_ids") if d.get(k)}
        return f"split from {nm(str(d.get('entity_id')))}: {d.get('new_name')} ({d.get('new_type')}) by {how}"
    if op == "rename":
        return f"rename {nm(str(d.get('entity_id')))} to name={d.get('name')!r} type={d.get('type')!r}"
    if op == "alias":
        return f"aliases of {nm(str(d.get('entity_id')))}: {', '.join(d.get('aliases', []))}"
    if op == "reject":
        return f"not the same: {' / '.join(nm(e) for e in d.get('entities', []))}"
    if op == "undo":
        return f"undo {d.get('undoes')}"
    return str(op)


def curation_history(book: Book | Any) -> pd.DataFrame:
    """Every curation record in log order: id, op, author, created, whether it is in effect, and a
    one-line summary (the analyst's audit trail)."""
    records = list(read_decisions(book).records)
    alive = {str(r["id"]) for r in active_records(records)}
    rows = [
        {
            "decision_id": str(r["id"]),
            "op": r.get("op"),
            "author": r.get("author"),
            "created": pd.Timestamp(str(r.get("created"))).tz_localize(None) if r.get("created") else pd.NaT,
            "in_effect": str(r["id"]) in alive or r.get("op") == "undo",
            "summary": _summary(r),
        }
        for r in records
    ]
    cols = ["decision_id", "op", "author", "created", "in_effect", "summary"]
    return pd.DataFrame(rows, columns=cols)
