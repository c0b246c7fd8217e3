"""A database written by an earlier revise opens in this one with all its data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from revise.errors import StoreError
from revise.store import Store, migrations
from revise.store.doctor import diagnose
from revise.store.migrations import schema_version

# Written by revise at schema 5: 31 cards extracted from stalin-slice.md, 3 answered,
# new-per-day 7, rollover hour 5, and the state that schema kept under composite
# settings keys (the file's last extract; `optimize` replayed the deck through review 2).
SCHEMA_5 = Path(__file__).parent / "fixtures" / "schema5.db"


@pytest.fixture
def old_database(tmp_path) -> Path:
    path = tmp_path / "revise.db"
    shutil.copyfile(SCHEMA_5, path)
    return path


def test_a_schema_5_database_opens_with_its_data(old_database):
    with Store(old_database) as store:
        assert store.version() == schema_version()
        assert store.card_count() == 31
        assert store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 3
        assert [(deck["name"], deck["new_per_day"]) for deck in store.decks()] == [
            ("stalin-slice", 7)]

    with sqlite3.connect(old_database.parent / "revise.db.schema5.bak") as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 5
        assert copy.execute("SELECT count(*) FROM cards").fetchone()[0] == 31


def test_state_under_composite_settings_keys_moves_to_its_own_table_and_column(old_database):
    with Store(old_database) as store:
        assert store.conn.execute("SELECT key, value FROM settings").fetchall() == [
            ("rollover_hour", "5")]
        assert store.conn.execute(
            "SELECT decks.name, extracts.source_name, length(extracts.digest) FROM extracts"
            " JOIN decks ON decks.id = extracts.deck_id").fetchall() == [
            ("stalin-slice", "stalin-slice.md", 32)]
        assert store.conn.execute(
            "SELECT rescheduled_through FROM decks").fetchall() == [(2,)]


def test_the_migrated_database_passes_the_doctor(old_database):
    with Store(old_database) as store:
        assert diagnose(store) == []


def test_a_migration_run_again_changes_nothing(old_database):
    with Store(old_database) as store:
        dump = list(store.conn.iterdump())
        with store.transaction():
            migrations.m006_state_in_tables(store.db)
        assert list(store.conn.iterdump()) == dump


def test_every_migration_is_a_small_named_function_in_order():
    names = [migration.__name__ for migration in migrations.MIGRATIONS]
    assert names == sorted(names)
    assert [int(name[1:4]) for name in names] == list(range(1, schema_version() + 1))


def test_a_database_from_a_newer_revise_is_refused_and_left_alone(old_database):

    with sqlite3.connect(old_database) as conn:
        conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    before = old_database.read_bytes()
    with pytest.raises(StoreError, match="written by a newer revise"):
        Store(old_database)
    assert old_database.read_bytes() == before
