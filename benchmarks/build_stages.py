"""CPU of a whole default build, attributed to its pieces with ``time.process_time`` (no sampling).

:func:`timed_build` runs :func:`workbook.build.build` with the functions listed in :data:`PIECES`
wrapped by a clock: each piece gets the CPU spent inside it minus the CPU of any other listed piece
it calls (so the pieces add up to the build's CPU, the rest shown as "other"). Generators (reading the
files, the table assembly) are timed step by step as the build pulls them. A wrapper costs about a
microsecond per call and is put only on functions called per document or less often.

Used by ``bench_extract_speed.py --build --by-stage``; sampling profilers exaggerate deep call trees
(speed round five), so this is the figure to trust, with ``--profile`` (cProfile's own time per
function) to look inside a piece.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["PIECES", "StageClock", "timed_build"]

#: (piece, "module:attribute" or "module:Class.method") in build order. A function imported by name
#: is wrapped where the caller looks it up (``workbook.build:_document_row``, not where it is defined).
PIECES: tuple[tuple[str, str], ...] = (
    ("build: load the extractor", "workbook.build:_default_extractor"),
    ("ingest: read and map records", "workbook.engines.local:SerialEngine.documents"),
    ("ingest: normalise text", "workbook.ingest.normalise:Normaliser.text"),
    ("ingest: normalise text", "workbook.ingest.normalise:normalise_text"),
    ("build: sha256 and ids", "workbook.build:sha256_text"),
    ("build: document rows", "workbook.build:_document_row"),
    ("build: datelines (document rows)", "workbook.build:parse_dateline"),
    ("build: document stream", "workbook.docstream:DocumentStream.add"),
    ("build: document stream", "workbook.docstream:DocumentStream.table"),
    ("extract: sentences", "workbook.extract.pipeline:split_sentences"),
    ("extract: entities", "workbook.extract.pipeline:extract_entities"),
    ("extract: entities", "workbook.extract.pipeline:extract_entities_batch"),
    ("extract: entities, learned stage", "workbook.extract.ner_model:EntityModel.predict_with_probs"),
    ("extract: entities, learned stage", "workbook.extract.ner_model:EntityModel.predict_batch"),
    ("extract: datelines", "workbook.extract.pipeline:parse_dateline"),
    ("extract: acronyms", "workbook.extract.pipeline:link_acronyms"),
    ("extract: claims", "workbook.extract.pipeline:extract_claims"),
    ("extract: events", "workbook.extract.pipeline:extract_events"),
    ("extract: rows", "workbook.engines.base:extraction_rows"),
    ("rows -> column batches", "workbook.rowbatches:RowBatch.of"),
    ("spill to disk", "workbook.rowspill:FrameSpill.append"),
    ("spill to disk", "workbook.rowspill:FrameSpill.read"),
    ("assemble: concat batches", "workbook.rowbatches:RowCollector.take"),
    ("assemble: entity links", "workbook.assemble:entity_links"),
    ("assemble: apply links", "workbook.assemble:link_doc_entities"),
    ("assemble: apply links", "workbook.assemble:link_mentions"),
    ("assemble: apply links", "workbook.assemble:link_doc_places"),
    ("assemble: apply links", "workbook.assemble:link_events"),
    ("assemble: apply links", "workbook.assemble:link_claims"),
    ("assemble: merge entities", "workbook.assemble:_merge_entities"),
    ("assemble: conform", "workbook.assemble:conform"),
    ("assemble: other", "workbook.build:iter_tables"),
    ("write: Parquet", "workbook.workspace:SnapshotWriter.add"),
    ("write: Parquet", "workbook.workspace:SnapshotWriter.commit"),
)


class StageClock:
    """Exclusive CPU seconds per piece: entering a piece pauses the one it was called from."""

    def __init__(self, clock: Callable[[], float] = time.process_time) -> None:
        self.clock = clock
        self.totals: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._stack: list[str] = []
        self._mark = 0.0

    def enter(self, name: str) -> None:
        now = self.clock()
        if self._stack:
            top = self._stack[-1]
            self.totals[top] = self.totals.get(top, 0.0) + now - self._mark
        self._stack.append(name)
        self.calls[name] = self.calls.get(name, 0) + 1
        self._mark = now

    def leave(self) -> None:
        now = self.clock()
        top = self._stack.pop()
        self.totals[top] = self.totals.get(top, 0.0) + now - self._mark
        self._mark = now

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn`` timed as ``name``; a generator function's steps are timed as they are pulled."""
        if inspect.isgeneratorfunction(fn) or name in _GENERATORS:

            @functools.wraps(fn)
            def gen(*args: Any, **kwargs: Any) -> Iterator[Any]:
                self.enter(name)
                try:
                    it = iter(fn(*args, **kwargs))
                finally:
                    self.leave()
                while True:
                    self.enter(name)
                    try:
                        item = next(it)
                    except StopIteration:
                        return
                    finally:
                        self.leave()
                    yield item

            return gen

        @functools.wraps(fn)
        def plain(*args: Any, **kwargs: Any) -> Any:
            self.enter(name)
            try:
                return fn(*args, **kwargs)
            finally:
                self.leave()

        return plain


#: Pieces whose function returns an iterator made elsewhere (not a generator function itself).
_GENERATORS = frozenset({"ingest: read and map records"})


def _target(spec: str) -> tuple[Any, str]:
    module, _, attr = spec.partition(":")
    owner: Any = importlib.import_module(module)
    *path, name = attr.split(".")
    for part in path:
        owner = getattr(owner, part)
    return owner, name


@contextmanager
def clocked(clock: StageClock, pieces: tuple[tuple[str, str], ...] = PIECES) -> Iterator[StageClock]:
    """Every piece wrapped by ``clock`` while the block runs, put back afterwards."""
    saved: list[tuple[Any, str, Any]] = []
    try:
        for name, spec in pieces:
            try:
                owner, attr = _target(spec)
                raw = inspect.getattr_static(owner, attr)
            except AttributeError:  # an older tree (measured side by side) lacks the piece: "other" has it
                continue
            saved.append((owner, attr, raw))
            if isinstance(raw, classmethod):
                setattr(owner, attr, classmethod(clock.wrap(name, raw.__func__)))
            else:
                setattr(owner, attr, clock.wrap(name, raw))
        yield clock
    finally:
        for owner, attr, raw in reversed(saved):
            setattr(owner, attr, raw)


def _cpu_with_children() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed_build(paths: list[Path], mapping: Any, extractor: Any = None) -> tuple[float, dict[str, float]]:
    """A whole default build (forced, into a temporary folder): its CPU seconds (with any worker
    processes) and the exclusive CPU seconds of every piece, "other" holding the rest."""
    from workbook.build import build

    clock = StageClock()
    with tempfile.TemporaryDirectory() as tmp, clocked(clock):
        t = _cpu_with_children()
        clock.enter("other")
        build(paths, Path(tmp) / "ws", mapping=mapping, progress=False, force=True, extractor=extractor)
        clock.leave()
        total = _cpu_with_children() - t
    return total, dict(clock.totals)
