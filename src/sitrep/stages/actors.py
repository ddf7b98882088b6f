"""actors stage (placeholder until implemented: adds nothing)."""
from __future__ import annotations

from sitrep.model import Document


def run(doc: Document, kb) -> Document:
    return doc
