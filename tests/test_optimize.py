"""`revise optimize`: fitting FSRS parameters to the review log, on histories simulated from
known parameters with a fixed seed."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from revise import optimize as fit
from revise.scheduler import DeckScheduler, schedule_of
from revise.store import Store, store_error
from revise.store import parameters as parameter_store
from revise.times import iso
from tests.review_support import Clock, add_cards
from tests.support.snapshot import snapshot

START = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def true_parameters() -> list[float]:
    """A student who forgets faster than FSRS's average one, on a steeper curve."""
    weights = fit.default_parameters()
    weights[0:4] = [0.1, 0.5, 1.2, 4.0]  # initial stability after Again .. Easy
    weights[8] = 1.4  # stability grows less after a success
    weights[20] = 0.35  # decay
    return weights


def simulate(cards: int, reviews_per_card: int, seed: int,
             truth: list[float]) -> list[tuple[int, int, datetime]]:
    """(card, rating, time) reviews: memory follows `truth`; reviews come when FSRS with its
    defaults schedules them, give or take a day; recall is drawn from the true chance."""
    import fsrs

    rng = random.Random(seed)
    memory = fsrs.Scheduler(parameters=truth, learning_steps=(), relearning_steps=(),
                            enable_fuzzing=False)
    planner = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False,
                             desired_retention=0.85)
    history = []
    for card in range(cards):
        now = START + timedelta(days=rng.randrange(60), minutes=rng.randrange(600))
        remembered = planned = fsrs.Card(card_id=card, due=now)
        for number in range(reviews_per_card):
            if number == 0:
                rating = rng.choices([1, 2, 3, 4], [0.2, 0.1, 0.5, 0.2])[0]
            elif rng.random() > memory.get_card_retrievability(remembered, now):
                rating = 1
            else:
                rating = rng.choices([2, 3, 4], [0.15, 0.7, 0.15])[0]
            history.append((card, rating, now))
            remembered, _ = memory.review_card(remembered, fsrs.Rating(rating), now)
            planned, _ = planner.review_card(planned, fsrs.Rating(rating), now)
            now = planned.due + timedelta(minutes=rng.randrange(-120, 1440))
    return history


def rows_of(history, name=str) -> list[tuple[str, int, str]]:
    return [(name(card), rating, iso(moment)) for card, rating, moment in history]


def store_history(store: Store, history, deck: str = "history") -> list[str]:
    """Cards answered as a session would have answered them (default FSRS, no fuzz), with
    their review rows, written in bulk."""
    ids = add_cards(store, max(card for card, _, _ in history) + 1, deck=deck, topics=5)
    scheduler = DeckScheduler(fuzz=False)
    schedules = {card_id: dict(fit.NEW_SCHEDULE) for card_id in ids}
    rows = []
    for card, rating, moment in history:
        card_id = ids[card]
        before = schedules[card_id]
        after = schedules[card_id] = scheduler.rate(before, rating, moment)
        rows.append((card_id, rating, iso(moment), 3000, before["state"],
                     json.dumps(before), json.dumps(after)))
    with store.transaction():
        store.db.conn.executemany(
            "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, state,"
            " state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        store.db.conn.executemany(
            "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?,"
            " last_review = ?, reps = ?, lapses = ? WHERE id = ?",
            [[*schedule.values(), card_id] for card_id, schedule in schedules.items()])
    return ids


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.db"
    with Store(path) as store:
        store_history(store, simulate(300, 8, seed=7, truth=true_parameters()))
    return path


@pytest.fixture
def reviewed_db(synthetic_db, db_file) -> Path:
    """A copy of the synthetic database (2,400 reviews of 300 cards) for one test."""
    with Store(synthetic_db) as store:
        store.backup_to(db_file)
    return db_file


# --- parameters: same version and order in both packages ---------------------------------


def test_fsrs_rs_defaults_are_fsrs6_in_the_order_fsrs_schedules_with():
    from fsrs_rs_python import DEFAULT_PARAMETERS

    assert len(DEFAULT_PARAMETERS) == fit.FSRS6_LENGTH
    assert pytest.approx(fit.default_parameters(), abs=1e-6) == DEFAULT_PARAMETERS


