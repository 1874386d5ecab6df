"""The office emblem: 3 cm high and centred on orders; a bad image file is a clear error."""

import subprocess

import pytest
from PIL import Image

from ethics_tui.errors import UserError
from ethics_tui.pdf.samples import sample_order, sample_settings
from ethics_tui.pdf.order import render_order


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
