"""The site-visit rules and analysis on hand-written KCNA-style text (the real archive is in
test_site_visits_realdata.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from workbook.book import Book
from workbook.casestudy.analysis import launch_events, nearest_facilities, visit_sites, visits, visits_before_launches
from workbook.casestudy.appearances import LEADER_TOPIC, extract_appearance, extract_appearances, unglue
from workbook.casestudy.evaluation import score_appearances
from workbook.casestudy.places import (
    PYONGYANG_LANDMARKS,
    PlaceHit,
    find_landmarks,
    landmark_gazetteer,
    reconcile,
)
from workbook.casestudy.rules import (
    classify_activity,
    find_kcna_dates,
    find_weapon_systems,
    headline_activity,
    nagix_missile_key,
    weapon_key,
)
from workbook.casestudy.views import visits_before_launch_widget, visits_book
from workbook.errors import WorkbookError
from workbook.extract.gazetteer import Gazetteer, GazetteerEntry, merge_gazetteers
from workbook.ids import doc_id, sha256_text
from workbook.model import conform
from workbook.tables.adapters import kst_date
from workbook.tables.admin import aspiration_variants, haversine_km

pytestmark = pytest.mark.unit
HEAD = "Respected Comrade Kim Jong Un "


def _gazetteer() -> Gazetteer:
    def e(
        name: str,
        aliases: tuple[str, ...],
        lat: float,
        lon: float,
        km: float,
        admin: str,
        type_: str = "place",
        source: str = "test",
    ) -> GazetteerEntry:
        return GazetteerEntry(name, type_, aliases, lat, lon, km, source, admin)

    base = Gazetteer(
        [
            e("Pyongyang", (), 39.03, 125.75, 15.0, "Pyongyang, North Korea"),
            e("Sinpo", ("Sinpho",), 40.03, 128.18, 8.0, "South Hamgyong, North Korea"),
            e("South Hamgyong", ("South Hamgyong Province",), 40.2, 127.6, 120.0, "North Korea"),
            e("North Phyongan", ("North Phyongan Province",), 40.1, 125.0, 90.0, "North Korea"),
            e("Russia", ("Russian Federation",), 55.0, 60.0, 2000.0, "Russia"),
            e("Mount Paektu", ("Paektusan",), 41.99, 128.08, 10.0, "Ryanggang, North Korea"),
            e("Sinpo Shipyard", ("Sinpo",), 40.0368, 128.1839, 1.0, "North Korea", "facility", "nagix"),
        ]
    )
    admin = Gazetteer(
        [
            e("Uiju", ("Uiju County",), 40.2, 124.63, 17.7, "North Pyongan, North Korea"),
            e("North Pyongan", ("North Phyongan",), 40.09, 125.24, 88.2, "North Korea"),
        ]
    )
    gaz = merge_gazetteers(base, reconcile(base, admin))
    city = gaz.lookup("Pyongyang")
    assert city is not None
    return merge_gazetteers(gaz, landmark_gazetteer(city))


# --- rules ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headline", "lead", "activity"),
    [
        (HEAD + "Inspects Flood-hit Areas", "Kim Jong Un visited the flood-hit areas", "inspection"),
        (HEAD + "Inspects Factories", "Kim Jong Un gave field guidance on August 24", "on-site guidance"),
        (HEAD + "Visits Construction Site", "Kim Jong Un gave field guidance at the site", "on-site guidance"),
        (HEAD + "Oversees Test-fire of 240mm MRLS", "Kim Jong Un oversaw a test-fire", "test observation"),
        (HEAD + "Guides Shipbuilding", "Kim Jong Un guided the shipbuilding on the spot", "on-site guidance"),
        (HEAD + "Guides Consultative Meeting for Regional Development", "convened and guided a meeting", "meeting"),
        (HEAD + "Receives Message of Sympathy from Russian President", "received a message", "message"),
        (HEAD + "Sends Wreath to Friendship Tower", "sent a wreath", "message"),
        (HEAD + "Makes Speech at Ceremony", "attended the ceremony and made a speech", "speech"),
        (
            "DPRK Missile Administration Makes Public Achievements",
            "Kim Jong Un guided the test-fires.",
            "test observation",
        ),
        (HEAD + "Takes Important Measures", "Kim Jong Un visited the flood-hit area again", "visit"),
        ("Performance Given to Celebrate Victory", "Kim Jong Un appeared at the venue", "ceremony"),
        ("Some Essay", "nothing to see", None),
    ],
)
def test_activity(headline: str, lead: str, activity: str | None) -> None:
    assert classify_activity(headline, lead) == activity


def test_headline_without_activity() -> None:
    assert headline_activity("Flood Victims in North Phyongan Arrive in Pyongyang") is None


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        ("On July 15,Kim Jong Un visited", date(2024, 7, 16), [("2024-07-15", "2024-07-15")]),
        ("On August 4Kim Jong Un attended", date(2024, 8, 5), [("2024-08-04", "2024-08-04")]),
        ("General Secretary Kim Jong Unon August 31 convened", date(2024, 9, 2), [("2024-08-31", "2024-08-31")]),
        ("visited the April 25 Hostel on August 16 to learn", date(2024, 8, 17), [("2024-08-16", "2024-08-16")]),
        ("gave field guidance on August 24 and 25 at", date(2024, 8, 26), [("2024-08-24", "2024-08-25")]),
        ("was held in Sinuiju from July 29 to 30 to take", date(2024, 7, 31), [("2024-07-29", "2024-07-30")]),
        ("on the morning of October 31.", date(2024, 11, 1), [("2024-10-31", "2024-10-31")]),
        ("conducted test-fires on Wednesday.", date(2024, 9, 19), [("2024-09-18", "2024-09-18")]),
        ("was conducted on Thursday morning.", date(2024, 10, 31), [("2024-10-31", "2024-10-31")]),
        ("at the site on Oct. 21.", date(2024, 10, 22), [("2024-10-21", "2024-10-21")]),
        ("inspected it on December 30.", date(2025, 1, 2), [("2024-12-30", "2024-12-30")]),
        ("celebrating July 27, the day of victory", date(2024, 7, 28), []),
        ("Sundays and holidays", date(2024, 7, 28), []),
        ("met them on the national day, September 9, and", date(2024, 9, 10), [("2024-09-09", "2024-09-09")]),
        ("on the Day of the Sun, April 15.", date(2024, 4, 16), [("2024-04-15", "2024-04-15")]),
        ("on the other side of the river, July 27 Street", date(2024, 7, 28), []),
    ],
)
def test_kcna_dates(text: str, published: date, days: list[tuple[str, str]]) -> None:
    hits = list(find_kcna_dates(text, published))
    assert [(f"{h.first}", f"{h.last}") for h in hits] == days
    for h in hits:
        assert text[h.start : h.end].split()[-1].rstrip(".") in text


def test_weapon_systems() -> None:
    text = (
        "the latest-type ICBM Hwasongpho-19, along with Hwasongpho-18; the tactical ballistic missile "
        "Hwasongpho-11-Da-4.5 and a strategic cruise missile; a new-type 600mm multiple rocket launcher and "
        "the 240 mm MRLS; suicide drones, a nuclear torpedo; the tactical nuke; 7.62 mm sniper rifles"
    )
    names = [n for _, _, n in find_weapon_systems(text)]
    assert names == [
        "ICBM",
        "Hwasong-19",
        "Hwasong-18",
        "tactical ballistic missile",
        "Hwasong-11-Da-4.5",
        "cruise missile",
        "600mm MRL",
        "240mm MRL",
        "drone",
        "nuclear torpedo",
    ]
    assert nagix_missile_key("Hwasong-11-Da-4.5") == "hwasong-11-da-45"
    assert nagix_missile_key("600mm MRL") == "kn-25" and nagix_missile_key("drone") is None
    assert weapon_key("Hwasongpho-19") == weapon_key("Hwasong-19")


def test_unglue_and_aspiration() -> None:
    assert unglue("The respected ComradeKim Jong Ungave it") == "The respected Comrade Kim Jong Un gave it"
    assert aspiration_variants("Sinpho City") == ["Sinpo City"]
    assert aspiration_variants("Pyongsong") == ["Phyongsong"]
    assert "North Phyongan" in aspiration_variants("North Pyongan")


# --- one article ---------------------------------------------------------------------------------------


ARTICLE = (
    "Pyongyang, July 16 (KCNA) -- The programme of the Party continues to give birth to strategies.\n"
    "On July 15,Kim Jong Un, general secretary of the Workers' Party of Korea, visited the Phungo-dong area in "
    "Sinpho, South Hamgyong Province, and looked round the site of an offshore farm to be built.\n"
    "He convened a meeting of officials of the Paektusan Hero Youth Shock Brigade and of the Russian Federation.\n"
    "He said that the ICBM Hwasongpho-19 is the pride of the country. -0-"
)


def test_one_article() -> None:
    a = extract_appearance(
        "d1", ARTICLE, HEAD + "Gives On-site Guidance over Sinpho City Offshore Farm", date(2024, 7, 16), _gazetteer()
    )
    assert a.activity == "on-site guidance"
    assert (a.date_start, a.date_end, a.date_stated) == (date(2024, 7, 15), date(2024, 7, 15), True)
    assert ARTICLE[a.date_span[0] : a.date_span[1]] == "July 15"
    # the dateline's Pyongyang, the province holding Sinpho, the brigade's name and Russia are not sites
    assert [p.entry.name for p in a.places] == ["Sinpo"]
    assert all(ARTICLE[p.start : p.end] == p.surface for p in a.places if p.start >= 0)
    assert [w for _, _, w in a.weapons] == ["ICBM", "Hwasong-19"]
    assert a.site == "Sinpho City Offshore Farm"


def test_undated_articles_and_messages() -> None:
    text = "Pyongyang, September 8 (KCNA) --Kim Jong Un inspected a defence industrial enterprise in Uiju County."
    a = extract_appearance("d2", text, HEAD + "Inspects Defence Industrial Enterprise", date(2024, 9, 8), _gazetteer())
    assert (a.date_start, a.date_end, a.date_best, a.date_stated) == (
        date(2024, 9, 6),
        date(2024, 9, 8),
        date(2024, 9, 7),
        False,
    )
    assert text[a.date_span[0] : a.date_span[1]] == "September 8" and a.notes
    assert [p.entry.name for p in a.places] == ["Uiju"]
    msg = (
        "Pyongyang, October 26 (KCNA) --Kim Jong Un sent a wreath to the Friendship Tower. Ri Il Hwan laid "
        "the wreath bearing the name of Kim Jong Un on Friday."
    )
    m = extract_appearance("d3", msg, HEAD + "Sends Wreath to Friendship Tower", date(2024, 10, 26), _gazetteer())
    assert m.activity == "message" and m.places == () and not m.date_stated
    tower = extract_appearance(
        "d4",
        msg.replace("sent a wreath to", "visited"),
        HEAD + "Visits Friendship Tower",
        date(2024, 10, 26),
        _gazetteer(),
    )
    assert [p.entry.name for p in tower.places] == ["Friendship Tower"]
    assert tower.places[0].entry.source_name.startswith("workbook:pyongyang-landmarks")
    assert {n for n, _ in PYONGYANG_LANDMARKS} >= {"Friendship Tower", "Liberation Tower"}


def test_received_message_is_dated_by_its_delivery() -> None:
    text = (
        "Pyongyang, March 4 (KCNA) --Kim Jong Un received a letter from the president of Laos.\n"
        "The letter was delivered to the Foreign Ministry on the afternoon of March 2."
    )
    m = extract_appearance("m1", text, HEAD + "Receives Letter from Lao President", date(2024, 3, 4), _gazetteer())
    assert m.activity == "message" and m.date_stated and (m.date_start, m.date_end) == (date(2024, 3, 2),) * 2
    assert m.places == ()
    # the dateline is read by the extractor's parse_dateline, also with the dash glued to the name
    assert text[m.lead_span[0] : m.lead_span[0] + 3] == "Kim"


def test_places_of_speeches_venues_and_events() -> None:
    speech = (
        "Pyongyang, May 10 (KCNA) --The following is the full text of Kim Jong Un's speech: Dear comrades, "
        "Many thanks to you all. The harvest was good this year. We will build new houses soon. Officials "
        "of the state are here in North Phyongan Province to help."
    )
    a = extract_appearance("s1", speech, HEAD + "Makes Speech before Farmers", date(2024, 5, 10), _gazetteer())
    assert a.activity == "speech" and [p.entry.name for p in a.places] == ["North Phyongan"]
    venue = (
        "Pyongyang, May 3 (KCNA) --A ceremony for the builders was held on May 2.\nKim Jong Un attended "
        "the ceremony.\nThe plaza of the April 25 House of Culture was crowded with the builders from "
        "Uiju County."
    )
    v = extract_appearance("v1", venue, "Ceremony for Builders Held", date(2024, 5, 3), _gazetteer())
    assert v.activity == "ceremony" and [p.entry.name for p in v.places] == ["April 25 House of Culture", "Uiju"]
    meeting = "Pyongyang, May 5 (KCNA) --Kim Jong Un met the builders.\nThey thanked him for the meeting in Pyongyang."
    m = extract_appearance("e1", meeting, HEAD + "Meets Builders", date(2024, 5, 5), _gazetteer())
    assert [p.entry.name for p in m.places] == ["Pyongyang"]


def test_a_landmark_placed_at_its_city_keeps_the_city() -> None:
    text = (
        "Pyongyang, June 2 (KCNA) --A performance took place in Pyongyang on June 1.\nKim Jong Un watched it at "
        "the April 25 House of Culture."
    )
    a = extract_appearance("l1", text, HEAD + "Watches Performance", date(2024, 6, 2), _gazetteer())
    assert {p.entry.name for p in a.places} == {"Pyongyang", "April 25 House of Culture"}
    one = extract_appearance(
        "l2", text.replace("Pyongyang on", "Sinpho on"), HEAD + "Watches Performance", date(2024, 6, 2), _gazetteer()
    )
    assert "South Hamgyong" not in {p.entry.name for p in one.places}  # a precise place still prunes its province


def test_the_visited_thing_is_where_an_earlier_sentence_put_it() -> None:
    text = (
        "Pyongyang, June 5 (KCNA) --The builders moved to Sinpho and settled in the new dormitories.\n"
        "Kim Jong Un visited the new dormitories to see their life."
    )
    a = extract_appearance("t1", text, HEAD + "Visits Dormitories", date(2024, 6, 5), _gazetteer())
    assert [p.entry.name for p in a.places] == ["Sinpo"]
    other = extract_appearance(
        "t2",
        text.replace("visited the new dormitories", "visited the old school"),
        HEAD + "Visits School",
        date(2024, 6, 5),
        _gazetteer(),
    )
    assert other.places == ()  # an earlier place of something else is not where he went


def test_unlisted_landmarks_are_placed_at_their_town() -> None:
    text = "Pyongyang, June 9 (KCNA) --Kim Jong Un visited the Monument to the Heroic Builders of the Dam on June 8."
    a = extract_appearance("k1", text, HEAD + "Visits Monument", date(2024, 6, 9), _gazetteer())
    city = _gazetteer().lookup("Pyongyang")
    assert [p.entry.name for p in a.places] == ["Monument to the Heroic Builders of the Dam"]
    assert city is not None and a.places[0].entry.lat == city.lat  # the town the report is filed from
    assert a.places[0].entry.uncertainty_km == city.uncertainty_km
    assert all(text[p.start : p.end] == p.surface for p in a.places)
    # a known place says where already; a landmark in its town is placed there
    named = extract_appearance(
        "k2",
        text.replace(" on June 8", " in Sinpho on June 8"),
        HEAD + "Visits Monument",
        date(2024, 6, 9),
        _gazetteer(),
    )
    assert [p.entry.name for p in named.places] == ["Sinpo"]
    hall_text = "He went to the Sinpho Fishermen's Hall."
    sinpo = PlaceHit(15, 21, "Sinpho", named.places[0].entry)
    hall = find_landmarks(hall_text, [(0, len(hall_text))], [sinpo], city)
    assert [h.surface for h in hall] == ["Sinpho Fishermen's Hall"] and hall[0].entry.lat == sinpo.entry.lat
    dated = find_landmarks("He laid a wreath at the Friendship Tower on July 26.", [(0, 52)], [], city)
    assert [h.surface for h in dated] == ["Friendship Tower"]
    plain = extract_appearance(
        "k3",
        text.replace("the Monument to the Heroic Builders of the Dam", "the new dam"),
        HEAD + "Visits Dam",
        date(2024, 6, 9),
        _gazetteer(),
    )
    assert plain.places == ()


def test_reconcile_pools_spellings_of_one_place() -> None:
    gaz = _gazetteer()
    north = gaz.lookup("North Pyongan")
    assert north is not None and north.name == "North Phyongan" and north.uncertainty_km == 88.2


# --- a small Book, its analysis and scores -------------------------------------------------------------


def _book(articles: list[tuple[str, str, str]]) -> Book:
    docs = []
    for i, (title, published, text) in enumerate(articles):
        sha = sha256_text(text)
        docs.append(
            {
                "doc_id": doc_id(sha),
                "title": title,
                "publisher": "KCNA",
                "published": published,
                "source": f"archive.json#{100 + i}",
                "sha256": sha,
                "text": text,
                "n_chars": len(text),
                "language": "en",
                "format": "json",
                "section": f"Top News; {LEADER_TOPIC}",
                "url": f"http://kcna/{i}",
            }
        )
    docs.append({**docs[0], "doc_id": "dother", "section": "Top News", "text": "other", "sha256": "x"})
    return Book(documents=conform("documents", docs))


ARTICLES = [
    (
        HEAD + "Oversees Test-fire of New-type 600mm Multiple Rocket Launcher",
        "2024-09-13",
        "Pyongyang, September 13 (KCNA) --Kim Jong Un oversaw the test-fire of a new-type 600mm multiple rocket "
        "launcher.",
    ),
    (HEAD + "Gives Field Guidance over Sinpho City Offshore Farm", "2024-07-16", ARTICLE),
    (
        HEAD + "Sends Reply Message to Syrian President",
        "2024-07-18",
        "Pyongyang, July 18 (KCNA) --Kim Jong Un sent a reply message to the Syrian president on July 16.",
    ),
]


def _launches() -> pd.DataFrame:
    times = ["2024-09-11 22:10", "2024-09-11 22:12", "2024-07-20 01:00"]
    utc = pd.Series(pd.to_datetime(times)).astype("datetime64[s]")
    kst, exact = kst_date(utc, utc.dt.floor("D"))
    return pd.DataFrame(
        {
            "launch_id": ["a", "b", "c"],
            "date_kst": kst,
            "date_kst_exact": exact,
            "datetime_utc": utc,
            "missile": ["kn-25", "kn-25", "hwasong-18"],
            "missile_name": ["KN-25", "KN-25", "Hwasong-18"],
            "missile_type": ["SRBM", "SRBM", "ICBM"],
            "facility": ["chunghwa", "chunghwa", "sinpo"],
            "facility_name": ["Chunghwa", "Chunghwa", "Sinpo Shipyard"],
            "lat": [38.875, 38.875, 40.0368],
            "lon": [125.926, 125.926, 128.1839],
        }
    )


def test_book_to_visits_and_launches() -> None:
    book = _book(ARTICLES)
    tables = extract_appearances(book, _gazetteer())
    a = tables.appearances
    assert len(a) == 3 and a["archive_index"].tolist() == [101, 102, 100]  # sorted by date
    assert a["activity"].tolist() == ["on-site guidance", "message", "test observation"]
    assert a.loc[2, "nagix_missiles"] == ["kn-25"] and not a.loc[2, "date_stated"]
    vis = visits(tables)
    assert vis["activity"].tolist() == ["on-site guidance", "test observation"] and (vis["n_articles"] == 1).all()
    events = launch_events(_launches())
    assert len(events) == 2 and events.loc[events["facility"] == "chunghwa", "n_missiles"].item() == 2
    assert f"{events.loc[events['facility'] == 'chunghwa', 'date_kst'].item():%Y-%m-%d}" == "2024-09-12"
    sites = nearest_facilities(
        visit_sites(tables),
        pd.DataFrame(
            {
                "facility": ["sinpo", "chunghwa"],
                "name": ["Sinpo Shipyard", "Chunghwa"],
                "lat": [40.0368, 38.875],
                "lon": [128.1839, 125.926],
                "uncertainty_km": [1.0, 1.0],
            }
        ),
    )
    assert sites["place"].tolist() == ["Sinpo"] and sites["nearest_facility"].tolist() == ["sinpo"]
    d = float(haversine_km(40.03, 128.18, 40.0368, 128.1839))
    assert sites["distance_km"].item() == round(d, 1) and sites["distance_min_km"].item() == 0.0
    assert sites["distance_max_km"].item() == round(d + 9.0, 1)

    same_day = visits_before_launches(vis, events, 0, sites)
    assert same_day[["activity", "facility_name", "lag_days_min", "lag_days_max", "same_weapon"]].values.tolist() == [
        ["test observation", "Chunghwa", 0, 1, True]
    ]  # the undated visit may be 09-11..09-13, the launch 09-12 KST
    week = visits_before_launches(vis, events, 7, sites)
    assert len(week) == 2
    farm = week[week["activity"] == "on-site guidance"].iloc[0]
    assert (farm["lag_days_min"], farm["lag_days_max"], farm["facility_name"]) == (5, 5, "Sinpo Shipyard")
    assert farm["distance_km"] == round(d, 1)
    assert visits_before_launches(vis, events, 4, sites)["activity"].tolist() == ["test observation"]
    for bad in (-1, 3651, 2.5, True):
        with pytest.raises(WorkbookError, match="n_days"):
            visits_before_launches(vis, events, bad, sites)  # type: ignore[arg-type]

    vbook = visits_book(book, tables)
    assert len(vbook.events) == 2 and set(vbook.events["kind"]) == {"on-site guidance", "test observation"}
    text = vbook.documents.set_index("doc_id")["text"]
    for row in vbook.events.itertuples():
        assert text[row.doc_id][row.start : row.end] == row.text
    for row in vbook.mentions.itertuples():
        assert text[row.doc_id][row.start : row.end] == row.surface
    assert set(vbook.entities["type"]) == {"place", "weapon_system"} and len(vbook.places) == 1

    box = visits_before_launch_widget(vis, events, sites, value=7, max_days=30)
    assert len(box.result()) == 2 and "2 visit(s) within 7 day(s)" in box.children[1].value
    box.slider.value = 0
    assert len(box.result()) == 1 and "Chunghwa" in box.children[2].value
    box.slider.value = 2
    assert box.result()["activity"].tolist() == ["test observation"]


def test_scores_count_dates_places_activities_weapons() -> None:
    book = _book(ARTICLES)
    tables = extract_appearances(book, _gazetteer())
    expected = pd.DataFrame(
        [
            {
                "index": 101,
                "link": "http://kcna/1",
                "activity": "on-site guidance",
                "dates": ["2024-07-15"],
                "places": ["Sinpho"],
                "weapons": ["Hwasong-19", "ICBM"],
            },
            {
                "index": 100,
                "link": "http://kcna/0",
                "activity": "test observation",
                "dates": [],
                "places": [],
                "weapons": ["600mm MRL"],
            },
            {
                "index": 102,
                "link": "http://kcna/2",
                "activity": "meeting",
                "dates": ["2024-07-16"],
                "places": ["Pyongyang"],
                "weapons": [],
            },
            {
                "index": 999,
                "link": "http://kcna/none",
                "activity": "visit",
                "dates": ["2024-07-01"],
                "places": [],
                "weapons": [],
            },
        ]
    )
    scores, details = score_appearances(tables.appearances, expected, _gazetteer())
    s = scores.set_index("field")
    assert s.loc["dates", ["tp", "fp", "fn"]].tolist() == [2, 0, 1]
    assert s.loc["places", ["tp", "fp", "fn"]].tolist() == [1, 0, 1]
    assert s.loc["activities", ["tp", "fp", "fn"]].tolist() == [2, 1, 2]
    assert s.loc["weapons", ["tp", "fp", "fn"]].tolist() == [3, 0, 0]
    assert s.loc["dates", "precision"] == 1.0 and s.loc["dates", "recall"] == pytest.approx(2 / 3)
    assert not details[details["index"] == 999]["found"].any()


def test_expectation_file_shape() -> None:
    import json

    data = json.loads((Path(__file__).parent / "data" / "site_visits_expected.json").read_text(encoding="utf-8"))
    arts = data["articles"]
    assert len(arts) >= 15 and len({a["index"] for a in arts}) == len(arts)
    for a in arts:
        assert set(a) >= {
            "index",
            "link",
            "published",
            "activity",
            "date_stated",
            "dates",
            "places",
            "weapons",
            "split",
        }
        assert a["date_stated"] == bool(a["dates"]) and a["split"] in {"development", "held-out", "held-out-2"}
        assert all(date.fromisoformat(d) <= date.fromisoformat(a["published"]) for d in a["dates"])
        assert "story_text" not in a and "headline" not in a  # our annotation, not a copy of the data
