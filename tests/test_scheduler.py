"""FSRS scheduling with a fixed clock and no fuzz; "today" and its rollover; the queue."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from revise.review import Options, ScriptedKeys, Session
from revise.scheduler import (
    DEFAULT_DECAY,
    DeckScheduler,
    Queue,
    QueueCard,
    Rating,
    day_start,
    day_starts,
    format_interval,
    next_day_start,
    parse_time,
    retrievability,
    revision_day,
    to_fsrs,
)
from revise.store import Store
from tests.review_support import NOW, add_cards

NEW = {"state": "new", "step": None, "stability": None, "difficulty": None, "due": None,
       "last_review": None, "reps": 0, "lapses": 0}


def history(ratings: list[int], *, retention: float = 0.9) -> tuple[list[tuple[str, str]], dict]:
    """Answer a new card with `ratings`, each exactly when it falls due: (state, interval)
    after each answer, and the final state."""
    scheduler = DeckScheduler(desired_retention=retention, fuzz=False)
    now, schedule, steps = NOW, dict(NEW), []
    for rating in ratings:
        schedule = scheduler.rate(schedule, rating, now)
        due = parse_time(schedule["due"])
        steps.append((schedule["state"], format_interval(due - now)))
        now = due
    return steps, schedule


# --- rating ---------------------------------------------------------------------------


def test_good_every_time_climbs_through_learning_steps_into_growing_reviews():
    steps, final = history([3] * 6)
    assert steps == [("learning", "10m"), ("review", "2d"), ("review", "11d"),
                     ("review", "1.5mo"), ("review", "5.4mo"), ("review", "1.4y")]
    assert final["reps"] == 6 and final["lapses"] == 0


def test_again_on_a_review_card_relearns_and_counts_a_lapse():
    steps, final = history([3, 3, 3, 1, 3, 3])
    assert steps == [("learning", "10m"), ("review", "2d"), ("review", "11d"),
                     ("relearning", "10m"), ("review", "2d"), ("review", "5d")]
    assert final["lapses"] == 1 and final["reps"] == 6


def test_easy_on_a_new_card_skips_learning():
    steps, _ = history([4, 4, 4])
    assert steps == [("review", "8d"), ("review", "2.2mo"), ("review", "1.1y")]


def test_again_repeats_the_first_learning_step():
    steps, _ = history([1, 1, 3, 3])
    assert steps == [("learning", "1m"), ("learning", "1m"), ("learning", "10m"),
                     ("review", "1d")]


def test_lower_desired_retention_gives_longer_intervals():
    _, high = history([3, 3, 3], retention=0.95)
    _, low = history([3, 3, 3], retention=0.8)
    assert parse_time(low["due"]) > parse_time(high["due"])


def test_rating_stores_times_as_utc_text():
    scheduler = DeckScheduler(fuzz=False)
    after = scheduler.rate(NEW, Rating.GOOD, NOW)
    assert after["last_review"] == "2026-11-27T10:00:00+00:00"
    assert after["due"] == "2026-11-27T10:10:00+00:00"
    assert after["step"] == 1 and after["difficulty"] > 0


def test_fuzz_only_spreads_review_intervals():
    fuzzed = DeckScheduler(fuzz=True)
    exact = DeckScheduler(fuzz=False)
    _, schedule = history([3, 3, 3])
    later = parse_time(schedule["due"])
    dues = {fuzzed.rate(schedule, Rating.GOOD, later)["due"] for _ in range(30)}
    assert len(dues) > 1
    assert fuzzed.rate(NEW, Rating.GOOD, NOW) == exact.rate(NEW, Rating.GOOD, NOW)


def test_preview_shows_each_buttons_interval_without_fuzz():
    scheduler = DeckScheduler(fuzz=True)
    preview = scheduler.preview(NEW, NOW)
    assert [format_interval(preview[rating]) for rating in Rating] == ["1m", "6m", "10m", "8d"]


@pytest.mark.parametrize(("delta", "text"), [
    (timedelta(seconds=20), "<1m"), (timedelta(minutes=10), "10m"), (timedelta(hours=3), "3h"),
    (timedelta(days=1), "1d"), (timedelta(days=29), "29d"), (timedelta(days=45), "1.5mo"),
    (timedelta(days=60), "2mo"), (timedelta(days=730), "2y"),
])
def test_interval_text_is_short_as_on_anki_buttons(delta, text):
    assert format_interval(delta) == text


def test_default_decay_matches_the_installed_fsrs():
    from fsrs.scheduler import DEFAULT_PARAMETERS

    assert DEFAULT_PARAMETERS[20] == DEFAULT_DECAY


def test_retrievability_matches_fsrs():
    from fsrs import Scheduler

    scheduler = DeckScheduler(fuzz=False)
    _, schedule = history([3, 3])
    later = parse_time(schedule["due"]) + timedelta(days=3)
    card = to_fsrs(schedule, later)
    assert scheduler.retrievability(schedule, later) == pytest.approx(
        Scheduler().get_card_retrievability(card, later))
    assert retrievability(None, None, later) is None


# --- today ----------------------------------------------------------------------------


def test_the_day_starts_at_the_rollover_hour():
    utc = UTC
    assert day_start(datetime(2026, 11, 27, 5, tzinfo=utc), 4, utc) == datetime(
        2026, 11, 27, 4, tzinfo=utc)
    # before 4 am it is still yesterday's revision day
    assert day_start(datetime(2026, 11, 27, 3, tzinfo=utc), 4, utc) == datetime(
        2026, 11, 26, 4, tzinfo=utc)
    assert revision_day(datetime(2026, 11, 27, 3, 59, tzinfo=utc), 4, utc) == date(2026, 11, 26)
    assert next_day_start(datetime(2026, 11, 27, 23, tzinfo=utc), 4, utc) == datetime(
        2026, 11, 28, 4, tzinfo=utc)


def test_the_day_follows_the_local_time_zone():
    tokyo = ZoneInfo("Asia/Tokyo")  # UTC+9: 20:00 UTC is 05:00 the next morning
    moment = datetime(2026, 11, 27, 20, tzinfo=UTC)
    assert revision_day(moment, 4, tokyo) == date(2026, 11, 28)
    assert day_start(moment, 4, tokyo) == datetime(2026, 11, 27, 19, tzinfo=UTC)


def test_day_boundaries_stay_at_the_local_hour_across_daylight_saving():
    london = ZoneInfo("Europe/London")  # clocks go back on 25 October 2026
    starts = day_starts(date(2026, 10, 24), 2, 4, london)
    assert [moment.hour for moment in starts] == [3, 4, 4]  # 4 am BST, then 4 am GMT
    assert starts[1] - starts[0] == timedelta(hours=25)


# --- the queue (pure) -----------------------------------------------------------------


def card(name: str, kind: str = "review", bullet: int | None = None) -> QueueCard:
    return QueueCard(id=name, deck_id=1, bullet=(1, "n.txt", bullet if bullet is not None
                                                 else hash(name)), kind=kind)


def drain(queue: Queue, learning: list[QueueCard] = ()) -> list[str]:
    names = []
    while (chosen := queue.next(learning)) is not None:
        names.append(chosen.id)
        learning = [item for item in learning if item.id != chosen.id]
    return names


def test_learning_cards_due_now_come_first():
    queue = Queue([card("r1"), card("r2")], [card("n1", "new")])
    assert queue.next([card("l1", "learning")]).id == "l1"


def test_learning_cards_due_soon_wait_until_nothing_else_is_left():
    queue = Queue([card("r1")], [])
    soon = [card("l1", "learning")]
    assert queue.next((), soon).id == "r1"
    assert queue.next((), soon).id == "l1"
    assert queue.next() is None


def test_new_cards_are_spread_evenly_among_reviews():
    reviews = [card(f"r{index}") for index in range(8)]
    new = [card(f"n{index}", "new") for index in range(2)]
    order = drain(Queue(reviews, new))
    assert order == ["r0", "r1", "n0", "r2", "r3", "r4", "r5", "n1", "r6", "r7"]


def test_reviews_keep_their_most_overdue_first_order():
    reviews = [card(f"r{index}") for index in range(5)]
    assert drain(Queue(reviews, [])) == ["r0", "r1", "r2", "r3", "r4"]


def test_two_cards_of_one_bullet_are_not_shown_back_to_back():
    reviews = [card("a1", bullet=1), card("a2", bullet=1), card("b1", bullet=2)]
    assert drain(Queue(reviews, [])) == ["a1", "b1", "a2"]


def test_siblings_still_come_when_nothing_else_is_left():
    reviews = [card("a1", bullet=1), card("a2", bullet=1)]
    assert drain(Queue(reviews, [])) == ["a1", "a2"]


def test_limit_caps_different_cards_but_lets_seen_cards_come_back():
    queue = Queue([card("r1"), card("r2"), card("r3")], [], limit=2)
    assert queue.next().id == "r1"
    assert queue.next().id == "r2"
    assert queue.next([card("r1", "learning")]).id == "r1"  # a learning step of a seen card
    assert queue.next([card("x", "learning")]) is None
    assert queue.left() == (0, 0)


def test_a_card_put_back_comes_next():
    queue = Queue([card("r1"), card("r2")], [])
    first = queue.next()
    queue.put_back(first)
    assert queue.next().id == "r1"


# --- the queue built from the database ------------------------------------------------


def build(store: Store, now: datetime = NOW, **options) -> Session:
    session = Session(store, Options(fuzz=False, tz=UTC, **options), ScriptedKeys([]), None,
                      clock=lambda: now)
    session.build(now)
    return session


def test_new_cards_are_limited_per_deck_and_day(db_file):
    with Store(db_file) as store:
        add_cards(store, 30, deck="a")
        add_cards(store, 5, deck="b")
        session = build(store)
        assert len(session.queue.new) == 25  # 20 from a, all 5 of b
        store.db.execute("UPDATE decks SET new_per_day = 3 WHERE name = 'a'")
        assert len(build(store).queue.new) == 8


def test_new_option_replaces_the_daily_limit(db_file):
    with Store(db_file) as store:
        add_cards(store, 30)
        assert len(build(store, new=25).queue.new) == 25
        assert build(store, new=0).queue.new == []


def test_new_cards_come_in_notes_order_one_per_bullet(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 4, per_bullet=2)
        assert [item.id for item in build(store).queue.new] == ids[::2]


def test_topic_and_deck_filters_narrow_the_queue(db_file):
    with Store(db_file) as store:
        add_cards(store, 9, deck="a", topics=3)
        add_cards(store, 4, deck="b")
        assert len(build(store, topic="topic 1").queue.new) == 3 + 1  # case-insensitive
        assert len(build(store, deck="b").queue.new) == 4


def test_suspended_and_retired_cards_never_appear(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 4)
        store.db.execute("UPDATE cards SET suspended = 1 WHERE id = ?", [ids[0]])
        store.db.execute("UPDATE cards SET retired = 1 WHERE id = ?", [ids[1]])
        store.db.execute("UPDATE cards SET state = 'review', due = ?, stability = 1,"
                         " difficulty = 5, last_review = ? WHERE id IN (?, ?)",
                         ["2026-11-20T00:00:00+00:00", "2026-11-19T00:00:00+00:00", ids[0],
                          ids[2]])
        session = build(store)
        assert [item.id for item in session.queue.reviews] == [ids[2]]
        assert [item.id for item in session.queue.new] == [ids[3]]


def test_reviews_due_later_today_are_in_todays_queue_but_not_tomorrows(db_file):
    with Store(db_file) as store:
        ids = add_cards(store, 3)
        dues = ["2026-11-20T00:00:00+00:00", "2026-11-27T23:00:00+00:00",
                "2026-11-28T05:00:00+00:00"]  # overdue, tonight, after tomorrow's 4 am
        for card_id, due in zip(ids, dues, strict=True):
            store.db.execute("UPDATE cards SET state = 'review', due = ?, stability = 2,"
                             " difficulty = 5, last_review = '2026-11-18T00:00:00+00:00'"
                             " WHERE id = ?", [due, card_id])
        assert [item.id for item in build(store).queue.reviews] == ids[:2]
