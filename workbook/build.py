"""Build a corpus into a workspace: ingest, extract, assemble, write.

One bad document never stops a build: whatever fails becomes a ``build_issues`` row (path, stage,
error class, message) and the build goes on. Documents whose text and extractor settings are
unchanged since the last build keep their rows instead of being extracted again. The tables are
written as a new snapshot and switched in atomically (see :mod:`workbook.workspace`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from workbook.assemble import ASSEMBLED_TABLES, PRIVATE_TABLES, DocRows, iter_tables
from workbook.collector import quiet_collector
from workbook.docstream import DocumentStream, StreamedDocument
from workbook.engines import Engine, ExtractFailure, resolve_engine
from workbook.engines.base import iter_results
from workbook.errors import WorkbookError, WorkspaceError
from workbook.extract.base import Extractor
from workbook.extract.dateline import parse_dateline
from workbook.ids import doc_id as make_doc_id
from workbook.ids import sha256_text
from workbook.ingest import FieldMapping, IngestFailure, RawDocument
from workbook.model import SCHEMA_VERSION
from workbook.rowbatches import RowCollector
from workbook.rowspill import spill_folder
from workbook.version import __version__
from workbook.workspace import (
    SnapshotTables,
    SnapshotWriter,
    default_workspace,
    is_workspace,
    read_book,
    read_manifest,
    read_private_table,
    remove_stale_temp,
    workspace_lock,
)

__all__ = ["BuildReport", "build", "extractor_fingerprint"]

#: Builds of more documents than this show a progress bar (unless told otherwise).
PROGRESS_THRESHOLD = 20


@dataclass(frozen=True)
class BuildReport:
    """What a build did."""

    workspace: Path
    counts: dict[str, int]
    n_documents: int
    n_extracted: int
    n_reused: int
    duplicates: list[dict[str, str]] = field(default_factory=list)
    issues: pd.DataFrame = field(default_factory=pd.DataFrame)
    seconds: float = 0.0
    written: bool = True
    #: Seconds per stage: ingest, extract, assemble, write (for benchmarks).
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        """A plain-text table of counts and build issues, for the terminal."""
        lines = [f"workspace: {self.workspace}", ""]
        width = max(len(k) for k in self.counts) if self.counts else 10
        lines += [f"  {k:<{width}}  {v:>9,}" for k, v in self.counts.items()]
        lines += [
            "",
            f"documents: {self.n_documents:,} ({self.n_extracted:,} extracted, {self.n_reused:,} unchanged)"
            f" in {self.seconds:.1f} s" + ("" if self.written else "; nothing changed, workspace left as it was"),
        ]
        if self.duplicates:
            lines.append(f"duplicates skipped: {len(self.duplicates)} (same text as a document already read)")
            lines += [f"  {d['source']}  =  {d['duplicate_of']}" for d in self.duplicates[:10]]
        if len(self.issues):
            lines.append(f"build issues: {len(self.issues)}")
            by = self.issues.groupby(["stage", "error"], observed=True).size().reset_index(name="n")
            lines += [f"  {r.n:>5}  {r.stage}: {r.error}" for r in by.itertuples()]
            for row in self.issues.head(10).itertuples():
                lines.append(f"  - {row.path} [{row.stage}] {row.error}: {row.message}")
            if len(self.issues) > 10:
                lines.append(f"  ... and {len(self.issues) - 10} more (see `workbook info`)")
        else:
            lines.append("build issues: none")
        return "\n".join(lines)


def extractor_fingerprint(extractor: Extractor) -> str:
    """A hash of the extractor's name and settings and the schema and package versions: documents
    extracted under another fingerprint are extracted again."""
    payload = json.dumps(
        {"name": extractor.name, "settings": extractor.settings(), "schema": SCHEMA_VERSION, "version": __version__},
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _document_row(raw: RawDocument, sha: str, did: str) -> dict[str, Any]:
    dateline = parse_dateline(raw.text)
    return {
        "doc_id": did,
        "title": raw.title or Path(raw.source.split("#")[0]).stem,
        "publisher": raw.publisher,
        "published": pd.Timestamp(raw.published) if raw.published else None,
        "dateline_place": dateline.place if dateline else None,
        "dateline_source": dateline.source if dateline else None,
        "source": raw.source,
        "sha256": sha,
        "text": raw.text,
        "n_chars": len(raw.text),
        "language": raw.language,
        "format": raw.format,
        "section": raw.section,
        "url": raw.url,
        "encoding": raw.encoding,
        "meta": json.dumps(raw.meta, sort_keys=True, default=str) if raw.meta else None,
    }


def _issue(
    path: str, stage: str, exc: BaseException | str, message: str = "", did: str | None = None
) -> dict[str, Any]:
    error = exc if isinstance(exc, str) else type(exc).__name__
    return {"path": path, "stage": stage, "error": error, "message": message or str(exc), "doc_id": did}


def _previous_rows(ws: Path, fingerprint: str) -> dict[str, DocRows]:
    """Rows of the documents of the live snapshot, if it was built with the same extractor."""
    if not is_workspace(ws):
        return {}
    try:
        manifest = read_manifest(ws)
        if manifest.get("extractor", {}).get("fingerprint") != fingerprint:
            return {}
        book = read_book(ws)
    except WorkbookError:
        return {}
    private = {name: read_private_table(ws, name) for name in PRIVATE_TABLES}
    rows: dict[str, DocRows] = {did: DocRows() for did in book.documents["doc_id"]}
    sources: list[tuple[str, pd.DataFrame | None]] = [
        ("mentions", book.mentions),
        ("claims", book.claims),
        ("events", book.events),
        ("doc_entities", private["_doc_entities"]),
        ("doc_places", private["_doc_places"]),
    ]
    for attr, df in sources:
        if df is None:
            return {}
        for rec in df.to_dict(orient="records"):
            target = rows.get(str(rec["doc_id"]))
            if target is not None:
                getattr(target, attr).append(_plain(rec))
    return rows


def _plain(rec: Mapping[Any, Any]) -> dict[str, Any]:
    """A record read back from Parquet, with list columns as lists and NA as None."""
    out: dict[str, Any] = {}
    for k, v in rec.items():
        if hasattr(v, "tolist") and not isinstance(v, str):
            v = v.tolist()
        elif v is pd.NaT or (not isinstance(v, list) and pd.isna(v)):
            v = None
        out[str(k)] = v
    return out


def _default_extractor() -> Extractor:
    from workbook.extract.pipeline import DefaultExtractor

    return DefaultExtractor()


def build(
    paths: Sequence[str | Path],
    out: str | Path | None = None,
    *,
    extractor: Extractor | None = None,
    mapping: FieldMapping | None = None,
    progress: bool | None = None,
    force: bool = False,
    wait_seconds: float = 0.0,
    engine: Engine | str | None = None,
    workers: int | None = None,
    follow_links: bool = False,
) -> BuildReport:
    """Build the documents under ``paths`` into the workspace ``out``.

    ``out`` defaults to ``<first path>.workbook`` beside the corpus. Unchanged documents keep their
    rows (``force=True`` extracts everything again). ``progress`` shows a progress bar; by default
    it shows for more than :data:`PROGRESS_THRESHOLD` documents. Raises
    :class:`~workbook.errors.WorkspaceError` only for problems with the workspace itself; problems
    with documents end up in the report's ``issues``.

    ``engine`` runs ingest and extraction (:mod:`workbook.engines`): ``"local"`` (the default; with
    ``workers`` > 1, extraction in that many local processes), ``"dask"`` or an engine object. Every
    engine gives the same tables.

    Links leaving the corpus folder are reported, not followed, unless ``follow_links=True`` (see
    :mod:`workbook.ingest.discovery`); the workspace folder is never read as part of the corpus, even
    inside it. A workspace that cannot be written (read-only, no permission) raises
    :class:`~workbook.errors.WorkspaceWriteError`.
    """
    t0 = time.perf_counter()
    corpus = [Path(p) for p in paths]
    if not corpus:
        raise WorkspaceError("Nothing to build: give at least one file or folder.")
    ws = Path(out) if out is not None else default_workspace(corpus[0])
    extractor = extractor or _default_extractor()
    fingerprint = extractor_fingerprint(extractor)
    runner = resolve_engine(engine, workers)
    timings: dict[str, float] = {}

    with (
        workspace_lock(ws, wait_seconds=wait_seconds),
        runner,
        _system_arrow_pool(),
        quiet_collector(),  # what is loaded (pandas, the extractor) is not walked by every full collection
        contextlib.ExitStack() as cleanup,
    ):
        remove_stale_temp(ws)  # a killed build's leftovers; nothing else writes while we hold the lock
        # the column batches wait on disk, not in memory, until their table is made (workbook.rowspill)
        spill = cleanup.enter_context(spill_folder(ws))
        previous = {} if force else _previous_rows(ws, fingerprint)
        # each document's row becomes part of an Arrow chunk of the documents table as it is read; the
        # extraction inputs are made from it batch by batch (workbook.docstream)
        stream = DocumentStream()
        issues: list[dict[str, Any]] = []
        duplicates: list[dict[str, str]] = []
        seen: dict[str, tuple[int, str]] = {}  # sha256 -> position and source of its first document
        t1 = time.perf_counter()
        for item in runner.documents(corpus, mapping, follow_links=follow_links, exclude=(ws,)):
            if isinstance(item, IngestFailure):
                issues.append(_issue(item.source, item.stage, item.error, item.message))
                continue
            sha = sha256_text(item.text)
            did = make_doc_id(sha)
            if sha in seen:
                position, source = seen[sha]
                duplicates.append({"source": item.source, "duplicate_of": source, "doc_id": did})
                merged = _merged_section(stream.section(position), item.section)
                if merged is not None:
                    stream.set_section(position, merged)
                continue
            row = _document_row(item, sha, did)
            info = StreamedDocument(did, item.source, item.title or "", item.published, item.language)
            seen[sha] = (stream.add(row, info), item.source)
            issues.extend(_issue(item.source, "metadata", "MetadataWarning", w, did) for w in _warnings(item))
            del row, item
        del seen

        timings["ingest"] = time.perf_counter() - t1
        docs = stream.documents
        show = progress if progress is not None else len(docs) > PROGRESS_THRESHOLD
        collected = RowCollector(spill=spill)  # rows become column batches as they come, kept on disk
        n_reused = 0
        todo = stream.inputs([i for i, d in enumerate(docs) if d.doc_id not in previous])
        t1 = time.perf_counter()
        results = iter_results(runner, extractor, todo, show)  # one bad document never stops the build
        for doc in docs:
            if doc.doc_id in previous:
                collected.add(previous[doc.doc_id])
                n_reused += 1
                continue
            result = next(results)
            if isinstance(result, ExtractFailure):
                issues.append(_issue(doc.source, "extract", result.error, result.message, doc.doc_id))
            else:
                collected.add(result)
        timings["extract"] = time.perf_counter() - t1
        n_raws = len(docs)
        t1 = time.perf_counter()
        doc_frame = stream.table()
        doc_ids = list(doc_frame["doc_id"])
        listed = {
            d: {"source": src, "sha256": sha}
            for d, src, sha in zip(doc_ids, doc_frame["source"], doc_frame["sha256"], strict=True)
        }
        del todo, results, docs, stream
        unchanged = (
            n_reused == n_raws
            and is_workspace(ws)
            and set(previous) == set(doc_ids)
            and read_manifest(ws).get("n_build_issues") == len(issues)
        )
        del previous
        # each table is written to the new snapshot as soon as it is final, then dropped (the documents and
        # their text first): the tables are never all held at once (iter_tables drops each kind's batches too)
        made = iter_tables(doc_frame, collected, issues)
        del doc_frame
        counts: dict[str, int] = {}
        kept: dict[str, pd.DataFrame] = {}
        build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
        with contextlib.ExitStack() as stack:
            writer = None if unchanged else stack.enter_context(SnapshotWriter(ws))
            t_write = 0.0
            for name, table in made:
                if not name.startswith("_"):
                    counts[name] = len(table)
                if name == "build_issues":
                    kept[name] = table
                if writer is not None:
                    t2 = time.perf_counter()
                    writer.add(name, table)
                    t_write += time.perf_counter() - t2
                del table
            timings["assemble"] = time.perf_counter() - t1 - t_write
            counts = {name: counts[name] for name in ASSEMBLED_TABLES if name in counts}
            if writer is not None:
                manifest = {
                    "schema_version": SCHEMA_VERSION,
                    "package_version": __version__,
                    "build_id": build_id,
                    "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "inputs": [str(p) for p in corpus],
                    "follow_links": follow_links,
                    "extractor": {"name": extractor.name, "settings": extractor.settings(), "fingerprint": fingerprint},
                    "mapping": mapping.to_dict() if mapping is not None else None,
                    "documents": listed,
                    "duplicates": duplicates,
                    "counts": counts,
                    "n_build_issues": len(issues),
                    "seconds": round(time.perf_counter() - t0, 3),
                }
                manifest["engine"] = runner.describe()
                t1 = time.perf_counter()
                snapshot = writer.commit(build_id, manifest)
                runner.after_snapshot(snapshot, SnapshotTables(snapshot))
                timings["write"] = t_write + time.perf_counter() - t1
    return BuildReport(
        workspace=ws,
        counts=counts,
        n_documents=n_raws,
        n_extracted=n_raws - n_reused,
        n_reused=n_reused,
        duplicates=duplicates,
        issues=kept["build_issues"],
        seconds=time.perf_counter() - t0,
        written=not unchanged,
        timings=timings,
    )


@contextlib.contextmanager
def _system_arrow_pool() -> Iterator[None]:
    """Arrow allocates from the system allocator while a build runs (the previous default pool again
    afterwards; each buffer frees itself to the pool it came from). pyarrow's default, mimalloc, keeps
    freed memory for reuse instead of returning it: a build makes and drops one column batch after the
    other, then one table after the other, and with mimalloc the process held the high-water mark of
    every transient (assembling synth-5k's tables: +47 MB resident with mimalloc, +20 MB with the
    system allocator)."""
    before = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(before)


def _merged_section(have: str | None, section: str | None) -> str | None:
    """A duplicate filed under another section (a KCNA story under both 'Top News' and the leader's
    activities) adds that section to the kept document: ``section`` lists them all, '; '-separated.
    Returns the kept document's new section, or None when it stays as it is."""
    if not section:
        return None
    parts = [s for s in (have or "").split("; ") if s]
    if section in parts:
        return None
    return "; ".join([*parts, section])


def _warnings(raw: RawDocument) -> list[str]:
    return [str(x) for x in raw.warnings]
