from django import forms

from townships.models import Figure, Initiative, Township

from .models import Outlet, ReportPeriod, WorkReport


class _Chinese:
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class NewReportForm(_Chinese, forms.Form):
    period = forms.ModelChoiceField(label="报告周期", queryset=ReportPeriod.objects.all(), empty_label=None)
    kind = forms.ChoiceField(label="类型", choices=WorkReport.Kind.choices)
    township = forms.ModelChoiceField(label="乡镇", queryset=Township.objects.all(), empty_label=None)
    internal = forms.BooleanField(label="仅内部报送（审定后不在网站公开）", required=False, initial=True)
    text = forms.CharField(
        label="粘贴已写好的报告（选填）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="按“一、主要工作及成效”“二、存在问题”“三、下一步工作措施”分节的内容会放进对应章节。",
    )
    file = forms.FileField(label="或上传 Word 文件（.docx，选填）", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not user.has_perm("articles.act_for_all_townships"):
            self.fields["township"].queryset = Township.objects.filter(pk=user.township_id)


class AdoptForm(_Chinese, forms.Form):
    outlet = forms.ModelChoiceField(label="采用渠道", queryset=Outlet.objects.all(), empty_label=None)
    note = forms.CharField(label="备注（选填）", required=False, max_length=200)


class FigureForm(_Chinese, forms.Form):
    initiative = forms.ModelChoiceField(label="党建+ 项目", queryset=Initiative.objects.all(), empty_label=None)
    label = forms.CharField(label="指标", max_length=40, help_text="同一指标请用相同名称，如“村级综治中心”。")
    value = forms.DecimalField(label="数值", min_value=0, max_digits=14, decimal_places=2)
    unit = forms.ChoiceField(label="单位", choices=Figure.Unit.choices)
    as_of = forms.DateField(label="统计截至", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
