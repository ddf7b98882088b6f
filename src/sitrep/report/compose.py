"""Assemble the brief's data from the store: scope, evidence, then every section."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

from sitrep.knowledge.report_terms import load_report_terms
from sitrep.report import sections
from sitrep.report.content import Brief
from sitrep.report.evidence import load_evidence, quantities_within, type_counts
from sitrep.report.figures import cited, incident_figures, ranked, sentence_after, shown_figures
from sitrep.report.headlines import build_incidents, cite_incident, distinct
from sitrep.report.scope import build_scope
from sitrep.report.sides import build_sides
from sitrep.report.sources import Citations

MAX_HEADLINES = 8
MAX_FIGURES = 12


def compose(store, *, about: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
            max_headlines: int = MAX_HEADLINES) -> Brief:
    """The brief about ``about`` (None: everything) over the period asked for."""
    terms = load_report_terms()
    cites = Citations(store)
    scope = build_scope(store, about, since, until)
    evidence = load_evidence(store, scope)
    cites.load(scope.article_ids, ((e["article_id"], e["sentence_start"], e["sentence_end"])
                                   for e in evidence.events + evidence.other_dated))
    subject = scope.subject
    outlets = {a["outlet"] for a in scope.articles if a["outlet"]}
    brief = Brief(
        title=f"Situation report: {subject.label}" if subject else "Situation report",
        subject=subject.label if subject else None, period=scope.period,
        previous=scope.period.previous() if scope.period else None,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        articles=len(scope.articles), outlets=len(outlets),
        unnamed=sum(1 for a in scope.articles if not a["outlet"]),
        copies=sum(1 for a in scope.articles if a["duplicate_of"]),
        events=sum(1 for e in evidence.events if e["involves"]), undated=scope.undated,
        scope_articles=len(scope.reasons), store_articles=scope.store_articles,
        previous_articles=len(scope.previous_articles))
    if not scope.articles:
        return brief

    within = quantities_within(evidence)
    event_sentences = {(e["article_id"], e["sentence_start"]) for e in evidence.events + evidence.other_dated}

    def figures_of(mentions, title):
        return incident_figures(mentions, title, evidence.quantities, terms,
                                after=lambda m: sentence_after(m, within, cites, event_sentences),
                                predicates=evidence.predicates)

    incidents = build_incidents(evidence.events, scope.period, terms, cites, figures_of)
    for inc in incidents:  # the store's incident row has the best coordinates for the map,
        row = evidence.incident_rows.get(inc.incident_id)  # for a place one of its kept mentions names
        places = {m["place_name"] for m in inc.mentions if m["place_name"]}
        if row and inc.lat is None and row.get("lat") is not None and row.get("place_name") in places:
            inc.lat, inc.lon, inc.place = row["lat"], row["lon"], inc.place or row.get("place_name")
    # plans, threats, denials and one side's accusations are not news of a happening;
    # what is known to be between
    # two named sides, or corroborated, leads (a lone "an attack on X" only fills up)
    # ... and a happening nobody is named in, only a place, is a headline when it is force
    # or coercion ("an attack in Idlib"), not cooperation or words ("aid in Washington" from
    # "the war ... left 20 million in need of humanitarian assistance")
    affirmed = [i for i in incidents if i.affirmed and i.reported
                and (i.party_named or i.well_specified or i.quad_class == "material conflict")]
    strong = [i for i in affirmed if i.well_specified]
    brief.headlines = [cite_incident(i, cites) for i in distinct(strong + [i for i in affirmed if not i.well_specified],
                                                                 max_headlines)]
    brief.key_developments = sections.key_developments(distinct(strong or affirmed), cites)
    brief.timeline = sections.timeline([i for i in incidents if i.reported], cites)
    if scope.period:
        current = type_counts(store, scope.article_ids, scope.period, subject)
        brief.changes = sections.changes(current, type_counts(
            store, [a["article_id"] for a in scope.previous_articles], scope.period.previous(), subject),
            current_articles=brief.articles, previous_articles=brief.previous_articles)
    brief.sides = build_sides(store, scope.article_ids, evidence.events, evidence.quotes, subject, terms, cites)
    brief.figures = cited(ranked(shown_figures(affirmed), MAX_FIGURES), cites.cite_row)
    brief.contested = sections.contested(incidents, cites)
    brief.watch = sections.watch(evidence.events, evidence.future_times, subject, scope.period, terms, cites,
                                 later=evidence.events + evidence.other_dated)
    brief.activity = sections.activity(evidence.events, scope.articles, scope.period)
    brief.places = sections.places(brief.timeline or brief.headlines, subject)
    brief.notes = cites.finish(brief)
    return brief
