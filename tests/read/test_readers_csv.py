"""CSV reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.models import Article, Rejected
from detente.read import read_file

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def _csv(tmp_path: Path, content: str | bytes) -> Path:
    p = tmp_path / "f.csv"
    p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return p


def test_multiline_rows_and_bad_rows_report_their_start_line(tmp_path: Path) -> None:
    content = (
        "title,text,date,url,extra\n"  # 1: order differs, an extra column
        '"One","First line\n\nthird line",2019-01-04,https://en.wikinews.org/wiki/A,x\n'  # 2-4
        '"Two","short",2019-01-05\n'  # 5: too few fields
        '"Three","multi\nline",2019-02-30,,x\n'  # 6-7: bad date
        '"Four","  \n ",2019-01-06,,x\n'  # 8-9: empty text
        "\n"  # 10: blank line, skipped
        '"Five","last\none",2019-01-07T08:00:00Z,,x\n'  # 11-12
    )
    records = list(read_file(_csv(tmp_path, content)))
    got = [(type(r).__name__, r.source.line if r.source else None) for r in records]
    assert got == [("Article", 2), ("Rejected", 5), ("Rejected", 6), ("Rejected", 8), ("Article", 11)]
    codes = [r.code for r in records if isinstance(r, Rejected)]
    assert codes == ["E105", "E101", "E102"]
    first, last = records[0], records[-1]
    assert isinstance(first, Article) and isinstance(last, Article)
    assert first.text == "First line\n\nthird line" and first.title == "One"
    assert first.outlet == "en.wikinews.org" and first.url == "https://en.wikinews.org/wiki/A"
    assert last.date == dt.date(2019, 1, 7) and last.outlet is None


def test_crlf_and_bom(tmp_path: Path) -> None:
    p = _csv(tmp_path, b'\xef\xbb\xbfurl,date,title,text\r\n,2019-01-04,T,"a\r\nb"\r\n,2019-01-05,U,c\r\n')
    records = list(read_file(p))
    assert [r.source.line for r in records if r.source] == [2, 4]
    assert all(isinstance(r, Article) for r in records)
    first = records[0]
    assert isinstance(first, Article) and first.text == "a\r\nb"


def test_missing_required_column_is_one_rejection(tmp_path: Path) -> None:
    records = list(read_file(_csv(tmp_path, "url,title,text\nu,t,x\nu,t,y\n")))
    assert len(records) == 1
    r = records[0]
    assert isinstance(r, Rejected) and r.code == "E105" and r.source.line == 1 and "date" in r.reason


def test_empty_csv_is_rejected(tmp_path: Path) -> None:
    (r,) = list(read_file(_csv(tmp_path, "")))
    assert isinstance(r, Rejected) and r.code == "E105"


def test_unclosed_quote_is_reported_at_its_start(tmp_path: Path) -> None:
    content = 'date,text\n2019-01-04,ok\n2019-01-05,"never closed\nmore\n2019-01-06,lost\n'
    records = list(read_file(_csv(tmp_path, content)))
    assert isinstance(records[0], Article)
    bad = records[-1]
    assert isinstance(bad, Rejected) and bad.code == "E105" and bad.source.line == 3
    assert "never closed" in bad.reason


def test_sloppy_quote_is_rejected_and_next_row_reads(tmp_path: Path) -> None:
    content = 'date,text\n2019-01-04,"a"b\n2019-01-05,fine\n'
    records = list(read_file(_csv(tmp_path, content)))
    assert [(type(r).__name__, r.source.line if r.source else None) for r in records] == [
        ("Rejected", 2), ("Article", 3)
    ]


def test_undecodable_csv_names_the_line(tmp_path: Path) -> None:
    (r,) = list(read_file(_csv(tmp_path, b"date,text\n2019-01-04,ok\n2019-01-05,\xc3(\n")))
    assert isinstance(r, Rejected) and r.code == "E103" and r.source.line == 3


def test_huge_field_is_read(tmp_path: Path) -> None:
    text = "word " * 60_000  # 300 kB: past csv's default field limit
    (a,) = list(read_file(_csv(tmp_path, f'date,text\n2019-01-04,"{text}"\n')))
    assert isinstance(a, Article) and a.text == text


@pytest.mark.shared
def test_real_wikinews_reads_without_rejections() -> None:
    folder = SHARED / "corpus" / "wikinews"
    files = sorted(folder.glob("wikinews_*.csv"))
    if not files:
        pytest.skip(f"../shared not found: {folder}")
    records = [r for f in files for r in read_file(f)]
    assert not [str(r) for r in records if isinstance(r, Rejected)]
    assert len(records) == 295
    assert all(isinstance(r, Article) and r.outlet == "en.wikinews.org" for r in records)
    assert len({r.id for r in records if isinstance(r, Article)}) == 295
