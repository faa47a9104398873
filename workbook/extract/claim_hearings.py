"""A body that hears evidence is told, it does not tell: "Court told of soldier's fall", "Inquest told that
the driver was on his phone", "MPs told of shortage".

A headline drops "was" from its passive: "Court told of …" is "a court was told of …", and the speaker is
whoever told it (a prosecutor, a witness: named in the story, not in the headline). Read as active, the
court became the speaker of the headline's words. The rule is keyed on grammar and one word class: "told"
right after a noun of a body that hears evidence or is briefed (court, jury, inquest, inquiry, tribunal,
hearing, committee, MPs, peers, councillors) and right before "of" or "that" — which an active "told" never
takes without its object first ("The court told him that …" has one, and stays the court's speech; "He told
of his years in prison" has no hearing body, and stays his).
"""

from __future__ import annotations

import re

__all__ = ["HEARING_BODIES", "hearing_told"]

#: Nouns of bodies that hear evidence or are briefed: in a headline, the one told.
HEARING_BODIES = frozenset(
    {"court", "jury", "inquest", "inquiry", "tribunal", "hearing", "committee", "mps", "peers", "councillors"}
    | {"msps", "senators", "lawmakers", "magistrates", "judges"}
)
_BODY_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+\Z")
_OF_OR_THAT = re.compile(r"[ \t]+(?:of|that)\b")


def hearing_told(text: str, lo: int, cue: tuple[int, int]) -> bool:
    """Is the cue at ``cue`` (start, end) a "told" after a hearing body's noun and before "of" / "that"
    ("Court told of …": the court was told)? ``lo``: where the cue's sentence starts."""
    if text[cue[0] : cue[1]].casefold() != "told" or _OF_OR_THAT.match(text, cue[1]) is None:
        return False
    body = _BODY_BEFORE.search(text, max(lo, cue[0] - 30), cue[0])
    return body is not None and body.group(1).casefold() in HEARING_BODIES
