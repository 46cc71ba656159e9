"""Path dispatch: directories, missing files, unsupported suffixes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from detente.models import Article, Rejected
from detente.read import read_paths

D = dt.date(2024, 5, 1)


def test_directory_recursion_sorted_and_filtered(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("date 2024-05-01 A.", encoding="utf-8")
    (root / "b" / "deep" / "c.jsonl").write_text('{"date": "2024-05-02", "text": "C."}\n', encoding="utf-8")
    (root / "b" / "b.CSV").write_text("date,text\n2024-05-03,B.\n", encoding="utf-8")
    (root / "README.md").write_text("not an article", encoding="utf-8")
    (root / ".secret.txt").write_text("date 2024-05-01 hidden", encoding="utf-8")
    (root / ".hidden" / "x.txt").write_text("date 2024-05-01 hidden", encoding="utf-8")
    records = list(read_paths([root]))
    assert all(isinstance(r, Article) for r in records)
    assert [r.text for r in records if isinstance(r, Article)] == ["A.", "B.", "C."]


def test_missing_and_unsupported_paths_are_rejected_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("plain text", encoding="utf-8")
    other = tmp_path / "notes.md"
    other.write_text("x", encoding="utf-8")
    records = list(read_paths([str(tmp_path / "nope.txt"), other, good], default_date=D))
    assert [type(r).__name__ for r in records] == ["Rejected", "Rejected", "Article"]
    missing, unsupported, article = records
    assert isinstance(missing, Rejected) and missing.code == "E107"
    assert missing.source.path == str(tmp_path / "nope.txt")
    assert isinstance(unsupported, Rejected) and unsupported.code == "E106"
    assert isinstance(article, Article) and article.date == D


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    (root / "a.txt").write_text("date 2024-05-01 A.", encoding="utf-8")
    (root / "loop").symlink_to(root)
    records = list(read_paths([root]))
    assert len(records) == 1


def test_a_single_string_path_is_one_path(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("date 2024-05-01 A.", encoding="utf-8")
    records = list(read_paths(str(f)))
    assert len(records) == 1 and isinstance(records[0], Article)
