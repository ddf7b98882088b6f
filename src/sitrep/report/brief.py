"""The situation report (Markdown, or HTML): built from the store, every statement
footnoted to its article and sentence.

Footnote labels are ``a<article number>s<sentence number>`` (numbers in order of first
citation / within the article, from 1), each resolving to outlet, date, URL and the quoted
sentence, so an analyst can check any line against its source.
"""
from __future__ import annotations

import bisect
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Optional

from sitrep.corpus import queries
from sitrep.corpus.incidents import AFFIRMING, DENYING
from sitrep.report.issues import count_tags, issue_tags

#: verbs of what an actor wants (its demands, offers, threats), by event type
WANT_TYPES = ("REQUEST", "THREATEN", "REJECT", "AGREE", "CONSULT", "SUPPORT", "CONCEDE")
HEDGE_STATUSES = ("claimed", "alleged")
_WORDS = re.compile(r"\w+")


def _country_name(code: Optional[str]) -> Optional[str]:
    if not code:
        return None
    try:
        import pycountry
        c = pycountry.countries.get(alpha_3=code) or pycountry.countries.get(alpha_2=code)
        return getattr(c, "common_name", None) or c.name if c else code
    except ImportError:
        return code


def _one_line(text: str, limit: int = 320) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _md_escape(text: str) -> str:
    return (text or "").replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


@dataclass
class Citations:
    """Footnotes for (article, sentence) pairs, numbered in order of first use."""
    store: Any
    articles: dict[str, int] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    _sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _meta: dict[str, dict] = field(default_factory=dict)

    def _sentence(self, article_id: str, start: Optional[int]) -> tuple[int, Optional[str]]:
        """(1-based sentence number, sentence text) of the sentence holding ``start``."""
        if article_id not in self._sentences:
            doc = self.store.document(article_id) or {}
            self._sentences[article_id] = [tuple(s["span"]) for s in doc.get("sentences") or []]
            self._meta[article_id] = doc.get("article") or {}
        spans = self._sentences[article_id]
        if start is None or not spans:
            return 0, None
        n = max(1, bisect.bisect_right([s for s, _ in spans], start))
        s, e = spans[n - 1]
        text = self._meta[article_id].get("text") or ""
        return n, (text[s:e] if s <= start < e else None)

    def cite(self, article_id: str, sentence_start: Optional[int], sentence: str, outlet: Optional[str] = None,
             published: Any = None, url: Optional[str] = None) -> str:
        n_article = self.articles.setdefault(article_id, len(self.articles) + 1)
        n_sentence, full_sentence = self._sentence(article_id, sentence_start)
        sentence = full_sentence or sentence  # quote the whole sentence, not a fragment
        label = f"a{n_article}s{n_sentence}"
        if label not in self.notes:
            meta = self._meta.get(article_id, {})
            outlet = outlet or meta.get("source") or "unknown outlet"
            day = published or meta.get("published") or "undated"
            if hasattr(day, "isoformat"):
                day = day.isoformat()
            url = url or meta.get("url")
            where = f"<{url}>" if url else f"article {article_id}"
            self.notes[label] = f'{outlet}, {str(day)[:10]}, {where}: "{_md_escape(_one_line(sentence, 400))}"'
        return f"[^{label}]"


