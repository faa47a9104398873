"""Declared adapters for the datasets in ``../shared/data`` (see its SOURCES.md): one function per table,
each returning a DataFrame with documented columns, typed by :func:`~workbook.tables.load_table`.

* :func:`load_nagix_launches`: one row per missile in nagix/nk-missile-tests (1984-2026), with the
  launch time in UTC and its Korea-time (KST, UTC+9) calendar date (:func:`kst_date`), the missile's
  name and class and the facility's name and coordinates;
* :func:`load_nagix_facilities_table`: the launch facilities, with their launch counts;
* :func:`load_cns_nti_csv` / :func:`load_cns_nti_xlsx` / :func:`load_cns_nti_facilities`: the CNS/NTI
  North Korea Missile Test Database (cp1252 CSV with dates like ``9-Apr-84``; an older XLSX whose header
  is on row 2). Its few unreadable cells ("between 25 and 90 km", "330 lm") are loaded as missing on
  purpose and listed in ``df.attrs["coerced"]``;
* :func:`load_csis_provocations`: CSIS Beyond Parallel provocations, 1958-2026 (no coordinates).

The administrative divisions (a gazetteer) are in :mod:`workbook.tables.admin`. Every frame carries
``attrs["citation"]``: cite it wherever the data is shown or exported.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbook.errors import DatasetNotFoundError, TableLoadError
from workbook.extract.nagix import is_placeholder, read_nagix_facilities
from workbook.tables.load import load_table

__all__ = [
    "DATASETS",
    "KST_OFFSET",
    "LAUNCH_COLUMNS",
    "SHARED_DATA_ENV",
    "Dataset",
    "find_shared_data",
    "kst_date",
    "load_cns_nti_csv",
    "load_cns_nti_facilities",
    "load_cns_nti_xlsx",
    "load_csis_provocations",
    "load_dataset",
    "load_nagix_facilities_table",
    "load_nagix_launches",
]

#: Environment variable naming the shared data folder (``.../shared/data``) when it is not found by
#: walking up from the working directory (the notebook tests set it for their temporary copies).
SHARED_DATA_ENV = "WORKBOOK_SHARED_DATA"
#: Korea Standard Time is UTC+9 all year (no daylight saving since 1988).
KST_OFFSET = pd.Timedelta(hours=9)

NAGIX_CITATION = (
    "nagix/nk-missile-tests (Apache-2.0), derived from the CNS/NTI North Korea Missile Test Database; "
    "snapshot a0cc65874d36a4a0fdf16b73919d23a3a8f5dac5"
)
CNS_CITATION = (
    "CNS/NTI North Korea Missile Test Database (James Martin Center for Nonproliferation Studies / Nuclear "
    "Threat Initiative; NTI terms of use apply, for testing only)"
)
CSIS_CITATION = "CSIS Beyond Parallel, North Korean provocations, via stiles/north-korea-provocations (CC0-1.0)"

#: Columns of :func:`load_nagix_launches`, with their meaning.
LAUNCH_COLUMNS: dict[str, str] = {
    "launch_id": "Stable id: 'nagix-' + the 1-based position in test.en.json.",
    "date_utc": "Launch date in UTC, as nagix gives it.",
    "time_utc": "Launch time of day in UTC (NaT when unknown).",
    "datetime_utc": "Date and time in UTC (NaT when the time is unknown).",
    "date_kst": "Calendar day of the launch in Korea (UTC+9): the day KCNA would name. When the time is "
    "unknown it is date_utc, and date_kst_exact is False.",
    "date_kst_exact": "Whether date_kst comes from a known UTC time.",
    "missile": "nagix missile key (e.g. 'hwasong-19').",
    "missile_name": "Missile name from missile.en.json (e.g. 'Hwasong-19').",
    "missile_type": "SRBM, MRBM, IRBM, ICBM, SLBM, SLV, ...",
    "facility": "nagix facility key (e.g. 'samsok-test').",
    "facility_name": "Facility name from facility.en.json.",
    "lat": 'Facility latitude (WGS84); empty when nagix does not know the facility ("Unknown").',
    "lon": "Facility longitude (WGS84).",
    "landing": "Where it came down (nagix key: 'sea-of-japan', ...).",
    "apogee_km": "Apogee in km (missing when unknown or not applicable).",
    "distance_km": "Distance flown in km.",
    "bearing_deg": "Bearing in degrees (nagix's, partly added by its author).",
    "outcome": "success, failure or unknown.",
    "series": "Position of the missile within a salvo (1, 2, ...), when given.",
    "description": "nagix's description.",
}


@dataclass(frozen=True)
class Dataset:
    """A declared dataset: where it is under the shared data folder and how to load it."""

    name: str
    folder: str
    loader: Callable[[Path], pd.DataFrame]
    description: str


def find_shared_data(start: str | Path | None = None) -> Path | None:
    """The shared data folder: ``$WORKBOOK_SHARED_DATA`` if set, else the first ``shared/data`` found
    beside ``start`` (default: the working directory) or one of its parents (a checkout at ``work/main``
    finds ``work/shared/data``). None when there is none."""
    env = os.environ.get(SHARED_DATA_ENV)
    if env:
        p = Path(env).expanduser()
        return p if p.is_dir() else None
    here = Path(start) if start is not None else Path.cwd()
    for parent in (here.resolve(), *here.resolve().parents):
        candidate = parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


def _file(folder: Path, *names: str) -> Path:
    for name in names:
        if (folder / name).is_file():
            return folder / name
        if folder.is_file() and folder.name == name:
            return folder
    raise DatasetNotFoundError(f"{folder} holds none of {list(names)}; is it the right dataset folder?")


def kst_date(datetime_utc: pd.Series, date_utc: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The Korea-time calendar day of each launch and whether it is exact: UTC + 9 h, cut to the day,
    when the time is known; the UTC date itself (not exact) when it is not."""
    known = datetime_utc.notna()
    kst = (datetime_utc + KST_OFFSET).dt.floor("D")
    return kst.where(known, date_utc).astype("datetime64[s]"), known.astype(bool)


