"""What the event-stage tests share: run one made-up text through the whole pipeline and
pick its events and their actors' countries."""
from sitrep import pipeline
from sitrep.model import Article


def run(kb, text, published="2024-03-15"):
    return pipeline.process(Article(id="t", text=text, published=published), kb)


def one(doc, type_):
    """The one event of ``type_`` (the test fails, listing the events, if not exactly one)."""
    found = [e for e in doc.events if e.type == type_]
    assert len(found) == 1, f"{type_}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def first(doc, type_):
    """The first event of ``type_`` (the test fails, listing the events, if there is none)."""
    found = [e for e in doc.events if e.type == type_]
    assert found, f"{type_}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def country(actor):
    return actor.country if actor is not None else None


#: sentences after a test sentence so the text is an article (the event filter's article
#: rules need MIN_SENTENCES), about something else
FILTER_TAIL = (" Officials met in Oslo on Monday. The talks lasted four hours. Trade was the main topic. "
               "A second round is planned for May.")


def triggers(doc):
    return [(e.type, e.trigger.text) for e in doc.events]


def dropped_reasons(doc, word):
    """The rule reasons recorded for the dropped events whose trigger starts with ``word``."""
    return [d.get("reason") for d in doc.article.meta["event_filter"]["dropped_events"]
            if d["trigger"].startswith(word)]


def kept(doc, word):
    return [e for e in doc.events if e.trigger.text.startswith(word)]


def by_trigger(doc, word):
    """The first event whose trigger contains ``word`` (the test fails, listing the events, if none)."""
    found = [e for e in doc.events if word in e.trigger.text]
    assert found, f"{word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]
