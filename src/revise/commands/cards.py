"""`revise cards`: list and search cards."""

import sys
from typing import Annotated

import typer

from revise.commands.common import (
    DbOption,
    DeckOption,
    KindOption,
    TopicOption,
    console,
    read_store,
    write_json,
)


def cards(
    ctx: typer.Context,
    deck: DeckOption = None,
    topic: TopicOption = None,
    kind: KindOption = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Only cards containing this text.")
    ] = None,
    retired: Annotated[bool, typer.Option("--retired", help="Include retired cards.")] = False,
    suspended: Annotated[bool, typer.Option("--suspended",
                                            help="Only suspended cards.")] = False,
    deleted: Annotated[bool, typer.Option("--deleted",
                                          help="Only the cards you deleted.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="Show at most N.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    database: DbOption = None,
) -> None:
    """List cards as a table, each with its short id (which any command taking an ID
    accepts, as does any longer start of the id).

    Example: revise cards --topic purges --kind figure
    """
    from revise.models import TOPIC_SEPARATOR, Kind

    if kind is not None:
        if kind.strip().lower() not in set(Kind):
            raise typer.BadParameter(f"unknown kind {kind!r}; choose from {', '.join(Kind)}",
                                     param_hint="--kind")
        kind = kind.strip().lower()
    with read_store(ctx, database) as store:
        found = store.cards(deck=deck, topic=topic, kind=kind, search=search,
                            include_retired=retired, suspended=True if suspended else None,
                            deleted=deleted, limit=limit)
        if found and sys.stdout.isatty() and not as_json:
            from revise.store.manage import short_ids

            shown = short_ids(store, [card["id"] for card in found])
            for card in found:
                card["short_id"] = shown[card["id"]]
    if as_json:
        from revise.exporters.json import card_record

        write_json([card_record(card) for card in found])
        return
    if not found:
        typer.echo("No cards match.")
        return
    if not sys.stdout.isatty():
        # Piped or redirected: one tab-separated line a card, for grep, cut and spreadsheets
        # (and far faster than laying out a table nobody sees).
        lines = ("\t".join((card["id"], card["kind"], TOPIC_SEPARATOR.join(card["topic"]),
                            _one_line(card["question"]), _one_line(card["answer"])))
                 for card in found)
        typer.echo("\n".join(lines))
        return
    from revise.environment import clock_from_env
    from revise.progress import cards_table

    out = console()
    out.print(cards_table(found, clock_from_env()()), markup=False)
    out.print(f"{len(found)} card{'' if len(found) == 1 else 's'}", style="dim")


def _one_line(text: str) -> str:
    return " / ".join(text.replace("\t", " ").splitlines())


def register(app: typer.Typer) -> None:
    app.command()(cards)
