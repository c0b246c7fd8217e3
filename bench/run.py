"""revise at scale, beside Anki's own engine, on the same machine in the same run.

    python bench/run.py                      # 100,000 bullets, 1,000,000 reviews (make bench)
    python bench/run.py --cards 300 --reviews 3000 --runs 2 --ratings 50   # a quick look
    python bench/run.py --json               # the figures as JSON on stdout

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
import pty
import select
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

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


def run_once(argv: list[str], *, out: Path | None = None, env: dict | None = None,
             cwd: Path | None = None) -> tuple[float, int, str]:
    """Run a process to its end: (seconds, peak memory in MB, what it printed)."""
    sink = out or Path(tempfile.mkstemp(prefix="bench-out-")[1])
    try:
        with sink.open("wb") as stdout, tempfile.TemporaryFile() as stderr:
            started = time.perf_counter()
            process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=stdout,
                                       stderr=stderr, env=env, cwd=cwd)
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode != 0:
                stderr.seek(0)
                raise Failed(f"{' '.join(map(str, argv))} exited {process.returncode}: "
                             f"{stderr.read().decode(errors='replace')[-2000:]}")
        text = sink.read_text(encoding="utf-8", errors="replace")
    finally:
        if out is None:
            sink.unlink(missing_ok=True)
    return seconds, usage.ru_maxrss // 1024, text


def until_prompt(argv: list[str], marker: bytes, answer: bytes, *,
                 timeout: float = 120.0) -> tuple[float, int]:
    """Start `argv` in a pseudo-terminal, time until `marker` is on screen, then type
    `answer` and wait for the process to end: (seconds to the marker, peak MB)."""
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the program
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLUMNS"], os.environ["LINES"] = "100", "40"
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    seen = b""
    shown_at = None
    try:
        while True:
            left = timeout - (time.perf_counter() - started)
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                raise Failed(f"{' '.join(argv)}: no {marker!r} within {timeout:.0f}s; "
                             f"screen: {seen[-500:]!r}")
            ready, _, _ = select.select([fd], [], [], min(left, 1.0))
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child has closed the terminal
                break
            if not chunk:
                break
            seen += chunk
            if shown_at is None and marker in seen:
                shown_at = time.perf_counter() - started
                os.write(fd, answer)
    finally:
        _, status, usage = os.wait4(pid, 0)
        os.close(fd)
    if shown_at is None:
        raise Failed(f"{' '.join(argv)}: ended before showing {marker!r}; screen: "
                     f"{seen[-800:]!r}")
    return shown_at, usage.ru_maxrss // 1024


def repeat(label: str, runs: int, measure, *, log) -> dict:
    """Median (and spread) of `runs` calls of `measure()` → (seconds, peak MB, ...)."""
    seconds, peaks = [], []
    for index in range(runs):
        result = measure(index)
        seconds.append(result[0])
        peaks.append(result[1])
    figure = {"median": statistics.median(seconds), "min": min(seconds), "max": max(seconds),
              "runs": runs, "peak_mb": max(peaks)}
    log(f"  {label}: median {_ms(figure['median'])} over {runs} runs "
        f"({_ms(figure['min'])}–{_ms(figure['max'])}), peak {figure['peak_mb']} MB")
    return figure


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.1f} ms" if seconds < 0.01 else f"{seconds * 1000:.0f} ms"


# --- the revise side --------------------------------------------------------------------


def revise_figures(work: Path, args, log) -> tuple[dict, Path]:
    figures: dict[str, dict] = {}
    notes = work / "notes.md"
    size = generate.write_notes(notes, args.cards, seed=args.seed)
    log(f"notes: {args.cards:,} bullets, {size / 1e6:.1f} MB → {notes}")
    database = work / "revise.db"

    def fresh_extract(index: int):
        target = work / f"extract-{index}.db"
        for leftover in work.glob(f"extract-{index}.db*"):
            leftover.unlink()
        result = run_once([*REVISE, "extract", str(notes), "--db", str(target)])
        return result

    log("revise:")
    figures["extract"] = repeat("extract into a fresh database", args.slow_runs,
                                fresh_extract, log=log)
    last = work / f"extract-{args.slow_runs - 1}.db"
    for index in range(args.slow_runs - 1):
        for leftover in work.glob(f"extract-{index}.db*"):
            leftover.unlink()
    _move_db(last, database)
    with sqlite3.connect(database) as conn:
        cards = conn.execute("SELECT count(*) FROM cards WHERE retired = 0").fetchone()[0]
    figures["extract"]["cards"] = cards

    def again(_index: int):
        seconds, peak, text = run_once([*REVISE, "extract", str(notes), "--db", str(database)])
        if " 0 new, 0 updated, 0 retired" not in text:
            raise Failed(f"extract of unchanged notes changed something: {text}")
        return seconds, peak

    figures["extract_unchanged"] = repeat("extract again, unchanged", args.runs, again, log=log)

    began = time.perf_counter()
    studied, reviews = generate.write_history(database, args.reviews, seed=args.seed + 1)
    log(f"  history: {reviews:,} reviews of {studied:,} cards over two years, written in "
        f"{time.perf_counter() - began:.1f} s")
    figures["history"] = {"cards": cards, "studied": studied, "reviews": reviews}

    def command(*argv: str):
        return lambda _index: run_once([*REVISE, *argv, "--db", str(database)])[:2]

    figures["due"] = repeat("due --json", args.runs, command("due", "--json"), log=log)
    figures["stats"] = repeat("stats --json", args.runs, command("stats", "--json"), log=log)
    figures["cards_search"] = repeat(f"cards --search {SEARCH_WORD}", args.runs,
                                     command("cards", "--search", SEARCH_WORD), log=log)
    figures["help"] = repeat("--help", args.runs,
                             lambda _index: run_once([*REVISE, "--help"])[:2], log=log)

    review = [*REVISE, "review", "--db", str(database)]
    figures["review_first_card"] = repeat(
        "review: start to first card", args.runs,
        lambda _index: until_prompt(review, b"question", b"q"), log=log)

    def export(index: int):
        target = work / f"export-{index}.apkg"
        target.unlink(missing_ok=True)
        seconds, peak, _ = run_once([*REVISE, "export", "--format", "apkg", "-o", str(target),
                                     "--db", str(database)])
        target.unlink()
        return seconds, peak

    figures["export"] = repeat("export --format apkg", args.slow_runs, export, log=log)

    rating_db = work / "rating.db"
    _copy_db(database, rating_db)
    seconds, peak, text = run_once([PYTHON, str(BENCH / "rating.py"), str(rating_db),
                                    str(args.ratings)])
    rating = json.loads(text)
    if rating["stored"] != rating["ratings"]:
        raise Failed(f"{rating['ratings']} ratings but {rating['stored']} stored")
    figures["rate_next"] = {"median": rating["median"], "p99": rating["p99"],
                            "ratings": rating["ratings"], "peak_mb": peak,
                            "process_seconds": seconds}
    log(f"  rate a card and draw the next: median {_ms(rating['median'])}, "
        f"p99 {_ms(rating['p99'])} over {rating['ratings']} ratings (each committed), "
        f"peak {peak} MB")
    for leftover in work.glob("rating.db*"):
        leftover.unlink()
    return figures, database


def _move_db(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("", "-wal", "-shm"):
        moved = Path(f"{source}{suffix}")
        if moved.exists():
            moved.replace(f"{target}{suffix}")


def _copy_db(source: Path, target: Path) -> None:
    for leftover in target.parent.glob(f"{target.name}*"):
        leftover.unlink()
    with sqlite3.connect(source) as conn, sqlite3.connect(target) as copy:
        conn.backup(copy)


# --- the Anki side ----------------------------------------------------------------------


def anki_figures(work: Path, database: Path, args, log) -> dict:
    figures: dict[str, dict] = {}
    ops = [PYTHON, str(BENCH / "anki_ops.py")]
    tsv = work / "cards.tsv"
    with sqlite3.connect(database) as conn, tsv.open("w", encoding="utf-8") as out:
        for question, answer in conn.execute(
                "SELECT question, answer FROM cards WHERE retired = 0"):
            out.write(f"{_field(question)}\t{_field(answer)}\n")

    def anki(label: str, runs: int, argv_for, key: str = "seconds") -> dict:
        seconds, processes, peaks = [], [], []
        for index in range(runs):
            elapsed, peak, text = run_once([*ops, *argv_for(index)])
            seconds.append(json.loads(text)[key])
            processes.append(elapsed)
            peaks.append(peak)
        figure = {"median": statistics.median(seconds), "min": min(seconds),
                  "max": max(seconds), "runs": runs, "peak_mb": max(peaks),
                  "process_median": statistics.median(processes)}
        log(f"  {label}: median {_ms(figure['median'])} ({_ms(figure['process_median'])} as a "
            f"whole process) over {runs} runs, peak {figure['peak_mb']} MB")
        return figure

    log("Anki:")

    def add(index: int) -> list[str]:
        folder = work / f"anki-add-{index}"
        shutil.rmtree(folder, ignore_errors=True)
        return ["add", str(tsv), str(folder)]

    figures["add"] = anki("add notes", args.slow_runs, add)
    for index in range(args.slow_runs):
        shutil.rmtree(work / f"anki-add-{index}", ignore_errors=True)

    # the same cards and history: revise's package with scheduling, imported (set-up)
    package = work / "history.apkg"
    run_once([*REVISE, "export", "--format", "apkg", "--with-scheduling", "-o", str(package),
              "--db", str(database)])
    folder = work / "anki"
    shutil.rmtree(folder, ignore_errors=True)
    _, _, text = run_once([*ops, "load", str(package), str(folder)])
    loaded = json.loads(text)
    log(f"  set-up: imported revise's package with scheduling ({loaded['cards']:,} cards, "
        f"{loaded['reviews']:,} reviews) in {loaded['seconds']:.1f} s")
    package.unlink()

    figures["due"] = anki("count what is due (deck list)", args.runs,
                          lambda _index: ["due", str(folder)])

    def export(index: int) -> list[str]:
        target = work / f"anki-export-{index}.apkg"
        target.unlink(missing_ok=True)
        return ["export", str(folder), str(target)]

    figures["export"] = anki("export apkg", args.slow_runs, export)
    for index in range(args.slow_runs):
        (work / f"anki-export-{index}.apkg").unlink(missing_ok=True)

    answering = work / "anki-answer"
    shutil.rmtree(answering, ignore_errors=True)
    shutil.copytree(folder, answering)
    elapsed, peak, text = run_once([*ops, "answer", str(answering), str(args.ratings)])
    result = json.loads(text)
    figures["answer"] = {"median": result["median"], "p99": result["p99"],
                         "ratings": result["answers"], "peak_mb": peak,
                         "process_seconds": elapsed}
    log(f"  answer a card and draw the next: median {_ms(result['median'])}, "
        f"p99 {_ms(result['p99'])} over {result['answers']} answers, peak {peak} MB")
    shutil.rmtree(answering, ignore_errors=True)
    return figures


def _field(text: str) -> str:
    return text.replace("\t", " ").replace("\r", "").replace("\n", "<br>")


# --- the table --------------------------------------------------------------------------

# (figure, what it is, revise key, Anki key, target)
ROWS = [
    ("extract", "add the cards: `revise extract` into a fresh database", "extract", "add",
     "ratio ≤ 1.0"),
    ("extract_unchanged", "`revise extract` again, notes unchanged", "extract_unchanged", None,
     "much faster"),
    ("due", "`revise due --json`", "due", "due", "< 300 ms"),
    ("stats", "`revise stats --json`", "stats", None, "< 300 ms"),
    ("cards_search", f"`revise cards --search {SEARCH_WORD}`", "cards_search", None, ""),
    ("review_first_card", "`revise review`: start to first card", "review_first_card", None,
     ""),
    ("rate_next", "rate a card, commit, draw the next (median)", "rate_next", "answer",
     "ratio ≤ 1.0, < 2 ms"),
    ("rate_next_p99", "  ... 99th percentile", "rate_next", "answer", ""),
    ("export", "`revise export --format apkg`", "export", "export", "ratio ≤ 1.0"),
    ("help", "`revise --help`", "help", None, "< 200 ms"),
]


def table(result: dict) -> str:
    revise, anki = result["revise"], result.get("anki") or {}
    lines = [
        f"revise {result['revise_version']} vs anki {result.get('anki_version') or '—'} — "
        f"{result['cards']:,} cards from {result['bullets']:,} bullets, "
        f"{result['reviews']:,} reviews; {result['date']}, {result['machine']}",
        "",
        f"| {'work':<52} | {'revise':>9} | {'peak':>7} | {'Anki':>9} | {'peak':>7} |"
        f" {'ratio':>6} | {'target':<20} |",
        f"|{'-' * 54}|{'-' * 11}:|{'-' * 8}:|{'-' * 10}:|{'-' * 8}:|{'-' * 7}:|{'-' * 22}|",
    ]
    for key, label, ours, theirs, target in ROWS:
        mine = revise.get(ours)
        other = anki.get(theirs) if theirs else None
        stat = "p99" if key.endswith("_p99") else "median"
        ours_value = mine.get(stat) if mine else None
        theirs_value = other.get(stat) if other else None
        ratio = (f"{ours_value / theirs_value:.2f}" if ours_value and theirs_value else "")
        peak_ours = f"{mine['peak_mb']} MB" if mine and stat == "median" else ""
        peak_theirs = f"{other['peak_mb']} MB" if other and stat == "median" else ""
        lines.append(
            f"| {label:<52} | {_ms(ours_value):>9} | {peak_ours:>7} | "
            f"{_ms(theirs_value) if other else '':>9} | {peak_theirs:>7} | {ratio:>6} |"
            f" {target:<20} |")
    lines.append("")
    lines.append("Medians of whole processes for revise (a rating is in-process, as a session "
                 "runs); Anki's times are the operation alone, in an open collection.")
    return "\n".join(lines)


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
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
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
        revise, database = revise_figures(work, args, log)
        anki = None if args.no_anki else anki_figures(work, database, args, log)
    except Failed as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "machine": _machine(),
        "revise_version": revise_version,
        "anki_version": anki_version,
        "bullets": args.cards,
        "cards": revise["extract"]["cards"],
        "reviews": revise["history"]["reviews"],
        "revise": revise,
        "anki": anki,
        "ratios": {key: revise[ours]["median"] / anki[theirs]["median"]
                   for key, ours, theirs in (("extract", "extract", "add"),
                                             ("rate_next", "rate_next", "answer"),
                                             ("export", "export", "export"))
                   if anki and anki[theirs]["median"]},
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print()
        print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
