"""Opening a revise database: the file checks, the connection, transactions, and
copies (backup and restore).

A database is one SQLite file in WAL mode. Its schema version lives in
`PRAGMA user_version`; opening applies the migrations it lacks (`store.migrations`,
after copying the file beside itself) and refuses a file written by a newer revise.
Every write that belongs together runs in one `BEGIN IMMEDIATE` transaction.

A command waits up to 5 seconds for another process's write lock, then fails with a
one-line "locked" error. `REVISE_BUSY_TIMEOUT_MS` changes the wait (for tests).

Queries run on `Store.conn`, the sqlite3 connection; `Store.db` is sqlite-utils over the
same connection, for creating and changing tables. It is loaded only when asked for:
loading it takes longer than a whole `revise due`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from revise.errors import Interrupted, StoreError

TYPE_CHECKING = False  # as typing's, without importing typing at every start
if TYPE_CHECKING:
    from sqlite_utils import Database

    from revise.models import CardDraft
    from revise.sync import SyncPlan

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5_000


def busy_timeout_ms() -> int:
    """How long to wait for another process's write lock, in milliseconds."""
    value = os.environ.get("REVISE_BUSY_TIMEOUT_MS", "")
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


def query(conn: sqlite3.Connection, sql: str, parameters: Iterable | dict = ()
          ) -> Iterator[dict]:
    """The rows of `sql` as dicts."""
    cursor = conn.execute(sql, parameters)
    keys = [column[0] for column in cursor.description]
    for row in cursor:
        yield dict(zip(keys, row, strict=True))


class NeedsUpgrade(StoreError):
    """A database written by an older revise, opened read-only: it cannot be upgraded."""


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
        self.conn = conn
        self._db: Database | None = None
        conn.execute("PRAGMA recursive_triggers = on")  # as sqlite-utils sets it
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

    @property
    def db(self) -> Database:
        """sqlite-utils over this store's connection: for schema work and introspection."""
        if self._db is None:
            from sqlite_utils import Database

            # no sqlite-utils plugins: whatever else is installed has no say in revise's
            # database, and finding plugins means reading every installed package's
            # metadata, which takes longer than the migrations themselves
            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def _prepare(self, readonly: bool, *, bulk: bool) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        conn.execute("PRAGMA foreign_keys = ON")
        from revise.store import migrations

        if readonly:
            migrations.check_version(self)
            if migrations.pending(self):
                raise NeedsUpgrade(f"{self.path} needs upgrading: run a command that writes")
            return
        migrations.migrate(self)
        if bulk:
            self._wal_pending = True
            # a rollback journal is durable against power loss only with FULL
            conn.execute("PRAGMA synchronous = FULL")
            return
        self._use_wal()

    def _use_wal(self) -> None:
        self._wal_pending = False
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = wal")
        # WAL with synchronous=NORMAL keeps every commit atomic and durable
        # against a process crash, which is the failure that matters here.
        self.conn.execute("PRAGMA synchronous = NORMAL")

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

    def version(self) -> int:
        """The schema version of the database (PRAGMA user_version)."""
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        try:
            if self._wal_pending:
                self._use_wal()
        except sqlite3.DatabaseError:
            pass  # another process holds the database: the next one to open it turns it
        finally:
            self.conn.close()

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the database, taken while other sessions may be writing
        (SQLite's online backup API copies a snapshot, not the file's bytes)."""
        try:
            copy = sqlite3.connect(target)
            try:
                self.conn.backup(copy)
            finally:
                copy.close()
        except sqlite3.DatabaseError as error:
            raise store_error(target, error) from None

    def restore_from(self, backup: Path) -> None:
        """Replace this database's content with `backup`'s, in one step that other
        processes see either wholly or not at all."""
        with Store(backup, readonly=True) as source:
            try:
                source.conn.backup(self.conn)
            except sqlite3.DatabaseError as error:
                raise store_error(self.path, error) from None

    def card_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM cards").fetchone()[0]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction. IMMEDIATE takes the write lock up front, so two
        processes wait for each other (busy timeout) instead of failing mid-way."""
        conn = self.conn
        if conn.in_transaction:  # nested: the outermost transaction commits
            yield conn
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            raise store_error(self.path, error) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise store_error(self.path, error) from None
        except KeyboardInterrupt:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise Interrupted("nothing was saved") from None
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if self._wal_pending:
            self._use_wal()

    # --- what is asked of a store most (see store.decks and store.cards) -------------

    def deck_id(self, name: str, *, now: datetime) -> int:
        from revise.store.decks import ensure_deck

        return ensure_deck(self, name, now=now)

    def decks(self) -> list[dict]:
        from revise.store.decks import decks

        return decks(self)

    def deck(self, name: str) -> dict | None:
        from revise.store.decks import deck

        return deck(self, name)

    def cards(self, **filters) -> list[dict]:
        from revise.store.cards import cards

        return cards(self, **filters)

    def stored_cards(self, deck: str, source_name: str,
                     drafts: Iterable[CardDraft] = ()) -> dict[str, dict]:
        from revise.store.cards import stored_cards

        return stored_cards(self, deck, source_name, drafts)

    def sync_cards(self, deck: str, source_path: Path, drafts: list[CardDraft], *,
                   now: datetime, notes_moved: bool = False) -> SyncPlan:
        from revise.store.cards import sync_cards

        return sync_cards(self, deck, source_path, drafts, now=now, notes_moved=notes_moved)

    def sync_pieces(self, deck: str, source_path: Path, pieces: Iterable[list[CardDraft]],
                    *, now: datetime) -> SyncPlan:
        from revise.store.cards import sync_pieces

        return sync_pieces(self, deck, source_path, pieces, now=now)


@contextmanager
def read_snapshot(store: Store) -> Iterator[None]:
    """One read transaction, so queries read one state of a database others may be
    writing to. It takes no lock that would keep writers waiting."""
    with _read_transaction(store.conn):
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


def chunks(items: list, size: int) -> Iterable[list]:
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


# --- backup and restore ------------------------------------------------------------------


def backup(database: Path, target: Path | None, *, now: datetime) -> Path:
    """Copy the database to `target` (a file, or a folder to write a dated copy in; by
    default beside the database); the copy's path."""
    if not database.exists():
        raise StoreError(f"no database at {database}: nothing to back up")
    dated = f"{database.stem}-{now.astimezone():%Y%m%d-%H%M%S}.backup.db"
    if target is None:
        target = database.with_name(dated)
    elif target.is_dir():
        target = target / dated
    if target.exists():
        raise StoreError(f"{target} exists; choose another path")
    if not target.parent.is_dir():
        raise StoreError(f"folder {target.parent} does not exist")
    with Store(database) as store:
        store.backup_to(target)
    return target


def backup_card_count(backup_file: Path) -> int:
    """How many cards a backup holds (StoreError if it is not a revise database)."""
    if not backup_file.is_file():
        raise StoreError(f"{backup_file}: no such file")
    with Store(backup_file, readonly=True) as source:
        return source.card_count()


def restore(database: Path, backup_file: Path, *, now: datetime) -> Path:
    """Replace the database's content with the backup's, keeping the current one beside
    it first; the path of that kept copy."""
    backup_card_count(backup_file)
    with Store(database) as store:
        kept = database.with_name(
            f"{database.stem}-before-restore-{now.astimezone():%Y%m%d-%H%M%S}.db")
        store.backup_to(kept)
        store.restore_from(backup_file)
    return kept
