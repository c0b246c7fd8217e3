"""Progress reports: what today holds (`revise due`, the dashboard) and how revision has
gone (`revise stats`). Days are the student's revision days (see `scheduler.day_start`);
this module turns them into UTC boundaries, `revise.store` counts between them in SQL, and the
results are plain dicts ready for JSON. Drawing them is `render_*`'s job.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from revise.scheduler import (
    DEFAULT_DECAY,
    DEFAULT_ROLLOVER_HOUR,
    day_start,
    day_starts,
    local_time,
    next_day_start,
    parse_time,
    revision_day,
)
from revise.store import Store, reviews, stats
from revise.store.decks import deck_ids
from revise.store.settings import setting
from revise.times import iso

ROLLOVER_SETTING = "rollover_hour"
CALENDAR_WEEKS = 26
TOPIC_ROWS = 20  # more topics than this: the table shows the weakest
FORECAST_DAYS = 30


def rollover_hour(store: Store) -> int:
    value = setting(store, ROLLOVER_SETTING)
    return DEFAULT_ROLLOVER_HOUR if value is None else int(value)


LEARNING_STATES = ("learning", "relearning")
DUE_KEYS = ("new", "learning", "learning_due_now", "reviews", "reviews_due_now", "due_now",
            "left_today", "active_cards")


def due_report(store: Store, now: datetime, *, rollover: int = DEFAULT_ROLLOVER_HOUR,
               tz: tzinfo | None = None) -> dict:
    """Per deck and in total: `new` cards today's limit lets in; `learning` cards due
    today and `learning_due_now`; `reviews` due today and `reviews_due_now`; `due_now`,
    the learning and review cards whose time has come; `left_today`, everything today's
    sessions will show (new + learning + reviews); and `active_cards` in the deck (not
    suspended or retired)."""
    start = iso(day_start(now, rollover, tz))
    end = iso(next_day_start(now, rollover, tz))
    started = reviews.new_started_since(store, start)
    after_now = iso(now + timedelta(seconds=1))  # count_due counts due < before
    touched: set | None = None
    decks = []
    for row in reviews.due_counts(store, now=iso(now), day_end=end):
        allowance = max(0, row["new_per_day"] - started.get(row["deck_id"], 0))
        new = min(row["new"], allowance)
        if new:
            # one new card per bullet a day, as a session draws them
            if touched is None:
                touched = reviews.bullets_reviewed_since(store, start)
            skip = {(name, position) for deck_id, name, position in touched
                    if deck_id == row["deck_id"]}
            new = len(reviews.new_cards(store, row["deck_id"], limit=allowance,
                                        skip_bullets=skip))
        learning_now = reviews.count_due(store, states=LEARNING_STATES, before=after_now,
                                         deck_ids=[row["deck_id"]]) if row["learning"] else 0
        decks.append({
            "deck": row["deck"],
            "new": new,
            "learning": row["learning"],
            "learning_due_now": learning_now,
            "reviews": row["due"] + row["later"],
            "reviews_due_now": row["due"],
            "due_now": learning_now + row["due"],
            "left_today": new + row["learning"] + row["due"] + row["later"],
            "active_cards": row["cards"],
        })
    totals = {key: sum(deck[key] for deck in decks) for key in DUE_KEYS}
    return {**totals, "decks": decks}


def due_today(store: Store, now: datetime) -> dict:
    """`due_report` for the student's own revision day."""
    return due_report(store, now, rollover=rollover_hour(store))


def dashboard(store: Store, now: datetime) -> dict:
    """What `revise` alone shows: today's due report and the streak."""
    hour = rollover_hour(store)
    return {"due": due_report(store, now, rollover=hour),
            "streak_days": streak(store, now, rollover=hour)}


