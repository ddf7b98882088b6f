"""Page furniture (photo captions and credits) and non-eventive readings of event words
(session 12, furniture13). Every sentence is invented for these tests; places and people
are made up (Borduria, Ruritania, Klow, Szohod)."""
from event_helpers import FILTER_TAIL, run, triggers

from sitrep.stages.event_readings import load_non_eventive, NON_EVENTIVE_KINDS


def events_in(doc, paragraph_start: str, paragraph_end: str):
    """The events with a trigger or mention between two paragraph openings."""
    text = doc.article.text
    a, b = text.index(paragraph_start), text.index(paragraph_end)
    return [e for e in doc.events if any(a <= m.span[0] < b for m in [e.trigger, *e.mentions])]


LEAD = "Borduria's foreign minister met his Ruritanian counterpart in Geneva on Monday to discuss the border.\n\n"
TAIL = ("\n\nThe talks lasted four hours and ended without a statement.\n\n"
        "A second round is planned for May, officials in Szohod said.")


# -- captions closed by a photo credit -----------------------------------------------------

def test_a_caption_closed_by_an_agency_credit_codes_no_event(kb):
    for caption in (
            "Ruritania's prime minister greets the Bordurian delegation at Zenda airport. REUTERS/Jane Okafor",
            "Bordurian troops patrol a street in Klow. (AP Photo/Tomas Brandt)",
            "The Ruritanian parliament debates the sanctions bill. (ZP Photo/Ana Kos)",
            "Police detain a protester outside the Bordurian embassy. AFP/Marek Novak"):
        doc = run(kb, LEAD + caption + TAIL)
        assert not events_in(doc, caption[:20], "The talks lasted"), (caption, triggers(doc))
        assert doc.article.meta["furniture"] == {"furniture": 1}, caption
        assert events_in(doc, "Borduria's foreign", caption[:20]), triggers(doc)  # the body is coded


def test_a_slash_in_prose_is_no_credit(kb):
    # lines without a full stop are longer than a heading, so only the credit rule could take them
    for sentence in ("Ruritania accused Borduria of blocking shipments of medicine against HIV/AIDS.",
                     "On Tuesday the health minister of Ruritania again accused Borduria of blocking the "
                     "shipments of medicine that the clinics of the border region need for patients with HIV/AIDS",
                     "On Tuesday the foreign minister of Ruritania accused Borduria of wrecking the long "
                     "planned and carefully prepared meeting of the two alliances, known here as the NATO/EU"):
        doc = run(kb, LEAD + sentence + TAIL)
        assert "ACCUSE" in [e.type for e in events_in(doc, sentence[:20], "The talks lasted")], triggers(doc)
        assert "furniture" not in doc.article.meta, sentence


# -- captions told in the present with a full date ----------------------------------------

def test_a_present_tense_line_with_a_full_past_date_is_a_caption(kb):
    for caption in (
            "Ruritania's prime minister greets the Bordurian delegation in Zenda, Ruritania, March 3, 2024.",
            "Bordurian soldiers attack a checkpoint near Klow on February 28, 2024.",
            "The Ruritanian foreign minister is seen at a news conference in Szohod, Friday, March 8, 2024.",
            "Protesters march toward the Bordurian embassy in Zenda on March 1, 2024."):
        doc = run(kb, LEAD + caption + TAIL)
        assert not events_in(doc, caption[:20], "The talks lasted"), (caption, triggers(doc))
        assert doc.article.meta["furniture"] == {"dated_caption": 1}, caption


def test_a_past_or_scheduled_dated_sentence_is_prose(kb):
    for sentence, kind in (
            ("Bordurian soldiers fired artillery at Ruritanian positions near Klow on February 28, 2024.", "ASSAULT"),
            ("The new Bordurian tariffs on Ruritanian steel take effect on April 2, 2024.", "SANCTION"),
            ("\"Borduria attacks our villages every night,\" the Ruritanian president said on March 3, 2024.",
             "ASSAULT")):
        doc = run(kb, LEAD + sentence + TAIL)
        assert kind in [e.type for e in events_in(doc, sentence[:20], "The talks lasted")], (sentence, triggers(doc))
        assert "dated_caption" not in doc.article.meta.get("furniture", {}), sentence


