"""
Who may move a letter where, and the moves themselves (each recorded in LetterEvent).

    待受理 ──accept──▶ 办理中 ──submit──▶ 待审核 ──approve──▶ 已答复
       │                 ▲                   │
       └─refuse─▶ 不予受理 └──── return ─────┘
    `route` hands an open letter to another township (or the county) without changing its state.

Township roles act on their township's letters; county roles (letters.act_for_all_townships) on all.
An answer is reviewed by a county reviewer, as an article's 终审 is.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.roles import role_label

from . import screening
from .models import Letter, LetterEvent

S = Letter.Status

TRANSITIONS = {
    # action: (label, sources, permission, needs_comment)
    "accept": ("受理", {S.RECEIVED}, "letters.answer_letter", False),
    "refuse": ("不予受理", {S.RECEIVED, S.HANDLING}, "letters.answer_letter", True),
    "submit": ("提交审核", {S.HANDLING}, "letters.answer_letter", False),
    "approve": ("审核通过并答复", {S.REVIEW}, "letters.review_letter", False),
    "return": ("退回修改", {S.REVIEW}, "letters.review_letter", True),
}


class TransitionNotAllowed(Exception):
    pass


def may_act_on(user, letter):
    if user.has_perm("letters.act_for_all_townships"):
        return True
    return bool(user.township_id) and user.township_id == letter.township_id


def allowed_actions(user, letter):
    if not may_act_on(user, letter):
        return []
    return [
        name
        for name, (_, sources, permission, _) in TRANSITIONS.items()
        if letter.status in sources and user.has_perm(permission)
    ]


def can_edit_answer(user, letter):
    return letter.status == S.HANDLING and may_act_on(user, letter) and user.has_perm("letters.answer_letter")


def _check(user, letter, action, comment=""):
    label, sources, permission, needs_comment = TRANSITIONS[action]
    if not (user.has_perm(permission) and may_act_on(user, letter)):
        raise PermissionDenied(f"您没有权限对这条留言执行“{label}”。")
    if letter.status not in sources:
        raise TransitionNotAllowed(f"这条留言当前为“{letter.get_status_display()}”，不能{label}。")
    if needs_comment and not comment.strip():
        raise ValidationError(f"“{label}”需要填写意见。")


def _record(letter, action, by=None, comment=""):
    LetterEvent.objects.create(
        letter=letter, action=action, by=by, role=role_label(by) if by else "", comment=comment[:300]
    )


@transaction.atomic
def accept(letter, by):
    _check(by, letter, "accept")
    letter.status = S.HANDLING
    letter.save(update_fields=["status"])
    _record(letter, LetterEvent.Action.ACCEPTED, by)


@transaction.atomic
def refuse(letter, by, comment):
    _check(by, letter, "refuse", comment)
    letter.status = S.REFUSED
    letter.review_comment = comment[:300]
    letter.save(update_fields=["status", "review_comment"])
    _record(letter, LetterEvent.Action.REFUSED, by, comment)


@transaction.atomic
def route(letter, township, by, comment=""):
    """转办: the county hands a letter to a township (or takes it back)."""
    if not by.has_perm("letters.act_for_all_townships"):
        raise PermissionDenied("只有县级可以转办留言。")
    if not letter.is_open:
        raise TransitionNotAllowed("已办结的留言不能转办。")
    letter.township = township
    letter.save(update_fields=["township"])
    _record(letter, LetterEvent.Action.ROUTED, by, comment or f"转交{letter.unit_name}办理")


def _clean_answer(answer, unit):
    answer, unit = (answer or "").strip(), (unit or "").strip()
    if not answer:
        raise ValidationError("请填写答复内容。")
    if not unit:
        raise ValidationError("请填写答复单位。")
    findings = screening.screen(answer, unit)
    if screening.has_sensitive(findings):
        raise ValidationError(
            "答复内容有错敏词：" + "；".join(f["message"] for f in findings if f["kind"] == "sensitive")
        )
    return answer, unit


@transaction.atomic
def save_answer(letter, by, answer, unit):
    if not can_edit_answer(by, letter):
        raise PermissionDenied("这条留言现在不能编辑答复。")
    letter.answer, letter.answer_unit = (answer or "").strip(), (unit or "").strip()
    letter.answered_by = by
    letter.save(update_fields=["answer", "answer_unit", "answered_by"])
    _record(letter, LetterEvent.Action.DRAFTED, by)


@transaction.atomic
def submit(letter, by, answer=None, unit=None):
    _check(by, letter, "submit")
    letter.answer, letter.answer_unit = _clean_answer(
        letter.answer if answer is None else answer, letter.answer_unit if unit is None else unit
    )
    letter.status = S.REVIEW
    letter.answered_by = by
    letter.answer_submitted_at = timezone.now()
    letter.save(update_fields=["answer", "answer_unit", "status", "answered_by", "answer_submitted_at"])
    _record(letter, LetterEvent.Action.SUBMITTED, by)


@transaction.atomic
def approve(letter, by, comment=""):
    _check(by, letter, "approve")
    _clean_answer(letter.answer, letter.answer_unit)
    letter.status = S.ANSWERED
    letter.answered_at = timezone.now()
    letter.reviewed_by = by
    letter.review_comment = comment[:300]
    # The writer's own text is shown publicly only if it passed screening (错敏词 keep it off the list).
    letter.screened_public = not screening.has_sensitive(screening.screen(letter.subject, letter.body))
    letter.save(update_fields=["status", "answered_at", "reviewed_by", "review_comment", "screened_public"])
    _record(letter, LetterEvent.Action.APPROVED, by, comment)


@transaction.atomic
def return_answer(letter, by, comment):
    _check(by, letter, "return", comment)
    letter.status = S.HANDLING
    letter.review_comment = comment[:300]
    letter.save(update_fields=["status", "review_comment"])
    _record(letter, LetterEvent.Action.RETURNED, by, comment)


ACTIONS = {"accept": accept, "refuse": refuse, "submit": submit, "approve": approve, "return": return_answer}


def run(action, letter, by, comment=""):
    """A workspace button: the action by name, with its comment where it takes one."""
    if action not in ACTIONS:
        raise TransitionNotAllowed("没有这个操作。")
    if action in ("refuse", "return"):
        return ACTIONS[action](letter, by, comment)
    if action == "approve":
        return approve(letter, by, comment)
    return ACTIONS[action](letter, by)
