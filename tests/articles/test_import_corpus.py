"""
The real-structure import corpora (tests/articles/import_corpus/, tuned on, and import_corpus_heldout/, scored
before any rule was changed for them) are well formed: every fixture has its
inputs and a complete expectation, so bench/import_quality.py measures what the README says it does.
"""

import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "import_corpus"
HELDOUT = Path(__file__).parent / "import_corpus_heldout"
FOLDERS = sorted(p for p in CORPUS.iterdir() if p.is_dir())
HELDOUT_FOLDERS = sorted(p for p in HELDOUT.iterdir() if p.is_dir())
TOWNSHIPS = json.loads((CORPUS / "townships.json").read_text(encoding="utf-8"))
KEYS = {"origin", "title", "published_at", "source", "editor", "authors", "township", "paragraphs", "copied_by"}


def test_the_corpus_has_at_least_twenty_fixtures_each_listed_in_the_readme():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert len(FOLDERS) >= 20
    assert [f for f in FOLDERS if f"| {f.name} (" not in readme] == []


def test_the_held_out_set_has_at_least_twelve_fixtures_each_listed_in_its_readme_and_no_slug_twice():
    readme = (HELDOUT / "README.md").read_text(encoding="utf-8")
    assert len(HELDOUT_FOLDERS) >= 12
    assert [f for f in HELDOUT_FOLDERS if f"| {f.name} (" not in readme] == []
    assert not {f.name for f in FOLDERS} & {f.name for f in HELDOUT_FOLDERS}


@pytest.mark.parametrize("folder", FOLDERS + HELDOUT_FOLDERS, ids=[f.name for f in FOLDERS + HELDOUT_FOLDERS])
def test_fixture_has_its_inputs_and_a_complete_expectation(folder):
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert set(expected) >= KEYS
    assert expected.get("html") or expected.get("text")
    for kind in ("html", "text"):
        if expected.get(kind):
            assert (folder / expected[kind]).stat().st_size > 0
    assert expected["township"] in [*TOWNSHIPS, ""]
    assert expected["published_at"] is None or re.fullmatch(
        r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?", expected["published_at"]
    )
    assert expected["paragraphs"] and all(p.strip() == p and p for p in expected["paragraphs"])
    assert expected["copied_by"] in ("browser", "hand")
