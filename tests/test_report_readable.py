"""Reports for readers (finding 3): a title from the filter, a summary first, human headers, citations
grouped by document and collapsible, the full table in the data files, all document text escaped."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbook.book import Book
from workbook.export import export_report
from workbook.export.readable import report_title
from workbook.filtering import FilterSpec
from workbook.model import conform

pytestmark = pytest.mark.unit


def _ids(book: Book) -> dict[str, str]:
    return dict(zip(book.entities["name"], book.entities["entity_id"], strict=True))


def test_the_title_comes_from_the_filter(tiny_book: Book, tmp_path: Path) -> None:
    kim = _ids(tiny_book)["Kim Jong Un"]
    result = export_report(
        tiny_book, FilterSpec(entity_ids=(kim,)), charts=(), tables=["claims"], out=tmp_path, formats=("html",)
    )
    assert result.manifest["title"] == "Entities: Kim Jong Un"
    assert result.path.name.startswith("Entities")
    assert "<h1>Entities: Kim Jong Un</h1>" in (result.path / "report.html").read_text(encoding="utf-8")
    assert report_title("Report", FilterSpec(), tiny_book) == "Everything in the Book"
    assert report_title("  My story ", FilterSpec(), tiny_book) == "My story"
    long = FilterSpec(text=" OR ".join(f"word{i}" for i in range(40)))
    assert len(report_title(None, long, tiny_book)) <= 90


def test_summary_first_human_headers_grouped_citations(tiny_book: Book, tmp_path: Path) -> None:
    docs = tiny_book.documents.assign(title=tiny_book.documents["title"].str.replace("Analysts", "<b>Analysts</b>"))
    book = tiny_book.with_tables(documents=conform("documents", docs))
    result = export_report(
        book,
        FilterSpec(),
        charts=["claims_by_confidence"],
        tables=["claims"],
        title="Claims",
        out=tmp_path,
        formats=("html", "md", "csv"),
    )
    page = (result.path / "report.html").read_text(encoding="utf-8")
    assert (
        page.index('id="summary"')
        < page.index('id="chart-1"')
        < page.index('id="table-1"')
        < page.index('id="citations"')
    )
    assert "In this report" in page and "In the workspace" in page
    for header in ("Citation", "Speaker", "Quote kind", "Confidence (ICD 203)", "Document", "From character"):
        assert f">{header}<" in page
    for field in ("speaker_text", "quote_kind", "doc_id"):
        assert f">{field}<" not in page
    assert page.count('<details class="wb-doc">') == 3  # one collapsible group per document cited
    assert "&lt;b&gt;Analysts&lt;/b&gt; locate plants</cite>" in page and "<b>Analysts" not in page
    assert "closest('details')" in page  # a link to a citation opens its group
    md = (result.path / "report.md").read_text(encoding="utf-8")
    assert "## Summary" in md and md.count("### ") == 3
    data = pd.read_csv(result.path / "tables" / "01-claims.csv")
    assert "speaker_text" in data.columns  # the data files keep the data model's names


def test_the_page_lists_a_few_rows_and_points_to_the_full_table(tiny_book: Book, tmp_path: Path) -> None:
    result = export_report(
        tiny_book,
        FilterSpec(),
        charts=(),
        tables=["claims"],
        title="Few",
        out=tmp_path,
        formats=("html", "csv", "xlsx"),
        max_rows=1,
    )
    page = (result.path / "report.html").read_text(encoding="utf-8")
    assert "The full table is in tables/01-claims.csv, tables/tables.xlsx." in page
    assert len(pd.read_csv(result.path / "tables" / "01-claims.csv")) == 3
