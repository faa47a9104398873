"""The cheap checks before the entity rules' whole-text scans skip only texts the scans find nothing in
(speed18).

The scans of ``person_forms`` (``_SUFFIXED``, ``_O_FAMILY``, ``_PATRONYMIC``, ``_SAINT``) and
``person_vietnamese._VIETNAMESE``
open with a look-behind, so ``re`` runs them at every character; those of ``person_shapes.initialled_people``,
``ranks.rank_spans`` and ``entity_bounds.club_names`` run from every word-start capital. Each function now
runs its scan only when the text holds what every match (or every match the function keeps) holds. Tested:
where the check says no, the plain scan finds nothing the function would keep, on made-up texts in other
topics and on random texts of the patterns' own words (hypothesis); and the functions still find the made-up
names. ``entity_bounds.given_name_pairs`` called for particle names only skips a pair with nothing but white
space between its words: such a pair opens no inner pair (``_after_opener``) and holds no particle."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract import entity_bounds, person_forms, person_shapes, person_vietnamese, ranks

pytestmark = pytest.mark.unit

_MADE_UP = [
    "Striker Ciarán O'Halloran scored twice; coach Aingeal O’Donoghue said the Rovers deserved it.",
    "The court heard from Mohammed bin Rashid Al Maktoum and Abdullah bin Zayed Al Nahyan in Dubai.",
    "Shares of Gilberto Teodoro Jr. and Roger B. Turner Jr rose; Alvaro Quintana Sr., the chairman, sold.",
    "Scientists at St Wilfrid's Church and St. Mary's Hospital; Saint Joseph's Catholic Primary School opened.",
    "Local news: Nguyen Thi Lan and Tran Quoc Bao met Le Van Tam; Ho Chi Minh City; Đỗ Văn Hùng spoke.",
    "The Cabinet, Robin Hood, a cabinet of ministers, the Sri Lankan team and the State Affairs Commission.",
    "Defence: General Kim Jong Un inspected the Navy; NGUYEN THI LAN; the combined fleet; St\tLouis Blues.",
    "Sport: Manchester United's win over Real Madrid; Blackburn Rovers; the United Nations; Union Berlin.",
    "Courts: J. M. Smith and Anna K. McDonald testified; U.S. Army Sgt. Ana Ruiz; the DPRK. The Marshal spoke.",
    "Business: Lt. Col. Tom Reed, Army Maj. Gen. Lee, 1st Lt. Ray; Petty Officer 2nd Class Kim; Colonel Blimp.",
    "Sport: Manager Erik ten Hag, Marc-André ter Stegen, Luis de la Fuente; Tim Cook; Abdel Fattah al-Sisi met.",
    "",
]
_WORDS = [
    "O'Brien", "O’Neill", "O'", "O", "Aoife", "Minister", "Ciarán", "bin", "bint", "ibn", "Al", "al", "Rashid",
    "Mohammed", "Maktoum", "Jr", "Sr", "Jr.", "Sr.", "Junior", "St", "St.", "Saint", "Mary's", "Wilfrid’s",
    "Hospital", "Church", "School", "Nguyen", "Nguyễn", "NguyỄn", "NGUYEN", "Đỗ", "Đinh", "Lê", "Le", "LE", "Tran",
    "Trần", "Thi", "Thị", "Van", "Lan", "Bao", "Ho", "Chi", "Minh", "City", "Cabinet", "cabinet", "Robin", "Sri",
    "State", "the", "The", "of", "said", "Kim", "Jong", "Un", "A.", "B.", "x", "1", "-",
    "J.", "K.", "U.S.", "DPRK.", "McDonald", "O'Neill", "Smith", "Mac", "Mc", "Sgt.", "Sgt", "Lt.", "Col.", "Gen.",
    "Colonel", "Marshal", "General", "Petty", "Officer", "2nd", "1st", "Class", "Army", "Navy", "Air", "Force",
    "Maj.", "Real", "Madrid", "United", "United's", "Rovers", "Manchester", "Union", "Berlin", "AC", "Milan", "FC",
    "ten", "ter", "van", "der", "de", "la", "los", "al-Sisi", "el-", "Erik", "Hag", "Manager", "Marc-André", "Stegen",
    "Abdel", "Fattah", "Tim", "Cook", "Luis", "Fuente", "Coach",
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
    if person_forms._SAINT_CUE.search(text) is None:
        assert list(person_forms._SAINT.finditer(text)) == []
    if not any(cue in text for cue in person_forms._PATRONYMIC_CUES):
        assert list(person_forms._PATRONYMIC.finditer(text)) == []
    if person_shapes._INITIAL_CUE.search(text) is None:
        assert list(person_shapes._INITIALLED.finditer(text)) == []
    if ranks._CORE_CUE.search(text) is None:
        assert list(ranks._RANK.finditer(text)) == []
    if entity_bounds._CLUB_CUE.search(text) is None:
        assert list(entity_bounds._CLUB.finditer(text)) == []
    common = frozenset({"manager", "coach", "the", "cook"})
    for found in entity_bounds._PAIR.finditer(text):
        if found.group(2).isspace():  # given_name_pairs(particles_only=True) skips it
            assert entity_bounds._after_opener(text, found, common) is found
            particles = entity_bounds._MIDDLE_NAME.sub("", found.group(2))
            assert entity_bounds._FAMILY_PARTICLES.fullmatch(particles) is None
    if person_vietnamese._VIETNAMESE_CUE.search(text) is None:
        families = [m.group(1).casefold() for m in person_vietnamese._VIETNAMESE.finditer(text)]
        assert not any(f in person_vietnamese.VIETNAMESE_FAMILY_NAMES for f in families)


def test_checks_skip_only_empty_scans_made_up() -> None:
    for text in _MADE_UP:
        _checks_skip_only_empty_scans(text)


@settings(max_examples=600, deadline=None)
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
    viet = [_MADE_UP[4][a:b] for a, b in person_vietnamese.vietnamese_people(_MADE_UP[4], frozenset(), lambda w: None)]
    assert "Nguyen Thi Lan" in viet and "Tran Quoc Bao" in viet and "Ho Chi Minh City" not in " ".join(viet)


def test_the_cued_passes_still_find_the_made_up_names() -> None:
    sport, courts, business = _MADE_UP[7:10]
    clubs = [
        name
        for _, _, name in entity_bounds.club_names(
            sport, lambda w: "place" if w in {"Manchester", "Madrid", "Blackburn", "Berlin"} else None
        )
    ]
    assert "Manchester United" in clubs and "Real Madrid" in clubs
    initialled = [courts[a:b] for a, b in person_shapes.initialled_people(courts, {}, frozenset(), frozenset())]
    assert "J. M. Smith" in initialled and "Anna K. McDonald" in initialled
    found = [business[r.start : r.end] for r in ranks.rank_spans(business)]
    assert {"Lt. Col.", "Maj. Gen.", "1st Lt.", "Petty Officer 2nd Class", "Colonel"} <= set(found)


def test_particle_names_still_found() -> None:
    text = _MADE_UP[10]
    names = {"erik": "g", "marc": "g", "luis": "g", "tim": "g", "abdel": "g"}
    found = entity_bounds.given_name_pairs(
        text, names, frozenset({"manager"}), lambda w: None, frozenset(), bytearray(len(text) + 1), particles_only=True
    )
    assert {" ".join(s.words) for s in found} == {"Erik ten Hag", "Marc-André ter Stegen", "Luis de la Fuente"}
