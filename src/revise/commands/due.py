"""`revise due`: what is left to review today."""

import typer

from revise.commands.common import DbOption, JsonOption, console, read_store, write_json


def due(ctx: typer.Context, as_json: JsonOption = False, database: DbOption = None) -> None:
    """Show what is left to review today, per deck: new, learning, due now, due later today.

    Example: revise due --json
    """
    from revise.environment import clock_from_env
    from revise.progress import due_today

    with read_store(ctx, database) as store:
        report = due_today(store, clock_from_env()())
    if as_json:
        write_json(report)
        return
    from revise.progress import render_due

    out = console()
    if not report["decks"]:
        out.print("No cards yet: make some with revise extract NOTES.txt")
        return
    out.print(render_due(report))


def register(app: typer.Typer) -> None:
    app.command()(due)
