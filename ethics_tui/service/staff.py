"""The staff register: search, add, edit, deactivate. No hard delete: records refer to staff."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from ethics_tui.errors import ConflictError, NotFoundError, ValidationError, found
from ethics_tui.model.staff import Staff
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.service.settings import DIVISIONS
from ethics_tui.thai.collate import sort_keys
from ethics_tui.thai.digits import to_arabic_digits

STAFF = "staff"


@dataclass
class StaffRow:
    """A staff member with the division name resolved, for tables and exports."""

    staff: Staff
    division: str


def _all(ctx: Context) -> list[Staff]:
    require(ctx, "staff.read")
    rows = ctx.store.load().get(STAFF, {})
    return [Staff.from_doc(int(k), v) for k, v in rows.items()]


def get(ctx: Context, staff_id: int) -> Staff:
    require(ctx, "staff.read")
    doc = found(
        ctx.store.load().get(STAFF, {}).get(str(staff_id)), f"ไม่พบบุคลากรรหัส {staff_id}", f"No staff member {staff_id}"
    )
    return Staff.from_doc(staff_id, doc)


def count(ctx: Context, active_only: bool = True) -> int:
    require(ctx, "staff.read")
    return ctx.store.count(STAFF, active_only)  # a table in its own file: counted in the root


def search(ctx: Context, text: str = "", include_inactive: bool = False, limit: int | None = None) -> list[StaffRow]:
    """Staff whose name, code, position or division contains every word of ``text``.

    Sorted by division then name. ``limit`` caps the rows returned (the TUI shows a page).
    """
    return search_page(ctx, text, include_inactive, limit)[0]


def search_page(
    ctx: Context, text: str = "", include_inactive: bool = False, limit: int | None = None
) -> tuple[list[StaffRow], int, int]:
    """``search``, how many matched in all and how many were searched (the people listed with
    no search text). Filters a sorted index of the stored records
    (built once per change of the staff or divisions table) and makes ``Staff`` objects only
    for the rows returned, so a keystroke in a 10,000-person office stays cheap."""
    require(ctx, "staff.read")
    data = ctx.store.load()
    table = data.get(STAFF, {})
    words = [w.casefold() for w in text.split()]
    rows = _INDEX.rows(data)
    hays = _INDEX.hays(data) if words else None
    picked: list[tuple[str, str]] = []
    total = listed = 0
    for i, (key, active, div) in enumerate(rows):
        if not include_inactive and not active:
            continue
        listed += 1
        if hays is not None and not all(w in hays[i] for w in words):
            continue
        total += 1
        if limit is None or len(picked) < limit:
            picked.append((key, div))
    return [StaffRow(Staff.from_doc(int(k), table[k]), div) for k, div in picked], total, listed


class _SearchIndex:
    """(key, active, division name) of every staff record in display order, and (made on the
    first search with words) each record's search text, for one (staff table, divisions
    table) pair of objects (the store replaces a table whole when it changes)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tables: tuple | None = None
        self._rows: list[tuple[str, bool, str]] = []
        self._hays: list[str] | None = None

    def _current(self, data: dict) -> tuple:
        return data.get(STAFF, {}), data.get(DIVISIONS, {})

    def rows(self, data: dict) -> list[tuple[str, bool, str]]:
        tables = self._current(data)
        with self._lock:
            if self._tables is not None and all(a is b for a, b in zip(self._tables, tables)):
                return self._rows
        names = {int(k): d.get("name", "") for k, d in tables[1].items()}
        docs = tables[0]
        div_key = dict(zip(names.values(), sort_keys(list(names.values())), strict=True))
        people = sort_keys(
            [d.get("first_name") or "" for d in docs.values()] + [d.get("last_name") or "" for d in docs.values()]
        )
        built = []
        for i, (key, d) in enumerate(docs.items()):  # division, then name, in Thai dictionary order
            div = names.get(d.get("division_id"), "")
            sort_key = (div_key.get(div, ""), people[i], people[len(docs) + i], int(key))
            built.append((sort_key, key, d.get("active", True), div))
        built.sort(key=lambda r: r[0])
        rows = [r[1:] for r in built]
        with self._lock:
            self._tables, self._rows, self._hays = tables, rows, None
        return rows

    def hays(self, data: dict) -> list[str]:
        rows = self.rows(data)
        with self._lock:
            if self._hays is not None and self._rows is rows:
                return self._hays
        table = data.get(STAFF, {})
        hays = []
        for key, _active, div in rows:
            d = table[key]
            first, last = d.get("first_name") or "", d.get("last_name") or ""
            full = f"{d.get('prefix') or ''}{first} {last}".strip()
            hays.append(
                f"{d.get('code') or ''} {full} {first} {d.get('position') or ''} {d.get('level') or ''} {div}".casefold()  # noqa: E501 - one message
            )
        with self._lock:
            if self._rows is rows:
                self._hays = hays
        return hays


_INDEX = _SearchIndex()


