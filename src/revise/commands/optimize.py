"""`revise optimize`: fit FSRS parameters to the student's own reviews, keep them if they
predict those reviews better than the defaults, and suggest a desired retention."""

from typing import Annotated

import typer

from revise.commands.common import DbOption, DeckOption, count, open_store


def optimize(
    ctx: typer.Context,
    deck: DeckOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Fit and report; change nothing.")
    ] = False,
    retention: Annotated[
        bool, typer.Option("--retention", help="Also suggest a desired retention for the deck, "
                           "from the workload the parameters imply.")
    ] = False,
    database: DbOption = None,
) -> None:
    """Fit the scheduler to your reviews: FSRS parameters from your own review log.

    Reports how many reviews were used and the log loss and RMSE (lower is better) of the
    default and the fitted parameters on those reviews. The fitted parameters are kept for
    the deck (every deck without --deck) only if both figures are better, and the cards'
    schedules are then recomputed from their reviews. Needs a few hundred reviews.

    Example: revise optimize --deck stalin --retention
    """
    from revise.environment import fuzz_from_env
    from revise.optimize import optimize_decks

    def progress(done: int, total: int) -> None:
        typer.echo(f"replaying reviews: {done:,} of {total:,}", err=True)

    with open_store(ctx, database) as store:
        outcome = optimize_decks(store, deck, dry_run=dry_run, retention=retention,
                                 fuzz=fuzz_from_env(), progress=progress)
    _report(outcome, deck)


def _report(outcome, deck: str | None) -> None:
    import shlex

    from revise.optimize import WORKLOAD_SLACK, too_few_message

    history, result, scope = outcome.history, outcome.fit, outcome.scope
    reviewed = f"{count(history.reviews, 'review')} of {count(history.cards, 'card')}"
    if result is None:
        typer.echo(f"{reviewed} in {scope}: {too_few_message(history)}. Nothing changed.")
        return
    typer.echo(f"{reviewed} in {scope}; scored on the {len(history.scored):,} that came a day "
               "or more after the card's previous review.")
    rows = [("default", result.default)]
    if result.current is not None:
        rows.append(("current", result.current))
    rows.append(("fitted", result.fitted))
    typer.echo(f"{'parameters':<12}{'log loss':>10}{'RMSE':>10}")
    for name, score in rows:
        typer.echo(f"{name:<12}{score.log_loss:>10.4f}{score.rmse:>10.4f}")
    if not result.better:
        than = "the defaults" if not result.fitted.beats(result.default) else (
            "the parameters in use")
        typer.echo(f"The fitted parameters do not predict your reviews better than {than}:"
                   " nothing changed.")
    elif not outcome.kept:
        typer.echo("Dry run: nothing changed (without --dry-run they would be kept).")
    else:
        typer.echo(f"Kept the fitted parameters for {scope}; "
                   f"{count(outcome.rescheduled, 'card')} rescheduled from their reviews.")
    if outcome.retention is not None:
        suggestion = outcome.retention
        current = ", ".join(f"{value:g}" for value in outcome.retention_now)
        command = f"revise config retention {suggestion:g}"
        if deck:
            command += f" --deck {shlex.quote(deck)}"
        typer.echo(f"Suggested desired retention: {suggestion:g} (now {current}): the highest "
                   "retention whose study time per card remembered stays within "
                   f"{WORKLOAD_SLACK:.0%} of the least. Apply it with: {command}")


def register(app: typer.Typer) -> None:
    app.command()(optimize)
