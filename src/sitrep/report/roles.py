"""Whether the words around a role's mention let it be that role.

The events stage fills source and target from the sentence's actors; the brief names a
role only when its sentence reads that way:

* a source named only as the object of a preposition ("sanctions against Ruritania",
  "troops out of Borduria") or inside a hyphenated adjective ("a Ruritania-based firm")
  did not act;
* the speaker of a material act ("..., the senator said"; "critics argued the president
  let the army attack"; a speaker whose quoted words hold the trigger) reports it;
* the subject of a verb is not the actor of a later act that another verb of its own
  governs ("began withdrawing ahead of an invasion"), nor of a noun trigger no light verb
  takes, unless the noun phrase, a possessive or "by" names the actor (a trigger in a
  verb form -- "stormed", "accused X of attacking" -- is left to the events stage);
* a target named only after "in"/"at" ("jailed in the capital") is where it happened.
* a role that opens with a question word ("how many people") is a question, not an actor.

Words come from ``knowledge/data/report/roles.tsv`` (``ReportTerms.roles``).
"""
from __future__ import annotations

import re
from typing import Any, Optional

from sitrep.knowledge.linking import stopwords
from sitrep.knowledge.report_terms import RoleWords, load_report_terms

_TOKEN = re.compile(r"[\w'’.-]+|,")
#: how many modifiers may stand between a preposition and the mention
MAX_SKIPPED = 3
#: how many words (modifiers of a noun: "another alleged chemical weapons attack") may
#: stand between a nominal trigger and the preposition or determiner governing it
MAX_NOUN_MODIFIERS = 4
#: how many words may stand between a noun trigger and the agent it names ("the seizure
#: of a crude tanker by US forces")
MAX_AGENT_DISTANCE = 6
#: how many words after a mention its report verb may come
MAX_AUX = 3
#: how many words an apposition between a mention and its report verb may have
MAX_APPOSITION = 16
MATERIAL = ("material conflict", "material cooperation")
_QUOTE_MARKS = ('"', "\u201c", "\u201d")


def _spans(e: dict[str, Any], role: str) -> list[tuple[int, int]]:
    """The role's mentions as spans of the sentence: its actor mentions, else its own
    words found in the sentence."""
    base = e.get("sentence_start") or 0
    sentence = e.get("sentence") or ""
    spans = [(int(a) - base, int(b) - base) for a, b in (e.get(f"{role}_spans") or [])]
    spans = [(a, b) for a, b in spans if 0 <= a < b <= len(sentence)]
    name = e.get(f"{role}_name")
    if not spans and name:
        spans = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(name.strip()) + r"(?!\w)", sentence, re.I)]
    return spans


def _after_preposition(sentence: str, start: int, prepositions: frozenset[str], words: RoleWords) -> bool:
    """The mention at ``start`` follows one of ``prepositions``, past at most MAX_SKIPPED
    modifiers or capitalised words of a longer name ("of the Ruritanian-backed Northern ...")."""
    before = _TOKEN.findall(sentence[:start])
    capitals = 0
    for skipped in range(MAX_SKIPPED + 1):
        if not before:
            return False
        word = before.pop()
        low = word.lower().rstrip(".")
        if low in prepositions:
            # "Secretary of State Jane Doe": a title the name belongs to, not an object
            return not (capitals and before and before[-1][:1].isupper())
        capital = word[:1].isupper() and bool(before)
        capitals += capital
        if skipped == MAX_SKIPPED or not (low in words.modifiers or capital):
            return False
    return False


def _acts_all_the_same(sentence: str, start: int, end: int, trigger: Optional[int], trigger_end: int,
                       words: RoleWords) -> bool:
    """A mention after a preposition that still names the actor: the subject of the
    gerund trigger right after it ("reports of troops amassing", "aid contingent on
    Ruritania investigating"), or the agent a noun trigger names right after it with an
    agent word ("concessions from Ruritania", "a raid by Borduran forces")."""
    if trigger is None:
        return False
    if end <= trigger:
        between = _TOKEN.findall(sentence[end:trigger])
        gerund = _TOKEN.match(sentence, trigger)
        return bool(gerund) and gerund.group().lower().endswith("ing") and len(between) <= 1 and "," not in between
    after = _TOKEN.findall(sentence[trigger_end:start])
    return 0 < len(after) <= MAX_AGENT_DISTANCE and any(w.lower() in words.agent for w in after[-2:])


def _compound_modifier(sentence: str, end: int) -> bool:
    """The mention is the first half of a hyphenated adjective ("a Ruritania-based firm",
    "Ruritania-backed militias"): it describes somebody else, it does not act."""
    return sentence[end:end + 1] in ("-", "‐", "‑") and sentence[end + 1:end + 2].islower()


