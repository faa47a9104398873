"""The explorer's speaker list counted per distinct (speaker id, speaker text) pair gives what counting
claim by claim gives: resolved speakers by id, the others by their words with spaces normalised."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook.book import Book
from workbook.explore.state import count_choices, speaker_choices
from workbook.model import conform

pytestmark = pytest.mark.unit

SPEAKERS = [  # (speaker_id, speaker_text)
    ("e1", "Kim Jong Un"),
    ("e1", "he"),
    ("e2", "Ms Lee"),
    (None, "a  spokesman\n"),
    (None, "a spokesman"),
    (None, None),
    (None, "  "),
    (None, "Zed"),
    (None, "zed"),
    ("e2", None),
    (None, "an official"),
]


def _book(pairs: list[tuple[str | None, str | None]]) -> Book:
    rows = [
        {
            "claim_id": f"c{i}",
            "doc_id": "d1",
            "start": i,
            "end": i + 1,
            "text": "x",
            "sentence": 0,
            "speaker_id": sid,
            "speaker_text": text,
            "quote_kind": "direct",
            "confidence": "likely",
        }
        for i, (sid, text) in enumerate(pairs)
    ]
    return Book(claims=conform("claims", rows))


def _claim_by_claim(book: Book, labels: dict[str, str]) -> list[tuple[str, str]]:
    """The per-claim reference (the code before counting by pairs)."""
    sid = book.claims["speaker_id"].astype(object)
    text = (
        book.claims["speaker_text"]
        .astype(object)
        .map(lambda v: " ".join(str(v).split()) if isinstance(v, str) else None)
    )
    shown = {**{str(t): f"“{t}”" for t in text.dropna().unique()}, **labels}
    return count_choices(sid.where(sid.notna(), text), shown)


@pytest.mark.parametrize("repeat", [1, 3])
def test_speaker_choices_count_pairs_as_claims_would(repeat: int) -> None:
    book = _book(SPEAKERS * repeat)
    labels = {"e1": "Kim Jong Un", "e2": "Lee Sol"}
    got = speaker_choices(book, labels)
    assert got == _claim_by_claim(book, labels)
    assert (f"Kim Jong Un ({2 * repeat})", "e1") in got and (f"Lee Sol ({2 * repeat})", "e2") in got
    assert (f"“a spokesman” ({2 * repeat})", "a spokesman") in got  # spaces normalised: one speaker


def test_speaker_choices_of_a_book_without_claims() -> None:
    assert speaker_choices(Book(claims=conform("claims", pd.DataFrame())), {}) == []
