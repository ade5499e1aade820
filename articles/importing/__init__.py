"""
Turn a pasted or scraped township report into a clean, unsaved draft and a list of warnings.

A pipeline of small named steps (docs/decisions.md, "Importing as a pipeline of named steps"), each in its
own module with its own tests (tests/articles/test_import_steps.py):

1. decode      bytes to text (UTF-8, the page's charset, GB18030); word: a .docx through mammoth
2. normalise   entities, zero-width marks, pinyin readings, traditional to simplified, doubled punctuation
3. blocks      visible lines of a page, each marked inside or outside the article block (text density)
4. classify    named features of each line, and the predicates and scores that sort lines into
               title / meta / body / furniture
5. metadata    'label：value' lines and tables, unlabelled date lines, names out of credits (dates: the shapes)
6. headline    the headline among 标题 cells, <h1>, og:title, <title> and the lines above the meta line
7. paragraphs  wrapped lines joined, credits off both ends, the page's tail and watermarks removed
8. township    the township and the 党建+ initiatives

Nothing here raises on bad input: an unreadable file becomes a result with an `unreadable` warning.
"""

from .dates import parse_date
from .metadata import parse_meta
from .pipeline import extract, import_bytes, import_file, import_text
from .result import Dropped, ImportResult, Line, Origin, UnreadableError

__all__ = [
    "Dropped",
    "ImportResult",
    "Line",
    "Origin",
    "UnreadableError",
    "extract",
    "import_bytes",
    "import_file",
    "import_text",
    "parse_date",
    "parse_meta",
]
