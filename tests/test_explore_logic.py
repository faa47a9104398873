"""The explorer's pure layer: clicks and controls to specs, options, log entries, the table, the page assets."""

from __future__ import annotations

import gzip
import json
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pytest

from workbook.book import Book
from workbook.charts.common import entity_labels
from workbook.explore.log import FilterLog, change_summary
from workbook.explore.state import (
    VIEWS,
    EntityCatalog,
    ExploreError,
    active_filters,
    build_view,
    make_change,
    reader_target,
    speaker_choices,
    spec_after_click,
    spec_with_control,
    view_key,
    with_selected,
)
from workbook.explore.table import (
    TableError,
    TableSource,
    TableState,
    next_sort,
    table_page,
    table_state_after,
)
from workbook.filtering import FilterIndex, FilterSpec, compute_masks
from workbook.widgets import assets
from workbook.widgets.assets import (
    GZIP_LEVEL,
    asset_cache_dir,
    cached_script,
    figure_payload,
    geo_asset,
    plotly_asset,
    plotly_bundle_path,
    plotly_js_path,
)

pytestmark = pytest.mark.unit


def _ids(book: Book) -> dict[str, str]:
    return dict(zip(book.entities["name"], book.entities["entity_id"], strict=True))


# -- clicks ------------------------------------------------------------------------------------------


def test_entity_marks_toggle_the_entity(tiny_book: Book) -> None:
    sinpho = _ids(tiny_book)["Sinpho"]
    for view in ("entities", "map", "network"):
        spec = spec_after_click(FilterSpec(), view, [{"customdata": [sinpho]}])
        assert spec == FilterSpec(entity_ids=(sinpho,))
        assert spec_after_click(spec, view, [{"customdata": [sinpho]}]) == FilterSpec()
    spec = spec_after_click(FilterSpec(), "mentions", [{"customdata": [sinpho, "2024-01-01", "2024-01-31"]}])
    assert spec == FilterSpec(entity_ids=(sinpho,))


def test_network_link_adds_both_entities_then_removes_both(tiny_book: Book) -> None:
    ids = _ids(tiny_book)
    kim, trump = ids["Kim Jong Un"], ids["Donald Trump"]
    spec = spec_after_click(FilterSpec(), "network", [{"customdata": [kim, trump, 1]}])
    assert spec is not None and set(spec.entity_ids) == {kim, trump}
    assert spec_after_click(spec, "network", [{"customdata": [kim, trump, 1]}]) == FilterSpec()


def test_timeline_point_toggles_its_document_and_a_bin_sets_the_window() -> None:
    spec = spec_after_click(FilterSpec(), "timeline", [{"customdata": ["v123", "d456"]}])
    assert spec == FilterSpec(doc_ids=("d456",))
    assert reader_target("timeline", [{"customdata": ["v123", "d456"]}]) == ("d456", "v123")
    binned = spec_after_click(FilterSpec(), "timeline", [{"customdata": ["2018-06-01", "2018-06-30"]}])
    assert binned == FilterSpec(date_from=date(2018, 6, 1), date_to=date(2018, 6, 30))
    assert reader_target("timeline", [{"customdata": ["2018-06-01", "2018-06-30"]}]) is None
    assert spec_after_click(binned, "timeline", [{"customdata": ["2018-06-01", "2018-06-30"]}]) == FilterSpec()


def test_claims_cell_adds_speaker_and_band(tiny_book: Book) -> None:
    lewis = _ids(tiny_book)["Jeffrey Lewis"]
    spec = spec_after_click(FilterSpec(), "claims", [{"customdata": ["entity", lewis, "likely"]}])
    assert spec == FilterSpec(speakers=(lewis,), confidence_bands=("likely",))
    assert spec_after_click(spec, "claims", [{"customdata": ["entity", lewis, "likely"]}]) == FilterSpec()
    unattributed = spec_after_click(FilterSpec(), "claims", [{"customdata": ["unattributed", "", "likely"]}])
    assert unattributed == FilterSpec(quote_kinds=("unattributed",), confidence_bands=("likely",))
    other = spec_after_click(FilterSpec(), "claims", [{"customdata": ["other", "", "unhedged"]}])
    assert other == FilterSpec(confidence_bands=("unhedged",))


