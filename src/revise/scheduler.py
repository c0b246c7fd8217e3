"""FSRS scheduling: rate a card, preview its intervals, order today's queue, and say what
"today" is.

A card's scheduling state is a plain dict of the `cards` columns in `SCHEDULE_COLUMNS`
(state 'new', 'learning', 'review' or 'relearning'; times as ISO UTC text). It is turned
into an `fsrs.Card` only to be rated. Time is always passed in, never read here.

"Today" is the student's local day, which starts at the rollover hour (4 am by
default, as in Anki), so a late-night session still counts for the evening it began.
`fsrs` is imported inside the functions that rate cards, so progress reports that only
count do not pay for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import IntEnum
from itertools import islice

from revise.models import QueueCard
from revise.times import iso

TYPE_CHECKING = False  # as typing's, without importing typing at every start
if TYPE_CHECKING:
    import fsrs

SCHEDULE_COLUMNS = (
    "state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses",
)
DEFAULT_RETENTION = 0.9
DEFAULT_ROLLOVER_HOUR = 4
# fsrs's default decay (its 21st parameter): counting reports compute retrievability in
# SQL with it rather than import fsrs. A test checks it against the installed fsrs.
DEFAULT_DECAY = 0.1542
# When nothing else is left, learning cards due within this long are shown early (Anki's
# "learn ahead limit"), so a session does not stop for a card due in two minutes.
LEARN_AHEAD = timedelta(minutes=20)
SIBLING_LOOKAHEAD = 10

_FSRS_STATES = {"learning": 1, "review": 2, "relearning": 3}
_STATE_NAMES = {number: name for name, number in _FSRS_STATES.items()}


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


# --- rating ---------------------------------------------------------------------------


def parse_time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).astimezone(UTC)


def schedule_of(row: Mapping) -> dict:
    """The scheduling columns of a card row."""
    return {name: row[name] for name in SCHEDULE_COLUMNS}


class DeckScheduler:
    """FSRS with one deck's settings: its desired retention and (if fitted) parameters.

    Fuzz spreads review days a little so cards learnt together do not stay together;
    previews are always computed without it, as Anki shows them.
    """

    def __init__(self, *, desired_retention: float = DEFAULT_RETENTION,
                 parameters: Sequence[float] | None = None, fuzz: bool = True):
        from fsrs import Scheduler

        options = {"desired_retention": desired_retention}
        if parameters:
            options["parameters"] = tuple(parameters)
        self._live = Scheduler(**options, enable_fuzzing=fuzz)
        self._exact = Scheduler(**options, enable_fuzzing=False) if fuzz else self._live
        self.decay = -self._live.parameters[20]

    def rate(self, schedule: Mapping, rating: int, now: datetime) -> dict:
        """The card's scheduling state after answering `rating` at `now`."""
        return _rated(self._live, schedule, Rating(rating), now)

    def preview(self, schedule: Mapping, now: datetime) -> dict[Rating, timedelta]:
        """How long until the card comes back, for each rating (unfuzzed)."""
        now = now.replace(microsecond=0)  # as stored: whole seconds
        return {
            rating: parse_time(_rated(self._exact, schedule, rating, now)["due"]) - now
            for rating in Rating
        }

    def retrievability(self, schedule: Mapping, now: datetime) -> float:
        return retrievability(schedule.get("stability"), parse_time(schedule.get("last_review")),
                              now, self.decay)


def to_fsrs(schedule: Mapping, now: datetime) -> fsrs.Card:
    from fsrs import Card, State

    if schedule["state"] == "new":
        # card_id is given because fsrs sleeps a millisecond to invent one otherwise
        return Card(card_id=0, state=State.Learning, step=0, due=now)
    return Card(
        card_id=0,
        state=State(_FSRS_STATES[schedule["state"]]),
        step=schedule["step"],
        stability=schedule["stability"],
        difficulty=schedule["difficulty"],
        due=parse_time(schedule["due"]) or now,
        last_review=parse_time(schedule["last_review"]),
    )


def _rated(scheduler: fsrs.Scheduler, schedule: Mapping, rating: Rating,
           now: datetime) -> dict:
    from fsrs import Rating as FsrsRating

    now = now.astimezone(UTC)
    card, _log = scheduler.review_card(to_fsrs(schedule, now), FsrsRating(int(rating)), now)
    lapsed = schedule["state"] == "review" and rating == Rating.AGAIN
    return {
        "state": _STATE_NAMES[int(card.state)],
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": iso(card.due),
        "last_review": iso(card.last_review),
        "reps": (schedule["reps"] or 0) + 1,
        "lapses": (schedule["lapses"] or 0) + int(lapsed),
    }


def retrievability(stability: float | None, last_review: datetime | None, now: datetime,
                   decay: float = -DEFAULT_DECAY) -> float | None:
    """The chance of recalling the card at `now`, by FSRS's forgetting curve (whole days
    elapsed, as fsrs counts them); None for a card never reviewed."""
    if stability is None or last_review is None:
        return None
    factor = 0.9 ** (1 / decay) - 1
    elapsed = max(0, (now - last_review).days)
    return (1 + factor * elapsed / stability) ** decay


