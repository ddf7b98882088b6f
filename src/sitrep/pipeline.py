"""The pipeline as one object: ordered stages that declare what they need and what they set.

    pipeline = Pipeline.default()              # clean -> nlp -> actors -> ... -> event_filter
    for item in pipeline.pipe(articles):       # Document | Skip, one per article, in order
        ...

A stage is a pure function ``run(doc, kb) -> doc`` (src/sitrep/stages/<name>.py) wrapped in
a ``Stage`` naming the layers it requires and the layers it assigns. The pipeline checks
at construction that every requirement is assigned by an earlier stage or given with the
input, so a wrong order or a missing stage fails before the first article rather than in
the middle of a corpus.

``pipe`` owns everything around the stages: spaCy batching (``Language.pipe`` with
``batch_size`` and ``n_process``), the stage order, per-stage timings (``doc.timings``) and
error handling -- an ``InputError`` raised by a stage becomes a ``Skip`` with its reason,
any other exception a ``Skip`` with reason ``internal_error`` naming the stage and the
line, and the other articles go on. The Knowledge (models, tables) is loaded once per
process; a pipeline pickles without it, so an executor can ship it to worker processes.
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union

from sitrep.errors import Skip
from sitrep.knowledge import Knowledge, default_knowledge
from sitrep.model import Article, Document
from sitrep.process_memory import settle
from sitrep.stages import (actors, certainty, clean, event_filter, events, genre, nlp, places,
                           quantities, quotes, times)

StageFunc = Callable[..., Document]
Outcome = Union[Document, Skip]

#: the layers a stage can require or assign, and what each one is
LAYERS = {
    "article": "the article as read: raw text, title, publication date, outlet, URL",
    "text": "the cleaned body (article.text), its language, what cleaning removed, a dateline's date",
    "nlp": "the spaCy Doc over the cleaned text (doc.nlp; in-process only, never serialised)",
    "sentences": "sentence spans (doc.sentences)",
    "paragraphs": "paragraph spans (doc.paragraphs)",
    "actors": "actor mentions resolved against the actor knowledge base (doc.actors)",
    "places": "place mentions resolved against the gazetteer (doc.places)",
    "times": "time expressions with ISO values (doc.times)",
    "quantities": "numbers with unit and counted noun (doc.quantities)",
    "quotes": "direct and indirect quotes with speakers (doc.quotes)",
    "events": "PLOVER events with actors, place, date and figures (doc.events)",
    "certainty": "each event's certainty: status, attribution, cue, hedges (event.certainty)",
    "genre": "the article's genre, news or commentary, with its reasons (article.meta['genre'])",
}


class PipelineError(ValueError):
    """A pipeline that cannot work: a stage's requirement is set by no earlier stage."""


@dataclass(frozen=True)
class Stage:
    """One step and its declaration.

    ``parses``: the stage takes the spaCy Doc that the pipeline parsed for a whole batch
    (``run(doc, kb, spacy_doc=...)``); only the nlp stage does.
    """
    name: str
    run: StageFunc
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    parses: bool = False


#: the stages of a full run, in order; each ``requires`` is what its code reads from the
#: document (checked by tests/test_pipeline.py, which watches every layer a stage touches)
STAGES: tuple[Stage, ...] = (
    Stage("clean", clean.run, requires=("article",), assigns=("text",)),
    Stage("nlp", nlp.run, requires=("text",), assigns=("nlp", "sentences", "paragraphs"), parses=True),
    Stage("actors", actors.run, requires=("nlp",), assigns=("actors",)),
    Stage("places", places.run, requires=("nlp", "actors"), assigns=("places",)),
    Stage("times", times.run, requires=("nlp", "sentences"), assigns=("times",)),
    Stage("quantities", quantities.run, requires=("nlp",), assigns=("quantities",)),
    Stage("quotes", quotes.run, requires=("nlp", "sentences", "paragraphs", "actors"), assigns=("quotes",)),
    Stage("events", events.run, requires=("nlp", "sentences", "paragraphs", "actors", "places", "times",
                                          "quantities", "quotes"), assigns=("events",)),
    Stage("certainty", certainty.run, requires=("nlp", "events", "quotes"), assigns=("certainty",)),
    # a note on the article (article.meta["genre"]) that the event filter's rules read
    Stage("genre", genre.run, requires=("text",), assigns=("genre",)),
    # drops events and notes how many in article.meta (a note on the article, like clean's)
    Stage("event_filter", event_filter.run, requires=("nlp", "sentences", "paragraphs", "events", "certainty",
                                                      "genre"), assigns=("events", "text")),
)

#: the names ``until`` may take, in order ("clean" stops before any NLP)
STAGE_NAMES = tuple(s.name for s in STAGES)