def load_nagix_launches(folder: str | Path) -> pd.DataFrame:
    """Every launch of nagix/nk-missile-tests (``test.en.json`` joined with ``missile.en.json`` and
    ``facility.en.json``); columns :data:`LAUNCH_COLUMNS`. Salvos are one row per missile, as in nagix."""
    folder = Path(folder)
    tests = load_table(
        _file(folder, "test.en.json"),
        record_path="timeBins/*/data",
        types={"date": "date", "time": "time", "apogee": "km", "distance": "km", "bearing": "float", "series": "int"},
    )
    missiles = json.loads(_file(folder, "missile.en.json").read_text(encoding="utf-8"))
    facilities = {f.key: f for f in read_nagix_facilities(_file(folder, "facility.en.json"), include_placeholder=True)}
    located = {k: f for k, f in facilities.items() if not is_placeholder(f.name)}  # "Unknown" has no place
    date_utc = tests["date"].astype("datetime64[s]")
    dt_utc = (date_utc + tests["time"]).astype("datetime64[s]")
    day_kst, exact = kst_date(dt_utc, date_utc)
    fac = tests["facility"].astype(str)
    mis = tests["missile"].astype(str)
    out = pd.DataFrame(
        {
            "launch_id": [f"nagix-{i:04d}" for i in range(1, len(tests) + 1)],
            "date_utc": date_utc,
            "time_utc": tests["time"],
            "datetime_utc": dt_utc,
            "date_kst": day_kst,
            "date_kst_exact": exact,
            "missile": mis.astype("string"),
            "missile_name": pd.Series([missiles.get(m, {}).get("name", m) for m in mis], dtype="string"),
            "missile_type": pd.Series([missiles.get(m, {}).get("type") for m in mis], dtype="string"),
            "facility": fac.astype("string"),
            "facility_name": pd.Series([facilities[f].name if f in facilities else f for f in fac], dtype="string"),
            "lat": pd.Series([located[f].lat if f in located else None for f in fac], dtype="float64"),
            "lon": pd.Series([located[f].lon if f in located else None for f in fac], dtype="float64"),
            "landing": tests["landing"].astype("string"),
            "apogee_km": tests["apogee"],
            "distance_km": tests["distance"],
            "bearing_deg": tests["bearing"],
            "outcome": tests["outcome"].astype("string"),
            "series": tests["series"],
            "description": tests["description"].astype("string"),
        }
    )
    unknown_fac = sorted(set(fac) - set(facilities))
    out.attrs.update(
        citation=NAGIX_CITATION,
        source="nagix/nk-missile-tests",
        warnings=[f"facility keys without coordinates: {unknown_fac}"] if unknown_fac else [],
    )
    return out


