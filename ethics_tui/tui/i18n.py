"""Every label the TUI shows, in Thai (default) and English.

Screens call ``app.t("key")``. Binding descriptions in ``BINDINGS`` are keys of this table and
are translated per screen instance by :func:`localize_bindings`.
"""

from __future__ import annotations

from dataclasses import replace

TEXT: dict[str, tuple[str, str]] = {
    # app-wide keys
    "app_title": ("ทะเบียนคุณธรรมและจริยธรรม", "Ethics & integrity registers"),
    "quit": ("ออก", "Quit"),
    "back": ("กลับ", "Back"),
    "lang": ("English", "ภาษาไทย"),
    "palette": ("คำสั่ง", "Commands"),
    "cancel": ("ยกเลิก", "Cancel"),
    "save": ("บันทึก", "Save"),
    "yes": ("ใช่ (y)", "Yes (y)"),
    "no": ("ไม่ (n)", "No (n)"),
    "ok": ("ตกลง", "OK"),
    "unexpected": (
        "เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วไม่เสียหาย รายละเอียดอยู่ในไฟล์ {path}",
        "An unexpected error occurred. Saved data is safe. Details are in {path}",
    ),
    "fatal": (
        "เกิดข้อผิดพลาดร้ายแรงที่ไม่คาดคิด โปรแกรมต้องปิดตัว ข้อมูลที่บันทึกแล้วไม่เสียหาย รายละเอียดอยู่ในไฟล์ {path}",
        ("A serious unexpected error occurred and the program must close. Saved data is safe. Details are in {path}"),
    ),
    "form_has_errors": (
        "ข้อมูลยังไม่ถูกต้อง {n} ช่อง โปรดแก้ไขตามข้อความสีแดง",
        "{n} field(s) need fixing (see the red messages)",
    ),
    "working": ("กำลังทำงาน…", "Working…"),
    # sign in
    "sign_in_title": ("เข้าสู่ระบบ", "Sign in"),
    "username": ("ชื่อผู้ใช้", "Username"),
    "password": ("รหัสผ่าน", "Password"),
    "new_password": ("รหัสผ่านใหม่", "New password"),
    "password_short": ("รหัสผ่านใหม่ต้องยาวอย่างน้อย 8 ตัวอักษร", "The new password needs at least 8 characters"),
    "must_change": ("ต้องตั้งรหัสผ่านใหม่ก่อนใช้งาน แล้วกด enter", "Set a new password, then press enter"),
    "sign_in_keys": ("enter ถัดไป / เข้าสู่ระบบ · ctrl+q ออก", "enter next / sign in · ctrl+q quit"),
    "demo_hint": (
        "หน่วยงานตัวอย่าง: ผู้ใช้ admin (หรือ hr, committee, complaints, executive, viewer) รหัสผ่าน {pw}",
        "Demo office: user admin (or hr, committee, complaints, executive, viewer), password {pw}",
    ),
    # first start
    "first_title": ("ยินดีต้อนรับ — เริ่มใช้งานครั้งแรก", "Welcome — first start"),
    "first_body": (
        "โฟลเดอร์ข้อมูล {path} ยังว่างอยู่ เลือกวิธีเริ่มต้น:",
        "The data folder {path} is empty. How would you like to start?",
    ),
    "first_new": ("1  ตั้งค่าหน่วยงานใหม่", "1  Set up a new office"),
    "first_demo": ("2  เปิดหน่วยงานตัวอย่าง (ข้อมูลสมมุติ)", "2  Load the demo office (fictional data)"),
    "new_office": ("ตั้งค่าหน่วยงานใหม่", "New office"),
    "demo": ("หน่วยงานตัวอย่าง", "Demo office"),
    "demo_loading": ("กำลังสร้างหน่วยงานตัวอย่าง…", "Creating the demo office…"),
    "demo_done": ("สร้างหน่วยงานตัวอย่างแล้ว", "The demo office is ready"),
    "office_created": ("ตั้งค่าหน่วยงานแล้ว พร้อมกอง {n} กอง", "Office set up with {n} divisions"),
    # corrupt database / storage errors
    "corrupt_title": ("ฐานข้อมูลเสียหาย", "The database is damaged"),
    "corrupt_backup": ("สำเนาสำรองล่าสุดที่ใช้ได้: {path}", "Newest good backup: {path}"),
    "corrupt_no_backup": (
        "ไม่พบสำเนาสำรองที่ใช้ได้ในโฟลเดอร์ backups — ติดต่อผู้ดูแลระบบ หรือกู้คืนจากไฟล์สำรองอื่นด้วยคำสั่ง ethics-tui restore FILE",
        (
            "No good backup was found in backups/. Ask your administrator, or restore another "
            "backup file with: ethics-tui restore FILE"
        ),
    ),
    "corrupt_hint": (
        "กด r เพื่อกู้คืนจากสำเนาสำรองล่าสุด (ไฟล์ที่เสียหายจะถูกเก็บไว้ในโฟลเดอร์ backups ก่อน) หรือกด q เพื่อออก",
        ("Press r to restore the newest good backup (the damaged files are saved in backups/ first), or q to quit."),
    ),
    "storage_title": ("เปิดฐานข้อมูลไม่ได้", "Cannot open the database"),
    "restore_newest": ("กู้คืนสำเนาล่าสุด", "Restore newest backup"),
    # home
    "home": ("หน้าหลัก", "Home"),
    "office_unset": ("(ยังไม่ได้ตั้งชื่อหน่วยงาน — กด t เพื่อตั้งค่า)", "(office not set up yet — press t)"),
    "home_counts": ("บุคลากรที่ปฏิบัติงาน {staff} คน · กอง {divs} กอง", "Active staff: {staff} · Divisions: {divs}"),
    "home_data": ("โฟลเดอร์ข้อมูล: {path}", "Data folder: {path}"),
    "nav_staff": ("s  ทะเบียนบุคลากร", "s  Staff register"),
    "nav_settings": ("t  ตั้งค่าหน่วยงานและกอง", "t  Office settings and divisions"),
    "nav_backup": ("b  สำรองข้อมูล", "b  Back up the data"),
    "nav_restore": ("r  กู้คืนจากไฟล์สำรอง", "r  Restore from a backup file"),
    "staff": ("บุคลากร", "Staff"),
    "settings": ("ตั้งค่า", "Settings"),
    "backup": ("สำรองข้อมูล", "Back up"),
    "restore": ("กู้คืน", "Restore"),
    # backup / restore
    "backup_done": ("สำรองข้อมูลแล้ว: {path}", "Backup written: {path}"),
    "restore_title": ("กู้คืนจากไฟล์สำรอง", "Restore from a backup"),
    "restore_path": ("ไฟล์สำรอง (.zip)", "Backup file (.zip)"),
    "restore_confirm": (
        "กู้คืนข้อมูลจาก {path} ?\nข้อมูลปัจจุบันจะถูกแทนที่ แต่ก่อนกู้คืนโปรแกรมจะสำรองข้อมูลปัจจุบันไว้ในโฟลเดอร์ backups ก่อนเสมอ",
        ("Restore the data from {path}?\nThe current data will be replaced, but it is backed up to backups/ first."),
    ),
    "restore_done": ("กู้คืนแล้ว ข้อมูลเดิมสำรองไว้ที่ {path}", "Restored. The previous data was saved to {path}"),
    "restore_done_plain": ("กู้คืนข้อมูลแล้ว", "Restored"),
    # staff register
    "staff_title": ("ทะเบียนบุคลากร", "Staff register"),
    "filter_ph": ("ค้นหา: ชื่อ ตำแหน่ง กอง รหัส  ( / )", "Search name, position, division, code  ( / )"),
    "showing": ("แสดง {n} จาก {m} คน", "Showing {n} of {m}"),
    "showing_more": (" — พิมพ์คำค้นเพื่อกรองให้แคบลง", " — type to narrow the list"),
    "with_inactive": (" (รวมผู้ที่ไม่ใช้งาน)", " (including inactive)"),
    "new": ("เพิ่ม", "New"),
    "edit": ("แก้ไข", "Edit"),
    "deactivate": ("เลิกใช้งาน", "Deactivate"),
    "filter": ("ค้นหา", "Filter"),
    "inactive_toggle": ("แสดง/ซ่อนผู้ไม่ใช้งาน", "Show/hide inactive"),
    "import": ("นำเข้า", "Import"),
    "export": ("ส่งออก", "Export"),
    "col_code": ("รหัส", "Code"),
    "col_name": ("ชื่อ-สกุล", "Name"),
    "col_position": ("ตำแหน่ง", "Position"),
    "col_level": ("ระดับ", "Level"),
    "col_division": ("กอง", "Division"),
    "col_type": ("ประเภท", "Type"),
    "col_start": ("เริ่มงาน", "Started"),
    "col_status": ("สถานะ", "Status"),
    "active": ("ใช้งาน", "active"),
    "inactive": ("ไม่ใช้งาน", "inactive"),
    "no_selection": ("ยังไม่ได้เลือกรายการ", "Nothing is selected"),
    "deactivate_confirm": (
        "เลิกใช้งาน {name} ?\n(ไม่ลบข้อมูล: บันทึกอื่นยังอ้างถึงบุคคลนี้ได้ และเปิดใช้งานใหม่ได้ภายหลัง)",
        (
            "Deactivate {name}?\n(Nothing is deleted: other records still refer to them, and they "
            "can be reactivated later.)"
        ),
    ),
    "reactivate_confirm": ("เปิดใช้งาน {name} อีกครั้ง ?", "Reactivate {name}?"),
    "deactivated": ("เลิกใช้งาน {name} แล้ว", "{name} deactivated"),
    "reactivated": ("เปิดใช้งาน {name} อีกครั้งแล้ว", "{name} reactivated"),
    "staff_added": ("เพิ่ม {name} แล้ว", "{name} added"),
    "staff_saved": ("บันทึก {name} แล้ว", "{name} saved"),
    # staff form
    "staff_new_title": ("เพิ่มบุคลากร", "New staff member"),
    "staff_edit_title": ("แก้ไขข้อมูลบุคลากร", "Edit staff member"),
    "f_prefix": ("คำนำหน้า", "Prefix"),
    "f_first_name": ("ชื่อ", "First name"),
    "f_last_name": ("นามสกุล", "Last name"),
    "f_position": ("ตำแหน่ง", "Position"),
    "f_level": ("ระดับ", "Level"),
    "f_division_id": ("กอง", "Division"),
    "f_staff_type": ("ประเภทบุคลากร", "Staff type"),
    "f_code": ("รหัส", "Code"),
    "f_start_date": ("วันที่เริ่มงาน", "Start date"),
    "f_email": ("อีเมล", "E-mail"),
    "f_phone": ("โทรศัพท์", "Phone"),
    "date_ph": ("วว/ดด/ปปปป (พ.ศ.) เช่น 25/11/2568", "dd/mm/yyyy B.E., e.g. 25/11/2568"),
    "choose": ("— เลือก —", "— choose —"),
    "required": ("ต้องกรอกช่องนี้", "This field is required"),
    "form_keys": ("ctrl+s บันทึก · esc ยกเลิก · tab ช่องถัดไป", "ctrl+s save · esc cancel · tab next field"),
    # import / export
    "import_title": ("นำเข้ารายชื่อบุคลากร (CSV / XLSX)", "Import staff (CSV / XLSX)"),
    "import_path": ("ไฟล์ที่จะนำเข้า", "File to import"),
    "import_check": ("ตรวจสอบไฟล์ (enter)", "Check the file (enter)"),
    "import_do": ("นำเข้า (ctrl+s)", "Import (ctrl+s)"),
    "import_checking": ("กำลังตรวจสอบไฟล์…", "Checking the file…"),
    "import_errors": (
        "พบข้อผิดพลาด {n} รายการ — ไม่ได้บันทึกข้อมูลใด ๆ โปรดแก้ไขไฟล์แล้วตรวจสอบอีกครั้ง",
        "{n} error(s) found — nothing was saved. Fix the file and check again.",
    ),
    "import_ready": (
        "ไฟล์ถูกต้อง: จะเพิ่ม {added} คน ปรับปรุง {updated} คน สร้างกองใหม่ {divs} กอง{names} — กด ctrl+s เพื่อนำเข้า",
        (
            "The file is good: {added} to add, {updated} to update, {divs} new division(s){names}. "
            "Press ctrl+s to import."
        ),
    ),
    "import_done": (
        "นำเข้าแล้ว: เพิ่ม {added} คน ปรับปรุง {updated} คน สร้างกองใหม่ {divs} กอง",
        "Imported: {added} added, {updated} updated, {divs} division(s) created",
    ),
    "col_row": ("แถว", "Row"),
    "col_column": ("คอลัมน์", "Column"),
    "col_reason": ("เหตุผล", "Reason"),
    "export_title": ("ส่งออกรายชื่อบุคลากร (.xlsx หรือ .csv)", "Export staff (.xlsx or .csv)"),
    "export_path": ("ไฟล์ปลายทาง", "Output file"),
    "export_done": ("ส่งออก {n} คน ไปที่ {path}", "Exported {n} staff to {path}"),
    "path_missing": ("ต้องระบุไฟล์", "Enter a file path"),
    # settings
    "settings_title": ("ตั้งค่าหน่วยงาน", "Office settings"),
    "edit_office": ("แก้ไขหน่วยงาน", "Edit office"),
    "add_division": ("เพิ่มกอง", "Add division"),
    "rename": ("เปลี่ยนชื่อ", "Rename"),
    "toggle_division": ("เลิก/เปิดใช้กอง", "(De)activate"),
    "divisions": ("กอง / ส่วนราชการ", "Divisions"),
    "division_name": ("ชื่อกอง", "Division name"),
    "division_new": ("เพิ่มกอง", "New division"),
    "division_rename": ("เปลี่ยนชื่อกอง", "Rename division"),
    "division_off_confirm": ("เลิกใช้กอง {name} ?", "Deactivate the division {name}?"),
    "division_on_confirm": ("เปิดใช้กอง {name} อีกครั้ง ?", "Reactivate the division {name}?"),
    "settings_saved": ("บันทึกการตั้งค่าแล้ว", "Settings saved"),
    "col_id": ("ลำดับ", "No."),
    "col_staff_n": ("บุคลากร", "Staff"),
    "s_office_name": ("ชื่อหน่วยงาน", "Office name"),
    "s_office_type": ("ประเภทหน่วยงาน", "Office type"),
    "s_district": ("อำเภอ", "District"),
    "s_province": ("จังหวัด", "Province"),
    "s_address": ("ที่อยู่", "Address"),
    "s_phone": ("โทรศัพท์", "Phone"),
    "s_email": ("อีเมล", "E-mail"),
    "s_executive_name": ("ชื่อผู้บริหาร", "Executive's name"),
    "s_executive_title": ("ตำแหน่งผู้บริหาร", "Executive's title"),
    "s_letter_prefix": ("เลขที่หนังสือ (ที่ อด …)", "Letter prefix"),
    "s_digits": ("ตัวเลข", "Digits"),
    "s_emblem_path": ("ไฟล์ตราสัญลักษณ์", "Emblem image"),
    "digits_thai": ("เลขไทย (๑๒๓)", "Thai digits (๑๒๓)"),
    "digits_arabic": ("เลขอารบิก (123)", "Arabic digits (123)"),
    # command palette
    "cmd_home": ("หน้าหลัก: เปิด", "Home: open"),
    "cmd_staff": ("บุคลากร: เปิดทะเบียน", "Staff: open the register"),
    "cmd_staff_new": ("บุคลากร: เพิ่ม", "Staff: add"),
    "cmd_staff_import": ("บุคลากร: นำเข้า", "Staff: import"),
    "cmd_staff_export": ("บุคลากร: ส่งออก", "Staff: export"),
    "cmd_settings": ("ตั้งค่า: หน่วยงาน", "Settings: office"),
    "cmd_divisions": ("ตั้งค่า: เพิ่มกอง", "Settings: add a division"),
    "cmd_backup": ("สำรองข้อมูล: สร้าง", "Backup: create"),
    "cmd_restore": ("สำรองข้อมูล: กู้คืน", "Backup: restore"),
    "cmd_lang": ("ภาษา: English", "Language: ภาษาไทย"),
    "cmd_quit": ("โปรแกรม: ออก", "Program: quit"),
}


def t(key: str, lang: str = "th", **kwargs: object) -> str:
    """The label ``key`` in ``lang``; unknown keys are returned as they are."""
    pair = TEXT.get(key)
    if pair is None:
        text = key
    else:
        text = pair[1] if lang == "en" else pair[0]
    return text.format(**kwargs) if kwargs else text


def localize_bindings(node, lang: str) -> None:
    """Translate the descriptions of ``node``'s bindings (they are keys of :data:`TEXT`).

    Textual copies the class bindings into each instance, so this changes only ``node``. The
    original keys are remembered on the node so that the language can be switched again.
    """
    originals: dict[tuple[str, str], str] = node.__dict__.setdefault("_i18n_binding_keys", {})
    key_to_bindings = node._bindings.key_to_bindings
    for key, bindings in list(key_to_bindings.items()):
        new = []
        for b in bindings:
            text_key = originals.setdefault((b.key, b.action), b.description)
            new.append(replace(b, description=t(text_key, lang)) if text_key in TEXT else b)
        key_to_bindings[key] = new
