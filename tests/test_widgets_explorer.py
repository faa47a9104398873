"""The explorer driven from Python, no browser: controls, clicks, undo/reset, the log, the table, the reader,
and what the page is sent (plotly.js once, no network, nothing unescaped)."""

from __future__ import annotations

import gzip
import json
import re
from datetime import date
from typing import Any

import ipywidgets as w
import pandas as pd
import pytest

from tests.conftest import make_tiny_book
from workbook.book import Book
from workbook.filtering import FilterSpec, apply
from workbook.ids import span_id
from workbook.model import conform
from workbook.widgets import (
    Explorer,
    FigureViewError,
    PlotHost,
    PlotlyAsset,
    TableView,
    explore,
    figure_view,
    shared_asset,
    show,
)
from workbook.widgets.assets import needs_full_plotly, plotly_asset, plotly_bundle_path

pytestmark = pytest.mark.widgets

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def ex(tiny_book: Book) -> Explorer:
    return explore(tiny_book)


def _ids(book: Book) -> dict[str, str]:
    return dict(zip(book.entities["name"], book.entities["entity_id"], strict=True))


def _customdata(fig: dict[str, Any]) -> list[Any]:
    return [cd for trace in fig["data"] for cd in (trace.get("customdata") or [])]


def _option(select: w.SelectMultiple, label_start: str) -> str:
    return next(v for label, v in select.options if label.startswith(label_start))


def _figures(ex: Explorer) -> dict[str, str]:
    return {v: json.dumps(ex.figure(v), sort_keys=True) for v in ex.views}


def _walk(widget: w.Widget) -> list[w.Widget]:
    out = [widget]
    for child in getattr(widget, "children", ()) or ():
        out += _walk(child)
    return out


def test_explore_builds_every_part(ex: Explorer, tiny_book: Book) -> None:
    assert set(ex.host.figures) == {"timeline", "claims", "entities", "network", "map"}
    assert all(ex.figure(v)["data"] for v in ex.views)
    assert ex.table.total == 3 and ex.table.row_ids == list(tiny_book.claims["claim_id"])
    assert ex.spec == FilterSpec() and ex.log == []
    assert ex._repr_mimebundle_()["application/vnd.jupyter.widget-view+json"]["model_id"] == ex.widget.model_id
    assert "no filters" in ex.summary.value


def test_choosing_an_entity_leaves_its_document(ex: Explorer, tiny_book: Book) -> None:
    sinpho = _ids(tiny_book)["Sinpho"]
    select = ex.panel.controls["entity_ids"]
    select.value = (_option(select, "Sinpho"),)
    assert ex.spec == FilterSpec(entity_ids=(sinpho,))
    doc0 = tiny_book.documents["doc_id"][0]
    event0 = tiny_book.events["event_id"][0]
    assert list(ex.filtered.documents["doc_id"]) == [doc0]
    assert _customdata(ex.figure("timeline")) == [[event0, doc0]]
    assert ex.table.total == 0  # no claim involves Sinpho (claims follow entity_ids through speaker/entity_ids)
    ex.table_tabs.value = "mentions"
    assert set(ex.table.row_ids) == set(tiny_book.mentions["mention_id"][:3])
    assert "entities: Sinpho" in ex.summary.value


CONTROL_CASES = [
    ("entity_types", ("place",), {"entity_types": ("place",)}),
    ("date_from", date(2020, 1, 1), {"date_from": date(2020, 1, 1)}),
    ("date_to", date(2019, 1, 1), {"date_to": date(2019, 1, 1)}),
    ("quote_kinds", ("indirect",), {"quote_kinds": ("indirect",)}),
    ("confidence_bands", ("roughly even chance",), {"confidence_bands": ("roughly even chance",)}),
    ("publishers", ("KCNA",), {"publishers": ("KCNA",)}),
    ("text", "Hwasong", {"text": "Hwasong"}),
]


@pytest.mark.parametrize(("control", "value", "expected"), CONTROL_CASES, ids=[c[0] for c in CONTROL_CASES])
def test_every_control_changes_the_spec_and_the_views(
    ex: Explorer, tiny_book: Book, control: str, value: Any, expected: dict[str, Any]
) -> None:
    before = _figures(ex)
    ex.panel.controls[control].value = value
    assert ex.spec == FilterSpec(**expected)
    after = _figures(ex)
    assert any(before[v] != after[v] for v in ex.views), "no view changed"
    view = apply(tiny_book, ex.spec)
    assert ex.table.total == len(view.claims)
    assert [a for a, _ in [(c.action, c) for c in ex.log]] == [f"control:{control}"]


