"""Names in Thai dictionary order (thai/collate.py): the same order as pythainlp's collation, in
the staff list, the acknowledgement sign-off order, appraisal results and the training year's
never-selected list."""

import random

import pytest
from pythainlp.util import collate

from demo_cache import fast_demo
from ethics_tui.model.staff import Staff
from ethics_tui.service import appraisal, notices_acks, training, training_stats
from ethics_tui.service import settings as settings_svc
from ethics_tui.service import staff as staff_svc
from ethics_tui.service.demo import demo_sign_in
from ethics_tui.thai.collate import sort_key, sort_keys, sorted_thai

#: first names as an office has them, in Thai dictionary order: a leading vowel (เ ไ ใ โ แ) is
#: read after its consonant, so เกียรติ sits with the ก names, not after อ
IN_ORDER = ["กมล", "เกียรติ", "ไกรสร", "ขวัญใจ", "ใจดี", "ฉัตรชัย", "โชติกา", "แสงเดือน", "อำนาจ"]


def _same_as_pythainlp(words: list[str]) -> bool:
    keys = dict(zip(words, sort_keys(words), strict=True))
    return sorted(words, key=keys.__getitem__) == collate(words)


def test_the_order_is_pythainlps_on_real_and_generated_words(ctx):
    fast_demo(ctx)
    docs = ctx.store.load()["staff"].values()
    names = [d["first_name"] for d in docs] + [d["last_name"] for d in docs]
    assert _same_as_pythainlp(sorted(set(names)))
    rng = random.Random(7)
    letters = [chr(c) for c in range(0x0E01, 0x0E4E)] + list("ab -.")
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(0, 10))) for _ in range(5000)}
    assert _same_as_pythainlp(sorted(words))
    assert _same_as_pythainlp(IN_ORDER[::-1])
    assert collate(IN_ORDER) == IN_ORDER


def test_keys_one_per_text_whatever_the_text():
    assert sort_keys([]) == []
    assert sort_keys(["", ""]) == ["", ""]
    assert len(sort_keys(["ก\nข", "ค\r", "\n"])) == 3  # a line break inside a text stays one key
    assert sort_key("เก่ง") < sort_key("ขา") < sort_key("แข็ง")
    people = [("b", "โชติกา"), ("a", "เกียรติ"), ("a", "กมล"), ("a", "กมล")]
    assert sorted_thai(people, lambda p: (p[1],), lambda p: (p[0],)) == [
        ("a", "กมล"),
        ("a", "กมล"),
        ("a", "เกียรติ"),
        ("b", "โชติกา"),
    ]
    assert sorted_thai([], lambda p: (p,)) == []


@pytest.fixture
def office(ctx):
    div = settings_svc.add_division(ctx, "สำนักปลัด")
    for i, name in enumerate(IN_ORDER[::-1]):
        staff_svc.add(
            ctx,
            Staff(
                code=f"0{i:03d}",
                prefix="นาย",
                first_name=name,
                last_name="ทดสอบ",
                position="นักจัดการงานทั่วไป",
                division_id=div.id,
                staff_type="พนักงานส่วนตำบล",
            ),
        )
    return ctx


def test_the_staff_list_is_in_dictionary_order(office):
    assert [r.staff.first_name for r in staff_svc.search(office, "")] == IN_ORDER
    assert [r.staff.first_name for r in staff_svc.search(office, "ทดสอบ")] == IN_ORDER


def test_sign_off_appraisal_and_training_lists_follow_it(ctx):
    fast_demo(ctx)
    hr = demo_sign_in(ctx, "hr")

    def ordered(rows, division, first, last) -> bool:
        keys = [(division(r), sort_key(first(r)), sort_key(last(r))) for r in rows]
        return keys == sorted(keys) and len({first(r) for r in rows}) > 3

    notice = next(n for n in hr.store.load()["notices"])
    people = notices_acks.people(hr, int(notice))
    order = {d: i for i, d in enumerate(sorted({p.division_id for p in people}))}
    staff = hr.store.load()["staff"]
    first = lambda p: staff[str(p.staff_id)]["first_name"]
    last = lambda p: staff[str(p.staff_id)]["last_name"]
    assert ordered(people, lambda p: order[p.division_id], first, last)

    rnd = appraisal.list_rounds(hr)[0]
    rows = appraisal.list_results(hr, rnd.id)
    assert ordered(rows, lambda r: r.staff.division_id, lambda r: r.staff.first_name, lambda r: r.staff.last_name)

    divisions = {int(k): d["name"] for k, d in hr.store.load()["divisions"].items()}
    by_name = {f"{d['prefix']}{d['first_name']} {d['last_name']}": d for d in staff.values()}
    fy = max(training.fiscal_years(hr))
    never = [by_name[name] for name, _, _ in training_stats.stats(hr, fy).never_selected]
    division_key = lambda d: sort_key(divisions[d["division_id"]])
    assert ordered(never, division_key, lambda d: d["first_name"], lambda d: d["last_name"])
