"""The shared cue lexicon: words that attribute content to a source.

Loaded once per process as ``kb.cues`` (a :class:`Cues`). Used by the quotes stage to
find reporting verbs and by the certainty stage to read the stance a cue carries.

API (all lookups take a lower-case lemma, as spaCy's ``token.lemma_``):

``kb.cues.verb_stance(lemma) -> str | None``
    the stance of a reporting / belief verb, ``None`` if the lemma is not a cue.
    Stances: ``neutral`` (say, tell, add), ``claimed`` (claim, insist, argue),
    ``alleged`` (allege, accuse), ``denied`` (deny, reject, dismiss, refute),
    ``threat`` (warn, threaten), ``reported`` (report, show, find, reveal),
    ``asserted`` (confirm, acknowledge, admit: the speaker vouches for it),
    ``promised`` (vow, pledge, promise), ``request`` (ask, urge, demand),
    ``belief`` (believe, think, expect).
``kb.cues.verb_frame(lemma) -> str | None``
    ``speech``, ``writing``, ``evidence`` (a report/document shows), ``request``,
    ``commit``, ``belief`` (incl. intentions: want, plan, seek) or ``position``
    (support, oppose, endorse: a stance taken, content is the object).
``kb.cues.noun_stance(lemma) -> str | None``
    nominal cues ("his claim that ...", "the ministry's denial", "a warning that ...").
``kb.cues.is_reporting_verb(lemma) -> bool``
    any cue verb that reports what somebody said, wrote or showed (every frame except
    ``belief`` and ``position``).
``kb.cues.is_belief_verb(lemma) -> bool``
    believe / think / expect / fear ... (attributes a belief or intention, not speech).
``kb.cues.status_for(stance) -> str``
    a default certainty status (one of ``model.CERTAINTY_STATUSES``) for a stance:
    neutral/reported -> ``reported``, claimed -> ``claimed``, alleged -> ``alleged``,
    denied -> ``denied``, threat -> ``threatened``, asserted -> ``asserted``,
    belief/promised/request -> ``hypothetical``.
``kb.cues.find_phrases(text) -> list[PhraseCue]``
    nominal / phrasal cues ("according to", "in a statement", "told reporters",
    "quoted as saying", "a spokesman for") with character offsets.

``kb.cues.certainty -> CertaintyCues``
    the certainty stage's tables (``certainty.tsv``): cue words per kind mapped to the
    certainty status they set (verbs, nouns, adverbs, modals, marks, hedges, phrases) and
    the marker sets (negations, media words, claim nouns and verbs).
``kb.cues.future_modals -> frozenset[str]``
    the future / conditional-future auxiliaries ("will", "would", "'ll" ...), one set
    for every stage that needs it (events: "will strike" is a threat; certainty: a plan).
``kb.cues.object_content(lemma)`` / ``kb.cues.prep_content(lemma)``
    where a cue verb's content is besides a that-clause: its direct object ("denied the
    report"), the object of a preposition ("spoke of a plot"); from ``content.tsv``.
``kb.cues.words(name) -> frozenset[str]``
    a named word set from ``words.tsv`` (performative, announcing, vouching,
    unnamed_source, presupposing, intent_verb, third_party_sector, past_aux ...).

The tables live in ``knowledge/data/cues/`` (``verbs.tsv``, ``phrases.tsv``,
``nouns.tsv``, ``certainty.tsv``, ``words.tsv``; tab separated, ``#`` comments) so that
linguists can extend them without touching code.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from sitrep.knowledge.tables import tsv_rows, tsv_word_sets

CUE_DIR = Path(__file__).parent / "data" / "cues"

STANCES = ("neutral", "claimed", "alleged", "denied", "threat", "reported", "asserted",
           "promised", "request", "belief")

_STATUS_OF_STANCE = {
    "neutral": "reported", "reported": "reported", "claimed": "claimed",
    "alleged": "alleged", "denied": "denied", "threat": "threatened",
    "asserted": "asserted", "promised": "hypothetical", "request": "hypothetical",
    "belief": "hypothetical",
}


@dataclass(frozen=True)
class PhraseCue:
    span: tuple[int, int]
    text: str
    phrase: str  # the lexicon entry, lower case
    stance: str
    kind: str  # source_before | statement | fixed


#: where a cue verb's content can be (content.tsv), besides "prep:<word>"
CONTENT_RELATIONS = frozenset({"object", "object+complement", "request:for", "addressee:on", "infinitive"})

#: the kinds of rows in certainty.tsv
CERTAINTY_CUE_KINDS = frozenset({"verb", "noun", "adverb", "modal", "mark", "hedge", "phrase", "neg",
                                 "media", "claimnoun", "claimverb"})


@dataclass
class CertaintyCues:
    """Cue lemmas/phrases per kind -> the certainty status they set, and marker sets."""
    verbs: dict[str, str] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)
    adverbs: dict[str, str] = field(default_factory=dict)
    modals: dict[str, str] = field(default_factory=dict)
    marks: dict[str, str] = field(default_factory=dict)
    hedges: dict[str, str] = field(default_factory=dict)  # phrase -> status
    phrases: dict[str, str] = field(default_factory=dict)
    negations: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()  # "rejected CLAIMS that"
    claim_verbs: frozenset[str] = frozenset()  # "REJECTED claims that"


@dataclass
class Cues:
    verbs: dict[str, tuple[str, str]]  # lemma -> (stance, frame)
    phrases: dict[str, tuple[str, str]]  # phrase -> (stance, kind)
    nouns: dict[str, str] = field(default_factory=dict)  # lemma -> stance
    certainty: CertaintyCues = field(default_factory=CertaintyCues)
    word_sets: dict[str, frozenset[str]] = field(default_factory=dict)
    #: lemma -> where its content is besides a that-clause: "object", "prep:of" ...
    content_relations: dict[str, frozenset[str]] = field(default_factory=dict)
    _phrase_re: Optional[re.Pattern] = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # longest first so "in an interview with" wins over "in an interview"
        ordered = sorted(self.phrases, key=len, reverse=True)
        if ordered:
            body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
            self._phrase_re = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
        self._reporting = frozenset(l for l, (_, f) in self.verbs.items()
                                    if f not in ("belief", "position"))
        self._belief = frozenset(l for l, (_, f) in self.verbs.items() if f == "belief")

    @property
    def future_modals(self) -> frozenset[str]:
        return self.word_sets.get("future_modal", frozenset())

    def object_content(self, lemma: str) -> bool:
        """The verb's direct object can be what it reports ("denied the report")."""
        return bool({"object", "object+complement"} & self.content_relations.get(lemma.lower(), frozenset()))

    def prep_content(self, lemma: str) -> tuple[str, ...]:
        """Prepositions whose object is what the verb reports ("spoke of", "warned against")."""
        return tuple(sorted(r[5:] for r in self.content_relations.get(lemma.lower(), ()) if r.startswith("prep:")))

    def words(self, name: str) -> frozenset[str]:
        """A named word set from words.tsv; KeyError names the sets there are."""
        try:
            return self.word_sets[name]
        except KeyError:
            raise KeyError(f"no word set {name!r} in words.tsv (have: {', '.join(sorted(self.word_sets))})") from None

    def verb_stance(self, lemma: str) -> Optional[str]:
        entry = self.verbs.get(lemma.lower())
        return entry[0] if entry else None

    def verb_frame(self, lemma: str) -> Optional[str]:
        entry = self.verbs.get(lemma.lower())
        return entry[1] if entry else None

    def is_reporting_verb(self, lemma: str) -> bool:
        return lemma.lower() in self._reporting

    def is_belief_verb(self, lemma: str) -> bool:
        return lemma.lower() in self._belief

    def noun_stance(self, lemma: str) -> Optional[str]:
        return self.nouns.get(lemma.lower())

    def is_cue_verb(self, lemma: str) -> bool:
        return lemma.lower() in self.verbs

    @staticmethod
    def status_for(stance: Optional[str]) -> str:
        return _STATUS_OF_STANCE.get(stance or "neutral", "reported")

    def find_phrases(self, text: str) -> list[PhraseCue]:
        if not self._phrase_re or not text:
            return []
        found = []
        for m in self._phrase_re.finditer(text):
            key = " ".join(m.group(0).lower().split())
            stance, kind = self.phrases.get(key, ("neutral", "fixed"))
            found.append(PhraseCue((m.start(), m.end()), m.group(0), key, stance, kind))
        return found


