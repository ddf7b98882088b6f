"""The brief as Markdown (GitHub/CommonMark with footnotes).

Every piece of text that comes from an article (sentences, names, titles, outlets) goes
through ``md_text``, so article text cannot become markup in ``brief.md``; URLs are
linked only when they are http(s) (``safe_url`` in ``sources``).

Numbers: the body states a number only inside text quoted or cut from a footnoted
sentence, or as an ISO date read from one; the counts sitrep computes itself stand only
in the header and in the "Change against the previous period" table, which say so.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from sitrep.report.content import (MIN_ARTICLES_TO_COMPARE, MIN_EVENTS_TO_MOVE, POSITION_KINDS, RATE_FACTOR, Brief,
                                    Incident, Note)
from sitrep.report.safety import md_text

ARROWS = {"up": "▲ up", "down": "▼ down", "same": "= about the same", "few": "too few articles to say"}
#: how the change table judges a row (report/content.py Change.direction)
CHANGE_RULE = (f"a row goes up or down when its events per article move by more than "
               f"{round((RATE_FACTOR - 1) * 100)}% and by more than {MIN_EVENTS_TO_MOVE} events; with fewer than "
               f"{MIN_ARTICLES_TO_COMPARE} articles in either period there are too few articles to say.")
#: what the timeline holds (report/headlines.py is_significant)
TIMELINE_RULE = ("Every significant incident of the period, in date order: reported as happening by two or more "
                 "independent sources, or by one when it is force, coercion, sanctions or a mobilisation or comes "
                 "with a key figure.")
#: below this many articles in a default period, the header suggests a wider one
FEW_ARTICLES = 5


def _n(count: int, one: str, many: str = "") -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _refs(labels: list[str]) -> str:
    return "".join(f"[^{label}]" for label in dict.fromkeys(labels) if label)


def _period_line(brief: Brief) -> str:
    p = brief.period
    if p is None:
        return "_Period: none — no article in scope has a publication date._"
    how = ("as asked with --since/--until" if p.explicit else
           f"the last {p.days} days of the data; choose another with --since/--until")
    prev = brief.previous
    return (f"_Period: {p.since.isoformat()} to {p.until.isoformat()} ({how}); compared with "
            f"{prev.since.isoformat()} to {prev.until.isoformat()}._")


def _unnamed(brief: Brief) -> str:
    if not brief.unnamed:
        return ""
    return (f", plus {_n(brief.unnamed, 'article')} naming no outlet (shown by file name or web site, each "
            f"counted as its own source)")


def header(brief: Brief) -> list[str]:
    about = f" about {md_text(brief.subject)}" if brief.subject else ""
    scope = (f"{brief.scope_articles} of the {brief.store_articles} stored articles are{about}" if brief.subject
             else f"{_n(brief.store_articles, 'article')} stored")
    scope += f", {brief.undated} of them undated and so outside any period" if brief.undated else ""
    hint = []
    if brief.period and not brief.period.explicit and brief.articles < FEW_ARTICLES < brief.scope_articles:
        hint = [f"_Only {_n(brief.articles, 'article')} in the last {brief.period.days} days of the data; "
                f"use --since/--until to cover more of the {brief.scope_articles} in scope._", ""]
    return [f"# {md_text(brief.title)}", "", _period_line(brief), "", *hint,
            f"_Sources: {_n(brief.articles, 'article')}{about} published in the period, from "
            f"{_n(brief.outlets, 'outlet')}{_unnamed(brief)}; "
            f"{_n(brief.copies, 'near-duplicate copy', 'near-duplicate copies')} "
            f"not counted as independent sources; {scope}. "
            f"Generated {brief.generated} by sitrep: every statement below is footnoted to the sentence it "
            f"comes from._", ""]


def _certainty(inc: Incident) -> str:
    return "; ".join(f"{md_text(outlet)} {md_text(status)}" for outlet, status in inc.certainty)


def headlines(brief: Brief) -> list[str]:
    lines = ["## Headline incidents", ""]
    if not brief.headlines:
        return lines + ["No incident of the period involves the subject.", ""]
    for n, inc in enumerate(brief.headlines, 1):
        when = f" — {inc.when}"
        flag = " **Contested:** one source denies what another reports." if inc.contested else ""
        lines.append(f"{n}. **{md_text(inc.title)}**{when}. Independent sources: "
                     f"{md_text(', '.join(inc.outlets))}. Certainty by outlet: {_certainty(inc)}.{flag}")
        for q in inc.quotes:
            lines.append(f"   - {md_text(q.outlet)} ({md_text(q.status)}): \"{md_text(q.text, 280, quote=True)}\" {_refs([q.note])}")
        for f in inc.figures[:3]:
            lines.append(f"   - Figure ({md_text(f.kind)}): {md_text(f.text)} — {md_text(f.outlet)} {_refs([f.note])}")
    return lines + [""]


def timeline(brief: Brief) -> list[str]:
    lines = ["## Timeline", "", TIMELINE_RULE, ""]
    if not brief.timeline:
        return lines + ["No significant dated incident in the period.", ""]
    for inc in brief.timeline:
        lines.append(f"- **{inc.when}** — {md_text(inc.title)} ({md_text(', '.join(inc.outlets))})"
                     + (" — contested" if inc.contested else "") + f" {_refs(inc.notes[:2])}")
    return lines + [""]


def developments(brief: Brief) -> list[str]:
    lines = ["## Key developments", ""]
    if not brief.key_developments:
        return lines + ["Nothing involving the subject was reported in the period.", ""]
    return lines + [" ".join(f"{md_text(s.text)}{_refs(s.notes)}" for s in brief.key_developments), ""]


def per_article(count: int, rate) -> str:
    """'12 (0.86/article)': the count and what it is per article in scope."""
    return f"{count} ({rate:.2f}/article)" if rate is not None else str(count)


def change(brief: Brief) -> list[str]:
    lines = ["## Change against the previous period", ""]
    if not brief.changes or brief.previous is None:
        return lines + ["No events in either period.", ""]
    if not brief.previous_articles:
        return lines + [f"No article in scope was published in the previous period "
                        f"({brief.previous.since.isoformat()} to {brief.previous.until.isoformat()}), so there is "
                        f"nothing to compare with.", ""]
    p, q = brief.previous, brief.period
    lines += [f"sitrep's own counts of extracted events that involve the subject, by the date of the event, "
              f"and per article in scope ({brief.previous_articles} in the previous period, {brief.articles} in "
              f"this one): {CHANGE_RULE}",
              "",
              f"| Events | {p.since.isoformat()} to {p.until.isoformat()} | {q.since.isoformat()} to "
              f"{q.until.isoformat()} | Change |", "|---|---:|---:|---|"]
    for c in brief.changes:
        label = f"**{md_text(c.label)}**" if " " in c.label else md_text(c.label)
        lines.append(f"| {label} | {per_article(c.previous, c.previous_rate)} | "
                     f"{per_article(c.current, c.current_rate)} | {ARROWS[c.direction]} |")
    return lines + [""]


def sides(brief: Brief) -> list[str]:
    lines = ["## What does each side want?", ""]
    if not brief.sides:
        return lines + ["No pair of sides with enough attributed events or statements in the period.", ""]
    for view in brief.sides:
        lines += [f"### {md_text(view.side)} → {md_text(view.other)}", ""]
        if view.issues:
            lines += ["Issues raised: " + ", ".join(md_text(tag) for tag, _ in view.issues) + ".", ""]
        for kind, _ in POSITION_KINDS:
            items = view.positions.get(kind)
            if not items:
                continue
            lines.append(f"**{md_text(view.heading(kind))}:**")
            for pos in items:
                what = md_text(pos.label)
                if pos.according_to:
                    what += f"; according to {md_text(pos.according_to)}"
                lines.append(f"- {md_text(pos.who)} ({what}): \"{md_text(pos.text, 280, quote=True)}\" {_refs([pos.note])}")
            lines.append("")
    return lines


def _listed(title: str, items: list, empty: str, line: Callable[[Any], str]) -> list[str]:
    """A section: its title, then one line per item, or the sentence saying there is none."""
    return [f"## {title}", ""] + ([line(item) for item in items] if items else [empty]) + [""]


def figures(brief: Brief) -> list[str]:
    return _listed("Key figures", brief.figures,
                   "No casualty, detention, displacement, force or money figure is tied to an incident of the period.",
                   lambda f: f"- **{md_text(f.text)}** ({md_text(f.kind)}) — {md_text(f.incident)}; "
                             f"{md_text(f.outlet)} {_refs([f.note])}")


def contested(brief: Brief) -> list[str]:
    return _listed("Contested claims", brief.contested,
                   "No source's account of an incident of the period is denied or contradicted by another.", _contest)


def _contest(c) -> str:
    verb = "denied by" if c.kind == "denial" else "contradicted by"
    return (f"- **{md_text(c.incident)}**: {md_text(c.claim.outlet)} ({md_text(c.claim.status)}): "
            f"\"{md_text(c.claim.text, 220, quote=True)}\" {_refs([c.claim.note])} — {verb} "
            f"{md_text(c.counter.outlet)} ({md_text(c.counter.status)}): \"{md_text(c.counter.text, 220, quote=True)}\" "
            f"{_refs([c.counter.note])}")


def watch(brief: Brief) -> list[str]:
    return _listed("What to watch", brief.watch,
                   "No deadline, scheduled talks or threat involving the subject is stated in the period.",
                   lambda w: (f"- **{w.due}** " if w.due else "- ") + f"({md_text(w.label)}) {md_text(w.outlet)}: "
                             f"\"{md_text(w.text, 280, quote=True)}\" {_refs([w.note])}")


def activity(brief: Brief, chart_link: Optional[str]) -> list[str]:
    if not chart_link:
        return []
    unit = brief.activity.unit if brief.activity else "day"
    return ["## Activity", "", f"![Events per article by {unit} and PLOVER quad class]({chart_link})", ""]


def note_line(n: Note) -> str:
    day = n.published.isoformat() if n.published else "undated"
    title = f", \"{md_text(n.title, 160)}\"" if n.title else ""
    where = f"<{n.url}>" if n.url else f"article {md_text(n.article_id)}"
    chars = f" (characters {n.span[0]}–{n.span[1]})" if n.span else ""
    return f"[^{n.label}]: {md_text(n.outlet)}, {day}{title}, {where}{chars}: \"{md_text(n.sentence, 600, quote=True)}\""


def render(brief: Brief, chart_link: Optional[str] = None) -> str:
    lines = header(brief)
    if not brief.articles:
        lines += ["No stored article about the subject was published in the period. Widen --since/--until, check "
                  "--about, or ingest more with `sitrep ingest`.", ""]
        return "\n".join(lines)
    for section in (developments, change, headlines, timeline, sides, figures, contested, watch):
        lines += section(brief)
    lines += activity(brief, chart_link)
    lines += ["## Sources", ""] + ([note_line(n) for n in brief.notes] or ["No statement cites a sentence."]) + [""]
    return "\n".join(lines)
