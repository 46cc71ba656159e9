"""The readers stage: source files → Article (or Rejected, with file, line and reason).

Formats: seed `.txt` (a `date YYYY-MM-DD` header line), plain `.txt` (needs `default_date`),
`.jsonl` (one object per line) and `.csv` (header with `date` and `text`). Directories are walked
recursively in sorted order, reading only supported suffixes and skipping hidden entries; see
detente.read.paths. Dates are `YYYY-MM-DD` or ISO datetimes; files are UTF-8 (a BOM is fine).

The readers never print and never raise for bad input: every bad record becomes a Rejected
(codes E101-E107, see detente.errors) and the rest of the batch goes on. Nothing is dropped
silently except blank lines and unsupported files met while walking a directory.
"""

from __future__ import annotations

from detente.read.paths import SUPPORTED_SUFFIXES, read_file, read_paths

__all__ = ["SUPPORTED_SUFFIXES", "read_file", "read_paths"]
