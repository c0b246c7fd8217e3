"""The schema, as an ordered list of small named migrations.

Each function takes the schema from version N to N+1 (`PRAGMA user_version`). Opening
a store applies the ones it lacks, in order, in one transaction, after copying the file
beside itself; re-checked under the write lock, so two processes opening an old file
at once migrate it once. A file newer than the last migration is refused with a clear
message. Add new migrations at the end; never edit a released one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from revise.errors import StoreError

TYPE_CHECKING = False  # as typing's, without importing typing at every start
if TYPE_CHECKING:
    from sqlite_utils import Database

    from revise.store.connection import Store


def m001_initial(db: Database) -> None:
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


def m002_covering_indexes(db: Database) -> None:
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
    # (m003 drops the question from it.)
    db.execute("DROP INDEX idx_cards_active_topic")
    db.execute("CREATE INDEX idx_cards_active_recall ON cards"
               f" (topic, deck_id, stability, julianday(last_review), id, question, {active}")
    db.execute("CREATE INDEX idx_cards_active_topic_position ON cards"
               f" (topic, position, deck_id, {active}")


def m003_leaner_indexes(db: Database) -> None:
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


def m004_review_tally(db: Database) -> None:
    """Answers counted per quarter hour, kept in step by triggers, so `revise stats`
    reads a few thousand rows for its calendar, total and retention instead of an index
    of every review. Quarter hours, because a revision day starts on one in every time
    zone. `state` counts as the trigger `reviews_state` fills it in."""
    db.execute("CREATE TABLE review_tally (quarter INTEGER PRIMARY KEY,"
               " reviews INTEGER NOT NULL, in_review INTEGER NOT NULL,"
               " passed INTEGER NOT NULL) STRICT")

    def add(row: str) -> str:
        quarter, in_review, passed = tally_terms(row)
        return (f"INSERT INTO review_tally VALUES ({quarter}, 1, {in_review}, {passed})"
                " ON CONFLICT (quarter) DO UPDATE SET reviews = reviews + 1,"
                " in_review = in_review + excluded.in_review, passed = passed + excluded.passed;")

    def remove(row: str) -> str:
        quarter, in_review, passed = tally_terms(row)
        return (f"UPDATE review_tally SET reviews = reviews - 1, in_review = in_review -"
                f" {in_review}, passed = passed - {passed} WHERE quarter = {quarter};")

    db.execute(f"CREATE TRIGGER review_tally_add AFTER INSERT ON reviews BEGIN {add('NEW')} END")
    db.execute("CREATE TRIGGER review_tally_remove AFTER DELETE ON reviews"
               f" BEGIN {remove('OLD')} END")
    # reviews_state filling in a missing state changes nothing counted
    db.execute("CREATE TRIGGER review_tally_change AFTER UPDATE OF reviewed_at, state, rating,"
               " state_before ON reviews WHEN OLD.state IS NOT NULL"
               f" BEGIN {remove('OLD')} {add('NEW')} END")
    quarter, in_review, passed = tally_terms("reviews")
    db.execute(f"INSERT INTO review_tally SELECT {quarter}, count(*), sum({in_review}),"
               f" sum({passed}) FROM reviews GROUP BY 1")


def m005_tally_per_deck(db: Database) -> None:
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
        quarter, in_review, passed = tally_terms(row)
        return (f"INSERT INTO review_tally VALUES ({quarter}, {deck(row)}, 1, {in_review},"
                f" {passed}) ON CONFLICT (quarter, deck_id) DO UPDATE SET"
                " reviews = reviews + 1, in_review = in_review + excluded.in_review,"
                " passed = passed + excluded.passed;")

    def remove(row: str) -> str:
        quarter, in_review, passed = tally_terms(row)
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
    db.execute(f"INSERT INTO review_tally {tally_from_log()}")


def tally_terms(row: str) -> tuple[str, str, str]:
    """SQL for a review `row`'s quarter hour, whether it was an answer to a card in
    review, and whether that answer passed."""
    state = f"coalesce({row}.state, json_extract({row}.state_before, '$.state'))"
    in_review = f"({state} IS 'review')"
    return (f"CAST(strftime('%s', {row}.reviewed_at) AS INTEGER) / 900", in_review,
            f"({in_review} AND {row}.rating > 1)")


def tally_from_log() -> str:
    """review_tally's rows as the review log gives them: each quarter hour and deck with
    answers."""
    quarter, in_review, passed = tally_terms("reviews")
    return (f"SELECT {quarter}, coalesce(cards.deck_id, 0), count(*), sum({in_review}),"
            f" sum({passed}) FROM reviews LEFT JOIN cards ON cards.id = reviews.card_id"
            " GROUP BY 1, 2")


def m006_state_in_tables(db: Database) -> None:
    """State kept until now under composite keys of the settings table gets a table and
    a column of its own: each notes file's last extract (`extracts`), and the last
    review `revise optimize` replayed in each deck (`decks.rescheduled_through`)."""
    db["extracts"].create(
        {"deck_id": int, "source_name": str, "digest": str, "fingerprint": str},
        pk=("deck_id", "source_name"), foreign_keys=[("deck_id", "decks", "id")],
        not_null={"deck_id", "source_name", "digest", "fingerprint"}, strict=True,
        if_not_exists=True)
    if "rescheduled_through" not in db["decks"].columns_dict:
        db["decks"].add_column("rescheduled_through", int)
    extracted = "key LIKE 'extracted' || char(31) || '%'"
    for key, value in db.execute(f"SELECT key, value FROM settings WHERE {extracted}").fetchall():
        _, deck, source_name = key.split("\x1f", 2)
        found = db.execute("SELECT id FROM decks WHERE name = ?", [deck]).fetchone()
        try:
            record = json.loads(value)
            digest, fingerprint = str(record["digest"]), json.dumps(record["cards"])
        except (ValueError, KeyError, TypeError):
            continue  # a record that cannot be read: that file's next extract is a full one
        if found:
            db["extracts"].upsert({"deck_id": found[0], "source_name": source_name,
                                   "digest": digest, "fingerprint": fingerprint},
                                  pk=("deck_id", "source_name"))
    db.execute("UPDATE decks SET rescheduled_through = (SELECT CAST(value AS INTEGER)"
               " FROM settings WHERE key = 'rescheduled-through:' || decks.id)"
               " WHERE rescheduled_through IS NULL")
    db.execute(f"DELETE FROM settings WHERE {extracted} OR key LIKE 'rescheduled-through:%'")


def m007_cards_the_user_owns(db: Database) -> None:
    """What a user does to cards and decks by hand, kept through every extract: a card
    whose question or answer the user wrote (`edited`), a card the user deleted
    (`deleted`, kept retired with its history), and a deck built for handing out
    rather than for the builder's own review (`built`)."""
    db.execute("ALTER TABLE cards ADD COLUMN edited INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE cards ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE decks ADD COLUMN built INTEGER NOT NULL DEFAULT 0")


