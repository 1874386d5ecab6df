"""A realistic, fictional demo office ("องค์การบริหารส่วนตำบลบ้านดอนแก้ว") to look around in.

Names are invented. Later registers extend ``load_demo`` with their own records.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ethics_tui.errors import UserError
from ethics_tui.model.settings import DEFAULT_DIVISIONS, OfficeSettings
from ethics_tui.model.staff import Staff
from ethics_tui.registers import find, resolve, specs
from ethics_tui.service.context import Context
from ethics_tui.service.settings import DIVISIONS, SETTINGS
from ethics_tui.service.staff import STAFF

#: The registers, in order, whose spec names a ``demo`` hook (``fn(ctx)`` adding demo records;
#: ``ctx`` is signed in as the demo admin; sign in as another demo account (demo_sign_in) to seal
#: confidential data). Tests narrow this tuple.
REGISTERS = tuple(s.key for s in specs() if s.demo)

DEMO_SETTINGS = OfficeSettings(
    office_name="องค์การบริหารส่วนตำบลบ้านดอนแก้ว",
    office_type="องค์การบริหารส่วนตำบล",
    district="กุมภวาปี",
    province="อุดรธานี",
    address="หมู่ที่ ๕ ตำบลบ้านดอนแก้ว อำเภอกุมภวาปี จังหวัดอุดรธานี ๔๑๑๑๐",
    phone="042-000-123",
    email="saraban@dondkaew.example.go.th",
    executive_name="นายประเสริฐ ศรีสุข",
    executive_title="นายกองค์การบริหารส่วนตำบลบ้านดอนแก้ว",
    letter_prefix="อด ๗๙๙๐๑",
    digits="thai",
)

FIRST_M = [
    "สมชาย",
    "ประเสริฐ",
    "วีระพงษ์",
    "อนุชา",
    "ธนากร",
    "สุรชัย",
    "กิตติศักดิ์",
    "ณัฐพล",
    "วิทยา",
    "สมศักดิ์",
    "ชัยวัฒน์",
    "ปิยะ",
    "เกียรติศักดิ์",
    "ภาณุวัฒน์",
    "อภิชาติ",
]
FIRST_F = [
    "สมหญิง",
    "วันเพ็ญ",
    "กาญจนา",
    "ปราณี",
    "รัตนา",
    "สุภาพร",
    "อรุณี",
    "จิราพร",
    "ศิริพร",
    "พรทิพย์",
    "นภาพร",
    "ดวงใจ",
    "มาลี",
    "อัญชลี",
    "ชุติมา",
    "ปวีณา",
]
LAST = [
    "ใจดี",
    "ศรีสุข",
    "บุญมา",
    "แก้วมณี",
    "ทองดี",
    "พรหมวงศ์",
    "สุขเจริญ",
    "อินทร์แก้ว",
    "ชัยมงคล",
    "วงศ์ใหญ่",
    "ศรีบุญเรือง",
    "คำภูมี",
    "ภูมิพันธ์",
    "สายทอง",
    "โพธิ์ศรี",
    "มูลสาร",
    "จันทร์หอม",
    "นามวงศ์",
    "แสนสุข",
    "ดวงแก้ว",
]

# (division index, position, level, staff type, how many)
ROLES = [
    (0, "ปลัดองค์การบริหารส่วนตำบล", "อำนวยการท้องถิ่น ระดับกลาง", 0, 1),
    (0, "รองปลัดองค์การบริหารส่วนตำบล", "อำนวยการท้องถิ่น ระดับต้น", 0, 1),
    (0, "หัวหน้าสำนักปลัด", "อำนวยการท้องถิ่น ระดับต้น", 0, 1),
    (0, "นักทรัพยากรบุคคล", "ชำนาญการ", 0, 1),
    (0, "นิติกร", "ปฏิบัติการ", 0, 1),
    (0, "นักวิเคราะห์นโยบายและแผน", "ชำนาญการ", 0, 1),
    (0, "เจ้าพนักงานธุรการ", "ปฏิบัติงาน", 0, 2),
    (0, "พนักงานขับรถยนต์", "", 3, 2),
    (0, "ผู้ช่วยเจ้าพนักงานธุรการ", "", 2, 2),
    (0, "นักการภารโรง", "", 1, 1),
    (0, "พนักงานดับเพลิง", "", 3, 3),
    (1, "ผู้อำนวยการกองคลัง", "อำนวยการท้องถิ่น ระดับต้น", 0, 1),
    (1, "นักวิชาการเงินและบัญชี", "ชำนาญการ", 0, 1),
    (1, "เจ้าพนักงานการเงินและบัญชี", "ชำนาญงาน", 0, 1),
    (1, "เจ้าพนักงานจัดเก็บรายได้", "ปฏิบัติงาน", 0, 1),
    (1, "เจ้าพนักงานพัสดุ", "ปฏิบัติงาน", 0, 1),
    (1, "ผู้ช่วยเจ้าพนักงานจัดเก็บรายได้", "", 2, 2),
    (2, "ผู้อำนวยการกองช่าง", "อำนวยการท้องถิ่น ระดับต้น", 0, 1),
    (2, "นายช่างโยธา", "ชำนาญงาน", 0, 2),
    (2, "ผู้ช่วยนายช่างโยธา", "", 2, 2),
    (2, "คนงานทั่วไป", "", 3, 3),
    (3, "ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม", "อำนวยการท้องถิ่น ระดับต้น", 0, 1),
    (3, "นักวิชาการศึกษา", "ชำนาญการ", 0, 1),
    (3, "ครู", "ค.ศ.๑", 0, 4),
    (3, "ผู้ดูแลเด็ก", "", 2, 4),
    (4, "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม", "อำนวยการท้องถิ่น ระดับต้น", 0, 1),
    (4, "นักวิชาการสาธารณสุข", "ปฏิบัติการ", 0, 1),
    (4, "พนักงานขับรถขยะ", "", 3, 2),
    (4, "คนงานประจำรถขยะ", "", 3, 3),
    (5, "ผู้อำนวยการกองสวัสดิการสังคม", "อำนวยการท้องถิ่น ระดับต้น", 0, 1),
    (5, "นักพัฒนาชุมชน", "ชำนาญการ", 0, 2),
    (5, "ผู้ช่วยนักพัฒนาชุมชน", "", 2, 1),
    (6, "นักวิเคราะห์นโยบายและแผน", "ปฏิบัติการ", 0, 1),
    (6, "นักประชาสัมพันธ์", "ปฏิบัติการ", 0, 1),
    (7, "นักวิชาการตรวจสอบภายใน", "ชำนาญการ", 0, 1),
    (1, "ผู้ช่วยเจ้าพนักงานการเงินและบัญชี", "", 2, 1),
    (0, "ยาม", "", 3, 2),
]
STAFF_TYPE_BY_INDEX = ("พนักงานส่วนตำบล", "ลูกจ้างประจำ", "พนักงานจ้างตามภารกิจ", "พนักงานจ้างทั่วไป")


def demo_staff(division_ids: list[int], seed: int = 2568) -> list[Staff]:
    rng = random.Random(seed)
    people: list[Staff] = []
    used: set[tuple[str, str]] = set()
    n = 0
    for div_idx, position, level, type_idx, how_many in ROLES:
        for _ in range(how_many):
            n += 1
            female = rng.random() < 0.5
            while True:
                first = rng.choice(FIRST_F if female else FIRST_M)
                last = rng.choice(LAST)
                if (first, last) not in used:
                    used.add((first, last))
                    break
            prefix = ("นางสาว" if rng.random() < 0.5 else "นาง") if female else "นาย"
            start = date(2005, 1, 1) + timedelta(days=rng.randrange(0, 7300))
            people.append(
                Staff(
                    prefix=prefix,
                    first_name=first,
                    last_name=last,
                    position=position,
                    level=level,
                    division_id=division_ids[div_idx],
                    staff_type=STAFF_TYPE_BY_INDEX[type_idx],
                    code=f"{n:04d}",
                    start_date=start.isoformat(),
                    phone=f"08{rng.randrange(10000000, 99999999)}",
                    rev=1,
                )
            )
    return people


DEMO_PASSWORD = "demo1234"
#: username, display name, roles, staff code of the linked person
DEMO_USERS = (
    ("admin", "ผู้ดูแลระบบ (ตัวอย่าง)", ["admin", "hr"], "0004"),
    ("hr", "เจ้าหน้าที่บุคคล (ตัวอย่าง)", ["hr"], "0004"),
    ("committee", "กรรมการจริยธรรม (ตัวอย่าง)", ["committee"], "0003"),
    ("complaints", "เจ้าหน้าที่รับเรื่องร้องเรียน (ตัวอย่าง)", ["complaints"], "0005"),
    ("executive", "ผู้บริหาร (ตัวอย่าง)", ["executive"], "0001"),
    ("viewer", "ผู้ดูอย่างเดียว (ตัวอย่าง)", ["viewer"], None),
)


def _demo_users(ctx: Context) -> None:
    from ethics_tui.service import users as users_svc
    from ethics_tui.service.people import staff_ids_by_code

    codes = staff_ids_by_code(ctx)
    first = True
    admin = Context(store=ctx.store, lang=ctx.lang)
    for username, name, roles, code in DEMO_USERS:
        users_svc.create_user(
            admin if not first else ctx,
            username,
            name,
            roles,
            DEMO_PASSWORD,
            staff_id=codes.get(code),
            must_change=False,
        )
        if first:
            users_svc.sign_in(admin, username, DEMO_PASSWORD)
            first = False


def demo_sign_in(ctx: Context, username: str = "admin") -> Context:
    """Sign ``ctx`` in as a demo account (tests and the demo login hint use this)."""
    from ethics_tui.service import users as users_svc

    users_svc.sign_in(ctx, username, DEMO_PASSWORD)
    return ctx


def _not_empty(store) -> UserError:
    data = store.load() if store.path().exists() else {}
    name = data.get(SETTINGS, {}).get("1", {}).get("office_name")
    users = data.get("users", {})
    if name == DEMO_SETTINGS.office_name and (len(users) < len(DEMO_USERS) or "complaints" not in data):
        return UserError(
            f"โฟลเดอร์ {store.dir} มีสำนักงานตัวอย่างที่สร้างไม่เสร็จ (คำสั่ง demo ถูกขัดจังหวะในรุ่นก่อน) "
            "— ข้อมูลนี้ใช้ต่อไม่ได้: ลบไฟล์ในโฟลเดอร์นี้ (หรือเลือกโฟลเดอร์ใหม่) แล้วสั่ง demo อีกครั้ง",
            f"{store.dir} holds a half-built demo office (an earlier version's demo was interrupted); "
            "it cannot be finished: empty the folder (or choose another) and run demo again",
        )
    return UserError(
        f"โฟลเดอร์ {store.dir} มีข้อมูลอยู่แล้ว — สร้างสำนักงานตัวอย่างได้เฉพาะในโฟลเดอร์ว่าง",
        f"{store.dir} already holds data; the demo can only fill an empty folder",
    )


def load_demo(ctx: Context) -> int:
    """Fill an empty data folder with the demo office and its demo accounts (password
    ``demo1234``). Returns the number of staff.

    The office is built in a stage folder inside the data folder and switched in at the end
    (store/restore.py), so a killed demo leaves an empty folder, never half an office."""
    import shutil

    from ethics_tui.store import restore
    from ethics_tui.store.database import Store

    store = ctx.store
    if not store.is_empty():
        raise _not_empty(store)
    with store.locked():
        if not store.is_empty():
            raise _not_empty(store)
        stage = restore.new_stage(store.dir)
        try:
            staged = Context(store=Store(stage, backup_keep=store.backup_keep), actor=ctx.actor, lang=ctx.lang)
            n = _build(staged)
            restore.switch_in(store.dir, stage)
            store.notices.extend(staged.store.notices)  # e.g. the demo's recovery code, for `demo` to print
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        store._cache.clear()
        store.audit._head = None
    return n


def _build(ctx: Context) -> int:
    with ctx.store.transaction(actor=ctx.actor) as tx:
        s = OfficeSettings.from_dict(DEMO_SETTINGS.to_dict())
        s.rev = 1
        tx.put(SETTINGS, 1, s.to_dict())
        ids = tx.table(DIVISIONS).insert_multiple({"name": n, "active": True, "rev": 1} for n in DEFAULT_DIVISIONS)
        people = demo_staff(ids)
        tx.table(STAFF).insert_multiple(p.to_dict() for p in people)
        tx.log("import", "demo", None, note=f"demo office: {len(people)} staff, {len(ids)} divisions")
    _demo_users(ctx)
    signed = demo_sign_in(Context(store=ctx.store, lang=ctx.lang), "admin")
    for name in REGISTERS:
        spec = find(name)
        if spec is not None and spec.demo:
            resolve(spec.demo)(signed)
    return len(people)
