"""Images the documents draw (the office emblem), checked before fpdf2 decodes them.

fpdf2 unpacks an image whole: a 0.5 MB PNG of 13000 x 13000 pixels becomes 500 MB of pixels
and more while it is compressed again (a decompression bomb). Pillow reads an image's size
from its header without decoding it, so :func:`image_problem` refuses a file that is not a
regular PNG/JPEG of at most ``max_bytes`` and ``max_side`` pixels a side, cheaply. Settings
check a newly chosen emblem with it; the PDF checks an emblem set before, on every document.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: Largest emblem file and image side (pixels) accepted: a 3 cm emblem printed at 600 dpi is
#: about 700 pixels high, so 4000 is far more than any document needs.
EMBLEM_MAX_BYTES = 5 * 1024 * 1024
EMBLEM_MAX_SIDE = 4000


def image_problem(
    path: Path | str, max_bytes: int = EMBLEM_MAX_BYTES, max_side: int = EMBLEM_MAX_SIDE
) -> tuple[str, str] | None:
    """(Thai, English) why ``path`` cannot be drawn, or None when it is a regular PNG/JPEG file
    of at most ``max_bytes`` whose header gives at most ``max_side`` pixels a side."""
    import warnings

    try:
        st = os.stat(path)
    except OSError as exc:
        return f"เปิดไฟล์ไม่ได้ ({exc.strerror})", f"cannot open it ({exc.strerror})"
    if not stat.S_ISREG(st.st_mode):
        return "ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์ อุปกรณ์ หรือท่อ)", "it is not a regular file (a folder, device or pipe)"
    if st.st_size > max_bytes:
        mb = max_bytes // (1024 * 1024)
        return f"ไฟล์ใหญ่เกิน {mb} MB", f"the file is larger than {mb} MB"
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as im:  # reads the header only
                (width, height), kind = im.size, im.format
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return "อ่านเป็นภาพไม่ได้ (ไฟล์เสียหรือไม่ใช่ภาพ)", "it cannot be read as an image (damaged or not an image)"
    if kind not in ("PNG", "JPEG"):
        return "ไม่ใช่ภาพ PNG หรือ JPEG", "it is not a PNG or JPEG image"
    if width > max_side or height > max_side:
        return (
            f"ภาพมีขนาด {width:,}×{height:,} จุด ใหญ่เกินไป (ย่อภาพให้ไม่เกิน {max_side:,}×{max_side:,} จุด)",
            f"the image is {width:,}x{height:,} pixels (shrink it to at most {max_side:,}x{max_side:,})",
        )
    return None
