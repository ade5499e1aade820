from publishing.checks import site_url_is_an_allowed_host


def test_a_site_url_outside_allowed_hosts_is_reported(settings):
    settings.ALLOWED_HOSTS = ["dj.example.gov.cn"]
    settings.SITE_URL = "http://127.0.0.1:8000"
    assert [w.id for w in site_url_is_an_allowed_host(None)] == ["publishing.W001"]


def test_a_site_url_among_allowed_hosts_passes(settings):
    settings.ALLOWED_HOSTS = [".example.gov.cn"]
    settings.SITE_URL = "https://dj.example.gov.cn"
    assert site_url_is_an_allowed_host(None) == []
