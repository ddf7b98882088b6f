"""Events stage: PLOVER events with source/target actors, place, date, figures, quote.

The stage reads as its algorithm:

1. find trigger candidates sentence by sentence, outside page furniture
   (``event_triggers``, ``event_context.furniture_paragraphs``);
2. give each candidate its roles (``event_roles``), its PLOVER coding (future, negated
   and promised acts, labour strikes, instrument modes), its place, its date -- the
   sentence's own date kept at the granularity given, else an inferred one -- and its
   background flag (``event_context``); drop the ones no political actor takes part in
   and the metaphors of political debate;
3. group the mentions of one happening into one event with all its mention spans and
   the best-specified roles, and give reactions to an event ("condemned the strikes")
   its doer as target (``event_merge``).

Reporting verbs (say, tell) are never events. A compound actor acting jointly gives one
event with the first-named party as source (docs/annotation.md); for joint acts
(CONSULT, COOPERATE, AGREE) with a compound subject and no other recipient the second
party is the target ("Trump and Maduro spoke by phone").
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
from typing import Iterable, Optional

from sitrep.knowledge.actors import load_role_words, load_theatres
from sitrep.model import Actor, Document, Event, Place, TextSpan, Time
from sitrep.stages.actor_owners import owned_phrase
from sitrep.stages.event_context import (DateFinder, EventDate, PeriodReader, auxiliary_leader,
                                        clause_verb, furniture_paragraphs, furniture_spans, in_spans)
from sitrep.stages.event_merge import (Draft, content_words, group, object_words, reaction_targets,
                                      sequence_of, to_events)
from sitrep.stages.event_reactions import antecedent_targets, continued_targets
from sitrep.stages.event_roles import (NOUN_POS, RoleFinder, actor_index, actor_of_phrase, agent_of, answers_for,
                                       busy_elsewhere,
                                       no_own_state_targets, in_asked_content,
                                       child, is_passive, lemma, locative_index, ner_actors, NEWS_SECTOR,
                                       home_protesters, no_self_targets, own_state_targets, place_receives_act,
                                       provoked_reactors, unaimed_displays,
                                       rival_sides, unfit_doer, verb_subject)
from sitrep.stages.event_statements import statement_events
from sitrep.stages.writer_voice import is_to_infinitive
from sitrep.stages.event_triggers import (COMPLEMENT_DEPS, Candidate, candidate_positions,
                                          captures_a_place, conditional_demands, intercepted_firing,
                                          deontic_requests, evaluative_statements,
                                          filter_candidates, find_candidates, held_out_force,
                                          offered_cooperation, red_lines,
                                          future_type, imputed_aims, keeps_option_open, labour_strike,
                                          aimed_act, negated_act, open_options, purpose_clause, refine_mode,
                                          resolve_embedding)

__all__ = ["run", "extract", "coded_events", "events_in", "is_content_event", "is_secondary_mention",
           "COMPLEMENT_DEPS", "Candidate", "actor_index", "actor_of_phrase", "ner_actors",
           "verb_subject"]

#: the name the certainty stage imports
_child = child


# ------------------------------------------------------------------ the stage

def run(doc: Document, kb) -> Document:
    doc.events = []
    sdoc = doc.nlp
    if sdoc is None or not doc.sentences or not len(sdoc):
        return doc
    lex = kb.event_lexicon
    role_nouns = _role_nouns(kb)
    found, index = extract(doc, lex, role_nouns, _agents(kb))
    if not found:
        return doc
    builder = DraftBuilder(doc, lex, index, role_nouns, found, _motion_verbs(kb))
    drafts = [d for c, sent in found
              for d in _with_mirror(builder.draft(c, sent), c, lex.words, lex.types_of("symmetric"))]
    # grouping reads mentions in text order (a demand read from "must" is found after
    # the sentence's other triggers)
    drafts.sort(key=lambda d: d.event.trigger.span)
    happenings = group(drafts, lex)
    reaction_targets(happenings, lex)
    antecedent_targets(happenings, sdoc, lex)
    fill_from_sentence(happenings, builder.roles.fill_candidates(doc.actors, doc.article.text), sdoc,
                       lex.types_of("reaction"), lex.types_of("judging"),
                       lex.types_of("conflict") - lex.types_of("self-moving"))
    continued_targets(happenings, sdoc, lex)
    fill_home_target(happenings, doc.actors, builder.home, lex.types_of("local"), sdoc)
    own_state_targets(happenings, doc.actors, lex.types_of("local"), lex.types_of("addressed"))
    home_protesters(happenings)
    # last checks on the roles every rule above may have set
    removed = unaimed_displays(happenings, sdoc) + no_self_targets(happenings) + no_own_state_targets(happenings, sdoc)
    if removed:
        # provenance: every target a last check removed is listed with its span
        doc.article.meta["role_checks"] = removed
    doc.events = to_events(happenings, doc.article.id)
    return doc


def extract(doc: Document, lex, role_nouns: Optional[dict] = None,
            agents=None) -> tuple[list[tuple[Candidate, object]], Optional[list]]:
    """All kept candidates with their sentence, outside page furniture. ``agents``: the
    actor KB's phrase index of nouns naming parties (Phoenix agents), or None."""
    sdoc = doc.nlp
    positions, hyphens = candidate_positions(sdoc, lex)
    if not positions and not hyphens:
        return [], None
    index = actor_index(doc, lex.words)
    furniture = _furniture(doc, lex)
    readings: list = []  # (candidate, reason) of the words read as no act (event_readings)
    sents = list(sdoc.sents)
    starts = [s.start for s in sents]
    by_sent: dict[int, list[int]] = {}
    hy_by_sent: dict[int, list[int]] = {}
    for i in positions:
        by_sent.setdefault(bisect.bisect_right(starts, i) - 1, []).append(i)
    for i in hyphens:
        hy_by_sent.setdefault(bisect.bisect_right(starts, i) - 1, []).append(i)
    out = []
    for k in sorted(set(by_sent) | set(hy_by_sent)):
        sent = sents[k]
        if furniture and in_spans(sent.start_char, furniture):
            continue
        cands = find_candidates(sent, lex, by_sent.get(k, []), hy_by_sent.get(k, []))
        cands.extend(deontic_requests(sent, by_sent.get(k, []), cands, lex, index, doc.quotes, role_nouns))
        cands.extend(open_options(sent, cands, lex, by_sent.get(k, [])))
        cands.extend(held_out_force(sent, cands, lex, index, role_nouns, agents))
        cands.extend(offered_cooperation(sent, cands, lex, index))
        cands.extend(red_lines(sent, cands, lex, index, role_nouns))
        cands.extend(evaluative_statements(sent, by_sent.get(k, []), cands, lex, index, doc.quotes))
        cands.extend(statement_events(sent, by_sent.get(k, []), cands, lex, index))
        cands.extend(conditional_demands(sent, cands, lex, index))
        if not cands:
            continue
        cands = filter_candidates(cands, sent, index, lex, role_nouns or {}, readings, agents)
        cands = imputed_aims(resolve_embedding(cands, lex), lex, index)
        out.extend((c, sent) for c in cands)
    if readings:
        doc.article.meta["non_eventive"] = [
            {"trigger": c.head.text, "span": [c.head.idx, c.head.idx + len(c.head.text)], "type": c.type,
             "reason": reason} for c, reason in readings]
    return out, index


def _furniture(doc: Document, lex) -> list[tuple[int, int]]:
    """The page furniture's paragraph spans; how many paragraphs of each kind were skipped
    is noted in ``article.meta["furniture"]`` (nothing in them is coded, so the count says
    what was left out)."""
    found = furniture_paragraphs(doc, lex)
    if found:
        counts: dict[str, int] = {}
        for _, _, kind in found:
            counts[kind] = counts.get(kind, 0) + 1
        doc.article.meta["furniture"] = counts
    return [(start, end) for start, end, _ in found]


@functools.lru_cache(maxsize=1)
def _actor_lexicon():
    """The actor KB's lexicon (titles before names), read once."""
    from sitrep.knowledge.actors import load_lexicon
    return load_lexicon()


def _motion_verbs(kb) -> frozenset[str]:
    """Verbs of going somewhere to act ("flew to Kabul to meet"): the certainty cues' list."""
    cues = getattr(kb, "cues", None)
    return cues.words("motion_verb") if cues is not None else frozenset()


