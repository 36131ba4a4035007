"""A real server and a real browser for the UI tests.

The store is the bundled samples built once per session with the real pipeline (``built_store``,
tests/conftest.py: spaCy with pkuseg, the ontology), copied, and one more plan built into the copy
with the same pipeline: a plan whose title, responsible units, platform and programme carry HTML
and script (:data:`PLAN`). The real app (``create_app``) serves it with uvicorn on a free loopback
port in a thread, until this folder's last test. Debian's Chromium, in its headless build
(``/usr/bin/chromium-headless-shell``, installed by ``make test``; else ``/usr/bin/chromium``,
installed by ``make setup``), is driven by Playwright with ``executable_path``; Playwright never
downloads a browser here. One browser serves a test module and each test gets its own page. The browser is
not kept for the session: Playwright's sync API holds an event loop on the main thread while it
is open, so any later test that runs ``asyncio.run`` (a doctest, a notebook) would fail.

Every page records its console errors, uncaught exceptions and every request to a host other
than the test server (``page.problems``); :func:`assert_clean` fails a test on any of them.
Screenshots go to ``test-artifacts/screenshots/NAME.png`` for a person to look at.
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
from urllib.parse import quote, urlsplit

import pytest

from tests.conftest import ROOT, copy_store

# Debian's Chromium in its headless build, the package chromium-headless-shell (the same Chromium,
# without the browser's user interface; what Playwright itself runs for headless Chromium): a new
# page costs a third of the CPU it costs in the whole browser, ``chromium`` (installed by ``make
# setup``), which is used when the shell is not there.
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
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
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
STARTUP_SECONDS = 30.0
VIEWPORT = {"width": 1280, "height": 1000}

# What an attacker would put in a plan: every payload sets window.__xss if it ever runs.
TITLE_PAYLOAD = '<img src=x onerror="window.__xss=1">'
# Units are stored without white space (统一 names), so theirs need none.
UNIT_PAYLOAD = '<img/src="x"/onerror="window.__xss=2">'
SVG_PAYLOAD = '<svg/onload="window.__xss=3">'
SCRIPT_PAYLOAD = "<script>window.__xss=4</script>"
MARK = "XSS探针"  # every hostile label holds it, so one search finds them all
HOSTILE_FILE = "福建省探针工作要点.txt"
HOSTILE_DOCUMENT = f"document/{quote(HOSTILE_FILE, safe='-_.~')}"  # an id: its IRI below the base
PLAN = (
    f"福建省{MARK}{TITLE_PAYLOAD}工作要点\n\n"
    "一、推进数字政府建设\n"
    f"1. 完善政务服务。建设“{MARK}{SVG_PAYLOAD}”平台，推进“{MARK}{SCRIPT_PAYLOAD}工程”，"
    f"实现95%以上事项网上可办。（责任单位：省数字办，{MARK}{UNIT_PAYLOAD}办公室）\n"
    f"2. 推动数据共享。（责任单位：{MARK}{SVG_PAYLOAD}局）\n"
)


@pytest.fixture(scope="session")
def ui_store(built_store: Path, nlp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples and the hostile plan, all built by the real pipeline."""
    from extract.reading import find_documents
    from graph.build import build_documents
    from graph.store import KnowledgeStore

    path = copy_store(built_store, tmp_path_factory.mktemp("ui-store"))
    folder = tmp_path_factory.mktemp("ui-corpus")
    (folder / HOSTILE_FILE).write_text(PLAN, encoding="utf-8")
    with KnowledgeStore(path) as store:
        report = build_documents(find_documents([folder]), store, nlp=nlp)
    assert not report.failed and report.written, report
    return path


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture(scope="package")
def ui_server(ui_store: Path) -> Iterator[str]:
    """The real app on :func:`ui_store`, served by uvicorn on a free loopback port; its base URL."""
    import uvicorn

    from api.main import create_app
    from graph.settings import Settings

    # The limits of a shared machine, not of a test: two test workers and Chromium share two cores
    # in CI, where laying out the whole graph for its first download can pass the default 10 s.
    app = create_app(Settings(store_path=ui_store, query_timeout=120.0, max_queue_seconds=60.0))
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
    """Debian's Chromium, its headless shell if it is there (installed with apt-get when neither is
    there and we may), else the whole browser; None when neither can be had."""
    if not HEADLESS_SHELL.exists() and not CHROMIUM.exists() and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        command = "apt-get update -qq && apt-get install -y -qq chromium-headless-shell"
        subprocess.run(["sh", "-c", command], env=env, capture_output=True, check=False, timeout=900)
    return next((found for found in (HEADLESS_SHELL, CHROMIUM) if found.exists()), None)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Debian Chromium for the module."""
    from playwright.sync_api import sync_playwright

    executable = ensure_chromium()
    if executable is None:
        pytest.skip(f"no {HEADLESS_SHELL} nor {CHROMIUM}, nor could one be installed (run `make test` as root)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def _same_host(url: str, base: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    found, ours = urlsplit(url), urlsplit(base)
    return (found.scheme, found.netloc) == (ours.scheme, ours.netloc)


@pytest.fixture
def page(browser, ui_server: str) -> Iterator[object]:
    """A fresh page (Chinese, the default) that records in ``page.problems`` every console error,
    uncaught exception and request to another host than the test server."""
    context = browser.new_context(base_url=ui_server, viewport=VIEWPORT, accept_downloads=True)
    opened = context.new_page()
    problems: list[str] = []

    def on_console(message) -> None:
        if message.type == "error":
            problems.append(f"console: {message.text} at {message.location.get('url')}")

    def on_request(request) -> None:
        if not _same_host(request.url, ui_server):
            problems.append(f"request to another host: {request.url}")

    opened.on("console", on_console)
    opened.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    opened.on("request", on_request)
    opened.problems = problems
    try:
        yield opened
    finally:
        context.close()


def assert_clean(page, *allowed: str) -> None:
    """No console error, uncaught exception or request to another host, but those holding one of *allowed*."""
    left = [p for p in page.problems if not any(a in p for a in allowed)]
    assert left == [], left


def screenshot(page, name: str) -> Path:
    """Save the page as ``test-artifacts/screenshots/{name}.png`` for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def ready(page) -> None:
    """Wait until the page's script has started (strings loaded, header built, first data asked)."""
    from playwright.sync_api import expect

    expect(page.locator("body[data-ready=true]")).to_have_count(1)


def graph_ready(page) -> None:
    """Wait until the page's graph is drawn and laid out."""
    from playwright.sync_api import expect

    expect(page.locator("body[data-graph=ready]")).to_have_count(1, timeout=20_000)