def test_a_present_report_or_a_measure_with_its_effective_day_is_prose(kb):
    for sentence, kind in (
            ("The Bordurian rebels claim they shelled a Ruritanian depot near Klow on March 2, 2024.", "ASSAULT"),
            ("The Ruritanian army says its jets bombed rebel bases on March 4, 2024.", "ASSAULT"),
            ("Borduria bans all Ruritanian imports, effective March 1, 2024.", "SANCTION")):
        doc = run(kb, LEAD + sentence + TAIL)
        assert kind in [e.type for e in events_in(doc, sentence[:20], "The talks lasted")], (sentence, triggers(doc))
        assert "dated_caption" not in doc.article.meta.get("furniture", {}), sentence


# -- non-eventive readings -----------------------------------------------------------------

def test_the_data_file_has_every_kind():
    cues = load_non_eventive()
    assert set(cues) == set(NON_EVENTIVE_KINDS)
    assert "as opposed to" in cues["fixed_expression"]


def test_a_predicative_participle_is_a_state_not_an_act(kb):
    for sentence, word in (("The Finnish premier said he is not opposed to new talks with Sweden.", "opposed"),
                           ("What is striking about the Danish reply is its length.", "striking"),
                           ("What seemed threatening to the Swedish negotiators was the Norwegian deadline.",
                            "threatening")):
        doc = run(kb, sentence + FILTER_TAIL)
        assert word not in [e.trigger.text for e in doc.events], (sentence, triggers(doc))
        assert doc.article.meta["non_eventive"][0]["reason"] == "predicative participle", sentence


def test_a_passive_or_an_object_free_relative_stays_an_act(kb):
    for sentence in ("The Ruritanian convoy was attacked by Bordurian rebels near Klow on Monday.",
                     "What the Bordurian rebels attacked on Monday was a Ruritanian convoy."):
        doc = run(kb, sentence + FILTER_TAIL)
        assert "ASSAULT" in [e.type for e in doc.events], (sentence, triggers(doc))


def test_a_participle_governing_a_clause_is_a_commitment(kb):
    doc = run(kb, "The Bordurian president told reporters he was committed to work with Ruritania on the border."
              + FILTER_TAIL)
    assert "AGREE" in [e.type for e in doc.events], triggers(doc)


def test_as_opposed_to_links_two_phrases(kb):
    doc = run(kb, "Norway's coast guard escorted the Swedish trawlers home, as opposed to boarding them." + FILTER_TAIL)
    assert "REJECT" not in [e.type for e in doc.events], triggers(doc)
    doc = run(kb, "Norway opposed the Swedish fishing quotas at the summit on Monday." + FILTER_TAIL)
    assert "REJECT" in [e.type for e in doc.events], triggers(doc)


def test_the_injured_named_without_a_doer_are_a_state(kb):
    for sentence in ("The charity helped Ruritanians wounded and displaced by the war.",
                     "The aid group cares for Bordurian villagers injured by shelling.",
                     "Clinics in Klow treat Ruritanian children hurt in the floods."):
        doc = run(kb, sentence + FILTER_TAIL)
        assert not [e for e in doc.events if e.trigger.text in ("wounded", "injured", "hurt")], (sentence, triggers(doc))


def test_the_injured_with_a_named_doer_or_a_finite_verb_stay(kb):
    for sentence in ("Ruritanian protesters wounded by Bordurian police were taken to hospital on Monday.",
                     "Bordurian police wounded three Ruritanian protesters on Monday.",
                     "Two Ruritanian soldiers were injured by Bordurian shelling on Monday."):
        doc = run(kb, sentence + FILTER_TAIL)
        assert "ASSAULT" in [e.type for e in doc.events], (sentence, triggers(doc))