def _agents(kb):
    """The actor KB's index of nouns naming parties ("kidnapper", "junta": the Phoenix
    agents with sitrep's own nouns), or None without an actor KB."""
    try:
        return getattr(kb.actors, "agents", None)
    except Exception:  # noqa: BLE001 - the actor KB is optional for this stage
        return None


def _role_nouns(kb) -> dict[str, str]:
    """The actor KB's role nouns that name a party ("troops" -> MIL), for unresolved
    role phrases; event nouns ("strikes") name acts, not parties."""
    try:
        nouns = dict(getattr(kb.actors, "nouns", None) or {})
    except Exception:  # noqa: BLE001 - the actor KB is optional for this stage
        return {}
    lex = kb.event_lexicon
    return {k: v for k, v in nouns.items() if v not in ("NONE", "PLACE") and k not in lex.nouns}


def fill_from_sentence(happenings, actors: list[Actor], sdoc=None, reactions=frozenset(),
                       judging=frozenset(), harms=frozenset()) -> None:
    """A happening with one party and not the other takes, as the other, the nearest
    actor of another country named in one of its mention sentences ("Kerry focused on
    praise for Iran's ..."): syntax missed the link, the sentence still names the
    counterpart. One with neither takes as source the nearest actor named before its
    trigger in the sentence. Places ("in Venezuela") and the party reacting to it are
    never taken (the speaker of a report may be: annotators take its side)."""
    objects = {i for h in happenings for d in h.drafts for i in d.objects}
    parties = sorted((a for a in actors if not a.locative and (a.country or a.actor_id)
                      and not _relational_adjective(a)), key=lambda a: a.span[0])
    if not parties:
        return
    starts = [a.span[0] for a in parties]
    # "Maduro condemned the attacks": the reacting party did not carry out what it reacts to
    reacting: dict[int, list[Actor]] = {}
    for other in happenings:
        for d in other.drafts:
            for i in d.objects:
                reacting.setdefault(i, []).extend(a for a in (other.source, d.event.source) if a)
    # "the attack drew condemnation from X" (event_roles.provoked_reactors)
    for i, parties in provoked_reactors(happenings, reactions, sdoc).items():
        reacting.setdefault(i, []).extend(parties)
    undergone = undergone_acts(happenings, judging, harms)
    for h in happenings:
        if (h.source is not None and h.target is not None) or h.roleless_topic(objects):
            continue  # a topic ("while sanctions appear ...") is no happening to complete
        for d in h.drafts:
            known = h.source or h.target
            before_only = known is None
            excluded = [a.span for e in h.drafts for a in reacting.get(e.head, [])]
            if h.source is not None:  # (who underwent the act may still be the reacting side)
                excluded += undergone.get(id(h), [])
            if known is not None and sdoc is not None:
                # a party the sentence gives another part (event_roles.busy_elsewhere):
                # "though X was condemned, Y praised it" -- Y is no condemner either
                # (a party inside the known target's own phrase may still be the doer)
                known_phrase = known.span if h.source is not None else None
                excluded += [a.span for a in _sentence_parties(parties, starts, d.event.sentence.span)
                             if busy_elsewhere(sdoc, a.span, d.head, known_phrase)]
            if h.source is None and sdoc is not None:
                # who is where the act lands, or judges it, is not its doer (event_roles.unfit_doer)
                excluded += [a.span for a in _sentence_parties(parties, starts, d.event.sentence.span)
                             if unfit_doer(sdoc, a.span, d.head)]
            elif sdoc is not None:
                # who charges someone over the act is not where it lands either ("the judge
                # jailed two men for the bombing": event_roles.answers_for)
                excluded += [a.span for a in _sentence_parties(parties, starts, d.event.sentence.span)
                             if answers_for(sdoc, a.span, d.head)]
            found = _nearest_party(parties, starts, d.event.sentence.span, d.event.trigger.span[0],
                                   known, before_only, excluded, known_acts=h.source is not None)
            if found is None:
                continue
            if h.source is None:
                h.source = found
            else:
                h.target = found
            break


def undergone_acts(happenings, judging, harms) -> dict[int, list[tuple[int, int]]]:
    """id(judgement) -> the spans of whoever underwent the acts of force or pressure
    (``harms``: event_roles.RoleFinder._reaction_to_harm) it judges: "Turkey
    condemned the killing of three Kurdish civilians" -- the victims are not whom the
    condemnation addresses (docs/annotation.md 5: a reaction targets the act's doer, and
    stays empty when the article never names one); only as its target (the side that
    underwent an act may be the one that protests it)."""
    by_head = {}
    for h in happenings:
        for d in h.drafts:
            by_head.setdefault(d.head, h)
    out: dict[int, list[tuple[int, int]]] = {}
    for h in happenings:
        if h.type not in judging:
            continue
        for d in h.drafts:
            for i in d.objects:
                act = by_head.get(i)
                if act is not None and act is not h and act.type in harms:
                    out.setdefault(id(h), []).extend(
                        a.span for a in [act.target] + [e.event.target for e in act.drafts] if a is not None)
    return out


def fill_home_target(happenings, actors: list[Actor], home: Optional[str], types, sdoc=None) -> None:
    """Violence, coercion or a protest by an unnamed doer or a local group named by its
    role, whose victim or addressee no sentence names, falls on the article's home
    country ("the separatists began shelling", "gunfire from riot police"), as an act
    placed in a country falls on that country (PLOVER). A named doer's act may fall
    anywhere: no guess. The span is the country's mention nearest before the act."""
    if home is None:
        return
    # (a body named by its relational adjective is no country an act falls on:
    # "asked for congressional approval for the strikes" strikes no one at home)
    mentions = [a for a in actors if a.country == home and not _relational_adjective(a)]
    if not mentions:
        return
    name = (_alpha3_name(home) or mentions[0].name)
    objects = {i for h in happenings for d in h.drafts for i in d.objects}
    for h in happenings:
        if h.target is not None or h.type not in types or h.roleless_topic(objects) \
                or (h.source is not None and not (h.source.resolved_by or "").endswith("+home")):
            continue  # a named doer's act may fall anywhere: no guess
        at = h.first.event.trigger.span[0]
        # (not a party that holds someone to account for the act: event_roles.answers_for)
        own = [a for a in mentions if sdoc is None or not answers_for(sdoc, a.span, h.first.head)]
        if not own:
            continue
        mention = next((a for a in reversed(own) if a.span[0] < at), own[0])
        h.target = Actor(span=mention.span, text=mention.text, name=name, country=home, kind="state",
                         resolved_by="home", locative=True)


def _sentence_parties(parties, starts, sentence_span) -> list[Actor]:
    lo = bisect.bisect_left(starts, sentence_span[0])
    hi = bisect.bisect_left(starts, sentence_span[1])
    return parties[lo:hi]


def _relational_adjective(actor: Actor) -> bool:
    """A body named by its relational adjective ("congressional", a lower-case KB
    demonym): a party only of the phrase it modifies ("defied congressional oversight"),
    never a sentence's loose counterpart ("without congressional oversight ... international
    agreements" is no agreement of Congress) nor the home country's mention an unnamed
    doer's act falls on (``fill_home_target``)."""
    return actor.resolved_by == "kb" and actor.text.islower() and " " not in actor.text  # (not "he": coref)


def _nearest_party(parties, starts, sentence_span, at: int, known: Optional[Actor],
                   before_only: bool, excluded: list[Actor], known_acts: bool = False) -> Optional[Actor]:
    """The actor in the sentence nearest to ``at`` that is not ``known`` and not of its
    country, unless the two are rival sides of it (event_roles.rival_sides)."""
    lo = bisect.bisect_left(starts, sentence_span[0])
    hi = bisect.bisect_left(starts, sentence_span[1])
    best, best_distance = None, None
    for actor in parties[lo:hi]:
        if actor.span[1] > sentence_span[1] or (before_only and actor.span[0] > at) \
                or any(_overlap(actor.span, x) for x in excluded):
            continue
        if known is not None and (actor.span == known.span or _overlap(actor.span, known.span)
                                  or (known.country and actor.country == known.country
                                      and not rival_sides(actor, known, civil=known_acts))
                                  or (known.actor_id and actor.actor_id == known.actor_id)):
            continue
        distance = abs(actor.span[0] - at)
        if best_distance is None or distance < best_distance:
            best, best_distance = actor, distance
    return best


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ------------------------------------------------------------------ one mention

