"""Changing a nomination once it is made (docs/training.md, "Changes").

- **Edit** (hr) before the executive decides: the person, the nominator, the rationale, the
  nomination date and this person's cost. Changing the person takes the nomination back from
  the executive (``forwarded_on`` cleared: HR forwards it again). After a decision, or once
  withdrawn, an edit is refused with a Thai message saying what to do instead.
- **Withdraw** (hr) with a required reason, before the decision or after an approval while no
  outcome is recorded. The nomination is kept (status ``withdrawn``); it no longer holds a
  seat or budget, and the year's statistics list it apart. A rejected nomination is not
  withdrawn (the rejection stays on the record); after an outcome only an outcome correction
  with a reason is possible (:func:`ethics_tui.service.training.record_outcome`).

Each change is one transaction with the revision check and an audit entry naming the changed
fields (``edit``, ``withdraw``), never their values.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ethics_tui.errors import UserError, ValidationError
from ethics_tui.model.training import APPROVED, WITHDRAW_REASONS, Nomination
from ethics_tui.service.access import require
from ethics_tui.service.context import Context
from ethics_tui.service.training import NOMS, _save, get_nomination, list_nominations

#: the fields an edit may change (the rest of a nomination is the workflow's)
EDITABLE = ("staff_id", "nominated_by", "rationale", "nominated_on", "cost")


def edit_refusal(nom: Nomination) -> UserError | None:
    """Why ``nom`` may not be edited (None: it may)."""
    if nom.withdrawn:
        return UserError(
            "ถอนการเสนอชื่อนี้แล้ว จึงแก้ไขไม่ได้ หากต้องการให้ผู้นี้เข้าร่วม ให้เสนอชื่อใหม่",
            "This nomination was withdrawn and cannot be edited; nominate the person again instead.",
        )
    if nom.outcome:
        return UserError(
            "บันทึกผลการเข้าร่วมแล้ว จึงแก้ไขการเสนอชื่อไม่ได้ หากบันทึกผลผิด ให้แก้ไขผลการเข้าร่วมโดยระบุเหตุผลที่แก้",
            "The outcome is recorded, so the nomination cannot be edited; if the outcome is wrong, correct "
            "it and give the reason.",
        )
    if nom.decision == APPROVED:
        return UserError(
            "ผู้บริหารอนุมัติแล้ว จึงแก้ไขการเสนอชื่อไม่ได้ (การอนุมัติผูกกับผู้ได้รับการเสนอชื่อ เหตุผล และค่าใช้จ่ายเดิม) "
            "หากต้องเปลี่ยนตัวหรือไม่ไปแล้ว ให้ถอนการเสนอชื่อนี้โดยระบุเหตุผล แล้วเสนอชื่อใหม่ให้ผู้บริหารพิจารณา",
            "The executive has approved this nomination, so it cannot be edited (the approval is for this "
            "person, rationale and cost). To send someone else, withdraw it with a reason and nominate anew.",
        )
    if nom.decision:
        return UserError(
            "ผู้บริหารไม่อนุมัติแล้ว จึงแก้ไขการเสนอชื่อไม่ได้ ผลการไม่อนุมัติและเหตุผลคงอยู่ในทะเบียนและรายงานตามเดิม",
            "The executive has rejected this nomination, so it cannot be edited; the rejection and its "
            "reason stay on the record.",
        )
    return None


def withdraw_refusal(nom: Nomination) -> UserError | None:
    """Why ``nom`` may not be withdrawn (None: it may)."""
    if nom.withdrawn:
        return UserError("ถอนการเสนอชื่อนี้แล้ว", "This nomination is already withdrawn.")
    if nom.outcome:
        return UserError(
            "บันทึกผลการเข้าร่วมแล้ว จึงถอนการเสนอชื่อไม่ได้ หากบันทึกผลผิด ให้แก้ไขผลการเข้าร่วมโดยระบุเหตุผลที่แก้",
            "The outcome is recorded, so the nomination cannot be withdrawn; if the outcome is wrong, "
            "correct it and give the reason.",
        )
    if nom.decision and nom.decision != APPROVED:
        return UserError(
            "ผู้บริหารไม่อนุมัติแล้ว ไม่ต้องถอน การไม่อนุมัติและเหตุผลคงแสดงในทะเบียนและรายงานตามเดิม",
            "The executive has rejected this nomination; there is nothing to withdraw and the rejection "
            "stays on the record.",
        )
    return None


def edit_nomination(ctx: Context, nom: Nomination) -> Nomination:
    """Save the editable fields of ``nom`` (its ``rev`` as read); refused after a decision."""
    require(ctx, "training.write")
    stored = get_nomination(ctx, nom.id)
    refusal = edit_refusal(stored)
    if refusal is not None:
        raise refusal
    new = replace(stored, **{k: getattr(nom, k) for k in EDITABLE}, rev=nom.rev)
    new.rationale = new.rationale.strip()
    if new.staff_id != stored.staff_id:
        if any(
            n.staff_id == new.staff_id and not n.withdrawn and n.id != nom.id
            for n in list_nominations(ctx, stored.opportunity_id)
        ):
            raise ValidationError(
                {"staff_id": ("บุคคลนี้ได้รับการเสนอชื่อในโอกาสนี้แล้ว", "this person is already nominated here")}
            )
        new.forwarded_on = ""  # the executive has not seen this person: HR forwards again
    return _save(ctx, NOMS, "training-nomination", new, "การเสนอชื่อ", "edit")


def withdraw(ctx: Context, nom_id: int, code: str, text: str, on: date, rev: int | None = None) -> Nomination:
    """Withdraw a nomination with a reason (a WITHDRAW_REASONS code, or free text = "other").
    ``rev``: the revision the caller showed (someone else's change meanwhile is a conflict)."""
    require(ctx, "training.write")
    nom = get_nomination(ctx, nom_id)
    refusal = withdraw_refusal(nom)
    if refusal is not None:
        raise refusal
    text = text.strip()
    code = code or ("other" if text else "")
    if code not in WITHDRAW_REASONS:
        raise ValidationError({"withdraw_code": ("การถอนการเสนอชื่อต้องระบุเหตุผล", "a withdrawal needs a reason")})
    user = ctx.user.username if ctx.user else ctx.actor
    new = replace(
        nom,
        withdrawn_on=on.isoformat(),
        withdrawn_by=user,
        withdraw_code=code,
        withdraw_text=text,
        rev=nom.rev if rev is None else rev,
    )
    return _save(ctx, NOMS, "training-nomination", new, "การเสนอชื่อ", "withdraw")
