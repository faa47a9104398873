"""The build: ingest → extract → tables on disk, with failures as rows and incremental rebuilds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbook.build import build
from workbook.errors import WorkspaceError
from workbook.extract.base import DocumentInput, EntityRecord, Extraction, MentionRecord
from workbook.workspace import read_book

pytestmark = pytest.mark.unit


class WordExtractor:
    """A tiny extractor for build tests: every word 'Alpha' is a person; text containing 'BOOM' fails."""

    name = "word-test"

    def __init__(self) -> None:
        self.calls: list[str] = []

    def settings(self) -> dict[str, Any]:
        return {"word": "Alpha"}

    def extract(self, doc: DocumentInput) -> Extraction:
        self.calls.append(doc.doc_id)
        if "BOOM" in doc.text:
            raise ValueError("the extractor choked on BOOM")
        ex = Extraction(entities=[EntityRecord("p", "Alpha", "person")])
        i = doc.text.find("Alpha")
        while i >= 0:
            ex.mentions.append(MentionRecord(i, i + 5, "p", 0))
            i = doc.text.find("Alpha", i + 1)
        return ex


class OutOfBoundsExtractor(WordExtractor):
    def extract(self, doc: DocumentInput) -> Extraction:
        ex = super().extract(doc)
        ex.mentions.append(MentionRecord(0, len(doc.text) + 10, "p", 0))
        return ex


def _corpus(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    root = tmp_path / "corpus"
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    return root


def test_build_writes_tables_and_counts(tmp_path: Path) -> None:
    root = _corpus(tmp_path, {"a.txt": "Alpha met Alpha.", "b.txt": "Nobody here."})
    report = build([root], tmp_path / "ws", extractor=WordExtractor(), progress=False)
    book = read_book(tmp_path / "ws")
    assert report.counts["documents"] == 2
    assert len(book.documents) == 2
    assert len(book.mentions) == 2
    assert book.entities.loc[0, "name"] == "Alpha"
    assert book.entities.loc[0, "n_mentions"] == 2
    assert set(book.documents["source"]) == {"a.txt", "b.txt"}
    for m in book.mentions.itertuples():
        text = book.documents.set_index("doc_id").at[m.doc_id, "text"]
        assert text[m.start : m.end] == m.surface
    assert "documents" in report.summary()


def test_one_failing_document_becomes_a_build_issue_and_the_rest_builds(tmp_path: Path) -> None:
    root = _corpus(tmp_path, {"a.txt": "Alpha.", "bad.txt": "BOOM Alpha", "empty.txt": "", "c.pdf": b"not a pdf"})
    report = build([root], tmp_path / "ws", extractor=WordExtractor(), progress=False)
    book = read_book(tmp_path / "ws")
    issues = book.build_issues.set_index("path")
    assert issues.at["bad.txt", "stage"] == "extract"
    assert "BOOM" in issues.at["bad.txt", "message"]
    assert "empty.txt" in issues.index
    assert "c.pdf" in issues.index
    assert len(book.mentions) == 1  # from a.txt
    assert len(report.issues) == len(book.build_issues) >= 3
    assert "build issues: " in report.summary()


def test_an_extractor_giving_spans_outside_the_text_is_reported_not_written(tmp_path: Path) -> None:
    root = _corpus(tmp_path, {"a.txt": "Alpha."})
    build([root], tmp_path / "ws", extractor=OutOfBoundsExtractor(), progress=False)
    book = read_book(tmp_path / "ws")
    assert len(book.mentions) == 0
    assert book.build_issues.loc[0, "error"] == "ExtractionError"


def test_duplicates_are_reported_once_and_stored_once(tmp_path: Path) -> None:
    root = _corpus(tmp_path, {"a.txt": "Alpha again.", "copy of a.txt": "Alpha again."})
    report = build([root], tmp_path / "ws", extractor=WordExtractor(), progress=False)
    assert report.counts["documents"] == 1
    assert len(report.duplicates) == 1
    assert read_book(tmp_path / "ws").manifest["duplicates"][0]["duplicate_of"] == "a.txt"


def test_rebuild_skips_unchanged_documents_and_ids_are_stable(tmp_path: Path) -> None:
    root = _corpus(tmp_path, {"a.txt": "Alpha one.", "b.txt": "Alpha two."})
    ex = WordExtractor()
    build([root], tmp_path / "ws", extractor=ex, progress=False)
    first = read_book(tmp_path / "ws")
    assert len(ex.calls) == 2

    ex2 = WordExtractor()
    report = build([root], tmp_path / "ws", extractor=ex2, progress=False)
    assert ex2.calls == [] and report.n_reused == 2 and not report.written

    (root / "b.txt").write_text("Alpha two, changed. Alpha.", encoding="utf-8")
    ex3 = WordExtractor()
    report = build([root], tmp_path / "ws", extractor=ex3, progress=False)
    second = read_book(tmp_path / "ws")
    assert len(ex3.calls) == 1 and report.n_reused == 1
    assert len(second.mentions) == 3
    kept = first.mentions[first.mentions["doc_id"].isin(second.documents["doc_id"])]
    assert set(kept["mention_id"]) <= set(second.mentions["mention_id"])
    assert list(second.entities["entity_id"]) == list(first.entities["entity_id"])


def test_force_extracts_everything_again(tmp_path: Path) -> None:
    root = _corpus(tmp_path, {"a.txt": "Alpha one."})
    build([root], tmp_path / "ws", extractor=WordExtractor(), progress=False)
    ex = WordExtractor()
    build([root], tmp_path / "ws", extractor=ex, progress=False, force=True)
    assert len(ex.calls) == 1


def test_an_unwritable_workspace_is_a_clear_error(tmp_path: Path) -> None:
    root = _corpus(tmp_path, {"a.txt": "Alpha one."})
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(WorkspaceError, match="--out"):
        build([root], blocker / "ws", extractor=WordExtractor(), progress=False)


def test_nothing_to_build_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="Nothing to build"):
        build([], tmp_path / "ws", extractor=WordExtractor())


def test_a_build_gives_back_the_arrow_pool_it_found(tmp_path: Path) -> None:
    import pyarrow as pa

    before = pa.default_memory_pool().backend_name
    root = _corpus(tmp_path, {"a.txt": "Alpha one.", "b.txt": "Alpha two."})
    build([root], tmp_path / "ws", extractor=WordExtractor(), progress=False)
    assert pa.default_memory_pool().backend_name == before
    with pytest.raises(WorkspaceError):
        build([], tmp_path / "ws2", extractor=WordExtractor(), progress=False)
    assert pa.default_memory_pool().backend_name == before


def test_streamed_documents_keep_order_sections_and_issues(tmp_path: Path) -> None:
    # more documents than a chunk of the documents stream, with duplicates across chunks
    from workbook import docstream

    files = {f"d{i:03d}.txt": f"Alpha number {i}." for i in range(9)}
    files["z-copy.txt"] = "Alpha number 1."
    files["e.txt"] = "BOOM Alpha."
    root = _corpus(tmp_path, files)
    old = docstream.CHUNK_DOCS
    try:
        docstream.CHUNK_DOCS = 2
        small = build([root], tmp_path / "ws-small", extractor=WordExtractor(), progress=False, force=True)
    finally:
        docstream.CHUNK_DOCS = old
    whole = build([root], tmp_path / "ws-whole", extractor=WordExtractor(), progress=False, force=True)
    a, b = read_book(tmp_path / "ws-small"), read_book(tmp_path / "ws-whole")
    assert small.counts == whole.counts and len(small.duplicates) == 1
    for name in ("documents", "mentions", "build_issues"):
        assert getattr(a, name).equals(getattr(b, name)), name
    assert list(a.build_issues["stage"]) == ["extract"]
