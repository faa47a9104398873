"""Links between dataset names and the Book's entities: romanisation keys, suggestions, the analyst's
decisions persisted in <workspace>/analyst/links.jsonl (an AppendLog; an older workspace's
<workspace>/links.jsonl is still read) and re-applied."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pandas as pd
import pytest

from workbook.book import Book
from workbook.errors import LinkStoreError
from workbook.tables.linking import (
    LEGACY_LINKS_FILE,
    LINKS_FILE,
    LinkDecision,
    LinkStore,
    apply_links,
    pending_suggestions,
    romanisation_key,
    suggest_links,
)

pytestmark = pytest.mark.unit


def _entities() -> pd.DataFrame:
    rows = [
        ("e1", "Sinpo", "place", ["Sinpho City"]),
        ("e2", "Sohae Satellite Launching Ground", "facility", []),
        ("e3", "Tongchang", "place", []),
        ("e4", "North Phyongan", "place", ["North Phyongan Province"]),
        ("e5", "Kim Jong Un", "person", []),
        ("e6", "Kusong", "place", []),
    ]
    return pd.DataFrame(rows, columns=["entity_id", "name", "type", "aliases"])


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Sinpho City", "sinpo"),
        ("Sinpo", "sinpo"),
        ("North Phyongan Province", "north pyongan"),
        ("Hwasongpho-19", "hwasong 19"),
        ("Hwasong-19", "hwasong 19"),
        ("Tongchang-ri", "tongchang ri"),
        ("Thaechon", "taechon"),
        ("City of Sinuiju", "sinuiju"),
    ],
)
def test_romanisation_key(name: str, key: str) -> None:
    assert romanisation_key(name) == key


def test_suggestions_by_method_best_first() -> None:
    s = suggest_links(
        [
            "Sinpho",
            "Sinpo Shipyard",
            "Sohae Satellite Launching Station",
            "Tongchang-ri",
            "North Pyongan",
            "Nowhere at all",
        ],
        _entities(),
    )
    best = s.drop_duplicates("name").set_index("name")
    assert (best.at["Sinpho", "entity_id"], best.at["Sinpho", "method"], best.at["Sinpho", "score"]) == (
        "e1",
        "romanisation",
        95.0,
    )
    assert suggest_links(["Sinpho City"], _entities()).iloc[0][["method", "score"]].tolist() == ["alias", 100.0]
    assert (best.at["Sinpo Shipyard", "entity_id"], best.at["Sinpo Shipyard", "method"]) == ("e1", "contains")
    assert (
        best.at["Sohae Satellite Launching Station", "entity_id"],
        best.at["Sohae Satellite Launching Station", "method"],
    ) == ("e2", "curated")
    # Tongchang-ri (the launch site's village) is the Sohae site, not Tongchang County: curated first
    tong = s[s["name"] == "Tongchang-ri"]
    assert tong.iloc[0]["entity_id"] == "e2" and tong.iloc[0]["method"] == "curated"
    assert best.at["North Pyongan", "method"] == "romanisation" and best.at["North Pyongan", "entity_id"] == "e4"
    assert "Nowhere at all" not in set(s["name"])
    assert "e5" not in set(s["entity_id"])  # people are never suggested for places
    assert s.groupby("name").size().max() <= 3


def test_store_appends_decisions_and_the_latest_wins(tmp_path: Path) -> None:
    store = LinkStore.for_workspace(tmp_path)
    row = {"name": "Sinpo Shipyard", "entity_id": "e1", "entity_name": "Sinpo", "score": 85.0, "method": "contains"}
    first = store.decide(row, "confirmed", source="nagix-facilities", key="sinpo", author="analyst")
    assert store.path == tmp_path / "analyst" / LINKS_FILE  # beside the curation and annotation logs
    assert first.at and store.path.is_file() and not (tmp_path / LEGACY_LINKS_FILE).exists()
    assert store.confirmed("nagix-facilities")["entity_id"].tolist() == ["e1"]
    second = store.decide(row, "rejected", source="nagix-facilities", key="sinpo")
    assert second.author  # stamped with who decided, as every analyst log record is
    assert store.confirmed().empty
    lines = store.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["decision"] == "confirmed"
    record = json.loads(lines[0])  # an AppendLog record: version, id, op, author, time
    assert (record["v"], record["op"], record["author"]) == (1, "link", "analyst") and record["id"] and record["ns"]
    store.decide(row, "confirmed", source="nagix-facilities", key="sinpo")
    # a new store (the workspace opened again) sees the same decisions
    again = LinkStore.for_workspace(tmp_path)
    assert again.confirmed("nagix-facilities")["key"].tolist() == ["sinpo"]


def test_damaged_lines_are_reported_not_fatal(tmp_path: Path) -> None:
    store = LinkStore(tmp_path / LINKS_FILE)
    store.append(LinkDecision("s", "k", "K", "e1", "E", "confirmed"))
    with (tmp_path / LINKS_FILE).open("a", encoding="utf-8") as fh:
        fh.write('{"source": "s", "key": "k2", "entity_id": "e2"\n')  # a crash mid-line
        fh.write(
            json.dumps(
                {"source": "s", "key": "k3", "name": "x", "entity_id": "e3", "entity_name": "y", "decision": "maybe"}
            )
            + "\n"
        )
    assert store.confirmed()["key"].tolist() == ["k"]
    assert len(store.problems) == 2 and "line 2" in store.problems[0]


def test_concurrent_appends_never_interleave(tmp_path: Path) -> None:
    store = LinkStore(tmp_path / LINKS_FILE)

    def work(n: int) -> None:
        for i in range(50):
            store.append(LinkDecision("s", f"k{n}-{i}", "N" * 200, f"e{i}", "E" * 200, "confirmed"))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lines = (tmp_path / LINKS_FILE).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 200 and all(json.loads(line)["decision"] == "confirmed" for line in lines)


def _legacy_line(key: str, entity_id: str, decision: str, at: str) -> str:
    return (
        json.dumps(
            {
                "source": "sites",
                "key": key,
                "name": key.title(),
                "entity_id": entity_id,
                "entity_name": "E",
                "decision": decision,
                "score": 90.0,
                "method": "alias",
                "author": "old",
                "at": at,
            }
        )
        + "\n"
    )


def test_decisions_of_an_older_workspace_are_kept(tmp_path: Path) -> None:
    """A workspace made before the move kept its decisions in <workspace>/links.jsonl: they are read
    (older than any decision of the analyst log), a new decision overrides them, the old file is left as
    it is, and its damaged lines are reported like the log's."""
    (tmp_path / LEGACY_LINKS_FILE).write_text(
        _legacy_line("s1", "e1", "confirmed", "2025-01-01T00:00:00+00:00")
        + _legacy_line("s2", "e2", "confirmed", "2025-01-02T00:00:00+00:00")
        + _legacy_line("s2", "e2", "rejected", "2025-01-03T00:00:00+00:00")
        + _legacy_line("s3", "e3", "confirmed", "2025-01-04T00:00:00+00:00")
        + '{"source": "sites", "key": "s4"\n',
        encoding="utf-8",
    )
    before = (tmp_path / LEGACY_LINKS_FILE).read_bytes()
    store = LinkStore.for_workspace(tmp_path)
    assert store.confirmed("sites")[["key", "entity_id"]].values.tolist() == [["s1", "e1"], ["s3", "e3"]]
    assert len(store.problems) == 1 and "line 5" in store.problems[0]
    store.append(LinkDecision("sites", "s3", "S3", "e3", "E", "rejected"))  # the log's decision is newer
    store.append(LinkDecision("sites", "s2", "S2", "e2", "E", "confirmed"))
    again = LinkStore.for_workspace(tmp_path)
    assert again.confirmed("sites")[["key", "entity_id"]].values.tolist() == [["s1", "e1"], ["s2", "e2"]]
    assert (tmp_path / LEGACY_LINKS_FILE).read_bytes() == before  # never rewritten
    assert len((tmp_path / "analyst" / LINKS_FILE).read_text(encoding="utf-8").splitlines()) == 2
    table = pd.DataFrame({"site": ["s1", "s2", "s3"]})
    assert apply_links(table, again, source="sites", key_column="site")["entity_ids"].tolist() == [["e1"], ["e2"], []]


