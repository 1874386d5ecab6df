"""The yearly measures 6-7 report for an office of 1,000 staff with full registers.

    python bench/bench_report.py

Builds the demo office, scales it to 1,000 staff, then fills the year's registers at that
size (circulars acknowledged by 1,000 people, two appraisal rounds of 1,000 results, 300
training nominations, 120 complaints, 200 consultations). Reports the time to compute the
report's figures and readiness, and to write its PDF, each against a baseline measured in the
same run: parsing every data file once (one read of all the data).
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ethics_tui.service import report  # noqa: E402
from ethics_tui.service.context import Context  # noqa: E402
from ethics_tui.service.demo import demo_sign_in, demo_staff, load_demo  # noqa: E402
from ethics_tui.thai.dates import fiscal_year, fiscal_year_range  # noqa: E402

STAFF = 1000


def build(folder: Path) -> tuple[Context, int]:
    ctx = Context.open(folder)
    load_demo(ctx)
    hr = demo_sign_in(Context(store=ctx.store), "hr")
    fy = report.default_fy()
    start, _end = fiscal_year_range(fy)
    rng = random.Random(7)
    data = ctx.store.load()
    divs = [int(k) for k in data["divisions"]]
    have = len(data["staff"])
    with ctx.store.transaction() as tx:
        extra = []
        while len(extra) < STAFF - have:
            extra.extend(demo_staff(divs, seed=len(extra)))
        for i, s in enumerate(extra[: STAFF - have]):
            s.code = f"B{i:05d}"
        tx.table("staff").insert_multiple(s.to_dict() for s in extra[: STAFF - have])
        staff_ids = [d.doc_id for d in tx.table("staff").all()]
        # appraisal: two rounds, every result notified, most signed (counts only: no sealing needed)
        for no in (1, 2):
            rid = tx.table("appraisal_rounds").insert(
                {
                    "fiscal_year": fy,
                    "round_no": no,
                    "status": "notified",
                    "rev": 1,
                    "bands": [["ดีเด่น", "90"], ["ดีมาก", "80"], ["ดี", "70"], ["พอใช้", "60"], ["ต้องปรับปรุง", "0"]],
                    "weights": {"results": 70, "competency": 30},
                    "tally": {"ดีมาก": STAFF},
                }
            )
            tx.table("appraisal_results").insert_multiple(
                {
                    "round_id": rid,
                    "staff_id": sid,
                    "scored": True,
                    "scores": "",
                    "notified_on": (start + timedelta(days=170 * no)).isoformat(),
                    "ack": rng.choice(["signed"] * 9 + [""]),
                    "rev": 1,
                }
                for sid in staff_ids
            )
        # training: 60 opportunities, 300 nominations
        opp_ids = tx.table("training_opportunities").insert_multiple(
            {
                "kind": "ฝึกอบรม",
                "title": f"หลักสูตร {i}",
                "course_key": f"c{i}",
                "rev": 1,
                "ethics": i % 10 == 0,
                "start_date": (start + timedelta(days=5 * i)).isoformat(),
            }
            for i in range(60)
        )
        tx.table("training_nominations").insert_multiple(
            {
                "opportunity_id": rng.choice(opp_ids),
                "staff_id": rng.choice(staff_ids),
                "nominated_by": staff_ids[0],
                "rationale": "เกี่ยวข้องกับตำแหน่ง",
                "nominated_on": (start + timedelta(days=rng.randrange(300))).isoformat(),
                "decision": rng.choice(["approved", "approved", "rejected"]),
                "reject_code": "budget",
                "rev": 1,
            }
            for _ in range(300)
        )
        tx.table("consultations").insert_multiple(
            {
                "consulted_on": (start + timedelta(days=rng.randrange(360))).isoformat(),
                "channel": "ด้วยตนเอง",
                "category": rng.choice(["การรับของขวัญและประโยชน์อื่นใด", "อื่น ๆ"]),
                "question": "…",
                "status": "closed",
                "requester_kind": "anonymous",
                "rev": 1,
            }
            for _ in range(200)
        )
    # a circular to everyone, acknowledged by 90%: through the notices service (one write each)
    from ethics_tui.model.notices import Notice
    from ethics_tui.service import notices, notices_acks

    circ = notices.save_draft(
        hr,
        Notice(
            kind="circular",
            title="แจ้งเวียนประมวลจริยธรรม (ทดสอบขนาด)",
            body="โปรดทราบ",
            to="พนักงานทุกคน",
            dated=(start + timedelta(days=20)).isoformat(),
        ),
    )
    notices.publish(hr, circ.id, on=start + timedelta(days=20))
    notices_acks.acknowledge(hr, circ.id, staff_ids[: STAFF * 9 // 10], on=start + timedelta(days=30))
    return hr, fy


def _time(fn, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d) / "data"
        hr, fy = build(folder)

        def read_all():
            for p in folder.glob("*.json"):
                json.loads(p.read_bytes())

        def figures():
            hr.store._cache.clear()  # from disk, like a fresh start
            report.build(hr, fy)

        base = _time(read_all)
        fig = _time(figures)
        pdf = _time(lambda: report.export_pdf(hr, fy, Path(d) / "r.pdf"), repeats=3)
        size = sum(p.stat().st_size for p in folder.glob("*.json"))
    print(f"== yearly report, {STAFF:,} staff, full registers ({size / 1e6:.1f} MB of data) ==")
    print(f"read every data file once (baseline): {base * 1000:.0f} ms")
    print(f"report figures + readiness: {fig * 1000:.0f} ms ({fig / base:.1f}x the baseline)")
    print(f"report PDF: {pdf * 1000:.0f} ms ({pdf / base:.1f}x the baseline)")


if __name__ == "__main__":
    main()
