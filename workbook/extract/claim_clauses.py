"""Reported speech carried by a clause rather than by a speaker phrase before its cue.

* **impersonal passives**: "It was announced on Monday that …", "It is understood that …", "It has
  been reported that …": reported speech with nobody named. The claim has no speaker; the words
  ("It was announced") are kept as written, and a belief verb ("it is feared that") is its hedge.
* **passives of telling**: "Residents were told that …", "We were informed by the landlord that
  …": the agent after "by" speaks when it names a speaker; else nobody named, the words kept.
* **"as X put it"**: "As the director, Joan Pike, put it, "we are out of time"", "…, as Kofi Mensah
  put it." — the words are X's: the clause after the comma (the phrase opening its sentence) or the
  clause before it (the phrase closing its sentence). Only the clause joined to the phrase by its
  comma is claimed, so a scare quote elsewhere in the sentence is not X's; the speaker must be named.
* **participles**: "Rutte urged allies to spend more, warning that …", "The ministry denied the
  report, insisting that …", "Birkett thanked donors, adding that …" (when the subject opens the
  sentence and no attribution closes the clause before: "…, he noted, adding that" is the
  attribution's), "Rumsfeld rejected an attack, saying there were no targets" (without
  "that" only before a pronoun or determiner): the speaker is the sentence's subject (its first
  person or organisation, before the participle).
* **"per X"**: "North Korea fired a missile at 5 p.m., per South Korea's military, …" — the
  clause before ", per" is the named source's (as "…, according to X"); the source must resolve to
  a name ("per cent", "per day" and "per the contract" are not sources).
* **descriptions without quote marks**: "Zenghelis described her as the most outstanding pupil he
  ever taught", "The minister called it a betrayal of trust" is not read (no "as"); the speaker is
  the phrase right before the verb and must resolve (a passive "was described as" names nobody).

Both run after the other claim rules and skip text they took; every search stays inside the
sentence (and :data:`~workbook.extract.claim_context.WINDOW` characters).
"""

from __future__ import annotations

import re

from workbook.extract.base import ClaimRecord
from workbook.extract.claim_context import WINDOW, ClaimContext, strip_span
from workbook.extract.claim_phrases import CUE, content_after, np_before
from workbook.extract.hedges import HEDGE_BANDS
from workbook.extract.speakers import Speaker

__all__ = [
    "described_as_claims",
    "impersonal_claims",
    "participle_claims",
    "per_source_claims",
    "put_it_claims",
    "sentence_subject",
    "told_passive_claims",
]

_IMPERSONAL = re.compile(
    r"[Ii](?<!\w[Ii])t\s+(?:was|is|has\s+been|had\s+been|will\s+be)\s+(?:also\s+|officially\s+|now\s+|widely\s+)?"
    r"(?P<cue>announced|reported|understood|claimed|alleged|learned|learnt|confirmed|stated|believed|feared"
    r"|expected|thought|rumou?red|estimated|suggested|argued|predicted)\b"
    r"(?:\s+by\s+(?P<by>[^;:.!?\"“”]{1,100}?)(?=,?\s+that\b)|(?=(?:[\s,]+[\w'’.-]+){0,6}?[\s,]+that\b))"
)
#: The same passive with its agent closing the sentence after what was said: "…, it was announced by the
#: ministry on Thursday." (the clause before the comma is the agent's).
_IMPERSONAL_CLOSING = re.compile(
    r",\s+it\s+was\s+(?:also\s+|officially\s+)?(?P<cue>announced|reported|confirmed|stated|claimed|revealed)"
    r"\s+by\s+(?P<by>[^;:.!?\"“”]{1,100}?)(?:\s+(?:on|in|at|last|this|earlier|late)\b[^,;:.!?\"“”]{0,30})?\s*[.!?]?\s*$"
)
#: The passive of a telling verb before a clause: "Residents were told that …", "We were informed by
#: the landlord that …", "I was assured that …": reported speech whose speaker is the agent after
#: "by", or nobody named (the passive's words kept).
_TOLD_CUES = ("told", "informed", "assured", "advised", "notified", "reminded", "warned")
_TOLD_PASSIVE = re.compile(
    r"(?:was(?<!\wwas)|were(?<!\wwere)|been(?<!\wbeen)|being(?<!\wbeing)|is(?<!\wis)|are(?<!\ware)|am(?<!\wam))\s+(?:also\s+|repeatedly\s+|later\s+)?"
    rf"(?P<cue>{'|'.join(_TOLD_CUES)})"
    r"(?:\s+by\s+(?P<by>[^,;:.!?\"“”]{1,80}?))?(?=,?\s+that\b)"
)
_BELIEF = frozenset({"believed", "feared", "expected", "thought"})
# Pre-checks: a text none of whose matches can exist is not searched. Each gate is a piece every match of
# its pattern holds, searched in C from a literal first character (``t``, ``p``) or found with ``in``:
# "It was|is|has been|had been|will be", "put|puts|phrased|phrases it", "describe"/"characteri", and
# "that" with a telling verb (tests/test_claim_gates.py checks that no match exists where a gate fails). An
# impersonal passive is searched from the first gate's "It" on (no match can open before it).
_IMPERSONAL_GATE = re.compile(r"t\s+(?:was|is|has\s+been|had\s+been|will\s+be)\s")
_PUT_IT_GATE = re.compile(r"p(?:ut|uts|hrased|hrases)\s+it\b")