class _CodeIndex:
    """staff code -> ids, for the duplicate check of a save without reading every record.

    Kept for one version of the staff table: a table file's name and stat key (the files are
    immutable; an edit outside the program changes the stat key), or, for a table kept in the
    root, the table *object* of the transaction. A save that this process commits moves the
    index to the version it wrote (``moved``); any other version rebuilds it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: object = None
        self._codes: dict[str, set[int]] = {}

    @staticmethod
    def _same(a, b) -> bool:
        return a is b or (isinstance(a, tuple) and isinstance(b, tuple) and a == b)

    def owners(self, key, table: dict, code: str) -> set[int]:
        with self._lock:
            if not self._same(key, self._key):
                codes: dict[str, set[int]] = {}
                for k, doc in table.items():
                    if doc.get("code"):
                        codes.setdefault(doc["code"], set()).add(int(k))
                self._key, self._codes = key, codes
            return set(self._codes.get(code, ()))

    def moved(self, old_key, new_key, staff_id: int, old_code: str, new_code: str) -> None:
        with self._lock:
            if not self._same(old_key, self._key) or new_key is None:
                self._key, self._codes = None, {}  # not indexed: the next check builds it
                return
            if old_code:
                self._codes.get(old_code, set()).discard(staff_id)
            if new_code:
                self._codes.setdefault(new_code, set()).add(staff_id)
            self._key = new_key


_CODES = _CodeIndex()


def _file_key(store, entry: dict | None):
    if entry is None:
        return None
    try:
        st = (store.dir / entry["file"]).stat()
    except OSError:
        return None
    return (entry["file"], entry.get("sha256"), str(entry.get("journal")), st.st_mtime_ns, st.st_size, st.st_ino)


def _version(ctx: Context, tx):
    """The index key of the transaction's staff table (see ``_CodeIndex``)."""
    entry = tx.table_file(STAFF)
    return _file_key(ctx.store, entry) if entry is not None else _staff_table(tx)


def _version_after(ctx: Context, tx):
    """The index key of the staff table this transaction wrote (None: not known)."""
    if tx.committed is None:
        return None
    entry = tx.committed.get(STAFF)
    return _file_key(ctx.store, entry) if entry is not None else _staff_table(tx)


def _staff_table(tx) -> dict:
    """The transaction's staff table as stored (``{str(id): doc}``); not to be mutated."""
    return tx.db.storage.read().get(STAFF, {})


def _check_refs(ctx: Context, tx, staff: Staff) -> None:
    div = tx.table(DIVISIONS).get(doc_id=staff.division_id) if staff.division_id else None
    if div is None:
        raise ValidationError({"division_id": ("ไม่พบกองที่เลือก", "the chosen division does not exist")})
    if staff.code and _CODES.owners(_version(ctx, tx), _staff_table(tx), staff.code) - {staff.id}:
        raise ValidationError({"code": (f"รหัส {staff.code} ซ้ำกับบุคลากรคนอื่น", f"code {staff.code} is already used")})


def _normalise_code(staff: Staff) -> None:
    """A code typed with Thai digits ("๐๐๒๐") is the same code as "0020" (the import and the
    duplicate check compare Arabic digits)."""
    if isinstance(staff.code, str):
        staff.code = to_arabic_digits(staff.code.strip())


def add(ctx: Context, staff: Staff) -> Staff:
    require(ctx, "staff.write")
    staff.id = None
    staff.rev = 1
    _normalise_code(staff)
    staff.validate()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        _check_refs(ctx, tx, staff)
        before = _version(ctx, tx)
        staff.id = tx.table(STAFF)._get_next_id()
        tx.put(STAFF, staff.id, staff.to_dict())
        tx.log("create", "staff", staff.id, [k for k, v in staff.to_dict().items() if v not in ("", None)])
    _CODES.moved(before, _version_after(ctx, tx), staff.id, "", staff.code)
    return staff


def update(ctx: Context, staff: Staff) -> Staff:
    """Save an edited record. ``staff.rev`` must be the revision that was read."""
    require(ctx, "staff.write")
    if staff.id is None:
        raise NotFoundError("ยังไม่ได้บันทึกบุคลากรนี้", "This staff member was never saved")
    _normalise_code(staff)
    staff.validate()
    with ctx.store.transaction(actor=ctx.actor) as tx:
        doc = found(tx.table(STAFF).get(doc_id=staff.id), f"ไม่พบบุคลากรรหัส {staff.id}", f"No staff member {staff.id}")
        old = Staff.from_doc(staff.id, doc)
        if old.rev != staff.rev:
            raise ConflictError(
                "มีผู้อื่นแก้ไขข้อมูลบุคลากรคนนี้ไปก่อนแล้ว โปรดเปิดใหม่แล้วแก้ไขอีกครั้ง",
                "Someone else changed this staff member meanwhile; reopen and edit again.",
            )
        _check_refs(ctx, tx, staff)
        new = staff.to_dict()
        was = old.to_dict()
        changed = [k for k, v in new.items() if k != "rev" and was.get(k) != v]
        if not changed:
            return old
        staff.rev = old.rev + 1
        before = _version(ctx, tx)
        tx.put(STAFF, staff.id, {**new, "rev": staff.rev})
        action = "update"
        if changed == ["active"]:
            action = "reactivate" if staff.active else "deactivate"
        tx.log(action, "staff", staff.id, changed)
    _CODES.moved(before, _version_after(ctx, tx), staff.id, old.code, staff.code)
    return staff


def set_active(ctx: Context, staff_id: int, active: bool) -> Staff:
    s = get(ctx, staff_id)
    if s.active == active:
        return s
    s.active = active
    return update(ctx, s)


def deactivate(ctx: Context, staff_id: int) -> Staff:
    return set_active(ctx, staff_id, False)
