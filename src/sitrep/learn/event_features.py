"""What the event filter knows about one candidate event: features of the typed Document.

Every feature is read from the document model (the event's fields, the sentence and
paragraph spans, the spaCy parse of the trigger), never from how a rule inside the
events stage worked, so the extractor keeps working when the rules change. Names are
``prefix=value`` strings with value 1.0 (numbers are bucketed), so a model is a plain
table of weights; ``PREFIXES`` lists every prefix the extractor can produce.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections import Counter
from typing import Any, Optional

from sitrep.knowledge.plover import event_words
from sitrep.model import Actor, Document, Event

#: every feature name is ``<prefix>=<value>``; the shipped model's vocabulary is checked
#: against this list (tests/test_event_filter.py)
PREFIXES = (
    "type", "lemma", "type_lemma", "pos", "dep", "tag", "head_pos", "mode", "status", "hedged",
    "attributed", "background", "in_quote", "source", "target", "dyad", "same_country",
    "mentions", "sentence_words", "sentence_index", "paragraph_index", "paragraph_words",
    "last_paragraph", "sentence_end", "doc_position", "modal", "negated", "tense", "aspect",
    "verbform", "date", "place", "figures", "events_in_sentence", "same_type_in_doc",
    "capitalised", "title_case_line", "bias", "clause", "depth", "det", "governor", "subject",
    "object",
    # session 15 (learn16): the article's genre, the speaker of the quote, the actors' sectors,
    # the trigger's word in the headline, the sentence's place in its paragraph
    "genre", "quote_kind", "speaker", "source_sector", "target_sector", "in_title", "paragraph_lead",
    "same_trigger_in_doc", "perfect", "date_age",
    # session 16 (learn17): cues that read the construction, not the words, so they carry
    # over to unread text: modality/negation/condition anywhere above the trigger, a verb of
    # saying above it, another candidate act above or below it, how the doer is named, and
    # how long and how eventful the article is
    "scope", "reported", "nested", "governs_event", "doer", "article_sentences", "event_density",
    # session 17 (learn18): whether the act has an occasion (docs/annotation.md 2: a real act
    # told as past, dated, ongoing or planned, not a generic class of acts in the present;
    # a verbless line is page furniture) and whether it repeats an earlier candidate
    # (docs/annotation.md 3: one event per happening)
    "anchor", "subject_kind", "repeat",
)

#: the coarse feature families of the session-11 "small filter" (docs/event-filter.md): no
#: word-level or parse-label features, which a gold of a few dozen articles cannot generalise
SMALL_FAMILIES = ("type", "mode", "status", "hedged", "attributed", "background", "in_quote", "source", "target",
                  "date", "clause", "sentence_index", "doc_position", "modal", "negated", "tense", "pos", "mentions")
#: the small families plus the coarse cues added in session 15 (learn16)
SMALL16_FAMILIES = SMALL_FAMILIES + ("genre", "quote_kind", "speaker", "source_sector", "target_sector",
                                     "in_title", "paragraph_lead", "sentence_end", "paragraph_index",
                                     "same_trigger_in_doc")
#: the small16 families plus the construction cues of session 16 (learn17)
CARRY17_FAMILIES = SMALL16_FAMILIES + ("scope", "reported", "nested", "governs_event", "doer",
                                       "article_sentences", "event_density")
#: the carry17 families plus the occasion cues of session 17 (learn18)
OCCASION18_FAMILIES = CARRY17_FAMILIES + ("anchor", "subject_kind", "repeat")
#: ``--families`` names for the training scripts
NAMED_FAMILIES = {"small": SMALL_FAMILIES, "small16": SMALL16_FAMILIES, "carry17": CARRY17_FAMILIES,
                  "occasion18": OCCASION18_FAMILIES}

#: the feature reading this code computes by default (session 18: the doer word of a relative
#: pronoun, a conjunct and an infinitive complement; a conjunct's shared auxiliaries). A model
#: records the version it was trained on (``model_feature_version``) and is fed that reading
FEATURE_VERSION = 19

_QUOTE_ENDS = "\"\u201d\u2019'"


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    """The label of the bucket ``value`` falls into: '<e0', 'e0-e1', ..., '>=eN'."""
    i = bisect.bisect_right(edges, value)
    if i == 0:
        return f"<{edges[0]:g}"
    if i == len(edges):
        return f">={edges[-1]:g}"
    return f"{edges[i - 1]:g}-{edges[i]:g}"


def _index_of(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the span containing ``offset`` (or the last one starting before it)."""
    starts = [s for s, _ in spans]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _actor_kind(actor: Optional[Actor]) -> str:
    """A coarse kind for a role: none, country (a state or a body of one), person, ..."""
    if actor is None:
        return "none"
    resolved = (actor.resolved_by or "other").split("+")[0]
    kind = actor.kind or "unknown"
    keyed = "keyed" if actor.country or actor.actor_id else "unkeyed"
    return f"{kind}:{keyed}:{resolved}"


