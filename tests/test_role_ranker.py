"""The learned role ranker (stages/event_role_ranker.py, learn/role_features.py,
learn/role_training.py). Every text is made up for these tests; documents are built by
hand (parsed by the knowledge base's spaCy model) so the stage runs alone."""
import json

import pytest

from sitrep.learn import logreg, role_features, role_training
from sitrep.learn.role_training import RoleExample
from sitrep.model import Actor, Article, Document, Event, TextSpan
from sitrep.stages import event_role_ranker

TEXT = "Freedonian troops shelled Sylvanian villages near the river."


def _actor(word: str, country: str, kind: str = "state") -> Actor:
    start = TEXT.index(word)
    return Actor(span=(start, start + len(word)), text=word, name=word, country=country, kind=kind,
                 resolved_by="kb")


@pytest.fixture(scope="module")
def doc(kb) -> Document:
    freedonian, sylvanian = _actor("Freedonian", "FRD"), _actor("Sylvanian", "SYL")
    d = Document(article=Article(id="t", text=TEXT), sentences=[(0, len(TEXT))], paragraphs=[(0, len(TEXT))],
                 actors=[freedonian, sylvanian])
    d.nlp = kb.nlp(TEXT)
    start = TEXT.index("shelled")
    # the rules got the target wrong: they left it empty
    d.events = [Event(id="e1", type="ASSAULT", trigger=TextSpan((start, start + 7), "shelled"),
                      sentence=TextSpan((0, len(TEXT)), TEXT), source=freedonian)]
    return d


def test_candidates_are_the_sentence_actors_and_none_and_mark_the_rules_choice(doc):
    cands = role_features.candidates(doc, doc.events[0], "target")
    assert [c.actor.text if c.actor else None for c in cands] == ["Freedonian", "Sylvanian", None]
    assert [c.chosen_by_rules for c in cands] == [False, False, True]
    source = role_features.candidates(doc, doc.events[0], "source")
    assert [c.chosen_by_rules for c in source] == [True, False, False]


def test_features_read_the_side_and_the_parse(doc):
    cands, feats = role_features.event_candidates(doc, doc.events[0], "target")
    before, after, none = feats
    assert before["side=before"] == 1.0 and after["side=after"] == 1.0
    assert "none=yes" in none and "side=before" not in none
    assert any(name.startswith("path=") for name in after)
    assert all(name.split("=")[0] in role_features.PREFIXES for f in feats for name in f)


def _model(prefer: str, margin: float) -> logreg.Model:
    """A model that likes candidates after the trigger (``prefer='after'``) or the rules."""
    vocab = ["side=after", "rules=yes"]
    weights = [3.0, 0.0] if prefer == "after" else [0.0, 3.0]
    return logreg.Model(vocab=vocab, weights=weights, bias=-1.5, threshold=margin)


def test_a_sure_model_overrides_the_rules_with_the_documents_own_mention(doc, kb):
    d = Document(article=Article(id="t", text=TEXT), sentences=doc.sentences, paragraphs=doc.paragraphs,
                 actors=doc.actors, nlp=doc.nlp,
                 events=[Event(**{**doc.events[0].__dict__})])
    event_role_ranker.run(d, kb, models={"target": _model("after", 0.3)})
    target = d.events[0].target
    assert target is doc.actors[1] and TEXT[target.span[0]:target.span[1]] == "Sylvanian"
    override = d.article.meta["role_ranker"]["overrides"][0]
    assert override["role"] == "target" and override["before"] is None
    assert override["after"]["span"] == list(doc.actors[1].span) and override["margin"] >= 0.3


def test_the_margin_keeps_the_rules_choice_when_the_model_is_not_sure_enough(doc, kb):
    d = Document(article=Article(id="t", text=TEXT), sentences=doc.sentences, paragraphs=doc.paragraphs,
                 actors=doc.actors, nlp=doc.nlp, events=[Event(**{**doc.events[0].__dict__})])
    model = _model("after", 0.3)
    cands, feats = role_features.event_candidates(d, d.events[0], "target")
    probs = [model.probability(f) for f in feats]
    gap = max(probs) - probs[-1]
    event_role_ranker.run(d, kb, models={"target": _model("after", gap + 0.01)})
    assert d.events[0].target is None and "role_ranker" not in d.article.meta
    event_role_ranker.run(d, kb, models={"target": _model("after", gap - 0.01)})
    assert d.events[0].target is doc.actors[1]


