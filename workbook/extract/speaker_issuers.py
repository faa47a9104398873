"""Speaker phrases that name their speaker indirectly (round twelve of issue 12).

* :data:`TIME_AFTER_SUBJECT`: a time set between the subject and its cue ("The Ministry of Energy on
  Monday said", "The official announcement on March 25 claimed"): not part of the speaker's name.
* :func:`shared_head_body`: "The South Korean and U.S. militaries said": two countries' bodies under one
  plural head; the last is shown ("U.S. military"), as for "X and Y said".
* :func:`country_of_adjective`: "A North Korean press release stated", "the official Japanese
  announcement said": a document a country issues, named by its nationality adjective, speaks for
  the country the document names ("North Korea", "Japan").
* :data:`DOCUMENT_PHRASE` and :func:`document_agent` (round thirteen): "The press release stated", "The
  report said" speak for the body that issued the document named before it, also when the agent comes
  after a participle and a time ("A report published on Monday by the charity Food Bridge").

Pure functions over the document's text and mentions; each reads one phrase and the document's
mentions once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from workbook.extract.base import MentionRecord
from workbook.extract.date_words import FULL_MONTH, WEEKDAY
from workbook.extract.ner_features import DEMONYMS

__all__ = [
    "DOCUMENT_PHRASE",
    "IN_A_STATEMENT",
    "ISSUED_BY_ADJECTIVE",
    "ISSUED_NOUNS",
    "LEGAL_ACTION",
    "LEGAL_DOCUMENTS",
    "LEGAL_PASSIVE",
    "TIME_AFTER_SUBJECT",
    "country_of_adjective",
    "document_agent",
    "shared_head_body",
]

#: Documents an organisation or a person issues: "the statement said" speaks for its issuer.
ISSUED_NOUNS = frozenset(
    {
        "statement",
        "communique",
        "communiqué",
        "release",
        "declaration",
        "letter",
        "notice",
        "message",
        "report",
        "study",
        "survey",
    }
)
#: A speaker phrase that is an issued document (:data:`ISSUED_NOUNS`): "The statement", "the press
#: release", "This report", "The annual survey"; ``noun`` is the document's noun.
#: Legal documents that speak for the party that brought them, when the text names it ("The complaint
#: alleges" after "The regulator sued …"; see :meth:`workbook.extract.speakers.SpeakerResolver._filer`).
LEGAL_DOCUMENTS = frozenset({"complaint", "lawsuit", "suit", "filing", "petition"})
#: The verb by which a party brings a legal document: "sued", "filed a lawsuit", "charged" (an indictment is
#: a grand jury's, not the prosecutors': "The indictment alleges" names nobody).
LEGAL_ACTION = re.compile(r"\b(?:sued|sues|suing|filed|files|charged|petitioned)\b")
#: A passive before that verb ("Two men were charged"): its subject is the defendant, not the filer.
LEGAL_PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are|got)\s+(?:[a-z]+ly\s+)?$")
#: "A survey" / "a poll" too, as news writes the survey a sentence before named ("according to a survey by X.
#: A survey of 2,300 members found …"); an indefinite statement or report stays a new one.
DOCUMENT_PHRASE = re.compile(
    r"(?:the|this|that|an?(?=\s+(?:survey|poll)\b))\s+(?:(?:press|news|joint|written|annual|latest|new|full|final)\s+)?"
    r"(?P<noun>[^\W\d_]+)",
    re.IGNORECASE,
)
#: Between an issued document's noun and its agent: at most six words (a participle, a time) then "by" or
#: "from", "the" and at most three lower-case words ("published on Monday by the charity ").
_TO_AGENT = re.compile(
    r"(?:,?\s+(?!by\b|from\b|said\b|says\b)[\w'’-]+){0,6}?\s+(?:by|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}"
)

#: A time after a subject phrase, before its cue: "on Monday", "late on Friday", "on March 25", "on 3 May
#: 2024", "on Tuesday morning".
TIME_AFTER_SUBJECT = re.compile(
    rf"\s+(?:(?:early|late)\s+)?on\s+(?:{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|{FULL_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{FULL_MONTH}(?:\s+\d{{4}})?)\s*$"
)
#: "in a press statement" between a subject and its cue ("Cha Sang Bo, vice-chairman of the association, in a
#: press statement on October 14 said that …"): where the words were said, not who said them.
IN_A_STATEMENT = re.compile(
    r"\s+in\s+(?:a|an|its|his|her|their)\s+(?:(?:press|joint|written|brief|short|televised)\s+)?"
    r"(?:statement|interview|letter|message|speech|address|release)\s*$"
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


#: Two countries' bodies under one plural head: "The South Korean and U.S. militaries", "the British and
#: French governments"; a side is a nationality adjective or a country's abbreviation ("U.S.", "ROK").
_SHARED_HEAD = re.compile(
    r"(?:[Tt]he\s+)?(?P<a>(?:[A-Z][\w.'’-]*\s+)?[A-Z][\w.'’-]*)\s+and\s+(?P<b>(?:[A-Z][\w.'’-]*\s+)?[A-Z][\w.'’-]*)"
    r"\s+(?P<head>militaries|governments|armies|navies|ministries|air\s+forces|coast\s+guards|foreign\s+ministries"
    r"|defen[cs]e\s+ministries)"
)
_SINGULAR = {"militaries": "military", "armies": "army", "navies": "navy", "ministries": "ministry"}
_ABBREVIATION = re.compile(r"[A-Z](?:\.?[A-Z])+\.?")


def shared_head_body(phrase: str) -> str | None:
    """The body shown for two countries' bodies under one plural head (:data:`_SHARED_HEAD`): the last
    side with the head in the singular ("U.S. military", "French government"); None for any other
    phrase ("Lena Fischer and Marc Dubois", "South Korean and U.S. officials": people, no body)."""
    m = _SHARED_HEAD.fullmatch(phrase)
    if m is None:
        return None
    for side in (m.group("a"), m.group("b")):
        last = side.split()[-1]
        if last.casefold() not in DEMONYMS and not _ABBREVIATION.fullmatch(last):
            return None
    words = m.group("head").split()
    words[-1] = _SINGULAR.get(words[-1], words[-1].removesuffix("s"))
    return f"{m.group('b')} {' '.join(words)}"


def document_agent(text: str, noun_end: int, found: Sequence[MentionRecord]) -> MentionRecord | None:
    """The mention of ``found`` (the mentions of the sentence naming a document, in order) that is the
    document's agent: the first mention after the noun ending at ``noun_end``, reached by
    :data:`_TO_AGENT` ("A report published on Monday by the charity Food Bridge": Food Bridge; "a
    study by researchers at Marlow University": Marlow University); None when the first mention after
    the noun is no agent ("the report, which Kim Wood read out")."""
    after = next((m for m in found if m.start >= noun_end), None)
    if after is None or _TO_AGENT.fullmatch(text, noun_end, after.start) is None:
        return None
    return after
