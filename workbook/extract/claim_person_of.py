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
from workbook.extract.speaker_words import is_role_noun

__all__ = ["person_of_body"]

#: A capitalised name (with titles: "Dr", "Prof.") then "of / at / from (the)" and a capitalised body's name.
_PERSON_OF = re.compile(
    r"\s*(?P<name>(?:[A-Z][\w'’-]*\.?\s+){1,5}[A-Z][\w'’-]+)\s+(?:of|at|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|on|in)\s+(?:the\s+)?)?){0,6}[A-Z][\w'’.-]*\s*"
)

#: The role noun right before the appositive's opening comma: "Its lead researcher,", "The ship's captain,".
_ROLE_BEFORE = re.compile(r"\b(?P<role>[a-z][\w-]*)\s*,?\s*$")


def person_of_body(ctx: ClaimContext, start: int, end: int) -> tuple[int, int] | None:
    """The span of the person's name when ``text[start:end]`` (between an appositive's commas) is "<name> of
    <body>" and a person's mention ends where the name does, or a role noun stands before the appositive and
    the entity stage read the name and the body as one mention ("Its lead researcher, Tarek Moussa-Berg of
    Lund University,"); else None."""
    m = _PERSON_OF.fullmatch(ctx.text, start, end)
    if m is None:
        return None
    s, e = m.span("name")
    if any(ctx.speakers.types.get(x.entity_key) == "person" and x.end == e for x in ctx.speakers.inside(s, e)):
        return s, e
    glued = any(x.start == s and x.end >= m.end() - 1 for x in ctx.speakers.inside(s, end))
    role = _ROLE_BEFORE.search(ctx.text, max(0, start - 60), start)
    if glued and role is not None and is_role_noun(role.group("role")):  # "Its lead researcher, Tarek Moussa-Berg
        return s, e  # of Lund University,": the entity stage read the person and the body as one name
    return None
