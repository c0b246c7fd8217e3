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
                          ".json or .md (worksheet)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    database: DbOption = None,
) -> None:
    """Build a deck from a deck file: its notes, topics, kinds and cap.

    The deck is kept in the database under its name, so building again after the
    notes changed updates its cards (and a package built again updates them in
    Anki in place). With -o the deck is also written to a file to hand out.

    Example: revise build decks/purges.toml -o purges.apkg
    """
    from datetime import UTC, datetime

    from revise.build import build_deck

    with open_store(ctx, database) as store:
        built = build_deck(store, deck_file, now=datetime.now(UTC), output=output, force=force)
    for notes, report in built.reports:
        typer.echo(f"{notes} → deck {built.deck}: {report}")
    if output is not None:
        typer.echo(f"{built.exported} cards → {output}")


def register(app: typer.Typer) -> None:
    app.command()(build)
