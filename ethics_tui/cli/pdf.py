"""CLI commands of the PDF engine: ``pdf sample KIND -o FILE`` and ``verify-pdf FILE``.

Every PDF export is recorded in the audit log as action ``export-pdf`` with its SHA-256, kind
and record reference, so ``verify-pdf`` can tell whether a file is an unaltered export of this
office, and which one. Every document of every register is ``pdf KIND ... [-o FILE]``, made
from the documents table of the register specs (ethics_tui/registers/).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ethics_tui.cli.common import output_options
from ethics_tui.errors import UserError

# the record of exports lives in the service layer; these names stay importable from here
from ethics_tui.service.exports import EXPORT_ACTION, find_export, record_export  # noqa: F401


def add_commands(sub, common) -> None:
    from ethics_tui.pdf import SAMPLE_KINDS

    p = sub.add_parser("pdf", parents=[common], help="เอกสาร PDF / PDF documents")
    psub = p.add_subparsers(dest="pdf_command", required=True)
    s = psub.add_parser("sample", parents=[common], help="ตัวอย่างเอกสารแต่ละแบบ / a sample of each layout")
    s.add_argument("kind", choices=SAMPLE_KINDS)
    s.add_argument("-o", "--output", required=True)
    s.set_defaults(func=cmd_pdf_sample)
    g = psub.add_parser(
        "gallery",
        parents=[common],
        help="ทุกแบบเอกสารของสำนักงานเป็น PDF และ PNG / every document kind to PDF and PNG pages",
    )
    g.add_argument("-o", "--output", required=True, help="โฟลเดอร์ปลายทาง / output folder")
    g.add_argument(
        "--stress",
        type=int,
        metavar="N",
        help="สร้างสำนักงานทดสอบ N คนในโฟลเดอร์ข้อมูลว่างก่อน / first build a stress office of N staff",
    )
    g.add_argument("--check", action="store_true", help="อ่านทุกหน้ากลับมาตรวจ / read every page back and check it")
    g.set_defaults(func=cmd_pdf_gallery)
    add_document_commands(psub, common)

    v = sub.add_parser("verify-pdf", parents=[common], help="ตรวจว่า PDF เป็นต้นฉบับที่ส่งออกจากระบบ / check a PDF export")
    v.add_argument("file")
    v.set_defaults(func=cmd_verify_pdf)


def add_document_commands(psub, common) -> None:
    """``pdf KIND`` for each document of the register specs' documents tables."""
    from ethics_tui.registers import documents

    for _spec, doc in documents():
        where = (
            ("confidential-exports/ ในโฟลเดอร์ข้อมูล", "confidential-exports/ in the data folder")
            if doc.confidential
            else (f"{doc.file_name} ในโฟลเดอร์ส่งออก", f"{doc.file_name} in the export folder")
        )
        p = psub.add_parser(
            doc.kind,
            aliases=list(doc.aliases),
            parents=[common],
            help=f"{doc.title[0]} / {doc.title[1]}",
            description=f"{doc.title[0]} / {doc.title[1]}" + (" (ลับ / confidential)" if doc.confidential else ""),
        )
        for prm in doc.params:
            text = f"{prm.help[0]} / {prm.help[1]}"
            if not prm.option:
                p.add_argument(prm.name, type=int, nargs=None if prm.required else "?", help=text)
            elif prm.kind == "flag":
                p.add_argument(prm.option, dest=prm.name, action="store_true", help=text)
            elif prm.kind == "list":
                p.add_argument(prm.option, dest=prm.name, action="append", help=text)
            else:
                p.add_argument(
                    prm.option,
                    dest=prm.name,
                    required=prm.required,
                    help=text,
                    **({"choices": prm.choices} if prm.kind == "choice" else {"type": int}),
                )
        output_options(
            p, f"ไฟล์ PDF (ค่าเริ่มต้น: {where[0]}) / output file (default: {where[1]})", overwrite=not doc.confidential
        )
        p.set_defaults(func=cmd_pdf_document, doc_kind=doc.kind)


def cmd_pdf_document(args) -> int:
    from ethics_tui.cli.common import open_ctx, output_path, say
    from ethics_tui.registers import find_document
    from ethics_tui.service import documents
    from ethics_tui.service.access import require

    _spec, doc = find_document(args.doc_kind)
    ctx = open_ctx(args)
    params = {prm.name: getattr(args, prm.name) for prm in doc.params}
    require(ctx, doc.permission)  # before saying whether its file is there
    out = output_path(args, lambda: documents.default_path(ctx, doc.kind, **params))
    path = documents.write(ctx, doc.kind, out, **params)
    from ethics_tui.pdf.authenticity import sha256_file

    digest = sha256_file(path)[:16]
    say(args, f"เขียน PDF ไปที่ {path} (SHA-256 {digest}…)", f"Wrote {path} (SHA-256 {digest}…)")
    return 0


