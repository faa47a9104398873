"""A person named before a long appositive: the speaker of "X, role, unit, said" (round twenty-four of issue 12).

Press releases of ministries, armed forces and firms set a person's post off by commas, and the post
often runs over two or three comma-separated parts: "Lieutenant Colonel Owen Marsh, Commanding Officer of
the 1st Battalion, The Royal Welsh, said", "Tom Harris, head coach of the Leeds Rhinos, Super League
champions, said", "Dr Amy Fox, director of the Kelso Institute, Edinburgh, said". A post may also be
written as a body's possessive: "Cmdr. Luis Ortega, Sector North Carolina's chief of response, urged",
"Anna Berg, Volvo's head of safety, said". In each the person before the first comma speaks, not the
unit, the league or the body closest to the cue.

:func:`person_before_appositives` reads the comma-separated parts back from the comma before the cue:
the part right after the person opens as a post does (a determiner, a lower-case word, "Title of", or a
capitalised body's possessive before a lower-case word), the parts after it are short and hold no quote
mark, colon or reporting verb, and a mention the entity rules typed as a person ends right before the
first comma. A last part that is itself a person ("Schmidt's lawyer, Ellen Park, said") is left to the
rules that read a name set off by commas. One pass over at most three parts: no scan of the text.
"""

from __future__ import annotations

import re

from workbook.extract.claim_context import ClaimContext

__all__ = ["honoured_name", "person_before_appositives"]

#: The opening of a post set off by a comma: ", a spokesman for", ", commander of", ", Commanding Officer of",
#: ", the club's chairman".
_POST_OPENING = re.compile(
    r"\s*(?:(?:a|an|the|his|her|its|their)\s|[a-z]|(?:[A-Z][a-z]+\s+){1,3}(?:of|for|at|with|in)\s)"
)
#: A post written as a capitalised body's possessive: ", Sector North Carolina's chief of response",
#: ", Volvo's head of safety", ", NASA's chief scientist".
_POSSESSIVE_POST = re.compile(r"\s*(?:[A-Z][\w.&'’-]*\s+){0,5}[A-Z][\w.&-]*['’]s\s+[a-z]")
#: What a part of a post never holds: a quote mark, a colon or semicolon, a reporting verb.
_NOT_A_POST = re.compile(r"[\"“”:;]|\b(?:said|says|told|tells|added|adds)\b")
#: A name set off by commas with the Commonwealth style of a minister or member: ", the Hon Claire Whitby MP,",
#: ", the Rt Hon James Carver,", ", The Honourable Ana Lee MLA,".
_HONOURED = re.compile(
    r"\s*(?:[Tt]he\s+)?(?:(?:Rt\.?|Right)\s+)?(?:Hon\.?|Honourable|Honorable)\s+"
    r"(?P<name>(?:[A-Z][\w'’-]*\.?\s+){0,3}[A-Z][\w'’-]*[a-z][\w'’-]*)"
    r"(?:\s+(?:MP|MLA|MSP|MS|MPP|MHA|MNA|AM|TD|QC|KC|SC|AO|AC|OBE|MBE|CBE))*\s*"
)
_MAX_PARTS = 3
_MAX_WORDS = 10


def person_before_appositives(ctx: ClaimContext, lo: int, comma: int) -> int | None:
    """Where the person's name ends (the comma after it) when the cue after ``comma`` (the comma right
    before the cue) follows a post of two or three comma-separated parts, or a post written as a body's
    possessive; None otherwise (see the module docstring). ``lo`` bounds the look back."""
    text = ctx.text
    end = comma
    for part in range(_MAX_PARTS):
        opening = text.rfind(",", max(lo, end - 160), end)
        if opening < 0:
            return None
        segment = text[opening + 1 : end]
        if len(segment.split()) > _MAX_WORDS or _NOT_A_POST.search(segment):
            return None
        if part == 0 and _person_ends(ctx, end, opening + 1):
            return None  # "Schmidt's lawyer, Ellen Park, said": the name set off by commas speaks
        possessive = _POSSESSIVE_POST.match(text, opening + 1, end) is not None
        post = possessive or _POST_OPENING.match(text, opening + 1, end) is not None
        if post and (part > 0 or possessive) and _person_ends(ctx, opening, max(lo, opening - 80)):
            return opening
        end = opening
    return None


def honoured_name(text: str, lo: int, comma: int) -> tuple[int, int] | None:
    """The name in the part before ``comma`` (the comma right before the cue) when that part is a name with
    "the Hon" before it and post-nominal letters after it ("Minister for Sport, the Hon Claire Whitby MP,
    said": Claire Whitby); None otherwise."""
    opening = text.rfind(",", max(lo, comma - 80), comma)
    m = _HONOURED.fullmatch(text, opening + 1, comma) if opening >= 0 else None
    return m.span("name") if m is not None else None


def _person_ends(ctx: ClaimContext, end: int, lo: int) -> bool:
    """Does a mention typed as a person end at ``end`` (spaces before it passed over)?"""
    while end > lo and ctx.text[end - 1].isspace():
        end -= 1
    return any(m.end == end and ctx.speakers.types.get(m.entity_key) == "person" for m in ctx.speakers.inside(lo, end))
