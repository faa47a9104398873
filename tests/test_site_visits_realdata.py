"""The site-visit case study on the KCNA 2024 archive and the nagix launches, scored against our hand
annotation (tests/data/site_visits_expected.json). Prints the precision and recall per field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import SHARED_DATA
from workbook.casestudy.analysis import visits_before_launches
from workbook.casestudy.appearances import LEADER_TOPIC
from workbook.casestudy.evaluation import load_expectations, score_appearances
from workbook.casestudy.site_visits import KCNA_ARCHIVE, SiteVisitStudy, open_kcna_archive, site_visit_study
from workbook.casestudy.views import visits_map, visits_timeline

pytestmark = [pytest.mark.realdata, pytest.mark.slow]

EXPECTED = Path(__file__).parent / "data" / "site_visits_expected.json"


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteVisitStudy]:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data not available: {SHARED_DATA} is absent (it sits beside the clone in CI)")
    book = open_kcna_archive(SHARED_DATA, tmp_path_factory.mktemp("kcna") / "kcna.workbook")
    yield site_visit_study(book, SHARED_DATA)


def test_the_expectation_set_is_the_archives_leader_articles() -> None:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data not available: {SHARED_DATA} is absent")
    records = json.loads((SHARED_DATA / KCNA_ARCHIVE).read_text(encoding="utf-8"))
    arts = json.loads(EXPECTED.read_text(encoding="utf-8"))["articles"]
    assert len(arts) >= 15
    for a in arts:
        r = records[a["index"]]
        assert r["topic"] == LEADER_TOPIC and r["link"] == a["link"] and r["date_str"] == a["published"], a["index"]


def test_extraction_scores_against_the_hand_annotation(study: SiteVisitStudy) -> None:
    expected = load_expectations(EXPECTED)
    lines = []
    for split in ("development", "held-out", "held-out-2", None):
        subset = expected if split is None else expected[expected["split"] == split]
        scores, _ = score_appearances(study.appearances, subset, study.gazetteer)
        lines.append(f"\n{split or 'all'} ({len(subset)} articles)")
        lines += [
            f"  {r.field:<10} precision {r.precision:.3f}  recall {r.recall:.3f}  (tp {r.tp}, fp {r.fp}, fn {r.fn})"
            for r in scores.itertuples()
        ]
    print("\n".join(lines))
    scores, details = score_appearances(study.appearances, expected, study.gazetteer)
    s = scores.set_index("field")
    assert details["found"].all(), "every annotated article was extracted"
    assert s.at["dates", "precision"] >= 0.9 and s.at["dates", "recall"] >= 0.9, s
    assert s.at["places", "precision"] >= 0.8 and s.at["places", "recall"] >= 0.8, s
    assert s.at["activities", "precision"] >= 0.9 and s.at["activities", "recall"] >= 0.9, s
    assert s.at["weapons", "precision"] >= 0.9 and s.at["weapons", "recall"] >= 0.9, s


def test_kcna_tests_align_with_nagix_launches_on_korea_time(study: SiteVisitStudy) -> None:
    same_day = visits_before_launches(study.visits, study.launch_events, 0, study.sites)
    tests = same_day[same_day["activity"] == "test observation"]
    pairs = {(f"{r.launch_date_kst:%Y-%m-%d}", tuple(r.missiles), r.same_weapon) for r in tests.itertuples()}
    # Hwasong-19: nagix 2024-10-30 22:11 UTC = 2024-10-31 KST, "the morning of October 31" (KCNA, Nov 1)
    assert ("2024-10-31", ("Hwasong-19",), True) in pairs
    assert ("2024-09-18", ("Hwasong-11-Da-4.5",), True) in pairs  # "on Wednesday" (KCNA, Sep 19)
    assert ("2024-09-12", ("KN-25",), True) in pairs  # the 600mm MRL, undated: inferred Sep 11-13
    hw19 = study.appearances[study.appearances["weapons"].map(lambda w: "Hwasong-19" in w)]
    assert set(hw19["published"].dt.strftime("%Y-%m-%d")) == {"2024-11-01"}
    assert hw19["story_id"].nunique() == 1 and (hw19["date_start"] == pd.Timestamp("2024-10-31")).all()


def test_visited_places_have_coordinates_uncertainty_and_nearest_facility(study: SiteVisitStudy) -> None:
    sites = study.sites
    assert len(sites) >= 10 and sites[["lat", "lon", "uncertainty_km", "distance_km"]].notna().all().all()
    assert (sites["uncertainty_km"] >= 5).all()  # a county or a city point is not a factory
    assert (sites["distance_min_km"] <= sites["distance_km"]).all()
    assert (sites["distance_km"] <= sites["distance_max_km"]).all()
    sinpo = sites[sites["place"] == "Sinpo"].iloc[0]
    assert sinpo["nearest_facility"] == "sinpo" and sinpo["distance_km"] < 10
    messages = study.appearances[study.appearances["activity"] == "message"]
    assert len(messages) >= 10 and messages["places"].map(len).eq(0).all()


def test_timeline_and_map_show_visits_and_launches_together(study: SiteVisitStudy) -> None:
    tl = visits_timeline(study.visits_book, study.launches)
    layers = {(t.meta or {}).get("layer") for t in tl.data}
    assert "launches" in layers and len(tl.data) > 2
    assert tl.layout.meta["n_events"] == len(study.visits)
    mp = visits_map(study.visits_book, study.launches, since="2024-01-01")
    launch = [t for t in mp.data if (t.meta or {}).get("layer") == "launches"]
    assert launch and {"samsok-test", "chunghwa"} <= {c[0] for c in launch[0].customdata}
    assert mp.layout.meta["n_places"] == len(study.visits_book.places) >= 8
