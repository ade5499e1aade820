"""
Writes copied.txt beside each page.html of the import corpora (in-sample and held-out): the text a browser copy of the whole page
gives (Chromium's innerText of <body>, which is what select-all + copy puts on the clipboard).
Fixtures whose expected.json says "copied_by": "hand" keep their hand-written copied.txt.

    .venv/bin/python bench/import_corpus_copy.py [SLUG ...]
"""

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

TESTS = Path(__file__).resolve().parent.parent / "tests" / "articles"
CORPORA = [TESTS / "import_corpus", TESTS / "import_corpus_heldout"]
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(slugs):
    folders = sorted(p for corpus in CORPORA for p in corpus.iterdir() if p.is_dir() and (not slugs or p.name in slugs))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
        for folder in folders:
            expected_path = folder / "expected.json"
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
            if expected.get("copied_by") == "hand" or not (folder / "page.html").exists():
                continue
            page.goto((folder / "page.html").as_uri())
            text = page.evaluate("document.body.innerText")
            (folder / "copied.txt").write_text(text.rstrip() + "\n", encoding="utf-8")
            expected["text"] = "copied.txt"
            expected_path.write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(folder.name)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