def test_pick_overrides_only_above_the_margin():
    assert role_training.pick([0.2, 0.7, 0.1], rules_index=0, margin=0.4) == 1
    assert role_training.pick([0.2, 0.7, 0.1], rules_index=0, margin=0.6) == 0
    assert role_training.pick([0.5, 0.5], rules_index=1, margin=0.0) == 1  # a tie keeps the rules
    assert role_training.pick([0.1, 0.9], rules_index=0, margin=1.01) == 0  # never


def test_grouped_cv_never_scores_an_article_with_a_model_that_saw_it():
    # two articles whose labels contradict each other: a model that saw the held-out
    # article would copy its answer; a grouped one cannot
    def example(article: str, right_first: bool) -> RoleExample:
        feats = [{"bias=1": 1.0, "side=before": 1.0}, {"bias=1": 1.0, "side=after": 1.0}]
        return RoleExample(article, "target", feats, ["AAA", "BBB"], 0, "AAA" if right_first else "BBB")
    examples = [example(f"a{i}", True) for i in range(4)] + [example("z", False)]
    probs = role_training.out_of_fold(examples, k=5, l2=1.0)
    others = logreg.train(*role_training._rows(examples[:4]), l2=1.0)
    assert probs[-1] == pytest.approx([others.probability(f) for f in examples[-1].features])
    assert probs[-1][0] > probs[-1][1]  # so it still prefers the other articles' answer
    assert role_training.rules_accuracy(examples) == pytest.approx(0.8)


def test_the_shipped_model_loads_and_its_vocabulary_matches_the_feature_prefixes():
    if not event_role_ranker.MODEL_PATH.is_file():
        pytest.skip("no role ranker shipped (docs/role-ranker.md says why)")
    data = json.loads(event_role_ranker.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["header"]["features"] == list(role_features.PREFIXES)
    models = event_role_ranker.load_models()
    assert models and set(models) <= set(role_features.ROLES)
    for model in models.values():
        assert 0.0 <= model.threshold <= 1.0
        assert {name.split("=")[0] for name in model.vocab} <= set(role_features.PREFIXES)


def test_a_model_file_in_the_training_scripts_format_loads_per_role(doc, tmp_path):
    cands, feats = role_features.event_candidates(doc, doc.events[0], "target")
    examples = [RoleExample(f"a{i}", "target", feats, ["FRD", "SYL", None], 2, "SYL") for i in range(3)]
    model = logreg.train(*role_training._rows(examples), l2=1.0, min_count=1, threshold=0.4)
    path = tmp_path / "role_ranker.json"
    path.write_text(json.dumps({"header": {"features": list(role_features.PREFIXES)},
                                "roles": {"target": model.to_json()}}), encoding="utf-8")
    loaded = event_role_ranker.load_models(path)
    assert set(loaded) == {"target"} and loaded["target"].threshold == 0.4
    assert {name.split("=")[0] for name in loaded["target"].vocab} <= set(role_features.PREFIXES)
    assert event_role_ranker.load_models(tmp_path / "absent.json") == {}


def test_sentence_gold_that_cannot_say_none_does_not_train_the_none_candidate(doc):
    cands, feats = role_features.event_candidates(doc, doc.events[0], "target")
    gsr_like = RoleExample("gsr-1", "target", feats, ["FRD", "SYL", None], 2, ["SYL"], knows_none=False)
    rows, labels = role_training._rows([gsr_like])
    assert len(rows) == 2 and not any("none=yes" in r for r in rows) and labels == [0, 1]
    gsr_like.knows_none = True
    assert len(role_training._rows([gsr_like])[0]) == 3


def test_dependency_path_ends_for_a_candidate_in_another_sentence():
    """The climb from a candidate off the trigger's path stops at its sentence root
    (spaCy gives a new Token object on each access: identity never holds there)."""
    import signal

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from sitrep.learn.role_features import dependency_path
    words = ["Rebels", "shelled", "the", "town", ".", "The", "army", "answered", "."]
    heads = [1, 1, 3, 1, 1, 6, 7, 7, 7]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "det", "nsubj", "ROOT", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, sent_starts=[1, 0, 0, 0, 0, 1, 0, 0, 0])

    def hung(*_):
        raise TimeoutError("dependency_path did not end")
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(5)
    try:
        assert dependency_path(doc[1], doc[6]) == ("unrelated", 99)
        # near miss: a candidate on the trigger's own path still gets its path
        path, length = dependency_path(doc[1], doc[0])
        assert path.startswith("nsubj|") and length < 99
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _hand_doc(words, heads, deps, pos=None):
    """A spaCy Doc with a parse given by hand (no model: the test does not hang on a parser's mood)."""
    from spacy.lang.en import English
    from spacy.tokens import Doc
    return Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos or ["X"] * len(words))


