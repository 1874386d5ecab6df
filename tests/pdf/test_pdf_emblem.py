"""The office emblem: 3 cm high and centred on orders; a bad image file is a clear error."""

import subprocess

import pytest
from PIL import Image

from ethics_tui.errors import UserError
from ethics_tui.pdf import pagecheck
from ethics_tui.pdf.order import render_order
from ethics_tui.pdf.samples import sample_order, sample_settings


def test_emblem_is_drawn_3cm_high_and_centred(tmp_path):
    png = tmp_path / "emblem.png"
    Image.new("RGB", (300, 300), (200, 160, 0)).save(png)
    settings = sample_settings()
    settings.emblem_path = str(png)
    out = render_order(sample_order(), tmp_path / "o.pdf", settings)
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    rows = [line for line in listing.splitlines()[2:] if line.strip()]
    assert len(rows) == 1 and rows[0].split()[0] == "1"  # one image, on page 1
    # 3 cm high at 300 px: 300 px / (30 mm / 25.4) = 254 dpi
    assert rows[0].split()[12] == "254"
    plain = render_order(sample_order(), tmp_path / "plain.pdf", sample_settings())
    listing = subprocess.run(["pdfimages", "-list", str(plain)], capture_output=True, text=True, check=True).stdout
    assert len([line for line in listing.splitlines()[2:] if line.strip()]) == 0


def test_a_damaged_emblem_file_is_reported(tmp_path):
    bad = tmp_path / "emblem.png"
    bad.write_bytes(b"not an image")
    settings = sample_settings()
    settings.emblem_path = str(bad)
    with pytest.raises(UserError) as exc:
        render_order(sample_order(), tmp_path / "o.pdf", settings)
    assert "ตราสัญลักษณ์" in exc.value.th


def test_an_emblem_set_before_the_pixel_check_is_refused_before_decoding(tmp_path):
    """An emblem chosen before settings checked the pixel size (a 13000 x 13000 PNG, a
    decompression bomb for fpdf2) is refused from its header, before any pixel is unpacked."""
    from image_files import png_header

    settings = sample_settings()
    settings.emblem_path = str(png_header(tmp_path / "emblem.png", 13000, 13000))
    with pytest.raises(UserError) as exc:
        render_order(sample_order(), tmp_path / "o.pdf", settings)
    assert "13,000×13,000" in exc.value.th and "4,000" in exc.value.th and "ตั้งค่า" in exc.value.th
    assert not (tmp_path / "o.pdf").exists()


def _emblem_box_mm(pdf_path, tmp_path):
    """(left, top, width, height) in mm of the emblem's colour on page 1."""
    subprocess.run(
        ["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf_path), str(tmp_path / "p")],
        check=True,
    )
    img = Image.open(tmp_path / "p.png").convert("RGB")
    mask = img.point(lambda v: 0).convert("L")
    px = img.load()
    m = mask.load()
    for yy in range(img.height):
        for xx in range(img.width):
            r, g, b = px[xx, yy]
            if abs(r - 200) < 30 and abs(g - 160) < 30 and b < 40:
                m[xx, yy] = 255
    x0, y0, x1, y1 = mask.getbbox()
    k = 25.4 / 100
    return x0 * k, y0 * k, (x1 - x0) * k, (y1 - y0) * k


@pytest.fixture
def emblem_settings(tmp_path):
    png = tmp_path / "emblem.png"
    Image.new("RGB", (300, 300), (200, 160, 0)).save(png)
    settings = sample_settings()
    settings.emblem_path = str(png)
    return settings


def test_circular_external_form_has_a_3cm_centred_emblem(tmp_path, emblem_settings):
    from ethics_tui.pdf.circular import render_circular
    from ethics_tui.pdf.samples import sample_circular

    out = render_circular(sample_circular(), tmp_path / "c.pdf", emblem_settings)
    left, _top, w, h = _emblem_box_mm(out, tmp_path)
    assert abs(h - 30) < 1
    # centred on the text column (3 cm left, 2 cm right: 110 mm), the axis of the centred
    # lines under it, as a centred paragraph in Word; it was on the page's centre, 5 mm off them
    assert abs((left + w / 2) - 110) < 1.0


def test_order_emblem_and_heading_share_one_axis(tmp_path, emblem_settings):
    out = render_order(sample_order(), tmp_path / "o.pdf", emblem_settings)
    left, _top, w, _h = _emblem_box_mm(out, tmp_path)
    heading = next(ln for ln in pagecheck.read_pages(out)[0].lines if ln.text.startswith("คำสั่ง"))
    axis = (heading.x0 + heading.x1) / 2 / pagecheck.MM
    assert abs((left + w / 2) - axis) < 1.0, (left + w / 2, axis)


def test_memo_has_a_15mm_emblem_at_the_top_left(tmp_path, emblem_settings):
    from ethics_tui.pdf.memo import render_memo
    from ethics_tui.pdf.samples import sample_memo

    out = render_memo(sample_memo(), tmp_path / "m.pdf", emblem_settings)
    left, top, _w, h = _emblem_box_mm(out, tmp_path)
    assert abs(h - 15) < 1
    assert abs(left - 30) < 1.5 and top < 25  # at the left margin, at the top


def test_circular_in_memo_form_for_own_staff(tmp_path, emblem_settings):
    from dataclasses import replace

    from ethics_tui.pdf.circular import render_circular
    from ethics_tui.pdf.samples import sample_circular
    from ethics_tui.pdf.textlayer import pdftotext, squash

    doc = replace(sample_circular(), form="memo")
    out = render_circular(doc, tmp_path / "c.pdf", emblem_settings)
    text = squash(pdftotext(out))
    assert "บันทึกข้อความ" in text and "ส่วนราชการ" in text
    assert "/ว" in text  # the circular's own series, "ที่ <prefix>/ว N"
    assert "ขอแสดงความนับถือ" not in text  # the external letter's sign-off is not in a memo
    left, _top, _w, h = _emblem_box_mm(out, tmp_path)
    assert abs(h - 15) < 1 and abs(left - 30) < 1.5


@pytest.mark.parametrize("kind", ["order", "memo", "circular"])
def test_without_an_emblem_file_the_space_says_so(tmp_path, kind):
    from ethics_tui.pdf import write_sample
    from ethics_tui.pdf.textlayer import pdftotext, squash

    out = write_sample(kind, tmp_path / f"{kind}.pdf", sample_settings())
    page1 = squash(pdftotext(out).split("\f")[0])
    assert "ตราครุฑ" in page1 and squash("ในหน้าตั้งค่า") in page1
