"""`revise export`: write a deck to a file in another format."""

from pathlib import Path
from typing import Annotated

import typer

from revise.commands.common import DbOption, DeckOption, KindOption, TopicOption, read_store


def export(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write.", dir_okay=False)
    ],
    format_name: Annotated[
        str,
        typer.Option("--format", "-f", help="Output format: apkg, anki-txt, csv, json or md."),
    ] = "json",
    deck: DeckOption = None,
    topic: TopicOption = None,
    kind: KindOption = None,
    with_scheduling: Annotated[
        bool,
        typer.Option("--with-scheduling",
                     help="apkg: reviewed cards keep their progress and review history in Anki."),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    database: DbOption = None,
) -> None:
    """Export cards to a file: an Anki package or text file, CSV, JSON or a worksheet.

    apkg and anki-txt import into Anki; exporting again after the notes changed and
    importing that updates the Anki notes in place. csv is for spreadsheets, json
    keeps every field, md is a printable worksheet with the answers at the end.
    Retired cards are left out, except from json, which marks them.

    Example: revise export --format apkg -o stalin.apkg --deck notes --with-scheduling
    """
    from revise.export import check_format, check_output, export_cards

    check_format(format_name, with_scheduling)
    check_output(output, force)
    with read_store(ctx, database) as store:
        written = export_cards(store, output, format_name, deck=deck, topic=topic, kind=kind,
                               with_scheduling=with_scheduling, force=force)
    typer.echo(f"{written} cards → {output}")


def register(app: typer.Typer) -> None:
    app.command()(export)
