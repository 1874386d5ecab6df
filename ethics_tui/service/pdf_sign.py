"""PAdES signatures on exported PDFs with the office's certificate (a ``.p12`` file), optional.

pyHanko (MIT) is needed only here and is imported lazily; without it the program works as before
and signing says so in Thai. The passphrase is never stored: it is asked each time. A signed file
is recorded like any export (its new SHA-256), so ``verify-pdf`` knows it, and ``check`` reports
whether each signature is intact and covers the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ethics_tui.errors import UserError
from ethics_tui.service.access import require
from ethics_tui.service.context import Context

TABLE = "pdf_signing"
FIELD = "ethics-tui-signature"
BOX = (340, 24, 570, 78)  # bottom right of the last page, in PDF points (A4 portrait or landscape)


def available() -> bool:
    try:
        import pyhanko.sign  # noqa: F401
    except ImportError:
        return False
    return True


def _need() -> None:
    if not available():
        raise UserError(
            "ยังไม่ได้ติดตั้งส่วนลงลายมือชื่ออิเล็กทรอนิกส์ (pip install pyhanko)", "PDF signing needs pyHanko (pip install pyhanko)"
        )


def get_p12(ctx: Context) -> str:
    doc = ctx.store.load().get(TABLE, {}).get("1") or {}
    return str(doc.get("p12", ""))


def set_p12(ctx: Context, path: str) -> str:
    """The office's certificate file (.p12 / .pfx); "" to stop signing."""
    require(ctx, "settings.write")
    path = str(path or "").strip()
    if path and Path(path).suffix.lower() not in (".p12", ".pfx"):
        raise UserError("ใช้ไฟล์ใบรับรองชนิด .p12 หรือ .pfx", "Use a .p12 or .pfx certificate file")
    if path:
        read_p12(path)  # there, a regular file of a sane size
    with ctx.store.transaction(actor=ctx.actor) as tx:
        tx.put(TABLE, 1, {"p12": path})
        tx.log("update", TABLE, 1, ["p12"])
    return path


def read_p12(p12: str | Path) -> bytes:
    """The certificate file's bytes: a regular file of at most SMALL_FILE_MAX_BYTES (a FIFO or
    /dev/zero is refused; service/input_files.py)."""
    from ethics_tui.service.input_files import SMALL_FILE_MAX_BYTES, read_regular

    return read_regular(p12, SMALL_FILE_MAX_BYTES, "ไฟล์ใบรับรอง", "certificate file")


def load_signer(p12: str | Path, passphrase: str, data: bytes | None = None):
    """The signer in the certificate file ``p12`` (its bytes ``data`` when already read)."""
    _need()
    import logging

    from pyhanko.sign import signers

    data = read_p12(p12) if data is None else data
    quiet = logging.getLogger("pyhanko")
    level, quiet.level = quiet.level, logging.CRITICAL  # a wrong passphrase is our message, not a logged traceback
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(data, set(), passphrase=passphrase.encode("utf-8") or None)
    except Exception:  # a hostile file may fail anywhere inside the parser
        signer = None
    finally:
        quiet.setLevel(level)
    if signer is None:
        raise UserError("รหัสผ่านของไฟล์ใบรับรองไม่ถูกต้อง หรือไฟล์เสีย", "Wrong certificate passphrase, or a damaged file")
    return signer


def read_pdf(path: Path | str) -> bytes:
    """The bytes of a PDF to sign, checked to be one pyHanko can add a signature to: a regular
    file of at most PDF_MAX_BYTES that parses. Raises UserError (Thai/English) otherwise."""
    _need()
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from ethics_tui.service.input_files import PDF_MAX_BYTES, read_regular

    data = read_regular(path, PDF_MAX_BYTES, "ไฟล์ PDF", "PDF file")
    try:
        IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception as exc:  # PdfReadError and whatever else a damaged file raises
        raise _not_a_pdf(path, exc) from None
    return data


def _not_a_pdf(path, exc: Exception) -> UserError:
    return UserError(
        f"ไฟล์ {path} ไม่ใช่ PDF ที่อ่านได้ (ไฟล์เสียหรือไม่ใช่ PDF) — ไม่ได้ลงลายมือชื่อ",
        f"{path} is not a readable PDF (damaged or not a PDF; {type(exc).__name__}); nothing was signed",
    )


