"""The KCNA 2024 archive (../shared/data/kcna-archive_stiles) builds with no build issues."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd
import pytest

from workbook.build import build
from workbook.extract.pipeline import DefaultExtractor
from workbook.workspace import read_book

pytestmark = [pytest.mark.realdata, pytest.mark.slow]

LEADER_TOPIC = "WPK General Secretary Kim Jong Un's Revolutionary Activities"


def test_kcna_archive_builds_with_zero_issues_and_plausible_counts(shared_data: Path, tmp_path: Path) -> None:
    archive = shared_data / "kcna-archive_stiles" / "headlines_2024-11-11.json"
    facilities = shared_data / "nk-missile-tests_nagix" / "facility.en.json"
    records = json.loads(archive.read_text(encoding="utf-8"))
    assert len(records) == 2111

    t0 = time.perf_counter()
    report = build([archive], tmp_path / "kcna", extractor=DefaultExtractor.from_options([facilities]), progress=False)
    seconds = time.perf_counter() - t0
    book = read_book(tmp_path / "kcna")
    print(f"KCNA archive: {report.counts} in {seconds:.1f} s; duplicates {len(report.duplicates)}")

    assert len(book.build_issues) == 0, book.build_issues.head().to_dict("records")
    # Every record is either a document or a reported duplicate of one.
    assert len(book.documents) + len(report.duplicates) == 2111
    distinct = {(r["story_text"] or "").strip() or r["headline"] for r in records}
    assert len(book.documents) <= len(distinct) + 5

    # Dates: epoch milliseconds → the same calendar day as the archive's own date_str.
    by_source = book.documents.set_index("source")
    first = by_source.loc["headlines_2024-11-11.json#0"]
    assert first["published"] == pd.Timestamp(records[0]["date_str"])
    assert book.documents["published"].notna().all()
    assert book.documents["published"].min() >= pd.Timestamp("2023-12-01")
    assert book.documents["published"].max() <= pd.Timestamp("2024-11-30")
    assert (book.documents["publisher"] == "KCNA").all()

    # The leader's activities: 97 records, 96 distinct texts; none lost to duplicates under other topics.
    leader = book.documents["section"].fillna("").str.contains(LEADER_TOPIC, regex=False)
    assert leader.sum() == 96

    names = book.entities.set_index("name")
    assert names.at["Kim Jong Un", "type"] == "person"
    assert names.at["Kim Jong Un", "n_mentions"] > 300
    assert names.at["Pyongyang", "type"] == "place"
    assert {"Hwasongpho-19", "Hwasong-19"} & set(book.entities["name"])
    assert (book.entities["type"] == "facility").sum() > 10
    assert len(book.claims) > 100 and len(book.events) > 1000

    # Provenance holds for every derived row.
    text = book.documents.set_index("doc_id")["text"]
    for table in (book.mentions, book.claims, book.events):
        col = "surface" if "surface" in table.columns else "text"
        sample = table.sample(min(500, len(table)), random_state=0)
        for row in sample.itertuples():
            assert text[row.doc_id][row.start : row.end] == getattr(row, col)
