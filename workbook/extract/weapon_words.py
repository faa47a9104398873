"""The words of weapon systems and military platforms, declared once: designation prefixes, names,
head nouns, context words, navy prefixes and warship nouns. :mod:`workbook.extract.weapons` finds weapons
with them (and re-exports the public lists); the weapon families with their countries are in
:mod:`workbook.names` (``WEAPON_FAMILY_ORIGINS``), read by both the extractor and the KCNA case study."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "AIRCRAFT_ROLE_WORDS",
    "CLASS_ACRONYMS",
    "COMPANY_WORDS",
    "GENERIC_WEAPON_WORDS",
    "HYPHENS",
    "NOT_MODIFIER_WORDS",
    "NOT_NAME_WORDS",
    "NOT_SHIP_NAME_WORDS",
    "NUMBER_WORDS",
    "SHIP_PREFIXES",
    "SHIP_PREFIXES_IN_CONTEXT",
    "WARSHIP_NOUNS",
    "WEAPON_CONTEXT",
    "WEAPON_FAMILIES_IN_CONTEXT",
    "WEAPON_HEAD_NOUNS",
    "WEAPON_LETTER_PREFIXES",
    "WEAPON_NAMES",
    "WEAPON_NAMES_IN_CONTEXT",
    "WEAPON_NAME_HEADS",
    "WEAPON_PREFIXES_IN_CONTEXT",
    "WEAPON_PREFIX_DESIGNATIONS",
    "has_ew_word",
    "has_model_number",
    "has_war_word",
    "has_weapon_word",
    "word_start",
]


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(";") if p.strip())


#: Letter prefixes of designations written "PREFIX-N" that name nothing but weapons and platforms
#: ("KN-23", "DF-41", "AIM-120", "MQ-9", "Su-27", "AH-64", "KC-135").
WEAPON_PREFIX_DESIGNATIONS: tuple[str, ...] = _split(
    "KN DF JL SM SS Su MiG Tu Kh AGM AIM RIM BGM UGM LGM MIM FIM RS MQ RQ AH UH CH MH HH KC EA EC AV HQ YJ CJ PL "
    "Il Ka Mi Yak PAC BM TB KF MV CV EP WC RC BMP BTR BMD FA KJ WZ GJ GBU CBU FAB KAB An Be JF"
)
#: One-letter prefixes ("F-16", "B-52H", "S-400", "C-130", "J-20", "H-6K", "P-8A", "E-2D", "T-90"): they
#: also write grades, visas and school years ("A-1", "F-1 visa", "K-12"), so they need a weapon word
#: nearby, except the shapes :func:`find_weapons` knows to be unambiguous.
WEAPON_LETTER_PREFIXES: tuple[str, ...] = _split("F B S C E P J H Y T A K M V R X Z")
#: Weapon systems named by a word or phrase that means nothing else (case-sensitive as written).
WEAPON_NAMES: tuple[str, ...] = _phrases(
    """THAAD; HIMARS; ATACMS; GMLRS; NASAMS; AMRAAM; JASSM; LRASM; Tomahawk; Iskander; Kinzhal; Kalibr;
    Sarmat; Avangard; Zircon; Tsirkon; Oreshnik; Bulava; Burevestnik; Oniks; Pantsir; Storm Shadow; SCALP;
    Iron Dome; David's Sling; Aegis; Aegis Ashore; Minuteman III; Trident II; NLAW; Exocet; Brimstone;
    Eurofighter Typhoon; Eurofighter; Rafale; Gripen; Stratofortress; Stratotanker; Super Hornet; Growler;
    Global Hawk; Bayraktar TB2; Bayraktar; Shahed; Naval Strike Missiles; Naval Strike Missile; Sea Sparrow;
    Humvee; Haeil; Musudan; IRIS-T SLM; IRIS-T; Hsiung Feng; BrahMos; PrSM; JDAM; Sidewinder; Marder; Borsuk;
    Rosomak; Piorun; Wedgetail; Globemaster; Stratolifter; Wing Loong; Sea Ceptor; Starstreak; ASRAAM; Paveway;
    Kornet; Akinci; M-SHORAD; Super Stallion"""
)
#: Names that are also ordinary words, places or surnames: weapons only beside a weapon word
#: (:data:`WEAPON_CONTEXT`) and not followed by another capitalised word.
WEAPON_NAMES_IN_CONTEXT: tuple[str, ...] = _phrases(
    """Patriot; Bradley; Abrams; Stryker; Leopard; Challenger; Apache; Black Hawk; Chinook; Osprey; Reaper;
    Predator; Typhoon; Tornado; Lightning II; Raptor; Hornet; Poseidon; Hawkeye; Stinger; Hellfire; Harpoon;
    Javelin; Lancet; Caesar; Grad; Excalibur; Trident; Arrow; Meteor; Taurus; Spike; Switchblade; Paladin;
    Warthog; Harrier; Tiger; Gepard; Krab; Neptune; Avenger; Archer; Puma; Boxer; Bushmaster; Warrior;
    Ajax; Lynx; Sentinel; Hercules; Super Hercules; Sentry; Onyx; Yars; Topol; Igla; Vampire; Mirage; Viper;
    Seahawk; Phalanx; Mistral"""
)
#: Letter prefixes that also write other things ("OH-12", a congressional district): weapons only beside
#: a weapon word, like the one-letter ones.
WEAPON_PREFIXES_IN_CONTEXT: tuple[str, ...] = _split("OH SH TH")
#: Head nouns that make a bare family name a weapon when they follow it ("Scud missiles", "Leopard tanks").
WEAPON_HEAD_NOUNS: tuple[str, ...] = _split(
    """missile missiles rocket rockets launcher launchers interceptor interceptors drone drones tank tanks
    howitzer howitzers system systems battery batteries jet jets fighter fighters bomber bombers helicopter
    helicopters submarine submarines vehicle vehicles carrier carriers"""
)
#: Words that make a designation or an ambiguous name a weapon when they stand in the same sentence.
WEAPON_CONTEXT: tuple[str, ...] = _split(
    """missile missiles rocket rockets launcher launchers drone drones uav uavs jet jets aircraft airframe fighter
    fighters bomber bombers helicopter helicopters tank tanks destroyer destroyers frigate frigates submarine
    submarines warship warships carrier cruiser corvette vessel ship ships system systems battery batteries
    interceptor interceptors howitzer howitzers artillery weapon weapons munition munitions ammunition squadron
    sortie sorties fired launched deployed intercepted armoured armored vehicle vehicles infantry warhead radar
    navy naval army military troops refueled refuelled flight flew torpedo torpedoes airborne"""
)
#: Navy prefixes written before a ship's name ("USS Ronald Reagan", "HMS Queen Elizabeth").
SHIP_PREFIXES: tuple[str, ...] = _split(
    "USS USNS USCGC HMS HMCS HMAS HMNZS INS ROKS JS HNLMS HNoMS ESPS TCG KRI BRP PNS RFS RFA NRP HDMS ARA BAP HTMS FGS"
)
#: Navy prefixes that also write other things ("FS" a forest service, "ITS" a transport system): a ship's
#: prefix only beside a weapon word in the sentence (:data:`WEAPON_CONTEXT`).
SHIP_PREFIXES_IN_CONTEXT: tuple[str, ...] = _split("FS ITS RSS KD HS CNS BNS SNS")
#: Nouns of warships after which a capitalised name is the ship's ("the landing ship Minsk", "the submarine
#: Rostov-on-Don", "the aircraft carrier Charles de Gaulle").
WARSHIP_NOUNS: tuple[str, ...] = _phrases(
    """destroyer; frigate; cruiser; corvette; submarine; warship; flagship; minesweeper; landing ship; assault ship;
    patrol ship; aircraft carrier; helicopter carrier; carrier"""
)
#: Capitalised head words that end the long name of a weapon system ("Precision Strike Missile", "Bradley
#: Fighting Vehicle", "Hyper Velocity Gliding Projectile"); at least one word before it must be more than a
#: generic class (:data:`GENERIC_WEAPON_WORDS`: "Intercontinental Ballistic Missile" is a class, no name).
WEAPON_NAME_HEADS: tuple[str, ...] = _phrases(
    """Missile; Missiles; Missile System; Missile Systems; Rocket System; Rocket Systems; Weapon System; Weapon;
    Projectile; Projectiles; Interceptor; Interceptors; Bomb; Bombs; Torpedo; Torpedoes; Fighting Vehicle;
    Fighting Vehicles; Combat Vehicle; Combat Vehicles; Tactical Vehicle; Tactical Vehicles; Launcher; Launchers;
    Aircraft"""
)
GENERIC_WEAPON_WORDS: frozenset[str] = frozenset(
    _split(
        """Ballistic Cruise Intercontinental Intermediate-Range Short-Range Medium-Range Long-Range Hypersonic
        Supersonic Subsonic Anti-Ship Anti-Tank Anti-Aircraft Anti-Radiation Anti-Satellite Surface-to-Air
        Air-to-Air Air-to-Surface Surface-to-Surface Ground-to-Air Submarine-Launched Sea-Launched Air-Launched
        Ground-Launched Land-Based Sea-Based Guided Unguided Strategic Tactical Nuclear Conventional Nuclear-Capable
        Multiple Rocket Missile Missiles Air Land Sea Naval Armored Armoured Infantry Light Heavy New Old
        Chinese Russian American Korean Iranian North South Soviet Israeli Ukrainian Japanese Smart Precision-Guided
        Unmanned Uncrewed Manned Crewed Remotely Piloted Military Combat"""
    )
)
#: A long name ending in "Aircraft" names a programme only with one of these words ("Future Attack
#: Reconnaissance Aircraft", "Collaborative Combat Aircraft"; not a maker: "Piper Aircraft").
AIRCRAFT_ROLE_WORDS: frozenset[str] = frozenset(
    _split(
        "Attack Assault Combat Strike Fighter Reconnaissance Tanker Bomber Surveillance Patrol Trainer Transport "
        "Refueling Refuelling Warning Dominance"
    )
)
#: Function words and numbers that are never a modifier between a weapon's name and its noun ("Minsk-2
#: and two tanks", "Scud or the missile").
NOT_MODIFIER_WORDS: frozenset[str] = frozenset(
    _split("and or nor the a an of to with for in on at by from as but than two three four")
)
#: Families whose name is also a common word or name ("Arrow 3", "Tor-M2", "Leopard 2"): weapons only
#: beside a weapon word.
WEAPON_FAMILIES_IN_CONTEXT: frozenset[str] = frozenset(
    _split("Tor Arrow Barak Tamir Leopard Challenger Tornado Lancet Emad Arash Buk")
)
#: Acronyms of weapon classes, no names ("an ICBM", "a SRBM", "UAVs"): never a system's name on their own.
CLASS_ACRONYMS: frozenset[str] = frozenset(
    _split("ICBM IRBM MRBM SRBM SLBM ALBM ASBM CRBM UAV UAS UCAV SAM MLRS MRL HGV ALCM GLCM SLCM LACM ASCM SSM AAM")
)
#: Words that count ships or weapons ("Two Ohio-class submarines"): never the first word of a class's name.
NUMBER_WORDS: frozenset[str] = frozenset(
    _split("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Several Both All")
)
#: Capitalised words that are never part of a weapon's name or nickname (articles, prepositions, months,
#: days, "Block").
NOT_NAME_WORDS: frozenset[str] = frozenset(
    _split(
        "The A An In On At To From For And Or But Of With By As After Before During Since Until Over Under Near "
        "January February March April May June July August September October November December "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Block"
    )
)
#: Words that are never a ship's name after a warship noun ("the destroyer Commander ...").
NOT_SHIP_NAME_WORDS: frozenset[str] = frozenset(
    _split("Captain Capt Commander Cmdr Cdr Lt Lieutenant Admiral Adm Master Chief Petty Seaman Sailor Officer Navy")
)
#: Words that make a name after "carrier" an airline or a company, not a ship ("the carrier Delta Air Lines").
COMPANY_WORDS: frozenset[str] = frozenset(
    _split("Air Airlines Airways Lines Inc Corp Group Cargo Express Holdings Logistics")
)
#: The characters written between a designation's prefix and number: the hyphen and its Unicode
#: look-alikes (U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2013 en dash), which
#: word processors and web pages put there ("KN‑25"); the entity's name is written with the plain hyphen.
HYPHENS = "-\u2010\u2011\u2012\u2013"


def word_start(text: str, i: int) -> bool:
    """Does a word start at ``i`` (not inside a word, a hyphenated word or "F/A")? Checked here rather
    than by a look-behind, which would stop the regex engine skipping ahead to a possible first letter."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_/" or text[i - 1] in HYPHENS)


