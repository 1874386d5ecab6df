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
    "repair_audit": ("ซ่อมบันทึกการตรวจสอบ", "Repair the audit log"),
    "repair_hint": (
        "กด a เพื่อแยกส่วนที่เสียหายของบันทึกการตรวจสอบเก็บไว้ในไฟล์ต่างหาก (ไม่ลบ) และบันทึกการซ่อม แล้วทำงานต่อ",
        "Press a to set the damaged part of the audit log aside in a separate file (kept, not deleted), "
        "record the repair and carry on.",
    ),
    "repair_confirm": (
        "แยกส่วนที่เสียหายของบันทึกการตรวจสอบเก็บไว้ และบันทึกการซ่อมในบันทึกการตรวจสอบ?",
        "Set the damaged part of the audit log aside and record the repair in the log?",
    ),
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
        "กู้คืนข้อมูลจาก {path} ?\nสำรองเมื่อ {when} · ขนาด {size}\n"
        "มีบุคลากร {staff} คน · เอกสาร (คำสั่ง/ประกาศ) {docs} ฉบับ · การรับทราบ {acks} รายการ\nข้อมูลปัจจุบันจะถูกแทนที่ แต่ก่อนกู้คืนโปรแกรมจะสำรองข้อมูลปัจจุบันไว้ในโฟลเดอร์ backups ก่อนเสมอ",
        ("Restore the data from {path}?\nBacked up {when} · size {size}\n"
         "{staff} staff · {docs} documents (orders/notices) · {acks} acknowledgements\nThe current data will be replaced, but it is backed up to backups/ first."),
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
    "staff_position_ph": ("เช่น นักทรัพยากรบุคคล (ไม่ต้องใส่ระดับ ระดับมีช่องของตัวเอง)",
                          "e.g. นักทรัพยากรบุคคล (without the level: it has its own field)"),
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
    "open_exports": ("เปิดโฟลเดอร์ส่งออก", "open the exports folder"),
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
    "s_font_path": ("ไฟล์แบบอักษร TH Sarabun (.ttf)", "TH Sarabun font file (.ttf)"),
    "s_title_pt": ("ขนาดหัวเรื่อง (พอยต์)", "Title size (pt)"),
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
    "cmd_no_match": ("ไม่พบคำสั่งที่ตรงกัน", "No matches found"),
    "cmd_search_ph": ("พิมพ์เพื่อค้นหาคำสั่ง…", "Search for commands…"),
    "cmd_sign_out": ("ผู้ใช้: ออกจากระบบ", "Users: sign out"),
    "cmd_change_password": ("ผู้ใช้: เปลี่ยนรหัสผ่าน", "Users: change my password"),
    "cmd_approve_keys": ("ผู้ใช้: อนุมัติกุญแจข้อมูลลับ", "Users: approve confidential keys"),
    "cmd_help": ("ช่วยเหลือ: ปุ่มลัดของหน้าจอนี้", "Help: keys of this screen"),
    # signed-in user, sign out, help
    "signed_in_as": ("ผู้ใช้: {name} ({roles})", "User: {name} ({roles})"),
    "signed_out": ("ออกจากระบบแล้ว", "Signed out"),
    "sign_out": ("ออกจากระบบ", "Sign out"),
    "discard_changes": ("ทิ้งข้อมูลที่กรอกไว้ในแบบฟอร์มนี้หรือไม่? (y = ทิ้ง, n = กลับไปแก้ต่อ)",
                        "Discard what you typed in this form? (y = discard, n = keep editing)"),
    "help": ("ช่วยเหลือ", "Help"),
    "help_title": ("ปุ่มลัดและคำสั่ง", "Keys and commands"),
    "help_screen_keys": ("ปุ่มของหน้าจอนี้", "Keys of this screen"),
    "help_app_keys": ("ปุ่มที่ใช้ได้ทุกหน้าจอ", "Keys that work everywhere"),
    "help_palette": ("คำสั่งใน ctrl+p (พิมพ์คำบางส่วนเพื่อค้นหา)", "Commands in ctrl+p (type part of a title)"),
    "help_close": ("esc หรือ f1 ปิด", "esc or f1 closes"),
    "help_none": ("(ไม่มี)", "(none)"),
    "key_help": ("ช่วยเหลือ (หน้านี้)", "help (this page)"),
    "key_lang": ("สลับภาษาไทย/อังกฤษ", "switch Thai/English"),
    "key_palette": ("เปิดรายการคำสั่ง", "open the command palette"),
    "key_sign_out": ("ออกจากระบบ", "sign out"),
    "key_quit": ("ออกจากโปรแกรม", "quit the program"),
    "confirm_password": ("ยืนยันรหัสผ่านใหม่", "Confirm new password"),
    "password_mismatch": ("รหัสผ่านทั้งสองช่องไม่ตรงกัน", "The two passwords differ"),
    "password_changed": ("เปลี่ยนรหัสผ่านแล้ว", "Password changed"),
    "current_password": ("รหัสผ่านปัจจุบัน", "Current password"),
    "change_password_title": ("เปลี่ยนรหัสผ่านของฉัน", "Change my password"),
    # first administrator (setup mode)
    "admin_setup_title": ("สร้างบัญชีผู้ดูแลระบบ", "Create the administrator account"),
    "admin_setup_body": (
        (
            "หน่วยงานนี้ยังไม่มีบัญชีผู้ใช้ ก่อนใช้งานต้องสร้างบัญชีผู้ดูแลระบบคนแรก (โดยปกติคือเจ้าหน้าที่บุคคล) "
            "บัญชีนี้จะได้บทบาทผู้ดูแลระบบและเจ้าหน้าที่บุคคล จากนั้นทุกคนต้องเข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่านของตนเอง"
        ),
        (
            "This office has no user accounts yet. First create the administrator account (usually the HR "
            "officer); it gets the administrator and HR roles. After that everyone signs in with their own "
            "username and password."
        ),
    ),
    "admin_setup_keys": ("a สร้างบัญชีผู้ดูแลระบบ · ctrl+q ออก", "a create the administrator · ctrl+q quit"),
    "admin_setup_open": ("สร้างบัญชี", "Create account"),
    "admin_created": (
        "สร้างบัญชีผู้ดูแลระบบ {user} แล้ว — เข้าสู่ระบบด้วยรหัสผ่านที่เพิ่งตั้ง",
        "Administrator {user} created — sign in with the password you just set",
    ),
    # users register
    "users_title": ("ผู้ใช้และสิทธิ์", "Users and roles"),
    "users_hint": (
        "n เพิ่ม · e บทบาท · p ตั้งรหัสผ่านชั่วคราว · d ระงับ/เปิดใช้ · g อนุมัติกุญแจ · k สร้างรหัสกู้คืน · R กู้คืนกุญแจ · o บันทึก PDPA · f1 ช่วยเหลือ",
        "n add · e roles · p temporary password · d disable/enable · g approve keys · k recovery key · R recover · o PDPA record · f1 help",
    ),
    "col_username": ("ชื่อผู้ใช้", "Username"),
    "col_display": ("ชื่อที่แสดง", "Name"),
    "col_roles": ("บทบาท", "Roles"),
    "col_pending": ("รอกุญแจ", "Keys pending"),
    "user_disabled": ("ระงับ", "disabled"),
    "user_must_change": ("รอเปลี่ยนรหัส", "must change password"),
    "user_locked": ("ถูกล็อก", "locked"),
    "roles": ("บทบาท", "Roles"),
    "new_user": ("เพิ่มผู้ใช้", "New user"),
    "edit_roles": ("บทบาท", "Roles"),
    "reset_password": ("รหัสชั่วคราว", "Temp password"),
    "toggle_user": ("ระงับ/เปิดใช้", "Disable/enable"),
    "approve_keys": ("อนุมัติกุญแจ", "Approve keys"),
    "recovery_key": ("รหัสกู้คืน", "Recovery key"),
    "recover": ("กู้คืนกุญแจ", "Recover keys"),
    "f_username": ("ชื่อผู้ใช้ (a-z 0-9)", "Username (a-z 0-9)"),
    "f_display_name": ("ชื่อที่แสดง", "Display name"),
    "f_roles": ("บทบาท (space เลือก)", "Roles (space toggles)"),
    "f_staff_link": ("เชื่อมกับบุคลากร", "Linked staff record"),
    "no_staff_link": ("— ไม่เชื่อม —", "— none —"),
    "f_temp_password": ("รหัสผ่านชั่วคราว", "Temporary password"),
    "f_password": ("รหัสผ่าน", "Password"),
    "f_confirm": ("ยืนยันรหัสผ่าน", "Confirm password"),
    "temp_password_note": (
        "ผู้ใช้ต้องตั้งรหัสผ่านใหม่ของตนเองเมื่อเข้าสู่ระบบครั้งแรก",
        "The user must choose their own password at first sign-in",
    ),
    "roles_title": ("เปลี่ยนบทบาทของ {user}", "Roles of {user}"),
    "reset_title": ("ตั้งรหัสผ่านชั่วคราวให้ {user}", "Temporary password for {user}"),
    "reset_note": (
        "ผู้ใช้จะต้องตั้งรหัสผ่านใหม่เมื่อเข้าสู่ระบบ กุญแจข้อมูลลับเดิมของผู้ใช้จะใช้ไม่ได้ ผู้ที่ถือกุญแจต้องอนุมัติให้ใหม่ (คุณอนุมัติให้ทันทีสำหรับกุญแจที่คุณถืออยู่)",
        (
            "The user must choose a new password at sign-in. Their old confidential keys stop working; a key "
            "holder must approve them again (keys you hold are granted at once)."
        ),
    ),
    "user_added": ("เพิ่มผู้ใช้ {user} แล้ว พร้อมรหัสผ่านชั่วคราว", "User {user} added with a temporary password"),
    "roles_saved": ("บันทึกบทบาทของ {user} แล้ว", "Roles of {user} saved"),
    "password_reset": ("ตั้งรหัสผ่านชั่วคราวให้ {user} แล้ว", "Temporary password set for {user}"),
    "pending_note": (
        "รอกุญแจข้อมูลลับ: {vaults} — ผู้ที่ถือกุญแจบทบาทนั้นต้องเข้าสู่ระบบแล้วอนุมัติ (ctrl+p → ผู้ใช้: อนุมัติกุญแจข้อมูลลับ)",
        "Keys pending: {vaults} — a holder of that key must sign in and approve (ctrl+p → Users: approve confidential keys)",
    ),
    "disable_confirm": (
        "ระงับบัญชี {user} ?\nผู้ใช้นี้จะเข้าสู่ระบบไม่ได้ และกุญแจข้อมูลลับของผู้ใช้นี้จะถูกเพิกถอน",
        "Disable the account {user}?\nThey can no longer sign in and their confidential keys are revoked.",
    ),
    "enable_confirm": (
        "เปิดใช้บัญชี {user} อีกครั้ง ?\n(กุญแจข้อมูลลับต้องได้รับการอนุมัติใหม่)",
        "Enable the account {user} again?\n(Confidential keys must be approved again.)",
    ),
    "users_pending_count": (
        "ผู้ใช้รอกุญแจข้อมูลลับ {n} รายการ — กด g เพื่อดูว่าใครรอกุญแจใด และผู้ถือกุญแจต้องเป็นผู้อนุมัติ",
        "{n} key grant(s) pending — press g to see who waits for which key; a key holder must approve",
    ),
    "user_disabled_done": ("ระงับบัญชี {user} แล้ว", "{user} disabled"),
    "user_enabled_done": ("เปิดใช้บัญชี {user} แล้ว", "{user} enabled"),
    # confidential keys
    "keys_loss_warning": (
        (
            "คำเตือน: ข้อมูลลับอ่านได้ด้วยรหัสผ่านของผู้มีสิทธิ์เท่านั้น หากรหัสผ่านของทุกคนที่ถือกุญแจของบทบาทหนึ่งสูญหาย "
            "และไม่มีรหัสกู้คืน ข้อมูลลับของบทบาทนั้นจะสูญหายถาวร ไม่มีใครเปิดได้อีก รวมทั้งผู้ดูแลระบบและผู้พัฒนาโปรแกรม"
        ),
        (
            "Warning: confidential values open only with an entitled user's password. If every password "
            "that holds a role's key is lost and there is no recovery code, that role's confidential values "
            "are lost for good; nobody can open them, the administrator and the developers included."
        ),
    ),
    "grants_title": ("อนุมัติกุญแจข้อมูลลับ", "Approve confidential keys"),
    "grants_body": (
        (
            "ผู้ใช้ที่ได้รับบทบาทคณะที่ปรึกษาฯ เจ้าหน้าที่รับเรื่องร้องเรียน หรือเจ้าหน้าที่บุคคล จะอ่านข้อมูลลับได้เมื่อผู้ที่ถือกุญแจของบทบาทนั้นอยู่แล้ว"
            "เข้าสู่ระบบและอนุมัติ — เฉพาะผู้ที่ถือกุญแจเท่านั้นที่อนุมัติได้ ผู้ดูแลระบบที่ไม่มีกุญแจอนุมัติแทนไม่ได้"
        ),
        (
            "A user given the committee, complaints or HR role reads its confidential values once a user "
            "who already holds that role's key signs in and approves. Only a key holder can approve; an "
            "administrator without the key cannot."
        ),
    ),
    "grants_none": ("ไม่มีคำขอกุญแจที่รออนุมัติ", "No key is waiting for approval"),
    "grants_can": ("คุณอนุมัติได้", "you can approve"),
    "grants_cannot": ("รอผู้ถือกุญแจ", "needs a key holder"),
    "grants_keys": ("ctrl+s อนุมัติทุกรายการที่คุณอนุมัติได้ · esc ปิด", "ctrl+s approve all you can · esc close"),
    "grants_nothing_yours": (
        "คุณไม่ได้ถือกุญแจของรายการที่รออยู่ จึงอนุมัติไม่ได้",
        "You hold none of the keys these users wait for",
    ),
    "grants_done": ("อนุมัติแล้ว: {list}", "Approved: {list}"),
    "grants_waiting": ("มีคำขอกุญแจข้อมูลลับที่คุณอนุมัติได้ {n} รายการ", "{n} confidential key request(s) you can approve"),
    "col_vault": ("กุญแจของบทบาท", "Key of role"),
    "col_state": ("สถานะ", "State"),
    "nav_approve": ("อนุมัติกุญแจข้อมูลลับ (รอ {n} รายการ)", "Approve confidential keys ({n} waiting)"),
    "pdpa_record": ("บันทึกกิจกรรมการประมวลผล (PDPA)", "record of processing (PDPA)"),
    "reset_loss_warning": (
        "⚠ {user} เป็นผู้ถือกุญแจข้อมูลลับคนสุดท้าย และยังไม่มีรหัสกู้คืนที่ถือกุญแจนี้: ตั้งรหัสผ่านใหม่แล้วข้อมูลลับ {n} "
        "รายการจะอ่านไม่ได้อีกตลอดไป ทางที่ดีกว่า: ให้ {user} เข้าสู่ระบบแล้วอนุมัติกุญแจให้ผู้มีสิทธิ์อีกคน หรือสร้างรหัสกู้คืน",
        "⚠ {user} is the last holder of a confidential key and no recovery code holds it: a reset makes {n} "
        "sealed value(s) unreadable for good. Better: have {user} sign in and approve the key for another "
        "entitled user, or create the recovery code.",
    ),
    "reset_loss_confirm": ("พิมพ์ {n} เพื่อยืนยันว่ายอมรับ", "Type {n} to accept the loss"),
    "recovery_first_start": (
        "สร้างรหัสกู้คืนของสำนักงานตอนนี้ ?\nถ้าผู้ถือกุญแจข้อมูลลับลืมรหัสผ่านและไม่มีรหัสกู้คืน ข้อมูลลับจะอ่านไม่ได้อีก "
        "(สร้างภายหลังได้ที่ ผู้ใช้ → k)",
        "Create the office recovery code now?\nIf a key holder forgets their password and there is no recovery "
        "code, confidential data is lost (you can also do it later under Users → k).",
    ),
    "recovery_confirm": (
        "สร้างรหัสกู้คืนของสำนักงาน ?\nรหัสจะแสดงเพียงครั้งเดียว และรหัสกู้คืนเดิม (ถ้ามี) จะใช้ไม่ได้อีก",
        "Create the office recovery code?\nIt is shown only once, and any earlier recovery code stops working.",
    ),
    "recovery_title": ("รหัสกู้คืนข้อมูลลับ — แสดงครั้งเดียวเท่านั้น", "Recovery code — shown only once"),
    "recovery_body": (
        (
            "พิมพ์หรือจดรหัสนี้ แล้วเก็บในที่ปลอดภัย (เช่น ซองปิดผนึกในตู้นิรภัย) โปรแกรมไม่เก็บรหัสนี้ไว้ และจะไม่แสดงอีก "
            "ผู้ใดที่มีรหัสนี้และเป็นผู้ดูแลระบบ สามารถคืนกุญแจข้อมูลลับให้ผู้ใช้ได้ เมื่อรหัสผ่านของผู้ถือกุญแจสูญหายทั้งหมด "
            "กุญแจที่ผู้ใช้อื่นถืออยู่จะถูกเพิ่มเข้ารหัสกู้คืนนี้เมื่อผู้ถือเข้าสู่ระบบครั้งถัดไป"
        ),
        (
            "Print or write down this code and keep it somewhere safe (a sealed envelope in the safe). The "
            "program does not keep it and will not show it again. An administrator with this code can give "
            "the confidential keys back when every holder's password is lost. Keys held by others are added "
            "to it the next time they sign in."
        ),
    ),
    "recovery_keys": ("y เมื่อจดหรือพิมพ์เก็บแล้ว จึงปิดหน้าต่าง", "press y once the code is stored, to close"),
    "recovery_not_yet": ("กด y เมื่อเก็บรหัสกู้คืนเรียบร้อยแล้ว", "Press y once the recovery code is stored"),
    "recover_title": ("กู้คืนกุญแจข้อมูลลับด้วยรหัสกู้คืน", "Recover confidential keys with the recovery code"),
    "f_recovery_code": ("รหัสกู้คืน", "Recovery code"),
    "f_recover_user": ("ให้กุญแจแก่ผู้ใช้", "Give the keys to"),
    "recovered": ("คืนกุญแจให้ {user} แล้ว: {vaults}", "Keys given back to {user}: {vaults}"),
    "recovered_none": (
        "รหัสถูกต้อง แต่ไม่มีกุญแจที่ตรงกับบทบาทของ {user}",
        "The code is valid, but it holds no key for {user}'s roles",
    ),
}


def register_labels(labels: dict[str, tuple[str, str]]) -> None:
    """Add a register's (Thai, English) labels to :data:`TEXT` (call it at import).

    A key that is already taken with a different text raises ``ValueError``: two registers
    would otherwise silently change each other's labels. Adding the same text again is fine.
    """
    for key, pair in labels.items():
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
            raise TypeError(f"label {key!r} must be a (Thai, English) pair of strings")
        old = TEXT.get(key)
        if old is not None and old != pair:
            raise ValueError(f"label {key!r} is already defined as {old!r}")
    TEXT.update(labels)


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
