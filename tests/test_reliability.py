"""Nothing stored is lost or half-written: bad databases, upgrades, backups, doctor,
names that look like SQL, and extracts killed part-way."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest

from revise.errors import StoreError
from revise.store import Store, migrations, reviews
from revise.store.migrations import schema_version
from tests.conftest import NOTES, cards_json
from tests.review_support import NOW, answer
from tests.support.notes import event_notes
from tests.support.snapshot import integrity, snapshot


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def extracted_db(revise, db_file) -> list[tuple]:
    assert revise("extract", NOTES).exit_code == 0
    return snapshot(db_file)


# --- bad databases ----------------------------------------------------------------------


def test_truncated_database_is_refused_and_left_alone(revise, db_file, tmp_path):
    extracted_db(revise, db_file)
    with Store(db_file) as store:
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db_file.read_bytes()
    broken = tmp_path / "broken.db"
    broken.write_bytes(data[: len(data) // 3])
    message = one_line_error(revise("cards", db=broken))
    assert "damaged" in message or "not a revise" in message
    assert broken.read_bytes() == data[: len(data) // 3]


def test_database_from_newer_revise_is_refused_by_every_command(revise, db_file):
    before = extracted_db(revise, db_file)
    with sqlite3.connect(db_file) as conn:
        conn.execute(f"PRAGMA user_version = {schema_version() + 5}")
    for args in (["cards"], ["extract", NOTES], ["due"], ["doctor"]):
        assert "newer revise" in one_line_error(revise(*args))
    with sqlite3.connect(db_file) as conn:
        conn.execute(f"PRAGMA user_version = {schema_version()}")
    assert snapshot(db_file) == before


def test_folder_that_does_not_exist_is_a_clear_error(revise, tmp_path):
    assert "does not exist" in one_line_error(revise("cards", db=tmp_path / "no" / "r.db"))


@pytest.fixture
def small_mount():
    """A small tmpfs of our own: to run out of space, or to make read-only, on purpose."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs root to mount a tmpfs")
    mount_point = Path(tempfile.mkdtemp(prefix="revise-mount-"))
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount_point)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)
        mount_point.rmdir()


def test_read_only_database_is_a_clear_error_and_unchanged(revise, small_mount, tmp_path):
    db_file = small_mount / "revise.db"
    assert revise("extract", NOTES, db=db_file).exit_code == 0
    with Store(db_file) as store:
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = snapshot(db_file)
    subprocess.run(["mount", "-o", "remount,ro", str(small_mount)], check=True)
    notes = tmp_path / "more.txt"
    notes.write_text("- Kirov murdered Dec 1934\n")
    message = one_line_error(revise("extract", notes, db=db_file))
    assert "read-only" in message or "cannot open" in message
    subprocess.run(["mount", "-o", "remount,rw", str(small_mount)], check=True)
    assert snapshot(db_file) == before


def test_full_disk_is_a_clear_error_and_loses_nothing(revise, small_mount, tmp_path):
    db_file = small_mount / "revise.db"
    assert revise("extract", NOTES, db=db_file).exit_code == 0
    before = snapshot(db_file)
    big = tmp_path / "big.txt"
    big.write_text("".join(f"* Topic {n}\n- Event number {n} happened in {1000 + n % 900}\n"
                           f"- It cost {n * 7 % 1000} million tons\n" for n in range(5_000)))
    message = one_line_error(revise("extract", big, db=db_file))
    assert "space" in message or "full" in message
    assert snapshot(db_file) == before
    assert integrity(db_file) == "ok"


# --- upgrades -----------------------------------------------------------------------------


def test_every_schema_version_migrates_with_its_data(tmp_path, monkeypatch):
    """Build a database at each earlier version with data, then open it with this revise."""
    for version in range(schema_version()):
        path = tmp_path / f"v{version}.db"
        db = sqlite3.connect(path)
        monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:version])
        if version:
            Store(path).close()
            db.execute("INSERT INTO decks (name, created) VALUES ('old', '2025-01-01')")
            db.commit()
        db.close()
        monkeypatch.undo()
        with Store(path) as store:
            assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
            if version:
                assert [deck["name"] for deck in store.decks()] == ["old"]
                assert (tmp_path / f"v{version}.db.schema{version}.bak").exists()


