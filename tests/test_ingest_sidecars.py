"""Metadata sidecars (<document>.meta.json / .meta.yaml): values, precedence, and bad values as warnings."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from workbook.errors import MetadataError
from workbook.ingest import RawDocument, find_sidecar, parse_published, read_document, read_sidecar

pytestmark = pytest.mark.unit


def _doc(tmp_path: Path, sidecar: Any, *, name: str = "story.txt", raw: str | None = None) -> RawDocument:
    (tmp_path / name).write_text("A headline\n\nThe body of the story.\n", encoding="utf-8")
    side = tmp_path / f"{name}.meta.json"
    side.write_text(raw if raw is not None else json.dumps(sidecar), encoding="utf-8")
    [doc] = read_document(tmp_path / name, tmp_path)
    assert isinstance(doc, RawDocument), doc
    return doc


def test_good_sidecar_fills_every_field_and_keeps_the_rest_in_meta(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        {
            "title": "  The   real title ",
            "publisher": "The Straits Times",
            "published": "2019-01-19",
            "language": "EN-gb",
            "url": "https://example.org/a",
            "section": "Asia",
            "date_note": "print edition",
            "author": "Staff",
        },
    )
    assert doc.title == "The real title"
    assert (doc.publisher, doc.published, doc.language) == ("The Straits Times", date(2019, 1, 19), "en")
    assert (doc.url, doc.section) == ("https://example.org/a", "Asia")
    assert doc.meta == {"date_note": "print edition", "author": "Staff"}
    assert doc.warnings == ()


def test_null_means_unknown(tmp_path: Path) -> None:
    doc = _doc(tmp_path, {"url": None, "published": None, "title": None})
    assert doc.url is None and doc.published is None
    assert doc.title == "A headline"  # falls back to the first line
    assert doc.warnings == ()


def test_yaml_sidecar(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("Text body here.", encoding="utf-8")
    (tmp_path / "s.txt.meta.yaml").write_text("publisher: KCNA\npublished: 2024-10-31\nlanguage: en\n")
    [doc] = read_document(tmp_path / "s.txt", tmp_path)
    assert isinstance(doc, RawDocument)
    assert (doc.publisher, doc.published) == ("KCNA", date(2024, 10, 31))


def test_sidecar_overrides_what_the_page_says(tmp_path: Path) -> None:
    page = (
        '<html lang="ko"><head><meta property="og:title" content="Page title"></head><body><p>Body.</p></body></html>'
    )
    (tmp_path / "p.html").write_text(page)
    (tmp_path / "p.html.meta.json").write_text(json.dumps({"title": "Analyst title"}))
    [doc] = read_document(tmp_path / "p.html", tmp_path)
    assert isinstance(doc, RawDocument)
    assert doc.title == "Analyst title"
    assert doc.language == "ko"  # not given by the sidecar: the page's value stays


@pytest.mark.parametrize(
    ("sidecar", "needle"),
    [
        ({"published": "19/01/2019"}, "'19/01/2019'"),
        ({"published": "soon"}, "'soon'"),
        ({"published": 5}, "the number 5"),
        ({"published": "2019-02-30"}, "'2019-02-30'"),
    ],
)
def test_bad_date_keeps_the_document_without_the_date(tmp_path: Path, sidecar: dict[str, Any], needle: str) -> None:
    doc = _doc(tmp_path, {**sidecar, "publisher": "Still Used"})
    assert doc.published is None
    assert doc.publisher == "Still Used"
    [warning] = doc.warnings
    assert "story.txt.meta.json" in warning and needle in warning and "YYYY-MM-DD" in warning


@pytest.mark.parametrize(
    ("sidecar", "needle"),
    [
        ({"title": 5}, "title must be text"),
        ({"publisher": ["a", "b"]}, "publisher must be text"),
        ({"language": "English"}, "ISO 639-1"),
        ({"url": {"href": "x"}}, "url must be text"),
    ],
)
def test_wrong_types_are_clear_warnings(tmp_path: Path, sidecar: dict[str, Any], needle: str) -> None:
    doc = _doc(tmp_path, sidecar)
    [warning] = doc.warnings
    assert needle in warning and "story.txt.meta.json" in warning


def test_future_date_is_kept_with_a_warning(tmp_path: Path) -> None:
    doc = _doc(tmp_path, {"published": "2999-01-01"})
    assert doc.published == date(2999, 1, 1)
    [warning] = doc.warnings
    assert "future" in warning


@pytest.mark.parametrize(("raw", "needle"), [("{not json", "not valid JSON"), ("[1, 2]", "object of fields")])
def test_unusable_sidecar_keeps_the_document(tmp_path: Path, raw: str, needle: str) -> None:
    doc = _doc(tmp_path, None, raw=raw)
    assert doc.title == "A headline"
    [warning] = doc.warnings
    assert needle in warning and "without its sidecar" in warning


def test_two_sidecars_are_an_error_for_that_sidecar(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("Body text.")
    (tmp_path / "s.txt.meta.json").write_text("{}")
    (tmp_path / "s.txt.meta.yml").write_text("{}")
    with pytest.raises(MetadataError, match="two metadata sidecars"):
        find_sidecar(tmp_path / "s.txt")
    [doc] = read_document(tmp_path / "s.txt", tmp_path)
    assert isinstance(doc, RawDocument)
    assert "two metadata sidecars" in doc.warnings[0]


def test_read_sidecar_returns_metadata_and_warnings(tmp_path: Path) -> None:
    path = tmp_path / "x.txt.meta.json"
    path.write_text(json.dumps({"published": "bad", "title": "T", "extra": {"k": [1]}}))
    metadata, warnings = read_sidecar(path)
    assert metadata.title == "T" and metadata.published is None and metadata.meta == {"extra": {"k": [1]}}
    assert len(warnings) == 1 and "'bad'" in warnings[0]


def test_parse_published_accepts_dates_and_iso_datetimes() -> None:
    assert parse_published("2019-01-19", "f") == date(2019, 1, 19)
    assert parse_published("2019-01-19T23:00:00Z", "f") == date(2019, 1, 19)
    assert parse_published(datetime(2019, 1, 19, 5), "f") == date(2019, 1, 19)
    assert parse_published("  ", "f") is None
    with pytest.raises(MetadataError, match="f: published"):
        parse_published("2019", "f")


def test_sidecars_are_never_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Body.")
    (tmp_path / "a.txt.meta.json").write_text("{}")
    from workbook.ingest import iter_documents

    assert [i.source for i in iter_documents(tmp_path)] == ["a.txt"]
