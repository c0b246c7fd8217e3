"""Anki package export (`.apkg`), built with genanki, optionally with scheduling.

Every card becomes one note of revise's own note type (Question, Answer, Topic,
Source, Kind, Bullet); a cloze card (kind `cloze`, its question written with Anki's
`{{c1::...}}` deletions) becomes a note of revise's cloze note type, one note for the
cards of a bullet that share its text. Kind and Bullet (the notes file and line the
card came from) are shown on no card: they let revise, importing the package, give
the cards their kinds back and keep two cards of one bullet from following each
other. The note's GUID is the card's id, which survives edits of the notes, so
importing a newer export into Anki updates the notes in place; each note's
modification time is the card's last change, which is what Anki compares to
decide whether to take the update.

genanki writes the collection's skeleton: the schema, the note type and the decks.
The notes, cards and review-log rows are inserted here in batches as revise's
database streams them, as genanki would write them but without building an object
per note. With scheduling, reviewed cards get Anki's card state, interval, due day
and FSRS memory state, and their reviews become Anki review-log rows. That SQL runs
on the package being written, never on revise's database.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from revise.exporters import anki_tags, atomic_output, html_field, topic_path

# Fixed forever: Anki recognises revise's note type by this id across releases.
MODEL_ID = 1_718_021_507_311
MODEL_NAME = "revise"
FIELDS = ("Question", "Answer", "Topic", "Source", "Kind", "Bullet")
CLOZE_MODEL_ID = 1_718_021_507_312
CLOZE_MODEL_NAME = "revise cloze"
CLOZE_FIELDS = ("Text", "Extra", "Topic", "Source", "Kind", "Bullet")
# Anki's cloze deletions: {{c1::hidden}} or {{c1::hidden::hint}}
CLOZE_NUMBER = re.compile(r"\{\{c(\d+)::")

QUESTION_TEMPLATE = (
    '{{#Topic}}<div class="topic">{{Topic}}</div>{{/Topic}}\n'
    '<div class="question">{{Question}}</div>'
)
ANSWER_TEMPLATE = (
    '{{FrontSide}}\n<hr id="answer">\n<div class="answer">{{Answer}}</div>\n'
    '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
)
CLOZE_QUESTION_TEMPLATE = (
    '{{#Topic}}<div class="topic">{{Topic}}</div>{{/Topic}}\n'
    '<div class="question">{{cloze:Text}}</div>'
)
CLOZE_ANSWER_TEMPLATE = (
    '{{#Topic}}<div class="topic">{{Topic}}</div>{{/Topic}}\n'
    '<div class="question">{{cloze:Text}}</div>\n{{#Extra}}<div>{{Extra}}</div>{{/Extra}}\n'
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


def cloze_model():
    import genanki

    return genanki.Model(
        CLOZE_MODEL_ID,
        CLOZE_MODEL_NAME,
        fields=[{"name": name} for name in CLOZE_FIELDS],
        templates=[{"name": "Cloze", "qfmt": CLOZE_QUESTION_TEMPLATE,
                    "afmt": CLOZE_ANSWER_TEMPLATE}],
        css=CSS + ".cloze { font-weight: bold; color: blue; }\n",
        model_type=genanki.Model.CLOZE,
    )


# how a cloze card's question shows its hidden words when it is not in Anki's syntax
BLANK = "____"


def cloze_text(card: dict) -> str | None:
    """The text of the Anki cloze note a card becomes, or None for a card that is not
    one: a cloze card's question in Anki's syntax (`{{c1::...}}`) as it is, or with its
    one blank as a deletion of the answer. An imported cloze card, already shown as
    `[...]`, stays a card of revise's note type."""
    if card.get("kind") != "cloze":
        return None
    question = card["question"]
    if CLOZE_NUMBER.search(question):
        return question
    if question.count(BLANK) == 1 and card["answer"].strip():
        return question.replace(BLANK, "{{c1::" + card["answer"].replace("}}", "} }") + "}}")
    return None


def bullet_field(card: dict) -> str:
    """Where a card's bullet is: its notes file and line ("notes.txt:12"), the same for
    every card of the bullet; empty for cards from no notes file."""
    name = card.get("source_name") or ""
    return f"{name}:{card['line']}" if name and card.get("line") is not None else ""


