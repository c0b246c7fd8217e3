"""The review session: scripted keys in-process, and the installed `revise review` in a
pseudo-terminal (real keystrokes, Ctrl-C, SIGKILL)."""

from __future__ import annotations

import io
import json
import os
import select
import signal
import sqlite3
import sys
import time
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from revise.environment import clock_from_env
from revise.errors import StoreError
from revise.models import SCHEDULE_COLUMNS
from revise.review import (
    Options,
    Screen,
    ScriptedKeys,
    Session,
    check_answer,
    normalise,
)
from revise.scheduler import Rating, schedule_of
from revise.store import Store
from revise.store import reviews as queue
from revise.times import iso
from tests.review_support import NOW, Clock, add_cards

REVISE = Path(sys.executable).with_name("revise")


def session(store: Store, keys: list[str], clock: Clock | None = None,
            **options) -> tuple[Session, io.StringIO]:
    out = io.StringIO()
    screen = Screen(Console(file=out, width=80, color_system=None))
    options.setdefault("fuzz", False)
    options.setdefault("tz", UTC)
    return Session(store, Options(**options), ScriptedKeys(keys), screen,
                   clock=clock or Clock(step=1)), out


def reviews(store: Store) -> list[dict]:
    return list(store.db.query("SELECT * FROM reviews ORDER BY id"))


def card_row(store: Store, card_id: str) -> dict:
    return next(store.db.query("SELECT * FROM cards WHERE id = ?", [card_id]))


# --- answering ------------------------------------------------------------------------


def test_each_answer_is_stored_with_the_state_before_and_after(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 2)
        run, _ = session(store, [" ", "3", " ", "1", "q"])
        summary = run.run()
        rows = reviews(store)
        assert [(row["card_id"], row["rating"]) for row in rows] == [(ids[0], 3), (ids[1], 1)]
        first = rows[0]
        assert json.loads(first["state_before"])["state"] == "new"
        assert json.loads(first["state_after"])["state"] == "learning"
        assert first["state"] == "new"
        assert first["duration_ms"] >= 0
        assert card_row(store, ids[0])["reps"] == 1
        assert summary.ratings == {Rating.GOOD: 1, Rating.AGAIN: 1}
        assert summary.cards == set(ids)


def test_the_screen_shows_deck_topic_counts_and_button_intervals(db_file):
    with Store(db_file) as store:
        add_cards(store, 3)
        run, out = session(store, [" ", "q"])
        run.run()
    text = out.getvalue()
    assert "history › Stalin › Topic 0" in text
    assert "3 new · 0 learning · 0 due" in text
    assert "Q 0.0" in text and "A 0.0" in text
    assert "1 Again 1m" in text and "3 Good 10m" in text and "4 Easy 8d" in text


def test_keys_other_than_the_commands_are_ignored(db_file):
    with Store(db_file) as store:
        add_cards(store, 1)
        session(store, ["x", "5", " ", "x", "9", "2", "q"])[0].run()
        assert [row["rating"] for row in reviews(store)] == [2]


def test_learning_cards_come_back_in_the_same_session(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 1)
        clock = Clock(step=1)
        run, _ = session(store, [" ", "1", " ", "3", " ", "3", "q"], clock)
        run.run()
        assert [row["card_id"] for row in reviews(store)] == ids * 3
        assert card_row(store, ids[0])["state"] == "review"


def test_quitting_shows_a_summary_and_when_the_next_card_is_due(db_file):
    with Store(db_file) as store:
        add_cards(store, 1)
        run, out = session(store, [" ", "4"])  # the script ends: quit
        run.run()
    text = out.getvalue()
    assert "Session over: 1 card, 1 answer" in text
    assert "Good 0 · Easy 1" in text
    assert "Next card due Sat 5 Dec at 10:00" in text


def test_a_session_with_nothing_due_says_when_the_next_card_is(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 1)
        store.db.execute("UPDATE cards SET state = 'review', due = '2026-11-29T09:00:00+00:00',"
                         " stability = 3, difficulty = 5, last_review = '2026-11-26T09:00:00+00:00'"
                         " WHERE id = ?", ids)
        run, out = session(store, [])
        summary = run.run()
    assert summary.answers == 0
    assert "Nothing due now." in out.getvalue()
    assert "Next card due Sun 29 Nov at 09:00" in out.getvalue()