def test_speaker_selector_and_toggle_buttons(ex: Explorer, tiny_book: Book) -> None:
    lewis = _ids(tiny_book)["Jeffrey Lewis"]
    ex.panel.controls["speakers"].value = (lewis,)
    assert ex.spec.speakers == (lewis,) and ex.table.total == 2
    ex.panel.controls["entity_types"].buttons["weapon_system"].value = True  # a click on the toggle
    assert ex.spec.entity_types == ("weapon_system",)
    assert len(ex.filtered.documents) == 0


def test_setting_the_spec_updates_controls_and_views(ex: Explorer, tiny_book: Book) -> None:
    ids = _ids(tiny_book)
    spec = FilterSpec(entity_ids=(ids["Pyongyang"],), entity_types=("place", "weapon_system"), text="factory")
    ex.spec = spec
    assert ex.panel.controls["entity_ids"].value == (ids["Pyongyang"],)
    assert ex.panel.controls["entity_types"].value == ("place", "weapon_system")
    assert ex.panel.controls["entity_types"].buttons["place"].value is True
    assert ex.panel.controls["text"].value == "factory"
    assert ex.log[-1].action == "set" and len(ex.log) == 1  # showing the spec did not log more changes
    assert _customdata(ex.figure("map")) == [[ids["Pyongyang"]]]
    with pytest.raises(Exception, match="FilterSpec"):
        ex.spec = {"text": "x"}  # type: ignore[assignment]


def test_views_out_of_sight_are_built_when_they_come_into_sight(tiny_book: Book) -> None:
    kim = _ids(tiny_book)["Kim Jong Un"]
    lazy, eager = explore(tiny_book), explore(tiny_book)
    assert lazy.host.lazy and lazy.host.in_sight is None  # no page yet: every view is built
    lazy.host.handle_message({"type": "sight", "views": ["timeline", "claims", "not a view"]})
    assert lazy.host.in_sight == {"timeline", "claims"}
    before = dict(lazy.host.figures)
    for ex in (lazy, eager):
        ex.spec = FilterSpec(entity_ids=(kim,))
    # the views out of sight whose rows changed keep their old figure, marked stale for the page
    assert lazy.host.stale == ["entities", "map", "network"] and not eager.host.stale
    assert all(lazy.host.figures[v] == before[v] for v in lazy.host.stale)
    assert lazy.host.figures["claims"] == eager.host.figures["claims"] != before["claims"]
    assert lazy.timings["charts"] >= 0
    # one coming into sight is built then (the page reports it); Python asking for one builds it too
    lazy.host.handle_message({"type": "sight", "views": ["claims", "network"]})
    assert lazy.host.stale == ["entities", "map"] and lazy.host.in_sight == {"claims", "network"}
    assert lazy.host.figures["network"] == eager.host.figures["network"]
    assert lazy.figure("map") == eager.figure("map") and lazy.host.stale == ["entities"]
    # Reset: a view out of sight whose figure is kept (the first draw's) is sent as it is, no longer stale
    for ex in (lazy, eager):
        ex.reset()
    assert lazy.host.stale == [] and lazy.host.figures == eager.host.figures
    lazy.host.handle_message({"type": "sight", "views": "timeline"})  # malformed: ignored
    assert lazy.host.in_sight == {"claims", "network"}


def test_in_a_kernel_the_first_draw_builds_the_first_view_then_those_the_page_has_in_sight(tiny_book: Book) -> None:
    import asyncio

    eager = explore(tiny_book)  # no event loop (a script, a test): every view at once
    assert not eager.host.stale and set(eager.host.figures) == set(eager.views)

    async def in_a_kernel() -> tuple[list[str], set[str], Explorer]:
        ex = explore(tiny_book)  # as in a cell: the event loop is busy with it
        first = (list(ex.host.stale), set(ex.host.figures))
        await asyncio.sleep(0)  # the cell is over: nothing is built before the page says what it shows
        assert set(ex.host.figures) == first[1]
        return first[0], first[1], ex

    stale, built, ex = asyncio.run(in_a_kernel())
    assert built == {ex.views[0]} and stale == sorted(ex.views[1:])
    # the page reports the views in sight (as soon as it shows the host): those are built, the others wait
    in_sight, below = list(ex.views[:2]), sorted(ex.views[2:])
    ex.host.handle_message({"type": "sight", "views": in_sight})
    assert set(ex.host.figures) == set(in_sight) and ex.host.stale == below
    assert all(ex.host.figures[v] == eager.host.figures[v] for v in in_sight)
    # scrolled to, or asked for from Python: built then, equal to the eager explorer's
    ex.host.handle_message({"type": "sight", "views": [below[0]]})
    assert ex.figure(below[1]) == eager.figure(below[1])
    assert [ex.figure(v) for v in ex.views] == [eager.figure(v) for v in ex.views] and not ex.host.stale


