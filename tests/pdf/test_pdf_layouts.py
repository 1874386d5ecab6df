"""Each layout renders, and reads back with pdftotext."""

from __future__ import annotations

import re
import subprocess

import pytest

from ethics_tui.pdf import SAMPLE_KINDS
from ethics_tui.pdf import samples as S
from ethics_tui.pdf.models import Members, NumberedList
from ethics_tui.pdf.textlayer import intact_words, pages, pdftotext, squash
from ethics_tui.thai.digits import apply_digits

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def _sources(kind: str) -> list[str]:
    """Source texts of a sample, as they should read in the PDF (Thai digits)."""
    if kind == "order":
        doc = S.sample_order()
        out = [doc.subject]
        for b in doc.body:
            if isinstance(b, str):
                out.append(b)
            elif isinstance(b, NumberedList):
                out += [b.title, *b.items]
            elif isinstance(b, Members):
                out += [m.name for m in b.members] + [m.role for m in b.members]
        return out
    if kind == "announcement":
        doc = S.sample_announcement()
        return [doc.subject, *doc.body, *doc.dos, *doc.donts]
    if kind == "circular":
        doc = S.sample_circular()
        return [doc.subject, doc.to, *doc.body, *doc.references, *doc.enclosures]
    if kind == "signoff":
        doc = S.sample_signoff()
        return [doc.document_title, *(p.name for p in doc.people)]
    if kind == "report":
        doc = S.sample_report(S.sample_settings())
        return [c for g in doc.groups for r in g.rows for c in (r.measure, r.summary)]
    if kind == "memo":
        doc = S.sample_memo()
        return [doc.subject, doc.to, *doc.body, *doc.after_table, *(r[2] for r in doc.table.rows)]
    doc = S.sample_slip()
    return [doc.title, doc.text, *(f.value for f in doc.fields if f.value)]


@pytest.mark.parametrize("kind", SAMPLE_KINDS)
def test_layout_renders_with_metadata(samples, kind):
    path = samples[kind]
    assert path.read_bytes().startswith(b"%PDF-")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert re.search(r"Author:\s+องค์การบริหารส่วนตำบลห้วยทรายงาม\n", info.stdout)
    assert re.search(r"Title:\s+\S", info.stdout)
    assert re.search(r"Subject:\s+\S", info.stdout)
    assert re.search(r"CreationDate:\s+\S", info.stdout)
    assert "A4" in info.stdout


@pytest.mark.parametrize("kind", ["order", "announcement", "circular", "slip", "memo"])
def test_paragraphs_present_whole(samples, kind):
    """Each paragraph reads back in one piece once whitespace and U+200B are removed."""
    text = squash(pdftotext(samples[kind]))
    text = text.replace("-๒-", "")  # a page number may sit between two lines
    for src in _sources(kind):
        assert squash(apply_digits(src, "thai")) in text, src[:40]


@pytest.mark.parametrize("kind", SAMPLE_KINDS)
def test_every_word_present(samples, kind):
    text = squash(pdftotext(samples[kind]))
    from ethics_tui.thai.wordbreak import words

    for src in _sources(kind):
        for w in words(apply_digits(src, "thai")):
            assert squash(w) in text, w


@pytest.mark.parametrize("kind", SAMPLE_KINDS)
def test_text_layer_intact(samples, kind):
    """With /ActualText, pdftotext gives back (almost) every word intact."""
    ok, total = intact_words(pdftotext(samples[kind]), [apply_digits(s, "thai") for s in _sources(kind)])
    assert total > 20
    assert ok / total >= 0.99, f"{ok}/{total}"


def test_page_numbers_from_page_two(samples):
    ps = pages(samples["report"])
    assert len(ps) >= 3
    assert "- ๑ -" not in ps[0]
    for n, page in enumerate(ps[1:], 2):
        assert f"- {apply_digits(n, 'thai')} -" in page


