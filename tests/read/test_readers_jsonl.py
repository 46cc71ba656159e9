"""JSON Lines reader."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from detente.models import Article, Rejected
from detente.read import read_file

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def _line(i: int) -> str:
    return json.dumps({"id": f"x-{i}", "date": "2025-01-01", "text": f"Item {i} happened.", "section": "s"})


def test_batch_with_one_malformed_line(tmp_path: Path) -> None:
    lines = [_line(i) for i in range(100)]
    lines[41] = '{"id": "x-41", "date": "2025-01-01", "text": "broken'  # line 42
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = list(read_file(p))
    articles = [r for r in records if isinstance(r, Article)]
    rejected = [r for r in records if isinstance(r, Rejected)]
    assert len(articles) == 99 and len(rejected) == 1
    (r,) = rejected
    assert r.code == "E104" and r.source.line == 42 and "JSON" in r.reason
    assert articles[0].external_id == "x-0" and articles[0].date == dt.date(2025, 1, 1)
    assert articles[0].source is not None and articles[0].source.line == 1


def test_fields_blank_lines_and_errors(tmp_path: Path) -> None:
    rows = [
        json.dumps({"date": "2019-01-04T10:00:00Z", "text": " Keep  me ", "title": "T",
                    "url": "https://www.example.com/a", "extra": 1}),  # 1
        "",  # 2: skipped
        "   ",  # 3: skipped
        json.dumps({"id": 7, "date": "2019-02-30", "text": "bad date"}),  # 4
        json.dumps({"id": "n", "text": "no date"}),  # 5
        json.dumps({"id": "e", "date": "2019-01-04", "text": "  "}),  # 6
        json.dumps({"id": "m", "date": "2019-01-04"}),  # 7
        json.dumps(["not", "an", "object"]),  # 8
        json.dumps({"date": "2019-01-04", "text": "outlet given", "outlet": "Reuters",
                    "url": "https://x.org/"}),  # 9
    ]
    p = tmp_path / "f.jsonl"
    p.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
    records = list(read_file(p))
    assert [(type(r).__name__, r.source.line if r.source else None) for r in records] == [
        ("Article", 1), ("Rejected", 4), ("Rejected", 5), ("Rejected", 6), ("Rejected", 7),
        ("Rejected", 8), ("Article", 9),
    ]
    first, last = records[0], records[-1]
    assert isinstance(first, Article) and isinstance(last, Article)
    assert first.text == " Keep  me " and first.title == "T" and first.external_id is None
    assert first.outlet == "example.com" and first.date == dt.date(2019, 1, 4)
    assert last.outlet == "Reuters"
    codes = [r.code for r in records if isinstance(r, Rejected)]
    assert codes == ["E101", "E101", "E102", "E102", "E104"]


def test_undecodable_line_loses_only_that_line(tmp_path: Path) -> None:
    p = tmp_path / "f.jsonl"
    p.write_bytes(
        b"\xef\xbb\xbf" + _line(1).encode() + b"\n" + b'{"date": "2025-01-01", "text": "\xff"}\n'
        + _line(3).encode() + b"\n"
    )
    records = list(read_file(p))
    assert [type(r).__name__ for r in records] == ["Article", "Rejected", "Article"]
    bad = records[1]
    assert isinstance(bad, Rejected) and bad.code == "E103" and bad.source.line == 2


def test_same_content_twice_gives_same_id(tmp_path: Path) -> None:
    p = tmp_path / "f.jsonl"
    p.write_text(_line(5) + "\n" + _line(5).replace("x-5", "other-id") + "\n", encoding="utf-8")
    a, b = list(read_file(p))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.id == b.id  # the id is the content, not the source's id


@pytest.mark.shared
def test_real_current_events() -> None:
    path = SHARED / "corpus" / "current-events.jsonl"
    if not path.exists():
        pytest.skip(f"../shared not found: {path}")
    records = list(read_file(path))
    assert not [r for r in records if isinstance(r, Rejected)]
    assert len(records) == 10147
