// PlotHost: plotly views drawn by ONE copy of plotly.js per page; PlotlyAsset: the widget carrying that copy.
//
// Both widgets use this module. plotly.js (the workbook's partial bundle, or plotly's full one: each under
// its own key, so both can be on a page) arrives gzip-compressed in the state of a kernel's PlotlyAsset
// (traitlet `plotly_js`), is decompressed with the browser's DecompressionStream into a Blob and
// run once per page as a classic script from a blob: URL (it is a UMD bundle: as an ES module its `this`
// would be undefined), whatever the number of hosts on the page. The asset's `initialize` starts this as soon as its model
// reaches the page (while the kernel still builds the figures); a host's `render` awaits the asset its
// `asset` trait refers to ("IPY_MODEL_<id>"), and draws again with the new one if the trait changes. The
// map data (`geo_js`, which sets window.PlotlyGeoAssets) is evaluated before any figure is drawn. Nothing is
// fetched from the network. A host whose `lazy` trait is set draws a view only while it is on screen (an
// IntersectionObserver): a view below the fold or in a hidden tab is drawn, or redrawn after its figure
// changed, when it is first shown, so that plotly spends the first draw and each filter change on the views
// the analyst sees; it tells Python which views are on screen ({type: "sight", views}), so that the kernel
// builds only their figures (the first report is sent as soon as the host is rendered, before plotly.js is
// ready), and dims the views whose figure Python left stale (trait `stale`). Clicks go
// back to Python as {type: "click", view, points: [...]}.

const REGISTRY = "__workbookPageScripts";
const TIMES = "__workbookPageScriptTimes"; // key -> ms (performance.now()) when the script was evaluated
const OFFLINE_TOPOJSON = "about:blank#workbook-offline/"; // plotly must never fetch maps: they are in PlotlyGeoAssets
const WIDGET_REF = "IPY_MODEL_";

// Debug timing (benchmarks/bench_explorer_browser.py --breakdown): when the page has set
// window.__workbookTrace to an array, the host pushes what it did and when (epoch ms): a figures message
// received, each view's Plotly call (its start, end, and the copy of the figure before it). Off by default.
function trace(entry) {
  const log = globalThis.__workbookTrace;
  if (Array.isArray(log)) log.push({ ...entry, at: performance.timeOrigin + performance.now() });
}

function registry() {
  if (!globalThis[REGISTRY]) {
    globalThis[REGISTRY] = Object.create(null);
  }
  return globalThis[REGISTRY];
}

function markEvaluated(key) {
  if (!globalThis[TIMES]) globalThis[TIMES] = Object.create(null);
  globalThis[TIMES][key] = performance.now();
}

function asBytes(value) {
  if (!value) return new Uint8Array(0);
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return new Uint8Array(0);
}

// The gzip-compressed script, decompressed by the browser into a Blob (never a 4.8 MB JavaScript string).
async function gunzipScript(value) {
  const bytes = asBytes(value);
  if (bytes.byteLength === 0) return null;
  if (typeof DecompressionStream === "undefined") {
    throw new Error("this browser lacks DecompressionStream: use a current Chromium, Firefox or Safari");
  }
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return await new Response(stream, { headers: { "Content-Type": "text/javascript" } }).blob();
}

// Run a classic script from a blob: URL (nothing leaves the page): unlike inline source, the browser can parse
// and compile it off the main thread, so the notebook stays responsive while plotly.js loads.
function runClassicScript(blob) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob);
    const script = document.createElement("script");
    const done = (error) => {
      script.remove();
      URL.revokeObjectURL(url);
      if (error) reject(error); else resolve();
    };
    script.onload = () => done(null);
    script.onerror = () => done(new Error("the browser refused to run a workbook script"));
    script.src = url;
    document.head.appendChild(script);
  });
}

// Evaluate the gzip-compressed script in trait `trait` of `asset` once per page under `key`.
function loadScriptOnce(asset, key, trait) {
  const reg = registry();
  if (!key) return Promise.resolve();
  if (!reg[key]) {
    reg[key] = gunzipScript(asset.get(trait)).then(async (script) => {
      if (script) await runClassicScript(script);
      markEvaluated(key);
    });
    reg[key].catch(() => delete reg[key]);
  }
  return reg[key];
}

