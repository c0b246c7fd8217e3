"""`revise review`, `revise due`, `revise stats`, `revise config`, and the dashboard shown
by `revise` alone. Their clock and interval fuzz come from the environment (see
`revise.cli.clock_from_env`).
"""

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from revise.cli import (
    DbOption,
    clock_from_env,
    console,
    due_today,
    open_store,
    start_review,
    stats_now,
    write_json,
)
from revise.commands.cards import DeckOption, TopicOption
from revise.errors import ReviseError

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

# `revise config` keys and what they mean
CONFIG_KEYS = {
    "rollover-hour": "hour (0-23) at which a new revision day starts [default: 4]",
    "new-per-day": "new cards a deck brings in each day [default: 20]",
    "retention": "desired retention: the chance of recall FSRS plans for, 0.70-0.99 "
                 "[default: 0.9]",
    "learn-ahead": "minutes a learning card may be shown before it is due when nothing "
                   "else is left [default: 20]",
}


def _now() -> datetime:
    return clock_from_env()()


def review(
    deck: DeckOption = None,
    topic: TopicOption = None,
    new: Annotated[
        int | None,
        typer.Option("--new", min=0, help="New cards this session, instead of each deck's "
                     "daily limit.", show_default=False),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help="At most N different cards this session.",
                     show_default=False),
    ] = None,
    type_answer: Annotated[
        bool, typer.Option("--type", help="Type each answer; it is checked for you.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Review today's cards: learning cards first, then due reviews with new cards mixed in.

    Space or Enter shows the answer; then 1 Again, 2 Hard, 3 Good, 4 Easy. u undoes the
    last answer, s suspends the card, q (or Ctrl-C) quits. Every answer is saved at once.

    Example: revise review --topic purges --new 5
    """
    start_review(db, deck=deck, topic=topic, new=new, limit=limit, type_answer=type_answer)


def due(as_json: JsonOption = False, db: DbOption = None) -> None:
    """Show what is left to review today, per deck: new, learning, due now, due later today.

    Example: revise due --json
    """
    report = due_today(db)
    if as_json:
        write_json(report)
        return
    from revise.progress import render_due

    out = console()
    if not report["decks"]:
        out.print("No cards yet: make some with revise extract NOTES.txt")
        return
    out.print(render_due(report))


def stats(deck: DeckOption = None, as_json: JsonOption = False, db: DbOption = None) -> None:
    """Show reviews, streak, retention, a 30-day forecast, a calendar and topic strength.

    True retention counts answers to cards in review over the last 30 days that were
    not Again. The topic table shows each topic's mean chance of recall now and its
    weakest cards.

    Example: revise stats --deck notes
    """
    if as_json:
        write_json(stats_now(db, deck, as_json=True))
        return
    report = stats_now(db, deck)
    from revise.progress import render_stats

    console().print(render_stats(report))


def config(
    key: Annotated[
        str | None,
        typer.Argument(help="rollover-hour, new-per-day, retention or learn-ahead.",
                       show_default=False),
    ] = None,
    value: Annotated[str | None, typer.Argument(help="New value.", show_default=False)] = None,
    deck: Annotated[
        str | None,
        typer.Option("--deck", "-d", help="For new-per-day and retention: only this deck "
                     "[default: every deck]."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Show or change settings: rollover hour, new cards a day, desired retention, learn-ahead.

    rollover-hour is when a new revision day starts (4 am by default). new-per-day and
    retention are deck options; without --deck they are set on every deck. learn-ahead
    is how many minutes early a learning card may be shown when nothing else is left.

    Example: revise config retention 0.85 --deck stalin
    """
    from revise import db as queries
    from revise.progress import ROLLOVER_SETTING, rollover_hour
    from revise.review import LEARN_AHEAD_MAX_MINUTES, LEARN_AHEAD_SETTING, learn_ahead

    if key is not None and key not in CONFIG_KEYS:
        raise ReviseError(f"unknown setting {key!r}; choose from {', '.join(CONFIG_KEYS)}")
    with open_store(db) as store:
        if value is not None:
            if key == "rollover-hour":
                if deck is not None:
                    raise ReviseError("rollover-hour is one setting for all decks: drop --deck")
                hour = _number(value, int, 0, 23, key)
                queries.set_setting(store, ROLLOVER_SETTING, str(hour))
            elif key == "learn-ahead":
                if deck is not None:
                    raise ReviseError("learn-ahead is one setting for all decks: drop --deck")
                minutes = _number(value, int, 0, LEARN_AHEAD_MAX_MINUTES, key)
                queries.set_setting(store, LEARN_AHEAD_SETTING, str(minutes))
            else:
                ids = queries.deck_ids(store, deck)
                column, number = (
                    ("new_per_day", _number(value, int, 0, 10_000, key)) if key == "new-per-day"
                    else ("desired_retention", _number(value, float, 0.7, 0.99, key)))
                with store.transaction():
                    queries.set_deck_option(store, column, number, ids)
                    if deck is None:  # every deck: the decks made from now on too
                        queries.set_setting(store, column, str(number))
        hour = rollover_hour(store)
        defaults = {column: queries.setting(store, column)
                    for column in ("new_per_day", "desired_retention")}
        ahead = round(learn_ahead(store).total_seconds() / 60)
        decks = [deck_row for deck_row in store.decks() if deck in (None, deck_row["name"])]
        if deck is not None and not decks:
            queries.deck_ids(store, deck)  # raises with the known decks' names
    if key in (None, "rollover-hour") and deck is None:
        typer.echo(f"rollover-hour = {hour}")
    if key in (None, "learn-ahead") and deck is None:
        typer.echo(f"learn-ahead = {ahead}")
    if deck is None:
        for name, column in (("new-per-day", "new_per_day"), ("retention", "desired_retention")):
            if key in (None, name) and defaults[column] is not None:
                typer.echo(f"{name} = {float(defaults[column]):g}  (decks made from now on)")
    for row in decks:
        if key in (None, "new-per-day"):
            typer.echo(f"new-per-day = {row['new_per_day']}  (deck {row['name']})")
        if key in (None, "retention"):
            typer.echo(f"retention = {row['desired_retention']:g}  (deck {row['name']})")


def _number(text: str, kind: type, low: float, high: float, key: str):
    try:
        number = kind(text)
    except ValueError:
        raise ReviseError(f"{key} must be a number from {low} to {high}, not {text!r}") from None
    if not low <= number <= high:
        raise ReviseError(f"{key} must be from {low} to {high}, not {text}")
    return number


def dashboard(db: Path | None) -> None:
    """Today at a glance: what is due per deck, the streak, and how to start."""
    from revise.cli import invoked_as
    from revise.progress import due_report, render_due, rollover_hour, streak

    with open_store(db) as store:
        now = _now()
        hour = rollover_hour(store)
        report = due_report(store, now, rollover=hour)
        days = streak(store, now, rollover=hour)
    out = console()
    local = now.astimezone()
    today = f"{local:%A} {local.day} {local:%B}"
    out.print(f"[bold]revise[/] — {today}", highlight=False)
    if not report["decks"]:
        out.print("No cards yet. Make some from your notes:  revise extract NOTES.txt")
        out.print("More: revise --help", style="dim")
        return
    out.print(render_due(report))
    out.print(f"Streak: {days} day{'s' if days != 1 else ''}")
    if report["left_today"]:
        out.print(f"{report['left_today']} cards to go today. Start with:  "
                  f"[bold]{invoked_as()} review[/]")
    else:
        out.print("All done for today. [dim]See how it is going: revise stats[/]")
    out.print("More: revise --help", style="dim")


def register(app: typer.Typer) -> None:
    for command in (review, due, stats, config):
        app.command()(command)

