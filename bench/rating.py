"""Rate a card and draw the next, COUNT times, through the review session's own code.

    python bench/rating.py DATABASE COUNT

A `review.Session` is built over the database as `revise review` builds it; each step
times what happens between the student's rating key and the next card being ready:
the session rates the card (FSRS), commits the answer (`store.reviews.record_rating`, one
transaction, before anything else happens) and draws the next card. Drawing the screen
is left out, as it is in Anki's figure. The session's upkeep while a question is on
screen (copying the database's log into its file every so many answers) is timed
apart, as `upkeep_max`. Prints one JSON object (seconds).
"""

from __future__ import annotations

import io
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime


def main(database: str, count: int, seed: int = 3) -> dict:
    from rich.console import Console

    from revise.progress import rollover_hour
    from revise.review import Options, Screen, ScriptedKeys, Session
    from revise.scheduler import Rating, schedule_of
    from revise.store import Store

    rng = random.Random(seed)

    def clock() -> datetime:
        return datetime.now(UTC)

    with Store(database) as store:
        before = store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        session = Session(store, Options(rollover_hour=rollover_hour(store)), ScriptedKeys([]),
                          Screen(Console(file=io.StringIO())), clock=clock)
        started = time.perf_counter()
        session.build(clock())
        drawn = session.draw(clock())
        first = time.perf_counter() - started
        times: list[float] = []
        upkeep: list[float] = []
        while drawn is not None and len(times) < count:
            card, row = drawn
            # what the session has worked out while the card was on screen
            scheduler = session.scheduler(row)
            schedule = schedule_of(row)
            roll = rng.random()
            rating = (Rating.AGAIN if roll < 0.10 else Rating.HARD if roll < 0.25
                      else Rating.GOOD if roll < 0.90 else Rating.EASY)
            shown = session.timer()
            began = time.perf_counter()
            session.rate(card, row, scheduler, schedule, rating, shown)
            drawn = session.draw(clock())
            times.append(time.perf_counter() - began)
            # what the session does once the next question is on screen, timed apart
            began = time.perf_counter()
            session.upkeep()
            upkeep.append(time.perf_counter() - began)
        # every answer must be in the database, not just in the session
        stored = store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] - before
    ordered = sorted(times)
    return {
        "ratings": len(times),
        "stored": stored,
        "median": statistics.median(times) if times else None,
        "p99": ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if times else None,
        "first_draw": first,
        "upkeep_max": max(upkeep) if upkeep else None,
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]))))
