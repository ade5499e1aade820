"""
The workspace: thin views over the Article workflow. Every rule lives in articles.workflow and the
Article methods; these views only ask, call and report.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.decorators import staff_required
from articles import approval_links, batch, content_checks, importing, workflow
from articles.access import article_for
from articles.diffing import compare
from articles.models import Article, ArticleDeletion, Column, ContentBlocked, EditConflict, Revision
from articles.pagination import paginate
from articles.status import Status
from townships.models import Initiative, Township

from . import tabs
from .forms import (
    ArticleForm,
    AttachmentFormSet,
    BatchForm,
    CommentForm,
    ImageUploadForm,
    ImportForm,
    LeaderLinkForm,
    PurgeForm,
    WorkspaceSearchForm,
    action_form,
)


@staff_required
def index(request):
    user = request.user
    available = tabs.tabs_for(user)
    lists = tabs.lists_for(user)
    tab = request.GET.get("tab") or ("queue" if "queue" in available and lists["queue"].exists() else "mine")
    if tab not in available:
        raise Http404("没有这个栏目")
    search = WorkspaceSearchForm(request.GET)
    articles = lists[tab].select_related("column", "township", "latest_revision__created_by")
    if search.is_valid():
        articles = articles.search_title(search.cleaned_data["q"])
        if search.cleaned_data["status"]:
            articles = articles.filter(status=search.cleaned_data["status"])
    articles = articles.order_by("-updated_at", "-id")
    if tab == "returned":
        articles = articles.with_latest_return()
    page = paginate(request, articles)
    return render(
        request,
        "workspace/index.html",
        {"tab": tab, "tabs": available, "page": page, "search": search, "batch_actions": batch.actions_for(user)},
    )


@staff_required
def article_new(request):
    if not request.user.has_perm("articles.add_article"):
        raise PermissionDenied("您没有撰写稿件的权限。")
    form = ArticleForm(request.POST or None, request.FILES or None, user=request.user)
    files = _attachment_formset(request, Article())
    if request.method == "POST" and form.is_valid() & files.accepts():
        article = form.save(commit=False)
        if not workflow.in_scope(article, request.user):
            raise PermissionDenied("只能为本乡镇撰写稿件。")
        article.save_revision(
            by=request.user,
            initiatives=form.cleaned_data["initiatives"],
            attachments=files.saver,
            note=f"导入自 {request.POST['imported_from']}" if request.POST.get("imported_from") else "",
        )
        form.save_disclosure(article)
        messages.success(request, "稿件已保存为草稿。")
        _report_attachments(request, files)
        _report_findings(request, article)
        return redirect(article.get_workspace_url())
    return render(request, "workspace/article_form.html", {"form": form, "article": None, "files": files})


@staff_required
def article_edit(request, pk):
    article = article_for(request.user, pk)
    if not workflow.can_edit(article, request.user):
        raise PermissionDenied(f"“{article.get_status_display()}”状态的稿件您不能修改。")
    form = ArticleForm(request.POST or None, request.FILES or None, instance=article, user=request.user)
    files = _attachment_formset(request, article)
    conflict = None
    if request.method == "POST" and form.is_valid() & files.accepts():
        article = form.save(commit=False)
        base_revision, note = form.cleaned_data["base_revision"], ""
        overwritten = _chosen_to_overwrite(article, form.cleaned_data)
        if overwritten is not None:
            # They were shown this newer version with the refusal and chose to replace it: on record.
            base_revision = overwritten.pk
            note = f"已查看第{overwritten.number}版（{overwritten.author_name}）的修改，仍以本人版本覆盖"
        try:
            article.save_revision(
                by=request.user,
                base_revision_id=base_revision,
                initiatives=form.cleaned_data["initiatives"],
                attachments=files.saver,
                note=note,
            )
            form.save_disclosure(article)
        except EditConflict as error:
            # Nothing was saved: show who saved in between, keep the typed text, show the differences.
            # The form keeps its old base revision, so 保存 stays refused; only the explicit overwrite
            # choice, naming the revision shown here, replaces it.
            conflict = error
            mine = article.snapshot() | {"initiative_ids": [i.pk for i in form.cleaned_data["initiatives"]]}
            conflict.diffs = [d for d in compare(error.latest_revision.data, mine, _names) if d.changed]
        else:
            messages.success(request, "修改已保存。")
            _report_attachments(request, files)
            _report_findings(request, article)
            return redirect(article.get_workspace_url())
    return render(
        request,
        "workspace/article_form.html",
        {
            "form": form,
            "files": files,
            "article": article,
            "conflict": conflict,
            "last_return": article.latest_return(),
        },
    )


def _attachment_formset(request, article):
    # A form without the 附件 part (an older page, the import's put-back) leaves the list as it is.
    sent = request.method == "POST" and "attachments-TOTAL_FORMS" in request.POST
    data = (request.POST, request.FILES) if sent else (None, None)
    return AttachmentFormSet(*data, instance=article, prefix="attachments")


def _report_attachments(request, files):
    for note in files.cleaning_notes():
        messages.info(request, note)


def _chosen_to_overwrite(article, data):
    """The revision the person explicitly chose to overwrite after a refused save, if they did."""
    if not data.get("overwrite") or not data.get("seen_revision"):
        return None
    return Revision.objects.filter(article=article, pk=data["seen_revision"]).select_related("created_by").first()


def _report_findings(request, article):
    """Shown on every save: what the content checks found, blocking ones first."""
    for finding in sorted(article.content_findings(), key=lambda f: not f.blocking):
        level = messages.ERROR if finding.blocking else messages.WARNING
        messages.add_message(request, level, f"内容检查（{finding.label}）：{finding.message}")


def _usual_column(user):
    """The column this person (or their township) files most often in: a sensible default for imports."""
    from django.db.models import Count

    mine = Article.objects.for_user(user).filter(column__children__isnull=True)
    for scope in (mine.filter(created_by=user), mine):
        top = scope.values("column").annotate(n=Count("id")).order_by("-n").first()
        if top:
            return top["column"]
    return None


@staff_required
def article_import(request):
    """导入: extract a pasted or uploaded report into the usual form, editable before saving."""
    if not request.user.has_perm("articles.add_article"):
        raise PermissionDenied("您没有撰写稿件的权限。")
    form = ImportForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        known = [request.user.township.name] if request.user.township else []
        known += list(Township.objects.exclude(name__in=known).values_list("name", flat=True))
        themes = [i.theme for i in Initiative.objects.all()] or None
        upload = form.cleaned_data["file"]
        if upload:
            result = importing.import_bytes(upload.read(), upload.name, known_townships=known, themes=themes)
        else:
            result = importing.import_text(form.cleaned_data["text"], known_townships=known, themes=themes)
        if result.readable and (result.title or result.paragraphs):
            form = ArticleForm(user=request.user)
            township, township_note = _imported_township(result.township, form, request.user)
            form.initial = {
                "column": _usual_column(request.user),
                "title": result.title,
                "subtitle": result.subtitle,
                "township": township,
                "initiatives": Initiative.objects.filter(name__in=result.initiatives),
                "source": result.source,
                "authors": " ".join(result.authors),
                "editor": result.editor,
                "original_url": result.original_url,
                "body": result.body_html,
                "event_date": result.published_at.date() if result.published_at else None,
            }
            return render(
                request,
                "workspace/article_form.html",
                {
                    "form": form,
                    "article": None,
                    "imported": result,
                    "township_note": township_note,
                    "action": reverse("workspace:article_new"),
                },
            )
        for warning in result.warnings or [content_checks.Finding("unreadable", "没有识别出稿件内容。")]:
            form.add_error(None, warning.message)
    return render(request, "workspace/import.html", {"form": form})


def _imported_township(name, form, user):
    """The recognised township if this person may file for it (the form's choices say who may), else
    their own, with a sentence saying which and why."""
    if not name:
        return user.township, ""
    township = form.fields["township"].queryset.filter(name=name).first()
    if township:
        return township, f"已在“乡镇”中选中{name}。"
    own = user.township.name if user.township else "县级（不属于乡镇）"
    if not Township.objects.filter(name=name).exists():
        return user.township, f"本站没有“{name}”这个乡镇，“乡镇”保留为{own}，请核对。"
    return user.township, (
        f"您只能为{own}撰写稿件，不能选择{name}，已保留{own}。如稿件属于{name}，请转给{name}的通讯员或县级审核人员。"
    )


@staff_required
def article_detail(request, pk):
    article = article_for(request.user, pk)
    user = request.user
    actions = workflow.allowed_actions(article, user)
    findings = article.content_findings()
    if not content_checks.blocking(findings):
        actions = [(name, t) for name, t in actions if name != "submit_override"]
    forms = {name: action_form(name, article) for name, _ in actions}
    can_send_link = article.status == Status.TOWNSHIP_REVIEW and workflow.can_edit(article, user)
    return render(
        request,
        "workspace/article_detail.html",
        {
            "article": article,
            "actions": [(name, transition, forms[name]) for name, transition in actions],
            "can_edit": workflow.can_edit(article, user),
            "can_delete": workflow.can_move_to_bin(article, user),
            "last_return": article.latest_return(),
            "audit": article.audit.select_related("revision").order_by("-created_at", "-id"),
            "revisions": Revision.objects.for_article(article).select_related("created_by")[:10],
            "link_form": LeaderLinkForm() if can_send_link else None,
            "findings": findings,
            **_assessment_context(article, user),
        },
    )


def _assessment_context(article, user):
    """Adoption (采用) and reported figures shown on the article page, for those who may act on them."""
    from reports.forms import AdoptForm, FigureForm
    from reports.models import WorkReport
    from townships.models import Figure

    can_adopt = user.has_perm("reports.add_adoption") and article.is_public and article.township_id is not None
    can_add_figure = user.has_perm("townships.add_figure") and article.township_id is not None
    return {
        "adopt_form": AdoptForm() if can_adopt else None,
        "adoptions": article.adoptions.select_related("outlet", "adopted_by"),
        "figure_form": FigureForm(initial={"as_of": article.event_date or timezone.localdate()})
        if can_add_figure
        else None,
        "figures": Figure.objects.filter(source_article=article).select_related("practice__initiative"),
        "reported_figures": article.reported_figures.select_related("initiative"),
        "report": WorkReport.objects.filter(article=article).select_related("period").first(),
    }


@require_POST
@staff_required
def article_action(request, pk, action):
    article = article_for(request.user, pk)
    if action not in workflow.TRANSITIONS or not workflow.TRANSITIONS[action].offered:
        raise Http404("没有这个操作")
    transition = workflow.TRANSITIONS[action]
    try:
        workflow.check(article, action, request.user)
        form = action_form(action, article, request.POST)
        if not form.is_valid():
            raise ValidationError(form.refusal(transition))
        getattr(article, transition.method)(by=request.user, **form.transition_kwargs())
    except workflow.TransitionNotAllowed as error:
        messages.error(request, str(error))
    except ContentBlocked as error:
        messages.error(
            request, "未能提交：内容检查发现必须修改的问题。请修改后再提交，或请审核人员填写理由后忽略检查。"
        )
        for message in error.messages:
            messages.error(request, message)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"已{transition.label}：{article.get_status_display()}")
    return redirect(article.get_workspace_url())


@require_POST
@staff_required
def send_leader_link(request, pk):
    article = article_for(request.user, pk)
    if article.status != Status.TOWNSHIP_REVIEW or not workflow.can_edit(article, request.user):
        raise PermissionDenied("只有乡镇审核阶段的审核人员可以发送审批链接。")
    form = LeaderLinkForm(request.POST)
    if form.is_valid():
        link, mailed = approval_links.send_link(article, by=request.user, **form.cleaned_data)
        leader = form.cleaned_data["leader_name"]
        if mailed:
            messages.success(request, f"审批链接已发送给 {leader}。")
        else:
            messages.warning(
                request, f"邮件未能发出（邮件服务器暂时无法连接）。请复制下面的审批链接，转交给 {leader}：{link}"
            )
    else:
        messages.error(request, "请填写领导姓名和有效的电子邮箱。")
    return redirect(article.get_workspace_url())


def leader_approval(request, token):
    """A leader's signed link: no login; the link itself is the credential, and it expires."""
    try:
        article, leader_name = approval_links.read_token(token)
    except approval_links.LinkInvalid as error:
        return render(request, "workspace/leader_approval.html", {"error": str(error)}, status=410)
    form = CommentForm(request.POST or None, label="审批意见（选填）")
    if request.method == "POST" and form.is_valid():
        try:
            article.approve_by_link(leader_name=leader_name, comment=form.cleaned_data["comment"])
        except workflow.TransitionNotAllowed:
            # A double click or a second tab: the other request approved it a moment ago.
            error = "这篇稿件刚刚已经审批过，无需重复操作。"
            return render(request, "workspace/leader_approval.html", {"error": error}, status=410)
        return render(request, "workspace/leader_approval.html", {"done": True, "article": article})
    return render(
        request,
        "workspace/leader_approval.html",
        {"article": article, "leader_name": leader_name, "form": form},
    )


@staff_required
def revisions(request, pk):
    article = article_for(request.user, pk)
    history = list(Revision.objects.for_article(article).select_related("created_by"))
    return render(request, "workspace/revisions.html", {"article": article, "revisions": history})


def _names(field, data):
    """Revision data to display text: ids become names, dates stay ISO."""
    if field == "column":
        column = Column.objects.filter(pk=data.get("column_id")).select_related("parent").first()
        return str(column) if column else ""
    if field == "township":
        return Township.objects.filter(pk=data.get("township_id")).values_list("name", flat=True).first() or "县级"
    if field == "initiatives":
        ids = data.get("initiative_ids", [])
        return "、".join(Initiative.objects.filter(pk__in=ids).values_list("name", flat=True))
    value = data.get(field)
    if field == "ends_at" and value:
        return timezone.localtime(datetime.datetime.fromisoformat(value)).strftime("%Y-%m-%d %H:%M")
    return "" if value is None else str(value)


@staff_required
def revision_compare(request, pk):
    article = article_for(request.user, pk)
    try:
        numbers = sorted({int(request.GET["a"]), int(request.GET["b"])})
    except (KeyError, ValueError) as error:
        raise Http404("请选择两个版本") from error
    found = {r.number: r for r in Revision.objects.filter(article=article, number__in=numbers)}
    if len(numbers) != 2 or len(found) != 2:
        raise Http404("版本不存在")
    old, new = found[numbers[0]], found[numbers[1]]
    diffs = compare(old.data, new.data, _names)
    return render(
        request, "workspace/revision_compare.html", {"article": article, "old": old, "new": new, "diffs": diffs}
    )


@staff_required
def revision_restore(request, pk, number):
    """恢复此版本: a confirmation page first (works without JavaScript); only its 确认恢复 restores."""
    article = article_for(request.user, pk)
    revision = get_object_or_404(Revision.objects.select_related("created_by"), article=article, number=number)
    if request.method == "POST" and request.POST.get("confirm") == "1":
        restored = article.restore_revision(revision, by=request.user)
        messages.success(request, f"已将第{number}版的内容恢复为新的第{restored.number}版。")
        return redirect(article.get_workspace_url())
    if not workflow.can_edit(article, request.user):
        raise PermissionDenied("当前状态下您不能修改这篇稿件。")
    current = article.latest_revision.data if article.latest_revision else {}
    diffs = [d for d in compare(current, revision.data, _names) if d.changed]
    return render(
        request, "workspace/revision_restore.html", {"article": article, "revision": revision, "diffs": diffs}
    )


@staff_required
def article_delete(request, pk):
    """删除: into the recycle bin after a confirmation page (workflow.can_move_to_bin: an admin, or the
    author of a never-submitted draft)."""
    article = article_for(request.user, pk)
    if not workflow.can_move_to_bin(article, request.user):
        raise PermissionDenied("只能删除本人从未提交审核的草稿；提交过审核的稿件会保留记录，可由审核人员撤稿。")
    if request.method == "POST":
        article.move_to_bin(by=request.user)
        messages.success(request, f"“{article.title}”已移入回收站，30天内可以恢复。")
        return redirect(reverse("workspace:recycle_bin"))
    return render(request, "workspace/article_delete.html", {"article": article})


# ---- 回收站 --------------------------------------------------------------------------------------------


def _bin_entries(user):
    """What `user` sees in the bin: admins everything in their scope, others what they deleted themselves."""
    entries = ArticleDeletion.objects.in_bin().filter(
        article__in=Article.all_objects.for_user(user).filter(status=Status.DELETED)
    )
    if not user.has_perm(workflow.DELETE_ANY):
        entries = entries.filter(deleted_by=user)
    return entries.select_related("article__column", "article__township")


@staff_required
def recycle_bin(request):
    entries = list(_bin_entries(request.user).order_by("-deleted_at", "-id"))
    for entry in entries:
        entry.can_restore = workflow.can_restore(entry.article, entry, request.user)
        entry.can_purge = workflow.can_purge(entry.article, request.user)
    return render(request, "workspace/recycle_bin.html", {"tab": "bin", "entries": entries})


def _bin_entry(user, pk):
    entry = _bin_entries(user).filter(article_id=pk).first()
    if entry is None:
        raise Http404("回收站中没有这篇稿件")
    return entry


@require_POST
@staff_required
def bin_restore(request, pk):
    entry = _bin_entry(request.user, pk)
    try:
        status = entry.article.restore_from_bin(by=request.user)
    except workflow.TransitionNotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"“{entry.article.title}”已恢复，现为“{Status(status).label}”。")
    return redirect(reverse("workspace:recycle_bin"))


