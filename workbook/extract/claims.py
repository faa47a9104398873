"""Claims: who said what, quoting whom, and how sure they were.

:func:`extract_claims` finds three kinds of statement (``model.QUOTE_KINDS``):

* **direct** quotes in double quotes (straight ``"``, curly ``“ ”`` or CSV-doubled ``""``). The
  claim's span is the quoted content *without* the quote marks (a comma or full stop inside the
  marks stays). The speaker comes from the attribution after the quote (``"…," said Mr X``, ``"…,"
  said Sgt. Ana Ruiz``, ``"…," Mr X said``, ``"…," Mr X, an expert at Y, said in a report``,
  ``"…," he said``, a pull quote's ``"…" — Mr X``) or before it (``Mr X said: "…"``, ``Stan
  commented on the drink, "…"``, ``Adm. Tom Reed, commander of U.S. Pacific Fleet said, "…"``,
  ``according to X, "…"``, ``Kim criticised the press, saying, "…"``: the sentence's subject). A
  quote right after an attributed one continues its speaker: the second half of a split quote
  (``"…," said X. "…"``) and a quote opening the next paragraph. Other unattributed quotes are kept
  only when they open a paragraph and hold at least eight words (no speaker); short scare quotes
  are not claims.
* **indirect** (reported) speech: ``X said (that) …``, ``X said on Tuesday that …``, ``X said in a
  statement …``, ``X told Y …``, ``X believed …``, ``X vowed to …``, ``X warned …``, ``according to
  X, …`` / ``…, according to X``, ``X said:`` followed by a statement block without quote marks
  (the rest of the paragraph, or the next paragraph), and claims reported through a noun (``Mr
  Trump's claims of …``). The span is the reported content (after the cue and any "that"), up to
  the end of the sentence (or clause, for nouns) without its final punctuation; "…, the ministry
  said." reports what precedes the cue. The speaker is the noun phrase right before the cue, an
  appositive skipped ("Tom Reed, a spokesman for the fleet, said"). Passives ("an attack claimed by
  the group", "announced by") are not speech. Belief verbs (believed, thinks, suspects, fears,
  expects) are their own hedge.
* **unattributed** hedged statements: a clause holding a hedge ("believed to be linked", "is
  suspected of", "possibly linked") that no speaker is credited with. The clause runs from the
  previous ``, ``/``;``/``:``/dash (or the sentence start) to the next ``;``/``:``/dash, the next
  ``, `` followed by a clause opener ("which", "despite", "with", ...) or the sentence end.

What a speaker phrase is (an entity, a resolved "he"/"she", a name the entity rules missed, or a
generic phrase never shown as a speaker) is decided in :mod:`workbook.extract.speakers`; the claim
keeps the words as written (``speaker_as_written``) and shows the resolved name (``speaker_text``).

Every search around a quote or cue looks at most :data:`WINDOW` characters away, so that a long
paragraph costs linear time. Every claim carries the first hedge inside its span (or its belief cue)
with its ICD 203 band (see :mod:`workbook.extract.hedges`), and the keys of the entities mentioned
inside its span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbook.extract.base import ClaimRecord, EntityRecord, MentionRecord
from workbook.extract.claim_context import WINDOW, ClaimContext, Quote, find_quotes, quote_spans, strip_span
from workbook.extract.hedges import HEDGE_BANDS, find_hedges
from workbook.extract.phrase_regex import phrase_alternation
from workbook.extract.sentences import Sentence
from workbook.extract.speakers import SPEAKER_ABBREVIATIONS, Speaker, speaker_name_pattern
from workbook.extract.vocabulary import BELIEF_VERBS, QUOTE_VERBS, REPORTING_VERBS

__all__ = ["extract_claims", "quote_spans"]

_VERBS = phrase_alternation(sorted(REPORTING_VERBS, key=len, reverse=True))
_QVERBS = phrase_alternation(sorted(set(REPORTING_VERBS) | QUOTE_VERBS, key=len, reverse=True))  # near quotes
_CUE = re.compile(rf"\b(?:{_VERBS})\b|\b[Aa]ccording to\b")
_SPK = speaker_name_pattern(80)
_SPK_LAZY = speaker_name_pattern(80, lazy=True)
_AFTER_VERB_FIRST = re.compile(rf"\s*[,.!?]?\s*(?P<cue>{_QVERBS})\s+(?P<spk>{_SPK})")
_AFTER_SPEAKER_FIRST = re.compile(
    rf"\s*[,.!?]?\s*(?P<spk>{_SPK_LAZY})(?:,[^\"“”]{{1,250}}?,)?\s+(?:\w+ly\s+)?(?P<cue>{_QVERBS})\b"
)
_AFTER_DASH = re.compile(r"\s*(?:[—–]|--?)\s*(?P<spk>(?:[A-Z][\w'’.-]*\s?){1,4})(?=\s*(?:[,.;(]|$))")
_BEFORE = re.compile(rf"\b(?P<cue>{_QVERBS})(?:\s+[\w'’.-]+){{0,8}}?\s*[:,]\s*$")
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?P<spk>{_SPK})")
_ACCORDING_BEFORE = re.compile(rf"\b[Aa]ccording to\s+(?P<spk>{_SPK}),\s*$")
_NONSPACE = re.compile(r"\S")
# patterns the rules use inside loops, compiled once (the per-document speaker and acronym patterns
# would otherwise push them out of re's cache)
_COLON = re.compile(r"\s*:[ \t]*")
_THAT = re.compile(r"\s*,?\s*that\b")
_CONJUNCTION = re.compile(r"(?:and|but|or|adding)\b")
_PREV_WORD = re.compile(r"([\w'’]+)\W*$")
_JOINER = re.compile(r"[\s,.;:—–-]*")


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
_POSSESSIVE_CLAIM = re.compile(
    r"['’]s\s+(?P<noun>claims?|assertions?|warnings?|pledges?|promises?|insistence|denials?|vows?)\s+(?:of|that)\b"
)
_INVERTED_REST = re.compile(
    r",|and goes on|and went on|and added|adding\b|(?:in|on|at|last|today|yesterday)\b(?:\W+\w+){0,3}\W*$"
)
_TOLD_THAT = re.compile(r"(?:\s+[\w'’-]+){1,5}?\s+that\b")
_TOLD_NAME = re.compile(r"(?:\s+(?:The\s+)?[A-Z][\w'’-]*){1,4}(?=[\s,])")
_TOLD_NOUN = re.compile(r"\s+(?:(?:the|a|an|his|her|their)\s+)?[\w'’-]+(?=[\s,])")
#: What may stand between a cue and its content: "said on Tuesday that", "said in a statement".
_CUE_ADJUNCT = re.compile(
    r"(?:\s*,?\s+(?:in|on|at|during|after|before|via|through|from|last|this|earlier|later|late|yesterday|today)"
    r"\b(?:\s+[\w'’.-]+){0,5}?(?=\s*,?\s+that\b|\s*:)|\s+in\s+an?\s+(?:\w+\s+)?"
    r"(?:statement|release|speech|interview|report|post|tweet|letter|message|briefing|address)\b"
    r"|\s+(?:on\s+)?(?:yesterday|today|on\s+\w+day|last\s+\w+)\b)"
)
_PASSIVE_BY = re.compile(r"\s+by\b")
_WORD = re.compile(r"\w[\w'’-]*")
_APPOSITIVE = re.compile(r",\s+(?:(?:a|an|the|who|whose|his|her|its|their)\s|[a-z])")
_APPOSITIVE_TAIL = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}\s+(?:of|at|for|from|with|in|to)\s+(?:the\s+)?$"
)
_BELIEF_HEDGE = {
    "believ": "believed",
    "think": "thought",
    "thought": "thought",
    "expect": "expected",
    "suspect": "suspected",
    "fear": "feared",
}


@dataclass(frozen=True)
class _Attribution:
    speaker: Speaker
    cue: str | None
    region_end: int  # where the claimed region (quote + attribution + rest of its sentence) ends
    attr_end: int  # where the attribution itself ends


def _attribution_after(ctx: ClaimContext, q: Quote, content_end: int, tail_end: int) -> _Attribution | None:
    """``"…," said Mr X`` / ``"…," Mr X(, an expert at Y,) said`` / ``"…" — Mr X``: the quote must
    end with a comma (or ? !) inside or right after the marks, as attributed quotes do; scare quotes
    do not (a dash and a name may follow any quote that opens its paragraph)."""
    text = ctx.text
    tail_start = q.after
    dash = _AFTER_DASH.match(text, tail_start, tail_end) if _opens_paragraph(text, q) else None
    if dash is not None:
        spk = ctx.speaker(dash.start("spk"), dash.end("spk"), at_end=False)
        if spk is not None and (spk.key or spk.is_name):
            return _Attribution(spk, None, dash.end(), dash.end())
    if text[content_end - 1] not in ",?!" and not text.startswith(",", tail_start):
        return None
    m = _AFTER_VERB_FIRST.match(text, tail_start, tail_end) or _AFTER_SPEAKER_FIRST.match(text, tail_start, tail_end)
    if not m:
        return None
    if m.group("cue").endswith("ing"):  # '"…," saying …' is no attribution after the quote
        return None
    spk = ctx.speaker(m.start("spk"), m.end("spk"), at_end=False)
    if spk is None:
        return None
    end = m.end()
    return _Attribution(spk, m.group("cue"), max(ctx.sentences[ctx.sentence_of(end)].end, end), end)


def _attribution_before(ctx: ClaimContext, head_start: int, open_mark: int) -> _Attribution | None:
    """``Mr X said: "…"``, ``X told reporters, "…"``, ``according to X, "…"``."""
    last = ctx.text[max(head_start, open_mark - 8) : open_mark].rstrip()
    if not last.endswith((":", ",")):
        return None  # both patterns end with ":" or "," right before the quote
    b = _BEFORE.search(ctx.text, head_start, open_mark)
    if b and b.group("cue").endswith("ing"):  # "Kim criticised the press, saying, "…"": the subject speaks
        np = _subject(ctx, b.start())
    else:
        np = _np_before(ctx, head_start, b.start()) if b else None
    if b and np:
        spk = ctx.speaker(*np, at_end=True)
        return _Attribution(spk, b.group("cue"), open_mark, open_mark) if spk else None
    a = _ACCORDING_BEFORE.search(ctx.text, head_start, open_mark)
    if a is not None:
        spk = ctx.speaker(a.start("spk"), a.end("spk"), at_end=True)
        return _Attribution(spk, "according to", open_mark, open_mark) if spk else None
    return None


def _attribution_above(ctx: ClaimContext, q: Quote) -> _Attribution | None:
    """A quote opening its paragraph after a paragraph that ends ``Mr X said:`` (or ``,``)."""
    text = ctx.text
    if not _opens_paragraph(text, q) or q.para_start == 0:
        return None
    end = q.para_start
    while end > 0 and end > q.para_start - 16 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] not in ":," or end == q.para_start:
        return None
    start = text.rfind("\n", max(0, end - WINDOW), end) + 1 or max(0, end - WINDOW)
    return _attribution_before(ctx, start, end)


def _subject(ctx: ClaimContext, at: int) -> tuple[int, int] | None:
    """The span of the first person or organisation mentioned in the sentence holding ``at``, before
    it: the subject of "…, saying", as a rule."""
    sent = ctx.sentences[ctx.sentence_of(at)]
    for m in ctx.speakers.inside(max(sent.start, at - WINDOW), at):
        if ctx.speakers.types.get(m.entity_key) in ("person", "organization", "country"):
            return m.start, m.end
    return None


def _opens_paragraph(text: str, q: Quote) -> bool:
    first = _NONSPACE.search(text, q.para_start, q.open)
    return first is None


def _direct(ctx: ClaimContext) -> list[ClaimRecord]:
    text, out = ctx.text, []
    prev: tuple[Quote, ClaimRecord, _Attribution] | None = None
    quotes = find_quotes(text)
    for n, q in enumerate(quotes):
        cs, ce = strip_span(text, q.open + q.open_w, q.close)
        if cs >= ce:
            continue
        same_para_next = n + 1 < len(quotes) and quotes[n + 1].para_start == q.para_start
        tail_end = min(quotes[n + 1].open if same_para_next else q.para_end, q.after + WINDOW)
        same_para = prev is not None and prev[0].para_start == q.para_start
        head_start = max(prev[0].after if prev and same_para else q.para_start, q.open - WINDOW)
        found = (
            _attribution_after(ctx, q, ce, tail_end)
            or _attribution_before(ctx, head_start, q.open)
            or _attribution_above(ctx, q)
        )
        if found is None and prev is not None:
            pq, _, pa = prev
            if same_para:  # '"…," said X. "…"': nothing but the attribution between the halves
                joined = q.open - pa.attr_end <= 8 and _JOINER.fullmatch(text, pa.attr_end, q.open) is not None
            else:  # a quote opening the paragraph right after the quoted paragraph goes on
                gap = q.para_start - pq.para_end
                joined = gap <= 16 and not text[pq.para_end : q.para_start].strip() and _opens_paragraph(text, q)
            if joined:
                found = _Attribution(pa.speaker, None, q.after, q.after)
        if found is None:
            if not _opens_paragraph(text, q) or len(text[cs:ce].split()) < 8:
                continue  # a scare quote or a title, not a claim
            claim = ctx.claim(cs, ce, "direct", None, None)
            out.append(claim)
            ctx.take(q.open, q.after)
            prev = None
            continue
        claim = ctx.claim(cs, ce, "direct", found.speaker, found.cue)
        out.append(claim)
        ctx.take(min(q.open, found.region_end), max(found.region_end, q.after))
        prev = (q, claim, found)
    return out


def _np_words(ctx: ClaimContext, lo: int, end: int) -> tuple[int, int] | None:
    """The noun phrase ending at ``end`` (at most six words, not crossing punctuation except the
    full stop of an abbreviation or initial: "Adm. Tom Reed", "U.S. officials")."""
    text = ctx.text
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, max(lo, end - 120), end)]
    np: list[tuple[int, int, str]] = []
    for s, e, w in reversed(words):
        gap = text[e:end].strip()
        if gap == "." and np and (w.casefold() in SPEAKER_ABBREVIATIONS or (len(w) == 1 and w.isupper())):
            gap = ""
        if gap or w.casefold() in _NP_STOP or w.casefold() in _BE or len(np) == 6:
            break
        np.insert(0, (s, e, w))
        end = s
    if not np:
        return None
    if np[-1][2].casefold() in _DETERMINERS or np[-1][2].endswith(("'s", "’s", "s'", "s’")):
        return None  # "Mr Trump's claims", "the report": the cue is a noun here
    return np[0][0], np[-1][1]


def _np_before(ctx: ClaimContext, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The speaker phrase right before a cue (skipping "has", "also", ...), as (start, end). An
    appositive between the name and the cue is skipped: "Tom Reed, commander of the fleet, said" and
    "Tom Reed, commander of U.S. Pacific Fleet said" give "Tom Reed"."""
    text = ctx.text
    lo = max(lo, cue_start - 300)
    words = list(_WORD.finditer(text, max(lo, cue_start - 60), cue_start))  # enough to skip "has also"
    while words and words[-1].group().casefold() in _AUX and not text[words[-1].end() : cue_start].strip():
        cue_start = words.pop().start()
    gap_start = words[-1].end() if words else lo
    if text[gap_start:cue_start].strip() == ",":  # "Tom Reed, commander of the fleet, said"
        comma = text.rfind(",", gap_start, cue_start)
        opening = text.rfind(",", max(lo, comma - 200), comma)
        if opening < 0 or not _APPOSITIVE.match(text, opening):
            return None
        return _np_words(ctx, lo, opening)
    np = _np_words(ctx, lo, cue_start)
    if np is None:
        return None
    tail = _APPOSITIVE_TAIL.search(text, max(lo, np[0] - 120), np[0])
    if tail is None and text[np[0]].islower():  # ", commander of U.S. Pacific Fleet said"
        tail = _APPOSITIVE.match(text, text.rfind(",", max(lo, np[0] - 3), np[0]))
    if tail is not None:
        head = _np_words(ctx, lo, tail.start())
        if head is not None and any(
            ctx.speakers.types.get(m.entity_key) == "person" and m.end == head[1] for m in ctx.speakers.inside(*head)
        ):
            return head
    return np