def test_a_click_on_an_entity_bar_filters_every_view(ex: Explorer, tiny_book: Book) -> None:
    kim = _ids(tiny_book)["Kim Jong Un"]
    assert [kim] in _customdata(ex.figure("entities"))
    before = _figures(ex)
    ex.host.handle_message({"type": "click", "view": "entities", "points": [{"customdata": [kim], "curve": 0}]})
    assert ex.spec == FilterSpec(entity_ids=(kim,))
    after = _figures(ex)
    assert all(before[v] != after[v] for v in ("claims", "entities", "network", "map"))
    assert after["timeline"] == before["timeline"]  # both events involve Kim
    assert {cd[1] for cd in _customdata(ex.figure("timeline"))} == set(tiny_book.documents["doc_id"][:2])
    assert ex.figure("claims")["layout"]["annotations"][0]["text"].startswith("No data")
    assert ex.panel.controls["entity_ids"].value == (kim,)
    assert ex.log[-1].action == "click:entities"


def test_clicks_on_other_views(ex: Explorer, tiny_book: Book) -> None:
    ids = _ids(tiny_book)
    node = next(cd for cd in _customdata(ex.figure("network")) if cd == [ids["Donald Trump"]])
    ex.host.handle_message({"type": "click", "view": "network", "points": [{"customdata": node}]})
    assert ex.spec.entity_ids == (ids["Donald Trump"],)
    ex.reset()
    cell = next(cd for cd in _customdata(ex.figure("claims")) if cd[2] == "likely" and cd[0] == "entity")
    ex.host.handle_message({"type": "click", "view": "claims", "points": [{"customdata": cell}]})
    assert ex.spec == FilterSpec(speakers=(ids["Jeffrey Lewis"],), confidence_bands=("likely",))
    assert ex.table.total == 1
    ex.reset()
    event = _customdata(ex.figure("timeline"))[0]
    ex.host.handle_message({"type": "click", "view": "timeline", "points": [{"customdata": event}]})
    assert ex.spec == FilterSpec(doc_ids=(event[1],))
    assert f'data-doc-id="{event[1]}"' in ex.reader.value  # the reader opened the event's document
    ex.reset()
    place = _customdata(ex.figure("map"))[-1]
    ex.host.handle_message({"type": "click", "view": "map", "points": [{"customdata": place}]})
    assert ex.spec.entity_ids == tuple(place)


def test_malformed_messages_change_nothing(ex: Explorer) -> None:
    for msg in (
        {"type": "click", "view": "pie", "points": [{"customdata": ["x"]}]},
        {"type": "click", "view": "claims", "points": [{"customdata": ["x"]}]},
        {"type": "click", "view": "entities", "points": "nope"},
        {"type": "unknown"},
        {},
    ):
        ex.host.handle_message(msg)
        ex.table.handle_message(msg)
    ex.table.handle_message({"type": "page", "page": "two"})
    assert ex.spec == FilterSpec() and ex.log == []


