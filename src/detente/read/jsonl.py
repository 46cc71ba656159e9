"""JSON Lines: one article object per line.

Keys: `date` and `text` (required), `id` (kept as Article.external_id), `title`, `url`, `outlet`
(optional; outlet falls back to the url's host). Other keys are ignored. Blank lines are skipped.
Each line is decoded and parsed on its own, so one bad line is reported and the rest still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from detente.models import Article, Rejected, SourceRef
from detente.read.common import decode_utf8, opt_str, outlet_from_url, parse_date


def read_jsonl(lines: Iterable[bytes], path: str) -> Iterator[Article | Rejected]:
    """Yield an Article or a Rejected for every non-blank line of raw bytes (split on b"\\n")."""
    for lineno, raw in enumerate(lines, start=1):
        decoded = decode_utf8(raw, path, first_line=lineno)  # a BOM is only ever on line 1
        if isinstance(decoded, Rejected):
            yield decoded
            continue
        if not decoded.strip():
            continue
        yield _record(decoded, SourceRef(path, lineno))


def _record(line: str, source: SourceRef) -> Article | Rejected:
    try:
        obj: Any = json.loads(line)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        return Rejected(source, f"malformed JSON line: {detail}", "E104")
    if not isinstance(obj, dict):
        found = type(obj).__name__
        return Rejected(source, f"malformed JSON line: expected an object, found {found}", "E104")
    raw_date = obj.get("date")
    if not isinstance(raw_date, str) or not raw_date.strip():
        return Rejected(source, "missing date: the object has no `date` string (YYYY-MM-DD)", "E101")
    try:
        date = parse_date(raw_date)
    except ValueError as exc:
        return Rejected(source, str(exc), "E101")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejected(source, "empty text: the object has no non-blank `text` string", "E102")
    url = opt_str(obj.get("url"))
    return Article.make(
        date=date,
        text=text,  # exactly as given: later offsets point into it
        title=opt_str(obj.get("title")),
        outlet=opt_str(obj.get("outlet")) or outlet_from_url(url),
        url=url,
        external_id=opt_str(obj.get("id")),
        source=source,
    )
