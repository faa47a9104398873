"""Vietnamese names of three words, the family name first ("Nguyen Thi Lan", "Tran Quoc Bao"), read as one
person, and their family names for coreference ("Nguyen said" after "Nguyen Thi Lan"); moved out of
:mod:`workbook.extract.person_forms` (issue 12, round thirteen's rule, unchanged)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from workbook.extract.coref import PersonSpan
from workbook.extract.ner_features import TITLE_WORDS
from workbook.extract.vocabulary import FACILITY_HEADS, ORG_HEADS

__all__ = ["VIETNAMESE_FAMILY_NAMES", "VIETNAMESE_MIDDLE_NAMES", "vietnamese_family_words", "vietnamese_people"]

_HEADS = ORG_HEADS | FACILITY_HEADS

#: Vietnamese family names that open a name ("Nguyen Thi Lan"), and the middle names that often follow
#: a family name; a family name that is also a common word elsewhere ("Le", "Do", "Ho") needs one.
_AMBIGUOUS_VIETNAMESE = frozenset({"le", "lê", "do", "đỗ", "ho", "hồ", "ly", "lý"})
VIETNAMESE_FAMILY_NAMES: frozenset[str] = _AMBIGUOUS_VIETNAMESE | frozenset(
    {
        *("nguyen", "nguyễn", "tran", "trần", "pham", "phạm", "hoang", "hoàng", "huynh", "huỳnh", "phan"),
        *("vu", "vũ", "vo", "võ", "dang", "đặng", "bui", "bùi", "duong", "dương", "truong", "trương"),
        *("dinh", "đinh", "trinh", "trịnh", "luong", "lương", "ngo", "ngô"),
    }
)
VIETNAMESE_MIDDLE_NAMES: frozenset[str] = frozenset(
    {
        *("van", "văn", "thi", "thị", "duc", "đức", "huu", "hữu", "quoc", "quốc", "minh", "ngoc", "ngọc"),
        *("thanh", "xuan", "xuân", "cong", "công", "dinh", "đình"),
    }
)
_STRONG_VIETNAMESE = VIETNAMESE_FAMILY_NAMES - _AMBIGUOUS_VIETNAMESE
_VIET_WORD = r"[A-ZĐ][a-z\u00c0-\u1ef9]+"
_VIETNAMESE = re.compile(rf"(?<![\w'’.-])({_VIET_WORD})[ \t]+({_VIET_WORD})[ \t]+({_VIET_WORD})(?![\w'’-]|[ \t]+[A-Z])")
#: What every name ``vietnamese_people`` keeps holds: a listed family name, its capital as written and the
#: rest in any case, before a space or tab (the scan opens with a look-behind and runs at every place).
_VIETNAMESE_CUE = re.compile(
    "(?:"
    + "|".join(f"{re.escape(f[0].upper())}(?i:{re.escape(f[1:])})" for f in sorted(VIETNAMESE_FAMILY_NAMES))
    + r")[ \t]"
)


def vietnamese_people(
    text: str, common: frozenset[str], gaz_type: Callable[[str], str | None]
) -> list[tuple[int, int]]:
    """Spans of Vietnamese names of three words, the family name first ("Nguyen Thi Lan", "Tran Quoc
    Bao"): a listed family name, then a listed middle name (or any name word after a family name no other
    language writes as a word: not "Le Petit Prince"), no common, head or gazetteer word after it, and no
    capitalised word after the three ("Ho Chi Minh City" is a place)."""
    out: list[tuple[int, int]] = []
    if _VIETNAMESE_CUE.search(text) is None:
        return out
    for m in _VIETNAMESE.finditer(text):
        family, middle, given = (w.casefold() for w in m.groups())
        if family not in VIETNAMESE_FAMILY_NAMES:
            continue
        if middle not in VIETNAMESE_MIDDLE_NAMES and family not in _STRONG_VIETNAMESE:
            continue
        rest = (middle, given)
        if any(w in common or w in _HEADS or w in TITLE_WORDS for w in rest) or gaz_type(m.group(0)) is not None:
            continue
        out.append(m.span())
    return out


def vietnamese_family_words(spans: Iterable[PersonSpan]) -> frozenset[str]:
    """Family names (case-folded) of the Vietnamese names among ``spans``, which coreference reads as a
    family name written first: "Nguyen said" after "Nguyen Thi Lan"."""
    return frozenset(
        s.words[0].casefold() for s in spans if len(s.words) == 3 and s.words[0].casefold() in VIETNAMESE_FAMILY_NAMES
    )
