"""An article without an outlet is named the same way in SQL and in Python: its site,
else its file name, else "unknown outlet (<id>)"; never longer than MAX_CHARS."""
import duckdb
import pytest

from sitrep.corpus.outlets import MAX_CHARS, outlet_label, outlet_label_sql

CASES = [
    ("Wire A", "https://www.example.org/a", "/in/a.txt", "id1", "Wire A"),
    (None, "https://www.example.org/news/1?x=2", "/in/a.html", "id2", "example.org"),
    (None, "http://news.example.net:8080/p", None, "id3", "news.example.net"),
    (None, None, "/data/text/harbor-post.txt", "id4", "harbor-post.txt"),
    (None, "not a url", "relative.txt", "id5", "relative.txt"),
    (None, None, None, "id6", "unknown outlet (id6)"),
    (None, None, "", "id7", "unknown outlet (id7)"),
    ("x" * 500, None, None, "id8", "x" * MAX_CHARS),
    ("", "https://example.org/a", None, "id9", "example.org"),  # an empty outlet is none
    ("  ", None, "/in/b.txt", "id10", "b.txt"),
    (" Wire B ", None, None, "id11", "Wire B"),
]


@pytest.mark.parametrize("outlet,url,origin,aid,expected", CASES)
def test_sql_and_python_name_an_article_alike(outlet, url, origin, aid, expected):
    con = duckdb.connect()
    con.execute("CREATE TABLE articles (article_id VARCHAR, outlet VARCHAR, url VARCHAR, origin VARCHAR)")
    con.execute("INSERT INTO articles VALUES (?, ?, ?, ?)", [aid, outlet, url, origin])
    in_sql = con.execute(f"SELECT {outlet_label_sql('a')} FROM articles a").fetchone()[0]
    assert in_sql == outlet_label(outlet, url, origin, aid) == expected
