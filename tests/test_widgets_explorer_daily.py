"""The explorer's daily-use bugs (issue 15, finding 4), driven from Python: speaker names after a type
toggle, the entity search cleared by Reset, the reader closed when its document leaves the filter."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import make_tiny_book
from tests.test_widgets_explorer import _customdata, _ids
from workbook.book import Book
from workbook.explore.state import build_view
from workbook.filtering import FilterSpec, apply
from workbook.widgets import Explorer, explore

pytestmark = pytest.mark.widgets


@pytest.fixture
def ex(tiny_book: Book) -> Explorer:
    return explore(tiny_book)


def test_speaker_bars_keep_their_names_after_a_type_toggle(ex: Explorer, tiny_book: Book) -> None:
    ids = _ids(tiny_book)
    ex.panel.controls["entity_types"].value = ("place",)  # Jeffrey Lewis (a person) leaves the entities table
    assert ids["Jeffrey Lewis"] not in set(ex.filtered.entities["entity_id"])
    fig = ex.figure("claims")
    labels = {y for trace in fig["data"] for y in trace["y"]}
    assert "Jeffrey Lewis" in labels
    assert not any(eid in json.dumps(fig["layout"]) or eid in labels for eid in ids.values())


def test_a_speaker_without_an_entities_row_is_named_by_its_text_not_its_id(tiny_book: Book) -> None:
    view = apply(tiny_book, FilterSpec(entity_types=("place",)))
    fig = build_view(view, "claims").to_plotly_json()  # no names given: the chart falls back to speaker_text
    labels = {y for trace in fig["data"] for y in trace["y"]}
    assert "Jeffrey Lewis" in labels and _ids(tiny_book)["Jeffrey Lewis"] not in labels


def test_reset_clears_the_entity_search(ex: Explorer) -> None:
    ex.panel.entity_query.value = "zzz-no-such-entity"
    assert ex.panel.controls["entity_ids"].options == ()
    assert "No entity matches" in ex.panel.entity_hint.value  # the empty list says why
    ex.panel.controls["quote_kinds"].value = ("direct",)
    ex.panel.reset_button.click()
    assert ex.panel.entity_query.value == ""
    assert len(ex.panel.controls["entity_ids"].options) == len(make_tiny_book().entities)
    assert ex.panel.entity_hint.value == ""


def test_the_reader_closes_when_its_document_leaves_the_filter(ex: Explorer, tiny_book: Book) -> None:
    row = ex.table.row_ids[0]  # a claim of the first document
    ex.table.handle_message({"type": "select", "row_id": row})
    doc = tiny_book.claims.set_index("claim_id").loc[row, "doc_id"]
    assert f'data-doc-id="{doc}"' in ex.reader.value
    other = next(d for d in tiny_book.documents["doc_id"] if d != doc)
    ex.spec = FilterSpec(doc_ids=(other,))
    assert f'data-doc-id="{doc}"' not in ex.reader.value
    assert "not in the current filter" in ex.reader.value
    ex.spec = FilterSpec(doc_ids=(doc, other))  # a filter that still holds the document keeps nothing stale
    assert "not in the current filter" in ex.reader.value


def test_two_date_windows_with_plain_names_and_hints(ex: Explorer, tiny_book: Book) -> None:
    from datetime import date

    panel = ex.panel
    assert "Published 2019-01-19 – 2024-01-10" in panel.published_span.value
    assert "Events mostly 2018-06-01 – 2024-01-10" in panel.date_span.value  # widened to the publication span
    panel.controls["published_from"].value = date(2020, 1, 1)
    assert ex.spec == FilterSpec(published_from=date(2020, 1, 1))
    assert list(ex.filtered.documents["title"]) == ["Kim Jong Un inspects missile factory"]
    ex.reset()
    panel.controls["date_from"].value = date(2018, 6, 10)
    panel.controls["date_to"].value = date(2018, 6, 20)
    assert len(ex.filtered.events) == 1
    panel.controls["date_match"].value = "within"
    assert ex.spec.date_match == "within" and ex.filtered.events.empty
    assert "events count if" in ex.log.to_frame().to_string()


def test_the_export_bar_offers_the_onward_formats(tiny_book: Book, tmp_path: Any) -> None:
    ex = explore(tiny_book, export_dir=tmp_path)
    assert {"timelinejs", "gexf", "geojson"} <= set(ex.export_bar.formats.buttons)
    ex.export_bar.formats.value = ("md", "timelinejs", "geojson")
    ex.export_bar.click()
    bundle = next(p for p in tmp_path.iterdir() if p.is_dir())
    assert (bundle / "onward" / "timeline.json").is_file() and (bundle / "onward" / "places.geojson").is_file()
    assert not (bundle / "onward" / "network.gexf").exists()


def test_export_shows_progress_then_a_clickable_link(
    tiny_book: Book, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workbook.widgets.explorer as module

    monkeypatch.chdir(tmp_path)
    ex = explore(tiny_book, export_dir="exports")
    seen: list[tuple[str, bool]] = []
    real = module.run_export

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append((ex.export_bar.status.value, ex.export_bar.button.disabled))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "run_export", spy)
    ex.export_bar.formats.value = ("html", "md")
    ex.export_bar.click()
    assert "Exporting html, md" in seen[0][0] and seen[0][1] is True  # shown while the export runs
    status = ex.export_bar.status.value
    assert not ex.export_bar.button.disabled
    bundle = next((tmp_path / "exports").iterdir())
    assert str(bundle.resolve()) in status  # the full path, not "exports/Report"
    assert f'href="exports/{bundle.name}/report.html"' in status and 'target="_blank"' in status


def test_layout_keeps_controls_and_views_on_one_screen(ex: Explorer) -> None:
    import ipywidgets as w

    row = ex.widget.children[-1]
    assert isinstance(row, w.HBox) and row.children == (ex.panel_pane, ex.tabs)
    assert [ex.tabs.get_title(i) for i in range(2)] == ["Views", "Table and reader"]
    views_pane, rows_pane = ex.tabs.children
    for pane in (ex.panel_pane, views_pane, rows_pane):  # each scrolls on its own; its content keeps its height
        assert (pane.layout.max_height, pane.layout.overflow, pane.layout.display) == ("78vh", "auto", "block")
    assert ex.panel_pane.children == (ex.panel,) and views_pane.children == (ex.host,)
    assert ex.host.min_view_width <= 360  # two columns of views beside the panel at 1440 px
    table_col, reader_col = rows_pane.children[0].children
    assert ex.table in table_col.children and ex.reader in reader_col.children
    assert ex.tabs.selected_index == 0
    event = _customdata(ex.figure("timeline"))[0]
    ex.host.handle_message({"type": "click", "view": "timeline", "points": [{"customdata": event}]})
    assert ex.tabs.selected_index == 1 and f'data-doc-id="{event[1]}"' in ex.reader.value  # the reader, shown
