"""How the records of a JSON/JSONL collection map to documents: :class:`FieldMapping`.

A mapping names the record field that holds each piece of a document. Only ``text`` is required::

    FieldMapping(text="story_text", title="headline", published="date", date_format="epoch_ms",
                 published_alt="date_str", publisher_value="KCNA", url="link", section="topic")

``date_format`` says how ``published`` is written: ``"iso"`` (``2019-01-19`` or an ISO date-time),
``"epoch_ms"`` / ``"epoch_s"`` (milliseconds / seconds since 1970-01-01 UTC, as a number or digit
text), or a :func:`~datetime.datetime.strptime` format such as ``"%d/%m/%Y"``. ``published_alt``
is a second, ISO-written date field: used when ``published`` is empty or bad, and checked against it
otherwise (a disagreement is a warning). ``publisher_value`` / ``language_value`` are constants for
collections from one outlet, used when the record has no ``publisher`` / ``language`` field value.
``text_fallback`` names a field used as the text when the text field is empty (KCNA photo and
video items have only a headline); such documents get ``meta["text_from"]``. Record fields the
mapping does not use are kept in ``meta``.

Named presets (:data:`PRESETS`, :func:`preset`) cover known archives. Without a mapping,
:func:`detect_mapping` matches a preset whose fields all occur in the records, else guesses each
field from common names (``text``/``body``/``content``/``story_text``/``story``, ``title``/
``headline``, ``published``/``published_at``/``date``/``date_str``, ...) and the date format from
the values.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from workbook.errors import FieldMappingError, MetadataError
from workbook.ingest.metadata import parse_published

__all__ = [
    "DATE_FORMATS",
    "PRESETS",
    "FieldMapping",
    "detect_mapping",
    "parse_record_date",
    "preset",
]

DATE_FORMATS: tuple[str, ...] = ("iso", "epoch_ms", "epoch_s")
_FIELD_ROLES = (
    "text",
    "title",
    "published",
    "published_alt",
    "publisher",
    "url",
    "section",
    "language",
    "id",
    "text_fallback",
)


@dataclass(frozen=True)
class FieldMapping:
    """Which record field holds which part of a document (see the module docstring)."""

    text: str
    title: str | None = None
    published: str | None = None
    date_format: str = "iso"
    published_alt: str | None = None
    publisher: str | None = None
    publisher_value: str | None = None
    url: str | None = None
    section: str | None = None
    language: str | None = None
    language_value: str | None = None
    id: str | None = None
    text_fallback: str | None = None
    name: str | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and not isinstance(value, str):
                raise FieldMappingError(f"FieldMapping.{f.name} must be text (a field name), not {value!r}.")
        if not self.text or not self.text.strip():
            raise FieldMappingError("FieldMapping.text must name the record field that holds the document text.")
        if self.date_format not in DATE_FORMATS and "%" not in self.date_format:
            raise FieldMappingError(
                f"FieldMapping.date_format {self.date_format!r} is not one of {', '.join(DATE_FORMATS)} "
                "nor a strptime format such as '%d/%m/%Y'."
            )

    def used_fields(self) -> frozenset[str]:
        """The record fields this mapping reads (the rest go to ``meta``)."""
        return frozenset(v for role in _FIELD_ROLES if (v := getattr(self, role)) is not None)

    def to_dict(self) -> dict[str, Any]:
        """All settings as a plain dict (JSON-safe); :meth:`from_dict` reads it back."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FieldMapping:
        """A mapping from a dict of settings; unknown keys raise :class:`FieldMappingError`."""
        if not isinstance(data, Mapping):
            raise FieldMappingError(f"A field mapping must be a JSON object of settings, not {type(data).__name__}.")
        known = {f.name for f in fields(cls)}
        unknown = sorted(str(k) for k in data if k not in known)
        if unknown:
            raise FieldMappingError(
                f"Unknown field-mapping setting(s) {', '.join(unknown)}; the settings are: {', '.join(sorted(known))}."
            )
        if "text" not in data:
            raise FieldMappingError("A field mapping needs 'text': the record field that holds the document text.")
        return cls(**{str(k): v for k, v in data.items()})

    @classmethod
    def from_json(cls, text: str) -> FieldMapping:
        """A mapping from JSON text such as ``{"text": "body", "title": "headline"}``."""
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:  # RecursionError: nested thousands deep
            raise FieldMappingError(f"The field mapping is not valid JSON ({exc}).") from exc
        return cls.from_dict(data)

    @classmethod
    def load(cls, spec: str | Path) -> FieldMapping:
        """A preset name (e.g. ``"kcna-stiles"``) or the path of a JSON file holding a mapping."""
        if isinstance(spec, str) and spec in PRESETS:
            return PRESETS[spec]
        path = Path(spec)
        if not path.is_file():
            raise FieldMappingError(
                f"{spec!r} is neither a preset ({', '.join(PRESETS)}) nor a JSON file with a field mapping."
            )
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise FieldMappingError(f"Cannot read the field mapping {path}: {exc}") from exc
        return cls.from_json(text)


