"""Export stored events: GDELT 2.0 event TSV, PLOVER JSON Lines, CSV, Parquet, GraphML.

    with open_store("news.duckdb", read_only=True) as store:
        flt = export_filter(dyad="RUS,UKR")          # asserted events only unless asked otherwise
        n = export_events(store, "gdelt", Path("rus-ukr.tsv"), flt)

Events are streamed from the store (query.iter_events) and written row by row, so a store larger
than memory exports too. The file appears only when the export succeeded: it is written beside
the target under a temporary name and renamed at the end.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from detente.errors import ConfigError
from detente.models import MODALITIES, PLOVER_TYPES
from detente.query import EventFilter, EventRow, iter_events
from detente.store.base import Store

FORMATS: tuple[str, ...] = ("gdelt", "plover", "csv", "parquet", "graphml")

__all__ = ["FORMATS", "export_events", "export_filter", "write_events"]


def export_filter(
    *,
    actor: str | None = None,
    dyad: str | None = None,
    country: str | None = None,
    event: str | None = None,
    modality: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    all_modalities: bool = False,
) -> EventFilter:
    """Check export options and build the filter. Without `modality` or `all_modalities`, only
    asserted events are kept (as in `detente dyad`: negated, hypothetical, future and claimed events
    did not happen as far as the text says). Raises ConfigError naming the bad option."""
    if modality and all_modalities:
        raise ConfigError("give either --modality or --all-modalities, not both")
    if modality and modality.lower() not in MODALITIES:
        raise ConfigError(f"unknown modality {modality!r}; use one of {', '.join(MODALITIES)}")
    if event and event.upper() not in PLOVER_TYPES:
        raise ConfigError(f"unknown PLOVER event type {event!r}; use one of {', '.join(PLOVER_TYPES)}")
    if since and until and since > until:
        raise ConfigError(f"--since {since.isoformat()} is after --until {until.isoformat()}")
    if country is not None and (len(country.strip()) != 3 or not country.strip().isalpha()):
        raise ConfigError(f"--country takes an ISO 3166-1 alpha-3 code such as RUS, got {country!r}")
    pair: tuple[str, str] | None = None
    if dyad is not None:
        sides = [s.strip() for s in dyad.split(",")]
        if len(sides) != 2 or not all(sides):
            raise ConfigError(f"--dyad takes two actors separated by a comma, such as RUS,UKR; got {dyad!r}")
        pair = (sides[0], sides[1])
    return EventFilter(
        actor=actor.strip() if actor and actor.strip() else None,
        dyad=pair,
        event=event.upper() if event else None,
        modality=None if all_modalities else (modality or "asserted").lower(),
        since=since,
        until=until,
        country=country.strip().upper() if country else None,
    )


def write_events(rows: Iterable[EventRow], fmt: str, out: Path) -> int:
    """Write rows to `out` in format `fmt`; returns how many events were written."""
    if fmt == "parquet":
        from detente.export.tabular import write_parquet

        return write_parquet(rows, out)
    writer = _text_writer(fmt)
    # newline="" lets the csv module write its own line ends; the other formats write "\n".
    with out.open("w", encoding="utf-8", newline="") as fh:
        return writer(rows, fh)


def export_events(store: Store, fmt: str, out: Path | str, flt: EventFilter | None = None) -> int:
    """Stream the events matching `flt` (see export_filter) from `store` into `out`."""
    fmt = fmt.lower().strip()
    if fmt not in FORMATS:  # fail before touching the store or the file system
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    target = Path(out)
    if target.is_dir():
        raise ConfigError(f"--out {target} is a directory; give a file name")
    if not target.parent.is_dir():
        raise ConfigError(f"cannot write {target}: directory {target.parent} does not exist")
    if target.resolve() == Path(store.location).resolve():
        raise ConfigError(f"--out {target} is the store itself; give another file name")
    part = target.with_name(f".{target.name}.part")
    try:
        n = write_events(iter_events(store, flt or export_filter()), fmt, part)
        os.replace(part, target)
    except OSError as e:
        raise ConfigError(f"cannot write {target}: {e.strerror or e}") from e
    finally:
        part.unlink(missing_ok=True)
    return n


_Writer = Callable[[Iterable[EventRow], IO[str]], int]


def _text_writer(fmt: str) -> _Writer:
    if fmt == "gdelt":
        return _write_gdelt
    if fmt == "plover":
        return _write_plover
    if fmt == "csv":
        from detente.export.tabular import write_csv

        return write_csv
    if fmt == "graphml":
        from detente.export.graphml import write_graphml

        return write_graphml
    raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def _write_gdelt(rows: Iterable[EventRow], out: IO[str]) -> int:
    from detente.export.gdelt import GdeltEncoder

    encoder = GdeltEncoder()
    n = 0
    for row in rows:
        out.write("\t".join(encoder.row(row)) + "\n")
        n += 1
    return n


def _write_plover(rows: Iterable[EventRow], out: IO[str]) -> int:
    from detente.export.plover import plover_record

    n = 0
    for row in rows:
        out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        n += 1
    return n
