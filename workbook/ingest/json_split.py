"""Splitting a JSON array into the text of its elements (and an object into the text of its values) without
parsing them, so that one element nested
deeper than the parser's stack costs that element alone (see :mod:`workbook.ingest.json_collections`).

One scan: a regular expression jumps from one bracket, brace, comma or quote to the next, and strings are
skipped whole (escapes included). Nothing is validated here; each element is parsed on its own afterwards.
"""

from __future__ import annotations

import json
import re

__all__ = ["split_array", "split_object"]

_SPECIAL = re.compile(r'[\[\]{},"]')
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def split_array(text: str) -> list[str] | None:
    """The texts of the elements of the JSON array ``text``, or ``None`` when ``text`` is not one array
    (brackets that do not balance, an unterminated string, something after the closing bracket)."""
    return _members(text, "[")


def split_object(text: str) -> dict[str, str] | None:
    """The texts of the values of the JSON object ``text`` by key (the last of repeated keys, as
    :func:`json.loads` keeps), or ``None`` when ``text`` is not one object or a member is not
    ``"key": value``. Values are not parsed: a value nested too deep for the parser is returned as text."""
    members = _members(text, "{")
    if members is None:
        return None
    out: dict[str, str] = {}
    for member in members:
        body = member.lstrip()
        key = _STRING.match(body)
        if key is None:
            return None
        rest = body[key.end() :].lstrip()
        if not rest.startswith(":"):
            return None
        try:
            name = json.loads(key.group())
        except json.JSONDecodeError:
            return None
        out[name] = rest[1:]
    return out


def _members(text: str, opening: str) -> list[str] | None:
    """The texts between the top-level commas of the array or object that ``text`` is."""
    start = len(text) - len(text.lstrip())
    if not text.startswith(opening, start):
        return None
    parts: list[str] = []
    depth = 0
    item = start + 1
    pos = start
    while (m := _SPECIAL.search(text, pos)) is not None:
        ch, at = m.group(), m.start()
        if ch == '"':
            string = _STRING.match(text, at)
            if string is None:
                return None
            pos = string.end()
            continue
        pos = at + 1
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth == 0:
                if text[item:at].strip():
                    parts.append(text[item:at])
                return parts if not text[pos:].strip() else None
        elif depth == 1:  # a comma between two members
            parts.append(text[item:at])
            item = pos
    return None
