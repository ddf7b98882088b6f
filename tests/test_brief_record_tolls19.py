"""The toll of a record is no incident's figure (tolls.tsv, session 19): the dead a person
or force is blamed for over many acts ("responsible for the deaths of hundreds", "has
killed thousands over an extended period", "over the years") is an accusation's tally,
the same class as a war's running total -- it neither shows under an act nor ranks it.
A toll of one act in the same words ("killed 20 people on Monday") stays."""
import pytest

from sitrep.knowledge.report_terms import load_report_terms
from sitrep.report.figures import incident_figures


def _figures(sentence, number, value):
    terms = load_report_terms()
    at = sentence.index(number)
    mention = {"certainty": "asserted", "sentence": sentence, "sentence_start": 0, "article_id": "t1",
               "quad_class": "material conflict", "independent_key": "Wire", "outlet": "Wire",
               "event_date": None, "figures": []}
    quantities = {("t1", 0): [{"start_char": at, "end_char": at + len(number), "value": value, "unit": None,
                               "counted": "people", "article_id": "t1"}]}
    return [f.kind for f in incident_figures([mention], "An attack", quantities, terms)]


@pytest.mark.parametrize("sentence,number,value", [
    ("The minister said the rebel commander was responsible for the deaths of 300 villagers.", "300 villagers",
     300),
    ("Officials called the drone strike justified because the colonel had killed 40 soldiers over an extended "
     "period of time.", "40 soldiers", 40),
    ("Over the years the militia killed 150 people in raids along the northern border.", "150 people", 150),
    ("The general, who was killed in the raid on Tuesday, was held responsible for the death of 90 police "
     "officers.", "90 police officers", 90),
])
def test_a_record_toll_is_no_figure_of_the_act_in_its_sentence(sentence, number, value):
    assert load_report_terms().running_toll(sentence)
    assert _figures(sentence, number, value) == []


def test_near_miss_one_acts_toll_stays():
    sentence = "A car bomb killed 20 people at a checkpoint near the river on Monday."
    assert not load_report_terms().running_toll(sentence)
    assert _figures(sentence, "20 people", 20) == ["killed"]
    # "years" alone is no record: a toll of one act in a year named by its number stays
    sentence = "The flood of the year killed 12 people in the valley, officials said."
    assert not load_report_terms().running_toll(sentence)
    assert _figures(sentence, "12 people", 12) == ["killed"]
