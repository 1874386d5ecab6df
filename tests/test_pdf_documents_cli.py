"""``pdf KIND`` comes from the register specs' documents tables (issue 16): the help lists
every document with its inputs and default file name, and the CLI writes where the spec says."""

from __future__ import annotations

import io
import sys

import pytest

from demo_cache import fast_demo
from ethics_tui.cli import main
from ethics_tui.registers import documents


def _help(capsys, *argv: str) -> str:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--help"])
    assert exc.value.code == 0
    return capsys.readouterr().out


def test_pdf_help_lists_the_documents_table(capsys):
    text = _help(capsys, "pdf")
    for _spec, doc in documents():
        assert doc.kind in text
        assert doc.title[0] in text, doc.kind
        for alias in doc.aliases:
            assert alias in text


@pytest.mark.parametrize("kind", [d.kind for _s, d in documents()])
def test_pdf_kind_help_lists_its_inputs_and_default_name(capsys, kind):
    doc = next(d for _s, d in documents() if d.kind == kind)
    text = " ".join(_help(capsys, "pdf", kind).split())  # argparse wraps lines
    for prm in doc.params:
        assert prm.help[0] in text, (kind, prm.name)
        assert (prm.option or prm.name) in text
    if doc.confidential:
        assert "confidential-exports/" in text
    else:
        assert doc.file_name.split("{")[0] in text.replace("- ", "-")  # (argparse breaks lines after "-")


def test_pdf_kind_without_output_writes_the_spec_default(ctx, monkeypatch, capsys):
    from ethics_tui.service import committee
    from ethics_tui.service import documents as docs
    from ethics_tui.service.context import Context
    from ethics_tui.service.demo import demo_sign_in

    fast_demo(ctx)
    (ctx.store.dir.parent / "exports").mkdir()
    hr = demo_sign_in(Context(store=ctx.store), "hr")
    order = committee.list_orders(hr)[0]
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n" * 5))
    assert main(["--data", str(ctx.store.dir), "--user", "hr", "pdf", "order", str(order.id)]) == 0
    expected = docs.default_path(hr, "order", id=order.id)
    from ethics_tui.thai.dates import fiscal_year, today

    # the one export rule: the exports folder beside the data, this fiscal year's sub-folder
    assert expected.is_file() and expected.parent == ctx.store.dir.parent / "exports" / str(fiscal_year(today()))
    assert str(expected) in capsys.readouterr().out
