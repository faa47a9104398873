"""Saved views: a named FilterSpec kept in the workspace's analyst logs, to reopen tomorrow or share.

    >>> wb.save_view(book, "Sinpo launches", spec)        # or ex.save_view("Sinpo launches") in the explorer
    >>> wb.views(book)                                    # name, filter, saved, author: one row per view
    >>> wb.apply(book, wb.view(book, "Sinpo launches"))   # the same rows again

Records go to ``analyst/views.jsonl`` through :class:`~workbook.curation.log.AppendLog` (locked, versioned,
with author and time), so a rebuild never loses them: ``{"op": "save_view", "name", "spec", "note"}``; saving
a name again replaces the view (the latest record wins) and ``{"op": "delete_view", "name"}`` removes it.
A report made from a filter equal to a saved view records the view's name in its manifest
(``filter.saved_views``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from workbook.book import Book
from workbook.curation.annotations import workspace_of
from workbook.curation.log import ANALYST_DIR, AppendLog, analyst_dir, new_record_id
from workbook.errors import FilterSpecError, SavedViewError
from workbook.filtering.spec import FilterSpec

__all__ = [
    "VIEWS_LOG",
    "VIEW_COLUMNS",
    "delete_view",
    "matching_views",
    "save_view",
    "saved_views",
    "view",
    "views",
]

#: The log of saved views, in the workspace's ``analyst/`` folder.
VIEWS_LOG = "views.jsonl"
VIEW_COLUMNS: tuple[str, ...] = ("name", "filter", "note", "saved", "author", "spec_json")
_MAX_NAME = 200


def _log(book: Book | str | Path) -> AppendLog:
    return AppendLog(analyst_dir(workspace_of(book)) / VIEWS_LOG)


def _name(name: Any) -> str:
    if not isinstance(name, str) or not name.strip():
        raise SavedViewError(f"A saved view needs a non-empty name (text); got {name!r}.")
    clean = " ".join(name.split())
    if len(clean) > _MAX_NAME:
        raise SavedViewError(f"A saved view's name has at most {_MAX_NAME} characters; this one has {len(clean)}.")
    return clean


def saved_views(book: Book | str | Path) -> dict[str, dict[str, Any]]:
    """The views in effect, by name (the latest save of each name, unless deleted after it), in the order
    they were first saved. Records whose spec no longer reads are skipped."""
    out: dict[str, dict[str, Any]] = {}
    for rec in _log(book).read().records:
        name = rec.get("name")
        if not isinstance(name, str):
            continue
        if rec.get("op") == "delete_view":
            out.pop(name, None)
        elif rec.get("op") == "save_view":
            try:
                spec = FilterSpec.from_dict(rec.get("spec") or {})
            except FilterSpecError:
                continue
            out[name] = {**rec, "filter_spec": spec}
    return out


def save_view(book: Book | str | Path, name: str, spec: FilterSpec, note: str = "") -> dict[str, Any]:
    """Save ``spec`` as view ``name`` in the workspace of ``book`` (replacing a view of that name); returns
    the record written. Raises :class:`SavedViewError` for an empty name, and
    :class:`~workbook.errors.AnnotationError` for a Book without a workspace."""
    if not isinstance(spec, FilterSpec):
        raise SavedViewError(f"save_view takes a FilterSpec; got {type(spec).__name__}.")
    record = {
        "id": new_record_id("view-"),
        "op": "save_view",
        "name": _name(name),
        "spec": spec.to_dict(),
        "note": str(note or ""),
    }
    return _log(book).append([record])[0]


def delete_view(book: Book | str | Path, name: str) -> None:
    """Remove view ``name`` (the records stay in the log; a later save brings the name back)."""
    clean = _name(name)
    if clean not in saved_views(book):
        raise SavedViewError(_unknown(book, clean))
    _log(book).append([{"id": new_record_id("view-"), "op": "delete_view", "name": clean}])


def _unknown(book: Book | str | Path, name: str) -> str:
    known = list(saved_views(book))
    listed = ", ".join(repr(k) for k in known) if known else "none yet (save one with wb.save_view)"
    return f"No saved view {name!r} in {workspace_of(book) / ANALYST_DIR / VIEWS_LOG}; the saved views are {listed}."


def view(book: Book | str | Path, name: str) -> FilterSpec:
    """The FilterSpec saved as ``name``; raises :class:`SavedViewError` naming the views there are."""
    clean = _name(name)
    found = saved_views(book).get(clean)
    if found is None:
        raise SavedViewError(_unknown(book, clean))
    spec: FilterSpec = found["filter_spec"]
    return spec


def views(book: Book | str | Path) -> pd.DataFrame:
    """The saved views as a table: ``name``, ``filter`` (its description, with names when ``book`` is a
    Book), ``note``, ``saved`` (UTC), ``author``, ``spec_json``."""
    rows = []
    for name, rec in saved_views(book).items():
        spec: FilterSpec = rec["filter_spec"]
        rows.append(
            {
                "name": name,
                "filter": spec.describe(book if isinstance(book, Book) else None),
                "note": str(rec.get("note") or ""),
                "saved": pd.Timestamp(str(rec.get("created") or "NaT")),
                "author": str(rec.get("author") or ""),
                "spec_json": spec.to_json(),
            }
        )
    return pd.DataFrame(rows, columns=list(VIEW_COLUMNS))


def matching_views(book: Book | str | Path, spec: FilterSpec) -> list[str]:
    """The names of the saved views whose filter is ``spec`` (none for a Book without a workspace)."""
    if isinstance(book, Book) and book.workspace is None:
        return []
    return [name for name, rec in saved_views(book).items() if rec["filter_spec"] == spec]
