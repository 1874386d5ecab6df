"""Office settings and divisions."""

from __future__ import annotations

from pathlib import Path

from ethics_tui.errors import ConflictError, ValidationError, found
from ethics_tui.model.settings import Division, OfficeSettings
from ethics_tui.pdf.images import EMBLEM_MAX_BYTES, image_problem
from ethics_tui.service.access import require
from ethics_tui.service.context import Context

SETTINGS = "settings"
DIVISIONS = "divisions"


#: where a chosen emblem image is kept, under the data folder (backed up and restored with it)
EMBLEM_DIR = "files/emblem"
_IMAGE_HEADS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def get_settings(ctx: Context) -> OfficeSettings:
    doc = ctx.store.load().get(SETTINGS, {}).get("1")
    settings = OfficeSettings.from_dict(doc or {})
    if settings.emblem_path.startswith(EMBLEM_DIR + "/"):  # the copy in the data folder
        settings.emblem_path = str(ctx.store.dir / settings.emblem_path)
    return settings


def _stored_form(ctx: Context, path: str) -> str:
    """``path`` as stored: the emblem copy in the data folder relative to it, others as given."""
    try:
        rel = Path(path).resolve().relative_to((ctx.store.dir / EMBLEM_DIR).resolve())
    except (ValueError, OSError):
        return path
    return f"{EMBLEM_DIR}/{rel.as_posix()}"


def save_settings(ctx: Context, settings: OfficeSettings) -> OfficeSettings:
    """Save the office settings. A newly chosen emblem image is copied into the data folder
    (``files/emblem/<sha256>.png``): documents keep their emblem when the original is moved or
    the folder goes to another PC, and backups carry it. A failed save removes a new copy."""
    require(ctx, "settings.write")
    settings.validate()
    chosen = (settings.emblem_path or "").strip().strip('"').strip()
    copy = None
    outside = chosen and _stored_form(ctx, chosen) == chosen
    # a newly chosen file, or one set before copies were kept that is still there
    if outside and (chosen != _raw_emblem(ctx) or Path(chosen).expanduser().is_file()):
        copy = _copy_emblem(ctx, chosen)
        settings = OfficeSettings.from_dict({**settings.to_dict(), "emblem_path": copy[0]})
    try:
        return _save(ctx, settings)
    except BaseException:
        if copy and copy[1]:
            (ctx.store.dir / copy[0]).unlink(missing_ok=True)
        raise


def _raw_emblem(ctx: Context) -> str:
    return (ctx.store.load().get(SETTINGS, {}).get("1") or {}).get("emblem_path", "")


def _copy_emblem(ctx: Context, source: str) -> tuple[str, bool]:
    """Copy an emblem image into ``files/emblem/`` under its SHA-256: (stored path, whether the
    copy is new). Regular PNG/JPEG files of at most EMBLEM_MAX_BYTES and EMBLEM_MAX_SIDE pixels
    a side only (pdf/images.py)."""
    from ethics_tui.errors import UserError
    from ethics_tui.service.input_files import copy_regular, keep_copy, normalize_path

    src = normalize_path(source)
    _check_emblem(str(src))
    folder = ctx.store.dir / EMBLEM_DIR
    try:
        tmp, digest = copy_regular(src, folder, EMBLEM_MAX_BYTES, "ไฟล์ตราสัญลักษณ์", "emblem file")
    except UserError as exc:
        raise ValidationError({"emblem_path": (exc.th, exc.en)}) from None
    with open(tmp, "rb") as f:
        head = f.read(8)
    if not any(head.startswith(h) for h in _IMAGE_HEADS):
        tmp.unlink(missing_ok=True)
        raise ValidationError(
            {
                "emblem_path": (
                    f"{src.name} ไม่ใช่ไฟล์ภาพ PNG หรือ JPEG — บันทึกภาพตราใหม่เป็น .png แล้วเลือกอีกครั้ง",
                    f"{src.name} is not a PNG or JPEG image; save the emblem as .png and choose it again",
                )
            }
        )
    problem = image_problem(tmp)  # the pixel size, from the header: no decompression bomb
    if problem:
        tmp.unlink(missing_ok=True)
        raise ValidationError(
            {
                "emblem_path": (
                    f"ใช้ภาพ {src.name} ไม่ได้: {problem[0]} — แก้ไขภาพแล้วเลือกอีกครั้ง",
                    f"{src.name}: {problem[1]}; fix it and choose it again",
                )
            }
        )
    suffix = ".png" if head.startswith(_IMAGE_HEADS[0]) else ".jpg"
    rel = f"{EMBLEM_DIR}/{digest}{suffix}"
    return rel, keep_copy(tmp, ctx.store.dir / rel, "emblem_path", "ไฟล์ตรา", "emblem")


