from django import forms
from django.forms.utils import ErrorList
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from articles import attachments, titles, workflow
from articles.images import clean_image
from articles.models import Article, Attachment, Column, Disclosure, UploadedImage
from articles.models.articles import EDITABLE_FIELDS, PLACEMENT_FIELDS
from articles.status import Status
from townships.models import Initiative, Township


class AlertErrorList(ErrorList):
    """Field errors announced at once (role="alert", which a <ul> may not carry) in the error colour, by their field."""

    def render(self, template_name=None, context=None, renderer=None):
        if not self:
            return ""
        field_id = format_html(' id="{}_error"', self.field_id) if self.field_id else ""
        items = format_html_join("", "<li>{}</li>", ((error,) for error in self))
        return format_html('<div role="alert"><ul class="{}"{}>{}</ul></div>', self.error_class, field_id, items)

    __str__ = __html__ = render


class ChineseLabels:
    """Labels without Django's ASCII colon; the layout puts each label on its own line."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ArticleForm(ChineseLabels, forms.ModelForm):
    """Writing and editing an article; the revision it was loaded from travels with it."""

    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # After a refused save: the newer revision the person was shown, and their explicit choice to replace it.
    seen_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    overwrite = forms.BooleanField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [*EDITABLE_FIELDS, *PLACEMENT_FIELDS]
        widgets = {
            "initiatives": forms.CheckboxSelectMultiple,
            "event_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("error_class", AlertErrorList)
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["column"].queryset = (
            Column.objects.filter(children__isnull=True)
            .exclude(kind=Column.Kind.LINK)  # an external link holds no items
            .select_related("parent__parent")
        )
        self.fields["column"].empty_label = "请选择栏目"
        self.fields["township"].empty_label = "县级（不属于乡镇）"
        self.fields["initiatives"].queryset = Initiative.objects.all()
        self.fields["township"].queryset = Township.objects.all()
        if not user.has_perm(workflow.ALL_TOWNSHIPS):
            # A township editor writes for their own township only.
            self.fields["township"].queryset = Township.objects.filter(pk=user.township_id)
            self.fields["township"].required = True
            self.fields["township"].empty_label = None
        if not user.has_perm("articles.review_county"):
            # 置顶 and 焦点图 are the county's front-page decisions.
            del self.fields["is_pinned"]
            del self.fields["is_headline"]
        if self.instance.pk:
            self.fields["base_revision"].initial = self.instance.latest_revision_id
        titles.prepare_field(self.fields["title"])
        self.disclosure_form = DisclosureForm(
            self.data if self.is_bound else None, article=self.instance, error_class=AlertErrorList
        )
        # The metadata fieldset shows for these columns (workspace.js); without JavaScript it always shows.
        self.disclosure_columns = [c.pk for c in self.fields["column"].queryset if c.disclosure]

    def clean(self):
        cleaned = super().clean()
        column = cleaned.get("column")
        if column is not None and column.disclosure and not self.disclosure_form.is_valid():
            self.add_error(None, "信息公开要素填写有误，请检查“信息公开要素”中标出的项目。")
        return cleaned

    def save_disclosure(self, article):
        """After the article is saved: keep its 信息公开 metadata when its column needs it (索引号 on first save)."""
        if article.column.disclosure:
            disclosure = self.disclosure_form.save(commit=False)
            disclosure.article = article
            disclosure.save()
            return disclosure
        return None

    def clean_title(self):
        title = self.cleaned_data["title"]
        titles.validate(title)
        return title

    def clean_ends_at(self):
        """A new 结束时间 must lie ahead; an unchanged past one (the item has ended) may stay as it is."""
        ends_at = self.cleaned_data.get("ends_at")
        if ends_at and "ends_at" in self.changed_data and ends_at <= timezone.now():
            raise forms.ValidationError("结束时间不能早于当前时间。")
        return ends_at

    def clean_cover(self):
        cover = self.cleaned_data.get("cover")
        if cover and hasattr(cover, "content_type"):  # a new upload, not the stored file
            content, extension = clean_image(cover)
            content.name = f"cover.{extension}"
            return content
        return cover


class DisclosureForm(ChineseLabels, forms.ModelForm):
    """信息公开要素 of an item in a column that needs them (政策文件, 通知公告); the 索引号 is generated."""

    class Meta:
        model = Disclosure
        fields = ["issuer", "document_number", "written_on", "topic", "validity", "replaced_by", "interprets"]
        widgets = {"written_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, data=None, *, article, **kwargs):
        existing = Disclosure.objects.filter(article=article).first() if article.pk else None
        instance = existing or Disclosure(article=article if article.pk else None)
        super().__init__(data, instance=instance, prefix="disclosure", **kwargs)
        files = Article.objects.published().filter(column__disclosure=True).only("id", "title").latest_first()
        if article.pk:
            files = files.exclude(pk=article.pk)
        for name in ("replaced_by", "interprets"):
            self.fields[name].queryset = files
            self.fields[name].empty_label = "（无）"


class ActionForm(ChineseLabels, forms.Form):
    """The form of one workflow action: what the reviewer types becomes the Article method's arguments."""

    def refusal(self, transition):
        """Why the action was not taken, as messages for the reviewer."""
        return [error for errors in self.errors.values() for error in errors]

    def transition_kwargs(self):
        raise NotImplementedError


