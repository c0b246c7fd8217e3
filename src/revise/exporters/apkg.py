"""Anki package export (`.apkg`), built with genanki, optionally with scheduling.

Every card becomes one note of revise's own note type (Question, Answer, Topic,
Source). The note's GUID is the card's id, which survives edits of the notes, so
importing a newer export into Anki updates the notes in place; each note's
modification time is the card's last change, which is what Anki compares to
decide whether to take the update.

genanki writes new, unscheduled cards only. With scheduling, the collection it
wrote is edited before it is packed: reviewed cards get Anki's card state, interval,
due day and FSRS memory state, and their reviews become Anki review-log rows. That
SQL runs on the package being written, never on revise's database.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from revise.exporters import anki_tags, atomic_output, html_field, topic_path

# Fixed forever: Anki recognises revise's note type by this id across releases.
MODEL_ID = 1_718_021_507_311
MODEL_NAME = "revise"
FIELDS = ("Question", "Answer", "Topic", "Source")

QUESTION_TEMPLATE = (
    '{{#Topic}}<div class="topic">{{Topic}}</div>{{/Topic}}\n'
    '<div class="question">{{Question}}</div>'
)
ANSWER_TEMPLATE = (
    '{{FrontSide}}\n<hr id="answer">\n<div class="answer">{{Answer}}</div>\n'
    '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
)
CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.topic { font-size: 14px; color: #777; margin-bottom: 0.8em; }
.answer { font-weight: bold; }
.source { font-size: 14px; color: #777; margin-top: 1.2em; }
"""

# Anki's card types and queues
NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
QUEUE_SUSPENDED = -1
CARD_TYPES = {"learning": LEARNING, "review": REVIEW, "relearning": RELEARNING}
QUEUES = {"learning": 1, "review": 2, "relearning": 1}
# revlog types: what the card was when it was answered
REVLOG_TYPES = {"new": 0, "learning": 0, "review": 1, "relearning": 2}
DEFAULT_FACTOR = 2500
MAX_ANSWER_MS = 60_000  # Anki caps the time an answer took at a minute


def model():
    import genanki

    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Card 1", "qfmt": QUESTION_TEMPLATE, "afmt": ANSWER_TEMPLATE}],
        css=CSS,
    )


def deck_id(name: str) -> int:
    """A deck id derived from the name, the same in every export (and never Anki's 1)."""
    digest = hashlib.blake2b(f"revise deck\x1f{name}".encode(), digest_size=6).digest()
    return (1 << 48) + int.from_bytes(digest, "big")


def note_fields(card: dict) -> list[str]:
    return [html_field(card["question"]), html_field(card["answer"]),
            html_field(topic_path(card["topic"])), html_field(card.get("source") or "")]


def write(
    cards: list[dict],
    path: Path,
    *,
    with_scheduling: bool = False,
    reviews: dict[str, list[dict]] | None = None,
    descriptions: dict[str, str] | None = None,
    now: datetime | None = None,
) -> None:
    """Write `cards` as an Anki package. With `with_scheduling`, reviewed cards carry
    their progress and `reviews` (card id → reviews, oldest first) their history."""
    import genanki

    now = now or datetime.now(UTC)
    descriptions = descriptions or {}
    note_type = model()
    decks: dict[str, genanki.Deck] = {}
    for card in cards:
        name = card["deck"]
        if name not in decks:
            decks[name] = genanki.Deck(deck_id(name), name, descriptions.get(name) or "")
        decks[name].add_note(genanki.Note(model=note_type, fields=note_fields(card),
                                          guid=card["id"], tags=anki_tags(card)))
    with tempfile.TemporaryDirectory() as folder:
        collection = Path(folder) / "collection.anki2"
        conn = sqlite3.connect(collection)
        try:
            cursor = conn.cursor()
            stamp = now.timestamp()
            genanki.Package(list(decks.values())).write_to_db(
                cursor, stamp, itertools.count(int(stamp * 1000)))
            _stamp_notes(cursor, cards)
            if with_scheduling:
                _schedule(cursor, cards, reviews or {})
            conn.commit()
        finally:
            conn.close()
        with atomic_output(path, "wb") as out, zipfile.ZipFile(out, "w",
                                                               zipfile.ZIP_DEFLATED) as package:
            package.write(collection, "collection.anki2")
            package.writestr("media", "{}")


