"""Annotations: tag, star, note and claim status, kept in the workspace log and loaded by wb.open."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pandas as pd
import pytest

import workbook as wb
from tests.conftest import make_tiny_book
from workbook import curation as cur
from workbook.book import TABLE_NAMES, Book
from workbook.errors import AnnotationError
from workbook.filtering import FilterSpec, apply
from workbook.model import SCHEMA_VERSION, empty_frame
from workbook.workspace import write_snapshot

pytestmark = pytest.mark.unit


def tiny_workspace(tmp_path: Path) -> Book:
    """The tiny Book written as a workspace and opened with the analyst's work."""
    book = make_tiny_book()
    ws = tmp_path / "tiny.workbook"
    write_snapshot(ws, "b1", {n: book.table(n) for n in TABLE_NAMES}, {"schema_version": SCHEMA_VERSION})
    return wb.open(ws)


def _tagger(ws: str, worker: int, n: int) -> None:
    book = wb.open(ws)
    claim = str(book.claims["claim_id"].iloc[worker % len(book.claims)])
    for i in range(n):
        cur.tag(book, "claim", claim, f"t{worker}-{i}", author=f"p{worker}")


@pytest.fixture
def book(tmp_path: Path) -> Book:
    return tiny_workspace(tmp_path)


def _lewis_claim(book: Book) -> str:
    lewis = cur.find_entity(book, "Jeffrey Lewis")
    return str(book.claims.loc[book.claims["speaker_id"] == lewis, "claim_id"].iloc[0])


def test_a_fresh_workspace_has_no_annotations(book: Book) -> None:
    assert book.annotations.empty
    assert list(book.annotations.columns) == list(empty_frame("annotations").columns)


def test_tags_stars_notes_and_status_are_loaded_on_open(book: Book) -> None:
    claim = _lewis_claim(book)
    doc = str(book.documents["doc_id"].iloc[1])
    kim = cur.find_entity(book, "Kim Jong Un")
    cur.tag(book, "claim", claim, "priority", author="ana")
    cur.star(book, "entity", kim, author="ana")
    cur.note(book, "document", doc, "Print edition; the online date differs.", author="ben")
    cur.set_status(book, claim, "corroborated", supports=[doc], author="ana")
    again = wb.open(book.workspace)
    ann = again.annotations
    assert set(ann["kind"]) == {"tag", "star", "note", "status", "supports"}
    assert ann.dtypes["created"] == "datetime64[s]"
    status = ann.loc[ann["kind"] == "status"].iloc[0]
    assert (status["target_kind"], status["target_id"], status["value"], status["author"]) == (
        "claim",
        claim,
        "corroborated",
        "ana",
    )
    link = ann.loc[ann["kind"] == "supports"].iloc[0]
    assert link["target_id"] == claim and link["value"] == doc
    assert link["annotation_id"] == f"{status['annotation_id']}/supports/0"


def test_actions_are_idempotent(book: Book) -> None:
    claim = _lewis_claim(book)
    first = cur.tag(book, "claim", claim, "priority")
    assert cur.tag(book, "claim", claim, "priority") == first
    s1 = cur.set_status(book, claim, "disputed")
    assert cur.set_status(book, claim, "disputed") == s1
    n1 = cur.note(book, "claim", claim, "check the report")
    assert cur.note(book, "claim", claim, "check the report") == n1
    st = cur.star(book, "claim", claim)
    assert cur.star(book, "claim", claim) == st
    assert len(cur.read_annotation_records(book).records) == 4


def test_status_filters_and_summaries_follow_the_latest_status(book: Book) -> None:
    claim = _lewis_claim(book)
    other = str(book.claims["claim_id"].iloc[2])
    cur.set_status(book, claim, "disputed", contradicts=[other])
    cur.set_status(book, claim, "corroborated", supports=[other])
    b = wb.open(book.workspace)
    kept = apply(b, FilterSpec(claim_statuses=("corroborated",)))
    assert list(kept.claims["claim_id"]) == [claim]
    unreviewed = apply(b, FilterSpec(claim_statuses=("unreviewed",)))
    assert claim not in set(unreviewed.claims["claim_id"]) and len(unreviewed.claims) == len(b.claims) - 1
    summary = cur.annotation_summary(b, "claim", [claim, other])
    assert list(summary["target_id"]) == [claim, other]
    assert list(summary["status"]) == ["corroborated", "unreviewed"]
    assert summary["supports"].iloc[0] == [other] and summary["contradicts"].iloc[0] == []
    history = cur.annotations_for(b, "claim", claim)
    assert list(history["value"]) == ["disputed", "corroborated"]
    assert history["contradicts"].iloc[0] == [other] and history["supports"].iloc[1] == [other]


