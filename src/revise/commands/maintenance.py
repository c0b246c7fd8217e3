"""`revise backup` and `revise restore`: copies of the database, safe to take at any time."""

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from revise.cli import DbOption, db_path, open_store
from revise.errors import ReviseError


def backup(
    target: Annotated[
        Path | None,
        typer.Argument(help="Where to write the copy [default: beside the database, dated].",
                       show_default=False, dir_okay=True),
    ] = None,
    db: DbOption = None,
) -> None:
    """Copy the database safely, even while a review session is running.

    Example: revise backup ~/revise-2026-11-27.db
    """
    source = db_path(db)
    if not source.exists():
        raise ReviseError(f"no database at {source}: nothing to back up")
    if target is None:
        target = source.with_name(f"{source.stem}-{datetime.now():%Y%m%d-%H%M%S}.backup.db")
    elif target.is_dir():
        target = target / f"{source.stem}-{datetime.now():%Y%m%d-%H%M%S}.backup.db"
    if target.exists():
        raise ReviseError(f"{target} exists; choose another path")
    if not target.parent.is_dir():
        raise ReviseError(f"folder {target.parent} does not exist")
    with open_store(db) as store:
        store.backup_to(target)
    typer.echo(f"backed up {source} → {target}")


def restore(
    backup_file: Annotated[Path, typer.Argument(help="A copy written by `revise backup`.",
                                                dir_okay=False, show_default=False)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    db: DbOption = None,
) -> None:
    """Replace the database with a backup. The current database is kept beside it first.

    Example: revise restore ~/revise-2026-11-27.db
    """
    from revise.db import Store

    if not backup_file.is_file():
        raise ReviseError(f"{backup_file}: no such file")
    with Store(backup_file, readonly=True) as source:
        count = source.db.execute("SELECT count(*) FROM cards").fetchone()[0]
    target = db_path(db)
    if not yes and not typer.confirm(
        f"Replace {target} with {backup_file} ({count} cards)?", default=False
    ):
        raise typer.Exit(1)
    with open_store(db) as store:
        kept = target.with_name(f"{target.stem}-before-restore-{datetime.now():%Y%m%d-%H%M%S}.db")
        store.backup_to(kept)
        store.restore_from(backup_file)
    typer.echo(f"restored {backup_file} → {target} (previous database kept as {kept})")


def register(app: typer.Typer) -> None:
    app.command()(backup)
    app.command()(restore)