def _in_compound(sentence: str, start: int, end: int) -> bool:
    """The mention is either half of a hyphenated adjective ("Ruritania-based", "joint
    Borduria-Ruritania patrols"): it describes the noun after it."""
    if _compound_modifier(sentence, end):
        return True
    after = _TOKEN.match(sentence, end + 1) if sentence[end:end + 1] == " " else None
    return (start >= 2 and sentence[start - 1] in ("-", "‐", "‑") and sentence[start - 2].isalnum()
            and bool(after) and after.group()[:1].islower())


def _attributive(sentence: str, start: int, end: int, words: RoleWords, trigger: Optional[int] = None) -> bool:
    """The mention stands between a possessor and the noun it modifies ("the president's
    Ruritania policy", "his Borduria trip"): it names what the noun is about, it does not
    act or suffer the act (a verb or function word after it -- "Doe's Ruritania is" --
    keeps it a name). When the noun it modifies is the event's own trigger ("his Borduria
    invasion"), it names whom the act is against: it stays."""
    before = _TOKEN.findall(sentence[:start])[-1:]
    after = _TOKEN.match(sentence, end + 1) if sentence[end:end + 1] == " " else None
    if not before or not after or (trigger is not None and after.start() == trigger):
        return False
    word, following = before[0].lower(), after.group()
    possessor = word.endswith(("'s", "’s")) or word in words.possessives
    return (possessor and following[:1].islower() and following.lower() not in stopwords()
            and not following.endswith("ly"))


def _speaks(sentence: str, end: int, words: RoleWords) -> bool:
    """The mention ending at ``end`` is followed by a report verb ("Lawmakers argued",
    "the minister has also said"), past an apposition ("Doe, a senior senator, said")."""
    after = _TOKEN.findall(sentence[end:])
    if after[:1] == [","] and "," in after[1:MAX_APPOSITION + 1]:
        after = after[after.index(",", 1):]  # "Jane Doe, a senior senator, said"
    for word in after[:MAX_AUX + 1]:
        low = word.lower().rstrip(".")
        if low in words.report_verbs:
            return True
        if low not in words.report_aux:
            return False
    return False


def _spoken_by(sentence: str, start: int, words: RoleWords) -> bool:
    """The mention at ``start`` follows its report verb, past a title or a few capitalised
    words (the inverted '"...," said Rep. Jane Doe', "says the minister")."""
    before = _TOKEN.findall(sentence[:start])
    for _ in range(MAX_SKIPPED + 1):
        if not before:
            return False
        word = before.pop()
        low = word.lower().rstrip(".")
        if low in words.report_verbs:
            return True
        if not (word[:1].isupper() or low in words.modifiers):
            return False
    return False


def _speaker_not_actor(e: dict[str, Any], spans: list[tuple[int, int]], words: RoleWords,
                       role: str = "source") -> bool:
    """Every mention of the source speaks about a material act somebody else does: it
    comes after the trigger (", the president said", ', said Rep. Doe'), or another actor is named between
    its report verb and the trigger ("critics argued the army had attacked"), or the
    trigger is in the words it quotes ('the envoy said: "let others fight"')."""
    trigger = e.get("trigger_start")
    if e.get("quad_class") not in MATERIAL or trigger is None:
        return False
    trigger -= e.get("sentence_start") or 0
    others = [int(a["start"]) - (e.get("sentence_start") or 0) for a in (e.get("actor_spans") or [])
              if a["name"] != e[f"{role}_name"]]
    for start, end in spans:
        inverted = start > trigger and _spoken_by(e["sentence"], start, words)
        if not (inverted or _speaks(e["sentence"], end, words)):
            return False
        quoted = any(q in e["sentence"][end:trigger] for q in _QUOTE_MARKS)
        if start < trigger and not quoted and not any(end < o < trigger for o in others):
            return False
    return bool(spans)


def _governed(before: str, words: RoleWords) -> bool:
    """The trigger is a noun or an infinitive another word governs ("ahead of a feared
    invasion", "a chance to accept"), not a verb coordinated with the one before ("has
    condemned the raid and vowed ...", "also called a march")."""
    for word in reversed(_TOKEN.findall(before)[-MAX_NOUN_MODIFIERS:]):
        low = word.lower()
        if low in words.coordinators:
            return False
        if low in words.object_prepositions or low in words.governors:
            return True
    return False


