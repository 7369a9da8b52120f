"""Run one alliance party (hub, key holder) as its own process and wait until it answers.

Why: the multi-party demo and the tests both start parties as separate processes on loopback and
must know when each is ready; one function does it, so a change in how readiness is checked or a
process is stopped reaches both.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx


@contextmanager
def party_process(
    argv: Sequence[str], port: int, log_file: Path, name: str, timeout: float = 60.0, cwd: Path | None = None
) -> Iterator[subprocess.Popen]:
    """Start `argv` (which serves on `port`) with its output in `log_file`; yield the process once
    GET /v1/health answers 200; terminate it (kill after 10 s) on exit. Raises RuntimeError, with
    the end of the log, if it exits or does not answer within `timeout` seconds."""
    log = log_file.open("wb")
    proc = subprocess.Popen(list(argv), stdout=log, stderr=subprocess.STDOUT, cwd=cwd)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log_file.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"{name} did not start (log {log_file}): {tail}")
            time.sleep(0.1)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
