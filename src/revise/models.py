"""Plain data shared by the core: card kinds and the card drafts the extractor produces."""

from __future__ import annotations

import hashlib
from collections import namedtuple
from dataclasses import dataclass, field
from enum import StrEnum

# Between the titles of a topic path, wherever one is shown or written as text:
# "Stalin › Purges".
TOPIC_SEPARATOR = " › "

# A card's scheduling state: new (never answered), learning (first steps), review, and
# relearning (steps again after a lapse).
CARD_STATES = ("new", "learning", "review", "relearning")
# The card columns that hold its schedule, as FSRS sets them on each answer.
SCHEDULE_COLUMNS = ("state", "step", "stability", "difficulty", "due", "last_review", "reps",
                    "lapses")


class Kind(StrEnum):
    DATE = "date"
    FIGURE = "figure"
    CAUSE = "cause"
    DEFINITION = "definition"
    PERSON = "person"
    CASE = "case"
    QUOTE = "quote"
    VOCABULARY = "vocabulary"
    FORMULA = "formula"
    SEQUENCE = "sequence"
    FACT = "fact"
    LIST = "list"
    # cards brought in by `revise import`: a front/back note, or one deletion of a cloze note
    BASIC = "basic"
    CLOZE = "cloze"


@dataclass(frozen=True, slots=True)
class CardDraft:
    """A card as extracted from notes, before it is stored.

    `position` is the character offset of the card's bullet in the notes text and
    `line` its 1-based line; `slot` tells apart the cards one bullet gives of one
    kind (the first date, the second date, ...), so an edited bullet's cards can
    be matched to the cards it gave before.
    """

    deck: str
    topic: tuple[str, ...]
    kind: Kind
    question: str
    answer: str
    source: str
    position: int = 0
    line: int = 1
    slot: int = 0
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", draft_id(self))

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "deck": self.deck,
            "topic": list(self.topic),
            "kind": str(self.kind),
            "question": self.question,
            "answer": self.answer,
            "source": self.source,
            "position": self.position,
            "line": self.line,
        }


def draft_id(draft: CardDraft) -> str:
    """A card id from what the card says, so extracting the same notes twice gives the same ids."""
    parts = (draft.deck, TOPIC_SEPARATOR.join(draft.topic), str(draft.kind), draft.source,
             draft.answer, str(draft.slot))
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).hexdigest()


class QueueCard(namedtuple("QueueCard", "id deck_id bullet kind due", defaults=(None,))):
    """A card waiting in today's queue: its id and deck, the note bullet it came from
    (deck id, notes file name, position), its kind ('new', 'learning' (learning or
    relearning) or 'review') and when it is due."""

    __slots__ = ()


# The version of the rules that turn notes into cards: a change to what cards a note
# gives raises it, so unchanged notes are read again by the next extract.
EXTRACTOR_VERSION = 46
