"""`revise stats`: how revision has gone."""

import typer

from revise.commands.common import (
    DbOption,
    DeckOption,
    JsonOption,
    console,
    read_store,
    write_json,
)


def stats(ctx: typer.Context, deck: DeckOption = None, as_json: JsonOption = False,
          database: DbOption = None) -> None:
    """Show reviews, streak, retention, a 30-day forecast, a calendar and topic strength.

    True retention counts answers to cards in review over the last 30 days that were
    not Again. The topic table shows each topic's mean chance of recall now and its
    weakest cards.

    Example: revise stats --deck notes
    """
    from revise.environment import clock_from_env
    from revise.progress import stats_now

    with read_store(ctx, database) as store:
        report = stats_now(store, clock_from_env()(), deck=deck)
    if as_json:
        write_json(report)
        return
    from revise.progress import render_stats

    console().print(render_stats(report))


def register(app: typer.Typer) -> None:
    app.command()(stats)