class DraftBuilder:
    """Turns each kept candidate into a draft event (one mention of a happening)."""

    def __init__(self, doc: Document, lex, index, role_nouns, found, motion_verbs=frozenset()):
        self.doc = doc
        self.motion_verbs = motion_verbs
        self.lex = lex
        self.words = lex.words
        self.text = doc.article.text
        self.roles = RoleFinder(index, locative_index(doc), lex, role_nouns, doc.quotes)
        self.dates = DateFinder(doc, lex.words.saying_verbs, lex.background_cues.get("earlier", frozenset()),
                                furniture_spans(doc, lex))
        self.periods = PeriodReader(self.dates, lex.background_cues)
        self.periods.act_types = {c.head.i: c.type for c, _ in found}
        self._places: dict = {}
        self._sentence_starts = [s for s, _ in doc.sentences]
        self._anchors_by_sentence: dict[int, set[int]] = {}
        for c, sent in found:
            self._anchors_by_sentence.setdefault(sent.start, set()).update(_anchors(c))
        self._trigger_heads = {c.head.i for c, _ in found}
        #: clause verb -> the candidate it carries (a verb's own event before a noun's):
        #: a conjunct sharing that verb's auxiliary shares its time (:meth:`_when`)
        self._by_clause_verb: dict[int, tuple] = {}
        for c, sent in sorted(found, key=lambda f: not f[0].is_verb):
            verb = clause_verb(c)
            if verb is not None:
                self._by_clause_verb.setdefault(verb.i, (c, sent))
        self._times: dict[int, tuple] = {}
        self._violent_heads = {c.head.i for c, _ in found if c.type in lex.types_of("conflict")}
        # "a minefield explosion killed two": the explosion, named by its harm, is no topic
        self._harming = {h for h in (self._harming_event(c) for c, _ in found) if h is not None}
        #: the countries the article names, most named first (``home_countries``)
        self.homes = home_countries(doc)
        self.home = self.homes[0] if self.homes else None
        #: acts by which one state's body acts against another state: violence and threats.
        #: Not COERCE, which a state's own forces may do to their state ("soldiers seized
        #: power in Niger": a coup), nor MOBILIZE, whose state is often where the act happens
        #: ("deployed troops to Iraq"). For violence the state where it lands is the state
        #: acted on ("ordered airstrikes in Syria": not Syria's president)
        self._hostile_types = frozenset({"ASSAULT", "THREATEN"})
        #: sanctions act on a state only when it is named as a party, not as where the act
        #: happens: "imposed sanctions on Venezuela" (not Venezuela's president), but
        #: "expelled two reporters from Managua" is the government of Nicaragua's own act
        self._sanctioning_types = frozenset({"SANCTION"})

    def draft(self, c: Candidate, sent) -> Optional[Draft]:
        if c.type == "REJECT" and self._declines_comment(c):
            # "refused to comment", "declined to say whether": no act (PLOVER)
            return self._dropped(c, "refusal to speak")
        if self._permission_to_speak(c):
            return None  # "was not authorized to discuss the matter publicly": a source's anonymity
        if purpose_clause(c, self.words, self.motion_verbs):
            return None  # "recruited agents to assassinate X": an aim, not an act
        if aimed_act(c, self.words):
            return self._dropped(c, "aim")  # "talks aimed at normalizing relations": no act
        if self._outcome_of_another(c) or self._done_by_another(c):
            return None  # "69 people were injured in the clashes", "a strike that killed two"
        sources, targets = self.roles.roles(c)
        if "political" in c.flags and not self._political(c, sources, targets):
            return None  # "her school allows", "the storm destroyed"
        if "party" in c.flags and not self._turns_from_a_party(c, targets):
            return None  # "shunned work": a strike, no party is turned away from
        if "public" in c.flags and (self._private_doer(sources) or self._kin_doer(c)):
            return None  # "the company thanked its customers", "the university lamented the cuts"
        if "sectored" in c.flags and not self._sectored_doer(sources):
            return None  # "Apple sought approval from regulators": a firm's business
        if "festive" in c.flags and self._in_festivity(c):
            return None  # "the mayor marched in the St. Patrick's Day parade": no protest
        if "armed" in c.flags and not self._shows_force(sent, sources):
            return None  # "veterans' groups paraded through the town": no forces shown, no MOBILIZE
        if "role" in c.flags and not (sources or targets):
            return None  # "a terrorist threat", "the threat of fire": no one threatens
        if not targets and c.type in self.lex.types_of("addressed"):
            targets = self._addressee(c)  # "Rouhani told Trudeau he was committed to ..."
        if "recipient" in c.flags and all(t.locative for t in targets) \
                and not _object_is_event(c, self._trigger_heads):
            return None  # "Russia supports a negotiated solution", "support in Chile": of no one
        firing = intercepted_firing(c, self.words)
        if firing is not None and sources and self.roles.agent_actors(agent_of(firing)):
            # "the army intercepted rockets fired by the militia": the militia's attack on
            # the defender's side
            c.type, c.mode = "ASSAULT", None
            sources, targets = self.roles.agent_actors(agent_of(firing)), sources
        if c.type == "COERCE" and c.is_verb and lemma(c.head) in self.words.entrusting_verbs \
                and c.head.dep_ == "acl" and agent_of(c.head) is None:
            # "three men charged with bombing the mosque appeared in court": the men were
            # charged; who charged them is not named
            sources, targets = [], self.roles.phrase_actors(c.head.head)
        if c.type == "COERCE" and captures_a_place(c, self.words):
            c.type, c.mode = "ASSAULT", None  # "rebels captured the town"
        if c.type == "ASSAULT" and labour_strike(c, self.words, verb_subject(c.head) if c.is_verb else None):
            c.type, c.mode = "PROTEST", "strike"
        etype, mode = future_type(c, self.lex)
        if etype == c.type and negated_act(c, self.words, self.lex.types_of("conflict")):
            if not (etype == "REJECT" and keeps_option_open(c, self.words)):
                return None  # "did not attack", "no talks were held", "failed to agree"
            c.type, c.mode = etype, mode = "THREATEN", None  # "would not rule out force"
        base_type = c.type  # "will withdraw" (CONCEDE) and "the withdrawal" are one act
        if etype == c.type:
            mode = refine_mode(c, self.lex)
        if etype == "ASSAULT" and not mode and self._debate(c, sources, targets):
            if not targets:
                return None  # "won the battle against ...", "a battle with Congress"
            etype, mode = "ACCUSE", "disapprove"  # "Democrats will be hitting him"
            base_type = etype
        if etype == "ASSAULT" and _civil(sources, self.words):
            etype, mode, base_type = "PROTEST", "riot", "PROTEST"  # "protesters clashed with police"
        if not targets and len(sources) > 1 and _reciprocal(c, self.words):
            sources, targets = sources[:1], sources[1:]  # "Kenya and Uganda traded warnings"
        source, target = _pick_pair(etype, sources, targets, self.lex)
        if etype in self.lex.types_of("own-forces") and source is not None and target is not None \
                and source.country and source.country == target.country:
            target = None  # "pulled US troops out": the forces moved are the source's own
        # "its diplomats", "their troops": the pronoun's antecedent says whose they are
        source, target = owned_phrase(source, self.doc), owned_phrase(target, self.doc)
        trigger = self._trigger_span(c)
        sentence = self._sentence_span(sent)
        own, period, date = self._when(c, sent)
        background = period == "past"
        landing = _landing_place(target, etype in self.lex.types_of("physical") or mode == "visit")
        place = self._place(sentence.span, trigger.span, [a for a in (source, target) if a and a is not landing],
                            landing)
        if place is not None:
            # a group named by its role acts for the country it operates in
            # (docs/annotation.md 5: "Syrian rebels" SYR, protesters where they protest);
            # a state's seated body ("lawmakers", "the administration") does not by an
            # addressed act (a demand, a charge, a pledge, support): what it says is said
            # from its seat, whatever place the sentence names ("senators backed arms sales
            # to Iraq"), unless the place is the body's own ("the government in Kiev",
            # "leaders in South Korea", "In Washington, lawmakers ..."); a meeting or a
            # physical act puts it where it happens ("officials met in Oslo")
            reported = self.home is not None and reporting_place(
                self.doc.nlp, place.span, c.head, self.words.saying_verbs)
            spoken = self.home is not None and etype in self.lex.types_of("addressed")
            seated = self.words.seated_sectors if reported else frozenset()
            seated_doer = self.words.seated_sectors if reported or (
                spoken and not _placed_by_own_phrase(source, place, self.doc.nlp)) else frozenset()
            source, target = _located(source, place, seated_doer), _located(target, place, seated)
            if not _named_as_party(place, self.doc.actors):
                # a statement's place is where its speaker is: it places the doer, not the
                # party spoken of ("In Paris, Kerry vowed to destroy the Islamic State")
                local = etype in self.lex.types_of("local")
                source = _placed_group(source, place, local)
                target = _placed_group(target, place, local, acted_on=True)
            if target is None and (etype in self.lex.types_of("physical") or mode == "visit") \
                    and place_receives_act(self.doc.nlp, place.span, trigger.span, self.lex.nouns):
                target = place_actor(place)  # PLOVER: the state where it happens receives it
            if source is None and etype == "PROTEST":
                source = place_actor(place)  # protesters of the country they protest in
        if etype in self.lex.types_of("local"):
            source, target = self._in_theatre(source, place), self._in_theatre(target, place)
        if not self._home_only_in_content(c, sentence.span):
            target = self._homed(target)
            if not self._home_only_as(c, target):
                source = self._homed(source, facing=target, acting_on_a_state=etype in self._hostile_types or (
                    etype in self._sanctioning_types and target is not None and not target.locative))
        event = Event(id="", type=etype, trigger=trigger, sentence=sentence, mode=mode,
                      source=source, target=target, date=date, place=place,
                      figures=[q for q in self.doc.quantities if _inside(q.span, sentence.span)],
                      quote=next((q.id for q in self.doc.quotes
                                  if q.span[0] <= trigger.span[0] and trigger.span[1] <= q.span[1]), None),
                      background=background)
        return Draft(event=event, head=c.head.i, objects=_object_heads(c), date_attached=own.attached,
                     own_date=None if own.reported else own.time, irrealis=_irrealis(c, self.words),
                     distinct=self._distinct(c), governed_by=_threat_of(c), base_type=base_type,
                     modifiers=_modifiers(c),
                     nominal=not c.is_verb, definite=self._definite(c),
                     casualty=self._casualty(c, source), period=period,
                     specific=self._names_recipient(c) or c.head.i in self._harming, stated=self._stated(c),
                     lemma=lemma(c.head), object_words=object_words(c.head.doc, _object_heads(c)),
                     content_words=content_words(c.head) | (
                         content_words(c.light) - {lemma(c.head)} if c.light is not None else frozenset()),
                     sentence=bisect.bisect_right(self._sentence_starts, sentence.span[0]),
                     sequence_host=sequence_of(c.head)[0], sequence_measured=sequence_of(c.head)[1],
                     anchors=_own_verbs(c),
                     object_countries=self._acted_on_countries(c))

    def _when(self, c: Candidate, sent) -> tuple[EventDate, Optional[str], Optional[Time]]:
        """The mention's own date, its period ("past" for background) and its date. A
        conjunct that borrows its first conjunct's auxiliary and names no date of its own
        takes that conjunct's reading whole ("have warned the crowd and arrested dozens":
        one present perfect, one time; issue 7 found "warned" news and "arrested" a
        background recap with no date)."""
        key = id(c)
        if key in self._times:
            return self._times[key]
        self._times[key] = (EventDate(None), None, None)  # a guard against cycles
        sentence = self._sentence_span(sent)
        anchors = _anchors(c)
        own = self.dates.own_date(sentence.span, anchors, self._anchors_by_sentence[sent.start] - anchors,
                                  self._trigger_span(c).span[0], c.head.i)
        leader = auxiliary_leader(c)
        led = self._by_clause_verb.get(leader.i) if leader is not None and not own.attached else None
        if led is not None and led[0] is not c:
            self._times[key] = self._when(*led)
            return self._times[key]
        paragraph = self._paragraph_of(sentence.span[0])
        period = self.periods.period(c, own, sentence.span, paragraph)
        measured = None if own.attached else self.periods.measured_date(c, sentence.span, paragraph)
        if measured is not None:
            # "two days after the election, police arrested him on Monday": the election's
            # date is the arrest's less the span, not the Monday the sentence names
            own = EventDate(measured, attached=not measured.inferred)
            self._times[key] = (own, period, measured)
            return self._times[key]
        date = own.time
        if period == "past" and not own.attached and self.periods.after_long_span(c):
            # "a year after rebels seized the town, the army retook it on Monday": the dates of
            # the sentence and of the story are the main act's, a long span later
            date = None
        elif date is None and period != "past":
            date = self.dates.inherited(sentence.span, paragraph)
        elif date is None:  # a background act takes the date of the story it goes on with
            date = self.periods.story_date(c, own, sentence.span, paragraph)
        self._times[key] = (own, period, date)
        return self._times[key]

    def _homed(self, actor: Optional[Actor], facing: Optional[Actor] = None,
               acting_on_a_state: bool = False) -> Optional[Actor]:
        """A group named only by its role ("protesters", "government forces") and placed
        nowhere: it belongs to the article's home country (docs/annotation.md 5).

        ``facing`` is the other side of the same act. When that side is the home state
        itself (a country named as such), the act is one of conflict or a threat
        (``acting_on_a_state``: a senator may back "American arms sales") and the role
        names a body of a state ("the president", "the general", "the ministry"), the home
        country is the other side's (a state named as such, not a place read as one:
        "expelled reporters from Managua"), not evidence of the doer's: a state's own body does
        not strike, sanction or threaten its own state ("The president struck Iran" in an
        article naming Iran most). The body then takes the article's next most named
        country, or stays without one."""
        if actor is None or actor.country or self.home is None or actor.actor_id \
                or actor.resolved_by not in ("phrase", "ner") \
                or (actor.sector or "").lower() not in self.words.local_sectors:
            return actor
        home = self.home
        if facing is not None and facing.kind == "state" and facing.resolved_by not in PLACE_READINGS \
                and facing.country == home and acting_on_a_state \
                and (actor.sector or "").lower() in load_role_words().state_sectors:
            home = next((c for c in self.homes if c != facing.country), None)
            if home is None:
                return actor
        return dataclasses.replace(actor, country=home, resolved_by=f"{actor.resolved_by}+home")

    def _in_theatre(self, actor: Optional[Actor], place: Optional[Place] = None) -> Optional[Actor]:
        """An armed group the KB places in no country (Islamic State), party to a local
        act (violence, coercion), acts for the country of its theatre (theatres.tsv) where
        the act is (docs/annotation.md 5, session 18: the country where the text places
        the act, any country): the act's own place wherever it lies (a bombing in Paris:
        FRA, also in an article that reports from Syria), else, with no place of its own,
        the theatre country the article's places lie in most. A group's statements and an
        article placing nothing in its theatre (a debate in Washington about the group)
        leave it without a country ("null when unplaced")."""
        if actor is None or actor.country or actor.actor_id is None or actor.kind != "group":
            return actor
        theatre = load_theatres().get(actor.actor_id)
        own = _alpha3(place.country) if place is not None and place.country else None
        if not theatre:
            return actor
        where = own[0] if own is not None else self._theatre_country(theatre)
        if where is None:
            return actor
        return dataclasses.replace(actor, country=where, resolved_by=f"{actor.resolved_by}+theatre")

    def _theatre_country(self, theatre: frozenset[str]) -> Optional[str]:
        """The country of ``theatre`` the article's places lie in most (ties: the first
        placed), or None."""
        placed: dict[str, int] = {}
        for place in self.doc.places:
            found = _alpha3(place.country) if place.country else None
            if found is not None and found[0] in theatre:
                placed[found[0]] = placed.get(found[0], 0) + 1
        return max(placed, key=placed.__getitem__) if placed else None  # (ties: first placed)

    def _home_only_in_content(self, c: Candidate, sentence_span) -> bool:
        """The sentence names the article's home country only inside what the act's verb
        asks its addressee to do ("Senators asked the Commerce Department to ban Chinese drones"):
        that country is a party of the asked-for act, so it does not place the asker or
        the addressee named by their role (event_roles.in_asked_content)."""
        if self.home is None or not c.is_verb:
            return False
        spans = [a.span for a in self.doc.actors
                 if a.country == self.home and sentence_span[0] <= a.span[0] < sentence_span[1]]
        return bool(spans) and all(in_asked_content(self.doc.nlp, span, c.head) for span in spans)

    def _home_only_as(self, c: Candidate, target: Optional[Actor]) -> bool:
        """The text names the article's home country nowhere but as the target of this
        request ("The senator said Iraq should hold elections." alone): the home country then
        rests on the party addressed, and is no evidence of whose the speaker is -- a
        speaker named only by its role stays without a country rather than take the
        addressee's. An article that names the country elsewhere still homes it."""
        if c.type not in load_role_words().own_state_addressee_types:
            return False  # ("the spokeswoman said Moscow would prepare a response": its own side)
        others = [a.span for a in (target, c.preset_target) if a is not None and a.country == self.home]
        if self.home is None or not others:
            return False
        mentions = [a.span for a in self.doc.actors if a.country == self.home]
        mentions += [p.span for p in self.doc.places
                     if p.country and (_alpha3(p.country) or ("",))[0] == self.home]
        return all(any(_overlap(m, o) for o in others) for m in mentions)

    # -- checks ----------------------------------------------------------------------
    def _outcome_of_another(self, c: Candidate) -> bool:
        """A casualty verb in the passive whose doer is not named and whose phrase names
        another event of the sentence ("were killed in the attack", "injured during the
        clashes"): the deaths are that event's outcome (docs/annotation.md 2)."""
        if not c.is_verb or lemma(c.head) not in self.words.casualty_verbs or not is_passive(c.head) \
                or child(c.head, "agent") is not None:
            return False
        return any(ch.dep_ == "prep" and any(g.dep_ == "pobj" and g.i in self._trigger_heads
                                             for g in ch.children)
                   for ch in c.head.children)

    def _done_by_another(self, c: Candidate) -> bool:
        """A casualty verb whose subject is another violent event of the text ("the
        strike killed 11", "a raid that wounded two"): the harm is that event's outcome
        (docs/annotation.md 2)."""
        return self._harming_event(c) is not None

    def _harming_event(self, c: Candidate) -> Optional[int]:
        """The head of the violent event that is the subject of a casualty verb, or None."""
        if not c.is_verb or lemma(c.head) not in self.words.casualty_verbs or is_passive(c.head):
            return None
        subj = verb_subject(c.head)
        if subj is None:
            return None
        if subj.i in self._violent_heads:
            return subj.i
        if c.head.dep_ != "relcl":
            return None
        # "an inquiry into a strike in May that killed two": the parser may hang the
        # clause on any noun of the phrase; the violent event named in it did the harm
        return next((t.i for t in c.head.head.subtree
                     if c.head.head.i < t.i < c.head.i and t.i in self._violent_heads), None)

    def _dropped(self, c: Candidate, reason: str) -> None:
        """Record a candidate the draft turns down (``article.meta["draft_drops"]``: type,
        trigger word, offset, reason), so that no act disappears unseen."""
        self.doc.article.meta.setdefault("draft_drops", []).append(
            {"type": c.type, "trigger": c.head.text, "start": c.head.idx, "reason": reason})
        return None

    def _declines_comment(self, c: Candidate) -> bool:
        """A refusal to speak: its complement is a verb of saying or describing ("refused to
        comment", "declined to explain why"), a predicate of speaking ("would not be specific
        about the date", "refused to be drawn on"), or giving mere words ("declined to give
        details")."""
        verb = c.head if c.is_verb else c.light
        return verb is not None and any(ch.dep_ == "xcomp" and self._speaking(ch) for ch in verb.children)

    def _speaking(self, verb) -> bool:
        if lemma(verb) in self.words.comment_verbs:
            # "refused to tell the ministry to carry it out" refuses an order, not words
            return not any(ch.dep_ in ("xcomp", "ccomp") and is_to_infinitive(ch) for ch in verb.children)
        if lemma(verb) == "be":
            return any(ch.lower_ in self.words.comment_predicates for ch in verb.children if ch.dep_ in ("acomp", "attr"))
        if verb.tag_ == "VBN" and verb.lower_ in self.words.comment_predicates:
            return True  # "refused to be drawn": the participle heads, "be" is its auxiliary
        obj = child(verb, "dobj")
        return obj is not None and lemma(verb) in self.words.information_verbs \
            and obj.lower_ in self.words.information_nouns

    def _permission_to_speak(self, c: Candidate) -> bool:
        """"not authorized to discuss", "not allowed to comment": whether an official may
        speak is no act toward anyone."""
        return c.is_verb and lemma(c.head) in self.words.comment_verbs and c.head.dep_ == "xcomp" \
            and lemma(c.head.head) in self.words.permission_verbs

    def _addressee(self, c: Candidate) -> list[Actor]:
        """The person a reported promise, demand or threat was told to: the object of
        the verb of saying whose complement holds the event."""
        verb = c.head if c.is_verb else (c.light or c.head.head)
        for _ in range(4):
            if verb.dep_ not in ("ccomp", "acomp", "xcomp", "attr"):
                break
            verb = verb.head
            if lemma(verb) in self.words.saying_verbs:
                addressee = child(verb, "dobj", "dative")
                return self.roles.phrase_actors(addressee) if addressee is not None else []
        return []

    def _political(self, c: Candidate, sources, targets) -> bool:
        """A political actor takes part: an active verb's noun subject must be one."""
        if c.is_verb and not is_passive(c.head):
            subj = verb_subject(c.head)
            if subj is not None and subj.pos_ in NOUN_POS and not sources:
                # an act ("the strike hit") or a weapon ("a missile hit") may be the subject
                return subj.i in self._trigger_heads or self._is_weapon(subj)
        return bool(sources or targets)

    def _in_festivity(self, c: Candidate) -> bool:
        """The act takes place in a festivity ("marched in the parade", "rallied at the
        carnival"): an in/at/during phrase of the verb names one that is not banned, and
        the clause states no protest of its own (``_states_a_protest``)."""
        words = self.words
        if self._states_a_protest(c.head):
            return False
        for prep in c.head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "during"):
                pobj = child(prep, "pobj")
                if pobj is not None and (lemma(pobj) in words.festivity_nouns or pobj.lower_ in words.festivity_nouns) \
                        and not any(m.lower_ in words.defiant_modifiers for m in pobj.children):
                    return True
        return False

    def _states_a_protest(self, verb) -> bool:
        """The march says what it is against or for: an "against" phrase, or a purpose
        infinitive that is itself a demand, accusation, protest, rejection or threat
        ("marched in the parade to denounce the killing")."""
        if any(t.dep_ == "prep" and t.lower_ == "against" for t in verb.subtree):
            return True  # (the parser may hang it on the festivity or its place)
        for ch in verb.children:
            if ch.dep_ in ("advcl", "xcomp") and any(t.type in self.lex.types_of("reaction") or t.type == "PROTEST"
                                                     for t in self.lex.verbs.get(lemma(ch), ())):
                return True
        return False

    def _shows_force(self, sent, sources) -> bool:
        """A show of force (a parade): the sentence names armed forces or their arms, or
        the doer is a state, its government or forces, or an armed group (PLOVER 3.14:
        MOBILIZE is a military act; a holiday parade a veterans' group or a crowd joins is
        none)."""
        words = self.words
        arms = words.military_nouns | words.missile_nouns
        if any(lemma(t) in arms or t.lower_ in arms for t in sent):
            return True
        # without a doer in its roles, the parties the sentence names (as the "actor" flag
        # reads them: "Kim Jong Un did not speak during the parade")
        doers = sources or [a for a in (self.roles.index[t.i] for t in sent) if a is not None]
        # a state the knowledge base places (a country), not any place name read as one; its
        # government or forces, or an armed group ("rebels paraded"), not a veterans' group,
        # a city or a crowd
        return any((a.kind == "state" and a.country) or (a.sector or "").lower() in self.words.force_sectors
                   for a in doers if not a.locative)

    def _turns_from_a_party(self, c: Candidate, targets) -> bool:
        """The one shunned or disowned is a party: a target actor, a pronoun object that
        stands for one ("shunned it", "disowned him"), or a meeting or other act of parties
        ("shunned the summit"); "shunned work" rejects no one."""
        if any(not t.locative for t in targets) or _object_is_event(c, self._trigger_heads):
            return True
        return any(ch.dep_ in ("dobj", "nsubjpass") and ch.pos_ == "PRON" for ch in c.head.children)

    def _private_doer(self, sources) -> bool:
        """The doer is a private body or the media (a company, school, university, reporters:
        ``private_sectors``): a verbal act of one is its own business or reporting, not a
        political act (docs/annotation.md 2)."""
        return bool(sources) and (sources[0].sector or "").lower() in self.words.private_sectors

    def _sectored_doer(self, sources) -> bool:
        """The doer is a state, a person, or a body the actor layer places in a public
        sector (government, forces, opposition, rebels, an international body ...): not
        a body of no known sector ("Apple") nor one of a private sector (a firm, a
        school, the media), whose request is its own business (docs/annotation.md 2)."""
        if not sources:
            return False
        doer = sources[0]
        sector = (doer.sector or "").lower()
        if sector in self.words.private_sectors:
            return False
        return doer.kind in ("state", "person") or bool(sector)

    def _kin_doer(self, c: Candidate) -> bool:
        """The doer is a private person described by kinship ("the hostage's family", "the
        widow of the pilot", "the widow of the pilot, Ana Ruiz", "Ana Ruiz, the pilot's
        widow"): a private person's thanks or lament, no political act (docs/annotation.md 2:
        political actors only). A name beside the kin noun does not make its bearer a
        political actor; an office does ("his son, the defence minister, thanked ...",
        "her brother, Defence Minister X"): the person the KB knows or a title gives a sector."""
        subj = verb_subject(c.head) if c.is_verb else None
        if subj is None:
            return False
        beside = [ch for ch in subj.children if ch.dep_ in ("appos", "compound")]
        if subj.lemma_.lower() in self.words.kin_nouns:
            names = [ch for ch in beside if ch.pos_ == "PROPN" or ch.ent_type_ == "PERSON"]
            offices = [ch for ch in beside if ch.pos_ == "NOUN"]
            return not offices and all(self._private_person(ch) for ch in names)
        # a name whose apposition is a kin noun ("Ana Ruiz, the pilot's widow")
        return (subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON") and self._private_person(subj) \
            and any(ch.dep_ == "appos" and ch.lemma_.lower() in self.words.kin_nouns for ch in subj.children)

    def _private_person(self, tok) -> bool:
        """The name at ``tok`` is a person the actor KB does not know and no title gave an
        office (no sector, no rank or monarch's title before the name: "Prince Faisal",
        "Sheikh X" hold one, "Mrs X" does not): nothing makes them a political actor."""
        actor = self.roles.index[tok.i] if tok.i < len(self.roles.index) else None
        if actor is None or actor.kind != "person" or actor.actor_id is not None or actor.sector:
            return False
        first = actor.text.split()[0] if actor.text.split() else ""
        before = self.doc.nlp.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        before = before.doc[before.start - 1].text if before is not None and before.start > 0 else ""
        titles = _actor_lexicon()
        return not (titles.office_title(first) or titles.office_title(before))

    def _is_weapon(self, tok) -> bool:
        return any(tok.lower_ in words for _, words in self.lex.assault_modes)

    def _debate(self, c: Candidate, sources, targets) -> bool:
        """"Attacks", "battles", "hits" by or against legislators, parties or media are
        words of political debate, not violence."""
        if lemma(c.head) not in self.words.metaphor_prone:
            return False
        sectors = {(a.sector or "").lower() for a in sources + targets}
        return bool(sectors & self.words.debate_sectors) or self._verbal_attack(c, sources, targets)

    def _verbal_attack(self, c: Candidate, sources, targets) -> bool:
        """"X attacked the administration, saying ...", "the senator's attack on the
        prime minister": an attack made while speaking, or by a person who bears no arms
        on a person or a government, with no weapon named, is an attack with words."""
        armed = {s.lower() for s in self.words.armed_sectors}
        if sources and (sources[0].sector or "").lower() in armed:
            return False  # "troops attacked the village, saying militants hid there"
        if not sources:
            return False  # "gunmen attacked the post, saying ...": nobody known to speak
        if any(lemma(ch) in self.words.saying_verbs for ch in c.head.children if ch.dep_ == "advcl"):
            return True
        if not targets or refine_mode(c, self.lex):
            return False
        doer, victim = sources[0], targets[0]
        return doer.kind == "person" and \
            victim.kind in ("person", "org") and (victim.sector or "").lower() not in armed \
            and not victim.locative

    def _definite(self, c: Candidate) -> bool:
        """"the attack", "these strikes", "Tuesday's strike": a mention that refers back
        ("their offensive" refers to its doers, not to an event told before)."""
        return any((ch.dep_ == "det" and ch.lower_ in self.words.definite_determiners)
                   or (ch.dep_ == "poss" and ch.ent_type_ in ("DATE", "TIME"))
                   for ch in c.head.children)

    def _stated(self, c: Candidate) -> bool:
        """"The government did not confirm the attack", "Moscow denied the strike": a
        definite event noun that is the object of a verb of stating about an act refers
        back to an act; the verb's subject only guesses at its doer."""
        if c.is_verb or c.light is not None or not self._definite(c):
            return False
        return c.head.dep_ == "dobj" and lemma(c.head.head) in self.words.recap_verbs

    def _acted_on_countries(self, c: Candidate) -> frozenset[str]:
        """Countries of the actors named inside the phrase a verb acts on: its object or its
        passive subject (the noun a relative "which was seized" hangs from). Places count:
        the phrase says what was acted on ("seized a Panamanian-flagged tanker", "bombed a
        Yemeni port"), not who receives the act (``event_merge._objects_differ``). An event
        noun's phrases often name the party or the setting, not the thing acted on: none."""
        if not c.is_verb:
            return frozenset()
        heads = []
        for ch in c.head.children:
            if ch.dep_ == "dobj":
                heads.append(ch)
            elif ch.dep_ == "nsubjpass":
                relative = c.head.dep_ == "relcl" and ch.tag_ in ("WDT", "WP")
                heads.append(c.head.head if relative else ch)
        spans = [(h.left_edge.idx, h.right_edge.idx + len(h.right_edge.text)) for h in heads]
        return frozenset(a.country for a in self.doc.actors if a.country
                         and any(s <= a.span[0] and a.span[1] <= e for s, e in spans))

    def _names_recipient(self, c: Candidate) -> bool:
        """"attacks on its ships", "sanctions against the bank": a recipient phrase."""
        preps = self.lex.target_preps.get(c.type, frozenset())
        return any(ch.dep_ == "prep" and ch.lower_ in preps and child(ch, "pobj") is not None
                   for ch in c.head.children)

    def _casualty(self, c: Candidate, source) -> bool:
        """"were killed", "wounded": harm whose doer the sentence does not name."""
        if not c.is_verb or lemma(c.head) not in self.words.casualty_verbs:
            return False
        # "the group beheaded a reporter": a named doer, even unresolved, acts anew
        return is_passive(c.head) or (source is None and verb_subject(c.head) is None)

    def _distinct(self, c: Candidate) -> bool:
        """"another attack", "a second strike", "new sanctions", "struck again"."""
        return any(ch.lower_ in self.words.distinct_markers for ch in c.head.children
                   if ch.dep_ in ("det", "amod", "advmod", "nummod", "npadvmod"))

    # -- attachments -----------------------------------------------------------------
    def _trigger_span(self, c: Candidate) -> TextSpan:
        toks = sorted(c.tokens, key=lambda t: t.i)
        if c.light is not None and 0 < toks[0].i - c.light.i <= 4:
            toks = [c.light] + toks
        if len(toks) > 1 and toks[-1].i - toks[0].i > 4:
            toks = [c.head]
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        return TextSpan((start, end), self.text[start:end])

    def _sentence_span(self, sent) -> TextSpan:
        s_start, s_end = sent.start_char, sent.end_char
        while s_end > s_start and self.text[s_end - 1].isspace():
            s_end -= 1
        return TextSpan((s_start, s_end), self.text[s_start:s_end])

    def _place(self, sent_span, trigger_span, used: list[Actor], landing: Optional[Actor] = None) -> Optional[Place]:
        if sent_span not in self._places:
            self._places[sent_span] = sentence_places(self.doc, sent_span, self.words)
        return pick_place(self._places[sent_span], trigger_span, [a.span for a in used],
                          landing.span if landing else None)

    def _paragraph_of(self, offset: int):
        for p in self.doc.paragraphs:
            if p[0] <= offset < p[1]:
                return p
        return None




@functools.lru_cache(maxsize=512)
def _alpha3(alpha2: str) -> Optional[tuple[str, str]]:
    import pycountry
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return (country.alpha_3, _alpha3_name(country.alpha_3) or country.name) if country is not None else None


PLACE_WEIGHT = 1
#: how an actor read from a place name was resolved (a capital standing for its
#: government, the state a place lies in)
PLACE_READINGS = ("metonymy", "place")


def home_country(doc: Document) -> Optional[str]:
    """The country the article is about: the one its actors and places name most often
    (ties go to the one named first); None when it names none."""
    ranked = home_countries(doc)
    return ranked[0] if ranked else None


def home_countries(doc: Document) -> list[str]:
    """The countries the article's actors and places name, most often first (ties go to
    the one named first)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for actor in doc.actors:
        if actor.country and actor.sector != NEWS_SECTOR:  # (an outlet cited is no subject)
            counts[actor.country] = counts.get(actor.country, 0) + 1
            first.setdefault(actor.country, actor.span[0])
    for place in doc.places:
        found = _alpha3(place.country) if place.country else None
        if found is not None:
            counts[found[0]] = counts.get(found[0], 0) + PLACE_WEIGHT
            first.setdefault(found[0], place.span[0])
    return sorted(counts, key=lambda c: (-counts[c], first[c]))


@functools.lru_cache(maxsize=256)
def _alpha3_name(alpha3: str) -> Optional[str]:
    """The country's name as news writes it (the actor knowledge base's), else ISO's."""
    import pycountry

    from sitrep.knowledge.actors import country_names
    if alpha3.upper() in country_names():
        return country_names()[alpha3.upper()]
    country = pycountry.countries.get(alpha_3=alpha3.upper())
    return country.name if country is not None else None


