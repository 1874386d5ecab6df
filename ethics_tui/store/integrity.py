"""What ties the data files to the audit log, and the guided repair of a damaged log.

Every save appends its audit entries tagged with the file (``"db": "main"``); the last entry of
a save also carries ``first`` (its first entry) and ``digest`` (SHA-256 of the file's tables).
The file's ``_meta.audit_head`` names that last entry. From this:

* a save killed between the audit append and the file replace is found by the next writer and
  recorded as ``void`` (its entries were never applied): the log stays true, nothing is cut;
* a file whose head is ahead of the log (tail cut, log deleted) or disagrees with it is recorded
  as an ``audit-gap`` entry by the next writer, so the detection outlives the next save; verify
  reports it until ``verify --repair`` acknowledges it;
* a file that the log knows but that is gone or emptied is refused, never silently recreated;
* ``verify`` compares every file with the newest save the log records for it.

Callers hold the write lock unless stated otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from datetime import datetime

from ethics_tui.errors import StorageError
from ethics_tui.store import journal
from ethics_tui.store import tables as tfiles
from ethics_tui.store.atomic import atomic_write_bytes, os_error
from ethics_tui.store.audit import GENESIS, entry_hash

META = "_meta"


def file_head(data: dict | None) -> tuple[int, str] | None:
    head = (data or {}).get(META, {}).get("1", {}).get("audit_head") if isinstance(data, Mapping) else None
    if not isinstance(head, dict) or not isinstance(head.get("seq"), int):
        return None
    return head["seq"], str(head.get("hash"))


def body_digest(data: Mapping) -> str:
    """SHA-256 of a root's tables and its table-file list (``store.load``'s view: its root)."""
    root = getattr(data, "root", data)
    body = {k: v for k, v in root.items() if k != META}
    meta = root.get(META, {}).get("1", {})
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(raw + tfiles.suffix(meta if isinstance(meta, dict) else {})).hexdigest()


def table_edits(store, name: str, root: dict, edited: list[str]) -> list[dict]:
    """Outside-edit entries for table files a save read that differ from their recorded SHA-256."""
    fh = file_head(root)
    out = []
    for table in edited:
        fname = tfiles.entries(root)[table]["file"]
        store.notices.append(
            (
                f"{fname} ถูกแก้ไขนอกโปรแกรม — ได้บันทึกการตรวจพบไว้แล้ว โปรดใช้คำสั่ง verify",
                f"{fname} was changed outside the program; the finding was recorded. Run verify.",
            )
        )
        out.append(
            {
                "action": "outside-edit",
                "kind": "audit",
                "id": None,
                "edit": {"db": name, "table": table, "file_seq": fh[0] if fh else None},
                "note": f"{fname} differs from its last recorded save",
            }
        )
    return out


def check_table_files(store, name: str, root: Mapping) -> list[tuple[str, str]]:
    """``verify``: each table file the root names exists and is byte for byte what was saved,
    and its journal's committed part reads back along its hash chain to the root's tip."""
    problems = []
    for table, entry in tfiles.entries(getattr(root, "root", root)).items():
        fname = entry["file"]
        try:
            raw = (store.dir / fname).read_bytes()
        except FileNotFoundError:
            problems.append(
                (
                    f"ไม่พบไฟล์ {fname} (ตาราง {table} ของ {name}.json) — ไฟล์ถูกลบ (กู้คืนด้วย restore)",
                    f"{fname} (table {table} of {name}.json) is missing (deleted; restore it)",
                )
            )
            continue
        except OSError as exc:
            problems.append((f"อ่านไฟล์ {fname} ไม่ได้ ({exc.strerror})", f"cannot read {fname} ({exc.strerror})"))
            continue
        if tfiles.sha256(raw) != entry.get("sha256"):
            problems.append(
                (
                    f"{fname} (ตาราง {table}) ถูกแก้ไขหรือแทนที่นอกโปรแกรม (ไม่ตรงกับที่ {name}.json บันทึกไว้)",
                    f"{fname} (table {table}) was changed or replaced outside the program (does not match {name}.json)",
                )
            )
        why = journal.check(store.dir, entry)
        if why is not None:
            jname = journal.name_for(fname)
            problems.append(
                (
                    f"{jname} (บันทึกการเปลี่ยนแปลงของตาราง {table}) หายไป ถูกตัด หรือถูกแก้ไขนอกโปรแกรม "
                    f"(ไม่ตรงกับที่ {name}.json บันทึกไว้; กู้คืนด้วย restore)",
                    f"{jname} (the journal of table {table}) is missing, truncated or was changed outside the "
                    f"program ({why}; does not match {name}.json; restore it)",
                )
            )
    return problems


def _log_bytes(store) -> bytes:
    try:
        return store.audit.path.read_bytes()
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise os_error(exc, store.audit.path, "อ่านบันทึกการตรวจสอบ", "read the audit log") from exc


def _known(store, name: str, log: bytes | None = None) -> bool:
    """Whether the log records a save of ``name`` (for main also a legacy create)."""
    log = _log_bytes(store) if log is None else log
    if f'"db":"{name}"'.encode() in log:
        return True
    return name == "main" and b'"action":"create"' in log


class MissingFileError(StorageError):
    """A data file (or the users table) the audit log knows is gone. ``backup``: newest good one."""

    backup = None


def missing_error(name: str, store=None, fname: str | None = None) -> StorageError:
    """``name``: a database (``main`` for main.json), or ``fname``: the exact file (a journal)."""
    fname = fname or f"{name}.json"
    exc = MissingFileError(
        f"ไฟล์ {fname} หายไปหรือถูกล้าง แต่บันทึกการตรวจสอบแสดงว่าเคยมีข้อมูล — โปรแกรมจะไม่สร้างใหม่ทับ "
        "โปรดกู้คืนจากสำเนาสำรองด้วยคำสั่ง restore (หรือเมนูกู้คืน)",
        f"{fname} is missing or emptied, but the audit log shows it held data; it will not be "
        "recreated empty. Restore it from a backup (the restore command).",
    )
    if store is not None:
        exc.backup = _newest_backup(store)
    return exc


def _newest_backup(store):
    from ethics_tui.store import backup

    try:
        return backup.newest_good_backup(store)
    except Exception:
        return None


def check_main_present(store, thorough: bool = True) -> None:
    """A deleted or emptied main.json (or users table) with an audit log is not a brand-new
    office: refuse rather than start setup mode.

    ``thorough=False`` (open(), before the first paint): only when main.json does not end with
    the ``_meta`` this program writes is the file parsed; the users table is then checked by
    ``access.setup_mode`` when it finds no accounts, and by the sign-in."""
    if not thorough:
        meta = store._meta_at_a_glance("main")
        if meta is not None and file_head({META: {"1": meta}}) is not None:
            return
    try:
        _check_main(store)
    except MissingFileError:
        # A save writes the audit log first and the file second: another process may be between
        # the two (the first save of a new office). Look again once it has finished.
        if not os.access(store.dir, os.W_OK):
            raise
        with store.locked():
            store._cache.pop("main", None)
            _check_main(store)


def _check_main(store) -> None:
    data = store.load("main")
    if not store.audit.path.exists() or (file_head(data) is not None and data.get("users")):
        return
    log = _log_bytes(store)
    if file_head(data) is None and _known(store, "main", log):
        raise missing_error("main", store)
    if not data.get("users") and b'"action":"create","kind":"user"' in log:
        exc = MissingFileError(
            "ไม่พบบัญชีผู้ใช้ใน main.json แต่บันทึกการตรวจสอบแสดงว่าเคยสร้างไว้ — จะไม่เริ่มการตั้งค่าใหม่ "
            "โปรดกู้คืนจากสำเนาสำรองด้วยคำสั่ง restore (หรือเมนูกู้คืน)",
            "main.json holds no user accounts, but the audit log shows accounts were created; setup "
            "will not start again. Restore from a backup (the restore command).",
        )
        exc.backup = _newest_backup(store)
        raise exc


def _void_interrupted(store, name: str, data: dict | None) -> list[dict]:
    """A void entry when the newest save in the log never reached its file (writer killed)."""
    last = store.audit.last_entry()
    if not last or not last.get("db") or not isinstance(last.get("first"), int):
        return []
    db = last["db"]
    if db == name and data is not None:
        fh = file_head(data)
    else:
        meta = store._meta_at_a_glance(db)
        fh = file_head({META: {"1": meta}} if meta is not None else _load_quiet(store, db))
    if fh is not None and fh[0] >= last["first"]:
        return []
    seen: dict[int, str] = {}
    known = False
    for e in store.audit.entries():
        if isinstance(e.get("seq"), int) and e["seq"] < last["first"]:
            seen[e["seq"]] = e.get("hash")
            known = known or e.get("db") == db
    if (fh is None and known) or (fh is not None and seen.get(fh[0]) != fh[1]):
        return []  # not an interrupted save: a deleted or replaced file, for verify to report
    store.notices.append(
        (
            "การบันทึกครั้งก่อนถูกขัดจังหวะก่อนเขียนไฟล์ ได้บันทึกไว้ในประวัติว่ารายการนั้นไม่มีผล",
            "An earlier save was interrupted before its file was written; the log now records it as void.",
        )
    )
    return [
        {
            "action": "void",
            "kind": "audit",
            "id": None,
            "void": [last["first"], last["seq"]],
            "void_db": db,
            "note": f"interrupted save of {db}.json: entries {last['first']}-{last['seq']} were not applied",
        }
    ]


def interrupted(store) -> bool:
    """Cheap test (no lock) whether the newest save in the log never reached its file."""
    try:
        last = store.audit.last_entry()
    except StorageError:
        return True  # a damaged last line: open() takes the lock and says so
    if not last or not last.get("db") or not isinstance(last.get("first"), int):
        return False
    meta = store._meta_at_a_glance(last["db"])  # no parse of the whole file on every start
    fh = file_head({META: {"1": meta}} if meta is not None else _load_quiet(store, last["db"]))
    return fh is None or fh[0] < last["first"]


def settle(store, actor: str) -> None:
    """open(): record an interrupted save as void now rather than at the next save."""
    pre = _void_interrupted(store, "", None)
    if pre:
        store.audit.append(pre, actor)


def _load_quiet(store, name: str) -> dict | None:
    try:
        return store.load(name)
    except StorageError:
        return None


def raw_digest(raw: bytes, data: dict) -> str | None:
    """SHA-256 of a file's tables, straight from the bytes the store wrote (tables, then _meta).

    None when the file does not end with its ``_meta`` as the store writes it (edited by hand).
    """
    tail = (
        b'"_meta":'
        + json.dumps(data.get(META, {}), ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        + b"}"
    )
    if not raw.endswith(tail):
        return None
    prefix = raw[: -len(tail)]
    if prefix.endswith(b","):
        prefix = prefix[:-1]
    meta = data.get(META, {}).get("1", {})
    return hashlib.sha256(prefix + b"}" + tfiles.suffix(meta if isinstance(meta, dict) else {})).hexdigest()


def _outside_edit(store, name: str, data: dict, raw: bytes, fh: tuple[int, str]) -> list[dict]:
    """An entry when the file's tables differ from what its last save recorded (edited by hand)."""
    last = store.audit.last_entry()
    if last and last.get("seq") == fh[0] and last.get("hash") == fh[1] and "digest" in last:
        expected = last["digest"]
    else:
        expected = data.get(META, {}).get("1", {}).get("digest")
    if not expected or raw_digest(raw, data) == expected:
        return []
    store.notices.append(
        (
            f"{name}.json ถูกแก้ไขนอกโปรแกรม — ได้บันทึกการตรวจพบไว้แล้ว โปรดใช้คำสั่ง verify",
            f"{name}.json was changed outside the program; the finding was recorded. Run verify.",
        )
    )
    return [
        {
            "action": "outside-edit",
            "kind": "audit",
            "id": None,
            "edit": {"db": name, "file_seq": fh[0]},
            "note": f"{name}.json differs from its last recorded save (entry {fh[0]})",
        }
    ]


