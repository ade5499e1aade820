"""
Load the 云溪县 demo site: profile, columns, townships, 党建+ practices, articles and logins.

Idempotent over whatever the database already holds (the benchmark corpus, an earlier or partial
demo, townships and columns an admin created): rows are looked up by their natural keys (slug, else
name; title) and only missing ones are created, so running it again changes nothing and never
duplicates. What exists is used as it is, never overwritten.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from articles.models import Article, AuditEntry, Column, Disclosure
from demo import letters as demo_letters
from demo import reports as demo_reports
from demo.attachments import attach_demo_files
from demo.covers import draw_cover
from demo.data import articles_county, articles_townships, articles_workflow, disclosure, site, townships
from demo.data import oldlinks as oldlinks_data
from demo.loading import demo_loading
from oldlinks import importing
from oldlinks.models import NotFoundPath
from siteprofile.models import SiteProfile
from townships.models import Figure, Initiative, Practice, Township, Village

ALL_ARTICLES = articles_county.ARTICLES + articles_townships.ARTICLES + articles_workflow.ARTICLES + disclosure.ARTICLES


def find_or_create(model, *, slug, name, defaults, **scope):
    """The row with this slug, else with this name (one an admin or the corpus made), else a new one."""
    found = model.objects.filter(slug=slug).first() or model.objects.filter(name=name, **scope).first()
    if found:
        return found, False
    return model.objects.create(slug=slug, name=name, **scope, **defaults), True


def paragraphs_to_html(paragraphs):
    """Demo paragraphs are plain text; a leading "## " marks a sub-heading."""
    html = []
    for text in paragraphs:
        if text.startswith("## "):
            html.append(f"<h2>{escape(text[3:])}</h2>")
        else:
            html.append(f"<p>{escape(text)}</p>")
    return "".join(html)


class Command(BaseCommand):
    help = "载入演示数据（可重复运行，不会重复创建）。"

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="不打印演示账号。")

    def handle(self, *args, **options):
        with demo_loading():  # no mail, no collectstatic needed (demo/loading.py)
            created = self.load()
        summary = "，".join(f"{name} +{count}" for name, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"演示数据已就绪（新建：{summary}）"))
        if not options["quiet_logins"]:
            self.print_logins()

    @transaction.atomic
    def load(self):
        created = {
            "townships": self.load_townships(),
            "columns": self.load_columns() + self.load_column_kinds(),
            "users": self.load_users(),
            "articles": self.load_articles(),
        }
        created["disclosures"] = self.load_disclosures()
        people = {u.username: u for u in get_user_model().objects.filter(username__in=[u[0] for u in site.USERS])}
        created["reports"] = demo_reports.load(people, self.townships, self.columns["work-reports"])
        created["letters"] = demo_letters.load(people, self.townships)
        self.load_profile()
        created["redirects"] = self.load_old_links()
        return created

    def load_old_links(self):
        """A few redirects from the old site's addresses (through the importer's checks) and recorded 404s."""
        pairs = []
        for line, (old, new) in enumerate(oldlinks_data.REDIRECTS, start=1):
            if new.startswith("article:"):
                newest = Article.objects.listed().filter(column__slug=new.removeprefix("article:")).latest_first()
                new = newest.first().get_absolute_url() if newest.exists() else "/"
            pairs.append((line, old, new))
        report = importing.apply(importing.plan(pairs, skip_bad=True))
        now = timezone.now()
        for path, hits, days, referrer in oldlinks_data.NOT_FOUND:
            seen = {
                "first_seen": now - datetime.timedelta(days=days),
                "last_seen": now - datetime.timedelta(hours=days),
            }
            NotFoundPath.objects.get_or_create(path=path, defaults={"hits": hits, "referrer": referrer, **seen})
        return report.count(importing.IMPORTED)

    def load_profile(self):
        profile = SiteProfile.get_solo()
        if not profile.organizer:  # never overwrite what an admin has edited
            for field, value in site.SITE_PROFILE.items():
                setattr(profile, field, value)
            profile.save()

    def load_townships(self):
        """Townships and initiatives by the demo's slugs in `self.townships` / `self.initiatives`."""
        count = 0
        self.initiatives = {}
        for order, data in enumerate(townships.INITIATIVES):
            self.initiatives[data["slug"]], _ = find_or_create(
                Initiative,
                slug=data["slug"],
                name=data["name"],
                defaults={"description": data["description"], "sort_order": order},
            )
        self.townships = {}
        for order, data in enumerate(townships.TOWNSHIPS):
            township, created = find_or_create(
                Township,
                slug=data["slug"],
                name=data["name"],
                defaults={
                    "kind": data["kind"],
                    "county": site.SITE_PROFILE["county"],
                    "intro": data["intro"],
                    "party_branch_count": data["party_branch_count"],
                    "party_member_count": data["party_member_count"],
                    "population": data["population"],
                    "sort_order": order,
                },
            )
            self.townships[data["slug"]] = township
            count += created
            for v_order, (name, kind) in enumerate(data["villages"]):
                Village.objects.get_or_create(
                    township=township, name=name, defaults={"kind": kind, "sort_order": v_order}
                )
        for data in townships.PRACTICES:
            practice, _ = Practice.objects.get_or_create(
                township=self.townships[data["township"]],
                initiative=self.initiatives[data["initiative"]],
                defaults={
                    "summary": data["summary"],
                    "started_on": datetime.date.fromisoformat(data["started_on"]),
                    "ended_on": data["ended_on"] and datetime.date.fromisoformat(data["ended_on"]),
                },
            )
            for label, value, unit, as_of in data["figures"]:
                Figure.objects.get_or_create(
                    practice=practice,
                    label=label,
                    as_of=datetime.date.fromisoformat(as_of),
                    defaults={"value": Decimal(str(value)), "unit": unit},
                )
        return count

    def load_columns(self):
        """Columns by the demo's slugs in `self.columns`; a column of the same name under the same
        parent counts as the demo's."""
        count = 0
        self.columns, self.created_columns = {}, set()
        for order, (slug, name, update_class, parent, on_home, description) in enumerate(site.COLUMNS):
            self.columns[slug], created = find_or_create(
                Column,
                slug=slug,
                name=name,
                parent=parent and self.columns[parent],
                defaults={
                    "update_class": update_class,
                    "show_on_home": on_home,
                    "description": description,
                    "sort_order": order,
                },
            )
            count += created
            if created:
                self.created_columns.add(self.columns[slug].pk)
        return count

    def load_column_kinds(self):
        """The 信息公开 settings of demo columns it created, and one column of each kind (demo/data/disclosure.py)."""
        count = 0
        for slug, settings in disclosure.COLUMN_SETTINGS.items():
            column = self.columns[slug]
            if column.pk in self.created_columns and not column.disclosure:
                Column.objects.filter(pk=column.pk).update(**settings)
        start = len(site.COLUMNS)
        for order, (slug, name, kind, update_class, parent, on_home, description, extra) in enumerate(
            disclosure.COLUMNS, start
        ):
            self.columns[slug], created = find_or_create(
                Column,
                slug=slug,
                name=name,
                parent=parent and self.columns[parent],
                defaults={
                    "kind": kind,
                    "update_class": update_class,
                    "show_on_home": on_home,
                    "description": description,
                    "sort_order": order,
                    **extra,
                },
            )
            if created and kind == Column.Kind.TOPIC:
                banner = draw_cover(f"banner-{slug}", "organization", name)
                self.columns[slug].banner.save(f"{slug}.jpg", ContentFile(banner))
            count += created
        return count

    def load_disclosures(self):
        """信息公开要素 of the demo's policy files (one repealed and replaced, one interpreted) and notices."""
        count = 0
        find = {
            data["key"]: Article.objects.filter(title=data["title"], column=self.columns[data["column"]]).first()
            for data in ALL_ARTICLES
            if data["key"] in disclosure.DISCLOSURES
        }
        keys = {article.pk: key for key, article in find.items() if article}
        demo_columns = [c.pk for c in self.columns.values()]
        items = Article.objects.published().filter(
            column__in=demo_columns, column__disclosure=True, disclosure__isnull=True
        )
        for article in items.order_by("published_at"):
            key = keys.get(article.pk)
            issuer, number, days_before, topic, validity, replaced_by, interprets = disclosure.DISCLOSURES.get(
                key, (article.source, "", 0, "general", "valid", None, None)
            )
            Disclosure(
                article=article,
                issuer=issuer,
                document_number=number,
                written_on=timezone.localdate(article.published_at) - datetime.timedelta(days=days_before),
                topic=topic,
                validity=validity,
                replaced_by=replaced_by and find[replaced_by],
                interprets=interprets and find[interprets],
            ).save()
            count += 1
        return count

    def load_articles(self):
        columns, township_map, initiative_map = self.columns, self.townships, self.initiatives
        people = {u.username: u for u in get_user_model().objects.filter(username__in=[u[0] for u in site.USERS])}
        now = timezone.localtime()
        count = 0
        for data in ALL_ARTICLES:
            column = columns[data["column"]]
            if Article.all_objects.filter(title=data["title"], column=column).exists():  # binned stays binned
                continue
            township = township_map.get(data["township"]) if data["township"] else None
            article = Article(
                title=data["title"],
                subtitle=data.get("subtitle", ""),
                column=column,
                township=township,
                source=data["source"],
                authors=data["authors"],
                editor=data["editor"],
                summary=data["summary"],
                body=paragraphs_to_html(data["paragraphs"]),
                is_pinned=data.get("pinned", False),
                is_headline=data.get("headline", False),
                created_by=self.author_of(data, people),
            )
            if data.get("public_days"):  # a 公示 ends when its 公示期 is over
                article.ends_at = self.published_at(now, data) + datetime.timedelta(days=data["public_days"])
            if data.get("cover") or data.get("headline"):
                theme = data["initiatives"][0] if data["initiatives"] else "default"
                label = township.name if township else site.SITE_PROFILE["county"]
                article.cover.save(f"{data['key']}.jpg", ContentFile(draw_cover(data["key"], theme, label)), save=False)
            article.save()
            article.initiatives.set([initiative_map[slug] for slug in data["initiatives"]])
            attach_demo_files(article, data["key"])
            article.record_revision(by=article.created_by, note="演示数据", action=AuditEntry.Action.CREATED)
            self.advance(article, data, people, now)
            if article.ends_at and article.ends_at <= now:
                self.end_in_the_past(article)
            count += 1
        return count

    @staticmethod
    def author_of(data, people):
        if data["township"] == "yuanmen":
            return people["yuanmen_editor"]
        if data["township"] is None and data.get("workflow"):
            return people["county_reviewer"]
        return None

    def advance(self, article, data, people, now):
        """Move a demo article to its state: through the real workflow where demo logins can act."""
        editor, reviewer, county = people["yuanmen_editor"], people["yuanmen_reviewer"], people["county_reviewer"]
        state = data.get("workflow") or data["status"]
        if state in ("published", "withdrawn"):
            self.record_published_history(article, self.published_at(now, data), county)
            if state == "withdrawn":
                article.withdraw(by=county, reason=data["withdraw_reason"])
        elif state in ("township_review", "county_review", "returned"):
            article.submit(by=editor, reviewer=reviewer, confidentiality_confirmed=True)
            if state == "county_review":
                article.approve(by=reviewer, comment="内容属实，同意报送。")
            elif state == "returned":
                article.return_to_editor(by=reviewer, comment=data["return_comment"])
        elif state == "scheduled":
            article.submit(by=county, confidentiality_confirmed=True)
            article.publish(by=county, at=now + datetime.timedelta(hours=data["schedule_hours"]))

    @staticmethod
    def record_published_history(article, published_at, county_reviewer):
        """Items published before the demo began: write their review trail at plausible past times."""
        S, A = Article.Status, AuditEntry.Action
        steps = [(A.SUBMITTED, S.DRAFT, S.TOWNSHIP_REVIEW, "通讯员", "乡镇通讯员", 26)]
        if article.township_id:
            steps.append((A.APPROVED, S.TOWNSHIP_REVIEW, S.COUNTY_REVIEW, "乡镇审核", "乡镇审核", 20))
        else:
            steps[0] = (A.SUBMITTED, S.DRAFT, S.COUNTY_REVIEW, "县委组织部", "县级终审", 26)
        steps.append((A.PUBLISHED, S.COUNTY_REVIEW, S.PUBLISHED, str(county_reviewer), "县级终审", 0))
        for action, from_status, to_status, name, role, hours_before in steps:
            entry = article.log(
                action,
                by=county_reviewer if action == A.PUBLISHED else None,
                from_status=from_status,
                to_status=to_status,
                actor_name=(str(article.created_by) if article.created_by and action == A.SUBMITTED else name),
                role=role,
            )
            AuditEntry.objects.filter(pk=entry.pk).update(
                created_at=published_at - datetime.timedelta(hours=hours_before)
            )
        written = published_at - datetime.timedelta(hours=30)
        article.audit.filter(action=A.CREATED).update(created_at=written)
        article.revisions.update(created_at=written)
        Article.objects.filter(pk=article.pk).update(status=S.PUBLISHED, published_at=published_at)
        article.status, article.published_at = S.PUBLISHED, published_at

    @staticmethod
    def end_in_the_past(article):
        """As the worker would have: ended at its 结束时间, the 到期结束 entry dated then."""
        if article.end_when_due(now=article.ends_at):
            article.audit.filter(action=AuditEntry.Action.ENDED).update(created_at=article.ends_at)

    @staticmethod
    def published_at(now, data):
        """Dates are relative to the day the demo is loaded, so its columns never look stale."""
        hour, minute = map(int, data["time"].split(":"))
        day = now - datetime.timedelta(days=data["days_ago"])
        moment = day.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return min(moment, now - datetime.timedelta(minutes=5))

    def load_users(self):
        User = get_user_model()
        count = 0
        for username, full_name, role, township_slug in site.USERS:
            if User.objects.filter(username=username).exists():
                continue
            user = User(
                username=username,
                full_name=full_name,
                email=f"{username}@example.cn",  # so the workflow's notifications reach them while trying the site
                township=self.townships[township_slug] if township_slug else None,
                is_staff=role is None,
                is_superuser=role is None,
            )
            user.set_password(site.DEMO_PASSWORD)
            user.save()
            if role:
                user.groups.add(Group.objects.get_or_create(name=role)[0])
            count += 1
        return count

    def print_logins(self):
        self.stdout.write(f"\n演示账号（密码均为 {site.DEMO_PASSWORD}）：")
        users = (
            get_user_model()
            .objects.select_related("township")
            .in_bulk([u[0] for u in site.USERS], field_name="username")
        )
        for username, _full_name, role, _township in site.USERS:
            user = users[username]
            township = user.township.name if user.township else "县级"
            self.stdout.write(f"  {role or '管理员（超级用户）':<8}  {username:<18} {user.full_name}（{township}）")
