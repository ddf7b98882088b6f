"""Features of a pair of events of one article for the learned event join (``stages/event_join``).

The question the join asks of two events the pipeline kept apart is docs/annotation.md 3's:
do they report one happening ("the strike" or "it" retelling the attack coded above, a later
paragraph naming the same act with other words)? The features describe the pair, not a
sentence: how the later mention is said (an event noun, a definite noun, a pronoun, a verb;
marked as new or not), whether the two words share a lemma or stem, how far apart the two
are (sentences, paragraphs, other events of the type between them), whether their types,
parties, dates, places, certainty and background agree. ``pair_features(a, b)`` takes two
:class:`EventView` (``views(doc)``), ``a`` told first.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Optional

from sitrep.knowledge.merge_words import merge_words
from sitrep.knowledge.plover import event_words
from sitrep.model import Actor, Document, Event
from sitrep.stages.event_merge import same_stem

#: determiners and possessives that make an event noun refer back ("the attack", "this move")
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"})
#: sentence distances, in buckets (0: the same sentence)
_SENTENCE_EDGES = (0, 1, 2, 4, 8, 16)


@dataclass(frozen=True)
class EventView:
    """What the join reads of one event: its words, where it is, what it says."""
    event: Event
    index: int  # position among the article's events (text order)
    lemma: str
    lemmas: frozenset[str]  # lemmas of every mention's head
    pos: str  # NOUN, VERB, PRON or OTHER (the first mention's head)
    definite: bool
    marked_new: bool  # "another attack", "new sanctions", "also struck"
    counted: bool  # "one such attack", "the third strike", "four more airstrikes": one of several
    indefinite: bool  # "a strike", "some clashes": introduces an act (merge/words.tsv)
    modifiers: tuple[int, ...]  # offsets of its possessor, modifiers and prepositional objects
    sentence: int
    paragraph: int


def _head(sdoc: Any, span: tuple[int, int]) -> Any:
    """The root token of a character span of the parsed text, or None."""
    if sdoc is None:
        return None
    chars = sdoc.char_span(span[0], span[1], alignment_mode="expand")
    return chars.root if chars is not None and len(chars) else None


def _pos(tok: Any) -> str:
    if tok is None:
        return "OTHER"
    if tok.pos_ == "PRON":
        return "PRON"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return "VERB" if tok.pos_ in ("VERB", "AUX") else "OTHER"


def _definite(tok: Any) -> bool:
    """An event noun with a definite determiner or a possessor ("the strike", "Iran's attack")."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(ch.dep_ in ("det", "poss") and (ch.lower_ in _DEFINITE or ch.dep_ == "poss") for ch in tok.children)


def _marked_new(tok: Any) -> bool:
    """A modifier that marks another act than the ones told ("another raid", "other
    investigations", "fresh strikes")."""
    if tok is None:
        return False
    words = merge_words()
    # the events stage's own list of words marking another act ("another", "other", "second",
    # "separate", "more": event_words.tsv distinct_markers) with merge/words.tsv's markers
    marks = words.novelty_markers | words.anterior_markers | words.additive_markers | event_words().distinct_markers
    return any(ch.lower_ in marks for ch in tok.children)


def _counted(tok: Any) -> bool:
    """An event noun counted or ranked among several acts ("one such attack", "the third
    strike", "four more airstrikes"): a number, an ordinal or "such" modifies it."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(ch.dep_ == "nummod" or ch.ent_type_ == "ORDINAL" or ch.lower_ == "such" for ch in tok.children)


def _indefinite(tok: Any) -> bool:
    """An event noun with an indefinite determiner ("a strike", "some clashes")."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(ch.dep_ == "det" and ch.lower_ in merge_words().indefinite_determiners for ch in tok.children)


def _modifier_offsets(tok: Any) -> tuple[int, ...]:
    """Character offsets of the words naming whose act an event noun is and on whom: its
    possessor, its noun or adjective modifiers ("Israel's attack", "EU sanctions", "Russian
    strikes") and the objects of its own prepositions ("the attack on the Indian embassy",
    "sanctions against Iran")."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return ()
    own = [ch.idx for ch in tok.children if ch.dep_ in ("poss", "compound", "amod", "nmod")]
    own += [g.idx for ch in tok.children if ch.dep_ == "prep" for g in ch.children if g.dep_ == "pobj"]
    return tuple(own)


def _index(spans: list[tuple[int, int]], offset: int) -> int:
    starts = [s for s, _ in spans]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def views(doc: Document) -> list[EventView]:
    """One view per event of ``doc`` (in ``doc.events`` order)."""
    sdoc = doc.nlp
    out = []
    for n, e in enumerate(doc.events):
        tok = _head(sdoc, e.trigger.span)
        heads = [_head(sdoc, m.span) for m in (e.mentions or [e.trigger])]
        lemmas = frozenset(h.lemma_.lower() for h in heads if h is not None)
        start = e.trigger.span[0]
        out.append(EventView(
            event=e, index=n, lemma=tok.lemma_.lower() if tok is not None else e.trigger.text.lower(),
            lemmas=lemmas, pos=_pos(tok), definite=_definite(tok), marked_new=_marked_new(tok),
            counted=_counted(tok), indefinite=_indefinite(tok), modifiers=_modifier_offsets(tok),
            sentence=_index(doc.sentences, start) if doc.sentences else 0,
            paragraph=_index(doc.paragraphs, start) if doc.paragraphs else 0))
    return out


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    """"0", "1", "2-3" ... for edges (0, 1, 2, 4, ...): the bucket holding ``value``."""
    i = bisect.bisect_right(edges, value) - 1
    if i < 0:
        return f"<{edges[0]}"
    if i == len(edges) - 1:
        return f">={edges[-1]}"
    low, high = edges[i], edges[i + 1] - 1
    return str(low) if low == high else f"{low}-{high}"


def _party(side: str, x: Optional[Actor], y: Optional[Actor]) -> str:
    """How two mentions' roles agree: both empty, one empty, same country, another, same name."""
    if x is None and y is None:
        return f"{side}=none"
    if x is None or y is None:
        return f"{side}=one"
    if (x.name or "").lower() == (y.name or "").lower() and x.name:
        return f"{side}=same_name"
    if x.country and y.country:
        return f"{side}=same_country" if x.country == y.country else f"{side}=other_country"
    return f"{side}=unknown"