def test_undo_reset_clear_and_the_log(ex: Explorer, tiny_book: Book) -> None:
    ids = _ids(tiny_book)
    assert ex.panel.undo_button.disabled
    ex.panel.controls["text"].value = "missile"
    ex.host.handle_message({"type": "click", "view": "entities", "points": [{"customdata": [ids["Kim Jong Un"]]}]})
    assert ex.spec == FilterSpec(text="missile", entity_ids=(ids["Kim Jong Un"],))
    assert not ex.panel.undo_button.disabled
    ex.panel.undo_button.click()
    assert ex.spec == FilterSpec(text="missile")
    assert ex.panel.controls["entity_ids"].value == ()
    [clear] = ex.panel.clear_box.children
    assert "missile" in clear.description
    clear.click()
    assert ex.spec == FilterSpec()
    ex.panel.controls["quote_kinds"].value = ("direct",)
    ex.panel.reset_button.click()
    assert ex.spec == FilterSpec() and ex.panel.controls["quote_kinds"].value == ()
    ex.undo()
    assert ex.spec == FilterSpec(quote_kinds=("direct",))
    actions = [c.action for c in ex.log]
    assert actions == ["control:text", "click:entities", "undo", "clear:text", "control:quote_kinds", "reset", "undo"]
    assert [c.changes for c in ex.log][:2] == [{"text": ["", "missile"]}, {"entity_ids": [[], [ids["Kim Jong Un"]]]}]
    times = [c.time for c in ex.log]
    assert times == sorted(times)
    assert [FilterSpec.from_json(c.spec_json) for c in ex.log][-1] == ex.spec
    json.dumps([c.to_dict() for c in ex.log])
    # in a notebook the log is a table naming what changed (entities by name), not FilterChange reprs
    page = ex.log._repr_html_()
    assert page.startswith("<table") and page.count("<tr>") == len(actions) + 1
    assert "entities +Kim Jong Un" in page and "FilterChange(" not in page
    assert ex.log.to_dict() == [c.to_dict() for c in ex.log] and len(ex.log.to_frame()) == len(actions)


def test_views_are_rebuilt_only_when_their_rows_change(ex: Explorer, monkeypatch: pytest.MonkeyPatch) -> None:
    import workbook.widgets.explorer_views as module

    built: list[str] = []
    real = module.build_view

    def counting(book: Book, view: str, opts: Any = None, **kw: Any) -> Any:
        built.append(view)
        return real(book, view, opts, **kw)

    monkeypatch.setattr(module, "build_view", counting)
    ex.panel.controls["text"].value = "missile"
    assert sorted(built) == sorted(ex.views)
    built.clear()
    ex.undo()
    assert built == []  # back to the unfiltered figures, from the cache


def test_table_rows_sort_page_and_select(tiny_book: Book) -> None:
    ex = explore(tiny_book, page_size=2)
    assert ex.table.total == 3 and len(ex.table.rows) == 2 and ex.table.n_pages == 2
    ex.table.handle_message({"type": "page", "page": 1})
    assert ex.table.page == 1 and ex.table.row_ids == [tiny_book.claims["claim_id"][2]]
    ex.table.handle_message({"type": "sort", "column": "confidence"})
    conf = [c["key"] for c in ex.table.columns].index("confidence")
    assert (ex.table.sort_by, ex.table.descending, ex.table.page) == ("confidence", False, 0)
    assert [r[conf] for r in ex.table.rows] == ["roughly even chance", "likely"]
    ex.table.handle_message({"type": "sort", "column": "confidence"})
    assert ex.table.descending and [r[conf] for r in ex.table.rows] == ["likely", "likely"]
    # the rows are the filtered claims
    ex.panel.controls["quote_kinds"].value = ("direct", "indirect")
    assert set(ex.table.row_ids) == set(apply(tiny_book, ex.spec).claims["claim_id"])
    ex.table_tabs.value = "events"
    assert ex.table.caption == "2 events" and ex.table.columns[0]["key"] == "date_start"
    ex.table_tabs.value = "documents"
    assert ex.table.total == 2
    row = ex.table.row_ids[0]
    ex.table.handle_message({"type": "select", "row_id": row})
    assert ex.table.selected == row and f'data-doc-id="{row}"' in ex.reader.value


def test_entity_search_box_lists_matches_with_counts(ex: Explorer, tiny_book: Book) -> None:
    ex.panel.entity_query.value = "kim"
    assert [label for label, _ in ex.panel.controls["entity_ids"].options] == ["Kim Jong Un (2)"]
    ex.panel.controls["entity_ids"].value = (_ids(tiny_book)["Kim Jong Un"],)
    ex.panel.entity_query.value = "sin"
    labels = [label for label, _ in ex.panel.controls["entity_ids"].options]
    assert labels == ["Kim Jong Un (2)", "Sinpho (1)"]  # the selection stays listed
    assert ex.spec.entity_ids == (_ids(tiny_book)["Kim Jong Un"],)


# -- what reaches the page ---------------------------------------------------------------------------


