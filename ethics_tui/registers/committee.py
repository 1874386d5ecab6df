"""The code that the committee register's spec (committee.toml) names: PDF writer adapters and file-name fields."""

from __future__ import annotations


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
