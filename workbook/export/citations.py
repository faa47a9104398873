"""Citations: every claim and event a report shows, tied to its document, offsets and quoted text.

:func:`citation_table` lists them, one row each: a reference (``C1``, ``C2``, ... for claims, ``E1``, ...
for events, numbered in document order), the row's id, the document's title, publisher, publication
date, URL and sha256, the character offsets ``start``/``end`` and the quote, taken from the document's
text itself (``text[start:end]``); ``verified`` says whether it equals the row's own text (it always
should; a False flags a workspace whose offsets drifted). The analyst's work on each row comes along
(:func:`workbook.curation.views.annotation_summary`): a claim's ``status`` (``unreviewed`` when none; empty
for events), who set it and when, the rows it ``supports``/``contradicts``, the ``tags``, ``starred`` and
the ``notes`` (lists joined by :data:`LIST_SEPARATOR` in the table, notes by :data:`NOTE_SEPARATOR`).
:func:`citations_html` and :func:`citations_markdown` render the list, with the analyst's status, tags,
star and notes when there are any; every piece of document and analyst text is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from workbook.book import Book
from workbook.curation.views import annotation_summary
from workbook.export.tables import cell_text, md_escape
from workbook.model import LINK_KINDS, NO_STATUS

__all__ = [
    "CITATION_COLUMNS",
    "CITED_KINDS",
    "LIST_SEPARATOR",
    "NOTE_SEPARATOR",
    "OPEN_CITATION_SCRIPT",
    "citation_table",
    "citations_html",
    "citations_markdown",
    "safe_url",
]

CITED_KINDS: tuple[str, ...] = ("claims", "events")
CITATION_COLUMNS: tuple[str, ...] = (
    "ref",
    "kind",
    "row_id",
    "doc_id",
    "title",
    "publisher",
    "published",
    "url",
    "doc_sha256",
    "start",
    "end",
    "quote",
    "verified",
    "speaker",
    "quote_kind",
    "hedge",
    "confidence",
    "date_start",
    "date_end",
    "precision",
    "resolution",
    "status",
    "status_author",
    "status_created",
    "supports",
    "contradicts",
    "tags",
    "starred",
    "notes",
)
#: Joins the ids of ``supports``/``contradicts`` and the ``tags`` in the citation table.
LIST_SEPARATOR = "; "
#: Joins the ``notes`` in the citation table (one note a line in citations.csv).
NOTE_SEPARATOR = "\n"
_BOOL_COLUMNS = ("verified", "starred")
_PREFIX = {"claims": ("C", "claim", "claim_id"), "events": ("E", "event", "event_id")}


def safe_url(url: Any) -> str | None:
    """``url`` when it is an ``http``/``https`` URL with a host (safe as a link), else None."""
    text = cell_text(url).strip()
    if not text or any(ch.isspace() or ord(ch) < 32 for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else None


class _Row:
    """Attribute access to a record (typed ``Any``, as rows of mixed columns are)."""

    def __init__(self, data: dict[Any, Any]) -> None:
        self.__dict__.update({str(k): v for k, v in data.items()})

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(name)


def _records(table: pd.DataFrame) -> list[Any]:
    return [_Row(r) for r in table.to_dict("records")]


def _analyst(book: Book, label: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The analyst's work on the ``label`` rows ``ids``, as citation columns, by id."""
    summary = annotation_summary(book, label, ids)
    out: dict[str, dict[str, Any]] = {}
    for r in summary.to_dict("records"):
        created = r["status_created"]
        out[str(r["target_id"])] = {
            "status": cell_text(r["status"]) if r["status"] is not None else "",
            "status_author": cell_text(r["status_author"]) if r["status_author"] is not None else "",
            "status_created": "" if created is None or pd.isna(created) else cell_text(created),
            "supports": LIST_SEPARATOR.join(str(v) for v in r["supports"]),
            "contradicts": LIST_SEPARATOR.join(str(v) for v in r["contradicts"]),
            "tags": LIST_SEPARATOR.join(str(v) for v in r["tags"]),
            "starred": bool(r["starred"]),
            "notes": NOTE_SEPARATOR.join(str(v) for v in r["notes"]),
        }
    return out


