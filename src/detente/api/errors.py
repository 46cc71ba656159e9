"""JSON errors for the REST API: every failure is `{"error": {"code", "message"}}` with a stable code.

Codes (HTTP status):
  invalid_<param> (400)   a query or path parameter is malformed or out of range (the parameter is in "param")
  invalid_body (422)      the request body is not the documented JSON
  payload_too_large (413) the request body is over the limit
  bad_query (400)         the query layer rejected the request (e.g. a cursor from another query)
  unauthorized (401)      missing or wrong `Authorization: Bearer <token>`
  ingest_disabled (403)   the operator configured no ingest token
  not_found (404)         no such article, actor or route;  ambiguous_id (404): an id prefix matches several
  method_not_allowed (405)
  engine_unavailable (503) the NLP model or an optional package is missing
  store_error (500)       the store failed;  configuration_error (500);  internal_error (500)
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from detente.errors import (
    ConfigError,
    DataFileError,
    DetenteError,
    InputError,
    MissingPackageError,
    ModelNotInstalledError,
    NotFoundError,
    StoreError,
)
from detente.query import BadQueryError
from detente.store.base import AmbiguousIdError

log = logging.getLogger("detente.api")


class ErrorDetail(BaseModel):
    code: str
    message: str
    param: str | None = None


class ErrorBody(BaseModel):
    """The shape of every error response."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries documenting the JSON error body for these statuses."""
    return {status: {"model": ErrorBody, "description": "JSON error with a stable code"} for status in statuses}


class ApiError(Exception):
    """Raised by endpoints for a client error with a stable code."""

    def __init__(
        self, status: int, code: str, message: str, *, param: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.param = param
        self.headers = headers


def invalid(param: str, message: str) -> ApiError:
    """A 400 for one bad query or path parameter."""
    return ApiError(400, f"invalid_{param}", message, param=param)


def error_response(
    status: int, code: str, message: str, *, param: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    detail: dict[str, Any] = {"code": code, "message": message}
    if param is not None:
        detail["param"] = param
    return JSONResponse({"error": detail}, status_code=status, headers=headers)


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, param=exc.param, headers=exc.headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    messages = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
                for e in errors]
    message = "; ".join(messages) or "invalid request"
    first = errors[0] if errors else {}
    loc = tuple(first.get("loc", ()))
    if loc and loc[0] in ("query", "path", "header") and len(loc) > 1:
        param = str(loc[1])
        return error_response(400, f"invalid_{param}", message, param=param)
    return error_response(422, "invalid_body", message)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "internal_error" if exc.status_code >= 500 else "bad_request")
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code in (404, 405):
        message = f"{message}: {request.method} {request.url.path}"
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


def _detente_status(exc: Exception) -> tuple[int, str]:
    if isinstance(exc, BadQueryError):
        return 400, "bad_query"
    if isinstance(exc, AmbiguousIdError):
        return 404, "ambiguous_id"
    if isinstance(exc, NotFoundError):
        return 404, "not_found"
    if isinstance(exc, StoreError):
        return 500, "store_error"
    if isinstance(exc, InputError):
        return 400, "invalid_input"
    if isinstance(exc, ModelNotInstalledError | MissingPackageError):
        return 503, "engine_unavailable"
    if isinstance(exc, ConfigError | DataFileError):
        return 500, "configuration_error"
    return 500, "internal_error"


async def _detente_error(_request: Request, exc: Exception) -> JSONResponse:
    status, code = _detente_status(exc)
    if status >= 500:
        log.error("%s: %s", code, exc)
    message = exc.message if isinstance(exc, DetenteError) else str(exc)
    return error_response(status, code, message)


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return error_response(500, "internal_error", "internal server error")


def install_error_handlers(app: FastAPI) -> None:
    """JSON bodies for every error; the most specific handler wins (Starlette walks the MRO)."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for cls in (DetenteError, StoreError, NotFoundError, BadQueryError):
        app.add_exception_handler(cls, _detente_error)
    app.add_exception_handler(Exception, _unexpected)
