"""The web UI: static HTML, CSS and ES modules served next to the REST API (no build step).

    from detente.web import mount
    mount(app)   # GET / → the single-page UI; GET /static/... → its assets

The UI only talks to the JSON API under /api and loads nothing from the network: the chart library
(Chart.js, pinned in web/package-lock.json) is copied into static/vendor/ by scripts/web_vendor.sh
(`make` runs it). Without it the pages still work and the dyad page says how to install it.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
VENDOR_FILES: tuple[str, ...] = ("chart.umd.min.js",)
STATIC_PREFIX = "/static"

# Everything the page loads comes from this server; Chart.js draws on a canvas and needs no inline code.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
_HTML_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}

__all__ = ["CONTENT_SECURITY_POLICY", "STATIC_DIR", "VENDOR_DIR", "missing_vendor_files", "mount"]


def missing_vendor_files() -> list[str]:
    """The vendored front-end files that are not installed (empty when `make` has run)."""
    return [name for name in VENDOR_FILES if not (VENDOR_DIR / name).is_file()]


def index() -> Response:
    """The single page (hash routes: #/search, #/events, #/dyad/A/B, #/actor/ID, #/article/ID)."""
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8", headers=_HTML_HEADERS)


def mount(app: FastAPI) -> None:
    """Serve the UI at `/` and its assets under /static (the vendor dir may be missing: see module doc)."""
    app.add_api_route("/", index, methods=["GET", "HEAD"], include_in_schema=False)
    app.mount(STATIC_PREFIX, StaticFiles(directory=STATIC_DIR, check_dir=True), name="static")
