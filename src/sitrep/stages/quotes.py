"""quotes stage: direct and indirect quotes, with the speaker resolved to an actor.

What it finds (fills ``doc.quotes`` in text order, ids ``{article.id}:q{n}``):

* indirect quotes: a cue verb from ``kb.cues`` with a clausal complement
  ("Maduro said the US wanted his country's oil", "X told reporters that ..."); request,
  commitment and intention verbs with an infinitive ("urged Congress to act", "vowed to
  fight", "forced X to admit" -> X); verbs whose object or prepositional object is the
  content ("denied the report", "called for talks", "spoke of a plot"); the parenthetical
  "The blockade, the minister said, would ..." and "..., Graham said."; "according to X";
  nominal cues with a that-clause ("Trump's claim that ...").
  When the reported clause holds words in quote marks, or runs into a quote right after
  a colon, the quote is ``mixed``. A cue inside another attribution's content is part of
  that attribution, not a quote of its own (annotations are univocal).
* direct quotes in straight, curly or '' quote marks, the cue found in the same sentence
  ('"...," he said', 'said X, adding "..."', 'X said: "..."'; a verb that already reports
  its own clause is the last choice), else at the end of the sentence or paragraph just
  before ("The Times reports:"), else in a following sentence that is only
  "<speaker> <cue>." (unambiguous), else the speaker of the quote just before it (a quote
  running on in the same or the next paragraph, with no other cue in between). A quote
  left open at the end of a paragraph continues when the next paragraph opens with a
  quote mark. Quotes of three words or fewer are scare quotes unless closed by
  punctuation and followed by a cue ('"You winning?" she said'). Also: transcript and
  headline speaker labels ("PENCE: ...", "Sanders: ..." -- the label must be all caps or
  hold a named entity), signatures ('"..." -- Name') and credit lines: an excerpt that
  ends its paragraph, followed by a line "Name[, Name and Name], Outlet" (round-ups of
  opinion pieces) -- the authors speak, the outlet is the cue.

Speaker: the grammatical subject of the cue (the agent of a passive -- a passive subject
is never the speaker, except "was quoted as saying"; the subject of the governing verb
for "..., adding ...", "before asking ..."; a name outside the quote when the parser took
one inside it; the name after a dateline dash). It becomes ``speaker`` when an actor
mention (``doc.actors``) overlaps it, and ``speaker_text`` is then that mention; else
``speaker_text`` is the NER PERSON/ORG/GPE/NORP entity heading the subject, else the
subject's noun phrase cut at the first comma. A pronoun subject ("he said") keeps the
pronoun as ``speaker_text`` and takes the actor the actor layer put on the pronoun
(coreference), else the most recent person actor before the sentence; "who"/"which"
relatives likewise keep the pronoun (the PolNeAR/PARC convention) with the antecedent's
actor; "that" relatives name the antecedent.

Speed: cue candidates come from the token attribute array, so Python touches only the
few tokens near a cue (~1.5 ms CPU per 5,000 characters).
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from sitrep.model import Actor, Document, Quote, TextSpan

Span = tuple[int, int]

_OPENERS = "\"“„«‘‟"
_CLOSERS = "\"”»’"
#: '' is the New York Times' archive spelling of a straight double quote
_QUOTE_MARK = re.compile(r"''|[\"“”„«»‟]")
_WORD = re.compile(r"\w+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

#: a direct quote needs this many words to stand alone; shorter ones are scare quotes
_MIN_DIRECT_WORDS = 4
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_INHERIT_DEPS = ("advcl", "xcomp", "conj", "pcomp", "dep", "parataxis", "acl", "acomp")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
_PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "you"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_TRIM = set(" \t\n\r,.;:!?-—–")


# -- quote marks -----------------------------------------------------------------------

def _paragraphs(text: str) -> list[Span]:
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _opens_paragraph(text: str, para: Span) -> bool:
    s = para[0]
    while s < para[1] and text[s].isspace():
        s += 1
    return s < para[1] and (text[s] in _OPENERS and text[s] != "’" or text.startswith("''", s))


def find_quote_marks(text: str) -> list[Span]:
    """Spans of text between quote marks, marks included.

    Straight marks alternate; curly marks open with “ and close with ”. A quote left open
    at a paragraph end continues if the next paragraph opens with a quote mark, else it
    closes at the paragraph end (unbalanced marks never swallow the rest of the text).
    """
    paragraphs = _paragraphs(text)
    spans: list[Span] = []
    open_at: Optional[int] = None
    depth = 0  # curly quotes nested inside an open quote: “... he calls “hell” than ...”
    for pi, (ps, pe) in enumerate(paragraphs):
        for m in _QUOTE_MARK.finditer(text, ps, pe):
            ch, i = m.group(0), m.start()
            if ch == "''":
                ch = '"'

            if open_at is None:
                if ch in "”»" and i + 1 < pe and not text[i + 1].isspace() and (
                        i == ps or text[i - 1].isspace()):
                    open_at = i  # some outlets use ” on both sides
                elif ch not in "”»":
                    open_at = i
                depth = 0
                continue
            if open_at < ps and i == _first_char(text, ps):
                continue  # the continuation mark of a multi-paragraph quote
            if ch in "“„«":
                if text[open_at] in "“„«":
                    depth += 1
                continue
            if depth and ch in "”»":
                depth -= 1
                continue
            spans.append((open_at, m.end()))
            open_at = None
        if open_at is not None:
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            if nxt is not None and _opens_paragraph(text, nxt):
                continue  # multi-paragraph quote
            if depth:
                # the nesting guess was wrong (a stray opener): close at the first closer
                close = text.find("”", open_at + 1, pe)
                if close != -1:
                    spans.append((open_at, close + 1))
                    open_at, depth = None, 0
                    continue
            spans.append((open_at, _rstrip(text, ps, pe)[1]))
            open_at, depth = None, 0
    return spans


def _first_char(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _words(text: str) -> int:
    return len(_WORD.findall(text))


# -- token helpers ---------------------------------------------------------------------

def _tok_span(tok) -> Span:
    return tok.idx, tok.idx + len(tok)


def _subtree_span(tok, text: str) -> Span:
    start = tok.left_edge.idx
    end = tok.right_edge.idx + len(tok.right_edge)
    return _trim(text, start, end)


def _trim(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    while start < end and text[start] in _TRIM:
        start += 1
    return start, end


def _inside(a: Span, b: Span) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Ctx:
    """Per-document lookups built once."""

    def __init__(self, doc: Document, kb) -> None:
        self.doc = doc
        self.text = doc.article.text
        self.sdoc = doc.nlp
        self.cues = kb.cues
        self.actors = sorted(doc.actors, key=lambda a: a.span)
        self.actor_starts = [a.span[0] for a in self.actors]
        self.paragraphs = doc.paragraphs or _paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paragraphs]
        self.long_quotes: list[Span] = []
        self.long_starts: list[int] = []
        # channel phrases that extend a verb cue: "said in a statement", "told reporters"
        self.channel_starts = {p.span[0]: p.span[1] for p in self.cues.find_phrases(self.text)
                               if p.kind in ("statement", "fixed")}

    def quote_in(self, start: int, end: int) -> bool:
        """A long (direct) quote overlaps start..end."""
        i = bisect.bisect_left(self.long_starts, end)
        return any(_overlap((start, end), q) for q in self.long_quotes[max(0, i - 3):i])

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, offset) - 1)

    def actor_over(self, span: Span, head: Optional[Span] = None) -> Optional[Actor]:
        i = bisect.bisect_left(self.actor_starts, span[1])
        best = None
        for a in self.actors[max(0, i - 12):i]:
            if _overlap(a.span, span):
                if head is not None and _overlap(a.span, head):
                    return a
                best = best or a
        return best

    def recent_person(self, before: int) -> Optional[Actor]:
        i = bisect.bisect_left(self.actor_starts, before)
        for a in reversed(self.actors[:i]):
            if a.kind == "person":
                return a
        return None


# -- speakers --------------------------------------------------------------------------

def _subject(verb, depth: int = 0):
    """The token naming who speaks for a cue verb, or None (agentless)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    passive = None
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            passive = child
        elif child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if passive is not None:
        # "X was quoted as saying": the passive subject is the speaker; "X is expected to",
        # "it was reported": the subject is not who expects or reports
        return passive if verb.lemma_.lower() == "quote" else None
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # "before asking her ...", "for saying that ...", "aside from saying ...": the
        # clause the preposition hangs on
        head = verb.head.head
        for _ in range(2):
            if head.pos_ in ("VERB", "AUX") or head.head == head:
                break
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return _subject(head, depth + 1)
        return None
    if depth == 0 and verb.tag_ == "VBG" and verb.dep_ in ("csubj", "csubjpass") and verb.i == verb.sent.start:
        # "Claiming the criticism is unfair, Trump told Fox ...": the sentence's subject
        root = verb.sent.root
        if root != verb:
            return _subject(root, depth + 1)
    if verb.dep_ == "xcomp" and verb.head != verb:
        # object control: "forced Stumpf to admit", "asked her to explain"
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None:
            return obj
    if depth == 0 and verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and \
            not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # "Asked about the attack, the minister said ...": the asker is unnamed
    if depth < 3 and verb.dep_ in _INHERIT_DEPS and verb.head != verb:
        inherited = _subject(verb.head, depth + 1)
        if inherited is not None and inherited.lower_ in ("it", "there") and inherited.head != verb:
            return None  # "it is worth noting that ...", "it goes without saying": nobody
        return inherited
    if depth == 0 and verb.i > 0:
        # a misparse left the name hanging ("... the Washington Post Trump said that ...")
        prev = verb.doc[verb.i - 1]
        if prev.pos_ == "PROPN" or prev.lower_ in _PERSON_PRONOUNS:
            return prev
    return None


