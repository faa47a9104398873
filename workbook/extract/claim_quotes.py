"""Direct quotes: a quoted passage and who said it (used by :mod:`workbook.extract.claims`).

:func:`direct_claims` reads each double-quoted passage of a document with its attribution after it
(``"…," said Mr X``, ``"…," Mr X said``, ``"…" — Mr X``), before it (``Mr X said: "…"``, ``according to
X, "…"``), through "as" (``X described the vote as "…"``), in the paragraph above (``Mr X said:``), or
continued from the quote before (a split quote, a quote paragraph going on). :func:`subject_before` and
:func:`adding_claims` are shared with the indirect-speech rules. The module docstring of
:mod:`workbook.extract.claims` states the rules in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbook.extract.base import ClaimRecord
from workbook.extract.claim_clauses import sentence_subject
from workbook.extract.claim_context import WINDOW, ClaimContext, Quote, find_quotes, strip_span
from workbook.extract.claim_phrases import BE, np_before
from workbook.extract.claim_quote_forms import (
    BARE_QUOTE_VERB,
    ends_attribution,
    is_given_name,
    speaker_after_relative,
    unpunctuated_quote,
)
from workbook.extract.phrase_regex import phrase_alternation
from workbook.extract.speaker_words import QUOTE_MARKS
from workbook.extract.speakers import Speaker, speaker_name_pattern
from workbook.extract.vocabulary import (
    AS_QUOTE_VERBS,
    QUOTE_PHRASES,
    QUOTE_VERBS,
    REPORTING_PHRASES,
    REPORTING_VERBS,
)

__all__ = ["ADDING", "INVERTED_REST", "SPK", "adding_claims", "direct_claims", "subject_before"]

_QVERBS = phrase_alternation(  # around a quote
    sorted(set(REPORTING_VERBS) | QUOTE_VERBS | QUOTE_PHRASES | REPORTING_PHRASES, key=len, reverse=True)
)
SPK = speaker_name_pattern(80)
_SPK_LAZY = speaker_name_pattern(80, lazy=True)
_AFTER_VERB_FIRST = re.compile(rf"\s*[,.!?]?\s*(?P<cue>{_QVERBS})\s+(?P<spk>{SPK})")
#: An appositive may hold a short quoted name: '"…," Ana Ruiz, head of the "Green Lanes" society, said'.
_AFTER_SPEAKER_FIRST = re.compile(
    rf"\s*[,.!?]?\s*(?P<spk>{_SPK_LAZY})(?:,(?:[^\"“”]|[\"“][^\"“”.!?]{{1,40}}[\"”]){{1,250}}?,)?"
    rf"\s+(?:\w+ly\s+)?(?P<cue>{_QVERBS})\b"
)
#: The name in apposition after a role: '"…," said the referee, Tom Hale.'
_NAME_AFTER_ROLE = re.compile(
    r"\s*,\s*(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|bin)){1,3})(?=\s*(?:[,.;!?]|$))"
)
#: A quote of at most five words (a name, a title) inside an attribution: not where the attribution ends.
_SHORT_QUOTE_WORDS = 5
_AFTER_DASH = re.compile(r"\s*(?:[—–]|--?)\s*(?P<spk>(?:[A-Z][\w'’.-]*\s?){1,4})(?=\s*(?:[,.;(]|$))")
_BEFORE = re.compile(rf"\b(?P<cue>{_QVERBS})(?:\s+[\w'’.-]+){{0,8}}?\s*[:,]\s*$")
#: "X described the vote as "", "X accused her of "", "… was dismissed by X, as "": right before a quote.
_AS_BEFORE = re.compile(
    rf"\b(?P<cue>{phrase_alternation(sorted(AS_QUOTE_VERBS, key=len, reverse=True))})\b"
    r"(?:\s+by\s+(?P<by>(?:\b[A-Z]\.|[^\"“”.;:!?]){1,120}?)|[^\"“”.;:!?]{0,100}?)\s(?:as|of)\s*$"
)
#: A quote naming what a speaker called something: "X called the refugee issue "very important"", "X
#: called it "a disgrace"" (a determiner opens the object, or "it" alone is the object, so "called for" and
#: "called her" are not read so).
_CALLED_BEFORE = re.compile(
    r"\b(?P<cue>called|calls|dubbed|dubs|termed|terms|(?<=to\s)call(?=\s+it\b))\s+(?:it|(?:the|a|an|his|her|its|their|this|these|those)\s+"
    r"[^\"“”.;:!?]{1,60}?)\s*$"
    # the object a relative pronoun before the subject: "a loss, which its chief executive called "…"",
    # "in what one trader called "…""
    r"|\b(?:what|which|whom)\s+[^\"“”.;:!?]{1,80}?\s(?P<rel>called|calls|dubbed|dubs|termed|terms)\s*$"
)
#: "to call it "…"" after a verb of the subject ("rose to call it", "went on to call it"): the subject is the
#: phrase before that verb ("used to call a bad man "…"" names, it does not quote: only "it" is read).
_VERB_TO = re.compile(r"\b[a-z]+(?:\s+on)?\s+to\s+$")
#: A word that joins a second predicate to the subject's first: "X welcomed the plan and promised
#: that …", "X admitted … but said …"; or a relative pronoun: "residents who argued …".
_COORDINATED = re.compile(r"(?:,?\s*\b(?P<conj>and|but)|\b(?P<who>who|which|that))\s*$")
_ACCORDING_BEFORE = re.compile(rf"\b[Aa]ccording to\s+(?P<spk>{SPK}),\s*$")
_NONSPACE = re.compile(r"\S")
# patterns the rules use inside loops, compiled once
_PREV_WORD = re.compile(r"([\w'’]+)\W*$")
#: A conjunction opening the words after a quote: what follows is another clause with its own subject.
_CONTRAST_OPENING = re.compile(r"(?:while|whereas|but|although|though)\s", re.IGNORECASE)
_JOINER = re.compile(r"[\s,.;:—–-]*")
INVERTED_REST = re.compile(
    r",|and goes on|and went on|and added|adding\b|(?:in|on|at|last|this|earlier|today|yesterday)\b(?:\W+\w+){0,3}\W*$"
    r"|(?:(?:in|on|at|last|this|earlier|today|yesterday)\b(?:\W+\w+){0,3}|(?:on\s+)?[A-Z]\w+day)?\s*,\s*(?:adding|and\s+added)\b"
    r"|(?:on\s+)?[A-Z][a-z]+day\s*$"
    r"|(?:reporters|journalists|lawmakers|senators|parliament)\b(?:\W+\w+){0,4}\W*$"
    # "…, the JCS said in a text message to reporters.": a medium, then only its recipient or channel
    r"|in\s+an?\s+(?:[\w-]+\s+){0,2}(?:statement|message|email|post|interview|briefing|release|letter|video|note)s?"
    r"(?:\s+(?:to|on|with|posted|published|sent|issued|carried)\b(?:\W+\w+){0,4})?\W*$"
)
#: "…, the ministry said Sunday, adding that …", '"…," Lee said, adding that …', "…, the navy said,
#: stating that …": a second claim of the same speaker.
ADDING = re.compile(
    r",\s*(?:and\s+)?(?:(?:adding|added)\s+(?:that\s+)?|(?:stating|saying|noting|warning|insisting|explaining)\s+that\s+)"
)
#: '"…," said coach Tom Hale, who warned that …': the speaker's second claim in a relative clause.
_WHO_ADDING = re.compile(
    r",\s*who\s+(?:also\s+|later\s+|then\s+)?(?P<verb>said|warned|added|insisted|argued|noted|stressed|claimed"
    r"|predicted|explained|admitted|conceded)\s+(?:that\s+)?"
)
_BETWEEN_COMMAS = re.compile(r",\s*([^,]+?)\s*,")


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
    dash = None
    if _opens_paragraph(text, q):
        dash = _AFTER_DASH.match(text, tail_start, tail_end)
        line = text.find("\n", tail_start, tail_start + 8)
        if dash is None and line >= 0 and not text[tail_start:line].strip():  # a pull quote signed on its next line
            line_end = text.find("\n", line + 1, line + 1 + WINDOW)
            dash = _AFTER_DASH.match(text, tail_start, line_end if line_end >= 0 else min(len(text), line + WINDOW))
    if dash is not None:
        spk = ctx.speaker(dash.start("spk"), dash.end("spk"), at_end=False)
        if spk is not None and (spk.key or spk.is_name):
            return _Attribution(spk, None, dash.end(), dash.end())
    unpunctuated = False  # '"We will rebuild every house" Lisa Chen said.': the comma left out
    if text[content_end - 1] not in ",?!" and not text.startswith(",", tail_start):
        sentence_start = ctx.sentences[ctx.sentence_of(q.open)].start
        unpunctuated = unpunctuated_quote(text, sentence_start, q.open + q.open_w - 1, content_end)
        if not unpunctuated:
            return None
    m = _AFTER_VERB_FIRST.match(text, tail_start, tail_end) or _AFTER_SPEAKER_FIRST.match(text, tail_start, tail_end)
    if not m:
        return None
    if unpunctuated and (text[tail_start : m.start()].strip() or not ends_attribution(text, m.end(), tail_end)):
        return None  # the attribution must follow the quote and end its sentence
    if m.group("cue").endswith("ing"):  # '"…," saying …' is no attribution after the quote
        return None
    if _CONTRAST_OPENING.match(text, m.start("spk")):  # '"…," while the ministry said …': another speaker's clause
        return None
    spk = ctx.speaker(m.start("spk"), m.end("spk"), at_end=False)
    end = m.end()
    role_last = text[m.start("spk") : m.end("spk")].split()[-1:]
    role_of_body = spk is not None and spk.key is not None and role_last != [] and role_last[0].islower()
    if (spk is None or spk.shown is None or role_of_body) and m.re is _AFTER_VERB_FIRST:
        role_name = _NAME_AFTER_ROLE.match(text, m.end("spk"), tail_end)
        if role_name is not None:  # '"…," said the referee, Tom Hale.', "said Acme's chief executive, Ann Lee."
            name_end = role_name.end("name") - text.endswith(".", 0, role_name.end("name"))  # the sentence's stop
            person = ctx.speaker(role_name.start("name"), name_end, at_end=False)
            if person is not None and person.shown is not None:
                spk, end = person, role_name.end()
    appositive = _BETWEEN_COMMAS.search(text, m.end("spk"), m.start("cue"))
    if (spk is None or spk.shown is None) and appositive is not None:  # "the commanding officer, Cmdr. X, said"
        named = ctx.speaker(appositive.start(1), appositive.end(1), at_end=False)
        if named is not None and named.shown is not None:
            spk = named
    if spk is None:
        return None
    return _Attribution(spk, m.group("cue"), max(ctx.sentences[ctx.sentence_of(end)].end, end), end)


def _attribution_before(ctx: ClaimContext, head_start: int, open_mark: int) -> _Attribution | None:
    """``Mr X said: "…"``, ``X told reporters, "…"``, ``according to X, "…"``."""
    last = ctx.text[max(head_start, open_mark - 8) : open_mark].rstrip()
    bare = BARE_QUOTE_VERB.search(ctx.text, max(head_start, open_mark - 16), open_mark)
    if bare is not None:  # 'When asked about the cost, Chen replied "we do not know yet".': the comma left out
        np = subject_before(ctx, head_start, bare.start())
        spk = ctx.speaker(*np, at_end=True) if np is not None else None
        return _Attribution(spk, bare.group("cue"), open_mark, open_mark) if spk is not None else None
    if not last.endswith((":", ",")):
        return None  # both patterns end with ":" or "," right before the quote
    b = _BEFORE.search(ctx.text, head_start, open_mark)
    if b and b.group("cue").endswith("ing"):  # "Kim criticised the press, saying, "…"": the subject speaks
        np = sentence_subject(ctx, b.start())
    else:  # "X was a proponent of Y and wrote:": the subject of the first predicate
        np = subject_before(ctx, head_start, b.start()) if b else None
    if b and np:
        spk = ctx.speaker(*np, at_end=True)
        return _Attribution(spk, b.group("cue"), open_mark, open_mark) if spk else None
    a = _ACCORDING_BEFORE.search(ctx.text, head_start, open_mark)
    if a is not None:
        spk = ctx.speaker(a.start("spk"), a.end("spk"), at_end=True)
        return _Attribution(spk, "according to", open_mark, open_mark) if spk else None
    return None


def _attribution_as(ctx: ClaimContext, head_start: int, open_mark: int, quoted: str) -> _Attribution | None:
    """ "X described the vote as "…"", "X accused her of "…"", "X called the plan "…"", and the
    passive "… was dismissed by the engineer, Priya Nair, as "…"" (the agent after "by": its last
    comma-separated part that names a speaker); with nobody named ("has been described as "…"") the
    claim has no speaker and keeps the passive's words. A name given by a naming verb ("dubbed the
    frigate "Sea Wolf"", "which locals called "the Jungle"": ``quoted`` is a name) is no speech."""
    text = ctx.text
    lo = max(head_start, open_mark - 240)
    m = _AS_BEFORE.search(text, lo, open_mark) or _CALLED_BEFORE.search(text, lo, open_mark)
    if m is None:
        return None
    cue_name = "rel" if m.groupdict().get("rel") is not None else "cue"
    cue, cue_at = m.group(cue_name), m.start(cue_name)
    if (cue_name == "rel" or m.re is _CALLED_BEFORE) and is_given_name(quoted):
        return None  # a name: "dubbed the frigate "Sea Wolf""
    verb_to = _VERB_TO.search(text, max(head_start, cue_at - 24), cue_at) if cue == "call" else None
    if verb_to is not None:  # "Tom Kettering rose to call it "…"": the subject of "rose"
        cue_at = verb_to.start()
    if m.groupdict().get("by") is not None:
        parts = [p for p in re.finditer(r"[^,]+", text[m.start("by") : m.end("by")])]
        for part in reversed(parts):
            spk = ctx.speaker(m.start("by") + part.start(), m.start("by") + part.end(), at_end=True)
            if spk is not None and spk.shown is not None:
                return _Attribution(spk, cue, open_mark, open_mark)
        return None
    prev_word = _PREV_WORD.search(text, max(head_start, cue_at - 40), cue_at)
    if prev_word and prev_word.group(1).casefold() in BE:  # "has been described as "…"": nobody named
        if cue_name == "rel":
            return None  # "in what is called "…"": a name given, nobody quoted
        written = " ".join(text[prev_word.start(1) : m.end(cue_name)].split())
        return _Attribution(Speaker(None, None, written), cue, open_mark, open_mark)
    np = subject_before(ctx, max(head_start, cue_at - WINDOW), cue_at)
    if np is not None:  # "(heard) what KCNA described as": the pronoun is the quote's object
        np = speaker_after_relative(text, np, quoted, relative_cue=cue_name == "rel")
    spk = ctx.speaker(*np, at_end=True) if np is not None else None
    return _Attribution(spk, cue, open_mark, open_mark) if spk is not None else None


