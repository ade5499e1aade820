import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone


def attachment_path(instance, filename):
    """A random folder per file: the stored name tells nothing and cannot be guessed from the article."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"attachments/{timezone.now():%Y/%m}/{secrets.token_urlsafe(12)}.{extension}"


class AttachmentQuerySet(models.QuerySet):
    def served(self):
        """Attachments a reader may download: those of published public articles."""
        from .articles import published_q

        return self.filter(published_q("article__"))

    def snapshot_of(self, article):
        return [a.snapshot() for a in article.attachments.all()]

    def replace(self, article, items):
        """Make `article`'s list the snapshot `items` (a revision's or another article's): the files are shared."""
        self.filter(article=article).delete()
        self.bulk_create(
            Attachment(
                article=article,
                position=index,
                name=item["name"],
                file=item["file"],
                kind=item["kind"],
                content_type=item["content_type"],
                size=item["size"],
                sha256=item["sha256"],
            )
            for index, item in enumerate(items, start=1)
        )


class Attachment(models.Model):
    """附件 of an article: checked and cleaned by articles/attachments.py, served only while the article is public."""

    article = models.ForeignKey(
        "articles.Article", verbose_name="文章", on_delete=models.CASCADE, related_name="attachments"
    )
    position = models.PositiveSmallIntegerField("顺序", default=0)
    name = models.CharField("附件名称", max_length=100)
    file = models.FileField("文件", upload_to=attachment_path, max_length=300)
    kind = models.CharField("类型", max_length=10)
    content_type = models.CharField("内容类型", max_length=120)
    size = models.PositiveBigIntegerField("大小", default=0)
    sha256 = models.CharField("SHA-256", max_length=64)
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position", "id"]
        verbose_name = "附件"
        verbose_name_plural = "附件"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:attachment", args=[self.article_id, self.pk, self.download_name])

    @property
    def download_name(self):
        """报名表.docx: the name the reader's browser saves it under."""
        from articles.attachments import download_name

        return download_name(self.name, self.kind)

    @property
    def size_label(self):
        from articles.attachments import size_label

        return size_label(self.size)

    @property
    def kind_label(self):
        return self.kind.upper()

    def snapshot(self):
        """What a revision keeps of it: enough to show, compare and bring it back."""
        return {
            "name": self.name,
            "file": self.file.name,
            "kind": self.kind,
            "content_type": self.content_type,
            "size": self.size,
            "sha256": self.sha256,
        }
