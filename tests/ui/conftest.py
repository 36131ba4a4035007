"""A real server and a real browser for the UI tests.

The store is built with the real pipeline (no spaCy: the notes and the metadata are enough) from
a plan whose title and responsible units carry HTML and script; the real app (``create_app``)
serves it with uvicorn on a free loopback port in a thread. Debian's Chromium (``/usr/bin/chromium``,
installed by ``make setup``) is driven by Playwright; Playwright never downloads a browser here.
One server and one browser serve a test module, each test gets its own page. The browser is not
kept for the session: Playwright's sync API holds an event loop on the main thread while it is
open, so any later test that runs ``asyncio.run`` (a doctest, a notebook) would fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "var" / "screenshots"
STARTUP_SECONDS = 30.0

# What an attacker would put in a plan: every payload sets window.__xss if it ever runs.
TITLE_PAYLOAD = '<img src=x onerror="window.__xss=1">'
# Units are stored without white space (统一 names), so theirs need none.
UNIT_PAYLOAD = '<img/src="x"/onerror="window.__xss=2">'
SVG_PAYLOAD = '<svg/onload="window.__xss=3">'
MARK = "XSS探针"  # every hostile label holds it, so one search finds them all
PLAN = f"""福建省{MARK}{TITLE_PAYLOAD}工作要点

一、推进数字政府建设
1. 完善政务服务。（责任单位：省数字办，{MARK}{UNIT_PAYLOAD}办公室）
2. 推动数据共享。（责任单位：{MARK}{SVG_PAYLOAD}局）
"""


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built by the real pipeline from one plan whose title and units are HTML payloads."""
    from extract.reading import find_documents
    from graph.build import build_documents
    from graph.store import KnowledgeStore

    folder = tmp_path_factory.mktemp("ui-corpus")
    (folder / "福建省探针工作要点.txt").write_text(PLAN, encoding="utf-8")
    path = tmp_path_factory.mktemp("ui-store") / "store"
    with KnowledgeStore(path) as store:
        report = build_documents(find_documents([folder]), store)
    assert not report.failed and report.written, report
    return path


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture(scope="module")
def ui_server(hostile_store: Path) -> Iterator[str]:
    """The real app on the hostile store, served by uvicorn on a free loopback port; its base URL."""
    import uvicorn

    from api.main import create_app
    from graph.settings import Settings

    app = create_app(Settings(store_path=hostile_store))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    sock = free_socket()
    port = sock.getsockname()[1]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="ui-server")
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the UI test server did not start within {STARTUP_SECONDS:g} s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def ensure_chromium() -> Path | None:
    """Debian's Chromium, installed with apt-get when missing and we may; None when it cannot be had."""
    if not CHROMIUM.exists() and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        command = "apt-get update -qq && apt-get install -y -qq chromium"
        subprocess.run(["sh", "-c", command], env=env, capture_output=True, check=False, timeout=900)
    return CHROMIUM if CHROMIUM.exists() else None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Debian Chromium for the module."""
    from playwright.sync_api import sync_playwright

    executable = ensure_chromium()
    if executable is None:
        pytest.skip(f"{CHROMIUM} is missing and could not be installed (run `make setup` as root)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser, ui_server: str) -> Iterator[object]:
    """A fresh page that records every console error (a blocked script, a failed load; not the
    favicon the service does not have) and uncaught exception in ``page.problems``."""
    context = browser.new_context(base_url=ui_server, viewport={"width": 1100, "height": 700})
    opened = context.new_page()
    problems: list[str] = []

    def on_console(message) -> None:
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            problems.append(f"{message.text} at {message.location.get('url')}")

    opened.on("console", on_console)
    opened.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    opened.problems = problems
    try:
        yield opened
    finally:
        context.close()


def screenshot(page, name: str) -> Path:
    """Save the page as ``var/screenshots/{name}.png`` (gitignored) for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
