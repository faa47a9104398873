"""The glued-word search of :mod:`workbook.ingest.normalise` as it was before speed round fourteen, kept
as the reference its faster form is tested against (``tests/test_normalise_fast.py``): every word set
built for every text, and the glued-token pattern run along the text from its first lower->upper
boundary."""

from __future__ import annotations

import re
from collections import Counter
from functools import partial

from workbook.ingest import normalise as fast

__all__ = ["reference_glued_tokens", "reference_split_points"]


def reference_glued_tokens(text: str) -> list[re.Match[str]]:
    first = fast._LOWER_UPPER.search(text)
    if first is None:
        return []
    start = first.start()
    while start and text[start - 1] in fast._ASCII_LETTERS:
        start -= 1
    return list(fast._GLUED.finditer(text, start))


def reference_split_points(text: str, words: frozenset[str]) -> list[tuple[int, str, int]]:
    seen = set(fast._WORD.findall(text))
    own = set(map(str.lower, seen))
    titles = fast._TITLE_WORDS

    def known(w: str) -> bool:
        return w in words or w in own or w in titles

    pair_hits = [(m[1], m[2], m.start(2)) for m in fast._PAIR.finditer(text)]
    pairs = {(p, w) for p, w, _ in pair_hits}
    lefts: dict[str, set[str]] = {}
    for p, w in pairs:
        lefts.setdefault(p, set()).add(w)
    rights: dict[tuple[str, str], set[str]] = {}
    for p, w in pairs:
        for i in range(2, min(len(w), fast._MAX_TOKEN) - 1):
            tail = w[i:]
            if tail in words or tail in own or tail in titles:
                rights.setdefault((p, w[:i]), set()).add(tail)
    glued = reference_glued_tokens(text)
    for m in glued:
        b = fast._PREV.search(text, max(0, m.start() - 30), m.start())
        if b is not None and m[2][1:].islower() and known(m[2].lower()):
            rights.setdefault((b[1], m[1]), set()).add(m[2].lower())
    for key, found in rights.items():
        if len(found) >= 2:
            pairs.add(key)
            lefts.setdefault(key[0], set()).add(key[1])
    cuts: list[tuple[int, str, int]] = []
    for m in glued:
        left, right = m[1], m[2]
        nxt = fast._NEXT.match(text, m.end())
        is_name = right.lower() not in words and len(right) >= 2 and (right in seen or nxt is not None)
        low = left.lower()
        title_then_name = is_name and (
            (len(left) >= 3 and left[1:].islower() and (low in titles or low.removesuffix("s") in titles))
            or (len(left) >= 2 and left.islower() and known(low) and low not in fast._PARTICLES)
        )
        b = fast._PREV.search(text, max(0, m.start() - 30), m.start())
        name_then_word = b is not None and (b[1], left) in pairs and (known(right.lower()) or right in seen)
        if title_then_name or name_then_word:
            cuts.append((m.start(2), m[0], len(left)))
    seen_after = Counter((p, w) for p, w, _ in pair_hits)

    def order(p: str, left: str) -> tuple[int, int, str]:
        return (-seen_after[(p, left)], len(left), left)

    ordered = {p: sorted(found, key=partial(order, p)) for p, found in lefts.items()}
    for p, w, pos in pair_hits:
        for left in ordered.get(p, ()):
            i = len(left)
            if (
                len(w) - i >= 2
                and w.startswith(left)
                and (p, left) in pairs
                and known(w[i:])
                and w[i:] not in fast._NAME_ENDINGS
                and left != w
            ):
                cuts.append((pos + i, w, i))
                break
    cuts.extend(fast._korean_name_cuts(text, {c[0] for c in cuts}))
    cuts.sort()
    return cuts
