"""Engines on this machine: :class:`SerialEngine` (in this process) and :class:`ProcessEngine`
(extraction in ``workers`` local processes).

:class:`ProcessEngine` starts its worker processes with the ``spawn`` method (safe whatever threads
the parent runs, e.g. in JupyterLab). Each worker receives the extractor once, through its own pipe
when it starts, then takes batches of documents from a queue and sends back their rows; the parent puts
the results back in input order, so the tables equal the serial build's. Scripts that build with workers must guard
their top level with ``if __name__ == "__main__":`` (a ``spawn`` worker imports the main module). A worker
ends by itself as soon as its build process is gone, even when that was killed (``SIGKILL``).
The objects passed between processes are our own (documents in, rows out); nothing read from a file
is ever unpickled.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import queue
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import Any

import pandas as pd

from workbook.collector import quiet_collector
from workbook.engines.base import (
    EXTRACT_DOCS,
    EngineError,
    ExtractResult,
    extract_batch,
    iter_batches,
)
from workbook.extract.base import DocumentInput, Extractor
from workbook.ingest import FieldMapping, IngestFailure, RawDocument, iter_documents
from workbook.rowbatches import STREAM_CHARS

__all__ = ["BATCH_CHARS", "ProcessEngine", "SerialEngine", "default_workers"]

#: A batch sent to a worker holds about this many characters of text (at most).
BATCH_CHARS = 2_000_000
#: Seconds between checks that the workers are alive while waiting for results.
_POLL_SECONDS = 1.0
#: What starting a worker raises when the extractor cannot be pickled or no process can be made.
_START_ERRORS = (AttributeError, TypeError, ValueError, OSError, pickle.PicklingError)


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _bar(total: int, show: bool) -> Any:
    from tqdm.auto import tqdm  # here: ``import workbook`` (a notebook opening a Book) does not pay for it

    return tqdm(total=total, desc="extracting", unit="doc", disable=not show, file=sys.stderr)


class SerialEngine:
    """Ingest and extraction in this process (the default); documents are extracted in input order,
    :data:`~workbook.engines.base.EXTRACT_DOCS` at a time (:func:`~workbook.engines.base.extract_batch`)."""

    name = "serial"

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "workers": 1}

    def documents(
        self,
        paths: Sequence[Path],
        mapping: FieldMapping | None,
        *,
        follow_links: bool = False,
        exclude: Sequence[Path] = (),
    ) -> Iterator[RawDocument | IngestFailure]:
        return iter_documents(paths, mapping=mapping, follow_links=follow_links, exclude=exclude)

    def extract(self, extractor: Extractor, docs: Sequence[DocumentInput], progress: bool) -> list[ExtractResult]:
        return [r for batch in self.extract_batches(extractor, docs, progress) for r in batch]

    def extract_batches(
        self, extractor: Extractor, docs: Sequence[DocumentInput], progress: bool
    ) -> Iterator[list[ExtractResult]]:
        """:meth:`extract` batch by batch (in input order), so that the build can turn each batch's
        rows into columns before the next is made (:mod:`workbook.rowbatches`)."""
        with _bar(len(docs), progress) as bar:
            for batch in iter_batches(docs, STREAM_CHARS):
                out: list[ExtractResult] = []
                for k in range(0, len(batch), EXTRACT_DOCS):
                    out += extract_batch(extractor, batch[k : k + EXTRACT_DOCS])
                    bar.update(min(EXTRACT_DOCS, len(batch) - k))
                del batch  # its texts are not held while the build takes the rows
                yield out

    def after_snapshot(self, snapshot: Path, tables: Mapping[str, pd.DataFrame]) -> None:
        return None

    def __enter__(self) -> SerialEngine:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None


def _exit_with_parent(parent: BaseProcess) -> None:
    """Wait (in a thread of a worker process) until the build process is gone, then end the worker at
    once: a killed build must not leave workers behind, holding memory and the build's output pipes."""
    parent.join()
    os._exit(1)


def _worker_loop(setup: Any, tasks: Any, results: Any) -> None:
    """A worker process: extract every batch it is given until told to stop (``None``), or until the
    build process that started it is gone. The extractor comes through ``setup`` (this worker's own pipe)
    only once the watcher runs: loading it takes a moment, and a build killed meanwhile must not wait
    for that to end its workers."""
    parent = mp.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), name="exit-with-build", daemon=True).start()
    extractor: Extractor = setup.recv()
    setup.close()
    with quiet_collector():  # the extractor, loaded by now, is not walked by every full collection
        while True:
            item = tasks.get()
            if item is None:
                return
            index, docs = item
            try:
                results.put((index, extract_batch(extractor, docs), None))
            except BaseException as exc:  # e.g. MemoryError: report it, the parent stops the build
                results.put((index, None, f"{type(exc).__name__}: {exc}"))
                return


