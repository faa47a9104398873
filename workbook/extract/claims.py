"""Claims: who said what, quoting whom, and how sure they were.

:func:`extract_claims` finds three kinds of statement (``model.QUOTE_KINDS``):

* **direct** quotes in double quotes (straight ``"`` or curly ``“ ”``). The claim's span is the
  quoted content *without* the quote marks (a comma or full stop inside the marks stays). The
  speaker comes from the attribution after the quote (``"…," said Mr X``, ``"…," Mr X said``,
  ``"…," Mr X, an expert at Y, said in a report``, ``"…," he said``) or before it (``Mr X said:
  "…"``, ``according to X, "…"``). "he"/"she" is the most recent person speaker (else the most
  recent person named). A quote that opens a paragraph with no attribution, right after an
  attributed quote, continues that speaker (cue ``None``). Other unattributed quotes are kept only
  when they open a paragraph and hold at least eight words (speaker ``None``); short scare quotes
  are not claims.
* **indirect** (reported) speech: ``X said (that) …``, ``X told Y …``, ``X believed …``, ``X vowed
  to …``, ``X warned …``, ``according to X, …`` / ``…, according to X``, and claims reported
  through a noun (``Mr Trump's claims of …``). The span is the reported content (after the cue and
  any "that"), up to the end of the sentence (or clause, for nouns) without its final punctuation;
  "…, the ministry said." reports what precedes the cue. The speaker is the noun phrase right
  before the cue; it gets an entity key only when a mention ends that phrase ("Mr Kim vowed"),
  otherwise just ``speaker_text`` ("US intelligence officials"). Belief verbs (believed, thinks,
  suspects, fears, expects) are their own hedge.
* **unattributed** hedged statements: a clause holding a hedge ("believed to be linked", "is
  suspected of", "possibly linked") that no speaker is credited with. The clause runs from the
  previous ``, ``/``;``/``:``/dash (or the sentence start) to the next ``;``/``:``/dash, the next
  ``, `` followed by a clause opener ("which", "despite", "with", ...) or the sentence end.

Every claim carries the first hedge inside its span (or its belief cue) with its ICD 203 band (see
:mod:`workbook.extract.hedges`), and the keys of the entities mentioned inside its span.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbook.extract.base import ClaimRecord, EntityRecord, MentionRecord
from workbook.extract.hedges import HEDGE_BANDS, Hedge, find_hedges
from workbook.extract.sentences import Sentence
from workbook.extract.vocabulary import BELIEF_VERBS, HUMAN_NOUNS, REPORTING_VERBS

__all__ = ["extract_claims", "quote_spans"]

_OPEN, _CLOSE, _BOTH = "“", "”", '"'
_VERBS = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
_CUE = re.compile(rf"\b(?:{_VERBS})\b|\b[Aa]ccording to\b")
_AFTER_VERB_FIRST = re.compile(rf"^\s*[,.!?]?\s*(?P<cue>{_VERBS})\s+(?P<spk>[^,.;:!?\"“”]{{1,80}})")
_AFTER_SPEAKER_FIRST = re.compile(
    rf"^\s*[,.!?]?\s*(?P<spk>[^,.;:!?\"“”]{{1,80}}?)(?:,[^\"“”]{{1,250}}?,)?\s+(?:\w+ly\s+)?(?P<cue>{_VERBS})\b"
)
_BEFORE = re.compile(rf"\b(?P<cue>{_VERBS})(?:\s+[\w'’]+){{0,2}}?\s*[:,]\s*$")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<spk>[^,.;:!?\"“”]{2,80})")
_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording to\s+(?P<spk>[^,.;:!?\"“”]{2,80}),\s*$")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BE = _words("is are was were be been being am 's ’s")
_DETERMINERS = _words("the a an his her their its our my your these those such this that any no")
_AUX = _words(
    """has have had also previously repeatedly publicly once again later earlier then recently reportedly
    frequently often would will did does do still already further"""
)
_NP_STOP = _words(
    """that which who whom whose but and or while when if because since as although though after before where so
    than then until unless whether despite with for to in on at by from into over about not"""
)
_CLAUSE_OPENERS = (
    "which|who|whose|while|whereas|but|despite|with|although|though|as|when|where|after|before|because|since|"
    "including|according|even|yet|so|until|unless"
)
_RIGHT_BOUNDARY = re.compile(rf"[;:]|\s[—–]\s|\s--\s|,\s+(?=(?:{_CLAUSE_OPENERS})\b)")
_LEFT_BOUNDARY = re.compile(r"[;:]\s|\s[—–]\s|\s--\s|,\s")
_PRONOUNS = frozenset({"he", "she"})
_POSSESSIVE_CLAIM = re.compile(
    r"['’]s\s+(?P<noun>claims?|assertions?|warnings?|pledges?|promises?|insistence|denials?|vows?)\s+(?:of|that)\b"
)
_INVERTED_REST = re.compile(
    r",|and goes on|and went on|and added|adding\b|(?:in|on|at|last|today|yesterday)\b(?:\W+\w+){0,3}\W*$"
)
_TOLD_THAT = re.compile(r"(?:\s+[\w'’-]+){1,5}?\s+that\b")
_TOLD_NAME = re.compile(r"(?:\s+(?:The\s+)?[A-Z][\w'’-]*){1,4}(?=[\s,])")
_TOLD_NOUN = re.compile(r"\s+(?:(?:the|a|an|his|her|their)\s+)?[\w'’-]+(?=[\s,])")
_WORD = re.compile(r"\w[\w'’-]*")
_BELIEF_HEDGE = {
    "believ": "believed",
    "think": "thought",
    "thought": "thought",
    "expect": "expected",
    "suspect": "suspected",
    "fear": "feared",
}


@dataclass(frozen=True)
class _Quote:
    open: int
    close: int  # index of the closing mark, or the paragraph end when unclosed
    para_start: int
    para_end: int


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the content of each double-quoted passage, without the marks. A quote left
    open at the end of a paragraph ends there (news style for multi-paragraph quotes)."""
    return [(q.open + 1, q.close) for q in _quotes(text)]