def check_order(stages: Sequence[Stage], given: Iterable[str]) -> None:
    """Raise PipelineError unless each stage's requirements are given or assigned earlier."""
    have = set(given)
    seen: set[str] = set()
    for position, stage in enumerate(stages):
        if stage.name in seen:
            raise PipelineError(f"stage {stage.name!r} appears twice")
        seen.add(stage.name)
        missing = [layer for layer in stage.requires if layer not in have]
        if missing:
            later = {layer: s.name for s in stages[position + 1:] for layer in s.assigns if layer in missing}
            hints = [f"{layer} is set by {later[layer]}, which runs after it" if layer in later
                     else f"no stage sets {layer}" for layer in missing]
            raise PipelineError(f"stage {stage.name!r} requires {', '.join(missing)}: {'; '.join(hints)}")
        have.update(stage.assigns)


class Pipeline:
    """Ordered stages over Articles, checked at construction; see the module docstring.

    ``given``: layers the input already has -- ``("article",)`` for articles as read;
    add ``"text"`` to analyse text as it is, without the clean stage (gold offsets).
    """

    def __init__(self, stages: Sequence[Stage] = STAGES, *, given: Iterable[str] = ("article",),
                 batch_size: int = 8, n_process: int = 1, kb: Optional[Knowledge] = None):
        self.stages = tuple(stages)
        self.given = tuple(given)
        check_order(self.stages, self.given)
        if batch_size < 1 or n_process < 1:
            raise PipelineError("batch_size and n_process must be at least 1")
        self.batch_size = batch_size
        self.n_process = n_process
        self._kb = kb

    @classmethod
    def default(cls, *, until: Optional[str] = None, clean: bool = True, **options: Any) -> "Pipeline":
        """Every stage (or up to ``until``); ``clean=False`` analyses the text as given."""
        stages = STAGES if clean else tuple(s for s in STAGES if s.name != "clean")
        pipeline = cls(stages, given=("article",) if clean else ("article", "text"), **options)
        return pipeline.until(until) if until else pipeline

    def until(self, name: str) -> "Pipeline":
        """The same pipeline stopped after the named stage."""
        names = self.names
        if name not in names:
            raise PipelineError(f"no stage {name!r}; one of {', '.join(names)}")
        return Pipeline(self.stages[:names.index(name) + 1], given=self.given, batch_size=self.batch_size,
                        n_process=self.n_process, kb=self._kb)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    @property
    def kb(self) -> Knowledge:
        if self._kb is None:
            self._kb = default_knowledge()
        return self._kb

    def warm_up(self) -> None:
        """Load what the stages will need now, so the first article does not pay for it."""
        parse = next((i for i, s in enumerate(self.stages) if s.parses), None)
        if parse is None:
            return
        self.kb.nlp  # noqa: B018 - the spaCy model, the slow one to load
        if parse + 1 < len(self.stages):
            self.kb.load_all()
        # what is loaded now lives as long as the process: out of the collector's walks,
        # and the batches' large arrays reused instead of mapped afresh (process_memory)
        settle()

    def __getstate__(self) -> dict:
        # the Knowledge is per process: a worker loads its own
        return dict(self.__dict__, _kb=None)

    def __repr__(self) -> str:
        return f"Pipeline({' -> '.join(self.names)}, batch_size={self.batch_size}, n_process={self.n_process})"

    # -- running -------------------------------------------------------------------------
    def __call__(self, article: Article) -> Document:
        """One article; raises the InputError (or the stage's exception) instead of skipping."""
        return next(self.pipe([article], on_error="raise"))  # type: ignore[return-value]

    def pipe(self, articles: Iterable[Union[Article, Document]], *, on_error: str = "skip") -> Iterator[Outcome]:
        """A Document or a Skip for every input, in input order, streamed.

        ``on_error="raise"`` re-raises instead (the exception's ``sitrep_stage`` names the
        stage), for callers that analyse one article and want its error.
        """
        if on_error not in ("skip", "raise"):
            raise ValueError("on_error must be 'skip' or 'raise'")
        split = next((i for i, s in enumerate(self.stages) if s.parses), None)
        if split is None:
            for item in articles:
                yield self._run(_as_document(item), self.stages, on_error)
            return
        before, parse, after = self.stages[:split], self.stages[split], self.stages[split + 1:]
        prepared = (self._run(_as_document(item), before, on_error) for item in articles)
        for item, spacy_doc in self._parsed(prepared):
            if isinstance(item, Document):
                if spacy_doc is None:
                    spacy_doc = self._parse_alone(item)
                item = self._run(item, (parse,), on_error, spacy_doc=spacy_doc)
                if isinstance(item, Document):
                    item = self._run(item, after, on_error)
            yield item

    def _run(self, doc: Outcome, stages: Sequence[Stage], on_error: str, spacy_doc: Any = None) -> Outcome:
        if isinstance(doc, Skip):
            return doc
        for stage in stages:
            started = time.perf_counter()
            try:
                doc = stage.run(doc, self.kb, spacy_doc=spacy_doc) if stage.parses else stage.run(doc, self.kb)
            except Exception as exc:  # noqa: BLE001 - one article must not sink the others
                if on_error == "raise":
                    if not hasattr(exc, "sitrep_stage"):
                        exc.sitrep_stage = stage.name  # type: ignore[attr-defined]
                    raise
                return Skip.from_exception(exc, _origin(doc.article), stage.name, doc.article.id or None)
            doc.timings[stage.name] = time.perf_counter() - started
        return doc

    def _parse_alone(self, doc: Document) -> Any:
        """The spaCy Doc of a text that was not batched (a long one, or one of a batch that
        failed), timed as spaCy's; None when spaCy fails on it, so the nlp stage meets the
        error again and turns it into a Skip naming its stage."""
        started = time.perf_counter()
        try:
            spacy_doc = nlp.parse(self.kb.nlp, doc.article.text)
        except Exception:  # noqa: BLE001 - reported by the nlp stage, see above
            return None
        doc.timings["spacy"] = time.perf_counter() - started
        return spacy_doc

    def _parsed(self, items: Iterator[Outcome]) -> Iterator[tuple[Outcome, Any]]:
        """(item, spaCy Doc or None) in input order; Skips pass through unparsed.

        Texts go to ``Language.pipe`` as (text, key) tuples -- the key, not the Document,
        so nothing of ours is pickled when spaCy runs several processes. If spaCy fails on
        a batch, the documents it held are parsed one at a time by the nlp stage (the one
        that fails becomes a Skip) and the rest of the input goes on in this process. An
        exception from the input itself is raised after the items read before it.
        """
        numbered = enumerate(items)
        waiting: deque[tuple[int, Outcome]] = deque()
        input_error: list[BaseException] = []

        def texts() -> Iterator[tuple[str, int]]:
            while True:
                try:
                    key, item = next(numbered)
                except StopIteration:
                    return
                except Exception as exc:  # noqa: BLE001 - raised below, not taken for spaCy's
                    input_error.append(exc)
                    return
                waiting.append((key, item))
                # a long text is left out of the batches: the nlp stage parses it alone and
                # in pieces (nlp.parse), so it does not set the batch's memory
                if isinstance(item, Document) and len(item.article.text) <= nlp.SEGMENT_CHARS:
                    yield item.article.text, key

        n_process = self.n_process
        while not input_error:
            try:
                stream = self.kb.nlp.pipe(texts(), as_tuples=True, batch_size=self.batch_size,
                                          n_process=n_process)
                yield from self._match(stream, waiting)
                break
            except Exception:  # noqa: BLE001 - see the docstring
                while waiting:
                    yield waiting.popleft()[1], None
                n_process = 1
        while waiting:  # Skips after the last parsed document
            yield waiting.popleft()[1], None
        if input_error:
            raise input_error[0]

    @staticmethod
    def _match(stream: Iterator[tuple[Any, int]], waiting: deque) -> Iterator[tuple[Outcome, Any]]:
        """Pair parsed Docs with their items, in order.

        spaCy parses a whole batch when asked for its first Doc, so the time of that call
        is shared by the documents waiting then (``doc.timings["spacy"]``).
        """
        share, left = 0.0, 0
        while True:
            started = time.perf_counter()
            try:
                spacy_doc, key = next(stream)
            except StopIteration:
                return
            if left == 0:
                left = sum(isinstance(item, Document) for _, item in waiting) or 1
                share = (time.perf_counter() - started) / left
            while waiting[0][0] != key:
                yield waiting.popleft()[1], None
            doc = waiting.popleft()[1]
            doc.timings["spacy"] = share
            left -= 1
            yield doc, spacy_doc