def _hostile_book() -> Book:
    """The tiny Book with a script tag in a title, a publisher, a document's text (inside a claim, an event's
    sentence and a mention of an entity whose name is the script)."""
    base = make_tiny_book()
    docs = base.documents.copy()
    text0 = str(docs.loc[0, "text"]) + f" Officials said {SCRIPT} on Monday."
    docs["publisher"] = docs["publisher"].astype(object)  # a labels column: new values go in as text
    docs.loc[0, ["title", "publisher", "text", "n_chars"]] = [f"Report {SCRIPT}", f"<b>{SCRIPT}</b>", text0, len(text0)]
    did = str(docs.loc[0, "doc_id"])
    s = text0.index(SCRIPT)
    e = s + len(SCRIPT)
    ent = {
        "entity_id": "eevil",
        "name": SCRIPT,
        "type": "organization",
        "aliases": [SCRIPT],
        "n_mentions": 1,
        "n_docs": 1,
        "origin": "rules",
    }
    mention = {
        "mention_id": span_id("m", did, s, e),
        "doc_id": did,
        "start": s,
        "end": e,
        "entity_id": "eevil",
        "surface": SCRIPT,
        "sentence": 2,
        "resolution": "exact",
        "candidates": [],
    }
    claim = {
        "claim_id": span_id("c", did, s, e),
        "doc_id": did,
        "start": s,
        "end": e,
        "text": SCRIPT,
        "sentence": 2,
        "speaker_id": None,
        "speaker_text": SCRIPT,
        "quote_kind": "indirect",
        "cue": "said",
        "hedge": None,
        "confidence": "unhedged",
        "entity_ids": ["eevil"],
    }
    events = base.events.copy()
    events["context"] = events["context"].astype(object)
    events.loc[0, "context"] = f"Kim visited {SCRIPT} on Monday."
    return base.with_tables(
        documents=conform("documents", docs),
        entities=conform("entities", pd.concat([base.entities, pd.DataFrame([ent])], ignore_index=True)),
        mentions=conform("mentions", pd.concat([base.mentions, pd.DataFrame([mention])], ignore_index=True)),
        claims=conform("claims", pd.concat([base.claims, pd.DataFrame([claim])], ignore_index=True)),
        events=conform("events", events),
    )


def _shown(fig: dict[str, Any]) -> dict[str, Any]:
    """The figure without customdata: the click channel (ids, and the speaker as written, which the speakers
    filter matches), which the page's JS reads only to send back with a click and never draws."""
    return {**fig, "data": [{k: v for k, v in t.items() if k != "customdata"} for t in fig["data"]]}


def _state_text(widget: w.Widget) -> str:
    state = widget.get_state()
    keep = {k: v for k, v in state.items() if not isinstance(v, bytes | memoryview) and k not in ("_esm", "_css")}
    if "figures" in keep:
        keep["figures"] = {view: _shown(fig) for view, fig in keep["figures"].items()}
    return json.dumps(keep, default=str)


def test_no_unescaped_script_reaches_the_page() -> None:
    book = _hostile_book()
    ex = explore(book, views=("timeline", "claims", "entities", "network", "map", "mentions"))
    ex.panel.entity_query.value = "script"
    claim = book.claims["claim_id"].iloc[-1]
    ex.table.handle_message({"type": "select", "row_id": claim})
    assert ex.table.selected == claim and "&lt;script&gt;" in ex.reader.value
    for view, fig in ex.host.figures.items():  # every string drawn is escaped (see _shown)
        assert "<script" not in json.dumps(_shown(fig)).lower(), view
    for view in ("claims", "entities", "timeline"):  # the hostile speaker, entity and sentence are shown, escaped
        assert "&lt;script&gt;" in json.dumps(ex.host.figures[view]), view
    widgets = _walk(ex.widget)
    assert ex.host in widgets and ex.table in widgets and ex.reader in widgets
    for widget in widgets:
        assert "<script" not in _state_text(widget).lower(), f"{type(widget).__name__} holds an unescaped script"
    escaped = json.dumps(ex.table.rows)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in escaped  # shown, escaped
    # a filter that keeps the hostile document: its options and captions stay inert too
    ex.panel.controls["entity_ids"].value = ("eevil",)
    for widget in _walk(ex.widget):
        assert "<script" not in _state_text(widget).lower()


