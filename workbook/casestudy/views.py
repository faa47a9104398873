"""The case study's views: a Book of the visits (for the workbook's charts and exports), the timeline and
map with the launch layer, and the "visits within N days before a launch" widget.

:func:`visits_book` turns the appearances into the workbook's own tables, so that
:func:`workbook.charts.timeline`, :func:`workbook.charts.place_map` and :func:`workbook.export_report` work
on them unchanged: one event per story (its date expression, or the dateline's date when the date was
inferred, as provenance; ``kind`` = the activity), one place or facility entity per visited place with its
coordinates and uncertainty, weapon systems as entities, and a mention for each place the text names.
"""

from __future__ import annotations

import bisect
import html
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from workbook.book import Book
from workbook.casestudy.analysis import MAX_WINDOW_DAYS, visits, visits_before_launches
from workbook.casestudy.appearances import AppearanceTables, leader_documents
from workbook.extract.sentences import split_sentences
from workbook.ids import entity_id, span_id
from workbook.model import conform
from workbook.tables.layers import add_launch_layer

__all__ = ["visits_before_launch_widget", "visits_book", "visits_map", "visits_timeline"]

ORIGIN = "casestudy:site-visits"


def _sentence(text: str, start: int) -> tuple[int, str]:
    spans = split_sentences(text)
    if not spans:
        return 0, text
    i = max(bisect.bisect_right([s.start for s in spans], start) - 1, 0)
    return i, text[spans[i].start : max(spans[i].end, start)]


def visits_book(book: Book, tables: AppearanceTables) -> Book:
    """A Book of the visits (see the module docs), from the Book the appearances were extracted from."""
    docs = leader_documents(book)
    text = dict(zip(docs["doc_id"].astype(str), docs["text"].astype(str), strict=True))
    vis = visits(tables)
    ents: dict[str, dict[str, Any]] = {}
    mentions: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []

    def entity(type_: str, name: str) -> str:
        eid = entity_id(type_, name)
        ents.setdefault(eid, {"entity_id": eid, "name": name, "type": type_, "aliases": [], "origin": ORIGIN})
        return eid

    for v in vis.to_dict("records"):
        did = str(v["doc_id"])
        t = text[did]
        s, e = int(v["date_span_start"]), int(v["date_span_end"])
        sent, context = _sentence(t, s)
        ids: list[str] = []
        for p in tables.places[tables.places["doc_id"] == did].to_dict("records"):
            eid = entity("facility" if p["place_type"] == "facility" else "place", str(p["place"]))
            ids.append(eid)
            places.append(
                {k: p[k] for k in ("lat", "lon", "uncertainty_km", "coord_source", "source_name", "admin_area")}
                | {"entity_id": eid}
            )
            ps, pe = int(p["start"]), int(p["end"])
            if ps >= 0:
                mentions.append(
                    {
                        "mention_id": span_id("m", did, ps, pe),
                        "doc_id": did,
                        "start": ps,
                        "end": pe,
                        "entity_id": eid,
                        "surface": t[ps:pe],
                        "sentence": _sentence(t, ps)[0],
                        "resolution": "exact",
                        "candidates": [],
                    }
                )
        ids += [entity("weapon_system", str(w)) for w in v["weapons"]]
        events.append(
            {
                "event_id": span_id("v", did, s, e),
                "doc_id": did,
                "start": s,
                "end": e,
                "text": t[s:e],
                "sentence": sent,
                "context": context,
                "date_start": v["date_start"],
                "date_end": v["date_end"],
                "precision": "day" if v["date_start"] == v["date_end"] else "days",  # a "day" is one day
                "resolution": "relative",
                "anchor": v["published"],
                "kind": v["activity"],
                "entity_ids": list(dict.fromkeys(ids)),
            }
        )
    ment = pd.DataFrame(
        mentions,
        columns=[
            "mention_id",
            "doc_id",
            "start",
            "end",
            "entity_id",
            "surface",
            "sentence",
            "resolution",
            "candidates",
        ],
    ).drop_duplicates("mention_id")
    counts = ment.groupby("entity_id").agg(n_mentions=("mention_id", "size"), n_docs=("doc_id", "nunique"))
    ent_rows = [
        {**r, "n_mentions": int(counts["n_mentions"].get(k, 0)), "n_docs": int(counts["n_docs"].get(k, 0))}
        for k, r in ents.items()
    ]
    used = set(vis["doc_id"])
    return Book(
        documents=conform("documents", docs[docs["doc_id"].isin(used)]),
        entities=conform("entities", ent_rows),
        mentions=conform("mentions", ment),
        events=conform("events", events),
        places=conform("places", pd.DataFrame(places).drop_duplicates("entity_id") if places else []),
        manifest={"derived_from": book.manifest.get("build_id"), "origin": ORIGIN},
        workspace=book.workspace,
    )


