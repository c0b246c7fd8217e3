"""The command line: parse arguments, call the core, render, map errors to exit codes.

Each command lives in `revise.commands.<name>` and imports what it needs when it
runs, so `revise --help` stays instant.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from revise.errors import ReviseError


class _Group(TyperGroup):
    """Turns domain errors into one line on stderr and exit code 1, for every command."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except ReviseError as error:
            fail(str(error))
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except Exception as error:
            # A bug still gets one line, not a traceback; REVISE_DEBUG=1 shows the trace.
            if os.environ.get("REVISE_DEBUG"):
                raise
            import sqlite3

            if isinstance(error, sqlite3.DatabaseError):
                fail(f"database error: {error}")
            fail(f"unexpected {type(error).__name__}: {error} (REVISE_DEBUG=1 shows details)", 2)

    def list_commands(self, ctx: typer.Context) -> list[str]:
        return list(self.commands)  # in the order they are registered, not sorted


app = typer.Typer(
    cls=_Group,
    help="Spaced-repetition flashcards from your revision notes.",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="REVISE_DB",
        help="Database file (default: $REVISE_DB, else revise.db in your user data folder).",
        show_default=False,
        dir_okay=False,
    ),
]


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


def open_store(db: Path | None, *, readonly: bool = False):
    from revise.db import Store

    return Store(db_path(db), readonly=readonly)


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error and exit."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


@app.callback(invoke_without_command=True)
def _today(ctx: typer.Context, db: DbOption = None) -> None:
    """With no command: today's dashboard."""
    if ctx.invoked_subcommand is None:
        from revise.commands.review import dashboard

        dashboard(db)


# The order of `revise --help`.
COMMAND_MODULES = (
    "extract", "review", "optimize", "cards", "export", "import_cmd", "build", "maintenance",
    "doctor",
)


def _register() -> None:
    from importlib import import_module

    for name in COMMAND_MODULES:
        import_module(f"revise.commands.{name}").register(app)


_register()


def main() -> None:
    # A closed pipe (`revise cards | head`) is not an error worth a traceback.
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
