"""The analyst's append-only log: records, undo, torn writes, and concurrent writers."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from workbook.curation.log import AppendLog, active_records, default_author

pytestmark = pytest.mark.unit

N_PROCESSES = 4
N_APPENDS = 150


def _writer(path: str, worker: int, n: int) -> None:
    log = AppendLog(Path(path))
    for i in range(n):
        log.append([{"id": f"w{worker}-{i}", "op": "annotate", "value": f"{worker}:{i}", "author": f"p{worker}"}])


def test_append_stamps_version_time_and_author(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBOOK_AUTHOR", "ana")
    log = AppendLog(tmp_path / "analyst" / "a.jsonl")
    written = log.append([{"id": "a1", "op": "annotate", "value": "x"}])
    assert written[0]["author"] == "ana" == default_author()
    assert written[0]["v"] == 1
    assert written[0]["created"].endswith("Z") and len(written[0]["created"]) == 20
    contents = log.read()
    assert contents.problems == ()
    assert [r["id"] for r in contents.records] == ["a1"]
    assert json.loads((tmp_path / "analyst" / "a.jsonl").read_text().splitlines()[0])["value"] == "x"


def test_a_missing_log_reads_as_empty(tmp_path: Path) -> None:
    contents = AppendLog(tmp_path / "nope.jsonl").read()
    assert contents.records == () and contents.problems == ()


def test_records_of_one_call_are_written_together(tmp_path: Path) -> None:
    log = AppendLog(tmp_path / "a.jsonl")
    log.append([{"id": "a1", "op": "x"}, {"id": "a2", "op": "x"}])
    recs = log.read().records
    assert [r["id"] for r in recs] == ["a1", "a2"]
    assert recs[0]["created"] == recs[1]["created"]


def test_a_torn_last_line_is_reported_and_the_next_record_stays_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    log = AppendLog(path)
    log.append([{"id": "a1", "op": "x"}])
    with path.open("ab") as fh:  # a writer killed in the middle of its line
        fh.write(b'{"id": "a2", "op": "x", "val')
    torn = log.read()
    assert [r["id"] for r in torn.records] == ["a1"]
    assert len(torn.problems) == 1 and "incomplete" in torn.problems[0].reason
    log.append([{"id": "a3", "op": "x"}])
    after = log.read()
    assert [r["id"] for r in after.records] == ["a1", "a3"]
    assert len(after.problems) == 1 and after.problems[0].line == 2 and "not JSON" in after.problems[0].reason


def test_skip_if_vetoes_an_append_under_the_lock(tmp_path: Path) -> None:
    log = AppendLog(tmp_path / "a.jsonl")
    log.append([{"id": "a1", "op": "x"}])
    assert log.append([{"id": "a2", "op": "x"}], skip_if=lambda recs: any(r["id"] == "a1" for r in recs)) == []
    assert [r["id"] for r in log.read().records] == ["a1"]


def test_undo_cancels_and_undoing_the_undo_redoes() -> None:
    recs = [{"id": "a1", "op": "annotate"}, {"id": "a2", "op": "annotate"}, {"id": "u1", "op": "undo", "undoes": "a1"}]
    assert [r["id"] for r in active_records(recs)] == ["a2"]
    recs.append({"id": "u2", "op": "undo", "undoes": "u1"})
    assert [r["id"] for r in active_records(recs)] == ["a1", "a2"]


def test_an_undo_written_before_its_target_does_nothing() -> None:
    recs = [
        {"id": "u1", "op": "undo", "undoes": "a1"},
        {"id": "a1", "op": "annotate"},
        {"id": "u2", "op": "undo", "undoes": "u3"},
        {"id": "u3", "op": "undo", "undoes": "u2"},
    ]
    assert [r["id"] for r in active_records(recs)] == ["a1"]


@pytest.mark.slow
def test_concurrent_writers_neither_corrupt_the_log_nor_lose_a_record(tmp_path: Path) -> None:
    path = tmp_path / "analyst" / "annotations.jsonl"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(path), w, N_APPENDS)) for w in range(N_PROCESSES)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    contents = AppendLog(path).read()
    assert contents.problems == ()
    ids = [r["id"] for r in contents.records]
    assert len(ids) == N_PROCESSES * N_APPENDS
    assert set(ids) == {f"w{w}-{i}" for w in range(N_PROCESSES) for i in range(N_APPENDS)}
    for w in range(N_PROCESSES):  # each writer's records in its own order
        mine = [int(i.split("-")[1]) for i in ids if i.startswith(f"w{w}-")]
        assert mine == sorted(mine)
    created = [r["created"] for r in contents.records]
    assert created == sorted(created), "time is stamped under the lock, so file order is time order"
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b"" and all(json.loads(line) for line in lines[:-1])
