"""
批量操作 in the workspace, through real requests: tick items, one confirmation page, one result per item.
Each item is decided by the single-item rules; an item whose state moved since it was seen is skipped.
"""

import re

import pytest
from django.test import Client

from articles import batch
from articles.models import Article, AuditEntry, Revision

pytestmark = pytest.mark.django_db
S = Article.Status


@pytest.fixture
def make(county, people):
    def make(title, status=S.DRAFT, township=county.township, column=None, by=None):
        article = Article(title=title, column=column or county.township_news, township=township, body="<p>正文。</p>")
        article.save_revision(by=by or people.editor)
        Article.objects.filter(pk=article.pk).update(status=status)
        article.status = status
        return article

    return make


def picked(*articles, **extra):
    data = {"ids": [a.pk for a in articles], **{f"seen_{a.pk}": a.status for a in articles}}
    return data | extra


def results(response):
    html = response.content.decode()
    rows = re.findall(
        r"<tr>\s*<td>(?:<a [^>]*>)?([^<]+)(?:</a>)?</td>\s*<td><span [^>]*>(成功|跳过)</span></td>\s*<td>([^<]*)", html
    )
    return {title: (label, message) for title, label, message in rows}


def test_two_items_published_after_one_confirmation(client, make, people, django_capture_on_commit_callbacks):
    first, second = make("第一篇待终审", S.COUNTY_REVIEW), make("第二篇待终审", S.COUNTY_REVIEW)
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.county_reviewer)
    listing = client.get("/workspace/?tab=queue").content.decode()
    assert f'name="ids" value="{first.pk}"' in listing and f'name="seen_{first.pk}" value="county_review"' in listing
    assert '<option value="publish">终审通过并发布</option>' in listing
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', listing).group(1)

    confirm = client.post(
        "/workspace/batch/", picked(first, second, action="publish", tab="queue", csrfmiddlewaretoken=token)
    )
    html = confirm.content.decode()
    assert confirm.status_code == 200 and "确认终审通过并发布（2 篇）" in html
    assert "第一篇待终审" in html and "第二篇待终审" in html
    assert set(Article.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)) == {
        S.COUNTY_REVIEW
    }

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            "/workspace/batch/",
            picked(first, second, action="publish", confirm="1", tab="queue", csrfmiddlewaretoken=token),
        )
    assert done.status_code == 200 and "成功 2 篇，跳过 0 篇" in done.content.decode()
    assert results(done) == {
        "第一篇待终审": ("成功", "已终审通过并发布，现为“已发布”"),
        "第二篇待终审": ("成功", "已终审通过并发布，现为“已发布”"),
    }
    assert client.get(first.get_absolute_url()).status_code == 200
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PUBLISHED, actor=people.county_reviewer).count() == 2


def test_an_item_that_moved_since_it_was_seen_is_skipped_the_others_done(client, make, people, make_user, county):
    fresh, stale = make("仍待乡镇审核", S.TOWNSHIP_REVIEW), make("已被他人处理", S.TOWNSHIP_REVIEW)
    client.force_login(people.township_reviewer)
    seen = picked(fresh, stale, action="approve", confirm="1")
    stale.approve(by=make_user("township_reviewer", county.township))  # a colleague, a moment earlier
    response = client.post("/workspace/batch/", seen)
    assert results(response) == {
        "仍待乡镇审核": ("成功", "已乡镇审核通过，现为“县级待审”"),
        "已被他人处理": ("跳过", "状态已变化（现为“县级待审”）"),
    }
    assert AuditEntry.objects.filter(article=stale, action=AuditEntry.Action.APPROVED).count() == 1


def test_what_the_person_may_not_do_is_skipped_as_no_permission(client, make, people):
    mine = make("本人草稿")
    submitted = make("已提交的稿件", S.TOWNSHIP_REVIEW)
    other = make("石桥镇的草稿", township=people.other_township, by=people.other_editor)
    client.force_login(people.editor)
    confirm = client.post("/workspace/batch/", picked(mine, submitted, other, action="delete")).content.decode()
    assert confirm.count("将跳过：") == 2 and "将跳过：无权限" in confirm and "将跳过：稿件不存在或已删除" in confirm
    response = client.post("/workspace/batch/", picked(mine, submitted, other, action="delete", confirm="1"))
    assert results(response) == {
        "本人草稿": ("成功", "已移入回收站，30天内可恢复"),
        "已提交的稿件": ("跳过", "无权限"),
        f"稿件 {other.pk}": ("跳过", "稿件不存在或已删除"),  # another township's item is invisible
    }
    assert Article.all_objects.get(pk=mine.pk).status == S.DELETED
    assert Article.objects.get(pk=submitted.pk).status == S.TOWNSHIP_REVIEW
    # An editor is not offered reviewing actions, and a forged one is refused without a change.
    assert 'value="approve"' not in client.get("/workspace/?tab=mine").content.decode()
    refused = client.post("/workspace/batch/", picked(submitted, action="approve", confirm="1"), follow=True)
    assert "请选择批量操作" in refused.content.decode()
    assert Article.objects.get(pk=submitted.pk).status == S.TOWNSHIP_REVIEW


