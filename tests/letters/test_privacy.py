"""The writer's name and phone: never on a public page, feed, sitemap, search result or export without the right."""

import pytest

from letters.models import Letter

from .helpers import WRITER_NAME, WRITER_PHONE, query_code, write_letter
from .test_channel import answer_through_the_workspace

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(client, county, people, add_articles):
    add_articles(3)
    code = query_code(write_letter(client, township=str(county.township.pk), subject="远门村路灯坏了"))
    letter = answer_through_the_workspace(client, people, Letter.objects.get(query_code=code))
    client.logout()
    return letter


PUBLIC = [
    "/",
    "/letters/",
    "/letters/write/",
    "/feed/",
    "/sitemap.xml",
    "/search/?q=路灯",
    "/townships/",
    "/townships/yuanmen/",
]


@pytest.mark.parametrize("path", PUBLIC)
def test_no_public_page_shows_the_writers_name_or_phone(client, answered, path):
    response = client.get(path)
    assert response.status_code == 200, path
    body = response.content.decode()
    assert WRITER_NAME not in body and WRITER_PHONE not in body and WRITER_PHONE[-4:] not in body


@pytest.mark.parametrize("query", [WRITER_NAME, WRITER_PHONE])
def test_searching_for_the_name_or_phone_finds_nothing(client, answered, query):
    body = client.get("/search/", {"q": query}).content.decode()
    assert "没有找到" in body  # the page repeats what the reader typed; no letter is searched


def test_the_public_list_shows_the_answer_but_no_contact(client, answered):
    page = client.get("/letters/").content.decode()
    assert "远门村路灯坏了" in page
    assert answered.query_code not in page  # the 查询码 is the writer's alone


def test_the_query_code_page_shows_no_contact(client, answered):
    page = client.post("/letters/status/", {"code": answered.query_code}).content.decode()
    assert "已答复" in page and WRITER_NAME not in page and WRITER_PHONE not in page


def test_letters_without_consent_stay_off_the_public_list(client, county, people):
    code = query_code(write_letter(client, subject="家中私事请勿公开", publish_consent=None))
    answer_through_the_workspace(client, people, Letter.objects.get(query_code=code))
    client.logout()
    assert "家中私事请勿公开" not in client.get("/letters/").content.decode()
    assert "家中私事请勿公开" in client.post("/letters/status/", {"code": code}).content.decode()


def test_editors_see_the_contact_masked_reviewers_in_full(client, answered, people):
    client.force_login(people.editor)
    for path in ("/workspace/letters/?show=all", f"/workspace/letters/{answered.pk}/"):
        page = client.get(path).content.decode()
        assert WRITER_NAME not in page and WRITER_PHONE not in page
        assert "柳**" in page and "139****5678" in page
    client.force_login(people.township_reviewer)
    page = client.get(f"/workspace/letters/{answered.pk}/").content.decode()
    assert WRITER_NAME in page and WRITER_PHONE in page


def test_the_export_needs_its_permission_and_has_contact_only_with_the_right(client, answered, people, make_user):
    client.force_login(people.editor)
    assert client.get("/workspace/letters/export.csv").status_code == 403
    client.force_login(people.county_reviewer)
    csv = client.get("/workspace/letters/export.csv").content.decode("utf-8-sig")
    assert "远门村路灯坏了" in csv and WRITER_NAME in csv and WRITER_PHONE in csv
    assert answered.query_code not in csv

    # Someone allowed to export but not to see contacts: the same rows without them.
    from django.contrib.auth.models import Permission

    clerk = make_user("editor", answered.township)
    clerk.user_permissions.add(Permission.objects.get(codename="export_letter"))
    client.force_login(clerk)
    csv = client.get("/workspace/letters/export.csv").content.decode("utf-8-sig")
    assert "远门村路灯坏了" in csv and WRITER_NAME not in csv and WRITER_PHONE not in csv


def test_people_without_a_letters_role_see_nothing(client, answered, make_user):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="nobody"))
    assert client.get("/workspace/letters/").status_code == 403
    assert client.get(f"/workspace/letters/{answered.pk}/").status_code == 403
