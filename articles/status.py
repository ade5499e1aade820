"""An article's place in the editorial workflow (see workflow.py for who moves it where)."""

from django.db import models


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    RETURNED = "returned", "已退回"
    TOWNSHIP_REVIEW = "township_review", "乡镇待审"
    COUNTY_REVIEW = "county_review", "县级待审"
    SCHEDULED = "scheduled", "定时发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤稿"
    # In the recycle bin (articles/models/deletions.py): hidden everywhere, restorable for 30 days.
    DELETED = "deleted", "已删除"
