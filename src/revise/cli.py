"""The command line's entry point: `revise` runs `main`, which runs the typer app in
`revise.app` (every command, parsing, help and error messages).

Importing typer and building that app take longer than `revise due` itself. So the
plain forms of the commands run most often, `revise due --json`, `revise stats --json`
and `revise review` with at most --db, --deck and --topic, run here without them, and
`revise --help` prints typer's page from `revise.helptext`; anything else, other help
and mistakes included, goes to typer. Also here: what the commands share that needs
neither typer nor rich until it is called. Even pathlib and datetime wait until a
command needs them.
"""

from __future__ import annotations

import os
import sys
import time

from revise.errors import ReviseError

TYPE_CHECKING = False  # typing's, without loading typing
if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime
    from pathlib import Path


def main() -> None:
    try:
        if sys.argv[1:] in (["--help"], ["-h"]):
            from revise import helptext

            if _terminal_columns() >= helptext.WIDTH:
                sys.stdout.write(helptext.PAGE)
                sys.stdout.flush()
                sys.exit(0)
        quick = _quick_command(sys.argv[1:])
        if quick is not None:
            sys.exit(_run_quick(*quick))
        from revise.app import app

        app()
    except BrokenPipeError:
        # A closed pipe (`revise cards | head`) is not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)


def __getattr__(name: str):
    # The typer app and its shared options, for the commands and tests that import them
    # from here; loading them loads typer.
    if name in ("app", "DbOption"):
        from revise import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def failure(error: BaseException) -> tuple[str, int] | None:
    """The line for stderr and the exit code of a command that raised `error`, or None
    when REVISE_DEBUG=1 asks for the traceback instead."""
    if isinstance(error, ReviseError):
        return f"error: {error}", 1
    if isinstance(error, KeyboardInterrupt):
        return (f"interrupted: {error}" if str(error) else "interrupted"), 130
    # A bug still gets one line, not a traceback.
    if os.environ.get("REVISE_DEBUG"):
        return None
    import sqlite3

    if isinstance(error, sqlite3.DatabaseError):
        return f"error: database error: {error}", 1
    return f"error: unexpected {type(error).__name__}: {error} (REVISE_DEBUG=1 shows details)", 2


# --- shared by the commands -----------------------------------------------------------


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("revise", appauthor=False) / "revise.db"


def db_path(db: Path | None) -> Path:
    """--db, else $REVISE_DB (typer fills `db` from it), else the user data folder."""
    if db is not None:
        return db
    path = default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def open_store(db: Path | None, *, readonly: bool = False, bulk: bool = False):
    from revise.db import Store

    return Store(db_path(db), readonly=readonly, bulk=bulk)


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


LONG_LIST = 1000  # items: from here, orjson's speed is worth its loading time


def write_json(data: dict | list | str) -> None:
    """`data` as JSON on stdout: indented for a person at a terminal, compact for a
    program. A str is JSON text already (a report put together from JSON the database
    wrote). A long list (`cards --json` on 100,000 cards) goes through orjson, which
    writes it in a tenth of the standard library's time; anything else through the
    standard library, which is loaded already where orjson takes ~25 ms to load."""
    import json

    at_terminal = sys.stdout.isatty()
    if isinstance(data, list) and len(data) > LONG_LIST:
        import orjson

        option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if at_terminal else 0)
        out = orjson.dumps(data, option=option)
    else:
        if at_terminal:
            data = json.dumps(json.loads(data) if isinstance(data, str) else data, indent=2,
                              ensure_ascii=False)
        elif not isinstance(data, str):
            data = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        out = (data + "\n").encode()
    sys.stdout.flush()
    sys.stdout.buffer.write(out)
    sys.stdout.flush()


def clock_from_env(environ: dict | None = None) -> Callable[[], datetime]:
    """Real UTC time, or REVISE_NOW running on from the moment the process started.

    REVISE_NOW (an ISO 8601 time) and REVISE_FUZZ=0 (no random spread of review
    intervals) exist for tests and demonstrations, not for daily use."""
    from datetime import UTC, datetime, timedelta

    environ = os.environ if environ is None else environ
    fixed = environ.get("REVISE_NOW")
    if not fixed:
        return lambda: datetime.now(UTC)
    start = datetime.fromisoformat(fixed)
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    start = start.astimezone(UTC)
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def fuzz_from_env(environ: dict | None = None) -> bool:
    environ = os.environ if environ is None else environ
    return environ.get("REVISE_FUZZ", "1") != "0"


# --- the commands run without typer --------------------------------------------------


