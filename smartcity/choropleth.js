// The province map's behaviour in the browser, shared by the dashboard (inside streamlit-folium's
// frame) and the USB export (a page saved by folium). The map and its one GeoJson layer of 77
// provinces are made by folium; a view (colours, tooltips, legend, bounds) arrives as a spec built
// in Python (smartcity/foliummap.py) and is applied in place, so a filter change never redraws the
// boundaries. Tooltip HTML arrives escaped by Python; the legend gets text only through textContent.
window.scmChoropleth = window.scmChoropleth || (function () {
  "use strict";
  var state = { map: null, layer: null, heads: {}, legend: null, bounds: "", spec: null };

  // ``heads``: each province's tooltip head (names, region), the same in every view.
  function attach(map, layer, heads) {
    state.map = map;
    state.layer = layer;
    state.heads = heads;
    layer.eachLayer(function (shape) {
      var element = shape.getElement && shape.getElement();
      if (element) element.setAttribute("data-code", shape.feature.properties.code);
    });
    layer.on("mouseover", function (e) {
      if (state.spec) e.layer.setStyle(state.spec.hover);
      e.layer.bringToFront();
    });
    layer.on("mouseout", function (e) { layer.resetStyle(e.layer); });
    // The frame takes its final width after the first draw (phones, the sidebar): fit again.
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        map.invalidateSize({ animate: false });
        if (state.spec) map.fitBounds(state.spec.bounds, { animate: false });
      }).observe(map.getContainer());
    }
  }

  function styleOf(code) {
    var spec = state.spec;
    return spec.palette[spec.styles[code]];
  }

  function showLegend(legend) {
    if (state.legend) state.legend.remove();
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "scm-legend");
      var title = document.createElement("div");
      title.className = "scm-legend-title";
      title.textContent = legend.title;
      box.appendChild(title);
      legend.items.forEach(function (item) {
        var row = document.createElement("div");
        row.className = "scm-legend-item";
        var swatch = document.createElement("span");
        swatch.className = "scm-swatch" + (item.dashed ? " scm-swatch-dashed" : "");
        swatch.style.background = item.colour;
        var label = document.createElement("span");
        label.textContent = item.label;
        row.appendChild(swatch);
        row.appendChild(label);
        box.appendChild(row);
      });
      return box;
    };
    control.addTo(state.map);
    state.legend = control;
  }

  // Apply one view: every province's style and tooltip, the legend, the bounds, the selection.
  function apply(spec) {
    if (!state.layer) return;
    state.spec = spec;
    state.layer.options.style = function (feature) { return styleOf(feature.properties.code); };
    state.layer.eachLayer(function (shape) {
      var code = shape.feature.properties.code;
      // The same joining as tooltip_html in smartcity/choropleth.py.
      shape.feature.properties.tooltip = state.heads[code] + "<br>" + (spec.bodies[code] || spec.none);
      shape.setStyle(styleOf(code));
    });
    state.layer.eachLayer(function (shape) {
      if (shape.feature.properties.code === spec.selected) shape.bringToFront();
    });
    showLegend(spec.legend);
    state.map.getContainer().setAttribute("aria-label", spec.label);
    var bounds = JSON.stringify(spec.bounds);
    if (bounds !== state.bounds) {
      state.bounds = bounds;
      state.map.fitBounds(spec.bounds, { animate: false });
    }
    document.documentElement.setAttribute("data-scm-view", spec.id);
  }

  // Another language's tooltip heads (the USB export switches language without a server).
  function setHeads(heads) {
    state.heads = heads;
    if (state.spec) apply(state.spec);
  }

  return { attach: attach, apply: apply, setHeads: setHeads, state: state };
})();
