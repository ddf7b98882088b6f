"""The CAMEO pattern index (knowledge/cameo_verbs.py) gives the same readings as trying
every pattern of a synset (``cameo_reading(..., exhaustive=True)``): on hand-built parses
of invented sentences, with a hand-built table that has every kind of pattern, and with
the shipped table, one parse per pattern. The parses are built token by token (words,
heads, relations), so the tests do not depend on the statistical parser."""
import pytest
from spacy.tokens import Doc
import spacy

from sitrep.knowledge.cameo_verbs import (CameoVerbs, SynsetIndex, VerbEntry, VerbPattern, VerbPolicy,
                                          load_cameo_verbs, pattern_key)
from sitrep.stages.event_triggers import cameo_reading, pattern_keys

VOCAB = spacy.blank("en").vocab  # lower-case forms and the like, no model


def parse(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """A Doc from (word, lemma, POS, head index, relation) rows."""
    words, lemmas, pos, heads, deps = zip(*rows)
    return Doc(VOCAB, words=list(words), lemmas=list(lemmas), pos=list(pos), heads=list(heads),
               deps=list(deps))


def reading_ids(tok, table, exhaustive=False):
    found = cameo_reading(tok, table, exhaustive=exhaustive)
    return None if found is None else (found[0], [t.i for t in found[1]])


@pytest.fixture(scope="module")
def small_table() -> CameoVerbs:
    """One invented synset with a pattern of every shape, two of them equally specific."""
    patterns = (
        VerbPattern(None, None, None, "100"),  # needs nothing
        VerbPattern("ahead", None, None, "101"),  # a particle
        VerbPattern(None, "against", None, "102"),  # a preposition
        VerbPattern(None, "against", "&FORCE", "103"),  # a preposition and its object's class
        VerbPattern(None, None, "claim", "104"),  # a direct object
        VerbPattern(None, None, "&FORCE", "105"),  # a direct object's class
        VerbPattern("on", None, "&FORCE", "106"),  # a particle and an object
        VerbPattern(None, None, "demand", "107"),  # same specificity as 104/105: file order decides
    )
    verbs = {"press": (VerbEntry("press", None, "urge", "100", "verb"),),
             "push": (VerbEntry("push", "back", "urge", None, None), VerbEntry("push", None, "urge", "100", "verb"))}
    policy = VerbPolicy(frozenset(), {}, frozenset(), frozenset())
    plover = {"100": "REQUEST", "101": "MOBILIZE", "102": "PROTEST", "103": "ASSAULT", "104": "DEMAND",
              "105": "COERCE", "106": "THREATEN", "107": "REJECT"}
    return CameoVerbs(verbs, {"urge": patterns}, {"&FORCE": frozenset({"army", "troop"})}, policy, plover)


SENTENCES = {
    # "Officials pressed ahead against the army."
    "particle and prepositional object": ([
        ("Officials", "official", "NOUN", 1, "nsubj"), ("pressed", "press", "VERB", 1, "ROOT"),
        ("ahead", "ahead", "ADV", 1, "advmod"), ("against", "against", "ADP", 1, "prep"),
        ("the", "the", "DET", 5, "det"), ("army", "army", "NOUN", 3, "pobj")], ("ASSAULT", [])),
    # "Officials pressed the claim."
    "direct object word": ([
        ("Officials", "official", "NOUN", 1, "nsubj"), ("pressed", "press", "VERB", 1, "ROOT"),
        ("the", "the", "DET", 3, "det"), ("claim", "claim", "NOUN", 1, "dobj")], ("DEMAND", [])),
    # "Officials pressed on the troops."
    "particle and object class": ([
        ("Officials", "official", "NOUN", 1, "nsubj"), ("pressed", "press", "VERB", 1, "ROOT"),
        ("on", "on", "ADP", 1, "prt"), ("the", "the", "DET", 4, "det"),
        ("troops", "troop", "NOUN", 1, "dobj")], ("THREATEN", [2])),
    # "Officials pressed against the plan against the army.": only the first "against" counts
    "first preposition of a spelling": ([
        ("Officials", "official", "NOUN", 1, "nsubj"), ("pressed", "press", "VERB", 1, "ROOT"),
        ("against", "against", "ADP", 1, "prep"), ("the", "the", "DET", 4, "det"),
        ("plan", "plan", "NOUN", 2, "pobj"), ("against", "against", "ADP", 1, "prep"),
        ("the", "the", "DET", 7, "det"), ("army", "army", "NOUN", 5, "pobj")], ("PROTEST", [])),
    # "Officials pressed ahead."
    "particle alone": ([
        ("Officials", "official", "NOUN", 1, "nsubj"), ("pressed", "press", "VERB", 1, "ROOT"),
        ("ahead", "ahead", "ADV", 1, "advmod")], ("MOBILIZE", [2])),
    # "Officials pressed against the plan."
    "preposition alone": ([
        ("Officials", "official", "NOUN", 1, "nsubj"), ("pressed", "press", "VERB", 1, "ROOT"),
        ("against", "against", "ADP", 1, "prep"), ("the", "the", "DET", 4, "det"),
        ("plan", "plan", "NOUN", 2, "pobj")], ("PROTEST", [])),
    # "Officials pressed.": only the pattern that needs nothing
    "no dependents": ([
        ("Officials", "official", "NOUN", 1, "nsubj"), ("pressed", "press", "VERB", 1, "ROOT")],
        ("REQUEST", [])),
    # "Officials pushed back the demand.": the entry with the particle, then file order
    "entry particle": ([
        ("Officials", "official", "NOUN", 1, "nsubj"), ("pushed", "push", "VERB", 1, "ROOT"),
        ("back", "back", "ADP", 1, "prt"), ("the", "the", "DET", 4, "det"),
        ("demand", "demand", "NOUN", 1, "dobj")], ("REJECT", [2])),
}


@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_index_gives_the_exhaustive_reading_on_invented_parses(small_table, name):
    rows, expected = SENTENCES[name]
    verb = parse(rows)[1]
    assert reading_ids(verb, small_table, exhaustive=True) == expected
    assert reading_ids(verb, small_table) == expected


def test_index_tries_only_patterns_the_dependents_can_satisfy(small_table):
    rows, _ = SENTENCES["direct object word"]
    verb = parse(rows)[1]
    tried = small_table.patterns_for("urge", pattern_keys(verb, small_table))
    assert [p.code for p in tried] == ["100", "104"]  # not the six that need another word


def test_every_pattern_has_its_key_in_the_index(small_table):
    index = SynsetIndex.build(small_table.patterns["urge"])
    for i, pattern in enumerate(small_table.patterns["urge"]):
        key = pattern_key(pattern)
        assert i in (index.unkeyed if key is None else index.by_key[key])


def _parse_for(lemma: str, particle, pattern: VerbPattern, table: CameoVerbs) -> Doc:
    """A parse that satisfies ``pattern`` on the verb ``lemma``: "They <verb> [particle] the <object>"."""
    obj = pattern.obj
    if obj is not None and obj.startswith("&"):
        obj = min(table.classes.get(obj, {"unlisted"}))  # a class the table lacks: no match
    rows = [("They", "they", "PRON", 1, "nsubj"), (lemma, lemma, "VERB", 1, "ROOT")]
    for word in {w for w in (particle, pattern.particle) if w}:
        rows.append((word, word, "ADP", 1, "prt"))
    if pattern.prep is not None:
        rows.append((pattern.prep, pattern.prep, "ADP", 1, "prep"))
        if obj is not None:
            rows.append((obj, obj, "NOUN", len(rows) - 1, "pobj"))
    elif obj is not None:
        rows.append((obj, obj, "NOUN", 1, "dobj"))
    return parse(rows)


def test_index_gives_the_exhaustive_reading_for_every_shipped_pattern():
    table = load_cameo_verbs()
    one_verb_per_synset = {}
    for lemma, entries in sorted(table.verbs.items()):
        for entry in entries:
            one_verb_per_synset.setdefault(entry.synset, entry)
    compared = events = 0
    for synset, entry in sorted(one_verb_per_synset.items()):
        for pattern in table.patterns.get(synset, ()):
            verb = _parse_for(entry.lemma, entry.particle, pattern, table)[1]
            exhaustive = reading_ids(verb, table, exhaustive=True)
            assert reading_ids(verb, table) == exhaustive, (entry, pattern)
            compared += 1
            events += exhaustive is not None
    assert compared > 2500
    assert events > compared // 4  # many parses are events: the comparison is not between two Nones
