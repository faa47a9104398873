"""Synthetic news articles for benchmarks and tests: seeded, realistic in shape, no real events.

Each article reads like wire copy about the Korean peninsula: people with honorifics and titles
("Mr Ri", "Foreign Minister Choe Son Hui", "Dr. Emily Walsh"), organisations ("Korean Central News
Agency", "the Ministry of Unification"), places from the built-in gazetteer ("Pyongyang", "Sinpo"),
weapon systems ("Hwasong-18"), absolute and relative dates ("on March 3, 2021", "last June",
"on Thursday"), direct and reported quotes ("... ," said Mr Ri; "officials told reporters that ..."),
and hedged statements ("the missile may have ...", "analysts believe ...").

Article ``i`` of seed ``s`` depends on nothing else (its random generator is seeded with ``(s, i)``):
the first 1,000 articles of a 100,000-article corpus are the 1,000-article corpus, and any slice can
be generated on its own. ::

    from workbook.synth import articles, write_jsonl
    docs = list(articles(20, seed=1))          # SynthArticle values
    write_jsonl("corpus/synth-1k.jsonl", 1000)  # a JSONL collection the build reads as it is

From the shell: ``python -m workbook.synth 1000 corpus/synth-1k.jsonl [--seed 0] [--format txt]``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from workbook.extract.date_words import MONTH_NAMES

__all__ = ["SynthArticle", "article", "articles", "main", "write_jsonl", "write_text_folder"]

_FIRST_DAY = date(2010, 1, 1)
_N_DAYS = (date(2024, 12, 31) - _FIRST_DAY).days
_MONTHS = tuple(m.capitalize() for m in MONTH_NAMES)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# (given/full name, short form used after first mention, honorific or title for first mention)
_KOREAN_PEOPLE: tuple[tuple[str, str, str], ...] = (
    ("Kim Jong Un", "Kim", "leader"),
    ("Kim Yo Jong", "Kim", "Vice Department Director"),
    ("Choe Son Hui", "Choe", "Foreign Minister"),
    ("Ri Pyong Chol", "Ri", "Marshal"),
    ("Pak Jong Chon", "Pak", "Secretary"),
    ("Jo Yong Won", "Jo", "Secretary"),
    ("Kang Sun Nam", "Kang", "Defence Minister"),
    ("Ri Son Gwon", "Ri", "Minister"),
    ("Kim Tok Hun", "Kim", "Premier"),
    ("Pak Thae Song", "Pak", "Premier"),
    ("Yoon Suk Yeol", "Yoon", "President"),
    ("Moon Jae-in", "Moon", "President"),
    ("Chung Eui-yong", "Chung", "Foreign Minister"),
    ("Park Jie-won", "Park", "Director"),
    ("Han Duck-soo", "Han", "Prime Minister"),
)
_WESTERN_PEOPLE: tuple[tuple[str, str, str], ...] = (
    ("Jeffrey Lewis", "Lewis", "Mr"),
    ("Emily Walsh", "Walsh", "Dr."),
    ("David Schmerler", "Schmerler", "Mr"),
    ("Sarah Kendall", "Kendall", "Ms"),
    ("Robert Hale", "Hale", "Gen."),
    ("Laura Bennett", "Bennett", "Prof."),
    ("Michael Grant", "Grant", "Ambassador"),
    ("Anna Fischer", "Fischer", "Ms"),
    ("Thomas Reid", "Reid", "Admiral"),
    ("Kevin Doyle", "Doyle", "Senator"),
    ("Joseph Carter", "Carter", "Secretary of State"),
    ("Rachel Moore", "Moore", "Dr."),
    ("Daniel Price", "Price", "Mr"),
    ("Helen Novak", "Novak", "Ms"),
    ("Antony Blinken", "Blinken", "Secretary of State"),
)
_KOREAN_SURNAMES = ("Kim", "Ri", "Pak", "Choe", "Jang", "Kang", "Han", "Jo", "Ryu", "Hong", "Yun", "Jon", "Ko", "Sin")
_KOREAN_SYLLABLES = (
    "Jong",
    "Chol",
    "Il",
    "Song",
    "Hui",
    "Nam",
    "Gwang",
    "Myong",
    "Hyok",
    "Su",
    "Yong",
    "Ho",
    "Sun",
    "Ok",
    "Guk",
    "Chan",
    "Hak",
    "Thae",
)
_GIVEN = (
    "James",
    "Mary",
    "John",
    "Patricia",
    "Peter",
    "Linda",
    "Mark",
    "Susan",
    "Paul",
    "Karen",
    "Andrew",
    "Nancy",
    "Steven",
    "Lisa",
    "George",
    "Helen",
    "Scott",
    "Laura",
    "Eric",
    "Anna",
)
_SURNAMES = (
    "Walker",
    "Hughes",
    "Foster",
    "Brooks",
    "Sanders",
    "Bryant",
    "Russell",
    "Griffin",
    "Hayes",
    "Myers",
    "Ford",
    "Hamilton",
    "Graham",
    "Sullivan",
    "Wallace",
    "Woods",
    "Cole",
    "West",
    "Jordan",
    "Owens",
    "Reynolds",
    "Fisher",
    "Ellis",
    "Harrison",
    "Gibson",
    "Mcdonald",
    "Cruz",
    "Marshall",
    "Ortiz",
    "Gomez",
)
_KOREAN_TITLES = ("Vice Minister", "Director", "Ambassador", "Colonel", "General", "Premier", "Chairman")
_WESTERN_TITLES = ("Mr", "Ms", "Dr.", "Prof.", "Gen.", "Senator", "Ambassador")
_ROLES = (
    "a senior researcher at the Middlebury Institute of International Studies",
    "an analyst at the Center for Strategic and International Studies",
    "a former intelligence officer",
    "a professor at Seoul National University",
    "a spokesperson for the Ministry of Unification",
    "a nuclear expert at the Stimson Center",
    "the head of the Korea Risk Group",
    "a researcher at the Asan Institute for Policy Studies",
)
_ORGS = (
    "the Korean Central News Agency",
    "the Ministry of Unification",
    "the Joint Chiefs of Staff",
    "the Korean People's Army",
    "the Workers' Party of Korea",
    "the United Nations Security Council",
    "the Ministry of Foreign Affairs",
    "the International Atomic Energy Agency",
    "the State Department",
    "the National Intelligence Service",
    "the Missile General Bureau",
    "the Central Military Commission",
    "the Academy of Defence Science",
    "United States Forces Korea",
)
_OUTLETS = (
    "Yonhap",
    "Reuters",
    "Associated Press",
    "KCNA Watch",
    "The Korea Herald",
    "NK News",
    "Daily NK",
    "The Straits Times",
    "Nikkei Asia",
    "Agence France-Presse",
)
_SECTIONS = ("Politics", "Defence", "Diplomacy", "Economy", "Society", "Analysis")
_PLACES = (
    "Pyongyang",
    "Seoul",
    "Sinpo",
    "Wonsan",
    "Kaesong",
    "Hamhung",
    "Chongjin",
    "Nampo",
    "Sohae",
    "Yongbyon",
    "Punggye-ri",
    "Tokyo",
    "Beijing",
    "Washington",
    "Moscow",
    "Vladivostok",
    "Busan",
    "Incheon",
    "Panmunjom",
    "Singapore",
    "Hanoi",
    "Geneva",
    "Sinuiju",
    "Kusong",
    "Hyesan",
)
_FACILITIES = (
    "Sinpo South Shipyard",
    "Sohae Satellite Launching Station",
    "Yongbyon Nuclear Scientific Research Center",
    "Kangson enrichment complex",
    "Sunan International Airport",
    "Chollima Steel Complex",
    "Nampo port",
    "Tongchang-ri launch site",
    "Kim Chaek Iron and Steel Complex",
)
_WEAPONS = (
    "Hwasong-15",
    "Hwasong-17",
    "Hwasong-18",
    "Hwasong-19",
    "KN-23",
    "KN-25",
    "Pukguksong-3",
    "Chollima-1",
    "Haeil-2",
    "Hwasal-2",
)
_ACTIVITIES = ("inspected", "visited", "toured", "gave field guidance at", "oversaw a drill near")
_EVENTS = (
    "a test launch of the {w}",
    "a meeting of the Central Military Commission",
    "talks with a delegation from {o}",
    "a ceremony marking the launch of a new destroyer",
    "a drill simulating a nuclear counterattack",
    "a visit to the construction site of a new hospital",
    "a firing of several cruise missiles",
    "a plenary meeting of the party central committee",
)
_CLAIMS = (
    "the launch was a routine test of the country's deterrent",
    "the sanctions have failed to slow the weapons programme",
    "the drills are a rehearsal for an invasion",
    "talks remain possible if the exercises stop",
    "the new engine uses solid fuel",
    "the factory has doubled its output since {y}",
    "the satellite reached orbit",
    "food shortages have eased after the harvest",
    "the border will reopen to trade",
    "the warhead survived re-entry",
    "the shipyard is building a second submarine",
    "the delegation discussed economic cooperation",
)
_HEDGED = (
    "The missile may have flown on a lofted trajectory, reaching an altitude of about {n},000 kilometres.",
    "Analysts believe the {w} is likely to be deployed within {k} years.",
    "The new launcher could possibly carry several warheads, according to imagery reviewed by {o}.",
    "It is unclear whether the test succeeded, and the engine probably failed shortly after ignition.",
    "Officials suspect that the facility near {p} has been expanded since {y}.",
    "The satellite is unlikely to have reached a stable orbit, experts said.",
    "Satellite images suggest the reactor at {p} has almost certainly resumed operation.",
    "The shipment was reportedly seized in {p} {rel}.",
)
_FILLER = (
    "The report gave no further details.",
    "Tensions on the peninsula have risen over the past year.",
    "The country has conducted six nuclear tests since 2006.",
    "Neither side commented on the talks.",
    "State television showed crowds gathering in the capital.",
    "The statement was carried by state media and repeated on the radio.",
    "Markets in the region were little changed after the announcement.",
    "The two sides last met in 2019 without reaching an agreement.",
    "The claim could not be independently verified.",
    "Several foreign diplomats attended the event.",
)


@dataclass(frozen=True)
class SynthArticle:
    """One synthetic article with the metadata a news collection carries."""

    id: str
    title: str
    publisher: str
    published: date
    section: str
    url: str
    text: str

    def record(self) -> dict[str, str]:
        """The article as a JSON-ready record (``published`` as an ISO date)."""
        out = asdict(self)
        out["published"] = self.published.isoformat()
        return out


class _Writer:
    """The state of one article being written: its generator, date and who has been named."""

    def __init__(self, rng: random.Random, published: date) -> None:
        self.rng = rng
        self.published = published
        self.named: set[str] = set()

    def pick(self, options: Sequence[str]) -> str:
        return options[self.rng.randrange(len(options))]

    def person(self, pool: Sequence[tuple[str, str, str]]) -> str:
        """A person from ``pool`` (two times in three) or a generated one of the same kind: the first time
        with a title or honorific and the full name, later often by the short form."""
        if self.rng.random() < 0.34:
            if pool[0] in _KOREAN_PEOPLE:
                surname = self.pick(_KOREAN_SURNAMES)
                full = f"{surname} {self.pick(_KOREAN_SYLLABLES)} {self.pick(_KOREAN_SYLLABLES).lower()}".title()
                full, short, title = full, surname, self.pick(_KOREAN_TITLES)
            else:
                surname = self.pick(_SURNAMES)
                full, short, title = f"{self.pick(_GIVEN)} {surname}", surname, self.pick(_WESTERN_TITLES)
        else:
            full, short, title = pool[self.rng.randrange(len(pool))]
        if full in self.named:
            return f"{title} {short}" if title in ("Mr", "Ms", "Dr.", "Prof.", "Gen.") else full
        self.named.add(full)
        return f"{title} {full}"

    def absolute_date(self) -> str:
        d = self.published - timedelta(days=self.rng.randrange(30, 3000))
        form = self.rng.randrange(4)
        if form == 0:
            return f"on {_MONTHS[d.month - 1]} {d.day}, {d.year}"
        if form == 1:
            return f"in {_MONTHS[d.month - 1]} {d.year}"
        if form == 2:
            return f"on {d.day} {_MONTHS[d.month - 1]} {d.year}"
        return f"in {d.year}"

    def relative_date(self) -> str:
        options = (
            "on " + self.pick(_WEEKDAYS),
            "last week",
            "last month",
            "yesterday",
            "earlier this year",
            "last " + self.pick(_MONTHS),
            "last year",
            "this week",
        )
        return self.pick(options)

    def fill(self, template: str) -> str:
        year = self.published.year - 1 - self.rng.randrange(6)
        return template.format(
            w=self.pick(_WEAPONS),
            o=self.pick(_ORGS),
            p=self.pick(_PLACES),
            y=year,
            n=self.rng.randrange(2, 7),
            k=self.rng.randrange(2, 6),
            rel=self.relative_date(),
        )

    def lead(self) -> str:
        who = self.person(_KOREAN_PEOPLE[:10])
        what = self.fill(self.pick(_EVENTS))
        where = self.pick(_FACILITIES) if self.rng.random() < 0.5 else self.pick(_PLACES)
        if self.rng.random() < 0.5:
            return f"{who} {self.pick(_ACTIVITIES)} the {where} {self.relative_date()}, {self.pick(_ORGS)} reported."
        return f"{who} attended {what} in {self.pick(_PLACES)} {self.relative_date()}, state media said."

    def direct_quote(self) -> str:
        claim = self.fill(self.pick(_CLAIMS))
        quote = claim[0].upper() + claim[1:]
        who = self.person(_WESTERN_PEOPLE if self.rng.random() < 0.6 else _KOREAN_PEOPLE)
        form = self.rng.randrange(3)
        if form == 0:
            return f'"{quote}," said {who}, {self.pick(_ROLES)}.'
        if form == 1:
            return f'{who} said: "{quote}."'
        return f'"{quote}," {who} told reporters in {self.pick(_PLACES)} {self.relative_date()}.'

    def reported(self) -> str:
        claim = self.fill(self.pick(_CLAIMS))
        form = self.rng.randrange(4)
        if form == 0:
            return f"{self.person(_KOREAN_PEOPLE)} said that {claim}."
        if form == 1:
            return f"According to {self.pick(_ORGS)}, {claim}."
        if form == 2:
            return f"Officials told reporters {self.relative_date()} that {claim}."
        return f"{self.person(_WESTERN_PEOPLE)} warned that {claim}, citing {self.pick(_OUTLETS)}."

    def background(self) -> str:
        a, b = self.person(_KOREAN_PEOPLE), self.person(_WESTERN_PEOPLE)
        form = self.rng.randrange(3)
        if form == 0:
            return f"{a} met {b} in {self.pick(_PLACES)} {self.absolute_date()}."
        if form == 1:
            return (
                f"The {self.pick(_WEAPONS)} was first shown at a parade in Pyongyang {self.absolute_date()}, "
                f"and {self.pick(_ORGS)} confirmed a launch {self.absolute_date()}."
            )
        return f"Talks between {a} and {b} collapsed {self.absolute_date()} over the pace of sanctions relief."

    def sentence(self) -> str:
        r = self.rng.random()
        if r < 0.2:
            return self.direct_quote()
        if r < 0.4:
            return self.reported()
        if r < 0.55:
            return self.fill(self.pick(_HEDGED))
        if r < 0.75:
            return self.background()
        return self.pick(_FILLER)


def article(i: int, seed: int = 0) -> SynthArticle:
    """Article number ``i`` of the corpus of ``seed`` (the same on every machine and every run)."""
    rng = random.Random(f"workbook-synth:{seed}:{i}")  # noqa: S311 - reproducible text, not secrets
    published = _FIRST_DAY + timedelta(days=rng.randrange(_N_DAYS))
    w = _Writer(rng, published)
    paragraphs = [w.lead()]
    for _ in range(rng.randrange(5, 11)):
        paragraphs.append(" ".join(w.sentence() for _ in range(rng.randrange(1, 5))))
    subject = w.pick(_WEAPONS) if rng.random() < 0.4 else w.pick(_PLACES)
    title = f"{w.pick(('Report', 'Analysis', 'Update', 'Briefing'))}: {subject} {w.pick(('draws scrutiny', 'in focus', 'after talks', 'and the sanctions debate'))}"  # noqa: E501
    publisher = w.pick(_OUTLETS)
    doc = f"synth-{seed}-{i:07d}"
    url = f"https://news.example.org/{published.year}/{published.month:02d}/{doc}"
    return SynthArticle(doc, title, publisher, published, w.pick(_SECTIONS), url, "\n\n".join(paragraphs))


def articles(n: int, seed: int = 0, start: int = 0) -> Iterator[SynthArticle]:
    """Articles ``start`` .. ``start + n - 1`` of the corpus of ``seed``."""
    for i in range(start, start + n):
        yield article(i, seed)


def write_jsonl(path: str | Path, n: int, seed: int = 0, start: int = 0) -> Path:
    """Write articles ``start`` .. ``start + n - 1`` as a JSONL collection (one record per line, fields as
    :meth:`SynthArticle.record`); the build detects its field mapping. Returns the path. (The build reads
    files of up to 100 MB: about 50,000 articles; write larger corpora as several files.)"""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for a in articles(n, seed, start):
            fh.write(json.dumps(a.record(), ensure_ascii=False) + "\n")
    return out


def write_text_folder(folder: str | Path, n: int, seed: int = 0) -> Path:
    """Write ``n`` articles as ``.txt`` files, each with a ``.meta.json`` sidecar (title, publisher,
    published, section, url): one file per document, as a folder of downloaded reports. Returns the folder."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    for a in articles(n, seed):
        (root / f"{a.id}.txt").write_text(a.text + "\n", encoding="utf-8")
        meta = {k: v for k, v in a.record().items() if k not in ("id", "text")}
        (root / f"{a.id}.txt.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return root


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m workbook.synth N OUT [--seed S] [--format jsonl|txt]``."""
    ap = argparse.ArgumentParser(prog="python -m workbook.synth", description="Write a synthetic news corpus.")
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", help="a .jsonl file (--format jsonl) or a folder (--format txt)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--format", choices=("jsonl", "txt"), default="jsonl")
    args = ap.parse_args(argv)
    where = (
        write_jsonl(args.out, args.n, args.seed)
        if args.format == "jsonl"
        else write_text_folder(args.out, args.n, args.seed)
    )
    print(f"wrote {args.n} articles (seed {args.seed}) to {where}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
