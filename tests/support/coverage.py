"""How much of a notes file's facts a deck of cards tests, by the pair rule of CARDS.md.

A fact is a pair of short texts ``[a, b]``: the words a card should ask for, and the few key
words its question must show. A card covers the pair when its answer is one side (most of that
side's content words, and not much more) and its question, read with the topic shown above it,
shows most of the other side's key words without showing the side it asks for. Either direction
counts.

Texts are compared as sets of folded tokens: case, accents, unicode dashes, quotes and
superscripts are normalised, plurals and simple suffixes folded, stop words left out of "key
words", and numbers kept whole as tokens (``1932`` is not ``1923``; ``7±2``, ``2,8,1`` and
``18-30`` each stay one token).

Pure functions only: cards go in as objects or dicts with ``question``, ``answer`` and ``topic``
(a tuple of section titles); reports come out.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Pair = tuple[str, str]

# "Most" of a side's words: two thirds for the answer, three fifths for the key words the
# question must show (a question rephrases more than an answer does).
ANSWER_SHARE = 2 / 3
QUESTION_SHARE = 0.6
# "Not much more": an answer may carry this many content words beyond the side it gives,
# or half the side's own length when that is larger.
EXTRA_WORDS = 3
# CARDS.md: at most about two cards a fact.
CARDS_PER_FACT_LIMIT = 2

# Question words and boilerplate are stop words too: they are no fact's key words.
_STOP_WORDS_TEXT = """
a an the and or but if then so as of to in on at by for from with into onto over under than
is are was were be been being am do does did done has have had having can could will would
shall should may might must it its it's this that these those there here their them they
he she his her him we us our you your i me my
what which who whom whose when where why how
name give state list describe explain define called call known
e g eg ie etc approx approximately about around roughly ca
s t l d w vs
le la les un une des
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032`\u00b4"), "'")
_QUOTES.update(dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'))
_FRACTION_SLASH = {ord("\u2044"): "/", ord("\u2215"): "/"}

# A number keeps its sign (when not glued to a word, as in "Cl-35"), its root, and the
# connectors that make one value of several groups: 2,8,1  0.1  1/1836  7±2  18-30  35√3/4.
_NUMBER = r"(?<![\w.])[+\-±]?√?\d+(?:(?:[.,/:±\-]√?|√)\d+)*[^\W\d_]*"
_WORD = r"[^\W\d_][^\W_]*"
_TOKEN = re.compile(f"{_NUMBER}|{_WORD}")
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3}) (?=\d{3}(?!\d))")
_POSSESSIVE = re.compile(r"'s\b")


def normalise(text: str) -> str:
    """Fold case, accents, dashes, quotes, superscripts and fractions to plain characters."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_DASHES).translate(_QUOTES).translate(_FRACTION_SLASH)
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    text = _POSSESSIVE.sub("", text.casefold())
    return _THOUSANDS.sub(r"\1", text)


def fold(word: str) -> str:
    """Fold a plural or simple suffix away, so "floods", "flooded" and "flood" agree.

    Numbers and words with digits stay as they are.
    """
    if any(ch.isdigit() for ch in word):
        return word
    if len(word) == 4 and word.endswith("ied"):
        return word[:-1]  # `died`, `tied`: the verb `die`, `tie`
    for suffix, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            break
        if suffix == "ed" and stem.endswith("e"):
            break
        word = stem + replacement
        if (
            suffix in ("ing", "ed")
            and len(word) > 3
            and word[-1] == word[-2]
            and word[-1] not in "lsz"
        ):
            word = word[:-1]
        break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _words(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


def tokens(text: str) -> list[str]:
    """Every folded token of a text, stop words included, in order."""
    return [fold(word) for word in _words(text)]


@functools.cache  # (a fact's sides are compared with every card)
def content_words(text: str) -> frozenset[str]:
    """The folded tokens of a text that are not stop words.

    A text made only of stop words (a French preposition's meaning, "in") keeps them all,
    so that it still has words to compare.
    """
    every = _words(text)
    content = frozenset(fold(word) for word in every if word not in STOP_WORDS)
    return content or frozenset(map(fold, every))


def _has_content(text: str) -> bool:
    return any(word not in STOP_WORDS for word in _words(text))


def _most(share: float, count: int) -> int:
    return max(1, math.ceil(share * count - 1e-9))


@dataclass(frozen=True)
class _ReadCard:
    """A card's texts as token sets, computed once."""

    answer: frozenset[str]
    shown: frozenset[str]
    question: str


def _field(card: Any, name: str) -> Any:
    if isinstance(card, Mapping):
        return card.get(name)
    return getattr(card, name, None)


def _shown_text(card: Any) -> str:
    """The question with its topic titles, as a student sees them."""
    topic = _field(card, "topic") or ()
    titles = [topic] if isinstance(topic, str) else list(topic)
    return " \n ".join([*titles, _field(card, "question") or ""])


def _read(card: Any) -> _ReadCard:
    shown = _shown_text(card)
    return _ReadCard(
        answer=content_words(_field(card, "answer") or ""),
        shown=frozenset(tokens(shown)),
        question=_field(card, "question") or "",
    )


@functools.cache
def _token_set(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


def _numbers(words: frozenset[str]) -> frozenset[str]:
    return frozenset(word for word in words if word.lstrip("+-±√")[:1].isdigit())


def gives(answer: frozenset[str], side: str) -> bool:
    """Whether an answer's content words are the side: most of them, and few more.

    Every number of the side must be there: "17 protons, 18 neutrons" is not
    "17 protons, 20 neutrons".
    """
    wanted = content_words(side)
    every_word_of_side = wanted | _token_set(side)
    found = len(wanted & answer)
    extra = len(answer - every_word_of_side)
    return (
        _numbers(wanted) <= answer
        and found >= _most(ANSWER_SHARE, len(wanted))
        and extra <= max(EXTRA_WORDS, len(wanted) // 2)
    )


def shows(shown: frozenset[str], side: str) -> bool:
    """Whether a question (with its topic) shows most of a side's key words.

    A side made only of stop words ("in") is never taken as shown: any question has them.
    A side with numbers is shown only when its numbers are: the units of "4 kg m/s" are
    context, the 4 is the answer.
    """
    if not _has_content(side):
        return False
    wanted = content_words(side)
    if not _numbers(wanted) <= shown:
        return False
    return len(wanted & shown) >= _most(ANSWER_SHARE, len(wanted))


def _asks_for(card: _ReadCard, asked: str, clue: str) -> bool:
    clue_words = content_words(clue)
    return (
        gives(card.answer, asked)
        and len(clue_words & card.shown) >= _most(QUESTION_SHARE, len(clue_words))
        and not shows(card.shown, asked)
    )


def _covers(card: _ReadCard, pair: Pair) -> bool:
    a, b = pair
    return _asks_for(card, a, b) or _asks_for(card, b, a)


def covers(card: Any, pair: Sequence[str]) -> bool:
    """Whether one card covers one fact pair, in either direction."""
    a, b = pair
    return _covers(_read(card), (a, b))


def cards_per_fact(pairs: Iterable[Sequence[str]], cards: Iterable[Any]) -> list[int]:
    """How many cards cover each pair, in the pairs' order."""
    read = [_read(card) for card in cards]
    return [sum(_covers(card, (a, b)) for card in read) for a, b in pairs]


@dataclass(frozen=True)
class Report:
    """Coverage of one notes file's pairs by its cards."""

    pairs: tuple[Pair, ...]
    counts: tuple[int, ...]

    @property
    def covered(self) -> tuple[Pair, ...]:
        return tuple(pair for pair, count in zip(self.pairs, self.counts, strict=True) if count)

    @property
    def missing(self) -> tuple[Pair, ...]:
        return tuple(pair for pair, count in zip(self.pairs, self.counts, strict=True) if not count)

    @property
    def share(self) -> float:
        """Covered pairs ÷ pairs; a file with no pairs has nothing missing."""
        return len(self.covered) / len(self.pairs) if self.pairs else 1.0

    @property
    def max_cards_per_fact(self) -> int:
        return max(self.counts, default=0)

    @property
    def crowded(self) -> tuple[Pair, ...]:
        """Pairs tested by more cards than CARDS.md allows."""
        return tuple(
            pair
            for pair, count in zip(self.pairs, self.counts, strict=True)
            if count > CARDS_PER_FACT_LIMIT
        )


def coverage(pairs: Iterable[Sequence[str]], cards: Iterable[Any]) -> Report:
    """Which of a file's fact pairs its cards cover, and how many cards each."""
    pair_list = tuple((a, b) for a, b in pairs)
    return Report(pairs=pair_list, counts=tuple(cards_per_fact(pair_list, cards)))


def leaks(cards: Iterable[Any]) -> list[Any]:
    """Cards whose answer is shown in their own question or topic."""
    found = []
    for card in cards:
        answer = _field(card, "answer") or ""
        if shows(_read(card).shown, answer):
            found.append(card)
    return found


_VAGUE = (
    re.compile(r"\bwhat about\b"),
    re.compile(
        r"\bname the (?:\d+|two|three|four|five|six|seven|eight|nine|ten) "
        r"(?:main |key )?(?:points?|things?|items?|facts?|bits?|ideas?)\b"
    ),
)


def is_vague(question: str) -> bool:
    """Whether a question is a template that fits no relation.

    "What about …?" and "Name the 4 points." ask nothing in particular.
    """
    text = normalise(question)
    return any(pattern.search(text) for pattern in _VAGUE)


def vague(cards: Iterable[Any]) -> list[Any]:
    """Cards whose question is vague by :func:`is_vague`."""
    return [card for card in cards if is_vague(_field(card, "question") or "")]