def load_nagix_facilities_table(folder: str | Path) -> pd.DataFrame:
    """The nagix launch facilities: facility (key), name, lat, lon, uncertainty_km (1 km: surveyed sites),
    n_launches, first_launch_kst, last_launch_kst. The placeholder "Unknown" is left out (both rules:
    :func:`workbook.extract.nagix.read_nagix_facilities`)."""
    folder = Path(folder)
    records = read_nagix_facilities(_file(folder, "facility.en.json"))
    fac = pd.DataFrame(
        {
            "facility": pd.Series([f.key for f in records], dtype="string"),
            "name": pd.Series([f.name for f in records], dtype="string"),
            "lat": pd.Series([f.lat for f in records], dtype="float64"),
            "lon": pd.Series([f.lon for f in records], dtype="float64"),
        }
    )
    launches = load_nagix_launches(folder)
    stats = launches.groupby("facility", observed=True).agg(
        n_launches=("launch_id", "size"), first_launch_kst=("date_kst", "min"), last_launch_kst=("date_kst", "max")
    )
    out = fac[["facility", "name", "lat", "lon"]].merge(stats, left_on="facility", right_index=True, how="left")
    out["n_launches"] = out["n_launches"].fillna(0).astype("int64")
    out.insert(4, "uncertainty_km", pd.Series([f.uncertainty_km for f in records], dtype="float64"))
    out.attrs.update(citation=NAGIX_CITATION, source="nagix/nk-missile-tests")
    return out.reset_index(drop=True)


_CNS_TYPES = {
    "Date": "date",
    "Date Entered/Updated": "date",
    "Launch Time (UTC)": "time",
    "Facility Latitude": "lat",
    "Facility Longitude": "lon",
    "Apogee": "km",
    "Distance Travelled": "km",
}
_CNS_RENAME = {
    "F1": "test_id",
    "Date": "date",
    "Date precision": "date_precision",
    "Date Entered/Updated": "updated",
    "Launch Time (UTC)": "time_utc",
    "Missile Name": "missile_name",
    "Missile Type": "missile_type",
    "Launch Agency/Authority": "agency",
    "Facility Name": "facility_name",
    "Facility Location": "facility_location",
    "Other Name": "other_name",
    "Facility Latitude": "lat",
    "Facility Longitude": "lon",
    "Landing Location": "landing",
    "Apogee": "apogee_km",
    "Distance Travelled": "distance_km",
    "Confirmation Status": "confirmation",
    "Test Outcome": "outcome",
    "Additional Information": "information",
    "Source(s)": "sources",
}


def _cns_frame(df: pd.DataFrame) -> pd.DataFrame:
    df = df.rename(columns=_CNS_RENAME)
    if "date_precision" not in df.columns:
        df.insert(2, "date_precision", pd.Series(["day"] * len(df), dtype="string").where(df["date"].notna()))
    df["test_id"] = pd.to_numeric(df["test_id"], errors="coerce").astype("Int64")
    dt = (df["date"] + df["time_utc"]).where(df["date_precision"] == "day")
    df["date_kst"], df["date_kst_exact"] = kst_date(dt.astype("datetime64[s]"), df["date"])
    keep = [c for c in _CNS_RENAME.values() if c in df.columns] + ["date_kst", "date_kst_exact"]
    out = df[keep].copy()
    out.attrs.update({str(k): v for k, v in df.attrs.items()}, citation=CNS_CITATION)
    return out


def load_cns_nti_csv(path: str | Path) -> pd.DataFrame:
    """The CNS/NTI database CSV (245 tests, 1984-2023), renamed to snake_case (test_id, date,
    date_precision, time_utc, missile_name, ..., apogee_km, distance_km, ...) plus date_kst. Cells that
    are not one number of km are missing and listed in ``attrs["coerced"]``."""
    p = Path(path)
    p = _file(p, "north_korea_missile_test_database.csv") if p.is_dir() else p
    return _cns_frame(load_table(p, types=_CNS_TYPES, errors="null"))


