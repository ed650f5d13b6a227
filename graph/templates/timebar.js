/* actorgraph time bar: a histogram of articles per month under the network, a draggable
 * range of months and a play button. Moving the range shows only the actors and links of
 * the articles in it, with each link's weight recomputed for the range.
 *
 * It runs after page.js (same script element) and talks to it through
 * window.actorgraph: it sets `timeFilter` ({node(i) -> bool, weight(j) -> int}, or null
 * for an open range) and calls `applyFilters()`, which writes the "Showing N actors,
 * M links" line; `onCard(kind, index, body)` adds a per-month chart to the cards.
 * Public: window.actorgraph.setDateRange(from, to) (ISO dates or months, null for an open
 * end) and window.actorgraph.dateRange().
 *
 * Same safety rule as page.js: text only through textContent, no HTML from data.
 */
(function () {
  "use strict";

  var AG = window.actorgraph;
  if (!AG || !AG.data) { return; }
  var META = AG.data.meta;
  var NODES = AG.data.nodes;
  var EDGES = AG.data.edges;
  var MONTHS = META.months || [];
  var M = MONTHS.length;
  var HIST = META.month_articles || [];
  var UNDATED = META.undated || 0;

  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function plural(n, one, many) { return fmt(n) + " " + (n === 1 ? one : many); }

  // The range, as month indexes; `open`: no bound at all (undated articles shown too).
  var state = { lo: 0, hi: Math.max(0, M - 1), open: true };

  // ------------------------------------------------------------------ sums for a range
  function inRange(k) {
    return state.open || (k >= state.lo && k <= state.hi);
  }

  var nodeArticles = new Int32Array(NODES.length);
  var edgeWeight = new Int32Array(EDGES.length);

  function recompute() {
    NODES.forEach(function (n, i) {
      var tm = n.tm || [];
      var sum = 0;
      for (var k = 0; k < tm.length; k += 3) {
        if (inRange(tm[k])) { sum += tm[k + 1]; }
      }
      nodeArticles[i] = sum;
    });
    EDGES.forEach(function (e, j) {
      var tm = e.tm || [];
      var sum = 0;
      for (var k = 0; k < tm.length; k += 2) {
        if (inRange(tm[k])) { sum += tm[k + 1]; }
      }
      edgeWeight[j] = sum;
    });
  }

  // Line widths as page.js draws them, for the weights of the range.
  function logScale(value, max, floor) {
    var top = Math.log(1 + Math.max(max, floor));
    return Math.max(0, Math.min(1, (Math.log(1 + value) - Math.log(2)) / (top - Math.log(2))));
  }
  var maxWeight = EDGES.reduce(function (m, e) { return Math.max(m, e.w); }, 1);
  var drawnWidth = EDGES.map(function (e) { return e.w; });

  function updateWidths() {
    var updates = [];
    EDGES.forEach(function (e, j) {
      var w = state.open ? e.w : edgeWeight[j];
      if (w > 0 && w !== drawnWidth[j]) {
        drawnWidth[j] = w;
        updates.push({ id: j, width: 1 + 8 * logScale(w, maxWeight, 12) });
      }
    });
    if (updates.length) { AG.edges.update(updates); }
  }

  function rangeArticles() {
    var sum = state.open ? UNDATED : 0;
    for (var k = 0; k < M; k += 1) {
      if (inRange(k)) { sum += HIST[k]; }
    }
    return sum;
  }

  // ------------------------------------------------------------------ the bar
  var bar = el("div");
  bar.id = "timebar";
  var head = el("div", "tb-head");
  var play = el("button", "tb-play", "▶ Play");
  play.type = "button";
  play.title = "Step through the periods";
  var label = el("span", "tb-label");
  label.id = "tb-label";
  var reset = el("button", "tb-reset", "All dates");
  reset.type = "button";
  var undatedNote = el("span", "tb-undated");
  head.appendChild(play);
  head.appendChild(label);
  head.appendChild(reset);
  head.appendChild(undatedNote);
  var hist = el("div", "tb-hist");
  hist.id = "tb-hist";
  var top = HIST.reduce(function (m, v) { return Math.max(m, v); }, 1);
  var bars = [];
  MONTHS.forEach(function (month, k) {
    var b = el("div", "tb-bar");
    b.style.height = (HIST[k] ? Math.max(4, Math.round(100 * HIST[k] / top)) : 0) + "%";
    b.title = month + ": " + plural(HIST[k], "article", "articles");
    var cell = el("div", "tb-cell");
    cell.title = b.title;
    cell.setAttribute("data-month", month);
    cell.addEventListener("click", function () { stop(); setIndexes(k, k); });
    cell.appendChild(b);
    hist.appendChild(cell);
    bars.push(cell);
  });
  var sliders = el("div", "tb-sliders");
  function slider(id, value) {
    var s = el("input");
    s.type = "range";
    s.id = id;
    s.min = "0";
    s.max = String(Math.max(0, M - 1));
    s.step = "1";
    s.value = String(value);
    s.setAttribute("aria-label", id === "tb-from" ? "First month" : "Last month");
    sliders.appendChild(s);
    return s;
  }
  var from = slider("tb-from", 0);
  var to = slider("tb-to", Math.max(0, M - 1));
  var axis = el("div", "tb-axis");
  axis.appendChild(el("span", null, MONTHS[0] || ""));
  axis.appendChild(el("span", null, MONTHS[M - 1] || ""));
  bar.appendChild(head);
  bar.appendChild(hist);
  bar.appendChild(sliders);
  bar.appendChild(axis);

  // ------------------------------------------------------------------ apply
  function render() {
    from.value = String(state.lo);
    to.value = String(state.hi);
    bars.forEach(function (cell, k) {
      cell.className = "tb-cell" + (inRange(k) ? " in" : "");
    });
    var span = state.open ? "All dates" : state.lo > state.hi ? "No month" :
      (state.lo === state.hi ? MONTHS[state.lo] : MONTHS[state.lo] + " – " + MONTHS[state.hi]);
    label.textContent = span + ": " + plural(rangeArticles(), "article", "articles");
    undatedNote.textContent = UNDATED ? plural(UNDATED, "undated article", "undated articles") +
      (state.open ? " (shown)" : " (shown only with all dates)") : "";
    reset.disabled = state.open;
  }

  function apply() {
    recompute();
    AG.timeFilter = state.open ? null : {
      node: function (i) { return nodeArticles[i] > 0; },
      weight: function (j) { return edgeWeight[j]; }
    };
    updateWidths();
    AG.applyFilters();
    render();
  }

  function setIndexes(lo, hi, open) {
    lo = Math.max(0, Math.min(M - 1, lo));
    hi = Math.max(0, Math.min(M - 1, hi));
    if (lo > hi) { var t = lo; lo = hi; hi = t; }
    state.lo = lo;
    state.hi = hi;
    state.open = open === true;
    apply();
  }

  // "2020" / "2020-03" / "2020-03-15" → the index of its month (first or last of a year),
  // clamped to the months of the graph; null → an open end.
  function monthIndex(value, last) {
    if (value === null || value === undefined || value === "") { return null; }
    var m = /^(\d{4})(?:-(\d{2}))?/.exec(String(value));
    if (!m) { throw new Error("setDateRange: use YYYY, YYYY-MM or YYYY-MM-DD, not " + value); }
    var month = m[1] + "-" + (m[2] || (last ? "12" : "01"));
    if (!M) { return 0; }
    if (month < MONTHS[0]) { return last ? -1 : 0; }
    if (month > MONTHS[M - 1]) { return last ? M - 1 : M; }
    var k = 0;
    while (k < M && MONTHS[k] < month) { k += 1; }
    return (last && MONTHS[k] !== month) ? k - 1 : k;
  }

  function setDateRange(a, b) {
    stop();
    var lo = monthIndex(a, false);
    var hi = monthIndex(b, true);
    if (lo === null && hi === null) {
      setIndexes(0, M - 1, true);
    } else {
      state.lo = lo === null ? 0 : lo;
      state.hi = hi === null ? M - 1 : hi;
      state.open = false;
      apply();  // an empty range (lo > hi, or outside the data) shows nothing
    }
    return dateRange();
  }

  function dateRange() {
    return {
      from: state.open ? null : (MONTHS[state.lo] || null),
      to: state.open ? null : (MONTHS[state.hi] || null),
      articles: rangeArticles(),
      open: state.open
    };
  }

  function onSlide(ev) {
    stop();
    var lo = Number(from.value);
    var hi = Number(to.value);
    if (lo > hi) {
      if (ev.target === from) { hi = lo; } else { lo = hi; }
    }
    setIndexes(lo, hi, lo === 0 && hi === M - 1);
  }
  from.addEventListener("input", onSlide);
  to.addEventListener("input", onSlide);
  reset.addEventListener("click", function () { stop(); setIndexes(0, M - 1, true); });

  // ------------------------------------------------------------------ play
  var timer = null;
  function stop() {
    if (timer !== null) { clearInterval(timer); timer = null; }
    play.textContent = "▶ Play";
  }
  play.addEventListener("click", function () {
    if (timer !== null) { stop(); return; }
    var width = state.open ? Math.min(12, M) : state.hi - state.lo + 1;
    var lo = state.open || state.hi >= M - 1 ? 0 : state.lo + width;
    setIndexes(lo, lo + width - 1);
    play.textContent = "❚❚ Pause";
    timer = setInterval(function () {
      var next = state.lo + width;
      if (next > M - 1) { stop(); return; }
      setIndexes(next, next + width - 1);
    }, 900);
  });

  // ------------------------------------------------------------------ cards
  function chart(tm, step, valueAt, title) {
    var box = el("div", "tb-card");
    box.appendChild(el("h3", null, title));
    var per = new Array(M).fill(0);
    var undated = 0;
    for (var k = 0; k < tm.length; k += step) {
      if (tm[k] < 0) { undated += tm[k + valueAt]; } else { per[tm[k]] += tm[k + valueAt]; }
    }
    var byYear = M > 120;
    var keys = [];
    var values = [];
    per.forEach(function (v, k) {
      var key = byYear ? MONTHS[k].slice(0, 4) : MONTHS[k];
      if (!keys.length || keys[keys.length - 1] !== key) { keys.push(key); values.push(0); }
      values[values.length - 1] += v;
    });
    var max = values.reduce(function (m, v) { return Math.max(m, v); }, 1);
    var row = el("div", "tb-mini");
    keys.forEach(function (key, k) {
      var cell = el("div", "tb-cell");
      var b = el("div", "tb-bar");
      b.style.height = (values[k] ? Math.max(6, Math.round(100 * values[k] / max)) : 0) + "%";
      b.title = key + ": " + fmt(values[k]);
      cell.appendChild(b);
      row.appendChild(cell);
    });
    box.appendChild(row);
    var ends = el("div", "tb-axis");
    ends.appendChild(el("span", null, keys[0] || ""));
    ends.appendChild(el("span", null, keys[keys.length - 1] || ""));
    box.appendChild(ends);
    if (undated) { box.appendChild(el("p", "muted", "Undated: " + fmt(undated))); }
    return box;
  }

  AG.onCard = function (kind, index, body) {
    if (!M) { return; }
    if (kind === "node") {
      body.appendChild(chart(NODES[index].tm || [], 3, 2, "Mentions per month"));
    } else {
      body.appendChild(chart(EDGES[index].tm || [], 2, 1, "Articles over time"));
    }
  };

  AG.setDateRange = setDateRange;
  AG.dateRange = dateRange;

  if (!M) { return; }  // no dated article: no bar
  var wrap = $("canvas-wrap");
  wrap.appendChild(bar);
  wrap.className += " has-timebar";
  AG.network.setSize("100%", "100%");
  AG.network.redraw();
  render();
}());
