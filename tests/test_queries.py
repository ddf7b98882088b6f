"""The typed rows of sitrep.corpus.rows name the columns of the queries that fill them,
in order, so a column added to a query (or a table) cannot shift the fields silently."""
from dataclasses import fields

import pytest

from sitrep.corpus import queries
from sitrep.corpus.rows import ArticleRow, EventRow, IncidentRow, MentionRow, SkipRow
from sitrep.corpus.store import Store

QUERIES = [
    (EventRow, lambda: queries.events_sql()),
    (IncidentRow, lambda: queries.incidents_sql()),
    (MentionRow, lambda: queries.mentions_sql(["none"])),
    (SkipRow, lambda: queries.skipped_sql()),
    (ArticleRow, lambda: queries.articles_sql()),
]


@pytest.mark.parametrize("row, query", QUERIES, ids=[q[0].__name__ for q in QUERIES])
def test_row_fields_are_the_query_columns(tmp_path, row, query):
    with Store(tmp_path / "empty.duckdb") as store:
        columns = [d[0] for d in store.con.execute(*query()).description]
    names = [f.name for f in fields(row) if f.name != "mentions"]
    assert names == columns


def test_every_user_facing_incident_column_is_in_the_rows(tmp_path):
    """Columns only incident linking needs (its bookkeeping) are the only ones left out."""
    bookkeeping = {"link_from", "linker"}
    with Store(tmp_path / "empty.duckdb") as store:
        table = {r[0] for r in store.con.execute("SELECT column_name FROM information_schema.columns "
                                                 "WHERE table_name = 'incidents'").fetchall()}
    assert table - bookkeeping == set(queries.INCIDENT_COLUMNS)


def test_about_and_actor_filters_take_percent_and_underscore_literally():
    """'--about 50%' is the characters 5, 0, %: not 'anything starting with 50'."""
    import duckdb

    from sitrep.corpus.queries import CONTAINS, about_articles_sql, contains_pattern

    con = duckdb.connect()
    con.execute("CREATE TABLE t (name VARCHAR)")
    con.execute("INSERT INTO t VALUES ('cut by 50% in May'), ('a 500-strong unit'), ('al_Nusra'), ('alxNusra')")

    def matching(term):
        return sorted(r[0] for r in con.execute(f"SELECT name FROM t WHERE name {CONTAINS}", [contains_pattern(term)]).fetchall())

    assert matching("50%") == ["cut by 50% in May"]
    assert matching("l_n") == ["al_Nusra"]
    assert matching("NUSRA") == ["al_Nusra", "alxNusra"]  # still case-insensitive
    cond, params = about_articles_sql("50%")
    assert params[0] == contains_pattern("50%") and "ESCAPE" in cond


def test_where_keeps_terms_and_parameters_in_step():
    where = queries.Where()
    assert where.sql() == "TRUE"  # no filter: every row
    where.add("e.type = ?", "ASSAULT")
    where.add("NOT e.background")
    where.extend(("e.event_date BETWEEN ? AND ?", ["2020-01-01", "2020-01-31"]))
    where.country("e", "Syria")
    assert where.sql().count("?") == len(where.params) == 6
    assert where.params[:3] == ["ASSAULT", "2020-01-01", "2020-01-31"]
    # actors are kept as alpha-3, places as alpha-2
    assert where.params[3:] == ["SYR", "SYR", "SY"]
    assert where.terms[-1].startswith("(e.source_country = ?")
