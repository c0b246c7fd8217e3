"""The extractor held to whole notes files: the facts a teacher would test on each (written
before the cards were read, in tests/corpus/), the shipped notes' key dates and figures,
and no leaks or vague questions anywhere."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest

from revise.extract import extract_cards
from revise.models import Kind
from revise.notes import decode_notes
from tests.support.coverage import coverage, leaks, vague

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("REVISE_CORPUS", ROOT.parent / "shared" / "notes-corpus"))
HOLDOUT = ROOT / "tests" / "corpus" / "holdout"

# The share of each file's facts that some card must test: a floor under today's figure,
# so a change that loses facts fails here (raise a floor when the extractor improves).
CORPUS_FLOORS = {
    "biology-digestive-system.txt": 0.15,
    "chemistry-atomic-structure.md": 0.55,
    "computing-networks.md": 0.50,
    "economics-inflation.md": 0.30,
    "english-lit-macbeth.md": 0.50,
    "french-vocab-house.txt": 0.75,
    "geography-rivers.md": 0.35,
    "history-cold-war-flat.txt": 0.40,
    "law-contract-cases.md": 0.70,
    "maths-trigonometry.md": 0.35,
    "physics-forces-motion.md": 0.35,
    "psychology-memory.md": 0.25,
}
HOLDOUT_FLOORS = {
    "biology-cells.md": 0.30,
    "business-finance.md": 0.40,
    "german-vocab-school.md": 0.50,
    "history-weimar-germany.txt": 0.25,
    "music-theory.md": 0.40,
    "physics-space-flat.txt": 0.20,
    "rs-buddhism.txt": 0.30,
    "sociology-education.txt": 0.15,
    "pe-anatomy.md": 0.25,
    "norman-conquest.txt": 0.30,
    "chemical-bonding.md": 0.45,
    "ethics.txt": 0.35,
    "spanish-food.txt": 0.90,
    "biology-ecology.md": 0.35,
    "chemistry-acids-alkalis.md": 0.40,
    "cs-algorithms.md": 0.20,
    "geography-plate-tectonics.md": 0.70,
    "history-civil-rights.md": 0.30,
    "history-tudors.md": 0.25,
    "physics-electricity.md": 0.35,
    "rs-christianity.md": 0.35,
    "attachment_psych.md": 0.30,
    "biology-photosynthesis-respiration.md": 0.30,
    "coasts_webcopy.txt": 0.30,
    "computing-databases-sql.md": 0.40,
    "cs_binary_logic_gates.txt": 0.35,
    "genetics_inheritance.md": 0.35,
    "heart_circulation.md": 0.25,
    "history-first-world-war-causes.txt": 0.30,
    "italian-vocab-travel.md": 0.70,
    "nazi_germany_1933-39.txt": 0.25,
    "psychology_social_influence.txt": 0.30,
    "russian_revolution_1917.txt": 0.05,
    "bio_nervous_hormones.md": 0.40,
    "chem_crude_oil.txt": 0.30,
    "geog_urbanisation_copied.txt": 0.45,
    "history_medicine_through_time.txt": 0.45,
    "american_west_notes.txt": 0.20,
    "immunity_disease.md": 0.55,
    "rates_of_reaction.md": 0.40,
    "uk_elections_notes.txt": 0.10,
    "english-inspector-calls.txt": 0.05,
    "psychology-psychopathology.txt": 0.30,
    "geography-tropical-storms.txt": 0.30,
    "physics-waves.md": 0.35,
    "criminology-theories-notes.md": 0.20,
    "jekyll-hyde-revision.txt": 0.15,
    "chem-electrolysis.md": 0.20,
    "computing-cyber-security.txt": 0.25,
    "history-suffrage-timeline.txt": 0.25,
    "spanish-medio-ambiente.txt": 0.60,
    "biology-respiration.txt": 0.40,
    "economics-market-structures.md": 0.10,
    "history-black-death.txt": 0.15,
    "rs-cosmological-argument.md": 0.10,
    "chemistry-bonding-web.txt": 0.20,
    "german-school-vocab.txt": 0.70,
    "pe-cardiovascular.txt": 0.20,
    "sociology-family.md": 0.40,
    "french-food-vocab.md": 0.80,
    "geography-rivers.txt": 0.35,
    "history-cold-war.txt": 0.50,
    "physics-forces-motion.md": 0.40,
    "biology-ecosystems.md": 0.45,
    "computing-networks.txt": 0.35,
    "english-macbeth.txt": 0.15,
    "religious-studies-islam.md": 0.45,
    "chemistry-organic.md": 0.15,
    "history-elizabethan-england.txt": 0.10,
    "psychology-memory.txt": 0.30,
    "spanish-holidays.txt": 0.45,
    "biology-genetics-dna.md": 0.40,
    "computing-algorithms.md": 0.30,
    "geography-climate-change.txt": 0.25,
    "history-nazi-germany-1933-39.txt": 0.20,
    "dt-materials.md": 0.55,
    "history-english-civil-war.txt": 0.15,
    "latin-vocab-verbs.txt": 0.65,
    "physics-radioactivity.txt": 0.20,
    "biology-plant-transport.txt": 0.30,
    "computing-programming-concepts.txt": 0.40,
    "drama-practitioners.md": 0.40,
    "history-king-john-magna-carta.md": 0.30,
    "chemistry-quantitative.md": 0.35,
    "english-language-techniques.txt": 0.40,
    "geography-population-urban.txt": 0.30,
    "religious-studies-christianity-beliefs.txt": 0.25,
    "biology-immune-system.txt": 0.40,
    "business-marketing-mix.md": 0.55,
    "history-vietnam-war.txt": 0.40,
    "physics-electricity-circuits.md": 0.35,
    "computing-data-representation.txt": 0.30,
    "economics-supply-demand.md": 0.25,
    "history-renaissance-medicine.txt": 0.15,
    "spanish-school-future.txt": 0.65,
    "classics-roman-republic.txt": 0.20,
    "food-nutrition.md": 0.35,
    "mandarin-vocab-family-food.txt": 0.70,
    "art-impressionism-web.txt": 0.10,
    "geology-rocks.txt": 0.35,
    "business-employment-law.md": 0.40,
    "russian-vocab-school.txt": 0.75,
    "history-industrial-revolution-web.txt": 0.20,
    "politics-uk-parliament-web.txt": 0.20,
    "spanish-grammar-and-vocab.md": 0.30,
    "art-history-renaissance.txt": 0.30,
    "chemistry-rates-of-reaction.md": 0.40,
    "history-tudors-timeline.txt": 0.25,
    "geography-coasts-cornell.txt": 0.25,
    "biology-immune-system.md": 0.30,
    "economics-market-failure-essay-plan.txt": 0.25,
    "german-vocab-family-and-grammar.txt": 0.55,
    "computing-algorithms-flat.txt": 0.35,
    "pe-skeletal-muscular-mindmap.txt": 0.25,
    "religious-studies-christianity-beliefs.md": 0.30,
    "maths-statistics-formulas.txt": 0.20,
    "business-marketing-mix-web.txt": 0.20,
    "french-holidays-and-past-tense.md": 0.35,
    "english-lit-poetry-anthology.md": 0.25,
    "sociology-education-researchers.txt": 0.20,
    "physics-electricity-numbered.txt": 0.25,
    "history-weimar-flat.txt": 0.15,
    "latin-vocab-and-grammar.txt": 0.60,
    "spanish-vocab-mi-insti.txt": 0.60,
    "business-sources-of-finance-flat.txt": 0.10,
    "sociology-functionalism-family.md": 0.10,
    "pe-fitness-training-qa.txt": 0.40,
    "music-theory-harmony-terms.md": 0.45,
    "geology-rock-cycle.txt": 0.30,
    "astronomy-life-cycle-of-stars-flat.txt": 0.15,
    "italian-vocab-food-restaurant.txt": 0.80,
    "classical-civ-athenian-democracy.md": 0.05,
    "food-tech-nutrients.md": 0.35,
}


@functools.cache  # (several tests read the same file's cards; they only read them)
def cards_of(path: Path) -> tuple:
    return tuple(extract_cards(decode_notes(path.read_bytes()), path.stem))


def facts(folder: Path) -> dict[str, list]:
    return {name: entry["pairs"]
            for name, entry in json.loads((folder / "facts.json").read_text()).items()}


@pytest.mark.parametrize(("name", "floor"), sorted(CORPUS_FLOORS.items()))
def test_corpus_file_facts_get_cards(name, floor):
    if not (CORPUS / name).exists():
        pytest.skip(f"the notes corpus is not at {CORPUS}")
    pairs = facts(ROOT / "tests" / "corpus")[name]
    report = coverage(pairs, cards_of(CORPUS / name))
    assert report.share >= floor, report.missing


@pytest.mark.parametrize(("name", "floor"), sorted(HOLDOUT_FLOORS.items()))
def test_held_out_file_facts_get_cards(name, floor):
    report = coverage(facts(HOLDOUT)[name], cards_of(HOLDOUT / name))
    assert report.share >= floor, report.missing


def every_notes_file() -> list[Path]:
    files = sorted(p for p in HOLDOUT.iterdir() if p.suffix in (".md", ".txt"))
    if CORPUS.exists():
        files += sorted(CORPUS.iterdir())
    return files + [ROOT / "data" / "notes.txt"]


@pytest.mark.parametrize("path", every_notes_file(), ids=lambda p: p.name)
def test_no_vague_question_and_no_card_shows_its_answer(path):
    made = cards_of(path)
    assert vague(made) == []
    # The measure folds words, so a topic like `macro theme 2` counts as showing `2%`:
    # a stray one in a file is tolerated, a pattern of them is not. (A word and its
    # meaning that look alike, `en mi opinión` and `in my opinion`, are still a word to
    # learn: word pairs are not counted.)
    shown = leaks(c for c in made if c.kind != Kind.VOCABULARY)
    assert len(shown) <= 2, [(c.question, c.answer) for c in shown]


def test_shipped_notes_keep_every_key_date_and_figure():
    expected = json.loads((ROOT / "tests" / "fixtures" / "shipped-key-answers.json")
                          .read_text(encoding="utf-8"))["answers"]
    answers = [c.answer for c in cards_of(ROOT / "data" / "notes.txt")]
    missing = [a for a in expected if not any(found == a or a.startswith(f"{found} ")
                                              for found in answers)]
    assert missing == []
