"""Speaker phrases that name their speaker indirectly (round twelve of issue 12).

* :data:`TIME_AFTER_SUBJECT`: a time set between the subject and its cue ("The Ministry of Energy on
  Monday said", "The official announcement on March 25 claimed"): not part of the speaker's name.
* :func:`country_of_adjective`: "A North Korean press release stated", "the official Japanese
  announcement said": a document a country issues, named by its nationality adjective, speaks for
  the country the document names ("North Korea", "Japan").

Pure functions over the document's text and mentions; each reads one phrase and the document's
mentions once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from workbook.extract.base import MentionRecord
from workbook.extract.date_words import FULL_MONTH, WEEKDAY
from workbook.extract.ner_features import DEMONYMS

__all__ = ["ISSUED_BY_ADJECTIVE", "TIME_AFTER_SUBJECT", "country_of_adjective"]

#: A time after a subject phrase, before its cue: "on Monday", "late on Friday", "on March 25", "on 3 May
#: 2024", "on Tuesday morning".
TIME_AFTER_SUBJECT = re.compile(
    rf"\s+(?:(?:early|late)\s+)?on\s+(?:{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|{FULL_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{FULL_MONTH}(?:\s+\d{{4}})?)\s*$"
)
#: "A North Korean press release", "The official Japanese government statement", "an Iranian
#: announcement": the nationality adjective (``adj``) and the issued document.
ISSUED_BY_ADJECTIVE = re.compile(
    r"(?:(?:an?|the)\s+)?(?:official\s+|new\s+|latest\s+)?(?P<adj>(?:(?:North|South|East|West)\s+)?[A-Z][a-z]+)"
    r"\s+(?:(?:government|state|military|foreign\s+ministry|defen[cs]e\s+ministry|official)\s+)?"
    r"(?:press\s+release|statement|announcement|communiqu[eé]|news\s+release)",
    re.IGNORECASE,
)
_PLACE_TYPES = frozenset({"place", "country", "organization"})


def country_of_adjective(
    adjective: str, mentions: Sequence[MentionRecord], types: Mapping[str, str], names: Mapping[str, str]
) -> str | None:
    """The key of the country (a place or organisation entity of the document) whose name the
    nationality ``adjective`` is made from ("North Korean" → "North Korea", "Japanese" → "Japan",
    "Chinese" → "China": the same leading words, a shared stem of at least four letters that leaves
    at most two letters of the shorter word); None when the adjective is no nationality or the
    document names no such country."""
    words = adjective.split()
    if words[-1].casefold() not in DEMONYMS:
        return None
    lead, adj = [w.casefold() for w in words[:-1]], words[-1].casefold()
    for m in mentions:
        if types.get(m.entity_key) not in _PLACE_TYPES:
            continue
        name = names.get(m.entity_key, "").split()
        if len(name) != len(words) or [w.casefold() for w in name[:-1]] != lead:
            continue
        last = name[-1].casefold()
        shared = 0
        while shared < min(len(last), len(adj)) and last[shared] == adj[shared]:
            shared += 1
        if shared >= 4 and shared >= min(len(last), len(adj)) - 2:
            return m.entity_key
    return None
