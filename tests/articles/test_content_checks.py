import pytest

from articles import content_checks
from articles.models import Article, AuditEntry, ContentBlocked, ContentIssue, SensitiveTerm

pytestmark = pytest.mark.django_db


def kinds(text):
    return {f.kind for f in content_checks.check_text(text)}


@pytest.mark.parametrize(
    "text",
    [
        "全镇共建成便民服务站*个。",
        "XX村党支部召开会议。",
        "向××同志学习。",
        "某某镇党委书记出席。",
        "会议于*年*月*日召开。",
        "会议于2025年X月召开。",
        "共有□□名党员参加。",
        "参会人数（待补充）。",
    ],
)
def test_unfilled_template_blanks_are_placeholders(text):
    assert "placeholder" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "全镇共有党员1260名，建成村级综治中心12处。",
        "二〇二五年三月，县委组织部召开会议。",
        "会议室面积为3×4米。",
        "采用“党支部+合作社+农户”模式。",
        "某企业负责人介绍了经验。",
    ],
)
def test_ordinary_text_is_not_a_placeholder(text):
    assert "placeholder" not in kinds(text)


def test_a_passage_pasted_twice_is_a_duplicate():
    paragraph = "镇党委推行党支部加合作社加农户模式，带动农户八百六十户增收致富。"
    assert "duplicate" in kinds(paragraph + "\n其他内容。\n" + paragraph)
    assert "duplicate" not in kinds(paragraph + "\n另一段完全不同的内容，讲的是人居环境整治。")


def test_traditional_characters_and_pinyin_left_in_the_body_are_reported():
    assert "traditional" in kinds("黨建引領鄉村振興")
    assert "pinyin" in kinds("该镇(zhèn)坚持党建引领")
    assert not kinds("党建引领乡村振兴，党建（2024）工作要点")


@pytest.mark.parametrize(
    "text",
    ["本文来自河湾资讯网hwzx123.com", "陕ICP备2026004817号-1", "您现在的位置：首页 > 乡镇动态", "浏览次数：128"],
)
def test_site_furniture_left_in_the_body_is_chrome(text):
    assert "chrome" in kinds(text)


def test_official_sites_cited_in_a_notice_are_not_chrome():
    assert "chrome" not in kinds("请登录云溪县人民政府网站www.yunxi.gov.cn查询。")


def test_sensitive_terms_name_the_correct_form():
    SensitiveTerm.objects.create(wrong="布署工作", correct="部署工作", category="political")
    [finding] = [f for f in content_checks.check_text("县委组织部布署工作。") if f.kind == "sensitive"]
    assert "部署工作" in finding.message and finding.blocking


def test_starter_list_is_installed_by_migration():
    assert SensitiveTerm.objects.filter(wrong="两学一作", correct="两学一做").exists()
    assert SensitiveTerm.objects.count() >= 30


def test_submission_with_a_placeholder_is_refused_with_the_warning(draft, people):
    draft.body = "<p>全镇共建成便民服务站*个。</p>"
    draft.save_revision(by=people.editor, base_revision_id=draft.latest_revision_id)
    with pytest.raises(ContentBlocked) as error:
        draft.submit(by=people.editor, confidentiality_confirmed=True)
    assert "便民服务站*个" in " ".join(error.value.messages)
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_editor_cannot_override_but_a_reviewer_can_with_a_recorded_reason(draft, people):
    from django.core.exceptions import PermissionDenied

    draft.body = "<p>XX村党支部召开会议。</p>"
    draft.save_revision(by=people.editor, base_revision_id=draft.latest_revision_id)
    with pytest.raises(PermissionDenied):
        draft.submit(by=people.editor, confidentiality_confirmed=True, override_reason="我觉得没问题")
    draft.submit(
        by=people.township_reviewer, confidentiality_confirmed=True, override_reason="“XX村”是村名简称，经核实无误"
    )
    assert draft.status == Article.Status.TOWNSHIP_REVIEW
    entry = draft.audit.get(action=AuditEntry.Action.CHECKS_OVERRIDDEN)
    assert entry.actor == people.township_reviewer and "经核实无误" in entry.comment and "XX" in entry.comment


def test_submit_view_shows_the_blocking_warning(client, draft, people):
    draft.body = "<p>全镇共建成便民服务站*个。</p>"
    draft.save_revision(by=people.editor, base_revision_id=draft.latest_revision_id)
    client.force_login(people.editor)
    response = client.post(f"/workspace/articles/{draft.pk}/do/submit/", {"submit-confidentiality": "on"}, follow=True)
    html = response.content.decode()
    assert "未能提交" in html and "便民服务站*个" in html
    client.force_login(people.township_reviewer)
    page = client.get(draft.get_workspace_url()).content.decode()
    assert "忽略检查并提交" in page
    client.post(
        f"/workspace/articles/{draft.pk}/do/submit_override/",
        {"submit_override-confidentiality": "on", "submit_override-comment": "数字待乡镇补报，先行审核"},
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.TOWNSHIP_REVIEW


def test_every_save_shows_the_findings(client, draft, people):
    client.force_login(people.editor)
    response = client.post(
        f"/workspace/articles/{draft.pk}/edit/",
        {
            "title": draft.title,
            "column": draft.column_id,
            "township": draft.township_id,
            "body": "<p>某某镇党委召开会议。</p>",
            "base_revision": draft.latest_revision_id,
        },
        follow=True,
    )
    assert "内容检查（未填写的占位符）" in response.content.decode()


def test_changing_the_list_rescans_published_items_and_tells_admins(
    county, people, mailoutbox, django_capture_on_commit_callbacks
):
    from tests.factories import ArticleFactory

    article = ArticleFactory(published=True, column=county.township_news, body="<p>深入开展三会一讲活动。</p>")
    with django_capture_on_commit_callbacks(execute=True):
        SensitiveTerm.objects.update_or_create(wrong="三会一讲", defaults={"correct": "三会一课"})
    issue = ContentIssue.objects.get(article=article, kind="sensitive")
    assert "三会一课" in issue.message
    assert people.admin.email in mailoutbox[-1].to and article.title in mailoutbox[-1].body
