"""Property tests the other suites do not have yet (see tests/test_ingest_*, test_filters, test_dates):

* offsets: text of any kind, through ingest and the *default extractor*, gives mentions, claims and events
  whose offsets slice the document text to exactly their surface form;
* dates: the ingest's date parsers (sidecars, loose dates, collection records) never raise anything but
  ``MetadataError`` on arbitrary values (``find_dates`` is covered in tests/test_dates.py);
* FilterSpec JSON: arbitrary JSON is either refused with ``FilterSpecError`` or read into a spec that
  round-trips exactly;
* filtering Books built by the real pipeline (not synthetic ones) is idempotent and returns subsets;
* ingest: arbitrary bytes, and valid PDF/DOCX files with random damage, make the format readers raise
  only the project's named errors, so ``read_document`` never has to report an "unexpected" error.
"""

from __future__ import annotations

import contextlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from tests.hostile.hostile_data import MARKUP_PAYLOADS, docx_bytes, hostile_book, pdf_bytes
from workbook.assemble import extraction_rows
from workbook.book import TABLE_NAMES, Book
from workbook.build import build
from workbook.errors import FilterSpecError, IngestError, MetadataError, WorkbookError
from workbook.extract.base import DocumentInput
from workbook.extract.pipeline import DefaultExtractor
from workbook.filtering import FilterSpec, apply
from workbook.ingest import (
    IngestFailure,
    RawDocument,
    parse_file,
    parse_loose_date,
    parse_published,
    parse_record_date,
    read_document,
    read_sidecar,
)
from workbook.ingest.field_mapping import DATE_FORMATS
from workbook.workspace import read_book

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[2]
_EXTRACTOR = DefaultExtractor()

# --- offsets -----------------------------------------------------------------------------------------------

_WORDS = (
    "Kim Jong Un",
    "Jeffrey Lewis",
    "Mr Lewis",
    "he",
    "she",
    "Pyongyang",
    "Sinpho",
    "Seoul",
    "KCNA",
    "said",
    "says",
    "told",
    "according to",
    "may",
    "likely",
    "believed",
    "almost certainly",
    "on Monday",
    "last June",
    "in June 2018",
    "19 January 2019",
    "Juche 107",
    "the",
    "missile",
    "Hwasong-15",
    ",",
    ".",
    ";",
    "?",
    "!",
    '"',
    "“",
    "”",
    "'",
    "(",
    ")",
    "—",
    "\n",
    "\n\n",
    "\t",
    " ",
    "  ",
    "é",
    "ﬁ",
    "İ",
    "ß",
    "\u0301",
    "\u200b",
    "\u202e",
    "\ufeff",
    "😀",
    "한국",
    "조선중앙통신",
    "Ⅻ",
    "\r\n",
    "\x0c",
    *MARKUP_PAYLOADS,
)
_TEXTS = st.one_of(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60).map(" ".join),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=8)), min_size=1, max_size=40).map(" ".join),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, published=st.one_of(st.none(), st.dates()), fmt=st.sampled_from(["txt", "md", "html"]))
def test_offsets_of_the_default_extractor_slice_to_their_surface(text: str, published: date | None, fmt: str) -> None:
    try:
        parsed = parse_file(text.encode("utf-8"), fmt, f"random.{fmt}")
    except IngestError:
        assume(False)  # empty, or too many control characters: refused by ingest, nothing to extract
        return
    body = parsed.text
    doc = DocumentInput("d0", body, parsed.metadata.title or "", published, "en")
    rows = extraction_rows("d0", body, _EXTRACTOR.extract(doc))  # raises ExtractionError for any bad span
    for m in rows.mentions:
        assert body[m["start"] : m["end"]] == m["surface"] and m["surface"]
    for c in rows.claims:
        assert body[c["start"] : c["end"]] == c["text"] and c["text"]
    for v in rows.events:
        assert body[v["start"] : v["end"]] == v["text"] and v["text"]
        assert v["date_start"] is None or v["date_end"] is None or v["date_start"] <= v["date_end"]
    for kind in ("mentions", "claims", "events"):
        event(f"{kind}: {'some' if getattr(rows, kind) else 'none'}")


