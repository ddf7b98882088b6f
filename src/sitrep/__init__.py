"""sitrep: news about a crisis in, an attributed situation report out.

From Python (details in sitrep.api)::

    import sitrep
    doc = sitrep.extract(text, published="2026-01-03")   # -> sitrep.Document
    corpus = sitrep.open("news.duckdb")                   # the store and the CLI's queries
    corpus.ingest(["news/"]); corpus.events(actor="VEN")

The names below are imported on first use, so ``import sitrep`` stays cheap (no spaCy,
no DuckDB until something needs them).
"""
__version__ = "0.1.0"

_LAZY = {
    "extract": "sitrep.api", "open": "sitrep.api", "Corpus": "sitrep.api", "table_kind": "sitrep.api",
    "Pipeline": "sitrep.pipeline", "Stage": "sitrep.pipeline",
    "Article": "sitrep.model", "Document": "sitrep.model",
    "Skip": "sitrep.errors", "SitrepError": "sitrep.errors", "InputError": "sitrep.errors",
}

__all__ = sorted(_LAZY) + ["__version__"]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