def test_a_count_of_unnamed_voters_is_a_tally(kb):
    for sentence in ("In the upper house, 31 lawmakers backed the Swedish amendment.",
                     "Twenty-two delegations rejected the Norwegian draft on fishing quotas.",
                     "Nine of the fifteen members supported the Swedish draft in the end."):
        doc = run(kb, sentence + FILTER_TAIL)
        assert not [e for e in doc.events if e.type in ("SUPPORT", "REJECT")], (sentence, triggers(doc))
        assert doc.article.meta["non_eventive"][0]["reason"] == "vote tally", sentence


def test_named_or_uncounted_voters_stay(kb):
    for sentence in ("He spoke to the Swedish and Danish prime ministers, and the two leaders offered their "
                     "support for Norway.",
                     "Borduria did not support Ruritania's bid for a seat on the council.",
                     "Two NATO members backed Ruritania's bid for a seat on the council."):
        doc = run(kb, sentence + FILTER_TAIL)
        assert [e for e in doc.events if e.type in ("SUPPORT", "REJECT")], (sentence, triggers(doc))


# -- an order to diplomats to leave is an expulsion ---------------------------------------

def test_an_order_to_diplomats_to_leave_is_an_expulsion(kb):
    for sentence in ("The Norwegian foreign ministry ordered four Swedish diplomats to leave within 48 hours.",
                     "Sweden asked the Norwegian ambassador to leave the country by Friday.",
                     "Denmark has ordered two Russian envoys to depart, the ministry said."):
        doc = run(kb, sentence + FILTER_TAIL)
        assert "SANCTION" in [e.type for e in doc.events], (sentence, triggers(doc))
        assert "REQUEST" not in [e.type for e in doc.events], (sentence, triggers(doc))


def test_an_order_to_troops_or_citizens_is_no_expulsion(kb):
    doc = run(kb, "The Norwegian government ordered its citizens to leave Sweden by Friday." + FILTER_TAIL)
    assert "SANCTION" not in [e.type for e in doc.events], triggers(doc)


# -- one happening restated in other words ---------------------------------------------------

def _of(doc, type_):
    return [e for e in doc.events if e.type == type_]


def test_a_demand_restated_with_the_same_content_is_one_happening(kb):
    texts = ("Sweden's foreign ministry demanded the return of the seized trawler on Monday. "
             "A communique from Stockholm later urged Oslo to return the trawler within a week.",
             "Denmark demanded that Sweden hand over the suspect. Copenhagen asked Stockholm to hand "
             "him over quickly, a Danish spokesman said.")
    for text in texts:
        doc = run(kb, text + FILTER_TAIL)
        requests = _of(doc, "REQUEST")
        assert len(requests) == 1 and len(requests[0].mentions) == 2, (text, triggers(doc))


def test_a_refusal_restated_with_a_pronoun_pointing_back_is_one_happening(kb):
    for text in ("Finland still refuses to sign the Swedish border treaty. Talks stalled in May. "
                 "Helsinki has not yet agreed to sign it, Finnish officials said on Tuesday.",
                 "Norway wants a new gas pipeline to Sweden. Sweden still refuses to allow it to proceed. "
                 "Stockholm has not yet agreed to allow the pipeline, Swedish officials said."):
        doc = run(kb, text + FILTER_TAIL)
        rejects = _of(doc, "REJECT")
        assert len(rejects) == 1 and len(rejects[0].mentions) == 2, (text, triggers(doc))


def test_two_demands_with_other_contents_or_an_additive_mark_stay_two(kb):
    for text in ("The Norwegian prime minister called on Sweden to free the detained fishermen. "
                 "Later she urged Sweden to reopen the border crossing at Svinesund.",
                 "Norway called on Sweden to halt its patrols near the border. Oslo also urged Stockholm "
                 "to halt the purchase of Russian radars.",
                 "Finland urged Sweden to release the detained Finnish journalists. Helsinki then called on "
                 "Stockholm to release the jailed Finnish lawyers.",
                 "Norway's defence minister refuses to approve the sale of frigates to Sweden. "
                 "Norway's foreign minister refuses to approve the sale of fishing rights to Denmark."):
        doc = run(kb, text + FILTER_TAIL)
        assert len([e for e in doc.events if e.type in ("REQUEST", "REJECT")]) == 2, (text, triggers(doc))
