"""FilterSpec: what an analyst asked to see, as an immutable, hashable, JSON-serialisable value.

A spec only *describes* a filter; :func:`workbook.filtering.apply.apply` evaluates it against a Book
(the semantics of every field are documented there). A spec is always valid: the constructor checks
types and closed vocabularies and normalises every tuple field (duplicates dropped; closed
vocabularies in their declared order, free values sorted), so two specs that mean the same filter
compare and hash equal.

Ids that do not exist in a given Book are *not* an error: a saved spec must keep working on a
rebuilt Book, and an unknown id simply matches nothing. :meth:`FilterSpec.validate` lists such
values as warnings (or raises with ``strict=True``).
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from workbook.errors import FilterSpecError
from workbook.filtering.query import parse_query
from workbook.model import CONFIDENCE_BANDS, ENTITY_TYPES, NO_STATUS, QUOTE_KINDS, UNSTAR_VALUES

if TYPE_CHECKING:
    from workbook.book import Book

__all__ = [
    "CLOSED_VOCABULARIES",
    "DATE_MATCHES",
    "NO_STATUS",
    "SPEC_SCHEMA",
    "SPEC_VERSION",
    "TUPLE_FIELDS",
    "UNSTAR_VALUES",
    "BBox",
    "FilterSpec",
    "diff_specs",
]

SPEC_SCHEMA = "workbook.filterspec"
SPEC_VERSION = 1
# NO_STATUS (what ``claim_statuses`` names a claim without a status by) and UNSTAR_VALUES are declared in
# workbook.model with the other analyst vocabularies; re-exported here, where filters have always found them.

BBox = tuple[float, float, float, float]

#: Fields holding a tuple of values: OR within the field.
TUPLE_FIELDS: tuple[str, ...] = (
    "doc_ids",
    "publishers",
    "entity_ids",
    "entity_types",
    "speakers",
    "quote_kinds",
    "confidence_bands",
    "claim_statuses",
    "tags",
)
#: Tuple fields whose values come from a closed vocabulary of :mod:`workbook.model`.
CLOSED_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "entity_types": ENTITY_TYPES,
    "quote_kinds": QUOTE_KINDS,
    "confidence_bands": CONFIDENCE_BANDS,
}
#: How an event's interval counts against the events window: ``overlaps`` (the interval meets the window:
#: "2024" counts for June 2024) or ``within`` (the whole interval lies inside it: "2024" does not).
DATE_MATCHES: tuple[str, ...] = ("overlaps", "within")
_DATE_FIELDS: tuple[str, ...] = ("date_from", "date_to", "published_from", "published_to")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _fail(field: str, problem: str) -> FilterSpecError:
    return FilterSpecError(f"FilterSpec field {field!r}: {problem}")


def _norm_tuple(field: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise _fail(field, f"expected a tuple (or JSON list) of strings, got {type(value).__name__} {value!r}.")
    items = tuple(value)
    for v in items:
        if not isinstance(v, str) or not v:
            raise _fail(field, f"every value must be a non-empty string; got {v!r}.")
    allowed = CLOSED_VOCABULARIES.get(field)
    if allowed is None:
        return tuple(sorted(set(items)))
    unknown = sorted(set(items) - set(allowed))
    if unknown:
        raise _fail(field, f"unknown value(s) {unknown}; the allowed values are {list(allowed)}.")
    chosen = set(items)
    return tuple(v for v in allowed if v in chosen)


def _norm_date(field: str, value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise _fail(field, f"expected a datetime.date (not a datetime or {type(value).__name__}); got {value!r}.")
    return value


def _norm_bbox(value: Any) -> BBox | None:
    if value is None:
        return None
    shape = "(min_lon, min_lat, max_lon, max_lat) in WGS84 degrees"
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise _fail("bbox", f"expected None or 4 numbers {shape}; got {value!r}.")
    items = tuple(value)
    if len(items) != 4 or any(isinstance(v, bool) or not isinstance(v, int | float) for v in items):
        raise _fail("bbox", f"expected 4 numbers {shape}; got {value!r}.")
    min_lon, min_lat, max_lon, max_lat = (float(v) for v in items)
    if not all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat)):
        raise _fail("bbox", f"coordinates must be finite numbers; got {value!r}.")
    if not (-180.0 <= min_lon <= 180.0 and -180.0 <= max_lon <= 180.0):
        raise _fail("bbox", f"longitudes must lie in [-180, 180]; got {value!r} {shape}.")
    if not (-90.0 <= min_lat <= max_lat <= 90.0):
        raise _fail("bbox", f"latitudes must lie in [-90, 90] with min_lat <= max_lat; got {value!r} {shape}.")
    return (min_lon, min_lat, max_lon, max_lat)


def _short(values: Iterable[str], limit: int = 5) -> str:
    vals = list(values)
    if len(vals) <= limit:
        return ", ".join(vals)
    return ", ".join(vals[:limit]) + f" and {len(vals) - limit} more"


def _fmt_num(v: float) -> str:
    return f"{v:g}"


@dataclass(frozen=True)
class FilterSpec:
    """A filter over a Book. Every field left at its default is "no constraint"; the fields combine
    with AND, the values within one tuple field with OR. See :func:`workbook.filtering.apply.apply`
    for what each field keeps in each table.

    Fields:
        doc_ids: documents by id.
        publishers: documents by publisher (exact).
        text: a query in the search syntax (:mod:`workbook.filtering.query`: "exact phrase", AND / OR /
            NOT, parentheses, prefix*, word~1, romanisation-insensitive names) over the document text
            and the claim text; plain words are case-insensitive substrings, as before.
        entity_ids: documents mentioning, and claims/events involving, one of these entities.
        entity_types: only entities of these types (and documents mentioning one).
        bbox: ``(min_lon, min_lat, max_lon, max_lat)``; only geolocated entities inside it (and
            documents mentioning one). ``min_lon > max_lon`` means the box crosses the antimeridian.
        date_from, date_to: "events between": events whose interval meets this window (either side
            may be open), and documents holding one.
        date_match: how an event's interval counts against that window: ``overlaps`` (default; any
            overlap, so a year-precision "2024" counts for June 2024) or ``within`` (the whole interval
            lies inside the window).
        published_from, published_to: "published between": documents whose ``published`` day lies in
            this window (either side may be open; an undated document never matches).
        speakers: claims whose ``speaker_id`` or ``speaker_text`` (case-insensitive) is listed.
        quote_kinds, confidence_bands: claims by kind and ICD 203 band.
        claim_statuses: claims whose latest ``status`` annotation is listed (:data:`NO_STATUS` for none).
        tags: rows carrying a ``tag`` annotation with one of these values (see ``apply``).
        stars_only: only starred rows (see ``apply``).
    """

    doc_ids: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    text: str = ""
    entity_ids: tuple[str, ...] = ()
    entity_types: tuple[str, ...] = ()
    bbox: BBox | None = None
    date_from: date | None = None
    date_to: date | None = None
    speakers: tuple[str, ...] = ()
    quote_kinds: tuple[str, ...] = ()
    confidence_bands: tuple[str, ...] = ()
    claim_statuses: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    stars_only: bool = False
    date_match: str = "overlaps"
    published_from: date | None = None
    published_to: date | None = None

    def __post_init__(self) -> None:
        for name in TUPLE_FIELDS:
            object.__setattr__(self, name, _norm_tuple(name, getattr(self, name)))
        if not isinstance(self.text, str):
            raise _fail("text", f"expected a string (empty for no text filter); got {self.text!r}.")
        parse_query(self.text)  # a SearchSyntaxError (a FilterSpecError) names the position
        object.__setattr__(self, "bbox", _norm_bbox(self.bbox))
        for name in _DATE_FIELDS:
            object.__setattr__(self, name, _norm_date(name, getattr(self, name)))
        for lo_name, hi_name in (("date_from", "date_to"), ("published_from", "published_to")):
            lo, hi = getattr(self, lo_name), getattr(self, hi_name)
            if lo is not None and hi is not None and lo > hi:
                raise _fail(lo_name, f"{lo.isoformat()} is after {hi_name} {hi.isoformat()}; swap them.")
        if self.date_match not in DATE_MATCHES:
            raise _fail("date_match", f"expected one of {list(DATE_MATCHES)}; got {self.date_match!r}.")
        if not isinstance(self.stars_only, bool):
            raise _fail("stars_only", f"expected True or False; got {self.stars_only!r}.")

    # -- derived specs --------------------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        """True when no field constrains anything (``apply`` then returns the Book unchanged)."""
        return self.with_(date_match="overlaps") == FilterSpec()

    def with_(self, **changes: Any) -> FilterSpec:
        """A copy with some fields replaced (validated like the constructor)."""
        unknown = sorted(set(changes) - set(_FIELD_NAMES))
        if unknown:
            raise FilterSpecError(f"FilterSpec has no field(s) {unknown}; the fields are {list(_FIELD_NAMES)}.")
        return dataclasses.replace(self, **changes)

    def toggle(self, field: str, value: str) -> FilterSpec:
        """A copy with ``value`` added to tuple field ``field``, or removed when already there."""
        if field not in TUPLE_FIELDS:
            raise FilterSpecError(
                f"toggle() works on the tuple fields {list(TUPLE_FIELDS)}, not {field!r}; use with_() for it."
            )
        current: tuple[str, ...] = getattr(self, field)
        new = tuple(v for v in current if v != value) if value in current else (*current, value)
        return self.with_(**{field: new})

    def cleared(self, *fields: str) -> FilterSpec:
        """A copy with the named fields (all fields when none is named) back at their defaults."""
        names = fields or _FIELD_NAMES
        return self.with_(**{n: _DEFAULTS[n] for n in names})

    # -- JSON --------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``schema``, ``version`` and every field (tuples as lists, dates ISO)."""
        out: dict[str, Any] = {"schema": SPEC_SCHEMA, "version": SPEC_VERSION}
        for name in _FIELD_NAMES:
            v = getattr(self, name)
            if isinstance(v, tuple):
                v = list(v)
            elif isinstance(v, date):
                v = v.isoformat()
            out[name] = v
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FilterSpec:
        """The spec ``to_dict`` wrote. Missing fields take their defaults; ``schema`` and ``version``
        may be absent but must be right when present. Anything else raises :class:`FilterSpecError`."""
        if not isinstance(data, Mapping):
            raise FilterSpecError(f"A FilterSpec must be a JSON object (dict); got {type(data).__name__}.")
        allowed = ("schema", "version", *_FIELD_NAMES)
        unknown = sorted(str(k) for k in data if k not in allowed)
        if unknown:
            raise FilterSpecError(f"FilterSpec has no field(s) {unknown}; the allowed keys are {list(allowed)}.")
        if "schema" in data and data["schema"] != SPEC_SCHEMA:
            raise _fail("schema", f"expected {SPEC_SCHEMA!r}; got {data['schema']!r}.")
        if "version" in data:
            version = data["version"]
            if isinstance(version, bool) or version != SPEC_VERSION:
                raise _fail("version", f"this workbook reads version {SPEC_VERSION}; got {version!r}.")
        kwargs: dict[str, Any] = {}
        for name in _FIELD_NAMES:
            if name not in data:
                continue
            v = data[name]
            if name in TUPLE_FIELDS:
                if not isinstance(v, list):
                    raise _fail(name, f"expected a list of strings; got {type(v).__name__} {v!r}.")
                v = tuple(v)
            elif name in _DATE_FIELDS and v is not None:
                v = _parse_iso_date(name, v)
            elif name == "bbox" and v is not None and not isinstance(v, list):
                raise _fail("bbox", f"expected null or a list of 4 numbers; got {v!r}.")
            kwargs[name] = v
        return cls(**kwargs)

    def to_json(self, *, indent: int | None = None) -> str:
        """The spec as JSON text (keys in field order)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> FilterSpec:
        """The spec in JSON ``text``; malformed JSON or content raises :class:`FilterSpecError`."""
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant)
        except json.JSONDecodeError as exc:
            raise FilterSpecError(
                f"FilterSpec JSON is malformed at line {exc.lineno}, column {exc.colno}: {exc.msg}."
            ) from exc
        except RecursionError as exc:
            raise FilterSpecError(
                "FilterSpec JSON is nested too deeply to be a filter; a FilterSpec is one flat object."
            ) from exc
        except (TypeError, UnicodeDecodeError) as exc:
            raise FilterSpecError(f"FilterSpec JSON must be text (str or UTF-8 bytes): {exc}") from exc
        return cls.from_dict(data)

    # -- reading against a Book -------------------------------------------------------------------

    def validate(self, book: Book, *, strict: bool = False) -> list[str]:
        """Values this spec names that ``book`` does not hold, one message each.

        Unknown values are harmless to :func:`apply` (they match nothing), so by default they are
        returned as warnings for the UI to show. With ``strict=True`` any warning raises
        :class:`FilterSpecError` carrying all of them.
        """
        warnings: list[str] = []

        def check(field: str, present: Iterable[Any], what: str) -> None:
            values: tuple[str, ...] = getattr(self, field)
            if not values:
                return
            known = {str(v) for v in present if isinstance(v, str)}
            missing = [v for v in values if v not in known]
            if missing:
                warnings.append(f"{field}: {_short(repr(m) for m in missing)} not found among the {what}.")

        check("doc_ids", book.documents["doc_id"].dropna(), "documents' doc_id values")
        check("publishers", book.documents["publisher"].dropna().unique(), "documents' publishers")
        check("entity_ids", book.entities["entity_id"].dropna(), "entities' entity_id values")
        if self.speakers:
            claims = book.claims
            known_sp = set(claims["speaker_id"].dropna()) | {s.lower() for s in claims["speaker_text"].dropna()}
            missing_sp = [s for s in self.speakers if s not in known_sp and s.lower() not in known_sp]
            if missing_sp:
                warnings.append(
                    f"speakers: {_short(repr(m) for m in missing_sp)} match no claim's speaker_id or speaker_text."
                )
        ann = book.annotations
        check("tags", ann.loc[ann["kind"] == "tag", "value"].dropna().unique(), "tag annotations")
        statuses = [*ann.loc[ann["kind"] == "status", "value"].dropna().unique(), NO_STATUS]
        check("claim_statuses", statuses, f"status annotations (or {NO_STATUS!r})")
        if strict and warnings:
            raise FilterSpecError("FilterSpec names values absent from the Book: " + " ".join(warnings))
        return warnings

    def describe(self, book: Book | None = None) -> str:
        """A one-line human-readable summary for captions, e.g.
        ``entities: Kim Jong Un; dates 2018-06-01 to 2018-12-31``. With ``book``, entity ids are
        shown by name and document ids by title."""
        names: dict[str, str] = {}
        if book is not None:
            for table, key, label, wanted in (
                ("entities", "entity_id", "name", {*self.entity_ids, *self.speakers}),
                ("documents", "doc_id", "title", set(self.doc_ids)),
            ):
                if wanted:
                    df = book.table(table)
                    sub = df.loc[df[key].isin(list(wanted)), [key, label]].dropna()
                    names.update(zip(sub[key].astype(str), sub[label].astype(str), strict=True))
        parts: list[str] = []
        if self.text:
            parts.append(f"text contains {self.text!r}")
        if self.doc_ids:
            parts.append(f"documents: {_short((names.get(d, d) for d in self.doc_ids), 3)}")
        if self.publishers:
            parts.append(f"publishers: {_short(self.publishers)}")
        if self.entity_ids:
            parts.append(f"entities: {_short(names.get(e, e) for e in self.entity_ids)}")
        if self.entity_types:
            parts.append(f"entity types: {_short(self.entity_types)}")
        if self.bbox is not None:
            x0, y0, x1, y1 = self.bbox
            parts.append(f"area lon {_fmt_num(x0)} to {_fmt_num(x1)}, lat {_fmt_num(y0)} to {_fmt_num(y1)}")
        how = " (wholly within)" if self.date_match == "within" else ""
        if self.date_from is not None and self.date_to is not None:
            parts.append(f"dates {self.date_from.isoformat()} to {self.date_to.isoformat()}{how}")
        elif self.date_from is not None:
            parts.append(f"dates from {self.date_from.isoformat()}{how}")
        elif self.date_to is not None:
            parts.append(f"dates until {self.date_to.isoformat()}{how}")
        if self.published_from is not None and self.published_to is not None:
            parts.append(f"published {self.published_from.isoformat()} to {self.published_to.isoformat()}")
        elif self.published_from is not None:
            parts.append(f"published from {self.published_from.isoformat()}")
        elif self.published_to is not None:
            parts.append(f"published until {self.published_to.isoformat()}")
        if self.speakers:
            parts.append(f"speakers: {_short(names.get(s, s) for s in self.speakers)}")
        if self.quote_kinds:
            parts.append(f"quote kinds: {_short(self.quote_kinds)}")
        if self.confidence_bands:
            parts.append(f"confidence: {_short(self.confidence_bands)}")
        if self.claim_statuses:
            parts.append(f"claim status: {_short(self.claim_statuses)}")
        if self.tags:
            parts.append(f"tags: {_short(self.tags)}")
        if self.stars_only:
            parts.append("starred only")
        return "; ".join(parts) if parts else "no filters"


_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(FilterSpec))
_DEFAULTS: dict[str, Any] = {f.name: f.default for f in dataclasses.fields(FilterSpec)}


def _parse_iso_date(field: str, value: Any) -> date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise _fail(field, f"expected null or an ISO date 'YYYY-MM-DD'; got {value!r}.")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise _fail(field, f"{value!r} is not a calendar date ({exc}).") from exc


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise FilterSpecError(f"FilterSpec JSON repeats the key {k!r}; give each field once.")
        out[k] = v
    return out


def _reject_constant(name: str) -> Any:
    raise FilterSpecError(f"FilterSpec JSON holds {name}, which is not a valid JSON number.")


def diff_specs(a: FilterSpec, b: FilterSpec) -> dict[str, tuple[Any, Any]]:
    """The fields whose values differ between ``a`` and ``b``, as ``{field: (a_value, b_value)}``
    in field order (for a filter log: "what did this click change?")."""
    return {n: (getattr(a, n), getattr(b, n)) for n in _FIELD_NAMES if getattr(a, n) != getattr(b, n)}
