"""'What does each side want?' files a quote under a side only when its speaker speaks for
it (issue 8, session 12): a news agency, a rights group, an international body or a firm
named as the speaker of a quote is a third party, even when the quote's speaker carries
its home country -- "The AP reports that the flights are meant to ..." is no word of the
United States on what another side wants."""
from sitrep.knowledge.report_terms import load_report_terms
from sitrep.report.sides import SideIndex, _file_quote, side_of

US = side_of("United States", "USA", "GOV")
VEN = side_of("Venezuela", "VEN", "GOV")
INDEX = SideIndex([
    {"name": "Associated Press", "country": "USA", "sector": "MED", "n": 4},
    {"name": "Amnesty International", "country": "GBR", "sector": "NGO", "n": 2},
    {"name": "Chevron", "country": "USA", "sector": "BUS", "n": 3},
    {"name": "Mike Pompeo", "country": "USA", "sector": "GOV", "n": 9},
])


def _quote(speaker, country, text):
    return {"speaker_name": speaker, "speaker_country": country, "text": text}


def test_an_agency_report_is_not_filed_as_what_its_country_says_the_other_side_wants():
    q = _quote("Associated Press", "USA",
               "Venezuela wants to move its gold reserves out of the central bank vaults before the vote.")
    assert INDEX.of_name("Associated Press", "USA").key == "actor:Associated Press"
    assert _file_quote(q, VEN, US, INDEX, load_report_terms()) is None


def test_a_firm_or_rights_group_of_the_country_speaks_for_itself():
    assert INDEX.of_name("Chevron", "USA").key == "actor:Chevron"
    assert INDEX.of_name("Amnesty International").key == "actor:Amnesty International"
    terms = load_report_terms()
    q = _quote("Chevron", "USA", "Venezuela seeks to seize the refinery and hand it to a state company.")
    assert _file_quote(q, VEN, US, INDEX, terms) is None


def test_a_government_speaker_still_speaks_for_its_side():
    """Near miss: the secretary of state is the United States."""
    assert INDEX.of_name("Mike Pompeo", "USA").key == "USA"
    q = _quote("Mike Pompeo", "USA", "Venezuela wants to move its gold reserves out of the central bank vaults "
                                     "before the vote.")
    assert _file_quote(q, VEN, US, INDEX, load_report_terms()) == "other_says"


def test_an_unknown_name_keeps_the_country_it_is_given():
    """Near miss: a speaker the period's actors do not know keeps the quote's country."""
    assert INDEX.of_name("Rep. Ann Doe", "USA").key == "USA"