def _block_after(ctx: ClaimContext, pos: int) -> tuple[int, int] | None:
    """``X said:`` with no quote mark after it: the claim is the rest of the paragraph or, when the
    colon ends the paragraph, the next paragraph."""
    text = ctx.text
    colon = _COLON.match(text, pos, pos + 40)
    if colon is None:
        return None
    start = colon.end()
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if not text[start:line_end].strip():  # the block is the next paragraph
        nxt = _NONSPACE.search(text, line_end, min(len(text), line_end + 16))
        if nxt is None:
            return None
        start = nxt.start()
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
    if text[start] in '"“':
        return None  # a quote: the direct rules read it
    s, e = strip_span(text, start, line_end)
    return (s, e) if len(text[s:e].split()) >= 3 else None


def _content_after(ctx: ClaimContext, pos: int, sent_end: int, cue: str) -> tuple[int, int] | None:
    text = ctx.text
    rest_end = min(sent_end, pos + WINDOW)
    if cue.startswith(("told", "tell")):  # skip the person told: "told reporters (that)", "told The Straits Times"
        m = (
            _TOLD_THAT.match(text, pos, rest_end)
            or _TOLD_NAME.match(text, pos, rest_end)
            or _TOLD_NOUN.match(text, pos, rest_end)
        )
        if not m:
            return None
        pos = m.end()
    adjunct = _CUE_ADJUNCT.match(text, pos, rest_end)
    if adjunct:
        pos = adjunct.end()
    block = _block_after(ctx, pos)
    if block is not None:
        return block
    m = _THAT.match(text, pos, rest_end)
    if m:
        pos = m.end()
    s, e = strip_span(text, pos, sent_end, '.!?;:,"“”')
    if (
        s >= e
        or text.count(" ", s, min(e, s + 40)) < 1
        or _CUE.match(text, s)
        or _CONJUNCTION.match(text, s, e)
    ):
        return None
    return s, e