def _may_be_told_passive(text: str) -> bool:
    return "that" in text and any(w in text for w in _TOLD_CUES)


def _may_be_described_as(text: str) -> bool:
    return "describe" in text or "characteri" in text


# (The patterns here open with a letter and check the word boundary behind it, ``[Ii](?<!\w[Ii])``
# for ``\b[Ii]``, so that ``re`` skips in C to the next possible first letter.)
_DESCRIBED_AS = re.compile(
    r"(?P<cue>d(?<!\wd)escribe[ds]|c(?<!\wc)haracteri[sz]e[ds])\s+(?:him|her|them|it|himself|herself"
    r"|themselves|(?:the|this|that|these|those|his|her|its|their)\s+[\w'’-]+(?:\s+[\w'’-]+)?)\s+as\s+"
    r"(?=(?:the|a|an|one|his|her|its|their|being|[a-z]+(?:est|ly))\b)"
)
_PARTICIPLE = re.compile(
    r",\s+(?:and\s+)?(?P<cue>warning|insisting|arguing|claiming|stressing|noting|vowing|pledging|asserting"
    r"|declaring|explaining|saying|writing|charging|alleging|demanding|announcing|complaining|suggesting|adding)"
    r"\s+(?=that\b)"
    r"|,\s+(?:and\s+)?(?P<bare>saying|insisting|arguing|warning)\s+"  # "…, saying there were no targets"
    r"(?=(?:there|it|he|she|they|we|I|its|his|her|their|this|these|those)\s+[a-z])"
    r"|,\s+(?:and\s+)?(?P<told>telling)(?=(?:\s+[\w'’-]+){1,4}?\s+that\b)"  # "…, telling reporters that"
)


def sentence_subject(ctx: ClaimContext, at: int) -> tuple[int, int] | None:
    """The span of the first person or organisation mentioned in the sentence holding ``at``, before
    it: the subject of "…, saying", as a rule."""
    sent = ctx.sentences[ctx.sentence_of(at)]
    found = ctx.speakers.inside(max(sent.start, at - WINDOW), at)
    for i, m in enumerate(found):
        if ctx.speakers.types.get(m.entity_key) in ("person", "organization", "country"):
            nxt = found[i + 1] if i + 1 < len(found) else None
            if (  # "NATO Secretary General Mark Rutte": the person after the organisation and titles
                nxt is not None
                and ctx.speakers.types.get(m.entity_key) != "person"
                and ctx.speakers.types.get(nxt.entity_key) == "person"
                and ctx.speakers.only_titles(m.end, nxt.start)
            ):
                return m.start, nxt.end
            return m.start, m.end
    return None


#: A time or manner closing a passive's agent: "by the Washington Post recently", "by Reuters on Monday".
_AGENT_TIME = re.compile(r"\s+(?:[a-z]+ly|today|yesterday|(?:on|in|at|last|this|earlier|late)\s+[\w ]+)$")


def _agent(ctx: ClaimContext, m: re.Match[str]) -> Speaker | None:
    """The speaker named after "by" in a passive: its last comma-separated part that resolves ("by the
    council's finance officer, Mark Tillotson" gives Mark Tillotson); None when none does."""
    if m.group("by") is None:
        return None
    base = m.start("by")
    for part in reversed(list(re.finditer(r"[^,]+", m.group("by")))):
        ss, se = strip_span(ctx.text, base + part.start(), base + part.end())
        when = _AGENT_TIME.search(ctx.text, ss, se)  # "by the Washington Post recently": the agent before
        se = when.start() if when is not None and when.start() > ss else se
        spk = ctx.speaker(ss, se, at_end=True) if ss < se else None
        if spk is not None and spk.shown is not None:
            return spk
    return None