def test_a_state_that_does_not_allow_the_action_says_so(client, make, people):
    draft = make("还是草稿")
    client.force_login(people.county_reviewer)
    response = client.post("/workspace/batch/", picked(draft, action="publish", confirm="1"))
    assert results(response) == {"还是草稿": ("跳过", "“草稿”状态的稿件不能执行“终审通过并发布”。")}


def test_returning_needs_a_comment_on_the_confirmation_page(client, make, people):
    one, two = make("退回一", S.COUNTY_REVIEW), make("退回二", S.COUNTY_REVIEW)
    client.force_login(people.county_reviewer)
    first = client.post("/workspace/batch/", picked(one, two, action="return"))
    assert "退回意见（必填）" in first.content.decode()
    missing = client.post("/workspace/batch/", picked(one, two, action="return", confirm="1", comment=" "))
    assert missing.status_code == 200 and "退回修改必须填写退回意见" in missing.content.decode()
    assert Article.objects.get(pk=one.pk).status == S.COUNTY_REVIEW
    done = client.post("/workspace/batch/", picked(one, two, action="return", confirm="1", comment="请补充数据"))
    assert [label for label, _ in results(done).values()] == ["成功", "成功"]
    assert set(AuditEntry.objects.filter(action=AuditEntry.Action.RETURNED).values_list("comment", flat=True)) == {
        "请补充数据"
    }


def test_moving_to_a_column_keeps_a_revision_and_skips_items_already_there(client, make, people, county):
    here, there = make("移动的稿件"), make("本来就在通知公告", column=county.notices)
    client.force_login(people.editor)
    missing = client.post("/workspace/batch/", picked(here, there, action="move", confirm="1"))
    assert "请选择要移动到的栏目" in missing.content.decode()
    done = client.post("/workspace/batch/", picked(here, there, action="move", confirm="1", column=county.notices.pk))
    assert results(done)["移动的稿件"] == ("成功", f"已移动到“{county.notices}”")
    assert results(done)["本来就在通知公告"] == ("跳过", "已在该栏目")
    assert Article.objects.get(pk=here.pk).column == county.notices
    assert Revision.objects.filter(article=here).latest("number").note.startswith("批量移动到")


def test_an_admin_batch_deletes_into_the_bin(client, make, people, django_capture_on_commit_callbacks):
    one, two = make("管理员删除一", S.PUBLISHED), make("管理员删除二", S.RETURNED)
    client.force_login(people.admin)
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post("/workspace/batch/", picked(one, two, action="delete", confirm="1"))
    assert "成功 2 篇" in done.content.decode() and 'href="/workspace/bin/"' in done.content.decode()
    bin_page = client.get("/workspace/bin/").content.decode()
    assert "管理员删除一" in bin_page and "管理员删除二" in bin_page


@pytest.mark.parametrize(
    "data",
    [
        {"action": "publish"},  # nothing ticked
        {"action": "publish", "ids": ["abc"], "seen_abc": "draft"},
        {"action": "publish", "ids": ["1"], "seen_1": "no-such-state"},
        {"action": "nonsense", "ids": ["1"], "seen_1": "draft"},
    ],
)
def test_bad_batch_input_is_a_clear_message_never_a_500(client, people, data):
    client.force_login(people.county_reviewer)
    response = client.post("/workspace/batch/", data, follow=True)
    assert response.status_code == 200
    assert "请先勾选要操作的稿件" in response.content.decode() or "请选择批量操作" in response.content.decode()
    assert client.get("/workspace/batch/").status_code == 405


def test_the_service_answers_one_result_per_item(make, people):
    items = [make(f"服务层{i}", S.COUNTY_REVIEW) for i in range(3)]
    seen = {a.pk: a.status for a in items} | {999999: S.COUNTY_REVIEW}
    outcome = batch.run(seen, "publish", by=people.county_reviewer)
    assert [r.ok for r in outcome] == [True, True, True, False]
    assert outcome[-1].label == "跳过"
