"""Seasons as dates: "last winter", "this autumn", "next spring", "in the summer", "until the fall", "the summer
of 2019", "the winter of 2018-19".

Seasons are meteorological: spring March-May, summer June-August, autumn/fall September-November, winter
December to February (the winter of 2018-19 starts in December 2018), with precision ``month``. That is the
northern hemisphere's calendar; in the south the seasons are the other way round. A text that opens with
a dateline says where it was written (:func:`writer_hemisphere`): "SYDNEY, June 5 —" reads "this winter" as
June to August and "next summer" as December to February (a southern season with a year, "the summer of 2019",
is left out), "LONDON —" keeps northern seasons even when the text names Melbourne, and "PERTH, Scotland" is
northern by its region. Without a dateline a text does not say which hemisphere it was written in. So a text
without one that names a place of the southern hemisphere
(:func:`names_southern_place`: a name of :data:`SOUTHERN_PLACES` — "SYDNEY", "New Zealand", "Buenos Aires",
"Australian" — or any place the built-in gazetteer puts south of :data:`SOUTHERN_LATITUDE`: "TOOWOOMBA",
"Mendoza", "Dunedin") gets no season at all: no date is better than one six months off. A name the
gazetteer reads as its best-known place ("Perth") may also leave a northern text without seasons.

* "last winter": the latest one over before the anchor (not the one the anchor is in); "next spring": the
  first one after it; "this autumn": the one the anchor is in, else the last one after a past verb ("the
  job we did this summer" said in January), the next one after a future cue, or the one in the anchor's
  year ("this winter" only while it lasts).
* "the summer" after in/during/over/through/throughout/until/till/by/since/before/after: after a future cue
  (see :mod:`workbook.extract.date_tense`) or "until"/"till"/"by", the one the anchor is in or the next;
  after a past verb or "since", the one the anchor is in or the last; else none.
* "the southern spring", "the northern summer": the hemisphere named, whatever the writer's (also in a text that
  names southern places without a dateline). "all summer" is read in its clause's tense (after a past verb the
  one the anchor is in or the last, after a future cue the one it is in or the next; else none: "trains indoors
  all winter" is a habit). A season expected ("expect a dry summer", "brace for a cold winter", "will face a hot
  summer") is the one the anchor is in or the next. "fall" is never read so ("they all fall", "expect a fall").
* "the summer of 2019", "summer 2019": that year's; "the winter of 2018-19": December 2018 to February 2019
  ("the winter of 2019" alone could be either end: left out).
* A season word that modifies a noun ("the summer recess", "winter Olympics", "the spring classics") or
  begins a name ("the Arab Spring", "Summer Palace": capitals) is no date; "the fall of Saigon" neither.
"""

from __future__ import annotations

import re
from datetime import date

from workbook.extract.date_relative import month_span
from workbook.extract.date_tense import future_cue, past_cue
from workbook.extract.date_words import S, after_date_word
from workbook.extract.dateline import parse_dateline
from workbook.extract.gazetteer_builtin import builtin_gazetteer

__all__ = [
    "SOUTHERN_LATITUDE",
    "SOUTHERN_PLACES",
    "find_seasons",
    "names_southern_place",
    "season_span",
    "writer_hemisphere",
]

_S = S
Resolved = tuple[int, int, str, str, date | None, date | None, date | None]

#: Places whose naming tells a text was written in (or about) the southern hemisphere. Names shared with a
#: northern place ("Perth", "Wellington", "Victoria", "Darwin") are not listed.
SOUTHERN_PLACES: tuple[str, ...] = (
    "Australia",
    "Australian",
    "Sydney",
    "Melbourne",
    "Brisbane",
    "Adelaide",
    "Canberra",
    "Hobart",
    "Tasmania",
    "Queensland",
    "New South Wales",
    "New Zealand",
    "Auckland",
    "Christchurch",
    "South Africa",
    "South African",
    "Johannesburg",
    "Cape Town",
    "Durban",
    "Pretoria",
    "Argentina",
    "Argentine",
    "Argentinian",
    "Buenos Aires",
    "Chile",
    "Chilean",
    "Santiago",
    "Uruguay",
    "Montevideo",
    "Paraguay",
    "Brazil",
    "Brazilian",
    "Sao Paulo",
    "S\u00e3o Paulo",
    "Rio de Janeiro",
    "Bolivia",
    "Peru",
    "Lima",
    "Namibia",
    "Botswana",
    "Zimbabwe",
    "Zambia",
    "Mozambique",
    "Madagascar",
    "Lesotho",
    "Eswatini",
    "Swaziland",
    "Malawi",
    "Angola",
    "Fiji",
    "Samoa",
    "Tonga",
    "Patagonia",
    "Antarctica",
    "Antarctic",
)
_SOUTH = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in SOUTHERN_PLACES) + r")\b", re.IGNORECASE)
#: A place the built-in gazetteer puts south of this latitude (degrees) makes a text the southern
#: hemisphere's, or unsure.
SOUTHERN_LATITUDE = 0.0