def deck_id(name: str) -> int:
    """A deck id derived from the name, the same in every export (and never Anki's 1)."""
    digest = hashlib.blake2b(f"revise deck\x1f{name}".encode(), digest_size=6).digest()
    return (1 << 48) + int.from_bytes(digest, "big")


def note_fields(card: dict) -> list[str]:
    """A card's fields in revise's note type (or, Text and Extra in place of Question
    and Answer, in its cloze note type)."""
    return [html_field(card["question"]), html_field(card["answer"]),
            _topic_field(tuple(card["topic"])), html_field(card.get("source") or ""),
            html_field(card.get("kind") or ""), html_field(bullet_field(card))]


# many cards share a topic, tags and the time they last changed: work each out once

@lru_cache(maxsize=4096)
def _topic_field(topic: tuple[str, ...]) -> str:
    return html_field(topic_path(topic))


@lru_cache(maxsize=4096)
def _note_tags(topic: tuple[str, ...], tags: tuple[str, ...]) -> str:
    return " " + " ".join(anki_tags({"topic": topic, "tags": tags})) + " "


@lru_cache(maxsize=1024)
def _changed(text: str | None) -> int | None:
    return _seconds(text)


def write(
    cards: Iterable[dict],
    path: Path,
    *,
    decks: dict[str, str],
    with_scheduling: bool = False,
    history: Callable[..., Iterable[tuple]] | None = None,
    now: datetime | None = None,
) -> int:
    """Write `cards` as an Anki package and return how many were written.

    `cards` are dicts as `db.export_card_rows` yields them, in the order Anki is to
    bring in the new ones; `decks` is every deck they are in, name → description.
    With `with_scheduling`, reviewed cards carry their progress and their reviews:
    `history(in_time_order=False)` gives the reviews, as `db.export_review_rows` does.
    """
    import genanki

    now = now or datetime.now(UTC)
    stamp = now.timestamp()
    ids = itertools.count(int(stamp * 1000))
    note_type = model()
    cloze_type = cloze_model()
    skeleton = []
    for name, description in decks.items():
        deck = genanki.Deck(deck_id(name), name, description or "")
        deck.add_model(note_type)  # genanki records a deck's note types from its notes
        deck.add_model(cloze_type)
        skeleton.append(deck)
    with tempfile.TemporaryDirectory() as folder:
        collection = Path(folder) / "collection.anki2"
        conn = sqlite3.connect(collection)
        try:
            # larger pages than SQLite's 4 KB: fewer of them to write and to pack, in
            # a smaller package
            conn.execute("PRAGMA page_size = 16384")
            # a scratch file, packed once complete: it needs no journal
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            cursor = conn.cursor()
            genanki.Package(skeleton).write_to_db(cursor, stamp, ids)
            created = cursor.execute("SELECT crt FROM col").fetchone()[0]
            schedule = _Schedule(created) if with_scheduling else None
            # the schema's indexes are built once the rows are in: sorting each once is
            # quicker than keeping it in order through 100,000 inserts
            indexes = cursor.execute("SELECT name, sql FROM sqlite_master"
                                     " WHERE type = 'index' AND sql IS NOT NULL").fetchall()
            for name, _ in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            written = _write_notes(cursor, cards, note_type, ids, int(stamp), schedule)
            if with_scheduling:
                _set_scheduler_version(cursor)
                _write_history(conn, history or (lambda **_: ()))
            for _, sql in indexes:
                cursor.execute(sql)
            conn.commit()
        finally:
            conn.close()
        with atomic_output(path, "wb") as out, zipfile.ZipFile(
                out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
            _deflate(package, collection, "collection.anki2")
            package.writestr("media", "{}")
    return written


PACK_CHUNK = 1024 * 1024


def _deflate(package: zipfile.ZipFile, source: Path, name: str) -> None:
    """`source` into `package` as `name`, deflated by ISA-L (the isal package): the
    deflate every Anki reads, as zlib writes it, in about a quarter of the time of
    zlib's fastest level, for a file a few percent larger. zipfile offers no choice of
    compressor, so the member's own (zlib's) is replaced before anything is
    written to it; the member still counts the data's size and checksum itself."""
    from isal import isal_zlib

    info = zipfile.ZipInfo.from_file(source, name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with source.open("rb") as data, package.open(info, "w") as member:
        member._compressor = isal_zlib.compressobj(1, isal_zlib.DEFLATED, -15)
        while piece := data.read(PACK_CHUNK):
            member.write(piece)


def _seconds(text: str | None) -> int | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


BATCH = 2_000  # rows per executemany: few calls, little held at once


def _write_notes(cursor: sqlite3.Cursor, cards: Iterable[dict], note_type, ids: Iterator[int],
                 stamp: int, schedule: _Schedule | None) -> int:
    """Insert a note and its card for each card, as genanki would have written them
    (and with their progress, given a schedule); the number of notes."""
    # genanki's rule for which notes make a card: one whose required fields are not
    # all empty (here, Question or Topic)
    ordinal, mode, required = note_type._req[0]
    makes_card = any if mode == "any" else all
    sort_field = note_type.sort_field_index
    new_card = (ordinal, stamp, -1, NEW, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "")
    deck_ids: dict[str, int] = {}
    written = 0
    cards = iter(cards)
    cloze = _ClozeNotes(ids, stamp, schedule)
    while batch := list(itertools.islice(cards, BATCH)):
        note_rows, card_rows = [], []
        for card in batch:
            name = card["deck"]
            if name not in deck_ids:
                deck_ids[name] = deck_id(name)
            text = cloze_text(card)
            if text is not None:
                cloze.add(card, text, deck_ids[name], note_rows, card_rows)
                continue
            note_id = next(ids)
            fields = note_fields(card)
            changed = _changed(card.get("updated"))
            # a note's modification time is when its card last changed in revise
            note_rows.append((note_id, card["id"], MODEL_ID,
                              stamp if changed is None else changed, -1,
                              _note_tags(card["topic"], card["tags"]), "\x1f".join(fields),
                              fields[sort_field], 0, 0, ""))
            if not makes_card(map(fields.__getitem__, required)):
                continue
            row = (next(ids), note_id, deck_ids[name], *new_card)
            card_rows.append(row if schedule is None else schedule.apply(row, card))
        cursor.executemany("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)", note_rows)
        cursor.executemany(
            "INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", card_rows)
        written += len(batch)
    return written


class _ClozeNotes:
    """Writes cloze cards as notes of revise's cloze note type. The cards of one bullet
    that share their text (one card a deletion number) come one after another, and
    become one note: its first card's id is the note's GUID, and its cards, one a
    deletion number, take the cards' progress in the order of the numbers."""

    def __init__(self, ids: Iterator[int], stamp: int, schedule: _Schedule | None):
        self.ids = ids
        self.stamp = stamp
        self.schedule = schedule
        self.last: tuple | None = None  # (deck, text) of the last note, its numbers left

    def add(self, card: dict, text: str, deck: int, note_rows: list, card_rows: list) -> None:
        numbers = sorted({int(number) for number in CLOZE_NUMBER.findall(text)})
        if self.last is not None and self.last[0] == (deck, text):
            _, note_id, left = self.last
            if left:  # a further card of the note: the next deletion's Anki card
                card_rows.append(self._card(left.pop(0), note_id, deck, card))
            return
        note_id = next(self.ids)
        # the answer is the deletions themselves: Extra is left for the user's own
        fields = note_fields({**card, "question": text, "answer": ""})
        changed = _changed(card.get("updated"))
        note_rows.append((note_id, card["id"], CLOZE_MODEL_ID,
                          self.stamp if changed is None else changed, -1,
                          _note_tags(card["topic"], card["tags"]), "\x1f".join(fields),
                          fields[0], 0, 0, ""))
        card_rows.append(self._card(numbers[0], note_id, deck, card))
        self.last = ((deck, text), note_id, numbers[1:])

    def _card(self, number: int, note_id: int, deck: int, card: dict):
        row = (next(self.ids), note_id, deck, number - 1, self.stamp, -1, NEW,
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "")
        return row if self.schedule is None else self.schedule.apply(row, card)


class _Schedule:
    """Fills in a card row's Anki scheduling from the card's state in revise."""

    def __init__(self, created: int):
        self.created = created  # the collection's creation, in seconds

    def apply(self, row: tuple, card: dict) -> list:
        """The row of a new card, `row`, as `card` has it."""
        row = list(row)
        if card.get("suspended"):
            row[_QUEUE] = QUEUE_SUSPENDED
        state = card.get("state") or "new"
        due = _seconds(card.get("due"))
        if state == "new" or due is None:
            return row
        last = _seconds(card.get("last_review")) or due
        interval = max(1, round((due - last) / 86400))
        # Anki counts a review card's due date in days since the collection was created,
        # and a (re)learning card's in seconds.
        due_value = (due - self.created) // 86400 if state == "review" else due
        memory = {}
        if card.get("stability") is not None and card.get("difficulty") is not None:
            memory = {"s": round(card["stability"], 4), "d": round(card["difficulty"], 4),
                      "lrt": last}
        row[_MOD] = last
        row[_TYPE:] = [
            CARD_TYPES[state], QUEUE_SUSPENDED if card.get("suspended") else QUEUES[state],
            due_value, interval if state != "learning" else 0, DEFAULT_FACTOR,
            card.get("reps") or 0, card.get("lapses") or 0,
            1 if state in ("learning", "relearning") else 0, 0, 0, 0,
            json.dumps(memory) if memory else ""]
        return row


# positions in a row of Anki's cards table
_MOD, _TYPE, _QUEUE = 4, 6, 7


def _set_scheduler_version(cursor: sqlite3.Cursor) -> None:
    # genanki leaves the scheduler version unset, which Anki reads as its first
    # scheduler and upgrades on import, renumbering the answers of learning cards.
    conf = cursor.execute("SELECT conf FROM col").fetchone()[0]
    cursor.execute("UPDATE col SET conf = ?", [json.dumps({**json.loads(conf), "schedVer": 2})])


def _write_history(conn: sqlite3.Connection, history: Callable[..., Iterable[tuple]]) -> None:
    """One revlog row per review of a card written with its progress (see `write` for
    `history`).

    Anki keys rows by the answer's time in milliseconds, and revise's times are whole
    seconds, so answers are nudged apart: taking cards in the order they were written
    and each card's answers in time order, an answer gets the first millisecond from
    its second's first on that no earlier answer took. Which milliseconds end up taken
    does not depend on that order (filled in time order instead, each answer would take
    its second's first millisecond or the one after the previous answer's, whichever is
    later), and no answer leaves the run of adjacent milliseconds its second's first
    falls in. So each run is played out alone: most are one answer, which keeps its
    second's first millisecond, and only one run is held at a time.
    """
    # revlog's indexes are made again once it is full: far quicker than keeping them
    # up to date through a million inserts
    indexes = conn.execute("SELECT name, sql FROM sqlite_master"
                           " WHERE type = 'index' AND tbl_name = 'revlog' AND sql IS NOT NULL"
                           ).fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    try:
        conn.executemany(_INSERT_REVLOG, _placed(_answers(history(), _progress(conn))))
    except _OutOfOrder:
        # Some answers were stored after later ones, or their times, written with an
        # offset other than UTC's, sort as text out of time order: the slower way.
        conn.execute("DELETE FROM revlog")
        _write_sorted(conn, _answers(history(in_time_order=True), _progress(conn)))
    for _, sql in indexes:
        conn.execute(sql)


_INSERT_REVLOG = "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)"


class _OutOfOrder(Exception):
    """Answers came out of time order."""


def _progress(conn: sqlite3.Connection) -> dict[str, list[int]]:
    """Each card written with its progress: revise id → [Anki id, the interval its last
    answer led to]."""
    return {guid: [anki_id, 0] for guid, anki_id in conn.execute(
        "SELECT notes.guid, cards.id FROM cards JOIN notes ON notes.id = cards.nid"
        " WHERE cards.type != ?", [NEW])}


def _answers(history: Iterable[tuple], cards: dict[str, list[int]]) -> Iterator[tuple]:
    """Rows for revlog, each with the first millisecond of its second for an id, from
    the reviews of the cards in `cards` (see `_progress`) in time order and, at the
    same time, in the order they were stored; raises _OutOfOrder at one that is not."""
    # `_seconds` written out, and names looked up once: this runs a million times
    progress, parse, kinds = cards.get, datetime.fromisoformat, REVLOG_TYPES.get
    latest = ""
    for card_id, reviewed_at, rating, duration_ms, before, after, after_due in history:
        card = progress(card_id)
        if card is None or not reviewed_at:
            continue
        if reviewed_at < latest:
            raise _OutOfOrder
        latest = reviewed_at
        moment = parse(reviewed_at)
        answered = int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())
        if not after_due:
            interval = 0
        else:
            moment = parse(after_due)
            due = int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())
            if after == "review":  # in days, at least one
                interval = round((due - answered) / 86400)
                if interval < 1:
                    interval = 1
            else:  # learning steps: negative seconds, at least one
                interval = answered - due if due - answered > 1 else -1
        kind = kinds(before or "new", 0)
        took = duration_ms or 0
        yield (answered * 1000, card[0], int(rating), interval, card[1],
               DEFAULT_FACTOR if kind else 0,
               MAX_ANSWER_MS if took > MAX_ANSWER_MS else took if took > 0 else 0, kind)
        card[1] = interval


