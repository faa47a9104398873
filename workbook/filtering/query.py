"""The search syntax of ``FilterSpec.text`` and the explorer's entity search: parse a query, match it.

Grammar (``AND`` binds tighter than ``OR``; operators are upper-case words; a query never holds more than
:data:`MAX_DEPTH` nested parentheses)::

    query   := or
    or      := and ( "OR" and )*
    and     := unary ( ["AND"] unary )*          two terms side by side: AND
    unary   := "NOT" unary | atom
    atom    := "(" or ")" | '"' phrase '"' | word | word "*" | word "~" [0-2]

What each term matches, case-insensitively (both sides Unicode-lower-cased, as before):

* ``"exact phrase"``: the literal phrase, as a substring (nothing else is folded).
* ``word``: the word as a substring (the old behaviour: ``missile`` finds "missiles"), or a word of the
  text that is the same name in another romanisation: both sides go through the linker's
  :func:`workbook.names.romanisation_key` (``Sinpho`` finds "Sinpo", ``Phyongyang`` "Pyongyang",
  ``Hwasongpho`` "Hwasong-19" and back). A word with inner punctuation (``Hwasong-19``) needs each of its
  parts in the same text.
* ``prefix*``: a word of the text beginning with the prefix (or whose romanisation key does).
* ``word~1``: a word of the text within that many edits (Levenshtein distance; ``word~`` is ``~1``, at
  most ``~2``).
* Any other ``*`` or ``~`` (``.*``, ``a*b``, ``~/notes``) is part of a literal word, as before.
* ``NOT x``: the texts ``x`` does not match (a missing text matches nothing, not even ``NOT x``).

Plain words keep working: ``missile test`` is ``missile AND test``, which every text holding the
literal "missile test" still matches. Anything else raises :class:`~workbook.errors.SearchSyntaxError`
with the position of the problem. Words of a text are the runs of letters and digits of its lower-cased
form; the vocabulary behind ``word``, ``prefix*`` and ``word~N`` (each distinct word and its romanisation
keys) is gathered once per :class:`~workbook.filtering.text.TextColumn`, on first use; the rows holding
the words a term picks are then found by a byte scan and a whole-word check of those rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from workbook.errors import SearchSyntaxError
from workbook.filtering.text import BoolArray, TextColumn, literal_regex, lower
from workbook.names import romanisation_key

__all__ = [
    "KEYWORDS",
    "MAX_DEPTH",
    "MAX_DISTANCE",
    "And",
    "Not",
    "Or",
    "Query",
    "Term",
    "format_query",
    "match_query",
    "parse_query",
    "query_words",
]

#: The operator words (upper-case only: ``and``, ``or``, ``not`` are plain words).
KEYWORDS: tuple[str, ...] = ("AND", "OR", "NOT")
#: Deepest nesting of parentheses and NOTs a query may have.
MAX_DEPTH = 50
#: The largest edit distance ``word~N`` accepts.
MAX_DISTANCE = 2
TERM_KINDS: tuple[str, ...] = ("word", "phrase", "prefix", "fuzzy")
_SPECIAL = frozenset('()"')
_WORD_SPLIT = r"[^\p{L}\p{N}]+"
#: A word's key without a weapon family's "pho" counts only when this long (``hwasong``, not ``sin``).
_MIN_STEM = 5


@dataclass(frozen=True)
class Term:
    """One search term: ``kind`` is ``word``, ``phrase``, ``prefix`` or ``fuzzy`` (with ``distance``)."""

    text: str
    kind: str = "word"
    distance: int = 0


@dataclass(frozen=True)
class Not:
    child: Query


@dataclass(frozen=True)
class And:
    children: tuple[Query, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Query, ...]


Query = Term | Not | And | Or


# -- parsing ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # "(", ")", "AND", "OR", "NOT", "term"
    pos: int
    term: Term | None = None


def _word_term(word: str, query: str, pos: int) -> Term:
    """A word, ``prefix*`` or ``word~N``. Only a final ``*`` after a letter or digit and ``~`` followed by
    nothing or digits are operators; any other ``*`` or ``~`` is part of a literal word (as before)."""
    if word.endswith("*") and len(word) > 1 and word[-2].isalnum() and "*" not in word[:-1] and "~" not in word:
        return Term(word[:-1], "prefix")
    stem, tilde, n = word.rpartition("~")
    if tilde and stem and stem[-1].isalnum() and "~" not in stem and "*" not in stem and (n == "" or n.isdigit()):
        if n == "":
            return Term(stem, "fuzzy", 1)
        if not n.isascii() or int(n) > MAX_DISTANCE:
            raise SearchSyntaxError(
                f"'~' takes an edit distance from 0 to {MAX_DISTANCE}, not {n}", query, pos + len(stem)
            )
        return Term(stem, "fuzzy", int(n))
    return Term(word, "word")


def _tokens(query: str) -> list[_Token]:
    out: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            out.append(_Token(ch, i))
            i += 1
        elif ch == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise SearchSyntaxError("this double quote is never closed", query, i)
            phrase = query[i + 1 : end]
            if not phrase.strip():
                raise SearchSyntaxError("an empty phrase matches nothing; write words between the quotes", query, i)
            out.append(_Token("term", i, Term(" ".join(phrase.split()), "phrase")))
            i = end + 1
        else:
            j = i
            while j < n and not query[j].isspace() and query[j] not in _SPECIAL:
                j += 1
            word = query[i:j]
            out.append(_Token(word, i) if word in KEYWORDS else _Token("term", i, _word_term(word, query, i)))
            i = j
    return out


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.i = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def fail(self, message: str, token: _Token | None) -> SearchSyntaxError:
        return SearchSyntaxError(message, self.query, len(self.query) if token is None else token.pos)

    def parse(self) -> Query | None:
        if not self.tokens:
            return None
        node = self.or_(0)
        tok = self.peek()
        if tok is not None:
            raise self.fail("this ')' closes no '('" if tok.kind == ")" else f"unexpected {tok.kind!r}", tok)
        return node

    def or_(self, depth: int) -> Query:
        parts = [self.and_(depth)]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.i += 1
            parts.append(self.and_(depth, after=tok))
        return parts[0] if len(parts) == 1 else Or(_flat(Or, parts))

    def and_(self, depth: int, after: _Token | None = None) -> Query:
        parts = [self.unary(depth, after)]
        while (tok := self.peek()) is not None and tok.kind not in ("OR", ")"):
            if tok.kind == "AND":
                self.i += 1
                parts.append(self.unary(depth, tok))
            else:
                parts.append(self.unary(depth))
        return parts[0] if len(parts) == 1 else And(_flat(And, parts))

    def unary(self, depth: int, after: _Token | None = None) -> Query:
        if depth > MAX_DEPTH:
            raise self.fail(f"the query nests deeper than {MAX_DEPTH} levels", self.peek())
        tok = self.peek()
        if tok is None:
            if after is not None:
                raise self.fail(f"{after.kind} must be followed by a term", after)
            raise self.fail("a term is missing here", None)
        if tok.kind == "NOT":
            self.i += 1
            return Not(self.unary(depth + 1, tok))
        if tok.kind == "(":
            self.i += 1
            if (close := self.peek()) is not None and close.kind == ")":
                raise self.fail("empty parentheses; put a term between them", tok)
            node = self.or_(depth + 1)
            close = self.peek()
            if close is None or close.kind != ")":
                raise self.fail("this '(' is never closed", tok)
            self.i += 1
            return node
        if tok.kind == "term" and tok.term is not None:
            self.i += 1
            return tok.term
        if after is not None:
            raise self.fail(f"{after.kind} must be followed by a term, not {tok.kind!r}", tok)
        raise self.fail(f"{tok.kind!r} needs a term before it", tok)


def _flat(kind: type[And] | type[Or], parts: list[Query]) -> tuple[Query, ...]:
    out: list[Query] = []
    for p in parts:
        out.extend(p.children if isinstance(p, kind) else (p,))
    return tuple(out)


def parse_query(query: str) -> Query | None:
    """The query tree of ``query`` (None when it is blank). Raises
    :class:`~workbook.errors.SearchSyntaxError` (with ``position``) for anything else the grammar refuses."""
    if not isinstance(query, str):
        raise SearchSyntaxError(f"a query is text, not {type(query).__name__}", str(query), 0)
    return _Parser(query).parse()


def format_query(node: Query | None) -> str:
    """Canonical query text for ``node``: ``parse_query(format_query(q)) == q`` for every parsed ``q``."""
    if node is None:
        return ""
    if isinstance(node, Term):
        if node.kind == "phrase":
            return f'"{node.text}"'
        if node.kind == "prefix":
            return f"{node.text}*"
        if node.kind == "fuzzy":
            return f"{node.text}~{node.distance}"
        return node.text
    if isinstance(node, Not):
        inner = format_query(node.child)
        return f"NOT ({inner})" if isinstance(node.child, And | Or) else f"NOT {inner}"
    if isinstance(node, And):
        return " AND ".join(
            f"({format_query(c)})" if isinstance(c, Or | And) else format_query(c) for c in node.children
        )
    return " OR ".join(f"({format_query(c)})" if isinstance(c, Or) else format_query(c) for c in node.children)


def query_words(node: Query | None) -> list[Term]:
    """The terms of a query, left to right (those under NOT included)."""
    if node is None:
        return []
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return query_words(node.child)
    return [t for c in node.children for t in query_words(c)]


# -- matching --------------------------------------------------------------------------------------


def _keys(word: str) -> tuple[str, ...]:
    """The romanisation keys of one word: its key and, when it differs, the key it has before a number
    (KCNA's "Hwasongpho-19" is "hwasong 19": the weapon-family "pho" dropped)."""
    key = romanisation_key(word)
    before_number = romanisation_key(f"{word} 1")
    keys = [key]
    stem = before_number[:-2] if before_number.endswith(" 1") else ""
    if len(stem) >= _MIN_STEM and stem != key:  # "Sinpho" is no weapon family: "sin" would find "sin"
        keys.append(stem)
    return tuple(keys)


#: Rows of text split into words at once when the vocabulary is gathered (bounds the memory it takes).
_VOCAB_ROWS = 20_000
#: Up to this many words, the rows holding one of them are first narrowed by a byte scan per word.
_SCAN_WORDS = 16
#: Rows lower-cased and checked at a time by a regular expression (bounds the text copied at once).
_MATCH_ROWS = 4_000
#: Words per regular expression when rows are checked for whole words.
_WORDS_PER_PATTERN = 200
_NOT_WORD = r"[^\p{L}\p{N}]"


@dataclass(frozen=True, eq=False)
class _Vocabulary:
    """The distinct words of a TextColumn and their romanisation keys. No row lists are kept: the rows
    holding given words are found when asked (:func:`_rows_with_words`), so the first search of a big
    corpus costs one pass over its text and the memory of its vocabulary, not of every (word, row) pair."""

    words: list[str]
    by_key: dict[str, list[int]]
    keys: list[tuple[str, ...]]

    @classmethod
    def build(cls, column: TextColumn) -> _Vocabulary:
        # distinct whitespace-separated tokens (a literal split, block by block), then their words
        tokens = [
            pc.unique(pc.list_flatten(pc.utf8_split_whitespace(block))).cast(pa.large_string())
            for block in column.lowered_blocks(_VOCAB_ROWS)
        ]
        if not tokens:
            return cls([], {}, [])
        distinct = pc.unique(pa.chunked_array(tokens, type=pa.large_string())) if len(tokens) > 1 else tokens[0]
        flat = pc.unique(pc.list_flatten(pc.split_pattern_regex(distinct, _WORD_SPLIT)))
        words = [w for w in flat.to_pylist() if w]
        keys = [_keys(w) for w in words]
        by_key: dict[str, list[int]] = {}
        for i, ks in enumerate(keys):
            for k in ks:
                by_key.setdefault(k, []).append(i)
        return cls(words, by_key, keys)


def _vocabulary(column: TextColumn) -> _Vocabulary:
    cached = column.cache.get("vocabulary")
    if not isinstance(cached, _Vocabulary):
        cached = _Vocabulary.build(column)
        column.cache["vocabulary"] = cached
    return cached


def _rows_matching(column: TextColumn, pattern: str, candidates: BoolArray) -> BoolArray:
    """Rows among ``candidates`` whose (lower-cased) text matches the RE2 ``pattern``."""
    out = np.zeros(len(column), dtype=bool)
    rows = np.flatnonzero(candidates & column.valid)
    for start in range(0, len(rows), _MATCH_ROWS):  # lower-cased a block at a time: no copy of all the text
        block = rows[start : start + _MATCH_ROWS]
        hit = pc.match_substring_regex(column.lowered(block), pattern).fill_null(False)
        out[block[np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool)]] = True
    return out


