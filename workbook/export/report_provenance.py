"""What a report bundle's manifest records about where its content came from.

* :func:`log_entries`: the explorer's filter log as JSON-ready entries;
* :func:`workspace_info`: the workspace (path relative to the bundle, build id, a digest of its
  documents' ids and hashes);
* :func:`manifest_documents`: the documents shown, with publisher, date, source and sha256;
* :func:`manifest_files`: every file written into the bundle, with its sha256 and size.

Used by :class:`workbook.export.report.ReportExporter`; pure functions except for reading the
bundle's files to hash them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.book import Book
from workbook.errors import ExportError
from workbook.export.base import file_sha256, iter_files
from workbook.export.manifest import ids_digest
from workbook.export.table_cells import cell_text

__all__ = ["documents_digest", "log_entries", "manifest_documents", "manifest_files", "workspace_info"]


def log_entries(log: Any) -> list[dict[str, Any]]:
    """The filter log as JSON-ready dicts: ``explorer.log`` (whose ``to_dict()`` gives the list), or a sequence
    of entries that have ``to_dict()`` (``FilterChange``) or are dicts."""
    if log is None:
        return []
    if not isinstance(log, Mapping) and hasattr(log, "to_dict"):
        whole = log.to_dict()  # explorer.log (a FilterLog) gives the list of its entries
        if isinstance(whole, list):
            log = whole
    if isinstance(log, str | bytes | Mapping) or not isinstance(log, Sequence):
        raise ExportError(f"log must be explorer.log or a list of its entries; got {type(log).__name__}.")
    out = []
    for entry in log or ():
        data = entry.to_dict() if hasattr(entry, "to_dict") else entry
        if not isinstance(data, Mapping):
            raise ExportError(f"A filter log entry must have to_dict() or be a dict; got {type(entry).__name__}.")
        try:
            out.append(json.loads(json.dumps(dict(data), default=str)))
        except (TypeError, ValueError) as exc:
            raise ExportError(f"A filter log entry cannot be written as JSON ({exc}).") from exc
    return out


def documents_digest(book: Book) -> str:
    """A digest of the Book's documents' ids and sha256 (which documents, in which version)."""
    docs = book.documents
    return ids_digest(f"{d}:{s}" for d, s in zip(docs["doc_id"].astype(str), docs["sha256"].astype(str), strict=True))


def workspace_info(book: Book, out_dir: Path) -> dict[str, Any]:
    """The workspace of ``book`` as the manifest records it: its path relative to the bundle folder
    (written into ``out_dir``), name, build id, number of documents and :func:`documents_digest`."""
    info: dict[str, Any] = {
        "path": None,
        "name": None,
        "build_id": book.manifest.get("build_id"),
        "n_documents": len(book.documents),
        "documents_digest": documents_digest(book),
    }
    if book.workspace is not None:
        ws = Path(book.workspace).resolve()
        # relative to the bundle folder (one level below out_dir): no machine path in a bundle that gets shared
        info["path"] = Path(os.path.relpath(ws, out_dir.resolve() / "bundle")).as_posix()
        info["name"] = ws.name
    return info


def manifest_documents(docs: pd.DataFrame) -> list[dict[str, Any]]:
    """The manifest's entry of each document shown (a Book's documents table)."""
    return [
        {
            "doc_id": cell_text(r.doc_id),
            "title": cell_text(r.title),
            "publisher": cell_text(r.publisher) or None,
            "published": cell_text(r.published) or None,
            "source": cell_text(r.source) or None,
            "url": cell_text(r.url) or None,
            "sha256": cell_text(r.sha256),
        }
        for r in docs.itertuples(index=False)
    ]


def manifest_files(folder: Path) -> dict[str, dict[str, Any]]:
    """Every file under ``folder`` by its path relative to it, with its sha256 and size in bytes."""
    return {
        p.relative_to(folder).as_posix(): {"sha256": file_sha256(p), "bytes": p.stat().st_size}
        for p in iter_files(folder)
    }