def test_a_link_decision_can_be_undone_like_any_analyst_record(tmp_path: Path) -> None:
    store = LinkStore.for_workspace(tmp_path)
    store.append(LinkDecision("sites", "s1", "S1", "e1", "E", "confirmed"))
    rid = json.loads(store.path.read_text(encoding="utf-8").splitlines()[0])["id"]
    store.log.append([{"id": "u-test", "op": "undo", "undoes": rid}])
    assert store.confirmed("sites").empty
    store.log.append([{"id": "u-redo", "op": "undo", "undoes": "u-test"}])  # undoing the undo brings it back
    assert store.confirmed("sites")["key"].tolist() == ["s1"]


def test_apply_links_and_pending_suggestions(tmp_path: Path) -> None:
    store = LinkStore.for_workspace(tmp_path)
    facilities = pd.DataFrame(
        {"facility": ["sinpo", "sohae"], "name": ["Sinpo Shipyard", "Sohae Satellite Launching Station"]}
    )
    sugg = suggest_links(facilities["name"], _entities())
    keys = dict(zip(facilities["name"], facilities["facility"], strict=True))
    assert len(pending_suggestions(sugg, store, source="f", keys=keys)) == len(sugg)
    store.decide(sugg[sugg["name"] == "Sinpo Shipyard"].iloc[0].to_dict(), "confirmed", source="f", key="sinpo")
    left = pending_suggestions(sugg, store, source="f", keys=keys)
    assert len(left) == len(sugg) - 1
    linked = apply_links(facilities, store, source="f", key_column="facility")
    assert linked["entity_id"].tolist()[0] == "e1" and pd.isna(linked["entity_id"].tolist()[1])
    assert linked["entity_ids"].tolist() == [["e1"], []]
    assert "entity_id" not in facilities.columns  # the input is left as it was
    with pytest.raises(LinkStoreError, match="no column 'key'"):
        apply_links(facilities, store, source="f", key_column="key")


