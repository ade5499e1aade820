"""The channel's services: receiving a letter, looking it up by 查询码, monthly counts, masking, reminders."""

import datetime
import logging
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from . import screening
from .clock import Calendar
from .models import Letter, LetterEvent, LetterReminder, normalise_code

log = logging.getLogger(__name__)

# Letters per client address per hour, and 查询码 lookups per address per ten minutes.
WRITE_LIMIT = getattr(settings, "LETTERS_WRITE_LIMIT", 5)
LOOKUP_LIMIT = getattr(settings, "LETTERS_LOOKUP_LIMIT", 20)
# Working days left at which a reminder goes out (once each); -1 is the first overdue working day.
REMIND_POINTS = getattr(settings, "LETTERS_REMIND_POINTS", {"two_days": 2, "overdue": -1})
CHINESE_DIGITS = "零一二三四五六七八九十"
QUESTION_SALT = "letters.question"
QUESTION_MAX_AGE = 2 * 3600


# ---- anti-abuse: a question a screen reader can read, a honeypot field, a rate limit ------------


def new_question():
    """「三加四等于几？」: two small numbers in Chinese numerals, signed so no session is needed."""
    a, b = secrets.randbelow(5) + 1, secrets.randbelow(5) + 1
    return f"{CHINESE_DIGITS[a]}加{CHINESE_DIGITS[b]}等于几？", signing.dumps([a, b], salt=QUESTION_SALT)


