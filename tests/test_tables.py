"""wb.load_table: typed columns, clear errors naming bad cells, encodings, sheets, headers, ragged and
merged inputs (hand-made files; the real datasets are in test_tables_realdata.py)."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import workbook as wb
from workbook.errors import TableLoadError, WorkbookError
from workbook.tables.parsing import ColumnType, convert_column, parse_type

pytestmark = pytest.mark.unit


def _conv(values: list[object], spec: str, **kw: object) -> tuple[list[object], list[tuple[int, str]]]:
    c = convert_column(values, parse_type(spec), **kw)  # type: ignore[arg-type]
    return [None if pd.isna(v) else v for v in c.values.tolist()], c.bad


# --- cell types ----------------------------------------------------------------------------------------


def test_km_reads_units_and_refuses_ranges_and_unknown_units() -> None:
    values, bad = _conv(
        [
            "2802 km",
            "1,380 km",
            "7 687.5km",
            "500 m",
            "50",
            120,
            "Unknown",
            "N/A",
            "",
            "between 25 and 90 km",
            "330 lm",
        ],
        "km",
    )
    assert values[:9] == [2802.0, 1380.0, 7687.5, 0.5, 50.0, 120.0, None, None, None]
    assert [i for i, _ in bad] == [9, 10]
    assert "several numbers" in bad[0][1] and "'lm'" in bad[1][1]


def test_number_takes_any_unit_but_one_value() -> None:
    values, bad = _conv(["2802 km", "-3.5", "12 kg", "1e5", True, "1 to 2"], "number")
    assert values[:4] == [2802.0, -3.5, 12.0, 100000.0]
    assert [i for i, _ in bad] == [4, 5]


def test_int_refuses_fractions() -> None:
    values, bad = _conv(["1,234", "7", 8.0, "2.5"], "int")
    assert values[:3] == [1234, 7, 8]
    assert bad == [(3, "not a whole number")]


def test_dates_day_month_year_and_two_digit_years() -> None:
    conv = convert_column(
        ["9-Apr-84", "Sep-84", "2024-10-31", "October 31, 2024", "31 Oct 2024", "1984", "5-Jun-22", "Oct. 3, 2019"],
        ColumnType("date"),
    )
    assert not conv.bad
    days = [d.date() for d in conv.values]
    assert days == [
        date(1984, 4, 9),
        date(1984, 9, 1),
        date(2024, 10, 31),
        date(2024, 10, 31),
        date(2024, 10, 31),
        date(1984, 1, 1),
        date(2022, 6, 5),
        date(2019, 10, 3),
    ]
    assert conv.precision is not None
    assert conv.precision.tolist() == ["day", "month", "day", "day", "day", "year", "day", "day"]


def test_slashed_dates_take_the_columns_order() -> None:
    us = convert_column(["3/23/2023", "11/2/2022"], ColumnType("date"))
    assert [d.date() for d in us.values] == [date(2023, 3, 23), date(2022, 11, 2)] and not us.warnings
    eu = convert_column(["23/3/2023", "11/2/2022"], ColumnType("date"))
    assert [d.date() for d in eu.values] == [date(2023, 3, 23), date(2022, 2, 11)]
    undecided = convert_column(["1/2/2022"], ColumnType("date"), dayfirst=True)
    assert undecided.values[0].date() == date(2022, 2, 1) and "never show" in undecided.warnings[0]
    mixed = convert_column(["23/3/2023", "3/23/2023", "2024-01-01"], ColumnType("date"))
    assert [i for i, _ in mixed.bad] == [0, 1] and "mixes" in mixed.bad[0][1]
    assert mixed.values[2].date() == date(2024, 1, 1)


def test_dates_refuse_non_dates_and_impossible_days() -> None:
    _, bad = _conv(["30-Feb-21", "tomorrow", "2024-10-31 12:00"], "date")
    assert [i for i, _ in bad] == [0, 1, 2]
    assert "no such date" in bad[0][1] and "datetime" in bad[2][1]


def test_datetime_converts_offsets_to_utc_and_time_reads_clock_labels() -> None:
    values, bad = _conv(["2024-10-31 07:11 +09:00", "2024-10-30 22:11 (UTC)", "2024-10-30T22:11:00Z"], "datetime")
    assert not bad and {str(v) for v in values} == {"2024-10-30 22:11:00"}
    clock, bad = _conv(["21:13 (UTC)", "9:20:00 PM", "12:30:00 AM", time(7, 29), "25:00", "9:00 +09:00"], "time")
    assert clock[:4] == [
        pd.Timedelta("21:13:00"),
        pd.Timedelta("21:20:00"),
        pd.Timedelta("00:30:00"),
        pd.Timedelta("07:29:00"),
    ]
    assert [i for i, _ in bad] == [4, 5]


def test_coordinates_decimal_dms_hemisphere_and_range() -> None:
    lat, bad = _conv(["40.85", "40°51'0\"N", "N 40.5", "37.5 S", 91, "12 E"], "lat")
    assert lat[:4] == [40.85, 40.85, 40.5, -37.5]
    assert [i for i, _ in bad] == [4, 5]
    lon, bad = _conv(["129.67", "124°42′E", "-10 W"], "lon")
    assert lon[0] == 129.67 and lon[1] == pytest.approx(124.7) and not bad[:0]


def test_bool_and_category_and_string() -> None:
    assert _conv(["True", "no", "1", "F"], "bool")[0] == [True, False, True, False]
    assert _conv(["maybe"], "bool")[1][0][0] == 0
    c = convert_column(["a", "b", "a", None], ColumnType("category"))
    assert isinstance(c.values.dtype, pd.CategoricalDtype)
    s = convert_column(["Unknown", "  ", 3], ColumnType("string"))
    assert s.values.tolist()[0] == "Unknown" and pd.isna(s.values[1]) and s.values[2] == "3"


def test_parse_type_names_the_known_types() -> None:
    assert parse_type("date:%d/%m/%Y") == ColumnType("date", "%d/%m/%Y")
    with pytest.raises(ValueError, match="the types are"):
        parse_type("distance")
    with pytest.raises(ValueError, match="takes no format"):
        parse_type("km:%f")


# --- CSV -----------------------------------------------------------------------------------------------


def test_cp1252_csv_is_detected_and_unparseable_cells_are_named(tmp_path: Path) -> None:
    p = tmp_path / "tests.csv"
    text = (
        "Date,Missile,Apogee\r\n9-Apr-84,Scud\u2019B,200 km\r\n"
        'Sep-84,"Nodong, \u2018new\u2019",between 25 and 90 km\r\n'
    )
    p.write_bytes(text.encode("cp1252"))
    with pytest.raises(TableLoadError) as err:
        wb.load_table(p, types={"Date": "date", "Apogee": "km"})
    reason = "several numbers (a range or a list), not one value"
    assert err.value.problems == [(3, "Apogee", "between 25 and 90 km", reason)]
    assert "line 3, column 'Apogee': 'between 25 and 90 km'" in str(err.value) and "errors='null'" in str(err.value)
    df = wb.load_table(p, types={"Date": "date", "Apogee": "km"}, errors="null")
    assert df.attrs["encoding"] == "cp1252"
    assert df["Missile"].tolist() == ["Scud\u2019B", "Nodong, \u2018new\u2019"]
    assert df["Apogee"].tolist()[0] == 200.0 and np.isnan(df["Apogee"].tolist()[1])
    assert df.attrs["coerced"] == [
        {
            "row": 3,
            "column": "Apogee",
            "value": "between 25 and 90 km",
            "reason": "several numbers (a range or a list), not one value",
        }
    ]
    assert df["Date precision"].tolist() == ["day", "month"]
    assert str(df["Date"].dtype) == "datetime64[s]" and str(df["Missile"].dtype) == "string"


def test_error_rows_are_source_lines_even_with_multiline_cells(tmp_path: Path) -> None:
    p = tmp_path / "t.csv"
    p.write_text('a,b\n1,"two\nlines"\nx,3\n', encoding="utf-8")
    with pytest.raises(TableLoadError) as err:
        wb.load_table(p, types={"a": "int"})
    assert err.value.problems[0][:3] == (4, "a", "x")


def test_leading_comments_are_kept_aside_and_header_row_counts_lines(tmp_path: Path) -> None:
    p = tmp_path / "flat.csv"
    p.write_text("# Data from Someone, CC-BY-4.0\nid,lat\nA,38.5\n", encoding="utf-8")
    df = wb.load_table(p, types={"lat": "lat"})
    assert df.attrs["comments"] == ["Data from Someone, CC-BY-4.0"] and df.attrs["header_row"] == 2
    assert df["lat"].tolist() == [38.5]
    p2 = tmp_path / "title.csv"
    p2.write_text("Title line\n\nname,n\nx,1\n", encoding="utf-8")
    assert wb.load_table(p2, header_row=3)["n"].tolist() == ["1"]
    with pytest.raises(TableLoadError, match="header_row \\[9\\]"):
        wb.load_table(p2, header_row=9)


def test_ragged_lines_raise_or_pad(tmp_path: Path) -> None:
    p = tmp_path / "ragged.csv"
    p.write_text("a,b,c\n1,2,3\n4,5\n6,7,8,,\n", encoding="utf-8")
    with pytest.raises(TableLoadError, match="line 3 has 2 field") as err:
        wb.load_table(p)
    assert err.value.problems == [(3, "", "2 fields", "ragged")]
    df = wb.load_table(p, ragged="pad")
    assert df["c"].isna().tolist() == [False, True, False] and len(df) == 3
    long_ = tmp_path / "long.csv"
    long_.write_text("a,b\n1,2,surplus\n", encoding="utf-8")
    with pytest.raises(TableLoadError, match=r"extra ones not empty.*header probably lacks a column"):
        wb.load_table(long_, ragged="pad")


def test_semicolons_tsv_duplicates_and_unnamed_columns(tmp_path: Path) -> None:
    p = tmp_path / "semi.csv"
    p.write_text("x;x;\n1;2;3\n4;5;\n", encoding="utf-8")
    df = wb.load_table(p)
    assert list(df.columns) == ["x", "x (2)", "column_3"]
    assert any("duplicate column names" in w for w in df.attrs["warnings"])
    t = tmp_path / "t.tsv"
    t.write_text("a\tb\n1\t2\n", encoding="utf-8")
    assert list(wb.load_table(t).columns) == ["a", "b"]


def test_bad_arguments_are_named(tmp_path: Path) -> None:
    p = tmp_path / "t.csv"
    p.write_text("Apogee,Date\n1,2\n", encoding="utf-8")
    with pytest.raises(TableLoadError, match=r"'Apgee' is not a column \(did you mean \['Apogee'\]"):
        wb.load_table(p, types={"Apgee": "km"})
    with pytest.raises(TableLoadError, match="unknown column type"):
        wb.load_table(p, types={"Apogee": "kilometres"})
    with pytest.raises(TableLoadError, match="errors='coerce'"):
        wb.load_table(p, errors="coerce")
    with pytest.raises(TableLoadError, match="cannot tell the table format"):
        wb.load_table(tmp_path / "t.dat")
    with pytest.raises(TableLoadError, match="does not exist"):
        wb.load_table(tmp_path / "missing.csv")
    assert issubclass(TableLoadError, WorkbookError)


def test_binary_bytes_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "bin.csv"
    p.write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(TableLoadError, match="binary"):
        wb.load_table(p)


# --- XLSX ----------------------------------------------------------------------------------------------


def _workbook(path: Path, build: object) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    build(book)  # type: ignore[operator]
    book.save(path)
    return path


def test_xlsx_sheets_must_be_chosen_and_header_row_is_the_sheet_row(tmp_path: Path) -> None:
    def build(book: object) -> None:
        ws = book.active  # type: ignore[attr-defined]
        ws.title = "Tests"
        ws.append(["F1", "Date", "Apogee"])
        ws.append([1, date(1984, 4, 9), "200 km"])
        fac = book.create_sheet("Facilities")  # type: ignore[attr-defined]
        fac.append([None, None])
        fac.append(["Facility", "Latitude"])
        fac.append(["Sohae", 39.6596])
        fac.append(["Nowhere", "Unknown"])

    p = _workbook(tmp_path / "db.xlsx", build)
    with pytest.raises(TableLoadError, match="several sheets with data: 'Tests' \\(2×3\\), 'Facilities'"):
        wb.load_table(p)
    with pytest.raises(TableLoadError, match="no sheet 'Facility'"):
        wb.load_table(p, sheet="Facility")
    fac = wb.load_table(p, sheet="facilities", header_row=2, types={"Latitude": "lat"})
    assert fac["Facility"].tolist() == ["Sohae", "Nowhere"] and fac["Latitude"].tolist()[0] == 39.6596
    assert fac.attrs["sheet"] == "Facilities" and fac.attrs["header_row"] == 2
    auto = wb.load_table(p, sheet="Facilities")  # the first non-empty row is the header
    assert list(auto.columns) == ["Facility", "Latitude"]
    tests = wb.load_table(p, sheet=0, types={"Apogee": "km"})
    assert tests["F1"].dtype == "Int64" and tests["Date"].dtype == "datetime64[s]" and tests["Apogee"][0] == 200.0


def test_xlsx_merged_header_and_data_cells_are_filled_and_reported(tmp_path: Path) -> None:
    def build(book: object) -> None:
        ws = book.active  # type: ignore[attr-defined]
        ws.append(["Site", "Coordinates", None, "Note"])
        ws.append(["Name", "lat", "lon", None])
        ws.append(["Sohae", 39.66, 124.71, "same"])
        ws.append(["Tonghae", 40.85, 129.67, None])
        ws.merge_cells("B1:C1")
        ws.merge_cells("D3:D4")

    p = _workbook(tmp_path / "merged.xlsx", build)
    one = wb.load_table(p)
    assert list(one.columns) == ["Site", "Coordinates", "Coordinates (2)", "Note"]
    assert any("header cells B1:C1 are merged" in w for w in one.attrs["warnings"])
    two = wb.load_table(p, header_row=(1, 2), types={"Coordinates / lat": "lat", "Coordinates / lon": "lon"})
    assert list(two.columns) == ["Site / Name", "Coordinates / lat", "Coordinates / lon", "Note"]
    assert two["Note"].tolist() == ["same", "same"]
    assert any("merged cells D3:D4" in w for w in two.attrs["warnings"])


def test_xlsx_excel_table_gives_the_header_and_unsaved_formulas_are_reported(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.worksheet.table import Table

    def build(book: object) -> None:
        ws = book.active  # type: ignore[attr-defined]
        ws.append(["A title above the table"])
        ws.append(["n", "double"])
        ws.append([1, "=A3*2"])
        ws.append([2, "=A4*2"])
        ws.add_table(Table(displayName="T1", ref="A2:B4"))

    p = _workbook(tmp_path / "formulas.xlsx", build)
    assert openpyxl is not None
    df = wb.load_table(p)
    assert list(df.columns) == ["n", "double"] and df["n"].tolist() == [1, 2]
    assert df["double"].isna().all()
    assert any("2 formula cell(s) have no saved result" in w and "B3" in w for w in df.attrs["warnings"])


def test_a_stray_far_cell_is_refused_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import workbook.tables.readers as readers

    def build(book: object) -> None:
        ws = book.active  # type: ignore[attr-defined]
        ws.append(["a", "b"])
        ws["Z500"] = "stray"

    p = _workbook(tmp_path / "far.xlsx", build)
    monkeypatch.setattr(readers, "MAX_XLSX_CELLS", 1000)
    with pytest.raises(TableLoadError, match=r"500 rows × 26 columns"):
        wb.load_table(p)


def test_not_a_workbook_is_a_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "old.xlsx"
    p.write_bytes(b"\xd0\xcf\x11\xe0 an old xls")
    with pytest.raises(TableLoadError, match=r"not an \.xlsx workbook"):
        wb.load_table(p)


# --- JSON and Parquet ----------------------------------------------------------------------------------


def test_json_record_paths_nested_fields_and_keyed_objects(tmp_path: Path) -> None:
    p = tmp_path / "tests.json"
    bins = [
        {"data": [{"date": "2024-10-30", "geo": {"lat": "39.1"}}]},
        {"data": [{"date": "unknown", "geo": {"lat": "40"}}]},
    ]
    p.write_text(json.dumps({"timeBins": bins}), encoding="utf-8")
    df = wb.load_table(p, record_path="timeBins/*/data", types={"date": "date", "geo.lat": "lat"})
    assert df["geo.lat"].tolist() == [39.1, 40.0] and df["date"].isna().tolist() == [False, True]
    f = tmp_path / "facility.json"
    f.write_text(json.dumps({"facilities": {"sohae": {"name": "Sohae", "lat": 39.66}}}), encoding="utf-8")
    fac = wb.load_table(f, record_path="facilities")
    assert fac["key"].tolist() == ["sohae"] and fac["lat"].tolist() == [39.66]
    with pytest.raises(TableLoadError, match="no 'bins' under the top"):
        wb.load_table(p, record_path="bins")
    bad = tmp_path / "lists.json"
    bad.write_text("[[1, 2], [3, 4]]", encoding="utf-8")
    with pytest.raises(TableLoadError, match="not JSON objects"):
        wb.load_table(bad)
    with pytest.raises(TableLoadError, match="header_row applies to CSV and XLSX"):
        wb.load_table(f, header_row=2)


def test_jsonl_and_parquet_take_types_too(tmp_path: Path) -> None:
    p = tmp_path / "rows.jsonl"
    p.write_text('{"km": "10 km"}\n\n{"km": "x"}\n', encoding="utf-8")
    df = wb.load_table(p, types={"km": "km"}, errors="null")
    assert df["km"].tolist()[0] == 10.0 and df.attrs["coerced"][0]["row"] == 2
    q = tmp_path / "t.parquet"
    pd.DataFrame({"d": ["9-Apr-84", "2024-10-31"], "n": [1, 2]}).to_parquet(q)
    out = wb.load_table(q, types={"d": "date"})
    assert [x.date() for x in out["d"]] == [date(1984, 4, 9), date(2024, 10, 31)] and out["n"].tolist() == [1, 2]
