"""The dashboard's routes, one router per part: the HTML pages, the JSON API, the
downloads (exports and the brief) and the live feed of new copies."""
from sitrep.web.routes import api, exports, live, pages

ROUTERS = (pages.router, exports.router, api.router, live.router)
