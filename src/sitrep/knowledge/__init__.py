"""Shipped knowledge, loaded once per process and shared by every stage.

Each resource is built lazily on first use by the loader in its own module, so a
command that needs only the reader never pays for the gazetteer.
"""
from __future__ import annotations

import functools
from functools import cached_property
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


class Knowledge:
    """The per-process bundle of models and lookup tables the stages read."""

    def __init__(self, user_actor_files: tuple[str, ...] = ()):
        self.user_actor_files = tuple(user_actor_files)

    @cached_property
    def nlp(self) -> Any:
        from sitrep.stages.nlp import load_spacy
        return load_spacy()

    @cached_property
    def actors(self) -> Any:
        from sitrep.knowledge.actors import load_actor_kb
        return load_actor_kb(self.user_actor_files)

    @cached_property
    def gazetteer(self) -> Any:
        from sitrep.knowledge.gazetteer import load_gazetteer
        return load_gazetteer()

    @cached_property
    def event_lexicon(self) -> Any:
        from sitrep.knowledge.plover import load_event_lexicon
        return load_event_lexicon()

    @cached_property
    def cues(self) -> Any:
        from sitrep.knowledge.cues import load_cues
        return load_cues()


    def load_all(self) -> None:
        """Build every resource now (a worker does this before its first article)."""
        for name in ("nlp", "actors", "gazetteer", "event_lexicon", "cues"):
            getattr(self, name)


@functools.lru_cache(maxsize=4)
def default_knowledge(user_actor_files: tuple[str, ...] = ()) -> Knowledge:
    return Knowledge(user_actor_files)
