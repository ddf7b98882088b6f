"""Linking reads the words around each trigger (issue 8, session 11): one sentence may report
two happenings, so its text alone cannot tell which of them another outlet's report is.
The trigger offsets live in incident_keys (store migration 11); a store made by the schema
before them upgrades and re-links."""
import duckdb
from test_incidents import add, groups, store_docs

from corpus_helpers import make_doc
from sitrep.corpus.incidents import _KEY_SQL, rebuild_incidents, separate_clauses, trigger_clause, update_incidents
from sitrep.corpus.migrations import MIGRATIONS
from sitrep.corpus.store import Store
from sitrep.model import TextSpan

#: the migration that keeps the trigger offsets in incident_keys
TRIGGER_MIGRATION = next(v for v, description, _ in MIGRATIONS
                         if description.startswith("incident_keys.trigger_start"))

TWO_CALLS = ("The port union's chief announced a walkout at the container berths for Friday, hours before she "
             "told the dockers to blockade the grain terminal.")
ONE_REPLY = "The ministry called the ruling a crude fabrication and demanded respect for national sovereignty."


def _clause(sentence, word):
    at = sentence.index(word)
    lo, hi = trigger_clause(sentence, at, at + len(word))
    return sentence[lo:hi]


def _span(sentence, word):
    at = sentence.index(word)
    return at, at + len(word)


def test_a_trigger_clause_stops_where_another_happening_begins():
    assert _clause(TWO_CALLS, "announced") == ("The port union's chief announced a walkout at the container "
                                               "berths for Friday")
    assert _clause(TWO_CALLS, "told") == "she told the dockers to blockade the grain terminal"


def test_a_trigger_clause_keeps_what_happened_at_the_same_time():
    sentence = "Nine porters were killed when a landslide buried the road to the pass."
    assert _clause(sentence, "killed") == sentence[:-1]


def test_a_trigger_clause_is_at_most_ten_words_each_side():
    sentence = "one two three four five six seven eight nine ten eleven struck a b c d e f g h i j k l"
    assert _clause(sentence, "struck") == ("two three four five six seven eight nine ten eleven struck "
                                           "a b c d e f g h i j")


def test_a_trigger_outside_its_sentence_gives_no_clause():
    """Offsets that miss the sentence (a key written before the offsets were kept, a
    sentence cut differently) leave the whole sentence as the evidence."""
    assert trigger_clause(ONE_REPLY, 500, 507) is None
    assert trigger_clause("", 0, 3) is None


def test_a_time_clause_separates_two_triggers_and_coordination_does_not():
    assert separate_clauses(TWO_CALLS, _span(TWO_CALLS, "announced"), _span(TWO_CALLS, "told"))
    assert not separate_clauses(ONE_REPLY, _span(ONE_REPLY, "called"), _span(ONE_REPLY, "demanded"))


def test_a_word_of_time_separates_only_when_a_clause_follows_it():
    """'since' before a month is a preposition: the detention is part of the demand's
    sentence, no happening of its own clause; 'after' before a name opens one."""
    demand = "The council demanded the release of the mayor, jailed since March without trial."
    assert not separate_clauses(demand, _span(demand, "demanded"), _span(demand, "jailed"))
    vow = "The premier vowed calm on Sunday, two days after Ortiz called for a general strike."
    assert separate_clauses(vow, _span(vow, "vowed"), _span(vow, "called"))


def _call(aid, sentence, *words):
    return make_doc(aid, [sentence], outlet=f"Wire {aid}", published="2025-12-10",
                    events=[(0, "REQUEST", w, "VEN", None, None, "2025-12-09") for w in words])


def test_two_calls_told_in_one_sentence_join_the_reports_of_each(tmp_path):
    """The sentence tells a walkout announced and, hours later, a call to blockade a terminal:
    each joins the other outlet that reports it, not both (the whole sentence fits both
    outlets' reports alike; its trigger clauses tell them apart)."""
    store = store_docs(tmp_path, [
        _call("a", TWO_CALLS, "announced", "told"),
        _call("b", "Dockers were told by the union chief to blockade the grain terminal until the wage deal is "
                   "signed.", "told"),
        _call("c", "A walkout at the container berths on Friday was announced by the port union's chief.",
              "announced")])
    rows = store.rows("SELECT event_id, incident_id FROM incident_mentions")
    incident = {r["event_id"]: r["incident_id"] for r in rows}
    assert incident["a#e0"] == incident["c#e0"] != incident["a#e1"] == incident["b#e0"]
    store.close()


