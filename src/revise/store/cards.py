"""Cards: syncing a notes file's drafts into the deck (pairing them with `revise.sync`),
finding cards by deck, topic, kind and text, and the record of each notes file's last
extract that lets an unchanged file be answered without reading it again."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime
from itertools import chain
from pathlib import Path

from revise.store.connection import Store, chunks, query
from revise.store.decks import ensure_deck
from revise.sync import (
    CONTENT_COLUMNS,
    EDITABLE_COLUMNS,
    STORED_COLUMNS,
    TEXT_COLUMNS,
    SyncPlan,
    SyncReport,
    content,
    content_values,
    plan_sync,
    topic_json,
)
from revise.times import iso

TYPE_CHECKING = False
if TYPE_CHECKING:
    from revise.models import CardDraft

# A first extract this large gets a larger page cache (see _insert_new).
BIG_WRITE_ROWS = 5_000
BIG_WRITE_CACHE_KIB = 16 * 1024


def stored_cards(store: Store, deck: str, source_name: str,
                 drafts: Iterable[CardDraft] = ()) -> dict[str, dict]:
    """The deck's cards from one notes file, retired ones too, by id.

    Where a card's text is what the draft with its id says, the row holds the
    draft's strings rather than a copy: matching notes of 100,000 bullets against
    their cards then keeps their text in memory once, not twice."""
    by_id = {draft.id: draft for draft in drafts}
    recurring: dict[str, str] = {}  # kinds and topics, the same for many cards
    rows = {}
    for values in store.conn.execute(
            f"SELECT {', '.join(f'cards.{name}' for name in STORED_COLUMNS)} FROM cards"
            " JOIN decks ON decks.id = cards.deck_id"
            " WHERE decks.name = ? AND source_name = ?", [deck, source_name]):
        row = dict(zip(STORED_COLUMNS, values, strict=True))
        draft = by_id.get(row["id"])
        if draft is not None:
            says = content(draft)
            for name in TEXT_COLUMNS:  # as plan_sync compares them
                if row[name] == says[name]:
                    row[name] = says[name]
        row["kind"] = recurring.setdefault(row["kind"], row["kind"])
        row["topic"] = recurring.setdefault(row["topic"], row["topic"])
        rows[row["id"]] = row
    return rows

def sync_cards(
    store: Store, deck: str, source_path: Path, drafts: list[CardDraft], *, now: datetime,
    notes_moved: bool = False,
) -> SyncPlan:
    """Make the deck's cards from `source_path` match `drafts`, keeping identity
    (see `plan_sync`), in one transaction. With `notes_moved`, notes new to the deck
    take over the cards (and history) of the deck's notes files that are gone, as a
    file moved or renamed: its cards are the deck's, whatever its path."""
    source_name = source_path.name
    stamp = iso(now)
    with store.transaction():
        deck_id = ensure_deck(store, deck, now=now)
        stored = stored_cards(store, deck, source_name, drafts)
        gone = ({} if stored or not notes_moved
                else cards_of_gone_files(store, deck, source_name, drafts))
        for rows in gone.values():
            stored.update(rows)
        plan = plan_sync(stored, drafts)
        if gone:
            _adopt(store, plan, gone, source_path)
        for card_id, draft in plan.changed:
            values = content_values(draft)
            if card_id in plan.edited:  # the user's own question and answer stay
                values = tuple(None if name in EDITABLE_COLUMNS else value
                               for name, value in zip(CONTENT_COLUMNS, values, strict=True))
            store.conn.execute(
                "UPDATE cards SET kind = ?, topic = ?, question = coalesce(?, question),"
                " answer = coalesce(?, answer), source = ?, position = ?, line = ?, slot = ?,"
                " source_path = ?, retired = 0, updated = ? WHERE id = ?",
                [*values, str(source_path), stamp, card_id],
            )
        for card_id, draft in plan.moved:
            store.conn.execute(
                "UPDATE cards SET position = ?, line = ? WHERE id = ?",
                [draft.position, draft.line, card_id],
            )
        with _indexes_built_after(store) if not has_cards(store) else nullcontext():
            plan.ids.update(_insert_new(store, deck_id, source_path, plan.new, stamp))
        for chunk in chunks(plan.retired, 500):
            marks = ",".join("?" * len(chunk))
            store.conn.execute(
                f"UPDATE cards SET retired = 1, updated = ? WHERE id IN ({marks})",
                [stamp, *chunk],
            )
    return plan

