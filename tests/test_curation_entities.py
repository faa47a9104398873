"""Entity curation: merge, split, rename and aliases, logged and re-applied by a pure function."""

from __future__ import annotations

from pathlib import Path

import pytest

import workbook as wb
from tests.conftest import make_tiny_book
from tests.test_curation_annotations import tiny_workspace
from workbook import curation as cur
from workbook.book import Book
from workbook.errors import CurationError
from workbook.ids import entity_id

pytestmark = pytest.mark.unit

KIM, LEWIS, TRUMP = (
    entity_id("person", "Kim Jong Un"),
    entity_id("person", "Jeffrey Lewis"),
    entity_id("person", "Donald Trump"),
)
SINPHO, PYONGYANG = entity_id("place", "Sinpho"), entity_id("place", "Pyongyang")


def _d(i: int, op: str, **kw: object) -> dict[str, object]:
    return {"id": f"k{i}", "op": op, "author": "ana", "created": f"2024-01-01T00:00:{i:02d}Z", **kw}


def _every_reference(book: Book) -> set[str]:
    refs = set(book.mentions["entity_id"]) | set(book.places["entity_id"])
    refs |= set(book.claims["speaker_id"].dropna())
    for col in (book.claims["entity_ids"], book.events["entity_ids"], book.mentions["candidates"]):
        refs |= {x for lst in col for x in lst}
    return refs


def test_merge_rewrites_every_table_and_recounts() -> None:
    book = make_tiny_book()
    before = book.mentions.copy()
    out = cur.apply_curation(book, [_d(1, "merge", entities=[SINPHO], into=PYONGYANG)])
    assert SINPHO not in set(out.entities["entity_id"])
    merged = out.entities.set_index("entity_id").loc[PYONGYANG]
    assert merged["name"] == "Pyongyang" and "Sinpho" in merged["aliases"]
    assert (merged["n_mentions"], merged["n_docs"]) == (2, 2)
    assert SINPHO not in _every_reference(out)
    assert _every_reference(out) <= set(out.entities["entity_id"])
    assert list(out.places["entity_id"]) == [PYONGYANG]
    assert out.places["uncertainty_km"].iloc[0] == 15.0, "into keeps its own coordinates"
    # provenance: the same mentions, at the same offsets in the same documents
    assert out.mentions[["mention_id", "doc_id", "start", "end", "surface"]].equals(
        before[["mention_id", "doc_id", "start", "end", "surface"]]
    )
    assert book.mentions.equals(before), "the input Book is not modified"
    v = out.events.set_index("text").loc["on Monday", "entity_ids"]
    assert v == sorted([KIM, PYONGYANG])


def test_merge_takes_the_best_coordinates_when_into_has_none() -> None:
    book = make_tiny_book()
    out = cur.apply_curation(book, [_d(1, "merge", entities=[SINPHO], into=KIM, name="Kim's shipyard")])
    assert out.places.set_index("entity_id").loc[KIM, "uncertainty_km"] == 10.0
    assert out.entities.set_index("entity_id").loc[KIM, "name"] == "Kim's shipyard"


def test_merge_chains_resolve_and_undo_cancels() -> None:
    book = make_tiny_book()
    decisions = [_d(1, "merge", entities=[SINPHO], into=PYONGYANG), _d(2, "merge", entities=[PYONGYANG], into=KIM)]
    result = cur.curate(book, decisions)
    assert result.id_map == {SINPHO: KIM, PYONGYANG: KIM}
    assert set(result.book.entities["entity_id"]) == {KIM, LEWIS, TRUMP, entity_id("weapon_system", "Hwasong-15")}
    undone = cur.curate(book, [*decisions, _d(3, "undo", undoes="k2")])
    assert undone.id_map == {SINPHO: PYONGYANG}
    assert cur.entity_id_map([*decisions, _d(3, "undo", undoes="k2")]) == {SINPHO: PYONGYANG}