def before_write(store, name: str, data: dict | None, raw: bytes | None = None) -> list[dict]:
    """Entries to append before a save of ``name`` (``data`` parsed under the lock, or None).

    Raises StorageError when the file is gone but the log knows it.
    """
    store.audit.repair_torn_tail()
    pre = _void_interrupted(store, name, data)
    refuse_missing = data is not None  # a plain audit entry (export, restore) never refuses
    if data is None:
        data = _load_quiet(store, name)
    fh = file_head(data)
    head = store.audit.head()
    if fh is None:
        voided = any(p.get("void_db") == name for p in pre)
        if refuse_missing and not voided and _known(store, name):
            raise missing_error(name)
        return pre
    if raw is not None:
        pre += _outside_edit(store, name, data, raw, fh)
    if fh[0] > head.seq or (fh[0] == head.seq and fh[1] != head.hash):
        log = _log_bytes(store)
        if fh[1].encode() not in log:  # not yet recorded
            pre.append(
                {
                    "action": "audit-gap",
                    "kind": "audit",
                    "id": None,
                    "gap": {"db": name, "file_seq": fh[0], "file_hash": fh[1], "log_seq": head.seq},
                    "note": f"{name}.json refers to audit entry {fh[0]}, the log ended at {head.seq}",
                }
            )
            store.notices.append(
                (
                    f"บันทึกการตรวจสอบไม่ตรงกับ {name}.json (รายการท้ายหายไป) — ได้บันทึกการตรวจพบไว้แล้ว โปรดใช้คำสั่ง verify",
                    f"The audit log does not match {name}.json (entries missing); the finding was recorded. Run verify.",
                )
            )
    return pre


