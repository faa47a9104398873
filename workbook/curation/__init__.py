"""The analyst's work on a workspace: annotations, claim statuses, entity curation, watchlists, FtM.

Everything here is kept in ``WORKSPACE/analyst/`` as append-only logs (see :mod:`workbook.curation.log`)
and re-applied every time the workspace is opened (``wb.open``), so it survives every rebuild.

    >>> from workbook import curation as cur
    >>> cur.merge(book, ["Washington"], into="United States")
    >>> cur.set_status(book, claim_id, "corroborated", supports=[doc_id])
    >>> cur.tag(book, "entity", entity_id, "priority"); cur.undo(book)
    >>> book = wb.open(book.workspace)            # decisions re-applied, book.annotations loaded
    >>> cur.orphaned_annotations(book)            # what a rebuild could not re-attach, and why

Modules: :mod:`~workbook.curation.annotations` (tag, star, note, set_status, undo),
:mod:`~workbook.curation.entities` (merge, split, rename, add_aliases),
:mod:`~workbook.curation.apply` (apply_curation: the pure re-application),
:mod:`~workbook.curation.views` (annotations_for, annotation_summary, orphaned_annotations),
:mod:`~workbook.curation.suggestions` (merge_suggestions, accept/reject),
:mod:`~workbook.curation.watchlist` (analyst watchlists the extractor uses) and
:mod:`~workbook.curation.ftm` (FollowTheMoney export, validation and import);
:mod:`~workbook.curation.log` names the logs (the log itself, :class:`~workbook.durable.AppendLog`, is
storage). The vocabularies (target kinds, annotation kinds, claim statuses, curation operations) are
declared in :mod:`workbook.model`. Names are imported lazily, so ``import workbook.curation`` is light.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "CLAIM_STATUSES",
    "TARGET_KINDS",
    "CurationResult",
    "Watchlist",
    "WatchlistEntry",
    "accept_suggestion",
    "add_aliases",
    "annotation_summary",
    "annotations_for",
    "apply_curation",
    "curate",
    "curation_history",
    "curation_report",
    "entity_id_map",
    "export_ftm",
    "find_entity",
    "find_orphans",
    "ftm_entities",
    "load_watchlist",
    "merge",
    "merge_suggestions",
    "note",
    "orphaned_annotations",
    "read_annotation_records",
    "read_decisions",
    "read_ftm",
    "refresh_annotations",
    "reject_suggestion",
    "rename",
    "set_status",
    "split",
    "star",
    "tag",
    "undo",
    "unstar",
    "untag",
    "validate_ftm",
    "watchlist_from_ftm",
    "write_watchlist",
]

_WHERE = {
    "annotations": (
        "CLAIM_STATUSES",
        "TARGET_KINDS",
        "note",
        "read_annotation_records",
        "refresh_annotations",
        "set_status",
        "star",
        "tag",
        "undo",
        "unstar",
        "untag",
    ),
    "entities": (
        "add_aliases",
        "curation_history",
        "entity_id_map",
        "find_entity",
        "merge",
        "read_decisions",
        "rename",
        "split",
    ),
    "apply": ("CurationResult", "apply_curation", "curate"),
    "attach": ("curation_report",),
    "views": ("annotation_summary", "annotations_for", "find_orphans", "orphaned_annotations"),
    "suggestions": ("accept_suggestion", "merge_suggestions", "reject_suggestion"),
    "watchlist": ("Watchlist", "WatchlistEntry", "load_watchlist", "write_watchlist"),
    "ftm": ("export_ftm", "ftm_entities", "read_ftm", "validate_ftm", "watchlist_from_ftm"),
}
_LAZY = {name: module for module, names in _WHERE.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'workbook.curation' has no attribute {name!r}")
    return getattr(importlib.import_module(f"workbook.curation.{module}"), name)


def __dir__() -> list[str]:
    return sorted(__all__)
