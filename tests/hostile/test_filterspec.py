"""Hostile filters: malformed FilterSpec JSON (beyond tests/test_filters.py's cases) and filters naming ids
that the Book does not hold, including ids that are markup."""

from __future__ import annotations

import pytest

from tests.conftest import make_tiny_book
from tests.hostile.hostile_data import SCRIPT, hostile_book
from workbook.errors import FieldMappingError, FilterSpecError
from workbook.filtering import FilterIndex, FilterSpec, apply
from workbook.ingest import FieldMapping

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "malformed at line 1, column 1"),
        ("null", "must be a JSON object"),
        ('"entity_ids"', "must be a JSON object"),
        ("\ufeff{}", "BOM"),
        ('{"text": "x"} trailing', "Extra data"),
        ('{"bbox": [Infinity, 0, 1, 1]}', "Infinity, which is not a valid JSON number"),
        ('{"bbox": [1e400, 0, 1, 1]}', "finite"),
        ('{"text": 5}', "'text'"),
        ('{"stars_only": 1}', "True or False"),
        ('{"tags": [""]}', "non-empty string"),
        ('{"doc_ids": [["nested"]]}', "non-empty string"),
        ('{"entity_ids": {"a": 1}}', "expected a list of strings"),
        ('{"date_to": 20190101}', "ISO date"),
        ('{"__class__": "x", "__init__": 1}', "no field(s) ['__class__', '__init__']"),
        (f'{{"quote_kinds": ["{SCRIPT.replace(chr(34), chr(39))}"]}}', "allowed values are"),
        (b'{"text": "\xff"}', "must be text (str or UTF-8 bytes)"),
    ],
)
def test_malformed_filter_json_is_a_filter_spec_error(text: str | bytes, needle: str) -> None:
    with pytest.raises(FilterSpecError) as info:
        FilterSpec.from_json(text)
    assert needle in str(info.value)


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"text": ' * 50_000 + '""' + "}" * 50_000])
def test_deeply_nested_filter_json_is_a_filter_spec_error(text: str) -> None:
    with pytest.raises(FilterSpecError):
        FilterSpec.from_json(text)


def test_deeply_nested_field_mapping_json_is_a_field_mapping_error() -> None:
    with pytest.raises(FieldMappingError, match="not valid JSON"):
        FieldMapping.from_json("[" * 100_000 + "]" * 100_000)


UNKNOWN = {
    "doc_ids": ("d-missing", SCRIPT),
    "publishers": ("Nobody Press",),
    "entity_ids": ("e-missing", "<img src=x onerror=alert(1)>"),
    "speakers": ("Nobody",),
    "tags": ("no-such-tag",),
    "claim_statuses": ("no-such-status",),
}


@pytest.mark.parametrize("field", list(UNKNOWN))
def test_a_filter_naming_unknown_values_matches_nothing_and_says_so(field: str) -> None:
    book = make_tiny_book()
    spec = FilterSpec(**{field: UNKNOWN[field]})
    view = apply(book, spec, index=FilterIndex.build(book))
    assert len(view.documents) == 0 and len(view.mentions) == 0 and len(view.claims) == 0
    warnings = spec.validate(book)
    assert len(warnings) == 1 and warnings[0].startswith(field)
    assert all(repr(v) in warnings[0] for v in UNKNOWN[field])
    with pytest.raises(FilterSpecError, match="absent from the Book"):
        spec.validate(book, strict=True)
    again = FilterSpec.from_json(spec.to_json())  # a saved spec with unknown ids keeps loading
    assert again == spec


def test_known_and_unknown_ids_together_keep_the_known_ones() -> None:
    book = hostile_book()
    known = str(book.entities["entity_id"].iloc[0])
    spec = FilterSpec(entity_ids=(known, "e-missing"))
    view = apply(book, spec)
    assert known in set(view.entities["entity_id"]) and len(view.documents) >= 1
    assert spec.validate(book) == ["entity_ids: 'e-missing' not found among the entities' entity_id values."]
