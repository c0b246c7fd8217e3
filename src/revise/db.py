"""The database: connection, schema, migrations and every query. The only module with SQL.

A database is one SQLite file in WAL mode. Its schema version lives in
`PRAGMA user_version`; opening applies the migrations it lacks (after copying
the file beside itself) and refuses a file written by a newer revise.
Every write that belongs together runs in one `BEGIN IMMEDIATE` transaction.

A command waits up to 5 seconds for another process's write lock, then fails with a
one-line "locked" error. `REVISE_BUSY_TIMEOUT_MS` changes the wait (for tests).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path

from revise.errors import StoreError

TYPE_CHECKING = False  # as typing's, without importing typing at every start
if TYPE_CHECKING:
    from sqlite_utils import Database

    from revise.models import CardDraft

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5_000
# Below this source similarity an edited bullet counts as a different bullet.
MATCH_THRESHOLD = 0.6

CARD_STATES = ("new", "learning", "review", "relearning")


def busy_timeout_ms() -> int:
    """How long to wait for another process's write lock, in milliseconds."""
    value = os.environ.get("REVISE_BUSY_TIMEOUT_MS", "")
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime | None) -> str | None:
    """Timestamps are stored as ISO 8601 UTC text, so they sort as text."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="seconds")


# --- migrations ---------------------------------------------------------------
# Each function takes the schema from version N to N+1. They run in order inside
# one transaction on open; add new ones at the end and never edit a released one.


def _m001_initial(db: Database) -> None:
    db["decks"].create(
        {
            "id": int,
            "name": str,
            "description": str,
            "new_per_day": int,
            "desired_retention": float,
            "parameters": str,  # JSON list of FSRS weights fitted for this deck, or NULL
            "created": str,
        },
        pk="id",
        not_null={"name", "new_per_day", "desired_retention", "created"},
        defaults={"new_per_day": 20, "desired_retention": 0.9, "description": ""},
        strict=True,
    )
    db["decks"].create_index(["name"], unique=True)
    db["cards"].create(
        {
            "id": str,
            "deck_id": int,
            "source_name": str,  # the notes file's name: cards are synced per deck and file
            "source_path": str,
            "kind": str,
            "topic": str,  # JSON list of section titles, outermost first
            "tags": str,  # JSON list of tags a card was imported with (Anki tags)
            "question": str,
            "answer": str,
            "source": str,
            "position": int,
            "line": int,
            "slot": int,
            "created": str,
            "updated": str,
            "retired": int,
            "suspended": int,
            # FSRS memory state; state 'new' means never reviewed
            "state": str,
            "step": int,
            "stability": float,
            "difficulty": float,
            "due": str,
            "last_review": str,
            "reps": int,
            "lapses": int,
        },
        pk="id",
        foreign_keys=[("deck_id", "decks", "id")],
        not_null={"deck_id", "kind", "question", "answer", "source", "created", "updated",
                  "retired", "suspended", "state", "reps", "lapses", "topic", "source_name"},
        defaults={"retired": 0, "suspended": 0, "state": "new", "reps": 0, "lapses": 0,
                  "position": 0, "line": 1, "slot": 0, "source_path": "", "tags": "[]"},
        strict=True,
    )
    db["cards"].create_index(["deck_id", "source_name"])
    db["cards"].create_index(["due"])
    # The review queue and progress counts read only active cards; these partial
    # indexes answer them without touching the table. (SQLite uses a partial index as
    # a covering one only if it also holds the columns its WHERE names.)
    active = "retired, suspended) WHERE retired = 0 AND suspended = 0"
    db.execute(f"CREATE INDEX idx_cards_active_state_due ON cards (state, due, {active}")
    db.execute(f"CREATE INDEX idx_cards_active_deck ON cards (deck_id, state, due, {active}")
    db.execute("CREATE INDEX idx_cards_active_topic ON cards"
               f" (topic, deck_id, stability, last_review, position, id, {active}")
    db.execute("CREATE INDEX idx_cards_new ON cards (deck_id, source_name, position, slot)"
               " WHERE retired = 0 AND suspended = 0 AND state = 'new'")
    db["reviews"].create(
        {
            "id": int,
            "card_id": str,
            "rating": int,
            "reviewed_at": str,
            "duration_ms": int,
            "state": str,  # the card's state before the answer: new, learning, review, relearning
            "state_before": str,  # JSON of the card's scheduling columns before the answer
            "state_after": str,
        },
        pk="id",
        foreign_keys=[("card_id", "cards", "id")],
        not_null={"card_id", "rating", "reviewed_at", "state_before", "state_after"},
        strict=True,
    )
    db["reviews"].create_index(["card_id"])
    # covering: daily counts and true retention read only this index
    db["reviews"].create_index(["reviewed_at", "state", "rating", "card_id"])
    # reviews written without `state` (imported histories) get it from state_before
    db.execute(
        "CREATE TRIGGER reviews_state AFTER INSERT ON reviews WHEN NEW.state IS NULL BEGIN"
        " UPDATE reviews SET state = json_extract(NEW.state_before, '$.state')"
        " WHERE id = NEW.id; END"
    )
    db["settings"].create({"key": str, "value": str}, pk="key", strict=True)


def _m002_covering_indexes(db: Database) -> None:
    """Indexes that answer the review queue and topic strength without reading the cards
    table, which a large collection cannot keep in memory."""
    active = "retired, suspended) WHERE retired = 0 AND suspended = 0"
    # The queue reads each due card's bullet (for sibling spacing) as well as its time.
    # Cards never studied have no due time: leaving them out spares a first extract
    # from filling this index in random id order.
    db.execute("DROP INDEX idx_cards_active_state_due")
    db.execute("CREATE INDEX idx_cards_active_queue ON cards"
               f" (state, due, id, deck_id, source_name, position, {active}"
               " AND due IS NOT NULL")
    # Topic strength computes each studied card's retrievability from julianday(last_review),
    # which SQLite then reads from this index instead of parsing the text again.
    # (_m003 drops the question from it.)
    db.execute("DROP INDEX idx_cards_active_topic")
    db.execute("CREATE INDEX idx_cards_active_recall ON cards"
               f" (topic, deck_id, stability, julianday(last_review), id, question, {active}")
    db.execute("CREATE INDEX idx_cards_active_topic_position ON cards"
               f" (topic, position, deck_id, {active}")


def _m003_leaner_indexes(db: Database) -> None:
    """Fewer and thinner card indexes: each one is written on every extract and answer.

    Topic strength looks up its weakest cards' questions by rowid after aggregating,
    so one index without them, a third the size, serves both its scan and its first
    position per topic (the first entry of each topic). Every query on `due` also names
    active cards and a state, which the queue index answers: `due` alone had no reader."""
    db.execute("DROP INDEX idx_cards_due")
    db.execute("DROP INDEX idx_cards_active_recall")
    db.execute("DROP INDEX idx_cards_active_topic_position")
    db.execute("CREATE INDEX idx_cards_active_recall ON cards (topic, position, deck_id,"
               " stability, julianday(last_review), retired, suspended)"
               " WHERE retired = 0 AND suspended = 0")


def _m004_review_tally(db: Database) -> None:
    """Answers counted per quarter hour, kept in step by triggers, so `revise stats`
    reads a few thousand rows for its calendar, total and retention instead of an index
    of every review. Quarter hours, because a revision day starts on one in every time
    zone. `state` counts as the trigger `reviews_state` fills it in."""
    db.execute("CREATE TABLE review_tally (quarter INTEGER PRIMARY KEY,"
               " reviews INTEGER NOT NULL, in_review INTEGER NOT NULL,"
               " passed INTEGER NOT NULL) STRICT")

    def add(row: str) -> str:
        quarter, in_review, passed = _tally_terms(row)
        return (f"INSERT INTO review_tally VALUES ({quarter}, 1, {in_review}, {passed})"
                " ON CONFLICT (quarter) DO UPDATE SET reviews = reviews + 1,"
                " in_review = in_review + excluded.in_review, passed = passed + excluded.passed;")

    def remove(row: str) -> str:
        quarter, in_review, passed = _tally_terms(row)
        return (f"UPDATE review_tally SET reviews = reviews - 1, in_review = in_review -"
                f" {in_review}, passed = passed - {passed} WHERE quarter = {quarter};")

    db.execute(f"CREATE TRIGGER review_tally_add AFTER INSERT ON reviews BEGIN {add('NEW')} END")
    db.execute("CREATE TRIGGER review_tally_remove AFTER DELETE ON reviews"
               f" BEGIN {remove('OLD')} END")
    # reviews_state filling in a missing state changes nothing counted
    db.execute("CREATE TRIGGER review_tally_change AFTER UPDATE OF reviewed_at, state, rating,"
               " state_before ON reviews WHEN OLD.state IS NOT NULL"
               f" BEGIN {remove('OLD')} {add('NEW')} END")
    quarter, in_review, passed = _tally_terms("reviews")
    db.execute(f"INSERT INTO review_tally SELECT {quarter}, count(*), sum({in_review}),"
               f" sum({passed}) FROM reviews GROUP BY 1")


def _m005_tally_per_deck(db: Database) -> None:
    """review_tally counted per deck as well as per quarter hour, so that `revise stats
    --deck` reads it too rather than every review of the deck. A card never changes
    deck, so each answer stays counted under its card's deck."""
    for trigger in ("review_tally_add", "review_tally_remove", "review_tally_change"):
        db.execute(f"DROP TRIGGER {trigger}")
    db.execute("DROP TABLE review_tally")
    db.execute("CREATE TABLE review_tally (quarter INTEGER NOT NULL,"
               " deck_id INTEGER NOT NULL, reviews INTEGER NOT NULL,"
               " in_review INTEGER NOT NULL, passed INTEGER NOT NULL,"
               " PRIMARY KEY (quarter, deck_id)) STRICT, WITHOUT ROWID")

    def deck(row: str) -> str:
        return f"coalesce((SELECT deck_id FROM cards WHERE cards.id = {row}.card_id), 0)"

    def add(row: str) -> str:
        quarter, in_review, passed = _tally_terms(row)
        return (f"INSERT INTO review_tally VALUES ({quarter}, {deck(row)}, 1, {in_review},"
                f" {passed}) ON CONFLICT (quarter, deck_id) DO UPDATE SET"
                " reviews = reviews + 1, in_review = in_review + excluded.in_review,"
                " passed = passed + excluded.passed;")

    def remove(row: str) -> str:
        quarter, in_review, passed = _tally_terms(row)
        return (f"UPDATE review_tally SET reviews = reviews - 1, in_review = in_review -"
                f" {in_review}, passed = passed - {passed}"
                f" WHERE quarter = {quarter} AND deck_id = {deck(row)};")

    db.execute(f"CREATE TRIGGER review_tally_add AFTER INSERT ON reviews BEGIN {add('NEW')} END")
    db.execute("CREATE TRIGGER review_tally_remove AFTER DELETE ON reviews"
               f" BEGIN {remove('OLD')} END")
    # reviews_state filling in a missing state changes nothing counted
    db.execute("CREATE TRIGGER review_tally_change AFTER UPDATE OF reviewed_at, state, rating,"
               " state_before, card_id ON reviews WHEN OLD.state IS NOT NULL"
               f" BEGIN {remove('OLD')} {add('NEW')} END")
    db.execute(f"INSERT INTO review_tally {_tally_from_log()}")


