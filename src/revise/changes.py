"""What a sync would change, as lines a person reads (`revise extract --dry-run`): the
cards it would add, update and retire. Pure: a plan and the stored cards in, text out."""

from __future__ import annotations

from revise.sync import SyncPlan

SHOWN_PER_CHANGE = 30  # lines of each change listed; the rest are counted


def change_lines(plan: SyncPlan, stored: dict[str, dict],
                 shown: int = SHOWN_PER_CHANGE) -> list[str]:
    """One line a card that would change: `+` new, `~` updated (with what it said
    before), `-` retired. Cards that only moved in the notes are not changes."""
    lines: list[str] = []
    new = [f"  + new      {_card(draft.question, draft.answer)}" for draft in plan.new]
    updated = []
    for card_id, draft in plan.changed:
        row = stored[card_id]
        was = "retired, back again" if row["retired"] else _was(row, draft)
        updated.append(f"  ~ updated  {card_id[:8]}  {_card(draft.question, draft.answer)}"
                       f"  (was: {was})")
    retired = [f"  - retired  {card_id[:8]}  "
               + _card(stored[card_id]["question"], stored[card_id]["answer"])
               for card_id in plan.retired]
    for group in (new, updated, retired):
        lines += group[:shown]
        if len(group) > shown:
            lines.append(f"    … and {len(group) - shown} more")
    return lines


def _was(row: dict, draft) -> str:
    question, answer = row["question"] != draft.question, row["answer"] != draft.answer
    if question and answer:
        return _card(row["question"], row["answer"])
    if answer:
        return f"→ {_short(row['answer'], 30)}"
    if question:
        return _short(row["question"], 50)
    if row["kind"] != str(draft.kind):
        return f"a {row['kind']} card"
    return "under another topic" if row["topic"] != _topic(draft) else "another source line"


def _topic(draft) -> str:
    import json

    return json.dumps(list(draft.topic), ensure_ascii=False)


def _card(question: str, answer: str) -> str:
    return f"{_short(question, 50)} → {_short(answer, 30)}"


def _short(text: str, width: int) -> str:
    text = " / ".join(text.split("\n"))
    return text if len(text) <= width else text[:width - 1] + "…"
