"""What keeps the dashboard safe to open on text from the web: the Content-Security-Policy
and other headers on every response, the Host names it answers, and the one test that
decides whether a stored URL may become a link.

  * every value reaches HTML through Jinja2's autoescaping (rendering.py); links are
    written only for http(s) URLs (``safe_url``) and open with
    ``rel="noopener noreferrer nofollow"``;
  * a strict Content-Security-Policy on every response: scripts and styles only from our
    own /static files (no inline script or style), nothing from elsewhere;
  * only the Host names of the address the server is bound to are answered (no DNS
    rebinding; the list is ``LOCAL_HOSTS`` unless ``sitrep serve --host`` widens it).
"""
from __future__ import annotations

import re
from typing import Any, Optional

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'")
#: the framed brief: its own inline style sheet and embedded images, never a script
BRIEF_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
]
LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
_SAFE_URL = re.compile(r"^https?://[^\s\x00-\x1f\x7f\"'<>`\\]+$", re.IGNORECASE)


def safe_url(url: Any) -> Optional[str]:
    """The URL when it is a plain http(s) URL, else None (javascript:, data:, junk)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if _SAFE_URL.match(url) else None


class SecurityHeaders:
    """Pure ASGI middleware: the security headers on every response (streams included);
    a response that set its own Content-Security-Policy keeps it."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
