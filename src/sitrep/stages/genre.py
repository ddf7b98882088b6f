"""An article's genre: a news report or commentary (opinion, analysis, explainer, column).

The event stages judge sentence by sentence; an analyst reads the whole piece first and
knows whether the writer reports what parties did or argues and guesses (docs/annotation.md
2 and 10: a writer's advice and guesses are not coded). ``judge(article)`` gives that
judgement with its reasons, from the cues of ``knowledge/data/cues/genre.tsv``:

* a marker: an opinion word in the title ("OPINION: ...", "... | Opinion", "Analysis"),
  an "ANALYSIS/OPINION:" opening, an opinion section in the URL (``/opinion/``,
  ``/commentary/``), an opinion desk as the outlet ("... Opinion", "Guest Writer"), an
  outlet that publishes opinion rather than news (audit10's list of names);
* the text test of bench/audit_sample.py (audit11), ``reads_as_commentary``: the first
  ``lead_words`` words hold no attribution verb (said, told, according to ...), or their
  unquoted part holds ``voice_per_100_words`` or more first/second-person pronouns and
  should/must/ought per 100 words. A text under ``min_words`` words (a sentence, a
  headline) is not judged by its text: it has no lead to read.

``run`` is the pipeline's "genre" stage (sitrep.pipeline, after certainty and before the
event filter, which requires it): it records the judgement in ``article.meta["genre"]``
(``{"label": "news" | "commentary", "reasons": [...]}``), and the event filter, in a
commentary, drops the writer's own speculation (``event_filter.commentary_speculation``).
The label is the article's, not the sentence's: which voice one sentence speaks in (the
writer's or a party's) is judged per event by ``event_filter.writer_speculation``, because a
news report also carries the writer's guesses and an op-ed also quotes parties. A
per-paragraph label was considered and not built: the signals the text test reads
(attribution verbs, pronouns) are too sparse in a paragraph of two or three sentences, and
a paragraph's quotes and attributions are already read per event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from sitrep.knowledge.tables import tsv_rows

GENRE_CUES_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "cues" / "genre.tsv"
GENRE_CUE_KINDS = ("title_marker", "opening_marker", "url_section", "outlet_marker", "opinion_outlet",
                   "attribution", "voice", "threshold", "writer_modal", "future_modal", "scheduled_type")
THRESHOLDS = ("lead_words", "voice_per_100_words", "min_words")
#: a quotation (straight or curly quotes, up to 600 characters): the voice inside it is the
#: speaker's, not the writer's
_QUOTED = re.compile(r'["\u201c][^"\u201d]{0,600}["\u201d]')


@dataclass(frozen=True)
class GenreCues:
    """The cues of genre.tsv, by kind; ``attribution`` and ``voice`` compiled to patterns."""
    title_markers: tuple[str, ...]
    opening_markers: tuple[str, ...]
    url_sections: tuple[str, ...]
    outlet_markers: tuple[str, ...]
    opinion_outlets: tuple[str, ...]  # as written in the table
    attribution: re.Pattern
    voice: re.Pattern
    lead_words: int
    voice_per_100_words: float
    min_words: int
    writer_modals: frozenset[str]
    future_modals: frozenset[str]
    scheduled_types: frozenset[str]


@dataclass(frozen=True)
class Genre:
    """The judgement: ``label`` "news" or "commentary", and why (empty for news)."""
    label: str
    reasons: tuple[str, ...] = ()

    def to_meta(self) -> dict:
        return {"label": self.label, "reasons": list(self.reasons)}


@lru_cache(maxsize=4)
def load_genre_cues(path: Path = GENRE_CUES_PATH) -> GenreCues:
    """The cues of ``path``; an unknown kind, a missing value or threshold is an error that
    names the file and the row."""
    values: dict[str, list[str]] = {kind: [] for kind in GENRE_CUE_KINDS}
    thresholds: dict[str, str] = {}
    for row in tsv_rows(path):
        if len(row) < 2 or row[0] not in GENRE_CUE_KINDS or not row[1]:
            raise ValueError(f"{path.name}: expected 'kind<TAB>value' with kind one of "
                             f"{', '.join(GENRE_CUE_KINDS)}, found {row!r}")
        if row[0] == "threshold":
            if len(row) != 3 or row[1] not in THRESHOLDS:
                raise ValueError(f"{path.name}: expected 'threshold<TAB>name<TAB>number' with name one "
                                 f"of {', '.join(THRESHOLDS)}, found {row!r}")
            thresholds[row[1]] = row[2]
        else:
            values[row[0]].append(row[1])
    missing = [name for name in THRESHOLDS if name not in thresholds]
    if missing:
        raise ValueError(f"{path.name}: no threshold {', '.join(missing)}")
    return GenreCues(
        title_markers=tuple(v.lower() for v in values["title_marker"]),
        opening_markers=tuple(v.lower() for v in values["opening_marker"]),
        url_sections=tuple(v.lower() for v in values["url_section"]),
        outlet_markers=tuple(v.lower() for v in values["outlet_marker"]),
        opinion_outlets=tuple(values["opinion_outlet"]),
        attribution=_words_pattern(values["attribution"], re.I),
        voice=_words_pattern(values["voice"]),
        lead_words=int(thresholds["lead_words"]),
        voice_per_100_words=float(thresholds["voice_per_100_words"]),
        min_words=int(thresholds["min_words"]),
        writer_modals=frozenset(v.lower() for v in values["writer_modal"]),
        future_modals=frozenset(v.lower() for v in values["future_modal"]),
        scheduled_types=frozenset(values["scheduled_type"]))


def _words_pattern(words: list[str], flags: int = 0) -> re.Pattern:
    """Any of ``words`` as a whole word (a phrase's spaces match any run of spaces)."""
    alternatives = sorted((r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives or ["(?!)"]) + r")\b", flags)


def marker_reasons(title: Optional[str], text: str, url: Optional[str], outlet: Optional[str],
                   cues: Optional[GenreCues] = None) -> list[str]:
    """The markers that call the piece commentary: title, opening, URL section, outlet."""
    cues = cues or load_genre_cues()
    reasons = [f"title: {m}" for m in cues.title_markers if m in (title or "").lower()][:1]
    opening = text.lstrip()[:40].lower()
    reasons += [f"opening: {m}" for m in cues.opening_markers if opening.startswith(m)][:1]
    path = (url or "").lower()
    reasons += [f"url: {s}" for s in cues.url_sections if s in path][:1]
    name = (outlet or "").strip().lower()
    reasons += [f"outlet: {m}" for m in cues.outlet_markers if m in name][:1]
    reasons += [f"opinion outlet: {o}" for o in cues.opinion_outlets if o.lower() == name][:1]
    return reasons


def text_reasons(text: str, cues: Optional[GenreCues] = None) -> list[str]:
    """Why the opening of ``text`` reads as commentary (empty: it reads as a report, or the
    text is under ``min_words`` words)."""
    cues = cues or load_genre_cues()
    words = text.split()
    if len(words) < cues.min_words:
        return []
    lead = " ".join(words[:cues.lead_words])
    if not cues.attribution.search(lead):
        return [f"no attribution in the first {cues.lead_words} words"]
    unquoted = _QUOTED.sub(" ", text).split()[:cues.lead_words]
    rate = 100 * len(cues.voice.findall(" ".join(unquoted))) / max(len(unquoted), 1)
    if rate >= cues.voice_per_100_words:
        return [f"own voice: {rate:.1f} per 100 words"]
    return []


def reads_as_commentary(text: str) -> bool:
    """True when the opening of ``text`` attributes nothing or speaks in its own voice
    (audit11's text test; a text under ``min_words`` words is not judged: False)."""
    return bool(text_reasons(text))


def judge(article) -> Genre:
    """The genre of an ``Article``: commentary when a marker or the text test says so."""
    text = article.text or ""
    reasons = marker_reasons(article.title, text, article.url, article.source) + text_reasons(text)
    return Genre("commentary", tuple(reasons)) if reasons else Genre("news")


def run(doc, kb=None):
    """The "genre" stage: ``judge`` the article and record it in ``article.meta["genre"]``."""
    doc.article.meta["genre"] = judge(doc.article).to_meta()
    return doc
