"""Two articles' statements of different types are one statement only when their own
clauses say much the same (linker 16): sentences about one session, meeting or crisis
share its names and setting whatever each speaker said in it, so that shared setting is
no evidence that the successor's promise is the outgoing leader's endorsement. One call
that two outlets code as two types ("urged" / "promised" the same rally) still joins,
and so do two reports of one type. Invented sentences, real stores, the real
linker."""
import pytest

from sitrep.corpus.incidents import STATEMENT_TEXT, similarity, text_features, trigger_clause
from test_incidents_statements import groups, statement

CONGRESS = "At the close of the two-day party congress in Ostrava on Monday, where delegates elected a new board, "
COUNCIL = ("During the emergency session of the regional council in Kessel on Tuesday, which lasted until "
           "midnight, ")
TALKS = ("When the border talks in the old customs house of Lanz ended on Friday without a joint statement "
         "after three days, ")

APART = [
    (CONGRESS + "Anna Berg endorsed her deputy as successor.", "SUPPORT", "endorsed", "Anna Berg",
     CONGRESS + "Tomas Holm promised to defend the pension reform.", "AGREE", "promised", "Tomas Holm"),
    (COUNCIL + "Paul Graf accused the mining firm of poisoning wells.", "ACCUSE", "accused", "Paul Graf",
     COUNCIL + "Lena Wolf demanded new school buses for the valley.", "REQUEST", "demanded", "Lena Wolf"),
    (TALKS + "Karl Roth threatened to close the crossing to trucks.", "THREATEN", "threatened", "Karl Roth",
     TALKS + "Ivo Petrov offered to reopen the rail line for freight.", "AGREE", "offered", "Ivo Petrov"),
]


def _clause(sentence, trigger):
    at = sentence.index(trigger)
    return text_features(sentence, trigger_clause(sentence, at, at + len(trigger)))


@pytest.mark.parametrize("first,first_type,first_trigger,first_speaker,second,second_type,second_trigger,"
                         "second_speaker", APART)
def test_two_speakers_statements_in_one_setting_stay_apart(tmp_path, first, first_type, first_trigger,
                                                           first_speaker, second, second_type, second_trigger,
                                                           second_speaker):
    # the shared setting alone is as much text as one quote reported twice ...
    assert similarity(text_features(first), text_features(second)) >= STATEMENT_TEXT
    # ... while what each speaker said has nothing in common
    assert similarity(_clause(first, first_trigger), _clause(second, second_trigger)) == 0
    docs = [statement("a", "Wire A", first, first_type, first_trigger, first_speaker),
            statement("b", "Wire B", second, second_type, second_trigger, second_speaker)]
    assert groups(tmp_path, docs) == [["a"], ["b"]]


def test_one_call_coded_as_two_types_by_two_outlets_still_joins(tmp_path):
    """Near miss: "urged her members to flood the square" (REQUEST) and "promised that her
    members would flood the square" (AGREE) are one statement: their clauses say the same."""
    first = "Union chief Petra Novak urged her members to flood the main square of Ostrava for a general strike."
    second = ("Union chief Petra Novak promised that her members would flood the main square of Ostrava for a "
              "general strike.")
    docs = [statement("a", "Wire A", first, "REQUEST", "urged", "Petra Novak"),
            statement("b", "Wire B", second, "AGREE", "promised", "Petra Novak")]
    assert groups(tmp_path, docs) == [["a", "b"]]


def test_two_reports_of_one_type_still_join_on_the_shared_setting(tmp_path):
    """Near miss: the same type needs no clause evidence (linker 15 as before)."""
    first = CONGRESS + "Anna Berg endorsed her deputy as successor."
    second = CONGRESS + "Anna Berg backed her deputy to succeed her."
    docs = [statement("a", "Wire A", first, "SUPPORT", "endorsed", "Anna Berg"),
            statement("b", "Wire B", second, "SUPPORT", "backed", "Anna Berg")]
    assert groups(tmp_path, docs) == [["a", "b"]]