# -- checking (verify) ----------------------------------------------------------------------
def check(store, datas: dict[str, dict], missing_ok: set[str] = frozenset()) -> list[tuple[str, str]]:
    """Compare every file with the newest save the log records for it, and list open gaps."""
    problems: list[tuple[str, str]] = []
    commits: dict[str, list[tuple[int, str, str | None]]] = {}
    gaps: dict[int, dict] = {}
    restored: tuple[int, str] | None = None
    hashes: dict[int, str] = {}
    for e in store.audit.entries():
        seq = e.get("seq")
        if "_bad" in e or not isinstance(seq, int):
            continue
        hashes[seq] = e.get("hash")
        action = e.get("action")
        if action == "restore" and e.get("kind") == "database":
            commits, restored = {}, (seq, e.get("hash"))
        elif action == "void" and isinstance(e.get("void"), list) and len(e["void"]) == 2:
            lo, hi = e["void"]
            for hist in commits.values():
                while hist and lo <= hist[-1][0] <= hi:
                    hist.pop()
        elif action in ("audit-gap", "outside-edit"):
            gaps[seq] = e
        elif action == "repair" and e.get("kind") == "audit":
            for s in e.get("acknowledged") or []:
                gaps.pop(s, None)
            for db, digest in (e.get("accepted") or {}).items():
                commits[db] = [(seq, e.get("hash"), digest)]
        elif e.get("db") and "digest" in e:
            commits.setdefault(e["db"], []).append((seq, e.get("hash"), e.get("digest")))
    last_seq = max(hashes, default=0)
    for seq, e in sorted(gaps.items()):
        g = e.get("gap") or {}
        if e.get("action") == "outside-edit":
            db = (e.get("edit") or {}).get("db")
            problems.append(
                (
                    f"audit ลำดับ {seq}: ตรวจพบเมื่อ {e.get('ts', '')[:16]} ว่า {db}.json ถูกแก้ไขนอกโปรแกรม "
                    "(ยืนยันรับทราบด้วย verify --repair)",
                    f"audit entry {seq}: on {e.get('ts', '')[:16]} {db}.json was found changed outside the program "
                    "(acknowledge with verify --repair)",
                )
            )
            continue
        problems.append(
            (
                f"audit ลำดับ {seq}: ตรวจพบเมื่อ {e.get('ts', '')[:16]} ว่า {g.get('db')}.json อ้างถึงรายการ {g.get('file_seq')} "
                f"แต่บันทึกมีถึง {g.get('log_seq')} — รายการถูกลบ (ยืนยันรับทราบด้วย verify --repair)",
                f"audit entry {seq}: on {e.get('ts', '')[:16]} {g.get('db')}.json referred to entry {g.get('file_seq')} "
                f"but the log ended at {g.get('log_seq')}: entries were removed (acknowledge with verify --repair)",
            )
        )
    for db, hist in sorted(commits.items()):
        if not hist:
            continue
        seq, digest_hash, digest = hist[-1]
        data = datas.get(db)
        if data is None:
            if db not in missing_ok:
                problems.append(
                    (
                        f"ไม่พบไฟล์ {db}.json แต่บันทึกการตรวจสอบมีการบันทึกไฟล์นี้ถึงลำดับ {seq} — ไฟล์ถูกลบ (กู้คืนด้วย restore)",
                        f"{db}.json is missing but the audit log records saves to it up to entry {seq} (deleted; restore it)",
                    )
                )
            continue
        fh = file_head(data)
        if fh is None:
            problems.append(
                (
                    f"{db}.json ถูกล้างหรือแทนที่ (ไม่มีการอ้างถึงบันทึกการตรวจสอบ) แต่บันทึกมีถึงลำดับ {seq}",
                    f"{db}.json was emptied or replaced (no audit head) but the log records saves up to entry {seq}",
                )
            )
            continue
        if fh != (seq, digest_hash):
            if fh[0] > last_seq:
                continue  # reported below as entries removed
            problems.append(
                (
                    f"{db}.json ไม่ใช่ฉบับล่าสุดตามบันทึกการตรวจสอบ (ไฟล์อ้างถึงลำดับ {fh[0]} แต่บันทึกล่าสุดคือ {seq}) — "
                    "ไฟล์ถูกแทนที่ด้วยฉบับเก่าหรือการบันทึกหายไป",
                    f"{db}.json is not the latest version the audit log records (file at entry {fh[0]}, log at {seq}): "
                    "replaced by an older copy, or a save was lost",
                )
            )
        elif digest and body_digest(data) != digest:
            problems.append(
                (
                    f"{db}.json ถูกแก้ไขนอกโปรแกรม (เนื้อหาไม่ตรงกับบันทึกการตรวจสอบลำดับ {seq})",
                    f"{db}.json was changed outside the program (content does not match audit entry {seq})",
                )
            )
    for db, data in datas.items():
        fh = file_head(data)
        if fh is None or (commits.get(db) and fh[0] <= last_seq):
            continue
        if fh[0] > last_seq:
            problems.append(
                (
                    f"{db}.json อ้างถึงรายการ audit ลำดับ {fh[0]} แต่บันทึกมีถึง {last_seq} — รายการท้ายถูกลบ",
                    f"{db}.json refers to audit entry {fh[0]} but the log ends at {last_seq} (entries removed)",
                )
            )
        elif fh[0] and hashes.get(fh[0]) != fh[1] and not (restored and fh == restored):
            problems.append(
                (
                    f"{db}.json: รายการ audit ลำดับ {fh[0]} ไม่ตรงกับที่บันทึกไว้",
                    f"{db}.json: audit entry {fh[0]} does not match",
                )
            )
    return problems


