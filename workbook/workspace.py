"""Workspaces on disk: Parquet tables in snapshots, switched atomically, guarded by a lock.

Layout of a workspace folder::

    WORKSPACE/
      CURRENT                 one line: the name of the live snapshot
      snapshots/<build_id>/   one Parquet file per table, plus manifest.json and documents.text.arrow
      .lock                   held (flock) by the build writing the workspace
      analyst/                the analyst's append-only logs (workbook.curation); a build never touches it

A build writes a whole new snapshot into a temporary folder, renames it into ``snapshots/`` and
only then replaces ``CURRENT`` (write to a temp file + ``os.replace``); until its tables are made, it keeps
its column batches in another temporary folder there (:mod:`workbook.rowspill`). A build killed at any point
leaves the previous snapshot live and readable; the next build removes what a killed build left
behind (temporary snapshot folders and ``CURRENT`` temp files, :func:`remove_stale_temp`) as soon as it
holds the lock. Readers only ever follow ``CURRENT``.

A workspace that cannot be written (read-only, no permission) raises
:class:`~workbook.errors.WorkspaceWriteError`. Opening a Book does not re-read every text; to check that
the stored texts are still the ones built (a byte changed on disk), :func:`verify_workspace` re-hashes
them against their ``sha256`` and :func:`check_workspace` raises
:class:`~workbook.errors.WorkspaceIntegrityError` naming the documents that differ
(``wb.open(path, verify=True)``, ``workbook info --verify``).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from workbook.book import TABLE_NAMES, Book
from workbook.durable import atomic_write_text
from workbook.errors import (
    WorkspaceError,
    WorkspaceIntegrityError,
    WorkspaceLockedError,
    WorkspaceNotFoundError,
    WorkspaceWriteError,
)
from workbook.lists import arrow_table, frame_of
from workbook.model import READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION, TABLES_CHANGED_SINCE, conform
from workbook.tableread import read_parquet_table, table_from_arrow

__all__ = [
    "TEXT_FILE",
    "WORKSPACE_SUFFIX",
    "SnapshotTables",
    "SnapshotWriter",
    "atomic_write_text",
    "book_manifest",
    "check_schema_version",
    "check_workspace",
    "current_snapshot",
    "default_workspace",
    "is_workspace",
    "live_snapshot",
    "read_book",
    "read_manifest",
    "read_private_table",
    "remove_stale_temp",
    "replace_folder",
    "table_from_arrow",
    "temp_folder",
    "verify_workspace",
    "workspace_lock",
    "write_snapshot",
]

WORKSPACE_SUFFIX = ".workbook"
_CURRENT = "CURRENT"
_SNAPSHOTS = "snapshots"
_KEEP_SNAPSHOTS = 2


def _write_error(ws: Path, exc: OSError) -> WorkspaceWriteError:
    return WorkspaceWriteError(
        f"Cannot write to the workspace {ws} ({exc.strerror or exc}): it is read-only, full, or not writable by "
        "you. Give a writable folder with --out (out=... in Python), or make this one writable."
    )


def is_workspace(path: Path) -> bool:
    """Does ``path`` hold a built workspace?"""
    return (path / _CURRENT).is_file()


def default_workspace(corpus: Path) -> Path:
    """Where the workspace of a corpus goes by default: beside it, named ``<corpus>.workbook``."""
    corpus = Path(corpus)
    name = corpus.name if corpus.name not in ("", ".") else corpus.resolve().name
    return corpus.parent / (name + WORKSPACE_SUFFIX)


def current_snapshot(ws: Path) -> Path:
    """The folder of the live snapshot of workspace ``ws`` (the one ``CURRENT`` names); raises
    :class:`~workbook.errors.WorkspaceNotFoundError` or :class:`~workbook.errors.WorkspaceError` when there is none."""
    if not ws.exists():
        raise WorkspaceNotFoundError(f"No workspace at {ws}: build one first with `workbook build CORPUS --out {ws}`.")
    if not is_workspace(ws):
        raise WorkspaceNotFoundError(
            f"{ws} is not a workspace (it has no {_CURRENT} file). Build one with `workbook build CORPUS --out {ws}`."
        )
    name = (ws / _CURRENT).read_text(encoding="utf-8").strip()
    snap = ws / _SNAPSHOTS / name
    if not name or "/" in name or not snap.is_dir():
        raise WorkspaceError(
            f"Workspace {ws} points at snapshot {name!r}, which is missing. Rebuild it with `workbook build`."
        )
    return snap


def read_manifest(ws: Path) -> dict[str, Any]:
    """The manifest of the live snapshot of workspace ``ws``."""
    snap = current_snapshot(Path(ws))
    try:
        manifest: dict[str, Any] = json.loads((snap / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WorkspaceError(f"The manifest of {snap} cannot be read ({exc}); rebuild the workspace.") from exc
    return manifest


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        return frame_of(pq.read_table(path))
    except (OSError, pa.ArrowException) as exc:
        raise WorkspaceError(f"Table file {path} cannot be read ({exc}); rebuild the workspace.") from exc


#: The documents' text again, uncompressed (Arrow IPC, one ``text`` column in the order of
#: ``documents.parquet``): :func:`read_book` memory-maps it, so opening a Book does not decompress the
#: text, and its pages are read from disk only when something touches them (a text search, a reader).
TEXT_FILE = "documents.text.arrow"


def _read_table(snap: Path, name: str) -> pd.DataFrame:
    """Declared table ``name`` of snapshot ``snap`` as this schema version declares it, read column by column
    (:func:`workbook.tableread.read_parquet_table`); the documents' text memory-mapped from :data:`TEXT_FILE`
    when the snapshot has this snapshot's text there."""
    path = snap / f"{name}.parquet"
    text_path = snap / TEXT_FILE
    try:
        replace: dict[str, pa.ChunkedArray] = {}
        if name == "documents" and text_path.exists():
            text = pa.ipc.open_file(pa.memory_map(str(text_path))).read_all().column("text")
            meta = pq.read_metadata(path)
            if len(text) == meta.num_rows and "text" in meta.schema.to_arrow_schema().names:
                replace["text"] = text  # else not this snapshot's text: read it from the Parquet file
        return read_parquet_table(name, path, replace)
    except (OSError, pa.ArrowException) as exc:
        raise WorkspaceError(f"Table file {path} cannot be read ({exc}); rebuild the workspace.") from exc