def cards_of_gone_files(store: Store, deck: str, source_name: str,
                         drafts: list[CardDraft]) -> dict[str, dict[str, dict]]:
    """For a notes file new to the deck: the deck's cards from each other notes file of
    the deck that is gone from where it was (a file moved or renamed), by its path."""
    paths = store.conn.execute(
        "SELECT DISTINCT cards.source_name, cards.source_path FROM cards"
        " JOIN decks ON decks.id = cards.deck_id WHERE decks.name = ?"
        " AND cards.source_name NOT IN (?, '') AND cards.source_path != ''",
        [deck, source_name]).fetchall()
    places: dict[str, list[str]] = {}
    for name, path in paths:
        places.setdefault(name, []).append(path)
    return {paths[0]: stored_cards(store, deck, name, drafts)
            for name, paths in places.items()
            if not any(Path(path).exists() for path in paths)}


def _adopt(store: Store, plan: SyncPlan, gone: dict[str, dict[str, dict]],
           source_path: Path) -> None:
    """Move to `source_path` the cards the plan paired from files that are gone; the rest
    of a gone file's cards stay where they were, unless some of its cards came over
    (its notes moved here): then they are retired like any card whose bullet is gone."""
    paired = set(plan.ids.values())
    retired = set(plan.retired)
    plan.retired = [card_id for card_id in plan.retired
                    if not any(card_id in rows for rows in gone.values())]
    for path, rows in gone.items():
        moved = [card_id for card_id in rows if card_id in paired]
        if not moved:
            continue
        plan.adopted[path] = len(moved)
        plan.retired += [card_id for card_id in rows if card_id in retired]
        for chunk in chunks(moved, 500):
            marks = ",".join("?" * len(chunk))
            store.conn.execute(f"UPDATE cards SET source_name = ?, source_path = ?"
                               f" WHERE id IN ({marks})",
                               [source_path.name, str(source_path), *chunk])


def holds_cards_from(store: Store, deck: str, source_name: str) -> bool:
    """Whether the deck has active cards from a notes file of this name."""
    return store.conn.execute(
        "SELECT 1 FROM cards JOIN decks ON decks.id = cards.deck_id"
        " WHERE decks.name = ? AND source_name = ? AND retired = 0 LIMIT 1",
        [deck, source_name]).fetchone() is not None


def decks_of_notes(store: Store, source_path: Path) -> list[str]:
    """The decks holding active cards from the notes file at `source_path`."""
    return [row[0] for row in store.conn.execute(
        "SELECT DISTINCT decks.name FROM cards JOIN decks ON decks.id = cards.deck_id"
        " WHERE cards.source_name = ? AND cards.source_path = ? AND cards.retired = 0",
        [source_path.name, str(source_path)])]


def sync_pieces(store: Store, deck: str, source_path: Path, pieces: Iterable[list[CardDraft]],
                *, now: datetime) -> SyncPlan:
    """`sync_cards` for cards that come a piece of the notes at a time, as long notes
    are read (see `revise.extract.unique_pieces`), taking over the cards of moved notes.
    A file the deck has no cards from (nor from notes now gone) has nothing to match
    them with: each piece is written as it comes, while the next ones are still being
    read. Any other file is matched whole."""
    with store.transaction():
        if store.conn.execute(
                "SELECT 1 FROM cards JOIN decks ON decks.id = cards.deck_id"
                " WHERE decks.name = ? AND source_name = ? LIMIT 1",
                [deck, source_path.name]).fetchone() or cards_of_gone_files(
                    store, deck, source_path.name, []):
            return sync_cards(store, deck, source_path, list(chain.from_iterable(pieces)),
                              now=now, notes_moved=True)
        deck_id = ensure_deck(store, deck, now=now)
        stamp = iso(now)
        plan = SyncPlan()
        # (a first extract: the indexes are built once, after its last piece)
        with _indexes_built_after(store) if not has_cards(store) else nullcontext():
            for drafts in pieces:
                plan.ids.update(_insert_new(store, deck_id, source_path, drafts, stamp))
                plan.new += drafts
        return plan

def _insert_new(store: Store, deck_id: int, source_path: Path, drafts: list[CardDraft],
                stamp: str) -> dict[str, str]:
    """Write `drafts` as new cards; the id each was stored under (see `_free_ids`)."""
    source_name = source_path.name
    free = _free_ids(store, [draft.id for draft in drafts], source_name)
    path_text = str(source_path)
    rows = ((free[draft.id], deck_id, source_name, path_text,
             *content_values(draft), stamp, stamp) for draft in drafts)
    _insert_rows(store, (*CONTENT_COLUMNS, "created", "updated"), rows, len(drafts))
    return free


