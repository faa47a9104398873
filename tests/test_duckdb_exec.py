"""The DuckDB executor answers every FilterSpec with the rows of the pandas executor.

The workspace: a small synthetic corpus built with the default extractor, then rewritten with
annotations (tags, stars and unstars, claim statuses with ties and nulls) and a few rows the filters
must drop or ignore (a mention, claim and event of a document that does not exist, a place of no
entity, annotations of a missing document and entity; an unknown target kind cannot be stored since
``annotations.target_kind`` is categorical). Hypothesis draws specs from the values the Book holds.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import present_labels
from workbook.book import TABLE_NAMES, Book
from workbook.build import build
from workbook.filtering import FilterIndex, FilterSpec, apply
from workbook.filtering.duckdb import DuckDBExecError, DuckDBExecutor, apply_duckdb
from workbook.filtering.spec import NO_STATUS
from workbook.model import CONFIDENCE_BANDS, ENTITY_TYPES, QUOTE_KINDS, SCHEMA_VERSION, conform
from workbook.synth import write_jsonl
from workbook.workspace import read_book, write_snapshot

pytestmark = pytest.mark.unit


def _annotations(book: Book) -> pd.DataFrame:
    d, e, c, v = (book.table(t).iloc[:, 0].tolist() for t in ("documents", "entities", "claims", "events"))
    t0 = pd.Timestamp("2024-01-01")
    rows = [
        ("document", d[0], "tag", "followup"),
        ("document", d[3], "tag", "missiles"),
        ("entity", e[1], "tag", "followup"),
        ("claim", c[2], "tag", "missiles"),
        ("event", v[4], "tag", "followup"),
        ("entity", e[5], "tag", None),
        ("document", d[1], "star", None),
        ("entity", e[2], "star", "1"),
        ("entity", e[2], "star", "unstar"),
        ("claim", c[5], "star", "yes"),
        ("event", v[1], "star", None),
        ("event", v[1], "star", "OFF"),
        ("claim", c[0], "status", "confirmed"),
        ("claim", c[0], "status", "disputed"),
        ("claim", c[1], "status", None),
        ("claim", c[3], "status", "confirmed"),
        ("claim", c[4], "status", NO_STATUS),
        ("document", "d-missing", "tag", "followup"),
        ("entity", "e-nobody", "star", None),
    ]
    created = [t0 + pd.Timedelta(days=i) for i in range(len(rows))]
    created[13] = created[12]  # a tie: the later row wins ("disputed")
    created[11] = created[10] - pd.Timedelta(days=1)  # an older unstar: the star stays
    return conform(
        "annotations",
        [
            {
                "annotation_id": f"a{i}",
                "target_kind": k,
                "target_id": t,
                "kind": kind,
                "value": val,
                "author": "test",
                "created": created[i],
            }
            for i, (k, t, kind, val) in enumerate(rows)
        ],
    )


def _with_strays(book: Book) -> dict[str, pd.DataFrame]:
    """The Book's tables plus rows that name a missing document or entity."""
    m, c, v, p = book.mentions, book.claims, book.events, book.places
    ghost = "d0000000000000000"
    stray_m = m.iloc[:1].assign(mention_id="m-stray", doc_id=ghost)
    stray_e = m.iloc[1:2].assign(mention_id="m-stray-entity", entity_id="e-not-a-row")
    stray_c = c.iloc[:1].assign(claim_id="c-stray", doc_id=ghost)
    stray_v = v.iloc[:1].assign(event_id="v-stray", doc_id=ghost)
    stray_p = p.iloc[:1].assign(entity_id="e-not-a-row", lat=39.0, lon=125.7)
    return {
        "documents": book.documents,
        "entities": book.entities,
        "mentions": pd.concat([m, stray_m, stray_e], ignore_index=True),
        "claims": pd.concat([c, stray_c], ignore_index=True),
        "events": pd.concat([v, stray_v], ignore_index=True),
        "places": pd.concat([p, stray_p], ignore_index=True),
        "build_issues": book.build_issues,
        "annotations": _annotations(book),
    }


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("duck")
    corpus = write_jsonl(root / "synth.jsonl", 30, seed=11)
    build([corpus], root / "ws", progress=False)
    book = read_book(root / "ws")
    manifest = {**book.manifest, "build_id": "with-annotations"}
    write_snapshot(root / "ws", "with-annotations", _with_strays(book), manifest)
    return root / "ws"


@pytest.fixture(scope="module")
def book(workspace: Path) -> Book:
    return read_book(workspace)


@pytest.fixture(scope="module")
def index(book: Book) -> FilterIndex:
    return FilterIndex.build(book)


@pytest.fixture(scope="module")
def executor(workspace: Path) -> Any:
    with DuckDBExecutor(workspace, threads=1) as ex:
        yield ex


def _assert_same(expected: Book, got: Book) -> None:
    for name in TABLE_NAMES:
        want = present_labels(expected.table(name).reset_index(drop=True))
        pd.testing.assert_frame_equal(want, present_labels(got.table(name)), obj=name)


