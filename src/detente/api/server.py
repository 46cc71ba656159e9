"""Running the app under uvicorn (what `detente serve` calls)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from detente.errors import ConfigError
from detente.settings import Settings

log = logging.getLogger("detente.api")

TOKEN_ENV = "DETENTE_INGEST_TOKEN"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def read_ingest_token(token_file: Path | None, environ: dict[str, str] | None = None) -> str | None:
    """The ingest token: the first line of token_file, else $DETENTE_INGEST_TOKEN, else None (disabled)."""
    if token_file is not None:
        try:
            text = token_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{token_file}: cannot read the ingest token file: {exc}") from None
        lines = text.strip().splitlines()
        token = lines[0].strip() if lines else ""
        if not token:
            raise ConfigError(f"{token_file}: the ingest token file is empty")
        return token
    env = os.environ if environ is None else environ
    token = env.get(TOKEN_ENV, "").strip()
    return token or None


def serve(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token_file: Path | None = None,
    log_level: str = "info",
) -> None:
    """Serve the API (and the web UI when installed) until interrupted."""
    import uvicorn

    from detente.api.app import create_app
    from detente.store import open_store

    token = read_ingest_token(token_file)
    open_store(settings.db).close()  # fail here, with a clear message, if the store cannot be opened
    if host not in LOOPBACK:
        log.warning("serving on %s: reachable from other machines", host)
    app = create_app(settings.db, ingest_token=token, settings=settings)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
