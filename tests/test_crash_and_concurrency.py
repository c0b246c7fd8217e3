"""Answers survive crashes and company: `revise review` SIGKILLed at random moments, two
sessions rating one database at once, an extract running during a review, and a
database locked by another process for longer than revise waits.

What counts as accepted is what the screen said: "Answer N saved" under the next
question (written only after the commit), or the summary's answer count.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from revise.store import Store, doctor
from tests.conftest import NOTES
from tests.review_support import NOW, add_cards
from tests.support.notes import event_notes
from tests.support.snapshot import integrity, snapshot
from tests.support.terminal import ANSWER, QUESTION, Terminal

REVISE = [sys.executable, "-m", "revise"]


def rate(session: Terminal, ratings: str, *, rng: random.Random | None = None) -> None:
    """Reveal and rate one card per rating, each key as soon as the screen asks for it."""
    for number, rating in enumerate(ratings, start=1):
        for screen, key in ((QUESTION, " "), (ANSWER, rating)):
            assert session.wait_for(screen, number), session.text[-2000:]
            if rng is not None:
                time.sleep(rng.uniform(0, 0.01))
            session.send(key)


def quit_session(session: Terminal, answers: int) -> int:
    assert session.wait_for(QUESTION, answers + 1), session.text[-2000:]
    session.send("q")
    assert session.wait_for("Session over"), session.text[-2000:]
    return session.finish()


# --- checks ---------------------------------------------------------------------------


def review_count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT count(*) FROM reviews").fetchone()[0]


def assert_log_sound(path: Path) -> None:
    """Sound file; no answer stored twice; every card as its latest review left it."""
    assert integrity(path) == "ok"
    with closing(sqlite3.connect(path)) as conn:
        twice = conn.execute(
            "SELECT card_id, reviewed_at FROM reviews GROUP BY card_id, reviewed_at"
            " HAVING count(*) > 1").fetchall()
        assert twice == []
        # one answer per state of a card: a second would be the same answer counted twice
        double = conn.execute(
            "SELECT card_id FROM reviews GROUP BY card_id, state_before"
            " HAVING count(*) > 1").fetchall()
        assert double == []
        reps, reviews = conn.execute(
            "SELECT (SELECT sum(reps) FROM cards), (SELECT count(*) FROM reviews)").fetchone()
        assert reps == reviews  # every stored review changed its card, and only those
    with Store(path) as store:
        assert doctor.cards_out_of_step_with_log(store) == []


def extract(db_file: Path, *notes: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*REVISE, "extract", *map(str, notes), "--db", str(db_file)],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Path:
    """A database with the shipped notes and 400 more generated cards, made once."""
    folder = tmp_path_factory.mktemp("deck")
    more = folder / "more.txt"
    event_notes(more, 200)
    path = folder / "revise.db"
    result = extract(path, NOTES, more)
    assert result.returncode == 0, result.stderr
    pristine = folder / "pristine.db"
    with Store(path) as store:
        store.backup_to(pristine)
    return pristine


def copy_of(deck: Path, target: Path) -> Path:
    shutil.copy(deck, target)
    return target


# --- what the screen acknowledges ----------------------------------------------------


def test_the_next_question_says_the_answer_was_saved_and_an_undo_takes_that_back(db_file):
    from tests.test_review import session

    with Store(db_file) as store:
        add_cards(store, 3)
        run, out = session(store, [" ", "3", " ", "u", " ", "4", " ", "q"])
        run.run()
        assert review_count(db_file) == 1
    # the line comes after the hint, so piece N follows question N's hint
    pieces = out.getvalue().split("show the answer")
    assert "saved" not in pieces[1]  # nothing answered yet
    assert "Answer 1 saved: Good." in pieces[2]
    assert "saved" not in pieces[3]  # the first card again, after the undo
    assert "Answer 1 saved: Easy." in pieces[4]


# --- killed at random moments ---------------------------------------------------------


def killed_run(db_file: Path, rng: random.Random, now) -> tuple[int, int]:
    """One session killed at a random moment; checks it and returns (acknowledged, stored)."""
    with closing(sqlite3.connect(db_file)) as conn:
        last = conn.execute("SELECT coalesce(max(id), 0) FROM reviews").fetchone()[0]
    ratings = "".join(rng.choice("1233334") for _ in range(rng.randint(1, 6)))
    keys = [key for rating in ratings for key in (" ", rating)]
    # keys sent before the kill: none (killed while starting), some, or all
    cut = rng.choice([0, rng.randint(1, len(keys)), len(keys), len(keys)])
    session = Terminal(db_file, "--new", "1000", now=now, columns=100, errors_apart=True)
    sent: list[int] = []
    try:
        for index, key in enumerate(keys[:cut]):
            if not session.wait_for(QUESTION if key == " " else ANSWER, index // 2 + 1):
                break
            session.send(key)
            if key != " ":
                sent.append(int(key))
        if cut == 0:
            time.sleep(rng.uniform(0, 0.8))  # while it starts
        else:
            # right on the key (mid-answer, maybe mid-commit), or after the screen moved on
            time.sleep(rng.choice([rng.uniform(0, 0.005), rng.uniform(0, 0.03),
                                   rng.uniform(0.03, 0.12)]))
    finally:
        session.kill()
    acknowledged = session.acknowledged()
    assert session.error_output == ""

    with closing(sqlite3.connect(db_file)) as conn:
        stored = [row[0] for row in conn.execute(
            "SELECT rating FROM reviews WHERE id > ? ORDER BY id", [last])]
    assert acknowledged <= len(stored) <= acknowledged + 1, (acknowledged, stored, sent)
    assert stored == sent[:len(stored)]  # the keys pressed, in order, none twice
    assert_log_sound(db_file)
    return acknowledged, len(stored)


@pytest.mark.parametrize("runs", [8, pytest.param(200, marks=pytest.mark.soak)])
def test_review_killed_at_random_moments_keeps_every_acknowledged_answer(deck, tmp_path,
                                                                          runs):
    """SIGKILL `revise review` at random moments, four sessions at a time on their own
    databases, each carrying on from the last kill: a few kills by default, 200 in the
    soak run (`make soak`)."""
    workers = 4

    def worker(index: int) -> tuple[int, int, int]:
        db_file = copy_of(deck, tmp_path / f"worker{index}.db")
        rng = random.Random(1937 + index)
        acknowledged = stored = done = 0
        for _ in range(index, runs, workers):
            # half an hour later each time: cards rated Again come back as learning cards
            now = NOW + timedelta(minutes=30 * done)
            counts = killed_run(db_file, rng, now)
            acknowledged, stored, done = acknowledged + counts[0], stored + counts[1], done + 1
        return done, acknowledged, stored

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(worker, range(workers)))
    done, acknowledged, stored = (sum(column) for column in zip(*results, strict=True))
    assert done == runs
    assert acknowledged > runs  # the runs did get answers in before their kill
    print(f"\nreview killed {done} times in {time.perf_counter() - started:.0f}s: "
          f"{acknowledged} answers acknowledged, {stored} stored, none lost, none twice")


# --- two at once ----------------------------------------------------------------------


def test_two_sessions_rating_one_database_lose_nothing_and_count_nothing_twice(deck,
                                                                                 tmp_path):
    db_file = copy_of(deck, tmp_path / "revise.db")
    sessions = [Terminal(db_file, "--new", "1000", columns=100, errors_apart=True)
                for _ in range(2)]
    ratings = ["3134323331424133", "3313432313223341"]
    codes: list[int] = [-1, -1]
    failures: list[BaseException] = []

    def drive(index: int) -> None:
        try:
            rate(sessions[index], ratings[index], rng=random.Random(index))
            codes[index] = quit_session(sessions[index], len(ratings[index]))
        except BaseException as error:  # reported below, from the test's own thread
            failures.append(error)

    threads = [threading.Thread(target=drive, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    for session in sessions:
        if session.poll() is None:
            session.kill()
    assert not failures, failures[0]
    assert codes == [0, 0]
    assert [session.error_output for session in sessions] == ["", ""]
    acknowledged = [session.acknowledged() for session in sessions]
    skipped = [session.skipped() for session in sessions]
    # each keypress was either saved or skipped as answered by the other session
    assert [a + s for a, s in zip(acknowledged, skipped, strict=True)] == [16, 16]
    assert review_count(db_file) == sum(acknowledged)
    assert_log_sound(db_file)
    print(f"\ntwo sessions: {acknowledged} saved, {skipped} skipped as answered by the other")


def test_extract_while_reviewing_keeps_every_answer_and_the_history_of_edited_cards(tmp_path):
    db_file = tmp_path / "revise.db"
    notes = tmp_path / "notes.txt"
    event_notes(notes, 60)
    assert extract(db_file, notes).returncode == 0
    with closing(sqlite3.connect(db_file)) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM cards")}

    stop = threading.Event()
    extracts: list[subprocess.CompletedProcess] = []

    def keep_extracting() -> None:
        edited = True
        while not stop.is_set() or len(extracts) < 2:
            event_notes(notes, 60, edited=edited)
            extracts.append(extract(db_file, notes))
            edited = not edited

    extractor = threading.Thread(target=keep_extracting)
    session = Terminal(db_file, "--new", "1000", columns=100, errors_apart=True)
    extractor.start()
    try:
        ratings = "3314323133243313331432313"
        rate(session, ratings, rng=random.Random(5))
        code = quit_session(session, len(ratings))
    finally:
        stop.set()
        extractor.join(120)
        if session.poll() is None:
            session.kill()
    assert code == 0 and session.error_output == ""
    assert [(result.returncode, result.stderr) for result in extracts] == [(0, "")] * len(
        extracts)
    event_notes(notes, 60, edited=True)
    assert extract(db_file, notes).returncode == 0

    # answers on a card whose bullet was removed meanwhile are skipped, not stored
    assert review_count(db_file) == session.acknowledged() > 0
    assert_log_sound(db_file)
    with closing(sqlite3.connect(db_file)) as conn:
        rows = conn.execute(
            "SELECT cards.id, cards.question, cards.retired, cards.reps, count(reviews.id)"
            " FROM cards JOIN reviews ON reviews.card_id = cards.id GROUP BY cards.id").fetchall()
        assert {row[0] for row in conn.execute("SELECT id FROM cards")} == ids
    assert rows
    for card_id, question, retired, reps, reviews in rows:
        if "last event" in question:
            assert retired == 1
            continue
        assert "happenned" in question and not retired  # the edited card, same id
        assert reps == reviews, card_id
    print(f"\nextract ran {len(extracts)} times during a review of {len(ratings)} answers")


# --- a locked database ----------------------------------------------------------------


class Lock:
    """Another process's write lock on the database, held until `release`."""

    def __init__(self, path: Path):
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


