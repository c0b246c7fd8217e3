"""`revise doctor`: checks of a database, and the repairs that are safe to make."""

from __future__ import annotations

from collections import namedtuple
from pathlib import Path

from revise.models import SCHEDULE_COLUMNS
from revise.store.connection import Store, chunks
from revise.store.migrations import schema_version, tally_from_log


class Finding(namedtuple("Finding", "check message fixable", defaults=(False,))):
    """One problem `revise doctor` found; `fixable` ones `--fix` repairs."""

    __slots__ = ()


def integrity_problems(store: Store) -> list[str]:
    rows = [row[0] for row in store.conn.execute("PRAGMA integrity_check").fetchall()]
    problems = [] if rows == ["ok"] else rows
    problems += [f"review or card row {row[1]} points at a missing {row[2]}"
                 for row in store.conn.execute("PRAGMA foreign_key_check").fetchall()]
    return problems


def missing_notes_files(store: Store) -> dict[tuple[str, str], int]:
    """Notes files that active cards came from and that are no longer there: (deck,
    path) → how many cards."""
    rows = store.conn.execute(
        "SELECT decks.name, source_path, count(*) FROM cards JOIN decks"
        " ON decks.id = cards.deck_id WHERE retired = 0 AND source_path != ''"
        " GROUP BY decks.name, source_path").fetchall()
    return {(deck, path): count for deck, path, count in rows if not Path(path).exists()}


def _last_review_mismatch_sql(select: str) -> str:
    # A card's scheduling columns must equal what its latest review left them as.
    checks = " OR ".join(
        f"cards.{name} IS NOT json_extract(reviews.state_after, '$.{name}')"
        for name in SCHEDULE_COLUMNS)
    # Cards replayed by `revise optimize` differ from their log on purpose, up to the last
    # review it replayed.
    replayed = ("coalesce((SELECT rescheduled_through FROM decks"
                " WHERE decks.id = cards.deck_id), 0)")
    return (
        f"SELECT {select} FROM cards JOIN reviews ON reviews.id = ("
        " SELECT max(id) FROM reviews WHERE reviews.card_id = cards.id)"
        f" WHERE reviews.id > {replayed} AND ({checks})"
    )


def cards_out_of_step_with_log(store: Store) -> list[str]:
    """Ids of cards whose scheduling state is not the one their latest review recorded."""
    return [row[0] for row in store.conn.execute(_last_review_mismatch_sql("cards.id"))]


def resync_cards_with_log(store: Store, card_ids: list[str]) -> int:
    """Set each card's scheduling state to what its latest review recorded: the log is
    written in the same transaction as the card, so it is the record to trust."""
    assignments = ", ".join(
        f"{name} = json_extract(reviews.state_after, '$.{name}')" for name in SCHEDULE_COLUMNS)
    fixed = 0
    with store.transaction():
        for chunk in chunks(card_ids, 500):
            marks = ",".join("?" * len(chunk))
            fixed += store.conn.execute(
                f"UPDATE cards SET {assignments} FROM reviews"
                " WHERE reviews.id = (SELECT max(id) FROM reviews r WHERE r.card_id = cards.id)"
                f" AND cards.id IN ({marks})", chunk).rowcount
    return fixed


def tally_mismatches(store: Store) -> int:
    """Quarter hours whose counts in review_tally are not the review log's (a quarter an
    undo left at nothing is the same as no row)."""
    kept = ("SELECT quarter, deck_id, reviews, in_review, passed FROM review_tally"
            " WHERE reviews != 0 OR in_review != 0 OR passed != 0")
    return store.conn.execute(
        f"WITH log (quarter, deck_id, reviews, in_review, passed) AS ({tally_from_log()}),"
        f" kept AS ({kept}) SELECT count(*) FROM ("
        " SELECT quarter FROM (SELECT * FROM log EXCEPT SELECT * FROM kept)"
        " UNION SELECT quarter FROM (SELECT * FROM kept EXCEPT SELECT * FROM log))"
        ).fetchone()[0]


def rebuild_tally(store: Store) -> int:
    """Count the review log into review_tally afresh, in one transaction; the quarter
    hours counted (a row per deck answered in each)."""
    with store.transaction():
        store.conn.execute("DELETE FROM review_tally")
        store.conn.execute(f"INSERT INTO review_tally {tally_from_log()}")
        return store.conn.execute("SELECT count(DISTINCT quarter) FROM review_tally").fetchone()[0]


class Checkup(namedtuple("Checkup", "found remaining fixed_cards fixed_quarters",
                         defaults=(None, None))):
    """What `doctor` found, what remains after its repairs (the same when there were
    none), and what it repaired: cards set to their latest review, quarter hours of
    answers counted again (None: not repaired)."""

    __slots__ = ()


def doctor(store: Store, *, fix: bool = False) -> Checkup:
    """Check the database; with `fix`, repair what is safe to repair and check again."""
    findings = diagnose(store)
    checks = {finding.check for finding in findings if finding.fixable}
    if not (fix and checks):
        return Checkup(findings, findings)
    cards = quarters = None
    if "log" in checks:
        cards = resync_cards_with_log(store, cards_out_of_step_with_log(store))
    if "tally" in checks:
        quarters = rebuild_tally(store)
    return Checkup(findings, diagnose(store), cards, quarters)


def diagnose(store: Store) -> list[Finding]:
    findings = [Finding("integrity", problem) for problem in integrity_problems(store)]
    if findings:
        return findings  # the other checks read a damaged file: fix this first
    version, expected = store.version(), schema_version()
    if version != expected:
        findings.append(Finding("schema", f"schema version {version}, expected {expected}"))
    for (deck, path), count in missing_notes_files(store).items():
        from shlex import quote

        findings.append(Finding(
            "notes", f"{count} cards of deck {deck} come from {path}, which is gone; if you"
            f" moved or renamed it, keep its cards and history with:  revise extract"
            f" NEW_PATH --deck {quote(deck)}"))
    for card_id in cards_out_of_step_with_log(store):
        findings.append(Finding("log", f"card {card_id} does not match its latest review",
                                fixable=True))
    mismatched = tally_mismatches(store) if version == expected else 0
    if mismatched:
        findings.append(Finding(
            "tally", f"the answers counted for {mismatched:,} quarter hours (which `revise"
            " stats` reads) do not match the review log", fixable=True))
    return findings

