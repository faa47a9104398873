"""Visits against launches: launch events, visited sites, nearest launch facility, visits before launches.

**KST/UTC alignment.** KCNA dates are Korea Standard Time (UTC+9) calendar days; nagix gives launch
times in UTC. A launch is put on the Korea-time day of ``datetime_utc + 9 h`` (``date_kst`` of
:func:`workbook.tables.adapters.load_nagix_launches`): nagix's "2024-10-30 22:11 UTC" Hwasong-19 is
2024-10-31 07:11 KST, the "morning of October 31" KCNA reported on November 1. Launches without a time
keep their UTC day (``date_kst_exact`` False). A visit's day comes from the article (see
:mod:`workbook.casestudy.appearances`): stated, or inferred as [published - 2, published]. The lag from
a visit to a launch is ``launch day - visit day`` in whole Korea-time days; with an interval, it is a
range [``lag_days_min``, ``lag_days_max``].

Distances are great-circle (haversine) between the two points; because neither point is the exact
site, :func:`nearest_facilities` also gives the range the true distance lies in (distance minus and
plus both uncertainties).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbook.casestudy.appearances import AppearanceTables
from workbook.casestudy.rules import APPEARANCE_ACTIVITIES
from workbook.errors import WorkbookError
from workbook.tables.admin import haversine_km

__all__ = ["MAX_WINDOW_DAYS", "launch_events", "nearest_facilities", "visit_sites", "visits", "visits_before_launches"]

#: The largest window :func:`visits_before_launches` accepts (ten years).
MAX_WINDOW_DAYS = 3650


def launch_events(launches: pd.DataFrame) -> pd.DataFrame:
    """nagix launches grouped by Korea-time day and facility (a salvo is one event): launch_event_id,
    date_kst, date_kst_exact, first_utc, facility, facility_name, lat, lon, n_missiles, missiles
    (names), missile_keys (nagix keys), missile_types."""
    df = launches.dropna(subset=["date_kst"]).copy()
    g = df.groupby(["date_kst", "facility"], observed=True, sort=True)
    out = g.agg(
        launch_event_id=("launch_id", "first"),
        date_kst_exact=("date_kst_exact", "all"),
        first_utc=("datetime_utc", "min"),
        facility_name=("facility_name", "first"),
        lat=("lat", "first"),
        lon=("lon", "first"),
        n_missiles=("launch_id", "size"),
        missiles=("missile_name", lambda s: list(dict.fromkeys(str(x) for x in s))),
        missile_keys=("missile", lambda s: list(dict.fromkeys(str(x) for x in s))),
        missile_types=("missile_type", lambda s: list(dict.fromkeys(str(x) for x in s if pd.notna(x)))),
    ).reset_index()
    cols = [
        "launch_event_id",
        "date_kst",
        "date_kst_exact",
        "first_utc",
        "facility",
        "facility_name",
        "lat",
        "lon",
        "n_missiles",
        "missiles",
        "missile_keys",
        "missile_types",
    ]
    return out[cols]


def _union(lists: pd.Series) -> list[str]:
    return list(dict.fromkeys(x for items in lists for x in items))


def visits(tables: AppearanceTables, *, appearances_only: bool = True) -> pd.DataFrame:
    """One row per story (appearances only unless told otherwise): the article that states its date and
    names most places and weapons stands for it, with the places, weapons and nagix missiles of all its
    articles, and ``n_articles`` (how many articles tell it). Sorted by date."""
    a = tables.appearances
    if a.empty:
        return a.copy()
    info = a["places"].map(len) + a["weapons"].map(len)
    ranked = a.assign(_stated=~a["date_stated"], _info=-info).sort_values(["story_id", "_stated", "_info", "published"])
    first = ranked.drop_duplicates("story_id").drop(columns=["_stated", "_info"]).set_index("story_id")
    groups = a.groupby("story_id")
    for col in ("places", "weapons", "nagix_missiles"):
        first[col] = groups[col].agg(_union)
    first["n_articles"] = groups.size().astype("int64")
    out = first.reset_index()
    if appearances_only:
        out = out[out["activity"].isin(APPEARANCE_ACTIVITIES)]
    return out.sort_values(["date_best", "story_id"], kind="stable").reset_index(drop=True)


def visit_sites(tables: AppearanceTables) -> pd.DataFrame:
    """One row per story and visited place with coordinates: story_id, doc_id, title, activity, date_start,
    date_end, date_best, date_stated, place, place_type, lat, lon, uncertainty_km, coord_source,
    source_name, admin_area."""
    v = visits(tables)
    cols = ["story_id", "doc_id", "title", "activity", "date_start", "date_end", "date_best", "date_stated"]
    if v.empty or tables.places.empty:
        return pd.DataFrame(
            columns=[
                *cols,
                "place",
                "place_type",
                "lat",
                "lon",
                "uncertainty_km",
                "coord_source",
                "source_name",
                "admin_area",
            ]
        )
    p = tables.places.drop(columns=["surface", "start", "end"]).drop_duplicates(["doc_id", "place"])
    return v[cols].merge(p, on="doc_id", how="inner").reset_index(drop=True)


def nearest_facilities(sites: pd.DataFrame, facilities: pd.DataFrame) -> pd.DataFrame:
    """``sites`` (lat, lon, uncertainty_km) with the nearest launch facility of ``facilities`` (facility,
    name, lat, lon, uncertainty_km): nearest_facility, nearest_facility_name, distance_km (haversine
    between the points), distance_min_km and distance_max_km (± both uncertainties, not below 0)."""
    out = sites.copy()
    if out.empty or facilities.empty:
        for c in ("nearest_facility", "nearest_facility_name", "distance_km", "distance_min_km", "distance_max_km"):
            out[c] = pd.Series(dtype="float64" if c.startswith("distance") else "string")
        return out
    fac = facilities.reset_index(drop=True)
    d = haversine_km(
        out["lat"].to_numpy(float)[:, None],
        out["lon"].to_numpy(float)[:, None],
        fac["lat"].to_numpy(float)[None, :],
        fac["lon"].to_numpy(float)[None, :],
    )
    j = np.argmin(d, axis=1)
    best = d[np.arange(len(out)), j]
    fac_unc = fac["uncertainty_km"].to_numpy(float)[j] if "uncertainty_km" in fac.columns else np.zeros(len(out))
    spread = out["uncertainty_km"].to_numpy(float) + fac_unc
    out["nearest_facility"] = fac["facility"].to_numpy()[j]
    out["nearest_facility_name"] = fac["name"].to_numpy()[j]
    out["distance_km"] = np.round(best, 1)
    out["distance_min_km"] = np.round(np.maximum(best - spread, 0.0), 1)
    out["distance_max_km"] = np.round(best + spread, 1)
    return out


def _site_distance(sites: pd.DataFrame, story: str, lat: float, lon: float) -> float:
    s = sites[sites["story_id"] == story]
    if s.empty:
        return float("nan")
    return float(np.round(haversine_km(s["lat"].to_numpy(float), s["lon"].to_numpy(float), lat, lon).min(), 1))


def visits_before_launches(
    vis: pd.DataFrame, events: pd.DataFrame, n_days: int, sites: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every (visit, launch event) pair where the launch's Korea-time day falls 0 to ``n_days`` days after
    a day the visit may have taken place (0: the same day). ``vis`` from :func:`visits`, ``events`` from
    :func:`launch_events`, ``sites`` (optional, :func:`visit_sites`) for the distance from the visited
    places to the launch facility. Columns: story_id, doc_id, title, activity, visit_start, visit_end,
    date_stated, places, weapons, launch_event_id, launch_date_kst, date_kst_exact, facility_name,
    missiles, n_missiles, lag_days_min, lag_days_max, same_weapon (a weapon named in the visit is the
    launched missile), distance_km. Sorted by launch day, then visit day."""
    if not isinstance(n_days, int | np.integer) or isinstance(n_days, bool) or not 0 <= n_days <= MAX_WINDOW_DAYS:
        raise WorkbookError(f"n_days must be a whole number of days from 0 to {MAX_WINDOW_DAYS}; got {n_days!r}.")
    cols = [
        "story_id",
        "doc_id",
        "title",
        "activity",
        "visit_start",
        "visit_end",
        "date_stated",
        "places",
        "weapons",
        "launch_event_id",
        "launch_date_kst",
        "date_kst_exact",
        "facility_name",
        "missiles",
        "n_missiles",
        "lag_days_min",
        "lag_days_max",
        "same_weapon",
        "distance_km",
    ]
    if vis.empty or events.empty:
        return pd.DataFrame(columns=cols)
    v_start = vis["date_start"].to_numpy("datetime64[D]")[:, None]
    v_end = vis["date_end"].to_numpy("datetime64[D]")[:, None]
    day = events["date_kst"].to_numpy("datetime64[D]")[None, :]
    lag_min = (day - v_end).astype(int)
    lag_max = (day - v_start).astype(int)
    hit_v, hit_e = np.nonzero((lag_max >= 0) & (lag_min <= n_days))
    rows = []
    for i, k in zip(hit_v, hit_e, strict=True):
        v, e = vis.iloc[i], events.iloc[k]
        keys = set(v["nagix_missiles"]) if isinstance(v.get("nagix_missiles"), list) else set()
        rows.append(
            {
                "story_id": v["story_id"],
                "doc_id": v["doc_id"],
                "title": v["title"],
                "activity": v["activity"],
                "visit_start": v["date_start"],
                "visit_end": v["date_end"],
                "date_stated": bool(v["date_stated"]),
                "places": list(v["places"]),
                "weapons": list(v["weapons"]),
                "launch_event_id": e["launch_event_id"],
                "launch_date_kst": e["date_kst"],
                "date_kst_exact": bool(e["date_kst_exact"]),
                "facility_name": e["facility_name"],
                "missiles": list(e["missiles"]),
                "n_missiles": int(e["n_missiles"]),
                "lag_days_min": max(int(lag_min[i, k]), 0),
                "lag_days_max": int(lag_max[i, k]),
                "same_weapon": bool(keys & set(e["missile_keys"])),
                "distance_km": _site_distance(sites, v["story_id"], float(e["lat"]), float(e["lon"]))
                if sites is not None
                else float("nan"),
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["launch_date_kst", "visit_start", "story_id"], kind="stable").reset_index(drop=True)