class SubmitForm(ActionForm):
    reviewer = forms.ModelChoiceField(label="审核人", queryset=None, required=False, empty_label="本乡镇全部审核人员")
    confidentiality = forms.BooleanField(
        label="保密自查：我已核对，本稿件不含国家秘密、工作秘密和不宜公开的个人信息。",
        error_messages={"required": "提交前请完成保密自查并勾选确认。"},
    )
    comment = forms.CharField(label="说明（选填）", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, article, comment_as="comment", **kwargs):
        super().__init__(*args, **kwargs)
        self.comment_as = comment_as
        target = Status.TOWNSHIP_REVIEW if article.township_id else Status.COUNTY_REVIEW
        self.fields["reviewer"].queryset = workflow.reviewers_for(article, target)
        if target == Status.COUNTY_REVIEW:
            self.fields["reviewer"].empty_label = "县级全部终审人员"

    def transition_kwargs(self):
        return {
            "reviewer": self.cleaned_data["reviewer"],
            "confidentiality_confirmed": self.cleaned_data["confidentiality"],
            self.comment_as: self.cleaned_data["comment"],
        }


class CommentForm(ActionForm):
    comment = forms.CharField(label="意见", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, required=False, label="意见", comment_as="comment", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = required
        self.fields["comment"].label = label
        self.comment_as = comment_as

    def refusal(self, transition):
        if "comment" in self.errors:
            return [f"“{transition.label}”必须填写意见或理由。"]
        return super().refusal(transition)

    def transition_kwargs(self):
        return {self.comment_as: self.cleaned_data["comment"]}


class PublishForm(CommentForm):
    publish_at = forms.DateTimeField(
        label="定时发布（留空则立即发布）",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def clean_publish_at(self):
        at = self.cleaned_data["publish_at"]
        if at is not None and at <= timezone.now():
            raise forms.ValidationError("定时发布时间必须晚于现在。发布时间由系统记录，不能倒填。")
        return at

    def transition_kwargs(self):
        return {**super().transition_kwargs(), "at": self.cleaned_data["publish_at"]}


class LeaderLinkForm(ChineseLabels, forms.Form):
    leader_name = forms.CharField(label="领导姓名", max_length=50)
    email = forms.EmailField(label="电子邮箱")


class ImageUploadForm(ChineseLabels, forms.ModelForm):
    # A plain FileField: clean_image() checks size first, then that it is an image, with clear messages.
    file = forms.FileField(label="图片")

    class Meta:
        model = UploadedImage
        fields = ["file", "alt_text"]

    def clean_file(self):
        content, extension = clean_image(self.cleaned_data["file"])
        content.name = f"image.{extension}"
        return content


class ImportForm(ChineseLabels, forms.Form):
    """导入: paste text (or a page's HTML) or upload one .txt / .html / .docx file."""

    text = forms.CharField(
        label="粘贴稿件内容",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="可直接粘贴网页、Word 或微信文章的全部内容。",
    )
    file = forms.FileField(
        label="或上传文件", required=False, help_text="支持 .txt（UTF-8 或 GB18030）、.html 和 .docx。"
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("file"):
            raise forms.ValidationError("请粘贴稿件内容或选择一个文件。")
        return cleaned


class OverrideSubmitForm(SubmitForm):
    comment = forms.CharField(label="忽略检查的理由（必填，记入操作记录）", widget=forms.Textarea(attrs={"rows": 2}))


ACTION_FORMS = {"submit": SubmitForm, "submit_override": OverrideSubmitForm, "publish": PublishForm}


def action_form(action, article, data=None):
    """The form for `action` on `article`, set up from the transition table (articles.workflow)."""
    transition = workflow.TRANSITIONS[action]
    form_class = ACTION_FORMS.get(action, CommentForm)
    if issubclass(form_class, SubmitForm):
        return form_class(data, prefix=action, article=article, comment_as=transition.comment_as)
    return form_class(
        data,
        prefix=action,
        required=transition.needs_comment,
        label=transition.comment_label,
        comment_as=transition.comment_as,
    )


class WorkspaceSearchForm(forms.Form):
    """搜索 on the workspace list: part of a title, optionally one state."""

    q = forms.CharField(label="搜索标题", max_length=120, required=False)
    # 已删除 items live in the 回收站, not in these lists.
    status = forms.ChoiceField(
        label="状态",
        choices=[("", "全部状态"), *[c for c in Status.choices if c[0] != Status.DELETED]],
        required=False,
    )


class BatchForm(ChineseLabels, forms.Form):
    """批量操作: the ticked items (ids, with the state each showed: seen_<id>), the action, and on the
    confirmation page what the action needs (退回意见, the column)."""

    action = forms.ChoiceField(label="批量操作", choices=())
    comment = forms.CharField(label="意见", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    column = forms.ModelChoiceField(label="移动到栏目", queryset=Column.objects.none(), required=False)

    def __init__(self, data, *, user, confirming=False):
        from articles import batch

        super().__init__(data, error_class=AlertErrorList)
        self.confirming = confirming
        self.fields["action"].choices = batch.actions_for(user)
        self.fields["column"].queryset = Column.objects.filter(children__isnull=True).select_related("parent")
        self.fields["column"].empty_label = "请选择栏目"
        transition = workflow.TRANSITIONS.get((data or {}).get("action", ""))
        if transition is not None:  # the single-item form's label: 退回意见（必填）, 审核意见（选填）…
            self.fields["comment"].label = transition.comment_label

    def clean(self):
        from articles import batch

        cleaned = super().clean()
        try:
            ids = list(dict.fromkeys(int(pk) for pk in self.data.getlist("ids")))
        except ValueError:
            ids = []
        cleaned["seen"] = batch.seen_statuses(self.data, ids)
        if not cleaned["seen"]:
            raise forms.ValidationError("请先勾选要操作的稿件。")
        if len(cleaned["seen"]) > batch.MAX_ITEMS:
            raise forms.ValidationError(f"一次最多处理 {batch.MAX_ITEMS} 篇稿件。")
        action = cleaned.get("action")
        if self.confirming and action in batch.NEEDS_COMMENT and not cleaned.get("comment", "").strip():
            self.add_error("comment", "退回修改必须填写退回意见。")
        if self.confirming and action in batch.NEEDS_COLUMN and not cleaned.get("column"):
            self.add_error("column", "请选择要移动到的栏目。")
        return cleaned


class PurgeForm(ChineseLabels, forms.Form):
    reason = forms.CharField(
        label="彻底删除的理由（必填，记入操作记录）",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "彻底删除必须填写理由。"},
    )


class AttachmentForm(ChineseLabels, forms.ModelForm):
    """One 附件: a name, a file (checked by content, Office files cleaned), its place in the list."""

    class Meta:
        model = Attachment
        fields = ["name", "file", "position"]
        labels = {"name": "附件名称", "file": "文件", "position": "顺序"}
        help_texts = {"name": "如“报名表”，页面显示为“附件1：报名表（DOCX，36 KB）”；留空则用文件名。"}
        widgets = {
            "file": forms.FileInput,
            "position": forms.NumberInput(attrs={"min": 1, "max": 99, "class": "input--short"}),
        }
        error_messages = {"file": {"required": "请选择附件文件。"}}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("error_class", AlertErrorList)
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
        self.fields["position"].required = False
        if not self.instance.pk:
            # A blank extra row is unchanged, not a row placed at 0 (the model's default).
            self.initial.pop("position", None)
            self.fields["position"].initial = None
        self.fields["file"].widget.attrs["accept"] = ATTACHMENT_ACCEPT
        self.fields[
            "file"
        ].help_text = f"{attachments.ALLOWED_TEXT}，不超过 {attachments.size_label(attachments.max_bytes())}。"
        self.cleaned_parts = []

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            checked = attachments.check(upload)
            self.checked, self.cleaned_parts = checked, checked.cleaned
            self.instance.kind, self.instance.content_type = checked.kind, checked.content_type
            self.instance.size, self.instance.sha256 = len(checked.content), checked.sha256
            self.upload_stem = upload.name.rsplit(".", 1)[0] if "." in upload.name else upload.name
            return checked.as_file("attachment")
        return upload

    def clean(self):
        data = super().clean()
        unnamed = not (data.get("name") or "").strip()
        if unnamed and self.has_changed() and not data.get("DELETE") and data.get("file"):
            data["name"] = (getattr(self, "upload_stem", "") or self.instance.name or "附件")[:100]
        return data


class BaseAttachmentFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "删除此附件"

    def clean(self):
        super().clean()
        kept = [f for f in self.forms if f.has_changed() or f.instance.pk]
        kept = [f for f in kept if not (f.cleaned_data or {}).get("DELETE")]
        if len(kept) > MAX_ATTACHMENTS:
            raise forms.ValidationError(f"每篇稿件最多 {MAX_ATTACHMENTS} 个附件。")

    def accepts(self):
        """Valid, or not sent at all (the list then stays as it is)."""
        return not self.is_bound or self.is_valid()

    @property
    def saver(self):
        return self.save_for if self.is_bound else None

    def cleaning_notes(self):
        """“附件“报名表”已自动清除：作者信息、批注” for each cleaned upload."""
        if not self.is_bound:
            return []
        return [
            f"附件“{form.cleaned_data.get('name')}”已自动清除：{'、'.join(form.cleaned_parts)}。"
            for form in self.forms
            if form.cleaned_parts and not form.cleaned_data.get("DELETE")
        ]

    def save_for(self, article):
        """Write the list for the saved `article` (save_revision's callback), numbered 1, 2, 3 … in the chosen order."""
        self.instance = article
        self.save()
        ordered = sorted(article.attachments.all(), key=lambda a: (a.position or 999, a.pk))
        for number, attachment in enumerate(ordered, start=1):
            if attachment.position != number:
                Attachment.objects.filter(pk=attachment.pk).update(position=number)
        article._prefetched_objects_cache = {}


MAX_ATTACHMENTS = 20
ATTACHMENT_ACCEPT = ".pdf,.ofd,.doc,.docx,.xls,.xlsx,.wps,.et,.zip"
AttachmentFormSet = forms.inlineformset_factory(
    Article,
    Attachment,
    form=AttachmentForm,
    formset=BaseAttachmentFormSet,
    extra=2,
    can_delete=True,
    max_num=MAX_ATTACHMENTS,
)
