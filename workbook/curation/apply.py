"""Re-apply the analyst's entity decisions to freshly built tables: a pure function of the Book and
the curation log, run every time a workspace is opened.

:func:`apply_curation` replays the decisions in effect, in log order:

* ``merge``: the merged entities' ids become the id of ``into`` in ``mentions`` (``entity_id``,
  ``candidates``), ``claims`` (``speaker_id``, ``entity_ids``), ``events`` (``entity_ids``) and
  ``places``; one ``entities`` row remains, with every other name as an alias, ``into``'s type,
  origin and coordinates (or, when it has none, the most precise coordinates of the others);
* ``split``: the selected mentions move to the new entity (created with origin ``analyst`` unless
  it exists); claims and events of those documents follow the mentions inside their span (claims)
  or sentence (events); a speaker follows when the speaker's words are a moved surface or no
  mention of the old entity is left in the document. An entity left without mentions is redirected
  to the new one, like a merge;
* ``rename``: the name (the old one becomes an alias) and/or the type change; the id stays;
* ``alias``: aliases are added.

Then ``n_mentions`` and ``n_docs`` are counted again. Offsets, documents and every other column are
untouched, so provenance is kept. A decision whose entities are gone (their documents changed) has
no effect and is reported (:attr:`CurationResult.report`), never applied to the wrong rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from workbook.book import Book
from workbook.curation.log import active_records
from workbook.ids import normalise_name
from workbook.labels import add_labels, map_labels, set_labels
from workbook.lists import remap_lists, replace_lists
from workbook.model import conform

__all__ = ["REPORT_COLUMNS", "CurationResult", "apply_curation", "curate"]

REPORT_COLUMNS = ["decision_id", "op", "author", "created", "outcome", "reason"]


@dataclass(frozen=True, eq=False)
class CurationResult:
    """What :func:`curate` made: the curated Book, where every merged-away id went, and one report
    row per decision in effect (``outcome``: applied, partly applied, no effect or orphaned)."""

    book: Book
    id_map: dict[str, str]
    report: pd.DataFrame


def apply_curation(book: Book, decisions: Sequence[Mapping[str, Any]]) -> Book:
    """``book`` with the curation ``decisions`` (records of the curation log) applied."""
    return curate(book, decisions).book


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in r.items()} for r in df.to_dict("records")]


def _lst(v: Any) -> list[str]:
    return [str(x) for x in v] if v is not None and not isinstance(v, str) else []


def _names(d: Mapping[str, Any], eids: Sequence[str]) -> str:
    anchor = d.get("anchor", {}) or {}
    return ", ".join(f"{anchor[e]['name']!r} ({e})" if isinstance(anchor.get(e), Mapping) else e for e in eids)


class _State:
    def __init__(self, book: Book) -> None:
        self.book = book
        self.ents: dict[str, dict[str, Any]] = {
            str(r["entity_id"]): {**r, "aliases": _lst(r["aliases"])} for r in _records(book.entities)
        }
        self.places: dict[str, dict[str, Any]] = {str(r["entity_id"]): r for r in _records(book.places)}
        self.mentions = book.mentions.copy()
        self.claims = book.claims.copy()
        self.events = book.events.copy()
        self.parent: dict[str, str] = {}
        self.pending: set[str] = set()

    def resolve(self, x: str) -> str:
        while x in self.parent:
            x = self.parent[x]
        return x

    def redirect(self, old: str, new: str) -> None:
        self.parent[old] = new
        self.pending.add(old)

    def flush(self) -> None:
        """Rewrite the ids merged away since the last flush in mentions, claims and events."""
        if not self.pending:
            return
        mapping = {k: self.resolve(k) for k in self.pending}
        self.pending = set()
        keys = set(mapping)
        m = self.mentions
        m["entity_id"] = map_labels(m["entity_id"], mapping)
        m["candidates"] = _map_lists(m["candidates"], mapping, keys, sort=False)
        c = self.claims
        hit = c["speaker_id"].isin(list(keys))
        if hit.any():
            c["speaker_id"] = map_labels(c["speaker_id"], mapping)
        c["entity_ids"] = _map_lists(c["entity_ids"], mapping, keys)
        self.events["entity_ids"] = _map_lists(self.events["entity_ids"], mapping, keys)

    def result(self) -> Book:
        self.flush()
        m = self.mentions
        grouped = m.groupby("entity_id")
        n_mentions = {str(k): int(v) for k, v in grouped.size().items()}
        n_docs = {str(k): int(v) for k, v in grouped["doc_id"].nunique().items()}
        rows = []
        for eid, r in sorted(self.ents.items()):
            rows.append({**r, "n_mentions": n_mentions.get(eid, 0), "n_docs": n_docs.get(eid, 0)})
        places = [p for eid, p in sorted(self.places.items()) if eid in self.ents]
        return self.book.with_tables(
            entities=conform("entities", pd.DataFrame(rows) if rows else []),
            mentions=conform("mentions", m),
            claims=conform("claims", self.claims),
            events=conform("events", self.events),
            places=conform("places", pd.DataFrame(places) if places else []),
        )


def _map_lists(s: pd.Series, mapping: Mapping[str, str], keys: set[str], sort: bool = True) -> pd.Series:
    """List column ``s`` with the ids in ``keys`` replaced by ``mapping``: a row holding one keeps each new
    id once, sorted when ``sort``; the other rows are kept (vectorised: :func:`workbook.lists.remap_lists`)."""

    def one(_positions: Any, ids: pd.Series) -> pd.Series:
        out = ids.astype(object)
        hit = ids.isin(list(keys)).to_numpy()
        if hit.any():
            out[hit] = [mapping[x] for x in out[hit]]
        return out

    return remap_lists(s, one, sort=sort)


def _merge(st: _State, d: Mapping[str, Any]) -> tuple[str, str]:
    into = st.resolve(str(d["into"]))
    members = [m for m in dict.fromkeys(st.resolve(str(x)) for x in d.get("entities", [])) if m != into]
    if not members:
        return "no effect", "the entities are already one"
    everyone = [into, *members]
    present = [e for e in everyone if e in st.ents]
    if not present:
        return "orphaned", f"none of {_names(d, everyone)} is in the corpus any more (their documents changed)"
    anchor = (d.get("anchor", {}) or {}).get(str(d["into"]), {})
    base = st.ents.get(into) or max((st.ents[e] for e in present), key=lambda r: int(r["n_mentions"]))
    name = str(d.get("name") or (st.ents[into]["name"] if into in st.ents else anchor.get("name") or base["name"]))
    type_ = st.ents[into]["type"] if into in st.ents else anchor.get("type", base["type"])
    aliases: dict[str, None] = {}
    for e in present:
        r = st.ents[e]
        for a in [r["name"], *r["aliases"]]:
            aliases[str(a)] = None
    key = normalise_name(name)
    merged = {
        **base,
        "entity_id": into,
        "name": name,
        "type": type_,
        "aliases": sorted(a for a in aliases if normalise_name(a) != key),
    }
    if into not in st.places:
        options = [st.places[e] for e in members if e in st.places]
        if options:
            st.places[into] = {**min(options, key=lambda p: float(p["uncertainty_km"])), "entity_id": into}
    for e in members:
        st.ents.pop(e, None)
        st.places.pop(e, None)
        st.redirect(e, into)
    st.ents[into] = merged
    missing = [e for e in everyone if e not in present]
    if missing:
        return "partly applied", f"{_names(d, missing)} no longer in the corpus"
    return "applied", ""


def _inside(ms: pd.DataFrame, start: int, end: int) -> set[str]:
    return set(ms.loc[(ms["start"] >= start) & (ms["end"] <= end), "entity_id"].astype(str))


def _moved_ids(ids: list[str], src: str, new: str, here: set[str]) -> list[str]:
    """A claim's or event's entity ids after a split: the new entity when one of its moved mentions
    is in the span (``here``), the old one unless only the new one is."""
    keep_src = src in here or new not in here
    return sorted({*(x for x in ids if x != src or keep_src), *([new] if new in here else [])})


def _split(st: _State, d: Mapping[str, Any]) -> tuple[str, str]:
    st.flush()
    src, new = st.resolve(str(d["entity_id"])), st.resolve(str(d["new_id"]))
    if src not in st.ents:
        return "orphaned", f"{_names(d, [str(d['entity_id'])])} is no longer in the corpus"
    m = st.mentions
    surfaces = {normalise_name(str(s)) for s in d.get("surfaces", [])}
    of_src = m["entity_id"] == src
    by_surface = pd.Series(False, index=m.index)
    if surfaces:
        by_surface[of_src] = m.loc[of_src, "surface"].map(lambda s: normalise_name(str(s)) in surfaces)
    by_id, by_doc = m["mention_id"].isin(_lst(d.get("mention_ids"))), m["doc_id"].isin(_lst(d.get("doc_ids")))
    sel = of_src & (by_id | by_surface | by_doc)
    if not sel.any():
        return "orphaned", "none of the mentions it moved is in the corpus any more (their documents changed)"
    moved = m.loc[sel]
    m["entity_id"] = set_labels(m["entity_id"], sel, new)  # a new id: not yet among the column's labels
    st.claims["speaker_id"] = add_labels(st.claims["speaker_id"], [new])
    moved_keys = {normalise_name(str(s)) for s in moved["surface"]}
    if new not in st.ents:
        st.ents[new] = {
            "entity_id": new,
            "name": str(d["new_name"]),
            "type": str(d["new_type"]),
            "aliases": [],
            "n_mentions": 0,
            "n_docs": 0,
            "origin": "analyst",
        }
    target = st.ents[new]
    new_key = normalise_name(str(target["name"]))
    target["aliases"] = sorted(
        {*target["aliases"], *(" ".join(str(s).split()) for s in moved["surface"] if normalise_name(str(s)) != new_key)}
    )
    left = m.loc[m["entity_id"] == src]
    left_keys = {normalise_name(str(s)) for s in left["surface"]}
    src_row = st.ents[src]
    src_row["aliases"] = [a for a in src_row["aliases"] if normalise_name(a) not in moved_keys - left_keys]
    for doc in set(moved["doc_id"].astype(str)):
        in_doc = m.loc[m["doc_id"] == doc]
        src_left = bool((in_doc["entity_id"] == src).any())
        c: Any = st.claims
        moved_ids: dict[Any, list[str]] = {}
        for i in c.index[(c["doc_id"] == doc)]:
            ids = _lst(c.at[i, "entity_ids"])
            if src in ids:
                here = _inside(in_doc, int(c.at[i, "start"]), int(c.at[i, "end"]))
                moved_ids[i] = _moved_ids(ids, src, new, here)
            if c.at[i, "speaker_id"] == src:
                said = c.at[i, "speaker_text"]
                if not src_left or (isinstance(said, str) and normalise_name(said) in moved_keys):
                    c.at[i, "speaker_id"] = new
        c["entity_ids"] = replace_lists(c["entity_ids"], moved_ids)  # Arrow lists: replaced at once, not by .at
        v: Any = st.events
        moved_ids = {}
        for i in v.index[(v["doc_id"] == doc)]:
            ids = _lst(v.at[i, "entity_ids"])
            if src in ids:
                here = set(in_doc.loc[in_doc["sentence"] == v.at[i, "sentence"], "entity_id"].astype(str))
                moved_ids[i] = _moved_ids(ids, src, new, here)
        v["entity_ids"] = replace_lists(v["entity_ids"], moved_ids)
    if left.empty:  # every mention moved: the old entity is the new one
        st.ents.pop(src, None)
        place = st.places.pop(src, None)
        if place is not None and new not in st.places:
            st.places[new] = {**place, "entity_id": new}
        st.redirect(src, new)
    return "applied", ""


def _rename(st: _State, d: Mapping[str, Any]) -> tuple[str, str]:
    eid = st.resolve(str(d["entity_id"]))
    if eid not in st.ents:
        return "orphaned", f"{_names(d, [str(d['entity_id'])])} is no longer in the corpus"
    r = st.ents[eid]
    if d.get("name") and d["name"] != r["name"]:
        key = normalise_name(str(d["name"]))
        r["aliases"] = sorted({*(a for a in r["aliases"] if normalise_name(a) != key), str(r["name"])})
        r["name"] = str(d["name"])
    if d.get("type"):
        r["type"] = str(d["type"])
    return "applied", ""


def _alias(st: _State, d: Mapping[str, Any]) -> tuple[str, str]:
    eid = st.resolve(str(d["entity_id"]))
    if eid not in st.ents:
        return "orphaned", f"{_names(d, [str(d['entity_id'])])} is no longer in the corpus"
    r = st.ents[eid]
    key = normalise_name(str(r["name"]))
    r["aliases"] = sorted({*r["aliases"], *(str(a) for a in d.get("aliases", []) if normalise_name(str(a)) != key)})
    return "applied", ""


_HANDLERS = {"merge": _merge, "split": _split, "rename": _rename, "alias": _alias}


def curate(book: Book, decisions: Sequence[Mapping[str, Any]]) -> CurationResult:
    """Apply the curation ``decisions`` (records of the curation log, undo records included) to
    ``book``; returns the curated Book, the id map (merged-away id → surviving id) and the report."""
    active = active_records(list(decisions))
    if not active:
        return CurationResult(book, {}, pd.DataFrame(columns=REPORT_COLUMNS))
    st = _State(book)
    report = []
    for d in active:
        handler = _HANDLERS.get(str(d.get("op")))
        if handler is None:
            known = d.get("op") == "reject"
            outcome, reason = ("recorded", "") if known else ("no effect", f"unknown op {d.get('op')!r}")
        else:
            try:
                outcome, reason = handler(st, d)
            except (KeyError, TypeError, ValueError) as exc:  # a hand-edited record: skip it, say why
                outcome, reason = "no effect", f"malformed decision ({type(exc).__name__}: {exc})"
        report.append(
            {
                "decision_id": str(d["id"]),
                "op": d.get("op"),
                "author": d.get("author"),
                "created": d.get("created"),
                "outcome": outcome,
                "reason": reason,
            }
        )
    curated = st.result()
    return CurationResult(curated, {k: st.resolve(k) for k in st.parent}, pd.DataFrame(report, columns=REPORT_COLUMNS))
