"""Answers survive crashes and company: `revise review` SIGKILLed at random moments, two
sessions rating one database at once, an extract running during a review, and a
database locked by another process for longer than revise waits.

What counts as accepted is what the screen said: "Answer N saved" under the next
question (written only after the commit), or the summary's answer count.
"""

from __future__ import annotations

import os
import random
import re
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from revise.store import Store, doctor
from revise.times import iso
from tests.conftest import NOTES
from tests.review_support import NOW, add_cards

REVISE = [sys.executable, "-m", "revise"]
QUESTION = b"show the answer"  # the hint under a question
ANSWER = b"1-4: rate"  # the hint under an answer
SAVED = re.compile(rb"Answer (\d+) saved")
OVER = re.compile(rb"Session over: \d+ cards?, (\d+) answers?")
SKIPPED = re.compile(rb"(\d+) answered in another session meanwhile")


class Review:
    """`revise review` in a pseudo-terminal, with its error output kept apart."""

    def __init__(self, db_file: Path, *args: str, now=NOW, env: dict | None = None):
        master, slave = os.openpty()
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed with the session)
        self.error_output = ""
        environment = {**os.environ, "REVISE_NOW": iso(now), "REVISE_FUZZ": "0",
                       "TERM": "xterm", "COLUMNS": "100", "LINES": "40", "TZ": "UTC",
                       **(env or {})}
        self.process = subprocess.Popen(
            [*REVISE, "review", "--db", str(db_file), *args], stdin=slave, stdout=slave,
            stderr=self._errors, env=environment, start_new_session=True)
        os.close(slave)
        self.fd = master
        self.output = b""
        self.closed = False

    def read(self, timeout: float = 0.02) -> None:
        while not self.closed and select.select([self.fd], [], [], timeout)[0]:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # the other end is gone
                chunk = b""
            if not chunk:
                self.closed = True
                return
            self.output += chunk
            timeout = 0

    def wait_for(self, text: bytes, count: int = 1, timeout: float = 30) -> bool:
        """True once `text` has been shown `count` times; False if revise exits first."""
        deadline = time.monotonic() + timeout
        while self.output.count(text) < count:
            if self.closed or (self.process.poll() is not None and not self._pending()):
                self.read(0)
                return self.output.count(text) >= count
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {text!r} x{count}:\n{self.text[-2000:]}")
            self.read()
        return True

    def _pending(self) -> bool:
        return bool(select.select([self.fd], [], [], 0)[0])

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def kill(self) -> None:
        self.process.kill()  # SIGKILL
        self.process.wait()
        self.read(0.05)  # what it wrote before it died was on the screen
        self.close()

    def finish(self, timeout: float = 30) -> int:
        """Read until revise exits; its exit code."""
        deadline = time.monotonic() + timeout
        while not self.closed and time.monotonic() < deadline:
            self.read()
            if self.process.poll() is not None and not self._pending():
                break
        code = self.process.wait(max(0.1, deadline - time.monotonic()))
        self.close()
        return code

    def close(self) -> None:
        """After revise has exited: keep what it wrote to stderr, free the terminal."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
            self.closed = True
            self._errors.seek(0)
            self.error_output = self._errors.read().decode(errors="replace")
            self._errors.close()

    @property
    def text(self) -> str:
        return self.output.decode(errors="replace")

    def acknowledged(self) -> int:
        """Answers the screen showed as saved."""
        counts = [int(n) for n in SAVED.findall(self.output) + OVER.findall(self.output)]
        return max(counts, default=0)

    def skipped(self) -> int:
        return sum(int(n) for n in SKIPPED.findall(self.output))


def rate(session: Review, ratings: str, *, rng: random.Random | None = None) -> None:
    """Reveal and rate one card per rating, each key as soon as the screen asks for it."""
    for number, rating in enumerate(ratings, start=1):
        for screen, key in ((QUESTION, " "), (ANSWER, rating)):
            assert session.wait_for(screen, number), session.text[-2000:]
            if rng is not None:
                time.sleep(rng.uniform(0, 0.01))
            session.send(key)


def quit_session(session: Review, answers: int) -> int:
    assert session.wait_for(QUESTION, answers + 1), session.text[-2000:]
    session.send("q")
    assert session.wait_for(b"Session over"), session.text[-2000:]
    return session.finish()


# --- checks ---------------------------------------------------------------------------


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


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


def generated_notes(path: Path, bullets: int, *, edited: bool = False) -> None:
    """Bullets that each give two date cards. `edited` fixes a typo in every bullet (the
    cards keep their identity) and drops the last one (its cards are retired)."""
    lines = []
    for n in range(bullets):
        if n % 10 == 0:
            lines.append(f"* Topic {n // 10}")
        lines.append(f"- Event {n} {'happenned' if edited else 'happened'} in {1000 + n * 7}")
    if not edited:
        lines.append("- The last event came in 1999")
    path.write_text("\n".join(lines) + "\n")


def extract(db_file: Path, *notes: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*REVISE, "extract", *map(str, notes), "--db", str(db_file)],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Path:
    """A database with the shipped notes and 400 more generated cards, made once."""
    folder = tmp_path_factory.mktemp("deck")
    more = folder / "more.txt"
    generated_notes(more, 200)
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
    session = Review(db_file, "--new", "1000", now=now)
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


def test_review_killed_at_random_moments_keeps_every_acknowledged_answer(deck, tmp_path):
    """SIGKILL `revise review` REVISE_REVIEW_KILL_RUNS times (200) at random moments, four
    sessions at a time on their own databases, each carrying on from the last kill."""
    runs = int(os.environ.get("REVISE_REVIEW_KILL_RUNS", "200"))
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
    sessions = [Review(db_file, "--new", "1000"), Review(db_file, "--new", "1000")]
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
        if session.process.poll() is None:
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
    generated_notes(notes, 60)
    assert extract(db_file, notes).returncode == 0
    with closing(sqlite3.connect(db_file)) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM cards")}

    stop = threading.Event()
    extracts: list[subprocess.CompletedProcess] = []

    def keep_extracting() -> None:
        edited = True
        while not stop.is_set() or len(extracts) < 2:
            generated_notes(notes, 60, edited=edited)
            extracts.append(extract(db_file, notes))
            edited = not edited

    extractor = threading.Thread(target=keep_extracting)
    session = Review(db_file, "--new", "1000")
    extractor.start()
    try:
        ratings = "3314323133243313331432313"
        rate(session, ratings, rng=random.Random(5))
        code = quit_session(session, len(ratings))
    finally:
        stop.set()
        extractor.join(120)
        if session.process.poll() is None:
            session.kill()
    assert code == 0 and session.error_output == ""
    assert [(result.returncode, result.stderr) for result in extracts] == [(0, "")] * len(
        extracts)
    generated_notes(notes, 60, edited=True)
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


def snapshot(path: Path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return (conn.execute("SELECT * FROM cards ORDER BY id").fetchall()
                + conn.execute("SELECT * FROM reviews ORDER BY id").fetchall())


def assert_one_line_locked_error(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    assert "locked by another" in lines[0], stderr


SHORT_WAIT = {"REVISE_BUSY_TIMEOUT_MS": "300"}


def test_extract_on_a_database_locked_too_long_is_a_one_line_error(tmp_path):
    db_file = tmp_path / "revise.db"
    notes = tmp_path / "notes.txt"
    generated_notes(notes, 20)
    assert extract(db_file, notes).returncode == 0
    before = snapshot(db_file)
    generated_notes(notes, 20, edited=True)
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
    generated_notes(notes, 20)
    assert extract(db_file, notes).returncode == 0
    session = Review(db_file, env=SHORT_WAIT)
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
    generated_notes(notes, 20)
    assert extract(db_file, notes).returncode == 0
    generated_notes(notes, 20, edited=True)
    lock = Lock(db_file)
    timer = threading.Timer(1.0, lock.release)
    timer.start()
    try:
        result = extract(db_file, notes)  # the default wait, 5 s
    finally:
        timer.join()
    assert result.returncode == 0, result.stderr
    assert "updated" in result.stdout