def test_plotly_js_is_sent_once_and_nothing_from_the_network(ex: Explorer) -> None:
    widgets = _walk(ex.widget)
    hosts = [x for x in widgets if isinstance(x, PlotHost)]
    assert hosts == [ex.host]
    assert not any(type(x).__name__ == "FigureWidget" for x in widgets)
    # the host's own state carries no script: only a reference to the kernel's one PlotlyAsset
    state = ex.host.get_state()
    assert not [k for k, v in state.items() if isinstance(v, bytes | memoryview)]
    assert state["asset"] == f"IPY_MODEL_{shared_asset().model_id}"
    assert sum(len(json.dumps(v, default=str)) for v in state.values()) < 200_000
    asset = shared_asset().get_state()
    raw = plotly_bundle_path().read_bytes()
    assert gzip.decompress(asset["plotly_js"]) == raw  # the partial bundle, once, compressed
    assert len(asset["plotly_js"]) < 0.4 * len(raw) and len(asset["geo_js"]) < 300_000
    assert len(asset["plotly_js"]) < 0.4 * len(plotly_asset(full=True).gz)  # not plotly's whole bundle
    assert b"asia_50m" in gzip.decompress(asset["geo_js"])
    assert asset["plotly_key"].startswith("plotly.js-workbook@") and asset["geo_key"].startswith("geo@")
    assert not shared_asset().full and not any(needs_full_plotly(f) for f in ex.host.figures.values())
    for widget in (ex.host, ex.table, shared_asset()):
        assert isinstance(widget, PlotHost | TableView | PlotlyAsset)
        assert widget._esm.strip() and not re.search(r"https?://", widget._esm + getattr(widget, "_css", ""))
    assert "plotly_click" in ex.host._esm and "DecompressionStream" in ex.host._esm
    assert "widget_manager.get_model" in ex.host._esm and "initialize" in shared_asset()._esm
    # the page drew the figures: the rendered report is recorded
    ex.host.handle_message({"type": "rendered", "views": ["timeline"], "ms": 321})
    assert ex.host.rendered["timeline"]["ms"] == 321


def test_every_host_shares_one_asset_model(tiny_book: Book, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[PlotlyAsset] = []
    real_init = PlotlyAsset.__init__

    def counting(self: PlotlyAsset, **kwargs: Any) -> None:
        made.append(self)
        real_init(self, **kwargs)

    shared_asset().close()  # start from no asset: the next host makes the one of this "session"
    monkeypatch.setattr(PlotlyAsset, "__init__", counting)
    a, b = explore(tiny_book), explore(tiny_book)
    view = figure_view(timeline=a.host.figures["timeline"])
    assert len(made) == 1  # plotly.js went to the page once, for three hosts
    assert a.host.asset is b.host.asset is view.asset is shared_asset() is made[0]
    refs = {h.get_state()["asset"] for h in (a.host, b.host, view)}
    assert refs == {f"IPY_MODEL_{made[0].model_id}"}
    assert a.host.model_id != b.host.model_id != view.model_id


def test_a_closed_asset_is_made_again() -> None:
    first = shared_asset()
    first.close()
    second = shared_asset()
    assert second is not first and second.comm is not None and second.plotly_js == first.plotly_js
    assert PlotHost().asset is second


def test_figure_view_shows_figures_with_the_shared_asset(tiny_book: Book) -> None:
    from workbook.charts import place_map, timeline

    fig_t, fig_m = timeline(tiny_book), place_map(tiny_book)
    host = figure_view(fig_t, fig_m)
    assert host.views == ["figure 1", "figure 2"] and host.columns == 1
    assert host.figures["figure 2"]["data"] and isinstance(host.figures["figure 1"]["layout"]["template"], str)
    assert host.revisions == {"figure 1": 1, "figure 2": 1}
    named = figure_view({"map": fig_m}, columns=2)
    assert named.views == ["map"] and named.columns == 2
    both = figure_view(fig_t, map=fig_m.to_dict())  # a figure dict (numpy arrays inside) works too
    assert both.views == ["figure 1", "map"]
    json.dumps(both.figures)
    assert both.figures["map"]["data"][0]["type"] == host.figures["figure 2"]["data"][0]["type"]
    assert not [k for k, v in host.get_state().items() if isinstance(v, bytes | memoryview)]
    for bad in ((), ("not a figure",), ({"a": 1},)):
        with pytest.raises(FigureViewError):
            figure_view(*bad)
    with pytest.raises(FigureViewError, match="named"):
        figure_view({"map": fig_m}, map=fig_m)


def test_the_partial_bundle_draws_every_chart_type_and_others_get_the_full_one(tiny_book: Book) -> None:
    from pathlib import Path

    from workbook.charts.common import TRACE_TYPES
    from workbook.widgets.assets import BUNDLE_TRACES

    assert set(TRACE_TYPES) <= BUNDLE_TRACES  # every trace type a chart draws is in the partial bundle
    recipe = (Path(__file__).resolve().parents[1] / "scripts" / "plotly_bundle" / "entry.js").read_text("utf-8")
    registered = set(re.findall(r"require\('plotly\.js/lib/(\w+)'\)", recipe)) - {"core"}
    assert registered | {"scatter"} == BUNDLE_TRACES  # the recipe registers what the Python side expects
    bar = {"data": [{"type": "bar", "x": [1], "y": [2]}], "layout": {"xaxis": {"type": "date"}}}
    assert not needs_full_plotly(bar) and not needs_full_plotly({"data": [{"x": [1]}]})  # no type: a scatter
    assert needs_full_plotly({"data": [{"type": "heatmap", "z": [[1]]}]})
    assert needs_full_plotly({"data": [{"type": "scatter", "xcalendar": "ethiopian"}]})
    assert needs_full_plotly({"data": [], "layout": {"xaxis": {"calendar": "nepali"}}})
    # figure_view makes its host with the bundle its figures need
    assert not figure_view(bar).asset.full
    heat = figure_view(bar, {"data": [{"type": "heatmap", "z": [[1, 2]]}]})
    assert heat.asset.full and heat.asset is shared_asset(full=True) is not shared_asset()
    assert heat.asset.plotly_key.startswith("plotly.js@") and shared_asset().plotly_key.startswith("plotly.js-")
    # a host given such a figure later switches to the full bundle (and stays there)
    ex = explore(tiny_book)
    assert ex.host.asset is shared_asset()
    assert ex.host.set_figures({"extra": {"data": [{"type": "pie", "values": [1, 2]}]}}) == ["extra"]
    assert ex.host.asset is shared_asset(full=True)
    assert ex.host.get_state()["asset"] == f"IPY_MODEL_{shared_asset(full=True).model_id}"
    ex.host.set_figures({"extra": bar})
    assert ex.host.asset.full


def test_show_displays_a_figure_view(tiny_book: Book, monkeypatch: pytest.MonkeyPatch) -> None:
    import IPython.display

    from workbook.charts import timeline

    shown: list[object] = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **_kw: shown.extend(objs))
    assert show(timeline(tiny_book)) is None
    [host] = shown
    assert isinstance(host, PlotHost) and host.views == ["figure 1"] and host.asset is shared_asset()


