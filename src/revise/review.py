"""The interactive review session: draw a card, show it, read a key, store the answer.

Input and output sit behind two small interfaces so a session can be driven by
scripted keys and its screens captured as text: `Keys` (one key press at a time, or
a typed line) and `Screen` (replace what is shown). `TerminalKeys` reads single keys
from a real terminal in cbreak mode.

Every answer is committed (`store.reviews.record_rating`) before the next card is drawn, so
killing the process loses nothing already answered. A card answered meanwhile by
another session is skipped, not counted twice.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from revise.errors import StoreError
from revise.scheduler import (
    DEFAULT_ROLLOVER_HOUR,
    LEARN_AHEAD,
    SIBLING_LOOKAHEAD,
    DeckScheduler,
    Queue,
    QueueCard,
    Rating,
    day_start,
    format_interval,
    local_time,
    next_day_start,
    parse_time,
    revision_day,
    schedule_of,
)
from revise.store import Store
from revise.store import reviews as db
from revise.store.settings import setting
from revise.times import iso

RATING_STYLES = {Rating.AGAIN: "red", Rating.HARD: "yellow", Rating.GOOD: "green",
                 Rating.EASY: "blue"}
LEARNING = ("learning", "relearning")  # the states of cards in their learning steps
REVEAL_KEYS = {" ", "\r", "\n"}
QUIT = "q"
COMMAND_KEYS = (QUIT, "u", "s")  # also typed alone as a line in --type mode
# the settings key of the learn-ahead limit, in whole minutes
LEARN_AHEAD_SETTING = "learn_ahead_minutes"
LEARN_AHEAD_MAX_MINUTES = 24 * 60
# ~10 pages of log an answer: about SQLite's own 1,000-page checkpoint interval
CHECKPOINT_EVERY = 100


# --- input and output -----------------------------------------------------------------


class Keys(Protocol):
    def key(self) -> str:
        """The next key pressed ('q' when input has ended). Ctrl-C raises KeyboardInterrupt."""

    def line(self, prompt: str) -> str:
        """A line typed after `prompt`, echoed as it is typed."""


class ScriptedKeys:
    """Keys from a list, for tests: one-character strings are key presses; `line` takes
    the next item whole. When the script runs out, the session is told to quit."""

    def __init__(self, script: Iterable[str]):
        self.script = list(script)

    def key(self) -> str:
        return self.script.pop(0) if self.script else QUIT

    def line(self, prompt: str) -> str:
        return self.script.pop(0) if self.script else ""


class TerminalKeys:
    """Single key presses from a terminal: cbreak mode (no echo, no line buffering) while
    the session runs, normal mode for typed answers and afterwards."""

    def __init__(self, fd: int | None = None):
        self.fd = sys.stdin.fileno() if fd is None else fd
        self._saved: list | None = None
        self._pending = ""

    def __enter__(self) -> TerminalKeys:
        import termios
        import tty

        self._saved = termios.tcgetattr(self.fd)
        # TCSANOW, not the default TCSAFLUSH: keys typed while revise starts are kept
        tty.setcbreak(self.fd, termios.TCSANOW)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._restore()

    def _restore(self) -> None:
        import termios

        if self._saved is not None:
            termios.tcsetattr(self.fd, termios.TCSANOW, self._saved)

    def key(self) -> str:
        while not self._pending:
            data = os.read(self.fd, 64)
            if not data:
                return QUIT
            text = data.decode("utf-8", "replace")
            # arrow and function keys arrive as escape sequences: ignore them
            self._pending = "" if text.startswith("\x1b") else text
        key, self._pending = self._pending[0], self._pending[1:]
        return key

    def line(self, prompt: str) -> str:
        import termios
        import tty

        self._restore()
        self._pending = ""  # keys meant for the screen before
        try:
            return _read_line(self.fd, prompt)
        finally:
            tty.setcbreak(self.fd, termios.TCSANOW)


def _read_line(fd: int, prompt: str) -> str:
    """A line typed at a terminal in its normal mode (it echoes and edits the line), "" at
    the end of input. Not `input()`: a Ctrl-C that lands between the prompt and the read
    would wait there for Enter; here it stops the session at once."""
    sys.stdout.write(prompt)
    sys.stdout.flush()
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 1024)
        if not chunk:
            break
        data += chunk
    return data.decode("utf-8", "replace").rstrip("\r\n")


class Screen:
    """What the student sees. On a terminal each `show` replaces what the session drew
    before, and only that: what the terminal showed above it (the summary of the extract
    that made the cards, say) stays in view. Elsewhere (tests, a captured console)
    screens follow one another."""

    def __init__(self, console: Console):
        self.console = console
        self._drawn = 0  # lines the session has drawn since the last `show`

    def show(self, *items: RenderableType) -> None:
        if not self.console.is_terminal:
            for item in items:
                self.console.print(item)
            return
        if self._drawn:
            # back to the first line drawn, then erase from there to the end of the screen
            self.console.file.write(f"\x1b[{self._drawn}F\x1b[J")
        self._drawn = 0
        self._draw(items)

    def say(self, message: RenderableType) -> None:
        if self.console.is_terminal:
            self._draw((message,))
        else:
            self.console.print(message)

    def typed(self, text: str) -> None:
        """A line the student typed (with its prompt), echoed by the terminal."""
        width = max(1, self.console.width)
        self._drawn += max(1, -(-len(text) // width))

    def _draw(self, items: Iterable[RenderableType]) -> None:
        with self.console.capture() as capture:
            for item in items:
                self.console.print(item)
        text = capture.get()
        self.console.file.write(text)
        self.console.file.flush()
        self._drawn += text.count("\n")


# --- typed answers --------------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")


@dataclass(frozen=True)
class Verdict:
    """How a typed answer compares with the card's answer, and the rating it suggests."""

    rating: Rating
    message: str
    diff: Text | None = None


