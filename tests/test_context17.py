"""Certainty of a party's own account (docs/annotation.md 10, decided in session 16).

A party that tells of its own act with a plain saying verb ("said") only claims it; a verb
of announcing ("announced", "declared", "confirmed") makes the act public, done or to
come (asserted); and when another mention tells the act in the outlet's own voice (outside
quotation marks) or the other side takes it as given, the article vouches for it
(asserted). Invented sentences only.
"""
import pytest

from sitrep import pipeline
from sitrep.model import Article


def run(kb, text):
    return pipeline.process(Article(id="c17", text=text, published="2025-11-20"), kb)


def event(doc, type_):
    found = [e for e in doc.events if e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


# -- a verb of announcing makes the party's own done act public -------------------------

@pytest.mark.parametrize("text, type_", [
    ("The defence ministry of Ruritania announced that its aircraft had destroyed three radar "
     "sites near the border.", "ASSAULT"),
    ("The Ruritanian army declared on Friday that it had withdrawn its last brigade from the "
     "Osla valley.", "RETREAT"),
    ("The interior ministry of Ruritania confirmed it had arrested forty opposition activists "
     "overnight.", "COERCE"),
])
def test_announced_own_past_act_is_asserted(kb, text, type_):
    c = event(run(kb, text), type_).certainty
    assert c.status == "asserted"
    assert c.attributed_to is None


# -- a party's own account alone stays claimed (the near miss of both rules) --------------

@pytest.mark.parametrize("text, type_", [
    ("The defence ministry of Ruritania said its aircraft had destroyed three radar sites near "
     "the border.", "ASSAULT"),
    ("The interior ministry of Ruritania said it had arrested forty opposition activists "
     "overnight.", "COERCE"),
])
def test_plain_saying_verb_keeps_own_account_claimed(kb, text, type_):
    """A party's account of its own act with a plain saying verb and no other mention."""
    c = event(run(kb, text), type_).certainty
    assert c.status == "claimed"
    assert c.attributed_to is not None and "ministry" in c.attributed_to.text


# -- a mention in the outlet's own voice vouches for a party's account ---------------------

@pytest.mark.parametrize("text, type_", [
    # the outlet dates the strikes itself in the next sentence
    ("The Turkish defence ministry said its jets struck Kurdish militant positions in northern "
     "Iraq on Tuesday. The strikes came a day after an attack on a border post.", "ASSAULT"),
    # the other side takes the seizure as given
    ("Iran's navy said it had seized a British tanker in the Strait of Hormuz. London protested "
     "the seizure.", "COERCE"),
    # a third party condemns the arrests as done
    ("The Kenyan police said they had arrested twelve protesters in Nairobi. Rights groups "
     "condemned the arrests.", "COERCE"),
])
def test_outlet_voice_mention_makes_claim_asserted(kb, text, type_):
    c = event(run(kb, text), type_).certainty
    assert c.status == "asserted"
    assert c.attributed_to is None


@pytest.mark.parametrize("text, type_, status", [
    # every mention stays on the party's word
    ("The Turkish defence ministry said its jets struck Kurdish militant positions in northern "
     "Iraq on Tuesday. The strikes destroyed shelters and ammunition depots, according to the "
     "ministry.", "ASSAULT", "claimed"),
    # the later mention is the party's own word in quotation marks, not the outlet's voice
    ("The Turkish defence ministry said its jets struck Kurdish militant positions in northern "
     "Iraq on Tuesday. \"The strikes destroyed their shelters and depots,\" the defence minister "
     "told reporters.", "ASSAULT", "claimed"),
    # a claim the other side denies is not vouched for
    ("The rebels said they had shot down a government helicopter near Idlib, a claim the army "
     "denied.", "ASSAULT", "claimed"),
])
def test_no_outlet_voice_mention_keeps_the_claim(kb, text, type_, status):
    assert event(run(kb, text), type_).certainty.status == status


def test_report_by_third_party_is_not_vouched_by_a_later_mention(kb):
    """A news agency's report is where the outlet has the fact from: a later bare mention
    rests on it and the event stays reported."""
    doc = run(kb, "Reuters reported that Ruritanian rebels shelled the airport of Osla on Sunday. "
                  "The shelling closed the runway for a day.")
    assert event(doc, "ASSAULT").certainty.status == "reported"


# -- a later mention vouches only when it tells the act as fact (review 00:44) ------------

@pytest.mark.parametrize("text, type_", [
    # the outlet says it could not check the act
    ("Ruritania's defence ministry said its jets struck rebel positions near Osla on Tuesday. "
     "Borduria could not confirm the strikes.", "ASSAULT"),
    ("The Ruritanian army said it had arrested twelve suspects in Osla on Sunday. It was not "
     "possible to independently verify the arrests.", "COERCE"),
    # the party's own words go on, without quotation marks
    ("Ruritania's defence ministry said its jets struck rebel positions near Osla on Tuesday. "
     "The strikes killed at least twenty fighters, the ministry added.", "ASSAULT"),
])
def test_unchecked_or_reported_mention_does_not_vouch(kb, text, type_):
    assert event(run(kb, text), type_).certainty.status == "claimed"


def test_outlet_voice_mention_still_vouches(kb):
    # near miss of the above: the second mention is the outlet's own fact
    text = ("Ruritania said it had seized a Bordurian tanker off Osla on Friday. The seizure came "
            "days after Borduria detained a Ruritanian ship.")
    assert event(run(kb, text), "COERCE").certainty.status == "asserted"