def test_bad_decisions_and_workspaces_are_named(tmp_path: Path) -> None:
    with pytest.raises(LinkStoreError, match="decision 'perhaps'"):
        LinkDecision("s", "k", "K", "e1", "E", "perhaps")
    with pytest.raises(LinkStoreError, match="non-empty key"):
        LinkDecision("s", " ", "K", "e1", "E", "confirmed")
    with pytest.raises(LinkStoreError, match="is not a folder"):
        LinkStore.for_workspace(tmp_path / "nope")
    ro = tmp_path / "ro"
    ro.mkdir()
    (ro / "analyst" / LINKS_FILE).mkdir(parents=True)  # a folder where the file should be: cannot append
    with pytest.raises(LinkStoreError, match="cannot append"):
        LinkStore.for_workspace(ro).append(LinkDecision("s", "k", "K", "e1", "E", "confirmed"))


def test_suggestions_on_an_empty_book() -> None:
    assert suggest_links(["Sinpo"], Book().entities).empty


def test_a_confirmed_link_survives_a_rebuild(tmp_path: Path) -> None:
    """links.jsonl lives beside the snapshots: a forced rebuild keeps it, and re-applying the links to the
    dataset table after reopening gives the same result (the link is stored by entity id, which a
    rebuild of the same documents keeps)."""
    import shutil

    import workbook as wb
    from tests.conftest import SEEDS
    from workbook.build import build

    shutil.copytree(SEEDS, tmp_path / "seeds")
    ws = tmp_path / "ws"
    build([tmp_path / "seeds"], ws, progress=False)
    book = wb.open(ws)
    places = book.entities[book.entities["type"].astype(str).isin(["place", "facility"])]
    name = str(places["name"].iloc[0])
    dataset = pd.DataFrame({"site": ["s1", "s2"], "name": [name, "Nowhere In Particular"]})
    sugg = suggest_links(dataset["name"], book.entities)
    row = {str(k): v for k, v in sugg[sugg["name"] == name].iloc[0].to_dict().items()}
    LinkStore.for_workspace(ws).decide(row, "confirmed", source="sites", key="s1", author="analyst")
    before = apply_links(dataset, LinkStore.for_workspace(ws), source="sites", key_column="site")
    assert before["entity_id"].tolist()[0] == row["entity_id"]

    build([tmp_path / "seeds"], ws, progress=False, force=True)
    reopened = wb.open(ws)
    assert reopened.workspace is not None
    store = LinkStore.for_workspace(reopened.workspace)
    conf = store.confirmed("sites")
    assert conf[["key", "entity_id", "decision"]].values.tolist() == [["s1", row["entity_id"], "confirmed"]]
    after = apply_links(dataset, store, source="sites", key_column="site")
    pd.testing.assert_frame_equal(after, before)
    assert row["entity_id"] in set(reopened.entities["entity_id"].astype(str))  # still names an entity of the Book
    pending = pending_suggestions(sugg, store, source="sites", keys={name: "s1"})
    assert not ((pending["name"] == name) & (pending["entity_id"] == row["entity_id"])).any()
