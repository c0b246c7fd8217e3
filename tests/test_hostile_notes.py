"""Hostile notes: every one gives cards or a one-line error, quickly, and never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# name → bytes of the notes file. Large ones are built here rather than stored in git.
HOSTILE: dict[str, bytes] = {
    "empty": b"",
    "whitespace-only": b" \n\t\r\n   \n",
    "binary": bytes(range(256)) * 64,
    "nul-bytes": b"- Lenin dies 1924\x00\x00- Kirov murdered 1934\n",
    # UTF-8 (é) with broken bytes: not a Windows code page file
    "invalid-utf8": b"- Lenin dies 1924\n- caf\xc3\xa9 \xff\xfe opened 1930\n",
    "windows-1252": b"- Lenin dies 1924\n- caf\xe9 \x93society\x94 \x81 opened 1930\n",
    "utf16-bom": "* Round 1\n- Lenin dies 1924\n- Trotsky resigns 1925\n".encode("utf-16"),
    "utf8-bom-crlf": "\ufeff# Round 1\r\n- Lenin dies 1924\r\n".encode(),
    "fifty-megabytes": b"- Party membership 801,000 (1925)\n" * (50 * 1024 * 1024 // 34 + 1),
    "one-5mb-line": b"- " + b"Lenin dies 1924 and " * (5 * 1024 * 1024 // 20),
    "ten-thousand-levels": "".join(
        "  " * depth + f"- level {depth} in 1924\n" for depth in range(10_000)).encode(),
    "markers-only": b"- - - * * =>\n=> => *\n- \n* \n=>\n",
    "right-to-left": "* التاريخ\n- توفي لينين 1924\n- ‏שנת 1925 נבחר‏\n".encode(),
    "emoji": (
        "* 🚀 Space race\n- 🛰️ Sputnik launched 4 October 1957 🎉\n- 👩‍🚀 12% cheered\n"
    ).encode(),
    "control-characters": b"- Lenin\x07 dies\x1b[31m 1924\x08\n- \x0c1925: Trotsky\x0b resigns\n",
    "very-long-words": b"- " + b"x" * 200_000 + b" 1924 " + b"y" * 200_000 + b"\n",
    "arrows-everywhere": b"- a => b => c => d => e\n" * 2000 + b"- =>=>=>=>=>=>\n",
    "unbalanced-brackets": b"- ((((((((((1924\n- ]]]]]]] 50%\n- \xe2\x80\x9c 1925 \xe2\x80\x9d\n",
}


def run_extract(tmp_path: Path, name: str, data: bytes) -> subprocess.CompletedProcess:
    notes = tmp_path / f"{name}.txt"
    notes.write_bytes(data)
    return subprocess.run(
        [sys.executable, "-m", "revise", "extract", str(notes), "--json",
         "--db", str(tmp_path / "revise.db")],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},
    )


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_notes_give_cards_or_one_line_error(tmp_path, name):
    result = run_extract(tmp_path, name, HOSTILE[name])
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    if result.returncode == 0:
        cards = json.loads(result.stdout)
        assert cards, "success must mean cards"
        for card in cards:
            assert card["question"].strip() and card["answer"].strip()
    else:
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr[-2000:]


@pytest.mark.parametrize(("name", "message"), [
    ("empty", "empty"), ("whitespace-only", "empty"), ("binary", "binary"),
    ("invalid-utf8", "UTF-8"), ("fifty-megabytes", "too large"),
])
def test_unreadable_notes_say_why(tmp_path, name, message):
    result = run_extract(tmp_path, name, HOSTILE[name])
    assert result.returncode == 1 and message in result.stderr


@pytest.mark.parametrize("name", ["utf16-bom", "utf8-bom-crlf", "emoji", "right-to-left",
                                  "windows-1252"])
def test_unusual_but_valid_notes_give_cards(tmp_path, name):
    result = run_extract(tmp_path, name, HOSTILE[name])
    assert result.returncode == 0, result.stderr
    answers = {card["answer"] for card in json.loads(result.stdout)}
    assert answers & {"1924", "4 October 1957", "1925"}
