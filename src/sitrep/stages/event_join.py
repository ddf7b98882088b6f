"""Event join stage: one event per happening, for the mentions the merge rules kept apart.

NOT IN THE PIPELINE (session 18): neither part won its keep rule (docs/event-join.md has the
figures). The learned join failed its pre-registered leave-one-part-out rule; the repeated-noun
rule, after the review's vetoes, raised one read part (F) and the validation part H but
lowered TEST part T's type and detection F1 by 0.005 (one gold event). To try it, add the
stage to ``pipeline.STAGES`` right after ``event_filter`` (requires nlp, sentences,
paragraphs, events; assigns events and text, for the note in the article's meta) and to
``stages.ORDER``.

``event_merge`` groups the mentions of one happening by rules of evidence (a definite noun,
a shared party, the same sentence) and of compatibility (the same type, compatible roles).
A retelling that got another type or other roles upstream ("the strike" read with another
doer, "it", a later paragraph naming the act in other words) stays a second event, which an
analyst codes as a mention of the first (docs/annotation.md 3). This stage asks a small
logistic regression (``sitrep.learn.logreg``, trained by scripts/train_event_join.py on the
allsides-dev gold parts A-G, validated on part H) the probability that two events of one
article report one happening, from features of the pair (``sitrep.learn.join_features``):
how the later one is said, a shared word, distance, agreeing types, parties, dates, places.

A later event joins the earlier event it most probably retells when that probability reaches
the model's threshold. The joined event is the earlier one -- the first report of a
happening names it and its doer best, a recap names it by a noun or a pronoun -- with every
mention of both (provenance), and a role, date or place the earlier one lacks taken from the
later one. Each join is listed in ``article.meta["event_join"]`` (with ``applied``: whether
the model ran on this text). The model is applied only
when its pre-registered held-out decision (the header's ``ships``) said so, and only to
articles (a text of at least ``MIN_SENTENCES`` sentences: the model learned from articles).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from sitrep.learn.join_features import EventView, article_pairs, views
from sitrep.learn.join_training import join_groups
from sitrep.learn.logreg import Model
from sitrep.model import Actor, Document, Event

#: named-entity labels of proper nouns that name no party ("the March 22 meeting")
_NOT_PARTIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT"})
MODEL_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "models" / "event_join.json"
#: texts with fewer sentences are not articles like the ones the model learned from
MIN_SENTENCES = 5


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> Optional[Model]:
    """The shipped model (read once per process), or None when there is none."""
    return Model.load(path) if path.is_file() else None


def applies(model: Optional[Model], doc: Document) -> bool:
    """The model won its held-out decision and the text is an article."""
    return model is not None and bool(model.header.get("ships", False)) \
        and not doc.article.meta.get("short_context") and len(doc.sentences) >= MIN_SENTENCES


def joined_events(events: list[Event], groups: list[int]) -> list[Event]:
    """Per group, its first event with every mention of the group, and a role, date or place
    it lacks from the first later member that has one."""
    out: dict[int, Event] = {}
    for k, e in enumerate(events):
        g = groups[k]
        if g not in out:
            out[g] = e
            continue
        head = out[g]
        spans = {m.span: m for m in (head.mentions or [head.trigger])}
        spans.update({m.span: m for m in (e.mentions or [e.trigger])})
        head.mentions = [spans[s] for s in sorted(spans)]
        head.source = head.source or e.source
        head.target = head.target or e.target
        head.date = head.date or e.date
        head.place = head.place or e.place
    return [out[g] for g in sorted(out)]


def repeats(a: EventView, b: EventView, between: list[EventView], parties: list[Actor],
            words: Optional[dict[int, str]] = None) -> bool:
    """``b`` is an event noun that names ``a`` again (docs/annotation.md 3: "the attack", "the
    strikes" later on are mentions): the same type, the noun repeats a word of ``a``'s
    mentions, no event of the type is told between them (the noun points back to the nearest
    act of its kind), it is not told as another act (not indefinite -- "a strike" introduces
    one --, not marked new, "another" or counted: "one such attack", "the third strike"), the
    two do not carry different dates or places of their own nor a different background status
    (a past act is not the news of the day), and the noun does not name another party itself
    ("Israel's strikes" after Iran's, "the attack on the embassy" after an attack on a hotel). Roles read elsewhere in the noun's
    sentence do not count against it: a recap's sentence is about something else."""
    ea, eb = a.event, b.event
    if ea.type != eb.type or b.pos != "NOUN" or b.lemma not in a.lemmas:
        return False
    if b.indefinite or b.marked_new or b.counted or any(v.event.type == eb.type for v in between):
        return False
    if ea.background != eb.background:
        return False  # "the 2015 attack on a hotel" is not Monday's attack (docs/annotation.md 7)
    da, db = _own_date(ea), _own_date(eb)
    if da and db and not (da.startswith(db) or db.startswith(da)):
        return False  # "the meeting on Monday" ... "the meeting on Friday"
    if ea.place is not None and eb.place is not None and ea.place.name != eb.place.name:
        return False  # "the protest in Caracas" ... "the protest in Maracaibo"
    return not _names_other_doer(b, ea, parties, words or {})


def _own_date(e: Event) -> str:
    return e.date.value if e.date is not None and e.date.value and not e.date.inferred else ""


def _names_other_doer(b: EventView, a: Event, parties: list[Actor], words: dict[int, str]) -> bool:
    """A possessor, modifier or prepositional object of the noun names another party than
    ``a``'s doer and target:
    a state of another country ("Russian strikes" after US strikes on Syria), another person
    or body ("Gates' cooperation" after Flynn's, "the special counsel's investigation" after
    the House's). ``words``: the capitalised modifier words by offset, for names the actor
    layer did not resolve."""
    roles = [x for x in (a.source, a.target) if x is not None]
    countries = {x.country for x in roles if x.country}
    names = " ".join(f"{x.name} {x.text}" for x in roles).lower()
    for offset in b.modifiers:
        party = next((p for p in parties if p.span[0] <= offset < p.span[1]), None)
        if party is not None:
            # a state by its country when both sides have one, any other party by its name
            same = party.country in countries if party.country and countries \
                else (party.name or party.text).lower() in names
            if roles and not same:
                return True
        elif offset in words and words[offset].lower() not in names:
            return True
    return False


def repeated_noun_groups(doc: Document) -> list[int]:
    """Each event's group under ``repeats``: an event noun joins the nearest earlier event of
    its type whose word it repeats (and so that event's group)."""
    vs = views(doc)
    order = sorted(range(len(vs)), key=lambda i: vs[i].event.trigger.span)
    # proper-noun modifiers by offset ("Gates' cooperation"): a name the actor layer missed
    # (a date is no party: "the March 22 meeting")
    names = {t.idx: t.text for t in doc.nlp if t.pos_ == "PROPN" and t.ent_type_ not in _NOT_PARTIES} \
        if doc.nlp is not None else {}
    pairs, probs = [], []
    for y, j in enumerate(order):
        earlier = [i for i in order[:y] if vs[i].event.type == vs[j].event.type]
        if earlier:
            i = earlier[-1]
            between = [vs[k] for k in order[order.index(i) + 1:y]]
            pairs.append((i, j))
            probs.append(1.0 if repeats(vs[i], vs[j], between, doc.actors, names) else 0.0)
    return join_groups(len(vs), pairs, probs, 0.5)


def run(doc: Document, kb=None) -> Document:
    """Join the event nouns that name an earlier event again (``repeats``), then, when the
    learned model applies, the pairs it joins; note in ``article.meta["event_join"]`` every
    join made and whether the model applied."""
    if not doc.events:
        return doc
    joins = []
    if len(doc.events) > 1:
        groups = repeated_noun_groups(doc)
        joins = _notes(doc.events, groups, "repeated noun", {})
        doc.events = joined_events(doc.events, groups)
    model = load_model()
    applied = applies(model, doc) and len(doc.events) > 1
    if applied:
        triples = article_pairs(doc)
        pairs = [(i, j) for i, j, _ in triples]
        probs = [model.probability(f) for _, _, f in triples]
        groups = join_groups(len(doc.events), pairs, probs, model.threshold)
        best: dict[int, float] = {}
        for (i, j), p in zip(pairs, probs):
            if groups[j] == groups[i] != j:
                best[j] = max(best.get(j, 0.0), p)
        joins += _notes(doc.events, groups, "model", best)
        doc.events = joined_events(doc.events, groups)
    doc.article.meta["event_join"] = {"applied": applied, "joins": joins}
    return doc


def _notes(events: list[Event], groups: list[int], by: str, probs: dict[int, float]) -> list[dict]:
    """One record per joined event: its trigger and span, the event it went into, how."""
    return [{"joined": events[k].trigger.text, "span": list(events[k].trigger.span), "into": events[g].id,
             "into_trigger": events[g].trigger.text, "by": by,
             **({"probability": round(probs.get(k, 0.0), 3)} if by == "model" else {})}
            for k, g in enumerate(groups) if g != k]
