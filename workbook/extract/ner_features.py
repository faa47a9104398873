"""Candidate name spans and their hashed features, for the learned entity classifier.

:func:`candidates` finds high-recall candidate spans: maximal runs of capitalised words (with the
connectors names use inside them: "of", "the", "de", "van", "al-", "bin", "ibn", "Abu", "&"), acronyms
and designations ("NASA", "F-16", "KN-23"); every sub-span of a run that starts and ends on a
capitalised word is a candidate (so "Wu Chi-wai of the Democratic Party" offers "Wu Chi-wai" and
"Democratic Party" as well as the whole). A rank or title before a name ("Sgt. Ana Ruiz", "Maj. Gen.
Tom Reed") is a cue, not part of the name: abbreviations with a full stop end a run, and capitalised
titles are features the model weighs. A possessive "'s" is never part of a name.

:func:`featurize` describes each candidate with strings (words, shape, affixes, context words,
sentence-initial position, gazetteer membership of the span and of each of its words, given-name
and surname lists (the model's name lexicon: only membership is a feature, an unknown word is no
evidence either way), and what the rest of the document says: the same string elsewhere not opening
a sentence, the word inside a longer name, a name's last word standing alone elsewhere ("Smith
said"), the word written in lower case elsewhere), hashed into ``2**bits`` buckets with CRC32 (stable across runs).
The model (:mod:`workbook.extract.ner_model`) scores every candidate of a document in one matrix
product.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from workbook.extract.vocabulary import (
    ABBREVIATED_TITLES,
    FACILITY_HEADS,
    GIVEN_NAMES,
    HONORIFICS,
    KNOWN_ORGS,
    MONTHS,
    NEVER_NAME_START,
    ORG_HEADS,
    SURNAME_FIRST,
    TITLES,
    WEEKDAYS,
)

__all__ = [
    "CONNECTORS",
    "DEMONYMS",
    "MAX_SPAN",
    "RANK_ABBREVIATIONS",
    "Candidate",
    "Tok",
    "candidates",
    "feature_index",
    "featurize",
    "name_kind",
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
_TITLE_WORDS = frozenset(w for t in TITLES for w in t) | HONORIFICS | ABBREVIATED_TITLES | RANK_ABBREVIATIONS
_NEVER_FIRST = NEVER_NAME_START | MONTHS | WEEKDAYS
_SENT_END = frozenset(".!?:;\"“”'‘’()[]—–-•|")
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
    prev_end = 0
    initial = True
    newline = text.find("\n")
    for m in _TOKEN.finditer(text):
        w = m.group()
        s = m.start()
        if 0 <= newline < s:
            if newline >= prev_end:
                initial = True
            newline = text.find("\n", s)
        e = s + len(w)
        if len(w) > 2 and w[-2:] in _POSSESSIVES:
            pieces: tuple[tuple[int, int, str], ...] = ((s, e - 2, w[:-2]), (e - 2, e, w[-2:]))
        else:
            pieces = ((s, e, w),)
        for a, b, piece in pieces:
            first = piece[0]
            cap = first.isupper()
            if not cap and "-" in piece and first.isalpha():
                head, _, tail = piece.partition("-")
                cap = head.casefold() in _PARTICLES and tail[:1].isupper()
            append(Tok(a, b, piece, piece.casefold(), cap, initial))
            initial = piece in _SENT_END and piece not in "-'’"
        prev_end = e
    return out


def _name_like(t: Tok) -> bool:
    return t.cap and t.text[0].isalpha()


def _adjacent(text: str, a: Tok, b: Tok) -> bool:
    return text[a.end : b.start] == " "


def _cue(text: str, toks: Sequence[Tok], i: int) -> bool:
    """An abbreviated title or rank with its full stop ("Sgt.", "Gen."): a cue, not a name word."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return toks[i].lower in _TITLE_WORDS and nxt is not None and nxt.text == "." and nxt.start == toks[i].end