def normalise(text: str) -> str:
    """Case, spacing and punctuation removed; digits kept together ("801,000" → "801000")."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"(?<!\d)[.,:/]|[.,:/](?!\d)", " ", text)
    text = re.sub(r"[^\w\s.,:/]", " ", text)
    return " ".join(text.split())


def numbers(text: str) -> list[str]:
    return _NUMBER.findall(normalise(text))


def check_answer(typed: str, expected: str) -> Verdict:
    """Right, a near miss in words, or wrong. Numbers and dates must match exactly."""
    if not typed.strip():
        return Verdict(Rating.AGAIN, "no answer given")
    given, wanted = normalise(typed), normalise(expected)
    if given == wanted:
        return Verdict(Rating.GOOD, "correct")
    diff = word_diff(given, wanted)
    if numbers(typed) != numbers(expected):
        return Verdict(Rating.AGAIN, "the numbers or dates differ", diff)
    closeness = difflib.SequenceMatcher(None, given, wanted, autojunk=False).ratio()
    if closeness >= 0.8:
        return Verdict(Rating.HARD, "nearly: check the differences", diff)
    return Verdict(Rating.AGAIN, "not the answer", diff)


def word_diff(given: str, wanted: str) -> Text:
    """Words typed but not wanted struck through in red; words missing in green."""
    ours, theirs = given.split(), wanted.split()
    text = Text()
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            text.append(" ".join(ours[a1:a2]) + " ")
            continue
        if a2 > a1:
            text.append(" ".join(ours[a1:a2]), style="red strike")
            text.append(" ")
        if b2 > b1:
            text.append(" ".join(theirs[b1:b2]), style="bold green underline")
            text.append(" ")
    text.rstrip()
    return text


# --- the session ----------------------------------------------------------------------


@dataclass
class Options:
    deck: str | None = None
    topic: str | None = None
    new: int | None = None  # new cards this session, instead of each deck's daily limit
    limit: int | None = None  # different cards this session
    type_answer: bool = False
    rollover_hour: int = DEFAULT_ROLLOVER_HOUR
    fuzz: bool = True
    tz: tzinfo | None = None  # None: this machine's time zone
    # when nothing else is left, learning cards due within this long are shown early
    learn_ahead: timedelta = LEARN_AHEAD
    again: str = "revise review"  # the command that starts this session again, for hints


def learn_ahead(store: Store) -> timedelta:
    """The learn-ahead limit set with `revise config learn-ahead`, else the default."""
    value = setting(store, LEARN_AHEAD_SETTING)
    return LEARN_AHEAD if value is None else timedelta(minutes=int(value))


@dataclass
class Answer:
    review_id: int
    card: QueueCard
    rating: Rating


@dataclass
class Suspension:
    card: QueueCard


@dataclass
class Summary:
    ratings: Counter = field(default_factory=Counter)
    cards: set[str] = field(default_factory=set)
    seconds: float = 0.0
    skipped: int = 0  # answered meanwhile in another session
    left: tuple[int, int, int] = (0, 0, 0)  # new, learning, due still waiting today
    next_due: datetime | None = None
    new_capped: bool = False  # new cards wait because today's limit is used up
    again: str = "revise review"  # the command that carries on

    @property
    def answers(self) -> int:
        return sum(self.ratings.values())


class Session:
    """One review session over `store`. `clock` gives the time (UTC); `timer` measures
    how long each answer took."""

    def __init__(self, store: Store, options: Options, keys: Keys, screen: Screen, *,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 timer: Callable[[], float] = time.monotonic):
        self.store = store
        self.options = options
        self.keys = keys
        self.screen = screen
        self.clock = clock
        self.timer = timer
        self.summary = Summary(again=options.again)
        self.answers: list[Answer | Suspension] = []  # what u takes back, last first
        self._schedulers: dict[int, DeckScheduler] = {}
        self._learning_today = 0
        # shown under the next question: the last answer is safe, or the card was suspended
        self._saved: Text | None = None
        # a deck built to hand out is reviewed only when named
        self.deck_ids = (db.deck_ids(store, options.deck) if options.deck is not None
                         else db.reviewed_deck_ids(store))
        if options.topic and not store.cards(deck=options.deck, topic=options.topic, limit=1):
            raise StoreError(f"no cards under a topic matching {options.topic!r} "
                                "(revise cards lists the cards and their topics)")
        self._unsaved_to_file = 0  # answers since the log was last copied into the file
        db.defer_checkpoints(store)

    # the queue

    def build(self, now: datetime) -> None:
        options = self.options
        self.today = day_start(now, options.rollover_hour, options.tz)
        self.day_end = next_day_start(now, options.rollover_hour, options.tz)
        self._day_end = iso(self.day_end)  # as stored, for comparing on every draw
        reviews = db.queue_cards(self.store, states=("review",), before=self._day_end,
                                 deck_ids=self.deck_ids, topic=options.topic,
                                 limit=options.limit)
        new, self.summary.new_capped = self._new_cards(options.new, options.limit)
        self.queue = Queue(reviews, new, limit=options.limit)

    def _new_cards(self, budget: int | None,
                   limit: int | None) -> tuple[list[QueueCard], bool]:
        """The new cards a session started now would bring in: `budget` of them, or each
        deck's daily limit less those started today (None); and whether a deck's new cards
        wait because its limit is used up."""
        options = self.options
        since = iso(self.today)
        started = db.new_started_since(self.store, since)
        touched = db.bullets_reviewed_since(self.store, since)
        new: list[QueueCard] = []
        capped = False
        for deck in self.store.decks():
            if self.deck_ids is not None and deck["id"] not in self.deck_ids:
                continue
            if budget is None:
                allowance = max(0, deck["new_per_day"] - started.get(deck["id"], 0))
            else:
                allowance = budget - len(new)
            if limit is not None:
                allowance = min(allowance, limit)
            skip = {(name, position) for deck_id, name, position in touched
                    if deck_id == deck["id"]}
            found = db.new_cards(self.store, deck["id"], limit=allowance, topic=options.topic,
                                 skip_bullets=skip)
            new.extend(found)
            if budget is None and allowance == 0 and started.get(deck["id"]):
                capped = True
        return new, capped

    def _read_learning(self, soon: str) -> list[QueueCard]:
        """The first few learning cards due before `soon`, soonest first (and the count
        of those due today)."""
        rows = db.queue_cards(self.store, states=LEARNING, before=soon, deck_ids=self.deck_ids,
                              topic=self.options.topic, limit=SIBLING_LOOKAHEAD)
        self._count_learning()
        return rows

    def _count_learning(self) -> None:
        self._learning_today = db.count_due(self.store, states=LEARNING, before=self._day_end,
                                            deck_ids=self.deck_ids, topic=self.options.topic)

    def draw(self, now: datetime) -> tuple[QueueCard, dict] | None:
        """The next card to show and its stored row, or None when the session is done."""
        while True:
            due_now = iso(now)
            learning = self._read_learning(iso(now + self.options.learn_ahead))
            learning_now = [card for card in learning if card.due <= due_now]
            learning_soon = [card for card in learning if card.due > due_now]
            card = self.queue.next(learning_now, learning_soon)
            if card is None:
                return None
            row = db.review_card(self.store, card.id)
            if row is not None and self._still_due(card, row):
                return card, row

    def _still_due(self, card: QueueCard, row: dict) -> bool:
        """A card drawn from the queue may have been answered, suspended or retired by
        another session since the queue was built."""
        if row["retired"] or row["suspended"]:
            return False
        if card.kind == "new":
            return row["state"] == "new"
        if card.kind == "review":
            return row["state"] == "review" and row["due"] < self._day_end
        return row["state"] in ("learning", "relearning", "review", "new")

    def counts(self) -> tuple[int, int, int]:
        new, reviews = self.queue.left()
        return new, self._learning_today, reviews

    def scheduler(self, row: dict) -> DeckScheduler:
        deck_id = row["deck_id"]
        if deck_id not in self._schedulers:
            parameters = json.loads(row["parameters"]) if row.get("parameters") else None
            self._schedulers[deck_id] = DeckScheduler(
                desired_retention=row["desired_retention"], parameters=parameters,
                fuzz=self.options.fuzz)
        return self._schedulers[deck_id]

    # the loop

    def run(self) -> Summary:
        began = self.timer()
        self.build(self.clock())
        first = True
        try:
            while True:
                drawn = self.draw(self.clock())
                if drawn is None:
                    break
                first = False
                if not self.ask(*drawn):
                    break
        except KeyboardInterrupt:
            pass  # Ctrl-C ends the session as q does: everything answered is stored
        self.summary.seconds = self.timer() - began
        self._finish()
        if first and not self.summary.answers:
            self.screen.show(nothing_due(self.summary, self.clock(), self.options.tz))
        else:
            self.screen.show(render_summary(self.summary, self.clock(), self.options.tz))
        return self.summary

    def _finish(self) -> None:
        """What is still waiting today, counted as the next session (and revise due) will
        count it: new cards under the daily limits, whatever --new or --limit held back
        this time, and without the cards suspended."""
        now = self.clock()
        self._count_learning()
        new, _ = self._new_cards(None, None)
        reviews = db.count_due(self.store, states=("review",), before=self._day_end,
                               deck_ids=self.deck_ids, topic=self.options.topic)
        self.summary.left = (len(new), self._learning_today, reviews)
        self.summary.next_due = parse_time(db.next_due(
            self.store, iso(now), deck_ids=self.deck_ids, topic=self.options.topic))

    def ask(self, card: QueueCard, row: dict) -> bool:
        """Show one card and act on the keys pressed. False means quit."""
        shown = self.timer()
        header = self._header(card, row)
        early = self._early_note(card)
        self.screen.show(header, *([early] if early else []), question_panel(row),
                         hint(revealed=False, typed=self.options.type_answer),
                         *([self._saved] if self._saved else []))
        self.upkeep()
        verdict = None
        if self.options.type_answer:
            while True:
                prompt = "Your answer (Enter alone to just show it): "
                typed = self.keys.line(prompt)
                self.screen.typed(prompt + typed)
                command = typed.strip().lower()
                if command not in COMMAND_KEYS:
                    break
                # q, u or s alone is the command the hint offers, not an answer
                action = self._command(command, card, row)
                if action is not None:
                    return action
            verdict = check_answer(typed, row["answer"]) if typed.strip() else None
        else:
            while True:
                key = self.keys.key()
                if key in REVEAL_KEYS:
                    break
                action = self._command(key, card, row)
                if action is not None:
                    return action
        now = self.clock()
        scheduler = self.scheduler(row)
        schedule = schedule_of(row)
        intervals = scheduler.preview(schedule, now)
        self.screen.show(header, *([early] if early else []), question_panel(row),
                         answer_panel(row, verdict),
                         buttons(intervals, verdict.rating if verdict else None),
                         hint(revealed=True, typed=verdict is not None))
        while True:
            key = self.keys.key()
            if verdict is not None and key in ("\r", "\n"):
                rating = verdict.rating
            elif key in ("1", "2", "3", "4"):
                rating = Rating(int(key))
            else:
                action = self._command(key, card, row)
                if action is not None:
                    return action
                continue
            self.rate(card, row, scheduler, schedule, rating, shown)
            return True

    def _command(self, key: str, card: QueueCard, row: dict) -> bool | None:
        """Keys that work on either side of a card: undo, suspend, quit."""
        if key == QUIT:
            self.queue.put_back(card)
            return False
        if key == "u":
            if not self.answers:
                self.screen.say(Text("Nothing to undo.", style="dim"))
                return None
            self.queue.put_back(card)
            self.undo()
            return True
        if key == "s":
            db.suspend_card(self.store, card.id)
            self.answers.append(Suspension(card))
            # said under the next question, where it stays readable
            self._saved = Text(f"Suspended “{_shorten(row['question'])}”: it will not come up "
                               "again until unsuspended (u undoes this).", style="dim")
            return True
        return None

    def _early_note(self, card: QueueCard) -> Text | None:
        """Why a learning card is shown before it is due: nothing else is left and it falls
        due within the learn-ahead limit."""
        now = self.clock()
        if card.kind != "learning" or card.due is None or card.due <= iso(now):
            return None
        due = parse_time(card.due)
        limit = format_interval(self.options.learn_ahead)
        return Text(f"Shown early: due {describe_time(due, now, self.options.tz)}; nothing "
                    f"else is left (learn-ahead limit {limit}: revise config learn-ahead).",
                    style="yellow")

    def rate(self, card: QueueCard, row: dict, scheduler: DeckScheduler, schedule: dict,
             rating: Rating, shown: float) -> None:
        """Answer `card` with `rating`: the answer is committed before this returns.
        `schedule` is the card's state as drawn and `shown` when it was put on screen."""
        now = self.clock()
        after = scheduler.rate(schedule, rating, now)
        review_id = db.record_rating(
            self.store, card.id, schedule, after, rating=int(rating), reviewed_at=iso(now),
            duration_ms=round((self.timer() - shown) * 1000))
        if review_id is None:
            self.summary.skipped += 1
            self._saved = None
            self.screen.say(Text("Already answered in another session: skipped.", style="dim"))
            return
        self._unsaved_to_file += 1
        kind = "new" if schedule["state"] == "new" else card.kind
        self.answers.append(Answer(review_id, _replace_kind(card, kind), rating))
        self.summary.ratings[rating] += 1
        self.summary.cards.add(card.id)
        # said only once the answer is committed, so what the screen shows is what is stored
        self._saved = Text(f"Answer {self.summary.answers} saved: {rating.label}.", style="dim")

    def upkeep(self) -> None:
        """Housekeeping done while a question is on screen, where it delays nothing:
        every CHECKPOINT_EVERY answers, the database's log is copied into its file
        (answers are safe either way; this keeps the log short)."""
        if self._unsaved_to_file >= CHECKPOINT_EVERY:
            db.checkpoint(self.store)
            self._unsaved_to_file = 0

    def undo(self) -> bool:
        """Take back the last answer of this session: the card's state before it is
        restored, its review deleted, and the card shown again."""
        answer = self.answers.pop()
        self._saved = None
        if isinstance(answer, Suspension):
            db.suspend_card(self.store, answer.card.id, suspended=False)
            self.queue.put_back(answer.card)
            self._saved = Text("Unsuspended: the card is back.", style="dim")
            return True
        if db.undo_rating(self.store, answer.review_id) is None:
            self.screen.say(Text("Cannot undo: the card has been answered again since.",
                                 style="dim"))
            return False
        self.summary.ratings[answer.rating] -= 1
        if not self.summary.ratings[answer.rating]:
            del self.summary.ratings[answer.rating]
        if all(other.card.id != answer.card.id for other in self.answers
               if isinstance(other, Answer)):
            self.summary.cards.discard(answer.card.id)
        self.queue.put_back(answer.card)
        return True

    def _header(self, card: QueueCard, row: dict) -> RenderableType:
        new, learning, due = self.counts()
        # as in Anki, the counts include the card on screen
        new += card.kind == "new"
        due += card.kind == "review"
        grid = Table.grid(expand=True)
        grid.add_column(ratio=1)
        grid.add_column(justify="right")
        place = Text(row["deck"], style="bold")
        if row["topic"]:
            place.append(" › " + " › ".join(row["topic"]), style="")
        left = Text.assemble((f"{new} new", "blue"), " · ", (f"{learning} learning", "red"),
                             " · ", (f"{due} due", "green"))
        grid.add_row(place, left)
        return grid


