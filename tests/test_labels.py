"""``labels`` columns (schema 1.4): repeated text held as categoricals, and the six places where a pandas
categorical does not behave as a string column, each handled where the package relies on it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import make_tiny_book
from workbook import curation as cur
from workbook.book import TABLE_NAMES
from workbook.casestudy.appearances import leader_documents
from workbook.explore.state import count_choices, speaker_choices
from workbook.filtering import FilterSpec, apply
from workbook.filtering.columns import codes_in, dictionary_codes, distinct_strings, lower_codes
from workbook.ids import entity_id
from workbook.labels import (
    add_labels,
    as_text,
    concat_frames,
    count_labels,
    count_pairs,
    fill_labels,
    labels_series,
    map_labels,
    set_labels,
)
from workbook.model import SCHEMA_VERSION, TABLES, conform
from workbook.workspace import read_book, write_snapshot

LABEL_COLUMNS = {name: [c.name for c in t.columns if c.dtype == "labels"] for name, t in TABLES.items()}
KIM = entity_id("person", "Kim Jong Un")


def _strings(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with its labels columns as plain text (what a 1.3 Book held)."""
    return df.assign(
        **{c: df[c].astype(object).where(df[c].notna(), None) for c in df.columns if df[c].dtype == "category"}
    )


def test_the_declared_columns_are_categoricals_with_sorted_categories() -> None:
    book = make_tiny_book()
    assert LABEL_COLUMNS["mentions"] == ["doc_id", "entity_id", "surface"]
    for name, columns in LABEL_COLUMNS.items():
        df = book.table(name)
        for col in columns:
            if len(df):
                s = df[col]
                assert isinstance(s.dtype, pd.CategoricalDtype), (name, col)
                assert s.cat.categories.is_monotonic_increasing, (name, col)
    m = book.mentions
    assert m["doc_id"].sort_values().tolist() == sorted(m["doc_id"].astype(str)), "sorting orders as the strings do"


def test_labels_series_from_any_input_reads_the_same_values() -> None:
    values = ["b", None, "a", "b"]
    want = ["b", None, "a", "b"]
    for source in (
        values,
        pd.Series(values, dtype="string"),
        pd.Series(values, dtype=object),
        pa.chunked_array([pa.array(values[:2]), pa.array(values[2:])]),
        pa.chunked_array([pa.array(values[:2]).dictionary_encode(), pa.array(values[2:]).dictionary_encode()]),
        pd.Series(pd.Categorical(values, categories=["b", "a", "z"])),
    ):
        s = labels_series(source)
        assert [None if pd.isna(v) else v for v in s] == want, source
        assert s.cat.categories.tolist() in (["a", "b"], ["a", "b", "z"])


def test_round_trip_through_a_snapshot_keeps_dtypes_and_values(tmp_path: Path) -> None:
    book = make_tiny_book()
    tables = {n: book.table(n) for n in TABLE_NAMES}
    write_snapshot(tmp_path / "ws", "b1", tables, {"schema_version": SCHEMA_VERSION, "build_id": "b1"})
    back = read_book(tmp_path / "ws")
    for name in TABLE_NAMES:
        got, want = back.table(name), tables[name]
        assert list(got.dtypes.astype(str)) == list(want.dtypes.astype(str)), name
        pd.testing.assert_frame_equal(_strings(got), _strings(want), check_dtype=False)
    stored = pq.read_schema(tmp_path / "ws" / "snapshots" / "b1" / "mentions.parquet")
    assert pa.types.is_dictionary(stored.field("entity_id").type) or pa.types.is_string(stored.field("entity_id").type)


def test_a_schema_13_workspace_with_plain_strings_reads_as_labels(tmp_path: Path) -> None:
    book = make_tiny_book()
    snap = tmp_path / "ws" / "snapshots" / "old"
    snap.mkdir(parents=True)
    for name in TABLE_NAMES:
        df = _strings(book.table(name))
        table = pa.Table.from_pandas(df, preserve_index=False)
        pq.write_table(table.replace_schema_metadata(None), snap / f"{name}.parquet")
        assert not any(pa.types.is_dictionary(t) for t in pq.read_schema(snap / f"{name}.parquet").types)
    (snap / "manifest.json").write_text(json.dumps({"schema_version": "1.3", "build_id": "old"}))
    (tmp_path / "ws" / "CURRENT").write_text("old")
    back = read_book(tmp_path / "ws")
    for name in TABLE_NAMES:
        got = back.table(name)
        for col in LABEL_COLUMNS[name]:
            if len(got):
                assert isinstance(got[col].dtype, pd.CategoricalDtype), (name, col)
        pd.testing.assert_frame_equal(_strings(got), _strings(book.table(name)), check_dtype=False)


# -- the six behaviours ---------------------------------------------------------------------------------


def test_1_curation_split_and_merge_give_new_ids_not_nan() -> None:
    book = make_tiny_book()
    d1 = str(book.documents["doc_id"].iloc[1])
    kim_yo = entity_id("person", "Kim Yo Jong")
    split = {"id": "k1", "op": "split", "author": "ana", "created": "2024-01-01T00:00:01Z", "entity_id": KIM}
    out = cur.apply_curation(
        book, [{**split, "new_id": kim_yo, "new_name": "Kim Yo Jong", "new_type": "person", "doc_ids": [d1]}]
    )
    m = out.mentions
    assert isinstance(m["entity_id"].dtype, pd.CategoricalDtype)
    assert m["entity_id"].notna().all() and kim_yo in set(m["entity_id"])
    new_id = entity_id("person", "Somebody Else")
    merged = map_labels(book.mentions["entity_id"], {KIM: new_id})
    assert merged.notna().all() and new_id in set(merged) and KIM not in set(merged)
    assert (merged == book.mentions["entity_id"].astype(str).replace({KIM: new_id})).all()
    two = map_labels(book.mentions["entity_id"], dict.fromkeys(set(book.mentions["entity_id"]), "one"))
    assert two.cat.categories.tolist() == ["one"] and (two == "one").all()


