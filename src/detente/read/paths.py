"""From paths to records: dispatch on the file suffix and walk directories.

Directories are walked recursively in sorted (name) order. Inside a directory only files with a
supported suffix (.txt, .jsonl, .csv; any letter case) are read; other files, and hidden files
and directories (name starting with "."), are skipped on purpose, since a corpus folder often holds
READMEs, licences and VCS data. A file named explicitly with another suffix is rejected (E106),
and a path that does not exist is rejected (E107). Symlinked directories are followed once each.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from detente.models import Article, Rejected, SourceRef
from detente.read.csv_reader import read_csv
from detente.read.jsonl import read_jsonl
from detente.read.seed import read_text

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".jsonl", ".csv")


def read_paths(
    paths: Sequence[str | Path], *, default_date: dt.date | None = None
) -> Iterator[Article | Rejected]:
    """Yield every Article (and a Rejected for every bad input) found under the given paths, in order."""
    if isinstance(paths, str | Path):  # a lone str is a Sequence[str] too; don't read it char by char
        paths = [paths]
    for p in paths:
        yield from read_file(Path(p), default_date=default_date)


def read_file(path: Path, *, default_date: dt.date | None = None) -> Iterator[Article | Rejected]:
    """Yield the records of one file (a directory is walked as read_paths would)."""
    path = Path(path)  # tolerate a str from untyped callers
    name = str(path)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except OSError as exc:  # e.g. a parent directory we may not search
        yield Rejected(SourceRef(name), f"cannot read path: {exc.strerror or exc}", "E100")
        return
    if is_dir:
        yield from _walk(path, default_date, seen=set())
    elif not exists:
        yield Rejected(SourceRef(name), "file not found: check the path", "E107")
    elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
        yield Rejected(
            SourceRef(name),
            f"unsupported file type {path.suffix or '(no suffix)'!r}: "
            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}",
            "E106",
        )
    else:
        yield from _read_supported(path, default_date)


def _read_supported(path: Path, default_date: dt.date | None) -> Iterator[Article | Rejected]:
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            # Streamed line by line (binary, split on b"\n") so large feeds never sit in memory.
            with path.open("rb") as f:
                yield from read_jsonl(f, name)
            return
        data = path.read_bytes()
    except FileNotFoundError:  # removed between listing and reading
        yield Rejected(SourceRef(name), "file not found: check the path", "E107")
        return
    except OSError as exc:
        yield Rejected(SourceRef(name), f"cannot read file: {exc.strerror or exc}", "E100")
        return
    if suffix == ".csv":
        yield from read_csv(data, name)
    else:
        yield from read_text(data, name, default_date=default_date)


def _walk(directory: Path, default_date: dt.date | None, seen: set[str]) -> Iterator[Article | Rejected]:
    real = os.path.realpath(directory)
    if real in seen:  # a symlink loop, or the same folder reached twice
        return
    seen.add(real)
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield Rejected(SourceRef(str(directory)), f"cannot list directory: {exc.strerror or exc}", "E100")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, default_date, seen)
        elif entry.is_file() and entry.suffix.lower() in SUPPORTED_SUFFIXES:
            yield from _read_supported(entry, default_date)