def test_ctrl_c_ends_the_session_like_q(db_file):
    class Interrupting(ScriptedKeys):
        def key(self) -> str:
            if not self.script:
                raise KeyboardInterrupt
            return super().key()

    with Store(db_file) as store:
        add_cards(store, 3)
        out = io.StringIO()
        run = Session(store, Options(fuzz=False, tz=UTC), Interrupting([" ", "3"]),
                      Screen(Console(file=out, width=80)), clock=Clock(step=1))
        run.run()
        assert len(reviews(store)) == 1
    assert "Session over" in out.getvalue()


# --- undo and suspend -----------------------------------------------------------------


def test_undo_restores_the_card_and_deletes_its_review(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 2)
        before = card_row(store, ids[0])
        run, _ = session(store, [" ", "3", "u", "q"])
        summary = run.run()
        assert reviews(store) == []
        assert card_row(store, ids[0]) == before
        assert summary.answers == 0 and summary.cards == set()


def test_an_undone_card_is_shown_again_and_can_be_rated_anew(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 2)
        run, out = session(store, [" ", "1", " ", "u", " ", "4", "q"])
        run.run()
        assert [(row["card_id"], row["rating"]) for row in reviews(store)] == [(ids[0], 4)]
        assert card_row(store, ids[0])["state"] == "review"


def test_undo_twice_goes_back_two_answers(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 3)
        session(store, [" ", "3", " ", "3", "u", "u", "q"])[0].run()
        assert reviews(store) == []
        assert {card_row(store, card_id)["state"] for card_id in ids} == {"new"}


def test_undo_refuses_when_the_card_was_answered_again_elsewhere(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 1)
        session(store, [" ", "3", "q"])[0].run()
        first = reviews(store)[0]["id"]
        row = card_row(store, ids[0])
        schedule = {name: row[name] for name in SCHEDULE_COLUMNS}
        after = {**schedule, "reps": 2}
        assert queue.record_rating(store, ids[0], schedule, after, rating=3,
                                reviewed_at=iso(NOW), duration_ms=1) is not None
        assert queue.undo_rating(store, first) is None
        assert len(reviews(store)) == 2


def test_suspend_takes_the_card_out_for_good(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 2)
        session(store, ["s", " ", "3", "q"])[0].run()
        assert card_row(store, ids[0])["suspended"] == 1
        assert [row["card_id"] for row in reviews(store)] == [ids[1]]
        run, _ = session(store, [])
        run.build(NOW + timedelta(days=1))
        assert ids[0] not in {card.id for card in run.queue.new}


# --- two sessions at once -------------------------------------------------------------


def test_a_card_answered_by_another_session_is_skipped_not_counted_twice(db_file):
    with Store(db_file) as one, Store(db_file) as two:
        ids = add_cards(one, 2)
        first, _ = session(one, [])
        second, _ = session(two, [])
        first.build(NOW)
        second.build(NOW)
        drawn_one = first.draw(NOW)
        drawn_two = second.draw(NOW)
        assert drawn_one[0].id == drawn_two[0].id == ids[0]
        scheduler = first.scheduler(drawn_one[1])
        first.rate(drawn_one[0], drawn_one[1], scheduler, schedule_of(drawn_one[1]),
                    Rating.GOOD, 0)
        second.rate(drawn_two[0], drawn_two[1], scheduler, schedule_of(drawn_two[1]),
                     Rating.EASY, 0)
        assert [row["rating"] for row in reviews(one)] == [3]
        assert second.summary.skipped == 1
        assert second.draw(NOW)[0].id == ids[1]  # the first card is in learning, not due


def test_record_rating_refuses_a_stale_card(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 1)
        row = card_row(store, ids[0])
        schedule = {name: row[name] for name in SCHEDULE_COLUMNS}
        after = {**schedule, "state": "learning", "reps": 1, "due": iso(NOW)}
        assert queue.record_rating(store, ids[0], schedule, after, rating=3, reviewed_at=iso(NOW),
                                duration_ms=5) is not None
        assert queue.record_rating(store, ids[0], schedule, after, rating=3, reviewed_at=iso(NOW),
                                duration_ms=5) is None
        assert len(reviews(store)) == 1