def test_an_empty_book_explores() -> None:
    ex = explore(Book())
    assert ex.table.total == 0 and set(ex.host.figures) == set(ex.views)
    ex.panel.controls["text"].value = "missile"
    assert ex.spec == FilterSpec(text="missile")
    for kind in ("events", "mentions", "documents"):
        ex.table_tabs.value = kind
        assert ex.table.caption == f"0 {kind}"
    ex.table.handle_message({"type": "sort", "column": "published"})
    assert ex.table.sort_by == "published"


def test_a_filter_change_computes_the_masks_once(ex: Explorer, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    filtering = sys.modules["workbook.filtering.apply"]  # the module (the package's ``apply`` is the function)
    calls: list[FilterSpec] = []
    real = filtering.compute_masks

    def counting(spec: FilterSpec, index: Any) -> Any:
        calls.append(spec)
        return real(spec, index)

    monkeypatch.setattr(filtering, "compute_masks", counting)
    monkeypatch.setattr("workbook.widgets.explorer.compute_masks", counting)
    kim = _ids(ex.book)["Kim Jong Un"]
    ex.spec = FilterSpec(entity_ids=(kim,), text="missile")
    assert calls == [ex.spec]  # the explorer's masks make its filtered Book too
    fresh = apply(make_tiny_book(), ex.spec)  # another Book: nothing kept from the explorer's
    for name in ("documents", "mentions", "claims", "events", "entities"):
        pd.testing.assert_frame_equal(
            ex.filtered.table(name).reset_index(drop=True), fresh.table(name).reset_index(drop=True)
        )


def test_once_the_page_listens_a_change_sends_only_the_changed_figures(ex: Explorer) -> None:
    sent: list[dict[str, Any]] = []
    ex.host._send = lambda msg, buffers=None: sent.append(msg)  # type: ignore[method-assign]
    kim = _ids(ex.book)["Kim Jong Un"]
    ex.spec = FilterSpec(entity_ids=(kim,))  # no page yet: the whole trait is synced, as before
    assert any("figures" in m.get("state", {}) for m in sent if m["method"] == "update")
    ex.reset()
    ex.host.handle_message({"type": "sight", "views": list(ex.views)})  # the page's module runs: it listens
    sent.clear()
    ex.spec = FilterSpec(entity_ids=(kim,))
    assert not any({"figures", "revisions"} & set(m.get("state", {})) for m in sent if m["method"] == "update")
    [message] = [m["content"] for m in sent if m["method"] == "custom"]
    changed = {"claims", "entities", "network", "map"}  # the timeline's rows did not change (both events are Kim's)
    assert message["type"] == "figures" and set(message["figures"]) == changed
    assert all(message["figures"][v] == ex.host.figures[v] for v in changed)
    assert message["revisions"] == ex.host.revisions  # Python's trait holds every figure, as the page's copy does


def test_in_a_kernel_the_filter_index_is_built_while_idle_after_the_first_draw(
    tiny_book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from workbook.filtering import FilterIndex
    from workbook.filtering.index import PARTS
    from workbook.widgets.idle_index import WARM_ATTRIBUTES

    book = make_tiny_book()  # its own index: nothing built by other tests

    async def in_a_kernel() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], Explorer]:
        ex = explore(book)
        index = FilterIndex.of(book)
        await asyncio.sleep(0.05)
        before = index.built  # the first draw needs no index
        assert ex.host.stale == sorted(ex.views[1:])  # nor the views out of sight
        ex.host.handle_message({"type": "rendered", "views": ["timeline"], "ms": 10})
        first = index.built  # not at once: while idle, one view or part a callback
        for _ in range(len(ex.views) + len(WARM_ATTRIBUTES) + 3):
            await asyncio.sleep(0.012)
        return before, first, index.built, ex

    monkeypatch.setattr("workbook.widgets.idle_index.IDLE_DELAY_S", 0.001)
    before, first, after, ex = asyncio.run(in_a_kernel())
    assert before == () and first == ()
    assert set(after) == {PARTS[name] for name in WARM_ATTRIBUTES}  # the texts' parts wait for a text search
    eager = explore(make_tiny_book())  # the views out of sight were built while idle, equal to an eager explorer's
    assert not ex.host.stale and ex.host.figures == eager.host.figures