def _tally_terms(row: str) -> tuple[str, str, str]:
    """SQL for a review `row`'s quarter hour, whether it was an answer to a card in
    review, and whether that answer passed."""
    state = f"coalesce({row}.state, json_extract({row}.state_before, '$.state'))"
    in_review = f"({state} IS 'review')"
    return (f"CAST(strftime('%s', {row}.reviewed_at) AS INTEGER) / 900", in_review,
            f"({in_review} AND {row}.rating > 1)")


def _tally_from_log() -> str:
    """review_tally's rows as the review log gives them: each quarter hour and deck with
    answers."""
    quarter, in_review, passed = _tally_terms("reviews")
    return (f"SELECT {quarter}, coalesce(cards.deck_id, 0), count(*), sum({in_review}),"
            f" sum({passed}) FROM reviews LEFT JOIN cards ON cards.id = reviews.card_id"
            " GROUP BY 1, 2")


MIGRATIONS: list[Callable[[Database], None]] = [
    _m001_initial, _m002_covering_indexes, _m003_leaner_indexes, _m004_review_tally,
    _m005_tally_per_deck]
SCHEMA_VERSION = len(MIGRATIONS)


# --- the store ------------------------------------------------------------------


class Connection:
    """An open SQLite connection with the two helpers every query uses: `execute`, and
    `query` for rows as dicts.

    sqlite-utils, which creates and alters tables, is loaded only when a table is
    asked for (`db["cards"]`, as migrations do): loading it takes longer than a whole
    `revise due` on a large database.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils: Database | None = None
        conn.execute("PRAGMA recursive_triggers = on")  # as sqlite-utils sets it

    def execute(self, sql: str, parameters: Iterable | dict | None = None) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, parameters: Iterable | dict | None = None) -> Iterator[dict]:
        cursor = self.execute(sql, parameters)
        keys = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    @property
    def utils(self) -> Database:
        """sqlite-utils over this same connection."""
        if self._utils is None:
            from sqlite_utils import Database

            self._utils = Database(self.conn)
        return self._utils

    def __getitem__(self, table: str):
        return self.utils[table]

    def table_names(self) -> list[str]:
        return [row[0] for row in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]

    @property
    def journal_mode(self) -> str:
        return self.conn.execute("PRAGMA journal_mode").fetchone()[0]

    def enable_wal(self) -> None:
        self.conn.execute("PRAGMA journal_mode = wal")

    def close(self) -> None:
        self.conn.close()


class SyncReport(namedtuple("SyncReport", "new updated retired unchanged",
                            defaults=(0, 0, 0, 0))):
    """How many of a deck's cards a sync added, changed, retired and left as they were."""

    __slots__ = ()

    def __str__(self) -> str:
        return (f"{self.new} new, {self.updated} updated, {self.retired} retired, "
                f"{self.unchanged} unchanged")


