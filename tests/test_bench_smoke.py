"""The benchmark (`bench/run.py`, `make bench`) at a tiny scale, so it cannot rot.

Not a timing test: it checks that the generated data is what the benchmark claims,
that every measurement runs end to end, that each rating is committed, and that the
figures come out as JSON.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from revise.extract import extract_cards
from revise.store import Store
from revise.times import utc_now
from tests.conftest import ROOT

BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402

SCHEDULE = ("state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses")


def test_generated_notes_give_cards_of_every_kind(tmp_path):
    notes = tmp_path / "notes.md"
    generate.write_notes(notes, 400, seed=5)
    drafts = extract_cards(notes.read_text(encoding="utf-8"), "bench")
    assert 200 <= len(drafts) <= 500
    assert {str(draft.kind) for draft in drafts} >= {"date", "figure", "cause", "definition"}
    assert len({draft.topic for draft in drafts}) > 5


def test_generated_history_leaves_each_card_as_its_last_review_left_it(tmp_path):
    notes, database = tmp_path / "notes.md", tmp_path / "revise.db"
    # Enough cards that some are due now: about three in a hundred are (see _card_history).
    generate.write_notes(notes, 800, seed=5)
    with Store(database) as store:
        store.sync_cards("bench", notes, extract_cards(notes.read_text(), "bench"),
                         now=utc_now())
    now = datetime(2026, 11, 27, 12, tzinfo=UTC)
    studied, total = generate.write_history(database, 2000, now=now)
    conn = sqlite3.connect(database)
    assert total == conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 2000
    history: dict[str, list] = {}
    for card_id, rating, at, state, before, after in conn.execute(
            "SELECT card_id, rating, reviewed_at, state, state_before, state_after FROM reviews"
            " ORDER BY id"):
        assert rating in (1, 2, 3, 4)
        assert now - timedelta(days=731) <= datetime.fromisoformat(at) <= now
        assert state == json.loads(before)["state"]
        history.setdefault(card_id, []).append((at, json.loads(before), json.loads(after)))
    assert len(history) == studied
    cards = {row[0]: dict(zip(SCHEDULE, row[1:], strict=True)) for row in conn.execute(
        f"SELECT id, {', '.join(SCHEDULE)} FROM cards")}
    for card_id, reviews in history.items():
        assert [at for at, _, _ in reviews] == sorted(at for at, _, _ in reviews)
        assert reviews[0][1]["state"] == "new"
        for (_, _, after), (_, before, _) in zip(reviews, reviews[1:], strict=False):
            assert before == after  # each answer starts where the one before left off
        assert cards[card_id] == reviews[-1][2]
    assert any(card["state"] == "new" for card in cards.values())
    assert any(card["due"] and card["due"] < now.isoformat() for card in cards.values())


def test_the_benchmark_runs_end_to_end_and_prints_its_figures_as_json(tmp_path):
    with_anki = importlib.util.find_spec("anki") is not None
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--cards", "200", "--reviews", "2000",
         "--runs", "1", "--slow-runs", "1", "--ratings", "30", "--out", str(tmp_path),
         "--json", *([] if with_anki else ["--no-anki"])],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    revise = figures["revise"]
    for key in ("extract", "extract_unchanged", "due", "stats", "cards_search", "help",
                "review_first_card", "export", "import"):
        assert revise[key]["median"] > 0 and revise[key]["peak_mb"] > 0, key
    assert revise["rate_next"]["ratings"] == 30
    assert figures["reviews"] == 2000
    if with_anki:
        # Anki stops early when its queue runs dry (20 new cards a day, learning cards
        # only when due): on 200 cards that depends on the time of day
        assert 0 < figures["anki"]["answer"]["ratings"] <= 30
        assert set(figures["ratios"]) == {"extract", "rate_next", "export", "import"}
    assert list(tmp_path.iterdir()) == []  # nothing left behind