# --- typed answers --------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "expected", "rating"), [
    ("general secretary", "General Secretary", Rating.GOOD),
    ("  Comrade   card-index!", "“comrade card index”", Rating.GOOD),
    ("801000", "801,000", Rating.GOOD),
    ("Kamenev and Zinoviev", "Kamanev and Zinoviev", Rating.HARD),
    ("1925", "1924", Rating.AGAIN),
    ("December 1934", "Dec 1935", Rating.AGAIN),
    ("Trotsky", "Bukharin", Rating.AGAIN),
    ("", "1924", Rating.AGAIN),
    ("the 1st five year plan", "1st Five-Year Plan", Rating.HARD),
])
def test_typed_answers_are_checked(typed, expected, rating):
    assert check_answer(typed, expected).rating == rating


def test_normalising_ignores_case_spacing_and_punctuation_but_keeps_numbers():
    assert normalise("  The ‘Great   Purge’, 1936-38. ") == "the great purge 1936 38"
    assert normalise("1.5 million; 2,800,000") == "1.5 million 2800000"


def test_a_near_miss_shows_the_words_that_differ():
    verdict = check_answer("Kamenev and Zinoviev", "Kamanev and Zinoviev")
    assert verdict.diff is not None
    assert verdict.diff.plain == "kamenev kamanev and zinoviev"
    assert "nearly" in verdict.message


def test_type_mode_accepts_the_suggested_rating_with_enter(db_file):
    with Store(db_file) as store:
        add_cards(store, 2)
        run, out = session(store, ["A 0.0", "\r", "A 1.9", "2", "q"], type_answer=True)
        run.run()
        assert [row["rating"] for row in reviews(store)] == [3, 2]
    text = out.getvalue()
    assert "correct" in text and "▸3 Good" in text


def test_type_mode_with_no_answer_just_shows_it(db_file):
    with Store(db_file) as store:
        add_cards(store, 1)
        run, _ = session(store, ["", "\r", "4", "q"], type_answer=True)
        run.run()
        assert [row["rating"] for row in reviews(store)] == [4]  # Enter alone does nothing


# --- the command ----------------------------------------------------------------------


def test_review_without_a_terminal_says_so_and_fails(revise):
    result = revise("review", input="3\n")
    assert result.exit_code == 1
    assert "needs an interactive terminal" in result.stderr


def test_review_of_an_unknown_deck_names_the_decks(db_file):
    with Store(db_file) as store:
        add_cards(store, 1, deck="stalin")
        with pytest.raises(StoreError, match="no deck named 'lenin'; decks: stalin"):
            session(store, [], deck="lenin")


def test_revise_now_sets_a_running_clock():
    clock = clock_from_env({"REVISE_NOW": "2026-11-27T10:00:00+00:00"})
    first = clock()
    assert first - NOW < timedelta(seconds=1)
    assert clock() >= first


# --- a real terminal ------------------------------------------------------------------


class Terminal:
    """`revise review` in a pseudo-terminal: send keys, wait for text on the screen."""

    def __init__(self, db_file: Path, *args: str):
        env = {**os.environ, "REVISE_DB": str(db_file), "REVISE_NOW": iso(NOW),
               "REVISE_FUZZ": "0", "TERM": "xterm", "COLUMNS": "80", "LINES": "40", "TZ": "UTC"}
        import pty

        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            os.execve(str(REVISE), [str(REVISE), "review", *args], env)
        self.output = b""

    def read(self, timeout: float = 0.05) -> None:
        while select.select([self.fd], [], [], timeout)[0]:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: str, count: int = 1, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while self.output.decode(errors="replace").count(text) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {text!r} x{count}:\n{self.text[-2000:]}")
            self.read()

    @property
    def text(self) -> str:
        return self.output.decode(errors="replace")

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def finish(self, timeout: float = 10) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.read()
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError("revise review did not exit")


QUESTION = "show the answer"
PROMPT = "Enter alone to just show it"
ANSWER = "1-4: rate"


@pytest.mark.skipif(not REVISE.exists(), reason="revise is not installed in this environment")
def test_review_in_a_real_terminal_stores_the_keys_pressed(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 3)
    term = Terminal(db_file)
    for number, rating in enumerate("341", start=1):
        term.wait_for(QUESTION, number)
        term.send(" ")
        term.wait_for(ANSWER, number)
        term.send(rating)
    term.wait_for(QUESTION, 4)
    term.send("q")
    term.wait_for("Session over")
    assert term.finish() == 0
    assert "3 cards, 3 answers" in term.text
    with Store(db_file) as store:
        assert [(row["card_id"], row["rating"]) for row in reviews(store)] == list(
            zip(ids, (3, 4, 1), strict=True))