def streak(store: Store, now: datetime, *, rollover: int = DEFAULT_ROLLOVER_HOUR,
           tz: tzinfo | None = None, deck_ids: list[int] | None = None,
           known: dict[date, int] | None = None) -> int:
    """Consecutive revision days with reviews, up to today (or up to yesterday while today
    has none yet, so a streak does not look broken before the day's session). `known`
    holds review counts already read for some days."""
    today = revision_day(now, rollover, tz)
    reviewed = {day: bool(count) for day, count in (known or {}).items()}
    day, length, chunk = today, 0, 32
    earliest: date | None = None  # the day of the first review: none are looked for before
    while True:
        if day not in reviewed:
            if earliest is None:
                first_review = parse_time(stats.first_review(store, deck_ids=deck_ids))
                earliest = (today if first_review is None
                            else min(today, revision_day(first_review, rollover, tz)))
            first = max(day - timedelta(days=chunk - 1), earliest)
            if first > day:
                return length
            count = (day - first).days + 1
            bounds = [iso(moment) for moment in day_starts(first, count, rollover, tz)]
            found = stats.reviews_between(store, bounds, deck_ids=deck_ids, exists=True)
            reviewed.update((first + timedelta(days=offset), bool(any_review))
                            for offset, any_review in enumerate(found))
            chunk = min(chunk * 2, 512)
        if reviewed[day]:
            length += 1
        elif day != today:
            return length
        day -= timedelta(days=1)


def stats_report(store: Store, now: datetime, *, deck: str | None = None,
                 rollover: int = DEFAULT_ROLLOVER_HOUR, tz: tzinfo | None = None,
                 weeks: int = CALENDAR_WEEKS) -> dict:
    """`revise stats`'s report: reviews today and in all, the streak, true retention
    over 30 days, the 30-day forecast, the calendar of `weeks` weeks and each topic's
    strength."""
    ids = deck_ids(store, deck)
    today = revision_day(now, rollover, tz)
    first = today - timedelta(days=today.weekday() + 7 * (weeks - 1))  # a Monday
    days = (today - first).days + 1
    bounds = [iso(moment) for moment in day_starts(first, days, rollover, tz)]
    per_day = stats.reviews_between(store, bounds, deck_ids=ids)
    calendar = {first + timedelta(days=offset): count for offset, count in enumerate(per_day)}
    total, passed = stats.review_pass_counts(store, iso(now - timedelta(days=30)), deck_ids=ids)
    ahead = [iso(moment) for moment in day_starts(today, FORECAST_DAYS, rollover, tz)]
    forecast = stats.due_between(store, ahead, deck_ids=ids)
    return {
        "deck": deck,
        "today": today.isoformat(),
        "reviews_today": calendar[today],
        "reviews_total": stats.reviews_total(store, deck_ids=ids),
        "streak_days": streak(store, now, rollover=rollover, tz=tz, deck_ids=ids,
                              known=calendar),
        "retention_30d": passed / total if total else None,
        "retention_30d_reviews": total,
        "forecast": [{"date": (today + timedelta(days=offset)).isoformat(), "due": count}
                     for offset, count in enumerate(forecast)],
        "calendar": [{"date": day.isoformat(), "reviews": count}
                     for day, count in calendar.items()],
        "topics": stats.topic_strength(store, now=now, default_decay=DEFAULT_DECAY,
                                       deck_ids=ids),
    }


def stats_now(store: Store, now: datetime, *, deck: str | None = None) -> dict:
    """`stats_report` for the student's own revision day."""
    return stats_report(store, now, deck=deck, rollover=rollover_hour(store))


# --- drawing --------------------------------------------------------------------------

_BLOCKS = " ▁▂▃▄▅▆▇█"
_HEAT = ("grey30", "#0e4429", "#006d32", "#26a641", "#39d353")  # none, then quartiles


def bar_chart(values: list[int], labels: dict[int, str], *, height: int = 8):
    """A column per value, eighth-blocks for the top of each bar, `labels` placed under
    the columns they name (by index)."""
    from rich.text import Text

    top = max(values, default=0)
    scale = height / top if top else 0
    width = len(str(top))
    text = Text()
    for level in range(height, 0, -1):
        axis = str(top) if level == height else ("0" if level == 1 and not top else "")
        text.append(f"{axis:>{width}} │", style="dim")
        for value in values:
            fill = value * scale - (level - 1)
            block = _BLOCKS[8] if fill >= 1 else _BLOCKS[max(0, round(fill * 8))]
            if value and level == 1 and block == " ":
                block = _BLOCKS[1]  # a day with any cards shows
            text.append(block + " ", style="cyan")
        text.append("\n")
    text.append(" " * width + " └" + "─" * (2 * len(values)) + "\n", style="dim")
    line = [" "] * (2 * len(values) + 10)
    for index, label in labels.items():
        start = 2 * index
        line[start:start + len(label)] = label
    text.append(" " * (width + 2) + "".join(line).rstrip(), style="dim")
    return text