def _past_dateline(subj, verb, text: str):
    """'WASHINGTON (AP) — President Obama said': the parser often makes the dateline the
    subject; take the first noun phrase after the dash instead."""
    if subj is None or verb is None or subj.i >= verb.i:
        return subj
    # Doc.text rebuilds the whole string on every access: slice the article text
    between = text[subj.idx:verb.idx]
    if not any(c in between for c in "—–-("):
        return subj
    doc = subj.doc
    dash = None
    for t in doc[subj.i:verb.i]:
        if t.text in ("—", "–", "--", "-") or t.text == "(":
            dash = t.i
    if dash is None or not (subj.is_upper or subj.ent_type_ == "GPE" or subj.text == "("):
        return subj
    for t in doc[dash + 1:verb.i]:
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ not in ("pobj", "compound", "poss", "amod") \
                and t.ent_type_ not in ("DATE", "TIME", "ORDINAL", "CARDINAL") and t.text != "AP":
            return t
    return subj


def _speaker(ctx: _Ctx, subj, avoid: Span) -> tuple[Optional[Actor], Optional[TextSpan]]:
    if subj is None:
        return None, None
    text = ctx.text
    head_span = _tok_span(subj)
    if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl":
        # the annotation convention (PolNeAR, PARC) marks the pronoun; the actor is the
        # antecedent's
        antecedent = subj.head.head
        actor = ctx.actor_over(_subtree_span(antecedent, text), _tok_span(antecedent))
        return actor, TextSpan(head_span, text[head_span[0]:head_span[1]])
    if subj.lower_ in _PRONOUNS:
        actor = None
        if subj.lower_ in ("he", "she"):
            # "Padrino addressed the troops after Maduro had met the generals. He said ...":
            # the one the sentence before is about, not the last person it names
            actor = _salient_person_before(ctx, subj)
        actor = actor or ctx.actor_over(head_span, head_span)
        if actor is None and subj.lower_ in ("he", "she"):
            sent = ctx.doc.sentence_of(subj.idx)
            actor = ctx.recent_person(sent[0] if sent else subj.idx)
        return actor, TextSpan(head_span, text[head_span[0]:head_span[1]])
    phrase = _subtree_span(subj, text)
    if _overlap(phrase, avoid) or phrase[1] - phrase[0] > 150:
        # the parse folded the quote into the subject: keep the head's own noun phrase
        start = min((t.idx for t in subj.lefts if t.dep_ in ("compound", "det", "amod", "poss")),
                    default=subj.idx)
        phrase = (start, head_span[1])
    actor = ctx.actor_over(phrase, head_span)
    if actor is not None:
        return actor, TextSpan(actor.span, actor.text)
    if subj.ent_type_ in _NAME_LABELS:
        for ent in ctx.sdoc.ents:
            if ent.start <= subj.i < ent.end:
                s = (ent.start_char, ent.end_char)
                return None, TextSpan(s, text[s[0]:s[1]])
    # cut the noun phrase at the first comma after the head (appositions, relatives)
    cut = text.find(",", head_span[1], phrase[1])
    if cut != -1:
        phrase = _trim(text, phrase[0], cut)
    return None, TextSpan(phrase, text[phrase[0]:phrase[1]])


