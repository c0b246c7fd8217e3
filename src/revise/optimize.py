"""Fit FSRS to one student: turn the review log into training items, fit parameters, score
them against the defaults, replay a card's reviews with them, and suggest a desired
retention from the workload they imply.

The fitting, scoring and simulation are fsrs-rs-python's (Rust, no torch); it is imported
inside the functions that need it so the rest of revise does not pay for it. Nothing here
reads the clock: histories and times are passed in. Only `optimize_decks`, at the end,
reads and writes the store it is given.

An item, in fsrs-rs's sense, is one card's reviews up to and including the review it
predicts; `delta_t` is the whole days since the card's previous review (0 for the first
review and for another review within 24 hours), counted as fsrs does when it schedules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from revise.errors import ReviseError

if TYPE_CHECKING:
    from revise.scheduler import DeckScheduler

# The parameter layout the `fsrs` package schedules with: FSRS-6, 21 weights, the last
# being the forgetting curve's decay. fsrs-rs-python 0.9 returns the same 21 in the same
# order (a test compares its defaults with fsrs's).
FSRS6_LENGTH = 21
# FSRS-5 had 19 weights: the same first 19, no short-term exponent (w19 = 0) and a fixed
# decay of 0.5 (w20), which is how fsrs-rs itself fills them in.
FSRS5_LENGTH = 19
FSRS5_FILL = (0.0, 0.5)
# A few hundred reviews are needed before fitted parameters beat the defaults reliably.
# Counted here: reviews a day or more after the card's previous one, which are the ones
# the fit is scored on.
MIN_REVIEWS = 400
RETENTION_SWEEP = tuple(round(0.70 + step / 100, 2) for step in range(28))  # 0.70 .. 0.97
# The suggestion is the highest retention whose workload per card remembered stays within
# this share of the cheapest; beyond it, each extra point of retention costs more and more.
WORKLOAD_SLACK = 0.10


class OptimizeError(ReviseError):
    """Parameters cannot be fitted or used."""


@dataclass(frozen=True)
class Score:
    """How well parameters predict the reviews: lower is better for both."""

    log_loss: float
    rmse: float  # fsrs-rs's RMSE over bins of predicted recall, as the FSRS benchmark uses

    def beats(self, other: Score) -> bool:
        return self.log_loss < other.log_loss and self.rmse < other.rmse


@dataclass
class History:
    """Training items built from a review log (see the module docstring)."""

    items: list = field(default_factory=list)  # fsrs_rs_python.FSRSItem, for fitting
    scored: list = field(default_factory=list)  # those predicting a review a day or more on
    cards: int = 0
    reviews: int = 0  # every review read, first ones included

    @property
    def enough(self) -> bool:
        return len(self.scored) >= MIN_REVIEWS


@dataclass(frozen=True)
class Fit:
    parameters: list[float]
    default: Score
    fitted: Score
    current: Score | None = None  # the deck's own fitted parameters, if it has some

    @property
    def better(self) -> bool:
        """Fitted parameters are kept only if they beat the defaults and the current ones
        on both log loss and RMSE."""
        return self.fitted.beats(self.default) and (
            self.current is None or self.fitted.beats(self.current))


# --- parameters ------------------------------------------------------------------------


def default_parameters() -> list[float]:
    from fsrs import Scheduler

    return list(Scheduler().parameters)


def fsrs6(parameters: Sequence[float]) -> list[float]:
    """Parameters in the FSRS-6 layout fsrs schedules with: 21 are kept as they are, 19
    (FSRS-5) are filled in as FSRS-5 behaved; any other count is refused."""
    values = [float(value) for value in parameters]
    if len(values) == FSRS5_LENGTH:
        return [*values, *FSRS5_FILL]
    if len(values) != FSRS6_LENGTH:
        raise OptimizeError(
            f"expected {FSRS6_LENGTH} FSRS parameters (FSRS-6) or {FSRS5_LENGTH} (FSRS-5), "
            f"got {len(values)}")
    return values


# --- items ------------------------------------------------------------------------------


def days_between(earlier: datetime, later: datetime) -> int:
    """Whole days elapsed, as fsrs counts them when it schedules a review."""
    return max(0, (later - earlier).days)


def card_items(reviews: Sequence[tuple[int, datetime]]) -> list[tuple[list[tuple[int, int]],
                                                                      bool]]:
    """One card's (rating, time) reviews, oldest first, as items of (rating, delta_t): one
    per review after the first that follows at least one review a day or more apart (fsrs-rs
    cannot learn from the others). The flag says whether the item is scored: its own review
    came a day or more after the previous one."""
    items = []
    steps: list[tuple[int, int]] = []
    previous = None
    long_term = False
    for rating, moment in reviews:
        delta = 0 if previous is None else days_between(previous, moment)
        previous = moment
        steps.append((rating, delta))
        long_term = long_term or delta > 0
        if len(steps) > 1 and long_term:
            items.append((list(steps), delta > 0))
    return items


def build_history(rows: Iterable[Sequence]) -> History:
    """Training items from (card_id, rating, reviewed_at ISO, ...) rows ordered by card,
    then time (further columns are ignored). Rows are read once, one card at a time, so a
    long log need not fit in memory as Python objects (the items live in fsrs-rs's compact
    form)."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    history = History()
    reviews: dict[tuple[int, int], Any] = {}  # one FSRSReview per (rating, delta_t), shared

    def add(card: list[tuple[int, datetime]]) -> None:
        history.cards += 1
        for steps, scored in card_items(card):
            item = FSRSItem([reviews.get(step) or reviews.setdefault(step, FSRSReview(*step))
                             for step in steps])
            history.items.append(item)
            if scored:
                history.scored.append(item)

    card_id, card = None, []
    for row in rows:
        row_card, rating, reviewed_at = row[0], row[1], row[2]
        if not 1 <= rating <= 4:
            continue  # not an answer FSRS knows; the log allows nothing else, but be safe
        history.reviews += 1
        if row_card != card_id:
            if card:
                add(card)
            card_id, card = row_card, []
        card.append((rating, datetime.fromisoformat(reviewed_at)))
    if card:
        add(card)
    return history


