"""Running document numbers: "ที่ N/YYYY" for orders, "ที่ <prefix>/ว N" for circulars.

Each sequence restarts at 1 every year (``year`` is whatever the register uses: the B.E.
calendar year for orders). Numbers are claimed inside the caller's transaction, so two PCs
issuing at once cannot get the same number. A number may also be typed by hand (offices number
documents outside this program too); a number already used in that sequence and year is refused.
"""

from __future__ import annotations

from ethics_tui.errors import ValidationError

NUMBERS = "numbers"  # table in main.json: {"seq", "year", "n", "ref"}
#: a typed number may run ahead of the sequence (documents numbered outside the program), but
#: not absurdly far
MAX_JUMP = 1000


def used(tx, seq: str, year: int) -> set[int]:
    return {int(d["n"]) for d in tx.table(NUMBERS).all() if d.get("seq") == seq and int(d.get("year", 0)) == year}


def next_number(tx, seq: str, year: int) -> int:
    taken = used(tx, seq, year)
    return max(taken, default=0) + 1


def claim(tx, seq: str, year: int, ref: str, n: int | None = None) -> int:
    """Claim number ``n`` (or the next free one) in ``seq`` for ``year``. Returns it."""
    taken = used(tx, seq, year)
    if n is None:
        n = max(taken, default=0) + 1
    if not isinstance(n, int) or n <= 0:
        raise ValidationError({"number": ("เลขที่ต้องเป็นจำนวนเต็มบวก", "the number must be a positive integer")})
    nxt = max(taken, default=0) + 1
    if n > nxt + MAX_JUMP:
        # a slip such as 55555 for 5 would spoil the rest of the year's sequence
        raise ValidationError(
            {
                "number": (
                    f"เลขที่ {n} สูงกว่าเลขถัดไป ({nxt}) มากผิดปกติ — ตรวจสอบอีกครั้ง",
                    f"number {n} is far above the next number ({nxt}); please check it",
                )
            }
        )
    if n in taken:
        raise ValidationError({"number": (f"เลขที่ {n}/{year} ถูกใช้แล้ว", f"number {n}/{year} is already used")})
    tx.table(NUMBERS).insert({"seq": seq, "year": year, "n": n, "ref": ref})
    return n


def release(tx, seq: str, year: int, n: int) -> None:
    """Give a number back (only for a document that was never issued)."""
    from tinydb import Query

    q = Query()
    tx.table(NUMBERS).remove((q.seq == seq) & (q.year == year) & (q.n == n))