def _rows(book: Book, kind: str, doc_order: dict[str, int], docs: pd.DataFrame) -> list[dict[str, Any]]:
    prefix, label, key = _PREFIX[kind]
    df = book.table(kind)
    if df.empty:
        return []
    analyst = _analyst(book, label, [str(k) for k in df[key]])
    frame = df.assign(_order=df["doc_id"].astype(str).map(doc_order).fillna(len(doc_order)))
    frame = frame.sort_values(["_order", "start", "end"], kind="stable")
    out = []
    for n, r in enumerate(frame.to_dict("records"), 1):
        row = _Row(r)
        did = str(row.doc_id)
        doc = docs.loc[did] if did in docs.index else None
        text = "" if doc is None else cell_text(doc["text"])
        start, end = int(row.start), int(row.end)
        quote = text[start:end] if 0 <= start <= end <= len(text) else ""
        rec: dict[str, Any] = {
            "ref": f"{prefix}{n}",
            "kind": label,
            "row_id": str(getattr(row, key)),
            "doc_id": did,
            "title": "" if doc is None else cell_text(doc["title"]),
            "publisher": "" if doc is None else cell_text(doc["publisher"]),
            "published": "" if doc is None else cell_text(doc["published"]),
            "url": "" if doc is None else cell_text(doc["url"]),
            "doc_sha256": "" if doc is None else cell_text(doc["sha256"]),
            "start": start,
            "end": end,
            "quote": quote,
            "verified": bool(quote) and quote == cell_text(row.text),
        }
        if kind == "claims":
            rec.update(
                speaker=cell_text(row.speaker_text),
                quote_kind=cell_text(row.quote_kind),
                hedge=cell_text(row.hedge),
                confidence=cell_text(row.confidence),
            )
        else:
            rec.update(
                date_start=cell_text(row.date_start),
                date_end=cell_text(row.date_end),
                precision=cell_text(row.precision),
                resolution=cell_text(row.resolution),
            )
        rec.update(analyst[rec["row_id"]])
        out.append(rec)
    return out


def citation_table(book: Book, kinds: Iterable[str] = CITED_KINDS) -> pd.DataFrame:
    """One row per claim and event of ``book`` (of the ``kinds`` asked for), in document order, with the
    columns :data:`CITATION_COLUMNS` (see the module docstring). Text columns are strings ("" when absent)."""
    kinds = [k for k in CITED_KINDS if k in set(kinds)]
    docs = book.documents.assign(_id=book.documents["doc_id"].astype(str)).set_index("_id")
    doc_order = {d: i for i, d in enumerate(docs.index)}
    rows: list[dict[str, Any]] = []
    for kind in kinds:
        rows += _rows(book, kind, doc_order, docs)
    frame = pd.DataFrame(rows, columns=list(CITATION_COLUMNS))
    for col in CITATION_COLUMNS:
        if col in ("start", "end"):
            frame[col] = frame[col].astype("int64")
        elif col in _BOOL_COLUMNS:
            frame[col] = frame[col].fillna(False).astype(bool)
        else:
            frame[col] = frame[col].astype("string").fillna("")
    return frame


def anchor(ref: str) -> str:
    """The HTML id of a citation (``cite-C12``)."""
    return "cite-" + re.sub(r"[^A-Za-z0-9_-]", "", ref)


def _where(row: Any) -> list[str]:
    parts = [row.publisher] if row.publisher else []
    if row.published:
        parts.append(row.published)
    return parts


def _detail(row: Any) -> str:
    if row.kind == "claim":
        bits = [f"speaker: {row.speaker}", f"{row.quote_kind} quote"] if row.speaker else ["no speaker"]
        bits.append(f"confidence: {row.confidence}" + (f" (hedge “{row.hedge}”)" if row.hedge else ""))
    else:
        span = (
            row.date_start
            if row.date_start == row.date_end or not row.date_end
            else f"{row.date_start} to {row.date_end}"
        )
        bits = [f"date: {span or 'unresolved'}", f"{row.precision} precision, {row.resolution}"]
    return "; ".join(bits)


def _annotation_bits(row: Any) -> list[tuple[str, str]]:
    """The analyst's work on a citation that is worth showing, as (label, value) pairs (raw text)."""
    bits = []
    if row.status and row.status != NO_STATUS:
        who = f" by {row.status_author}" if row.status_author else ""
        when = f" on {row.status_created}" if row.status_created else ""
        bits.append(("status", f"{row.status}{who}{when}"))
        for role in LINK_KINDS:
            if getattr(row, role):
                bits.append((role, getattr(row, role)))
    if row.starred:
        bits.append(("starred", "yes"))
    if row.tags:
        bits.append(("tags", row.tags))
    return bits


def _notes(row: Any) -> list[str]:
    return [n for n in str(row.notes).split(NOTE_SEPARATOR) if n.strip()] if row.notes else []


