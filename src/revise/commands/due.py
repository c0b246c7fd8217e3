"""`revise due`: what is left to review today."""

import typer

from revise.commands.common import DbOption, JsonOption, console, read_store, write_json


def due(ctx: typer.Context, as_json: JsonOption = False, database: DbOption = None) -> None:
    """Show what is left to review today, per deck: new, learning and review cards, those
    due now, and all that is left today.

    In the JSON, due_now counts learning and review cards whose time has come,
    left_today everything today's sessions will show, active_cards every card in
    review rotation (not suspended or retired).

    Example: revise due --json
    """
    from revise.environment import clock_from_env
    from revise.progress import due_today
    from revise.store.decks import built_deck_names

    with read_store(ctx, database) as store:
        report = due_today(store, clock_from_env()())
        built = built_deck_names(store)
    if as_json:
        write_json(report)
        return
    from revise.progress import render_due

    out = console()
    if not report["decks"]:
        from revise.environment import invoked_as

        if built:
            out.print(f"Only decks built to hand out ({', '.join(built)}): they stay out of"
                      f" your review unless named ({invoked_as()} review --deck NAME)",
                      markup=False)
            return
        out.print(f"No cards yet: make some with {invoked_as()} extract NOTES.txt")
        return
    out.print(render_due(report))


def register(app: typer.Typer) -> None:
    app.command()(due)