def test_2_value_counts_of_a_filtered_column_lists_only_what_is_there() -> None:
    book = make_tiny_book()
    view = apply(book, FilterSpec(entity_ids=(KIM,)))
    m = view.mentions
    counts = count_labels(m["entity_id"])
    assert set(counts.index) == set(m["entity_id"].astype(str)) and (counts > 0).all()
    assert len(m["entity_id"].value_counts()) >= len(counts), "pandas lists the lost categories with 0"
    choices = count_choices(m["entity_id"])
    assert sum(int(label.rsplit("(", 1)[1].rstrip(")")) for label, _ in choices) == len(m)


def test_3_speaker_pairs_are_counted_over_pairs_present_not_the_cartesian_product() -> None:
    book = make_tiny_book()
    c = book.claims
    assert isinstance(c["speaker_id"].dtype, pd.CategoricalDtype)
    frame = pd.DataFrame({"a": c["speaker_id"], "b": c["speaker_text"]})
    pairs = count_pairs(frame, ["a", "b"], dropna=False)
    assert int(pairs.sum()) == len(c) and (pairs > 0).all()
    plain = _strings(c)
    want = pd.DataFrame({"a": plain["speaker_id"], "b": plain["speaker_text"]}).value_counts(dropna=False)
    assert sorted(map(int, pairs)) == sorted(map(int, want))
    choices = speaker_choices(book, {})
    assert sum(int(label.rsplit("(", 1)[1].rstrip(")")) for label, _ in choices) <= len(c)
    assert choices, "the speakers are listed"


def test_4_str_methods_where_the_package_uses_them() -> None:
    book = make_tiny_book()
    docs = book.documents.assign(section=labels_series(["Top News; Kim Jong Un", None, "World"]))
    got = leader_documents(book.with_tables(documents=docs), topic="Kim Jong Un")
    assert got["doc_id"].tolist() == [docs["doc_id"].iloc[0]]
    text = as_text(book.mentions["surface"])
    assert isinstance(text.dtype, pd.StringDtype) and text.str.upper().dtype == text.dtype


def test_5_concatenating_tables_with_different_labels_keeps_them_labels() -> None:
    a = conform("mentions", _strings(make_tiny_book().mentions.iloc[:3]))
    b = conform("mentions", _strings(make_tiny_book().mentions.iloc[3:]))
    assert a["surface"].cat.categories.tolist() != b["surface"].cat.categories.tolist()
    assert not isinstance(pd.concat([a, b])["surface"].dtype, pd.CategoricalDtype), "what pandas does"
    out = concat_frames([a, b])
    assert isinstance(out["surface"].dtype, pd.CategoricalDtype)
    assert out["surface"].tolist() == make_tiny_book().mentions["surface"].tolist()
    assert out["surface"].cat.categories.is_monotonic_increasing


def test_6_fillna_and_loc_with_new_values() -> None:
    s = labels_series(["x", None, "y"])
    with pytest.raises(TypeError):
        s.fillna("new")
    assert fill_labels(s, "new").tolist() == ["x", "new", "y"]
    assert set_labels(s, s == "x", "z").tolist()[0] == "z"
    grown = add_labels(s, ["w"])
    grown.iloc[0] = "w"
    assert grown.tolist()[0] == "w" and grown.cat.categories.is_monotonic_increasing
    plain = pd.Series(["x", None], dtype="string")
    assert fill_labels(plain, "q").tolist() == ["x", "q"] and set_labels(plain, [0], "r").tolist()[0] == "r"


def test_a_filtered_book_takes_codes_and_equals_the_eager_strings() -> None:
    book = make_tiny_book()
    view = apply(book, FilterSpec(entity_ids=(KIM,)))
    m = view.mentions
    assert isinstance(m["doc_id"].dtype, pd.CategoricalDtype)
    want = _strings(book.mentions)
    want = want[want["doc_id"].isin(set(view.documents["doc_id"]))].reset_index(drop=True)
    assert 0 < len(want) < len(book.mentions)
    pd.testing.assert_frame_equal(_strings(m)[list(want.columns)], want, check_dtype=False)
    assert np.array_equal(m["doc_id"].cat.categories, book.mentions["doc_id"].cat.categories)


def test_the_filter_index_codes_labels_through_their_categories() -> None:
    values = ["Kim", None, "KIM", "Lewis", "kim", "Lewis"]
    cat, text = labels_series(values).iloc[1:], pd.Series(values, dtype="string").iloc[1:]
    cat = cat[(cat != "Lewis").to_numpy(dtype=bool, na_value=True)]
    text = text[(text != "Lewis").to_numpy(dtype=bool, na_value=True)]
    value_set = pa.array(["kim", "KIM"], type=pa.large_string())
    assert codes_in(cat, value_set).tolist() == codes_in(text, value_set).tolist()
    assert sorted(distinct_strings(cat).to_pylist()) == sorted(distinct_strings(text).to_pylist()) == ["KIM", "kim"]
    got_codes, got = lower_codes(cat)
    want_codes, want = lower_codes(text)
    assert [got[c] if c >= 0 else None for c in got_codes] == [want[c] if c >= 0 else None for c in want_codes]
    assert list(got) == ["kim"], "a value only the lost categories held is not listed"
    codes, distinct = dictionary_codes(cat)
    assert [distinct[c] if c >= 0 else None for c in codes] == [None, "KIM", "kim"]