# -- guided repair ------------------------------------------------------------------------------
def _good_prefix(raw: bytes) -> tuple[int, int]:
    """(byte length, line count) of the longest start of the log whose chain holds."""
    pos, prev, expect, n = 0, GENESIS, 1, 0
    for line in raw.splitlines(keepends=True):
        if not line.endswith(b"\n"):
            break
        try:
            e = json.loads(line)
            ok = (
                isinstance(e, dict)
                and e.get("seq") == expect
                and e.get("prev") == prev
                and e.get("hash") == entry_hash(e)
            )
        except (ValueError, UnicodeError, TypeError):
            ok = False
        if not ok:
            break
        pos, prev, expect, n = pos + len(line), e["hash"], expect + 1, n + 1
    return pos, n


def repair(store, actor: str) -> list[tuple[str, str]]:
    """``verify --repair``: set a damaged log tail aside, acknowledge gaps, re-anchor the files.

    Nothing is deleted: the damaged part goes to ``audit-damaged-<time>.jsonl`` beside the log.
    Returns what was done, as (th, en) lines. Missing data files are not repairable here.
    """
    done: list[tuple[str, str]] = []
    with store.locked():
        raw = _log_bytes(store)
        keep, lines = _good_prefix(raw)
        moved = None
        if keep < len(raw):
            moved = f"audit-damaged-{datetime.now().strftime('%Y%m%d-%H%M%S')}.jsonl"
            atomic_write_bytes(store.dir / moved, raw[keep:])
            atomic_write_bytes(store.audit.path, raw[:keep])
            store.audit._head = None
            done.append(
                (
                    f"ย้ายส่วนที่เสียหายของบันทึกการตรวจสอบ (หลังบรรทัด {lines}) ไปเก็บไว้ที่ {moved}",
                    f"Moved the damaged part of the audit log (after line {lines}) to {moved}",
                )
            )
        gaps = [e["seq"] for e in store.audit.entries() if e.get("action") in ("audit-gap", "outside-edit")]
        datas = {}
        for name in store.db_names():
            try:
                datas[name] = store._read_fresh(name)
            except StorageError:
                continue
        # a missing or unreadable file is not repaired here (restore it): not "acknowledged"
        unreadable = {e["db"] for e in store.audit.entries() if isinstance(e.get("db"), str)} - set(datas)
        mismatched = [p for p in check(store, datas, missing_ok=unreadable) if p]
        mismatched += [p for name, d in datas.items() for p in check_table_files(store, name, d)]
        if not moved and not mismatched:
            return done
        datas = {name: _accept_table_files(store, d) for name, d in datas.items()}
        accepted = {name: body_digest(d) for name, d in datas.items() if d}
        rec = {
            "action": "repair",
            "kind": "audit",
            "id": None,
            "acknowledged": gaps,
            "accepted": accepted,
            "moved": moved,
            "findings": len(mismatched),
            "note": f"verify --repair: {len(mismatched)} finding(s) acknowledged"
            + (f", damaged tail set aside in {moved}" if moved else ""),
        }
        head = store.audit.append([rec], actor)
        for name, d in datas.items():
            if name in accepted:
                meta = dict(d.get(META, {}).get("1", {}))
                meta["audit_head"] = {"seq": head.seq, "hash": head.hash}
                store._write(name, {**{k: v for k, v in d.items() if k != META}, META: {"1": meta}})
        done.append(
            (
                f"บันทึกการซ่อมไว้ในบันทึกการตรวจสอบแล้ว (ลำดับ {head.seq}); รับทราบ {len(mismatched)} รายการ",
                f"Recorded the repair in the audit log (entry {head.seq}); {len(mismatched)} finding(s) acknowledged",
            )
        )
    return done


