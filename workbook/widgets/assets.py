"""What the explorer's browser side needs, prepared in Python: plotly.js and the map data, gzip-compressed,
and figures as small JSON payloads. Pure functions, no widgets; importing this module does not import
plotly's figure classes (they are imported when a figure is first turned into JSON).

plotly.js is never fetched from a CDN. Two bundles are used: **the workbook's partial bundle**
(``static/plotly-workbook.min.js``, plotly.js built with only the trace types the charts draw,
:data:`BUNDLE_TRACES`: 1.4 MB instead of 4.8 MB, about 470 KB gzip-compressed; rebuilt from the plotly.js npm
package by ``scripts/plotly_bundle/build.sh``, MIT licence in ``static/plotly.js-LICENSE.txt``), which the
explorer and any figures of those trace types are drawn with, and the **full bundle** of the installed plotly
package (``plotly/package_data/plotly.min.js``) for figures that need another trace type
(:func:`needs_full_plotly`). The page spends most of a first draw evaluating plotly.js, so the smaller bundle
is what makes the explorer draw sooner. A bundle goes to the page once per kernel session, gzip-compressed,
in the :class:`~workbook.widgets.plot_host.PlotlyAsset` widget the plot hosts refer to; the page
decompresses it with the browser's ``DecompressionStream`` and evaluates it once per page (see
``static/plot_host.js``). The map data is the JavaScript of :func:`workbook.charts.geo_assets_script`,
which sets ``window.PlotlyGeoAssets`` before plotly draws a map.

Compressing costs about 0.2 s (gzip level 6; level 9 takes 0.5 s for 8 KB less), so the compressed
scripts are kept on disk, in :func:`asset_cache_dir`, under names that change with their sources (plotly's
version and a hash of the bundle; a hash of the basemaps and of the code that writes their script). A
later process reads them back in a few milliseconds. Files are written atomically; a cache that cannot be
read or written is skipped (the scripts are then compressed in memory).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import json
import os
import sys
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.durable import atomic_write_bytes
from workbook.errors import AssetError

if TYPE_CHECKING:
    import plotly.graph_objects as go

__all__ = [
    "BUNDLE_TRACES",
    "CACHE_ENV",
    "CACHE_MAX_AGE_S",
    "GZIP_LEVEL",
    "AssetError",
    "ScriptAsset",
    "asset_cache_dir",
    "cached_script",
    "figure_payload",
    "geo_asset",
    "is_figure",
    "needs_full_plotly",
    "plotly_asset",
    "plotly_bundle_path",
    "plotly_js_path",
    "plotly_js_version",
]

#: gzip level of the scripts sent to the page: level 6 compresses plotly.js in 0.15 s to 1,472 KB, level 9
#: in 0.24-0.37 s to 1,469 KB (and the basemaps in 0.03 s vs 0.28 s, 130 KB vs 125 KB).
GZIP_LEVEL = 6
#: Environment variable naming the folder for cached assets ("" or "off": no disk cache).
CACHE_ENV = "WORKBOOK_CACHE_DIR"
#: Cached scripts of an older version (another plotly, other basemaps) unused this long are removed.
CACHE_MAX_AGE_S = 30 * 24 * 3600
#: The trace types of the workbook's partial plotly.js bundle (``static/plotly-workbook.min.js``; its recipe,
#: ``scripts/plotly_bundle/entry.js``, registers the same): the trace types the charts draw
#: (``workbook.charts.common.TRACE_TYPES``, which a test keeps within these).
BUNDLE_TRACES: frozenset[str] = frozenset({"scatter", "bar", "scattergeo"})


@dataclass(frozen=True)
class ScriptAsset:
    """A classic (non-module) script to evaluate once per page: ``key`` names it (the page keeps one copy per
    key), ``gz`` is its gzip-compressed UTF-8 source and ``n_bytes`` the uncompressed size."""

    key: str
    gz: bytes
    n_bytes: int

    def source(self) -> str:
        """The uncompressed source."""
        return gzip.decompress(self.gz).decode("utf-8")


def plotly_js_path() -> Path:
    """The plotly.js bundle shipped inside the installed plotly package."""
    spec = find_spec("plotly")
    origin = spec.origin if spec is not None else None
    if origin is None:
        raise AssetError("plotly is not installed: pip install 'workbook[explore]'.")
    path = Path(origin).resolve().parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise AssetError(f"plotly.js is not at {path}: reinstall plotly (pip install 'workbook[explore]').")
    return path


def plotly_bundle_path() -> Path:
    """The workbook's partial plotly.js bundle (package data; :data:`BUNDLE_TRACES` only)."""
    path = Path(__file__).resolve().parent / "static" / "plotly-workbook.min.js"
    if not path.is_file():
        raise AssetError(f"the partial plotly.js bundle is not at {path}: reinstall workbook.")
    return path


