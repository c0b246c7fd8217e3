"""`revise import`: cards from an Anki package, Anki text file or CSV file."""

from pathlib import Path
from typing import Annotated

import typer

from revise.commands.common import DbOption, open_store


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

    with open_store(ctx, database) as store:
        report = import_file(store, path, deck=deck, now=datetime.now(UTC))
    typer.echo(str(report))


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