def _trigger_token(doc: Document, event: Event) -> Any:
    sdoc = doc.nlp
    if sdoc is None:
        return None
    span = sdoc.char_span(event.trigger.span[0], event.trigger.span[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _token_features(tok: Any, out: dict[str, float], etype: str) -> None:
    """Lemma, part of speech, dependency, morphology, modal and negation of the trigger."""
    lemma = tok.lemma_.lower()
    out[f"lemma={lemma}"] = 1.0
    out[f"type_lemma={etype}:{lemma}"] = 1.0
    out[f"pos={tok.pos_}"] = 1.0
    out[f"tag={tok.tag_}"] = 1.0
    out[f"dep={tok.dep_}"] = 1.0
    out[f"head_pos={tok.head.pos_ if tok.head.i != tok.i else 'ROOT'}"] = 1.0
    morph = tok.morph
    for name, prefix in (("Tense", "tense"), ("Aspect", "aspect"), ("VerbForm", "verbform")):
        values = morph.get(name)
        if values:
            out[f"{prefix}={values[0]}"] = 1.0
    # modals and negation on the trigger or on the verb governing a nominal trigger
    governors = [tok] if tok.pos_ in ("VERB", "AUX") else [tok, tok.head]
    for gov in governors:
        for child in gov.children:
            if child.tag_ == "MD":
                out[f"modal={child.lower_}"] = 1.0
            if child.dep_ == "neg":
                out["negated=yes"] = 1.0
    out[f"perfect={_perfect(governors)}"] = 1.0
    _clause_features(tok, out)
    out["capitalised=yes" if tok.text[:1].isupper() and tok.i > tok.sent.start else "capitalised=no"] = 1.0


def _perfect(verbs: list) -> str:
    """'had' (pluperfect), 'have' (present perfect) or 'no': an aux "have" on the trigger or
    on the verb governing a nominal trigger (docs/annotation.md 7: acts told as earlier
    than the news are background)."""
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "aux" and child.lemma_.lower() == "have":
                return "had" if child.lower_ == "had" else "have"
    return "no"


def _date_age(doc: Document, event: Event) -> str:
    """How long before the article's publication the event's date lies, in days ('none'
    when either is unknown): context told as past is older than the news."""
    if event.date is None or not event.date.value or not doc.article.published:
        return "none"
    told, published = _day(event.date.value), _day(doc.article.published)
    if told is None or published is None:
        return "none"
    return _bucket((published - told).days, (0, 2, 8, 32, 366))


def _day(value: str) -> Optional[dt.date]:
    """A TIMEX3 date as a day: a month is read as its 15th, a year as July 1st (None for
    anything else: a week, a duration, a reference)."""
    parts = value[:10].split("-")
    if not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return None
    year, month, day = (parts + ["", ""])[:3]
    try:
        return dt.date(int(year), int(month or 7), int(day or (15 if month else 1)))
    except ValueError:
        return None


#: dependency labels that open a subordinate clause or a nominal modifier
_CLAUSES = ("relcl", "advcl", "ccomp", "xcomp", "acl", "pcomp", "csubj", "conj", "parataxis")


def _clause_features(tok: Any, out: dict[str, float]) -> None:
    """The clause the trigger sits in, how deep, its determiner and its own arguments."""
    depth, clause, walker = 0, "main", tok
    while walker.head.i != walker.i and depth < 12:  # spaCy makes a new Token per access: compare indices
        if clause == "main" and walker.dep_ in _CLAUSES:
            clause = walker.dep_
        walker = walker.head
        depth += 1
    out[f"clause={clause}"] = 1.0
    out[f"depth={_bucket(depth, (1, 2, 4, 6))}"] = 1.0
    deps = {child.dep_: child for child in tok.children}
    if tok.pos_ in ("NOUN", "PROPN"):
        det = deps.get("det")
        out[f"det={'poss' if 'poss' in deps else det.lower_ if det is not None else 'none'}"] = 1.0
        if tok.head.i != tok.i:
            out[f"governor={tok.head.lemma_.lower()}"] = 1.0
    out[f"subject={'yes' if any(d.startswith('nsubj') for d in deps) else 'no'}"] = 1.0
    out[f"object={'yes' if any(d in ('dobj', 'obj', 'dative') for d in deps) else 'no'}"] = 1.0


def _position_features(doc: Document, event: Event, out: dict[str, float]) -> None:
    """Where the trigger sits: lead or later sentence, paragraph, how long the line is."""
    start = event.trigger.span[0]
    text = doc.article.text
    sentence = event.sentence.text
    words = len(sentence.split())
    out[f"sentence_words={_bucket(words, (6, 10, 20, 35, 50))}"] = 1.0
    ending = sentence.rstrip()[-1:] if sentence.strip() else ""
    shape = ("question" if ending == "?" else "stop" if ending and ending in ".!" else
             "quote" if ending and ending in _QUOTE_ENDS else "none")
    out[f"sentence_end={shape}"] = 1.0
    if doc.sentences:
        out[f"sentence_index={_bucket(_index_of(doc.sentences, start), (1, 2, 4, 10, 20))}"] = 1.0
    if doc.paragraphs:
        p = _index_of(doc.paragraphs, start)
        pstart, pend = doc.paragraphs[p]
        out[f"paragraph_index={_bucket(p, (1, 2, 4, 10))}"] = 1.0
        # the first sentence of a paragraph carries its news; later ones context and comment
        first = bool(doc.sentences) and _index_of(doc.sentences, pstart) == _index_of(doc.sentences, start)
        out[f"paragraph_lead={'yes' if first else 'no'}"] = 1.0
        out[f"paragraph_words={_bucket(len(text[pstart:pend].split()), (8, 15, 30, 60))}"] = 1.0
        if len(doc.paragraphs) > 2 and p == len(doc.paragraphs) - 1:
            out["last_paragraph=yes"] = 1.0
        line = text[pstart:pend].split()
        if 1 < len(line) <= 15 and sum(w[:1].isupper() for w in line) >= 0.6 * len(line):
            out["title_case_line=yes"] = 1.0
    if text:
        out[f"doc_position={_bucket(start / len(text), (0.1, 0.3, 0.6, 0.85))}"] = 1.0


def _role_features(event: Event, out: dict[str, float]) -> None:
    src, tgt = _actor_kind(event.source), _actor_kind(event.target)
    out[f"source={src}"] = 1.0
    out[f"target={tgt}"] = 1.0
    out[f"dyad={src.split(':')[0]}>{tgt.split(':')[0]}"] = 1.0
    if event.source and event.target and event.source.country and event.source.country == event.target.country:
        out["same_country=yes"] = 1.0
    for side, actor in (("source", event.source), ("target", event.target)):
        out[f"{side}_sector={(actor.sector or 'none') if actor else 'absent'}"] = 1.0


def _quote_features(quotes: dict, event: Event, out: dict[str, float]) -> None:
    """How the event is reported: the kind of quote it sits in and who speaks it."""
    quote = quotes.get(event.quote) if event.quote else None
    if quote is None:
        out["quote_kind=none"] = 1.0
        return
    out[f"quote_kind={quote.kind}"] = 1.0
    out[f"speaker={_actor_kind(quote.speaker).split(':')[0]}:{quote.speaker.sector if quote.speaker else '-'}"] = 1.0


def _title_words(doc: Document) -> list[str]:
    return [w.strip(".,:;!?\"'()[]‘’“”").lower() for w in (doc.article.title or "").split()]


def _in_title(lemma: str, title: list[str]) -> bool:
    """Whether a headline word shares the trigger lemma's first letters (the headline
    names the article's main happening: "sanctions" in the title, "sanction" as trigger)."""
    stem = lemma[:5] if len(lemma) > 5 else lemma
    return len(stem) >= 3 and any(w.startswith(stem) for w in title)


class _DocCounts:
    """Counts over all of a document's events, made once per document (not once per event:
    a long transcript has hundreds of events)."""

    def __init__(self, doc: Document) -> None:
        self.per_sentence = Counter(e.sentence.span for e in doc.events)
        self.per_type = Counter(e.type for e in doc.events)
        self.per_trigger = Counter(e.trigger.text.lower() for e in doc.events)
        self.title = _title_words(doc)
        self.quotes = {q.id: q for q in doc.quotes}
        self.trigger_tokens = {t.i for t in (_trigger_token(doc, e) for e in doc.events) if t is not None}
        self.sentences = len(doc.sentences)
        self.events = len(doc.events)
        self._earlier = sorted(doc.events, key=lambda e: e.trigger.span[0])

    def repeat(self, event: Event) -> str:
        """Whether a candidate told earlier in the article has the same type and shares a
        party ('same_party': one happening told twice, docs/annotation.md 3), the same type
        only ('same_type'), or none ('first')."""
        parties = _parties(event)
        found = "first"
        for other in self._earlier:
            if other.trigger.span[0] >= event.trigger.span[0]:
                break
            if other.type != event.type:
                continue
            if parties & _parties(other):
                return "same_party"
            found = "same_type"
        return found


def _parties(event: Event) -> set[str]:
    """The keys of an event's source and target: the actor id, else its country, else its name."""
    keys = set()
    for actor in (event.source, event.target):
        if actor is not None:
            key = actor.actor_id or actor.country or (actor.name or "").lower()
            if key:
                keys.add(key)
    return keys


def event_features(doc: Document, event: Event, counts: Optional[_DocCounts] = None,
                   version: int = FEATURE_VERSION) -> dict[str, float]:
    """The feature dict of one candidate event of ``doc`` (``doc.nlp`` used when present);
    ``counts`` (from ``_DocCounts(doc)``) saves recounting the document for each event;
    ``version`` is the feature reading a model was trained on (``model_feature_version``)."""
    counts = counts or _DocCounts(doc)
    out: dict[str, float] = {"bias=1": 1.0, f"type={event.type}": 1.0}
    if event.mode:
        out[f"mode={event.type}:{event.mode}"] = 1.0
    c = event.certainty
    out[f"status={c.status}"] = 1.0
    out[f"hedged={'yes' if c.hedges else 'no'}"] = 1.0
    out[f"attributed={_actor_kind(c.attributed_to).split(':')[0]}"] = 1.0
    out[f"background={'yes' if event.background else 'no'}"] = 1.0
    out[f"in_quote={'yes' if event.quote else 'no'}"] = 1.0
    out[f"mentions={_bucket(max(1, len(event.mentions)), (2, 3))}"] = 1.0
    out[f"date={'none' if event.date is None else 'inferred' if event.date.inferred else event.date.granularity or 'read'}"] = 1.0
    out[f"date_age={_date_age(doc, event)}"] = 1.0
    out[f"place={'yes' if event.place else 'no'}"] = 1.0
    out[f"figures={'yes' if event.figures else 'no'}"] = 1.0
    _role_features(event, out)
    _position_features(doc, event, out)
    out[f"events_in_sentence={_bucket(counts.per_sentence[event.sentence.span], (2, 3, 5))}"] = 1.0
    out[f"same_type_in_doc={_bucket(counts.per_type[event.type], (2, 4, 8))}"] = 1.0
    out[f"same_trigger_in_doc={_bucket(counts.per_trigger[event.trigger.text.lower()], (2, 3))}"] = 1.0
    genre = doc.article.meta.get("genre")
    out[f"genre={genre.get('label', 'none') if isinstance(genre, dict) else 'none'}"] = 1.0
    _quote_features(counts.quotes, event, out)
    tok = _trigger_token(doc, event)
    if tok is not None:
        _token_features(tok, out, event.type)
        out[f"in_title={'yes' if _in_title(tok.lemma_.lower(), counts.title) else 'no'}"] = 1.0
        _construction_features(tok, counts, out)
        _occasion_features(tok, event, out, version)
    out[f"repeat={counts.repeat(event)}"] = 1.0
    out[f"doer={_doer(event.source)}"] = 1.0
    out[f"article_sentences={_bucket(counts.sentences, (10, 20, 40, 80))}"] = 1.0
    density = counts.events / max(1, counts.sentences)
    out[f"event_density={_bucket(density, (0.25, 0.5, 1.0))}"] = 1.0
    return out


def _doer(actor: Optional[Actor]) -> str:
    """How the doer is named: a known actor or a state ('named'), a role or group tied to a
    country or sector ('tied'), a name tied to nothing ('loose'), or no doer ('none')."""
    if actor is None:
        return "none"
    if actor.actor_id or actor.kind == "state":
        return "named"
    return "tied" if actor.country or actor.sector else "loose"


#: how far up the parse the scope walk goes (a sentence is rarely deeper)
_MAX_CLIMB = 12


def _construction_features(tok: Any, counts: "_DocCounts", out: dict[str, float]) -> None:
    """What governs the trigger on its way to the sentence root: a modal, a negation or a
    condition mark (docs/annotation.md 6: hypothetical and negated acts), a verb of saying
    (a reported act), another candidate act (an act named inside another: "condemned the
    attack"); and whether the trigger itself governs another candidate act."""
    words = event_words()
    marks = _condition_marks()
    scope, reported, nested, walker, steps = set(), "no", "no", tok, 0
    while steps < _MAX_CLIMB:
        for child in walker.children:
            if child.tag_ == "MD":
                scope.add("modal")
            elif child.dep_ == "neg":
                scope.add("neg")
            elif child.dep_ == "mark" and child.lower_ in marks:
                scope.add("condition")
        if walker.head.i == walker.i:  # the root (spaCy Tokens are new objects: no 'is')
            break
        walker = walker.head
        steps += 1
        if walker.lemma_.lower() in words.saying_verbs and walker.pos_ in ("VERB", "AUX"):
            reported = "yes"
        if walker.i in counts.trigger_tokens:
            nested = "yes"
    for cue in sorted(scope) or ["none"]:
        out[f"scope={cue}"] = 1.0
    out[f"reported={reported}"] = 1.0
    out[f"nested={nested}"] = 1.0
    below = any(t.i in counts.trigger_tokens for t in tok.subtree if t.i != tok.i)
    out[f"governs_event={'yes' if below else 'no'}"] = 1.0


#: subject determiners of a class of doers, not a particular one ("any attack", "no state")
_GENERIC_DETERMINERS = frozenset({"a", "an", "any", "every", "each", "no", "all", "some"})
#: how far up from a nominal trigger the clause's verb is looked for
_MAX_VERB_CLIMB = 4


def _clause_verb(tok: Any) -> Any:
    """The verb whose clause tells the act: the trigger itself, or the first verb above a
    nominal trigger ("imposed new [sanctions]"); None in a verbless line (a heading)."""
    walker = tok
    for _ in range(_MAX_VERB_CLIMB):
        if walker.pos_ in ("VERB", "AUX"):
            return walker
        if walker.head.i == walker.i:
            return None
        walker = walker.head
    return walker if walker.pos_ in ("VERB", "AUX") else None


def _first_conjunct(verb: Any) -> Any:
    """The first verb of a coordination ("met" in "met and agreed"): the one that carries the
    subject and auxiliaries the later conjuncts share."""
    steps = 0
    while (verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX")
           and steps < _MAX_CLIMB):
        verb, steps = verb.head, steps + 1
    return verb


def _shared_auxes(verb: Any) -> list:
    """The auxiliaries of a verb's clause: its own, else (a later conjunct with none of its
    own and no tense of its own: "has met and [agreed]", "will meet and [discuss]") those of
    the first conjunct (session 18: before, such a conjunct read as non-finite)."""
    own = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if own or verb.dep_ != "conj" or verb.tag_ not in ("VB", "VBN"):
        return own
    first = _first_conjunct(verb)
    return [c for c in first.children if c.dep_ in ("aux", "auxpass")] if first.i != verb.i else own


def _anchor(verb: Any, event: Event, version: int = FEATURE_VERSION) -> str:
    """How the act is tied to an occasion (docs/annotation.md 2 and 7): a date of its own,
    a past or perfect verb, an ongoing one, a future or modal one, a plain present (the
    tense of habits and general truths: "wars cause refugees"), a non-finite verb, or no
    verb at all (a heading, a caption, a list item)."""
    if event.date is not None and not event.date.inferred:
        return "dated"
    if verb is None:
        return "verbless"
    auxes = (_shared_auxes(verb) if version >= 19 else
             [c for c in verb.children if c.dep_ in ("aux", "auxpass")])
    if verb.tag_ == "VBD" or any(a.lemma_.lower() == "have" or a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.tag_ == "MD" for a in auxes):
        return "modal"
    if verb.tag_ == "VBG" and any(a.lemma_.lower() == "be" for a in auxes):
        return "ongoing"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return "nonfinite"


#: tags of a relative pronoun ("that", "which", "who"): it stands for its antecedent
_RELATIVE_TAGS = frozenset({"WDT", "WP"})


def _own_subject(verb: Any) -> Any:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _doer_word(verb: Any) -> Any:
    """The word that names the doer of ``verb``'s clause (session 18, review 03:09 of session
    17): the subject, but a relative pronoun stands for its antecedent ("any navy [that]
    blockades": the navy), a later conjunct with no subject shares the first conjunct's
    ("the army shelled the town and [killed]"), and an infinitive complement takes its
    controller ("Russia vowed to [retaliate]": Russia; "urged Iran to [stop]": Iran)."""
    subject = _own_subject(verb)
    if subject is not None:
        if subject.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl" and verb.head.i != verb.i:
            return verb.head  # the noun the relative clause modifies
        return subject
    if verb.dep_ == "conj":
        first = _first_conjunct(verb)
        return _doer_word(first) if first.i != verb.i else None
    if verb.dep_ == "xcomp" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        controller = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj")), None)
        return controller if controller is not None else _doer_word(verb.head)
    return None


def _subject_kind(verb: Any, version: int = FEATURE_VERSION) -> str:
    """How the clause's subject names its doer: a name, a definite or possessed noun, a
    class ("countries", "any state": docs/annotation.md 2, generic classes of acts), a
    pronoun, or no subject. ``version`` < 19 is session 17's reading (the subject token
    itself: a relative pronoun counts as a pronoun; a conjunct or a complement has none),
    kept for a model trained on it."""
    if verb is None:
        return "none"
    subject = _doer_word(verb) if version >= 19 else _own_subject(verb)
    if subject is None:
        return "none"
    if subject.pos_ == "PRON":
        return "pronoun"
    if subject.pos_ == "PROPN" or subject.ent_type_:
        return "name"
    deps = {c.dep_: c for c in subject.children}
    det = deps.get("det")
    if det is not None and det.lower_ in _GENERIC_DETERMINERS:
        return "class"
    if det is None and "poss" not in deps and subject.tag_ == "NNS":
        return "class"  # a bare plural: "protesters often block roads"
    return "definite"


def _occasion_features(tok: Any, event: Event, out: dict[str, float], version: int = FEATURE_VERSION) -> None:
    """The occasion cues: the act's anchor in time and how its clause names the doer."""
    verb = _clause_verb(tok)
    out[f"anchor={_anchor(verb, event, version)}"] = 1.0
    out[f"subject_kind={_subject_kind(verb, version)}"] = 1.0


@functools.lru_cache(maxsize=1)
def _condition_marks() -> frozenset[str]:
    """The statement cues' condition words ("if", "unless"), as the filter's rules read them."""
    from sitrep.stages.event_statements import statement_cues  # the stages import this module

    condition = statement_cues().get("condition")
    return condition.words if condition is not None else frozenset()


def only_families(features: dict, families: tuple[str, ...]) -> dict:
    """The features of the given families (``type=ACCUSE`` is family ``type``), and the bias."""
    keep = set(families) | {"bias"}
    return {k: v for k, v in features.items() if k.split("=", 1)[0] in keep}


def families_option(value: str) -> tuple[str, ...]:
    """A training script's ``--families``: a comma list of families and names of
    ``NAMED_FAMILIES`` ("small16,perfect"); '' = all."""
    return tuple(dict.fromkeys(f for name in value.split(",") if name for f in NAMED_FAMILIES.get(name, (name,))))


def document_features(doc: Document, version: int = FEATURE_VERSION) -> list[dict[str, float]]:
    """The features of every event of ``doc``, in order, in the reading ``version``."""
    counts = _DocCounts(doc)
    return [event_features(doc, e, counts, version) for e in doc.events]


def model_feature_version(header: dict) -> int:
    """The feature reading a model was trained on: its header's ``feature_version``, else
    session 17's (18), the reading of every model written before session 18."""
    return int(header.get("feature_version", 18))
