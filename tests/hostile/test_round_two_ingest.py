"""Hostile input, round two (issue 16), on the ingest side: YAML alias bombs, deep JSON, sidecars that
recurse, links inside and outside the corpus, over-long file names, a file swapped for a FIFO, and a
workspace built inside its own corpus. Each case failed before the fix (a hang, gigabytes of memory, a
lost document or a silently read private file) and must now finish in seconds with a trace in the build.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.hostile.conftest import BuildCorpus, document_row, issue_rows
from tests.hostile.hostile_data import write_files
from workbook.build import build
from workbook.extract.pipeline import DefaultExtractor
from workbook.ingest import IngestFailure, RawDocument, discover, iter_documents, read_document
from workbook.workspace import read_book, read_manifest

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[2]
BODY = "Kim Jong Un visited the Sinpho shipyard on Monday, KCNA said."


def alias_bomb(levels: int = 9) -> str:
    """The YAML "billion laughs": each level a list of ten aliases of the level below (538 bytes at 9)."""
    lines = ["a0: &a0 [" + ",".join(['"lol"'] * 10) + "]"]
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def nested(depth: int) -> object:
    value: object = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _docs(items: list[RawDocument | IngestFailure]) -> dict[str, RawDocument]:
    return {d.source: d for d in items if isinstance(d, RawDocument)}


def _failures(items: list[RawDocument | IngestFailure]) -> list[IngestFailure]:
    return [f for f in items if isinstance(f, IngestFailure)]


# --- case 1: YAML alias bomb in front matter ---------------------------------------------------------------

_BOMB_DRIVER = r"""
import json, resource, sys, time, tracemalloc
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))  # on a regression: MemoryError, not a dead box
from workbook.ingest import iter_documents
try:  # the high-water mark of resident memory, reset after the imports (Linux); else ru_maxrss of the process
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
except OSError:
    pass
tracemalloc.start()
t0 = time.perf_counter()
items = list(iter_documents([Path(sys.argv[1])]))
seconds = time.perf_counter() - t0
peak_python_mb = tracemalloc.get_traced_memory()[1] / 2**20
try:
    hwm = [ln for ln in open("/proc/self/status") if ln.startswith("VmHWM:")][0]
    peak_rss_mb = int(hwm.split()[1]) / 1024
except (OSError, IndexError):
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out = [{"source": i.source, "kind": type(i).__name__, "warnings": list(getattr(i, "warnings", ())),
        "meta": getattr(i, "meta", None), "title": getattr(i, "title", None),
        "error": getattr(i, "error", None)} for i in items]