def _landing_place(target: Optional[Actor], physical: bool) -> Optional[Actor]:
    """The target of a physical act or a visit when it was read from a place name ("the
    strikes on Caracas": the government of Venezuela; "a visit to Brussels"): the name also
    says where the act lands, so it may be the event's place as well as its target."""
    return target if target and physical and target.resolved_by in PLACE_READINGS else None


def place_actor(place: Place) -> Optional[Actor]:
    """The state a place lies in, as the recipient of an act done there."""
    found = _alpha3(place.country) if place.country else None
    if found is None:
        return None
    return Actor(span=place.span, text=place.text, name=found[1], country=found[0], kind="state",
                 resolved_by="place", locative=True)


def reporting_place(sdoc, place_span, trigger, saying_verbs) -> bool:
    """The place tells where the act was reported, not where it was done: it hangs on a
    verb of saying whose reported clause holds the trigger ("In London, diplomats said the
    government expelled ..."): "London" places the saying."""
    piece = sdoc.char_span(place_span[0], place_span[1], alignment_mode="expand") if sdoc is not None else None
    if piece is None:
        return False
    verb = piece.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.i == trigger.i or lemma(verb) not in saying_verbs or not verb.is_ancestor(trigger):
        return False
    below = trigger
    while below.head.i != verb.i:
        below = below.head
    return below.dep_ == "ccomp"  # (not "In X, where the government ..., Y said": X's own clause)