def load_cns_nti_xlsx(path: str | Path, sheet: str = "Missile Tests") -> pd.DataFrame:
    """The "Missile Tests" sheet of the older CNS/NTI workbook (header on row 2), as :func:`load_cns_nti_csv`."""
    p = Path(path)
    p = _file(p, "north_korea_missile_test_database.xlsx") if p.is_dir() else p
    df = load_table(p, sheet=sheet, header_row=2, types={**_CNS_TYPES, "F1": "int"}, errors="null")
    return _cns_frame(df)


def load_cns_nti_facilities(path: str | Path) -> pd.DataFrame:
    """The "Facilities" sheet of the CNS/NTI workbook (header on row 2): facility, first_test, last_test,
    n_tests, lat, lon, location."""
    p = Path(path)
    p = _file(p, "north_korea_missile_test_database.xlsx") if p.is_dir() else p
    df = load_table(
        p,
        sheet="Facilities",
        header_row=2,
        types={
            "Date of First Test": "date",
            "Date of Most Recent Test": "date",
            "Number of Tests": "int",
            "Latitude": "lat",
            "Longitude": "lon",
        },
    )
    df = df.rename(
        columns={
            "Facility": "facility",
            "Date of First Test": "first_test",
            "Date of Most Recent Test": "last_test",
            "Number of Tests": "n_tests",
            "Latitude": "lat",
            "Longitude": "lon",
            "Location": "location",
        }
    )
    df.attrs["citation"] = CNS_CITATION
    return df


def load_csis_provocations(path: str | Path) -> pd.DataFrame:
    """CSIS provocations (493 rows, 1958-2026): date, type, event, description, resources (URL), year,
    week_number, month_year, weekday, mentions_kim. Places appear only in the free text."""
    p = Path(path)
    p = _file(p, "north_korea_provocations_1958_present.csv") if p.is_dir() else p
    df = load_table(p, types={"date": "date", "year": "int", "week_number": "int", "mentions_kim": "bool"})
    df.attrs["citation"] = CSIS_CITATION
    return df


def _admin(folder: Path) -> pd.DataFrame:
    from workbook.tables.admin import load_admin_divisions

    return load_admin_divisions(folder)


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset("nagix-launches", "nk-missile-tests_nagix", load_nagix_launches, "Missile launches, 1984-2026"),
        Dataset("nagix-facilities", "nk-missile-tests_nagix", load_nagix_facilities_table, "Launch facilities"),
        Dataset("cns-nti-csv", "cns-nti-missile-db", load_cns_nti_csv, "CNS/NTI missile tests (CSV)"),
        Dataset("cns-nti-xlsx", "cns-nti-missile-db", load_cns_nti_xlsx, "CNS/NTI missile tests (XLSX)"),
        Dataset("cns-nti-facilities", "cns-nti-missile-db", load_cns_nti_facilities, "CNS/NTI facilities (XLSX)"),
        Dataset("csis-provocations", "csis-provocations_stiles", load_csis_provocations, "CSIS provocations"),
        Dataset("nk-admin-divisions", "nk-admin-divisions_open-admin-data", _admin, "DPRK provinces and counties"),
    )
}


def load_dataset(name: str, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Load the declared dataset ``name`` (one of :data:`DATASETS`) from the shared data folder
    (``data_dir``, else :func:`find_shared_data`)."""
    if name not in DATASETS:
        raise TableLoadError(f"No declared dataset {name!r}; the datasets are {', '.join(DATASETS)}.")
    root = Path(data_dir) if data_dir is not None else find_shared_data()
    if root is None:
        raise DatasetNotFoundError(
            f"The shared data folder was not found: set {SHARED_DATA_ENV} or pass data_dir= (it holds "
            "nk-missile-tests_nagix/, cns-nti-missile-db/, ...)."
        )
    folder = root / DATASETS[name].folder
    if not folder.is_dir():
        raise DatasetNotFoundError(f"{folder} does not exist; dataset {name!r} lives there.")
    return DATASETS[name].loader(folder)
