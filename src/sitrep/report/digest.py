"""A readable Markdown digest of one analysed document (``sitrep extract --format md``).

Renders whatever layers the document has; a layer that is empty is said to be empty,
so the digest also shows what the pipeline did not find. Every piece of text taken from
the input (title, outlet, URL, sentences, names) goes through ``md_text``, so hostile
markup in an article stays literal characters in the digest.
"""
from __future__ import annotations

from typing import Callable, Hashable, Iterable, Optional, TypeVar

from sitrep.model import Actor, Document, Event, Place, Quantity, Quote, Time
from sitrep.report.safety import md_text

T = TypeVar("T")

#: cap per section so a long article stays readable; the JSON output has everything
MAX_ITEMS = 50


def render(doc: Document) -> str:
    a = doc.article
    lines = [f"# {_inline(a.title) or '(untitled article)'}", ""]
    facts = [
        ("Published", _inline(a.published) or "unknown"),
        ("Source", _inline(a.source) or "unknown"),
        ("URL", _inline(a.url)),
        ("Read from", f"{_inline(a.origin)} ({a.input_format})" if a.origin else a.input_format),
        ("Language", _inline(a.language)),
        ("Words", str(len(a.text.split()))),
    ]
    if a.meta.get("date_source"):
        facts[0] = ("Published", f"{_inline(a.published) or 'unknown'} ({_inline(str(a.meta['date_source']))})")
    for label, value in facts:
        if value:
            lines.append(f"- **{label}:** {value}")
    if a.removed:
        kinds: dict[str, int] = {}
        for r in a.removed:
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
        summary = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
        lines.append(f"- **Removed by cleaning:** {len(a.removed)} ({summary})")
    else:
        lines.append("- **Removed by cleaning:** nothing")
    lines.append("")

    _section(lines, "Events", doc.events, lambda e: _event(doc, e))
    _section(lines, "Quotes", doc.quotes, _quote)
    _section(lines, "Figures", doc.quantities, _quantity)
    _section(lines, "Places", _unique(doc.places, lambda p: (p.name, p.country, p.geonameid)), _place)
    _section(lines, "Dates", doc.times, _time)
    _section(lines, "Actors", _unique(doc.actors, lambda a: (a.name, a.country, a.sector)), _actor)
    return "\n".join(lines).rstrip() + "\n"


def _section(lines: list[str], heading: str, items: Iterable, fmt) -> None:
    items = list(items)
    lines.append(f"## {heading} ({len(items)})")
    lines.append("")
    if not items:
        lines.append("_none found_")
    for item in items[:MAX_ITEMS]:
        lines.append(f"- {fmt(item)}")
    if len(items) > MAX_ITEMS:
        lines.append(f"- … and {len(items) - MAX_ITEMS} more (see --format json)")
    lines.append("")


def _inline(text: Optional[str]) -> str:
    """Input text on one line, inert in Markdown (no HTML, links, emphasis or headings)."""
    return md_text(text)


def _actor_name(actor: Optional[Actor]) -> str:
    if actor is None:
        return "?"
    name = _inline(actor.name or actor.text)
    extra = _inline("/".join(x for x in (actor.country, actor.sector) if x))
    return f"{name} ({extra})" if extra else name


def _event(doc: Document, e: Event) -> str:
    head = f"**{e.type}**" + (f" [{e.mode}]" if e.mode else "")
    who = f"{_actor_name(e.source)} → {_actor_name(e.target)}"
    c = e.certainty
    status = c.status
    if c.attributed_to is not None:
        status += f" by {_actor_name(c.attributed_to)}"
    if c.cue is not None:
        status += f" (\"{_inline(c.cue.text)}\")"
    if c.hedges:
        status += "; hedges: " + ", ".join(_inline(h) for h in c.hedges)
    parts = [head, who, status]
    if e.date is not None:
        parts.append(f"date {_inline(e.date.value or e.date.text)}")
    if e.place is not None:
        parts.append(f"in {_place_name(e.place)}")
    if e.figures:
        parts.append("figures: " + ", ".join(_inline(q.text) for q in e.figures))
    sentence = _inline(e.sentence.text) if e.sentence else ""
    trigger = _inline(e.trigger.text) if e.trigger else ""
    return " · ".join(parts) + f"\n  > {sentence}" + (f"\n  (trigger: \"{trigger}\")" if trigger else "")


def _quote(q: Quote) -> str:
    speaker = _actor_name(q.speaker) if q.speaker else (
        f"{_inline(q.speaker_text.text)} (unresolved)" if q.speaker_text else "unknown speaker")
    words = md_text(q.text, quote=True).strip(" ,")
    return f"{speaker} ({q.kind}): “{words}”"


def _quantity(q: Quantity) -> str:
    bits = [f"“{_inline(q.text)}”"]
    value = q.value if q.value_high is None else f"{q.value}–{q.value_high}"
    detail = " ".join(_inline(str(x)) for x in (q.approx, value, q.unit, q.counted) if x not in (None, ""))
    if detail:
        bits.append(f"= {detail}")
    return " ".join(bits)


def _place_name(p: Place) -> str:
    where = ", ".join(_inline(x) for x in (p.name, p.admin1, p.country) if x)
    return where or _inline(p.text)


def _place(p: Place) -> str:
    coords = f" ({p.lat:.3f}, {p.lon:.3f})" if p.lat is not None and p.lon is not None else ""
    return f"{_place_name(p)}{coords}" + (f" — as “{_inline(p.text)}”" if p.text != p.name else "")


def _time(t: Time) -> str:
    value = _inline(t.value) or "unresolved"
    return f"“{_inline(t.text)}” = {value}" + (f" ({t.granularity})" if t.granularity else "")


def _actor(a: Actor) -> str:
    kind = f", {_inline(a.kind)}" if a.kind else ""
    return f"{_actor_name(a)}{kind}" + (f" — as “{_inline(a.text)}”" if a.text != a.name else "")


def _unique(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The items in order, each key once (the first mention of a place or actor stands for all)."""
    seen: set = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
