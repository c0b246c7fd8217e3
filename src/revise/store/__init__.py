"""The store: one SQLite file, and the only module of revise with SQL.

One module a concern:

    connection   opening a file, transactions, snapshots, backup and restore
    migrations   the schema, as an ordered list of small named migrations
    decks        deck names and options
    cards        syncing notes into cards, finding cards, each file's last extract
    manage       what a user does to cards by hand: short ids, suspend, edit, delete, add
    reviews      today's queue, answers, undo, suspending, due counts
    stats        reviews per day, retention, forecast, topic strength
    share        what exports stream and imports look up
    parameters   fitted FSRS parameters and replayed schedules
    settings     settings that belong to no deck
    doctor       checks and safe repairs

Which cards are the same card after an edit is decided without SQL, in `revise.sync`.
"""

from revise.store.connection import (
    NeedsUpgrade,
    Store,
    backup,
    backup_card_count,
    read_snapshot,
    restore,
    store_error,
)
from revise.sync import SyncPlan, SyncReport

__all__ = ["NeedsUpgrade", "Store", "SyncPlan", "SyncReport", "backup", "backup_card_count",
           "read_snapshot", "restore", "store_error"]
