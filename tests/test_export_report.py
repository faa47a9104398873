"""Report bundles without a browser: the files, the manifest (validated), citations, reopening (same tables;
named errors when the workspace changed), no overwriting, the zip, escaping of a hostile document, and the
``workbook export`` command. Chart images need Chromium and are tested in test_export_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.conftest import make_tiny_book, present_labels
from tests.test_export_helpers import HOSTILE_TITLE, hostile_book, write_workspace
from workbook.book import Book
from workbook.cli import main
from workbook.errors import (
    ChromiumNotFoundError,
    ExportDependencyError,
    ExportError,
    ExportExistsError,
    ReportManifestError,
    ReportMismatchError,
    ReportSourceChangedError,
)
from workbook.export import ChartSpec, TableSpec, citation_table, export_report, open_report
from workbook.export.base import file_sha256
from workbook.export.manifest import MANIFEST_SCHEMA, schema_errors, validate_manifest
from workbook.export.tables import plain_frame
from workbook.filtering import FilterSpec, apply
from workbook.model import conform

pytestmark = pytest.mark.unit

NO_IMAGES = ("html", "md", "csv", "xlsx", "parquet")


def _formats() -> tuple[str, ...]:
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        return ("html", "md", "csv", "parquet")
    return NO_IMAGES


@dataclass
class _Change:
    action: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "time": datetime(2024, 1, 1, tzinfo=UTC).isoformat(),
            "action": self.action,
            "changes": {"confidence_bands": [[], ["likely"]]},
            "spec": FilterSpec().to_json(),
        }


class _Log(list[_Change]):
    """Like explorer.log: a list whose to_dict() gives every entry's dict."""

    def to_dict(self) -> list[dict[str, Any]]:
        return [c.to_dict() for c in self]


@pytest.fixture
def workspace_book(tmp_path: Path) -> Book:
    return write_workspace(make_tiny_book(), tmp_path / "tiny.workbook")


def _export(book: Book, tmp_path: Path, spec: FilterSpec | None = None, **kw: Any) -> Any:
    options: dict[str, Any] = {
        "charts": ["timeline", "claims_by_confidence", "place_map"],
        "tables": ["claims", "events"],
        "title": "Tiny report",
        "out": tmp_path / "exports",
        "formats": _formats(),
        **kw,
    }
    return export_report(book, spec, **options)


def test_bundle_holds_every_part(workspace_book: Book, tmp_path: Path) -> None:
    spec = FilterSpec(confidence_bands=("likely",))
    result = _export(workspace_book, tmp_path, spec, log=_Log([_Change("control:confidence_bands")]))
    folder = result.path
    assert folder == tmp_path / "exports" / "Tiny-report"
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    expected = [
        "citations.csv",
        "manifest.json",
        "report.html",
        "report.md",
        "tables/01-claims.csv",
        "tables/01-claims.parquet",
        "tables/02-events.csv",
        "tables/02-events.parquet",
    ]
    if "xlsx" in _formats():
        expected.append("tables/tables.xlsx")
    assert names == sorted(expected)
    assert [p.name for p in (tmp_path / "exports").iterdir()] == ["Tiny-report"]  # no temp left behind
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == result.manifest
    validate_manifest(manifest)
    assert FilterSpec.from_dict(manifest["filter"]["spec"]) == spec
    assert manifest["filter"]["description"] == "confidence: likely"
    assert manifest["filter_log"][0]["action"] == "control:confidence_bands"
    view = apply(workspace_book, spec)
    assert [d["doc_id"] for d in manifest["documents"]] == view.documents["doc_id"].tolist()
    assert [d["sha256"] for d in manifest["documents"]] == view.documents["sha256"].tolist()
    assert manifest["workspace"]["path"] == "../../tiny.workbook" and manifest["workspace"]["name"] == "tiny.workbook"
    for name, info in manifest["files"].items():
        assert file_sha256(folder / name) == info["sha256"], name
    assert manifest["packages"]["workbook"] and manifest["packages"]["pandas"] == pd.__version__
    assert manifest["citations"] == {"n_claims": 2, "n_events": 1, "file": "citations.csv"}
    md = (folder / "report.md").read_text(encoding="utf-8")
    assert "Interactive chart: [report.html, figure 1](report.html#chart-1)" in md  # no images asked for
    assert "**Filter:** confidence: likely" in md and "## Citations" in md


def test_manifest_is_valid_json_schema(workspace_book: Book, tmp_path: Path) -> None:
    manifest = _export(workspace_book, tmp_path).manifest
    assert schema_errors(manifest) == []
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema not installed: the built-in check ran")
    jsonschema.Draft202012Validator.check_schema(MANIFEST_SCHEMA)
    jsonschema.Draft202012Validator(MANIFEST_SCHEMA).validate(manifest)
    broken = {**manifest, "documents": [{**manifest["documents"][0], "sha256": "nope"}], "extra": 1}
    errors = schema_errors(broken)
    assert any(e.startswith("$.documents[0].sha256") for e in errors) and "$.extra: unexpected key" in errors
    assert not jsonschema.Draft202012Validator(MANIFEST_SCHEMA).is_valid(broken)
    with pytest.raises(ReportManifestError, match="not a valid report manifest"):
        validate_manifest(broken)
    with pytest.raises(ReportManifestError, match="version 99"):
        validate_manifest({**manifest, "manifest_version": 99})


def test_citations_quote_the_documents(tiny_book: Book) -> None:
    cites = citation_table(tiny_book)
    assert cites["ref"].tolist() == ["C1", "C2", "C3", "E1", "E2"]
    docs = tiny_book.documents.set_index("doc_id")
    for row in cites.itertuples():
        assert docs.loc[row.doc_id, "text"][row.start : row.end] == row.quote and row.verified
        assert row.title == docs.loc[row.doc_id, "title"]
    first = cites.iloc[0]
    assert (first["publisher"], first["published"], first["speaker"]) == ("KCNA", "2024-01-10", "Jeffrey Lewis")
    assert citation_table(tiny_book, ["events"])["kind"].unique().tolist() == ["event"]


def test_open_report_reproduces_the_tables(workspace_book: Book, tmp_path: Path) -> None:
    spec = FilterSpec(
        entity_ids=(workspace_book.entities.loc[workspace_book.entities["name"] == "Kim Jong Un", "entity_id"].iloc[0],)
    )
    result = _export(workspace_book, tmp_path, spec, zip=True)
    opened = open_report(result.path)
    assert opened.spec == spec and list(opened.tables) == ["01-claims", "02-events"]
    view = apply(workspace_book, spec)
    claims = present_labels(opened.tables["01-claims"])  # labels columns: the categories of the rows present
    pd.testing.assert_frame_equal(claims, present_labels(view.claims.reset_index(drop=True)))
    parquet = conform("claims", pq.read_table(result.path / "tables/01-claims.parquet").to_pandas())
    pd.testing.assert_frame_equal(claims, present_labels(parquet))
    csv = pd.read_csv(result.path / "tables/02-events.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(csv, plain_frame(opened.tables["02-events"]).astype(object), check_dtype=False)
    by_manifest = open_report(result.path / "manifest.json")
    pd.testing.assert_frame_equal(by_manifest.tables["02-events"], opened.tables["02-events"])
    by_zip = open_report(result.zip_path, workspace=workspace_book.workspace)
    pd.testing.assert_frame_equal(by_zip.tables["01-claims"], opened.tables["01-claims"])
    by_book = open_report(result.path, book=make_tiny_book())
    assert by_book.view.counts() == view.counts()


def test_open_report_names_changed_sources(workspace_book: Book, tmp_path: Path) -> None:
    result = _export(workspace_book, tmp_path)
    docs = workspace_book.documents
    changed = docs.assign(sha256=docs["sha256"].where(docs.index != 0, "0" * 64))
    with pytest.raises(ReportSourceChangedError, match=r"different text \(sha256\).*Kim Jong Un inspects"):
        open_report(result.path, book=workspace_book.with_tables(documents=changed))
    write_workspace(
        make_tiny_book().with_tables(documents=docs.iloc[1:]),
        Path(str(workspace_book.workspace)),
        build_id="20240102T000000-test",
    )
    with pytest.raises(ReportSourceChangedError, match="not in the workspace"):
        open_report(result.path)
    with pytest.raises(ReportSourceChangedError, match="cannot be opened"):
        open_report(result.path, workspace=tmp_path / "nowhere")


def test_open_report_notices_added_documents(workspace_book: Book, tmp_path: Path) -> None:
    result = _export(workspace_book, tmp_path)
    write_workspace(hostile_book(), Path(str(workspace_book.workspace)), build_id="20240103T000000-test")
    with pytest.raises(ReportMismatchError, match=r"had 3 rows, re-applying the filter gives 5.*added or removed"):
        open_report(result.path)


def test_open_report_refuses_what_is_not_a_report(tmp_path: Path) -> None:
    with pytest.raises(ReportManifestError, match="No report"):
        open_report(tmp_path / "missing")
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ReportManifestError, match="not JSON"):
        open_report(tmp_path)


