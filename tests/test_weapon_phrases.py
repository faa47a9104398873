"""Weapons of round twenty (branch weapons4): names found by the phrase around them
(workbook.extract.weapon_phrases), spaced numbers and Roman numerals before a weapon noun, one-digit
model numbers, mark numbers after a name, and look-alikes in other topics that must stay out. Every
example is made up."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workbook.extract.weapon_phrases import coordinated_weapons, find_phrase_weapons
from workbook.extract.weapons import find_weapons

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from eval_weapons import FRESH4_GOLD, fresh2_items, score

pytestmark = pytest.mark.unit


def names(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_weapons(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one name after an article or a possessive before a weapon-only noun
        ("The battalion fired a Korvin launcher for the first time.", ["Korvin"]),
        ("The navy tested the Taskal interceptors on Monday.", ["Taskal"]),
        ("The firm's Brontal air defence system had proven itself.", ["Brontal"]),
        ("The rebels launched a Zaferan missile at the port.", ["Zaferan"]),
        # ... not a nationality, an army, a group that speaks elsewhere, nor a civilian noun alone
        ("The Iranian missile and the Chinese launcher were shown.", []),
        ("A Houthi missile hit the tanker.", []),
        ("The German missile was cheaper.", []),
        ("The Army missile was late.", []),
        ("Vandor said it had fired. A Vandor missile struck a depot.", []),
        ("The Telvo system crashed during the update.", []),
        ("The Pixel 8 battery lasts two days.", []),
        # two capitalised words, and a name after "known as" a capitalised weapon noun (weapon_shapes)
        ("The Pentagon's Golden Dome missile defense system will cost more.", ["Golden Dome"]),
        ("The Army's Long-Range Hypersonic Weapon, known as Dark Eagle, flew.", ["Dark Eagle"]),
        ("The Middle East missile crisis and the North Korean launcher.", []),
        # a ship before a warship noun; not a nationality, a rank or a navy
        ("A naval drone hit the Ivanovets corvette.", ["Ivanovets"]),
        ("The Russian corvette, the Navy frigate and the Admiral frigate sailed.", []),
        # a possessive is no class's first word
        ("Japan's Izumo-class helicopter carriers will carry jets.", ["Izumo-class helicopter carriers"]),
        # a ship before its group
        ("The Carl Vinson carrier strike group arrived in Manila.", ["Carl Vinson"]),
        ("Jets from the Tarvik carrier group flew over the strait.", ["Tarvik"]),
        ("The French carrier group left Toulon.", []),
        # a name after "aboard" in a sentence with a weapon word
        ("The fighter jets aboard the Charles de Gaulle struck targets.", ["Charles de Gaulle"]),
        ("Tourists aboard the Queen Mary enjoyed the view.", []),
        ("Two helicopters landed on board the Tonnerre during the exercise.", ["Tonnerre"]),
        ("Members on board the Pension Board voted on the fund.", []),
        ("Astronauts aboard the International Space Station ran tests with a new radar.", []),
        # Russian index designations beside a weapon word; not a flight number
        ("The 9M729 cruise missile broke the treaty.", ["9M729"]),
        ("Passengers on flight 9W123 saw the missile trail.", []),
        ("The 3M22 order was for the plant.", []),
        # a designation before a reporting name in quotation marks
        ("The SSC-8 'Screwdriver' missile was deployed.", ["SSC-8 'Screwdriver'"]),
        ("The Route-66 'Mother' road trip began.", []),
        # coordination with a weapon already found
        ("Russia fired Shahed and Gerbera drones overnight.", ["Shahed", "Gerbera"]),
        ("Russia fired Gerbera and Shahed drones overnight.", ["Gerbera", "Shahed"]),
        ("Ukraine received F-16 and Boeing jets.", ["F-16"]),
        ("Tanks and Ukrainian drones: Leopard and Polish drones.", ["Leopard"]),
        # spaced numbers and Roman numerals before a weapon noun (weapon_shapes)
        ("The frigate fired an Aster 30 missile at the drone.", ["Aster 30"]),
        ("Vans fitted with the Skyranger 30 air defence turret arrived.", ["Skyranger 30"]),
        ("Taiwan tested the Chien Feng IV missile.", ["Chien Feng IV"]),
        ("The plan buys the CAMM-ER missile.", ["CAMM-ER"]),
        ("World War II bombers flew over the city.", []),
        ("Group 3 drones need a licence.", []),
        ("The Falcon 9 rocket launched a satellite.", []),
        ("Windows 10 systems were patched.", []),
        # one-digit model numbers before a weapon noun; a phrase may end with "built"
        ("The first K2 tanks built in Poland rolled out.", ["K2"]),
        ("The M1 tanks and K9 howitzers crossed the river.", ["M1", "K9"]),
        # mark numbers after a name, with a letter or a Roman numeral
        ("The army ordered CAESAR Mk II howitzers.", ["CAESAR Mk II"]),
        ("The air force inducted the first LCA Tejas Mk1A jets.", ["LCA Tejas Mk1A"]),
        # plural designations: the span holds the "s", the name is the designation
        ("The Netherlands sent F-16s and two B-52s flew over.", ["F-16s", "B-52s"]),
        ("Poland retired its MiG-29s; the AH-64Ds and MQ-9s stayed.", ["MiG-29s", "AH-64Ds", "MQ-9s"]),
        ("Students with A-1s and F-1s applied.", []),
        ("The B-52s played their hits at the festival.", []),  # a one-letter prefix's plural needs context
        # a weapon modifier before a civilian-looking noun; a phrase may end with "won"
        ("Iran unveiled the Fattah-2 hypersonic glide vehicle.", ["Fattah-2"]),
        ("Hanwha's Redback infantry fighting vehicle won the contest.", ["Redback"]),
        ("The Soyuz-2 launch vehicle lifted off.", []),
        # a ship's possessive is not its name; a model number's plural
        ("The HMS Tamar's crew and the Switchblade 600s arrived with the missile.", ["HMS Tamar", "Switchblade 600s"]),
        # Type with two letters and before vehicles
        ("Norway will buy four Type 212CD submarines.", ["Type 212CD"]),
        ("Type 16 maneuver combat vehicles took part.", ["Type 16"]),
    ],
)
def test_phrase_weapons(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_plural_designation_name() -> None:
    assert [n for _, _, n in find_weapons("Ukraine asked for more F-16s and missiles.")] == ["F-16"]


def test_phrase_weapons_names() -> None:
    text = "The fighter jets aboard the Charles de Gaulle struck targets."
    assert [n for _, _, n in find_phrase_weapons(text)] == ["Charles de Gaulle"]
    assert coordinated_weapons("Shahed and Gerbera drones", [(0, 6, "Shahed")]) == [(11, 18, "Gerbera")]


def test_fresh4_tune_part() -> None:
    """weapons_fresh4.json, written before any run: blind F1 0.88 / 0.83 (tune / check); the tune part
    after this round's rules."""
    s = score(fresh2_items("tune", FRESH4_GOLD))
    assert s.f1 >= 0.94 and s.precision >= 0.98