def _located(actor: Optional[Actor], place: Place, seated: frozenset[str] = frozenset()) -> Optional[Actor]:
    """An unresolved role phrase ("riot police") with the country of the event's place.
    A body of a ``seated`` sector ("the government") is left to the article's home
    country (the caller passes ``seated`` when the place is where the act was reported)."""
    if actor is None or actor.country or actor.resolved_by != "phrase" \
            or (actor.sector or "").lower() in seated:
        return actor
    found = _alpha3(place.country) if place.country else None
    if found is None:
        return actor
    return dataclasses.replace(actor, country=found[0], resolved_by="phrase+place")


def _placed_by_own_phrase(actor: Optional[Actor], place: Place, sdoc) -> bool:
    """The place says where the actor is: it hangs on the actor's own noun ("the
    government in Kiev", "leaders in South Korea", "residents of Aleppo": a group defined
    by a place belongs there), or it is fronted before the actor on their clause's verb
    ("In Washington, lawmakers demanded ...": where the speakers sit)."""
    if actor is None or sdoc is None:
        return False
    piece = sdoc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if piece is None:
        return False
    head = piece.root

    def holds_place(prep) -> bool:
        return any(t.idx <= place.span[0] < t.idx + len(t) + 1 for t in prep.subtree)

    if any(prep.dep_ == "prep" and holds_place(prep) for prep in head.children):
        return True
    return head.dep_ in ("nsubj", "nsubjpass") and any(
        prep.dep_ == "prep" and prep.i < piece.start and holds_place(prep) for prep in head.head.children)


