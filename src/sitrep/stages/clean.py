"""Clean stage: scraped text -> the body sitrep analyses, with every removal on record.

What goes: cookie/consent notices, share/subscribe/"read more"/advertisement lines,
navigation crumbs, the title repeated inside the body, a byline or a dateline at the top
(the dateline becomes ``article.published`` when the article has none), and trailing junk
(copyright lines, "related articles" lists, tag lists). An article that still has no
publication date gets the one its text supports (``times.infer_publication_date``: a
dateline, the date in the URL, the latest date written in full), marked
``published_inferred``. Each removal is appended to
``article.removed`` as ``Removed(kind, text)``; blank lines are not worth recording.

Whitespace is normalised but words never change: paragraphs are separated by exactly one
blank line, runs of spaces collapse, hard-wrapped lines inside a paragraph are joined.
A block whose lines each end a sentence (one paragraph per line, as web text is often
pasted) is split into one paragraph per line instead.

Then the gates: text in another language raises ``InputError(reason="not_english")``
whenever the detector is confident; text under ``MIN_WORDS`` words raises ``too_short``
(``empty`` when nothing is left) -- but only for articles that came through
``sitrep.read`` (``input_format`` set), and not for snippets: a short record of a
JSON/JSONL/CSV file, or any text when the user asks (``--snippet``, which sets
``meta['snippet']``), is analysed with the note ``meta['short_context']``. Articles built
in code (gold sentences, tests) are trusted to be worth analysing, however short.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Optional

from sitrep.errors import InputError
from sitrep.model import Document, Removed
from sitrep.stages import language
from sitrep.stages.times import infer_publication_date

MIN_WORDS = 20
#: the top of the body where bylines and datelines are looked for
TOP_UNITS = 4
#: trailing junk is looked for among the last units only
TAIL_UNITS = 25

# -- line classifiers (precompiled; every one needs the unit to be short) ---------------

_COOKIE_WORDS = re.compile(r"\b(?:cookies?|gdpr|tracking technologies)\b", re.I)
_COOKIE_ACTION = re.compile(
    r"\b(?:accept|agree|allow|consent|continu(?:e|ing) to (?:use|browse)|use of|we use|this (?:site|website) uses|"
    r"privacy (?:policy|settings|notice)|cookie (?:policy|settings|preferences)|manage|opt[ -]out|reject)\b", re.I)
#: consent notices that do not say "cookie": "By using this site, you agree to our privacy policy"
_SITE_TERMS = re.compile(
    r"\b(?:by (?:using|continuing to use|browsing|clicking)|you (?:agree|consent) to)\b.{0,120}"
    r"\b(?:privacy policy|terms of (?:use|service)|cookie policy|user agreement)\b", re.I)

_SHARE_LINE = re.compile(
    r"^(?:"
    r"share(?: (?:this|the) (?:article|story|page|post|video|link))?(?: (?:on|via|with) [\w ]{1,30})?"
    r"|tweet(?: this)?|e-?mail(?: this)?(?: article| story| page)?|print(?: this)?(?: article| page| story)?"
    r"|(?:sign up|subscribe)\b.{0,160}\b(?:newsletters?|e-?mails?|inbox|updates|alerts|free|subscription|digital|access|now|today|here)\b.{0,100}"
    r"|(?:sign up|subscribe)(?: now| today| here)?|follow us\b.{0,100}|follow @\w+.{0,60}|like us on facebook.{0,60}"
    r"|read more\b.{0,200}|read (?:the )?full (?:story|article).{0,120}|continue reading.{0,120}"
    r"|(?:click|tap) here\b.{0,150}|download (?:our|the) (?:free )?app.{0,100}|get (?:our|the) (?:free )?newsletter.{0,120}"
    r"|advertisement|advertising|advert|sponsored(?: content)?|ad|story continues below(?: advertisement)?"
    r"|scroll (?:down )?to continue.{0,60}|watch(?: now| live| video)?:.{0,160}|watch(?: the)? video"
    r"|listen(?: to (?:this|the) (?:article|story|podcast|episode))?(?: now)?"
    r"|(?:\d+ )?comments?|view comments|leave a comment|join the conversation.{0,80}|copy link|copied|link copied"
    r"|(?:related|see also|more|also read|recommended|must read|read also|further reading):.{0,200}"
    r")[\s.!:>»→]*$",
    re.I)
_SOCIAL_ONLY = re.compile(
    r"^(?:(?:share|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|email|e-mail|print|telegram|messenger"
    r"|flipboard|tumblr|copy link|sms|mail|comments?)[\s,|/•·]*){1,12}$", re.I)
_NAVIGATION = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|menu|main menu|search|home|back to top|close|open|next|previous"
    r"|log ?in|sign in|my account|toggle navigation)[\s.!]*$"
    r"|^(?:[\w'&.,-]+(?: [\w'&.,-]+){0,3} (?:>|›|»|/|\|) ){2,}[\w'&.,-]+(?: [\w'&.,-]+){0,3}$", re.I)
#: "By Jane Doe", "By JEAN H. LEE, Associated Press", "By A and B | Reuters": two or more
#: capitalised name words, then at most an outlet after a separator (never a clause)
_BYLINE = re.compile(
    r"^(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporting by)\s+(?:[A-Z][\w'’.-]+|[A-Z]\.)"
    r"(?:\s+(?:[A-Z][\w'’.-]+|[A-Z]\.|and|&|de|van|von|da|al|bin|la|le|del|di|,))+"
    r"(?:\s*(?:,|\||-|–|—|/)\s*[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,5})?$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|^\s*©", re.I)
_TAIL_HEADING = re.compile(
    r"^(?:related(?: articles| stories| news| coverage| content| topics| links)?|more (?:from|on|stories|news|in)\b.{0,60}"
    r"|read next|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories| reading)?"
    r"|most (?:read|popular|viewed)|trending(?: now)?|latest(?: news| stories)?|popular(?: stories| now)?"
    r"|see also|tags?|topics?|filed under|categories|more stories|top stories"
    r"|around the web|from our partners|sponsored stories|promoted stories|editor'?s picks)[\s:.!]*$",
    re.I)
_TAG_LIST = re.compile(r"^(?:tags?|topics?|filed under|categories|keywords)\s*:\s*.{0,300}$", re.I)

# -- datelines ------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)?"
_TZ = r"(?-i:[A-Z]{1,5}\b)|UTC[+-]\d{1,2}(?::?\d{2})?|GMT[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}"
_TIME = (r"(?:(?:\s*,?\s*(?:at|@|-|–|\|)?\s*)(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
         r"\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*\(?(?P<tz>" + _TZ + r")\)?)?)?")
_DATE_FORMS = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
               r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|(?-i:[A-Z]{2,5}\b))?)?", re.I),
    re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})" + _TIME, re.I),
    re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})" + _TIME, re.I),
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME, re.I),
    re.compile(_WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>\d{4})" + _TIME, re.I),
]
#: a time written before the date ("12:12 PM EST, Sat January 3, 2026")
_LOOSE_TIME = re.compile(r"\b(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?::(?P<second>\d{2}))?"
                         r"\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*\(?(?P<tz>" + _TZ + r")\)?)?", re.I)
_WEEKDAY_WORD = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
                           r"(?:day|sday|nesday|rsday|urday)?\b\.?", re.I)
_DATELINE_FILLER = re.compile(
    r"\b(?:published|updated|posted|last|first|modified|date|on|at|created|issued|time|and|edited)\b|[|:•·,\-–—()]",
    re.I)
_FIXED_ZONES = {"UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
                "MDT": -6, "PST": -8, "PDT": -7, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
                "IST": 5.5, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "MSK": 3, "WAT": 1, "EAT": 3,
                "SAST": 2, "HKT": 8, "SGT": 8, "WIB": 7, "PHT": 8, "ART": -3, "BRT": -3, "VET": -4}
_REGIONAL_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
                   "PT": "America/Los_Angeles"}

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANK_LINES = re.compile(r"\n\s*\n")
#: a word has at least one letter (a column of figures is not an article)
_WORD = re.compile(r"\w*[^\W\d_]\w*")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
_TITLE_NORMAL = re.compile(r"[\W_]+")


def match_dateline(line: str) -> Optional[str]:
    """The ISO date(time) when the whole line is a dateline ("Updated: Jan. 3, 2026 12:12 ET")."""
    line = line.strip()
    if not line or len(line) > 120:
        return None
    for form in _DATE_FORMS:
        m = form.search(line)
        if not m:
            continue
        fields = m.groupdict()
        rest = line[:m.start()] + " " + line[m.end():]
        if not fields.get("hour"):
            t = _LOOSE_TIME.search(rest)
            if t:
                fields.update(t.groupdict())
                rest = rest[:t.start()] + " " + rest[t.end():]
        leftover = _WEEKDAY_WORD.sub(" ", _DATELINE_FILLER.sub(" ", rest))
        # a second date (the "updated" one) may follow the first
        for other in _DATE_FORMS:
            leftover = other.sub(" ", leftover)
        leftover = _LOOSE_TIME.sub(" ", leftover)
        if len(leftover.split()) > 2:
            return None
        return _iso_from_fields(fields)
    return None


def _iso_from_fields(g: dict) -> Optional[str]:
    try:
        year = int(g["y"])
        if g.get("mon"):
            month, day = _MONTHS[g["mon"].lower().rstrip(".")[:4 if g["mon"].lower().startswith("sept") else 3]], int(g["d"])
        elif g.get("a"):
            a, b = int(g["a"]), int(g["b"])
            month, day = (b, a) if a > 12 else (a, b)  # slashes: US month/day unless impossible
        else:
            month, day = int(g["m"]), int(g["d"])
        if not 1900 <= year <= 2100:
            return None
        if not g.get("hour"):
            return datetime(year, month, day).date().isoformat()
        hour, minute = int(g["hour"]), int(g["minute"])
        second = int(g["second"]) if g.get("second") else 0
        ampm = (g.get("ampm") or "").replace(".", "").replace(" ", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        moment = datetime(year, month, day, hour, minute, second)
    except (ValueError, KeyError):
        return None
    tz = _zone(g.get("tz"), moment)
    if tz is not None:
        moment = moment.replace(tzinfo=tz)
    return moment.isoformat()


def _zone(name: Optional[str], moment: datetime):
    if not name:
        return None
    name = name.upper()
    if name in _FIXED_ZONES:
        return timezone(timedelta(hours=_FIXED_ZONES[name]))
    if name in _REGIONAL_ZONES:
        try:
            from zoneinfo import ZoneInfo
            return ZoneInfo(_REGIONAL_ZONES[name])
        except Exception:  # no tz database: keep the local time without an offset
            return None
    m = re.match(r"^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$", name)
    if m:
        sign = 1 if m.group(1) == "+" else -1
        return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0)))
    return None


# -- structure ------------------------------------------------------------------------

def _units(text: str) -> list[str]:
    """Paragraph-sized units with whitespace normalised and no word changed."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    units: list[str] = []
    for block in _BLANK_LINES.split(text):
        lines = [_SPACES.sub(" ", ln).strip() for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        if len(lines) == 1:
            units.append(lines[0])
            continue
        # hard wrapping leaves long lines that stop mid-sentence; short open lines are a list;
        # a block holding a share/consent/navigation line is a stack of page furniture
        wrapped = sum(1 for ln in lines[:-1] if len(ln) >= 40 and not _SENTENCE_END.search(ln))
        if wrapped >= 0.5 * (len(lines) - 1) and not any(_junk_kind(ln) for ln in lines):
            units.append(" ".join(lines))  # hard-wrapped prose
        else:
            units.extend(lines)  # one paragraph per line
    return units


def _word_count(text: str) -> int:
    return len(text.split())


def _normal_title(text: str) -> str:
    return _TITLE_NORMAL.sub(" ", re.sub(r"^#{1,6}\s+", "", text)).strip().lower()


def _junk_kind(unit: str) -> Optional[str]:
    words = _word_count(unit)
    if words <= 60 and ((_COOKIE_WORDS.search(unit) and _COOKIE_ACTION.search(unit))
                        or _SITE_TERMS.search(unit)):
        return "cookie_notice"
    if words <= 40 and (_SOCIAL_ONLY.match(unit) or _SHARE_LINE.match(unit)):
        return "share_line"
    if words <= 12 and _NAVIGATION.match(unit):
        return "navigation"
    return None


def _link_like(unit: str) -> bool:
    """A headline-like line as listed under "Related": short, not a finished sentence."""
    return _word_count(unit) <= 18 and (not _SENTENCE_END.search(unit) or unit.endswith("?")) \
        or bool(_COPYRIGHT.search(unit))


def _trailing_junk_start(units: list[str]) -> int:
    """Index from which the tail is junk (copyright, related lists, tags); len(units) if none."""
    end = len(units)
    # copyright and tag lines at the very end, one by one
    while end > 1 and _word_count(units[end - 1]) <= 40 and (
            _COPYRIGHT.search(units[end - 1]) or _TAG_LIST.match(units[end - 1])):
        end -= 1
    # a "related"/"more from" heading followed only by short link-like lines
    lowest = max(1, end - TAIL_UNITS)
    for i in range(lowest, end):
        if _word_count(units[i]) <= 8 and _TAIL_HEADING.match(units[i]):
            rest = units[i + 1:end]
            if all(_link_like(u) for u in rest):
                return i
    return end


def clean_text(doc: Document) -> Document:
    """Normalise and strip junk, recording every removal; no gates."""
    article = doc.article
    units = _units(article.text or "")
    # a snippet is all text: a first line the reader took for its title is one of its lines
    title_key = _normal_title(article.title) if article.title and not article.meta.get("snippet") else ""
    kept: list[str] = []
    removed: list[Removed] = []
    dateline_value: Optional[str] = None

    tail_start = _trailing_junk_start(units)
    in_top = True
    top_seen = 0
    for i, unit in enumerate(units):
        if i >= tail_start:
            removed.append(Removed("trailing_junk", unit))
            continue
        if title_key and len(units) > 1 and len(unit) < 3 * len(article.title) + 20 \
                and _normal_title(unit) == title_key:
            # (a text that is only its title -- a headline -- keeps it: it is the text)
            removed.append(Removed("repeated_title", unit))
            continue
        kind = _junk_kind(unit)
        if kind:
            removed.append(Removed(kind, unit))
            continue
        if in_top:
            value = match_dateline(unit)
            if value:
                removed.append(Removed("dateline", unit))
                dateline_value = dateline_value or value
                continue
            if _word_count(unit) <= 12 and _BYLINE.match(unit):
                removed.append(Removed("byline", unit))
                article.meta.setdefault("byline", unit)
                continue
            top_seen += 1
            if top_seen >= TOP_UNITS or _word_count(unit) > 25:
                in_top = False
        kept.append(unit)

    if dateline_value and not article.published:
        article.published = dateline_value
        article.published_inferred = True
        article.meta["date_source"] = "dateline at the top of the text"
    article.removed.extend(removed)
    article.text = "\n\n".join(kept)
    return doc


def infer_published(doc: Document) -> Document:
    """An article without a publication date gets the one its text supports (a dateline,
    the date in its URL, the latest date written in full), marked
    ``published_inferred``, with the evidence in ``meta['date_source']``; nothing when
    the text only has background years. Runs before the actors stage, which resolves
    office holders on this date."""
    article = doc.article
    if article.published:
        return doc
    found = infer_publication_date(article.text, article.url)
    if found is None:
        article.meta["date_source"] = "none: no publication date, and the text gives none"
        return doc
    article.published = found.value
    article.published_inferred = True
    article.meta["date_source"] = f"inferred from {found.evidence}"
    article.meta["published_granularity"] = found.granularity
    return doc


#: inputs read as records of a data file: a short record there is a headline, a sentence
#: or a wire flash, analysed as such by default
RECORD_FORMATS = frozenset({"jsonl", "json", "csv"})


def snippet_reason(article) -> Optional[str]:
    """Why a short text is analysed anyway: the user asked (``--snippet``), or it is a
    record of a JSON/JSONL/CSV file; None for a short article read from a page or a file."""
    if article.meta.get("snippet"):
        return "asked for (--snippet)"
    if article.input_format in RECORD_FORMATS:
        return f"a short record of a {article.input_format.upper()} file"
    return None


def check_analysable(doc: Document) -> Document:
    """Set the language; raise InputError for non-English or (read) too-short text.

    A short text is analysed when it is a snippet (``snippet_reason``); the note
    ``meta['short_context']`` then says that the analysis had no article around it (no
    lead date, no earlier mention to resolve "he" or "the attack" against)."""
    article = doc.article
    origin = article.origin or article.id or "article"
    words = len(_WORD.findall(article.text))
    guess = language.detect(article.text)
    if guess.code and (guess.confident or not article.language):
        article.language = guess.code
    if guess.code and guess.code != "en" and guess.confident:
        raise InputError(origin, "not_english",
                         f"the text is in {guess.name}; sitrep analyses English news only: "
                         "give it the article in English (a translation will do)")
    if article.input_format is not None and words == 0:
        if article.removed:
            kinds = ", ".join(sorted({r.kind for r in article.removed}))
            detail = f"no article text is left after cleaning (removed: {kinds}); check the input"
        elif article.text.strip():
            detail = "the text has no words, only numbers or symbols; give the article's text"
        else:
            detail = "the article text is empty; check the input"
        raise InputError(origin, "empty", detail)
    if words < MIN_WORDS and (article.input_format is not None or article.meta.get("snippet")):
        reason = snippet_reason(article)
        if reason is None:
            raise InputError(origin, "too_short",
                             f"only {words} word{'s' if words != 1 else ''} of article text (at least {MIN_WORDS} needed for an "
                             "article); give the full article, or use --snippet to analyse a headline, "
                             "a sentence or a wire flash on its own")
        article.meta["short_context"] = (
            f"{words} words, analysed as a short text ({reason}): no article around it, so no "
            "lead date, background or earlier mention to resolve pronouns and 'the attack' against")
    return doc


def run(doc: Document, kb=None) -> Document:
    return infer_published(check_analysable(clean_text(doc)))