def _annotations_html(row: Any) -> str:
    esc = html.escape
    bits = _annotation_bits(row)
    notes = _notes(row)
    if not bits and not notes:
        return ""
    out = '<div class="wb-analyst">'
    if bits:
        out += "; ".join(f"<b>{esc(label)}:</b> {esc(value)}" for label, value in bits)
    if notes:
        out += "<ul>" + "".join(f"<li><b>note:</b> {esc(n)}</li>" for n in notes) + "</ul>"
    return out + "</div>"


def _annotations_markdown(row: Any) -> str:
    parts = [f"{label}: {md_escape(value)}" for label, value in _annotation_bits(row)]
    parts += [f"note: {md_escape(n)}" for n in _notes(row)]
    return "".join(f" · {p}" for p in parts)


#: Opens the collapsed document group holding the citation a link points to (``#cite-C12``).
OPEN_CITATION_SCRIPT = (
    "(function(){function o(){var id=decodeURIComponent(location.hash.slice(1));if(!id)return;"
    "var t=document.getElementById(id);if(!t)return;var d=t.closest('details');if(d&&!d.open){d.open=true;"
    "t.scrollIntoView();}}window.addEventListener('hashchange',o);o();})();"
)


def _groups(rows: list[Any]) -> list[list[Any]]:
    """Consecutive citations of one document (the table is in document order)."""
    out: list[list[Any]] = []
    for row in rows:
        if out and out[-1][0].doc_id == row.doc_id:
            out[-1].append(row)
        else:
            out.append([row])
    return out


def _counted(rows: list[Any]) -> str:
    n_claims = sum(1 for r in rows if r.kind == "claim")
    n_events = len(rows) - n_claims
    parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((n_claims, "claim"), (n_events, "event")) if n]
    return ", ".join(parts)


def citations_html(table: pd.DataFrame, max_items: int | None = None) -> str:
    """The citations grouped by document, each group a collapsed ``<details>`` (title, publisher, date and
    how many claims and events) holding an ordered list (``<li id="cite-C1">``); every value escaped; at
    most ``max_items`` citations. A link to ``#cite-C1`` opens its group (:data:`OPEN_CITATION_SCRIPT`)."""
    esc = html.escape
    shown = table if max_items is None else table.head(max_items)
    groups = []
    for rows in _groups(_records(shown)):
        first = rows[0]
        where = ", ".join(esc(p) for p in _where(first))
        items = []
        for row in rows:
            check = "" if row.verified else ' <strong class="wb-warn">(offsets do not match the row text)</strong>'
            items.append(
                f'<li id="{anchor(row.ref)}"><b>{esc(row.ref)}</b> {esc(row.kind)} · characters {row.start}–{row.end}'
                f"{check}<blockquote>{esc(row.quote)}</blockquote>"
                f'<span class="wb-note">{esc(_detail(row))}</span>{_annotations_html(row)}</li>'
            )
        groups.append(
            f'<details class="wb-doc"><summary><cite>{esc(first.title or first.doc_id)}</cite>'
            f"{', ' + where if where else ''} · {esc(_counted(rows))} · {esc(rows[0].ref)}–{esc(rows[-1].ref)}"
            f' <span class="wb-note">document <code>{esc(first.doc_id)}</code></span></summary>'
            f'<ol class="wb-cite">{"".join(items)}</ol></details>'
        )
    out = "".join(groups) if groups else "<p>Nothing to cite.</p>"
    if len(shown) < len(table):
        out += (
            f'<p class="wb-note">{len(shown):,} of {len(table):,} citations listed here; '
            "citations.csv holds them all.</p>"
        )
    return out


def citations_markdown(table: pd.DataFrame, max_items: int | None = None) -> str:
    """The citations as Markdown, one heading per document and a list under it, every value escaped; at
    most ``max_items``."""
    shown = table if max_items is None else table.head(max_items)
    lines: list[str] = []
    for rows in _groups(_records(shown)):
        first = rows[0]
        where = ", ".join(md_escape(p) for p in _where(first))
        head = f"{where + ' · ' if where else ''}{_counted(rows)} · document {md_escape(first.doc_id)}"
        lines += [f"### {md_escape(first.title or first.doc_id)}", "", head, ""]
        for row in rows:
            check = "" if row.verified else " **(offsets do not match the row text)**"
            lines.append(
                f"- **{md_escape(row.ref)}** {row.kind} · characters {row.start}–{row.end}{check}"
                f" · “{md_escape(row.quote)}” · {md_escape(_detail(row))}{_annotations_markdown(row)}"
            )
        lines.append("")
    if not lines:
        return "Nothing to cite."
    if len(shown) < len(table):
        lines += [f"*{len(shown):,} of {len(table):,} citations listed here; citations.csv holds them all.*"]
    return "\n".join(lines).rstrip("\n")
