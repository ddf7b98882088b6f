"""Builders of real Documents (not mocks) for the store, incident, brief and export tests."""
from __future__ import annotations

from typing import Optional

from sitrep.model import Actor, Article, Certainty, Document, Event, Place, Quantity, Quote, TextSpan, Time

PLACES = {
    "Caracas": (10.49, -66.88, "VE"),
    "La Guaira": (10.60, -66.93, "VE"),
    "Maracaibo": (10.63, -71.64, "VE"),
    "Port of Spain": (10.65, -61.52, "TT"),
    "Caribbean": (15.0, -73.0, None),
    "Zulia": (9.90, -72.30, "VE"),  # a state (admin1): its centre is over 100 km from Maracaibo
    "Tachira": (7.90, -72.00, "VE"),  # the state next to Zulia
    "Norte de Santander": (8.00, -72.90, "CO"),  # a Colombian department (admin1)
}
#: places of PLACES that are provinces (admin1), not cities
PROVINCES = {"Zulia", "Tachira", "Norte de Santander"}
COUNTRY_ACTORS = {"USA": "United States", "VEN": "Venezuela", "COL": "Colombia"}


def actor(code: Optional[str], start: int = 0) -> Optional[Actor]:
    if code is None:
        return None
    name = COUNTRY_ACTORS.get(code, code)
    return Actor(span=(start, start + len(name)), text=name, name=name, country=code, kind="state")


def make_doc(article_id: str, sentences: list[str], *, outlet: Optional[str] = "Test Wire",
             published: Optional[str] = "2025-12-10", url: Optional[str] = None,
             events: tuple = (), quotes: tuple = (), quantities: tuple = ()) -> Document:
    """``events``: (sentence index, type, trigger word, source, target, place name, date, status, hedges)."""
    text = " ".join(sentences)
    starts, pos = [], 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 1
    spans = [(st, st + len(s)) for st, s in zip(starts, sentences)]
    doc = Document(article=Article(id=article_id, text=text, source=outlet, published=published, url=url,
                                   title=sentences[0][:60]), sentences=spans)
    for n, ev in enumerate(events):
        idx, typ, trig, src, tgt, place, day, status, hedges = (list(ev) + [None] * 9)[:9]
        s_start, s_end = spans[idx]
        t_at = text.index(trig, s_start)
        pl = None
        if place:
            lat, lon, cc = PLACES[place]
            pl = Place(span=(s_start, s_start + 1), text=place, name=place, country=cc, lat=lat, lon=lon,
                       feature="water" if cc is None else "admin1" if place in PROVINCES else "city")
        doc.events.append(Event(
            id=f"e{n}", type=typ, trigger=TextSpan((t_at, t_at + len(trig)), trig),
            sentence=TextSpan((s_start, s_end), text[s_start:s_end]), source=actor(src, s_start),
            target=actor(tgt, s_start), place=pl,
            date=Time(span=(s_start, s_start + 1), text="Monday", value=day, granularity="day") if day else None,
            certainty=Certainty(status=status or "asserted", hedges=list(hedges or []))))
    for n, (idx, speaker, content) in enumerate(quotes):
        s_start, _ = spans[idx]
        q_at = text.index(content, s_start)
        doc.quotes.append(Quote(id=f"q{n}", span=(q_at, q_at + len(content)), text=content,
                                speaker=actor(speaker, s_start), kind="direct"))
    for idx, qtext, value, counted in quantities:
        at = text.index(qtext, spans[idx][0])
        doc.quantities.append(Quantity(span=(at, at + len(qtext)), text=qtext, value=value, counted=counted))
    return doc