def test_fsrs5_parameters_are_filled_in_as_fsrs_rs_fills_them():
    from fsrs_rs_python import DEFAULT_PARAMETERS, check_and_fill_parameters

    fsrs5 = list(DEFAULT_PARAMETERS[:19])
    assert fit.fsrs6(fsrs5) == pytest.approx(check_and_fill_parameters(fsrs5), abs=1e-6)


@pytest.mark.parametrize("count", [0, 17, 20, 22])
def test_other_parameter_layouts_are_refused(count):
    with pytest.raises(fit.OptimizeError, match=f"got {count}"):
        fit.fsrs6([0.5] * count)


def test_fitted_parameters_are_accepted_by_the_scheduler(reviewed_db):
    with Store(reviewed_db) as store:
        parameters = fit.fit_parameters(fit.build_history(parameter_store.review_history(store)))
    assert len(parameters) == 21
    scheduler = DeckScheduler(parameters=parameters, fuzz=False)
    assert scheduler.decay == pytest.approx(-parameters[20])


# --- items from the log ---------------------------------------------------------------------


def test_items_hold_the_history_up_to_each_review_in_whole_days():
    times = [START, START + timedelta(hours=3), START + timedelta(days=2, hours=1),
             START + timedelta(days=2, hours=20), START + timedelta(days=9)]
    items = fit.card_items(list(zip([1, 3, 3, 2, 4], times, strict=True)))
    # the second review is the same day and nothing before it is a day apart: no item
    assert items == [
        ([(1, 0), (3, 0), (3, 1)], True),
        ([(1, 0), (3, 0), (3, 1), (2, 0)], False),  # same-day review: fitted, not scored
        ([(1, 0), (3, 0), (3, 1), (2, 0), (4, 6)], True),
    ]


def test_days_are_counted_as_fsrs_counts_them():
    assert fit.days_between(START, START + timedelta(hours=23, minutes=59)) == 0
    assert fit.days_between(START, START + timedelta(days=1)) == 1
    assert fit.days_between(START, START + timedelta(days=6, hours=23)) == 6


def test_history_counts_cards_and_reviews_and_groups_by_card():
    rows = [("a", 3, iso(START)), ("a", 3, iso(START + timedelta(days=3))),
            ("b", 1, iso(START)), ("b", 0, iso(START + timedelta(days=1))),
            ("b", 3, iso(START + timedelta(days=1)))]
    history = fit.build_history(rows)
    assert (history.cards, history.reviews, len(history.items), len(history.scored)) == (
        2, 4, 2, 2)
    assert not history.enough


# --- the fit recovers the student's parameters ------------------------------------------------


def test_fit_on_a_simulated_student_beats_the_defaults_on_held_out_reviews():
    history = simulate(600, 8, seed=1, truth=true_parameters())
    train = fit.build_history(rows_of([row for row in history if row[0] % 5]))
    held_out = fit.build_history(rows_of([row for row in history if row[0] % 5 == 0]))
    fitted = fit.fit_parameters(train)
    default = fit.score(fit.default_parameters(), held_out.scored)
    learned = fit.score(fitted, held_out.scored)
    truth = fit.score(true_parameters(), held_out.scored)
    assert learned.log_loss < default.log_loss - 0.01
    assert learned.rmse < default.rmse
    # and it is nearly as good as knowing the true parameters
    assert learned.log_loss - truth.log_loss < (default.log_loss - truth.log_loss) / 3


def test_fitted_parameters_are_kept_only_if_better_on_both_measures():
    good, bad = fit.Score(0.30, 0.02), fit.Score(0.35, 0.05)
    assert fit.Fit([], default=bad, fitted=good).better
    assert not fit.Fit([], default=good, fitted=bad).better
    assert not fit.Fit([], default=fit.Score(0.35, 0.01), fitted=good).better
    assert not fit.Fit([], default=bad, fitted=good, current=fit.Score(0.29, 0.03)).better


# --- the command --------------------------------------------------------------------------------


