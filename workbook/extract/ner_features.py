"""Candidate name spans and their hashed features, for the learned entity classifier.

:func:`candidates` finds high-recall candidate spans: maximal runs of capitalised words (with the
connectors names use inside them: "of", "the", "de", "van", "al-", "bin", "ibn", "Abu", "&"), acronyms
and designations ("NASA", "F-16", "KN-23"); every sub-span of a run that starts and ends on a
capitalised word is a candidate (so "Wu Chi-wai of the Democratic Party" offers "Wu Chi-wai" and
"Democratic Party" as well as the whole). A rank or title before a name ("Sgt. Ana Ruiz", "Maj. Gen.
Tom Reed") is a cue, not part of the name: abbreviations with a full stop end a run, and capitalised
titles are features the model weighs. A possessive "'s" is never part of a name.

:mod:`workbook.extract.ner_featurize` describes each candidate with hashed features: words, shape,
affixes, context words, sentence-initial position, gazetteer membership of the span and of each of
its words, given-name and surname lists (the model's name lexicon: only membership is a feature, an
unknown word is no evidence either way), and what the rest of the document says (:class:`DocContext`:
the same string elsewhere not opening a sentence, the word inside a longer name, a name's last word
standing alone elsewhere ("Smith said"), the word written in lower case elsewhere). The model
(:mod:`workbook.extract.ner_model`) scores every candidate of a document in one matrix product.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from workbook.extract.vocabulary import (
    ABBREVIATED_TITLES,
    HONORIFICS,
    MONTHS,
    NEVER_NAME_START,
    TITLES,
    WEEKDAYS,
)

__all__ = [
    "CONNECTORS",
    "DEMONYMS",
    "MAX_SPAN",
    "RANK_ABBREVIATIONS",
    "TITLE_WORDS",
    "Candidate",
    "DocContext",
    "Tok",
    "candidates",
    "doc_context",
    "name_kind",
    "shape_of",
    "tokens",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lower-case words allowed inside a name between capitalised words.
CONNECTORS: frozenset[str] = _words(
    "of the de da das do dos del della der den van von al el bin ibn bint ben la le du y and for on & -"
)
#: Nationality and group adjectives ("North Korean leaders", "a Japanese author"): no names by
#: themselves. Lower case; a capitalised span ending in one is an adjective, not an entity.
DEMONYMS: frozenset[str] = _words(
    """american americans african afghan albanian algerian arab arabic argentine argentinian armenian asian
    australian austrian azerbaijani bangladeshi belarusian belgian bolivian bosnian brazilian british
    briton bulgarian burmese cambodian cameroonian canadian caribbean catalan chilean chinese colombian
    congolese croatian cuban cypriot czech danish dutch ecuadorian egyptian emirati english eritrean
    estonian ethiopian european filipino finnish flemish french georgian german ghanaian greek
    guatemalan haitian hawaiian hispanic honduran hungarian icelandic indian indonesian iranian iraqi
    irish israeli italian ivorian jamaican japanese jewish jordanian kazakh kenyan korean koreans
    kosovar kurdish kuwaiti kyrgyz lao latin latino latvian lebanese liberian libyan lithuanian
    macedonian malagasy malaysian malian maltese maori mexican moldovan mongolian montenegrin moroccan
    mozambican namibian nepali nepalese nigerian nigerien nordic norwegian omani pakistani palestinian
    panamanian paraguayan persian peruvian polish portuguese qatari romanian russian rwandan saudi
    scandinavian scottish senegalese serbian singaporean slovak slovenian somali south-african soviet
    spanish sudanese swedish swiss syrian taiwanese tajik tamil tanzanian thai tibetan tunisian turkish
    turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh western eastern northern
    southern yemeni zambian zimbabwean muslim christian catholic protestant buddhist hindu sunni shia
    shiite islamic orthodox communist democrat republican democratic"""
)
#: The longest candidate, in words.
MAX_SPAN = 5

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[-'’&]\w+)*|[^\w\s]")
_PARTICLES = _words("al el ad ad ash as at az bin ibn abu")  # "al-Qaeda", "bin-Laden"
#: Military and civil ranks abbreviated with a full stop ("Sgt.", "Spc.", "Maj. Gen.", "Lt. Col."):
#: cues before a name, never part of it.
RANK_ABBREVIATIONS: frozenset[str] = _words(
    """pvt pfc spc cpl sgt ssg sfc msg 1sg sgm csm ssgt msgt gysgt lcpl amn sra tsgt smsgt cmsgt po cpo
    ens ltjg lt cdr cmdr capt maj col gen brig adm radm vadm wo cwo insp supt det cmdt cpt"""
)
#: Words of titles and ranks: cues before a name ("General", "Sgt", "Dr").
TITLE_WORDS: frozenset[str] = (
    frozenset(w for t in TITLES for w in t) | HONORIFICS | ABBREVIATED_TITLES | RANK_ABBREVIATIONS
)
_NEVER_FIRST = NEVER_NAME_START | MONTHS | WEEKDAYS
_SENT_END = frozenset(".!?:;\"“”'‘’()[]—–-•|")
_OPENS_NEXT = _SENT_END - frozenset("-'’")  # a token after one of these opens a sentence
_SHAPE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)
_REPEATS = re.compile(r"(.)\1+")
_POSSESSIVES = frozenset({"'s", "’s", "'S", "’S"})


class Tok(NamedTuple):
    start: int
    end: int
    text: str
    lower: str
    cap: bool  # starts with an upper-case letter (or is a designation such as "F-16")
    initial: bool  # opens a sentence or a line


class Candidate(NamedTuple):
    """Tokens ``i`` to ``j`` (exclusive) of a run of name-like tokens ``run_start`` .. ``run_end``."""

    i: int
    j: int
    run_start: int
    run_end: int
    start: int
    end: int


def tokens(text: str) -> list[Tok]:
    """Words and punctuation of ``text``; a possessive "'s" is its own token."""
    out: list[Tok] = []
    append = out.append
    new = tuple.__new__  # a Tok without the Python-level __new__ of a NamedTuple (one per token)
    opens, possessives, particles = _OPENS_NEXT, _POSSESSIVES, _PARTICLES
    prev_end = 0
    initial = True
    newline = text.find("\n")
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        w = text[s:e]
        if 0 <= newline < s:
            if newline >= prev_end:
                initial = True
            newline = text.find("\n", s)
        prev_end = e
        first = w[0]
        if len(w) > 2 and w[-2:] in possessives:
            w = w[:-2]
            e -= 2
        elif first.isupper():
            append(new(Tok, (s, e, w, w.casefold(), True, initial)))
            initial = False  # a word or one character: only punctuation opens a sentence
            continue
        elif w in opens:
            append(new(Tok, (s, e, w, w, False, initial)))
            initial = True
            continue
        cap = first.isupper()
        if not cap and "-" in w and first.isalpha():
            head, _, tail = w.partition("-")
            cap = head.casefold() in particles and tail[:1].isupper()
        append(new(Tok, (s, e, w, w.casefold(), cap, initial)))
        initial = False
        if e != prev_end:  # the possessive after its word
            append(new(Tok, (e, prev_end, text[e:prev_end], text[e:prev_end].casefold(), False, False)))
    return out


def candidates(text: str, toks: Sequence[Tok]) -> list[Candidate]:
    """Every sub-span of each run of name-like tokens that starts and ends on a capitalised word
    and has at most :data:`MAX_SPAN` words (see the module docstring)."""
    runs: list[tuple[int, int]] = []
    n = len(toks)
    name_like = [t.cap and t.text[0].isalpha() for t in toks]  # _name_like of each token, once
    # _cue of each token: an abbreviated title or rank with its full stop right after it
    cue = [False] * n
    for k in range(n - 1):
        if toks[k].lower in TITLE_WORDS and toks[k + 1].text == "." and toks[k + 1].start == toks[k].end:
            cue[k] = True
    i = 0
    while i < n:
        if not name_like[i] or cue[i]:
            i += 1
            continue
        j = i + 1
        last_cap = i
        while j < n and text[toks[j - 1].end : toks[j].start] == " ":
            if cue[j]:
                break
            if name_like[j]:
                last_cap = j
            else:
                t = toks[j]
                if t.lower not in CONNECTORS and not (t.text.isdigit() and toks[j - 1].cap):
                    break
            j += 1
        if toks[last_cap].lower not in DEMONYMS:  # "North Korean leaders": a modifier, no name
            runs.append((i, last_cap + 1))
        i = last_cap + 1
    out: list[Candidate] = []
    new = tuple.__new__
    for a, b in runs:
        for s in range(a, b):
            first = toks[s]
            if not name_like[s] or (first.lower in _NEVER_FIRST and not first.text.isupper()):
                continue  # "The", "However", "Monday" open no name ("The Hague" is "Hague", as in the gold)
            for e in range(s + 1, min(b, s + MAX_SPAN) + 1):
                if name_like[e - 1]:
                    out.append(new(Candidate, (s, e, a, b, first.start, toks[e - 1].end)))
    return out


@lru_cache(maxsize=1 << 16)
def shape_of(word: str) -> str:
    """The shape of a word: letters as X/x, digits as d, repeats collapsed, at most six characters."""
    return _REPEATS.sub(r"\1", word.translate(_SHAPE))[:6]


@dataclass(frozen=True)
class DocContext:
    """What the rest of the document says about words."""

    lower_words: frozenset[str]  # words written in lower case
    mid_sentence: frozenset[str]  # capitalised words seen not opening a sentence
    inner_last: frozenset[str]  # last words of longer runs
    inner_first: frozenset[str]  # first words of longer runs
    alone: frozenset[str]  # words that make a one-word run by themselves ("Smith said")


def doc_context(text: str, toks: Sequence[Tok], cands: Sequence[Candidate]) -> DocContext:
    lower = frozenset([t.text for t in toks if t.text[:1].islower()])
    mid = frozenset([t.lower for t in toks if t.cap and not t.initial])
    runs = {(c.run_start, c.run_end) for c in cands}
    last = frozenset(toks[b - 1].lower for a, b in runs if b - a >= 2)
    first = frozenset(toks[a].lower for a, b in runs if b - a >= 2 and not toks[a].initial)
    alone = frozenset(toks[a].lower for a, b in runs if b - a == 1)
    return DocContext(lower, mid, last, first, alone)


def name_kind(tag: str) -> str:
    """A census tag ("m", "f", "mf", "s<rank>") as a coarse kind: given name, surname by frequency band."""
    if tag[:1] == "s":
        rank = int(tag[1:])
        return "s0" if rank <= 1000 else "s1" if rank <= 5000 else "s2"
    return "g"