@pytest.mark.skipif(not REVISE.exists(), reason="revise is not installed in this environment")
def test_typed_answers_in_a_real_terminal(db_file):
    with Store(db_file) as store:
        add_cards(store, 2)
    term = Terminal(db_file, "--type")
    term.wait_for(PROMPT)
    term.send("a 0.0\r")
    term.wait_for("correct")
    term.send("\r")  # accept the suggested Good
    term.wait_for(PROMPT, 2)
    term.send("A 9.9\r")
    term.wait_for("the numbers or dates differ")
    term.send("2")  # overrule the suggested Again
    term.wait_for(PROMPT, 3)
    term.send("\x03")  # Ctrl-C while typing quits too
    term.wait_for("Session over")
    assert term.finish() == 0
    with Store(db_file) as store:
        assert [row["rating"] for row in reviews(store)] == [3, 2]


@pytest.mark.skipif(not REVISE.exists(), reason="revise is not installed in this environment")
def test_ctrl_c_in_a_real_terminal_quits_with_a_summary(db_file):
    with Store(db_file) as store:
        add_cards(store, 2)
    term = Terminal(db_file)
    term.wait_for(QUESTION)
    term.send(" ")
    term.wait_for(ANSWER)
    term.send("3")
    term.wait_for(QUESTION, 2)
    term.send("\x03")
    term.wait_for("Session over")
    assert term.finish() == 0
    with Store(db_file) as store:
        assert len(reviews(store)) == 1


@pytest.mark.skipif(not REVISE.exists(), reason="revise is not installed in this environment")
def test_sigkill_mid_session_loses_no_answer_already_accepted(db_file):
    with Store(db_file) as store:
        add_cards(store, 12)
    term = Terminal(db_file)
    accepted = 0
    for rating in "3124313":
        term.wait_for(QUESTION, accepted + 1)
        term.send(" ")
        term.wait_for(ANSWER, accepted + 1)
        term.send(rating)
        term.wait_for(QUESTION, accepted + 2)  # the next card is drawn only after the commit
        accepted += 1
    term.send(" 3")  # one more answer, killed while it may be on its way
    os.kill(term.pid, signal.SIGKILL)
    os.waitpid(term.pid, 0)
    os.close(term.fd)

    connection = sqlite3.connect(db_file)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = connection.execute("SELECT card_id, rating FROM reviews ORDER BY id").fetchall()
        assert [rating for _, rating in stored[:accepted]] == [3, 1, 2, 4, 3, 1, 3]
        assert len(stored) in (accepted, accepted + 1)
        assert len(set(stored[:accepted])) == accepted
        reps = connection.execute("SELECT sum(reps) FROM cards").fetchone()[0]
        assert reps == len(stored)  # every stored review changed its card, and only those
    finally:
        connection.close()


def _wal_bytes_after_session(db_file: Path, every: int, monkeypatch) -> tuple[int, list[int]]:
    import revise.review

    monkeypatch.setattr(revise.review, "CHECKPOINT_EVERY", every)
    stored_at_checkpoint: list[int] = []
    copy_log = queue.checkpoint

    def counting_checkpoint(store: Store) -> None:
        stored_at_checkpoint.append(len(reviews(store)))
        copy_log(store)

    monkeypatch.setattr(queue, "checkpoint", counting_checkpoint)
    with Store(db_file) as store:
        add_cards(store, 60)
        run, _ = session(store, [" ", "4"] * 60 + ["q"], new=60)
        assert run.run().answers == 60
        wal = Path(f"{db_file}-wal").stat().st_size
    return wal, stored_at_checkpoint


def test_the_log_is_copied_into_the_database_file_while_a_question_is_shown(
        tmp_path, monkeypatch):
    wal, checkpoints = _wal_bytes_after_session(tmp_path / "often.db", 10, monkeypatch)
    assert checkpoints == [10, 20, 30, 40, 50]  # after the answers, before the next key
    unchecked, none = _wal_bytes_after_session(tmp_path / "never.db", 10**6, monkeypatch)
    assert none == []
    assert wal < unchecked / 2  # the log starts over instead of growing all session