def load_cues(cue_dir: Path = CUE_DIR) -> Cues:
    verbs: dict[str, tuple[str, str]] = {}
    for row in tsv_rows(cue_dir / "verbs.tsv"):
        lemma, stance, frame = (row + ["neutral", "speech"])[:3]
        if stance not in STANCES:
            raise ValueError(f"unknown stance {stance!r} for cue {lemma!r}")
        verbs[lemma.lower()] = (stance, frame)
    phrases: dict[str, tuple[str, str]] = {}
    for row in tsv_rows(cue_dir / "phrases.tsv"):
        phrase, stance, kind = (row + ["neutral", "fixed"])[:3]
        phrases[" ".join(phrase.lower().split())] = (stance, kind)
    nouns: dict[str, str] = {}
    if (cue_dir / "nouns.tsv").is_file():
        for row in tsv_rows(cue_dir / "nouns.tsv"):
            lemma, stance = (row + ["neutral"])[:2]
            if stance not in STANCES:
                raise ValueError(f"unknown stance {stance!r} for nominal cue {lemma!r}")
            nouns[lemma.lower()] = stance
    certainty = load_certainty_cues(cue_dir / "certainty.tsv")
    return Cues(verbs=verbs, phrases=phrases, nouns=nouns, certainty=certainty,
                word_sets=load_word_sets(cue_dir / "words.tsv"),
                content_relations=load_content_relations(cue_dir / "content.tsv"))