def test_clicks_on_nothing_or_malformed_clicks() -> None:
    assert spec_after_click(FilterSpec(), "entities", [{"customdata": None}]) is None
    assert spec_after_click(FilterSpec(), "entities", []) is None
    with pytest.raises(ExploreError, match="unknown view"):
        spec_after_click(FilterSpec(), "pie", [{"customdata": ["e1"]}])
    with pytest.raises(ExploreError, match="speaker_kind"):
        spec_after_click(FilterSpec(), "claims", [{"customdata": ["e1"]}])
    with pytest.raises(ExploreError, match="band"):
        spec_after_click(FilterSpec(), "claims", [{"customdata": ["entity", "e1", "sure"]}])
    with pytest.raises(ExploreError, match="event_id"):
        spec_after_click(FilterSpec(), "timeline", [{"customdata": ["v1"]}])


# -- controls ----------------------------------------------------------------------------------------


def test_controls_set_their_field() -> None:
    s = FilterSpec()
    assert spec_with_control(s, "entity_types", ["place"]) == FilterSpec(entity_types=("place",))
    assert spec_with_control(s, "text", "  missile ") == FilterSpec(text="missile")
    assert spec_with_control(s, "confidence_bands", ("likely",)) == FilterSpec(confidence_bands=("likely",))
    assert spec_with_control(s, "stars_only", True) == FilterSpec(stars_only=True)
    assert spec_with_control(s, "date_from", "2019-01-01") == FilterSpec(date_from=date(2019, 1, 1))
    with pytest.raises(ExploreError, match="unknown control"):
        spec_with_control(s, "colour", "red")
    with pytest.raises(ExploreError, match="sequence"):
        spec_with_control(s, "entity_ids", "e1")


def test_a_date_bound_moved_past_the_other_drags_it() -> None:
    s = FilterSpec(date_from=date(2019, 1, 1), date_to=date(2019, 12, 31))
    moved = spec_with_control(s, "date_from", date(2020, 3, 1))
    assert (moved.date_from, moved.date_to) == (date(2020, 3, 1), date(2020, 3, 1))
    cleared = spec_with_control(s, "date_to", None)
    assert (cleared.date_from, cleared.date_to) == (date(2019, 1, 1), None)


# -- options, captions, log --------------------------------------------------------------------------


def test_entity_search_with_counts(tiny_book: Book) -> None:
    cat = EntityCatalog.build(tiny_book, entity_labels(tiny_book.entities))
    ids = _ids(tiny_book)
    assert cat.choices("sin") == [("Sinpho (1)", ids["Sinpho"])]
    assert cat.choices("  KIM ") == [("Kim Jong Un (2)", ids["Kim Jong Un"])]
    everything = cat.choices("")
    assert len(everything) == 6 and everything[0][0] in ("Jeffrey Lewis (2)", "Kim Jong Un (2)")
    # counts of the current view, selected entities always listed first
    counts = np.zeros(6, dtype=np.int64)
    counts[cat.position[ids["Pyongyang"]]] = 7
    listed = cat.choices("sin", counts, selected=(ids["Pyongyang"],))
    assert listed == [("Pyongyang (7)", ids["Pyongyang"]), ("Sinpho (0)", ids["Sinpho"])]
    assert [v for _, v in cat.choices("", types=("place",))] == [ids["Pyongyang"], ids["Sinpho"]]
    with pytest.raises(ExploreError):
        cat.choices("", np.zeros(2))


def test_speakers_and_selected_values(tiny_book: Book) -> None:
    lewis = _ids(tiny_book)["Jeffrey Lewis"]
    assert speaker_choices(tiny_book, entity_labels(tiny_book.entities)) == [("Jeffrey Lewis (2)", lewis)]
    assert with_selected([("A (1)", "a")], ["a", "<b>x</b>"]) == [("A (1)", "a"), ("‹b›x‹/b›", "<b>x</b>")]


def test_active_filters_and_log_entries(tiny_book: Book) -> None:
    sinpho = _ids(tiny_book)["Sinpho"]
    spec = FilterSpec(entity_ids=(sinpho,), text="missile")
    assert active_filters(spec, tiny_book) == [("text", "text contains 'missile'"), ("entity_ids", "entities: Sinpho")]
    entry = make_change("control:text", FilterSpec(entity_ids=(sinpho,)), spec)
    assert entry.changes == {"text": ["", "missile"]}
    assert FilterSpec.from_json(entry.spec_json) == spec
    d = entry.to_dict()
    assert d["action"] == "control:text" and json.loads(json.dumps(d)) == d


