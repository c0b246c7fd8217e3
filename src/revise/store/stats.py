"""Statistics: reviews per day and in all, true retention, the forecast and topic
strength, counted in SQL and returned as plain numbers, rows and dicts.

Whole quarter hours of answers are read from `review_tally` (kept by triggers; see
`store.migrations`), not from the review log, so a year of calendar reads a few
thousand rows.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from revise.store.connection import Store
from revise.store.reviews import in_decks, queue_filters
from revise.times import iso

QUARTER_SECONDS = 900


def _intervals(pairs: list[tuple]) -> tuple[str, list]:
    """A `day(i, start, stop)` table of the (start, stop) pairs, for one statement to
    count in each, and its parameters."""
    values = ",".join(f"({index}, ?, ?)" for index in range(len(pairs)))
    return (f"WITH day(i, start, stop) AS (VALUES {values})",
            [moment for pair in pairs for moment in pair])


def _quarters(moments: list[str]) -> list[int] | None:
    """The moments as quarter hours since 1970 (review_tally's unit), or None if any
    falls inside one."""
    seconds = [int(datetime.fromisoformat(moment).timestamp()) for moment in moments]
    if any(second % QUARTER_SECONDS for second in seconds):
        return None
    return [second // QUARTER_SECONDS for second in seconds]


def reviews_between(store: Store, bounds: list[str], *, deck_ids: list[int] | None = None,
                    exists: bool = False) -> list[int]:
    """The number of reviews in each interval [bounds[i], bounds[i+1]), in one statement;
    with `exists`, 1 or 0 for whether there are any. For bounds on quarter hours, from
    review_tally; otherwise from the log (where `exists` is cheaper: it stops at the
    first)."""
    if len(bounds) < 2:
        return []
    quarters = _quarters(bounds)
    if quarters is not None:
        days, params = _intervals(list(zip(quarters, quarters[1:], strict=False)))
        within = "FROM review_tally WHERE quarter >= day.start AND quarter < day.stop"
        if deck_ids is not None:
            within += f" AND {_tally_decks(deck_ids)}"
            params.extend(deck_ids)
        # an undone answer can leave a quarter's count at 0
        value = (f"EXISTS (SELECT 1 {within} AND reviews > 0)" if exists
                 else f"(SELECT coalesce(sum(reviews), 0) {within})")
        return [row[0] for row in store.conn.execute(
            f"{days} SELECT {value} FROM day ORDER BY i", params)]
    days, params = _intervals(list(zip(bounds, bounds[1:], strict=False)))
    inner = "SELECT 1 FROM reviews WHERE reviewed_at >= day.start AND reviewed_at < day.stop"
    if deck_ids is not None:
        inner += f" AND {in_decks(deck_ids)}"
        params.extend(deck_ids)
    value = f"EXISTS ({inner})" if exists else f"(SELECT count(*) FROM ({inner}))"
    return [row[0] for row in store.conn.execute(
        f"{days} SELECT {value} FROM day ORDER BY i", params)]


def first_review(store: Store, *, deck_ids: list[int] | None = None) -> str | None:
    """When the earliest review (of cards in these decks) was given, or None."""
    if deck_ids is None:
        return store.conn.execute("SELECT min(reviewed_at) FROM reviews").fetchone()[0]
    # the log from the decks' first counted quarter hour on, not from its start
    first = store.conn.execute(
        f"SELECT min(quarter) FROM review_tally WHERE {_tally_decks(deck_ids)} AND reviews > 0",
        deck_ids).fetchone()[0]
    if first is None:
        return None
    return store.conn.execute(
        f"SELECT min(reviewed_at) FROM reviews WHERE reviewed_at >= ? AND {_of_decks(deck_ids)}",
        [iso(datetime.fromtimestamp(first * QUARTER_SECONDS, UTC)), *deck_ids]).fetchone()[0]


def reviews_total(store: Store, *, deck_ids: list[int] | None = None) -> int:
    if deck_ids is None:
        return store.conn.execute(
            "SELECT coalesce(sum(reviews), 0) FROM review_tally").fetchone()[0]
    return store.conn.execute(
        f"SELECT coalesce(sum(reviews), 0) FROM review_tally WHERE {_tally_decks(deck_ids)}",
        deck_ids).fetchone()[0]


def _tally_decks(deck_ids: list[int]) -> str:
    return f"deck_id IN ({','.join('?' * len(deck_ids))})"


def _of_decks(deck_ids: list[int]) -> str:
    """Reviews of cards in these decks, each review's card looked up: for a few reviews,
    where _in_decks would first list every card of the decks."""
    return ("EXISTS (SELECT 1 FROM cards WHERE cards.id = reviews.card_id"
            f" AND cards.deck_id IN ({','.join('?' * len(deck_ids))}))")


def review_pass_counts(store: Store, since: str, *,
                       deck_ids: list[int] | None = None) -> tuple[int, int]:
    """(answers, answers not Again) since `since`, for cards that were in review:
    true retention, leaving out learning steps."""
    # whole quarter hours from the tally, the part of a quarter before them from the log
    start = datetime.fromisoformat(since).timestamp()
    quarter = -int(-start // QUARTER_SECONDS)
    head = ("SELECT count(*), coalesce(sum(rating > 1), 0) FROM reviews"
            " WHERE reviewed_at >= ? AND reviewed_at < ? AND state = 'review'")
    tally = ("SELECT coalesce(sum(in_review), 0), coalesce(sum(passed), 0)"
             " FROM review_tally WHERE quarter >= ?")
    decks: list[int] = []
    if deck_ids is not None:
        head += f" AND {_of_decks(deck_ids)}"  # (under a quarter hour of reviews)
        tally += f" AND {_tally_decks(deck_ids)}"
        decks = deck_ids
    total, passed = store.conn.execute(head, [
        since, iso(datetime.fromtimestamp(quarter * QUARTER_SECONDS, UTC)), *decks]).fetchone()
    counted = store.conn.execute(tally, [quarter, *decks]).fetchone()
    return total + counted[0], passed + counted[1]


def due_between(store: Store, bounds: list[str], *,
                deck_ids: list[int] | None = None) -> list[int]:
    """Studied cards falling due in each interval [bounds[i], bounds[i+1]); the first
    interval also holds every card already overdue."""
    if len(bounds) < 2:
        return []
    where, params = queue_filters(deck_ids, None)
    days, moments = _intervals([("" if index == 0 else start, end) for index, (start, end)
                                in enumerate(zip(bounds, bounds[1:], strict=False))])
    return [row[0] for row in store.conn.execute(
        f"{days} SELECT (SELECT count(*) FROM cards"
        f" WHERE {where} AND state IN ('learning', 'review', 'relearning')"
        " AND due >= day.start AND due < day.stop) FROM day ORDER BY i", moments + params)]


def topic_strength(store: Store, *, now: datetime, default_decay: float,
                   deck_ids: list[int] | None = None) -> list[dict]:
    """Per topic path of the active cards, in notes order: the topic (a list of titles),
    its first deck, its active cards, studied cards, their mean retrievability now
    (FSRS's forgetting curve, in SQL, with each deck's decay; None with none studied)
    and its weakest studied card (a list of one, or none). One pass over an index."""
    decays = {deck_id: json.loads(parameters)[20] if parameters else default_decay
              for deck_id, parameters in store.conn.execute("SELECT id, parameters FROM decks")
              if deck_ids is None or deck_id in deck_ids}
    sql, params = _topic_sql(decays, default_decay, every_deck=deck_ids is None)
    topics = []
    for (topic, deck, active, studied, recall, lowest, weakest_id,
         weakest_question) in store.conn.execute(sql, {**params, "day": julian_day(now)}):
        weakest = [] if lowest is None else [
            {"id": weakest_id, "question": weakest_question, "retrievability": lowest}]
        topics.append({"topic": json.loads(topic), "deck": deck, "cards": active,
                       "studied": studied,
                       "retrievability": (recall or 0.0) / studied if studied else None,
                       "weakest": weakest})
    return topics


def _topic_sql(decays: dict[int, float], default_decay: float, *, every_deck: bool,
               ) -> tuple[str, dict]:
    """SQL and its parameters (but :day, the Julian day now) for topic_strength: per
    topic of the active cards in the decks of `decays` (deck id: decay), or in every
    deck, its figures; in notes order (its first deck, its first position), then by
    topic.

    Retrievability falls as a card's elapsed days / stability grows: with one decay,
    the weakest card is the one with the largest ratio, and the pow() is taken once per
    topic rather than per card. The weakest card's min() or max() is the pass's only
    min/max aggregate: only then does SQLite take the bare rowid from the row holding it.
    INDEXED BY: this query must fail rather than silently fall back to reading the table.
    """
    def active(table: str) -> str:
        where = f"{table}.retired = 0 AND {table}.suspended = 0"
        if not every_deck:
            where += f" AND {table}.deck_id IN ({','.join(str(int(i)) for i in decays)})"
        return where

    def factor(decay: float) -> float:  # the curve passes 0.9 at elapsed = stability
        return 0.9 ** (1 / -decay) - 1

    elapsed = "max(0, CAST(:day - julianday(last_review) AS INTEGER)) / stability"
    shared = set(decays.values()) or {default_decay}
    if len(shared) == 1:
        decay = shared.pop()
        params: dict = {"factor": factor(decay), "decay": -decay}
        ratio = f":factor * {elapsed}"
        recall = f"sum(pow(1 + {ratio}, :decay)) AS recall"
        lowest = f"pow(1 + max({ratio}), :decay) AS lowest"
    else:  # each deck's own curve, looked up by the card's deck
        params = {}
        factors, powers = [], []
        for deck_id, decay in decays.items():
            params[f"factor{int(deck_id)}"], params[f"decay{int(deck_id)}"] = (
                factor(decay), -decay)
            factors.append(f" WHEN {int(deck_id)} THEN :factor{int(deck_id)}")
            powers.append(f" WHEN {int(deck_id)} THEN :decay{int(deck_id)}")
        curve = (f"pow(1 + CASE deck_id{''.join(factors)} END * {elapsed},"
                 f" CASE deck_id{''.join(powers)} END)")
        recall, lowest = f"sum({curve}) AS recall", f"min({curve}) AS lowest"

    # the topic's own entries (a deck's index would be walked once per topic)
    same_topic = (f" FROM cards AS other INDEXED BY idx_cards_active_recall"
                  f" WHERE other.topic = cards.topic AND {active('other')})")
    # one deck (`decays` has every deck when `every_deck`): no need to look
    first_deck = (str(int(next(iter(decays)))) if len(decays) == 1
                  else f"(SELECT min(other.deck_id){same_topic}")
    topics = (
        f"SELECT topic, count(*) AS active, count(stability) AS studied, {recall}, {lowest},"
        f" cards.rowid AS weakest, {first_deck} AS first_deck,"
        f" (SELECT min(other.position){same_topic} AS first_position"
        f" FROM cards INDEXED BY idx_cards_active_recall WHERE {active('cards')}"
        " GROUP BY topic")
    return (
        "SELECT per_topic.topic, (SELECT name FROM decks WHERE decks.id = first_deck) AS deck,"
        " active, studied, recall, lowest, card.id AS weakest_id,"
        f" card.question AS weakest_question FROM ({topics}) AS per_topic"
        " LEFT JOIN cards AS card ON card.rowid = weakest AND lowest IS NOT NULL"
        " ORDER BY first_deck, first_position, per_topic.topic"), params


def julian_day(moment: datetime) -> float:
    """SQLite's julianday() of a UTC time."""
    return moment.timestamp() / 86400 + 2440587.5


