"""The state shared by the claim rules of one document, and the double-quoted passages of a text.

:class:`ClaimContext` holds the text, its sentences, the speaker resolver
(:mod:`workbook.extract.speakers`) and the spans already claimed (so that one passage becomes one
claim); :func:`find_quotes` finds the quoted passages, paragraph by paragraph, in one pass.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbook.extract.base import ClaimRecord, EntityRecord, MentionRecord
from workbook.extract.hedges import Hedge, find_hedges
from workbook.extract.sentences import Sentence
from workbook.extract.speakers import Speaker, SpeakerResolver

__all__ = ["WINDOW", "ClaimContext", "Quote", "find_quotes", "quote_spans", "strip_span"]

#: Every search for a quote's attribution looks at most this many characters before or after the
#: quote marks, so that one long paragraph costs linear time (issue 16, case 3).
WINDOW = 400

_OPEN, _CLOSE = "“", "”"
#: A quote mark; a CSV-doubled mark ("") counts as one. The same matches as ``""|[“”"]``, written with
#: the marks' set first so that ``re`` skips in C to the next mark (half the CPU).
_MARK = re.compile(r'[“”"](?:(?<=")")?')


@dataclass(frozen=True)
class Quote:
    open: int
    close: int  # index of the closing mark, or the paragraph end when unclosed
    para_start: int
    para_end: int
    open_w: int = 1  # width of the opening mark (2 for a CSV-doubled "")
    close_w: int = 1

    @property
    def after(self) -> int:
        """The offset right after the closing mark."""
        return min(self.close + self.close_w, self.para_end)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the content of each double-quoted passage, without the marks. A quote left
    open at the end of a paragraph ends there (news style for multi-paragraph quotes)."""
    return [(q.open + q.open_w, q.close) for q in find_quotes(text)]


def find_quotes(text: str) -> list[Quote]:
    """The double-quoted passages of ``text``, line by line (a line is a paragraph): an opening mark
    pairs with the next closing one of its line, and a quote left open ends with its line. One search
    of the whole text for the marks (a mark never holds a line break, so it finds what a search of each
    line finds); a line without a mark costs nothing."""
    out: list[Quote] = []
    pos = end = -1  # the line of the marks being paired
    opened: tuple[int, int] | None = None
    for m in _MARK.finditer(text):
        ch, i = m.group(), m.start()
        if i > end:  # the first mark of a later line: the last one's open quote ends with it
            if opened is not None:
                out.append(Quote(opened[0], end, pos, end, opened[1], 0))
                opened = None
            pos = text.rfind("\n", 0, i) + 1
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
        if ch == _OPEN:
            if opened is None:
                opened = (i, 1)
        elif ch == _CLOSE:
            if opened is not None:
                out.append(Quote(opened[0], i, pos, end, opened[1], 1))
                opened = None
        elif opened is None:
            opened = (i, len(ch))
        else:
            out.append(Quote(opened[0], i, pos, end, opened[1], len(ch)))
            opened = None
    if opened is not None:
        out.append(Quote(opened[0], end, pos, end, opened[1], 0))
    return out


def strip_span(text: str, s: int, e: int, chars: str = "") -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in chars):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in chars):
        e -= 1
    return s, e


class ClaimContext:
    def __init__(
        self,
        text: str,
        sentences: Sequence[Sentence],
        entities: Sequence[EntityRecord],
        mentions: Sequence[MentionRecord],
        refusals: list[tuple[int, str]] | None = None,
    ) -> None:
        self.text = text
        #: When a list is given (``benchmarks/eval_claims.py --stages``), each rule that sees a cue
        #: and refuses it appends (offset of the cue, why); in a build it is None and costs nothing.
        self.refusals = refusals
        self.sentences = list(sentences)
        self.speakers = SpeakerResolver(text, [s.start for s in sentences], entities, mentions)
        # Spans already claimed, as sorted, pairwise non-overlapping (start, end) pairs: overlapping
        # spans are merged on insertion, so a lookup is one bisection, not a scan of every claim.
        self._taken_starts: list[int] = []
        self._taken_ends: list[int] = []

    def sentence_of(self, offset: int) -> int:
        return self.speakers.sentence_of(offset)

    def is_taken(self, s: int, e: int) -> bool:
        """Does [s, e) overlap a span already claimed?"""
        i = bisect.bisect_left(self._taken_starts, e) - 1  # the last span starting before e
        return (i >= 0 and self._taken_ends[i] > s and s < e) or (s == e and self._point_taken(s))

    def _point_taken(self, p: int) -> bool:
        i = bisect.bisect_left(self._taken_starts, p) - 1
        return i >= 0 and self._taken_ends[i] > p

    def take(self, s: int, e: int) -> None:
        """Claim [s, e), merging it with the claimed spans it overlaps."""
        lo = bisect.bisect_left(self._taken_starts, s)
        if lo > 0 and self._taken_ends[lo - 1] > s:
            lo -= 1
        hi = lo
        while hi < len(self._taken_starts) and self._taken_starts[hi] < e:
            hi += 1
        if hi > lo:
            s, e = min(s, self._taken_starts[lo]), max(e, self._taken_ends[hi - 1])
        self._taken_starts[lo:hi] = [s]
        self._taken_ends[lo:hi] = [e]

    def refuse(self, at: int, why: str) -> None:
        """Note that a rule saw a cue at ``at`` and refused it because of ``why`` (when traced)."""
        if self.refusals is not None:
            self.refusals.append((at, why))

    def speaker(self, s: int, e: int, *, at_end: bool) -> Speaker | None:
        return self.speakers.resolve(s, e, at_end=at_end)

    def claim(
        self,
        s: int,
        e: int,
        kind: str,
        speaker: Speaker | None,
        cue: str | None,
        hedge: Hedge | tuple[str, str] | None = None,
    ) -> ClaimRecord:
        if hedge is None:
            hedges = find_hedges(self.text, s, e)
            hedge = hedges[0] if hedges else None
        word: str | None = None
        band = "unhedged"
        if isinstance(hedge, Hedge):
            word, band = hedge.word, hedge.band
        elif hedge is not None:
            word, band = hedge
        keys = tuple(dict.fromkeys(m.entity_key for m in self.speakers.inside(s, e)))
        key = speaker.key if speaker else None
        self.speakers.note_speaker(speaker, s)
        return ClaimRecord(
            s,
            e,
            self.sentence_of(s),
            kind,
            key,
            speaker.shown if speaker else None,
            cue.casefold() if cue else None,
            word,
            band,
            keys,
            speaker.as_written if speaker else None,
        )