def _placed(answers: Iterable[tuple]) -> Iterator[tuple]:
    """The rows of answers in time order, with their ids, a run of milliseconds at a
    time."""
    alone: tuple | None = None  # the run so far, while it is one answer
    crowded: list[tuple] = []  # the run so far, once it is more
    end = latest = -1
    for answer in answers:
        first = answer[0]
        if first >= end:  # past the run so far, which is complete
            if crowded:
                yield from _nudged(sorted(crowded, key=itemgetter(1)))  # by card as written
                crowded = []
            elif alone is not None:
                yield alone
            alone, end, latest = answer, first + 1, first
        elif first < latest:
            raise _OutOfOrder
        else:
            if not crowded:
                crowded.append(alone)
            crowded.append(answer)
            end, latest = end + 1, first
    if crowded:
        yield from _nudged(sorted(crowded, key=itemgetter(1)))
    elif alone is not None:
        yield alone


def _nudged(answers: Iterable[tuple]) -> Iterator[tuple]:
    """The rows of one run's answers, given in the order they are placed, with ids."""
    onward: dict[int, int] = {}  # a taken id → a candidate past it
    for answer in answers:
        first = row_id = answer[0]
        if row_id in onward:
            passed = []
            while row_id in onward:
                passed.append(row_id)
                row_id = onward[row_id]
            for taken in passed:
                onward[taken] = row_id + 1
        onward[row_id] = row_id + 1
        yield answer if row_id == first else (row_id, *answer[1:])