def _read_arrow(snap: Path, name: str) -> pa.Table:
    """The Arrow table ``name`` of snapshot ``snap`` as stored (for a snapshot of an older schema version)."""
    path = snap / f"{name}.parquet"
    try:
        return pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise WorkspaceError(f"Table file {path} cannot be read ({exc}); rebuild the workspace.") from exc


def _write_text(documents: pd.DataFrame, path: Path) -> None:
    text = pa.array(documents["text"].array, from_pandas=True).cast(pa.large_string())
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, pa.schema([("text", pa.large_string())])) as w:
        w.write_table(pa.table({"text": text}))


def check_schema_version(ws: Path, manifest: Mapping[str, Any]) -> str:
    """The schema version of workspace ``ws`` (from its ``manifest``); raises
    :class:`~workbook.errors.WorkspaceError` when it is not one this workbook reads
    (:data:`workbook.model.READABLE_SCHEMA_VERSIONS`)."""
    found = manifest.get("schema_version")
    if found not in READABLE_SCHEMA_VERSIONS:
        raise WorkspaceError(
            f"Workspace {ws} has schema version {found!r}; this workbook reads {SCHEMA_VERSION!r} (and "
            f"{', '.join(repr(v) for v in READABLE_SCHEMA_VERSIONS if v != SCHEMA_VERSION)}). "
            "Rebuild it with `workbook build`."
        )
    return str(found)