def _nearer_act(e: dict[str, Any], spans: list[tuple[int, int]], words: RoleWords) -> bool:
    """Between the source's last mention before the trigger and the trigger stands the
    trigger of another event of another type by the same source: the source is the
    subject of that nearer verb ("the troops began pulling back ahead of an invasion":
    the troops withdraw, they do not invade)."""
    trigger = e.get("trigger_start")
    if trigger is None or not _governed(e["sentence"][:trigger - (e.get("sentence_start") or 0)], words):
        return False
    base = e.get("sentence_start") or 0
    ends = [b + base for a, b in spans if b + base <= trigger]
    if not ends:
        return False
    last = max(ends)
    return any(last <= start < trigger and other_type != e.get("type") and source == e["source_name"]
               for start, other_type, source in e.get("neighbours") or ())


def _verb_form(word: str, before: str, words: RoleWords) -> bool:
    """The trigger's first word is a participle or gerund ("stormed", "fired", "attacking",
    "building up") with no determiner or possessive right before it ("the storming of"
    is a noun): a verb whose subject the events stage reads from the parse."""
    previous = _TOKEN.findall(before)[-1:]
    determined = bool(previous) and (previous[0].lower() in words.governors or previous[0].lower() in words.possessives
                                     or previous[0].lower().endswith(("'s", "’s"))) \
        and previous[0].lower() not in words.infinitive
    return word.lower().endswith(("ed", "ing")) and not determined


def _light_verb_before(before: str, words: RoleWords) -> bool:
    """A light verb stands within MAX_SKIPPED + 1 words before the noun phrase's governor,
    past particles, determiners and modifiers ("carried out a strike", "is staging a new
    round of exercises", "imposing its largest package of sanctions"), not past a
    coordinator, a comma or a preposition ("began withdrawing ahead of a feared invasion")."""
    for word in reversed(_TOKEN.findall(before)[-(MAX_SKIPPED + 1):]):
        low = word.lower()
        if low in words.light_verbs:
            return True
        if low in words.coordinators or low in words.object_prepositions:
            return False
    return False


def _governor_at(before: str, words: RoleWords) -> Optional[int]:
    """Where the word governing a nominal trigger starts in ``before`` (the sentence up
    to the trigger): a preposition or determiner within MAX_NOUN_MODIFIERS words ("ahead
    of a feared invasion", "regarding another alleged chemical attack"), not past a
    coordinator; None when the trigger is a verb."""
    tokens = list(_TOKEN.finditer(before))[-MAX_NOUN_MODIFIERS:]
    for m in reversed(tokens):
        low = m.group().lower()
        if low in words.coordinators or low in words.possessives:
            return None  # "and vowed"; "its offensive" is its possessor's
        if low in words.infinitive:
            continue  # "decided to withdraw": the subject's own act
        if low in words.object_prepositions or low in words.governors:
            return m.start()
    return None


def _agent_after(after: str, markers: frozenset[str], words: RoleWords) -> set[int]:
    """Where the actor's name may start in ``after`` (the text after a noun trigger) when
    an agent marker stands within its first MAX_AGENT_DISTANCE words ("an assault later
    by the Ruritanian army", "the seizure of a tanker by the navy": at "the" or at the
    name); empty when none does."""
    tokens = list(_TOKEN.finditer(after))
    for i, m in enumerate(tokens[:MAX_AGENT_DISTANCE]):
        if m.group().lower() in markers:
            rest = tokens[i + 1:i + 3]
            starts = {rest[0].start()} if rest else set()
            if len(rest) == 2 and rest[0].group().lower() in words.modifiers:
                starts.add(rest[1].start())
            return starts
    return set()


def _not_the_nouns_actor(e: dict[str, Any], spans: list[tuple[int, int]], words: RoleWords) -> bool:
    """The trigger is a noun ("an invasion", "into battle") that no light verb takes
    ("launched an offensive" is the subject's act), and the source is named neither in
    its noun phrase ("the Ruritanian invasion", "Ruritania's raid") nor by "by" after it
    ("an assault by Ruritania"): the sentence's subject is not the noun's actor."""
    trigger, text = e.get("trigger_start"), e.get("trigger") or ""
    if trigger is None or e.get("quad_class") not in MATERIAL:
        return False
    first = _TOKEN.findall(text)[:1]
    if first and first[0].lower() in words.light_verbs:
        return False  # the trigger is the verb phrase itself ("launching an attack")
    sentence = e["sentence"]
    at = trigger - (e.get("sentence_start") or 0)
    if first and _verb_form(first[0], sentence[:at], words):
        return False  # "protesters ... stormed", "accused X of attacking": a verb, not a noun
    governor = _governor_at(sentence[:at], words)
    if governor is None or _light_verb_before(sentence[:governor], words):
        return False  # "carried out a strike", "is staging a new round of exercises"
    end_of_trigger = at + len(text)
    markers = words.agent | (words.agent_of if e.get("type") in words.actor_of_types else frozenset())
    by = _agent_after(sentence[end_of_trigger:], markers, words)
    for start, end in spans:
        if governor <= start and end <= at:
            return False  # in its noun phrase
        if start - end_of_trigger in by:
            return False  # "an assault by Ruritania", "the withdrawal of Ruritanian troops"
    return True


