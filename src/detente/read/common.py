"""Helpers every reader shares: date parsing, strict UTF-8 decoding, small field coercions."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from detente.models import Rejected, SourceRef

_BOM = b"\xef\xbb\xbf"
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(value: str) -> dt.date:
    """Read `YYYY-MM-DD`, or an ISO datetime whose first 10 characters are such a date.

    The date is taken as written (no time-zone conversion): it is the publication date the source
    printed, and shifting it by a zone would move articles across days.
    """
    s = value.strip()
    head, rest = s[:10], s[10:]
    if not _DATE_RE.fullmatch(head) or (rest and rest[0] not in "T "):
        raise ValueError(f"invalid date {value!r}: expected YYYY-MM-DD (or an ISO datetime)")
    try:
        return dt.date.fromisoformat(head)
    except ValueError as exc:  # well-shaped but impossible, e.g. 2023-13-40
        raise ValueError(f"invalid date {value!r}: {exc}") from exc


def decode_utf8(data: bytes, path: str, *, first_line: int = 1) -> str | Rejected:
    """Decode strict UTF-8 (a leading BOM is dropped), or say on which line the first bad byte sits."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]  # stripped by hand so error positions stay relative to `data`
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = first_line + data.count(b"\n", 0, exc.start)
        bad = data[exc.start:exc.start + 1].hex()
        return Rejected(
            source=SourceRef(path, line),
            reason=f"undecodable bytes: not valid UTF-8 (byte 0x{bad} at offset {exc.start}); "
            "re-save the file as UTF-8",
            code="E103",
        )


def opt_str(value: object) -> str | None:
    """An optional metadata field: strings (non-blank) and numbers are kept, anything else is None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The url's host (e.g. `en.wikinews.org`) stands in for the outlet when none is given."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:  # e.g. a malformed IPv6 literal; the url is metadata, never fatal
        return None
    if host and host.startswith("www."):
        host = host[4:]
    return host or None