def names_southern_place(text: str) -> bool:
    """Does ``text`` name a place of the southern hemisphere: one of :data:`SOUTHERN_PLACES` (with the
    demonyms the gazetteer lacks), or a place of the built-in gazetteer south of :data:`SOUTHERN_LATITUDE`?"""
    if _SOUTH.search(text) is not None:
        return True
    return any(m.entry.lat < SOUTHERN_LATITUDE for m in builtin_gazetteer().find(text))


#: The northern season whose months a southern season has: the southern summer is December to February.
_SOUTHERN_SEASON = {"spring": "autumn", "summer": "winter", "autumn": "spring", "winter": "summer"}


def writer_hemisphere(text: str) -> str:
    """Where ``text`` was written, for its seasons: "south" or "north" when it opens with a dateline (its region
    decides when it has one: "PERTH, Scotland" is northern; else its place: "SYDNEY", "WELLINGTON" are
    southern), else "unsure" when it names a southern place (:func:`names_southern_place`), else "north"."""
    dateline = parse_dateline(text)
    if dateline is not None:
        place, _, region = dateline.place.partition(", ")
        return "south" if names_southern_place(region or place) else "north"
    return "unsure" if names_southern_place(text) else "north"


#: First month of each season (winter starts in December of its first year).
_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON_EXPR = re.compile(
    r"(?P<season>spring|summer|autumn|fall|winter)(?:(?:"
    + _S
    + r"+of)?"
    + _S
    + r"+(?P<year>1[89][0-9]{2}|20[0-9]{2})(?:[-\u2013/](?P<year2>[0-9]{2}|[0-9]{4}))?(?![\w-]))?(?![\w-])"
)
#: What is written right before the season word: "last", "this", "next" or "the".
_BEFORE = re.compile(r"\b(?:(?P<mod>(?i:last|this|next))|(?P<the>(?i:the)))" + _S + r"+\Z")
_WORD_BEFORE = re.compile(r"[\w-]")
#: What may follow a season that is a date (:func:`date_words.after_date_word`; also "there" and a
#: possessive pronoun: "in the summer their ...").
_AFTER_OK = after_date_word("there|its|their|his|her|our")
_LEAD = re.compile(
    r"\b(?P<lead>(?i:in|during|over|through|throughout|until|till|by|since|before|after|into))" + _S + r"+\Z"
)
#: A hemisphere named before the season ("the southern spring", "the northern summer"): it settles the season's
#: months whatever the writer's hemisphere.
_HEMISPHERE_BEFORE = re.compile(r"\b(?P<hemi>(?i:southern|austral|northern|boreal))" + _S + r"+\Z")
#: "all summer", "all winter long": the season the clause is in, by its tense.
_ALL_BEFORE = re.compile(r"\b(?i:all)" + _S + r"+\Z")
#: A season expected or forecast: "expect a dry summer", "forecasts a cold winter", "brace for a long winter",
#: "will face a hot summer" (with a future cue): the one the anchor is in or the next.
_INDEFINITE_BEFORE = re.compile(r"\b(?i:a|an)" + _S + r"+(?:[a-z]+" + _S + r"+)?\Z")
_EXPECTING_BEFORE = re.compile(
    r"\b(?i:expects?|forecasts?|predicts?|(?:braces?|prepares?|readies)" + _S + r"+for)" + _S + r"+\Z"
)


def season_span(season: str, year: int) -> tuple[date, date]:
    """The first and last day of ``season`` that starts in ``year`` (winter: December to February)."""
    first = _FIRST_MONTH[season]
    if first == 12:
        return month_span(year, 12)[0], month_span(year + 1, 2)[1]
    return month_span(year, first)[0], month_span(year, first + 2)[1]


def _relative(season: str, how: str, anchor: date) -> tuple[date, date] | None:
    spans = [season_span(season, y) for y in range(anchor.year - 2, anchor.year + 3)]
    current = [sp for sp in spans if sp[0] <= anchor <= sp[1]]
    if how == "last":
        over = [sp for sp in spans if sp[1] < anchor]
        return over[-1] if over else None
    if how == "next":
        ahead = [sp for sp in spans if sp[0] > anchor]
        return ahead[0] if ahead else None
    if how == "this":
        if season == "winter":
            return current[0] if current else None
        return season_span(season, anchor.year)
    if how == "ahead":
        return current[0] if current else next((sp for sp in spans if sp[0] > anchor), None)
    if how == "back":
        return current[0] if current else next((sp for sp in reversed(spans) if sp[1] < anchor), None)
    return None


