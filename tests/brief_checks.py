"""Checks a brief must pass whatever store it was built from: every number in its body
stands in a sentence it footnotes, and every date it states is a date of a footnoted
sentence (its article's publication, an event or a date expression in it)."""
from __future__ import annotations

import re
from datetime import date

REF = re.compile(r"\[\^([a-z0-9]+)\]")
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ISO_MONTH = re.compile(r"\b\d{4}-\d{2}\b(?!-\d)")
NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
#: a date as the summary writes it: "6 May 2019", "6 May" (the year of a date before it), "May 2019"
WRITTEN_DAY = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?\b")
WRITTEN_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{4})\b")
LIST_MARKER = re.compile(r"^\s*(?:\d+\.|-)\s")
#: sections that hold sitrep's own counts or the notes themselves, not statements
NOT_STATEMENTS = ("Change against the previous period", "Sources", "Activity")


def blocks(md: str):
    """(section, text) per statement: a list item with its indented lines, a paragraph,
    or one sentence of the key-developments paragraph (it ends with its footnotes)."""
    section = None
    current: list[str] = []
    for line in md.splitlines() + [""]:
        starts = not line.startswith(" ") or not line.strip()
        if starts and current:
            text = "\n".join(current)
            if section == "Key developments":
                yield from ((section, part) for part in re.split(r"(?<=\])\s+(?=[A-Z])", text))
            else:
                yield section, text
            current = []
        if line.startswith("## "):
            section = line[3:].strip()
            continue
        if section and line.strip() and section not in NOT_STATEMENTS:
            current.append(line)


def _digits(n: str) -> str:
    return n.replace(",", "").rstrip(".")


def unbacked(md: str, note_text: dict[str, str], note_dates: dict[str, set[str]]) -> list[str]:
    """Problems: numbers or dates of a statement that none of its footnotes backs."""
    problems = []
    for section, text in blocks(md):
        refs = REF.findall(text)
        body = REF.sub(" ", text)
        body = "\n".join(LIST_MARKER.sub(" ", line) for line in body.splitlines())
        written = [(int(d), MONTHS.index(m) + 1, y) for d, m, y in WRITTEN_DAY.findall(body)]
        written_months = [f"{y}-{MONTHS.index(m) + 1:02d}" for m, y in WRITTEN_MONTH.findall(WRITTEN_DAY.sub(" ", body))]
        body = WRITTEN_MONTH.sub(" ", WRITTEN_DAY.sub(" ", body))
        dates = ISO_DAY.findall(body) + [f"{y}-{m:02d}-{d:02d}" for d, m, y in written if y]
        months = ISO_MONTH.findall(ISO_DAY.sub(" ", body)) + written_months
        month_days = [f"-{m:02d}-{d:02d}" for d, m, y in written if not y]
        numbers = NUMBER.findall(ISO_MONTH.sub(" ", ISO_DAY.sub(" ", body)))
        if not dates and not numbers and not months and not month_days:
            continue
        if not refs:
            problems.append(f"{section}: no footnote for {text[:120]!r}")
            continue
        sentences = " ".join(note_text.get(r, "") for r in refs)
        backed_numbers = {_digits(n) for n in NUMBER.findall(sentences)}
        known = set().union(*(note_dates.get(r, set()) for r in refs))
        backed_numbers |= {k for k in known if k.isdigit()}  # a year the event is dated by ("this year")
        for n in numbers:
            if _digits(n) not in backed_numbers:
                problems.append(f"{section}: {n!r} not in the footnoted sentences of {text[:120]!r}")
        for d in dates:
            if d not in known:
                problems.append(f"{section}: date {d} is no date of the footnoted sentences of {text[:120]!r}")
        for md_ in month_days:  # "6 May": a day of that month in some footnoted date
            if not any(k.endswith(md_) or k[4:10] == md_ for k in known):
                problems.append(f"{section}: day {md_} is no date of the footnoted sentences of {text[:120]!r}")
        for m in months:
            if not any(k.startswith(m) for k in known):
                problems.append(f"{section}: month {m} is no date of the footnoted sentences of {text[:120]!r}")
    return problems


def week_days(value: str) -> set[str]:
    """The days a brief may name for an ISO week ("2019-W18": its Monday; "2019-W18-WE":
    its Saturday)."""
    m = re.match(r"^(\d{4})-W(\d{2})(-WE)?", value)
    if not m:
        return set()
    try:
        return {date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6 if m.group(3) else 1).isoformat()}
    except ValueError:
        return set()


def note_dates(store, brief) -> dict[str, set[str]]:
    """label -> publication day of the article and dates read in the footnoted sentence."""
    out = {}
    for n in brief.notes:
        days = {n.published.isoformat()} if n.published else set()
        for r in store.rows("SELECT event_date, date_value FROM events WHERE article_id = ? AND sentence = ?",
                            [n.article_id, n.sentence]):
            if r["event_date"]:
                days.add(r["event_date"].isoformat())
            if r["date_value"]:  # the date the pipeline gave the event (perhaps from a nearby sentence)
                days.add(str(r["date_value"])[:10])
                days |= week_days(str(r["date_value"]))
        start, end = n.span
        for r in store.rows("SELECT value FROM times WHERE article_id = ? AND start_char >= ? AND start_char < ?",
                            [n.article_id, start, end]):
            if r["value"]:
                days.add(str(r["value"])[:10])
                days |= week_days(str(r["value"]))
        out[n.label] = days
    return out