def impersonal_claims(ctx: ClaimContext) -> list[ClaimRecord]:
    """ "It was announced that …": claims with no speaker, the passive's words kept; with an agent
    ("It was confirmed by the finance officer, Mark Tillotson, that …", "…, it was announced by the
    ministry on Thursday.") the agent speaks when it resolves."""
    text, out = ctx.text, []
    gate = _IMPERSONAL_GATE.search(text)
    if gate is None:
        return []
    for m in _IMPERSONAL.finditer(text, max(0, gate.start() - 1)):  # no match opens before the gate's "It"
        if ctx.is_taken(m.start(), m.end()):
            continue
        sent = ctx.sentences[ctx.sentence_of(m.start())]
        cue = m.group("cue")
        content = content_after(ctx, m.end(), sent.end, cue)
        if content is None or ctx.is_taken(*content):
            continue
        hedge = (cue, HEDGE_BANDS[cue]) if cue in _BELIEF else None
        written = " ".join(text[m.start() : m.end()].split())
        out.append(ctx.claim(*content, "indirect", _agent(ctx, m) or Speaker(None, None, written), cue, hedge))
        ctx.take(m.start(), content[1])
    for sent in ctx.sentences:
        if "by" not in text[sent.start : sent.end]:
            continue
        closing = _IMPERSONAL_CLOSING.search(text, sent.start, sent.end)
        if closing is None or ctx.is_taken(closing.start(), closing.end()):
            continue
        content = strip_span(text, sent.start, closing.start(), '.!?;:,"“”')
        if text.count(" ", *content) < 2 or ctx.is_taken(*content):
            continue
        written = " ".join(text[closing.start() + 1 : closing.end("cue")].split())
        speaker = _agent(ctx, closing) or Speaker(None, None, written)
        out.append(ctx.claim(*content, "indirect", speaker, closing.group("cue")))
        ctx.take(content[0], closing.end())
    return out


def told_passive_claims(ctx: ClaimContext) -> list[ClaimRecord]:
    """ "Residents were told that …", "We were informed by the landlord that …": the agent after "by"
    speaks when it resolves to a speaker; else the claim has no speaker and keeps the passive's words."""
    text, out = ctx.text, []
    if not _may_be_told_passive(text):
        return []
    for m in _TOLD_PASSIVE.finditer(text):
        if ctx.is_taken(m.start(), m.end()):
            continue
        sent = ctx.sentences[ctx.sentence_of(m.start())]
        content = content_after(ctx, m.end(), sent.end, m.group("cue"))
        if content is None or ctx.is_taken(*content):
            continue
        speaker = ctx.speaker(m.start("by"), m.end("by"), at_end=True) if m.group("by") else None
        if speaker is None or speaker.shown is None:
            speaker = Speaker(None, None, " ".join(text[m.start() : m.end()].split()))
        out.append(ctx.claim(*content, "indirect", speaker, m.group("cue")))
        ctx.take(m.start(), content[1])
    return out


_PUT_IT = re.compile(
    r"[Aa](?<!\w[Aa])s\s+(?P<spk>[^,.;:!?\"“”\n]{2,60}?(?:,\s*[^,.;:!?\"“”\n]{2,60},)?)\s+"
    r"(?:(?:once|later|famously|memorably|aptly|so\s+aptly|so\s+well|has|had|would)\s+)?"
    r"(?:put|puts|phrased|phrases)\s+it\b"
)


def put_it_claims(ctx: ClaimContext) -> list[ClaimRecord]:
    """ "As X put it, …" / "…, as X put it.": X's words are the clause joined to the phrase by its comma."""
    text, out = ctx.text, []
    if _PUT_IT_GATE.search(text) is None:
        return []
    for m in _PUT_IT.finditer(text):
        if ctx.is_taken(m.start(), m.end()):
            continue
        sent = ctx.sentences[ctx.sentence_of(m.start())]
        lead = text[sent.start : m.start()].strip(" \"“”'‘’(")
        if not lead and text.startswith(",", m.end()):  # "As X put it, <clause>."
            raw = strip_span(text, m.end() + 1, sent.end, ".!?,;: ")
        elif lead.endswith(",") and not text[m.end() : sent.end].strip(" .!?\"”’'"):  # "<clause>, as X put it."
            raw = strip_span(text, sent.start, text.rfind(",", sent.start, m.start()), ".!?,;: ")
        else:
            continue
        marks = sum(text.count(q, *raw) for q in '"“”')
        quoted = marks == 2 and text[raw[0]] in '"“' and text[raw[1] - 1] in '"”'  # the clause is the quote
        content = strip_span(text, *raw, '.!?,;: "“”') if quoted else raw
        if content[1] - content[0] < 8 or ctx.is_taken(*content):
            continue
        speaker = ctx.speaker(m.start("spk"), m.end("spk"), at_end=True)
        if speaker is None:
            continue
        out.append(ctx.claim(*content, "direct" if quoted else "indirect", speaker, "put it"))
        ctx.take(min(m.start(), content[0]), max(m.end(), content[1]))
    return out