// plotly.js, once per page; a different plotly already on the page (window.Plotly) is left as it was.
function loadPlotly(asset) {
  const reg = registry();
  const key = asset.get("plotly_key");
  if (!key) return Promise.reject(new Error("the plotly.js asset is empty"));
  if (!reg[key]) {
    reg[key] = gunzipScript(asset.get("plotly_js")).then(async (script) => {
      if (!script) throw new Error("the plotly.js asset is empty");
      const previous = globalThis.Plotly;
      await runClassicScript(script);
      const ours = globalThis.Plotly;
      if (!ours || ours === previous) throw new Error("plotly.js did not load");
      if (previous) globalThis.Plotly = previous;
      markEvaluated(key);
      return ours;
    });
    reg[key].catch(() => delete reg[key]);
  }
  return reg[key];
}

// The map data, then plotly.js, from a PlotlyAsset model; resolves to the Plotly object.
function loadAssets(asset) {
  return loadScriptOnce(asset, asset.get("geo_key"), "geo_js").then(() => loadPlotly(asset));
}

// The PlotlyAsset model a host refers to.
async function assetOf(model) {
  const ref = model.get("asset");
  if (typeof ref !== "string" || !ref.startsWith(WIDGET_REF)) {
    throw new Error("this plot host has no plotly.js asset");
  }
  return await model.widget_manager.get_model(ref.slice(WIDGET_REF.length));
}

// Called once per model when it reaches the page: the asset starts evaluating its scripts at once (not
// awaited, so that the model is ready without waiting for plotly.js); a host listens for the figures that
// changed, which Python sends as one message ({type: "figures", figures: {view: figure}, revisions}) rather
// than the whole `figures` trait: they are merged into the model's state here (as if the trait had been
// synced), so that the views, a saved notebook's widget state and a page opened later agree.
function initialize({ model }) {
  if (model.get("plotly_key")) {
    globalThis.__workbookAssetArrived ??= performance.now(); // when the asset's model reached the page (benchmarks)
    loadAssets(model).catch(() => {});
    return;
  }
  model.on("msg:custom", (msg) => {
    if (!msg || msg.type !== "figures" || typeof msg.figures !== "object" || typeof msg.revisions !== "object") return;
    trace({ what: "figures", views: Object.keys(msg.figures) });
    model.set("figures", { ...model.get("figures"), ...msg.figures });
    model.set("revisions", { ...msg.revisions });
  });
}

