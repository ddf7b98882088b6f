"""clean stage (placeholder until implemented)."""
from __future__ import annotations

from sitrep.model import Document


def run(doc: Document, kb) -> Document:
    return doc
