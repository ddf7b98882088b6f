"""Link cards: the hover cards some sites (The Hill is the common case) put after a
person's name, which an article extractor runs into the sentence:

    "... after President Doe Jonathan Quincy DoeSenator says X Lawmakers plan Y MORE announced ..."

The person's full name is glued to the first of a few linked headlines and the card ends
with a standalone "MORE"; the sentence goes on after it. The headlines are not the
article's prose: an event read from them is not the article's news, and a quote of the
sentence shows the card elided ("[…]"). Only the card is cut: the sentence around it,
its offsets and its footnote stay as they are.
"""
from __future__ import annotations

import re

#: a name glued to the next headline's first word ("DoeSenator", "HaleyHaley"): the card
#: starts at the second capital
_GLUED_NAME = re.compile(r"(?<![\w])([A-Z][a-z'’-]*[a-z]{2})(?=[A-Z][a-z])")
#: the card's last word, standing alone
_MORE = re.compile(r"(?<![\w])MORE(?![\w])")
#: a sentence ends inside: prose, not one card ("... on YouTube. MORE: ...")
_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][\"'”’]?\s")
#: capitalised words that open a phrase rather than end a name ("The WikiLeaks")
_NOT_NAMES = {"The", "A", "An", "On", "In", "At", "Of", "By", "For", "With", "From", "To", "And", "Or"}
#: longest card looked for after a glued name (three headlines of ~150 characters)
MAX_CARD = 600
ELISION = " […]"


def _after_a_name(text: str, start: int) -> bool:
    """The glued word follows a capitalised word or a parenthesised nickname: the end of
    a full name ("Jonathan Quincy Doe", "Charles (Chuck) Doe"), not prose ("on YouTube")."""
    before = text[:start].rstrip()
    words = before.split()
    if not words:
        return False
    last = words[-1]
    if last in _NOT_NAMES:
        return False
    return last[:1].isupper() or last[:1] == "(" or last.endswith(")")


def link_cards(text: str) -> list[tuple[int, int]]:
    """(start, end) of every link card in ``text``: from where the headline is glued to
    the name through its closing "MORE"."""
    cards: list[tuple[int, int]] = []
    if "MORE" not in text:  # most sentences: no card, no regex scan
        return cards
    for m in _GLUED_NAME.finditer(text):
        if cards and m.start() < cards[-1][1]:
            continue
        if not _after_a_name(text, m.start()):
            continue
        more = _MORE.search(text, m.end(1), m.end(1) + MAX_CARD)
        if more and not _SENTENCE_END.search(text, m.end(1), more.start()):
            cards.append((m.end(1), more.end()))
    return cards


def in_link_card(text: str, offset: int) -> bool:
    """``offset`` of ``text`` falls inside a link card."""
    return any(start <= offset < end for start, end in link_cards(text))


def runs_into_card(name: str, text: str) -> bool:
    """The name, as it stands in ``text``, runs into a link card ("John TrumpFederal",
    an actor the tagger read across the glue): a name no one wrote."""
    for start, _ in link_cards(text):
        at = text.rfind(name, 0, start + len(name))
        if name and at != -1 and at < start < at + len(name):
            return True
    return False


def without_link_cards(text: str) -> str:
    """``text`` with each link card cut to an ellipsis."""
    out, last = [], 0
    for start, end in link_cards(text):
        out.append(text[last:start] + ELISION)
        last = end
    out.append(text[last:])
    return "".join(out)
