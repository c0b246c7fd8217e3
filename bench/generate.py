"""Benchmark data: revision notes at scale, and a review history written straight into
a revise database.

Both are deterministic for a given seed. The notes read like a student's: units and
topics as headings, bullets with dates, figures, causes and definitions, some plain
bullets that give no card, and the odd short list. The history is what years of daily
sessions leave behind: each studied card has a first answer, learning steps, reviews at
growing intervals, lapses and relearning, and its scheduling columns are exactly what
its last review wrote (the same JSON shape `store.reviews.record_rating` stores).
"""

from __future__ import annotations

import math
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

SUBJECTS = ["History", "Biology", "Geography", "Chemistry", "Economics", "Politics",
            "Physics", "Literature", "Religious Studies", "Sociology"]
PEOPLE = ["Stalin", "Trotsky", "Bukharin", "Kirov", "Yezhov", "Beria", "Lenin", "Zinoviev",
          "Kamenev", "Rykov", "Tomsky", "Molotov", "Darwin", "Mendel", "Franklin", "Crick",
          "Curie", "Faraday", "Keynes", "Smith", "Ricardo", "Marx", "Bismarck", "Cavour",
          "Garibaldi", "Peel", "Gladstone", "Disraeli", "Elizabeth", "Cromwell"]
THINGS = ["the grain quota", "the harvest", "the party congress", "the central committee",
          "the Five-Year Plan", "the secret police", "the Red Army", "the trade unions",
          "the peasantry", "urban workers", "the state budget", "the railway network",
          "the coal industry", "steel output", "the export trade", "the League of Nations",
          "the treaty", "the census", "the cell membrane", "the enzyme", "the river basin",
          "the glacier", "the coastline", "the reaction", "the catalyst", "inflation",
          "the central bank", "the tariff", "the parliament", "the electorate"]
VERBS = ["reformed", "abolished", "expanded", "reorganised", "purged", "founded",
         "doubled", "restricted", "nationalised", "opposed", "supported", "replaced",
         "measured", "described", "discovered", "financed", "blocked", "approved"]
PLACES = ["Moscow", "Leningrad", "Kiev", "Magnitogorsk", "Berlin", "Paris", "London",
          "Vienna", "Warsaw", "Prague", "Rome", "Madrid", "Norwich", "Manchester",
          "Glasgow", "the Urals", "Siberia", "the Ukraine", "the Volga", "the Caucasus"]
UNITS = ["tonnes of grain", "workers", "members", "deaths", "arrests", "peasants",
         "factories", "kilometres of track", "soldiers", "households", "votes", "species"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
CAUSES = ["poor harvests", "falling prices", "the war scare", "rapid industrialisation",
          "forced requisitioning", "the murder of an official", "a run on the banks",
          "heavy rainfall", "a change of leadership", "foreign invasion",
          "a shortage of labour", "rising tariffs", "the new constitution"]
EFFECTS = ["bread riots", "mass arrests", "a famine", "strikes in the factories",
           "the collapse of the market", "flooding downstream", "a wave of emigration",
           "higher taxes", "a fall in output", "the expulsion of the opposition",
           "shortages in the towns", "a new treaty", "the spread of disease"]
TERMS = ["Kulak", "Gosplan", "Stakhanovite", "Nomenklatura", "Osmosis", "Diffusion",
         "Mitosis", "Meiosis", "Tariff", "Oligopoly", "Monopsony", "Erosion", "Isotope",
         "Catalyst", "Sovnarkom", "Comintern", "Politburo", "Orgburo", "Gulag",
         "Collectivisation", "Autarky", "Photosynthesis", "Respiration", "Mandate"]
DEFINITIONS = ["a body that planned the output of every industry",
               "the movement of particles from high to low concentration",
               "a peasant wealthy enough to hire labour",
               "a worker who beat the production norm",
               "the list of posts filled only with approval from above",
               "a tax on goods brought in from abroad",
               "a market with only a few large sellers",
               "the wearing away of land by water, wind or ice",
               "a substance that speeds a reaction without being used up",
               "the system of labour camps run by the secret police"]


SYLLABLES = ["ka", "ro", "vi", "nes", "to", "ma", "vel", "dra", "lin", "so", "pe", "gor",
             "ta", "mir", "ul", "zen"]


def _name(number: int) -> str:
    """A made-up place name, different for every number: it keeps bullets apart (real
    notes rarely repeat a bullet word for word) without adding a figure to the bullet."""
    parts = []
    while True:
        number, digit = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
        if not number:
            break
    return ("".join(parts) + "sk").capitalize()


def _phrase(rng: random.Random, number: int) -> str:
    return (f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} {rng.choice(THINGS)} "
            f"in {_name(number)}")


