"""The Pipeline object: declarations checked at construction, Document | Skip streamed in
input order, spaCy batching with a fallback, errors as Skips, and each stage touching only
the layers it declares."""
import copy
import dataclasses
import json
import pickle

import pytest

from sitrep.errors import InputError, Skip
from sitrep.model import Article, Certainty, Document
from sitrep.pipeline import LAYERS, STAGES, Pipeline, PipelineError, Stage

STORY = ("Venezuelan troops fired on a fishing boat near Maracaibo on Monday, the navy said. "
         "Colombia accused Venezuela of violating its waters and demanded an inquiry.")
OTHER = ("The United States imposed sanctions on three Venezuelan officials on Tuesday, the Treasury "
         "said, after talks in Geneva broke down.")


def by_name(name):
    return next(s for s in STAGES if s.name == name)


def test_declarations_use_known_layers_and_the_default_order_checks():
    for stage in STAGES:
        assert set(stage.requires) | set(stage.assigns) <= set(LAYERS), stage.name
    Pipeline.default()  # does not raise
    assert Pipeline.default(until="times").names == ("clean", "nlp", "actors", "places", "times")


def test_the_stage_order_the_command_line_offers_is_the_pipelines():
    import subprocess
    import sys

    from sitrep import stages

    assert tuple(s.name for s in STAGES) == stages.ORDER
    # and offering it (building the parser) loads no stage, so every command starts fast
    probe = ("import sys; from sitrep.cli import build_parser; build_parser(); "
             "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('sitrep.stages.')))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_a_missing_or_misplaced_stage_fails_at_construction():
    without_times = [s for s in STAGES if s.name != "times"]
    with pytest.raises(PipelineError, match="'events' requires times: no stage sets times"):
        Pipeline(without_times)
    misordered = [by_name("clean"), by_name("nlp"), by_name("places"), by_name("actors")]
    with pytest.raises(PipelineError, match="'places' requires actors: actors is set by actors, which runs after"):
        Pipeline(misordered)
    with pytest.raises(PipelineError, match="appears twice"):
        Pipeline([by_name("clean"), by_name("clean")])
    # without the clean stage, the text must be declared as given
    with pytest.raises(PipelineError, match="'nlp' requires text"):
        Pipeline([by_name("nlp")])
    assert Pipeline([by_name("nlp")], given=("article", "text")).names == ("nlp",)


def test_pipe_streams_documents_and_skips_in_input_order(kb):
    articles = [Article(id="a", text=STORY, input_format="text", origin="a.txt"),
                Article(id="b", text="   ", input_format="text", origin="b.txt"),
                Article(id="c", text=OTHER, input_format="text", origin="c.txt"),
                Article(id="d", text="Muy breve.", input_format="text", origin="d.txt")]
    out = list(Pipeline.default(batch_size=2, kb=kb).pipe(articles))
    assert [type(x).__name__ for x in out] == ["Document", "Skip", "Document", "Skip"]
    assert [x.article.id for x in out if isinstance(x, Document)] == ["a", "c"]
    skip = out[1]
    assert (skip.origin, skip.stage, skip.input_id) == ("b.txt", "clean", "b") and skip.reason == "empty"
    assert out[0].events and out[2].events
    assert {"clean", "spacy", "nlp", "events", "certainty"} <= set(out[0].timings)


def test_batched_result_equals_one_at_a_time(kb):
    texts = [STORY, OTHER, STORY + " " + OTHER]
    batched = list(Pipeline.default(batch_size=3, kb=kb).pipe([Article(id=str(i), text=t) for i, t in enumerate(texts)]))
    single = [Pipeline.default(kb=kb)(Article(id=str(i), text=t)) for i, t in enumerate(texts)]
    assert [d.to_dict() for d in batched] == [d.to_dict() for d in single]


def test_a_stage_error_is_a_skip_naming_the_stage_or_raised_on_request(kb):
    def broken(doc, kb):
        if "Geneva" in doc.article.text:
            raise KeyError("no such cue")
        return doc

    pipeline = Pipeline([by_name("clean"), by_name("nlp"), Stage("actors", broken, requires=("nlp",),
                                                                   assigns=("actors",))], kb=kb)
    out = list(pipeline.pipe([Article(id="a", text=STORY), Article(id="b", text=OTHER)]))
    assert isinstance(out[0], Document)
    assert isinstance(out[1], Skip) and (out[1].reason, out[1].stage) == ("internal_error", "actors")
    assert "KeyError" in out[1].detail and "test_pipeline.py:" in out[1].detail
    with pytest.raises(KeyError) as info:
        pipeline(Article(id="b", text=OTHER))
    assert info.value.sitrep_stage == "actors"
    with pytest.raises(InputError):
        Pipeline.default(kb=kb)(Article(id="x", text="Muy breve.", input_format="text"))


class _FailingNlp:
    """The real spaCy model, except that a batch holding a poisoned text fails, and so
    does parsing that text alone (so the fallback must isolate it)."""

    def __init__(self, nlp, poison):
        self.nlp, self.poison = nlp, poison

    def pipe(self, items, **kw):
        items = list(items)
        if any(self.poison in text for text, _ in items):
            raise RuntimeError("spaCy failed on the batch")
        return self.nlp.pipe(items, **kw)

    def __call__(self, text):
        if self.poison in text:
            raise RuntimeError("spaCy failed on this text")
        return self.nlp(text)


def test_spacy_failing_on_a_batch_loses_only_the_culprit(kb):
    from sitrep.knowledge import Knowledge

    failing = Knowledge()
    failing.__dict__.update({k: getattr(kb, k) for k in ("actors", "gazetteer", "event_lexicon", "cues")})
    failing.nlp = _FailingNlp(kb.nlp, "POISON")
    articles = [Article(id="a", text=STORY), Article(id="b", text="POISON " + OTHER), Article(id="c", text=OTHER)]
    out = list(Pipeline.default(kb=failing, batch_size=8).pipe(articles))
    assert [type(x).__name__ for x in out] == ["Document", "Skip", "Document"]
    assert (out[1].stage, out[1].reason, out[1].input_id) == ("nlp", "internal_error", "b")
    assert out[2].to_dict() == Pipeline.default(kb=kb)(Article(id="c", text=OTHER)).to_dict()


def test_an_error_in_the_input_is_raised_after_what_came_before(kb):
    def articles():
        yield Article(id="a", text=STORY)
        raise OSError("the disk went away")

    seen = []
    with pytest.raises(OSError, match="disk went away"):
        for item in Pipeline.default(kb=kb).pipe(articles()):
            seen.append(item)
    assert [d.article.id for d in seen] == ["a"]


def _layers(doc: Document) -> dict:
    d = doc.to_dict()
    # an event is born with the default certainty; the layer is what differs from it
    default = dataclasses.asdict(Certainty())
    certainty = [c for c in (e.pop("certainty") for e in d["events"]) if c != default]
    genre = d["article"].get("meta", {}).pop("genre", None)  # a layer of its own, kept in the article's meta
    return {"text": d["article"], "genre": genre, "sentences": d["sentences"], "paragraphs": d["paragraphs"],
            "actors": d["actors"], "places": d["places"], "times": d["times"], "quantities": d["quantities"],
            "quotes": d["quotes"], "events": d["events"], "certainty": certainty,
            "nlp": doc.nlp is not None}


def test_each_stage_changes_only_the_layers_it_assigns(kb):
    """The declarations are checked against what the code does on a real story."""
    doc = Document(article=Article(id="w", text=STORY + "\n\n" + OTHER, published="2025-12-01",
                                   input_format="text", origin="w.txt"))
    for stage in STAGES:
        before = json.loads(json.dumps(_layers(doc)))
        doc = stage.run(doc, kb)
        after = json.loads(json.dumps(_layers(doc)))
        changed = {layer for layer in before if before[layer] != after[layer]}
        assert changed <= set(stage.assigns), f"{stage.name} changed {changed - set(stage.assigns)}"
        assert changed, f"{stage.name} set nothing on a story that has every layer"


def test_a_pipeline_and_its_documents_cross_process_boundaries(kb):
    pipeline = Pipeline.default(until="events", kb=kb)
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone.names == pipeline.names and clone._kb is None  # the Knowledge stays per process
    doc = pipeline(Article(id="a", text=STORY))
    doc.nlp = None
    assert pickle.loads(pickle.dumps(doc)).to_dict() == doc.to_dict()
    skip = Skip("a.txt", "empty", "nothing", "clean", "a")
    assert pickle.loads(pickle.dumps(skip)) == skip
    err = pickle.loads(pickle.dumps(InputError("x.txt", "binary", "a PNG image")))
    assert (err.origin, err.reason, err.detail) == ("x.txt", "binary", "a PNG image")


def test_spacy_in_several_processes_gives_the_same_documents(kb):
    articles = [Article(id=str(i), text=t) for i, t in enumerate([STORY, OTHER, STORY, OTHER])]
    two = [d.to_dict() for d in Pipeline.default(kb=kb, n_process=2, batch_size=2).pipe(copy.deepcopy(articles))]
    one = [d.to_dict() for d in Pipeline.default(kb=kb).pipe(articles)]
    assert two == one


def test_a_long_text_is_cut_at_line_breaks_or_sentence_ends_never_mid_word():
    from sitrep.stages.nlp import segment_ends

    lines = "\n".join(f"Line {i} says the convoy moved north." for i in range(40))
    ends = segment_ends(lines, limit=300)
    assert ends[-1] == len(lines) and all(b - a <= 300 for a, b in zip([0] + ends, ends))
    assert all(lines[end - 1] == "\n" for end in ends[:-1])
    one_line = " ".join(f"Envoy {i} met the minister. \u201cWe will talk,\u201d he said." for i in range(30))
    ends = segment_ends(one_line, limit=400)
    assert len(ends) > 3 and all(one_line[end - 2:end] in (". ", "\u201d ") for end in ends[:-1])
    assert all(one_line[end].isupper() or one_line[end] == "\u201c" for end in ends[:-1])
    assert segment_ends("x" * 25, limit=10) == [10, 20, 25]   # no break anywhere: cut at the limit


def test_a_long_article_is_parsed_in_pieces_with_the_offsets_and_events_of_a_whole_parse(kb, monkeypatch):
    from sitrep.stages import nlp as nlp_stage

    long_text = "\n\n".join([STORY, OTHER] * 60)
    assert len(long_text) > nlp_stage.SEGMENT_CHARS
    whole = kb.nlp(long_text)
    pieces = nlp_stage.parse(kb.nlp, long_text)
    assert pieces.text == long_text
    assert [(s.start_char, s.end_char) for s in pieces.sents] == [(s.start_char, s.end_char) for s in whole.sents]
    assert [(e.start_char, e.label_) for e in pieces.ents] == [(e.start_char, e.label_) for e in whole.ents]
    short = Article(id="s", text=STORY)
    articles = [short, Article(id="l", text=long_text), short]
    parsed_alone = []
    real_parse = nlp_stage.parse
    monkeypatch.setattr(nlp_stage, "parse", lambda nlp, text: parsed_alone.append(len(text)) or real_parse(nlp, text))
    out = list(Pipeline.default(kb=kb, batch_size=4).pipe(articles))
    assert parsed_alone == [len(long_text)]   # the long one alone, the short ones batched
    assert [d.article.id for d in out] == ["s", "l", "s"] and out[1].events
    assert out[1].timings["spacy"] > 0
    monkeypatch.setattr(nlp_stage, "SEGMENT_CHARS", 10 ** 9)   # the whole text at once
    whole_run = list(Pipeline.default(kb=kb, batch_size=4).pipe(articles))
    assert [d.to_dict() for d in out] == [d.to_dict() for d in whole_run]