class Store:
    """An open revise database."""

    def __init__(self, path: str | Path, *, readonly: bool = False, bulk: bool = False):
        """Open (creating, or migrating, as needed) the database at `path`.

        `readonly` opens an existing database without writing anything to it, not
        even a migration: for dry runs and read-only files.

        `bulk` is for a first write that may be large: if this creates the database,
        that write goes straight into the file under a rollback journal, as atomic as
        any other, rather than into the WAL and then copied into the file again.
        The database turns to WAL when it commits (or at close).
        """
        self.path = Path(path)
        self._check_file(create=not readonly)
        self._wal_pending = False
        new_file = not self.path.exists() or self.path.stat().st_size == 0
        try:
            if readonly:
                conn = self._connect_read_only()
            else:
                conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.DatabaseError as error:
            raise store_error(self.path, error) from None
        self.db = Connection(conn)
        try:
            self._prepare(readonly, bulk=bulk and new_file)
        except BaseException as error:
            conn.close()  # a failed open must not keep the file busy
            if isinstance(error, sqlite3.DatabaseError):
                raise store_error(self.path, error) from None
            raise

    def _connect_read_only(self) -> sqlite3.Connection:
        return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None)

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A second, read-only connection to this database, for another thread."""
        conn = self._connect_read_only()
        try:
            conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
            yield conn
        finally:
            conn.close()

    def _prepare(self, readonly: bool, *, bulk: bool) -> None:
        conn = self.db.conn
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        conn.execute("PRAGMA foreign_keys = ON")
        if readonly:
            self._check_version(self._version())
            if self._version() < SCHEMA_VERSION:
                raise StoreError(f"{self.path} needs upgrading: run a command that writes")
            return
        self._migrate()
        if bulk:
            self._wal_pending = True
            # a rollback journal is durable against power loss only with FULL
            conn.execute("PRAGMA synchronous = FULL")
            return
        self._use_wal()

    def _use_wal(self) -> None:
        self._wal_pending = False
        if self.db.journal_mode != "wal":
            self.db.enable_wal()
        # WAL with synchronous=NORMAL keeps every commit atomic and durable
        # against a process crash, which is the failure that matters here.
        self.db.execute("PRAGMA synchronous = NORMAL")

    def _check_file(self, create: bool) -> None:
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a database file")
        if not self.path.parent.is_dir():
            raise StoreError(f"folder {self.path.parent} does not exist")
        if not self.path.exists():
            if not create:
                raise StoreError(f"no database at {self.path}")
            return
        try:
            with self.path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise StoreError(f"cannot read {self.path}: {error.strerror}") from None
        if header and header != SQLITE_HEADER:
            raise StoreError(f"{self.path} is not a revise database (not an SQLite file)")

    def _version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer revise (schema {version}; this one knows "
                f"up to {SCHEMA_VERSION}): upgrade revise to use it"
            )
        if version == 0 and self.db.table_names():
            raise StoreError(f"{self.path} is an SQLite database but not a revise one")

    def _migrate(self) -> None:
        self._check_version(self._version())
        version = self._version()
        if version == SCHEMA_VERSION:
            return
        if version > 0:
            # Before the transaction: SQLite cannot copy a database its writer is changing.
            self._backup_before_migration(version)
        with self.transaction():
            version = self._version()  # again, under the write lock: another process may have won
            if version == SCHEMA_VERSION:
                return
            for migration in MIGRATIONS[version:]:
                migration(self.db.utils)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _backup_before_migration(self, version: int) -> None:
        copy = self.path.with_name(f"{self.path.name}.schema{version}.bak")
        target = sqlite3.connect(copy)
        try:
            self.db.conn.backup(target)
        finally:
            target.close()

    def close(self) -> None:
        try:
            if self._wal_pending:
                self._use_wal()
        except sqlite3.DatabaseError:
            pass  # another process holds the database: the next one to open it turns it
        finally:
            self.db.close()

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the database, taken while other sessions may be writing
        (SQLite's online backup API copies a snapshot, not the file's bytes)."""
        try:
            copy = sqlite3.connect(target)
            try:
                self.db.conn.backup(copy)
            finally:
                copy.close()
        except sqlite3.DatabaseError as error:
            raise store_error(target, error) from None

    def restore_from(self, backup: Path) -> None:
        """Replace this database's content with `backup`'s, in one step that other
        processes see either wholly or not at all."""
        with Store(backup, readonly=True) as source:
            try:
                source.db.conn.backup(self.db.conn)
            except sqlite3.DatabaseError as error:
                raise store_error(self.path, error) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction. IMMEDIATE takes the write lock up front, so two
        processes wait for each other (busy timeout) instead of failing mid-way."""
        conn = self.db.conn
        if conn.in_transaction:  # nested: the outermost transaction commits
            yield self.db
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            raise store_error(self.path, error) from None
        try:
            yield self.db
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise store_error(self.path, error) from None
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if self._wal_pending:
            self._use_wal()

    # --- decks ----------------------------------------------------------------

    def deck_id(self, name: str, *, now: datetime) -> int:
        """The id of deck `name`, created if new. Call inside a transaction."""
        row = self.db.execute("SELECT id FROM decks WHERE name = ?", [name]).fetchone()
        if row:
            return row[0]
        return self.db.execute("INSERT INTO decks (name, created) VALUES (?, ?)",
                               [name, iso(now)]).lastrowid

    def decks(self) -> list[dict]:
        return list(self.db.query("SELECT * FROM decks ORDER BY name"))

    def deck(self, name: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM decks WHERE name = ?", [name]))
        return rows[0] if rows else None

    # --- cards ----------------------------------------------------------------

    def stored_cards(self, deck: str, source_name: str,
                     drafts: Iterable[CardDraft] = ()) -> dict[str, dict]:
        """The deck's cards from one notes file, retired ones too, by id.

        Where a card's text is what the draft with its id says, the row holds the
        draft's strings rather than a copy: matching notes of 100,000 bullets against
        their cards then keeps their text in memory once, not twice."""
        by_id = {draft.id: draft for draft in drafts}
        recurring: dict[str, str] = {}  # kinds and topics, the same for many cards
        rows = {}
        for values in self.db.execute(
                f"SELECT {', '.join(f'cards.{name}' for name in _STORED_COLUMNS)} FROM cards"
                " JOIN decks ON decks.id = cards.deck_id"
                " WHERE decks.name = ? AND source_name = ?", [deck, source_name]):
            row = dict(zip(_STORED_COLUMNS, values, strict=True))
            draft = by_id.get(row["id"])
            if draft is not None:
                content = _content(draft)
                for name in _TEXT_COLUMNS:  # as plan_sync compares them
                    if row[name] == content[name]:
                        row[name] = content[name]
            row["kind"] = recurring.setdefault(row["kind"], row["kind"])
            row["topic"] = recurring.setdefault(row["topic"], row["topic"])
            rows[row["id"]] = row
        return rows

    def sync_cards(
        self, deck: str, source_path: Path, drafts: list[CardDraft], *, now: datetime
    ) -> SyncPlan:
        """Make the deck's cards from `source_path` match `drafts`, keeping identity
        (see `plan_sync`), in one transaction."""
        source_name = source_path.name
        stamp = iso(now)
        with self.transaction():
            deck_id = self.deck_id(deck, now=now)
            plan = plan_sync(self.stored_cards(deck, source_name, drafts), drafts)
            for card_id, draft in plan.changed:
                self.db.execute(
                    "UPDATE cards SET kind = ?, topic = ?, question = ?, answer = ?, "
                    "source = ?, position = ?, line = ?, slot = ?, source_path = ?, "
                    "retired = 0, updated = ? WHERE id = ?",
                    [*_content_values(draft), str(source_path), stamp, card_id],
                )
            for card_id, draft in plan.moved:
                self.db.execute(
                    "UPDATE cards SET position = ?, line = ? WHERE id = ?",
                    [draft.position, draft.line, card_id],
                )
            plan.ids.update(self._insert_new(deck_id, source_path, plan.new, stamp))
            for chunk in _chunks(plan.retired, 500):
                marks = ",".join("?" * len(chunk))
                self.db.execute(
                    f"UPDATE cards SET retired = 1, updated = ? WHERE id IN ({marks})",
                    [stamp, *chunk],
                )
        return plan

    def sync_pieces(self, deck: str, source_path: Path, pieces: Iterable[list[CardDraft]],
                    *, now: datetime) -> SyncPlan:
        """`sync_cards` for cards that come a piece of the notes at a time, as long notes
        are read (see `revise.extract.unique_pieces`). A file the deck has no cards from
        has nothing to match them with: each piece is written as it comes, while the next
        ones are still being read. Any other file is matched whole."""
        with self.transaction():
            if self.db.execute(
                    "SELECT 1 FROM cards JOIN decks ON decks.id = cards.deck_id"
                    " WHERE decks.name = ? AND source_name = ? LIMIT 1",
                    [deck, source_path.name]).fetchone():
                return self.sync_cards(deck, source_path, list(chain.from_iterable(pieces)),
                                       now=now)
            deck_id = self.deck_id(deck, now=now)
            stamp = iso(now)
            plan = SyncPlan()
            for drafts in pieces:
                plan.ids.update(self._insert_new(deck_id, source_path, drafts, stamp))
                plan.new += drafts
            return plan

    def _insert_new(self, deck_id: int, source_path: Path, drafts: list[CardDraft],
                    stamp: str) -> dict[str, str]:
        """Write `drafts` as new cards; the id each was stored under (see `_free_ids`)."""
        source_name = source_path.name
        free = self._free_ids([draft.id for draft in drafts], source_name)
        path_text = str(source_path)
        rows = ((free[draft.id], deck_id, source_name, path_text,
                 *_content_values(draft), stamp, stamp) for draft in drafts)
        if len(drafts) > BIG_WRITE_ROWS:
            # Card ids are hashes, so new rows land all over the id index: with the
            # default 2 MB page cache a large first extract spends its time
            # re-reading and spilling index pages.
            self.db.execute(f"PRAGMA cache_size = -{BIG_WRITE_CACHE_KIB}")
        # one prepared statement for every row: this is most of a first extract's work
        self.db.conn.executemany(
            f"INSERT INTO cards (id, deck_id, source_name, source_path, "
            f"{', '.join(_CONTENT_COLUMNS)}, created, updated)"
            f" VALUES ({', '.join('?' * (len(_CONTENT_COLUMNS) + 6))})", rows)
        return free

    def _free_ids(self, card_ids: list[str], source_name: str) -> dict[str, str]:
        """The id each new card gets: its own, unless a stored card (or another new one)
        has it. Two files in one deck can hold the same bullet; the second gets its own id."""
        stored: set[str] = set()
        for chunk in _chunks(card_ids, 500):
            marks = ",".join("?" * len(chunk))
            stored.update(row[0] for row in self.db.execute(
                f"SELECT id FROM cards WHERE id IN ({marks})", chunk))
        claimed = set(card_ids) - stored
        free: dict[str, str] = {}
        for card_id in card_ids:
            if card_id not in stored:
                free[card_id] = card_id
                continue
            other = card_id
            while other in stored or other in claimed or self.db.execute(
                    "SELECT 1 FROM cards WHERE id = ?", [other]).fetchone():
                import hashlib  # only here: importing it slows every command's start

                other = hashlib.blake2b(f"{other}\x1f{source_name}".encode(),
                                        digest_size=8).hexdigest()
            claimed.add(other)
            free[card_id] = other
        return free

    def cards(
        self,
        *,
        deck: str | None = None,
        topic: str | None = None,
        kind: str | None = None,
        search: str | None = None,
        include_retired: bool = False,
        limit: int | None = None,
    ) -> list[dict]:
        """Cards matching every filter given; text filters match literally, case-insensitively."""
        where, params = card_filters(deck=deck, topic=topic, kind=kind, search=search,
                                     include_retired=include_retired)
        sql = (
            "SELECT cards.*, decks.name AS deck FROM cards JOIN decks ON decks.id = cards.deck_id"
            f" WHERE {where} ORDER BY decks.name, cards.source_name, cards.position, cards.kind,"
            " cards.slot"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [decode_card(row) for row in self.db.query(sql, params)]


# An extract of notes that have not changed since the last one is answered from this
# record instead of parsing them again: the digest of what was extracted (the notes, the
# deck, the path and the extracting code) and a fingerprint of the cards it left, so any
# later change to those cards by other means makes the next extract do the full work.
_EXTRACTED = "extracted\x1f{deck}\x1f{source}"


def _cards_fingerprint(store: Store, deck: str, source_name: str) -> list:
    row = store.db.execute(
        "SELECT count(*), total(retired), max(updated), total(position), total(line),"
        " total(slot), sum(retired = 0) FROM cards JOIN decks ON decks.id = cards.deck_id"
        " WHERE decks.name = ? AND cards.source_name = ?", [deck, source_name]).fetchone()
    return list(row)


def unchanged_since_extract(store: Store, deck: str, source_name: str,
                            digest: str) -> int | None:
    """The number of active cards if the last extract into `deck` from `source_name`
    had this `digest` and its cards are as it left them; otherwise None."""
    record = setting(store, _EXTRACTED.format(deck=deck, source=source_name))
    if record is None:
        return None
    try:
        saved = json.loads(record)
    except ValueError:
        return None
    if saved.get("digest") != digest:
        return None
    fingerprint = _cards_fingerprint(store, deck, source_name)
    return fingerprint[-1] if saved.get("cards") == fingerprint else None


def remember_extract(store: Store, deck: str, source_name: str, digest: str) -> None:
    """Record that `deck`'s cards from `source_name` are what `digest` gives. Call in the
    transaction that synced them."""
    record = json.dumps({"digest": digest,
                         "cards": _cards_fingerprint(store, deck, source_name)})
    store.db.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     [_EXTRACTED.format(deck=deck, source=source_name), record])


def card_filters(
    *,
    deck: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
    search: str | None = None,
    include_retired: bool = False,
) -> tuple[str, list]:
    """A WHERE clause over `cards` joined with `decks`. Text is matched with instr(),
    never LIKE, so `%` and `_` in what the user typed mean themselves."""
    clauses, params = ["1"], []
    if not include_retired:
        clauses.append("cards.retired = 0")
    if deck is not None:
        clauses.append("decks.name = ?")
        params.append(deck)
    if kind is not None:
        clauses.append("cards.kind = ?")
        params.append(kind)
    if topic:
        clauses.append("instr(lower(cards.topic), lower(?)) > 0")
        params.append(json.dumps(topic, ensure_ascii=False)[1:-1])
    if search:
        clauses.append(
            "(instr(lower(cards.question), lower(?)) > 0"
            " OR instr(lower(cards.answer), lower(?)) > 0"
            " OR instr(lower(cards.source), lower(?)) > 0)"
        )
        params.extend([search] * 3)
    return " AND ".join(clauses), params


def decode_card(row: dict) -> dict:
    card = dict(row)
    card["topic"] = json.loads(card["topic"])
    card["tags"] = json.loads(card.get("tags") or "[]")
    card["retired"] = bool(card["retired"])
    card["suspended"] = bool(card["suspended"])
    return card


@lru_cache(maxsize=4096)
def _topic_json(topic: tuple[str, ...]) -> str:
    # many cards share a topic: encode each topic once
    return json.dumps(list(topic), ensure_ascii=False)


_CONTENT_COLUMNS = ("kind", "topic", "question", "answer", "source", "position", "line", "slot")
BIG_WRITE_ROWS = 5_000
BIG_WRITE_CACHE_KIB = 16 * 1024


def _content_values(draft: CardDraft) -> tuple:
    """A draft's values for the columns in _CONTENT_COLUMNS, in that order."""
    return (str(draft.kind), _topic_json(draft.topic), draft.question, draft.answer,
            draft.source, draft.position, draft.line, draft.slot)


