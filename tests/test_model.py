"""The declared data model: conform() checks, dtypes, and the generated docs."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import REPO
from workbook.errors import SchemaError
from workbook.model import TABLES, conform, data_model_markdown, empty_frame

pytestmark = pytest.mark.unit


def test_every_table_has_its_key_among_its_columns() -> None:
    for t in TABLES.values():
        assert set(t.key) <= set(t.column_names), t.name


@pytest.mark.parametrize("name", list(TABLES))
def test_empty_frame_has_declared_columns_and_dtypes(name: str) -> None:
    df = empty_frame(name)
    assert list(df.columns) == TABLES[name].column_names
    assert len(conform(name, df)) == 0


def test_conform_names_the_missing_required_column() -> None:
    with pytest.raises(SchemaError, match="doc_id"):
        conform("mentions", [{"start": 0, "end": 3}])


def test_conform_names_column_and_rows_of_bad_category() -> None:
    rows = [
        {"entity_id": "e1", "name": "A", "type": "person", "n_mentions": 1, "n_docs": 1, "origin": "rules"},
        {"entity_id": "e2", "name": "B", "type": "wizard", "n_mentions": 1, "n_docs": 1, "origin": "rules"},
    ]
    with pytest.raises(SchemaError, match=r"'type'.*wizard.*\[1\]"):
        conform("entities", rows)


def test_conform_rejects_nulls_in_non_nullable_column() -> None:
    rows = [{"entity_id": "e1", "name": None, "type": "person", "n_mentions": 1, "n_docs": 1, "origin": "rules"}]
    with pytest.raises(SchemaError, match="'name' must not be null"):
        conform("entities", rows)


def test_conform_rejects_duplicate_keys() -> None:
    row = {"entity_id": "e1", "name": "A", "type": "person", "n_mentions": 1, "n_docs": 1, "origin": "rules"}
    with pytest.raises(SchemaError, match="duplicated"):
        conform("entities", [row, row])


def test_conform_keeps_nullable_dates_null_and_lists_as_lists() -> None:
    doc = {
        "doc_id": "d1",
        "title": "t",
        "source": "a.txt",
        "sha256": "x",
        "text": "abc",
        "n_chars": 3,
        "format": "txt",
        "published": None,
    }
    df = conform("documents", [doc])
    assert pd.isna(df.loc[0, "published"])
    assert str(df["published"].dtype) == "datetime64[s]"
    ent = conform(
        "entities",
        [
            {
                "entity_id": "e1",
                "name": "A",
                "type": "person",
                "aliases": ("x", "y"),
                "n_mentions": 1,
                "n_docs": 1,
                "origin": "rules",
            }
        ],
    )
    assert ent.loc[0, "aliases"] == ["x", "y"]
    assert ent["type"].dtype == "category"


def test_generated_data_model_doc_is_current() -> None:
    on_disk = (REPO / "docs" / "data-model.md").read_text(encoding="utf-8")
    assert on_disk == data_model_markdown(), "run: python -m workbook.model > docs/data-model.md"