def _save(ctx: Context, settings: OfficeSettings) -> OfficeSettings:
    with ctx.store.transaction(actor=ctx.actor) as tx:
        table = tx.table(SETTINGS)
        current = table.get(doc_id=1)
        old = OfficeSettings.from_dict(current or {})
        if current is not None and old.rev != settings.rev:
            raise _conflict()
        new = OfficeSettings.from_dict(settings.to_dict())
        new.emblem_path = _stored_form(ctx, (new.emblem_path or "").strip().strip('"').strip())
        new.font_path = (new.font_path or "").strip().strip('"').strip()
        new.title_pt = int(str(new.title_pt or 16).strip())
        if (new.exports_dir or "").strip():  # as typed, pasted or dropped (quotes, ~, file://)
            from ethics_tui.service.input_files import normalize_path

            new.exports_dir = str(normalize_path(new.exports_dir))
        if new.emblem_path and new.emblem_path != old.emblem_path and not new.emblem_path.startswith(EMBLEM_DIR):
            _check_emblem(new.emblem_path)
        new.rev = old.rev + 1
        changed = [k for k, v in new.to_dict().items() if k != "rev" and getattr(old, k) != v]
        if not changed and current is not None:
            return get_settings(ctx)
        tx.put(SETTINGS, 1, new.to_dict())
        tx.log("create" if current is None else "update", "settings", 1, changed)
    return get_settings(ctx)


def _check_emblem(path: str) -> None:
    """A newly set emblem must be a readable PNG/JPEG file: a wrong path would otherwise give
    documents without the emblem and no word of it. (Checked only when the path changes: on a
    shared folder another computer may not see this one's file.)"""
    p = Path(path).expanduser()
    if not p.is_file():
        raise ValidationError(
            {
                "emblem_path": (
                    f"ไม่พบไฟล์ภาพ {path} — ตรวจสอบชื่อไฟล์ หรือเว้นว่างไว้",
                    f"No image file {path}; check the name or leave it empty",
                )
            }
        )
    if p.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        raise ValidationError(
            {"emblem_path": ("ไฟล์ตราสัญลักษณ์ต้องเป็นภาพ .png หรือ .jpg", "the emblem must be a .png or .jpg image")}
        )


def _conflict() -> ConflictError:
    return ConflictError(
        "มีผู้อื่นบันทึกรายการนี้ไปก่อนแล้ว โปรดเปิดใหม่แล้วแก้ไขอีกครั้ง",
        "Someone else saved this record in the meantime; reopen it and edit again.",
    )


def list_divisions(ctx: Context, include_inactive: bool = True) -> list[Division]:
    rows = ctx.store.load().get(DIVISIONS, {})
    out = [Division.from_doc(int(k), v) for k, v in rows.items()]
    if not include_inactive:
        out = [d for d in out if d.active]
    return sorted(out, key=lambda d: d.id or 0)


def division_names(ctx: Context) -> dict[int, str]:
    return {d.id: d.name for d in list_divisions(ctx)}


def _norm(name: str) -> str:
    return " ".join(name.split())


def add_division(ctx: Context, name: str) -> Division:
    require(ctx, "divisions.write")
    div = Division(name=_norm(name))
    div.validate()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        table = tx.table(DIVISIONS)
        if any(_norm(d["name"]) == div.name for d in table.all()):
            raise ValidationError({"name": ("มีกองชื่อนี้อยู่แล้ว", "a division with this name exists")})
        div.id = table.insert(div.to_dict())
        tx.log("create", "division", div.id, ["name", "active"])
    return div


def rename_division(ctx: Context, div_id: int, name: str) -> Division:
    require(ctx, "divisions.write")
    name = _norm(name)
    Division(name=name).validate()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        table = tx.table(DIVISIONS)
        doc = found(table.get(doc_id=div_id), f"ไม่พบกองรหัส {div_id}", f"No division {div_id}")
        if any(_norm(d["name"]) == name and d.doc_id != div_id for d in table.all()):
            raise ValidationError({"name": ("มีกองชื่อนี้อยู่แล้ว", "a division with this name exists")})
        div = Division.from_doc(div_id, doc)
        div.name = name
        div.rev += 1
        tx.put(DIVISIONS, div_id, div.to_dict())
        tx.log("update", "division", div_id, ["name"])
    return div


def set_division_active(ctx: Context, div_id: int, active: bool) -> Division:
    require(ctx, "divisions.write")
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = found(tx.table(DIVISIONS).get(doc_id=div_id), f"ไม่พบกองรหัส {div_id}", f"No division {div_id}")
        div = Division.from_doc(div_id, doc)
        if div.active == active:
            return div
        div.active = active
        div.rev += 1
        tx.put(DIVISIONS, div_id, div.to_dict())
        tx.log("reactivate" if active else "deactivate", "division", div_id, ["active"])
    return div
