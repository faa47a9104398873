"""Datelines: parse_dateline on several styles, no mentions inside one, document columns in the build."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from workbook.extract.base import DocumentInput
from workbook.extract.dateline import Dateline, parse_dateline
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "place", "source", "date_text", "surface"),
    [
        ("Pyongyang, May 26 (KCNA) -- The respected", "Pyongyang", "KCNA", "May 26", "Pyongyang, May 26 (KCNA) --"),
        ("WASHINGTON, May 3 (Reuters) - The U.S.", "Washington", "Reuters", "May 3", "WASHINGTON, May 3 (Reuters) -"),
        ("SEOUL, South Korea (AP) — North Korea", "Seoul, South Korea", "AP", None, "SEOUL, South Korea (AP) —"),
        ("BEIJING, Jan. 5 (Xinhua) -- China", "Beijing", "Xinhua", "Jan. 5", "BEIJING, Jan. 5 (Xinhua) --"),
        ("WASHINGTON — The Pentagon", "Washington", None, None, "WASHINGTON —"),
        ("NEW YORK (AP) — A man", "New York", "AP", None, "NEW YORK (AP) —"),
        ("Paris, 3 March (AFP) - France", "Paris", "AFP", "3 March", "Paris, 3 March (AFP) -"),
        ("  Seoul, May 3, 2024 (Yonhap) -- x", "Seoul", "Yonhap", "May 3, 2024", "Seoul, May 3, 2024 (Yonhap) --"),
        ("WASHINGTON, D.C. — The", "Washington, D.C.", None, None, "WASHINGTON, D.C. —"),
        ("WASHINGTON—The Pentagon", "Washington", None, None, "WASHINGTON—"),
        ("TEHRAN (AFP) -", "Tehran", "AFP", None, "TEHRAN (AFP) -"),
        ("Moscow, March 3 — Russia said", "Moscow", None, "March 3", "Moscow, March 3 —"),
        # the news agencies' state abbreviations (issue 12: "Ky" of this dateline was a person)
        ("FORT CAMPBELL, Ky. -- Soldiers of", "Fort Campbell, Ky.", None, None, "FORT CAMPBELL, Ky. --"),
        ("CAMP PENDLETON, Calif. — Marines", "Camp Pendleton, Calif.", None, None, "CAMP PENDLETON, Calif. —"),
        ("CHARLESTON, W.Va. — The plant", "Charleston, W.Va.", None, None, "CHARLESTON, W.Va. —"),
        ("NORFOLK, Va. (AP) — The destroyer", "Norfolk, Va.", "AP", None, "NORFOLK, Va. (AP) —"),
    ],
)
def test_dateline_styles(text: str, place: str, source: str | None, date_text: str | None, surface: str) -> None:
    d = parse_dateline(text)
    assert isinstance(d, Dateline)
    assert (d.place, d.source, d.date_text, text[d.start : d.end]) == (place, source, date_text, surface)


@pytest.mark.parametrize(
    "text",
    [
        "Paris, the capital, is the largest city.",
        "Washington - the city - is busy.",
        "The KCNA (Korean Central News Agency) said on Monday",
        "Kim Jong Un inspected a factory.",
        "U.S. President Joe Biden - the",
        "In May (2018) - nothing",
        "",
        "The report said: Pyongyang, May 26 (KCNA) -- quoted later",
        "PS - we also have more cats coming in for re-homing",
        "PS -- There is a happy hour tonight",
        "BEST DENTIST EVER -",
        "OK - fine.",
        "Paris, Ky. is small - yes",
        "Jackson, Miss. — hi",
    ],
)
def test_no_dateline(text: str) -> None:
    assert parse_dateline(text) is None


def test_a_long_run_is_fast() -> None:
    import time

    t0 = time.perf_counter()
    for text in ("A" * 100_000, "Aa " * 50_000, "Pyongyang, " * 20_000):
        parse_dateline(text)
    assert time.perf_counter() - t0 < 1.0


def test_no_mentions_inside_the_dateline() -> None:
    text = (
        "Pyongyang, May 26 (KCNA) -- Kim Jong Un inspected the Sinpho City Offshore Farm on May 25.\n"
        "He was accompanied by Jo Yong Won."
    )
    ex = DefaultExtractor().extract(DocumentInput("d1", text, "t", date(2024, 5, 26)))
    d = parse_dateline(text)
    assert d is not None
    assert ex.mentions and all(m.start >= d.end for m in ex.mentions)
    keys = {m.entity_key for m in ex.mentions}
    assert all(e.key in keys for e in ex.entities)
    assert not any(e.name in ("KCNA", "Pyongyang") for e in ex.entities)
    # the dateline's date is the publication date: kept as a publication event, not a happening
    pub = [v for v in ex.events if v.start < d.end]
    assert [v.kind for v in pub] == ["publication"]
    assert any(v.kind != "publication" and v.date_start == date(2024, 5, 25) for v in ex.events)


def test_a_text_without_dateline_is_untouched() -> None:
    text = "Paris, the capital of France, hosted Emmanuel Macron and Olaf Scholz on Monday."
    ex = DefaultExtractor().extract(DocumentInput("d1", text, "t", date(2024, 5, 26)))
    assert any(text[m.start : m.end] == "Paris" for m in ex.mentions)


def test_build_fills_dateline_columns(tmp_path: Path) -> None:
    from workbook.build import build
    from workbook.workspace import read_book

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Pyongyang, May 26 (KCNA) -- Kim Jong Un visited a farm.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Paris, the capital, hosted talks.\n", encoding="utf-8")
    ws = tmp_path / "ws"
    build([corpus], ws)
    docs = read_book(ws).documents.set_index("source")
    assert docs.loc["a.txt", "dateline_place"] == "Pyongyang"
    assert docs.loc["a.txt", "dateline_source"] == "KCNA"
    assert docs["dateline_place"].isna()["b.txt"] and docs["dateline_source"].isna()["b.txt"]


def test_a_dateline_date_is_a_publication_event() -> None:
    from workbook.extract.events import extract_events
    from workbook.extract.sentences import split_sentences

    text = "Moscow, March 3 — Russia said it launched a rocket on March 1."
    events = extract_events(text, split_sentences(text), date(2024, 3, 3))
    assert [(e.kind, text[e.start : e.end]) for e in events] == [("publication", "March 3"), ("launch", "March 1")]


@pytest.mark.parametrize(
    ("text", "place", "source", "surface"),
    [  # round nineteen: a dateline on the line after a headline (and a byline), in many beats
        ("Storm Batters Coast\nLONDON (Reuters) - Strong winds hit", "London", "Reuters", "LONDON (Reuters) -"),
        (
            "Local Team Wins Cup\nBy Sarah Jones\nMANCHESTER, England — United won",
            "Manchester, England",
            None,
            "MANCHESTER, England —",
        ),
        (
            "Judge Jails Fraudster\n\nNEWCASTLE, Australia, May 2 (AAP) - A judge",
            "Newcastle, Australia",
            "AAP",
            "NEWCASTLE, Australia, May 2 (AAP) -",
        ),
        ("Shares Slide On Rate Fears\nFRANKFURT — European shares fell", "Frankfurt", None, "FRANKFURT —"),
        ("Probe Lands On Asteroid\nPASADENA, Calif. — NASA said", "Pasadena, Calif.", None, "PASADENA, Calif. —"),
        (
            "Navy Orders New Frigates\nBy Tom Reed, Defence Correspondent\nPORTSMOUTH, England (PA) - The Royal Navy",
            "Portsmouth, England",
            "PA",
            "PORTSMOUTH, England (PA) -",
        ),
    ],
)
def test_a_dateline_after_a_headline_line(text: str, place: str, source: str | None, surface: str) -> None:
    d = parse_dateline(text)
    assert d is not None
    assert (d.place, d.source, text[d.start : d.end]) == (place, source, surface)


@pytest.mark.parametrize(
    "text",
    [
        "Minutes of the parish council\nNOTE - The next meeting is on Monday.",
        "Match report\nUPDATE - The game was postponed.",
        "The court sat on Monday.\nLONDON — The judge spoke.",  # a sentence, not a headline
        "Results,\nPARIS (AFP) - late",  # the line ends as a clause does
        "Headline\nOne\nTwo\nLONDON — three lines before it are no headline",
        "x\nLONDON — too short a line to be a headline",
    ],
)
def test_no_dateline_after_a_line_that_is_no_headline(text: str) -> None:
    assert parse_dateline(text) is None


def test_no_mentions_inside_a_dateline_after_a_headline() -> None:
    text = "Flood Warning For Valleys\nCARLISLE, England (PA) - The Environment Agency warned residents of Keswick."
    ex = DefaultExtractor().extract(DocumentInput("d1", text, "t", date(2024, 5, 26)))
    names = {text[m.start : m.end] for m in ex.mentions}
    assert "CARLISLE" not in names and "PA" not in names and "England" not in names
    assert {"Environment Agency", "Keswick"} <= names