def _shorten(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _replace_kind(card: QueueCard, kind: str) -> QueueCard:
    return QueueCard(card.id, card.deck_id, card.bullet, kind, card.due)


# --- screens --------------------------------------------------------------------------


def question_panel(row: dict) -> RenderableType:
    return Panel(Text(row["question"]), title="question", title_align="left",
                 padding=(1, 2))


def answer_panel(row: dict, verdict: Verdict | None) -> RenderableType:
    parts: list[RenderableType] = [Text(row["answer"], style="bold")]
    if verdict is not None:
        style = RATING_STYLES[verdict.rating]
        parts.append(Text(""))
        parts.append(Text.assemble(("Your answer: ", "dim"), verdict.message, style=style)
                     if verdict.diff is None else
                     Text.assemble(("Your answer: ", "dim"), verdict.diff))
        if verdict.diff is not None:
            parts.append(Text(verdict.message, style=style))
    if row.get("source"):
        parts.append(Text(""))
        parts.append(Text(f"From your notes: {row['source']}", style="dim"))
    return Panel(Group(*parts), title="answer", title_align="left", padding=(1, 2),
                 border_style="green")


def buttons(intervals: dict[Rating, timedelta], suggested: Rating | None) -> Text:
    text = Text()
    for rating, delta in intervals.items():
        if text:
            text.append("   ")
        style = RATING_STYLES[rating]
        mark = "▸" if rating == suggested else " "
        text.append(f"{mark}{int(rating)} ", style="bold")
        text.append(rating.label, style=f"bold {style}" if rating == suggested else style)
        text.append(f" {format_interval(delta)}", style="dim")
    return text


def hint(*, revealed: bool, typed: bool) -> Text:
    if not revealed:
        if typed:
            return Text("type the answer, then Enter · u, s or q alone then Enter: undo, "
                        "suspend, quit", style="dim")
        first = "Space or Enter: show the answer"
    else:
        first = "Enter: accept the suggestion · 1-4: rate" if typed else "1-4: rate"
    return Text(f"{first} · u undo · s suspend · q quit", style="dim")


def describe_time(moment: datetime, now: datetime, tz: tzinfo | None = None,
                  rollover_hour: int = DEFAULT_ROLLOVER_HOUR) -> str:
    """'in 25m (14:05)', 'tomorrow at 09:12', 'Thu 3 Dec at 08:00'."""
    local = local_time(moment, tz)
    if moment <= now:
        return "now"
    delta = moment - now
    clock = local.strftime("%H:%M")
    days = (revision_day(moment, rollover_hour, tz) - revision_day(now, rollover_hour, tz)).days
    if days == 0:
        return f"in {format_interval(delta)} ({clock})"
    if days == 1:
        return f"tomorrow at {clock}"
    return f"{local.strftime('%a')} {local.day} {local.strftime('%b')} at {clock}" + (
        f" (in {format_interval(delta)})")


def _ratings_line(summary: Summary) -> Text:
    text = Text()
    for rating in Rating:
        if text:
            text.append(" · ")
        text.append(f"{rating.label} {summary.ratings.get(rating, 0)}",
                    style=RATING_STYLES[rating])
    return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}m {seconds:02d}s" if minutes else f"{seconds}s"