def _accept_table_files(store, root: dict) -> dict:
    """The root with each readable table file's SHA-256 and counts as the file now is (a missing
    or unparsable file is not repaired here: restore it)."""
    found = tfiles.entries(root)
    if not found:
        return root
    meta = dict(root.get(META, {}).get("1", {}))
    listed = dict(meta.get("tables") or {})
    for table, entry in found.items():
        path = store.dir / entry["file"]
        try:
            raw = path.read_bytes()
            docs = tfiles.parse_table(path, raw)
            if journal.committed(entry)[0]:  # a broken journal is not accepted: restore it
                docs = journal.replay(store.dir, entry, docs)
        except (OSError, StorageError):
            continue
        count, active = tfiles.counts(docs)
        listed[table] = {**entry, "sha256": tfiles.sha256(raw), "count": count, "active": active}
    meta["tables"] = listed
    return {**root, META: {"1": meta}}


def repairs(store) -> list[tuple[str, str]]:
    """Past repairs, for verify to mention (they are history, not problems)."""
    out = []
    for e in store.audit.entries():
        if e.get("action") == "repair" and e.get("kind") == "audit":
            th = f"รับทราบ {e['findings']} รายการ" if isinstance(e.get("findings"), int) else ""
            if e.get("moved"):
                th += ("; " if th else "") + f"แยกส่วนที่เสียหายไว้ที่ {e['moved']}"
            out.append(
                (
                    f"ซ่อมบันทึกการตรวจสอบเมื่อ {e.get('ts', '')[:16]} โดย {e.get('actor')}: {th or e.get('note', '')}",
                    f"Audit log repaired on {e.get('ts', '')[:16]} by {e.get('actor')}: {e.get('note', '')}",
                )
            )
    return out