def visits_timeline(vbook: Book, launches: pd.DataFrame, **options: Any) -> go.Figure:
    """The visits (one lane per activity) with the launches in a lane of their own, on Korea-time days."""
    from workbook.charts import timeline

    fig = add_launch_layer(timeline(vbook, color_by="kind", **options), launches)
    fig.update_layout(title={"text": "The leader's appearances (KCNA, 2024) and missile launches (nagix)"})
    return fig


def visits_map(vbook: Book, launches: pd.DataFrame, since: Any = None) -> go.Figure:
    """The visited places with their uncertainty circles, and the launch facilities (of launches since
    ``since`` when given), sized by their launches."""
    from workbook.charts import place_map

    fig = add_launch_layer(place_map(vbook, scope="asia"), launches, since=since)
    fig.update_layout(title={"text": "Visited places (circle: uncertainty) and launch facilities (triangles)"})
    return fig


def _table_html(df: pd.DataFrame) -> str:
    if df.empty:
        return "<p><i>No visit in that window before any launch.</i></p>"
    show = df.assign(
        visit=[
            f"{a:%Y-%m-%d}" + ("" if a == b else f" – {b:%Y-%m-%d}") + ("" if st else " (inferred)")
            for a, b, st in zip(df["visit_start"], df["visit_end"], df["date_stated"], strict=True)
        ],
        launch=[f"{d:%Y-%m-%d}" for d in df["launch_date_kst"]],
        lag=[f"{a}" if a == b else f"{a}–{b}" for a, b in zip(df["lag_days_min"], df["lag_days_max"], strict=True)],
        missiles=[", ".join(m) for m in df["missiles"]],
        places=[", ".join(p) for p in df["places"]],
    )[
        [
            "launch",
            "missiles",
            "facility_name",
            "lag",
            "visit",
            "activity",
            "title",
            "places",
            "same_weapon",
            "distance_km",
        ]
    ]
    return show.to_html(index=False, escape=True, na_rep="", border=0, classes="wb-visits")


def visits_before_launch_widget(
    vis: pd.DataFrame, events: pd.DataFrame, sites: pd.DataFrame | None = None, value: int = 7, max_days: int = 60
) -> Any:
    """An ipywidgets box (:class:`workbook.widgets.slider_table.SliderTable`): an IntSlider for N (days) and
    the table of :func:`visits_before_launches` for it, redrawn when N changes. ``box.slider`` and
    ``box.result()`` (the current table) are there for tests."""
    from workbook.widgets.slider_table import SliderTable

    max_days = max(0, min(int(max_days), MAX_WINDOW_DAYS))

    def draw(n_days: int) -> tuple[pd.DataFrame, str, str]:
        df = visits_before_launches(vis, events, n_days, sites)
        n_launch = df["launch_event_id"].nunique() if len(df) else 0
        summary = html.escape(
            f"{df['story_id'].nunique() if len(df) else 0} visit(s) within {n_days} day(s) before "
            f"{n_launch} of {len(events)} launch event(s) (Korea-time days)."
        )
        return df, summary, _table_html(df)

    return SliderTable(draw, value=max(0, min(int(value), max_days)), low=0, high=max_days, description="N days")
