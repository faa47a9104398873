"""DPRK administrative divisions (open-admin-data, CC BY 4.0) as a table and as a gazetteer.

The names are DPRK-official romanisations, as KCNA writes them: "Sinpho City", "Kusong City",
"Phyongsan", "Cholsan". :func:`admin_gazetteer` turns the 11 provinces and 179 counties into a
:class:`~workbook.extract.gazetteer.Gazetteer` of type ``place`` whose aliases cover the spellings KCNA
and other sources use: without "City" ("Sinpho"), with "County" ("Uiju County"), with or without the
aspirating h ("Sinpo"/"Sinpho", "North Pyongan"/"North Phyongan"), and "X Province" for provinces.

Uncertainty (a county's point is not a factory): a county's radius is the distance to the nearest other
county's point (about the county's width), between 5 and 40 km; a province's is the distance from its
point to its farthest county point, at least 30 km. County names that occur twice ("Unsan" in North and
in South Phyongan) are named with their province ("Unsan, North Phyongan") and have no bare alias.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd

from workbook.errors import DatasetNotFoundError
from workbook.extract.gazetteer import Gazetteer, GazetteerEntry
from workbook.names import aspiration_variants, fold_key
from workbook.tables.load import load_table

__all__ = [
    "ADMIN_CITATION",
    "ADMIN_SOURCE",
    "admin_gazetteer",
    "aspiration_variants",
    "haversine_km",
    "load_admin_divisions",
]

ADMIN_SOURCE = "open-admin-data/north-korea-administrative-divisions"
ADMIN_CITATION = "Open Admin Data (https://openadmindata.org/kp/), CC BY 4.0"
_MIN_COUNTY_KM, _MAX_COUNTY_KM, _MIN_PROVINCE_KM = 5.0, 40.0, 30.0
_EXTRA_PROVINCE_ALIASES = {"Jagang": ("Chagang",), "Ryanggang": ("Yanggang",)}


def haversine_km(
    lat1: np.ndarray | float, lon1: np.ndarray | float, lat2: np.ndarray | float, lon2: np.ndarray | float
) -> np.ndarray:
    """Great-circle distance in km (mean Earth radius 6371.0088 km), broadcasting over arrays."""
    la1, lo1, la2, lo2 = (np.radians(np.asarray(x, dtype=float)) for x in (lat1, lon1, lat2, lon2))
    h = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return np.asarray(2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(h))))


def load_admin_divisions(folder: str | Path) -> pd.DataFrame:
    """Provinces (level 1, from ``all-flat.csv``) and counties (level 2, from ``all-county.json``):
    id, level, kind, name, province, lat, lon, uncertainty_km (see the module docs), source_url."""
    folder = Path(folder)
    flat, county = folder / "all-flat.csv", folder / "all-county.json"
    if not flat.is_file() or not county.is_file():
        raise DatasetNotFoundError(f"{folder} should hold all-flat.csv and all-county.json (open-admin-data).")
    prov = load_table(flat, types={"geo.lat": "lat", "geo.lon": "lon", "level": "int"})
    cnty = load_table(county, types={"geo.lat": "lat", "geo.lon": "lon", "level": "int"})
    rows = pd.concat(
        [
            pd.DataFrame(
                {
                    "id": prov["id"],
                    "level": 1,
                    "kind": "Province",
                    "name": prov["name.en"],
                    "province": prov["name.en"],
                    "lat": prov["geo.lat"],
                    "lon": prov["geo.lon"],
                    "source_url": prov["source_url"],
                }
            ),
            pd.DataFrame(
                {
                    "id": cnty["id"],
                    "level": 2,
                    "kind": cnty["level_name.en"],
                    "name": cnty["name.en"],
                    "province": cnty["parent.name.en"],
                    "lat": cnty["geo.lat"],
                    "lon": cnty["geo.lon"],
                    "source_url": pd.Series([None] * len(cnty), dtype="string"),
                }
            ),
        ],
        ignore_index=True,
    )
    lat, lon = rows["lat"].to_numpy(float), rows["lon"].to_numpy(float)
    is_county = (rows["level"] == 2).to_numpy()
    unc = np.zeros(len(rows))
    cl, co = lat[is_county], lon[is_county]
    for i in np.flatnonzero(is_county):
        d = haversine_km(lat[i], lon[i], cl, co)
        d = d[d > 0.01]
        unc[i] = min(max(float(d.min()) if d.size else _MAX_COUNTY_KM, _MIN_COUNTY_KM), _MAX_COUNTY_KM)
    for i in np.flatnonzero(~is_county):
        mine = is_county & (rows["province"] == rows.at[i, "name"]).to_numpy()
        far = float(haversine_km(lat[i], lon[i], lat[mine], lon[mine]).max()) if mine.any() else 0.0
        unc[i] = max(far, _MIN_PROVINCE_KM)
    rows["uncertainty_km"] = np.round(unc, 1)
    for col in ("id", "kind", "name", "province"):
        rows[col] = rows[col].astype("string")
    rows["level"] = rows["level"].astype("int64")
    rows.attrs.update(citation=ADMIN_CITATION, source=ADMIN_SOURCE)
    return rows


def _aliases(name: str, kind: str, level: int) -> list[str]:
    out: list[str] = []
    stem = re.sub(r"\s+(City|Dist\.|District)$", "", name)
    if level == 1:
        out += [f"{name} Province", *_EXTRA_PROVINCE_ALIASES.get(name, ())]
    else:
        if stem != name:
            out.append(stem)
            out.append(f"City of {stem}")
        if stem == name:
            out.append(f"{stem} County")
    for base in list(dict.fromkeys([name, *out])):
        out += aspiration_variants(base)
    return [a for a in dict.fromkeys(out) if fold_key(a) != fold_key(name)]


def admin_gazetteer(folder: str | Path | pd.DataFrame) -> Gazetteer:
    """The divisions as a gazetteer of places (name, aliases, point, uncertainty_km, province), coordinate
    source ``gazetteer``, source name :data:`ADMIN_SOURCE`. Give the folder or the loaded table."""
    table = folder if isinstance(folder, pd.DataFrame) else load_admin_divisions(folder)
    counts = table[table["level"] == 2]["name"].value_counts()
    county_names = {fold_key(n) for n in table.loc[table["level"] == 2, "name"]}
    entries = []
    for row in table.to_dict("records"):
        name, level, province = str(row["name"]), int(row["level"]), str(row["province"])
        if level == 1 and fold_key(name) in county_names:
            continue  # "Pyongyang": the city (its county entry) stands for it
        aliases = _aliases(name, str(row["kind"]), level)
        if level == 2 and counts.get(name, 0) > 1:
            aliases = [f"{a}, {province}" for a in aliases if not a.startswith(name)] + [f"{name} County, {province}"]
            name = f"{name}, {province}"
        admin = "North Korea" if level == 1 else f"{province}, North Korea"
        km = float(row["uncertainty_km"])
        if not math.isfinite(km) or km <= 0:
            km = _MAX_COUNTY_KM
        entries.append(
            GazetteerEntry(name, "place", tuple(aliases), float(row["lat"]), float(row["lon"]), km, ADMIN_SOURCE, admin)
        )
    return Gazetteer(entries, name="nk-admin-divisions")
