"""The rules that read KCNA's accounts of the leader's activities: activity, date, weapon systems.

Pure functions over strings, written for KCNA's English house style (checked by hand against the 2024
archive, see ``tests/data/site_visits_expected.json``):

* **activity** (:data:`ACTIVITIES`, most specific first): the headline's verb decides ("Inspects" →
  inspection, "Gives Field Guidance" → on-site guidance, "Oversees Test-fire" → test observation,
  "Sends Wreath" → message, "Receives Message" → message, "Guides Consultative Meeting" → meeting).
  The lead sentence (the first one naming Kim Jong Un, or "he", with an activity verb) overrides it only
  with an explicit test observation ("oversaw/guided the test-fire") or an explicit guidance ("gave
  field guidance", "guided ... on the spot"), and decides alone when the headline names no activity
  ("Takes Important Measures ...": "visited" → visit). Test observation covers tests, test-fires and
  live-firing drills;
* **date** (:func:`find_kcna_dates`): "on July 15", "on the morning of October 31", "on August 24 and
  25", "from July 29 to 30", "on Oct. 21", "on the national day, September 9" and "on Wednesday" after
  "on"/"of"/"from" (also glued to the
  name, as KCNA's text often is: "Kim Jong Unon August 31"); a month-day followed by a capitalised word is a
  name ("the April 25 Hostel"), not a date. Without a year, the year is the one that puts the day on or
  before the publication date. A weekday is the most recent such day on or before the publication day
  (KCNA writes "on Thursday" for the day of publication as well as for the days before);
* **weapon systems** (:func:`find_weapon_systems`): designations ("Hwasongpho-19" → "Hwasong-19",
  "Hwasongpho-11-Da-4.5") and named classes (ICBM, IRBM, SRBM, SLBM, tactical ballistic missile, cruise
  missile, hypersonic missile, "600mm multiple rocket launcher" → "600mm MRL", drones, nuclear torpedo).
  Generic words ("military hardware", "nuclear weapons", "artillery pieces", "warships"), small arms and
  "nukes" are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from workbook.extract.date_words import WEEKDAYS, month_of
from workbook.names import NORTH_KOREAN_FAMILIES, WEAPON_FAMILY_ALIASES, weapon_key

__all__ = [
    "ACTIVITIES",
    "APPEARANCE_ACTIVITIES",
    "LEADER_NAME",
    "NAGIX_MISSILE_KEYS",
    "DateHit",
    "classify_activity",
    "find_kcna_dates",
    "find_weapon_systems",
    "headline_activity",
    "lead_activity",
    "nagix_missile_key",
    "weapon_key",
]

#: Activities, most specific first (the order breaks ties between headline and lead sentence).
ACTIVITIES: tuple[str, ...] = (
    "test observation",
    "on-site guidance",
    "inspection",
    "speech",
    "visit",
    "meeting",
    "ceremony",
    "message",
)
#: Activities where the leader is present somewhere (a message or a wreath sent is not an appearance).
APPEARANCE_ACTIVITIES: tuple[str, ...] = ACTIVITIES[:-1]
LEADER_NAME = re.compile(r"Kim\s*Jong\s*Un(?!\s*University)")

_HEADLINE: tuple[tuple[str, str], ...] = (
    ("message", r"\bReceives (?:\w+ ){0,2}(?:Message|Letter|Greetings|Congratulations|Gifts?)\b"),
    ("meeting", r"\bGuides (?:\w+ ){0,2}Meeting\b"),
    ("test observation", r"\bOversees?\b|\bTest-fir\w*|\bTest-launch\w*|\bFiring Drill\b|\bPerformance Test\b"),
    ("on-site guidance", r"\bOn-site Guidance\b|\bField Guidance\b|\bGuides\b"),
    ("inspection", r"\bInspects?\b|\bTours\b|\bLooks round\b"),
    ("speech", r"\bSpeech\b|\bSpeaks\b"),
    ("visit", r"\bVisits?\b"),
    (
        "meeting",
        r"\bReceives\b|\bMeets\b|\bConvenes\b|\bTalks\b|\bConsultative Meeting\b|\bPlenary\b"
        r"|\bPolitical Bureau\b|\bPresides\b",
    ),
    ("ceremony", r"\bCeremony\b|\bPerformance\b|\bBanquet\b|\bTakes Place\b|\bHeld\b|\bParade\b"),
    (
        "message",
        r"\bSends\b|\bMessage\b|\bGreetings\b|\bCongratulations\b|\bCondolence\b|\bWreath\b|\bFloral\b"
        r"|\bGifts?\b|\bLetter\b",
    ),
)
_LEAD_EXPLICIT: tuple[tuple[str, str], ...] = (
    (
        "test observation",
        r"\b(?:oversaw|overseen|observed|watched|guided)\b[^.;]{0,120}?\b(?:test|test-fir\w*|"
        r"test-launch\w*|firing|drills?|launch(?:es|ing)?)\b",
    ),
    (
        "on-site guidance",
        r"\b(?:gave|giving|give)\s+(?:on-site|field)\s+guidance\b"
        r"|\bguided\b[^.;]{0,80}?\bon the spot\b",
    ),
)
_LEAD_GENERAL: tuple[tuple[str, str], ...] = (
    ("inspection", r"\binspected\b|\bmade a field survey\b|\btoured\b"),
    ("speech", r"\bmade (?:a|an) [\w\s-]{0,30}speech\b"),
    ("visit", r"\bvisited\b|\bpaid (?:a )?[\w\s-]{0,30}visit\b"),
    ("meeting", r"\breceived\b|\bmet\b|\bconvened\b|\bhad a talk\b|\bpresided\b"),
    ("ceremony", r"\battended\b"),
    ("message", r"\bsent\b|\bgave the following (?:discourse|work|article|letter)\b"),
)
_HEAD_RE = [(a, re.compile(p)) for a, p in _HEADLINE]
_EXPLICIT_RE = [(a, re.compile(p, re.IGNORECASE)) for a, p in _LEAD_EXPLICIT]
_GENERAL_RE = [(a, re.compile(p, re.IGNORECASE)) for a, p in _LEAD_GENERAL]
_RANK = {a: i for i, a in enumerate(ACTIVITIES)}


def headline_activity(headline: str) -> str | None:
    """The activity the headline's verb names, or None."""
    for activity, pattern in _HEAD_RE:
        if pattern.search(headline):
            return activity
    return None


