"""The declared adapters on the datasets in ../shared/data (skipped when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import workbook as wb
from workbook.errors import DatasetNotFoundError, TableLoadError
from workbook.tables.adapters import DATASETS, load_dataset
from workbook.tables.admin import admin_gazetteer

pytestmark = pytest.mark.realdata

CNS_CSV = "cns-nti-missile-db/north_korea_missile_test_database.csv"
CNS_XLSX = "cns-nti-missile-db/north_korea_missile_test_database.xlsx"


def test_nagix_launches_in_utc_and_korea_time(shared_data: Path) -> None:
    df = load_dataset("nagix-launches", shared_data)
    assert len(df) == 339 and df["launch_id"].is_unique
    assert df["date_utc"].min() == pd.Timestamp("1984-04-09") and df["date_utc"].max() == pd.Timestamp("2026-04-18")
    hw19 = df[df["missile"] == "hwasong-19"].iloc[0]
    assert hw19["datetime_utc"] == pd.Timestamp("2024-10-30 22:11") and hw19["date_kst"] == pd.Timestamp("2024-10-31")
    assert hw19["date_kst_exact"] and hw19["missile_type"] == "ICBM" and hw19["apogee_km"] == 7687.0
    assert (hw19["lat"], hw19["lon"]) == pytest.approx((39.0, 125.6), abs=0.5)
    icbm17 = df[(df["missile"] == "hwasong-14") & (df["date_utc"] == "2017-07-04")].iloc[0]
    assert icbm17["facility"] == "panghyon" and icbm17["facility_name"] == "Panghyon"  # as SOURCES.md says
    unknown_time = df[df["time_utc"].isna()]
    assert len(unknown_time) == 84 and (~unknown_time["date_kst_exact"]).all()
    assert (unknown_time["date_kst"] == unknown_time["date_utc"]).all()
    assert df["apogee_km"].notna().sum() == 339 - 99 - 10  # "unknown" and "na" are missing, not errors
    assert df.attrs["citation"].startswith("nagix/nk-missile-tests")


def test_nagix_facilities(shared_data: Path) -> None:
    fac = load_dataset("nagix-facilities", shared_data)
    assert len(fac) == 55 and "Unknown" not in set(fac["name"]) and (fac["uncertainty_km"] == 1.0).all()
    sohae = fac.set_index("facility").loc["sohae"]
    assert sohae["name"] == "Sohae Satellite Launching Station" and sohae["n_launches"] >= 1


def test_cns_nti_csv_is_cp1252_and_its_odd_cells_are_reported(shared_data: Path) -> None:
    with pytest.raises(TableLoadError) as err:
        wb.load_table(shared_data / CNS_CSV, types={"Apogee": "km", "Distance Travelled": "km"})
    assert [(r, c, v) for r, c, v, _ in err.value.problems] == [
        (259, "Apogee", "between 25 and 90 km"),
        (259, "Distance Travelled", "between 110 and 670 km"),
        (265, "Apogee", "between 25 and 90 km"),
        (265, "Distance Travelled", "between 110 and 670 km"),
        (361, "Distance Travelled", "330 lm"),
        (364, "Distance Travelled", "330 lm"),
    ]
    df = load_dataset("cns-nti-csv", shared_data)
    assert len(df) == 245 and df.attrs["encoding"] == "cp1252" and len(df.attrs["coerced"]) == 6
    first = df.iloc[0]
    assert first["date"] == pd.Timestamp("1984-04-09") and first["date_precision"] == "day"
    assert first["facility_name"] == "Tonghae Satellite Launching Ground" and first["other_name"] == "Musudan-ri"
    assert (df["date_precision"] == "month").sum() >= 5  # "Sep-84", "May-86", ...
    assert df["date"].max() == pd.Timestamp("2023-04-12") and df["apogee_km"].max() > 6000
    assert df["updated"].notna().all()  # "23-Dec-16" and "6/20/2022" in one column
    last = df.iloc[-1]
    assert last["time_utc"] == pd.Timedelta("22:22:00") and last["date_kst"] == pd.Timestamp("2023-04-13")
    assert df["lat"].between(37, 43).all() or df["lat"].isna().any()


def test_cns_nti_xlsx_sheets(shared_data: Path) -> None:
    with pytest.raises(TableLoadError, match="several sheets with data"):
        wb.load_table(shared_data / CNS_XLSX)
    tests = load_dataset("cns-nti-xlsx", shared_data)
    assert len(tests) == 122 and tests["test_id"].tolist()[:3] == [1, 2, 3]
    assert tests["date"].iloc[0] == pd.Timestamp("1984-04-09")
    fac = load_dataset("cns-nti-facilities", shared_data)
    assert list(fac.columns) == ["facility", "first_test", "last_test", "n_tests", "lat", "lon", "location"]
    sohae = fac.set_index("facility").loc["Sohae Satellite Launching Station"]
    assert sohae["lat"] == pytest.approx(39.6596) and sohae["location"].startswith("Cholsan County")
    assert fac.loc[fac["facility"] == "Unknown", "lat"].isna().all()


def test_csis_provocations(shared_data: Path) -> None:
    df = load_dataset("csis-provocations", shared_data)
    assert len(df) == 493 and str(df["date"].dtype) == "datetime64[s]"
    assert df["date"].min() == pd.Timestamp("1958-02-16") and df["mentions_kim"].dtype == "boolean"
    assert df["year"].dtype == "Int64"


def test_admin_divisions_as_a_gazetteer(shared_data: Path) -> None:
    table = load_dataset("nk-admin-divisions", shared_data)
    assert (table["level"] == 1).sum() == 11 and (table["level"] == 2).sum() == 179
    assert table.attrs["citation"].startswith("Open Admin Data")
    counties = table[table["level"] == 2]["uncertainty_km"]
    assert counties.between(5, 40).all() and table[table["level"] == 1]["uncertainty_km"].min() >= 30
    gaz = admin_gazetteer(table)
    for surface, name in [
        ("Sinpho", "Sinpho City"),
        ("Sinpo", "Sinpho City"),
        ("Kusong City", "Kusong City"),
        ("North Phyongan Province", "North Pyongan"),
        ("Uiju County", "Uiju"),
        ("Phyongsong", "Pyongsong City"),
        ("Tongchang", "Tongchang"),
    ]:
        entry = gaz.lookup(surface)
        assert entry is not None and entry.name == name, surface
    assert gaz.lookup("Unsan") is None  # two counties of that name: only qualified names resolve
    assert gaz.lookup("Unsan, North Pyongan") is not None
    sinpho = gaz.lookup("Sinpho")
    assert sinpho is not None and sinpho.type == "place" and 5 <= sinpho.uncertainty_km <= 40
    assert [m.entry.name for m in gaz.find("He visited the Phungo-dong area in Sinpho, South Hamgyong Province.")] == [
        "Sinpho City",
        "South Hamgyong",
    ]


def test_every_declared_dataset_loads_and_missing_ones_are_named(shared_data: Path, tmp_path: Path) -> None:
    for name in DATASETS:
        assert len(load_dataset(name, shared_data)) > 0, name
    with pytest.raises(DatasetNotFoundError, match="does not exist"):
        load_dataset("nagix-launches", tmp_path)
    with pytest.raises(TableLoadError, match=r"No declared dataset 'nope'"):
        load_dataset("nope", shared_data)
