"""Document metadata: sidecar files, Markdown front matter, value checks and title fallback.

**Sidecar convention.** Metadata for ``a/b.txt`` lives in ``a/b.txt.meta.json`` — the document's
full file name plus ``.meta.json`` — or, for those who prefer YAML, ``a/b.txt.meta.yaml`` /
``.meta.yml`` (one of them; two sidecars for one document are an error). The full name keeps
``report.pdf`` and ``report.txt`` in one folder apart. A sidecar is a JSON/YAML object::

    {"title": "...", "publisher": "The Straits Times", "published": "2019-01-19",
     "language": "en", "url": null, "section": "Asia", "date_note": "print edition"}

``title``, ``publisher``, ``language`` (ISO 639-1, e.g. ``en``), ``url`` and ``section`` are text;
``published`` is a date written ``YYYY-MM-DD`` (an ISO date-time is cut to its date as written).
``null`` means unknown. Any other field (``date_note``, ``author``, ...) is kept in the document's
``meta``. Sidecar values override what the document says about itself (HTML ``<meta>``, PDF
properties, front matter), because an investigator wrote them on purpose.

**Bad values do not lose the document.** A field with a wrong value (``"published": "soon"`` or
``"published": 5``) raises :class:`~workbook.errors.MetadataError` in the functions here; the
readers catch it, load the document without that field and add the message to
``RawDocument.warnings`` (which the build turns into a ``build_issues`` row). A publication date
after today is kept but warned about. A date is never invented: unknown stays ``None``.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dateutil import parser as dateutil_parser

from workbook.errors import IngestError, MetadataError
from workbook.ingest.budget import bounded_values, load_json, load_yaml
from workbook.ingest.files import read_regular
from workbook.ingest.formats import SIDECAR_SUFFIXES
from workbook.ingest.text_decoding import decode_bytes, valid_unicode

__all__ = [
    "KNOWN_FIELDS",
    "MAX_SIDECAR_BYTES",
    "MAX_TITLE_CHARS",
    "DocumentMetadata",
    "ParsedDocument",
    "clean_title",
    "find_sidecar",
    "future_date_warning",
    "jsonable",
    "metadata_from_mapping",
    "parse_front_matter",
    "parse_language",
    "parse_loose_date",
    "parse_published",
    "parse_text_value",
    "read_sidecar",
    "split_front_matter",
    "title_from_text",
]

KNOWN_FIELDS: tuple[str, ...] = ("title", "publisher", "published", "language", "section", "url")
#: A first line longer than this is not taken as a title.
MAX_TITLE_CHARS = 200
MAX_SIDECAR_BYTES = 5 * 1024 * 1024

_LANGUAGE = re.compile(r"[a-z]{2}")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}")
# Two different fillers for missing date parts: a part that differs between them was not written.
_FILLERS = (datetime(1904, 1, 1), datetime(1908, 2, 2))
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class DocumentMetadata:
    """What is known about a document besides its text; ``None`` means unknown."""

    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    language: str | None = None
    section: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def over(self, base: DocumentMetadata) -> DocumentMetadata:
        """These values where known, ``base``'s elsewhere; ``meta`` merged with these keys winning."""
        merged = {name: getattr(self, name) for name in _MERGED_FIELDS}
        for name, value in merged.items():
            if value is None:
                merged[name] = getattr(base, name)
        return replace(base, **merged, meta={**base.meta, **self.meta})


#: The fields :meth:`DocumentMetadata.over` takes one by one (read once: ``dataclasses.fields`` per
#: record was a sixth of reading a JSON collection's records).
_MERGED_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(DocumentMetadata) if f.name != "meta")


@dataclass(frozen=True)
class ParsedDocument:
    """What a format reader gives back for one file: text, embedded metadata, warnings."""

    text: str
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)
    encoding: str | None = None
    warnings: tuple[str, ...] = ()


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"the boolean {value!r}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return repr(value)


