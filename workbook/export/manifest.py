"""The report manifest: what a bundle's ``manifest.json`` holds, its JSON Schema and a validator.

``manifest.json`` records everything needed to check and reproduce a report: the FilterSpec (as
``FilterSpec.to_dict()``) and its description, the explorer's filter log, the workspace (its path
*relative to the bundle folder*, its name, build id and a digest of all its documents), each source
document of the view with its sha256, how each chart was made (builder and options) and each table
(columns, row count, a digest of its row ids), the citation counts, the package and schema versions,
the time, and the sha256 of every other file in the bundle.

:data:`MANIFEST_SCHEMA` is a JSON Schema (draft 2020-12); :func:`schema_errors` checks a document
against the subset of JSON Schema the manifest uses (``type``, ``required``, ``properties``,
``additionalProperties``, ``items``, ``enum``, ``pattern``, ``minimum``), with no dependency;
:func:`validate_manifest` raises :class:`~workbook.errors.ReportManifestError` listing the problems.
"""

from __future__ import annotations

import hashlib
import platform
import re
from collections.abc import Iterable, Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from workbook.errors import ReportManifestError

__all__ = [
    "MANIFEST_KIND",
    "MANIFEST_SCHEMA",
    "MANIFEST_VERSION",
    "ids_digest",
    "package_versions",
    "schema_errors",
    "validate_manifest",
]

MANIFEST_KIND = "workbook-report"
MANIFEST_VERSION = 1
_SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
_STR = {"type": "string"}
_STR_OR_NULL = {"type": ["string", "null"]}
_FILES = {"type": "object", "additionalProperties": _STR}
_COUNT = {"type": "integer", "minimum": 0}


def _obj(
    required: Iterable[str], properties: Mapping[str, Any], extra: bool | Mapping[str, Any] = False
) -> dict[str, Any]:
    return {"type": "object", "required": list(required), "properties": dict(properties), "additionalProperties": extra}


MANIFEST_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "workbook report manifest",
    **_obj(
        [
            "kind",
            "manifest_version",
            "title",
            "created",
            "schema_version",
            "packages",
            "filter",
            "filter_log",
            "workspace",
            "documents",
            "charts",
            "tables",
            "citations",
            "formats",
            "files",
        ],
        {
            "kind": {"type": "string", "enum": [MANIFEST_KIND]},
            "manifest_version": {"type": "integer", "enum": [MANIFEST_VERSION]},
            "title": _STR,
            "created": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\+00:00|Z)$"},
            "schema_version": _STR,
            "packages": {"type": "object", "additionalProperties": _STR_OR_NULL},
            "filter": _obj(
                ["spec", "description", "is_empty"],
                {
                    "spec": {"type": "object"},
                    "description": _STR,
                    "is_empty": {"type": "boolean"},
                    "saved_views": {"type": "array", "items": _STR},
                },
            ),
            "filter_log": {"type": "array", "items": {"type": "object"}},
            "workspace": _obj(
                ["path", "name", "build_id", "n_documents", "documents_digest"],
                {
                    "path": _STR_OR_NULL,
                    "name": _STR_OR_NULL,
                    "build_id": _STR_OR_NULL,
                    "n_documents": _COUNT,
                    "documents_digest": _SHA256,
                },
            ),
            "documents": {
                "type": "array",
                "items": _obj(
                    ["doc_id", "title", "publisher", "published", "source", "url", "sha256"],
                    {
                        "doc_id": _STR,
                        "title": _STR,
                        "publisher": _STR_OR_NULL,
                        "published": _STR_OR_NULL,
                        "source": _STR_OR_NULL,
                        "url": _STR_OR_NULL,
                        "sha256": _SHA256,
                    },
                ),
            },
            "charts": {
                "type": "array",
                "items": _obj(
                    ["name", "options", "caption", "reproducible", "cites", "notes", "files"],
                    {
                        "name": _STR,
                        "options": {"type": "object"},
                        "caption": _STR,
                        "reproducible": {"type": "boolean"},
                        "cites": {"type": "array", "items": _STR},
                        "notes": {"type": "array", "items": _STR},
                        "files": _FILES,
                    },
                ),
            },
            "tables": {
                "type": "array",
                "items": _obj(
                    ["name", "columns", "caption", "key", "n_rows", "ids_sha256", "files"],
                    {
                        "name": _STR,
                        "columns": {"type": "array", "items": _STR},
                        "caption": _STR,
                        "key": {"type": "array", "items": _STR},
                        "n_rows": _COUNT,
                        "ids_sha256": _SHA256,
                        "files": _FILES,
                    },
                ),
            },
            "citations": _obj(["n_claims", "n_events", "file"], {"n_claims": _COUNT, "n_events": _COUNT, "file": _STR}),
            "formats": {"type": "array", "items": _STR},
            "files": {
                "type": "object",
                "additionalProperties": _obj(["sha256", "bytes"], {"sha256": _SHA256, "bytes": _COUNT}),
            },
            "view_counts": {"type": "object", "additionalProperties": _COUNT},
            "notes": {"type": "array", "items": _STR},
        },
    ),
}

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "null": (type(None),),
    "integer": (int,),
    "number": (int, float),
}