@functools.lru_cache(maxsize=1)
def default_word_sets() -> dict[str, frozenset[str]]:
    """The shipped named word sets (``words.tsv``), read once per process: for stages
    that are not handed ``kb.cues`` (the events stage's background reader)."""
    return load_word_sets()


def load_content_relations(path: Path = CUE_DIR / "content.tsv") -> dict[str, frozenset[str]]:
    """``lemma<TAB>relation`` rows (object | prep:<word>) -> {lemma: relations}."""
    out: dict[str, set[str]] = {}
    for row in tsv_rows(path):
        if len(row) < 2 or not (row[1] in CONTENT_RELATIONS or row[1].startswith("prep:")):
            raise ValueError(f"{path.name}: expected 'lemma<TAB>relation' (relation: "
                             f"{', '.join(sorted(CONTENT_RELATIONS))} or prep:<word>), found {row!r}")
        out.setdefault(row[0].lower(), set()).add(row[1].lower())
    return {lemma: frozenset(rel) for lemma, rel in out.items()}


def load_word_sets(path: Path = CUE_DIR / "words.tsv") -> dict[str, frozenset[str]]:
    """``set<TAB>word`` rows (the shared reader, :func:`tsv_word_sets`) -> {set name: words},
    lower-cased except the sector codes of ``third_party_sector``. Read by name
    (``kb.cues.words(name)``) by several stages, so a dict rather than one dataclass."""
    return {name: frozenset(words if name in _CODE_SETS else (w.lower() for w in words))
            for name, words in tsv_word_sets(path).items()}


#: word sets whose entries are codes kept as written, not words
_CODE_SETS = frozenset({"third_party_sector"})


def load_certainty_cues(path: Path = CUE_DIR / "certainty.tsv") -> CertaintyCues:
    """``status<TAB>kind<TAB>words`` rows -> CertaintyCues (the first row for a word wins:
    the file lists the stronger reading first)."""
    cues = CertaintyCues()
    markers: dict[str, set[str]] = {"neg": set(), "media": set(), "claimnoun": set(), "claimverb": set()}
    tables = {"verb": cues.verbs, "noun": cues.nouns, "adverb": cues.adverbs, "modal": cues.modals,
              "mark": cues.marks, "hedge": cues.hedges, "phrase": cues.phrases}
    for row in tsv_rows(path):
        if len(row) < 3:
            raise ValueError(f"{path.name}: expected 'status<TAB>kind<TAB>words', found {row!r}")
        status, kind, words = row[0], row[1], " ".join(row[2].lower().split())
        if kind not in CERTAINTY_CUE_KINDS:
            raise ValueError(f"{path.name}: unknown cue kind {kind!r} (kinds: {sorted(CERTAINTY_CUE_KINDS)})")
        if kind in markers:
            markers[kind].add(words)
        else:
            tables[kind].setdefault(words, status)
    cues.negations = frozenset(markers["neg"])
    cues.media_words = frozenset(markers["media"])
    cues.claim_nouns = frozenset(markers["claimnoun"])
    cues.claim_verbs = frozenset(markers["claimverb"])
    return cues


# --------------------------------------------- content of what is said (statement_content.tsv)

CONTENT_CUES_PATH = CUE_DIR / "statement_content.tsv"
#: the kinds of the content cues (see the data file's header)
CONTENT_CUE_KINDS = ("occurrence_verb", "class_determiner", "offence_prep", "deed_noun", "obligation_word",
                     "choice_verb", "outrage_word", "outrage_prep")


@functools.lru_cache(maxsize=4)
def load_content_cues(path: Path = CONTENT_CUES_PATH) -> dict[str, frozenset[str]]:
    """The cues that read what a statement says (statement_content.tsv) by kind; an unknown
    kind or an empty row is an error that names the file and the line to fix. Read by the
    statement rules of both trigger modules (event_triggers, event_statements)."""
    cues: dict[str, frozenset[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or fields[0] not in CONTENT_CUE_KINDS or not fields[1].split():
            raise ValueError(f"{path}:{number}: expected 'kind<TAB>words' with kind one of "
                             f"{', '.join(CONTENT_CUE_KINDS)}; fix this line")
        cues[fields[0]] = cues.get(fields[0], frozenset()) | frozenset(fields[1].split())
    return cues
