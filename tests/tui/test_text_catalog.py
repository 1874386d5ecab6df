"""The TUI's texts: the data catalogs hold exactly the texts the Python tables held."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import ethics_tui.tui

# The merged (Thai, English) table as it stood before the texts moved out of Python
# (tui/i18n.py, tui/screens/*_text.py and the screens' own label blocks), dumped once.
BEFORE = Path(__file__).parent / "data" / "texts_before_toml.json"


def _import_every_tui_module() -> None:
    for info in pkgutil.walk_packages(ethics_tui.tui.__path__, "ethics_tui.tui."):
        importlib.import_module(info.name)


def test_every_text_is_as_it_was():
    from ethics_tui.tui.i18n import TEXT

    _import_every_tui_module()
    before = {key: tuple(pair) for key, pair in json.loads(BEFORE.read_text(encoding="utf-8")).items()}
    # footer labels of the register specs' actions come from the specs (act:<register>:<action>)
    now = {k: v for k, v in TEXT.items() if not k.startswith("act:")}
    assert sorted(set(before) - set(now)) == []
    assert sorted(set(now) - set(before)) == []
    assert {k: v for k, v in now.items() if v != before[k]} == {}


def test_the_catalogs_alone_hold_every_text():
    """No screen needs to be imported first: the data files are the whole table."""
    from ethics_tui.tui.i18n import load_catalogs

    before = {key: tuple(pair) for key, pair in json.loads(BEFORE.read_text(encoding="utf-8")).items()}
    assert load_catalogs() == before


def test_the_catalogs_ship_as_package_data():
    import tomllib
    from importlib.resources import files

    root = Path(__file__).parents[2]
    patterns = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["ethics_tui"]
    assert "tui/locale/*.toml" in patterns
    names = sorted(e.name for e in files("ethics_tui.tui").joinpath("locale").iterdir() if e.name.endswith(".toml"))
    assert "app.toml" in names and len(names) >= 8


def test_a_broken_catalog_names_its_file(tmp_path):
    import pytest

    from ethics_tui.tui.i18n import load_catalogs

    (tmp_path / "a.toml").write_text('x.th = "ก"\nx.en = "A"\n', encoding="utf-8")
    assert load_catalogs(tmp_path) == {"x": ("ก", "A")}
    (tmp_path / "b.toml").write_text('x.th = "ข"\nx.en = "B"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"b\.toml: 'x' is already defined"):
        load_catalogs(tmp_path)
    (tmp_path / "b.toml").write_text('y.th = "ข"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"b\.toml: 'y' needs exactly a th and an en"):
        load_catalogs(tmp_path)
    (tmp_path / "b.toml").write_text('y.th = "ข\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"b\.toml"):
        load_catalogs(tmp_path)


def test_t_pick_and_th_en():
    from ethics_tui.tui.i18n import pick, t, th_en

    assert t("back") == "กลับ" and t("back", "en") == "Back"
    assert t("no_such_key_here") == "no_such_key_here"  # a missing key is shown as it is
    assert t("demo_hint", "en", pw="x").endswith("password x")
    assert pick(("ก", "A"), "en") == "A" and pick(("ก", "A"), "th") == "ก"
    assert th_en("en", "ก", "A") == "A" and th_en("th", "ก", "A") == "ก"


def test_every_catalog_key_is_used():
    """A key no code asks for does not stay in the catalogs (75 footer/label keys were left when
    the register specs took over the keys' labels). A key is used when the code quotes it, or
    builds it from a quoted prefix (f"trf_{name}", column_label="nt_col_{}", "s_" + name) and
    quotes the rest somewhere; Textual's own binding descriptions ("palette") count too."""
    import re

    import textual

    from ethics_tui.tui.i18n import load_catalogs

    package = Path(ethics_tui.tui.__file__).parents[1]
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    built_in = Path(textual.__file__).parent
    source += "\n".join(p.read_text(encoding="utf-8") for p in (built_in / "app.py", built_in / "screen.py"))
    quoted = set(re.findall(r"""["']([A-Za-z0-9_:]+)["']""", source))
    prefixes = set(re.findall(r"""f["']([a-z][a-z0-9_]*_)\{""", source))
    prefixes |= set(re.findall(r"""["']([a-z][a-z0-9_]*_)(?:\{\}["']|["'] *\+)""", source))
    unused = [
        key
        for key in load_catalogs()
        if key not in quoted and not any(key.startswith(p) and key[len(p) :] in quoted for p in prefixes)
    ]
    assert unused == [], f"catalog keys no code uses (remove them, and from {BEFORE.name}): {unused}"
