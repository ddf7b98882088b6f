"""Session 16 (recall17): requests and stances an analyst codes that sitrep dropped.

- Seeking a thing only another party can grant is asking that party for it: REQUEST
  (CAMEO 02x, the appeals the CAMEO verb dictionary codes for "seek": permission,
  approval, commitments, assurances, talks, extradition, compensation ...). Seeking an
  office, a term, revenge or credit for a deal asks nobody for anything; a firm's or an
  unplaced person's request is its own business (the ``sectored`` flag).
- The party asked is the request's target: the from-phrase of the verb or of the thing,
  or the thing's with-phrase ("talks with the government"), else the possessor or the of-phrase of a thing only another party grants ("sought
  Congress' backing", "the approval of the council"), before whatever the thing is wanted
  for ("... for strikes on Syria"). The possessor of an act done to someone ("his
  extradition") is who undergoes it, not who is asked.

Every text is made up for these tests."""
from sitrep import pipeline
from sitrep.model import Article


def _events(kb, text, published="2024-05-22"):
    return pipeline.process(Article(id="r", text=text, published=published), kb).events


def _of_type(events, etype):
    return [(e.trigger.text, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.type == etype]


# ------------------------------------------------------------ seeking a granted thing

def test_seeking_assurances_from_a_state_is_a_request_of_that_state(kb):
    events = _events(kb, "The Kenyan president sought assurances from Washington that the grain "
                         "shipments would continue through the winter.")
    assert _of_type(events, "REQUEST") == [("sought assurances", "KEN", "USA")]


def test_seeking_talks_with_a_neighbour_is_a_request(kb):
    events = _events(kb, "Ethiopia is seeking talks with Egypt over the filling of the new dam on the Blue Nile.")
    assert _of_type(events, "REQUEST") == [("seeking talks", "ETH", "EGY")]


def test_seeking_clarification_from_an_envoy_is_a_request(kb):
    events = _events(kb, "Nigeria sought clarification from the British envoy about the new visa rules "
                         "for students, the foreign ministry in Abuja said.")
    assert [(t, s, g) for t, s, g in _of_type(events, "REQUEST")] == [("sought clarification", "NGA", "GBR")]


def test_seeking_re_election_is_no_request(kb):
    events = _events(kb, "The Chilean senator is seeking re-election in November after two terms in Santiago.")
    assert _of_type(events, "REQUEST") == []


def test_a_company_seeking_approval_is_no_request(kb):
    events = _events(kb, "The mining company sought approval from regulators for the merger with its rival.")
    assert _of_type(events, "REQUEST") == []


def test_a_named_firm_seeking_approval_is_no_request(kb):
    events = _events(kb, "Nokia sought approval from regulators in Brussels for its new handset.")
    assert _of_type(events, "REQUEST") == []


def test_seeking_credit_for_a_deal_is_no_request(kb):
    events = _events(kb, "The Kenyan president sought credit for the peace deal between Ethiopia and Eritrea.")
    assert _of_type(events, "REQUEST") == []


def test_the_counterpart_of_sought_talks_is_the_party_asked(kb):
    events = _events(kb, "The rebels in northern Mali sought talks with the government in Bamako.")
    requests = [e for e in events if e.type == "REQUEST"]
    assert [r.trigger.text for r in requests] == ["sought talks"]
    assert requests[0].target is not None and requests[0].target.text != "rebels"


# ------------------------------------------------------------ who is asked

def test_the_of_phrase_of_an_approval_is_the_party_asked(kb):
    events = _events(kb, "The French president said on Monday that he would seek the approval of the "
                         "National Assembly for air strikes on Mali.")
    requests = [e for e in events if e.type == "REQUEST"]
    assert len(requests) == 1
    assert requests[0].target is not None and "National Assembly" in requests[0].target.text


def test_the_possessor_of_a_backing_is_the_party_asked(kb):
    events = _events(kb, "Germany will seek NATO's backing for a naval mission against the pirates, "
                         "the German defence minister said.")
    requests = [e for e in events if e.type == "REQUEST"]
    assert [r.trigger.text for r in requests] == ["seek NATO's backing"]
    assert requests[0].target is not None and requests[0].target.text == "NATO"


def test_the_possessor_of_an_extradition_is_not_the_party_asked(kb):
    events = _events(kb, "Sweden will seek his extradition from Britain, Swedish prosecutors said on Monday.")
    assert _of_type(events, "REQUEST") == [("seek his extradition", "SWE", "GBR")]
