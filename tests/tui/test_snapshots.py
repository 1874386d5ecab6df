"""Every screen at 80x24 and 120x40 against a stored text snapshot (tests/snapshots/).

One app per role and size walks that role's screens from home, in sequence: each shot is the
keys pressed from the home screen, then the screen's text (snapshot_helpers.screen_text) is
compared with ``tests/snapshots/<shot>-<W>x<H>.txt``, and its key line is checked (every key
whole, the palette key there: tui_helpers.footer_problems). A changed screen fails with a diff; after
a meant change run ``make snapshots`` (``UPDATE_SNAPSHOTS=1``) and review the diff of the files.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import time_machine
from snapshot_helpers import Snapshots, screen_text
from textual.widgets import Input
from tui_helpers import footer_problems, settle, start

from demo_cache import fast_demo
from ethics_tui.service import demo, staff_accounts
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.context import Context
from ethics_tui.store import crypto

SIZES = ((80, 24), (120, 40))
#: the day the demo office is built and the screens are shown: the screens hold day counts
#: ("อีก ๒๑ วัน"), rounds and fiscal years that would otherwise change from day to day
FROZEN = datetime(2026, 11, 30, 10, 0, tzinfo=timezone(timedelta(hours=7)))

# shot name -> keys pressed from that role's home screen ("" = home itself)
WALKS: dict[str, dict[str, str]] = {
    "admin": {
        "home": "",
        "help": "f1",
        "restore-prompt": "r",
        "staff": "s",
        "staff-new": "s n",
        "staff-edit": "s e",
        "staff-import": "s i",
        "staff-export": "s x",
        "settings": "t",
        "settings-office": "t e",
        "settings-division-new": "t n",
        "users": "u",
        "users-new": "u n",
        "users-roles": "u e",
        "users-password": "u p",
        "report": "m",
        "report-edit": "m e",
        "report-score": "m i",
        "ita-items": "i",
        "ita-write": "i w",
        "staff-accounts": "y",
        "committee": "c",
        "committee-new": "c n",
        "committee-template": "c t",
        "notices": "o",
        "notices-new-announcement": "o n",
        "notices-new-circular": "o c",
        "notices-ticks": "o k",
        "notices-coverage": "o g",
        "training": "f",
        "training-new": "f n",
        "training-year": "f y",
        "training-questions": "f q",
        "appraisal": "a",
        "appraisal-new": "a n",
        "appraisal-results": "a enter",
        "appraisal-grievances": "a g",
        "appraisal-history": "a enter h",
    },
    "hr": {"home": ""},
    "committee": {
        "home": "",
        "committee": "c",
        "consultations": "c k",
        "consultations-new": "c k n",
    },
    "complaints": {
        "home": "",
        "complaints": "p",
        "complaints-open": "p enter",
        "complaints-new": "p n",
        "complaints-step": "p m",
        "complaints-settings": "p s",
        "complaints-destruction": "p d",
        "complaints-stats": "p t",
        "complaints-exports": "p x",
    },
    "executive": {"home": "", "training": "f", "appraisal-results": "a enter", "appraisal-history": "a enter h"},
    "viewer": {"home": "", "report": "m"},
    "staff": {"my-documents": ""},
}


#: the walks cut into parts of at most this many shots, so that two test processes share them
PART = 14
PARTS = [(role, list(shots.items())[i : i + PART]) for role, shots in WALKS.items() for i in range(0, len(shots), PART)]


async def _show(pilot, snaps: Snapshots, name: str, secrets: tuple[str, ...]) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()  # toasts come and go with time
    await pilot.pause()
    snaps.check(name, screen_text(pilot.app, secrets))
    size = (pilot.app.size.width, pilot.app.size.height)
    snaps.problems += [f"{name}-{snaps.suffix}: {p}" for p in footer_problems(pilot.app, size)]  # test_footer_fit


@pytest.fixture
def office():
    """The demo office in a folder whose path has the same length on every run (paths are
    masked, but a dialog wraps its text around the real one)."""
    root = Path(tempfile.mkdtemp(prefix="ethics-snap-"))
    yield Context.open(root / "data", actor="tester")
    shutil.rmtree(root, ignore_errors=True)


async def _staff_sign_in(pilot, ctx) -> None:
    """A self-service account (staff role): first sign-in with its slip, a new password."""
    hr = demo.demo_sign_in(ctx, "hr")
    sid = staff_svc.search(hr, "")[0].staff.id
    slip = staff_accounts.create_accounts(hr, [sid])[0]
    await start(pilot, slip.username, slip.code)
    screen = pilot.app.screen
    screen.query_one("#f-new", Input).value = "my-own-pass"
    screen.query_one("#f-confirm", Input).value = "my-own-pass"
    screen.query_one("#f-confirm", Input).focus()
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("role", "shots"), PARTS, ids=[f"{r}-{s[0][0]}" for r, s in PARTS])
async def test_screens_match_their_snapshots(make_app, office, monkeypatch, role, shots, size):
    with time_machine.travel(FROZEN, tick=True):
        await _walk(make_app, office, monkeypatch, role, shots, size)


async def _walk(make_app, office, monkeypatch, role, shots, size):
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)  # the staff account's first sign-in
    ctx = office
    fast_demo(ctx, at=FROZEN)
    secrets = tuple(d.get("code") or "" for d in ctx.store.load().get("complaints", {}).values())
    secrets += (ctx.store.dir.parent.name.removeprefix("ethics-snap-"),)  # mkdtemp's random part
    snaps = Snapshots(size)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if role == "admin" and shots[0][0] == "home":
            await _show(pilot, snaps, "sign-in", secrets)
        if role == "staff":
            await _staff_sign_in(pilot, ctx)
        else:
            await start(pilot, role)
        base = app.screen
        for shot, keys in shots:
            for key in keys.split():
                await pilot.press(key)
                await settle(pilot)  # the screen's rows are loaded before the next key
            await _show(pilot, snaps, f"{role}-{shot}", secrets)
            while app.screen is not base and len(app.screen_stack) > 1:
                app.pop_screen()
            await pilot.pause()
            assert app.screen is base, (shot, type(app.screen).__name__)
    snaps.verdict()