def _belief_hedge(cue: str) -> tuple[str, str] | None:
    low = cue.casefold()
    if low not in BELIEF_VERBS:
        return None
    stem = next((v for k, v in _BELIEF_HEDGE.items() if low.startswith(k)), None)
    return (low, HEDGE_BANDS[stem]) if stem else None


def _according(ctx: ClaimContext, sent: Sentence, m: re.Match[str]) -> ClaimRecord | None:
    """``according to X, …`` / ``…, according to X``."""
    text = ctx.text
    a = _ACCORDING.match(text, m.start(), sent.end)
    if a is None:
        return None
    ss, se = strip_span(text, a.start("spk"), a.end("spk"))
    spk = ctx.speaker(ss, se, at_end=True)
    if spk is None:
        return None
    lead_start = max(sent.start, m.start() - WINDOW)
    lead = strip_span(text, lead_start, m.start(), ",;: ")
    span = lead if lead[0] < lead[1] else strip_span(text, se, min(sent.end, se + WINDOW), ".!?,;: ")
    if text.count(" ", span[0], span[1]) < 1 or ctx.is_taken(*span):
        return None
    ctx.take(min(span[0], m.start()), max(span[1], se))
    return ctx.claim(*span, "indirect", spk, "according to")


def _indirect(ctx: ClaimContext) -> list[ClaimRecord]:
    text, out = ctx.text, []
    for sent in ctx.sentences:
        for m in _CUE.finditer(text, sent.start, sent.end):
            cue = m.group()
            if ctx.is_taken(m.start(), m.end()):
                continue
            if cue.casefold() == "according to":
                found = _according(ctx, sent, m)
                if found is not None:
                    out.append(found)
                    break
                continue
            prev_word = _PREV_WORD.search(text, max(sent.start, m.start() - 40), m.start())
            if prev_word and prev_word.group(1).casefold() in _BE:
                continue  # passive: "is believed to", "was told"
            if _PASSIVE_BY.match(text, m.end(), m.end() + 5):
                continue  # "an attack claimed by the group", "announced by the ministry"
            if cue in BELIEF_VERBS and text.startswith(" to ", m.end()):
                continue  # "factories believed to be linked": an unattributed hedge
            np = _np_before(ctx, sent.start, m.start())
            if np is None:
                continue
            spk = ctx.speaker(*np, at_end=True)
            if spk is None:
                continue
            content: tuple[int, int] | None
            lead_start = max(sent.start, np[0] - WINDOW)
            before_np = text[lead_start : np[0]].rstrip()
            rest = text[m.end() : min(sent.end, m.end() + 80)].strip(" .;")
            if (
                before_np.endswith(",")
                and len(before_np.split()) >= 3
                and (not rest or _INVERTED_REST.match(rest))
                and (m.end() + 80 >= sent.end or rest.startswith(","))
            ):
                content = strip_span(text, lead_start, lead_start + len(before_np) - 1, '"“”')  # "…, he said."
            else:
                content = _content_after(ctx, m.end(), sent.end, cue)
            if content is None or ctx.is_taken(*content):
                continue
            out.append(ctx.claim(*content, "indirect", spk, cue, _belief_hedge(cue)))
            ctx.take(min(np[0], content[0]), max(content[1], m.end()))
            break
    return out


