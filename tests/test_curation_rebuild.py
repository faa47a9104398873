"""The analyst's work survives rebuilds of the seed corpus: merges and statuses stay, changed sources
orphan (and say why), watchlist entities appear."""

from __future__ import annotations

import hashlib
import shutil
import warnings
from pathlib import Path

import pytest

import workbook as wb
from tests.conftest import SEEDS
from workbook import curation as cur
from workbook.build import build
from workbook.charts import claims_by_confidence
from workbook.cli import main
from workbook.errors import OrphanedAnnotationWarning
from workbook.extract.pipeline import DefaultExtractor
from workbook.workspace import read_manifest

pytestmark = pytest.mark.unit

WATCHLIST = """name,type,aliases,lat,lon,uncertainty_km,admin_area,note
KCNA,organization,North Korean state news media|Korean Central News Agency,,,,,state media
Monterey,place,,36.6002,-121.8947,2,California,surveyed by the analyst
The Straits Times,organization,Straits Times,,,,,
"""


@pytest.fixture(scope="module")
def built_seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seedbuild")
    shutil.copytree(SEEDS, root / "seeds")
    build([root / "seeds"], root / "seeds.workbook", progress=False)
    return root


@pytest.fixture
def seed(built_seed: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built seed corpus and its workspace: returns the corpus folder."""
    shutil.copytree(built_seed / "seeds", tmp_path / "seeds")
    shutil.copytree(built_seed / "seeds.workbook", tmp_path / "seeds.workbook")
    return tmp_path / "seeds"


def test_quickstart_merge_and_status_survive_a_rebuild(seed: Path) -> None:
    # the lines given for the quickstart notebook
    book = wb.open(seed)
    cur.merge(book, ["Washington"], into="United States")
    lewis = cur.find_entity(book, "Jeffrey Lewis")
    first = book.claims.query("speaker_id == @lewis").sort_values("start").claim_id.iloc[0]
    cur.set_status(book, first, "corroborated")
    build_before = read_manifest(book.workspace)["build_id"]
    book = wb.open(seed, force=True)  # rebuild: every document extracted again, a new snapshot
    corroborated = wb.apply(book, wb.FilterSpec(claim_statuses=("corroborated",)))
    fig = claims_by_confidence(corroborated)

    assert read_manifest(book.workspace)["build_id"] != build_before
    assert "Washington" not in set(book.entities["name"])
    us = book.entities.set_index("name").loc["United States"]
    assert "Washington" in us["aliases"] and us["n_mentions"] == 8
    assert list(corroborated.claims["claim_id"]) == [first]
    assert corroborated.claims["speaker_id"].iloc[0] == lewis
    assert sum(sum(t.x) if t.orientation == "h" else sum(t.y) for t in fig.data) == 1
    assert cur.orphaned_annotations(book).empty
    assert cur.curation_report(book)["outcome"].tolist() == ["applied"]


def test_every_annotation_and_decision_is_kept_by_a_rebuild(seed: Path) -> None:
    book = wb.open(seed)
    claims = list(book.claims["claim_id"])
    for i, c in enumerate(claims):
        cur.tag(book, "claim", c, f"t{i}")
    cur.star(book, "event", str(book.events["event_id"].iloc[0]))
    cur.note(book, "document", str(book.documents["doc_id"].iloc[0]), "print edition")
    cur.rename(book, "Straits Times", "The Straits Times")
    cur.split(book, "Kim Jong Un", "Kim (unresolved)", surfaces=["Kim"])
    before = book.annotations if not book.annotations.empty else wb.open(seed).annotations
    after = wb.open(seed, force=True)
    assert len(after.annotations) == len(before) == len(claims) + 2
    assert set(after.annotations["target_id"]) <= (
        set(after.claims["claim_id"]) | set(after.events["event_id"]) | set(after.documents["doc_id"])
    )
    assert "The Straits Times" in set(after.entities["name"]) and "Kim (unresolved)" in set(after.entities["name"])
    assert cur.orphaned_annotations(after).empty


def test_a_changed_source_orphans_its_annotations_and_says_why(seed: Path) -> None:
    book = wb.open(seed)
    lewis = cur.find_entity(book, "Jeffrey Lewis")
    first = str(book.claims.query("speaker_id == @lewis").sort_values("start").claim_id.iloc[0])
    doc = str(book.documents["doc_id"].iloc[0])
    cur.set_status(book, first, "corroborated")
    cur.note(book, "document", doc, "print edition")
    cur.tag(book, "entity", lewis, "expert")
    cur.merge(book, ["Washington"], into="United States")
    text = next(seed.glob("*.txt"))
    text.write_text(text.read_text(encoding="utf-8").replace("SEOUL •", "SEOUL (Reuters) •"), encoding="utf-8")
    with pytest.warns(OrphanedAnnotationWarning, match="2 annotation"):
        after = wb.open(seed)
    assert len(after.annotations) == 3, "orphans are kept, never dropped"
    orphans = cur.orphaned_annotations(after).set_index("kind")
    assert set(orphans.index) == {"status", "note"}
    new_doc = str(after.documents["doc_id"].iloc[0])
    assert new_doc != doc
    status = orphans.loc["status"]
    assert text.name in status["reason"] and new_doc in status["reason"]
    assert status["doc_id"] == doc and status["source"] == text.name
    same_claim = after.claims.loc[after.claims["text"] == book.claims.set_index("claim_id").loc[first, "text"]]
    assert status["candidate_id"] == same_claim["claim_id"].iloc[0]
    note = orphans.loc["note"]
    assert "changed" in note["reason"] and note["candidate_id"] == new_doc
    assert "Washington" not in set(after.entities["name"]), "merges are keyed by entity, not by document"
    assert cur.annotation_summary(after, "entity", [lewis])["tags"].iloc[0] == ["expert"]


def test_watchlist_entities_appear_after_a_rebuild(seed: Path, tmp_path: Path) -> None:
    watch = tmp_path / "watchlist.csv"
    watch.write_text(WATCHLIST, encoding="utf-8")
    ws = seed.parent / "seeds.workbook"
    before = wb.open(ws)
    assert "KCNA" not in set(before.entities["name"])
    report = build([seed], ws, extractor=DefaultExtractor.from_options(watchlists=[watch]), progress=False)
    assert report.n_extracted == 1, "a new watchlist changes the extractor settings: documents are extracted again"
    book = wb.open(ws)
    ents = book.entities.set_index("name")
    assert ents.loc["KCNA", "origin"] == "watchlist" and ents.loc["KCNA", "type"] == "organization"
    kcna = book.mentions.loc[book.mentions["entity_id"] == ents.loc["KCNA", "entity_id"], "surface"]
    assert list(kcna) == ["North Korean state news media"]
    assert ents.loc["The Straits Times", "origin"] == "watchlist" and "Straits Times" not in ents.index
    monterey = book.places.set_index("entity_id").loc[ents.loc["Monterey", "entity_id"]]
    assert (monterey["coord_source"], monterey["uncertainty_km"]) == ("analyst", 2.0)
    settings = read_manifest(ws)["extractor"]["settings"]
    digest = hashlib.sha256(watch.read_bytes()).hexdigest()
    assert settings["watchlists"] == [{"path": "watchlist.csv", "sha256": digest}]
    watch.write_text(WATCHLIST.replace("|Korean Central News Agency", ""), encoding="utf-8")
    again = build([seed], ws, extractor=DefaultExtractor.from_options(watchlists=[watch]), progress=False)
    assert again.n_extracted == 1, "a changed watchlist re-extracts"


def test_workbook_build_takes_watchlist_files(seed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    watch = tmp_path / "watchlist.yaml"
    watch.write_text(
        "entities:\n  - {name: KCNA, type: organization, aliases: [North Korean state news media]}\n", encoding="utf-8"
    )
    out = tmp_path / "cli.workbook"
    assert main(["build", str(seed), "--out", str(out), "--watchlist", str(watch), "-q"]) == 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        book = wb.open(out)
    assert "KCNA" in set(book.entities["name"])
    assert main(["curation", str(out)]) == 0
    assert "orphaned annotations: 0" in capsys.readouterr().out
