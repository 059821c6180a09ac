// The province map, drawn with Leaflet in the page itself (a Streamlit v2 component, no iframe).
//
// Streamlit calls the default export on the first run and again with each run's data; the
// map, its Leaflet layers and the boundaries stay in place between calls: a new view only restyles
// the 77 shapes, changes their tooltips and rebuilds the legend. The boundaries (150 KB) arrive
// once per browser page and version, kept here for every map on the page; they are drawn again
// only when their version changes (an edited boundary file). Text from data files reaches the
// legend only through textContent; tooltips arrive as HTML escaped by smartcity/choropleth.py.

const maps = new WeakMap(); // component element -> its map state
const shapesByVersion = window.scmShapes || (window.scmShapes = new Map());

function loadLeaflet(assets) {
  if (window.L) return Promise.resolve(window.L);
  if (!window.scmLeaflet) {
    // Script and stylesheet load in parallel, both from the app's own static files.
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = assets.css;
    // Long area names wrap instead of running past the map's edge (Leaflet's tooltips never wrap).
    const wrap = document.createElement("style");
    wrap.textContent = ".scm-tooltip { white-space: normal; width: max-content; max-width: min(320px, 70vw); }";
    document.head.append(css, wrap);
    window.scmLeaflet = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = assets.js;
      script.onload = () => resolve(window.L);
      script.onerror = () => reject(new Error(`Leaflet did not load from ${assets.js}`));
      document.head.appendChild(script);
    });
  }
  return window.scmLeaflet;
}

function createMap(L, parentElement, spec) {
  const container = document.createElement("div");
  container.className = "scm-map";
  container.style.cssText = `height:${spec.height}px;width:100%;background:${spec.sea};border-radius:4px`;
  container.setAttribute("role", "region");
  parentElement.appendChild(container);
  const map = L.map(container, {
    minZoom: 4,
    maxZoom: 10,
    zoomSnap: 0.25, // fractional zoom lets the country fill a narrow (phone) map
    zoomDelta: 0.5,
    attributionControl: false,
  });
  map.fitBounds(spec.bounds, { animate: false });
  const state = { map, container, layers: new Map(), version: null, bounds: "", spec, legend: null };
  // The element takes its final width after the first draw (phones, sidebar): fit again.
  new ResizeObserver(() => {
    map.invalidateSize({ animate: false });
    map.fitBounds(state.spec.bounds, { animate: false });
  }).observe(container);
  return state;
}

function drawShapes(L, state, shapes, onClick) {
  for (const layer of state.layers.values()) layer.remove();
  state.layers.clear();
  L.geoJSON(shapes.features, {
    onEachFeature: (feature, layer) => {
      const code = feature.id;
      state.layers.set(code, layer);
      layer.on("mouseover", () => {
        layer.setStyle(state.spec.hover);
        layer.bringToFront();
      });
      layer.on("mouseout", () => layer.setStyle(state.spec.styles[code]));
      layer.on("click", () => onClick(code));
    },
  }).addTo(state.map);
  for (const [code, layer] of state.layers) layer.getElement().setAttribute("data-code", code);
  state.version = shapes.version;
}

function restyle(state, spec) {
  for (const [code, layer] of state.layers) {
    layer.setStyle(spec.styles[code]);
    const tooltip = spec.tooltips[code];
    if (layer.getTooltip()) layer.setTooltipContent(tooltip);
    else layer.bindTooltip(tooltip, { sticky: true, className: "scm-tooltip" });
  }
  const selected = state.layers.get(spec.selected);
  if (selected) selected.bringToFront();
}

function showLegend(L, state, spec) {
  if (state.legend) state.legend.remove();
  const legend = L.control({ position: "bottomright" });
  legend.onAdd = () => {
    const box = L.DomUtil.create("div", "scm-legend");
    box.style.cssText =
      "background:rgba(255,255,255,.94);padding:8px 10px;border-radius:6px;" +
      "font:13px/1.35 Sarabun,Garuda,'Noto Sans Thai',system-ui,sans-serif;color:#222;" +
      "box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:240px";
    const title = document.createElement("div");
    title.style.cssText = "font-weight:600;margin-bottom:4px";
    title.textContent = spec.legend.title;
    box.appendChild(title);
    for (const item of spec.legend.items) {
      const row = document.createElement("div");
      row.className = "scm-legend-item";
      row.style.cssText = "display:flex;align-items:center;gap:6px;margin:2px 0";
      const swatch = document.createElement("span");
      swatch.style.cssText =
        "display:inline-block;width:16px;height:12px;flex:none;" +
        (item.dashed ? `border:2px dashed ${spec.dashed};` : "border:1px solid #8c8c8c;") +
        `background:${item.colour}`;
      const label = document.createElement("span");
      label.textContent = item.label;
      row.append(swatch, label);
      box.appendChild(row);
    }
    return box;
  };
  legend.addTo(state.map);
  state.legend = legend;
}

function update(L, parentElement, spec, setTriggerValue) {
  let state = maps.get(parentElement);
  if (!state) {
    state = createMap(L, parentElement, spec);
    maps.set(parentElement, state);
  }
  state.spec = spec;
  state.container.setAttribute("aria-label", spec.label);
  if (state.version !== spec.shapes_version) {
    const shapes = shapesByVersion.get(spec.shapes_version);
    if (!shapes) {
      // This page never received these boundaries: ask for them (the app sends them on the rerun).
      setTriggerValue("missing_shapes", spec.shapes_version);
      return false;
    }
    drawShapes(L, state, shapes, (code) => setTriggerValue("clicked", code));
  }
  restyle(state, spec);
  showLegend(L, state, spec);
  const bounds = JSON.stringify(spec.bounds);
  if (bounds !== state.bounds) {
    state.bounds = bounds;
    state.map.fitBounds(spec.bounds, { animate: false });
  }
  return true;
}

// ``report_drawn``: the app's first run sends the map alone and asks to hear when it is drawn; the
// rest of the page comes with the rerun this starts. Said also when the map cannot be drawn, so
// the page never waits for a map that will not come; later runs no longer ask.
// User Timing marks of the page's first map, for bench/breakdown.py's timeline of a page load. Only
// the first: a presenter screen redraws all day, and the browser keeps every mark.
function markFirst(name) {
  if (!performance.getEntriesByName(name).length) performance.mark(name);
}

export default function ({ data, parentElement, setTriggerValue }) {
  markFirst("scm:component");
  // UTF-8 JSON as bytes (mapcomponent.py): one parse, not a JSON string to parse twice.
  const { spec, shapes, report_drawn: wanted } = JSON.parse(new TextDecoder().decode(data));
  if (shapes) shapesByVersion.set(shapes.version, shapes);
  parentElement.scmLatest = spec;
  loadLeaflet(spec.assets).then(
    (L) => {
      // A newer spec may have arrived while Leaflet loaded: draw only the latest.
      if (parentElement.scmLatest !== spec) return;
      markFirst("scm:leaflet");
      const drawn = update(L, parentElement, spec, setTriggerValue);
      if (drawn) markFirst("scm:drawn");
      if (drawn && wanted) setTriggerValue("drawn", true);
    },
    (error) => {
      parentElement.textContent = error.message;
      if (wanted) setTriggerValue("drawn", true);
    },
  );
  // Called when the map leaves the page (Streamlit does not call it between updates).
  return () => {
    const state = maps.get(parentElement);
    if (state) state.map.remove();
    maps.delete(parentElement);
  };
}