def test_exports_never_overwrite(workspace_book: Book, tmp_path: Path) -> None:
    first = _export(workspace_book, tmp_path, zip=True)
    before = (first.path / "manifest.json").read_bytes()
    second = _export(workspace_book, tmp_path, zip=True)
    assert second.path == tmp_path / "exports" / "Tiny-report-2"
    assert second.zip_path == tmp_path / "exports" / "Tiny-report-2.zip"
    assert (first.path / "manifest.json").read_bytes() == before
    with pytest.raises(ExportExistsError, match="never overwrite"):
        _export(workspace_book, tmp_path, if_exists="error")
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == [
        "Tiny-report",
        "Tiny-report-2",
        "Tiny-report-2.zip",
        "Tiny-report.zip",
    ]


def test_zip_holds_the_bundle_under_one_safe_folder(workspace_book: Book, tmp_path: Path) -> None:
    result = _export(workspace_book, tmp_path, zip=True, title="../../Évasion <b>zip</b>")
    assert result.path.parent == tmp_path / "exports" and result.path.name == "Évasion-b-zip-b"
    with zipfile.ZipFile(result.zip_path) as zf:
        members = zf.namelist()
        assert all(m.startswith("Évasion-b-zip-b/") and ".." not in m and not m.startswith("/") for m in members)
        assert json.loads(zf.read("Évasion-b-zip-b/manifest.json")) == result.manifest
        assert sorted(m.split("/", 1)[1] for m in members) == sorted([*result.manifest["files"], "manifest.json"])


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")
        self.hrefs += [v or "" for k, v in attrs if k == "href"]

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def test_hostile_document_is_shown_as_text(tmp_path: Path) -> None:
    book = hostile_book()
    result = export_report(
        book,
        FilterSpec(text="<script>"),
        charts=["timeline", "claims_by_confidence"],
        tables=["claims", "events", "documents"],
        title=HOSTILE_TITLE,
        out=tmp_path / "exports",
        formats=("html", "md", "csv"),
    )
    assert result.path.parent == tmp_path / "exports"
    page = (result.path / "report.html").read_text(encoding="utf-8")
    parsed = _Page()
    parsed.feed(page)
    assert parsed.tags.count("script") == 4 and "img" not in parsed.tags  # plotly.js, 1 per chart, citation opener
    assert not any(h.strip().lower().startswith("javascript") for h in parsed.hrefs)
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    for script in parsed.scripts:  # every script is one the page vouches for by hash, and holds no markup
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"sha256-{digest}" in csp.group(1)
        assert "<script" not in script and "</script" not in script
    assert "connect-src 'none'" in csp.group(1) and "default-src 'none'" in csp.group(1)
    assert "&lt;script&gt;window.__pwned = &quot;text&quot;&lt;/script&gt;" in page
    assert "<title>&lt;script&gt;" in page
    md = (result.path / "report.md").read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md and "<b>" not in md and "<i>" not in md
    assert re.search(r"(?<!\\)\]\(javascript", md) is None