print(json.dumps({"seconds": seconds, "maxrss_mb": peak_rss_mb, "python_mb": peak_python_mb, "items": out}))
"""


def test_yaml_alias_bomb_in_front_matter_is_refused_fast_with_bounded_memory(tmp_path: Path) -> None:
    bomb = alias_bomb(9)
    assert len(bomb.encode()) <= 540
    root = write_files(
        tmp_path / "corpus",
        {
            "bomb.md": f"---\ntitle: Bomb\n{bomb}---\n# Heading\n\n{BODY}\n",
            "sidecar.txt": BODY + " Second document.",
            "sidecar.txt.meta.yaml": "title: Sidecar bomb\n" + alias_bomb(7),
        },
    )
    proc = subprocess.run(
        [sys.executable, "-c", _BOMB_DRIVER, str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert report["seconds"] < 2.0, report["seconds"]
    assert report["maxrss_mb"] < 200 and report["python_mb"] < 50, report
    items = {i["source"]: i for i in report["items"]}
    for source in ("bomb.md", "sidecar.txt"):
        doc = items[source]
        assert doc["kind"] == "RawDocument", doc
        assert any("alias" in w for w in doc["warnings"]), doc["warnings"]
        assert "a8" not in (doc["meta"] or {}) and "a6" not in (doc["meta"] or {})
    assert items["bomb.md"]["title"] == "Heading"  # the front matter was refused as a whole


def test_yaml_without_aliases_still_reads_and_anchors_are_fine(tmp_path: Path) -> None:
    root = write_files(
        tmp_path / "corpus",
        {
            "a.md": "---\ntitle: Plain\npublished: 2019-01-19\ntags: [a, b]\n---\n" + BODY,
            "b.txt": BODY + " Two.",
            "b.txt.meta.yaml": "title: Anchored\nextra: &x [1, 2]\n",  # an anchor without an alias expands nothing
        },
    )
    docs = _docs(list(iter_documents([root])))
    assert docs["a.md"].title == "Plain" and docs["a.md"].meta == {"tags": ["a", "b"]}
    assert docs["b.txt"].title == "Anchored" and docs["b.txt"].meta == {"extra": [1, 2]}


# --- case 4: one record of a collection nested 600 deep -----------------------------------------------------


@pytest.mark.parametrize("depth", [600, 20_000])
@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_deep_record_loses_only_that_field_and_the_records_after_it_load(tmp_path: Path, fmt: str, depth: int) -> None:
    deep = json.dumps({"title": "Deep", "text": BODY + " Deep.", "extra": "X"})
    deep = deep.replace('"X"', "[" * depth + "]" * depth)
    records = [json.dumps({"title": "First", "text": BODY}), deep, json.dumps({"title": "Third", "text": BODY + " 3."})]
    data = "\n".join(records) if fmt == "jsonl" else "[" + ", ".join(records) + "]"
    root = write_files(tmp_path / "corpus", {f"c.{fmt}": data})
    items = list(iter_documents([root]))
    docs = _docs(items)
    assert {f"c.{fmt}#0", f"c.{fmt}#2"} <= set(docs), items
    deep = docs.get(f"c.{fmt}#1")
    if deep is None:  # the record alone may be refused, with a row naming it
        assert [f.source for f in _failures(items)] == [f"c.{fmt}#1"]
    else:
        assert "extra" not in deep.meta
        assert any("nested" in w and "extra" in w for w in deep.warnings), deep.warnings


# --- case 5: sidecars that recurse ---------------------------------------------------------------------------


def test_deep_or_cyclic_sidecars_keep_the_document_with_a_warning(build_corpus: BuildCorpus) -> None:
    book, _ = build_corpus(
        {
            "deep.txt": BODY + " Deep sidecar.",
            "deep.txt.meta.json": json.dumps({"title": "Deep title", "extra": nested(600)}),
            "cycle.txt": BODY + " Cyclic sidecar.",
            "cycle.txt.meta.yaml": "title: Cycle\nextra: &a [*a]\n",
            "deeper.txt": BODY + " Very deep YAML.",
            "deeper.txt.meta.yaml": "title: Deeper\nextra: " + "[" * 5000 + "]" * 5000 + "\n",
        }
    )
    deep = document_row(book, "deep.txt")
    assert deep["title"] == "Deep title" and "deep" not in str(deep["meta"])
    for source in ("deep.txt", "cycle.txt", "deeper.txt"):
        row = document_row(book, source)
        rows = book.build_issues[book.build_issues["doc_id"] == row["doc_id"]]
        assert (rows["error"] == "MetadataWarning").any(), (source, book.build_issues.to_dict("records"))
        assert not (book.build_issues["error"] == "RecursionError").any()


# --- cases 6 and 7: links inside and outside the corpus -------------------------------------------------------


def test_hard_and_symbolic_links_inside_the_corpus_are_reported_as_duplicates(
    build_corpus: BuildCorpus, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    write_files(corpus, {"a.txt": BODY})
    os.link(corpus / "a.txt", corpus / "b.txt")
    os.symlink("a.txt", corpus / "c.txt")
    book, report = build_corpus({})
    assert list(book.documents["source"]) == ["a.txt"]
    dups = {d["source"]: d["duplicate_of"] for d in read_manifest(tmp_path / "ws")["duplicates"]}
    assert dups == {"b.txt": "a.txt", "c.txt": "a.txt"}
    assert "b.txt" in report.summary() and "c.txt" in report.summary()


def _outside_links(tmp_path: Path) -> Path:
    private = write_files(tmp_path / "home" / "private", {"secret.txt": "PRIVATE-KEY-7781 of the analyst."})
    corpus = write_files(tmp_path / "home" / "leak" / "corpus", {"a.txt": BODY})
    os.symlink(private / "secret.txt", corpus / "notes.txt")
    os.symlink(private, corpus / "etc")
    os.symlink("../..", corpus / "up")
    return corpus


def test_links_leaving_the_corpus_are_not_followed_by_default(tmp_path: Path) -> None:
    corpus = _outside_links(tmp_path)
    report = build([corpus], tmp_path / "ws", extractor=DefaultExtractor(), progress=False)
    book = read_book(tmp_path / "ws")
    assert list(book.documents["source"]) == ["a.txt"]
    assert not book.documents["text"].str.contains("PRIVATE-KEY").any()
    for link, target in (("notes.txt", "secret.txt"), ("etc", "private"), ("up", "home")):
        rows = issue_rows(book, link)
        assert len(rows) == 1, (link, report.issues.to_dict("records"))
        assert rows.iloc[0]["error"] == "OutsideCorpusError"
        assert target in rows.iloc[0]["message"] and "follow" in rows.iloc[0]["message"]
    assert len(book.build_issues) == 3, book.build_issues.to_dict("records")


def test_links_leaving_the_corpus_are_followed_when_asked(tmp_path: Path) -> None:
    corpus = _outside_links(tmp_path)
    (corpus / "up").unlink()
    items = list(iter_documents([corpus], follow_links=True))
    docs = _docs(items)
    assert set(docs) == {"a.txt", "notes.txt", "etc/secret.txt"}, items
    real = str(tmp_path / "home" / "private" / "secret.txt")
    assert docs["notes.txt"].meta["real_path"] == real
    assert docs["etc/secret.txt"].meta["real_path"] == real
    assert "real_path" not in docs["a.txt"].meta


def test_sidecar_linked_outside_the_corpus_is_not_read(tmp_path: Path) -> None:
    private = write_files(tmp_path / "private", {"keys.yaml": "title: PRIVATE-KEY-7781\n"})
    corpus = write_files(tmp_path / "corpus", {"a.txt": BODY})
    os.symlink(private / "keys.yaml", corpus / "a.txt.meta.yaml")
    items = list(iter_documents([corpus]))
    assert [f.error for f in _failures(items)] == ["OutsideCorpusError"]
    doc = _docs(items)["a.txt"]
    assert "PRIVATE" not in (doc.title or "") and any("outside the corpus" in w for w in doc.warnings)
    assert _docs(list(iter_documents([corpus], follow_links=True)))["a.txt"].title == "PRIVATE-KEY-7781"


def test_cli_follow_links_flag(tmp_path: Path) -> None:
    from workbook.cli import main

    corpus = _outside_links(tmp_path)
    (corpus / "up").unlink()
    assert main(["build", str(corpus), "--out", str(tmp_path / "ws"), "-q", "--follow-links"]) == 0
    book = read_book(tmp_path / "ws")
    assert set(book.documents["source"]) == {"a.txt", "etc/secret.txt"}  # notes.txt: the same text, a duplicate
    assert [d["source"] for d in read_manifest(tmp_path / "ws")["duplicates"]] == ["notes.txt"]
    assert book.manifest["follow_links"] is True


# --- case 8: file names of 246-255 bytes -------------------------------------------------------------------------


def test_file_names_of_up_to_255_bytes_are_read(tmp_path: Path) -> None:
    names = ["가" * 82 + ".txt", "b" * 251 + ".txt", "c" * 248 + ".md"]
    assert {len(n.encode()) for n in names} == {250, 255, 251}
    root = write_files(tmp_path / "corpus", {n: BODY + f" {i}." for i, n in enumerate(names)})
    items = list(iter_documents([root]))
    assert set(_docs(items)) == set(names), items


# --- case 10: a file swapped for a FIFO between discovery and reading ---------------------------------------------


def test_file_swapped_for_a_fifo_after_discovery_never_hangs(tmp_path: Path) -> None:
    root = write_files(tmp_path / "corpus", {"a.txt": BODY, "b.txt.meta.json": "{}", "b.txt": BODY + " B."})
    found = discover([root])
    for name in ("a.txt", "b.txt.meta.json"):
        (root / name).unlink()
        os.mkfifo(root / name)
    out: dict[str, list[RawDocument | IngestFailure]] = {}

    def read() -> None:
        for path in found.files:
            out[path.name] = list(read_document(path, found.root))

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock the reader so that the test can fail instead of hanging
        for name in ("a.txt", "b.txt.meta.json"):
            with contextlib.suppress(OSError):
                os.close(os.open(root / name, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(timeout=5)
        pytest.fail("reading a FIFO blocked")
    (failure,) = out["a.txt"]
    assert isinstance(failure, IngestFailure) and failure.stage == "read"
    assert "not a regular file" in failure.message
    (doc,) = out["b.txt"]
    assert isinstance(doc, RawDocument) and any("regular file" in w for w in doc.warnings)


# --- case 12: a workspace inside its own corpus ------------------------------------------------------------------


def test_workspace_inside_the_corpus_is_never_read_as_corpus(tmp_path: Path) -> None:
    corpus = write_files(tmp_path / "corpus", {"a.txt": BODY, "b.md": "# B\n\n" + BODY + " B."})
    extractor = DefaultExtractor()
    for out in (corpus / "ws", corpus / "ws"):  # the second build meets the first one's snapshot
        build([corpus], out, extractor=extractor, progress=False)
    other = corpus / "old-build"  # another workspace in the corpus, not the one being written
    build([tmp_path / "corpus" / "a.txt"], other, extractor=extractor, progress=False)
    report = build([corpus], corpus / "ws", extractor=extractor, progress=False)
    book = read_book(corpus / "ws")
    assert sorted(book.documents["source"]) == ["a.txt", "b.md"]
    assert len(report.issues) == 0, report.issues.to_dict("records")
