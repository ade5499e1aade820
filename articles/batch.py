"""
Batch work (批量操作): one action on several articles, each in its own savepoint, each with a result.

The person saw each item in some state when they ticked it; that state travels with the form. An
item whose state has moved since (someone else approved it meanwhile) is skipped, not acted on:
a batch never decides on something its author did not see. Every rule is the single-item rule
(workflow.check, can_edit, can_move_to_bin), so a batch can do nothing one click could not.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from . import workflow
from .models import Article, EditConflict
from .status import Status

MAX_ITEMS = 100

# action -> (label, the permission that makes it worth offering at all; the per-item rules decide).
ACTIONS = {
    "approve": ("乡镇审核通过", ("articles.review_township",)),
    "publish": ("终审通过并发布", ("articles.review_county",)),
    "return": ("退回修改", ("articles.review_township", "articles.review_county")),
    "move": ("移动到栏目", ("articles.change_article", "articles.review_county")),
    "delete": ("删除（移入回收站）", ("articles.delete_article", "articles.change_article")),
}
NEEDS_COMMENT = {"return"}
NEEDS_COLUMN = {"move"}


def actions_for(user):
    """The batch actions worth offering `user`: (name, label)."""
    return [(name, label) for name, (label, perms) in ACTIONS.items() if any(user.has_perm(p) for p in perms)]


@dataclass
class Result:
    article_id: int
    title: str
    ok: bool
    message: str

    @property
    def label(self):
        return "成功" if self.ok else "跳过"


def run(seen, action, *, by, comment="", column=None):
    """Do `action` on every article in `seen` ({id: the status the person saw}); one Result per id."""
    if action not in ACTIONS:
        raise ValueError(action)
    results = []
    for article_id, seen_status in seen.items():
        article = Article.objects.for_user(by).select_related("column", "township").filter(pk=article_id).first()
        if article is None:
            results.append(Result(article_id, f"稿件 {article_id}", False, "稿件不存在或已删除"))
            continue
        if article.status != seen_status:
            results.append(
                Result(article.pk, article.title, False, f"状态已变化（现为“{article.get_status_display()}”）")
            )
            continue
        try:
            with transaction.atomic():
                message = _do(article, action, by=by, comment=comment, column=column)
        except workflow.TransitionNotAllowed as error:
            article.refresh_from_db(fields=["status"])
            moved = article.status != seen_status  # by someone else, between our read and our lock
            reason = f"状态已变化（现为“{article.get_status_display()}”）" if moved else str(error)
            results.append(Result(article.pk, article.title, False, reason))
        except Article.DoesNotExist:
            results.append(Result(article.pk, article.title, False, "状态已变化（刚被删除）"))
        except PermissionDenied:
            results.append(Result(article.pk, article.title, False, "无权限"))
        except EditConflict:
            results.append(Result(article.pk, article.title, False, "他人刚刚修改过这篇稿件"))
        except ValidationError as error:
            results.append(Result(article.pk, article.title, False, "；".join(error.messages)))
        else:
            results.append(Result(article.pk, article.title, True, message))
    return results


def _check(article, action, by, column=None):
    """Raise (TransitionNotAllowed, PermissionDenied, ValidationError) unless `by` may do it to `article`."""
    if action in ("approve", "publish", "return"):
        workflow.check(article, action, by)
    elif action == "move":
        if column is not None and article.column_id == column.pk:
            raise ValidationError("已在该栏目")
        if not workflow.can_edit(article, by):
            raise PermissionDenied
    elif action == "delete" and not workflow.can_move_to_bin(article, by):
        raise PermissionDenied


def foreseen_skip(article, seen_status, action, by):
    """For the confirmation page: why this item would be skipped if confirmed now, or ""."""
    if article is None:
        return "稿件不存在或已删除"
    if article.status != seen_status:
        return f"状态已变化（现为“{article.get_status_display()}”）"
    try:
        _check(article, action, by)
    except workflow.TransitionNotAllowed as error:
        return str(error)
    except PermissionDenied:
        return "无权限"
    except ValidationError as error:
        return "；".join(error.messages)
    return ""


def _do(article, action, *, by, comment, column):
    _check(article, action, by, column)
    if action in ("approve", "publish", "return"):
        transition = workflow.TRANSITIONS[action]
        getattr(article, transition.method)(by=by, comment=comment)
        return f"已{transition.label}，现为“{article.get_status_display()}”"
    if action == "move":
        article.column = column
        article.save_revision(by=by, base_revision_id=article.latest_revision_id, note=f"批量移动到“{column}”")
        return f"已移动到“{column}”"
    if action == "delete":
        article.move_to_bin(by=by)
        return "已移入回收站，30天内可恢复"
    raise ValueError(action)


def seen_statuses(data, ids):
    """{id: status} from the form: the state each item showed when it was ticked (seen_<id>)."""
    valid = set(Status.values)
    return {pk: data.get(f"seen_{pk}") for pk in ids if data.get(f"seen_{pk}") in valid}
