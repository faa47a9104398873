"""Count charts on tiny_book: mentions over time, top entities, claims by speaker and confidence."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from workbook.book import Book
from workbook.charts import CONFIDENCE_COLORS, ENTITY_TYPE_COLORS
from workbook.charts.counts import claims_by_confidence, mentions_over_time, top_entities
from workbook.errors import ChartError
from workbook.model import CONFIDENCE_BANDS, conform

pytestmark = pytest.mark.unit


def _ids(book: Book) -> dict[str, str]:
    return dict(zip(book.entities["name"], book.entities["entity_id"], strict=True))


def _notes(fig: go.Figure) -> list[str]:
    """The notes of a figure; they are also shown, joined, in its one "note" annotation."""
    notes = list(fig.layout.meta["notes"])
    shown = [a.text for a in fig.layout.annotations if a.name == "note"]
    assert shown == (["<br>".join(notes)] if notes else [])
    return notes


# --- mentions_over_time ---------------------------------------------------------------------------


def test_mentions_over_time_counts_by_publication_month(tiny_book: Book) -> None:
    ids = _ids(tiny_book)
    fig = mentions_over_time(tiny_book)
    lines = {t.name: t for t in fig.data}
    # Pyongyang and Hwasong-15 are only named in the undated document
    assert set(lines) == {"Jeffrey Lewis", "Kim Jong Un", "Donald Trump", "Sinpho"}
    kim = lines["Kim Jong Un"]
    assert len(kim.x) == 61 and kim.x[0] == "2019-01-01" and kim.x[-1] == "2024-01-01"  # 2019-01..2024-01
    nonzero = {x: int(y) for x, y in zip(kim.x, kim.y, strict=True) if y}
    assert nonzero == {"2019-01-01": 1, "2024-01-01": 1}
    assert int(np.sum(lines["Sinpho"].y)) == 1 and int(np.sum(lines["Jeffrey Lewis"].y)) == 2
    assert list(kim.customdata[0]) == [ids["Kim Jong Un"], "2019-01-01", "2019-01-31"]
    assert fig.layout.meta["n_undated_mentions"] == 2
    assert _notes(fig) == ["2 mentions in 1 undated document not counted."]


def test_mentions_over_time_with_chosen_entities_and_yearly_bins(tiny_book: Book) -> None:
    ids = _ids(tiny_book)
    fig = mentions_over_time(tiny_book, entity_ids=[ids["Pyongyang"], ids["Kim Jong Un"]], freq="Y")
    assert [t.name for t in fig.data] == ["Pyongyang", "Kim Jong Un"]
    pyongyang, kim = fig.data
    assert list(kim.x) == ["2019-01-01", "2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01", "2024-01-01"]
    assert list(kim.y) == [1, 0, 0, 0, 0, 1]
    assert list(pyongyang.y) == [0] * 6 and pyongyang.meta == {"entity_id": ids["Pyongyang"], "undated": 1}
    assert "(+1 undated)" in pyongyang.hovertemplate


def test_too_fine_a_freq_is_coarsened_with_a_note(tiny_book: Book) -> None:
    docs = tiny_book.documents.copy()
    docs.loc[1, "published"] = pd.Timestamp("1950-03-01")
    fig = mentions_over_time(tiny_book.with_tables(documents=docs), freq="D")
    assert fig.layout.meta["freq"] == "M" and fig.layout.meta["requested_freq"] == "D"
    assert len(fig.data[0].x) <= 2000
    assert "Too many days for one chart: counted per month." in _notes(fig)


def test_mentions_over_time_without_data(tiny_book: Book) -> None:
    assert mentions_over_time(Book()).layout.meta["empty"] is True
    nat = pd.Series(pd.NaT, index=tiny_book.documents.index, dtype="datetime64[s]")
    docs = tiny_book.documents.assign(published=nat)
    fig = mentions_over_time(tiny_book.with_tables(documents=docs))
    assert fig.layout.meta["empty"] is True and "8 mentions in 3 undated documents" in fig.layout.annotations[0].text
    with pytest.raises(ChartError, match="freq"):
        mentions_over_time(tiny_book, freq="fortnight")


# --- top_entities ---------------------------------------------------------------------------------


def test_top_entities_faceted_by_type(tiny_book: Book) -> None:
    ids = _ids(tiny_book)
    fig = top_entities(tiny_book)
    assert [t.name for t in fig.data] == ["person", "place", "weapon system"]
    person = fig.data[0]
    got = {y: (int(x), c[0]) for y, x, c in zip(person.y, person.x, person.customdata, strict=True)}
    assert got == {
        "Jeffrey Lewis": (2, ids["Jeffrey Lewis"]),
        "Kim Jong Un": (2, ids["Kim Jong Un"]),
        "Donald Trump": (1, ids["Donald Trump"]),
    }
    assert person.marker.color == ENTITY_TYPE_COLORS["person"]
    assert list(fig.layout.yaxis.categoryarray)[-1] == "Jeffrey Lewis"  # most mentions on top (ties by name)
    assert {a.text for a in fig.layout.annotations} >= {"person", "place", "weapon system"}
    assert fig.data[1].xaxis != person.xaxis or fig.data[1].yaxis != person.yaxis  # separate facets
    assert "2 mentions in 2 documents" in person.hovertext[list(person.y).index("Kim Jong Un")]


def test_top_entities_overall_coloured_by_type(tiny_book: Book) -> None:
    fig = top_entities(tiny_book, by_type=False, n=3)
    bars = {y: t.name for t in fig.data for y in t.y}
    assert bars == {"Jeffrey Lewis": "person", "Kim Jong Un": "person", "Donald Trump": "person"}
    fig = top_entities(tiny_book, by_type=False, n=6)
    assert {t.name for t in fig.data} == {"person", "place", "weapon system"}
    assert sum(len(t.y) for t in fig.data) == 6


def test_top_entities_counts_the_filtered_view_and_escapes_names(tiny_book: Book) -> None:
    ents = tiny_book.entities.copy()
    ents.loc[ents["name"] == "Sinpho", "name"] = "<img src=x onerror=alert(1)>"
    keep = tiny_book.mentions["doc_id"] == tiny_book.documents["doc_id"][0]
    book = tiny_book.with_tables(entities=ents, mentions=tiny_book.mentions[keep])
    fig = top_entities(book, by_type=False)
    labels = [y for t in fig.data for y in t.y]
    assert sorted(labels) == sorted(["Kim Jong Un", "Jeffrey Lewis", "&lt;img src=x onerror=alert(1)&gt;"])
    assert all("<img" not in h for t in fig.data for h in t.hovertext)
    assert top_entities(Book()).layout.meta["empty"] is True


# --- claims_by_confidence -------------------------------------------------------------------------


def test_claims_by_speaker_and_band(tiny_book: Book) -> None:
    lewis = _ids(tiny_book)["Jeffrey Lewis"]
    fig = claims_by_confidence(tiny_book)
    assert [t.name for t in fig.data] == ["roughly even chance", "likely"]  # band order, present bands only
    even, likely = fig.data
    assert list(even.y) == ["Jeffrey Lewis"] and list(even.x) == [1]
    assert list(likely.y) == ["Jeffrey Lewis", "(unattributed)"] and list(likely.x) == [1, 1]
    assert [list(c) for c in likely.customdata] == [["entity", lewis, "likely"], ["unattributed", "", "likely"]]
    assert likely.marker.color == CONFIDENCE_COLORS["likely"]
    assert list(fig.layout.yaxis.categoryarray) == ["(unattributed)", "Jeffrey Lewis"]  # Lewis on top
    assert fig.layout.barmode == "stack"


def test_speaker_text_and_other_speakers(tiny_book: Book) -> None:
    extra = tiny_book.claims.iloc[[2]].assign(
        claim_id="cextra", speaker_id=None, speaker_text="US <officials>", confidence="almost certain"
    )
    book = tiny_book.with_tables(claims=conform("claims", pd.concat([tiny_book.claims, extra], ignore_index=True)))
    fig = claims_by_confidence(book)
    certain = next(t for t in fig.data if t.name == "almost certain")
    assert list(certain.y) == ["“US &lt;officials&gt;”"]
    assert [list(c) for c in certain.customdata] == [["text", "US <officials>", "almost certain"]]
    fig = claims_by_confidence(book, max_speakers=1)
    speakers = {y for t in fig.data for y in t.y}
    assert speakers == {"Jeffrey Lewis", "(2 other speakers)"}
    others = [list(c) for t in fig.data for c in t.customdata if c[0] == "other"]
    assert sorted(c[2] for c in others) == ["almost certain", "likely"]


def test_confidence_colours_are_ordered_and_complete() -> None:
    assert list(CONFIDENCE_COLORS) == list(CONFIDENCE_BANDS)
    assert len(set(CONFIDENCE_COLORS.values())) == len(CONFIDENCE_BANDS)


def test_claims_without_data(tiny_book: Book) -> None:
    fig = claims_by_confidence(Book())
    assert fig.layout.meta["empty"] is True and "No data" in fig.layout.annotations[0].text
    with pytest.raises(ChartError):
        claims_by_confidence(tiny_book, max_speakers=0)


# --- axes, labels kept escaped, speakers without text, facets --------------------------------------


def test_count_axes_use_whole_numbers(tiny_book: Book) -> None:
    claims = claims_by_confidence(tiny_book).layout.xaxis
    assert (claims.dtick, claims.tick0, claims.tickformat) == (1, 0, ",d")  # not 0.2, 0.4, ... for 2 claims
    bars = top_entities(tiny_book, by_type=False).layout.xaxis
    assert bars.dtick == 1 and bars.tickformat == ",d"
    lines = mentions_over_time(tiny_book).layout.yaxis
    assert lines.dtick == 1 and lines.tickformat == ",d" and lines.rangemode == "tozero"


def test_claims_meta_holds_escaped_speakers_only(tiny_book: Book) -> None:
    extra = tiny_book.claims.iloc[[2]].assign(claim_id="cx", speaker_id=None, speaker_text="<script>x</script>")
    book = tiny_book.with_tables(claims=conform("claims", pd.concat([tiny_book.claims, extra], ignore_index=True)))
    meta = claims_by_confidence(book).layout.meta
    assert "“&lt;script&gt;x&lt;/script&gt;”" in meta["speakers"]
    assert not any("<script" in s for s in meta["speakers"])


def test_claims_without_any_speaker_text(tiny_book: Book) -> None:
    claims = tiny_book.claims.assign(speaker_text=None)
    fig = claims_by_confidence(tiny_book.with_tables(claims=conform("claims", claims)))
    assert {y for t in fig.data for y in t.y} == {"Jeffrey Lewis", "(unattributed)"}
    assert sum(int(x) for t in fig.data for x in t.x) == 3


def test_speaker_texts_that_differ_only_in_spacing_are_one_speaker(tiny_book: Book) -> None:
    extra = tiny_book.claims.iloc[[2, 2]].assign(
        claim_id=["c1", "c2"], speaker_id=None, speaker_text=["US  officials", " US\nofficials "]
    )
    book = tiny_book.with_tables(claims=conform("claims", pd.concat([tiny_book.claims, extra], ignore_index=True)))
    fig = claims_by_confidence(book)
    rows = {(c[0], c[1]): int(x) for t in fig.data for c, x in zip(t.customdata, t.x, strict=True)}
    assert rows[("text", "US officials")] == 2


def test_top_entities_facets_are_stacked_rows_sharing_one_axis(tiny_book: Book) -> None:
    fig = top_entities(tiny_book)
    lay = fig.layout
    domains = [lay.yaxis.domain, lay.yaxis2.domain, lay.yaxis3.domain]
    assert domains[0][1] == 1.0 and all(a[0] > b[1] for a, b in itertools.pairwise(domains))
    assert lay.xaxis.matches == "x3" and lay.xaxis2.matches == "x3" and lay.xaxis3.title.text == "mentions"
    assert [(t.xaxis, t.yaxis) for t in fig.data] == [("x", "y"), ("x2", "y2"), ("x3", "y3")]
    docs = {y: h for t in fig.data for y, h in zip(t.y, t.hovertext, strict=True)}
    assert "2 mentions in 2 documents" in docs["Kim Jong Un"] and "1 mention in 1 document" in docs["Sinpho"]
