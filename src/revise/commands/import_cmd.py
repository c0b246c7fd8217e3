"""`revise import`: cards from an Anki package, Anki text file or CSV file."""

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from revise.commands.common import DbOption, bulk_work, open_store


def import_(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="An .apkg, Anki text (.txt) or .csv file.",
                                         show_default=False)],
    deck: Annotated[
        str | None,
        typer.Option("--deck", "-d",
                     help="Deck for notes whose file names none [default: the file's name]."),
    ] = None,
    database: DbOption = None,
) -> None:
    """Bring in cards from Anki (.apkg, basic and cloze notes) or a text or CSV file.

    Decks and tags are kept. Importing the same file again adds nothing; importing
    a newer version of it updates the cards it brought in, keeping their reviews.

    Example: revise import ~/Downloads/russia.apkg
    """
    from datetime import UTC, datetime

    from revise.importers import import_file

    # bulk: a first import into a new database goes straight into the file
    with bulk_work(), open_store(ctx, database, bulk=True) as store, \
            _progress_bar(f"Importing {path.name}") as progress:
        report = import_file(store, path, deck=deck, now=datetime.now(UTC), progress=progress)
    typer.echo(str(report))


@contextmanager
def _progress_bar(title: str):
    """A progress callback drawing a bar on stderr when it is a terminal, else None."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from revise.commands.common import console

    with Progress("{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console(stderr=True), transient=True) as bar:
        task = bar.add_task(f"{title}: reading notes", total=None)

        def advance(done: int, total: int | None) -> None:
            # read to the end: what is left is saving the cards
            described = "saving cards" if done == total else "reading notes"
            bar.update(task, completed=done, total=total, description=f"{title}: {described}")

        yield advance


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
