"""CSV and Parquet: one row per EventRow, one column per EventRow field, in field order."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import tempfile
import types
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Union, get_args, get_origin, get_type_hints

from detente.errors import ConfigError
from detente.query import EventRow

COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(EventRow))
CONTEXT_SEP = ";"  # PLOVER context names are single words: a ';' never occurs inside one
BATCH = 10_000  # rows per DuckDB insert: large enough to amortise the call, small enough for memory

_SQL_TYPES: dict[Any, str] = {str: "VARCHAR", dt.date: "DATE", float: "DOUBLE", int: "BIGINT", bool: "BOOLEAN"}


def sql_type(tp: Any) -> str:
    """The DuckDB type for an EventRow field annotation (X | None → X; tuple[str, ...] → VARCHAR[])."""
    if get_origin(tp) in (Union, types.UnionType):
        tp = next(a for a in get_args(tp) if a is not type(None))
    if get_origin(tp) is tuple:
        return "VARCHAR[]"
    return _SQL_TYPES[tp]


def column_types() -> list[tuple[str, str]]:
    hints = get_type_hints(EventRow)
    return [(name, sql_type(hints[name])) for name in COLUMNS]


def _values(row: EventRow) -> list[Any]:
    # The instance dict holds the fields in declaration order: much faster than getattr per column.
    return list(vars(row).values())


def write_csv(rows: Iterable[EventRow], out: IO[str]) -> int:
    """None → empty, dates ISO, booleans true/false, lists joined by CONTEXT_SEP (csv does the rest)."""
    kinds = [t for _, t in column_types()]
    bools = [i for i, t in enumerate(kinds) if t == "BOOLEAN"]
    lists = [i for i, t in enumerate(kinds) if t.endswith("[]")]
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    n = 0
    for row in rows:
        values = _values(row)
        for i in bools:
            values[i] = "true" if values[i] else "false"
        for i in lists:
            values[i] = CONTEXT_SEP.join(values[i])
        writer.writerow(values)
        n += 1
    return n


def write_parquet(rows: Iterable[EventRow], out: Path) -> int:
    """Rows go in batches into a table of a temporary DuckDB file (on disk, so a store larger than
    memory exports too), then one COPY writes the Parquet file."""
    import duckdb
    import numpy as np

    cols = column_types()
    lists = {name for name, t in cols if t.endswith("[]")}
    list_idx = [i for i, (name, _) in enumerate(cols) if name in lists]
    # Lists travel as text joined by \x1f (NumPy object arrays cannot carry them) and are split back on COPY.
    stage = ", ".join(f'"{n}" {"VARCHAR" if n in lists else t}' for n, t in cols)
    select = ", ".join(
        f"CASE WHEN \"{n}\" = '' THEN []::VARCHAR[] ELSE string_split(\"{n}\", chr(31)) END AS \"{n}\""
        if n in lists else f'"{n}"'
        for n, _ in cols
    )
    n_rows = 0
    with tempfile.TemporaryDirectory(prefix="detente-export-") as tmp:
        con = duckdb.connect(str(Path(tmp) / "stage.duckdb"))
        try:
            con.execute(f"CREATE TABLE stage ({stage})")
            chunk: list[EventRow] = []

            def flush() -> None:
                columns = list(zip(*(_values(r) for r in chunk), strict=True))
                for i in list_idx:
                    columns[i] = tuple("\x1f".join(v) for v in columns[i])
                # DuckDB scans the local name `batch` (a dict of NumPy arrays: a "replacement scan").
                batch = {n: np.array(columns[i], dtype=object) for i, (n, _) in enumerate(cols)}  # noqa: F841
                con.execute("INSERT INTO stage SELECT * FROM batch")
                chunk.clear()

            for row in rows:
                chunk.append(row)
                n_rows += 1
                if len(chunk) >= BATCH:
                    flush()
            if chunk:
                flush()
            con.execute(f"COPY (SELECT {select} FROM stage) TO ? (FORMAT parquet)", [str(out)])
        except duckdb.Error as e:  # e.g. the disk filled up: say so without a traceback
            raise ConfigError(f"cannot write Parquet file {out}: {e}") from e
        finally:
            con.close()
    return n_rows