@pytest.mark.parametrize(
    ("kind", "heads"),
    [
        ("signoff", ["ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "ลายมือชื่อ", "วันที่", "หมายเหตุ"]),
        ("report", ["ขั้นตอน/วิธีการปฏิบัติ", "หน่วยงานผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"]),
    ],
)
def test_header_repeats_on_every_page(samples, kind, heads):
    ps = pages(samples[kind])
    assert len(ps) >= 3
    for page in ps:
        flat = squash(page)
        for h in heads:
            assert squash(h) in flat


def test_report_continued_rows_and_groups(samples):
    ps = pages(samples["report"])
    continued = [p for p in ps if "(ต่อ)" in p]
    assert len(continued) >= 3
    # the measure's group row is repeated on the pages its row continues on
    for page in continued:
        assert re.search(r"[๑-๙]\.มาตรการ", squash(page))


def test_signoff_groups_and_total(samples):
    text = squash(pdftotext(samples["signoff"]))
    n = len(S.sample_signoff().people)
    assert squash(f"รวมทั้งสิ้น {apply_digits(n, 'thai')} คน") in text
    for division in {p.division for p in S.sample_signoff().people}:
        assert squash(division) in text


def test_digits_setting_obeyed(samples, samples_arabic):
    for kind in ("order", "signoff", "slip"):
        thai = pdftotext(samples[kind])
        arabic = pdftotext(samples_arabic[kind])
        assert not re.search(r"[0-9]", thai), kind
        assert not re.search(f"[{THAI_DIGITS}]", arabic), kind
    assert "ที่ ๑๒๓/๒๕๖๘" in pdftotext(samples["order"])
    assert "ที่ 123/2568" in pdftotext(samples_arabic["order"])
    assert "สั่ง ณ วันที่ ๒๕ พฤศจิกายน พ.ศ. ๒๕๖๘" in pdftotext(samples["order"])


def test_names_never_split(samples):
    """Every person's name sits whole on one line of the PDF."""
    for kind, names in (
        ("signoff", [p.name for p in S.sample_signoff().people]),
        ("order", [m.name for b in S.sample_order().body if isinstance(b, Members) for m in b.members]),
    ):
        lines = [squash(ln) for ln in pdftotext(samples[kind]).splitlines()]
        for name in names:
            assert any(squash(name) in ln for ln in lines), (kind, name)


def test_continued_rows_say_ต่อ_with_a_space_and_table_lines_keep_apart(samples):
    """Item 10: "(ต่อ) แต่งตั้ง…" not "(ต่อ)แต่งตั้ง"; table lines never touch (boxes apart)."""
    from ethics_tui.pdf.pagecheck import overlaps, read_pages

    raw = pdftotext(samples["report"])
    assert "(ต่อ) " in raw and not re.search(r"\(ต่อ\)[^\s]", raw)
    for page in read_pages(samples["report"]):
        assert overlaps(page, tol=0.1) == []


@pytest.mark.parametrize("kind", ["circular", "order", "memo"])
def test_default_pdftotext_reads_top_to_bottom_with_real_boxes(samples, kind):
    """Item 7: poppler's default and -layout modes read the page as a person does, and
    -bbox-layout gives each line a real box (not 1 pt × 0 pt)."""
    import subprocess

    from ethics_tui.pdf.pagecheck import read_pages

    for mode in ([], ["-layout"]):
        text = subprocess.run(
            ["pdftotext", *mode, "-f", "1", "-l", "1", str(samples[kind]), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        flat = squash(text)
        if kind == "memo":
            assert flat.index("บันทึกข้อความ") < flat.index("ส่วนราชการ") < flat.index("เรียน")
        else:
            assert flat.index("เรื่อง") < flat.rindex("(")  # heading before the signature
    for page in read_pages(samples[kind]):
        assert all(ln.x1 - ln.x0 > 3 and ln.y1 - ln.y0 > 5 for ln in page.lines)
