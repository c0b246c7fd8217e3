"""`revise backup` and `revise restore`: copies of the database, safe to take at any time."""

from pathlib import Path
from typing import Annotated

import typer

from revise.commands.common import DbOption, database_path


def backup(
    ctx: typer.Context,
    target: Annotated[
        Path | None,
        typer.Argument(help="Where to write the copy [default: beside the database, dated].",
                       show_default=False, dir_okay=True),
    ] = None,
    database: DbOption = None,
) -> None:
    """Copy the database safely, even while a review session is running.

    Example: revise backup ~/revise-2026-11-27.db
    """
    from datetime import UTC, datetime

    from revise.store import backup as copy_database

    source = database_path(ctx, database)
    written = copy_database(source, target, now=datetime.now(UTC))
    typer.echo(f"backed up {source} → {written}")


def restore(
    ctx: typer.Context,
    backup_file: Annotated[Path, typer.Argument(help="A copy written by `revise backup`.",
                                                dir_okay=False, show_default=False)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    database: DbOption = None,
) -> None:
    """Replace the database with a backup. The current database is kept beside it first.

    Example: revise restore ~/revise-2026-11-27.db
    """
    from datetime import UTC, datetime

    from revise.store import backup_card_count
    from revise.store import restore as restore_database

    count = backup_card_count(backup_file)
    target = database_path(ctx, database)
    if not yes and not typer.confirm(
        f"Replace {target} with {backup_file} ({count} cards)?", default=False
    ):
        raise typer.Exit(1)
    kept = restore_database(target, backup_file, now=datetime.now(UTC))
    typer.echo(f"restored {backup_file} → {target} (previous database kept as {kept})")


def register(app: typer.Typer) -> None:
    app.command()(backup)
    app.command()(restore)
