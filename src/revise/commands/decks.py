"""`revise decks` and `revise deck rename|delete`: the decks, their notes and cards."""

from typing import Annotated

import typer

from revise.commands.common import (
    DbOption,
    JsonOption,
    console,
    open_store,
    read_store,
    write_json,
)


def decks(ctx: typer.Context, as_json: JsonOption = False, database: DbOption = None) -> None:
    """List every deck: its notes files, its cards (new, learning, review, suspended) and
    how many are left to review today.

    Example: revise decks
    """
    from revise.environment import clock_from_env
    from revise.progress import due_today
    from revise.store.decks import deck_card_counts

    with read_store(ctx, database) as store:
        rows = deck_card_counts(store)
        today = {deck["deck"]: deck["left_today"]
                 for deck in due_today(store, clock_from_env()())["decks"]}
    listed = [{"deck": row["name"], "notes": row["notes"], "new": row["new"],
               "learning": row["learning"], "review": row["review"],
               "suspended": row["suspended"],
               "due_today": None if row["built"] else today.get(row["name"], 0),
               "built": row["built"]} for row in rows]
    if as_json:
        write_json(listed)
        return
    if not listed:
        typer.echo("No decks yet: make one with  revise extract NOTES.txt")
        return
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("deck")
    table.add_column("notes")
    for name in ("new", "learning", "review", "suspended", "due today"):
        table.add_column(name, justify="right")
    for row in listed:
        table.add_row(row["deck"], ", ".join(row["notes"]) or "-",
                      *(str(row[name]) for name in ("new", "learning", "review", "suspended")),
                      "built" if row["built"] else str(row["due_today"]))
    out = console()
    out.print(table, markup=False)
    if any(row["built"] for row in listed):
        out.print("built: a deck built to hand out (revise build) stays out of your review;"
                  " revise review --deck NAME reviews it", style="dim", markup=False)


deck_app = typer.Typer(help="Rename or delete a deck.\n\nExample: revise deck rename stalin"
                            " \"Stalin's USSR\"", no_args_is_help=True,
                       rich_markup_mode=None)


@deck_app.command()
def rename(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(help="The deck's name (any case).", show_default=False)],
    new: Annotated[str, typer.Argument(help="Its new name.", show_default=False)],
    database: DbOption = None,
) -> None:
    """Rename a deck; its cards keep their ids and history.

    Example: revise deck rename stalin "Stalin's USSR"
    """
    from revise.store.decks import rename_deck

    with open_store(ctx, database) as store:
        was = rename_deck(store, old, new)
    typer.echo(f"deck {was} is now {new.strip()}")


@deck_app.command()
def delete(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The deck's name (any case).", show_default=False)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
    database: DbOption = None,
) -> None:
    """Delete a deck with its cards and their history, after a backup of the database.

    Example: revise deck delete "old deck" --yes
    """
    from datetime import UTC, datetime

    from revise.commands.common import count, database_path
    from revise.store import backup
    from revise.store.decks import delete_deck, find_deck
    from revise.store.manage import review_count

    path = database_path(ctx, database)
    with read_store(ctx, database) as store:
        found = find_deck(store, name)
        card_ids = [row[0] for row in store.conn.execute(
            "SELECT id FROM cards WHERE deck_id = ?", [found["id"]])]
        answers = review_count(store, card_ids)
    if not yes:
        typer.confirm(f"Delete deck {found['name']} with {count(len(card_ids), 'card')} and"
                      f" {count(answers, 'answer')} of history?", abort=True, err=True)
    copy = backup(path, None, now=datetime.now(UTC))
    with open_store(ctx, database) as store:
        deleted, cards, reviews = delete_deck(store, found["name"])
    typer.echo(f"deck {deleted} deleted ({count(cards, 'card')}, {count(reviews, 'answer')});"
               f" a backup from before is at {copy} (revise restore brings it back)")


def register(app: typer.Typer) -> None:
    app.command()(decks)
    app.add_typer(deck_app, name="deck")
