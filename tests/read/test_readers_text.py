"""Seed-format and plain .txt readers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.models import Article, Rejected
from detente.read import read_file

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
D = dt.date(2023, 7, 2)


def _one(path: Path, default_date: dt.date | None = None) -> Article | Rejected:
    records = list(read_file(path, default_date=default_date))
    assert len(records) == 1, records
    return records[0]


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(data, str):
        p.write_bytes(data.encode("utf-8"))  # bytes, so no newline translation sneaks in
    else:
        p.write_bytes(data)
    return p


def test_seed_body_on_same_line_keeps_text_exactly(tmp_path: Path) -> None:
    body = "In the last few years “Russia”  and\r\nBelarus…  \n\n"
    a = _one(_write(tmp_path, "s.txt", " date 2023-07-02 " + body))
    assert isinstance(a, Article)
    assert a.date == D
    assert a.text == body
    assert a.source is not None and a.source.line == 1


def test_seed_body_on_next_line(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, "s.txt", "\n date 2023-07-02\n\n  Body starts here.\n  second line \n"))
    assert isinstance(a, Article)
    assert a.text == "Body starts here.\n  second line \n"
    assert a.source is not None and a.source.line == 4


def test_seed_header_wins_over_default_date(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, "s.txt", "date 2023-07-02 Text."), default_date=dt.date(2000, 1, 1))
    assert isinstance(a, Article) and a.date == D


def test_seed_header_accepts_iso_datetime(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, "s.txt", "date 2019-01-04T10:00:00Z Text."))
    assert isinstance(a, Article) and a.date == dt.date(2019, 1, 4) and a.text == "Text."


def test_seed_invalid_date_is_e101_on_line_1(tmp_path: Path) -> None:
    r = _one(_write(tmp_path, "s.txt", "date 2023-13-40 Text."))
    assert isinstance(r, Rejected)
    assert r.code == "E101" and r.source.line == 1 and "2023-13-40" in r.reason


def test_seed_header_without_body_is_e102(tmp_path: Path) -> None:
    r = _one(_write(tmp_path, "s.txt", "date 2023-07-02 \n  \n"))
    assert isinstance(r, Rejected) and r.code == "E102"


def test_plain_txt_without_date_is_e101(tmp_path: Path) -> None:
    r = _one(_write(tmp_path, "p.txt", "Just some text.\n"))
    assert isinstance(r, Rejected)
    assert r.code == "E101" and "--date" in r.reason


def test_plain_txt_with_default_date_is_read_as_is(tmp_path: Path) -> None:
    text = "  dated by the caller.\r\n"
    a = _one(_write(tmp_path, "p.txt", text), default_date=D)
    assert isinstance(a, Article) and a.text == text and a.date == D


def test_prose_starting_with_the_word_date_is_not_a_header(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, "p.txt", "date palms grow well."), default_date=D)
    assert isinstance(a, Article) and a.text == "date palms grow well."


def test_bom_is_accepted(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, "s.txt", b"\xef\xbb\xbfdate 2023-07-02 Text."))
    assert isinstance(a, Article) and a.text == "Text."


def test_blank_txt_is_e102(tmp_path: Path) -> None:
    r = _one(_write(tmp_path, "p.txt", " \n\t\n"), default_date=D)
    assert isinstance(r, Rejected) and r.code == "E102"


def test_undecodable_txt_is_e103_naming_the_line(tmp_path: Path) -> None:
    r = _one(_write(tmp_path, "s.txt", b"date 2023-07-02 ok\nline two\nbad \xff byte\n"))
    assert isinstance(r, Rejected)
    assert r.code == "E103" and r.source.line == 3


def test_same_content_gives_same_id(tmp_path: Path) -> None:
    a = _one(_write(tmp_path, "a.txt", "date 2023-07-02 Same text."))
    b = _one(_write(tmp_path, "b.txt", "\n\ndate 2023-07-02\nSame text."))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.id == b.id


@pytest.mark.shared
def test_real_seed() -> None:
    seed = SHARED / "seeds" / "000_5577dacb3e3c48cb.txt"
    if not seed.exists():
        pytest.skip(f"../shared not found: {seed}")
    a = _one(seed)
    assert isinstance(a, Article)
    assert a.date == D
    assert a.text.startswith("In the last few years")
    raw = seed.read_bytes().decode("utf-8-sig")
    assert raw.endswith(a.text)  # nothing after the header was changed