@lru_cache(maxsize=1)
def _context_pattern() -> re.Pattern[str]:
    context = "|".join(sorted(WEAPON_CONTEXT, key=len, reverse=True))
    return re.compile(rf"\b(?:{context}|air defen[cs]e|air force)\b", re.IGNORECASE)


def has_weapon_word(text: str, start: int, end: int) -> bool:
    """A weapon word (:data:`WEAPON_CONTEXT`) in the sentence around ``text[start:end]`` (at most 150
    characters each side)."""
    lo, hi = max(0, start - 150), min(len(text), end + 150)
    left = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    right_dot, right_nl = text.find(". ", end, hi), text.find("\n", end, hi)
    rights = [r for r in (right_dot, right_nl) if r != -1]
    window = text[left + 1 if left != -1 else lo : min(rights) if rights else hi]
    return _context_pattern().search(window) is not None


#: Words of electronic warfare: a system named beside one is a jammer or a sensor of war ("jamming from the
#: Pole-21 system"), though "system" also names civilian things.
_EW_CUE = re.compile(r"\b(?:jamm(?:ing|ers?|ed)|electronic[ -]warfare|EW)\b")


def has_ew_word(text: str, start: int, end: int) -> bool:
    """An electronic-warfare word within 150 characters of ``text[start:end]`` ("jamming", "jammers",
    "electronic warfare", "EW")."""
    return _EW_CUE.search(text, max(0, start - 150), min(len(text), end + 150)) is not None


#: Words of war: a name before "drones" or after "fired" is a weapon's in a sentence with one ("missiles",
#: "strikes", "troops", "shot down"; not "flew", which civilian drones do too).
_WAR_WORDS = re.compile(
    r"\b(?:missiles?|warheads?|munitions?|strikes?|attacks?|artillery|shelling|troops|front|army|military"
    r"|forces|air\s+defen[cs]e|shot\s+down|intercepted|jamm(?:ing|ers?))\b"
)


def has_war_word(text: str, start: int, end: int, skip: tuple[int, int] | None = None) -> bool:
    """A word of war in the sentence around ``text[start:end]`` (at most 150 characters each side), not
    counting ``text[skip[0]:skip[1]]`` (the noun or verb that asks)."""
    lo, hi = max(0, start - 150), min(len(text), end + 150)
    left, right = text.rfind(". ", lo, start), text.find(". ", end, hi)
    lo, hi = left + 1 if left >= 0 else lo, right if right >= 0 else hi
    for m in _WAR_WORDS.finditer(text, lo, hi):
        if skip is None or not (m.start() < skip[1] and skip[0] < m.end()):
            return True
    return False


#: one pattern per letter: ``re`` skips to a literal first character far faster than to a class (``[MK]\d``)
_MODEL_NUMBERS = (re.compile(r"M\d"), re.compile(r"K\d"))


@lru_cache(maxsize=4)
def has_model_number(text: str) -> bool:
    """Does ``text`` hold an "M" or "K" before a digit ("M113", "K9")? Every Army model number does: the
    text is searched once for the listed and the unlisted finders both (:mod:`workbook.extract.weapons`,
    :mod:`workbook.extract.weapon_shapes`)."""
    return any(number.search(text) is not None for number in _MODEL_NUMBERS)
