"""The quick checks that let the extractor pass over most lines without trying a slow
pattern: each must find everything its pattern could match, so it never skips a card.
A notation added to a pattern and not to its check fails here."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revise.extract import _YEAR, terms


@pytest.mark.parametrize("pattern", [terms._SENTENCE, terms._NAMED], ids=["sentence", "named"])
def test_every_defining_verb_is_seen_by_the_quick_check(pattern: re.Pattern[str]) -> None:
    verbs = re.search(r"\(\?P<verb>([^)]*)\)", pattern.pattern).group(1).split("|")
    assert len(verbs) > 3
    for verb in verbs:
        sentence = f"Osmosis {verb} the movement of water"
        assert terms._DEFINING_VERB.search(sentence), verb
        assert terms._DEFINING_VERB.search(sentence.upper()), verb


def test_every_term_separator_holds_a_character_the_quick_check_looks_for() -> None:
    alternatives = terms._SEPARATOR.pattern.split("|")
    assert len(alternatives) > 3
    for alternative in alternatives:
        assert terms._SEPARATOR_MARK.search(alternative), alternative


@pytest.mark.parametrize("line", [
    "Osmosis is the movement of water across a membrane",
    "A catalyst is known as a substance that speeds a reaction",
    "HTTP stands for hypertext transfer protocol",
    "Inflation means a sustained rise in prices",
])
def test_a_defining_sentence_still_gives_its_pair(line: str) -> None:
    assert terms.sentence_pair(line) is not None


@pytest.mark.parametrize("line", [
    "Osmosis: the movement of water", "Kulak – a wealthy peasant", "GDP = gross domestic product",
    "Mitochondria — site of respiration", "cell wall (made of cellulose)",
])
def test_a_term_line_still_splits(line: str) -> None:
    assert terms.split_term(line) is not None


@given(st.text(alphabet="12090a_ -é١.", max_size=16))
def test_the_year_pattern_finds_a_year_between_word_boundaries(text: str) -> None:
    plain = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})\b")  # as it reads; _YEAR scans faster
    assert [m.span() for m in _YEAR.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern's first group: `(?<!\\w)(?:a|b(?:c|d))\\b` → a, b(?:c|d)."""
    body = pattern[pattern.index("(?:") + 3:]
    alternatives, depth, start = [], 0, 0
    for at, char in enumerate(body):
        if char == "\\" or (at and body[at - 1] == "\\"):
            continue
        if char == "(":
            depth += 1
        elif char == ")" and depth == 0:
            return [*alternatives, body[start:at]]
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(body[start:at])
            start = at + 1
    raise AssertionError("unclosed group")


def test_every_word_a_note_to_self_mentions_starts_with_a_letter_or_digit() -> None:
    # (so `(?<!\w)` before them is the word boundary `\b` would be)
    from revise.extract import _NOTE_TO_SELF_WORDS

    alternatives = _top_level_alternatives(_NOTE_TO_SELF_WORDS.pattern)
    assert len(alternatives) > 10
    for alternative in alternatives:
        assert re.match(r"[a-z0-9]|\\d|\(\?:[a-z]", alternative), alternative


def test_a_glossed_word_needs_its_bracket() -> None:
    from revise.extract import vocab

    for pattern in (vocab._GLOSSED, vocab._GLOSSED_FIRST):
        assert "\\(" in pattern.pattern
    assert vocab.split_pairs("streng (strict), langweilig (boring)") == [
        ("streng", "strict"), ("langweilig", "boring")]
