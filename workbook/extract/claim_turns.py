"""Transcript turns: paragraphs opened by a speaker label, as hearings, briefings, parliamentary
records and printed interviews are written.

* ``CHAIRMAN WICKER: The committee will come to order.``, ``ADM. PAPARO: …``, ``MR. PARNELL: …``
  (a label in capitals: titles and a surname);
* ``Mr James Cartlidge (South Suffolk) (Con): …`` and ``The Secretary of State for Defence (John
  Healey): …`` (Hansard: the name before the constituency, or in brackets after an office);
* ``Q: …`` / ``A: …`` (an interview: the questions are the interviewer's and are not claims; the
  answers are the interviewee's, the first person the document names before its first turn).

Each turn is one direct claim: the paragraph after its label. A document must hold at least two
labelled paragraphs for any of them to be read as turns ("UPDATE: …" alone is not a transcript).
A surname label resolves to the person of the document with that surname ("MR. PARNELL" → "Sean
Parnell"); otherwise the label is shown without its titles, in title case ("Paparo").
"""

from __future__ import annotations

import re

from workbook.extract.base import ClaimRecord
from workbook.extract.claim_context import ClaimContext, strip_span
from workbook.extract.speakers import Speaker, speaker_name_pattern

__all__ = ["MIN_TURNS", "transcript_turns"]

