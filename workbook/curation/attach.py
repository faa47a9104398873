"""Open a workspace with the analyst's work: the read path of ``wb.open``.

:func:`open_workspace` composes storage and curation: the snapshot as built
(:func:`workbook.workspace.read_book`, which knows nothing of the analyst) with the analyst's work on top.
:func:`attach_analyst_work` takes the Book of a freshly read snapshot, re-applies the curation log
(:func:`workbook.curation.apply.curate`), loads the annotation log into ``book.annotations``
(re-keyed through the merges) and warns (:class:`~workbook.errors.OrphanedAnnotationWarning`) when
annotations or decisions no longer find their target. Nothing is ever dropped: orphans stay in the
log and in ``book.annotations`` and are listed by :func:`workbook.curation.views.orphaned_annotations`.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from workbook.book import Book
from workbook.curation.annotations import annotations_frame, outside_vocabulary
from workbook.curation.apply import REPORT_COLUMNS, curate
from workbook.curation.log import LogContents, analyst_dir, annotation_log, curation_log
from workbook.curation.views import find_orphans
from workbook.errors import AnalystLogWarning, OrphanedAnnotationWarning
from workbook.workspace import read_book

__all__ = ["attach_analyst_work", "curation_report", "open_workspace"]


def _warn_problems(contents: LogContents, what: str) -> None:
    if contents.problems:
        first = contents.problems[0]
        warnings.warn(
            f"{len(contents.problems)} line(s) of the {what} log could not be read and are ignored "
            f"(line {first.line}: {first.reason}).",
            AnalystLogWarning,
            stacklevel=4,
        )


def attach_analyst_work(book: Book, *, warn: bool = True) -> Book:
    """``book`` (a raw snapshot) with the curation decisions applied and the annotations loaded."""
    if book.workspace is None or not analyst_dir(book.workspace).is_dir():
        return book
    decisions = curation_log(book).read()
    notes = annotation_log(book).read()
    if warn:
        _warn_problems(decisions, "curation")
        _warn_problems(notes, "annotation")
        odd = outside_vocabulary(notes.records)
        if odd:
            warnings.warn(
                f"{len(odd)} annotation(s) of the annotation log name a target kind or kind the workbook does not "
                f"know (first: {odd[0].get('target_kind')!r} / {odd[0].get('kind')!r}; the kinds are declared in "
                "workbook.model); they are ignored.",
                AnalystLogWarning,
                stacklevel=3,
            )
    result = curate(book, decisions.records)
    out = result.book.with_tables(annotations=annotations_frame(notes.records, result.id_map))
    if warn:
        orphans = find_orphans(out, notes.records)
        lost = result.report.loc[result.report["outcome"].isin(["orphaned", "partly applied"])]
        if len(orphans) or len(lost):
            warnings.warn(
                f"After the rebuild {len(orphans)} annotation(s) and {len(lost)} curation decision(s) no longer find "
                "(all) their target; they are kept. See workbook.curation.orphaned_annotations(book) and "
                "workbook.curation.curation_report(book) for the reasons.",
                OrphanedAnnotationWarning,
                stacklevel=3,
            )
    return out


def open_workspace(ws: str | Path, *, analyst_work: bool = True) -> Book:
    """The live snapshot of workspace ``ws`` with the analyst's curation decisions re-applied and the
    annotations loaded (what ``wb.open`` returns); ``analyst_work=False``: the snapshot as built."""
    book = read_book(Path(ws))
    return attach_analyst_work(book) if analyst_work else book


def curation_report(book: Book) -> pd.DataFrame:
    """One row per curation decision in effect on ``book``'s workspace: ``outcome`` (applied, partly
    applied, no effect, orphaned, recorded) and the ``reason`` when it did not fully apply."""
    if book.workspace is None:
        return pd.DataFrame(columns=REPORT_COLUMNS)
    raw = read_book(book.workspace)
    return curate(raw, curation_log(book).read().records).report
