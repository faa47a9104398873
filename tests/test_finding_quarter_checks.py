"""The faster scans of :mod:`workbook.extract.claim_findings` and :mod:`workbook.extract.date_year_parts`
skip nothing the scans they replace find: ``_CHECK`` from its data nouns finds what ``finditer`` finds, and
every text a quarter is found in passes the quarter's pre-check; on made-up texts and random texts of the
patterns' own words (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import claim_findings, date_year_parts
from workbook.extract.shared_scans import literal_matches

_TEXTS = (
    "Figures published by the Home Office show that crime fell. Data from the office showed that sales rose.",
    "The metadata from the census and the estimates released by Statistics Norway in the third quarter.",
    "Profits rose in the first-quarter; Q3 sales fell at the headquarters of Tamsford Ltd in the 2nd\tquarter.",
)
_PIECES = ["Figures", "figures", "data", "Data", "metadata", "numbers", "Estimates", "statistics", "published"]
_PIECES += ["released", "from", "by", "the", " ", " ", "\t", "\n", "-", "quarter", "headquarters", "first"]
_PIECES += ["Third", "4th", "Q", "Q2", "3", "of", "2024", "fiscal", ","]
_RANDOM = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


def _may_hold_quarter(text: str) -> bool:
    return bool(date_year_parts._QUARTER_CHECK.search(text) or re.search(r"Q[1-4]", text))


def _same(text: str) -> None:
    found = literal_matches(claim_findings._CHECK, text, claim_findings._NOUN_WORDS)
    assert [m.span() for m in found] == [m.span() for m in claim_findings._CHECK.finditer(text)]
    if date_year_parts._QUARTER.search(text):
        assert _may_hold_quarter(text)


def test_made_up_texts() -> None:
    for text in _TEXTS:
        _same(text)
    assert [m.group() for m in literal_matches(claim_findings._CHECK, _TEXTS[0], claim_findings._NOUN_WORDS)] == [
        "Figures published ",
        "Data from ",
    ]
    assert _may_hold_quarter(_TEXTS[2]) and not _may_hold_quarter("at the party headquarters in the capital")


@settings(max_examples=300, deadline=None)
@given(_RANDOM)
def test_random_texts(text: str) -> None:
    _same(text)