# --- dates ------------------------------------------------------------------------------------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_DATEISH = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"[0-9]{1,6}[-/. ][0-9]{1,3}[-/. ][0-9]{1,5}( [0-9:]{1,9})?( ?[+-][0-9]{2,4}|Z)?", fullmatch=True),
    st.builds(lambda d, s: f"{d.isoformat()}{s}", st.dates(), st.sampled_from(["", "T25:00", "T00:00:00+99:00", "x"])),
)


@settings(max_examples=400, deadline=None)
@given(value=_DATEISH)
def test_loose_dates_never_raise(value: str) -> None:
    result = parse_loose_date(value)
    assert result is None or isinstance(result, date)


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(_DATEISH, _JSON, st.dates()))
def test_sidecar_dates_are_a_date_none_or_a_metadata_error(value: object) -> None:
    try:
        result = parse_published(value, "x.meta.json")
    except MetadataError as exc:
        assert "x.meta.json" in str(exc)
    else:
        assert result is None or isinstance(result, date)


@settings(max_examples=300, deadline=None)
@given(
    value=st.one_of(_DATEISH, _JSON, st.integers(min_value=-(10**20), max_value=10**20)),
    fmt=st.sampled_from(DATE_FORMATS),
)
def test_record_dates_are_a_date_none_or_a_metadata_error(value: object, fmt: str) -> None:
    try:
        result = parse_record_date(value, fmt, "date", "c.json#0")
    except MetadataError as exc:
        assert "c.json#0" in str(exc)
    else:
        assert result is None or isinstance(result, date)


# --- FilterSpec JSON -----------------------------------------------------------------------------------------

_FIELDS = [
    "doc_ids",
    "publishers",
    "text",
    "entity_ids",
    "entity_types",
    "bbox",
    "date_from",
    "date_to",
    "speakers",
    "quote_kinds",
    "confidence_bands",
    "claim_statuses",
    "tags",
    "stars_only",
    "schema",
    "version",
]
_FIELD_VALUES = st.one_of(
    _JSON,
    st.lists(st.sampled_from(["person", "likely", "direct", "e1", "", "<script>"]), max_size=3),
    st.dates().map(date.isoformat),
    st.lists(st.floats(-200, 200, allow_nan=False), min_size=4, max_size=4),
)


@settings(max_examples=400, deadline=None)
@given(data=st.one_of(_JSON, st.dictionaries(st.sampled_from(_FIELDS), _FIELD_VALUES, max_size=6)))
def test_any_json_is_a_spec_that_round_trips_or_a_filter_spec_error(data: Any) -> None:
    text = json.dumps(data)
    try:
        spec = FilterSpec.from_json(text)
    except FilterSpecError:
        return
    again = FilterSpec.from_json(spec.to_json())
    assert again == spec and again.to_json() == spec.to_json() and hash(again) == hash(spec)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=60), st.binary(max_size=60)))
def test_any_text_is_a_spec_or_a_filter_spec_error(text: str | bytes) -> None:
    with contextlib.suppress(FilterSpecError):
        FilterSpec.from_json(text)


# --- filtering Books built by the real pipeline ---------------------------------------------------------------


@pytest.fixture(scope="module")
def real_books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Book]:
    ws = tmp_path_factory.mktemp("seedbook") / "ws"
    build([REPO / "seeds"], ws, extractor=_EXTRACTOR, progress=False)
    return {"seed": read_book(ws), "hostile": hostile_book()}


BANDS = ["likely", "unhedged", "roughly even chance"]


