"""The corpus: everything after the pipeline.

  store.py       DuckDB file, versioned migrations (migrations.py), article identity
                 (content hash, update key, article_versions), batched writes
  ingest.py      inputs -> reader -> process pool (sitrep.run) -> store, resumable
  dedup.py       near-duplicate articles: MinHash over word 5-grams with LSH banding
  incidents.py   event mentions -> incidents (re-clustered after every ingest)
  queries.py     events / incidents / skipped / articles with the CLI's filters
  exports.py     parquet, csv, jsonl (DuckDB COPY), PLOVER-style JSON, GDELT-like TSV
  rows.py        typed rows of the queries
(the commands over the store are in sitrep.cli.corpus)
"""
