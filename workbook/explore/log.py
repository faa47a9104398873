"""The explorer's filter log as pure data: one :class:`FilterChange` per change of the filter, and
:class:`FilterLog`, the list of them an explorer returns, which reads as a table in a notebook.

    >>> ex.log                  # a table: time, action, what changed, the filter after it
    >>> ex.log.to_frame()       # the same as a DataFrame
    >>> ex.log.to_dict()        # JSON-ready, for a report manifest

Every string that comes from the data (entity names, document titles, free text) is HTML-escaped in
``_repr_html_``.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd

from workbook.book import Book
from workbook.filtering import FilterSpec, diff_specs

__all__ = ["FIELD_LABELS", "FilterChange", "FilterLog", "change_summary", "jsonable", "make_change"]

#: How each FilterSpec field is named in the log.
FIELD_LABELS: Mapping[str, str] = {
    "doc_ids": "documents",
    "publishers": "publishers",
    "text": "text",
    "entity_ids": "entities",
    "entity_types": "entity types",
    "bbox": "area",
    "date_from": "events from",
    "date_to": "events to",
    "date_match": "events count if",
    "published_from": "published from",
    "published_to": "published to",
    "speakers": "speakers",
    "quote_kinds": "quote kinds",
    "confidence_bands": "confidence",
    "claim_statuses": "claim status",
    "tags": "tags",
    "stars_only": "starred only",
}
#: Fields holding ids that the log shows by name.
_ID_FIELDS = frozenset({"doc_ids", "entity_ids", "speakers"})
_MAX_SHOWN = 4

Labeler = Callable[[str], str]


def jsonable(value: Any) -> Any:
    """``value`` (a spec field value) as JSON-ready data: tuples as lists, dates as ISO strings."""
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class FilterChange:
    """One entry of the explorer's filter log: when, what did it (``action``, e.g. ``control:text``,
    ``click:entities``, ``undo``), which fields changed (from :func:`workbook.filtering.diff_specs`,
    as JSON-ready ``{field: [before, after]}``) and the resulting spec as JSON."""

    time: datetime
    action: str
    changes: dict[str, list[Any]] = field(default_factory=dict)
    spec_json: str = "{}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (for a report manifest)."""
        return {"time": self.time.isoformat(), "action": self.action, "changes": self.changes, "spec": self.spec_json}


def make_change(action: str, before: FilterSpec, after: FilterSpec, when: datetime | None = None) -> FilterChange:
    """The log entry for going from ``before`` to ``after`` by ``action`` (``when`` defaults to now, UTC)."""
    changes = {k: [jsonable(a), jsonable(b)] for k, (a, b) in diff_specs(before, after).items()}
    return FilterChange(time=when or datetime.now(UTC), action=action, changes=changes, spec_json=after.to_json())


def _shown(values: Iterable[Any], label: Labeler) -> str:
    items = [label(str(v)) for v in values]
    more = f" (+{len(items) - _MAX_SHOWN} more)" if len(items) > _MAX_SHOWN else ""
    return ", ".join(items[:_MAX_SHOWN]) + more


def _scalar(value: Any, quote: bool) -> str:
    if value is None or value == "" or value == []:
        return "none"
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, list):  # bbox
        return "(" + ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in value) + ")"
    return f"“{value}”" if quote else str(value)


def change_summary(changes: Mapping[str, Sequence[Any]], label: Labeler | None = None) -> list[str]:
    """One phrase per changed field of a :class:`FilterChange`'s ``changes``: values added to and removed
    from a list (``entities +Kim Jong Un −Sinpho``), or a value's old and new state (``text none →
    “missile”``). ``label`` names ids (entities, documents, speakers); not escaped."""
    named = label or str
    out = []
    for name, pair in changes.items():
        before, after = [*list(pair), None, None][:2]
        title = FIELD_LABELS.get(name, name)
        if isinstance(before, list) and isinstance(after, list) and name != "bbox":
            show = named if name in _ID_FIELDS else str
            added = [v for v in after if v not in before]
            removed = [v for v in before if v not in after]
            parts = ([f"+{_shown(added, show)}"] if added else []) + ([f"−{_shown(removed, show)}"] if removed else [])
            out.append(f"{title} {' '.join(parts) or 'reordered'}")
        else:
            quote = name == "text"
            out.append(f"{title} {_scalar(before, quote)} → {_scalar(after, quote)}")
    return out