# -- views -------------------------------------------------------------------------------------------


def test_change_summary_names_what_was_added_removed_or_set() -> None:
    names = {"e1": "Kim Jong Un", "e2": "Sinpho"}.get
    changes = make_change(
        "click",
        FilterSpec(entity_ids=("e2",), text="a"),
        FilterSpec(entity_ids=("e1",), date_from=date(2020, 1, 2), stars_only=True),
    ).changes
    assert change_summary(changes, lambda v: names(v) or v) == [
        "text “a” → none",
        "entities +Kim Jong Un −Sinpho",
        "events from none → 2020-01-02",
        "starred only off → on",
    ]
    many = make_change("x", FilterSpec(), FilterSpec(quote_kinds=("direct",), publishers=tuple("abcdef"))).changes
    assert change_summary(many) == ["publishers +a, b, c, d (+2 more)", "quote kinds +direct"]


def test_the_log_reads_as_an_escaped_table(tiny_book: Book) -> None:
    ids = _ids(tiny_book)
    doc = str(tiny_book.documents["doc_id"][0])
    t0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
    log = FilterLog(
        [
            make_change("control:text", FilterSpec(), FilterSpec(text="<script>x</script>"), when=t0),
            make_change(
                "click:entities",
                FilterSpec(text="<script>x</script>"),
                FilterSpec(text="<script>x</script>", entity_ids=(ids["Kim Jong Un"],)),
                when=t0,
            ),
            make_change("click:timeline", FilterSpec(), FilterSpec(doc_ids=(doc,)), when=t0),
        ],
        book=tiny_book,
    )
    assert log == list(log) and len(log) == 3 and log[0].action == "control:text"
    rows = log.rows()
    assert rows[1]["changed"] == "entities +Kim Jong Un"  # named through the Book, not the id
    assert rows[2]["changed"] == f"documents +{tiny_book.documents['title'][0]}"
    assert "Kim Jong Un" in rows[1]["filter"] and rows[0]["time"] == t0
    page = log._repr_html_()
    assert page.startswith("<table") and page.count("<tr>") == 4 and "3 filter changes" in page
    assert "<script" not in page and "&lt;script&gt;" in page and "control:text" in page
    frame = log.to_frame()
    assert list(frame.columns) == ["time", "action", "changed", "filter"] and len(frame) == 3
    first = {
        "time": t0.isoformat(),
        "action": "control:text",
        "changes": {"text": ["", "<script>x</script>"]},
        "spec": FilterSpec(text="<script>x</script>").to_json(),
    }
    assert json.loads(json.dumps(log.to_dict()))[0] == first
    assert "No filter changes" in FilterLog()._repr_html_() and FilterLog() == []
    from IPython.lib.pretty import pretty

    text = pretty(log)
    assert text.startswith("3 filter changes") and "click:entities: entities +Kim Jong Un" in text


def test_every_view_builds_and_keys_follow_the_rows(tiny_book: Book) -> None:
    for view in VIEWS:
        assert build_view(tiny_book, view).to_plotly_json()["data"] is not None
    index = FilterIndex.build(tiny_book)
    kinds = compute_masks(FilterSpec(quote_kinds=("direct",)), index)
    kinds2 = compute_masks(FilterSpec(quote_kinds=("direct",), confidence_bands=("roughly even chance",)), index)
    assert view_key("claims", None) == ("claims", "all")
    assert view_key("claims", kinds) == view_key("claims", kinds2)  # the same surviving claims
    assert view_key("timeline", kinds) != view_key("claims", kinds)
    with pytest.raises(ExploreError):
        view_key("pie", None)


# -- the table ---------------------------------------------------------------------------------------


