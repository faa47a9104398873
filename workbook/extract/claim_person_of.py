"""A person named with their body in an appositive after a common noun subject: "Its lead author, Dr Henrik
Osei of the University of Bergen, said …", "The ship's captain, Maria Lund of Nordline Ferries, told …".

The subject reader took a name alone between the commas ("Schmidt's lawyer, Ellen Park, said") but not a name
with "of / at / from" and a body after it, and the cue was left with no subject at all. The person is the
speaker (the body says where they work, as "commander of Y" does after a name): the phrase is the name, when
the entity stage found a person ending there.
"""

from __future__ import annotations

import re

from workbook.extract.claim_context import ClaimContext

__all__ = ["person_of_body"]

#: A capitalised name (with titles: "Dr", "Prof.") then "of / at / from (the)" and a capitalised body's name.
_PERSON_OF = re.compile(
    r"\s*(?P<name>(?:[A-Z][\w'’-]*\.?\s+){1,5}[A-Z][\w'’-]+)\s+(?:of|at|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|on|in)\s+(?:the\s+)?)?){0,6}[A-Z][\w'’.-]*\s*"
)


def person_of_body(ctx: ClaimContext, start: int, end: int) -> tuple[int, int] | None:
    """The span of the person's name when ``text[start:end]`` (between an appositive's commas) is "<name> of
    <body>" and a person's mention ends where the name does; else None."""
    m = _PERSON_OF.fullmatch(ctx.text, start, end)
    if m is None:
        return None
    s, e = m.span("name")
    if not any(ctx.speakers.types.get(x.entity_key) == "person" and x.end == e for x in ctx.speakers.inside(s, e)):
        return None
    return s, e