#: A document needs this many labelled paragraphs for them to be read as transcript turns.
MIN_TURNS = 2
_CAPS_LABEL = re.compile(
    r"^[ \t]*(?P<label>(?:[A-Z][A-Z'’.-]*[ \t]+){0,3}[A-Z][A-Z'’-]*\.?)[ \t]*:[ \t]+(?=\S)", re.MULTILINE
)
#: What every match of ``_CAPS_LABEL`` holds (a colon, then a space or tab), searched in C from the
#: colon: no such colon, no search (tests/test_claim_gates.py).
_CAPS_LABEL_GATE = re.compile(r":[ \t]")
#: A label written as a name ("Rosalind Okafor: …", "Wikinews: …", "Dr. Ana Ruiz: …"): read only when the
#: same label opens two paragraphs or more (an interview's or hearing's turns) and names a speaker.
_NAME_LABEL = re.compile(
    r"^[ \t]*(?P<label>[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|van|von|al|bin)){0,4})[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
_HANSARD_LABEL = re.compile(
    r"^[ \t]*(?P<label>(?:The[ \t]+)?[A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,12}?)[ \t]*\((?P<paren>[^()\n]{2,60})\)"
    r"(?:[ \t]*\([^()\n]{1,40}\))*[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
#: What every Hansard label ends with (a bracket closed, then the colon): a text without it has none.
_HANSARD_CUE = re.compile(r"\)[ \t]*:[ \t]")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Rt Hon)\.?\s+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LABEL_TITLES = _words(
    """mr mrs ms miss dr sen senator rep representative adm admiral gen general lt col colonel maj major capt
    captain cmdr sgt amb ambassador chairman chairwoman chair secretary minister president vice prof hon
    judge justice the mister madam"""
)
_INTERVIEW_WITH = re.compile(
    rf"\b[Ii]nterview(?:ed)?\s+(?:with\s+)?(?P<who>{speaker_name_pattern(60, lazy=True)})"
    r"(?=[,.;(]|\s+(?:about|on|in|at)\b)"
)
#: Capitalised labels that head a paragraph but are nobody's turn.
_NOT_SPEAKERS = _words(
    """update updated note editor's editors note correction clarification watch read related see also
    background source sources photo video file warning disclaimer summary image caption"""
) | frozenset({"editor's note", "editors' note", "read more", "see also"})
_QUESTION = frozenset({"q", "question", "interviewer"})
_QUESTION_END = re.compile(r"\?[\"”’')\]]*\s*$")
_ANSWER = frozenset({"a", "answer"})


def _is_place(ctx: ClaimContext, s: int, e: int) -> bool:
    return any(ctx.speakers.types.get(m.entity_key) == "place" for m in ctx.speakers.inside(s, e))


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _interviewee(ctx: ClaimContext, before: int) -> Speaker | None:
    """The interview's subject: the person after "interview with" before the first turn ("An
    interview with Gen. Tomas Varga, chief of …"), else the first person the document names there."""
    with_ = _INTERVIEW_WITH.search(ctx.text, 0, before)
    if with_ is not None:
        found = ctx.speaker(with_.start("who"), with_.end("who"), at_end=False)
        if found is not None and found.shown:
            return Speaker(found.key, found.shown, "A", found.is_name)
    for m in ctx.speakers.inside(0, before):
        if ctx.speakers.types.get(m.entity_key) == "person":
            name = ctx.speakers.names[m.entity_key]
            return Speaker(m.entity_key, name, "A")
    return None


def _caps_speaker(ctx: ClaimContext, label: str, at: int) -> Speaker:
    words = [w.strip(".") for w in label.split()]
    name = [w for w in words if w.casefold() not in _LABEL_TITLES]
    if len(name) == 1:
        known = ctx.speakers.by_surname(name[0].capitalize(), at)
        if known is not None and known.shown and not known.shown.isupper():
            return Speaker(known.key, known.shown, label, known.is_name)
        if known is not None and known.key:  # the entity rules read the capitalised label itself
            return Speaker(known.key, name[0].capitalize(), label)
    shown = " ".join(w.capitalize() for w in (name or words))
    return Speaker(None, shown, label, is_name=bool(name))


def _hansard_speaker(ctx: ClaimContext, m: re.Match[str]) -> Speaker:
    label, paren = m.group("label"), m.group("paren")
    if label.startswith("The ") or label.startswith("The\t"):  # "The Secretary of State for Defence (John Healey)"
        s, e = m.span("paren")
    else:  # "Mr James Cartlidge (South Suffolk)"
        s, e = m.span("label")
        hon = _HONORIFIC.match(label)
        if hon is not None:
            s += hon.end()
    s, e = strip_span(ctx.text, s, e)
    name = " ".join(ctx.text[s:e].split())
    found = ctx.speaker(s, e, at_end=True)
    if found is not None and found.shown:
        return Speaker(found.key, found.shown, label if paren is None else f"{label} ({paren})", found.is_name)
    return Speaker(None, name, f"{label} ({paren})", is_name=True)


def _name_label_turns(ctx: ClaimContext, taken: set[int]) -> list[tuple[int, int, re.Match[str], bool]]:
    """The turns opened by a label written as a name (:data:`_NAME_LABEL`) that opens two paragraphs or
    more and is neither a heading word ("Update", "Note") nor a place (a dateline)."""
    text = ctx.text
    found = [m for m in _NAME_LABEL.finditer(text) if m.start() not in taken] if _CAPS_LABEL_GATE.search(text) else []
    counts: dict[str, int] = {}
    for m in found:
        counts[m.group("label")] = counts.get(m.group("label"), 0) + 1
    return [
        (m.start(), m.end(), m, False)
        for m in found
        if counts[m.group("label")] >= MIN_TURNS
        and m.group("label").casefold() not in _NOT_SPEAKERS
        and m.group("label").casefold() not in _QUESTION | _ANSWER
        and not _is_place(ctx, *m.span("label"))
    ]


def transcript_turns(ctx: ClaimContext) -> list[ClaimRecord]:
    """One direct claim per transcript turn (see the module docstring), in text order."""
    text = ctx.text
    turns: list[tuple[int, int, re.Match[str], bool]] = []  # (label start, content start, match, hansard)
    for m in _HANSARD_LABEL.finditer(text) if _HANSARD_CUE.search(text) else ():
        turns.append((m.start(), m.end(), m, True))
    taken = {t[0] for t in turns}
    for m in _CAPS_LABEL.finditer(text) if _CAPS_LABEL_GATE.search(text) else ():
        label = m.group("label").casefold().rstrip(".")
        if m.start() in taken or len(label) > 40 or label in _NOT_SPEAKERS or _is_place(ctx, *m.span("label")):
            continue  # "UPDATE:", "ISLAMABAD:" (a dateline)
        turns.append((m.start(), m.end(), m, False))
    turns += _name_label_turns(ctx, {t[0] for t in turns})
    if len(turns) < MIN_TURNS:
        return []
    turns.sort(key=lambda t: t[0])
    first = turns[0][0]
    interviewee: Speaker | None = None
    out: list[ClaimRecord] = []
    for _, content, m, hansard in turns:
        s, e = strip_span(text, content, _paragraph_end(text, content))
        if s >= e or ctx.is_taken(s, e):
            continue
        if hansard:
            speaker = _hansard_speaker(ctx, m)
        elif m.re is _NAME_LABEL:
            if _QUESTION_END.search(text, s, e):  # the interviewer's question: not a claim
                continue
            named = ctx.speaker(*m.span("label"), at_end=True)
            if named is None or not named.shown:
                continue
            speaker = Speaker(named.key, named.shown, m.group("label"), named.is_name)
        else:
            low = m.group("label").casefold().rstrip(".")
            if low in _QUESTION:
                continue
            if low in _ANSWER:
                interviewee = interviewee or _interviewee(ctx, first)
                if interviewee is None:
                    continue
                speaker = interviewee
            else:
                speaker = _caps_speaker(ctx, m.group("label"), m.start())
        out.append(ctx.claim(s, e, "direct", speaker, None))
        ctx.take(m.start(), e)
    return out