def _bullet(rng: random.Random, number: int) -> str:
    """One bullet; about one card per bullet on average, as in real notes."""
    roll = rng.random()
    year = rng.randint(1820, 1990)
    if roll < 0.33:
        if rng.random() < 0.5:
            return f"In {year} {_phrase(rng, number)}"
        return f"{_phrase(rng, number)} in {rng.choice(MONTHS)} {year}"
    if roll < 0.58:
        amount = rng.choice([f"{rng.randint(2, 999):,}", f"{rng.randint(1000, 9_999_999):,}",
                             f"{rng.randint(1, 99)}%"])
        if amount.endswith("%"):
            return f"{amount} of {rng.choice(UNITS)} left {_name(number)}"
        return (f"{rng.choice(THINGS).capitalize()} counted {amount} {rng.choice(UNITS)}"
                f" across {_name(number)}")
    if roll < 0.68:
        cause, effect = rng.choice(CAUSES), rng.choice(EFFECTS)
        link = rng.choice(["led to", "=>", "caused"])
        return f"{cause.capitalize()} in {_name(number)} {link} {effect}"
    if roll < 0.95:
        return f"{rng.choice(TERMS)} in {_name(number)}: {rng.choice(DEFINITIONS)}"
    return f"{_phrase(rng, number)}, as the sources agree"


def write_notes(path: Path, bullets: int, *, seed: int = 1) -> int:
    """Write notes with `bullets` bullets to `path` (Markdown: units, topics, bullets,
    a few nested bullets and short lists); the number of bytes written."""
    rng = random.Random(seed)
    lines: list[str] = []
    written = 0
    unit = 0
    while written < bullets:
        unit += 1
        lines.append(f"# Unit {unit}: {rng.choice(SUBJECTS)}\n")
        for topic in range(1, rng.randint(8, 16) + 1):
            if written >= bullets:
                break
            lines.append(f"\n## Topic {unit}.{topic}: {rng.choice(THINGS).capitalize()}\n\n")
            for _ in range(rng.randint(10, 40)):
                if written >= bullets:
                    break
                if rng.random() < 0.02 and bullets - written >= 4:
                    lines.append(f"- Effects of {rng.choice(CAUSES)} in {_name(written)}:\n")
                    for item in range(3):
                        lines.append(f"  - {rng.choice(EFFECTS)} in {_name(written + item)}\n")
                    written += 4
                    continue
                lines.append(f"- {_bullet(rng, written)}\n")
                written += 1
                if rng.random() < 0.05 and written < bullets:
                    lines.append(f"  - {_bullet(rng, written)}\n")
                    written += 1
    text = "".join(lines)
    path.write_text(text, encoding="utf-8")
    return len(text.encode())


# --- review history -------------------------------------------------------------------

LEARNING_STEP = timedelta(minutes=10)
RELEARNING_STEP = timedelta(minutes=10)
SCHEDULE = ("state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses")


class _Stamps:
    """Epoch seconds as revise stores times (ISO 8601 UTC, whole seconds), fast: a million
    reviews need three million of them."""

    def __init__(self) -> None:
        self.days: dict[int, str] = {}

    def __call__(self, seconds: float) -> str:
        day, rest = divmod(int(seconds), 86400)
        prefix = self.days.get(day)
        if prefix is None:
            prefix = self.days[day] = datetime.fromtimestamp(day * 86400, UTC).strftime(
                "%Y-%m-%dT")
        hours, rest = divmod(rest, 3600)
        return f"{prefix}{hours:02d}:{rest // 60:02d}:{rest % 60:02d}+00:00"