def build_brief(store, *, about: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                out_dir: Optional[str | Path] = None, max_incidents: int = 8, max_timeline: int = 40,
                plot: bool = True) -> str:
    """The brief as Markdown; writes the plot (PNG, SVG) into ``out_dir`` when given."""
    cites = Citations(store)
    arts = queries.articles(store, about=about, since=since, until=until)
    events = queries.events(store, about=about, since=since, until=until)
    incs = queries.incidents(store, about=about, since=since, until=until)
    title = f"Situation report: {about}" if about else "Situation report"
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    outlets = sorted({a["outlet"] for a in arts if a["outlet"]})
    copies = sum(1 for a in arts if a["duplicate_of"])
    days = [a["pub_date"] for a in arts if a["pub_date"]]
    span = f"{min(days).isoformat()} to {max(days).isoformat()}" if days else "undated"
    lines = [f"# {title}", "",
             f"_Generated {now} by sitrep from {len(arts)} articles ({len(outlets)} outlets; "
             f"{copies} near-duplicate copies not counted as independent sources), published {span}. "
             f"{len(events)} events, {len(incs)} incidents._", ""]
    if not arts:
        lines += ["No stored articles match. Ingest some with `sitrep ingest`, or widen --about/--since.", ""]
        return "\n".join(lines)

    lines += _headline_incidents(incs, cites, max_incidents)
    lines += _timeline(incs, cites, max_timeline)
    lines += _positions(store, events, arts, cites, about)
    lines += _key_figures(store, events, arts, cites)
    lines += _contested(incs, events, cites)
    if plot and out_dir is not None:
        from sitrep.report.plot import plot_events
        paths = plot_events([(e["event_date"], e["quad_class"]) for e in events], out_dir)
        lines += ["## Activity over time", "",
                  f"![Event counts over time by PLOVER quad class]({paths[0].name})", "",
                  f"Vector version: [{paths[1].name}]({paths[1].name}).", ""]
    lines += ["## Sources", ""]
    if cites.notes:
        lines += [f"[^{label}]: {note}" for label, note in cites.notes.items()]
    else:
        lines.append("No statement above cites a sentence.")
    lines.append("")
    return "\n".join(lines)


def _status_text(certainty: dict[str, list[str]]) -> str:
    return "; ".join(f"{outlet} {'/'.join(statuses)}" for outlet, statuses in certainty.items())


def _headline_incidents(incs: list[dict], cites: Citations, limit: int) -> list[str]:
    lines = ["## Headline incidents", ""]
    if not incs:
        return lines + ["No incidents: no events were extracted from the matching articles.", ""]
    for n, inc in enumerate(incs[:limit], 1):
        when = f", {_date_range(inc)}" if inc.get("date_start") else " (date unknown)"
        flag = " **Contested**: one source reports a denial." if inc.get("conflicted") else ""
        lines.append(f"{n}. **{_md_escape(inc['label'])}**{when}: {inc['n_sources']} independent "
                     f"source{'s' if inc['n_sources'] != 1 else ''}, {inc['n_articles']} article"
                     f"{'s' if inc['n_articles'] != 1 else ''}; first reported "
                     f"{_iso(inc.get('first_reported'))}, latest {_iso(inc.get('latest_reported'))}. "
                     f"Certainty by outlet: {_md_escape(_status_text(inc['certainty']))}.{flag}")
        seen = set()
        for m in inc["mentions"]:
            key = (m["outlet"], m["sentence"])
            if key in seen or len(seen) >= 4:
                continue
            seen.add(key)
            ref = cites.cite(m["article_id"], m["sentence_start"], m["sentence"], m["outlet"], m["pub_date"], m["url"])
            lines.append(f"   - {m['outlet'] or 'unknown outlet'} ({m['certainty']}): "
                         f"\"{_md_escape(_one_line(m['sentence'], 240))}\" {ref}")
    lines.append("")
    return lines


def _date_range(inc: dict) -> str:
    start, end = inc.get("date_start"), inc.get("date_end")
    if not start:
        return "date unknown"
    return start.isoformat() + (f" to {end.isoformat()}" if end and end != start else "")


def _iso(d: Any) -> str:
    return d.isoformat() if hasattr(d, "isoformat") else (str(d) if d else "?")


def _timeline(incs: list[dict], cites: Citations, limit: int) -> list[str]:
    lines = ["## Timeline", ""]
    # an incident with neither actor known says little on its own unless several outlets carry it
    dated = sorted((i for i in incs if i.get("date_start")
                    and (i.get("source_name") or i.get("target_name") or i["n_sources"] > 1)),
                   key=lambda i: (i["date_start"], i["incident_id"]))
    if not dated:
        return lines + ["No dated incidents.", ""]
    if len(dated) > limit:  # keep the best-sourced, shown in date order
        keep = {i["incident_id"] for i in sorted(dated, key=lambda i: -i["n_sources"])[:limit]}
        dated = [i for i in dated if i["incident_id"] in keep]
    for inc in dated:
        m = inc["mentions"][0] if inc["mentions"] else None
        ref = cites.cite(m["article_id"], m["sentence_start"], m["sentence"], m["outlet"], m["pub_date"],
                         m["url"]) if m else ""
        said = f': "{_md_escape(_one_line(m["sentence"], 140))}"' if m else ""
        lines.append(f"- **{inc['date_start'].isoformat()}**: {_md_escape(inc['label'])} "
                     f"({inc['n_sources']} source{'s' if inc['n_sources'] != 1 else ''}){said} {ref}")
    lines.append("")
    return lines