def test_split_moves_mentions_and_the_claims_and_events_follow() -> None:
    book = make_tiny_book()
    d1 = str(book.documents["doc_id"].iloc[1])
    kim_yo = entity_id("person", "Kim Yo Jong")
    out = cur.apply_curation(
        book, [_d(1, "split", entity_id=KIM, new_id=kim_yo, new_name="Kim Yo Jong", new_type="person", doc_ids=[d1])]
    )
    m = out.mentions
    assert set(m.loc[m["doc_id"] == d1, "entity_id"]) >= {kim_yo}
    assert KIM not in set(m.loc[m["doc_id"] == d1, "entity_id"])
    june = out.events.set_index("text").loc["June 2018", "entity_ids"]
    assert june == sorted([kim_yo, TRUMP])
    monday = out.events.set_index("text").loc["on Monday", "entity_ids"]
    assert KIM in monday, "events of other documents keep the old entity"
    row = out.entities.set_index("entity_id").loc[kim_yo]
    assert (row["origin"], row["n_mentions"], row["type"]) == ("analyst", 1, "person")
    assert out.entities.set_index("entity_id").loc[KIM, "n_mentions"] == 1


def test_a_split_that_moves_every_mention_redirects_the_entity() -> None:
    book = make_tiny_book()
    new = entity_id("place", "Sinpho County")
    result = cur.curate(
        book,
        [_d(1, "split", entity_id=SINPHO, new_id=new, new_name="Sinpho County", new_type="place", surfaces=["Sinpho"])],
    )
    assert result.id_map == {SINPHO: new}
    assert SINPHO not in _every_reference(result.book)
    assert result.book.places.set_index("entity_id").loc[new, "lat"] == 40.03


def test_rename_and_aliases_keep_the_id() -> None:
    book = make_tiny_book()
    out = cur.apply_curation(
        book,
        [
            _d(1, "rename", entity_id=LEWIS, name="Dr Jeffrey Lewis", type=None),
            _d(2, "alias", entity_id=LEWIS, aliases=["J. Lewis", "Dr Jeffrey Lewis"]),
            _d(3, "rename", entity_id=SINPHO, name=None, type="facility"),
        ],
    )
    e = out.entities.set_index("entity_id")
    assert e.loc[LEWIS, "name"] == "Dr Jeffrey Lewis"
    assert e.loc[LEWIS, "aliases"] == ["J. Lewis", "Jeffrey Lewis"]
    assert e.loc[SINPHO, "type"] == "facility"


def test_decisions_whose_entities_vanished_are_reported_not_applied() -> None:
    book = make_tiny_book()
    gone = entity_id("person", "Nobody Here")
    result = cur.curate(
        book,
        [
            _d(
                1,
                "merge",
                entities=[gone],
                into=entity_id("person", "Also Gone"),
                anchor={gone: {"name": "Nobody Here", "type": "person"}},
            ),
            _d(2, "merge", entities=[gone], into=KIM),
            _d(3, "rename", entity_id=entity_id("person", "Also Gone"), name="X"),
            _d(4, "merge", entities=["e1"]),  # malformed: no 'into'
        ],
    )
    assert list(result.report["outcome"]) == ["orphaned", "partly applied", "orphaned", "no effect"]
    assert "'Nobody Here'" in result.report["reason"].iloc[0]
    assert set(result.book.entities["entity_id"]) == set(book.entities["entity_id"])


def test_no_decisions_give_the_book_back() -> None:
    book = make_tiny_book()
    assert cur.apply_curation(book, []) is book


# --- the writers, on a workspace -------------------------------------------------------------------


def test_merge_by_name_is_logged_and_reapplied_on_open(tmp_path: Path) -> None:
    book = tiny_workspace(tmp_path)
    decision = cur.merge(book, ["Sinpho"], into="Pyongyang", author="ana")
    assert decision.startswith("k")
    opened = wb.open(book.workspace)
    assert set(opened.entities["name"]) == set(book.entities["name"]) - {"Sinpho"}
    assert cur.merge(opened, ["Sinpho"], into="Pyongyang") == decision, "merging again writes nothing"
    raw = wb.open(book.workspace, analyst_work=False)
    assert "Sinpho" in set(raw.entities["name"])
    history = cur.curation_history(opened)
    assert list(history["op"]) == ["merge"] and "Sinpho" in history["summary"].iloc[0]


def test_annotations_follow_a_merged_entity(tmp_path: Path) -> None:
    book = tiny_workspace(tmp_path)
    cur.tag(book, "entity", SINPHO, "shipyard")
    cur.merge(book, ["Sinpho"], into="Pyongyang")
    opened = wb.open(book.workspace)
    assert cur.annotation_summary(opened, "entity", [PYONGYANG])["tags"].iloc[0] == ["shipyard"]
    assert cur.orphaned_annotations(opened).empty


