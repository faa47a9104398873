"""Figures out of the workbook: self-contained HTML, and PNG, SVG and PDF through kaleido and Chromium.

**HTML** (:func:`figure_html`, :class:`FigureHtmlExporter`): one file that opens offline from ``file://``.
plotly.js is inlined from the installed plotly package; a map's basemap is inlined too, registered in
``window.PlotlyGeoAssets`` before plotly.js runs (a relative ``topojsonURL`` would fail from ``file://``).
The figure JSON is escaped for a ``<script>`` element (``<``, ``>``, ``&``, U+2028/9 as ``\\u`` escapes)
and carries no ``meta``. A Content-Security-Policy allows only the page's own inline scripts (by sha256
hash) and no network at all, so even text that escaped escaping could neither run nor fetch anything.

**Images** (:class:`ImageRenderer`, :class:`FigureImageExporter`, :func:`export_figure`): kaleido 1.x drives
a headless Chromium. :func:`find_chromium` finds it: ``$WORKBOOK_CHROMIUM``, then ``$BROWSER_PATH``
(kaleido's own variable), then ``chromium``, ``chromium-browser``, ``google-chrome`` or
``google-chrome-stable`` on ``PATH`` (Debian's package installs ``/usr/bin/chromium``). Every render is
offline: plotly.js comes from the plotly package, MathJax is off, and the basemaps come from the packaged
topojson folder (passed per call, so ``plotly.io.defaults`` is left alone). Starting Chromium costs seconds
and a render a fraction of one, so an :class:`ImageRenderer` keeps one Chromium alive for many figures::

    with ImageRenderer() as r:
        for name, fig in figures.items():
            export_figure(fig, f"exports/{name}.png", renderer=r)
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import html
import json
import os
import shutil
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from types import TracebackType
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from workbook.charts import geo_assets_script, required_topojson, topojson_dir
from workbook.errors import ChromiumNotFoundError, ExportDependencyError, ExportError, ImageExportError
from workbook.export.base import Exporter, IfExists
from workbook.export.tables import PAGE_CSS

__all__ = [
    "CHROMIUM_NAMES",
    "IMAGE_FORMATS",
    "FigureHtmlExporter",
    "FigureImageExporter",
    "ImageRenderer",
    "export_figure",
    "figure_html",
    "figure_json",
    "find_chromium",
    "html_page",
    "plotly_js",
    "script_text",
]

IMAGE_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
CHROMIUM_NAMES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_DEFAULT_WIDTH = 1000
_DEFAULT_HEIGHT = 600
_CHROMIUM_HELP = (
    "PNG, SVG and PDF exports drive a Chromium browser through kaleido, and none was found. "
    "On Debian or Ubuntu: `apt-get install chromium` (installs /usr/bin/chromium); elsewhere install Chromium "
    "or Chrome and set WORKBOOK_CHROMIUM=/path/to/the/browser. Or export HTML, which needs no browser."
)
_PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}


def script_text(text: str) -> str:
    """``text`` made safe inside an inline ``<script>`` element (no ``</script`` or ``<!--`` can close it)."""
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def plotly_js() -> str:
    """plotly.js from the installed plotly package (never a CDN), ready to inline."""
    from plotly.offline import get_plotlyjs

    return script_text(get_plotlyjs())


def _json_for_script(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, esc)
    return text


def figure_json(fig: go.Figure | Mapping[str, Any]) -> dict[str, Any]:
    """``fig`` as a JSON-ready ``{"data", "layout"}`` without ``meta`` (Python bookkeeping nothing renders)."""
    try:
        data: dict[str, Any] = json.loads(pio.to_json(fig, validate=False, engine="json"))
    except (TypeError, ValueError) as exc:
        raise ExportError(f"This figure cannot be serialised to JSON ({exc}).") from exc
    layout = data.setdefault("layout", {})
    layout.pop("meta", None)
    for trace in data.setdefault("data", []):
        if isinstance(trace, dict):
            trace.pop("meta", None)
    return {"data": data["data"], "layout": layout}


def figure_script(fig: go.Figure | Mapping[str, Any], div_id: str, config: Mapping[str, Any] | None = None) -> str:
    """The inline JavaScript that draws ``fig`` into the element ``div_id``."""
    payload = figure_json(fig)
    cfg = {**_PLOTLY_CONFIG, **(config or {})}
    return (
        f"Plotly.newPlot({_json_for_script(div_id)},{_json_for_script(payload['data'])},"
        f"{_json_for_script(payload['layout'])},{_json_for_script(cfg)});"
    )


def _csp(scripts: Sequence[str]) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in dict.fromkeys(scripts)
    )
    allowed = hashes or "'none'"
    return (
        f"default-src 'none'; script-src {allowed}; style-src 'unsafe-inline'; "
        "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def html_page(
    title: str, body: str, head_scripts: Sequence[str] = (), body_scripts: Sequence[str] = (), css: str = PAGE_CSS
) -> str:
    """A complete HTML page: ``title`` (escaped here), ``body`` (HTML, escaped by the caller), the inline
    scripts (already made safe with :func:`script_text`) and a CSP that admits exactly those scripts."""
    csp = _csp([*head_scripts, *body_scripts])
    head = "".join(f"<script>{s}</script>" for s in head_scripts)
    tail = "".join(f"<script>{s}</script>" for s in body_scripts)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp, quote=False)}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{css}</style>{head}</head><body>{body}{tail}</body></html>"
    )


def figure_scripts(figs: Sequence[go.Figure | Mapping[str, Any]]) -> list[str]:
    """The head scripts the figures need: the basemaps they use (if any), then plotly.js."""
    names: list[str] = []
    for fig in figs:
        f = fig if isinstance(fig, go.Figure) else go.Figure(fig)
        names += [n for n in required_topojson(f) if n not in names]
    scripts = [script_text(geo_assets_script(names))] if names else []
    return [*scripts, plotly_js()]


def figure_html(fig: go.Figure | Mapping[str, Any], title: str = "Figure", caption: str = "") -> str:
    """One figure as a self-contained HTML page that opens offline (see the module docstring)."""
    exporter = FigureHtmlExporter("unused.html", title=title)
    exporter.write(fig, caption=caption)
    return exporter.render()


class FigureHtmlExporter(Exporter):
    """A self-contained HTML page of one or more figures: ``write(fig, caption=...)``, then ``finalize()``."""

    suffix = ".html"

    def __init__(self, dest: str | Path, *, title: str = "Figure", if_exists: IfExists = "suffix") -> None:
        super().__init__(dest, if_exists=if_exists)
        self.title = title
        self._figures: list[tuple[go.Figure | Mapping[str, Any], str]] = []

    def write(self, item: Any, **options: Any) -> None:
        """Add figure ``item`` (a plotly Figure or dict) with an optional ``caption`` (plain text)."""
        self._check_open()
        if not isinstance(item, go.Figure | Mapping):
            raise ExportError(f"FigureHtmlExporter writes plotly figures, not {type(item).__name__}.")
        unknown = set(options) - {"caption"}
        if unknown:
            raise ExportError(f"FigureHtmlExporter.write takes caption=...; got {sorted(unknown)}.")
        self._figures.append((item, str(options.get("caption") or "")))

    def render(self) -> str:
        """The page as text."""
        if not self._figures:
            raise ExportError("Nothing was written to FigureHtmlExporter.")
        body, scripts = [f"<h1>{html.escape(self.title)}</h1>"], []
        for i, (fig, caption) in enumerate(self._figures, 1):
            div = f"wb-fig-{i}"
            cap = f'<figcaption class="wb-caption">{html.escape(caption)}</figcaption>' if caption else ""
            body.append(f'<figure><div id="{div}" class="wb-figure"></div>{cap}</figure>')
            scripts.append(figure_script(fig, div))
        return html_page(self.title, "".join(body), figure_scripts([f for f, _ in self._figures]), scripts)

    def _write_output(self, tmp: Path) -> None:
        tmp.write_text(self.render(), encoding="utf-8")


def find_chromium(explicit: str | Path | None = None) -> str:
    """The Chromium for kaleido: ``explicit``, ``$WORKBOOK_CHROMIUM``, ``$BROWSER_PATH``, or the first of
    :data:`CHROMIUM_NAMES` on ``PATH``. Raises :class:`ChromiumNotFoundError` saying what to install."""
    for source, value in (
        ("argument", explicit),
        ("WORKBOOK_CHROMIUM", os.environ.get("WORKBOOK_CHROMIUM")),
        ("BROWSER_PATH", os.environ.get("BROWSER_PATH")),
    ):
        if value:
            found = str(value) if Path(value).is_file() else shutil.which(str(value))
            if not found:
                raise ChromiumNotFoundError(f"No browser at {source}={str(value)!r}. {_CHROMIUM_HELP}")
            return found
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumNotFoundError(_CHROMIUM_HELP)


def _kaleido() -> Any:
    try:
        import kaleido
    except ImportError as exc:
        raise ExportDependencyError(
            "PNG, SVG and PDF exports need kaleido 1.x: pip install kaleido; "
            "it drives the system Chromium, see the README."
        ) from exc
    return kaleido


class ImageRenderer:
    """One kept-alive kaleido (and so one Chromium) rendering many figures to PNG, SVG or PDF.

    Use it as a context manager (or call :meth:`close`). kaleido is asyncio-based; the renderer runs its
    own event loop in a worker thread, so it works the same in scripts and in Jupyter (whose loop is
    already running). ``timeout`` bounds each render, in seconds. ``scale`` multiplies PNG pixels.
    """

    def __init__(self, chromium: str | Path | None = None, *, timeout: float = 60.0, scale: float = 2.0) -> None:
        self._kaleido_module = _kaleido()
        self.chromium = find_chromium(chromium)
        self.timeout = timeout
        self.scale = scale
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._k: Any = None
        self._opening: Future[Any] | None = None
        self._topojson = topojson_dir().as_uri() + "/"

    def __enter__(self) -> ImageRenderer:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def running(self) -> bool:
        return self._k is not None

    def _run(self, coro: Any, timeout: float) -> Any:
        if self._loop is None:
            raise ExportError("The ImageRenderer is not running; use it as a context manager or call start().")
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        try:
            return future.result(timeout)
        except FutureTimeout as exc:
            future.cancel()
            raise ImageExportError(f"kaleido did not answer within {timeout:.0f} s.") from exc

    def start(self, wait: bool = True) -> None:
        """Start Chromium (a second or two); does nothing when already started. With ``wait=False`` it starts
        in the background and the first :meth:`render` waits for it (so other work can overlap the start)."""
        if self.running or self._opening is not None:
            if wait:
                self._ready()
            return
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="workbook-kaleido", daemon=True)
        thread.start()
        self._loop, self._thread = loop, thread

        async def open_kaleido() -> Any:
            k = self._kaleido_module.Kaleido(n=1, timeout=self.timeout, mathjax=False, path=self.chromium)
            await k.__aenter__()
            return k

        self._opening = asyncio.run_coroutine_threadsafe(open_kaleido(), loop)
        if wait:
            self._ready()

    def _ready(self) -> None:
        opening, self._opening = self._opening, None
        if opening is None:
            return
        try:
            self._k = opening.result(self.timeout + 30)
        except FutureTimeout as exc:
            opening.cancel()
            self._stop_loop()
            raise ImageExportError(f"kaleido did not start Chromium at {self.chromium} in time.") from exc
        except Exception as exc:
            self._stop_loop()
            raise ImageExportError(f"kaleido could not start Chromium at {self.chromium} ({exc}).") from exc

    def render(
        self,
        fig: go.Figure | Mapping[str, Any],
        fmt: str = "png",
        *,
        width: int | None = None,
        height: int | None = None,
        scale: float | None = None,
    ) -> bytes:
        """``fig`` as ``png``, ``svg`` or ``pdf`` bytes. Size: ``width``/``height`` or the figure's own
        (default 1000 × 600 px)."""
        if fmt not in IMAGE_FORMATS:
            raise ExportError(f"Unknown image format {fmt!r}; use one of {', '.join(IMAGE_FORMATS)}.")
        self._ready()
        if not self.running:
            raise ExportError("The ImageRenderer is not running; use it as a context manager or call start().")
        payload = figure_json(fig)
        layout = payload["layout"]
        opts = {
            "format": fmt,
            "width": int(width or layout.get("width") or _DEFAULT_WIDTH),
            "height": int(height or layout.get("height") or _DEFAULT_HEIGHT),
            "scale": float(scale if scale is not None else (self.scale if fmt == "png" else 1.0)),
        }
        k = self._k
        try:
            data = self._run(k.calc_fig(payload, opts=opts, topojson=self._topojson), self.timeout + 30)
        except ImageExportError:
            raise
        except Exception as exc:
            raise ImageExportError(f"kaleido could not render this figure as {fmt} ({exc}).") from exc
        if not isinstance(data, bytes | bytearray) or not data:
            raise ImageExportError(f"kaleido returned no {fmt} data for this figure.")
        return bytes(data)

    def close(self) -> None:
        """Stop Chromium and the worker thread (safe to call twice)."""
        with contextlib.suppress(ImageExportError):
            self._ready()
        k, self._k = self._k, None
        if k is not None and self._loop is not None:
            with contextlib.suppress(Exception):  # closing a dead browser must not hide the real error
                self._run(k.__aexit__(None, None, None), 30)
        self._stop_loop()

    def _stop_loop(self) -> None:
        loop, thread = self._loop, self._thread
        self._loop = self._thread = None
        if loop is not None:
            loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(10)
        if loop is not None and not loop.is_running():
            loop.close()


class FigureImageExporter(Exporter):
    """One figure as PNG, SVG or PDF. Pass a running :class:`ImageRenderer` to reuse its Chromium;
    without one, a renderer is started and stopped for this figure alone (seconds)."""

    def __init__(
        self,
        dest: str | Path,
        fmt: str | None = None,
        *,
        renderer: ImageRenderer | None = None,
        width: int | None = None,
        height: int | None = None,
        scale: float | None = None,
        if_exists: IfExists = "suffix",
    ) -> None:
        super().__init__(dest, if_exists=if_exists)
        self.fmt = (fmt or self.dest.suffix).lower().lstrip(".")
        if self.fmt not in IMAGE_FORMATS:
            raise ExportError(f"Unknown image format {self.fmt!r}; use one of {', '.join(IMAGE_FORMATS)}.")
        self.suffix = "." + self.fmt
        self.renderer = renderer
        self.width, self.height, self.scale = width, height, scale
        self._figure: go.Figure | Mapping[str, Any] | None = None

    def write(self, item: Any, **options: Any) -> None:
        """Set the figure (an image holds one)."""
        self._check_open()
        if options:
            raise ExportError(f"FigureImageExporter.write takes no options; got {sorted(options)}.")
        if self._figure is not None:
            raise ExportError("An image holds one figure; use one FigureImageExporter per figure.")
        if not isinstance(item, go.Figure | Mapping):
            raise ExportError(f"FigureImageExporter writes plotly figures, not {type(item).__name__}.")
        self._figure = item

    def _write_output(self, tmp: Path) -> None:
        if self._figure is None:
            raise ExportError(f"No figure was written to FigureImageExporter for {self.dest}.")
        if self.renderer is not None:
            data = self.renderer.render(self._figure, self.fmt, width=self.width, height=self.height, scale=self.scale)
        else:
            with ImageRenderer() as renderer:
                data = renderer.render(self._figure, self.fmt, width=self.width, height=self.height, scale=self.scale)
        tmp.write_bytes(data)


def export_figure(
    fig: go.Figure | Mapping[str, Any],
    path: str | Path,
    fmt: str | None = None,
    *,
    title: str = "Figure",
    caption: str = "",
    renderer: ImageRenderer | None = None,
    if_exists: IfExists = "suffix",
    **size: Any,
) -> Path:
    """Write ``fig`` to ``path`` as ``html``, ``png``, ``svg`` or ``pdf`` (default: from the suffix);
    returns the path written (never overwrites, see :mod:`workbook.export.base`). ``width``, ``height``
    and ``scale`` size images; ``title`` and ``caption`` label HTML."""
    p = Path(path)
    key = (fmt or p.suffix).lower().lstrip(".")
    exporter: Exporter
    if key == "html":
        exporter = FigureHtmlExporter(p, title=title, if_exists=if_exists)
        exporter.write(fig, caption=caption)
    elif key in IMAGE_FORMATS:
        exporter = FigureImageExporter(p, key, renderer=renderer, if_exists=if_exists, **size)
        exporter.write(fig)
    else:
        raise ExportError(f"Unknown figure format {key!r}; use html or one of {', '.join(IMAGE_FORMATS)}.")
    return exporter.finalize()