def _content(draft: CardDraft) -> dict:
    return dict(zip(_CONTENT_COLUMNS, _content_values(draft), strict=True))


class SyncPlan:
    """What syncing drafts into stored cards changes; computed without touching the database."""

    def __init__(self) -> None:
        self.changed: list[tuple[str, CardDraft]] = []
        self.moved: list[tuple[str, CardDraft]] = []
        self.new: list[CardDraft] = []
        self.retired: list[str] = []
        self.unchanged = 0
        # the stored id each draft's card has (differs from the draft's own id after an edit)
        self.ids: dict[str, str] = {}

    @property
    def report(self) -> SyncReport:
        return SyncReport(len(self.new), len(self.changed), len(self.retired),
                          self.unchanged + len(self.moved))


def plan_sync(stored: dict[str, dict], drafts: list[CardDraft]) -> SyncPlan:
    """Pair drafts with stored cards: first by id, then by how alike their bullets are.

    A draft whose id is stored is that card. Left-over drafts are matched to left-over
    stored cards of the same kind whose bullet is similar enough, so a bullet with a
    typo fixed keeps its card, id and history with the new text. Stored cards left
    with no draft are retired (kept with their history, no longer reviewed).
    """
    plan = SyncPlan()
    pairs: list[tuple[str, CardDraft]] = []
    leftover: list[CardDraft] = []
    for draft in drafts:
        (pairs.append((draft.id, draft)) if draft.id in stored else leftover.append(draft))
    taken = {card_id for card_id, _ in pairs}
    free = [row for card_id, row in stored.items() if card_id not in taken]
    matched = _match_similar(leftover, free) if leftover and free else {}
    pairs.extend((card_id, leftover[index]) for index, card_id in matched.items())
    plan.new = [draft for index, draft in enumerate(leftover) if index not in matched]
    taken.update(matched.values())
    plan.ids = {draft.id: draft.id for draft in plan.new}

    for card_id, draft in pairs:
        plan.ids[draft.id] = card_id
        row = stored[card_id]
        content = _content(draft)
        if row["retired"] or any(row[name] != content[name] for name in _TEXT_COLUMNS):
            plan.changed.append((card_id, draft))
        elif (row["position"], row["line"], row["slot"]) != (draft.position, draft.line,
                                                             draft.slot):
            plan.moved.append((card_id, draft))
        else:
            plan.unchanged += 1
    plan.retired = [card_id for card_id, row in stored.items()
                    if card_id not in taken and not row["retired"]]
    return plan


_TEXT_COLUMNS = ("kind", "topic", "question", "answer", "source")
_STORED_COLUMNS = ("id", *_TEXT_COLUMNS, "position", "line", "slot", "retired")


# Comparing every left-over draft with every left-over card is quadratic; past this many
# pairs (a whole file rewritten) only cards under the same topic are compared.
ALL_PAIRS_LIMIT = 250_000


def _match_similar(drafts: list[CardDraft], rows: list[dict]) -> dict[int, str]:
    """Best-first pairing of drafts (by index) with stored rows of the same kind.

    A bullet moved under another heading (or under a renamed one) with its words
    unchanged is found by its words alone; an edited bullet by similarity, among the
    cards of its topic, or among all cards when few are left to pair.
    """
    same_words: dict[tuple[str, str, int], dict] = {}
    same_fact: dict[tuple[str, str], dict] = {}
    by_answer: dict[str, list[dict]] = {}
    by_topic: dict[tuple[str, str], list[dict]] = {}
    by_kind: dict[str, list[dict]] = {}
    for row in rows:
        same_words.setdefault((row["kind"], row["source"], row["slot"]), row)
        # A card asked in new words, or filed under a new kind, by a newer extractor is
        # still the same fact: its bullet and its answer are unchanged.
        same_fact.setdefault((row["source"], row["answer"]), row)
        by_answer.setdefault(row["answer"], []).append(row)
        by_topic.setdefault((row["kind"], row["topic"]), []).append(row)
        by_kind.setdefault(row["kind"], []).append(row)
    compare_all = len(drafts) * len(rows) <= ALL_PAIRS_LIMIT

    from rapidfuzz import fuzz, process

    candidates: list[tuple[float, int, str]] = []
    for index, draft in enumerate(drafts):
        kind = str(draft.kind)
        topic = json.dumps(list(draft.topic), ensure_ascii=False)
        exact = same_words.get((kind, draft.source, draft.slot))
        if exact is not None:
            candidates.append((200.0, index, exact["id"]))
            continue
        fact = same_fact.get((draft.source, draft.answer))
        if fact is not None:
            candidates.append((150.0, index, fact["id"]))
            continue
        pool = by_kind.get(kind, []) if compare_all else by_topic.get((kind, topic), [])
        found = process.extract(draft.source, [row["source"] for row in pool],
                                scorer=fuzz.ratio, score_cutoff=MATCH_THRESHOLD * 100, limit=16)
        for _text, score, position in found:
            row = pool[position]
            # Prefer the same slot and topic when a bullet gives several cards of a kind.
            score += (row["slot"] == draft.slot) + (row["topic"] == topic)
            candidates.append((score, index, row["id"]))
        # The same answer from a bullet read a little differently, under any kind.
        same_answer = by_answer.get(draft.answer, [])
        found = process.extract(draft.source, [row["source"] for row in same_answer],
                                scorer=fuzz.ratio, score_cutoff=MATCH_THRESHOLD * 100, limit=4)
        for _text, score, position in found:
            candidates.append((score + 1, index, same_answer[position]["id"]))
    candidates.sort(key=lambda item: -item[0])
    matched: dict[int, str] = {}
    used: set[str] = set()
    for _score, index, card_id in candidates:
        if index not in matched and card_id not in used:
            matched[index] = card_id
            used.add(card_id)
    return matched


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def store_error(path: Path, error: sqlite3.DatabaseError) -> StoreError:
    """One line a user can act on, for the SQLite errors a user can cause."""
    text = str(error)
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path} is read-only: cannot save changes")
    if "locked" in text or "busy" in text:
        return StoreError(f"{path} is locked by another revise process; try again in a moment")
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return StoreError(f"{path} is damaged or not a revise database ({text})")
    if "disk is full" in text or "database or disk is full" in text:
        return StoreError(f"no space left to write {path}")
    if "unable to open" in text:
        return StoreError(f"cannot open {path}")
    return StoreError(f"database error in {path}: {text}")


# --- share: export history, import ---------------------------------------------


# A package export streams the cards and reviews it writes rather than holding them:
# a large collection has a hundred thousand cards and a million reviews.

_EXPORT_CONTENT = ("cards.id, decks.name AS deck, cards.question, cards.answer, cards.topic,"
                   " cards.tags, cards.source, cards.updated")
_EXPORT_PROGRESS = (", cards.suspended, cards.state, cards.due, cards.last_review,"
                    " cards.stability, cards.difficulty, cards.reps, cards.lapses")


@contextmanager
def read_snapshot(store: Store) -> Iterator[None]:
    """One read transaction, so queries read one state of a database others may be
    writing to. It takes no lock that would keep writers waiting."""
    with _read_transaction(store.db.conn):
        yield


@contextmanager
def _read_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def export_decks(store: Store, *, deck: str | None = None, topic: str | None = None,
                 kind: str | None = None) -> dict[str, str]:
    """The decks holding the active cards that match, by name: name → description."""
    where, params = card_filters(deck=deck, topic=topic, kind=kind)
    return dict(store.db.execute(
        "SELECT DISTINCT decks.name, decks.description FROM cards"
        f" JOIN decks ON decks.id = cards.deck_id WHERE {where} ORDER BY decks.name", params))


def export_card_rows(store: Store, *, deck: str | None = None, topic: str | None = None,
                     kind: str | None = None, progress: bool = False) -> Iterator[dict]:
    """The active cards that match, one at a time, in the order of `Store.cards`: their
    content (with topic and tags as tuples) and, with `progress`, their scheduling."""
    where, params = card_filters(deck=deck, topic=topic, kind=kind)
    # Sorting a large collection's cards is most of this query's work, and SQLite's
    # sorter can share it with a second thread.
    store.db.execute("PRAGMA threads = 2")
    cursor = store.db.execute(
        f"SELECT {_EXPORT_CONTENT}{_EXPORT_PROGRESS if progress else ''} FROM cards"
        f" JOIN decks ON decks.id = cards.deck_id WHERE {where}"
        " ORDER BY decks.name, cards.source_name, cards.position, cards.kind, cards.slot",
        params)
    keys = [column[0] for column in cursor.description]
    for row in cursor:
        card = dict(zip(keys, row, strict=True))
        card["topic"] = _json_tuple(card["topic"])
        card["tags"] = _json_tuple(card["tags"] or "[]")
        yield card