def _role_context(sdoc, trigger_i, actor_words):
    """A hand-made Document around ``sdoc``: one ASSAULT event on token ``trigger_i``, the
    given words as state actors."""
    text = sdoc.text
    actors = []
    for w in actor_words:
        tok = next(t for t in sdoc if t.text == w)
        actors.append(Actor(span=(tok.idx, tok.idx + len(w)), text=w, name=w, country=w[:3].upper(),
                            kind="state", resolved_by="kb"))
    trig = sdoc[trigger_i]
    d = Document(article=Article(id="h", text=text), sentences=[(0, len(text))], paragraphs=[(0, len(text))],
                 actors=actors)
    d.nlp = sdoc
    d.events = [Event(id="e1", type="ASSAULT", trigger=TextSpan((trig.idx, trig.idx + len(trig)), trig.text),
                      sentence=TextSpan((0, len(text)), text))]
    return d, {a.text: a for a in actors}


def test_parse_features_compare_tokens_by_position_a_passive_by_agent():
    """A by-agent of a passive trigger is marked 'agent=by' (before the fix, 'is' between
    two Token objects never held and the feature never fired)."""
    # "Villages were shelled by Freedonia ."
    sdoc = _hand_doc(["Villages", "were", "shelled", "by", "Freedonia", "."], [2, 2, 2, 2, 3, 2],
                     ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"])
    d, actors = _role_context(sdoc, 2, ["Villages", "Freedonia"])
    ctx = role_features.EventContext(d, d.events[0])
    by = role_features.candidate_features(ctx, role_features.Candidate(actors["Freedonia"], False), "source")
    assert by.get("agent=by") == 1.0 and by["cand_dep_passive=pobj:passive"] == 1.0
    subject = role_features.candidate_features(ctx, role_features.Candidate(actors["Villages"], False), "source")
    assert "agent=by" not in subject  # near miss: the passive subject is no agent
    assert subject["sentence_subject=yes"] == 1.0  # the passive subject is the sentence's subject


def test_parse_features_a_sibling_of_the_trigger_and_a_path_through_the_root():
    """'Freedonia said Sylvania attacked.': the speaker is the sentence's subject and a
    sibling of the trigger under 'said'; its path climbs the trigger once to the root
    (before the fix the trigger's chain repeated the root 40 times); the trigger's own
    subject is neither sibling nor sentence subject (near miss)."""
    sdoc = _hand_doc(["Freedonia", "said", "Sylvania", "attacked", "."], [1, 1, 3, 1, 1],
                     ["nsubj", "ROOT", "nsubj", "ccomp", "punct"])
    d, actors = _role_context(sdoc, 3, ["Freedonia", "Sylvania"])
    ctx = role_features.EventContext(d, d.events[0])
    speaker = role_features.candidate_features(ctx, role_features.Candidate(actors["Freedonia"], False), "source")
    assert speaker["sentence_subject=yes"] == 1.0 and speaker["same_as_trigger_head=nsubj"] == 1.0
    assert speaker["path=nsubj|ccomp"] == 1.0 and speaker["path_len=2-3"] == 1.0
    doer = role_features.candidate_features(ctx, role_features.Candidate(actors["Sylvania"], False), "source")
    assert "sentence_subject=yes" not in doer and not any(n.startswith("same_as_trigger_head") for n in doer)
    assert doer["path=nsubj|"] == 1.0


# -- session 18 (ranker19): a ranker for every event sitrep produces ------------------------

def _parsed(kb, text: str, trigger: str, words: dict[str, bool]) -> tuple[Document, Event, dict[str, Actor]]:
    """A hand-made Document over ``text`` (parsed by the KB's spaCy model): one event on
    ``trigger``, the ``words`` as actors (value: locative or not)."""
    actors = {}
    for w, locative in words.items():
        start = text.index(w)
        actors[w] = Actor(span=(start, start + len(w)), text=w, name=w, country=w[:3].upper(), kind="state",
                          resolved_by="kb", locative=locative)
    d = Document(article=Article(id="p", text=text), sentences=[(0, len(text))], paragraphs=[(0, len(text))],
                 actors=sorted(actors.values(), key=lambda a: a.span))
    d.nlp = kb.nlp(text)
    t = text.index(trigger)
    event = Event(id="e1", type="ASSAULT", trigger=TextSpan((t, t + len(trigger)), trigger),
                  sentence=TextSpan((0, len(text)), text))
    d.events = [event]
    return d, event, actors


@pytest.mark.parametrize("text, trigger, word, role", [
    ("Freedonian gunboats shelled Sylvanian harbours overnight.", "shelled", "Sylvanian", "target"),  # object
    ("Freedonian gunboats shelled Sylvanian harbours overnight.", "shelled", "Freedonian", "source"),  # subject
    ("The council imposed sanctions on Marovia and Tessland in May.", "sanctions", "Tessland", "target"),  # conjunct
    ("The envoy was expelled by the Ostrian government on Friday.", "expelled", "Ostrian", "source"),  # by-agent
    ("The envoy was expelled by the Ostrian government on Friday.", "expelled", "envoy", "target"),  # passive subj
    ("Dorvania's blockade of the strait angered its neighbours.", "blockade", "Dorvania", "source"),  # possessor
])
def test_a_core_argument_of_the_trigger_may_fill_that_empty_role(kb, text, trigger, word, role):
    d, event, actors = _parsed(kb, text, trigger, {word: False})
    assert role_features.core_argument(d, event, actors[word], role)


@pytest.mark.parametrize("text, trigger, word, locative, role", [
    ("Speaking in Velmar on Monday, the minister praised the accord.", "praised", "Velmar", False, "target"),
    ("The minister praised the accord, a spokesman for Carrow News said.", "praised", "Carrow", False, "target"),
    ("Gunmen shelled the old market in Velmar at dawn.", "shelled", "Velmar", True, "target"),  # a place
    # the wrong role: the passive subject is acted on, the object does not act, the agent is no target
    ("Protesters were arrested on Monday.", "arrested", "Protesters", False, "source"),
    ("Freedonian gunboats shelled Sylvanian harbours overnight.", "shelled", "Sylvanian", False, "source"),
    ("The envoy was expelled by the Ostrian government on Friday.", "expelled", "Ostrian", False, "target"),
])
def test_a_mention_that_is_not_that_argument_of_the_trigger_is_no_core_argument(kb, text, trigger, word, locative,
                                                                                role):
    d, event, actors = _parsed(kb, text, trigger, {word: locative})
    assert not role_features.core_argument(d, event, actors[word], role)


def test_an_empty_role_is_filled_only_by_a_core_argument(kb):
    """The rules chose a source and no target: with the parse, the ranker may offer the
    object's demonym but not the mention of the dateline-like adjunct."""
    text = "Speaking in Velmar, Freedonian officials condemned Sylvanian raids."
    d, event, actors = _parsed(kb, text, "condemned", {"Velmar": False, "Freedonian": False, "Sylvanian": False})
    event.source = actors["Freedonian"]
    cands = role_features.candidates(d, event, "target")
    names = [c.actor.text if c.actor else None for c in cands]
    allowed = dict(zip(names, role_features.eligible(event, "target", cands, d)))
    assert allowed == {"Velmar": False, "Freedonian": False, "Sylvanian": True, None: True}
    # without the parse (the session-17 guard) the adjunct was open
    assert dict(zip(names, role_features.eligible(event, "target", cands)))["Velmar"] is True


def test_a_role_the_rules_filled_may_move_to_any_mention_but_the_other_roles_party(kb):
    text = "Speaking in Velmar, Freedonian officials condemned Sylvanian raids."
    d, event, actors = _parsed(kb, text, "condemned", {"Velmar": False, "Freedonian": False, "Sylvanian": False})
    event.source, event.target = actors["Freedonian"], actors["Velmar"]
    cands = role_features.candidates(d, event, "target")
    allowed = dict(zip([c.actor.text if c.actor else None for c in cands],
                       role_features.eligible(event, "target", cands, d)))
    assert allowed == {"Velmar": True, "Freedonian": False, "Sylvanian": True, None: True}


def _marked(article: str, role: str, rules_index: int, chosen_marks: list, paired: bool = True) -> RoleExample:
    feats = [{"bias=1": 1.0}] * len(chosen_marks)
    return RoleExample(article, role, feats, ["AAA", "BBB", None][:len(chosen_marks)], rules_index, "BBB",
                       event=0, paired=paired, parties=chosen_marks)


def test_the_joint_guard_reverts_both_roles_when_they_end_as_one_party():
    minister = [[0, 8], None, "ada okafor"]
    envoy = [[20, 25], None, "ben sato"]
    her = [[40, 43], None, "ben sato"]  # a pronoun resolved to the envoy
    state = [[50, 57], "SYL", "sylvania"]
    source = _marked("a", "source", 0, [minister, envoy, None])
    target = _marked("a", "target", 0, [state, her, None])
    # each override alone is fine; together the envoy would act toward himself
    assert role_training.joint_guard([source, target], [1, 0]) == [1, 0]
    assert role_training.joint_guard([source, target], [0, 1]) == [0, 1]
    assert role_training.joint_guard([source, target], [1, 1]) == [0, 0]
    # near miss: a self-dyad the rules made themselves is not the ranker's to undo
    rules_self = _marked("a", "target", 1, [state, minister, None])
    assert role_training.joint_guard([source, rules_self], [0, 1]) == [0, 1]


def test_overrides_on_unpaired_events_cost_as_much_as_a_broken_key():
    right = _marked("a", "target", 0, [None, None, None])  # rules AAA, gold BBB: override to 1 fixes
    noise = _marked("b", "target", 0, [None, None, None], paired=False)
    assert role_training.objective([right, noise], [1, 0]) == 1
    assert role_training.objective([right, noise], [1, 1]) == 0  # the fix is paid for by the noise
    assert role_training.accuracy([right, noise], [1, 1]) == 1.0  # key accuracy reads paired roles only


def test_unpaired_events_never_train_the_ranking():
    feats = [{"bias=1": 1.0, "side=before": 1.0}, {"bias=1": 1.0, "side=after": 1.0}]
    paired = RoleExample("a", "target", feats, ["AAA", "BBB"], 0, "BBB")
    unpaired = RoleExample("b", "target", feats, ["AAA", "BBB"], 0, None, paired=False)
    rows, labels = role_training._rows([paired, unpaired])
    assert len(rows) == 2 and labels == [0, 1]
    assert RoleExample.from_json(unpaired.to_json()).paired is False


def test_the_stage_makes_no_self_dyad_when_both_roles_are_overridden(kb):
    """Source and target each move to a mention of one party (a name and its pronoun):
    the stage keeps both of the rules' roles."""
    text = "Freedonia said Okafor met Sylvania and she praised her hosts."
    d, event, actors = _parsed(kb, text, "met", {"Freedonia": False, "Okafor": False, "Sylvania": False})
    she = text.index("she")
    pronoun = Actor(span=(she, she + 3), text="she", name="Okafor", country="OKA", kind="person",
                    resolved_by="coref")
    d.actors = sorted(d.actors + [pronoun], key=lambda a: a.span)
    event.source, event.target = actors["Freedonia"], actors["Sylvania"]
    # a model that likes any person the rules did not choose: for the source "Okafor",
    # for the target "Okafor" too (the first of the two persons)
    models = {role: logreg.Model(vocab=["rules_kind=no:person", "rules=yes"], weights=[4.0, 0.0], bias=-2.0,
                                 threshold=0.2) for role in ("source", "target")}
    event_role_ranker.run(d, kb, models=models)
    assert event.source is actors["Freedonia"] and event.target is actors["Sylvania"]
    assert "role_ranker" not in d.article.meta
    # near miss: with a model for the source only, the source moves (no self-dyad)
    event_role_ranker.run(d, kb, models={"source": models["source"]})
    assert event.source.text in ("Okafor", "she") and event.target is actors["Sylvania"]


def test_coarse_features_name_the_quad_class_instead_of_the_type():
    feats = {"bias=1": 1.0, "path_type=ASSAULT:nsubj|": 1.0, "none_type=CONSULT": 1.0, "path=nsubj|": 1.0}
    assert role_features.coarsen(feats) == {"bias=1": 1.0, "path_type=material_conflict:nsubj|": 1.0,
                                           "none_type=verbal_cooperation": 1.0, "path=nsubj|": 1.0}


def test_the_stage_coarsens_the_features_for_a_coarse_model(doc, kb):
    """A model trained on quad classes must see quad classes: weighted on
    'side_type=material_conflict:after' it overrides only when the stage coarsens."""
    def model(coarse: bool) -> logreg.Model:
        return logreg.Model(vocab=["side_type=material_conflict:after"], weights=[4.0], bias=-2.0, threshold=0.3,
                            header={"coarse": coarse})
    for coarse, moved in ((False, False), (True, True)):
        d = Document(article=Article(id="t", text=TEXT), sentences=doc.sentences, paragraphs=doc.paragraphs,
                     actors=doc.actors, nlp=doc.nlp, events=[Event(**{**doc.events[0].__dict__})])
        event_role_ranker.run(d, kb, models={"target": model(coarse)})
        assert (d.events[0].target is doc.actors[1]) is moved
