"""What `revise` alone shows: today at a glance."""

import typer

from revise.commands.common import console, database_path


def dashboard(ctx: typer.Context) -> None:
    """Today at a glance: what is due per deck, the streak, and how to start."""
    from revise.environment import clock_from_env, invoked_as

    now = clock_from_env()()
    path = database_path(ctx, None)
    report = None
    built: list[str] = []
    if path.exists():
        from revise.commands.common import read_store
        from revise.progress import dashboard as today
        from revise.store.decks import built_deck_names

        with read_store(ctx, None) as store:
            report = today(store, now)
            built = built_deck_names(store)
    out = console()
    local = now.astimezone()
    out.print(f"[bold]revise[/] — {local:%A} {local.day} {local:%B}", highlight=False)
    if report is None or not report["due"]["decks"]:
        if built:
            out.print(f"Only decks built to hand out ({', '.join(built)}), which stay out of"
                      f" your review; {invoked_as()} review --deck NAME reviews one.",
                      markup=False)
        out.print(("Cards of your own come from your notes:  " if built else
                   "No cards yet. Make some from your notes:  ")
                  + f"{invoked_as()} extract NOTES.txt")
        out.print("More: revise --help", style="dim")
        return
    from revise.progress import render_due

    due, days = report["due"], report["streak_days"]
    out.print(render_due(due))
    out.print(f"Streak: {days} day{'s' if days != 1 else ''}")
    if due["left_today"]:
        out.print(f"{due['left_today']} cards to go today. Start with:  "
                  f"[bold]{invoked_as()} review[/]")
    else:
        out.print("All done for today. [dim]See how it is going: revise stats[/]")
    out.print("More: revise --help", style="dim")
