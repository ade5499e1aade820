from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A staff member of the county site: an editor or reviewer belongs to one township."""

    full_name = models.CharField("姓名", max_length=50, blank=True)
    township = models.ForeignKey(
        "townships.Township",
        verbose_name="所属乡镇",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        help_text="乡镇通讯员和乡镇审核人员必须选择所属乡镇；县级人员留空。",
    )
    phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self):
        return self.full_name or self.username

    def get_full_name(self):
        return self.full_name or super().get_full_name() or self.username
