"""Shared fixtures: paths to the seeds and ../shared/data, and a small hand-made Book."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbook.book import Book
from workbook.extract.pipeline import DefaultExtractor
from workbook.ids import doc_id, entity_id, sha256_text, span_id
from workbook.model import conform

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED_DATA = REPO.parent / "shared" / "data"


def present_labels(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with each categorical column holding only the categories its rows use: two tables with the
    same rows compare equal whether they were filtered from a whole Book (a ``labels`` column keeps the
    Book's categories) or read as a slice (DuckDB: only the values present)."""
    cats = [c for c in df.columns if isinstance(df[c].dtype, pd.CategoricalDtype)]
    return df.assign(**{c: df[c].cat.remove_unused_categories() for c in cats}) if cats else df


@pytest.fixture
def shared_data() -> Path:
    """../shared/data beside the checkout, or skip the test with the reason."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data not available: {SHARED_DATA} is absent (it sits beside the clone in CI)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def extractor() -> DefaultExtractor:
    """The default extractor (rules, the built-in gazetteer and the learned entity stage), made once for
    the session: it holds no state between documents. A module that needs another (parametrised) one
    defines its own fixture of this name."""
    return DefaultExtractor()


@pytest.fixture(scope="session")
def rules_only() -> DefaultExtractor:
    """The default extractor without the learned entity stage: what the rules alone find."""
    return DefaultExtractor(entity_model=None)


def _span(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return i, i + len(surface)


def make_tiny_book() -> Book:
    """Three short documents with entities, mentions, claims, events and places, built by hand
    so that tests of filters and charts know every expected answer."""
    texts = [
        (
            "Kim Jong Un inspects missile factory",
            "KCNA",
            "2024-01-10",
            'Kim Jong Un visited the Sinpho shipyard on Monday. "The missile may fly far," said Jeffrey Lewis.',
        ),
        (
            "Analysts locate plants",
            "The Straits Times",
            "2019-01-19",
            "Jeffrey Lewis said the plants are likely linked to missiles. Kim Jong Un met Donald Trump in June 2018.",
        ),
        (
            "Undated note",
            None,
            None,
            "The factory near Pyongyang is believed to make Hwasong-15 parts.",
        ),
    ]
    docs, ents, ments, claims, events = [], {}, [], [], []

    def ent(name: str, type_: str) -> str:
        eid = entity_id(type_, name)
        ents.setdefault(eid, {"entity_id": eid, "name": name, "type": type_, "aliases": [], "origin": "rules"})
        return eid

    def mention(did: str, text: str, surface: str, eid: str, nth: int = 0, sentence: int = 0) -> None:
        s, e = _span(text, surface, nth)
        ments.append(
            {
                "mention_id": span_id("m", did, s, e),
                "doc_id": did,
                "start": s,
                "end": e,
                "entity_id": eid,
                "surface": surface,
                "sentence": sentence,
                "resolution": "exact",
                "candidates": [],
            }
        )

    for title, pub, published, text in texts:
        sha = sha256_text(text)
        did = doc_id(sha)
        docs.append(
            {
                "doc_id": did,
                "title": title,
                "publisher": pub,
                "published": published,
                "source": f"{did}.txt",
                "sha256": sha,
                "text": text,
                "n_chars": len(text),
                "language": "en",
                "format": "txt",
            }
        )
    d0, d1, d2 = (d["doc_id"] for d in docs)
    t0, t1, t2 = (d["text"] for d in docs)
    kim, lewis, trump = ent("Kim Jong Un", "person"), ent("Jeffrey Lewis", "person"), ent("Donald Trump", "person")
    sinpho, pyongyang = ent("Sinpho", "place"), ent("Pyongyang", "place")
    hw15 = ent("Hwasong-15", "weapon_system")
    mention(d0, t0, "Kim Jong Un", kim)
    mention(d0, t0, "Sinpho", sinpho)
    mention(d0, t0, "Jeffrey Lewis", lewis, sentence=1)
    mention(d1, t1, "Jeffrey Lewis", lewis)
    mention(d1, t1, "Kim Jong Un", kim, sentence=1)
    mention(d1, t1, "Donald Trump", trump, sentence=1)
    mention(d2, t2, "Pyongyang", pyongyang)
    mention(d2, t2, "Hwasong-15", hw15)

    def claim(
        did: str,
        text: str,
        surface: str,
        kind: str,
        speaker: str | None,
        hedge: str | None,
        band: str,
        eids: list[str],
        sentence: int = 0,
    ) -> None:
        s, e = _span(text, surface)
        claims.append(
            {
                "claim_id": span_id("c", did, s, e),
                "doc_id": did,
                "start": s,
                "end": e,
                "text": surface,
                "sentence": sentence,
                "speaker_id": speaker,
                "speaker_text": "Jeffrey Lewis" if speaker else None,
                "quote_kind": kind,
                "cue": "said" if speaker else None,
                "hedge": hedge,
                "confidence": band,
                "entity_ids": eids,
            }
        )

    claim(d0, t0, "The missile may fly far,", "direct", lewis, "may", "roughly even chance", [], sentence=1)
    claim(d1, t1, "the plants are likely linked to missiles", "indirect", lewis, "likely", "likely", [])
    claim(
        d2,
        t2,
        "The factory near Pyongyang is believed to make Hwasong-15 parts.",
        "unattributed",
        None,
        "believed",
        "likely",
        [pyongyang, hw15],
    )

    def event(
        did: str,
        text: str,
        surface: str,
        ds: str,
        de: str,
        precision: str,
        resolution: str,
        anchor: str | None,
        eids: list[str],
        sentence: int = 0,
    ) -> None:
        s, e = _span(text, surface)
        events.append(
            {
                "event_id": span_id("v", did, s, e),
                "doc_id": did,
                "start": s,
                "end": e,
                "text": surface,
                "sentence": sentence,
                "context": text,
                "date_start": ds,
                "date_end": de,
                "precision": precision,
                "resolution": resolution,
                "anchor": anchor,
                "kind": None,
                "entity_ids": eids,
            }
        )

    event(d0, t0, "on Monday", "2024-01-08", "2024-01-08", "day", "relative", "2024-01-10", [kim, sinpho])
    event(d1, t1, "June 2018", "2018-06-01", "2018-06-30", "month", "absolute", None, [kim, trump], sentence=1)

    ment_df = pd.DataFrame(ments)
    counts = ment_df.groupby("entity_id").agg(n_mentions=("mention_id", "size"), n_docs=("doc_id", "nunique"))
    ent_rows = [{**e, **counts.loc[eid].to_dict()} for eid, e in ents.items()]
    places = [
        {
            "entity_id": sinpho,
            "lat": 40.03,
            "lon": 128.18,
            "uncertainty_km": 10.0,
            "coord_source": "gazetteer",
            "source_name": "test",
            "admin_area": "South Hamgyong",
        },
        {
            "entity_id": pyongyang,
            "lat": 39.03,
            "lon": 125.75,
            "uncertainty_km": 15.0,
            "coord_source": "gazetteer",
            "source_name": "test",
            "admin_area": "Pyongyang",
        },
    ]
    return Book(
        documents=conform("documents", docs),
        entities=conform("entities", ent_rows),
        mentions=conform("mentions", ments),
        claims=conform("claims", claims),
        events=conform("events", events),
        places=conform("places", places),
    )


@pytest.fixture
def tiny_book() -> Book:
    return make_tiny_book()


def make_launches() -> pd.DataFrame:
    """Three launches shaped like workbook.tables.adapters.load_nagix_launches (the columns the layer reads)."""
    from workbook.tables.adapters import kst_date

    utc = pd.to_datetime(pd.Series(["2024-01-07 22:10", "2018-06-10 03:00", None]))
    day_utc = pd.to_datetime(["2024-01-07", "2018-06-10", "2024-01-20"])
    kst, exact = kst_date(pd.Series(utc).astype("datetime64[s]"), pd.Series(day_utc).astype("datetime64[s]"))
    return pd.DataFrame(
        {
            "launch_id": ["n1", "n2", "n3"],
            "date_kst": kst,
            "date_kst_exact": exact,
            "datetime_utc": pd.Series(utc).astype("datetime64[s]"),
            "facility": ["sinpo", "sohae", "kusong"],
            "facility_name": ["Sinpo", "Sohae", "Kusong <b>"],
            "lat": [40.04, 39.66, 40.01],
            "lon": [128.18, 124.71, 125.22],
            "missile_name": ["Pukguksong-3", "Unha", "Hwasong-12"],
        }
    )