def assert_one_line_locked_error(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    assert "locked by another" in lines[0], stderr


SHORT_WAIT = {"REVISE_BUSY_TIMEOUT_MS": "300"}


def test_extract_on_a_database_locked_too_long_is_a_one_line_error(tmp_path):
    db_file = tmp_path / "revise.db"
    notes = tmp_path / "notes.txt"
    event_notes(notes, 20)
    assert extract(db_file, notes).returncode == 0
    before = snapshot(db_file)
    event_notes(notes, 20, edited=True)
    lock = Lock(db_file)
    try:
        result = extract(db_file, notes, env=SHORT_WAIT)
    finally:
        lock.release()
    assert result.returncode == 1
    assert_one_line_locked_error(result.stderr)
    assert snapshot(db_file) == before
    assert integrity(db_file) == "ok"
    assert extract(db_file, notes, env=SHORT_WAIT).returncode == 0  # and works once free


def test_review_on_a_database_locked_too_long_is_a_one_line_error(tmp_path):
    db_file = tmp_path / "revise.db"
    notes = tmp_path / "notes.txt"
    event_notes(notes, 20)
    assert extract(db_file, notes).returncode == 0
    session = Terminal(db_file, env=SHORT_WAIT, columns=100, errors_apart=True)
    rate(session, "3")
    assert session.wait_for(QUESTION, 2)
    before = snapshot(db_file)
    lock = Lock(db_file)
    try:
        session.send(" ")
        assert session.wait_for(ANSWER, 2)
        session.send("4")
        code = session.finish()
    finally:
        lock.release()
    assert code == 1
    assert_one_line_locked_error(session.error_output)
    assert "Traceback" not in session.text
    assert snapshot(db_file) == before  # the first answer kept, the refused one not half-kept
    assert review_count(db_file) == session.acknowledged() == 1
    assert_log_sound(db_file)


def test_a_lock_held_for_a_moment_is_waited_for(tmp_path):
    db_file = tmp_path / "revise.db"
    notes = tmp_path / "notes.txt"
    event_notes(notes, 20)
    assert extract(db_file, notes).returncode == 0
    event_notes(notes, 20, edited=True)
    lock = Lock(db_file)
    timer = threading.Timer(1.0, lock.release)
    timer.start()
    try:
        result = extract(db_file, notes)  # the default wait, 5 s
    finally:
        timer.join()
    assert result.returncode == 0, result.stderr
    assert "updated" in result.stdout