def _placed_group(actor: Optional[Actor], place: Place, local: bool = True,
                  acted_on: bool = False) -> Optional[Actor]:
    """An armed group the actor KB places in no country (Islamic State, al-Qaeda) acts
    for the country where its act happens (docs/annotation.md 5: "Islamic State" IRQ or
    SYR by where the act is, any other country too since session 18; null when the place
    is unclear). A group with a known theatre (theatres.tsv) is placed outside it only by a
    local act (violence, coercion), and as the party acted on only by such an act: a vow
    made in Paris to destroy it, or its statement read out abroad, says where the speaker
    is, not the group, and does not make it French. ``local``: the act is one whose place
    holds both sides."""
    if actor is None or actor.country or actor.actor_id is None or actor.kind != "group" \
            or (actor.sector or "").upper() != "REB":
        return actor
    found = _alpha3(place.country) if place.country else None
    if found is None:
        return actor
    theatre = load_theatres().get(actor.actor_id)
    if theatre is not None and not local and (acted_on or found[0] not in theatre):
        return actor
    return dataclasses.replace(actor, country=found[0], resolved_by=f"{actor.resolved_by}+place")


def _named_as_party(place: Place, actors: list[Actor]) -> bool:
    """The event's place is a country named as a party, not where the act happens ("the
    first country other than the U.S. to launch an air strike"): no group is placed there."""
    return any(not a.locative and _overlap(a.span, place.span) for a in actors)