def insert_cards(store: Store, deck: str, source_path: Path, cards: list[tuple], *,
                 now: datetime) -> SyncReport:
    """Write cards into the deck as new cards from `source_path`, each under its own id,
    as `sync_cards` would where nothing is stored to pair them with: for ids that no
    stored card has, into a deck with no cards from a file of this name. `cards` are
    (id, kind, topic, question, answer, source, position, line, slot, tags) tuples.
    Call inside a transaction."""
    stamp = iso(now)
    deck_id = ensure_deck(store, deck, now=now)
    source_name, path_text = source_path.name, str(source_path)
    rows = ((card_id, deck_id, source_name, path_text, kind, topic_json(topic), question,
             answer, source, position, line, slot, tags_json(tags), stamp, stamp)
            for card_id, kind, topic, question, answer, source, position, line, slot, tags
            in cards)
    with _indexes_built_after(store) if not has_cards(store) else nullcontext():
        _insert_rows(store, (*CONTENT_COLUMNS, "tags", "created", "updated"), rows,
                     len(cards))
    return SyncReport(new=len(cards))


def tags_json(tags: Iterable[str]) -> str:
    """Tags as stored: a JSON list."""
    return json.dumps(list(tags), ensure_ascii=False) if tags else "[]"


def _insert_rows(store: Store, columns: tuple[str, ...], rows: Iterable[tuple],
                 count: int) -> None:
    """Insert `count` new cards, each row its id, deck id, source name and path, then
    `columns`."""
    if count > BIG_WRITE_ROWS:
        # Card ids are hashes, so new rows land all over the id index: with the
        # default 2 MB page cache a large first extract spends its time
        # re-reading and spilling index pages.
        store.conn.execute(f"PRAGMA cache_size = -{BIG_WRITE_CACHE_KIB}")
    # one prepared statement for every row: this is most of a first extract's work
    store.conn.executemany(
        f"INSERT INTO cards (id, deck_id, source_name, source_path, {', '.join(columns)})"
        f" VALUES ({', '.join('?' * (len(columns) + 4))})", rows)


