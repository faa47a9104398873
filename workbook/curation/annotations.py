"""Annotations: tag, star and note documents, entities, claims and events; set a claim's status.

Every action appends one record to ``WORKSPACE/analyst/annotations.jsonl`` (see
:mod:`workbook.curation.log`), keyed by the target's stable id (documents by content hash, claims
and events by document and offsets, entities by type and name) and carrying an *anchor*: what the
target looked like (its name, its text, its document's source), so that a target that vanishes in
a rebuild can be reported with a reason (:func:`workbook.curation.views.orphaned_annotations`).

    >>> from workbook import curation as cur
    >>> cur.tag(book, "claim", claim_id, "priority")
    >>> cur.set_status(book, claim_id, "corroborated", supports=[other_claim_id])
    >>> cur.undo(book)                                   # cancels my latest action (an undo record)
    >>> book = wb.open(book.workspace)                   # or cur.refresh_annotations(book)

Actions are idempotent: tagging what already has the tag, starring what is starred, setting the
status a claim already has (with the same links) or repeating a note writes nothing and returns the
id of the record in effect. A claim's status is its latest ``status`` annotation; the links to the
rows that support or contradict it belong to that status and appear in ``book.annotations`` as rows
of kind ``supports`` / ``contradicts`` whose value is the linked row's id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.book import Book
from workbook.curation.entities import entity_id_map, read_decisions
from workbook.curation.log import (
    ANNOTATIONS_LOG,
    CURATION_LOG,
    AppendLog,
    LogContents,
    active_records,
    analyst_dir,
    annotation_log,
    default_author,
    new_record_id,
    workspace_of,
)
from workbook.errors import AnnotationError
from workbook.model import (
    ANNOTATION_KINDS,
    ANNOTATION_TARGET_KINDS,
    CLAIM_STATUSES,
    LINK_KINDS,
    NO_STATUS,
    conform,
    is_starred,
)
from workbook.tables.linking import LINKS_FILE

__all__ = [
    "ANNOTATION_KINDS",
    "CLAIM_STATUSES",
    "LINK_KINDS",
    "TARGET_KINDS",
    "annotation_log",
    "annotations_frame",
    "note",
    "outside_vocabulary",
    "read_annotation_records",
    "refresh_annotations",
    "set_status",
    "star",
    "tag",
    "undo",
    "unstar",
    "untag",
    "workspace_of",
]

#: What can be annotated (:data:`workbook.model.ANNOTATION_TARGET_KINDS`; the vocabularies, ANNOTATION_KINDS,
#: LINK_KINDS and CLAIM_STATUSES included, are declared in :mod:`workbook.model` and re-exported here).
TARGET_KINDS: tuple[str, ...] = ANNOTATION_TARGET_KINDS
#: What a status may link to as support or contradiction (any row with a stable id).
LINKABLE: dict[str, tuple[str, str]] = {
    "document": ("documents", "doc_id"),
    "entity": ("entities", "entity_id"),
    "claim": ("claims", "claim_id"),
    "event": ("events", "event_id"),
    "mention": ("mentions", "mention_id"),
}
_ANCHOR_TEXT = 300


def read_annotation_records(book: Book | str | Path) -> LogContents:
    """Every record of the annotation log, in file order (undo records included)."""
    return annotation_log(book).read()


# --- targets and anchors ---------------------------------------------------------------------------


def _row(book: Book, kind: str, target_id: str) -> pd.Series:
    table, column = LINKABLE[kind]
    df = book.table(table)
    hit = df.loc[df[column] == target_id]
    if hit.empty:
        raise AnnotationError(
            f"There is no {kind} {target_id!r} in this Book ({len(df)} {table}); pick an id from book.{table}.{column}."
        )
    return hit.iloc[0]


def _source_of(book: Book, doc_id: str) -> str | None:
    docs = book.documents
    hit = docs.loc[docs["doc_id"] == doc_id, "source"]
    return None if hit.empty else str(hit.iloc[0])


def _anchor(book: Book, kind: str, target_id: str) -> dict[str, Any]:
    """What the target looks like now, to explain later why it vanished."""
    r = _row(book, kind, target_id)
    if kind == "document":
        return {"source": str(r["source"]), "sha256": str(r["sha256"]), "title": str(r["title"])}
    if kind == "entity":
        return {"name": str(r["name"]), "type": str(r["type"])}
    text = str(r["text"] if kind != "mention" else r["surface"])
    doc = str(r["doc_id"])
    return {
        "doc_id": doc,
        "start": int(r["start"]),
        "end": int(r["end"]),
        "text": text[:_ANCHOR_TEXT],
        "source": _source_of(book, doc),
    }


def _check_kind(target_kind: str) -> None:
    if target_kind not in TARGET_KINDS:
        raise AnnotationError(f"Cannot annotate a {target_kind!r}; annotate one of {list(TARGET_KINDS)}.")


def _kind_of_id(book: Book, row_id: str) -> str:
    for kind, (table, column) in LINKABLE.items():
        if (book.table(table)[column] == row_id).any():
            return kind
    raise AnnotationError(
        f"{row_id!r} is not the id of any document, entity, claim, event or mention in this Book; "
        "link to rows by their id (doc_id, entity_id, claim_id, event_id or mention_id)."
    )


# --- writing ---------------------------------------------------------------------------------------


def _state(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in active_records(list(records)) if r.get("op") == "annotate"]


def _write(
    book: Book,
    target_kind: str,
    target_id: str,
    kind: str,
    value: str | None,
    author: str | None,
    links: Mapping[str, list[dict[str, str]]] | None = None,
    same: Any = None,
) -> str:
    """Append one annotation unless ``same(active_records)`` finds an equivalent one in effect."""
    rec: dict[str, Any] = {
        "id": new_record_id("a"),
        "op": "annotate",
        "target_kind": target_kind,
        "target_id": target_id,
        "kind": kind,
        "value": value,
        "author": author or default_author(),
        "anchor": _anchor(book, target_kind, target_id),
    }
    if links is not None:
        rec["links"] = {k: list(v) for k, v in links.items()}
    existing: list[str] = []

    def skip(records: tuple[dict[str, Any], ...]) -> bool:
        if same is None:
            return False
        found = same(_state(records))
        if found:
            existing.append(found)
        return bool(found)

    written = annotation_log(book).append([rec], skip_if=skip)
    return str(written[0]["id"]) if written else existing[0]


def _on_target(records: list[dict[str, Any]], target_kind: str, target_id: str, kind: str) -> list[dict[str, Any]]:
    return [r for r in records if r["target_kind"] == target_kind and r["target_id"] == target_id and r["kind"] == kind]


def tag(book: Book, target_kind: str, target_id: str, value: str, *, author: str | None = None) -> str:
    """Tag a document, entity, claim or event; returns the annotation's id."""
    _check_kind(target_kind)
    value = str(value).strip()
    if not value:
        raise AnnotationError("A tag must be a non-empty string, e.g. 'priority' or 'needs-source'.")

    def same(records: list[dict[str, Any]]) -> str | None:
        hits = [r for r in _on_target(records, target_kind, target_id, "tag") if r.get("value") == value]
        return str(hits[-1]["id"]) if hits else None

    return _write(book, target_kind, target_id, "tag", value, author, same=same)


