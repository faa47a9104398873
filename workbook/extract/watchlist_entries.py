"""A watchlist's entries: what one row holds and how a file's row becomes one (see :mod:`workbook.extract.watchlist`).

:class:`WatchlistEntry` is one entity the analyst wants found (name, type, aliases, optional
coordinates), checked when made; :func:`entry_from_row` reads one row of a CSV, JSON or YAML file
(:data:`COLUMNS`; type synonyms such as "org" or "location" allowed, :data:`TYPE_SYNONYMS`) and
:func:`merge_duplicates` merges rows naming the same entity.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from workbook.errors import WatchlistError
from workbook.ids import normalise_name
from workbook.model import ENTITY_TYPES

__all__ = [
    "COLUMNS",
    "DEFAULT_UNCERTAINTY_KM",
    "TYPE_SYNONYMS",
    "WatchlistEntry",
    "entry_from_row",
    "merge_duplicates",
]

DEFAULT_UNCERTAINTY_KM = 5.0
COLUMNS = ("name", "type", "aliases", "lat", "lon", "uncertainty_km", "admin_area", "note")
TYPE_SYNONYMS = {
    "org": "organization",
    "organisation": "organization",
    "location": "place",
    "loc": "place",
    "gpe": "place",
    "weapon": "weapon_system",
    "weapon system": "weapon_system",
    "site": "facility",
    "per": "person",
    "people": "person",
}


@dataclass(frozen=True)
class WatchlistEntry:
    """One watchlist entity. ``lat``/``lon`` come together or not at all."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    uncertainty_km: float | None = None
    admin_area: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        problems = []
        if not self.name.strip():
            problems.append("the name is empty")
        if self.type not in ENTITY_TYPES:
            problems.append(f"type {self.type!r} is not one of {list(ENTITY_TYPES)}")
        if (self.lat is None) != (self.lon is None):
            problems.append("give both lat and lon, or neither")
        elif self.lat is not None and self.lon is not None and not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            problems.append(f"({self.lat}, {self.lon}) is not a latitude in [-90, 90] and longitude in [-180, 180]")
        if self.uncertainty_km is not None and not (0 < self.uncertainty_km < math.inf):
            problems.append(f"uncertainty_km {self.uncertainty_km!r} is not a positive number of km")
        if problems:
            raise WatchlistError(f"Watchlist entry {self.name!r}: " + "; ".join(problems) + ".")

    @property
    def key(self) -> str:
        """The extractor's key of the entity (type and normalised name)."""
        return f"{self.type}:{normalise_name(self.name)}"

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


def _aliases(v: Any) -> tuple[str, ...]:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ()
    items: Iterable[Any] = v.replace(";", "|").split("|") if isinstance(v, str) else v
    return tuple(dict.fromkeys(" ".join(str(a).split()) for a in items if str(a).strip()))


def _number(v: Any) -> float | None:
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    return float(v)


def entry_from_row(row: Mapping[str, Any]) -> WatchlistEntry:
    """The entry of one file row (column names case-blind; aliases split on ``|`` or ``;``)."""
    low = {str(k).strip().lower(): v for k, v in row.items()}
    name = " ".join(str(low.get("name") or "").split())
    raw_type = str(low.get("type") or "").strip().lower()
    type_ = TYPE_SYNONYMS.get(raw_type, raw_type.replace(" ", "_"))
    if not raw_type:
        raise WatchlistError(f"Watchlist entry {name!r} has no type; give one of {list(ENTITY_TYPES)}.")
    admin, note = low.get("admin_area"), low.get("note")
    return WatchlistEntry(
        name,
        type_,
        _aliases(low.get("aliases")),
        _number(low.get("lat")),
        _number(low.get("lon")),
        _number(low.get("uncertainty_km")),
        (str(admin).strip() or None) if admin else None,
        (str(note).strip() or None) if note else None,
    )


def merge_duplicates(entries: list[WatchlistEntry]) -> list[WatchlistEntry]:
    """One entry per key: a later row naming the same entity adds its aliases and fills what is missing."""
    by_key: dict[str, WatchlistEntry] = {}
    for e in entries:
        old = by_key.get(e.key)
        by_key[e.key] = (
            e
            if old is None
            else WatchlistEntry(
                old.name,
                old.type,
                tuple(dict.fromkeys((*old.aliases, *e.aliases))),
                old.lat if old.has_coordinates else e.lat,
                old.lon if old.has_coordinates else e.lon,
                old.uncertainty_km or e.uncertainty_km,
                old.admin_area or e.admin_area,
                old.note or e.note,
            )
        )
    return list(by_key.values())
