"""
The allow-list for article bodies: one extension list drives the editor toolbar and nh3.

django-prose-editor sanitises only in form cleaning; `sanitize_body` is called from
`Article.save()` so that imports, scripts and the admin all store the same safe HTML.
"""

from django_prose_editor.fields import create_sanitizer

BODY_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Subscript": True,
    "Superscript": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Image": True,
    "Figure": True,
    "Caption": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}

BODY_CONFIG = {"extensions": BODY_EXTENSIONS}

sanitize_body = create_sanitizer(BODY_EXTENSIONS)
