"""Build ``benchmarks/data/faker_names.tsv.gz``: given names and surnames of many countries, for the
entity model's name lexicon (see :func:`benchmarks.train_entities.name_lexicon`).

The words come from the person providers of Faker (MIT licence, Copyright (c) 2012 Daniele Faraglia),
which list common given names and surnames per locale (Italian, French, Japanese romanised, Spanish,
Dutch, Turkish, Indonesian, Vietnamese, ...). Only words written in Latin letters are kept, folded
to lower case; prefixes, suffixes and name formats are skipped. The file is made once and committed
(the training script does not need Faker)::

    pip install --target /tmp/faker faker==40.54.0
    PYTHONPATH=/tmp/faker python -m benchmarks.faker_names
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import re
from collections.abc import Iterable
from pathlib import Path

__all__ = ["OUT", "collect", "main"]

OUT = Path(__file__).resolve().parent / "data" / "faker_names.tsv.gz"
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’-]+$")
_HEADER = """# Given names and surnames of many locales, from the person providers of Faker {version}
# (MIT licence, Copyright (c) 2012 Daniele Faraglia); Latin-script words only, lower case.
# word<TAB>kind: g = given name, s = surname, gs = both (in some locale)
"""


def _words(values: Iterable[object]) -> Iterable[str]:
    for v in values:
        for w in str(v).split():
            if len(w) > 1 and w[0].isupper() and _LATIN.match(w):
                yield w.casefold()


def collect() -> dict[str, str]:
    """word → "g", "s" or "gs" from every locale of Faker's person provider."""
    import faker.providers.person as person  # type: ignore[import-not-found]

    given: set[str] = set()
    surnames: set[str] = set()
    for m in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{m.name}").Provider
        for attr in dir(provider):
            value = getattr(provider, attr)
            a = attr.lower()
            if a.startswith("_") or not isinstance(value, tuple | list | dict):
                continue
            if "prefix" in a or "suffix" in a or "format" in a:
                continue
            if "first_name" in a or a.startswith("first_romanized"):
                given.update(_words(value))
            elif "last_name" in a or a.startswith("last_romanized"):
                surnames.update(_words(value))
    return {w: ("g" if w in given else "") + ("s" if w in surnames else "") for w in sorted(given | surnames)}


def main() -> int:
    import faker  # type: ignore[import-not-found]

    words = collect()
    body = "".join(f"{w}\t{k}\n" for w, k in words.items())
    OUT.write_bytes(gzip.compress((_HEADER.format(version=faker.VERSION) + body).encode("utf-8"), mtime=0))
    print(f"wrote {OUT} ({len(words)} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