def _civil(sources: list[Actor], words) -> bool:
    """"Protesters clashed with police": people who protest rather than fight."""
    return bool(sources) and (sources[0].sector or "").lower() in words.civil_sectors


def _anchors(c: Candidate) -> set[int]:
    """Token indices a date or cue of this event can hang from."""
    out = {t.i for t in c.tokens}
    if c.light is not None:
        out.add(c.light.i)
    return out


def _with_mirror(draft: Optional[Draft], c: Candidate, words, symmetric=frozenset()) -> list[Draft]:
    """The draft, and for a two-way act with both parties read ("Kenya and Uganda traded
    warnings", "Kenya and Uganda accused each other") the other party's act too: each
    warned the other (CAMEO and PLOVER code a reciprocal act once per direction). A joint
    act on "each other" ("X and Y met each other": a ``symmetric`` type) is one act of
    both, coded once like "X and Y met" (docs/annotation.md 3)."""
    if draft is None:
        return []
    ev = draft.event
    if not _reciprocal(c, words) or ev.source is None or ev.target is None:
        return [draft]
    if ev.type in symmetric and not _two_way_carrier(c, words):
        return [draft]
    # the original first: the head-keyed maps of reaction_targets / antecedent_targets keep
    # the first draft of a head, so a reaction to "the warnings" finds the original
    return [draft, dataclasses.replace(draft, event=dataclasses.replace(ev, source=ev.target, target=ev.source))]


def _reciprocal(c: Candidate, words) -> bool:
    """A two-way act: a nominal event carried by a two-way light verb ("traded
    accusations", "exchanged fire") or an act on a reciprocal pronoun ("accused each
    other", "attacked one another's positions", "clashed with each other"): its
    coordinated subjects are each other's targets."""
    return _two_way_carrier(c, words) or reciprocal_argument(c.head, words) is not None


def _two_way_carrier(c: Candidate, words) -> bool:
    return c.light is not None and lemma(c.light) in words.reciprocal_verbs