def _season_words(text: str) -> list[re.Match[str]]:
    """The season words of ``text`` read as expressions, in order; found with a plain substring search,
    the cheapest way through a text that rarely holds one."""
    found = []
    for word in _FIRST_MONTH:
        i = text.find(word)
        while i >= 0:
            m = _SEASON_EXPR.match(text, i)
            if m is not None:
                found.append(m)
            i = text.find(word, i + len(word))
    return sorted(found, key=lambda m: m.start())


def find_seasons(text: str, anchor: date | None) -> list[Resolved]:
    """Every season that is a date in ``text`` (see the module docs), resolved against ``anchor``."""
    out: list[Resolved] = []
    hemisphere: str | None = None
    for m in _season_words(text):
        season = "autumn" if m["season"] == "fall" else m["season"]
        s, e = m.start(), m.end()
        if (s > 0 and _WORD_BEFORE.match(text, s - 1)) or not _AFTER_OK.match(text, e):
            continue  # "offspring"; "the summer recess", "the fall of Saigon", "winter Olympics"
        named = _HEMISPHERE_BEFORE.search(text, max(0, s - 10), s)
        if named is not None:
            south = named["hemi"].lower() in ("southern", "austral")
            s = named.start()
        else:
            if hemisphere is None:
                hemisphere = writer_hemisphere(text)
            if hemisphere == "unsure":
                continue  # a southern place named, no dateline: no date is better than one six months off
            south = hemisphere == "south"
        if south:
            if m["year"] is not None:
                continue  # "the summer of 2019" in the south: which summer is not settled
            season = _SOUTHERN_SEASON[season]  # the southern summer has the span of the northern winter
        before = _BEFORE.search(text, max(0, s - 6), s)
        if before is not None:
            s = before.start()
        elif named is None and m["year"] is None and m["season"] != "fall":  # "they all fall", "expect a fall"
            how_free = _season_without_article(text, s)
            if how_free is not None:
                _append_relative(out, s, e, season, how_free, anchor)
            continue
        if m["year"] is not None:
            y = int(m["year"])
            if m["year2"] is not None:
                y2 = int(m["year2"]) if len(m["year2"]) == 4 else y // 100 * 100 + int(m["year2"])
                if season != "winter" or y2 != y + 1:
                    continue  # "the summer of 2018-19": which one?
            elif season == "winter":
                continue  # "the winter of 2019": its first months or its last?
            out.append((s, e, "month", "absolute", *season_span(season, y), None))
            continue
        if before is not None and before["mod"] is not None:
            how = before["mod"].lower()
            if how == "this" and future_cue(text, s):
                how = "ahead"
            elif how == "this" and past_cue(text, s):
                how = "back"  # "the job we did this summer", said in January: the summer before
        elif before is not None:
            lead = _LEAD.search(text, max(0, s - 14), s)
            if lead is None:
                continue
            word = lead["lead"].lower()
            if word in ("until", "till", "by") or future_cue(text, s):
                how = "ahead"
            elif word == "since" or past_cue(text, s):
                how = "back"
            else:
                continue
        else:
            continue  # "the southern spring" with no lead
        _append_relative(out, s, e, season, how, anchor)
    return out


def _season_without_article(text: str, s: int) -> str | None:
    """How a season word written without "the", "last", "this" or "next" is read: "all summer" in the tense of
    its clause ("back" after a past verb, "ahead" after a future cue), a season expected ("expect a dry
    summer", "will face a hot summer") "ahead"; None for the rest ("in summer": every summer)."""
    if _ALL_BEFORE.search(text, max(0, s - 5), s) is not None:
        if future_cue(text, s):
            return "ahead"
        return "back" if past_cue(text, s) else None
    article = _INDEFINITE_BEFORE.search(text, max(0, s - 20), s)
    if article is None:
        return None
    if _EXPECTING_BEFORE.search(text, max(0, article.start() - 16), article.start()) or future_cue(text, s):
        return "ahead"
    return None


def _append_relative(out: list[Resolved], s: int, e: int, season: str, how: str, anchor: date | None) -> None:
    """Add the season ``how`` ("last", "ahead", ...) of ``anchor`` to ``out`` (unanchored without one)."""
    if anchor is None:
        out.append((s, e, "month", "unanchored", None, None, None))
        return
    span = _relative(season, how, anchor)
    if span is not None:
        out.append((s, e, "month", "relative", *span, anchor))
