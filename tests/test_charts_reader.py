"""The document reader: escaped text, highlights by offsets (overlaps included), header, legend."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.book import Book
from workbook.charts.reader import document_reader_html
from workbook.errors import ChartError
from workbook.ids import doc_id, entity_id, sha256_text
from workbook.model import conform

pytestmark = pytest.mark.unit

ID_ATTRS = ("data-claim-id", "data-mention-id", "data-event-id")


class _Reader(HTMLParser):
    """Checks that the markup is well formed and records, for each character of the text, the ids of
    the highlights around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str]] = []
        self.text = ""
        self.covers: list[frozenset[str]] = []
        self.selected_ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        self.attrs += list(a.items())
        if "id" in a:
            self.selected_ids.append(a["id"])
        self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not any(a.get("class") == "wb-text" for _, a in self.stack):
            return
        ids = frozenset(a[k] for _, a in self.stack for k in ID_ATTRS if k in a)
        self.text += data
        self.covers += [ids] * len(data)


def _parse(html_text: str) -> _Reader:
    r = _Reader()
    r.feed(html_text)
    r.close()
    assert r.stack == [], "unclosed elements"
    return r


def _book(text: str, title: str, spans: list[tuple[str, int, int]], ent_name: str = "Entity") -> Book:
    """One document with mentions ('m') and claims ('c') at the given offsets, ids m0, c1, ..."""
    did = doc_id(sha256_text(text))
    eid = entity_id("person", ent_name)
    doc = {
        "doc_id": did,
        "title": title,
        "publisher": "<i>Pub</i>",
        "published": "2024-01-10",
        "source": "javascript:alert(2)",
        "sha256": sha256_text(text),
        "text": text,
        "n_chars": len(text),
        "format": "html",
    }
    ent = {
        "entity_id": eid,
        "name": ent_name,
        "type": "person",
        "aliases": [],
        "n_mentions": 1,
        "n_docs": 1,
        "origin": "rules",
    }
    ments, claims = [], []
    for i, (kind, s, e) in enumerate(spans):
        if kind == "m":
            ments.append(
                {
                    "mention_id": f"m{i}",
                    "doc_id": did,
                    "start": s,
                    "end": e,
                    "entity_id": eid,
                    "surface": text[s:e],
                    "sentence": 0,
                    "resolution": "exact",
                    "candidates": [],
                }
            )
        else:
            claims.append(
                {
                    "claim_id": f"c{i}",
                    "doc_id": did,
                    "start": s,
                    "end": e,
                    "text": text[s:e],
                    "sentence": 0,
                    "speaker_id": eid,
                    "speaker_text": ent_name,
                    "quote_kind": "direct",
                    "cue": "said",
                    "hedge": "may",
                    "confidence": "roughly even chance",
                    "entity_ids": [],
                }
            )
    return Book(
        documents=conform("documents", [doc]),
        entities=conform("entities", [ent]),
        mentions=conform("mentions", ments),
        claims=conform("claims", claims),
    )


def test_tiny_document_highlights(tiny_book: Book) -> None:
    did = tiny_book.documents["doc_id"][2]
    r = _parse(document_reader_html(tiny_book, did))
    text = tiny_book.documents["text"][2]
    assert r.text == text
    (claim_id,) = tiny_book.claims.loc[tiny_book.claims["doc_id"] == did, "claim_id"]
    ments = tiny_book.mentions[tiny_book.mentions["doc_id"] == did]
    for m in ments.itertuples():  # the mentions sit inside the claim
        assert all(r.covers[i] == {claim_id, m.mention_id} for i in range(m.start, m.end))
    assert r.covers[0] == {claim_id}
    out = document_reader_html(tiny_book, did)
    assert 'class="wb-mention wb-type-weapon-system"' in out and 'class="wb-claim wb-conf-likely"' in out
    assert out.count(f'data-claim-id="{claim_id}"') == 1  # nested, not split
    assert "<h3>Undated note</h3>" in out and "undated" in out
    legend = out[out.index('<div class="wb-legend">') : out.index('<div class="wb-text">')]
    assert ">place<" in legend and ">weapon system<" in legend and ">likely<" in legend


