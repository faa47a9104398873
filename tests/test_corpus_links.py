"""One entity per thing across a corpus (workbook.corpus_links), in the build and on its own."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import workbook as wb
from workbook import curation as cur
from workbook.build import build
from workbook.corpus_links import apply_links, entity_links, head_forms, word_order_key
from workbook.errors import OrphanedAnnotationWarning
from workbook.extract.pipeline import DefaultExtractor
from workbook.ids import entity_id
from workbook.model import conform
from workbook.workspace import read_book

pytestmark = pytest.mark.unit

DEFINES = (
    "The Korean People's Army (KPA) held a drill. The Central Committee of the Workers' Party of Korea (WPK) met "
    "in Pyongyang. The KPA said it was ready."
)
USES = 'The WPK convened. "We are ready," the KPA said. KPA units moved. The Party Central Committee met.'
BOTH = "The Party Central Committee met. The Central Committee praised the workers."
SHORT = "The Central Committee decided on Monday. The WPK sent greetings."


def _write(tmp_path: Path, texts: dict[str, str]) -> Path:
    root = tmp_path / "corpus"
    root.mkdir(exist_ok=True)
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_head_forms() -> None:
    assert head_forms("Party Central Committee") == ["Central Committee"]
    assert head_forms("Central Committee of the WPK") == ["Central Committee"]
    assert head_forms("Korean People's Army") == ["People's Army"]
    assert head_forms("Presidium of the Political Bureau") == []  # one word before "of"
    assert head_forms("Central Committee") == []


def test_a_build_merges_acronyms_and_shorter_forms_and_repoints_claims(tmp_path: Path) -> None:
    also = BOTH.replace("workers", "farmers")
    root = _write(tmp_path, {"a.txt": DEFINES, "b.txt": USES, "c.txt": SHORT, "d.txt": BOTH, "e.txt": also})
    build([root], tmp_path / "ws", extractor=DefaultExtractor(), progress=False)
    book = read_book(tmp_path / "ws")
    names = book.entities.set_index("name")
    assert "WPK" not in names.index and "KPA" not in names.index
    kpa = names.loc["Korean People's Army"]
    assert "KPA" in kpa["aliases"] and kpa["n_docs"] == 2
    assert "WPK" in names.loc["Workers' Party of Korea", "aliases"]
    # the only longer form of "Central Committee" in the corpus is "Party Central Committee", and the two
    # stand side by side in two of the three documents naming the shorter form
    assert "Central Committee" not in names.index
    assert "Central Committee" in names.loc["Party Central Committee", "aliases"]
    # every mention points at an entity that exists; the acronym mentions are aliases
    assert set(book.mentions["entity_id"]) <= set(book.entities["entity_id"])
    kpa_id = entity_id("organization", "Korean People's Army")
    acr = book.mentions[book.mentions["surface"] == "KPA"]
    assert (acr["entity_id"] == kpa_id).all() and (acr["resolution"] == "alias").all()
    # the quote's speaker and its entities follow the merge
    spoken = book.claims[book.claims["speaker_id"].notna()]
    assert kpa_id in set(spoken["speaker_id"])
    ids = {i for ids in book.claims["entity_ids"] for i in ids} | {i for ids in book.events["entity_ids"] for i in ids}
    assert ids <= set(book.entities["entity_id"])


def test_an_acronym_defined_as_two_things_is_left_alone() -> None:
    de = pd.DataFrame(
        [
            (
                "d1",
                entity_id("organization", "Communist Party of Vietnam"),
                "Communist Party of Vietnam",
                "organization",
                ["CPV"],
                "rules",
            ),
            (
                "d2",
                entity_id("organization", "Chinese People's Volunteers"),
                "Chinese People's Volunteers",
                "organization",
                ["CPV"],
                "rules",
            ),
            ("d3", entity_id("organization", "CPV"), "CPV", "organization", [], "rules"),
            ("d3", entity_id("place", "KPA"), "KPA", "place", [], "rules"),
            (
                "d4",
                entity_id("organization", "Korean People's Army"),
                "Korean People's Army",
                "organization",
                ["KPA"],
                "rules",
            ),
        ],
        columns=["doc_id", "entity_id", "name", "type", "aliases", "origin"],
    )
    links = entity_links(de)
    assert links.first == {}  # CPV is ambiguous; the KPA here is typed as a place, not the army
    assert links.per_doc.empty and links.last == {}


def test_ambiguous_shorter_forms_stay_apart_but_merge_within_a_document() -> None:
    rows = [
        ("d1", "Central Committee"),
        ("d1", "Party Central Committee"),
        ("d2", "Central Committee of the Communist Party of Vietnam"),
        ("d3", "Central Committee"),
    ]
    de = pd.DataFrame(
        [(d, entity_id("organization", n), n, "organization", [], "rules") for d, n in rows],
        columns=["doc_id", "entity_id", "name", "type", "aliases", "origin"],
    )
    cc, pcc = entity_id("organization", "Central Committee"), entity_id("organization", "Party Central Committee")
    mentions = conform(
        "mentions",
        [
            {
                "mention_id": f"m{i}",
                "doc_id": d,
                "start": 0,
                "end": 5,
                "entity_id": entity_id("organization", n),
                "surface": n,
                "sentence": 0,
                "resolution": "exact",
                "candidates": [],
            }
            for i, (d, n) in enumerate(rows)
        ],
    )
    places = de.iloc[0:0][["doc_id", "entity_id"]]
    linked = apply_links(de, mentions, conform("claims", []), conform("events", []), places)
    ms = linked.mentions
    by_doc = dict(zip(ms["doc_id"].astype(str) + ms["surface"].astype(str), ms["entity_id"], strict=True))
    assert by_doc["d1Central Committee"] == pcc  # the one longer form in its document
    assert by_doc["d3Central Committee"] == cc  # two longer forms in the corpus: left alone
    assert set(linked.links["kind"]) == {"shorter form in document"}


def test_a_shorter_form_merges_across_the_corpus_only_with_evidence() -> None:
    rows = [
        ("d1", "Supreme Court"),
        ("d1", "Italian Supreme Court of Cassation"),
        ("d2", "Supreme Court"),
        ("d3", "Supreme Court"),
        ("d4", "Home Office"),
        ("d4", "United Kingdom Home Office"),
        ("d5", "Home Office"),
        ("d5", "United Kingdom Home Office"),
        ("d6", "Home Office"),
    ]
    de = pd.DataFrame(
        [(d, entity_id("organization", n), n, "organization", [], "rules") for d, n in rows],
        columns=["doc_id", "entity_id", "name", "type", "aliases", "origin"],
    )
    links = entity_links(de)
    assert len(links.per_doc) == 3  # d1, d4, d5
    assert links.last == {
        entity_id("organization", "Home Office"): entity_id("organization", "United Kingdom Home Office")
    }


def test_word_order_variants_are_one_entity() -> None:
    nk = entity_id("place", "North Korea")
    wpk = entity_id("organization", "Workers' Party of Korea")
    spellings = {
        "dprk": nk,
        "democratic people s republic of korea": nk,
        "north korea": nk,
        "wpk": wpk,
        "workers party of korea": wpk,
    }
    key = word_order_key("Foreign Ministry of the DPRK", spellings)
    assert key is not None
    assert word_order_key("DPRK Foreign Ministry", spellings) == key
    assert word_order_key("Foreign Ministry of the Democratic People's Republic of Korea", spellings) == key
    assert word_order_key("WPK Central Committee", spellings) == word_order_key(
        "Central Committee of the Workers' Party of Korea", spellings
    )
    assert word_order_key("Party Central Committee", spellings) is None
    assert word_order_key("DPRK Kim", spellings) is None  # no head word: not an organisation's name

    rows = [
        ("d1", "North Korea", "place", ["DPRK", "Democratic People's Republic of Korea"]),
        ("d1", "DPRK Foreign Ministry", "organization", []),
        ("d2", "DPRK Foreign Ministry", "organization", []),
        ("d3", "Foreign Ministry of the DPRK", "organization", []),
        ("d4", "Foreign Ministry of the Democratic People's Republic of Korea", "organization", []),
        ("d5", "Foreign Ministry of Japan", "organization", []),
    ]
    de = pd.DataFrame(
        [(d, entity_id(t, n), n, t, a, "rules") for d, n, t, a in rows],
        columns=["doc_id", "entity_id", "name", "type", "aliases", "origin"],
    )
    links = entity_links(de)
    target = entity_id("organization", "DPRK Foreign Ministry")  # named in the most documents
    assert links.first == {
        entity_id("organization", "Foreign Ministry of the DPRK"): target,
        entity_id("organization", "Foreign Ministry of the Democratic People's Republic of Korea"): target,
    }
    assert set(links.kinds.values()) == {"word order"}


def test_links_are_deterministic_and_idempotent(tmp_path: Path) -> None:
    root = _write(tmp_path, {"a.txt": DEFINES, "b.txt": USES, "c.txt": SHORT})
    build([root], tmp_path / "ws", extractor=DefaultExtractor(), progress=False)
    first = read_book(tmp_path / "ws")
    build([root], tmp_path / "ws", extractor=DefaultExtractor(), progress=False, force=True)
    (root / "d.txt").write_text("The KPA marched.", encoding="utf-8")
    build([root], tmp_path / "ws", extractor=DefaultExtractor(), progress=False)  # reuses a, b, c
    again = read_book(tmp_path / "ws")
    cols = ["entity_id", "name", "type", "n_mentions"]
    before = first.entities[cols].sort_values("entity_id").reset_index(drop=True)
    after = again.entities[cols].sort_values("entity_id").reset_index(drop=True)
    kpa = entity_id("organization", "Korean People's Army")
    assert after.set_index("entity_id").at[kpa, "n_mentions"] == before.set_index("entity_id").at[kpa, "n_mentions"] + 1
    assert set(before["entity_id"]) == set(after["entity_id"])


def test_curation_of_a_merged_entity_is_reported_orphaned_not_crashing(tmp_path: Path) -> None:
    root = _write(tmp_path, {"b.txt": USES, "e.txt": "The WPK and the KCNA met in Pyongyang."})
    book = wb.open(root)
    cur.rename(book, cur.find_entity(book, "WPK"), "The Party")
    (root / "a.txt").write_text(DEFINES, encoding="utf-8")  # now the corpus defines WPK
    with pytest.warns(OrphanedAnnotationWarning):
        book = wb.open(root)
    assert "WPK" not in set(book.entities["name"])
    report = cur.curation_report(book)
    assert report["outcome"].tolist() == ["orphaned"]
    assert json.dumps(report.to_dict("records"), default=str)