def test_a_change_shows_the_status_line_before_the_views_are_built_and_logs_its_timings(
    ex: Explorer, tiny_book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    kim = _ids(tiny_book)["Kim Jong Un"]
    order: list[str] = []
    ex.summary.observe(lambda change: order.append("status"), names="value")
    draw = ex._views.draw
    monkeypatch.setattr(ex._views, "draw", lambda *a: (order.append("views"), draw(*a)))
    ex.table.observe(lambda change: order.append("table"), names="row_ids")
    ex.spec = FilterSpec(entity_ids=(kim,))
    assert order[:2] == ["status", "views"] and "table" in order[2:]
    # each refresh's parts, with when it started, for a benchmark's breakdown of a click
    last = ex.timings_log[-1]
    assert last["at"] > 0 and set(ex.timings) <= set(last)
    assert 0 <= last["filter"] <= last["views_sent"] <= last["total"]
    ex.reset()
    assert len(ex.timings_log) >= 3 and ex.timings_log[-1]["at"] >= last["at"]


def test_in_a_kernel_a_hidden_table_is_built_when_its_tab_is_shown(tiny_book: Book) -> None:
    import asyncio

    from workbook.widgets.explorer_layout import TAB_TITLES

    def page(ex: Explorer) -> tuple[str, list[str]]:
        return ex.table.caption, list(ex.table.row_ids)

    kim = _ids(tiny_book)["Kim Jong Un"]
    eager = explore(tiny_book)  # no event loop: the table follows every change
    whole = page(eager)
    eager.spec = FilterSpec(entity_ids=(kim,))
    filtered = page(eager)
    assert filtered != whole

    async def in_a_kernel() -> tuple[Explorer, tuple[str, list[str]], tuple[str, list[str]]]:
        ex = explore(tiny_book)  # the Views tab is shown: the table's page waits
        first = page(ex)
        ex.spec = FilterSpec(entity_ids=(kim,))
        return ex, first, page(ex)

    ex, first, hidden = asyncio.run(in_a_kernel())
    assert first == hidden == ("", [])  # never built while hidden
    ex.tabs.selected_index = TAB_TITLES.index("Table and reader")  # shown: built now, as the eager one
    assert page(ex) == filtered
    ex.tabs.selected_index = 0
    ex.reset()  # outside an event loop (as here now) the table follows at once
    assert page(ex) == whole
