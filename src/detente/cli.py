"""The command line: thin Typer wrappers over library calls. The only module that prints or exits."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from detente.errors import DetenteError
from detente.models import AnalyzedArticle, Event
from detente.pipeline import Pipeline, RunReport, ingest, split_inputs
from detente.repair.base import ALL_KINDS
from detente.settings import Settings, load_settings, repair_settings

app = typer.Typer(
    help="detente: who did what to whom, when, where, and who says so — an event coder for dated news.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default ./detente.duckdb; DETENTE_DB).")]
DateOption = Annotated[
    dt.datetime | None,
    typer.Option("--date", formats=["%Y-%m-%d"], help="Publication date for plain .txt files without a `date` line."),
]
ActorsOption = Annotated[
    Path | None,
    typer.Option("--actors", help="Your own actor YAML, merged over the built-in one (DETENTE_ACTORS)."),
]
ModelOption = Annotated[str | None, typer.Option("--model", help="spaCy model package to load.")]
NoRepairOption = Annotated[bool, typer.Option("--no-repair", help="Switch the repair stage off.")]
SkipRepairOption = Annotated[
    list[str] | None,
    typer.Option("--skip-repair", help="Switch one repair kind off (repeatable), e.g. --skip-repair foreign_span."),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Settings file (default: ./detente.toml if present).")
]


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


def _settings(
    config: Path | None = None,
    *,
    db: str | None = None,
    model: str | None = None,
    actors: Path | None = None,
    no_repair: bool = False,
    skip_repair: list[str] | None = None,
) -> Settings:
    """defaults < detente.toml < DETENTE_* environment < these flags."""
    settings = load_settings(config=config).with_overrides(db=db, model=model, actors=actors)
    if no_repair or skip_repair:
        skip = sorted(set(ALL_KINDS) - settings.repair.kinds | set(skip_repair or ()))
        repair = repair_settings(enabled=not no_repair, skip=skip, source_languages=settings.repair.source_languages)
        settings = settings.with_overrides(repair=repair)
    return settings


def _fail(exc: DetenteError) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(str(exc))}")
    return typer.Exit(2)


def _print_rejected(report: RunReport) -> None:
    for rejected in report.rejected:
        err.print(f"[yellow]rejected[/yellow] {escape(str(rejected))}")


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories (.txt, .jsonl, .csv).")],
    db: DbOption = None,
    date: DateOption = None,
    actors: ActorsOption = None,
    model: ModelOption = None,
    no_repair: NoRepairOption = False,
    skip_repair: SkipRepairOption = None,
    config: ConfigOption = None,
) -> None:
    """Analyse articles and store them; an article already stored is not stored twice.

    Example: `detente ingest examples/ --db detente.duckdb`
    """
    from detente.store import open_store

    try:
        settings = _settings(config, db=db, model=model, actors=actors, no_repair=no_repair, skip_repair=skip_repair)
        pipeline = Pipeline(settings)
        with (
            open_store(settings.db) as store,
            Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed} articles"),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            ) as progress,
        ):
            task = progress.add_task("ingesting", total=None)
            location = store.location  # redacted: a PostgreSQL URL's password is never printed
            report = ingest(
                [str(p) for p in paths],
                pipeline=pipeline,
                sink=store,
                default_date=date.date() if date else None,
                on_article=lambda _a: progress.advance(task),
            )
    except DetenteError as exc:
        raise _fail(exc) from None
    _print_rejected(report)
    out.print(
        f"read {report.read} articles · stored {report.stored} new · {report.already_stored} already stored · "
        f"{report.events} events · {len(report.rejected)} rejected · "
        f"{report.timings.get('total', 0):.1f}s → {location}"
    )
    if report.rejected:
        raise typer.Exit(1)


@app.command("analyze")
def analyze_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories (.txt, .jsonl, .csv).")],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per article (JSON Lines) on stdout.")
    ] = False,
    date: DateOption = None,
    actors: ActorsOption = None,
    model: ModelOption = None,
    no_repair: NoRepairOption = False,
    skip_repair: SkipRepairOption = None,
    config: ConfigOption = None,
) -> None:
    """Analyse articles without a database and print what was found.

    Example: `detente analyze examples/000_5577dacb3e3c48cb.txt --json | head -c 400`
    """
    report = RunReport()
    try:
        settings = _settings(config, model=model, actors=actors, no_repair=no_repair, skip_repair=skip_repair)
        pipeline = Pipeline(settings)
        articles = split_inputs([str(p) for p in paths], default_date=date.date() if date else None, report=report)
        for analyzed in pipeline.analyze(articles):
            if as_json:
                sys.stdout.write(json.dumps(analyzed.to_json(), ensure_ascii=False) + "\n")
            else:
                _print_article(analyzed)
    except DetenteError as exc:
        raise _fail(exc) from None
    _print_rejected(report)
    if report.rejected:
        raise typer.Exit(1)


def _actor_label(actor: object) -> str:
    if actor is None:
        return "?"
    name = getattr(actor, "name", None) or getattr(actor, "text", None) or "?"
    parts = [p for p in (getattr(actor, "country", None), getattr(actor, "sector", None)) if p]
    return f"{name} ({' '.join(parts)})" if parts else str(name)


def _event_table(events: list[Event] | tuple[Event, ...], title: str) -> Table:
    table = Table(title=title, show_lines=False, expand=True)
    for column in ("event", "actor → recipient", "modality", "when", "evidence"):
        table.add_column(column, overflow="fold")
    for event in events:
        arrow = "↔" if event.reciprocal else "→"
        modality = event.modality + (f" by {_actor_label(event.claimed_by)}" if event.claimed_by else "")
        table.add_row(
            f"{event.event} {event.cameo}",
            f"{_actor_label(event.actor)} {arrow} {_actor_label(event.recipient)}",
            modality,
            event.when.start or "",
            Text(event.evidence[0].text if event.evidence else ""),
        )
    return table


def _print_article(analyzed: AnalyzedArticle) -> None:
    article = analyzed.article
    label = article.title or (str(article.source) if article.source else "")
    out.rule(f"{article.id} · {article.date.isoformat()} · {escape(label)}")
    resolved = sum(1 for m in analyzed.mentions if m.actor is not None and m.actor.id)
    out.print(
        f"{len(analyzed.sentences)} sentences · {len(analyzed.mentions)} actor mentions ({resolved} resolved) · "
        f"{len(analyzed.repairs)} repairs · {len(analyzed.quotes)} quotes · {len(analyzed.events)} events"
    )
    out.print(_event_table(analyzed.events, "events"))


@app.command("events")
def events_command(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor or recipient: id, name or ISO3 country.")] = None,
    dyad: Annotated[tuple[str, str] | None, typer.Option(help="Two actors, either direction.")] = None,
    event: Annotated[str | None, typer.Option(help="PLOVER event type, e.g. ASSAULT.")] = None,
    modality: Annotated[str | None, typer.Option(help="asserted, negated, hypothetical, future or claimed.")] = None,
    since: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    until: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"])] = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """List stored events, filtered.

    Example: `detente events --dyad RUS BLR --modality asserted --since 2020-01-01`
    """
    from detente.query import EventFilter, find_events
    from detente.store import open_store

    flt = EventFilter(
        actor=actor,
        dyad=dyad,
        event=event.upper() if event else None,
        modality=modality,
        since=since.date() if since else None,
        until=until.date() if until else None,
        limit=limit,
    )
    try:
        with open_store(_settings(db=db).db, read_only=True) as store:
            rows = find_events(store, flt)
    except DetenteError as exc:
        raise _fail(exc) from None
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row.to_json(), ensure_ascii=False, default=str) + "\n")
        return
    table = Table(title=f"{len(rows)} events", expand=True)
    for column in ("date", "event", "actor → recipient", "modality", "evidence", "article"):
        table.add_column(column, overflow="fold")
    for row in rows:
        arrow = "↔" if row.reciprocal else "→"
        actor_label = f"{row.actor_name or row.actor_text or '?'} ({row.actor_country or '-'})"
        recipient_label = f"{row.recipient_name or row.recipient_text or '?'} ({row.recipient_country or '-'})"
        table.add_row(
            row.event_date.isoformat(),
            f"{row.event} {row.cameo}",
            f"{actor_label} {arrow} {recipient_label}",
            row.modality,
            Text(row.evidence or ""),
            row.article_id[:10],
        )
    out.print(table)


@app.command("dyad")
def dyad_command(
    a: Annotated[str, typer.Argument(help="First actor: id, name or ISO3 country.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    db: DbOption = None,
    period: Annotated[Period, typer.Option("--period", "--interval", help="Bucket size.")] = Period.month,
    all_modalities: Annotated[
        bool, typer.Option("--all-modalities", help="Count every modality, not only asserted events.")
    ] = False,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Also draw the series: a .png image or a self-contained .html page.")
    ] = None,
) -> None:
    """Events between two actors over time: counts per QuadClass and Goldstein sums.

    Example: `detente dyad RUS BLR --period month --plot rus-blr.html`
    """
    from detente.query import dyad_series
    from detente.store import open_store

    try:
        with open_store(_settings(db=db).db, read_only=True) as store:
            points = dyad_series(store, a, b, period=period.value, asserted_only=not all_modalities)
        if plot is not None:
            from detente.plot import plot_dyad

            kind = "all modalities" if all_modalities else "asserted events"
            plot_dyad(points, plot, title=f"{a} ↔ {b} ({kind}, by {period.value})", period=period.value)
    except DetenteError as exc:
        raise _fail(exc) from None
    table = Table(title=f"{a} ↔ {b} ({'all modalities' if all_modalities else 'asserted events'})")
    for column in (
        "period",
        "events",
        "verbal coop",
        "material coop",
        "verbal conflict",
        "material conflict",
        "goldstein sum",
        "goldstein mean",
    ):
        table.add_column(column, justify="right")
    for p in points:
        table.add_row(
            str(p.period),
            str(p.total),
            str(p.quad1),
            str(p.quad2),
            str(p.quad3),
            str(p.quad4),
            f"{p.goldstein_sum:.1f}",
            f"{p.goldstein_mean:.2f}",
        )
    out.print(table)
    if plot is not None:
        out.print(f"chart written to {escape(str(plot))}", soft_wrap=True)


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    plover = "plover"
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"


@app.command("export")
def export_command(
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", help="gdelt (GDELT 2.0 event TSV), plover (PLOVER JSON Lines), csv, parquet, "
                     "or graphml (the actor network)."),
    ],
    out_file: Annotated[Path, typer.Option("--out", help="File to write (replaced when the export succeeds).")],
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor or recipient: id, name or ISO3 country.")] = None,
    dyad: Annotated[str | None, typer.Option(help="Two actors, comma-separated, either direction: RUS,UKR.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 country of the actor or the recipient.")] = None,
    event: Annotated[str | None, typer.Option(help="PLOVER event type, e.g. ASSAULT.")] = None,
    modality: Annotated[str | None, typer.Option(help="asserted, negated, hypothetical, future or claimed.")] = None,
    since: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="From this day on.")] = None,
    until: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Up to this day.")] = None,
    all_modalities: Annotated[
        bool, typer.Option("--all-modalities", help="Every modality (default: asserted events only).")
    ] = False,
) -> None:
    """Write stored events to a file, streamed: GDELT 2.0 TSV, PLOVER JSONL, CSV, Parquet or GraphML.

    Only asserted events unless --modality or --all-modalities is given.

    Example: `detente export --format gdelt --out rus-ukr.tsv --dyad RUS,UKR --since 2022-01-01`
    """
    from detente.export import export_events, export_filter
    from detente.store import open_store

    try:
        flt = export_filter(
            actor=actor, dyad=dyad, country=country, event=event, modality=modality,
            since=since.date() if since else None, until=until.date() if until else None,
            all_modalities=all_modalities,
        )
        with open_store(_settings(db=db).db, read_only=True) as store:
            n = export_events(store, fmt.value, out_file, flt)
    except DetenteError as exc:
        raise _fail(exc) from None
    out.print(f"wrote {n:,} event{'' if n == 1 else 's'} to {escape(str(out_file))} ({fmt.value})", soft_wrap=True)


@app.command("show")
def show_command(
    article_id: Annotated[str, typer.Argument(help="Article id (or an unambiguous prefix).")],
    db: DbOption = None,
) -> None:
    """Show an article's original text with event evidence and repairs marked.

    Example: `detente show 3f2a9c`
    """
    from detente.query import article_view
    from detente.store import open_store

    try:
        with open_store(_settings(db=db).db, read_only=True) as store:
            view = article_view(store, article_id)
    except DetenteError as exc:
        raise _fail(exc) from None
    article = view.article
    text = Text(article.text)
    for span in view.evidence:
        text.stylize("bold yellow", span.start, span.end)
    for repair in view.repairs:
        text.stylize("underline magenta", repair.start, repair.end)
    out.rule(f"{article.id} · {article.date.isoformat()} · {escape(article.title or '')}")
    out.print(text)
    out.print("[bold yellow]highlighted[/]: event evidence · [underline magenta]underlined[/]: repairs")
    for repair in view.repairs:
        out.print(f"repair {repair.kind}: {repair.original!r} → {repair.replacement!r}")
    out.print(_event_table(view.events, "events"))


@app.command("eval")
def eval_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold files: our YAML format or PETRARCH validation XML.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show: Annotated[int, typer.Option("--show", min=0, help="Misses and false events to list per gold file.")] = 20,
    actors: ActorsOption = None,
    model: ModelOption = None,
    no_repair: NoRepairOption = False,
    skip_repair: SkipRepairOption = None,
    config: ConfigOption = None,
) -> None:
    """Score the engine against gold files: precision, recall, F1, misses and false events.

    Example: `detente eval ../shared/gold/seed-5577dacb.yaml ../shared/eval/PETR2_GSR_validation.xml`
    """
    from detente.evaluate import evaluate, format_report, load_gold

    try:
        settings = _settings(config, model=model, actors=actors, no_repair=no_repair, skip_repair=skip_repair)
        pipeline = Pipeline(settings)
        for path in gold:
            report = evaluate(load_gold(path), lambda batch: list(pipeline.analyze(batch)))
            if as_json:
                sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
            else:
                out.rule(str(path))
                for line in format_report(report, max_items=show):
                    out.print(escape(line))
    except DetenteError as exc:
        raise _fail(exc) from None


@app.command("serve")
def serve_command(
    db: Annotated[str | None, typer.Option("--db", help="DuckDB path or postgresql:// URL (DETENTE_DB).")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback only by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    ingest_token_file: Annotated[
        Path | None,
        typer.Option(help="File holding the token that enables POST /api/ingest (else DETENTE_INGEST_TOKEN)."),
    ] = None,
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json) and the web UI over HTTP.

    Example: `detente serve --db news.duckdb --port 8000`
    """
    from detente.api import serve

    try:
        serve(_settings(db=db), host=host, port=port, token_file=ingest_token_file)
    except DetenteError as exc:
        raise _fail(exc) from None