def _next_line(summary: Summary, now: datetime, tz: tzinfo | None) -> Text:
    new, learning, due = summary.left
    if new or learning or due:
        return Text(f"Still waiting today: {new} new · {learning} learning · {due} due. "
                    f"Run {summary.again} again to carry on.")
    if summary.next_due is not None:
        when = describe_time(summary.next_due, now, tz)
        return Text(f"Nothing more due today. Next card due {when}.")
    return Text("Nothing more due today.")


def render_summary(summary: Summary, now: datetime, tz: tzinfo | None = None) -> RenderableType:
    lines = [
        Text(f"Session over: {_count(len(summary.cards), 'card')}, "
             f"{_count(summary.answers, 'answer')} in {_duration(summary.seconds)}.",
             style="bold"),
        _ratings_line(summary),
    ]
    if summary.skipped:
        lines.append(Text(f"{summary.skipped} answered in another session meanwhile: skipped.",
                          style="dim"))
    lines.append(_next_line(summary, now, tz))
    return Group(*lines)


def nothing_due(summary: Summary, now: datetime, tz: tzinfo | None = None) -> RenderableType:
    lines = [Text("Nothing due now.", style="bold")]
    if summary.next_due is not None:
        lines.append(Text(f"Next card due {describe_time(summary.next_due, now, tz)}."))
    if summary.new_capped:
        lines.append(Text("Today's new cards are done; more tomorrow, or add some now with "
                          f"{summary.again} --new N.", style="dim"))
    elif summary.next_due is None:
        lines.append(Text("No cards to review yet: make some with revise extract NOTES.txt.",
                          style="dim"))
    return Group(*lines)


# --- in a real terminal ---------------------------------------------------------------


def run_in_terminal(store: Store, options: Options,
                    clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> Summary:
    console = Console(highlight=False)
    with TerminalKeys() as keys:
        session = Session(store, options, keys, Screen(console), clock=clock)
        return session.run()
