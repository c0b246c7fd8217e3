"""What `revise` alone shows: today at a glance."""

import typer

from revise.commands.common import console, database_path


def dashboard(ctx: typer.Context) -> None:
    """Today at a glance: what is due per deck, the streak, and how to start."""
    from revise.environment import clock_from_env

    now = clock_from_env()()
    path = database_path(ctx, None)
    report = None
    if path.exists():
        from revise.commands.common import read_store
        from revise.progress import dashboard as today

        with read_store(ctx, None) as store:
            report = today(store, now)
    out = console()
    local = now.astimezone()
    out.print(f"[bold]revise[/] — {local:%A} {local.day} {local:%B}", highlight=False)
    if report is None or not report["due"]["decks"]:
        out.print("No cards yet. Make some from your notes:  revise extract NOTES.txt")
        out.print("More: revise --help", style="dim")
        return
    from revise.progress import render_due

    due, days = report["due"], report["streak_days"]
    out.print(render_due(due))
    out.print(f"Streak: {days} day{'s' if days != 1 else ''}")
    if due["total"]:
        out.print(f"{due['total']} cards to go today. Start with:  [bold]revise review[/]")
    else:
        out.print("All done for today. [dim]See how it is going: revise stats[/]")
    out.print("More: revise --help", style="dim")