@lru_cache(maxsize=4096)
def _json_tuple(text: str) -> tuple:
    # many cards share a topic and tags: decode each once (as tuples, safe to share)
    return tuple(json.loads(text))


def export_review_rows(store: Store, *, deck: str | None = None, topic: str | None = None,
                       kind: str | None = None, in_time_order: bool = False) -> Iterator[tuple]:
    """Reviews as (card id, reviewed at, rating, duration in ms, state before, state
    after, due after) tuples, the state after and its due date read from the review's
    JSON: in the order they were stored, which is time order unless some were stored
    late, or with `in_time_order` by time (and id). With a filter, those of the active
    cards that match; without, every review, which the caller sorts out faster than
    SQLite would."""
    sql = ("SELECT card_id, reviewed_at, rating, duration_ms, state,"
           " json_extract(nullif(state_after, ''), '$.state'),"
           " json_extract(nullif(state_after, ''), '$.due') FROM reviews")
    params: list = []
    if deck is not None or topic or kind is not None:
        where, params = card_filters(deck=deck, topic=topic, kind=kind)
        # `+`: match each review against the cards, rather than read the matching
        # cards' reviews through the card_id index, at random, when they are many
        sql += (" WHERE +card_id IN (SELECT cards.id FROM cards"
                f" JOIN decks ON decks.id = cards.deck_id WHERE {where})")
    # In stored order the table is read straight through; by time, through the
    # reviewed_at index, looking up each row.
    yield from store.db.execute(
        sql + (" ORDER BY reviewed_at, id" if in_time_order else " ORDER BY id"), params)


def card_homes(store: Store, card_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Where cards with these ids already live: id → (deck name, source file name)."""
    homes: dict[str, tuple[str, str]] = {}
    for chunk in _chunks(list(card_ids), 500):
        marks = ",".join("?" * len(chunk))
        for row in store.db.execute(
            "SELECT cards.id, decks.name, cards.source_name FROM cards"
            f" JOIN decks ON decks.id = cards.deck_id WHERE cards.id IN ({marks})",
            chunk,
        ):
            homes[row[0]] = (row[1], row[2])
    return homes


def set_card_tags(store: Store, tags: dict[str, list[str]]) -> None:
    """Record the tags imported cards came with. Call inside a transaction."""
    for card_id, card_tags in tags.items():
        store.db.execute("UPDATE cards SET tags = ? WHERE id = ?",
                         [json.dumps(card_tags, ensure_ascii=False), card_id])


def set_deck_description(store: Store, name: str, description: str, *, now: datetime) -> None:
    """Give deck `name` (created if new) a description. Call inside a transaction."""
    deck_id = store.deck_id(name, now=now)
    store.db.execute("UPDATE decks SET description = ? WHERE id = ?", [description, deck_id])


def decks_with_source(store: Store, source_name: str) -> list[str]:
    """The decks holding cards from a file of this name, retired ones included."""
    return [row[0] for row in store.db.execute(
        "SELECT DISTINCT decks.name FROM cards JOIN decks ON decks.id = cards.deck_id"
        " WHERE cards.source_name = ? ORDER BY decks.name", [source_name])]


def source_paths(store: Store, deck: str, source_name: str) -> set[str]:
    """The paths recorded for a deck's cards from files of this name."""
    return {row[0] for row in store.db.execute(
        "SELECT DISTINCT source_path FROM cards JOIN decks ON decks.id = cards.deck_id"
        " WHERE decks.name = ? AND cards.source_name = ?", [deck, source_name])}


# --- review: queue, ratings, undo, progress ----------------------------------------
# Queries for `revise review`, `due` and `stats`. They read active cards through the
# partial indexes made by the migrations (the `retired = 0 AND suspended = 0` in each
# query is what lets SQLite use them) and aggregate in SQL, so they stay fast on large
# decks.

_SCHEDULE = ("state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses")
_ACTIVE = "cards.retired = 0 AND cards.suspended = 0"


def _queue_filters(deck_ids: list[int] | None, topic: str | None) -> tuple[str, list]:
    clauses, params = [_ACTIVE], []
    if deck_ids is not None:
        clauses.append(f"cards.deck_id IN ({','.join('?' * len(deck_ids)) or 'NULL'})")
        params.extend(deck_ids)
    if topic:
        clauses.append("instr(lower(cards.topic), lower(?)) > 0")
        params.append(json.dumps(topic, ensure_ascii=False)[1:-1])
    return " AND ".join(clauses), params


class QueueRow(namedtuple("QueueRow", "id deck_id source_name position state due")):
    """A card as the queue needs it: which it is, the bullet it came from, and when due."""

    __slots__ = ()


_QUEUE_COLUMNS = ", ".join(QueueRow._fields)


def queue_cards(store: Store, *, states: tuple[str, ...], before: str,
                deck_ids: list[int] | None = None, topic: str | None = None,
                limit: int | None = None) -> list[QueueRow]:
    """Active cards in `states` due before `before`, soonest first, then by state and id
    (at most `limit`)."""
    where, params = _queue_filters(deck_ids, topic)
    # One index range per state, each read in the index's own order (state, due, id):
    # SQLite merges them rather than sorting, so a small limit reads only a few entries.
    sql = " UNION ALL ".join(
        f"SELECT {_QUEUE_COLUMNS} FROM cards"
        f" WHERE {where} AND state = {_state_literal(state)} AND due < ?" for state in states)
    sql += " ORDER BY due, state, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    # drawn on every answer: tuples straight from the cursor, not a dict per row
    return list(map(QueueRow._make, store.db.execute(sql, [*params, before] * len(states))))


def count_due(store: Store, *, states: tuple[str, ...], before: str,
              deck_ids: list[int] | None = None, topic: str | None = None) -> int:
    where, params = _queue_filters(deck_ids, topic)
    listed = ", ".join(map(_state_literal, states))
    sql = f"SELECT count(*) FROM cards WHERE {where} AND state IN ({listed}) AND due < ?"
    return store.db.execute(sql, [*params, before]).fetchone()[0]


STATES = ("new", "learning", "review", "relearning")


def _state_literal(state: str) -> str:
    """A card state written into the SQL: SQLite plans `state = 'review'` far better than
    `state = ?` here (tens of microseconds on every card drawn). Only known states."""
    if state not in STATES:
        raise ValueError(f"unknown card state {state!r}")
    return f"'{state}'"


def new_cards(store: Store, deck_id: int, *, limit: int, topic: str | None = None,
              skip_bullets: set[tuple[str, int]] = frozenset()) -> list[QueueRow]:
    """Up to `limit` new cards of a deck in notes order, one per bullet, leaving out
    bullets in `skip_bullets` (source_name, position)."""
    if limit <= 0:
        return []
    where, params = _queue_filters([deck_id], topic)
    cursor = store.db.execute(
        f"SELECT {_QUEUE_COLUMNS} FROM cards WHERE {where}"
        " AND state = 'new' ORDER BY deck_id, source_name, position, slot", params)
    found: list[QueueRow] = []
    taken = set(skip_bullets)
    for values in cursor:
        row = QueueRow._make(values)
        bullet = (row.source_name, row.position)
        if bullet in taken:
            continue
        taken.add(bullet)
        found.append(row)
        if len(found) >= limit:
            break
    cursor.close()
    return found


def new_started_since(store: Store, since: str) -> dict[int, int]:
    """New cards first answered since `since`, by deck: what today's new-card limit has used."""
    rows = store.db.execute(
        # CROSS JOIN keeps SQLite reading today's reviews first, not every card
        "SELECT cards.deck_id, count(*) FROM reviews CROSS JOIN cards"
        " ON cards.id = reviews.card_id"
        " WHERE reviews.reviewed_at >= ? AND reviews.state = 'new' GROUP BY cards.deck_id",
        [since]).fetchall()
    return dict(rows)


def bullets_reviewed_since(store: Store, since: str) -> set[tuple[int, str, int]]:
    """(deck_id, source_name, position) of every bullet with a card answered since `since`."""
    return {tuple(row) for row in store.db.execute(
        "SELECT DISTINCT cards.deck_id, cards.source_name, cards.position FROM reviews"
        " CROSS JOIN cards ON cards.id = reviews.card_id WHERE reviews.reviewed_at >= ?",
        [since])}


def review_card(store: Store, card_id: str) -> dict | None:
    """One card with its deck's scheduling options, as the session shows and rates it."""
    rows = list(store.db.query(
        "SELECT cards.*, decks.name AS deck, decks.desired_retention, decks.parameters"
        " FROM cards JOIN decks ON decks.id = cards.deck_id WHERE cards.id = ?", [card_id]))
    return decode_card(rows[0]) if rows else None


_RATE_CARD = (f"UPDATE cards SET {', '.join(f'{name} = ?' for name in _SCHEDULE)}"
              f" WHERE id = ? AND retired = 0 AND suspended = 0"
              f" AND {' AND '.join(f'{name} IS ?' for name in _SCHEDULE)}")


def record_rating(store: Store, card_id: str, before: dict, after: dict, *, rating: int,
                  reviewed_at: str, duration_ms: int | None) -> int | None:
    """Store one answer: the card's new state and its review row, in one transaction.

    `before` is the card's scheduling state when it was drawn. If the stored card no
    longer matches it (another session answered it meanwhile, or it was suspended or
    retired), nothing is written and None is returned; otherwise the review's id.
    """
    with store.transaction():
        # one statement both checks the card is still as drawn and changes it
        changed = store.db.execute(_RATE_CARD, [*(after[name] for name in _SCHEDULE), card_id,
                                                *(before[name] for name in _SCHEDULE)]).rowcount
        if not changed:
            return None
        cursor = store.db.execute(
            "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, state,"
            " state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [card_id, rating, reviewed_at, duration_ms, before["state"],
             json.dumps({name: before[name] for name in _SCHEDULE}),
             json.dumps({name: after[name] for name in _SCHEDULE})])
        return cursor.lastrowid


