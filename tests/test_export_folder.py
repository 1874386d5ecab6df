"""One export rule (issue 17 item 11): ``service.exports.export_folder`` from the office setting,
a subfolder per fiscal year or one folder, used by the CLI as by the TUI."""

from __future__ import annotations

import io
import sys
from dataclasses import replace

import pytest

from ethics_tui.errors import ValidationError
from ethics_tui.service import exports
from ethics_tui.service.settings import get_settings, save_settings
from ethics_tui.thai.dates import fiscal_year, today


def set_exports(ctx, folder: str = "", layout: str = "year") -> None:
    save_settings(ctx, replace(get_settings(ctx), exports_dir=folder, exports_layout=layout))


def test_default_is_exports_beside_the_data_folder_per_fiscal_year(demo_ctx, tmp_path):
    fy = fiscal_year(today())
    assert exports.export_folder(demo_ctx) == tmp_path / "exports" / str(fy)
    assert exports.export_folder(demo_ctx, 2568) == tmp_path / "exports" / "2568"
    assert exports.export_folder(demo_ctx).is_absolute()


def test_two_offices_side_by_side_never_share_the_default_folder(tmp_path):
    """The demo tried beside the real office: each data folder not named "data" gets its own
    "<name>-exports" folder (QA: an ITA folder held another office's announcement)."""
    from ethics_tui.service.context import Context

    real = Context.open(tmp_path / "office", actor="tester")
    demo = Context.open(tmp_path / "office-demo", actor="tester")
    assert exports.exports_base(real) == tmp_path / "office-exports"
    assert exports.exports_base(demo) == tmp_path / "office-demo-exports"
    assert exports.exports_base(Context.open(tmp_path / "data", actor="tester")) == tmp_path / "exports"


def test_the_setting_moves_every_export(demo_ctx, tmp_path):
    set_exports(demo_ctx, f"'{tmp_path / 'shared docs'}'", "flat")  # pasted with quotes
    assert exports.export_folder(demo_ctx, 2569) == tmp_path / "shared docs"
    set_exports(demo_ctx, "out", "year")  # relative: beside the data folder
    assert exports.export_folder(demo_ctx, 2569) == tmp_path / "out" / "2569"
    with pytest.raises(ValidationError):
        set_exports(demo_ctx, "", "sideways")


def test_cli_exports_follow_the_rule(demo_ctx, tmp_path, monkeypatch, capsys):
    from ethics_tui.cli import main

    set_exports(demo_ctx, str(tmp_path / "office-exports"), "year")
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    assert main(["--data", str(demo_ctx.store.dir), "--user", "admin", "training", "export", "--fy", "2568"]) == 0
    out = tmp_path / "office-exports" / "2568" / "training-2568.xlsx"
    assert out.is_file() and str(out) in capsys.readouterr().out


def test_open_folder_says_no_under_serve_or_without_a_desktop(monkeypatch, tmp_path):
    monkeypatch.setenv("ETHICS_TUI_SERVE", "1")
    assert exports.open_folder(tmp_path) is False
    monkeypatch.delenv("ETHICS_TUI_SERVE")
    if sys.platform.startswith("linux"):
        monkeypatch.delenv("DISPLAY", raising=False)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        assert exports.open_folder(tmp_path) is False
        calls = []
        monkeypatch.setenv("DISPLAY", ":0")
        monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/" + name)
        monkeypatch.setattr("subprocess.Popen", lambda cmd, **kw: calls.append(cmd))
        assert exports.open_folder(tmp_path / "x.pdf") is True
        assert calls == [["xdg-open", str(tmp_path)]]
