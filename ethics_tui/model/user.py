"""Users of the program, their roles, and what each role may do."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ethics_tui.errors import ValidationError
from ethics_tui.model.labels import labels_of
from ethics_tui.model.record import Record

ROLES = ("admin", "hr", "committee", "complaints", "executive", "viewer")
ROLE_LABELS = labels_of("user.role_labels")
#: Staff self-service (service/staff_accounts.py): not an office role, never combined with one,
#: and outside ``ROLES`` so that no register permission (``access.ALL``) reaches it.
STAFF_ROLE = "staff"
#: Roles whose confidential fields are encrypted under their own data key.
VAULT_ROLES = ("committee", "complaints", "hr")
#: Which roles are entitled to each vault's key. Individual appraisal scores (hr vault) are
#: readable by hr and by the executive.
VAULT_HOLDERS = {"committee": ("committee",), "complaints": ("complaints",), "hr": ("hr", "executive")}


def entitled(roles, vault: str) -> bool:
    return any(r in roles for r in VAULT_HOLDERS.get(vault, (vault,)))


_USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MIN_PASSWORD = 8


@dataclass
class User(Record):
    SINGLE_LINE = ("username", "display_name")

    username: str
    display_name: str
    roles: list[str] = field(default_factory=list)
    staff_id: int | None = None
    active: bool = True
    must_change: bool = False
    # secrets (never shown, never logged)
    pw: dict = field(default_factory=dict)  # scrypt salt + verifier
    keypair: dict = field(default_factory=dict)  # X25519 public key + encrypted private key
    grants: dict = field(default_factory=dict)  # vault name -> data key wrapped to this user
    #: vault -> {generation: wrapped key}: older keys after a rotation, until their values are
    #: re-encrypted (see service/vault_rotation.py)
    old_grants: dict = field(default_factory=dict)
    failed: int = 0
    locked_until: str = ""  # ISO datetime
    id: int | None = None
    rev: int = 0

    def entitled(self, vault: str) -> bool:
        return entitled(self.roles, vault)

    def has(self, *roles: str) -> bool:
        return self.active and any(r in self.roles for r in roles)

    def validate(self) -> None:
        errors: dict[str, tuple[str, str]] = {}
        if not _USERNAME_RE.match(self.username or ""):
            errors["username"] = (
                "ชื่อผู้ใช้ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข . _ - ยาว 2-32 ตัว",
                "username: 2-32 of a-z, 0-9, . _ -",
            )
        if not (self.display_name or "").strip():
            errors["display_name"] = ("ต้องกรอกชื่อที่แสดง", "display name is required")
        bad = [r for r in self.roles if r not in ROLES]
        if self.roles == [STAFF_ROLE] and self.staff_id is not None:
            bad = []
        if bad or not self.roles:
            errors["roles"] = (
                "ต้องมีบทบาทอย่างน้อยหนึ่งบทบาทจาก " + ", ".join(ROLES),
                "at least one role from " + ", ".join(ROLES),
            )
        if errors:
            raise ValidationError(errors)


def check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(
            {
                "password": (
                    f"รหัสผ่านต้องยาวอย่างน้อย {MIN_PASSWORD} ตัวอักษร",
                    f"password needs at least {MIN_PASSWORD} characters",
                )
            }
        )