def test_optimize_reports_reviews_log_loss_and_rmse_and_keeps_better_parameters(
        revise, reviewed_db):
    result = revise("optimize", "--deck", "history")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2,400 reviews of 300 cards in deck history" in out
    assert "log loss" in out and "RMSE" in out
    lines = {line.split()[0]: line.split()[1:] for line in out.splitlines()
             if line.startswith(("default", "fitted"))}
    assert float(lines["fitted"][0]) < float(lines["default"][0])
    assert float(lines["fitted"][1]) < float(lines["default"][1])
    assert "Kept the fitted parameters for deck history; 300 cards rescheduled" in out
    with Store(reviewed_db) as store:
        stored = parameter_store.deck_parameters(store)
    assert len(next(iter(stored.values()))) == 21


def test_a_second_run_compares_with_the_parameters_now_in_use(revise, reviewed_db):
    revise("optimize")
    result = revise("optimize", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "current" in result.stdout
    assert "better than the parameters in use: nothing changed" in result.stdout


def test_dry_run_reports_and_changes_nothing(revise, reviewed_db):
    before = snapshot(reviewed_db)
    result = revise("optimize", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "fitted" in result.stdout and "Dry run: nothing changed" in result.stdout
    assert snapshot(reviewed_db) == before


def test_too_few_reviews_says_so_and_changes_nothing(revise, db_file):
    with Store(db_file) as store:
        store_history(store, simulate(10, 5, seed=3, truth=true_parameters()))
    before = snapshot(db_file)
    result = revise("optimize")
    assert result.exit_code == 0, result.output
    assert "50 reviews of 10 cards" in result.stdout
    assert f"at least {fit.MIN_REVIEWS}" in result.stdout and "Nothing changed" in result.stdout
    assert snapshot(db_file) == before


def test_parameters_that_are_not_better_are_not_kept(revise, reviewed_db, monkeypatch):
    monkeypatch.setattr(fit, "fit_parameters", lambda history: fit.default_parameters())
    before = snapshot(reviewed_db)
    result = revise("optimize")
    assert result.exit_code == 0, result.output
    assert "do not predict your reviews better than the defaults: nothing changed" in (
        result.stdout)
    assert snapshot(reviewed_db) == before


def test_memory_states_are_replayed_with_the_fitted_parameters_and_reviews_untouched(
        revise, reviewed_db, monkeypatch):
    monkeypatch.setenv("REVISE_FUZZ", "0")
    before = snapshot(reviewed_db)
    assert revise("optimize").exit_code == 0
    after = snapshot(reviewed_db)
    assert after["reviews"] == before["reviews"]
    parameters = json.loads(after["decks"][0]["parameters"])
    scheduler = DeckScheduler(parameters=parameters, fuzz=False)
    with Store(reviewed_db) as store:
        logs = card_reviews(store)
    changed = 0
    for card in after["cards"]:
        replayed = fit.replay([(review["rating"], datetime.fromisoformat(review["reviewed_at"]))
                               for review in logs[card["id"]]], scheduler)
        assert schedule_of(card) == pytest.approx(replayed)
        changed += schedule_of(card) != logs[card["id"]][-1]["state_after"]
    assert changed > 250  # nearly every card's state moved to the fitted model's
    # replayed on purpose: the doctor does not take them for cards out of step with their log
    assert "does not match its latest review" not in revise("doctor").stdout


def test_replay_matches_fsrs_reschedule_card():
    import fsrs

    parameters = true_parameters()
    reviews = [(3, START), (3, START + timedelta(minutes=12)), (1, START + timedelta(days=3)),
               (3, START + timedelta(days=3, minutes=15)), (4, START + timedelta(days=10))]
    mine = fit.replay(reviews, DeckScheduler(parameters=parameters, fuzz=False))
    scheduler = fsrs.Scheduler(parameters=parameters, enable_fuzzing=False)
    logs = [fsrs.ReviewLog(card_id=1, rating=fsrs.Rating(rating), review_datetime=moment,
                           review_duration=None) for rating, moment in reviews]
    theirs = scheduler.reschedule_card(fsrs.Card(card_id=1, due=START), logs)
    assert (mine["stability"], mine["difficulty"], mine["due"]) == (
        pytest.approx(theirs.stability), pytest.approx(theirs.difficulty), iso(theirs.due))
    assert (mine["reps"], mine["lapses"]) == (5, 1)


def test_a_card_answered_meanwhile_keeps_the_state_its_answer_gave(reviewed_db):
    with Store(reviewed_db) as store:
        card_id, last = store.db.execute(
            "SELECT card_id, max(id) FROM reviews GROUP BY card_id LIMIT 1").fetchone()
        stale = {**fit.NEW_SCHEDULE, "state": "review", "stability": 99.0}
        updated = parameter_store.store_fitted(store, [1], fit.default_parameters(),
                                       [(card_id, last - 1, stale)])
        card = next(store.db.query("SELECT * FROM cards WHERE id = ?", [card_id]))
    assert updated == 0 and card["stability"] != 99.0


def test_the_session_schedules_with_the_decks_parameters(db_file):
    from tests.test_review import session

    with Store(db_file) as store:
        (card_id,) = add_cards(store, 1)
        parameters = fit.default_parameters()
        parameters[3] = 40.0  # initial stability after Easy
        store.db.execute("UPDATE decks SET parameters = ?", [json.dumps(parameters)])
        run, _ = session(store, [" ", "4", "q"], clock=Clock(step=1))
        run.run()
        card = next(store.db.query("SELECT * FROM cards WHERE id = ?", [card_id]))
    assert card["stability"] == pytest.approx(40.0)


def test_unknown_deck_is_one_line_error(revise, reviewed_db):
    result = revise("optimize", "--deck", "nope")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: no deck named 'nope'; decks: history"


def test_no_reviews_is_one_line_error(revise, db_file):
    with Store(db_file) as store:
        add_cards(store, 3)
    result = revise("optimize")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: no reviews yet: nothing to fit"


def test_a_database_error_is_one_line_and_changes_nothing(revise, reviewed_db, monkeypatch):
    import sqlite3

    def broken(*args, **kwargs):
        raise store_error(reviewed_db, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(parameter_store, "store_fitted", broken)
    before = snapshot(reviewed_db)
    result = revise("optimize")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "disk I/O error" in result.stderr
    assert snapshot(reviewed_db) == before


# --- desired retention ----------------------------------------------------------------------------


def test_the_suggestion_is_the_highest_retention_close_to_the_least_work_per_card():
    costs = {0.70: 2.0, 0.75: 2.0, 0.80: 2.05, 0.85: 2.15, 0.90: 2.6, 0.95: 4.0}
    points = [fit.RetentionPoint(r, cost * 100, 100) for r, cost in costs.items()]
    assert fit.suggest_retention(points, slack=0.25) == 0.85


def test_the_workload_curve_rises_with_retention():
    points = fit.retention_curve(true_parameters(), cards_per_day=5, days=120,
                                 retentions=(0.75, 0.97))
    assert points[1].minutes > points[0].minutes


def test_retention_suggests_the_config_command_for_the_deck(revise, reviewed_db, monkeypatch):
    def curve(parameters, **options):
        return [fit.RetentionPoint(r, 100 * (1 + max(0, r - 0.85) * 20), 100)
                for r in fit.RETENTION_SWEEP]

    monkeypatch.setattr(fit, "retention_curve", curve)
    result = revise("optimize", "--deck", "history", "--retention", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Suggested desired retention: 0.85 (now 0.9)" in result.stdout
    assert "revise config retention 0.85 --deck history" in result.stdout


def card_reviews(store: Store) -> dict[str, list[dict]]:
    """Each card's reviews, oldest first, with the state after each decoded."""
    history: dict[str, list[dict]] = {}
    for review in store.db.query("SELECT * FROM reviews ORDER BY reviewed_at, id"):
        review["state_after"] = json.loads(review["state_after"] or "{}")
        history.setdefault(review["card_id"], []).append(review)
    return history


@pytest.mark.skipif(not Path(sys.executable).with_name("revise").exists(),
                    reason="revise is not installed")
def test_optimize_shows_a_bar_at_a_terminal_and_nothing_piped(reviewed_db):
    from tests.test_progress_bar import REVISE, in_a_terminal

    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "REVISE_FUZZ": "0"}
    argv = [str(REVISE), "optimize", "--dry-run", "--db", str(reviewed_db)]
    code, shown = in_a_terminal(argv, env)
    assert code == 0, shown
    assert "Fitting to your reviews" in shown
    piped = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300)
    assert piped.returncode == 0 and piped.stderr == ""
