"""The calendar day that stands for an event's date value, one rule for the store, the
exports and the brief.

An event keeps its date at the precision the text gives ("in 2015" stays ``2015``, "in
March" ``2019-03``); where a table or a format needs one day (the store's ``event_date``,
PLOVER's ``date``, GDELT's ``SQLDATE``), a coarse period stands as the publication day
when that day falls inside it, else as its first day: a recalled "in 2015 was sentenced"
is not news of a 2019 publication day (issue 7 found 214 such events dated that way).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_day(value: Optional[str]) -> Optional[date]:
    """The calendar day an ISO value starts with, or None (months, weeks, durations)."""
    if not value:
        return None
    m = _ISO_DAY.match(str(value))
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def day_of(value: Optional[str]) -> Optional[date]:
    """The first day an ISO value (2019-05-01, 2019-05, 2019-W18) stands for."""
    day = iso_day(value)
    if day or not value:
        return day
    try:
        if len(value) == 7 and value[4] == "-":
            return date(int(value[:4]), int(value[5:7]), 1)
        if len(value) >= 8 and value[4:6] == "-W":
            return date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    except ValueError:
        return None
    return None


def event_day(value: Optional[str], published: Optional[date]) -> tuple[Optional[date], str]:
    """(the day an event is dated, how precise that is) from its own date value: a day
    ("2026-01-03", "2026-01-03T02:00"), a weekend ("2026-W01-WE": its Saturday), a week
    (its Monday), a month or a year (the publication day when it falls inside, else the
    first day: a recalled "in 2017" is not news of the publication day); no value or an
    unreadable one: the publication day ("published")."""
    if not value:
        return published, "published"
    day = day_of(value)
    text = str(value)
    try:
        if len(text) >= 8 and text[4:6] == "-W" and text[6:8].isdigit():
            weekend = text[8:].startswith("-WE")
            return date.fromisocalendar(int(text[:4]), int(text[6:8]), 6 if weekend else 1), \
                "weekend" if weekend else "week"
        if day and len(text) >= 10 and text[7] == "-":
            return day, "day"
        if day and len(text) == 7:
            same = published and (published.year, published.month) == (day.year, day.month)
            return (published if same else day), "month"
        if len(text) == 4 and text.isdigit():
            year = int(text)
            return (published if published and published.year == year else date(year, 1, 1)), "year"
    except ValueError:
        pass
    return published, "published"
