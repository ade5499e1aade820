"""The message channel through real requests: from the form to the public answer, the 查询码 page, abuse."""

import pytest
from django.core import mail

from letters.models import Letter, LetterEvent

from .helpers import WRITER_NAME, WRITER_PHONE, query_code, solve, token, write_letter

pytestmark = pytest.mark.django_db


def answer_through_the_workspace(client, people, letter, text="路灯已于本周修复，感谢您的监督。"):
    client.force_login(people.editor if letter.township_id else people.county_reviewer)
    assert client.post(f"/workspace/letters/{letter.pk}/do/accept/").status_code == 302
    response = client.post(
        f"/workspace/letters/{letter.pk}/do/submit/", {"answer": text, "answer_unit": "远门镇人民政府"}
    )
    assert response.status_code == 302
    client.force_login(people.county_reviewer)
    assert client.post(f"/workspace/letters/{letter.pk}/do/approve/", {"comment": ""}).status_code == 302
    letter.refresh_from_db()
    return letter


def test_a_letter_from_the_form_to_its_answer_on_the_public_list(client, county, people):
    response = write_letter(client, township=str(county.township.pk))
    assert response.status_code == 200
    code = query_code(response)
    letter = Letter.objects.get(query_code=code)
    assert letter.township == county.township and letter.status == Letter.Status.RECEIVED
    assert "远门村路灯坏了" not in client.get("/letters/").content.decode()  # nothing public before the answer

    letter = answer_through_the_workspace(client, people, letter)
    assert letter.status == Letter.Status.ANSWERED
    assert [e.action for e in letter.events.all()] == ["received", "accepted", "submitted", "approved"]

    client.logout()
    page = client.get("/letters/").content.decode()
    assert "远门村路灯坏了" in page and "路灯已于本周修复" in page and "远门镇人民政府" in page
    assert "受理日期" in page and "答复日期" in page and "答复单位" in page
    assert "收到留言" in page and "平均答复用时" in page


def test_the_query_code_page_shows_status_then_answer(client, county, people):
    code = query_code(write_letter(client))
    page = client.post("/letters/status/", {"code": code.lower()}).content.decode()
    assert "待受理" in page and "答复期限" in page and "还剩" in page
    assert WRITER_NAME not in page and WRITER_PHONE not in page
    letter = answer_through_the_workspace(client, people, Letter.objects.get(query_code=code))
    client.logout()
    page = client.post("/letters/status/", {"code": f" {code[:6]}-{code[6:]} "}).content.decode()
    assert "已答复" in page and "路灯已于本周修复" in page
    assert letter.answer_unit in page
    wrong = client.post("/letters/status/", {"code": "AAAABBBBCCCC"})
    assert wrong.status_code == 200 and "没有找到这个查询码" in wrong.content.decode()
    assert "请填写查询码" in client.post("/letters/status/", {"code": ""}).content.decode()


def test_a_wrong_answer_to_the_question_keeps_the_letter_and_asks_again(client, county):
    response = write_letter(client, check_answer="99")
    page = response.content.decode()
    assert "验证问题回答不正确" in page and "远门村路灯坏了" in page  # what was typed is kept
    assert not Letter.objects.exists()
    assert "验证问题：" in page
    # The new question on the page is the one its token asks: answering it sends the letter.
    response = client.post(
        "/letters/write/",
        {**response.wsgi_request.POST.dict(), "check_answer": solve(page), "question": token(page)},
    )
    assert "留言已提交" in response.content.decode() and Letter.objects.count() == 1


def test_chinese_numerals_answer_the_question(client, county):
    from letters import services

    text, token = services.new_question()
    a, b = "零一二三四五六七八九十".index(text[0]), "零一二三四五六七八九十".index(text[2])
    assert services.answer_is_right(token, "零一二三四五六七八九十"[a + b])
    assert services.answer_is_right(token, "０１２３４５６７８９１０"[a + b] if a + b < 10 else "１０")
    assert not services.answer_is_right("forged", str(a + b))


