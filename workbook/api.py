"""``workbook.open``: a workspace or a corpus in, a :class:`~workbook.book.Book` out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbook.book import Book
from workbook.build import build
from workbook.curation.attach import open_workspace
from workbook.errors import WorkspaceNotFoundError
from workbook.workspace import check_workspace, default_workspace, is_workspace

__all__ = ["open"]


def open(
    path: str | Path, *, rebuild: bool = True, analyst_work: bool = True, verify: bool = False, **build_options: Any
) -> Book:
    """Open ``path`` as a Book.

    ``path`` is either a workspace (a folder made by ``workbook build``) or a corpus (a file or a
    folder of documents). For a corpus the workspace beside it (``<corpus>.workbook``, or
    ``out=...``) is built or brought up to date first; only changed documents are extracted again.
    With ``rebuild=False`` an existing workspace of the corpus is opened as it is.

    The analyst's work kept in the workspace (``analyst/``: entity merges, splits, renames and
    aliases; tags, stars, notes and claim statuses) is re-applied to the built tables and loaded into
    ``book.annotations`` (see :mod:`workbook.curation`); ``analyst_work=False`` opens the tables
    exactly as the extractor made them.

    ``verify=True`` first re-hashes every stored document text against its ``sha256`` and raises
    :class:`~workbook.errors.WorkspaceIntegrityError` naming the documents that differ (a snapshot
    changed or damaged on disk); it reads all the text once, so it is off by default.

    Confirmed name links (:mod:`workbook.tables.linking`) are not part of the Book: they tie the rows
    of a *dataset* table (facilities, sites) to the Book's entities and are kept, one decision a line,
    in ``<workspace>/analyst/links.jsonl`` (an older workspace's ``<workspace>/links.jsonl`` is read too),
    which builds (``force=True`` too) leave in place. Re-apply them to
    the dataset table after opening::

        store = LinkStore.for_workspace(book.workspace)
        linked = apply_links(sites, store, source="sites", key_column="site")   # entity_id, entity_ids

    which gives the same links on every opening. A link names an entity id; after a merge, or a
    rebuild that no longer finds that entity, ``linked.entity_id`` may name an id that is not in
    ``book.entities`` (check with ``linked.entity_id.isin(book.entities.entity_id)``).
    """
    p = Path(path)
    if is_workspace(p):
        out = p
    elif not p.exists():
        raise WorkspaceNotFoundError(f"{p} does not exist: give a workspace folder or a corpus file or folder.")
    else:
        out = Path(build_options.pop("out", None) or default_workspace(p))
        if rebuild or not is_workspace(out):
            build([p], out, **build_options)
    if verify:
        check_workspace(out)
    return open_workspace(out, analyst_work=analyst_work)  # storage, then the analyst's work on top
