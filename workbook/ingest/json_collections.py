"""JSON and JSONL collections: many documents in one file, one per record.

A ``.json`` file holds a list of records, an object with the list under ``records``, ``articles``,
``data``, ``items``, ``documents`` or ``results``, or a single article object (one document whose
``source`` is the file's path). A ``.jsonl`` file holds one JSON object per line (blank lines are
skipped). Records map to documents through a :class:`~workbook.ingest.field_mapping.FieldMapping`,
detected when none is given.

Each record's ``source`` is ``<relative path>#<index>``: the 0-based position in the list, or for
JSONL the 0-based line number. A record that cannot become a document (not an object, no text
field, empty text, invalid JSONL line) becomes an :class:`IngestFailure` for that record alone;
the other records still load. A record whose date or other metadata is bad still loads, without
that value, with a warning (as for sidecars); so does a record with a field nested more than
:data:`~workbook.ingest.budget.MAX_DEPTH` levels deep (the field is left out). A record nested
deeper than the JSON parser's stack is one failure; the list (or the object holding it) is split into
its elements (:mod:`workbook.ingest.json_split`) so the other records still load. Title fallback: the
mapped title, else the first line when it looks like a heading, else ``<file stem> #<index>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from workbook.errors import (
    DocumentParseError,
    EmptyDocumentError,
    FieldMappingError,
    IngestError,
    MetadataError,
)
from workbook.ingest.base import IngestFailure, RawDocument
from workbook.ingest.budget import bounded_values
from workbook.ingest.field_mapping import FieldMapping, detect_mapping, parse_record_date
from workbook.ingest.formats import failure_from_error
from workbook.ingest.json_split import split_array, split_object
from workbook.ingest.metadata import (
    DocumentMetadata,
    clean_title,
    future_date_warning,
    jsonable,
    parse_language,
    parse_text_value,
    title_from_text,
)
from workbook.ingest.text_decoding import decode_bytes, normalise_newlines, valid_unicode

__all__ = ["COLLECTION_KEYS", "parse_json_records", "parse_jsonl_records", "read_collection", "record_to_document"]

COLLECTION_KEYS: tuple[str, ...] = ("records", "articles", "data", "items", "documents", "results")

# A parsed record: its index, the record (or the failure to parse it).
Entry = tuple[int, Any]


def parse_json_records(text: str, origin: str) -> tuple[list[Any], bool]:
    """The records of a ``.json`` file's text and whether it is a collection (False: a single article).

    A list with an element nested deeper than the parser's stack is parsed element by element: that
    element becomes a :class:`~workbook.errors.DocumentParseError` in the list (one failure row), the
    others load. Raises :class:`~workbook.errors.DocumentParseError` for bad JSON,
    :class:`~workbook.errors.EmptyDocumentError` for an empty file and
    :class:`~workbook.errors.FieldMappingError` for a shape that holds no records.
    """
    if not text.strip():
        raise EmptyDocumentError(f"{origin}: the JSON file is empty.")
    try:
        loaded = json.loads(text)
    except RecursionError as exc:
        parts = _deep_collection(text)
        if parts is None:
            raise DocumentParseError(
                f"{origin}: not read: it is nested thousands of levels deep. Fix the file or export it again."
            ) from exc
        return [_element(part, origin, i) for i, part in enumerate(parts)], True
    except json.JSONDecodeError as exc:
        raise DocumentParseError(f"{origin}: not valid JSON ({exc}). Fix the file or export it again.") from exc
    if isinstance(loaded, list):
        return loaded, True
    if isinstance(loaded, Mapping):
        for key in COLLECTION_KEYS:
            if isinstance(loaded.get(key), list):
                return loaded[key], True
        return [loaded], False
    raise FieldMappingError(
        f"{origin}: the JSON holds {type(loaded).__name__}, not records. Expected a list of objects, an object "
        f"with the list under one of {', '.join(COLLECTION_KEYS)}, or a single article object."
    )


def _deep_collection(text: str) -> list[str] | None:
    """The texts of the records of a file too deep to parse whole: a list, or an object holding the list
    under one of :data:`COLLECTION_KEYS` (the first such key whose value is a list, as for a file that
    parses). ``None`` when the records cannot be told apart without parsing."""
    parts = split_array(text)
    if parts is not None:
        return parts
    members = split_object(text)
    if members is None:
        return None
    for key in COLLECTION_KEYS:
        if key in members and (records := split_array(members[key])) is not None:
            return records
    return None


def _element(text: str, origin: str, index: int) -> Any:
    """One element of a list too deep to parse whole: its value, or the error for it alone."""
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        reason = "it is nested thousands of levels deep" if isinstance(exc, RecursionError) else str(exc)
        return DocumentParseError(f"{origin}#{index}: record {index} is not read ({reason}).")


def parse_jsonl_records(text: str, origin: str) -> list[Entry]:
    """``(line index, record)`` for each non-blank line; a bad line gives ``(index, IngestError)``."""
    entries: list[Entry] = []
    for i, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        try:
            entries.append((i, json.loads(line)))
        except (json.JSONDecodeError, RecursionError) as exc:
            entries.append((i, DocumentParseError(f"{origin}#{i}: line {i + 1} is not valid JSON ({exc}).")))
    if not entries:
        raise EmptyDocumentError(f"{origin}: the JSONL file has no records.")
    return entries


def _text_of(record: Mapping[str, Any], mapping: FieldMapping, source: str) -> tuple[str, str | None]:
    if mapping.text not in record:
        present = ", ".join(list(map(str, record))[:15])
        raise FieldMappingError(
            f"{source}: the record has no {mapping.text!r} field (it has {present}). "
            "Fix the record or declare the right text field in the mapping."
        )
    value = record[mapping.text]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = "\n\n".join(value)
    if value is not None and not isinstance(value, str):
        raise FieldMappingError(f"{source}: the text field {mapping.text!r} holds {type(value).__name__}, not text.")
    text = normalise_newlines(valid_unicode(value or "")).strip()
    if text:
        return text, None
    fallback = record.get(mapping.text_fallback) if mapping.text_fallback else None
    if isinstance(fallback, str) and fallback.strip():
        return " ".join(valid_unicode(fallback).split()), mapping.text_fallback
    raise EmptyDocumentError(f"{source}: the record's {mapping.text!r} field is empty; there is no text to read.")


def _published(record: Mapping[str, Any], mapping: FieldMapping, source: str, warnings: list[str]) -> date | None:
    primary = alt = None
    if mapping.published is not None:
        try:
            primary = parse_record_date(record.get(mapping.published), mapping.date_format, mapping.published, source)
        except MetadataError as exc:
            warnings.append(str(exc))
    if mapping.published_alt is not None:
        try:
            alt = parse_record_date(record.get(mapping.published_alt), "iso", mapping.published_alt, source)
        except MetadataError as exc:
            warnings.append(str(exc))
    if primary is not None and alt is not None and primary != alt:
        warnings.append(
            f"{source}: {mapping.published} gives {primary.isoformat()} but {mapping.published_alt} says "
            f"{alt.isoformat()}; kept {primary.isoformat()}. Check the date format in the mapping."
        )
    published = primary if primary is not None else alt
    future = future_date_warning(published, source)
    if future:
        warnings.append(future)
    return published


def _field(record: Mapping[str, Any], name: str | None, source: str, warnings: list[str]) -> str | None:
    if name is None:
        return None
    value = record.get(name)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    try:
        return parse_text_value(name, value, source)
    except MetadataError as exc:
        warnings.append(str(exc))
        return None


def record_to_document(
    record: Any,
    mapping: FieldMapping,
    source: str,
    fmt: str,
    encoding: str | None = None,
    defaults: DocumentMetadata | None = None,
) -> RawDocument:
    """One record as a document. ``defaults`` (e.g. from the file's sidecar) fill fields the record lacks.

    Raises :class:`~workbook.errors.FieldMappingError` (not an object, no text field) or
    :class:`~workbook.errors.EmptyDocumentError` (empty text); bad metadata becomes warnings.
    """
    if not isinstance(record, Mapping):
        raise FieldMappingError(f"{source}: the record is {type(record).__name__}, not a JSON object.")
    defaults = defaults or DocumentMetadata()
    warnings: list[str] = []
    text, text_from = _text_of(record, mapping, source)
    language = None
    raw_language = record.get(mapping.language) if mapping.language else None
    try:
        language = parse_language(raw_language, source) or parse_language(mapping.language_value, source)
    except MetadataError as exc:
        warnings.append(str(exc))
    used = mapping.used_fields()
    kept, deep = bounded_values(record, [k for k in record if k not in used or k == mapping.id], source)
    warnings.extend(deep)
    meta: dict[str, Any] = {str(k): jsonable(v) for k, v in kept.items() if k not in used}
    if mapping.id is not None and mapping.id in kept:
        meta["id"] = jsonable(kept[mapping.id])
    if text_from is not None:
        meta["text_from"] = text_from
    stem = PurePosixPath(source.split("#")[0]).stem
    index = source.rsplit("#", 1)[1] if "#" in source else None
    own = DocumentMetadata(
        title=clean_title(_field(record, mapping.title, source, warnings)) or title_from_text(text),
        publisher=_field(record, mapping.publisher, source, warnings) or mapping.publisher_value,
        published=_published(record, mapping, source, warnings),
        language=language,
        section=_field(record, mapping.section, source, warnings),
        url=_field(record, mapping.url, source, warnings),
        meta=meta,
    ).over(defaults)
    return RawDocument(
        text=text,
        source=source,
        format=fmt,
        title=own.title or (f"{stem} #{index}" if index is not None else stem),
        publisher=own.publisher,
        published=own.published,
        language=own.language,
        section=own.section,
        url=own.url,
        encoding=encoding,
        meta=own.meta,
        warnings=tuple(warnings),
    )


def read_collection(
    data: bytes,
    fmt: str,
    source: str,
    mapping: FieldMapping | None = None,
    defaults: DocumentMetadata | None = None,
) -> Iterator[RawDocument | IngestFailure]:
    """Documents and per-record failures of a ``.json`` / ``.jsonl`` file (``fmt`` "json"/"jsonl").

    Raises named errors only for problems with the whole file (bad bytes, bad JSON, no records, no
    mapping can be detected), before yielding anything. ``defaults`` (the file's sidecar) fill the
    fields a record lacks.
    """
    text, encoding = decode_bytes(data)
    if fmt == "jsonl":
        entries = parse_jsonl_records(text, source)
        single = False
    else:
        records, is_collection = parse_json_records(text, source)
        entries = list(enumerate(records))
        single = not is_collection
    readable = [r for _, r in entries if not isinstance(r, IngestError)]
    if mapping is None and readable:  # with no readable record, each record's own error is the report
        mapping = detect_mapping(readable)
    for index, record in entries:
        record_source = source if single else f"{source}#{index}"
        if isinstance(record, IngestError) or mapping is None:
            yield failure_from_error(record_source, record)
            continue
        try:
            yield record_to_document(record, mapping, record_source, fmt, encoding, defaults)
        except (IngestError, RecursionError) as exc:  # one record's problem; the next records still load
            yield failure_from_error(record_source, exc)
