"""Who a pronoun stands for when several people are near (round twenty-three of issue 12).

:class:`SpeakerTies` builds on :class:`~workbook.extract.speaker_roles.SpeakerRoles`, and
:class:`~workbook.extract.speakers.SpeakerResolver` builds on it:

* **a pronoun after an unnamed relative or lawyer**: "The mother of one of the injured passengers said …. "…,"
  she said" is that same nobody, not a woman named later (:func:`~workbook.extract.speaker_unnamed.relation_before`).
* **a pronoun and gender**: claims are not found in text order, so when "she" is read the woman who spoke in the
  sentence before may not be recorded yet; a person whose gender is not known to fit (the man who spoke before,
  by a given name no list holds) gives way to the latest subject of "said" whose gender is known to fit.

Neither reading takes a person or a relative named inside a quote ('"The lawyer said no," she said'): an odd
number of quote marks between the two means the words stand inside the quote the pronoun attributes.
"""

from __future__ import annotations

import re

from workbook.extract.speaker_roles import SpeakerRoles
from workbook.extract.speaker_unnamed import relation_before
from workbook.extract.speaker_words import Speaker

__all__ = ["SpeakerTies"]

#: A reporting verb right after a name (or after its apposition's closing comma): the name is its subject.
_SAID = re.compile(r",?\s+(?:said|says|told|tells|added|adds)\b")


_QUOTE_MARKS = ('"', "“", "”")


def _inside_quote(text: str, start: int, at: int) -> bool:
    """Do the words before ``start`` stand inside a quote that closes before ``at`` (an odd number of double
    quote marks between them)?"""
    between = text[start:at]
    return sum(between.count(q) for q in _QUOTE_MARKS) % 2 == 1


class SpeakerTies(SpeakerRoles):
    """The readings of pronouns above, for :class:`~workbook.extract.speakers.SpeakerResolver`."""

    def gendered(self, phrase: str, at: int) -> Speaker:
        """The person "he" / "she" at ``at`` refers to (:meth:`pronoun`), unless that person's gender is not
        known to fit while the sentence before or this one has a person of the pronoun's gender (by given name
        or honorific) as the subject of a reporting verb ("the chief executive …, Dr Sunita Rao, said that …. "…,"
        she told reporters" after Gareth Pryce spoke): the latest such person. Claims are not found in text
        order, so the person who spoke last may not be recorded yet when the pronoun is read."""
        picked = self.pronoun(phrase, at)
        want = "m" if phrase.casefold() == "he" else "f"
        if self._gender(picked) == want:
            return picked
        here = self.sentence_of(at)
        lo = self.sent_starts[here - 1] if here > 0 and self.sent_starts else 0
        for m in reversed(self.inside(lo, at)):
            if m.entity_key == picked.key:
                break  # the pick is named after any such person
            if (
                self._key_gender(m.entity_key) == want
                and self._personal(m.entity_key)
                and _SAID.match(self.text, m.end)
                and not _inside_quote(self.text, m.end, at)
            ):
                return Speaker(m.entity_key, self.shown(m.entity_key, None), phrase)
        return picked

    def relation_pronoun(self, phrase: str, at: int) -> Speaker | None:
        """ "he" / "she" at ``at`` standing for an unnamed relation written as a speaker in the sentence before
        or this one ("The mother of one of the passengers said …. "…," she said"), with no person named in
        between: that nobody, the pronoun kept as written; else None."""
        here = self.sentence_of(at)
        lo = self.sent_starts[here - 1] if here > 0 and self.sent_starts else 0
        found = relation_before(self.text, lo, at, phrase)
        if (
            found is None
            or _inside_quote(self.text, found[1], at)
            or any(self.types.get(m.entity_key) == "person" for m in self.inside(found[2], at))
        ):
            return None  # a person named since (for a lawyer, also the client: "A lawyer for Ms Ruiz said she …")
        return Speaker(None, None, phrase)
