"""Reading files the user points at (imports, enclosures) with bounded memory.

- Regular files only: a FIFO, ``/dev/zero``, a folder or a socket is refused with a clear
  message (a FIFO is opened non-blocking, so it cannot hang the program).
- Size limits (the constants below) are checked before reading, and again while reading.
- An XLSX is a zip: the members' total uncompressed size and each member's compression ratio
  are checked before openpyxl opens it, then the sheet is read in read-only streaming mode,
  stopping at the sheet's real data (a cell at XFD1048576 costs nothing).
- Copies stream in chunks.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from ethics_tui.errors import UserError

#: Largest staff / score import file (CSV or XLSX) read.
IMPORT_MAX_BYTES = 20 * 1024 * 1024
#: Largest enclosure copied into the data folder.
ENCLOSURE_MAX_BYTES = 50 * 1024 * 1024
#: Largest PDF checked (verify-pdf) or signed (report sign): far above any export of ours.
PDF_MAX_BYTES = 200 * 1024 * 1024
#: Largest small file named by the user: the appraisal criteria text, a .p12 certificate.
SMALL_FILE_MAX_BYTES = 1024 * 1024
#: An XLSX's members together may unpack to at most this many bytes...
XLSX_MAX_UNCOMPRESSED = 100 * 1024 * 1024
#: ...and no member larger than 1 MB unpacked may be compressed more than this.
XLSX_MAX_RATIO = 100
#: Rows and columns of a sheet that are read at most.
SHEET_MAX_ROWS = 50_000
SHEET_MAX_COLUMNS = 64
#: Reading stops after this many empty rows in a row (the sheet's real data has ended).
SHEET_EMPTY_ROWS_STOP = 1_000
CHUNK = 1 << 20


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.0f} MB"


def normalize_path(text: str | Path) -> Path:
    """A path as the officer typed, pasted or dropped it onto the terminal: surrounding quotes
    ('…' or "…", what a drag-and-drop adds), ``file://`` URIs (percent-escapes decoded),
    backslash-escaped spaces (``my\\ file.csv``, on POSIX only: on Windows a backslash is the
    separator) and a leading ``~`` are all understood. Pure: nothing is looked up on disk."""
    if isinstance(text, Path):
        return text.expanduser()
    s = (text or "").strip()
    while len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"":
        s = s[1:-1].strip()
    if s.lower().startswith("file://"):
        from urllib.parse import unquote, urlsplit

        parts = urlsplit(s)
        s = unquote(parts.path)
        if parts.netloc and parts.netloc.lower() != "localhost":
            s = f"//{parts.netloc}{s}"  # a network share
        if re.match(r"^/[A-Za-z]:", s):  # file:///C:/Users/... on Windows
            s = s[1:]
    elif os.sep == "/" and "\\" in s:
        s = re.sub(r"\\(.)", r"\1", s)
    return Path(s).expanduser()


def where_looked(path: Path) -> str:
    """The folder a (possibly relative) path was looked for in, in full."""
    return str(Path(os.path.abspath(path)).parent)


def removable_drives() -> list[Path]:
    """Folders where a USB drive or another disk shows up: ``/media/$USER/*``,
    ``/run/media/$USER/*`` and ``/mnt/*`` (Linux), ``/Volumes/*`` (macOS), and on Windows the
    drive letters other than the system drive."""
    import getpass

    out: list[Path] = []
    if os.name == "nt":
        import string

        system = os.environ.get("SystemDrive") or "C:"  # noqa: SIM112 - as Windows spells it.upper()[:1]
        out = [Path(f"{c}:\\") for c in string.ascii_uppercase if c != system and os.path.isdir(f"{c}:\\")]
        return out
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    roots = [Path("/media") / user, Path("/run/media") / user, Path("/mnt"), Path("/Volumes")]
    for root in roots:
        try:
            out.extend(sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")))
        except OSError:
            continue
    return out


def open_regular(path: Path | str, limit: int, what_th: str = "ไฟล์", what_en: str = "file"):
    """Open ``path`` for reading if it is a regular file of at most ``limit`` bytes.
    Returns (binary file object, size). Raises UserError (Thai/English) otherwise; a file not
    found names the folder it was looked for in."""
    path = normalize_path(path) if isinstance(path, str) else Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        folder = where_looked(path)
        raise UserError(
            f"ไม่พบ{what_th} {path.name} ในโฟลเดอร์ {folder}",
            f"{what_en.capitalize()} {path.name} not found in the folder {folder}",
        ) from None
    except OSError as exc:
        raise UserError(f"เปิด{what_th} {path} ไม่ได้: {exc.strerror}", f"Cannot open {path}: {exc.strerror}") from None
    _require_regular(path, st.st_mode, what_th, what_en)
    _require_size(path, st.st_size, limit, what_th, what_en)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise UserError(f"ไม่มีสิทธิ์อ่าน{what_th} {path}", f"No permission to read {path}") from None
    except OSError as exc:
        raise UserError(f"เปิด{what_th} {path} ไม่ได้: {exc.strerror}", f"Cannot open {path}: {exc.strerror}") from None
    try:
        st = os.fstat(fd)  # the file actually opened (it may have been swapped since the stat)
        _require_regular(path, st.st_mode, what_th, what_en)
        _require_size(path, st.st_size, limit, what_th, what_en)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb"), st.st_size


def _require_regular(path: Path, mode: int, what_th: str, what_en: str) -> None:
    if stat.S_ISDIR(mode):
        raise UserError(f"{path} เป็นโฟลเดอร์ ไม่ใช่{what_th}", f"{path} is a folder, not a {what_en}")
    if not stat.S_ISREG(mode):
        gap = " " if what_th[-1:].isascii() else ""  # "ไฟล์ PDF ที่…", "ไฟล์สำรองที่…"
        raise UserError(
            f"{path} ไม่ใช่ไฟล์ธรรมดา (เป็นอุปกรณ์ ท่อ หรือซ็อกเก็ต) — โปรดเลือก{what_th}{gap}ที่บันทึกไว้บนดิสก์",
            f"{path} is not a regular file (a device, pipe or socket); choose a {what_en} saved on disk",
        )


def _require_size(path: Path, size: int, limit: int, what_th: str, what_en: str) -> None:
    if size > limit:
        raise UserError(
            f"{what_th} {path} ใหญ่เกินไป ({_mb(size)}) — รับได้ไม่เกิน {_mb(limit)}",
            f"{path} is too large ({_mb(size)}); the limit is {_mb(limit)}",
        )


def read_regular(path: Path | str, limit: int, what_th: str = "ไฟล์", what_en: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (checked before and while reading)."""
    f, _size = open_regular(path, limit, what_th, what_en)
    with f:
        try:
            data = f.read(limit + 1)
        except OSError as exc:
            raise UserError(
                f"อ่าน{what_th} {path} ไม่ได้: {exc.strerror}", f"Cannot read {path}: {exc.strerror}"
            ) from None
    _require_size(Path(path), len(data), limit, what_th, what_en)
    return data


def copy_regular(src: Path | str, target_dir: Path, limit: int, what_th: str = "ไฟล์", what_en: str = "file"):
    """Stream a regular file into a temp file in ``target_dir`` while hashing it.
    Returns (temp path, sha256 hex). The caller renames or removes the temp file."""
    from ethics_tui.store.atomic import os_error, temp_path

    f, _size = open_regular(src, limit, what_th, what_en)
    target_dir.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(target_dir / "incoming")
    digest = hashlib.sha256()
    copied = 0
    try:
        with f, open(tmp, "xb") as out:
            while chunk := f.read(CHUNK):
                copied += len(chunk)
                _require_size(Path(src), copied, limit, what_th, what_en)
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise os_error(exc, tmp, "คัดลอกไฟล์", "copy the file") from exc
        raise
    return tmp, digest.hexdigest()


def keep_copy(tmp: Path, target: Path, field: str, what_th: str, what_en: str) -> bool:
    """Put a copy made by :func:`copy_regular` at its content-addressed ``target`` (a file of
    the same digest already there: the copy is dropped). True when the file is new. A failure
    removes the copy and is a ValidationError on ``field``."""
    from ethics_tui.errors import ValidationError

    try:
        if target.exists():
            tmp.unlink()
            return False
        os.replace(tmp, target)
        return True
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(
            {field: (f"บันทึก{what_th}ไม่ได้ ({exc.strerror})", f"cannot store the {what_en} ({exc.strerror})")}
        ) from None


def sha256_file(path: Path) -> str:
    with open(path, "rb") as f:
        return sha256_of(f)


def sha256_of(f, limit: int | None = None, path: Path | str = "") -> str:
    """SHA-256 of a binary file object read in chunks from where it stands; with ``limit``, a
    file that grows past it while being read is refused (a file from :func:`open_regular`)."""
    h = hashlib.sha256()
    read = 0
    while chunk := f.read(CHUNK):
        read += len(chunk)
        if limit is not None:
            _require_size(Path(path), read, limit, "ไฟล์", "file")
        h.update(chunk)
    return h.hexdigest()


# -- XLSX -----------------------------------------------------------------------------------
def check_zip_bomb(raw: bytes, path: Path) -> None:
    """Refuse an XLSX whose members would unpack to too much (before openpyxl opens it)."""
    import io
    import zipfile

    def refuse(th: str, en: str) -> UserError:
        return UserError(f"ไฟล์ Excel {path} ใช้ไม่ได้: {th}", f"{path} cannot be used: {en}")

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UserError(f"ไฟล์ Excel {path} เสียหายหรือไม่ใช่ .xlsx", f"{path} is not a valid .xlsx file ({exc})") from None
    if len(infos) > 10_000:
        raise refuse("มีไฟล์ย่อยมากผิดปกติ", "it holds too many parts")
    total = sum(i.file_size for i in infos)
    if total > XLSX_MAX_UNCOMPRESSED:
        raise refuse(
            f"เมื่อแตกไฟล์จะใหญ่ถึง {_mb(total)} (รับได้ไม่เกิน {_mb(XLSX_MAX_UNCOMPRESSED)})",
            f"it unpacks to {_mb(total)} (limit {_mb(XLSX_MAX_UNCOMPRESSED)})",
        )
    for i in infos:
        if i.file_size > (1 << 20) and i.file_size > XLSX_MAX_RATIO * max(i.compress_size, 1):
            raise refuse(
                f"ส่วน {i.filename} ถูกบีบอัดมากผิดปกติ (อาจเป็นไฟล์อันตราย)",
                f"part {i.filename} is compressed suspiciously much (a zip bomb?)",
            )


def read_sheet_rows(raw: bytes, path: Path) -> list[list[object]]:
    """The first sheet's rows (streaming, bounded): at most SHEET_MAX_COLUMNS columns, stops
    after SHEET_EMPTY_ROWS_STOP empty rows; more than SHEET_MAX_ROWS rows with data is refused."""
    import io
    import zipfile

    from openpyxl import load_workbook

    check_zip_bomb(raw, path)
    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise UserError(f"ไฟล์ Excel {path} เสียหายหรือไม่ใช่ .xlsx", f"{path} is not a valid .xlsx file ({exc})") from None
    rows: list[list[object]] = []
    try:
        if not wb.worksheets:
            return rows
        ws = wb.worksheets[0]
        empty = 0
        pending = 0  # empty rows not yet appended (dropped if no data follows)
        for values in ws.iter_rows(min_row=1, max_col=SHEET_MAX_COLUMNS, values_only=True):
            if all(v is None or v == "" for v in values):
                empty += 1
                pending += 1
                if empty >= SHEET_EMPTY_ROWS_STOP:
                    break
                continue
            empty = 0
            rows.extend([] for _ in range(pending))
            pending = 0
            if len(rows) >= SHEET_MAX_ROWS:
                raise UserError(
                    f"ไฟล์ {path} มีเกิน {SHEET_MAX_ROWS:,} แถว — แบ่งเป็นหลายไฟล์",
                    f"{path} has more than {SHEET_MAX_ROWS:,} rows; split it",
                )
            row = list(values)
            while row and row[-1] is None:
                row.pop()
            rows.append(row)
    except UserError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise UserError(f"ไฟล์ Excel {path} เสียหาย", f"{path} is damaged ({exc})") from None
    finally:
        wb.close()
    return rows