def _actor_key(name: Optional[str], country: Optional[str]) -> Optional[str]:
    return country or name


def _positions(store, events: list[dict], arts: list[dict], cites: Citations, about: Optional[str]) -> list[str]:
    """What each main actor says it wants and what it accuses the other side of."""
    lines = ["## What each side says", ""]
    article_ids = {a["article_id"] for a in arts}
    quotes = [q for q in store.rows("""
        SELECT q.*, a.outlet, a.pub_date, a.url FROM quotes q JOIN articles a USING (article_id)
        WHERE a.duplicate_of IS NULL ORDER BY a.pub_date NULLS LAST, q.article_id, q.start_char""")
        if q["article_id"] in article_ids]
    by_actor: dict[str, dict[str, list]] = defaultdict(lambda: {"wants": [], "accuses": [], "quotes": []})
    weight: Counter = Counter()
    for e in events:
        key = _actor_key(e["source_name"], e["source_country"])
        if not key or e["duplicate_of"]:
            continue
        weight[key] += 1
        if e["type"] == "ACCUSE":
            by_actor[key]["accuses"].append(e)
        elif e["type"] in WANT_TYPES:
            by_actor[key]["wants"].append(e)
    for q in quotes:
        key = _actor_key(q["speaker_name"], q["speaker_country"])
        if key and len(_WORDS.findall(q["text"] or "")) >= 4:  # fragments say little on their own
            weight[key] += 1
            by_actor[key]["quotes"].append(q)
    if not weight:
        return lines + ["No attributed events or quotes with identified speakers.", ""]
    for key, _ in weight.most_common(4):
        data = by_actor[key]
        name = _country_name(key) if len(key) == 3 and key.isupper() else key
        texts = [e["sentence"] for e in data["wants"] + data["accuses"]] + [q["text"] for q in data["quotes"]]
        tags = count_tags(texts)
        lines.append(f"### {name}")
        lines.append("")
        if tags:
            lines.append("Issues raised: " + ", ".join(f"{t} ({n})" for t, n in tags.most_common()) + ".")
            lines.append("")
        accused_sentences = {(e["article_id"], e["sentence_start"]) for e in data["accuses"]}
        wants = _unique_sentences(e for e in data["wants"]
                                  if (e["article_id"], e["sentence_start"]) not in accused_sentences)
        for label, items in (("Wants / demands / offers", wants),
                             ("Accuses the other side of", _unique_sentences(data["accuses"]))):
            if not items:
                continue
            lines.append(f"**{label}:**")
            for e in items[:5]:
                ref = cites.cite(e["article_id"], e["sentence_start"], e["sentence"], e["outlet"], e["pub_date"], e["url"])
                target = f" → {e['target_name']}" if e.get("target_name") else ""
                tags_e = issue_tags(e["sentence"])
                lines.append(f"- {e['type']}{target} ({e['certainty']}"
                             + (f"; {', '.join(tags_e)}" if tags_e else "") + f"): "
                             f"\"{_md_escape(_one_line(e['sentence'], 240))}\" {ref}")
            lines.append("")
        if data["quotes"]:
            lines.append("**In their words:**")
            for q in data["quotes"][:4]:
                doc_sentence = q["text"]
                ref = cites.cite(q["article_id"], q["start_char"], doc_sentence, q["outlet"], q["pub_date"], q["url"])
                who = q["speaker_name"] or q["speaker_text"] or "unnamed"
                tags_q = issue_tags(q["text"])
                lines.append(f"- {who}" + (f" [{', '.join(tags_q)}]" if tags_q else "")
                             + f": \"{_md_escape(_one_line(q['text'], 240))}\" {ref}")
            lines.append("")
    return lines