function plain(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function pointPayload(p) {
  return {
    customdata: plain(p.customdata),
    curve: plain(p.curveNumber),
    point: plain(p.pointNumber ?? p.pointIndex),
    x: plain(p.x),
    y: plain(p.y),
  };
}

function render({ model, el }) {
  el.classList.add("wb-plothost");
  const status = document.createElement("div");
  status.className = "wb-status";
  status.textContent = "Loading plotly.js…";
  const grid = document.createElement("div");
  grid.className = "wb-grid";
  el.append(status, grid);

  const cells = new Map(); // view -> {div, revision, bound, shown}
  let disposed = false;
  const started = performance.now();
  let ready = assetOf(model).then(loadAssets);
  let drawnWith = null; // the Plotly object that drew the cells
  const config = { responsive: true, displaylogo: false, topojsonURL: OFFLINE_TOPOJSON };
  // Which views are on screen (lazy hosts only): a view coming into sight with a stale figure is drawn then.
  const sight = typeof IntersectionObserver === "undefined" ? null : new IntersectionObserver((entries) => {
    let stale = false;
    const revisions = model.get("revisions");
    for (const entry of entries) {
      const cell = cells.get(entry.target.dataset.view);
      if (!cell || cell.div !== entry.target) continue;
      cell.shown = entry.isIntersecting;
      if (cell.shown && cell.revision !== revisions[entry.target.dataset.view]) stale = true;
    }
    if (!model.get("lazy")) return;
    // tell Python which views are on screen: it builds the figures of the others when they come into sight
    const shown = [...cells].filter(([, c]) => c.shown).map(([view]) => view);
    if (shown.join("\n") !== sentSight) {
      sentSight = shown.join("\n");
      model.send({ type: "sight", views: shown });
    }
    if (stale) draw();
  }, { rootMargin: "100px" });
  let sentSight = null;
  const onScreen = (cell) => !sight || !model.get("lazy") || cell.shown;

  // The cells of the views, in order (made before plotly.js is ready, so that the page reports at once which
  // views are in sight: the kernel builds those figures while plotly.js is evaluated).
  let gridTemplate = null;
  function syncCells() {
    const views = model.get("views");
    const columns = model.get("columns");
    const template = columns > 0
      ? `repeat(${columns}, minmax(0, 1fr))`
      : `repeat(auto-fill, minmax(min(100%, ${model.get("min_view_width")}px), 1fr))`;
    // the page's style is touched only when something changed (each change costs a style pass of the views)
    if (gridTemplate !== template) {
      gridTemplate = template;
      grid.style.gridTemplateColumns = template;
    }
    for (const [view, cell] of cells) {
      if (!views.includes(view)) {
        if (drawnWith) for (const plot of plotsOf(cell)) drawnWith.purge(plot.gd);
        if (sight) sight.unobserve(cell.div);
        cell.div.remove();
        cells.delete(view);
      }
    }
    views.forEach((view, i) => {
      let cell = cells.get(view);
      if (!cell) {
        const div = document.createElement("div");
        div.className = "wb-view";
        div.dataset.view = view;
        // plot: the plotly div shown; kept: the one drawn before it, hidden, shown again if its figure returns
        cell = { div, revision: null, shown: false, plot: null, kept: null };
        cells.set(view, cell);
        if (sight) sight.observe(div);
      }
      // keeps the order of `views`, moving only a view out of place: re-appending a drawn view detaches it,
      // and the browser then recomputes the style and layout of every view's plot (each draw called this)
      if (grid.children[i] !== cell.div) grid.insertBefore(cell.div, grid.children[i] || null);
    });
    if (!sight && model.get("lazy")) {
      // no IntersectionObserver: every view counts as in sight (and is drawn without scrolling)
      const shown = views.join("\n");
      if (shown !== sentSight) {
        sentSight = shown;
        model.send({ type: "sight", views: [...views] });
      }
    }
  }

  function onClick(view, event) {
    const points = (event && event.points ? event.points : []).map(pointPayload);
    if (points.length) model.send({ type: "click", view, points });
  }

  // A zoom of the x axis (or its reset) of a view that rebins to its range (the timeline): sent to Python.
  function onRelayout(view, event) {
    if (!event || !(model.get("zoom_views") || []).includes(view)) return;
    if (event["xaxis.autorange"]) {
      model.send({ type: "zoom", view, range: null });
      return;
    }
    const range = event["xaxis.range"] || [event["xaxis.range[0]"], event["xaxis.range[1]"]];
    if (range[0] !== undefined && range[1] !== undefined) {
      model.send({ type: "zoom", view, range: [plain(range[0]), plain(range[1])] });
    }
  }

  // A view's plots: the one shown (`plot`) and the one drawn before it (`kept`, hidden by visibility: it keeps
  // its style and layout, so that showing it again costs a paint, where drawing it again costs a Plotly.react).
  function plotsOf(cell) {
    return [cell.plot, cell.kept].filter(Boolean);
  }

  function newPlot(cell, view) {
    const gd = document.createElement("div");
    gd.className = "wb-plot wb-kept";
    cell.div.appendChild(gd);
    return { gd, key: null, width: null, bound: false, view };
  }

  // Show `kept` and hide the plot shown until now (which becomes the kept one).
  function swapPlots(cell) {
    const shown = cell.kept;
    cell.kept = cell.plot;
    cell.plot = shown;
    if (cell.kept) cell.kept.gd.classList.add("wb-kept");
    shown.gd.classList.remove("wb-kept");
  }

  // plotly's events of a plot, bound once it has been drawn (plotly adds `on` to its div). A plot the analyst
  // zoomed, panned or restyled (a legend click) no longer shows its figure as sent: it is not shown again for it.
  function bindPlot(plot) {
    if (plot.bound || typeof plot.gd.on !== "function") return;
    plot.gd.on("plotly_click", (event) => onClick(plot.view, event));
    plot.gd.on("plotly_relayout", (event) => {
      if (event && Object.keys(event).some((k) => !/^(autosize|width|height)$/.test(k))) plot.key = null;
      onRelayout(plot.view, event);
    });
    plot.gd.on("plotly_restyle", () => {
      plot.key = null;
    });
    plot.bound = true;
  }

  let drawing = Promise.resolve();
  function draw() {
    drawing = drawing.then(async () => {
      const Plotly = await ready;
      if (disposed) return;
      if (drawnWith && drawnWith !== Plotly) {
        // the host switched bundles (a figure needs plotly's full one): draw every view anew with it
        for (const cell of cells.values()) {
          for (const plot of plotsOf(cell)) {
            drawnWith.purge(plot.gd);
            plot.gd.remove();
          }
          cell.plot = cell.kept = null;
          cell.revision = null;
        }
      }
      drawnWith = Plotly;
      syncCells();
      const figures = model.get("figures");
      const revisions = model.get("revisions");
      const templates = model.get("templates");
      const stale = model.get("stale") || [];
      const drawn = [];
      for (const [view, cell] of cells) {
        cell.div.classList.toggle("wb-stale", stale.includes(view));
        const fig = figures[view];
        if (!fig) {
          cell.div.dataset.pending = "true"; // not built yet (out of sight): drawn once it is in sight and built
          continue;
        }
        if (cell.revision === revisions[view]) continue;
        // The view's box keeps the figure's height: plotly's resize (the ResizeObserver below, its own on a
        // window resize) sizes a plot to its box, and a box sized by its content would collapse to min-height.
        // A view not drawn yet (off screen) gets its height too, so that the page does not jump when it is.
        const height = Number(fig.layout && fig.layout.height) > 0 ? Number(fig.layout.height) : 450;
        if (cell.div.style.height !== `${height}px`) cell.div.style.height = `${height}px`;
        if (!onScreen(cell)) {
          cell.div.dataset.pending = "true"; // drawn when it comes into sight
          continue;
        }
        delete cell.div.dataset.pending;
        const layout = { ...fig.layout };
        if (typeof layout.template === "string") layout.template = templates[layout.template] || {};
        delete layout.width;
        // plotly annotates the objects it is given: hand it copies, not the model's state
        const t0 = performance.now();
        const key = JSON.stringify(fig);
        if (cell.plot && cell.plot.key === key) {
          // the same figure as shown (e.g. a filter that kept this view's rows): nothing to draw
          trace({ what: "same", view });
        } else if (cell.kept && cell.kept.key === key) {
          // the figure drawn before this one (Reset, Undo, a filter toggled off): shown again, not drawn again
          swapPlots(cell);
          if (cell.plot.width !== cell.div.clientWidth) {
            cell.plot.width = cell.div.clientWidth;
            await Plotly.Plots.resize(cell.plot.gd);
          }
          trace({ what: "react", view, kept: true, copy_ms: 0, react_ms: performance.now() - t0 });
        } else {
          // drawn in the hidden plot (laid out, so plotly measures it), then shown: the one shown until now is
          // kept for a return to its figure
          if (!cell.kept) cell.kept = newPlot(cell, view);
          const data = structuredClone(fig.data);
          const copied = structuredClone(layout);
          const t1 = performance.now();
          await Plotly.react(cell.kept.gd, data, copied, config);
          cell.kept.key = key;
          cell.kept.width = cell.div.clientWidth;
          bindPlot(cell.kept);
          swapPlots(cell);
          trace({ what: "react", view, copy_ms: t1 - t0, react_ms: performance.now() - t1 });
        }
        cell.revision = revisions[view];
        cell.div.dataset.drawMs = String(Math.round(performance.now() - t0)); // how long plotly took (benchmarks)
        cell.div.dataset.revision = String(cell.revision);
        drawn.push(view);
      }
      if (!status.hidden) {
        status.textContent = "";
        status.hidden = true;
      }
      if (el.dataset.rendered !== "true") el.dataset.rendered = "true";
      if (drawn.length) {
        model.send({ type: "rendered", views: drawn, ms: Math.round(performance.now() - started) });
      }
    }).catch((error) => {
      status.hidden = false;
      status.textContent = `The views could not be drawn: ${error && error.message ? error.message : error}`;
    });
    return drawing;
  }

  const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => {
    ready.then((P) => {
      if (disposed) return;
      for (const cell of cells.values()) {
        if (cell.plot) { // drawn (a plot is shown only once drawn), zoomed or not
          cell.plot.width = cell.div.clientWidth;
          P.Plots.resize(cell.plot.gd);
        }
      }
    }).catch(() => {});
  });
  if (observer) observer.observe(grid);

  const redraw = () => void draw();
  const switchAsset = () => {
    ready = assetOf(model).then(loadAssets);
    draw();
  };
  model.on("change:asset", switchAsset);
  model.on("change:figures", redraw);
  model.on("change:revisions", redraw);
  model.on("change:views", redraw);
  model.on("change:columns", redraw);
  model.on("change:min_view_width", redraw);
  model.on("change:lazy", redraw);
  model.on("change:stale", redraw);
  syncCells();
  draw();

  return () => {
    disposed = true;
    if (observer) observer.disconnect();
    if (sight) sight.disconnect();
    model.off("change:asset", switchAsset);
    model.off("change:figures", redraw);
    model.off("change:revisions", redraw);
    model.off("change:views", redraw);
    model.off("change:columns", redraw);
    model.off("change:min_view_width", redraw);
    model.off("change:lazy", redraw);
    model.off("change:stale", redraw);
    if (drawnWith) for (const cell of cells.values()) for (const plot of plotsOf(cell)) drawnWith.purge(plot.gd);
  };
}

export default { initialize, render };
