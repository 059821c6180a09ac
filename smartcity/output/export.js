// The USB export's controls: language, round (previous, play, next, one button a round), the
// headline figures and the caption. Every view was made in Python (smartcity/output/export.py) with the
// same rules as the dashboard; this only switches between them. Text goes in with textContent.
(function (data) {
  "use strict";
  var PLAY_MS = 3000;
  // ``event``: a step of the timeline the link asked for (?step=N); any round chosen leaves it.
  var state = { lang: "th", region: "", step: 0, event: null, timer: null, province: null };
  var steps = function () { return data.views[state.region]; };
  var byId = function (id) { return document.getElementById(id); };
  var setText = function (id, value) { byId(id).textContent = value; };
  var s = function (key) { return data.strings[state.lang][key]; };

  // ?province=TH-90: that province outlined on every view, as the dashboard outlines the one chosen.
  function withProvince(spec) {
    if (!state.province || !(state.province in spec.styles)) return spec;
    var outlined = Object.assign({}, spec.palette[spec.styles[state.province]], data.selectedOutline);
    var styles = Object.assign({}, spec.styles);
    styles[state.province] = spec.palette.length;
    return Object.assign({}, spec, {
      palette: spec.palette.concat([outlined]),
      styles: styles,
      selected: state.province,
      id: spec.id + "-" + state.province
    });
  }

  function draw() {
    var view = state.event ? data.timeline.views[state.event.view][state.lang] : steps()[state.step][state.lang];
    window.scmChoropleth.apply(withProvince(view.spec));
    setText("value-areas", view.figures.areas);
    setText("value-provinces", view.figures.provinces);
    setText("value-regions", view.figures.regions);
    setText("caption", state.event ? state.event.caption[state.lang] : view.caption);
    Array.prototype.forEach.call(document.querySelectorAll("#round-buttons button"), function (b, i) {
      b.setAttribute("aria-pressed", String(!state.event && i === state.step));
    });
  }

  function relabel() {
    document.documentElement.lang = state.lang;
    document.title = s("title");
    ["title", "subtitle", "previous", "next"].forEach(function (key) { setText(key, s(key)); });
    setText("label-areas", s("areas"));
    setText("label-provinces", s("provinces"));
    setText("label-regions", s("regions"));
    setText("play", state.timer ? s("pause") : s("play"));
    setText("sources-title", s("sources"));
    setText("credits", s("credits"));
    setText("exported", s("exported"));
    byId("round-buttons").setAttribute("aria-label", s("rounds"));
    var holder = byId("round-buttons");
    holder.textContent = "";
    steps().forEach(function (step, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = step[state.lang].button;
      b.addEventListener("click", function () { state.event = null; state.step = i; draw(); });
      holder.appendChild(b);
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-lang]"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === state.lang));
    });
    window.scmChoropleth.setHeads(data.heads[state.lang]);
    window.scmChoropleth.setOverlays(data.overlays[state.lang]);
    draw();
  }

  function move(delta) {
    state.event = null;
    state.step = (state.step + delta + steps().length) % steps().length;
    draw();
  }

  function togglePlay() {
    if (state.timer) { clearInterval(state.timer); state.timer = null; }
    else { state.timer = setInterval(function () { move(1); }, PLAY_MS); }
    setText("play", state.timer ? s("pause") : s("play"));
  }

  data.sources.forEach(function (source) {
    var item = document.createElement("li");
    if (/^https?:\/\//i.test(source)) {
      var a = document.createElement("a");
      a.href = source;
      a.textContent = source;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      item.appendChild(a);
    } else {
      item.textContent = source;
    }
    byId("sources").appendChild(item);
  });
  byId("previous").addEventListener("click", function () { move(-1); });
  byId("next").addEventListener("click", function () { move(1); });
  byId("play").addEventListener("click", togglePlay);
  Array.prototype.forEach.call(document.querySelectorAll("[data-lang]"), function (b) {
    b.addEventListener("click", function () { state.lang = b.getAttribute("data-lang"); relabel(); });
  });
  // The view a link asks for: ?lang=en&region=South&round=1&embed=1 (#lang=en still works).
  var query = new URLSearchParams(location.search);
  var lang = query.get("lang") || (location.hash.match(/lang=(th|en)/) || [])[1];
  if (lang === "th" || lang === "en") state.lang = lang;
  // A region's name in any case (?region=south), as the dashboard and the command line read it.
  var region = (query.get("region") || "").toLowerCase();
  Object.keys(data.views).forEach(function (key) { if (key.toLowerCase() === region) state.region = key; });
  state.step = steps().length - 1;
  steps().forEach(function (step, i) { if (String(step.th.round) === query.get("round")) state.step = i; });
  var event = data.timeline.steps[Number(query.get("step")) - 1];
  if (event && !state.region) state.event = event;
  var province = (query.get("province") || "").toUpperCase();
  if (province in data.heads.th) state.province = province;
  if (query.get("embed") === "1") document.documentElement.classList.add("scm-embed");
  relabel();
})
