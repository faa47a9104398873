"""JSON/JSONL collections: field mappings, presets, detection, per-record failures, the KCNA archive."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.errors import FieldMappingError, MetadataError
from workbook.ingest import (
    PRESETS,
    FieldMapping,
    IngestFailure,
    RawDocument,
    detect_mapping,
    iter_documents,
    parse_record_date,
    preset,
    read_document,
)

pytestmark = pytest.mark.unit

KCNA_LIKE: list[dict[str, Any]] = [
    {
        "topic": "News Commentary",
        "headline": "Japan's Discharge of Nuclear-polluted Water Is Crime: KCNA Commentary",
        "link": "http://www.kcna.kp/en/article/q/a.kcmsf",
        "date": "1703376000000",
        "story_text": "Pyongyang, December 24 (KCNA) -- Japan continues discharging water.\nSecond paragraph.",
        "date_str": "2023-12-24",
    },
    {
        "topic": "Photo",
        "headline": "Lunar New Year's Day Greeted in DPRK\r\n\t\t\t\n\n[Juche113.2.11.]",
        "link": "http://www.kcna.kp/en/article/q/b.kcmsf",
        "date": 1707609600000,
        "story_text": "",
        "date_str": "2024-02-11",
    },
]


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _split(items: list[RawDocument | IngestFailure]) -> tuple[list[RawDocument], list[IngestFailure]]:
    docs = [i for i in items if isinstance(i, RawDocument)]
    fails = [i for i in items if isinstance(i, IngestFailure)]
    return docs, fails


# --- FieldMapping -----------------------------------------------------------------------------


def test_field_mapping_round_trips_through_dict_and_json() -> None:
    mapping = FieldMapping(text="body", title="headline", published="ts", date_format="%d/%m/%Y", publisher_value="X")
    assert FieldMapping.from_dict(mapping.to_dict()) == mapping
    assert FieldMapping.from_json(json.dumps(mapping.to_dict())) == mapping
    assert FieldMapping.from_json('{"text": "content"}') == FieldMapping(text="content")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ({"title": "headline"}, "needs 'text'"),
        ({"text": "body", "bogus": 1}, "Unknown field-mapping setting"),
        ({"text": "body", "date_format": "yyyy"}, "date_format"),
        ({"text": ""}, "text"),
        ({"text": 5}, "must be text"),
    ],
)
def test_bad_field_mappings_are_named_errors(data: dict[str, Any], match: str) -> None:
    with pytest.raises(FieldMappingError, match=match):
        FieldMapping.from_dict(data)


def test_load_takes_a_preset_name_or_a_file(tmp_path: Path) -> None:
    assert FieldMapping.load("kcna-stiles") is PRESETS["kcna-stiles"]
    path = _write(tmp_path / "m.json", {"text": "body", "title": "head"})
    assert FieldMapping.load(path) == FieldMapping(text="body", title="head")
    with pytest.raises(FieldMappingError, match="kcna-stiles"):
        FieldMapping.load("no-such-preset")
    with pytest.raises(FieldMappingError, match="kcna-stiles"):
        preset("nope")


def test_kcna_preset_settings() -> None:
    kcna = preset("kcna-stiles")
    assert (kcna.text, kcna.title, kcna.published, kcna.date_format) == ("story_text", "headline", "date", "epoch_ms")
    assert (kcna.publisher_value, kcna.section, kcna.url, kcna.published_alt) == ("KCNA", "topic", "link", "date_str")


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        ("1703376000000", "epoch_ms", date(2023, 12, 24)),
        (1703376000000, "epoch_ms", date(2023, 12, 24)),
        (1703376000, "epoch_s", date(2023, 12, 24)),
        ("2023-12-24", "iso", date(2023, 12, 24)),
        ("2023-12-24T23:30:00+09:00", "iso", date(2023, 12, 24)),
        ("24/12/2023", "%d/%m/%Y", date(2023, 12, 24)),
        ("", "iso", None),
        (None, "epoch_ms", None),
    ],
)
def test_parse_record_date(value: object, fmt: str, expected: date | None) -> None:
    assert parse_record_date(value, fmt, "date", "f.json#0") == expected


@pytest.mark.parametrize(
    ("value", "fmt", "match"),
    [
        ("yesterday", "iso", "yesterday"),
        (1703376000, "epoch_ms", "epoch_s"),  # seconds given as milliseconds land in 1970
        ("abc", "epoch_ms", "abc"),
        ("2023/12/24", "%d.%m.%Y", "does not match"),
        (True, "epoch_s", "True"),
    ],
)
def test_parse_record_date_errors_name_the_value(value: object, fmt: str, match: str) -> None:
    with pytest.raises(MetadataError, match=match):
        parse_record_date(value, fmt, "date", "f.json#0")


# --- detection --------------------------------------------------------------------------------


def test_detection_picks_the_kcna_preset() -> None:
    assert detect_mapping(KCNA_LIKE) is PRESETS["kcna-stiles"]


def test_detection_from_common_names() -> None:
    records = [
        {"body": "Text one.", "headline": "H1", "published_at": "2024-01-02", "link": "u", "category": "c", "x": 1},
        {"body": "Text two.", "headline": "H2", "published_at": "2024-01-03", "link": "u2", "category": "c"},
    ]
    mapping = detect_mapping(records)
    assert (mapping.text, mapping.title, mapping.published, mapping.date_format) == (
        "body",
        "headline",
        "published_at",
        "iso",
    )
    assert (mapping.url, mapping.section) == ("link", "category")


def test_detection_prefers_epoch_date_and_checks_it_against_date_str() -> None:
    records = [{"story": "s", "date": 1703376000000, "date_str": "2023-12-24"}]
    mapping = detect_mapping(records)
    assert (mapping.published, mapping.date_format, mapping.published_alt) == ("date", "epoch_ms", "date_str")


def test_detection_without_a_text_field_says_what_to_do() -> None:
    with pytest.raises(FieldMappingError, match=r"FieldMapping\(text="):
        detect_mapping([{"name": "x", "lat": 1.0}])


# --- reading collections ----------------------------------------------------------------------


def test_kcna_like_records_through_auto_detection(tmp_path: Path) -> None:
    _write(tmp_path / "kcna.json", KCNA_LIKE)
    docs, fails = _split(list(read_document(tmp_path / "kcna.json", tmp_path)))
    assert fails == []
    first, photo = docs
    assert first.source == "kcna.json#0"
    assert first.published == date(2023, 12, 24)
    assert first.publisher == "KCNA"
    assert first.section == "News Commentary"
    assert first.language == "en"
    assert first.url == "http://www.kcna.kp/en/article/q/a.kcmsf"
    assert first.title == "Japan's Discharge of Nuclear-polluted Water Is Crime: KCNA Commentary"
    assert first.text.endswith("Second paragraph.")
    assert first.format == "json"
    # a photo item has only a headline: it becomes the text, and meta says so
    assert photo.text == "Lunar New Year's Day Greeted in DPRK [Juche113.2.11.]"
    assert photo.title == photo.text
    assert photo.meta["text_from"] == "headline"
    assert photo.published == date(2024, 2, 11)


def test_wrapped_records_and_explicit_mapping(tmp_path: Path) -> None:
    data = {"articles": [{"content": "Alpha text.", "when": "19/01/2019", "outlet": "ST", "extra": [1, 2]}]}
    _write(tmp_path / "c.json", data)
    mapping = FieldMapping(text="content", published="when", date_format="%d/%m/%Y", publisher="outlet")
    [doc] = read_document(tmp_path / "c.json", tmp_path, mapping)
    assert isinstance(doc, RawDocument)
    assert (doc.published, doc.publisher, doc.meta) == (date(2019, 1, 19), "ST", {"extra": [1, 2]})
    assert doc.title == "c #0"  # no title field and a one-line text: file stem and index


def test_single_article_object_is_one_document(tmp_path: Path) -> None:
    _write(tmp_path / "one.json", {"title": "Solo", "text": "Just one article.", "date": "2024-05-01"})
    [doc] = read_document(tmp_path / "one.json", tmp_path)
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.title, doc.published) == ("one.json", "Solo", date(2024, 5, 1))


def test_per_record_failures_do_not_stop_the_others(tmp_path: Path) -> None:
    records = [
        {"text": "Good one.", "date": "2024-01-01"},
        {"title": "no text field"},
        {"text": "   ", "date": "2024-01-02"},
        "not an object",
        {"text": "Bad date but loads.", "date": "2024-13-45"},
        {"text": "Good two.", "date": "2024-01-03"},
    ]
    _write(tmp_path / "mixed.json", records)
    docs, fails = _split(
        list(read_document(tmp_path / "mixed.json", tmp_path, FieldMapping(text="text", published="date")))
    )
    assert [d.source for d in docs] == ["mixed.json#0", "mixed.json#4", "mixed.json#5"]
    assert {(f.source, f.error, f.stage) for f in fails} == {
        ("mixed.json#1", "FieldMappingError", "metadata"),
        ("mixed.json#2", "EmptyDocumentError", "parse"),
        ("mixed.json#3", "FieldMappingError", "metadata"),
    }
    bad_date = docs[1]
    assert bad_date.published is None
    assert (
        len(bad_date.warnings) == 1 and "2024-13-45" in bad_date.warnings[0] and "mixed.json#4" in bad_date.warnings[0]
    )


def test_lone_surrogates_and_nuls_from_json_escapes_become_writable_text(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text('[{"text": "bad \\ud800 char\\u0000 here", "title": "t \\udfff", "x": "\\ud83d"}]')
    [doc] = read_document(tmp_path / "s.json", tmp_path)
    assert isinstance(doc, RawDocument)
    assert doc.text == "bad \ufffd char here"
    assert doc.title == "t \ufffd"
    assert doc.meta == {"x": "\ufffd"}
    doc.text.encode("utf-8")


def test_date_disagreeing_with_date_str_is_a_warning(tmp_path: Path) -> None:
    record = {**KCNA_LIKE[0], "date_str": "2023-12-25"}
    _write(tmp_path / "k.json", [record])
    [doc] = read_document(tmp_path / "k.json", tmp_path, "kcna-stiles")
    assert isinstance(doc, RawDocument)
    assert doc.published == date(2023, 12, 24)
    assert "2023-12-25" in doc.warnings[0]


def test_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "First.", "published": "2024-02-01"}), "{not json", "", json.dumps({"text": "Third."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, fails = _split(list(read_document(tmp_path / "feed.jsonl", tmp_path)))
    assert [d.source for d in docs] == ["feed.jsonl#0", "feed.jsonl#3"]
    assert docs[0].published == date(2024, 2, 1) and docs[0].format == "jsonl"
    assert [(f.source, f.error) for f in fails] == [("feed.jsonl#1", "DocumentParseError")]
    assert "line 2" in fails[0].message


@pytest.mark.parametrize(
    ("content", "error"),
    [("{broken", "DocumentParseError"), ("42", "FieldMappingError"), ("", "EmptyDocumentError"), ("[]", None)],
)
def test_whole_file_problems_are_one_failure(tmp_path: Path, content: str, error: str | None) -> None:
    (tmp_path / "f.json").write_text(content)
    items = list(read_document(tmp_path / "f.json", tmp_path))
    if error is None:
        assert items == [] or all(isinstance(i, IngestFailure) for i in items)
    else:
        assert [(type(i).__name__, getattr(i, "error", None)) for i in items] == [("IngestFailure", error)]


def test_collection_sidecar_gives_defaults_and_reports_problems_once(tmp_path: Path) -> None:
    _write(tmp_path / "c.json", [{"text": "One."}, {"text": "Two.", "publisher": "Own"}])
    _write(tmp_path / "c.json.meta.json", {"publisher": "Default Press", "published": 7})
    items = list(read_document(tmp_path / "c.json", tmp_path))
    docs, fails = _split(items)
    assert [d.publisher for d in docs] == ["Default Press", "Own"]
    assert [(f.source, f.stage, f.error) for f in fails] == [("c.json.meta.json", "metadata", "MetadataError")]


def test_unknown_preset_name_raises_at_iteration_start(tmp_path: Path) -> None:
    _write(tmp_path / "c.json", [{"text": "One."}])
    with pytest.raises(FieldMappingError):
        list(iter_documents([tmp_path], mapping="no-such-preset"))


JSON_KEYS = st.sampled_from(
    ["text", "body", "title", "date", "published", "date_str", "story_text", "headline", "records", "x"]
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(JSON_KEYS, children, max_size=5),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(json_values)
def test_read_document_never_raises_on_arbitrary_json(tmp_path: Path, value: Any) -> None:
    path = tmp_path / "any.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    for item in read_document(path, tmp_path):
        assert isinstance(item, RawDocument | IngestFailure)
        if isinstance(item, RawDocument):
            assert item.text.strip()
            json.dumps(item.meta)  # meta stays JSON-safe


# --- the real KCNA archive --------------------------------------------------------------------


@pytest.mark.realdata
def test_kcna_archive_through_the_preset(shared_data: Path) -> None:
    path = shared_data / "kcna-archive_stiles" / "headlines_2024-11-11.json"
    docs, fails = _split(list(read_document(path, path.parent, "kcna-stiles")))
    assert fails == []
    assert len(docs) == 2111
    first = docs[0]
    assert first.source == "headlines_2024-11-11.json#0"
    assert first.published == date(2023, 12, 24)
    assert first.publisher == "KCNA"
    assert first.section == "News Commentary"
    assert first.text.startswith("Pyongyang, December 24 (KCNA)")
    months = Counter(d.published.strftime("%Y-%m") for d in docs if d.published)
    assert sum(months.values()) == 2111
    assert min(months) == "2023-12" and max(months) == "2024-11"
    assert all(not d.warnings for d in docs)  # every epoch-ms date agrees with date_str
    assert sum(1 for d in docs if d.meta.get("text_from") == "headline") == 249
    assert Counter(d.section for d in docs)["WPK General Secretary Kim Jong Un's Revolutionary Activities"] == 97


@pytest.mark.realdata
def test_kcna_archive_auto_detection_matches_the_preset(shared_data: Path) -> None:
    folder = shared_data / "kcna-archive_stiles"
    items = list(iter_documents([folder]))
    docs, fails = _split(items)
    assert len(docs) == 2111
    assert docs[0].published == date(2023, 12, 24) and docs[0].publisher == "KCNA"
    # the folder's LICENSE is reported, not read
    assert [(f.source, f.error) for f in fails] == [("LICENSE", "UnsupportedFormatError")]
