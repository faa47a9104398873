"""Names written family name first ("Ishiba Shigeru"), as far as the name lists and the document tell,
and the name-lexicon kinds of a given name that this reading and the merge of rules with the classifier
(:mod:`workbook.extract.ner_merge`) share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from workbook.extract.coref import PersonSpan

__all__ = ["GIVEN_KINDS", "GIVEN_ONLY", "family_first_words"]

#: Name-lexicon kinds (``ner_features.name_kind``) of a given name, and of a word listed only as one.
GIVEN_KINDS = frozenset({"g", "gs0", "gs1", "gs2", "xg", "xgs"})
GIVEN_ONLY = frozenset({"g", "xg"})


def family_first_words(
    text: str, spans: Iterable[PersonSpan], names: Mapping[str, str], common: frozenset[str]
) -> frozenset[str]:
    """First words (case-folded) of two-word person names written family name first, as far as the
    name lists and the document tell: the first word no listed given name, no word usually written
    in lower case and never written in lower case in ``text``, the second listed only as a given
    name or not listed at all ("Ishiba Shigeru", "Kihara Minoru"; not "Claire Foy", "Taulbee Smith",
    nor "Dynamic Equivalence" beside "dynamic-equivalence"). A bare "Ishiba" later is that person
    (:func:`~workbook.extract.coref.resolve_people`)."""
    out = set()
    for s in spans:
        if len(s.words) != 2:
            continue
        first, second = (w.casefold() for w in s.words)
        if (
            first.isalpha()
            and len(first) > 2
            and names.get(first, "") not in GIVEN_KINDS
            and first not in common
            and names.get(second, "g") in GIVEN_ONLY
            and re.search(rf"(?<!\w){re.escape(first)}(?!\w)", text) is None
        ):
            out.add(first)
    return frozenset(out)