def _fronted_setting(e: dict[str, Any], spans: list[tuple[int, int]], words: RoleWords) -> bool:
    """Every mention of the target stands in a prepositional phrase opening the sentence,
    before the trigger ("On state television, the president threatened ...", "In
    Ruritania, police arrested ..."): it sets the scene, it is not whom the act is done to
    (an active verb's object follows it; a passive's subject takes no preposition)."""
    trigger = e.get("trigger_start")
    opening = _TOKEN.match(e["sentence"].lstrip(" \"'“‘("))
    if trigger is None or not opening or opening.group().lower() not in words.object_prepositions:
        return False
    at = trigger - (e.get("sentence_start") or 0)
    start_of_phrase = len(e["sentence"]) - len(e["sentence"].lstrip(" \"'“‘("))
    return all(b <= at and _TOKEN.findall(e["sentence"][start_of_phrase:a])[:1] == [opening.group()]
               and "," not in e["sentence"][start_of_phrase:a] for a, b in spans)


def role_in_context(e: dict[str, Any], role: str, words: Optional[RoleWords] = None) -> Optional[str]:
    """Why the sentence does not let the event's ``role`` ("source" or "target") be that
    role, or None when it does (or when nothing locates its mentions)."""
    words = words or load_report_terms().roles
    name_words = (e.get(f"{role}_name") or "").split()
    if not name_words or not e.get("sentence"):
        return None
    if name_words[0].lower() in words.question_words:
        return "a question, not an actor"  # "it was not clear how many people were killed"
    spans = _spans(e, role)
    if not spans:
        return None
    sentence = e["sentence"]
    if all(_compound_modifier(sentence, b) for _, b in spans):
        return "named only in a compound adjective"
    trigger = (e["trigger_start"] - (e.get("sentence_start") or 0)) if e.get("trigger_start") is not None else None
    if all(_attributive(sentence, a, b, words, trigger) for a, b in spans):
        return "named only as a modifier of a noun"  # "the president's Ruritania policy"
    if role == "source":
        trigger_end = trigger + len(e.get("trigger") or "") if trigger is not None else 0
        if all(_after_preposition(sentence, a, words.object_prepositions, words)
               and not _acts_all_the_same(sentence, a, b, trigger, trigger_end, words) for a, b in spans):
            return "named only as an object"
        if _speaker_not_actor(e, spans, words):
            return "who says it"
        if _nearer_act(e, spans, words):
            return "the actor of another verb"
        if _not_the_nouns_actor(e, spans, words):
            return "not named as the actor of the noun"
    elif all(_after_preposition(sentence, a, words.place_prepositions, words) for a, _ in spans):
        return "named only as a place"
    elif _speaker_not_actor(e, spans, words, role):
        return "who says it"  # "X, whose army backs Y, said Y's forces took the town"
    elif all(_in_compound(sentence, a, b) or _after_preposition(sentence, a, words.place_prepositions, words)
             for a, b in spans):
        return "named only as a place"  # "strikes in Iraq and Syria on joint US-Iraq bases"
    elif _fronted_setting(e, spans, words):
        return "named only as the setting before the act"
    return None


def adjectival_trigger(e: dict[str, Any], words: Optional[RoleWords] = None) -> bool:
    """The trigger is the participle half of a hyphenated adjective before a noun ("its
    long-threatened incursion", "the Ruritanian-occupied valley"): it describes a thing,
    it reports no act of its own."""
    trigger, text = e.get("trigger_start"), e.get("trigger") or ""
    sentence = e.get("sentence") or ""
    if trigger is None or " " in text.strip() or not text.lower().endswith(("ed", "en")):
        return False
    at = trigger - (e.get("sentence_start") or 0)
    if at <= 0 or sentence[at - 1:at] != "-" or not sentence[at - 2:at - 1].isalnum():
        return False
    nxt = _TOKEN.match(sentence, at + len(text) + 1) if sentence[at + len(text):at + len(text) + 1] == " " else None
    words = words or load_report_terms().roles
    return bool(nxt) and nxt.group()[:1].islower() and nxt.group().lower() not in (
        words.object_prepositions | words.agent | words.coordinators)
