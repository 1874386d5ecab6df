"""``ethics-tui serve``: the app in a browser, on Textual's own ``textual-serve``.

One office PC keeps the data folder on its local disk and runs this server. Each browser tab
that connects starts its own app process (``python -m ethics_tui --data DIR``, driven by
Textual's web driver), which opens at the sign-in screen like the terminal app: nothing of the
office's data is served before a user signs in. All sessions write through the same store
(atomic replace + the file lock on a local disk), so saves from different desks never clobber
each other.

What this module adds to textual-serve's ``Server``:
- binds to 127.0.0.1 unless told otherwise;
- page and WebSocket addresses are taken from the request's Host header, so the same server
  works as ``localhost`` on the PC itself and by name/IP from the other desks;
- a WebSocket from a page of another site (Origin header of another host) is refused;
- no request to Google's font servers (own copy of the page template, ``web/``);
- no static folder listing; server logs without local variables (keystrokes, which carry
  passwords, must never be printed); a bounded number of sessions.
Errors inside a session are handled by the app itself (a Thai message, details in
``data/logs``): no traceback reaches a page.
"""

from __future__ import annotations

import logging
import os
import shlex
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ethics_tui.cli.serve import DEFAULT_HOST, DEFAULT_PORT
from ethics_tui.errors import UserError

MAX_SESSIONS = 40
WEB_DIR = Path(__file__).resolve().parent.parent / "web"  # ethics_tui/web


def app_command(data_dir: Path, lang: str) -> str:
    """The shell command that runs one session's app (this interpreter, this data folder)."""
    argv = [sys.executable, "-m", "ethics_tui", "--data", str(Path(data_dir).resolve()), "--lang", lang]
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


def _quiet_unraisable(unraisable) -> None:
    """A session's subprocess transport collected after its event loop closed ("Exception
    ignored in ... Event loop is closed") is noise of asyncio's clean-up, not an error of the
    office's: one log line, no traceback on the server's console."""
    exc = unraisable.exc_value
    logging.getLogger("ethics_tui.tui.serve").warning(
        "ignored during clean-up: %s: %s", type(exc).__name__ if exc else "?", exc
    )


def make_server(
    data_dir: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    lang: str = "th",
    max_sessions: int = MAX_SESSIONS,
):
    try:
        import aiohttp_jinja2
        from aiohttp import web
        from textual_serve.server import Server
    except ImportError:
        raise UserError(
            'ยังไม่ได้ติดตั้ง textual-serve — ติดตั้งด้วย pip install "ethics-tui[serve]"',
            'textual-serve is not installed; install it with pip install "ethics-tui[serve]"',
        ) from None

    title = "ทะเบียนมาตรการส่งเสริมคุณธรรม" if lang == "th" else "Integrity measures registers"
    os.environ["ETHICS_TUI_SERVE"] = "1"  # sessions say where exports are instead of opening folders

    class EthicsServer(Server):
        sessions = 0

        def initialize_logging(self) -> None:
            logging.basicConfig(level="INFO", format="%(asctime)s %(levelname)s %(message)s", datefmt="%H:%M:%S")
            sys.unraisablehook = _quiet_unraisable

        async def on_startup(self, app) -> None:
            import socket

            shown = {
                "127.0.0.1": "localhost",
                "::1": "localhost",
                "0.0.0.0": socket.gethostname(),
                "::": socket.gethostname(),
            }
            url = f"http://{shown.get(host, host)}:{port}"
            print(f"ethics-tui: เปิดให้ใช้งานทางเว็บเบราว์เซอร์ที่ {url} (ข้อมูล {data_dir}) — กด ctrl+c เพื่อหยุด", flush=True)
            print(f"ethics-tui: serving on {url} (data {data_dir}); ctrl+c stops", flush=True)

        async def _make_app(self):
            app = web.Application()
            aiohttp_jinja2.setup(app, loader=__import__("jinja2").FileSystemLoader(str(WEB_DIR)))
            app.add_routes(
                [
                    web.get("/", self.handle_index, name="index"),
                    web.get("/ws", self.handle_websocket, name="websocket"),
                    web.get("/download/{key}", self.handle_download, name="download"),
                    web.static("/static", self.statics_path, show_index=False, name="static"),
                ]
            )
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        @aiohttp_jinja2.template("app_index.html")
        async def handle_index(self, request):
            ws = ("wss://" if request.scheme == "https" else "ws://") + request.host + "/ws"
            size = request.query.get("fontsize", "16")
            return {
                "font_size": int(size) if size.isdigit() and 8 <= int(size) <= 40 else 16,
                "app_websocket_url": ws,
                "config": {"static": {"url": "/static/"}},
                "application": {"name": title},
            }

        async def handle_websocket(self, request):
            origin = request.headers.get("Origin")
            if origin and urlsplit(origin).netloc != request.host:
                raise web.HTTPForbidden(text="cross-site connection refused")
            if EthicsServer.sessions >= max_sessions:
                raise web.HTTPServiceUnavailable(text="too many sessions")
            EthicsServer.sessions += 1
            try:
                return await super().handle_websocket(request)
            finally:
                EthicsServer.sessions -= 1

    return EthicsServer(app_command(data_dir, lang), host=host, port=port, title=title)


def serve(data_dir: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, lang: str = "th") -> int:
    from ethics_tui.service.context import Context

    data_dir = Path(data_dir)
    ctx = Context.open(data_dir, lang=lang)  # a damaged or missing folder is reported here, not in a page
    if ctx.store.is_empty():
        raise UserError(
            f"โฟลเดอร์ {data_dir} ยังไม่มีข้อมูล — เปิดโปรแกรมบนเครื่องนี้ครั้งแรกเพื่อตั้งค่าสำนักงานก่อน",
            f"{data_dir} holds no office yet; set it up in the terminal app on this PC first",
        )
    from ethics_tui.service.access import setup_mode

    if setup_mode(ctx):
        raise UserError(
            "ยังไม่มีบัญชีผู้ใช้ — สร้างบัญชีผู้ดูแลระบบบนเครื่องนี้ก่อนเปิดให้ใช้ทางเว็บ",
            "No user accounts yet: create the administrator on this PC before serving",
        )
    try:
        make_server(data_dir, host, port, lang).serve()
    except OSError as exc:
        raise UserError(
            f"เปิดพอร์ต {host}:{port} ไม่ได้ ({exc.strerror})", f"Cannot listen on {host}:{port} ({exc.strerror})"
        ) from None
    return 0
