"""The ``actorgraph`` command line: a thin layer over the library.

Each command parses its arguments, calls one library function, and turns the project's
own exceptions (:class:`graph.errors.ActorGraphError`) into ``Error: …`` and exit 1.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from graph.errors import ActorGraphError

app = typer.Typer(
    name="actorgraph",
    help="Build a graph of the states, officials and groups named in French news articles.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

T = TypeVar("T")

#: ``--quiet`` and ``--verbose``, on every command.
Quiet = Annotated[bool, typer.Option("--quiet", "-q",
                                     help="Print only errors and warnings (no progress).")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Also print debug log lines.")]


def _logging(quiet: bool, verbose: bool) -> None:
    """Log lines (progress, timings) go to stderr; see :mod:`pipelines.progress`."""
    from pipelines.progress import configure_logging

    configure_logging(quiet=quiet, verbose=verbose)


def _run(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    try:
        return func(*args, **kwargs)
    except ActorGraphError as exc:
        from pipelines.display import shown

        typer.echo(f"Error: {shown(exc)}", err=True)
        raise typer.Exit(1) from None


def _types(value: list[str] | None) -> list[str] | None:
    if not value:
        return None
    out: list[str] = []
    for item in value:
        out.extend(t.strip() for t in item.split(",") if t.strip())
    return out


def _engine(name: str, scheduler: str | None) -> Any:
    """The engine ``--engine``/``--scheduler`` ask for (None: the default local one)."""
    if name == "local":
        return None
    from pipelines.engines.dask import DaskEngine

    return _run(DaskEngine, scheduler=scheduler)


@app.command()
def build(
    corpus: Annotated[
        Path | None,
        typer.Argument(help="Folder of articles (.txt .md .html .jsonl .csv), or one "
                       ".jsonl/.jsonl.gz/.csv file. Default: the bundled sample corpus."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
    window: Annotated[
        str, typer.Option(help="Co-occurrence window for edges: 'article' or 'sentence'.")
    ] = "article",
    aliases: Annotated[
        Path | None,
        typer.Option(help="Analyst overrides (CSV or JSONL): merge, rename, retype or drop."),
    ] = None,
    capitals: Annotated[
        bool,
        typer.Option("--capitals/--no-capitals",
                     help="Resolve capitals, demonyms and seats of power to their state."),
    ] = True,
    max_nodes: Annotated[
        int, typer.Option(help="Most actors drawn in graph.html (the most connected kept).")
    ] = 500,
    progress: Annotated[bool, typer.Option("--progress/--no-progress")] = True,
    since: Annotated[str | None, typer.Option(
        help="Only articles dated from this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(
        help="Only articles dated up to this date (inclusive).")] = None,
    engine: Annotated[str, typer.Option(
        help="Where spaCy and extraction run: 'local' (a pool of processes) or 'dask' "
        "(Dask distributed; pip install 'actorgraph[dask]').")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        help="With --engine dask: a running Dask scheduler (tcp://HOST:8786). "
        "Default: a local cluster, one worker per core.")] = None,
    raw_csv: Annotated[bool, typer.Option(
        "--raw-csv", help="Write CSV cells as they are: no leading ' before a cell that "
        "starts with = + - @ (spreadsheet formula guard).")] = False,
    max_entries: Annotated[int | None, typer.Option(
        help="Most files and folders a corpus folder may hold (default 1,000,000).")] = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Read a corpus, extract and resolve actors, and write graph.html, graph.graphml
    and mentions.csv into the output folder.

    When stderr is not a terminal (nohup, a scheduler), progress comes as log lines, at
    most one every 10 s, and the phase timings at the end.

    Example: actorgraph build articles/ --out output --since 2020 --until 2021-06
    """
    from graph.gc_pause import gc_paused
    from pipelines.build.orchestrate import build_corpus
    from pipelines.progress import LOGGER_NAME, choose_reporter, format_timings

    _logging(quiet, verbose)
    reporter = choose_reporter(enabled=progress and not quiet)
    logging.getLogger(LOGGER_NAME).debug(
        "build %s into %s (window %s, capitals %s, since %s, until %s); progress: %s",
        corpus or "the sample corpus", out, window, capitals, since, until,
        type(reporter).__name__)
    if window not in ("article", "sentence"):
        typer.echo("Error: --window must be 'article' or 'sentence'", err=True)
        raise typer.Exit(2)
    if engine not in ("local", "dask"):
        typer.echo("Error: --engine must be 'local' or 'dask'", err=True)
        raise typer.Exit(2)
    if scheduler is not None and engine != "dask":
        typer.echo("Error: --scheduler needs --engine dask", err=True)
        raise typer.Exit(2)
    # the collector stays paused to the end of the command: switched on again after the
    # build, its first collection would walk every object the build made (seconds on a big
    # corpus) just before main() leaves (os._exit)
    with gc_paused():
        result = _run(
            build_corpus, corpus, out, window=window, aliases=aliases,
            capitals=capitals, max_nodes=max_nodes, since=since, until=until,
            progress=reporter, raw_csv=raw_csv, max_entries=max_entries,
            engine=_engine(engine, scheduler),
        )
        logging.getLogger(LOGGER_NAME).info("%s", format_timings(result.timings,
                                                                 result.seconds))
        if not quiet:
            typer.echo(result.summary())


