"""Gazetteers read from files: an analyst's CSV/TSV/JSON table (:func:`load_gazetteer`) and the
``facility.en.json`` of nagix/nk-missile-tests (:func:`load_nagix_facilities`)."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from workbook.errors import GazetteerError
from workbook.extract.gazetteer_index import Gazetteer, GazetteerEntry
from workbook.extract.nagix import NAGIX_SOURCE, read_nagix_facilities
from workbook.names import fold_key

__all__ = ["load_gazetteer", "load_nagix_facilities"]

_NAGIX = NAGIX_SOURCE
_LAUNCH_SITE_SUFFIXES = frozenset(
    re.split(
        r";\s*",
        "satellite launching station; satellite launching ground; missile operating base; missile base; "
        "testing ground; missle test site; missile test site; test site; launch site; launch facility",
    )
)


_COLUMN_ALIASES = {
    "name": ("name", "place", "place_name", "toponym"),
    "lat": ("lat", "latitude", "y"),
    "lon": ("lon", "lng", "long", "longitude", "x"),
    "type": ("type", "kind"),
    "aliases": ("aliases", "alias", "alternate_names", "other_names"),
    "uncertainty_km": ("uncertainty_km", "uncertainty", "radius_km"),
    "admin_area": ("admin_area", "admin", "province", "state", "country"),
}


def _read_rows(path: Path) -> list[dict[str, Any]]:
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".tsv"):
            with path.open(encoding="utf-8-sig", newline="") as fh:
                lines = [line for line in fh if not line.startswith("#")]
            return [dict(r) for r in csv.DictReader(lines, delimiter="\t" if suffix == ".tsv" else ",")]
        if suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
        else:
            raise GazetteerError(
                f"Gazetteer {path}: unsupported file type {suffix!r}; give a .csv, .tsv or .json file."
            )
    except OSError as exc:
        raise GazetteerError(f"Gazetteer {path} cannot be read: {exc}.") from exc
    except (UnicodeDecodeError, json.JSONDecodeError, csv.Error) as exc:
        raise GazetteerError(f"Gazetteer {path} is not valid UTF-8 {suffix[1:].upper()}: {exc}.") from exc
    if isinstance(data, Mapping):
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) == 1:
            data = lists[0]
        elif all(isinstance(v, Mapping) for v in data.values()):
            data = [{"name": k, **v} for k, v in data.items()]
    if not isinstance(data, list) or not all(isinstance(r, Mapping) for r in data):
        raise GazetteerError(
            f"Gazetteer {path}: expected a list of objects (or an object holding one list, or an object of "
            "objects keyed by name), each with name, lat and lon."
        )
    return [dict(r) for r in data]


def _column_map(columns: Iterable[str], path: Path) -> dict[str, str]:
    lower = {str(c).strip().casefold(): str(c) for c in columns}
    mapping = {}
    for field_name, options in _COLUMN_ALIASES.items():
        found = next((lower[o] for o in options if o in lower), None)
        if found is not None:
            mapping[field_name] = found
    missing = [f for f in ("name", "lat", "lon") if f not in mapping]
    if missing:
        raise GazetteerError(
            f"Gazetteer {path} lacks the required column(s) {missing}; it has {sorted(lower.values())}. "
            "Give name, lat and lon (optionally type, aliases, uncertainty_km, admin_area)."
        )
    return mapping


def _aliases_of(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    items = value if isinstance(value, list | tuple) else re.split(r"[;|]", str(value))
    return tuple(s for s in (str(i).strip() for i in items) if s)


def load_gazetteer(
    path: str | Path,
    *,
    name: str | None = None,
    coord_source: str = "analyst",
    default_type: str = "place",
    default_uncertainty_km: float = 10.0,
) -> Gazetteer:
    """A gazetteer from an analyst's CSV/TSV/JSON table with columns name, lat, lon and optionally
    type (place or facility), aliases (``;``- or ``|``-separated in CSV, a list in JSON),
    uncertainty_km and admin_area. Raises :class:`GazetteerError` naming missing columns or, for
    bad rows, their row numbers and what is wrong with each."""
    p = Path(path)
    rows = _read_rows(p)
    if not rows:
        raise GazetteerError(f"Gazetteer {p} holds no rows; add at least one place with name, lat and lon.")
    cols = _column_map({k for r in rows for k in r}, p)
    source = name or p.stem
    entries, bad = [], []
    for i, row in enumerate(rows, start=1):
        try:
            unc, admin = row.get(cols.get("uncertainty_km", "")), row.get(cols.get("admin_area", ""))
            place = str(row.get(cols["name"]) or "").strip()
            type_ = str(row.get(cols.get("type", ""), "") or default_type).strip().lower()
            aliases = _aliases_of(row.get(cols.get("aliases", "")))
            km = float(unc) if unc not in (None, "") else default_uncertainty_km
            admin_area = (str(admin).strip() or None) if admin not in (None, "") else None
            lat, lon = float(row[cols["lat"]]), float(row[cols["lon"]])
            entries.append(GazetteerEntry(place, type_, aliases, lat, lon, km, source, admin_area, coord_source))
        except (GazetteerError, KeyError, TypeError, ValueError) as exc:
            bad.append(f"row {i}: {exc}")
    if bad:
        more = f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""
        raise GazetteerError(f"Gazetteer {p} has {len(bad)} bad row(s){more}: " + " | ".join(bad[:5]))
    return Gazetteer(entries, name=source)


def _facility_aliases(key: str, name: str) -> tuple[str, ...]:
    """Aliases of a nagix facility: its short name without a launch-site suffix ("Sohae" for
    "Sohae Satellite Launching Station") and its key, unless the key is just the first word of a
    name such as "Pyongyang International Airport" (the alias would capture the city)."""
    folded, key_folded = fold_key(name), fold_key(key)
    aliases = []
    for suffix in sorted(_LAUNCH_SITE_SUFFIXES, key=len, reverse=True):
        if folded.endswith(" " + suffix):
            short = name[: len(name) - len(suffix)].strip(" -#")
            if fold_key(short):
                aliases.append(short)
            break
    remainder = folded[len(key_folded) :].strip() if folded.startswith(key_folded + " ") else None
    if key_folded != folded and (remainder is None or remainder in _LAUNCH_SITE_SUFFIXES):
        aliases.append(key.replace("-", " ").title() if remainder is None else key.title())
    return tuple(dict.fromkeys(a for a in aliases if fold_key(a) != folded))


def load_nagix_facilities(path: str | Path) -> Gazetteer:
    """Launch sites and facilities from nagix/nk-missile-tests ``facility.en.json``, read by
    :func:`workbook.extract.nagix.read_nagix_facilities` (the placeholder "Unknown" is skipped, 1 km
    uncertainty): type facility, coordinate source ``dataset``, aliases by :func:`_facility_aliases`."""
    entries = [
        GazetteerEntry(
            f.name,
            "facility",
            _facility_aliases(f.key, f.name),
            f.lat,
            f.lon,
            f.uncertainty_km,
            _NAGIX,
            "North Korea",
            "dataset",
        )
        for f in read_nagix_facilities(path)
    ]
    return Gazetteer(entries, name="nagix")