def _date(e: Event) -> Optional[str]:
    return e.date.value if e.date is not None and e.date.value and not e.date.inferred else None


def pair_features(a: EventView, b: EventView, between: list[EventView], of_type: int = 1) -> dict[str, float]:
    """Features of the pair (``a`` told before ``b``); ``between``: the events told between
    them; ``of_type``: how many events of ``b``'s type the article has (an article of many
    attacks tells many attacks apart)."""
    ea, eb = a.event, b.event
    out: dict[str, float] = {"bias_pair": 1.0}
    same_type = ea.type == eb.type
    out["type=same" if same_type else "type=other"] = 1.0
    out[f"types={ea.type}>{eb.type}" if not same_type else f"type_same={eb.type}"] = 1.0
    stem = any(same_stem(x, y) for x in a.lemmas for y in b.lemmas)
    word = "same" if a.lemmas & b.lemmas else "stem" if stem else "other"
    out[f"word={word}"] = 1.0
    later = f"{b.pos}{':def' if b.definite else ''}{':new' if b.marked_new else ''}{':counted' if b.counted else ''}"
    out[f"later={later}"] = 1.0
    out[f"word&later={word}&{later}"] = 1.0
    out[f"of_type={of_type if of_type < 3 else '3-5' if of_type < 6 else '6+'}"] = 1.0
    out[f"earlier={a.pos}"] = 1.0
    out[f"sentences={_bucket(b.sentence - a.sentence, _SENTENCE_EDGES)}"] = 1.0
    paragraphs = b.paragraph - a.paragraph
    out[f"paragraphs={min(paragraphs, 3)}"] = 1.0
    same_between = sum(1 for v in between if v.event.type == eb.type)
    out[f"same_type_between={min(same_between, 2)}"] = 1.0
    if same_type and not same_between:
        out["nearest_of_type"] = 1.0
    source = _party("source", ea.source, eb.source)
    out[source] = 1.0
    out[f"type&{source}={'same' if same_type else 'other'}"] = 1.0
    out[_party("target", ea.target, eb.target)] = 1.0
    if ea.source and eb.target and ea.source.country and ea.source.country == eb.target.country \
            and not (ea.target and ea.target.country == ea.source.country):
        out["reversed"] = 1.0  # the earlier doer is the later one's target: another act
    da, db = _date(ea), _date(eb)
    out["date=" + ("none" if not da and not db else "one" if not (da and db) else
                   "same" if da.startswith(db) or db.startswith(da) else "other")] = 1.0
    pa, pb = ea.place, eb.place
    out["place=" + ("none" if pa is None and pb is None else "one" if pa is None or pb is None else
                    "same" if pa.name == pb.name else "other")] = 1.0
    out[f"background={'same' if ea.background == eb.background else 'other'}"] = 1.0
    out[f"certainty_later={eb.certainty.status}"] = 1.0
    out[f"quoted={int(ea.quote is not None)}{int(eb.quote is not None)}"] = 1.0
    if a.sentence == b.sentence:
        out["same_sentence_type=" + ("same" if same_type else "other")] = 1.0
    return out


def article_pairs(doc: Document, max_sentences: int = 40) -> list[tuple[int, int, dict[str, float]]]:
    """(earlier index, later index, features) for every pair of ``doc.events`` of one type
    at most ``max_sentences`` sentences apart: a happening has one type (docs/annotation.md 3
    and 4); a retelling read with another type is a type error upstream, which a join would
    hide behind the earlier mention's type."""
    vs = views(doc)
    order = sorted(range(len(vs)), key=lambda i: vs[i].event.trigger.span)
    of_type: dict[str, int] = {}
    for v in vs:
        of_type[v.event.type] = of_type.get(v.event.type, 0) + 1
    out = []
    for x, i in enumerate(order):
        for y in range(x + 1, len(order)):
            j = order[y]
            if vs[j].sentence - vs[i].sentence > max_sentences:
                break
            if vs[j].event.type != vs[i].event.type:
                continue
            out.append((i, j, pair_features(vs[i], vs[j], [vs[k] for k in order[x + 1:y]],
                                            of_type[vs[j].event.type])))
    return out
