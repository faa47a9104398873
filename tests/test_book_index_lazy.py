"""A Book keeps its filter index (built once, new Book -> new index) and apply() returns a Book whose
tables are row selections built when read, equal to the eagerly filtered tables."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import weakref
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_tiny_book
from tests.test_filters import (
    HW15,
    KIM,
    PYONGYANG,
    SINPHO,
    TRUMP,
    any_spec,
    assert_books_equal,
    random_book,
    spec_for_random_books,
)
from workbook import curation as cur
from workbook.book import TABLE_NAMES, Book
from workbook.filtering import FILTERED_TABLES, FilterIndex, FilterIndexError, FilterSpec, apply, compute_masks
from workbook.filtering.apply import RECENT_VIEWS
from workbook.lazybook import RecentViews, RowSelection, SelectedBook
from workbook.model import conform

pytestmark = pytest.mark.unit


def eager_apply(book: Book, spec: FilterSpec) -> Book:
    """What apply() returned before tables became lazy: every filtered table copied at once."""
    if spec.is_empty:
        return book
    masks = compute_masks(spec, FilterIndex.build(book))
    out: dict[str, Any] = {}
    for name in FILTERED_TABLES:
        mask = getattr(masks, name)
        df = book.table(name)
        df = df if mask.all() else df.take(np.flatnonzero(mask)).reset_index(drop=True)
        if name == "entities":
            df = df.assign(n_mentions=masks.n_mentions[mask], n_docs=masks.n_docs[mask])
        out[name] = df
    return dataclasses.replace(book, **out)


def assert_exactly_equal(a: Book, b: Book) -> None:
    assert a.counts() == b.counts()
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(a.table(name), b.table(name), check_exact=True)
    assert a.manifest == b.manifest and a.workspace == b.workspace


@pytest.fixture
def build_counter(monkeypatch: pytest.MonkeyPatch) -> list[Book]:
    """Every Book FilterIndex.build is called on, in order."""
    built: list[Book] = []
    real = FilterIndex.build.__func__  # type: ignore[attr-defined]

    def counting(cls: type[FilterIndex], book: Book) -> FilterIndex:
        built.append(book)
        index: FilterIndex = real(cls, book)
        return index

    monkeypatch.setattr(FilterIndex, "build", classmethod(counting))
    return built


# -- the Book's own index --------------------------------------------------------------------------


def test_repeated_apply_builds_one_index(build_counter: list[Book]) -> None:
    book = make_tiny_book()
    specs = [
        FilterSpec(entity_ids=(KIM,)),
        FilterSpec(text="missile"),
        FilterSpec(entity_types=("place",)),
        FilterSpec(entity_ids=(KIM,)),
    ]
    views = [apply(book, s) for s in specs]
    assert build_counter == [book]
    assert FilterIndex.of(book) is FilterIndex.of(book)
    assert apply(book, specs[0], index=FilterIndex.of(book)).counts() == views[0].counts()
    assert build_counter == [book]
    assert apply(book, FilterSpec()) is book  # the empty spec needs no index


def test_index_is_invalidated_when_curation_is_reapplied(build_counter: list[Book]) -> None:
    book = make_tiny_book()
    first = FilterIndex.of(book)
    assert apply(book, FilterSpec(tags=("wmd",))).counts()["documents"] == 0

    # annotations re-applied: a new Book, a new index that sees the tag
    ann = conform(
        "annotations",
        [
            {
                "annotation_id": "a0",
                "target_kind": "entity",
                "target_id": HW15,
                "kind": "tag",
                "value": "wmd",
                "created": "2024-01-01",
            }
        ],
    )
    tagged = book.with_tables(annotations=ann)
    assert tagged is not book and FilterIndex.of(tagged) is not first
    assert apply(tagged, FilterSpec(tags=("wmd",))).counts()["documents"] == 1
    assert FilterIndex.of(book) is first  # the old Book keeps its own

    # an entity merge re-applied: Sinpho's mentions now select Pyongyang
    merged = cur.apply_curation(
        book,
        [
            {
                "id": "k1",
                "op": "merge",
                "author": "a",
                "created": "2024-01-01T00:00:01Z",
                "entities": [SINPHO],
                "into": PYONGYANG,
            }
        ],
    )
    assert FilterIndex.of(merged) is not first
    before = apply(book, FilterSpec(entity_ids=(PYONGYANG,))).counts()["documents"]
    assert apply(merged, FilterSpec(entity_ids=(PYONGYANG,))).counts()["documents"] == before + 1
    assert build_counter == [book, tagged, merged]

    replaced = dataclasses.replace(book, manifest={"x": 1})
    assert FilterIndex.of(replaced) is not first and len(build_counter) == 4


def test_the_explorer_and_exports_share_the_books_index(build_counter: list[Book]) -> None:
    pytest.importorskip("ipywidgets")
    from workbook.widgets.explorer import Explorer

    book = make_tiny_book()
    explorer = Explorer(book)
    explorer.spec = FilterSpec(entity_ids=(KIM,))
    explorer.spec = FilterSpec(entity_ids=(TRUMP,))
    assert explorer.index is FilterIndex.of(book)
    apply(book, FilterSpec(text="Kim"))  # what export_report / open_report call
    assert build_counter == [book]


def test_a_cached_index_does_not_keep_its_book_alive() -> None:
    book = make_tiny_book()
    index = FilterIndex.of(book)
    assert index.book is book
    gone = weakref.ref(book)
    del book  # no reference cycle Book -> index -> Book: freed at once, without the cyclic collector
    assert gone() is None and index.book is None
    with pytest.raises(FilterIndexError, match="another Book"):
        index.check(make_tiny_book())


def test_pickling_leaves_the_cache_out() -> None:
    book = make_tiny_book()
    FilterIndex.of(book)
    again = pickle.loads(pickle.dumps(book))
    assert again._memo == {} and len(book._memo) == 1
    assert_exactly_equal(again, book)


# -- lazy filtered Books -----------------------------------------------------------------------------

TINY_SPECS = [
    FilterSpec(entity_ids=(KIM,)),
    FilterSpec(text="missile"),
    FilterSpec(entity_types=("place",)),
    FilterSpec(entity_types=("person", "place", "weapon_system", "organization")),  # keeps nearly all
    FilterSpec(bbox=(124.0, 37.0, 131.0, 43.0)),
    FilterSpec(publishers=("KCNA",), entity_ids=(KIM,)),
    FilterSpec(quote_kinds=("direct",)),
    FilterSpec(doc_ids=("nope",)),
]


@pytest.mark.parametrize("spec", TINY_SPECS, ids=str)
def test_lazy_apply_equals_eager_apply(spec: FilterSpec) -> None:
    book = make_tiny_book()
    lazy = apply(book, spec)
    assert isinstance(lazy, SelectedBook)
    assert set(lazy.pending) == set(FILTERED_TABLES)
    assert lazy.counts() == eager_apply(book, spec).counts()  # counted without building a table
    assert set(lazy.pending) == set(FILTERED_TABLES)
    assert_exactly_equal(lazy, eager_apply(book, spec))
    assert lazy.pending == ()


def test_only_the_tables_read_are_built() -> None:
    book = make_tiny_book()
    view = apply(book, FilterSpec(entity_ids=(KIM,)))
    mentions = view.mentions
    assert "mentions" not in view.pending and "claims" in view.pending
    assert view.mentions is mentions and view.table("mentions") is mentions  # built once
    assert view.annotations is book.annotations  # not filtered: shared, never pending
    assert repr(view).startswith("<Book: documents=2, entities=4, mentions=6")
    assert "claims" in view.pending


def test_everything_that_works_on_a_book_works_on_a_lazy_one() -> None:
    book = make_tiny_book()
    spec = FilterSpec(entity_ids=(KIM,))
    expected = eager_apply(book, spec)

    # with_tables keeps the other tables pending, and a new Book gets a new index
    view = apply(book, spec)
    notes = conform("annotations", [])
    swapped = view.with_tables(annotations=notes)
    assert isinstance(swapped, SelectedBook) and "mentions" in swapped.pending
    assert swapped.annotations is notes
    pd.testing.assert_frame_equal(swapped.mentions, expected.mentions)
    assert "mentions" in view.pending  # the source Book is untouched
    with pytest.raises(TypeError, match="unexpected table"):
        view.with_tables(nonsense=notes)

    # dataclasses.replace, copy and pickle give the same tables
    for other in (
        dataclasses.replace(apply(book, spec), manifest={"m": 1}),
        copy.copy(apply(book, spec)),
        copy.deepcopy(apply(book, spec)),
        pickle.loads(pickle.dumps(apply(book, spec))),
    ):
        for name in TABLE_NAMES:
            pd.testing.assert_frame_equal(other.table(name), expected.table(name))
    assert isinstance(pickle.loads(pickle.dumps(apply(book, spec))), Book)

    # filtering a filtered Book, and its own index
    twice = apply(view, FilterSpec(entity_types=("place",)))
    assert_exactly_equal(twice, eager_apply(expected, FilterSpec(entity_types=("place",))))
    assert FilterIndex.of(twice) is not FilterIndex.of(view)
    with pytest.raises(AttributeError):
        view.no_such_table  # noqa: B018


def test_row_selection_slices_a_contiguous_run_without_copying() -> None:
    df = pd.DataFrame({"a": np.arange(10), "b": pd.array([f"x{i}" for i in range(10)], dtype="string")})
    run = RowSelection(df, np.arange(3, 7, dtype=np.int64)).materialise()
    pd.testing.assert_frame_equal(run, df.iloc[3:7].reset_index(drop=True))
    assert np.shares_memory(run["a"].to_numpy(), df["a"].to_numpy())
    scattered = RowSelection.of_mask(df, np.arange(10) % 3 == 0).materialise()
    pd.testing.assert_frame_equal(scattered, df.take([0, 3, 6, 9]).reset_index(drop=True))
    assert RowSelection.of_mask(df, np.ones(10, dtype=bool)).materialise() is df
    assert len(RowSelection.of_mask(df, np.zeros(10, dtype=bool)).materialise()) == 0


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(book=random_book(), spec=spec_for_random_books())
def test_lazy_apply_equals_eager_apply_on_random_books(book: Book, spec: FilterSpec) -> None:
    assert_exactly_equal(apply(book, spec), eager_apply(book, spec))


@settings(max_examples=60, deadline=None)
@given(spec=any_spec())
def test_lazy_apply_equals_eager_apply_for_any_spec_on_the_tiny_book(spec: FilterSpec) -> None:
    book = make_tiny_book()
    lazy = apply(book, spec)
    assert lazy.counts() == eager_apply(book, spec).counts()
    assert_books_equal(lazy, eager_apply(book, spec))


# -- filtered Books kept by spec ---------------------------------------------------------------------


def test_repeated_apply_returns_the_kept_filtered_book() -> None:
    book = make_tiny_book()
    first = apply(book, TINY_SPECS[0])
    mentions = first.mentions
    again = apply(book, FilterSpec(entity_ids=(KIM,)))  # an equal spec
    assert again is first and again.mentions is mentions and "claims" in again.pending
    assert apply(book, TINY_SPECS[0], index=FilterIndex.of(book)) is first
    for spec in TINY_SPECS[1 : RECENT_VIEWS + 1]:  # the last RECENT_VIEWS specs are kept, older ones dropped
        apply(book, spec)
    assert len(book._memo["recent_views"]) == RECENT_VIEWS
    remade = apply(book, TINY_SPECS[0])
    assert remade is not first
    assert_exactly_equal(remade, first)
    assert_exactly_equal(remade, eager_apply(book, TINY_SPECS[0]))


def test_kept_filtered_books_belong_to_their_book() -> None:
    book = make_tiny_book()
    spec = FilterSpec(tags=("wmd",))
    assert apply(book, spec).counts()["documents"] == 0
    ann = conform(
        "annotations",
        [
            {
                "annotation_id": "a0",
                "target_kind": "entity",
                "target_id": HW15,
                "kind": "tag",
                "value": "wmd",
                "created": "2024-01-01",
            }
        ],
    )
    tagged = book.with_tables(annotations=ann)  # curation re-applied: a new Book, nothing kept from the old one
    assert apply(tagged, spec).counts()["documents"] == 1
    assert apply(book, spec).counts()["documents"] == 0
    assert pickle.loads(pickle.dumps(book))._memo == {}


def test_recent_views_keeps_the_most_recently_used() -> None:
    book = make_tiny_book()
    views = RecentViews(2)
    made: list[str] = []

    def make(key: str) -> Book:
        made.append(key)
        return book.with_tables()

    a = views.get("a", lambda: make("a"))
    views.get("b", lambda: make("b"))
    assert views.get("a", lambda: make("a")) is a  # a is now the most recent
    views.get("c", lambda: make("c"))  # drops b
    assert views.get("a", lambda: make("a")) is a
    views.get("b", lambda: make("b"))
    assert made == ["a", "b", "c", "b"] and len(views) == 2
    assert len(RecentViews(0).get("x", lambda: make("x")).counts()) == len(TABLE_NAMES)
    with pytest.raises(ValueError, match="0 or more"):
        RecentViews(-1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(book=random_book(), specs=st.lists(spec_for_random_books(), min_size=1, max_size=2 * RECENT_VIEWS))
def test_repeated_apply_equals_eager_apply_on_random_books(book: Book, specs: list[FilterSpec]) -> None:
    for spec in specs + specs[::-1] + specs:  # asked again soon (kept) and after others (perhaps dropped)
        assert_exactly_equal(apply(book, spec), eager_apply(book, spec))


@pytest.mark.parametrize("spec", TINY_SPECS, ids=str)
def test_repeated_apply_equals_eager_apply(spec: FilterSpec) -> None:
    book = make_tiny_book()
    expected = eager_apply(book, spec)
    for _ in range(3):
        assert_exactly_equal(apply(book, spec), expected)