def _rows_with_words(column: TextColumn, words: list[str], within: BoolArray | None = None) -> BoolArray:
    """Rows (among ``within``) holding one of ``words`` (vocabulary words) as a whole word."""
    out = np.zeros(len(column), dtype=bool)
    if not words:
        return out
    if len(words) <= _SCAN_WORDS:  # narrow by a byte scan per word first
        candidates = np.zeros(len(column), dtype=bool)
        for w in words:
            candidates |= column.contains(w)
    else:
        candidates = column.valid.copy()
    if within is not None:
        candidates &= within
    for i in range(0, len(words), _WORDS_PER_PATTERN):
        group = "|".join(literal_regex(w) for w in words[i : i + _WORDS_PER_PATTERN])
        out |= _rows_matching(column, f"(?:^|{_NOT_WORD})(?:{group})(?:{_NOT_WORD}|$)", candidates & ~out)
    return out


def _split(text: str) -> list[str]:
    parts: list[str] = pc.split_pattern_regex(pa.array([lower(text)]), _WORD_SPLIT)[0].as_py()
    return [p for p in parts if p]


def _romanised(column: TextColumn, text: str) -> BoolArray:
    """Rows holding every word of ``text`` in some romanisation (see the module docstring), apart from
    rows that hold ``text`` literally (the caller adds those)."""
    words = _split(text)
    n = len(column)
    if not words:
        return np.zeros(n, dtype=bool)
    voc = _vocabulary(column)
    low = lower(text)
    out = column.valid.copy()
    for w in words:
        hits = [voc.words[i] for i in sorted({i for k in _keys(w) for i in voc.by_key.get(k, [])})]
        if words == [low] and all(low in h for h in hits):  # every row holding one holds the text itself
            return np.zeros(n, dtype=bool)
        out &= _rows_with_words(column, hits, within=out)
    return out