@staff_required
def bin_purge(request, pk):
    """彻底删除: a page with the required reason; only its submit purges."""
    entry = _bin_entry(request.user, pk)
    if not workflow.can_purge(entry.article, request.user):
        raise PermissionDenied("只有管理员可以彻底删除稿件。")
    form = PurgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry.article.purge(by=request.user, reason=form.cleaned_data["reason"])
        except workflow.TransitionNotAllowed as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"“{entry.article.title}”的内容已彻底删除；修订记录和操作记录保留。")
        return redirect(reverse("workspace:recycle_bin"))
    return render(request, "workspace/bin_purge.html", {"tab": "bin", "entry": entry, "form": form})


# ---- 批量操作 ------------------------------------------------------------------------------------------


@require_POST
@staff_required
def batch_action(request):
    """Step 1 (from the list): a confirmation page listing the ticked items. Step 2 (confirm=1): do it,
    then a page with one result per item."""
    confirming = request.POST.get("confirm") == "1"
    tab = request.POST.get("tab") if request.POST.get("tab") in tabs.LABELS else "mine"
    back = f"{reverse('workspace:index')}?tab={tab}"
    form = BatchForm(request.POST, user=request.user, confirming=confirming)
    valid = form.is_valid()
    if not valid and (not confirming or form.non_field_errors() or "action" in form.errors):
        for error in form.non_field_errors() or ["请选择批量操作。"]:
            messages.error(request, error)
        return redirect(back)
    data = form.cleaned_data
    action, seen = data["action"], data["seen"]
    label = batch.ACTIONS[action][0]
    context = {"tab": tab, "back": back, "action": action, "label": label, "form": form}
    if confirming and valid:
        results = batch.run(seen, action, by=request.user, comment=data["comment"], column=data["column"])
        done = sum(r.ok for r in results)
        return render(
            request,
            "workspace/batch_result.html",
            {**context, "results": results, "done": done, "skipped": len(results) - done},
        )
    found = Article.objects.for_user(request.user).select_related("column", "township").in_bulk(list(seen))
    items = [
        (pk, found.get(pk), status, batch.foreseen_skip(found.get(pk), status, action, request.user))
        for pk, status in seen.items()
    ]
    return render(
        request,
        "workspace/batch_confirm.html",
        {
            **context,
            "items": items,
            "needs_comment": action in batch.NEEDS_COMMENT,
            "needs_column": action in batch.NEEDS_COLUMN,
        },
    )


@require_POST
@staff_required
def image_upload(request):
    """Staff-only upload for the editor's image button: validated, cleaned, returns the URL as JSON."""
    if not request.user.has_perm("articles.add_uploadedimage"):
        raise PermissionDenied("您没有上传图片的权限。")
    form = ImageUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = [e for field_errors in form.errors.values() for e in field_errors]
        return JsonResponse({"error": "；".join(errors)}, status=400)
    image = form.save(commit=False)
    image.uploaded_by = request.user
    image.save()
    return JsonResponse({"url": image.file.url, "alt": image.alt_text, "width": image.width, "height": image.height})


@staff_required
def attachment(request, pk, attachment):
    """附件 of an item being written or reviewed, for those who may see the item (any state)."""
    from articles.views import attachment_response

    article = article_for(request.user, pk)
    return attachment_response(get_object_or_404(article.attachments, pk=attachment))
