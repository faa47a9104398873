"""Candidate name spans and their hashed features, for the learned entity classifier.

:func:`candidates` finds high-recall candidate spans: maximal runs of capitalised words (with the
connectors names use inside them: "of", "the", "de", "van", "al-", "bin", "ibn", "Abu", "&"), acronyms
and designations ("NASA", "F-16", "KN-23"); every sub-span of a run that starts and ends on a
capitalised word is a candidate (so "Wu Chi-wai of the Democratic Party" offers "Wu Chi-wai" and
"Democratic Party" as well as the whole). A rank or title before a name ("Sgt. Ana Ruiz", "Maj. Gen.
Tom Reed") is a cue, not part of the name: abbreviations with a full stop end a run, and capitalised
titles are features the model weighs. A possessive "'s" is never part of a name. Informal text
writes places in lower case ("flew to hanoi", "back in punjab"): a lower-case word the gazetteer
knows as a place is a candidate too (:func:`lower_case_name_word`: letters only, four or more, not a
word of the built-in English list nor a given name), and the model weighs it as any other.

:mod:`workbook.extract.ner_featurize` describes each candidate with hashed features: words, shape,
affixes, context words, sentence-initial position, gazetteer membership of the span and of each of
its words, given-name and surname lists (the model's name lexicon: only membership is a feature, an
unknown word is no evidence either way), and what the rest of the document says (the same string
elsewhere not opening a sentence, the word inside a longer name, a name's last word standing alone
elsewhere ("Smith said"), the word written in lower case elsewhere). The model
(:mod:`workbook.extract.ner_model`) scores every candidate of a batch of documents in one pass.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate
from operator import add, and_, itemgetter, sub
from typing import NamedTuple, overload

import numpy as np

from workbook.extract.vocabulary import (
    ABBREVIATED_TITLES,
    GIVEN_NAMES,
    HONORIFICS,
    MONTHS,
    NEVER_NAME_START,
    TITLES,
    WEEKDAYS,
)
from workbook.ingest.normalise import builtin_words

__all__ = [
    "CONNECTORS",
    "DEMONYMS",
    "LOWER_CASE_PLACE",
    "LOWER_CASE_PLACE_AFTER",
    "MAX_SPAN",
    "RANK_ABBREVIATIONS",
    "TITLE_WORDS",
    "Candidate",
    "Tok",
    "TokenMarks",
    "Tokens",
    "candidate_array",
    "candidates",
    "lower_case_name_word",
    "lower_case_places",
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


class Tokens(Sequence[Tok]):
    """The tokens of a text as columns (one list per field of :class:`Tok`), made without one Python
    object per token; indexing gives :class:`Tok` values (a slice, a list of them)."""

    __slots__ = ("cap", "end", "initial", "lower", "start", "text")

    def __init__(
        self,
        start: list[int],
        end: list[int],
        text: list[str],
        lower: list[str],
        cap: list[bool],
        initial: list[bool],
    ) -> None:
        self.start, self.end, self.text, self.lower, self.cap, self.initial = start, end, text, lower, cap, initial

    def __len__(self) -> int:
        return len(self.start)

    @overload
    def __getitem__(self, k: int) -> Tok: ...

    @overload
    def __getitem__(self, k: slice) -> list[Tok]: ...

    def __getitem__(self, k: int | slice) -> Tok | list[Tok]:
        if isinstance(k, slice):
            return list(map(Tok._make, zip(*(col[k] for col in self._columns()), strict=True)))
        return Tok(self.start[k], self.end[k], self.text[k], self.lower[k], self.cap[k], self.initial[k])

    def __iter__(self) -> Iterator[Tok]:
        return map(Tok._make, zip(*self._columns(), strict=True))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def _columns(self) -> tuple[list[int], list[int], list[str], list[str], list[bool], list[bool]]:
        return self.start, self.end, self.text, self.lower, self.cap, self.initial


_PAIRS = re.compile(rf"(\s*)({_TOKEN.pattern})")  # a token and the white space before it: findall, no match objects
#: "'s" after a letter or digit, not before one (the look-behind after the quote: the search skips to quotes)
_POSSESSIVE_END = re.compile(r"['’](?<=\w['’])[sS](?!\w)")
#: a line break or a character of :data:`_OPENS_NEXT`: what may open the next token's sentence
_OPENERS = re.compile("\n|[" + re.escape("".join(sorted(_OPENS_NEXT))) + "]")
_first_item, _second_item = itemgetter(0), itemgetter(1)


def _particle_cap(word: str) -> bool:
    """ "al-Baghdadi", "bin-Laden": a lower-case particle joined to a capitalised name."""
    head, _, tail = word.partition("-")
    return head.casefold() in _PARTICLES and tail[:1].isupper()


def tokens(text: str) -> Tokens:
    """Words and punctuation of ``text``; a possessive "'s" is its own token. Built column by column
    (``findall`` and ``map`` over the words): no Python step per token; only line breaks, sentence
    punctuation, hyphens and possessives are visited, each found by a search of the text and placed
    among the tokens by a binary search."""
    pairs = _PAIRS.findall(text)
    if not pairs:
        return Tokens([], [], [], [], [], [])
    gaps = list(map(_first_item, pairs))
    words = list(map(_second_item, pairs))
    sizes = list(map(len, words))
    ends = list(accumulate(map(add, map(len, gaps), sizes)))
    starts = list(map(sub, ends, sizes))
    n = len(words)
    # a token opens a sentence after a line break or after sentence punctuation (and at the start)
    initial = [False] * n
    initial[0] = True
    for m in _OPENERS.finditer(text):
        p = m.start()
        k = bisect_left(starts, p)  # the first token from p on
        if k == n:
            continue
        if starts[k] != p:  # white space or inside a word ("U.S.", "don't"): a line break opens token k
            if text[p] == "\n":
                initial[k] = True
        elif ends[k] == p + 1 and k + 1 < n:  # sentence punctuation as a token of its own opens the next
            initial[k + 1] = True
    caps = list(map(str.isupper, map(_first_item, words)))
    p = text.find("-")
    while p >= 0:  # the words holding a hyphen: a particle joined to a name ("al-Baghdadi") is capitalised
        k = bisect_right(starts, p) - 1
        if k >= 0 and not caps[k] and words[k][0].isalpha():
            caps[k] = _particle_cap(words[k])
        p = text.find("-", p + 1)
    lows = list(map(str.casefold, words))
    toks = Tokens(starts, ends, words, lows, caps, initial)
    if "'" in text or "’" in text:
        split: list[int] = []  # the tokens ending in a possessive (ends only grow: a binary search finds them)
        for m in _POSSESSIVE_END.finditer(text):
            e = m.end()
            j = bisect_left(ends, e)
            if j < n and ends[j] == e and sizes[j] > 2:
                split.append(j)
        for k in reversed(split):
            _split_possessive(toks, k, text)
    return toks


def _split_possessive(toks: Tokens, k: int, text: str) -> None:
    """Token ``k`` ("Korea's") becomes "Korea" and "'s" (which opens nothing)."""
    e = toks.end[k]
    w = toks.text[k][:-2]
    cap = toks.cap[k] or (w[0].isalpha() and "-" in w and _particle_cap(w))
    toks.end[k], toks.text[k], toks.lower[k], toks.cap[k] = e - 2, w, w.casefold(), cap
    toks.start.insert(k + 1, e - 2)
    toks.end.insert(k + 1, e)
    toks.text.insert(k + 1, text[e - 2 : e])
    toks.lower.insert(k + 1, text[e - 2 : e].casefold())
    toks.cap.insert(k + 1, False)
    toks.initial.insert(k + 1, False)


#: the type a gazetteer gives a lower-case word that is then a candidate
LOWER_CASE_PLACE = "place"
#: the words a lower-case place name follows ("living in glasgow", "flew from hanoi"); after any other
#: ("roast turkey", "the best china", "a bottle of bordeaux") a lower-case word is a common noun
LOWER_CASE_PLACE_AFTER: frozenset[str] = _words("in to from at near around across outside inside into between via")


def lower_case_name_word(word: str) -> bool:
    """A word written in lower case that may be a place name of informal text when a gazetteer knows it
    ("hanoi", "punjab"): letters only, four or more, neither a word of the built-in English list
    (:func:`workbook.ingest.normalise.builtin_words`) nor a given name ("sara", "victoria")."""
    return (
        len(word) >= 4
        and word.isalpha()
        and word.islower()
        and word not in builtin_words()
        and word not in GIVEN_NAMES
        and word not in _NEVER_FIRST
    )


def lower_case_places(
    place_word: np.ndarray, after_preposition: np.ndarray, starts: np.ndarray, ends: np.ndarray, chars: np.ndarray
) -> np.ndarray:
    """Which tokens are lower-case place candidates: a :func:`lower_case_name_word` the gazetteer knows as a
    place (``place_word``) right after a word of :data:`LOWER_CASE_PLACE_AFTER` (``after_preposition``:
    the token before is one), not part of an address ("kent.shoemaker@", "www.nola.com": no "@", "." or
    "/" joined to it). ``starts``/``ends`` are the tokens' offsets in ``chars``, the text's code points."""
    out = place_word & after_preposition
    at = np.flatnonzero(out)
    if len(at):
        size = len(chars)
        before = np.where(starts[at] > 0, chars[np.maximum(starts[at] - 1, 0)], 32)
        after = np.where(ends[at] < size, chars[np.minimum(ends[at], size - 1)], 32)
        after2 = np.where(ends[at] + 1 < size, chars[np.minimum(ends[at] + 1, size - 1)], 32)
        joined = np.isin(before, _ADDRESS_CHARS) | (after == _AT) | (after == _SLASH)
        joined |= (after == _DOT) & np.isin(after2, _SPACE_CHARS, invert=True)
        out[at[joined]] = False
    return out


_ADDRESS_CHARS = np.array([ord(c) for c in "@./"], dtype=np.uint32)
_SPACE_CHARS = np.array([ord(c) for c in " \n\t\r\"')"], dtype=np.uint32)
_AT, _SLASH, _DOT = ord("@"), ord("/"), ord(".")


def candidates(text: str, toks: Tokens, gaz_type: Callable[[str], str | None] | None = None) -> list[Candidate]:
    """Every sub-span of each run of name-like tokens that starts and ends on a capitalised word (or,
    with ``gaz_type``, a lower-case place name: :func:`lower_case_places`) and has at most
    :data:`MAX_SPAN` words (see the module docstring)."""
    n = len(toks)
    if n == 0:
        return []
    starts, ends, txt, lows = toks.start, toks.end, toks.text, toks.lower
    name_like = np.fromiter(map(and_, toks.cap, map(str.isalpha, map(_first_item, txt))), dtype=bool, count=n)
    chars = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    start_arr, end_arr = np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)
    if gaz_type is not None:
        place_word = np.fromiter(
            (lower_case_name_word(w) and gaz_type(w) == LOWER_CASE_PLACE for w in txt), dtype=bool, count=n
        )
        after = np.zeros(n, dtype=bool)
        after[1:] = np.fromiter(map(LOWER_CASE_PLACE_AFTER.__contains__, lows[:-1]), dtype=bool, count=n - 1)
        name_like |= lower_case_places(place_word, after, start_arr, end_arr, chars)
    marks = TokenMarks(
        name_like=name_like,
        title=np.fromiter(map(TITLE_WORDS.__contains__, lows), dtype=bool, count=n),
        dot=np.fromiter(map(".".__eq__, txt), dtype=bool, count=n),
        connector=np.fromiter(map(CONNECTORS.__contains__, lows), dtype=bool, count=n),
        digits=np.fromiter(map(str.isdigit, txt), dtype=bool, count=n),
        never_first=np.fromiter(map(_NEVER_FIRST.__contains__, lows), dtype=bool, count=n),
        upper=np.fromiter(map(str.isupper, txt), dtype=bool, count=n),
        demonym=np.fromiter(map(DEMONYMS.__contains__, lows), dtype=bool, count=n),
    )
    found, _ = candidate_array(
        marks,
        np.array(toks.cap, dtype=bool),
        start_arr,
        end_arr,
        chars,
        np.zeros(1, dtype=np.int64),
        np.zeros(1, dtype=np.int64),
    )
    new = tuple.__new__
    return [new(Candidate, row) for row in found.tolist()]


class TokenMarks(NamedTuple):
    """What :func:`candidate_array` reads of each token of a batch (boolean arrays): a capitalised word
    starting with a letter, a title or rank word, a full stop, a connector, digits only, a word that
    opens no name (:data:`NEVER_NAME_START`, months, weekdays), written in capitals, a demonym."""

    name_like: np.ndarray
    title: np.ndarray
    dot: np.ndarray
    connector: np.ndarray
    digits: np.ndarray
    never_first: np.ndarray
    upper: np.ndarray
    demonym: np.ndarray


def candidate_array(
    marks: TokenMarks,
    cap: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    chars: np.ndarray,
    doc_first: np.ndarray,
    doc_char: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`candidates` of a batch of documents at once, as an ``(n, 6)`` array of :class:`Candidate`
    fields (token and character offsets within each document), the documents' rows one after the
    other. The documents' tokens are one after the other: ``doc_first`` holds each document's first
    token (the first is 0; no empty document), ``starts``/``ends`` the tokens' character offsets in
    ``chars``, the code points of the documents' texts joined, each starting at ``doc_char``.

    A run of name-like tokens is a stretch of tokens each joined to the one before by one space (a
    link: a name-like word, a connector, or digits after a capitalised word; never a rank abbreviation
    with its full stop, a cue) from its first name-like token to its last (no run when the last is a
    demonym). Each run's candidates start on a name-like word that may open a name and end on a
    name-like word at most :data:`MAX_SPAN` words on. Also returns each candidate's document (its
    index in ``doc_first``)."""
    n = len(cap)
    out = np.zeros((0, 6), dtype=np.int64), np.zeros(0, dtype=np.int64)
    if n == 0:
        return out
    doc_start = np.zeros(n, dtype=bool)
    doc_start[doc_first] = True
    next_tok = np.minimum(np.arange(1, n + 1), n - 1)
    has_next = np.zeros(n, dtype=bool)  # the next token is in the same document
    has_next[:-1] = ~doc_start[1:]
    # a rank abbreviation with its full stop right after it ("Sgt.") is a cue before a name, never in it
    cue = marks.title & has_next & marks.dot[next_tok] & (starts[next_tok] == ends)
    gap_one = np.zeros(n, dtype=bool)
    gap_one[1:] = starts[1:] - ends[:-1] == 1
    space = np.zeros(n, dtype=bool)
    at = np.flatnonzero(gap_one)
    space[at] = chars[ends[at - 1]] == 32
    name_like = marks.name_like
    cap_before = np.zeros(n, dtype=bool)
    cap_before[1:] = cap[:-1]
    link = space & ~doc_start & ~cue & (name_like | marks.connector | (marks.digits & cap_before))
    segment = np.cumsum(~link)
    opens = np.flatnonzero(name_like & ~cue)  # cues open a segment (no link into them): they never start a run
    if not len(opens):
        return out
    seg = segment[opens]
    first = np.ones(len(seg), dtype=bool)
    first[1:] = seg[1:] != seg[:-1]
    last = np.ones(len(seg), dtype=bool)
    last[:-1] = first[1:]
    run_a, last_cap = opens[first], opens[last]
    keep = ~marks.demonym[last_cap]  # "North Korean leaders": a modifier, no name
    run_a, run_b = run_a[keep], last_cap[keep] + 1
    if not len(run_a):
        return out
    run_of = np.searchsorted(run_a, np.arange(n), side="right") - 1
    in_run = (run_of >= 0) & (np.arange(n) < run_b[np.maximum(run_of, 0)])
    # "The", "However", "Monday" open no name ("The Hague" is "Hague", as in the gold)
    s = np.flatnonzero(in_run & name_like & ~(marks.never_first & ~marks.upper))
    if not len(s):
        return out
    a, b = run_a[run_of[s]], run_b[run_of[s]]
    e = s[:, None] + np.arange(1, MAX_SPAN + 1)
    ok = (e <= b[:, None]) & name_like[np.minimum(e - 1, n - 1)]
    per = ok.sum(axis=1)
    s, a, b, e = np.repeat(s, per), np.repeat(a, per), np.repeat(b, per), e[ok]
    doc = np.searchsorted(doc_first, s, side="right") - 1
    base, char0 = doc_first[doc], doc_char[doc]
    return np.column_stack([s - base, e - base, a - base, b - base, starts[s] - char0, ends[e - 1] - char0]), doc


@lru_cache(maxsize=1 << 16)
def shape_of(word: str) -> str:
    """The shape of a word: letters as X/x, digits as d, repeats collapsed, at most six characters."""
    return _REPEATS.sub(r"\1", word.translate(_SHAPE))[:6]


def name_kind(tag: str) -> str:
    """A census tag ("m", "f", "mf", "s<rank>") as a coarse kind: given name, surname by frequency band."""
    if tag[:1] == "s":
        rank = int(tag[1:])
        return "s0" if rank <= 1000 else "s1" if rank <= 5000 else "s2"
    return "g"