def parse_published(value: object, origin: str) -> date | None:
    """A publication date from ``value`` (``YYYY-MM-DD``, an ISO date-time, or a date object).

    ``None`` or blank text gives ``None``. Anything else raises :class:`MetadataError` naming
    ``origin`` (the file the value came from) and the value.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        try:
            if len(s) == 10:
                return date.fromisoformat(s)
            return datetime.fromisoformat(s).date()
        except ValueError:
            pass
        raise MetadataError(
            f"{origin}: published {value!r} is not a date. Write it as YYYY-MM-DD (e.g. '2019-01-19'); "
            "put anything vaguer in a note field such as 'date_note'."
        )
    raise MetadataError(
        f"{origin}: published must be a date written as text like '2019-01-19' (YYYY-MM-DD), "
        f"not {_describe(value)}. Put quotes around it."
    )


def parse_loose_date(value: str | None) -> date | None:
    """A full date from common date text, or ``None`` when it is not one.

    Takes ISO dates and date-times, ``2019/01/19``, ``19 January 2019``, ``Sat, 19 Jan 2019 08:00:00
    +0800``, ... A missing year, month or day gives ``None`` (nothing is filled in from today), and so
    does a numeric date whose day and month could be swapped (``01/02/2019``).
    """
    if value is None or not value.strip():
        return None
    s = value.strip()
    try:
        return parse_published(s, "")
    except MetadataError:
        pass
    numeric = _NUMERIC_DATE.fullmatch(s)
    if numeric and numeric.group(1) != numeric.group(2) and max(int(numeric.group(1)), int(numeric.group(2))) <= 12:
        return None
    try:
        first, second = (dateutil_parser.parse(s, default=d) for d in _FILLERS)
    except (ValueError, OverflowError, TypeError):
        return None
    return first.date() if first.date() == second.date() else None


def parse_language(value: object, origin: str) -> str | None:
    """An ISO 639-1 code from ``value`` (``"EN"``, ``"en-US"``, ``"en_GB"`` give ``"en"``)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise MetadataError(f"{origin}: language must be a two-letter code such as 'en', not {_describe(value)}.")
    s = value.strip().lower().replace("_", "-").split("-")[0]
    if not s:
        return None
    if not _LANGUAGE.fullmatch(s):
        raise MetadataError(
            f"{origin}: language {value!r} is not a two-letter ISO 639-1 code; write e.g. 'en', 'ko' or 'ja'."
        )
    return s


def parse_text_value(name: str, value: object, origin: str) -> str | None:
    """A text field (``title``, ``publisher``, ``url``, ``section``): stripped text or ``None``."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise MetadataError(f"{origin}: {name} must be text, not {_describe(value)}. Put quotes around it.")
    s = " ".join(value.split())
    return s or None


def jsonable(value: Any) -> Any:
    """``value`` made JSON-safe for ``meta``: dates become ISO text, unknown objects their ``str``."""
    if isinstance(value, str):
        return valid_unicode(value)
    if value is None or isinstance(value, int | float | bool):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return str(value)


def future_date_warning(published: date | None, origin: str) -> str | None:
    """A warning when ``published`` is after today (kept, but suspicious), else ``None``."""
    if published is not None and published > date.today():
        return (
            f"{origin}: publication date {published.isoformat()} is in the future; it is kept as given, "
            "but check it (a typo in the year, or a date in another calendar?)."
        )
    return None


def metadata_from_mapping(data: Mapping[str, Any], origin: str) -> tuple[DocumentMetadata, list[str]]:
    """Metadata from a sidecar or front-matter object, and the warnings for values that were dropped.

    Known fields are checked (a bad one is left out and its :class:`MetadataError` message becomes
    a warning); other fields go to ``meta`` as they are, except those nested deeper than
    :data:`~workbook.ingest.budget.MAX_DEPTH` (left out, with a warning).
    """
    warnings: list[str] = []
    values: dict[str, Any] = {}
    parsers = {
        "published": parse_published,
        "language": parse_language,
    }
    for name in KNOWN_FIELDS:
        if name not in data:
            continue
        try:
            parser = parsers.get(name)
            values[name] = parser(data[name], origin) if parser else parse_text_value(name, data[name], origin)
        except MetadataError as exc:
            warnings.append(str(exc))
    others, deep = bounded_values(data, [k for k in data if k not in KNOWN_FIELDS], origin)
    warnings.extend(deep)
    meta = {str(k): jsonable(v) for k, v in others.items()}
    md = DocumentMetadata(**values, meta=meta)
    future = future_date_warning(md.published, origin)
    if future:
        warnings.append(future)
    return md, warnings


def _present(path: Path) -> bool:
    """Whether something (a file, or a pipe that reading will refuse) is at ``path``. A name too long for
    the file system (a 250-byte document name plus ``.meta.json``) cannot be there: no sidecar."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.ENAMETOOLONG, errno.ELOOP):
            return False
        raise MetadataError(f"{path.name}: cannot check the sidecar ({exc.strerror or exc}).") from exc
    return not path.is_dir()


