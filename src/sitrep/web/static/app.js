// sitrep dashboard: the little behaviour the pages have. No inline script anywhere
// (the Content-Security-Policy forbids it); data from the server is only ever set as
// text (textContent), never as HTML.
"use strict";

function toggleLayers() {
  const box = document.getElementById("layers");
  const text = document.getElementById("article-text");
  if (!box || !text) return;
  box.addEventListener("change", (ev) => {
    const layer = ev.target.dataset && ev.target.dataset.layer;
    if (layer) text.classList.toggle("hide-" + layer, !ev.target.checked);
  });
}

function incidentItem(inc) {
  const li = document.createElement("li");
  li.className = "fresh";
  const a = document.createElement("a");
  a.href = "/incidents/" + encodeURIComponent(inc.incident_id);
  a.textContent = inc.label;
  a.className = "live-incident";
  li.append(a);
  const meta = [inc.date_start || "undated", inc.place_name || "", inc.n_sources + " source(s)"];
  if (inc.conflicted) meta.push("contested");
  li.append(document.createTextNode(" — " + meta.filter(Boolean).join(", ")));
  return li;
}

function followLive() {
  const feed = document.getElementById("live-feed");
  const state = document.getElementById("live-state");
  const note = document.getElementById("live-note");
  const fresh = document.getElementById("freshness");
  if (!(feed || note) || typeof EventSource === "undefined") return;
  const version = (fresh && fresh.dataset.version) || "0";
  const source = new EventSource("/api/live/stream?after=" + encodeURIComponent(version));
  source.addEventListener("update", (ev) => {
    const change = JSON.parse(ev.data);
    if (fresh) fresh.textContent = "data as of " + change.at;
    if (feed) {
      for (const inc of change.new_incidents.slice().reverse()) feed.prepend(incidentItem(inc));
      if (state) state.textContent = "Store copied at " + change.at + ": " + change.n_new +
        " new incident(s); " + change.counts.incidents + " incidents, " + change.counts.articles + " articles in all.";
    }
    if (note && change.n_new) {
      note.hidden = false;
      note.textContent = change.n_new + " new incident(s) since this page was loaded; reload to see them in the list.";
    }
  });
  source.addEventListener("status", (ev) => {
    const status = JSON.parse(ev.data);
    if (state && status.writer_active) state.textContent = "A writer is at work (since " + status.writer_seen_at +
      "); showing the store as of " + status.copied_at + ".";
  });
}

// -- deferred panels --------------------------------------------------------------------
// A page whose aggregates are not worked out yet for its filter is sent without them: each
// such panel carries data-panel (what it is), data-src (the read-only /api/ answer that
// fills it) and aria-busy="true" while loading. Everything is built with DOM calls and
// textContent; links are made of encodeURIComponent'd ids, never of data as markup.

const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function withParams(query, changes) {
  const params = new URLSearchParams(query || "");
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) params.delete(k); else params.set(k, v);
  }
  const q = params.toString();
  return q ? "?" + q : "";
}

function signed(n) {
  return (n > 0 ? "+" : "") + n;
}

function legendSwatch(colour, circle) {
  const box = svgEl("svg", {width: 12, height: 12, "aria-hidden": "true"});
  box.append(circle ? svgEl("circle", {cx: 6, cy: 6, r: 5, fill: colour}) : svgEl("rect", {width: 12, height: 12, fill: colour}));
  return box;
}

function fillLegend(node, pairs, circle) {
  node.replaceChildren();
  for (const [label, colour] of pairs) node.append(legendSwatch(colour, circle), document.createTextNode(" " + label + " "));
}

function renderOverview(panel, ov) {
  for (const key of ["incidents", "events", "articles"]) {
    const card = panel.querySelector("#count-" + key);
    if (!card) continue;
    const now = ov.counts[key], before = ov.previous_counts[key];
    card.querySelector(".big").textContent = String(now);
    const delta = card.querySelector(".delta");
    delta.className = "delta" + (now > before ? " up" : now < before ? " down" : "");
    delta.textContent = signed(now - before) + " vs previous period (" + before + ")";
  }
  const c = ov.chart, svg = panel.querySelector("#chart");
  if (svg) {
    svg.setAttribute("viewBox", "0 0 " + c.width + " " + c.height);
    svg.replaceChildren(svgEl("line", {x1: c.left, y1: c.base, x2: c.width, y2: c.base, stroke: "#999"}),
      svgEl("text", {x: 2, y: 14, class: "axis"}, ov.normalised ? c.top.toFixed(2) : String(Math.round(c.top))));
    for (const b of c.bars) {
      const rect = svgEl("rect", {x: b.x, y: b.y, width: b.w, height: b.h, fill: b.colour});
      rect.append(svgEl("title", {}, b.title));
      svg.append(rect);
    }
    for (const t of c.ticks) svg.append(svgEl("text", {x: t.x, y: c.height - 6, class: "axis", "text-anchor": "middle"}, t.label));
    if (!c.bars.length) svg.append(svgEl("text", {x: c.width / 2, y: c.height / 2, "text-anchor": "middle", class: "axis"},
      "no dated events in this period"));
  }
  const legend = panel.querySelector("#chart-legend");
  if (legend) fillLegend(legend, c.legend, false);
  const body = panel.querySelector("#changes tbody");
  const rule = panel.querySelector("#change-rule");
  const trends = rule && rule.dataset.trends ? JSON.parse(rule.dataset.trends) : {};
  if (body) {
    body.replaceChildren();
    for (const r of ov.by_type) {
      const tr = el("tr");
      const link = el("a", {href: "/incidents" + withParams(panel.dataset.query, {type: r.type, since: ov.since, until: ov.until, page: null})}, r.type);
      const first = el("td");
      first.append(link);
      const rate = (value) => value === null || value === undefined ? "–" : value.toFixed(2);
      const perArticle = el("td", {class: "num"}, rate(r.per_article) + " (" + rate(r.previous_per_article) + ")");
      const trend = el("td", {class: "trend " + r.trend}, trends[r.trend] || r.trend);
      tr.append(first, el("td", {}, r.quad_class), el("td", {class: "num"}, r.current), el("td", {class: "num"}, r.previous),
        el("td", {class: "num"}, signed(r.change)), perArticle, trend);
      body.append(tr);
    }
    if (!ov.by_type.length) {
      const tr = el("tr");
      tr.append(el("td", {colspan: "7", class: "empty"}, "No events in either period."));
      body.append(tr);
    }
  }
}

