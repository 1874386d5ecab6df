"""Staff self-service accounts (acknowledging circulars themselves)."""

from __future__ import annotations

from ethics_tui.registers.spec import Action, RegisterSpec

SPEC = RegisterSpec(
    key="staff_accounts",
    label=("บัญชีบุคลากร (รับทราบด้วยตนเอง)", "Staff self-service accounts"),
    permission="staff_accounts.manage",
    screen="ethics_tui.tui.screens.staff_accounts:StaffAccountsScreen",
    services=("ethics_tui.service.staff_accounts",),
    hotkey="y",
    order=850,
    actions=(
        Action(
            "n",
            "create",
            ("สร้างบัญชีทุกคน", "accounts for all"),
            "staff_accounts.manage",
            ("บัญชีบุคลากร: สร้างบัญชีและพิมพ์ใบแจ้งรหัส", "Staff accounts: make accounts and print code slips"),
            writes=True,
        ),
        Action("r", "reissue", ("รหัสใหม่", "new code"), "staff_accounts.manage", writes=True),
    ),
)
