"""Teams named by a plural alone (issue 12, round seventeen).

Sport writes a club by its plural nickname with no town before it ("the Tigers beat the Royals",
"the Crusaders host the Blues", "Tigers manager A.J. Hinch"). :func:`plural_teams` reads such a
plural as one organisation when sport's grammar says it is a team:

* "the" and a capitalised plural as the subject of a match's verb ("the Knicks play ...", "the
  Chiefs and the Hurricanes meeting in Hamilton") or after one ("... beat the Bucks", "lost to the
  Pistons", "a win over the Lions");
* a capitalised plural before a team's staff word inside a sentence ("said Crusaders coach Rob
  Penney"); one opening a sentence is left alone ("Rangers coach Maria Santos was furious": the
  speaker rules take such a sentence after a quote as its speaker's, a person first).

A plural of a nationality or group word ("the Indians", "the Kiwis"), which is a people as often as
a team, is a team only when the other side of the verb is a team too ("the Indians host the
Tigers"). No plural a place or event word ends ("the Highlands", "the Olympics"; ner15's
:data:`~workbook.extract.place_org_extents.NOT_TEAM_PLURALS`), no gazetteer place ("the
Netherlands", "the Maldives"). Every other mention of a team's plural in the document, alone or
after "the", is that team.
"""

from __future__ import annotations

import re

from workbook.extract.entity_runs import NAMED, Candidate
from workbook.extract.ner_features import DEMONYMS
from workbook.extract.not_names import group_plural
from workbook.extract.place_org_extents import NOT_TEAM_PLURALS, replace_inside
from workbook.extract.shared_scans import cue_matches
from workbook.extract.vocabulary import NEVER_NAME_START

