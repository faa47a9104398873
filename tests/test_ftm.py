"""FollowTheMoney: the export validates against the followthemoney model; FtM imports as a watchlist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import workbook as wb
from tests.conftest import make_tiny_book
from tests.test_curation_annotations import tiny_workspace
from workbook import curation as cur
from workbook.cli import main
from workbook.curation.ftm import SCHEMA_OF_TYPE
from workbook.errors import FtmError
from workbook.ids import entity_id

pytestmark = pytest.mark.unit

followthemoney = pytest.importorskip("followthemoney")
from followthemoney import model  # noqa: E402


def test_the_export_validates_against_the_followthemoney_model(tmp_path: Path) -> None:
    book = tiny_workspace(tmp_path)
    cur.note(book, "entity", entity_id("person", "Kim Jong Un"), "Chairman of the State Affairs Commission")
    book = wb.open(book.workspace)
    result = cur.export_ftm(book, tmp_path / "out.ftm.jsonl")
    entities = cur.read_ftm(result.path)
    assert cur.validate_ftm(entities) == []
    for data in entities:  # and the package itself reads every entity back unchanged
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.to_dict()["properties"] == data["properties"]
        assert not proxy.schema.abstract
    assert result.counts == {
        "Article": 3,
        "Person": 3,
        "Address": 2,
        "Vehicle": 1,
        "Mention": 8,
        "Documentation": 8,
        "Note": 1,
    }
    assert sum(result.counts.values()) == len(entities)


def test_entities_get_their_schemata_and_mentions_resolve_where_ftm_allows(tmp_path: Path) -> None:
    book = make_tiny_book()
    by_id = {e["id"]: e for e in cur.ftm_entities(book)}
    kim, sinpho = f"wb-{entity_id('person', 'Kim Jong Un')}", f"wb-{entity_id('place', 'Sinpho')}"
    assert by_id[kim]["schema"] == "Person" and by_id[kim]["properties"]["name"] == ["Kim Jong Un"]
    place = by_id[sinpho]
    assert place["schema"] == "Address" and place["properties"]["latitude"] == ["40.030000"]
    assert place["properties"].get("country") in (["kp"], None)
    mentions = [e for e in by_id.values() if e["schema"] == "Mention"]
    resolved = [m for m in mentions if "resolved" in m["properties"]]
    assert {m["properties"]["detectedSchema"][0] for m in resolved} == {"Person"}
    assert all(m["properties"]["document"][0] in by_id for m in mentions)
    docs = [e for e in by_id.values() if e["schema"] == "Documentation"]
    assert {d["properties"]["entity"][0] for d in docs} >= {kim, sinpho}
    article = by_id[f"wb-{book.documents['doc_id'].iloc[0]}"]
    assert article["schema"] == "Article" and "Kim Jong Un" in article["properties"]["peopleMentioned"]
    assert article["properties"]["publishedAt"] == ["2024-01-10"]
    assert set(SCHEMA_OF_TYPE) == {"person", "organization", "place", "facility", "weapon_system", "other"}
    for schema in filter(None, SCHEMA_OF_TYPE.values()):
        assert model.get(schema) is not None and not model.get(schema).abstract


def test_validation_finds_what_is_wrong() -> None:
    problems = cur.validate_ftm(
        [
            {"id": "a", "schema": "Thing", "properties": {}},
            {"id": "b", "schema": "Person", "properties": {"name": ["B"], "birthDate": ["yesterday"]}},
            {"id": "b", "schema": "Person", "properties": {"name": ["B"], "colour": ["red"]}},
            {"id": "c", "schema": "Mention", "properties": {"name": ["C"], "document": ["nope"]}},
            {"id": "d", "schema": "Mention", "properties": {"name": ["D"], "document": ["a"]}},
            {"id": "e", "schema": "Nonsense", "properties": {}},
            {"id": "f", "schema": "Person", "properties": {}},
        ]
    )
    text = "\n".join(problems)
    for expected in (
        "abstract",
        "'birthDate'",
        "used twice",
        "no property 'colour'",
        "'nope', which is not in",
        "must refer to a Document",
        "unknown schema 'Nonsense'",
        "required property 'name'",
    ):
        assert expected in text


def test_an_invalid_export_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workbook.curation.ftm as ftm

    monkeypatch.setitem(ftm.SCHEMA_OF_TYPE, "person", "Thing")
    with pytest.raises(FtmError, match="validation") as info:
        cur.export_ftm(make_tiny_book(), tmp_path / "bad.ftm.jsonl")
    assert info.value.problems and not (tmp_path / "bad.ftm.jsonl").exists()


def test_ftm_entities_import_as_a_watchlist(tmp_path: Path) -> None:
    src = tmp_path / "people.ftm.jsonl"
    rows = [
        {"id": "p1", "schema": "Person", "properties": {"name": ["Kim Yo Jong"], "alias": ["Kim Yo-jong"]}},
        {
            "id": "c1",
            "schema": "Company",
            "properties": {"name": ["Korea Mining Development Trading Corporation"], "alias": ["KOMID"]},
        },
        {
            "id": "a1",
            "schema": "Address",
            "properties": {"name": ["Sohae"], "latitude": ["39.66"], "longitude": ["124.705"], "country": ["kp"]},
        },
        {"id": "v1", "schema": "Vessel", "properties": {"name": ["Wise Honest"]}},
        {"id": "m1", "schema": "Mention", "properties": {"name": ["x"], "document": ["d"]}},
        {"id": "n1", "schema": "Person", "properties": {}},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    wl = cur.load_watchlist(src)  # an FtM file is a watchlist as it is
    got = {e.name: e for e in wl.entries}
    assert set(got) == {"Kim Yo Jong", "Korea Mining Development Trading Corporation", "Sohae", "Wise Honest"}
    assert got["Kim Yo Jong"].type == "person" and got["Kim Yo Jong"].aliases == ("Kim Yo-jong",)
    assert got["Korea Mining Development Trading Corporation"].type == "organization"
    assert (got["Sohae"].type, got["Sohae"].lat, got["Sohae"].admin_area) == ("place", 39.66, "KP")
    assert got["Wise Honest"].type == "other"
    out = cur.write_watchlist(wl, tmp_path / "wl.csv")
    assert [e.name for e in cur.load_watchlist(out).entries] == [e.name for e in wl.entries]


def test_round_trip_export_then_import(tmp_path: Path) -> None:
    result = cur.export_ftm(make_tiny_book(), tmp_path / "tiny.ftm.jsonl")
    wl = cur.watchlist_from_ftm(result.path)
    assert {(e.name, e.type) for e in wl.entries} == {
        ("Kim Jong Un", "person"),
        ("Jeffrey Lewis", "person"),
        ("Donald Trump", "person"),
        ("Sinpho", "place"),
        ("Pyongyang", "place"),
        ("Hwasong-15", "weapon_system"),
    }


def test_the_ftm_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tiny_workspace(tmp_path)
    out = tmp_path / "x.ftm.jsonl"
    assert main(["ftm", "export", str(book.workspace), str(out)]) == 0
    assert "FtM entities" in capsys.readouterr().out
    assert cur.validate_ftm(cur.read_ftm(out)) == []
    assert main(["ftm", "watchlist", str(out), str(tmp_path / "w.yaml")]) == 0
    assert len(cur.load_watchlist(tmp_path / "w.yaml")) == 6
    assert main(["ftm", "watchlist", str(tmp_path / "missing.json"), str(tmp_path / "w2.csv")]) == 1
