"""Safe names and safe publishing: titles become names that stay inside the export folder, zip members are
checked, and nothing is ever overwritten (a new name or a clear error), atomically."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.errors import ExportError, ExportExistsError
from workbook.export.base import publish_dir, publish_file, temp_dir, temp_file
from workbook.export.names import MAX_NAME_BYTES, MAX_NAME_CHARS, candidate_names, safe_filename, safe_member_name
from workbook.export.tables import CsvExporter

pytestmark = pytest.mark.unit

HOSTILE_TITLES = [
    "../../etc/passwd",
    "..",
    ".",
    "/",
    "\\..\\windows",
    "a/../../b",
    "CON",
    "nul.txt",
    "  ",
    "",
    "<script>alert(1)</script>",
    "x\x00y",
    "\u202eexe.txt",
    "\u200b",
    "a" * 1000,
    "é" * 500,
    "北朝鮮 ミサイル 発射",
    ".hidden",
    "~/.ssh/id_rsa",
    "report:2024?*|",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_hostile_titles_give_plain_names(title: str) -> None:
    name = safe_filename(title)
    assert name and name not in (".", "..")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith((".", "-"))  # never hidden, never an option
    assert len(name) <= MAX_NAME_CHARS and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert all(ch.isalnum() or ch in "-_." for ch in name), name


def test_readable_titles_stay_readable() -> None:
    assert safe_filename("Seed report: Sinpho, 2018") == "Seed-report-Sinpho-2018"
    assert safe_filename("北朝鮮 ミサイル") == "北朝鮮-ミサイル"
    assert safe_filename("CON") == "_CON"
    assert safe_filename("../..", default="report") == "report"
    assert safe_filename("???", default="///") == "export"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=0, max_size=300))
def test_any_title_stays_inside_the_export_folder(title: str, tmp_path: Path) -> None:
    root = (tmp_path / "exports").resolve()
    name = safe_filename(title)
    target = (root / name).resolve()
    assert target.parent == root
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    for i, candidate in enumerate(candidate_names(name + ".zip", 3)):
        assert (root / candidate).resolve().parent == root
        assert safe_member_name(f"{name}/{candidate}") == f"{name}/{candidate}", i


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=0, max_size=120))
def test_a_bundle_folder_named_from_any_title_lands_in_the_export_folder(title: str, tmp_path: Path) -> None:
    root = tmp_path / "exports"
    tmp = temp_dir(root / safe_filename(title))
    (tmp / "report.html").write_text("x", encoding="utf-8")
    final = publish_dir(tmp, root / safe_filename(title))
    assert final.parent == root and (final / "report.html").is_file()
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []  # no temp folder left behind


@pytest.mark.parametrize(
    "member", ["../x", "/etc/passwd", "a/../../b", "a\\b", "a/.hidden", "a/<x>.png", "a/x.p<g", "", "a//", "a/\x00b"]
)
def test_unsafe_zip_members_are_refused(member: str) -> None:
    with pytest.raises(ExportError):
        safe_member_name(member)


def test_publish_file_never_overwrites(tmp_path: Path) -> None:
    dest = tmp_path / "claims.csv"
    dest.write_text("original", encoding="utf-8")
    tmp = temp_file(dest)
    tmp.write_text("new", encoding="utf-8")
    written = publish_file(tmp, dest)
    assert written == tmp_path / "claims-2.csv" and written.read_text(encoding="utf-8") == "new"
    assert dest.read_text(encoding="utf-8") == "original"
    assert not tmp.exists()
    tmp = temp_file(dest)
    with pytest.raises(ExportExistsError, match="never overwrite"):
        publish_file(tmp, dest, if_exists="error")
    assert not tmp.exists() and dest.read_text(encoding="utf-8") == "original"


def test_publish_dir_never_overwrites(tmp_path: Path) -> None:
    dest = tmp_path / "Report"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "Report-2").mkdir()  # even an empty folder of that name is not taken over
    tmp = temp_dir(dest)
    (tmp / "report.html").write_text("new", encoding="utf-8")
    final = publish_dir(tmp, dest)
    assert final == tmp_path / "Report-3" and (final / "report.html").read_text(encoding="utf-8") == "new"
    assert (dest / "keep.txt").read_text(encoding="utf-8") == "mine" and not any((tmp_path / "Report-2").iterdir())
    tmp = temp_dir(dest)
    with pytest.raises(ExportExistsError):
        publish_dir(tmp, dest, if_exists="error")
    assert not tmp.exists()


def test_a_failed_export_leaves_nothing_behind(tmp_path: Path) -> None:
    exporter = CsvExporter(tmp_path / "out.csv")
    with pytest.raises(ExportError, match="Nothing was written"):
        exporter.finalize()
    assert os.listdir(tmp_path) == []


def test_bad_if_exists_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="if_exists"):
        CsvExporter(tmp_path / "x.csv", if_exists="overwrite")  # type: ignore[arg-type]
