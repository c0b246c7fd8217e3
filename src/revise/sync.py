"""Pairing a notes file's card drafts with the cards stored from it: which are the same
card (kept, with their history), which changed, which are new and which are gone.
Pure: stored cards come in as plain dicts, and no SQL is run here.

A draft whose content-hashed id is stored is that card. The drafts left over are
paired with the stored cards left over by how alike their bullets are (rapidfuzz), so
a bullet with a typo fixed keeps its card.
"""

from __future__ import annotations

import json
from collections import namedtuple
from functools import lru_cache

from revise.models import CardDraft

# Below this source similarity an edited bullet counts as a different bullet.
MATCH_THRESHOLD = 0.6
# Comparing every left-over draft with every left-over card is quadratic; past this many
# pairs (a whole file rewritten) only cards under the same topic are compared.
ALL_PAIRS_LIMIT = 250_000

# A stored card's columns that hold what a draft says, in this order.
CONTENT_COLUMNS = ("kind", "topic", "question", "answer", "source", "position", "line", "slot")
# Those whose change makes a card updated (a change of place alone leaves it unchanged).
TEXT_COLUMNS = ("kind", "topic", "question", "answer", "source")
# What plan_sync reads of each stored card.
STORED_COLUMNS = ("id", *TEXT_COLUMNS, "position", "line", "slot", "retired", "edited",
                  "deleted")
# What the user may have rewritten by hand (an edited card keeps its own).
EDITABLE_COLUMNS = ("question", "answer")


class SyncReport(namedtuple("SyncReport", "new updated retired unchanged",
                            defaults=(0, 0, 0, 0))):
    """How many of a deck's cards a sync added, changed, retired and left as they were."""

    __slots__ = ()

    def __str__(self) -> str:
        return (f"{self.new} new, {self.updated} updated, {self.retired} retired, "
                f"{self.unchanged} unchanged")

class SyncPlan:
    """What syncing drafts into stored cards changes; computed without touching the database."""

    def __init__(self) -> None:
        self.changed: list[tuple[str, CardDraft]] = []
        self.moved: list[tuple[str, CardDraft]] = []
        self.new: list[CardDraft] = []
        self.retired: list[str] = []
        self.unchanged = 0
        # the stored id each draft's card has (differs from the draft's own id after an edit)
        self.ids: dict[str, str] = {}
        # cards whose question or answer the user edited, among the changed ones: their
        # own text is kept
        self.edited: set[str] = set()
        # edited cards whose bullet changed since: the user may want to look again
        self.edited_bullets: list[str] = []
        # deleted cards whose bullet is still in the notes: they stay deleted
        self.deleted = 0
        # cards taken over from a notes file that is gone (moved or renamed): its path →
        # how many (the store fills this in)
        self.adopted: dict[str, int] = {}

    @property
    def report(self) -> SyncReport:
        return SyncReport(len(self.new), len(self.changed), len(self.retired),
                          self.unchanged + len(self.moved))


def plan_sync(stored: dict[str, dict], drafts: list[CardDraft]) -> SyncPlan:
    """Pair drafts with stored cards: first by id, then by how alike their bullets are.

    A draft whose id is stored is that card. Left-over drafts are matched to left-over
    stored cards of the same kind whose bullet is similar enough, so a bullet with a
    typo fixed keeps its card, id and history with the new text. Stored cards left
    with no draft are retired (kept with their history, no longer reviewed).

    A card the user deleted stays deleted. A card the user edited keeps its question
    and answer; when its bullet has changed it is listed in `edited_bullets`.
    """
    plan = SyncPlan()
    pairs: list[tuple[str, CardDraft]] = []
    leftover: list[CardDraft] = []
    for draft in drafts:
        (pairs.append((draft.id, draft)) if draft.id in stored else leftover.append(draft))
    taken = {card_id for card_id, _ in pairs}
    free = [row for card_id, row in stored.items() if card_id not in taken]
    matched = _match_similar(leftover, free) if leftover and free else {}
    pairs.extend((card_id, leftover[index]) for index, card_id in matched.items())
    plan.new = [draft for index, draft in enumerate(leftover) if index not in matched]
    taken.update(matched.values())
    plan.ids = {draft.id: draft.id for draft in plan.new}

    for card_id, draft in pairs:
        plan.ids[draft.id] = card_id
        row = stored[card_id]
        if row.get("deleted"):
            plan.deleted += 1
            continue
        says = content(draft)
        compared = TEXT_COLUMNS
        if row.get("edited"):
            compared = tuple(name for name in TEXT_COLUMNS if name not in EDITABLE_COLUMNS)
            if row["source"] != says["source"]:
                plan.edited_bullets.append(card_id)
        if row["retired"] or any(row[name] != says[name] for name in compared):
            plan.changed.append((card_id, draft))
            if row.get("edited"):
                plan.edited.add(card_id)
        elif (row["position"], row["line"], row["slot"]) != (draft.position, draft.line,
                                                             draft.slot):
            plan.moved.append((card_id, draft))
        else:
            plan.unchanged += 1
    plan.retired = [card_id for card_id, row in stored.items()
                    if card_id not in taken and not row["retired"]]
    return plan