def untag(book: Book, target_kind: str, target_id: str, value: str, *, author: str | None = None) -> list[str]:
    """Remove a tag: an undo record for each tag annotation ``value`` on the target; returns their ids."""
    _check_kind(target_kind)
    log = annotation_log(book)
    hits = [r for r in _on_target(_state(log.read().records), target_kind, target_id, "tag") if r.get("value") == value]
    undos = [
        {"id": new_record_id("u"), "op": "undo", "undoes": r["id"], "author": author or default_author()} for r in hits
    ]
    return [str(r["id"]) for r in log.append(undos)]


def _is_starred(records: list[dict[str, Any]], target_kind: str, target_id: str) -> bool:
    stars = _on_target(records, target_kind, target_id, "star")
    return bool(stars) and is_starred(stars[-1].get("value"))


def star(book: Book, target_kind: str, target_id: str, on: bool = True, *, author: str | None = None) -> str:
    """Star (``on=True``) or unstar a target; returns the annotation's id."""
    _check_kind(target_kind)

    def same(records: list[dict[str, Any]]) -> str | None:
        stars = _on_target(records, target_kind, target_id, "star")
        if stars and _is_starred(records, target_kind, target_id) == on:
            return str(stars[-1]["id"])
        return None

    return _write(book, target_kind, target_id, "star", None if on else "unstar", author, same=same)