def sign(
    ctx: Context,
    path: Path | str,
    signer,
    *,
    reason: str = "Evidence for the ITA",
    out: Path | str | None = None,
    kind: str = "signed-pdf",
) -> Path:
    """Sign ``path`` (PAdES baseline B) with a visible box on the last page; in place by default."""
    _need()
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    from ethics_tui.service.exports import record_export
    from ethics_tui.store.atomic import atomic_write_bytes

    path = Path(path)
    out = Path(out) if out else path
    source = read_pdf(path)  # bounded, regular, parses
    try:
        w = IncrementalPdfFileWriter(io.BytesIO(source), strict=False)
        fields.append_signature_field(w, fields.SigFieldSpec(FIELD, box=BOX, on_page=-1))
        meta = signers.PdfSignatureMetadata(field_name=FIELD, reason=reason, subfilter=fields.SigSeedSubFilter.PADES)
        style = TextStampStyle(stamp_text="Digitally signed by: %(signer)s\nTime: %(ts)s")
        data = signers.PdfSigner(meta, signer=signer, stamp_style=style).sign_pdf(w).getvalue()
    except OSError as exc:
        raise UserError(f"ลงลายมือชื่อไฟล์ {path} ไม่ได้ ({exc.strerror})", f"Cannot sign {path} ({exc.strerror})") from None
    except Exception as exc:  # a damaged file may fail anywhere inside pyHanko
        raise _not_a_pdf(path, exc) from None
    atomic_write_bytes(out, data)
    record_export(ctx, out, kind, path.name)
    return out


@dataclass
class SignatureCheck:
    signer: str
    intact: bool  # the signed bytes are unchanged
    whole_file: bool  # nothing was added after the signature
    trusted: bool  # chains to a trusted root; no trust list is configured yet, so False (said in the message)
    signed_at: str

    def message(self, lang: str = "th") -> str:
        ok = self.intact and self.whole_file
        if lang == "en":
            return (
                f"signature by {self.signer}: {'intact, covers the whole file' if ok else 'BROKEN or the file was changed after signing'}"  # noqa: E501 - one message
                f"{'' if self.trusted else ' (the certificate itself was not checked against a trust list)'}"
            )
        return (
            f"ลายมือชื่ออิเล็กทรอนิกส์ของ {self.signer}: {'ถูกต้อง ครอบคลุมทั้งไฟล์' if ok else 'ไม่ถูกต้อง หรือไฟล์ถูกแก้ไขหลังลงนาม'}"
            f"{'' if self.trusted else ' (ยังไม่ได้ตรวจใบรับรองกับผู้ให้บริการออกใบรับรอง)'}"
        )


def check(path: Path | str) -> list[SignatureCheck]:
    """Every signature of ``path`` (empty when unsigned or when pyHanko is not installed)."""
    if not available():
        return []
    import logging

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature

    out = []
    quiet = logging.getLogger("pyhanko")
    level, quiet.level = quiet.level, logging.CRITICAL  # a self-made certificate is reported below, not logged
    try:
        return _check(path, PdfFileReader, validate_pdf_signature, out)
    finally:
        quiet.setLevel(level)


def _check(path, PdfFileReader, validate_pdf_signature, out: list) -> list:
    from ethics_tui.service.input_files import PDF_MAX_BYTES, open_regular

    f, _size = open_regular(path, PDF_MAX_BYTES, "ไฟล์ PDF", "PDF file")
    with f:
        try:
            reader = PdfFileReader(f, strict=False)
            sigs = list(reader.embedded_signatures)
        except Exception:
            return []
        from pyhanko_certvalidator import ValidationContext

        for sig in sigs:
            # no trust list: the office's own certificate is usually self-issued; integrity is what we check
            status = validate_pdf_signature(sig, signer_validation_context=ValidationContext(trust_roots=[]))
            cover = getattr(status.coverage, "name", str(status.coverage))
            subject = status.signing_cert.subject
            name = subject.native.get("common_name") or subject.human_friendly
            out.append(
                SignatureCheck(
                    str(name),
                    bool(status.intact and status.valid),
                    cover == "ENTIRE_FILE",
                    bool(status.trusted),
                    str(getattr(status, "signer_reported_dt", "") or ""),
                )
            )
    return out
