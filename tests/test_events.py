"""Events: one per date expression, with sentence, context, entities and a guessed kind."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS
from workbook.extract.base import EventRecord
from workbook.extract.events import EVENT_KINDS, extract_events, guess_kind
from workbook.extract.sentences import Sentence, split_sentences

pytestmark = pytest.mark.unit

ANCHOR = date(2019, 1, 19)
SEED = SEEDS / "000_835897a5739e6757.txt"


def events(
    text: str, anchor: date | None = ANCHOR, mentions: tuple[tuple[int, int, str], ...] = ()
) -> list[EventRecord]:
    return extract_events(text, split_sentences(text), anchor, mentions)


def span(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return i, i + len(surface)


def kind_of(text: str, surface: str) -> str | None:
    found = [e for e in events(text) if text[e.start : e.end] == surface]
    assert len(found) == 1, [text[e.start : e.end] for e in events(text)]
    return found[0].kind


def test_the_seed_end_to_end() -> None:
    text = SEED.read_text(encoding="utf-8")
    people = {"Mr Jeffrey Lewis": "lewis", "Mr Trump": "trump", "Singapore": "singapore", "Mr Kim": "kim"}
    mentions = tuple(
        (s, e, key)
        for surface, key in people.items()
        for n in range(text.count(surface))
        for s, e in [span(text, surface, n)]
    )
    found = {text[e.start : e.end]: e for e in events(text, ANCHOR, mentions)}
    assert set(found) == {"Thursday", "2011", "2017", "last June", "January 19, 2019"}
    june = found["last June"]
    assert (june.date_start, june.date_end, june.precision, june.resolution, june.anchor) == (
        date(2018, 6, 1),
        date(2018, 6, 30),
        "month",
        "relative",
        ANCHOR,
    )
    assert june.kind == "meeting"
    assert june.context.startswith("At his meeting with Mr Trump last June in Singapore, Mr Kim vowed")
    assert june.entity_keys == ("trump", "singapore", "kim")  # text order, each once
    thursday = found["Thursday"]
    assert (thursday.date_start, thursday.date_end, thursday.precision, thursday.resolution) == (
        date(2019, 1, 17),
        date(2019, 1, 17),
        "day",
        "relative",
    )
    assert thursday.kind == "statement"  # "said in a report published on Thursday"
    assert thursday.entity_keys == ("lewis",)
    assert found["2017"].kind == "launch"  # "test flights ... in 2017"
    assert found["2011"].kind is None  # "Since he took power in 2011": no cue in its clause
    assert found["2011"].sentence == found["2017"].sentence
    assert found["2011"].entity_keys == ("kim",)
    footer = found["January 19, 2019"]
    assert (footer.date_start, footer.precision, footer.resolution, footer.anchor) == (
        date(2019, 1, 19),
        "day",
        "absolute",
        None,
    )
    assert footer.kind == "publication"
    sentences = split_sentences(text)
    for e in found.values():
        s = sentences[e.sentence]
        assert s.start <= e.start < e.end <= s.end
        assert e.context == text[s.start : s.end]


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("Pompeo met Kim Yong Chol on Thursday in New York.", "Thursday", "meeting"),
        ("The summit in Hanoi ended last month.", "last month", "meeting"),
        ("On Thursday, Pompeo met Kim in New York.", "Thursday", "meeting"),  # the next clause
        ("Yesterday, North Korea fired two missiles.", "Yesterday", "launch"),
        ("North Korea launched a Hwasong-15 in November 2017.", "November 2017", "launch"),
        ("A nuclear test was conducted in 2017.", "2017", "launch"),
        ("Kim Jong Un inspected the Sinpho shipyard on Monday.", "Monday", "visit"),
        ("He gave on-site guidance at a farm last week.", "last week", "visit"),
        ("The allies staged joint military exercises in March.", "March", "exercise"),
        ("The ministry said on Friday that talks were over.", "Friday", "statement"),
        ("Mr Lewis said in a report published on Thursday.", "Thursday", "statement"),
        ("The KCNA commentary of June 2018 was harsh.", "June 2018", "statement"),
        ("Pyongyang, December 24 (KCNA) -- Japan continues.", "December 24", "publication"),
        (
            "A version of this article appeared in the print edition on January 19, 2019.",
            "January 19, 2019",
            "publication",
        ),
        ("Friday, July 21, 2017\n\nA group of students arrived.", "Friday, July 21, 2017", "publication"),
        ("The factory was built in 1995.", "1995", None),
        ("Since he took power in 2011, Mr Kim has accelerated tests.", "2011", None),
    ],
)
def test_kinds_follow_the_vocabulary(text: str, surface: str, kind: str | None) -> None:
    assert kind_of(text, surface) == kind


def test_the_nearest_cue_wins_and_ties_go_to_the_kind_listed_first() -> None:
    assert kind_of("Officials said the leaders met last June.", "last June") == "meeting"  # "met" is nearer
    assert kind_of("He said on Monday talks resumed.", "Monday") == "meeting"  # "talks" 1 char away, "said" 4
    text = "talks Monday said"  # one char either side: meeting is listed before statement
    s, e = span(text, "Monday")
    assert guess_kind(text, s, e, 0, len(text)) == "meeting"
    assert guess_kind(text.replace("talks", "tests"), s, e, 0, len(text)) == "launch"


def test_cues_in_other_clauses_do_not_count() -> None:
    assert kind_of("The summit, he said, was last June.", "last June") is None


def test_a_cue_inside_the_expression_does_not_count() -> None:
    text = "He visited in mid-2017."
    assert kind_of(text, "mid-2017") == "visit"
    assert guess_kind("2017", 0, 4, 0, 4) == "publication"  # alone on its line: a dateline


def test_entities_are_those_of_the_same_sentence_only() -> None:
    text = "Kim visited Sinpho on Monday. Trump met Moon on Tuesday with Kim."
    mentions = (
        (*span(text, "Kim"), "kim"),
        (*span(text, "Sinpho"), "sinpho"),
        (*span(text, "Trump"), "trump"),
        (*span(text, "Moon"), "moon"),
        (*span(text, "Kim", 1), "kim"),
    )
    found = events(text, date(2019, 1, 19), mentions[::-1])  # order of the input does not matter
    assert [(text[e.start : e.end], e.sentence, e.entity_keys) for e in found] == [
        ("Monday", 0, ("kim", "sinpho")),
        ("Tuesday", 1, ("trump", "moon", "kim")),
    ]
    assert [e.kind for e in found] == ["visit", "meeting"]
    assert found[0].context == "Kim visited Sinpho on Monday."


def test_without_an_anchor_relative_events_are_unanchored() -> None:
    found = events("Kim visited Sinpho on Monday, in June 2018.", None)
    assert [(e.resolution, e.date_start, e.anchor) for e in found] == [
        ("unanchored", None, None),
        ("absolute", date(2018, 6, 1), None),
    ]


def test_without_sentences_the_whole_text_is_the_context() -> None:
    text = "Kim met Trump last June"
    (e,) = extract_events(text, [], ANCHOR, ((0, 3, "kim"),))
    assert (e.sentence, e.context, e.entity_keys, e.kind) == (0, text, ("kim",), "meeting")


def test_no_dates_no_events() -> None:
    assert events("No date here at all.") == []
    assert extract_events("", [], None) == []


_WORDS = st.sampled_from(
    [
        "Kim",
        "met",
        "on",
        "Thursday",
        "June",
        "2018",
        "in",
        "last",
        "said",
        ",",
        ".",
        "\n",
        "(KCNA)",
        "--",
        "-",
        "12",
        "visited",
        "the",
        "Juche 113",
        "Pyongyang,",
        "fired",
        "Today",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=40).map(" ".join)),
    anchor=st.one_of(st.none(), st.dates()),
)
def test_events_keep_their_invariants_on_any_text(text: str, anchor: date | None) -> None:
    sentences = split_sentences(text)
    mentions = tuple((i, i + 1, f"k{i}") for i in range(0, len(text), 7))
    for e in extract_events(text, sentences, anchor, mentions):
        assert 0 <= e.start < e.end <= len(text)
        assert e.kind is None or e.kind in EVENT_KINDS
        assert e.context
        if sentences:
            s: Sentence = sentences[e.sentence]
            assert s.start <= e.start
            assert e.context.startswith(text[s.start : s.end])
        assert len(set(e.entity_keys)) == len(e.entity_keys)


@pytest.mark.realdata
def test_kcna_events(shared_data: Path) -> None:
    rows = json.loads((shared_data / "kcna-archive_stiles" / "headlines_2024-11-11.json").read_text("utf-8"))
    n = n_pub = 0
    for r in rows[:400]:
        text = r.get("story_text") or ""
        anchor = datetime.fromtimestamp(r["date"] / 1000, UTC).date()
        sentences = split_sentences(text)
        for e in extract_events(text, sentences, anchor):
            n += 1
            n_pub += e.kind == "publication"
            s = sentences[e.sentence]
            assert s.start <= e.start < e.end and text[s.start : s.end] in e.context
    assert n > 500
    assert n_pub > 300  # every "Pyongyang, <date> (KCNA)" dateline