class ProcessEngine(SerialEngine):
    """Extraction in ``workers`` local processes (default: the cores this process may use); ingest in
    this process. With one worker, or fewer than two documents to extract, it works in this process."""

    name = "processes"

    def __init__(self, workers: int | None = None, batch_chars: int = BATCH_CHARS) -> None:
        if workers is not None and workers < 1:
            raise EngineError(f"workers must be at least 1; got {workers}.")
        self.workers = workers or default_workers()
        self.batch_chars = batch_chars

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "workers": self.workers}

    def extract_batches(
        self, extractor: Extractor, docs: Sequence[DocumentInput], progress: bool
    ) -> Iterator[list[ExtractResult]]:
        n = min(self.workers, len(docs))
        if n <= 1:
            yield from super().extract_batches(extractor, docs, progress)
            return
        # cut as split_batches(docs, 4 * n, batch_chars) cuts, but each batch is made only when it is sent: the
        # parent holds the texts of the batches in flight, not every input text (DocumentInputs makes each
        # text when it is read)
        total = sum(len(d.text) for d in docs)
        batches = iter_batches(docs, max(1, min(self.batch_chars, -(-total // (4 * n)))))
        ctx = mp.get_context("spawn")
        tasks, results = ctx.Queue(), ctx.Queue()
        pipes = [ctx.Pipe(duplex=False) for _ in range(n)]
        procs = [ctx.Process(target=_worker_loop, args=(reader, tasks, results), daemon=True) for reader, _ in pipes]
        try:
            for p in procs:
                p.start()
            for reader, writer in pipes:
                reader.close()  # the worker's end: a worker that dies makes our send fail, not hang
                writer.send(extractor)  # pickled here, unpickled in the worker once its watcher runs
                writer.close()
        except _START_ERRORS as exc:
            for p in procs:
                if p.is_alive():
                    p.terminate()
            for reader, writer in pipes:
                reader.close()
                writer.close()
            raise EngineError(
                f"Cannot start build worker processes ({type(exc).__name__}: {exc}). The extractor must be picklable "
                "(defined at module level); build with workers=1 otherwise."
            ) from exc
        try:
            yield from self._run(batches, len(docs), procs, tasks, results, progress)
        finally:
            for p in procs:
                if p.is_alive():
                    p.terminate()
                p.join(timeout=5)
            tasks.cancel_join_thread()  # after an error, batches nobody will read must not block our exit
            tasks.close()
            results.close()

    def _run(
        self,
        batches: Iterator[list[DocumentInput]],
        n_docs: int,
        procs: Sequence[BaseProcess],
        tasks: Any,
        results: Any,
        progress: bool,
    ) -> Iterator[list[ExtractResult]]:
        in_flight = 2 * len(procs)  # bounded: the parent never holds more than this many pickled batches
        sent = 0

        def send_next() -> bool:
            nonlocal sent
            batch = next(batches, None)
            if batch is None:
                return False
            tasks.put((sent, batch))
            sent += 1
            return True

        more = True
        while more and sent < in_flight:
            more = send_next()
        done: dict[int, list[ExtractResult]] = {}  # finished out of order, waiting for their turn
        n_done = next_out = 0
        with _bar(n_docs, progress) as bar:
            while n_done < sent:
                try:
                    index, rows, error = results.get(timeout=_POLL_SECONDS)
                except queue.Empty:
                    dead = [p for p in procs if not p.is_alive()]
                    if dead:
                        raise EngineError(
                            f"A build worker process stopped unexpectedly (exit code {dead[0].exitcode}); it may have "
                            "run out of memory. Build again with fewer --workers."
                        ) from None
                    continue
                if error is not None:
                    raise EngineError(f"A build worker failed on batch {index}: {error}")
                done[index] = rows
                n_done += 1
                bar.update(len(rows))
                if more:
                    more = send_next()
                while next_out in done:  # in input order, as soon as possible
                    yield done.pop(next_out)
                    next_out += 1
        for _ in procs:
            tasks.put(None)
