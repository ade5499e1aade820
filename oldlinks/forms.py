from django import forms

from . import importing


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV 文件",
        help_text="每行两列：旧网址,新网址（可带表头）。旧网址可以是完整网址或路径；UTF-8、UTF-16 或 GBK 编码均可。",
    )
    skip_bad = forms.BooleanField(
        label="跳过有误的行，导入其余各行", required=False, help_text="不勾选时，只要有一行有误，整批都不导入。"
    )
    dry_run = forms.BooleanField(label="只检查，不导入", required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "：")  # a Chinese colon, as the rest of the admin
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > importing.MAX_BYTES:
            raise forms.ValidationError(
                f"文件太大（超过 {importing.MAX_BYTES // 1024 // 1024} MB），请分成几个文件导入。"
            )
        return upload
