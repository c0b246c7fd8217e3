"""Checks on the files a user names, shared by every command that reads one."""

from __future__ import annotations

from pathlib import Path

from revise.errors import ReviseError


def check_input_file(path: Path, what: str, error: type[ReviseError],
                     limit: int | None = None) -> int:
    """The size of `path`, or `error` saying why it cannot be read as `what`
    (missing, a folder, unreadable, or larger than `limit` bytes)."""
    if not path.exists():
        raise error(f"{path}: no such {what}")
    if path.is_dir():
        raise error(f"{path} is a folder; give a {what}")
    try:
        size = path.stat().st_size
    except OSError as problem:
        raise error(f"cannot read {path}: {problem.strerror}") from None
    if limit is not None and size > limit:
        raise error(f"{path} is too large for a {what} ({size / 1e6:.1f} MB; the limit is "
                    f"{limit // (1024 * 1024)} MB)")
    return size
