"""Case studies built on the workbook.

:mod:`workbook.casestudy.site_visits` sets KCNA's accounts of the leader's site visits (2024) against the
missile launches of nagix/nk-missile-tests: :mod:`~workbook.casestudy.rules` (activity, date, weapons),
:mod:`~workbook.casestudy.places` (gazetteers, resolution), :mod:`~workbook.casestudy.appearances`
(one appearance per article), :mod:`~workbook.casestudy.analysis` (Korea time vs UTC, nearest facility,
visits before launches), :mod:`~workbook.casestudy.views` (Book, charts, widget) and
:mod:`~workbook.casestudy.evaluation` (precision and recall against a hand-made expectation set).
"""

from __future__ import annotations

__all__: list[str] = []