@app.command()
def render(
    graph_file: Annotated[Path, typer.Argument(metavar="GRAPH", help="A saved graph file.")],
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="File to write; the format comes from its extension: .html "
        "(the interactive page), .svg, .png or .pdf (a static figure).")] = None,
    max_nodes: Annotated[int | None, typer.Option(
        help="Most actors drawn (most connected kept); default 500 for .html, 150 for a "
        "figure.")] = None,
    min_weight: Annotated[int, typer.Option(help="Hide edges lighter than this.")] = 1,
    type_: Annotated[
        list[str] | None,
        typer.Option("--type", help="Only these actor types (repeat or comma-separate)."),
    ] = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Re-render the interactive HTML view from a saved graph, or draw it as a static
    figure for print (.svg .png .pdf; needs matplotlib: pip install 'actorgraph[figures]').

    Example: actorgraph render output/graph.graphml --out mali.html --type state,official

    Example: actorgraph render output --out figure.svg --max-nodes 60
    """
    _logging(quiet, verbose)
    from graph.draw import render_to

    target = out or graph_file.with_suffix(".html")
    info = _run(render_to, graph_file, target, max_nodes=max_nodes,
                min_weight=min_weight, types=_types(type_))
    if not quiet:
        typer.echo(str(info))


@app.command()
def export(
    graph_file: Annotated[Path, typer.Argument(metavar="GRAPH", help="A saved graph file.")],
    to: Annotated[
        Path,
        typer.Option("--to", help="Target file; the format comes from its extension "
                     "(.graphml .gexf .json .csv .parquet: x.parquet writes "
                     "x.nodes.parquet, x.edges.parquet, …)."),
    ],
    type_: Annotated[
        list[str] | None,
        typer.Option("--type", help="Only these actor types (repeat or comma-separate)."),
    ] = None,
    min_weight: Annotated[int, typer.Option(help="Drop edges lighter than this.")] = 1,
    since: Annotated[str | None, typer.Option(help="Only articles from this date (ISO).")]
    = None,
    until: Annotated[str | None, typer.Option(help="Only articles up to this date (ISO).")]
    = None,
    dynamic: Annotated[bool, typer.Option(
        "--dynamic", help="GEXF only: a dynamic graph (a spell per month with articles on "
        "every actor and link, the weight per month) for Gephi's Timeline.")] = False,
    raw_csv: Annotated[bool, typer.Option(
        "--raw-csv", help="CSV only: cells as they are, no leading ' before a cell that "
        "starts with = + - @ (spreadsheet formula guard).")] = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Export a saved graph to GraphML, GEXF, node-link JSON, nodes/edges CSV or Parquet
    tables (nodes, edges, interactions, mentions, articles).

    Example: actorgraph export output/graph.graphml --to mali.gexf --min-weight 2
    """
    _logging(quiet, verbose)
    from graph.export import export_file

    written = _run(export_file, graph_file, to, types=_types(type_), min_weight=min_weight,
                   since=since, until=until, dynamic=dynamic, raw_csv=raw_csv)
    if not quiet:
        typer.echo(str(written))


@app.command()
def show(
    graph_file: Annotated[Path, typer.Argument(metavar="GRAPH", help="A saved graph file.")],
    name: Annotated[str | None, typer.Argument(help="An actor's name or alias.")] = None,
    top: Annotated[int, typer.Option(help="How many actors or neighbours to list.")] = 15,
    by: Annotated[str, typer.Option(
        help="Rank an actor's neighbours by shared articles ('weight') or by association "
             "strength ('association': specific ties first).")] = "weight",
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Print the top actors, or one actor's card, as a table.

    Example: actorgraph show output/graph.graphml Lavrov --by association
    """
    _logging(quiet, verbose)
    from graph.show import show_graph

    _run(show_graph, graph_file, name, top=top, by=by)


@app.command()
def diff(
    graph_file: Annotated[Path, typer.Argument(metavar="GRAPH", help="A saved graph file.")],
    before: Annotated[str, typer.Option(
        help="First period: YYYY, YYYY-MM, or FROM..TO (e.g. 2019-01..2019-06).")],
    after: Annotated[str, typer.Option(help="Second period, written the same way.")],
    top: Annotated[int, typer.Option(help="Rows shown per table.")] = 10,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Compare two periods of a saved graph: actors and links that appeared,
    disappeared, strengthened or weakened, as tables.

    Example: actorgraph diff output/graph.graphml --before 2020 --after 2022
    """
    _logging(quiet, verbose)
    from graph.show_time import show_diff

    _run(show_diff, graph_file, before, after, top=top)


@app.command()
def duplicates(
    out: Annotated[
        Path, typer.Argument(help="A build's output folder (or its mentions.csv).")
    ] = Path("output"),
    threshold: Annotated[float, typer.Option(help="Name similarity, 0-100.")] = 85.0,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """List probable duplicate actors (similar names, compatible types) for review.

    Example: actorgraph duplicates output
    """
    _logging(quiet, verbose)
    from pipelines.resolution.duplicates import find_duplicates, format_duplicates

    pairs = _run(find_duplicates, out, threshold=threshold)
    typer.echo(format_duplicates(pairs))


def _exit_code(exc: SystemExit) -> int:
    """The status :class:`SystemExit` would give (a message is printed, as Python does)."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=sys.stderr)
    return 1


def main() -> None:
    """The ``actorgraph`` command.

    A finished command leaves with ``os._exit`` once its output is flushed (every file it
    wrote is closed by then): freeing a big corpus's graph and analyses one object at a
    time would take seconds (3.7 s on OrangeSum) for nothing. An unexpected exception
    leaves the normal way, with its traceback. Calling :data:`app` directly, as the tests
    do, keeps the normal exit.
    """
    try:
        app()
        code = 0
    except SystemExit as exc:
        code = _exit_code(exc)
    logging.shutdown()  # handlers may hold buffered records
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can reach it
            code = code or 1
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