@st.composite
def _spec_for(draw: st.DrawFn, book: Book) -> FilterSpec:
    def some(values: Any) -> tuple[str, ...]:
        pool = sorted({str(v) for v in values if isinstance(v, str) and v})
        return tuple(draw(st.lists(st.sampled_from(pool), max_size=2))) if pool else ()

    events = book.events.dropna(subset=["date_start"])
    days = sorted(pd.to_datetime(events["date_start"]).dt.date) or [date(2018, 6, 1)]
    d1, d2 = sorted([draw(st.sampled_from(days)), draw(st.sampled_from(days))])
    return FilterSpec(
        doc_ids=some(book.documents["doc_id"]) + tuple(draw(st.lists(st.just("d-unknown"), max_size=1))),
        publishers=some(book.documents["publisher"].dropna()),
        entity_ids=some(book.entities["entity_id"]),
        entity_types=tuple(draw(st.lists(st.sampled_from(["person", "place", "organization"]), max_size=2))),
        speakers=some(book.claims["speaker_text"].dropna()),
        confidence_bands=tuple(draw(st.lists(st.sampled_from(BANDS), max_size=2))),
        text=draw(st.sampled_from(["", "said", "script", "Kim", "<"])),
        date_from=draw(st.none() | st.just(d1)),
        date_to=draw(st.none() | st.just(d2)),
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), which=st.sampled_from(["seed", "hostile"]))
def test_filtering_a_built_book_is_idempotent_and_gives_subsets(
    real_books: dict[str, Book], data: st.DataObject, which: str
) -> None:
    book = real_books[which]
    spec = data.draw(_spec_for(book))
    once = apply(book, spec)
    twice = apply(once, spec)
    keys = {
        "documents": "doc_id",
        "entities": "entity_id",
        "mentions": "mention_id",
        "claims": "claim_id",
        "events": "event_id",
        "places": "entity_id",
    }
    for name in TABLE_NAMES:
        if name in keys:
            assert set(once.table(name)[keys[name]]) <= set(book.table(name)[keys[name]]), name
            assert list(twice.table(name)[keys[name]]) == list(once.table(name)[keys[name]]), name
    docs = set(once.documents["doc_id"])
    for name in ("mentions", "claims", "events"):
        assert set(once.table(name)["doc_id"]) <= docs


# --- ingest of damaged bytes ------------------------------------------------------------------------------------

_GOOD_PDF = pdf_bytes(("Kim Jong Un visited Pyongyang.", "Second line."), title="A title")
_GOOD_DOCX = docx_bytes(["Kim Jong Un visited Pyongyang.", "Second paragraph."], title="A title")


@st.composite
def _damaged(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "zero"]))
        i = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del data[i : i + draw(st.integers(1, 400))]
        elif kind == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=40))
        else:
            data[i : i + 64] = bytes(len(data[i : i + 64]))
    return bytes(data)


_FORMATS = {"pdf": _GOOD_PDF, "docx": _GOOD_DOCX}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), fmt=st.sampled_from(["pdf", "docx"]))
def test_damaged_pdf_and_docx_raise_only_named_errors(data: st.DataObject, fmt: str) -> None:
    damaged = data.draw(_damaged(_FORMATS[fmt]))
    with contextlib.suppress(IngestError):
        parse_file(damaged, fmt, f"damaged.{fmt}")


@settings(max_examples=300, deadline=None)
@given(raw=st.binary(max_size=2000), fmt=st.sampled_from(["txt", "md", "html", "pdf", "docx"]))
def test_arbitrary_bytes_raise_only_named_errors_in_every_reader(raw: bytes, fmt: str) -> None:
    prefix = {"pdf": b"%PDF-1.4\n", "docx": b"PK\x03\x04"}.get(fmt, b"")
    for data in (raw, prefix + raw):
        with contextlib.suppress(IngestError):
            parse_file(data, fmt, f"x.{fmt}")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw=st.one_of(st.binary(max_size=500), _JSON.map(lambda v: json.dumps(v).encode())),
    ext=st.sampled_from([".meta.json", ".meta.yaml"]),
)
def test_arbitrary_sidecars_raise_only_metadata_errors(tmp_path: Path, raw: bytes, ext: str) -> None:
    path = tmp_path / f"doc.txt{ext}"
    path.write_bytes(raw)
    with contextlib.suppress(MetadataError):
        read_sidecar(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), fmt=st.sampled_from(["pdf", "docx"]))
def test_read_document_reports_damage_with_a_named_error(tmp_path: Path, data: st.DataObject, fmt: str) -> None:
    path = tmp_path / f"damaged.{fmt}"
    path.write_bytes(data.draw(_damaged(_FORMATS[fmt])))
    for item in read_document(path, tmp_path):
        if isinstance(item, IngestFailure):
            assert not item.message.startswith(f"{item.source}: unexpected "), item  # failure_from_error's fallback
            assert item.error in _NAMED, item.error
        else:
            assert isinstance(item, RawDocument) and item.text


_NAMED = {cls.__name__ for cls in (WorkbookError, *WorkbookError.__subclasses__())} | {
    c.__name__ for base in IngestError.__subclasses__() for c in (base, *base.__subclasses__())
}
