"""Analyst watchlists: plain files the extractor uses to guarantee entities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbook import curation as cur
from workbook.curation.watchlist import Watchlist, WatchlistEntry
from workbook.errors import WatchlistError
from workbook.extract.base import DocumentInput, Extraction
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit

TEXT = (
    "Officials of Office 39 met Ri Pyong Chol at Sanum-dong on Monday. Mr Ri said the Hwasong-18 was ready. "
    "Kim Jong-un watched, KCNA said. Images of the Sohae Satellite Launching Station showed new work."
)
WATCH = Watchlist(
    (
        WatchlistEntry("Office 39", "organization", ("Bureau 39", "Room 39")),
        WatchlistEntry("Kim Jong Un", "person", ("Kim Jong-un", "Marshal Kim")),
        WatchlistEntry("Sanum-dong research centre", "facility", ("Sanum-dong",), 39.06, 125.77, 1.0, "Pyongyang"),
        WatchlistEntry("Ri Pyong Chol", "person", ("Ri Pyong-chol",)),
        WatchlistEntry("Sohae", "place", ()),
    )
)


def _extract(watchlist: Watchlist | None) -> Extraction:
    return DefaultExtractor(watchlist=watchlist).extract(DocumentInput("d1", TEXT))


def _by_name(ex: Extraction) -> dict[str, tuple[str, str]]:
    return {e.name: (e.type, e.origin) for e in ex.entities}


def test_watchlist_names_become_entities_with_their_type_and_coordinates() -> None:
    before, after = _extract(None), _extract(WATCH)
    assert "Office 39" not in _by_name(before), "the rules alone miss it"
    names = _by_name(after)
    assert names["Office 39"] == ("organization", "watchlist")
    assert names["Sanum-dong research centre"] == ("facility", "watchlist")
    assert names["Kim Jong Un"] == ("person", "watchlist")
    assert names["Ri Pyong Chol"] == ("person", "watchlist")
    assert "Officials of Office" not in names, "a watchlist name beats the rules' span over it"
    for m in after.mentions:
        surface = TEXT[m.start : m.end]
        key = {e.key: e.name for e in after.entities}[m.entity_key]
        if key == "Office 39":
            assert surface == "Office 39" and m.resolution == "exact"
        if key == "Sanum-dong research centre":
            assert surface == "Sanum-dong" and m.resolution == "alias"
    mr_ri = [m for m in after.mentions if TEXT[m.start : m.end] == "Mr Ri"]
    assert len(mr_ri) == 1 and mr_ri[0].entity_key == "person:ri pyong chol", "coreference follows the watchlist"
    place = {p.entity_key: p for p in after.places}["facility:sanum dong research centre"]
    assert (place.coord_source, place.lat, place.uncertainty_km, place.source_name) == (
        "analyst",
        39.06,
        1.0,
        "watchlist:watchlist",
    )
    assert "Sohae" not in names, "a longer name the rules found holds the watchlist name"
    claim = next(c for c in after.claims if c.speaker_as_written == "Mr Ri")
    assert claim.speaker_key == "person:ri pyong chol"
    keys = {e.key for e in after.entities}
    assert all(m.entity_key in keys for m in after.mentions)
    assert all(k in keys for c in after.claims for k in (*c.entity_keys, *([c.speaker_key] if c.speaker_key else [])))


def test_matching_is_case_accent_and_punctuation_blind_but_wants_capitals() -> None:
    wl = Watchlist((WatchlistEntry("Pyongyang", "place", ("P'yŏngyang",)), WatchlistEntry("KCNA", "organization")))
    assert [(m.start, m.end) for m in wl.find("In P’yŏngyang, KCNA said.")] == [(3, 13), (15, 19)]
    assert wl.find("the kcna said; pyongyang") == []


@pytest.mark.parametrize("suffix", [".csv", ".json", ".yaml"])
def test_watchlist_files_round_trip(tmp_path: Path, suffix: str) -> None:
    path = cur.write_watchlist(WATCH, tmp_path / f"w{suffix}")
    again = cur.load_watchlist(path)
    assert again.entries == WATCH.entries
    assert again.name == path.name


def test_a_csv_watchlist_with_synonyms_and_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text(
        "Name,Type,Aliases,lat,lon\nKOMID,org,Korea Mining; KMDTC,,\nKOMID,organisation,Komid,,\n"
        "Sohae,site,,39.66,124.705\n",
        encoding="utf-8",
    )
    wl = cur.load_watchlist(path)
    assert [(e.name, e.type, e.aliases) for e in wl.entries] == [
        ("KOMID", "organization", ("Korea Mining", "KMDTC", "Komid")),
        ("Sohae", "facility", ()),
    ]
    assert wl.entries[1].lat == 39.66 and wl.entries[1].uncertainty_km is None


def test_bad_rows_are_named(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text(
        "name,type,lat,lon\nA,person,,\nB,leader,,\n,person,,\nC,place,95,0\nD,place,1,\n", encoding="utf-8"
    )
    with pytest.raises(WatchlistError) as info:
        cur.load_watchlist(path)
    message = str(info.value)
    assert "4 bad row(s)" in message and "line 3" in message and "'leader'" in message and "line 5" in message
    with pytest.raises(WatchlistError, match="does not exist"):
        cur.load_watchlist(tmp_path / "nope.csv")
    (tmp_path / "x.json").write_text(json.dumps({"people": []}), encoding="utf-8")
    with pytest.raises(WatchlistError, match="list of entities"):
        cur.load_watchlist(tmp_path / "x.json")


def test_the_watchlist_goes_into_the_extractor_settings_only_when_given(tmp_path: Path) -> None:
    path = cur.write_watchlist(WATCH, tmp_path / "w.csv")
    plain = DefaultExtractor.from_options().settings()
    assert "watchlists" not in plain, "workspaces built without a watchlist keep their fingerprint"
    with_list = DefaultExtractor.from_options(watchlists=[path]).settings()
    assert with_list["watchlist_entries"] == len(WATCH)
    assert with_list["watchlists"][0]["path"] == "w.csv" and len(with_list["watchlists"][0]["sha256"]) == 64
