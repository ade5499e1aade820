"""
Who may move an article where: the one table of the editorial workflow.

Views, templates and the admin ask `allowed_actions()` / `can_edit()`; the Article methods
(`submit`, `approve`, …) call `check()` before changing anything. Nothing else re-derives a rule.

    草稿 / 已退回 ──submit──▶ 乡镇待审 ──approve──▶ 县级待审 ──publish──▶ 已发布 ──withdraw──▶ 已撤稿
                                 │                    │   └─publish(at=…)─▶ 定时发布 ─(worker)─▶ 已发布
                                 └──── return ────────┴──── return ──▶ 已退回
    A county-level article (no township) skips 乡镇待审. A county reviewer may force-publish an
    urgent 通知公告 from any state before publication, with a written reason. The county's copy of
    an adopted (采用) township item goes 草稿 ──republish──▶ 已发布 (Article.republish); like go_live it
    is started by the system, never offered as a button.

    Deleting is not a transition: it moves the item to the recycle bin (回收站, Status.DELETED,
    articles/models/deletions.py), restorable for 30 days; nothing, revisions and audit trail
    included, is erased, and 彻底删除 blanks only the text. An editor may delete their own draft
    only while it has never been submitted (can_delete); an admin (articles.delete_article) may
    delete any item in scope, restore it and purge it (can_move_to_bin, can_restore, can_purge).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied

from .status import Status as S

ALL_TOWNSHIPS = "articles.act_for_all_townships"


class TransitionNotAllowed(Exception):
    """The article is not in a state this action can start from; nothing was changed."""


@dataclass(frozen=True)
class Transition:
    label: str
    sources: frozenset
    # The permission needed, by the status the article is leaving.
    permission: dict = field(default_factory=dict)
    needs_comment: bool = False
    style: str = "primary"
    # Offered as a button in the workspace; the others are started by the system or by a service.
    offered: bool = True
    # The Article method that makes the move, and the name under which it takes the comment.
    method: str = ""
    comment_as: str = "comment"
    comment_label: str = "审核意见（选填）"


TRANSITIONS = {
    "submit": Transition(
        "提交审核",
        frozenset({S.DRAFT, S.RETURNED}),
        {S.DRAFT: "articles.submit_article", S.RETURNED: "articles.submit_article"},
        method="submit",
    ),
    "submit_override": Transition(
        "忽略检查并提交",
        frozenset({S.DRAFT, S.RETURNED}),
        {S.DRAFT: "articles.override_checks", S.RETURNED: "articles.override_checks"},
        needs_comment=True,
        style="warning",
        method="submit",
        comment_as="override_reason",
    ),
    "approve": Transition(
        "乡镇审核通过",
        frozenset({S.TOWNSHIP_REVIEW}),
        {S.TOWNSHIP_REVIEW: "articles.review_township"},
        method="approve",
    ),
    "publish": Transition(
        "终审通过并发布",
        frozenset({S.COUNTY_REVIEW}),
        {S.COUNTY_REVIEW: "articles.review_county"},
        method="publish",
        comment_label="终审意见（选填）",
    ),
    "return": Transition(
        "退回修改",
        frozenset({S.TOWNSHIP_REVIEW, S.COUNTY_REVIEW, S.SCHEDULED}),
        {
            S.TOWNSHIP_REVIEW: "articles.review_township",
            S.COUNTY_REVIEW: "articles.review_county",
            S.SCHEDULED: "articles.review_county",
        },
        needs_comment=True,
        style="warning",
        method="return_to_editor",
        comment_label="退回意见（必填）",
    ),
    "force_publish": Transition(
        "紧急发布",
        frozenset({S.DRAFT, S.RETURNED, S.TOWNSHIP_REVIEW, S.COUNTY_REVIEW}),
        dict.fromkeys((S.DRAFT, S.RETURNED, S.TOWNSHIP_REVIEW, S.COUNTY_REVIEW), "articles.force_publish"),
        needs_comment=True,
        style="danger",
        method="force_publish",
        comment_as="reason",
        comment_label="紧急发布理由（必填）",
    ),
    "withdraw": Transition(
        "撤稿",
        frozenset({S.PUBLISHED, S.SCHEDULED}),
        {S.PUBLISHED: "articles.withdraw_article", S.SCHEDULED: "articles.withdraw_article"},
        needs_comment=True,
        style="danger",
        method="withdraw",
        comment_as="reason",
        comment_label="撤稿理由（必填）",
    ),
    # Only the scheduled-publishing worker takes this one: no permission opens it to a person.
    "go_live": Transition("定时发布上线", frozenset({S.SCHEDULED}), {}, method="publish_when_due", offered=False),
    # 采用转载: the county publishes its copy of an adopted township item (reports.services.adopt).
    "republish": Transition(
        "采用转载", frozenset({S.DRAFT}), {S.DRAFT: "articles.review_county"}, method="republish", offered=False
    ),
}

# Who may change the text in each state (the permission needed).
EDITABLE = {
    S.DRAFT: "articles.change_article",
    S.RETURNED: "articles.change_article",
    S.TOWNSHIP_REVIEW: "articles.review_township",
    S.COUNTY_REVIEW: "articles.review_county",
    S.SCHEDULED: "articles.review_county",
    S.PUBLISHED: "articles.review_county",
}


def in_scope(article, user):
    """Editors and township reviewers act only on their own township's articles."""
    if user.has_perm(ALL_TOWNSHIPS):
        return True
    return user.township_id is not None and article.township_id == user.township_id