def _values(book: Book) -> dict[str, list[Any]]:
    ents = book.entities
    return {
        "doc_ids": [*book.documents["doc_id"], "d-nope"],
        "publishers": [*book.documents["publisher"].dropna().unique(), "Nobody Press"],
        "entity_ids": [*ents["entity_id"], "e-not-a-row", "e-nope"],
        "speakers": [
            *book.claims["speaker_id"].dropna().unique(),
            *book.claims["speaker_text"].dropna().unique(),
            "officials",
            "OFFICIALS",
        ],
        "words": [
            "missile",
            "Pyongyang",
            "SAID",
            "kim",
            "the",
            "re-entry",
            '"said"',
            "zzz",
            "é",
            "Pyongyang OR missile",
            "NOT kim",
            "missil*",
            "missle~1",
            "(said AND kim) OR NOT the",
            "Phyongyang",
        ],
        "tags": ["followup", "missiles", "other"],
        "statuses": ["confirmed", "disputed", NO_STATUS, "none-such"],
    }


@st.composite
def specs(draw: st.DrawFn, values: dict[str, list[Any]]) -> FilterSpec:
    def some(key: str, n: int = 3) -> tuple[str, ...]:
        return tuple(draw(st.lists(st.sampled_from(values[key]), max_size=n)))

    def maybe(strategy: st.SearchStrategy[Any]) -> Any:
        return draw(st.none() | strategy)

    bbox = maybe(
        st.tuples(st.floats(-180, 180), st.floats(-90, 90), st.floats(-180, 180), st.floats(-90, 90)).map(
            lambda b: (b[0], min(b[1], b[3]), b[2], max(b[1], b[3]))
        )
        | st.just((124.0, 37.0, 131.0, 43.0))
    )
    d1, d2 = draw(st.dates(date(2005, 1, 1), date(2025, 12, 31))), draw(st.dates(date(2005, 1, 1), date(2025, 12, 31)))
    window = draw(st.sampled_from(["none", "both", "from", "to"]))
    p1, p2 = draw(st.dates(date(2005, 1, 1), date(2025, 12, 31))), draw(st.dates(date(2005, 1, 1), date(2025, 12, 31)))
    published = draw(st.sampled_from(["none", "none", "both", "from", "to"]))
    return FilterSpec(
        doc_ids=some("doc_ids") if draw(st.integers(0, 4)) == 0 else (),
        publishers=some("publishers", 2),
        text=draw(st.sampled_from(["", "", "", *values["words"]])),
        entity_ids=some("entity_ids", 2),
        entity_types=tuple(draw(st.lists(st.sampled_from(ENTITY_TYPES), max_size=2))),
        bbox=bbox,
        date_from=min(d1, d2) if window in ("both", "from") else None,
        date_to=max(d1, d2) if window in ("both", "to") else None,
        date_match=draw(st.sampled_from(["overlaps", "within"])),
        published_from=min(p1, p2) if published in ("both", "from") else None,
        published_to=max(p1, p2) if published in ("both", "to") else None,
        speakers=some("speakers", 2),
        quote_kinds=tuple(draw(st.lists(st.sampled_from(QUOTE_KINDS), max_size=2))),
        confidence_bands=tuple(draw(st.lists(st.sampled_from(CONFIDENCE_BANDS), max_size=3))),
        claim_statuses=some("statuses", 2),
        tags=some("tags", 2),
        stars_only=draw(st.booleans()),
    )


def test_the_workspace_exercises_the_edge_cases(book: Book) -> None:
    assert len(book.documents) == 30 and len(book.annotations) == 19
    assert "m-stray" in set(book.mentions["mention_id"]) and "e-not-a-row" in set(book.places["entity_id"])
    assert {"direct", "indirect", "unattributed"} <= set(book.claims["quote_kind"])


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_specs_give_the_same_rows_in_every_table(
    data: st.DataObject, book: Book, index: FilterIndex, executor: DuckDBExecutor
) -> None:
    spec = data.draw(specs(_values(book)))
    _assert_same(apply(book, spec, index=index), executor.apply(spec))


