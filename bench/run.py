"""revise at scale, beside Anki's own engine, on the same machine in the same run.

    python bench/run.py                      # 100,000 bullets, 1,000,000 reviews (make bench)
    python bench/run.py --cards 300 --reviews 3000 --runs 2 --ratings 50   # a quick look
    python bench/run.py --json               # the figures as JSON on stdout
    python bench/run.py --only import --cards 20000   # one part: extract, then import
    python bench/run.py --only export --cards 20000 --reviews 200000   # extract, history, export

Every revise figure is a whole process, started as a user starts it, timed from start
to exit, with its peak memory (the child's own maximum resident set, from `os.wait4`).
Each is the median of several runs. Two figures are in-process, as a session lives: the
time to rate a card and draw the next (median and 99th percentile of many ratings, each
committed), measured by `bench/rating.py` in its own process.

Anki's figures come from `bench/anki_ops.py`, one operation per process. Anki's time is
the operation alone, with Python started, `anki` imported and the collection open,
which is what an open Anki would have paid already; so a ratio (revise ÷ Anki) charges
revise for its start-up and Anki for nothing but the work.

Generated notes, databases and packages go in a folder under bench/out/ (git-ignored),
removed at the end unless --keep is given.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))  # for tests.support.notes, the notes generator

import generate  # noqa: E402

PYTHON = sys.executable
REVISE = [PYTHON, "-m", "revise"]
# the installed command, as a user runs it; `python -m revise` when there is none
_SCRIPT = Path(PYTHON).with_name("revise")
if _SCRIPT.exists():
    REVISE = [str(_SCRIPT)]

SEARCH_WORD = "famine"


# --- measuring ------------------------------------------------------------------------


class Failed(RuntimeError):
    pass


def launch(argv: list[str], *, until: str | None = None, then: str = "") -> tuple[float, float,
                                                                                    str]:
    """Run `argv` to its end from `bench/launch.py`: (seconds, peak MB, what it printed).
    With `until`, in a pseudo-terminal: seconds until that text is on screen, then `then`
    is typed."""
    handle, sink = tempfile.mkstemp(prefix="bench-out-")
    os.close(handle)
    request = {"argv": argv, "stdout": sink} if until is None else {
        "argv": argv, "until": until, "then": then}
    try:
        done = subprocess.run([PYTHON, str(BENCH / "launch.py"), json.dumps(request)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise Failed(f"bench/launch.py failed: {done.stderr[-2000:]}")
        result = json.loads(done.stdout)
        if result["code"] != 0:
            raise Failed(f"{' '.join(argv)} exited {result['code']}: {result['stderr']}")
        text = Path(sink).read_text(encoding="utf-8", errors="replace")
    finally:
        Path(sink).unlink(missing_ok=True)
    return result["seconds"], round(result["peak_mb"]), text


class Series:
    """Repeated measurements of one thing: their median, spread and peak memory."""

    def __init__(self, label: str):
        self.label = label
        self.seconds: list[float] = []
        self.processes: list[float] = []
        self.peaks: list[float] = []

    def add(self, seconds: float, peak: float, process: float | None = None) -> None:
        self.seconds.append(seconds)
        self.peaks.append(peak)
        if process is not None:
            self.processes.append(process)

    def figure(self) -> dict:
        figure = {"median": statistics.median(self.seconds), "min": min(self.seconds),
                  "max": max(self.seconds), "runs": len(self.seconds),
                  "peak_mb": max(self.peaks)}
        if self.processes:
            figure["process_median"] = statistics.median(self.processes)
        return figure

    def line(self) -> str:
        figure = self.figure()
        process = (f" ({_ms(figure['process_median'])} as a whole process)"
                   if self.processes else "")
        return (f"  {self.label}: median {_ms(figure['median'])}{process} over {figure['runs']}"
                f" runs ({_ms(figure['min'])}–{_ms(figure['max'])}), peak {figure['peak_mb']} MB")


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.1f} ms" if seconds < 0.01 else f"{seconds * 1000:.0f} ms"


# --- the run ----------------------------------------------------------------------------


class Bench:
    """One run: revise's work and Anki's, measured in turns (revise, then Anki, then
    revise again ...) so that a busy moment of a shared machine falls on both."""

    def __init__(self, work: Path, args, log):
        self.work, self.args, self.log = work, args, log
        self.anki = not args.no_anki
        self.ours: dict[str, Series] = {}
        self.theirs: dict[str, Series] = {}
        self.extra: dict[str, dict] = {}
        self.anki_extra: dict[str, dict] = {}
        self.database = work / "revise.db"
        self.notes = work / "notes.md"
        self.collection = work / "anki"

    def ours_(self, key: str, label: str) -> Series:
        return self.ours.setdefault(key, Series(label))

    def theirs_(self, key: str, label: str) -> Series:
        return self.theirs.setdefault(key, Series(label))

    def revise(self, *argv: str, db: bool = True) -> tuple[float, float, str]:
        return launch([*REVISE, *argv, *(["--db", str(self.database)] if db else [])])

    def anki_op(self, *argv: str) -> tuple[dict, float, float]:
        seconds, peak, text = launch([PYTHON, str(BENCH / "anki_ops.py"), *argv])
        return json.loads(text), seconds, peak

    def run(self) -> dict:
        args = self.args
        size = generate.write_notes(self.notes, args.cards, seed=args.seed)
        self.log(f"notes: {args.cards:,} bullets, {size / 1e6:.1f} MB → {self.notes}")
        self.adding()
        if args.only in (None, "import"):
            self.imports()
        if args.only in (None, "export"):
            self.history()
            if self.anki:
                self.anki_setup()
        if args.only is None:
            self.commands()
        if args.only in (None, "export"):
            self.exports()
        if args.only is None:
            self.ratings()
        ours = {key: series.figure() for key, series in self.ours.items() if series.seconds}
        theirs = {key: series.figure() for key, series in self.theirs.items()
                  if series.seconds}
        return {"revise": ours | self.extra, "cards": self.cards,
                "anki": theirs | self.anki_extra if self.anki else None}

    def adding(self) -> None:
        """A first extract into a fresh database, and Anki adding the same cards."""
        ours = self.ours_("extract", "revise extract into a fresh database")
        theirs = self.theirs_("add", "Anki: add the same cards as notes")
        tsv = self.work / "cards.tsv"
        for index in range(self.args.slow_runs):
            target = self.database if index == 0 else self.work / f"extract-{index}.db"
            seconds, peak, _ = launch([*REVISE, "extract", str(self.notes), "--db",
                                       str(target)])
            ours.add(seconds, peak)
            if index:
                _remove_db(target)
            else:
                _write_tsv(self.database, tsv)
            if self.anki:
                folder = self.work / "anki-add"
                shutil.rmtree(folder, ignore_errors=True)
                result, seconds, peak = self.anki_op("add", str(tsv), str(folder))
                theirs.add(result["seconds"], peak, seconds)
                shutil.rmtree(folder, ignore_errors=True)
        with sqlite3.connect(self.database) as conn:
            self.cards = conn.execute("SELECT count(*) FROM cards WHERE retired = 0").fetchone()[0]
        self.log(ours.line())
        if self.anki:
            self.log(theirs.line())
        again = self.ours_("extract_unchanged", "revise extract again, notes unchanged")
        for _ in range(self.args.runs):
            seconds, peak, text = launch([*REVISE, "extract", str(self.notes), "--db",
                                          str(self.database)])
            if " 0 new, 0 updated, 0 retired" not in text:
                raise Failed(f"extract of unchanged notes changed something: {text}")
            again.add(seconds, peak)
        self.log(again.line())

    def imports(self) -> None:
        """A package of every card as a note, imported into a fresh database by revise
        and into a fresh collection by Anki. The package is Anki's own export of the
        cards added as Basic notes (revise's export when Anki is not measured)."""
        package = self.work / "shared.apkg"
        if self.anki:
            folder = self.work / "anki-made"
            self.anki_op("add", str(self.work / "cards.tsv"), str(folder))
            self.anki_op("export", str(folder), str(package))
            shutil.rmtree(folder, ignore_errors=True)
        else:
            self.revise("export", "--format", "apkg", "-o", str(package))
        ours = self.ours_("import", "revise import a package into a fresh database")
        theirs = self.theirs_("import", "Anki: import the same package")
        target = self.work / "imported.db"
        for _ in range(self.args.slow_runs):
            seconds, peak, text = launch([*REVISE, "import", str(package), "--db",
                                          str(target)])
            ours.add(seconds, peak)
            if not ours.seconds[1:]:
                with sqlite3.connect(target) as conn:
                    notes = conn.execute("SELECT count(*) FROM cards").fetchone()[0]
                self.extra["import_notes"] = notes
            _remove_db(target)
            if self.anki:
                folder = self.work / "anki-import"
                shutil.rmtree(folder, ignore_errors=True)
                result, seconds, peak = self.anki_op("import", str(package), str(folder))
                theirs.add(result["seconds"], peak, seconds)
                shutil.rmtree(folder, ignore_errors=True)
        package.unlink()
        self.log(f"  a package of {self.extra['import_notes']:,} notes")
        self.log(ours.line())
        if self.anki:
            self.log(theirs.line())

    def history(self) -> None:
        began = time.perf_counter()
        studied, reviews = generate.write_history(self.database, self.args.reviews,
                                                  seed=self.args.seed + 1)
        self.reviews = reviews
        self.log(f"history: {reviews:,} reviews of {studied:,} of the {self.cards:,} cards over"
                 f" two years, written in {time.perf_counter() - began:.1f} s")
        self.extra["history"] = {"cards": self.cards, "studied": studied, "reviews": reviews,
                                 "seconds": time.perf_counter() - began}

    def anki_setup(self) -> None:
        """The same cards and history in Anki (set-up, not measured): revise's package,
        imported, then each card's state and reviews copied in (see anki_ops.load). Not
        through `export --with-scheduling`, which takes minutes on a million reviews."""
        began = time.perf_counter()
        package = self.work / "cards.apkg"
        self.revise("export", "--format", "apkg", "-o", str(package))
        shutil.rmtree(self.collection, ignore_errors=True)
        loaded, _, _ = self.anki_op("load", str(package), str(self.database),
                                    str(self.collection))
        package.unlink()
        self.log(f"Anki set-up: the same {loaded['cards']:,} cards and {loaded['reviews']:,} "
                 f"reviews, in {time.perf_counter() - began:.0f} s")

    def commands(self) -> None:
        """The quick commands, in turns, on the full database."""
        due = self.ours_("due", "revise due --json")
        anki_due = self.theirs_("due", "Anki: count what is due (the deck list)")
        stats = self.ours_("stats", "revise stats --json")
        search = self.ours_("cards_search", f"revise cards --search {SEARCH_WORD}")
        helped = self.ours_("help", "revise --help")
        review = self.ours_("review_first_card", "revise review: start to first card")
        for _ in range(self.args.runs):
            due.add(*self.revise("due", "--json")[:2])
            if self.anki:
                result, seconds, peak = self.anki_op("due", str(self.collection))
                anki_due.add(result["seconds"], peak, seconds)
            stats.add(*self.revise("stats", "--json")[:2])
            search.add(*self.revise("cards", "--search", SEARCH_WORD)[:2])
            helped.add(*self.revise("--help", db=False)[:2])
            review.add(*launch([*REVISE, "review", "--db", str(self.database)],
                               until="question", then="q")[:2])
        for series in (due, anki_due, stats, search, helped, review):
            if series.seconds:
                self.log(series.line())

    def exports(self) -> None:
        ours = self.ours_("export", "revise export --format apkg")
        theirs = self.theirs_("export", "Anki: export the collection as a package")
        target = self.work / "export.apkg"
        for _ in range(self.args.slow_runs):
            target.unlink(missing_ok=True)
            ours.add(*self.revise("export", "--format", "apkg", "-o", str(target))[:2])
            target.unlink()
            if self.anki:
                result, seconds, peak = self.anki_op("export", str(self.collection),
                                                     str(target))
                theirs.add(result["seconds"], peak, seconds)
                target.unlink()
        self.log(ours.line())
        if self.anki:
            self.log(theirs.line())

    def ratings(self) -> None:
        """A long session: rate a card, commit, draw the next; then Anki the same."""
        copy = self.work / "rating.db"
        _copy_db(self.database, copy)
        seconds, peak, text = launch([PYTHON, str(BENCH / "rating.py"), str(copy),
                                      str(self.args.ratings)])
        _remove_db(copy)
        result = json.loads(text)
        if result["stored"] != result["ratings"]:
            raise Failed(f"{result['ratings']} ratings but {result['stored']} stored")
        self.extra["rate_next"] = {"median": result["median"], "p99": result["p99"],
                                   "ratings": result["ratings"], "peak_mb": peak,
                                   "upkeep_max": result["upkeep_max"]}
        self.log(f"  rate a card, commit, draw the next: median {_ms(result['median'])}, p99 "
                 f"{_ms(result['p99'])} over {result['ratings']} ratings, peak {peak} MB;"
                 f" upkeep while a question shows: at most {_ms(result['upkeep_max'])}")
        if not self.anki:
            return
        answering = self.work / "anki-answer"
        shutil.rmtree(answering, ignore_errors=True)
        shutil.copytree(self.collection, answering)
        result, seconds, peak = self.anki_op("answer", str(answering), str(self.args.ratings))
        shutil.rmtree(answering, ignore_errors=True)
        self.anki_extra["answer"] = {"median": result["median"], "p99": result["p99"],
                                     "ratings": result["answers"], "peak_mb": peak}
        self.log(f"  Anki: answer a card, draw the next: median {_ms(result['median'])}, p99 "
                 f"{_ms(result['p99'])} over {result['answers']} answers, peak {peak} MB")


def _write_tsv(database: Path, tsv: Path) -> None:
    """The cards' questions and answers, one Basic note a line, for Anki to add."""
    with sqlite3.connect(database) as conn, tsv.open("w", encoding="utf-8") as out:
        for question, answer in conn.execute(
                "SELECT question, answer FROM cards WHERE retired = 0"):
            out.write(f"{_field(question)}\t{_field(answer)}\n")


def _field(text: str) -> str:
    return text.replace("\t", " ").replace("\r", "").replace("\n", "<br>")


def _remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _copy_db(source: Path, target: Path) -> None:
    _remove_db(target)
    with closing(sqlite3.connect(source)) as conn, closing(sqlite3.connect(target)) as copy:
        conn.backup(copy)


# --- the table --------------------------------------------------------------------------

# (row, what it is, revise figure, Anki figure, whether the target is a ratio, target)
ROWS = [
    ("extract", "add the cards: `revise extract`, fresh database", "extract", "add", True,
     "ratio ≤ 1"),
    ("extract_unchanged", "`revise extract` again, notes unchanged", "extract_unchanged",
     None, False, "much faster"),
    # < 300 ms at a student's 10,000 cards; < 1 s at 100,000 (see `_target`)
    ("due", "`revise due --json`", "due", "due", False, "< 300 ms"),
    ("stats", "`revise stats --json`", "stats", None, False, "< 300 ms"),
    ("cards_search", f"`revise cards --search {SEARCH_WORD}`", "cards_search", None, False,
     ""),
    ("review_first_card", "`revise review`: start to first card", "review_first_card", None,
     False, ""),
    ("rate_next", "rate, commit, draw the next (median)", "rate_next", "answer", True,
     "ratio ≤ 1, < 2 ms"),
    ("rate_next_p99", "  ... 99th percentile", "rate_next", "answer", True, "< 16 ms"),
    ("export", "`revise export --format apkg`", "export", "export", True, "ratio ≤ 1"),
    ("import", "`revise import` a package, fresh database", "import", "import", True,
     "ratio ≤ 1, < 200 MB"),
    ("help", "`revise --help`", "help", None, False, "< 300 ms"),
]
STUDENT_CARDS = 20_000  # up to here, a student's collection: the tighter targets


def _target(key: str, target: str, bullets: int) -> str:
    if key in ("due", "stats") and bullets > STUDENT_CARDS:
        return "< 1 s"
    return target


def table(result: dict) -> str:
    revise, anki = result["revise"], result.get("anki") or {}
    head = ("work", "revise", "peak", "Anki", "Anki process", "peak", "ratio", "target")
    rows = []
    for key, label, ours, theirs, is_ratio, target in ROWS:
        mine = revise.get(ours) or {}
        other = (anki.get(theirs) or {}) if theirs else {}
        stat = "p99" if key.endswith("_p99") else "median"
        ours_value, theirs_value = mine.get(stat), other.get(stat)
        ratio = (f"{ours_value / theirs_value:.2f}"
                 if is_ratio and ours_value and theirs_value else "")
        first = stat == "median"
        rows.append((label, _ms(ours_value),
                     f"{mine['peak_mb']} MB" if first and "peak_mb" in mine else "",
                     _ms(theirs_value) if other else "",
                     _ms(other.get("process_median")) if other.get("process_median") else "",
                     f"{other['peak_mb']} MB" if first and "peak_mb" in other else "",
                     ratio, _target(key, target, result["bullets"])))
    widths = [max(len(row[index]) for row in [head, *rows]) for index in range(len(head))]
    right = {1, 2, 3, 4, 5, 6}

    def line(cells) -> str:
        return "| " + " | ".join(cell.rjust(width) if index in right else cell.ljust(width)
                                 for index, (cell, width) in enumerate(zip(cells, widths,
                                                                           strict=True))) + " |"

    rule = "|" + "|".join(("-" * (width + 1) + ":") if index in right else "-" * (width + 2)
                          for index, width in enumerate(widths)) + "|"
    return "\n".join([
        f"revise {result['revise_version']} vs anki {result.get('anki_version') or '—'}: "
        f"{result['cards']:,} cards from {result['bullets']:,} bullets, "
        f"{result['reviews']:,} reviews; {result['date']}, {result['machine']}",
        "", line(head), rule, *(line(row) for row in rows), "",
        "revise: medians of whole processes as a user runs them (a rating is in-process, as "
        "in a session).",
        "Anki: the operation alone in an open collection; `Anki process` adds starting "
        "Python,",
        "importing anki and opening the collection. ratio = revise ÷ Anki (operation alone).",
    ])


def _versions() -> tuple[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        anki_version = version("anki")
    except PackageNotFoundError:
        anki_version = None
    return version("revise"), anki_version


def _machine() -> str:
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python " \
           f"{platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=100_000,
                        help="bullets of notes to generate (about one card each)")
    parser.add_argument("--reviews", type=int, default=1_000_000,
                        help="reviews of history to generate")
    parser.add_argument("--runs", type=int, default=5, help="runs of each quick command")
    parser.add_argument("--slow-runs", type=int, default=3,
                        help="runs of the slow ones: a first extract, exports, Anki's add")
    parser.add_argument("--ratings", type=int, default=1000, help="cards to rate in a session")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-anki", action="store_true", help="measure revise only")
    parser.add_argument("--out", type=Path, default=BENCH / "out",
                        help="folder for the generated data [default: bench/out]")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    parser.add_argument("--only", choices=["import", "export"],
                        help="measure only the first extract and this part (export: after"
                             " the history is written)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--readme", type=Path,
                        help="also write the table into this file (make bench: bench/README.md),"
                             " between its `<!-- figures -->` and `<!-- /figures -->` lines")
    args = parser.parse_args(argv)
    if min(args.runs, args.slow_runs) < 1 or args.cards < 10 or args.ratings < 1:
        parser.error("--runs, --slow-runs and --ratings must be at least 1, --cards 10")

    def log(message: str) -> None:
        print(message, file=sys.stderr if args.json else sys.stdout, flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"run-{args.cards}-", dir=args.out))
    revise_version, anki_version = _versions()
    if not args.no_anki and anki_version is None:
        parser.error("the anki package is not installed: pip install -e '.[anki]', "
                     "or pass --no-anki")
    try:
        figures = Bench(work, args, log).run()
    except Failed as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    revise, anki = figures["revise"], figures["anki"]
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "machine": _machine(),
        "revise_version": revise_version,
        "anki_version": anki_version,
        "bullets": args.cards,
        "cards": figures["cards"],
        "reviews": revise.get("history", {}).get("reviews", 0),
        "revise": revise,
        "anki": anki,
        "ratios": {key: revise[ours]["median"] / anki[theirs]["median"]
                   for key, ours, theirs in (("extract", "extract", "add"),
                                             ("rate_next", "rate_next", "answer"),
                                             ("export", "export", "export"),
                                             ("import", "import", "import"))
                   if anki and ours in revise and anki.get(theirs, {}).get("median")},
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print()
        print(table(result))
    if args.readme is not None:
        write_figures(args.readme, table(result))
    return 0


FIGURES_START, FIGURES_END = "<!-- figures -->", "<!-- /figures -->"


def write_figures(readme: Path, figures: str) -> None:
    """Put `figures` between the readme's figures markers, in place of the last ones."""
    text = readme.read_text(encoding="utf-8")
    head, start, rest = text.partition(FIGURES_START)
    _, end, tail = rest.partition(FIGURES_END)
    if not (start and end):
        raise SystemExit(f"bench: {readme} has no {FIGURES_START} ... {FIGURES_END} lines")
    readme.write_text(f"{head}{start}\n{figures}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
