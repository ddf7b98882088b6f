"""The article view's text: the cleaned body cut at every layer's span boundaries into
segments, each carrying the layers that cover it. Spans overlap freely (an actor inside
a quote inside the selected sentence), so the text is never nested markup built from
the spans: the template writes one escaped ``<span>`` per segment with its classes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

#: layer -> CSS class prefix (also the legend's order)
LAYERS = ("event", "cue", "actor", "place", "time", "quote", "figure")


@dataclass
class Mark:
    start: int
    end: int
    layer: str
    label: str
    css: str = ""
    #: the incident page an event trigger links to
    link: Optional[str] = None
    anchor: Optional[str] = None


@dataclass
class Segment:
    text: str
    classes: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    link: Optional[str] = None
    anchor: Optional[str] = None

    @property
    def css(self) -> str:
        return " ".join(self.classes)

    @property
    def title(self) -> str:
        return "\n".join(self.labels)


def _who(actor: Optional[dict]) -> str:
    if not actor:
        return "?"
    extra = ", ".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    return f"{actor.get('name') or actor.get('text')}" + (f" ({extra})" if extra else "")


def marks(doc: dict[str, Any], incident_of: dict[str, str], selected: Optional[str] = None) -> list[Mark]:
    """Every highlighted span of a document JSON; ``incident_of`` maps the document's
    event ids to incident ids, ``selected`` is the event whose sentence is shown selected."""
    out: list[Mark] = []
    for e in doc.get("events") or []:
        c = e.get("certainty") or {}
        status = c.get("status") or "asserted"
        by = f", according to {_who(c.get('attributed_to'))}" if c.get("attributed_to") else ""
        hedges = f"; hedges: {', '.join(c['hedges'])}" if c.get("hedges") else ""
        label = (f"{e['type']} ({status}{by}{hedges}): {_who(e.get('source'))} -> {_who(e.get('target'))}"
                 + (" [background]" if e.get("background") else ""))
        incident = incident_of.get(e["id"])
        link = f"/incidents/{incident}" if incident else None
        spans = [m["span"] for m in e.get("mentions") or []] or [e["trigger"]["span"]]
        for span in spans:
            out.append(Mark(span[0], span[1], "event", label, f"ev ev-{status}", link))
        if c.get("cue"):
            out.append(Mark(*c["cue"]["span"], "cue", f"certainty cue ({status})", "cue"))
        if selected and e["id"] == selected:
            s, t = e["sentence"]["span"]
            out.append(Mark(s, t, "selected", "the sentence this event comes from", "sel", anchor="sel"))
    for a in doc.get("actors") or []:
        out.append(Mark(a["span"][0], a["span"][1], "actor", f"actor: {_who(a)}", "actor"))
    for p in doc.get("places") or []:
        where = ", ".join(x for x in (p.get("name"), p.get("admin1"), p.get("country")) if x)
        out.append(Mark(p["span"][0], p["span"][1], "place", f"place: {where}", "place"))
    for t in doc.get("times") or []:
        out.append(Mark(t["span"][0], t["span"][1], "time", f"time: {t.get('value') or '?'}", "time"))
    for q in doc.get("quotes") or []:
        who = _who(q.get("speaker")) if q.get("speaker") else (q.get("speaker_text") or {}).get("text") or "unknown"
        out.append(Mark(q["span"][0], q["span"][1], "quote", f"{q.get('kind') or 'direct'} quote: {who}", "quote"))
    for n in doc.get("quantities") or []:
        what = " ".join(str(x) for x in (n.get("value"), n.get("unit"), n.get("counted")) if x not in (None, ""))
        out.append(Mark(n["span"][0], n["span"][1], "figure", f"figure: {what}", "figure"))
    return out


def segments(text: str, spans: list[Mark]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece lists the spans covering it."""
    n = len(text)
    valid = [m for m in spans if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n} | {m.start for m in valid} | {m.end for m in valid})
    starts: dict[int, list[Mark]] = {}
    for m in valid:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out: list[Segment] = []
    anchored = set()
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        seg = Segment(text[a:b])
        for m in active:
            if m.css and m.css not in seg.classes:
                seg.classes.append(m.css)
            if m.label not in seg.labels:
                seg.labels.append(m.label)
            seg.link = seg.link or m.link
            if m.anchor and m.anchor not in anchored:
                seg.anchor = m.anchor
                anchored.add(m.anchor)
        out.append(seg)
    return out