def test_split_rename_and_alias_writers(tmp_path: Path) -> None:
    book = tiny_workspace(tmp_path)
    d1 = str(book.documents["doc_id"].iloc[1])
    cur.split(book, "Kim Jong Un", "Kim Yo Jong", doc_ids=[d1])
    cur.rename(book, "Jeffrey Lewis", "Dr Jeffrey Lewis")
    cur.add_aliases(book, "Donald Trump", ["Mr Trump"])
    opened = wb.open(book.workspace)
    names = set(opened.entities["name"])
    assert {"Kim Yo Jong", "Dr Jeffrey Lewis"} <= names and "Jeffrey Lewis" not in names
    assert opened.entities.set_index("name").loc["Donald Trump", "aliases"] == ["Mr Trump"]
    assert cur.find_entity(opened, "jeffrey lewis") == LEWIS, "old names are found through the aliases"
    assert cur.curation_report(opened)["outcome"].tolist() == ["applied"] * 3


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda b: cur.merge(b, ["Nobody"], into="Pyongyang"), "No entity is called 'Nobody'"),
        (lambda b: cur.merge(b, ["Pyongyang"], into="Pyongyang"), "Nothing to merge"),
        (lambda b: cur.split(b, "Kim Jong Un", "Kim Yo Jong"), "Say which mentions"),
        (lambda b: cur.split(b, "Kim Jong Un", "Kim Yo Jong", doc_ids=["d0"]), "No mention of"),
        (lambda b: cur.split(b, "Kim Jong Un", "Kim Jong Un", surfaces=["Kim Jong Un"]), "itself"),
        (lambda b: cur.rename(b, "Kim Jong Un"), "needs a new name"),
        (lambda b: cur.rename(b, "Kim Jong Un", type="leader"), "Unknown entity type"),
        (lambda b: cur.add_aliases(b, "Kim Jong Un", [" "]), "at least one"),
    ],
)
def test_bad_decisions_are_refused(tmp_path: Path, call: object, message: str) -> None:
    book = tiny_workspace(tmp_path)
    with pytest.raises(CurationError, match=message):
        call(book)  # type: ignore[operator]
    assert cur.read_decisions(book).records == ()


def test_find_entity_asks_for_a_type_when_a_name_is_shared(tmp_path: Path) -> None:
    book = tiny_workspace(tmp_path)
    cur.rename(book, "Sinpho", "Kim Jong Un")
    opened = wb.open(book.workspace)
    with pytest.raises(CurationError, match="several entities"):
        cur.find_entity(opened, "Kim Jong Un")
    assert cur.find_entity(opened, "Kim Jong Un", type="place") == SINPHO


def test_undo_takes_back_the_latest_action_in_either_log(tmp_path: Path) -> None:
    book = tiny_workspace(tmp_path)
    cur.merge(book, ["Sinpho"], into="Pyongyang", author="ana")
    tag = cur.tag(book, "entity", PYONGYANG, "capital", author="ana")
    undo_tag = cur.undo(book, author="ana")
    assert cur.read_annotation_records(book).records[-1]["undoes"] == tag and undo_tag.startswith("u")
    cur.undo(book, author="ana")  # now the merge
    opened = wb.open(book.workspace)
    assert "Sinpho" in set(opened.entities["name"]) and opened.annotations.empty
    assert list(cur.curation_history(opened)["op"]) == ["merge", "undo"]
    assert not cur.curation_history(opened)["in_effect"].iloc[0]


def test_undo_takes_back_a_link_decision_too(tmp_path: Path) -> None:
    from workbook.tables.linking import LinkDecision, LinkStore

    book = tiny_workspace(tmp_path)
    tag = cur.tag(book, "entity", PYONGYANG, "capital", author="ana")
    store = LinkStore.for_workspace(book.workspace)
    store.append(LinkDecision("sites", "s1", "Sinpho Shipyard", SINPHO, "Sinpho", "confirmed", author="ana"))
    assert store.confirmed("sites")["key"].tolist() == ["s1"]
    undone = cur.undo(book, author="ana")  # the link is the latest record: it is what is undone
    assert store.confirmed("sites").empty and undone.startswith("u")
    assert not cur.read_annotation_records(book).records[-1].get("undoes")  # the tag is still in effect
    cur.undo(book, undone, author="ana")  # undoing the undo brings the link back
    assert store.confirmed("sites")["key"].tolist() == ["s1"]
    cur.undo(book, author="ana")  # the latest in effect is now the redo record itself
    assert store.confirmed("sites").empty
    assert any(r.get("id") == tag for r in cur.read_annotation_records(book).records)
