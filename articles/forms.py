from django import forms
from django.core.cache import cache

from townships.models import Initiative, Township

from . import navigation
from .search import MAX_QUERY_CHARS

CHOICES_KEY = "articles:search-filter-choices"


def filter_choices():
    """(townships, initiatives) as (slug, name) pairs; cached briefly, they change a few times a year."""
    choices = cache.get(CHOICES_KEY)
    if choices is None:
        choices = (
            list(Township.objects.values_list("slug", "name")),
            list(Initiative.objects.values_list("slug", "name")),
        )
        cache.set(CHOICES_KEY, choices, timeout=300)
    return choices


class SearchForm(forms.Form):
    """The public search box and its filters. Anything odd is simply not matched; bad filters are dropped."""

    q = forms.CharField(label="关键词", required=False)
    column = forms.ChoiceField(label="栏目", required=False)
    township = forms.ChoiceField(label="乡镇", required=False)
    initiative = forms.ChoiceField(label="党建+", required=False)
    date_from = forms.DateField(label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        columns = []
        for top in navigation.visible_columns():
            columns.append((top.slug, top.name))
            columns += [(child.slug, f"{top.name} › {child.name}") for child in top.nav_children]
        townships, initiatives = filter_choices()
        self.fields["column"].choices = [("", "全部栏目"), *columns]
        self.fields["township"].choices = [("", "全部乡镇"), *townships]
        self.fields["initiative"].choices = [("", "全部"), *initiatives]

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_QUERY_CHARS]

    def search_terms(self):
        """The cleaned query and filters; an invalid filter counts as no filter."""
        self.is_valid()
        data = {name: self.cleaned_data.get(name) or None for name in self.fields}
        data["q"] = (self.cleaned_data.get("q") or "").strip()
        return data
