"""The committee screens driven through the real app (demo office, demo accounts)."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, OptionList, Select, SelectionList, TextArea
from tui_helpers import SIZE, notifications, settle, start, text_of

from demo_cache import fast_demo
from ethics_tui.service import committee as svc
from ethics_tui.service import demo
from ethics_tui.service.context import Context
from ethics_tui.thai.dates import BE_OFFSET, format_date
from ethics_tui.tui.screens.committee import CommitteeScreen
from ethics_tui.tui.screens.committee_consult_form import ConsultationFormModal
from ethics_tui.tui.screens.committee_consultations import ConsultationsScreen
from ethics_tui.tui.screens.committee_dialogs import IssueModal, office_digits
from ethics_tui.tui.screens.committee_form import MemberModal, OrderFormModal
from ethics_tui.tui.screens.committee_summary import SummaryModal
from ethics_tui.tui.widgets.prompt import TextPromptModal


def office(ctx, monkeypatch, registers=None):
    if registers is not None:
        monkeypatch.setattr(demo, "REGISTERS", registers)
    fast_demo(ctx)
    return demo.demo_sign_in(Context(store=ctx.store), "admin")


async def open_committee(pilot) -> CommitteeScreen:
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommitteeScreen)
    return pilot.app.screen


async def add_member(pilot, search: str, role: str) -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()
    modal = pilot.app.screen
    assert isinstance(modal, MemberModal)
    modal.query_one("#f-search", Input).value = search
    await pilot.pause()
    picker = modal.query_one("#staff-pick", OptionList)
    picker.focus()
    await pilot.press("enter")  # the first match is highlighted
    await pilot.pause()
    assert modal.staff_id is not None
    modal.query_one("#f-role", Select).value = role
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_draft_and_issue_an_order(make_app, ctx, monkeypatch):
    admin = office(ctx, monkeypatch, registers=())
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "hr")
        screen = await open_committee(pilot)
        assert "ยังไม่มีคณะ" in text_of(screen.query_one("#cm-current"))
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OrderFormModal)
        assert "{authority}" in form.query_one("#f-preamble", TextArea).text
        form.query_one("#f-term_start", Input).value = "01/10/2568"
        form.query_one("#f-term_end", Input).value = "30/09/2570"
        form.query_one("#f-authority", Input).value = "บทบัญญัติที่หน่วยงานกรอกเอง"
        await add_member(pilot, "ปลัดองค์การ", "ประธาน")
        await add_member(pilot, "นักทรัพยากรบุคคล", "กรรมการและเลขานุการ")
        await add_member(pilot, "นิติกร", "กรรมการ")
        assert app.screen is form and [x.role for x in form.members] == ["ประธาน", "กรรมการและเลขานุการ", "กรรมการ"]
        form.query_one("#members", DataTable).focus()
        await pilot.press("ctrl+up")  # move นิติกร above the secretary
        assert [x.role for x in form.members] == ["ประธาน", "กรรมการ", "กรรมการและเลขานุการ"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        (draft,) = svc.list_orders(admin)
        assert draft.status == "draft" and draft.members[0].position.startswith("ปลัดองค์การบริหารส่วนตำบล")
        await pilot.press("i")
        await pilot.pause()
        issue = app.screen
        assert isinstance(issue, IssueModal)
        assert issue.title_text == app.t(
            "cm_issue_title", ref=office_digits(admin, draft.ref)
        )  # in the office's digits
        year = date.today().year + BE_OFFSET
        assert f"1/{year}" in issue.query_one("#f-number", Input).placeholder
        await pilot.press("ctrl+s", "y")  # y: issued orders cannot be changed afterwards
        await pilot.pause()
        order = svc.get_order(admin, draft.id)
        assert (order.status, order.number, order.year_be) == ("issued", 1, year)
        assert any("ออกคำสั่งที่" in n for n in notifications(app))
        cell = screen.query_one(DataTable).get_cell(str(order.id), "no")
        assert str(cell) == f"๑/{year}".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        # an issued order opens read only; ctrl+s changes nothing
        await pilot.press("e")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, OrderFormModal) and view.read_only
        assert view.query_one("#f-subject", Input).disabled
        assert not any(b.display for b in view.query("#add-member, #edit-member, #remove-member"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and svc.get_order(admin, order.id).rev == order.rev
        # a change is a new draft that supersedes it
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, OrderFormModal) and app.screen.original.supersedes == order.id
        await pilot.press("escape")
        await pilot.pause()
        assert svc.list_orders(admin, "draft") == []  # escape stored nothing (s saves only at ctrl+s)


async def test_export_the_order_pdf(make_app, ctx, monkeypatch, tmp_path):
    admin = office(ctx, monkeypatch)
    order = svc.in_force(admin)
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "viewer")
        screen = await open_committee(pilot)
        screen.query_one(DataTable).move_cursor(row=screen.query_one(DataTable).get_row_index(str(order.id)))
        await pilot.press("ctrl+e")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPromptModal)
        assert prompt.query_one("#f-text", Input).value.endswith(f"order-{order.number}-{order.year_be}.pdf")
        out = tmp_path / "out" / "order.pdf"
        prompt.query_one("#f-text", Input).value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        assert out.read_bytes().startswith(b"%PDF")
        assert any(str(out) in n for n in notifications(app))
        assert "k" not in screen.active_bindings  # viewers have no consultations: key hidden
        await pilot.press("k")  # ...and pressed anyway, refused in Thai
        await pilot.pause()
        assert app.screen is screen and any("เฉพาะบทบาทคณะที่ปรึกษา" in n or "ไม่มีสิทธิ์" in n for n in notifications(app))


async def test_log_a_consultation_and_see_the_summary(make_app, ctx, monkeypatch):
    admin = office(ctx, monkeypatch)
    member = svc.current_committee(admin)[0]
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "committee")
        await open_committee(pilot)
        await pilot.press("k")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConsultationsScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 12
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ConsultationFormModal)
        form.query_one("#f-channel", Select).value = "phone"
        form.query_one("#f-category", Select).value = "การใช้ทรัพย์สินของทางราชการ"
        form.query_one("#f-requester_kind", Select).value = "outsider"
        form.query_one("#f-requester", Input).value = "นายผู้ถาม ลับยิ่ง"
        form.query_one("#f-question", TextArea).text = "ขอยืมเต็นท์ของหน่วยงานไปใช้งานส่วนตัว"
        handlers = form.query_one("#f-handled_by", SelectionList)
        assert member.name in [handlers.get_option_at_index(i).value for i in range(handlers.option_count)]
        handlers.select(member.name)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen, [text_of(e) for e in form.query(".field-error")]
        assert table.row_count == 13
        shown = " ".join(str(c) for row in range(table.row_count) for c in table.get_row_at(row))
        assert "ขอยืมเต็นท์" in shown and "ลับยิ่ง" not in shown and "บุคคลภายนอก" in shown
        await pilot.press("slash")
        assert app.focused is screen.query_one("#cs-filter")
        app.focused.value = "เต็นท์"
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("enter", "m")  # enter leaves the filter for the table
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryModal)
        months = summary.query_one("#cs-months", DataTable)
        month = format_date(date.today(), "abbr").split(" ")[1]
        row = next(months.get_row_at(i) for i in range(12) if months.get_row_at(i)[0] == month)
        assert int(str(row[1]).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))) >= 1
        assert "ลับยิ่ง" not in text_of(summary.query_one("#cs-status"))


async def test_consultation_form_says_why_no_adviser_can_be_chosen(make_app, ctx, monkeypatch):
    office(ctx, monkeypatch, registers=())  # no appointment order yet
    app = make_app(ctx.store.dir)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "committee")
        await open_committee(pilot)
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ConsultationFormModal)
        assert "ต้องออกคำสั่งแต่งตั้ง" in text_of(form.query_one("#err-handled_by"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "ต้องออกคำสั่งแต่งตั้ง" in text_of(form.query_one("#err-handled_by"))