def live_snapshot(ws: Path) -> tuple[Path, dict[str, Any]]:
    """The live snapshot folder of workspace ``ws`` and its manifest, after checking that this workbook
    reads its schema version (every reader of a snapshot, pandas or DuckDB, goes through here).
    Raises :class:`WorkspaceError` for a missing snapshot or a schema version it does not read."""
    ws = Path(ws)
    snap = current_snapshot(ws)
    manifest = read_manifest(ws)
    check_schema_version(ws, manifest)
    return snap, manifest


def read_book(ws: Path) -> Book:
    """Open the live snapshot of workspace ``ws`` as a :class:`Book`, exactly as built.

    This is storage only: ``wb.open`` (:func:`workbook.curation.attach.open_workspace`) adds the
    analyst's curation decisions and annotations on top. The Book's manifest is the snapshot's without its
    per-document listing (:func:`book_manifest`). In a snapshot of an older readable schema
    version, the tables declared differently since (:data:`workbook.model.TABLES_CHANGED_SINCE`) are
    converted to the current declarations through :func:`workbook.model.conform`."""
    ws = Path(ws)
    snap, stored = live_snapshot(ws)
    manifest = book_manifest(stored)
    del stored  # the per-document listing goes before the tables are read
    changed = TABLES_CHANGED_SINCE.get(str(manifest.get("schema_version")), ())
    tables: dict[str, pd.DataFrame] = {}
    for name in TABLE_NAMES:
        f = snap / f"{name}.parquet"
        if f.exists():
            if name in changed:
                tables[name] = conform(name, frame_of(_read_arrow(snap, name)))
            else:
                tables[name] = _read_table(snap, name)
    return Book(**tables, manifest=manifest, workspace=ws)


def book_manifest(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The manifest a Book read from a snapshot carries: the snapshot's, without its per-document listing
    (``documents``: doc_id -> source and sha256, one entry per document), which is the documents table's
    ``doc_id``, ``source`` and ``sha256`` columns over again (at 100k documents, 60 MB of Python dicts).
    :func:`read_manifest` still returns the listing as stored."""
    return {k: v for k, v in manifest.items() if k != "documents"}


def verify_workspace(ws: Path) -> list[str]:
    """The ids of the documents of workspace ``ws`` whose stored text no longer hashes to their
    ``sha256`` (in :data:`TEXT_FILE`, which a Book reads, or in ``documents.parquet``); ``[]`` when all match.

    Raises :class:`~workbook.errors.WorkspaceIntegrityError` when the stored text cannot be read at all.
    """
    snap = current_snapshot(Path(ws))
    try:
        parquet = pq.read_table(snap / "documents.parquet", columns=["doc_id", "sha256", "text"])
        copies = [parquet.column("text")]
        if (snap / TEXT_FILE).exists():
            copies.append(pa.ipc.open_file(pa.memory_map(str(snap / TEXT_FILE))).read_all().column("text"))
    except (OSError, KeyError, pa.ArrowException) as exc:
        raise WorkspaceIntegrityError(
            f"The stored text of workspace {ws} cannot be read ({exc}); rebuild it with `workbook build --force`."
        ) from exc
    ids = parquet.column("doc_id").to_pylist()
    hashes = parquet.column("sha256").to_pylist()
    bad: set[int] = set()
    for texts in copies:
        if len(texts) != len(ids):
            raise WorkspaceIntegrityError(
                f"Workspace {ws} stores {len(texts)} texts for {len(ids)} documents; rebuild it with "
                "`workbook build --force`."
            )
        # the hash of the stored UTF-8 bytes (= sha256_text of the text), so that bytes which no longer
        # decode are found too
        for i, raw in enumerate(texts.cast(pa.large_binary()).to_pylist()):
            if hashlib.sha256(raw or b"").hexdigest() != hashes[i]:
                bad.add(i)
    return [str(ids[i]) for i in sorted(bad)]


def check_workspace(ws: Path) -> int:
    """Raise :class:`~workbook.errors.WorkspaceIntegrityError` naming the documents (id and source) whose
    stored text changed (see :func:`verify_workspace`); returns the number of documents checked."""
    bad = verify_workspace(ws)
    documents = pq.read_table(current_snapshot(Path(ws)) / "documents.parquet", columns=["doc_id", "source"])
    if bad:
        source = dict(zip(documents.column("doc_id").to_pylist(), documents.column("source").to_pylist(), strict=True))
        listed = ", ".join(f"{d} ({source.get(d)})" for d in bad[:10]) + (" ..." if len(bad) > 10 else "")
        raise WorkspaceIntegrityError(
            f"Workspace {ws}: the stored text of {len(bad)} document(s) no longer matches its sha256: {listed}. "
            "The snapshot was changed or damaged on disk: rebuild it with `workbook build --force` (the "
            "documents are read again from the corpus)."
        )
    return documents.num_rows


def read_private_table(ws: Path, name: str) -> pd.DataFrame | None:
    """A build's private table (e.g. ``_doc_entities``) from the live snapshot, or None."""
    try:
        snap = current_snapshot(Path(ws))
    except WorkspaceError:
        return None
    f = snap / f"{name}.parquet"
    return _read_parquet(f) if f.exists() else None


def _write_parquet(df: pd.DataFrame, path: Path) -> None:
    table = arrow_table(df)
    pq.write_table(table, path, compression="zstd")


class SnapshotWriter:
    """A new snapshot of workspace ``ws`` written one table at a time: :meth:`add` writes a table's Parquet
    file at once (so a build can drop each table as soon as it is final instead of holding them all),
    :meth:`commit` writes the manifest, fsyncs, renames the folder into ``snapshots/`` and switches
    ``CURRENT`` atomically. Everything goes to a temporary folder first; leaving the ``with`` block
    without a commit (an error) removes it, and the live snapshot is untouched until the switch."""

    def __init__(self, ws: Path) -> None:
        self.ws = Path(ws)
        self._snaps = self.ws / _SNAPSHOTS
        self.folder = temp_folder(self.ws)
        self.written: list[str] = []
        self._done = False

    def __enter__(self) -> SnapshotWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: Any) -> None:
        if not self._done:
            shutil.rmtree(self.folder, ignore_errors=True)
        if isinstance(exc, OSError) and not isinstance(exc, WorkspaceError):
            raise _write_error(self.ws, exc) from exc

    def add(self, name: str, df: pd.DataFrame) -> None:
        """Write table ``name`` (and, for ``documents``, the text file :data:`TEXT_FILE`)."""
        if self._done:
            raise WorkspaceError(f"Snapshot of {self.ws} already committed; {name!r} cannot be added.")
        _write_parquet(df, self.folder / f"{name}.parquet")
        if name == "documents" and "text" in df.columns:
            _write_text(df, self.folder / TEXT_FILE)
        self.written.append(name)

    def commit(self, build_id: str, manifest: Mapping[str, Any]) -> Path:
        """Write ``manifest``, make the snapshot ``build_id`` the live one, prune old snapshots; returns
        the snapshot's folder."""
        try:
            (self.folder / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str), encoding="utf-8")
            for f in self.folder.iterdir():
                with open(f, "rb") as fh:
                    os.fsync(fh.fileno())
            final = replace_folder(self.folder, self._snaps / build_id)
        except OSError as exc:
            raise _write_error(self.ws, exc) from exc
        self._done = True
        try:
            atomic_write_text(self.ws / _CURRENT, build_id + "\n")
        except OSError as exc:
            raise _write_error(self.ws, exc) from exc
        _prune(self._snaps, keep=build_id)
        return final


class SnapshotTables(Mapping[str, pd.DataFrame]):
    """The tables of a written snapshot folder, each read from its Parquet file when asked for (declared
    tables as :func:`read_book` reads them, private ones as stored): what a build hands its engine's
    ``after_snapshot`` without holding every table in memory."""

    def __init__(self, snapshot: Path) -> None:
        self.snapshot = Path(snapshot)
        self._names = sorted(f.stem for f in self.snapshot.glob("*.parquet"))

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._names:
            raise KeyError(name)
        if name in TABLE_NAMES:
            return _read_table(self.snapshot, name)
        return _read_parquet(self.snapshot / f"{name}.parquet")

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def write_snapshot(
    ws: Path,
    build_id: str,
    tables: Mapping[str, pd.DataFrame],
    manifest: Mapping[str, Any],
) -> Path:
    """Write ``tables`` and ``manifest`` as a new snapshot of ``ws`` and make it the live one.

    The snapshot is written in full into a temporary folder first; the switch is one atomic
    rename of ``CURRENT``. Older snapshots beyond the last two are removed afterwards
    (:class:`SnapshotWriter`, which a build uses to write each table as soon as it is final).
    """
    with SnapshotWriter(ws) as writer:
        for name, df in tables.items():
            writer.add(name, df)
        return writer.commit(build_id, manifest)


def temp_folder(ws: Path) -> Path:
    """A new, empty temporary folder beside the snapshots of ``ws``, for a build's files until it commits
    (the caller removes it; a killed build's is removed by :func:`remove_stale_temp`). Raises
    :class:`~workbook.errors.WorkspaceWriteError` when the workspace cannot be written."""
    snaps = Path(ws) / _SNAPSHOTS
    try:
        snaps.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".tmp-", dir=snaps))
    except OSError as exc:
        raise _write_error(Path(ws), exc) from exc


def remove_stale_temp(ws: Path) -> list[Path]:
    """Remove what killed builds left in ``ws``: temporary snapshot folders and ``CURRENT`` temp files.

    Call it only while holding :func:`workspace_lock`: then no other build is writing, so every such
    file is a dead build's. Returns what was removed.
    """
    ws = Path(ws)
    snaps = ws / _SNAPSHOTS
    stale = sorted(snaps.glob(".tmp-*")) if snaps.is_dir() else []
    stale += sorted(ws.glob(f".{_CURRENT}.*.tmp"))
    for p in stale:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        else:
            try:
                p.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise _write_error(ws, exc) from exc
    return stale


def replace_folder(tmp: Path, final: Path) -> Path:
    """Move the fully written folder ``tmp`` to ``final`` (same file system), replacing a folder
    left there by an earlier attempt; returns ``final``."""
    if final.exists():
        shutil.rmtree(final)
    os.replace(tmp, final)
    return final


def _prune(snaps: Path, keep: str) -> None:
    """Remove temporary folders of dead builds and all but the newest snapshots."""
    entries = sorted((p for p in snaps.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    live = [p for p in entries if not p.name.startswith(".tmp-")]
    for p in entries:
        if p.name.startswith(".tmp-") and time.time() - p.stat().st_mtime > 5:
            shutil.rmtree(p, ignore_errors=True)
    for p in live[_KEEP_SNAPSHOTS:]:
        if p.name != keep:
            shutil.rmtree(p, ignore_errors=True)


@contextlib.contextmanager
def workspace_lock(ws: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the workspace's build lock; raise :class:`WorkspaceLockedError` if another build holds
    it for longer than ``wait_seconds``."""
    ws = Path(ws)
    try:
        ws.mkdir(parents=True, exist_ok=True)
        fh = open(ws / ".lock", "a+")  # noqa: SIM115 - held for the duration of the context
    except OSError as exc:
        raise _write_error(ws, exc) from exc
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another process"
                    raise WorkspaceLockedError(
                        f"Workspace {ws} is being built by {holder}. Wait for that build to finish, "
                        "or pass a longer wait (--wait SECONDS)."
                    ) from None
                time.sleep(0.1)
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()
