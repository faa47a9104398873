"""The document reader: a document's text as HTML, with its mentions and claims highlighted.

All document-derived text (body, title, publisher, source, entity names, speakers) is HTML-escaped; the
only markup in the output is what this module writes: ``div``, ``header``, ``h3``, ``span`` and one
``style`` block (class-scoped under ``.wb-reader``). No links are made, so a ``javascript:`` URL in a
document stays inert text.

Highlights are ``<span>`` elements located by character offsets. Overlapping highlights (a claim
containing mentions, a mention crossing a claim's edge) are handled by splitting the text at every
highlight boundary: each piece is wrapped in the spans of every highlight covering it, claims outside,
then events, then mentions. A highlight split into several pieces repeats its ``data-*`` attributes on
each, so ``[data-claim-id="…"]`` selects all of it. Classes: ``wb-mention wb-type-<type>``,
``wb-claim wb-conf-<band>``, ``wb-event``, and ``wb-selected`` for the ids in ``selected`` (whose first
piece also carries ``id="wb-sel-<id>"`` to scroll to).
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from workbook.book import Book
from workbook.charts.common import CONFIDENCE_COLORS, ENTITY_TYPE_COLORS, entity_labels, is_missing
from workbook.errors import ChartError
from workbook.model import CONFIDENCE_BANDS, ENTITY_TYPES

__all__ = ["READER_CSS", "css_slug", "document_reader_html"]

_LAYERS = {"claim": 0, "event": 1, "mention": 2}


def css_slug(value: str) -> str:
    """``value`` as a class-name fragment: lower case, runs of other characters turned into '-'."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "x"


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _css() -> str:
    rules = [
        ".wb-reader{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.65;max-width:52em}",
        ".wb-reader .wb-reader-head h3{margin:0 0 .2em 0}",
        ".wb-reader .wb-reader-meta{color:#666;font-size:.9em;margin-bottom:.6em}",
        ".wb-reader .wb-text{white-space:pre-wrap;overflow-wrap:anywhere}",
        ".wb-reader .wb-mention{border-radius:3px;padding:0 1px}",
        ".wb-reader .wb-claim{border-bottom:3px solid #999;padding-bottom:1px}",
        ".wb-reader .wb-event{text-decoration:underline dotted #555}",
        ".wb-reader .wb-selected{outline:2px solid #f0ad4e;outline-offset:1px}",
        ".wb-reader .wb-legend{font-size:.85em;color:#444;margin:.4em 0 .8em 0}",
        ".wb-reader .wb-legend span{margin-right:.8em;white-space:nowrap}",
    ]
    rules += [
        f".wb-reader .wb-type-{css_slug(t)}{{background:{_rgba(c, 0.22)}}}" for t, c in ENTITY_TYPE_COLORS.items()
    ]
    rules += [f".wb-reader .wb-conf-{css_slug(b)}{{border-bottom-color:{c}}}" for b, c in CONFIDENCE_COLORS.items()]
    return "".join(rules)


#: The reader's stylesheet (also inlined by :func:`document_reader_html` unless ``include_style=False``).
READER_CSS = _css()


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    layer: int
    row_id: str
    classes: str
    attrs: tuple[tuple[str, str], ...]
    selected: bool


def _int(value: Any) -> int:
    return int(value)


def _esc(value: object) -> str:
    return html.escape("" if is_missing(value) else str(value), quote=True)


def _open(span: _Span, first: bool) -> str:
    classes = span.classes + (" wb-selected" if span.selected else "")
    parts = [f'<span class="{_esc(classes)}"']
    if span.selected and first:
        parts.append(f' id="wb-sel-{_esc(span.row_id)}"')
    parts += [f' {name}="{_esc(value)}"' for name, value in span.attrs]
    return "".join(parts) + ">"


def _spans(
    book: Book, doc_id: str, n: int, mentions: bool, claims: bool, events: bool, selected: set[str]
) -> list[_Span]:
    names = entity_labels(book.entities)
    types = dict(zip(book.entities["entity_id"].astype(str), book.entities["type"].astype(str), strict=True))
    out: list[_Span] = []

    def rows(df: pd.DataFrame, id_col: str, show: bool) -> pd.DataFrame:
        d = df[df["doc_id"].astype(str) == doc_id]
        return d if show else d[d[id_col].astype(str).isin(selected)]

    for r in rows(book.claims, "claim_id", claims).itertuples():
        band = str(r.confidence)
        speaker = names.get(str(r.speaker_id), str(r.speaker_id)) if not is_missing(r.speaker_id) else r.speaker_text
        speaker_s = "" if is_missing(speaker) else str(speaker)
        hedge = "" if is_missing(r.hedge) else f" ({r.hedge})"
        title = f"{band}{hedge}" + (f" · {speaker_s}" if speaker_s else " · unattributed")
        attrs: tuple[tuple[str, str], ...] = (
            ("data-claim-id", str(r.claim_id)),
            ("data-confidence", band),
            ("data-quote-kind", str(r.quote_kind)),
            ("data-speaker", speaker_s),
            ("title", title),
        )
        out.append(
            _Span(
                _int(r.start),
                _int(r.end),
                _LAYERS["claim"],
                str(r.claim_id),
                f"wb-claim wb-conf-{css_slug(band)}",
                attrs,
                str(r.claim_id) in selected,
            )
        )
    for r in rows(book.events, "event_id", events).itertuples():
        when = "undated" if is_missing(r.date_start) else f"{r.date_start:%Y-%m-%d} – {r.date_end:%Y-%m-%d}"
        attrs = (
            ("data-event-id", str(r.event_id)),
            ("data-precision", str(r.precision)),
            ("title", f"{when} ({r.precision})"),
        )
        out.append(
            _Span(
                _int(r.start),
                _int(r.end),
                _LAYERS["event"],
                str(r.event_id),
                "wb-event",
                attrs,
                str(r.event_id) in selected,
            )
        )
    for r in rows(book.mentions, "mention_id", mentions).itertuples():
        eid = str(r.entity_id)
        etype = types.get(eid, "other")
        attrs = (
            ("data-mention-id", str(r.mention_id)),
            ("data-entity-id", eid),
            ("data-entity-type", etype),
            ("title", f"{names.get(eid, eid)} ({etype.replace('_', ' ')})"),
        )
        out.append(
            _Span(
                _int(r.start),
                _int(r.end),
                _LAYERS["mention"],
                str(r.mention_id),
                f"wb-mention wb-type-{css_slug(etype)}",
                attrs,
                str(r.mention_id) in selected or eid in selected,
            )
        )
    clipped = []
    for s in out:
        a, b = max(s.start, 0), min(s.end, n)
        if a < b:
            clipped.append(_Span(a, b, s.layer, s.row_id, s.classes, s.attrs, s.selected))
    return clipped


