"""`revise config`: show or change settings."""

from typing import Annotated

import typer

from revise.commands.common import DbOption, open_store


def config(
    ctx: typer.Context,
    key: Annotated[
        str | None,
        typer.Argument(help="rollover-hour, new-per-day or retention.", show_default=False),
    ] = None,
    value: Annotated[str | None, typer.Argument(help="New value.", show_default=False)] = None,
    deck: Annotated[
        str | None,
        typer.Option("--deck", "-d", help="For new-per-day and retention: only this deck "
                     "[default: every deck]."),
    ] = None,
    database: DbOption = None,
) -> None:
    """Show or change settings: rollover hour, new cards a day, desired retention.

    rollover-hour is when a new revision day starts (4 am by default). new-per-day and
    retention are deck options; without --deck they are set on every deck.

    Example: revise config retention 0.85 --deck stalin
    """
    from revise.config import configure

    with open_store(ctx, database) as store:
        settings = configure(store, key, value, deck)
    for name, setting, deck_name in settings:
        shown = f"{setting:g}" if isinstance(setting, float) else str(setting)
        typer.echo(f"{name} = {shown}" + (f"  (deck {deck_name})" if deck_name else ""))


def register(app: typer.Typer) -> None:
    app.command()(config)