def test_missing_chromium_or_kaleido_is_a_named_error(
    workspace_book: Book, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("kaleido", reason="kaleido is not installed: the kaleido error is tested below")
    monkeypatch.setenv("WORKBOOK_CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(ChromiumNotFoundError, match="apt-get install chromium"):
        _export(workspace_book, tmp_path, formats=("html", "png"))
    assert not (tmp_path / "exports").exists() or not any((tmp_path / "exports").iterdir())


def test_missing_kaleido_is_a_named_error(
    workspace_book: Book, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "kaleido", None)
    with pytest.raises(ExportDependencyError, match="pip install kaleido"):
        _export(workspace_book, tmp_path, formats=("md", "svg"))


def test_bad_requests_are_named_errors(workspace_book: Book, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Unknown chart 'pie'"):
        _export(workspace_book, tmp_path, charts=["pie"])
    with pytest.raises(ExportError, match="no column"):
        _export(workspace_book, tmp_path, tables=[TableSpec("claims", ("claim_id", "colour"))])
    with pytest.raises(ExportError, match="Unknown report format"):
        _export(workspace_book, tmp_path, formats=("html", "docx"))
    with pytest.raises(ExportError, match="log must be"):
        _export(workspace_book, tmp_path, log="oops")
    result = _export(
        workspace_book,
        tmp_path,
        charts=[ChartSpec("timeline", {"color_by": "kind"}, "By kind")],
        tables=[TableSpec("claims", ("claim_id", "text"), "Two columns")],
    )
    # the options over the chart catalogue's defaults (those the explorer draws with)
    assert result.manifest["charts"][0]["options"] == {"color_by": "kind", "max_marks": 1500, "max_bars": 400}
    assert result.manifest["tables"][0]["columns"] == ["claim_id", "text"]
    assert open_report(result.path).tables["01-claims"].columns.tolist() == ["claim_id", "text"]


def test_cli_export_writes_a_bundle(workspace_book: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(FilterSpec(confidence_bands=("likely",)).to_json(), encoding="utf-8")
    log_file = tmp_path / "log.json"
    log_file.write_text(json.dumps(_Log([_Change("set")]).to_dict()), encoding="utf-8")
    code = main(
        [
            "export",
            str(spec_file),
            "--workspace",
            str(workspace_book.workspace),
            "--format",
            "html,md,csv",
            "--out",
            str(tmp_path / "exports"),
            "--title",
            "CLI report",
            "--table",
            "claims",
            "--chart",
            "claims_by_confidence",
            "--log",
            str(log_file),
            "--zip",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and "report: " in out and "tables/01-claims.csv" in out
    folder = tmp_path / "exports" / "CLI-report"
    assert (folder / "report.html").is_file() and (tmp_path / "exports" / "CLI-report.zip").is_file()
    opened = open_report(folder)
    assert opened.manifest["filter_log"][0]["action"] == "set" and len(opened.tables["01-claims"]) == 2
    assert [c["name"] for c in opened.manifest["charts"]] == ["claims"]  # the builder's name is an alias
    code = main(["export", str(spec_file), "--workspace", str(tmp_path / "nowhere"), "--out", str(tmp_path)])
    assert code == 1 and "workbook: error:" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text('{"colour": 1}', encoding="utf-8")
    code = main(["export", str(tmp_path / "bad.json"), "--workspace", str(workspace_book.workspace)])
    assert code == 1 and "no field" in capsys.readouterr().err


def test_an_empty_view_still_makes_a_report(workspace_book: Book, tmp_path: Path) -> None:
    spec = FilterSpec(text="no document says this")
    result = _export(workspace_book, tmp_path, spec)
    assert result.manifest["documents"] == [] and result.manifest["tables"][0]["n_rows"] == 0
    assert result.manifest["citations"] == {"n_claims": 0, "n_events": 0, "file": "citations.csv"}
    page = (result.path / "report.html").read_text(encoding="utf-8")
    assert "Nothing to cite." in page and "No events in view." in page
    opened = open_report(result.path)
    assert len(opened.tables["01-claims"]) == 0 and opened.spec == spec


def test_pages_list_at_most_max_rows(workspace_book: Book, tmp_path: Path) -> None:
    result = _export(workspace_book, tmp_path, max_rows=1, max_citations=2)
    page = (result.path / "report.html").read_text(encoding="utf-8")
    assert "1 of 3 rows shown." in page and "2 of 5 citations listed here; citations.csv holds them all." in page
    assert len(pd.read_csv(result.path / "citations.csv")) == 5
    assert len(pd.read_csv(result.path / "tables/01-claims.csv")) == 3


def test_chart_names_and_their_aliases(workspace_book: Book, tmp_path: Path) -> None:
    from workbook.charts.catalog import ALIASES, CATALOG, chart_name

    result = _export(
        workspace_book, tmp_path, charts=["claims_by_confidence", "place_map", ChartSpec("top_entities")], tables=[]
    )
    assert [c["name"] for c in result.manifest["charts"]] == ["claims", "map", "entities"]
    assert result.manifest["charts"][2]["options"] == dict(CATALOG["entities"].defaults)
    assert {chart_name(a) for a in ALIASES} == set(CATALOG) - {"timeline"}  # timeline's builder has its name
