"""Start one measured process and report its time and peak memory, from a small process.

    python bench/launch.py '{"argv": [...], "stdout": PATH}'
    python bench/launch.py '{"argv": [...], "until": TEXT, "then": KEYS}'

Linux counts a child's peak memory from the process it was started by: a child of the
benchmark itself (which holds generated data) would report the benchmark's memory as
its own. Started from here instead, whose memory is a bare Python's, the peak is the
child's. The second form runs the child in a pseudo-terminal, times how long until TEXT
is on its screen, types KEYS and waits for it to end.

Prints one JSON object: seconds, peak_mb, exit code and (on failure) the end of stderr.
"""

from __future__ import annotations

import json
import os
import select
import sys
import time


def run(argv: list[str], stdout: str) -> dict:
    err_read, err_write = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            os.dup2(os.open(stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 1)
            os.dup2(err_write, 2)
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    os.close(err_write)
    errors = b""
    while chunk := os.read(err_read, 65536):
        errors = (errors + chunk)[-4000:]
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    os.close(err_read)
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024,
            "code": os.waitstatus_to_exitcode(status),
            "stderr": errors.decode(errors="replace")}


def until_text(argv: list[str], until: str, then: str, timeout: float = 300.0) -> dict:
    import pty

    marker = until.encode()
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", COLUMNS="100", LINES="40")
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    seen, shown = b"", None
    while True:
        left = timeout - (time.perf_counter() - started)
        if left <= 0:
            os.kill(pid, 9)
            break
        ready, _, _ = select.select([fd], [], [], min(left, 1.0))
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child has closed its terminal
            break
        if not chunk:
            break
        seen = (seen + chunk)[-20000:]
        if shown is None and marker in seen:
            shown = time.perf_counter() - started
            os.write(fd, then.encode())
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    code = os.waitstatus_to_exitcode(status)
    return {"seconds": shown, "peak_mb": usage.ru_maxrss / 1024,
            "code": code if shown is not None else code or 1,
            "stderr": "" if shown is not None else
            f"no {until!r} on screen; it showed: {seen[-800:].decode(errors='replace')}"}


if __name__ == "__main__":
    request = json.loads(sys.argv[1])
    if "until" in request:
        result = until_text(request["argv"], request["until"], request["then"])
    else:
        result = run(request["argv"], request["stdout"])
    print(json.dumps(result))
