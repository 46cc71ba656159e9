"""POST /api/ingest: analyse posted articles with the detente pipeline and store them.

Only enabled when the operator configured a token; the client sends `Authorization: Bearer <token>`.
The token is checked before the body is read, the body is bounded (MAX_BODY_BYTES, MAX_ARTICLES,
MAX_TEXT_CHARS), and every article gets its own result: a bad article is reported with an error
code while the others are analysed and stored.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Annotated, Any, Protocol

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from detente.api.deps import get_store
from detente.api.errors import ApiError, ErrorDetail, error_responses
from detente.errors import DetenteError
from detente.models import AnalyzedArticle, Article, SourceRef
from detente.read.common import outlet_from_url, parse_date
from detente.store.base import Store

log = logging.getLogger("detente.api")

MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_ARTICLES = 100
MAX_TEXT_CHARS = 200_000
SOURCE = "api:ingest"
_OPTIONAL = ("title", "outlet", "url", "id")


class Analyzer(Protocol):
    """What ingest needs of detente.pipeline.Pipeline (tests pass a light stand-in)."""

    def analyze(self, articles: Iterable[Article]) -> Iterator[AnalyzedArticle]: ...


class Engine:
    """The pipeline, built on first use (loading the spaCy model takes seconds) and then kept for the
    app's lifetime; analyses run one at a time."""

    def __init__(self, factory: Callable[[], Analyzer]) -> None:
        self._factory = factory
        self._pipeline: Analyzer | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def analyze(self, articles: list[Article]) -> list[AnalyzedArticle]:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._factory()  # a failure is not cached: the next request retries
            return list(self._pipeline.analyze(articles))


# ---- documented shapes (the body itself is checked item by item, see _prepare) -----------------


class IngestArticle(BaseModel):
    date: str = Field(description="Publication date, YYYY-MM-DD.", examples=["2024-03-01"])
    text: str = Field(description=f"The article text (at most {MAX_TEXT_CHARS} characters).")
    title: str | None = None
    outlet: str | None = Field(default=None, description="Defaults to the url's host.")
    url: str | None = None
    id: str | None = Field(default=None, description="Your own id for it, kept as external_id.")


class IngestRequest(BaseModel):
    articles: list[IngestArticle] = Field(description=f"At most {MAX_ARTICLES} articles.")


class IngestResult(BaseModel):
    index: int = Field(description="Position of the article in the request.")
    id: str | None = Field(description="The stored article id (content hash); null when rejected.")
    stored: bool = Field(description="True if newly stored, false if already stored or rejected.")
    events: int = Field(description="Events found in the article.")
    error: ErrorDetail | None = Field(default=None, description="Why the article was rejected.")


class IngestResponse(BaseModel):
    items: list[IngestResult]
    stored: int
    already_stored: int
    rejected: int


_REQUEST_SCHEMA = IngestRequest.model_json_schema(ref_template="#/components/schemas/{model}")
OPENAPI_SCHEMAS: dict[str, Any] = {"IngestRequest": _REQUEST_SCHEMA, **_REQUEST_SCHEMA.pop("$defs", {})}


# ---- the endpoint ------------------------------------------------------------------------------


