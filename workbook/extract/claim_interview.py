"""Interviews written as questions and answers: the answers are the interviewee's words.

Printed interviews (news sites, magazines, press releases) often carry no speaker labels: a
question paragraph (ending with "?", addressed to "you") is followed by the answer paragraph(s),
and the lead says who is interviewed ("Wikinews interviewed Tina Holm, …", "We spoke with Dr. Ana
Ruiz", "Col. Ada Park, commander of …, spoke to Airman Magazine", "Attorney Ben Ortiz answered
five questions"). Others write the labels inside a paragraph ("Q: … ? A: …") and name the
interviewee after the exchange. :func:`interview_answers` reads both:

* **layout**: at least :data:`MIN_PAIRS` question paragraphs, each followed directly by an answer
  paragraph, at least one of them addressed to "you"/"your"; or at least two inline ``A:`` labels
  after ``Q:`` labels. Captions ("File photo … Image: …", a short line with no final stop) are
  neither questions nor answers; the paragraphs after a question up to the next one are answers.
* **interviewee**: the person after an interview cue ("interviewed X", "spoke with X", "caught up
  with X"), or opening the cue's sentence for cues whose subject answers ("X answered questions",
  "X spoke to the magazine"); the cue is looked for before the first question (for inline labels,
  anywhere in the document); with a cue but nobody next to it, the first person the document names
  before the first question. No cue or no interviewee, no answers: court transcripts (a lawyer's
  questions, a witness's answers) and essays with rhetorical questions are not interviews.
* **claims**: each run of an answer's sentences that no other rule claimed is one direct claim of
  the interviewee (the words as written: the name at the cue); a claim inside an answer whose
  speaker is "I" or nobody becomes the interviewee's. Reported speech inside an answer ("Frank
  said …", a quotation of five words or more) is not made the interviewee's. Questions are not claims.
"""

from __future__ import annotations

import dataclasses
import re

from workbook.extract.base import ClaimRecord
from workbook.extract.claim_context import ClaimContext, strip_span
from workbook.extract.claim_phrases import CUE
from workbook.extract.speakers import Speaker

__all__ = ["MIN_PAIRS", "interview_answers"]

#: A document needs this many question paragraphs each followed by an answer to be an interview.
MIN_PAIRS = 2
_QUESTION_END = re.compile(r"\?[\"”’')\]]*$")
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_FINAL = re.compile(r"[.!?…\"”’')\]]$")
#: Cues whose object is the interviewee ("interviewed X"); the others' subject may be ("X spoke to …").
_CUE = re.compile(
    r"\b(?P<obj>[Ii]nterview(?:s|ed|ing)?(?:\s+with)?|caught\s+up\s+with|sat\s+down\s+with)\b"
    r"|\b(?P<either>spoke|talked|speaks|talks)\s+(?:with|to)\b"
    r"|\b(?P<subj>answered|answers)\s+(?:[\w-]+\s+){0,2}questions\b"
    # "X tells Radio 4 about …" (a headline: X answers)
    r"|\b(?P<tells>tells|told)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s+(?:about|how|why|what)\b"
)
#: (The label first, then what is behind it: ``re`` skips in C to the next Q or A.)
_INLINE = re.compile(r"(?P<label>Q|A)(?:(?<![^\n][QA])|(?<=[.!?\"”]\s[QA]))\s?:\s+")
#: What every match of ``_INLINE`` holds (a colon and a space), searched in C from the colon: no colon
#: and space, no search (tests/test_claim_gates.py).
_INLINE_GATE = re.compile(r":\s")
_WORDS_MAX_QUESTION = 80
_QUOTED = re.compile(r'"[^"\n]{1,400}"|“[^”\n]{1,400}”')
_SELF = re.compile(r"\b(?:I|we|We)(?:['’](?:ve|d|ll))?(?:\s+\w+ly)?\s+$")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        s, e = strip_span(text, pos, pos + len(line))
        if s < e:
            out.append((s, e))
        pos += len(line) + 1
    return out


def _is_caption(text: str, s: int, e: int) -> bool:
    para = text[s:e]
    return "Image:" in para or "image:" in para or (len(para.split()) < 12 and not _FINAL.search(para))


def _is_question(text: str, s: int, e: int) -> bool:
    return bool(_QUESTION_END.search(text[s:e])) and len(text[s:e].split()) <= _WORDS_MAX_QUESTION


def _layout(text: str) -> tuple[int, list[tuple[int, int]]] | None:
    """(start of the first question, answer paragraphs) of an unlabelled question-answer layout."""
    paras = _paragraphs(text)
    pairs = addressed = 0
    first = -1
    answers: list[tuple[int, int]] = []
    in_answer = False
    for i, (s, e) in enumerate(paras):
        if _is_question(text, s, e):
            in_answer = True
            if i + 1 < len(paras) and not _is_question(text, *paras[i + 1]) and not _is_caption(text, *paras[i + 1]):
                pairs += 1
                addressed += bool(_YOU.search(text, s, e))
                first = s if first < 0 else first
        elif in_answer and not _is_caption(text, s, e):
            answers.append((s, e))
    if pairs < MIN_PAIRS or addressed < 1:
        return None
    return first, [a for a in answers if a[0] > first]


