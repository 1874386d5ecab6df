"""``verify``: every database file parses, records satisfy the schema, the audit chain holds."""

from __future__ import annotations

from ethics_tui.errors import CorruptDatabaseError, StorageError, UserError, ValidationError
from ethics_tui.model.settings import Division, OfficeSettings
from ethics_tui.model.staff import Staff
from ethics_tui.store import migrations
from ethics_tui.store.database import META_TABLE, Store

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
            build(doc_id, doc).validate()
        except ValidationError as exc:
            for f, (th, en) in exc.errors.items():
                problems.append((f"{table} #{doc_id} {f}: {th}", f"{table} #{doc_id} {f}: {en}"))
        except Exception as exc:  # noqa: BLE001 - any damage is a problem to report, not a crash
            problems.append((f"{table} #{doc_id}: โครงสร้างไม่ถูกต้อง ({exc})", f"{table} #{doc_id}: bad shape ({exc})"))


def verify(store: Store) -> list[Problem]:
    problems: list[Problem] = []
    datas: dict[str, dict] = {}
    for name in store.db_names():
        try:
            datas[name] = store.load(name)
        except (CorruptDatabaseError, StorageError) as exc:
            problems.append((exc.th, exc.en))
    main = datas.get("main", {})
    if main:
        version = migrations.schema_of(main)
        if version != migrations.CURRENT_SCHEMA:
            problems.append(
                (f"main.json: schema {version} ไม่ใช่รุ่นปัจจุบัน {migrations.CURRENT_SCHEMA}",
                 f"main.json: schema {version}, expected {migrations.CURRENT_SCHEMA}")
            )
        divisions = main.get("divisions", {})
        _check_table(main, "settings", lambda i, d: _settings(d), problems)
        _check_table(main, "divisions", Division.from_doc, problems)
        _check_table(main, "staff", Staff.from_doc, problems)
        for key, doc in main.get("staff", {}).items():
            if isinstance(doc, dict) and str(doc.get("division_id")) not in divisions:
                problems.append(
                    (f"staff #{key}: ไม่พบกองรหัส {doc.get('division_id')}", f"staff #{key}: division {doc.get('division_id')} does not exist")
                )
        codes: dict[str, str] = {}
        for key, doc in main.get("staff", {}).items():
            code = doc.get("code") if isinstance(doc, dict) else None
            if code:
                if code in codes:
                    problems.append((f"staff #{key}: รหัส {code} ซ้ำกับ #{codes[code]}", f"staff #{key}: code {code} duplicates #{codes[code]}"))
                codes[code] = key
        _check_registers(main, problems)
    try:
        chain, head = store.audit.verify()
    except UserError as exc:  # pragma: no cover - unreadable file
        return problems + [(exc.th, exc.en)]
    problems.extend(chain)
    hashes: dict[int, str] | None = None
    for name, data in datas.items():
        recorded = data.get(META_TABLE, {}).get("1", {}).get("audit_head")
        if not recorded:
            continue
        seq, digest = recorded.get("seq", 0), recorded.get("hash")
        if seq > head.seq:
            problems.append(
                (f"{name}.json อ้างถึงรายการ audit ลำดับ {seq} แต่บันทึกมีถึง {head.seq} — รายการท้ายถูกลบ",
                 f"{name}.json refers to audit entry {seq} but the log ends at {head.seq} (entries removed)")
            )
        else:
            if hashes is None:  # one pass over the log, however many data files there are
                hashes = {e.get("seq"): e.get("hash") for e in store.audit.entries() if "_bad" not in e}
            if seq and hashes.get(seq) != digest:
                problems.append(
                    (f"{name}.json: รายการ audit ลำดับ {seq} ไม่ตรงกับที่บันทึกไว้", f"{name}.json: audit entry {seq} does not match")
                )
    return problems


def _register_models():
    """Table -> model class of each register (imported lazily; validate() where it has one)."""
    from ethics_tui.model import appraisal, committee, complaints, notices, training

    return {
        "orders": committee.Order,
        "notices": notices.Notice,
        "training_opportunities": training.Opportunity,
        "training_nominations": training.Nomination,
        "training_budgets": training.Budget,
        "training_questions": training.Question,
        "appraisal_rounds": appraisal.AppraisalRound,
        "appraisal_results": appraisal.AppraisalResult,
        "appraisal_grievances": appraisal.Grievance,
        "complaints": complaints.Complaint,
    }


class _Shape:
    """A record that only has to load into its model (no validate() of its own)."""

    def __init__(self, obj):
        self.obj = obj

    def validate(self):
        validate = getattr(self.obj, "validate", None)
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
