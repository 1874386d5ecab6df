"""The ethics committee: appointment orders (measure 6.1)."""

from __future__ import annotations

from ethics_tui.registers.spec import Action, Document, Param, RegisterSpec

ORDER_ID = Param("id", ("รหัสคำสั่ง (จาก orders list)", "order id"))


def write_order(ctx, out, id: int):
    from ethics_tui.service import committee

    return committee.export_pdf(ctx, id, out, "order")


def write_order_signoff(ctx, out, id: int):
    from ethics_tui.service import committee

    return committee.export_pdf(ctx, id, out, "order-signoff")


def order_tag(ctx, id: int) -> dict:
    """ "<number>-<year>" of an issued order, "draft-<id>" of a draft."""
    from ethics_tui.service import committee

    order = committee.get_order(ctx, id)
    return {"tag": f"{order.number}-{order.year_be}" if order.number else f"draft-{order.id}"}


SPEC = RegisterSpec(
    key="committee",
    label=("คณะที่ปรึกษาจริยธรรม", "Ethics committee"),
    permission="orders.read",
    screen="ethics_tui.tui.screens.committee:CommitteeScreen",
    services=("ethics_tui.service.committee",),
    tables={"orders": "ethics_tui.model.committee:Order"},
    verify=("orders",),
    hotkey="c",
    order=20,
    home_alerts="ethics_tui.service.committee:home_alerts",
    demo="ethics_tui.service.committee:extend_demo",
    report_facts={"committee": "ethics_tui.service.report_sources:committee"},
    actions=(
        Action(
            "n",
            "new",
            ("เพิ่ม", "New"),
            "orders.write",
            ("คณะที่ปรึกษาจริยธรรม: ร่างคำสั่ง", "Ethics committee: draft an order"),
            writes=True,
        ),
        # e opens any order; without orders.write (or when not a draft) the form is read-only
        Action("e", "edit", ("แก้ไข", "Edit")),
        Action("i", "issue", ("ออกคำสั่ง", "Issue"), "orders.write", writes=True),
        Action("s", "supersede", ("ออกคำสั่งแทน", "Supersede"), "orders.write", writes=True),
        Action("r", "revoke", ("ยกเลิกคำสั่ง", "Revoke"), "orders.write", show=False, writes=True),
        Action("d", "delete", ("ลบร่าง", "Delete draft"), "orders.write", show=False, writes=True),
        Action(
            "ctrl+e",
            "export",
            ("PDF คำสั่ง", "Order PDF"),
            "pdf.export",
            ("คณะที่ปรึกษาจริยธรรม: ส่งออก PDF คำสั่ง", "Ethics committee: export the order PDF"),
        ),
        Action(
            "g",
            "signoff",
            ("ใบลงชื่อรับทราบ", "Sign-off sheet"),
            "pdf.export",
            ("คณะที่ปรึกษาจริยธรรม: ใบลงชื่อรับทราบ", "Ethics committee: sign-off sheet PDF"),
            show=False,
        ),
        Action(
            "t",
            "template",
            ("แม่แบบ", "Template"),
            "orders.write",
            ("คณะที่ปรึกษาจริยธรรม: แม่แบบคำสั่ง", "Ethics committee: order template"),
            show=False,
            writes=True,
        ),
        Action("k", "consultations", ("บันทึกการให้คำปรึกษา", "Consultations"), "consultations.read"),
    ),
    documents=(
        Document(
            "order",
            ("คำสั่งแต่งตั้งคณะที่ปรึกษาจริยธรรม", "a committee order"),
            "ethics_tui.registers.committee:write_order",
            (ORDER_ID,),
            file_name="order-{tag}.pdf",
            name_fields="ethics_tui.registers.committee:order_tag",
        ),
        Document(
            "order-signoff",
            ("ใบลงชื่อรับทราบการแต่งตั้งของกรรมการ", "the members' sign-off sheet"),
            "ethics_tui.registers.committee:write_order_signoff",
            (ORDER_ID,),
            file_name="order-signoff-{tag}.pdf",
            name_fields="ethics_tui.registers.committee:order_tag",
        ),
    ),
)
