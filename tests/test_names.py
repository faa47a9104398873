"""workbook.names: one fold, one name normaliser, one romanisation key, one weapon family list; and the
one reader of the nagix facility file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbook import ids, names
from workbook.casestudy import rules
from workbook.curation import suggestions
from workbook.errors import GazetteerError
from workbook.extract import gazetteer, vocabulary, weapons
from workbook.extract.nagix import NAGIX_UNCERTAINTY_KM, is_placeholder, read_nagix_facilities
from workbook.filtering import query
from workbook.tables import admin, linking


@pytest.mark.parametrize("text", ["Sinp’o-ri, P'yŏngyang!", "Straße ﬁne", "plain ASCII-text's", "Ōsaka — 大阪"])
def test_fold_keeps_offsets(text: str) -> None:
    folded = names.fold(text)
    assert len(folded) == len(text)
    assert folded == folded.lower()


def test_fold_key_collapses_spaces_and_drops_accents() -> None:
    assert names.fold_key("  P'yŏngyang  City ") == "p yongyang city"
    assert names.fold_key("Sinp’o") == "sinp o"


def test_normalise_name_is_the_id_form_and_apostrophes_are_an_option() -> None:
    assert names.normalise_name("Ri Pyong'chol") == "ri pyong chol"  # as every entity id so far
    assert names.normalise_name("Ri Pyong'chol", "drop") == "ri pyongchol"
    assert names.normalise_name("  KIM  Jong-un ") == "kim jong un"
    assert names.normalise_name("Straße") == "strasse"  # casefold, not lower
    assert names.normalise_name("Sariwŏn") == names.normalise_name("Sariwon")


def test_name_key_drops_leading_words_but_keeps_one() -> None:
    assert names.name_key("Mr Kim Jong-un", {"mr"}) == "kim jong un"
    assert names.name_key("Mr", {"mr"}) == "mr"
    assert names.name_key("O'Brien") == "obrien"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Sinpho City", "sinpo"),
        ("North Phyongan Province", "north pyongan"),
        ("Hwasongpho-19", "hwasong 19"),
        ("Tongchang-ri", "tongchang ri"),
    ],
)
def test_romanisation_key_default_keeps_words(name: str, key: str) -> None:
    assert names.romanisation_key(name) == key


def test_romanisation_key_loose_joins_and_folds_surnames() -> None:
    key = names.romanisation_key("Kim Jong-un", loose=True)
    assert key == names.romanisation_key("Gim Jeong Eun", loose=True) == names.romanisation_key("Kim Jong Un", True)
    assert " " not in key
    assert names.romanisation_key("Lee Yong Ho", loose=True) == names.romanisation_key("Ri Yong Ho", loose=True)
    # the default keeps the village apart from the county; loose keys are for merge candidates only
    assert names.romanisation_key("Tongchang-ri") != names.romanisation_key("Tongchang County")


def test_aspiration_and_romanisation_variants() -> None:
    assert names.unaspirate("Sinpho") == "Sinpo" and names.unaspirate("North Phyongan") == "North Pyongan"
    assert names.unaspirate("Kim Jong Un") == "Kim Jong Un"
    assert names.aspiration_variants("Pyongsong") == ["Phyongsong"]
    assert names.aspiration_variants("Sinpho City") == ["Sinpo City"]
    assert names.romanisation_variants("Sinp’o") == ["Sinpho", "Sinpo"]
    assert "Sariwon" in names.romanisation_variants("Sariwŏn-si")
    assert names.romanisation_variants("Uiju") == []  # nothing to vary; a short stem is not made


def test_weapon_key_folds_family_spellings() -> None:
    assert names.weapon_key("Hwasongpho-11-Da-4.5") == "hwasong11da45"
    assert names.weapon_key("Pukkuksong-3") == names.weapon_key("Pukguksong 3")
    assert names.weapon_key("Hwasong-19") != names.weapon_key("Hwasong-18")


def test_every_module_reads_the_one_declaration() -> None:
    assert ids.normalise_name is names.normalise_name
    assert gazetteer.fold is names.fold and gazetteer.fold_key is names.fold_key
    assert linking.romanisation_key is names.romanisation_key
    assert query.romanisation_key is names.romanisation_key
    assert rules.weapon_key is names.weapon_key
    assert admin.aspiration_variants is names.aspiration_variants
    assert vocabulary.ROMANISATION_SUFFIXES is names.ROMANISATION_SUFFIXES
    assert weapons.WEAPON_FAMILY_ORIGINS is names.WEAPON_FAMILY_ORIGINS
    assert weapons.NORTH_KOREAN_FAMILIES is names.NORTH_KOREAN_FAMILIES
    # curation's keys are the names module's with the extractor's titles dropped first
    assert suggestions.name_key("Marshal Kim Jong-un") == "kim jong un"
    assert suggestions.romanisation_key("Comrade Choi Son Hui") == names.romanisation_key("Choe Son Hui", loose=True)


def test_the_case_study_reads_every_north_korean_family() -> None:
    for fam in names.NORTH_KOREAN_FAMILIES:
        found = rules.find_weapon_systems(f"He watched the {fam}-7 fly.")
        assert len(found) == 1, fam


def _facility_file(tmp_path: Path, facilities: dict[str, object]) -> Path:
    p = tmp_path / "facility.en.json"
    p.write_text(json.dumps({"facilities": facilities}), encoding="utf-8")
    return p


def test_nagix_reader_skips_the_placeholder_unless_asked(tmp_path: Path) -> None:
    p = _facility_file(
        tmp_path,
        {
            "sohae": {"name": "Sohae Satellite Launching Station", "lat": 39.66, "lon": 124.71},
            "unknown": {"name": "Unknown", "lat": 39.2, "lon": 125.67},
        },
    )
    records = read_nagix_facilities(p)
    assert [f.key for f in records] == ["sohae"]
    assert records[0].uncertainty_km == NAGIX_UNCERTAINTY_KM == 1.0
    assert [f.key for f in read_nagix_facilities(p, include_placeholder=True)] == ["sohae", "unknown"]
    assert is_placeholder(" unknown ") and not is_placeholder("Sohae")
    # the gazetteer and the table read the same records
    assert {e.name for e in gazetteer.load_nagix_facilities(p)} == {"Sohae Satellite Launching Station"}


def test_nagix_reader_names_bad_facilities(tmp_path: Path) -> None:
    p = _facility_file(tmp_path, {"x": {"name": "X", "lat": 120.0, "lon": 1.0}, "y": {"lat": 1.0, "lon": 1.0}})
    with pytest.raises(GazetteerError, match=r"bad facilities.*'x'.*'y'"):
        read_nagix_facilities(p)


@pytest.mark.realdata
def test_nagix_tables_read_the_same_facilities(shared_data: Path) -> None:
    from workbook.tables.adapters import load_nagix_facilities_table, load_nagix_launches

    folder = shared_data / "nk-missile-tests_nagix"
    records = read_nagix_facilities(folder / "facility.en.json")
    table = load_nagix_facilities_table(folder)
    assert table["facility"].tolist() == [f.key for f in records]
    assert (table["uncertainty_km"] == NAGIX_UNCERTAINTY_KM).all()
    launches = load_nagix_launches(folder)
    unknown = launches[launches["facility_name"].map(is_placeholder)]
    assert len(unknown) >= 1 and unknown[["lat", "lon"]].isna().all().all()  # not drawn at a made-up point
    assert launches.loc[~launches.index.isin(unknown.index), "lat"].notna().all()
