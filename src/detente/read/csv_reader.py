"""CSV with a header row naming at least `date` and `text` (`url`, `title`, `outlet`, `id` optional).

Column order is free and other columns are ignored. Quoted fields may span lines, so every
record and every Rejected names the physical line where its row STARTS. A bad row (wrong field
count, bad date, empty text) is rejected and the rest of the file still reads.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator

from detente.models import Article, Rejected, SourceRef
from detente.read.common import decode_utf8, opt_str, outlet_from_url, parse_date

_REQUIRED = ("date", "text")
_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+")  # physical lines split on "\n" only, endings kept


def _raise_field_limit() -> None:
    # Whole articles sit in one field and can pass csv's 128 KiB default; only ever raised.
    wanted = min(sys.maxsize, 2**31 - 1)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def read_csv(data: bytes, path: str) -> Iterator[Article | Rejected]:
    """Yield an Article or a Rejected for every data row of a CSV file's bytes."""
    text = decode_utf8(data, path)
    if isinstance(text, Rejected):
        yield text
        return
    _raise_field_limit()
    # Feeding "\n"-split lines makes reader.line_num count the same lines an editor (and E103) shows.
    # strict: sloppy quoting and an unclosed quote at EOF become E105 instead of silently odd rows.
    reader = csv.reader((m.group(0) for m in _LINE_RE.finditer(text)), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield Rejected(SourceRef(path, 1), f"malformed CSV header: {exc}", "E105")
        return
    if header is None:
        yield Rejected(SourceRef(path, 1), "malformed CSV: the file is empty (no header row)", "E105")
        return
    columns: dict[str, int] = {}
    for i, name in enumerate(header):
        columns.setdefault(name.strip().lower(), i)  # the first of duplicate names wins
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        yield Rejected(
            SourceRef(path, 1),
            f"malformed CSV: header lacks required column(s) {', '.join(missing)} "
            f"(found: {', '.join(header)})",
            "E105",
        )
        return
    width = len(header)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader resets and goes on with the next physical line
            hint = ""
            if "end of data" in str(exc):
                hint = f" (a quote opened on line {start} is never closed)"
            yield Rejected(SourceRef(path, start), f"malformed CSV row: {exc}{hint}", "E105")
            continue
        if not row:
            continue  # a blank line carries no record
        yield _row(row, columns, width, SourceRef(path, start), reader.line_num)


def _row(
    row: list[str], columns: dict[str, int], width: int, source: SourceRef, end: int
) -> Article | Rejected:
    if len(row) != width:
        # A long span usually means an unclosed quote swallowed the lines after it.
        span = f" (the row runs to line {end}; check its quotes)" if end != source.line else ""
        return Rejected(
            source, f"malformed CSV row: expected {width} fields, found {len(row)}{span}", "E105"
        )

    def field(name: str) -> str | None:
        i = columns.get(name)
        return row[i] if i is not None else None

    raw_date = field("date") or ""
    if not raw_date.strip():
        return Rejected(source, "missing date: the row's `date` field is blank", "E101")
    try:
        date = parse_date(raw_date)
    except ValueError as exc:
        return Rejected(source, str(exc), "E101")
    text = field("text") or ""
    if not text.strip():
        return Rejected(source, "empty text: the row's `text` field is blank", "E102")
    url = opt_str(field("url"))
    return Article.make(
        date=date,
        text=text,
        title=opt_str(field("title")),
        outlet=opt_str(field("outlet")) or outlet_from_url(url),
        url=url,
        external_id=opt_str(field("id")),
        source=source,
    )
