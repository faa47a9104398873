"""The site-visit case study in one call: KCNA's 2024 accounts of the leader's activities against the
missile launches of nagix/nk-missile-tests.

    >>> from workbook.casestudy.site_visits import find_data_dir, open_kcna_archive, site_visit_study
    >>> data = find_data_dir()                        # ../shared/data beside the checkout
    >>> study = site_visit_study(open_kcna_archive(data, "kcna.workbook"), data)
    >>> study.appearances                             # one row per article: activity, date, places, weapons
    >>> study.sites                                   # visited places, coordinates, nearest launch facility
    >>> visits_before_launches(study.visits, study.launch_events, 7, study.sites)

Everything here only composes the pure functions of :mod:`workbook.casestudy` and :mod:`workbook.tables`;
the rules, the alignment of Korea time and UTC, and the distances are documented there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbook.book import Book
from workbook.casestudy.analysis import launch_events, nearest_facilities, visit_sites, visits
from workbook.casestudy.appearances import AppearanceTables, extract_appearances
from workbook.casestudy.places import site_gazetteer
from workbook.casestudy.views import visits_book
from workbook.errors import DatasetNotFoundError
from workbook.extract.gazetteer import Gazetteer
from workbook.tables.adapters import find_shared_data, load_nagix_facilities_table, load_nagix_launches

__all__ = [
    "ADMIN_DIR",
    "KCNA_ARCHIVE",
    "NAGIX_DIR",
    "SiteVisitStudy",
    "find_data_dir",
    "open_kcna_archive",
    "site_visit_study",
]

KCNA_ARCHIVE = "kcna-archive_stiles/headlines_2024-11-11.json"
NAGIX_DIR = "nk-missile-tests_nagix"
ADMIN_DIR = "nk-admin-divisions_open-admin-data"


@dataclass(frozen=True)
class SiteVisitStudy:
    """The tables of the study. ``appearances``/``places``: every article under the leader's topic;
    ``visits``: one row per story that is an appearance; ``sites``: visited places with the nearest launch
    facility; ``launches``: nagix, one row per missile; ``launch_events``: by Korea-time day and facility;
    ``visits_book``: the visits as a Book for the charts and the report."""

    tables: AppearanceTables
    visits: pd.DataFrame
    sites: pd.DataFrame
    launches: pd.DataFrame
    launch_events: pd.DataFrame
    facilities: pd.DataFrame
    gazetteer: Gazetteer
    visits_book: Book

    @property
    def appearances(self) -> pd.DataFrame:
        return self.tables.appearances

    @property
    def places(self) -> pd.DataFrame:
        return self.tables.places


def find_data_dir(start: str | Path | None = None) -> Path:
    """The shared data folder (see :func:`workbook.tables.adapters.find_shared_data`), checked to hold the
    KCNA archive and the nagix data; :class:`DatasetNotFoundError` says what is missing."""
    root = find_shared_data(start)
    if root is None:
        raise DatasetNotFoundError(
            "The shared data folder (shared/data beside the checkout) was not found; set WORKBOOK_SHARED_DATA."
        )
    missing = [p for p in (KCNA_ARCHIVE, NAGIX_DIR, ADMIN_DIR) if not (root / p).exists()]
    if missing:
        raise DatasetNotFoundError(f"{root} lacks {missing}, which the site-visit study reads.")
    return root


def open_kcna_archive(data_dir: str | Path, workspace: str | Path) -> Book:
    """The KCNA 2024 archive built (or brought up to date) into ``workspace`` with the ``kcna-stiles``
    field mapping and the nagix facilities as an extra gazetteer, opened as a Book."""
    from workbook.build import build
    from workbook.extract.pipeline import DefaultExtractor
    from workbook.ingest import FieldMapping
    from workbook.workspace import read_book

    root = Path(data_dir)
    extractor = DefaultExtractor.from_options([root / NAGIX_DIR / "facility.en.json"])
    build(
        [root / KCNA_ARCHIVE], workspace, extractor=extractor, mapping=FieldMapping.load("kcna-stiles"), progress=False
    )
    return read_book(Path(workspace))


def site_visit_study(book: Book, data_dir: str | Path) -> SiteVisitStudy:
    """Extract the appearances from ``book`` (the KCNA archive) and set them against the nagix launches
    and facilities in ``data_dir``."""
    root = Path(data_dir)
    gaz = site_gazetteer(root / ADMIN_DIR, root / NAGIX_DIR)
    tables = extract_appearances(book, gaz)
    launches = load_nagix_launches(root / NAGIX_DIR)
    facilities = load_nagix_facilities_table(root / NAGIX_DIR)
    sites = nearest_facilities(visit_sites(tables), facilities)
    return SiteVisitStudy(
        tables=tables,
        visits=visits(tables),
        sites=sites,
        launches=launches,
        launch_events=launch_events(launches),
        facilities=facilities,
        gazetteer=gaz,
        visits_book=visits_book(book, tables),
    )