def _as_document(item: Union[Article, Document]) -> Document:
    return item if isinstance(item, Document) else Document(article=item)


def _origin(article: Article) -> str:
    return article.origin or article.url or article.id or "<article>"


# -- one article at a time (tests, scorers, one-off calls; batch work uses Pipeline.pipe) --

def process(article: Article, kb: Optional[Knowledge] = None, until: Optional[str] = None) -> Document:
    """Article -> Document through every stage (or up to ``until``); raises on error."""
    return Pipeline.default(until=until, kb=kb)(article)


def prepare(article: Article, kb: Optional[Knowledge] = None) -> Document:
    """The clean stage only: raises InputError when the article cannot be analysed."""
    return Pipeline.default(until="clean", kb=kb)(article)


def analyse(doc: Document, kb: Optional[Knowledge] = None, spacy_doc: Any = None,
            until: Optional[str] = None) -> Document:
    """nlp and the later stages on a document whose text is already clean (or is to be
    analysed as it is); ``spacy_doc`` is a Doc already parsed from ``doc.article.text``."""
    pipeline = Pipeline.default(until=until, clean=False, kb=kb)
    if spacy_doc is None:
        return pipeline(doc)  # type: ignore[arg-type]
    first, rest = pipeline.stages[0], pipeline.stages[1:]
    doc = pipeline._run(doc, (first,), "raise", spacy_doc=spacy_doc)  # type: ignore[assignment]
    return pipeline._run(doc, rest, "raise")  # type: ignore[return-value]