def _salient_person_before(ctx: _Ctx, pronoun) -> Optional[Actor]:
    """The person actor that is the subject of the main clause of the sentence before the
    pronoun's (when the pronoun opens its own sentence), or None."""
    sent = pronoun.sent
    if any(t.pos_ == "PROPN" for t in pronoun.doc[sent.start:pronoun.i]):
        return None  # a name earlier in the same sentence is nearer
    if sent.start == 0:
        return None
    before = ctx.sdoc[sent.start - 1].sent
    subj = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    actor = ctx.actor_over(_subtree_span(subj, ctx.text), _tok_span(subj))
    return actor if actor is not None and actor.kind == "person" else None


def _speaker_of_span(ctx: _Ctx, span: Span) -> tuple[Optional[Actor], TextSpan]:
    actor = ctx.actor_over(span)
    if actor is not None:
        return actor, TextSpan(actor.span, actor.text)
    return None, TextSpan(span, ctx.text[span[0]:span[1]])


def _cue_span(ctx: _Ctx, verb) -> TextSpan:
    start, end = _tok_span(verb)
    for child in verb.children:
        if child.dep_ in ("aux", "neg", "auxpass") and child.i < verb.i and verb.i - child.i <= 3:
            start = min(start, child.idx)
        elif child.dep_ == "prt" and child.i == verb.i + 1:
            end = child.idx + len(child)
    # a fixed phrase starting at the verb ("told reporters", "said in a statement") or
    # a channel right after it ("said in an interview") belongs to the cue
    phrase_end = ctx.channel_starts.get(verb.idx) or ctx.channel_starts.get(end + 1)
    if phrase_end and phrase_end > end:
        end = phrase_end
    return TextSpan((start, end), ctx.text[start:end])


# -- content ---------------------------------------------------------------------------

def _content_of(ctx: _Ctx, verb) -> Optional[Span]:
    """The reported content of a cue verb from the parse, or None.

    Where the content is comes from ``kb.cues``: every cue verb takes a that-clause
    (ccomp); ``content.tsv`` says which also take it as their object, the object of a
    preposition, an infinitive, or an object with its complement ("called him a liar")."""
    text = ctx.text
    cues = ctx.cues
    lemma = verb.lemma_.lower()
    frame = cues.verb_frame(lemma)
    relations = cues.content_relations.get(lemma, frozenset())
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ == "on" and "addressee:on" in relations and obj is None:
            obj = child  # "called on X to ..."
        elif child.lower_ == "for" and "request:for" in relations:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return _subtree_span(pobj, text)  # "called for talks", "asked for help"
    if clauses:
        # "X; the team says she will go on": the clause after the verb is what it says
        after = [c for c in clauses if c.i > verb.i]
        return _subtree_span((after or clauses)[0], text)
    if xcomp is not None and frame in ("request", "commit", "belief", "speech"):
        if frame != "speech" or "infinitive" in relations:
            start = obj.left_edge.idx if obj is not None and obj.i < xcomp.i else xcomp.left_edge.idx
            return _trim(text, start, xcomp.right_edge.idx + len(xcomp.right_edge))
    reported = _unmarked_clause(verb) if frame in ("speech", "writing") else None
    if reported is not None:
        return _subtree_span(reported, text)  # "said after the meeting he would not accept"
    preps = cues.prep_content(lemma)
    if preps and obj is None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in preps and child.i > verb.i:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and pobj.pos_ != "PRON":
                    return _subtree_span(pobj, text)
    if obj is not None and obj.dep_ == "dobj" and cues.object_content(lemma) and (
            obj.pos_ != "PRON" or obj.lower_ in _CONTENT_PRONOUNS):
        end_tok = obj.right_edge
        if "object+complement" in relations:
            for child in verb.children:
                if child.i > obj.i and child.dep_ in ("oprd", "xcomp", "advcl"):
                    end_tok = child.right_edge
        return _trim(text, obj.left_edge.idx, end_tok.idx + len(end_tok))
    return None


