from django.conf import settings
from django.db import models


class UploadedImage(models.Model):
    """An image uploaded from the editor: validated and re-encoded by images.py, alt text required."""

    file = models.ImageField("图片", upload_to="uploads/%Y/%m/", width_field="width", height_field="height")
    alt_text = models.CharField("图片说明", max_length=200, help_text="供读屏软件朗读，描述图片内容。")
    width = models.PositiveIntegerField("宽度（像素）", editable=False, default=0)
    height = models.PositiveIntegerField("高度（像素）", editable=False, default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "上传图片"
        verbose_name_plural = "上传图片"

    def __str__(self):
        return self.alt_text