def cmd_pdf_sample(args) -> int:
    from ethics_tui.cli.common import open_ctx, say
    from ethics_tui.pdf import write_sample
    from ethics_tui.service.access import require
    from ethics_tui.service.settings import get_settings

    ctx = open_ctx(args)
    require(ctx, "pdf.export")
    settings = get_settings(ctx)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_sample(args.kind, out, settings if settings.configured else None)
    digest = record_export(ctx, out, f"sample-{args.kind}")
    say(
        args,
        f"เขียนตัวอย่าง {args.kind} ไปที่ {out} (SHA-256 {digest[:16]}…)",
        f"Wrote the {args.kind} sample to {out} (SHA-256 {digest[:16]}…)",
    )
    return 0


def cmd_pdf_gallery(args) -> int:
    from ethics_tui.cli.common import open_ctx, say
    from ethics_tui.service.context import Context
    from ethics_tui.service.gallery_pdf import build_stress_office, check_gallery, render_gallery

    if args.stress:
        ctx = build_stress_office(Context.open(args.data), args.stress)
        cctx = None
        from ethics_tui.service.demo import demo_sign_in

        cctx = demo_sign_in(Context(store=ctx.store), "complaints")
    else:
        ctx, cctx = open_ctx(args), None
    written, skipped = render_gallery(ctx, Path(args.output), complaints_ctx=cctx)
    for line in skipped:
        print("  - " + line)
    say(
        args,
        f"เขียน {len(written)} ไฟล์ และภาพทุกหน้าใน {Path(args.output) / 'png'}",
        f"Wrote {len(written)} PDF file(s) and every page as PNG under {Path(args.output) / 'png'}",
    )
    if args.check:
        found = check_gallery(ctx, written)
        for line in found:
            print("  ! " + line)
        say(args, f"ตรวจทุกหน้าแล้ว พบปัญหา {len(found)} รายการ", f"Every page checked: {len(found)} problem(s)")
        return 1 if found else 0
    return 0


def cmd_verify_pdf(args) -> int:
    from ethics_tui.cli.common import date_text, lang_of, open_ctx, say
    from ethics_tui.pdf.fonts import font_note_of
    from ethics_tui.service.access import require
    from ethics_tui.service.input_files import PDF_MAX_BYTES, open_regular, sha256_of

    ctx = open_ctx(args)
    require(ctx, "pdf.export")
    f, _size = open_regular(args.file, PDF_MAX_BYTES, "ไฟล์ PDF", "PDF file")  # no FIFO, device or huge file
    try:
        with f:
            digest = sha256_of(f, PDF_MAX_BYTES, args.file)
            note = font_note_of(f)
    except OSError as exc:
        raise UserError(
            f"อ่านไฟล์ {args.file} ไม่ได้ ({exc.strerror})", f"Cannot read {args.file} ({exc.strerror})"
        ) from None
    entry = find_export(ctx.store, digest)
    if note:
        say(args, f"แบบอักษร: {note.removeprefix('font: ')}", note.capitalize())
    if entry is None:
        say(
            args,
            f"ไม่ใช่เอกสารที่ส่งออกจากระบบนี้ หรือถูกแก้ไขหลังส่งออก: {args.file}",
            f"Not an unaltered export of this office: {args.file}",
            file=sys.stderr,
        )
        return 1
    from ethics_tui.service.exports import signature_state

    state = signature_state(ctx.store, entry)
    if state == "bad":
        say(
            args,
            f"บันทึกการส่งออกของไฟล์นี้ถูกแก้ไข (ลายมือชื่อดิจิทัลของสำนักงานไม่ตรง): {args.file}",
            f"The export record of this file was altered (the office signature does not match): {args.file}",
            file=sys.stderr,
        )
        return 1
    day = date_text(args, entry.get("at", "")[:10], "full")
    say(
        args,
        f"ต้นฉบับถูกต้อง: {entry.get('kind')} {entry.get('ref') or ''} ส่งออกเมื่อ {day} โดย {entry.get('user')}",
        f"Unaltered export: {entry.get('kind')} {entry.get('ref') or ''}, exported {day} by {entry.get('user')}",
    )
    if state == "signed":
        say(
            args,
            "บันทึกการส่งออกลงนามด้วยกุญแจของสำนักงาน (Ed25519) ถูกต้อง",
            "The export record carries a valid signature of the office key (Ed25519)",
        )
    else:
        say(
            args,
            "บันทึกการส่งออกนี้ไม่มีลายมือชื่อดิจิทัล (ส่งออกก่อนมีกุญแจของสำนักงาน หรือโดยผู้ใช้ที่ยังไม่ได้รับกุญแจ)",
            "This export record is not signed (made before the office key existed, or by a user it had not reached)",
        )
    from ethics_tui.service.pdf_sign import check  # PAdES signatures, when the file is signed

    sigs = check(args.file)
    for s in sigs:
        print(s.message(lang_of(args)))
    return 0 if all(s.intact and s.whole_file for s in sigs) else 1