def _terminal_columns() -> int:
    """The width click wraps help to (before its own cap): shutil.get_terminal_size's
    columns, worked out as it does, without loading shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


MAX_CORES = 8


def cores() -> int:
    """How many cores a command may keep busy: REVISE_WORKERS, else those available."""
    setting = os.environ.get("REVISE_WORKERS", "").strip()
    if setting.isdigit() and int(setting) > 0:
        return min(int(setting), MAX_CORES)
    available = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return min(len(available) if available else os.cpu_count() or 1, MAX_CORES)


def due_today(db: Path | None) -> dict:
    """`revise due`'s report."""
    from revise.progress import due_report, rollover_hour

    with open_store(db) as store:
        return due_report(store, clock_from_env()(), rollover=rollover_hour(store))


def stats_now(db: Path | None, deck: str | None, *, as_json: bool = False) -> dict | str:
    """`revise stats`'s report, or (`as_json`) its JSON text."""
    from revise.progress import report_json, rollover_hour, stats_report

    with open_store(db) as store:
        report = stats_report(store, clock_from_env()(), deck=deck,
                              rollover=rollover_hour(store), threads=cores(),
                              topics_as_json=as_json)
    return report_json(report) if as_json else report


def invoked_as(program: str | None = None) -> str:
    """How to run this revise again in hints: `revise` when the PATH finds this one, else
    the path it was started by (`.venv/bin/revise` after `make review`)."""
    import shutil

    program = sys.argv[0] if program is None else program
    if os.path.basename(program) != "revise":
        return "revise"  # python -m revise, or a test runner
    found = shutil.which("revise")
    if found and os.path.realpath(found) == os.path.realpath(program):
        return "revise"
    relative = os.path.relpath(program)
    return _quoted(relative if not relative.startswith("..") else os.path.abspath(program))


def _quoted(text: str) -> str:
    import shlex

    return shlex.quote(text)


def start_review(db: Path | None, *, deck: str | None = None, topic: str | None = None,
                 new: int | None = None, limit: int | None = None,
                 type_answer: bool = False) -> None:
    """`revise review`: a session in this terminal."""
    if not sys.stdin.isatty():
        raise ReviseError("review needs an interactive terminal (standard input is not one)")
    from revise.progress import rollover_hour
    from revise.review import Options, learn_ahead, run_in_terminal

    with open_store(db) as store:
        again = f"{invoked_as()} review" + (f" --db {_quoted(str(db))}" if db else "")
        options = Options(deck=deck, topic=topic, new=new, limit=limit,
                          type_answer=type_answer, rollover_hour=rollover_hour(store),
                          fuzz=fuzz_from_env(), learn_ahead=learn_ahead(store), again=again)
        run_in_terminal(store, options, clock_from_env())


# The plain forms main() runs without typer: per command, the options read (True: a
# value follows), `-x` short for the long option, and those that must be given.
_QUICK_OPTIONS = {
    "due": {"--json": False, "--db": True},
    "stats": {"--json": False, "--db": True, "--deck": True},
    "review": {"--db": True, "--deck": True, "--topic": True},
}
_SHORT = {"-d": "--deck", "-t": "--topic"}
_REQUIRED = {"due": "--json", "stats": "--json"}  # their tables are drawn by rich: typer's job


def _quick_command(argv: list[str]) -> tuple[str, dict] | None:
    """(command, options) when `argv` is a plain `due --json`, `stats --json` or `review`
    that typer would read the same way; None sends it to typer. Repeated options, values
    that look like options and database paths typer would refuse all go to typer."""
    if not argv or argv[0] not in _QUICK_OPTIONS:
        return None
    known = _QUICK_OPTIONS[argv[0]]
    given: dict[str, str | bool] = {}
    args = iter(argv[1:])
    for arg in args:
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        name = _SHORT.get(name, name)
        if name not in known or name in given:
            return None
        if not known[name]:
            if equals:
                return None
            given[name] = True
            continue
        if not equals:
            value = next(args, None)
        if not value or value.startswith("-"):
            return None
        given[name] = value
    required = _REQUIRED.get(argv[0])
    if required is not None and required not in given:
        return None
    # typer reads $REVISE_DB for the app's own --db too, and checks it even when the
    # command has one: let it say what is wrong with either.
    paths = [given.get("--db"), os.environ.get("REVISE_DB") or None]
    for path in paths:
        if path is not None and (os.path.isdir(path) or (
                os.path.exists(path) and not os.access(path, os.R_OK))):
            return None
    path = paths[0] or paths[1]
    if path is not None:
        from pathlib import Path

        path = Path(path)
    given["--db"] = path
    return argv[0], given


def _run_quick(command: str, options: dict) -> int:
    """What the typer command does with these options; the exit code."""
    db = options["--db"]
    try:
        if command == "review":
            start_review(db, deck=options.get("--deck"), topic=options.get("--topic"))
            return 0
        report = (due_today(db) if command == "due"
                  else stats_now(db, options.get("--deck"), as_json=True))
    except (Exception, KeyboardInterrupt) as error:
        told = failure(error)
        if told is None:
            raise
        sys.stderr.write(told[0] + "\n")
        return told[1]
    write_json(report)
    return 0