def _seconds(text: str | None) -> int | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def _stamp_notes(cursor: sqlite3.Cursor, cards: list[dict]) -> None:
    """A note's modification time is when its card last changed in revise."""
    # by note id: Anki's notes table has no index on guid, so a lookup by guid would
    # scan every note for every card
    note_ids = dict(cursor.execute("SELECT guid, id FROM notes"))
    cursor.executemany("UPDATE notes SET mod = ? WHERE id = ?", [
        (changed, note_ids[card["id"]]) for card in cards
        if (changed := _seconds(card.get("updated"))) is not None])


def _schedule(cursor: sqlite3.Cursor, cards: list[dict],
              reviews: dict[str, list[dict]]) -> None:
    created, conf = cursor.execute("SELECT crt, conf FROM col").fetchone()
    # genanki leaves the scheduler version unset, which Anki reads as its first
    # scheduler and upgrades on import, renumbering the answers of learning cards.
    cursor.execute("UPDATE col SET conf = ?", [json.dumps({**json.loads(conf), "schedVer": 2})])
    anki_ids = dict(cursor.execute(
        "SELECT notes.guid, cards.id FROM cards JOIN notes ON notes.id = cards.nid"))
    taken: set[int] = set()
    for card in cards:
        anki_id = anki_ids[card["id"]]
        if card.get("suspended"):
            cursor.execute("UPDATE cards SET queue = ? WHERE id = ?", [QUEUE_SUSPENDED, anki_id])
        state = card.get("state") or "new"
        due = _seconds(card.get("due"))
        if state == "new" or due is None:
            continue
        last = _seconds(card.get("last_review")) or due
        interval = max(1, round((due - last) / 86400))
        # Anki counts a review card's due date in days since the collection was created,
        # and a (re)learning card's in seconds.
        due_value = (due - created) // 86400 if state == "review" else due
        memory = {}
        if card.get("stability") is not None and card.get("difficulty") is not None:
            memory = {"s": round(card["stability"], 4), "d": round(card["difficulty"], 4),
                      "lrt": last}
        queue = QUEUE_SUSPENDED if card.get("suspended") else QUEUES[state]
        cursor.execute(
            "UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?,"
            " lapses = ?, left = ?, data = ?, mod = ? WHERE id = ?",
            [CARD_TYPES[state], queue, due_value, interval if state != "learning" else 0,
             DEFAULT_FACTOR, card.get("reps") or 0, card.get("lapses") or 0,
             1 if state in ("learning", "relearning") else 0,
             json.dumps(memory) if memory else "", last, anki_id],
        )
        _write_history(cursor, anki_id, reviews.get(card["id"], []), taken)


def _write_history(cursor: sqlite3.Cursor, anki_id: int, history: list[dict],
                   taken: set[int]) -> None:
    """One revlog row per review. Anki keys rows by the answer's time in milliseconds,
    so two answers in the same millisecond are nudged apart."""
    last_interval = 0
    for review in history:
        answered = _seconds(review["reviewed_at"])
        if answered is None:
            continue
        row_id = answered * 1000
        while row_id in taken:
            row_id += 1
        taken.add(row_id)
        before = review.get("state_before") or {}
        after = review.get("state_after") or {}
        after_due = _seconds(after.get("due"))
        if after.get("state") == "review" and after_due is not None:
            interval = max(1, round((after_due - answered) / 86400))
        elif after_due is not None:
            interval = -max(1, after_due - answered)  # learning steps: negative seconds
        else:
            interval = 0
        kind = REVLOG_TYPES.get(before.get("state") or "new", 0)
        cursor.execute(
            "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
            " VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
            [row_id, anki_id, int(review["rating"]), interval, last_interval,
             DEFAULT_FACTOR if kind else 0,
             min(MAX_ANSWER_MS, max(0, review.get("duration_ms") or 0)), kind],
        )
        last_interval = interval