def _unique_sentences(events) -> list[dict]:
    seen, out = set(), []
    for e in events:
        key = (e["article_id"], e["sentence_start"])
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _key_figures(store, events: list[dict], arts: list[dict], cites: Citations, limit: int = 10) -> list[str]:
    lines = ["## Key figures", ""]
    rows = []
    for e in events:
        for f in json.loads(e["figures"] or "[]"):
            if f.get("value") is not None:
                rows.append((f, e["sentence"], e["sentence_start"], e))
    if not rows:  # no figures attached to events: fall back to counted quantities
        article_ids = {a["article_id"] for a in arts if not a["duplicate_of"]}
        # the sentence around each quantity comes from the store's sentences table
        for q in store.rows("""SELECT q.*, a.outlet, a.pub_date, a.url, a.text AS article_text,
                                       s.start_char AS sentence_start, s.end_char AS sentence_end
                                FROM quantities q JOIN articles a USING (article_id)
                                LEFT JOIN sentences s ON s.article_id = q.article_id
                                     AND q.start_char >= s.start_char AND q.start_char < s.end_char
                                WHERE q.counted IS NOT NULL AND q.value IS NOT NULL
                                ORDER BY a.pub_date, q.article_id, q.start_char"""):
            if q["article_id"] not in article_ids:
                continue
            text = q.pop("article_text") or ""
            start = q.pop("sentence_start")
            end = q.pop("sentence_end")
            sent = (start, end) if start is not None else (q["start_char"], q["end_char"])
            rows.append((q, text[sent[0]:sent[1]], sent[0], q))
    if not rows:
        return lines + ["No figures extracted.", ""]
    seen = set()
    for f, sentence, start, src in rows:
        key = (f.get("text"), src["outlet"])
        if key in seen:
            continue
        seen.add(key)
        ref = cites.cite(src["article_id"], start, sentence, src["outlet"], src["pub_date"], src["url"])
        counted = f" {f['counted']}" if f.get("counted") else ""
        lines.append(f"- **{_md_escape(f.get('text') or '')}**{_md_escape(counted) if counted and f.get('counted') not in (f.get('text') or '') else ''}"
                     f" ({src['outlet'] or 'unknown outlet'}) {ref}")
        if len(seen) >= limit:
            break
    lines.append("")
    return lines


def _contested(incs: list[dict], events: list[dict], cites: Citations, limit: int = 8) -> list[str]:
    lines = ["## Contested claims", ""]
    rows = []
    for inc in incs:
        if not inc.get("conflicted"):
            continue
        claims = [m for m in inc["mentions"] if m["certainty"] in AFFIRMING]
        denials = [m for m in inc["mentions"] if m["certainty"] in DENYING]
        if claims and denials:
            rows.append((inc["label"], claims[0], denials[0]))
    hedged = _unique_sentences(sorted(
        (e for e in events if (e["hedges"] or "[]") != "[]" or e["certainty"] in HEDGE_STATUSES),
        key=lambda e: ((e["hedges"] or "[]") == "[]", e["event_date"] or date.max, e["event_id"])))
    if not rows and not hedged:
        return lines + ["No contested claims found (no denials or unevidenced claims among the events).", ""]
    if rows:
        lines += ["| Incident | Claim | Denial |", "|---|---|---|"]
        for label, claim, denial in rows[:limit]:
            c_ref = cites.cite(claim["article_id"], claim["sentence_start"], claim["sentence"], claim["outlet"],
                               claim["pub_date"], claim["url"])
            d_ref = cites.cite(denial["article_id"], denial["sentence_start"], denial["sentence"], denial["outlet"],
                               denial["pub_date"], denial["url"])
            lines.append(f"| {_md_escape(label)} | {claim['outlet']} ({claim['certainty']}): "
                         f"\"{_md_escape(_one_line(claim['sentence'], 160))}\" {c_ref} | {denial['outlet']}: "
                         f"\"{_md_escape(_one_line(denial['sentence'], 160))}\" {d_ref} |")
        lines.append("")
    if hedged:
        lines.append("**Claims made without evidence or only attributed to one side:**")
        for e in hedged[:limit]:
            hedges = ", ".join(json.loads(e["hedges"] or "[]"))
            who = f" by {e['attributed_to']}" if e.get("attributed_to") else ""
            ref = cites.cite(e["article_id"], e["sentence_start"], e["sentence"], e["outlet"], e["pub_date"], e["url"])
            lines.append(f"- {e['type']} {e['certainty']}{who}" + (f" ({hedges})" if hedges else "")
                         + f": \"{_md_escape(_one_line(e['sentence'], 200))}\" {ref}")
        lines.append("")
    return lines