def question_text(token):
    try:
        a, b = signing.loads(token, salt=QUESTION_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return f"{CHINESE_DIGITS[a]}加{CHINESE_DIGITS[b]}等于几？"


def answer_is_right(token, answer):
    try:
        a, b = signing.loads(token, salt=QUESTION_SALT, max_age=QUESTION_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return False
    answer = (answer or "").strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    wanted = a + b
    return answer in {str(wanted), CHINESE_DIGITS[wanted] if wanted <= 10 else f"十{CHINESE_DIGITS[wanted - 10]}"}


def limit_reached(kind, address, limit):
    """Whether this address has used up `limit` (without counting this request); False if the cache fails."""
    try:
        return (cache.get(f"letters:{kind}:{address}") or 0) >= limit
    except Exception:  # the channel must keep working when the cache is down
        log.warning("letters rate limit unavailable", exc_info=True)
        return False


def over_limit(kind, address, limit, seconds):
    """Count this address's attempts; True once over `limit`. A cache that fails lets people through."""
    key = f"letters:{kind}:{address}"
    try:
        if cache.add(key, 1, timeout=seconds):
            return False
        return cache.incr(key) > limit
    except Exception:  # the channel must keep working when the cache is down
        log.warning("letters rate limit unavailable", exc_info=True)
        return False


# ---- receiving and looking up --------------------------------------------------------------------


def receive(*, kind, subject, body, township, name, phone, publish_consent):
    """Store a letter from the public form, screened; returns it (its query_code is the receipt)."""
    findings = screening.screen(subject, body)
    for _ in range(5):
        try:
            with transaction.atomic():
                letter = Letter.objects.create(
                    kind=kind,
                    subject=subject.strip(),
                    body=body.strip(),
                    township=township,
                    name=name.strip(),
                    phone=phone.strip(),
                    publish_consent=publish_consent,
                    screening=findings,
                    suspected_spam=any(f["kind"] == "spam" for f in findings),
                    screened_public=not screening.has_sensitive(findings),
                )
                LetterEvent.objects.create(letter=letter, action=LetterEvent.Action.RECEIVED)
            return letter
        except IntegrityError:  # a 查询码 already taken: draw again
            continue
    raise RuntimeError("could not draw a free query code")


def lookup(code):
    code = normalise_code(code)
    if not code:
        return None
    return Letter.objects.select_related("township").filter(query_code=code).first()


# ---- the public list's monthly counts ------------------------------------------------------------


def monthly_counts(months=12, today=None):
    """Per month (newest first): letters received, answered, and average working days to answer."""
    today = today or timezone.localdate()
    zone = timezone.get_default_timezone()
    first = datetime.date(today.year, today.month, 1)
    for _ in range(months - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    start = timezone.make_aware(datetime.datetime(first.year, first.month, 1), zone)
    rows = {}
    year, month = today.year, today.month
    for _ in range(months):
        rows[(year, month)] = {"label": f"{year}年{month}月", "received": 0, "answered": 0, "days": []}
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    letters = Letter.objects.filter(Q(received_at__gte=start) | Q(answered_at__gte=start)).exclude(
        status=Letter.Status.REFUSED
    )
    calendar = Calendar()
    for received_at, answered_at in letters.values_list("received_at", "answered_at"):
        received = timezone.localdate(received_at)
        if (received.year, received.month) in rows:
            rows[(received.year, received.month)]["received"] += 1
        if answered_at:
            answered = timezone.localdate(answered_at)
            if (answered.year, answered.month) in rows:
                row = rows[(answered.year, answered.month)]
                row["answered"] += 1
                row["days"].append(calendar.between(received, answered))
    for row in rows.values():
        row["average_days"] = round(sum(row["days"]) / len(row["days"]), 1) if row["days"] else None
    return list(rows.values())


# ---- privacy -------------------------------------------------------------------------------------


def mask_name(name):
    return (name[:1] + "*" * max(len(name) - 1, 1)) if name else ""


def mask_phone(phone):
    digits = phone.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def contact_for(user, letter):
    """The writer's name and phone as this member of staff may see them."""
    if user.has_perm("letters.view_letter_contact"):
        return letter.name, letter.phone
    return mask_name(letter.name), mask_phone(letter.phone)


# ---- reminders -----------------------------------------------------------------------------------


def handlers_of(letter):
    """Who answers the letter: the township's staff with letters.answer_letter, or the county's."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    permitted = Q(groups__permissions__codename="answer_letter") | Q(is_superuser=True)
    if letter.township_id:
        return users.filter(permitted, township_id=letter.township_id).distinct()
    return users.filter(Q(groups__permissions__codename="act_for_all_townships") | Q(is_superuser=True)).distinct()


def send_reminders(now=None):
    """Mail the handlers of open letters at each point (2 working days left, overdue), once per point."""
    now = now or timezone.now()
    calendar = Calendar()
    sent = 0
    open_letters = Letter.objects.open().select_related("township")
    done = set(LetterReminder.objects.filter(letter__in=open_letters).values_list("letter_id", "point"))
    for letter in open_letters:
        left = calendar.days_left(letter, now)
        for point, at in REMIND_POINTS.items():
            if left > at or (letter.pk, point) in done:
                continue
            if point == "two_days" and left < 0:
                continue  # already overdue: the overdue reminder says it
            recipients = [u.email for u in handlers_of(letter)]
            due = calendar.due_date(letter)
            state = f"已超期 {-left} 个工作日" if left < 0 else f"还剩 {left} 个工作日"
            if recipients:
                send_mail(
                    f"【留言办理提醒】“{letter.subject}”{state}",
                    f"{letter.unit_name}：\n\n{timezone.localtime(letter.received_at):%Y年%m月%d日}收到的留言“{letter.subject}”"
                    f"应于 {due:%Y年%m月%d日} 前答复，目前{state}。请登录工作台“留言办理”处理：\n"
                    f"{settings.SITE_URL.rstrip('/')}/workspace/letters/{letter.pk}/\n",
                    settings.DEFAULT_FROM_EMAIL,
                    recipients,
                )
                sent += 1
            LetterReminder.objects.create(letter=letter, point=point)
            LetterEvent.objects.create(letter=letter, action=LetterEvent.Action.REMINDED, comment=state)
    return sent


# ---- the inspection's 19号 rule: no letter unanswered over 3 months ------------------------------

UNANSWERED_LIMIT_MONTHS = 3


def oldest_open(now=None):
    """The open letter waiting longest (None when all are answered), with the date it turns 3 months old."""
    from .clock import months_after

    letter = Letter.objects.open().select_related("township").order_by("received_at", "id").first()
    if letter is None:
        return None
    letter.limit_date = months_after(timezone.localdate(letter.received_at), UNANSWERED_LIMIT_MONTHS)
    letter.days_to_limit = (letter.limit_date - timezone.localdate(now or timezone.now())).days
    return letter
