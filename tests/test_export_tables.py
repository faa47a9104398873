"""Table exports, each checked by opening what was written: CSV and Parquet round-trip through pandas, XLSX
through pandas and openpyxl (types, frozen header, autofilter, no formulas), Markdown and HTML escape."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.test_export_helpers import HOSTILE_TEXT, hostile_book
from workbook.book import Book
from workbook.errors import ExportError
from workbook.export.tables import (
    XLSX_MAX_CELL,
    CsvExporter,
    HtmlTableExporter,
    MarkdownExporter,
    XlsxExporter,
    export_table,
    markdown_table,
    md_escape,
    plain_frame,
)
from workbook.model import conform

pytestmark = pytest.mark.unit


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


def _tags(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def test_csv_round_trips_through_pandas(tiny_book: Book, tmp_path: Path) -> None:
    path = export_table(tiny_book.claims, tmp_path / "claims.csv")
    assert path == tmp_path / "claims.csv"
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    expected = plain_frame(tiny_book.claims)
    assert list(back.columns) == list(tiny_book.claims.columns)
    pd.testing.assert_frame_equal(back, expected.astype(object), check_dtype=False)
    assert back["entity_ids"].iloc[2] == "; ".join(tiny_book.claims["entity_ids"].iloc[2])
    events = pd.read_csv(export_table(tiny_book.events, tmp_path / "events.csv"), parse_dates=["date_start"])
    assert events["date_start"].tolist() == tiny_book.events["date_start"].tolist()
    assert path.read_bytes()[:3] != b"\xef\xbb\xbf"


def test_csv_bom_for_excel_and_unicode(tmp_path: Path) -> None:
    df = pd.DataFrame({"name": ["김정은", "Pyongyang"], "n": [1, 2]})
    path = export_table(df, tmp_path / "names.csv", bom=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["name"].tolist() == ["김정은", "Pyongyang"] and back["n"].tolist() == [1, 2]


def test_csv_formula_guard_is_on_by_default(tmp_path: Path) -> None:
    df = pd.DataFrame({"text": ['=HYPERLINK("http://x","y")', "+1", "plain", "-2"]})
    guarded = pd.read_csv(export_table(df, tmp_path / "excel.csv"), dtype=str)
    assert guarded["text"].tolist() == ['\'=HYPERLINK("http://x","y")', "'+1", "plain", "'-2"]
    exact = pd.read_csv(export_table(df, tmp_path / "exact.csv", formula_guard=False), dtype=str)
    assert exact["text"].tolist() == df["text"].tolist()


def test_csv_appends_rows_of_one_table_only(tiny_book: Book, tmp_path: Path) -> None:
    exporter = CsvExporter(tmp_path / "claims.csv")
    exporter.write(tiny_book.claims.head(1))
    exporter.write(tiny_book.claims.tail(2))
    with pytest.raises(ExportError, match="one table"):
        exporter.write(tiny_book.events)
    back = pd.read_csv(exporter.finalize(), dtype=str, keep_default_na=False)
    assert back["claim_id"].tolist() == tiny_book.claims["claim_id"].tolist()
    with pytest.raises(ExportError, match="already finalized"):
        exporter.write(tiny_book.claims)


def test_parquet_round_trips_with_types_and_lists(tiny_book: Book, tmp_path: Path) -> None:
    for name in ("claims", "events", "documents", "places"):
        path = export_table(tiny_book.table(name), tmp_path / f"{name}.parquet")
        back = conform(name, pq.read_table(path).to_pandas())
        pd.testing.assert_frame_equal(back, tiny_book.table(name))


def test_xlsx_has_types_frozen_header_and_autofilter(tiny_book: Book, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed (pip install openpyxl)")
    exporter = XlsxExporter(tmp_path / "tables.xlsx")
    exporter.write(tiny_book.claims, sheet="claims")
    exporter.write(tiny_book.events, sheet="events/dates: [1]")
    path = exporter.finalize()
    back = pd.read_excel(path, sheet_name=None)
    assert list(back) == ["claims", "events-dates- -1-"]
    claims = back["claims"]
    assert claims["claim_id"].tolist() == tiny_book.claims["claim_id"].tolist()
    assert claims["start"].tolist() == tiny_book.claims["start"].tolist()
    assert pd.api.types.is_integer_dtype(claims["start"])
    events = back["events-dates- -1-"]
    assert pd.api.types.is_datetime64_any_dtype(events["date_start"])
    assert events["date_start"].tolist() == tiny_book.events["date_start"].tolist()
    ws = openpyxl.load_workbook(path)["claims"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:N{len(tiny_book.claims) + 1}"
    assert ws["A1"].font.bold and ws["A1"].value == "claim_id"
    assert ws["B2"].data_type == "s" and ws["C2"].data_type == "n"


def test_xlsx_keeps_text_as_text_and_fits_excel(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed (pip install openpyxl)")
    long = "x" * (XLSX_MAX_CELL + 100)
    df = pd.DataFrame({"text": ['=HYPERLINK("http://evil","click")', "bell\x07 and nul\x00", long]})
    exporter = XlsxExporter(tmp_path / "t.xlsx")
    exporter.write(df, sheet="t")
    path = exporter.finalize()
    ws = openpyxl.load_workbook(path)["t"]
    assert ws["A2"].data_type == "s" and ws["A2"].value == df["text"][0]  # a string, never a formula
    assert ws["A3"].value == "bell and nul"
    assert len(ws["A4"].value) <= XLSX_MAX_CELL and "cut" in ws["A4"].value
    assert any("control characters" in n for n in exporter.notes)
    assert any("32,767" in n for n in exporter.notes)


def test_markdown_escapes_document_text(tmp_path: Path) -> None:
    book = hostile_book()
    table = markdown_table(book.documents[["title", "publisher", "text"]])
    assert "<script" not in table and "<b>" not in table
    assert re.search(r"(?<!\\)\]\(", table) is None  # no unescaped "](": no Markdown link
    assert "&lt;script&gt;" in table
    lines = table.splitlines()
    assert len(lines) == 2 + len(book.documents)
    assert all(line.count(" | ") == 2 for line in lines[2:])  # no cell breaks out of its column
    assert md_escape("a | b") == "a \\| b" and md_escape("# not a heading") == "\\# not a heading"
    exporter = MarkdownExporter(tmp_path / "t.md", title="<b>Tables</b>")
    exporter.write(book.claims[["text"]], heading="claims", caption=HOSTILE_TEXT)
    text = exporter.finalize().read_text(encoding="utf-8")
    assert text.startswith("# &lt;b&gt;Tables&lt;/b&gt;") and "<script" not in text


def test_html_table_escapes_and_runs_nothing(tmp_path: Path) -> None:
    book = hostile_book()
    exporter = HtmlTableExporter(tmp_path / "docs.html", title=book.documents["title"].iloc[-1])
    exporter.write(book.documents[["title", "publisher", "url", "text"]], heading="documents", caption="<i>c</i>")
    page = exporter.finalize().read_text(encoding="utf-8")
    parsed = _tags(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "a" not in parsed.tags
    assert not any(v and v.lower().startswith("javascript") for _, v in parsed.attrs)
    assert "&lt;script&gt;window.__pwned" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_export_table_picks_the_format_from_the_suffix(tiny_book: Book, tmp_path: Path) -> None:
    for suffix in ("csv", "parquet", "md", "html"):
        assert export_table(tiny_book.claims, tmp_path / f"c.{suffix}").suffix == f".{suffix}"
    with pytest.raises(ExportError, match="Unknown table format"):
        export_table(tiny_book.claims, tmp_path / "c.docx")
    with pytest.raises(ExportError, match="DataFrames"):
        CsvExporter(tmp_path / "x.csv").write([1, 2])
