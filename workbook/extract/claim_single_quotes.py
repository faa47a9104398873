"""Single quotation marks used as quotes (British and Irish press style: 'We will rebuild,' said the
mayor.), read by the claim rules as if they were double ones.

The single mark is also the apostrophe (don't, the club's, the '90s, rock 'n' roll, the Joneses'), so
a mark is a quote mark only by its place: an opening mark after a line start, a space or an opening
bracket and before a letter or digit (not an elision: '90s, 'n', 'em); a closing mark after a letter,
digit or punctuation and before a space, punctuation or the line end (never inside a word; after a
plural ending in "s" with a word following, "the fans' noise", only when nothing else closes the
quote). Marks pair within their line; an opening mark that nothing closes is left alone, unless no
mark closes it on its line and the next paragraph opens with an opening mark: a quote that runs over
several paragraphs leaves each paragraph open but the last and opens each following one again
('It was a hard winter. ↵ 'But we came through it,' he said.), so it ends with its line, as an
unclosed double mark does.

A document is read this way only when single marks are its quote style: it has at least one such
pair and every double mark in it lies inside one (a double quote nested in a single one); a text
with double quotes of its own is returned unchanged. :func:`as_double_quotes` gives a text of the
same length with each paired single mark replaced by a double one (and each nested double mark by a
single one), so that every offset the claim rules find indexes the original text.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["as_double_quotes"]

#: (Each pattern starts with the mark, so that ``re`` skips in C to the next one.)
#: A single mark that may open a quote: at a line start or after a space or opening bracket or dash,
#: before a letter or digit, and not an elision ('90s, '24, 'n', 'em, 'til, 'cause, 'tis, 'twas).
_OPENING_AFTER = r"(?<![^\s(\[—–-]['‘])(?=\w)(?!\d\ds?\b|n['’]|(?:em|til|cause|tis|twas|bout|cos)\b)"
_OPENING = re.compile(r"['‘]" + _OPENING_AFTER)
#: :data:`_OPENING` one pattern per mark, for the whole-text check: ``re`` skips to a literal far faster than to a class
_OPENINGS = (re.compile("'" + _OPENING_AFTER), re.compile("‘" + _OPENING_AFTER))
#: A single mark that may close a quote: after a letter, digit or punctuation, before a space,
#: punctuation or the line end; after an "s" with a word following, it is a plural possessive.
_CLOSING = re.compile(
    r"['’](?:(?<=[\w.,!?;:…)\]]['’])(?<!s['’])(?=[\s.,!?;:…)\]—–-]|$)|(?<=s['’])(?=[^\S\n]*(?:[^\w\s]|$)))",
    re.MULTILINE,
)
#: A mark after an "s" with a word following: a plural possessive ("the fans' noise"), or the close of
#: a quote when nothing else closes it ("put 'the lives of three firefighters' at risk").
_POSSESSIVE = re.compile(r"['’](?<=s['’])(?=[^\S\n]+\w)")
_DOUBLE = re.compile(r'[“”"]')


def _continued(text: str, opened: int, line_end: int) -> tuple[int, int] | None:
    """(``opened``, ``line_end``) when the opening mark at ``opened``, which nothing closes on its line,
    opens a paragraph of a quote that goes on: the next paragraph (after blank lines) opens with an
    opening mark; else None."""
    nxt = line_end
    while nxt < len(text) and text[nxt] in "\n\r \t":
        nxt += 1
    if nxt == line_end or "\n" not in text[line_end:nxt] or _OPENING.match(text, nxt) is None:
        return None
    return (opened, line_end)


def _pairs(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the single-quote pairs of ``text``, line by line. An opening mark
    pairs with the next closing one of its line; when none comes before the line ends or the next
    opening mark, with the first plural-possessive mark after it, if any; else, when the next paragraph
    opens with an opening mark, with its line's end (a quote over several paragraphs: the "closing"
    offset is then the line break or the text's end, not a mark); else it pairs with nothing."""
    marks = sorted(
        [(m.start(), 0) for m in _OPENING.finditer(text)]
        + [(m.start(), 1) for m in _CLOSING.finditer(text)]
        + [(m.start(), 2) for m in _POSSESSIVE.finditer(text)]
    )
    out: list[tuple[int, int]] = []
    opened = weak = -1
    line_end = -1
    for i, kind in marks:
        if i > line_end or (kind == 0 and opened >= 0 and weak >= 0):
            if opened >= 0 and weak >= 0:
                out.append((opened, weak))
            elif opened >= 0 and i > line_end and (run_on := _continued(text, opened, line_end)):
                out.append(run_on)
            if i > line_end:
                line_end = text.find("\n", i)
                line_end = len(text) if line_end < 0 else line_end
            opened = weak = -1
        if kind == 0 and opened < 0:
            opened = i
        elif kind == 1 and opened >= 0:
            out.append((opened, i))
            opened = weak = -1
        elif kind == 2 and opened >= 0 and weak < 0:
            weak = i
    if opened >= 0 and weak >= 0:
        out.append((opened, weak))
    return out


def as_double_quotes(text: str) -> str:
    """``text`` with its single quotation marks as double ones when single marks are its quote style
    (see the module docstring), else ``text`` itself. Same length: offsets carry over."""
    if all(opening.search(text) is None for opening in _OPENINGS):  # _OPENING.search(text) is None
        return text
    pairs = _pairs(text)
    if not pairs:
        return text
    doubles = [m.start() for m in _DOUBLE.finditer(text)]
    openings = [o for o, _ in pairs]  # sorted, and the pairs do not overlap: one bisection per mark
    if any((k := bisect.bisect_left(openings, d) - 1) < 0 or d >= pairs[k][1] for d in doubles):
        return text  # double marks of its own: the text's quote style is double
    chars = list(text)
    for d in doubles:
        chars[d] = "‘" if text[d] in "“" or (text[d] == '"' and (d == 0 or not text[d - 1].isalnum())) else "’"
    for o, c in pairs:
        chars[o] = "“"
        if c < len(text) and text[c] not in "\n\r":  # a quote over paragraphs ends with its line
            chars[c] = "”"
    return "".join(chars)
