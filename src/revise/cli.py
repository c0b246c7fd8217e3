"""The command line: one typer app, its commands registered from `revise.commands`
(one small module a command), and the one place errors become a line and an exit code.

`revise --db PATH COMMAND` and `revise COMMAND --db PATH` both name the database (see
`revise.commands.common`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from revise.commands import register_all
from revise.errors import ReviseError


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


class _Group(TyperGroup):
    """Turns domain errors into one line on stderr and an exit code, for every command."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException, BrokenPipeError):
            raise  # a closed pipe is `main`'s to handle: `revise cards | head`
        except (Exception, KeyboardInterrupt) as error:
            told = failure(error)
            if told is None:
                raise
            typer.echo(told[0], err=True)
            raise typer.Exit(told[1]) from None

    def list_commands(self, ctx: typer.Context) -> list[str]:
        return list(self.commands)  # in the order they are registered, not sorted


app = typer.Typer(
    cls=_Group,
    help="Spaced-repetition flashcards from your revision notes.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback(invoke_without_command=True)
def _today(
    ctx: typer.Context,
    database: Annotated[
        Path | None,
        typer.Option("--db", envvar="REVISE_DB", show_default=False, dir_okay=False,
                     help="Database file (default: $REVISE_DB, else revise.db in your user "
                          "data folder)."),
    ] = None,
) -> None:
    """With no command: today's dashboard."""
    if ctx.invoked_subcommand is None:
        from revise.commands.dashboard import dashboard

        dashboard(ctx)


register_all(app)


def main() -> None:
    try:
        app(prog_name="revise")
    except BrokenPipeError:
        # A closed pipe (`revise cards | head`) is not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