#: "For Jenny Marsh, who runs a bakery, the news was a blow: "…"": a person opening the sentence after "For".
_FOR_PERSON = re.compile(r"For\s+")


def _attribution_colon(ctx: ClaimContext, head_start: int, open_mark: int, words: int) -> _Attribution | None:
    """A quote of four words or more after a colon, with no reporting verb, in a sentence whose subject is
    a person named in full ("Ruth Adler was blunt: "…"", "For Jenny Marsh, …, the news was a blow: "…""):
    that person's words."""
    text = ctx.text
    if words < 4 or not text[max(head_start, open_mark - 4) : open_mark].rstrip().endswith(":"):
        return None
    start = ctx.sentences[ctx.sentence_of(max(head_start, open_mark - 1))].start
    person = ctx.speakers.person_opening(start, open_mark)
    after_for = _FOR_PERSON.match(text, start, open_mark)
    if person is None and after_for is not None:
        found = [m for m in ctx.speakers.inside(after_for.end(), open_mark) if m.start == after_for.end()]
        named = bool(found) and len((ctx.speakers.shown(found[0].entity_key, "") or "").split()) >= 2
        person = found[0] if named and ctx.speakers.personal(found[0].entity_key) else None
    if person is None:
        return None
    written = " ".join(text[person.start : person.end].split())
    speaker = Speaker(person.entity_key, ctx.speakers.shown(person.entity_key, written), written)
    return _Attribution(speaker, None, open_mark, open_mark)


