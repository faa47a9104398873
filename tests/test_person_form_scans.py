"""The cheap checks before the whole-text scans of ``person_forms`` skip only texts the scans find nothing in
(speed18).

Each scan (``_SUFFIXED``, ``_O_FAMILY``, ``_PATRONYMIC``, ``_SAINT``, ``_VIETNAMESE``) opens with a
look-behind, so ``re`` runs it at every character; each function now runs it only when the text holds what
every match (or every match the function keeps) holds. Tested: where the check says no, the plain scan finds
nothing the function would keep, on made-up texts in other topics and on random texts of the patterns' own
words (hypothesis); and the functions still find the made-up names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import person_forms

pytestmark = pytest.mark.unit

_MADE_UP = [
    "Striker Ciarán O'Halloran scored twice; coach Aingeal O’Donoghue said the Rovers deserved it.",
    "The court heard from Mohammed bin Rashid Al Maktoum and Abdullah bin Zayed Al Nahyan in Dubai.",
    "Shares of Gilberto Teodoro Jr. and Roger B. Turner Jr rose; Alvaro Quintana Sr., the chairman, sold.",
    "Scientists at St Wilfrid's Church and St. Mary's Hospital; Saint Joseph's Catholic Primary School opened.",
    "Local news: Nguyen Thi Lan and Tran Quoc Bao met Le Van Tam; Ho Chi Minh City; Đỗ Văn Hùng spoke.",
    "The Cabinet, Robin Hood, a cabinet of ministers, the Sri Lankan team and the State Affairs Commission.",
    "Defence: General Kim Jong Un inspected the Navy; NGUYEN THI LAN; the combined fleet; St\tLouis Blues.",
    "",
]
_WORDS = [
    "O'Brien", "O’Neill", "O'", "O", "Aoife", "Minister", "Ciarán", "bin", "bint", "ibn", "Al", "al", "Rashid",
    "Mohammed", "Maktoum", "Jr", "Sr", "Jr.", "Sr.", "Junior", "St", "St.", "Saint", "Mary's", "Wilfrid’s",
    "Hospital", "Church", "School", "Nguyen", "Nguyễn", "NguyỄn", "NGUYEN", "Đỗ", "Đinh", "Lê", "Le", "LE", "Tran",
    "Trần", "Thi", "Thị", "Van", "Lan", "Bao", "Ho", "Chi", "Minh", "City", "Cabinet", "cabinet", "Robin", "Sri",
    "State", "the", "The", "of", "said", "Kim", "Jong", "Un", "A.", "B.", "x", "1", "-",
]  # fmt: skip
_SEPARATORS = [" ", " ", "  ", "\t", "\n", "", "-", ", ", ". ", "'", "’", "."]


def _random_text(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=20))
    seps = draw(st.lists(st.sampled_from(_SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps, strict=True))


texts = st.composite(_random_text)


def _checks_skip_only_empty_scans(text: str) -> None:
    if "Jr" not in text and "Sr" not in text:
        assert list(person_forms._SUFFIXED.finditer(text)) == []
    if "O'" not in text and "O’" not in text:
        assert list(person_forms._O_FAMILY.finditer(text)) == []
    if person_forms._PATRONYMIC_CUE.search(text) is None:
        assert list(person_forms._PATRONYMIC.finditer(text)) == []
    if person_forms._SAINT_CUE.search(text) is None:
        assert list(person_forms._SAINT.finditer(text)) == []
    if person_forms._VIETNAMESE_CUE.search(text) is None:
        families = [m.group(1).casefold() for m in person_forms._VIETNAMESE.finditer(text)]
        assert not any(f in person_forms.VIETNAMESE_FAMILY_NAMES for f in families)


def test_checks_skip_only_empty_scans_made_up() -> None:
    for text in _MADE_UP:
        _checks_skip_only_empty_scans(text)


@settings(max_examples=400, deadline=None)
@given(texts())
def test_checks_skip_only_empty_scans_random(text: str) -> None:
    _checks_skip_only_empty_scans(text)


def test_the_functions_still_find_the_made_up_names() -> None:
    names = {"ciarán": "g", "aingeal": "g", "mohammed": "g", "abdullah": "g", "gilberto": "g", "roger": "g"}
    taken = bytearray(1000)
    flat = {
        text[a:b]
        for text in _MADE_UP[:3]
        for a, b in [
            *person_forms.o_family_people(text, taken, names, frozenset(), frozenset()),
            *person_forms.suffixed_people(text, taken, names, frozenset(), frozenset()),
        ]
    }
    assert {"Ciarán O'Halloran", "Aingeal O’Donoghue", "Mohammed bin Rashid Al Maktoum"} <= flat
    assert {"Gilberto Teodoro Jr.", "Roger B. Turner Jr"} <= flat
    saints = [_MADE_UP[3][a:b] for a, b in person_forms.saint_institutions(_MADE_UP[3])]
    assert saints == ["St Wilfrid's Church", "St. Mary's Hospital", "Saint Joseph's Catholic Primary School"]
    viet = [_MADE_UP[4][a:b] for a, b in person_forms.vietnamese_people(_MADE_UP[4], frozenset(), lambda w: None)]
    assert "Nguyen Thi Lan" in viet and "Tran Quoc Bao" in viet and "Ho Chi Minh City" not in " ".join(viet)