def _clause(text: str, sent: Sentence, at: int) -> tuple[int, int]:
    left = sent.start
    for b in _LEFT_BOUNDARY.finditer(text, max(sent.start, at - 2000), at):
        left = b.end()
    right_match = _RIGHT_BOUNDARY.search(text, at, min(sent.end, at + 2000))
    right = right_match.start() if right_match else sent.end
    return strip_span(text, left, right, ".!?,;:")


def _possessive(ctx: ClaimContext) -> list[ClaimRecord]:
    """ "Mr Trump's claims of progress", "Kim's pledge that ...": a claim reported through a noun."""
    text, out = ctx.text, []
    for m in _POSSESSIVE_CLAIM.finditer(text):
        owner = [x for x in ctx.speakers.inside(max(0, m.start() - 80), m.start()) if x.end == m.start()]
        if not owner or ctx.is_taken(m.start(), m.end()):
            continue
        sent = ctx.sentences[ctx.sentence_of(m.end())]
        s, e = strip_span(text, m.end(), _clause(text, sent, m.end())[1], ".!?,;:")
        if len(text[s:e].split()) < 2:
            continue
        written = " ".join(text[owner[-1].start : owner[-1].end].split())
        key = owner[-1].entity_key
        speaker = Speaker(key, ctx.speakers.shown(key, written), written)
        out.append(ctx.claim(s, e, "indirect", speaker, m.group("noun")))
        ctx.take(owner[-1].start, e)
    return out


def _unattributed(ctx: ClaimContext) -> list[ClaimRecord]:
    out = []
    for sent in ctx.sentences:
        last_end = -1
        for h in find_hedges(ctx.text, sent.start, sent.end):
            if h.start < last_end or ctx.is_taken(h.start, h.end):
                continue
            s, e = _clause(ctx.text, sent, h.start)
            if not (s <= h.start and h.end <= e):
                continue
            out.append(ctx.claim(s, e, "unattributed", None, None, h))
            last_end = e
    return out


def extract_claims(
    text: str, sentences: list[Sentence], entities: Sequence[EntityRecord], mentions: Sequence[MentionRecord]
) -> list[ClaimRecord]:
    """Direct, indirect and unattributed hedged claims of one document, in text order (see the
    module docstring for the rules). ``entities``/``mentions`` come from the entity extractor; their
    keys become the claims' speaker and entity keys."""
    ctx = ClaimContext(text, sentences, entities, mentions)
    claims = _direct(ctx)
    claims += _indirect(ctx)
    claims += _possessive(ctx)
    claims += _unattributed(ctx)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims
