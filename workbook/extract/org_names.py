"""Organisations of defence and security news that are names without a head word ("Raytheon said",
"Hezbollah fired", "Lockheed Martin won"), so neither the head-word rule nor, often, the classifier
reads them.

:data:`DEFENCE_ORGS` declares them as folded names (``workbook.ids.normalise_name``), one by one:
defence companies, armed groups, and security agencies and commands known by a short name. A name
that is also a common word, a given name or a surname in other text ("Wagner", "Leonardo", "Bell",
"Rafael", "Kawasaki") is listed only in its longer form ("Wagner Group"). Names with a hyphenated or
lower-case particle ("Hayat Tahrir al-Sham", "Lashkar-e-Taiba") are also found in the text as written
(:func:`workbook.extract.entity_bounds.particle_orgs`: the tokens lose "al-Sham"). The entity rules read them
as :data:`workbook.extract.vocabulary.KNOWN_ORGS` are read (that list is also a feature of the
learned classifier, which this one is not). :data:`BUSINESS_ORGS` does the same for firms and aid
groups of business, cyber and sanctions news, and :data:`AMBIGUOUS_FIRMS` the firms named as a common word,
read only in a document about business; :data:`INSTALLATION_OPENERS` declares the words that open
a military installation's name ("Fort", "Joint Base").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from workbook.extract.phrase_regex import CaseBlindSearch
from workbook.extract.shared_scans import KEPT_LENGTH

__all__ = [
    "AMBIGUOUS_FIRMS",
    "BUSINESS_ORGS",
    "CLUB_PREFIXES",
    "CLUB_SUFFIXES",
    "DEFENCE_ORGS",
    "INSTALLATION_OPENERS",
    "UNIT_HEADS",
    "about_business",
    "installation_len",
]


def _names(block: str) -> frozenset[str]:
    return frozenset(" ".join(n.split()).lower() for n in block.split(";") if n.strip())


#: Folded names of defence companies, armed groups and security agencies.
DEFENCE_ORGS: frozenset[str] = _names(
    """
    raytheon; rtx; lockheed martin; lockheed; boeing; northrop grumman; northrop; general dynamics;
    bae systems; l3harris; huntington ingalls; leidos; anduril; palantir; textron; sikorsky;
    pratt whitney; general atomics; honeywell; spacex; thales; airbus; rheinmetall; saab; dassault;
    dassault aviation; mbda; kongsberg; naval group; babcock; qinetiq; fincantieri; navantia; hanwha;
    hanwha aerospace; hyundai rotem; korea aerospace industries; mitsubishi heavy industries;
    rafael advanced defense systems; elbit; elbit systems; israel aerospace industries; rostec;
    almaz antey; uralvagonzavod; tactical missiles corporation; norinco; avic; casc; baykar;
    roketsan; aselsan; embraer; leonardo drs;
    hezbollah; kataib hezbollah; islamic jihad; palestinian islamic jihad; isis; isil; daesh;
    wagner group; al shabaab; boko haram; pkk; hayat tahrir al sham; hts; irgc; quds force;
    al qaeda; al qaida; ansar al islam; jabhat al nusra; ahrar al sham; asaib ahl al haq; jaish al adl;
    lashkar e taiba; lashkar e toiba; jaish e mohammed; tehrik e taliban pakistan;
    darpa; mossad; shin bet; gru; fsb; svr; mi6; mi5; gchq; interpol; europol; frontex; norad;
    indopacom; centcom; eucom; africom; southcom; northcom; socom; stratcom; cybercom; spacecom;
    dhs; dod; osce; csto; aukus; rosoboronexport; islamic state; houthis; ansar allah; hamas; taliban;
    abu sayyaf; tehreek e taliban pakistan; iswap; jnim; al shabab; raf; raaf; rcaf; rnzaf; idf; pla; jsdf
    """
)

#: Folded names of firms and non-governmental organisations that business, cyber and sanctions news names
#: without a head word ("Goldman Sachs said", "analysts at Morgan Stanley", "Amnesty International asked"):
#: banks, technology and security firms, energy and consulting firms, aid and rights groups. As in
#: :data:`DEFENCE_ORGS`, a name that is also a common word or a place ("Apple", "Amazon", "Shell",
#: "Oracle", "Meta") is not listed: the classifier reads those from their context.
BUSINESS_ORGS: frozenset[str] = _names(
    """
    goldman sachs; morgan stanley; jpmorgan; jpmorgan chase; wells fargo; citigroup; citibank; hsbc;
    barclays; ubs; credit suisse; bnp paribas; societe generale; santander; blackrock; nomura; mizuho;
    standard chartered; visa; mastercard; paypal; swift;
    microsoft; google; nvidia; intel; ibm; cisco; qualcomm; huawei; zte; tencent; alibaba; baidu;
    bytedance; tiktok; samsung; tsmc; openai; facebook; twitter; linkedin; youtube; whatsapp;
    mandiant; crowdstrike; kaspersky; fortinet; palo alto networks; recorded future; chainalysis;
    exxonmobil; exxon mobil; exxon; chevron; gazprom; rosneft; lukoil; saudi aramco; aramco; totalenergies;
    deloitte; kpmg; pwc; mckinsey; accenture; maersk;
    amnesty international; human rights watch; transparency international; greenpeace; oxfam;
    medecins sans frontieres; doctors without borders; red cross; red crescent; icrc
    """
)

#: Firms named as a common word or a place ("Apple", "Amazon", "Shell"): organisations only in a
#: document about business (:func:`about_business`) and never after "the" ("the Amazon", a river).
AMBIGUOUS_FIRMS: frozenset[str] = _names("apple; amazon; meta; shell; oracle; alphabet")

#: Words that show a document is about business: markets, results, deals and the people who run firms
#: (case-blind; searched over the lowered text, which ``re`` runs about three times faster).
_BUSINESS_WORDS = (
    "shares|shareholders?|investors?|analysts|revenue|profits?|earnings|chief executive|ceo|"
    "stock market|nasdaq|quarterly|subsidiary|acquisition|takeover|merger|market value|smartphones?"
)
_BUSINESS_CUES = CaseBlindSearch.of(rf"\b(?:{_BUSINESS_WORDS})\b")
#: Each word without its optional last letter: a lowered text that holds none of them holds no business word.
_BUSINESS_STEMS = tuple(w[:-2] if w.endswith("?") else w for w in _BUSINESS_WORDS.split("|"))


def about_business(text: str) -> bool:
    """Whether ``text`` has a business word ("shares", "revenue", "chief executive", "takeover", ...)."""
    return _kept_business(text) if len(text) <= KEPT_LENGTH else _business(text)


def _business(text: str) -> bool:
    lowered = text.lower()  # searched lowered where lowering keeps the matches (see CaseBlindSearch)
    keeps = len(lowered) == len(text) and "ı" not in text and "ſ" not in text
    if keeps and not any(stem in lowered for stem in _BUSINESS_STEMS):
        return False
    return bool(_BUSINESS_CUES.spans(text, 0, len(text)))


_kept_business = lru_cache(maxsize=64)(_business)  # asked by the run classifier, then the short forms; a batch is 32


#: Head words of military units that ``vocabulary.ORG_HEADS`` lacks ("86th Airlift Wing", "Fighter
#: Squadron 32", "Mine Countermeasures Flotilla"): a capitalised phrase ending in one is an organisation.
UNIT_HEADS: frozenset[str] = frozenset({"wing", "squadron", "squadrons", "flotilla", "platoon", "detachment"})

#: Words that open a sports club's name before its town ("Real Madrid", "Bayern Munich", "Inter Milan",
#: "Sporting Lisbon", "AC Milan"), as written (capitalised or upper case).
CLUB_PREFIXES: frozenset[str] = frozenset(
    [
        "Real",
        "Atlético",
        "Atletico",
        "Athletic",
        "Sporting",
        "Bayern",
        "Inter",
        "AC",
        "AS",
        "FC",
        "CF",
        "SC",
        "SS",
        "SV",
        "VfB",
        "VfL",
        "Dynamo",
        "Dinamo",
        "Olympique",
        "Borussia",
        "Racing",
        "Deportivo",
        "Lokomotiv",
        "Spartak",
        "CSKA",
        "Union",
        "Hertha",
        "Eintracht",
        "Fortuna",
    ]
)
#: Words that close a sports club's name after its town ("Manchester United", "Blackburn Rovers",
#: "Tottenham Hotspur", "Wigan Athletic", "Glasgow Rangers", "Ajax FC").
CLUB_SUFFIXES: frozenset[str] = frozenset(
    [
        "United",
        "Rovers",
        "Wanderers",
        "Albion",
        "Hotspur",
        "Athletic",
        "Rangers",
        "Town",
        "Orient",
        "Argyle",
        "FC",
        "AFC",
        "CF",
        "SC",
    ]
)


#: Words that open the name of a military installation ("Fort Bragg", "Camp Humphreys", "Joint Base
#: Lewis-McChord", "Naval Air Station Whidbey Island", "RAF Lossiemouth"), as tuples of lower-case
#: words. A town the
#: gazetteer knows by the same name ("Fort Worth", "Fort Lee", and so "Fort Lee Historic Park") is
#: left to the gazetteer and the classifier.
INSTALLATION_OPENERS: frozenset[tuple[str, ...]] = frozenset(
    {
        ("fort",),
        ("ft",),
        ("camp",),
        ("joint", "base"),
        ("naval", "station"),
        ("naval", "base"),
        ("naval", "air", "station"),
        ("naval", "support", "activity"),
        ("marine", "corps", "base"),
        ("marine", "corps", "air", "station"),
        ("air", "force", "station"),
        ("raf",),
    }
)
_MAX_INSTALLATION = max(len(t) for t in INSTALLATION_OPENERS)
_INSTALLATION_FIRST_WORDS = frozenset(t[0] for t in INSTALLATION_OPENERS)


def installation_len(words: Sequence[str]) -> int:
    """How many of the lower-case ``words`` open a military installation's name (:data:`INSTALLATION_OPENERS`)."""
    if not words or words[0] not in _INSTALLATION_FIRST_WORDS:  # most runs open no installation
        return 0
    head = tuple(words[:_MAX_INSTALLATION])
    return next((n for n in range(len(head), 0, -1) if head[:n] in INSTALLATION_OPENERS), 0)