# -- HTML -----------------------------------------------------------------------------------

_FOOTREF = re.compile(r"\[\^([a-z0-9]+)\]")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])_(.+?)_(?![\w])")
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]+)\)")
_AUTOLINK = re.compile(r"&lt;(https?://[^&\s]+)&gt;")


def _inline(text: str) -> str:
    text = text.replace("\\|", "|")
    out = html.escape(text.replace("\\[", "\x01").replace("\\]", "\x02"), quote=False)

    def link(m: re.Match) -> str:
        if m.group(0).startswith("!"):
            return f'<img alt="{m.group(1)}" src="{m.group(2)}">'
        return f'<a href="{m.group(2)}">{m.group(1)}</a>'

    out = _FOOTREF.sub(lambda m: f'<sup><a href="#fn-{m.group(1)}" id="ref-{m.group(1)}">{m.group(1)}</a></sup>', out)
    out = _LINK.sub(link, out)
    out = _AUTOLINK.sub(lambda m: f'<a href="{m.group(1)}">{m.group(1)}</a>', out)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    out = _ITALIC.sub(r"<em>\1</em>", out)
    return out.replace("\x01", "[").replace("\x02", "]")


def markdown_to_html(md: str, title: str = "Situation report") -> str:
    """HTML for the Markdown subset ``build_brief`` writes (headings, lists, tables, footnotes)."""
    body: list[str] = []
    in_list: Optional[str] = None
    in_table = False
    notes: list[str] = []

    def close() -> None:
        nonlocal in_list, in_table
        if in_list:
            body.append(f"</{in_list}>")
            in_list = None
        if in_table:
            body.append("</table>")
            in_table = False

    for line in md.splitlines():
        m_note = re.match(r"^\[\^([a-z0-9]+)\]: (.*)$", line)
        if m_note:
            notes.append(f'<li id="fn-{m_note.group(1)}"><b>{m_note.group(1)}</b> {_inline(m_note.group(2))}</li>')
            continue
        if line.startswith("#"):
            close()
            level = len(line) - len(line.lstrip("#"))
            body.append(f"<h{level}>{_inline(line[level:].strip())}</h{level}>")
        elif line.startswith("|"):
            if in_list:
                body.append(f"</{in_list}>")
                in_list = None
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            if all(set(c) <= {"-", ":"} for c in cells):
                continue
            tag = "th" if not in_table else "td"
            if not in_table:
                body.append("<table>")
                in_table = True
            body.append("<tr>" + "".join(f"<{tag}>{_inline(c)}</{tag}>" for c in cells) + "</tr>")
        elif re.match(r"^\s*(-|\d+\.) ", line):
            kind = "ol" if re.match(r"^\d+\. ", line) else "ul"
            nested = line.startswith("   ")
            if nested and in_list:
                sub = f'<div class="sub">{_inline(line.strip()[2:])}</div>'
                if body[-1].endswith("</li>"):  # keep it inside the item it belongs to
                    body[-1] = body[-1][:-5] + sub + "</li>"
                else:
                    body.append(sub)
                continue
            if in_list != kind:
                close()
                body.append(f"<{kind}>")
                in_list = kind
            item = re.sub(r"^(-|[0-9]+\.) ", "", line.strip())
            body.append(f"<li>{_inline(item)}</li>")
        elif not line.strip():
            close()
        else:
            close()
            body.append(f"<p>{_inline(line)}</p>")
    close()
    if notes:
        body.append('<ol class="notes">' + "\n".join(notes) + "</ol>")
    style = ("body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;line-height:1.45}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em;vertical-align:top}"
             ".sub{margin-left:1.5em;font-size:.95em;color:#333}.notes{font-size:.85em;list-style:none}"
             "img{max-width:100%}")
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{style}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