def _match_similar(drafts: list[CardDraft], rows: list[dict]) -> dict[int, str]:
    """Best-first pairing of drafts (by index) with stored rows of the same kind, or of
    any kind when the bullet and the answer are the same.

    A bullet moved under another heading (or under a renamed one) with its words
    unchanged is found by its words alone; an edited bullet by similarity, among the
    cards of its topic, or among all cards when few are left to pair.
    """
    same_words: dict[tuple[str, str, int], dict] = {}
    same_fact: dict[tuple[str, str], dict] = {}
    by_answer: dict[str, list[dict]] = {}
    by_topic: dict[tuple[str, str], list[dict]] = {}
    by_kind: dict[str, list[dict]] = {}
    for row in rows:
        same_words.setdefault((row["kind"], row["source"], row["slot"]), row)
        # A card asked in new words, or filed under a new kind, by a newer extractor is
        # still the same fact: its bullet and its answer are unchanged.
        same_fact.setdefault((row["source"], row["answer"]), row)
        by_answer.setdefault(row["answer"], []).append(row)
        by_topic.setdefault((row["kind"], row["topic"]), []).append(row)
        by_kind.setdefault(row["kind"], []).append(row)
    compare_all = len(drafts) * len(rows) <= ALL_PAIRS_LIMIT

    from rapidfuzz import fuzz, process

    candidates: list[tuple[float, int, str]] = []
    for index, draft in enumerate(drafts):
        kind = str(draft.kind)
        topic = topic_json(draft.topic)
        exact = same_words.get((kind, draft.source, draft.slot))
        if exact is not None:
            candidates.append((200.0, index, exact["id"]))
            continue
        fact = same_fact.get((draft.source, draft.answer))
        if fact is not None:
            candidates.append((150.0, index, fact["id"]))
            continue
        pool = by_kind.get(kind, []) if compare_all else by_topic.get((kind, topic), [])
        found = process.extract(draft.source, [row["source"] for row in pool],
                                scorer=fuzz.ratio, score_cutoff=MATCH_THRESHOLD * 100, limit=16)
        for _text, score, position in found:
            row = pool[position]
            # Prefer the same slot and topic when a bullet gives several cards of a kind.
            score += (row["slot"] == draft.slot) + (row["topic"] == topic)
            candidates.append((score, index, row["id"]))
        # The same answer from a bullet read a little differently, under any kind.
        same_answer = by_answer.get(draft.answer, [])
        found = process.extract(draft.source, [row["source"] for row in same_answer],
                                scorer=fuzz.ratio, score_cutoff=MATCH_THRESHOLD * 100, limit=4)
        for _text, score, position in found:
            candidates.append((score + 1, index, same_answer[position]["id"]))
    candidates.sort(key=lambda item: -item[0])
    matched: dict[int, str] = {}
    used: set[str] = set()
    for _score, index, card_id in candidates:
        if index not in matched and card_id not in used:
            matched[index] = card_id
            used.add(card_id)
    return matched


@lru_cache(maxsize=4096)
def topic_json(topic: tuple[str, ...]) -> str:
    """A topic path as stored: a JSON list of titles. Many cards share a topic: each
    is encoded once."""
    return json.dumps(list(topic), ensure_ascii=False)


def content_values(draft: CardDraft) -> tuple:
    """A draft's values for CONTENT_COLUMNS, in that order."""
    return (str(draft.kind), topic_json(draft.topic), draft.question, draft.answer,
            draft.source, draft.position, draft.line, draft.slot)


def content(draft: CardDraft) -> dict:
    return dict(zip(CONTENT_COLUMNS, content_values(draft), strict=True))