def asset_cache_dir() -> Path | None:
    """Where compressed scripts are kept: ``$WORKBOOK_CACHE_DIR`` when set ("" or "off" for nowhere), else
    the user's cache folder (``$XDG_CACHE_HOME/workbook/assets``, ``~/.cache/workbook/assets``;
    ``%LOCALAPPDATA%\\workbook\\cache\\assets`` on Windows; ``~/Library/Caches/workbook/assets`` on macOS)."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return None if env.strip().lower() in ("", "off") else Path(env).expanduser() / "assets"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "workbook" / "cache" / "assets"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "workbook" / "assets"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "workbook" / "assets"


def _compress(key: str, data: bytes) -> ScriptAsset:
    return ScriptAsset(key=key, gz=gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0), n_bytes=len(data))


def cached_script(key: str, name: str, make: Callable[[], bytes], folder: Path | None) -> ScriptAsset:
    """The script ``key``, compressed: read from ``folder/name`` when a complete copy is there (its gzip
    checksum is verified), else ``make()``, compressed and written there atomically. ``name`` must change
    whenever the script does (put a hash of its sources in it); its part before the first ``-`` names the
    kind of script, whose copies unused for :data:`CACHE_MAX_AGE_S` are removed when a new one is written.
    ``folder`` None: no disk cache."""
    path = folder / name if folder is not None else None
    if path is not None:
        try:
            gz = path.read_bytes()
            asset = ScriptAsset(key=key, gz=gz, n_bytes=len(gzip.decompress(gz)))
        except (OSError, EOFError, zlib.error):  # absent, unreadable, truncated or corrupt: make it again
            pass
        else:
            with contextlib.suppress(OSError):
                os.utime(path)  # in use: not pruned
            return asset
    asset = _compress(key, make())
    if path is not None:
        with contextlib.suppress(OSError):  # a read-only or full disk only costs the compression next time
            atomic_write_bytes(path, asset.gz)
            _prune(path)
    return asset


def _prune(path: Path) -> None:
    """Remove the copies of other versions of ``path``'s kind of script unused for :data:`CACHE_MAX_AGE_S`."""
    kind = path.name.split("-", 1)[0]
    now = time.time()
    for other in path.parent.glob(f"{kind}-*.js.gz"):
        with contextlib.suppress(OSError):
            if other != path and now - other.stat().st_mtime > CACHE_MAX_AGE_S:
                other.unlink()


@functools.cache
def plotly_asset(full: bool = False) -> ScriptAsset:
    """plotly.js, compressed (cached on disk, and in this process: the result is immutable): the workbook's
    partial bundle (key ``plotly.js-workbook@<version>``), or with ``full`` the installed plotly package's
    whole bundle (key ``plotly.js@<version>``). The page keeps one copy of each key it was sent."""
    data = (plotly_js_path() if full else plotly_bundle_path()).read_bytes()
    version = plotly_js_version(data)
    digest = hashlib.sha256(data).hexdigest()[:16]
    key, kind = (f"plotly.js@{version}", "plotly") if full else (f"plotly.js-workbook@{version}", "plotlywb")
    return cached_script(key, f"{kind}-{version}-{digest}.js.gz", lambda: data, asset_cache_dir())


