"""Builders of real Documents for the brief tests: articles with chosen titles, actors
(with sectors), attributions, figures, dates and background events, stored in a real
store with incidents linked by the real linker."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from sitrep.corpus.incidents import rebuild_incidents
from sitrep.corpus.store import Store, content_hash
from sitrep.model import Actor, Article, Certainty, Document, Event, Place, Quantity, Quote, TextSpan, Time

ACTORS = {
    "United States": ("USA", "GOV", "state"), "Venezuela": ("VEN", "GOV", "state"),
    "Syria": ("SYR", "GOV", "state"), "Turkey": ("TUR", "GOV", "state"), "Russia": ("RUS", "GOV", "state"),
    "Nicolas Maduro": ("VEN", "GOV", "person"), "Juan Guaido": ("VEN", "OPP", "person"),
    "Bashar al-Assad": ("SYR", "GOV", "person"), "Mike Pompeo": ("USA", "GOV", "person"),
    "Reuters": ("GBR", "MED", "org"), "Mexico": ("MEX", "GOV", "state"),
    "Gustavo Petro": ("COL", "GOV", "person"), "Syrian Observatory for Human Rights": ("SYR", "NGO", "org"),
}
PLACES = {"Caracas": (10.49, -66.88, "VE"), "Maracaibo": (10.63, -71.64, "VE"),
          "Idlib": (35.93, 36.63, "SY"), "Damascus": (33.51, 36.29, "SY"), "Washington": (38.90, -77.04, "US"),
          "United States": (39.76, -98.5, "US")}


def actor(name: Optional[str], text: str, at: int) -> Optional[Actor]:
    if not name:
        return None
    country, sector, kind = ACTORS[name]
    return Actor(span=(at, at + len(name)), text=name, name=name, country=country, sector=sector, kind=kind,
                 actor_id=f"test:{name}")


def article(aid: str, title: str, sentences: list[str], *, outlet: Optional[str] = "Test Wire",
            published: Optional[str] = "2019-05-01", url: Optional[str] = None, events: tuple = (),
            quotes: tuple = (), quantities: tuple = (), times: tuple = (), origin: Optional[str] = None,
            metonyms: tuple = (), places: tuple = ()) -> Document:
    """``events``: dicts with s (sentence index), type, trigger, source, target, place, date,
    status, said_by, background; ``metonyms``: (place word, actor name) pairs, the word
    standing for the actor wherever it occurs ("Washington" for the United States);
    ``quotes``: (sentence index, speaker, words);
    ``quantities``: (sentence index, text, value, unit, counted); ``times``: (sentence
    index, text, value)."""
    text = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    doc = Document(article=Article(id=aid, text=text, title=title, source=outlet, published=published, url=url,
                                   origin=origin), sentences=spans)
    for n, ev in enumerate(events):
        start, end = spans[ev["s"]]
        sentence = text[start:end]
        t_at = start + sentence.index(ev["trigger"])
        place = None
        if ev.get("place"):
            lat, lon, cc = PLACES[ev["place"]]
            place = Place(span=(start, start + 1), text=ev["place"], name=ev["place"], country=cc, lat=lat, lon=lon,
                          feature="city")
        said = actor(ev.get("said_by"), sentence, start)
        doc.events.append(Event(
            id=f"e{n}", type=ev["type"], trigger=TextSpan((t_at, t_at + len(ev["trigger"])), ev["trigger"]),
            sentence=TextSpan((start, end), sentence), source=actor(ev.get("source"), sentence, start),
            target=actor(ev.get("target"), sentence, start), place=place,
            date=Time(span=(start, start + 1), text="Monday", value=ev["date"], granularity="day")
            if ev.get("date") else None,
            certainty=Certainty(status=ev.get("status", "asserted"), attributed_to=said),
            background=bool(ev.get("background"))))
    for n, (idx, speaker, words) in enumerate(quotes):
        start = text.index(words, spans[idx][0])
        doc.quotes.append(Quote(id=f"q{n}", span=(start, start + len(words)), text=words,
                                speaker=actor(speaker, words, spans[idx][0]), kind="direct"))
    for idx, qtext, value, unit, counted in quantities:
        at = text.index(qtext, spans[idx][0])
        doc.quantities.append(Quantity(span=(at, at + len(qtext)), text=qtext, value=value, unit=unit,
                                       counted=counted))
    for idx, ttext, value in times:
        at = text.index(ttext, spans[idx][0])
        doc.times.append(Time(span=(at, at + len(ttext)), text=ttext, value=value, granularity="day"))
    for name in ACTORS:  # the actor layer the scope reads (people of a country)
        for m in re.finditer(re.escape(name), text):
            doc.actors.append(actor(name, name, m.start()))
    for idx, ptext, pname in places:  # place mentions (the places layer): (sentence index, text, name)
        at = text.index(ptext, spans[idx][0])
        lat, lon, cc = PLACES[pname]
        doc.places.append(Place(span=(at, at + len(ptext)), text=ptext, name=pname, country=cc, lat=lat, lon=lon,
                                feature="country"))
    for word, name in metonyms:
        for m in re.finditer(re.escape(word), text):
            doc.actors.append(replace(actor(name, word, m.start()), text=word, span=(m.start(), m.end())))
    return doc


def store_of(path, docs: list[Document]) -> Store:
    store = Store(path)
    with store.transaction():
        for d in docs:
            store.add_document(d.to_dict(), content_hash(d.article.text))
    rebuild_incidents(store)
    return store
