"""Tests of the filter layer: FilterSpec, its JSON, FilterIndex and apply().

Expected rows come from tests/conftest.py's tiny Book (three documents: d0 KCNA "Kim Jong Un
inspects missile factory", d1 The Straits Times "Analysts locate plants", d2 "Undated note" with no
publisher). Property tests compare apply() with a slow, obviously-written reference of the
documented semantics on random small Books, and check the consistency invariants.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.book import Book
from workbook.errors import FilterSpecError, SearchSyntaxError
from workbook.filtering import (
    FILTERED_TABLES,
    NO_STATUS,
    TUPLE_FIELDS,
    UNSTAR_VALUES,
    FilterIndex,
    FilterIndexError,
    FilterSpec,
    apply,
    compute_masks,
    diff_specs,
)
from workbook.filtering.query import parse_query
from workbook.filtering.text import TextColumn, lower
from workbook.ids import entity_id
from workbook.model import CONFIDENCE_BANDS, ENTITY_TYPES, QUOTE_KINDS, conform

pytestmark = pytest.mark.unit

KIM, LEWIS, TRUMP = (entity_id("person", n) for n in ("Kim Jong Un", "Jeffrey Lewis", "Donald Trump"))
SINPHO, PYONGYANG, HW15 = (
    entity_id("place", "Sinpho"),
    entity_id("place", "Pyongyang"),
    entity_id("weapon_system", "Hwasong-15"),
)
TABLES = FILTERED_TABLES
KEYS = {
    "documents": "doc_id",
    "mentions": "mention_id",
    "claims": "claim_id",
    "events": "event_id",
    "entities": "entity_id",
    "places": "entity_id",
}


def view(book: Book, **fields: Any) -> Book:
    return apply(book, FilterSpec(**fields))


def docs(b: Book) -> list[str]:
    return [str(t) for t in b.documents["title"]]


def names(b: Book) -> dict[str, tuple[int, int]]:
    e = b.entities
    return {str(n): (int(m), int(d)) for n, m, d in zip(e["name"], e["n_mentions"], e["n_docs"], strict=True)}


def claims(b: Book) -> list[str]:
    return [str(t) for t in b.claims["text"]]


def events(b: Book) -> list[str]:
    return [str(t) for t in b.events["text"]]


def place_ids(b: Book) -> set[str]:
    return set(b.places["entity_id"])


def assert_books_equal(a: Book, b: Book) -> None:
    for name in (*TABLES, "annotations", "build_issues"):
        pd.testing.assert_frame_equal(a.table(name).reset_index(drop=True), b.table(name).reset_index(drop=True))


T0, T1, T2 = "Kim Jong Un inspects missile factory", "Analysts locate plants", "Undated note"
C0, C1 = "The missile may fly far,", "the plants are likely linked to missiles"
C2 = "The factory near Pyongyang is believed to make Hwasong-15 parts."


# -- apply on the tiny Book: one field at a time ------------------------------------------------------


def test_empty_spec_returns_the_book_itself(tiny_book: Book) -> None:
    assert apply(tiny_book, FilterSpec()) is tiny_book
    assert FilterSpec().is_empty and not FilterSpec(stars_only=True).is_empty


def test_doc_ids_keep_that_document_and_its_rows(tiny_book: Book) -> None:
    d1 = str(tiny_book.documents["doc_id"][1])
    v = view(tiny_book, doc_ids=(d1,))
    assert docs(v) == [T1] and claims(v) == [C1] and events(v) == ["June 2018"]
    assert names(v) == {"Jeffrey Lewis": (1, 1), "Kim Jong Un": (1, 1), "Donald Trump": (1, 1)}
    assert len(v.mentions) == 3 and place_ids(v) == set()
    assert v.documents["text"][0] == tiny_book.documents["text"][1]  # text untouched


def test_publishers_exact_and_null_never_matches(tiny_book: Book) -> None:
    assert docs(view(tiny_book, publishers=("KCNA",))) == [T0]
    assert docs(view(tiny_book, publishers=("KCNA", "The Straits Times"))) == [T0, T1]
    empty = view(tiny_book, publishers=("kcna",))
    assert all(len(empty.table(t)) == 0 for t in TABLES)


@pytest.mark.parametrize(
    ("text", "expected_docs", "expected_claims"),
    [
        ("MISSILE", [T0, T1], [C0, C1]),
        ("pyongyang", [T2], [C2]),
        ("sinpho", [T0], []),  # the document names Sinpho, none of its claims does
        ("fly far,", [T0], [C0]),
        (".*", [], []),  # a literal, not a regex
    ],
)
def test_text_matches_documents_and_claims(
    tiny_book: Book, text: str, expected_docs: list[str], expected_claims: list[str]
) -> None:
    v = view(tiny_book, text=text)
    assert docs(v) == expected_docs and claims(v) == expected_claims
    assert set(v.events["doc_id"]) <= set(v.documents["doc_id"])  # events follow their documents
    assert len(v.events) == len(tiny_book.events[tiny_book.events["doc_id"].isin(v.documents["doc_id"])])


def test_entity_ids_select_documents_and_keep_cooccurring_entities(tiny_book: Book) -> None:
    v = view(tiny_book, entity_ids=(KIM,))
    assert docs(v) == [T0, T1] and len(v.mentions) == 6
    assert names(v) == {"Kim Jong Un": (2, 2), "Jeffrey Lewis": (2, 2), "Donald Trump": (1, 1), "Sinpho": (1, 1)}
    assert claims(v) == []  # Kim neither speaks nor is named inside a claim
    assert events(v) == ["on Monday", "June 2018"]
    assert place_ids(v) == {SINPHO}
    lewis = view(tiny_book, entity_ids=(LEWIS,))
    assert claims(lewis) == [C0, C1] and events(lewis) == []
    pyong = view(tiny_book, entity_ids=(PYONGYANG,))
    assert docs(pyong) == [T2] and claims(pyong) == [C2]
    assert docs(view(tiny_book, entity_ids=(PYONGYANG, TRUMP))) == [T1, T2]


def test_entity_types_are_a_lens(tiny_book: Book) -> None:
    v = view(tiny_book, entity_types=("place",))
    assert docs(v) == [T0, T2] and set(v.mentions["surface"]) == {"Sinpho", "Pyongyang"}
    assert names(v) == {"Sinpho": (1, 1), "Pyongyang": (1, 1)} and place_ids(v) == {SINPHO, PYONGYANG}
    assert claims(v) == [C0, C2] and events(v) == ["on Monday"]
    w = view(tiny_book, entity_types=("weapon_system",))
    assert docs(w) == [T2] and names(w) == {"Hwasong-15": (1, 1)} and place_ids(w) == set()


def test_selected_entities_stay_visible_through_the_lens(tiny_book: Book) -> None:
    v = view(tiny_book, entity_ids=(KIM,), entity_types=("place",))
    assert docs(v) == [T0]  # d1 mentions Kim but no place
    assert names(v) == {"Kim Jong Un": (1, 1), "Sinpho": (1, 1)}


def test_bbox(tiny_book: Book) -> None:
    around_pyongyang = view(tiny_book, bbox=(125.0, 38.5, 126.5, 39.5))
    assert docs(around_pyongyang) == [T2] and place_ids(around_pyongyang) == {PYONGYANG}
    assert names(around_pyongyang) == {"Pyongyang": (1, 1), "Hwasong-15": (1, 1)}  # not geolocated: kept
    both = view(tiny_book, bbox=(124.0, 37.0, 131.0, 43.0))
    assert docs(both) == [T0, T2] and place_ids(both) == {SINPHO, PYONGYANG} and "Kim Jong Un" in names(both)
    assert docs(view(tiny_book, bbox=(0.0, 0.0, 1.0, 1.0))) == []
    across_antimeridian = view(tiny_book, bbox=(128.0, 39.5, -170.0, 41.0))
    assert docs(across_antimeridian) == [T0] and place_ids(across_antimeridian) == {SINPHO}
    assert docs(view(tiny_book, bbox=(124.0, 37.0, 131.0, 43.0), entity_types=("person",))) == []


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected_events"),
    [
        (date(2018, 6, 15), date(2018, 7, 1), ["June 2018"]),  # month precision intersects the window
        (date(2024, 1, 8), date(2024, 1, 8), ["on Monday"]),
        (date(2020, 1, 1), None, ["on Monday"]),
        (None, date(2018, 6, 1), ["June 2018"]),
        (None, date(2018, 5, 31), []),
        (date(2018, 7, 1), date(2023, 12, 31), []),
    ],
)
def test_date_window(tiny_book: Book, date_from: date | None, date_to: date | None, expected_events: list[str]) -> None:
    v = view(tiny_book, date_from=date_from, date_to=date_to)
    assert events(v) == expected_events
    assert docs(v) == [t for t, e in ((T0, "on Monday"), (T1, "June 2018")) if e in expected_events]


def test_unanchored_and_half_dated_events(tiny_book: Book) -> None:
    d2 = str(tiny_book.documents["doc_id"][2])
    extra = [
        {
            "event_id": "vX1",
            "doc_id": d2,
            "start": 0,
            "end": 3,
            "text": "The",
            "sentence": 0,
            "context": "",
            "date_start": None,
            "date_end": None,
            "precision": "day",
            "resolution": "unanchored",
            "entity_ids": [],
        },
        {
            "event_id": "vX2",
            "doc_id": d2,
            "start": 4,
            "end": 11,
            "text": "factory",
            "sentence": 0,
            "context": "",
            "date_start": "2019-03-05",
            "date_end": None,
            "precision": "day",
            "resolution": "absolute",
            "entity_ids": [],
        },
    ]
    rows: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in tiny_book.events.to_dict("records")]
    book = tiny_book.with_tables(events=conform("events", [*rows, *extra]))
    assert len(view(book, doc_ids=(d2,)).events) == 2  # no window: undated events follow their document
    assert events(view(book, date_from=date(1900, 1, 1), date_to=date(2100, 1, 1))) == [
        "on Monday",
        "June 2018",
        "factory",
    ]
    assert events(view(book, date_from=date(2019, 3, 5), date_to=date(2019, 3, 5))) == ["factory"]


def test_claim_fields(tiny_book: Book) -> None:
    for speaker in (LEWIS, "JEFFREY lewis"):
        v = view(tiny_book, speakers=(speaker,))
        assert claims(v) == [C0, C1] and docs(v) == [T0, T1]
    assert claims(view(tiny_book, quote_kinds=("direct",))) == [C0]
    assert docs(view(tiny_book, quote_kinds=("unattributed",))) == [T2]
    v = view(tiny_book, confidence_bands=("likely",))
    assert claims(v) == [C1, C2] and docs(v) == [T1, T2] and events(v) == ["June 2018"]
    assert docs(view(tiny_book, speakers=("US officials",))) == []


def test_fields_combine_with_and(tiny_book: Book) -> None:
    v = view(tiny_book, publishers=("KCNA",), entity_ids=(KIM,), text="missile")
    assert docs(v) == [T0] and claims(v) == []
    v = view(tiny_book, speakers=(LEWIS,), confidence_bands=("likely", "unhedged"))
    assert claims(v) == [C1] and docs(v) == [T1]
    v = view(tiny_book, entity_ids=(KIM,), date_from=date(2018, 1, 1), date_to=date(2018, 12, 31))
    assert docs(v) == [T1] and events(v) == ["June 2018"]
    assert docs(view(tiny_book, speakers=(LEWIS,), entity_ids=(KIM,))) == []  # what did Lewis say about Kim?


# -- annotations: tags, stars, statuses ---------------------------------------------------------------


@pytest.fixture
def annotated(tiny_book: Book) -> Book:
    d = tiny_book.documents["doc_id"]
    c = tiny_book.claims["claim_id"]
    v = tiny_book.events["event_id"]
    rows = [
        ("claim", c[0], "status", "disputed", "2024-01-01"),
        ("claim", c[0], "status", "confirmed", "2024-02-01"),
        ("claim", c[2], "status", "disputed", "2024-01-01"),
        ("document", d[1], "tag", "review", "2024-01-01"),
        ("entity", HW15, "tag", "wmd", "2024-01-01"),
        ("claim", c[0], "tag", "quote", "2024-01-01"),
        ("event", v[0], "star", None, "2024-01-01"),
        ("claim", c[1], "star", None, "2024-01-01"),
        ("claim", c[1], "star", "false", "2024-01-02"),
        ("entity", TRUMP, "star", "1", "2024-01-01"),
        ("document", d[0], "note", "review", "2024-01-01"),
    ]
    ann = conform(
        "annotations",
        [
            {"annotation_id": f"a{i}", "target_kind": k, "target_id": t, "kind": kind, "value": val, "created": ts}
            for i, (k, t, kind, val, ts) in enumerate(rows)
        ],
    )
    return tiny_book.with_tables(annotations=ann)


def test_claim_statuses_read_the_latest_status(annotated: Book) -> None:
    assert claims(view(annotated, claim_statuses=("confirmed",))) == [C0]
    assert claims(view(annotated, claim_statuses=("disputed",))) == [C2]
    assert claims(view(annotated, claim_statuses=(NO_STATUS,))) == [C1]


def test_tags(annotated: Book) -> None:
    doc_tag = view(annotated, tags=("review",))  # the note with value 'review' is not a tag
    assert docs(doc_tag) == [T1] and claims(doc_tag) == [C1] and events(doc_tag) == ["June 2018"]
    entity_tag = view(annotated, tags=("wmd",))
    assert docs(entity_tag) == [T2] and claims(entity_tag) == [C2] and events(entity_tag) == []
    claim_tag = view(annotated, tags=("quote",))
    assert docs(claim_tag) == [T0] and claims(claim_tag) == [C0] and events(claim_tag) == []
    both = view(annotated, tags=("quote", "review"))
    assert docs(both) == [T0, T1] and claims(both) == [C0, C1]
    lens = view(annotated, tags=("wmd",), entity_types=("place",))
    assert names(lens) == {"Pyongyang": (1, 1), "Hwasong-15": (1, 1)}  # the tagged entity stays visible
    assert annotated.annotations.equals(doc_tag.annotations)


def test_stars_only(annotated: Book) -> None:
    v = view(annotated, stars_only=True)
    assert docs(v) == [T0, T1]  # d0 holds the starred event, d1 mentions the starred Trump
    assert events(v) == ["on Monday", "June 2018"]  # starred / involves Trump
    assert claims(v) == []  # C1's star was taken back
    assert "false" in UNSTAR_VALUES


# -- the index ------------------------------------------------------------------------------------------


def test_index_is_reused_and_checked(tiny_book: Book, annotated: Book) -> None:
    index = FilterIndex.build(tiny_book)
    spec = FilterSpec(entity_ids=(KIM,))
    assert_books_equal(apply(tiny_book, spec, index=index), apply(tiny_book, spec))
    masks = compute_masks(spec, index)
    assert masks.counts() == {"documents": 2, "mentions": 6, "claims": 0, "events": 2, "entities": 4, "places": 1}
    whole = apply(tiny_book, spec, index=index)
    for name in FILTERED_TABLES:  # one table alone, as a single-table view would ask for it
        pd.testing.assert_frame_equal(masks.take(tiny_book, name), whole.table(name))
    assert masks.take(tiny_book, "annotations") is tiny_book.annotations
    assert repr(index) == "<FilterIndex: 3 documents, 6 entities, 8 mentions, 3 claims, 2 events>"
    assert repr(masks).startswith("<FilterMasks: documents=2, mentions=6")
    with pytest.raises(FilterIndexError, match="another Book"):
        apply(annotated, spec, index=index)


def test_index_rejects_duplicate_keys(tiny_book: Book) -> None:
    docs_twice = pd.concat([tiny_book.documents, tiny_book.documents], ignore_index=True)
    with pytest.raises(FilterIndexError, match="doc_id is not unique"):
        FilterIndex.build(tiny_book.with_tables(documents=docs_twice))


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(st.text(alphabet="abcAB .*(é\n", max_size=12) | st.none(), max_size=6),
    needle=st.text(alphabet="abcAB .*(é", min_size=1, max_size=3),
)
def test_text_column_search_methods_agree(texts: list[str | None], needle: str) -> None:
    col = TextColumn.build(pd.Series(pd.array(texts, dtype="string")))
    expected = np.array([t is not None and lower(needle) in lower(t) for t in texts], dtype=bool)
    for method in ("auto", "scan", "re2"):
        np.testing.assert_array_equal(col.contains(needle, method=method), expected)


# -- FilterSpec: construction, JSON, helpers ------------------------------------------------------------


def test_spec_normalises_so_equal_filters_compare_equal() -> None:
    a = FilterSpec(entity_ids=("e2", "e1", "e2"), quote_kinds=("indirect", "direct"))
    b = FilterSpec(entity_ids=("e1", "e2"), quote_kinds=("direct", "indirect"))
    assert a == b and hash(a) == hash(b) and a.entity_ids == ("e1", "e2")
    assert FilterSpec(bbox=(1, 2, 3, 4)).bbox == (1.0, 2.0, 3.0, 4.0)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"entity_ids": "e1"}, "entity_ids"),
        ({"doc_ids": ("",)}, "doc_ids"),
        ({"quote_kinds": ("quoted",)}, "quote_kinds"),
        ({"confidence_bands": ("probable",)}, "confidence_bands"),
        ({"entity_types": ("country",)}, "entity_types"),
        ({"date_from": datetime(2018, 1, 1)}, "date_from"),
        ({"date_from": date(2019, 1, 1), "date_to": date(2018, 1, 1)}, "date_from"),
        ({"bbox": (1.0, 2.0, 3.0)}, "bbox"),
        ({"bbox": (0.0, 50.0, 1.0, 40.0)}, "bbox"),
        ({"stars_only": 1}, "stars_only"),
        ({"text": None}, "text"),
    ],
)
def test_spec_rejects_bad_values_naming_the_field(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(FilterSpecError, match=field):
        FilterSpec(**kwargs)


def test_unknown_vocabulary_messages_list_the_allowed_values() -> None:
    with pytest.raises(FilterSpecError) as err:
        FilterSpec(quote_kinds=("quoted",))
    assert all(k in str(err.value) for k in QUOTE_KINDS)
    with pytest.raises(FilterSpecError) as err:
        FilterSpec.from_json('{"confidence_bands": ["probable"]}')
    assert "almost certain" in str(err.value)


def test_derive_specs_immutably(tiny_book: Book) -> None:
    base = FilterSpec(entity_ids=(KIM,))
    toggled = base.toggle("entity_ids", TRUMP)
    assert base.entity_ids == (KIM,) and set(toggled.entity_ids) == {KIM, TRUMP}
    assert toggled.toggle("entity_ids", TRUMP) == base
    assert base.with_(text="missile").text == "missile" and base.text == ""
    assert base.with_(text="x").cleared("text") == base and base.cleared().is_empty
    with pytest.raises(FilterSpecError, match="no field"):
        base.with_(entity="x")
    with pytest.raises(FilterSpecError, match="tuple fields"):
        base.toggle("text", "x")
    with pytest.raises(FilterSpecError, match="quote_kinds"):
        base.toggle("quote_kinds", "shouted")
    assert diff_specs(base, toggled) == {"entity_ids": ((KIM,), toggled.entity_ids)}
    assert diff_specs(base, base) == {}


def test_describe(tiny_book: Book) -> None:
    spec = FilterSpec(entity_ids=(KIM,), date_from=date(2018, 6, 1), date_to=date(2018, 12, 31))
    assert spec.describe(tiny_book) == "entities: Kim Jong Un; dates 2018-06-01 to 2018-12-31"
    assert KIM in spec.describe()
    d0 = str(tiny_book.documents["doc_id"][0])
    assert FilterSpec(doc_ids=(d0,)).describe(tiny_book) == f"documents: {T0}"
    assert FilterSpec(doc_ids=(d0,)).describe() == f"documents: {d0}"
    assert FilterSpec().describe() == "no filters"
    full = FilterSpec(
        text="missile",
        publishers=("KCNA",),
        speakers=(LEWIS,),
        quote_kinds=("direct",),
        bbox=(124.0, 37.5, 131.0, 43.0),
        stars_only=True,
        date_from=date(2018, 1, 1),
    )
    assert full.describe(tiny_book) == (
        "text contains 'missile'; publishers: KCNA; area lon 124 to 131, lat 37.5 to 43; dates from 2018-01-01; "
        "speakers: Jeffrey Lewis; quote kinds: direct; starred only"
    )


def test_validate_lists_unknown_values_and_strict_raises(annotated: Book) -> None:
    spec = FilterSpec(
        entity_ids=(KIM, "e-nobody"),
        tags=("review", "nope"),
        speakers=("jeffrey LEWIS",),
        claim_statuses=("confirmed", NO_STATUS),
    )
    warnings = spec.validate(annotated)
    assert len(warnings) == 2 and "e-nobody" in warnings[0] and "'nope'" in warnings[1]
    with pytest.raises(FilterSpecError, match="e-nobody"):
        spec.validate(annotated, strict=True)
    assert FilterSpec(entity_ids=(KIM,)).validate(annotated, strict=True) == []
    assert all(len(apply(annotated, FilterSpec(entity_ids=("e-nobody",))).table(t)) == 0 for t in TABLES)


def test_json_shape() -> None:
    spec = FilterSpec(entity_ids=(KIM,), date_from=date(2018, 6, 1), bbox=(1.0, 2.0, 3.0, 4.0))
    data = json.loads(spec.to_json())
    assert data["schema"] == "workbook.filterspec" and data["version"] == 1
    assert data["date_from"] == "2018-06-01" and data["entity_ids"] == [KIM] and data["bbox"] == [1.0, 2.0, 3.0, 4.0]
    assert FilterSpec.from_json('{"text": "x"}') == FilterSpec(text="x")  # absent fields take defaults


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("{not json", "malformed"),
        ("[1, 2]", "JSON object"),
        ('{"entity": ["x"]}', "no field"),
        ('{"entity_ids": "e1"}', "entity_ids"),
        ('{"entity_ids": [1]}', "entity_ids"),
        ('{"date_from": "2018/06/01"}', "date_from"),
        ('{"date_from": "2018-02-30"}', "calendar date"),
        ('{"date_from": "2019-01-01", "date_to": "2018-01-01"}', "swap"),
        ('{"bbox": [1, 2, 3]}', "bbox"),
        ('{"bbox": "1,2,3,4"}', "bbox"),
        ('{"bbox": [1, 2, true, 4]}', "bbox"),
        ('{"bbox": [NaN, 2, 3, 4]}', "NaN"),
        ('{"bbox": [0, -91, 1, 0]}', "latitudes"),
        ('{"stars_only": "yes"}', "stars_only"),
        ('{"text": "a", "text": "b"}', "repeats"),
        ('{"schema": "other"}', "schema"),
        ('{"version": 2}', "version"),
        ('{"version": true}', "version"),
        ('{"entity_types": ["country"]}', "weapon_system"),
    ],
)
def test_malformed_json_raises_filter_spec_error(text: str, needle: str) -> None:
    with pytest.raises(FilterSpecError, match=needle):
        FilterSpec.from_json(text)


_word = st.text(alphabet="abcxyzÉé' \"\\-", min_size=1, max_size=6)
_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
_lon, _lat = st.floats(-180, 180), st.floats(-90, 90)


def _parses(text: str) -> bool:
    """Whether ``text`` is a query in the search syntax (a FilterSpec refuses any other text)."""
    try:
        parse_query(text)
    except SearchSyntaxError:
        return False
    return True


@st.composite
def any_spec(draw: st.DrawFn) -> FilterSpec:
    d1, d2 = sorted([draw(_dates), draw(_dates)])
    lat0, lat1 = sorted([draw(_lat), draw(_lat)])
    kwargs: dict[str, Any] = {
        f: tuple(draw(st.lists(_word, max_size=3)))
        for f in TUPLE_FIELDS
        if f not in ("entity_types", "quote_kinds", "confidence_bands")
    }
    kwargs.update(
        entity_types=tuple(draw(st.lists(st.sampled_from(ENTITY_TYPES), max_size=3))),
        quote_kinds=tuple(draw(st.lists(st.sampled_from(QUOTE_KINDS), max_size=2))),
        confidence_bands=tuple(draw(st.lists(st.sampled_from(CONFIDENCE_BANDS), max_size=3))),
        text=draw(st.text(max_size=8).filter(_parses)),
        date_from=draw(st.none() | st.just(d1)),
        date_to=draw(st.none() | st.just(d2)),
        bbox=draw(st.none() | st.tuples(_lon, st.just(lat0), _lon, st.just(lat1))),
        stars_only=draw(st.booleans()),
    )
    return FilterSpec(**kwargs)


@settings(max_examples=300, deadline=None)
@given(any_spec())
def test_json_round_trip_is_exact(spec: FilterSpec) -> None:
    assert FilterSpec.from_json(spec.to_json()) == spec
    assert FilterSpec.from_dict(spec.to_dict()) == spec
    assert FilterSpec.from_json(spec.to_json(indent=2).encode("utf-8")) == spec
    assert hash(FilterSpec.from_json(spec.to_json())) == hash(spec)


# -- properties on random Books: the reference semantics and the invariants ------------------------------

_TOKENS = ["Kim", "missile", "LAUNCH", "a.b", "(x)", "fly far,", "été", "sinpho"]
_DATES = ["2018-01-01", "2018-06-01", "2018-06-30", "2019-12-31", "2024-01-08"]
_BOXES = [(124.0, 37.0, 131.0, 43.0), (0.0, 0.0, 1.0, 1.0), (128.0, 30.0, -170.0, 50.0), (-180.0, -90.0, 180.0, 90.0)]
_COORDS = [(125.75, 39.03), (128.18, 40.03), (0.5, 0.5), (-175.0, 40.0)]
_ENT_IDS = [f"e{i}" for i in range(5)]
_SPEAKER_TEXTS = ["Jeffrey Lewis", "US officials"]
_ANN_VALUES = [None, "review", "wmd", "false", "confirmed", "disputed", "0"]


@st.composite
def random_book(draw: st.DrawFn) -> Book:
    n_docs = draw(st.integers(0, 4))
    doc_ids = [f"d{i}" for i in range(n_docs)]
    ref_docs = [*doc_ids, "d-missing"]
    ref_ents = [*_ENT_IDS, "e-extra"]
    words = st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=4).map(" ".join)
    documents = [
        {
            "doc_id": d,
            "title": d,
            "publisher": draw(st.sampled_from([None, "KCNA", "Yonhap"])),
            "source": d,
            "sha256": d,
            "text": draw(words),
            "n_chars": 1,
            "format": "txt",
        }
        for d in doc_ids
    ]
    n_ents = draw(st.integers(0, 5))
    entities = [
        {
            "entity_id": e,
            "name": e.upper(),
            "type": draw(st.sampled_from(ENTITY_TYPES)),
            "n_mentions": 0,
            "n_docs": 0,
            "origin": "rules",
        }
        for e in _ENT_IDS[:n_ents]
    ]
    mentions = [
        {
            "mention_id": f"m{i}",
            "doc_id": draw(st.sampled_from(ref_docs)),
            "start": 0,
            "end": 1,
            "entity_id": draw(st.sampled_from(ref_ents)),
            "surface": "x",
            "sentence": 0,
            "resolution": "exact",
        }
        for i in range(draw(st.integers(0, 12)))
    ]
    located = draw(st.lists(st.sampled_from(ref_ents), unique=True, max_size=4))
    places = []
    for e in located:
        lon, lat = draw(st.sampled_from(_COORDS))
        places.append(
            {
                "entity_id": e,
                "lat": lat,
                "lon": lon,
                "uncertainty_km": 1.0,
                "coord_source": "gazetteer",
                "source_name": "t",
            }
        )
    ent_lists = st.lists(st.sampled_from(ref_ents), max_size=2)
    claims = [
        {
            "claim_id": f"c{i}",
            "doc_id": draw(st.sampled_from(ref_docs)),
            "start": 0,
            "end": 1,
            "text": draw(words),
            "sentence": 0,
            "speaker_id": draw(st.sampled_from([None, *ref_ents])),
            "speaker_text": draw(st.sampled_from([None, *_SPEAKER_TEXTS])),
            "quote_kind": draw(st.sampled_from(QUOTE_KINDS)),
            "confidence": draw(st.sampled_from(CONFIDENCE_BANDS)),
            "entity_ids": draw(ent_lists),
        }
        for i in range(draw(st.integers(0, 5)))
    ]
    events = []
    for i in range(draw(st.integers(0, 5))):
        bounds = [draw(st.sampled_from([None, *_DATES])), draw(st.sampled_from([None, *_DATES]))]
        if bounds[0] is not None and bounds[1] is not None:  # keep start <= end when both are known
            bounds.sort()
        events.append(
            {
                "event_id": f"v{i}",
                "doc_id": draw(st.sampled_from(ref_docs)),
                "start": 0,
                "end": 1,
                "text": "t",
                "sentence": 0,
                "context": "",
                "date_start": bounds[0],
                "date_end": bounds[1],
                "precision": "day",
                "resolution": "absolute",
                "entity_ids": draw(ent_lists),
            }
        )
    targets = {
        "document": ref_docs,
        "entity": ref_ents,
        "claim": [f"c{i}" for i in range(len(claims))] or ["c-x"],
        "event": [f"v{i}" for i in range(len(events))] or ["v-x"],
    }  # target_kind is categorical: no others
    annotations = []
    for i in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(list(targets)))
        annotations.append(
            {
                "annotation_id": f"a{i}",
                "target_kind": kind,
                "target_id": draw(st.sampled_from(targets[kind])),
                "kind": draw(st.sampled_from(["tag", "star", "status", "note"])),
                "value": draw(st.sampled_from(_ANN_VALUES)),
                "created": draw(st.sampled_from(["2024-01-01", "2024-01-02"])),
            }
        )
    return Book(
        documents=conform("documents", documents),
        entities=conform("entities", entities),
        mentions=conform("mentions", mentions),
        claims=conform("claims", claims),
        events=conform("events", events),
        places=conform("places", places),
        annotations=conform("annotations", annotations),
    )


@st.composite
def spec_for_random_books(draw: st.DrawFn) -> FilterSpec:
    pick = lambda pool, n=2: tuple(draw(st.lists(st.sampled_from(pool), max_size=n)))  # noqa: E731
    d1, d2 = sorted([draw(st.sampled_from(_DATES)), draw(st.sampled_from(_DATES))])
    return FilterSpec(
        doc_ids=pick(["d0", "d1", "d2", "d-missing"]),
        publishers=pick(["KCNA", "Yonhap", "Nobody"], 1),
        text=draw(st.sampled_from(["", "", "", "kim", "A.B", '"(x"', "ÉTÉ", "missile launch", "zzz"])),
        entity_ids=pick([*_ENT_IDS, "e-extra"]),
        entity_types=pick(ENTITY_TYPES),
        bbox=draw(st.none() | st.none() | st.sampled_from(_BOXES)),
        date_from=draw(st.none() | st.just(date.fromisoformat(d1))),
        date_to=draw(st.none() | st.just(date.fromisoformat(d2))),
        speakers=pick([*_ENT_IDS[:2], "jeffrey LEWIS", "us officials"]),
        quote_kinds=pick(QUOTE_KINDS, 1),
        confidence_bands=pick(CONFIDENCE_BANDS, 3),
        claim_statuses=pick(["confirmed", "disputed", NO_STATUS], 1),
        tags=pick(["review", "wmd", "0"], 1),
        stars_only=draw(st.booleans()) and draw(st.booleans()),
    )


def _v(x: Any) -> Any:
    return None if not isinstance(x, list) and pd.isna(x) else x


def reference(book: Book, spec: FilterSpec) -> dict[str, list[Any]]:
    """The documented semantics, row by row in plain Python."""
    rec = {
        n: [{str(k): _v(v) for k, v in r.items()} for r in book.table(n).to_dict("records")]
        for n in (*TABLES, "annotations")
    }
    ann = rec["annotations"]
    ent_type = {e["entity_id"]: e["type"] for e in rec["entities"]}
    geo = {p["entity_id"]: (p["lon"], p["lat"]) for p in rec["places"]}

    def inside(lon: float, lat: float) -> bool:
        assert spec.bbox is not None
        x0, y0, x1, y1 = spec.bbox
        in_lon = (x0 <= lon <= x1) if x0 <= x1 else (lon >= x0 or lon <= x1)
        return in_lon and y0 <= lat <= y1

    def latest(kind: str, tk: str, tid: str) -> tuple[bool, Any]:
        rows = [
            (a["created"], i, a["value"])
            for i, a in enumerate(ann)
            if a["kind"] == kind and a["target_kind"] == tk and a["target_id"] == tid
        ]
        return (True, max(rows)[2]) if rows else (False, None)

    def tagged(tk: str, tid: Any) -> bool:
        return any(
            a["kind"] == "tag" and a["target_kind"] == tk and a["target_id"] == tid and a["value"] in spec.tags
            for a in ann
        )

    def starred(tk: str, tid: Any) -> bool:
        found, value = latest("star", tk, tid)
        return found and (value is None or str(value).lower() not in UNSTAR_VALUES)

    marks = [m for m, on in ((tagged, bool(spec.tags)), (starred, spec.stars_only)) if on]
    lens_on = bool(spec.entity_types) or spec.bbox is not None

    def lens(e: str) -> bool:
        return (not spec.entity_types or ent_type.get(e) in spec.entity_types) and (
            spec.bbox is None or e not in geo or inside(*geo[e])
        )

    def selected(e: str) -> bool:
        return e in spec.entity_ids or any(m("entity", e) for m in marks)

    def touches(ids: list[str], pred: Any) -> bool:
        return any(pred(e) for e in ids)

    # the search syntax (filtering/query.py) on the sampled queries: one quoted phrase ('"(x"') is the
    # phrase inside the quotes as a substring; words side by side ("missile launch") are each a substring
    phrase = len(spec.text) >= 2 and spec.text[0] == spec.text[-1] == '"'
    terms = [lower(spec.text[1:-1])] if phrase else [lower(w) for w in spec.text.split()]

    def text_ok(text: str) -> bool:
        return all(t in lower(text) for t in terms)

    def claim_ok(c: dict[str, Any]) -> bool:
        ok = True
        if spec.speakers:
            text = c["speaker_text"]
            ok &= c["speaker_id"] in spec.speakers or (text is not None and lower(text) in map(lower, spec.speakers))
        ok &= not spec.quote_kinds or c["quote_kind"] in spec.quote_kinds
        ok &= not spec.confidence_bands or c["confidence"] in spec.confidence_bands
        if spec.claim_statuses:
            _, status = latest("status", "claim", c["claim_id"])
            ok &= (status if status is not None else NO_STATUS) in spec.claim_statuses
        ok &= not spec.text or text_ok(c["text"])
        if spec.entity_ids:
            ok &= c["speaker_id"] in spec.entity_ids or touches(c["entity_ids"], lambda e: e in spec.entity_ids)
        for m in marks:
            ok &= (
                m("claim", c["claim_id"])
                or m("document", c["doc_id"])
                or (c["speaker_id"] is not None and m("entity", c["speaker_id"]))
                or touches(c["entity_ids"], lambda e, m=m: m("entity", e))
            )
        return bool(ok)

    window = spec.date_from is not None or spec.date_to is not None

    def event_ok(v: dict[str, Any]) -> bool:
        ok = True
        if window:
            s, e = v["date_start"], v["date_end"]
            s, e = (s if s is not None else e), (e if e is not None else s)
            ok &= (
                s is not None
                and (spec.date_to is None or s.date() <= spec.date_to)
                and (spec.date_from is None or e.date() >= spec.date_from)
            )
        if spec.entity_ids:
            ok &= touches(v["entity_ids"], lambda e: e in spec.entity_ids)
        for m in marks:
            ok &= (
                m("event", v["event_id"])
                or m("document", v["doc_id"])
                or touches(v["entity_ids"], lambda e, m=m: m("entity", e))
            )
        return bool(ok)

    good_claims = [c for c in rec["claims"] if claim_ok(c)]
    good_events = [v for v in rec["events"] if event_ok(v)]
    named: dict[str, list[str]] = defaultdict(list)
    real_mentions = [m for m in rec["mentions"] if m["entity_id"] in ent_type]  # dangling ones are dropped
    for mention in real_mentions:
        named[mention["doc_id"]].append(mention["entity_id"])

    def doc_ok(d: dict[str, Any]) -> bool:
        did, ents = d["doc_id"], named[d["doc_id"]]
        has_claim = any(c["doc_id"] == did for c in good_claims)
        has_event = any(v["doc_id"] == did for v in good_events)
        ok = not spec.doc_ids or did in spec.doc_ids
        ok &= not spec.publishers or d["publisher"] in spec.publishers
        ok &= not spec.text or text_ok(d["text"])
        ok &= not spec.entity_ids or touches(ents, lambda e: e in spec.entity_ids)
        ok &= not spec.entity_types or touches(ents, lens)
        ok &= spec.bbox is None or touches(ents, lambda e: lens(e) and e in geo)
        ok &= not (spec.speakers or spec.quote_kinds or spec.confidence_bands or spec.claim_statuses) or has_claim
        ok &= not window or has_event
        for m in marks:
            ok &= m("document", did) or touches(ents, lambda e, m=m: m("entity", e)) or has_claim or has_event
        return bool(ok)

    kept = [d["doc_id"] for d in rec["documents"] if doc_ok(d)]
    mentions = [
        m
        for m in real_mentions
        if m["doc_id"] in kept and (not lens_on or lens(m["entity_id"]) or selected(m["entity_id"]))
    ]
    counts = {
        e["entity_id"]: (
            sum(m["entity_id"] == e["entity_id"] for m in mentions),
            len({m["doc_id"] for m in mentions if m["entity_id"] == e["entity_id"]}),
        )
        for e in rec["entities"]
    }
    entities = [(e, *counts[e]) for e in counts if counts[e][0] > 0]
    return {
        "documents": kept,
        "mentions": [m["mention_id"] for m in mentions],
        "claims": [c["claim_id"] for c in good_claims if c["doc_id"] in kept],
        "events": [v["event_id"] for v in good_events if v["doc_id"] in kept],
        "entities": entities,
        "places": [
            p["entity_id"]
            for p in rec["places"]
            if p["entity_id"] in {e[0] for e in entities} and (spec.bbox is None or inside(p["lon"], p["lat"]))
        ],
    }


def observed(b: Book) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {t: [str(x) for x in b.table(t)[KEYS[t]]] for t in TABLES if t != "entities"}
    e = b.entities
    out["entities"] = [
        (str(i), int(m), int(d)) for i, m, d in zip(e["entity_id"], e["n_mentions"], e["n_docs"], strict=True)
    ]
    return out


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(book=random_book(), spec=spec_for_random_books())
def test_apply_matches_the_reference_and_keeps_tables_consistent(book: Book, spec: FilterSpec) -> None:
    result = apply(book, spec)
    if spec.is_empty:
        assert result is book
        return
    assert observed(result) == reference(book, spec)
    for name in TABLES:  # subsets of the originals, same columns, same dtypes, same rows
        original, filtered = book.table(name), result.table(name)
        assert list(filtered.dtypes) == list(original.dtypes)
        rows = original.set_index(KEYS[name]).loc[list(filtered[KEYS[name]])].reset_index()
        drop = ["n_mentions", "n_docs"] if name == "entities" else []
        pd.testing.assert_frame_equal(rows.drop(columns=drop), filtered.drop(columns=drop), check_index_type=False)
    doc_set = set(result.documents["doc_id"])
    for name in ("mentions", "claims", "events"):
        assert set(result.table(name)["doc_id"]) <= doc_set
    assert set(result.mentions["entity_id"]) <= set(result.entities["entity_id"])
    assert set(result.places["entity_id"]) <= set(result.entities["entity_id"])
    assert_books_equal(apply(result, spec), result)  # idempotent


@settings(max_examples=60, deadline=None)
@given(
    spec=spec_for_random_books(),
    picked_docs=st.lists(st.integers(0, 2), max_size=2),
    picked_ents=st.lists(st.sampled_from([KIM, LEWIS, TRUMP, SINPHO, PYONGYANG, HW15]), max_size=2),
)
def test_tiny_book_invariants(spec: FilterSpec, picked_docs: list[int], picked_ents: list[str]) -> None:
    from tests.conftest import make_tiny_book

    book = make_tiny_book()
    spec = spec.with_(
        doc_ids=tuple(str(book.documents["doc_id"][i]) for i in picked_docs), entity_ids=tuple(picked_ents)
    )
    result = apply(book, spec)
    assert observed(result) == reference(book, spec)
    assert_books_equal(apply(result, spec), result)