def candidates(text: str, toks: Sequence[Tok]) -> list[Candidate]:
    """Every sub-span of each run of name-like tokens that starts and ends on a capitalised word
    and has at most :data:`MAX_SPAN` words (see the module docstring)."""
    runs: list[tuple[int, int]] = []
    n = len(toks)
    i = 0
    while i < n:
        if not _name_like(toks[i]) or _cue(text, toks, i):
            i += 1
            continue
        j = i + 1
        last_cap = i
        while j < n and _adjacent(text, toks[j - 1], toks[j]):
            t = toks[j]
            if _cue(text, toks, j):
                break
            if _name_like(t):
                last_cap = j
            elif t.lower not in CONNECTORS and not (t.text.isdigit() and toks[j - 1].cap):
                break
            j += 1
        if toks[last_cap].lower not in DEMONYMS:  # "North Korean leaders": a modifier, no name
            runs.append((i, last_cap + 1))
        i = last_cap + 1
    out: list[Candidate] = []
    for a, b in runs:
        for s in range(a, b):
            if not _name_like(toks[s]) or (toks[s].lower in _NEVER_FIRST and not toks[s].text.isupper()):
                continue  # "The", "However", "Monday" open no name ("The Hague" is "Hague", as in the gold)
            for e in range(s + 1, min(b, s + MAX_SPAN) + 1):
                last = toks[e - 1]
                if _name_like(last):
                    out.append(Candidate(s, e, a, b, toks[s].start, last.end))
    return out


@lru_cache(maxsize=1 << 16)
def _shape(word: str) -> str:
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
    lower = frozenset(t.text for t in toks if t.text[:1].islower())
    mid = frozenset(t.lower for t in toks if t.cap and not t.initial)
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