def _prefix(column: TextColumn, stem: str) -> BoolArray:
    voc = _vocabulary(column)
    low = lower(stem)
    keys = [k for k in _keys(low) if k]
    literal = _split(low) == [low]  # a word of the text begins with it exactly when it follows a non-word
    hits = [
        v
        for v, ks in zip(voc.words, voc.keys, strict=True)
        if not (literal and v.startswith(low))
        and (v.startswith(low) or any(k.startswith(key) for k in ks for key in keys))
    ]
    out = _rows_with_words(column, hits)
    if literal:
        out |= _rows_matching(column, f"(?:^|{_NOT_WORD}){literal_regex(low)}", column.contains(low) & ~out)
    return out


def _fuzzy(column: TextColumn, word: str, distance: int) -> BoolArray:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    voc = _vocabulary(column)
    found = process.extract(lower(word), voc.words, scorer=Levenshtein.distance, score_cutoff=distance, limit=None)
    return _rows_with_words(column, [voc.words[i] for _, _, i in found])


def _match(node: Query, column: TextColumn) -> BoolArray:
    if isinstance(node, Term):
        if node.kind == "phrase":
            return column.contains(node.text)
        if node.kind == "prefix":
            return _prefix(column, node.text)
        if node.kind == "fuzzy":
            return _fuzzy(column, node.text, node.distance)
        return column.contains(node.text) | _romanised(column, node.text)
    if isinstance(node, Not):
        return ~_match(node.child, column) & column.valid
    parts = [_match(c, column) for c in node.children]
    out = parts[0].copy()
    for p in parts[1:]:
        if isinstance(node, And):
            out &= p
        else:
            out |= p
    return out


def match_query(query: str | Query | None, column: TextColumn) -> BoolArray:
    """Rows of ``column`` that ``query`` (text in the search syntax, or a parsed tree) matches; a blank
    query matches every row that has text. Raises :class:`~workbook.errors.SearchSyntaxError`."""
    node = parse_query(query) if isinstance(query, str) else query
    if node is None:
        return column.valid.copy()
    return _match(node, column)
