"""The order form at 80x24 and 120x40: the members table uses the rows the screen has (every
member in view once the table has the focus, the member buttons beside it, no blank rows under
the form's buttons), and the preamble reads as the order prints: the office's name, not the
template's ``{office}`` (QA, stop 24)."""

from __future__ import annotations

import pytest
from textual.widgets import Button, DataTable, TextArea
from tui_helpers import settle, signed_in

from ethics_tui.pdf.textlayer import pdftotext, squash
from ethics_tui.service import committee as svc
from ethics_tui.service.settings import get_settings
from ethics_tui.tui.screens.committee_form import OrderFormModal


def inside(inner, outer) -> bool:
    return outer.x <= inner.x and inner.right <= outer.right and outer.y <= inner.y and inner.bottom <= outer.bottom


def check_dialog_fits(app, size) -> None:
    """The save and cancel buttons and the key line on screen, nothing but the dialog's padding
    under the key line (the rows the body could have had)."""
    form = app.screen
    dialog = form.query_one("#dialog")
    keys = form.query_one("#form-keys")
    for part in (form.query_one("#save", Button), form.query_one("#cancel", Button), keys):
        assert part.region.height and part.region.bottom <= size[1], part
    assert dialog.region.bottom - keys.region.bottom == dialog.styles.gutter.bottom, (dialog.region, keys.region)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_member_in_view_beside_its_buttons(make_app, ctx, size):
    async with signed_in(make_app, ctx, "admin", "c", "s", size=size) as (app, pilot):
        form = app.screen
        assert isinstance(form, OrderFormModal) and len(form.members) == 7  # the demo's order
        check_dialog_fits(app, size)
        table = form.query_one("#members", DataTable)
        while app.focused is not table:  # tab from the first field, as a user goes
            await pilot.press("tab")
        await settle(pilot)
        body = form.query_one(".form-body")
        assert table.row_count == 7 and table.size.height >= 8, table.size  # heading + 7 rows
        assert inside(table.region, body.region), (table.region, body.region)
        assert table.scroll_offset.y == 0 and not table.show_horizontal_scrollbar
        for button in form.query("#add-member, #edit-member, #remove-member"):
            assert inside(button.region, body.region), button
        check_dialog_fits(app, size)


async def test_a_new_order_at_80x24_leaves_no_blank_rows(make_app, ctx):
    async with signed_in(make_app, ctx, "admin", "c", "n") as (app, _pilot):
        form = app.screen
        check_dialog_fits(app, (80, 24))
        body = form.query_one(".form-body")
        assert body.region.height == body.styles.max_height.value == 13  # 22 rows of dialog, 9 of them chrome


async def test_the_preamble_names_the_office_and_prints_so(make_app, ctx, tmp_path):
    async with signed_in(make_app, ctx, "admin", "c", "n") as (app, pilot):
        office = get_settings(app.ctx).office_name
        form = app.screen
        text = form.query_one("#f-preamble", TextArea).text
        assert "{office}" not in text and f"ใน{office} " in text, text
        assert "{authority}" in text  # filled in from its own field when printed, as the hint says
        hints = [str(h.render()) for h in form.query(".form-body .hint")]
        assert any("{authority}" in h for h in hints) and not any("{office}" in h for h in hints), hints
        await pilot.press("ctrl+s")  # nothing typed but the template: escape would not ask either
        await settle(pilot)
        (draft,) = [o for o in svc.list_orders(app.ctx, "draft")]
        assert f"ใน{office} " in draft.preamble and "{office}" not in draft.preamble
        pdf = svc.export_pdf(app.ctx, draft.id, tmp_path / "order.pdf")
        printed = squash(pdftotext(pdf))
        assert squash(f"บุคลากรใน{office} เป็นไปตามมาตรการ") in printed, printed[:400]
        assert "{" not in printed


async def test_an_issued_order_shows_its_preamble_as_printed(make_app, ctx):
    async with signed_in(make_app, ctx, "hr", "c", "e") as (app, _pilot):
        view = app.screen
        assert isinstance(view, OrderFormModal) and view.read_only
        order = svc.in_force(app.ctx)
        text = view.query_one("#f-preamble", TextArea).text
        assert "{" not in text and get_settings(app.ctx).office_name in text
        assert order.authority.strip() in text and text == svc.printed_preamble(app.ctx, order)
        keys = str(view.query_one("#form-keys").render())  # nothing to save: no "ctrl+s save"
        assert "ctrl+s" not in keys and "esc" in keys and str(view.query_one("#cancel", Button).label) == "ปิด (esc)"
