"""Plain-text articles: the seed format (`date YYYY-MM-DD` header) and header-less `.txt`.

The seed header is the first non-blank content of the file: `date` then a date token. The body may
start on the same line (` date 2023-07-02 In the last few years ...`) or on a later one. Article.text
starts at the first non-whitespace character after the date token and is otherwise exactly as
read: no newline translation, no stripping, because later stages keep offsets into this text.
A file without the header needs `default_date` (the CLI's `--date`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from detente.models import Article, Rejected, SourceRef
from detente.read.common import decode_utf8, parse_date

# Only a date-shaped token makes a header, so prose that merely starts with the word "date" is not
# mistaken for one; a date-shaped but impossible token ("2023-13-40") is reported, not ignored.
_HEADER_RE = re.compile(r"\A\s*date[ \t]+(?P<date>[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\S*)(?=\s|\Z)")


def read_text(data: bytes, path: str, *, default_date: dt.date | None = None) -> Iterator[Article | Rejected]:
    """Yield the one Article a `.txt` file holds, or the Rejected saying why it cannot be one."""
    text = decode_utf8(data, path)
    if isinstance(text, Rejected):
        yield text
        return
    header = _HEADER_RE.match(text)
    if header is not None:
        line = 1 + text.count("\n", 0, header.start("date"))
        try:
            date = parse_date(header.group("date"))
        except ValueError as exc:
            yield Rejected(SourceRef(path, line), f"{exc} in the `date` header line", "E101")
            return
        rest = text[header.end():]
        body = rest.lstrip()
        body_line = line + rest[: len(rest) - len(body)].count("\n")
    else:
        if default_date is None:
            yield Rejected(
                SourceRef(path, 1),
                "no date: the file has no `date YYYY-MM-DD` header line and no --date was given",
                "E101",
            )
            return
        date, body, body_line = default_date, text, 1
    if not body.strip():
        yield Rejected(SourceRef(path, body_line), "empty text: the file has no article text", "E102")
        return
    yield Article.make(date=date, text=body, source=SourceRef(path, body_line))
