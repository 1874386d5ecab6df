"""Office settings and divisions."""

from __future__ import annotations

from ethics_tui.errors import ConflictError, ValidationError, found
from ethics_tui.model.settings import Division, OfficeSettings
from ethics_tui.service.access import require
from ethics_tui.service.context import Context

SETTINGS = "settings"
DIVISIONS = "divisions"


def get_settings(ctx: Context) -> OfficeSettings:
    doc = ctx.store.load().get(SETTINGS, {}).get("1")
    return OfficeSettings.from_dict(doc or {})


def save_settings(ctx: Context, settings: OfficeSettings) -> OfficeSettings:
    require(ctx, "settings.write")
    settings.validate()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        table = tx.table(SETTINGS)
        current = table.get(doc_id=1)
        old = OfficeSettings.from_dict(current or {})
        if current is not None and old.rev != settings.rev:
            raise _conflict()
        new = OfficeSettings.from_dict(settings.to_dict())
        new.emblem_path = (new.emblem_path or "").strip().strip('"').strip()
        new.font_path = (new.font_path or "").strip().strip('"').strip()
        new.title_pt = int(str(new.title_pt or 16).strip())
        if (new.exports_dir or "").strip():  # as typed, pasted or dropped (quotes, ~, file://)
            from ethics_tui.service.input_files import normalize_path

            new.exports_dir = str(normalize_path(new.exports_dir))
        if new.emblem_path and new.emblem_path != old.emblem_path:
            _check_emblem(new.emblem_path)
        new.rev = old.rev + 1
        changed = [k for k, v in new.to_dict().items() if k != "rev" and getattr(old, k) != v]
        if not changed and current is not None:
            return old
        tx.put(SETTINGS, 1, new.to_dict())
        tx.log("create" if current is None else "update", "settings", 1, changed)
    return new


def _check_emblem(path: str) -> None:
    """A newly set emblem must be a readable PNG/JPEG file: a wrong path would otherwise give
    documents without the emblem and no word of it. (Checked only when the path changes: on a
    shared folder another computer may not see this one's file.)"""
    from pathlib import Path

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