def _inline(text: str) -> list[tuple[int, int]]:
    """Answer spans of inline "Q: … A: …" labels (from after "A:" to the next label or the
    paragraph's end), when at least two answers follow questions."""
    if _INLINE_GATE.search(text) is None:
        return []
    labels = list(_INLINE.finditer(text))
    out: list[tuple[int, int]] = []
    asked = False
    for n, m in enumerate(labels):
        if m.group("label") == "Q":
            asked = True
            continue
        if not asked:
            continue
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if n + 1 < len(labels) and labels[n + 1].start() < end:
            end = labels[n + 1].start()
        s, e = strip_span(text, m.end(), end)
        if s < e:
            out.append((s, e))
    return out if len(out) >= 2 else []


def _persons(ctx: ClaimContext, s: int, e: int) -> list[Speaker]:
    out = []
    for m in ctx.speakers.inside(s, e):
        if ctx.speakers.types.get(m.entity_key) == "person":
            written = " ".join(ctx.text[m.start : m.end].split())
            out.append(Speaker(m.entity_key, ctx.speakers.names.get(m.entity_key, written), written))
    return out


def _interviewee(ctx: ClaimContext, before: int) -> Speaker | None:
    """The person an interview cue before ``before`` names (see the module docstring): after the
    cue, else opening its sentence, a full name (two words or more) before a single word ("An
    Interview with the 'Mets Poet'" after "Frank Messina:"); with nobody next to the cue, the first
    person named before ``before``. No cue, no interviewee."""
    for cue in _CUE.finditer(ctx.text, 0, before):
        sent = ctx.sentences[ctx.sentence_of(cue.start())] if ctx.sentences else None
        s_start = sent.start if sent else 0
        s_end = min(sent.end if sent else len(ctx.text), cue.end() + 200)
        pool = [] if cue.group("subj") or cue.group("tells") else _persons(ctx, cue.end(), s_end)
        pool += _persons(ctx, s_start, cue.start())
        full = [p for p in pool if len((p.shown or "").split()) >= 2]
        if full or pool:
            return (full or pool)[0]
        first = _persons(ctx, 0, before)
        return first[0] if first else None
    return None


def interview_answers(ctx: ClaimContext, claims: list[ClaimRecord]) -> list[ClaimRecord]:
    """``claims`` with the answers of an interview claimed for the interviewee (see the module
    docstring): unattributed claims inside answers given to the interviewee, new direct claims
    for the answers' unclaimed sentences, in text order of the rules (the caller sorts)."""
    text = ctx.text
    layout = _layout(text)
    if layout is not None:
        first, answers = layout
        who = _interviewee(ctx, first)
    else:
        answers = _inline(text)
        if not answers:
            return claims
        who = _interviewee(ctx, answers[0][0]) or _interviewee(ctx, len(text))
    if who is None or not answers:
        return claims
    out = list(claims)
    for i, c in enumerate(out):
        written = (c.speaker_as_written or "").casefold()
        first_person = c.speaker_key is None and written == "i" and _within(answers, c.start, c.end)
        unattributed = c.speaker_key is None and not written and c.quote_kind == "direct"
        if first_person or (unattributed and (_within(answers, c.start, c.end) or _repeats(text, c, answers))):
            out[i] = dataclasses.replace(
                c, speaker_key=who.key, speaker_text=who.shown, speaker_as_written=who.as_written
            )
    for s, e in answers:
        run: tuple[int, int] | None = None
        for sent in ctx.sentences[ctx.sentence_of(s) :]:
            if sent.start >= e:
                break
            ss, se = strip_span(text, max(sent.start, s), min(sent.end, e))
            if ss >= se:
                continue
            if ctx.is_taken(ss, se) or _reports_another(text, ss, se):
                if run is not None:
                    out.append(_answer(ctx, run, who))
                run = None
                continue
            run = (run[0], se) if run is not None else (ss, se)
        if run is not None:
            out.append(_answer(ctx, run, who))
    return out


def _repeats(text: str, c: ClaimRecord, answers: list[tuple[int, int]]) -> bool:
    """Is the claim a pull quote: its first words (at least five) repeated inside an answer?"""
    head = " ".join(text[c.start : c.end].split()[:8])
    return len(head.split()) >= 5 and any(head in " ".join(text[a:b].split()) for a, b in answers)


def _reports_another(text: str, s: int, e: int) -> bool:
    """Does the sentence [s, e) report someone else's words: a cue not after "I" or "we" ("The
    e-mail said, …"), or a quotation of five words or more?"""
    if any(len(text[q.start() : q.end()].split()) >= 5 for q in _QUOTED.finditer(text, s, e)):
        return True  # "a wonderful quote attributed to Ada Byrne — "…"": someone else's words
    return any(not _SELF.search(text, max(s, m.start() - 16), m.start()) for m in CUE.finditer(text, s, e))


def _within(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _answer(ctx: ClaimContext, span: tuple[int, int], who: Speaker) -> ClaimRecord:
    ctx.take(*span)
    return ctx.claim(*span, "direct", who, None)
