"""The Dask engine: ingest and extraction as Dask tasks, on a local cluster or an existing one.

Ingest is one task per corpus file (a JSON/JSONL collection is one file, hence one task); extraction
is one task per batch of documents (about :data:`~workbook.engines.local.BATCH_CHARS` characters, and
at least four batches per worker thread). The extractor is sent to every worker once. Results come
back to the machine running the build, which merges the corpus tables exactly as the local engines do
(so the tables are equal) and writes the snapshot, whose Parquet files DuckDB
(:mod:`workbook.filtering.duckdb`), Dask or Spark read as they are.

Pointing it at a cluster (``workbook build CORPUS --engine dask --scheduler tcp://HOST:8786``): every
worker must have this package installed (the same version) and must see the corpus files at the same
absolute paths as the machine running the build (a shared or network file system): ingest tasks open
the files where they run. Without ``--scheduler`` a :class:`distributed.LocalCluster` of ``workers``
processes (one thread each) is started and stopped with the build.

Dask is optional: ``pip install "dask[distributed]"``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import pandas as pd
from tqdm.auto import tqdm

from workbook.engines.base import EngineError, ExtractResult, extract_batch, split_batches
from workbook.engines.local import BATCH_CHARS, default_workers
from workbook.extract.base import DocumentInput, Extractor
from workbook.ingest import FieldMapping, IngestFailure, RawDocument, discover
from workbook.ingest.normalise import normalise_item
from workbook.ingest.reader import read_document

__all__ = ["DaskEngine", "read_file"]

#: Seconds to wait for a scheduler given with ``--scheduler``.
CONNECT_TIMEOUT = 30


def read_file(
    path: str, root: str, mapping: FieldMapping | None, follow_links: bool = False
) -> list[RawDocument | IngestFailure]:
    """The documents (or failures) of one corpus file: the ingest task. ``path`` and ``root`` are
    absolute, so the sources are the same whatever the worker's current folder."""
    return list(map(normalise_item, read_document(Path(path), Path(root), mapping, follow_links=follow_links)))


class DaskEngine:
    """Build on Dask (see the module docstring). ``scheduler`` is the address of a running scheduler
    (``tcp://host:8786``); without it a LocalCluster with ``workers`` workers (default: the cores here)
    is started, as processes unless ``processes=False`` (threads in this process: no speed-up for this
    pure-Python work, but nothing to start; used by the tests)."""

    name = "dask"

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int | None = None,
        *,
        processes: bool = True,
        batch_chars: int = BATCH_CHARS,
    ) -> None:
        if workers is not None and workers < 1:
            raise EngineError(f"workers must be at least 1; got {workers}.")
        self.scheduler = scheduler
        self.workers = workers
        self.processes = processes
        self.batch_chars = batch_chars
        self._client: Any = None
        self._cluster: Any = None

    def describe(self) -> dict[str, Any]:
        info: dict[str, Any] = {"name": self.name, "scheduler": self.scheduler or "LocalCluster"}
        if self._client is not None:
            info["workers"] = len(self._client.scheduler_info().get("workers", {}))
        return info

    @property
    def client(self) -> Any:
        if self._client is None:
            raise EngineError("The Dask engine is not started: use it as a context manager (`with DaskEngine():`).")
        return self._client

    def __enter__(self) -> DaskEngine:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise EngineError('The Dask engine needs dask and distributed: pip install "dask[distributed]".') from exc
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            else:
                n = self.workers or default_workers()
                self._cluster = LocalCluster(
                    n_workers=n if self.processes else 1,
                    threads_per_worker=1 if self.processes else n,
                    processes=self.processes,
                    dashboard_address=None,
                )
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            self._close()
            where = self.scheduler or "a local cluster"
            raise EngineError(f"Cannot reach the Dask scheduler at {where} ({exc}). Is it running?") from exc
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._close()

    def _close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def _threads(self) -> int:
        threads = self.client.nthreads()
        return max(1, sum(threads.values()) if threads else 1)

    def documents(
        self,
        paths: Sequence[Path],
        mapping: FieldMapping | None,
        *,
        follow_links: bool = False,
        exclude: Sequence[Path] = (),
    ) -> Iterator[RawDocument | IngestFailure]:
        found = discover(paths, follow_links=follow_links, exclude=exclude)
        yield from found.failures
        root = os.path.abspath(found.root)
        futures = [
            self.client.submit(read_file, os.path.abspath(p), root, mapping, follow_links, pure=False)
            for p in found.files
        ]
        for fut in futures:  # in file order, as iter_documents
            yield from fut.result()
            fut.release()

    def extract(self, extractor: Extractor, docs: Sequence[DocumentInput], progress: bool) -> list[ExtractResult]:
        return [r for batch in self.extract_batches(extractor, docs, progress) for r in batch]

    def extract_batches(
        self, extractor: Extractor, docs: Sequence[DocumentInput], progress: bool
    ) -> Iterator[list[ExtractResult]]:
        """The results batch by batch, in input order, each as soon as it and those before it are in."""
        if not docs:
            return
        from distributed import as_completed

        client = self.client
        ext = client.scatter(extractor, broadcast=True, hash=False)
        batches = split_batches(docs, 4 * self._threads(), self.batch_chars)
        data = client.scatter(batches, hash=False)
        futures = [client.submit(extract_batch, ext, part, pure=False) for part in data]
        position = {fut.key: i for i, fut in enumerate(futures)}
        done: dict[int, list[ExtractResult]] = {}
        next_out = 0
        bar = tqdm(total=len(docs), desc="extracting", unit="doc", disable=not progress, file=sys.stderr)
        with bar:
            for fut in as_completed(futures):
                if fut.status == "error":
                    raise EngineError(f"A Dask extraction task failed: {fut.exception()!r}")
                i = position[fut.key]
                done[i] = fut.result()
                fut.release()
                bar.update(len(batches[i]))
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1

    def after_snapshot(self, snapshot: Path, tables: Mapping[str, pd.DataFrame]) -> None:
        return None
