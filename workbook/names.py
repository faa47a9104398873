"""Names: the one place where names are folded, normalised and keyed, and where weapon families are listed.

Low in the layers (it imports nothing of the package), so that ingest, extract, tables, curation and the
case study all read the same rules:

* :func:`fold` — one character out per character in: lower case, accents dropped, every other
  non-alphanumeric character (apostrophes, dashes, dots) a space. Offsets into the result are offsets
  into the text, which is what matching names inside a text needs (the gazetteer's automaton).
  :func:`fold_key` is a name's folded form with runs of spaces collapsed;
* :func:`normalise_name` — the case-, accent-, punctuation- and space-insensitive form of a name behind
  entity ids (``casefold``, so "Straße" is "strasse"; it is free to change length). Apostrophes split
  words by default ("Ri Pyong'chol" → "ri pyong chol", as in every id made so far); ``apostrophes="drop"``
  joins them ("O'Brien" → "obrien"), for comparing spellings that write or leave out the apostrophe;
  :func:`name_key` is that joined form without leading titles and honorifics;
* :func:`romanisation_key` — a spelling-blind key for the many romanisations of Korean names, in two
  documented strengths: the default (``loose=False``) keeps word boundaries and ``-ri``/``-dong``, drops
  administrative words (City, County, Province, District) and the aspirating ``h`` of DPRK spelling
  ("Sinpho City" → "sinpo"), for search and for linking dataset places to entities, where Tongchang-ri
  (a village) is not Tongchang County; ``loose=True`` also folds Korean surnames to one spelling,
  voiced/unvoiced consonants and vowel digraphs and joins the words ("Kim Jong-un", "Gim Jeong Eun" →
  one key), for proposing entity merges, where a missed pair costs more than a false candidate;
* :func:`unaspirate`, :func:`aspiration_variants` and :func:`romanisation_variants` — the spellings of
  one Korean name (with and without the aspirating h, McCune-Reischauer apostrophes and suffixes), from
  which the gazetteers make aliases;
* :func:`weapon_key` — a spelling-blind key of a weapon designation ("Hwasongpho-11-Da-4.5" →
  "hwasong11da45");
* :data:`WEAPON_FAMILY_ORIGINS` — the weapon families written "Family-N", with their country; the
  extractor's weapon rules and the KCNA case study both read it (:data:`NORTH_KOREAN_FAMILIES`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache
from typing import Literal

__all__ = [
    "NORTH_KOREAN_FAMILIES",
    "ROMANISATION_SUFFIXES",
    "WEAPON_FAMILIES",
    "WEAPON_FAMILY_ALIASES",
    "WEAPON_FAMILY_ORIGINS",
    "aspiration_variants",
    "fold",
    "fold_key",
    "name_key",
    "normalise_name",
    "romanisation_key",
    "romanisation_variants",
    "strip_accents",
    "unaspirate",
    "weapon_key",
]


# --- fold -------------------------------------------------------------------------------------------

_ASCII_TABLE = {i: (chr(i).lower() if chr(i).isalnum() else " ") for i in range(128)}


@lru_cache(maxsize=8192)
def _fold_char(c: str) -> str:
    base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch)).lower()
    if len(base) == 1:
        return base if base.isalnum() else " "
    low = c.lower()
    if c.isalnum():
        return low if len(low) == 1 else c
    return " "


def fold(text: str) -> str:
    """``text`` lower-cased, without accents, with every non-alphanumeric character made a space.
    One character out per character in, so offsets into the result are offsets into ``text``."""
    if text.isascii():
        return text.translate(_ASCII_TABLE)
    table = dict(_ASCII_TABLE)
    table.update({ord(c): _fold_char(c) for c in set(text) if not c.isascii()})
    return text.translate(table)


def fold_key(name: str) -> str:
    """The matching key of a name or alias: :func:`fold` with runs of spaces collapsed."""
    return " ".join(fold(name).split())


def strip_accents(text: str) -> str:
    """``text`` without combining accents (NFKD, then the combining marks dropped): "Sinp’o" stays,
    "Sariwŏn" → "Sariwon". Not one character per character: use :func:`fold` for offsets."""
    return (
        text
        if text.isascii()
        else "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    )


# --- the name normaliser ----------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^\w]+")
_APOSTROPHES = re.compile(r"['’`ʼ]")


@lru_cache(maxsize=65536)
def normalise_name(name: str, apostrophes: Literal["split", "drop"] = "split") -> str:
    """Case-, accent-, punctuation- and space-insensitive form of a name, for matching and ids.

    ``apostrophes="split"`` (the default, that of entity ids) makes an apostrophe a word break like any
    other punctuation; ``"drop"`` removes it, joining the word ("O'Brien" → "obrien")."""
    n = strip_accents(name).casefold()
    if apostrophes == "drop":
        n = _APOSTROPHES.sub("", n)
    return " ".join(_NON_WORD.sub(" ", n).split())


def name_key(name: str, leading: Collection[str] = ()) -> str:
    """:func:`normalise_name` with apostrophes dropped and without the ``leading`` words (titles,
    honorifics) it starts with, keeping at least one word: "Mr Kim Jong-un" → "kim jong un"."""
    words = normalise_name(name, "drop").split()
    while len(words) > 1 and words[0] in leading:
        words = words[1:]
    return " ".join(words)


# --- romanisation -----------------------------------------------------------------------------------

_ADMIN_WORDS = frozenset({"city", "county", "province", "district", "dist", "of", "the"})
#: Korean surnames written several ways, to one spelling (``loose`` keys).
_SURNAMES = {
    "lee": "ri",
    "yi": "ri",
    "rhee": "ri",
    "i": "ri",
    "rhie": "ri",
    "park": "pak",
    "bak": "pak",
    "pack": "pak",
    "choi": "choe",
    "choy": "choe",
    "chey": "choe",
    "chung": "jong",
    "jung": "jong",
    "chong": "jong",
    "jeong": "jong",
    "kang": "gang",
    "gim": "kim",
    "ahn": "an",
    "yoon": "yun",
    "yoo": "yu",
    "ryu": "yu",
    "oh": "o",
    "roh": "no",
    "noh": "no",
    "shin": "sin",
    "suh": "so",
    "seo": "so",
    "hyun": "hyon",
    "moon": "mun",
    "jeon": "jon",
    "chon": "jon",
    "lim": "rim",
    "im": "rim",
    "ko": "go",
    "koh": "go",
    "kwon": "gwon",
    "hwang": "hwang",
    "han": "han",
}
#: Letter groups written differently by the romanisations, in the order they are folded (``loose``).
_ROMAN = [
    ("ph", "p"),
    ("th", "t"),
    ("kh", "k"),
    ("ch", "j"),
    ("sh", "s"),
    ("eo", "o"),
    ("eu", "u"),
    ("ae", "e"),
    ("oe", "o"),
    ("ee", "i"),
    ("oo", "u"),
    ("wo", "o"),
    ("k", "g"),
    ("p", "b"),
    ("t", "d"),
    ("r", "l"),
]
_ASPIRATED_INSIDE = re.compile(r"(?<=[a-z])(ph|th|kh)(?=[aeiouyw])")
_ASPIRATED_FIRST = re.compile(r"\b([PTKptk])h(?=[aeiouyw])")
_PLAIN_FIRST = re.compile(r"\b([PTK])(?=[aeiouyw])")
#: Suffixes of Korean place names (McCune-Reischauer: "-si" city, "-ŭp" town, "-ri"/"-ni"/"-li" village,
#: "-dong", "-gun" county, "-rodongjagu" workers' district) dropped to make an alias ("Sariwŏn-si" →
#: "Sariwon", "Kusŏng-si" → "Kusong").
ROMANISATION_SUFFIXES: tuple[str, ...] = tuple(
    sorted(["si", "up", "ŭp", "ni", "ri", "li", "dong", "tong", "gun", "nodongjagu", "rodongjagu"])
)
_SUFFIX = re.compile(rf"-(?:{'|'.join(ROMANISATION_SUFFIXES)})$", re.IGNORECASE)


def unaspirate(name: str) -> str:
    """``name`` without the aspirating h of DPRK romanisation (p, t, k + h before a vowel, y or w, at the
    start of a word or after a letter): "Sinpho" → "Sinpo", "North Phyongan" → "North Pyongan"."""
    return _ASPIRATED_FIRST.sub(r"\1", _ASPIRATED_INSIDE.sub(lambda m: m.group(1)[0], name))


def aspiration_variants(name: str) -> list[str]:
    """Spellings with and without the aspirating h of DPRK romanisation: "Sinpho" → "Sinpo";
    "Pyongsong" → "Phyongsong"; "North Pyongan" → "North Phyongan". Only syllable-initial p/t/k before a
    vowel (or y, w) are aspirated, and only in the first syllable of each word."""
    plain = unaspirate(name)
    aspirated = _PLAIN_FIRST.sub(lambda m: m.group(1) + "h", plain)
    return [v for v in dict.fromkeys((plain, aspirated)) if v != name]


def romanisation_variants(name: str) -> list[str]:
    """ASCII spellings of a McCune-Reischauer name: "Sinp’o" → "Sinpo", "Sinpho"; "Sariwŏn-si" → "Sariwon"
    (the apostrophe of an aspirated consonant dropped or written h; a :data:`ROMANISATION_SUFFIXES` suffix
    dropped when at least four letters remain)."""
    ascii_name = strip_accents(name)
    variants = {ascii_name.replace("’", "").replace("'", ""), re.sub(r"(?<=[ptkPTK])['’]", "h", ascii_name)}
    for v in list(variants):
        stem = _SUFFIX.sub("", v)
        if len(stem) >= 4:
            variants.add(stem)
    return sorted(v for v in variants if v != name and "'" not in v and "’" not in v)


_REPEATS = re.compile(r"(.)\1+")


def _strict_key(name: str) -> str:
    words = [w for w in fold_key(name).split() if w not in _ADMIN_WORDS]
    out = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt[:1].isdigit() and len(w) > 4 and w.endswith("pho"):
            w = w[:-3]  # Hwasongpho-19: KCNA's "pho" (gun) after a weapon family
        out.append(unaspirate(w))
    return " ".join(out) or fold_key(name)


def _loose_key(name: str) -> str:
    words = normalise_name(name, "drop").split()
    out = []
    for i, w in enumerate(words):
        if i == 0 or len(words) <= 3:
            w = _SURNAMES.get(w, w)
        for a, b in _ROMAN:
            w = w.replace(a, b)
        out.append(_REPEATS.sub(r"\1", w))
    return "".join(out)


@lru_cache(maxsize=65536)
def romanisation_key(name: str, loose: bool = False) -> str:
    """A spelling-blind key of a (Korean) name; see the module docs for the two strengths.

    Default: "Sinpho City" → "sinpo", "North Phyongan Province" → "north pyongan", "Hwasongpho-19" →
    "hwasong 19", "Tongchang-ri" → "tongchang ri". ``loose=True``: "Kim Jong-un", "Kim Jong Un",
    "Gim Jeong Eun" → "gimjongun"."""
    return _loose_key(name) if loose else _strict_key(name)


# --- weapons ----------------------------------------------------------------------------------------


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Weapon families written "Family-N" or "Family N", with the ISO code of the country that makes them.
#: The number may carry letters and a sub-number ("Hwasongpho-11Da-4.5", "Leopard 2A6") or be a Roman
#: numeral ("Minuteman III").
WEAPON_FAMILY_ORIGINS: dict[str, str] = {
    **dict.fromkeys(
        _split(
            "Hwasongpho Hwasong Pukguksong Pukkuksong Chollima Haeil Hwasal Pulhwasal Padasuri Unha Taepodong "
            "Nodong Rodong Musudan Kwangmyongsong Malligyong Saetbyol Kumsong Haesong Chonma Pongae"
        ),
        "KP",
    ),
    **dict.fromkeys(_split("Hyunmoo Chunmoo Cheongung Haeseong"), "KR"),
    **dict.fromkeys(_split("Scud Iskander Tochka Tor Buk Pantsir Lancet Orlan Tornado Uragan Smerch Geran"), "RU"),
    **dict.fromkeys(_split("Shahed Mohajer Fateh Shahab Sejjil Emad Ghadr Khorramshahr Zolfaghar Arash"), "IR"),
    **dict.fromkeys(_split("Dongfeng Julang Yingji Hongqi"), "CN"),
    **dict.fromkeys(_split("Minuteman Trident Peacekeeper"), "US"),
    **dict.fromkeys(_split("Leopard Challenger Arrow Tamir Barak"), "EU"),
}
WEAPON_FAMILIES: tuple[str, ...] = tuple(WEAPON_FAMILY_ORIGINS)
#: The families of the KCNA case study (:mod:`workbook.casestudy.rules`).
NORTH_KOREAN_FAMILIES: tuple[str, ...] = tuple(f for f, c in WEAPON_FAMILY_ORIGINS.items() if c == "KP")
#: Spellings that name the same family: KCNA's "Hwasongpho" is the "Hwasong" of other sources.
WEAPON_FAMILY_ALIASES: dict[str, str] = {"hwasongpho": "Hwasong", "pukkuksong": "Pukguksong", "rodong": "Nodong"}
_FAMILY_ALIAS_PREFIX = re.compile("^(" + "|".join(sorted(WEAPON_FAMILY_ALIASES, key=len, reverse=True)) + ")")


def weapon_key(name: str) -> str:
    """A spelling-blind key of a weapon name: letters and digits only, the family in its usual spelling
    ("Hwasongpho-11-Da-4.5" → "hwasong11da45", "Pukkuksong-3" → "pukguksong3")."""
    key = re.sub(r"[^a-z0-9]", "", name.casefold())
    return _FAMILY_ALIAS_PREFIX.sub(lambda m: WEAPON_FAMILY_ALIASES[m.group(1)].casefold(), key)