def subject_before(ctx: ClaimContext, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The speaker phrase before a cue; for a second predicate ("X welcomed the plan and promised
    that", "X admitted … but said") the sentence's subject; for a relative clause ("residents who
    argued") the noun phrase before the pronoun."""
    np = np_before(ctx, lo, cue_start)
    if np is not None:
        return np
    joined = _COORDINATED.search(ctx.text, max(lo, cue_start - 12), cue_start)
    if joined is None:
        return None
    if joined.group("who") is not None:
        return np_before(ctx, lo, joined.start("who"))
    return sentence_subject(ctx, joined.start()) or _opening_phrase(ctx, joined.start())


#: A sentence's opening noun phrase, up to its first verb (a past form or a common finite verb):
#: "A spokesman for the airline declined to comment but said …".
_OPENING_NP = re.compile(
    r"(?P<np>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,6}?)\s+(?=(?:[a-z]+ed|declined|refused|was|were|is|are|has|have|had"
    r"|did|does|would|could|will|can|met|went|came|gave|took|made|spoke|left|sent|held|told|said|says)\b)"
)


_NOT_OPENING_NP = frozenset({"it", "this", "that", "there", "these", "those", "what", "such"})


def _opening_phrase(ctx: ClaimContext, at: int) -> tuple[int, int] | None:
    """The noun phrase opening the sentence holding ``at`` (before its first verb), as the subject of
    a second predicate when no person or organisation is named in it; None when none is found."""
    sent = ctx.sentences[ctx.sentence_of(at)]
    m = _OPENING_NP.match(ctx.text, sent.start, at)
    if m is None or m.group("np").split()[0].casefold() in _NOT_OPENING_NP:
        return None  # "It is the fact … and denied that": a pronoun or a dummy subject is no speaker phrase
    return m.start("np"), m.end("np")


def _end_of_paragraph_above(text: str, q: Quote) -> int | None:
    """Where the paragraph before a quote that opens its own paragraph ends (its last non-space
    character, within 16 characters of the quote's paragraph); None when the quote does not open a
    paragraph, opens the text, or no such paragraph end is found."""
    if not _opens_paragraph(text, q) or q.para_start == 0:
        return None
    end = q.para_start
    while end > 0 and end > q.para_start - 16 and text[end - 1].isspace():
        end -= 1
    if end == 0 or end == q.para_start:
        return None
    return end


def _attribution_above(ctx: ClaimContext, q: Quote) -> _Attribution | None:
    """A quote opening its paragraph after a paragraph that ends ``Mr X said:`` (or ``,``)."""
    text = ctx.text
    end = _end_of_paragraph_above(text, q)
    if end is None or text[end - 1] not in ":,":
        return None
    start = text.rfind("\n", max(0, end - WINDOW), end) + 1 or max(0, end - WINDOW)
    return _attribution_before(ctx, start, end)


#: Verbs of speaking, writing and describing in the sentence before a quote paragraph: its subject is
#: the speaker the quote goes on with ("Berg and her team describe how …" / "“We were surprised …”").
_SPEAKING = re.compile(
    r"\b(?:describ|explain|discuss|spok|speak|talk|told|tell|say|said|wr[io]te|writ|argu|recall|comment|remark"
    r"|repl|respond|answer|insist|interview|recount|reflect|admit|acknowledg)[a-z]*\b"
)


def _subject_above(ctx: ClaimContext, q: Quote) -> _Attribution | None:
    """A quote paragraph with no attribution of its own, right after a paragraph whose last sentence
    (or last clause, ending in ";") opens with a person who speaks, writes or describes in it: that
    person (news style: the quote goes on from the paragraph that introduced its speaker). A person
    is needed (an entity typed so, or a name the speaker rules read as one); an organisation or a
    place is not taken."""
    text = ctx.text
    end = _end_of_paragraph_above(text, q)
    if end is None or text[end - 1] not in ".!?;":
        return None
    sent = ctx.sentences[ctx.sentence_of(end - 1)]
    if QUOTE_MARKS.search(text, sent.start, end) or not _SPEAKING.search(text, sent.start, end):
        return None
    np = sentence_subject(ctx, end)
    if np is None or np[0] - sent.start > 40:
        return None
    spk = ctx.speaker(np[0], np[1], at_end=True)
    if spk is None or not (ctx.speakers.personal(spk.key) or (spk.key is None and spk.is_name)):
        return None
    return _Attribution(Speaker(spk.key, spk.shown, spk.as_written, spk.is_name), None, q.after, q.after)


def _named_next(ctx: ClaimContext, q: Quote, cs: int, ce: int) -> _Attribution | None:
    """A quote with no attribution of its own that opens its paragraph as a sentence (or sentences) of
    its own, followed in the same paragraph by a sentence opening with a person named in full: that
    person (feature style: '"We have recovered eleven vehicles." Inspector Gareth Lloyd spoke to
    reporters.'), before a speaker of the paragraphs above goes on."""
    text = ctx.text
    if not _opens_paragraph(text, q) or text[ce - 1] not in ".!?":
        return None
    last = ctx.sentence_of(max(q.open, q.after - 1))
    if last + 1 >= len(ctx.sentences) or text[q.after : ctx.sentences[last].end].strip(" .!?,\"”’'"):
        return None  # the quote does not end its sentence
    nxt = ctx.sentences[last + 1]
    if "\n" in text[q.after : nxt.start] or nxt.start > q.para_end:
        return None  # the next sentence is in another paragraph
    person = ctx.speakers.person_opening(nxt.start, nxt.end)
    if person is None:
        return None
    written = " ".join(text[person.start : person.end].split())
    speaker = Speaker(person.entity_key, ctx.speakers.shown(person.entity_key, written), written)
    return _Attribution(speaker, None, q.after, q.after)


def _opens_paragraph(text: str, q: Quote) -> bool:
    first = _NONSPACE.search(text, q.para_start, q.open)
    return first is None


def _continued_by(ctx: ClaimContext, q: Quote, quotes: list[Quote], k: int) -> _Attribution | None:
    """A quote left open at its paragraph's end goes on in the next paragraph, which opens with a
    quote mark (news style): the attribution of that next quote is this one's too."""
    text, nq = ctx.text, quotes[k]
    if not _opens_paragraph(text, nq) or nq.para_start - q.para_end > 16 or text[q.para_end : nq.para_start].strip():
        return None
    if nq.close_w == 0:
        return None  # one look ahead only (linear time)
    ncs, nce = strip_span(text, nq.open + nq.open_w, nq.close)
    if ncs >= nce:
        return None
    same_para_next = k + 1 < len(quotes) and quotes[k + 1].para_start == nq.para_start
    tail_end = min(quotes[k + 1].open if same_para_next else nq.para_end, nq.after + WINDOW)
    found = _attribution_after(ctx, nq, nce, tail_end)
    return _Attribution(found.speaker, found.cue, q.after, q.after) if found is not None else None


def _tail_end(text: str, quotes: list[Quote], n: int) -> int:
    """Where the attribution after quote ``n`` may end: the next quote of the paragraph, past short
    quoted names in the same sentence ('"…," X, head of the "Green Lanes" society, said'), else the
    paragraph's end."""
    q = quotes[n]
    for k in range(n + 1, min(len(quotes), n + 3)):
        nq = quotes[k]
        if nq.para_start != q.para_start:
            break
        short = nq.close_w and len(text[nq.open + nq.open_w : nq.close].split()) <= _SHORT_QUOTE_WORDS
        if not short or any(c in text[q.after : nq.open] for c in ".!?"):
            return nq.open
    return q.para_end


def direct_claims(ctx: ClaimContext) -> list[ClaimRecord]:
    text, out = ctx.text, []
    prev: tuple[Quote, ClaimRecord, _Attribution] | None = None
    quotes = find_quotes(text)
    for n, q in enumerate(quotes):
        cs, ce = strip_span(text, q.open + q.open_w, q.close)
        if cs >= ce:
            continue
        tail_end = min(_tail_end(text, quotes, n), q.after + WINDOW)
        same_para = prev is not None and prev[0].para_start == q.para_start
        head_start = max(prev[0].after if prev and same_para else q.para_start, q.open - WINDOW)
        found = (
            _attribution_after(ctx, q, ce, tail_end)
            or _attribution_before(ctx, head_start, q.open)
            or _attribution_as(ctx, head_start, q.open, text[cs:ce])
            or _attribution_colon(ctx, head_start, q.open, len(text[cs:ce].split()))
            or _attribution_above(ctx, q)
        )
        if found is None and not same_para:  # '"…" Inspector X spoke to reporters.': before the last speaker
            found = _named_next(ctx, q, cs, ce)
        if found is None and prev is not None:
            pq, _, pa = prev
            if same_para:  # '"…," said X. "…"': nothing but the attribution between the halves
                joined = any(  # '"…," said X, commander of Y. "…"': or the rest of the attribution's sentence
                    0 <= q.open - end <= 8 and _JOINER.fullmatch(text, end, q.open) is not None
                    for end in (pa.attr_end, pa.region_end)
                )
            else:  # a quote opening the paragraph right after the quoted paragraph goes on (when nothing
                gap = q.para_start - pq.para_end  # but its attribution follows the quote in that paragraph)
                joined = (
                    gap <= 16
                    and not text[pq.para_end : q.para_start].strip()
                    and _opens_paragraph(text, q)
                    and not text[max(pa.region_end, pq.after) : pq.para_end].strip()
                )
            if joined:
                found = _Attribution(pa.speaker, None, q.after, q.after)
        if found is None and q.close_w == 0 and n + 1 < len(quotes):
            found = _continued_by(ctx, q, quotes, n + 1)
        if found is None and len(text[cs:ce].split()) >= 8:
            found = _subject_above(ctx, q)
        if found is None:
            if not _opens_paragraph(text, q) or len(text[cs:ce].split()) < 8:
                if ctx.refusals is not None:  # the reason is for a trace only: its searches are made for one
                    ctx.refuse(q.open, _why_unattributed(ctx, q, ce, tail_end, head_start))
                continue  # a scare quote or a title, not a claim
            claim = ctx.claim(cs, ce, "direct", None, None)
            out.append(claim)
            ctx.take(q.open, q.after)
            prev = None
            continue
        claim = ctx.claim(cs, ce, "direct", found.speaker, found.cue)
        out.append(claim)
        if found.cue is not None and found.attr_end < found.region_end:
            out += adding_claims(ctx, found.attr_end, found.region_end, found.speaker)
        ctx.take(min(q.open, found.region_end), max(found.region_end, q.after))
        prev = (q, claim, found)
    return out


def adding_claims(ctx: ClaimContext, start: int, end: int, speaker: Speaker) -> list[ClaimRecord]:
    """The content after ", adding (that)" right after an attribution (``text[start:end]`` is the
    rest of its sentence), as a claim of the same speaker."""
    text = ctx.text
    m = ADDING.match(text, start, end) or _WHO_ADDING.match(text, start, end)
    m = m or ADDING.search(text, start, min(end, start + 60))
    lead = text[start : m.start()].strip() if m is not None else ""
    if m is None or not (lead == "" or INVERTED_REST.match(f"{lead}{text[m.start() : m.end()]}")):
        return []
    s, e = strip_span(text, m.end(), end, '.!?;:,"“”')
    if e - s < 8 or text.count(" ", s, e) < 1 or ctx.is_taken(s, e):
        return []
    ctx.take(m.start(), e)
    cue = m.groupdict().get("verb") or "adding"  # "…, who warned that …": the relative clause's own verb
    return [ctx.claim(s, e, "indirect", speaker, cue)]


def _why_unattributed(ctx: ClaimContext, q: Quote, content_end: int, tail_end: int, head_start: int) -> str:
    """For the trace (``ctx.refusals``): why a quote found no attribution, by what stands around it."""
    text = ctx.text
    if _AFTER_VERB_FIRST.match(text, q.after, tail_end) or _AFTER_SPEAKER_FIRST.match(text, q.after, tail_end):
        if text[content_end - 1] not in ",?!" and not text.startswith(",", q.after):
            return "direct: verb after the quote, but the quote ends without a comma"
        return "direct: verb after the quote, speaker phrase refused"
    if _BEFORE.search(text, head_start, q.open):
        return "direct: cue before the quote, subject or speaker refused"
    if _AS_BEFORE.search(text, max(head_start, q.open - 240), q.open):
        return "direct: 'as' cue before the quote, subject refused"
    if text[head_start : q.open].rstrip().endswith((":", ",")):
        return "direct: ':' or ',' before the quote, no cue verb"
    return "direct: no cue next to the quote (scare quote, title or mid-sentence)"
