"""The chart catalogue: every record is consistent with its builder, the data model, the explorer and
the report, so that a chart declared there is drawn alike everywhere."""

from __future__ import annotations

import inspect

import pytest

from tests.conftest import make_launches
from workbook.book import Book
from workbook.charts import ChartCache
from workbook.charts.catalog import (
    ALIASES,
    CATALOG,
    CHART_NAMES,
    CLICK_RULES,
    DEFAULT_REPORT_CHARTS,
    DEFAULT_VIEWS,
    chart_kind,
    chart_name,
    chart_options,
    draw_chart,
)
from workbook.errors import ChartError
from workbook.explore.state import CLICKS, DEFAULT_VIEW_OPTIONS, VIEW_TABLES, VIEWS
from workbook.export.command import DEFAULT_CHARTS
from workbook.export.specs import CHARTS
from workbook.model import TABLES


def test_every_record_fits_its_builder_and_the_model() -> None:
    tables = set(TABLES)
    for name, kind in CATALOG.items():
        params = inspect.signature(kind.builder).parameters
        assert set(kind.defaults) <= set(params), name  # every default is an option of the builder
        assert "cache" in params and (("names" in params) == kind.takes_names), name
        assert set(kind.tables) <= tables and set(kind.cites) <= tables and kind.tables, name
        assert kind.click in CLICK_RULES and kind.label, name


def test_explorer_report_and_cli_read_the_catalogue() -> None:
    assert VIEWS == CHART_NAMES and set(DEFAULT_VIEWS) <= set(VIEWS)
    assert CHARTS is CATALOG and DEFAULT_CHARTS == DEFAULT_REPORT_CHARTS
    assert {n: dict(o) for n, o in DEFAULT_VIEW_OPTIONS.items()} == {n: dict(k.defaults) for n, k in CATALOG.items()}
    assert dict(VIEW_TABLES) == {n: k.tables for n, k in CATALOG.items()}
    assert set(CLICKS) == set(CLICK_RULES)  # every click rule is applied by the explorer


def test_aliases_are_the_builders_names() -> None:
    for alias, name in ALIASES.items():
        assert CATALOG[name].builder.__name__ == alias and chart_name(alias) == name
        assert chart_kind(alias) is CATALOG[name]
    assert chart_options("claims_by_confidence", {"max_speakers": 3}) == {"max_speakers": 3}
    assert chart_options("timeline") == {"color_by": "precision", "max_marks": 1500, "max_bars": 400}
    with pytest.raises(ChartError, match="Unknown chart 'pie'; the charts are timeline, claims"):
        chart_name("pie")


@pytest.mark.parametrize("name", CHART_NAMES)
def test_draw_chart_is_the_builder_with_the_catalogue_options(tiny_book: Book, name: str) -> None:
    kind = CATALOG[name]
    fig = draw_chart(tiny_book, name, cache=ChartCache(tiny_book))
    assert fig.to_json() == kind.builder(tiny_book, **kind.defaults).to_json()
    layered = draw_chart(tiny_book, name, launches=make_launches())
    has_layer = any(isinstance(t.meta, dict) and t.meta.get("layer") == "launches" for t in layered.data)
    assert has_layer == kind.launch_layer
