"""
What a title may be, in one place: plain text, at most 120 characters, best kept to 40.

The form refuses a title that breaks a rule (never cuts it), the content checks flag an old or
imported one that does, the importer cuts an over-long one and says so, and the workspace editor
counts characters as the person types (static/js/workspace.js reads the numbers from the widget).
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

MAX_LENGTH = 120  # Article.title's max_length
ADVISED_LENGTH = 40  # two lines of a home-page box at the narrowest width (see docs/decisions.md)
HINT = f"标题建议不超过 {ADVISED_LENGTH} 字（首页栏目只显示两行），最多 {MAX_LENGTH} 字；只能是文字，不能含网页代码。"
# A tag as a browser would read one: "<" then a letter, "/" or "!". "a<b" or "1 < 2" are text.
TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^<>]*>")


def counter_text(length):
    """What the live counter says (the same words as static/js/workspace.js)."""
    return f"已输入 {length} 字，建议不超过 {ADVISED_LENGTH} 字"


def tags_in(title):
    return TAG.findall(title or "")


def problems(title):
    """The rules a title breaks, as Chinese messages (empty when it is fine to save)."""
    found = []
    tags = tags_in(title)
    if tags:
        found.append(f"标题不能含网页代码（发现“{tags[0]}”），请只填写文字。")
    if len(title or "") > MAX_LENGTH:
        found.append(f"标题最多 {MAX_LENGTH} 字，现有 {len(title)} 字，请删减。")
    return found


def validate(title):
    messages = problems(title)
    if messages:
        raise ValidationError(messages)


def cut_for_import(title):
    """(title, message): an imported title that fits, and why it was cut ("" when it was not)."""
    if len(title) <= MAX_LENGTH:
        return title, ""
    return title[:MAX_LENGTH], f"原标题 {len(title)} 字，超过 {MAX_LENGTH} 字，已截断，请核对后修改。"


def prepare_field(field):
    """A form's title field: no maxlength (a browser cuts pasted text silently at it; the form says
    what is too long instead), the length hint, and the numbers the live counter uses."""
    field.max_length = None
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
    field.widget.attrs.pop("maxlength", None)
    field.widget.attrs.update({"data-title-counter": "", "data-advised": ADVISED_LENGTH, "data-max": MAX_LENGTH})
    field.help_text = HINT