PRESETS: Mapping[str, FieldMapping] = MappingProxyType(
    {
        # stiles/north-korea-news data/archive/headlines_*.json: KCNA articles with `date` in epoch
        # milliseconds (midnight UTC of the KCNA date) and the same day as `date_str`.
        "kcna-stiles": FieldMapping(
            text="story_text",
            title="headline",
            published="date",
            date_format="epoch_ms",
            published_alt="date_str",
            publisher_value="KCNA",
            url="link",
            section="topic",
            language_value="en",
            text_fallback="headline",
            name="kcna-stiles",
        ),
    }
)


def preset(name: str) -> FieldMapping:
    """The preset called ``name``; raises :class:`FieldMappingError` listing the presets."""
    try:
        return PRESETS[name]
    except KeyError:
        raise FieldMappingError(f"No field-mapping preset {name!r}; the presets are: {', '.join(PRESETS)}.") from None


def _epoch(value: object, divisor: int, field: str, origin: str) -> date:
    unit = "milliseconds" if divisor > 1 else "seconds"
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise MetadataError(f"{origin}: {field} {value!r} is not a number of {unit} since 1970.")
    try:
        number = float(value)
    except ValueError:
        raise MetadataError(f"{origin}: {field} {value!r} is not a number of {unit} since 1970.") from None
    this, other = ("epoch_ms", "epoch_s") if divisor > 1 else ("epoch_s", "epoch_ms")
    wrong_unit = MetadataError(
        f"{origin}: {field} {value!r} read as {unit} since 1970 is not a plausible date; "
        f"is the date_format {other} rather than {this}?"
    )
    try:
        day = datetime.fromtimestamp(number / divisor, UTC).date()
    except (ValueError, OverflowError, OSError):
        raise wrong_unit from None
    # 1970 itself almost always means seconds read as milliseconds (or a zero placeholder)
    if day.year == 1970 or not 1900 <= day.year <= 2200:
        raise wrong_unit
    return day