actors_app = typer.Typer(help="Inspect and extend the actor dictionary.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")
DEFAULT_USER_ACTORS = Path("detente_actors.yaml")


@actors_app.command("unresolved")
def actors_unresolved_command(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many names to list.")] = 50,
) -> None:
    """List the most frequent names the dictionary did not resolve, across the store.

    Example: `detente actors unresolved --db news.duckdb --limit 20`
    """
    from detente.query import unresolved_names
    from detente.store import open_store

    try:
        with open_store(_settings(db=db).db, read_only=True) as store:
            names = unresolved_names(store, limit=limit)
    except DetenteError as exc:
        raise _fail(exc) from None
    table = Table(title=f"{len(names)} most frequent unresolved names")
    for column in ("name", "mentions", "articles", "country guess", "sector guess", "entity type"):
        table.add_column(column)
    for n in names:
        table.add_row(
            n.text, str(n.mentions), str(n.articles), n.country_guess or "", n.sector_guess or "", n.kind or ""
        )
    out.print(table)
    out.print("Add one with: detente actors add NAME --kind person --country ISO3 --sector GOV")


@actors_app.command("add")
def actors_add_command(
    name: Annotated[str, typer.Argument(help="The actor's name as it should be shown.")],
    kind: Annotated[str, typer.Option(help="country, person, igo, ngo, group, company, media or party.")] = "person",
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-3 code.")] = None,
    sector: Annotated[str | None, typer.Option(help="CAMEO/PLOVER agent code: GOV, MIL, REB, OPP, BUS, ...")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Another name it goes by (repeatable).")] = None,
    file: Annotated[
        Path | None, typer.Option(help="User actor file (default: --actors / DETENTE_ACTORS / ./detente_actors.yaml).")
    ] = None,
) -> None:
    """Add an actor to your own dictionary file; every later run picks it up.

    Example: `detente actors add "Sense Analytics" --kind company --country BLR --sector BUS`
    """
    from detente.actors.user_file import add_actor

    path = file or _settings().actors or DEFAULT_USER_ACTORS
    try:
        actor_id = add_actor(path, name=name, kind=kind, country=country, sector=sector, aliases=alias or [])
    except DetenteError as exc:
        raise _fail(exc) from None
    out.print(f"added {actor_id!r} to {path}; use it with --actors {path} (or set DETENTE_ACTORS)")


@actors_app.command("lookup")
def actors_lookup_command(
    name: Annotated[str, typer.Argument(help="A name, alias, demonym or capital.")],
    on: Annotated[
        dt.datetime | None, typer.Option("--on", formats=["%Y-%m-%d"], help="Resolve roles at this date.")
    ] = None,
    actors: ActorsOption = None,
) -> None:
    """Show what the dictionary makes of a name (and the role valid on a date).

    Example: `detente actors lookup Putin --on 2010-01-01`
    """
    from detente.actors.dictionary import ActorDictionary

    try:
        dictionary = ActorDictionary.load(user_file=_settings(actors=actors).actors)
    except DetenteError as exc:
        raise _fail(exc) from None
    match = dictionary.lookup(name)
    if match is None:
        out.print(f"{name!r} is not in the dictionary")
        raise typer.Exit(1)
    when = on.date() if on else dt.date.today()
    actor = match.actor_at(when)
    role = match.entry.role_at(when)
    out.print(f"{name!r} → {actor.name} [{actor.id}] country={actor.country} sector={actor.sector} kind={actor.kind}")
    if role is not None:
        out.print(f"role on {when.isoformat()}: {role.title} ({role.start or '…'} – {role.end or 'today'})")


def main() -> None:
    app()
