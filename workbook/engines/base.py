"""What a build engine does, and the per-document work every engine runs.

An engine runs the two per-document stages of a build — ingest (files to documents) and extraction
(one document to its table rows) — somewhere: in this process, in local worker processes, or on a
Dask cluster. Everything else (duplicates, reuse of unchanged documents, merging the corpus tables,
writing the snapshot) stays in :func:`workbook.build.build`, so every engine gives the same tables.

The per-document work is :func:`extract_one`: the extractor's records turned into rows with stable
ids (:func:`workbook.assemble.extraction_rows`). Ids depend only on the document's text and the
record's offsets, and engines return results in the order of their input, so the tables do not depend
on the engine or on how many workers ran.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

import pandas as pd

from workbook.assemble import extraction_rows
from workbook.errors import EngineError
from workbook.extract.base import DocumentInput, Extraction, Extractor
from workbook.ingest import FieldMapping, IngestFailure, RawDocument
from workbook.rowbatches import DocRows

__all__ = [
    "EXTRACT_DOCS",
    "Engine",
    "EngineError",
    "ExtractFailure",
    "ExtractResult",
    "extract_batch",
    "extract_one",
    "iter_batches",
    "iter_results",
    "split_batches",
]


@dataclass(frozen=True)
class ExtractFailure:
    """Extraction of one document failed: ``error`` is the exception's class name, ``message`` says
    what went wrong (as the build's ``build_issues`` row shows it)."""

    error: str
    message: str


ExtractResult = DocRows | ExtractFailure


def extract_one(extractor: Extractor, doc: DocumentInput) -> ExtractResult:
    """The rows of one document, or the failure: one bad document never stops a build."""
    try:
        return extraction_rows(doc.doc_id, doc.text, extractor.extract(doc))
    except Exception as exc:
        return ExtractFailure(type(exc).__name__, f"{type(exc).__name__}: {exc}")


#: documents an extractor with ``extract_many`` is handed at a time: its learned entity stage scores
#: all their candidates in one numpy pass (8 documents already take most of the gain; memory stays small)
EXTRACT_DOCS = 32


def _extract_many(extractor: Extractor) -> Callable[[Sequence[DocumentInput]], list[Extraction]] | None:
    """The extractor's ``extract_many``, unless a class below the one that defines it overrides ``extract``."""
    for cls in type(extractor).__mro__:
        if "extract_many" in vars(cls):
            many: Callable[[Sequence[DocumentInput]], list[Extraction]] = getattr(extractor, "extract_many")  # noqa: B009
            return many
        if "extract" in vars(cls):
            return None
    return None


def extract_batch(extractor: Extractor, docs: Sequence[DocumentInput]) -> list[ExtractResult]:
    """:func:`extract_one` for each document, in order. An extractor with an ``extract_many`` method
    (:class:`~workbook.extract.pipeline.DefaultExtractor`) is given :data:`EXTRACT_DOCS` documents at
    a time; when such a call fails, those documents are extracted one by one, so a bad document
    fails alone, with its own error, as it would by itself. A subclass that overrides ``extract``
    only is called one document at a time (its ``extract`` is what it means)."""
    many = _extract_many(extractor)
    if many is None or len(docs) < 2:
        return [extract_one(extractor, d) for d in docs]
    out: list[ExtractResult] = []
    for k in range(0, len(docs), EXTRACT_DOCS):
        part = docs[k : k + EXTRACT_DOCS]
        try:
            found = many(part)
        except Exception:
            out += [extract_one(extractor, d) for d in part]
            continue
        for d, extraction in zip(part, found, strict=True):
            try:
                out.append(extraction_rows(d.doc_id, d.text, extraction))
            except Exception as exc:
                out.append(ExtractFailure(type(exc).__name__, f"{type(exc).__name__}: {exc}"))
    return out


def split_batches(docs: Sequence[DocumentInput], n_batches: int, max_chars: int) -> list[list[DocumentInput]]:
    """``docs`` cut, in order, into at least ``n_batches`` runs (when there are that many documents),
    none holding much more than ``max_chars`` characters of text."""
    if not docs:
        return []
    total = sum(len(d.text) for d in docs)
    target = max(1, min(max_chars, -(-total // max(1, n_batches))))
    batches: list[list[DocumentInput]] = [[]]
    size = 0
    for d in docs:
        if batches[-1] and size + len(d.text) > target:
            batches.append([])
            size = 0
        batches[-1].append(d)
        size += len(d.text)
    return batches


def iter_batches(docs: Sequence[DocumentInput], max_chars: int) -> Iterator[list[DocumentInput]]:
    """``docs`` cut, in order, into runs of about ``max_chars`` characters of text (as
    ``split_batches(docs, 1, max_chars)``), each run made only when the one before was taken: with
    inputs made as they are read (:class:`workbook.docstream.DocumentInputs`), one run's texts at a
    time are held as Python strings."""
    batch: list[DocumentInput] = []
    size = 0
    for d in docs:
        if batch and size + len(d.text) > max_chars:
            yield batch
            batch, size = [], 0
        batch.append(d)
        size += len(d.text)
    if batch:
        yield batch


@runtime_checkable
class Engine(Protocol):
    """Where a build runs its per-document stages. Used as a context manager by the build: entering
    starts workers or connects to a cluster, leaving stops what was started."""

    @property
    def name(self) -> str: ...

    def describe(self) -> dict[str, Any]:
        """What ran the build, for the manifest (engine name, workers, scheduler address)."""
        ...

    def documents(
        self,
        paths: Sequence[Path],
        mapping: FieldMapping | None,
        *,
        follow_links: bool = False,
        exclude: Sequence[Path] = (),
    ) -> Iterator[RawDocument | IngestFailure]:
        """Every document and ingest failure of the corpus, in the order of
        :func:`workbook.ingest.iter_documents` (which explains ``follow_links`` and ``exclude``)."""
        ...

    def extract(self, extractor: Extractor, docs: Sequence[DocumentInput], progress: bool) -> list[ExtractResult]:
        """:func:`extract_one` of every document, in the order given."""
        ...

    def after_snapshot(self, snapshot: Path, tables: Mapping[str, pd.DataFrame]) -> None:
        """Called once the snapshot is written and live, with its folder and tables (no engine writes
        anything there now: the snapshot's own Parquet files are what DuckDB, Dask or Spark read)."""
        ...

    def __enter__(self) -> Engine: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


def iter_results(
    runner: Any, extractor: Extractor, docs: Sequence[DocumentInput], progress: bool
) -> Iterator[ExtractResult]:
    """Every document's extraction result, in input order, as the engine delivers its batches: the
    engine's ``extract_batches`` when it has one (this package's engines do), else its ``extract``."""
    batches = getattr(runner, "extract_batches", None)
    if batches is None:
        yield from runner.extract(extractor, docs, progress)
        return
    for batch in batches(extractor, docs, progress):
        yield from batch