def _permitted(article, action, user):
    transition = TRANSITIONS[action]
    permission = transition.permission.get(article.status)
    if not permission or not user.is_active or not user.has_perm(permission) or not in_scope(article, user):
        return False
    # Force-publishing is for urgent notices only.
    return action != "force_publish" or article.column.update_class == "notice"


def check(article, action, user):
    """Raise TransitionNotAllowed or PermissionDenied unless `user` may do `action` now."""
    transition = TRANSITIONS[action]
    if article.status not in transition.sources:
        raise TransitionNotAllowed(f"“{article.get_status_display()}”状态的稿件不能执行“{transition.label}”。")
    if not _permitted(article, action, user):
        raise PermissionDenied(f"您没有权限对这篇稿件执行“{transition.label}”。")


def allowed_actions(article, user):
    """The actions `user` may take on `article` right now, in display order: (name, Transition)."""
    return [
        (name, transition)
        for name, transition in TRANSITIONS.items()
        if transition.offered and article.status in transition.sources and _permitted(article, name, user)
    ]


def can_edit(article, user):
    permission = EDITABLE.get(article.status)
    return bool(permission) and user.is_active and user.has_perm(permission) and in_scope(article, user)


def review_states(user):
    """The review states in which `user` may decide (待我审核); empty for someone who never reviews."""
    return [
        state
        for state, permission in TRANSITIONS["return"].permission.items()
        if state != S.SCHEDULED and user.has_perm(permission)
    ]


# Audit actions an article collects before it is first submitted: editing only.
UNREVIEWED_ACTIONS = frozenset({"created", "edited", "restored"})


def can_delete(article, user):
    """Only the author, only a draft that never entered review (see the module docstring)."""
    return (
        article.status == S.DRAFT
        and user.is_active
        and article.created_by_id == user.pk
        and user.has_perm("articles.change_article")
        and in_scope(article, user)
        and not article.audit.exclude(action__in=UNREVIEWED_ACTIONS).exists()
    )


DELETE_ANY = "articles.delete_article"


def can_move_to_bin(article, user):
    """Admins anything in scope; an editor their own never-submitted draft (can_delete)."""
    if article.status == S.DELETED or not user.is_active:
        return False
    return (user.has_perm(DELETE_ANY) and in_scope(article, user)) or can_delete(article, user)


def can_restore(article, deletion, user):
    """Admins; and whoever deleted their own draft may take it back."""
    if not user.is_active or not in_scope(article, user):
        return False
    return user.has_perm(DELETE_ANY) or (deletion.deleted_by_id == user.pk and article.created_by_id == user.pk)


def can_purge(article, user):
    return user.is_active and user.has_perm(DELETE_ANY) and in_scope(article, user)


def can_view(article, user):
    return user.is_active and user.has_perm("articles.view_article") and in_scope(article, user)


def reviewers_for(article, status):
    """The active users who may decide on `article` once it is in `status` (for naming and e-mail)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    permission = TRANSITIONS["return"].permission.get(status)
    if not permission:
        return get_user_model().objects.none()
    app_label, codename = permission.split(".")
    has_permission = Q(groups__permissions__codename=codename, groups__permissions__content_type__app_label=app_label)
    has_permission |= Q(user_permissions__codename=codename, user_permissions__content_type__app_label=app_label)
    candidates = get_user_model().objects.filter(has_permission, is_active=True, is_superuser=False).distinct()
    if status == S.TOWNSHIP_REVIEW:
        candidates = candidates.filter(township_id=article.township_id)
    return candidates.order_by("full_name", "username")
