"""Read-only views of the analyst's annotations, for the explorer's annotation panel, report bundles
and notebooks. Pure functions of a Book (plus, for reasons, the log's records): no widgets, no writes.

* :func:`annotations_for` — every annotation of some rows, one row per annotation (the history);
* :func:`annotation_summary` — one row per target: status with its links, tags, star, notes;
* :func:`orphaned_annotations` — annotations whose target vanished in a rebuild, with the reason and,
  when the same text is found again, a candidate to re-attach them to.

"Latest" (status, star) is by ``created``, ties going to the later row, as in the filters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from workbook.book import Book
from workbook.curation.annotations import LINKABLE, TARGET_KINDS, read_annotation_records
from workbook.errors import AnnotationError
from workbook.ids import normalise_name
from workbook.model import LINK_KINDS, NO_STATUS, is_starred

__all__ = [
    "ORPHAN_COLUMNS",
    "SUMMARY_COLUMNS",
    "annotation_summary",
    "annotations_for",
    "find_orphans",
    "orphaned_annotations",
]

FOR_COLUMNS = [
    "target_kind",
    "target_id",
    "annotation_id",
    "kind",
    "value",
    "author",
    "created",
    "supports",
    "contradicts",
]
SUMMARY_COLUMNS = [
    "target_kind",
    "target_id",
    "status",
    "status_author",
    "status_created",
    "supports",
    "contradicts",
    "tags",
    "starred",
    "notes",
    "n_annotations",
]
ORPHAN_COLUMNS = [
    "annotation_id",
    "target_kind",
    "target_id",
    "kind",
    "value",
    "author",
    "created",
    "reason",
    "doc_id",
    "source",
    "candidate_id",
]


def _ids(ids: str | Iterable[str]) -> list[str]:
    return [ids] if isinstance(ids, str) else [str(i) for i in dict.fromkeys(ids)]


def _check(target_kind: str) -> None:
    if target_kind not in TARGET_KINDS:
        raise AnnotationError(f"Unknown target kind {target_kind!r}; use one of {list(TARGET_KINDS)}.")


def _ordered(ann: pd.DataFrame) -> pd.DataFrame:
    """Oldest first; rows of the same second keep table (log) order."""
    return ann.assign(_row=range(len(ann))).sort_values(["created", "_row"], kind="stable").drop(columns="_row")


def _links_by_status(ann: pd.DataFrame) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for r in ann.loc[ann["kind"].isin(LINK_KINDS)].itertuples(index=False):
        parent = str(r.annotation_id).split("/")[0]
        out.setdefault(parent, {k: [] for k in LINK_KINDS})[str(r.kind)].append(str(r.value))
    return out


def annotations_for(book: Book, target_kind: str, ids: str | Iterable[str]) -> pd.DataFrame:
    """Every annotation of the ``target_kind`` rows ``ids``, oldest first within each target (targets
    in the order given): one row per tag, star, note and status, with the status's ``supports`` and
    ``contradicts`` (lists of row ids; empty for other kinds). Undone annotations are not there."""
    _check(target_kind)
    wanted = _ids(ids)
    ann = book.annotations
    sel = ann.loc[(ann["target_kind"] == target_kind) & ann["target_id"].isin(wanted)]
    if sel.empty:
        return pd.DataFrame(columns=FOR_COLUMNS)
    links = _links_by_status(sel)
    main = _ordered(sel.loc[~sel["kind"].isin(LINK_KINDS)]).copy()
    empty: dict[str, list[str]] = {k: [] for k in LINK_KINDS}
    for role in LINK_KINDS:
        main[role] = [list(links.get(str(a), empty)[role]) for a in main["annotation_id"]]
    rank = {t: i for i, t in enumerate(wanted)}
    main = main.assign(_t=main["target_id"].map(rank)).sort_values("_t", kind="stable").drop(columns="_t")
    return main[FOR_COLUMNS].reset_index(drop=True)


def annotation_summary(book: Book, target_kind: str, ids: str | Iterable[str]) -> pd.DataFrame:
    """One row per id (in the order given, annotated or not): the effective ``status`` (claims only:
    the latest status, :data:`~workbook.model.NO_STATUS` when none; null for other kinds),
    who set it and when, its ``supports``/``contradicts`` links, the ``tags`` (sorted), whether it
    is ``starred``, its ``notes`` (oldest first) and how many annotations it has."""
    _check(target_kind)
    wanted = _ids(ids)
    hist = annotations_for(book, target_kind, wanted)
    by_target = {str(k): g for k, g in hist.groupby("target_id", sort=False)} if len(hist) else {}
    rows = []
    for tid in wanted:
        g = by_target.get(tid, hist.iloc[0:0])
        status = g.loc[g["kind"] == "status"]
        stars = g.loc[g["kind"] == "star"]
        last = status.iloc[-1] if len(status) else None
        star_value = stars["value"].iloc[-1] if len(stars) else None
        rows.append(
            {
                "target_kind": target_kind,
                "target_id": tid,
                "status": (str(last["value"]) if last is not None else NO_STATUS) if target_kind == "claim" else None,
                "status_author": last["author"] if last is not None else None,
                "status_created": last["created"] if last is not None else pd.NaT,
                "supports": list(last["supports"]) if last is not None else [],
                "contradicts": list(last["contradicts"]) if last is not None else [],
                "tags": sorted({str(v) for v in g.loc[g["kind"] == "tag", "value"].dropna()}),
                "starred": bool(len(stars)) and is_starred(star_value),
                "notes": [str(v) for v in g.loc[g["kind"] == "note", "value"].dropna()],
                "n_annotations": len(g),
            }
        )
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


# --- orphans ---------------------------------------------------------------------------------------


def _exists(book: Book) -> dict[str, set[str]]:
    return {kind: set(book.table(table)[col].astype(str)) for kind, (table, col) in LINKABLE.items()}


def _kind_of(row_id: str) -> str:
    return {"d": "document", "e": "entity", "c": "claim", "v": "event", "m": "mention"}.get(row_id[:1], "row")


def _doc_by_source(book: Book) -> dict[str, str]:
    return dict(zip(book.documents["source"].astype(str), book.documents["doc_id"].astype(str), strict=True))


def _same_text(book: Book, kind: str, doc: str, text: str) -> str | None:
    if kind not in ("claim", "event") or not text:
        return None
    table, col = LINKABLE[kind]
    df = book.table(table)
    hit = df.loc[(df["doc_id"] == doc) & (df["text"].astype(str).str.startswith(text))]
    return str(hit[col].iloc[0]) if len(hit) else None


def _reason(book: Book, kind: str, tid: str, anchor: Mapping[str, Any], ctx: dict[str, Any]) -> dict[str, Any]:
    """Why the ``kind`` row ``tid`` is not in ``book``, and a row that looks like it, when there is one."""
    by_source: dict[str, str] = ctx["by_source"]
    if kind == "document":
        source = anchor.get("source")
        now = by_source.get(str(source)) if source else None
        if now:
            return {
                "reason": f"the text of {source} changed: it is now document {now}",
                "source": source,
                "candidate_id": now,
                "doc_id": tid,
            }
        return {
            "reason": f"document {tid} ({source or 'source unknown'}) is no longer in the corpus",
            "source": source,
            "doc_id": tid,
        }
    if kind == "entity":
        name, type_ = anchor.get("name"), anchor.get("type")
        if not name:
            return {"reason": f"entity {tid} is no longer found in any document"}
        key = normalise_name(str(name))
        ents = book.entities
        same = ents.loc[ents["name"].map(lambda n: normalise_name(str(n)) == key)]
        cand = str(same["entity_id"].iloc[0]) if len(same) else None
        extra = f"; an entity of that name is now {same['type'].iloc[0]} {cand}" if cand else ""
        return {"reason": f"entity {name!r} ({type_}) is no longer found in any document{extra}", "candidate_id": cand}
    doc = str(anchor.get("doc_id") or "")
    source = anchor.get("source")
    text = str(anchor.get("text") or "")
    if not doc:
        return {"reason": f"{kind} {tid} is no longer in the workspace"}
    if doc not in ctx["exists"]["document"]:
        now = by_source.get(str(source)) if source else None
        if now:
            cand = _same_text(book, kind, now, text)
            found = f"; the same text is now {kind} {cand}" if cand else f"; the {kind} text is not found there"
            return {
                "reason": f"its document changed: {source} is now document {now}{found}",
                "doc_id": doc,
                "source": source,
                "candidate_id": cand,
            }
        return {
            "reason": f"its document {doc} ({source or 'source unknown'}) is no longer in the corpus",
            "doc_id": doc,
            "source": source,
        }
    cand = _same_text(book, kind, doc, text)
    how = f"; a {kind} with the same start is {cand}" if cand else ""
    return {
        "reason": f"the extractor no longer finds this {kind} in {source or doc} (its rules or settings changed){how}",
        "doc_id": doc,
        "source": source,
        "candidate_id": cand,
    }


def find_orphans(book: Book, records: Sequence[Mapping[str, Any]] = ()) -> pd.DataFrame:
    """The rows of ``book.annotations`` whose target, or whose linked row (``supports``/``contradicts``),
    is not in ``book``, with the reason (``records``, the annotation log, supplies what the target
    looked like; without them the reasons are shorter). Call it on an unfiltered Book."""
    ann = book.annotations
    if ann.empty:
        return pd.DataFrame(columns=ORPHAN_COLUMNS)
    anchors = {str(r["id"]): r for r in records if r.get("op") == "annotate"}
    ctx: dict[str, Any] = {"exists": _exists(book), "by_source": _doc_by_source(book)}
    out = []
    for r in ann.itertuples(index=False):
        kind, tid = str(r.target_kind), str(r.target_id)
        rec = anchors.get(str(r.annotation_id).split("/")[0], {})
        base = {
            "annotation_id": r.annotation_id,
            "target_kind": kind,
            "target_id": tid,
            "kind": r.kind,
            "value": r.value,
            "author": r.author,
            "created": r.created,
        }
        if kind in ctx["exists"] and tid not in ctx["exists"][kind]:
            anchor = rec.get("anchor", {}) or {}
            if kind == "entity" and str(rec.get("target_id", tid)) != tid:
                anchor = {}  # re-keyed by a merge: the anchor describes the entity merged away
            out.append({**base, **_reason(book, kind, tid, anchor, ctx)})
        elif r.kind in LINK_KINDS:
            linked, role = str(r.value), str(r.kind)
            lk = _kind_of(linked)
            if lk in ctx["exists"] and linked not in ctx["exists"][lk]:
                out.append(
                    {
                        **base,
                        "reason": f"the {lk} it links to as {role}, {linked}, is no longer in the "
                        "workspace (its document changed or the extractor no longer finds it)",
                    }
                )
    return pd.DataFrame(out, columns=ORPHAN_COLUMNS)


def orphaned_annotations(book: Book) -> pd.DataFrame:
    """Annotations of ``book`` (opened with ``wb.open``) whose target vanished after a rebuild, one row
    each with the ``reason`` (the document changed, was removed, or the extractor no longer finds
    the row), the ``doc_id``/``source`` it was in and a ``candidate_id`` when the same text or name is
    found again. They stay in ``book.annotations`` and in the log: nothing is dropped."""
    records = read_annotation_records(book).records if book.workspace is not None else ()
    return find_orphans(book, records)
