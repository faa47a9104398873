"""Stable ids: the same input gives the same ids in every build, on every machine."""

from __future__ import annotations

import hashlib

from workbook.names import normalise_name

__all__ = ["doc_id", "entity_id", "normalise_name", "sha256_text", "span_id"]


def sha256_text(text: str) -> str:
    """sha256 (hex) of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_id(sha256_hex: str) -> str:
    """A document's id from its text's sha256: 'd' + 16 hex digits."""
    return "d" + sha256_hex[:16]


def entity_id(type_: str, name: str) -> str:
    """An entity's id from its type and canonical name: 'e' + 12 hex digits."""
    key = f"{type_}:{normalise_name(name)}"
    return "e" + hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def span_id(prefix: str, doc: str, start: int, end: int) -> str:
    """Id of a span-derived row (mention 'm', claim 'c', event 'v') from its doc id and offsets."""
    key = f"{doc}:{start}:{end}"
    return prefix + hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