function renderMap(panel, view) {
  const query = panel.dataset.query || "";
  const svg = panel.querySelector("#map");
  svg.setAttribute("viewBox", "0 0 " + view.width + " " + view.height);
  svg.replaceChildren(svgEl("rect", {width: view.width, height: view.height, class: "sea"}));
  for (const d of view.countries) svg.append(svgEl("path", {d: d, class: "land"}));
  for (const m of view.markers) {
    const single = m.count === 1;
    const href = single ? "/incidents/" + encodeURIComponent(m.incident_id)
      : "/map" + withParams(query, {box: m.zoom.join(",")});
    const a = svgEl("a", {href: href, class: single ? "marker" : "cluster"});
    const circle = svgEl("circle", {cx: m.x, cy: m.y, r: m.r, fill: m.colour});
    if (single) circle.setAttribute("class", m.approximate ? "approx" : "exact");
    circle.append(svgEl("title", {}, m.title));
    a.append(circle);
    if (!single) a.append(svgEl("text", {x: m.x, y: m.y + 4, "text-anchor": "middle"}, m.count));
    svg.append(a);
  }
  const summary = panel.querySelector("#map-summary");
  let text = view.placed + " incident" + (view.placed === 1 ? "" : "s") + " on this view (" + view.approximate +
    " placed by their country only, dashed)";
  if (view.total > view.placed) text += "; " + view.total + " with a place match the filters";
  summary.textContent = text + ". Markers are sized by independent sources; numbered circles are clusters — click one to zoom in.";
  const zoom = panel.querySelector("#map-zoom");
  if (zoom && view.zoomed) zoom.hidden = false; else if (zoom) zoom.remove();
  fillLegend(panel.querySelector("#map-legend"), view.legend, true);
  panel.querySelector("#map-notice").textContent = view.notice;
}

function renderActors(panel, answer) {
  const table = panel.querySelector("#actors");
  const keys = [...table.querySelectorAll("thead th")].map((th) => th.dataset.key);
  const query = panel.dataset.query || "";
  const body = table.querySelector("tbody");
  body.replaceChildren();
  for (const a of answer.items) {
    const tr = el("tr");
    for (const key of keys) {
      if (key === "name") {
        const td = el("td");
        td.append(el("a", {href: "/actors/" + encodeURIComponent(a.name) + query}, a.name));
        tr.append(td);
      } else if (key === "country" || key === "sector") {
        tr.append(el("td", {}, a[key] || ""));
      } else {
        tr.append(el("td", {class: "num"}, key === "events" ? a[key] : (a[key] || "")));
      }
    }
    body.append(tr);
  }
  if (!answer.items.length) {
    const tr = el("tr");
    tr.append(el("td", {colspan: String(keys.length), class: "empty"}, "No actor acts in the filtered events."));
    body.append(tr);
  }
  const pager = pagerFor("/actors", query, answer.page, answer.pages);
  if (pager) table.after(pager);
}

// the pager _pager.html.j2 writes, for a list drawn here: the same links and words
function pagerFor(path, query, page, pages) {
  if (pages <= 1) return null;
  const nav = el("nav", {class: "pager"});
  const link = (n, text, attrs) => el("a", Object.assign({href: path + withParams(query, {page: n === 1 ? null : String(n)})}, attrs || {}), text);
  if (page > 1) nav.append(link(1, "« first"), " ", link(page - 1, "‹ previous", {rel: "prev"}));
  nav.append(el("span", {}, "page " + page + " of " + pages));
  if (page < pages) nav.append(link(page + 1, "next ›", {rel: "next", id: "next-page"}), " ", link(pages, "last »"));
  return nav;
}

const PANELS = {overview: renderOverview, map: renderMap, actors: renderActors};

function loadPanels() {
  for (const panel of document.querySelectorAll("[data-panel][data-src]")) {
    const render = PANELS[panel.dataset.panel];
    const note = panel.querySelector("[data-loading]");
    if (!render) continue;
    fetch(panel.dataset.src, {headers: {accept: "application/json"}})
      .then((r) => r.ok ? r.json() : r.text().then((t) => { throw new Error("HTTP " + r.status + ": " + t.slice(0, 200)); }))
      .then((answer) => {
        render(panel, answer);
        if (note && note.id !== "map-summary") note.remove();
        panel.dataset.state = "ready";
      })
      .catch((err) => {
        panel.dataset.state = "failed";
        const msg = "Could not load this panel (" + err.message + "); reload the page to try again.";
        if (note) { note.textContent = msg; note.className = "warn"; } else panel.prepend(el("p", {class: "warn"}, msg));
      })
      .finally(() => panel.setAttribute("aria-busy", "false"));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  loadPanels();
  toggleLayers();
  followLive();
});