def _json(card: dict) -> str:
    """`json.dumps` of a card's scheduling state, as `store.reviews.record_rating` writes it (the
    same keys, order and spacing), built directly because it runs two million times."""
    return (f'{{"state": "{card["state"]}", "step": {_value(card["step"])}, '
            f'"stability": {_value(card["stability"])}, '
            f'"difficulty": {_value(card["difficulty"])}, "due": {_value(card["due"])}, '
            f'"last_review": {_value(card["last_review"])}, "reps": {card["reps"]}, '
            f'"lapses": {card["lapses"]}}}')


def _value(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


def _card_history(rng: random.Random, count: int, now: float, span: float, card_id: str,
                  stamp: _Stamps) -> tuple[list[tuple], dict]:
    """`count` answers to one card ending before `now`, and the card's state after them.

    Ratings follow a typical student (Again 10%, Hard 15%, Good 65%, Easy 10%); each
    review's interval is the card's stability, which grows with every pass and shrinks
    with a lapse. A card with more answers than fit in `span` at that pace is a hard
    card: its intervals are squeezed to fit.
    """
    ratings: list[int] = []
    # the first answer (new -> learning), then a step to graduate
    ratings.append(rng.choice((1, 3, 3, 3, 4)))
    for _ in range(count - 1):
        roll = rng.random()
        ratings.append(1 if roll < 0.10 else 2 if roll < 0.25 else 3 if roll < 0.90 else 4)
    states, gaps = _walk(rng, ratings)
    if states[-1][1]["state"] != "review" and rng.random() > 0.003:
        # Learning steps take minutes, so only a card studied in today's session is
        # still in one: the others' last answer took them out of it.
        ratings[-1] = 4 if count == 1 else 3
        states, gaps = _walk(rng, ratings)
    # the answers are spaced by the waits before them; the last one was a while ago
    spaced = sum(gaps[:-1])
    # how far through its next wait the card is: a few cards in a hundred are due
    overdue = rng.uniform(0.0, 1.03)
    tail = gaps[-1] * overdue
    if spaced + tail > span:
        squeeze = span / (spaced + tail)
        gaps = [gap * squeeze for gap in gaps]
        spaced, tail = sum(gaps[:-1]), gaps[-1] * overdue
    moment = now - spaced - tail
    rows = []
    before_json = _json(states[0][0])
    for index, (before, after, _wait) in enumerate(states):
        answered = stamp(moment)
        after["last_review"] = answered
        moment += gaps[index]
        after["due"] = stamp(moment)
        after_json = _json(after)
        rows.append((card_id, ratings[index], answered, rng.randint(1500, 20000),
                     before["state"], before_json, after_json))
        before_json = after_json
    return rows, states[-1][1]


def _walk(rng: random.Random, ratings: list[int]) -> tuple[list[tuple[dict, dict, float]],
                                                          list[float]]:
    """The states a card goes through for these ratings, and the wait after each answer
    (in seconds); answer times are placed afterwards."""
    states: list[tuple[dict, dict, float]] = []
    card = {"state": "new", "step": None, "stability": None, "difficulty": None,
            "due": None, "last_review": None, "reps": 0, "lapses": 0}
    stability, difficulty = 0.0, 5.0
    gaps: list[float] = []
    for rating in ratings:
        before = card
        after = dict(before)
        after["reps"] = before["reps"] + 1
        if before["state"] == "new":
            stability = (0.4, 1.2, 3.2, 15.7)[rating - 1]
            difficulty = (7.0, 6.0, 5.0, 3.5)[rating - 1] + rng.uniform(-0.5, 0.5)
            if rating == 4:
                after.update(state="review", step=None)
                wait = stability * 86400
            else:
                after.update(state="learning", step=0 if rating == 1 else 1)
                wait = LEARNING_STEP.total_seconds()
        elif before["state"] in ("learning", "relearning"):
            if rating == 1:
                after.update(step=0)
                wait = LEARNING_STEP.total_seconds()
            else:
                after.update(state="review", step=None)
                stability = max(stability, 1.0) * (1.0 + 0.2 * (rating - 2))
                wait = stability * 86400
        else:  # review
            if rating == 1:
                after["lapses"] = before["lapses"] + 1
                after.update(state="relearning", step=0)
                stability = max(0.5, stability * 0.3)
                difficulty = min(10.0, difficulty + 0.8)
                wait = RELEARNING_STEP.total_seconds()
            else:
                growth = {2: 1.3, 3: 2.3, 4: 3.5}[rating] * (1.2 - difficulty / 20)
                stability *= max(1.1, growth)
                difficulty = max(1.0, min(10.0, difficulty + {2: 0.3, 3: 0.0, 4: -0.4}[rating]))
                wait = stability * 86400 * rng.uniform(0.9, 1.1)
        after["stability"] = round(stability, 4)
        after["difficulty"] = round(difficulty, 4)
        states.append((before, after, wait))
        gaps.append(wait)
        card = after
    return states, gaps


def write_history(db_path: Path, reviews: int, *, now: datetime | None = None,
                  years: float = 2.0, seed: int = 2) -> tuple[int, int]:
    """Fill revise's database at `db_path` with `reviews` answers spread over the last
    `years`, and set each studied card to the state its last answer left it in.

    About four cards in five are studied, each with a share of the answers drawn from
    a long-tailed spread (a few hard cards take many). Returns (studied cards, reviews).
    """
    now = now or datetime.now(UTC)
    rng = random.Random(seed)
    stamp = _Stamps()
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        ids = [row[0] for row in conn.execute(
            "SELECT id FROM cards WHERE retired = 0 ORDER BY deck_id, source_name, position, slot")]
        studied = ids[:max(1, math.ceil(len(ids) * 0.8))] if reviews else []
        weights = [rng.paretovariate(2.5) for _ in studied]
        scale = reviews / sum(weights) if studied else 0
        counts = [max(1, int(weight * scale)) for weight in weights]
        # hand out the rounding so the total is exact
        short = reviews - sum(counts)
        index = 0
        while short != 0 and counts:
            step = 1 if short > 0 else -1
            if counts[index % len(counts)] + step >= 1:
                counts[index % len(counts)] += step
                short -= step
            index += 1
        span = 365 * years * 86400
        columns = "card_id, rating, reviewed_at, duration_ms, state, state_before, state_after"
        conn.execute("BEGIN IMMEDIATE")
        # Answers are made card by card, but a real log grows in time order: stage them,
        # then copy them across sorted, so row ids rise with time as they do in use.
        conn.execute(f"CREATE TEMP TABLE staged ({columns})")
        review_rows: list[tuple] = []
        card_rows: list[tuple] = []
        insert = f"INSERT INTO staged ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?)"
        update = (f"UPDATE cards SET {', '.join(f'{name} = ?' for name in SCHEDULE)}"
                  " WHERE id = ?")
        for card_id, count in zip(studied, counts, strict=True):
            rows, card = _card_history(rng, count, now.timestamp(), span, card_id, stamp)
            review_rows.extend(rows)
            card_rows.append((*(card[name] for name in SCHEDULE), card_id))
            if len(review_rows) >= 50_000:
                conn.executemany(insert, review_rows)
                review_rows.clear()
        conn.executemany(insert, review_rows)
        # Into revise's indexes in time order too, as answers reach them in use. An index
        # made at once after the copy would have every page full, so that each answer
        # afterwards splits one: no database that has been used looks like that.
        conn.execute(f"PRAGMA cache_size = -{256 * 1024}")
        conn.execute(f"INSERT INTO reviews ({columns}) SELECT {columns} FROM staged"
                     " ORDER BY reviewed_at")
        conn.execute("DROP TABLE staged")
        conn.executemany(update, card_rows)
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        total = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    finally:
        conn.close()
    return len(studied), total