def lead_activity(sentence: str) -> tuple[str | None, bool]:
    """The activity of a lead sentence and whether it is explicit (test observation, on-site guidance)."""
    for activity, pattern in _EXPLICIT_RE:
        if pattern.search(sentence):
            return activity, True
    for activity, pattern in _GENERAL_RE:
        if pattern.search(sentence):
            return activity, False
    return None, False


def classify_activity(headline: str, lead: str) -> str | None:
    """The activity of an article from its headline and lead sentence (see the module docs)."""
    head = headline_activity(headline)
    body, explicit = lead_activity(lead)
    if head is None:
        return body
    if explicit and body is not None and _RANK[body] < _RANK[head]:
        return body
    return head


# --- dates ---------------------------------------------------------------------------------------

_PART = r"(?:the\s+(?:early\s+)?(?:morning|afternoon|evening|night|dawn)\s+of\s+)?"
_MONTH = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
_PREP = r"(?:\b|(?<=Jong Un))(?:[Oo]n|of|[Ff]rom)"  # KCNA glues "Kim Jong Un" to the next word: "Unon August 31"
#: A day named before its date: "on the national day, September 9", "on the Day of the Sun, April 15".
_APPOSITION = r"(?:the\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+,\s+)?"
_DAY_RE = re.compile(
    rf"{_PREP}\s+{_APPOSITION}(?P<expr>{_PART}{_MONTH}\s*(?P<d1>\d{{1,2}})(?!\d)"
    rf"(?:\s*(?:and|-|–|to)\s*(?P<d2>\d{{1,2}})(?!\d))?(?:,?\s*(?P<y>(?:19|20)\d{{2}}))?)"
)
_WEEKDAY_RE = re.compile(
    rf"{_PREP}\s+(?P<expr>{_PART}(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!s)\b)"
)
_NAME_AFTER = re.compile(r"[ \u00a0]+(?!Kim\b)[A-Z][a-z]")


@dataclass(frozen=True)
class DateHit:
    """A date expression: ``text[start:end]``, the first and last day it names."""

    start: int
    end: int
    first: date
    last: date
    kind: str  # "day" | "weekday"


