"""Bodies named again by a kind noun that is not a legal form: "the council said" after Leeds City Council,
"the force said" after Norfolk Constabulary, "the agency said" after "Europol, the EU's police agency", "the
group said" after "Relief Access Watch, a group that tracks …".

A report names a body once and then calls it by what it is. Two things in the text say which kind a body is:

* the head of its name — the last word before "of" / "for" ("Council of the European Union", "Department for
  Transport", "Leeds City Council"), or a word a kind stands for ("the force": "Police", "Constabulary"); a
  kind word that only modifies the head is not the body's kind ("Charity Commission" is a commission, not
  a charity);
* the words that introduce it where it is named: an apposition ("Europol, the EU's police agency,";
  "Bright Harbour Trust, a children's charity based in Bristol"), a kind noun just before the name ("the
  campaign group Relief Access Watch", "the media regulator Ofcom") or just after it ("the GMB union").

:func:`kind_of_name` and :func:`introduced_kind` read these; :mod:`~workbook.extract.speaker_kinds` decides
which of the bodies named before "the <kind>" is meant (one fits: it; several: the last to speak, else
nobody).
"""

from __future__ import annotations

import re

__all__ = ["KIND_NAME_HEADS", "KIND_NOUNS", "introduced_kind", "introduced_names", "kind_of_name", "name_fits_kind"]

#: Kind nouns a report calls a body by, with the head words of a name that make a body of that kind ("the
#: force": a name headed "Police" or "Constabulary"); a kind with no head words (a regulator, a watchdog) is
#: known only from the words that introduce the body.
KIND_NAME_HEADS: dict[str, frozenset[str]] = {
    "council": frozenset({"council"}),
    "force": frozenset({"force", "police", "constabulary"}),
    "agency": frozenset({"agency"}),
    "charity": frozenset({"charity"}),
    "trust": frozenset({"trust"}),
    "board": frozenset({"board"}),
    "department": frozenset({"department"}),
    "ministry": frozenset({"ministry"}),
    "commission": frozenset({"commission"}),
    "union": frozenset({"union"}),
    "institute": frozenset({"institute", "institution"}),
    "association": frozenset({"association"}),
    "authority": frozenset({"authority"}),
    "group": frozenset({"group"}),
    "regulator": frozenset(),
    "watchdog": frozenset(),
    "operator": frozenset(),
}
KIND_NOUNS = frozenset(KIND_NAME_HEADS)
#: Words that end a name's head part: its head is the last word before them ("Ministry of Defence").
_HEAD_ENDS = frozenset({"of", "for", "on", "in", "to", "at"})
_KIND = "|".join(sorted(KIND_NOUNS))
#: Lower-case or possessive modifiers before a kind noun: "the EU's police", "a children's", "the campaign".
_MODIFIERS = r"(?:(?:[a-z][\w-]*(?:'s|’s)?|[A-Z][\w.-]*(?:'s|’s))\s+){0,3}?"
#: What may follow the kind noun of an introduction: the end of the apposition, or a postmodifier ("a
#: group that tracks …", "a charity based in Bristol", "the regulator for charities"), not another noun ("a
#: charity shop", "the council's leader").
_AFTER_KIND = r"(?=\s*[,.;:)]|\s+(?:that|which|who|based|for|in|of|with|set|run|founded|formed|representing|at|on)\b)"
#: "X, the EU's police agency," / "X, a group that tracks": the apposition just after a name.
_APPOSITION = re.compile(rf",\s+(?:the|a|an)\s+{_MODIFIERS}(?P<kind>{_KIND})\b{_AFTER_KIND}")
#: "the GMB union", "the Unite union": the kind noun right after the name.
_KIND_AFTER = re.compile(rf"\s+(?P<kind>{_KIND})\b(?!['’])")
#: "the campaign group Relief Access Watch", "the media regulator Ofcom": the kind noun right before the name.
_KIND_BEFORE = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+{_MODIFIERS}(?P<kind>{_KIND})\s+$")


#: A name written in capitals (with "of", "for", "and" inside it) ending where the pattern is anchored.
_NAME = r"(?<![\w'’-])[A-Z][\w'’&-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w'’&-]*){0,5}"
_NAME_THEN_APPOSITION = re.compile(rf"(?P<name>{_NAME}),\s+(?:the|a|an)\s+{_MODIFIERS}$")
_NAME_THEN_KIND = re.compile(rf"\b[Tt]he\s+(?:[a-z][\w-]*\s+){{0,2}}(?P<name>{_NAME})\s+$")
_KIND_THEN_NAME = re.compile(rf"\s+(?P<name>{_NAME})")
_ARTICLE_BEFORE = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+{_MODIFIERS}$")
_KIND_WORD = re.compile(rf"\b(?:{_KIND})\b")


def introduced_names(text: str, lo: int, hi: int, kind: str) -> list[tuple[int, str]]:
    """The bodies ``text[lo:hi]`` introduces as of ``kind`` by name, with where each name starts, in text order,
    whether or not the entity stage found them: "Relief Access Watch, a group that tracks …", "the campaign
    group Relief Access Watch", "the GMB union". Reads only where the kind noun is written."""
    found: list[tuple[int, str]] = []
    for m in _KIND_WORD.finditer(text, lo, hi):
        if m.group(0) != kind:
            continue
        k, e = m.start(), m.end()
        before = _NAME_THEN_APPOSITION.search(text, max(0, k - 160), k)
        if before is not None and re.match(_AFTER_KIND, text[e : e + 30]):
            name, at = before.group("name"), before.start("name")
        elif (after := _KIND_THEN_NAME.match(text, e)) is not None and _ARTICLE_BEFORE.search(text, max(0, k - 60), k):
            name, at = after.group("name"), after.start("name")
        elif (named := _NAME_THEN_KIND.search(text, max(0, k - 60), k)) is not None:
            name, at = named.group("name"), named.start("name")
        else:
            continue
        if name.startswith(("The ", "A ", "An ")):
            at += len(name.split()[0]) + 1
            name = name.split(" ", 1)[1]
        found.append((at, name))
    return found


def kind_of_name(name: str) -> str | None:
    """The head word of a body's name, lower-case: the last word before "of" / "for" …, else its last word
    ("Council of the European Union": "council"; "Leeds City Council": "council"; "Charity Commission":
    "commission")."""
    words = [w.strip(".,").casefold().removesuffix("'s").removesuffix("’s") for w in name.split()]
    words = [w for w in words if w]
    cut = next((i for i, w in enumerate(words) if w in _HEAD_ENDS and i > 0), len(words))
    return words[cut - 1] if cut > 0 else None


def name_fits_kind(kind: str, name: str) -> bool:
    """Is a body named ``name`` of the kind ``kind`` by its head word ("the force": "Norfolk Constabulary")?"""
    head = kind_of_name(name)
    return head is not None and head in KIND_NAME_HEADS.get(kind, frozenset())


def introduced_kind(text: str, start: int, end: int) -> str | None:
    """The kind noun the text gives a body named at ``start``–``end``: an apposition after it ("Europol, the
    EU's police agency"), a kind noun right after it ("the GMB union") or right before it ("the campaign group
    Relief Access Watch"); else None. Reads at most 80 characters either side."""
    after = text[end : end + 80]
    m = _APPOSITION.match(after) or _KIND_AFTER.match(after)
    if m is not None:
        return m.group("kind")
    m = _KIND_BEFORE.search(text, max(0, start - 80), start)
    if m is not None:
        return m.group("kind")
    return None