def find_sidecar(document: Path) -> Path | None:
    """The sidecar of ``document`` (``<name>.meta.json`` / ``.meta.yaml`` / ``.meta.yml``), if any.

    Raises :class:`MetadataError` when there are several.
    """
    found = [p for p in (document.with_name(document.name + s) for s in SIDECAR_SUFFIXES) if _present(p)]
    if len(found) > 1:
        names = " and ".join(p.name for p in found)
        raise MetadataError(f"{document.name} has two metadata sidecars ({names}); keep one of them.")
    return found[0] if found else None


def _load_structured(text: str, is_yaml: bool, origin: str) -> Any:
    """YAML (aliases refused, within the budget of :mod:`workbook.ingest.budget`) or JSON."""
    return load_yaml(text, origin) if is_yaml else load_json(text, origin)


def read_sidecar(path: Path, origin: str | None = None) -> tuple[DocumentMetadata, list[str]]:
    """Read the sidecar at ``path``: its metadata and warnings for bad values.

    Raises :class:`MetadataError` when the file cannot be read, is not valid JSON/YAML, or is not
    an object of fields. ``origin`` names the file in messages (defaults to its name).
    """
    origin = origin or path.name
    too_big = f"{origin}: a sidecar larger than {MAX_SIDECAR_BYTES // 1024 // 1024} MB is not metadata."
    try:
        data = read_regular(path, MAX_SIDECAR_BYTES, origin, too_big)
    except OSError as exc:
        raise MetadataError(f"{origin}: cannot read the sidecar ({exc.strerror or exc}).") from exc
    except IngestError as exc:
        raise MetadataError(str(exc)) from exc
    try:
        text, _ = decode_bytes(data)
    except IngestError as exc:
        raise MetadataError(f"{origin}: cannot decode the sidecar: {exc}") from exc
    loaded = _load_structured(text, path.name.lower().endswith((".yaml", ".yml")), origin)
    if not isinstance(loaded, Mapping):
        raise MetadataError(
            f'{origin}: a sidecar must be an object of fields such as {{"title": ..., "published": ...}}, '
            f"not {_describe(loaded)}."
        )
    return metadata_from_mapping(loaded, origin)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Split Markdown front matter (``---`` YAML ``---`` at the very top) from the body.

    Returns ``(yaml text or None, body)``. Text without a closed front-matter block is all body.
    """
    if not text.startswith("---\n"):
        return None, text
    end = _FRONT_MATTER_END.search(text, 4)
    if end is None:
        return None, text
    return text[4 : end.start()], text[end.end() :].lstrip("\n")


def parse_front_matter(block: str, origin: str) -> dict[str, Any]:
    """The fields of a front-matter block; raises :class:`MetadataError` for bad YAML, a non-object, or a
    block over :data:`MAX_SIDECAR_BYTES` (front matter is metadata, like a sidecar)."""
    if len(block) > MAX_SIDECAR_BYTES:
        raise MetadataError(
            f"{origin}: front matter larger than {MAX_SIDECAR_BYTES // 1024 // 1024} MB is not metadata; "
            "it was left out."
        )
    loaded = _load_structured(block, True, f"{origin} (front matter)")
    if loaded is None:
        return {}
    if not isinstance(loaded, Mapping):
        raise MetadataError(f"{origin}: front matter must be 'key: value' lines, not {_describe(loaded)}.")
    return {str(k): v for k, v in loaded.items()}


def clean_title(value: str | None) -> str | None:
    """Whitespace (newlines, tabs) collapsed to single spaces; blank gives ``None``."""
    if value is None:
        return None
    s = " ".join(valid_unicode(value).split())
    return s or None


def title_from_text(text: str) -> str | None:
    """The first line as a title when it looks like one: short, followed by more text, not a sentence.

    A line ending with a full stop is taken to be prose, not a heading.
    """
    lines = [ln.strip() for ln in text.split("\n")]
    nonblank = [ln for ln in lines if ln]
    if len(nonblank) < 2:
        return None
    first = nonblank[0]
    if not first or len(first) >= MAX_TITLE_CHARS or first.endswith("."):
        return None
    return clean_title(first)