__all__ = ["MATCH_VERBS", "RESULT_VERBS", "TEAM_STAFF_WORDS", "plural_teams"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

#: Verbs of a match between two teams: a plural before or after one of them is a team when a plural
#: stands on the other side too ("the Falcons host the Saints").
MATCH_VERBS: frozenset[str] = frozenset(
    _WORD.findall(
        """beat beats beating defeated defeat defeats defeating edged edge edges thrashed thrash
    routed rout swept sweep host hosts hosted hosting play plays played playing
    face faces faced facing meet meets meeting met visit visits visited visiting
    drew draw"""
    )
)
#: Verbs that only a result says: a plural after one is a team even with no plural on the other side
#: ("... beating the Bucks 118-102").
RESULT_VERBS: frozenset[str] = frozenset(
    _WORD.findall("""beat beats beating defeated defeating edged thrashed routed swept hammered outscored""")
)
_BEFORE_TEAM = (
    r"(?:(?:win|victory|lead|wins|victories)[ \t]+over|(?:drew|draw|draws)[ \t]+with"
    r"|(?:lost|lose|loses|losing|loss|defeat)[ \t]+(?:at[ \t]+home[ \t]+)?to)"
)
#: A team's staff and players named right after the team's plural ("Tigers manager", "Lions coach").
TEAM_STAFF_WORDS: frozenset[str] = frozenset(
    _WORD.findall(
        """coach manager captain skipper quarterback pitcher striker goalkeeper winger fly-half scrum-half head-coach"""
    )
)

_PLURAL = r"[A-Z][a-z'’-]*[a-z]s"
_THE_PLURAL = re.compile(rf"(?<![\w'’.-])[Tt]he[ \t]+({_PLURAL})(?![\w'’-])(?![ \t]+[A-Z])")
_VERB_AFTER = re.compile(
    rf"(?:[ \t]+and[ \t]+the[ \t]+({_PLURAL}))?[ \t]+(?:have[ \t]+|had[ \t]+|will[ \t]+|are[ \t]+)?([a-z]+)(?![\w'’-])"
)
_VERB_BEFORE = re.compile(rf"(?<![\w'’-])([a-z]+|{_BEFORE_TEAM})[ \t]+\Z")
_NEXT_THE = re.compile(rf"[ \t]+the[ \t]+({_PLURAL})(?![\w'’-])(?![ \t]+[A-Z])")
_THE_PLURAL_BEFORE = re.compile(rf"(?<![\w'’.-])[Tt]he[ \t]+({_PLURAL})[ \t]+\Z")
_STAFF_AFTER = re.compile(rf"(?<![\w'’.-])({_PLURAL})[ \t]+(?:{'|'.join(sorted(TEAM_STAFF_WORDS))})[ \t]+[A-Z]")
_CAP_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+\Z")
#: Where a match of ``_THE_PLURAL`` or ``_STAFF_AFTER`` can start: both open with a look-behind (``shared_scans``).
_THE_PLURAL_CUE = re.compile(rf"[Tt](?=he[ \t]+{_PLURAL}(?![\w'’-]))")
_STAFF_AFTER_CUE = re.compile(rf"[A-Z](?=[a-z'’-]*[a-z]s[ \t]+(?:{'|'.join(sorted(TEAM_STAFF_WORDS))})[ \t]+[A-Z])")
_BEFORE_TEAM_RE = re.compile(rf"{_BEFORE_TEAM}\Z")


def _people(word: str) -> bool:
    """A plural of a nationality or group word ("Indians", "Greeks", "Afghans")?"""
    low = word.casefold()
    return group_plural(word) or low[:-1] in DEMONYMS or low[:-2] in DEMONYMS


def _may_be_team(word: str, start: int, end: int, cands: list[Candidate]) -> bool:
    low = word.casefold()
    if low in NOT_TEAM_PLURALS or low.endswith(("ss", "'s", "’s")) or low in NEVER_NAME_START:
        return False
    return not any(c.gaz is not None and c.type == "place" and c.start <= start and c.end >= end for c in cands)


def plural_teams(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Teams named by a plural alone as organisations (see the module docs)."""
    teams: set[str] = set()
    for m in cue_matches(_THE_PLURAL, text, _THE_PLURAL_CUE):
        word = m.group(1)
        if not _may_be_team(word, m.start(1), m.end(1), cands):
            continue
        after = _VERB_AFTER.match(text, m.end())
        before = _VERB_BEFORE.search(text, max(0, m.start() - 40), m.start())
        result = before is not None and (
            before.group(1) in RESULT_VERBS or _BEFORE_TEAM_RE.match(before.group(1)) is not None
        )
        other: tuple[str, int, int] | None = None
        if after is not None and after.group(2) in MATCH_VERBS:  # "the Indians host the Tigers"
            nxt = _NEXT_THE.match(text, after.end())
            if after.group(1):  # "the Chiefs and the Hurricanes meeting in Hamilton"
                other = (after.group(1), after.start(1), after.end(1))
            elif nxt is not None:
                other = (nxt.group(1), nxt.start(1), nxt.end(1))
        if before is not None and (before.group(1) in MATCH_VERBS or result):  # "the Tigers beat the Royals"
            left = _THE_PLURAL_BEFORE.search(text, max(0, before.start() - 40), before.start())
            other = (left.group(1), left.start(1), left.end(1)) if left is not None else other
        if other is not None and not _may_be_team(*other, cands):
            other = None
        if other is not None and not _people(other[0]):
            teams.add(other[0])
        if _people(word):
            if other is None or _people(other[0]):
                continue  # "the Kurds faced ...", "the Israelis defeated the Egyptians": peoples
        elif other is None and not result:
            continue  # "the Smiths host a party": no team on the other side, no result
        teams.add(word)
    for m in cue_matches(_STAFF_AFTER, text, _STAFF_AFTER_CUE):  # "... said Crusaders coach Rob Penney"
        opening = text[max(0, m.start() - 3) : m.start()].rstrip(" \t\"“‘'(")
        if not opening or opening[-1] in ".!?:;\n":
            continue  # "Rangers coach Maria Santos was furious.": the speaker rules read a person's sentence there
        if not _people(m.group(1)) and _may_be_team(m.group(1), m.start(1), m.end(1), cands):
            teams.add(m.group(1))
    for team in sorted(teams):
        for m in re.finditer(rf"(?<![\w'’.-]){re.escape(team)}(?![\w'’-])(?![ \t]+[A-Z])", text):
            before_cap = _CAP_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before_cap is not None and before_cap.group(1).casefold() not in NEVER_NAME_START:
                continue  # "Kansas City Chiefs", "Leicester Tigers": part of a longer name
            if any(c.type == "organization" and c.start <= m.start() and c.end >= m.end() for c in cands):
                continue
            done = replace_inside(cands, Candidate(m.start(), m.end(), "organization", NAMED, team))
            if done is not None:
                cands = done
    return cands
