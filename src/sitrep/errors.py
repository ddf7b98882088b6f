"""Errors a user can act on. The CLI prints them as one line, without a traceback."""
from __future__ import annotations


class SitrepError(Exception):
    """Base class: something the user can fix; the message says what to do."""


class InputError(SitrepError):
    """An input that cannot become an article (empty, binary, not English, ...).

    ``reason`` is a short machine-friendly code (empty, binary, encoding, not_english,
    too_large, malformed, unreadable, unsupported); ``detail`` is the human sentence.
    """

    def __init__(self, origin: str, reason: str, detail: str):
        self.origin = origin
        self.reason = reason
        self.detail = detail
        super().__init__(f"{origin}: {detail}")
