"""Helpers the extraction tests share: what an extractor reads in a made-up text, as the text shows it."""

from __future__ import annotations

from workbook.extract.base import DocumentInput, Extractor

__all__ = ["typed_mentions"]


def typed_mentions(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    """Every mention of ``text`` as (its surface, its entity's type), in the extractor's order."""
    ex = extractor.extract(DocumentInput("t", text))
    types = {e.key: e.type for e in ex.entities}
    return [(text[m.start : m.end], types[m.entity_key]) for m in ex.mentions]