def _is(value: Any, name: str) -> bool:
    if name in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[name])


def schema_errors(value: Any, schema: Mapping[str, Any] = MANIFEST_SCHEMA, path: str = "$") -> list[str]:
    """Where ``value`` breaks ``schema`` (see the module docstring for the keywords understood), one
    message per problem, each starting with its JSON path (``$.charts[0].name``)."""
    errors: list[str] = []
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else list(types)
        if not any(_is(value, t) for t in names):
            return [f"{path}: expected {' or '.join(names)}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} is not one of {schema['enum']}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if "minimum" in schema and _is(value, "number") and value < schema["minimum"]:
        errors.append(f"{path}: {value} is below {schema['minimum']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{path}: missing {k!r}" for k in schema.get("required", ()) if k not in value]
        extra = schema.get("additionalProperties", True)
        for k, v in value.items():
            sub = f"{path}.{k}"
            if k in props:
                errors += schema_errors(v, props[k], sub)
            elif extra is False:
                errors.append(f"{sub}: unexpected key")
            elif isinstance(extra, Mapping):
                errors += schema_errors(v, extra, sub)
    if isinstance(value, list) and isinstance(schema.get("items"), Mapping):
        for i, v in enumerate(value):
            errors += schema_errors(v, schema["items"], f"{path}[{i}]")
    return errors


def validate_manifest(data: Any, where: str = "manifest.json") -> dict[str, Any]:
    """``data`` when it is a valid report manifest; else :class:`ReportManifestError` listing the problems."""
    known = isinstance(data, dict) and data.get("kind") == MANIFEST_KIND
    if known and data.get("manifest_version") != MANIFEST_VERSION:
        raise ReportManifestError(
            f"{where} is a report manifest of version {data.get('manifest_version')!r}; this workbook reads "
            f"version {MANIFEST_VERSION}. Open it with the workbook version that wrote it "
            f"({(data.get('packages') or {}).get('workbook')!r})."
        )
    errors = schema_errors(data)
    if errors:
        shown = "; ".join(errors[:8]) + (f"; and {len(errors) - 8} more" if len(errors) > 8 else "")
        raise ReportManifestError(f"{where} is not a valid report manifest: {shown}.")
    return dict(data)


def ids_digest(ids: Iterable[Any]) -> str:
    """sha256 over the sorted row ids (one per line): equal digests, equal sets of rows."""
    h = hashlib.sha256()
    for i in sorted(str(x) for x in ids):
        h.update(i.encode("utf-8") + b"\n")
    return h.hexdigest()


def package_versions() -> dict[str, str | None]:
    """Versions of Python and of the packages an export depends on (None when not installed)."""
    out: dict[str, str | None] = {"python": platform.python_version()}
    for name in ("workbook", "pandas", "numpy", "pyarrow", "plotly", "kaleido", "openpyxl"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out
