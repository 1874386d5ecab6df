"""``ethics-tui serve`` driven by real headless Chromium sessions (issue 19).

Skipped, with the reason, only when Debian's chromium or the Python packages are missing.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest
from demo_cache import fast_demo
from web_helpers import ROOT, Server, Session, missing

from ethics_tui.model.notices import Notice
from ethics_tui.service import committee_consultations, demo, notices, notices_acks, staff_accounts
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.context import Context
from ethics_tui.service.settings import get_settings
from ethics_tui.thai.dates import today
from ethics_tui.thai.digits import apply_digits

pytestmark = [pytest.mark.browser, pytest.mark.skipif(bool(missing()), reason=missing() or "ok")]


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """The demo office, a circular to three people (one of them with a staff account), and
    the server on a free loopback port."""
    data = tmp_path_factory.mktemp("serve") / "data"
    ctx = Context.open(data, actor="tester")
    fast_demo(ctx)
    hr = demo.demo_sign_in(Context(store=ctx.store), "hr")
    staff = sorted(int(k) for k, s in ctx.store.load()["staff"].items() if s.get("active", True))
    three = staff[20:23]
    draft = notices.save_draft(
        hr,
        Notice(
            kind="circular",
            title="แจ้งเวียนทดสอบการรับทราบทางเว็บ",
            to="ผู้เกี่ยวข้อง",
            body="ขอให้รับทราบแนวทางปฏิบัติ",
            dated=today().isoformat(),
            enclosures=[{"title": "แนวทางปฏิบัติ"}],
            audience="people",
            audience_people=three,
        ),
    )
    circ = notices.publish(hr, draft.id)
    slip = staff_accounts.create_accounts(hr, [three[0]])[0]
    server = Server(data)
    yield {"ctx": ctx, "hr": hr, "circular": circ, "slip": slip, "server": server, "digits": get_settings(ctx).digits}
    server.stop()
    out = server.output()
    assert "Traceback" not in out, out[-3000:]


async def browser():
    from playwright.async_api import async_playwright

    from web_helpers import CHROMIUM, CHROMIUM_ARGS

    pw = await async_playwright().start()
    b = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    return pw, b


def coverage_line(office, done: int) -> str:
    pct = int(100 * done / 3)
    return apply_digits(f"รับทราบ {done}/3 คน ({pct}%)", office["digits"])


async def test_staff_acknowledges_in_one_browser_and_hr_sees_coverage_move(office):
    pw, b = await browser()
    try:
        hr_tab, staff_tab = await asyncio.gather(
            Session.open(b, office["server"].url), Session.open(b, office["server"].url)
        )
        slip = office["slip"]
        await asyncio.gather(
            hr_tab.sign_in("hr", demo.DEMO_PASSWORD),
            staff_tab.sign_in(slip.username, slip.code, new_password="staff-pass-1"),
        )
        await hr_tab.wait_for(coverage_line(office, 0))  # the home screen's coverage alert
        await staff_tab.wait_for("เอกสารที่ต้องรับทราบ")
        await staff_tab.wait_for("ขอให้รับทราบแนวทางปฏิบัติ")  # the text of the newest pending document
        assert "แนวทางปฏิบัติ" in await staff_tab.text()  # its enclosure
        at = await staff_tab.mark()
        await staff_tab.key("a")
        await staff_tab.wait_for("ได้อ่านและรับทราบ", since=at)  # the yes/no in the person's name
        at = await staff_tab.mark()
        await staff_tab.key("y")
        await staff_tab.wait_for("บันทึกการรับทราบแล้ว", since=at)
        # the hr session: open the notices and come back to home; the coverage has moved
        at = await hr_tab.mark()
        await hr_tab.key("o")
        await hr_tab.wait_for("ประกาศและหนังสือเวียน", since=at)
        at = await hr_tab.mark()
        await hr_tab.key("Escape")
        await hr_tab.wait_for(coverage_line(office, 1), since=at)
        row = office["ctx"].store.load(notices_acks.shard(office["circular"].id))["acks"][str(slip.staff_id)]
        assert (row["method"], row["user"], row["status"]) == ("electronic", slip.username, "acknowledged")
        from ethics_tui.service.notices_self import document_hash

        assert row["sha256"] == document_hash(notices.get(office["hr"], office["circular"].id))
        for tab in (hr_tab, staff_tab):
            assert "Traceback" not in await tab.text()
    finally:
        await b.close()
        await pw.stop()


async def open_staff_edit(tab: Session) -> None:
    at = await tab.mark()
    await tab.key("s")
    await tab.wait_for("ทะเบียนบุคลากร", since=at)
    await tab.key("ArrowDown")  # from the filter to the table's first row
    at = await tab.mark()
    await tab.key("e")
    await tab.wait_for("แก้ไขข้อมูลบุคลากร", since=at)
    for _ in range(9):  # prefix ... phone: to the e-mail field
        await tab.key("Tab")
    await tab.type("web@example.org")


async def open_consultation_edit(tab: Session) -> None:
    at = await tab.mark()
    await tab.key("c")
    await tab.wait_for("คณะที่ปรึกษา", since=at)
    at = await tab.mark()
    await tab.key("k")
    await tab.wait_for("บันทึกการให้คำปรึกษา", since=at)
    await tab.key("ArrowDown")
    at = await tab.mark()
    await tab.key("e")
    await tab.wait_for("แก้ไข", since=at)
    for _ in range(10):  # consulted on ... follow-up: to the Dos & Don'ts reference
        await tab.key("Tab")
    await tab.type(" web-test")


async def open_ticks(tab: Session, office, code: str) -> None:
    at = await tab.mark()
    await tab.key("o")
    await tab.wait_for("ประกาศและหนังสือเวียน", since=at)
    ids = [n.id for n in notices.list_notices(office["hr"])]
    for _ in range(ids.index(office["target"].id)):
        await tab.key("ArrowDown")
    at = await tab.mark()
    await tab.key("k")
    await tab.wait_for("รับทราบ/ยกเลิก", since=at)  # the tick-off screen's hint
    await tab.type(code)
    await tab.key("Enter")  # ends the search: space then ticks (while searching it types a space)


async def test_three_sessions_saving_at_once_lose_nothing(office):
    hr = office["hr"]
    target = next(n for n in notices.list_notices(hr) if n.kind == "circular" and n.number == 1)
    office["target"] = target
    person = next(p for p in notices_acks.people(hr, target.id) if not p.done and p.active)
    committee = demo.demo_sign_in(Context(store=office["ctx"].store), "committee")
    assert not any(c.dos_ref.endswith("web-test") for c in committee_consultations.list_consultations(committee))
    pw, b = await browser()
    try:
        ticks, editor, counsel = await asyncio.gather(*(Session.open(b, office["server"].url) for _ in range(3)))
        await asyncio.gather(
            ticks.sign_in("hr", demo.DEMO_PASSWORD),
            editor.sign_in("admin", demo.DEMO_PASSWORD),
            counsel.sign_in("committee", demo.DEMO_PASSWORD),
        )
        for tab in (ticks, editor, counsel):
            await tab.wait_for("ผู้ใช้:")
        await asyncio.gather(
            open_ticks(ticks, office, person.code), open_staff_edit(editor), open_consultation_edit(counsel)
        )
        # the three saves at the same moment
        await asyncio.gather(
            ticks.page.keyboard.press("Space"),
            editor.page.keyboard.press("Control+s"),
            counsel.page.keyboard.press("Control+s"),
        )

        def saved() -> tuple[bool, list, list]:
            ack = {p.staff_id: p for p in notices_acks.people(hr, target.id)}[person.staff_id]
            emails = [r.staff.id for r in staff_svc.search(hr) if r.staff.email == "web@example.org"]
            refs = [
                c.id for c in committee_consultations.list_consultations(committee) if c.dos_ref.endswith("web-test")
            ]
            return ack.done and ack.method == "sheet", emails, refs

        for _ in range(600):  # until all three are stored (each save ends in a second or two)
            done, emails, refs = saved()
            if done and emails and refs:
                break
            await asyncio.sleep(0.1)
        assert (done, len(emails), len(refs)) == (True, 1, 1)
        ctx = office["ctx"]
        result = subprocess.run(
            [sys.executable, "-m", "ethics_tui", "--data", str(ctx.store.dir), "verify"],
            capture_output=True,
            text=True,
            cwd=str(ROOT),
        )
        assert result.returncode == 0, result.stdout + result.stderr
        for tab in (ticks, editor, counsel):
            assert "Traceback" not in await tab.text()
    finally:
        await b.close()
        await pw.stop()


def test_nothing_of_the_office_before_sign_in(office):
    """The page is the terminal shell only; no folder listing; a page of another site cannot
    open a session."""
    import urllib.error
    import urllib.request

    url = office["server"].url
    with urllib.request.urlopen(url, timeout=10) as r:
        page = r.read().decode("utf-8")
    settings = get_settings(office["ctx"])
    assert (
        settings.office_name not in page
        and "googleapis" not in page
        and f"ws://127.0.0.1:{office['server'].port}/ws" in page
    )
    for path, headers in (
        ("static/", {}),
        (
            "ws",
            {
                "Origin": "http://evil.example",
                "Upgrade": "websocket",
                "Connection": "Upgrade",
                "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
            },
        ),
    ):
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(urllib.request.Request(url + path, headers=headers), timeout=10)
        assert err.value.code == 403
