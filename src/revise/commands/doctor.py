"""`revise doctor`: check the database and repair what is safe to repair."""

from typing import Annotated

import typer

from revise.commands.common import DbOption, open_store


def doctor(
    ctx: typer.Context,
    fix: Annotated[bool, typer.Option("--fix", help="Repair what can be repaired safely.")] = False,
    database: DbOption = None,
) -> None:
    """Check the database for damage and repair what is safe to repair.

    Checks integrity, the schema version, notes files that are gone, cards whose
    scheduling state does not match their review log, and the answers counted per
    quarter hour that `revise stats` reads.

    Example: revise doctor --fix
    """
    from revise.commands.common import database_path
    from revise.errors import StoreError
    from revise.store.doctor import doctor as checkup

    if not database_path(ctx, database).exists():
        raise StoreError(f"no database at {database_path(ctx, database)}: nothing to check")
    with open_store(ctx, database) as store:
        result = checkup(store, fix=fix)
        path = store.path
    for finding in result.found:
        typer.echo(f"{finding.check}: {finding.message}")
    if result.fixed_cards is not None:
        typer.echo(f"fixed: {result.fixed_cards} cards set to the state of their latest review")
    if result.fixed_quarters is not None:
        typer.echo(f"fixed: answers counted again from the review log"
                   f" ({result.fixed_quarters:,} quarter hours)")
    findings = result.remaining
    if not findings:
        typer.echo(f"{path}: ok")
        return
    if any(finding.check == "integrity" for finding in findings):
        typer.echo("the file is damaged: restore a backup with `revise restore`", err=True)
    elif any(finding.fixable for finding in findings):
        typer.echo("run `revise doctor --fix` to repair", err=True)
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(doctor)