def test_table_sorts_pages_and_escapes(tiny_book: Book) -> None:
    src = TableSource.build(tiny_book, "claims")
    page = table_page(src, None)
    assert page.total == 3 and page.row_ids == list(tiny_book.claims["claim_id"])
    conf = [c.key for c in page.columns].index("confidence")
    asc = table_page(src, None, "confidence")
    assert [r[conf] for r in asc.rows] == ["roughly even chance", "likely", "likely"]  # ICD 203 order
    desc = table_page(src, None, "confidence", descending=True)
    assert [r[conf] for r in desc.rows] == ["likely", "likely", "roughly even chance"]
    speaker = [c.key for c in page.columns].index("speaker")
    by_speaker = table_page(src, None, "speaker")
    assert [r[speaker] for r in by_speaker.rows] == ["Jeffrey Lewis", "Jeffrey Lewis", ""]  # missing last
    keep = np.array([True, False, True])
    paged = table_page(src, keep, page=1, page_size=1)
    assert (paged.total, paged.n_pages, paged.page, paged.row_ids) == (2, 2, 1, [tiny_book.claims["claim_id"][2]])
    assert table_page(src, keep, page=9, page_size=1).page == 1  # clamped
    assert paged.target(paged.row_ids[0]) == (tiny_book.claims["doc_id"][2], paged.row_ids[0])
    with pytest.raises(TableError):
        table_page(src, np.array([True]))
    with pytest.raises(TableError):
        src.order("colour")


