"""`revise doctor`: check the database and repair what is safe to repair."""

from typing import Annotated

import typer

from revise.cli import DbOption, open_store


def doctor(
    fix: Annotated[bool, typer.Option("--fix", help="Repair what can be repaired safely.")] = False,
    db: DbOption = None,
) -> None:
    """Check the database for damage and repair what is safe to repair.

    Checks integrity, the schema version, notes files that are gone, cards whose
    scheduling state does not match their review log, and the answers counted per
    quarter hour that `revise stats` reads.

    Example: revise doctor --fix
    """
    from revise.db import (
        cards_out_of_step_with_log,
        diagnose,
        rebuild_tally,
        resync_cards_with_log,
    )

    with open_store(db) as store:
        findings = diagnose(store)
        for finding in findings:
            typer.echo(f"{finding.check}: {finding.message}")
        checks = {finding.check for finding in findings if finding.fixable}
        if fix and "log" in checks:
            fixed = resync_cards_with_log(store, cards_out_of_step_with_log(store))
            typer.echo(f"fixed: {fixed} cards set to the state of their latest review")
        if fix and "tally" in checks:
            quarters = rebuild_tally(store)
            typer.echo(f"fixed: answers counted again from the review log"
                       f" ({quarters:,} quarter hours)")
        if fix and checks:
            findings = diagnose(store)
        if not findings:
            typer.echo(f"{store.path}: ok")
            return
        if any(finding.check == "integrity" for finding in findings):
            typer.echo("the file is damaged: restore a backup with `revise restore`", err=True)
        elif any(finding.fixable for finding in findings):
            typer.echo("run `revise doctor --fix` to repair", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(doctor)
