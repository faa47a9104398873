"""Gazetteers: the built-in one, analyst tables, the nagix facility list, merging and matching."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.errors import GazetteerError
from workbook.extract.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    builtin_gazetteer,
    fold,
    fold_key,
    load_gazetteer,
    load_nagix_facilities,
    merge_gazetteers,
)

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def builtin() -> Gazetteer:
    return builtin_gazetteer()


def _surfaces(g: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entry.name) for m in g.find(text)]


def _entry(
    name: str,
    lat: float = 1.0,
    lon: float = 2.0,
    type_: str = "place",
    aliases: tuple[str, ...] = (),
    km: float = 5.0,
    source: str = "test",
) -> GazetteerEntry:
    return GazetteerEntry(name, type_, aliases, lat, lon, km, source)


# --- folding --------------------------------------------------------------------------------------


def test_fold_keeps_one_character_per_character() -> None:
    for text in ("Wŏnsan", "Namp’o", "İstanbul", "Straße", "North  Korea's", "", "U.S."):
        assert len(fold(text)) == len(text)
    assert fold("Wŏnsan") == "wonsan"
    assert fold_key("  North   Korea's ") == "north korea s"


# --- the built-in gazetteer -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "name", "lat", "lon"),
    [
        ("Seoul", "Seoul", 37.57, 126.98),
        ("Monterey", "Monterey", 36.60, -121.89),
        ("Singapore", "Singapore", 1.35, 103.8),
        ("Washington", "Washington", 38.90, -77.04),  # the capital, not the state
        ("Pyongyang", "Pyongyang", 39.04, 125.76),
        ("Sinpho", "Sinpo", 40.03, 128.18),
        ("Wonsan", "Wonsan", 39.15, 127.44),
    ],
)
def test_builtin_knows_cities_with_city_sized_uncertainty(
    builtin: Gazetteer, surface: str, name: str, lat: float, lon: float
) -> None:
    e = builtin.lookup(surface)
    assert e is not None and e.name == name and e.type == "place"
    assert abs(e.lat - lat) < 0.3 and abs(e.lon - lon) < 0.3
    assert 5 <= e.uncertainty_km <= 30
    assert e.coord_source == "gazetteer"


@pytest.mark.parametrize(
    ("surface", "name", "min_km"),
    [
        ("North Korea", "North Korea", 100),
        ("DPRK", "North Korea", 100),
        ("United States", "United States", 1000),
        ("US", "United States", 1000),
        ("California", "California", 200),
        ("North America", "North America", 1000),
        ("Georgia", "Georgia", 100),  # the country wins over the US state
    ],
)
def test_builtin_countries_states_continents_have_large_uncertainty(
    builtin: Gazetteer, surface: str, name: str, min_km: float
) -> None:
    e = builtin.lookup(surface)
    assert e is not None and e.name == name
    assert e.uncertainty_km >= min_km


def test_builtin_korean_sites_are_facilities(builtin: Gazetteer) -> None:
    for alias in ("Sohae", "Tongchang-ri", "Punggye-ri", "Yongbyon"):
        e = builtin.lookup(alias)
        assert e is not None and e.type == "facility", alias
    assert builtin.lookup("Sohae") == builtin.lookup("Tongchang-ri")


def test_builtin_leaves_out_common_words(builtin: Gazetteer) -> None:
    for word in ("Of", "Mobile", "Reading", "Split", "Nice", "Most", "Bar", "Kim", "David"):
        assert builtin.lookup(word) is None, word


def test_find_the_seed_places(builtin: Gazetteer) -> None:
    text = (
        "SEOUL • Two analysts based in the United States, with Washington's blessing, met in Monterey, "
        "California, and in Singapore; missiles capable of reaching North America."
    )
    assert [n for _, n in _surfaces(builtin, text)] == [
        "Seoul",
        "United States",
        "Washington",
        "Monterey",
        "California",
        "Singapore",
        "North America",
    ]


def test_find_longest_match_and_word_boundaries(builtin: Gazetteer) -> None:
    assert _surfaces(builtin, "North America") == [("North America", "North America")]
    assert _surfaces(builtin, "North Korean leaders and Koreans") == []  # no match inside a word
    assert _surfaces(builtin, "the Korean peninsula") == [("Korean peninsula", "Korean Peninsula")]


def test_find_needs_capitals_and_acronyms_in_capitals(builtin: Gazetteer) -> None:
    assert _surfaces(builtin, "reading about seoul") == []
    assert _surfaces(builtin, "give us a call. Us too") == []
    assert _surfaces(builtin, "US officials") == [("US", "United States")]
    assert _surfaces(builtin, "the U.S. said") == [("U.S.", "United States")]
    assert _surfaces(builtin, "N. Korea's test") == [("N. Korea", "North Korea")]


def test_find_skips_sentence_openers_that_are_city_names(builtin: Gazetteer) -> None:
    text = "Most analysts agree. Reading the report, Nice work. Split decisions. Of course. Mobile phones."
    assert _surfaces(builtin, text) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcSeoulNorthKreaUS.’' -\n")), max_size=80))
def test_find_offsets_are_valid_for_any_text(text: str) -> None:
    g = builtin_gazetteer()
    last_end = 0
    for m in g.find(text):
        assert 0 <= last_end <= m.start < m.end <= len(text)
        assert text[m.start].isupper() or text[m.start].isdigit()
        last_end = m.end


# --- analyst tables ---------------------------------------------------------------------------------


def test_load_csv_with_aliases_types_and_defaults(tmp_path: Path) -> None:
    p = tmp_path / "sites.csv"
    p.write_text(
        "# analyst sites\nname,lat,lon,type,aliases,uncertainty_km\n"
        "Factory 93,39.1,125.8,facility,F93;Plant 93,0.5\nHamhung West,39.9,127.5,,,\n",
        encoding="utf-8",
    )
    g = load_gazetteer(p)
    f93 = g.lookup("F93")
    assert f93 is not None and f93.name == "Factory 93" and f93.type == "facility" and f93.uncertainty_km == 0.5
    assert f93.coord_source == "analyst" and f93.source_name == "sites"
    west = g.lookup("Hamhung West")
    assert west is not None and west.type == "place" and west.uncertainty_km == 10.0


def test_load_json_list_and_mapping(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"places": [{"name": "Site A", "latitude": 1, "longitude": 2, "aliases": ["A1"]}]}))
    assert load_gazetteer(p).lookup("A1") is not None
    q = tmp_path / "b.json"
    q.write_text(json.dumps({"Site B": {"lat": 3, "lng": 4}}))
    b = load_gazetteer(q, name="mine").lookup("Site B")
    assert b is not None and (b.lat, b.lon, b.source_name) == (3.0, 4.0, "mine")


def test_load_names_missing_columns(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    p.write_text("place,latitude\nX,1\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"lacks the required column\(s\) \['lon'\]"):
        load_gazetteer(p)


def test_load_names_bad_rows(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    p.write_text("name,lat,lon\nGood,1,2\nNoLat,,2\nFar,95,2\n,1,1\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        load_gazetteer(p)
    msg = str(err.value)
    assert "3 bad row(s)" in msg and "row 2" in msg and "row 3" in msg and "row 4" in msg
    assert "latitude" in msg


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("x.xlsx", "", "unsupported file type"),
        ("empty.csv", "name,lat,lon\n", "holds no rows"),
        ("broken.json", "{not json", "not valid UTF-8 JSON"),
        ("scalar.json", "3", "expected a list of objects"),
    ],
)
def test_load_rejects_unreadable_tables(tmp_path: Path, name: str, content: str, match: str) -> None:
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=match):
        load_gazetteer(p)


def test_entry_validation_says_what_is_wrong() -> None:
    with pytest.raises(GazetteerError, match="latitude"):
        _entry("X", lat=91)
    with pytest.raises(GazetteerError, match="type 'city'"):
        _entry("X", type_="city")
    with pytest.raises(GazetteerError, match="uncertainty_km"):
        _entry("X", km=0)
    with pytest.raises(GazetteerError, match="name is empty"):
        _entry(" ")


# --- nagix facilities ---------------------------------------------------------------------------------


def test_load_nagix_facilities_from_a_small_file(tmp_path: Path) -> None:
    p = tmp_path / "facility.en.json"
    p.write_text(
        json.dumps(
            {
                "facilities": {
                    "sohae": {"name": "Sohae Satellite Launching Station", "lat": 39.66, "lon": 124.71},
                    "pyongyang": {"name": "Pyongyang International Airport", "lat": 39.2, "lon": 125.67},
                    "unknown": {"name": "Unknown", "lat": 39.2, "lon": 125.67},
                }
            }
        )
    )
    g = load_nagix_facilities(p)
    assert len(g) == 2
    sohae = g.lookup("Sohae")
    assert sohae is not None and sohae.type == "facility" and sohae.uncertainty_km == 1.0
    assert sohae.coord_source == "dataset"
    assert g.lookup("Pyongyang") is None  # the key would capture the city
    assert g.lookup("Unknown") is None


def test_load_nagix_rejects_other_shapes(tmp_path: Path) -> None:
    p = tmp_path / "f.json"
    p.write_text(json.dumps({"sites": []}))
    with pytest.raises(GazetteerError, match="no 'facilities' object"):
        load_nagix_facilities(p)
    p.write_text(json.dumps({"facilities": {"a": {"name": "A"}}}))
    with pytest.raises(GazetteerError, match="bad facilities"):
        load_nagix_facilities(p)


@pytest.mark.realdata
def test_load_nagix_facilities_real_file(shared_data: Path) -> None:
    g = load_nagix_facilities(shared_data / "nk-missile-tests_nagix" / "facility.en.json")
    assert len(g) == 55
    assert all(e.type == "facility" and e.coord_source == "dataset" for e in g)
    assert "Unknown" not in {e.name for e in g}
    merged = merge_gazetteers(builtin_gazetteer(), g)
    sohae = merged.lookup("Sohae")
    assert sohae is not None and sohae.coord_source == "dataset" and abs(sohae.lat - 39.6596) < 1e-6
    for town in ("Pyongyang", "Kusong", "Wonsan", "Kaesong"):  # towns stay towns
        e = merged.lookup(town)
        assert e is not None and e.type == "place", town
    text = "The Hwasong-15 was launched from Pyongsong; Sohae and the Kusong Testing Ground were quiet."
    assert [n for _, n in _surfaces(merged, text)] == [
        "Pyongsong",
        "Sohae Satellite Launching Station",
        "Kusong Testing Ground",
    ]


# --- merging ------------------------------------------------------------------------------------------


def test_merge_later_coordinates_win_and_aliases_pool() -> None:
    a = Gazetteer([_entry("Factory 93", 1, 1, aliases=("F93",))], name="a")
    b = Gazetteer([_entry("Factory 93", 2, 2, aliases=("Plant 93",))], name="b")
    m = merge_gazetteers(a, b)
    e = m.lookup("F93")
    assert e is not None and (e.lat, e.lon) == (2.0, 2.0)
    assert set(e.aliases) == {"F93", "Plant 93"}
    assert m.name == "a+b" and len(m) == 1


def test_names_beat_aliases_and_places_beat_facilities() -> None:
    towns = Gazetteer([_entry("Kaesong", 37.97, 126.55)], name="towns")
    sites = Gazetteer(
        [
            _entry("Kaesong", 37.93, 126.58, type_="facility"),
            _entry("Big Site", 3, 3, type_="facility", aliases=("Kaesong Town",)),
        ],
        name="sites",
    )
    m = merge_gazetteers(towns, sites)
    e = m.lookup("Kaesong")
    assert e is not None and e.type == "place"
    alone = sites.lookup("Kaesong")
    assert alone is not None and alone.type == "facility"


def test_first_entry_wins_within_one_gazetteer() -> None:
    g = Gazetteer([_entry("Springfield", 1, 1), _entry("Springfield", 2, 2, aliases=("Spfd",))])
    e = g.lookup("Spfd")
    assert e is not None and (e.lat, e.aliases) == (1.0, ("Spfd",))