def unstar(book: Book, target_kind: str, target_id: str, *, author: str | None = None) -> str:
    """Remove a star (a ``star`` annotation with value ``unstar``)."""
    return star(book, target_kind, target_id, on=False, author=author)


def note(book: Book, target_kind: str, target_id: str, text: str, *, author: str | None = None) -> str:
    """Attach a free-text note; returns the annotation's id (the same note twice is written once)."""
    _check_kind(target_kind)
    text = str(text).strip()
    if not text:
        raise AnnotationError("A note must hold some text.")
    who = author or default_author()

    def same(records: list[dict[str, Any]]) -> str | None:
        hits = [
            r
            for r in _on_target(records, target_kind, target_id, "note")
            if r.get("value") == text and r.get("author") == who
        ]
        return str(hits[-1]["id"]) if hits else None

    return _write(book, target_kind, target_id, "note", text, who, same=same)


def _links(book: Book, ids: Sequence[str], role: str, claim_id: str) -> list[dict[str, str]]:
    if isinstance(ids, str):
        ids = [ids]
    out = []
    for row_id in dict.fromkeys(str(i) for i in ids):
        if row_id == claim_id:
            raise AnnotationError(f"A claim cannot {role.rstrip('s')} itself ({claim_id}).")
        out.append({"kind": _kind_of_id(book, row_id), "id": row_id})
    return out


def set_status(
    book: Book,
    claim_id: str,
    status: str,
    *,
    supports: Sequence[str] = (),
    contradicts: Sequence[str] = (),
    author: str | None = None,
) -> str:
    """Set a claim's status (one of :data:`CLAIM_STATUSES`), with the ids of the rows (documents,
    entities, claims, events, mentions) that support or contradict it; returns the annotation's id."""
    if status not in CLAIM_STATUSES:
        extra = f" ({NO_STATUS!r} is what a claim without a status shows)" if status == NO_STATUS else ""
        raise AnnotationError(f"Unknown claim status {status!r}{extra}; use one of {list(CLAIM_STATUSES)}.")
    links = {
        "supports": _links(book, supports, "supports", claim_id),
        "contradicts": _links(book, contradicts, "contradicts", claim_id),
    }

    def same(records: list[dict[str, Any]]) -> str | None:
        hits = _on_target(records, "claim", claim_id, "status")
        if hits and hits[-1].get("value") == status and hits[-1].get("links", {}) == links:
            return str(hits[-1]["id"])
        return None

    return _write(book, "claim", claim_id, "status", status, author, links=links, same=same)