def undo_rating(store: Store, review_id: int) -> str | None:
    """Put a card back as it was before review `review_id` and delete that review, in one
    transaction. Returns the card's id, or None if the review is gone or the card has
    been answered again since."""
    with store.transaction():
        row = store.db.execute(
            "SELECT card_id, state_before, state_after FROM reviews WHERE id = ?",
            [review_id]).fetchone()
        if row is None:
            return None
        card_id, before, after = row[0], json.loads(row[1]), json.loads(row[2])
        current = store.db.execute(f"SELECT {', '.join(_SCHEDULE)} FROM cards WHERE id = ?",
                                   [card_id]).fetchone()
        if current is None or tuple(current) != tuple(after[name] for name in _SCHEDULE):
            return None
        store.db.execute(
            f"UPDATE cards SET {', '.join(f'{name} = ?' for name in _SCHEDULE)} WHERE id = ?",
            [*(before[name] for name in _SCHEDULE), card_id])
        store.db.execute("DELETE FROM reviews WHERE id = ?", [review_id])
        return card_id


def defer_checkpoints(store: Store) -> None:
    """Stop SQLite from copying its write-ahead log into the database file at the end of
    whichever commit fills it (a pause of tens of milliseconds after that answer): a
    review session calls `checkpoint` itself, while a question is on screen."""
    store.db.execute("PRAGMA wal_autocheckpoint = 0")


def checkpoint(store: Store) -> None:
    """Copy committed pages from the write-ahead log into the database file, without
    waiting for other connections (what they hold is copied next time)."""
    store.db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def suspend_card(store: Store, card_id: str, suspended: bool = True) -> None:
    with store.transaction():
        store.db.execute("UPDATE cards SET suspended = ? WHERE id = ?",
                         [int(suspended), card_id])


def deck_ids(store: Store, name: str | None) -> list[int] | None:
    """[id] of deck `name` (StoreError if there is none), or None for every deck."""
    if name is None:
        return None
    row = store.db.execute("SELECT id FROM decks WHERE name = ?", [name]).fetchone()
    if row is None:
        names = [deck["name"] for deck in store.decks()]
        known = f"; decks: {', '.join(names)}" if names else "; there are no decks yet"
        raise StoreError(f"no deck named {name!r}{known}")
    return [row[0]]


def next_due(store: Store, after: str, *, deck_ids: list[int] | None = None,
             topic: str | None = None) -> str | None:
    """When the first active, already-studied card falls due after `after`."""
    where, params = _queue_filters(deck_ids, topic)
    values = [store.db.execute(
        f"SELECT min(due) FROM cards WHERE {where} AND state = {_state_literal(state)}"
        " AND due >= ?", [*params, after]).fetchone()[0]
        for state in ("learning", "review", "relearning")]
    values = [value for value in values if value]
    return min(values) if values else None


def due_counts(store: Store, *, now: str, day_end: str) -> list[dict]:
    """Per deck, active cards by what today holds for them: new (not yet studied),
    learning (due before day_end), due (reviews due by now), later (reviews due later
    today) and cards (all active). Each count is one range of an index."""
    count = f"(SELECT count(*) FROM cards WHERE {_ACTIVE} AND cards.deck_id = decks.id"
    return list(store.db.query(
        "SELECT decks.id AS deck_id, decks.name AS deck, decks.new_per_day,"
        f" {count} AND state = 'new') AS new,"
        f" {count} AND state = 'learning' AND due < :end)"
        f" + {count} AND state = 'relearning' AND due < :end) AS learning,"
        f" {count} AND state = 'review' AND due <= :now) AS due,"
        f" {count} AND state = 'review' AND due > :now AND due < :end) AS later,"
        f" {count}) AS cards"
        " FROM decks ORDER BY decks.name",
        {"now": now, "end": day_end}))


def _in_decks(deck_ids: list[int], *, by_time: bool = True) -> str:
    """Reviews of cards in these decks. `by_time` keeps SQLite on the reviewed_at index
    (the unary + stops it using card_id's), which is faster for a range of days."""
    column = "+card_id" if by_time else "card_id"
    return (f"{column} IN (SELECT id FROM cards WHERE deck_id IN"
            f" ({','.join('?' * len(deck_ids))}))")


QUARTER_SECONDS = 900


def _intervals(pairs: list[tuple]) -> tuple[str, list]:
    """A `day(i, start, stop)` table of the (start, stop) pairs, for one statement to
    count in each, and its parameters."""
    values = ",".join(f"({index}, ?, ?)" for index in range(len(pairs)))
    return (f"WITH day(i, start, stop) AS (VALUES {values})",
            [moment for pair in pairs for moment in pair])


