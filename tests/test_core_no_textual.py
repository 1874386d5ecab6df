"""The one check that the core never imports Textual: every module outside ethics_tui/tui/ (thai,
model, store, service, pdf, cli, web, ...) and tui/serve.py (which `ethics-tui serve` loads
before it starts the app) is imported in a fresh interpreter, and neither textual nor
textual_serve may be loaded afterwards. Only the TUI and the server it starts use them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "ethics_tui"
#: modules under tui/ that must stay free of Textual until they run
LIGHT_TUI = ("ethics_tui.tui.serve",)
UI_LIBRARIES = ("textual", "textual_serve")


def core_modules() -> list[str]:
    """Every module of the package outside tui/ (found by listing files, so that nothing is
    imported to find them), plus LIGHT_TUI."""
    names = []
    for path in sorted(PKG.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[1:2] == ("tui",):
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names + list(LIGHT_TUI)


def _loaded_after(modules: list[str]) -> subprocess.CompletedProcess:
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({UI_LIBRARIES!r}))))\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_the_list_covers_every_layer():
    names = core_modules()
    for layer in ("thai", "model", "store", "service", "pdf", "cli"):
        assert any(n.startswith(f"ethics_tui.{layer}.") for n in names), layer
    assert not [n for n in names if n.startswith("ethics_tui.tui.") and n not in LIGHT_TUI]
    assert "ethics_tui.cli" in names and "ethics_tui.service.people" in names


def test_no_core_module_imports_textual():
    modules = core_modules()
    proc = _loaded_after(modules)
    assert proc.returncode == 0, proc.stderr[-3000:]
    if proc.stdout.strip():  # name the culprits: one fresh interpreter per module
        culprits = [m for m in modules if (p := _loaded_after([m])).returncode == 0 and p.stdout.strip()]
        raise AssertionError(f"{proc.stdout.strip()} loaded by importing: {', '.join(culprits)}")
