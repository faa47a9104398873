"""Reopen a report bundle: read its manifest, check its sources, and reproduce its filtered tables.

    >>> report = wb.open_report("exports/Seed-report")          # finds the workspace it was made from
    >>> report.tables["01-claims"]                              # the same rows and columns as the export
    >>> wb.open_report("Seed-report.zip", workspace="seeds.workbook")   # or name the workspace / pass book=

Where the data come from, first match wins: ``book=`` (a Book you opened), ``workspace=`` (a workspace
folder), else the workspace path the manifest records *relative to the bundle folder* (so a bundle keeps
working while ``exports/`` and the workspace move together; a bundle copied elsewhere needs
``workspace=``). A workspace is read with the analyst's work (curation and annotations, as ``wb.open``
does), so that a filter on claim statuses, tags or stars selects the same rows again. Then:

1. every source document the manifest lists must be in the Book with the same sha256, else
   :class:`~workbook.errors.ReportSourceChangedError` (what is missing or changed, and what to do);
2. the FilterSpec is applied again and each table's rows (by key) and columns must equal the export's,
   else :class:`~workbook.errors.ReportMismatchError` (for instance when documents were added to the
   workspace since and now pass the filter).
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd

from workbook.book import Book
from workbook.errors import ReportManifestError, ReportMismatchError, ReportSourceChangedError, WorkbookError
from workbook.export.manifest import ids_digest, validate_manifest
from workbook.export.specs import TableSpec, row_ids, table_data, table_spec
from workbook.filtering import FilterSpec, apply

__all__ = ["OpenedReport", "open_report", "read_manifest"]


@dataclass(frozen=True, eq=False)
class OpenedReport:
    """A reopened report: its manifest and spec, the Book it was checked against, the filtered view and
    the reproduced tables, keyed ``"01-claims"`` (number and name, as the bundle's files are)."""

    manifest: dict[str, Any]
    spec: FilterSpec
    book: Book
    view: Book
    tables: dict[str, pd.DataFrame]
    folder: Path | None

    @property
    def title(self) -> str:
        return str(self.manifest["title"])

    def __repr__(self) -> str:
        where = self.manifest["filter"]["description"]
        return f"<OpenedReport {self.title!r}: tables {list(self.tables)}; filter: {where}>"


def read_manifest(path: str | Path) -> tuple[dict[str, Any], Path]:
    """The validated manifest of a bundle folder, its ``manifest.json`` or its ``.zip``, and the bundle
    folder it belongs to (for a zip: the folder it unpacks to, beside it)."""
    p = Path(path)
    where = str(p)
    try:
        if p.is_dir():
            folder, text = p, (p / "manifest.json").read_text(encoding="utf-8")
        elif p.suffix.lower() == ".zip":
            with zipfile.ZipFile(p) as zf:
                names = [n for n in zf.namelist() if PurePosixPath(n).name == "manifest.json"]
                if len(names) != 1 or len(PurePosixPath(names[0]).parts) != 2:
                    raise ReportManifestError(f"{p} holds no report bundle (expected one <bundle>/manifest.json).")
                folder, text = p.parent / PurePosixPath(names[0]).parts[0], zf.read(names[0]).decode("utf-8")
        else:
            folder, text = p.parent, p.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ReportManifestError(
            f"No report at {where}: give a bundle folder, its manifest.json or its .zip."
        ) from exc
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise ReportManifestError(f"The report manifest at {where} cannot be read ({exc}).") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportManifestError(f"The report manifest at {where} is not JSON ({exc}).") from exc
    return validate_manifest(data, where), folder


def _book(manifest: dict[str, Any], folder: Path, book: Book | None, workspace: str | Path | None) -> Book:
    if book is not None:
        return book
    from workbook.curation.attach import open_workspace

    ws_info = manifest["workspace"]
    if workspace is not None:
        ws = Path(workspace)
    elif ws_info["path"]:
        ws = folder / ws_info["path"]
    else:
        raise ReportSourceChangedError(
            f"Report {manifest['title']!r} was made from a Book without a workspace folder; reopen it with "
            "open_report(path, book=...) passing that Book."
        )
    try:
        return open_workspace(ws)
    except WorkbookError as exc:
        raise ReportSourceChangedError(
            f"The workspace of report {manifest['title']!r} cannot be opened at {ws} ({exc}). Pass "
            "workspace=... (the folder made by `workbook build`, recorded as "
            f"{ws_info['name']!r}) or book=... to open_report."
        ) from exc


def _check_sources(manifest: dict[str, Any], book: Book) -> None:
    have = dict(zip(book.documents["doc_id"].astype(str), book.documents["sha256"].astype(str), strict=True))
    missing, changed = [], []
    for doc in manifest["documents"]:
        sha = have.get(doc["doc_id"])
        if sha is None:
            missing.append(doc)
        elif sha != doc["sha256"]:
            changed.append(doc)
    if missing or changed:

        def names(docs: list[dict[str, Any]]) -> str:
            shown = ", ".join(f"{d['title']!r} ({d['doc_id']})" for d in docs[:5])
            return shown + (f" and {len(docs) - 5} more" if len(docs) > 5 else "")

        parts = []
        if missing:
            parts.append(f"{len(missing)} source document(s) are not in the workspace: {names(missing)}")
        if changed:
            parts.append(f"{len(changed)} source document(s) have a different text (sha256): {names(changed)}")
        raise ReportSourceChangedError(
            f"Report {manifest['title']!r} cannot be reproduced: " + "; ".join(parts) + ". A document's id comes "
            "from its text, so a changed text shows up as missing. Rebuild the workspace from the original "
            "documents, or pass workspace=/book= holding them."
        )


def _check_table(manifest: dict[str, Any], record: dict[str, Any], data: pd.DataFrame, view: Book, book: Book) -> None:
    frame = view.table(record["name"])
    ids = row_ids(frame, record["key"])
    if (
        list(data.columns) == record["columns"]
        and len(data) == record["n_rows"]
        and ids_digest(ids) == record["ids_sha256"]
    ):
        return
    digest_now = ids_digest(
        f"{d}:{s}"
        for d, s in zip(book.documents["doc_id"].astype(str), book.documents["sha256"].astype(str), strict=True)
    )
    hint = (
        " The workspace's documents differ from the export's (documents were added or removed since), so the "
        "filter now selects other rows."
        if digest_now != manifest["workspace"]["documents_digest"]
        else " The workspace holds the same documents, so the extraction (a rebuild with other settings) or the "
        "filter semantics (another workbook version) changed."
    )
    raise ReportMismatchError(
        f"Table {record['name']!r} of report {manifest['title']!r} is not reproduced: the export had "
        f"{record['n_rows']} rows, re-applying the filter gives {len(data)} (or other rows or columns).{hint}"
    )


def open_report(path: str | Path, *, book: Book | None = None, workspace: str | Path | None = None) -> OpenedReport:
    """Reopen the report bundle at ``path`` (folder, ``manifest.json`` or ``.zip``) and reproduce its tables;
    see the module docstring for where the data come from and what is checked."""
    manifest, folder = read_manifest(path)
    try:
        spec = FilterSpec.from_dict(manifest["filter"]["spec"])
    except WorkbookError as exc:
        raise ReportManifestError(f"The filter in report {manifest['title']!r} cannot be read ({exc}).") from exc
    source = _book(manifest, folder, book, workspace)
    _check_sources(manifest, source)
    view = apply(source, spec)
    tables: dict[str, pd.DataFrame] = {}
    for i, record in enumerate(manifest["tables"], 1):
        try:
            data = table_data(view, table_spec(TableSpec(record["name"], tuple(record["columns"]))))
        except WorkbookError as exc:
            raise ReportMismatchError(
                f"Table {record['name']!r} of report {manifest['title']!r} cannot be rebuilt ({exc})."
            ) from exc
        _check_table(manifest, record, data, view, source)
        tables[f"{i:02d}-{record['name']}"] = data
    return OpenedReport(manifest, spec, source, view, tables, folder if folder.is_dir() else None)
