"""How an article is named where its outlet is shown (brief, incidents, exports, web).

The outlet the input gave, else a stand-in that says where the text came from: the web
site of its URL ("example.org"), else the file it was read from ("harbor-post.txt"),
else "unknown outlet (<article id>)". Every stand-in is its own independent source (see
``independent_key``): it never merges two unnamed articles into one outlet. Names are
cut at MAX_CHARS (a hostile page can make a name any length). One definition, as SQL
over an ``articles`` row and as Python over its fields, so every view names an article
the same way.
"""
from __future__ import annotations

import re
from typing import Optional

MAX_CHARS = 120
UNKNOWN = "unknown outlet"

_SITE = r"^https?://(?:www[.])?([^/:?#]+)"
_FILE = r"[^/\\]+$"


def outlet_label_sql(alias: str = "a") -> str:
    """The SQL expression naming the article row ``alias`` of the articles table."""
    # an empty outlet counts as none, as in outlet_label below
    return (f"left(coalesce(nullif(trim({alias}.outlet), ''), nullif(regexp_extract({alias}.url, '{_SITE}', 1), ''), "
            f"nullif(regexp_extract(coalesce({alias}.origin, ''), '{_FILE}'), ''), "
            f"'{UNKNOWN} (' || {alias}.article_id || ')'), {MAX_CHARS})")


def outlet_label(outlet: Optional[str], url: Optional[str], origin: Optional[str], article_id: str) -> str:
    """The same name in Python, from the article's fields."""
    site = re.search(_SITE, url or "")
    file = re.search(_FILE, origin or "")
    name = (outlet or "").strip() or (site and site.group(1)) or (file and file.group(0)) or f"{UNKNOWN} ({article_id})"
    return name[:MAX_CHARS]
