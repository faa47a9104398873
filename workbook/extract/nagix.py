"""The one reader of nagix/nk-missile-tests' ``facility.en.json`` (launch sites and facilities).

``{"facilities": {key: {"name", "lat", "lon"}}}`` becomes :class:`NagixFacility` records. The rules of
the file live here once: the placeholder facility "Unknown" (a point in Pyongyang standing for "not
known") is not a place and is left out unless asked for (the launches table keeps it to name the
facility of a launch), and a surveyed site's position is good to :data:`NAGIX_UNCERTAINTY_KM`.

Read by the extractor's gazetteer (:func:`workbook.extract.gazetteer.load_nagix_facilities`) and by the
dataset tables (:func:`workbook.tables.adapters.load_nagix_facilities_table` and
:func:`~workbook.tables.adapters.load_nagix_launches`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from workbook.errors import GazetteerError

__all__ = ["NAGIX_SOURCE", "NAGIX_UNCERTAINTY_KM", "NagixFacility", "is_placeholder", "read_nagix_facilities"]

NAGIX_SOURCE = "nagix/nk-missile-tests"
#: The radius within which a nagix facility lies: surveyed sites, good to about a kilometre.
NAGIX_UNCERTAINTY_KM = 1.0
_PLACEHOLDERS = frozenset({"unknown"})


@dataclass(frozen=True)
class NagixFacility:
    """One facility of the file: its nagix key (as launches name it), name and position."""

    key: str
    name: str
    lat: float
    lon: float
    uncertainty_km: float = NAGIX_UNCERTAINTY_KM


def is_placeholder(name: str) -> bool:
    """Whether a facility name stands for "not known" rather than a place ("Unknown")."""
    return name.strip().casefold() in _PLACEHOLDERS


def read_nagix_facilities(path: str | Path, *, include_placeholder: bool = False) -> tuple[NagixFacility, ...]:
    """The facilities of a nagix ``facility.en.json``, in file order, without the "Unknown" placeholder
    unless ``include_placeholder``. Raises :class:`GazetteerError` when the file cannot be read, has no
    ``facilities`` object, or has facilities without a name or a valid position (naming them)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GazetteerError(f"nagix facility file {p} cannot be read as JSON: {exc}.") from exc
    facilities = data.get("facilities") if isinstance(data, Mapping) else None
    if not isinstance(facilities, Mapping):
        raise GazetteerError(f"nagix facility file {p} has no 'facilities' object of {{key: {{name, lat, lon}}}}.")
    out, bad = [], []
    for key, f in facilities.items():
        try:
            name = str(f["name"]).strip()
            lat, lon = float(f["lat"]), float(f["lon"])
            if not name or not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) or math.isnan(lat + lon):
                raise ValueError(f"name {name!r} at ({lat}, {lon}) is not a named point")
        except (KeyError, TypeError, ValueError) as exc:
            bad.append(f"{key!r}: {exc!r}")
            continue
        if include_placeholder or not is_placeholder(name):
            out.append(NagixFacility(str(key), name, lat, lon))
    if bad:
        raise GazetteerError(f"nagix facility file {p} has bad facilities: " + " | ".join(bad[:5]))
    return tuple(out)
