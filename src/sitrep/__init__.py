"""sitrep: news about a crisis in, an attributed situation report out."""
__version__ = "0.1.0"
