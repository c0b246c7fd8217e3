"""The store: schema versions, refusing what is not ours, and card identity across edits."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from revise.errors import StoreError
from revise.models import CardDraft, Kind
from revise.store import Store, migrations
from revise.store.migrations import schema_version
from revise.store.reviews import queue_cards
from revise.sync import plan_sync
from revise.times import iso
from tests.review_support import add_cards

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
NOTES = Path("/notes/history.txt")


def draft(source: str, answer: str, *, kind: Kind = Kind.DATE, topic=("Rivals",), slot=0):
    question = source.replace(answer, "____") + " When?"
    return CardDraft(deck="history", topic=topic, kind=kind, question=question, answer=answer,
                     source=source, slot=slot)


def sync(store: Store, drafts: list[CardDraft]):
    return store.sync_cards("history", NOTES, drafts, now=NOW)


def test_new_database_gets_current_schema_and_wal(db_file):
    with Store(db_file) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        assert store.db.journal_mode == "wal"
        assert {"decks", "cards", "reviews", "settings"} <= set(store.db.table_names())


def test_a_large_first_write_keeps_every_index_of_the_cards(db_file):
    from revise.store.cards import BIG_WRITE_ROWS

    def indexes(store):
        return sorted(store.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cards'"))

    with Store(db_file) as store:
        before = indexes(store)
        drafts = [draft(f"Treaty {number} was signed in {1000 + number}", str(1000 + number))
                  for number in range(BIG_WRITE_ROWS + 1)]
        sync(store, drafts)  # into an empty table: its indexes are built after the rows
        assert indexes(store) == before
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.conn.execute("SELECT count(*) FROM cards INDEXED BY idx_cards_new"
                                  " WHERE retired = 0 AND suspended = 0 AND state = 'new'"
                                  ).fetchone()[0] == BIG_WRITE_ROWS + 1


def test_a_first_write_in_pieces_keeps_every_index_of_the_cards(db_file):
    def indexes(store):
        return sorted(store.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cards'"))

    pieces = [[draft(f"Treaty {number} was signed in {1000 + number}", str(1000 + number))
               for number in range(start, start + 50)] for start in (0, 50, 100)]
    with Store(db_file) as store:
        before = indexes(store)
        plan = store.sync_pieces("history", Path("notes.txt"), iter(pieces), now=NOW)
        assert len(plan.new) == 150
        assert indexes(store) == before
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.conn.execute("SELECT count(*) FROM cards INDEXED BY idx_cards_new"
                                  " WHERE retired = 0 AND suspended = 0 AND state = 'new'"
                                  ).fetchone()[0] == 150


def test_reopening_keeps_data(db_file):
    with Store(db_file) as store:
        sync(store, [draft("Lenin dies 1924", "1924")])
    with Store(db_file) as store:
        assert [card["answer"] for card in store.cards()] == ["1924"]


def test_database_from_newer_revise_is_refused_untouched(db_file):
    with sqlite3.connect(db_file) as conn:
        conn.execute(f"PRAGMA user_version = {schema_version() + 1}")
    before = db_file.read_bytes()
    with pytest.raises(StoreError, match="newer revise"):
        Store(db_file)
    assert db_file.read_bytes() == before


def test_file_that_is_not_sqlite_is_refused_untouched(db_file):
    db_file.write_text("shopping list\n")
    with pytest.raises(StoreError, match="not an SQLite file"):
        Store(db_file)
    assert db_file.read_text() == "shopping list\n"


def test_sqlite_database_of_another_program_is_refused(db_file):
    with sqlite3.connect(db_file) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="not a revise one"):
        Store(db_file)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nowhere" / "revise.db")


def test_unchanged_notes_change_nothing(db_file):
    drafts = [draft("Lenin dies 1924", "1924"), draft("Trotsky resigns 1925", "1925")]
    with Store(db_file) as store:
        assert str(sync(store, drafts).report) == "2 new, 0 updated, 0 retired, 0 unchanged"
        assert str(sync(store, drafts).report) == "0 new, 0 updated, 0 retired, 2 unchanged"


def test_stored_cards_share_the_text_drafts_repeat(db_file):
    """Matching notes against their cards holds unchanged text once, not twice."""
    drafts = [draft("Lenin dies 1924", "1924"), draft("Trotsky resigns 1925", "1925")]
    edited = [drafts[0], draft("Trotsky resigned 1925", "1925")]
    with Store(db_file) as store:
        sync(store, drafts)
        rows = store.stored_cards("history", NOTES.name, edited)
    same = rows[drafts[0].id]
    assert same["question"] is drafts[0].question and same["source"] is drafts[0].source
    other = rows[drafts[1].id]  # its draft now has another id: its own text is kept
    assert other["source"] == "Trotsky resigns 1925"
    assert other["kind"] is same["kind"] and other["topic"] is same["topic"]


def test_typo_fix_keeps_card_id_with_new_text(db_file):
    with Store(db_file) as store:
        sync(store, [draft("Lenin dise in 1924", "1924")])
        (before,) = store.cards()
        report = sync(store, [draft("Lenin dies in 1924", "1924")]).report
        (after,) = store.cards()
    assert (report.updated, report.new, report.retired) == (1, 0, 0)
    assert after["id"] == before["id"]
    assert after["source"] == "Lenin dies in 1924"


def test_changed_answer_in_same_bullet_keeps_card(db_file):
    with Store(db_file) as store:
        sync(store, [draft("Kirov murdered Dec 1933 in Leningrad", "Dec 1933")])
        (before,) = store.cards()
        sync(store, [draft("Kirov murdered Dec 1934 in Leningrad", "Dec 1934")])
        (after,) = store.cards()
    assert after["id"] == before["id"] and after["answer"] == "Dec 1934"


def test_removed_bullet_retires_its_card_and_restoring_it_brings_it_back(db_file):
    lenin, trotsky = draft("Lenin dies 1924", "1924"), draft("Trotsky resigns 1925", "1925")
    with Store(db_file) as store:
        sync(store, [lenin, trotsky])
        assert sync(store, [lenin]).report.retired == 1
        assert [card["answer"] for card in store.cards()] == ["1924"]
        retired = store.cards(include_retired=True)
        assert {card["answer"]: card["retired"] for card in retired} == {"1924": False,
                                                                          "1925": True}
        report = sync(store, [lenin, trotsky]).report
        assert (report.new, report.updated) == (0, 1)


def test_unrelated_new_bullet_is_a_new_card_not_a_match(db_file):
    with Store(db_file) as store:
        sync(store, [draft("Lenin dies 1924", "1924")])
        report = sync(store, [draft("Japanese sign Non-Aggression Pact 1941", "1941")]).report
    assert (report.new, report.retired, report.updated) == (1, 1, 0)


def test_sync_is_one_transaction(db_file):
    with Store(db_file) as store:
        sync(store, [draft("Lenin dies 1924", "1924")])

        # the second new card fails to insert, after the first went in
        store.db.execute("CREATE TEMP TRIGGER broken BEFORE INSERT ON cards WHEN"
                         " NEW.answer = '1925' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
        with pytest.raises(StoreError):
            sync(store, [draft("Stalin at funeral 1924 chief mourner", "1924"),
                         draft("Trotsky resigns 1925", "1925")])
        store.db.execute("DROP TRIGGER broken")
        assert [card["answer"] for card in store.cards()] == ["1924"]


def test_plan_sync_is_pure_and_reports_what_sync_would_do():
    drafts = [draft("Lenin dies 1924", "1924")]
    stored = {drafts[0].id: {"id": drafts[0].id, "retired": 0, "position": 0, "line": 1,
                             "slot": 0, "kind": "date", "topic": '["Rivals"]',
                             "question": drafts[0].question, "answer": "1924",
                             "source": "Lenin dies 1924"}}
    assert str(plan_sync(stored, drafts).report) == "0 new, 0 updated, 0 retired, 1 unchanged"
    assert plan_sync({}, drafts).report.new == 1


def test_plan_sync_keeps_a_users_edit_and_a_deletion():
    drafts = [draft("Lenin dies 1924", "1924")]
    row = {"id": drafts[0].id, "retired": 0, "position": 0, "line": 1, "slot": 0,
           "kind": "date", "topic": '["Rivals"]', "question": "When did Lenin die?",
           "answer": "January 1924", "source": "Lenin dies 1924", "edited": 1, "deleted": 0}
    plan = plan_sync({row["id"]: row}, drafts)
    assert (plan.report.unchanged, plan.changed, plan.edited_bullets) == (1, [], [])
    edited = [draft("Lenin dies, aged 53, 1924", "1924")]
    plan = plan_sync({row["id"]: row}, edited)
    assert plan.edited_bullets == [row["id"]] and plan.edited == {row["id"]}
    deleted = {**row, "edited": 0, "deleted": 1, "retired": 1}
    plan = plan_sync({row["id"]: deleted}, drafts)
    assert (plan.changed, plan.new, plan.retired, plan.deleted) == ([], [], [], 1)


def test_text_filters_are_literal(db_file):
    with Store(db_file) as store:
        sync(store, [draft("Growth 7-14% in 1933", "1933"), draft("Growth 100 in 1934", "1934")])
        assert [card["answer"] for card in store.cards(search="%")] == ["1933"]
        assert store.cards(search="19_3") == []
        assert store.cards(search="'; DROP TABLE cards; --") == []
        assert len(store.cards(topic="rIVALS")) == 2


def test_a_schema_1_database_gets_the_report_indexes_and_keeps_its_data(db_file, monkeypatch):
    from tests.review_support import NOW as SESSION_NOW
    from tests.review_support import add_cards, answer

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    without_later_columns(monkeypatch)
    with Store(db_file) as store:
        ids = add_cards(store, 4)
        answer(store, ids[0], 3, SESSION_NOW)
    monkeypatch.undo()

    with Store(db_file) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        indexes = {row[0] for row in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cards'")}
        assert {"idx_cards_active_queue", "idx_cards_active_recall"} <= indexes
        assert not {"idx_cards_active_state_due", "idx_cards_active_topic",
                    "idx_cards_active_topic_position", "idx_cards_due"} & indexes
        recall = [row[2] for row in store.db.execute(
            "PRAGMA index_xinfo(idx_cards_active_recall)") if row[1] != -1]
        assert recall[:4] == ["topic", "position", "deck_id", "stability"]
        assert "question" not in recall
        assert [card["id"] for card in store.cards()] == ids
        assert store.db.execute("SELECT card_id FROM reviews").fetchall() == [(ids[0],)]
        assert [row[1] for row in recounted_tally(store)] == [1]  # counted when made
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (db_file.parent / f"{db_file.name}.schema1.bak").exists()


def without_later_columns(monkeypatch) -> None:
    """Cards synced into a database of an early schema, which lacks the columns added
    for what users do by hand (the sync reads them when they are there)."""
    import revise.store.cards

    monkeypatch.setattr(revise.store.cards, "STORED_COLUMNS", tuple(
        name for name in revise.store.cards.STORED_COLUMNS if name not in ("edited", "deleted")))


def recounted_tally(store: Store) -> list[tuple]:
    """review_tally (summed over decks) as the review log gives it, leaving out emptied
    quarters."""
    kept = store.db.execute("SELECT quarter, sum(reviews), sum(in_review), sum(passed)"
                            " FROM review_tally GROUP BY quarter HAVING sum(reviews) > 0"
                            " ORDER BY quarter").fetchall()
    counted = store.db.execute(
        "SELECT CAST(strftime('%s', reviewed_at) AS INTEGER) / 900, count(*),"
        " sum(state = 'review'), sum(state = 'review' AND rating > 1)"
        " FROM reviews GROUP BY 1 ORDER BY 1").fetchall()
    assert kept == counted
    return kept


def test_the_review_tally_follows_answers_undos_and_imported_histories(db_file):
    from datetime import timedelta

    from revise.store import reviews, stats
    from tests.review_support import add_cards, answer

    with Store(db_file) as store:
        ids = add_cards(store, 3)
        at = NOW
        for day in range(12):  # learning, then reviews passed and lapsed
            for offset, card_id in enumerate(ids):
                answer(store, card_id, 1 if (day + offset) % 5 == 0 else 3,
                       at + timedelta(days=day, minutes=7 * offset))
        tally = recounted_tally(store)
        assert sum(row[2] for row in tally) > sum(row[3] for row in tally) > 0

        last = store.db.execute("SELECT max(id) FROM reviews").fetchone()[0]
        reviews.undo_rating(store, last)
        assert sum(row[1] for row in recounted_tally(store)) == 35

        with store.transaction():  # an imported history: the state comes from state_before
            store.db.execute(
                "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms,"
                " state_before, state_after) VALUES (?, 3, ?, 0, ?, '{}')",
                [ids[0], iso(NOW - timedelta(days=400)), '{"state": "review"}'])
            store.db.execute("UPDATE reviews SET reviewed_at = ?, rating = 1 WHERE id = ?",
                             [iso(NOW + timedelta(days=30)), last - 1])
        assert recounted_tally(store)[0][1:] == (1, 1, 1)
        assert stats.reviews_total(store) == 36


def test_stats_counts_read_from_the_tally_match_the_review_log(db_file):
    from datetime import timedelta

    from revise.store import stats
    from tests.review_support import add_cards, answer

    with Store(db_file) as store:
        ids = add_cards(store, 4)
        for hour in range(0, 24 * 40, 5):
            answer(store, ids[hour % 4], 1 + hour % 4, NOW + timedelta(hours=hour, seconds=hour))
        log_total, log_passed = store.db.execute(
            "SELECT count(*), sum(rating > 1) FROM reviews"
            " WHERE state = 'review' AND reviewed_at >= ?",
            [iso(NOW + timedelta(days=9, minutes=7))]).fetchone()
        assert stats.review_pass_counts(
            store, iso(NOW + timedelta(days=9, minutes=7))) == (log_total, log_passed)
        # day bounds on quarter hours come from the tally; others from the log: the same
        for start in (NOW, NOW + timedelta(minutes=45), NOW + timedelta(minutes=10)):
            bounds = [iso(start + timedelta(days=day)) for day in range(41)]
            by_day = [store.db.execute(
                "SELECT count(*) FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?",
                pair).fetchone()[0] for pair in zip(bounds, bounds[1:], strict=False)]
            assert stats.reviews_between(store, bounds) == by_day
            assert stats.reviews_between(store, bounds, exists=True) == [
                int(count > 0) for count in by_day]
        assert sum(by_day) > 100


def test_the_learning_queue_merges_states_by_due_time(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 6)
        # learning and relearning cards, due at interleaved times; one tie across states
        for card_id, state, minute in zip(ids, ["learning", "relearning", "learning",
                                                "relearning", "relearning", "learning"],
                                          [5, 1, 3, 3, 9, 40], strict=True):
            store.db.execute("UPDATE cards SET state = ?, due = ? WHERE id = ?",
                             [state, f"2026-11-27T10:{minute:02d}:00+00:00", card_id])
        queue = queue_cards(store, states=("learning", "relearning"),
                            before="2026-11-27T10:30:00+00:00")
        # (a tie on the due time goes to the state first in the alphabet)
        assert [(row.id, row.kind, row.due[14:16]) for row in queue] == [
            (ids[1], "learning", "01"), (ids[2], "learning", "03"),
            (ids[3], "learning", "03"), (ids[0], "learning", "05"),
            (ids[4], "learning", "09")]
        first = queue_cards(store, states=("learning", "relearning"),
                            before="2026-11-27T10:30:00+00:00", limit=2)
        assert first == queue[:2]


def per_deck_log(store: Store) -> list[tuple]:
    """The review log counted per quarter hour and deck, as review_tally should hold it."""
    return store.db.execute(
        "SELECT CAST(strftime('%s', reviewed_at) AS INTEGER) / 900 AS quarter, deck_id,"
        " count(*), sum(reviews.state = 'review'),"
        " sum(reviews.state = 'review' AND rating > 1)"
        " FROM reviews JOIN cards ON cards.id = reviews.card_id"
        " GROUP BY 1, 2 ORDER BY 1, 2").fetchall()


def test_a_schema_4_database_gets_its_answers_counted_per_deck(db_file, monkeypatch):
    from datetime import timedelta

    from tests.review_support import answer

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
    without_later_columns(monkeypatch)
    with Store(db_file) as store:
        pairs = [*zip(add_cards(store, 3, deck="a"), add_cards(store, 3, deck="b"),
                      strict=True)]
        for day, (a, b) in enumerate(pairs):  # both decks answered in the same quarter hours
            answer(store, a, 3, NOW + timedelta(days=day))
            answer(store, b, 1, NOW + timedelta(days=day, minutes=1))
    monkeypatch.undo()

    with Store(db_file) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema_version()
        tally = store.db.execute("SELECT quarter, deck_id, reviews, in_review, passed"
                                 " FROM review_tally ORDER BY 1, 2").fetchall()
        assert tally == per_deck_log(store)
        assert len({row[1] for row in tally}) == 2 and len({row[0] for row in tally}) == 3
    assert (db_file.parent / f"{db_file.name}.schema4.bak").exists()


def test_a_fact_asked_under_a_new_kind_keeps_its_card():
    """A newer extractor may file a fact under another kind and word it anew (`What about
    “Right”?` became `Who were the key figures of Right?`): the bullet and the answer are
    the same, so it is the same card."""
    old = CardDraft(deck="d", topic=("Rivals",), kind=Kind.DEFINITION,
                    question="What about “Right”?", answer="Tomsky, Rykov & Bukharin",
                    source="Right: Tomsky, Rykov & Bukharin")
    new = CardDraft(deck="d", topic=("Rivals",), kind=Kind.PERSON,
                    question="Who were the key figures of Right?", answer=old.answer,
                    source=old.source)
    stored = {old.id: {"id": old.id, "retired": 0, "position": 0, "line": 1, "slot": 0,
                       "kind": "definition", "topic": '["Rivals"]', "question": old.question,
                       "answer": old.answer, "source": old.source}}
    plan = plan_sync(stored, [new])
    assert plan.ids[new.id] == old.id
    assert str(plan.report) == "0 new, 1 updated, 0 retired, 0 unchanged"
