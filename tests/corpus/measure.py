"""Measure the card extractor against the teacher's facts of every corpus notes file.

    python tests/corpus/measure.py [--missing] [--facts PATH]

For each file named in facts.json it reads the notes from the corpus folder (REVISE_CORPUS, or
shared/notes-corpus beside the repository), extracts its cards with the library and prints one
row: cards, pairs, covered %, leaks, vague questions and the most cards on one fact, then the
mean over the files. --missing lists each file's pairs that no card covers.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FACTS = Path(__file__).with_name("facts.json")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "src") not in sys.path:
    sys.path.append(str(ROOT / "src"))

from tests.support.coverage import Report, coverage, leaks, vague  # noqa: E402

Extract = Callable[[str, str], Iterable[Any]]
Decode = Callable[[bytes], str]


class MeasureError(Exception):
    """A corpus or facts file that cannot be read; the message is one line for the user."""


@dataclass(frozen=True)
class FileResult:
    """One notes file's cards measured against its facts."""

    name: str
    cards: int
    report: Report
    leaks: int
    vague: int


def corpus_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """REVISE_CORPUS if set, else shared/notes-corpus beside the repository."""
    chosen = environ.get("REVISE_CORPUS")
    return Path(chosen) if chosen else ROOT.parent / "shared" / "notes-corpus"


def load_facts(path: Path) -> dict[str, list[tuple[str, str]]]:
    """The pairs of each notes file, from a facts.json."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise MeasureError(f"cannot read facts {path}: {error}") from None
    return {name: [(a, b) for a, b in entry["pairs"]] for name, entry in raw.items()}


def library_extract() -> Extract:
    """The library's extractor: revise.extract.extract_cards(text, deck_name)."""
    from revise.extract import extract_cards

    return extract_cards


def library_decode() -> Decode:
    """revise.notes.decode_notes where the library has it, else plain UTF-8."""
    try:
        from revise.notes import decode_notes
    except ImportError:
        return utf8
    return lambda data: _as_text(decode_notes(data))


def utf8(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _as_text(decoded: Any) -> str:
    """The text of a decode result, whether it is the text or carries it."""
    if isinstance(decoded, str):
        return decoded
    text = getattr(decoded, "text", None)
    if isinstance(text, str):
        return text
    if isinstance(decoded, tuple):
        return next(part for part in decoded if isinstance(part, str))
    raise MeasureError(f"decode_notes returned {type(decoded).__name__}, not text")


def measure(
    corpus: Path,
    facts: Mapping[str, Sequence[tuple[str, str]]],
    extract: Extract,
    decode: Decode = utf8,
) -> list[FileResult]:
    """Extract every file named in the facts and measure its cards, in name order."""
    results = []
    for name in sorted(facts):
        path = corpus / name
        try:
            data = path.read_bytes()
        except OSError as error:
            raise MeasureError(f"cannot read notes {path}: {error.strerror}") from None
        cards = list(extract(decode(data), Path(name).stem))
        results.append(
            FileResult(
                name=name,
                cards=len(cards),
                report=coverage(facts[name], cards),
                leaks=len(leaks(cards)),
                vague=len(vague(cards)),
            )
        )
    return results


def _percent(share: float) -> str:
    return f"{100 * share:.1f}"


def render(results: Sequence[FileResult], missing: bool = False) -> str:
    """The table of results, its mean row, and with missing the uncovered pairs per file."""
    header = ("file", "cards", "pairs", "covered %", "leaks", "vague", "max/fact")
    rows = [
        (
            result.name,
            str(result.cards),
            str(len(result.report.pairs)),
            _percent(result.report.share),
            str(result.leaks),
            str(result.vague),
            str(result.report.max_cards_per_fact),
        )
        for result in results
    ]
    if results:
        rows.append(
            (
                "mean",
                f"{sum(r.cards for r in results) / len(results):.1f}",
                f"{sum(len(r.report.pairs) for r in results) / len(results):.1f}",
                _percent(sum(r.report.share for r in results) / len(results)),
                f"{sum(r.leaks for r in results) / len(results):.1f}",
                f"{sum(r.vague for r in results) / len(results):.1f}",
                str(max(r.report.max_cards_per_fact for r in results)),
            )
        )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    out = [line(header), line(["-" * width for width in widths])]
    out += [line(row) for row in rows[:-1]]
    if results:
        out += [line(["-" * width for width in widths]), line(rows[-1])]
    if missing:
        for result in results:
            if result.report.missing:
                out += ["", f"{result.name}: {len(result.report.missing)} missing"]
                out += [f"  [{a!r}, {b!r}]" for a, b in result.report.missing]
    return "\n".join(out)


def main(
    argv: Sequence[str] | None = None,
    extract: Extract | None = None,
    decode: Decode | None = None,
    environ: Mapping[str, str] = os.environ,
) -> int:
    """Run the measure and print its table; extract and decode default to the library's."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", action="store_true", help="list the pairs no card covers")
    parser.add_argument("--facts", type=Path, default=FACTS, help="the facts.json to measure by")
    args = parser.parse_args(argv)
    corpus = corpus_folder(environ)
    try:
        if not corpus.is_dir():
            raise MeasureError(f"no notes corpus at {corpus} (set REVISE_CORPUS)")
        facts = load_facts(args.facts)
        results = measure(
            corpus,
            facts,
            extract or library_extract(),
            decode or library_decode(),
        )
    except MeasureError as error:
        print(f"measure: {error}", file=sys.stderr)
        return 1
    print(render(results, missing=args.missing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
