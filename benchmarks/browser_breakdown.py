"""Where the wall time of an explorer action goes, part by part (``bench_explorer_browser.py --breakdown``).

An action (a click in the entity list, a chart bar, a date, Reset) is measured from three records, all on
this machine's clock (epoch milliseconds):

* the page's, when the action happened and when the status line changed (the benchmark's watcher), and the
  plot host's debug trace (``window.__workbookTrace``, see ``workbook/widgets/static/plot_host.js``): when
  the figures message arrived, and for each view redrawn the copy of its figure and its ``Plotly.react``;
* the kernel's: each refresh's start and the seconds of its parts (``Explorer.timings_log``: filter, views,
  table, panel, status);
* Chromium's own trace of the page's main thread over the action (CDP tracing, ``devtools.timeline``): the
  time spent running scripts, in style and layout, painting, collecting garbage, and idle.

:func:`breakdown` lines these up per action; :func:`main_thread` reads Chromium's trace.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["BREAKDOWN_PARTS", "TRACE_CATEGORIES", "breakdown", "main_thread"]

#: Chromium trace categories recorded over each action.
TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink.user_timing"]

#: Main-thread trace event names by part (self time: a layout forced inside a script counts as layout).
_SCRIPT = {
    "FunctionCall",
    "EvaluateScript",
    "v8.compile",
    "v8.compileModule",
    "EventDispatch",
    "TimerFire",
    "FireAnimationFrame",
    "RunMicrotasks",
    "V8.Execute",
    "XHRReadyStateChange",
    "XHRLoad",
    "ParseHTML",
    "v8.run",
    "HandlePostMessage",
}
_LAYOUT = {
    "UpdateLayoutTree",
    "Layout",
    "RecalculateStyles",
    "ScheduleStyleRecalculation",
    "IntersectionObserverController::computeIntersections",
    "UpdateLayerTree",
}
_PAINT = {"Paint", "PrePaint", "Layerize", "Commit", "CompositeLayers", "PaintImage", "Decode Image", "RasterTask"}
_GC = {"MajorGC", "MinorGC", "V8.GCScavenger", "V8.GCFinalizeMC", "BlinkGC.AtomicPhase", "V8.GC_MC_BACKGROUND_MARKING"}

#: The parts of an action's wall time printed by the benchmark, in order.
BREAKDOWN_PARTS = (
    "to_kernel",
    "kernel_filter",
    "kernel_views",
    "kernel_table",
    "kernel_panel",
    "kernel_status",
    "wire",
    "page_wait",
    "page_copy",
    "page_react",
    "after_react",
    "status_after_kernel",
    "main_script",
    "main_layout",
    "main_paint",
    "main_gc",
    "main_other",
    "main_idle",
)


def _part(name: str) -> str:
    if name in _GC or "GC" in name or "marking" in name:
        return "main_gc"
    if name in _SCRIPT or name.startswith(("v8.", "V8.")):
        return "main_script"
    if name in _LAYOUT:
        return "main_layout"
    if name in _PAINT:
        return "main_paint"
    return "main_other"


def main_thread(trace: bytes | str, mark: str, length_ms: float) -> dict[str, float]:
    """Milliseconds of the page's main thread by part (self time) in the ``length_ms`` after the ``mark``
    (a ``console.timeStamp``) in a Chromium trace; ``main_idle`` is the rest. Empty when the mark is absent."""
    events = json.loads(trace)
    events = events.get("traceEvents", []) if isinstance(events, dict) else events
    stamp = next(
        (
            e
            for e in events
            if e.get("name") == "TimeStamp" and (e.get("args", {}).get("data", {}) or {}).get("message") == mark
        ),
        None,
    )
    if stamp is None:
        return {}
    pid, tid, start = stamp["pid"], stamp["tid"], float(stamp["ts"])
    end = start + length_ms * 1000.0
    spans: list[tuple[float, float, str]] = []
    open_: dict[str, list[float]] = {}
    for e in events:
        if e.get("pid") != pid or e.get("tid") != tid or "ts" not in e:
            continue
        ph, ts = e.get("ph"), float(e["ts"])
        if ph == "X":
            spans.append((ts, ts + float(e.get("dur", 0)), e.get("name", "")))
        elif ph == "B":
            open_.setdefault(e.get("name", ""), []).append(ts)
        elif ph == "E" and open_.get(e.get("name", "")):
            spans.append((open_[e["name"]].pop(), ts, e["name"]))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out = dict.fromkeys(("main_script", "main_layout", "main_paint", "main_gc", "main_other"), 0.0)
    # self time of each span within [start, end): a stack of the spans open at each instant
    stack: list[tuple[float, float, str]] = []
    cursor = start

    def spend(until: float) -> None:
        nonlocal cursor
        until = min(until, end)
        if until > cursor and stack:
            out[_part(stack[-1][2])] += (until - cursor) / 1000.0
        cursor = max(cursor, until)

    for s in spans:
        if s[1] <= start or s[0] >= end:
            continue
        while stack and stack[-1][1] <= s[0]:
            spend(stack[-1][1])
            stack.pop()
        spend(max(s[0], start))
        stack.append(s)
    while stack:
        spend(stack[-1][1])
        stack.pop()
    busy = sum(out.values())
    out["main_idle"] = max(0.0, length_ms - busy)
    return {k: round(v, 1) for k, v in out.items()}


def _after(items: Sequence[Mapping[str, Any]], at: float, until: float | None) -> list[Mapping[str, Any]]:
    return [i for i in items if i["at"] >= at and (until is None or i["at"] < until)]


def breakdown(
    action: Mapping[str, Any],
    until: float | None,
    page_trace: Sequence[Mapping[str, Any]],
    refreshes: Sequence[Mapping[str, Any]],
) -> dict[str, float | None]:
    """The parts of one action's wall time (ms): ``action`` has ``at`` (epoch ms), ``redraw_ms``, ``status_ms``;
    ``until`` is the next action's start (epoch ms; None for the last); ``page_trace`` the plot host's debug
    entries (epoch ms ``at``); ``refreshes`` the kernel's ``timings_log`` (``at`` in epoch seconds)."""
    at = float(action["at"])
    end = at + max(float(action.get("redraw_ms") or 0), float(action.get("status_ms") or 0)) + 50
    until = end if until is None else min(until, end)
    mine = [r for r in refreshes if r["at"] * 1000.0 >= at - 5 and (until is None or r["at"] * 1000.0 < until)]
    out: dict[str, float | None] = dict.fromkeys(BREAKDOWN_PARTS)
    if not mine:
        return out
    r = mine[0]
    start = r["at"] * 1000.0
    out["to_kernel"] = start - at
    for part in ("filter", "views", "table", "panel", "status"):
        out[f"kernel_{part}"] = 1000.0 * float(r.get(part, 0.0))
    # the figures were sent when the views were done (the refresh's order changed: "views_sent" says when)
    sent = start + 1000.0 * float(r.get("views_sent", float(r["filter"]) + float(r["views"])))
    done = start + 1000.0 * float(r["total"])
    entries = _after(page_trace, at, until)
    figures = [e for e in entries if e["what"] == "figures"]
    reacts = [e for e in entries if e["what"] == "react" and (not figures or e["at"] >= figures[0]["at"])]
    if figures:
        out["wire"] = figures[0]["at"] - sent
    if reacts:
        first_start = reacts[0]["at"] - reacts[0]["react_ms"] - reacts[0]["copy_ms"]
        out["page_wait"] = first_start - (figures[0]["at"] if figures else sent)
        out["page_copy"] = sum(e["copy_ms"] for e in reacts)
        out["page_react"] = sum(e["react_ms"] for e in reacts)
        if action.get("redraw_ms") is not None:
            out["after_react"] = at + float(action["redraw_ms"]) - reacts[-1]["at"]
    if action.get("status_ms") is not None:
        out["status_after_kernel"] = at + float(action["status_ms"]) - done
    for k, v in (action.get("main_thread") or {}).items():
        out[k] = v
    return {k: (None if v is None else round(v, 1)) for k, v in out.items()}
