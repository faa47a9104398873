"""Build engines: local processes and Dask give the serial build's tables, ids and issues."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from workbook.book import TABLE_NAMES
from workbook.build import build
from workbook.cli import main as cli_main
from workbook.engines import (
    ENGINE_NAMES,
    ENGINES,
    EngineError,
    ExtractFailure,
    ProcessEngine,
    SerialEngine,
    resolve_engine,
    split_batches,
)
from workbook.extract.base import DocumentInput, EntityRecord, Extraction, MentionRecord
from workbook.synth import write_jsonl, write_text_folder
from workbook.workspace import read_book, read_private_table

pytestmark = pytest.mark.unit

ALL_TABLES = (*TABLE_NAMES, "_doc_entities", "_doc_places")


class CapitalsExtractor:
    """Picklable test extractor: every capitalised word is an entity (person if it follows 'Mr',
    else organisation); a document containing 'BOOM' fails; 'CRASH' kills the worker process."""

    name = "capitals-test"

    def __init__(self) -> None:
        self.parent_pid = os.getpid()  # pickled with the extractor: a worker process knows it is one

    def settings(self) -> dict[str, Any]:
        return {"v": 1}

    def extract(self, doc: DocumentInput) -> Extraction:
        if "BOOM" in doc.text:
            raise ValueError("the extractor choked on BOOM")
        if "CRASH" in doc.text and os.getpid() != self.parent_pid:
            os._exit(3)
        ex = Extraction()
        keys: dict[str, str] = {}
        pos = 0
        for i, word in enumerate(doc.text.split(" ")):
            start, pos = pos, pos + len(word) + 1
            clean = word.strip('.,:;"')
            if len(clean) > 1 and clean[0].isupper() and clean.isalpha():
                kind = "person" if i and doc.text.split(" ")[i - 1] == "Mr" else "organization"
                key = f"{kind}:{clean}"
                if key not in keys:
                    keys[key] = key
                    ex.entities.append(EntityRecord(key, clean, kind))
                s = start + word.index(clean)
                ex.mentions.append(MentionRecord(s, s + len(clean), key, 0))
        return ex


class Unpicklable(CapitalsExtractor):
    def __init__(self) -> None:
        super().__init__()
        self.hook = lambda x: x  # lambdas cannot be pickled


def _tables(ws: Path) -> dict[str, pd.DataFrame]:
    book = read_book(ws)
    out = {name: book.table(name) for name in TABLE_NAMES}
    for name in ("_doc_entities", "_doc_places"):
        private = read_private_table(ws, name)
        assert private is not None
        out[name] = private
    return out


def _assert_same(a: Path, b: Path) -> None:
    ta, tb = _tables(a), _tables(b)
    for name in ALL_TABLES:
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)


@pytest.fixture
def synth_corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "corpus" / "synth.jsonl", 24, seed=5)


def test_process_engine_gives_the_serial_tables_with_the_default_extractor(synth_corpus: Path, tmp_path: Path) -> None:
    serial = build([synth_corpus], tmp_path / "serial", progress=False)
    parallel = build([synth_corpus], tmp_path / "parallel", progress=False, workers=2)
    _assert_same(tmp_path / "serial", tmp_path / "parallel")
    assert serial.counts == parallel.counts and serial.counts["mentions"] > 100 and serial.counts["claims"] > 20
    assert read_book(tmp_path / "parallel").manifest["engine"] == {"name": "processes", "workers": 2}
    assert set(parallel.timings) == {"ingest", "extract", "assemble", "write"}


def test_failures_and_order_are_the_same_in_every_engine(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    for i in range(30):
        text = f"Report {i}: Mr Kim met Acme Corp in Pyongyang." + (" BOOM" if i % 7 == 3 else "")
        (root / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")
    (root / "notes.xyz").write_text("unsupported", encoding="utf-8")
    build([root], tmp_path / "serial", extractor=CapitalsExtractor(), progress=False)
    engine = ProcessEngine(workers=2, batch_chars=120)  # many small batches: results must come back in order
    build([root], tmp_path / "parallel", extractor=CapitalsExtractor(), progress=False, engine=engine)
    _assert_same(tmp_path / "serial", tmp_path / "parallel")
    issues = read_book(tmp_path / "parallel").build_issues
    assert sorted(issues.loc[issues["stage"] == "extract", "path"]) == [
        "doc03.txt",
        "doc10.txt",
        "doc17.txt",
        "doc24.txt",
    ]
    assert "notes.xyz" in set(issues["path"])


def test_process_engine_returns_results_in_input_order() -> None:
    docs = [DocumentInput(f"d{i}", f"Word{i} and Mr Name{i % 3}" + " BOOM" * (i == 5)) for i in range(40)]
    serial = SerialEngine().extract(CapitalsExtractor(), docs, progress=False)
    parallel = ProcessEngine(workers=2, batch_chars=50).extract(CapitalsExtractor(), docs, progress=False)
    assert parallel == serial
    assert isinstance(parallel[5], ExtractFailure) and parallel[5].error == "ValueError"
    assert "BOOM" in parallel[5].message


def test_a_dead_worker_stops_the_build_with_a_named_error() -> None:
    docs = [DocumentInput(f"d{i}", "Alpha CRASH" if i == 3 else "Alpha") for i in range(8)]
    with pytest.raises(EngineError, match="stopped unexpectedly"):
        ProcessEngine(workers=2, batch_chars=10).extract(CapitalsExtractor(), docs, progress=False)


def test_an_unpicklable_extractor_is_a_clear_error() -> None:
    docs = [DocumentInput(f"d{i}", "Alpha") for i in range(4)]
    with pytest.raises(EngineError, match="picklable"):
        ProcessEngine(workers=2).extract(Unpicklable(), docs, progress=False)


def test_split_batches_keeps_order_and_covers_everything() -> None:
    docs = [DocumentInput(f"d{i}", "x" * (i % 7 + 1)) for i in range(50)]
    batches = split_batches(docs, 8, 1_000)
    assert [d for b in batches for d in b] == docs
    assert len(batches) >= 8 and all(batches)
    assert split_batches([], 4, 10) == []
    assert len(split_batches(docs, 1, 10)) >= sum(len(d.text) for d in docs) // 10


def test_resolve_engine() -> None:
    assert isinstance(resolve_engine(), SerialEngine) and not isinstance(resolve_engine(), ProcessEngine)
    assert isinstance(resolve_engine("local", 1), SerialEngine)
    engine = resolve_engine("local", 3)
    assert isinstance(engine, ProcessEngine) and engine.workers == 3
    mine = ProcessEngine(2)
    assert resolve_engine(mine) is mine
    assert resolve_engine("dask", 2, "tcp://scheduler-host:8786").describe()["scheduler"] == "tcp://scheduler-host:8786"
    with pytest.raises(EngineError, match="Unknown build engine"):
        resolve_engine("spark")
    with pytest.raises(EngineError, match="at least 1"):
        resolve_engine("local", 0)
    with pytest.raises(EngineError, match="--engine dask"):
        resolve_engine("local", None, "tcp://scheduler-host:8786")


# -- Dask ------------------------------------------------------------------------------------------------


def _dask_engine() -> Any:
    pytest.importorskip("distributed")
    from workbook.engines.dask_engine import DaskEngine

    return DaskEngine(workers=2, processes=False)


def _snapshot(ws: Path) -> Path:
    return ws / "snapshots" / (ws / "CURRENT").read_text().strip()


def test_dask_engine_equals_the_local_engine_and_writes_only_the_snapshot(synth_corpus: Path, tmp_path: Path) -> None:
    build([synth_corpus], tmp_path / "local", progress=False)
    report = build([synth_corpus], tmp_path / "dask", progress=False, engine=_dask_engine())
    _assert_same(tmp_path / "local", tmp_path / "dask")
    assert read_book(tmp_path / "dask").manifest["engine"]["name"] == "dask"
    assert report.counts["documents"] == 24

    # no second copy of the tables: the snapshot's files are what DuckDB reads (workbook.filtering.duckdb)
    assert sorted(p.name for p in _snapshot(tmp_path / "dask").iterdir()) == sorted(
        p.name for p in _snapshot(tmp_path / "local").iterdir()
    )


def test_dask_ingest_of_a_folder_gives_the_same_documents_and_issues(tmp_path: Path) -> None:
    root = write_text_folder(tmp_path / "corpus", 12, seed=2)
    (root / "README").write_text("not a document", encoding="utf-8")
    (root / "bad.txt").write_text("Mr Lee said BOOM.", encoding="utf-8")
    build([root], tmp_path / "local", extractor=CapitalsExtractor(), progress=False)
    build([root], tmp_path / "dask", extractor=CapitalsExtractor(), progress=False, engine=_dask_engine())
    _assert_same(tmp_path / "local", tmp_path / "dask")
    book = read_book(tmp_path / "dask")
    assert set(book.documents["publisher"].dropna()) and len(book.documents) == 13
    assert {"README", "bad.txt"} <= set(book.build_issues["path"])


# -- the command line --------------------------------------------------------------------------------------


def test_cli_build_with_workers(synth_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli_main(["build", str(synth_corpus), "--out", str(tmp_path / "ws"), "--workers", "2", "-q"])
    assert code == 0
    assert "documents" in capsys.readouterr().out
    assert read_book(tmp_path / "ws").manifest["engine"]["workers"] == 2


def test_cli_scheduler_needs_the_dask_engine(
    synth_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli_main(["build", str(synth_corpus), "--out", str(tmp_path / "ws"), "--scheduler", "tcp://h:1", "-q"])
    assert code == 1
    assert "--engine dask" in capsys.readouterr().err


def test_cli_engine_choices_are_the_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli_main(["build", str(tmp_path), "--engine", "spark"])
    assert exc.value.code == 2
    assert "choose from " + ", ".join(repr(n) for n in ENGINE_NAMES) in capsys.readouterr().err
    assert tuple(ENGINES) == ENGINE_NAMES and ENGINE_NAMES[0] == "local"


class _CountingInputs(Sequence[DocumentInput]):
    """Inputs that count how many were made (as workbook.docstream.DocumentInputs makes each when read)."""

    def __init__(self, docs: list[DocumentInput]) -> None:
        self.docs = docs
        self.made = 0

    def __len__(self) -> int:
        return len(self.docs)

    def __getitem__(self, i: Any) -> Any:
        self.made += 1
        return self.docs[i]

    def __iter__(self) -> Iterator[DocumentInput]:
        for d in self.docs:
            self.made += 1
            yield d


def test_worker_processes_take_batches_as_they_go_not_every_text_at_once() -> None:
    """The parent makes a batch when it sends it (a few in flight), so it does not hold every input text
    while the workers run; the results are the serial engine's, in order, cut as split_batches cuts."""
    docs = [DocumentInput(f"d{i}", f"Word{i} and Mr Name{i % 3} " * 30) for i in range(60)]
    inputs = _CountingInputs(docs)
    engine = ProcessEngine(workers=2, batch_chars=1_500)
    out = engine.extract_batches(CapitalsExtractor(), inputs, progress=False)
    first = next(out)
    assert inputs.made - len(docs) < len(docs) // 2  # one pass for the total size, then only what was sent
    rest = list(out)
    assert [len(b) for b in [first, *rest]] == [len(b) for b in split_batches(docs, 4 * 2, 1_500)]
    assert [r for b in [first, *rest] for r in b] == SerialEngine().extract(CapitalsExtractor(), docs, progress=False)