# --- fitting and scoring ------------------------------------------------------------------


def _rust(call: Callable[[], Any], what: str) -> Any:
    """Run an fsrs-rs call, turning its errors (a Rust panic is a BaseException) into one
    OptimizeError."""
    try:
        return call()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001 - pyo3's PanicException
        raise OptimizeError(f"{what} failed: {error}") from None


def fit_parameters(history: History) -> list[float]:
    """FSRS parameters fitted to the history (deterministic: fsrs-rs's fixed seed)."""
    from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS

    if not history.items:
        raise OptimizeError("no reviews to fit")
    model = FSRS(list(DEFAULT_PARAMETERS))
    return fsrs6(_rust(lambda: model.compute_parameters(history.items), "fitting"))


def score(parameters: Sequence[float], items: Sequence) -> Score:
    """Log loss and RMSE (bins) of the parameters' predicted recall on scored items."""
    from fsrs_rs_python import FSRS

    if not items:
        raise OptimizeError("no reviews to score")
    model = FSRS(list(fsrs6(parameters)))
    result = _rust(lambda: model.evaluate(list(items)), "scoring")
    return Score(log_loss=result.log_loss, rmse=result.rmse_bins)


def optimize(history: History, current: Sequence[float] | None = None) -> Fit:
    """Fit parameters to the history and score them, the defaults and `current` (the
    deck's parameters now, if fitted before) on the same reviews."""
    if not history.enough:
        raise OptimizeError(too_few_message(history))
    fitted = fit_parameters(history)
    return Fit(parameters=fitted, default=score(default_parameters(), history.scored),
               fitted=score(fitted, history.scored),
               current=score(current, history.scored) if current else None)


def too_few_message(history: History) -> str:
    return (f"only {len(history.scored)} reviews a day or more after a card's previous one; "
            f"fitting needs at least {MIN_REVIEWS}, so the defaults stay")


# --- replaying a card's log ---------------------------------------------------------------

NEW_SCHEDULE: Mapping[str, Any] = {
    "state": "new", "step": None, "stability": None, "difficulty": None, "due": None,
    "last_review": None, "reps": 0, "lapses": 0,
}


def replay(reviews: Iterable[tuple[int, datetime]], scheduler: DeckScheduler) -> dict:
    """A card's scheduling state as if every one of its (rating, time) reviews, oldest
    first, had been answered with `scheduler` (what fsrs's `reschedule_card` does, keeping
    revise's reps and lapses counts)."""
    schedule = dict(NEW_SCHEDULE)
    for rating, moment in reviews:
        schedule = scheduler.rate(schedule, rating, moment)
    return schedule


# --- desired retention ---------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionPoint:
    retention: float
    minutes: float  # study time over the simulated year
    remembered: float  # cards remembered at its end

    @property
    def cost(self) -> float:
        """Minutes of study per card remembered."""
        return self.minutes / self.remembered if self.remembered else float("inf")


def retention_curve(parameters: Sequence[float], *, cards_per_day: int = 10, days: int = 365,
                    seed: int = 42,
                    retentions: Sequence[float] = RETENTION_SWEEP) -> list[RetentionPoint]:
    """Simulate a year of study (`cards_per_day` new cards a day, no cap on reviews) at each
    desired retention, with the same random draws for each so they compare fairly."""
    from fsrs_rs_python import default_simulator_config, simulate

    config = default_simulator_config()
    config.learn_span = days
    config.learn_limit = cards_per_day
    config.deck_size = cards_per_day * days
    config.max_cost_perday = 1e9  # no daily cap: the workload itself is what we measure
    weights = list(fsrs6(parameters))
    points = []
    for retention in retentions:
        result = _rust(lambda r=retention: simulate(weights, r, config, seed), "simulation")
        points.append(RetentionPoint(retention, sum(result.cost_per_day) / 60,
                                     result.memorized_cnt_per_day[-1]))
    return points