def heatmap(calendar: list[dict], today: date):
    """Reviews per day as GitHub draws contributions: a column per week, Monday on top."""
    from rich.text import Text

    days = {date.fromisoformat(item["date"]): item["reviews"] for item in calendar}
    if not days:
        return Text("")
    start = min(days)
    first = start - timedelta(days=start.weekday())  # the Monday of the first week
    weeks = (today - first).days // 7 + 1
    busy = sorted(count for count in days.values() if count)
    cuts = [busy[int(len(busy) * share)] for share in (0.25, 0.5, 0.75)] if busy else []

    def shade(count: int) -> str:
        if not count:
            return _HEAT[0]
        return _HEAT[1 + sum(count > cut for cut in cuts)]

    text = Text("    ")
    last_month = None
    header = [" "] * (2 * weeks + 4)
    for week in range(weeks):
        monday = first + timedelta(days=7 * week)
        if monday.month != last_month:
            label = monday.strftime("%b")
            if all(cell == " " for cell in header[2 * week:2 * week + len(label) + 1]):
                header[2 * week:2 * week + len(label)] = label
            last_month = monday.month
    text.append("".join(header).rstrip() + "\n", style="dim")
    for weekday, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        text.append(f"{name:<4}", style="dim")
        for week in range(weeks):
            day = first + timedelta(days=7 * week + weekday)
            if day > today:
                break
            text.append("■ " if day >= start else "  ", style=shade(days.get(day, 0)))
        text.append("\n")
    text.append("    less ", style="dim")
    for style in _HEAT:
        text.append("■ ", style=style)
    text.append("more", style="dim")
    return text


def render_stats(report: dict):
    from rich.console import Group
    from rich.text import Text

    retention = report["retention_30d"]
    summary = Text.assemble(
        ("Reviews today ", "dim"), (f"{report['reviews_today']:,}", "bold"),
        ("   Total ", "dim"), (f"{report['reviews_total']:,}", "bold"),
        ("   Streak ", "dim"), (_days(report["streak_days"]), "bold"),
        ("   True retention (30 days) ", "dim"),
        ("—" if retention is None else f"{retention:.1%}", "bold"),
        ("" if retention is None else f" of {report['retention_30d_reviews']:,} reviews", "dim"),
    )
    forecast = report["forecast"]
    labels = {}
    for index in range(0, len(forecast), 7):
        day = date.fromisoformat(forecast[index]["date"])
        labels[index] = "today" if index == 0 else f"{day.day} {day.strftime('%b')}"
    chart = bar_chart([item["due"] for item in forecast], labels)

    table = topics_table(report["topics"])
    today = date.fromisoformat(report["today"])
    title = f"revise stats — {report['deck']}" if report["deck"] else "revise stats"
    return Group(
        Text(title, style="bold"), summary, Text(""),
        Text("Due in the next 30 days", style="bold"), chart, Text(""),
        Text(f"Reviews over the last {len(report['calendar']) // 7} weeks", style="bold"),
        heatmap(report["calendar"], today), Text(""),
        table if report["topics"] else Text("No cards yet.", style="dim"),
    )


