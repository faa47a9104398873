"""Report bundles carry the analyst's work on what they cite (issue 7): a claim's status, tags, star and
notes appear in report.html, report.md and citations.csv (escaped in the pages), and a bundle filtered on
claim statuses reopens from the workspace with the same rows (the workspace is read with the analyst's work)."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pandas as pd
import pytest

import workbook as wb
from tests.conftest import SEEDS
from workbook.build import build
from workbook.curation.annotations import note, set_status, star, tag
from workbook.export import citation_table, export_report, open_report
from workbook.export.citations import citations_html, citations_markdown
from workbook.export.tables import md_escape
from workbook.filtering import FilterSpec

pytestmark = pytest.mark.unit

NOTE = "Checked <b>against</b> *satellite* imagery | [link](javascript:alert(1))"


@pytest.fixture(scope="module")
def built_seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seedreport")
    shutil.copytree(SEEDS, root / "seeds")
    build([root / "seeds"], root / "ws", progress=False)
    return root / "ws"


@pytest.fixture
def ws(built_seed: Path, tmp_path: Path) -> Path:
    shutil.copytree(built_seed, tmp_path / "ws")
    return tmp_path / "ws"


def _annotate(ws: Path) -> str:
    book = wb.open(ws)
    claim = str(book.claims["claim_id"].iloc[0])
    set_status(book, claim, "corroborated", author="analyst-a")
    note(book, "claim", claim, NOTE, author="analyst-a")
    tag(book, "claim", claim, "sat-imagery")
    star(book, "claim", claim)
    return claim


def test_citations_carry_status_tags_star_and_notes(ws: Path, tmp_path: Path) -> None:
    claim = _annotate(ws)
    book = wb.open(ws)
    spec = FilterSpec(claim_statuses=("corroborated",))
    result = export_report(
        book,
        spec,
        charts=(),
        tables=("claims",),
        title="Annotated",
        out=tmp_path / "exports",
        formats=("html", "md", "csv"),
    )

    cites = pd.read_csv(result.path / "citations.csv", keep_default_na=False)
    row = cites.loc[cites["row_id"] == claim].iloc[0]
    assert row["status"] == "corroborated" and row["status_author"] == "analyst-a" and row["status_created"]
    assert row["notes"] == NOTE and row["tags"] == "sat-imagery" and bool(row["starred"]) is True
    assert set(cites["kind"]) == {"claim"} and cites["row_id"].tolist() == [claim]

    md = (result.path / "report.md").read_text(encoding="utf-8")
    assert "status: corroborated by analyst-a" in md
    assert f"note: {md_escape(NOTE)}" in md and "tags: sat-imagery" in md and "starred: yes" in md
    assert "<b>against</b>" not in md and "[link](javascript" not in md

    page = (result.path / "report.html").read_text(encoding="utf-8")
    assert "<b>status:</b> corroborated by analyst-a" in page
    assert f"<b>note:</b> {html.escape(NOTE)}" in page and "<b>against</b>" not in page

    reopened = open_report(result.path)
    assert reopened.tables["01-claims"]["claim_id"].astype(str).tolist() == [claim]
    assert reopened.view.claims["claim_id"].astype(str).tolist() == [claim]


def test_unannotated_rows_show_nothing_extra(ws: Path) -> None:
    book = wb.open(ws)
    cites = citation_table(book)
    claims, events = cites[cites["kind"] == "claim"], cites[cites["kind"] == "event"]
    assert (claims["status"] == "unreviewed").all() and (events["status"] == "").all()
    assert (cites["notes"] == "").all() and (cites["tags"] == "").all() and not cites["starred"].any()
    assert "status:" not in citations_markdown(cites) and "note:" not in citations_markdown(cites)
    assert "wb-analyst" not in citations_html(cites)


def test_the_export_command_reads_the_analysts_work(ws: Path, tmp_path: Path) -> None:
    from workbook.cli import main

    claim = _annotate(ws)
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(FilterSpec(claim_statuses=("corroborated",)).to_json(), encoding="utf-8")
    code = main(
        [
            "export",
            str(spec_file),
            "--workspace",
            str(ws),
            "--format",
            "md,csv",
            "--out",
            str(tmp_path / "exports"),
            "--title",
            "cli",
        ]
    )
    assert code == 0
    cites = pd.read_csv(tmp_path / "exports" / "cli" / "citations.csv", keep_default_na=False)
    claims = cites[cites["kind"] == "claim"]
    assert claims["row_id"].tolist() == [claim] and claims["status"].tolist() == ["corroborated"]
    assert (cites.loc[cites["kind"] == "event", "status"] == "").all()