@pytest.mark.parametrize("kind", ["claims", "events", "mentions", "documents"])
def test_a_page_computes_only_its_rows(tiny_book: Book, kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unsorted, a page's cells come from its own rows (a million claims cost one page); sorted, a column is
    computed for every row once, then kept; the cells are those of the whole table computed at once."""
    from workbook.explore import table as table_module

    src = TableSource.build(tiny_book, kind)
    whole = src.cells(np.arange(len(src)))
    asked: list[int | None] = []
    column = table_module._Cells.column

    def spy(self: object, key: str, rows: np.ndarray | None) -> object:
        asked.append(None if rows is None else len(rows))
        return column(self, key, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(table_module._Cells, "column", spy)
    page = table_page(src, None, page=1, page_size=1)
    assert asked and all(n == 1 for n in asked)
    row = whole.iloc[1]
    expected = [table_module._cell(row[c.key], c.kind) for c in src.columns]
    assert page.rows == [expected]
    asked.clear()
    key = src.columns[0].key
    table_page(src, None, key)
    table_page(src, None, key, descending=True)
    assert asked.count(None) == 1  # the sort column, once


def test_rows_of_a_chunked_arrow_column() -> None:
    """A page's rows of an Arrow column of several chunks, taken chunk by chunk: the rows ``iloc`` gives."""
    import pandas as pd

    from workbook.explore.table import _at

    parts = [pd.Series([f"t{i}-{j}" if j % 7 else None for j in range(50)], dtype="string") for i in range(4)]
    column = pd.concat(parts, ignore_index=True)
    assert column.array._pa_array.num_chunks == 4  # type: ignore[attr-defined]
    rows = np.random.default_rng(5).permutation(len(column))[:30]
    for some in (rows, np.sort(rows), rows[:0], np.array([-1, 0, 199])):
        got, want = _at(column, some), column.iloc[some].reset_index(drop=True)
        assert got.dtype == want.dtype
        assert got.astype(object).tolist() == want.astype(object).tolist()


def test_sort_cycle_and_table_state() -> None:
    assert next_sort("", False, "text") == ("text", False)
    assert next_sort("text", False, "text") == ("text", True)
    assert next_sort("text", True, "text") == ("", False)
    s = table_state_after(TableState(page=3), {"type": "sort", "column": "text"})
    assert (s.sort_by, s.descending, s.page) == ("text", False, 0)
    assert table_state_after(s, {"type": "page", "page": 2}).page == 2
    assert table_state_after(s, {"type": "select", "row_id": "c1"}).selected == "c1"
    assert table_state_after(s, {"type": "kind", "kind": "events"}) == TableState(kind="events")
    for bad in ({"type": "page", "page": "2"}, {"type": "kind", "kind": "people"}, {"type": "dance"}):
        with pytest.raises(TableError):
            table_state_after(s, bad)


# -- what the page receives --------------------------------------------------------------------------


def test_plotly_js_is_the_packaged_bundle_compressed() -> None:
    asset = plotly_asset()  # the workbook's partial bundle, shipped as package data
    raw = plotly_bundle_path().read_bytes()
    assert gzip.decompress(asset.gz) == raw and asset.n_bytes == len(raw)
    assert len(asset.gz) < len(raw) / 2
    assert re.fullmatch(r"plotly\.js-workbook@\d+\.\d+\.\d+", asset.key)
    full = plotly_asset(full=True)  # plotly's whole bundle, for figures of other trace types
    raw_full = plotly_js_path().read_bytes()
    assert gzip.decompress(full.gz) == raw_full and re.fullmatch(r"plotly\.js@\d+\.\d+\.\d+", full.key)
    assert len(raw) < 0.35 * len(raw_full)  # what the page evaluates before drawing: a third or less
    # the same plotly.js release as the Python plotly package that writes the figures
    assert asset.key.split("@")[1] == full.key.split("@")[1]
    geo = geo_asset()
    assert geo is not None and "PlotlyGeoAssets" in geo.source() and "asia_50m" in geo.source()
    assert GZIP_LEVEL == 6


def test_compressed_scripts_are_cached_on_disk(tmp_path: Path) -> None:
    calls: list[int] = []

    def make() -> bytes:
        calls.append(1)
        return b"window.x = 1;" * 1000

    first = cached_script("x@1", "x-abc.js.gz", make, tmp_path)
    assert calls == [1] and (tmp_path / "x-abc.js.gz").read_bytes() == first.gz
    assert gzip.decompress(first.gz) == make() and first.n_bytes == 13_000
    calls.clear()
    again = cached_script("x@1", "x-abc.js.gz", make, tmp_path)
    assert calls == [] and again == first  # read back, not made again
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # written atomically, nothing left over
    (tmp_path / "x-abc.js.gz").write_bytes(first.gz[: len(first.gz) // 2])  # a truncated copy is made again
    assert cached_script("x@1", "x-abc.js.gz", make, tmp_path) == first and calls == [1]
    assert cached_script("x@1", "x.js.gz", make, None) == first  # no cache folder: in memory only
    old, recent = tmp_path / "x-old.js.gz", tmp_path / "x-recent.js.gz"  # other versions of the same script
    old.write_bytes(first.gz)
    recent.write_bytes(first.gz)
    os.utime(old, (0, 0))
    cached_script("x@2", "x-new.js.gz", make, tmp_path)
    assert not old.exists() and recent.exists()  # unused for a month: removed when a new version is written
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert cached_script("x@1", "x.js.gz", make, blocked / "sub") == first  # an unwritable cache is skipped


def test_the_cache_folder_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBOOK_CACHE_DIR", str(tmp_path))
    assert asset_cache_dir() == tmp_path / "assets"
    monkeypatch.setenv("WORKBOOK_CACHE_DIR", "off")
    assert asset_cache_dir() is None
    monkeypatch.delenv("WORKBOOK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if assets.sys.platform.startswith("linux"):
        assert asset_cache_dir() == tmp_path / "xdg" / "workbook" / "assets"


def test_the_bundle_cache_is_keyed_by_version_and_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBOOK_CACHE_DIR", str(tmp_path))
    plotly_asset.cache_clear()
    geo_asset.cache_clear()
    try:
        asset = plotly_asset()
        geo = geo_asset()
    finally:
        plotly_asset.cache_clear()
        geo_asset.cache_clear()
    names = sorted(p.name for p in (tmp_path / "assets").iterdir())
    version = asset.key.split("@")[1]
    assert len(names) == 2 and names[1].startswith(f"plotlywb-{version}-") and names[0].startswith("geo-")
    assert geo is not None and (tmp_path / "assets" / names[0]).read_bytes() == geo.gz


def test_figure_payload_sends_templates_once(tiny_book: Book) -> None:
    templates: dict[str, object] = {}
    a = figure_payload(build_view(tiny_book, "entities"), templates)
    b = figure_payload(build_view(tiny_book, "claims"), templates)
    assert len(templates) == 1
    assert a["layout"]["template"] == b["layout"]["template"] == next(iter(templates))
    json.dumps(a)


@pytest.mark.parametrize("kind", ["claims", "events", "mentions", "documents"])
def test_every_column_of_every_table_sorts(tiny_book: Book, kind: str) -> None:
    src = TableSource.build(tiny_book, kind)
    everything = sorted(table_page(src, None, page_size=100).row_ids)
    for col in src.columns:
        for descending in (False, True):
            page = table_page(src, None, col.key, descending, page_size=100)
            assert sorted(page.row_ids) == everything, (col.key, descending)
