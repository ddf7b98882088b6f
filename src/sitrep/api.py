"""sitrep from Python: a notebook, a script, another program.

    import sitrep

    doc = sitrep.extract(text, published="2026-01-03")   # a Document (sitrep.model)
    corpus = sitrep.open("news.duckdb")                   # the store, opened for each call
    corpus.ingest(["news/", "feeds.txt"])                 # -> IngestSummary
    corpus.events(actor="VEN", since="2025-12")           # a table of events (see below)

Tables come back as a pandas DataFrame when pandas is installed, else as a pyarrow Table
when pyarrow is, else as a list of typed rows (sitrep.corpus.rows: EventRow,
IncidentRow, SkipRow, ArticleRow); ``sitrep.table_kind()`` says which, and every query
takes ``output="pandas" | "arrow" | "rows"`` to choose. The filters are the CLI's, checked
the same way (``since="2012"`` is the 1st of January 2012).

Safe in a script without an ``if __name__ == "__main__":`` guard: ``ingest`` with several
workers, on the local pool or a local Dask cluster (``engine="dask"``), starts them
without re-running the calling script (sitrep.run.executor, sitrep.run.dask_executor).
``sitrep.open`` holds no connection between calls, so a CLI ingest can write the same
file while a notebook is open on it (not during the notebook's own call).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from sitrep.model import Article, Document

TABLE_KINDS = ("pandas", "arrow", "rows")


def extract(text: str, *, published: Optional[str] = None, title: Optional[str] = None,
            source: Optional[str] = None, url: Optional[str] = None, until: Optional[str] = None,
            snippet: bool = False) -> Document:
    """One article's text (plain text, Markdown or HTML) -> its Document, exactly as
    ``sitrep extract -`` would analyse it. Raises sitrep.errors.InputError (reason and
    detail) when the text cannot be analysed: empty, not English, too short, ...
    ``snippet=True`` analyses a headline, a sentence or a wire flash on its own, as
    ``sitrep extract --snippet`` does (the document notes that its context is short)."""
    from sitrep.errors import InputError
    from sitrep.pipeline import Pipeline
    from sitrep.read import read_bytes

    articles, _ = read_bytes(text.encode("utf-8"), "<text>", published=published)
    if len(articles) != 1:
        raise InputError("<text>", "unsupported", f"the text holds {len(articles)} articles; give one at a "
                         "time, or ingest them with sitrep.open(db).ingest([...])")
    article = articles[0]
    article.title = title or article.title
    article.source = source or article.source
    article.url = url or article.url
    if snippet:
        article.meta["snippet"] = True
    return Pipeline.default(until=until)(article)


def table_kind() -> str:
    """What the queries return by default here: "pandas", "arrow" or "rows"."""
    if importlib.util.find_spec("pandas") is not None:
        return "pandas"
    if importlib.util.find_spec("pyarrow") is not None:
        return "arrow"
    return "rows"


class Corpus:
    """A sitrep store (one DuckDB file) and the CLI's queries over it."""

    def __init__(self, path: Union[str, Path, None] = None):
        from sitrep.corpus.dataset import is_url
        from sitrep.corpus.store import default_db_path
        # a Parquet dataset may live at a URL, which Path would mangle (s3://b -> s3:/b)
        self.path = (path if isinstance(path, str) and is_url(path)
                     else Path(path).expanduser() if path else default_db_path())

    def __repr__(self) -> str:
        return f"sitrep.open({str(self.path)!r})"

    def _store(self, read_only: bool = True):
        from sitrep.corpus.store import Store
        return Store(self.path, read_only=read_only)

    # -- writing --------------------------------------------------------------------------
    def ingest(self, inputs: Iterable[Union[str, Path]], *, workers: Optional[int] = None,
               until: Optional[str] = None, published: Optional[str] = None, progress: bool = False,
               engine: str = "local", scheduler: Optional[str] = None, shard_dir: Optional[str] = None) -> Any:
        """Read, analyse and store files, folders, JSONL, feeds or URLs; -> IngestSummary.
        ``engine="dask"`` runs the pipeline on a local Dask cluster of ``workers``, or on
        the one at ``scheduler`` (then ``shard_dir`` is a folder it shares with this
        machine), exactly as ``sitrep ingest --engine dask``."""
        from sitrep.corpus.ingest import ingest, start_engine
        options = {"scheduler": scheduler, "shard_dir": shard_dir}
        executor = start_engine(engine, workers, **options)  # before the store: no empty file on failure
        try:
            with self._store(read_only=False) as store:
                return ingest([str(p) for p in inputs], store, workers=workers, until=until, published=published,
                              progress=progress, engine=engine, executor=executor, **options)
        finally:
            if executor is not None:
                executor.close()

    # -- reading --------------------------------------------------------------------------
    def events(self, *, output: Optional[str] = None, **filters: Any) -> Any:
        """Events, oldest first; filters: actor, event_type, since, until, about, certainty, limit."""
        from sitrep.corpus import queries
        return self._table(queries.events_sql(**filters), queries.event_rows, filters, output)

    def incidents(self, *, output: Optional[str] = None, **filters: Any) -> Any:
        """Incidents, best corroborated first (certainty as JSON text in a frame, a dict in a
        row; rows carry their mentions); filters: about, since, until, event_type,
        min_sources, limit, background (default False: incidents made only of history or
        habitual mentions are left out, as the CLI does). ``about`` reads as ``sitrep incidents --about``: the
        incidents of the articles about the subject (``report.scope.articles_about``)."""
        from sitrep.corpus import queries
        filters.setdefault("background", False)  # as the CLI: history-only incidents on request
        about = filters.pop("about", None)
        if about is not None:
            from sitrep.report.scope import articles_about
            with self._store() as store:
                filters["article_ids"], filters["country"] = articles_about(store, about)
        return self._table(queries.incidents_sql(**filters), queries.incident_rows, filters, output)

    def skipped(self, reason: Optional[str] = None, *, output: Optional[str] = None) -> Any:
        """Inputs that were not stored, with the reason and the stage that refused them."""
        from sitrep.corpus import queries
        return self._table(queries.skipped_sql(reason), queries.skipped_rows, {"reason": reason}, output)

    def articles(self, *, output: Optional[str] = None, **filters: Any) -> Any:
        """Stored articles; filters: about, since, until."""
        from sitrep.corpus import queries
        return self._table(queries.articles_sql(**filters), queries.article_rows, filters, output)

    def document(self, article_id: str) -> Optional[Document]:
        """A stored article's Document, or None."""
        from sitrep.model import document_from_dict
        with self._store() as store:
            d = store.document(article_id)
        return document_from_dict(d) if d else None

    def counts(self) -> dict[str, int]:
        with self._store() as store:
            return store.counts()

    def brief(self, *, about: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
              html: bool = False) -> str:
        """The situation report as Markdown (without the chart, which is a file of its own),
        or as one HTML page (chart and map embedded)."""
        from sitrep.report import brief_text
        with self._store() as store:
            text, _ = brief_text(store, about=about, since=since, until=until, html=html, plot=html)
        return text

    def _table(self, query: tuple[str, list], typed, filters: dict, output: Optional[str]) -> Any:
        kind = output or table_kind()
        if kind not in TABLE_KINDS:
            raise ValueError(f"output must be one of {', '.join(TABLE_KINDS)}")
        with self._store() as store:
            if kind == "rows":
                return typed(store, **filters)
            store.flush()
            sql, params = query
            # a cursor of its own: DuckDB 2 refuses a relation on a connection holding an
            # unfinished result
            relation = store.cursor().sql(sql, params=params)
            if kind == "pandas":
                return relation.df()
            # DuckDB 2 calls it to_arrow_table, DuckDB 1 arrow
            return (getattr(relation, "to_arrow_table", None) or relation.arrow)()


def open(path: Union[str, Path, None] = None) -> Corpus:  # noqa: A001 - sitrep.open reads naturally
    """The store at ``path`` (default: $SITREP_DB or ~/.local/share/sitrep/sitrep.duckdb)."""
    return Corpus(path)


__all__ = ["extract", "open", "Corpus", "table_kind", "Article", "Document"]