#: The words a subject may stand after at its sentence's start ("The", "On Monday", "Parish council chair").
_LEAD_WORDS = re.compile(r"[A-Za-z]+")
_VERB_LIKE = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "said"})


def _adding_to_own_clause(text: str, sent_start: int, subject_start: int, comma: int) -> bool:
    """Is ", adding that" at ``comma`` the second verb of the sentence's subject ("Erekat called on Washington to
    …, adding that …"), not of an attribution written after the words ("…, he noted, adding that …": the rules of
    attributions read those) nor of another subject than the first name in the sentence ("People … are mocking
    at the "Saenuri Party" …, adding that": the party is an object)? The subject must open the sentence (at most
    four words before it, none a verb) and no reporting verb may close the clause before the comma (within three
    words)."""
    lead = [w.casefold() for w in _LEAD_WORDS.findall(text, sent_start, subject_start)]
    if len(lead) > 4 or any(w in _VERB_LIKE or w.endswith(("ed", "ing")) for w in lead):
        return False  # a verb before the name: the name is its object ("People … are mocking at X")
    cues = list(CUE.finditer(text, max(sent_start, comma - 60), comma))
    return not cues or len(text[cues[-1].end() : comma].split()) > 3


def participle_claims(ctx: ClaimContext) -> list[ClaimRecord]:
    """ "X urged …, warning that …": the sentence's subject speaks."""
    text, out = ctx.text, []
    for m in _PARTICIPLE.finditer(text):
        if ctx.is_taken(m.start(), m.end()):
            continue
        subject = sentence_subject(ctx, m.start())
        if subject is None:
            continue
        speaker = ctx.speaker(*subject, at_end=True)
        if speaker is None or speaker.shown is None:
            continue
        sent = ctx.sentences[ctx.sentence_of(m.start())]
        cue = m.group("cue") or m.group("bare") or m.group("told")
        if cue == "adding" and not _adding_to_own_clause(text, sent.start, subject[0], m.start()):
            continue
        content = content_after(ctx, m.end(), sent.end, cue)
        if content is None or ctx.is_taken(*content):
            continue
        out.append(ctx.claim(*content, "indirect", speaker, cue))
        ctx.take(m.start(), content[1])
    return out


def described_as_claims(ctx: ClaimContext) -> list[ClaimRecord]:
    """ "X described her as the most outstanding pupil he ever taught": X speaks the description."""
    text, out = ctx.text, []
    if not _may_be_described_as(text):
        return []
    for m in _DESCRIBED_AS.finditer(text):
        if ctx.is_taken(m.start(), m.end()):
            continue
        sent = ctx.sentences[ctx.sentence_of(m.start())]
        np = np_before(ctx, sent.start, m.start())
        speaker = ctx.speaker(*np, at_end=True) if np is not None else None
        if speaker is None or speaker.shown is None:
            continue
        s, e = m.end(), sent.end
        while e > s and text[e - 1] in " .!?;:,\"“”'’\n":
            e -= 1
        if text.count(" ", s, e) < 1 or ctx.is_taken(s, e):
            continue
        out.append(ctx.claim(s, e, "indirect", speaker, m.group("cue")))
        ctx.take(m.start(), e)
    return out


#: ", per South Korea's military," / ", per the Pentagon.": a capitalised source after "per".
_PER_SOURCE = re.compile(r",\s+per\s+(?P<src>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,6}?)\s*(?=[,.;]|$)")


def per_source_claims(ctx: ClaimContext) -> list[ClaimRecord]:
    """ "…, per X": the clause from the sentence's start (or the last ";" or ":") to ", per" is X's."""
    text, out = ctx.text, []
    for m in _PER_SOURCE.finditer(text):
        if ctx.is_taken(m.start(), m.end()):
            continue
        src_end = m.end("src")
        if text[src_end - 1] == "." and "." not in text[m.start("src") : src_end - 1].split()[-1]:
            src_end -= 1  # the sentence's full stop ("per the Bureau of Labor Statistics."), not "U.S."
        speaker = ctx.speaker(m.start("src"), src_end, at_end=True)
        if speaker is None or speaker.shown is None:
            continue
        sent = ctx.sentences[ctx.sentence_of(m.start())]
        lead = max(sent.start, m.start() - WINDOW, text.rfind(";", sent.start, m.start()) + 1)
        lead = max(lead, text.rfind(":", sent.start, m.start()) + 1)
        s, e = strip_span(text, lead, m.start(), '.!?,;:"“”')
        if text.count(" ", s, e) < 2 or ctx.is_taken(s, e):
            continue
        out.append(ctx.claim(s, e, "indirect", speaker, "per"))
        ctx.take(s, m.end())
    return out
