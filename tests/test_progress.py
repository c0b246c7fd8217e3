"""`revise due`, `revise stats`, `revise config` and the dashboard."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta

import pytest

from revise.progress import bar_chart, due_report, heatmap, stats_report, streak
from revise.scheduler import (
    DEFAULT_ROLLOVER_HOUR,
    DeckScheduler,
    day_start,
    parse_time,
    schedule_of,
)
from revise.store import Store, reviews
from revise.times import iso
from tests.review_support import NOW, add_cards, answer


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    """The CLI's clock at NOW, in UTC, without fuzz."""
    monkeypatch.setenv("REVISE_NOW", NOW.isoformat())
    monkeypatch.setenv("REVISE_FUZZ", "0")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def due_json(revise) -> dict:
    result = revise("due", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def stats_json(revise, *args: str) -> dict:
    result = revise("stats", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def set_review(store: Store, card_id: str, due: datetime, *, stability: float = 5.0,
               last_review: datetime | None = None, state: str = "review") -> None:
    store.db.execute(
        "UPDATE cards SET state = ?, due = ?, stability = ?, difficulty = 5, last_review = ?,"
        " reps = 1 WHERE id = ?",
        [state, due.isoformat(), stability,
         (last_review or due - timedelta(days=stability)).isoformat(), card_id])


# --- due ------------------------------------------------------------------------------


def test_due_counts_new_learning_due_now_and_later_today(revise, db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 30, deck="a")
        add_cards(store, 2, deck="b")
        set_review(store, ids[0], NOW - timedelta(days=2))
        set_review(store, ids[1], NOW + timedelta(hours=5))  # 15:00, before 4 am tomorrow
        set_review(store, ids[2], NOW + timedelta(days=3))
        set_review(store, ids[3], NOW + timedelta(minutes=5), state="learning")
    report = due_json(revise)
    assert {key: report[key] for key in ("new", "learning", "due", "due_later_today",
                                         "total", "cards")} == {
        "new": 22, "learning": 1, "due": 1, "due_later_today": 1, "total": 25, "cards": 32}
    assert [(deck["deck"], deck["new"], deck["total"]) for deck in report["decks"]] == [
        ("a", 20, 23), ("b", 2, 2)]


def test_new_cards_answered_today_use_up_the_daily_limit(revise, db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 30)
        for card_id in ids[:5]:
            answer(store, card_id, 3, NOW - timedelta(hours=1))
    report = due_json(revise)
    assert report["new"] == 15
    assert report["learning"] == 5


def test_due_with_no_cards_says_how_to_make_some(revise, db_file):
    Store(db_file).close()
    result = revise("due")
    assert result.exit_code == 0
    assert "revise extract" in result.stdout
    assert due_json(revise) == {"new": 0, "learning": 0, "due": 0, "due_later_today": 0,
                                "total": 0, "cards": 0, "decks": []}


def test_due_table_lists_each_deck(revise, db_file):
    with Store(db_file) as store:
        add_cards(store, 3, deck="stalin")
        add_cards(store, 2, deck="lenin")
    result = revise("due")
    assert "stalin" in result.stdout and "lenin" in result.stdout
    assert "all decks" in result.stdout


# --- stats ----------------------------------------------------------------------------


def test_stats_counts_reviews_today_total_and_the_streak(revise, db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 6, topics=3)
        for days_ago, card_id in zip((0, 1, 2, 4), ids, strict=False):
            answer(store, card_id, 3, NOW - timedelta(days=days_ago))
        answer(store, ids[5], 3, NOW - timedelta(minutes=30))
    report = stats_json(revise)
    assert report["reviews_today"] == 2
    assert report["reviews_total"] == 5
    assert report["streak_days"] == 3  # today, yesterday, the day before; not 4 days ago


def test_a_streak_waits_for_todays_session_and_leaves_out_undone_days(tmp_path):
    with Store(tmp_path / "r.db") as store:
        ids = add_cards(store, 2)
        answer(store, ids[0], 3, NOW - timedelta(days=2))
        answer(store, ids[1], 3, NOW - timedelta(days=1))
        assert streak(store, NOW, tz=UTC) == 2  # not broken before today's session
        reviews.undo_rating(store, store.db.execute("SELECT max(id) FROM reviews").fetchone()[0])
        assert streak(store, NOW, tz=UTC) == 0  # yesterday's quarter hour is left at 0


def test_a_streak_back_to_the_first_review_counts_every_day_and_no_more(tmp_path):
    with Store(tmp_path / "r.db") as store:
        stalin = add_cards(store, 40, deck="stalin")
        lenin = add_cards(store, 3, deck="lenin")
        for day, card_id in enumerate(stalin):  # every day for 40 days, beyond one look-up
            answer(store, card_id, 3, NOW - timedelta(days=day))
        for day, card_id in enumerate(lenin):
            answer(store, card_id, 3, NOW - timedelta(days=day))
        assert streak(store, NOW, tz=UTC) == 40
        assert streak(store, NOW, tz=UTC, deck_ids=[deck["id"] for deck in store.decks()
                                                     if deck["name"] == "lenin"]) == 3
        assert streak(store, NOW + timedelta(days=1), tz=UTC) == 40  # before today's session
        assert streak(store, NOW + timedelta(days=2), tz=UTC) == 0


def test_no_reviews_no_streak(tmp_path):
    with Store(tmp_path / "r.db") as store:
        add_cards(store, 2)
        assert streak(store, NOW, tz=UTC) == 0


def test_reviews_after_midnight_count_for_the_evening_before(tmp_path):
    with Store(tmp_path / "r.db") as store:
        ids = add_cards(store, 2)
        late = datetime(2026, 11, 27, 1, 30, tzinfo=UTC)  # 1:30 am: still the 26th's day
        answer(store, ids[0], 3, late)
        report = stats_report(store, datetime(2026, 11, 27, 3, tzinfo=UTC), tz=UTC)
        assert report["today"] == "2026-11-26"
        assert report["reviews_today"] == 1
        assert stats_report(store, NOW, tz=UTC)["reviews_today"] == 0


def test_true_retention_counts_review_answers_of_the_last_30_days(tmp_path):
    with Store(tmp_path / "r.db") as store:
        ids = add_cards(store, 5)
        for card_id in ids:
            answer(store, card_id, 4, NOW - timedelta(days=40))  # new → review: not counted
        for card_id, rating in zip(ids, (3, 3, 3, 1), strict=False):
            answer(store, card_id, rating, NOW - timedelta(days=10))
        answer(store, ids[4], 1, NOW - timedelta(days=35))  # too long ago
        report = stats_report(store, NOW, tz=UTC)
    assert report["retention_30d"] == pytest.approx(0.75)
    assert report["retention_30d_reviews"] == 4


def test_retention_is_null_without_reviews(revise, db_file):
    Store(db_file).close()
    report = stats_json(revise)
    assert report["retention_30d"] is None
    assert report["reviews_total"] == 0 and report["streak_days"] == 0


def test_forecast_counts_cards_falling_due_each_day_for_30_days(revise, db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 5)
        set_review(store, ids[0], NOW - timedelta(days=3))  # overdue: today
        set_review(store, ids[1], NOW + timedelta(hours=2))
        set_review(store, ids[2], NOW + timedelta(days=1))
        set_review(store, ids[3], NOW + timedelta(days=29))
        set_review(store, ids[4], NOW + timedelta(days=31))
    forecast = stats_json(revise)["forecast"]
    assert len(forecast) == 30
    assert forecast[0] == {"date": "2026-11-27", "due": 2}
    assert forecast[1] == {"date": "2026-11-28", "due": 1}
    assert forecast[29] == {"date": "2026-12-26", "due": 1}
    assert sum(day["due"] for day in forecast) == 4


def test_topics_show_cards_mean_retrievability_and_weakest_cards(tmp_path):
    with Store(tmp_path / "r.db") as store:
        ids = add_cards(store, 6, topics=2)  # topic 0: cards 0, 2, 4; topic 1: 1, 3, 5
        set_review(store, ids[0], NOW + timedelta(days=1), stability=2.0,
                   last_review=NOW - timedelta(days=6))
        set_review(store, ids[2], NOW + timedelta(days=1), stability=30.0,
                   last_review=NOW - timedelta(days=6))
        report = stats_report(store, NOW, tz=UTC)
        rows = {tuple(topic["topic"]): topic for topic in report["topics"]}
        scheduler = DeckScheduler(fuzz=False)
        expected = [scheduler.retrievability(schedule_of(next(store.db.query(
            "SELECT * FROM cards WHERE id = ?", [card_id]))), NOW) for card_id in ids[:3:2]]
    zero = rows[("Stalin", "Topic 0")]
    assert (zero["cards"], zero["studied"]) == (3, 2)
    assert zero["retrievability"] == pytest.approx(sum(expected) / 2)
    assert [card["id"] for card in zero["weakest"]] == [ids[0]]
    assert zero["weakest"][0]["question"] == "Q 0.0"
    assert zero["weakest"][0]["retrievability"] == pytest.approx(expected[0])
    one = rows[("Stalin", "Topic 1")]
    assert one["studied"] == 0 and one["retrievability"] is None and one["weakest"] == []


def direct_topic_strength(store: Store, deck: str | None = None) -> list[dict]:
    """Topic strength computed card by card in Python, as the report should give it."""
    from revise.scheduler import DEFAULT_DECAY, retrievability

    decays = {row["id"]: json.loads(row["parameters"])[20] if row["parameters"] else
              DEFAULT_DECAY for row in store.db.query("SELECT * FROM decks")}
    names = dict(store.db.execute("SELECT id, name FROM decks"))
    topics: dict[str, list[dict]] = {}
    for card in store.db.query(
            "SELECT cards.* FROM cards JOIN decks ON decks.id = cards.deck_id"
            " WHERE retired = 0 AND suspended = 0 AND (? IS NULL OR decks.name = ?)",
            [deck, deck]):
        card["recall"] = retrievability(card["stability"], parse_time(card["last_review"]),
                                        NOW, -decays[card["deck_id"]])
        topics.setdefault(card["topic"], []).append(card)
    report = []
    for topic, cards in topics.items():
        studied = [card for card in cards if card["recall"] is not None]
        weakest = min(studied, key=lambda card: card["recall"], default=None)
        report.append({
            "topic": json.loads(topic),
            "deck": names[min(card["deck_id"] for card in cards)],
            "cards": len(cards),
            "studied": len(studied),
            "retrievability": (sum(card["recall"] for card in studied) / len(studied)
                               if studied else None),
            "weakest": [] if weakest is None else [
                {"id": weakest["id"], "question": weakest["question"],
                 "retrievability": weakest["recall"]}],
            "order": (min(card["deck_id"] for card in cards),
                      min(card["position"] for card in cards)),
        })
    report.sort(key=lambda topic: topic.pop("order"))
    return report


@pytest.mark.parametrize("deck", [None, "lenin"])
def test_topic_strength_matches_a_card_by_card_computation(revise, db_file, deck):
    with Store(db_file) as store:
        # both decks have topics "Topic 0" and "Topic 1"; lenin forgets faster
        stalin = add_cards(store, 9, deck="stalin", topics=3)
        lenin = add_cards(store, 6, deck="lenin", topics=2, source="lenin.txt")
        store.db.execute("UPDATE decks SET parameters = ? WHERE name = 'lenin'",
                         [json.dumps([0.4] * 20 + [0.5])])
        # In each topic the weakest card is not the first in the index's order (the one
        # of least stability): long unreviewed beats unstable.
        for card_id, stability, days in [(stalin[0], 2.0, 1), (stalin[3], 40.0, 400),
                                         (stalin[6], 9.0, 3), (stalin[1], 1.0, 0),
                                         (stalin[4], 3.0, 30), (lenin[0], 2.5, 2),
                                         (lenin[2], 20.0, 200), (lenin[1], 4.0, 8)]:
            set_review(store, card_id, NOW + timedelta(days=1), stability=stability,
                       last_review=NOW - timedelta(days=days, hours=3))
        store.db.execute("UPDATE cards SET suspended = 1 WHERE id = ?", [stalin[7]])
        expected = direct_topic_strength(store, deck)
    topics = stats_json(revise, *(["--deck", deck] if deck else []))["topics"]
    assert [topic["topic"] for topic in topics] == [topic["topic"] for topic in expected]
    for got, want in zip(topics, expected, strict=True):
        assert got["retrievability"] == pytest.approx(want["retrievability"], abs=1e-12)
        assert [card.pop("retrievability") for card in got["weakest"]] == pytest.approx(
            [card.pop("retrievability") for card in want["weakest"]], abs=1e-12)
        assert {**got, "retrievability": None} == {**want, "retrievability": None}
    assert any(topic["weakest"] for topic in topics)


def test_stats_json_is_the_report(revise, db_file, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    with Store(db_file) as store:
        ids = add_cards(store, 8, deck="stalin") + add_cards(store, 3, deck="lenin",
                                                          source="lenin.txt")
        store.db.execute("UPDATE decks SET parameters = ? WHERE name = 'lenin'",
                         [json.dumps([0.4] * 20 + [0.3])])  # a curve of its own
        for day, card_id in enumerate(ids[::2]):
            answer(store, card_id, 1 + day % 4, NOW - timedelta(days=day, hours=1))
        report = stats_report(store, NOW, tz=UTC)
    assert stats_json(revise) == json.loads(json.dumps(report))
    # each topic has cards of both decks, and so of both curves
    assert [(topic["deck"], topic["cards"]) for topic in report["topics"]] == [
        ("stalin", 4), ("stalin", 4), ("stalin", 3)]
    assert all(topic["weakest"] for topic in report["topics"])


def test_stats_for_one_deck_leave_other_decks_out(revise, db_file):
    with Store(db_file) as store:
        a = add_cards(store, 2, deck="a")
        b = add_cards(store, 2, deck="b")
        answer(store, a[0], 3, NOW)
        answer(store, b[0], 3, NOW)
        answer(store, b[1], 3, NOW)
    assert stats_json(revise, "--deck", "a")["reviews_total"] == 1
    assert stats_json(revise, "--deck", "b")["reviews_today"] == 2
    result = revise("stats", "--deck", "c")
    assert result.exit_code == 1 and "no deck named 'c'" in result.stderr


def test_stats_draw_the_forecast_calendar_and_topics(revise, db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 4)
        answer(store, ids[0], 3, NOW - timedelta(days=3))
        answer(store, ids[1], 4, NOW)
    result = revise("stats")
    assert result.exit_code == 0, result.output
    for text in ("Reviews today", "Streak", "True retention", "Due in the next 30 days",
                 "Mon", "Topics", "Stalin › Topic 0", "less"):
        assert text in result.stdout


def test_stats_with_many_topics_show_the_weakest(revise, db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 50, topics=25)  # topic k holds cards k and k + 25
        for index, card_id in enumerate(ids):
            topic = index % 25
            if topic < 23:  # the last two topics are not studied yet
                set_review(store, card_id, NOW + timedelta(days=1), stability=1.0 + topic,
                           last_review=NOW - timedelta(days=10))
    result = revise("stats")
    assert result.exit_code == 0, result.output
    assert "Weakest 20 of 25 topics (revise stats --json lists them all)" in result.stdout
    shown = [int(number) for number in re.findall(r"Topic (\d+)\s", result.stdout)]
    assert shown == list(range(20))  # least stable first; no unstudied topic
    assert len(stats_json(revise)["topics"]) == 25


def test_bar_chart_scales_columns_to_the_largest_value():
    chart = bar_chart([0, 4, 8], {0: "today"}, height=4).plain.splitlines()
    assert chart[0] == "8 │    █ "
    assert chart[2] == "  │  █ █ "
    assert chart[-1].strip() == "today"


def test_heatmap_has_a_row_per_weekday_and_a_column_per_week():
    today = datetime(2026, 11, 27).date()  # a Friday
    calendar = [{"date": (today - timedelta(days=offset)).isoformat(), "reviews": offset % 3}
                for offset in range(10)]  # Wednesday 18th to Friday 27th
    lines = heatmap(calendar, today).plain.splitlines()
    assert lines[1].startswith("Mon ") and lines[7].startswith("Sun ")
    assert [line.count("■") for line in lines[1:8]] == [1, 1, 2, 2, 2, 1, 1]


# --- the dashboard and config ---------------------------------------------------------


def test_revise_alone_shows_todays_dashboard(revise, db_file):
    with Store(db_file) as store:
        add_cards(store, 3)
    result = revise()
    assert result.exit_code == 0, result.output
    assert "history" in result.stdout
    assert "Streak: 0 days" in result.stdout
    assert "revise review" in result.stdout


def test_the_dashboard_on_an_empty_database_says_how_to_begin(revise):
    result = revise()
    assert result.exit_code == 0
    assert "revise extract" in result.stdout


def test_config_sets_retention_per_deck_and_new_cards_for_all(revise, db_file):
    with Store(db_file) as store:
        add_cards(store, 1, deck="a")
        add_cards(store, 1, deck="b")
    assert revise("config", "retention", "0.85", "--deck", "a").exit_code == 0
    assert revise("config", "new-per-day", "5").exit_code == 0
    assert revise("config", "rollover-hour", "6").exit_code == 0
    with Store(db_file) as store:
        decks = {deck["name"]: deck for deck in store.decks()}
    assert decks["a"]["desired_retention"] == 0.85 and decks["b"]["desired_retention"] == 0.9
    assert decks["a"]["new_per_day"] == decks["b"]["new_per_day"] == 5
    shown = revise("config").stdout
    assert "rollover-hour = 6" in shown
    assert "retention = 0.85  (deck a)" in shown


@pytest.mark.parametrize(("args", "message"), [
    (("retention", "1.5"), "retention must be from 0.7 to 0.99"),
    (("rollover-hour", "noon"), "rollover-hour must be a number"),
    (("colour", "red"), "unknown setting 'colour'"),
    (("retention", "0.9", "--deck", "nope"), "no deck named 'nope'"),
])
def test_config_rejects_bad_values(revise, args, message):
    result = revise("config", *args)
    assert result.exit_code == 1
    assert message in result.stderr


def test_desired_retention_changes_the_intervals_given(tmp_path):
    with Store(tmp_path / "r.db") as store:
        ids = add_cards(store, 2)
        store.db.execute("UPDATE decks SET desired_retention = 0.8")
        answer(store, ids[0], 4, NOW)
        low = parse_time(store.db.execute("SELECT due FROM cards WHERE id = ?",
                                          [ids[0]]).fetchone()[0])
        store.db.execute("UPDATE decks SET desired_retention = 0.95")
        answer(store, ids[1], 4, NOW)
        high = parse_time(store.db.execute("SELECT due FROM cards WHERE id = ?",
                                           [ids[1]]).fetchone()[0])
    assert low > high


def test_due_report_in_process_matches_the_command(revise, db_file):
    with Store(db_file) as store:
        add_cards(store, 4)
        assert due_report(store, NOW, tz=UTC) == due_json(revise)


def test_stats_for_a_deck_count_its_answers_as_its_log_does(revise, db_file):
    with Store(db_file) as store:
        a = add_cards(store, 3, deck="a")
        b = add_cards(store, 3, deck="b")
        for day in range(0, 12):  # deck a every day, deck b every third day
            for index, card_id in enumerate(a):
                answer(store, card_id, 1 if (day + index) % 4 == 0 else 3,
                       NOW - timedelta(days=day, minutes=5 * index))
            if day % 3 == 0:
                answer(store, b[day % 3], 3, NOW - timedelta(days=day, minutes=1))
        reviews.undo_rating(store, answer(store, b[1], 3, NOW - timedelta(minutes=2)))
        log = {name: store.db.execute(
            "SELECT count(*), coalesce(sum(reviewed_at >= ?), 0),"
            " coalesce(sum(reviews.state = 'review' AND reviewed_at >= ?), 0)"
            " FROM reviews JOIN cards ON cards.id = reviews.card_id"
            " JOIN decks ON decks.id = cards.deck_id WHERE decks.name = ?",
            [iso(day_start(NOW, DEFAULT_ROLLOVER_HOUR, UTC)),
             iso(NOW - timedelta(days=30)), name]
        ).fetchone() for name in ("a", "b")}
    for name, streak_days in (("a", 12), ("b", 1)):
        report = stats_json(revise, "--deck", name)
        total, today, in_review = log[name]
        assert report["reviews_total"] == total
        assert report["reviews_today"] == today
        assert report["retention_30d_reviews"] == in_review
        assert report["streak_days"] == streak_days
        assert sum(day["reviews"] for day in report["calendar"]) == total
