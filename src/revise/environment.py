"""What the environment decides, read in one place at the edge: the clock (REVISE_NOW),
the random spread of review intervals (REVISE_FUZZ), how many cores a command may use
(REVISE_WORKERS) and where the database lives by default.

REVISE_NOW (an ISO 8601 time) and REVISE_FUZZ=0 exist for tests and demonstrations,
not for daily use. The core never reads the environment: these values are passed in.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

MAX_CORES = 8


def clock_from_env(environ: dict | None = None) -> Callable[[], datetime]:
    """Real UTC time, or REVISE_NOW running on from the moment the process started."""
    environ = os.environ if environ is None else environ
    fixed = environ.get("REVISE_NOW")
    if not fixed:
        return lambda: datetime.now(UTC)
    start = datetime.fromisoformat(fixed)
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    start = start.astimezone(UTC)
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def fuzz_from_env(environ: dict | None = None) -> bool:
    environ = os.environ if environ is None else environ
    return environ.get("REVISE_FUZZ", "1") != "0"


def cores() -> int:
    """How many cores a command may keep busy: REVISE_WORKERS, else those available."""
    setting = os.environ.get("REVISE_WORKERS", "").strip()
    if setting.isdigit() and int(setting) > 0:
        return min(int(setting), MAX_CORES)
    available = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return min(len(available) if available else os.cpu_count() or 1, MAX_CORES)


def default_db_path() -> Path:
    """revise.db in the platform's user data folder."""
    from platformdirs import user_data_path

    return user_data_path("revise", appauthor=False) / "revise.db"