def _body(text: str, spans: list[_Span]) -> str:
    """Escaped ``text`` with ``spans`` as properly nested ``<span>`` elements: a span that crosses
    another's edge is closed there and reopened after it, so the markup is always well formed."""
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starting: dict[int, list[int]] = {}
    for i, s in enumerate(spans):
        starting.setdefault(s.start, []).append(i)
    stack: list[int] = []
    opened: set[int] = set()
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        reopen: list[int] = []
        ending = [k for k, i in enumerate(stack) if spans[i].end <= a]
        if ending:
            k = ending[0]
            reopen = [i for i in stack[k:] if spans[i].end > a]
            out.append("</span>" * (len(stack) - k))
            del stack[k:]
        new = sorted(starting.get(a, ()), key=lambda i: (spans[i].layer, -spans[i].end, spans[i].row_id))
        for i in reopen + new:
            out.append(_open(spans[i], first=i not in opened))
            opened.add(i)
            stack.append(i)
        out.append(html.escape(text[a:b], quote=True))
    out.append("</span>" * len(stack))
    return "".join(out)


def _legend(spans: list[_Span], book: Book) -> str:
    types = {dict(s.attrs).get("data-entity-type", "") for s in spans if s.layer == _LAYERS["mention"]}
    bands = {dict(s.attrs).get("data-confidence", "") for s in spans if s.layer == _LAYERS["claim"]}
    items = [
        f'<span class="wb-mention wb-type-{css_slug(t)}">{_esc(t.replace("_", " "))}</span>'
        for t in (*ENTITY_TYPES, *sorted(types - set(ENTITY_TYPES)))
        if t in types
    ]
    items += [f'<span class="wb-claim wb-conf-{css_slug(b)}">{_esc(b)}</span>' for b in CONFIDENCE_BANDS if b in bands]
    if not items:
        return ""
    return '<div class="wb-legend">' + "".join(items) + "</div>"


def document_reader_html(
    book: Book,
    doc_id: str,
    highlight_mentions: bool = True,
    highlight_claims: bool = True,
    selected: str | Iterable[str] | None = None,
    highlight_events: bool = False,
    include_style: bool = True,
) -> str:
    """The text of document ``doc_id`` as an HTML fragment, escaped, with highlighted spans.

    ``selected`` is a mention, claim, event or entity id (or several): those highlights get the
    ``wb-selected`` class (a selected event or claim is shown even when its kind of highlight is off;
    a selected entity id selects its mentions). Raises :class:`ChartError` when the Book has no such
    document.
    """
    docs = book.documents[book.documents["doc_id"].astype(str) == str(doc_id)]
    if docs.empty:
        raise ChartError(f"No document {doc_id!r} in this Book (it may have been filtered out).")
    doc = docs.iloc[0]
    chosen = {selected} if isinstance(selected, str) else set(selected or ())
    text = "" if is_missing(doc["text"]) else str(doc["text"])
    spans = _spans(book, str(doc_id), len(text), highlight_mentions, highlight_claims, highlight_events, chosen)
    meta = [str(doc[c]) for c in ("publisher",) if not is_missing(doc[c])]
    if not is_missing(doc["published"]):
        meta.append(f"{doc['published']:%Y-%m-%d}")
    else:
        meta.append("undated")
    if not is_missing(doc["source"]):
        meta.append(str(doc["source"]))
    head = (
        f'<header class="wb-reader-head"><h3>{_esc(doc["title"])}</h3>'
        f'<div class="wb-reader-meta">{" · ".join(_esc(m) for m in meta)}</div></header>'
    )
    style = f"<style>{READER_CSS}</style>" if include_style else ""
    return (
        f'<div class="wb-reader" data-doc-id="{_esc(doc_id)}">{style}{head}{_legend(spans, book)}'
        f'<div class="wb-text">{_body(text, spans)}</div></div>'
    )
