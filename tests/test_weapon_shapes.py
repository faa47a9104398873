"""Weapons of round eleven (branch weapons3): names found by the sentence's shape
(workbook.extract.weapon_shapes), listed names with suffixes and long tails, quoted ship names, and
look-alikes in other topics that must stay out. Every example is made up."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workbook.extract.base import DocumentInput
from workbook.extract.pipeline import DefaultExtractor
from workbook.extract.weapons import find_weapons

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from eval_weapons import FRESH3_GOLD, fresh2_items, score

pytestmark = pytest.mark.unit


def names(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_weapons(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unlisted designation before a weapon noun, then again alone
        ("The navy fired a Kestrel-4 interceptor at dawn. The Kestrel-4 flew 80 km.", ["Kestrel-4", "Kestrel-4"]),
        ("The ministry tested the Zafar-II guided rocket system on Monday.", ["Zafar-II"]),
        ("Rebels used Borak-360 close-range ballistic missiles.", ["Borak-360"]),
        ("The Amur-M submarine docked in the harbour.", ["Amur-M"]),
        # ... but not a civilian thing nor a noun that belongs to something else
        ("A Soyuz-2 rocket lifted off with three astronauts.", []),
        ("The council approved COVID-19 drone deliveries for clinics.", []),
        ("Shares fell after the Windows-11 system update.", []),
        ("Police seized the Minsk-2 and two tanks of fuel.", []),
        # a name in apposition to a weapon noun
        ("Officials showed the Falak, a short-range ballistic missile.", ["Falak"]),
        ("The army unveiled a new drone dubbed the Sayad, state media said.", ["Sayad"]),
        ("The rebels fired a missile, the Pentagon said.", []),
        ("The navy showed a hypersonic missile, the Raad, at a parade.", ["Raad"]),
        ("The club signed the Wildcats, a football team from Leeds.", []),
        ("Engineers built a building control system dubbed Sinrok.", []),
        # programme names before a lower-case "system"
        ("Soldiers will field the Enduring Rocket Defense system next year.", ["Enduring Rocket Defense"]),
        ("The county upgraded its Wildfire Defense system.", []),
        ("The Air Defense system was on alert.", []),
        # listed names with a letter suffix, joined to a compound, or with a long tail
        ("Sweden ordered Gripen-E fighters.", ["Gripen-E"]),
        ("Two Tomahawk-armed destroyers sailed.", ["Tomahawk"]),
        ("The Army bought the Hellfire Longbow Missile for its helicopters.", ["Hellfire Longbow Missile"]),
        ("The Patriot Act was debated by the missile caucus.", []),
        ("The firm Javelin Missile Systems Inc said its rockets were late.", []),
        # long names with a block, programme aircraft
        ("The contract buys the Joint Strike Missile Block 2 for the navy.", ["Joint Strike Missile Block 2"]),
        ("The Air Force chose the Collaborative Combat Aircraft makers.", ["Collaborative Combat Aircraft"]),
        ("Piper Aircraft said sales rose.", []),
        ("Bradley Fighting Vehicles and M109 howitzers arrived.", ["Bradley Fighting Vehicles", "M109"]),
        # a Type number before a missile; a family before modifiers and its noun
        ("Japan upgraded the Type 88 surface-to-ship missile.", ["Type 88"]),
        ("Patients with Type 2 diabetes need missile-free lives.", []),
        ("Iran moved Scud short-range ballistic missiles.", ["Scud"]),
        ("Users reached the site through Tor anonymity network systems.", []),
        ("Pakistan flew JF-17 jets.", ["JF-17"]),
        ("The unit kept M113 armored personnel carriers.", ["M113"]),
        ("Traffic on the M25 carriers lane was slow.", []),
        # ships named in quotation marks after a warship noun
        ('The corvette "Steregushchiy" left port with a missile boat.', ["Steregushchiy"]),
    ],
)
def test_round_eleven_shapes(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_ship_named_after_an_officer_is_a_weapon_in_the_entities() -> None:
    """A ship or class named after an officer keeps its rank word: the weapon wins over the rank."""
    text = 'The frigate "Admiral Makarov" docked in Sevastopol. Two Admiral Essen-class frigates escorted it.'
    result = DefaultExtractor().extract(DocumentInput("d", text))
    types = {e.key: e.type for e in result.entities}
    found = {text[m.start : m.end]: types[m.entity_key] for m in result.mentions if m.entity_key in types}
    assert found.get("Admiral Makarov") == "weapon_system"
    assert any(k.startswith("Admiral Essen-class") and v == "weapon_system" for k, v in found.items())


def test_fresh_wire_and_think_tank_paragraphs() -> None:
    """weapons_fresh3.json, annotated before any run: blind R 0.65 / 0.70 (tune / check), the tune part
    read since."""
    tune, check = score(fresh2_items("tune", FRESH3_GOLD)), score(fresh2_items("check", FRESH3_GOLD))
    assert tune.precision >= 0.95 and tune.recall >= 0.85, (tune.misses, tune.false_alarms)
    assert check.precision >= 0.9 and check.recall >= 0.65
