"""`revise optimize`: fit FSRS parameters to the student's own reviews, keep them if they
predict those reviews better than the defaults, and suggest a desired retention."""

import sys
from typing import Annotated

import typer

from revise.cli import DbOption, open_store
from revise.commands.cards import DeckOption

# Above this many reviews, replaying them reports its progress on stderr.
PROGRESS_EVERY = 50_000


def optimize(
    deck: DeckOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Fit and report; change nothing.")
    ] = False,
    retention: Annotated[
        bool, typer.Option("--retention", help="Also suggest a desired retention for the deck, "
                           "from the workload the parameters imply.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Fit the scheduler to your reviews: FSRS parameters from your own review log.

    Reports how many reviews were used and the log loss and RMSE (lower is better) of the
    default and the fitted parameters on those reviews. The fitted parameters are kept for
    the deck (every deck without --deck) only if both figures are better, and the cards'
    schedules are then recomputed from their reviews. Needs a few hundred reviews.

    Example: revise optimize --deck stalin --retention
    """
    from revise import db as queries
    from revise import optimize as fsrs_fit

    with open_store(db) as store:
        deck_ids = queries.deck_ids(store, deck)
        targets = deck_ids or [row["id"] for row in store.decks()]
        if not targets:
            raise fsrs_fit.OptimizeError("there are no decks yet: nothing to fit")
        history = fsrs_fit.build_history(queries.review_history(store, deck_ids))
        scope = f"deck {deck}" if deck else "every deck"
        if not history.reviews:
            raise fsrs_fit.OptimizeError(f"no reviews in {scope} yet: nothing to fit")
        if not history.enough:
            typer.echo(f"{_count(history.reviews, 'review')} of {_count(history.cards, 'card')}"
                       f" in {scope}: {fsrs_fit.too_few_message(history)}. Nothing changed.")
            return
        stored = {tuple(values) if values else None
                  for values in queries.deck_parameters(store, targets).values()}
        current = next(iter(stored)) if len(stored) == 1 else None
        result = fsrs_fit.optimize(history, current)
        _report(history, result, scope)
        if not result.better:
            than = "the defaults" if not result.fitted.beats(result.default) else (
                "the parameters in use")
            typer.echo(f"The fitted parameters do not predict your reviews better than {than}:"
                       " nothing changed.")
        elif dry_run:
            typer.echo("Dry run: nothing changed (without --dry-run they would be kept).")
        else:
            cards = _store(store, targets, deck_ids, result.parameters, history.reviews)
            typer.echo(f"Kept the fitted parameters for {scope}; "
                       f"{_count(cards, 'card')} rescheduled from their reviews.")
        if retention:
            in_use = result.parameters if result.better else (
                list(current) if current else fsrs_fit.default_parameters())
            _suggest(store, targets, deck, in_use)


def _report(history, result, scope: str) -> None:
    typer.echo(f"{_count(history.reviews, 'review')} of {_count(history.cards, 'card')} in "
               f"{scope}; scored on the {len(history.scored):,} that came a day or more after "
               "the card's previous review.")
    rows = [("default", result.default)]
    if result.current is not None:
        rows.append(("current", result.current))
    rows.append(("fitted", result.fitted))
    typer.echo(f"{'parameters':<12}{'log loss':>10}{'RMSE':>10}")
    for name, score in rows:
        typer.echo(f"{name:<12}{score.log_loss:>10.4f}{score.rmse:>10.4f}")


def _store(store, targets: list[int], deck_ids, parameters: list[float], reviews: int) -> int:
    """Replay every reviewed card's log with the fitted parameters and store it all."""
    from revise import db as queries
    from revise.cli import fuzz_from_env
    from revise.optimize import replay
    from revise.scheduler import DeckScheduler, parse_time

    retention = {row["id"]: row["desired_retention"] for row in store.decks()}
    card_decks = queries.card_decks(store, deck_ids)
    schedulers: dict[float, DeckScheduler] = {}
    schedules = []
    card_id, card, last_id = None, [], None

    def finish() -> None:
        desired = retention[card_decks[card_id]]
        if desired not in schedulers:
            schedulers[desired] = DeckScheduler(desired_retention=desired,
                                                parameters=parameters, fuzz=fuzz_from_env())
        schedules.append((card_id, last_id, replay(card, schedulers[desired])))

    rows = queries.review_history(store, deck_ids)
    for done, (row_card, rating, reviewed_at, review_id) in enumerate(rows, start=1):
        if row_card != card_id:
            if card:
                finish()
            card_id, card = row_card, []
        card.append((rating, parse_time(reviewed_at)))
        last_id = review_id
        if reviews >= PROGRESS_EVERY and done % PROGRESS_EVERY == 0:
            print(f"replaying reviews: {done:,} of {reviews:,}", file=sys.stderr, flush=True)
    if card:
        finish()
    return queries.store_fitted(store, targets, parameters, schedules)


def _suggest(store, targets: list[int], deck: str | None, parameters) -> None:
    import shlex

    from revise.optimize import WORKLOAD_SLACK, retention_curve, suggest_retention

    suggestion = suggest_retention(retention_curve(parameters))
    now = sorted({row["desired_retention"] for row in store.decks() if row["id"] in targets})
    current = ", ".join(f"{value:g}" for value in now)
    command = f"revise config retention {suggestion:g}"
    if deck:
        command += f" --deck {shlex.quote(deck)}"
    typer.echo(f"Suggested desired retention: {suggestion:g} (now {current}): the highest "
               "retention whose study time per card remembered stays within "
               f"{WORKLOAD_SLACK:.0%} of the least. Apply it with: {command}")


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def register(app: typer.Typer) -> None:
    app.command()(optimize)
