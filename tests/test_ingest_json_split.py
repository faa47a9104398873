"""Splitting JSON without parsing it (workbook.ingest.json_split): what ``json.loads`` would read, member by
member, so that one record nested deeper than the parser's stack costs that record alone."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import DocumentParseError
from workbook.ingest.base import IngestFailure, RawDocument
from workbook.ingest.json_collections import read_collection
from workbook.ingest.json_split import split_array, split_object

_scalars = st.none() | st.booleans() | st.integers() | st.text(alphabet=st.characters(codec="utf-8"), max_size=8)
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_json, max_size=5), st.booleans())
def test_split_array_gives_the_elements_json_reads(items: list[Any], indent: bool) -> None:
    text = json.dumps(items, indent=2 if indent else None)
    parts = split_array(text)
    assert parts is not None
    assert [json.loads(p) for p in parts] == items


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=6), _json, max_size=5), st.booleans())
def test_split_object_gives_the_values_json_reads(obj: dict[str, Any], indent: bool) -> None:
    text = json.dumps(obj, indent=2 if indent else None, ensure_ascii=False)
    members = split_object(text)
    assert members is not None
    assert {k: json.loads(v) for k, v in members.items()} == obj


def test_split_object_refuses_what_is_not_one_object() -> None:
    for text in ("[1, 2]", '{"a": 1} {"b": 2}', '{"a" 1}', "{1: 2}", '{"a": [1}', '{"a": "open}'):
        assert split_object(text) is None, text
    assert split_object('{"a": 1, "a": 2}') == {"a": " 2"}  # the last repeated key, as json.loads keeps


def test_a_record_too_deep_under_a_collection_key_costs_that_record_alone() -> None:
    deep = '{"text": "Deep.", "x": ' + "[" * 5_000 + "]" * 5_000 + "}"
    good = '{"title": "T", "text": "Some text, with \\"quotes\\" and [brackets]."}'
    text = '{"meta": {"exported": "2024"}, "articles": [' + ", ".join([good, deep, good]) + "]}"
    items = list(read_collection(text.encode(), "json", "c.json"))
    assert [type(i).__name__ for i in items] == ["RawDocument", "IngestFailure", "RawDocument"]
    failure = items[1]
    assert isinstance(failure, IngestFailure) and "record 1 is not read" in failure.message
    assert all(isinstance(i, RawDocument) and i.source.endswith(("#0", "#2")) for i in (items[0], items[2]))


def test_an_object_too_deep_without_a_collection_key_is_one_named_error() -> None:
    text = '{"text": "One article.", "x": ' + "[" * 5_000 + "]" * 5_000 + "}"
    with pytest.raises(DocumentParseError, match="nested thousands of levels deep"):
        list(read_collection(text.encode(), "json", "one.json"))
