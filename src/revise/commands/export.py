"""`revise export`: write a deck to a file in another format."""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from revise.cli import DbOption, open_store
from revise.commands.cards import DeckOption, KindOption, TopicOption
from revise.errors import ReviseError

if TYPE_CHECKING:
    from revise.db import Store


def export(
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
    db: DbOption = None,
) -> None:
    """Export cards to a file: an Anki package or text file, CSV, JSON or a worksheet.

    The format comes from the file name (.apkg, .txt, .csv, .json, .md) unless --format
    gives it. apkg and anki-txt import into Anki; exporting again after the notes changed and
    importing that updates the Anki notes in place. csv is for spreadsheets, json
    keeps every field, md and html are worksheets to print, with the answers at the
    end (html on a page of their own) unless --no-answers leaves them out.
    Retired cards are left out, except from json, which marks them.

    Example: revise export -o stalin.apkg --deck notes --with-scheduling
    """
    from revise.exporters import output_format

    export_cards(output, output_format(output, format_name), deck=deck, topic=topic, kind=kind,
                 with_scheduling=with_scheduling, answers=not no_answers, force=force, db=db)


def check_output(output: Path, force: bool) -> None:
    if output.is_dir():
        raise ReviseError(f"{output} is a folder; give a file name")
    if output.exists() and not force:
        raise ReviseError(f"{output} exists; add --force to overwrite it")
    if not output.parent.is_dir():
        raise ReviseError(f"folder {output.parent} does not exist")


def export_cards(
    output: Path,
    format_name: str,
    *,
    deck: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
    with_scheduling: bool = False,
    answers: bool = True,
    force: bool = False,
    db: Path | None = None,
) -> int:
    """Write the matching cards to `output`; the number written."""
    from revise.exporters import FORMATS, WORKSHEETS, writer
    from revise.progress_bar import counted, progress_bar

    if format_name not in FORMATS:
        raise ReviseError(f"unknown format {format_name!r}; choose from {', '.join(FORMATS)}")
    if with_scheduling and format_name != "apkg":
        raise ReviseError("--with-scheduling works with --format apkg only")
    if not answers and format_name not in WORKSHEETS:
        raise ReviseError("--no-answers works with the worksheets only: md and html")
    check_output(output, force)
    filters = {"deck": deck, "topic": topic, "kind": kind}
    with open_store(db) as store:
        if format_name == "apkg":
            written = _write_apkg(store, output, filters, with_scheduling)
        else:
            found = store.cards(**filters, include_retired=format_name == "json")
            if not found:
                raise ReviseError("no cards match: nothing to export")
            with _writing(output), progress_bar(f"Writing {output.name}", len(found)) as advance:
                # (worksheets go through their cards more than once; they are short)
                if format_name in WORKSHEETS:
                    writer(format_name)(found, output, answers=answers)
                else:
                    writer(format_name)(counted(found, advance), output)
            written = len(found)
    typer.echo(f"{written} cards → {output}")
    return written


def _write_apkg(store: "Store", output: Path, filters: dict, with_scheduling: bool) -> int:
    """The package is written as its cards (and reviews) are read, so they are never
    all in memory; one snapshot of the database gives them all."""
    from revise import db as queries
    from revise.exporters import writer
    from revise.progress_bar import counted, progress_bar

    with queries.read_snapshot(store):
        decks = queries.export_decks(store, **filters)
        if not decks:
            raise ReviseError("no cards match: nothing to export")
        cards = queries.export_card_rows(store, **filters, progress=with_scheduling)
        total = queries.count_cards(store, **filters)
        with _writing(output), progress_bar(f"Writing {output.name}", total) as advance:
            return writer("apkg")(counted(cards, advance), output, decks=decks,
                                  with_scheduling=with_scheduling,
                                  history=partial(queries.export_review_rows, store, **filters))


@contextmanager
def _writing(output: Path) -> Iterator[None]:
    """A failure to write `output` as one line."""
    try:
        yield
    except OSError as error:
        raise ReviseError(f"cannot write {output}: {error.strerror or error}") from None


def register(app: typer.Typer) -> None:
    app.command()(export)