def test_the_honeypot_pretends_and_keeps_nothing(client, county):
    response = write_letter(client, website="http://spam.example")
    assert response.status_code == 200 and "留言已提交" in response.content.decode()
    assert not Letter.objects.exists()


def test_one_address_may_write_a_few_letters_an_hour(client, county, settings):
    from letters import services

    for _ in range(services.WRITE_LIMIT):
        write_letter(client)
    response = write_letter(client)
    assert "提交得太频繁" in response.content.decode()
    assert Letter.objects.count() == services.WRITE_LIMIT


def test_mistakes_do_not_use_up_the_limit(client, county):
    from letters import services

    for _ in range(services.WRITE_LIMIT + 2):
        write_letter(client, check_answer="99")
    assert "留言已提交" in write_letter(client).content.decode()


def test_lookups_are_rate_limited(client, county):
    from letters import services

    for _ in range(services.LOOKUP_LIMIT):
        client.post("/letters/status/", {"code": "AAAABBBBCCCC"})
    assert "查询次数过多" in client.post("/letters/status/", {"code": "AAAABBBBCCCC"}).content.decode()


def test_bad_input_gets_chinese_messages_not_errors(client, county):
    page = write_letter(client, subject="", phone="12345", body="").content.decode()
    assert "请填写标题" in page and "请填写留言内容" in page and "请填写正确的手机号" in page
    forged = write_letter(client, question="forged", check_answer="7")
    assert forged.status_code == 200 and not Letter.objects.exists()
    assert client.post("/letters/write/", {"township": "999999"}).status_code == 200


def test_sensitive_words_keep_a_letter_off_the_public_list(client, county, people):
    code = query_code(write_letter(client, body="建议村里多开展两学一作学习。"))
    letter = Letter.objects.get(query_code=code)
    assert letter.screening and not letter.screened_public
    answer_through_the_workspace(client, people, letter)
    client.logout()
    assert "两学一作" not in client.get("/letters/").content.decode()


def test_an_answer_with_a_sensitive_word_is_refused(client, county, people):
    letter = Letter.objects.get(query_code=query_code(write_letter(client, township=str(county.township.pk))))
    client.force_login(people.editor)
    client.post(f"/workspace/letters/{letter.pk}/do/accept/")
    response = client.post(
        f"/workspace/letters/{letter.pk}/do/submit/",
        {"answer": "我们将落实两学一作要求。", "answer_unit": "远门镇"},
        follow=True,
    )
    assert "错敏词" in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == Letter.Status.HANDLING


def test_spam_is_flagged_for_the_handlers(client, county):
    code = query_code(write_letter(client, body="代开发票 加微信 http://a.example.com http://b.example.net"))
    assert Letter.objects.get(query_code=code).suspected_spam


def test_a_returned_answer_goes_back_to_the_township(client, county, people):
    letter = Letter.objects.get(query_code=query_code(write_letter(client, township=str(county.township.pk))))
    client.force_login(people.editor)
    client.post(f"/workspace/letters/{letter.pk}/do/accept/")
    client.post(f"/workspace/letters/{letter.pk}/do/submit/", {"answer": "已处理。", "answer_unit": "远门镇"})
    client.force_login(people.county_reviewer)
    response = client.post(f"/workspace/letters/{letter.pk}/do/return/", {"comment": ""}, follow=True)
    assert "需要填写意见" in response.content.decode()
    client.post(f"/workspace/letters/{letter.pk}/do/return/", {"comment": "请写明修复日期。"})
    letter.refresh_from_db()
    assert letter.status == Letter.Status.HANDLING and letter.review_comment == "请写明修复日期。"
    client.force_login(people.editor)
    assert "请写明修复日期" in client.get(f"/workspace/letters/{letter.pk}/").content.decode()


