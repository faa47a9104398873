"""Events: every date expression, with its sentence, the entities named there and a guessed kind.

:func:`extract_events` turns each :class:`~workbook.extract.dates.DateMatch` of a document into an
:class:`~workbook.extract.base.EventRecord`. Nothing is dropped: a dateline ("Pyongyang, December 24
(KCNA)") or a print-edition footer ("A version of this article appeared in the print edition of The
Straits Times on January 19, 2019") is kept as an event of kind ``publication``, so that an analyst
can see when each report appeared; filter on ``kind`` to leave them out.

The kind is guessed from a small vocabulary of cue words (:data:`KIND_CUES`, case-insensitive,
whole words), looked for in the clause that holds the date expression: the stretch of the sentence
between punctuation (``, ; : ( )`` and dashes) around it. When that clause holds nothing but the
date and function words ("On Thursday, Pompeo met Kim"), the next clause is searched too. The cue
nearest to the expression wins; at equal distance, the kind listed first. No cue: kind None.

* ``publication``: the expression is followed by a news-agency tag ("(KCNA)"), is inside the text's
  dateline (:mod:`workbook.extract.dateline`: "Moscow, March 3 —"), stands alone on its line, or the
  clause says "print edition", "a version of this article", "first published". The dateline's date
  is when the report was filed, not a happening: filter on ``kind`` to leave it out.
* ``launch``: launch, test-fire, fired, test(s), test flight, detonate, lift-off.
* ``visit``: visit, inspect(ion), tour(ed), on-site/field guidance, looked round.
* ``meeting``: meet/met/meeting, summit, talks, conference, negotiations.
* ``exercise``: drill(s), military/joint/naval/air/live-fire exercise(s), war games, manoeuvres.
* ``statement``: said/says, stated, made public, statement, announced, declared, reported/report, told,
  vowed, warned, claimed, denied, published, released, issued, press release/conference, commentary.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date

from workbook.extract.base import EventRecord
from workbook.extract.dateline import parse_dateline
from workbook.extract.dates import DateMatch, find_dates
from workbook.extract.phrase_regex import CaseBlindSearch
from workbook.extract.sentences import Sentence

__all__ = ["EVENT_KINDS", "KIND_CUES", "extract_events", "guess_kind"]

#: Kind -> regex of its cue words, in order of precedence (the first wins a tie).
KIND_CUES: dict[str, str] = {
    "publication": r"print\s+edition|a\s+version\s+of\s+this\s+(?:article|story)|first\s+published",
    "launch": r"launch(?:ed|es|ing)?|test-fir\w*|fired|firing|tests?|tested|testing|test\s+flights?|detonat\w*"
    r"|lift-?off",
    "visit": r"visit(?:s|ed|ing)?|inspect(?:s|ed|ing|ion|ions)?|tour(?:s|ed|ing)?|on-site\s+guidance"
    r"|field\s+guidance|looked\s+round",
    "meeting": r"meet(?:s|ing|ings)?|met|summit(?:s|ry)?|talks|conference|negotiations?",
    "exercise": r"drills?|(?:military|joint|naval|air|live-fire|war)\s+exercises?|war\s*games|manoeuvres|maneuvers",
    "statement": r"press\s+(?:release|conference)|made\s+public|said|says|stated|statement|announc(?:ed|es|ement)"
    r"|declared|reported|reports?|told|vowed|warned|claimed|denied|published|released|issued|commentary",
}
EVENT_KINDS: tuple[str, ...] = tuple(KIND_CUES)

_CUES = CaseBlindSearch.of(r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in KIND_CUES.items()) + r")\b")
_RANK = {k: i for i, k in enumerate(KIND_CUES)}
_DELIM = re.compile(r"[,;:()\u2014\u2013]|--|\s-\s")
_FILLER = re.compile(
    r"(?:[\s\"'\u201c\u201d\u2018\u2019.]|\b(?i:on|in|at|since|by|from|until|till|during|of|the|and|about|around"
    r"|early|late|mid|last|this|next)\b)*"
)
_AGENCY_TAG = re.compile(r"[^\S\n]*\((?:[A-Z]{2,6}|Yonhap|Reuters|Xinhua|Kyodo|Interfax|Bernama)\)")


def _last_delim(text: str, lo: int, hi: int) -> int:
    """End of the last clause delimiter in text[lo:hi], or lo."""
    pos = lo
    for m in _DELIM.finditer(text, lo, hi):
        pos = m.end()
    return pos


def _first_delim(text: str, lo: int, hi: int) -> int:
    """Start of the first clause delimiter in text[lo:hi], or hi."""
    m = _DELIM.search(text, lo, hi)
    return hi if m is None else m.start()


def guess_kind(text: str, start: int, end: int, sent_start: int, sent_end: int) -> str | None:
    """The kind of the event whose date expression is ``text[start:end]``, inside the sentence
    ``text[sent_start:sent_end]`` (see the module rules), or None."""
    if _AGENCY_TAG.match(text, end):
        return "publication"
    dateline = parse_dateline(text) if start < 200 else None
    if dateline is not None and dateline.start <= start < dateline.end:
        return "publication"  # the dateline's date: when the report was filed
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[line_start:start].strip(" \t,.") and not text[end:line_end].strip(" \t,."):
        return "publication"  # a date alone on its line: a dateline
    lo = _last_delim(text, sent_start, start)
    hi = _first_delim(text, end, sent_end)
    if _FILLER.fullmatch(text, lo, start) and _FILLER.fullmatch(text, end, hi) and hi < sent_end:
        hi = _first_delim(text, hi + 1, sent_end)  # "On Thursday, Pompeo met Kim": the next clause
    best: tuple[int, int, str] | None = None
    for m_start, m_end, kind in _CUES.spans(text, lo, hi):
        if m_start < end and m_end > start:
            continue  # a cue inside the expression itself
        if kind is None:
            continue
        gap = start - m_end if m_end <= start else m_start - end
        cand = (gap, _RANK[kind], kind)
        if best is None or cand < best:
            best = cand
    return None if best is None else best[2]


def extract_events(
    text: str,
    sentences: list[Sentence],
    anchor: date | None,
    mention_spans: Sequence[tuple[int, int, str]] = (),
) -> list[EventRecord]:
    """One event per date expression in ``text`` (see :func:`workbook.extract.dates.find_dates`),
    resolved against ``anchor``. ``mention_spans`` are ``(start, end, entity_key)`` of the
    document's mentions; an event lists the keys of those in its sentence, in text order, once."""
    spans = [(s.start, s.end) for s in sentences] or [(0, len(text))]
    starts = [s for s, _ in spans]
    by_sentence: dict[int, list[str]] = {}
    for m_start, _m_end, key in sorted(mention_spans):
        i = max(bisect.bisect_right(starts, m_start) - 1, 0)
        if m_start < spans[i][1]:
            keys = by_sentence.setdefault(i, [])
            if key not in keys:
                keys.append(key)
    return [_event(text, d, spans, starts, by_sentence) for d in find_dates(text, anchor)]


def _event(
    text: str,
    d: DateMatch,
    spans: list[tuple[int, int]],
    starts: list[int],
    by_sentence: dict[int, list[str]],
) -> EventRecord:
    i = max(bisect.bisect_right(starts, d.start) - 1, 0)
    s_start, s_end = spans[i]
    s_end = max(s_end, min(d.end, len(text)))  # an expression never ends past its sentence's context
    return EventRecord(
        start=d.start,
        end=d.end,
        sentence=i,
        context=text[s_start:s_end],
        date_start=d.date_start,
        date_end=d.date_end,
        precision=d.precision,
        resolution=d.resolution,
        anchor=d.anchor,
        kind=guess_kind(text, d.start, d.end, s_start, s_end),
        entity_keys=tuple(by_sentence.get(i, ())),
    )
