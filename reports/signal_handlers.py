"""What reports does when articles change: a published item's waiting figures go public."""

from articles.signals import article_changed


def on_article_changed(sender, article, **kwargs):
    from . import services

    services.publish_reported_figures(article)


def connect():
    article_changed.connect(on_article_changed, dispatch_uid="reports-publish-reported-figures")