def test_township_staff_see_only_their_township_and_editors_cannot_approve(client, county, people):
    letter = Letter.objects.get(query_code=query_code(write_letter(client, township=str(county.township.pk))))
    client.force_login(people.other_editor)
    assert client.get(f"/workspace/letters/{letter.pk}/").status_code == 404
    assert client.post(f"/workspace/letters/{letter.pk}/do/accept/").status_code == 404
    client.force_login(people.editor)
    client.post(f"/workspace/letters/{letter.pk}/do/accept/")
    client.post(f"/workspace/letters/{letter.pk}/do/submit/", {"answer": "已处理。", "answer_unit": "远门镇"})
    response = client.post(f"/workspace/letters/{letter.pk}/do/approve/", follow=True)
    assert "没有权限" in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == Letter.Status.REVIEW


def test_the_county_routes_a_letter_to_a_township(client, county, people):
    letter = Letter.objects.get(query_code=query_code(write_letter(client)))
    client.force_login(people.county_reviewer)
    client.post(f"/workspace/letters/{letter.pk}/do/route/", {"township": county.township.pk})
    letter.refresh_from_db()
    assert letter.township == county.township
    assert letter.events.filter(action=LetterEvent.Action.ROUTED).exists()
    client.force_login(people.editor)
    assert client.get(f"/workspace/letters/{letter.pk}/").status_code == 200


def test_refused_letters_say_why_on_the_status_page(client, county, people):
    code = query_code(write_letter(client))
    client.force_login(people.county_reviewer)
    letter = Letter.objects.get(query_code=code)
    client.post(f"/workspace/letters/{letter.pk}/do/refuse/", {"comment": "留言内容与本县无关。"})
    client.logout()
    page = client.post("/letters/status/", {"code": code}).content.decode()
    assert "不予受理" in page and "与本县无关" in page


def test_a_closed_channel_says_so(client, county):
    from siteprofile.models import SiteProfile

    profile = SiteProfile.get_solo()
    profile.letters_open = False
    profile.letters_name = "书记信箱"
    profile.save()
    response = client.get("/letters/write/")
    assert response.status_code == 503 and "书记信箱暂停接收留言" in response.content.decode()
    assert "书记信箱" in client.get("/").content.decode()  # the footer link takes the configured name


def test_the_footer_links_to_the_channel(client, county):
    assert 'href="/letters/"' in client.get("/").content.decode()


def test_public_list_query_count_is_pinned(client, county, people, django_assert_max_num_queries):
    for _ in range(3):
        answer_through_the_workspace(client, people, Letter.objects.get(query_code=query_code(write_letter(client))))
    client.logout()
    client.get("/letters/")  # warm the menu and profile caches
    with django_assert_max_num_queries(6):
        assert client.get("/letters/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/letters/write/").status_code == 200


def test_mail_is_not_needed_to_write(client, county):
    write_letter(client)
    assert mail.outbox == []


def test_the_form_still_works_when_redis_is_down(client, county, settings):
    """The rate limit lives in the cache; with Redis unreachable the letter still goes through."""
    settings.CACHES = {"default": {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}}
    for _ in range(2):
        assert "留言已提交" in write_letter(client).content.decode()
    assert Letter.objects.count() == 2
    assert client.post("/letters/status/", {"code": Letter.objects.first().query_code}).status_code == 200


def test_the_sitemap_lists_the_channel_not_its_letters(client, county):
    body = client.get("/sitemap.xml").content.decode()
    assert "/letters/</loc>" in body and "/letters/write/</loc>" in body and "/letters/status/" not in body


def test_the_status_page_query_count_is_pinned(client, county, django_assert_max_num_queries):
    code = query_code(write_letter(client))
    client.get("/letters/status/")
    with django_assert_max_num_queries(6):
        assert "待受理" in client.post("/letters/status/", {"code": code}).content.decode()


def test_the_workspace_menu_offers_letters_to_their_handlers(client, county, people, make_user):
    client.force_login(people.editor)
    assert "留言办理" in client.get("/workspace/").content.decode()
    client.force_login(make_user("admin", is_staff=True))
    assert client.get("/admin/letters/holiday/").status_code == 200
    assert client.get("/admin/letters/letter/").status_code == 200