def _write_sorted(conn: sqlite3.Connection, answers: Iterable[tuple]) -> None:
    """Write the rows of answers in any order. They wait in a scratch table, which finds
    the seconds that share a run of milliseconds; their answers are played out by run,
    and the rest keep their second's first millisecond."""
    conn.execute("CREATE TEMP TABLE answers (first INTEGER, cid INTEGER, ease INTEGER,"
                 " ivl INTEGER, last_ivl INTEGER, factor INTEGER, time INTEGER, type INTEGER)")
    conn.executemany("INSERT INTO temp.answers VALUES (?, ?, ?, ?, ?, ?, ?, ?)", answers)
    conn.execute("CREATE TEMP TABLE crowded (first INTEGER PRIMARY KEY, run INTEGER)")
    conn.executemany("INSERT INTO temp.crowded VALUES (?, ?)", _crowded(conn.execute(
        "SELECT first, count(*) FROM temp.answers GROUP BY first ORDER BY first")))
    conn.execute("INSERT INTO revlog SELECT first, cid, -1, ease, ivl, last_ivl, factor, time,"
                 " type FROM temp.answers WHERE first NOT IN (SELECT first FROM temp.crowded)")
    crowded = conn.execute(
        "SELECT run, first, cid, ease, ivl, last_ivl, factor, time, type FROM temp.answers"
        " JOIN temp.crowded USING (first) ORDER BY run, cid, answers.rowid")
    conn.executemany(_INSERT_REVLOG, (
        row for _, run in itertools.groupby(crowded, key=itemgetter(0))
        for row in _nudged(answer[1:] for answer in run)))
    conn.execute("DROP TABLE temp.answers")
    conn.execute("DROP TABLE temp.crowded")


def _crowded(seconds: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """(a second's first millisecond, its run) for the seconds whose answers share a run
    with other answers, from (a second's first millisecond, its number of answers) in
    time order."""
    run, members, answers, end = 0, [], 0, -1
    for first, count in seconds:
        if first >= end:  # past the run so far, which is complete
            if answers > 1:
                yield from ((member, run) for member in members)
            run, members, answers, end = run + 1, [], 0, first
        members.append(first)
        answers += count
        end += count
    if answers > 1:
        yield from ((member, run) for member in members)