def test_a_statement_told_in_coordinated_clauses_is_one_incident(tmp_path):
    store = store_docs(tmp_path, [make_doc("a", [ONE_REPLY], published="2025-12-10", events=[
        (0, "ACCUSE", "called", "VEN", "USA", None, "2025-12-09"),
        (0, "REQUEST", "demanded", "VEN", "USA", None, "2025-12-09")])])
    assert groups(store) == [["a", "a"]]
    store.close()


def test_the_keys_hold_each_trigger_within_its_sentences(tmp_path):
    first = "Gunmen stormed a checkpoint outside the river port at dawn."
    second = "The raid on the checkpoint left four guards wounded."
    doc = make_doc("a", [first, second], published="2025-12-10",
                   events=[(0, "ASSAULT", "stormed", None, None, None, "2025-12-09")])
    raid = len(first) + 1 + second.index("raid")
    doc.events[0].mentions = [doc.events[0].trigger, TextSpan((raid, raid + 4), "raid")]
    store = store_docs(tmp_path, [doc])
    key = store.rows("SELECT trigger_start, trigger_end, sentence_start, more_sentences, more_triggers "
                     "FROM incident_keys")[0]
    assert first[key["trigger_start"] - key["sentence_start"]:key["trigger_end"] - key["sentence_start"]] == "stormed"
    start, end = map(int, key["more_triggers"].split())
    assert key["more_sentences"] == second and second[start:end] == "raid"
    store.close()


def _old_store(path, docs, tmp_path):
    """A store as the schema before TRIGGER_MIGRATION made it: its tables created by those
    migrations' statements, its rows those of the same documents stored and linked."""
    fresh = store_docs(tmp_path, docs, name="fresh.duckdb")
    fresh.close()
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    for version, description, statements in MIGRATIONS:
        if version >= TRIGGER_MIGRATION:
            break
        for sql in statements:
            con.execute(sql)
        con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [version, description])
    con.execute(f"ATTACH '{tmp_path / 'fresh.duckdb'}' AS fresh (READ_ONLY)")
    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = "
                                        "current_database() AND table_name <> 'schema_version'").fetchall()]
    for table in tables:
        columns = ", ".join(r[0] for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND table_name = ?",
            [table]).fetchall())
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM fresh.{table}")
    con.execute("UPDATE incidents SET linker = '11'")  # linked by the linker before the offsets
    con.execute("DETACH fresh")
    con.close()


def test_a_store_of_the_schema_before_trigger_offsets_upgrades_and_relinks(tmp_path):
    docs = [_call("a", TWO_CALLS, "announced", "told"),
            _call("c", "A walkout at the container berths on Friday was announced by the port union's chief.",
                  "announced")]
    path = tmp_path / "old.duckdb"
    _old_store(path, docs, tmp_path)
    con = duckdb.connect(str(path))
    assert "trigger_start" not in {r[0] for r in con.execute("DESCRIBE incident_keys").fetchall()}
    con.close()

    store = Store(path)
    assert store.schema_version() >= TRIGGER_MIGRATION
    written = store.con.execute(f"DESCRIBE {_KEY_SQL.replace('{where}', 'WHERE false')}").fetchall()
    assert sorted((r[0], r[1]) for r in written) == sorted(
        (r[0], r[1]) for r in store.con.execute("DESCRIBE incident_keys").fetchall())
    add(store, [_call("b", "Dockers were told by the union chief to blockade the grain terminal.", "told")])
    update_incidents(store)
    assert store.con.execute("SELECT count(*) FROM incident_keys WHERE trigger_start IS NOT NULL").fetchone()[0] == 4
    incident = {r["event_id"]: r["incident_id"]
                for r in store.rows("SELECT event_id, incident_id FROM incident_mentions")}
    assert incident["a#e0"] == incident["c#e0"] != incident["a#e1"] == incident["b#e0"]
    store.close()


def test_linking_again_leaves_the_keys_as_they_were(tmp_path):
    store = store_docs(tmp_path, [_call("a", TWO_CALLS, "announced", "told")])
    keys = "SELECT * FROM incident_keys ORDER BY event_id"
    before = store.con.execute(keys).fetchall()
    links = store.con.execute("SELECT event_id, incident_id FROM incident_mentions ORDER BY 1").fetchall()
    update_incidents(store)
    rebuild_incidents(store)
    assert store.con.execute(keys).fetchall() == before and len(before) == 2
    assert store.con.execute("SELECT event_id, incident_id FROM incident_mentions ORDER BY 1").fetchall() == links
    store.close()
