"""`revise build`: a teacher's deck file → a deck in the database, or a file to hand out."""

from pathlib import Path
from typing import Annotated

import typer

from revise.commands.common import DbOption, open_store


def build(
    ctx: typer.Context,
    deck_file: Annotated[Path, typer.Argument(help="A deck file (.toml), e.g. decks/purges.toml.",
                                              show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False,
                     help="Also write the deck to this file: .apkg, .txt (Anki text), .csv, "
                          ".json, .md or .html (worksheet)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    allow_outside: Annotated[
        bool,
        typer.Option("--allow-outside",
                     help="Let the deck file read notes outside its own folder (an absolute "
                          "path, or one leaving it by .. or a link): only for a file you trust."),
    ] = False,
    database: DbOption = None,
) -> None:
    """Build a deck from a deck file: its notes, topics, kinds and cap.

    The deck is kept in the database under its name, so building again after the
    notes changed updates its cards (and a package built again updates them in
    Anki in place). With -o the deck is also written to a file to hand out.

    A deck file reads notes from its own folder and below; the shipped ones in decks/
    draw on data/notes.txt, so they need --allow-outside.

    Example: revise build decks/purges.toml --allow-outside -o purges.apkg
    """
    from datetime import UTC, datetime

    from revise.build import build_deck

    with open_store(ctx, database) as store:
        built = build_deck(store, deck_file, now=datetime.now(UTC), output=output, force=force,
                           allow_outside=allow_outside)
    for notes, report in built.reports:
        typer.echo(f"{notes} → deck {built.deck}: {report}")
    if output is not None:
        typer.echo(f"{built.exported} cards → {output}")


def register(app: typer.Typer) -> None:
    app.command()(build)
