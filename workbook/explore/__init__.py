"""What the explorer decides, as pure functions over a Book and a FilterSpec (no widgets here).

- :mod:`workbook.explore.state`: a widget event in, a new FilterSpec (or options, labels) out; the views
  and their figures (:func:`~workbook.explore.state.build_view`, read from :mod:`workbook.charts.catalog`).
- :mod:`workbook.explore.log`: the filter log (:class:`~workbook.explore.log.FilterLog`).
- :mod:`workbook.explore.table`: the explorer's table (sorting, paging, selecting).
- :mod:`workbook.explore.actions`: the export bar, the launch layer and the annotation panel.
- :mod:`workbook.explore.views`: the Book the views are drawn from (only the columns they read).

The widgets in :mod:`workbook.widgets` (the only place that imports ipywidgets and anywidget) turn events
into calls of these functions and redraw. Every public name of the five modules is also reachable here,
e.g. ``from workbook.explore import FilterLog``; the modules are imported on first use, so that
``import workbook`` stays light.

``wb.explore`` is the function that opens the explorer (:func:`workbook.widgets.explore`), not this
package: import from the package with ``from workbook.explore import ...`` or
``from workbook.explore.state import ...``.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

#: The modules of the package, searched in this order for a public name.
MODULES: tuple[str, ...] = ("state", "log", "table", "actions", "views")

__all__ = ["MODULES"]


def _modules() -> dict[str, ModuleType]:
    import workbook.explore.actions
    import workbook.explore.log
    import workbook.explore.state
    import workbook.explore.table
    import workbook.explore.views  # noqa: F401  (the five are imported for sys.modules)

    return {m: sys.modules[f"{__name__}.{m}"] for m in MODULES}


def __getattr__(name: str) -> Any:
    modules = _modules()
    if name in modules:
        return modules[name]
    for module in modules.values():
        if name in getattr(module, "__all__", ()):
            return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
