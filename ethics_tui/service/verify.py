"""``verify``: every database file parses, records satisfy the schema, the audit chain holds,
and every file is the one the audit log says it should be (``store.integrity``)."""

from __future__ import annotations

from ethics_tui.errors import CorruptDatabaseError, StorageError, UserError, ValidationError
from ethics_tui.model.settings import Division, OfficeSettings
from ethics_tui.model.staff import Staff
from ethics_tui.store import integrity, migrations
from ethics_tui.store.database import Store

Problem = tuple[str, str]  # (th, en)


def _check_table(data: dict, table: str, build, problems: list[Problem]) -> None:
    for key, doc in data.get(table, {}).items():
        try:
            doc_id = int(key)
        except ValueError:
            problems.append((f"{table}: รหัสระเบียน “{key}” ไม่ใช่ตัวเลข", f"{table}: record id '{key}' is not a number"))
            continue
        if not isinstance(doc, dict):
            problems.append((f"{table} #{doc_id}: ไม่ใช่ระเบียน", f"{table} #{doc_id}: not a record"))
            continue
        try:
            build(doc_id, _placeholders(doc)).validate()
        except ValidationError as exc:
            for f, (th, en) in exc.errors.items():
                problems.append((f"{table} #{doc_id} {f}: {th}", f"{table} #{doc_id} {f}: {en}"))
        except Exception as exc:  # noqa: BLE001 - any damage is a problem to report, not a crash
            problems.append((f"{table} #{doc_id}: โครงสร้างไม่ถูกต้อง ({exc})", f"{table} #{doc_id}: bad shape ({exc})"))


