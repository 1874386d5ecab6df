"""Samples of every layout from realistic Thai text (fictional office and people; the report
uses the seed ITA report). ``ethics-tui pdf sample KIND -o FILE`` calls :func:`write_sample`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ethics_tui.model.settings import DEFAULT_DIVISIONS, OfficeSettings
from ethics_tui.pdf import seed_text
from ethics_tui.pdf.models import (
    AnnouncementDoc,
    CircularDoc,
    DecisionBox,
    Member,
    Members,
    MemoColumn,
    MemoDoc,
    MemoTable,
    NumberedList,
    OrderDoc,
    ReportDoc,
    ReportGroup,
    ReportRow,
    Signer,
    SignoffDoc,
    SignoffPerson,
    SlipDoc,
    SlipField,
)

SAMPLE_KINDS = ("order", "announcement", "circular", "signoff", "report", "slip", "memo")

SEED_OFFICE = "องค์การบริหารส่วนตำบลเชียงพิณ"


def sample_settings(digits: str = "thai") -> OfficeSettings:
    return OfficeSettings(
        office_name="องค์การบริหารส่วนตำบลห้วยทรายงาม",
        district="เมืองอุดรธานี",
        province="อุดรธานี",
        address="หมู่ที่ 3 ตำบลห้วยทรายงาม\nอำเภอเมืองอุดรธานี จังหวัดอุดรธานี 41000",
        phone="0 4221 7788",
        email="saraban@huaysaingam.go.th",
        executive_name="นายประเสริฐ วงศ์ใหญ่",
        executive_title="นายกองค์การบริหารส่วนตำบลห้วยทรายงาม",
        letter_prefix="อด 71299",
        digits=digits,
    )


_FIRST = (
    "นายสมชาย",
    "นางสาวสุภาพร",
    "นายวีระพงษ์",
    "นางจันทร์เพ็ญ",
    "นายธนากร",
    "นางสาวพรทิพย์",
    "นายอนุชา",
    "นางวิไลวรรณ",
    "นายเกียรติศักดิ์",
    "นางสาวกัญญารัตน์",
    "นายณัฐพล",
    "นางสมหญิง",
    "นายปิยะ",
    "นางสาวศิริพร",
    "นายบุญเลิศ",
    "นางอรุณี",
    "นายชัยวัฒน์",
    "นางสาวเบญจวรรณ",
    "นายสุริยา",
    "นางรัตนา",
)
_LAST = (
    "ใจดี",
    "ศรีสุข",
    "บุญมา",
    "แก้วประเสริฐ",
    "ทองคำ",
    "พรหมวงศ์",
    "สุวรรณรัตน์",
    "มณีวงศ์",
    "ชัยมงคล",
    "ภูมิพัฒน์",
    "ศรีอุดร",
    "คำภูแก้ว",
    "นามวงศ์",
    "พลเยี่ยม",
    "อินทร์แก้ว",
    "สิทธิโชค",
    "จันทร์หอม",
    "ประทุมมา",
    "วงศ์ษา",
    "บุตรดี",
    "แสงสว่าง",
    "ธรรมวงศ์",
    "ดวงมาลา",
)
_POSITIONS = (
    "นักทรัพยากรบุคคลชำนาญการ",
    "นิติกรปฏิบัติการ",
    "เจ้าพนักงานธุรการปฏิบัติงาน",
    "นักวิชาการเงินและบัญชีชำนาญการ",
    "นายช่างโยธาชำนาญงาน",
    "นักวิเคราะห์นโยบายและแผน",
    "ผู้ช่วยเจ้าพนักงานธุรการ",
    "พนักงานขับรถยนต์",
    "ครูผู้ดูแลเด็ก",
    "นักพัฒนาชุมชนปฏิบัติการ",
    "เจ้าพนักงานป้องกันและบรรเทาสาธารณภัย",
    "นักวิชาการสาธารณสุข",
)


def sample_people(n: int) -> list[SignoffPerson]:
    """``n`` fictional staff spread over the default divisions (deterministic)."""
    people = []
    for i in range(n):
        name = f"{_FIRST[i % len(_FIRST)]} {_LAST[(i * 7 + i // len(_FIRST)) % len(_LAST)]}"
        division = DEFAULT_DIVISIONS[(i * 3) % len(DEFAULT_DIVISIONS)]
        note = "ลาพักผ่อน" if i % 29 == 5 else ""
        people.append(SignoffPerson(name, _POSITIONS[i % len(_POSITIONS)], division, note))
    return people


def sample_order() -> OrderDoc:
    return OrderDoc(
        number=123,
        year_be=2568,
        subject="แต่งตั้งคณะที่ปรึกษาทางจริยธรรม",
        signed_on=date(2025, 11, 25),
        body=[
            (
                "ตามประกาศคณะกรรมการกลางพนักงานส่วนตำบล เรื่อง ประมวลจริยธรรมพนักงานส่วนท้องถิ่น "
                "กำหนดให้หน่วยงานจัดให้มีผู้ทำหน้าที่ให้คำปรึกษาแก่เจ้าหน้าที่เกี่ยวกับการปฏิบัติตาม"
                "ประมวลจริยธรรม เพื่อให้การบริหารงานบุคคลเป็นไปด้วยความโปร่งใส เป็นธรรม "
                "และตรวจสอบได้ ตามมาตรการควบคุม ตรวจสอบ การใช้อำนาจและการบริหารงานบุคคล"
            ),
            (
                "อาศัยอำนาจตามความในมาตรา 60 แห่งพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล "
                "พ.ศ. 2537 และที่แก้ไขเพิ่มเติม จึงแต่งตั้งคณะที่ปรึกษาทางจริยธรรม ประกอบด้วย"
            ),
            Members(
                [
                    Member("นายวีระพงษ์ ศรีสุข", "ปลัดองค์การบริหารส่วนตำบล", "ประธาน"),
                    Member("นางจันทร์เพ็ญ บุญมา", "รองปลัดองค์การบริหารส่วนตำบล", "รองประธาน"),
                    Member("นายธนากร ทองคำ", "ผู้อำนวยการกองคลัง", "กรรมการ"),
                    Member("นางสาวพรทิพย์ พรหมวงศ์", "ผู้อำนวยการกองช่าง", "กรรมการ"),
                    Member("นายอนุชา มณีวงศ์", "นิติกรชำนาญการ", "กรรมการ"),
                    Member("นางสาวสุภาพร แก้วประเสริฐ", "นักทรัพยากรบุคคลชำนาญการ", "กรรมการและเลขานุการ"),
                    Member("นางสาวกัญญารัตน์ ชัยมงคล", "เจ้าพนักงานธุรการปฏิบัติงาน", "ผู้ช่วยเลขานุการ"),
                ]
            ),
            NumberedList(
                title="ให้คณะที่ปรึกษาทางจริยธรรมมีอำนาจหน้าที่ ดังนี้",
                items=[
                    (
                        "ให้คำปรึกษาแก่พนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้าง เกี่ยวกับการปฏิบัติตน"
                        "ตามประมวลจริยธรรม โดยเก็บรักษาข้อมูลของผู้ขอคำปรึกษาเป็นความลับ"
                    ),
                    "เสนอแนะแนวทางการประพฤติตนทางจริยธรรม (Dos & Don'ts) ต่อผู้บริหาร",
                    ("สอดส่องดูแลให้มีการปฏิบัติตามประมวลจริยธรรมในหน่วยงาน และรายงานผลต่อนายกองค์การบริหารส่วนตำบลปีละ 2 ครั้ง"),
                    "ปฏิบัติหน้าที่อื่นตามที่ได้รับมอบหมาย",
                ],
            ),
            (
                "ทั้งนี้ ให้ยกเลิกคำสั่งองค์การบริหารส่วนตำบลห้วยทรายงาม ที่ 45/2567 "
                "ลงวันที่ 3 มิถุนายน 2567 และให้ผู้ได้รับแต่งตั้งปฏิบัติหน้าที่ด้วยความเรียบร้อย"
            ),
        ],
    )


def sample_announcement() -> AnnouncementDoc:
    return AnnouncementDoc(
        subject="แนวทางการประพฤติตนทางจริยธรรม (Dos & Don'ts)",
        announced_on=date(2025, 11, 25),
        body=[
            (
                "เพื่อให้พนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้าง ยึดถือเป็นแนวทางในการปฏิบัติตน"
                "ให้เป็นไปตามประมวลจริยธรรมพนักงานส่วนท้องถิ่น และเป็นไปตามมาตรการควบคุม ตรวจสอบ "
                "การใช้อำนาจและการบริหารงานบุคคล ประจำปีงบประมาณ พ.ศ. 2569 จึงประกาศแนวทาง"
                "การประพฤติตนทางจริยธรรม ดังนี้"
            ),
        ],
        dos=[
            "ปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต เที่ยงธรรม และรับผิดชอบต่อผลของการปฏิบัติงาน",
            "ให้บริการประชาชนด้วยความเสมอภาค รวดเร็ว และเป็นไปตามขั้นตอนในคู่มือการปฏิบัติงาน",
            "แจ้งผู้บังคับบัญชาทันทีเมื่อพบเห็นการทุจริตหรือการกระทำที่ขัดต่อประมวลจริยธรรม",
            "ขอคำปรึกษาจากคณะที่ปรึกษาทางจริยธรรมเมื่อไม่แน่ใจว่าการกระทำใดเหมาะสม",
        ],
        donts=[
            "ไม่รับของขวัญหรือประโยชน์อื่นใดที่มีมูลค่าเกิน 3,000 บาท จากผู้มาติดต่อราชการ",
            "ไม่ใช้ทรัพย์สินของทางราชการ เช่น รถยนต์ส่วนกลาง เพื่อประโยชน์ส่วนตน",
            "ไม่เปิดเผยข้อมูลของผู้ร้องเรียนหรือผู้ขอคำปรึกษาแก่ผู้ไม่มีหน้าที่เกี่ยวข้อง",
            "ไม่ใช้ตำแหน่งหน้าที่เอื้อประโยชน์แก่ตนเอง ญาติ หรือพวกพ้อง",
        ],
    )


def sample_circular() -> CircularDoc:
    return CircularDoc(
        number=12,
        subject="แจ้งเวียนประมวลจริยธรรมเพื่อทราบและถือปฏิบัติ",
        to="พนักงานส่วนตำบล ลูกจ้างประจำ และพนักงานจ้าง ทุกกอง",
        dated=date(2025, 11, 25),
        references=[("ประกาศคณะกรรมการกลางพนักงานส่วนท้องถิ่น เรื่อง ประมวลจริยธรรมพนักงานส่วนท้องถิ่น")],
        enclosures=[
            "ประมวลจริยธรรมของผู้บริหารท้องถิ่น จำนวน 1 ชุด",
            "ประมวลจริยธรรมของสมาชิกสภาท้องถิ่น จำนวน 1 ชุด",
            "ใบลงชื่อรับทราบ จำนวน 1 ฉบับ",
        ],
        body=[
            (
                "ตามที่ได้มีประกาศประมวลจริยธรรมของผู้บริหารท้องถิ่นและสมาชิกสภาท้องถิ่นในราชกิจจา"
                "นุเบกษา เมื่อเดือนเมษายน 2565 และประกาศคณะกรรมการกลางพนักงานส่วนท้องถิ่น "
                "เรื่อง ประมวลจริยธรรมพนักงานส่วนท้องถิ่น ความละเอียดแจ้งแล้ว นั้น"
            ),
            (
                "องค์การบริหารส่วนตำบลห้วยทรายงาม จึงขอแจ้งเวียนประมวลจริยธรรมดังกล่าวให้ทุกท่าน"
                "ทราบและถือปฏิบัติโดยเคร่งครัด และขอให้ลงลายมือชื่อรับทราบในใบลงชื่อรับทราบที่ส่งมา"
                "ด้วย แล้วส่งคืนงานการเจ้าหน้าที่ สำนักปลัด ภายในวันที่ 5 ธันวาคม 2568"
            ),
        ],
    )


def sample_signoff(n: int = 60) -> SignoffDoc:
    return SignoffDoc(
        document_title="เรื่อง แจ้งเวียนประมวลจริยธรรมเพื่อทราบและถือปฏิบัติ (หนังสือที่ อด 71299/ว 12)",
        people=sample_people(n),
        divisions=list(DEFAULT_DIVISIONS),
        dated=date(2025, 11, 25),
    )


def sample_report(settings: OfficeSettings) -> ReportDoc:
    groups = [ReportGroup(title, [ReportRow(*row) for row in rows]) for title, rows in seed_text.GROUPS]
    intro = seed_text.INTRO.replace(SEED_OFFICE, settings.office_name or SEED_OFFICE)
    return ReportDoc(
        title="รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        fiscal_year_be=2568,
        groups=groups,
        intro=intro,
    )


def sample_slip() -> SlipDoc:
    return SlipDoc(
        title="แบบแจ้งผลการประเมินผลการปฏิบัติงาน",
        number="7/2569",
        dated=date(2026, 4, 20),
        fields=[
            SlipField("ผู้รับการประเมิน", "นางสาวศิริพร ภูมิพัฒน์"),
            SlipField("ตำแหน่ง", "นักวิชาการเงินและบัญชีชำนาญการ กองคลัง"),
            SlipField("รอบการประเมิน", "ครั้งที่ 1 (1 ตุลาคม 2568 - 31 มีนาคม 2569)"),
            SlipField("คะแนนรวม / ระดับ", "91.50 คะแนน ระดับดีเด่น"),
            SlipField("วันที่รับทราบ", ""),
            SlipField("หมายเหตุ", ""),
        ],
        text="ผู้รับการประเมินมีสิทธิร้องทุกข์ต่อผู้บังคับบัญชาภายใน 30 วัน นับแต่วันที่ทราบผล"
        "การประเมิน กรณีผู้รับการประเมินไม่ยอมลงลายมือชื่อรับทราบ ให้พยานลงลายมือชื่อรับรองว่า"
        "ได้แจ้งผลการประเมินแล้ว",
        signatures=[
            ("ผู้รับการประเมิน", Signer("นางสาวศิริพร ภูมิพัฒน์", "")),
            ("ผู้ประเมิน", Signer("นายธนากร ทองคำ", "ผู้อำนวยการกองคลัง")),
            ("พยาน", Signer("", "")),
        ],
    )


def sample_memo() -> MemoDoc:
    return MemoDoc(
        unit="สำนักปลัด งานการเจ้าหน้าที่",
        subject="ขออนุมัติให้บุคลากรเข้ารับการฝึกอบรม หลักสูตรการจัดซื้อจัดจ้างภาครัฐ",
        to="นายกองค์การบริหารส่วนตำบลห้วยทรายงาม",
        dated=date(2026, 1, 14),
        body=[
            (
                "ด้วยสถาบันพัฒนาบุคลากรท้องถิ่น แจ้งการจัดฝึกอบรมหลักสูตรการจัดซื้อจัดจ้างภาครัฐ ระหว่างวันที่ 9 ถึง 11 "
                "กุมภาพันธ์ 2569 ณ จังหวัดขอนแก่น ค่าใช้จ่ายคนละ 6,900.00 บาท"
            ),
            "ผู้อำนวยการกองได้เสนอชื่อบุคลากรตามตำแหน่งและหน้าที่ที่ได้รับมอบหมาย ดังนี้",
        ],
        table=MemoTable(
            [MemoColumn("ลำดับ", 12, "C"), MemoColumn("ชื่อ-สกุล / ตำแหน่ง", 70), MemoColumn("เหตุผล", 78)],
            [
                ["1", "นางสาวศิริพร ภูมิพัฒน์\nนักวิชาการพัสดุชำนาญการ", "รับผิดชอบงานจัดซื้อจัดจ้างของกองคลังโดยตรง"],
                ["2", "นายธนากร ทองคำ\nเจ้าพนักงานพัสดุ", "ได้รับมอบหมายเป็นกรรมการตรวจรับพัสดุ"],
            ],
            note="ค่าใช้จ่ายรวม 13,800.00 บาท",
        ),
        after_table=["งบประมาณค่าใช้จ่ายในการฝึกอบรม ปีงบประมาณ 2569 ตั้งไว้ 48,000.00 บาท คงเหลือ 34,200.00 บาท"],
        signer=Signer("", "เจ้าหน้าที่งานการเจ้าหน้าที่"),
        decision=DecisionBox(["( ) อนุมัติ", "( ) ไม่อนุมัติ เหตุผล ......................................"]),
    )


def write_sample(kind: str, path: str | Path, settings: OfficeSettings | None = None) -> Path:
    """Write a sample of layout ``kind`` (one of :data:`SAMPLE_KINDS`) to ``path``."""
    from ethics_tui.pdf import announcement, circular, memo, order, report, signoff, slip

    if settings is None or not settings.office_name.strip():
        digits = settings.digits if settings is not None else "thai"
        settings = sample_settings(digits)
    if kind == "order":
        return order.render_order(sample_order(), path, settings)
    if kind == "announcement":
        return announcement.render_announcement(sample_announcement(), path, settings)
    if kind == "circular":
        return circular.render_circular(sample_circular(), path, settings)
    if kind == "signoff":
        return signoff.render_signoff(sample_signoff(), path, settings)
    if kind == "report":
        return report.render_report(sample_report(settings), path, settings)
    if kind == "slip":
        return slip.render_slip(sample_slip(), path, settings)
    if kind == "memo":
        return memo.render_memo(sample_memo(), path, settings)
    raise ValueError(f"unknown sample kind {kind!r}; choose one of {', '.join(SAMPLE_KINDS)}")
