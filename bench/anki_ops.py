"""The benchmark's work done by Anki's own engine (the `anki` package), one operation per
process so each has its own peak memory.

    python bench/anki_ops.py add CARDS.tsv FOLDER     new collection, add one Basic note a line
    python bench/anki_ops.py load PACKAGE DATABASE FOLDER   a package, then revise's history
    python bench/anki_ops.py due FOLDER               what is due: the deck list's counts
    python bench/anki_ops.py answer FOLDER COUNT      answer COUNT cards as a session does
    python bench/anki_ops.py export FOLDER OUT.apkg   the whole collection as a package
    python bench/anki_ops.py import PACKAGE FOLDER    a package into a new collection

Each prints one JSON object: `seconds` is the operation alone, after Python has started,
`anki` is imported and the collection is open (what a running Anki would already have
done); the caller times the whole process as well.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path


def _open(folder: Path):
    from anki.collection import Collection

    return Collection(str(folder / "collection.anki2"))


def _import(col, package: Path) -> None:
    """`package` into `col` as File › Import does: notes and cards, no scheduling."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col.import_anki_package(ImportAnkiPackageRequest(
        package_path=str(package),
        options=ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=True)))


def add(tsv: Path, folder: Path) -> dict:
    from anki.collection import AddNoteRequest

    rows = [line.split("\t") for line in tsv.read_text(encoding="utf-8").splitlines()]
    folder.mkdir(parents=True, exist_ok=True)
    col = _open(folder)
    try:
        started = time.perf_counter()
        basic = col.models.by_name("Basic")
        deck_id = col.decks.id("bench")
        requests = []
        for question, answer in rows:
            note = col.new_note(basic)
            note["Front"], note["Back"] = question, answer
            requests.append(AddNoteRequest(note=note, deck_id=deck_id))
        col.add_notes(requests)  # one call, one transaction: Anki's fastest way in
        seconds = time.perf_counter() - started
        return {"seconds": seconds, "notes": col.note_count()}
    finally:
        col.close()


def load(package: Path, database: Path, folder: Path) -> dict:
    """Set-up, not measured work: revise's package imported, then each card's scheduling
    and review history copied from revise's database into Anki's tables (card type,
    queue, due, interval, FSRS memory state; one revlog row per review), the way Anki
    itself stores them. Daily limits: 20 new cards, and as many reviews as Anki allows
    (9,999), so every due card counts, as in revise."""
    import sqlite3

    folder.mkdir(parents=True, exist_ok=True)
    col = _open(folder)
    try:
        started = time.perf_counter()
        _import(col, package)
        anki_ids = dict(col.db.all("SELECT notes.guid, cards.id FROM cards"
                                   " JOIN notes ON notes.id = cards.nid"))
        created = col.crt
        source = sqlite3.connect(database)
        cards, reviews = [], []
        for card_id, state, due_at, last, stability, difficulty, reps, lapses in source.execute(
                "SELECT id, state, due, last_review, stability, difficulty, reps, lapses"
                " FROM cards WHERE state != 'new' AND retired = 0"):
            due_s, last_s = _seconds(due_at), _seconds(last) or _seconds(due_at)
            kind = {"learning": 1, "review": 2, "relearning": 3}[state]
            interval = max(1, round((due_s - last_s) / 86400))
            memory = json.dumps({"s": round(stability, 4), "d": round(difficulty, 4),
                                 "lrt": last_s})
            cards.append((kind, 2 if kind == 2 else 1,
                          (due_s - created) // 86400 if kind == 2 else due_s,
                          interval if kind != 1 else 0, reps, lapses, 1 if kind != 2 else 0,
                          memory, anki_ids[card_id]))
        taken: set[int] = set()
        last_interval: dict[str, int] = {}
        for card_id, rating, at, duration, state, after in source.execute(
                "SELECT card_id, rating, reviewed_at, duration_ms, state, state_after"
                " FROM reviews ORDER BY id"):
            answered = _seconds(at)
            row_id = answered * 1000
            while row_id in taken:
                row_id += 1
            taken.add(row_id)
            after = json.loads(after)
            next_due = _seconds(after["due"])
            interval = (max(1, round((next_due - answered) / 86400))
                        if after["state"] == "review" else -max(1, next_due - answered))
            kind = {"new": 0, "learning": 0, "review": 1, "relearning": 2}[state]
            reviews.append((row_id, anki_ids[card_id], rating, interval,
                            last_interval.get(card_id, 0), 2500 if kind else 0,
                            min(60_000, duration or 0), kind))
            last_interval[card_id] = interval
        source.close()
        # Straight into the collection's file while Anki has it closed, in one
        # transaction: Anki's own executemany commits row by row (minutes here).
        col.close()
        target = sqlite3.connect(folder / "collection.anki2")
        with target:
            target.executemany("UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?,"
                               " factor = 2500, reps = ?, lapses = ?, left = ?, data = ?"
                               " WHERE id = ?", cards)
            target.executemany("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl,"
                               " factor, time, type) VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
                               reviews)
        target.close()
        col = _open(folder)
        for config in col.decks.all_config():
            config["new"]["perDay"] = 20
            config["rev"]["perDay"] = 9999  # Anki's largest (a larger one is ignored)
            col.decks.update_config(config)
        col.set_config("fsrs", True)
        return {"seconds": time.perf_counter() - started, "cards": col.card_count(),
                "reviews": col.db.scalar("SELECT count(*) FROM revlog")}
    finally:
        col.close()


