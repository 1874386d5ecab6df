"""Each register is declared once, in ``ethics_tui/registers/<name>.toml`` (issue 16): its spec is
complete, every hook it names exists, and demo, verify and the report read it."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys

import pytest

from ethics_tui.model.record import Record
from ethics_tui.registers import Action, Document, SpecError, documents, load_services, load_spec, resolve, specs

REGISTER_MODELS = ("committee", "notices", "training", "appraisal", "complaints", "user")


def test_every_register_has_a_spec():
    keys = {s.key for s in specs()}
    assert {
        "committee",
        "consultations",
        "notices",
        "training",
        "appraisal",
        "complaints",
        "report",
        "ita",
        "staff_accounts",
        "users",
    } <= keys
    # every stored record class of a register belongs to exactly one spec's tables
    named = [v for s in specs() for v in s.tables.values()]
    assert len(named) == len(set(named))
    for mod_name in REGISTER_MODELS:
        mod = importlib.import_module(f"ethics_tui.model.{mod_name}")
        for name, obj in vars(mod).items():
            if isinstance(obj, type) and issubclass(obj, Record) and obj.__module__ == mod.__name__:
                assert f"{mod.__name__}:{name}" in named, name
    # and no screen declares a register of its own any more
    from pathlib import Path

    from ethics_tui.tui import screens

    for path in Path(screens.__file__).parent.glob("*.py"):
        assert "REGISTER = " not in path.read_text(encoding="utf-8"), path.name


def test_every_hook_a_spec_names_exists():
    for s in specs():
        for dotted in (
            s.screen,
            *s.services,
            *s.tables.values(),
            *s.report_facts.values(),
            *(x for x in (s.badge, s.home_alerts, s.demo) if x),
        ):
            assert resolve(dotted) is not None, (s.key, dotted)
        assert set(s.verify) <= set(s.tables), s.key
        for d in s.documents:
            assert callable(resolve(d.writer)), d.kind
            assert d.name_fields is None or callable(resolve(d.name_fields)), d.kind
            assert d.file_name.endswith(".pdf"), d.kind


def test_every_action_that_writes_has_a_permission_that_exists():
    from ethics_tui.service.access import PERMISSIONS

    load_services()
    for s in specs():
        assert s.permission in PERMISSIONS, s.key
        keys = [a.key for a in s.actions]
        assert len(keys) == len(set(keys)), (s.key, keys)  # one action per key
        for a in s.actions:
            if a.writes:
                assert a.permission, (s.key, a.action)
            assert a.permission is None or a.permission in PERMISSIONS, (s.key, a.action, a.permission)
            assert all(a.label) and (a.palette is None or all(a.palette)), (s.key, a.action)
        for d in s.documents:
            assert d.permission in PERMISSIONS, d.kind
    kinds = [k for _s, d in documents() for k in (d.kind, *d.aliases)]
    assert len(kinds) == len(set(kinds))


def test_the_screens_keys_are_the_spec_actions():
    """A register screen's BINDINGS and ACTION_PERMISSIONS come from its spec, so the footer,
    check_action and the palette agree with the actions table."""
    for s in specs():
        screen = resolve(s.screen)
        bound = {(b.key, b.action, b.show) for b in screen.BINDINGS}
        assert {(a.key, a.action, a.show) for a in s.actions} <= bound, s.key
        assert s.action_permissions() == screen.ACTION_PERMISSIONS, s.key
        for a in s.actions:
            assert hasattr(screen, f"action_{a.name}"), (s.key, a.name)


def test_demo_verify_and_report_read_the_specs():
    from ethics_tui.model.report import ACTIVITIES
    from ethics_tui.service import demo, report_sources, verify

    assert tuple(s.key for s in specs() if s.demo) == demo.REGISTERS
    assert list(report_sources.sources()) == [a.key for a in ACTIVITIES]
    models = verify._register_models()
    assert set(models) == {t for s in specs() for t in s.verify}
    assert models["orders"].__name__ == "Order"


def test_reading_the_specs_imports_no_textual():
    code = (
        "import sys; from ethics_tui.registers import specs, documents; specs(); documents(); "
        "from ethics_tui.service import documents as d; d.document('order'); "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("kind", ["order", "notices-coverage", "appraisal-summary", "complaint-stats", "report"])
def test_default_names_come_from_the_documents_table(kind, ctx):
    from demo_cache import fast_demo
    from ethics_tui.service import appraisal, committee, documents
    from ethics_tui.service.context import Context
    from ethics_tui.service.demo import demo_sign_in

    fast_demo(ctx)
    admin = demo_sign_in(Context(store=ctx.store), "admin")
    params = {
        "order": lambda: {"id": committee.list_orders(admin)[0].id},
        "notices-coverage": lambda: {"id": None},
        "appraisal-summary": lambda: {"round_id": appraisal.list_rounds(admin)[0].id},
        "complaint-stats": lambda: {"fy": 2568, "half": True},
        "report": lambda: {"fy": 2568},
    }[kind]()
    name = documents.default_name(admin, kind, **params)
    pattern = {
        "order": r"order-(\d+-25\d\d|draft-\d+)\.pdf",
        "notices-coverage": r"notices-coverage\.pdf",
        "appraisal-summary": r"appraisal-summary-25\d\d-\d\.pdf",
        "complaint-stats": r"complaint-stats-2568-h1\.pdf",
        "report": r"report-measures-6-7-2568\.pdf",
    }[kind]
    assert re.fullmatch(pattern, name), name
    path = documents.default_path(admin, kind, **params)
    assert path.name == name
    if kind in ("report", "complaint-stats"):  # the year the document reports picks the sub-folder
        assert path.parent.name == "2568"


def docs_spec() -> str:
    """The spec file docs/architecture.md "Adding a register" shows (the gifts register)."""
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    start = text.index("```toml\n", text.index("## Adding a register")) + len("```toml\n")
    return text[start : text.index("```", start)]


def test_the_spec_in_the_architecture_docs_becomes_the_typed_spec(tmp_path):
    path = tmp_path / "gifts.toml"
    path.write_text(docs_spec(), encoding="utf-8")
    spec = load_spec(path)
    assert spec.label == ("ทะเบียนของขวัญ", "Gifts received")
    assert spec.tables == {"gifts": "ethics_tui.model.gifts:Gift"} and spec.verify == ("gifts",)
    assert spec.actions == (
        Action("n", "new", ("เพิ่ม", "New"), "gifts.write", ("ของขวัญ: บันทึกใหม่", "Gifts: new"), writes=True),
        Action("ctrl+e", "export", ("ส่งออก PDF", "export PDF"), "pdf.export"),
    )
    (doc,) = spec.documents
    assert isinstance(doc, Document) and doc.file_name == "gift-list-{fy}.pdf"
    assert doc.params[0].option == "--fy" and doc.params[0].kind == "int"
    assert doc.params[0].help == ("ปีงบประมาณ (พ.ศ.)", "fiscal year (B.E.)")


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (('hotkey = "g"', 'hotkye = "g"'), "unknown key 'hotkye'"),
        (("writes = true", "writes = true\npalete = 1"), "unknown key 'actions[0].palete'"),
        (('permission = "gifts.read"\n', ""), "missing key 'permission'"),
        (('writer = "ethics_tui.service.gifts:write_gift_list"', ""), "missing key 'documents[0].writer'"),
        (
            ('label = ["ทะเบียนของขวัญ", "Gifts received"]', 'label = "ทะเบียนของขวัญ"'),
            "key 'label' should be [Thai, English]",
        ),
        (("order = 60", 'order = "60"'), "key 'order' should be int"),
        (("writes = true", 'writes = "yes"'), "key 'actions[0].writes' should be bool"),
        (('option = "--fy"', 'option = "--fy"\nrequired = 0'), "key 'documents[0].params[0].required'"),
        (("[tables]", "[tables"), "not valid TOML"),
    ],
)
def test_a_wrong_spec_file_is_refused_naming_the_file_and_the_key(tmp_path, change, says):
    path = tmp_path / "gifts.toml"
    old, new = change
    assert old in docs_spec()
    path.write_text(docs_spec().replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(path)
    assert str(path) in str(err.value) and says in str(err.value)
