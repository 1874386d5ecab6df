"""Driving ``ethics-tui serve`` with real headless Chromium (Debian's package) via Playwright.

Nothing is downloaded: Playwright launches /usr/bin/chromium. What a session shows is read from
the WebSocket stream itself (a small script wraps the page's WebSocket and keeps the decoded
terminal output), so the checks do not depend on how xterm.js paints (WebGL, canvas or DOM).

Each key waits for the app's answer (the next output) before the next key is sent: Textual
hands a key to the widget that has focus *when the key is processed*, so keys sent in one burst
after a focus change (Tab, Enter) would land in the previous field.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60.0
QUIET = 0.15  # seconds without output that mean the app has finished answering a key  # generous: CI machines are shared; every wait ends as soon as its condition holds

HOOK = """
(() => {
  const Original = window.WebSocket;
  window.__out = "";
  class Recording extends Original {
    constructor(...args) {
      super(...args);
      const decoder = new TextDecoder();
      this.addEventListener("message", (ev) => {
        if (ev.data instanceof ArrayBuffer) window.__out += decoder.decode(ev.data, {stream: true});
      });
    }
  }
  window.WebSocket = Recording;
})();
"""
ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])")


def missing() -> str:
    """Why the browser tests cannot run here ('' when they can)."""
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        return "Debian's chromium is not installed (apt-get install chromium)"
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "playwright (Python) is not installed (pip install -e '.[test]')"
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        return "textual-serve is not installed"
    return ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``ethics-tui serve`` in a child process on a free loopback port."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.log = open(data_dir.parent / "serve.log", "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ethics_tui", "--data", str(data_dir), "serve", "--port", str(self.port)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=str(data_dir.parent),
        )
        end = time.monotonic() + TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(self.url, timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > end:
                self.stop()
                raise RuntimeError("serve did not start: " + self.output())
            time.sleep(0.1)

    def output(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return (self.data_dir.parent / "serve.log").read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


class Session:
    """One browser tab on the server: press keys, wait for text to appear."""

    def __init__(self, page) -> None:
        self.page = page

    @classmethod
    async def open(cls, browser, url: str) -> Session:
        page = await browser.new_page(viewport={"width": 1280, "height": 800})
        await page.add_init_script(HOOK)
        await page.goto(url)
        session = cls(page)
        await session.wait_for("ชื่อผู้ใช้")
        await page.click("#terminal")
        return session

    async def raw(self) -> str:
        return await self.page.evaluate("window.__out")

    async def text(self) -> str:
        return ANSI.sub("", await self.raw())

    async def _length(self) -> int:
        return await self.page.evaluate("window.__out.length")

    async def key(self, key: str) -> None:
        """Press one key and wait until the app has answered it: some new output, then no more
        for a moment (one answer can come in several frames; the cursor does not blink in a
        browser session, so a quiet stream means the app is idle)."""
        before = await self._length()
        await self.page.keyboard.press(key)
        end = time.monotonic() + TIMEOUT
        while await self._length() == before:
            if time.monotonic() > end:
                raise AssertionError(f"no answer to {key!r}; screen ends with: {(await self.text())[-1500:]}")
            await asyncio.sleep(0.02)
        await self.quiet()

    async def quiet(self, seconds: float = QUIET) -> None:
        last, since = await self._length(), time.monotonic()
        end = since + TIMEOUT
        while time.monotonic() - since < seconds and time.monotonic() < end:
            await asyncio.sleep(0.03)
            now = await self._length()
            if now != last:
                last, since = now, time.monotonic()

    async def type(self, text: str, secret: bool = False) -> None:
        """Type into the focused field in one burst (all keys go to the same widget), then wait
        for the field to show it (bullets for a password field)."""
        at = await self.mark()
        await self.page.keyboard.type(text)
        await self.wait_for("•" * len(text) if secret else text.strip(), since=at)
        await self.quiet()

    async def wait_for(self, *texts: str, since: int = 0) -> str:
        """Wait until one of ``texts`` appears in the output after position ``since``; returns it."""
        end = time.monotonic() + TIMEOUT
        while True:
            seen = ANSI.sub("", (await self.raw())[since:])
            for t in texts:
                if t in seen:
                    return t
            if time.monotonic() > end:
                raise AssertionError(f"none of {texts!r} appeared; screen ends with: {seen[-2000:]}")
            await asyncio.sleep(0.05)

    async def mark(self) -> int:
        return await self._length()

    async def sign_in(self, username: str, password: str, new_password: str = "") -> None:
        await self.type(username)
        await self.key("Tab")
        await self.type(password, secret=True)
        at = await self.mark()
        await self.key("Enter")
        if new_password:
            await self.wait_for("ต้องตั้งรหัสผ่านใหม่", since=at)
            await self.quiet()
            await self.type(new_password, secret=True)
            await self.key("Enter")
            await self.type(new_password, secret=True)
            await self.key("Enter")
