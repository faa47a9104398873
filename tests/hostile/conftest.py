"""Fixtures of the hostile suite: a helper that builds a corpus with the shared default extractor
(``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from tests.hostile.hostile_data import write_files
from workbook.book import Book
from workbook.build import BuildReport, build
from workbook.extract.pipeline import DefaultExtractor
from workbook.workspace import read_book

BuildCorpus = Callable[[dict[str, str | bytes]], tuple[Book, BuildReport]]


@pytest.fixture
def build_corpus(tmp_path: Path, extractor: DefaultExtractor) -> BuildCorpus:
    """Write ``{relative path: content}`` into a fresh corpus folder, build it with the default extractor
    and return the Book read back from the workspace, and the build report."""

    def run(files: dict[str, str | bytes]) -> tuple[Book, BuildReport]:
        root = write_files(tmp_path / "corpus", files)
        report = build([root], tmp_path / "ws", extractor=extractor, progress=False)
        return read_book(tmp_path / "ws"), report

    return run


def issue_rows(book: Book, path: str) -> pd.DataFrame:
    """The build_issues rows of ``path``."""
    issues = book.build_issues
    return issues[issues["path"].astype(str) == path]


def document_row(book: Book, source: str) -> pd.Series:
    """The documents row whose source is ``source`` (fails the test when there is none)."""
    docs = book.documents[book.documents["source"].astype(str) == source]
    assert len(docs) == 1, f"no document {source!r}; sources: {sorted(book.documents['source'].astype(str))}"
    return docs.iloc[0]
