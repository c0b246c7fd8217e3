"""The typer app: every command, the options they share, and one-line errors.

Each command lives in `revise.commands.<name>` and imports what it needs when it runs,
so `revise --help` stays instant. `revise.cli.main` runs this app for everything but the
plain forms of `due --json`, `stats --json` and `review`, which it runs without typer.
"""

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from revise.cli import failure


class _Group(TyperGroup):
    """Turns domain errors into one line on stderr and an exit code, for every command."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):
            raise
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