def _placeholders(value):
    """The record with each sealed value (``{"$enc": ...}``) read as a placeholder text, so
    that its shape can be checked without the key (the ciphertext is checked when opened)."""
    from ethics_tui.store.crypto import is_encrypted

    if is_encrypted(value):
        return "ปกปิด"
    if isinstance(value, dict):
        return {k: _placeholders(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_placeholders(v) for v in value]
    return value


def verify(store: Store) -> list[Problem]:
    problems: list[Problem] = []
    datas: dict[str, dict] = {}
    unreadable: set[str] = set()
    for name in store.db_names():
        try:
            datas[name] = store.load(name)
        except (CorruptDatabaseError, StorageError) as exc:
            problems.append((exc.th, exc.en))
            unreadable.add(name)
    main = datas.get("main", {})
    if main:
        problems.extend(integrity.check_table_files(store, "main", main))
        main = _readable(main)  # a missing or damaged table file is reported just above
        version = migrations.schema_of(main)
        if version not in migrations.READABLE:
            problems.append(
                (
                    f"main.json: schema {version} ไม่ใช่รุ่นปัจจุบัน {migrations.CURRENT_SCHEMA}",
                    f"main.json: schema {version}, expected {migrations.CURRENT_SCHEMA}",
                )
            )
        divisions = main.get("divisions", {})
        _check_table(main, "settings", lambda i, d: _settings(d), problems)
        _check_table(main, "divisions", Division.from_doc, problems)
        _check_table(main, "staff", Staff.from_doc, problems)
        for key, doc in main.get("staff", {}).items():
            if isinstance(doc, dict) and str(doc.get("division_id")) not in divisions:
                problems.append(
                    (
                        f"staff #{key}: ไม่พบกองรหัส {doc.get('division_id')}",
                        f"staff #{key}: division {doc.get('division_id')} does not exist",
                    )
                )
        codes: dict[str, str] = {}
        for key, doc in main.get("staff", {}).items():
            code = doc.get("code") if isinstance(doc, dict) else None
            if code:
                if code in codes:
                    problems.append(
                        (
                            f"staff #{key}: รหัส {code} ซ้ำกับ #{codes[code]}",
                            f"staff #{key}: code {code} duplicates #{codes[code]}",
                        )
                    )
                codes[code] = key
        _check_registers(main, problems)
        _check_private(main, problems)
    try:
        chain, head = store.audit.verify()
    except UserError as exc:  # pragma: no cover - unreadable file
        return problems + [(exc.th, exc.en)]
    problems.extend(chain)
    problems.extend(integrity.check(store, datas, unreadable))
    for name, data in datas.items():
        if name.startswith("acks-"):
            _check_acks(name, data, problems)
    return problems


def _readable(data) -> dict:
    """Every table of a database that reads (a table file may be missing or damaged)."""
    out = {}
    for table in data:
        try:
            out[table] = data[table]
        except StorageError:
            continue
    return out


def _register_models():
    """Table -> model class of each register (its spec's ``verify`` tables; validate() where it
    has one)."""
    from ethics_tui.registers import resolve, specs

    return {table: resolve(spec.tables[table]) for spec in specs() for table in spec.verify}


class _Shape:
    """A record that only has to load into its model (no validate() of its own)."""

    def __init__(self, obj, check=None):
        self.obj = obj
        self.check = check

    def validate(self):
        validate = self.check or getattr(self.obj, "validate", None)
        if validate is not None:
            validate()


def _check_registers(main: dict, problems: list[Problem]) -> None:
    for table, cls in _register_models().items():
        if table in main:
            _check_table(main, table, lambda i, d, cls=cls: _Shape(cls.from_doc(i, d)), problems)


def _settings(doc: dict):
    s = OfficeSettings.from_dict(doc)

    class _V:
        def validate(self_inner):
            if s.configured:
                s.validate()

    return _V()


def _check_private(main: dict, problems: list[Problem]) -> None:
    """Consultations, users, vault, numbering and complaint identities (item 9 of issue 15)."""
    from ethics_tui.model.committee import Consultation
    from ethics_tui.model.user import User

    def consultation(i, d):
        c = Consultation.from_doc(i, d)
        return _Shape(c, lambda: c.validate(categories=[c.category]))  # custom categories are fine

    def user(i, d):
        u = User.from_doc(i, d)
        if not isinstance(u.pw, dict) or not u.pw or not isinstance(u.keypair, dict) or not u.keypair:
            raise ValueError("password or key pair missing")
        if not isinstance(u.grants, dict) or not all(isinstance(v, (str, dict)) for v in u.grants.values()):
            raise ValueError("grants")
        return _Shape(u)

    _check_table(main, "consultations", consultation, problems)
    _check_table(main, "users", user, problems)
    for key, doc in main.get("vault", {}).items():
        if (
            key != "1"
            or not isinstance(doc, dict)
            or not isinstance(doc.get("vaults", {}), dict)
            or not isinstance(doc.get("recovery", {}), dict)
        ):
            problems.append((f"vault #{key}: โครงสร้างไม่ถูกต้อง", f"vault #{key}: bad shape"))
    seen: dict[tuple, str] = {}
    for key, doc in main.get("numbers", {}).items():
        ok = (
            isinstance(doc, dict)
            and isinstance(doc.get("seq"), str)
            and isinstance(doc.get("n"), int)
            and doc["n"] > 0
            and isinstance(doc.get("year"), int)
        )
        if not ok:
            problems.append((f"numbers #{key}: เลขที่เอกสารเสียหาย", f"numbers #{key}: damaged document number"))
            continue
        slot = (doc["seq"], doc["year"], doc["n"])
        if slot in seen:
            problems.append(
                (
                    f"numbers #{key}: เลขที่ {doc['n']}/{doc['year']} ({doc['seq']}) ซ้ำกับ #{seen[slot]}",
                    f"numbers #{key}: number {doc['n']}/{doc['year']} ({doc['seq']}) duplicates #{seen[slot]}",
                )
            )
        seen[slot] = key
    cases = main.get("complaints", {})
    for key, doc in main.get("complaint_identities", {}).items():
        if key not in cases:
            problems.append(
                (f"complaint_identities #{key}: ไม่มีเรื่องร้องเรียนนี้", f"complaint_identities #{key}: no such case")
            )
        elif not isinstance(doc, dict) or not all(isinstance(v, (str, dict)) for v in doc.values()):
            problems.append(
                (f"complaint_identities #{key}: โครงสร้างไม่ถูกต้อง", f"complaint_identities #{key}: bad shape")
            )
    if "complaint_identities" in main or cases:
        for key in cases:
            if key not in main.get("complaint_identities", {}):
                problems.append(
                    (
                        f"complaints #{key}: ไม่พบข้อมูลผู้ร้อง/ผู้ถูกร้อง (ส่วนปกปิด)",
                        f"complaints #{key}: its sealed identity record is missing",
                    )
                )


def _check_acks(name: str, data: dict, problems: list[Problem]) -> None:
    """An ``acks-N.json``: each row is a staff member's acknowledgement in a known state."""
    from datetime import date

    from ethics_tui.model.notices import METHODS

    for key, doc in data.get("acks", {}).items():
        where = (f"{name} acks #{key}", f"{name} acks #{key}")
        try:
            int(key)
            if not isinstance(doc, dict) or not isinstance(doc.get("staff_id"), int):
                raise ValueError("staff_id")
            status = doc.get("status")
            if status not in ("pending", "acknowledged"):
                raise ValueError(f"status {status!r}")
            if status == "acknowledged":
                date.fromisoformat(doc.get("date") or "")
                if doc.get("method") and doc["method"] not in METHODS:
                    raise ValueError(f"method {doc['method']!r}")
            if not isinstance(doc.get("history", []), list):
                raise ValueError("history")
        except (ValueError, TypeError) as exc:
            problems.append(
                (f"{where[0]}: ข้อมูลการรับทราบเสียหาย ({exc})", f"{where[1]}: damaged acknowledgement ({exc})")
            )
    for key, doc in data.get("sheets", {}).items():
        if not isinstance(doc, dict) or not isinstance(doc.get("pages", {}), dict):
            problems.append((f"{name} sheets #{key}: โครงสร้างไม่ถูกต้อง", f"{name} sheets #{key}: bad shape"))