@pytest.mark.parametrize(
    "spec",
    [
        FilterSpec(),
        FilterSpec(text="Missile"),
        FilterSpec(entity_types=("place",)),
        FilterSpec(bbox=(124.0, 37.0, 131.0, 43.0)),
        FilterSpec(bbox=(170.0, -60.0, 130.0, 60.0)),  # crosses the antimeridian
        FilterSpec(date_from=date(2012, 1, 1), date_to=date(2016, 12, 31), confidence_bands=("likely",)),
        FilterSpec(date_from=date(2012, 1, 1), date_to=date(2016, 12, 31), date_match="within"),
        FilterSpec(date_to=date(2014, 6, 30), date_match="within"),
        FilterSpec(published_from=date(2010, 1, 1), published_to=date(2018, 12, 31)),
        FilterSpec(published_to=date(2015, 1, 1), date_from=date(2013, 1, 1)),
        FilterSpec(tags=("followup",)),
        FilterSpec(stars_only=True, entity_types=("person",)),
        FilterSpec(claim_statuses=(NO_STATUS,)),
        FilterSpec(claim_statuses=("disputed", "confirmed")),
        FilterSpec(speakers=("officials",), quote_kinds=("indirect",)),
        FilterSpec(entity_ids=("e-not-a-row",)),
    ],
    ids=lambda s: s.describe(),
)
def test_representative_specs(spec: FilterSpec, book: Book, index: FilterIndex, executor: DuckDBExecutor) -> None:
    expected = apply(book, spec, index=index)
    got = executor.apply(spec)
    _assert_same(expected, got)
    assert executor.counts(spec) == {
        n: len(expected.table(n)) for n in ("documents", "mentions", "claims", "events", "entities", "places")
    }


def test_specs_select_something(book: Book, executor: DuckDBExecutor) -> None:
    top = book.entities.sort_values("n_mentions", ascending=False)["entity_id"].iloc[0]
    got = executor.apply(FilterSpec(entity_ids=(top,)))
    assert 0 < len(got.documents) < len(book.documents)
    assert (got.entities.set_index("entity_id").at[top, "n_mentions"]) > 0
    statuses = executor.apply(FilterSpec(claim_statuses=("disputed",)))
    assert len(statuses.claims) == 1  # the tie went to the later row
    starred = executor.apply(FilterSpec(stars_only=True))
    assert book.events["event_id"].iloc[1] in set(starred.events["event_id"])  # an older unstar does not count
    assert book.documents["doc_id"].iloc[1] in set(starred.documents["doc_id"])


def test_apply_duckdb_with_the_analysts_annotations(workspace: Path, book: Book) -> None:
    mine = book.annotations.iloc[:1]  # only the tag of the first document
    got = apply_duckdb(workspace, FilterSpec(tags=("followup",)), annotations=mine)
    expected = apply(book.with_tables(annotations=mine), FilterSpec(tags=("followup",)))
    _assert_same(expected, got)
    assert got.documents["doc_id"].tolist() == [book.documents["doc_id"].iloc[0]]


def test_only_the_slice_is_read_and_dtypes_are_declared(executor: DuckDBExecutor, book: Book) -> None:
    got = executor.apply(FilterSpec(doc_ids=(book.documents["doc_id"].iloc[2],)))
    assert len(got.documents) == 1
    for name in TABLE_NAMES:
        assert list(got.table(name).dtypes.astype(str)) == list(book.table(name).dtypes.astype(str)), name
    assert all(isinstance(v, list) for v in got.claims["entity_ids"])


def test_errors_are_named(tmp_path: Path, workspace: Path) -> None:
    with pytest.raises(DuckDBExecError, match="No workspace"):
        DuckDBExecutor(tmp_path / "missing")
    old = tmp_path / "old"
    write_snapshot(old, "b1", {}, {"schema_version": "0.1"})
    with pytest.raises(DuckDBExecError, match="schema version"):
        DuckDBExecutor(old)
    manifest = json.loads((workspace / "snapshots" / "with-annotations" / "manifest.json").read_text())
    assert manifest["schema_version"] == SCHEMA_VERSION


def test_a_workspace_without_annotations_has_an_empty_annotations_table(tmp_path: Path, book: Book) -> None:
    tables = {n: book.table(n) for n in ("documents", "entities", "mentions", "claims", "events", "places")}
    write_snapshot(tmp_path / "ws", "b1", tables, {"schema_version": SCHEMA_VERSION})
    got = apply_duckdb(tmp_path / "ws", FilterSpec(stars_only=True))
    assert len(got.annotations) == 0 and len(got.documents) == 0
    assert np.all(got.annotations.columns == book.annotations.columns)


def test_copy_parquet_streams_the_same_rows_as_apply(
    book: Book, index: FilterIndex, executor: DuckDBExecutor, tmp_path: Path
) -> None:
    for spec in (
        FilterSpec(),
        FilterSpec(
            text="missile OR Pyongyang", date_match="within", date_from=date(2010, 1, 1), date_to=date(2020, 12, 31)
        ),
    ):
        expected = apply(book, spec, index=index)
        for table, key in (("mentions", "mention_id"), ("claims", "claim_id")):
            path = executor.copy_parquet(spec, table, tmp_path / f"{table}-{spec.is_empty}.parquet")
            got = pd.read_parquet(path)
            assert list(got[key]) == list(expected.table(table)[key])
    with pytest.raises(DuckDBExecError, match="exists"):
        executor.copy_parquet(FilterSpec(), "claims", tmp_path / "claims-True.parquet")
    with pytest.raises(DuckDBExecError, match="copy_parquet writes"):
        executor.copy_parquet(FilterSpec(), "annotations", tmp_path / "a.parquet")