def format_interval(delta: timedelta) -> str:
    """Short, as on Anki's buttons: <1m, 10m, 3h, 4d, 1.5mo, 2y."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return "<1m"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{_one_decimal(days / 30)}mo"
    return f"{_one_decimal(days / 365)}y"


def _one_decimal(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


# --- today ----------------------------------------------------------------------------


def day_start(now: datetime, rollover_hour: int = DEFAULT_ROLLOVER_HOUR,
              tz: tzinfo | None = None) -> datetime:
    """When the revision day holding `now` began, in UTC. `tz` None means this
    machine's local time zone, with its daylight-saving rules."""
    return _local_day_start(revision_day(now, rollover_hour, tz), rollover_hour, tz)


def next_day_start(now: datetime, rollover_hour: int = DEFAULT_ROLLOVER_HOUR,
                   tz: tzinfo | None = None) -> datetime:
    today = revision_day(now, rollover_hour, tz)
    return _local_day_start(today + timedelta(days=1), rollover_hour, tz)


def revision_day(moment: datetime, rollover_hour: int = DEFAULT_ROLLOVER_HOUR,
                 tz: tzinfo | None = None) -> date:
    """The revision day `moment` falls in: its local date, less a day before the rollover."""
    local = _local(moment, tz)
    return (local - timedelta(hours=rollover_hour)).date()


def day_starts(first: date, count: int, rollover_hour: int = DEFAULT_ROLLOVER_HOUR,
               tz: tzinfo | None = None) -> list[datetime]:
    """The UTC starts of `count + 1` consecutive revision days from `first`: boundaries
    for counting per day, exact across daylight-saving changes."""
    return [_local_day_start(first + timedelta(days=offset), rollover_hour, tz)
            for offset in range(count + 1)]


def _local(moment: datetime, tz: tzinfo | None) -> datetime:
    if tz is not None:
        return moment.astimezone(tz).replace(tzinfo=None)
    return datetime.fromtimestamp(moment.timestamp())  # naive, system local time


def _local_day_start(day: date, rollover_hour: int, tz: tzinfo | None) -> datetime:
    naive = datetime.combine(day, time(rollover_hour))
    if tz is not None:
        return naive.replace(tzinfo=tz).astimezone(UTC)
    return naive.astimezone(UTC)  # a naive time is read as system local time


def local_time(moment: datetime, tz: tzinfo | None = None) -> datetime:
    return _local(moment, tz)


# --- today's queue --------------------------------------------------------------------


class Queue:
    """The order of a session: learning cards when due, then due reviews with new cards
    spread evenly among them, then learning cards due soon.

    Reviews come most overdue first; new cards in notes order. Two cards from one
    bullet are never drawn back to back while anything else is left. `limit` caps the
    number of different cards in the session; cards already seen still come back for
    their learning steps. The learning cards are passed to `next` on every draw
    because they change as cards are rated (they are read from the database).
    """

    def __init__(self, reviews: list[QueueCard], new: list[QueueCard],
                 limit: int | None = None) -> None:
        self.reviews = reviews
        self.new = new
        self.limit = limit
        self.seen: set[str] = set()
        self.front: list[QueueCard] = []  # cards put back, shown first
        self.last_bullet: tuple | None = None
        self.reviews_total = len(reviews)
        self.new_total = len(new)
        self.reviews_drawn = 0
        self.new_drawn = 0

    def next(self, learning_now: Sequence[QueueCard] = (),
             learning_soon: Sequence[QueueCard] = ()) -> QueueCard | None:
        """Take the next card off the queue, or None when the session is done."""
        sources = [self.front, list(learning_now), *self._mixed(), list(learning_soon)]
        fallback = None
        for source in sources:
            # a sibling of the last card is passed over for one of the next few
            for index, card in enumerate(islice(source, SIBLING_LOOKAHEAD)):
                if not self._allowed(card):
                    continue
                if card.bullet != self.last_bullet:
                    return self._take(source, index)
                fallback = fallback or (source, index)
        return self._take(*fallback) if fallback else None

    def _mixed(self) -> list[list[QueueCard]]:
        """Reviews and new cards, in the order that spreads new cards evenly: a new card
        comes when the share of new cards drawn falls behind the share of reviews drawn."""
        if self.new and (not self.reviews or (self.new_drawn + 0.5) / self.new_total
                         <= (self.reviews_drawn + 0.5) / self.reviews_total):
            return [self.new, self.reviews]
        return [self.reviews, self.new]

    def _allowed(self, card: QueueCard) -> bool:
        return self.limit is None or card.id in self.seen or len(self.seen) < self.limit

    def _take(self, source: list[QueueCard], index: int) -> QueueCard:
        card = source.pop(index)
        if source is self.reviews:
            self.reviews_drawn += 1
        elif source is self.new:
            self.new_drawn += 1
        if self.front:
            self.front[:] = [waiting for waiting in self.front if waiting.id != card.id]
        self.seen.add(card.id)
        self.last_bullet = card.bullet
        return card

    def put_back(self, card: QueueCard) -> None:
        """Show `card` next (after an undo)."""
        self.front.insert(0, card)
        self.last_bullet = None

    def left(self) -> tuple[int, int]:
        """(new, review) cards still waiting, within the limit."""
        new, reviews = len(self.new), len(self.reviews)
        if self.limit is not None:
            room = max(0, self.limit - len(self.seen))
            reviews = min(reviews, room)
            new = min(new, room - reviews)
        # cards put back have been seen, so the limit does not hold them back
        new += sum(card.kind == "new" for card in self.front)
        reviews += sum(card.kind == "review" for card in self.front)
        return new, reviews
