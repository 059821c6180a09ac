// The province map's behaviour in the browser, shared by the dashboard (inside streamlit-folium's
// frame) and the USB export (a page saved by folium). The map and its one GeoJson layer of 77
// provinces are made by folium; a view (colours, tooltips, legend, bounds) arrives as a spec built
// in Python (smartcity/output/foliummap.py) and is applied in place, so a filter change never redraws the
// boundaries. Tooltip HTML arrives escaped by Python; the legend gets text only through textContent.
// The legend never covers a province: the map is fitted with the legend's room left free, beside
// the country on a wide map and in a strip along the bottom on a narrow (phone) one.
window.scmChoropleth = window.scmChoropleth || (function () {
  "use strict";
  var NARROW = 520; // px: below this the legend is a strip along the map's bottom edge
  var state = {
    map: null, layer: null, heads: {}, legend: null, fitted: "", spec: null,
    overlays: {}, overlayTexts: {}, shown: {},
  };

  // ``heads``: each province's tooltip head (names, region), the same in every view.
  // ``overlays``: the programme's other layers by key (folium FeatureGroups, off at first) and
  // ``overlayTexts`` their legend labels and marker tooltips in the map's language.
  function attach(map, layer, heads, overlays, overlayTexts) {
    state.map = map;
    state.layer = layer;
    state.heads = heads;
    state.overlays = overlays || {};
    state.overlayTexts = overlayTexts || {};
    layer.eachLayer(function (shape) {
      var element = shape.getElement && shape.getElement();
      if (element) element.setAttribute("data-code", shape.feature.properties.code);
    });
    // A tap or click on a province must not focus it: the focus drew a rectangle around it, and
    // on a phone scrolled the page to bring the whole frame into view between the finger's touch
    // and its click, which then missed (the first tap selected nothing). Provinces are not in the
    // tab order; the keyboard's focus elsewhere keeps its outline.
    // Leaflet's keyboard handler focuses the map on a press: without scrolling any page, too.
    var container = map.getContainer();
    var focus = container.focus;
    container.focus = function () { focus.call(container, { preventScroll: true }); };
    container.addEventListener(
      "mousedown",
      function (e) {
        if (e.target.classList && e.target.classList.contains("leaflet-interactive")) e.preventDefault();
      },
      true
    );
    layer.on("mouseover", function (e) {
      if (state.spec) e.layer.setStyle(state.spec.hover);
      e.layer.bringToFront();
    });
    layer.on("mouseout", function (e) { layer.resetStyle(e.layer); });
    // The frame takes its final width after the first draw (phones, the sidebar): fit again.
    // The controls' sizes are known only once the styles are in: fit again when they change.
    if (window.ResizeObserver) {
      state.resized = new ResizeObserver(function () {
        map.invalidateSize({ animate: false });
        if (state.spec) {
          placeLegend();
          fit();
        }
      });
      state.resized.observe(map.getContainer());
      // streamlit-folium adds Leaflet's stylesheet without waiting for it: until it is in, the
      // zoom control spans the map.
      if (map.zoomControl) state.resized.observe(map.zoomControl.getContainer());
    }
    window.addEventListener("load", function () { if (state.spec) fit(); });
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
        var swatch = document.createElement("span");
        swatch.className = "scm-swatch" + (item.dashed ? " scm-swatch-dashed" : "");
        swatch.style.background = item.colour;
        box.appendChild(legendRow("div", "scm-legend-item", [swatch], item.label));
      });
      addOverlaySwitches(box, legend.layersTitle);
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    control.addTo(state.map);
    state.legend = control;
    placeLegend();
    if (state.resized) state.resized.observe(control.getContainer());
  }

  // The legend's switches for the programme's layers: a checkbox each, kept across views.
  function addOverlaySwitches(box, title) {
    var keys = Object.keys(state.overlays);
    if (!keys.length) return;
    var heading = document.createElement("div");
    heading.className = "scm-legend-title scm-layers-title";
    heading.textContent = title;
    box.appendChild(heading);
    keys.forEach(function (key) {
      var texts = state.overlayTexts[key] || { label: key, colour: "#000", ring: false };
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = !!state.shown[key];
      input.setAttribute("data-layer", key);
      input.addEventListener("change", function () { showOverlay(key, input.checked); });
      var dot = document.createElement("span");
      dot.className = "scm-dot" + (texts.ring ? " scm-dot-ring" : "");
      dot.style.background = texts.ring ? "transparent" : texts.colour;
      dot.style.borderColor = texts.colour;
      box.appendChild(legendRow("label", "scm-legend-item scm-layer-switch", [input, dot], texts.label));
    });
  }

  // One line of the legend: its marks, then its text (set as text, never as HTML).
  function legendRow(tag, className, marks, text) {
    var row = document.createElement(tag);
    row.className = className;
    marks.forEach(function (mark) { row.appendChild(mark); });
    // Thai runs words together: a line may break only at a space, never inside a phrase
    // (a narrow legend broke "การมอบ|ตรา").
    var label = document.createElement("span");
    String(text).split(" ").forEach(function (phrase, i) {
      if (i) label.appendChild(document.createTextNode(" "));
      var part = document.createElement("span");
      part.className = "scm-phrase";
      part.textContent = phrase;
      label.appendChild(part);
    });
    row.appendChild(label);
    return row;
  }

  function showOverlay(key, on) {
    var group = state.overlays[key];
    if (!group) return;
    state.shown[key] = on;
    if (on) group.addTo(state.map);
    else state.map.removeLayer(group);
  }

  // The layers' texts in another language (the USB export switches language without a server).
  function setOverlays(texts) {
    state.overlayTexts = texts;
    Object.keys(state.overlays).forEach(function (key) {
      var tooltips = (texts[key] || {}).tooltips || [];
      state.overlays[key].getLayers().forEach(function (marker, i) {
        if (tooltips[i] !== undefined) marker.feature.properties.tooltip = tooltips[i];
      });
    });
    if (state.spec) showLegend(state.spec.legend);
  }

  // A strip across the bottom of a narrow map, a box at the bottom right of a wide one.
  function placeLegend() {
    if (!state.legend) return;
    var box = state.legend.getContainer();
    var width = state.map.getContainer().clientWidth;
    var narrow = width < NARROW;
    box.classList.toggle("scm-legend-strip", narrow);
    box.style.width = narrow ? width - 20 + "px" : "";
  }

  // Fit the view's bounds in the part of the map the controls leave free; again only when the
  // bounds, the legend or the map's size changed (not after the reader panned, on a restyle).
  function fit() {
    // A zoom still animating (a tap on +) would land after this fit and undo it: fit after it.
    if (state.map._animatingZoom) {
      state.map.once("zoomend", fit);
      return;
    }
    var container = state.map.getContainer();
    var legend = state.legend.getContainer();
    var narrow = legend.classList.contains("scm-legend-strip");
    var zoom = state.map.zoomControl ? state.map.zoomControl.getContainer() : null;
    var left = zoom ? zoom.offsetWidth + 14 : 0; // its 10 px margin, and a little room
    var options = {
      animate: false,
      paddingTopLeft: [left, 8],
      paddingBottomRight: narrow ? [8, legend.offsetHeight + 18] : [legend.offsetWidth + 18, 8],
    };
    var size = [container.clientWidth, container.clientHeight];
    // Controls not yet styled (or a tiny map) would leave no room: Leaflet's zoom goes to
    // Infinity and the map stays broken. Fit the whole map then; the restyle fits again.
    for (var axis = 0; axis < 2; axis++) {
      if (size[axis] - options.paddingTopLeft[axis] - options.paddingBottomRight[axis] < size[axis] / 3) {
        options.paddingTopLeft = [0, 0];
        options.paddingBottomRight = [0, 0];
      }
    }
    var key = JSON.stringify([state.spec.bounds, options.paddingTopLeft, options.paddingBottomRight, size]);
    if (key !== state.fitted) {
      state.fitted = key;
      state.map.fitBounds(state.spec.bounds, options);
    }
  }

  // The reader's language, and the gesture plugin's hints in it (one finger scrolls the page).
  function setLanguage(spec) {
    document.documentElement.lang = spec.lang;
    var container = state.map.getContainer();
    container.setAttribute("data-gesture-handling-touch-content", spec.gestures.touch);
    var mac = /MAC/i.test(navigator.platform || "");
    container.setAttribute("data-gesture-handling-scroll-content", mac ? spec.gestures.scrollMac : spec.gestures.scroll);
  }

  // Apply one view: every province's style and tooltip, the legend, the bounds, the selection.
  function apply(spec) {
    if (!state.layer) return;
    state.spec = spec;
    state.layer.options.style = function (feature) { return styleOf(feature.properties.code); };
    state.layer.eachLayer(function (shape) {
      var code = shape.feature.properties.code;
      // The same joining as tooltip_html in smartcity/output/choropleth.py.
      shape.feature.properties.tooltip = state.heads[code] + "<br>" + (spec.bodies[code] || spec.none);
      shape.setStyle(styleOf(code));
    });
    state.layer.eachLayer(function (shape) {
      if (shape.feature.properties.code === spec.selected) shape.bringToFront();
    });
    // A stage shows the layers of its step's subject, and no others.
    if (spec.layersOn) {
      Object.keys(state.overlays).forEach(function (key) { showOverlay(key, spec.layersOn.indexOf(key) >= 0); });
    }
    document.documentElement.classList.toggle("scm-stage", !!spec.stage);
    showLegend(spec.legend);
    setLanguage(spec);
    state.map.getContainer().setAttribute("aria-label", spec.label);
    fit();
    document.documentElement.setAttribute("data-scm-view", spec.id);
    if (spec.reportDrawn) reportDrawn();
  }

  // A session's first page sends the map alone (ui/map.py); once it is painted, the map's value
  // says so, which reruns the page with the rest of it. streamlit-folium's own last value is
  // kept as it was, so panning still sends nothing and a click still sends the province.
  function reportDrawn() {
    if (state.reported || !window.Streamlit || !window.__GLOBAL_DATA__) return;
    state.reported = true;
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        var value = Object.assign({}, window.__GLOBAL_DATA__.previous_data, { drawn: true });
        window.Streamlit.setComponentValue(value);
      });
    });
  }

  // Another language's tooltip heads (the USB export switches language without a server).
  function setHeads(heads) {
    state.heads = heads;
    if (state.spec) apply(state.spec);
  }

  return { attach: attach, apply: apply, setHeads: setHeads, setOverlays: setOverlays, showOverlay: showOverlay, state: state };
})();