MIGRATIONS: list[Callable[[Database], None]] = [
    m001_initial, m002_covering_indexes, m003_leaner_indexes, m004_review_tally,
    m005_tally_per_deck, m006_state_in_tables, m007_cards_the_user_owns]


def schema_version() -> int:
    """The version the last migration leaves a database at."""
    return len(MIGRATIONS)


def check_version(store: Store) -> None:
    """A StoreError for a file revise cannot use: newer than this revise, or an SQLite
    database that is not a revise one."""
    version = store.version()
    if version > schema_version():
        raise StoreError(
            f"{store.path} was written by a newer revise (schema {version}; this one knows "
            f"up to {schema_version()}): upgrade revise to use it")
    if version == 0 and store.db.table_names():
        raise StoreError(f"{store.path} is an SQLite database but not a revise one")


def pending(store: Store) -> bool:
    return store.version() < schema_version()


def migrate(store: Store) -> None:
    """Apply the migrations the database lacks (see the module docstring)."""
    check_version(store)
    version = store.version()
    if version == schema_version():
        return
    if version > 0:
        # Before the transaction: SQLite cannot copy a database its writer is changing.
        _copy_before_migrating(store, version)
    with store.transaction():
        version = store.version()  # again, under the write lock: another process may have won
        for migration in MIGRATIONS[version:]:
            migration(store.db)
        store.conn.execute(f"PRAGMA user_version = {schema_version()}")


def _copy_before_migrating(store: Store, version: int) -> None:
    copy = store.path.with_name(f"{store.path.name}.schema{version}.bak")
    target = sqlite3.connect(copy)
    try:
        store.conn.backup(target)
    finally:
        target.close()
