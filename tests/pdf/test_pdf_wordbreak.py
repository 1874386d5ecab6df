"""Thai line breaking: lines end between words, names are never split."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import seed_text
from ethics_tui.pdf.base import ThaiPDF
from ethics_tui.pdf.table import Column, TableWriter
from ethics_tui.pdf.textlayer import pdftotext, squash
from ethics_tui.thai.digits import apply_digits
from ethics_tui.thai.wordbreak import NBSP, ZWSP, insert_breaks, strip_breaks, words

SEED_CELLS = [c for _, rows in seed_text.GROUPS for row in rows for c in row if len(c) > 40]
HEAD = "ข้อความ"


def _boundaries(text: str) -> set[int]:
    """Word boundaries of ``text`` (whitespace removed) by pythainlp newmm."""
    out, pos = {0}, 0
    for w in words(text):
        pos += len(squash(w))
        out.add(pos)
    return out


def _inside_word_breaks(path, cells: list[str]) -> tuple[int, int]:
    """(line ends inside a word, line ends) for one-column table cells read back."""
    lines = [squash(ln) for ln in pdftotext(path).splitlines()]
    lines = [ln for ln in lines if ln and ln != HEAD and not re.fullmatch(r"-\d+-", ln)]
    bad = total = 0
    i = 0
    for cell in cells:
        target = squash(cell)
        bounds = _boundaries(cell)
        got = ""
        while len(got) < len(target):
            assert target.startswith(got + lines[i]), (got[-20:], lines[i][:20])
            got += lines[i]
            i += 1
            if len(got) < len(target):
                total += 1
                bad += len(got) not in bounds
    return bad, total


def _render_cells(path, cells: list[str], *, breaks: bool = True) -> None:
    pdf = ThaiPDF(OfficeSettings(office_name="องค์การบริหารส่วนตำบลเชียงพิณ", digits="arabic"))
    if not breaks:
        pdf.tx = lambda text, digits=True: str(text)  # type: ignore[method-assign]
    pdf.add_page()
    table = TableWriter(pdf, [Column(HEAD, 60)], size=14)
    table.start()
    for cell in cells:
        table.row([cell])
    pdf.save(path)


def test_no_line_ends_inside_a_word_on_seed_text(tmp_path):
    cells = [apply_digits(c, "arabic") for c in SEED_CELLS]
    _render_cells(tmp_path / "seed.pdf", cells)
    bad, total = _inside_word_breaks(tmp_path / "seed.pdf", cells)
    assert total > 150
    assert bad == 0, f"{bad} of {total} line ends fall inside a word"


def test_the_check_can_fail_without_word_breaks(tmp_path, monkeypatch):
    """Control: with character wrapping only, the same check finds breaks inside words."""
    monkeypatch.setattr("ethics_tui.pdf.base.split_long", lambda word: (word,))
    cells = [apply_digits(c, "arabic") for c in SEED_CELLS[:6]]
    _render_cells(tmp_path / "raw.pdf", cells, breaks=False)
    bad, _total = _inside_word_breaks(tmp_path / "raw.pdf", cells)
    assert bad > 0


def test_insert_breaks_between_words():
    text = "การประเมินผลคุณธรรมและความโปร่งใส"
    out = insert_breaks(text)
    assert out.replace(ZWSP, "") == text
    assert out.split(ZWSP) == [w for w in words(text) if w.strip()]
    assert insert_breaks(out) == out  # idempotent


def test_names_are_unbreakable_runs():
    names = ["นายสมชาย ใจดี", "องค์การบริหารส่วนตำบลเชียงพิณ"]
    text = "คำสั่งองค์การบริหารส่วนตำบลเชียงพิณ แต่งตั้งนายสมชาย ใจดี เป็นประธาน"
    out = insert_breaks(text, names)
    assert "องค์การบริหารส่วนตำบลเชียงพิณ" in out.replace(" ", ZWSP).split(ZWSP)
    assert f"นายสมชาย{NBSP}ใจดี" in out.replace(" ", ZWSP).split(ZWSP)
    assert strip_breaks(out) == text
    # without the name list pythainlp splits the office name
    assert "องค์การบริหารส่วนตำบลเชียงพิณ" not in insert_breaks(text).split(ZWSP)


@pytest.mark.parametrize("module", ["ethics_tui.thai.wordbreak", "ethics_tui.pdf"])
def test_pythainlp_not_imported_at_start_up(module):
    code = f"import sys, {module}; print('pythainlp' in sys.modules, 'fpdf' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == "False"


def test_segmentation_matches_pythainlp_default_trie():
    """The fast dictionary gives exactly pythainlp's own newmm segmentation."""
    from pythainlp.tokenize import word_tokenize

    for cell in SEED_CELLS[:40]:
        assert words(cell) == word_tokenize(cell, engine="newmm", keep_whitespace=True)


def test_pythainlp_trie_is_never_built(monkeypatch):
    """Issue 20 item 7: a fresh process must not pay for pythainlp's 62,106-insertion trie."""
    code = (
        "import pythainlp.util.trie as t\n"
        "n = [0]\n"
        "orig = t.Trie.add\n"
        "def add(self, w):\n    n[0] += 1; orig(self, w)\n"
        "t.Trie.add = add\n"
        "from ethics_tui.thai.wordbreak import insert_breaks, split_long\n"
        "insert_breaks('การประเมินผลคุณธรรมและความโปร่งใส'); split_long('องค์การบริหารส่วนตำบล')\n"
        "print(n[0])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout.split()[-1]) < 1000


def test_names_are_sorted_once_per_document(monkeypatch):
    """Issue 20 item 1: insert_breaks must not sort the document's names on every call."""
    import builtins

    from ethics_tui.thai import wordbreak

    names = wordbreak.NameSet(f"นายทดสอบ{i} นามสกุล{i}" for i in range(2000))
    calls = [0]
    real_sorted = builtins.sorted

    def counting(items, *a, **k):
        items = list(items)
        calls[0] += len(items) >= 2000  # a sort of the name list (pythainlp sorts small things)
        return real_sorted(items, *a, **k)

    monkeypatch.setattr(builtins, "sorted", counting)
    for i in range(50):
        insert_breaks(f"แต่งตั้งนายทดสอบ{i} นามสกุล{i} เป็นกรรมการ ครั้งที่ {i}", names)
    assert calls[0] <= 1  # the pattern is compiled once (one sort by length), never per call
    out = insert_breaks("แต่งตั้งนายทดสอบ7 นามสกุล7 เป็นกรรมการ", names)
    assert f"นายทดสอบ7{NBSP}นามสกุล7" in out.replace(" ", ZWSP).split(ZWSP)


def test_break_cache_is_bounded(monkeypatch):
    from ethics_tui.thai import wordbreak

    monkeypatch.setattr(wordbreak.NameSet, "CACHE_MAX", 10)
    names = wordbreak.NameSet(["นายสมชาย ใจดี"])
    for i in range(30):
        insert_breaks(f"ข้อความที่ {i}", names)
    assert len(names._cache) == 10