def _quarters(moments: list[str]) -> list[int] | None:
    """The moments as quarter hours since 1970 (review_tally's unit), or None if any
    falls inside one."""
    seconds = [int(datetime.fromisoformat(moment).timestamp()) for moment in moments]
    if any(second % QUARTER_SECONDS for second in seconds):
        return None
    return [second // QUARTER_SECONDS for second in seconds]


def reviews_between(store: Store, bounds: list[str], *, deck_ids: list[int] | None = None,
                    exists: bool = False) -> list[int]:
    """The number of reviews in each interval [bounds[i], bounds[i+1]), in one statement;
    with `exists`, 1 or 0 for whether there are any. For bounds on quarter hours, from
    review_tally; otherwise from the log (where `exists` is cheaper: it stops at the
    first)."""
    if len(bounds) < 2:
        return []
    quarters = _quarters(bounds)
    if quarters is not None:
        days, params = _intervals(list(zip(quarters, quarters[1:], strict=False)))
        within = "FROM review_tally WHERE quarter >= day.start AND quarter < day.stop"
        if deck_ids is not None:
            within += f" AND {_tally_decks(deck_ids)}"
            params.extend(deck_ids)
        # an undone answer can leave a quarter's count at 0
        value = (f"EXISTS (SELECT 1 {within} AND reviews > 0)" if exists
                 else f"(SELECT coalesce(sum(reviews), 0) {within})")
        return [row[0] for row in store.db.execute(
            f"{days} SELECT {value} FROM day ORDER BY i", params)]
    days, params = _intervals(list(zip(bounds, bounds[1:], strict=False)))
    inner = "SELECT 1 FROM reviews WHERE reviewed_at >= day.start AND reviewed_at < day.stop"
    if deck_ids is not None:
        inner += f" AND {_in_decks(deck_ids)}"
        params.extend(deck_ids)
    value = f"EXISTS ({inner})" if exists else f"(SELECT count(*) FROM ({inner}))"
    return [row[0] for row in store.db.execute(
        f"{days} SELECT {value} FROM day ORDER BY i", params)]


def first_review(store: Store, *, deck_ids: list[int] | None = None) -> str | None:
    """When the earliest review (of cards in these decks) was given, or None."""
    if deck_ids is None:
        return store.db.execute("SELECT min(reviewed_at) FROM reviews").fetchone()[0]
    # the log from the decks' first counted quarter hour on, not from its start
    first = store.db.execute(
        f"SELECT min(quarter) FROM review_tally WHERE {_tally_decks(deck_ids)} AND reviews > 0",
        deck_ids).fetchone()[0]
    if first is None:
        return None
    return store.db.execute(
        f"SELECT min(reviewed_at) FROM reviews WHERE reviewed_at >= ? AND {_of_decks(deck_ids)}",
        [iso(datetime.fromtimestamp(first * QUARTER_SECONDS, UTC)), *deck_ids]).fetchone()[0]


def reviews_total(store: Store, *, deck_ids: list[int] | None = None) -> int:
    if deck_ids is None:
        return store.db.execute(
            "SELECT coalesce(sum(reviews), 0) FROM review_tally").fetchone()[0]
    return store.db.execute(
        f"SELECT coalesce(sum(reviews), 0) FROM review_tally WHERE {_tally_decks(deck_ids)}",
        deck_ids).fetchone()[0]


def _tally_decks(deck_ids: list[int]) -> str:
    return f"deck_id IN ({','.join('?' * len(deck_ids))})"


def _of_decks(deck_ids: list[int]) -> str:
    """Reviews of cards in these decks, each review's card looked up: for a few reviews,
    where _in_decks would first list every card of the decks."""
    return ("EXISTS (SELECT 1 FROM cards WHERE cards.id = reviews.card_id"
            f" AND cards.deck_id IN ({','.join('?' * len(deck_ids))}))")


def review_pass_counts(store: Store, since: str, *,
                       deck_ids: list[int] | None = None) -> tuple[int, int]:
    """(answers, answers not Again) since `since`, for cards that were in review:
    true retention, leaving out learning steps."""
    # whole quarter hours from the tally, the part of a quarter before them from the log
    start = datetime.fromisoformat(since).timestamp()
    quarter = -int(-start // QUARTER_SECONDS)
    head = ("SELECT count(*), coalesce(sum(rating > 1), 0) FROM reviews"
            " WHERE reviewed_at >= ? AND reviewed_at < ? AND state = 'review'")
    tally = ("SELECT coalesce(sum(in_review), 0), coalesce(sum(passed), 0)"
             " FROM review_tally WHERE quarter >= ?")
    decks: list[int] = []
    if deck_ids is not None:
        head += f" AND {_of_decks(deck_ids)}"  # (under a quarter hour of reviews)
        tally += f" AND {_tally_decks(deck_ids)}"
        decks = deck_ids
    total, passed = store.db.execute(head, [
        since, iso(datetime.fromtimestamp(quarter * QUARTER_SECONDS, UTC)), *decks]).fetchone()
    counted = store.db.execute(tally, [quarter, *decks]).fetchone()
    return total + counted[0], passed + counted[1]


def due_between(store: Store, bounds: list[str], *,
                deck_ids: list[int] | None = None) -> list[int]:
    """Studied cards falling due in each interval [bounds[i], bounds[i+1]); the first
    interval also holds every card already overdue."""
    if len(bounds) < 2:
        return []
    where, params = _queue_filters(deck_ids, None)
    days, moments = _intervals([("" if index == 0 else start, end) for index, (start, end)
                                in enumerate(zip(bounds, bounds[1:], strict=False))])
    return [row[0] for row in store.db.execute(
        f"{days} SELECT (SELECT count(*) FROM cards"
        f" WHERE {where} AND state IN ('learning', 'review', 'relearning')"
        " AND due >= day.start AND due < day.stop) FROM day ORDER BY i", moments + params)]


def topic_strength(store: Store, *, now: datetime, default_decay: float,
                   deck_ids: list[int] | None = None, threads: int = 1,
                   meanwhile: Callable[[], object] | None = None) -> list[str]:
    """Per topic path, in notes order, a JSON object (as text): the topic, its first
    deck, its active cards, studied cards, their mean retrievability (FSRS's forgetting
    curve, in SQL, with each deck's decay) and the weakest studied card.

    SQLite writes the JSON in the same pass, on the pass's threads and outside the GIL;
    making dicts of 5,000 topics and then JSON of them took the main thread ~50 ms.
    With `threads` > 1 and many cards, up to that many ranges of topics are read at
    once, each on a thread and connection of its own: the pass is CPU-bound in SQLite,
    which runs outside the GIL. Each range is read in one snapshot, so each topic's
    figures come from one state of the database.

    `meanwhile`, if given, is called on this thread (with the store's connection) first,
    while the other threads read their ranges; this thread's range is smaller to match.
    It runs holding the lock the threads take to fetch their rows (see _read_topics)."""
    decays = {deck_id: json.loads(parameters)[20] if parameters else default_decay
              for deck_id, parameters in store.db.execute("SELECT id, parameters FROM decks")
              if deck_ids is None or deck_id in deck_ids}
    day = julian_day(now)
    splits = [] if threads < 2 or store.db.conn.in_transaction else _topic_splits(
        store, threads, first_share=MEANWHILE_SHARE if meanwhile else 1.0)
    ranges = list(zip([None, *splits], [*splits, None], strict=True))
    fetching = threading.Lock()

    def read(conn: sqlite3.Connection, index: int) -> list[tuple]:
        if index == 0 and meanwhile is not None:
            with fetching:
                meanwhile()
        sql, params = _topic_sql(decays, default_decay, every_deck=deck_ids is None,
                                 low=ranges[index][0], high=ranges[index][1])
        return _read_topics(conn, sql, {**params, "day": day}, fetching)

    rows = list(chain.from_iterable(_in_threads(store, read, len(ranges))))
    rows.sort(key=itemgetter(0, 1))  # notes order; stable, so ties keep the topic order
    return [entry for _, _, entry in rows]


PARALLEL_MIN_CARDS = 20_000  # below this a second connection costs more than it saves


def _in_threads(store: Store, work: Callable[[sqlite3.Connection, int], object],
                count: int) -> list:
    """[work(conn, 0), ..., work(conn, count - 1)], each on a thread of its own: index 0
    on this one with the store's connection, the others each with a read-only
    connection. A failure in any is raised here, once all have finished."""
    results: list = [None] * count
    failures: list[BaseException] = []

    def helper(index: int) -> None:
        try:
            with store.reader() as conn:
                results[index] = work(conn, index)
        except BaseException as error:  # raised again in the calling thread
            failures.append(error)

    helpers = [threading.Thread(target=helper, args=(index,)) for index in range(1, count)]
    for thread in helpers:
        thread.start()
    try:
        results[0] = work(store.db.conn, 0)
    finally:
        for thread in helpers:
            thread.join()
    if failures:
        if isinstance(failures[0], sqlite3.DatabaseError):
            raise store_error(store.path, failures[0]) from None
        raise failures[0]
    return results


_SPLIT_SAMPLES = 64
# The first range's size beside each other one's, when its thread has other work
# first (`revise stats`: the log's figures, about a fifth of the whole).
MEANWHILE_SHARE = 2 / 3


def _topic_splits(store: Store, parts: int, first_share: float = 1.0) -> list[str]:
    """Up to `parts` - 1 topics that cut the cards into ranges of about equal size (the
    first `first_share` of the others'), from the topics of cards sampled evenly by
    rowid; none for few cards or no file."""
    if not store.path.is_file():
        return []
    # two statements: SQLite reads min() or max() off the b-tree only when it is alone
    low = store.db.execute("SELECT min(rowid) FROM cards").fetchone()[0]
    high = store.db.execute("SELECT max(rowid) FROM cards").fetchone()[0]
    if high is None or high - low < PARALLEL_MIN_CARDS:
        return []
    rowids = [low + (high - low) * index // _SPLIT_SAMPLES for index in range(_SPLIT_SAMPLES)]
    sample = sorted(topic for (topic,) in store.db.execute(
        "SELECT topic FROM cards WHERE rowid IN (SELECT value FROM json_each(?))",
        [json.dumps(rowids)]))
    if not sample:
        return []
    shares = first_share + parts - 1
    return sorted({sample[int(len(sample) * (first_share + part - 1) / shares)]
                   for part in range(1, parts)})


def _read_topics(conn: sqlite3.Connection, sql: str, params: dict,
                 fetching: threading.Lock) -> list[tuple]:
    """The rows of `sql` (from _topic_sql) from one snapshot.

    The query's rows are sorted, so SQLite makes the whole pass inside execute(),
    without the GIL. The rows are then fetched while holding `fetching`: Python's sqlite3
    gives up the GIL at every column it reads, and two threads fetching at once hand it
    back and forth thousands of times."""
    with _read_transaction(conn):
        cursor = conn.execute(sql, params)
        with fetching:
            return cursor.fetchall()


def _topic_sql(decays: dict[int, float], default_decay: float, *, every_deck: bool,
               low: str | None = None, high: str | None = None) -> tuple[str, dict]:
    """SQL and its parameters (but :day, the Julian day now) for topic_strength: per
    topic of the active cards in the decks of `decays` (deck id: decay), or in every
    deck, from topic `low` up to `high`: its first deck, its first position in the notes
    and its JSON object; in notes order, then by topic.

    Retrievability falls as a card's elapsed days / stability grows: with one decay,
    the weakest card is the one with the largest ratio, and the pow() is taken once per
    topic rather than per card. The weakest card's min() or max() is the pass's only
    min/max aggregate: only then does SQLite take the bare rowid from the row holding it.
    INDEXED BY: this query must fail rather than silently fall back to reading the table.
    """
    def active(table: str) -> str:
        where = f"{table}.retired = 0 AND {table}.suspended = 0"
        if not every_deck:
            where += f" AND {table}.deck_id IN ({','.join(str(int(i)) for i in decays)})"
        return where

    def factor(decay: float) -> float:  # the curve passes 0.9 at elapsed = stability
        return 0.9 ** (1 / -decay) - 1

    elapsed = "max(0, CAST(:day - julianday(last_review) AS INTEGER)) / stability"
    shared = set(decays.values()) or {default_decay}
    if len(shared) == 1:
        decay = shared.pop()
        params: dict = {"factor": factor(decay), "decay": -decay}
        ratio = f":factor * {elapsed}"
        recall = f"sum(pow(1 + {ratio}, :decay)) AS recall"
        lowest = f"pow(1 + max({ratio}), :decay) AS lowest"
    else:  # each deck's own curve, looked up by the card's deck
        params = {}
        factors, powers = [], []
        for deck_id, decay in decays.items():
            params[f"factor{int(deck_id)}"], params[f"decay{int(deck_id)}"] = (
                factor(decay), -decay)
            factors.append(f" WHEN {int(deck_id)} THEN :factor{int(deck_id)}")
            powers.append(f" WHEN {int(deck_id)} THEN :decay{int(deck_id)}")
        curve = (f"pow(1 + CASE deck_id{''.join(factors)} END * {elapsed},"
                 f" CASE deck_id{''.join(powers)} END)")
        recall, lowest = f"sum({curve}) AS recall", f"min({curve}) AS lowest"

    # in the SQL only when set, so that SQLite plans a range of the index
    in_range = "".join([" AND cards.topic >= :low" if low is not None else "",
                        " AND cards.topic < :high" if high is not None else ""])
    params.update({"low": low, "high": high})
    # the topic's own entries (a deck's index would be walked once per topic)
    same_topic = (f" FROM cards AS other INDEXED BY idx_cards_active_recall"
                  f" WHERE other.topic = cards.topic AND {active('other')})")
    # one deck (`decays` has every deck when `every_deck`): no need to look
    first_deck = (str(int(next(iter(decays)))) if len(decays) == 1
                  else f"(SELECT min(other.deck_id){same_topic}")
    topics = (
        f"SELECT topic, count(*) AS active, count(stability) AS studied, {recall}, {lowest},"
        f" cards.rowid AS weakest, {first_deck} AS first_deck,"
        f" (SELECT min(other.position){same_topic} AS first_position"
        f" FROM cards INDEXED BY idx_cards_active_recall WHERE {active('cards')}{in_range}"
        " GROUP BY topic")
    entry = (
        "json_object('topic', json(per_topic.topic),"
        " 'deck', (SELECT name FROM decks WHERE decks.id = first_deck),"
        " 'cards', active, 'studied', studied,"
        " 'retrievability', coalesce(recall, 0.0) / studied,"  # NULL when none is studied
        " 'weakest', CASE WHEN lowest IS NULL THEN json_array() ELSE json_array(json_object("
        "'id', card.id, 'question', card.question, 'retrievability', lowest)) END)")
    return (
        f"SELECT first_deck, first_position, {entry} FROM ({topics}) AS per_topic"
        " LEFT JOIN cards AS card ON card.rowid = weakest AND lowest IS NOT NULL"
        " ORDER BY first_deck, first_position, per_topic.topic"), params


def julian_day(moment: datetime) -> float:
    """SQLite's julianday() of a UTC time."""
    return moment.timestamp() / 86400 + 2440587.5


def setting(store: Store, key: str) -> str | None:
    row = store.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_setting(store: Store, key: str, value: str) -> None:
    with store.transaction():
        store.db.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])


def set_deck_option(store: Store, column: str, value: float | int,
                    deck_ids: list[int] | None = None) -> int:
    """Set `column` (new_per_day or desired_retention) on the given decks, or on all."""
    if column not in ("new_per_day", "desired_retention"):
        raise ValueError(column)
    with store.transaction():
        if deck_ids is None:
            return store.db.execute(f"UPDATE decks SET {column} = ?", [value]).rowcount
        marks = ",".join("?" * len(deck_ids))
        return store.db.execute(f"UPDATE decks SET {column} = ? WHERE id IN ({marks})",
                                [value, *deck_ids]).rowcount


# --- doctor: checks and safe repairs ----------------------------------------------------


class Finding(namedtuple("Finding", "check message fixable", defaults=(False,))):
    """One problem `revise doctor` found; `fixable` ones `--fix` repairs."""

    __slots__ = ()


def integrity_problems(store: Store) -> list[str]:
    rows = [row[0] for row in store.db.execute("PRAGMA integrity_check").fetchall()]
    problems = [] if rows == ["ok"] else rows
    problems += [f"review or card row {row[1]} points at a missing {row[2]}"
                 for row in store.db.execute("PRAGMA foreign_key_check").fetchall()]
    return problems


def missing_notes_files(store: Store) -> dict[str, int]:
    """Notes files that active cards came from and that are no longer there, with card counts."""
    rows = store.db.execute(
        "SELECT source_path, count(*) FROM cards WHERE retired = 0 AND source_path != ''"
        " GROUP BY source_path").fetchall()
    return {path: count for path, count in rows if not Path(path).exists()}


def _last_review_mismatch_sql(select: str) -> str:
    # A card's scheduling columns must equal what its latest review left them as.
    checks = " OR ".join(
        f"cards.{name} IS NOT json_extract(reviews.state_after, '$.{name}')" for name in _SCHEDULE
    )
    # Cards replayed by `revise optimize` differ from their log on purpose, up to the last
    # review it replayed.
    replayed = ("coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key ="
                " 'rescheduled-through:' || cards.deck_id), 0)")
    return (
        f"SELECT {select} FROM cards JOIN reviews ON reviews.id = ("
        " SELECT max(id) FROM reviews WHERE reviews.card_id = cards.id)"
        f" WHERE reviews.id > {replayed} AND ({checks})"
    )


def cards_out_of_step_with_log(store: Store) -> list[str]:
    """Ids of cards whose scheduling state is not the one their latest review recorded."""
    return [row[0] for row in store.db.execute(_last_review_mismatch_sql("cards.id"))]


def resync_cards_with_log(store: Store, card_ids: list[str]) -> int:
    """Set each card's scheduling state to what its latest review recorded: the log is
    written in the same transaction as the card, so it is the record to trust."""
    assignments = ", ".join(
        f"{name} = json_extract(reviews.state_after, '$.{name}')" for name in _SCHEDULE)
    fixed = 0
    with store.transaction():
        for chunk in _chunks(card_ids, 500):
            marks = ",".join("?" * len(chunk))
            fixed += store.db.execute(
                f"UPDATE cards SET {assignments} FROM reviews"
                " WHERE reviews.id = (SELECT max(id) FROM reviews r WHERE r.card_id = cards.id)"
                f" AND cards.id IN ({marks})", chunk).rowcount
    return fixed


def tally_mismatches(store: Store) -> int:
    """Quarter hours whose counts in review_tally are not the review log's (a quarter an
    undo left at nothing is the same as no row)."""
    kept = ("SELECT quarter, deck_id, reviews, in_review, passed FROM review_tally"
            " WHERE reviews != 0 OR in_review != 0 OR passed != 0")
    return store.db.execute(
        f"WITH log (quarter, deck_id, reviews, in_review, passed) AS ({_tally_from_log()}),"
        f" kept AS ({kept}) SELECT count(*) FROM ("
        " SELECT quarter FROM (SELECT * FROM log EXCEPT SELECT * FROM kept)"
        " UNION SELECT quarter FROM (SELECT * FROM kept EXCEPT SELECT * FROM log))"
        ).fetchone()[0]


def rebuild_tally(store: Store) -> int:
    """Count the review log into review_tally afresh, in one transaction; the quarter
    hours counted (a row per deck answered in each)."""
    with store.transaction():
        store.db.execute("DELETE FROM review_tally")
        store.db.execute(f"INSERT INTO review_tally {_tally_from_log()}")
        return store.db.execute("SELECT count(DISTINCT quarter) FROM review_tally").fetchone()[0]


def diagnose(store: Store) -> list[Finding]:
    findings = [Finding("integrity", problem) for problem in integrity_problems(store)]
    if findings:
        return findings  # the other checks read a damaged file: fix this first
    version = store.db.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        findings.append(Finding("schema", f"schema version {version}, expected {SCHEMA_VERSION}"))
    for path, count in missing_notes_files(store).items():
        findings.append(Finding("notes", f"{count} cards come from {path}, which is gone"))
    for card_id in cards_out_of_step_with_log(store):
        findings.append(Finding("log", f"card {card_id} does not match its latest review",
                                fixable=True))
    mismatched = tally_mismatches(store) if version == SCHEMA_VERSION else 0
    if mismatched:
        findings.append(Finding(
            "tally", f"the answers counted for {mismatched:,} quarter hours (which `revise"
            " stats` reads) do not match the review log", fixable=True))
    return findings


# --- optimize: review history, fitted parameters -----------------------------------------
# `revise optimize` reads the whole review log once or twice, streamed in card order, and
# writes fitted parameters and replayed card states in one transaction. Replaying leaves a
# card's state different from what its latest review recorded, so the deck remembers the
# last review it replayed (a setting) and the doctor's log check starts after it.

RESCHEDULED_SETTING = "rescheduled-through:{deck_id}"


def review_history(store: Store, deck_ids: list[int] | None = None
                   ) -> Iterator[tuple[str, int, str, int]]:
    """(card_id, rating, reviewed_at, review id) of every review of the decks' cards (all
    decks for None), ordered by card, then time; streamed, not loaded."""
    sql = "SELECT card_id, rating, reviewed_at, id FROM reviews"
    params: list = []
    if deck_ids is not None:
        sql += f" WHERE {_in_decks(deck_ids, by_time=False)}"
        params = list(deck_ids)
    cursor = store.db.execute(sql + " ORDER BY card_id, reviewed_at, id", params)
    try:
        yield from cursor
    finally:
        cursor.close()


def deck_parameters(store: Store, deck_ids: list[int] | None = None) -> dict[int, list | None]:
    """Each deck's fitted FSRS parameters (None where it uses the defaults)."""
    return {deck_id: json.loads(parameters) if parameters else None
            for deck_id, parameters in store.db.execute("SELECT id, parameters FROM decks")
            if deck_ids is None or deck_id in deck_ids}


def store_fitted(store: Store, deck_ids: list[int], parameters: list[float],
                 schedules: Iterable[tuple[str, int, dict]]) -> int:
    """Give the decks `parameters` and set each (card_id, latest review id, schedule) card's
    scheduling columns, in one transaction. A card answered since its reviews were read (its
    latest review is another) keeps the state that answer gave it. Review rows are never
    changed. Returns the number of cards updated."""
    marks = ",".join("?" * len(deck_ids))
    assignments = ", ".join(f"{name} = ?" for name in _SCHEDULE)
    updated = 0
    with store.transaction():
        store.db.execute(f"UPDATE decks SET parameters = ? WHERE id IN ({marks})",
                         [json.dumps(parameters), *deck_ids])
        sql = (f"UPDATE cards SET {assignments} WHERE id = ?"
               " AND (SELECT max(id) FROM reviews WHERE card_id = cards.id) = ?")
        through = 0
        for chunk in _batches(schedules, 5_000):
            through = max(through, *(review_id for _card, review_id, _schedule in chunk))
            before = store.db.conn.total_changes
            store.db.conn.executemany(sql, [
                [*(schedule[name] for name in _SCHEDULE), card_id, review_id]
                for card_id, review_id, schedule in chunk])
            updated += store.db.conn.total_changes - before
        store.db.conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [(RESCHEDULED_SETTING.format(deck_id=deck_id), str(through))
             for deck_id in deck_ids])
    return updated


def _batches(rows: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def card_decks(store: Store, deck_ids: list[int] | None = None) -> dict[str, int]:
    """Each card's deck id, for the cards of these decks (all for None)."""
    if deck_ids is None:
        return dict(store.db.execute("SELECT id, deck_id FROM cards"))
    return dict(store.db.execute(
        f"SELECT id, deck_id FROM cards WHERE deck_id IN ({','.join('?' * len(deck_ids))})",
        deck_ids))
