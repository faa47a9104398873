"""Claims: who said what, quoting whom, and how sure they were.

:func:`extract_claims` finds three kinds of statement (``model.QUOTE_KINDS``):

* **direct** quotes in double quotes (straight ``"``, curly ``“ ”`` or CSV-doubled ``""``), or in single
  ones when they are the text's quote style (:mod:`workbook.extract.claim_single_quotes`). The
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

from workbook.extract.base import ClaimRecord, EntityRecord, MentionRecord
from workbook.extract.claim_clauses import (
    described_as_claims,
    impersonal_claims,
    participle_claims,
    per_source_claims,
    put_it_claims,
    told_passive_claims,
)
from workbook.extract.claim_conjoined import conjoined_after, conjoined_claims
from workbook.extract.claim_context import WINDOW, ClaimContext, quote_spans, strip_span
from workbook.extract.claim_fallbacks import (
    continued_quotes,
    coordinated_subject,
    generic_subject,
    quotes_before_subject,
    research_finding,
)
from workbook.extract.claim_findings import findings_claims, source_named_after, survey_head
from workbook.extract.claim_hearings import hearing_told
from workbook.extract.claim_interview import interview_answers
from workbook.extract.claim_phrases import (
    BE,
    CLAUSE_FOLLOWS,
    CUE,
    GERUND_FOLLOWS,
    GERUND_REPORTING_VERBS,
    block_paragraphs,
    content_after,
    source_phrase_ends,
)
from workbook.extract.claim_quotes import ADDING, INVERTED_REST, SPK, adding_claims, direct_claims, subject_before
from workbook.extract.claim_single_quotes import as_double_quotes
from workbook.extract.claim_turns import transcript_turns
from workbook.extract.hedges import HEDGE_BANDS, find_hedges
from workbook.extract.sentences import Sentence
from workbook.extract.speaker_fullname import with_full_names
from workbook.extract.speaker_unnamed import relation_start
from workbook.extract.speakers import Speaker
from workbook.extract.vocabulary import BELIEF_VERBS, CLAUSE_REPORTING_VERBS, REPORTING_VERBS

__all__ = ["extract_claims", "quote_spans"]

#: A reporting verb's non-speech uses, by what follows it: "adds to his crimes", "added up",
#: "declared war", "declared a state of emergency".
_NOT_SPEECH_AFTER = {
    "add": re.compile(r"\s+(?:to|up|on)\b"),
    "declare": re.compile(
        r"\s+(?:an?\s+|the\s+)?(?:war|state|emergency|ceasefire|martial|independence|bankruptcy|victory|winner)\b"
    ),
}
_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?P<spk>{SPK})")
# patterns the rules use inside loops, compiled once (the per-document speaker and acronym patterns
# would otherwise push them out of re's cache)
_PREV_WORD = re.compile(r"([\w'’]+)\W*$")


_CLAUSE_OPENERS = (
    "which|who|whose|while|whereas|but|despite|with|although|though|as|when|where|after|before|because|since|"
    "including|according|even|yet|so|until|unless"
)
_RIGHT_BOUNDARY = re.compile(rf"[;:]|\s[—–]\s|\s--\s|,\s+(?=(?:{_CLAUSE_OPENERS})\b)")
_LEFT_BOUNDARY = re.compile(r"[;:]\s|\s[—–]\s|\s--\s|,\s")
_POSSESSIVE_CLAIM = re.compile(
    r"['’]s\s+(?:(?:unilateral|formal|public|official|repeated|latest|earlier|own|new|recent)\s+)?"
    r"(?P<noun>claims?|assertions?|warnings?|pledges?|promises?|insistence|denials?|vows?"
    r"|(?:announcements?|statements?|declarations?|assurances?|allegations?|accusations?|predictions?|admission|suggestions?"
    r"|argument|contention|belief|view|comments?|remarks?)(?=\s+that\b))\s+(?:of|that)\b"
)
#: "…, he told the newspaper (on Tuesday)." ("…, she said the shells were late" is no inversion).
_TOLD_REST = re.compile(r"the\s+\w+\b(?:\W+\w+){0,4}\W*$")
_QUOTED_AS = re.compile(r"\b(?:was|were|is|are|has\s+been|had\s+been)\s+(?:widely\s+)?$")
_PASSIVE_BY = re.compile(r"\s+by\b")
#: A sentence opening with a subordinate clause or an adverbial: what comes before its main clause's
#: comma is no speech ("When the alarm sounded, the crew responded").
_SUBORDINATE_OPENING = re.compile(
    r"[\"“'‘(]*(?:When|Whenever|After|Before|As|If|Although|Though|While|Because|Since|Until|Once|Unless|In|On|At"
    r"|During|Despite|With|Without|Following|For|By|From)\b"
)
#: A second speaker joined in the same sentence: "X said …, while Y stated …", "… whereas Y argued …",
#: "…, but Y said …", "…, and Y told reporters …" (one to eight words between the conjunction and Y's cue,
#: no punctuation, opening with a determiner or holding a capitalised word).
_CONTRAST = re.compile(r",?\s+(?:while|whereas)\s+|,\s+(?:but|and)\s+")
_SUBJECT_OPENERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "some", "many", "most", "other", "two"})
_SUBJECT_WORDS = re.compile(r"[\w'’.-]+(?:\s+[\w'’.-]+){0,7}\s+")
_BELIEF_HEDGE = {
    "believ": "believed",
    "think": "thought",
    "thought": "thought",
    "expect": "expected",
    "suspect": "suspected",
    "fear": "feared",
}


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
    if spk is None or spk.shown is None:  # "according to the ROK JCS (JCS), …", "… the military the missile flew"
        for cut, after in source_phrase_ends(text, ss, se):
            shorter = ctx.speaker(ss, cut, at_end=True)
            if shorter is not None and shorter.shown is not None:
                spk, se = shorter, after
                break
    if spk is None and not text[sent.start : m.start()].strip(" \"“”'‘’([") and text.startswith(",", se):
        # "According to hagiography, …" opening its sentence: a source nobody named (words kept)
        spk = Speaker(None, None, " ".join(text[ss:se].split())) if len(text[ss:se].split()) <= 5 else None
    if spk is None:
        return None
    lead_start = max(sent.start, m.start() - WINDOW)
    lead = strip_span(text, lead_start, m.start(), ",;: ")
    if text[m.start()] == "A" and text.startswith(",", se):  # "… 8:16 a.m. According to X, …": a new sentence
        lead = (lead[1], lead[1])
    span = lead if lead[0] < lead[1] else strip_span(text, se, min(sent.end, se + WINDOW), ".!?,;: ")
    if text.count(" ", span[0], span[1]) < 1 or ctx.is_taken(*span):
        return None
    if span[0] >= se and _speaker_of_its_own(ctx, *span):  # "According to a report by X, the spokesman said that"
        return None
    ctx.take(min(span[0], m.start()), max(span[1], se))
    return ctx.claim(*span, "indirect", spk, "according to")


def _speaker_of_its_own(ctx: ClaimContext, start: int, end: int) -> bool:
    """Does the content after "according to X," open with a subject and a cue of its own ("the spokesman in a
    statement said that …")? That speaker's claim is read at their cue: the source names the report, not who
    spoke."""
    cue = CUE.search(ctx.text, start, min(end, start + 100))
    if cue is None or cue.group().casefold() == "according to":
        return False
    np = subject_before(ctx, start, cue.start())
    spk = ctx.speaker(*np, at_end=True) if np is not None and np[0] == start else None
    # a pronoun is the source's own words ("According to it, they agreed …"), not a speaker of its own
    return spk is not None and (spk.shown is not None or spk.as_written.casefold() not in _PRONOUN_SUBJECTS)


def _indirect(ctx: ClaimContext) -> list[ClaimRecord]:
    text, out = ctx.text, []
    for sent in ctx.sentences:
        for m in CUE.finditer(text, sent.start, sent.end):
            cue = m.group()
            if ctx.is_taken(m.start(), m.end()):
                ctx.refuse(m.start(), "indirect: cue inside a span already claimed")
                continue
            if cue.casefold() == "according to":
                found = _according(ctx, sent, m)
                if found is not None:
                    out.append(found)
                    _refuse_rest(ctx, sent, m.end())
                    break
                ctx.refuse(m.start(), "according to: no speaker or no content")
                continue
            cue_start = m.start()
            quoted = _QUOTED_AS.search(text, max(sent.start, m.start() - 40), m.start())
            if quoted is not None and cue.startswith("quoted"):  # "X was quoted as saying (that) …"
                cue_start = quoted.start()
            prev_word = _PREV_WORD.search(text, max(sent.start, cue_start - 40), cue_start)
            if prev_word and prev_word.group(1).casefold() in BE:
                ctx.refuse(m.start(), f"indirect: passive (a form of 'be' before '{cue.casefold()}')")
                continue  # passive: "is believed to", "was told"
            if hearing_told(text, sent.start, m.span()):
                ctx.refuse(m.start(), "indirect: a hearing body told ('Court told of'), a headline's passive")
                continue
            if _PASSIVE_BY.match(text, m.end(), m.end() + 5):
                ctx.refuse(m.start(), "indirect: passive ('by' after the cue)")
                continue  # "an attack claimed by the group", "announced by the ministry"
            if cue in BELIEF_VERBS and text.startswith(" to ", m.end()):
                ctx.refuse(m.start(), "indirect: belief verb + 'to'")
                continue  # "factories believed to be linked": an unattributed hedge
            not_speech = _NOT_SPEECH_AFTER.get(REPORTING_VERBS.get(cue, ""))
            if not_speech is not None and not_speech.match(text, m.end(), sent.end):
                ctx.refuse(m.start(), "indirect: not speech by what follows ('add to', 'declare war')")
                continue  # "adds to his crimes", "declared war"
            inverted_only = False  # a clause verb after what it reports: "…, the court ruled on Friday."
            if (
                cue in CLAUSE_REPORTING_VERBS
                and not CLAUSE_FOLLOWS.match(text, m.end(), sent.end)
                and not (cue.casefold() in GERUND_REPORTING_VERBS and GERUND_FOLLOWS.match(text, m.end(), sent.end))
                and not research_finding(text, sent.start, m.span())  # "Surveys suggest many gardeners …"
            ):
                if not _ends_inverted(text, sent, m.end()):
                    ctx.refuse(m.start(), f"indirect: clause verb with no clause after it ({cue.casefold()})")
                    continue  # "testified before Congress", "responded to the fire": no speech reported
                inverted_only = True
            np = subject_before(ctx, sent.start, cue_start)
            if np is not None and (tied := relation_start(text, sent.start, *np)) is not None:
                np = (tied, np[1])  # "A lawyer for | Mr Doyle said": the lawyer, nobody named
            if (survey := np and survey_head(text, *np)) and getattr(ctx.speaker(*survey, at_end=True), "shown", None):
                np = survey  # "A survey of 2,300 members found": the survey (of whoever ran it), not the members
            if np is None:
                ctx.refuse(m.start(), "indirect: no subject phrase before the cue")
                continue
            spk = (
                ctx.speaker(*np, at_end=True)
                or coordinated_subject(ctx, *np)
                or generic_subject(ctx, *np, m.span(), sent.end)
                or (Speaker(None, None, " ".join(text[np[0] : np[1]].split())) if survey else None)
            )
            if spk is None:
                ctx.refuse(m.start(), f"indirect: subject refused as a speaker ({_phrase_kind(text, *np)})")
                continue
            if spk.shown is None and source_named_after(text, np, m.end(), sent.end):
                ctx.refuse(m.start(), "indirect: a generic subject's words, with a named source after them")
                continue  # "Most nurses say …, according to a survey by X": X's claim, read at "according to"
            content: tuple[int, int] | None
            next_speaker = joined = False
            lead_start = max(sent.start, np[0] - WINDOW)
            before_np = text[lead_start : np[0]].rstrip()
            rest = text[m.end() : min(sent.end, m.end() + 80)].strip(" .;")
            if (
                before_np.endswith(",")
                and len(before_np.split()) >= 3
                and not rest.lstrip(",: ").startswith(('"', "“"))  # ', the group declared, "…"': the quote is said
                and (
                    not rest
                    or INVERTED_REST.match(rest)
                    or (cue.startswith("told") and _TOLD_REST.match(rest))
                    or (joined := conjoined_after(text, m.end(), sent.end))
                )
                and (
                    m.end() + 80 >= sent.end
                    or rest.startswith(",")
                    or ADDING.search(text, m.end(), m.end() + 80)
                    or joined
                )
                and not (inverted_only and _SUBORDINATE_OPENING.match(text, lead_start))
            ):  # (not "When the alarm sounded, the crew responded.")
                content = strip_span(text, lead_start, lead_start + len(before_np) - 1, '"“”')  # "…, he said."
            elif inverted_only:
                content = None  # a clause verb read only inverted: no speech reported here
            else:
                content = content_after(ctx, m.end(), sent.end, cue)
                second = ADDING.search(text, content[0], content[1]) if content is not None else None
                if content is not None and second is not None and second.start() - content[0] >= 8:
                    content = (content[0], second.start())  # "X announced that …, stating that …": two claims
                if content is not None and "\n" not in text[m.end() : content[0]]:  # not a "X said:" block
                    cut = _second_speaker_cut(text, *content)
                    if cut is not None:
                        content, next_speaker = (content[0], cut), True
            if content is None or ctx.is_taken(*content):
                ctx.refuse(m.start(), "indirect: no content after the cue" if content is None else "indirect: taken")
                continue
            out.append(ctx.claim(*content, "indirect", spk, cue, _belief_hedge(cue)))
            if next_speaker:  # the sentence goes on to another speaker's cue: read it as its own claim
                ctx.take(min(np[0], content[0]), content[1])
                continue
            ctx.take(min(np[0], content[0]), max(content[1], m.end()))
            if content[1] < m.start():
                out += adding_claims(ctx, m.end(), sent.end, spk) or conjoined_claims(ctx, m.end(), sent.end, spk, cue)
            elif ADDING.match(text, content[1], sent.end):
                out += adding_claims(ctx, content[1], sent.end, spk)
            if "\n" in text[m.end() : content[0]]:  # "X said:" then paragraphs: the statement goes on
                for more in block_paragraphs(ctx, content[1]):
                    out.append(ctx.claim(*more, "indirect", spk, cue))
                    ctx.take(*more)
            _refuse_rest(ctx, sent, m.end())
            break
    return out


def _ends_inverted(text: str, sent: Sentence, cue_end: int) -> bool:
    """Does the sentence end right after the cue, or after a time or channel ("on Friday", "in a
    statement"), as "…, the court ruled on Friday." does?"""
    rest = text[cue_end : min(sent.end, cue_end + 80)].strip(" .;")
    return cue_end + 80 >= sent.end and (not rest or INVERTED_REST.fullmatch(rest) is not None)


def _second_speaker_cut(text: str, start: int, end: int) -> int | None:
    """Where reported content ends when another subject and its cue follow a contrast inside it
    ("the referee erred, while the league said …"): the conjunction's start; None when no cue follows
    one (a second predicate of the same subject, "… but said", has no subject words and is not cut)."""
    for m in _CONTRAST.finditer(text, start, end):
        if m.start() - start < 8:
            continue
        cue = CUE.search(text, m.end(), min(end, m.end() + 80))
        subject = text[m.end() : cue.start()] if cue is not None else ""
        words = subject.split()
        if cue is None or not _SUBJECT_WORDS.fullmatch(subject) or BE.intersection(w.casefold() for w in words):
            continue
        if words[0].casefold() in _SUBJECT_OPENERS or any(w[:1].isupper() and w != "I" for w in words):
            return m.start()  # a noun phrase: "the league", "defence lawyer Mark Oyelaran" (not "foiling the …")
    return None


def _refuse_rest(ctx: ClaimContext, sent: Sentence, after: int) -> None:
    """When traced: the cues of a sentence after its first indirect claim are not tried."""
    if ctx.refusals is not None:
        for m in CUE.finditer(ctx.text, after, sent.end):
            ctx.refuse(m.start(), "indirect: a claim already made in the sentence (one per sentence)")


def _phrase_kind(text: str, s: int, e: int) -> str:
    """What a refused subject phrase looks like, for the trace: a pronoun, a name, lower-case words."""
    words = text[s:e].split()
    if len(words) > 8:
        return "over eight words"
    if len(words) == 1 and words[0].casefold() in ("they", "we", "i", "you", "it", "he", "she", "this", "that"):
        return "pronoun"
    if words and words[-1][:1].isupper():
        return "capitalised head"
    return "common noun phrase"


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
    text: str,
    sentences: list[Sentence],
    entities: Sequence[EntityRecord],
    mentions: Sequence[MentionRecord],
    *,
    refusals: list[tuple[int, str]] | None = None,
) -> list[ClaimRecord]:
    """Direct, indirect and unattributed hedged claims of one document, in text order (see the
    module docstring for the rules). ``entities``/``mentions`` come from the entity extractor; their
    keys become the claims' speaker and entity keys. ``refusals``: when a list is given, each cue a
    rule saw and refused is appended to it as (offset, why) (``benchmarks/eval_claims.py --stages``)."""
    written = text
    text = as_double_quotes(text)  # 'We will rebuild,' said the mayor.: single marks read as double ones
    ctx = ClaimContext(text, sentences, entities, mentions, refusals)
    claims = transcript_turns(ctx)
    claims += direct_claims(ctx)
    claims += _indirect(ctx)
    claims += _possessive(ctx)
    claims += participle_claims(ctx)
    claims += described_as_claims(ctx)
    claims += impersonal_claims(ctx)
    claims += told_passive_claims(ctx)
    claims += put_it_claims(ctx)
    claims += per_source_claims(ctx)
    claims += findings_claims(ctx)
    claims = continued_quotes(ctx, claims)
    claims = quotes_before_subject(ctx, claims)
    claims = interview_answers(ctx, claims)
    claims += _unattributed(ctx)
    claims.sort(key=lambda c: (c.start, c.end))
    return with_full_names(claims, written, entities, mentions)  # "Gen Nakatani", not the entity's "Nakatani"
