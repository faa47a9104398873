"""Saved views: name a filter, list and reopen it from code and from the explorer; kept in the analyst log,
recorded in report manifests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import workbook as wb
from tests.test_curation_annotations import tiny_workspace
from workbook.book import Book
from workbook.cli import main
from workbook.curation.saved_views import VIEWS_LOG, delete_view
from workbook.errors import SavedViewError
from workbook.filtering import FilterSpec
from workbook.widgets import explore

pytestmark = pytest.mark.widgets


@pytest.fixture
def book(tmp_path: Path) -> Book:
    return tiny_workspace(tmp_path)


def test_save_list_reopen_and_delete_from_code(book: Book) -> None:
    spec = FilterSpec(text="Sinpo OR Pyongyang", published_from=date(2019, 1, 1), date_match="within")
    wb.save_view(book, "  North  sites ", spec, note="for the story")
    table = wb.views(book)
    assert list(table["name"]) == ["North sites"] and table["note"].iloc[0] == "for the story"
    assert "published from 2019-01-01" in table["filter"].iloc[0]
    assert wb.view(book, "North sites") == spec
    assert len(wb.apply(book, wb.view(book, "North sites")).documents) == 1
    wb.save_view(book, "North sites", FilterSpec(text="kim"))  # the latest save of a name wins
    assert wb.view(book, "North sites") == FilterSpec(text="kim") and len(wb.views(book)) == 1
    log = Path(book.workspace or "") / "analyst" / VIEWS_LOG
    assert [json.loads(line)["op"] for line in log.read_text().splitlines()] == ["save_view", "save_view"]
    assert wb.views(wb.open(book.workspace or "")).shape[0] == 1  # survives reopening the workspace
    delete_view(book, "North sites")
    assert wb.views(book).empty
    with pytest.raises(SavedViewError, match="none yet"):
        wb.view(book, "North sites")
    with pytest.raises(SavedViewError, match="non-empty name"):
        wb.save_view(book, "  ", FilterSpec())


def test_the_explorer_saves_and_opens_views(book: Book, tmp_path: Path) -> None:
    ex = explore(book, export_dir=tmp_path / "exports")
    ex.panel.controls["text"].value = "missile"
    ex.views_bar.name.value = "Missiles"
    ex.views_bar.save_button.click()
    assert list(ex.views_bar.choice.options) == ["Missiles"] and "Saved" in ex.views_bar.status.value
    ex.reset()
    ex.views_bar.choice.value = "Missiles"
    ex.views_bar.open_button.click()
    assert ex.spec == FilterSpec(text="missile")
    assert [c.action for c in ex.log][-2:] == ["reset", "open_view:Missiles"]
    ex.views_bar.choice.options = ["Gone"]
    ex.views_bar.choice.value = "Gone"
    ex.views_bar.open_button.click()
    assert "No saved view &#x27;Gone&#x27;" in ex.views_bar.status.value
    ex.export_bar.formats.value = ("md",)
    ex.export_bar.click()
    bundle = next((tmp_path / "exports").iterdir())
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["filter"]["saved_views"] == ["Missiles"]


def test_a_book_without_a_workspace_cannot_save_views(tiny_book: Book) -> None:
    ex = explore(tiny_book)
    assert ex.views_bar.save_button.disabled and "need a workspace" in ex.views_bar.status.value


def test_workbook_export_takes_a_saved_view(book: Book, tmp_path: Path) -> None:
    wb.save_view(book, "Kim", FilterSpec(text="Kim"))
    args = ["export", "view:Kim", "--workspace", str(book.workspace), "--format", "md", "--out", str(tmp_path / "o")]
    assert main(args) == 0
    manifest = json.loads(next((tmp_path / "o").iterdir()).joinpath("manifest.json").read_text(encoding="utf-8"))
    assert manifest["filter"]["spec"]["text"] == "Kim" and manifest["filter"]["saved_views"] == ["Kim"]
    assert manifest["title"] == "Text contains 'Kim'"
