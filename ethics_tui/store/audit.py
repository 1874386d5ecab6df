"""Append-only, hash-chained audit log in JSON Lines (``audit.jsonl``).

Each entry carries ``prev`` (the SHA-256 of the previous entry) and its own ``hash``, over the
canonical JSON of the entry without ``hash``. Only field *names* are recorded, never values, so
confidential data cannot leak into the log. Callers must hold the store's write lock.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ethics_tui.errors import StorageError
from ethics_tui.store.atomic import os_error, unencodable

GENESIS = "0" * 64
AUDIT_FILE = "audit.jsonl"


def _repairable(exc: StorageError) -> StorageError:
    """Mark an error that ``verify --repair`` (or the TUI's repair prompt) can resolve."""
    exc.repairable = True
    return exc


def _canonical(entry: dict) -> bytes:
    body = {k: v for k, v in entry.items() if k != "hash"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def entry_hash(entry: dict) -> str:
    return hashlib.sha256(_canonical(entry)).hexdigest()


@dataclass
class AuditHead:
    seq: int
    hash: str


class AuditLog:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._head: AuditHead | None = None
        self._last: dict | None = None
        self._size: int | None = None

    # -- reading ---------------------------------------------------------------------------
    def _read_last(self) -> dict | None:
        """The last complete entry of the file (None for an empty or missing log)."""
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return None
        if size == 0:
            return None
        with open(self.path, "rb") as f:
            pos = size
            buf = b""
            while pos > 0:
                step = min(65536, pos)
                pos -= step
                f.seek(pos)
                buf = f.read(step) + buf
                lines = buf.rstrip(b"\n").split(b"\n")
                if len(lines) > 1 or pos == 0:
                    try:
                        entry = json.loads(lines[-1])
                        int(entry["seq"]), str(entry["hash"])
                        return entry
                    except (ValueError, KeyError, TypeError) as exc:
                        raise _repairable(
                            StorageError(
                                "บันทึกการตรวจสอบ (audit.jsonl) บรรทัดสุดท้ายเสียหาย — ใช้คำสั่ง verify --repair "
                                "เพื่อแยกส่วนที่เสียหายเก็บไว้ แล้วทำงานต่อได้",
                                "The last line of the audit log (audit.jsonl) is damaged; run verify --repair "
                                "to set the damaged part aside and carry on",
                            )
                        ) from exc
        return None

    def head(self) -> AuditHead:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            size = 0
        if self._head is None or self._size != size:
            last = self._read_last()
            self._last = last
            self._head = AuditHead(int(last["seq"]), str(last["hash"])) if last else AuditHead(0, GENESIS)
            self._size = size
        return self._head

    def last_entry(self) -> dict | None:
        """The newest entry (cached while the file size is unchanged)."""
        self.head()
        return self._last

    def entries(self):
        """Yield entries in order. Lines that do not parse are yielded as ``{"_bad": text}``."""
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line:
                    continue
                try:
                    yield json.loads(line)
                except ValueError:
                    yield {"_bad": line}

    # -- writing ---------------------------------------------------------------------------
    def repair_torn_tail(self) -> bool:
        """Drop a partial last line left by a killed writer (its change never reached the db).

        Returns True if something was removed. Caller holds the write lock.
        """
        try:
            with open(self.path, "rb+") as f:
                f.seek(0, os.SEEK_END)
                size = f.tell()
                if size == 0:
                    return False
                f.seek(size - 1)
                if f.read(1) == b"\n":
                    return False
                # find the start of the torn line
                pos = size
                keep = 0
                while pos > 0:
                    step = min(65536, pos)
                    pos -= step
                    f.seek(pos)
                    block = f.read(step)
                    idx = block.rfind(b"\n")
                    if idx >= 0:
                        keep = pos + idx + 1
                        break
                f.truncate(keep)
                f.flush()
                os.fsync(f.fileno())
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise os_error(exc, self.path, "ซ่อมบันทึกการตรวจสอบ", "repair the audit log") from exc
        self._head = None
        return True

    def prepare(self, records: list[dict], actor: str) -> tuple[bytes, AuditHead]:
        """Build the lines for ``records`` after the current head, without writing them.

        Keys beyond action/kind/id/fields/note (``db``, ``digest``, ``gap`` ...) are kept as
        given. Raises StorageError when a value cannot be encoded (lone surrogates).
        """
        self.repair_torn_tail()
        head = self.head()
        now = datetime.now().astimezone().isoformat(timespec="seconds")
        lines = []
        seq, prev = head.seq, head.hash
        for rec in records:
            seq += 1
            entry = {
                "seq": seq,
                "ts": now,
                "actor": actor,
                "action": rec["action"],
                "kind": rec.get("kind", ""),
                "id": rec.get("id"),
                "fields": sorted(rec.get("fields") or []),
                "prev": prev,
            }
            if rec.get("note"):
                entry["note"] = rec["note"]
            for k, v in rec.items():
                if k not in entry and k not in ("note", "hash"):
                    entry[k] = v
            try:
                entry["hash"] = entry_hash(entry)
            except UnicodeEncodeError as exc:
                raise unencodable(f"audit: {rec.get('kind', '')} {rec.get('id') or ''}".strip()) from exc
            prev = entry["hash"]
            lines.append(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
        return ("\n".join(lines) + "\n").encode("utf-8"), AuditHead(seq, prev)

    def write(self, data: bytes, sync: bool = True) -> int:
        """Append prepared lines and fsync (``sync=False``: the caller fsyncs the log before it
        relies on them, see ``atomic_write_bytes(also_sync=)``). Returns the size before, for
        :meth:`rollback`."""
        try:
            before = self.path.stat().st_size
        except FileNotFoundError:
            before = 0
        try:
            with open(self.path, "ab") as f:
                f.write(data)
                f.flush()
                if sync:
                    os.fsync(f.fileno())
        except OSError as exc:
            self.rollback(before)  # leave no partial line behind
            raise os_error(exc, self.path, "บันทึกประวัติการแก้ไข", "write the audit log") from exc
        self._head = None
        return before

    def rollback(self, size: int) -> None:
        """Cut the log back to ``size`` bytes: undoes an append whose data write failed.

        Shrinking a file needs no free space. Should it fail all the same, the next writer
        records the entries as void (see ``store.integrity``).
        """
        self._head = None
        try:
            if self.path.stat().st_size > size:
                with open(self.path, "rb+") as f:
                    f.truncate(size)
                    os.fsync(f.fileno())
        except OSError:
            pass

    def append(self, records: list[dict], actor: str) -> AuditHead:
        """Append entries (dicts with action, kind, id, fields, note) and fsync.

        Returns the new head. Caller holds the write lock.
        """
        if not records:
            return self.head()
        data, _ = self.prepare(records, actor)
        self.write(data)
        return self.head()

    # -- checking --------------------------------------------------------------------------
    def verify(self) -> tuple[list[tuple[str, str]], AuditHead]:
        """Check the chain. Returns (problems as (th, en), head)."""
        problems: list[tuple[str, str]] = []
        prev = GENESIS
        expect = 1
        head = AuditHead(0, GENESIS)
        for n, entry in enumerate(self.entries(), start=1):
            if "_bad" in entry:
                problems.append((f"audit บรรทัด {n}: อ่านไม่ได้", f"audit line {n}: not valid JSON"))
                prev = None
                continue
            seq = entry.get("seq")
            if seq != expect:
                problems.append(
                    (
                        f"audit บรรทัด {n}: ลำดับ {seq} ไม่ต่อเนื่อง (ควรเป็น {expect}) — มีการลบหรือสลับรายการ",
                        f"audit line {n}: sequence {seq}, expected {expect} (entry deleted or reordered)",
                    )
                )
            if prev is not None and entry.get("prev") != prev:
                problems.append(
                    (
                        f"audit บรรทัด {n}: ห่วงโซ่แฮชขาด (prev ไม่ตรงกับรายการก่อนหน้า)",
                        f"audit line {n}: hash chain broken (prev does not match)",
                    )
                )
            if entry.get("hash") != entry_hash(entry):
                problems.append(
                    (
                        f"audit บรรทัด {n}: เนื้อหาถูกแก้ไข (แฮชไม่ตรง)",
                        f"audit line {n}: entry was edited (hash mismatch)",
                    )
                )
            prev = entry.get("hash")
            expect = (seq if isinstance(seq, int) else expect) + 1
            head = AuditHead(seq if isinstance(seq, int) else 0, str(prev))
        return problems, head
