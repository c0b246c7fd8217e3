"""The corpus measure script's plumbing, run with a fake extractor on a tiny corpus."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.corpus import measure


@dataclass(frozen=True)
class Card:
    question: str
    answer: str
    topic: tuple[str, ...] = ()


FACTS = {
    "atoms.md": {
        "pairs": [
            ["Chadwick", "discovered the neutron 1932"],
            ["mass number", "total number of protons and neutrons"],
        ]
    },
    "french.txt": {"pairs": [["la cave", "cellar"]]},
}

CARDS = {
    "atoms": [
        Card("Who discovered the neutron in 1932?", "Chadwick"),
        Card("What about the mass number?", "mass number", topic=("mass number",)),
    ],
    "french": [Card("What is the French for 'cellar'?", "la cave")],
}


def fake_extract(text: str, deck_name: str) -> list[Card]:
    assert text.startswith("# notes of ")
    return CARDS[deck_name]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "notes-corpus"
    folder.mkdir()
    for name in FACTS:
        (folder / name).write_text(f"# notes of {name}\n", encoding="utf-8")
    return folder


@pytest.fixture
def facts_file(tmp_path: Path) -> Path:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(FACTS), encoding="utf-8")
    return path


def run(corpus: Path, facts_file: Path, *flags: str) -> int:
    return measure.main(
        ["--facts", str(facts_file), *flags],
        extract=fake_extract,
        environ={"REVISE_CORPUS": str(corpus)},
    )


def test_each_file_gets_a_row_of_cards_pairs_coverage_leaks_and_vague(corpus, facts_file, capsys):
    assert run(corpus, facts_file) == 0
    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()}
    assert rows["atoms.md"] == ["2", "2", "50.0", "1", "1", "1"]
    assert rows["french.txt"] == ["1", "1", "100.0", "0", "0", "1"]
    assert rows["mean"] == ["1.5", "1.5", "75.0", "0.5", "0.5", "1"]


def test_missing_lists_the_uncovered_pairs_under_their_file(corpus, facts_file, capsys):
    assert run(corpus, facts_file, "--missing") == 0
    out = capsys.readouterr().out
    assert "atoms.md: 1 missing\n  ['mass number', 'total number of protons and neutrons']" in out
    assert "french.txt: " not in out


def test_without_missing_no_pairs_are_listed(corpus, facts_file, capsys):
    run(corpus, facts_file)
    assert "missing" not in capsys.readouterr().out


def test_the_corpus_is_beside_the_repository_unless_revise_corpus_says_otherwise(tmp_path):
    assert measure.corpus_folder({}) == measure.ROOT.parent / "shared" / "notes-corpus"
    assert measure.corpus_folder({"REVISE_CORPUS": str(tmp_path)}) == tmp_path


def test_the_text_is_decoded_before_extraction(corpus, facts_file, capsys):
    seen = []

    def decode(data: bytes) -> str:
        seen.append(data)
        return data.decode("utf-8")

    code = measure.main(
        ["--facts", str(facts_file)],
        extract=fake_extract,
        decode=decode,
        environ={"REVISE_CORPUS": str(corpus)},
    )
    assert code == 0
    assert seen == [b"# notes of atoms.md\n", b"# notes of french.txt\n"]


def test_a_missing_corpus_is_one_line_and_exit_1(tmp_path, facts_file, capsys):
    assert run(tmp_path / "nowhere", facts_file) == 1
    err = capsys.readouterr().err
    assert err.startswith("measure: no notes corpus at ") and err.count("\n") == 1


def test_a_notes_file_missing_from_the_corpus_is_one_line_and_exit_1(corpus, facts_file, capsys):
    (corpus / "french.txt").unlink()
    assert run(corpus, facts_file) == 1
    err = capsys.readouterr().err
    assert err.startswith("measure: cannot read notes ") and err.count("\n") == 1


def test_the_shipped_facts_name_every_corpus_file_once_with_pairs():
    facts = measure.load_facts(measure.FACTS)
    assert len(facts) == 12
    for name, pairs in facts.items():
        assert pairs, name
        assert len(set(pairs)) == len(pairs), name
        assert all(a.strip() and b.strip() for a, b in pairs), name