def reciprocal_argument(head, words):
    """The reciprocal pronoun ("each other", "one another") that is the head's object,
    the object of one of its prepositions ("clashed with each other") or the possessor of
    its object ("attacked each other's positions"); None if there is none. The pronoun's
    pairs (``reciprocal_pronouns``: "each:other") are read in either order, since the
    parser hangs "one another" from "one" and "each other" from "other"."""
    pairs = {tuple(p.split(":", 1)) for p in words.reciprocal_pronouns}
    pairs |= {(b, a) for a, b in pairs}
    args = []
    for ch in head.children:
        if ch.dep_ in ("dobj", "dative"):
            args.append(ch)
            args.extend(g for g in ch.children if g.dep_ == "poss")
        elif ch.dep_ == "prep":
            args.extend(g for g in ch.children if g.dep_ == "pobj")
    for tok in args:
        if any((g.lower_, tok.lower_) in pairs for g in tok.children if g.dep_ == "det"):
            return tok
    return None


def _modifiers(c: Candidate) -> frozenset[str]:
    """Lower-case determiners and modifiers of the trigger head ("the new sanctions",
    "an earlier attack"): event_merge reads from them whether a mention refers back."""
    return frozenset(ch.lower_ for ch in c.head.children
                     if ch.dep_ in ("det", "amod", "advmod", "nummod", "npadvmod"))


def _threat_of(c: Candidate) -> Optional[str]:
    """"THREATEN" when the candidate is the content of a threat: a threatened strike is
    another happening than a strike carried out."""
    return "THREATEN" if c.governor is not None and c.governor.type == "THREATEN" else None


def _irrealis(c: Candidate, words) -> bool:
    """An infinitive or a modal verb: a planned, possible or demanded act ("to impose
    sanctions", "would strike")."""
    verb = c.head if c.is_verb else c.light
    return verb is not None and any(ch.dep_ == "aux" and (ch.lower_ == "to" or ch.lower_ in words.future_aux
                                                          or ch.lower_ in words.possibility_modals)
                                    for ch in verb.children)


def _object_is_event(c: Candidate, trigger_heads: set[int]) -> bool:
    return any(i in trigger_heads for i in _object_heads(c))


def _own_verbs(c: Candidate) -> frozenset[int]:
    """Token indices of the words that tell the act's own time: its head, its light verb,
    and the verb an event noun is the subject of ("the attack came after ...", "the
    shelling began before ..."); ``event_merge._in_sequence`` reads a sequence clause
    attached to one of them as another act."""
    own = {c.head.i} | ({c.light.i} if c.light is not None else set())
    if not c.is_verb and c.head.dep_ in ("nsubj", "nsubjpass") and c.head.head.pos_ in ("VERB", "AUX"):
        own.add(c.head.head.i)
    return frozenset(own)


def _object_heads(c: Candidate) -> list[int]:
    """Heads of the phrases a reaction is about ("condemned the strikes", "criticism of
    the operation")."""
    out = []
    for anchor in (c.head, c.light):
        if anchor is None:
            continue
        for ch in anchor.children:
            if ch.dep_ in ("dobj", "nsubjpass"):
                out.append(ch.i)
            elif ch.dep_ == "prep":
                out.extend(g.i for g in ch.children if g.dep_ == "pobj")
    return out


def _pick_pair(etype: str, sources: list[Actor], targets: list[Actor], lex):
    """One source and one target: the first-named party of a compound actor, or for a
    joint act with a compound subject and no recipient, its two parties."""
    if not targets and len(sources) > 1 and "symmetric" in lex.types[etype].classes:
        return sources[0], sources[1]
    source = sources[0] if sources else None
    target = next((t for t in targets if source is None or t.span != source.span), None)
    return source, target


def _inside(span, outer) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


# ------------------------------------------------------------------ places

def sentence_places(doc: Document, sent_span, words) -> list[tuple[Place, bool]]:
    """The sentence's places usable as event places, each with "is the object of a
    locative preposition"."""
    sdoc = doc.nlp
    persons = [a.span for a in doc.actors if not a.locative and a.kind == "person"]
    out = []
    for place in doc.places:
        if not _inside(place.span, sent_span):
            continue
        if any(place.span[0] < e and s < place.span[1] for s, e in persons):
            continue  # a person's name read as a place by the gazetteer
        tok = sdoc.char_span(place.span[0], place.span[1], alignment_mode="expand")
        locative = False
        if tok is not None:
            root = tok.root
            locative = root.dep_ == "pobj" and root.head.lower_ in words.place_preps
            if root.dep_ in ("compound", "amod", "nmod", "poss") and lemma(root.head) not in words.place_head_nouns:
                continue  # "US aircraft", "Iran's navy": whose, not where
        out.append((place, locative))
    return out


def pick_place(places: list, trigger_span, used_actor_spans, landing_span=None) -> Optional[Place]:
    """The place nearest the trigger, the object of a locative preposition or where the
    act lands (``landing_span``, see ``_landing_place``) first, that is none of
    ``used_actor_spans`` (the roles' other mentions)."""
    best, best_key = None, None
    for place, locative in places:
        if any(place.span[0] < e and s < place.span[1] for s, e in used_actor_spans):
            continue
        key = (0 if locative or tuple(place.span) == tuple(landing_span or ()) else 1,
               abs(place.span[0] - trigger_span[0]))
        if best_key is None or key < best_key:
            best, best_key = place, key
    return best


# ------------------------------------------------------------------ reading events

def events_in(doc: Document, types: Optional[Iterable[str]] = None) -> list[Event]:
    wanted = set(types) if types else None
    return [e for e in doc.events if wanted is None or e.type in wanted]


def is_content_event(event: Event, others: Iterable[Event]) -> bool:
    """True when the event is only the content of another event in the same sentence
    (the strike in "threatened to strike", the attack in "accused X of attacking"): the
    certainty stage puts the governing trigger in its cue."""
    cue = event.certainty.cue if event.certainty else None
    if cue is None:
        return False
    for other in others:
        if other is event or other.trigger.span == event.trigger.span:
            continue
        if other.sentence.span == event.sentence.span and \
                cue.span[0] < other.trigger.span[1] and other.trigger.span[0] < cue.span[1]:
            return True
    return False


def is_secondary_mention(event: Event, doc: Document) -> bool:
    """The event is mentioned in passing, beside the sentence's main statement: inside a
    relative clause, a temporal/causal clause ("after the strikes killed ..."), or a
    nominal event inside a prepositional phrase ("since last month's invasion")."""
    sdoc = doc.nlp
    if sdoc is None:
        return False
    span = sdoc.char_span(event.trigger.span[0], event.trigger.span[1], alignment_mode="expand")
    if span is None:
        return False
    from sitrep.knowledge.plover import event_words
    words = event_words()
    tok = span.root
    if tok.pos_ in NOUN_POS and tok.dep_ == "pobj" and tok.head.lower_ in words.subordinate_preps \
            and tok.head.head.pos_ in ("VERB", "NOUN", "AUX", "ADJ"):
        return True
    t = tok
    for _ in range(8):
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return True
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words.subordinate_marks
                                     for c in t.children):
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False


#: statuses of events a PLOVER coder does not report as having happened
NOT_CODED = frozenset({"negated", "hypothetical"})


def coded_events(doc: Document) -> list[Event]:
    """The events a PLOVER coder reports for each sentence (used by the sentence-level
    gold-set scorers).

    Left out: negated and hypothetical events (PLOVER 2.3 auxiliary modes), events that
    are only the content of another event ("threatened to STRIKE"), and -- when the
    sentence has a main event -- events mentioned in passing (relative clauses, "after
    ..." clauses, "since the invasion"). Everything stays in ``doc.events``.
    """
    kept = [e for e in doc.events
            if e.certainty.status not in NOT_CODED and not is_content_event(e, doc.events)]
    by_sentence: dict = {}
    for e in kept:
        by_sentence.setdefault(e.sentence.span, []).append(e)
    out = []
    for evs in by_sentence.values():
        flags = [is_secondary_mention(e, doc) for e in evs]
        if all(flags):
            out.extend(evs)
        else:
            out.extend(e for e, secondary in zip(evs, flags) if not secondary)
    out.sort(key=lambda e: e.trigger.span)
    return out