def test_failed_migration_leaves_the_database_untouched(revise, db_file, monkeypatch):
    before = extracted_db(revise, db_file)

    def broken_migration(db):
        db.execute("ALTER TABLE cards ADD COLUMN colour TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken_migration])
    with pytest.raises(StoreError):
        Store(db_file)
    monkeypatch.undo()
    with Store(db_file) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        assert "colour" not in store.db["cards"].columns_dict
    assert snapshot(db_file) == before
    assert (db_file.parent / f"{db_file.name}.schema{schema_version()}.bak").exists()


# --- backup and restore -------------------------------------------------------------------


def test_backup_then_restore_brings_back_what_was_lost(revise, db_file, tmp_path):
    before = extracted_db(revise, db_file)
    copy = tmp_path / "copy.db"
    assert revise("backup", copy).exit_code == 0
    assert snapshot(copy) == before
    notes = tmp_path / "notes.txt"
    notes.write_text("- nothing much\n- Lenin dies 1924\n")
    revise("extract", notes, "--deck", "notes")
    assert snapshot(db_file) != before
    result = revise("restore", copy, "--yes")
    assert result.exit_code == 0, result.output
    assert snapshot(db_file) == before
    kept = list(tmp_path.glob("revise-before-restore-*.db"))
    assert len(kept) == 1 and snapshot(kept[0]) != before


def test_restore_asks_first_and_does_nothing_when_refused(revise, db_file, tmp_path):
    extracted_db(revise, db_file)
    copy = tmp_path / "copy.db"
    revise("backup", copy)
    revise("extract", FIXTURE_SMALL(tmp_path), "--deck", "extra")
    before = snapshot(db_file)
    result = revise("restore", copy, input="n\n")
    assert result.exit_code == 1
    assert snapshot(db_file) == before


def test_restore_refuses_a_file_that_is_not_a_backup(revise, db_file, tmp_path):
    before = extracted_db(revise, db_file)
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    one_line_error(revise("restore", junk, "--yes"))
    assert snapshot(db_file) == before


def test_backup_does_not_overwrite(revise, db_file, tmp_path):
    extracted_db(revise, db_file)
    copy = tmp_path / "copy.db"
    copy.write_text("precious")
    assert "exists" in one_line_error(revise("backup", copy))
    assert copy.read_text() == "precious"


def FIXTURE_SMALL(folder: Path) -> Path:  # noqa: N802
    path = folder / "small.txt"
    path.write_text("* Kirov\n- Kirov murdered Dec 1934\n")
    return path


# --- doctor ---------------------------------------------------------------------------------


def test_doctor_says_ok_on_a_healthy_database(revise, db_file):
    extracted_db(revise, db_file)
    result = revise("doctor")
    assert result.exit_code == 0 and "ok" in result.stdout


def test_doctor_finds_and_fixes_a_card_out_of_step_with_its_log(revise, db_file):
    extracted_db(revise, db_file)
    with Store(db_file) as store:
        card_id = store.cards()[0]["id"]
        after = {"state": "review", "step": None, "stability": 3.2, "difficulty": 5.1,
                 "due": "2026-12-01T00:00:00+00:00", "last_review": "2026-11-27T10:00:00+00:00",
                 "reps": 1, "lapses": 0}
        before = {**after, "state": "new", "stability": None, "difficulty": None, "due": None,
                  "last_review": None, "reps": 0}
        with store.transaction():
            store.db.execute(
                "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, state,"
                " state_before, state_after) VALUES (?, 3, ?, 1000, 'new', ?, ?)",
                [card_id, after["last_review"], json.dumps(before), json.dumps(after)])
    result = revise("doctor")
    assert result.exit_code == 1
    assert card_id in result.stdout and "--fix" in result.stderr
    fixed = revise("doctor", "--fix")
    assert fixed.exit_code == 0, fixed.output
    with Store(db_file) as store:
        card = next(card for card in store.cards() if card["id"] == card_id)
    assert (card["state"], card["reps"], card["stability"]) == ("review", 1, 3.2)


def test_doctor_finds_and_fixes_answer_counts_that_differ_from_the_log(revise, db_file):
    extracted_db(revise, db_file)
    with Store(db_file) as store:
        first, second = (card["id"] for card in store.cards()[:2])
        answer(store, first, 3, NOW - timedelta(days=1))
        answer(store, second, 1, NOW - timedelta(hours=2))
        # an undo leaves its quarter hour counted at nothing: that matches the log
        reviews.undo_rating(store, answer(store, second, 3, NOW - timedelta(hours=1)))
    assert revise("doctor").exit_code == 0
    with Store(db_file) as store, store.transaction():
        store.db.execute("UPDATE review_tally SET reviews = reviews + 5"
                         " WHERE quarter = (SELECT min(quarter) FROM review_tally)")
        store.db.execute("INSERT INTO review_tally VALUES (1, 1, 1, 1, 1)")
    assert json.loads(revise("stats", "--json").stdout)["reviews_total"] == 8
    result = revise("doctor")
    assert result.exit_code == 1
    assert "tally: the answers counted for 2 quarter hours" in result.stdout
    assert "--fix" in result.stderr
    fixed = revise("doctor", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert "answers counted again from the review log (2 quarter hours)" in fixed.stdout
    assert json.loads(revise("stats", "--json").stdout)["reviews_total"] == 2


def test_doctor_reports_notes_files_that_are_gone(revise, tmp_path):
    notes = tmp_path / "gone.txt"
    notes.write_text("- Lenin dies 1924\n")
    revise("extract", notes)
    notes.unlink()
    result = revise("doctor")
    assert result.exit_code == 1 and "gone.txt" in result.stdout


# --- names are data -------------------------------------------------------------------------

TRICKY_NAMES = [
    "Year 10's \"history\"", "100%_done", "a;b", "x -- y", "DROP TABLE cards",
    "'; DELETE FROM cards; --", "../../etc/passwd", "maths\\algebra", "Unit 1::Part 2",
]


@pytest.mark.parametrize("name", TRICKY_NAMES)
def test_deck_names_and_searches_are_stored_and_matched_literally(revise, tmp_path, name):
    notes = tmp_path / "notes.txt"
    notes.write_text(f"* {name}\n- {name} began in 1924\n")
    result = revise("extract", notes, "--deck", name)
    assert result.exit_code == 0, result.output
    cards = cards_json(revise, "--deck", name)
    assert cards and {card["deck"] for card in cards} == {name}
    assert cards_json(revise, "--topic", name) == cards
    assert cards_json(revise, "--search", name) == cards
    # the name never became a path: no file appeared beside the notes and the database
    assert {path.name for path in tmp_path.iterdir()} <= {"notes.txt", "revise.db",
                                                          "revise.db-shm", "revise.db-wal"}


def test_like_wildcards_match_only_themselves(revise, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("* Growth\n- output rose 7% in 1933\n- output rose 70 in 1934\n")
    revise("extract", notes)
    assert {card["answer"] for card in cards_json(revise, "--search", "7%")} >= {"7%"}
    assert cards_json(revise, "--search", "7_") == []


# --- extract killed part-way ------------------------------------------------------------------


@pytest.mark.parametrize("runs", [3, pytest.param(50, marks=pytest.mark.soak)])
def test_extract_killed_at_any_moment_leaves_before_or_after(tmp_path, runs):
    """SIGKILL `revise extract` at random moments: the database is always exactly as it
    was before the run or exactly as after it, and sound. A few kills by default; 50
    in the soak run (`make soak`)."""
    db_file = tmp_path / "revise.db"
    notes = tmp_path / "notes.txt"
    command = [sys.executable, "-m", "revise", "extract", str(notes), "--db", str(db_file)]
    event_notes(notes, 2000, variant=0, figures=True, topic_every=20)
    subprocess.run(command, check=True, capture_output=True)
    before = snapshot(db_file)
    event_notes(notes, 2000, variant=1, figures=True, topic_every=20)
    reference = tmp_path / "reference.db"
    shutil.copy(db_file, reference)
    started = time.perf_counter()
    subprocess.run([*command[:-1], str(reference)], check=True, capture_output=True)
    full_run = time.perf_counter() - started
    after = snapshot(reference)
    assert after != before

    pristine = tmp_path / "before.db"
    with Store(db_file) as store:
        store.backup_to(pristine)

    rng = random.Random(1924)
    for _ in range(runs):
        for leftover in tmp_path.glob("revise.db*"):
            leftover.unlink()
        shutil.copy(pristine, db_file)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, full_run * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert integrity(db_file) == "ok"
        assert snapshot(db_file) in (before, after)
