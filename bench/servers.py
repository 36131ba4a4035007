"""Servers for the benchmarks: a free loopback port, and a server process started, awaited and always stopped."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

__all__ = ["ROOT", "free_port", "running_server"]

ROOT = Path(__file__).resolve().parent.parent
RESULTS_JSON = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(
    name: str, command: list[str], url: str, log: Path, env: dict[str, str] | None = None
) -> Iterator[float]:
    """Start *command*, wait (bounded) until *url* answers a query, yield the start-up seconds, always stop it."""
    started = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise SystemExit(f"{name} exited with {process.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
            try:
                answer = httpx.post(
                    url,
                    content=b"ASK {}",
                    headers={"Content-Type": "application/sparql-query", "Accept": RESULTS_JSON},
                    timeout=5,
                )
                if answer.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"{name} did not answer within 120 s:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)
        yield time.perf_counter() - started
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