def _quotes(text: str) -> list[_Quote]:
    out: list[_Quote] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        opened: int | None = None
        for i in range(pos, end):
            ch = text[i]
            if ch == _OPEN and opened is None:
                opened = i
            elif ch == _CLOSE and opened is not None:
                out.append(_Quote(opened, i, pos, end))
                opened = None
            elif ch == _BOTH:
                if opened is None:
                    opened = i
                else:
                    out.append(_Quote(opened, i, pos, end))
                    opened = None
        if opened is not None:
            out.append(_Quote(opened, end, pos, end))
        pos = end + 1
    return out


def _strip(text: str, s: int, e: int, chars: str = "") -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in chars):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in chars):
        e -= 1
    return s, e


class _Context:
    def __init__(
        self,
        text: str,
        sentences: Sequence[Sentence],
        entities: Sequence[EntityRecord],
        mentions: Sequence[MentionRecord],
    ) -> None:
        self.text = text
        self.sentences = list(sentences)
        self.sent_starts = [s.start for s in sentences]
        self.types = {e.key: e.type for e in entities}
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        # Spans already claimed, as sorted, pairwise non-overlapping (start, end) pairs: overlapping
        # spans are merged on insertion, so a lookup is one bisection, not a scan of every claim.
        self._taken_starts: list[int] = []
        self._taken_ends: list[int] = []
        self.last_person: str | None = None

    def sentence_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, offset) - 1, 0)

    def inside(self, s: int, e: int) -> list[MentionRecord]:
        i = bisect.bisect_left(self.mention_starts, s)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < e:
            if self.mentions[i].end <= e:
                out.append(self.mentions[i])
            i += 1
        return out

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

    def person_before(self, offset: int) -> str | None:
        """The person "he" or "she" most plausibly is: the first person named in the latest sentence
        before ``offset`` that names one (the subject, usually), else None."""
        i = bisect.bisect_left(self.mention_starts, offset) - 1
        chosen: MentionRecord | None = None
        while i >= 0:
            m = self.mentions[i]
            if self.types.get(m.entity_key) == "person":
                if chosen is not None and self.sentence_of(m.start) != self.sentence_of(chosen.start):
                    break
                chosen = m
            i -= 1
        return chosen.entity_key if chosen is not None else None

    def speaker(self, s: int, e: int, *, at_end: bool) -> tuple[str | None, str | None]:
        """(speaker key, speaker text) of the noun phrase ``text[s:e]``, or (None, None) when it is
        not a speaker. ``at_end``: the phrase ends right before the cue ("US officials said"), so an
        entity mention must end it; otherwise ("said Mr Lewis", "Mr Lewis, an expert, said") a
        mention must open it (after at most one word such as "the")."""
        s, e = _strip(self.text, s, e, ",-–—•")
        phrase = " ".join(self.text[s:e].split())
        words = phrase.split()
        if not words or len(words) > 8:
            return None, None
        if phrase.casefold() in _PRONOUNS:
            return self.last_person or self.person_before(s), phrase
        found = self.inside(s, e)
        if at_end:
            hits = [m for m in found if m.end == e]
        else:
            hits = [m for m in found if len(self.text[s : m.start].split()) <= 1]
        if hits:
            return (hits[-1] if at_end else hits[0]).entity_key, phrase
        head = words[-1].casefold().strip("'’")
        if (head in HUMAN_NOUNS and len(words) <= 5) or head in ("they", "we", "i"):
            return None, phrase
        return None, None

    def claim(
        self,
        s: int,
        e: int,
        kind: str,
        key: str | None,
        spk: str | None,
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
        keys = tuple(dict.fromkeys(m.entity_key for m in self.inside(s, e)))
        if key and self.types.get(key) == "person":
            self.last_person = key
        return ClaimRecord(s, e, self.sentence_of(s), kind, key, spk, cue.casefold() if cue else None, word, band, keys)


_Attribution = tuple[str | None, str | None, str | None, int]  # speaker key, speaker text, cue, end of attribution


def _attribution_after(ctx: _Context, q: _Quote, content_end: int, tail_end: int) -> _Attribution | None:
    """``"…," said Mr X`` / ``"…," Mr X(, an expert at Y,) said``: the quote must end with a comma
    (or ? !) inside or right after the marks, as attributed quotes do; scare quotes do not."""
    text = ctx.text
    tail_start = min(q.close + 1, q.para_end)
    tail = text[tail_start:tail_end]
    if text[content_end - 1] not in ",?!" and not tail.lstrip(" ").startswith(","):
        return None
    m = _AFTER_VERB_FIRST.match(tail) or _AFTER_SPEAKER_FIRST.match(tail)
    if not m:
        return None
    key, spk = ctx.speaker(tail_start + m.start("spk"), tail_start + m.end("spk"), at_end=False)
    if not spk:
        return None
    end = tail_start + m.end()
    return key, spk, m.group("cue"), max(ctx.sentences[ctx.sentence_of(end)].end, end)


def _attribution_before(ctx: _Context, head_start: int, open_mark: int) -> _Attribution | None:
    """``Mr X said: "…"``, ``X told reporters, "…"``, ``according to X, "…"``."""
    head = ctx.text[head_start:open_mark]
    b = _BEFORE.search(head)
    np = _np_before(ctx, head_start, head_start + b.start()) if b else None
    if b and np:
        key, spk = ctx.speaker(*np, at_end=True)
        return (key, spk, b.group("cue"), open_mark) if spk else None
    a = _ACCORDING_BEFORE.search(head)
    if a is not None:
        key, spk = ctx.speaker(head_start + a.start("spk"), head_start + a.end("spk"), at_end=True)
        return (key, spk, "according to", open_mark) if spk else None
    return None


def _direct(ctx: _Context) -> list[ClaimRecord]:
    text, out = ctx.text, []
    prev: tuple[_Quote, ClaimRecord] | None = None
    quotes = _quotes(text)
    for n, q in enumerate(quotes):
        cs, ce = _strip(text, q.open + 1, q.close)
        if cs >= ce:
            continue
        same_para_next = n + 1 < len(quotes) and quotes[n + 1].para_start == q.para_start
        tail_end = quotes[n + 1].open if same_para_next else q.para_end
        head_start = prev[0].close + 1 if prev and prev[0].para_start == q.para_start else q.para_start
        found = _attribution_after(ctx, q, ce, tail_end) or _attribution_before(ctx, head_start, q.open)
        adjacent = prev is not None and (
            prev[0].para_start == q.para_start or not text[prev[0].para_end : q.para_start].strip()
        )
        if found is None and prev and adjacent and prev[1].speaker_text and not text[head_start : q.open].strip():
            found = (prev[1].speaker_key, prev[1].speaker_text, None, q.close + 1)  # the quote goes on
        if found is None:
            if text[q.para_start : q.open].strip() or len(text[cs:ce].split()) < 8:
                continue  # a scare quote or a title, not a claim
            found = (None, None, None, q.close + 1)
        key, spk, cue, region_end = found
        claim = ctx.claim(cs, ce, "direct", key, spk, cue)
        out.append(claim)
        ctx.take(min(q.open, region_end), max(region_end, q.close + 1))
        prev = (q, claim)
    return out


def _np_before(ctx: _Context, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase ending right before a cue (skipping "has", "also", ...), as (start, end)."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(ctx.text, lo, cue_start)]
    while words and words[-1][2].casefold() in _AUX and ctx.text[words[-1][1] : cue_start].strip() == "":
        cue_start = words[-1][0]
        words.pop()
    np: list[tuple[int, int, str]] = []
    end = cue_start
    for s, e, w in reversed(words):
        if ctx.text[e:end].strip() or w.casefold() in _NP_STOP or w.casefold() in _BE or len(np) == 6:
            break
        np.insert(0, (s, e, w))
        end = s
    if not np:
        return None
    if np[-1][2].casefold() in _DETERMINERS or np[-1][2].endswith(("'s", "’s", "s'", "s’")):
        return None  # "Mr Trump's claims", "the report": the cue is a noun here
    return np[0][0], np[-1][1]


def _content_after(ctx: _Context, pos: int, sent_end: int, cue: str) -> tuple[int, int] | None:
    text = ctx.text
    rest = text[pos:sent_end]
    if cue.startswith(("told", "tell")):  # skip the person told: "told reporters (that)", "told The Straits Times"
        m = _TOLD_THAT.match(rest) or _TOLD_NAME.match(rest) or _TOLD_NOUN.match(rest)
        if not m:
            return None
        pos += m.end()
    else:
        m = re.match(r"\s*,?\s*that\b", rest)
        if m:
            pos += m.end()
    s, e = _strip(text, pos, sent_end, '.!?;:,"“”')
    if len(text[s:e].split()) < 2 or _CUE.match(text, s) or re.match(r"(?:and|but|or|adding)\b", text[s:e]):
        return None
    return s, e


def _belief_hedge(cue: str) -> tuple[str, str] | None:
    low = cue.casefold()
    if low not in BELIEF_VERBS:
        return None
    stem = next((v for k, v in _BELIEF_HEDGE.items() if low.startswith(k)), None)
    return (low, HEDGE_BANDS[stem]) if stem else None


def _indirect(ctx: _Context) -> list[ClaimRecord]:
    text, out = ctx.text, []
    for sent in ctx.sentences:
        for m in _CUE.finditer(text, sent.start, sent.end):
            cue = m.group()
            if ctx.is_taken(m.start(), m.end()):
                continue
            if cue.casefold() == "according to":
                cue = "according to"
                a = _ACCORDING.match(text, m.start(), sent.end)
                if a is None:
                    continue
                ss, se = _strip(text, a.start("spk"), a.end("spk"))
                key, spk = ctx.speaker(ss, se, at_end=True)
                if not spk:
                    continue
                lead = text[sent.start : m.start()].strip(" ,")
                span = _strip(text, sent.start, m.start(), ",;: ") if lead else _strip(text, se, sent.end, ".!?,;: ")
                if len(text[span[0] : span[1]].split()) < 2 or ctx.is_taken(*span):
                    continue
                out.append(ctx.claim(*span, "indirect", key, spk, cue))
                ctx.take(min(span[0], m.start()), max(span[1], se))
                break
            prev_word = re.search(r"([\w'’]+)\W*$", text[sent.start : m.start()])
            after = text[m.end() : m.end() + 4]
            if prev_word and prev_word.group(1).casefold() in _BE:
                continue  # passive: "is believed to", "was told"
            if cue in BELIEF_VERBS and after.startswith(" to "):
                continue  # "factories believed to be linked": an unattributed hedge
            np = _np_before(ctx, max(sent.start, m.start() - 200), m.start())
            if np is None:
                continue
            key, spk = ctx.speaker(*np, at_end=True)
            if not spk:
                continue
            content: tuple[int, int] | None
            before_np = text[sent.start : np[0]].rstrip()
            rest = text[m.end() : sent.end].strip(" .;")
            if before_np.endswith(",") and len(before_np.split()) >= 3 and (not rest or _INVERTED_REST.match(rest)):
                content = _strip(text, sent.start, sent.start + len(before_np) - 1, '"“”')  # "…, he said."
            else:
                content = _content_after(ctx, m.end(), sent.end, cue)
            if content is None or ctx.is_taken(*content):
                continue
            out.append(ctx.claim(*content, "indirect", key, spk, cue, _belief_hedge(cue)))
            ctx.take(np[0], content[1])
            break
    return out


def _clause(text: str, sent: Sentence, at: int) -> tuple[int, int]:
    left = sent.start
    for b in _LEFT_BOUNDARY.finditer(text, max(sent.start, at - 2000), at):
        left = b.end()
    right_match = _RIGHT_BOUNDARY.search(text, at, sent.end)
    right = right_match.start() if right_match else sent.end
    return _strip(text, left, right, ".!?,;:")


def _possessive(ctx: _Context) -> list[ClaimRecord]:
    """ "Mr Trump's claims of progress", "Kim's pledge that ...": a claim reported through a noun."""
    text, out = ctx.text, []
    for m in _POSSESSIVE_CLAIM.finditer(text):
        owner = [x for x in ctx.inside(max(0, m.start() - 80), m.start()) if x.end == m.start()]
        if not owner or ctx.is_taken(m.start(), m.end()):
            continue
        sent = ctx.sentences[ctx.sentence_of(m.end())]
        s, e = _strip(text, m.end(), _clause(text, sent, m.end())[1], ".!?,;:")
        if len(text[s:e].split()) < 2:
            continue
        speaker = " ".join(text[owner[-1].start : owner[-1].end].split())
        out.append(ctx.claim(s, e, "indirect", owner[-1].entity_key, speaker, m.group("noun")))
        ctx.take(owner[-1].start, e)
    return out


def _unattributed(ctx: _Context) -> list[ClaimRecord]:
    out = []
    for sent in ctx.sentences:
        last_end = -1
        for h in find_hedges(ctx.text, sent.start, sent.end):
            if h.start < last_end or ctx.is_taken(h.start, h.end):
                continue
            s, e = _clause(ctx.text, sent, h.start)
            if not (s <= h.start and h.end <= e):
                continue
            out.append(ctx.claim(s, e, "unattributed", None, None, None, h))
            last_end = e
    return out


def extract_claims(
    text: str, sentences: list[Sentence], entities: Sequence[EntityRecord], mentions: Sequence[MentionRecord]
) -> list[ClaimRecord]:
    """Direct, indirect and unattributed hedged claims of one document, in text order (see the
    module docstring for the rules). ``entities``/``mentions`` come from the entity extractor; their
    keys become the claims' speaker and entity keys."""
    ctx = _Context(text, sentences, entities, mentions)
    claims = _direct(ctx)
    claims += _indirect(ctx)
    claims += _possessive(ctx)
    claims += _unattributed(ctx)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims
