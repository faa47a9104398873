"""A year written after a possessive before "season" or "campaign": "the club's 2025 season", "Harlequins'
2024-25 campaign" (dates12).

:mod:`workbook.extract.dates` reads a bare year only after a lead-in ("in", "the", "since"...); "the 2025 season"
is read, and so is the same season after a possessive, which names whose season it is and nothing else. The
noun after the year must be "season" or "campaign" (singular): "the club's 2025 budget" or "Smith's 2019 book"
stay out, as they did.
"""

from __future__ import annotations

import re

__all__ = ["possessive_season"]

#: A possessive right before the year: "club's ", "Harlequins' ".
_POSSESSIVE_BEFORE = re.compile(r"\w(?:['\u2019]s|s['\u2019])[^\S\n]+\Z")
#: "season" or "campaign" right after the year.
_SEASON_AFTER = re.compile(r"[^\S\n]+(?:season|campaign)\b(?!-)", re.IGNORECASE)


def possessive_season(text: str, start: int, end: int) -> bool:
    """Is the year at ``text[start:end]`` one after a possessive and before "season" or "campaign"?"""
    return (
        _SEASON_AFTER.match(text, end) is not None
        and _POSSESSIVE_BEFORE.search(text, max(0, start - 40), start) is not None
    )
