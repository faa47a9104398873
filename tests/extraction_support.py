"""Helpers the extraction tests share: what an extractor reads in a made-up text, as the text shows it."""

from __future__ import annotations

from datetime import date
from functools import cache

from workbook.extract.base import ClaimRecord, DocumentInput, Extractor
from workbook.extract.dates import DateMatch, find_dates
from workbook.extract.pipeline import DefaultExtractor

__all__ = ["claim_holding", "claims_of", "default_extractor", "only_date", "people_in", "speaker_of", "typed_mentions"]


def typed_mentions(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    """Every mention of ``text`` as (its surface, its entity's type), in the extractor's order."""
    ex = extractor.extract(DocumentInput("t", text))
    types = {e.key: e.type for e in ex.entities}
    return [(text[m.start : m.end], types[m.entity_key]) for m in ex.mentions]


def only_date(text: str, anchor: date, surface: str) -> DateMatch:
    """The one date :func:`find_dates` reads as ``surface`` in ``text`` published on ``anchor`` (the test
    fails, listing what was read, unless there is exactly one)."""
    found = [m for m in find_dates(text, anchor) if m.text == surface]
    assert len(found) == 1, find_dates(text, anchor)
    return found[0]


def people_in(extractor: Extractor, text: str) -> set[str]:
    """The surfaces of ``text`` the extractor reads as people."""
    return {surface for surface, type_ in typed_mentions(extractor, text) if type_ == "person"}


@cache
def default_extractor() -> DefaultExtractor:
    return DefaultExtractor()


def claims_of(text: str) -> list[ClaimRecord]:
    """The claims of the default extractor (entity model and rules, as a build runs them), each checked to
    lie inside the text."""
    claims = default_extractor().extract(DocumentInput(doc_id="t", text=text)).claims
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
    return claims


def claim_holding(text: str, snippet: str) -> ClaimRecord | None:
    """The claim whose span holds ``snippet`` (its first occurrence), if any."""
    at = text.index(snippet)
    return next((c for c in claims_of(text) if c.start <= at and at + len(snippet) <= c.end), None)


def speaker_of(text: str, snippet: str) -> str | None:
    """The speaker shown for the claim that holds ``snippet`` (the test fails when no claim holds it)."""
    claim = claim_holding(text, snippet)
    if claim is None:
        raise AssertionError(f"no claim holds {snippet!r}")
    return claim.speaker_text
