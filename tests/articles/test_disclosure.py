"""信息公开 metadata: 索引号 by the column's rule, 文号 shape, 成文日期 ≤ 发布时间, the table, 废止 and 解读 links."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from articles.models import Article, Disclosure
from articles.models.disclosure import normalise_document_number
from tests.factories import ArticleFactory, ColumnFactory
from tests.races import needs_postgresql

from .test_views import MAX_QUERIES, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(county):
    return ColumnFactory(
        slug="policy",
        name="政策文件",
        parent=county.news,
        update_class="policy",
        disclosure=True,
        index_rule="11530000MB0000000X-{year}-{seq:04d}",
    )


def file_in(column, title="关于加强村党组织书记队伍建设的通知", written_on=datetime.date(2026, 3, 2), **meta):
    article = ArticleFactory(published=True, column=column, title=title)
    meta.setdefault("issuer", "中共云溪县委组织部")
    meta.setdefault("document_number", "云组发〔2026〕3号")
    meta.setdefault("topic", Disclosure.Topic.ORGANISATION)
    disclosure = Disclosure(article=article, written_on=written_on, **meta)
    disclosure.full_clean()
    disclosure.save()
    return article


def test_index_numbers_follow_the_column_rule_and_never_repeat(policy):
    first, second = file_in(policy), file_in(policy, title="第二个文件", document_number="云组发〔2026〕4号")
    assert first.disclosure.index_number == "11530000MB0000000X-2026-0001"
    assert second.disclosure.index_number == "11530000MB0000000X-2026-0002"
    other_year = file_in(policy, title="去年的文件", written_on=datetime.date(2025, 12, 1), document_number="")
    assert other_year.disclosure.index_number == "11530000MB0000000X-2025-0001"


def test_a_number_already_taken_is_skipped(policy):
    taken = file_in(policy)
    # Someone typed the next number by hand (an import, a restored backup): the rule steps past it.
    Disclosure.objects.filter(pk=taken.pk).update(index_number="11530000MB0000000X-2026-0002")
    assert file_in(policy, title="又一个", document_number="").disclosure.index_number.endswith("-2026-0003")


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_editors_saving_at_once_get_different_numbers(county):
    policy = ColumnFactory(slug="policy-race", name="政策文件", disclosure=True)
    articles = [ArticleFactory(published=True, column=policy, title=f"文件{i}") for i in range(4)]
    errors = []
    barrier = threading.Barrier(len(articles))

    def save(article):
        try:
            barrier.wait()
            Disclosure(article=article, written_on=datetime.date(2026, 1, 5)).save()
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(a,)) for a in articles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Disclosure.objects.values_list("index_number", flat=True))
    assert numbers == [f"policy-race-2026-{n:04d}" for n in range(1, 5)]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("云组发[2026]3号", "云组发〔2026〕3号"),
        ("云组发【2026】 3号", "云组发〔2026〕3号"),
        ("云组发（2026）3号", "云组发〔2026〕3号"),
        ("云组发〔2026〕3号", "云组发〔2026〕3号"),
    ],
)
def test_document_numbers_are_normalised_to_hexagonal_brackets(typed, stored):
    assert normalise_document_number(typed) == stored


@pytest.mark.parametrize("bad", ["2026-3", "云组发〔26〕3号", "云组发〔2026〕第3", "〔2026〕3号"])
def test_a_malformed_document_number_is_refused_in_chinese(policy, bad):
    article = ArticleFactory(published=True, column=policy)
    with pytest.raises(ValidationError) as refused:
        Disclosure(article=article, document_number=bad).full_clean()
    assert "云组发〔2026〕3号" in str(refused.value.message_dict["document_number"])


def test_written_on_after_publication_is_refused(policy):
    article = ArticleFactory(published=True, column=policy)
    tomorrow = timezone.localdate(article.published_at) + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        Disclosure(article=article, written_on=tomorrow).full_clean()
    assert "成文日期不能晚于发布时间" in refused.value.message_dict["written_on"][0]


def test_publishing_refuses_a_written_on_in_the_future(policy, people):
    article = ArticleFactory(column=policy, status=Article.Status.COUNTY_REVIEW)
    Disclosure.objects.create(article=article, written_on=timezone.localdate() + datetime.timedelta(days=3))
    with pytest.raises(ValidationError, match="成文日期不能晚于发布时间"):
        article.publish(by=people.county_reviewer)
    article.refresh_from_db()
    assert article.status == Article.Status.COUNTY_REVIEW


def test_the_file_page_shows_the_metadata_table_above_the_text(client, policy):
    article = file_in(policy)
    html = client.get(article.get_absolute_url()).content.decode()
    table = html.index('class="disclosure-table"')
    assert table < html.index('class="article__body"')
    for shown in (
        "11530000MB0000000X-2026-0001",
        "中共云溪县委组织部",
        "云组发〔2026〕3号",
        "2026年3月2日",
        "组织建设",
    ):
        assert shown in html[table:]
    assert "有效" in html[table:]


def test_an_ordinary_article_has_no_table(client, county):
    article = ArticleFactory(published=True, column=county.township_news)
    assert "disclosure-table" not in client.get(article.get_absolute_url()).content.decode()


def test_a_repealed_file_links_to_its_replacement_and_back(client, policy):
    old = file_in(policy, title="旧办法")
    new = file_in(policy, title="新办法", document_number="云组发〔2026〕9号")
    Disclosure.objects.filter(pk=old.pk).update(validity=Disclosure.Validity.REPEALED, replaced_by=new)
    html = client.get(old.get_absolute_url()).content.decode()
    assert "已废止" in html and f'现行文件见<a href="{new.get_absolute_url()}">新办法</a>' in html
    assert html.index("article__repealed") < html.index("article__title")
    back = client.get(new.get_absolute_url()).content.decode()
    assert f'本文件取代：<a href="{old.get_absolute_url()}">旧办法</a>' in back


def test_a_replacement_must_not_be_marked_valid(policy):
    old, new = file_in(policy, title="旧"), file_in(policy, title="新", document_number="")
    with pytest.raises(ValidationError) as refused:
        Disclosure(article=old, index_number="x", replaced_by=new).full_clean()
    assert "有效性" in refused.value.message_dict["validity"][0]


def test_an_interpretation_and_its_file_link_both_ways(client, county, policy):
    reading = ColumnFactory(slug="interpretations", name="政策解读", parent=county.news, disclosure=True)
    document = file_in(policy)
    interpretation = file_in(reading, title="一图读懂村党组织书记队伍建设", document_number="", interprets=document)
    html = client.get(interpretation.get_absolute_url()).content.decode()
    assert f'本文解读的文件：<a href="{document.get_absolute_url()}">{document.title}</a>' in html
    html = client.get(document.get_absolute_url()).content.decode()
    assert f'政策解读：<a href="{interpretation.get_absolute_url()}">{interpretation.title}</a>' in html


def test_publishing_an_interpretation_refreshes_the_cached_file_page(
    client, county, policy, people, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    reading = ColumnFactory(slug="interpretations", name="政策解读", parent=county.news, disclosure=True)
    document = file_in(policy)
    assert "政策解读：" not in client.get(document.get_absolute_url()).content.decode()
    interpretation = ArticleFactory(column=reading, title="解读文章", status=Article.Status.COUNTY_REVIEW)
    Disclosure.objects.create(article=interpretation, interprets=document)
    with django_capture_on_commit_callbacks(execute=True):
        interpretation.publish(by=people.county_reviewer)
    assert "政策解读：" in client.get(document.get_absolute_url()).content.decode()


def test_file_pages_stay_within_the_query_budget(client, policy, county, add_articles):
    add_articles(40)
    old = file_in(policy, title="旧办法")
    new = file_in(policy, title="新办法", document_number="云组发〔2026〕9号")
    Disclosure.objects.filter(pk=old.pk).update(validity=Disclosure.Validity.REPEALED, replaced_by=new)
    for url in (old.get_absolute_url(), new.get_absolute_url(), policy.get_absolute_url()):
        assert count_queries(client, url) <= MAX_QUERIES, url
    plain = ArticleFactory(published=True, column=county.township_news)
    plain_queries, file_queries = (
        count_queries(client, plain.get_absolute_url()),
        count_queries(client, old.get_absolute_url()),
    )
    # The metadata is joined to the article; only the 解读/取代 links cost one more query.
    assert file_queries <= plain_queries + 1


def test_the_document_list_filters_by_year_number_and_topic(client, policy):
    file_in(policy, title="二〇二六年的通知")
    file_in(
        policy, title="二〇二五年的通知", written_on=datetime.date(2025, 5, 1), document_number="云组发〔2025〕12号"
    )
    file_in(policy, title="廉政文件", document_number="云纪发〔2026〕1号", topic=Disclosure.Topic.INTEGRITY)
    url = f"/columns/{policy.slug}/documents/"
    every = client.get(url).content.decode()
    assert "二〇二六年的通知" in every and "二〇二五年的通知" in every
    by_year = client.get(url, {"year": "2025"}).content.decode()
    assert "二〇二五年的通知" in by_year and "二〇二六年的通知" not in by_year
    by_number = client.get(url, {"wenhao": "[2025]12"}).content.decode()  # brackets as typed are normalised
    assert "二〇二五年的通知" in by_number and "二〇二六年的通知" not in by_number
    by_topic = client.get(url, {"topic": "integrity"}).content.decode()
    assert "廉政文件" in by_topic and "二〇二六年的通知" not in by_topic
    assert "没有符合条件的文件" in client.get(url, {"topic": "integrity", "year": "2025"}).content.decode()
    assert client.get(url, {"year": "abc", "topic": "<script>"}).status_code == 200  # odd input: no match, no 500


def test_the_document_list_exists_only_for_disclosure_columns(client, county):
    ArticleFactory(published=True, column=county.township_news)
    assert client.get(f"/columns/{county.township_news.slug}/documents/").status_code == 404


def test_the_document_list_costs_the_same_for_few_or_many_files(client, policy):
    for i in range(3):
        file_in(policy, title=f"文件{i}", document_number="")
    url = f"/columns/{policy.slug}/documents/"
    few = count_queries(client, url)
    for i in range(3, 30):
        file_in(policy, title=f"文件{i}", document_number="")
    assert count_queries(client, url) == few <= MAX_QUERIES


def editor_form(column, **changes):
    data = {
        "title": "关于做好党员发展工作的通知",
        "column": column.pk,
        "township": "",
        "source": "县委组织部",
        "body": "<p>各乡镇党委：现就做好党员发展工作通知如下。</p>",
        "disclosure-issuer": "中共云溪县委组织部",
        "disclosure-document_number": "云组发[2026] 7号",
        "disclosure-written_on": "2026-02-10",
        "disclosure-topic": "members",
        "disclosure-validity": "valid",
    }
    return data | changes


def test_the_workspace_editor_saves_the_metadata_with_a_generated_index_number(client, policy, people):
    client.force_login(people.county_reviewer)
    page = client.get("/workspace/articles/new/").content.decode()
    assert "信息公开要素" in page and f'data-disclosure-columns="{policy.pk}"' in page
    assert client.post("/workspace/articles/new/", editor_form(policy)).status_code == 302
    disclosure = Disclosure.objects.get(article__title="关于做好党员发展工作的通知")
    assert disclosure.document_number == "云组发〔2026〕7号"
    assert disclosure.index_number == "11530000MB0000000X-2026-0001"
    article = disclosure.article
    edit_url = f"/workspace/articles/{article.pk}/edit/"
    data = editor_form(policy, base_revision=article.latest_revision_id, **{"disclosure-issuer": "县委办公室"})
    assert client.post(edit_url, data).status_code == 302
    disclosure.refresh_from_db()
    assert disclosure.issuer == "县委办公室" and disclosure.index_number.endswith("-0001")  # the number stays


def test_the_workspace_editor_explains_a_bad_document_number(client, policy, people):
    client.force_login(people.county_reviewer)
    response = client.post("/workspace/articles/new/", editor_form(policy, **{"disclosure-document_number": "7号"}))
    html = response.content.decode()
    assert response.status_code == 200 and "信息公开要素填写有误" in html and "云组发〔2026〕3号" in html
    assert not Article.objects.filter(title="关于做好党员发展工作的通知").exists()


def test_other_columns_ignore_the_metadata_fields(client, county, people):
    client.force_login(people.county_reviewer)
    data = editor_form(county.township_news, **{"disclosure-document_number": "乱写"})
    assert client.post("/workspace/articles/new/", data).status_code == 302
    assert not Disclosure.objects.exists()


def test_the_admin_edits_metadata_inline(admin_client, policy):
    article = file_in(policy)
    html = admin_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "信息公开元数据" in html and "11530000MB0000000X-2026-0001" in html
    assert admin_client.get(f"/admin/articles/column/{policy.pk}/change/").status_code == 200


def test_a_bad_index_rule_is_refused_in_chinese(db):
    from articles.models import Column

    column = Column(name="政策文件", slug="bad-rule", disclosure=True, index_rule="{org}-{year}")
    with pytest.raises(ValidationError) as refused:
        column.full_clean()
    assert "必须包含顺序号" in refused.value.message_dict["index_rule"][0]