#: pronouns that stand for what was said ("said as much", "what he said", "said the same")
_CONTENT_PRONOUNS = frozenset({"what", "much", "so", "this", "something", "nothing", "anything",
                               "everything", "whatever"})


def _unmarked_clause(verb):
    """A clause after a speech verb that the parser took for an adverbial one although no
    conjunction introduces it ("said after the convention he would not accept ...")."""
    for child in verb.children:
        if child.dep_ != "advcl" or child.i < verb.i:
            continue
        if any(c.dep_ == "mark" for c in child.children):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children) and child.pos_ in ("VERB", "AUX"):
            return child
    return None


_CLAUSE_EXTRA = ("advmod", "npadvmod", "prep", "agent", "dative", "neg", "aux", "prt")


def _nominal(ctx: _Ctx, noun) -> Optional[tuple[Span, object]]:
    """'Trump's claim that ...', 'a warning from the ministry that ...' -> (content, source)."""
    source = clause = None
    for child in noun.children:
        if child.dep_ == "poss" and source is None:
            source = child
        elif child.dep_ == "prep" and child.lower_ in ("by", "from") and source is None:
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ in ("acl", "ccomp", "relcl") and clause is None and child.i > noun.i:
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                clause = child
    if source is None or clause is None:
        return None
    return _subtree_span(clause, ctx.text), source


