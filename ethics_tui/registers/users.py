"""Users, roles and the vault keys (grants, recovery code, PDPA record)."""

from __future__ import annotations

from ethics_tui.registers.spec import Action, RegisterSpec

SPEC = RegisterSpec(
    key="users",
    label=("ผู้ใช้และสิทธิ์", "Users and roles"),
    permission="users.manage",
    screen="ethics_tui.tui.screens.users:UsersScreen",
    services=("ethics_tui.service.users",),
    tables={"users": "ethics_tui.model.user:User"},  # verify checks it by hand (password, keys)
    hotkey="u",
    order=900,
    home_alerts="ethics_tui.service.users_custody:home_alerts",
    demo="ethics_tui.service.users_custody:extend_demo",
    actions=(
        Action("n", "new", ("เพิ่มผู้ใช้", "New user"), "users.manage", ("ผู้ใช้: เพิ่มผู้ใช้", "Users: add a user"), writes=True),
        Action("e", "roles", ("บทบาท", "Roles"), "users.manage", writes=True),
        Action("p", "reset_password", ("รหัสชั่วคราว", "Temp password"), "users.manage", writes=True),
        Action("d", "toggle_active", ("ระงับ/เปิดใช้", "Disable/enable"), "users.manage", writes=True),
        Action("g", "grants", ("อนุมัติกุญแจ", "Approve keys"), "users.manage", writes=True),
        Action(
            "k",
            "recovery_key",
            ("รหัสกู้คืน", "Recovery key"),
            "users.manage",
            ("ผู้ใช้: สร้างรหัสกู้คืน", "Users: create the recovery code"),
            writes=True,
        ),
        Action(
            "R",
            "recover",
            ("กู้คืนกุญแจ", "Recover keys"),
            "users.manage",
            ("ผู้ใช้: กู้คืนกุญแจด้วยรหัสกู้คืน", "Users: recover keys with the code"),
            writes=True,
        ),
        Action(
            "o",
            "pdpa_record",
            ("บันทึกกิจกรรมการประมวลผล (PDPA)", "record of processing (PDPA)"),
            "users.manage",
            writes=True,
        ),
    ),
)
