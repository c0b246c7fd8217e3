"""`revise extract`: notes files → cards in the database."""

from pathlib import Path
from typing import Annotated

import typer

from revise.commands.common import DbOption, database_path, write_json


def extract(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Notes files to read.", show_default=False)],
    deck: Annotated[
        str | None,
        typer.Option("--deck", "-d", help="Deck to file the cards in [default: the file's name]."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; write nothing.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the cards as a JSON array.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show each line of the notes with the cards it "
                           "gives, and the lines that give none; write nothing.")
    ] = False,
    database: DbOption = None,
) -> None:
    """Turn notes into cards: terms, people, formulas, dates, figures, causes, lists,
    vocabulary, and the cards you write yourself (`question :: answer`).

    Running it again on edited notes updates the cards, keeps their review
    history, and retires cards whose bullets were removed. --explain shows which
    lines gave which cards, and which gave none.

    Example: revise extract data/notes.txt --deck stalin
    """
    from datetime import UTC, datetime
    from functools import partial

    from revise.environment import cores
    from revise.extract_files import extract_files
    from revise.progress_bar import progress_bar

    if explain:
        _explain(paths, deck)
        return

    results = extract_files(database_path(ctx, database), paths, now=datetime.now(UTC),
                            deck=deck, dry_run=dry_run, with_cards=as_json, workers=cores(),
                            progress=partial(progress_bar, "Reading notes", unit="parts",
                                             min_items=2))
    if as_json:
        write_json([card for result in results for card in result.cards])
        if dry_run:
            return  # stdout holds only the JSON array
    suffix = " (dry run: nothing written)" if dry_run else ""
    for result in results:
        typer.echo(f"{result.path} → deck {result.deck}: {result.report}{suffix}", err=as_json)
        for line in result.changes if not as_json else ():
            typer.echo(line)
        for line in result.notices:
            typer.echo(line, err=as_json)


def _explain(paths: list[Path], deck: str | None) -> None:
    from revise.extract import explain
    from revise.extract_files import read_notes

    for path in paths:
        rows = explain(read_notes(path), deck or path.stem)
        given = sum(1 for row in rows if row.cards)
        typer.echo(f"{path}: {given} of {len(rows)} lines give cards")
        for row in rows:
            typer.echo(f"{row.line:>5}  {row.text}")
            for card in row.cards:
                answer = card.answer.replace("\n", " / ")
                typer.echo(f"       → [{card.kind}] {card.question}  ⟶  {answer}")
            if row.in_list and not row.cards:
                typer.echo("       (an item of the list card above)")
            elif not row.cards:
                typer.echo("       (no card: rephrase it as `Term: meaning`, or write one "
                           "with `question :: answer`)")


def register(app: typer.Typer) -> None:
    app.command()(extract)
