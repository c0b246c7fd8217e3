"""`revise export`: write a deck to a file in another format."""

from pathlib import Path
from typing import Annotated

import typer

from revise.commands.common import (
    DbOption,
    DeckOption,
    KindOption,
    TopicOption,
    bulk_work,
    read_store,
)


def export(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write.", dir_okay=False)
    ],
    format_name: Annotated[
        str | None,
        typer.Option("--format", "-f", show_default=False,
                     help="Output format: apkg, anki-txt, csv, json, md or html [default: "
                          "from the file name: .apkg, .txt (anki-txt), .csv, .json, .md, "
                          ".html]."),
    ] = None,
    deck: DeckOption = None,
    topic: TopicOption = None,
    kind: KindOption = None,
    with_scheduling: Annotated[
        bool,
        typer.Option("--with-scheduling",
                     help="apkg: reviewed cards keep their progress and review history in Anki."),
    ] = False,
    no_answers: Annotated[
        bool, typer.Option("--no-answers", help="md and html: leave the answers out, for a "
                           "test paper.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    database: DbOption = None,
) -> None:
    """Export cards to a file: an Anki package or text file, CSV, JSON or a worksheet.

    The format comes from the file name (.apkg, .txt, .csv, .json, .md, .html) unless
    --format gives it. apkg and anki-txt import into Anki; exporting again after the
    notes changed and importing that updates the Anki notes in place. csv is for
    spreadsheets, json keeps every field (and imports back into revise), md and html
    are worksheets to print, with the answers at the end (html on a page of their
    own) unless --no-answers leaves them out.
    Retired cards are left out, except from json, which marks them.

    Example: revise export -o stalin.apkg --deck notes --with-scheduling
    """
    from functools import partial

    from revise.export import check_format, check_output, export_cards, output_format
    from revise.progress_bar import progress_bar

    format_name = output_format(output, format_name)
    check_format(format_name, with_scheduling, not no_answers)
    check_output(output, force)
    with bulk_work(), read_store(ctx, database) as store:
        written = export_cards(store, output, format_name, deck=deck, topic=topic, kind=kind,
                               with_scheduling=with_scheduling, answers=not no_answers,
                               force=force, progress=partial(progress_bar,
                                                             f"Writing {output.name}"))
    typer.echo(f"{written} cards → {output}")


def register(app: typer.Typer) -> None:
    app.command()(export)