def suggest_retention(points: Sequence[RetentionPoint], slack: float = WORKLOAD_SLACK) -> float:
    """The highest retention whose minutes per card remembered (each averaged with its
    neighbours, since a simulation is noisy) stay within `slack` of the lowest."""
    if not points:
        raise OptimizeError("no retention to suggest from")
    costs = [point.cost for point in points]
    smooth = [sum(costs[max(0, i - 1):i + 2]) / len(costs[max(0, i - 1):i + 2])
              for i in range(len(costs))]
    ceiling = min(smooth) * (1 + slack)
    return max(point.retention for point, cost in zip(points, smooth, strict=True)
               if cost <= ceiling)


# --- a deck's log → fitted parameters in the store -------------------------------------------

# Replaying reviews reports its progress every this many.
PROGRESS_EVERY = 1_000


@dataclass
class Outcome:
    """What `optimize_decks` found and did."""

    scope: str  # "deck NAME" or "every deck"
    history: History
    fit: Fit | None = None  # None when there were too few reviews to fit
    kept: bool = False
    rescheduled: int = 0
    retention: float | None = None  # the suggested desired retention, if asked for
    retention_now: list[float] = field(default_factory=list)


def optimize_decks(store, deck: str | None = None, *, dry_run: bool = False,
                   retention: bool = False, fuzz: bool = True,
                   progress: Callable[[int, int], object] | None = None) -> Outcome:
    """Fit parameters to the review log of `deck` (every deck for None), keep them (and
    reschedule the cards from their reviews) if they beat the parameters in use, unless
    `dry_run`; with `retention`, also suggest a desired retention. `progress(done, all)`
    is told how the replay goes on a large log."""
    from revise.store.decks import deck_ids as find_decks
    from revise.store.parameters import deck_parameters, review_history

    deck_ids = find_decks(store, deck)
    targets = deck_ids or [row["id"] for row in store.decks()]
    if not targets:
        raise OptimizeError("there are no decks yet: nothing to fit")
    history = build_history(review_history(store, deck_ids))
    outcome = Outcome(f"deck {deck}" if deck else "every deck", history)
    if not history.reviews:
        where = f" in {outcome.scope}" if deck else ""
        raise OptimizeError(f"no reviews{where} yet: nothing to fit")
    if not history.enough:
        return outcome
    stored = {tuple(values) if values else None
              for values in deck_parameters(store, targets).values()}
    current = next(iter(stored)) if len(stored) == 1 else None
    outcome.fit = optimize(history, current)
    if outcome.fit.better and not dry_run:
        outcome.rescheduled = reschedule(store, targets, deck_ids, outcome.fit.parameters,
                                         history.reviews, fuzz=fuzz, progress=progress)
        outcome.kept = True
    if retention:
        in_use = outcome.fit.parameters if outcome.fit.better else (
            list(current) if current else default_parameters())
        outcome.retention = suggest_retention(retention_curve(in_use))
        outcome.retention_now = sorted({row["desired_retention"] for row in store.decks()
                                        if row["id"] in targets})
    return outcome


def reschedule(store, targets: list[int], deck_ids: list[int] | None,
               parameters: list[float], reviews: int, *, fuzz: bool = True,
               progress: Callable[[int, int], object] | None = None) -> int:
    """Give the `targets` decks `parameters` and replay every reviewed card's log with
    them, storing it all in one transaction; the number of cards rescheduled."""
    from revise.scheduler import DeckScheduler, parse_time

    retention = {row["id"]: row["desired_retention"] for row in store.decks()}
    from revise.store.parameters import card_decks, review_history, store_fitted

    decks_of = card_decks(store, deck_ids)
    schedulers: dict[float, DeckScheduler] = {}
    schedules = []
    card_id, card, last_id = None, [], None

    def finish() -> None:
        desired = retention[decks_of[card_id]]
        if desired not in schedulers:
            schedulers[desired] = DeckScheduler(desired_retention=desired,
                                                parameters=parameters, fuzz=fuzz)
        schedules.append((card_id, last_id, replay(card, schedulers[desired])))

    rows = review_history(store, deck_ids)
    for done, (row_card, rating, reviewed_at, review_id) in enumerate(rows, start=1):
        if row_card != card_id:
            if card:
                finish()
            card_id, card = row_card, []
        card.append((rating, parse_time(reviewed_at)))
        last_id = review_id
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, reviews)
    if card:
        finish()
    return store_fitted(store, targets, parameters, schedules)
