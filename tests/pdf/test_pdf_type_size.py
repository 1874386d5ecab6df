"""Type size: consonants as tall as TH Sarabun New's at the nominal size (issue 13 item 1)."""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image

from ethics_tui.model.settings import OfficeSettings
from ethics_tui.pdf import fonts
from ethics_tui.pdf.base import ThaiPDF

MM_PER_PT = 25.4 / 72
DPI = 600


def _consonant_height_mm(tmp_path, size: float) -> float:
    """Render a line of ก (no marks, no descenders) and measure its inked height."""
    pdf = ThaiPDF(OfficeSettings(office_name="ทดสอบ"))
    pdf.add_page()
    pdf.style("", size)
    pdf.set_xy(40, 40)
    pdf.text_line("กกกกกกกกกก", 100)
    path = pdf.save(tmp_path / f"k{size}.pdf")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(DPI),
            "-gray",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(path),
            str(tmp_path / f"k{size}"),
        ],
        check=True,
    )
    img = Image.open(tmp_path / f"k{size}.png").point(lambda v: 255 if v < 128 else 0)
    box = img.getbbox()
    assert box is not None
    return (box[3] - box[1]) / DPI * 25.4


@pytest.mark.parametrize("size", [16, 14])
def test_consonant_height_matches_th_sarabun_new(tmp_path, size):
    got = _consonant_height_mm(tmp_path, size)
    want = size * fonts.TH_SARABUN_XH * MM_PER_PT  # 16 pt → 2.26 mm
    unscaled = size * fonts.SARABUN_XH * MM_PER_PT  # what 16 pt Sarabun printed: 3.31 mm
    assert abs(got - want) / want < 0.06, (got, want)
    assert abs(got - unscaled) / unscaled > 0.25


def test_font_used_is_in_the_metadata(tmp_path):
    pdf = ThaiPDF(OfficeSettings(office_name="ทดสอบ"))
    pdf.add_page()
    pdf.text_line("ทดสอบ")
    path = pdf.save(tmp_path / "m.pdf")
    assert fonts.font_note_of(path).startswith("font: Sarabun (bundled) scaled 0.683")
    info = subprocess.run(["pdfinfo", str(tmp_path / "m.pdf")], capture_output=True, text=True).stdout
    assert "font: Sarabun (bundled) scaled 0.683" in info


def test_a_th_sarabun_file_in_settings_is_used_at_the_nominal_size(tmp_path):
    # any TrueType file stands in for THSarabunNew.ttf; its bold sibling is found by name
    src = fonts.bundled().files
    (tmp_path / "THSarabunNew.ttf").write_bytes(open(src[""], "rb").read())
    (tmp_path / "THSarabunNew Bold.ttf").write_bytes(open(src["B"], "rb").read())
    choice = fonts.choose(str(tmp_path / "THSarabunNew.ttf"))
    assert choice.source == "settings" and choice.scale == 1.0
    assert choice.files["B"].endswith("THSarabunNew Bold.ttf")
    assert choice.files["I"].endswith("THSarabunNew.ttf")  # missing style: the regular file
    pdf = ThaiPDF(OfficeSettings(office_name="ทดสอบ", font_path=str(tmp_path / "THSarabunNew.ttf")))
    assert pdf.font_size_pt == 16
    assert "THSarabunNew.ttf" in pdf.font_choice.note


def test_fontconfig_fallback_is_not_taken_for_a_th_sarabun(monkeypatch):
    """fc-match always names some font; a DejaVu answer must not count as TH Sarabun."""
    monkeypatch.delenv("ETHICS_TUI_BUNDLED_FONT", raising=False)

    class Out:
        stdout = "DejaVu Sans\n/usr/share/fonts/DejaVuSans.ttf"

    monkeypatch.setattr(fonts.shutil, "which", lambda exe: "/usr/bin/fc-match")
    monkeypatch.setattr(fonts.subprocess, "run", lambda *a, **k: Out())
    monkeypatch.setattr(fonts, "_font_dirs", lambda: [])
    fonts.choose.cache_clear()
    try:
        assert fonts.choose("").source == "bundled"
    finally:
        fonts.choose.cache_clear()


def test_title_size_is_a_setting():
    pdf = ThaiPDF(OfficeSettings(office_name="ทดสอบ", title_pt=20))
    assert pdf.title_pt == 20
    with pytest.raises(Exception):
        OfficeSettings(office_name="ทดสอบ", title_pt=80).validate()


def test_title_size_setting_is_saved_and_used(demo_ctx, tmp_path):
    from dataclasses import replace

    from ethics_tui.errors import ValidationError
    from ethics_tui.pdf.order import render_order
    from ethics_tui.pdf.pagecheck import read_pages
    from ethics_tui.pdf.samples import sample_order
    from ethics_tui.service.settings import get_settings, save_settings

    s = save_settings(demo_ctx, replace(get_settings(demo_ctx), title_pt="20"))
    assert s.title_pt == 20
    with pytest.raises(ValidationError):
        save_settings(demo_ctx, replace(s, title_pt="ใหญ่"))
    with pytest.raises(ValidationError):
        save_settings(demo_ctx, replace(s, font_path="C:/Windows/Fonts/arial.otf"))
    heights = {}
    for pt in (16, 20):
        out = render_order(sample_order(), tmp_path / f"o{pt}.pdf", replace(s, title_pt=pt))
        first = next(ln for ln in read_pages(out)[0].lines if ln.text.startswith("คำสั่ง"))
        heights[pt] = first.y1 - first.y0
    assert heights[20] / heights[16] == pytest.approx(20 / 16, rel=0.03)