def undo(book: Book | str | Path, record_id: str | None = None, *, author: str | None = None) -> str:
    """Cancel a record of the annotation, curation or link log by appending an undo record; returns its id.

    ``record_id`` names the record (an annotation id, a curation decision id, a link decision's record id,
    or an undo record's id to redo). Without it, the latest record in effect by ``author`` (default: you)
    in any of the three logs is undone: a link confirmed or rejected by mistake
    (:class:`~workbook.tables.linking.LinkStore`) is undone like a merge. Raises :class:`AnnotationError`
    when there is nothing to undo.
    """
    folder = analyst_dir(workspace_of(book))
    who = author or default_author()
    logs = [AppendLog(folder / ANNOTATIONS_LOG), AppendLog(folder / CURATION_LOG), AppendLog(folder / LINKS_FILE)]
    contents = [log.read().records for log in logs]
    if record_id is not None:
        for log, records in zip(logs, contents, strict=True):
            if any(str(r["id"]) == record_id for r in records):
                return str(
                    log.append([{"id": new_record_id("u"), "op": "undo", "undoes": record_id, "author": who}])[0]["id"]
                )
        raise AnnotationError(
            f"No record {record_id!r} in the analyst logs of {folder}; see annotation_id in "
            "book.annotations or curation_history(book)."
        )
    latest: tuple[tuple[str, int], AppendLog, str] | None = None
    for log, records in zip(logs, contents, strict=True):
        mine = [r for r in active_records(records) if r.get("author") == who]
        if mine:
            key = (str(mine[-1]["created"]), int(mine[-1].get("ns") or 0))
            if latest is None or key > latest[0]:
                latest = (key, log, str(mine[-1]["id"]))
    if latest is None:
        raise AnnotationError(f"Nothing to undo: {who!r} has no annotation or curation decision in effect.")
    rec = {"id": new_record_id("u"), "op": "undo", "undoes": latest[2], "author": who}
    return str(latest[1].append([rec])[0]["id"])


# --- reading ---------------------------------------------------------------------------------------


def _in_vocabulary(record: Mapping[str, Any]) -> bool:
    return record.get("target_kind") in TARGET_KINDS and record.get("kind") in ANNOTATION_KINDS


def outside_vocabulary(records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The annotations in effect whose ``target_kind`` or ``kind`` is not in the vocabularies of
    :mod:`workbook.model` (only a hand edit of the log makes one): :func:`annotations_frame` leaves them
    out, and ``wb.open`` warns about them (:class:`~workbook.errors.AnalystLogWarning`)."""
    return [r for r in active_records(list(records)) if r.get("op") == "annotate" and not _in_vocabulary(r)]


def annotations_frame(records: Sequence[Mapping[str, Any]], id_map: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The ``annotations`` table (conformed to :mod:`workbook.model`) from the records of the log.

    Undone records are left out, and so are records outside the vocabularies (:func:`outside_vocabulary`).
    Entity targets (and links to entities) go through ``id_map`` (entity ids an analyst merged away → the
    id they were merged into), so annotations follow the analyst's merges. A status's links become rows of
    kind ``supports`` / ``contradicts`` with the linked row's id as value and
    ``<status annotation id>/<kind>/<n>`` as annotation id.
    """
    id_map = id_map or {}
    rows: list[dict[str, Any]] = []
    for r in active_records(list(records)):
        if r.get("op") != "annotate" or not _in_vocabulary(r):
            continue
        kind = str(r.get("target_kind"))
        target = str(r.get("target_id"))
        if kind == "entity":
            target = id_map.get(target, target)
        base = {"target_kind": kind, "target_id": target, "author": r.get("author"), "created": r.get("created")}
        rows.append({**base, "annotation_id": r["id"], "kind": r.get("kind"), "value": r.get("value")})
        for role in LINK_KINDS:
            for n, link in enumerate(r.get("links", {}).get(role, []) or []):
                linked = str(link.get("id"))
                if link.get("kind") == "entity":
                    linked = id_map.get(linked, linked)
                rows.append({**base, "annotation_id": f"{r['id']}/{role}/{n}", "kind": role, "value": linked})
    if not rows:
        return conform("annotations", [])
    df = pd.DataFrame(rows)
    df["created"] = pd.to_datetime(df["created"], utc=True).dt.tz_localize(None)
    return conform("annotations", df)


def refresh_annotations(book: Book) -> Book:
    """``book`` with ``annotations`` read again from its workspace's log (cheap: the tables are kept).
    Curation decisions made since the Book was opened need ``wb.open`` again."""
    frame = annotations_frame(read_annotation_records(book).records, entity_id_map(read_decisions(book).records))
    return book.with_tables(annotations=frame)