def _year_for(month: int, day: int, published: date) -> date | None:
    for year in (published.year, published.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= published:
            return d
    return None


def find_kcna_dates(text: str, published: date, start: int = 0, end: int | None = None) -> Iterator[DateHit]:
    """Event dates in ``text[start:end]`` (see the module docs), in text order."""
    stop = len(text) if end is None else end
    hits: list[DateHit] = []
    for m in _DAY_RE.finditer(text, start, stop):
        if _NAME_AFTER.match(text, m.end()):
            continue  # "the April 25 Hostel", "the July 27 Victory": a name
        month = month_of(m.group("mon"))
        d1, d2 = int(m.group("d1")), int(m.group("d2") or m.group("d1"))
        try:
            if m.group("y"):
                first, last = date(int(m.group("y")), month, d1), date(int(m.group("y")), month, d2)
            else:
                f = _year_for(month, d1, published)
                if f is None:
                    continue
                first, last = f, date(f.year, month, d2)
        except ValueError:
            continue
        if last < first:
            continue
        hits.append(DateHit(m.start("expr"), m.end("expr"), first, last, "day"))
    for m in _WEEKDAY_RE.finditer(text, start, stop):
        back = (published.weekday() - WEEKDAYS.index(m.group("wd").lower())) % 7
        d = published - timedelta(days=back)
        hits.append(DateHit(m.start("expr"), m.end("expr"), d, d, "weekday"))
    hits.sort(key=lambda h: h.start)
    yield from hits


# --- weapon systems ------------------------------------------------------------------------------

_FAMILIES = "|".join(sorted(NORTH_KOREAN_FAMILIES, key=len, reverse=True))  # declared once, in workbook.names
_DESIGNATION = re.compile(
    rf"\b(?P<fam>{_FAMILIES})[-\s](?P<rest>\d+[A-Za-z]{{0,3}}(?:-[A-Z][a-z]?)?(?:-\d+(?:\.\d+)?)?)\b"
)
_CLASSES: tuple[tuple[str, str], ...] = (
    ("ICBM", r"\bICBMs?\b|\bintercontinental ballistic missiles?\b"),
    ("IRBM", r"\bIRBMs?\b|\bintermediate-range ballistic missiles?\b"),
    ("SRBM", r"\bSRBMs?\b|\bshort-range ballistic missiles?\b"),
    ("SLBM", r"\bSLBMs?\b|\bsubmarine-launched ballistic missiles?\b"),
    ("tactical ballistic missile", r"\btactical ballistic missiles?\b"),
    ("hypersonic missile", r"\bhypersonic (?:missiles?|glide vehicles?)\b"),
    ("cruise missile", r"\bcruise missiles?\b"),
    ("anti-aircraft missile", r"\banti-aircraft missiles?\b"),
    (
        "MRL",
        r"\b(?P<cal>\d{3})\s?mm(?:-calibre|-caliber| calibre)?\s+"
        r"(?:multiple rocket launchers?|MRLS?|rocket launchers?)",
    ),
    ("drone", r"\bdrones?\b"),
    ("nuclear torpedo", r"\bnuclear torpedo(?:es)?\b"),
)
_CLASS_RE = [(c, re.compile(p, re.IGNORECASE)) for c, p in _CLASSES]
#: Weapon systems named by KCNA and the nagix missile they are (US/ROK designations differ).
NAGIX_MISSILE_KEYS: dict[str, str] = {
    "hwasong19": "hwasong-19",
    "hwasong18": "hwasong-18",
    "hwasong17": "hwasong-17",
    "hwasong16b": "hwasong-16b",
    "hwasong11da45": "hwasong-11-da-45",
    "hwasong11d": "hwasong-11d",
    "600mmmrl": "kn-25",
}


def nagix_missile_key(name: str) -> str | None:
    """The nagix missile key of a weapon system named by KCNA, when known."""
    return NAGIX_MISSILE_KEYS.get(weapon_key(name))


def find_weapon_systems(text: str) -> list[tuple[int, int, str]]:
    """Weapon systems in ``text`` as (start, end, canonical name), in text order, overlaps dropped."""
    found: list[tuple[int, int, str]] = []
    for m in _DESIGNATION.finditer(text):
        fam = WEAPON_FAMILY_ALIASES.get(m.group("fam").casefold(), m.group("fam"))
        rest = re.sub(r"(?<=\d)(?=[A-Z][a-z])", "-", m.group("rest"))
        found.append((m.start(), m.end(), f"{fam}-{rest}"))
    for canonical, pattern in _CLASS_RE:
        for m in pattern.finditer(text):
            name = f"{m.group('cal')}mm MRL" if canonical == "MRL" else canonical
            found.append((m.start(), m.end(), name))
    found.sort(key=lambda w: (w[0], -(w[1] - w[0])))
    kept: list[tuple[int, int, str]] = []
    for w in found:
        if not kept or w[0] >= kept[-1][1]:
            kept.append(w)
    return kept
