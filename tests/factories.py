"""factory_boy factories for the real models; tests build exactly the rows they need."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from accounts.models import User
from articles.models import Article, Column
from townships.models import Figure, Initiative, Practice, Township, Village


class TownshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Township
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"测试{n}镇")
    slug = factory.Sequence(lambda n: f"town-{n}")
    kind = Township.Kind.TOWN
    county = "云溪县"
    intro = "地处县城东部，以苹果和设施蔬菜为主导产业。"
    party_branch_count = 30
    party_member_count = 1260
    population = 40000


class VillageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Village

    township = factory.SubFactory(TownshipFactory)
    name = factory.Sequence(lambda n: f"第{n}村")
    kind = Village.Kind.VILLAGE


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"党建+测试{n}")
    slug = factory.Sequence(lambda n: f"initiative-{n}")


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice

    township = factory.SubFactory(TownshipFactory)
    initiative = factory.SubFactory(InitiativeFactory)
    summary = "推行“党员中心户+网格员”联防联治机制。"
    started_on = datetime.date(2021, 3, 1)


class FigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Figure

    practice = factory.SubFactory(PracticeFactory)
    label = "村级综治中心"
    value = Decimal("12")
    unit = Figure.Unit.PLACE
    as_of = datetime.date(2025, 12, 31)


class ColumnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Column
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"栏目{n}")
    slug = factory.Sequence(lambda n: f"column-{n}")
    update_class = Column.UpdateClass.NEWS


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"远门镇党建工作动态第{n}期")
    column = factory.SubFactory(ColumnFactory)
    source = "远门镇党委"
    authors = "张三 李四"
    editor = "王五"
    summary = "远门镇以党建引领产业发展。"
    body = "<p>远门镇坚持党建引领，建成村级综治中心12处。</p><p>全镇苹果种植面积9000亩。</p>"
    status = Article.Status.DRAFT

    class Params:
        published = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1)),
        )

    @factory.post_generation
    def initiatives(self, create, extracted, **kwargs):
        if create and extracted:
            self.initiatives.set(extracted)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = "测试用户"
    password = factory.PostGenerationMethodCall("set_password", "Yunxi@2026")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()