def _parenthetical(ctx: _Ctx, verb) -> Optional[Span]:
    """'X, he said, Y' / 'X, Graham said.' / 'He said: X': the rest of the sentence."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
    if subj is None or verb.dep_ not in ("ROOT", "parataxis", "ccomp", "advcl", "conj"):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "csubj", "dobj") for c in verb.children):
        return None  # "had said the same thing" is not a parenthetical
    if verb.dep_ != "ROOT" and verb.head.i > verb.i and verb.dep_ == "advcl":
        return None
    text = ctx.text
    sent = verb.sent
    if ctx.quote_in(sent.start_char, sent.end_char):
        return None  # '..., Adelson said, "They ..."': the direct quote is the content
    start = min(subj.left_edge.i, verb.i)
    end = verb.i
    for c in verb.children:
        if c.i > verb.i and c.dep_ in _CLAUSE_EXTRA:
            end = max(end, c.right_edge.i)
    if start > end:
        return None
    doc = verb.doc
    clause = (doc[start].idx, doc[end].idx + len(doc[end]))
    before = text[sent.start_char:clause[0]].rstrip()
    after = text[clause[1]:sent.end_char].lstrip()
    left = _trim(text, sent.start_char, clause[0])
    right = _trim(text, clause[1], sent.end_char)
    left_words = _words(text[left[0]:left[1]])
    right_words = _words(text[right[0]:right[1]])
    opened = before.endswith((",", "—", "–"))
    closed = after[:1] in (",", "—", "–")
    if opened and closed and left_words and right_words:
        return left if left[1] - left[0] >= right[1] - right[0] else right
    if opened and left_words >= 3 and not after.strip(" .!?\"”'’"):
        return left
    if not before.strip() and after[:1] == ":" and right_words >= 3:
        return right
    return None


_LABEL = re.compile(r"(?:''|[\"“])?([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:[ \t]+(?=\S)")
_DASH_SIGNATURE = re.compile(r"[ \t]*[―—–][ \t\u00a0]*([A-Z][^\n,;(\"“”]{1,60})")
#: a credit line standing alone right after an excerpt: "Name[, Name and Name], Outlet"
#: (no sentence punctuation at its end; the last comma parts the authors from the outlet)
_CREDIT_LINE = re.compile(
    r"[ \t]*\n\s*([A-Z][^\n,;:\"“”]{1,60}(?:,[ \t]*(?:and[ \t]+)?[A-Z][^\n,;:\"“”]{1,60})*)"
    r",[ \t]*([A-Z][^\n,;:\"“”.!?]{1,60}?)[ \t]*(?=\n|$)")
#: a credit line has at most this many words
_CREDIT_MAX_WORDS = 16


def _credit_line(ctx: "_Ctx", q: Span) -> Optional[tuple[Span, Span]]:
    """(authors, outlet) spans of a credit line on the line right after a quote that ends
    its paragraph ('"... the deal is dead."' then 'Jane Roe, The Daily Planet'), or None.
    Round-ups of opinion pieces credit each excerpt this way."""
    text = ctx.text
    m = _CREDIT_LINE.match(text, q[1])
    if m is None or _words(m.group(0)) > _CREDIT_MAX_WORDS:
        return None
    authors = _trim(text, m.start(1), m.end(1))
    if not _names_people(ctx, authors):
        return None
    return authors, _trim(text, m.start(2), m.end(2))


def _names_people(ctx: "_Ctx", span: Span) -> bool:
    """Whether a credit line's first part reads as authors' names: only capitalised words
    (a wire credit "Reporting by ..." has lower-case words) and not a place ("Kyiv,
    Ukraine" under a quote is a dateline-like caption, not an author and an outlet)."""
    words = ctx.text[span[0]:span[1]].replace(",", " ").split()
    connectors = ctx.cues.words("name_connector")
    if any(w[0].islower() and w not in connectors for w in words):
        return False
    first = ctx.sdoc.char_span(span[0], span[1], alignment_mode="expand") if ctx.sdoc is not None else None
    return not (first is not None and len(first) and first[0].ent_type_ in ("GPE", "LOC", "NORP", "FAC"))



def _label_quotes(ctx: _Ctx) -> list["_Found"]:
    """'PENCE: Well, look ...' and 'Sanders: Clinton needs to ...' at a paragraph start."""
    text = ctx.text
    out = []
    for ps, pe in ctx.paragraphs:
        start = _first_char(text, ps)
        m = _LABEL.match(text, start, pe)
        if not m:
            continue
        label = m.group(1)
        words = label.lower().replace("’", "'").split()
        not_speakers = ctx.cues.words("not_speaker_label")
        if label.lower() in not_speakers or any(w in not_speakers or w.startswith("editor")
                                                for w in words):
            continue
        content = _trim(text, m.end(), pe)
        if _words(text[content[0]:content[1]]) < 3:
            continue
        if not label.isupper():
            # a headline "Stealth Over Health: ..." is not a speaker: want a named entity
            span = ctx.sdoc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or not any(t.ent_type_ in _NAME_LABELS for t in span):
                continue
        colon = text.index(":", m.end(1))
        out.append(_Found(content, "direct", None, TextSpan((colon, colon + 1), ":"), None,
                          speaker_span=(m.start(1), m.end(1))))
    return out


# -- the stage -------------------------------------------------------------------------

class _Found:
    __slots__ = ("content", "kind", "verb", "cue", "subj", "speaker_from", "speaker_span")

    def __init__(self, content: Span, kind: str, verb, cue: Optional[TextSpan], subj,
                 speaker_from: Optional["_Found"] = None, speaker_span: Optional[Span] = None):
        self.speaker_span = speaker_span
        self.content = content
        self.kind = kind
        self.verb = verb
        self.cue = cue
        self.subj = subj
        self.speaker_from = speaker_from


def _according_to(ctx: _Ctx, tok) -> Optional[tuple[Span, TextSpan, object]]:
    """'according to X' -> (content, cue, source token)."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        to = nxt if nxt is not None and nxt.lower_ == "to" else None
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    text = ctx.text
    sent = tok.sent
    phrase = (tok.idx, source.right_edge.idx + len(source.right_edge))
    left = _trim(text, sent.start_char, phrase[0])
    right = _trim(text, phrase[1], sent.end_char)
    content = right if right[1] - right[0] > left[1] - left[0] else left
    if content[1] - content[0] < 3:
        return None
    cue = (tok.idx, to.idx + len(to))
    return content, TextSpan(cue, text[cue[0]:cue[1]]), source


def run(doc: Document, kb) -> Document:
    """Fill ``doc.quotes``: reported clauses and direct quotes, each with its cue and speaker.

    The steps, in order: the long quote marks (direct quotes); indirect attributions found
    from their cue words; nested ones dropped; quotes inside or right after a reported
    clause absorbed into it (mixed); a cue, credit line, signature or earlier speaker for
    each remaining direct quote; speaker labels ("PENCE: ..."); the speakers resolved."""
    text = doc.article.text
    if not text or doc.nlp is None or not len(doc.nlp):
        return doc
    ctx = _Ctx(doc, kb)
    marks = find_quote_marks(text)
    ctx.long_quotes = [q for q in marks if _words(text[q[0]:q[1]]) >= _MIN_DIRECT_WORDS or _cue_follows(ctx, q)]
    ctx.long_starts = [q[0] for q in ctx.long_quotes]
    found, cue_verbs = _indirect(ctx)
    found = _univocal(found)
    claimed = _absorb_quotes(ctx, found, marks)
    direct = _direct(ctx, found, cue_verbs, claimed)
    direct, found = _with_labels(ctx, direct, found)
    # drop indirect duplicates whose content is a direct quote's
    results = [f for f in found if not any(_inside(f.content, d.content) for d in direct)]
    results.extend(direct)
    results.sort(key=lambda f: (f.content[0], f.content[1]))
    doc.quotes = _resolved_quotes(ctx, results)
    return doc


def _in_long_quote(ctx: _Ctx, offset: int) -> Optional[Span]:
    """The long (direct) quote that holds ``offset``, if any."""
    i = bisect.bisect_right(ctx.long_starts, offset) - 1
    if i >= 0 and ctx.long_quotes[i][0] <= offset < ctx.long_quotes[i][1]:
        return ctx.long_quotes[i]
    return None


def _indirect(ctx: _Ctx) -> tuple[list[_Found], list]:
    """Attributions found from their cue words outside long quotes ("according to X",
    "X's claim that ...", "X said that ..."), and the cue verbs met, in text order."""
    sdoc, cues = ctx.sdoc, ctx.cues
    found: list[_Found] = []
    cue_verbs = []  # cue verbs outside long quotes, in order
    for i in _candidate_indices(sdoc, cues):
        tok = sdoc[i]
        if tok.lower_ == "according" and _in_long_quote(ctx, tok.idx) is None:
            got = _according_to(ctx, tok)
            if got is not None:
                content, cue, source = got
                found.append(_Found(content, "indirect", tok, cue, source))
            continue
        if tok.pos_ == "NOUN" and tok.lemma_ in cues.nouns:
            if _in_long_quote(ctx, tok.idx) is None:
                got = _nominal(ctx, tok)
                if got is not None and not _overlaps_any(got[0], ctx.long_quotes):
                    found.append(_Found(got[0], "indirect", tok, TextSpan(_tok_span(tok), tok.text), got[1]))
            continue
        if tok.pos_ not in ("VERB", "AUX") or not cues.is_cue_verb(tok.lemma_):
            continue
        if tok.pos_ == "AUX" and tok.lemma_.lower() not in ("say",):
            continue
        if _in_long_quote(ctx, tok.idx) is not None:
            continue
        cue_verbs.append(tok)
        content = _content_of(ctx, tok)
        if content is None and cues.verb_frame(tok.lemma_) in ("speech", "writing", "evidence"):
            content = _parenthetical(ctx, tok)
            if content is not None and _overlaps_any(content, ctx.long_quotes):
                continue  # a direct quote's cue: handled with the direct quotes
        if content is None or content[1] <= content[0]:
            continue
        if _in_long_quote(ctx, content[0]) is not None:
            continue  # a clause wholly inside a quote is that quote's (direct) content
        found.append(_Found(content, "indirect", tok, _cue_span(ctx, tok), _subject(tok)))
    return found, cue_verbs


def _univocal(found: list[_Found]) -> list[_Found]:
    """Attributions are univocal: a cue inside another attribution's content is part of it."""
    found = sorted(found, key=lambda f: (f.content[0], -f.content[1]))
    kept: list[_Found] = []
    for f in found:
        if any(_inside(f.content, k.content) and f.cue is not None and _inside(f.cue.span, k.content)
               for k in kept):
            continue
        kept.append(f)
    return kept


def _absorb_quotes(ctx: _Ctx, found: list[_Found], marks: list[Span]) -> set[Span]:
    """Quotes inside reported clauses make them mixed; a long quote right after the clause
    ('said she believes X: "..."') is absorbed into it. Returns the quotes absorbed."""
    text = ctx.text
    claimed: set[Span] = set()
    for f in found:
        for q in ctx.long_quotes:
            if q[0] < f.content[1]:
                continue
            gap = text[f.content[1]:q[0]]
            if len(gap) <= 3 and gap.strip() in (":", ",", "") and \
                    ctx.paragraph_index(q[0]) == ctx.paragraph_index(f.content[1]):
                f.content = (f.content[0], q[1])
                f.kind = "mixed"
                claimed.add(q)
            break
    for f in found:
        for q in marks:
            if q[0] >= f.content[1]:
                break
            if _overlap(q, f.content):
                f.kind = "mixed"
                claimed.add(q)
                f.content = (min(f.content[0], q[0]), max(f.content[1], q[1]))
    return claimed


def _direct(ctx: _Ctx, found: list[_Found], cue_verbs: list, claimed: set[Span]) -> list[_Found]:
    """Each long quote not absorbed, attributed by the first evidence that holds: a credit
    line below it, the nearest free cue verb, a dash signature, the quote before it in the
    same or the previous paragraph, or the speaker the sentence before names."""
    text = ctx.text
    busy = {f.verb.i for f in found if f.verb is not None}
    direct: list[_Found] = []
    cue_starts = [v.idx for v in cue_verbs]
    sentences = ctx.doc.sentences
    sent_starts = [s[0] for s in sentences]
    for q in ctx.long_quotes:
        if q in claimed:
            continue
        credit = _credit_line(ctx, q)
        if credit is not None:
            # an excerpt credited on the line below it ("Jane Roe, The Daily Planet"):
            # the author speaks, the outlet is the channel (the cue)
            names, outlet = credit
            direct.append(_Found(q, "direct", None, TextSpan(outlet, text[outlet[0]:outlet[1]]), None,
                                 speaker_span=names))
            continue
        verb = _nearest_cue(ctx, q, cue_verbs, cue_starts, sentences, sent_starts, busy)
        if verb is not None:
            direct.append(_cued_quote(ctx, q, verb))
            continue
        signed = _signed_quote(ctx, q)
        if signed is not None:
            direct.append(signed)
            continue
        prev = direct[-1] if direct else None
        if prev is not None and prev.cue is not None and \
                ctx.paragraph_index(q[0]) - ctx.paragraph_index(prev.content[1]) <= 1 and \
                not _cue_between(cue_verbs, cue_starts, prev.content[1], q[0], own=prev.verb):
            direct.append(_Found(q, "direct", prev.verb, prev.cue, prev.subj, speaker_from=prev))
            continue
        # a quote standing alone: its speaker is the one the sentence before names as
        # speaking ("Padrino addressed the troops. \"The empire attacked us.\"")
        before = _speaking_subject_before(ctx, q, sentences, sent_starts)
        if before is not None:
            verb, subj = before
            direct.append(_Found(q, "direct", verb, _cue_span(ctx, verb), subj))
    return direct


def _cued_quote(ctx: _Ctx, q: Span, verb) -> _Found:
    """A direct quote attributed by its cue verb (or "according to")."""
    if verb.lower_ == "according":
        got = _according_to(ctx, verb)
        subj = got[2] if got else None
        cue = got[1] if got else TextSpan(_tok_span(verb), verb.text)
    else:
        subj, cue = _outside_quote_subject(_subject(verb), verb, q), _cue_span(ctx, verb)
    return _Found(q, "direct", verb, cue, subj)


def _signed_quote(ctx: _Ctx, q: Span) -> Optional[_Found]:
    """A quote signed with a dash and a name on the same line ('"..." -- Jane Roe')."""
    text = ctx.text
    m = _DASH_SIGNATURE.match(text, q[1])
    if not m or "\n" in text[q[1]:m.end()]:
        return None
    name = _trim(text, m.start(1), m.end(1))
    dash = m.group(0).lstrip()[0]
    d = q[1] + m.group(0).index(dash)
    return _Found(q, "direct", None, TextSpan((d, d + 1), dash), None, speaker_span=name)


def _with_labels(ctx: _Ctx, direct: list[_Found], found: list[_Found]) -> tuple[list[_Found], list[_Found]]:
    """Speaker labels ("PENCE: ...") are stronger evidence than a quote running on from an
    earlier cue: a transcript inside quote marks is one long multi-paragraph quote."""
    labels = _label_quotes(ctx)
    if not labels:
        return direct, found
    direct = [d for d in direct if not (
        any(_overlap(d.content, f.content) for f in labels)
        and (d.speaker_from is not None or d.verb is None
             or ctx.paragraph_index(d.content[0]) != ctx.paragraph_index(d.content[1] - 1)))]
    for f in labels:
        if not any(_overlap(f.content, d.content) for d in direct):
            direct.append(f)
    found = [g for g in found if not any(
        _inside(g.content, f.content) and g.cue is not None and _inside(g.cue.span, f.content)
        for f in labels)]
    return direct, found


def _resolved_quotes(ctx: _Ctx, results: list[_Found]) -> list[Quote]:
    """The quotes with their speakers: a quote running on from an earlier one shares its
    speaker; otherwise the signed name, or the cue's subject (past a dateline)."""
    text = ctx.text
    quotes = []
    resolved: dict[int, tuple[Optional[Actor], Optional[TextSpan]]] = {}
    for n, f in enumerate(results, 1):
        if f.speaker_from is not None and id(f.speaker_from) in resolved:
            speaker, speaker_text = resolved[id(f.speaker_from)]
        elif f.speaker_span is not None:
            speaker, speaker_text = _speaker_of_span(ctx, f.speaker_span)
        else:
            subj = f.subj
            if f.verb is not None and f.verb.lower_ != "according":
                subj = _past_dateline(subj, f.verb, text)
            speaker, speaker_text = _speaker(ctx, subj, f.content)
        resolved[id(f)] = (speaker, speaker_text)
        s, e = f.content
        quotes.append(Quote(id=f"{ctx.doc.article.id}:q{n}", span=(s, e), text=text[s:e],
                            speaker=speaker, cue=f.cue, kind=f.kind, speaker_text=speaker_text))
    return quotes


def _candidate_indices(sdoc, cues) -> list[int]:
    """Indices of tokens whose lemma is a cue (or "according"), found on the attribute
    array: creating a Python Token per word costs more than the rest of the stage."""
    from spacy.attrs import LEMMA, LOWER
    import numpy
    strings = sdoc.vocab.strings
    key = (id(strings), id(cues))
    hashes = _CUE_HASHES.get(key)
    if hashes is None:
        words = set(cues.verbs) | set(cues.nouns) | {"according"}
        hashes = numpy.array(sorted(strings.add(w) for w in words), dtype="uint64")
        _CUE_HASHES.clear()
        _CUE_HASHES[key] = hashes
    arr = sdoc.to_array([LEMMA, LOWER])
    mask = numpy.isin(arr[:, 0], hashes) | numpy.isin(arr[:, 1], hashes)
    return numpy.flatnonzero(mask).tolist()


_CUE_HASHES: dict[tuple[int, int], object] = {}


def _cue_follows(ctx: _Ctx, q: Span) -> bool:
    """'"You winning?" she said': a short quote closed by punctuation and a cue verb."""
    text = ctx.text
    inner = text[q[0]:q[1]].rstrip("\"”»’ ")
    if not inner.endswith((",", "?", "!")):
        return False
    span = ctx.sdoc.char_span(q[1], min(len(text), q[1] + 40), alignment_mode="expand")
    if span is None:
        return False
    for tok in list(span)[:5]:
        if tok.pos_ == "VERB" and ctx.cues.is_reporting_verb(tok.lemma_):
            return True
        if tok.is_punct and tok.i > span.start + 1:
            break
    return False


def _overlaps_any(span: Span, spans: list[Span]) -> bool:
    i = bisect.bisect_left(spans, (span[1],))
    return any(_overlap(span, q) for q in spans[max(0, i - 3):i])


def _outside_quote_subject(subj, verb, q: Span):
    """The parser sometimes takes a word inside the quote as the cue's subject
    ('"... We will achieve justice," Chief Jordan said'): use the nearest name outside."""
    if subj is None or not (q[0] <= subj.idx < q[1]):
        return subj
    doc = verb.doc
    if verb.idx >= q[1]:
        # between the quote and the verb, else right after the verb ("said Hester")
        for t in reversed(doc[max(0, verb.i - 8):verb.i]):
            if t.idx < q[1]:
                break
            if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ not in ("compound", "poss", "pobj"):
                return t
    for t in doc[verb.i + 1:min(len(doc), verb.i + 6)]:
        if t.pos_ in ("PROPN", "NOUN") and t.dep_ not in ("compound", "poss"):
            return t
        if t.is_punct:
            break
    return None


def _cue_between(cue_verbs, cue_starts, start: int, end: int, own=None) -> bool:
    """A cue verb between two offsets, other than ``own`` (the cue of the quote before:
    '"...," Padrino told reporters. "..."' runs on with the same speaker)."""
    i = bisect.bisect_left(cue_starts, start)
    while i < len(cue_verbs) and cue_starts[i] < end:
        if own is None or cue_verbs[i].i != own.i:
            return True
        i += 1
    return False


def _speaking_subject_before(ctx: _Ctx, q: Span, sentences, sent_starts):
    """(verb, subject) of the sentence just before a quote that stands alone, when that
    sentence has someone speak, write or address an audience, in the same paragraph or
    closing the paragraph before; None otherwise."""
    if not sentences:
        return None
    first = max(0, bisect.bisect_right(sent_starts, q[0]) - 1)
    if sentences[first][0] < q[0] and ctx.text[sentences[first][0]:q[0]].strip():
        return None  # the quote is part of a sentence of its own: not standing alone
    if first == 0:
        return None
    ps = sentences[first - 1]
    if ctx.paragraph_index(q[0]) - ctx.paragraph_index(ps[0]) > 1:
        return None
    span = ctx.sdoc.char_span(ps[0], ps[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if _QUOTE_MARK.search(ctx.text, ps[0], ps[1]):
        return None  # the sentence before has its own quote
    lemma = root.lemma_.lower()
    if not (ctx.cues.is_reporting_verb(lemma) or lemma in ctx.cues.words("speech_event")):
        return None
    subj = _subject(root)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return root, subj


def _nearest_cue(ctx: _Ctx, q: Span, cue_verbs, cue_starts, sentences, sent_starts, busy):
    """The cue verb that introduces a direct quote, or None when it is ambiguous."""
    text = ctx.text
    if not sentences:
        return None
    first = max(0, bisect.bisect_right(sent_starts, q[0]) - 1)
    last = max(0, bisect.bisect_right(sent_starts, q[1] - 1) - 1)
    window = (sentences[first][0], sentences[last][1])
    # stay inside the paragraph(s) of the quote
    pa = ctx.paragraphs[ctx.paragraph_index(q[0])]
    pb = ctx.paragraphs[ctx.paragraph_index(max(q[0], q[1] - 1))]
    window = (max(window[0], pa[0]), min(window[1], pb[1]))
    lo = bisect.bisect_left(cue_starts, window[0])
    hi = bisect.bisect_left(cue_starts, window[1])
    best, best_dist = None, None
    for verb in cue_verbs[lo:hi]:
        if _overlap(_tok_span(verb), q):
            continue
        if verb.idx >= q[1]:
            between = text[q[1]:verb.idx]
            dist = verb.idx - q[1]
        else:
            between = text[verb.idx + len(verb):q[0]]
            dist = q[0] - verb.idx
        if _QUOTE_MARK.search(between) and _words(between) > 6:
            continue  # another quote sits between
        # a verb that already reports its own clause, or states a belief, is a poor cue
        if verb.i in busy:
            dist += 10_000
        if not ctx.cues.is_reporting_verb(verb.lemma_):
            dist += 5_000
        if best is None or dist < best_dist:
            best, best_dist = verb, dist
    if best is not None:
        return best
    # "according to X" right after the quote
    after = text[q[1]:window[1]]
    m = re.match(r"[\s,]*according to\b", after, re.IGNORECASE)
    if m:
        for tok in ctx.sdoc.char_span(q[1], window[1], alignment_mode="expand") or []:
            if tok.lower_ == "according":
                return tok
    # '"...," she said. "...": the sentence before ends with the cue of the same speaker
    if first > 0:
        ps = sentences[first - 1]
        if ctx.paragraph_index(ps[0]) == ctx.paragraph_index(q[0]) and text[ps[1] - 1] == "." \
                and text[max(ps[0], ps[1] - 40):ps[1]].count("”") + text[max(ps[0], ps[1] - 40):ps[1]].count('"'):
            lo = bisect.bisect_left(cue_starts, ps[0])
            hi = bisect.bisect_left(cue_starts, ps[1])
            verbs = cue_verbs[lo:hi]
            if verbs and ps[1] - (verbs[-1].idx + len(verbs[-1])) <= 25 and \
                    not _QUOTE_MARK.search(text, verbs[-1].idx, ps[1]):
                return verbs[-1]
    # 'The New York Times reports:' closing the sentence or paragraph before the quote
    before = text[max(0, q[0] - 6):q[0]].rstrip()
    if before.endswith(":") and first > 0:
        ps = sentences[first - 1] if sentences[first][0] >= q[0] - 6 else sentences[first]
        lo = bisect.bisect_left(cue_starts, ps[0])
        hi = bisect.bisect_left(cue_starts, min(ps[1], q[0]))
        verbs = [v for v in cue_verbs[lo:hi] if v.i not in busy]
        if verbs:
            return verbs[-1]
    # the next sentence is only "<speaker> <cue>." (e.g. '"...." The minister said.')
    if last + 1 < len(sentences):
        ns = sentences[last + 1]
        if ctx.paragraph_index(ns[0]) == ctx.paragraph_index(q[1] - 1) and _words(text[ns[0]:ns[1]]) <= 8:
            lo = bisect.bisect_left(cue_starts, ns[0])
            hi = bisect.bisect_left(cue_starts, ns[1])
            verbs = cue_verbs[lo:hi]
            if len(verbs) == 1 and _subject(verbs[0]) is not None and \
                    not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verbs[0].children):
                return verbs[0]
    return None