def parse_record_date(value: object, date_format: str, field: str, origin: str) -> date | None:
    """The date in ``value`` written as ``date_format``; ``None`` for an empty value.

    Raises :class:`~workbook.errors.MetadataError` naming ``origin``, the field and the value.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if date_format == "epoch_ms":
        return _epoch(value, 1000, field, origin)
    if date_format == "epoch_s":
        return _epoch(value, 1, field, origin)
    if date_format == "iso":
        if not isinstance(value, str):
            raise MetadataError(f"{origin}: {field} {value!r} is not an ISO date; is it an epoch (date_format)?")
        try:
            return parse_published(value, origin)
        except MetadataError:
            raise MetadataError(f"{origin}: {field} {value!r} is not an ISO date (YYYY-MM-DD).") from None
    if not isinstance(value, str):
        raise MetadataError(f"{origin}: {field} {value!r} is not text in the format {date_format!r}.")
    try:
        return datetime.strptime(value.strip(), date_format).date()
    except ValueError:
        raise MetadataError(f"{origin}: {field} {value!r} does not match the date format {date_format!r}.") from None


_TEXT_NAMES = (
    "text",
    "body",
    "content",
    "story_text",
    "story",
    "article",
    "full_text",
    "fulltext",
    "article_text",
    "maintext",
)
_TITLE_NAMES = ("title", "headline", "head", "heading")
_DATE_NAMES = (
    "published",
    "published_at",
    "publication_date",
    "date_published",
    "pubdate",
    "date",
    "datetime",
    "timestamp",
    "date_str",
    "created_at",
)
_URL_NAMES = ("url", "link", "href", "source_url", "permalink")
_SECTION_NAMES = ("section", "topic", "category")
_LANGUAGE_NAMES = ("language", "lang")
_PUBLISHER_NAMES = ("publisher", "outlet", "site_name", "source_name", "media")
_ID_NAMES = ("id", "_id", "uuid", "article_id", "doc_id")
_SAMPLE = 200


def _present(counts: Counter[str], n: int, names: Sequence[str]) -> str | None:
    return next((name for name in names if counts[name] * 2 >= n), None)


def _date_format_of(values: list[Any]) -> str | None:
    values = [v for v in values if v is not None and not (isinstance(v, str) and not v.strip())]
    if not values:
        return None
    if all(
        (isinstance(v, int | float) and not isinstance(v, bool)) or (isinstance(v, str) and v.strip().isdigit())
        for v in values
    ):
        smallest = min(float(v) for v in values)
        return "epoch_ms" if smallest >= 1e11 else "epoch_s" if smallest >= 1e8 else None
    try:
        for v in values:
            if not isinstance(v, str):
                return None
            parse_published(v, "")
    except MetadataError:
        return None
    return "iso"


def detect_mapping(records: Sequence[Any]) -> FieldMapping:
    """Guess the mapping of ``records`` (see the module docstring).

    Raises :class:`FieldMappingError` when no field looks like the text; the message lists the
    fields seen and how to declare a mapping.
    """
    sample = [r for r in records[:_SAMPLE] if isinstance(r, Mapping)]
    if not sample:
        raise FieldMappingError("The collection holds no JSON objects to read documents from.")
    counts: Counter[str] = Counter(str(k) for r in sample for k in r)
    n = len(sample)
    for candidate in PRESETS.values():
        if all(counts[f] * 10 >= n * 9 for f in candidate.used_fields()):
            return candidate
    text = _present(counts, n, _TEXT_NAMES)
    if text is None:
        seen = ", ".join(name for name, _ in counts.most_common(20))
        raise FieldMappingError(
            f"Cannot tell which field holds the text (looked for {', '.join(_TEXT_NAMES)}; the records have {seen}). "
            'Give a mapping, e.g. FieldMapping(text="<field>") or --mapping mapping.json.'
        )
    dated = [
        (name, fmt)
        for name in _DATE_NAMES
        if counts[name] * 2 >= n and (fmt := _date_format_of([r.get(name) for r in sample])) is not None
    ]
    published, date_format = dated[0] if dated else (None, "iso")
    alt = next((name for name, fmt in dated[1:] if fmt == "iso"), None)
    return FieldMapping(
        text=text,
        title=_present(counts, n, _TITLE_NAMES),
        published=published,
        date_format=date_format,
        published_alt=alt,
        publisher=_present(counts, n, _PUBLISHER_NAMES),
        url=_present(counts, n, _URL_NAMES),
        section=_present(counts, n, _SECTION_NAMES),
        language=_present(counts, n, _LANGUAGE_NAMES),
        id=_present(counts, n, _ID_NAMES),
    )