def needs_full_plotly(payload: Mapping[str, Any]) -> bool:
    """Whether the figure JSON ``payload`` needs plotly.js's full bundle: a trace type outside
    :data:`BUNDLE_TRACES` (a trace without ``type`` is a scatter), or a non-Gregorian calendar (the partial
    bundle has no world calendars) on a trace or an axis."""
    for trace in payload.get("data") or ():
        if isinstance(trace, Mapping) and (
            trace.get("type", "scatter") not in BUNDLE_TRACES or any(str(k).endswith("calendar") for k in trace)
        ):
            return True
    layout = payload.get("layout")
    if isinstance(layout, Mapping):
        return "calendar" in layout or any(isinstance(v, Mapping) and "calendar" in v for v in layout.values())
    return False


def plotly_js_version(data: bytes) -> str:
    """The version in the bundle's banner (``* plotly.js v4.1.1``), or a hash of the bundle when absent."""
    head = data[:400].decode("utf-8", "replace")
    marker = "plotly.js v"
    if marker in head:
        return head.split(marker, 1)[1].split()[0]
    return hashlib.sha256(data).hexdigest()[:12]


def _geo_sources_digest() -> str | None:
    """A hash of what ``charts.geo_assets_script()`` is made from (the packaged basemaps and the module that
    writes them into a script), found without importing the chart layer; None when they cannot be found."""
    spec = find_spec("workbook")
    if spec is None or spec.origin is None:
        return None
    root = Path(spec.origin).resolve().parent
    sources = [root / "charts" / "geo.py", *sorted((root / "data" / "topojson").glob("*.json"))]
    if len(sources) < 2 or not all(p.is_file() for p in sources):
        return None
    h = hashlib.sha256()
    try:
        for p in sources:
            h.update(p.name.encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    except OSError:
        return None
    return h.hexdigest()[:16]


class _NoGeoScript(AssetError):
    """The chart layer has no map data script."""


def _geo_script() -> bytes:
    try:
        charts = import_module("workbook.charts")
    except ImportError as exc:
        raise _NoGeoScript from exc
    make = getattr(charts, "geo_assets_script", None)
    if make is None:
        raise _NoGeoScript
    return str(make()).encode("utf-8")


@functools.cache
def geo_asset() -> ScriptAsset | None:
    """The map data script from the chart layer (``charts.geo_assets_script()``), compressed (cached on disk
    and in this process), or None when the chart layer has none."""
    digest = _geo_sources_digest()
    try:
        if digest is None:
            data = _geo_script()
            return _compress("geo@" + hashlib.sha256(data).hexdigest()[:12], data)
        return cached_script(f"geo@{digest[:12]}", f"geo-{digest}.js.gz", _geo_script, asset_cache_dir())
    except _NoGeoScript:
        return None


def _template_key(template: Mapping[str, Any], templates: dict[str, Any]) -> str:
    for key, known in templates.items():
        if known == template:
            return key
    text = json.dumps(template, sort_keys=True, separators=(",", ":"))
    key = "template:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    templates[key] = template
    return key


def is_figure(fig: Any) -> bool:
    """Whether ``fig`` is a plotly Figure (without importing plotly when it cannot be one)."""
    if "plotly.graph_objects" not in sys.modules and "plotly.basedatatypes" not in sys.modules:
        return False
    from plotly.basedatatypes import BaseFigure

    return isinstance(fig, BaseFigure)


def figure_payload(fig: go.Figure | Mapping[str, Any], templates: dict[str, Any]) -> dict[str, Any]:
    """``fig`` as a JSON-ready ``{"data", "layout"}`` dict for the page.

    Numeric arrays travel as plotly's base64 typed arrays. The layout's template (7 KB for
    ``plotly_white``) is replaced by a key into ``templates`` (updated in place), so that a template is sent
    once rather than with every figure. ``meta`` (of the layout and of each trace) stays in Python: it is
    bookkeeping for Python (counts, names, notes), which no chart renders, so the page is not sent it.
    """
    import plotly.io as pio  # plotly's encoder: numpy arrays, dates and typed arrays in figure dicts too

    payload: dict[str, Any] = json.loads(pio.to_json(fig if is_figure(fig) else dict(fig), validate=False))
    layout = payload.setdefault("layout", {})
    layout.pop("meta", None)
    for trace in payload.setdefault("data", []):
        if isinstance(trace, dict):
            trace.pop("meta", None)
    template = layout.get("template")
    if isinstance(template, dict):
        layout["template"] = _template_key(template, templates)
    return payload
