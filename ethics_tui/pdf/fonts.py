"""Which font the documents are set in, and at what real size.

Thai official letters are typed in TH Sarabun New / TH SarabunPSK / TH SarabunIT๙ at 16 pt.
Those fonts have small glyphs on a large em: the height of ก is 0.400 em (TH Sarabun New),
against 0.586 em in Google's Sarabun (measured with fontTools; น: 0.408 vs 0.596). Every size
in the layouts is therefore a *nominal* TH Sarabun size:

- when a TH Sarabun family font is found (a file chosen in settings, the Windows fonts
  folders, or fontconfig's ``fc-match``), it is used at the nominal size;
- otherwise the bundled Sarabun is set at ``nominal × 0.400 / 0.586`` (16 pt → 10.9 pt), so
  that its consonants are exactly as tall as TH Sarabun New's at 16 pt.

The choice is recorded in the PDF's keywords (``font: …``) and reported by ``verify-pdf``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: consonant (ก) height in em, measured with fontTools
SARABUN_XH = 0.586
TH_SARABUN_XH = 0.400
SARABUN_SCALE = TH_SARABUN_XH / SARABUN_XH  # 0.683
STYLES = ("", "B", "I", "BI")
_SARABUN_FILES = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}
#: file stems of the TH Sarabun family, best first (TH Sarabun New is the free, current one)
_TH_STEMS = ("THSarabunNew", "THSarabunPSK", "THSarabunIT๙", "THSarabunIT9")
_TH_SUFFIX = {
    "": ("",),
    "B": (" Bold", "-Bold", "Bold"),
    "I": (" Italic", "-Italic", "Italic"),
    "BI": (" BoldItalic", "-BoldItalic", "BoldItalic", " Bold Italic"),
}
_FC_FAMILIES = ("TH Sarabun New", "TH SarabunPSK", "TH SarabunIT๙")


@dataclass(frozen=True)
class FontChoice:
    family: str  # the name the document registers the font under
    files: dict  # style -> path of a TrueType file
    scale: float  # real size = nominal size × scale
    xh: float  # consonant height in em (for vertical centring)
    source: str  # "settings", "system" or "bundled"

    @property
    def note(self) -> str:
        """One line for the PDF metadata and ``verify-pdf``."""
        if self.source == "bundled":
            return (
                f"font: Sarabun (bundled) scaled {self.scale:.3f} to the glyph size of "
                "TH Sarabun New at the nominal size"
            )
        return f"font: {self.family} ({self.source}: {Path(self.files['']).name}) at the nominal size"


def font_dir() -> Path:
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.__file__).parent / "files"


def bundled() -> FontChoice:
    files = {s: str(font_dir() / f"Sarabun-{stem}.ttf") for s, stem in _SARABUN_FILES.items()}
    return FontChoice("Sarabun", files, SARABUN_SCALE, SARABUN_XH, "bundled")


#: Largest font file used (TH Sarabun New is 0.4 MB; fpdf2 reads a font whole).
FONT_MAX_BYTES = 50 * 1024 * 1024


def _usable(path: Path) -> bool:
    """A regular file (not a FIFO or a device) of at most FONT_MAX_BYTES."""
    import stat

    try:
        st = path.stat()
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and st.st_size <= FONT_MAX_BYTES


def _siblings(regular: Path) -> dict:
    """The bold/italic files next to a TH Sarabun regular file (missing styles use regular)."""
    stem, ext = regular.stem, regular.suffix
    files = {"": str(regular)}
    try:
        present = {p.name.lower(): p for p in regular.parent.iterdir()}
    except OSError:
        present = {}
    for style in STYLES[1:]:
        for suffix in _TH_SUFFIX[style]:
            hit = present.get(f"{stem}{suffix}{ext}".lower())
            if hit is not None and _usable(hit):
                files[style] = str(hit)
                break
        else:
            files[style] = files["B"] if style == "BI" and "B" in files else str(regular)
    return files


def _font_dirs() -> list[Path]:
    dirs = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")  # noqa: SIM112 - the name Windows sets
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    dirs += [Path.home() / "Library" / "Fonts", Path("/Library/Fonts")]
    return dirs


def _from_dirs() -> Path | None:
    for d in _font_dirs():
        for stem in _TH_STEMS:
            for ext in (".ttf", ".TTF"):
                p = d / f"{stem}{ext}"
                if p.is_file():
                    return p
    return None


def _from_fontconfig() -> Path | None:
    exe = shutil.which("fc-match")
    if not exe:
        return None
    for family in _FC_FAMILIES:
        try:
            out = subprocess.run(
                [exe, "-f", "%{family}\n%{file}", f"{family}:style=Regular"], capture_output=True, text=True, timeout=5
            )
        except (OSError, subprocess.SubprocessError):
            return None
        fam, _, file = out.stdout.partition("\n")
        # fc-match always answers with some font: accept it only if it is the family asked for
        if family.replace(" ", "").lower() in fam.replace(" ", "").lower() and file.lower().endswith(".ttf"):
            return Path(file)
    return None


@lru_cache(maxsize=8)
def choose(font_path: str = "") -> FontChoice:
    """The font for documents: the file in settings, else a system TH Sarabun, else Sarabun."""
    if font_path:
        p = Path(font_path).expanduser()
        if p.suffix.lower() == ".ttf" and _usable(p):
            return FontChoice("THSarabun", _siblings(p), 1.0, TH_SARABUN_XH, "settings")
    if os.environ.get("ETHICS_TUI_BUNDLED_FONT"):  # tests and reproducible output
        return bundled()
    found = _from_dirs() or _from_fontconfig()
    if found is not None:
        return FontChoice("THSarabun", _siblings(found), 1.0, TH_SARABUN_XH, "system")
    return bundled()


def font_note_of(source) -> str:
    """The ``font: …`` note that this program wrote into a PDF's keywords ("" if none).
    ``source`` is a path or a seekable binary file; either way it is read in chunks (the last
    64 KB first, where the note usually is), never whole."""
    if isinstance(source, (str, Path)):
        with open(source, "rb") as f:
            return font_note_of(f)
    import re

    pattern = re.compile(rb"/Keywords \(((?:\\.|[^\\)])*)\)")
    tail = 65536
    end = source.seek(0, 2)
    source.seek(max(0, end - tail))
    m = pattern.search(source.read(tail))
    source.seek(0)
    carry = b""
    while not m and (chunk := source.read(1 << 20)):
        window = carry + chunk
        m = pattern.search(window)
        carry = window[-4096:]  # a note cut between two chunks is found in the next window
    if not m:
        return ""
    text = re.sub(rb"\\(.)", rb"\1", m.group(1)).decode("latin-1")
    return text if text.startswith("font: ") else ""


def describe(font_path: str = "") -> tuple[str, str]:
    """(Thai, English) line saying which font documents will be set in."""
    c = choose(font_path or "")
    if c.source == "bundled":
        return (
            f"แบบอักษรเอกสาร: Sarabun (ติดมากับโปรแกรม) ย่อเป็น {c.scale:.3f} ให้เท่าขนาด TH Sarabun New — "
            "ติดตั้ง TH Sarabun New หรือระบุไฟล์ในหน้าตั้งค่าเพื่อใช้แบบอักษรเดียวกับหนังสือราชการ",
            c.note,
        )
    return f"แบบอักษรเอกสาร: {c.family} ({Path(c.files['']).name})", c.note
