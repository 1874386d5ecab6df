import pytest

from ethics_tui.errors import NotFoundError, ValidationError
from ethics_tui.model.staff import Staff
from ethics_tui.service import settings as settings_svc
from ethics_tui.service import staff as staff_svc


def _p(div_id, **kw):
    base = dict(
        prefix="นาง",
        first_name="วันเพ็ญ",
        last_name="ศรีสุข",
        position="นักทรัพยากรบุคคล",
        division_id=div_id,
        staff_type="พนักงานส่วนตำบล",
    )
    base.update(kw)
    return Staff(**base)


def test_add_get_search(ctx):
    d = settings_svc.add_division(ctx, "สำนักปลัด")
    s = staff_svc.add(ctx, _p(d.id, code="0100"))
    assert s.id and s.rev == 1
    got = staff_svc.get(ctx, s.id)
    assert got.full_name == "นางวันเพ็ญ ศรีสุข"
    assert [r.division for r in staff_svc.search(ctx, "ทรัพยากร")] == ["สำนักปลัด"]
    assert staff_svc.search(ctx, "วันเพ็ญ สำนักปลัด")
    assert staff_svc.search(ctx, "0100")
    assert staff_svc.search(ctx, "ไม่มีใคร") == []


@pytest.mark.parametrize(
    "override, field",
    [
        ({"first_name": ""}, "first_name"),
        ({"last_name": "   "}, "last_name"),
        ({"prefix": ""}, "prefix"),
        ({"position": ""}, "position"),
        ({"staff_type": "ข้าราชการพลเรือน"}, "staff_type"),
        ({"email": "not-an-email"}, "email"),
        ({"phone": "abc"}, "phone"),
        ({"code": "มี ช่องว่าง"}, "code"),
        ({"start_date": "2025-02-30"}, "start_date"),
        ({"start_date": "1900-01-01"}, "start_date"),
        ({"division_id": 0}, "division_id"),
        ({"level": "ชำนาญการพิเศษ" * 12}, "level"),
    ],
)
def test_bad_fields_are_refused_with_thai_reason(ctx, override, field):
    d = settings_svc.add_division(ctx, "สำนักปลัด")
    with pytest.raises(ValidationError) as exc:
        staff_svc.add(ctx, _p(d.id, **override))
    assert field in exc.value.errors
    th, en = exc.value.errors[field]
    assert th and en and th != en
    assert staff_svc.count(ctx) == 0


def test_unknown_division_and_duplicate_code(ctx):
    d = settings_svc.add_division(ctx, "สำนักปลัด")
    with pytest.raises(ValidationError) as exc:
        staff_svc.add(ctx, _p(999))
    assert "division_id" in exc.value.errors
    staff_svc.add(ctx, _p(d.id, code="7"))
    with pytest.raises(ValidationError) as exc:
        staff_svc.add(ctx, _p(d.id, code="7", first_name="อื่น"))
    assert "ซ้ำ" in exc.value.errors["code"][0]


def test_edit_and_deactivate_are_audited(ctx):
    d = settings_svc.add_division(ctx, "สำนักปลัด")
    s = staff_svc.add(ctx, _p(d.id))
    s.position = "นิติกร"
    s = staff_svc.update(ctx, s)
    assert s.rev == 2
    staff_svc.deactivate(ctx, s.id)
    assert staff_svc.search(ctx) == []
    assert len(staff_svc.search(ctx, include_inactive=True)) == 1
    actions = [(e["action"], e["fields"]) for e in ctx.store.audit.entries() if e["kind"] == "staff"]
    assert actions[1] == ("update", ["position"])
    assert actions[2] == ("deactivate", ["active"])
    with pytest.raises(NotFoundError):
        staff_svc.get(ctx, 12345)


def test_division_rename_deactivate_and_duplicates(ctx):
    d = settings_svc.add_division(ctx, "กองช่าง")
    with pytest.raises(ValidationError):
        settings_svc.add_division(ctx, " กองช่าง ")
    with pytest.raises(ValidationError):
        settings_svc.add_division(ctx, "  ")
    settings_svc.rename_division(ctx, d.id, "กองช่าง (ใหม่)")
    settings_svc.set_division_active(ctx, d.id, False)
    [div] = settings_svc.list_divisions(ctx)
    assert div.name == "กองช่าง (ใหม่)" and not div.active
    assert settings_svc.list_divisions(ctx, include_inactive=False) == []


def test_settings_round_trip_and_validation(ctx):
    s = settings_svc.get_settings(ctx)
    assert not s.configured
    s.office_name = "องค์การบริหารส่วนตำบลทดสอบ"
    s.digits = "arabic"
    saved = settings_svc.save_settings(ctx, s)
    assert settings_svc.get_settings(ctx).office_name == "องค์การบริหารส่วนตำบลทดสอบ"
    saved.digits = "roman"
    with pytest.raises(ValidationError):
        settings_svc.save_settings(ctx, saved)


def test_a_code_typed_with_thai_digits_is_the_same_code(ctx):
    d = settings_svc.add_division(ctx, "สำนักปลัด")
    s = staff_svc.add(ctx, _p(d.id, code="๐๐๒๐"))
    assert staff_svc.get(ctx, s.id).code == "0020"
    with pytest.raises(ValidationError) as exc:
        staff_svc.add(ctx, _p(d.id, code="0020", first_name="อื่น"))
    assert "ซ้ำ" in exc.value.errors["code"][0]
    other = staff_svc.add(ctx, _p(d.id, code="21", first_name="อื่น"))
    other.code = "๐๐๒๐"
    with pytest.raises(ValidationError):
        staff_svc.update(ctx, other)


def test_settings_refuse_a_bad_email_and_a_missing_emblem_file(ctx, tmp_path):
    s = settings_svc.get_settings(ctx)
    s.office_name = "องค์การบริหารส่วนตำบลทดสอบ"
    s.email = "bad@"
    with pytest.raises(ValidationError) as exc:
        settings_svc.save_settings(ctx, s)
    assert "email" in exc.value.errors
    s.email = "saraban@test.go.th"
    s.emblem_path = str(tmp_path / "missing.png")
    with pytest.raises(ValidationError) as exc:
        settings_svc.save_settings(ctx, s)
    assert "ไม่พบไฟล์ภาพ" in exc.value.errors["emblem_path"][0]
    (tmp_path / "notes.txt").write_text("x")
    s.emblem_path = str(tmp_path / "notes.txt")
    with pytest.raises(ValidationError):
        settings_svc.save_settings(ctx, s)
    from PIL import Image

    Image.new("RGB", (8, 8)).save(tmp_path / "logo.png")  # a real image: a damaged one is refused
    s.emblem_path = f'"{tmp_path / "logo.png"}"'  # Windows "copy as path" adds quotes
    saved = settings_svc.save_settings(ctx, s)
    assert saved.emblem_path.startswith(str(ctx.store.dir / "files" / "emblem"))  # a copy (test_emblem_copy)
