"""The FilterIndex built part by part: parts appear when a spec needs them, the three ways of computing
the surviving mentions agree, and list columns read the same as Arrow lists or as Python lists."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_tiny_book
from tests.test_book_index_lazy import TINY_SPECS, assert_exactly_equal, eager_apply
from tests.test_filters import KIM, random_book
from workbook.book import Book
from workbook.filtering import FILTERED_TABLES, FilterIndex, FilterSpec, apply, compute_masks
from workbook.filtering.apply import _mentions_complement, _mentions_dense, _mentions_sparse
from workbook.filtering.columns import codes_in, dictionary_codes, list_elements
from workbook.filtering.index import PARTS
from workbook.filtering.text import TextColumn

pytestmark = pytest.mark.unit

LIST_COLUMNS = {"mentions": "candidates", "claims": "entity_ids", "events": "entity_ids", "entities": "aliases"}


def test_an_index_builds_nothing_until_a_spec_needs_it() -> None:
    book = make_tiny_book()
    index = FilterIndex.of(book)
    assert index.built == ()
    apply(book, FilterSpec())  # the empty spec: the Book itself, nothing read
    assert index.built == ()
    compute_masks(FilterSpec(entity_types=("person",)), index)
    after_lens = set(index.built)
    assert {"entities", "mentions", "claim_docs", "event_docs"} <= after_lens
    assert not after_lens & {"doc_text", "claim_text", "publishers", "speakers", "annotations"}
    compute_masks(FilterSpec(text="missile"), index)
    assert {"doc_text", "claim_text"} <= set(index.built)
    assert "publishers" not in index.built
    assert set(index.build_all().built) == set(PARTS.values())


def test_a_part_is_built_once_when_threads_ask_together(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbook.filtering import index as index_module

    calls: list[int] = []
    real = index_module._BUILDERS["doc_text"]

    def slow(ix: FilterIndex) -> dict[str, Any]:
        calls.append(1)
        threading.Event().wait(0.05)
        return real(ix)

    monkeypatch.setitem(index_module._BUILDERS, "doc_text", slow)
    index = FilterIndex.build(make_tiny_book())
    seen: list[Any] = []
    threads = [threading.Thread(target=lambda: seen.append(index.doc_text)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1] and len(seen) == 4 and all(s is seen[0] for s in seen)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(book=random_book(), data=st.data())
def test_the_three_ways_to_count_mentions_agree(book: Book, data: st.DataObject) -> None:
    index = FilterIndex.build(book)
    docs = np.array(data.draw(st.lists(st.booleans(), min_size=index.n_docs, max_size=index.n_docs)), dtype=bool)
    ent_ok: np.ndarray[Any, Any] | None = None
    if data.draw(st.booleans()):
        flags = data.draw(st.lists(st.booleans(), min_size=index.n_universe, max_size=index.n_universe))
        ent_ok = np.array([*flags, False], dtype=bool)
    sparse = _mentions_sparse(index, np.flatnonzero(docs), ent_ok)
    complement = _mentions_complement(index, np.flatnonzero(~docs), ent_ok)
    dense = _mentions_dense(index, docs, ent_ok)
    for a, b in ((sparse, dense), (complement, dense)):
        for x, y in zip(a, b, strict=True):
            np.testing.assert_array_equal(x, y)


def _as_arrow_lists(book: Book) -> Book:
    """``book`` with its list columns held as Arrow lists of strings."""
    tables: dict[str, pd.DataFrame] = {}
    for table, column in LIST_COLUMNS.items():
        df = book.table(table).copy()
        cells = [None if v is None else [str(x) for x in v] for v in df[column].tolist()]
        df[column] = pd.Series(pd.array(cells, dtype=pd.ArrowDtype(pa.list_(pa.string()))), index=df.index)
        tables[table] = df
    return book.with_tables(**tables)


@pytest.mark.parametrize("spec", TINY_SPECS, ids=str)
def test_arrow_list_columns_filter_as_python_lists_do(spec: FilterSpec) -> None:
    book = make_tiny_book()
    arrow = _as_arrow_lists(book)
    assert isinstance(arrow.claims["entity_ids"].dtype, pd.ArrowDtype)
    ours, theirs = compute_masks(spec, FilterIndex.build(arrow)), compute_masks(spec, FilterIndex.build(book))
    for name in (*FILTERED_TABLES, "n_mentions", "n_docs"):
        np.testing.assert_array_equal(getattr(ours, name), getattr(theirs, name))
    assert apply(arrow, spec).counts() == apply(book, spec).counts()


def test_lazy_apply_still_equals_eager_apply_on_a_book_filtered_twice() -> None:
    book = make_tiny_book()
    once = apply(book, FilterSpec(entity_types=("person", "place")))
    for spec in TINY_SPECS:
        assert_exactly_equal(apply(once, spec), eager_apply(once, spec))


def test_list_elements_reads_every_cell_shape() -> None:
    cells = pd.Series([["a", "b"], [], None, ("c",), np.array(["d", None], dtype=object), float("nan")], dtype=object)
    rows, values = list_elements(cells)
    assert rows.tolist() == [0, 0, 3, 4] and values.to_pylist() == ["a", "b", "c", "d"]
    arrow = pd.Series(pd.array([["a", "b"], [], None, ["c"], ["d", None]], dtype=pd.ArrowDtype(pa.list_(pa.string()))))
    rows, values = list_elements(arrow)
    assert rows.tolist() == [0, 0, 3, 4] and values.to_pylist() == ["a", "b", "c", "d"]
    rows, values = list_elements(pd.Series([[1, 2], [], [3]], dtype=object))  # not text: as pandas reads them
    assert rows.tolist() == [0, 0, 2] and values.to_pylist() == ["1", "2", "3"]


def test_codes_match_pandas() -> None:
    values = pd.Series(["b", None, "a", "zz", "b"], dtype="string")
    assert codes_in(values, pa.array(["a", "b"])).tolist() == [1, -1, 0, -1, 1]
    assert codes_in(pd.Series(pd.Categorical(["b", None, "q"])), pa.array(["a", "b"])).tolist() == [1, -1, -1]
    codes, uniques = dictionary_codes(values)
    expected_codes, expected_uniques = pd.factorize(values.astype(object))
    assert codes.tolist() == expected_codes.tolist() and uniques.tolist() == list(expected_uniques)


def test_a_curated_book_gets_its_own_index_parts() -> None:
    book = make_tiny_book()
    index = FilterIndex.of(book)
    compute_masks(FilterSpec(entity_ids=(KIM,)), index)
    fewer = book.with_tables(mentions=book.mentions.iloc[:3].reset_index(drop=True))
    assert FilterIndex.of(fewer) is not index and FilterIndex.of(fewer).built == ()
    spec = FilterSpec(entity_ids=(KIM,))
    counts = compute_masks(spec, FilterIndex.of(fewer)).counts()
    assert counts == {n: c for n, c in eager_apply(fewer, spec).counts().items() if n in FILTERED_TABLES}
    assert counts["mentions"] < compute_masks(spec, index).counts()["mentions"]


def test_the_vocabulary_gathered_block_by_block_finds_what_one_block_does(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbook.filtering import query

    texts = ["Kim Jong Un visited Sinpho", None, "Hwasongpho-19 launched", "", "missiles, missiles; Pyongyang"] * 3
    queries = ["Sinpo", "Phyongyang", "Hwasong-19", "missil*", "Kim~1", "hwasong*", "pyong*", '"Jong Un"']
    column = TextColumn.build(pd.Series(texts, dtype="string"))
    whole = {q: query.match_query(q, column) for q in queries}
    monkeypatch.setattr(query, "_VOCAB_ROWS", 2)
    monkeypatch.setattr(query, "_SCAN_WORDS", 0)  # every word checked by the whole-word expression alone
    monkeypatch.setattr(query, "_WORDS_PER_PATTERN", 1)
    monkeypatch.setattr(query, "_MATCH_ROWS", 1)  # rows lower-cased one at a time for the whole-word check
    blocks = TextColumn.build(pd.Series(texts, dtype="string"))  # a new column: no vocabulary cached yet
    for q in queries:
        np.testing.assert_array_equal(query.match_query(q, blocks), whole[q])
    assert whole["Sinpo"].tolist()[:5] == [True, False, False, False, False]
    assert whole["Hwasong-19"].tolist()[:5] == [False, False, True, False, False]


def test_text_lower_cased_block_by_block_equals_arrow_lower(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbook.filtering import text as text_module

    texts = ["Kim JONG Un", None, "", "ÉTÉ İstanbul Ω", "plain ascii", None, "ẞ straße", "Ǆ"] * 5
    expected = pc.utf8_lower(pa.array(texts, type=pa.large_string()))
    for rows in (1, 3, 10_000):
        monkeypatch.setattr(text_module, "_LOWER_ROWS", rows)
        chunked = pa.chunked_array([pa.array(texts[:7]), pa.array(texts[7:])])
        for values in (pd.Series(texts, dtype="string"), chunked):
            column = TextColumn.build(values)
            lowered = column.lowered()
            lowered.validate(full=True)
            assert lowered.to_pylist() == expected.to_pylist()
            assert column.lowered(np.array([3, 0])).to_pylist() == [expected[3].as_py(), expected[0].as_py()]
            assert column.valid.tolist() == [t is not None for t in texts]
            assert column.contains("istanbul").tolist() == [t is not None and "stanbul" in t for t in texts]


def test_opening_the_explorer_builds_no_part_until_a_filter_is_set() -> None:
    import workbook as wb

    book = make_tiny_book()
    explorer = wb.explore(book)
    assert explorer.index is FilterIndex.of(book) and explorer.index.built == ()
    explorer.spec = FilterSpec(entity_types=("person",))
    assert "mentions" in explorer.index.built and "doc_text" not in explorer.index.built