def _seconds(text: str | None) -> int | None:
    from datetime import datetime

    return None if text is None else int(datetime.fromisoformat(text).timestamp())


def due(folder: Path) -> dict:
    col = _open(folder)
    try:
        started = time.perf_counter()
        tree = col.sched.deck_due_tree()
        seconds = time.perf_counter() - started
        totals = {"new": 0, "learning": 0, "review": 0}
        for child in tree.children:
            totals["new"] += child.new_count
            totals["learning"] += child.learn_count
            totals["review"] += child.review_count
        return {"seconds": seconds, **totals}
    finally:
        col.close()


def answer(folder: Path, count: int, *, seed: int = 3) -> dict:
    """Draw a card, answer it (Again 10%, Hard 15%, Good 65%, Easy 10%), draw the next;
    each answer is committed by Anki before the next card is drawn."""
    rng = random.Random(seed)
    col = _open(folder)
    from anki.scheduler.v3 import CardAnswer

    try:
        col.decks.select(col.decks.all_names_and_ids(skip_empty_default=True)[0].id)
        col.sched.get_queued_cards()  # warm up: the first draw builds the queue
        times = []
        for _ in range(count):
            started = time.perf_counter()
            queued = col.sched.get_queued_cards(fetch_limit=1)
            if not queued.cards:
                break
            entry = queued.cards[0]
            card = col.get_card(entry.card.id)
            card.start_timer()
            roll = rng.random()
            rating = (CardAnswer.AGAIN if roll < 0.10 else CardAnswer.HARD if roll < 0.25
                      else CardAnswer.GOOD if roll < 0.90 else CardAnswer.EASY)
            col.sched.answer_card(col.sched.build_answer(card=card, states=entry.states,
                                                         rating=rating))
            times.append(time.perf_counter() - started)
        return {"answers": len(times), "median": statistics.median(times),
                "p99": _percentile(times, 0.99), "seconds": sum(times)}
    finally:
        col.close()


def export(folder: Path, out: Path) -> dict:
    from anki.collection import ExportAnkiPackageOptions
    from anki.generic_pb2 import Empty
    from anki.import_export_pb2 import ExportLimit

    col = _open(folder)
    try:
        started = time.perf_counter()
        notes = col.export_anki_package(
            out_path=str(out),
            options=ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False,
                                             with_media=False, legacy=False),
            limit=ExportLimit(whole_collection=Empty()))
        return {"seconds": time.perf_counter() - started, "notes": notes}
    finally:
        col.close()


def import_package(package: Path, folder: Path) -> dict:
    """A package into a new collection, as File › Import does (no scheduling)."""
    folder.mkdir(parents=True, exist_ok=True)
    col = _open(folder)
    try:
        started = time.perf_counter()
        _import(col, package)
        return {"seconds": time.perf_counter() - started, "notes": col.note_count()}
    finally:
        col.close()


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main(argv: list[str]) -> None:
    op, *args = argv
    if op == "add":
        result = add(Path(args[0]), Path(args[1]))
    elif op == "load":
        result = load(Path(args[0]), Path(args[1]), Path(args[2]))
    elif op == "due":
        result = due(Path(args[0]))
    elif op == "answer":
        result = answer(Path(args[0]), int(args[1]))
    elif op == "export":
        result = export(Path(args[0]), Path(args[1]))
    elif op == "import":
        result = import_package(Path(args[0]), Path(args[1]))
    else:
        raise SystemExit(f"unknown operation {op!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
