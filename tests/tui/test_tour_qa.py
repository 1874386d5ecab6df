"""Found on the tour of the README in tmux at 80×24 (issue 17, "Done when")."""

from __future__ import annotations

from test_file_picker import open_import as open_dialog
from tui_helpers import start

SMALL = (80, 24)


async def test_path_field_footer_names_the_picker_in_thai(make_app, demo_ctx):
    """The footer of the import dialog read "f2 pick_file" (an internal name) while the path
    field had the focus."""
    app = make_app(demo_ctx.store.dir)
    async with app.run_test(size=SMALL) as pilot:
        await start(pilot)
        modal = await open_dialog(pilot)
        await pilot.pause()
        shown = [b.binding.description for b in modal.active_bindings.values() if b.binding.key == "f2"]
        assert shown and all(d == "เลือกไฟล์" for d in shown), shown