def test_crossing_spans_are_split_and_stay_well_formed() -> None:
    text = "abcdefghij"
    book = _book(text, "t", [("c", 2, 6), ("m", 4, 8), ("m", 0, 3)])
    out = document_reader_html(book, book.documents["doc_id"][0])
    r = _parse(out)
    assert r.text == text
    expected = [{"m2"}, {"m2"}, {"c0", "m2"}, {"c0"}, {"c0", "m1"}, {"c0", "m1"}, {"m1"}, {"m1"}, set(), set()]
    assert [set(c) for c in r.covers] == expected
    assert out.count('data-claim-id="c0"') == 2 and out.count('data-mention-id="m1"') == 2  # split where they cross


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n/é")), min_size=1, max_size=40),
    raw=st.lists(st.tuples(st.sampled_from(["m", "c"]), st.integers(0, 39), st.integers(1, 12)), max_size=8),
)
def test_any_spans_keep_text_and_coverage(text: str, raw: list[tuple[str, int, int]]) -> None:
    spans = [(k, min(s, len(text) - 1), min(min(s, len(text) - 1) + n, len(text))) for k, s, n in raw]
    book = _book(text, "t", spans)
    r = _parse(document_reader_html(book, book.documents["doc_id"][0]))
    assert r.text == text
    for i in range(len(text)):
        want = {f"{k}{j}" for j, (k, s, e) in enumerate(spans) if s <= i < e}
        assert set(r.covers[i]) == want


def test_hostile_markup_is_only_ever_escaped() -> None:
    text = (
        'Intro <script>alert(1)</script> then <b>bold</b> and <a href="javascript:alert(1)">click</a> '
        "<img src=x onerror=alert(1)> &amp; done"
    )
    title = "<script>alert('t')</script><b>Title</b> <a href=\"javascript:void(0)\">x</a>"
    s = text.index("<script>")
    book = _book(text, title, [("m", s, s + 20), ("c", 0, len(text) - 5)], ent_name="<img src=y onerror=alert(3)>")
    out = document_reader_html(book, book.documents["doc_id"][0], selected="c1")
    for raw in ("<script", "<b>", "<a ", "<img", "<i>", "</b>"):
        assert raw not in out
    assert "&lt;script&gt;alert(1)&lt;/sc" in out and "&lt;b&gt;bold&lt;/b&gt;" in out  # the mention ends in </script>
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;" in out
    assert "&amp;amp;" in out  # an entity in the text is shown as written
    assert "<h3>&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;&lt;b&gt;Title&lt;/b&gt;" in out
    r = _parse(out)
    assert r.text == text
    assert r.tags <= {"div", "header", "h3", "span", "style"}
    names = {k for k, _ in r.attrs}
    assert names <= {"class", "id", "title"} | {k for k in names if k.startswith("data-")}
    assert not any(v.lower().startswith("javascript:") for k, v in r.attrs if k in ("href", "src", "action"))
    assert ("title", "<img src=y onerror=alert(3)> (person)") in r.attrs  # escaped in the attribute, safe


def test_selected_and_highlight_switches(tiny_book: Book) -> None:
    did = tiny_book.documents["doc_id"][0]
    claim_id = tiny_book.claims.loc[tiny_book.claims["doc_id"] == did, "claim_id"].iloc[0]
    event_id = tiny_book.events.loc[tiny_book.events["doc_id"] == did, "event_id"].iloc[0]
    out = document_reader_html(tiny_book, did, selected=[claim_id, event_id], highlight_mentions=False)
    r = _parse(out)
    body = out.split('<div class="wb-text">')[1]
    assert "wb-mention" not in body
    assert sorted(r.selected_ids) == sorted([f"wb-sel-{claim_id}", f"wb-sel-{event_id}"])
    ev = tiny_book.events.set_index("event_id").loc[event_id]
    assert all(event_id in r.covers[i] for i in range(ev["start"], ev["end"]))
    assert body.count("wb-selected") == 2
    plain = document_reader_html(tiny_book, did, highlight_mentions=False, highlight_claims=False, include_style=False)
    assert "<style>" not in plain and "<span" not in plain and _parse(plain).text == tiny_book.documents["text"][0]


def test_unknown_document_raises(tiny_book: Book) -> None:
    with pytest.raises(ChartError, match="dnope"):
        document_reader_html(tiny_book, "dnope")


def test_offsets_outside_the_text_are_clipped(tiny_book: Book) -> None:
    did = tiny_book.documents["doc_id"][2]
    ments = tiny_book.mentions.copy()
    ments.loc[ments["doc_id"] == did, "end"] = 10_000
    r = _parse(document_reader_html(tiny_book.with_tables(mentions=ments), did))
    assert r.text == tiny_book.documents["text"][2]
    assert pd.Series([len(c) for c in r.covers]).max() >= 2
