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

document.addEventListener("DOMContentLoaded", () => {
  toggleLayers();
  followLive();
});