class FilterLog(list[FilterChange]):
    """The filter changes of an explorer, oldest first: a list of :class:`FilterChange` that a notebook shows
    as a table. ``book`` and ``label`` (entity id -> name) let the table name entities and documents."""

    def __init__(
        self, changes: Iterable[FilterChange] = (), book: Book | None = None, label: Labeler | None = None
    ) -> None:
        super().__init__(changes)
        self._book = book
        self._label = label
        self._names: dict[str, str] | None = None

    def name_of(self, value: str) -> str:
        """An entity's name or a document's title for an id (from ``label``, then the Book), else ``value``."""
        if self._label is not None:
            named = self._label(value)
            if named != value:
                return named
        if self._book is None:
            return value
        if self._names is None:
            e, d = self._book.entities, self._book.documents
            self._names = {
                **dict(zip(d["doc_id"].astype(str), d["title"].fillna("").astype(str), strict=True)),
                **dict(zip(e["entity_id"].astype(str), e["name"].fillna("").astype(str), strict=True)),
            }
        return self._names.get(value) or value

    def rows(self) -> list[dict[str, Any]]:
        """One dict per change: ``time`` (UTC), ``action``, ``changed`` (see :func:`change_summary`) and
        ``filter`` (the filter after the change, described)."""
        out = []
        for change in self:
            try:
                after = FilterSpec.from_json(change.spec_json).describe(self._book)
            except (ValueError, TypeError, KeyError):
                after = change.spec_json
            changed = "; ".join(change_summary(change.changes, self.name_of))
            out.append({"time": change.time, "action": change.action, "changed": changed, "filter": after})
        return out

    def to_frame(self) -> pd.DataFrame:
        """The log as a DataFrame (columns time, action, changed, filter)."""
        return pd.DataFrame(self.rows(), columns=["time", "action", "changed", "filter"])

    def to_dict(self) -> list[dict[str, Any]]:
        """JSON-ready, one :meth:`FilterChange.to_dict` per change (for a report manifest)."""
        return [change.to_dict() for change in self]

    def _repr_html_(self) -> str:
        if not self:
            return "<p><i>No filter changes yet.</i></p>"
        head = "".join(f"<th style='text-align:left'>{h}</th>" for h in ("time", "action", "changed", "filter after"))
        body = []
        for row in self.rows():
            when: datetime = row["time"]
            stamp = html.escape(when.isoformat(), quote=True)
            cells = [
                f"<td title='{stamp}'>{when.astimezone().strftime('%H:%M:%S')}</td>",
                f"<td><code>{html.escape(row['action'])}</code></td>",
                f"<td>{html.escape(row['changed'])}</td>",
                f"<td>{html.escape(row['filter'])}</td>",
            ]
            body.append("<tr>" + "".join(cells) + "</tr>")
        n = len(self)
        caption = f"<caption style='text-align:left'>{n} filter change{'s' if n != 1 else ''}</caption>"
        return (
            f"<table class='wb-filter-log'>{caption}<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>"
        )

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        if cycle:
            p.text("FilterLog(...)")
            return
        lines = [f"{len(self)} filter change{'s' if len(self) != 1 else ''}"]
        for row in self.rows():
            lines.append(
                f"{row['time'].astimezone().strftime('%H:%M:%S')}  {row['action']}: {row['changed']}  → {row['filter']}"
            )
        p.text("\n".join(lines))