def featurize(
    toks: Sequence[Tok],
    cands: Sequence[Candidate],
    ctx: DocContext,
    gaz_type: Callable[[str], str | None],
    common: frozenset[str] = frozenset(),
    names: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """The feature strings of each candidate (see the module docstring). ``common`` holds words
    usually written in lower case (the model's vocabulary): a name is mostly made of other words.
    ``names`` maps given names and surnames to their kind (:func:`name_kind`: ``g``, ``s0``..``s2``)."""
    names = names or {}
    word_gaz: dict[str, str | None] = {}  # gazetteer type of each word, looked up once per document
    out: list[list[str]] = []
    n = len(toks)
    for c in cands:
        words = [t.lower for t in toks[c.i : c.j]]
        first = toks[c.i]
        l1 = toks[c.i - 1].lower if c.i > 0 else "<s>"
        l2 = toks[c.i - 2].lower if c.i > 1 else "<s>"
        r1 = toks[c.j].lower if c.j < n else "</s>"
        r2 = toks[c.j + 1].lower if c.j + 1 < n else "</s>"
        size = c.j - c.i
        shape = " ".join(_shape(t.text) for t in toks[c.i : c.j])[:24]
        key = " ".join(words)
        f = [
            "bias",
            f"n:{min(size, 5)}",
            f"f:{words[0]}",
            f"l:{words[-1]}",
            f"sh:{shape}",
            f"p3:{words[0][:3]}",
            f"s3:{words[-1][-3:]}",
            f"s2:{words[-1][-2:]}",
            f"L1:{l1}",
            f"L2:{l2}",
            f"R1:{r1}",
            f"R2:{r2}",
            f"L1R1:{l1}|{r1}",
            f"L1f:{l1}|{words[0]}",
            f"lR1:{words[-1]}|{r1}",
            f"L1sh:{l1}|{shape}",
            f"shR1:{shape}|{r1}",
            f"s4:{words[-1][-4:]}",
            f"fs3:{words[0][-3:]}",
            f"run:{min(c.run_end - c.run_start, 6)}:{int(c.i == c.run_start)}{int(c.j == c.run_end)}",
        ]
        f += [f"w:{w}" for w in words]
        if size <= 3:
            f.append(f"k:{key}")
        if first.initial:
            f.append(f"init:{min(size, 3)}")
            if size == 1:
                f.append(f"init1:{words[0]}")
                if first.lower in ctx.mid_sentence:
                    f.append("init_seen_mid")
        if size == 1:
            if first.text.isupper() and len(first.text) > 1:
                f.append("acronym")
            if first.text in ctx.lower_words or first.lower in ctx.lower_words:
                f.append("lower_elsewhere")
            if first.lower in ctx.inner_last and c.run_end - c.run_start == 1:
                f.append("last_of_longer")
            if first.lower in ctx.inner_first and c.run_end - c.run_start == 1:
                f.append("first_of_longer")
        elif key in ctx.lower_words:
            f.append("lower_elsewhere")
        if first.lower in ctx.mid_sentence and not first.initial:
            f.append("mid")
        n_common = sum(1 for w in words if w in common)
        f.append(f"common:{'all' if n_common == size else 'none' if not n_common else 'some'}")
        if words[0] in common:
            f.append("first_common")
        if words[-1] in common:
            f.append("last_common")
        nxt = toks[c.j].text if c.j < n else ""
        if nxt[:1].islower() and nxt.isalpha():
            f.append("next_lower")  # "North Korean leaders": a modifier, often no name
            f.append(f"next_lower:{words[-1][-3:]}")
        elif nxt[:1].isupper():
            f.append("next_cap")
        if any(ch.isdigit() for ch in key):
            f.append("digit")
        if "-" in key:
            f.append("hyphen")
        if l1 in _TITLE_WORDS or (l1 == "." and c.i > 1 and l2 in _TITLE_WORDS):
            f.append("title_before")
        if words[0] in _TITLE_WORDS:
            f.append("title_first")
        if words[0] in GIVEN_NAMES:
            f.append("given")
        if words[0] in SURNAME_FIRST:
            f.append("surname_first")
        if words[-1] in ORG_HEADS:
            f.append("org_head")
        if words[-1] in FACILITY_HEADS:
            f.append("fac_head")
        if any(w in ORG_HEADS for w in words[:-1]):
            f.append("org_head_inside")
        if key in KNOWN_ORGS:
            f.append("known_org")
        if words[0] in NEVER_NAME_START:
            f.append("never_start")
        if words[-1] in DEMONYMS:
            f.append("demonym")
        if words[0] in MONTHS or words[0] in WEEKDAYS:
            f.append("date_word")
        inner = [w for w in words[1:-1] if w in CONNECTORS]
        if inner:
            f.append(f"conn:{inner[0]}")
        k_first = names.get(words[0])
        k_last = names.get(words[-1])
        if k_first is not None:
            f.append(f"nf:{k_first}")
        if k_last is not None:
            f.append(f"nl:{k_last}")
        if size > 1:
            if k_first is not None and k_last is not None:
                f.append(f"nfl:{k_first}|{k_last}|{min(size, 3)}")
            if words[-1] in ctx.alone:
                f.append("last_alone")  # "John Smith ... Smith said"
            for t in toks[c.i : c.j]:
                wg = word_gaz[t.text] if t.text in word_gaz else word_gaz.setdefault(t.text, gaz_type(t.text))
                if wg is not None:
                    f.append(f"wg:{wg}")
        elif first.lower in ctx.inner_last:
            f.append(f"ilast:{k_first}")
        g = gaz_type(toks[c.i].text if size == 1 else " ".join(t.text for t in toks[c.i : c.j]))
        if g is not None:
            f.append(f"gaz:{g}")
            if words[0] in GIVEN_NAMES:
                f.append("gaz_given")
        out.append(f)
    return out


@lru_cache(maxsize=1 << 18)
def _bucket(feature: str, bits: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) & ((1 << bits) - 1)


def feature_index(
    features: Sequence[Sequence[str]], bits: int, cache: dict[str, int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(columns, row offsets) of hashed features: row ``k``'s buckets are
    ``columns[offsets[k]:offsets[k + 1]]``; ``offsets`` has one more entry than there are rows.
    ``cache`` (feature → bucket) saves hashing features seen before."""
    flat = list(itertools.chain.from_iterable(features))
    if cache is None:
        cols = [_bucket(f, bits) for f in flat]
    else:
        mask = (1 << bits) - 1
        for f in set(flat).difference(cache):
            cache[f] = zlib.crc32(f.encode("utf-8")) & mask
        cols = list(map(cache.__getitem__, flat))
    offsets = np.zeros(len(features) + 1, dtype=np.int64)
    np.cumsum([len(fs) for fs in features], out=offsets[1:])
    return np.asarray(cols, dtype=np.int64), offsets
