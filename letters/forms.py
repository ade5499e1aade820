import re

from django import forms

from townships.models import Township

from . import services
from .models import Letter

PHONE = re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


class LetterForm(forms.ModelForm):
    township = forms.ModelChoiceField(
        Township.objects.all(), label="涉及乡镇", required=False, empty_label="县级（不涉及具体乡镇）"
    )
    publish_consent = forms.BooleanField(
        label="同意在网站上公开我的留言和答复（不公开姓名和电话）", required=False, initial=True
    )
    check_answer = forms.CharField(label="验证问题", max_length=4, help_text="请用数字或汉字回答，如“8”或“八”。")
    question = forms.CharField(widget=forms.HiddenInput)
    # A honeypot: hidden from people (and from screen readers), filled in by robots.
    website = forms.CharField(label="请勿填写此项", required=False)

    class Meta:
        model = Letter
        fields = ["kind", "subject", "body", "township", "name", "phone", "publish_consent"]
        widgets = {
            "kind": forms.RadioSelect,
            "body": forms.Textarea(attrs={"rows": 8}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        help_texts = {
            "name": "仅供办理单位联系您，不会公开。",
            "phone": "手机号或固定电话，仅供办理单位联系您，不会公开。",
            "body": "请写明事情经过和诉求，不超过2000字。",
        }
        error_messages = {
            "subject": {"required": "请填写标题。"},
            "body": {"required": "请填写留言内容。", "max_length": "留言内容不能超过2000字。"},
            "name": {"required": "请填写姓名。"},
            "phone": {"required": "请填写联系电话。"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound or not services.question_text(self.data.get("question", "")):
            text, token = services.new_question()
            self.initial["question"] = token
        else:
            text = services.question_text(self.data["question"])
        self.question_label = text
        self.fields["check_answer"].label = f"验证问题：{text}"
        self.fields["check_answer"].error_messages["required"] = "请回答验证问题。"
        self.fields["question"].error_messages["required"] = "验证问题已失效，请重新回答。"

    def clean_phone(self):
        phone = self.cleaned_data["phone"].replace(" ", "")
        if not PHONE.match(phone):
            raise forms.ValidationError("请填写正确的手机号（11位）或固定电话（如 0917-1234567）。")
        return phone

    def clean(self):
        data = super().clean()
        if "check_answer" in data and not services.answer_is_right(data.get("question", ""), data["check_answer"]):
            self.add_error("check_answer", "验证问题回答不正确，请重新计算。")
            # A new question for the next try.
            text, token = services.new_question()
            self.data = self.data.copy()
            self.data["question"] = token
            self.question_label = text
            # The bound field was made during cleaning and keeps its own copy of the label.
            self.fields["check_answer"].label = self["check_answer"].label = f"验证问题：{text}"
        return data

    @property
    def is_robot(self):
        return bool(self.data.get("website"))


class LookupForm(forms.Form):
    code = forms.CharField(
        label="查询码",
        max_length=30,
        help_text="提交留言后得到的12位查询码，不区分大小写。",
        error_messages={"required": "请填写查询码。"},
    )


class AnswerForm(forms.Form):
    answer_unit = forms.CharField(label="答复单位", max_length=60, required=False)
    answer = forms.CharField(
        label="答复内容", widget=forms.Textarea(attrs={"rows": 8}), max_length=4000, required=False
    )


class RouteForm(forms.Form):
    township = forms.ModelChoiceField(Township.objects.all(), label="转交", required=False, empty_label="县级")
