/* actorgraph page script.
 *
 * Safety rule: every string that comes from the data (names, aliases, titles, sentences)
 * reaches the page through textContent, an input's value or a vis-network plain-string
 * title (which vis sets with innerText). Nothing here uses innerHTML, insertAdjacentHTML,
 * document.write, eval or URLs built from data.
 */
(function () {
  "use strict";

  function mark(name) {
    if (window.performance && performance.mark) { performance.mark("actorgraph:" + name); }
  }
  mark("start");
  var DATA = JSON.parse(document.getElementById("data").textContent);
  mark("data");
  var META = DATA.meta;
  var NODES = DATA.nodes;
  var EDGES = DATA.edges;
  var ARTICLES = DATA.articles || [];
  var BIG = NODES.length > 800 || EDGES.length > 4000;

  // ------------------------------------------------------------------ helpers
  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/[\u2019'`\u00b4]/g, "'").replace(/\s+/g, " ").trim();
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  var TYPES = {};
  META.types.forEach(function (t) { TYPES[t.id] = t; });
  var KINDS = META.kinds || [];

  function typeInfo(id) {
    return TYPES[id] || { id: id, label: id, colour: "#7f7f7f" };
  }

  function shade(hex, factor) {
    var m = /^#([0-9a-f]{6})$/i.exec(hex);
    if (!m) { return hex; }
    var v = parseInt(m[1], 16);
    var parts = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map(function (c) {
      var out = factor < 0 ? c * (1 + factor) : c + (255 - c) * factor;
      return Math.max(0, Math.min(255, Math.round(out)));
    });
    return "#" + parts.map(function (c) { return (c < 16 ? "0" : "") + c.toString(16); })
      .join("");
  }

  function dateRange(a, b) {
    if (a && b && a !== b) { return a + " – " + b; }
    return a || b || "";
  }

  // ------------------------------------------------------------------ header
  $("title").textContent = META.title;
  var summary = [
    plural(META.articles, "article", "articles"),
    plural(META.nodes_total, "actor", "actors"),
    plural(META.edges_total, "link", "links")
  ];
  var range = dateRange(META.date_min, META.date_max);
  if (range) { summary.push(range); }
  $("summary").textContent = summary.join(" · ");
  var notes = [];
  if (META.left_out > 0) {
    notes.push("Showing the " + fmt(NODES.length) + " most connected of " +
      fmt(NODES.length + META.left_out) + " actors: " + fmt(META.left_out) +
      (META.left_out === 1 ? " less connected actor" : " less connected actors") +
      " left out (actorgraph render --max-nodes N shows more).");
  }
  if (META.types_filter) {
    notes.push("Only these types: " + META.types_filter.map(function (t) {
      return typeInfo(t).label;
    }).join(", ") + ".");
  }
  if (META.min_weight > 1) {
    notes.push("Links shared by fewer than " + META.min_weight + " articles left out.");
  }
  if (notes.length) {
    $("notice").textContent = notes.join(" ");
    $("notice").hidden = false;
  }

  // ------------------------------------------------------------------ adjacency
  var adjacency = NODES.map(function () { return []; });
  EDGES.forEach(function (e, j) {
    adjacency[e.s].push(j);
    adjacency[e.t].push(j);
  });
  adjacency.forEach(function (list) {
    list.sort(function (a, b) { return EDGES[b].w - EDGES[a].w || EDGES[b].n - EDGES[a].n; });
  });

  // ------------------------------------------------------------------ vis data
  function clip(text, max) {
    text = String(text);
    return text.length > max ? text.slice(0, max - 1) + "…" : text;
  }

  function nodeTooltip(n) {
    var lines = [n.l, typeInfo(n.t).label + (n.r ? " · " + n.r : "")];
    lines.push(plural(n.m, "mention", "mentions") + " in " + plural(n.a, "article", "articles"));
    if (n.al && n.al.length) {
      var shown = n.al.slice(0, 6).map(function (a) { return clip(a, 40); });
      lines.push("Aliases: " + shown.join(", ") + (n.al.length > 6 ? ", …" : ""));
    }
    return lines.join("\n");
  }

  function edgeTooltip(e) {
    var text = NODES[e.s].l + " — " + NODES[e.t].l + "\n" +
      "together in " + plural(e.w, "article", "articles") +
      (e.n ? ", " + plural(e.n, "sentence", "sentences") : "") +
      (e.as !== undefined ? " · association " + e.as.toFixed(2) : "");
    if (e.k) {
      text += "\n" + KINDS.map(function (k, i) { return e.k[i] ? k.label + " " + e.k[i] : ""; })
        .filter(Boolean).join(", ") + " (tone " + e.to + ")";
    }
    if (e.ev && e.ev.length) {
      text += "\n« " + clip(e.ev[0][1], 160) + " »";
      if (e.ev.length > 1) text += "\n(click for all " + e.ev.length + " sentences)";
    }
    return text;
  }

  var edgesHeavy = false;  // many links drawn: hidden while dragging or zooming
  var nodeHidden = NODES.map(function () { return false; });
  var edgeHidden = EDGES.map(function () { return false; });  // drawn or not
  var edgeLight = EDGES.map(function () { return false; });   // left out of the edge view

  // Sizes grow with the logarithm of the count, against at least `floor`, so a small
  // corpus (counts 1-3) does not draw giant dots. Sizes are computed here rather than
  // with vis "value" scaling, which costs seconds on big graphs.
  function logScale(value, max, floor) {
    var top = Math.log(1 + Math.max(max, floor));
    return Math.max(0, Math.min(1, (Math.log(1 + value) - Math.log(2)) / (top - Math.log(2))));
  }
  var maxMentions = NODES.reduce(function (m, n) { return Math.max(m, n.m); }, 1);
  var maxWeight = EDGES.reduce(function (m, e) { return Math.max(m, e.w); }, 1);

  // One vis group per colour carries it (per-node colour objects are slow): the types,
  // the communities, the tone steps and the faded look of actors out of focus.
  function groupStyle(colour) {
    return {
      color: {
        background: colour,
        border: shade(colour, -0.3),
        highlight: { background: shade(colour, 0.25), border: "#1d2330" },
        hover: { background: shade(colour, 0.15), border: "#1d2330" }
      }
    };
  }
  var groups = {};
  META.types.forEach(function (t) { groups[t.id] = groupStyle(t.colour); });
  var COMMUNITIES = META.communities || [];
  var OTHER_COLOUR = "#b9bec7";
  COMMUNITIES.forEach(function (c, k) { groups["~cm" + k] = groupStyle(c.colour); });
  groups["~cm-other"] = groupStyle(OTHER_COLOUR);

  function mix(a, b, t) {
    var pa = parseInt(a.slice(1), 16);
    var pb = parseInt(b.slice(1), 16);
    var out = [16, 8, 0].map(function (sh) {
      var x = (pa >> sh) & 255;
      var y = (pb >> sh) & 255;
      return Math.round(x + (y - x) * t);
    });
    return "#" + out.map(function (c) { return (c < 16 ? "0" : "") + c.toString(16); }).join("");
  }
  var TONE = META.tone_colours || ["#d7301f", "#bdbdbd", "#2c7bb6"];
  var TONE_STEPS = [-1, -0.5, 0, 0.5, 1];
  var toneColours = TONE_STEPS.map(function (t) {
    return t < 0 ? mix(TONE[1], TONE[0], -t) : mix(TONE[1], TONE[2], t);
  });
  toneColours.forEach(function (c, k) { groups["~tone" + k] = groupStyle(c); });
  groups["~tone-none"] = groupStyle("#e3e6eb");
  groups["~faded"] = {
    color: {
      background: "rgba(214,218,225,0.45)", border: "rgba(180,186,196,0.45)",
      highlight: { background: "rgba(214,218,225,0.9)", border: "#1d2330" },
      hover: { background: "rgba(214,218,225,0.9)", border: "#1d2330" }
    }
  };

  // An actor's tone: (cooperation - conflict) / (cooperation + conflict) over its links.
  var nodeTone = NODES.map(function () { return null; });
  (function () {
    var coop = NODES.map(function () { return 0; });
    var conf = NODES.map(function () { return 0; });
    EDGES.forEach(function (e) {
      if (!e.k) { return; }
      var c = e.k[0] + e.k[1];
      var f = e.k[2] + e.k[3];
      coop[e.s] += c; coop[e.t] += c; conf[e.s] += f; conf[e.t] += f;
    });
    NODES.forEach(function (n, i) {
      if (coop[i] + conf[i] > 0) { nodeTone[i] = (coop[i] - conf[i]) / (coop[i] + conf[i]); }
    });
  }());

  var colourMode = "type";
  function colourGroup(i) {
    var n = NODES[i];
    if (colourMode === "community") {
      return n.cm !== undefined && n.cm < COMMUNITIES.length ? "~cm" + n.cm : "~cm-other";
    }
    if (colourMode === "tone") {
      return nodeTone[i] === null ? "~tone-none" : "~tone" + Math.round((nodeTone[i] + 1) * 2);
    }
    return n.t;
  }

  // The backbone: a link is in it at level alpha when its significance (-log10 p) is above
  // -log10(alpha), or when it is an actor's most associated link (tp). `linkAlpha` null:
  // all links.
  var BACKBONE = META.backbone || { alpha: 1, levels: [], mode: "all" };
  var linkAlpha = BACKBONE.mode === "backbone" ? BACKBONE.alpha : null;
  function inBackbone(j) {
    var e = EDGES[j];
    return linkAlpha === null || e.tp === 1 || (e.sg || 0) > -Math.log10(linkAlpha) + 1e-9;
  }
  EDGES.forEach(function (e, j) { edgeLight[j] = !inBackbone(j); });

  // The layout is round; widen it to the canvas so a landscape screen is used fully.
  var box = $("network").getBoundingClientRect();
  var stretch = box.height > 0 ? Math.max(1, Math.min(1.8, box.width / box.height)) : 1;

  // Labels are drawn by this script (see "labels"), not by vis: sizes per actor.
  var nodeSize = new Float32Array(NODES.length);
  var labelPx = new Float32Array(NODES.length);
  var nodes = new vis.DataSet(NODES.map(function (n, i) {
    var f = logScale(n.m, maxMentions, 40);
    nodeSize[i] = 7 + 31 * f;
    labelPx[i] = Math.round(12 + 5 * f);
    return {
      id: i,
      title: nodeTooltip(n),
      group: n.t,
      size: nodeSize[i],
      x: n.x * stretch,
      y: n.y
    };
  }));

  var edges = new vis.DataSet(EDGES.map(function (e, j) {
    var item = { id: j, from: e.s, to: e.t, width: 1 + 8 * logScale(e.w, maxWeight, 12),
      title: edgeTooltip(e) };
    if (e.c) { item.color = { color: e.c, highlight: e.c, hover: e.c, inherit: false }; }
    return item;
  }));

  var options = {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: {
      shape: "dot",
      borderWidth: 1.5,
      borderWidthSelected: 3,
      scaling: { label: { enabled: false, drawThreshold: 6, maxVisible: 34 } },
      font: {
        face: "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif",
        size: 14,
        color: "#1d2330",
        strokeWidth: 4,
        strokeColor: "rgba(255,255,255,0.92)"
      }
    },
    edges: {
      smooth: false,
      selectionWidth: 2,
      hoverWidth: 1.5,
      color: {
        color: "rgba(112,124,140,0.42)",
        highlight: "rgba(36,88,198,0.95)",
        hover: "rgba(60,70,90,0.8)",
        inherit: false
      }
    },
    groups: groups,
    interaction: {
      hover: true,
      tooltipDelay: 120,
      hideEdgesOnDrag: false,  // set by applyFilters, from the links drawn
      hideEdgesOnZoom: false,
      multiselect: false,
      navigationButtons: false,
      keyboard: false
    }
  };

  mark("datasets");
  // vis gets a view of the links drawn: the others cost nothing until they are shown
  // (a big graph's page has tens of thousands of links, the backbone a few hundred).
  var edgeView = new vis.DataView(edges, { filter: function (item) { return !edgeLight[item.id]; } });
  var network = new vis.Network($("network"), { nodes: nodes, edges: edgeView }, options);
  mark("network");

  window.actorgraph = {
    network: network,
    nodes: nodes,
    edges: edges,
    edgeView: edgeView,
    data: DATA,
    ready: false
  };

  // ------------------------------------------------------------------ labels
  // Drawn over the links with a white halo, at a fixed size on screen. At each frame the
  // most mentioned actors (the focused one and its neighbours first) take their place
  // below their dot unless it would overlap a label already placed: at the first zoom
  // level only the main actors are named, more appear as one zooms in, none overlap.
  var LABEL_FACE = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif";
  var MAX_LABELS = 400;
  var labelWidth10 = new Float32Array(NODES.length);  // text width at 10 px, measured once
  var labelBoxes = [];  // the last frame's: [node, left, top, width, height] in CSS pixels
  var labelOrder = NODES.map(function (n, i) { return i; });  // most mentioned first

  function textWidth(ctx, i, px) {
    if (!labelWidth10[i]) {
      ctx.font = "10px " + LABEL_FACE;
      labelWidth10[i] = ctx.measureText(NODES[i].l).width || 1;
    }
    return labelWidth10[i] * px / 10;
  }

  function placeLabels(ctx, width, height) {
    var scale = network.getScale();
    var cell = 96;
    var grid = {};
    var out = [];
    function hits(b) {
      for (var gx = Math.floor(b[1] / cell); gx <= Math.floor((b[1] + b[3]) / cell); gx += 1) {
        for (var gy = Math.floor(b[2] / cell); gy <= Math.floor((b[2] + b[4]) / cell);
          gy += 1) {
          var list = grid[gx + ":" + gy];
          if (!list) { continue; }
          for (var k = 0; k < list.length; k += 1) {
            var o = list[k];
            if (b[1] < o[1] + o[3] && o[1] < b[1] + b[3] && b[2] < o[2] + o[4] &&
              o[2] < b[2] + b[4]) { return true; }
          }
        }
      }
      return false;
    }
    function keep(b) {
      for (var gx = Math.floor(b[1] / cell); gx <= Math.floor((b[1] + b[3]) / cell); gx += 1) {
        for (var gy = Math.floor(b[2] / cell); gy <= Math.floor((b[2] + b[4]) / cell);
          gy += 1) {
          var key = gx + ":" + gy;
          (grid[key] = grid[key] || []).push(b);
        }
      }
      out.push(b);
    }
    var order = focusNode === null ? labelOrder :
      [focusNode].concat(labelOrder.filter(function (i) { return focusSet[i] && i !== focusNode; }));
    for (var k = 0; k < order.length && out.length < MAX_LABELS; k += 1) {
      var i = order[k];
      if (nodeHidden[i] || (focusNode !== null && !focusSet[i])) { continue; }
      var body = network.body.nodes[i];
      if (!body) { continue; }
      var p = network.canvasToDOM({ x: body.x, y: body.y });
      var r = nodeSize[i] * scale;
      var px = labelPx[i] + (i === focusNode ? 2 : 0);
      var w = textWidth(ctx, i, px) + 8;
      var b = [i, p.x - w / 2, p.y + r + 1, w, px + 5];
      if (b[1] > width || b[1] + b[3] < 0 || b[2] > height || b[2] + b[4] < 0) { continue; }
      if (!hits(b)) { keep(b); }
    }
    return out;
  }

  network.on("afterDrawing", function (ctx) {
    var canvas = ctx.canvas;
    var width = canvas.clientWidth;
    var height = canvas.clientHeight;
    var ratio = width ? canvas.width / width : 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    labelBoxes = placeLabels(ctx, width, height);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    labelBoxes.forEach(function (b) {
      var i = b[0];
      var px = labelPx[i] + (i === focusNode ? 2 : 0);
      ctx.font = (i === focusNode ? "600 " : "") + px + "px " + LABEL_FACE;
      ctx.lineWidth = 4;
      ctx.strokeStyle = "rgba(255,255,255,0.95)";
      ctx.strokeText(NODES[i].l, b[1] + b[3] / 2, b[2] + 2);
      ctx.fillStyle = "#1d2330";
      ctx.fillText(NODES[i].l, b[1] + b[3] / 2, b[2] + 2);
    });
    ctx.restore();
  });

  // ------------------------------------------------------------------ focus
  // Focus on one actor: it, its neighbours (through the links the weight, kind and time
  // filters keep, backbone or not) and their links stay; every other actor is faded and
  // every other link hidden, until clearFocus().
  var focusNode = null;
  var focusSet = new Uint8Array(NODES.length);
  var nodeGroup = NODES.map(function (n) { return n.t; });

  function refreshGroups() {
    var updates = [];
    NODES.forEach(function (n, i) {
      var g = focusNode !== null && !focusSet[i] ? "~faded" : colourGroup(i);
      if (g !== nodeGroup[i]) {
        nodeGroup[i] = g;
        updates.push({ id: i, group: g });
      }
    });
    if (updates.length) { nodes.update(updates); }
  }

  network.once("afterDrawing", function () {
    $("loading").hidden = true;
    if (network.getScale() > 1.3) { network.moveTo({ scale: 1.3 }); }
    window.actorgraph.ready = true;
    mark("drawn");
    window.actorgraphReady = performance.now();
    document.documentElement.setAttribute("data-ready", "1");
  });

  // ------------------------------------------------------------------ panel
  var panel = $("panel");
  var body = $("panel-body");
  var current = null;  // {kind: "node"|"edge", id}

  // The panel is a column beside the canvas: tell vis at once when it opens or closes.
  function setPanel(open) {
    if (panel.hidden === !open) { return; }
    var centre = network.getViewPosition();
    var scale = network.getScale();
    panel.hidden = !open;
    network.setSize("100%", "100%");
    network.moveTo({ position: centre, scale: scale });
  }

  function hidePanel() {
    setPanel(false);
    clear(body);
    current = null;
  }

  function typeBadge(t) {
    var info = typeInfo(t);
    var badge = el("span", "badge");
    var dot = el("span", "swatch");
    dot.style.backgroundColor = info.colour;
    badge.appendChild(dot);
    badge.appendChild(el("span", null, info.label));
    return badge;
  }

  function facts(rows) {
    var dl = el("dl", "facts");
    rows.forEach(function (row) {
      if (row[1] === undefined || row[1] === null || row[1] === "") { return; }
      dl.appendChild(el("dt", null, row[0]));
      dl.appendChild(el("dd", null, row[1]));
    });
    return dl;
  }

  function actorButton(i) {
    var b = el("button", "linkish", NODES[i].l);
    b.type = "button";
    b.setAttribute("data-node", String(i));
    b.addEventListener("click", function () { goToNode(i, true); });
    return b;
  }

  function showNode(i) {
    var n = NODES[i];
    current = { kind: "node", id: i };
    clear(body);
    body.appendChild(el("h2", null, n.l));
    body.appendChild(typeBadge(n.t));
    body.appendChild(facts([
      ["Role", n.r],
      ["Affiliation", n.f],
      ["Mentions", fmt(n.m)],
      ["Articles", fmt(n.a)],
      ["Seen", dateRange(n.fs, n.ls)],
      ["Wikidata", n.wd]
    ]));
    var others = (n.al || []).filter(function (a) { return a !== n.l; });
    if (others.length) {
      body.appendChild(el("h3", null, "Also named"));
      var ul = el("ul", "aliases");
      others.forEach(function (a) { ul.appendChild(el("li", null, a)); });
      body.appendChild(ul);
    }
    var links = adjacency[i];
    body.appendChild(el("h3", null, links.length ?
      "Neighbours (" + fmt(links.length) + ")" : "No links drawn"));
    if (links.length) {
      var section = el("div", "neighbour-section");
      body.appendChild(section);
      neighbourList(i, section);
    }
    if (window.actorgraph.onCard) { window.actorgraph.onCard("node", i, body); }
    setPanel(true);
    panel.scrollTop = 0;
  }

  // The panel ranks an actor's neighbours by shared articles or by association strength
  // (how much more than chance they appear together: specific ties first).
  var rankBy = "weight";
  var byAssociation = adjacency.map(function () { return null; });

  function neighbourList(i, section) {
    clear(section);
    var links = adjacency[i];
    if (rankBy === "association") {
      if (!byAssociation[i]) {
        byAssociation[i] = links.slice().sort(function (a, b) {
          return (EDGES[b].as || 0) - (EDGES[a].as || 0) || EDGES[b].w - EDGES[a].w;
        });
      }
      links = byAssociation[i];
    }
    var bar = el("div", "rank-switch");
    [["weight", "by shared articles"], ["association", "by association"]].forEach(function (r) {
      var b = el("button", null, r[1]);
      b.type = "button";
      b.setAttribute("data-rank", r[0]);
      b.setAttribute("aria-pressed", String(rankBy === r[0]));
      b.addEventListener("click", function () { rankBy = r[0]; neighbourList(i, section); });
      bar.appendChild(b);
    });
    section.appendChild(bar);
    var list = el("ul", "neighbours");
    list.setAttribute("data-rank", rankBy);
    links.slice(0, 15).forEach(function (j) {
      var e = EDGES[j];
      var other = e.s === i ? e.t : e.s;
      var li = el("li");
      var dot = el("span", "dot");
      dot.style.backgroundColor = typeInfo(NODES[other].t).colour;
      li.appendChild(dot);
      li.appendChild(actorButton(other));
      var text = plural(e.w, "article", "articles");
      if (rankBy === "association") { text = "assoc. " + (e.as || 0).toFixed(2) + " · " + text; }
      var w = el("button", "linkish weight", text);
      w.type = "button";
      w.title = "Show the sentences behind this link";
      w.setAttribute("data-edge", String(j));
      w.addEventListener("click", function () { goToEdge(j); });
      li.appendChild(w);
      list.appendChild(li);
    });
    section.appendChild(list);
    if (links.length > 15) {
      section.appendChild(el("p", "muted", "… and " + fmt(links.length - 15) + " more."));
    }
  }

  function showEdge(j) {
    var e = EDGES[j];
    current = { kind: "edge", id: j };
    clear(body);
    body.appendChild(el("h2", null, NODES[e.s].l + " — " + NODES[e.t].l));
    var ends = el("div", "ends");
    ends.appendChild(actorButton(e.s));
    ends.appendChild(el("span", "muted", "and"));
    ends.appendChild(actorButton(e.t));
    body.appendChild(ends);
    body.appendChild(facts([
      ["Articles", fmt(e.w)],
      ["Sentences", fmt(e.n)],
      ["Association", e.as !== undefined ? e.as.toFixed(3) : ""],
      ["Seen", dateRange(e.fs, e.ls)]
    ]));
    if (e.k) { showInteractions(e); }
    var ev = e.ev || [];
    body.appendChild(el("h3", null, "Evidence"));
    if (!ev.length) {
      body.appendChild(el("p", "muted",
        "No single sentence names both; they appear in the same articles."));
    } else {
      var list = el("ol", "evidence");
      ev.forEach(function (item) {
        var li = el("li");
        li.appendChild(el("blockquote", null, item[1]));
        var art = item[0] >= 0 ? ARTICLES[item[0]] : null;
        if (art) {
          var source = [art[1] || art[0], art[2]].filter(Boolean).join(" · ");
          li.appendChild(el("p", "source", source));
        }
        list.appendChild(li);
      });
      body.appendChild(list);
      if (e.n > ev.length) {
        body.appendChild(el("p", "muted",
          "Showing " + ev.length + " of " + plural(e.n, "sentence", "sentences") + "."));
      }
    }
    if (window.actorgraph.onCard) { window.actorgraph.onCard("edge", j, body); }
    setPanel(true);
    panel.scrollTop = 0;
  }

  function showInteractions(e) {
    body.appendChild(el("h3", null, "Interactions"));
    body.appendChild(facts(KINDS.map(function (k, i) { return [k.label, fmt(e.k[i])]; })
      .concat([["Tone", String(e.to)]])));
    var list = el("ol", "evidence");
    (e.ix || []).forEach(function (item) {
      var kind = KINDS[item[0]];
      var li = el("li", "interaction");
      var tag = el("span", "kind-tag", kind.label + (item[1] ? " · " + item[1] : ""));
      tag.style.backgroundColor = kind.colour;
      li.appendChild(tag);
      var src = item[2] >= 0 ? e.s : e.t;
      var dst = item[2] >= 0 ? e.t : e.s;
      var arrow = item[2] === 0 ? " — " : " → ";
      li.appendChild(el("span", "who", NODES[src].l + arrow + NODES[dst].l + ": "));
      li.appendChild(el("span", null, item[3]));
      var quote = el("blockquote");
      var text = item[5];
      var at = item[6];
      if (at >= 0) {  // the trigger highlighted, as text
        quote.appendChild(document.createTextNode(text.slice(0, at)));
        quote.appendChild(el("mark", null, text.slice(at, at + item[3].length)));
        quote.appendChild(document.createTextNode(text.slice(at + item[3].length)));
      } else {
        quote.textContent = text;
      }
      li.appendChild(quote);
      var art = item[4] >= 0 ? ARTICLES[item[4]] : null;
      if (art) {
        li.appendChild(el("p", "source", [art[1] || art[0], art[2]].filter(Boolean)
          .join(" · ")));
      }
      list.appendChild(li);
    });
    body.appendChild(list);
  }

  function ensureVisibleType(t) {
    var box = document.querySelector('#legend-items input[data-type-index="' +
      META.types.map(function (x) { return x.id; }).indexOf(t) + '"]');
    if (box && !box.checked) {
      box.checked = true;
      applyFilters();
    }
  }

  function setFocus(i) {
    focusNode = i;
    $("focus-name").textContent = NODES[i].l;
    $("focus-bar").hidden = false;
    applyFilters();  // computes the neighbourhood, fades the others
  }

  function clearFocus() {
    if (focusNode === null) { return; }
    focusNode = null;
    focusSet.fill(0);
    $("focus-bar").hidden = true;
    applyFilters();
  }

  function goToNode(i, animate) {
    ensureVisibleType(NODES[i].t);
    setFocus(i);
    network.selectNodes([i], true);
    showNode(i);  // first: opening the panel narrows the canvas
    // Zoom in only as far as needed to read labels.
    var scale = Math.max(network.getScale(), BIG ? 0.9 : 0.75);
    network.focus(i, {
      scale: scale,
      animation: animate ? { duration: 450, easingFunction: "easeInOutQuad" } : false
    });
  }

  function goToEdge(j) {
    var e = EDGES[j];
    if (edgeHidden[j]) {
      if (focusNode !== null && e.s !== focusNode && e.t !== focusNode) { clearFocus(); }
      ensureVisibleType(NODES[e.s].t);
      ensureVisibleType(NODES[e.t].t);
      if (e.w < Number(slider.value)) {
        slider.value = String(e.w);
        applyFilters();
      }
      if (edgeHidden[j] && !inBackbone(j)) { setLinkMode("all"); }
    }
    network.setSelection({ nodes: [], edges: [j] }, { unselectAll: true, highlightEdges: false });
    showEdge(j);
  }

  $("panel-close").addEventListener("click", function () {
    network.unselectAll();
    hidePanel();
  });
  $("clear-focus").addEventListener("click", function () {
    network.unselectAll();
    clearFocus();
    hidePanel();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && (!panel.hidden || focusNode !== null)) {
      network.unselectAll();
      clearFocus();
      hidePanel();
    }
  });

  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) {
      setFocus(params.nodes[0]);
      showNode(params.nodes[0]);
    } else if (params.edges && params.edges.length) {
      showEdge(params.edges[0]);
    } else {
      clearFocus();
      hidePanel();
    }
  });

  // ------------------------------------------------------------------ filters
  var slider = $("min-weight");
  var sliderValue = $("min-weight-value");
  slider.min = String(META.min_weight);
  slider.max = String(Math.max(META.max_weight, META.min_weight));
  slider.value = String(META.min_weight);
  slider.disabled = META.max_weight <= META.min_weight;

  var typeCounts = {};
  NODES.forEach(function (n) { typeCounts[n.t] = (typeCounts[n.t] || 0) + 1; });

  var legendItems = $("legend-items");
  var boxes = [];
  META.types.forEach(function (t, k) {
    var label = el("label", "legend-item");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = t.id;
    box.setAttribute("data-type-index", String(k));
    box.addEventListener("change", applyFilters);
    boxes.push(box);
    var swatch = el("span", "swatch");
    swatch.style.backgroundColor = t.colour;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", "type-label", t.label));
    label.appendChild(el("span", "count", fmt(typeCounts[t.id] || 0)));
    legendItems.appendChild(label);
  });

  var kindFilter = $("kind-filter");
  kindFilter.addEventListener("change", applyFilters);
  $("tone-bar").style.background = "linear-gradient(to right, " +
    META.tone_colours.join(", ") + ")";
  var KIND_GROUPS = { any: [0, 1, 2, 3], cooperation: [0, 1], conflict: [2, 3] };
  KINDS.forEach(function (k, i) { KIND_GROUPS[k.id] = [i]; });

  function kindOk(e) {
    var wanted = KIND_GROUPS[kindFilter.value];
    if (!wanted) { return true; }
    return !!e.k && wanted.some(function (i) { return e.k[i] > 0; });
  }

  // A link passes the weight (or, with the time bar, its weight in the range) and kind
  // filters; in the backbone or not.
  function linkOk(j, minW, tf) {
    return (tf !== null ? tf.weight(j) : EDGES[j].w) >= minW && kindOk(EDGES[j]);
  }

  function focusNeighbourhood(minW, tf) {
    focusSet.fill(0);
    if (focusNode === null) { return; }
    if (nodeHidden[focusNode]) { clearFocus(); return; }
    focusSet[focusNode] = 1;
    adjacency[focusNode].forEach(function (j) {
      var other = EDGES[j].s === focusNode ? EDGES[j].t : EDGES[j].s;
      if (!nodeHidden[other] && linkOk(j, minW, tf)) { focusSet[other] = 1; }
    });
  }

  function applyFilters() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var minW = Number(slider.value);
    sliderValue.textContent = plural(minW, "article", "articles");
    var nodeUpdates = [];
    var edgeChanges = 0;
    var shownNodes = 0;
    var shownEdges = 0;
    var tf = window.actorgraph.timeFilter || null;  // set by the time bar (timebar.js)
    NODES.forEach(function (n, i) {
      var hide = on[n.t] === false || (tf !== null && !tf.node(i));
      if (hide !== nodeHidden[i]) {
        nodeHidden[i] = hide;
        nodeUpdates.push({ id: i, hidden: hide });
      }
      if (!hide) { shownNodes += 1; }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    focusNeighbourhood(minW, tf);
    // vis already skips the edges of hidden nodes: the edge view only applies the link
    // filters (and the focus), which keeps a type toggle cheap on big graphs.
    EDGES.forEach(function (e, j) {
      var show = linkOk(j, minW, tf);
      if (show && focusNode !== null) {
        show = e.s === focusNode || e.t === focusNode ||
          (focusSet[e.s] === 1 && focusSet[e.t] === 1 && inBackbone(j));
      } else if (show) {
        show = inBackbone(j);
      }
      if (show === edgeLight[j]) {
        edgeLight[j] = !show;
        edgeChanges += 1;
      }
      edgeHidden[j] = !show || nodeHidden[e.s] || nodeHidden[e.t];
      if (!edgeHidden[j]) { shownEdges += 1; }
    });
    if (edgeChanges) { edgeView.refresh(); }
    // Only with many links drawn (all links of a big graph) are they hidden while moving.
    var heavy = shownEdges > 4000;
    if (heavy !== edgesHeavy) {
      edgesHeavy = heavy;
      network.setOptions({ interaction: { hideEdgesOnDrag: heavy, hideEdgesOnZoom: heavy } });
    }
    refreshGroups();
    var text = "Showing " + plural(shownNodes, "actor", "actors") + ", " +
      plural(shownEdges, "link", "links") + ".";
    if (focusNode !== null) {
      var near = 0;
      focusSet.forEach(function (x) { near += x; });
      text += " Focus: " + plural(near - 1, "neighbour", "neighbours") + ".";
    }
    $("visible-count").textContent = text;
    if (current && current.kind === "node" && nodeHidden[current.id]) { hidePanel(); }
    if (current && current.kind === "edge" && edgeHidden[current.id]) { hidePanel(); }
  }

  // ------------------------------------------------------------------ link mode
  var linkMode = $("link-mode");
  (BACKBONE.levels || []).forEach(function (level) {
    var option = el("option", null, "backbone, α = " + level[0] + " (" +
      plural(level[1], "link", "links") + ")");
    option.value = String(level[0]);
    linkMode.appendChild(option);
  });
  var allOption = el("option", null, "all links (" + plural(EDGES.length, "link", "links") + ")");
  allOption.value = "all";
  linkMode.appendChild(allOption);
  linkMode.value = linkAlpha === null ? "all" : String(linkAlpha);

  function setLinkMode(value) {
    linkAlpha = value === "all" ? null : Number(value);
    linkMode.value = linkAlpha === null ? "all" : String(linkAlpha);
    applyFilters();
  }
  linkMode.addEventListener("change", function () { setLinkMode(linkMode.value); });

  // ------------------------------------------------------------------ colour mode
  var colourSelect = $("colour-mode");
  var colourLegend = $("colour-legend");

  function legendRow(colour, label, count) {
    var row = el("div", "legend-row");
    var swatch = el("span", "swatch");
    swatch.style.backgroundColor = colour;
    row.appendChild(swatch);
    row.appendChild(el("span", "type-label", label));
    if (count !== undefined) { row.appendChild(el("span", "count", fmt(count))); }
    return row;
  }

  function setColourMode(mode) {
    colourMode = mode === "community" || mode === "tone" ? mode : "type";
    colourSelect.value = colourMode;
    clear(colourLegend);
    if (colourMode === "community") {
      var grouped = 0;
      COMMUNITIES.forEach(function (c) {
        colourLegend.appendChild(legendRow(c.colour, c.label, c.n));
        grouped += c.n;
      });
      if (NODES.length > grouped) {
        colourLegend.appendChild(legendRow(OTHER_COLOUR, "other actors", NODES.length - grouped));
      }
    } else if (colourMode === "tone") {
      var names = ["conflict", "rather conflict", "mixed", "rather cooperation", "cooperation"];
      toneColours.forEach(function (c, k) { colourLegend.appendChild(legendRow(c, names[k])); });
      colourLegend.appendChild(legendRow("#e3e6eb", "no interaction found"));
    }
    refreshGroups();
  }
  colourSelect.addEventListener("change", function () { setColourMode(colourSelect.value); });

  slider.addEventListener("input", applyFilters);
  slider.addEventListener("change", applyFilters);
  applyFilters();

  // ------------------------------------------------------------------ search
  var keys = [];   // [folded name, node index, original name]
  var datalist = $("actor-names");
  var seen = {};
  NODES.forEach(function (n, i) {
    [n.l].concat(n.al || []).forEach(function (name) {
      var key = fold(name);
      if (!key || seen[key + "\u0000" + i]) { return; }
      seen[key + "\u0000" + i] = true;
      keys.push([key, i, name]);
      var option = document.createElement("option");
      option.value = name;
      if (name !== n.l) { option.label = name + " → " + n.l; }
      datalist.appendChild(option);
    });
  });

  function findActors(query) {
    var q = fold(query);
    if (!q) { return []; }
    var exact = [];
    var prefix = [];
    var inside = [];
    var taken = {};
    keys.forEach(function (k) {
      var bucket = k[0] === q ? exact : k[0].indexOf(q) === 0 ? prefix :
        k[0].indexOf(q) > 0 ? inside : null;
      if (bucket) { bucket.push(k[1]); }
    });
    var out = [];
    exact.concat(prefix, inside).forEach(function (i) {
      if (!taken[i]) { taken[i] = true; out.push(i); }
    });
    return out;
  }

  var status = $("search-status");

  function search(query, animate) {
    var hits = findActors(query);
    if (!hits.length) {
      status.textContent = query.trim() ? "No actor matches “" + query.trim() + "”." : "";
      return null;
    }
    goToNode(hits[0], animate !== false);
    status.textContent = hits.length > 1 ?
      "Best of " + fmt(hits.length) + " matches: " + NODES[hits[0]].l : "Found " + NODES[hits[0]].l;
    return hits[0];
  }

  var searchBox = $("search");
  $("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(searchBox.value, true);
  });
  searchBox.addEventListener("input", function () {
    // A name picked from the suggestions (or typed in full) is found at once.
    var q = fold(searchBox.value);
    if (!q) { status.textContent = ""; return; }
    for (var k = 0; k < keys.length; k += 1) {
      if (keys[k][0] === q) { search(searchBox.value, true); return; }
    }
  });

  $("fit").addEventListener("click", function () {
    network.fit({ animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  });

  // Focus by node index, id, name or alias; returns the index, or null when not found.
  function focusActor(query) {
    var i = null;
    if (typeof query === "number" && NODES[query]) {
      i = query;
    } else if (query !== undefined && query !== null) {
      for (var k = 0; k < NODES.length && i === null; k += 1) {
        if (NODES[k].id === String(query)) { i = k; }
      }
      if (i === null) { i = findActors(String(query))[0]; }
      if (i === undefined) { i = null; }
    }
    if (i === null) { return null; }
    goToNode(i, false);  // focus, select, open its card and centre the view on it
    return i;
  }

  window.actorgraph.focus = focusActor;
  window.actorgraph.clearFocus = function () {
    network.unselectAll();
    clearFocus();
    hidePanel();
  };
  window.actorgraph.focused = function () {
    var out = [];
    focusSet.forEach(function (x, i) { if (x) { out.push(i); } });
    return out;
  };
  window.actorgraph.labels = function () {
    return labelBoxes.map(function (b) { return b.slice(); });
  };
  window.actorgraph.setLinkMode = setLinkMode;
  window.actorgraph.setColourMode = setColourMode;
  window.actorgraph.nodeGroup = function (i) { return nodeGroup[i]; };
  window.actorgraph.search = search;
  window.actorgraph.findActors = findActors;
  window.actorgraph.showNode = goToNode;
  window.actorgraph.showEdge = goToEdge;
  window.actorgraph.applyFilters = applyFilters;
  window.actorgraph.fold = fold;
  mark("controls");
}());