def test_untag_unstar_and_undo_append_records_and_never_delete(book: Book) -> None:
    claim = _lewis_claim(book)
    doc = str(book.documents["doc_id"].iloc[0])
    cur.tag(book, "claim", claim, "priority", author="ana")
    cur.tag(book, "claim", claim, "weak", author="ana")
    cur.untag(book, "claim", claim, "weak", author="ana")
    cur.star(book, "document", doc, author="ana")
    cur.unstar(book, "document", doc, author="ana")
    b = wb.open(book.workspace)
    summary = cur.annotation_summary(b, "claim", [claim])
    assert summary["tags"].iloc[0] == ["priority"]
    assert not cur.annotation_summary(b, "document", [doc])["starred"].iloc[0]
    assert apply(b, FilterSpec(tags=("weak",))).claims.empty
    n_records = len(cur.read_annotation_records(book).records)
    undo_id = cur.undo(book, author="ana")  # cancels the unstar: starred again
    assert len(cur.read_annotation_records(book).records) == n_records + 1
    b = wb.open(book.workspace)
    assert cur.annotation_summary(b, "document", [doc])["starred"].iloc[0]
    cur.undo(book, undo_id, author="ana")  # redo the unstar
    assert not cur.annotation_summary(wb.open(book.workspace), "document", [doc])["starred"].iloc[0]


def test_undo_without_anything_to_undo_says_so(book: Book) -> None:
    with pytest.raises(AnnotationError, match="Nothing to undo"):
        cur.undo(book, author="nobody")
    with pytest.raises(AnnotationError, match="No record"):
        cur.undo(book, "a0000")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda b: cur.set_status(b, _lewis_claim(b), "true"), "Unknown claim status"),
        (lambda b: cur.set_status(b, _lewis_claim(b), "unreviewed"), "what a claim without a status shows"),
        (lambda b: cur.tag(b, "claim", "c000000000000", "x"), "There is no claim"),
        (lambda b: cur.tag(b, "mention", "m1", "x"), "Cannot annotate a 'mention'"),
        (lambda b: cur.tag(b, "claim", _lewis_claim(b), "  "), "non-empty"),
        (lambda b: cur.set_status(b, _lewis_claim(b), "refuted", contradicts=["zzz"]), "not the id of any"),
        (lambda b: cur.set_status(b, _lewis_claim(b), "refuted", supports=[_lewis_claim(b)]), "cannot support itself"),
    ],
)
def test_bad_annotations_are_refused_with_a_reason(book: Book, call: object, message: str) -> None:
    with pytest.raises(AnnotationError, match=message):
        call(book)  # type: ignore[operator]
    assert cur.read_annotation_records(book).records == ()


def test_a_book_without_workspace_cannot_be_annotated() -> None:
    book = make_tiny_book()
    with pytest.raises(AnnotationError, match="no workspace"):
        cur.tag(book, "claim", str(book.claims["claim_id"].iloc[0]), "x")


def test_refresh_annotations_reads_the_log_without_reopening(book: Book) -> None:
    claim = _lewis_claim(book)
    cur.tag(book, "claim", claim, "priority")
    assert book.annotations.empty
    fresh = cur.refresh_annotations(book)
    assert list(fresh.annotations["value"]) == ["priority"]
    assert fresh.claims is book.claims


def test_annotations_for_lists_nothing_for_unannotated_rows(book: Book) -> None:
    out = cur.annotations_for(book, "event", list(book.events["event_id"]))
    assert out.empty and "supports" in out.columns
    summary = cur.annotation_summary(book, "entity", list(book.entities["entity_id"][:2]))
    assert list(summary["status"]) == [None, None] and list(summary["n_annotations"]) == [0, 0]


@pytest.mark.slow
def test_several_processes_annotating_at_once_lose_nothing(book: Book) -> None:
    ctx = multiprocessing.get_context("spawn")
    n_workers, n_tags = 3, 25
    procs = [ctx.Process(target=_tagger, args=(str(book.workspace), w, n_tags)) for w in range(n_workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    after = wb.open(book.workspace)
    tags = after.annotations.loc[after.annotations["kind"] == "tag"]
    assert len(tags) == n_workers * n_tags
    assert set(tags["value"]) == {f"t{w}-{i}" for w in range(n_workers) for i in range(n_tags)}
    assert tags["annotation_id"].is_unique
    assert not pd.isna(tags["created"]).any()
