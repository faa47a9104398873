"""Hostile structured tables through ``wb.load_table`` (workbook/tables/): ragged CSV rows, merged XLSX header
cells, NUL bytes, an oversized field, and .xlsx zip bombs (declared and lying sizes)."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from tests.hostile.hostile_data import SCRIPT, patch_zip_member, raw_deflate_of

pytestmark = pytest.mark.unit

tables = pytest.importorskip("workbook.tables", reason="the structured-table loader (workbook/tables/) is not here")
openpyxl = pytest.importorskip("openpyxl")
TableLoadError = pytest.importorskip("workbook.errors").TableLoadError

RAGGED = "name,lat,lon\nSinpho,40.03,128.18\nPyongyang,39.03\nWonsan,39.15,127.44,extra\n"


def test_ragged_csv_rows_are_a_named_error_naming_the_lines(tmp_path: Path) -> None:
    (tmp_path / "ragged.csv").write_text(RAGGED, encoding="utf-8")
    with pytest.raises(TableLoadError) as info:
        tables.load_table(tmp_path / "ragged.csv")
    message = str(info.value)
    assert "line 3 has 2 field(s)" in message and "line 4 has 4 fields" in message and "ragged='pad'" in message


def test_short_ragged_rows_pad_when_asked_and_surplus_text_still_raises(tmp_path: Path) -> None:
    (tmp_path / "short.csv").write_text(RAGGED.rsplit("Wonsan", 1)[0], encoding="utf-8")
    df = tables.load_table(tmp_path / "short.csv", ragged="pad")
    assert df.to_dict("records") == [
        {"name": "Sinpho", "lat": "40.03", "lon": "128.18"},
        {"name": "Pyongyang", "lat": "39.03", "lon": None},
    ]
    (tmp_path / "ragged.csv").write_text(RAGGED, encoding="utf-8")
    with pytest.raises(TableLoadError, match="header probably lacks a column"):
        tables.load_table(tmp_path / "ragged.csv", ragged="pad")


def test_merged_xlsx_header_cells_name_every_column_and_say_so(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Site", "Coordinates", None, "Notes"])
    ws.merge_cells("B1:C1")
    ws.append(["Sinpho", 40.03, 128.18, SCRIPT])
    ws.append(["Wonsan", 39.15, 127.44, "plain"])
    book.save(tmp_path / "merged.xlsx")
    df = tables.load_table(tmp_path / "merged.xlsx")
    assert list(df.columns) == ["Site", "Coordinates", "Coordinates (2)", "Notes"]
    assert df["Notes"].iloc[0] == SCRIPT  # data stays data
    assert any("B1:C1 are merged" in w for w in df.attrs["warnings"])


def test_nul_bytes_and_an_oversized_field_in_a_csv_are_named_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csv

    from workbook.tables import readers

    (tmp_path / "nul.csv").write_bytes(b"a,b\n1,\x002\n")
    with pytest.raises(TableLoadError, match="NUL bytes"):
        tables.load_table(tmp_path / "nul.csv")
    # A whole article in one cell loads intact, whatever limit another library set process-wide ...
    (tmp_path / "big.csv").write_text("a,b\n1," + "x" * 200_000 + "\n", encoding="utf-8")
    before = csv.field_size_limit()
    assert len(tables.load_table(tmp_path / "big.csv")["b"].iloc[0]) == 200_000
    assert csv.field_size_limit() == before  # ... and the process-wide limit is left as it was
    # A field beyond the workbook's own limit is a named error, not a crash or a silent cut.
    monkeypatch.setattr(readers, "MAX_CSV_FIELD", 100_000)
    with pytest.raises(TableLoadError, match="field larger than field limit"):
        tables.load_table(tmp_path / "big.csv")


def _xlsx_with_sheet_stream(stream: bytes, crc: int, declared: int) -> bytes:
    buf = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.append(["a"])
    book.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for info in src.infolist():
            sheet = info.filename == "xl/worksheets/sheet1.xml"
            zf.writestr(info.filename, stream if sheet else src.read(info.filename))
    return patch_zip_member(out.getvalue(), "xl/worksheets/sheet1.xml", method=8, file_size=declared, crc=crc)


@pytest.mark.parametrize(
    ("mib", "declared", "needle"),
    [(1024, 1 << 30, "unpacks to 1,073"), (64, 4096, "CRC")],
    ids=["declared-1-GiB", "lying-64-MiB"],
)
def test_xlsx_zip_bombs_are_refused_in_bounded_memory(tmp_path: Path, mib: int, declared: int, needle: str) -> None:
    stream, crc = raw_deflate_of(b" " * (1 << 20), mib)
    (tmp_path / "bomb.xlsx").write_bytes(_xlsx_with_sheet_stream(stream, crc, declared))
    tracemalloc.start()
    try:
        with pytest.raises(TableLoadError, match=needle):
            tables.load_table(tmp_path / "bomb.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * 2**20