def check_token(request: Request, expected: str | None) -> None:
    if expected is None:
        raise ApiError(
            403,
            "ingest_disabled",
            "ingest is disabled on this server: start it with `detente serve --ingest-token-file FILE` "
            "or DETENTE_INGEST_TOKEN",
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(
            401, "unauthorized", "send `Authorization: Bearer <token>` with the ingest token",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def _read_body(request: Request) -> bytes:
    too_large = ApiError(413, "payload_too_large", f"the request body is over {MAX_BODY_BYTES} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _items(body: bytes) -> list[Any]:
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:  # includes UnicodeDecodeError and JSONDecodeError
        raise ApiError(422, "invalid_body", f"the body is not JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise ApiError(422, "invalid_body", 'the body must be {"articles": [{"date", "text", ...}, ...]}')
    items: list[Any] = data["articles"]
    if len(items) > MAX_ARTICLES:
        raise ApiError(413, "payload_too_large", f"{len(items)} articles; send at most {MAX_ARTICLES} per request")
    return items


def _article(index: int, item: Any) -> Article | ErrorDetail:
    """One posted article, or why it cannot be one."""
    if not isinstance(item, dict):
        return ErrorDetail(code="invalid_article", message=f"expected an object, found {type(item).__name__}")
    raw_date = item.get("date")
    if not isinstance(raw_date, str) or not raw_date.strip():
        return ErrorDetail(code="invalid_date", message="missing date: give `date` as YYYY-MM-DD", param="date")
    try:
        date = parse_date(raw_date)
    except ValueError as exc:
        return ErrorDetail(code="invalid_date", message=str(exc), param="date")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        return ErrorDetail(code="empty_text", message="`text` must be a non-blank string", param="text")
    if len(text) > MAX_TEXT_CHARS:
        return ErrorDetail(
            code="text_too_long", message=f"`text` has {len(text)} characters; the limit is {MAX_TEXT_CHARS}",
            param="text",
        )
    extra: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            return ErrorDetail(code="invalid_article", message=f"`{key}` must be a string or null", param=key)
        extra[key] = value.strip() if value and value.strip() else None
    return Article.make(
        date=date,
        text=text,  # exactly as given: offsets point into it
        title=extra["title"],
        outlet=extra["outlet"] or outlet_from_url(extra["url"]),
        url=extra["url"],
        external_id=extra["id"],
        source=SourceRef(SOURCE, index + 1),
    )


def _analyze_each(engine: Engine, articles: list[Article]) -> list[AnalyzedArticle | ErrorDetail]:
    """Analyse as one batch; if that fails for a reason other than a missing engine, one at a time so
    a single article that breaks the pipeline does not take the others with it."""
    try:
        return list(engine.analyze(articles))
    except DetenteError:
        raise
    except Exception:
        log.exception("batch analysis failed; retrying article by article")
    out: list[AnalyzedArticle | ErrorDetail] = []
    for article in articles:
        try:
            out.extend(engine.analyze([article]))
        except DetenteError:
            raise
        except Exception as exc:
            log.exception("analysis failed for article %s", article.id)
            out.append(ErrorDetail(code="analysis_failed", message=f"the pipeline failed on this article: {exc}"))
    return out


def _ingest(store: Store, engine: Engine, items: list[Any]) -> IngestResponse:
    results: dict[int, IngestResult] = {}
    todo: list[tuple[int, Article]] = []
    for index, item in enumerate(items):
        prepared = _article(index, item)
        if isinstance(prepared, ErrorDetail):
            results[index] = IngestResult(index=index, id=None, stored=False, events=0, error=prepared)
        else:
            todo.append((index, prepared))
    analyzed = _analyze_each(engine, [a for _, a in todo]) if todo else []
    for (index, article), done in zip(todo, analyzed, strict=True):
        if isinstance(done, ErrorDetail):
            results[index] = IngestResult(index=index, id=article.id, stored=False, events=0, error=done)
            continue
        try:
            stored = store.write(done)
        except DetenteError as exc:
            log.error("could not store article %s: %s", article.id, exc)
            error = ErrorDetail(code="store_error", message=f"could not store: {exc.message}")
            results[index] = IngestResult(index=index, id=article.id, stored=False, events=0, error=error)
            continue
        results[index] = IngestResult(index=index, id=article.id, stored=stored, events=len(done.events))
    ordered = [results[i] for i in range(len(items))]
    return IngestResponse(
        items=ordered,
        stored=sum(1 for r in ordered if r.stored),
        already_stored=sum(1 for r in ordered if r.error is None and not r.stored),
        rejected=sum(1 for r in ordered if r.error is not None),
    )


def ingest_router(*, token: str | None, engine: Engine) -> APIRouter:
    """The ingest route for one app, bound to its token and its engine (no module-level state)."""
    router = APIRouter(prefix="/api")

    @router.post(
        "/ingest",
        summary="Analyse and store articles (needs the ingest token)",
        response_model=IngestResponse,
        responses=error_responses(401, 403, 413, 422, 503),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IngestRequest"}}},
            }
        },
    )
    async def ingest(request: Request, store: Annotated[Store, Depends(get_store)]) -> IngestResponse:
        """Body `{"articles": [{"date", "text", "title"?, "outlet"?, "url"?, "id"?}]}`. Each article gets a
        result `{"index", "id", "stored", "events", "error"}`; a bad article has `error` set and the rest
        are still analysed and stored. Re-posting an article stores nothing new (`stored: false`)."""
        check_token(request, token)
        items = _items(await _read_body(request))
        return await run_in_threadpool(_ingest, store, engine, items)

    return router