@contextmanager
def _indexes_built_after(store: Store) -> Iterator[None]:
    """The cards table's indexes (but its id's) dropped while rows go into the empty
    table, and built again once they are in, in the same transaction: sorting each
    once is quicker than keeping it in order through every insert (and costs
    nothing to speak of for a few cards)."""
    indexes = store.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
        " AND tbl_name = 'cards' AND sql IS NOT NULL").fetchall()
    for name, _ in indexes:
        store.conn.execute(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        store.conn.execute(sql)

def has_cards(store: Store) -> bool:
    """Whether the database holds any card at all (a first write looks nothing up)."""
    return store.conn.execute("SELECT 1 FROM cards LIMIT 1").fetchone() is not None


def _free_ids(store: Store, card_ids: list[str], source_name: str) -> dict[str, str]:
    """The id each new card gets: its own, unless a stored card (or another new one)
    has it. Two files in one deck can hold the same bullet; the second gets its own id."""
    stored: set[str] = set()
    for chunk in chunks(card_ids, 500) if has_cards(store) else ():
        marks = ",".join("?" * len(chunk))
        stored.update(row[0] for row in store.conn.execute(
            f"SELECT id FROM cards WHERE id IN ({marks})", chunk))
    claimed = set(card_ids) - stored
    free: dict[str, str] = {}
    for card_id in card_ids:
        if card_id not in stored:
            free[card_id] = card_id
            continue
        other = card_id
        while other in stored or other in claimed or store.conn.execute(
                "SELECT 1 FROM cards WHERE id = ?", [other]).fetchone():
            import hashlib  # only here: importing it slows every command's start

            other = hashlib.blake2b(f"{other}\x1f{source_name}".encode(),
                                    digest_size=8).hexdigest()
        claimed.add(other)
        free[card_id] = other
    return free

def cards(
    store: Store,
    *,
    deck: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
    search: str | None = None,
    include_retired: bool = False,
    suspended: bool | None = None,
    deleted: bool = False,
    limit: int | None = None,
) -> list[dict]:
    """Cards matching every filter given; text filters match literally, case-insensitively;
    the deck's name ignoring case. `suspended` True lists only suspended cards, False
    only others; `deleted` lists only the cards the user deleted."""
    if deck is not None:
        from revise.store.decks import find_deck

        deck = find_deck(store, deck)["name"]
    where, params = card_filters(deck=deck, topic=topic, kind=kind, search=search,
                                 include_retired=include_retired or deleted,
                                 suspended=suspended, deleted=deleted)
    sql = (
        "SELECT cards.*, decks.name AS deck FROM cards JOIN decks ON decks.id = cards.deck_id"
        f" WHERE {where} ORDER BY decks.name, cards.source_name, cards.position, cards.kind,"
        " cards.slot"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [decode_card(row) for row in query(store.conn, sql, params)]


def card_filters(
    *,
    deck: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
    search: str | None = None,
    include_retired: bool = False,
    suspended: bool | None = None,
    deleted: bool = False,
) -> tuple[str, list]:
    """A WHERE clause over `cards` joined with `decks`. Text is matched with instr(),
    never LIKE, so `%` and `_` in what the user typed mean themselves."""
    clauses, params = ["1"], []
    if not include_retired:
        clauses.append("cards.retired = 0")
    if deleted:
        clauses.append("cards.deleted = 1")
    if suspended is not None:
        clauses.append(f"cards.suspended = {int(suspended)}")
    if deck is not None:
        clauses.append("decks.name = ?")
        params.append(deck)
    if kind is not None:
        clauses.append("cards.kind = ?")
        params.append(kind)
    if topic:
        clauses.append("instr(lower(cards.topic), lower(?)) > 0")
        params.append(json.dumps(topic, ensure_ascii=False)[1:-1])
    if search:
        clauses.append(
            "(instr(lower(cards.question), lower(?)) > 0"
            " OR instr(lower(cards.answer), lower(?)) > 0"
            " OR instr(lower(cards.source), lower(?)) > 0)"
        )
        params.extend([search] * 3)
    return " AND ".join(clauses), params


def decode_card(row: dict) -> dict:
    card = dict(row)
    card["topic"] = json.loads(card["topic"])
    card["tags"] = json.loads(card.get("tags") or "[]")
    card["retired"] = bool(card["retired"])
    card["suspended"] = bool(card["suspended"])
    for flag in ("edited", "deleted"):
        if flag in card:
            card[flag] = bool(card[flag])
    return card


# --- the last extract of each notes file ------------------------------------------------
# An extract of notes that have not changed since the last one is answered from this
# record instead of parsing them again: the digest of what was extracted (the notes, the
# deck, the path and the extractor's version) and a fingerprint of the cards it left, so
# any later change to those cards by other means makes the next extract do the full work.


def _cards_fingerprint(store: Store, deck: str, source_name: str) -> list:
    row = store.conn.execute(
        "SELECT count(*), total(retired), max(updated), total(position), total(line),"
        " total(slot), sum(retired = 0) FROM cards JOIN decks ON decks.id = cards.deck_id"
        " WHERE decks.name = ? AND cards.source_name = ?", [deck, source_name]).fetchone()
    return list(row)


def unchanged_since_extract(store: Store, deck: str, source_name: str,
                            digest: str) -> int | None:
    """The number of active cards if the last extract into `deck` from `source_name`
    had this `digest` and its cards are as it left them; otherwise None."""
    row = store.conn.execute(
        "SELECT extracts.digest, extracts.fingerprint FROM extracts"
        " JOIN decks ON decks.id = extracts.deck_id"
        " WHERE decks.name = ? AND extracts.source_name = ?", [deck, source_name]).fetchone()
    if row is None or row[0] != digest:
        return None
    fingerprint = _cards_fingerprint(store, deck, source_name)
    return fingerprint[-1] if json.loads(row[1]) == fingerprint else None


def remember_extract(store: Store, deck: str, source_name: str, digest: str,
                     *, now: datetime) -> None:
    """Record that `deck`'s cards from `source_name` are what `digest` gives. Call in the
    transaction that synced them."""
    store.conn.execute(
        "INSERT INTO extracts (deck_id, source_name, digest, fingerprint) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (deck_id, source_name) DO UPDATE SET digest = excluded.digest,"
        " fingerprint = excluded.fingerprint",
        [ensure_deck(store, deck, now=now), source_name, digest,
         json.dumps(_cards_fingerprint(store, deck, source_name))])