def topics_table(all_topics: list[dict]):
    """Each topic on lines of its own, so its whole path can be read in 80 columns: the
    mean chance of recall now, the path with its card counts, and under it its weakest
    cards (without the topic their question may open with)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from revise.exporters.markdown import without_topic

    topics, title = _topics_shown(all_topics)
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", min_width=6)
    table.add_column(ratio=1)
    table.add_row(Text("recall", style="dim"), Text("topic, then its weakest card", style="dim"))
    for topic in topics:
        recall = topic["retrievability"]
        cell = Text(" › ".join(topic["topic"]) or "(no topic)", style="bold")
        cell.append(f"\n{topic['studied']} of {topic['cards']} studied", style="dim")
        for card in topic["weakest"]:
            cell.append(f" · {card['retrievability']:.0%} ", style="dim")
            cell.append(_short(without_topic(card["question"], topic["topic"]), 50))
        table.add_row("—" if recall is None else f"{recall:.0%}", cell)
    parts = [Text(title, style="bold"), table]
    recalls = [topic["retrievability"] for topic in topics
               if topic["retrievability"] is not None]
    if len(recalls) > 1 and min(recalls) >= 0.995:
        parts.insert(1, Text(
            "Every topic shows 100% now: its cards were reviewed moments ago, so any "
            "topic is about as weak as any other. The order comes from differences too "
            "small to show; they grow apart over the next days.", style="dim"))
    return Group(*parts)


def _topics_shown(topics: list[dict]) -> tuple[list[dict], str]:
    """The topics for the table and its title: all of them, in notes order, if they fit
    on a screen or two; else the ones least likely to be recalled now, weakest first."""
    if len(topics) <= TOPIC_ROWS:
        return topics, "Topics"
    studied = sorted((topic for topic in topics if topic["retrievability"] is not None),
                     key=lambda topic: topic["retrievability"])
    shown = studied[:TOPIC_ROWS] or topics[:TOPIC_ROWS]
    which = "Weakest" if studied else "First"
    return shown, (f"{which} {len(shown)} of {len(topics):,} topics"
                   " (revise stats --json lists them all)")


def render_due(report: dict):
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    columns = {"new": "new", "learning": "learning", "reviews": "reviews", "due_now": "due now",
               "left_today": "left today", "active_cards": "cards"}
    table = Table(expand=False)
    table.add_column("deck")
    for name in columns.values():
        table.add_column(name, justify="right")
    styles = {"new": "blue", "learning": "red", "reviews": "green", "due_now": "bold"}
    rows = report["decks"]
    for row in [*rows, {**report, "deck": "all decks"}] if len(rows) > 1 else rows:
        table.add_row(Text(row["deck"]), *(
            Text(str(row[key]), style=styles.get(key, "") if row[key] else "dim")
            for key in columns),
            end_section=row is rows[-1])
    legend = Text("due now: learning and reviews whose time has come\n"
                  "left today: new + learning + reviews, all due today · cards: active cards",
                  style="dim")
    return Group(table, legend)


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def cards_table(cards: list[dict], now: datetime, tz: tzinfo | None = None):
    """`revise cards` at a terminal: one line a card where it fits 80 columns (short id,
    deck, kind, question, answer, when due); long text ends in "…". The question leaves
    out the topic it opens with, and the topic itself is not repeated."""
    from rich import box
    from rich.table import Table

    from revise.exporters.markdown import without_topic

    today = local_time(now, tz).date()
    due = [_when_due(card, today, tz) for card in cards]
    # the short columns as wide as their widest entry; question and answer share the rest
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1), pad_edge=False,
                  collapse_padding=True, expand=True)
    table.add_column("id", style="dim", no_wrap=True,
                     width=max(6, *(len(card.get("short_id", card["id"][:8])) for card in cards)))
    table.add_column("deck", no_wrap=True, overflow="ellipsis",
                     width=min(14, max(4, *(len(card["deck"]) for card in cards))))
    table.add_column("kind", no_wrap=True, style="dim",
                     width=max(4, *(len(card["kind"]) for card in cards)))
    table.add_column("question", ratio=3, no_wrap=True, overflow="ellipsis")
    table.add_column("answer", ratio=2, no_wrap=True, overflow="ellipsis")
    table.add_column("due", no_wrap=True, justify="right", width=max(3, *map(len, due)))
    for card, when in zip(cards, due, strict=True):
        table.add_row(card.get("short_id", card["id"][:8]), card["deck"], card["kind"],
                      _one_line(without_topic(card["question"], card["topic"])),
                      _one_line(card["answer"]), when)
    return table


def _one_line(text: str) -> str:
    return " / ".join(text.replace("\t", " ").splitlines())


def _when_due(card: dict, today: date, tz: tzinfo | None) -> str:
    if card.get("deleted"):
        return "deleted"
    if card.get("retired"):
        return "retired"
    if card.get("suspended"):
        return "suspended"
    if card["state"] == "new" or not card.get("due"):
        return "new"
    day = local_time(parse_time(card["due"]), tz).date()
    if day <= today:
        return "today" if day == today else "overdue"
    return f"{day.day} {day:%b}" + ("" if day.year == today.year else f" {day.year}")
