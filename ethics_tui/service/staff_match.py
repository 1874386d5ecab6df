"""Who a row of a staff import is, so that importing the same sheet again updates the people
instead of adding them a second time (QA1: an office sheet seldom has a code column).

A row is the stored person with the same code. A row without a code, or with a code nobody has
yet, is the stored person with the same first and last name (titles, spaces and dots ignored:
thai/names.name_key, so นางสาว → นาง after a marriage is the same person; a row with a code
matches only a person who has no code yet). When several stored people have that name, the one
in the row's division is taken; when that still leaves several, the row is an error: the sheet
must say who it is with a code. Two rows that are the same stored person are an error too. Two
new rows with the same name are a warning (two namesakes are added).
"""

from __future__ import annotations

from collections.abc import Mapping

from ethics_tui.thai.names import name_key


class Ambiguous(Exception):
    """Several stored people fit the row."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


def _key(rec: Mapping) -> str:
    return name_key(f"{rec.get('first_name') or ''} {rec.get('last_name') or ''}")


class Matcher:
    """``docs``: stored staff documents by id; ``div_names``: division id -> name."""

    def __init__(self, docs: Mapping, div_names: Mapping[int, str]) -> None:
        self.docs = {int(k): d for k, d in docs.items()}
        self.div_names = div_names
        self.div_ids = {" ".join(str(n).split()): i for i, n in div_names.items()}
        self.by_code = {str(d["code"]): i for i, d in self.docs.items() if d.get("code")}
        self.by_name: dict[str, list[int]] = {}
        for i, d in self.docs.items():
            self.by_name.setdefault(_key(d), []).append(i)

    def find(self, rec: Mapping) -> tuple[int | None, str]:
        """(stored id, "code" or "name"), or (None, "") for a new person. Raises Ambiguous."""
        code = rec.get("code") or ""
        if code and code in self.by_code:
            return self.by_code[code], "code"
        found = [i for i in self.by_name.get(_key(rec), []) if not (code and self.docs[i].get("code"))]
        if len(found) > 1:
            division = " ".join(str(rec.get("division") or "").split())
            found = [i for i in found if self.div_names.get(self.docs[i].get("division_id")) == division] or found
        if len(found) > 1:
            raise Ambiguous(len(found))
        return (found[0], "name") if found else (None, "")

    def update(self, found: int, rec: Mapping, present: set[str]) -> tuple[dict, bool]:
        """(stored person ``found`` as the checked row ``rec`` updates them, whether any value
        changes). The fields the file has no column for (``present``) keep their values; the
        row's division is by name (a division still to be created is a change)."""
        existing = self.docs[found]
        new = {k: v for k, v in rec.items() if k in present}
        if "division_id" in present:
            new["division_id"] = self.div_ids.get(" ".join(str(rec.get("division") or "").split()))
        merged = {**existing, **new}
        return merged, any(existing.get(k) != v for k, v in merged.items() if k != "rev")


def match_rows(plan, matcher: Matcher, header_names: Mapping[str, str]) -> None:
    """Count the rows of a checked ``plan`` (staff_io.ImportPlan) as added, updated or unchanged
    (exactly as the import will); the errors and warnings above. ``header_names``: field -> the
    file's header (for the errors)."""
    from ethics_tui.service.staff_io import RowError

    seen: dict[int, int] = {}  # stored id -> the row that is that person
    new_names: dict[str, int] = {}
    by_name = 0
    name_column = header_names.get("first_name", "ชื่อ")
    for rownum, rec in plan.rows:
        try:
            found, how = matcher.find(rec)
        except Ambiguous as exc:
            plan.errors.append(
                RowError(
                    rownum,
                    name_column,
                    f"ชื่อนี้ตรงกับบุคลากร {exc.count} คนในระบบ — ใส่รหัสในคอลัมน์ “รหัส” เพื่อบอกว่าเป็นคนใด",
                    f"this name fits {exc.count} people already stored; give the row a code to say which",
                )
            )
            continue
        if found is None:
            key = _key(rec)
            if key in new_names:
                plan.warnings.append(
                    (
                        f"แถว {rownum} ชื่อซ้ำกับแถว {new_names[key]} — จะเพิ่มเป็น 2 คน",
                        f"row {rownum} has the name of row {new_names[key]}: two people will be added",
                    )
                )
            new_names.setdefault(key, rownum)
            plan.added += 1
            continue
        if found in seen:
            plan.errors.append(
                RowError(
                    rownum,
                    name_column,
                    f"เป็นคนเดียวกับแถว {seen[found]} (ชื่อเดียวกัน) — ลบแถวที่ซ้ำ หรือใส่รหัสให้ต่างกัน",
                    f"the same person as row {seen[found]} (same name); remove the repeat or give codes",
                )
            )
            continue
        seen.setdefault(found, rownum)
        by_name += how == "name"
        if matcher.update(found, rec, plan.present)[1]:
            plan.updated += 1
        else:
            plan.unchanged += 1
    if by_name:
        plan.warnings.insert(
            0,
            (
                f"{by_name} แถวชื่อตรงกับบุคลากรที่มีอยู่แล้ว: ปรับปรุงคนเดิม ไม่เพิ่มซ้ำ",
                f"{by_name} row(s) match people already stored by name (no matching code): "
                "they update those people, none is added twice",
            ),
        )
