"""PAdES signatures on exported PDFs (optional, pyHanko): a visible box, verify-pdf reports the
signature, a change after signing is caught, the evidence folder can be signed."""

import io
import subprocess
import sys
from datetime import date

import pytest

from ethics_tui.errors import UserError
from ethics_tui.service import pdf_sign
from ethics_tui.thai.dates import fiscal_year
from p12_files import make_p12

YEAR = fiscal_year(date.today()) - 1  # the demo's report year
pytestmark = pytest.mark.skipif(not pdf_sign.available(), reason="pyHanko is not installed (pip install pyhanko)")


@pytest.fixture
def p12(tmp_path):
    return make_p12(tmp_path / "office.p12")


def test_sign_check_and_tamper(ctx, p12, tmp_path):
    from ethics_tui.pdf import write_sample

    pdf = write_sample("announcement", tmp_path / "a.pdf")
    with pytest.raises(UserError, match="รหัสผ่าน"):
        pdf_sign.load_signer(p12, "wrong")
    out = pdf_sign.sign(ctx, pdf, pdf_sign.load_signer(p12, "secret"), out=tmp_path / "signed.pdf")
    [sig] = pdf_sign.check(out)
    assert sig.signer == "Ban Don Kaeo SAO" and sig.intact and sig.whole_file and not sig.trusted
    assert "ถูกต้อง" in sig.message() and "ยังไม่ได้ตรวจใบรับรอง" in sig.message()
    assert pdf_sign.check(pdf) == []  # the original is unsigned
    # the visible box is drawn on the page (rendered, since the stamp is an annotation appearance)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    last = next(ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:"))
    for src, stem in ((out, "page"), (pdf, "plain")):
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", "-f", last, "-l", last, str(src), str(tmp_path / stem)], check=True
        )
    signed_png = next(tmp_path.glob("page*.png")).read_bytes()
    plain_png = next(tmp_path.glob("plain*.png")).read_bytes()
    assert signed_png != plain_png
    # one byte changed inside the signed range: no longer intact
    data = bytearray(out.read_bytes())
    i = data.index(b"/Producer") if b"/Producer" in data else 200
    data[i + 1] = ord("Q")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    checks = pdf_sign.check(bad)
    assert not checks or not (checks[0].intact and checks[0].whole_file)


def test_signing_setting_and_verify_pdf(demo_ctx, p12, tmp_path, monkeypatch, capsys):
    from ethics_tui.cli import main

    data = str(demo_ctx.store.dir)
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    assert main(["--data", data, "--user", "admin", "report", "signing", "--p12", str(p12)]) == 0
    assert pdf_sign.get_p12(demo_ctx) == str(p12)
    out = tmp_path / "ev"
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\nsecret\n"))  # sign-in, then the passphrase
    assert (
        main(["--data", data, "--user", "admin", "report", "evidence", "--fy", str(YEAR), "-o", str(out), "--sign"])
        == 0
    )
    o15 = out / f"O15-ethics-pack-{YEAR}.pdf"
    assert pdf_sign.check(o15)[0].intact
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo1234\n"))
    assert main(["--data", data, "--user", "viewer", "verify-pdf", str(o15)]) == 0
    assert "Ban Don Kaeo SAO" in capsys.readouterr().out
    with pytest.raises(UserError):
        pdf_sign.set_p12(pdf_sign_ctx(demo_ctx), str(tmp_path / "missing.p12"))


def pdf_sign_ctx(ctx):
    from ethics_tui.service.context import Context
    from ethics_tui.service.demo import demo_sign_in

    return demo_sign_in(Context(store=ctx.store), "admin")


def test_report_sign_checks_every_file_first_and_signs_none_when_one_is_bad(demo_ctx, p12, tmp_path, capsys):
    """One damaged PDF among several: a Thai message naming it, before the passphrase is asked,
    and the good files are left unsigned (all or none); the audit log is unchanged."""
    from ethics_tui.cli import main
    from ethics_tui.pdf import write_sample

    good = write_sample("announcement", tmp_path / "good.pdf")
    before = good.read_bytes()
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    audit = _audit_but_logins(demo_ctx)
    stdin = io.StringIO("demo1234\nsecret\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "stdin", stdin)
        rc = main(
            ["--data", str(demo_ctx.store.dir), "--user", "admin", "report", "sign", "--p12", str(p12)]
            + [
                str(good),
                str(garbage),
            ]
        )
    err = capsys.readouterr().err
    assert rc == 1 and "garbage.pdf" in err and "ไม่ใช่ PDF ที่อ่านได้" in err and "ไม่คาดคิด" not in err
    assert stdin.readline() == "secret\n"  # the passphrase was never asked
    assert good.read_bytes() == before
    assert _audit_but_logins(demo_ctx) == audit  # only the sign-in was recorded


def _audit_but_logins(ctx) -> list[str]:
    lines = (ctx.store.dir / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if '"action":"login"' not in ln]


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_certificate_that_is_not_a_regular_file_is_refused(demo_ctx, tmp_path, kind):
    import os

    path = tmp_path / "office.p12"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    with pytest.raises(UserError, match="ไม่ใช่ไฟล์ธรรมดา"):
        pdf_sign.load_signer(path, "secret")  # used to hang (FIFO) or end in MemoryError
    with pytest.raises(UserError, match="ไม่ใช่ไฟล์ธรรมดา"):
        pdf_sign.set_p12(pdf_sign_ctx(demo_ctx), str(path))
    assert pdf_sign.get_p12(demo_ctx) == ""
